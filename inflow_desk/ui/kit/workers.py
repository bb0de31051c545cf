"""Background work: a callable runs on the global ``QThreadPool``; its result or exception comes
back to the GUI thread by a queued signal. The GUI thread never waits for the network.

When only the newest answer of a kind of task matters (the key check of the profile now shown,
the history query for the filter now typed, the offers of the account now used), start those
tasks with one :class:`LatestOnly` key: an answer is delivered only while no newer task was
started with that key and the key was not :meth:`~LatestOnly.supersede`-d meanwhile.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Final, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from shiboken6 import isValid

log = logging.getLogger(__name__)

#: Background tasks wait on the network, the keychain or SQLite, not on the CPU. Qt sizes the
#: global pool to the CPU count — 2 on many laptops — so two slow requests (a create waiting on
#: a slow API, offers still loading) would hold up every other task: a key check, a history
#: filter. Threads start on demand, so a higher cap costs nothing while idle.
MIN_WORKER_THREADS: Final = 8


class Ticket:
    """One task's place in a :class:`LatestOnly` key (GUI thread)."""

    __slots__ = ("_key", "_number")

    def __init__(self, key: LatestOnly, number: int) -> None:
        self._key = key
        self._number = number

    def is_latest(self) -> bool:
        """Whether no newer task was started with the key, nor the key superseded, since."""
        return self._key.latest_number == self._number

    def __repr__(self) -> str:
        return f"Ticket({self._number}, latest={self.is_latest()})"


class LatestOnly:
    """ "Keep only the latest answer": one key per kind of task (used in the GUI thread).

    Pass the key as ``run_in_background(..., latest=key)``; each task started with it
    supersedes the ones before. :meth:`supersede` drops every answer still outstanding (the
    profile shown changed, a row was inserted). :meth:`next` draws a :class:`Ticket` by hand,
    for a caller that must also recognise its task's partial results (pages streamed by the
    worker), or clean up whether or not the answer still counts; pass that ticket as ``latest``.
    """

    __slots__ = ("_number",)

    def __init__(self) -> None:
        self._number = 0

    @property
    def latest_number(self) -> int:
        return self._number

    def next(self) -> Ticket:
        """A ticket for a new task; every earlier ticket stops being the latest."""
        self._number += 1
        return Ticket(self, self._number)

    def supersede(self) -> None:
        """Answers of every task started so far are dropped."""
        self._number += 1


class TaskRelay(QObject):
    """Lives in the GUI thread. The worker emits its signals; because the relay's slots belong to a
    GUI-thread object, Qt queues the calls into the GUI thread (a plain Python callable connected
    directly would run in the worker thread)."""

    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()

    def __init__(
        self,
        on_success: Callable[[Any], None],
        on_failure: Callable[[BaseException], None],
        owner: QObject,
        ticket: Ticket | None = None,
    ) -> None:
        # Parented to an application-lifetime object, not to ``owner``: deleting the owner
        # (closing a window) while the worker runs must not delete the object it signals.
        super().__init__(_relay_parent())
        self._owner = owner
        self._on_success = on_success
        self._on_failure = on_failure
        self._ticket = ticket
        self.succeeded.connect(self._deliver_success)
        self.failed.connect(self._deliver_failure)
        self.finished.connect(self.deleteLater)

    def _wanted(self) -> bool:
        if not isValid(self._owner):  # the owner is gone: nobody is waiting for the answer
            return False
        return self._ticket is None or self._ticket.is_latest()  # else a newer task answers

    @Slot(object)
    def _deliver_success(self, result: Any) -> None:
        if self._wanted():
            self._on_success(result)

    @Slot(object)
    def _deliver_failure(self, exc: Any) -> None:
        if self._wanted():
            self._on_failure(exc)


_RELAY_PARENT: QObject | None = None


def _relay_parent() -> QObject:
    global _RELAY_PARENT
    if _RELAY_PARENT is None or not isValid(_RELAY_PARENT):
        _RELAY_PARENT = QObject()
        _RELAY_PARENT.setObjectName("backgroundTaskRelays")
    return _RELAY_PARENT


class Task(QRunnable):
    """Runs ``fn()`` off the GUI thread, then emits its relay's ``succeeded`` or ``failed``, then
    ``finished``."""

    def __init__(self, fn: Callable[[], Any], relay: TaskRelay) -> None:
        super().__init__()
        self._fn = fn
        self._relay = relay
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self._fn()
        except Exception as exc:  # noqa: BLE001 - every failure goes to the GUI, where it is typed
            log.debug("background task failed: %s", type(exc).__name__)
            self._relay.failed.emit(exc)
        else:
            self._relay.succeeded.emit(result)
        finally:
            self._relay.finished.emit()


_T = TypeVar("_T")


def run_in_background(
    fn: Callable[[], _T],
    on_success: Callable[[_T], None],
    on_failure: Callable[[BaseException], None],
    *,
    owner: QObject,
    latest: LatestOnly | Ticket | None = None,
) -> TaskRelay:
    """Run ``fn`` on the global thread pool; then call one callback in the GUI thread.

    The callbacks are skipped when ``owner`` has been deleted meanwhile, and — with ``latest``
    (a :class:`LatestOnly` key, or a ticket drawn from one) — when a newer task was started with
    the same key, or the key superseded, before the answer arrived.
    """
    ticket = latest.next() if isinstance(latest, LatestOnly) else latest
    relay = TaskRelay(on_success, on_failure, owner, ticket)
    pool = QThreadPool.globalInstance()
    if pool.maxThreadCount() < MIN_WORKER_THREADS:
        pool.setMaxThreadCount(MIN_WORKER_THREADS)
    pool.start(Task(fn, relay))
    return relay
