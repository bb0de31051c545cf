"""Background tasks: results arrive in the GUI thread; a deleted owner is simply not called."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QThread, QThreadPool
from pytestqt.qtbot import QtBot

from inflow_desk.ui.kit.workers import MIN_WORKER_THREADS, run_in_background


def test_result_is_delivered_in_the_gui_thread(qtbot: QtBot) -> None:
    owner = QObject()
    seen: list[tuple[object, bool]] = []
    worker_threads: list[int] = []

    def work() -> int:
        worker_threads.append(threading.get_ident())
        return 42

    run_in_background(
        work,
        lambda r: seen.append((r, QThread.currentThread() is owner.thread())),
        lambda exc: seen.append((exc, False)),
        owner=owner,
    )
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == [(42, True)]
    assert worker_threads and worker_threads[0] != threading.get_ident()


def test_failure_is_delivered(qtbot: QtBot) -> None:
    owner = QObject()
    errors: list[BaseException] = []

    def boom() -> None:
        raise ValueError("nope")

    run_in_background(boom, lambda r: None, errors.append, owner=owner)
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], ValueError)


def test_owner_deleted_while_the_task_runs(qtbot: QtBot) -> None:
    owner = QObject()
    release = threading.Event()
    finished = threading.Event()
    called: list[object] = []

    def slow() -> int:
        release.wait(5)
        finished.set()
        return 1

    run_in_background(slow, called.append, called.append, owner=owner)
    owner.deleteLater()
    qtbot.waitUntil(lambda: not _alive(owner))
    release.set()
    qtbot.waitUntil(finished.is_set)
    qtbot.wait(50)  # let a (wrong) queued delivery arrive, if one were coming
    assert called == []


def _alive(obj: QObject) -> bool:
    from shiboken6 import isValid

    return bool(isValid(obj))


def test_slow_tasks_do_not_hold_up_the_others(qtbot: QtBot) -> None:
    """A create waiting on a slow API and an offer list still loading must not keep a key check
    or a history filter waiting: tasks wait on I/O, so the pool is not sized to the CPU count
    (2 on this machine, and on many laptops)."""
    owner = QObject()
    release = threading.Event()
    slow = MIN_WORKER_THREADS - 1
    started = threading.Semaphore(0)

    def wait_for_the_network() -> None:
        started.release()
        release.wait(10)

    try:
        for _ in range(slow):
            run_in_background(wait_for_the_network, lambda r: None, lambda e: None, owner=owner)
        qtbot.waitUntil(lambda: QThreadPool.globalInstance().activeThreadCount() >= slow)
        quick: list[object] = []
        run_in_background(lambda: "key checked", quick.append, quick.append, owner=owner)
        qtbot.waitUntil(lambda: bool(quick), timeout=3000)
        assert quick == ["key checked"]
    finally:
        release.set()
        QThreadPool.globalInstance().waitForDone(5000)
