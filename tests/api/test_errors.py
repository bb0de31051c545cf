"""make_status_error and parse_retry_after on handcrafted responses (no network)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import httpx
import pytest

from inflow_desk.api import (
    APIStatusError,
    AuthenticationError,
    BadRequestError,
    InflowError,
    InternalServerError,
    NotFoundError,
    OfferListingUnavailable,
    PermissionDeniedError,
    RateLimitError,
    make_status_error,
)
from inflow_desk.api._constants import MAX_ERROR_MESSAGE_LENGTH, MAX_ERROR_MESSAGES
from inflow_desk.api.errors import parse_retry_after

NGINX_502 = (
    "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
    "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n"
    "</body>\r\n</html>\r\n" + "<!-- padding -->" * 200
)


def response(status: int, body: bytes | str = b"", **headers: str) -> httpx.Response:
    content = body.encode() if isinstance(body, str) else body
    return httpx.Response(status, content=content, headers=headers)


def json_response(status: int, payload: object, **headers: str) -> httpx.Response:
    return response(status, json.dumps(payload), **headers)


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (429, RateLimitError),
        (500, InternalServerError),
        (502, InternalServerError),
        (503, InternalServerError),
        (409, APIStatusError),
        (422, APIStatusError),
        (302, APIStatusError),
    ],
)
def test_status_maps_to_its_class(status: int, cls: type[APIStatusError]) -> None:
    err = make_status_error(json_response(status, {"statusCode": status, "message": "nope"}))
    assert type(err) is cls
    assert err.status_code == status
    assert err.messages == ["nope"]
    assert isinstance(err, InflowError)


def test_validation_list_is_kept_in_order() -> None:
    body = {
        "statusCode": 400,
        "message": [
            "currency must be one of the following values: EUR, USD",
            "products should not be empty",
        ],
        "error": "Bad Request",
    }
    err = make_status_error(json_response(400, body))
    assert isinstance(err, BadRequestError)
    assert err.messages == body["message"]
    assert err.error == "Bad Request"
    assert str(err) == (
        "HTTP 400 Bad Request: currency must be one of the following values: EUR, USD; "
        "products should not be empty"
    )


def test_single_string_message_and_extra_keys_are_tolerated() -> None:
    body = {
        "statusCode": 400,
        "message": "Validation failed",
        "error": "Bad Request",
        "errorCode": "E_VALIDATION",
        "details": {"field": "currency"},
    }
    err = make_status_error(json_response(400, body))
    assert err.messages == ["Validation failed"]
    assert err.error == "Bad Request"


def test_html_page_gives_a_short_generic_message() -> None:
    err = make_status_error(response(502, NGINX_502, **{"content-type": "text/html"}))
    assert isinstance(err, InternalServerError)
    assert err.messages == ["HTTP 502 with a non-JSON body"]
    assert str(err) == "HTTP 502 with a non-JSON body"
    assert "<html" not in repr(err)
    assert err.error is None


@pytest.mark.parametrize("body", [b"", b"   \r\n"])
def test_empty_body(body: bytes) -> None:
    err = make_status_error(response(500, body))
    assert isinstance(err, InternalServerError)
    assert err.messages == ["HTTP 500 with an empty body"]


@pytest.mark.parametrize("body", [b"not json at all", b'{"message": "cut', b"\xff\xfe\x00garbage"])
def test_non_json_bodies(body: bytes) -> None:
    err = make_status_error(response(400, body))
    assert isinstance(err, BadRequestError)
    assert err.messages == ["HTTP 400 with a non-JSON body"]


@pytest.mark.parametrize("payload", [["a", "b"], "just a string", 42, None, True])
def test_json_that_is_not_an_object(payload: object) -> None:
    err = make_status_error(json_response(500, payload))
    assert err.messages == ["HTTP 500 with an unexpected JSON body"]


def test_deeply_nested_json_does_not_crash() -> None:
    err = make_status_error(response(500, "[" * 100_000 + "]" * 100_000))
    assert isinstance(err, InternalServerError)
    assert len(err.messages) == 1


def test_message_list_with_odd_items_keeps_the_usable_ones() -> None:
    body = {"message": [1, None, "  spaced \n out  ", {"nested": "x"}, ["x"], "", True, 2.5]}
    err = make_status_error(json_response(400, body))
    assert err.messages == ["1", "spaced out", "2.5"]


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        ({"statusCode": 418, "error": "I'm a teapot"}, ["HTTP 418 I'm a teapot"]),
        ({"statusCode": 404}, ["HTTP 404 Not Found"]),
        ({"message": {"not": "a string"}, "error": 7}, ["HTTP 400 Bad Request"]),
        ({"message": [], "error": "Bad Request"}, ["HTTP 400 Bad Request"]),
    ],
)
def test_object_without_usable_message_falls_back(payload: object, expected: list[str]) -> None:
    status = payload.get("statusCode", 400) if isinstance(payload, dict) else 400
    err = make_status_error(json_response(status, payload))
    assert err.messages == expected


def test_messages_are_capped_in_number_and_length() -> None:
    body = {"message": ["x" * 10_000] + [f"m{i}" for i in range(500)]}
    err = make_status_error(json_response(400, body))
    assert len(err.messages) == MAX_ERROR_MESSAGES
    assert all(len(message) <= MAX_ERROR_MESSAGE_LENGTH for message in err.messages)
    assert len(str(err)) <= MAX_ERROR_MESSAGE_LENGTH


def test_rate_limit_retry_after_in_seconds() -> None:
    err = make_status_error(json_response(429, {"message": "slow down"}, **{"Retry-After": "7"}))
    assert isinstance(err, RateLimitError)
    assert err.retry_after == 7.0


def test_rate_limit_retry_after_as_http_date() -> None:
    when = datetime.now(UTC) + timedelta(seconds=30)
    err = make_status_error(json_response(429, {}, **{"Retry-After": format_datetime(when, True)}))
    assert isinstance(err, RateLimitError)
    assert err.retry_after is not None
    assert 25 <= err.retry_after <= 31


def test_rate_limit_without_or_with_garbage_retry_after() -> None:
    for headers in ({}, {"Retry-After": "soon"}):
        err = make_status_error(json_response(429, {"message": "x"}, **headers))
        assert isinstance(err, RateLimitError)
        assert err.retry_after is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        ("", None),
        ("0", 0.0),
        ("1.5", 1.5),
        (" 12 ", 12.0),
        ("-3", 0.0),
        ("nan", None),
        ("inf", None),
        ("1e400", None),
        ("tomorrow", None),
        ("Wed, 21 Oct 2015 07:28:00 GMT", 0.0),  # in the past
        ("Wed, 21 Oct 2015 07:28:30 GMT", 30.0),
    ],
)
def test_parse_retry_after(value: str | None, expected: float | None) -> None:
    now = datetime(2015, 10, 21, 7, 28, 0, tzinfo=UTC)
    assert parse_retry_after(value, now=now) == expected


def test_key_echoed_by_the_server_is_scrubbed() -> None:
    key = "inflow_prod_secret_1234567890"
    request = httpx.Request("GET", "https://api.inflowpay.xyz/x", headers={"X-Inflow-Api-Key": key})
    body = {"message": [f"Invalid API key {key}"], "error": f"bad {key}"}
    err = httpx.Response(401, json=body, request=request)
    made = make_status_error(err)
    assert isinstance(made, AuthenticationError)
    for text in (str(made), repr(made), *made.messages, made.error or ""):
        assert key not in text
    assert made.messages == ["Invalid API key [redacted]"]


def test_offer_listing_unavailable_is_a_not_found_error() -> None:
    err = OfferListingUnavailable(paths=("/subscription/offer", "/subscription/offers"))
    assert isinstance(err, NotFoundError)
    assert err.status_code == 404
    assert str(err) == "Inflow does not offer a list of subscription offers for this account"
    assert err.messages == [str(err)]
    assert err.paths == ("/subscription/offer", "/subscription/offers")
