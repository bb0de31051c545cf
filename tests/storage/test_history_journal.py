"""Issue 13 item 1 (storage side): a session the database cannot take is journaled, never lost,
and moves into the history exactly once when the database works again."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from inflow_desk.storage.history import HistoryStore
from inflow_desk.storage.history_journal import (
    HistoryJournal,
    HistoryProblem,
    HistoryWriter,
    RecordStatus,
    journal_path_for,
    record_from_json,
    record_to_json,
)
from tests.storage.test_history import FAKE_API_KEY, fields_of, one_time, subscription

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "history.sqlite3"


@pytest.fixture
def store(db_path: Path) -> Iterator[HistoryStore]:
    s = HistoryStore(db_path, busy_timeout=0.3)
    yield s
    s.close()


def locked(db_path: Path) -> sqlite3.Connection:
    """Another connection that holds the database's write lock until closed."""
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    return other


def journal_lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def dev_full_opener(path: str, flags: int) -> int:
    """The journal's file layer answers every write with ENOSPC (a real kernel error)."""
    return os.open("/dev/full", os.O_WRONLY)


def corrupt_pages(db_path: Path) -> None:
    """Overwrite every page but the first: the header stays valid, the b-trees are garbage."""
    page = 4096
    size = db_path.stat().st_size
    assert size > 2 * page
    with db_path.open("r+b") as f:
        for n in range(1, size // page):
            f.seek(n * page)
            f.write(b"\x5a" * page)


def test_journal_path_is_next_to_the_database_and_not_sqlites_own_name(db_path: Path) -> None:
    assert journal_path_for(db_path) == db_path.parent / "history.pending.jsonl"


@pytest.mark.parametrize("record", [one_time(3), subscription(4)], ids=["one_time", "sub"])
def test_journal_lines_round_trip_every_field(record: object) -> None:
    from inflow_desk.storage.history import NewHistoryRecord

    assert isinstance(record, NewHistoryRecord)
    line = json.dumps(record_to_json(record))
    assert fields_of(record_from_json(json.loads(line))) == fields_of(record)


def test_saved_when_the_database_works(store: HistoryStore, db_path: Path) -> None:
    writer = HistoryWriter(store, HistoryJournal(journal_path_for(db_path)))
    outcome = writer.record(one_time(1))
    assert outcome.status is RecordStatus.SAVED and outcome.saved
    assert outcome.record is not None and store.get(outcome.record.id) == outcome.record
    assert outcome.problem is None and outcome.pending == 0
    assert not journal_path_for(db_path).exists()


def test_a_lock_that_never_clears_journals_then_replays_exactly_once(
    store: HistoryStore, db_path: Path
) -> None:
    journal = HistoryJournal(journal_path_for(db_path))
    writer = HistoryWriter(store, journal)
    store.add(one_time(0))
    other = locked(db_path)
    try:
        first = writer.record(one_time(1))
        second = writer.record(one_time(2))
    finally:
        other.rollback()
        other.close()
    assert first.status is second.status is RecordStatus.JOURNALED
    assert first.problem is HistoryProblem.LOCKED
    assert first.journal == journal.path
    assert second.pending == 2
    assert [line["session_id"] for line in journal_lines(journal.path)] == [
        "sess_000001",
        "sess_000002",
    ]
    assert store.count() == 1  # the lock held: nothing reached the database

    third = writer.record(one_time(3))  # the database works again
    assert third.status is RecordStatus.SAVED
    assert third.replayed == 2 and third.pending == 0
    assert journal_lines(journal.path) == []
    assert writer.replay() == 0  # exactly once
    assert store.count() == 4
    ids = [r.session_id for r in store.page(0, 10)]
    assert sorted(ids) == ["sess_000000", "sess_000001", "sess_000002", "sess_000003"]


def test_recording_waits_seconds_not_the_stores_busy_timeout_for_a_lock(db_path: Path) -> None:
    store = HistoryStore(db_path, busy_timeout=3)
    writer = HistoryWriter(store, HistoryJournal(journal_path_for(db_path)), busy_timeout=0.3)
    other = locked(db_path)
    try:
        started = time.perf_counter()
        outcome = writer.record(one_time(1))
        took = time.perf_counter() - started
    finally:
        other.rollback()
        other.close()
    try:
        assert outcome.status is RecordStatus.JOURNALED and outcome.problem is HistoryProblem.LOCKED
        assert 0.2 < took < 2, took
        # Other writes (same pooled connection) wait the store's own timeout again: a lock
        # held for 1 s does not make them fail.
        holding = threading.Event()

        def hold_lock_for_a_second() -> None:
            conn = locked(db_path)
            holding.set()
            time.sleep(1.0)
            conn.rollback()
            conn.close()

        holder = threading.Thread(target=hold_lock_for_a_second)
        holder.start()
        assert holding.wait(5)
        try:
            store.save_draft("default", {"email": "a@example.org"})
        finally:
            holder.join()
        assert store.load_draft("default") is not None
    finally:
        store.close()


def test_replay_after_a_crash_between_commit_and_truncation_adds_nothing_twice(
    store: HistoryStore, db_path: Path
) -> None:
    journal = HistoryJournal(journal_path_for(db_path))
    journal.append([one_time(1), one_time(2)])
    store.add_missing([one_time(1), one_time(2)])  # committed; then the process died
    journal.append([one_time(2)])  # and the same record journaled twice, for good measure
    assert HistoryWriter(store, journal).replay() == 0
    assert store.count() == 2
    assert journal.count() == 0


def test_replay_at_start_up_moves_the_journal_in(db_path: Path) -> None:
    journal = HistoryJournal(journal_path_for(db_path))
    # The database could not be opened last time: everything went to the journal.
    gone = HistoryWriter(None, journal).record(one_time(1))
    assert gone.status is RecordStatus.JOURNALED
    assert gone.problem is HistoryProblem.UNAVAILABLE
    with HistoryStore(db_path) as store:  # the next start-up
        assert HistoryWriter(store, journal).replay() == 1
        assert [r.session_id for r in store.page(0, 10)] == ["sess_000001"]
    with HistoryStore(db_path) as store:  # and the one after that
        assert HistoryWriter(store, journal).replay() == 0
        assert store.count() == 1


def test_a_file_with_a_valid_header_and_corrupt_pages_journals(db_path: Path) -> None:
    with HistoryStore(db_path) as fresh:
        fresh.add_many(one_time(n) for n in range(300))
    corrupt_pages(db_path)
    store = HistoryStore(db_path)  # the header is fine, so it opens
    try:
        outcome = HistoryWriter(store, HistoryJournal(journal_path_for(db_path))).record(
            one_time(999)
        )
    finally:
        store.close()
    assert outcome.status is RecordStatus.JOURNALED
    assert outcome.problem is HistoryProblem.DAMAGED
    assert [line["session_id"] for line in journal_lines(journal_path_for(db_path))] == [
        "sess_000999"
    ]
    # The agent moves the damaged file away; the next start-up gets the session back.
    shutil.move(db_path, db_path.with_suffix(".damaged"))
    for suffix in ("-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    with HistoryStore(db_path) as repaired:
        HistoryWriter(repaired, HistoryJournal(journal_path_for(db_path))).replay()
        assert [r.session_id for r in repaired.page(0, 10)] == ["sess_000999"]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_when_the_journal_hits_enospc_too_the_record_stays_in_memory(
    store: HistoryStore, db_path: Path
) -> None:
    journal = HistoryJournal(journal_path_for(db_path), opener=dev_full_opener)
    writer = HistoryWriter(store, journal)
    other = locked(db_path)
    try:
        outcome = writer.record(one_time(1))
    finally:
        other.rollback()
        other.close()
    assert outcome.status is RecordStatus.MEMORY_ONLY
    assert outcome.problem is HistoryProblem.LOCKED
    assert outcome.journal_problem is HistoryProblem.DISK_FULL
    assert outcome.pending == 1
    later = writer.record(one_time(2))  # the database works again: memory moves in
    assert later.status is RecordStatus.SAVED and later.replayed == 1
    assert store.count() == 2 and writer.pending == 0


def test_a_torn_line_does_not_swallow_the_next_record(db_path: Path) -> None:
    journal = HistoryJournal(journal_path_for(db_path))
    journal.append([one_time(1)])
    with journal.path.open("ab") as f:
        f.write(b'{"format": 1, "created_at": "2024-')  # the app died mid-append
    journal.append([one_time(2)])
    with HistoryStore(db_path) as store:
        assert HistoryWriter(store, journal).replay() == 2
    damaged = journal.path.with_name(journal.path.name + ".damaged")
    assert damaged.read_bytes().startswith(b'{"format": 1, "created_at": "2024-')


def test_the_journal_never_contains_an_api_key(db_path: Path) -> None:
    journal = HistoryJournal(journal_path_for(db_path))
    HistoryWriter(None, journal).record(one_time(1))
    assert FAKE_API_KEY not in journal.path.read_text("utf-8")
    assert "key" not in " ".join(journal_lines(journal.path)[0]).lower()


# A real full disk: a 1 MiB tmpfs in a private mount namespace (root or user namespaces).
_FULL_DISK_CHILD = textwrap.dedent(
    """
    import json, os, sys
    from pathlib import Path
    sys.path.insert(0, sys.argv[2])
    from inflow_desk.storage.history import HistoryStore
    from inflow_desk.storage.history_journal import HistoryJournal, HistoryWriter, journal_path_for
    from tests.storage.test_history import one_time

    folder = Path(sys.argv[1])
    db = folder / "history.sqlite3"
    store = HistoryStore(db, busy_timeout=0.5)
    writer = HistoryWriter(store, HistoryJournal(journal_path_for(db)))
    first = writer.record(one_time(1)).status.value
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    for chunk in (65536, 4096, 1):  # fill the disk to the last byte
        try:
            while True:
                os.write(fd, b"x" * chunk)
        except OSError:
            pass
    os.close(fd)
    results = []
    for n in range(2, 40):  # enough to outgrow whatever the WAL file had room for
        outcome = writer.record(one_time(n))
        results.append([outcome.status.value, outcome.problem, outcome.journal_problem])
        if outcome.status.value != "saved":
            break
    filler.unlink()  # space again
    last = writer.record(one_time(100))
    print(json.dumps({"first": first, "results": results,
                      "last": [last.status.value, last.replayed, last.pending],
                      "count": store.count()}))
    store.close()
    """
)


def test_a_really_full_disk_keeps_the_record_and_replays_it(tmp_path: Path) -> None:
    if shutil.which("unshare") is None or shutil.which("mount") is None:
        pytest.skip("needs unshare and mount")
    mount = tmp_path / "tiny"
    mount.mkdir()
    script = tmp_path / "child.py"
    script.write_text(_FULL_DISK_CHILD)
    shell = f"mount -t tmpfs -o size=1m tmpfs {mount} && {sys.executable} {script} {mount} {ROOT}"
    probe = subprocess.run(
        ["unshare", "-rm", "true"], capture_output=True, text=True, check=False, timeout=30
    )
    if probe.returncode != 0:
        pytest.skip(f"no private mount namespace here: {probe.stderr.strip()}")
    result = subprocess.run(
        ["unshare", "-rm", "sh", "-c", shell],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    if result.returncode != 0 and "mount" in result.stderr and "permission" in result.stderr:
        pytest.skip(f"cannot mount a tmpfs here: {result.stderr.strip()}")
    assert result.returncode == 0, result.stderr[-2000:]
    out = json.loads(result.stdout.strip().splitlines()[-1])
    assert out["first"] == "saved"
    status, problem, journal_problem = out["results"][-1]
    # Full to the byte: the database says so, and the journal cannot take a line either.
    assert status == "memory_only", out
    assert problem == "disk_full" and journal_problem == "disk_full", out
    saved_before = len(out["results"]) - 1
    last_status, replayed, pending = out["last"]
    assert last_status == "saved" and replayed == 1 and pending == 0, out
    assert out["count"] == 1 + saved_before + 1 + 1
