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
    """The style of the one primary action of a state (``palette.roles_for(...).primary``).
    Same box as :func:`secondary_button_style`: a button changing role never changes size."""
    return (
        f"QPushButton {{ background: {fill}; color: {label}; font-weight: bold; "
        f"border: 1px solid {fill}; border-radius: {RADIUS}px; "
        f"padding: {SPACE_XS}px {SPACE_L}px; }}"
        "QPushButton:disabled { background: palette(mid); color: palette(window); }"
    )


def secondary_button_style() -> str:
    """A button that was (or will be) the primary one, while another is."""
    return (
        "QPushButton { background: palette(button); color: palette(button-text); "
        f"font-weight: bold; border: 1px solid palette(mid); border-radius: {RADIUS}px; "
        f"padding: {SPACE_XS}px {SPACE_L}px; }}"
        "QPushButton:disabled { color: palette(mid); }"
    )


# ---------------------------------------------------------------- style sheet vocabulary
# Style sheets outside the kit spell sizes with these, never with numbers of their own
# (``tests/ui/test_palette.py`` scans for ``4px`` / ``12pt`` in strings outside ``ui/kit/``).
#: A panel's or field's outline: ``f"border: {design.BORDER} {palette.X};"``.
BORDER: Final = "1px solid"
#: An outline that must be seen (a refused link, the offer paste box).
BORDER_STRONG: Final = "2px solid"
#: The demo banner: "not a real account".
BORDER_DASHED: Final = "2px dashed"
#: ``border-radius`` of panels and fields.
ROUNDED: Final = f"border-radius: {RADIUS}px;"
#: ``border-radius`` of pills (the environment badge).
PILL: Final = f"border-radius: {RADIUS * 2}px;"


def padding(vertical: int, horizontal: int | None = None) -> str:
    """``padding: 4px 12px;`` from steps of the spacing scale."""
    steps = (vertical,) if horizontal is None else (vertical, horizontal)
    if any(step not in SPACING for step in steps):
        raise ValueError(f"{steps} is not on the spacing scale {SPACING}")
    return "padding: " + " ".join(f"{step}px" for step in steps) + ";"


def points(widget: QWidget, size: float) -> str:
    """A CSS font size (``"14.4pt"``) for rich text: ``size`` × ``widget``'s font."""
    return f"{font(widget, size).pointSizeF():.1f}pt"
