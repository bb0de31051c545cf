"""Issue 13 item 11: the history store must not keep a SQLite connection per thread.

Each ``QThreadPool`` task may run on a fresh thread (threads expire after 30 s idle), so a
connection per thread meant a connection per created link: three more file descriptors (the
database, its WAL and its shared-memory file) and up to 32 MiB of page cache each, until exit.
These tests count the descriptors that point at the database's files and the process RSS.
"""

from __future__ import annotations

import gc
import os
import threading
from pathlib import Path

import pytest

from inflow_desk.storage.history import HistoryStore
from tests.storage.test_history import one_time

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/fd").is_dir(), reason="needs /proc (Linux) to count descriptors"
)


def descriptors_on(db_path: Path) -> int:
    """Open descriptors of this process on ``db_path`` and its ``-wal``/``-shm`` files."""
    names = {str(db_path), f"{db_path}-wal", f"{db_path}-shm"}
    count = 0
    for fd in os.listdir("/proc/self/fd"):
        try:
            if os.readlink(f"/proc/self/fd/{fd}") in names:
                count += 1
        except OSError:  # closed meanwhile (the listing's own descriptor)
            continue
    return count


def all_descriptors() -> int:
    return len(os.listdir("/proc/self/fd"))


def rss_bytes() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise AssertionError("no VmRSS in /proc/self/status")


def in_fresh_thread(fn: object) -> None:
    """Run ``fn`` in a thread that ends afterwards, as an expired pool thread does."""
    assert callable(fn)
    errors: list[BaseException] = []

    def run() -> None:
        try:
            fn()
        except BaseException as exc:  # noqa: BLE001 - re-raised below
            errors.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(30)
    if errors:
        raise errors[0]


def test_three_hundred_records_from_fresh_threads_leave_descriptors_and_memory_flat(
    tmp_path: Path,
) -> None:
    db_path = tmp_path / "history.sqlite3"
    store = HistoryStore(db_path)
    try:
        for n in range(20):  # warm-up: caches, allocator arenas, the first WAL pages
            in_fresh_thread(lambda n=n: store.add(one_time(n)))
            in_fresh_thread(lambda: store.page(0, 200))
        gc.collect()
        fds_before, on_db_before, rss_before = (
            all_descriptors(),
            descriptors_on(db_path),
            rss_bytes(),
        )
        for n in range(20, 320):  # each record and each refresh on a thread of its own
            in_fresh_thread(lambda n=n: store.add(one_time(n)))
            in_fresh_thread(lambda: (store.count(), store.page(0, 200)))
        gc.collect()
        fds_after, on_db_after, rss_after = all_descriptors(), descriptors_on(db_path), rss_bytes()
        assert store.count() == 320
    finally:
        store.close()
    assert on_db_after <= on_db_before, (on_db_before, on_db_after)
    assert fds_after - fds_before <= 2, (fds_before, fds_after)
    # The old store grew by ~74 MiB here (a page cache per thread); allow allocator noise.
    assert rss_after - rss_before < 12 * 1024 * 1024, (rss_before, rss_after)
    assert descriptors_on(db_path) == 0  # close() closed every connection


def test_many_threads_leave_at_most_two_connections(tmp_path: Path) -> None:
    db_path = tmp_path / "history.sqlite3"
    store = HistoryStore(db_path)
    try:
        per_connection = descriptors_on(db_path)  # the store's first connection: db, wal, shm
        assert per_connection >= 1
        for n in range(50):
            in_fresh_thread(lambda n=n: store.add(one_time(n)))
        assert descriptors_on(db_path) <= 2 * per_connection
        assert store.open_connections <= 2
    finally:
        store.close()
    assert store.open_connections == 0
    assert descriptors_on(db_path) == 0


def test_concurrent_threads_still_read_while_another_writes(tmp_path: Path) -> None:
    """Readers are not queued behind a writer waiting on SQLite's lock (WAL kept its point)."""
    import sqlite3

    db_path = tmp_path / "history.sqlite3"
    store = HistoryStore(db_path, busy_timeout=10)
    store.add(one_time(0))
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another window holds the write lock
    try:
        writer = threading.Thread(target=lambda: store.add(one_time(1)))
        writer.start()
        counts: list[int] = []
        reader = threading.Thread(target=lambda: counts.append(store.count()))
        reader.start()
        reader.join(5)
        assert counts == [1], "a read must not wait for the blocked writer"
        other.execute("COMMIT")
        writer.join(10)
        assert not writer.is_alive()
        assert store.count() == 2
    finally:
        other.close()
        store.close()
