"""Fixtures of the API client tests: a real emulator on loopback and a client pointed at it."""

from __future__ import annotations

import secrets
import socket
from collections.abc import Iterator

import httpx
import pytest

from inflow_desk.api import InflowClient
from inflow_desk.domain.money import Currency
from inflow_desk.domain.requests import OneTimeSessionRequest, Product, SubscriptionSessionRequest
from inflow_desk.emulator import InflowEmulator

SHORT_TIMEOUT = httpx.Timeout(connect=2.0, read=0.3, write=2.0, pool=2.0)


@pytest.fixture
def api_key() -> str:
    """A key unique to the test, so that leaking it anywhere is detectable."""
    return "inflow_prod_" + secrets.token_hex(16)


@pytest.fixture
def emulator(api_key: str) -> Iterator[InflowEmulator]:
    emu = InflowEmulator(api_key=api_key, port=0)
    emu.start()
    try:
        yield emu
    finally:
        emu.stop()


@pytest.fixture
def client(api_key: str, emulator: InflowEmulator) -> Iterator[InflowClient]:
    with InflowClient(api_key, emulator.base_url) as inflow:
        yield inflow


@pytest.fixture
def closed_port_url() -> str:
    """A loopback URL where nothing listens (connection refused)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def one_time_request() -> OneTimeSessionRequest:
    """inflow-api.md §3.1's example request."""
    return OneTimeSessionRequest(
        currency=Currency.EUR,
        products=(
            Product(name="Support top-up", price=2500, quantity=1),
            Product(name="Express handling", price=450, quantity=2),
        ),
        customer_email="client@example.org",
        success_url="https://example.org/thanks",
        cancel_url="https://example.org/cancelled",
        expires_in=24,
    )


def subscription_request() -> SubscriptionSessionRequest:
    return SubscriptionSessionRequest(customer_email="client@example.org", expires_in=0.5)


class CountingTransport(httpx.BaseTransport):
    """Wraps a real transport; counts attempts and can fail the first ones with ConnectError."""

    def __init__(self, fail_first: int = 0) -> None:
        self.inner = httpx.HTTPTransport()
        self.attempts = 0
        self.fail_first = fail_first

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.attempts += 1
        if self.attempts <= self.fail_first:
            raise httpx.ConnectError("[Errno 111] Connection refused", request=request)
        return self.inner.handle_request(request)

    def close(self) -> None:
        self.inner.close()
