"""Every fault kind as the client sees it, fault matching, and stop() during a slow fault."""

from __future__ import annotations

import json
import threading
import time
from typing import Any

import httpx
import pytest

from inflow_desk.emulator import FAULT_KINDS, Fault, InflowEmulator
from tests.emulator.conftest import ONE_TIME, make_client, valid_one_time_body


def _create(client: httpx.Client) -> httpx.Response:
    return client.post(ONE_TIME, json=valid_one_time_body())


def test_latency_delays_then_answers_normally(emulator, client):
    emulator.inject(Fault("latency", delay=0.2))

    started = time.monotonic()
    response = _create(client)

    assert time.monotonic() - started >= 0.2
    assert response.status_code == 201
    assert response.json()["sessionId"] in emulator.sessions


def test_latency_still_checks_the_key(emulator, anonymous):
    emulator.inject(Fault("latency", delay=0.01))
    assert anonymous.get("/api/payment").status_code == 401


@pytest.mark.parametrize(
    ("status", "message", "error"),
    [
        (500, "Internal server error", "Internal Server Error"),
        (503, "Service Unavailable", "Service Unavailable"),
        (403, "Forbidden", "Forbidden"),
    ],
)
def test_status_fault_answers_an_inflow_shaped_error(emulator, client, status, message, error):
    emulator.inject(Fault("status", status=status))

    response = _create(client)

    assert response.status_code == status
    assert response.headers["content-type"].startswith("application/json")
    assert response.json() == {"statusCode": status, "message": message, "error": error}
    assert emulator.sessions == {}


def test_html_fault_answers_a_proxy_error_page(emulator, client):
    emulator.inject(Fault("html", status=502))

    response = _create(client)

    assert response.status_code == 502
    assert response.headers["content-type"].startswith("text/html")
    assert "<title>502 Bad Gateway</title>" in response.text
    with pytest.raises(json.JSONDecodeError):
        response.json()


def test_malformed_json_fault_is_201_with_a_body_that_is_not_json(emulator, client):
    emulator.inject(Fault("malformed_json"))

    response = _create(client)

    assert response.status_code == 201
    assert response.headers["content-type"].startswith("application/json")
    assert response.content
    with pytest.raises(json.JSONDecodeError):
        response.json()
    assert emulator.sessions == {}


def test_truncated_json_fault_cuts_the_body_in_half(emulator, client):
    emulator.inject(Fault("truncated_json"))

    response = _create(client)

    assert response.status_code == 201
    assert int(response.headers["content-length"]) == len(response.content)
    assert response.content.startswith(b'{"sessionId": "sess_')
    with pytest.raises(json.JSONDecodeError):
        response.json()


def test_missing_fields_fault_omits_checkout_url(emulator, client):
    emulator.inject(Fault("missing_fields"))

    body = _create(client).json()

    assert set(body) == {"sessionId"}
    assert body["sessionId"].startswith("sess_")


@pytest.mark.parametrize(("retry_after", "header"), [(1, "1"), (0.5, "0.5"), (30.0, "30")])
def test_rate_limit_fault_is_429_with_retry_after(emulator, client, retry_after, header):
    emulator.inject(Fault("rate_limit", retry_after=retry_after))

    response = _create(client)

    assert response.status_code == 429
    assert response.headers["retry-after"] == header
    body = response.json()
    assert body["statusCode"] == 429
    assert body["error"] == "Too Many Requests"
    assert isinstance(body["message"], str)


def test_rate_limit_without_retry_after_sends_no_header(emulator, client):
    emulator.inject(Fault("rate_limit", retry_after=None))

    response = _create(client)

    assert response.status_code == 429
    assert "retry-after" not in response.headers


def test_drop_connection_closes_without_a_response(emulator, client):
    emulator.inject(Fault("drop_connection"))

    with pytest.raises((httpx.RemoteProtocolError, httpx.ReadError)):
        _create(client)

    (recorded,) = emulator.requests  # the request was fully read and recorded
    assert recorded.json == valid_one_time_body()
    assert emulator.sessions == {}
    assert _create(client).status_code == 201  # a new connection works again


@pytest.mark.parametrize("status", [500, 201, 502])
def test_empty_body_fault(emulator, client, status):
    emulator.inject(Fault("empty_body", status=status))

    response = _create(client)

    assert response.status_code == status
    assert response.content == b""
    assert response.headers["content-length"] == "0"


def test_delay_applies_to_every_kind(emulator, client):
    emulator.inject(Fault("status", status=503, delay=0.2))

    started = time.monotonic()
    response = _create(client)

    assert time.monotonic() - started >= 0.2
    assert response.status_code == 503


# ---------------------------------------------------------------- matching and queueing


def test_fault_is_consumed_once_by_default(emulator, client):
    emulator.inject(Fault("status", status=500))

    assert _create(client).status_code == 500
    assert _create(client).status_code == 201


def test_fault_times(emulator, client):
    emulator.inject(Fault("rate_limit"), times=3)

    assert [_create(client).status_code for _ in range(4)] == [429, 429, 429, 201]


def test_faults_apply_in_the_order_they_were_queued(emulator, client):
    emulator.inject(Fault("status", status=502))
    emulator.inject(Fault("status", status=503))

    assert [_create(client).status_code for _ in range(3)] == [502, 503, 201]


def test_path_prefix_limits_which_requests_consume_the_fault(emulator, client):
    emulator.inject(Fault("status", status=500, path_prefix="/api/checkout/"))

    assert client.get("/api/payment").status_code == 200
    assert client.get("/subscription/offer").status_code == 200
    assert _create(client).status_code == 500


def test_method_limits_which_requests_consume_the_fault(emulator, client):
    emulator.inject(Fault("status", status=500, method="get"))

    assert _create(client).status_code == 201
    assert client.get("/subscription/offer").status_code == 500


def test_clear_faults(emulator, client):
    emulator.inject(Fault("status"), times=5)
    emulator.clear_faults()
    assert _create(client).status_code == 201


def test_faulted_requests_are_recorded(emulator, client):
    emulator.inject(Fault("status", status=500))

    _create(client)

    (recorded,) = emulator.requests_to(ONE_TIME, "POST")
    assert recorded.json == valid_one_time_body()


def test_faults_apply_before_authentication(emulator, anonymous):
    emulator.inject(Fault("status", status=503))
    assert anonymous.get("/api/payment").status_code == 503


@pytest.mark.parametrize(
    "kwargs",
    [
        {"kind": "teapot"},
        {"kind": "latency", "delay": -1},
        {"kind": "status", "status": 42},
        {"kind": "rate_limit", "retry_after": -2},
    ],
)
def test_invalid_faults_are_rejected(kwargs: dict[str, Any]):
    with pytest.raises(ValueError):
        Fault(**kwargs)


def test_times_must_be_positive(emulator):
    with pytest.raises(ValueError):
        emulator.inject(Fault("status"), times=0)


def test_every_kind_is_documented_and_constructible():
    assert set(FAULT_KINDS) == {
        "latency",
        "status",
        "html",
        "malformed_json",
        "truncated_json",
        "missing_fields",
        "rate_limit",
        "drop_connection",
        "empty_body",
        "gzip_bomb",
        "drip",
        "checkout_url",
    }
    for kind in FAULT_KINDS:
        Fault(kind)  # type: ignore[arg-type]


# ---------------------------------------------------------------- stop while a handler sleeps


def test_stop_returns_promptly_while_a_handler_sleeps_in_a_long_fault():
    emulator = InflowEmulator(api_key="k")
    emulator.start()
    emulator.inject(Fault("latency", delay=30))
    outcome: list[BaseException | int] = []

    def call() -> None:
        with make_client(emulator.base_url, api_key="k", timeout=10) as http:
            try:
                outcome.append(http.get("/api/payment").status_code)
            except httpx.HTTPError as exc:
                outcome.append(exc)

    worker = threading.Thread(target=call, daemon=True)
    worker.start()
    emulator.wait_for_requests(1, timeout=5)

    started = time.monotonic()
    emulator.stop()
    assert time.monotonic() - started < 1.0

    worker.join(timeout=5)
    assert not worker.is_alive()
    (result,) = outcome
    assert isinstance(result, httpx.HTTPError)  # the sleeping request got no answer
