"""What the agent reads about a link's payment: one wording for the result panel and the
history column (not errors: those are worded by ``ui/kit/errors.py``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from inflow_desk.domain.payments import (
    Confidence,
    LinkFacts,
    LinkMatch,
    PaymentState,
    session_state,
)
from inflow_desk.ui.kit.formatting import format_money_in

WAITING_TEXT = "Waiting for payment…"
EXPIRED_TEXT = "Expired — no payment seen"


class Tone(StrEnum):
    """How a status is drawn (``palette`` colours by role)."""

    WAITING = "waiting"
    GOOD = "good"
    UNSURE = "unsure"
    BAD = "bad"
    MUTED = "muted"


@dataclass(frozen=True)
class LinkStatus:
    """A link's payment status as shown, and what the history keeps of it."""

    text: str  # the result panel's sentence
    short: str  # the history column
    tone: Tone
    state: str  # PaymentState value, "waiting" or "expired"
    settled: bool = False  # nothing more to learn: watching stops
    payment_id: str | None = None
    payment_status: str | None = None  # Inflow's raw status
    basis: str = ""  # what the match rested on ("amount, time, email" / "session read")
    seen_at: datetime | None = None  # when the payment was made (Inflow's clock)

    @property
    def paid(self) -> bool:
        return self.state == PaymentState.PAID


def _time(moment: datetime) -> str:
    return f"{moment.astimezone():%H:%M}"


def waiting(link: LinkFacts, now: datetime) -> LinkStatus:
    if now >= link.expires_at:
        return LinkStatus(EXPIRED_TEXT, "expired", Tone.MUTED, "expired")
    return LinkStatus(WAITING_TEXT, "waiting for payment", Tone.WAITING, "waiting")


def from_session_read(raw: str, now: datetime) -> LinkStatus:
    """The exact answer of a session read (``GET /api/checkout/sessions/{id}``)."""
    state = session_state(raw)
    basis = "session read"
    if state is PaymentState.PAID:
        return LinkStatus(
            f"Paid ✓ {_time(now)}",
            f"paid ✓ {_time(now)}",
            Tone.GOOD,
            state,
            True,
            None,
            raw,
            basis,
            now,
        )
    if state is PaymentState.PENDING and raw.strip().upper() in ("OPEN",):
        return LinkStatus(WAITING_TEXT, "waiting for payment", Tone.WAITING, "waiting", basis=basis)
    return _by_state(state, raw, None, basis, now, exact=True)


def _by_state(
    state: PaymentState,
    raw: str,
    payment_id: str | None,
    basis: str,
    at: datetime,
    *,
    exact: bool,
) -> LinkStatus:
    if state is PaymentState.PENDING:
        return LinkStatus(
            "Payment started — the customer is paying…",
            "payment started",
            Tone.WAITING,
            state,
            False,
            payment_id,
            raw,
            basis,
            at,
        )
    if state is PaymentState.FAILED:
        return LinkStatus(
            f"Payment failed at {_time(at)} — the customer can try again with the same link",
            f"failed {_time(at)}",
            Tone.BAD,
            state,
            False,
            payment_id,
            raw,
            basis,
            at,
        )
    if state is PaymentState.REFUND:
        return LinkStatus(
            f"Paid, then refund: {raw}",
            f"refund: {raw}",
            Tone.MUTED,
            state,
            exact,
            payment_id,
            raw,
            basis,
            at,
        )
    return LinkStatus(  # unknown: shown raw, never guessed
        f"Payment status: {raw}",
        raw,
        Tone.UNSURE,
        state,
        False,
        payment_id,
        raw,
        basis,
        at,
    )


def from_match(match: LinkMatch) -> LinkStatus:
    """A payment matched to the link (``domain.payments``), worded as sure as it is."""
    payment = match.payment
    at = payment.created_at
    amount = format_money_in(payment.amount_cents, payment.currency)
    basis = match.basis_text
    if match.confidence is Confidence.AMBIGUOUS:
        others = ", ".join(rival.name for rival in match.rivals)
        what = {PaymentState.PAID: "payment", PaymentState.FAILED: "failed payment"}.get(
            match.state, f"payment ({payment.status})"
        )
        return LinkStatus(
            f"A {what} of {amount} at {_time(at)} fits this link and also: {others} — "
            "check which in Inflow's dashboard",
            f"ambiguous: {payment.status}",
            Tone.UNSURE,
            match.state,
            False,
            payment.id,
            payment.status,
            f"{basis}; also fits {others}",
            at,
        )
    if match.state is PaymentState.PAID:
        if match.confidence is Confidence.CONFIRMED:
            return LinkStatus(
                f"Paid ✓ {_time(at)}",
                f"paid ✓ {_time(at)}",
                Tone.GOOD,
                match.state,
                True,
                payment.id,
                payment.status,
                basis,
                at,
            )
        return LinkStatus(
            f"A payment of {amount} arrived at {_time(at)} — probably this link "
            f"(only the {basis.replace(', ', ' and ')} agree)",
            f"probably paid {_time(at)}",
            Tone.UNSURE,
            match.state,
            False,
            payment.id,
            payment.status,
            basis,
            at,
        )
    return _by_state(match.state, payment.status, payment.id, basis, at, exact=False)


def chip_kind(status: LinkStatus) -> str:
    """The status chip (``kit/chips.py``) of a status: the same kinds as the history's."""
    if status.state == "expired":
        return "expired"
    return {
        Tone.GOOD: "paid",
        Tone.WAITING: "waiting",
        Tone.BAD: "failed",
        Tone.UNSURE: "unsure",
        Tone.MUTED: "unsure",
    }[status.tone]
