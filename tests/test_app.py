"""The entry point as a user starts it: ``python -m inflow_desk`` in a fresh process.

HOME/XDG point into the test sandbox (tests/conftest.py) and keyring is the failing backend,
so these runs touch neither the developer's files nor their keychain, and the non-demo run
meets "no keychain" — it must still start, on the first-run screen.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.processes import sandboxed_env

if TYPE_CHECKING:
    from inflow_desk.app import Desk

pytestmark = pytest.mark.slow


def run_app(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "inflow_desk", *args],
        env=sandboxed_env(home),
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )


def log_text(home: Path) -> str:
    [log] = list((home / "data").rglob("inflow-desk.log"))
    return log.read_text(encoding="utf-8")


def demo_desk(tmp_path: Path, *, history_file: Path | None = None, staged: bool = False) -> Desk:
    """``build_desk`` as ``main`` calls it for ``--demo``, with settings, key store and history
    in ``tmp_path`` (imports here: the subprocess tests above need no Qt in this process)."""
    from PySide6.QtCore import QSettings

    from inflow_desk import app as desk_app
    from inflow_desk.storage.keystore import MemoryKeyStore

    return desk_app.build_desk(
        desk_app.parse_args(["--demo"]),
        qsettings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
        keystore=MemoryKeyStore(),
        history_file=history_file or tmp_path / "history.sqlite3",
        staged=staged,
    )


def test_demo_smoke_exits_zero(sandbox_dir: Path) -> None:
    home = sandbox_dir / "home" / "app-demo"
    result = run_app("--demo", "--smoke", home=home)
    assert result.returncode == 0, result.stderr
    text = log_text(home)
    assert "demo mode: emulator on http://127.0.0.1:" in text
    assert "Inflow Desk stopped" in text


def test_start_without_a_key_or_keychain_reaches_the_first_frame(sandbox_dir: Path) -> None:
    home = sandbox_dir / "home" / "app-nokey"
    result = run_app("--smoke", "--profile", "Acme", home=home)
    assert result.returncode == 0, result.stderr
    text = log_text(home)
    assert "account: profile 'Acme', PRODUCTION, key missing" in text
    conf = [p for p in (home / "config").rglob("*") if p.is_file()]
    assert any("Acme" in p.read_text(encoding="utf-8", errors="replace") for p in conf)


def test_a_plain_http_api_url_is_refused_before_anything_starts(sandbox_dir: Path) -> None:
    home = sandbox_dir / "home" / "app-badurl"
    result = run_app("--smoke", "--api-url", "http://api.example.com", home=home)
    assert result.returncode == 2
    assert "--api-url http://api.example.com: Use https://" in result.stderr


def test_version(sandbox_dir: Path) -> None:
    result = run_app("--version", home=sandbox_dir / "home" / "app-version")
    assert result.returncode == 0
    assert result.stdout.startswith("inflow-desk ")


def test_an_unopenable_history_is_said_on_screen(qtbot, tmp_path: Path) -> None:
    """If the history database cannot be opened, the window says links are not being saved."""
    from PySide6.QtWidgets import QDockWidget, QLabel

    not_a_db = tmp_path / "history.sqlite3"
    not_a_db.write_bytes(b"this is not an SQLite database" * 100)
    desk = demo_desk(tmp_path, history_file=not_a_db)
    try:
        qtbot.addWidget(desk.window)
        label = desk.window.findChild(QLabel, "historyUnavailableLabel")
        assert label is not None and "not being saved" in label.text()
        assert desk.history is None
        # no empty dock waiting for a history that will not come
        qtbot.waitUntil(lambda: desk.window.findChild(QDockWidget, "historyDock") is None)
    finally:
        desk.close()


def test_the_history_dock_comes_back_as_it_was_left(qtbot, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QDockWidget

    def build() -> Desk:
        desk = demo_desk(tmp_path)
        qtbot.addWidget(desk.window)
        desk.window.show()
        qtbot.waitExposed(desk.window)
        return desk

    first = build()
    dock = first.window.findChild(QDockWidget, "historyDock")
    assert dock is not None and dock.isVisible()
    dock.hide()
    first.window.close()
    first.close()

    second = build()
    try:
        dock = second.window.findChild(QDockWidget, "historyDock")
        assert dock is not None and not dock.isVisible()
    finally:
        second.close()


def test_smoke_full_runs_the_deferred_start_up_too(sandbox_dir: Path) -> None:
    """``--smoke=full`` (packaging, CI) proves the parts built after the first frame load."""
    home = sandbox_dir / "home" / "app-full"
    result = run_app("--demo", "--smoke=full", home=home)
    assert result.returncode == 0, result.stderr
    text = log_text(home)
    assert "demo mode: emulator serving" in text
    assert "start-up step" not in text  # no deferred step failed
    assert "Inflow Desk stopped" in text


def test_staged_start_builds_the_first_frame_first_then_the_rest(qtbot, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QApplication, QDockWidget, QLabel

    from inflow_desk import app as desk_app

    desk = demo_desk(tmp_path, staged=True)
    try:
        window = desk.window
        qtbot.addWidget(window)
        demo = desk.controller.emulator
        assert isinstance(demo, desk_app.DemoEmulator)

        # The first frame: the one-time form only; the rest is queued.
        def serving() -> bool:
            return demo.emulator is not None  # (a function: mypy would keep the narrowing)

        assert not serving()
        # The history dock is there from the first frame (no layout jump), still empty.
        dock = window.findChild(QDockWidget, "historyDock")
        assert dock is not None
        assert dock.widget().objectName() == "historyPlaceholderLabel"
        assert window.mode_switch.count() == 1
        assert not desk.stages.done
        window.show()
        qtbot.waitExposed(window)
        desk.stages.run_in_turns()
        qtbot.waitUntil(lambda: desk.stages.done, timeout=10_000)
        qtbot.waitUntil(serving, timeout=10_000)  # started in a background thread
        assert window.findChildren(QDockWidget) == [dock]  # the same dock, now filled
        assert dock.isVisible()
        assert dock.widget() is desk.history_view
        assert window.findChild(QLabel, "historyPlaceholderLabel") is None
        assert window.mode_switch.count() == 2
        assert None not in (desk.history_view, desk.drafts, desk.subscription, desk.about)
        assert not QApplication.windowIcon().isNull()
        # Entering the demo again after start-up serves at once (no first frame to wait for).
        again = desk_app.DemoEmulator(1)
        desk.stages.later(again.serve)
        assert again.serving.is_set()
        again.stop()
        assert [name for name, _ in desk.stages.timings] == [
            "serve_demo",
            "open_history",
            "build_history_view",
            "dock_history_view",
            "keep_drafts",
            "install_subscription",
            "install_help",
            "install_payments",
            "install_handover_actions",
            "paid_links_need_no_expiry_alert",
            "install_icons",
            "serve",
        ]
    finally:
        desk.close()


@pytest.mark.parametrize("screen", ["laptop", "this screen"])
def test_the_form_does_not_move_when_the_deferred_parts_arrive(
    qtbot, tmp_path: Path, screen: str
) -> None:
    """The history dock, the Subscription tab, the payments and hand-over parts of the card
    come a few turns after the first frame; the form the agent is looking at keeps its place
    and size meanwhile — at the size the window opens with on a 1366×768 laptop, and at the
    size it takes on the test's small screen (~1000 px wide, where labels wrap and the
    options take two rows: there Qt's first pass lays them out before the wrapped heights are
    known, and the layout settles on the next turn, before the deferred parts run)."""
    from inflow_desk.ui.main_window import default_window_size
    from tests.ui.conftest import LAPTOP

    desk = demo_desk(tmp_path, staged=True)
    try:
        window = desk.window
        qtbot.addWidget(window)
        if screen == "laptop":
            window.resize(default_window_size(LAPTOP))
        window.show()
        qtbot.waitExposed(window)
        qtbot.wait(50)  # the first frame's layout settles
        table = window.one_time_form.table
        first_frame = (table.mapTo(window, table.rect().topLeft()), table.size())
        desk.stages.run_in_turns()
        qtbot.waitUntil(lambda: desk.stages.done, timeout=10_000)
        qtbot.wait(50)  # the layout settles
        assert (table.mapTo(window, table.rect().topLeft()), table.size()) == first_frame
        # All tabs built, the window still fits a 1366×768 laptop screen (title bar, taskbar).
        assert window.minimumSizeHint().height() <= 700
    finally:
        desk.close()


def test_a_request_sent_before_the_demo_serves_waits_and_is_answered() -> None:
    """The demo's port listens from the start: an early request queues in the backlog."""
    import threading

    import httpx

    from inflow_desk.app import DEMO_API_KEY, DemoEmulator

    demo = DemoEmulator(3)
    answers: list[int] = []

    def early() -> None:
        response = httpx.get(
            demo.base_url + "/api/payment",
            headers={"X-Inflow-Api-Key": DEMO_API_KEY},
            timeout=10,
        )
        answers.append(response.status_code)

    thread = threading.Thread(target=early)
    thread.start()
    try:
        thread.join(0.3)
        assert thread.is_alive() and not answers  # waiting: nothing serves yet
        demo.serve()
        thread.join(10)
        assert answers == [200]
    finally:
        demo.stop()


def test_a_failing_start_up_step_is_logged_and_the_others_still_run(
    qtbot, caplog: pytest.LogCaptureFixture
) -> None:
    from inflow_desk.app import StagedStart

    stages = StagedStart()
    ran: list[str] = []

    def first() -> None:
        ran.append("first")

    def broken() -> None:
        raise RuntimeError("boom")

    def last() -> None:
        ran.append("last")

    stages.later(first)
    stages.later(broken, after_imports=True)
    stages.later(last)
    finished: list[bool] = []
    with caplog.at_level("ERROR", logger="inflow_desk"):
        stages.run_in_turns(then=lambda: finished.append(True))
        assert ran == ["first"]  # one step per turn: the rest wait for the event loop
        qtbot.waitUntil(lambda: finished == [True], timeout=10_000)
    assert ran == ["first", "last"]
    assert stages.done
    assert [name for name, _ in stages.timings] == ["first", "broken", "last"]
    assert any("start-up step broken failed" in r.getMessage() for r in caplog.records)


def test_the_log_file_rotates_once_start_up_is_over(
    sandbox_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import logging
    import logging.handlers

    from inflow_desk import app as desk_app

    home = sandbox_dir / "home" / "app-logrotate"
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    try:
        path = desk_app.setup_logging(verbose=False)
        assert path is not None
        ours = [h for h in root.handlers if h not in before]
        assert len(ours) == 1 and not isinstance(ours[0], logging.handlers.RotatingFileHandler)
        logging.getLogger("inflow_desk").info("before the first frame")

        monkeypatch.setattr(desk_app, "LOG_MAX_BYTES", 2_000)
        desk_app.rotate_logs_from_now_on()
        ours = [h for h in root.handlers if h not in before]
        assert len(ours) == 1 and isinstance(ours[0], logging.handlers.RotatingFileHandler)
        assert Path(ours[0].baseFilename) == path
        for n in range(100):
            logging.getLogger("inflow_desk").info("line %d %s", n, "x" * 40)
        backups = sorted(p.name for p in path.parent.glob("inflow-desk.log.*"))
        assert backups == [f"inflow-desk.log.{n}" for n in range(1, desk_app.LOG_BACKUPS + 1)]
        assert path.stat().st_size <= 2_000
        everything = "".join(
            p.read_text(encoding="utf-8") for p in path.parent.glob("inflow-desk.log*")
        )
        assert "line 99 " in everything
    finally:
        for handler in list(root.handlers):
            if handler not in before:
                root.removeHandler(handler)
                handler.close()
        root.setLevel(level)
