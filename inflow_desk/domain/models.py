"""Cart, checkout options, field issues — what the agent entered, valid or not.

The request bodies sent to Inflow (pydantic models) and the functions that build them live in
:mod:`inflow_desk.domain.requests`, which imports this module (never the other way round);
import them from there, where pydantic is needed, so the first frame does not pay for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final
from urllib.parse import unquote, urlsplit

from inflow_desk.domain.i18n import QT_TRANSLATE_NOOP, translate
from inflow_desk.domain.money import Currency
from inflow_desk.domain.validation import OFFER_ID_PATTERN

__all__ = [
    "Cart",
    "CheckoutOptions",
    "FieldIssue",
    "LineItem",
    "RequestInvalid",
    "extract_offer_id",
    "field_label",
]


# ------------------------------------------------------------------ what the agent entered


@dataclass(frozen=True, slots=True)
class LineItem:
    """One cart line as entered; may be invalid (see :func:`validate_one_time`)."""

    name: str
    unit_price_cents: int
    quantity: int

    @property
    def line_total_cents(self) -> int:
        return self.unit_price_cents * self.quantity


@dataclass(frozen=True, slots=True)
class Cart:
    """The products of a one-time payment, in the order shown."""

    currency: Currency
    items: tuple[LineItem, ...] = ()

    @property
    def total_cents(self) -> int:
        return sum(item.line_total_cents for item in self.items)


@dataclass(frozen=True, slots=True)
class CheckoutOptions:
    """Optional session settings; ``None`` or a blank string means "not set"."""

    customer_email: str | None = None
    success_url: str | None = None
    cancel_url: str | None = None
    expires_in_hours: float | None = None


@dataclass(frozen=True, slots=True)
class FieldIssue:
    """One problem, with a stable path the UI maps to a widget (e.g. ``products[2].price``)."""

    field: str
    message: str


class RequestInvalid(ValueError):  # noqa: N818 — name fixed by docs/architecture.md
    """The cart/options cannot be sent; ``issues`` lists every problem in visual order."""

    def __init__(self, issues: list[FieldIssue]) -> None:
        self.issues = list(issues)
        super().__init__(_summary(self.issues))


_FIELD_LABELS: Final = {
    "currency": QT_TRANSLATE_NOOP("Validation", "Currency"),
    "products": QT_TRANSLATE_NOOP("Validation", "Products"),
    "total": QT_TRANSLATE_NOOP("Validation", "Total"),
    "customerEmail": QT_TRANSLATE_NOOP("Validation", "Customer e-mail"),
    "successUrl": QT_TRANSLATE_NOOP("Validation", "Success URL"),
    "cancelUrl": QT_TRANSLATE_NOOP("Validation", "Cancel URL"),
    "expiresIn": QT_TRANSLATE_NOOP("Validation", "Expires in"),
    "offerId": QT_TRANSLATE_NOOP("Validation", "Subscription offer"),
}
_PRODUCT_FIELD_LABELS: Final = {
    "name": QT_TRANSLATE_NOOP("Validation", "Product {number} name"),
    "price": QT_TRANSLATE_NOOP("Validation", "Product {number} price"),
    "quantity": QT_TRANSLATE_NOOP("Validation", "Product {number} quantity"),
}
_PRODUCT_FIELD_RE: Final = re.compile(r"products\[(\d+)\]\.(name|price|quantity)")


def field_label(field: str) -> str:
    """A human label for an issue path: ``products[2].price`` → ``Product 3 price``."""
    match = _PRODUCT_FIELD_RE.fullmatch(field)
    if match:
        product = _PRODUCT_FIELD_LABELS[match.group(2)]
        return translate("Validation", product).format(number=int(match.group(1)) + 1)
    label = _FIELD_LABELS.get(field)
    return field if label is None else translate("Validation", label)


def _summary(issues: list[FieldIssue]) -> str:
    if not issues:
        return translate("Validation", "The request is invalid")
    item = translate("Validation", "{field}: {problem}")
    details = translate("Validation", "; ").join(
        item.format(field=field_label(issue.field), problem=issue.message) for issue in issues
    )
    if len(issues) == 1:
        return translate("Validation", "Fix this before creating the session — {details}").format(
            details=details
        )
    return translate(  # two or more
        "Validation", "Fix these {count} problems before creating the session — {details}"
    ).format(count=len(issues), details=details)


# ------------------------------------------------------------------ offer ids

_BARE_ID_RE: Final = re.compile(OFFER_ID_PATTERN)
_SUBSCRIBE_PATH_RE: Final = re.compile(rf"(?:^|/)subscribe/({OFFER_ID_PATTERN})/?$")


def extract_offer_id(text: str) -> str | None:
    """A bare offer id, or the id in a ``…/subscribe/{offerId}`` link; else ``None``.

    ``https://checkout.inflowpay.com/subscribe/offer_9fK21?ref=x`` → ``"offer_9fK21"``; the
    scheme may be missing, query and fragment are ignored, surrounding whitespace too.
    """
    value = text.strip()
    if _BARE_ID_RE.fullmatch(value):
        return value
    if not value or any(c.isspace() for c in value):
        return None
    candidate = value if "://" in value else "https://" + value.removeprefix("//")
    try:
        parts = urlsplit(candidate)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    match = _SUBSCRIBE_PATH_RE.search(unquote(parts.path))
    return match.group(1) if match else None
