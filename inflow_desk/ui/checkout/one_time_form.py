"""One-time payment: the cart editor (line items, currency, live total)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from inflow_desk.domain.i18n import translate
from inflow_desk.domain.kinds import SessionKind
from inflow_desk.domain.models import (
    Cart,
    CheckoutOptions,
    FieldIssue,
    LineItem,
    RequestInvalid,
)
from inflow_desk.domain.money import Currency
from inflow_desk.domain.validation import check_total
from inflow_desk.ui.checkout.line_items_model import (
    FIELD_OF_COLUMN,
    Column,
    DraftLine,
    LineItemsModel,
    header_text,
)
from inflow_desk.ui.checkout.line_items_view import LineItemsView, RecentProductsModel
from inflow_desk.ui.checkout.modes import PreparedRequest
from inflow_desk.ui.checkout.options_form import ERROR_STYLE
from inflow_desk.ui.checkout.session import ChargeDetails, LineDetail
from inflow_desk.ui.kit import design, palette
from inflow_desk.ui.kit.formatting import format_money, format_plain_amount
from inflow_desk.ui.kit.settings import RecentProduct
from inflow_desk.ui.kit.theme import current_palette, on_change, set_style
from inflow_desk.ui.kit.widgets import WrappingLabel, action_button

_PRODUCT_FIELD = re.compile(r"products\[(\d+)\]\.(name|price|quantity)")
_COLUMN_OF_FIELD = {v: k for k, v in FIELD_OF_COLUMN.items()}


class OneTimeForm(QWidget):
    """The cart (a :class:`~inflow_desk.ui.checkout.modes.CheckoutMode`)."""

    changed = Signal()
    kind = SessionKind.ONE_TIME
    shortcut = "Ctrl+1"

    @property
    def title(self) -> str:
        return translate("OneTimeForm", "One-time payment")

    def __init__(
        self,
        recent: RecentProductsModel,
        parent: QWidget | None = None,
        *,
        remember_products: Callable[[list[RecentProduct]], list[RecentProduct]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("oneTimeForm")
        self._recent = recent
        self._remember_products = remember_products
        self.model = LineItemsModel(parent=self)
        self.table = LineItemsView(self.model, recent, self)
        self.table.setObjectName("lineItemsTable")
        self.table.setAccessibleName(translate("OneTimeForm", "Cart line items"))
        self.table.setAccessibleDescription(
            translate(
                "OneTimeForm",
                "Product, unit price and quantity per line; Enter adds a line, Tab moves on",
            )
        )

        self.add_button = action_button(
            self, translate("OneTimeForm", "Add line"), "addLineItemButton", "Ctrl+N", self.add_line
        )
        self.duplicate_button = action_button(
            self,
            translate("OneTimeForm", "Duplicate"),
            "duplicateLineItemButton",
            "Ctrl+D",
            self.duplicate_line,
        )
        self.duplicate_button.setAccessibleName(translate("OneTimeForm", "Duplicate line"))
        self.remove_button = action_button(
            self,
            translate("OneTimeForm", "Remove"),
            "removeLineItemButton",
            "Ctrl+Del",
            self.remove_line,
        )
        self.remove_button.setAccessibleName(translate("OneTimeForm", "Remove line"))

        self.currency_combo = QComboBox(self)
        self.currency_combo.setObjectName("currencyCombo")
        self.currency_combo.setAccessibleName(translate("OneTimeForm", "Currency"))
        for currency in Currency:
            self.currency_combo.addItem(
                translate("OneTimeForm", "{code} ({symbol})").format(
                    code=currency.value, symbol=currency.symbol
                ),
                currency.value,
            )
        self.currency_combo.currentIndexChanged.connect(self._on_currency_changed)
        currency_label = QLabel(translate("OneTimeForm", "&Currency"), self)
        currency_label.setBuddy(self.currency_combo)

        self.total_label = WrappingLabel(parent=self)  # "excl. tax" may go under the amount
        self.total_label.setObjectName("totalLabel")
        self.total_label.setAccessibleName(translate("OneTimeForm", "Cart total"))
        self.total_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.total_label.setTextFormat(Qt.TextFormat.RichText)
        # The amount is the largest text of the form (design.TYPE_TOTAL × the system font).
        self._total_points = round(design.font(self, design.TYPE_TOTAL).pointSizeF(), 1)

        # One line, always reserved: the cart never moves. A longer language's message wraps
        # to a second line, taken from the table's bottom (its rows above stay where they are).
        self.cart_error = WrappingLabel(parent=self)
        self.cart_error.setObjectName("cartErrorLabel")
        self.cart_error.setAccessibleName(translate("OneTimeForm", "Cart problem"))
        set_style(self.cart_error, ERROR_STYLE)
        retain = self.cart_error.sizePolicy()
        retain.setRetainSizeWhenHidden(True)
        self.cart_error.setSizePolicy(retain)
        self.cart_error.hide()

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.duplicate_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        footer = QHBoxLayout()
        footer.addWidget(currency_label)
        footer.addWidget(self.currency_combo)
        footer.addStretch(1)
        footer.addWidget(self.total_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.cart_error)
        layout.addLayout(footer)

        self.model.totalChanged.connect(self._refresh_total)
        self.model.dataChanged.connect(self._refresh_cell_error)
        self.table.selectionModel().currentChanged.connect(self._refresh_cell_error)
        self.model.totalChanged.connect(self.changed)
        self._refresh_total()
        on_change(self._refresh_total)  # its "excl. tax" follows dark mode and high contrast

    # ------------------------------------------------------------------ actions
    def add_line(self) -> None:
        self.table.add_line_and_edit()

    def duplicate_line(self) -> None:
        row = self.model.duplicate_line(max(0, self.table.currentIndex().row()))
        if row >= 0:
            self.table.edit_cell(row, Column.QUANTITY)

    def remove_line(self) -> None:
        row = self.table.currentIndex().row()
        self.model.remove_line(row if row >= 0 else self.model.rowCount() - 1)
        self.table.edit_cell(min(max(row, 0), self.model.rowCount() - 1), Column.NAME)

    def _on_currency_changed(self) -> None:
        self.model.set_currency(self.currency())
        self.changed.emit()

    # ------------------------------------------------------------------ values
    def currency(self) -> Currency:
        value = self.currency_combo.currentData()  # Qt hands the StrEnum back as a plain str
        return Currency(value) if value in Currency.__members__ else Currency.EUR

    def set_currency(self, currency: Currency) -> None:
        self.currency_combo.setCurrentIndex(self.currency_combo.findData(currency.value))

    def cart(self) -> Cart:
        """The domain cart (call after ``issues()`` is empty: every price parsed)."""
        return Cart(
            currency=self.currency(),
            items=tuple(
                LineItem(
                    name=line.name, unit_price_cents=line.price_cents or 0, quantity=line.quantity
                )
                for line in self.model.lines()
            ),
        )

    def issues(self) -> list[FieldIssue]:
        """Cell problems top to bottom, then the total."""
        found = [
            FieldIssue(field=f"products[{row}].{FIELD_OF_COLUMN[column]}", message=message)
            for row, line in enumerate(self.model.lines())
            for column in (Column.NAME, Column.PRICE, Column.QUANTITY)
            if (message := line.error(column))
        ]
        if not found:
            total = self.model.total_cents() or 0
            if message := check_total(total, self.currency()):
                found.append(FieldIssue(field="total", message=message))
        return found

    def show_issues(self, issues: list[FieldIssue]) -> None:
        """Mark every cell (they are marked once create was tried) and explain the first problem."""
        self.model.show_all_errors()
        mine = [i for i in issues if self.handles(i.field)]
        self._show_cart_error(_describe(mine[0]) if mine else None, more=len(mine) - 1)

    def handles(self, field: str) -> bool:
        return field in ("products", "total", "currency") or bool(_PRODUCT_FIELD.fullmatch(field))

    def focus_field(self, field: str) -> bool:
        match = _PRODUCT_FIELD.fullmatch(field)
        if match:
            self.table.edit_cell(int(match.group(1)), _COLUMN_OF_FIELD[match.group(2)])
            return True
        if field == "currency":
            self.currency_combo.setFocus()
            return True
        if field in ("products", "total"):
            self.table.edit_cell(0, Column.PRICE if field == "total" else Column.NAME)
            return True
        return False

    def lines(self) -> list[DraftLine]:
        return self.model.lines()

    # ------------------------------------------------------------------ CheckoutMode
    def pending_choice(self) -> bool:
        """Nothing in the cart waits for data."""
        return False

    def settle(self) -> None:
        self.table.finish_editing()
        self.model.drop_blank_lines()

    def prepare(self, options: CheckoutOptions) -> PreparedRequest:
        issues = self.issues()
        if issues:
            raise RequestInvalid(issues)
        from inflow_desk.domain.requests import build_one_time_request  # pydantic: not at start-up

        request = build_one_time_request(self.cart(), options)
        body = request.to_json()
        return PreparedRequest(
            kind=SessionKind.ONE_TIME,
            body=body,
            send=lambda gateway: gateway.create_one_time_session(request),
            action=translate("OneTimeForm", "create the link"),
            details=ChargeDetails(
                currency=request.currency,
                total_cents=sum(p.price * p.quantity for p in request.products),
                line_items=tuple(LineDetail(p.name, p.price, p.quantity) for p in request.products),
            ),
        )

    def focus_first(self) -> None:
        self.table.edit_cell(0, Column.NAME)

    def remember(self) -> None:
        if self._remember_products is not None:
            self._recent.set_products(self._remember_products(self.priced_products()))

    def snapshot(self) -> dict[str, Any]:
        return {
            "currency": self.currency().value,
            "lines": [
                {"name": line.name, "price": line.price_text, "quantity": line.quantity}
                for line in self.model.lines()
            ],
        }

    def restore(self, data: dict[str, Any]) -> None:
        """A snapshot, or a sent request body (``products`` with prices in cents)."""
        currency = str(data.get("currency"))
        if currency in Currency.__members__:
            self.set_currency(Currency(currency))
        lines: list[DraftLine] = []
        for raw in data.get("lines") or []:
            if isinstance(raw, dict):
                line = DraftLine(
                    name=str(raw.get("name", "")), quantity=_int(raw.get("quantity"), 1)
                )
                self.model.set_price_text(line, str(raw.get("price", "")))
                lines.append(line)
        for raw in data.get("products") or []:
            if isinstance(raw, dict):
                cents = _int(raw.get("price"), 0)
                lines.append(
                    DraftLine(
                        name=str(raw.get("name", "")),
                        price_text=format_plain_amount(cents),
                        price_cents=cents,
                        quantity=_int(raw.get("quantity"), 1),
                    )
                )
        self.table.finish_editing()
        self.model.set_lines(lines or [DraftLine()])
        self._show_cart_error(None)

    def priced_products(self) -> list[RecentProduct]:
        return [
            RecentProduct(line.name.strip(), line.price_cents, self.currency())
            for line in self.model.lines()
            if line.name.strip() and line.price_cents is not None
        ]

    def clear(self) -> None:
        self.table.finish_editing()
        self.model.clear()
        self._show_cart_error(None)
        self.table.edit_cell(0, Column.NAME)

    # ------------------------------------------------------------------ display
    def _refresh_total(self) -> None:
        total = self.model.total_cents()
        currency = self.currency()
        amount = format_money(total or 0, currency)
        muted = palette.themed_text(palette.MUTED, current_palette(self.total_label))
        note = (
            " <span style='color:{muted}'>{text}</span>".format(
                muted=muted,
                text=translate("OneTimeForm", "(lines without a valid price not counted)"),
            )
            if (self.model.has_unpriced_lines() and not self.model.is_empty())
            else ""
        )
        self.total_label.setText(
            translate(
                "OneTimeForm",
                "Total <b style='{style}'>{amount}</b> <span style='{muted}'>excl. tax</span>",
            ).format(
                style=f"font-size:{self._total_points}pt", amount=amount, muted=f"color:{muted}"
            )
            + note
        )
        self.total_label.setAccessibleDescription(
            translate("OneTimeForm", "Total {amount} excluding tax").format(amount=amount)
        )

    def _refresh_cell_error(self) -> None:
        """The error line explains the current cell, or the first visible problem."""
        current = self.table.currentIndex()
        message: str | None = None
        if current.isValid() and current.column() != Column.TOTAL:
            error = self.model.visible_error(current.row(), Column(current.column()))
            if error:
                message = _cell_message(current.row(), Column(current.column()), error)
        if message is None:
            for row in range(self.model.rowCount()):
                for column in (Column.NAME, Column.PRICE, Column.QUANTITY):
                    error = self.model.visible_error(row, column)
                    if error:
                        message = _cell_message(row, column, error)
                        break
                if message:
                    break
        self._show_cart_error(message)

    def _show_cart_error(self, message: str | None, more: int = 0) -> None:
        if message and more > 0:
            message += translate("OneTimeForm", "  (and %n more)", None, more)
        self.cart_error.setText(message or "")
        self.cart_error.setVisible(bool(message))


def _cell_message(row: int, column: Column, error: str) -> str:
    """``Row 2 · Unit price: Enter a price``: the cell (as the agent counts) and its problem."""
    return translate("OneTimeForm", "Row {row} · {column}: {problem}").format(
        row=row + 1, column=header_text(column), problem=error
    )


def _int(value: object, default: int) -> int:
    if isinstance(value, bool):
        return default
    if isinstance(value, int):
        return value
    try:
        return int(str(value))
    except ValueError:
        return default


def _describe(issue: FieldIssue) -> str:
    match = _PRODUCT_FIELD.fullmatch(issue.field)
    if match:
        column = _COLUMN_OF_FIELD[match.group(2)]
        return _cell_message(int(match.group(1)), column, issue.message)
    return issue.message
