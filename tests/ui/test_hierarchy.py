"""Visual hierarchy (issue 19): Create link is the styled primary action, the cart total is the
largest text of the form, and the empty cart says what to do next."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QTextDocument
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from inflow_desk.ui.checkout.line_items_model import Column
from inflow_desk.ui.checkout.line_items_view import EMPTY_CART_HINT
from inflow_desk.ui.kit import design, palette
from inflow_desk.ui.main_window import MainWindow
from tests.ui.conftest import type_text


def _largest_point_size(rich_text: str, base: float) -> float:
    document = QTextDocument()
    document.setHtml(rich_text)
    sizes = [base]
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            size = it.fragment().charFormat().fontPointSize()
            sizes.append(size or base)
            it += 1
        block = block.next()
    return max(sizes)


def _primaries(window: MainWindow) -> list[QPushButton]:
    roles = palette.roles_for(window.palette())
    return [
        button
        for button in window.findChildren(QPushButton)
        if f"background: {roles.primary}" in button.styleSheet()
    ]


def test_one_primary_action_per_state(qtbot: QtBot, make_window: Callable[..., MainWindow]) -> None:
    window = make_window()
    window.show()
    qtbot.waitExposed(window)
    roles = palette.roles_for(window.palette())
    assert f"color: {roles.on_primary}" in window.create_button.styleSheet()
    assert _primaries(window) == [window.create_button]  # no link: Create link
    copy = window.result_panel.copy_button
    create_size = window.create_button.size()

    window.one_time_form.table.edit_cell(0, Column.NAME)
    type_text(qtbot, "Widget\t49.90\t")
    with qtbot.waitSignal(window.sessionCreated, timeout=5000):
        qtbot.mouseClick(window.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(window.result_panel.url))
    assert _primaries(window) == [copy]  # a link: Copy link
    # a role change moves nothing (once the layout has run: style changes post a relayout)
    qtbot.waitUntil(lambda: window.create_button.size() == create_size, timeout=1000)

    qtbot.mouseClick(
        window.result_panel.findChild(QPushButton, "newLinkButton"), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: not window.result_panel.url)
    assert _primaries(window) == [window.create_button]  # the next caller: Create link again


def test_the_total_is_the_largest_text_of_the_form(
    qtbot: QtBot, make_window: Callable[..., MainWindow]
) -> None:
    window = make_window()
    form = window.one_time_form
    window.show()
    qtbot.waitExposed(window)
    form.table.edit_cell(0, Column.NAME)
    type_text(qtbot, "Widget\t49.90\t")
    qtbot.waitUntil(lambda: "49.90" in form.total_label.text())
    base = form.total_label.font().pointSizeF()
    total = _largest_point_size(form.total_label.text(), base)
    assert total >= base * design.TYPE_TOTAL - 0.1
    others = [w for w in window.findChildren(QWidget) if w is not form.total_label]
    assert total > max(w.font().pointSizeF() for w in others)


def _muted_pixels(window: MainWindow) -> int:
    view = window.one_time_form.table
    image = view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    muted = QColor(palette.roles_for(view.palette()).muted_text).name()
    return sum(
        QColor(image.pixel(x, y)).name() == muted
        for x in range(0, image.width())
        for y in range(0, image.height())
    )


def test_the_empty_cart_says_what_to_do_next(
    qtbot: QtBot, make_window: Callable[..., MainWindow]
) -> None:
    window = make_window()
    window.show()
    qtbot.waitExposed(window)
    view = window.one_time_form.table
    assert view.empty_hint() == EMPTY_CART_HINT
    assert "Type a product name" in EMPTY_CART_HINT and "Ctrl+2" in EMPTY_CART_HINT
    assert _muted_pixels(window) > 20  # the hint is drawn under the row

    type_text(qtbot, "Widget\t")
    qtbot.waitUntil(lambda: view.empty_hint() == "")
    view.viewport().update()
    qtbot.waitUntil(lambda: _muted_pixels(window) < 5)
