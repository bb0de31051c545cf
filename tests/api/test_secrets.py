"""The API key never shows up in logs, reprs or exception texts."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable

import pytest

from inflow_desk.api import InflowClient, InflowError
from inflow_desk.emulator import Fault, InflowEmulator, generate_offers

from .conftest import SHORT_TIMEOUT, CountingTransport, one_time_request, subscription_request


def test_key_is_absent_from_debug_logs_and_every_error(
    api_key: str,
    emulator: InflowEmulator,
    closed_port_url: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    emulator.offers = generate_offers(130)
    errors: list[InflowError] = []

    def attempt(call: Callable[[], object]) -> None:
        try:
            call()
        except InflowError as exc:
            errors.append(exc)

    with caplog.at_level(logging.DEBUG):
        client = InflowClient(api_key, emulator.base_url, timeout=SHORT_TIMEOUT)
        with client:
            offer_id = emulator.offers[0]["id"]
            client.check_connection()
            client.create_one_time_session(one_time_request())
            client.create_subscription_session(offer_id, subscription_request())
            client.list_subscription_offers()
            attempt(
                lambda: client.create_subscription_session("offer_nope", subscription_request())
            )
            for fault in (
                Fault("status", status=400),
                Fault("status", status=403),
                Fault("status", status=500),
                Fault("html", status=502),
                Fault("rate_limit", retry_after=60),
                Fault("malformed_json"),
                Fault("truncated_json"),
                Fault("missing_fields"),
                Fault("empty_body", status=500),
                Fault("drop_connection"),
                Fault("latency", delay=1.0),
            ):
                emulator.inject(fault)
                attempt(lambda: client.create_one_time_session(one_time_request()))
            emulator.offer_list_paths = ()
            attempt(client.list_subscription_offers)
        with InflowClient("inflow_prod_wrong_key", emulator.base_url) as wrong:
            attempt(wrong.check_connection)
        with InflowClient(api_key, closed_port_url, transport=CountingTransport()) as refused:
            attempt(lambda: refused.create_one_time_session(one_time_request()))

    assert len(errors) == 15
    assert {type(error).__name__ for error in errors} >= {
        "NotFoundError",
        "BadRequestError",
        "PermissionDeniedError",
        "InternalServerError",
        "RateLimitError",
        "APIResponseValidationError",
        "APIConnectionError",
        "APITimeoutError",
        "OfferListingUnavailable",
        "AuthenticationError",
    }
    assert any(r.levelno == logging.DEBUG and r.name == "inflow_desk.api" for r in caplog.records)
    assert api_key not in caplog.text
    for record in caplog.records:
        assert api_key not in record.getMessage()
    for error in errors:
        assert api_key not in str(error)
        assert api_key not in repr(error)
        assert api_key not in "".join(traceback.format_exception(error))
        assert api_key not in repr(vars(error))
    assert api_key not in repr(client)
    assert api_key not in str(client)


def test_key_is_not_public_nor_in_default_headers(api_key: str, emulator: InflowEmulator) -> None:
    with InflowClient(api_key, emulator.base_url) as client:
        assert not hasattr(client, "api_key")
        public = {name: getattr(client, name) for name in dir(client) if not name.startswith("_")}
        assert all(api_key not in repr(value) for value in public.values())
        http = client._http
        assert api_key not in repr(dict(http.headers))
        assert api_key not in repr(http.auth)
        assert "hidden" in repr(http.auth)


def test_key_stripped_of_surrounding_whitespace_is_what_is_sent(
    api_key: str, emulator: InflowEmulator
) -> None:
    with InflowClient(f"  {api_key}\n", emulator.base_url) as client:
        client.check_connection()
    assert emulator.requests[0].headers["x-inflow-api-key"] == api_key


def test_construction_errors_do_not_echo_the_key() -> None:
    key = "inflow_prod_with space"
    with pytest.raises(ValueError) as info:
        InflowClient(key)
    assert key not in str(info.value)
    assert "with space" not in str(info.value)
