"""The one error funnel: every typed error becomes a message that says what to do."""

from __future__ import annotations

from inflow_desk.api.errors import APITimeoutError, BadRequestError
from inflow_desk.domain.models import FieldIssue
from inflow_desk.ui.errors import describe_error, server_field_issues


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
    assert created.may_have_created
    listing = describe_error(exc, account="A", action="load the subscription offers")
    assert not listing.may_have_created and "may have been created" not in listing.as_text()


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
