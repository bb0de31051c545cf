"""The window on a 1366×768 laptop: it fits, the history shows five rows, nothing jumps."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QDockWidget, QTableView, QWidget
from pytestqt.qtbot import QtBot

from inflow_desk.ui.kit.settings import AppSettings
from inflow_desk.ui.main_window import MainWindow, default_window_size
from tests.ui.conftest import LAPTOP, press, type_text

CTRL = Qt.KeyboardModifier.ControlModifier
WATCHED = (
    "lineItemsTable",
    "optionsGroup",
    "customerEmailEdit",
    "resultPanel",
    "createSessionButton",
    "historyTable",
)
LINK_PARTS = ("checkoutUrlEdit", "copyUrlButton", "qrCodeLabel", "newLinkButton")


def geometry(
    qtbot: QtBot, window: MainWindow, names: tuple[str, ...] = WATCHED
) -> dict[str, QRect]:
    qtbot.wait(20)  # layouts settle in the event loop, as on screen
    found: dict[str, QRect] = {}
    total = window.one_time_form.total_label  # right-aligned text: its right edge must stay
    found["totalLabel.right"] = QRect(total.mapTo(window, total.rect().topRight()), QSize(1, 1))
    for name in names:
        widget = window.findChild(QWidget, name)
        assert widget is not None, name
        found[name] = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
    return found


def test_the_first_size_fits_the_laptop_screen() -> None:
    size = default_window_size(LAPTOP)
    assert size.width() <= LAPTOP.width()
    assert size.height() <= LAPTOP.height() - 30  # room for the title bar
    assert default_window_size(QSize(2560, 1400)) == QSize(1280, 860)


def test_at_1366x768_the_history_shows_five_rows_without_a_horizontal_scroll_bar(
    laptop_window: MainWindow,
) -> None:
    assert laptop_window.height() <= LAPTOP.height() - 30  # its minimum size fits too
    dock = laptop_window.findChild(QDockWidget, "historyDock")
    assert dock is not None and dock.isVisible()
    table = laptop_window.findChild(QTableView, "historyTable")
    assert table is not None
    rows = table.viewport().height() / table.verticalHeader().defaultSectionSize()
    assert rows >= 5
    header = table.horizontalHeader()
    assert header.length() <= table.viewport().width()
    assert not table.horizontalScrollBar().isVisible()


def test_nothing_moves_when_a_message_or_the_first_link_appears(
    qtbot: QtBot, laptop_window: MainWindow
) -> None:
    window = laptop_window
    before = geometry(qtbot, window)

    press(qtbot, Qt.Key.Key_Return, CTRL)  # empty cart: the message line and the cart error
    assert window.error_label.isVisible()
    assert window.one_time_form.cart_error.isVisible()
    assert geometry(qtbot, window) == before

    window.one_time_form.focus_first()
    type_text(qtbot, "Starter kit")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "49.99")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "2")
    with qtbot.waitSignal(window.sessionCreated, timeout=5000):
        press(qtbot, Qt.Key.Key_Return, CTRL)  # the first link, its summary and "Link created"
    assert window.result_panel.url
    assert window.status_label.text()
    assert geometry(qtbot, window) == before
    link = geometry(qtbot, window, LINK_PARTS)

    press(qtbot, Qt.Key.Key_F2)
    type_text(qtbot, "5")  # the link now belongs to the previous cart
    assert window.result_panel.stale_label.isVisible()
    assert geometry(qtbot, window) == before
    assert geometry(qtbot, window, LINK_PARTS) == link


def test_the_window_size_is_remembered(
    qtbot: QtBot, make_window: Callable[..., MainWindow], app_settings: AppSettings
) -> None:
    first = make_window()
    chosen = QSize(first.minimumSizeHint().width(), 650)  # the test screen is 800×800
    assert first.size() != chosen
    first.resize(chosen)
    first.close()
    second = make_window()
    assert second.size() == chosen
