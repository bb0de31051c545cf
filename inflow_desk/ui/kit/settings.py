"""Non-secret settings in QSettings: recent products, per-profile redirect defaults, preferences,
window geometry. The API key is never stored here (it lives in the OS keyring)."""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from inflow_desk.domain.money import Currency

log = logging.getLogger(__name__)
MAX_RECENT_PRODUCTS = 200
MAX_RECENT_OFFERS = 20


@dataclass(frozen=True)
class RecentProduct:
    """A product the agent used before: the line-item name completer offers it."""

    name: str
    price_cents: int
    currency: Currency


class AppSettings:
    """Typed access to QSettings. ``profile`` scopes the per-account values."""

    def __init__(self, settings: QSettings, profile: str = "default") -> None:
        self._s = settings
        self.profile = profile

    @property
    def qsettings(self) -> QSettings:
        return self._s

    def _profile_key(self, name: str) -> str:
        return f"profiles/{self.profile}/{name}"

    # ------------------------------------------------------------------ preferences
    @property
    def auto_copy(self) -> bool:
        return _as_bool(self._s.value("preferences/autoCopy", True))

    @auto_copy.setter
    def auto_copy(self, value: bool) -> None:
        self._s.setValue("preferences/autoCopy", bool(value))

    # ------------------------------------------------------------------ redirect defaults
    def default_redirects(self) -> tuple[str, str]:
        success = self._s.value(self._profile_key("successUrl"), "")
        cancel = self._s.value(self._profile_key("cancelUrl"), "")
        return str(success or ""), str(cancel or "")

    def remember_redirects(self, success_url: str, cancel_url: str) -> None:
        self._s.setValue(self._profile_key("successUrl"), success_url.strip())
        self._s.setValue(self._profile_key("cancelUrl"), cancel_url.strip())

    # ------------------------------------------------------------------ recent products
    def recent_products(self) -> list[RecentProduct]:
        raw = self._s.value(self._profile_key("recentProducts"), "[]")
        try:
            items = json.loads(str(raw))
            return [
                RecentProduct(str(i["name"]), int(i["price_cents"]), Currency(i["currency"]))
                for i in items
                if isinstance(i, dict)
            ]
        except (ValueError, KeyError, TypeError):
            log.warning("ignoring unreadable recent products in settings")
            return []

    def remember_products(self, products: list[RecentProduct]) -> list[RecentProduct]:
        """Put ``products`` first (most recent), drop older duplicates by name+currency."""
        merged: list[RecentProduct] = []
        seen: set[tuple[str, Currency]] = set()
        for product in [*products, *self.recent_products()]:
            key = (product.name.casefold(), product.currency)
            if key not in seen:
                seen.add(key)
                merged.append(product)
        merged = merged[:MAX_RECENT_PRODUCTS]
        payload = [
            {"name": p.name, "price_cents": p.price_cents, "currency": p.currency.value}
            for p in merged
        ]
        self._s.setValue(self._profile_key("recentProducts"), json.dumps(payload))
        return merged

    # ------------------------------------------------------------------ recent offers
    def recent_offers(self) -> list[dict[str, Any]]:
        """Offers used lately (most recent first), as Inflow sent them (wire keys, ``id`` set)."""
        raw = self._s.value(self._profile_key("recentOffers"), "[]")
        try:
            items = json.loads(str(raw))
        except ValueError:
            log.warning("ignoring unreadable recent offers in settings")
            return []
        if not isinstance(items, list):
            return []
        return [
            dict(i)
            for i in items
            if isinstance(i, dict) and isinstance(i.get("id"), str) and i["id"].strip()
        ]

    def remember_offer(self, offer: Mapping[str, Any]) -> list[dict[str, Any]]:
        """Put ``offer`` (needs an ``id``) first; drop an older entry with the same id."""
        offer_id = offer.get("id")
        if not isinstance(offer_id, str) or not offer_id.strip():
            raise ValueError("an offer to remember needs an id")
        entry = json.loads(json.dumps(dict(offer), default=str))  # JSON-able copy
        merged = [entry, *(o for o in self.recent_offers() if o.get("id") != offer_id)]
        merged = merged[:MAX_RECENT_OFFERS]
        self._s.setValue(self._profile_key("recentOffers"), json.dumps(merged))
        return merged

    # ------------------------------------------------------------------ window
    def window_geometry(self) -> QByteArray | None:
        value = self._s.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def save_window_geometry(self, geometry: QByteArray) -> None:
        self._s.setValue("window/geometry", geometry)

    def window_state(self) -> QByteArray | None:
        """Docks and toolbars (``QMainWindow.saveState``), e.g. the history dock's size."""
        value = self._s.value("window/state")
        return value if isinstance(value, QByteArray) else None

    def save_window_state(self, state: QByteArray) -> None:
        self._s.setValue("window/state", state)

    def value(self, key: str, default: Any = None) -> Any:
        return self._s.value(key, default)

    def set_value(self, key: str, value: Any) -> None:
        self._s.setValue(key, value)

    def sync(self) -> None:
        self._s.sync()


def _as_bool(value: object) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes", "on")
    return bool(value)
