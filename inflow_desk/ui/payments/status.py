"""What the agent reads about a link's payment: one wording for the result panel and the
history column (not errors: those are worded by ``ui/kit/errors.py``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Final

from inflow_desk.domain.i18n import QT_TRANSLATE_NOOP, translate
from inflow_desk.domain.payments import (
    Confidence,
    LinkFacts,
    LinkMatch,
    PaymentState,
    session_state,
)
from inflow_desk.storage.history import PaymentStatusRecord
from inflow_desk.ui.kit.formatting import format_money_in, format_time

WAITING_TEXT = QT_TRANSLATE_NOOP("PaymentStatus", "Waiting for payment…")
EXPIRED_TEXT = QT_TRANSLATE_NOOP("PaymentStatus", "Expired — no payment seen")

#: What a match rests on (``LinkMatch.basis``, kept in the history as ``"amount, time"``), as
#: the agent reads it: "only the amount and time agree".
SESSION_READ: Final = "session read"
BASIS_WORDS: Final = {
    "amount": QT_TRANSLATE_NOOP("PaymentStatus", "amount"),
    "time": QT_TRANSLATE_NOOP("PaymentStatus", "time"),
    "email": QT_TRANSLATE_NOOP("PaymentStatus", "email"),
    "products": QT_TRANSLATE_NOOP("PaymentStatus", "products"),
    "offer": QT_TRANSLATE_NOOP("PaymentStatus", "offer"),
    "subscription": QT_TRANSLATE_NOOP("PaymentStatus", "subscription"),
    SESSION_READ: QT_TRANSLATE_NOOP("PaymentStatus", "session read"),
}
#: Facts that confirm a match (``domain.payments``: the e-mail, products, offer or
#: subscription agree; a session read is Inflow's own answer).
_CONFIRMING: Final = frozenset({"email", "products", "offer", "subscription", SESSION_READ})
_ALSO_FITS: Final = "; also fits "


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
    return format_time(moment)


def _words(keys: Sequence[str]) -> str:
    """``("amount", "time")`` → ``"amount and time"`` (unknown keys as they are)."""
    words = [translate("PaymentStatus", BASIS_WORDS[k]) if k in BASIS_WORDS else k for k in keys]
    if len(words) < 2:
        return "".join(words)
    return translate("PaymentStatus", "{first} and {last}").format(
        first=", ".join(words[:-1]), last=words[-1]
    )


def basis_words(basis: str) -> str:
    """What the history keeps of a match's basis (``"amount, time; also fits €109.88 of
    13:12"``), as the agent reads it: ``"amount and time; also fits €109.88 of 13:12"``."""
    facts, also, others = basis.partition(_ALSO_FITS)
    worded = _words([key.strip() for key in facts.split(",") if key.strip()])
    if not also:
        return worded
    return translate("PaymentStatus", "{facts}; also fits {others}").format(
        facts=worded, others=others
    )


def _paid_short(at: datetime) -> str:
    return translate("PaymentStatus", "paid ✓ {time}").format(time=_time(at))


def _waiting_short() -> str:
    return translate("PaymentStatus", "waiting for payment")


def waiting(link: LinkFacts, now: datetime) -> LinkStatus:
    if now >= link.expires_at:
        return LinkStatus(
            translate("PaymentStatus", EXPIRED_TEXT),
            translate("PaymentStatus", "expired"),
            Tone.MUTED,
            "expired",
        )
    return LinkStatus(
        translate("PaymentStatus", WAITING_TEXT), _waiting_short(), Tone.WAITING, "waiting"
    )


def from_session_read(raw: str, now: datetime) -> LinkStatus:
    """The exact answer of a session read (``GET /api/checkout/sessions/{id}``)."""
    state = session_state(raw)
    basis = SESSION_READ
    if state is PaymentState.PAID:
        return LinkStatus(
            translate("PaymentStatus", "Paid ✓ {time}").format(time=_time(now)),
            _paid_short(now),
            Tone.GOOD,
            state,
            True,
            None,
            raw,
            basis,
            now,
        )
    if state is PaymentState.PENDING and raw.strip().upper() in ("OPEN",):
        return LinkStatus(
            translate("PaymentStatus", WAITING_TEXT),
            _waiting_short(),
            Tone.WAITING,
            "waiting",
            basis=basis,
        )
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
            translate("PaymentStatus", "Payment started — the customer is paying…"),
            translate("PaymentStatus", "payment started"),
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
            translate(
                "PaymentStatus",
                "Payment failed at {time} — the customer can try again with the same link",
            ).format(time=_time(at)),
            translate("PaymentStatus", "failed {time}").format(time=_time(at)),
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
            translate("PaymentStatus", "Paid, then refund: {status}").format(status=raw),
            translate("PaymentStatus", "refund: {status}").format(status=raw),
            Tone.MUTED,
            state,
            exact,
            payment_id,
            raw,
            basis,
            at,
        )
    return LinkStatus(  # unknown: shown raw, never guessed
        translate("PaymentStatus", "Payment status: {status}").format(status=raw),
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
        if match.state is PaymentState.PAID:
            text = translate(
                "PaymentStatus",
                "A payment of {amount} at {time} fits this link and also: {others} — "
                "check which in Inflow's dashboard",
            )
        elif match.state is PaymentState.FAILED:
            text = translate(
                "PaymentStatus",
                "A failed payment of {amount} at {time} fits this link and also: {others} — "
                "check which in Inflow's dashboard",
            )
        else:
            text = translate(
                "PaymentStatus",
                "A payment ({status}) of {amount} at {time} fits this link and also: "
                "{others} — check which in Inflow's dashboard",
            )
        return LinkStatus(
            text.format(amount=amount, time=_time(at), others=others, status=payment.status),
            _ambiguous_short(payment.status),
            Tone.UNSURE,
            match.state,
            False,
            payment.id,
            payment.status,
            f"{basis}{_ALSO_FITS}{others}",  # kept in the history: the keys stay English
            at,
        )
    if match.state is PaymentState.PAID:
        if match.confidence is Confidence.CONFIRMED:
            return LinkStatus(
                translate("PaymentStatus", "Paid ✓ {time}").format(time=_time(at)),
                _paid_short(at),
                Tone.GOOD,
                match.state,
                True,
                payment.id,
                payment.status,
                basis,
                at,
            )
        return LinkStatus(
            translate(
                "PaymentStatus",
                "A payment of {amount} arrived at {time} — probably this link "
                "(only the {facts} agree)",
            ).format(amount=amount, time=_time(at), facts=_words(match.basis)),
            _probable_short(at),
            Tone.UNSURE,
            match.state,
            False,
            payment.id,
            payment.status,
            basis,
            at,
        )
    return _by_state(match.state, payment.status, payment.id, basis, at, exact=False)


def _ambiguous_short(raw: str | None) -> str:
    return translate("PaymentStatus", "ambiguous: {status}").format(status=raw or "")


def _probable_short(at: datetime) -> str:
    return translate("PaymentStatus", "probably paid {time}").format(time=_time(at))


def kept_text(record: PaymentStatusRecord) -> str:
    """The history column's text of a status the history kept, worded again in the agent's
    language (the text shown when it was seen may be in another one). Without the facts to
    word it again (when it was paid, what the match rested on), the kept text as it was."""
    at = record.paid_at
    if at is None or not record.basis:
        return record.shown
    raw = record.payment_status or ""
    facts = {key.strip() for key in record.basis.partition(_ALSO_FITS)[0].split(",")}
    if _ALSO_FITS in record.basis:
        return _ambiguous_short(raw)
    if record.state == PaymentState.PAID:
        return _paid_short(at) if facts & _CONFIRMING else _probable_short(at)
    if record.state == PaymentState.FAILED:
        return translate("PaymentStatus", "failed {time}").format(time=_time(at))
    if record.state == PaymentState.PENDING:
        return translate("PaymentStatus", "payment started")
    if record.state == PaymentState.REFUND:
        return translate("PaymentStatus", "refund: {status}").format(status=raw)
    return record.shown  # unknown: Inflow's raw status, as shown then


#: The history column's short texts (their text before any field) and the chip each draws.
_SHORT_KINDS: Final = (
    (QT_TRANSLATE_NOOP("PaymentStatus", "probably paid {time}"), "unsure"),
    (QT_TRANSLATE_NOOP("PaymentStatus", "paid ✓ {time}"), "paid"),
    (QT_TRANSLATE_NOOP("PaymentStatus", "failed {time}"), "failed"),
    (QT_TRANSLATE_NOOP("PaymentStatus", "payment started"), "waiting"),
    (QT_TRANSLATE_NOOP("PaymentStatus", "waiting for payment"), "waiting"),
    (QT_TRANSLATE_NOOP("PaymentStatus", "expired"), "expired"),
)


def short_kind(text: str) -> str:
    """The status chip (``kit/chips.py``) of a history column text this module worded, in
    the agent's language ("paid ✓ 13:12" → ``"paid"``); ``"unsure"`` for anything else."""
    for template, kind in _SHORT_KINDS:
        lead = translate("PaymentStatus", template).split("{")[0]
        if lead.strip() and text.startswith(lead):
            return kind
    return "unsure"


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
