"""Did the customer pay? Payments matched to checkout links (pure Python, no I/O).

Inflow documents no way to read a checkout session back (inflow-api.md §3.3), but it documents
payments (§3.7): ``amountInCents``, ``currency``, ``status``, ``customerEmail``, ``products[]``,
``subscriptionId``, ``createdAt``. A payment does not name its session, so this module matches
payments to the links the desk created and says how sure the match is:

- a payment *fits* a link when the currency and amount agree, its ``createdAt`` lies between the
  link's creation (minus :data:`CLOCK_SKEW`) and its expiry plus :data:`GRACE`, the e-mail agrees
  when both name one, the product lines agree when the payment lists them, and the offer /
  subscription agree when both name one;
- a fit is *confirmed* when the e-mail, the products, the offer or the subscription agree (not
  just the amount and the time);
- a payment that fits two or more links is *ambiguous*: every one of those links is told so, with
  the others named — never a silent pick.

Statuses are mapped per §3.7; an unknown status is kept raw (:attr:`PaymentState.UNKNOWN`),
never guessed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Final

__all__ = [
    "CLOCK_SKEW",
    "GRACE",
    "Confidence",
    "LinkFacts",
    "LinkMatch",
    "Payment",
    "PaymentLine",
    "PaymentState",
    "match_payments",
    "parse_payment",
    "parse_timestamp",
    "payment_state",
    "session_state",
]

CLOCK_SKEW: Final = timedelta(minutes=2)
"""A payment stamped this much before the link's creation (by the server's clock) still fits."""
GRACE: Final = timedelta(minutes=15)
"""A payment stamped this long after the link expired still fits (a customer who opened the
page just before expiry and paid a little later)."""


class PaymentState(StrEnum):
    """What a payment status means for "did they pay?" (inflow-api.md §3.7)."""

    PENDING = "pending"
    PAID = "paid"
    FAILED = "failed"
    REFUND = "refund"
    UNKNOWN = "unknown"


_STATES: Final[Mapping[str, PaymentState]] = {
    "INITIATION": PaymentState.PENDING,
    "CHECKOUT_PENDING": PaymentState.PENDING,
    "CHECKOUT_SUCCESS": PaymentState.PAID,
    "PAYMENT_RECEIVED": PaymentState.PAID,
    "PAYMENT_SUCCESS": PaymentState.PAID,
    "PAYMENT_FAILED": PaymentState.FAILED,
    "REFUND_PENDING": PaymentState.REFUND,
    "PARTIAL_REFUNDED": PaymentState.REFUND,
    "FULLY_REFUNDED": PaymentState.REFUND,
    "REFUND_FAILED": PaymentState.REFUND,
}

#: Which of several attempts on one link tells the agent most: paid (or its later refund, which
#: wins by being newer) over pending over failed.
_RANK: Final[Mapping[PaymentState, int]] = {
    PaymentState.FAILED: 0,
    PaymentState.UNKNOWN: 1,
    PaymentState.PENDING: 2,
    PaymentState.PAID: 3,
    PaymentState.REFUND: 3,
}


def payment_state(status: str) -> PaymentState:
    """The meaning of a documented status; :attr:`PaymentState.UNKNOWN` for anything else."""
    return _STATES.get(status.strip().upper(), PaymentState.UNKNOWN)


def session_state(status: str) -> PaymentState:
    """The meaning of a checkout session's own status (an undocumented read, §3.3): the payment
    statuses, plus the words a session endpoint would plausibly use."""
    word = status.strip().upper()
    if word in _STATES:
        return _STATES[word]
    if word in ("PAID", "COMPLETE", "COMPLETED", "SUCCEEDED"):
        return PaymentState.PAID
    if word in ("OPEN", "PENDING"):
        return PaymentState.PENDING
    if word == "FAILED":
        return PaymentState.FAILED
    return PaymentState.UNKNOWN


@dataclass(frozen=True)
class PaymentLine:
    name: str
    price_cents: int
    quantity: int


@dataclass(frozen=True)
class Payment:
    """A payment as listed by ``GET /api/payment`` (only what matching needs)."""

    id: str
    amount_cents: int
    currency: str
    status: str
    created_at: datetime
    customer_email: str | None = None
    products: tuple[PaymentLine, ...] | None = None  # None: the payment lists none
    subscription_id: str | None = None
    offer_id: str | None = None  # undocumented; used when a server sends it

    @property
    def state(self) -> PaymentState:
        return payment_state(self.status)


@dataclass(frozen=True)
class LinkFacts:
    """What the desk knows of a link it created (from its own history)."""

    session_id: str
    created_at: datetime
    expires_at: datetime
    currency: str | None
    amount_cents: int | None  # None: unknown (a subscription whose offer price is not known)
    customer_email: str | None = None
    products: tuple[PaymentLine, ...] = ()
    offer_id: str | None = None
    subscription_id: str | None = None  # learnt from an earlier match
    label: str = ""  # how the agent recognises it ("€109.88 for ana@example.org")

    @property
    def name(self) -> str:
        return self.label or self.session_id


class Confidence(StrEnum):
    CONFIRMED = "confirmed"  # unique, and the e-mail/products/offer/subscription agree
    PROBABLE = "probable"  # unique, but only the amount and the time agree
    AMBIGUOUS = "ambiguous"  # the payment fits other links too


@dataclass(frozen=True)
class LinkMatch:
    """The payment that tells most about one link, and how sure that is."""

    session_id: str
    payment: Payment
    confidence: Confidence
    basis: tuple[str, ...]  # what agreed: "amount", "time", "email", "products", "offer", …
    rivals: tuple[LinkFacts, ...] = ()  # the other links the payment fits (ambiguous)

    @property
    def state(self) -> PaymentState:
        return self.payment.state

    @property
    def basis_text(self) -> str:
        return ", ".join(self.basis)


def _email(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip().casefold()
    return value or None


def _lines(lines: Iterable[PaymentLine]) -> Counter[tuple[str, int, int]]:
    return Counter((line.name.strip(), line.price_cents, line.quantity) for line in lines)


def _fit(
    link: LinkFacts, payment: Payment, skew: timedelta, grace: timedelta
) -> tuple[str, ...] | None:
    """What agreed, if ``payment`` fits ``link``; None when anything disagrees."""
    basis: list[str] = []
    if not link.created_at - skew <= payment.created_at <= link.expires_at + grace:
        return None
    if link.subscription_id is not None and payment.subscription_id is not None:
        if link.subscription_id != payment.subscription_id:
            return None
        basis.append("subscription")
    if link.offer_id is not None and payment.offer_id is not None:
        if link.offer_id != payment.offer_id:
            return None
        basis.append("offer")
    if link.amount_cents is None or link.currency is None:
        if not basis:
            return None  # nothing but the time would agree: not a match
    else:
        if payment.currency.strip().upper() != link.currency.strip().upper():
            return None
        if payment.amount_cents != link.amount_cents:
            return None
        basis.insert(0, "amount")
    basis.append("time")
    link_email, payment_email = _email(link.customer_email), _email(payment.customer_email)
    if link_email is not None and payment_email is not None:
        if link_email != payment_email:
            return None
        basis.append("email")
    if payment.products is not None and link.products:
        if _lines(payment.products) != _lines(link.products):
            return None
        basis.append("products")
    return tuple(basis)


_CONFIRMING: Final = frozenset({"email", "products", "offer", "subscription"})


def match_payments(
    links: Iterable[LinkFacts],
    payments: Iterable[Payment],
    *,
    skew: timedelta = CLOCK_SKEW,
    grace: timedelta = GRACE,
) -> dict[str, LinkMatch]:
    """For each link that some payment fits: the match that tells most, keyed by session id.

    A payment that fits one link only is that link's (several such attempts on one link: the
    most advanced state wins — paid over pending over failed — then the newest). A payment that
    fits several links is reported to each of them as :attr:`Confidence.AMBIGUOUS`, with the
    other links as ``rivals``, unless the link has a payment of its own.
    """
    link_list = list(links)
    by_payment: list[tuple[Payment, list[tuple[LinkFacts, tuple[str, ...]]]]] = []
    for payment in payments:
        fits = [
            (link, basis)
            for link in link_list
            if (basis := _fit(link, payment, skew, grace)) is not None
        ]
        if fits:
            by_payment.append((payment, fits))
    own: dict[str, LinkMatch] = {}
    shared: dict[str, LinkMatch] = {}
    for payment, fits in by_payment:
        if len(fits) == 1:
            link, basis = fits[0]
            sure = Confidence.CONFIRMED if _CONFIRMING & set(basis) else Confidence.PROBABLE
            candidate = LinkMatch(link.session_id, payment, sure, basis)
            own[link.session_id] = _better(own.get(link.session_id), candidate)
            continue
        for link, basis in fits:
            rivals = tuple(other for other, _ in fits if other.session_id != link.session_id)
            candidate = LinkMatch(link.session_id, payment, Confidence.AMBIGUOUS, basis, rivals)
            shared[link.session_id] = _better(shared.get(link.session_id), candidate)
    result = dict(shared)
    result.update(own)
    return result


def _better(current: LinkMatch | None, candidate: LinkMatch) -> LinkMatch:
    if current is None:
        return candidate

    def key(match: LinkMatch) -> tuple[int, datetime, str]:
        return (_RANK[match.state], match.payment.created_at, match.payment.id)

    return candidate if key(candidate) > key(current) else current


# ---------------------------------------------------------------------- parsing (§3.7)


def parse_timestamp(value: object) -> datetime | None:
    """An ISO 8601 instant (``2025-01-15T10:30:00.000Z``) as an aware UTC datetime."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    if moment.tzinfo is None:
        return None  # no zone: the instant is unknown, never guessed
    return moment.astimezone(UTC)


def _int(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def parse_payment(item: object) -> Payment | None:
    """A listed payment (a JSON object with §3.7's field names); None when it lacks what
    matching needs (an id, an amount, a currency, a status and a creation instant)."""
    if not isinstance(item, dict):
        return None
    payment_id = _text(item.get("id"))
    amount = _int(item.get("amountInCents"))
    currency = _text(item.get("currency"))
    status = _text(item.get("status"))
    created = parse_timestamp(item.get("createdAt"))
    if payment_id is None or amount is None or currency is None or status is None:
        return None
    if created is None:
        return None
    products: tuple[PaymentLine, ...] | None = None
    raw_products = item.get("products")
    if isinstance(raw_products, list) and raw_products:
        lines: list[PaymentLine] = []
        for raw in raw_products:
            if not isinstance(raw, dict):
                lines = []
                break
            name, price = _text(raw.get("name")), _int(raw.get("price"))
            quantity = _int(raw.get("quantity"))
            if name is None or price is None or quantity is None:
                lines = []
                break
            lines.append(PaymentLine(name, price, quantity))
        products = tuple(lines) if lines else None
    return Payment(
        id=payment_id,
        amount_cents=amount,
        currency=currency,
        status=status.strip(),
        created_at=created,
        customer_email=_text(item.get("customerEmail")),
        products=products,
        subscription_id=_text(item.get("subscriptionId")),
        offer_id=_text(item.get("offerId")) or _text(item.get("subscriptionOfferId")),
    )
