"""Subscription offers for people: prices per interval, trial, entry fee, cycles, details.

Pure functions over an offer as Inflow sends it: a mapping with the wire (camelCase) keys
(``amountInCents``, ``interval``, ``intervalCount``…). The UI passes
``SubscriptionOffer.model_dump(by_alias=True)``, which keeps unknown fields too. Every field
but ``id`` may be missing or of an unexpected value: nothing here raises on odd data, unknown
intervals and currencies are shown raw.

Amounts go through a ``money`` callable (``cents, currency code → text``) so the UI can format
for the agent's locale; the default is :func:`format_offer_amount` (locale-neutral).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from typing import Any, Final
from urllib.parse import unquote, urlsplit

from inflow_desk.domain import limits
from inflow_desk.domain.i18n import QT_TRANSLATE_NOOP, translate
from inflow_desk.domain.money import format_amount
from inflow_desk.domain.validation import OFFER_ID_PATTERN

__all__ = [
    "SUBSCRIBE_BASE_URL",
    "SUBSCRIBE_LINK_LABEL",
    "MoneyFormatter",
    "describe_cycles",
    "describe_entry_fee",
    "describe_interval",
    "describe_price",
    "describe_trial",
    "format_offer_amount",
    "is_archived",
    "offer_detail_rows",
    "offer_extras",
    "offer_search_text",
    "offer_summary",
    "offer_title",
    "pasted_offer_id",
    "pasted_offer_problem",
    "subscribe_link",
    "subscribe_link_label",
]

SUBSCRIBE_BASE_URL: Final = "https://checkout.inflowpay.com/subscribe/"
"""The permanent sign-up link of an offer is this + its id (inflow-api.md §3.4)."""
SUBSCRIBE_HOST: Final = "checkout.inflowpay.com"
OFFER_ID_PREFIX: Final = "offer_"
"""How the offer ids in Inflow's examples start (``offer_9fK21``, ``offer_abc123``)."""

#: The label of the permanent link's row in :func:`offer_detail_rows` (compare it with
#: :func:`subscribe_link_label`, which is what the rows hold in the agent's language).
SUBSCRIBE_LINK_LABEL: Final = QT_TRANSLATE_NOOP("Offers", "Subscribe link")

MoneyFormatter = Callable[[int, str], str]
"""``(cents, currency code) → text``, e.g. ``(2999, "EUR") → "€29.99"``."""

#: ``/ month`` (one interval) and ``every {count} months`` (two or more), per known interval.
_UNITS: Final = {
    "day": (
        QT_TRANSLATE_NOOP("Offers", "/ day"),
        QT_TRANSLATE_NOOP("Offers", "every {count} days"),
    ),
    "week": (
        QT_TRANSLATE_NOOP("Offers", "/ week"),
        QT_TRANSLATE_NOOP("Offers", "every {count} weeks"),
    ),
    "month": (
        QT_TRANSLATE_NOOP("Offers", "/ month"),
        QT_TRANSLATE_NOOP("Offers", "every {count} months"),
    ),
    "year": (
        QT_TRANSLATE_NOOP("Offers", "/ year"),
        QT_TRANSLATE_NOOP("Offers", "every {count} years"),
    ),
}

#: Labels of the documented fields, in the order the details show them.
_FIELD_LABELS: Final = {
    "name": QT_TRANSLATE_NOOP("Offers", "Name"),
    "id": QT_TRANSLATE_NOOP("Offers", "Offer ID"),
    "description": QT_TRANSLATE_NOOP("Offers", "Description"),
    "amountInCents": QT_TRANSLATE_NOOP("Offers", "Price"),
    "currency": QT_TRANSLATE_NOOP("Offers", "Currency"),
    "interval": QT_TRANSLATE_NOOP("Offers", "Interval"),
    "intervalCount": QT_TRANSLATE_NOOP("Offers", "Interval count"),
    "trialPeriodDays": QT_TRANSLATE_NOOP("Offers", "Free trial"),
    "entryFeesInCents": QT_TRANSLATE_NOOP("Offers", "First payment (entry fee)"),
    "cycleCount": QT_TRANSLATE_NOOP("Offers", "Number of payments"),
    "pricingMode": QT_TRANSLATE_NOOP("Offers", "Pricing mode"),
    "waitlistEnabled": QT_TRANSLATE_NOOP("Offers", "Waitlist (manual approval)"),
    "archived": QT_TRANSLATE_NOOP("Offers", "Archived"),
    "extraInfoNeeded": QT_TRANSLATE_NOOP("Offers", "Extra customer info needed"),
    "successUrl": QT_TRANSLATE_NOOP("Offers", "Success URL"),
    "cancelUrl": QT_TRANSLATE_NOOP("Offers", "Cancel URL"),
    "discordGuildId": QT_TRANSLATE_NOOP("Offers", "Discord server ID"),
    "discordRoleId": QT_TRANSLATE_NOOP("Offers", "Discord role ID"),
    "sessionCustomization": QT_TRANSLATE_NOOP("Offers", "Checkout customization"),
    "metadatas": QT_TRANSLATE_NOOP("Offers", "Metadata"),
    "createdAt": QT_TRANSLATE_NOOP("Offers", "Created"),
    "updatedAt": QT_TRANSLATE_NOOP("Offers", "Updated"),
}
_CENTS_FIELDS: Final = frozenset({"amountInCents", "entryFeesInCents"})
_PRICING_MODES: Final = {
    "TAX_EXCLUSIVE": QT_TRANSLATE_NOOP("Offers", "tax exclusive (tax added on top)"),
    "TAX_INCLUSIVE": QT_TRANSLATE_NOOP("Offers", "tax inclusive"),
}


def _int(value: object) -> int | None:
    """An integer field, or None for missing / wrong-typed values (bools are not numbers)."""
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def format_offer_amount(cents: int, currency: str) -> str:
    """``(2999, "EUR") → "€29.99"``; an unknown currency is kept raw: ``"29.99 GBP"``
    (:func:`~inflow_desk.domain.money.format_amount`)."""
    return format_amount(cents, currency)


def _amount(offer: Mapping[str, Any], key: str, money: MoneyFormatter) -> str | None:
    cents = _int(offer.get(key))
    if cents is None:
        return None
    return money(cents, _text(offer.get("currency")))


def describe_interval(interval: object, count: object = 1) -> str:
    """``("month", 1) → "/ month"``, ``("week", 2) → "every 2 weeks"``.

    Unknown intervals are shown raw: ``("fortnight", 1) → "/ fortnight"``,
    ``("fortnight", 3) → "every 3 × fortnight"``. A missing interval gives ``""``.
    """
    unit = _text(interval)
    if not unit:
        return ""
    n = _int(count)
    known = _UNITS.get(unit.lower())
    if n is None or n <= 1:  # 0, negative or missing counts: show the interval alone
        if known is not None:
            return translate("Offers", known[0])
        return translate("Offers", "/ {interval}").format(interval=unit)
    if known is not None:
        return translate("Offers", known[1]).format(count=n)  # two or more: no plural forms
    return translate("Offers", "every {count} × {interval}").format(count=n, interval=unit)


def describe_price(offer: Mapping[str, Any], money: MoneyFormatter = format_offer_amount) -> str:
    """``"€29.99 / month"``, ``"€5.00 every 2 weeks"``, ``"$1.99 / day"``.

    Without an amount: ``"price not listed"`` (plus the interval when known).
    """
    amount = _amount(offer, "amountInCents", money)
    interval = describe_interval(offer.get("interval"), offer.get("intervalCount"))
    if amount is None:
        if interval:
            return translate("Offers", "price not listed ({interval})").format(interval=interval)
        return translate("Offers", "price not listed")
    if not interval:
        return amount
    return translate("Offers", "{amount} {interval}").format(amount=amount, interval=interval)


def describe_trial(offer: Mapping[str, Any]) -> str | None:
    """``"7-day free trial"``, or None when there is none."""
    days = _int(offer.get("trialPeriodDays"))
    if days is None or days <= 0:
        return None
    if days == 1:
        return translate("Offers", "1-day free trial")
    return translate("Offers", "{days}-day free trial").format(days=days)  # two or more


def describe_entry_fee(
    offer: Mapping[str, Any], money: MoneyFormatter = format_offer_amount
) -> str | None:
    """``"first payment €49.00"`` (the entry fee replaces the first charge), or None."""
    fee = _amount(offer, "entryFeesInCents", money)
    if fee is None:
        return None
    return translate("Offers", "first payment {amount}").format(amount=fee)


def describe_cycles(offer: Mapping[str, Any]) -> str | None:
    """``"12 payments"`` for a limited number of cycles; None when unlimited."""
    cycles = _int(offer.get("cycleCount"))
    if cycles is None or cycles <= 0:
        return None
    if cycles == 1:
        return translate("Offers", "1 payment")
    return translate("Offers", "{count} payments").format(count=cycles)  # two or more


def is_archived(offer: Mapping[str, Any]) -> bool:
    """Archived offers accept no new sign-ups (the flag's name is undocumented)."""
    if offer.get("archived") is True or offer.get("isArchived") is True:
        return True
    status = offer.get("status")
    return isinstance(status, str) and status.strip().lower() == "archived"


def offer_extras(
    offer: Mapping[str, Any], money: MoneyFormatter = format_offer_amount
) -> list[str]:
    """What comes after the price in the one-line summary, in reading order."""
    extras = [
        describe_trial(offer),
        describe_entry_fee(offer, money),
        describe_cycles(offer),
        translate("Offers", "waitlist") if offer.get("waitlistEnabled") is True else None,
        translate("Offers", "archived") if is_archived(offer) else None,
    ]
    return [e for e in extras if e]


def offer_title(offer: Mapping[str, Any]) -> str:
    """The offer's name, or its id when it has none."""
    return (
        _text(offer.get("name")) or _text(offer.get("id")) or translate("Offers", "(unnamed offer)")
    )


def offer_texts(
    offer: Mapping[str, Any], money: MoneyFormatter = format_offer_amount
) -> tuple[str, str, str]:
    """``(title, summary, search text)`` of an offer in one pass (the picker computes all
    three for every listed offer; see :func:`offer_summary` and :func:`offer_search_text`)."""
    title = offer_title(offer)
    price = describe_price(offer, money)
    extras = offer_extras(offer, money)
    summary = translate("Offers", "{offer} — {terms}").format(
        offer=title, terms=" · ".join([price, *extras])
    )
    parts = [
        _text(offer.get("name")),
        _text(offer.get("id")),
        price,
        *extras,
        _text(offer.get("currency")),
    ]
    search = " ".join(p for p in parts if p).casefold()
    return title, summary, search


def offer_summary(offer: Mapping[str, Any], money: MoneyFormatter = format_offer_amount) -> str:
    """``"Pro yearly — €299.00 / year · 14-day free trial"``."""
    return offer_texts(offer, money)[1]


def offer_search_text(offer: Mapping[str, Any], money: MoneyFormatter = format_offer_amount) -> str:
    """What the picker's filter matches against: name, id and price text, lower case."""
    return offer_texts(offer, money)[2]


def subscribe_link(offer_id: str) -> str:
    """The offer's permanent subscription link (shareable, never expires)."""
    return SUBSCRIBE_BASE_URL + offer_id.strip()


def subscribe_link_label() -> str:
    """The label of the permanent link's row in :func:`offer_detail_rows`, translated."""
    return translate("Offers", SUBSCRIBE_LINK_LABEL)


def _value_text(key: str, value: object, offer: Mapping[str, Any], money: MoneyFormatter) -> str:
    if value is None:
        return "—"
    cents = _int(value)
    if key in _CENTS_FIELDS and cents is not None:
        return money(cents, _text(offer.get("currency")))
    if key == "trialPeriodDays" and _int(value) is not None:
        return describe_trial(offer) or translate("Offers", "none")
    if key == "pricingMode" and isinstance(value, str):
        mode = _PRICING_MODES.get(value.strip().upper())
        return value if mode is None else translate("Offers", mode)
    if isinstance(value, bool):
        return translate("Offers", "yes") if value else translate("Offers", "no")
    if isinstance(value, str):
        return value
    if isinstance(value, int | float):
        return str(value)
    try:
        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    except (TypeError, ValueError):
        return repr(value)


def offer_detail_rows(
    offer: Mapping[str, Any], money: MoneyFormatter = format_offer_amount
) -> list[tuple[str, str]]:
    """Every field of the offer as ``(label, text)`` rows: "Billing", "Terms" and the
    permanent "Subscribe link" first, then the documented fields in a fixed order, then
    unknown fields under their raw names. Missing or null fields are left out."""
    rows: list[tuple[str, str]] = [(translate("Offers", "Billing"), describe_price(offer, money))]
    extras = offer_extras(offer, money)
    if extras:
        rows.append((translate("Offers", "Terms"), " · ".join(extras)))
    offer_id = _text(offer.get("id"))
    if offer_id:
        rows.append((subscribe_link_label(), subscribe_link(offer_id)))
    for key, label in _FIELD_LABELS.items():
        if key in offer and offer[key] is not None:
            rows.append((translate("Offers", label), _value_text(key, offer[key], offer, money)))
    for key in offer:
        if key not in _FIELD_LABELS and offer[key] is not None:
            rows.append((str(key), _value_text(str(key), offer[key], offer, money)))
    return rows


# ------------------------------------------------------------------ pasted ids and links
#: A bare id as Inflow's examples write them: ``offer_`` and letters, digits, ``_``, ``-``.
_PREFIXED_ID_RE: Final = re.compile(
    rf"{OFFER_ID_PREFIX}[A-Za-z0-9_-]{{1,{limits.MAX_OFFER_ID_LENGTH - len(OFFER_ID_PREFIX)}}}"
)
_ANY_ID_RE: Final = re.compile(OFFER_ID_PATTERN)
_SUBSCRIBE_PATH_RE: Final = re.compile(rf"/subscribe/({OFFER_ID_PATTERN})/?")


def pasted_offer_id(text: str, is_known: Callable[[str], bool] | None = None) -> str | None:
    """The offer id in what the agent pasted, or ``None`` when it has neither shape.

    Accepted (surrounding whitespace ignored):

    - the documented subscribe link ``https://checkout.inflowpay.com/subscribe/{offerId}``
      (scheme optional, host exactly Inflow's checkout, query and fragment ignored); the id in
      it may be any 1–128 letters, digits, ``_``, ``-`` — Inflow made the link;
    - a bare id ``offer_…`` (the shape of Inflow's examples);
    - a bare id of another shape only when ``is_known(id)`` says the offer list has it.

    Anything else — a word typed into the wrong field, a payment link, a link to another
    site — is not an offer and must not be sent as one.
    """
    value = text.strip()
    if not value:
        return None
    if _ANY_ID_RE.fullmatch(value):
        if _PREFIXED_ID_RE.fullmatch(value) or (is_known is not None and is_known(value)):
            return value
        return None
    return _subscribe_link_id(value)


def _subscribe_link_id(value: str) -> str | None:
    if any(c.isspace() for c in value):
        return None
    candidate = value if "://" in value else "https://" + value.removeprefix("//")
    try:
        parts = urlsplit(candidate)
        port = parts.port
    except ValueError:
        return None
    if (
        parts.scheme.lower() != "https"
        or (parts.hostname or "").lower() != SUBSCRIBE_HOST
        or port is not None
        or parts.username is not None
    ):
        return None
    match = _SUBSCRIBE_PATH_RE.fullmatch(unquote(parts.path))
    return match.group(1) if match else None


def pasted_offer_problem(text: str, is_known: Callable[[str], bool] | None = None) -> str | None:
    """``None`` when ``text`` is blank or an offer id / subscribe link (see
    :func:`pasted_offer_id`), else a sentence for the agent saying what is expected."""
    value = text.strip()
    if not value or pasted_offer_id(value, is_known) is not None:
        return None
    shown = value if len(value) <= 60 else value[:57] + "…"
    return translate(
        "Offers",
        "“{pasted}” is not an offer ID or a subscribe link: paste an ID like offer_9fK21, "
        "or a link {link}…",
    ).format(pasted=shown, link=SUBSCRIBE_BASE_URL)
