"""Style sheets that follow the OS: light, dark and high contrast.

Style sheets are written with the light colours of :mod:`palette` (``f"color:
{palette.DANGER};"``). :func:`set_style` applies one through :func:`palette.themed_css` for the
widget's palette and the contrast the OS asks for (:func:`palette.minimum_contrast`), and
remembers what was asked, so :func:`retheme` can apply it again when the OS changes its mind
while the app runs: :func:`follow_os` wires the palette, the colour scheme (light/dark) and
the contrast preference (Qt ≥ 6.10) to it. Text a widget writes itself with
:func:`palette.themed_text` (rich text) is written again by the slot it gave :func:`on_change`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from inflow_desk.ui.kit import palette

#: The dynamic property holding the style sheet as written (light colours).
WRITTEN: Final = "inflowWrittenStyle"
#: The application's dynamic property saying :func:`follow_os` already connected it.
_FOLLOWING: Final = "inflowFollowsOs"


class _Notifier(QObject):
    changed = Signal()


_notifier: _Notifier | None = None
_pending = False


def _changed() -> _Notifier:
    global _notifier
    if _notifier is None:
        _notifier = _Notifier()
    return _notifier


def current_palette(widget: QWidget) -> QPalette:
    """The palette to colour ``widget``'s text for: the application's, not the widget's. A
    widget with a style sheet (or inside one) gets a palette of its own from Qt's style-sheet
    style, which is still the old one when :func:`retheme` runs on a palette change."""
    return QApplication.palette(widget)


def set_style(widget: QWidget, css: str) -> None:
    """``widget.setStyleSheet(css)`` with ``css``'s colours made to follow the palette."""
    widget.setProperty(WRITTEN, css)
    widget.setStyleSheet(palette.themed_css(css, current_palette(widget)) if css else "")


def on_change(slot: Callable[[], None]) -> None:
    """Call ``slot`` after every :func:`retheme`: for text a widget colours itself (rich text
    built with :func:`palette.themed_text`, a style drawn from :func:`palette.roles_for`).
    ``slot`` is a method of a QObject (a widget): PySide ends the connection with the object."""
    _changed().changed.connect(slot)


def retheme() -> None:
    """Apply every remembered style sheet again for the current palette and contrast
    preference, let :func:`on_change` slots write their text again, and repaint every widget
    (item views ask their models for brushes again: ``item_colours`` follows the preference)."""
    global _pending
    _pending = False
    for widget in QApplication.allWidgets():
        written = widget.property(WRITTEN)
        if isinstance(written, str):
            set_style(widget, written)
    if _notifier is not None:
        _notifier.changed.emit()
    for widget in QApplication.allWidgets():
        widget.update()


def _schedule(*_: object) -> None:
    """One :func:`retheme` once the event loop is back: an OS switch to dark mode changes the
    colour scheme and then the palette (two signals, and the palette may come second)."""
    global _pending
    if not _pending:
        _pending = True
        QTimer.singleShot(0, retheme)


def follow_os(app: QGuiApplication) -> None:
    """Re-apply the style sheets when the OS switches light/dark (``paletteChanged``,
    ``colorSchemeChanged``) or asks for more or less contrast (``contrastPreferenceChanged``,
    Qt ≥ 6.10) while the app runs. Connecting twice is harmless (once per application)."""
    if app.property(_FOLLOWING):
        return
    app.setProperty(_FOLLOWING, True)
    app.paletteChanged.connect(_schedule)
    # Both wrappers stay in variables: PySide6 (6.11) invalidates the wrapper of
    # ``accessibility()`` once the QStyleHints wrapper it came from is collected.
    hints = app.styleHints()
    hints.colorSchemeChanged.connect(_schedule)
    accessibility = getattr(hints, "accessibility", None)
    if accessibility is not None:
        accessibility_hints = accessibility()
        accessibility_hints.contrastPreferenceChanged.connect(_schedule)
