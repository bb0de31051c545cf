"""Style sheets that follow the OS palette: light, dark and high-contrast.

Style sheets are written with the light colours of :mod:`palette` (``f"color:
{palette.DANGER};"``). :func:`set_style` applies one through :func:`palette.themed_css` for the
widget's palette and remembers what was asked, so :func:`retheme` can apply it again when the
application's palette changes (the OS switched to dark mode while the app runs).
"""

from __future__ import annotations

from typing import Final

from PySide6.QtWidgets import QApplication, QWidget

from inflow_desk.ui.kit import palette

#: The dynamic property holding the style sheet as written (light colours).
WRITTEN: Final = "inflowWrittenStyle"


def set_style(widget: QWidget, css: str) -> None:
    """``widget.setStyleSheet(css)`` with ``css``'s colours made to follow the palette."""
    widget.setProperty(WRITTEN, css)
    # The application's palette, not the widget's: a widget with a style sheet gets a palette
    # of its own from Qt's style-sheet style, which is still the old one when :func:`retheme`
    # runs on a palette change.
    widget.setStyleSheet(palette.themed_css(css, QApplication.palette(widget)) if css else "")


def retheme() -> None:
    """Apply every remembered style sheet again for the current palette."""
    for widget in QApplication.allWidgets():
        written = widget.property(WRITTEN)
        if isinstance(written, str):
            set_style(widget, written)
