"""Fixtures for the emulator tests: one emulator per test, an httpx client that talks to it."""

from __future__ import annotations

import ssl
from collections.abc import Iterator

import httpx
import pytest

from inflow_desk.emulator import InflowEmulator

API_KEY = "test-key-123"
ONE_TIME = "/api/checkout/sessions/one-time-payment"
SUBSCRIPTION = "/api/checkout/sessions/subscription/"

# Plain-http tests never use TLS; handing httpx a bare context spares it from loading the
# system CA bundle for every client (~0.1 s each).
_NO_TLS = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)


def make_client(base_url: str, api_key: str | None = API_KEY, timeout: float = 5.0) -> httpx.Client:
    """An httpx client for loopback; trust_env=False so no proxy variable reroutes it."""
    headers = {"X-Inflow-Api-Key": api_key} if api_key is not None else {}
    return httpx.Client(
        base_url=base_url, headers=headers, trust_env=False, verify=_NO_TLS, timeout=timeout
    )


@pytest.fixture
def emulator() -> Iterator[InflowEmulator]:
    emu = InflowEmulator(api_key=API_KEY, port=0)
    emu.start()
    try:
        yield emu
    finally:
        emu.stop()


@pytest.fixture
def client(emulator: InflowEmulator) -> Iterator[httpx.Client]:
    with make_client(emulator.base_url) as http:
        yield http


@pytest.fixture
def anonymous(emulator: InflowEmulator) -> Iterator[httpx.Client]:
    with make_client(emulator.base_url, api_key=None) as http:
        yield http


def valid_one_time_body() -> dict[str, object]:
    return {
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
