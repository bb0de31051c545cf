"""Information baseline of the start-up benchmark: a bare ``QMainWindow``, quit at its first paint.

It does exactly what ``inflow-desk --demo --smoke`` does around the window, and nothing else:
the same interpreter, the same Qt imports (QtCore, QtGui, QtWidgets), a ``QApplication``, a
window of the same size shown, a paint-event filter that quits through a zero-delay timer.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMainWindow


class QuitOnFirstPaint(QObject):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._done = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: ARG002 (Qt override)
        if event.type() == QEvent.Type.Paint and not self._done:
            self._done = True
            QTimer.singleShot(0, QGuiApplication.quit)
        return False


def quit_at_first_paint(build: Callable[[], QMainWindow]) -> int:
    """Create the application, show the window ``build`` makes, quit at its first paint."""
    app = QApplication(sys.argv[:1])
    window = build()
    QuitOnFirstPaint(window)
    window.show()
    return app.exec()


def bare() -> QMainWindow:
    window = QMainWindow()
    window.setWindowTitle("bare window")
    window.resize(1180, 700)  # the size of Inflow Desk's main window (MainWindow's default)
    return window


def main() -> int:
    return quit_at_first_paint(bare)


if __name__ == "__main__":
    sys.exit(main())
