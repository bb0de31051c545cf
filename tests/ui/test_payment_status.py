"""The wording of payment states (one place for the panel and the history column)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from inflow_desk.domain.payments import Confidence, LinkFacts, LinkMatch, Payment
from inflow_desk.ui.payments.status import EXPIRED_TEXT, WAITING_TEXT, Tone, from_match, waiting

AT = datetime(2026, 11, 25, 13, 12, tzinfo=UTC)
LOCAL = f"{AT.astimezone():%H:%M}"
LINK = LinkFacts("sess_a", AT - timedelta(minutes=5), AT + timedelta(hours=1), "EUR", 10988)
OTHER = LinkFacts("sess_b", AT, AT + timedelta(hours=1), "EUR", 10988, label="€109.88, 13:12")


def match(status: str, confidence: Confidence, *rivals: LinkFacts) -> LinkMatch:
    payment = Payment("pay_1", 10988, "EUR", status, AT)
    basis = ("amount", "time") if confidence is not Confidence.CONFIRMED else ("amount", "email")
    return LinkMatch("sess_a", payment, confidence, basis, rivals)


def test_waiting_and_expired() -> None:
    assert waiting(LINK, AT).text == WAITING_TEXT
    assert waiting(LINK, LINK.expires_at).text == EXPIRED_TEXT


def test_each_state_is_worded_as_sure_as_it_is() -> None:
    paid = from_match(match("PAYMENT_SUCCESS", Confidence.CONFIRMED))
    assert (paid.text, paid.tone, paid.settled) == (f"Paid ✓ {LOCAL}", Tone.GOOD, True)
    probable = from_match(match("CHECKOUT_SUCCESS", Confidence.PROBABLE))
    assert probable.text.startswith(f"A payment of €109.88 arrived at {LOCAL} — probably this link")
    assert not probable.settled  # still watched: the e-mail or products may confirm it
    ambiguous = from_match(match("CHECKOUT_SUCCESS", Confidence.AMBIGUOUS, OTHER))
    assert "€109.88, 13:12" in ambiguous.text and ambiguous.tone is Tone.UNSURE
    assert not ambiguous.paid or not ambiguous.settled
    assert from_match(match("INITIATION", Confidence.CONFIRMED)).text.startswith("Payment started")
    assert from_match(match("PAYMENT_FAILED", Confidence.CONFIRMED)).text.startswith(
        f"Payment failed at {LOCAL}"
    )
    assert (
        from_match(match("FULLY_REFUNDED", Confidence.CONFIRMED)).short == "refund: FULLY_REFUNDED"
    )
    odd = from_match(match("CHECKOUT_CANCELED", Confidence.CONFIRMED))
    assert (odd.text, odd.short) == ("Payment status: CHECKOUT_CANCELED", "CHECKOUT_CANCELED")
