"""Deep links from a CRM: ``inflow-desk://new?…`` → what to pre-fill in the form.

A deep link never creates anything: the window fills the form and the agent presses
Ctrl+Enter. Every field is validated exactly as typed input is (``validation.py``,
``parse_money``); one bad field and nothing at all is filled (:class:`DeepLinkError` says
what is wrong, in the agent's words).

The parameters (each at most once, except ``item``)::

    inflow-desk://new?email=ann@example.com&currency=EUR&item=Starter%20kit*2@49.99
        email     the customer's e-mail
        currency  EUR or USD (default: the form's)
        item      NAME[*QUANTITY]@PRICE — repeatable, in cart order (quantity defaults to 1;
                  the price as an agent would type it, e.g. 49.99 or 49,99)
        success   success redirect URL;  cancel   cancel redirect URL
        expires   hours until the link expires (0.25–720)
        offer     a subscription offer id (or …/subscribe/<id> link): fills Subscription
                  mode instead; not together with item

Pure: no Qt, no I/O.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Final
from urllib.parse import parse_qsl, urlsplit

from inflow_desk.domain import limits
from inflow_desk.domain.i18n import number_text, translate
from inflow_desk.domain.models import LineItem, extract_offer_id
from inflow_desk.domain.money import Currency, MoneyParseError, parse_money
from inflow_desk.domain.validation import (
    check_email,
    check_expires_in,
    check_name,
    check_offer_id,
    check_quantity,
    check_redirect_url,
    check_total,
    check_unit_price,
)

__all__ = ["MAX_DEEP_LINK_LENGTH", "SCHEME", "DeepLink", "DeepLinkError", "parse_deep_link"]

SCHEME: Final = "inflow-desk"
MAX_DEEP_LINK_LENGTH: Final = 16_384
_SINGLE: Final = ("email", "currency", "success", "cancel", "expires", "offer")
_KNOWN: Final = frozenset((*_SINGLE, "item"))


class DeepLinkError(ValueError):
    """A deep link that fills nothing; ``str()`` says what is wrong, for the agent."""


@dataclass(frozen=True, slots=True)
class DeepLink:
    """What a valid deep link fills in. Every value here passed the typed-input checks."""

    currency: Currency | None = None
    items: tuple[LineItem, ...] = ()
    customer_email: str | None = None
    success_url: str | None = None
    cancel_url: str | None = None
    expires_in_hours: float | None = None
    offer_id: str | None = None


def _fail(field: str, problem: str) -> DeepLinkError:
    return DeepLinkError(
        translate(
            "DeepLink", "The link from the other application was not used — {field}: {problem}"
        ).format(field=field, problem=problem)
    )


def _address() -> str:
    return translate("DeepLink", "address")


def parse_deep_link(url: str) -> DeepLink:
    """Parse and validate ``url``; :class:`DeepLinkError` when anything in it is wrong."""
    if not isinstance(url, str) or not url.strip():
        raise _fail(_address(), translate("DeepLink", "it is empty"))
    text = url.strip()
    if len(text) > MAX_DEEP_LINK_LENGTH:
        raise _fail(
            _address(),
            translate("DeepLink", "it is longer than {limit} characters").format(
                limit=number_text(MAX_DEEP_LINK_LENGTH)
            ),
        )
    if any(not ch.isprintable() for ch in text):
        raise _fail(
            _address(), translate("DeepLink", "it contains invisible or control characters")
        )
    try:
        parts = urlsplit(text)
    except ValueError as exc:
        raise _fail(_address(), translate("DeepLink", "it is not a valid address")) from exc
    if parts.scheme.lower() != SCHEME:
        raise _fail(
            _address(),
            translate("DeepLink", "it does not start with {scheme}://").format(scheme=SCHEME),
        )
    action = (parts.netloc or parts.path.strip("/")).lower()
    if parts.netloc and parts.path.strip("/"):
        action = f"{parts.netloc}/{parts.path.strip('/')}".lower()
    if action != "new":
        raise _fail(
            _address(),
            translate("DeepLink", "{scheme}://new is the only action (not “{action}”)").format(
                scheme=SCHEME, action=action
            ),
        )
    if parts.fragment:
        raise _fail(
            _address(), translate("DeepLink", "it has a # part the app does not understand")
        )
    try:
        pairs = parse_qsl(
            parts.query,
            keep_blank_values=True,
            strict_parsing=bool(parts.query),
            errors="strict",
        )
    except (ValueError, UnicodeDecodeError) as exc:
        raise _fail(_address(), translate("DeepLink", "its parameters cannot be read")) from exc
    single: dict[str, str] = {}
    raw_items: list[str] = []
    for key, value in pairs:
        if key not in _KNOWN:
            raise _fail(
                key or translate("DeepLink", "(blank)"),
                translate("DeepLink", "the app does not know this field"),
            )
        if key == "item":
            raw_items.append(value)
        elif key in single:
            raise _fail(key, translate("DeepLink", "given twice"))
        else:
            single[key] = value
    return _build(single, raw_items)


def _build(single: dict[str, str], raw_items: list[str]) -> DeepLink:
    currency: Currency | None = None
    if "currency" in single:
        code = single["currency"].strip().upper()
        if code not in Currency.__members__:
            raise _fail("currency", translate("DeepLink", "use EUR or USD"))
        currency = Currency(code)
    email = _optional(single, "email", check_email)
    success = _optional(single, "success", check_redirect_url)
    cancel = _optional(single, "cancel", check_redirect_url)
    expires: float | None = None
    if "expires" in single:
        try:
            expires = float(single["expires"].strip())
        except ValueError as exc:
            raise _fail("expires", translate("DeepLink", "not a number of hours")) from exc
        if expires != expires or expires in (float("inf"), float("-inf")):
            raise _fail("expires", translate("DeepLink", "not a number of hours"))
        problem = check_expires_in(expires)
        if problem is not None:
            raise _fail("expires", problem)
    offer: str | None = None
    if "offer" in single:
        if raw_items:
            raise _fail(
                "offer",
                translate(
                    "DeepLink", "a link is either a subscription offer or products, not both"
                ),
            )
        offer = extract_offer_id(single["offer"])
        problem = check_offer_id(offer if offer is not None else single["offer"])
        if offer is None or problem is not None:
            raise _fail(
                "offer", problem or translate("DeepLink", "not a subscription offer ID or link")
            )
    if len(raw_items) > limits.MAX_LINE_ITEMS:
        raise _fail(
            "item",
            translate("DeepLink", "at most {limit} products").format(
                limit=number_text(limits.MAX_LINE_ITEMS)
            ),
        )
    items = tuple(_item(raw, index, currency) for index, raw in enumerate(raw_items, start=1))
    if items:
        total = sum(item.line_total_cents for item in items)
        problem = check_total(total, currency or Currency.EUR)
        if problem is not None:
            raise _fail("total", problem)
    return DeepLink(
        currency=currency,
        items=items,
        customer_email=email,
        success_url=success,
        cancel_url=cancel,
        expires_in_hours=expires,
        offer_id=offer,
    )


def _optional(single: dict[str, str], key: str, check: Callable[[str], str | None]) -> str | None:
    if key not in single:
        return None
    value = single[key].strip()
    if not value:  # left blank, as in the form: not set
        return None
    problem = check(value)
    if problem is not None:
        raise _fail(key, problem)
    return value


def _item(raw: str, index: int, currency: Currency | None) -> LineItem:
    field = translate("DeepLink", "product {number}").format(number=index)
    head, at, price_text = raw.rpartition("@")
    if not at:
        raise _fail(
            field,
            translate("DeepLink", "write it as NAME*QUANTITY@PRICE, e.g. Starter kit*2@49.99"),
        )
    quantity = 1
    name = head
    before, star, count = head.rpartition("*")
    if star and count.strip().isascii() and count.strip().isdecimal():
        name, quantity = before, int(count.strip())
    problem = check_name(name)
    if problem is not None:
        raise _fail(translate("DeepLink", "product {number} name").format(number=index), problem)
    try:
        cents = parse_money(price_text, expected=currency)
    except MoneyParseError as exc:
        where = translate("DeepLink", "product {number} price").format(number=index)
        raise _fail(where, str(exc)) from exc
    problem = check_unit_price(cents) or check_quantity(quantity)
    if problem is not None:
        raise _fail(field, problem)
    return LineItem(name.strip(), cents, quantity)
