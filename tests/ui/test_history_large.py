"""100,000 rows: the view opens lazily and filters correctly (speed: see the stall benchmark)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from inflow_desk.storage.history import HistoryStore, NewHistoryRecord
from inflow_desk.ui.history.model import PAGE_SIZE, HistoryColumn
from inflow_desk.ui.history.view import HistoryView
from tests.ui.conftest import FROZEN_NOW, Clock, find
from tests.ui.history_helpers import column_texts, one_time_record, open_store, wait_refreshed

ROWS = 100_000
pytestmark = pytest.mark.slow


def generated(n: int) -> NewHistoryRecord:
    """Row ``n``: e-mail ``customer{n % 1000}@…``, product ``Widget {n % 37}``, one per minute."""
    return one_time_record(
        n,
        email=f"customer{n % 1000}@example.org",
        name=f"Widget {n % 37}",
        price=100 + n % 5000,
        created_at=FROZEN_NOW - timedelta(minutes=ROWS - n),
    )


@pytest.fixture
def big_store(tmp_path: Path, qtbot: QtBot, clock: Clock) -> Iterator[HistoryStore]:
    for store in open_store(tmp_path, qtbot, clock):
        assert store.add_many(generated(n) for n in range(ROWS)) == ROWS
        yield store


def test_100k_rows_open_lazily_and_filter_correctly(
    qtbot: QtBot, big_store: HistoryStore, clock: Clock
) -> None:
    view = HistoryView(big_store, clock=clock)
    qtbot.addWidget(view)
    view.resize(1000, 500)
    view.show()
    qtbot.waitExposed(view)
    wait_refreshed(qtbot, view)
    model = view.model
    assert model.rowCount() == ROWS
    assert view.count_label.text() == "100,000 links"
    assert model.record_at(0) is not None and model.record_at(0).session_id == "sess_0099999"

    # The bottom of the table loads on demand: the oldest row, nothing in between.
    view.table.scrollToBottom()
    qtbot.waitUntil(lambda: model.record_at(ROWS - 1) is not None, timeout=10_000)
    assert model.data(model.index(ROWS - 1, HistoryColumn.SESSION_ID)) == "sess_0000000"
    assert model.record_at(ROWS // 2) is None  # never shown, never loaded

    search = find(view, QLineEdit, "historySearchEdit")
    with qtbot.waitSignal(model.refreshed, timeout=10_000):
        search.setText("customer42@")
    wait_refreshed(qtbot, view)
    expected = [f"sess_{n:07d}" for n in range(ROWS - 1, -1, -1) if n % 1000 == 42]
    assert model.rowCount() == len(expected) == 100
    assert column_texts(view, HistoryColumn.SESSION_ID) == expected
    assert set(column_texts(view, HistoryColumn.EMAIL)) == {"customer42@example.org"}

    with qtbot.waitSignal(model.refreshed, timeout=10_000):
        search.setText('"widget 36" customer7@')  # a phrase and a word
    wait_refreshed(qtbot, view)
    expected = [f"sess_{n:07d}" for n in range(ROWS - 1, -1, -1) if n % 37 == 36 and n % 1000 == 7]
    assert model.rowCount() == len(expected) > 0
    assert len(expected) < PAGE_SIZE
    assert column_texts(view, HistoryColumn.SESSION_ID) == expected

    with qtbot.waitSignal(model.refreshed, timeout=10_000):
        search.setText("sess_0031415")
    wait_refreshed(qtbot, view)
    assert column_texts(view, HistoryColumn.SESSION_ID) == ["sess_0031415"]
