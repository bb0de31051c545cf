"""The placeholder values of a created link, worded for the agent's locale."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from inflow_desk.domain.handover import CartLine, cart_sentence, subscription_sentence
from inflow_desk.domain.i18n import translate
from inflow_desk.domain.kinds import SessionKind
from inflow_desk.domain.money import Currency
from inflow_desk.domain.time_left import duration_text
from inflow_desk.ui.checkout.session import CreatedSession
from inflow_desk.ui.kit.formatting import format_money, format_money_in, format_time_or_day


def _currency(created: CreatedSession) -> Currency | None:
    code = created.details.currency
    return Currency(code) if code is not None and code in Currency.__members__ else None


def amount_text(created: CreatedSession) -> str:
    total = created.details.total_cents
    return format_money_in(total, created.details.currency) if total is not None else ""


def items_text(created: CreatedSession) -> str:
    """``"2 × Starter kit, 1 × Cable"`` (a cart) or the offer's name (a subscription)."""
    details = created.details
    if created.kind is SessionKind.SUBSCRIPTION:
        return details.offer_name or details.offer_id or translate("HandoverFacts", "subscription")
    return ", ".join(f"{line.quantity} × {line.name}" for line in details.line_items)


def expires_at_text(expires_at: datetime, now: datetime) -> str:
    """``15:42`` today, ``Thu 3 Dec 15:42`` another day (the agent's locale)."""
    return format_time_or_day(expires_at, now)


def expires_in_text(expires_at: datetime, now: datetime) -> str:
    """``"58 min"``: the countdown's time left (``domain.time_left``) without "left";
    ``"no time"`` once expired."""
    return duration_text(expires_at - now) or translate("HandoverFacts", "no time")


def placeholder_values(
    created: CreatedSession, *, url: str, merchant: str, now: datetime
) -> dict[str, str]:
    """Every placeholder of :data:`~inflow_desk.domain.handover.PLACEHOLDERS`, for ``created``."""
    details = created.details
    offer = ""
    if created.kind is SessionKind.SUBSCRIPTION:
        offer = details.offer_name or details.offer_id or ""
    return {
        "link": url,
        "amount": amount_text(created),
        "items": items_text(created),
        "offer": offer,
        "expires_at": expires_at_text(created.expires_at, now),
        "expires_in": expires_in_text(created.expires_at, now),
        "merchant": merchant,
        "customer_email": details.customer_email or "",
    }


def read_aloud_text(created: CreatedSession, offer: Mapping[str, Any] | None = None) -> str:
    """What the agent reads before sending: a subscription's terms (from the offer's fields
    when known, else its name and price) or the cart's items and total."""
    details = created.details
    if created.kind is SessionKind.SUBSCRIPTION:
        fields: dict[str, Any] = dict(offer) if offer is not None else {}
        fields.setdefault("id", details.offer_id or "")
        if details.offer_name:
            fields.setdefault("name", details.offer_name)
        if details.total_cents is not None:
            fields.setdefault("amountInCents", details.total_cents)
        if details.currency:
            fields.setdefault("currency", details.currency)
        return subscription_sentence(fields, format_money_in)
    currency = _currency(created)

    def money(cents: int) -> str:
        return (
            format_money(cents, currency)
            if currency is not None
            else format_money_in(cents, details.currency)
        )

    lines = [CartLine(i.name, i.unit_price_cents, i.quantity) for i in details.line_items]
    return cart_sentence(lines, details.total_cents or 0, money)
