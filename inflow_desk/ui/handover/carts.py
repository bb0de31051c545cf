"""Saved carts (issue 16 item 2): the cart on screen saved under a name (Ctrl+Shift+B), and a
saved cart put into the cart with one shortcut and type-ahead (Ctrl+B, type, Enter).

An empty cart takes the saved one as it is (currency included); a cart with products gets the
saved lines added after its own when the currencies match (never converted)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inflow_desk.domain.i18n import translate
from inflow_desk.domain.models import LineItem
from inflow_desk.domain.money import plain_amount
from inflow_desk.storage.catalog import CatalogError, CatalogStore, InvalidProductError, SavedCart
from inflow_desk.ui.checkout.one_time_form import OneTimeForm
from inflow_desk.ui.kit.errors import UserMessage, catalog_unavailable
from inflow_desk.ui.kit.formatting import format_money
from inflow_desk.ui.kit.widgets import bind_shortcut

log = logging.getLogger(__name__)

SAVE_CART_KEYS = "Ctrl+Shift+B"
INSERT_CART_KEYS = "Ctrl+B"


class CartsHost(Protocol):
    """What saved carts need of the window (``MainWindow`` is one)."""

    @property
    def one_time_form(self) -> OneTimeForm: ...
    def switch_mode(self, index: int) -> None: ...
    def show_error(self, message: UserMessage) -> None: ...


def _cart_label(cart: SavedCart) -> str:
    total = sum(item.line_total_cents for item in cart.items)
    items = ", ".join(f"{i.quantity} × {i.name}" for i in cart.items[:3])
    more = len(cart.items) - 3
    if more > 0:
        items = translate("SavedCarts", "{items} + %n more", None, more).format(items=items)
    return f"{cart.name} — {format_money(total, cart.currency)}  ({items})"


class CartPicker(QDialog):
    """Type to filter the saved carts, Enter takes the highlighted (or first) one."""

    def __init__(self, carts: list[SavedCart], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cartPicker")
        self.setWindowTitle(translate("SavedCarts", "Insert a saved cart"))
        self.carts = carts
        self.chosen: SavedCart | None = None
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("cartFilterEdit")
        self.filter_edit.setPlaceholderText(translate("SavedCarts", "Type a cart's name"))
        self.filter_edit.setAccessibleName(translate("SavedCarts", "Filter the saved carts"))
        self.list = QListWidget(self)
        self.list.setObjectName("cartList")
        self.list.setAccessibleName(translate("SavedCarts", "Saved carts"))
        self.list.setAccessibleDescription(
            translate("SavedCarts", "Enter puts the highlighted cart into the form")
        )
        for cart in carts:
            item = QListWidgetItem(_cart_label(cart), self.list)
            item.setData(Qt.ItemDataRole.UserRole, cart.name)
        self.filter_edit.textChanged.connect(self._filter)
        self.filter_edit.returnPressed.connect(self.take)
        self.list.itemActivated.connect(lambda _item: self.take())
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.list, 1)
        if not carts:
            layout.addWidget(
                QLabel(
                    translate("SavedCarts", "No saved carts yet: Ctrl+Shift+B saves the cart."),
                    self,
                )
            )
        self._filter("")
        self.resize(520, 360)

    def _filter(self, text: str) -> None:
        needle = text.strip().casefold()
        first: QListWidgetItem | None = None
        for row in range(self.list.count()):
            item = self.list.item(row)
            hidden = needle not in item.text().casefold()
            item.setHidden(hidden)
            if not hidden and first is None:
                first = item
        if first is not None:
            self.list.setCurrentItem(first)
        else:
            self.list.setCurrentRow(-1)

    def visible_names(self) -> list[str]:
        return [
            str(self.list.item(r).data(Qt.ItemDataRole.UserRole))
            for r in range(self.list.count())
            if not self.list.item(r).isHidden()
        ]

    def take(self) -> None:
        item = self.list.currentItem()
        if item is None or item.isHidden():
            return
        name = item.data(Qt.ItemDataRole.UserRole)
        self.chosen = next((c for c in self.carts if c.name == name), None)
        self.accept()


class CartNameDialog(QDialog):
    """Asks for the name to save the cart under."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cartNameDialog")
        self.setWindowTitle(translate("SavedCarts", "Save the cart"))
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("cartNameEdit")
        self.name_edit.setPlaceholderText(translate("SavedCarts", "Starter bundle"))
        self.name_edit.setAccessibleName(translate("SavedCarts", "Cart name"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        label = QLabel(translate("SavedCarts", "Save the cart &as:"), self)
        label.setBuddy(self.name_edit)
        layout.addWidget(label)
        layout.addWidget(self.name_edit)
        layout.addWidget(buttons)


class SavedCarts:
    """Saving and inserting carts for ``host``; ``profile()`` names the current profile."""

    def __init__(self, host: CartsHost, store: CatalogStore, profile: Callable[[], str]) -> None:
        self._host = host
        self._store = store
        self._profile = profile
        self.picker: CartPicker | None = None
        self.namer: CartNameDialog | None = None

    def cart_items(self) -> list[LineItem]:
        """The cart's complete lines (named and priced)."""
        return [
            LineItem(line.name.strip(), line.price_cents, line.quantity)
            for line in self._host.one_time_form.model.lines()
            if line.name.strip() and line.price_cents is not None and line.quantity > 0
        ]

    def save_as(self, name: str) -> str | None:
        """Save the cart under ``name``; the problem (a sentence) when it cannot be saved."""
        form = self._host.one_time_form
        form.settle()
        cart = SavedCart(name, form.currency(), tuple(self.cart_items()))
        try:
            self._store.save_cart(self._profile(), cart)
        except InvalidProductError as exc:
            return str(exc)
        except CatalogError:
            log.exception("the cart could not be saved")
            self._host.show_error(catalog_unavailable())
            return None
        return None

    def ask_and_save(self) -> None:
        widget = self._host if isinstance(self._host, QWidget) else None
        self.namer = CartNameDialog(widget)
        namer = self.namer
        namer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def done() -> None:
            problem = self.save_as(namer.name_edit.text())
            if problem is not None:
                self._host.show_error(
                    UserMessage(translate("SavedCarts", "The cart was not saved."), problem)
                )
            self._back_to_the_form()

        namer.accepted.connect(done)
        namer.open()

    def _back_to_the_form(self) -> None:
        """Typing goes on in the window's cart once a dialog closed."""
        if isinstance(self._host, QWidget):
            self._host.activateWindow()
        self._host.one_time_form.focus_first()

    def insert(self, cart: SavedCart) -> bool:
        """Put ``cart`` into the one-time form; False (and a message) when the currencies
        differ from a cart that already has products."""
        form = self._host.one_time_form
        form.settle()
        self._host.switch_mode(0)
        current = [line for line in form.model.lines() if line.name.strip()]
        saved = [
            {"name": i.name, "price": i.unit_price_cents, "quantity": i.quantity}
            for i in cart.items
        ]
        if not current:
            form.restore({"currency": cart.currency.value, "products": saved})
            return True
        if form.currency() is not cart.currency:
            self._host.show_error(
                UserMessage(
                    translate(
                        "SavedCarts", "“{name}” is saved in {saved}; this cart is in {current}."
                    ).format(
                        name=cart.name, saved=cart.currency.value, current=form.currency().value
                    ),
                    translate(
                        "SavedCarts", "Clear the cart (Ctrl+Shift+N) or change its currency first."
                    ),
                    alarming=False,
                )
            )
            return False
        snapshot = form.snapshot()
        snapshot["lines"] = [
            line for line in snapshot["lines"] if str(line.get("name", "")).strip()
        ] + [
            {"name": i.name, "price": plain_amount(i.unit_price_cents), "quantity": i.quantity}
            for i in cart.items
        ]
        form.restore(snapshot)
        return True

    def pick(self) -> None:
        try:
            carts = self._store.carts(self._profile())
        except CatalogError:
            log.exception("the saved carts could not be read")
            self._host.show_error(catalog_unavailable())
            return
        widget = self._host if isinstance(self._host, QWidget) else None
        self.picker = CartPicker(carts, widget)
        picker = self.picker
        picker.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def done() -> None:
            if picker.chosen is not None:
                self.insert(picker.chosen)
            self._back_to_the_form()

        picker.accepted.connect(done)
        picker.open()
        picker.filter_edit.setFocus()


def install_saved_carts(
    host: CartsHost, store: CatalogStore, profile: Callable[[], str], owner: QWidget
) -> SavedCarts:
    """Ctrl+Shift+B saves the cart under a name, Ctrl+B inserts a saved one (type-ahead)."""
    carts = SavedCarts(host, store, profile)
    bind_shortcut(owner, SAVE_CART_KEYS, carts.ask_and_save)
    bind_shortcut(owner, INSERT_CART_KEYS, carts.pick)
    return carts
