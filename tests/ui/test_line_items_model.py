"""The cart model: Qt's model contract, typed text kept, errors explained, totals live."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from inflow_desk.domain.money import Currency
from inflow_desk.ui.checkout.line_items_model import (
    PRICE_CENTS_ROLE,
    Column,
    DraftLine,
    LineItemsModel,
)


def filled() -> LineItemsModel:
    model = LineItemsModel()
    model.set_lines(
        [
            DraftLine(name="Starter kit", price_text="49.99", price_cents=4999, quantity=2),
            DraftLine(name="Shipping", price_text="9,90", price_cents=990, quantity=1),
        ]
    )
    return model


def test_qtmodeltester(qtmodeltester: ModelTester) -> None:
    model = filled()
    qtmodeltester.check(model, force_py=True)
    model.add_line()
    model.duplicate_line(0)
    model.remove_line(1)
    model.setData(model.index(0, Column.PRICE), "49.9.9")
    qtmodeltester.check(model, force_py=True)


def test_total_and_display() -> None:
    model = filled()
    assert model.total_cents() == 2 * 4999 + 990
    assert model.data(model.index(0, Column.TOTAL)) == "€99.98"
    model.set_currency(Currency.USD)
    assert model.data(model.index(1, Column.PRICE)) == "$9.90"


def test_typed_price_is_kept_and_explained_never_fixed() -> None:
    model = filled()
    assert model.setData(model.index(0, Column.PRICE), "49.9.9")
    assert model.data(model.index(0, Column.PRICE)) == "49.9.9"
    assert model.data(model.index(0, Column.PRICE), Qt.ItemDataRole.EditRole) == "49.9.9"
    assert model.visible_error(0, Column.PRICE) == "'49.9.9' is not an amount"
    assert (
        model.data(model.index(0, Column.PRICE), Qt.ItemDataRole.ToolTipRole)
        == "'49.9.9' is not an amount"
    )
    assert model.data(model.index(0, Column.PRICE), Qt.ItemDataRole.BackgroundRole) is not None
    assert model.total_cents() == 990  # the bad line does not count
    assert model.data(model.index(0, Column.TOTAL)) == "—"


def test_untouched_empty_row_is_not_red_until_create_is_tried() -> None:
    model = LineItemsModel()
    assert model.visible_error(0, Column.NAME) is None
    model.show_all_errors()
    assert model.visible_error(0, Column.NAME) == "Enter a product name"
    assert model.visible_error(0, Column.PRICE) == "Enter a price"


def test_price_cents_role_from_the_completer() -> None:
    model = LineItemsModel()
    assert model.setData(model.index(0, Column.PRICE), 4999, PRICE_CENTS_ROLE)
    assert model.data(model.index(0, Column.PRICE), Qt.ItemDataRole.EditRole) == "49.99"


def test_add_duplicate_remove_keep_one_row() -> None:
    model = filled()
    assert model.duplicate_line(0) == 1
    assert model.lines()[1].name == "Starter kit"
    model.remove_line(0)
    model.remove_line(0)
    model.remove_line(0)
    assert model.rowCount() == 1 and model.is_empty()


def test_total_column_is_read_only() -> None:
    model = filled()
    assert not model.flags(model.index(0, Column.TOTAL)) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(model.index(0, Column.TOTAL), "5")
