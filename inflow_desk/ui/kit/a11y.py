"""Screen readers: say out loud what changed where the agent is not looking.

:func:`announce` sends Qt's ``QAccessibleAnnouncementEvent`` (Qt 6.8+): on Linux an AT-SPI
``Announcement`` that Orca speaks, on Windows a UI Automation notification, on macOS an
NSAccessibility announcement. Polite by default (said after what is being read); errors are
assertive (they interrupt). Pass text that is already on screen and translated (a label's
``text()``): the announcement then speaks the agent's language and says what the screen says.

Without the event (a Qt older than 6.8) the text goes to a status label kept for the purpose
in the window, whose name change a screen reader reads.
"""

from __future__ import annotations

from typing import Any, Final

from PySide6 import QtGui
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtWidgets import QLabel, QWidget

#: Qt's announcement event, or None where this Qt has none (then the live label is used).
ANNOUNCEMENT_EVENT: Any = getattr(QtGui, "QAccessibleAnnouncementEvent", None)
LIVE_LABEL_NAME: Final = "a11yLiveStatus"


class Announcer(QObject):
    """Tells observers (tests, a log) what was announced: ``announced(text, assertive)``."""

    announced = Signal(str, bool)


_announcer: list[Announcer] = []


def announcer() -> Announcer:
    """The one :class:`Announcer` (made on first use, once a QApplication exists)."""
    if not _announcer:
        _announcer.append(Announcer())
    return _announcer[0]


def announce(widget: QWidget, text: str, assertive: bool = False) -> None:
    """Have screen readers say ``text`` (already translated), on behalf of ``widget``."""
    text = text.strip()
    if not text:
        return
    if ANNOUNCEMENT_EVENT is not None:
        event = ANNOUNCEMENT_EVENT(widget, text)
        event.setPoliteness(
            QAccessible.AnnouncementPoliteness.Assertive
            if assertive
            else QAccessible.AnnouncementPoliteness.Polite
        )
        QAccessible.updateAccessibility(event)
    else:
        _live_label(widget).setAccessibleName(text)  # (Qt sends NameChanged itself)
    announcer().announced.emit(text, assertive)


def _live_label(widget: QWidget) -> QLabel:
    """The window's live status label: 1×1 px, on screen (hidden widgets are not read)."""
    window = widget.window()
    label = window.findChild(QLabel, LIVE_LABEL_NAME)
    if label is None:
        label = QLabel(window)
        label.setObjectName(LIVE_LABEL_NAME)
        label.setGeometry(0, 0, 1, 1)
        label.show()
        QAccessible.updateAccessibility(QAccessibleEvent(label, QAccessible.Event.ObjectCreated))
    return label


def tab_after(anchor: QWidget, widget: QWidget) -> None:
    """Tab reaches ``widget`` (or the controls inside it, in their own order) right after
    ``anchor``: for a control a feature adds to a panel after the window set its Tab order."""
    previous = anchor
    for stop in tab_stops(widget):
        QWidget.setTabOrder(previous, stop)
        previous = stop


def tab_stop_before(widget: QWidget) -> QWidget:
    """The control Tab reaches just before ``widget`` (``widget`` itself when it is the only
    one): pass it to :func:`tab_after` to put a control before ``widget``."""
    node = widget.previousInFocusChain()
    while node is not None and node is not widget:
        if node.focusPolicy() & Qt.FocusPolicy.TabFocus:
            return node
        node = node.previousInFocusChain()
    return widget


def tab_stops(widget: QWidget) -> list[QWidget]:
    """``widget`` if Tab stops on it, else its descendants that Tab stops on, in the order
    they were made (a feature's row of buttons: left to right). Not by walking the window's
    whole focus chain from Python: with PySide6 6.11.3 that left the wrappers the window
    keeps of its menus invalid ("already deleted"; tests/ui/test_payments_desk.py)."""
    if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
        return [widget]
    return [
        child
        for child in widget.findChildren(QWidget)
        if child.focusPolicy() & Qt.FocusPolicy.TabFocus and not child.isWindow()
    ]
