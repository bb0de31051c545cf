"""Issue 13 item 11 with real ``QThreadPool`` workers whose threads expire between tasks."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QRunnable, QThreadPool
from pytestqt.qtbot import QtBot

from inflow_desk.storage.history import HistoryStore
from tests.storage.test_history import one_time
from tests.storage.test_history_connections import descriptors_on

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/fd").is_dir(), reason="needs /proc (Linux) to count descriptors"
)


_seen = threading.local()  # fresh in every new thread, whatever ident the OS reuses


class _Job(QRunnable):
    def __init__(self, store: HistoryStore, n: int, threads: list[int], errors: list[str]) -> None:
        super().__init__()
        self._store, self._n, self._threads, self._errors = store, n, threads, errors

    def run(self) -> None:
        if not getattr(_seen, "marked", False):
            _seen.marked = True
            self._threads.append(self._n)
        try:
            self._store.add(one_time(self._n))
            self._store.page(0, 50)
        except Exception as exc:  # noqa: BLE001 - reported by the test
            self._errors.append(repr(exc))


def test_pool_tasks_across_thread_expiry_leave_at_most_two_connections(
    tmp_path: Path, qtbot: QtBot
) -> None:
    db_path = tmp_path / "history.sqlite3"
    store = HistoryStore(db_path)
    per_connection = descriptors_on(db_path)
    pool = QThreadPool()
    pool.setExpiryTimeout(10)  # ms: idle threads end almost at once; the next task gets a new one
    pool.setMaxThreadCount(4)
    threads: list[int] = []  # one entry per new thread
    errors: list[str] = []
    settled = 0
    try:
        for batch in range(15):
            for k in range(4):
                pool.start(_Job(store, batch * 4 + k, threads, errors))
            assert pool.waitForDone(20_000)
            qtbot.wait(40)  # the threads expire
            if batch == 2:
                settled = descriptors_on(db_path)
        assert errors == []
        assert store.count() == 60
        assert len(threads) > 8, "the pool should have used many short-lived threads"
        # SQLite keeps the descriptor of a closed connection for reuse while another one holds
        # a lock on the same file, so count growth, not an exact number.
        assert descriptors_on(db_path) <= max(settled, 3 * per_connection)
        assert store.open_connections <= 2
    finally:
        pool.waitForDone(20_000)
        store.close()
    assert descriptors_on(db_path) == 0
