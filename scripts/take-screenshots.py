"""Screenshots of the real window in demo mode, for docs/screenshots/ and for reviewing the look.

Run under a (virtual) X display, e.g. with the shared helper:
    ../shared/tools/screenshot /tmp/ignored.png 120 .venv/bin/python \
        scripts/take-screenshots.py docs/screenshots [--sizes 1366x768,1920x1080] [--dark]
It drives the window through its states (empty, filled, creating, result with QR, paid, invalid
input, a server error, subscription, history, settings, first run) once per screen size, and
saves ``<state>-<width>.png`` (``<state>-<width>-dark.png`` with ``--dark``; with
``--language fr``, ``<state>-<width>-fr.png``: the app in that language, as
``INFLOW_DESK_LANGUAGE`` sets it). The window is given the
size it takes on a screen of that size (``default_window_size``) and drawn with ``grab()``, so
a screen larger than the virtual display still gives a true picture; an open dialog is drawn
over the window where it stands. Each run starts with a fresh HOME (settings, history), so the
pictures do not change from one run to the next.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLocale, QPoint, QSize, QTimer
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QWidget

PARSER = argparse.ArgumentParser(description=__doc__.splitlines()[0])
PARSER.add_argument("out", nargs="?", type=Path, default=Path("docs/screenshots"))
PARSER.add_argument("--sizes", default="1366x768,1920x1080", help="screen sizes, WxH,WxH")
PARSER.add_argument("--dark", action="store_true", help="a dark palette (as a dark OS theme)")
PARSER.add_argument("--language", default="en", help="en, fr (or pseudo): the app's language")
ARGS = PARSER.parse_args()
OUT: Path = ARGS.out.resolve()
SIZES = [tuple(int(n) for n in size.split("x")) for size in ARGS.sizes.split(",")]
SUFFIX = ("" if ARGS.language == "en" else f"-{ARGS.language}") + ("-dark" if ARGS.dark else "")
os.environ["INFLOW_DESK_LANGUAGE"] = ARGS.language  # main() installs it before any widget

# A fresh home: no settings, no history from an earlier run.
_HOME = tempfile.mkdtemp(prefix="inflow-shots-")
os.environ["HOME"] = _HOME
for _variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[_variable] = os.path.join(_HOME, _variable.lower())


def dark_palette() -> QPalette:
    """A dark theme as an OS would give it (what ``--dark`` shows)."""
    scheme = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#2d2d2d"),
        (QPalette.ColorRole.WindowText, "#f0f0f0"),
        (QPalette.ColorRole.Base, "#1e1e1e"),
        (QPalette.ColorRole.AlternateBase, "#262626"),
        (QPalette.ColorRole.Text, "#f0f0f0"),
        (QPalette.ColorRole.Button, "#3a3a3a"),
        (QPalette.ColorRole.ButtonText, "#f0f0f0"),
        (QPalette.ColorRole.Highlight, "#3584e4"),
        (QPalette.ColorRole.HighlightedText, "#ffffff"),
        (QPalette.ColorRole.ToolTipBase, "#3a3a3a"),
        (QPalette.ColorRole.ToolTipText, "#f0f0f0"),
        (QPalette.ColorRole.PlaceholderText, "#a0a0a0"),
        (QPalette.ColorRole.Mid, "#5a5a5a"),
    ):
        scheme.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text):
        scheme.setColor(QPalette.ColorGroup.Disabled, role, QColor("#8a8a8a"))
    return scheme


def main() -> int:
    from inflow_desk import app as app_module
    from inflow_desk.ui.main_window import default_window_size

    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    window_box: list[object] = []
    size_box: list[tuple[int, int]] = []

    def grab(name: str) -> None:
        window = window_box[0]
        assert isinstance(window, QWidget)
        pixmap = window.grab()
        active = QApplication.activeModalWidget() or QApplication.activeWindow()
        if isinstance(active, QWidget) and active is not window and active.isVisible():
            painter = QPainter(pixmap)
            at = active.geometry().topLeft() - window.geometry().topLeft()
            at = QPoint(
                max(0, min(at.x(), pixmap.width() - active.width())),
                max(0, min(at.y(), pixmap.height() - active.height())),
            )
            painter.drawPixmap(at, active.grab())
            painter.setPen(active.palette().color(QPalette.ColorRole.Shadow))  # its frame
            painter.drawRect(at.x(), at.y(), active.width() - 1, active.height() - 1)
            painter.end()
        OUT.mkdir(parents=True, exist_ok=True)
        path = OUT / f"{name}-{size_box[0][0]}{SUFFIX}.png"
        pixmap.save(str(path))
        print("saved", path, pixmap.width(), "x", pixmap.height(), flush=True)

    def fill(window: object) -> None:
        model = window.one_time_form.model  # type: ignore[attr-defined]
        model.setData(model.index(0, 0), "Starter kit")
        model.setData(model.index(0, 1), "49,99")
        # one quantity per screen size: the second size's paid link is not the first one's cart
        model.setData(model.index(0, 2), 2 + SIZES.index(size_box[0]))
        model.add_line()
        model.setData(model.index(1, 0), "Shipping express")
        model.setData(model.index(1, 1), "9.90")
        window.options_form.email_edit.setText("camille.client@example.org")  # type: ignore[attr-defined]

    def creating(window: object) -> None:
        from inflow_desk.emulator import Fault

        demo = desks[0].controller.emulator
        emulator = demo.emulator  # type: ignore[union-attr]
        emulator.inject(Fault("latency", delay=2.5))
        window.create_session()  # type: ignore[attr-defined]

    def create(window: object) -> None:
        pass  # the slow create above has finished by now

    def paid(window: object) -> None:
        from PySide6.QtGui import QAction

        for action in window.findChildren(QAction):  # type: ignore[attr-defined]
            if action.objectName() == "simulatePaidAction":  # (its text is translated)
                action.trigger()
                return
        print("no Simulate action: the paid state is not shown", flush=True)

    def error(window: object) -> None:
        window.new_link()  # type: ignore[attr-defined]
        fill(window)
        model = window.one_time_form.model  # type: ignore[attr-defined]
        model.setData(model.index(1, 1), "9.9.0")
        window.options_form.email_edit.setText("camille@")  # type: ignore[attr-defined]
        window.create_session()  # type: ignore[attr-defined]

    def server_error(window: object) -> None:
        from inflow_desk.emulator import Fault

        window.new_link()  # type: ignore[attr-defined]
        fill(window)
        demo = desks[0].controller.emulator
        emulator = demo.emulator  # type: ignore[union-attr]
        emulator.inject(Fault("html", status=502))
        window.create_session()  # type: ignore[attr-defined]

    def subscription(window: object) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QLineEdit

        window.new_link()  # type: ignore[attr-defined]
        window.switch_mode(1)  # type: ignore[attr-defined]
        search = window.findChild(QLineEdit, "offerSearchEdit")  # type: ignore[attr-defined]
        search.setText("pro year")

        def pick_and_create() -> None:
            from PySide6.QtGui import QKeyEvent

            search.setFocus()
            for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
                QApplication.sendEvent(
                    search, QKeyEvent(kind, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
                )
            window.create_session()  # type: ignore[attr-defined]

        QTimer.singleShot(600, pick_and_create)

    def history(window: object) -> None:
        from PySide6.QtGui import QAction

        window.switch_mode(0)  # type: ignore[attr-defined]
        go_to = window.findChild(QAction, "goToHistoryAction")  # type: ignore[attr-defined]
        if go_to is None:
            print("no history action: the history state is not shown", flush=True)
            return
        go_to.trigger()  # Ctrl+H: the history shown, its filter focused

    def settings(window: object) -> None:
        window.switch_mode(0)  # type: ignore[attr-defined]
        desks[0].controller.open_settings("default")

    def first_run(window: object) -> None:
        close_dialogs(window)
        # the first profile has no key in this fresh HOME: its first-run screen
        desks[0].controller.switch_to_profile("default")

    def close_dialogs(window: object) -> None:
        for widget in QApplication.topLevelWidgets():
            if widget is not window and widget.isVisible() and widget.isWindow():
                widget.close()
        if desks[0].controller.showing_first_run():
            desks[0].controller.switch_to_demo()  # back to the demo for the next size
        window.new_link()  # type: ignore[attr-defined]

    def sized(width: int, height: int) -> Callable[[object], None]:
        def resize(window: object) -> None:
            size_box[:] = [(width, height)]
            window.resize(default_window_size(QSize(width, height)))  # type: ignore[attr-defined]

        return resize

    states: list[tuple[str, Callable[[object], None], int]] = [
        ("empty", lambda w: None, 800),
        ("filled", fill, 800),
        ("creating", creating, 700),
        ("result", create, 2600),
        ("paid", paid, 6500),
        ("invalid", error, 1000),
        ("error", server_error, 1500),
        ("subscription", subscription, 1800),
        ("history", history, 800),
        ("settings", settings, 1200),
        ("first-run", first_run, 1200),
    ]
    # (name to grab after, action, milliseconds to wait before grabbing); "" grabs nothing.
    plan: list[tuple[str, Callable[[object], None], int]] = []
    for width, height in SIZES:
        plan.append(("", sized(width, height), 500))
        plan += states
        plan.append(("", close_dialogs, 500))

    def run_step(index: int) -> None:
        if index > 0 and plan[index - 1][0]:
            grab(plan[index - 1][0])
        if index == len(plan):
            QApplication.quit()
            return
        plan[index][1](window_box[0])
        QTimer.singleShot(plan[index][2], lambda: run_step(index + 1))

    def find_window() -> None:
        from inflow_desk.ui.main_window import MainWindow

        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        if not windows or not windows[0].isVisible():
            QTimer.singleShot(200, find_window)
            return
        window_box.append(windows[0])
        QTimer.singleShot(1500, lambda: run_step(0))

    desks: list[app_module.Desk] = []
    build_desk = app_module.build_desk

    def keep_desk(*args: object, **kwargs: object) -> app_module.Desk:
        desk = build_desk(*args, **kwargs)  # type: ignore[arg-type]
        desks.append(desk)
        return desk

    app_module.build_desk = keep_desk  # type: ignore[assignment]
    app = app_module.make_application(sys.argv[:1])
    if ARGS.dark:
        app.setPalette(dark_palette())
    QTimer.singleShot(500, find_window)
    return app_module.main(["--demo"])


if __name__ == "__main__":
    sys.exit(main())
