"""Screenshots of the real window in demo mode, for docs/screenshots/ and for reviewing the look.

Run under a (virtual) X display, e.g. with the shared helper:
    ../shared/tools/screenshot /tmp/ignored.png 25 .venv/bin/python scripts/take-screenshots.py
It drives the window through its states (empty, filled, result with QR, an error, invalid input)
and grabs the window from the screen after each.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLocale, QTimer
from PySide6.QtWidgets import QApplication

OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshots")


def main() -> int:
    from inflow_desk import app as app_module

    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    steps: list[tuple[str, Callable[[object], None]]] = []
    window_box: list[object] = []

    def grab(name: str) -> None:
        window = window_box[0]
        screen = QApplication.primaryScreen()
        active = QApplication.activeWindow() or window
        area = window.frameGeometry().united(active.frameGeometry())  # type: ignore[attr-defined]
        pixmap = screen.grabWindow(0).copy(area)
        OUT.mkdir(parents=True, exist_ok=True)
        pixmap.save(str(OUT / f"{name}.png"))
        print("saved", OUT / f"{name}.png", flush=True)

    def fill(window: object) -> None:
        model = window.one_time_form.model  # type: ignore[attr-defined]
        model.setData(model.index(0, 0), "Starter kit")
        model.setData(model.index(0, 1), "49,99")
        model.setData(model.index(0, 2), 2)
        model.add_line()
        model.setData(model.index(1, 0), "Shipping express")
        model.setData(model.index(1, 1), "9.90")
        window.options_form.email_edit.setText("camille.client@example.org")  # type: ignore[attr-defined]

    def create(window: object) -> None:
        window.create_session()  # type: ignore[attr-defined]

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

    def settings(window: object) -> None:
        window.switch_mode(0)  # type: ignore[attr-defined]
        desks[0].controller.open_settings("default")

    steps = [
        ("empty", lambda w: None),
        ("filled", fill),
        ("result", create),
        ("invalid", error),
        ("error", server_error),
        ("subscription", subscription),
        ("settings", settings),
    ]

    def run_step(index: int) -> None:
        if index > 0:
            grab(steps[index - 1][0])
        if index == len(steps):
            QApplication.quit()
            return
        steps[index][1](window_box[0])
        QTimer.singleShot(1500, lambda: run_step(index + 1))

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
    app_module.make_application(sys.argv[:1])
    QTimer.singleShot(500, find_window)
    return app_module.main(["--demo"])


if __name__ == "__main__":
    sys.exit(main())
