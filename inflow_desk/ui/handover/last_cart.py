"""“The last cart for this e-mail” (issue 16 item 2): when the customer e-mail typed matches a
past customer of this profile and the cart is still empty, the status line offers that
customer's last one-time cart, and
Ctrl+Shift+O puts it into the cart (as a saved cart is put in)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel, QWidget

from inflow_desk.domain.i18n import translate
from inflow_desk.domain.kinds import SessionKind
from inflow_desk.domain.models import LineItem
from inflow_desk.domain.money import Currency
from inflow_desk.domain.validation import check_email
from inflow_desk.storage.catalog import SavedCart
from inflow_desk.storage.history import HistoryRecord, HistoryStore
from inflow_desk.ui.checkout.one_time_form import OneTimeForm
from inflow_desk.ui.checkout.options_form import OptionsForm
from inflow_desk.ui.handover.carts import SavedCarts
from inflow_desk.ui.kit.formatting import format_day, format_money
from inflow_desk.ui.kit.widgets import bind_shortcut
from inflow_desk.ui.kit.workers import LatestOnly, run_in_background

log = logging.getLogger(__name__)

LAST_CART_KEYS = "Ctrl+Shift+O"
DEBOUNCE_MS = 250
SEARCHED_ROWS = 50


class LastCartHost(Protocol):
    @property
    def options_form(self) -> OptionsForm: ...
    @property
    def status_label(self) -> QLabel: ...
    @property
    def one_time_form(self) -> OneTimeForm: ...


def last_cart_for(
    store: HistoryStore, email: str, profile: str
) -> tuple[SavedCart, HistoryRecord] | None:
    """The newest one-time cart this profile sent to ``email`` (compared case-insensitively),
    or None."""
    wanted = email.strip().casefold()
    for record in store.page(0, SEARCHED_ROWS, f'"{email.strip()}"'):
        if (
            record.kind is SessionKind.ONE_TIME
            and record.profile == profile
            and (record.customer_email or "").strip().casefold() == wanted
            and record.line_items
            and record.currency in Currency.__members__
        ):
            items = tuple(
                LineItem(i.name, i.unit_price_cents, i.quantity) for i in record.line_items
            )
            assert record.currency is not None
            name = translate("LastCart", "Last cart of {email}").format(email=email.strip())
            cart = SavedCart(name, Currency(record.currency), items)
            return cart, record
    return None


class LastCartOffer(QObject):
    """Watches the e-mail field; offers and inserts the customer's last cart."""

    def __init__(
        self,
        host: LastCartHost,
        store: Callable[[], HistoryStore | None],
        profile: Callable[[], str],
        carts: SavedCarts,
        owner: QWidget,
    ) -> None:
        super().__init__(owner)
        self._host = host
        self._store = store
        self._profile = profile
        self._carts = carts
        self._latest = LatestOnly()
        self.offered: SavedCart | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.look_up)
        host.options_form.email_edit.textChanged.connect(self._typed)
        bind_shortcut(owner, LAST_CART_KEYS, self.insert)

    def _typed(self) -> None:
        self._latest.supersede()
        self._withdraw()
        self._timer.start()

    def look_up(self) -> None:
        email = self._host.options_form.email_edit.text().strip()
        store = self._store()
        if store is None or not email or check_email(email) is not None:
            return
        if not self._cart_is_empty():
            return
        profile = self._profile()
        run_in_background(
            lambda: last_cart_for(store, email, profile),
            self._found,
            lambda exc: log.warning("last cart lookup failed: %s", type(exc).__name__),
            owner=self,
            latest=self._latest,
        )

    def _cart_is_empty(self) -> bool:
        return not any(line.name.strip() for line in self._host.one_time_form.model.lines())

    def _found(self, found: tuple[SavedCart, HistoryRecord] | None) -> None:
        if found is None or not self._cart_is_empty():  # only offered for an empty cart
            return
        cart, record = found
        self.offered = cart
        items = ", ".join(f"{i.quantity} × {i.name}" for i in cart.items[:2])
        more = len(cart.items) - 2
        if more > 0:
            items = translate("LastCart", "{items} + %n more", None, more).format(items=items)
        total = format_money(sum(i.line_total_cents for i in cart.items), cart.currency)
        self._host.status_label.setText(
            translate(
                "LastCart",
                "Last cart for this e-mail ({day}): {items}, {total} — Ctrl+Shift+O puts it in",
            ).format(day=format_day(record.created_at), items=items, total=total)
        )

    def _withdraw(self) -> None:
        if self.offered is not None:
            self.offered = None
            self._host.status_label.clear()

    def insert(self) -> None:
        cart = self.offered
        if cart is None:
            return
        if self._carts.insert(cart):
            self._withdraw()
