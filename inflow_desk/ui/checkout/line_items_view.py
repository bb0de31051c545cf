"""The cart table: in-place editors (delegates) and keyboard flow.

* Name: a line edit with a completer of recently used products; picking "Starter kit — €49.99"
  fills the name *and* the price.
* Price: a line edit that takes what agents type (``49.99``, ``49,99``, ``€49.99``).
* Quantity: a spin box. It allows 0 so that a wrong quantity is shown as wrong, not silently
  changed to 1.
Tab moves Product → Unit price → Qty → next row's Product (the computed total is skipped).
A cell an accessibility client selects (AT-SPI's "Toggle" on a cell, or the table's Selection)
becomes the current cell and opens its editor: the way in for those who have only actions.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QItemSelection,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QCompleter,
    QHeaderView,
    QLineEdit,
    QListView,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from inflow_desk.domain import limits
from inflow_desk.domain.i18n import translate
from inflow_desk.domain.money import Currency
from inflow_desk.ui.checkout.line_items_model import (
    INVALID_ROLE,
    PREVIEW_ROLE,
    PRICE_CENTS_ROLE,
    Column,
    LineItemsModel,
)
from inflow_desk.ui.checkout.modes import SUBSCRIPTION_SHORTCUT
from inflow_desk.ui.kit import design, palette
from inflow_desk.ui.kit.formatting import format_money
from inflow_desk.ui.kit.settings import RecentProduct

_Index = QModelIndex | QPersistentModelIndex
_PRODUCT_ROLE = Qt.ItemDataRole.UserRole + 10
#: The bare product name: what the completer matches and inserts.
NAME_ROLE = Qt.ItemDataRole.UserRole + 11
_INVALID_SELECTED = QColor(palette.INVALID_CELL_SELECTED)
_ON_INVALID_SELECTED = QColor(palette.ON_ACCENT)
#: An editor's property: what its cell held when editing began (Esc puts it back).
ORIGINAL_VALUE = "originalValue"


@dataclass(frozen=True)
class CatalogChoice:
    """A catalog product as the name completer offers it: picking it fills the name, the price
    in the cart's currency (when the catalog has one) and the default quantity."""

    name: str
    prices: Mapping[Currency, int]
    quantity: int = 1


def _choice_label(choice: CatalogChoice) -> str:
    prices = " / ".join(format_money(cents, cur) for cur, cents in choice.prices.items())
    if choice.quantity != 1:
        return translate("CartTable", "{name} — {prices} × {quantity}  ·  catalog").format(
            name=choice.name, prices=prices, quantity=choice.quantity
        )
    return translate("CartTable", "{name} — {prices}  ·  catalog").format(
        name=choice.name, prices=prices
    )


def empty_cart_hint() -> str:
    """The empty cart's next step, in the agent's language."""
    return translate(
        "CartTable", "Type a product name, or press {shortcut} for a subscription"
    ).format(shortcut=SUBSCRIPTION_SHORTCUT)


#: The empty cart's next step (in English: :func:`empty_cart_hint` is what the table shows).
EMPTY_CART_HINT = f"Type a product name, or press {SUBSCRIPTION_SHORTCUT} for a subscription"


class RecentProductsModel(QStandardItemModel):
    """The name completer's products: the catalog first, then recently used products (a recent
    name the catalog has is not repeated). Rows show "name — price"; the completer matches and
    inserts :data:`NAME_ROLE`, the bare name. No Python override: the completer filters 10,000
    catalog rows per keystroke in C++."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._catalog: list[CatalogChoice] = []
        self._recent: list[RecentProduct] = []

    def set_products(self, products: list[RecentProduct]) -> None:
        self._recent = list(products)
        self._rebuild()

    def set_catalog(self, choices: list[CatalogChoice]) -> None:
        self._catalog = list(choices)
        self._rebuild()

    def _rebuild(self) -> None:
        self.clear()
        rows: list[QStandardItem] = []
        in_catalog = set()
        for choice in self._catalog:
            in_catalog.add(choice.name.casefold())
            item = QStandardItem(_choice_label(choice))
            item.setData(choice.name, NAME_ROLE)
            item.setData(choice, _PRODUCT_ROLE)
            rows.append(item)
        for product in self._recent:
            if product.name.casefold() in in_catalog:
                continue
            item = QStandardItem(
                f"{product.name} — {format_money(product.price_cents, product.currency)}"
            )
            item.setData(product.name, NAME_ROLE)
            item.setData(product, _PRODUCT_ROLE)
            rows.append(item)
        root = self.invisibleRootItem()
        root.appendRows(rows)


def _preview_while_typing(index: _Index, value_of: Callable[[], object]) -> Callable[..., None]:
    """A slot that shows what the editor holds in the model as it is typed (the total follows
    the keys), without committing it: the cell is checked and marked when the editor closes."""
    persistent = QPersistentModelIndex(index)

    def preview(*_: object) -> None:
        model = persistent.model()
        if persistent.isValid() and model is not None:
            cell = model.index(persistent.row(), persistent.column())
            model.setData(cell, value_of(), PREVIEW_ROLE)

    return preview


class _CellDelegate(QStyledItemDelegate):
    """Keeps an invalid cell visibly red while it is selected (the selection colour would
    otherwise paint over the red background). Enter in an open editor commits and closes it
    at once and emits ``enterPressed`` — Qt's own delegate queues that commit, and keys typed
    right after Enter (the next row's name, at 10 ms a key) would arrive before it."""

    enterPressed = Signal()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            isinstance(watched, QWidget)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
        ):
            self.commitData.emit(watched)
            self.closeEditor.emit(watched, QAbstractItemDelegate.EndEditHint.NoHint)
            self.enterPressed.emit()
            return True
        return super().eventFilter(watched, event)

    def initStyleOption(self, option: QStyleOptionViewItem, index: _Index) -> None:
        super().initStyleOption(option, index)
        if index.data(INVALID_ROLE):
            option.palette.setColor(QPalette.ColorRole.Highlight, _INVALID_SELECTED)
            option.palette.setColor(QPalette.ColorRole.HighlightedText, _ON_INVALID_SELECTED)


class _FirstSuggestionOnEnter(QObject):
    """Enter (or Return) in an open completion popup with nothing highlighted takes the first
    suggestion — "Sta", Enter gives "Starter kit" and its price, not "Sta"."""

    def __init__(self, completer: QCompleter) -> None:
        super().__init__(completer)
        self._completer = completer

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            popup = self._completer.popup()
            if (
                popup is not None
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and popup.isVisible()
                and not popup.currentIndex().isValid()
                and self._completer.completionCount() > 0
            ):
                popup.setCurrentIndex(self._completer.completionModel().index(0, 0))
        return False  # QCompleter's own filter then completes with the highlighted row


class NameDelegate(_CellDelegate):
    def __init__(self, recent: RecentProductsModel, parent: QWidget) -> None:
        super().__init__(parent)
        self._recent = recent

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        editor = QLineEdit(parent)
        editor.setObjectName("lineItemNameEditor")
        editor.setAccessibleName(translate("CartTable", "Product name"))
        editor.setAccessibleDescription(
            translate("CartTable", "Recent and catalog products are suggested as you type")
        )
        editor.setMaxLength(limits.MAX_NAME_LENGTH + 50)  # longer input is flagged, not cut
        editor.setPlaceholderText(translate("CartTable", "Product name"))
        completer = QCompleter(self._recent, editor)
        completer.setObjectName("productCompleter")
        completer.setCompletionRole(NAME_ROLE)  # popup rows show "name — price"
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        editor.setCompleter(completer)
        popup = completer.popup()
        if popup is not None:  # installed after the completer's own filter: sees keys first
            popup.installEventFilter(_FirstSuggestionOnEnter(completer))
            if isinstance(popup, QListView):  # one row height for all: no per-row layout
                popup.setUniformItemSizes(True)
        persistent = QPersistentModelIndex(index)

        def take_price(completion_index: QModelIndex) -> None:
            product = completion_index.data(_PRODUCT_ROLE)
            model = persistent.model()
            if not persistent.isValid() or model is None:
                return
            price_index = model.index(persistent.row(), Column.PRICE)
            if isinstance(product, RecentProduct):
                model.setData(price_index, product.price_cents, PRICE_CENTS_ROLE)
            elif isinstance(product, CatalogChoice):
                currency = model.currency if isinstance(model, LineItemsModel) else None
                cents = product.prices.get(currency) if currency is not None else None
                if cents is not None:  # no price in this currency: the agent types it
                    model.setData(price_index, cents, PRICE_CENTS_ROLE)
                quantity_index = model.index(persistent.row(), Column.QUANTITY)
                model.setData(quantity_index, product.quantity, Qt.ItemDataRole.EditRole)

        completer.activated[QModelIndex].connect(take_price)  # type: ignore[index]
        editor.setProperty(ORIGINAL_VALUE, index.data(Qt.ItemDataRole.EditRole))
        editor.textEdited.connect(_preview_while_typing(index, editor.text))
        return editor

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        assert isinstance(editor, QLineEdit)
        editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:
        assert isinstance(editor, QLineEdit)
        model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)


class PriceDelegate(_CellDelegate):
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        editor = QLineEdit(parent)
        editor.setObjectName("lineItemPriceEditor")
        editor.setAccessibleName(translate("CartTable", "Unit price"))
        editor.setPlaceholderText(translate("CartTable", "49.99"))
        editor.setAlignment(Qt.AlignmentFlag.AlignRight)
        editor.setProperty(ORIGINAL_VALUE, index.data(Qt.ItemDataRole.EditRole))
        editor.textEdited.connect(_preview_while_typing(index, editor.text))
        return editor

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        assert isinstance(editor, QLineEdit)
        editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
        editor.selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:
        assert isinstance(editor, QLineEdit)
        model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)


class QuantityDelegate(_CellDelegate):
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        editor = QSpinBox(parent)
        editor.setObjectName("lineItemQuantityEditor")
        editor.setAccessibleName(translate("CartTable", "Quantity"))
        editor.setRange(0, 999_999)
        editor.setAlignment(Qt.AlignmentFlag.AlignRight)
        editor.setButtonSymbols(QSpinBox.ButtonSymbols.NoButtons)
        editor.setProperty(ORIGINAL_VALUE, index.data(Qt.ItemDataRole.EditRole))
        editor.valueChanged.connect(_preview_while_typing(index, editor.value))
        return editor

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        assert isinstance(editor, QSpinBox)
        editor.blockSignals(True)  # putting the model's value in is not typing
        editor.setValue(int(index.data(Qt.ItemDataRole.EditRole) or 0))
        editor.blockSignals(False)
        editor.selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:
        assert isinstance(editor, QSpinBox)
        editor.interpretText()
        model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)


class LineItemsView(QTableView):
    """The cart table with spreadsheet-like keyboard flow."""

    def __init__(
        self, model: LineItemsModel, recent: RecentProductsModel, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setModel(model)
        self._model = model
        delegates = {
            Column.NAME: NameDelegate(recent, self),
            Column.PRICE: PriceDelegate(self),
            Column.QUANTITY: QuantityDelegate(self),
        }
        for column, delegate in delegates.items():
            self.setItemDelegateForColumn(column, delegate)
            delegate.enterPressed.connect(self._on_editor_enter)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(True)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(Column.NAME, QHeaderView.ResizeMode.Stretch)
        for column in (Column.PRICE, Column.QUANTITY, Column.TOTAL):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setMinimumSectionSize(70)
        self.selectionModel().selectionChanged.connect(self._follow_outside_selection)

    def model(self) -> LineItemsModel:
        return self._model

    def empty_hint(self) -> str:
        """What to do next, drawn under the rows while the cart is empty ("" otherwise)."""
        return empty_cart_hint() if self._model.is_empty() else ""

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        hint = self.empty_hint()
        if not hint:
            return
        last = self._model.rowCount() - 1
        top = self.rowViewportPosition(last) + self.rowHeight(last) + design.SPACE_S
        area = self.viewport().rect().adjusted(design.SPACE_S, top, -design.SPACE_S, 0)
        painter = QPainter(self.viewport())
        painter.setPen(QColor(palette.roles_for(self.palette()).muted_text))
        painter.drawText(area, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), hint)
        painter.end()

    def moveCursor(
        self, cursorAction: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        current = self.currentIndex()
        rows = self._model.rowCount()
        if current.isValid() and cursorAction == QAbstractItemView.CursorAction.MoveNext:
            if current.column() >= Column.QUANTITY:
                if current.row() + 1 < rows:
                    return self._model.index(current.row() + 1, Column.NAME)
                return QModelIndex()  # leave the table: focus goes to the next widget
            return self._model.index(current.row(), current.column() + 1)
        if current.isValid() and cursorAction == QAbstractItemView.CursorAction.MovePrevious:
            if current.column() == Column.NAME:
                if current.row() > 0:
                    return self._model.index(current.row() - 1, Column.QUANTITY)
                return QModelIndex()
            return self._model.index(current.row(), min(current.column() - 1, Column.QUANTITY))
        return super().moveCursor(cursorAction, modifiers)

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab past the last cell (Backtab before the first) leaves the table."""
        current = self.currentIndex()
        rows = self._model.rowCount()
        last_cell = current.row() == rows - 1 and current.column() >= Column.QUANTITY
        first_cell = current.row() == 0 and current.column() == Column.NAME
        editing = self.state() == QAbstractItemView.State.EditingState
        if (
            current.isValid()
            and not editing
            and ((next and last_cell) or (not next and first_cell))
        ):
            return QWidget.focusNextPrevChild(self, next)
        return super().focusNextPrevChild(next)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        """Tab out of the last cell leaves the table instead of stopping on the total; Esc
        puts back what the cell held before (the editor showed its keys in the total)."""
        current = self.currentIndex()
        original = editor.property(ORIGINAL_VALUE)
        if hint == QAbstractItemDelegate.EndEditHint.RevertModelCache and original is not None:
            self._model.setData(current, original, PREVIEW_ROLE)
        leaving = (
            current.isValid()
            and current.row() == self._model.rowCount() - 1
            and current.column() >= Column.QUANTITY
            and hint == QAbstractItemDelegate.EndEditHint.EditNextItem
        )
        super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint if leaving else hint)
        if leaving:
            QWidget.focusNextPrevChild(self, True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if (
            key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
        ):
            current = self.currentIndex()
            if current.isValid():
                self._enter_from_row(current.row())
                return
        if key == Qt.Key.Key_Delete and self.state() != QAbstractItemView.State.EditingState:
            current = self.currentIndex()
            if current.isValid() and current.column() != Column.TOTAL:
                self._model.setData(current, "" if current.column() != Column.QUANTITY else 1)
                return
        super().keyPressEvent(event)

    def _on_editor_enter(self) -> None:
        """Enter in a cell editor (already committed and closed): move on from its row."""
        current = self.currentIndex()
        if current.isValid():
            self._enter_from_row(current.row())

    def _enter_from_row(self, row: int) -> None:
        """Enter: the next row's product, or a new row after the last one."""
        if row >= self._model.rowCount() - 1:
            self.add_line_and_edit()
        else:
            self.setCurrentIndex(self._model.index(row + 1, Column.NAME))

    def _follow_outside_selection(self, selected: QItemSelection, _: QItemSelection) -> None:
        """A cell selected without becoming current — what an accessibility client does: Qt
        gives a cell no action but "Toggle" (select it), and the table's Selection interface
        only selects, so the keyboard would stay on another cell and the next key (F2, a digit)
        would edit that one. The selected cell becomes the current one and, if editable, its
        editor opens (it takes the focus: the screen reader says which editor); a read-only
        cell (the line total) takes the focus itself. Arrow keys, Tab and clicks make a cell
        current before selecting it, so they never come here."""
        indexes = selected.indexes()
        if len(indexes) != 1 or indexes[0] == self.currentIndex():
            return
        index = indexes[0]
        self.setCurrentIndex(index)
        self.scrollTo(index)
        if index.flags() & Qt.ItemFlag.ItemIsEditable:
            self.edit(index)
        else:
            self.setFocus(Qt.FocusReason.OtherFocusReason)

    def finish_editing(self) -> None:
        """Commit and close an open cell editor (before the rows are replaced under it)."""
        if self.state() != QAbstractItemView.State.EditingState:
            return
        widget: QWidget | None = self.indexWidget(self.currentIndex())  # the editor, if any
        if widget is None:
            widget = QApplication.focusWidget()
            while widget is not None and widget.parentWidget() is not self.viewport():
                widget = widget.parentWidget()
        if widget is not None:
            self.commitData(widget)
            self.closeEditor(widget, QAbstractItemDelegate.EndEditHint.NoHint)

    def add_line_and_edit(self) -> None:
        row = self._model.add_line()
        if row < 0:
            return
        index = self._model.index(row, Column.NAME)
        self.setCurrentIndex(index)
        self.edit(index)

    def edit_cell(self, row: int, column: Column) -> None:
        index = self._model.index(row, column)
        self.setFocus()
        self.setCurrentIndex(index)
        self.scrollTo(index)
