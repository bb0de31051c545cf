"""The emulator's hostile answers (gzip bomb, drip), HTTPS mode, backlog and bounded request log."""

from __future__ import annotations

import errno
import socket
import ssl
import threading
import time
import zlib
from collections.abc import Iterator

import httpx
import pytest
import trustme

from inflow_desk.emulator import FAULT_KINDS, GZIP_BOMB_SIZE, Fault, InflowEmulator
from inflow_desk.emulator import server as emulator_server
from tests.emulator.conftest import API_KEY, ONE_TIME, make_client, valid_one_time_body


def test_new_kinds_are_listed():
    assert {"gzip_bomb", "drip"} <= set(FAULT_KINDS)
    assert Fault("gzip_bomb").size == GZIP_BOMB_SIZE == 1024**3


@pytest.mark.parametrize("size", [0, 1000, 3 * 1024 * 1024 + 17])
def test_gzip_bomb_is_valid_gzip_of_spaces(emulator, client, size):
    emulator.inject(Fault("gzip_bomb", status=201, size=size))
    response = client.get("/api/payment")
    assert response.status_code == 201
    assert response.headers["content-encoding"] == "gzip"
    assert response.content == b" " * size  # httpx checks the gzip trailer (CRC, size)


def test_default_gzip_bomb_is_tiny_on_the_wire_and_cheap_to_abandon(emulator, client):
    emulator.inject(Fault("gzip_bomb", status=200))
    started = time.monotonic()
    with client.stream("GET", "/api/payment") as response:
        raw = b"".join(_first_raw_bytes(response.iter_raw(), 256 * 1024))
    decoded = zlib.decompressobj(31).decompress(raw, 64 * 1024 * 1024)
    assert len(decoded) > 100 * len(raw)  # ~1,000:1
    assert set(decoded) == {ord(" ")}
    emulator.stop()
    assert time.monotonic() - started < 10.0  # not the whole GiB; generous for a busy CI


def _first_raw_bytes(chunks: Iterator[bytes], limit: int) -> Iterator[bytes]:
    received = 0
    for chunk in chunks:
        yield chunk
        received += len(chunk)
        if received >= limit:
            return


def test_drip_sends_the_normal_answer_one_byte_at_a_time(emulator, client):
    emulator.inject(Fault("drip", interval=0.003))
    started = time.monotonic()
    response = client.post(ONE_TIME, json=valid_one_time_body())
    elapsed = time.monotonic() - started
    assert response.status_code == 201
    session_id = response.json()["sessionId"]
    assert session_id in emulator.sessions  # the slow answer did create the session
    wire_bytes = len(response.content) + 100  # at least the status line and headers
    assert elapsed >= wire_bytes * 0.003


def test_stop_interrupts_a_drip(emulator):
    emulator.inject(Fault("drip", interval=5))
    outcome: list[object] = []

    def call() -> None:
        with make_client(emulator.base_url, timeout=10) as http:
            try:
                outcome.append(http.get("/api/payment"))
            except httpx.HTTPError as exc:
                outcome.append(exc)

    worker = threading.Thread(target=call, daemon=True)
    worker.start()
    emulator.wait_for_requests(1, timeout=5)
    started = time.monotonic()
    emulator.stop()
    worker.join(timeout=5)
    assert time.monotonic() - started < 4.0  # the next drip byte was 5 s away
    assert isinstance(outcome[0], httpx.HTTPError)


# ---------------------------------------------------------------- HTTPS


@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    return trustme.CA()


@pytest.fixture
def tls_emulator(ca: trustme.CA) -> Iterator[InflowEmulator]:
    server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ca.issue_cert("127.0.0.1", "localhost").configure_cert(server_context)
    with InflowEmulator(api_key=API_KEY, ssl_context=server_context) as emu:
        yield emu


def test_https_mode_serves_to_a_client_that_trusts_the_ca(tls_emulator, ca):
    assert tls_emulator.base_url.startswith("https://127.0.0.1:")
    trusting = ssl.create_default_context()
    ca.configure_trust(trusting)
    with httpx.Client(verify=trusting, trust_env=False) as http:
        response = http.get(
            tls_emulator.base_url + "/api/payment", headers={"X-Inflow-Api-Key": API_KEY}
        )
    assert response.status_code == 200


def test_https_mode_is_refused_by_a_client_that_does_not_know_the_ca(tls_emulator):
    strict = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)  # trusts nothing
    with httpx.Client(verify=strict, trust_env=False) as http, pytest.raises(httpx.ConnectError):
        http.get(tls_emulator.base_url + "/api/payment")
    # The emulator survives the failed handshake.
    assert tls_emulator.requests == []


# ---------------------------------------------------------------- backlog and request log


def test_listen_backlog_holds_many_waiting_clients():
    server = emulator_server._Server(("127.0.0.1", 0), InflowEmulator())  # not serving
    try:
        address = server.server_address
        clients = []
        for _ in range(100):
            sock = socket.socket()
            sock.setblocking(False)
            clients.append(sock)
            sock.connect_ex(address)
        time.sleep(0.3)  # loopback handshakes complete at once; dropped SYNs wait ~1 s
        queued = sum(sock.connect_ex(address) in (0, errno.EISCONN) for sock in clients)
        assert queued == 100  # a backlog of 5 queues ~6 and leaves the rest retrying SYNs
    finally:
        for sock in clients:
            sock.close()
        server.server_close()


def test_request_log_keeps_only_the_newest_requests(monkeypatch):
    assert emulator_server.MAX_RECORDED_REQUESTS == 1000
    monkeypatch.setattr(emulator_server, "MAX_RECORDED_REQUESTS", 5)
    with InflowEmulator(api_key=API_KEY) as emulator, make_client(emulator.base_url) as http:
        for page in range(1, 9):
            http.get("/api/payment", params={"page": page, "limit": 1})
        assert emulator.wait_for_requests(8, timeout=1)  # counts every request, kept or not
        kept = emulator.requests
    assert [r.query["page"] for r in kept] == [[str(page)] for page in range(4, 9)]
