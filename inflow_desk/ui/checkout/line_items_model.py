"""The cart as a Qt table model: what the agent typed, checked cell by cell.

Rows keep the agent's text when it is not valid (a price of ``49.9.9`` stays ``49.9.9``, marked
red and explained) — nothing is silently "fixed".
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush

from inflow_desk.domain import limits
from inflow_desk.domain.i18n import QT_TRANSLATE_NOOP, translate
from inflow_desk.domain.money import Currency, MoneyParseError, parse_money
from inflow_desk.domain.validation import check_name, check_quantity, check_unit_price
from inflow_desk.ui.kit import item_colours, palette
from inflow_desk.ui.kit.formatting import format_money, format_plain_amount

_Index = QModelIndex | QPersistentModelIndex

#: Custom role: set a price directly in integer cents (used by the product completer).
PRICE_CENTS_ROLE = Qt.ItemDataRole.UserRole + 1
#: Custom role: what an open cell editor holds, shown live (the total follows the keys) but not
#: yet committed — the cell is not marked as touched, so no error shows while typing.
PREVIEW_ROLE = Qt.ItemDataRole.UserRole + 2
#: Custom role (read only): True when the cell's error is shown (painted red even when selected).
INVALID_ROLE = Qt.ItemDataRole.UserRole + 3


def _invalid_background() -> QBrush:
    """An invalid cell's tint for the current palette (light, dark, high contrast)."""
    return item_colours.item_surface(palette.INVALID_CELL_SURFACE)


def _invalid_foreground() -> QBrush:
    return item_colours.item_text_on(palette.INVALID_CELL_TEXT, palette.INVALID_CELL_SURFACE)


class Column(IntEnum):
    NAME = 0
    PRICE = 1
    QUANTITY = 2
    TOTAL = 3


#: The column headers (translated where shown: :func:`header_text`).
_HEADERS = {
    Column.NAME: QT_TRANSLATE_NOOP("CartTable", "Product"),
    Column.PRICE: QT_TRANSLATE_NOOP("CartTable", "Unit price"),
    Column.QUANTITY: QT_TRANSLATE_NOOP("CartTable", "Qty"),
    Column.TOTAL: QT_TRANSLATE_NOOP("CartTable", "Line total"),
}
#: What a screen reader says for each column (the header "Qty" is short for the room it has).
_ACCESSIBLE_HEADERS = {
    Column.NAME: QT_TRANSLATE_NOOP("CartTable", "Product name"),
    Column.PRICE: QT_TRANSLATE_NOOP("CartTable", "Unit price"),
    Column.QUANTITY: QT_TRANSLATE_NOOP("CartTable", "Quantity"),
    Column.TOTAL: QT_TRANSLATE_NOOP("CartTable", "Line total"),
}


def header_text(column: Column | int) -> str:
    """The column's header in the agent's language."""
    return translate("CartTable", _HEADERS[Column(column)])


#: Column → the field name used in domain ``FieldIssue`` paths (``products[2].price``).
FIELD_OF_COLUMN = {Column.NAME: "name", Column.PRICE: "price", Column.QUANTITY: "quantity"}


@dataclass
class DraftLine:
    """One row as typed. ``price_cents`` is None while ``price_text`` does not parse."""

    name: str = ""
    price_text: str = ""
    price_cents: int | None = None
    quantity: int = 1
    touched: set[Column] = field(default_factory=set)

    def price_error(self) -> str | None:
        if self.price_cents is None:
            if not self.price_text.strip():
                return translate("CartTable", "Enter a price")
            try:
                parse_money(self.price_text)
            except MoneyParseError as exc:
                return str(exc)
            return translate(
                "CartTable", "Enter a price"
            )  # pragma: no cover - parsed text always sets price_cents
        return check_unit_price(self.price_cents)

    def error(self, column: Column | int) -> str | None:
        column = Column(column)
        if column is Column.NAME:
            return check_name(self.name)
        if column is Column.PRICE:
            return self.price_error()
        if column is Column.QUANTITY:
            return check_quantity(self.quantity)
        return None

    def is_blank(self) -> bool:
        return not self.name.strip() and not self.price_text.strip() and self.quantity == 1

    @property
    def line_total_cents(self) -> int | None:
        return None if self.price_cents is None else self.price_cents * self.quantity


class LineItemsModel(QAbstractTableModel):
    """Rows of :class:`DraftLine`; the total follows every edit (``totalChanged``)."""

    totalChanged = Signal()

    def __init__(self, currency: Currency = Currency.EUR, parent: Any = None) -> None:
        super().__init__(parent)
        self._lines: list[DraftLine] = [DraftLine()]
        self._currency = currency
        self._show_all_errors = False
        self.modelReset.connect(self.totalChanged)
        self.rowsInserted.connect(self.totalChanged)
        self.rowsRemoved.connect(self.totalChanged)
        self.dataChanged.connect(self.totalChanged)

    # ------------------------------------------------------------------ Qt model API
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal and 0 <= section < len(Column)
        if horizontal and role == Qt.ItemDataRole.AccessibleTextRole:
            return translate("CartTable", _ACCESSIBLE_HEADERS[Column(section)])
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if horizontal:
            return header_text(section)
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() != Column.TOTAL:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._lines)):
            return None
        line = self._lines[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(line, column)
        if role == Qt.ItemDataRole.EditRole:
            return self._edit_value(line, column)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
            return self.visible_error(index.row(), column)
        if role == Qt.ItemDataRole.BackgroundRole:
            return _invalid_background() if self.visible_error(index.row(), column) else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return _invalid_foreground() if self.visible_error(index.row(), column) else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column is not Column.NAME:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == PRICE_CENTS_ROLE and column is Column.PRICE:
            return line.price_cents
        if role == INVALID_ROLE:
            return self.visible_error(index.row(), column) is not None
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not (0 <= index.row() < len(self._lines)):
            return False
        line = self._lines[index.row()]
        column = Column(index.column())
        if role == PREVIEW_ROLE:
            return self._preview(index.row(), column, value)
        if role == PRICE_CENTS_ROLE and column is Column.PRICE:
            line.price_cents = int(value)
            line.price_text = format_plain_amount(line.price_cents)
        elif role != Qt.ItemDataRole.EditRole or not self._put(line, column, value):
            return False
        line.touched.add(column)
        row = index.row()
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))
        return True

    def insertRows(self, row: int, count: int, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or count < 1 or not (0 <= row <= len(self._lines)):
            return False
        self.beginInsertRows(QModelIndex(), row, row + count - 1)
        self._lines[row:row] = [DraftLine() for _ in range(count)]
        self.endInsertRows()
        return True

    def removeRows(self, row: int, count: int, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or count < 1 or row < 0 or row + count > len(self._lines):
            return False
        self.beginRemoveRows(QModelIndex(), row, row + count - 1)
        del self._lines[row : row + count]
        self.endRemoveRows()
        return True

    def _put(self, line: DraftLine, column: Column, value: Any) -> bool:
        """What was typed into a cell, into its line; False for a value the cell cannot take."""
        if column is Column.NAME:
            line.name = str(value)
        elif column is Column.PRICE:
            self.set_price_text(line, str(value))
        elif column is Column.QUANTITY:
            try:
                line.quantity = int(value)
            except (TypeError, ValueError):
                return False
        else:
            return False
        return True

    def _preview(self, row: int, column: Column, value: Any) -> bool:
        """An open editor's text, live: the line total and the cart total follow it. Only the
        row's total cell is announced as changed, so the open editor is left alone."""
        if not self._put(self._lines[row], column, value):
            return False
        total = self.index(row, Column.TOTAL)
        self.dataChanged.emit(total, total)
        return True

    # ------------------------------------------------------------------ our API
    @staticmethod
    def set_price_text(line: DraftLine, text: str) -> None:
        """Keep what was typed; the cents only when it parses."""
        line.price_text = text
        try:
            line.price_cents = parse_money(text)
        except MoneyParseError:
            line.price_cents = None

    @property
    def currency(self) -> Currency:
        return self._currency

    def set_currency(self, currency: Currency) -> None:
        if currency is self._currency:
            return
        self._currency = currency
        if self._lines:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._lines) - 1, len(Column) - 1)
            )

    def lines(self) -> list[DraftLine]:
        """A copy of the rows as typed."""
        return [replace(line, touched=set(line.touched)) for line in self._lines]

    def set_lines(self, lines: list[DraftLine]) -> None:
        self.beginResetModel()
        self._lines = [replace(line, touched=set(line.touched)) for line in lines]
        self._show_all_errors = False
        self.endResetModel()

    def add_line(self) -> int:
        """Append an empty row; returns its index."""
        if len(self._lines) >= limits.MAX_LINE_ITEMS:
            return -1
        row = len(self._lines)
        self.insertRows(row, 1)
        return row

    def duplicate_line(self, row: int) -> int:
        if not (0 <= row < len(self._lines)) or len(self._lines) >= limits.MAX_LINE_ITEMS:
            return -1
        copy = replace(self._lines[row], touched=set(self._lines[row].touched))
        self.beginInsertRows(QModelIndex(), row + 1, row + 1)
        self._lines.insert(row + 1, copy)
        self.endInsertRows()
        return row + 1

    def remove_line(self, row: int) -> None:
        """Remove a row; the cart always keeps one (empty) row to type into."""
        if len(self._lines) == 1 and row == 0:
            self.set_lines([DraftLine()])
            return
        self.removeRows(row, 1)

    def clear(self) -> None:
        self.set_lines([DraftLine()])

    def drop_blank_lines(self) -> None:
        """Remove rows nothing was typed into (Enter on the last row adds one); the cart keeps
        one row to type into."""
        for row in reversed(range(len(self._lines))):
            if len(self._lines) > 1 and self._lines[row].is_blank():
                self.removeRows(row, 1)

    def is_empty(self) -> bool:
        return all(line.is_blank() for line in self._lines)

    def total_cents(self) -> int | None:
        """Sum of the valid lines; None when nothing has a price yet."""
        totals = [t for t in (line.line_total_cents for line in self._lines) if t is not None]
        return sum(totals) if totals else None

    def has_unpriced_lines(self) -> bool:
        return any(line.price_cents is None for line in self._lines)

    def visible_error(self, row: int, column: Column | int) -> str | None:
        """The error of a cell, once the agent touched it or tried to create the link."""
        column = Column(column)
        line = self._lines[row]
        if not (self._show_all_errors or column in line.touched):
            return None
        return line.error(column)

    def show_all_errors(self) -> None:
        self._show_all_errors = True
        if self._lines:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._lines) - 1, len(Column) - 1)
            )

    # ------------------------------------------------------------------ helpers
    def _display(self, line: DraftLine, column: Column) -> str:
        if column is Column.NAME:
            return line.name
        if column is Column.PRICE:
            if line.price_cents is None:
                return line.price_text
            return format_money(line.price_cents, self._currency)
        if column is Column.QUANTITY:
            return str(line.quantity)
        total = line.line_total_cents
        return "—" if total is None else format_money(total, self._currency)

    @staticmethod
    def _edit_value(line: DraftLine, column: Column) -> Any:
        if column is Column.NAME:
            return line.name
        if column is Column.PRICE:
            if line.price_cents is None:
                return line.price_text
            return format_plain_amount(line.price_cents)
        if column is Column.QUANTITY:
            return line.quantity
        return None
