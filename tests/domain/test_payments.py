"""Matching payments to links: exhaustive examples and hypothesis properties."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from inflow_desk.domain.payments import (
    CLOCK_SKEW,
    GRACE,
    Confidence,
    LinkFacts,
    Payment,
    PaymentLine,
    PaymentState,
    match_payments,
    parse_payment,
    parse_timestamp,
    payment_state,
    session_state,
)

T0 = datetime(2026, 11, 25, 13, 0, tzinfo=UTC)
LINES = (PaymentLine("Support top-up", 2500, 1), PaymentLine("Express handling", 450, 2))


def link(
    session_id: str = "sess_a",
    *,
    amount: int | None = 3400,
    currency: str | None = "EUR",
    email: str | None = None,
    products: tuple[PaymentLine, ...] = LINES,
    created: datetime = T0,
    hours: float = 1,
    offer_id: str | None = None,
    subscription_id: str | None = None,
) -> LinkFacts:
    return LinkFacts(
        session_id,
        created,
        created + timedelta(hours=hours),
        currency,
        amount,
        email,
        products,
        offer_id,
        subscription_id,
        label=session_id.upper(),
    )


def payment(
    payment_id: str = "pay_1",
    *,
    amount: int = 3400,
    currency: str = "EUR",
    status: str = "CHECKOUT_SUCCESS",
    at: datetime = T0 + timedelta(minutes=12),
    email: str | None = None,
    products: tuple[PaymentLine, ...] | None = None,
    subscription_id: str | None = None,
    offer_id: str | None = None,
) -> Payment:
    return Payment(
        payment_id, amount, currency, status, at, email, products, subscription_id, offer_id
    )


# ---------------------------------------------------------------------- statuses (§3.7)
def test_statuses_map_as_documented_and_unknown_stays_unknown() -> None:
    for status in ("CHECKOUT_SUCCESS", "PAYMENT_RECEIVED", "PAYMENT_SUCCESS"):
        assert payment_state(status) is PaymentState.PAID
    assert payment_state("PAYMENT_FAILED") is PaymentState.FAILED
    for status in ("INITIATION", "CHECKOUT_PENDING"):
        assert payment_state(status) is PaymentState.PENDING
    for status in ("REFUND_PENDING", "PARTIAL_REFUNDED", "FULLY_REFUNDED", "REFUND_FAILED"):
        assert payment_state(status) is PaymentState.REFUND
    for status in ("CANCELED", "CHECKOUT_CANCELED", "EXPIRED", "", "paid?"):
        assert payment_state(status) is PaymentState.UNKNOWN
    assert session_state("paid") is PaymentState.PAID
    assert session_state("open") is PaymentState.PENDING
    assert session_state("weird") is PaymentState.UNKNOWN


# ---------------------------------------------------------------------- examples
def test_amount_and_time_only_is_probable() -> None:
    found = match_payments([link()], [payment()])
    assert found["sess_a"].confidence is Confidence.PROBABLE
    assert found["sess_a"].basis == ("amount", "time")


def test_email_or_products_confirm() -> None:
    by_email = match_payments([link(email="Ana@Example.org")], [payment(email="ana@example.org")])
    assert by_email["sess_a"].confidence is Confidence.CONFIRMED
    assert "email" in by_email["sess_a"].basis
    by_lines = match_payments([link()], [payment(products=tuple(reversed(LINES)))])
    assert by_lines["sess_a"].confidence is Confidence.CONFIRMED
    assert by_lines["sess_a"].basis == ("amount", "time", "products")


def test_any_disagreement_excludes() -> None:
    assert match_payments([link()], [payment(amount=3401)]) == {}
    assert match_payments([link()], [payment(currency="USD")]) == {}
    assert match_payments([link(email="a@x.org")], [payment(email="b@x.org")]) == {}
    other_lines = (PaymentLine("Support top-up", 3400, 1),)
    assert match_payments([link()], [payment(products=other_lines)]) == {}
    assert match_payments([link(offer_id="o1")], [payment(offer_id="o2")]) == {}


def test_window_edges() -> None:
    inside = [T0 - CLOCK_SKEW, T0 + timedelta(hours=1) + GRACE]
    outside = [
        T0 - CLOCK_SKEW - timedelta(seconds=1),
        T0 + timedelta(hours=1) + GRACE + timedelta(seconds=1),
    ]
    for at in inside:
        assert "sess_a" in match_payments([link()], [payment(at=at)])
    for at in outside:
        assert match_payments([link()], [payment(at=at)]) == {}


def test_one_payment_two_links_is_ambiguous_and_names_the_other() -> None:
    a, b = link("sess_a"), link("sess_b", created=T0 + timedelta(minutes=5))
    found = match_payments([a, b], [payment()])
    assert found["sess_a"].confidence is Confidence.AMBIGUOUS
    assert [r.session_id for r in found["sess_a"].rivals] == ["sess_b"]
    assert [r.session_id for r in found["sess_b"].rivals] == ["sess_a"]


def test_email_separates_two_links_of_the_same_amount() -> None:
    a, b = link("sess_a", email="a@x.org"), link("sess_b", email="b@x.org")
    found = match_payments([a, b], [payment(email="b@x.org")])
    assert list(found) == ["sess_b"]
    assert found["sess_b"].confidence is Confidence.CONFIRMED


def test_retry_after_a_failure_shows_the_payment() -> None:
    failed = payment("pay_f", status="PAYMENT_FAILED", at=T0 + timedelta(minutes=3))
    paid = payment("pay_p", at=T0 + timedelta(minutes=4))
    found = match_payments([link()], [paid, failed])
    assert found["sess_a"].payment.id == "pay_p"
    assert found["sess_a"].state is PaymentState.PAID


def test_subscription_links_match_on_offer_or_subscription() -> None:
    sub = link(amount=None, currency=None, products=(), offer_id="offer_1")
    assert match_payments([sub], [payment(amount=999)]) == {}  # only the time: no match
    found = match_payments([sub], [payment(amount=999, offer_id="offer_1")])
    assert found["sess_a"].confidence is Confidence.CONFIRMED
    known = link(amount=None, currency=None, products=(), subscription_id="sub_9")
    found = match_payments([known], [payment(amount=999, subscription_id="sub_9")])
    assert found["sess_a"].basis == ("subscription", "time")


def test_parse_payment_reads_the_documented_fields() -> None:
    item = {
        "id": "pay_1",
        "amountInCents": 3400,
        "currency": "EUR",
        "status": "PAYMENT_SUCCESS",
        "customerEmail": "a@x.org",
        "products": [{"name": "Support top-up", "price": 2500, "quantity": 1}],
        "subscriptionId": None,
        "createdAt": "2026-11-25T13:12:00.000Z",
    }
    parsed = parse_payment(item)
    assert parsed is not None
    assert parsed.created_at == datetime(2026, 11, 25, 13, 12, tzinfo=UTC)
    assert parsed.products == (PaymentLine("Support top-up", 2500, 1),)
    assert parse_payment({**item, "createdAt": "2026-11-25T13:12:00"}) is None  # no zone
    assert parse_payment({**item, "amountInCents": "3400"}) is None
    assert parse_payment([item]) is None
    assert parse_timestamp("nonsense") is None


# ---------------------------------------------------------------------- properties
currencies = st.sampled_from(["EUR", "USD"])
amounts = st.integers(min_value=150, max_value=10_000)
offsets = st.integers(min_value=0, max_value=3 * 24 * 3600)  # seconds after T0
lifetimes = st.integers(min_value=15 * 60, max_value=48 * 3600)


@st.composite
def a_link(draw: st.DrawFn, session_id: str) -> LinkFacts:
    created = T0 + timedelta(seconds=draw(offsets))
    return LinkFacts(
        session_id,
        created,
        created + timedelta(seconds=draw(lifetimes)),
        draw(currencies),
        draw(amounts),
        draw(st.one_of(st.none(), st.sampled_from(["a@x.org", "b@x.org"]))),
    )


@st.composite
def paying(draw: st.DrawFn, target: LinkFacts, payment_id: str = "pay_x") -> Payment:
    """A payment that fits ``target`` exactly."""
    start = target.created_at - CLOCK_SKEW
    span = int((target.expires_at + GRACE - start).total_seconds())
    at = start + timedelta(seconds=draw(st.integers(min_value=0, max_value=span)))
    assert target.currency is not None and target.amount_cents is not None
    return Payment(
        payment_id,
        target.amount_cents,
        target.currency,
        draw(st.sampled_from(["CHECKOUT_SUCCESS", "PAYMENT_SUCCESS", "PAYMENT_FAILED"])),
        at,
        target.customer_email,
    )


@settings(max_examples=200, deadline=None)
@given(data=st.data(), count=st.integers(min_value=1, max_value=8))
def test_a_unique_exact_match_is_always_found(data: st.DataObject, count: int) -> None:
    links = [data.draw(a_link(f"sess_{i}")) for i in range(count)]
    target = links[data.draw(st.integers(min_value=0, max_value=count - 1))]
    paid = data.draw(paying(target))
    others_fit = [
        other
        for other in links
        if other is not target
        and other.currency == paid.currency
        and other.amount_cents == paid.amount_cents
        and other.created_at - CLOCK_SKEW <= paid.created_at <= other.expires_at + GRACE
        and (other.customer_email is None or paid.customer_email in (None, other.customer_email))
    ]
    found = match_payments(links, [paid])
    assert found[target.session_id].payment == paid
    if others_fit:
        assert found[target.session_id].confidence is Confidence.AMBIGUOUS
        assert {r.session_id for r in found[target.session_id].rivals} == {
            o.session_id for o in others_fit
        }
    else:
        expected = Confidence.CONFIRMED if target.customer_email else Confidence.PROBABLE
        assert found[target.session_id].confidence is expected
        assert set(found) == {target.session_id}


@settings(max_examples=200, deadline=None)
@given(data=st.data(), before=st.booleans(), by=st.integers(min_value=1, max_value=10**6))
def test_a_payment_outside_the_window_never_matches(
    data: st.DataObject, before: bool, by: int
) -> None:
    target = data.draw(a_link("sess_a"))
    paid = data.draw(paying(target))
    at = (
        target.created_at - CLOCK_SKEW - timedelta(seconds=by)
        if before
        else target.expires_at + GRACE + timedelta(seconds=by)
    )
    assert match_payments([target], [Payment(**{**paid.__dict__, "created_at": at})]) == {}


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_two_candidates_are_always_reported_ambiguous(data: st.DataObject) -> None:
    first = data.draw(a_link("sess_a"))
    # a twin: same charge, created within the first one's lifetime
    shift = data.draw(st.integers(min_value=0, max_value=600))
    second = LinkFacts(
        "sess_b",
        first.created_at + timedelta(seconds=shift),
        first.expires_at + timedelta(seconds=shift),
        first.currency,
        first.amount_cents,
        first.customer_email,
    )
    at = second.created_at + timedelta(
        seconds=data.draw(
            st.integers(
                min_value=0, max_value=int((first.expires_at - second.created_at).total_seconds())
            )
        )
    )
    assert first.currency is not None and first.amount_cents is not None
    paid = Payment(
        "pay_1", first.amount_cents, first.currency, "PAYMENT_SUCCESS", at, first.customer_email
    )
    found = match_payments(data.draw(st.permutations([first, second])), [paid])
    assert {k: v.confidence for k, v in found.items()} == {
        "sess_a": Confidence.AMBIGUOUS,
        "sess_b": Confidence.AMBIGUOUS,
    }
    assert [r.session_id for r in found["sess_a"].rivals] == ["sess_b"]
    assert [r.session_id for r in found["sess_b"].rivals] == ["sess_a"]
