"""The history by keyboard, as the README promises: Ctrl+H goes to the filter (never hides the
history), Down enters the rows, Ctrl+C / Space / Ctrl+R / Ctrl+E work from the filter too, and
Esc goes back to the form."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
import zxingcpp
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QApplication, QDockWidget, QFileDialog, QLabel
from pytestqt.qtbot import QtBot

from inflow_desk.storage.history import HistoryStore
from inflow_desk.ui.checkout.line_items_model import Column
from inflow_desk.ui.history.recorder import make_recorder
from inflow_desk.ui.history.view import HistoryView, dock_history
from inflow_desk.ui.main_window import MainWindow
from tests.ui.conftest import FROZEN_NOW, Clock, find, focused, press, type_text
from tests.ui.history_helpers import one_time_record, open_store, wait_refreshed

CTRL = Qt.KeyboardModifier.ControlModifier
ALICE_URL = "https://checkout.inflowpay.com/pay/sess_0000001"
BOB_URL = "https://checkout.inflowpay.com/pay/sess_0000002"


@pytest.fixture
def store(tmp_path: Path, qtbot: QtBot, clock: Clock) -> Iterator[HistoryStore]:
    yield from open_store(tmp_path, qtbot, clock)


@pytest.fixture
def desk(
    qtbot: QtBot, make_window: Callable[..., MainWindow], store: HistoryStore, clock: Clock
) -> tuple[MainWindow, HistoryView]:
    """A window with its history: Alice's link (older) and Bob's (newest, row 0)."""
    store.add(one_time_record(1, email="alice@example.org", name="Starter kit", price=4999))
    later = FROZEN_NOW + timedelta(minutes=1)
    store.add(one_time_record(2, email="bob@example.org", name="Gift card", created_at=later))
    window = make_window(record_session=make_recorder(store, profile="test"))
    view = HistoryView(store, clock=clock, profile="test")
    dock_history(window, window, view)  # as app.py docks it
    wait_refreshed(qtbot, view)
    assert view.model.rowCount() == 2
    window.current_mode().focus_first()
    qtbot.waitUntil(lambda: in_form(window))
    return window, view


def in_form(window: MainWindow) -> bool:
    """The focus is where ``current_mode().focus_first()`` puts it: the first product name."""
    widget = QApplication.focusWidget()
    table = window.one_time_form.table
    return (
        widget is not None
        and (widget is table or table.isAncestorOf(widget))
        and table.currentIndex().row() == 0
        and table.currentIndex().column() == Column.NAME
    )


def go_to_history(qtbot: QtBot, view: HistoryView) -> None:
    press(qtbot, Qt.Key.Key_H, CTRL)
    assert view.search_edit.hasFocus()


def filter_by(qtbot: QtBot, view: HistoryView, text: str) -> None:
    type_text(qtbot, text)
    qtbot.waitUntil(lambda: view.model.filter_text == text and not view.model.is_refreshing)
    wait_refreshed(qtbot, view)


def test_ctrl_h_goes_to_the_filter_and_never_hides_the_history(
    qtbot: QtBot, desk: tuple[MainWindow, HistoryView]
) -> None:
    window, view = desk
    dock = find(window, QDockWidget, "historyDock")
    assert dock.isVisible()
    go_to_history(qtbot, view)
    assert dock.isVisible()
    press(qtbot, Qt.Key.Key_H, CTRL)  # again: still there, still in the filter
    assert dock.isVisible() and view.search_edit.hasFocus()

    # Hiding stays in the View menu; Ctrl+H brings a hidden history back, at its filter.
    toggle = find(window, QAction, "toggleHistoryAction")
    assert toggle in window.menu("&View").actions()
    toggle.trigger()
    assert not dock.isVisible()
    window.current_mode().focus_first()
    press(qtbot, Qt.Key.Key_H, CTRL)
    assert dock.isVisible()
    assert view.search_edit.hasFocus()

    go = find(window, QAction, "goToHistoryAction")
    assert go in window.menu("&View").actions()
    assert go.shortcut().toString() == "Ctrl+H" and "Ctrl+H" in go.toolTip()
    assert toggle.shortcut().isEmpty()


def test_down_enters_the_rows_and_esc_returns_to_the_form(
    qtbot: QtBot, desk: tuple[MainWindow, HistoryView]
) -> None:
    window, view = desk
    view.table.clearSelection()
    view.table.setCurrentIndex(view.model.index(-1, -1))
    go_to_history(qtbot, view)
    press(qtbot, Qt.Key.Key_Down)
    assert view.table.hasFocus()
    assert view.table.currentIndex().row() == 0
    assert view.selected_rows() == [0]
    press(qtbot, Qt.Key.Key_Down)  # the table's own keys from here on
    assert view.table.currentIndex().row() == 1
    press(qtbot, Qt.Key.Key_Up)
    assert view.table.hasFocus() and view.table.currentIndex().row() == 0
    press(qtbot, Qt.Key.Key_Up)  # above the first row: back in the filter
    assert view.search_edit.hasFocus()
    press(qtbot, Qt.Key.Key_Down)
    assert view.table.hasFocus() and view.table.currentIndex().row() == 0

    press(qtbot, Qt.Key.Key_Escape)  # from the rows
    assert in_form(window)

    go_to_history(qtbot, view)
    press(qtbot, Qt.Key.Key_Escape)  # from the filter
    assert in_form(window)


def test_down_after_typing_a_filter_lands_on_the_first_match(
    qtbot: QtBot, desk: tuple[MainWindow, HistoryView]
) -> None:
    _, view = desk
    view.select_row(1)  # Alice's row was highlighted; she matches the filter, but second
    go_to_history(qtbot, view)
    filter_by(qtbot, view, "example.org")
    assert view.model.rowCount() == 2
    press(qtbot, Qt.Key.Key_Down)
    assert view.table.hasFocus() and view.table.currentIndex().row() == 0
    assert view.selected_rows() == [0]
    record = view.current_record()
    assert record is not None and record.customer_email == "bob@example.org"


def test_ctrl_c_from_the_filter_copies_the_first_match_even_before_the_filter_ran(
    qtbot: QtBot, desk: tuple[MainWindow, HistoryView]
) -> None:
    _, view = desk
    go_to_history(qtbot, view)
    QGuiApplication.clipboard().setText("untouched")
    # Typed and copied at once, within the filter's debounce: the link must be Alice's (the
    # match of what was typed), not Bob's (row 0 of the list before the filter applied).
    type_text(qtbot, "alice")
    press(qtbot, Qt.Key.Key_C, CTRL)
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() != "untouched", timeout=5000)
    assert QGuiApplication.clipboard().text() == ALICE_URL
    assert view.search_edit.hasFocus() and view.search_edit.text() == "alice"
    assert "copied" in find(view, QLabel, "historyMessageLabel").text()
    assert view.current_record() is not None and view.current_record().session_id.endswith("1")


def test_ctrl_c_from_the_filter_uses_the_highlighted_row(
    qtbot: QtBot, desk: tuple[MainWindow, HistoryView]
) -> None:
    _, view = desk
    view.select_row(1)  # picked with the mouse or the arrows: Alice
    go_to_history(qtbot, view)
    press(qtbot, Qt.Key.Key_C, CTRL)
    assert QGuiApplication.clipboard().text() == ALICE_URL
    view.table.clearSelection()
    view.table.setCurrentIndex(view.model.index(-1, -1))
    press(qtbot, Qt.Key.Key_C, CTRL)  # nothing highlighted: the first row, Bob
    assert QGuiApplication.clipboard().text() == BOB_URL
    assert view.selected_rows() == [0]  # and the row acted on is shown


def test_ctrl_c_from_a_filter_without_match_copies_nothing(
    qtbot: QtBot, desk: tuple[MainWindow, HistoryView]
) -> None:
    _, view = desk
    go_to_history(qtbot, view)
    filter_by(qtbot, view, "nobody")
    assert view.model.rowCount() == 0
    QGuiApplication.clipboard().setText("untouched")
    press(qtbot, Qt.Key.Key_C, CTRL)
    qtbot.wait(50)
    assert QGuiApplication.clipboard().text() == "untouched"


def test_space_from_the_filter_shows_the_qr_but_types_spaces_inside_words(
    qtbot: QtBot, desk: tuple[MainWindow, HistoryView]
) -> None:
    _, view = desk
    go_to_history(qtbot, view)
    filter_by(qtbot, view, "gift card")  # a space between words is part of the filter
    assert view.search_edit.text() == "gift card"
    assert view.model.rowCount() == 1
    shown = [w.objectName() for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert "historyQrWindow" not in shown  # typing a space showed no QR code

    go_to_history(qtbot, view)  # Ctrl+H selects the filter: a space now would lead it
    press(qtbot, Qt.Key.Key_Space)
    assert view.search_edit.text() == "gift card"
    qr_window = view.qr_window
    assert qr_window is not None and qr_window.isVisible()
    qtbot.waitExposed(qr_window)
    big = qr_window.findChild(QLabel, "bigQrCodeLabel")
    assert big is not None
    [result] = zxingcpp.read_barcodes(big.pixmap().toImage())
    assert result.text == BOB_URL
    qr_window.close()


def test_ctrl_r_from_the_filter_loads_the_match_into_the_form(
    qtbot: QtBot, desk: tuple[MainWindow, HistoryView]
) -> None:
    window, view = desk
    go_to_history(qtbot, view)
    filter_by(qtbot, view, "alice")
    with qtbot.waitSignal(view.createAgainRequested, timeout=5000) as requested:
        press(qtbot, Qt.Key.Key_R, CTRL)
    assert requested.args[0] == "one_time"
    assert requested.args[1]["customerEmail"] == "alice@example.org"
    assert window.options_form.email_edit.text() == "alice@example.org"
    model = window.one_time_form.model
    assert model.data(model.index(0, Column.NAME)) == "Starter kit"


def test_ctrl_e_from_the_filter_exports_the_match(
    qtbot: QtBot,
    desk: tuple[MainWindow, HistoryView],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _, view = desk
    target = tmp_path / "bob.csv"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "CSV (*.csv)"))
    )
    go_to_history(qtbot, view)
    filter_by(qtbot, view, "bob")
    with qtbot.waitSignal(view.exported, timeout=5000) as done:
        press(qtbot, Qt.Key.Key_E, CTRL)
    assert done.args == [str(target), 1]
    text = target.read_text(encoding="utf-8-sig")
    assert "sess_0000002" in text and "sess_0000001" not in text
    assert focused() is view.search_edit
