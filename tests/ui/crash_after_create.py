"""Subprocess for the crash-safety test: create a session, then die by SIGKILL.

Usage: ``python crash_after_create.py DB_PATH WORK_DIR WHEN`` with ``WHEN`` one of
``recorded`` (killed the instant the recorder's commit answered, before the link is even shown) or
``shown`` (killed from the ``sessionCreated`` handler). Prints ``SESSION <id>`` and
``BODY <json>`` before dying; exits 3 if no session was created within the time limit.
"""

from __future__ import annotations

import json
import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from inflow_desk.api.client import InflowClient
from inflow_desk.emulator import InflowEmulator
from inflow_desk.storage.history import HistoryStore
from inflow_desk.ui.accounts.account import Account
from inflow_desk.ui.checkout.session import CreatedSession
from inflow_desk.ui.history.recorder import make_recorder
from inflow_desk.ui.kit.settings import AppSettings
from inflow_desk.ui.main_window import MainWindow

API_KEY = "inflow_crash_test_key_0123456789"


def main(db_path: Path, work_dir: Path, when: str) -> int:
    app = QApplication([])
    emulator = InflowEmulator(api_key=API_KEY)
    emulator.start()
    client = InflowClient(API_KEY, base_url=emulator.base_url)
    store = HistoryStore(db_path)
    settings = AppSettings(
        QSettings(str(work_dir / "settings.ini"), QSettings.Format.IniFormat), profile="crash"
    )
    record = make_recorder(store, profile="crash")

    def announce(session: CreatedSession) -> None:
        print(f"SESSION {session.session_id}", flush=True)
        print(f"BODY {json.dumps(session.request_json)}", flush=True)

    def record_then_die(session: CreatedSession, done: Callable[[str | None], None]) -> None:
        def die(warning: str | None) -> None:  # the commit answered; the link is not shown yet
            announce(session)
            os.kill(os.getpid(), signal.SIGKILL)

        record(session, die)

    def die_on_created(session: CreatedSession) -> None:
        announce(session)
        os.kill(os.getpid(), signal.SIGKILL)

    window = MainWindow(
        gateway=client,
        account=Account("Crash shop", "DEMO", emulator.base_url),
        settings=settings,
        record_session=record_then_die if when == "recorded" else record,
    )
    if when == "shown":
        window.sessionCreated.connect(die_on_created)
    model = window.one_time_form.model
    model.setData(model.index(0, 0), "Crash test kit")
    model.setData(model.index(0, 1), "49,99")
    model.setData(model.index(0, 2), 2)
    window.options_form.email_edit.setText("crash@example.org")
    window.show()
    QTimer.singleShot(0, window.create_session)
    QTimer.singleShot(15_000, lambda: app.exit(3))
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]))
