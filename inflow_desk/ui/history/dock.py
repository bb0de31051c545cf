"""The history dock's place in the window, taken at the first frame.

The history itself (database, model, view: ``history/view.py``) is built a few event-loop turns
after the first frame. If its dock only appeared then, the whole form would jump up by the
dock's height a moment after the window showed — just as the agent starts reading it. So start-up
reserves the dock with a placeholder line first, restores the saved dock layout onto it (hidden,
resized or floated as the agent left it), and :func:`inflow_desk.ui.history.view.dock_history`
later puts the view into that same dock.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow

from inflow_desk.domain.i18n import translate

DOCK_NAME: Final = "historyDock"
DEFAULT_ROWS: Final = 5  # the last few links at a glance; the cart and the link come first


def history_dock(window: QMainWindow) -> QDockWidget | None:
    """The window's history dock, reserved or complete; None if there is none."""
    dock = window.findChild(QDockWidget, DOCK_NAME)
    return dock if isinstance(dock, QDockWidget) else None


def reserve_history_dock(window: QMainWindow) -> QDockWidget:
    """The (empty) history dock at the bottom of ``window``; the one already there if any."""
    existing = history_dock(window)
    if existing is not None:
        return existing
    dock = QDockWidget(translate("HistoryDock", "History"), window)
    dock.setObjectName(DOCK_NAME)
    dock.setFeatures(
        QDockWidget.DockWidgetFeature.DockWidgetClosable
        | QDockWidget.DockWidgetFeature.DockWidgetMovable
        | QDockWidget.DockWidgetFeature.DockWidgetFloatable
    )
    placeholder = QLabel(translate("HistoryDock", "Loading the history…"), dock)
    placeholder.setObjectName("historyPlaceholderLabel")
    placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
    placeholder.setEnabled(False)
    dock.setWidget(placeholder)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    if window.isVisible():
        dock.show()  # a dock added to a window that is already shown stays hidden otherwise
    window.resizeDocks([dock], [default_dock_height(window)], Qt.Orientation.Vertical)
    return dock


def default_dock_height(window: QMainWindow) -> int:
    """Room for the dock's title, the filter row, the column headers and DEFAULT_ROWS rows
    (rows are the font's height + 8, as the history view sets them)."""
    line = window.fontMetrics().height()
    title, filter_row, header, chrome = line + 8, line + 16, line + 10, 16
    return title + filter_row + header + DEFAULT_ROWS * (line + 8) + chrome


def drop_history_dock(window: QMainWindow) -> None:
    """Remove the reserved dock (the history could not be opened: nothing will fill it)."""
    dock = history_dock(window)
    if dock is not None:
        window.removeDockWidget(dock)
        dock.deleteLater()
