"""The one error funnel: every typed error becomes a message that says what to do."""

from __future__ import annotations

import pytest

from inflow_desk.api.errors import (
    APITimeoutError,
    BadRequestError,
    ConnectionCheckUnavailable,
    InternalServerError,
    ProxyRefusedError,
    RequestCancelled,
    ResponseTooLargeError,
    TLSVerificationError,
)
from inflow_desk.domain.models import FieldIssue
from inflow_desk.ui.kit.errors import describe_error, server_field_issues


def test_server_messages_naming_fields_become_field_issues() -> None:
    issues = server_field_issues(
        [
            "products.2.quantity must not be less than 1",
            "currency must be one of the following values: EUR, USD",
            "expiresIn must not be less than 0.25",
            "something general went wrong",
        ]
    )
    assert [i.field for i in issues] == ["products[2].quantity", "currency", "expiresIn"]
    assert issues[0] == FieldIssue(
        "products[2].quantity", "Inflow: products.2.quantity must not be less than 1"
    )


def test_a_read_that_times_out_does_not_claim_a_link_may_exist() -> None:
    exc = APITimeoutError("timed out", request_sent=True)
    created = describe_error(exc, account="A", action="create the link", creating="one_time")
    assert MAYBE in created.as_text()
    listing = describe_error(exc, account="A", action="load the subscription offers")
    assert MAYBE not in listing.as_text()


def test_bad_request_lists_the_server_messages() -> None:
    exc = BadRequestError(
        "Bad Request", status_code=400, messages=["customerEmail must be an email"]
    )
    message = describe_error(exc, account="A")
    assert message.details == ("customerEmail must be an email",)
    assert message.field_issues[0].field == "customerEmail"


def test_not_found_while_creating_a_subscription_names_the_offer() -> None:
    from inflow_desk.api.errors import NotFoundError

    exc = NotFoundError("Not Found", status_code=404, messages=["Subscription offer not found"])
    sub = describe_error(exc, account="A", creating="subscription")
    assert sub.headline == "That subscription offer does not exist or has been archived."
    one_time = describe_error(exc, account="A", creating="one_time")
    assert "not found" in one_time.headline


# ------------------------------------------------------------------ issue 13 (items 4-6, 9, 14)

MAYBE = "may have been created"


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_any_5xx_during_a_create_says_a_link_may_have_been_created(status: int) -> None:
    exc = InternalServerError("boom", status_code=status)
    created = describe_error(exc, account="A", creating="one_time")
    assert MAYBE in created.as_text()
    listing = describe_error(exc, account="A", action="load the subscription offers")
    assert MAYBE not in listing.as_text()


@pytest.mark.parametrize("status", ["403 Forbidden", "407 Proxy Authentication Required"])
def test_a_refused_proxy_tunnel_says_nothing_was_sent(status: str) -> None:
    exc = ProxyRefusedError(f"proxy said {status}", proxy_status=status)
    message = describe_error(exc, account="A", creating="one_time")
    assert MAYBE not in message.as_text()
    assert "nothing was sent" in message.headline and status in message.headline
    assert "proxy" in message.hint


def test_an_untrusted_certificate_says_nothing_was_sent() -> None:
    exc = TLSVerificationError("untrusted", reason="unable to get local issuer certificate")
    message = describe_error(exc, account="A", creating="subscription")
    assert MAYBE not in message.as_text()
    assert (
        "certificate is not trusted" in message.headline and "nothing was sent" in message.headline
    )
    assert message.details == ("unable to get local issuer certificate",)


def test_cancelled_says_whether_a_link_may_exist() -> None:
    sent = describe_error(RequestCancelled(request_sent=True), account="A", creating="one_time")
    assert MAYBE in sent.as_text()
    unsent = describe_error(RequestCancelled(request_sent=False), account="A", creating="one_time")
    assert MAYBE not in unsent.as_text() and "nothing was sent" in unsent.headline
    read = describe_error(RequestCancelled(request_sent=True), account="A", action="list offers")
    assert MAYBE not in read.as_text() and read.headline == "Cancelled."


def test_an_oversized_answer_to_a_create_may_have_created_a_link() -> None:
    exc = ResponseTooLargeError("big", status_code=201, limit=1024)
    assert MAYBE in describe_error(exc, account="A", creating="one_time").as_text()
    assert MAYBE not in describe_error(exc, account="A", action="test the connection").as_text()


@pytest.mark.parametrize("status", [404, 405])
def test_a_connection_check_that_cannot_run_is_no_false_alarm(status: int) -> None:
    exc = ConnectionCheckUnavailable("no check", status_code=status)
    text = describe_error(exc, account="A", action="test the connection").as_text()
    assert "Could not verify the key this way" in text
    assert "may not be enabled" not in text and "rejected" not in text.lower()


def test_401_and_403_on_the_check_mean_the_key_was_refused() -> None:
    from inflow_desk.api.errors import AuthenticationError, PermissionDeniedError

    rejected = describe_error(
        AuthenticationError("no", status_code=401), account="A", action="test the connection"
    )
    assert "rejected the API key" in rejected.headline
    denied = describe_error(
        PermissionDeniedError("no", status_code=403), account="A", action="test the connection"
    )
    assert "refused this API key" in denied.headline
