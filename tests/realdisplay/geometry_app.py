"""Test-only launcher: the real app (``inflow_desk.app.main``, unchanged) plus a tiny
diagnostics channel the real-display screenshot test reads, since it cannot look inside the
app's process.

    INFLOW_DESK_GEOMETRY_REPORT=/some/folder python tests/realdisplay/geometry_app.py --api-url …

Every 30 ms the app looks for ``request`` in that folder; it holds a name. The app then
writes ``<name>.json`` — for each visible window: class, object name, title, frame geometry,
the problems the in-process state-geometry check finds (a visible widget outside the window,
or laid over a sibling; tests/ui/test_state_geometry.py), a window outside the screen, the
visible widgets' object names, the texts of the named labels, the focused widget and whether
the main window is busy, and each window's X id (the test photographs each window itself:
on Xvfb, ``xwd -root`` shows a dialog's area black) — and removes ``request``. Nothing of
this runs in the shipped app: only this file installs it, and only when the variable is set.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

ENV = "INFLOW_DESK_GEOMETRY_REPORT"
REQUEST = "request"


def describe() -> dict[str, Any]:
    """The visible windows as the screenshot test needs them (see the module docstring)."""
    from PySide6.QtCore import QCoreApplication, QEvent, Qt
    from PySide6.QtWidgets import QApplication, QLabel, QWidget

    from tests.ui.test_state_geometry import problems

    for _ in range(3):  # pending layouts first, as Qt does them before it paints
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    focus = QApplication.focusWidget()
    windows: list[dict[str, Any]] = []
    for window in QApplication.topLevelWidgets():
        kind = window.windowType()
        if not window.isVisible() or kind in (Qt.WindowType.ToolTip, Qt.WindowType.Popup):
            continue
        found = problems(window)
        frame = window.frameGeometry()
        screen = window.screen().availableGeometry() if window.screen() is not None else None
        if screen is not None and not screen.contains(frame):
            found.append(
                f"the window at {frame.getRect()} is outside the screen {screen.getRect()}"
            )
        shown = [w for w in window.findChildren(QWidget) if w.isVisibleTo(window)]
        windows.append(
            {
                "class": type(window).__name__,
                "name": window.objectName(),
                "title": window.windowTitle(),
                "geometry": frame.getRect(),
                "client": window.geometry().getRect(),  # inside the window manager's frame
                "window_id": int(window.winId()),
                "active": window.isActiveWindow(),
                "busy": bool(getattr(window, "busy", False)),
                "problems": found,
                "visible": sorted({w.objectName() for w in shown if w.objectName()}),
                "labels": {
                    w.objectName(): w.text()
                    for w in shown
                    if isinstance(w, QLabel) and w.objectName()
                },
            }
        )
    return {
        "windows": windows,
        "focus": focus.objectName() if focus is not None else None,
    }


def serve(folder: Path) -> None:
    request = folder / REQUEST
    try:
        name = request.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return
    target = folder / f"{name}.json"
    partial = target.with_suffix(".part")
    partial.write_text(json.dumps(describe()), encoding="utf-8")
    partial.replace(target)  # whole, never half-written
    request.unlink(missing_ok=True)


def main() -> int:
    from PySide6.QtCore import QTimer

    from inflow_desk import app as desk_app

    folder = Path(os.environ[ENV])
    application = desk_app.make_application(sys.argv[:1])  # main() takes this one over
    timer = QTimer(application)
    timer.setInterval(30)
    timer.timeout.connect(lambda: serve(folder))
    timer.start()
    return desk_app.main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
