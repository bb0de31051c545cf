"""InflowClient against the real emulator over loopback: creates, errors, faults, retries."""

from __future__ import annotations

import json
import logging
from typing import Any, cast

import httpx
import pytest

from inflow_desk import __version__
from inflow_desk.api import (
    DEFAULT_BASE_URL,
    DEFAULT_TIMEOUT,
    APIConnectionError,
    APIResponseValidationError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    CheckoutSession,
    InflowClient,
    InflowError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    ProxyRefusedError,
    RateLimitError,
)
from inflow_desk.domain.money import Currency
from inflow_desk.domain.requests import OneTimeSessionRequest, SubscriptionSessionRequest
from inflow_desk.emulator import Fault, InflowEmulator

from .conftest import SHORT_TIMEOUT, CountingTransport, one_time_request, subscription_request

ONE_TIME_PATH = "/api/checkout/sessions/one-time-payment"
SUBSCRIPTION_PREFIX = "/api/checkout/sessions/subscription/"


class RawBody:
    """Stands in for a request model, to send bodies the domain would refuse to build."""

    def __init__(self, body: dict[str, object]) -> None:
        self.body = body

    def to_json(self) -> dict[str, object]:
        return self.body


def raw_one_time(body: dict[str, object]) -> OneTimeSessionRequest:
    return cast(OneTimeSessionRequest, RawBody(body))


def assert_clean(exc: BaseException) -> None:
    """A typed error with no httpx/json/pydantic exception attached to it."""
    assert isinstance(exc, InflowError)
    assert exc.__cause__ is None
    context = exc.__context__
    assert context is None or exc.__suppress_context__


# ------------------------------------------------------------------ construction


def test_defaults() -> None:
    client = InflowClient("inflow_prod_x")
    try:
        assert client.base_url == DEFAULT_BASE_URL == "https://api.inflowpay.xyz"
        assert repr(client) == "InflowClient(base_url='https://api.inflowpay.xyz')"
    finally:
        client.close()
    assert DEFAULT_TIMEOUT.connect == 5.0
    assert DEFAULT_TIMEOUT.read == 30.0
    assert DEFAULT_TIMEOUT.write == 10.0
    assert DEFAULT_TIMEOUT.pool == 5.0


@pytest.mark.parametrize("key", ["", "   ", "\n\t"])
def test_blank_key_is_rejected(key: str) -> None:
    with pytest.raises(ValueError, match="empty"):
        InflowClient(key)


def test_key_with_inner_whitespace_or_control_characters_is_rejected() -> None:
    for key in ("inflow_prod abc", "inflow_prod\nabc", "inflow_prod_é"):
        with pytest.raises(ValueError) as info:
            InflowClient(key)
        assert key not in str(info.value)


@pytest.mark.parametrize(
    "url",
    [
        "http://api.inflowpay.xyz",  # plain http off loopback would leak the key
        "ftp://127.0.0.1",
        "not a url",
        "https://",
        "https://api.inflowpay.xyz/?x=1",
    ],
)
def test_unusable_base_urls_are_rejected(url: str) -> None:
    with pytest.raises(ValueError):
        InflowClient("inflow_prod_x", url)


def test_base_url_is_normalised() -> None:
    with InflowClient("k", " https://sandbox.api.inflowpay.com/ ") as client:
        assert client.base_url == "https://sandbox.api.inflowpay.com"
    with InflowClient("k", "http://localhost:9/") as client:
        assert client.base_url == "http://localhost:9"


# ------------------------------------------------------------------ creates


def test_one_time_session_sends_the_documented_request(
    client: InflowClient, emulator: InflowEmulator, api_key: str
) -> None:
    req = one_time_request()
    session = client.create_one_time_session(req)

    (recorded,) = emulator.requests
    assert recorded.method == "POST"
    assert recorded.path == ONE_TIME_PATH
    assert recorded.query == {}
    assert recorded.headers["x-inflow-api-key"] == api_key
    assert recorded.headers["content-type"] == "application/json"
    assert recorded.headers["accept"] == "application/json"
    assert recorded.headers["user-agent"] == f"inflow-desk/{__version__}"
    assert recorded.body == json.dumps(req.to_json(), separators=(",", ":")).encode()
    assert recorded.json == {
        "currency": "EUR",
        "products": [
            {"name": "Support top-up", "price": 2500, "quantity": 1},
            {"name": "Express handling", "price": 450, "quantity": 2},
        ],
        "customerEmail": "client@example.org",
        "successUrl": "https://example.org/thanks",
        "cancelUrl": "https://example.org/cancelled",
        "expiresIn": 24,
    }
    assert isinstance(session, CheckoutSession)
    stored = emulator.sessions[session.session_id]
    assert session.checkout_url == stored["checkoutUrl"]
    assert session.checkout_url.startswith("https://checkout.inflowpay.com/pay/")


def test_subscription_session_sends_the_documented_request(
    client: InflowClient, emulator: InflowEmulator, api_key: str
) -> None:
    offer_id = emulator.offers[0]["id"]
    req = subscription_request()
    session = client.create_subscription_session(offer_id, req)

    (recorded,) = emulator.requests
    assert recorded.method == "POST"
    assert recorded.path == SUBSCRIPTION_PREFIX + offer_id
    assert recorded.headers["x-inflow-api-key"] == api_key
    assert recorded.headers["content-type"] == "application/json"
    assert recorded.headers["accept"] == "application/json"
    assert recorded.headers["user-agent"] == f"inflow-desk/{__version__}"
    assert recorded.body == b'{"customerEmail":"client@example.org","expiresIn":0.5}'
    stored = emulator.sessions[session.session_id]
    assert stored["kind"] == "subscription"
    assert stored["offer_id"] == offer_id
    assert session.checkout_url == stored["checkoutUrl"]


def test_custom_user_agent(api_key: str, emulator: InflowEmulator) -> None:
    with InflowClient(api_key, emulator.base_url, user_agent="desk-test/9") as client:
        client.check_connection()
    assert emulator.requests[0].headers["user-agent"] == "desk-test/9"


def test_offer_id_is_quoted_into_one_path_segment(
    client: InflowClient, emulator: InflowEmulator
) -> None:
    with pytest.raises(NotFoundError) as info:
        client.create_subscription_session("../one-time-payment?x=1#y", subscription_request())
    assert info.value.messages == ["Subscription offer not found"]
    (recorded,) = emulator.requests
    assert recorded.path == SUBSCRIPTION_PREFIX + "..%2Fone-time-payment%3Fx%3D1%23y"
    assert recorded.query == {}


@pytest.mark.parametrize("offer_id", ["", "   "])
def test_blank_offer_id_is_rejected_without_a_request(
    client: InflowClient, emulator: InflowEmulator, offer_id: str
) -> None:
    with pytest.raises(ValueError, match="offer id"):
        client.create_subscription_session(offer_id, SubscriptionSessionRequest())
    assert emulator.requests == []


def test_check_connection_is_a_cheap_authenticated_get(
    client: InflowClient, emulator: InflowEmulator, api_key: str
) -> None:
    client.check_connection()
    (recorded,) = emulator.requests
    assert (recorded.method, recorded.path) == ("GET", "/api/payment")
    assert recorded.query == {"page": ["1"], "limit": ["1"]}
    assert recorded.headers["x-inflow-api-key"] == api_key
    assert "content-type" not in recorded.headers
    assert recorded.body == b""


# ------------------------------------------------------------------ status errors


def test_400_carries_every_validation_message(client: InflowClient) -> None:
    with pytest.raises(BadRequestError) as info:
        client.create_one_time_session(raw_one_time({"currency": "GBP", "products": []}))
    err = info.value
    assert err.status_code == 400
    assert err.error == "Bad Request"
    assert len(err.messages) >= 2
    assert any("currency" in message for message in err.messages)
    assert any("products" in message for message in err.messages)
    assert_clean(err)


def test_400_from_a_model_built_without_validation(client: InflowClient) -> None:
    req = OneTimeSessionRequest.model_construct(currency=Currency.USD, products=())
    with pytest.raises(BadRequestError) as info:
        client.create_one_time_session(req)
    assert any("products" in message for message in info.value.messages)


def test_401_wrong_key(emulator: InflowEmulator) -> None:
    with InflowClient("inflow_prod_wrong", emulator.base_url) as client:
        with pytest.raises(AuthenticationError) as info:
            client.create_one_time_session(one_time_request())
        assert info.value.messages == ["Invalid API key"]
        with pytest.raises(AuthenticationError):
            client.check_connection()
    assert emulator.sessions == {}


def test_403(client: InflowClient, emulator: InflowEmulator) -> None:
    emulator.inject(Fault("status", status=403))
    with pytest.raises(PermissionDeniedError) as info:
        client.create_one_time_session(one_time_request())
    assert info.value.status_code == 403
    assert info.value.messages == ["Forbidden"]


def test_404_unknown_offer(client: InflowClient) -> None:
    with pytest.raises(NotFoundError) as info:
        client.create_subscription_session("offer_doesnotexist", subscription_request())
    assert info.value.messages == ["Subscription offer not found"]


def test_429_on_create_is_not_retried(client: InflowClient, emulator: InflowEmulator) -> None:
    emulator.inject(Fault("rate_limit", retry_after=0.1))
    with pytest.raises(RateLimitError) as info:
        client.create_one_time_session(one_time_request())
    assert info.value.retry_after == pytest.approx(0.1)
    assert info.value.messages == ["ThrottlerException: Too Many Requests"]
    assert len(emulator.requests) == 1
    assert emulator.sessions == {}


def test_500_on_create_is_not_retried(client: InflowClient, emulator: InflowEmulator) -> None:
    emulator.inject(Fault("status", status=500))
    with pytest.raises(InternalServerError) as info:
        client.create_one_time_session(one_time_request())
    assert info.value.messages == ["Internal server error"]
    assert len(emulator.requests) == 1


def test_502_html(client: InflowClient, emulator: InflowEmulator) -> None:
    emulator.inject(Fault("html", status=502))
    with pytest.raises(InternalServerError) as info:
        client.create_subscription_session(emulator.offers[0]["id"], subscription_request())
    assert info.value.status_code == 502
    assert info.value.messages == ["HTTP 502 with a non-JSON body"]
    assert "nginx" not in str(info.value)


def test_empty_error_body(client: InflowClient, emulator: InflowEmulator) -> None:
    emulator.inject(Fault("empty_body", status=503))
    with pytest.raises(InternalServerError) as info:
        client.create_one_time_session(one_time_request())
    assert info.value.messages == ["HTTP 503 with an empty body"]


# ------------------------------------------------------------------ unusable 2xx bodies


@pytest.mark.parametrize(
    ("kind", "mentions"),
    [
        ("malformed_json", "not valid JSON"),
        ("truncated_json", "not valid JSON"),
        ("missing_fields", "checkoutUrl"),
        ("empty_body", "empty body"),
    ],
)
def test_unusable_success_bodies(
    client: InflowClient, emulator: InflowEmulator, kind: Any, mentions: str
) -> None:
    emulator.inject(Fault(kind, status=201))
    with pytest.raises(InflowError) as info:
        client.create_one_time_session(one_time_request())
    assert type(info.value) is APIResponseValidationError
    assert info.value.status_code == 201
    assert mentions in str(info.value)
    assert_clean(info.value)
    assert len(emulator.requests) == 1


# ------------------------------------------------------------------ transport failures


def test_dropped_connection_on_create_is_not_retried(
    client: InflowClient, emulator: InflowEmulator
) -> None:
    emulator.inject(Fault("drop_connection"))
    with pytest.raises(InflowError) as info:
        client.create_one_time_session(one_time_request())
    assert type(info.value) is APIConnectionError
    assert info.value.request_sent is True
    assert_clean(info.value)
    assert len(emulator.requests) == 1


def test_dropped_connection_on_a_get_is_retried_once(
    client: InflowClient, emulator: InflowEmulator
) -> None:
    emulator.inject(Fault("drop_connection", path_prefix="/api/payment"))
    client.check_connection()
    assert len(emulator.requests) == 2


def test_read_timeout_on_create_is_not_retried(api_key: str, emulator: InflowEmulator) -> None:
    emulator.inject(Fault("latency", delay=1.5))
    with (
        InflowClient(api_key, emulator.base_url, timeout=SHORT_TIMEOUT) as client,
        pytest.raises(InflowError) as info,
    ):
        client.create_one_time_session(one_time_request())
    assert type(info.value) is APITimeoutError
    assert isinstance(info.value, APIConnectionError)
    assert info.value.request_sent is True
    assert_clean(info.value)
    assert len(emulator.requests) == 1


def test_connection_refused_is_retried_exactly_once(
    api_key: str, closed_port_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    transport = CountingTransport()
    with (
        InflowClient(api_key, closed_port_url, transport=transport) as client,
        pytest.raises(InflowError) as info,
    ):
        client.create_one_time_session(one_time_request())
    assert type(info.value) is APIConnectionError
    assert info.value.request_sent is False
    assert_clean(info.value)
    assert transport.attempts == 2


def test_connect_error_then_success_creates_one_session(
    api_key: str, emulator: InflowEmulator
) -> None:
    transport = CountingTransport(fail_first=1)
    with InflowClient(api_key, emulator.base_url, transport=transport) as client:
        session = client.create_one_time_session(one_time_request())
    assert transport.attempts == 2
    assert list(emulator.sessions) == [session.session_id]
    assert len(emulator.requests) == 1


def test_connect_timeout_is_a_timeout_that_was_not_sent(api_key: str) -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectTimeout("timed out", request=request)

    attempts: list[int] = []

    def counting(request: httpx.Request) -> httpx.Response:
        attempts.append(1)
        return refuse(request)

    transport = httpx.MockTransport(counting)
    with (
        InflowClient(api_key, "http://127.0.0.1:9", transport=transport) as client,
        pytest.raises(APITimeoutError) as info,
    ):
        client.create_one_time_session(one_time_request())
    assert info.value.request_sent is False
    assert len(attempts) == 2


@pytest.mark.parametrize(
    ("exc_type", "expected", "sent"),
    [
        (httpx.ReadTimeout, APITimeoutError, True),
        (httpx.WriteTimeout, APITimeoutError, True),
        (httpx.PoolTimeout, APITimeoutError, False),
        (httpx.ReadError, APIConnectionError, True),
        (httpx.WriteError, APIConnectionError, True),
        (httpx.RemoteProtocolError, APIConnectionError, True),
        (httpx.LocalProtocolError, APIConnectionError, True),
        (httpx.UnsupportedProtocol, APIConnectionError, False),
        # A proxy error is the refused CONNECT: the request never left (issue 13 item 6).
        (httpx.ProxyError, ProxyRefusedError, False),
    ],
)
def test_every_httpx_error_is_converted_and_creates_are_not_retried(
    api_key: str,
    exc_type: type[httpx.TransportError],
    expected: type[APIConnectionError],
    sent: bool,
) -> None:
    attempts: list[int] = []

    def fail(request: httpx.Request) -> httpx.Response:
        attempts.append(1)
        raise exc_type(f"boom with {request.headers.get('x-inflow-api-key')}", request=request)

    with (
        InflowClient(api_key, "http://127.0.0.1:9", transport=httpx.MockTransport(fail)) as c,
        pytest.raises(InflowError) as info,
    ):
        c.create_one_time_session(one_time_request())
    assert type(info.value) is expected
    assert info.value.request_sent is sent
    assert_clean(info.value)
    assert api_key not in str(info.value)
    assert api_key not in repr(info.value)
    assert len(attempts) == 1


# ------------------------------------------------------------------ 429 on GETs


def test_get_is_retried_once_after_a_short_retry_after(
    client: InflowClient, emulator: InflowEmulator
) -> None:
    emulator.inject(Fault("rate_limit", retry_after=0.1))
    client.check_connection()
    assert len(emulator.requests) == 2


def test_get_is_not_retried_after_a_long_retry_after(
    client: InflowClient, emulator: InflowEmulator
) -> None:
    emulator.inject(Fault("rate_limit", retry_after=30))
    with pytest.raises(RateLimitError) as info:
        client.check_connection()
    assert info.value.retry_after == 30
    assert len(emulator.requests) == 1


def test_get_is_not_retried_without_retry_after(
    client: InflowClient, emulator: InflowEmulator
) -> None:
    emulator.inject(Fault("rate_limit", retry_after=None))
    with pytest.raises(RateLimitError) as info:
        client.check_connection()
    assert info.value.retry_after is None
    assert len(emulator.requests) == 1


def test_get_gives_up_after_a_second_429(client: InflowClient, emulator: InflowEmulator) -> None:
    emulator.inject(Fault("rate_limit", retry_after=0.05), times=3)
    with pytest.raises(RateLimitError):
        client.check_connection()
    assert len(emulator.requests) == 2


def test_get_server_error_is_typed(client: InflowClient, emulator: InflowEmulator) -> None:
    emulator.inject(Fault("status", status=500))
    with pytest.raises(InternalServerError):
        client.check_connection()
    assert len(emulator.requests) == 1


def test_requests_are_logged_with_method_path_status_and_time(
    client: InflowClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="inflow_desk.api"):
        client.check_connection()
    (record,) = [r for r in caplog.records if r.name == "inflow_desk.api"]
    assert record.levelno == logging.INFO
    assert record.getMessage().startswith("GET /api/payment -> 200 (")
    assert record.getMessage().endswith(" ms)")


def test_check_connection_rejects_a_success_that_is_not_json(api_key: str) -> None:
    portal = httpx.MockTransport(
        lambda request: httpx.Response(200, html="<html>Wi-Fi login</html>")
    )
    with (
        InflowClient(api_key, "https://api.inflowpay.xyz", transport=portal) as client,
        pytest.raises(APIResponseValidationError) as info,
    ):
        client.check_connection()
    assert info.value.status_code == 200
