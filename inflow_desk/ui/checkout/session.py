"""A created checkout session, as the window shows it and the history records it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from inflow_desk.domain.kinds import SessionKind
from inflow_desk.ui.accounts.account import Account


@dataclass(frozen=True)
class LineDetail:
    """One cart line as sent: the name, the unit price in cents, the quantity."""

    name: str
    unit_price_cents: int
    quantity: int


@dataclass(frozen=True)
class ChargeDetails:
    """What a link charges, besides the request body: shown in the result panel and kept in
    the history (a one-time link has lines, a subscription link an offer)."""

    currency: str | None = None
    total_cents: int | None = None
    line_items: tuple[LineDetail, ...] = ()
    offer_id: str | None = None
    offer_name: str | None = None
    customer_email: str | None = None


@dataclass(frozen=True)
class CreatedSession:
    """A session as the window shows and records it."""

    session_id: str
    checkout_url: str
    created_at: datetime
    expires_at: datetime
    expiry_assumed: bool
    request_json: dict[str, object]
    kind: SessionKind = SessionKind.ONE_TIME
    details: ChargeDetails = field(default_factory=ChargeDetails)
    account: Account | None = None
