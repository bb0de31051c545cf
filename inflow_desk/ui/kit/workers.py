"""Background work: a callable runs on the global ``QThreadPool``; its result or exception comes
back to the GUI thread by a queued signal. The GUI thread never waits for the network."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Final

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from shiboken6 import isValid

log = logging.getLogger(__name__)

#: Background tasks wait on the network, the keychain or SQLite, not on the CPU. Qt sizes the
#: global pool to the CPU count — 2 on many laptops — so two slow requests (a create waiting on
#: a slow API, offers still loading) would hold up every other task: a key check, a history
#: filter. Threads start on demand, so a higher cap costs nothing while idle.
MIN_WORKER_THREADS: Final = 8


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
    ) -> None:
        # Parented to an application-lifetime object, not to ``owner``: deleting the owner
        # (closing a window) while the worker runs must not delete the object it signals.
        super().__init__(_relay_parent())
        self._owner = owner
        self._on_success = on_success
        self._on_failure = on_failure
        self.succeeded.connect(self._deliver_success)
        self.failed.connect(self._deliver_failure)
        self.finished.connect(self.deleteLater)

    @Slot(object)
    def _deliver_success(self, result: Any) -> None:
        if isValid(self._owner):  # the owner is gone: nobody is waiting for the answer
            self._on_success(result)

    @Slot(object)
    def _deliver_failure(self, exc: Any) -> None:
        if isValid(self._owner):
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


def run_in_background(
    fn: Callable[[], Any],
    on_success: Callable[[Any], None],
    on_failure: Callable[[BaseException], None],
    *,
    owner: QObject,
) -> TaskRelay:
    """Run ``fn`` on the global thread pool; then call one callback in the GUI thread.

    The callbacks are skipped when ``owner`` has been deleted meanwhile.
    """
    relay = TaskRelay(on_success, on_failure, owner)
    pool = QThreadPool.globalInstance()
    if pool.maxThreadCount() < MIN_WORKER_THREADS:
        pool.setMaxThreadCount(MIN_WORKER_THREADS)
    pool.start(Task(fn, relay))
    return relay
