"""The history dock's place in the window, taken at the first frame.

The history itself (database, model, view: ``history_view.py``) is built a few event-loop turns
after the first frame. If its dock only appeared then, the whole form would jump up by the
dock's height ~200 ms after the window showed — just as the agent starts reading it. So start-up
reserves the dock with a placeholder line first, restores the saved dock layout onto it (hidden,
resized or floated as the agent left it), and :func:`inflow_desk.ui.history_view.dock_history`
later puts the view into that same dock.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow

DOCK_NAME: Final = "historyDock"
DEFAULT_DOCK_HEIGHT: Final = 130  # a few rows: the cart and the link are the main work


def history_dock(window: QMainWindow) -> QDockWidget | None:
    """The window's history dock, reserved or complete; None if there is none."""
    dock = window.findChild(QDockWidget, DOCK_NAME)
    return dock if isinstance(dock, QDockWidget) else None


def reserve_history_dock(window: QMainWindow) -> QDockWidget:
    """The (empty) history dock at the bottom of ``window``; the one already there if any."""
    existing = history_dock(window)
    if existing is not None:
        return existing
    dock = QDockWidget("History", window)
    dock.setObjectName(DOCK_NAME)
    dock.setFeatures(
        QDockWidget.DockWidgetFeature.DockWidgetClosable
        | QDockWidget.DockWidgetFeature.DockWidgetMovable
        | QDockWidget.DockWidgetFeature.DockWidgetFloatable
    )
    placeholder = QLabel("Loading the history…", dock)
    placeholder.setObjectName("historyPlaceholderLabel")
    placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
    placeholder.setEnabled(False)
    dock.setWidget(placeholder)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    if window.isVisible():
        dock.show()  # a dock added to a window that is already shown stays hidden otherwise
    window.resizeDocks([dock], [DEFAULT_DOCK_HEIGHT], Qt.Orientation.Vertical)
    return dock


def drop_history_dock(window: QMainWindow) -> None:
    """Remove the reserved dock (the history could not be opened: nothing will fill it)."""
    dock = history_dock(window)
    if dock is not None:
        window.removeDockWidget(dock)
        dock.deleteLater()
