"""The agent's key paths, typed key by key: what is typed is what is sent.

Each test types into whatever has the focus at that moment, like a person; none of them sets a
cell's data directly. The real-display suite (tests/realdisplay) types the same paths with real
X key events into a freshly started app process.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QObject, QSettings, Qt
from PySide6.QtGui import QAction, QGuiApplication, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLineEdit,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)
from pytestqt.qtbot import QtBot

from inflow_desk.domain.money import Currency
from inflow_desk.emulator import InflowEmulator
from inflow_desk.ui.checkout.line_items_model import Column
from inflow_desk.ui.checkout.line_items_view import LineItemsView
from inflow_desk.ui.kit.settings import RecentProduct
from inflow_desk.ui.kit.widgets import bind_shortcut
from inflow_desk.ui.main_window import MainWindow
from tests.ui.conftest import focused, press, type_text

ONE_TIME_PATH = "/api/checkout/sessions/one-time-payment"
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def sent_products(emulator: InflowEmulator) -> list[dict[str, object]]:
    requests = emulator.requests_to(ONE_TIME_PATH, "POST")
    assert requests, "nothing was sent"
    products = json.loads(requests[-1].body)["products"]
    assert isinstance(products, list)
    return products


def type_first_line(qtbot: QtBot, *, quantity: str | None = "2") -> None:
    """Starter kit, Tab, 49.99, Tab, 2 — typed into wherever the window put the focus."""
    type_text(qtbot, "Starter kit")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "49.99")
    if quantity is not None:
        press(qtbot, Qt.Key.Key_Tab)
        type_text(qtbot, quantity)


def select_all_in_editor() -> None:
    """Like Ctrl+A in the open cell editor: the next key replaces what is there."""
    editor = focused()
    assert isinstance(editor, (QLineEdit, QSpinBox))
    editor.selectAll()


def create(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.sessionCreated, timeout=5000):
        press(qtbot, Qt.Key.Key_Return, CTRL)


# ---------------------------------------------------------------------- what is typed is sent
def test_ctrl_enter_with_the_quantity_still_in_its_editor_sends_that_quantity(
    qtbot: QtBot, window: MainWindow, emulator: InflowEmulator
) -> None:
    type_first_line(qtbot)
    assert window.one_time_form.table.state() == QAbstractItemView.State.EditingState
    create(qtbot, window)
    assert sent_products(emulator) == [{"name": "Starter kit", "price": 4999, "quantity": 2}]
    assert window.one_time_form.model.lines()[0].quantity == 2  # not fallen back to 1


def test_ctrl_enter_with_the_price_still_in_its_editor_sends_that_price(
    qtbot: QtBot, window: MainWindow, emulator: InflowEmulator
) -> None:
    type_first_line(qtbot, quantity=None)
    create(qtbot, window)
    assert sent_products(emulator) == [{"name": "Starter kit", "price": 4999, "quantity": 1}]
    assert window.one_time_form.model.lines()[0].price_text == "49.99"


def test_the_create_button_commits_the_open_editor_too(
    qtbot: QtBot, window: MainWindow, emulator: InflowEmulator
) -> None:
    type_first_line(qtbot, quantity="3")
    with qtbot.waitSignal(window.sessionCreated, timeout=5000):
        window.create_button.click()
    assert sent_products(emulator) == [{"name": "Starter kit", "price": 4999, "quantity": 3}]


def test_the_total_follows_the_editor_while_typing(qtbot: QtBot, window: MainWindow) -> None:
    type_text(qtbot, "Starter kit")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "49.9")
    assert "€49.90" in window.one_time_form.total_label.text()
    type_text(qtbot, "9")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "3")
    assert window.one_time_form.table.state() == QAbstractItemView.State.EditingState
    assert "€149.97" in window.one_time_form.total_label.text()
    # nothing is marked red while a price is still being typed, only once the cell is left
    press(qtbot, Qt.Key.Key_N, CTRL)
    type_text(qtbot, "Kit")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "49.9.")
    assert not window.one_time_form.cart_error.isVisible()
    press(qtbot, Qt.Key.Key_Tab)
    assert window.one_time_form.cart_error.isVisible()


def test_a_blank_last_row_is_dropped_at_create(
    qtbot: QtBot, window: MainWindow, emulator: InflowEmulator
) -> None:
    type_first_line(qtbot)
    press(qtbot, Qt.Key.Key_Return)  # Enter on the last row adds one (README)
    qtbot.waitUntil(lambda: window.one_time_form.model.rowCount() == 2)
    assert window.one_time_form.model.lines()[0].quantity == 2
    create(qtbot, window)
    assert sent_products(emulator) == [{"name": "Starter kit", "price": 4999, "quantity": 2}]
    assert window.one_time_form.model.rowCount() == 1
    assert not window.error_label.isVisible()


# ---------------------------------------------------------------------- where the keys go
def assert_typing_goes_to_the_first_product_cell(qtbot: QtBot, window: MainWindow) -> None:
    table = window.one_time_form.table
    widget: QWidget | None = focused()
    while widget is not None and widget is not table:
        widget = widget.parentWidget()
    assert widget is table, f"focus is on {focused().objectName() or focused()!r}"
    assert (table.currentIndex().row(), table.currentIndex().column()) == (0, Column.NAME)
    type_text(qtbot, "Next one")
    table.finish_editing()
    assert window.one_time_form.model.lines()[0].name == "Next one"


def test_the_first_product_name_can_be_typed_the_moment_the_window_shows(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert_typing_goes_to_the_first_product_cell(qtbot, window)


def test_after_next_caller_typing_goes_to_the_first_product_cell(
    qtbot: QtBot, window: MainWindow
) -> None:
    type_first_line(qtbot)
    create(qtbot, window)
    press(qtbot, Qt.Key.Key_N, CTRL | SHIFT)
    assert window.one_time_form.model.is_empty()
    assert_typing_goes_to_the_first_product_cell(qtbot, window)


def test_back_to_one_time_typing_goes_to_the_first_product_cell(
    qtbot: QtBot, full_window: MainWindow
) -> None:
    press(qtbot, Qt.Key.Key_2, CTRL)
    assert full_window.mode_switch.currentIndex() == 1
    press(qtbot, Qt.Key.Key_1, CTRL)
    assert full_window.mode_switch.currentIndex() == 0
    assert_typing_goes_to_the_first_product_cell(qtbot, full_window)


# ---------------------------------------------------------------------- shortcuts
@pytest.fixture
def full_window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    """The window as the app builds it (every stage: Subscription tab, history, About)."""
    from inflow_desk import app as desk_app
    from inflow_desk.storage.keystore import MemoryKeyStore

    desk = desk_app.build_desk(
        desk_app.parse_args(["--demo"]),
        qsettings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
        keystore=MemoryKeyStore(),
        history_file=tmp_path / "history.sqlite3",
    )
    window = desk.window
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    yield window
    desk.close()


def _shortcuts(window: QWidget) -> list[tuple[str, QWidget, QObject]]:
    """Every key the window binds: (keys, scope, what) — scope is the window for window-wide
    shortcuts, else the widget whose focus (with its children) enables it."""
    found: list[tuple[str, QWidget, QObject]] = []
    window_wide = (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut)
    for shortcut in window.findChildren(QShortcut):
        if not shortcut.isEnabled():  # Qt leaves disabled shortcuts out (never ambiguous)
            continue
        owner = shortcut.parent()
        assert isinstance(owner, QWidget)
        scope = window if shortcut.context() in window_wide else owner
        found.append((shortcut.key().toString(), scope, shortcut))
    for action in window.findChildren(QAction):
        widgets = [o for o in action.associatedObjects() if isinstance(o, QWidget)]
        for key in action.shortcuts():
            if action.shortcutContext() in window_wide or not widgets:
                found.append((key.toString(), window, action))
            else:
                for widget in widgets:
                    found.append((key.toString(), widget, action))
    return found


def _name(binding: QObject) -> str:
    parent = binding.parent()
    owner = parent.objectName() if isinstance(parent, QObject) else ""
    return f"{type(binding).__name__} {binding.objectName()} on {owner}"


def _overlap(a: QWidget, b: QWidget) -> bool:
    """Can one focus enable both? (one scope holds the other)"""
    return a is b or a.isAncestorOf(b) or b.isAncestorOf(a)


def test_no_two_shortcuts_share_a_key_sequence_in_one_context(full_window: MainWindow) -> None:
    found = _shortcuts(full_window)
    assert len(found) > 25  # the whole window was looked at: form, result, history, menus
    clashes = [
        (keys, _name(what), _name(other))
        for i, (keys, scope, what) in enumerate(found)
        for other_keys, other_scope, other in found[i + 1 :]
        if keys == other_keys and other is not what and _overlap(scope, other_scope)
    ]
    assert not clashes


def test_ctrl_1_switches_back_to_one_time(qtbot: QtBot, full_window: MainWindow) -> None:
    press(qtbot, Qt.Key.Key_2, CTRL)
    assert full_window.mode_switch.currentIndex() == 1
    press(qtbot, Qt.Key.Key_1, CTRL)
    assert full_window.mode_switch.currentIndex() == 0


def test_an_ambiguous_shortcut_is_logged(
    qtbot: QtBot, window: MainWindow, caplog: pytest.LogCaptureFixture
) -> None:
    hits: list[str] = []
    bind_shortcut(window, "Ctrl+F9", lambda: hits.append("a"))
    bind_shortcut(window, "Ctrl+F9", lambda: hits.append("b"))
    with caplog.at_level(logging.ERROR):
        press(qtbot, Qt.Key.Key_F9, CTRL)
    assert hits == []
    assert "ambiguous shortcut Ctrl+F9" in caplog.text


# ---------------------------------------------------------------------- the link on screen
def test_the_result_panel_says_what_the_link_charges(qtbot: QtBot, window: MainWindow) -> None:
    type_first_line(qtbot)
    create(qtbot, window)
    panel = window.result_panel
    assert panel.amount_label.text() == "€99.98"
    assert panel.charge_label.text().splitlines() == ["2 × Starter kit", "No customer e-mail"]


def test_a_link_for_the_previous_cart_is_marked_as_such(qtbot: QtBot, window: MainWindow) -> None:
    type_first_line(qtbot)
    create(qtbot, window)
    panel = window.result_panel
    assert panel.copied_label.text().startswith("Copied ✓")
    assert not panel.stale_label.isVisible()

    press(qtbot, Qt.Key.Key_F2)  # edit the quantity again: 2 -> 5
    select_all_in_editor()
    type_text(qtbot, "5")
    assert panel.stale_label.isVisible()  # already while the editor is open
    assert "Previous cart" in panel.stale_label.text()
    assert panel.copied_label.text() == ""  # no "paste it" for a link that no longer fits

    select_all_in_editor()
    type_text(qtbot, "2")  # back to what the link charges
    assert not panel.stale_label.isVisible()


def test_the_same_cart_again_asks_before_a_second_link(
    qtbot: QtBot, window: MainWindow, emulator: InflowEmulator
) -> None:
    type_first_line(qtbot)
    create(qtbot, window)
    first_url = window.result_panel.url
    assert QGuiApplication.clipboard().text() == first_url

    press(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.wait(200)
    assert len(emulator.requests_to(ONE_TIME_PATH, "POST")) == 1
    assert "already has a link, created at" in window.error_label.text()
    assert "Ctrl+Enter again" in window.error_label.text()
    assert QGuiApplication.clipboard().text() == first_url

    create(qtbot, window)  # the second Ctrl+Enter confirms
    assert len(emulator.requests_to(ONE_TIME_PATH, "POST")) == 2
    assert window.result_panel.url != first_url


def test_a_changed_cart_is_not_asked_about(
    qtbot: QtBot, window: MainWindow, emulator: InflowEmulator
) -> None:
    type_first_line(qtbot)
    create(qtbot, window)
    press(qtbot, Qt.Key.Key_F2)
    select_all_in_editor()
    type_text(qtbot, "5")
    create(qtbot, window)
    assert sent_products(emulator) == [{"name": "Starter kit", "price": 4999, "quantity": 5}]


# ---------------------------------------------------------------------- completion, colours
def test_enter_takes_the_first_suggestion_with_its_price(
    qtbot: QtBot, window: MainWindow, emulator: InflowEmulator
) -> None:
    window.recent_products.set_products([RecentProduct("Starter kit", 4999, Currency.EUR)])
    type_text(qtbot, "Sta")
    editor = focused()
    assert isinstance(editor, QLineEdit)
    completer = editor.completer()
    qtbot.waitUntil(lambda: completer.popup().isVisible())
    # with a popup open, Qt delivers the keys to the popup (QWidgetWindow does this)
    popup = QApplication.activePopupWidget()
    assert popup is completer.popup()
    qtbot.keyClick(popup, Qt.Key.Key_Return)  # one key: no Down needed
    assert window.one_time_form.model.lines()[0].price_cents == 4999
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "2")
    create(qtbot, window)
    assert sent_products(emulator) == [{"name": "Starter kit", "price": 4999, "quantity": 2}]


def delegate(table: LineItemsView, index: QModelIndex) -> QStyledItemDelegate:
    found = table.itemDelegateForIndex(index)
    assert isinstance(found, QStyledItemDelegate)
    return found


def test_an_invalid_cell_stays_red_when_selected(qtbot: QtBot, window: MainWindow) -> None:
    table = window.one_time_form.table
    assert isinstance(table, LineItemsView)
    type_text(qtbot, "Kit")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "49.9.9")
    press(qtbot, Qt.Key.Key_Tab)  # the price cell is now marked
    index = table.model().index(0, Column.PRICE)
    option = QStyleOptionViewItem()
    option.initFrom(table)
    delegate(table, index).initStyleOption(option, index)
    highlight = option.palette.color(QPalette.ColorRole.Highlight)
    assert highlight.red() > 120 and highlight.green() < 60 and highlight.blue() < 60
    valid = table.model().index(0, Column.NAME)
    option = QStyleOptionViewItem()
    option.initFrom(table)
    delegate(table, valid).initStyleOption(option, valid)
    assert option.palette.color(QPalette.ColorRole.Highlight) == table.palette().color(
        QPalette.ColorRole.Highlight
    )


# ---------------------------------------------------------------------- cancel
def test_esc_cancels_a_create_in_flight_and_says_a_link_may_exist(
    qtbot: QtBot, window: MainWindow, emulator: InflowEmulator
) -> None:
    from inflow_desk.emulator import Fault

    QGuiApplication.clipboard().setText("before")
    emulator.inject(Fault("latency", delay=5.0))
    type_first_line(qtbot)
    press(qtbot, Qt.Key.Key_Return, CTRL)
    assert not window.create_button.isEnabled()  # busy
    assert window.cancel_button.isVisible()
    emulator.wait_for_requests(1)  # the request reached the server
    with qtbot.waitSignal(window.requestFinished, timeout=2000):
        press(qtbot, Qt.Key.Key_Escape)
    assert not window.busy
    assert not window.cancel_button.isVisible()
    assert "Cancelled before Inflow answered" in window.error_label.text()
    assert "may have been created" in window.error_label.text()
    assert "dashboard" in window.error_label.text()
    assert QGuiApplication.clipboard().text() == "before"
    lines = window.one_time_form.model.lines()  # the form stays exactly as it was
    assert [(line.name, line.price_cents, line.quantity) for line in lines] == [
        ("Starter kit", 4999, 2)
    ]


def test_esc_does_nothing_to_the_window_when_nothing_is_in_flight(
    qtbot: QtBot, window: MainWindow
) -> None:
    type_text(qtbot, "Kit")
    press(qtbot, Qt.Key.Key_Escape)  # the cell editor's own Esc: drops what was typed
    assert window.one_time_form.model.lines()[0].name == ""
    assert not window.error_label.isVisible(), window.error_label.text()


# ---------------------------------------------------------------------- keys before their stage
def test_ctrl_2_and_f1_work_before_start_up_built_their_parts(qtbot: QtBot, tmp_path: Path) -> None:
    """The real start-up builds the Subscription tab and About after the first frame; a key
    pressed before that builds the part at once instead of being lost."""
    from inflow_desk import app as desk_app
    from inflow_desk.storage.keystore import MemoryKeyStore
    from inflow_desk.ui.about_dialog import AboutDialog

    desk = desk_app.build_desk(
        desk_app.parse_args(["--demo"]),
        qsettings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
        keystore=MemoryKeyStore(),
        history_file=tmp_path / "history.sqlite3",
        staged=True,  # nothing after the first frame has run
    )
    window = desk.window
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    try:
        assert (desk.subscription, desk.about) == (None, None)
        press(qtbot, Qt.Key.Key_2, CTRL)
        form = desk.subscription
        assert form is not None
        assert window.mode_switch.currentWidget() is form
        assert focused() is form.search_edit
        press(qtbot, Qt.Key.Key_F1)
        qtbot.waitUntil(lambda: window.findChild(AboutDialog) is not None)
        assert window.findChild(QAction, "aboutAction") is not None
    finally:
        desk.close()


def test_ctrl_enter_right_after_esc_creates_again_once_the_cancel_ended(
    qtbot: QtBot, window: MainWindow, emulator: InflowEmulator
) -> None:
    """Esc, Ctrl+Enter typed at once: the second key is not lost while the cancel ends."""
    from inflow_desk.emulator import Fault

    emulator.inject(Fault("latency", delay=5.0))
    type_first_line(qtbot)
    press(qtbot, Qt.Key.Key_Return, CTRL)
    emulator.wait_for_requests(1)
    with qtbot.waitSignal(window.sessionCreated, timeout=4000):
        press(qtbot, Qt.Key.Key_Escape)
        press(qtbot, Qt.Key.Key_Return, CTRL)  # still cancelling: remembered, then sent
    assert len(emulator.requests_to(ONE_TIME_PATH, "POST")) == 2
    assert sent_products(emulator) == [{"name": "Starter kit", "price": 4999, "quantity": 2}]


def test_keys_typed_right_after_enter_on_the_last_row_go_into_the_new_row(
    qtbot: QtBot, window: MainWindow
) -> None:
    type_first_line(qtbot)
    press(qtbot, Qt.Key.Key_Return)  # adds a row; its name cell takes the very next key
    type_text(qtbot, "Cable")
    window.one_time_form.table.finish_editing()
    names = [line.name for line in window.one_time_form.model.lines()]
    assert names == ["Starter kit", "Cable"]


def test_next_caller_while_a_link_is_on_its_way_says_to_wait(
    qtbot: QtBot, window: MainWindow, emulator: InflowEmulator
) -> None:
    from inflow_desk.emulator import Fault

    emulator.inject(Fault("latency", delay=0.5))
    type_first_line(qtbot)
    with qtbot.waitSignal(window.sessionCreated, timeout=5000):
        press(qtbot, Qt.Key.Key_Return, CTRL)
        press(qtbot, Qt.Key.Key_N, CTRL | SHIFT)  # too early: the form is kept, and it says so
        assert "once it is there" in window.status_label.text()
        assert window.one_time_form.model.lines()[0].name == "Starter kit"
