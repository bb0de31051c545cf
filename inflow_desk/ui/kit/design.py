"""The design scale: spacing and type sizes, the one place a pixel size is written down.

Widgets take a step of the scale (``design.SPACE_M``) or a type size (``design.font(widget,
design.TYPE_TOTAL)``), never a number of their own: ``tests/ui/test_palette.py`` fails on a
pixel size in a style sheet outside ``ui/kit/``. Type sizes are factors of the system font, so
the OS's text scaling still applies.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

# ---------------------------------------------------------------- spacing (px)
SPACE_XS: Final = 4
SPACE_S: Final = 8
SPACE_M: Final = 12
SPACE_L: Final = 16
SPACE_XL: Final = 24
SPACING: Final = (SPACE_XS, SPACE_S, SPACE_M, SPACE_L, SPACE_XL)

#: Corner radius of chips, panels and the primary button.
RADIUS: Final = 4

# ---------------------------------------------------------------- type (× the system font)
TYPE_BODY: Final = 1.0
#: Headings of a card: the amount of a created link, the mode titles.
TYPE_HEADING: Final = 1.6
#: The cart total: the largest text of the form.
TYPE_TOTAL: Final = 2.0
#: Chips and captions.
TYPE_SMALL: Final = 0.9
TYPE_SIZES: Final = (TYPE_SMALL, TYPE_BODY, TYPE_HEADING, TYPE_TOTAL)


def font(widget: QWidget, size: float, *, bold: bool = False) -> QFont:
    """``widget``'s font at ``size`` (one of the ``TYPE_*`` factors)."""
    scaled = QFont(widget.font())
    if scaled.pointSizeF() > 0:
        scaled.setPointSizeF(scaled.pointSizeF() * size)
    else:
        scaled.setPixelSize(max(1, round(scaled.pixelSize() * size)))
    scaled.setBold(bold)
    return scaled


def apply_font(widget: QWidget, size: float, *, bold: bool = False) -> None:
    widget.setFont(font(widget, size, bold=bold))


def primary_button_style(fill: str, label: str) -> str:
    """The style of the one primary action of a state (``palette.roles_for(...).primary``)."""
    return (
        f"QPushButton {{ background: {fill}; color: {label}; font-weight: bold; "
        f"border: none; border-radius: {RADIUS}px; padding: {SPACE_XS}px {SPACE_L}px; }}"
        f"QPushButton:disabled {{ background: palette(mid); color: palette(window); }}"
    )
