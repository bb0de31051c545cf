"""No exception is ever silent (issue 13 item 3a): the hooks ``main`` installs send an
exception raised in a slot or a thread, and Qt's own warnings, to the log — with the
traceback — and the exceptions to the window's error label in the error funnel's words.

pytest-qt normally swaps ``sys.excepthook`` for its own capture during each test; these tests
turn that off (``qt_no_exception_capture``), so the exception really reaches the hook ``main``
installs, as it does in the running app.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, qWarning
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from inflow_desk import app as desk_app
from inflow_desk.app import Desk
from tests.test_app import demo_desk

pytestmark = pytest.mark.qt_no_exception_capture


@pytest.fixture
def desk(qtbot: QtBot, tmp_path: Path) -> Iterator[Desk]:
    desk = demo_desk(tmp_path)
    qtbot.addWidget(desk.window)
    desk.window.show()
    qtbot.waitExposed(desk.window)
    before = (sys.excepthook, threading.excepthook)
    uninstall = desk_app.report_uncaught_errors(desk)
    try:
        yield desk
    finally:
        uninstall()
        desk.close()
    assert (sys.excepthook, threading.excepthook) == before


def _traceback_logged(caplog: pytest.LogCaptureFixture, text: str) -> bool:
    return any(
        record.exc_info is not None
        and record.exc_info[2] is not None
        and text in str(record.exc_info[1])
        and record.levelno >= logging.ERROR
        for record in caplog.records
    )


def test_an_exception_in_a_slot_reaches_the_log_and_the_error_label(
    qtbot: QtBot, desk: Desk, caplog: pytest.LogCaptureFixture
) -> None:
    def broken_slot() -> None:
        raise RuntimeError("boom in a slot")

    button = QPushButton("Break", desk.window)
    button.clicked.connect(broken_slot)
    button.show()
    label = desk.window.error_label
    assert not label.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(label.isVisible, timeout=2000)
    assert "Something unexpected went wrong (RuntimeError)" in label.text()
    assert "log file" in label.text()
    assert _traceback_logged(caplog, "boom in a slot")
    assert "broken_slot" in caplog.text  # the traceback itself, not only the message


def test_an_exception_in_a_thread_reaches_the_log_and_the_error_label(
    qtbot: QtBot, desk: Desk, caplog: pytest.LogCaptureFixture
) -> None:
    def broken_thread() -> None:
        raise KeyError("boom in a thread")

    worker = threading.Thread(target=broken_thread, name="broken-worker")
    worker.start()
    worker.join(5)
    label = desk.window.error_label
    qtbot.waitUntil(label.isVisible, timeout=2000)  # delivered on the GUI thread
    assert "Something unexpected went wrong (KeyError)" in label.text()
    assert _traceback_logged(caplog, "boom in a thread")
    assert "broken-worker" in caplog.text


def test_qt_warnings_go_to_the_log(desk: Desk, caplog: pytest.LogCaptureFixture) -> None:
    qWarning("a warning from Qt")
    [record] = [r for r in caplog.records if r.name == "inflow_desk.qt"]
    assert record.levelno == logging.WARNING
    assert "a warning from Qt" in record.getMessage()
    assert not desk.window.error_label.isVisible()  # a warning is logged, not shown
