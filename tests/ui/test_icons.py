"""Icons on the actions agents use most, beside their text labels, arriving without moving
anything (their place is reserved from the first frame)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from inflow_desk.ui.kit import icons
from inflow_desk.ui.main_window import MainWindow


def _ink(button: QPushButton) -> int:
    """Opaque pixels of the button's icon."""
    image = button.icon().pixmap(icons.ICON_SIZE).toImage()
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    return sum(
        image.pixelColor(x, y).alpha() > 0
        for x in range(image.width())
        for y in range(image.height())
    )


def test_icons_arrive_beside_the_labels_and_move_nothing(
    qtbot: QtBot, make_window: Callable[..., MainWindow]
) -> None:
    window = make_window()
    settings = QPushButton("Settings", window)
    settings.setObjectName("settingsButton")
    window.add_top_bar_widget(settings)
    icons.reserve_icons(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(20)  # the layout settles
    found = {name: window.findChild(QPushButton, name) for name in icons.ICONS}
    buttons = {name: b for name, b in found.items() if b is not None}
    assert len(buttons) == len(icons.ICONS), found
    before = {
        name: (b.text(), b.mapTo(window, b.rect().topLeft()), b.size())
        for name, b in buttons.items()
    }
    assert all(_ink(b) == 0 for b in buttons.values())  # reserved, blank

    assert icons.load_icons(window) == len(icons.ICONS)
    qtbot.wait(20)
    for name, button in buttons.items():
        assert _ink(button) > 10, name  # a drawn glyph
        assert button.text().strip(), name  # never an icon alone
        assert (button.text(), button.mapTo(window, button.rect().topLeft()), button.size()) == (
            before[name]
        ), name


def test_without_a_reservation_an_icon_would_widen_the_button(
    qtbot: QtBot, make_window: Callable[..., MainWindow]
) -> None:
    """The reservation is what keeps the buttons still (this checks the check)."""
    window = make_window()
    button = window.findChild(QPushButton, "newLinkButton")
    assert button is not None
    bare = button.sizeHint().width()
    icons.reserve_icons(window)
    assert button.sizeHint().width() > bare
