"""The payment list and the session-read probe, against the emulator over a real socket."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from inflow_desk.api.client import InflowClient
from inflow_desk.api.errors import InternalServerError
from inflow_desk.domain.models import Cart, CheckoutOptions, LineItem
from inflow_desk.domain.money import Currency
from inflow_desk.domain.payments import PaymentLine, PaymentState
from inflow_desk.domain.requests import build_one_time_request
from inflow_desk.emulator import Fault, InflowEmulator

NOW = datetime(2026, 11, 25, 13, 12, 30, tzinfo=UTC)


def _create(client: InflowClient, emulator: InflowEmulator) -> str:
    emulator.clock = NOW.timestamp
    cart = Cart(Currency.EUR, (LineItem("Support top-up", 2500, 1), LineItem("Express", 450, 2)))
    options = CheckoutOptions("ana@example.org", None, None, None)
    return client.create_one_time_session(build_one_time_request(cart, options)).session_id


def test_lists_parsed_payments(client: InflowClient, emulator: InflowEmulator) -> None:
    assert client.list_payments() == []
    session_id = _create(client, emulator)
    emulator.pay_session(session_id)
    [payment] = client.list_payments()
    assert payment.amount_cents == 3400
    assert payment.currency == "EUR"
    assert payment.state is PaymentState.PAID
    assert payment.customer_email == "ana@example.org"
    assert payment.created_at == NOW
    assert payment.products == (
        PaymentLine("Support top-up", 2500, 1),
        PaymentLine("Express", 450, 2),
    )
    request = emulator.requests_to("/api/payment")[-1]
    assert request.query == {"page": ["1"], "limit": ["100"]}


def test_list_errors_are_typed(client: InflowClient, emulator: InflowEmulator) -> None:
    emulator.inject(Fault("status", status=500, path_prefix="/api/payment"), times=3)
    with pytest.raises(InternalServerError):
        client.list_payments()


def test_session_read_probe(client: InflowClient, emulator: InflowEmulator) -> None:
    session_id = _create(client, emulator)
    assert client.read_session_status(session_id) is None  # 404: not available, no error
    emulator.session_reads = True
    assert client.read_session_status(session_id) == "open"
    emulator.pay_session(session_id)
    assert client.read_session_status(session_id) == "paid"
    emulator.inject(Fault("status", status=405, path_prefix="/api/checkout/sessions/"))
    assert client.read_session_status(session_id) is None
