"""Deterministic, realistic subscription offers for the emulator (fields of inflow-api.md §3.4)."""

from __future__ import annotations

import random
import string
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any, TypeVar

_T = TypeVar("_T")

_ALNUM = string.ascii_letters + string.digits
_EPOCH = datetime(2024, 1, 8, 9, 0)  # naive UTC: isoformat() is faster without a tzinfo

# name, description, amountInCents, currency, interval, intervalCount,
# trialPeriodDays, entryFeesInCents, cycleCount, waitlistEnabled, pricingMode, archived
_CURATED: tuple[tuple[Any, ...], ...] = (
    ("Starter monthly", "Everything you need to get going.", 999, "EUR", "month", 1,
     None, None, None, False, "TAX_EXCLUSIVE", False),
    ("Pro monthly", "All Pro features, billed monthly.", 2999, "EUR", "month", 1,
     7, None, None, False, "TAX_EXCLUSIVE", False),
    ("Pro yearly", "All Pro features, two months free.", 29900, "EUR", "year", 1,
     14, None, None, False, "TAX_EXCLUSIVE", False),
    ("Team yearly", "Up to 10 seats, onboarding included.", 99000, "USD", "year", 1,
     None, 4900, None, False, "TAX_EXCLUSIVE", False),
    ("Coaching every 2 weeks", "A 30-minute call every other week.", 500, "EUR", "week", 2,
     None, None, None, False, "TAX_INCLUSIVE", False),
    ("Daily news pass", "Unlimited articles for a day.", 199, "USD", "day", 1,
     None, None, None, False, "TAX_INCLUSIVE", False),
    ("Founders club", "Twelve monthly payments, then lifetime access.", 1900, "EUR", "month", 1,
     None, None, 12, True, "TAX_EXCLUSIVE", False),
    ("Legacy basic monthly", "No longer sold; kept for existing subscribers.", 1499, "EUR",
     "month", 1, None, None, None, False, "TAX_EXCLUSIVE", True),
)  # fmt: skip

_ADJECTIVES = (
    "Basic", "Bright", "Calm", "Classic", "Clever", "Cosy", "Crisp", "Daring", "Deluxe", "Eager",
    "Easy", "Elite", "Epic", "Essential", "Fresh", "Friendly", "Golden", "Grand", "Green", "Happy",
    "Honest", "Humble", "Instant", "Jolly", "Keen", "Kind", "Lively", "Lucky", "Lunar", "Magic",
    "Mighty", "Modern", "Noble", "Nimble", "Open", "Plain", "Prime", "Quick", "Quiet", "Rapid",
    "Royal", "Silver", "Simple", "Smart", "Solar", "Solid", "Steady", "Swift", "Urban", "Vivid",
)  # fmt: skip
_NOUNS = (
    "access", "academy", "bundle", "box", "circle", "club", "coaching", "course", "crew", "deal",
    "digest", "edition", "feed", "guild", "hub", "insights", "journal", "kit", "lab", "league",
    "lessons", "library", "lounge", "membership", "mentoring", "news", "pass", "plan", "podcast",
    "portal", "radio", "recipes", "reports", "review", "school", "seats", "service", "society",
    "space", "studio", "support", "tips", "tools", "tour", "tracks", "updates", "vault", "videos",
    "webinars", "workshop",
)  # fmt: skip
_DESCRIPTIONS = (
    "Cancel any time.",
    "Billed automatically; cancel from your account page.",
    "Includes priority e-mail support.",
    "Perfect for trying things out.",
    "Our most popular choice.",
    "For teams that need a bit more.",
)
_INTERVALS = ("month", "year", "week", "day")
_INTERVAL_WEIGHTS = (55, 25, 12, 8)
_BASE_PRICES = {
    "day": (150, 199, 250, 299, 499),
    "week": (299, 499, 500, 799, 999, 1499),
    "month": (499, 999, 1490, 1999, 2900, 2999, 4900, 9900, 19900),
    "year": (4900, 9900, 14900, 19900, 29900, 49900, 99000, 199000),
}
_ADJECTIVE_FORM = {"day": "daily", "week": "weekly", "month": "monthly", "year": "yearly"}


def _iso(moment: datetime) -> str:
    """ISO 8601 UTC with milliseconds and ``Z``, as Inflow writes timestamps."""
    return moment.isoformat(timespec="milliseconds") + "Z"


def _pick(rng: random.Random, options: Sequence[_T]) -> _T:
    """``rng.choice``, but cheaper (the seed must handle 10,000 offers quickly)."""
    return options[int(rng.random() * len(options))]


def _below(rng: random.Random, bound: int) -> int:
    return int(rng.random() * bound)


def _interval_label(interval: str, count: int) -> str:
    return _ADJECTIVE_FORM[interval] if count == 1 else f"every {count} {interval}s"


def _new_id(rng: random.Random, used: set[str]) -> str:
    while True:
        offer_id = "offer_" + "".join([_ALNUM[int(rng.random() * 62)] for _ in range(10)])
        if offer_id not in used:
            used.add(offer_id)
            return offer_id


def _offer(
    rng: random.Random, used_ids: set[str], index: int, fields: tuple[Any, ...]
) -> dict[str, Any]:
    (name, description, amount, currency, interval, interval_count, trial, entry_fee, cycles,
     waitlist, pricing_mode, archived) = fields  # fmt: skip
    created = _EPOCH + timedelta(milliseconds=index * 25_200_000 + _below(rng, 3_600_000))
    updated = created + timedelta(milliseconds=_below(rng, 90 * 86_400_000))
    return {
        "id": _new_id(rng, used_ids),
        "name": name,
        "description": description,
        "amountInCents": amount,
        "currency": currency,
        "interval": interval,
        "intervalCount": interval_count,
        "trialPeriodDays": trial,
        "entryFeesInCents": entry_fee,
        "cycleCount": cycles,
        "waitlistEnabled": waitlist,
        "pricingMode": pricing_mode,
        "archived": archived,
        "createdAt": _iso(created),
        "updatedAt": _iso(updated),
    }


def _generated_fields(rng: random.Random, used_names: set[str]) -> tuple[Any, ...]:
    roll = rng.random() * sum(_INTERVAL_WEIGHTS)
    interval = _INTERVALS[-1]
    for candidate, weight in zip(_INTERVALS, _INTERVAL_WEIGHTS, strict=True):
        if roll < weight:
            interval = candidate
            break
        roll -= weight
    interval_count = (
        1 if rng.random() < 0.8 else _pick(rng, (2, 3, 6) if interval == "month" else (2, 3))
    )
    label = _interval_label(interval, interval_count)
    base = f"{_pick(rng, _ADJECTIVES)} {_pick(rng, _NOUNS)} {label}"
    name, suffix = base, 2
    while name in used_names:
        name = f"{base} {suffix}"
        suffix += 1
    used_names.add(name)
    amount = _pick(rng, _BASE_PRICES[interval]) * interval_count
    return (
        name,
        _pick(rng, _DESCRIPTIONS),
        min(amount, 99_999_999),
        "EUR" if rng.random() < 0.7 else "USD",
        interval,
        interval_count,
        _pick(rng, (7, 14, 30)) if rng.random() < 0.25 else None,
        _pick(rng, (500, 1900, 4900)) if rng.random() < 0.1 else None,
        _pick(rng, (3, 6, 12, 24)) if rng.random() < 0.1 else None,
        rng.random() < 0.05,
        "TAX_INCLUSIVE" if rng.random() < 0.2 else "TAX_EXCLUSIVE",
        rng.random() < 0.04,
    )


def generate_offers(n: int, seed: int = 7) -> list[dict[str, Any]]:
    """``n`` offers: the first eight curated and recognisable, the rest generated.

    Same ``n`` and ``seed`` → the same offers. Ids (``offer_`` + 10 letters/digits) and names
    are unique. The curated ones: Starter monthly €9.99, Pro monthly €29.99 (7-day trial),
    Pro yearly €299.00 (14-day trial), Team yearly $990.00 (+$49.00 entry fee), Coaching
    every 2 weeks €5.00, Daily news pass $1.99, Founders club €19.00 × 12 cycles (waitlist),
    and Legacy basic monthly (archived).
    """
    if n < 0:
        raise ValueError("n must not be negative")
    rng = random.Random(seed)
    used_ids: set[str] = set()
    used_names: set[str] = {fields[0] for fields in _CURATED}
    offers: list[dict[str, Any]] = []
    for index in range(n):
        curated = index < len(_CURATED)
        fields = _CURATED[index] if curated else _generated_fields(rng, used_names)
        offers.append(_offer(rng, used_ids, index, fields))
    return offers
