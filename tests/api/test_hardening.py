"""Issue 13 item 4: capped bodies (gzip bombs), an overall deadline (drip), cancellation."""

from __future__ import annotations

import resource
import threading
import time
from collections.abc import Callable
from typing import Any

import pytest

from inflow_desk.api import (
    MAX_RESPONSE_BYTES,
    REQUEST_DEADLINE,
    APIResponseValidationError,
    APITimeoutError,
    InflowClient,
    InflowError,
    InternalServerError,
    RequestCancelled,
    ResponseTooLargeError,
)
from inflow_desk.emulator import Fault, InflowEmulator, generate_offers
from inflow_desk.ui.kit.errors import describe_error

from .conftest import SHORT_TIMEOUT, one_time_request

MiB = 1024 * 1024
ONE_TIME = "/api/checkout/sessions/one-time-payment"


def _max_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# ------------------------------------------------------------------ size cap


def test_gzip_bomb_answer_to_a_create_is_refused_at_the_cap(client, emulator):
    emulator.inject(Fault("gzip_bomb", status=201, size=8 * MiB))
    with pytest.raises(ResponseTooLargeError) as info:
        client.create_one_time_session(one_time_request())
    assert info.value.status_code == 201
    assert info.value.limit == MAX_RESPONSE_BYTES == MiB
    message = describe_error(info.value, account="A", creating="one_time")
    assert "may have been created" in message.as_text()  # a 201 came back: the link may exist


def test_a_1_gib_gzip_bomb_costs_neither_memory_nor_time(client, emulator):
    emulator.inject(Fault("gzip_bomb", status=201))  # 1 GiB once decoded
    rss_before = _max_rss_mib()
    started = time.monotonic()
    with pytest.raises(ResponseTooLargeError):
        client.create_one_time_session(one_time_request())
    assert time.monotonic() - started < 3
    assert _max_rss_mib() - rss_before < 64  # the old client grew by ~3 GiB


def test_a_gzip_bomb_error_answer_keeps_its_status(client, emulator):
    emulator.inject(Fault("gzip_bomb", status=503))
    with pytest.raises(InternalServerError) as info:
        client.create_one_time_session(one_time_request())
    assert info.value.status_code == 503


def test_offer_pages_may_be_bigger_than_the_general_cap(api_key):
    offers = generate_offers(100)
    for offer in offers:
        offer["description"] = "A long description. " * 700  # ~14 KB each, ~1.4 MB a page
    with (
        InflowEmulator(api_key, offers=offers) as emulator,
        InflowClient(api_key, emulator.base_url) as client,
    ):
        listed = client.list_subscription_offers()
    assert len(listed) == 100


def test_an_offer_page_over_its_cap_is_refused(client, emulator):
    emulator.inject(Fault("gzip_bomb", status=200, size=20 * MiB))
    with pytest.raises(ResponseTooLargeError):
        client.list_subscription_offers()


def test_a_body_just_under_the_cap_is_read(client, emulator):
    emulator.inject(Fault("gzip_bomb", status=200, size=MiB))  # whitespace only: not JSON
    with pytest.raises(APIResponseValidationError) as info:
        client.check_connection()
    assert not isinstance(info.value, ResponseTooLargeError)


# ------------------------------------------------------------------ deadline


def test_the_default_deadline_is_45_seconds():
    assert REQUEST_DEADLINE == 45.0


@pytest.mark.parametrize("reused", [False, True], ids=["new connection", "reused connection"])
def test_a_dripping_server_is_cut_off_at_the_deadline(api_key, emulator, reused):
    # One byte every 50 ms never trips the 0.3 s read timeout; the old client waited ~15 s.
    with InflowClient(api_key, emulator.base_url, timeout=SHORT_TIMEOUT, deadline=0.6) as client:
        if reused:
            client.check_connection()  # the next call goes over this kept-alive connection
        emulator.inject(Fault("drip", interval=0.05))
        started = time.monotonic()
        with pytest.raises(APITimeoutError) as info:
            client.create_one_time_session(one_time_request())
        elapsed = time.monotonic() - started
    assert 0.5 < elapsed < 4.0  # the whole drip takes ~10 s; generous for a busy CI
    assert info.value.request_sent is True
    assert "0.6 s" in str(info.value)
    assert (
        "may have been created"
        in describe_error(info.value, account="A", creating="one_time").as_text()
    )


def test_the_deadline_also_bounds_a_silent_server(api_key, emulator):
    slow_reads = SHORT_TIMEOUT.__class__(connect=2.0, read=30.0, write=2.0, pool=2.0)
    with InflowClient(api_key, emulator.base_url, timeout=slow_reads, deadline=0.4) as client:
        emulator.inject(Fault("latency", delay=5))
        started = time.monotonic()
        with pytest.raises(APITimeoutError):
            client.check_connection()
    assert time.monotonic() - started < 3.0  # the server answers after 5 s


# ------------------------------------------------------------------ cancel


def _in_thread(work: Callable[[], Any]) -> tuple[threading.Thread, list[object]]:
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(work())
        except InflowError as exc:
            outcome.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread, outcome


@pytest.mark.parametrize("how", ["cancel", "close"])
def test_cancel_from_another_thread_ends_a_call_in_flight(client, emulator, how):
    emulator.inject(Fault("latency", delay=10))
    thread, outcome = _in_thread(lambda: client.create_one_time_session(one_time_request()))
    emulator.wait_for_requests(1)
    started = time.monotonic()
    getattr(client, how)()
    thread.join(timeout=3)
    assert time.monotonic() - started < 3.0  # the answer was seconds away
    (error,) = outcome
    assert isinstance(error, RequestCancelled)
    assert error.request_sent is True  # the server had the request: a link may exist
    if how == "cancel":  # the client goes on working
        assert client.create_one_time_session(one_time_request()).checkout_url
    else:
        with pytest.raises(RequestCancelled) as info:
            client.create_one_time_session(one_time_request())
        assert info.value.request_sent is False


def test_cancel_ends_a_dripping_answer_and_a_rate_limit_wait(client, emulator):
    emulator.inject(Fault("drip", interval=0.05))
    thread, outcome = _in_thread(client.check_connection)
    emulator.wait_for_requests(1)
    time.sleep(0.2)  # the answer is arriving, byte by byte
    client.cancel()
    thread.join(timeout=3)
    assert isinstance(outcome[0], RequestCancelled)

    emulator.inject(Fault("rate_limit", retry_after=4.5))
    thread, outcome = _in_thread(client.check_connection)
    emulator.wait_for_requests(2)
    time.sleep(0.1)
    started = time.monotonic()
    client.cancel()
    thread.join(timeout=3)
    assert time.monotonic() - started < 3.0  # the answer was seconds away
    assert isinstance(outcome[0], RequestCancelled)
