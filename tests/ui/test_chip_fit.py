"""A long status in a narrow history column: the chip's text is elided ("…") inside the chip,
never cut at both edges (the screenshots showed "biguous: CHECKOUT_SUCC" in the history)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from inflow_desk.ui.kit import design, palette
from inflow_desk.ui.kit.chips import ChipDelegate

LONG = "ambiguous: CHECKOUT_SUCCEEDED and PAYMENT_RECEIVED on two links"


def _near(colour: QColor, target: QColor) -> bool:
    return (
        abs(colour.red() - target.red())
        + abs(colour.green() - target.green())
        + abs(colour.blue() - target.blue())
        < 120
    )


def test_a_long_status_is_elided_inside_its_chip(qtbot: QtBot) -> None:
    view = QTableView()
    qtbot.addWidget(view)
    model = QStandardItemModel(0, 1, view)
    model.appendRow(QStandardItem(LONG))
    view.setModel(model)
    view.setItemDelegateForColumn(0, ChipDelegate(view))
    view.setColumnWidth(0, 160)
    view.resize(300, 120)
    view.show()
    qtbot.waitExposed(view)

    cell = view.visualRect(model.index(0, 0))
    image = view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    text = QColor(palette.chip_colours("unsure", view.viewport().palette()).text)
    inked = sorted(
        x
        for x in range(cell.left(), cell.right() + 1)
        for y in range(cell.top() + 3, cell.bottom() - 2)
        if _near(QColor(image.pixel(x, y)), text)
    )
    assert inked, "the chip's text is drawn"
    # the glyphs keep clear of the chip's ends: the padding on either side stays free of text
    assert inked[0] >= cell.left() + design.SPACE_XS
    assert inked[-1] <= cell.right() - design.SPACE_XS


def test_a_status_that_fits_is_drawn_whole(qtbot: QtBot) -> None:
    """The history's usual "paid ✓ 17:42" is not elided (the ink spans the whole text)."""
    from PySide6.QtGui import QFontMetrics

    short = "paid ✓ 17:42"
    view = QTableView()
    qtbot.addWidget(view)
    model = QStandardItemModel(0, 1, view)
    model.appendRow(QStandardItem(short))
    view.setModel(model)
    view.setItemDelegateForColumn(0, ChipDelegate(view))
    view.setColumnWidth(0, 250)
    view.resize(300, 120)
    view.show()
    qtbot.waitExposed(view)

    cell = view.visualRect(model.index(0, 0))
    image = view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    text = QColor(palette.chip_colours("paid", view.viewport().palette()).text)
    inked = sorted(
        x
        for x in range(cell.left(), cell.right() + 1)
        for y in range(cell.top() + 3, cell.bottom() - 2)
        if _near(QColor(image.pixel(x, y)), text)
    )
    advance = QFontMetrics(view.font()).horizontalAdvance(short)
    assert inked[-1] - inked[0] >= advance - 4
