"""Icons on the actions agents use most (Copy, QR, New link, Settings), from qtawesome's
maintained Font Awesome set, always beside the button's text label (never an icon alone).

qtawesome costs ~180 ms to import and load its font: it is imported after the first frame
(``app.DEFERRED_MODULES``) and :func:`load_icons` runs as a start-up step. The icons' place is
reserved from the first frame by :func:`reserve_icons` (a transparent icon of the same size),
so nothing moves when they arrive.
"""

from __future__ import annotations

import logging
import os
from typing import Any, Final

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QAbstractButton, QWidget

from inflow_desk.ui.kit import design, palette

log = logging.getLogger(__name__)

# qtpy (under qtawesome) must pick the binding we use, whatever else is installed; set before
# app.DEFERRED_MODULES imports qtawesome in the background.
os.environ.setdefault("QT_API", "pyside6")

#: Button object name → Font Awesome 5 icon (qtawesome's name).
ICONS: Final = {
    "copyUrlButton": "fa5s.copy",
    "enlargeQrButton": "fa5s.qrcode",
    "newLinkButton": "fa5s.plus",
    "settingsButton": "fa5s.cog",
}
ICON_SIZE: Final = QSize(design.SPACE_L, design.SPACE_L)


def _buttons(root: QWidget) -> list[tuple[QAbstractButton, str]]:
    found: list[tuple[QAbstractButton, str]] = []
    for name, icon in ICONS.items():
        button = root.findChild(QAbstractButton, name)
        if button is not None:
            found.append((button, icon))
    return found


def reserve_icons(root: QWidget) -> None:
    """Give each iconed button under ``root`` a blank icon of the final size (first frame)."""
    blank = QPixmap(ICON_SIZE)
    blank.fill(Qt.GlobalColor.transparent)
    for button, _ in _buttons(root):
        button.setIconSize(ICON_SIZE)
        if button.icon().isNull():
            button.setIcon(QIcon(blank))


def load_icons(root: QWidget) -> int:
    """Draw the icons (after the first frame); returns how many were set. Without qtawesome
    (a packaging slip) the buttons keep their text labels and the reason is logged."""
    try:
        import qtawesome
    except ImportError:
        log.warning("qtawesome is not installed: buttons show their labels without icons")
        return 0
    count = 0
    for button, name in _buttons(root):
        _apply(qtawesome, button, name)
        count += 1
    return count


def set_primary(button: QAbstractButton, primary: bool) -> None:
    """The button became (or stopped being) the primary action: its icon follows its label's
    colour (``on_primary`` on the primary fill, the text colour elsewhere)."""
    button.setProperty("primaryAction", primary)
    name = ICONS.get(button.objectName())
    if name is not None and button.property("iconLoaded"):
        import qtawesome

        _apply(qtawesome, button, name)


def _apply(qtawesome: Any, button: QAbstractButton, name: str) -> None:
    roles = palette.roles_for(button.window().palette())
    colour = roles.on_primary if button.property("primaryAction") else roles.text
    button.setIconSize(ICON_SIZE)
    button.setIcon(
        qtawesome.icon(name, color=QColor(colour), color_disabled=QColor(roles.muted_text))
    )
    button.setProperty("iconLoaded", True)
