"""Starting, stopping, recording helpers, keep-alive, concurrency, logging and the CLI."""

from __future__ import annotations

import logging
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator

import httpx
import pytest

from inflow_desk.emulator import InflowEmulator
from tests.emulator.conftest import API_KEY, ONE_TIME, make_client, valid_one_time_body

# ---------------------------------------------------------------- start / stop


def test_context_manager_serves_then_stops():
    with InflowEmulator(api_key="k") as emulator:
        url = emulator.base_url
        assert url.startswith("http://127.0.0.1:")
        with make_client(url, api_key="k") as http:
            assert http.get("/api/payment").status_code == 200

    with make_client(url, api_key="k") as http, pytest.raises(httpx.ConnectError):
        http.get("/api/payment")


def test_start_returns_the_base_url_and_is_idempotent():
    emulator = InflowEmulator()
    try:
        url = emulator.start()
        assert emulator.start() == url == emulator.base_url
    finally:
        emulator.stop()


def test_stop_is_idempotent_and_harmless_before_start():
    emulator = InflowEmulator()
    emulator.stop()
    emulator.start()
    emulator.stop()
    emulator.stop()


def test_base_url_before_start_is_an_error():
    with pytest.raises(RuntimeError):
        _ = InflowEmulator().base_url


def test_can_start_again_after_stop():
    emulator = InflowEmulator(api_key="k")
    emulator.start()
    emulator.stop()
    try:
        url = emulator.start()
        with make_client(url, api_key="k") as http:
            assert http.get("/api/payment").status_code == 200
    finally:
        emulator.stop()


def test_stop_closes_idle_keep_alive_connections(emulator, client):
    assert client.get("/api/payment").status_code == 200
    emulator.stop()
    with pytest.raises(httpx.TransportError):
        client.get("/api/payment")


def test_explicit_offers_are_used():
    offers = [{"id": "offer_abc", "name": "Mine", "archived": False}]
    with InflowEmulator(offers=offers) as emulator:
        assert emulator.offers == offers
        with make_client(emulator.base_url, api_key="demo-key") as http:
            assert http.get("/subscription/offer").json()["data"] == offers


def test_default_api_key_is_demo_key():
    with InflowEmulator() as emulator, make_client(emulator.base_url, api_key="demo-key") as http:
        assert emulator.api_key == "demo-key"
        assert http.get("/api/payment").status_code == 200


# ---------------------------------------------------------------- keep-alive and concurrency


def test_keep_alive_reuses_one_connection(emulator, client):
    local_ports = set()
    for _ in range(10):
        response = client.post(ONE_TIME, json=valid_one_time_body())
        assert response.status_code == 201
        assert response.headers.get("connection", "").lower() != "close"
        stream = response.extensions["network_stream"]
        local_ports.add(stream.get_extra_info("client_addr")[1])

    assert len(local_ports) == 1
    assert len(emulator.sessions) == 10


def test_concurrent_requests_are_all_answered_and_recorded(emulator):
    statuses: list[int] = []
    lock = threading.Lock()

    def call() -> None:
        with make_client(emulator.base_url) as http:
            status = http.post(ONE_TIME, json=valid_one_time_body()).status_code
        with lock:
            statuses.append(status)

    workers = [threading.Thread(target=call) for _ in range(8)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=10)

    assert statuses == [201] * 8
    assert len(emulator.requests) == 8
    assert len(emulator.sessions) == 8


def test_chunked_request_body_is_read(emulator, client):
    payload = httpx.Request("POST", "/", json=valid_one_time_body()).content

    def chunks() -> Iterator[bytes]:
        yield payload[:10]
        yield payload[10:]

    response = client.post(ONE_TIME, content=chunks(), headers={"Content-Type": "application/json"})

    assert response.status_code == 201, response.text
    assert emulator.requests[0].json == valid_one_time_body()


# ---------------------------------------------------------------- recording helpers


def test_requests_is_a_copy_in_arrival_order(emulator, client):
    client.get("/api/payment")
    client.get("/subscription/offer")

    snapshot = emulator.requests
    snapshot.clear()

    assert [r.path for r in emulator.requests] == ["/api/payment", "/subscription/offer"]


def test_requests_to_filters_by_prefix_and_method(emulator, client):
    client.get("/subscription/offer")
    client.get(f"/subscription/offer/{emulator.offers[0]['id']}")
    client.post(ONE_TIME, json=valid_one_time_body())
    client.get(ONE_TIME)

    assert len(emulator.requests_to("/subscription/offer")) == 2
    assert [r.method for r in emulator.requests_to("/api/checkout/")] == ["POST", "GET"]
    assert len(emulator.requests_to("/api/checkout/", "post")) == 1
    assert emulator.requests_to("/nothing") == []


def test_clear_requests(emulator, client):
    client.get("/api/payment")
    emulator.clear_requests()
    assert emulator.requests == []
    client.get("/api/payment")
    assert len(emulator.requests) == 1


def test_wait_for_requests_waits_for_another_thread(emulator):
    def later() -> None:
        with make_client(emulator.base_url) as http:
            http.get("/api/payment")
            http.get("/api/payment")

    threading.Timer(0.1, later).start()
    recorded = emulator.wait_for_requests(2, timeout=5)
    assert [r.path for r in recorded] == ["/api/payment", "/api/payment"]


def test_wait_for_requests_times_out(emulator):
    with pytest.raises(TimeoutError):
        emulator.wait_for_requests(1, timeout=0.05)


# ---------------------------------------------------------------- quiet, and never logs the key


def test_no_request_log_on_stderr(client, capfd):
    client.get("/api/payment")
    client.get("/nowhere")
    assert capfd.readouterr().err == ""


def test_debug_log_never_contains_the_api_key(client, caplog):
    with caplog.at_level(logging.DEBUG, logger="inflow_desk.emulator"):
        client.get("/api/payment", params={"limit": 1})
        client.get("/api/payment", headers={"X-Inflow-Api-Key": "wrong-key-value"})
    assert "/api/payment" in caplog.text  # it does log requests at DEBUG
    assert API_KEY not in caplog.text
    assert "wrong-key-value" not in caplog.text


# ---------------------------------------------------------------- python -m inflow_desk.emulator


@pytest.mark.parametrize("stop_signal", [signal.SIGINT, signal.SIGTERM])
def test_cli_prints_its_url_first_and_exits_cleanly(stop_signal):
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "inflow_desk.emulator",
            "--port",
            "0",
            "--api-key",
            "cli-key",
            "--offers",
            "3",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        url = process.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:")
        with make_client(url, api_key="cli-key") as http:
            body = http.get("/subscription/offer").json()
        assert body["total"] == 3
        assert [offer["name"] for offer in body["data"]] == [
            "Starter monthly",
            "Pro monthly",
            "Pro yearly",
        ]

        process.send_signal(stop_signal)
        assert process.wait(timeout=10) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()
