"""Created sessions the history database could not take are never lost (no Qt).

A link the agent handed out must be in the history. When the database refuses a write — the
disk is full, the file is damaged, another program holds its lock — :class:`HistoryWriter`
keeps the record in a small append-only journal next to the database (JSON lines, fsync'd:
:class:`HistoryJournal`), or in memory when even that fails, and says which in a typed
:class:`RecordOutcome`. Journaled records move into the database at the next successful write
or when :meth:`HistoryWriter.replay` runs (start-up), exactly once: a record counts as stored
when a row has its session id and creation instant (:meth:`HistoryStore.add_missing`), so a
crash between the database commit and the journal's truncation adds nothing twice.

Two app windows (processes) may share one history file and therefore one journal: appends and
the replay's read-then-truncate hold an exclusive ``flock`` on the journal file (POSIX). The
journal is truncated, never deleted, so a writer waiting for the lock never writes into a
removed file.

There is no API key in a journal line: :class:`NewHistoryRecord` has no field for one.
"""

from __future__ import annotations

import contextlib
import dataclasses
import errno
import json
import logging
import os
import sqlite3
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import IO, Any, Final

from inflow_desk.storage.history import (
    HistoryError,
    HistoryLineItem,
    HistoryRecord,
    HistoryStore,
    NewHistoryRecord,
    SessionKind,
)

__all__ = [
    "HistoryJournal",
    "HistoryProblem",
    "HistoryWriter",
    "RecordOutcome",
    "RecordStatus",
    "journal_path_for",
    "problem_of",
    "record_from_json",
    "record_to_json",
]

log = logging.getLogger(__name__)

#: ``os.open``-style opener (``open(..., opener=...)``); tests inject the file layer with it.
Opener = Callable[[str, int], int]

JOURNAL_FORMAT: Final = 1

#: How long recording a created session waits for another program's write lock before the
#: record goes to the journal (the agent waits for the link meanwhile; two windows writing at
#: once take milliseconds).
RECORD_BUSY_TIMEOUT: Final = 3.0


def journal_path_for(db_path: Path) -> Path:
    """The journal of the database at ``db_path``: ``history.sqlite3`` → ``history.pending.jsonl``
    in the same folder (not ``…-journal``: that name belongs to SQLite)."""
    return db_path.with_name(db_path.stem + ".pending.jsonl")


# ---------------------------------------------------------------------------------- outcome


class RecordStatus(StrEnum):
    """Where a created session ended up."""

    SAVED = "saved"  # in the history database, committed
    JOURNALED = "journaled"  # in the journal file; moved into the history later
    MEMORY_ONLY = "memory_only"  # in this process only: lost if the app quits before a replay


class HistoryProblem(StrEnum):
    """Why the database (or the journal) did not take a record; ``ui/errors.py`` words it."""

    DISK_FULL = "disk_full"
    LOCKED = "locked"  # another program holds the write lock longer than the busy timeout
    DAMAGED = "damaged"  # the file is not a database, or its pages are corrupt
    NOT_WRITABLE = "not_writable"  # permissions, read-only file system
    IO_ERROR = "io_error"
    UNAVAILABLE = "unavailable"  # the database could not be opened at all (see the log)
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class RecordOutcome:
    """The typed result of :meth:`HistoryWriter.record`."""

    status: RecordStatus
    #: The stored row (``SAVED`` only).
    record: HistoryRecord | None = None
    #: Why the database did not take the record (not ``SAVED``).
    problem: HistoryProblem | None = None
    #: The journal file (kept in it when ``JOURNALED``).
    journal: Path | None = None
    #: Why the journal did not take it either (``MEMORY_ONLY``).
    journal_problem: HistoryProblem | None = None
    #: Earlier journaled/in-memory records this write moved into the database.
    replayed: int = 0
    #: Records still waiting outside the database after this write (this one included).
    pending: int = 0

    @property
    def saved(self) -> bool:
        return self.status is RecordStatus.SAVED


_SQLITE_PROBLEMS: Final = {
    sqlite3.SQLITE_FULL: HistoryProblem.DISK_FULL,
    sqlite3.SQLITE_BUSY: HistoryProblem.LOCKED,
    sqlite3.SQLITE_LOCKED: HistoryProblem.LOCKED,
    sqlite3.SQLITE_CORRUPT: HistoryProblem.DAMAGED,
    sqlite3.SQLITE_NOTADB: HistoryProblem.DAMAGED,
    sqlite3.SQLITE_READONLY: HistoryProblem.NOT_WRITABLE,
    sqlite3.SQLITE_PERM: HistoryProblem.NOT_WRITABLE,
    sqlite3.SQLITE_CANTOPEN: HistoryProblem.NOT_WRITABLE,
    sqlite3.SQLITE_IOERR: HistoryProblem.IO_ERROR,
}

_OS_PROBLEMS: Final = {
    errno.ENOSPC: HistoryProblem.DISK_FULL,
    errno.EDQUOT: HistoryProblem.DISK_FULL,
    errno.EACCES: HistoryProblem.NOT_WRITABLE,
    errno.EPERM: HistoryProblem.NOT_WRITABLE,
    errno.EROFS: HistoryProblem.NOT_WRITABLE,
    errno.EIO: HistoryProblem.IO_ERROR,
}


def problem_of(exc: BaseException) -> HistoryProblem:
    """The :class:`HistoryProblem` an exception of the store or the journal stands for."""
    if isinstance(exc, sqlite3.Error):
        code = getattr(exc, "sqlite_errorcode", None)
        if isinstance(code, int):
            return _SQLITE_PROBLEMS.get(code & 0xFF, HistoryProblem.OTHER)
        return HistoryProblem.OTHER
    if isinstance(exc, OSError) and exc.errno is not None:
        return _OS_PROBLEMS.get(exc.errno, HistoryProblem.IO_ERROR)
    if isinstance(exc, HistoryError):
        return HistoryProblem.UNAVAILABLE
    return HistoryProblem.OTHER


# ---------------------------------------------------------------------------------- journal


def record_to_json(record: NewHistoryRecord) -> dict[str, Any]:
    """A journal line's data: every field of :class:`NewHistoryRecord`, datetimes as ISO 8601."""
    data: dict[str, Any] = {"format": JOURNAL_FORMAT}
    for field in dataclasses.fields(NewHistoryRecord):
        value = getattr(record, field.name)
        if isinstance(value, datetime):
            value = value.isoformat()
        elif isinstance(value, SessionKind):
            value = value.value
        elif field.name == "line_items":
            value = [item.to_json() for item in value]
        data[field.name] = value
    return data


def record_from_json(data: dict[str, Any]) -> NewHistoryRecord:
    """The record of a journal line (raises ``ValueError``/``KeyError``/``TypeError`` if bad)."""
    if data.get("format") != JOURNAL_FORMAT:
        raise ValueError(f"unknown journal format {data.get('format')!r}")
    values = {field.name: data[field.name] for field in dataclasses.fields(NewHistoryRecord)}
    values["created_at"] = datetime.fromisoformat(values["created_at"])
    values["expires_at"] = datetime.fromisoformat(values["expires_at"])
    values["kind"] = SessionKind(values["kind"])
    values["line_items"] = tuple(
        HistoryLineItem(str(i["name"]), int(i["unit_price_cents"]), int(i["quantity"]))
        for i in values["line_items"]
    )
    return NewHistoryRecord(**values)


class HistoryJournal:
    """The append-only JSON-lines file of records waiting for the database."""

    def __init__(self, path: Path, *, opener: Opener | None = None) -> None:
        self._path = Path(path)
        self._opener = opener
        self._lock = threading.Lock()  # this process's threads; flock covers other processes

    @property
    def path(self) -> Path:
        return self._path

    def append(self, records: Sequence[NewHistoryRecord]) -> None:
        """Append ``records`` and fsync (the folder too, when the file is new). Raises
        ``OSError`` when the file layer refuses (disk full, permissions, …)."""
        if not records:
            return
        data = b"".join(
            json.dumps(record_to_json(r), ensure_ascii=False).encode("utf-8") + b"\n"
            for r in records
        )
        created = not self._path.exists()
        with self._lock, self._open("a+b") as stream, _flocked(stream):
            size = os.fstat(stream.fileno()).st_size
            if size and os.pread(stream.fileno(), 1, size - 1) != b"\n":
                data = b"\n" + data  # a torn line (crash mid-append) must not swallow ours
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if created:
            _fsync_directory(self._path.parent)

    def count(self) -> int:
        """Records waiting in the journal (0 when it is missing or unreadable)."""
        try:
            with self._path.open("rb") as stream:
                return sum(1 for line in stream if line.strip())
        except OSError:
            return 0

    @contextmanager
    def draining(self) -> Iterator[list[NewHistoryRecord]]:
        """Yield the journal's records, locked against appends; when the block ends without an
        exception the journal is emptied (truncated and fsync'd). Lines that cannot be read are
        moved to ``<journal>.damaged`` first (and logged), never silently dropped."""
        if not self._path.exists() or self._path.stat().st_size == 0:
            yield []
            return
        with self._lock, self._open("r+b") as stream, _flocked(stream):
            records: list[NewHistoryRecord] = []
            damaged: list[bytes] = []
            for line in stream.read().splitlines():
                if not line.strip():
                    continue
                try:
                    records.append(record_from_json(json.loads(line)))
                except (ValueError, KeyError, TypeError):
                    damaged.append(line)
            yield records
            if damaged:
                log.error("history journal: %d unreadable lines kept aside", len(damaged))
                with open(self._path.with_name(self._path.name + ".damaged"), "ab") as aside:
                    aside.write(b"".join(line + b"\n" for line in damaged))
                    aside.flush()
                    os.fsync(aside.fileno())
            stream.seek(0)
            stream.truncate()
            stream.flush()
            os.fsync(stream.fileno())

    def _open(self, mode: str) -> IO[bytes]:
        return open(self._path, mode, opener=self._opener)


@contextmanager
def _flocked(stream: IO[bytes]) -> Iterator[None]:
    if sys.platform == "win32":  # pragma: no cover - only this process's threads are serialised
        yield
        return
    import fcntl

    fcntl.flock(stream.fileno(), fcntl.LOCK_EX)
    try:
        yield
    finally:
        fcntl.flock(stream.fileno(), fcntl.LOCK_UN)


def _fsync_directory(folder: Path) -> None:
    """Make a new file's directory entry durable (POSIX; a no-op where folders cannot be
    opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):  # a folder some file systems cannot sync
            os.fsync(fd)
    finally:
        os.close(fd)


# ---------------------------------------------------------------------------------- writer


class HistoryWriter:
    """Records created sessions: into ``store``; else into ``journal``; else into memory.

    ``store`` is ``None`` when the database could not be opened (``unavailable`` says why);
    every record then goes to the journal, and the next start-up that opens the database moves
    them in (:meth:`replay`). A record waits at most ``busy_timeout`` seconds (or the store's
    own, if shorter) for another program's write lock. Thread-safe (one record or replay at a
    time); blocking — call it off the GUI thread. Never raises for a database or file problem:
    the outcome says it.
    """

    def __init__(
        self,
        store: HistoryStore | None,
        journal: HistoryJournal,
        *,
        unavailable: HistoryProblem = HistoryProblem.UNAVAILABLE,
        busy_timeout: float = RECORD_BUSY_TIMEOUT,
    ) -> None:
        self._store = store
        self._busy_timeout = busy_timeout
        self._journal = journal
        self._unavailable = unavailable
        self._memory: list[NewHistoryRecord] = []
        self._lock = threading.Lock()

    @property
    def store(self) -> HistoryStore | None:
        return self._store

    @property
    def journal(self) -> HistoryJournal:
        return self._journal

    @property
    def pending(self) -> int:
        """Records waiting outside the database (journal and memory)."""
        with self._lock:
            return self._pending()

    def _pending(self) -> int:
        return len(self._memory) + self._journal.count()

    def record(self, record: NewHistoryRecord) -> RecordOutcome:
        """Store ``record`` durably somewhere and say where (see :class:`RecordOutcome`)."""
        if isinstance(record, HistoryRecord):
            raise TypeError("record() takes a NewHistoryRecord; this record is already stored")
        with self._lock:
            if self._store is None:
                problem = self._unavailable
            else:
                try:
                    wait = min(self._busy_timeout, self._store.busy_timeout)
                    stored = self._store.add(record, busy_timeout=wait)
                except (sqlite3.Error, HistoryError, OSError) as exc:
                    problem = problem_of(exc)
                    log.warning("history: the database refused a record (%s): %s", problem, exc)
                else:
                    replayed = self._replay()
                    return RecordOutcome(
                        RecordStatus.SAVED,
                        record=stored,
                        replayed=replayed,
                        pending=self._pending(),
                    )
            waiting = [*self._memory, record]
            try:
                self._journal.append(waiting)
            except OSError as exc:
                journal_problem = problem_of(exc)
                log.error("history: the journal refused a record too (%s)", journal_problem)
                self._memory.append(record)
                return RecordOutcome(
                    RecordStatus.MEMORY_ONLY,
                    problem=problem,
                    journal=self._journal.path,
                    journal_problem=journal_problem,
                    pending=self._pending(),
                )
            self._memory.clear()
            return RecordOutcome(
                RecordStatus.JOURNALED,
                problem=problem,
                journal=self._journal.path,
                pending=self._pending(),
            )

    def replay(self) -> int:
        """Move waiting records into the database (exactly once); how many were added.

        Run at start-up; :meth:`record` runs it after every successful write."""
        with self._lock:
            return self._replay()

    def _replay(self) -> int:  # with self._lock held
        store = self._store
        if store is None:
            return 0
        added = 0
        try:
            if self._memory:
                added += store.add_missing(self._memory)
                self._memory.clear()
            with self._journal.draining() as records:
                if records:
                    added += store.add_missing(records)
        except (sqlite3.Error, HistoryError, OSError) as exc:
            log.warning("history: waiting records not moved yet (%s)", problem_of(exc))
        if added:
            log.info("history: %d waiting records moved into the database", added)
        return added
