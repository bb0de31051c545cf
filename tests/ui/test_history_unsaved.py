"""Issue 13 items 1 and 12 in the real window: a link the history could not take is shown and
copied, and the window says it was NOT saved; the commit runs off the GUI thread and the link
shows only once it answered; the new row is inserted into the history model, not rebuilt."""

from __future__ import annotations

import itertools
import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QThreadPool, QTimer
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from inflow_desk.emulator import InflowEmulator
from inflow_desk.storage.history import HistoryStore
from inflow_desk.ui.history.recorder import make_recorder
from inflow_desk.ui.history.view import HistoryView, dock_history
from inflow_desk.ui.main_window import MainWindow
from tests.ui.conftest import Clock
from tests.ui.history_helpers import one_time_record, wait_refreshed

ONE_TIME_PATH = "/api/checkout/sessions/one-time-payment"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "history.sqlite3"


@pytest.fixture
def store(db_path: Path, qtbot: QtBot, clock: Clock) -> Iterator[HistoryStore]:
    history = HistoryStore(db_path, clock=clock, busy_timeout=0.5)
    yield history
    QThreadPool.globalInstance().waitForDone(10_000)
    qtbot.wait(1)
    history.close()


def fill_cart(window: MainWindow) -> None:
    model = window.one_time_form.model
    model.setData(model.index(0, 0), "Starter kit")
    model.setData(model.index(0, 1), "49,99")
    model.setData(model.index(0, 2), 2)


def click_create(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.requestFinished, timeout=10_000):
        qtbot.mouseClick(window.create_button, Qt.MouseButton.LeftButton)


def test_a_link_the_history_refused_is_shown_copied_and_flagged_not_saved(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    store: HistoryStore,
    db_path: Path,
    emulator: InflowEmulator,
) -> None:
    window = make_window(record_session=make_recorder(store, profile="test"))
    fill_cart(window)
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # a lock that never clears
    try:
        click_create(qtbot, window)
    finally:
        other.rollback()
        other.close()

    [session_id] = emulator.sessions
    url = window.result_panel.url
    assert session_id in url and window.result_panel.url_edit.text() == url
    assert QGuiApplication.clipboard().text() == url  # still copied
    status = window.status_label.text()
    assert "Not saved to the history" in status, status
    assert "Link created ✓" not in status
    journal = db_path.parent / "history.pending.jsonl"
    assert str(journal) in status or journal.name in status, status
    assert session_id in journal.read_text("utf-8")
    assert store.count() == 0

    # The next create, with the database working again, saves both: the journaled one too.
    window.new_link()
    fill_cart(window)
    click_create(qtbot, window)
    assert window.status_label.text() == "Link created ✓"
    assert store.count() == 2
    assert {r.session_id for r in store.page(0, 10)} == set(emulator.sessions)


def test_the_commit_runs_off_the_gui_thread_and_the_link_waits_for_it(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    db_path: Path,
    clock: Clock,
    emulator: InflowEmulator,
) -> None:
    store = HistoryStore(db_path, clock=clock, busy_timeout=5)
    window = make_window(record_session=make_recorder(store, profile="test"))
    fill_cart(window)
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # the commit has to wait for this lock
    try:
        timer.start()
        qtbot.mouseClick(window.create_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: len(emulator.sessions) == 1, timeout=5000)
        qtbot.wait(700)  # Inflow answered long ago; the commit is still waiting for the lock
        assert window.result_panel.url == "", "the link was shown before it was saved"
        assert not window.create_button.isEnabled()  # still one create at a time
        other.rollback()  # the lock clears: the commit goes through, then the link shows
        qtbot.waitUntil(lambda: window.result_panel.url != "", timeout=5000)
        timer.stop()
    finally:
        if other.in_transaction:
            other.rollback()
        other.close()
        QThreadPool.globalInstance().waitForDone(10_000)
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    assert max(gaps) < 0.25, f"the GUI thread stalled {max(gaps) * 1000:.0f} ms"
    assert window.status_label.text() == "Link created ✓"
    [session_id] = emulator.sessions
    assert [r.session_id for r in store.page(0, 10)] == [session_id]
    store.close()


def test_the_new_row_is_inserted_into_the_history_not_rebuilt(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    store: HistoryStore,
    clock: Clock,
    emulator: InflowEmulator,
) -> None:
    store.add_many(one_time_record(n, session_id=f"sess_old_{n:04d}") for n in range(450))
    recorder = make_recorder(store, profile="test")
    window = make_window(record_session=recorder)
    view = HistoryView(store, clock=clock, profile="test")
    dock_history(window, window, view)
    recorder.recorded.connect(view.add_record)  # as app.py wires them
    wait_refreshed(qtbot, view)
    assert view.model.rowCount() == 450
    resets: list[int] = []
    inserted: list[tuple[int, int]] = []
    view.model.modelAboutToBeReset.connect(lambda: resets.append(1))
    view.model.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))
    fill_cart(window)
    with qtbot.waitSignal(window.sessionCreated, timeout=10_000):
        qtbot.mouseClick(window.create_button, Qt.MouseButton.LeftButton)
    qtbot.wait(200)  # anything the create might still trigger
    [session_id] = emulator.sessions
    assert resets == [], "the history was rebuilt after a create"
    assert inserted == [(0, 0)]
    assert view.model.rowCount() == 451
    top = view.model.record_at(0)
    assert top is not None and top.session_id == session_id
    assert view.current_record() == top
    # the rows below moved down by one and are still right
    second = view.model.record_at(1)
    assert second is not None and second.session_id == store.page(1, 1)[0].session_id
    assert view.count_label.text() == "451 links"
