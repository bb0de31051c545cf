"""The kit's design system: the palette's roles read (WCAG AA) in light, dark and
high-contrast palettes, and every status chip renders with its text, in its colours."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage, QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QTableView
from pytestqt.qtbot import QtBot

from inflow_desk.ui.kit import design, palette
from inflow_desk.ui.kit.chips import Chip, ChipDelegate, chip_kind_for_status


def _palette(window: str, text: str, base: str | None = None) -> QPalette:
    qpalette = QPalette(QColor(text), QColor(window))
    qpalette.setColor(QPalette.ColorRole.WindowText, QColor(text))
    qpalette.setColor(QPalette.ColorRole.Text, QColor(text))
    qpalette.setColor(QPalette.ColorRole.Base, QColor(base or window))
    return qpalette


PALETTES = {
    "light": lambda: _palette("#efefef", "#000000", "#ffffff"),
    "white": lambda: _palette("#ffffff", "#1e1e1e"),
    "dark": lambda: _palette("#2d2d2d", "#ffffff", "#1e1e1e"),
    "dark grey text": lambda: _palette("#353535", "#dcdcdc"),
    "high contrast": lambda: _palette("#000000", "#ffffff"),
    "high contrast light": lambda: _palette("#ffffff", "#000000"),
}


def test_the_wcag_formula() -> None:
    assert palette.contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert palette.contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert palette.contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert palette.contrast_ratio("#808080", "#ffffff") < palette.MIN_CONTRAST


@pytest.mark.parametrize("name", PALETTES)
def test_every_text_role_reads_on_the_surface(qapp: QApplication, name: str) -> None:
    qpalette = PALETTES[name]()
    roles = palette.roles_for(qpalette)
    assert roles.surface == qpalette.color(QPalette.ColorRole.Window).name()
    assert roles.text == qpalette.color(QPalette.ColorRole.WindowText).name()
    assert len(roles.text_roles()) >= 6
    for role, colour in roles.text_roles().items():
        assert palette.contrast_ratio(colour, roles.surface) >= palette.MIN_CONTRAST, (role, colour)
    assert palette.contrast_ratio(roles.on_primary, roles.primary) >= palette.MIN_CONTRAST


def test_light_mode_keeps_todays_accents(qapp: QApplication) -> None:
    roles = palette.roles_for(PALETTES["high contrast light"]())  # white, as the forms
    assert roles.danger_text == palette.DANGER
    assert roles.success_text == palette.SUCCESS
    grey = palette.roles_for(PALETTES["light"]())  # Fusion's grey window: darkened just enough
    assert palette.contrast_ratio(palette.SUCCESS, grey.surface) < palette.MIN_CONTRAST
    assert grey.success_text != palette.SUCCESS
    assert roles.primary == palette.PRIMARY
    dark = palette.roles_for(PALETTES["dark"]())
    assert dark.danger_text != palette.DANGER  # #a40000 cannot be read on a dark surface


@pytest.mark.parametrize("name", PALETTES)
@pytest.mark.parametrize("kind", palette.CHIP_KINDS)
def test_every_chip_renders_its_text_readably(qtbot: QtBot, name: str, kind: str) -> None:
    qpalette = PALETTES[name]()
    chip = Chip(None, kind, f"{kind} ✓")
    chip.setPalette(qpalette)
    qtbot.addWidget(chip)
    chip.resize(chip.sizeHint())
    colours = chip.colours()
    assert palette.contrast_ratio(colours.text, colours.background) >= palette.MIN_CONTRAST
    assert chip.text() == f"{kind} ✓" and chip.accessibleName() == f"{kind} ✓"

    image = chip.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    seen = {
        QColor(image.pixel(x, y)).name()
        for x in range(image.width())
        for y in range(image.height())
    }
    assert colours.background in seen  # the tint is drawn
    # the glyphs: pixels at (or anti-aliased close to) the text colour
    text = QColor(colours.text)
    near = [
        c
        for c in seen
        if abs(QColor(c).red() - text.red())
        + abs(QColor(c).green() - text.green())
        + abs(QColor(c).blue() - text.blue())
        < 40
    ]
    assert near, (kind, name, colours)
    assert chip.sizeHint().width() > chip.fontMetrics().horizontalAdvance(f"{kind} ✓")


def test_an_empty_chip_draws_nothing_and_an_unknown_kind_is_refused(qtbot: QtBot) -> None:
    chip = Chip()
    qtbot.addWidget(chip)
    chip.resize(60, 20)
    image = chip.grab().toImage()
    assert len({image.pixel(x, y) for x in range(60) for y in range(20)}) == 1
    with pytest.raises(ValueError):
        chip.set_chip("purple", "x")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("paid ✓ 13:12", "paid"),
        ("open — 23 min left", "open"),
        ("expired", "expired"),
        ("failed 13:12", "failed"),
        ("waiting for payment", "waiting"),
        ("payment started", "waiting"),
        ("probably paid 13:12", "unsure"),
        ("ambiguous: PAID", "unsure"),
    ],
)
def test_history_status_texts_map_to_chip_kinds(text: str, kind: str) -> None:
    assert chip_kind_for_status(text) == kind


def test_the_delegate_draws_the_same_chip_as_the_widget(qtbot: QtBot) -> None:
    view = QTableView()
    qtbot.addWidget(view)
    model = QStandardItemModel(0, 1, view)
    for text in ("paid ✓ 13:12", "expired"):
        model.appendRow(QStandardItem(text))
    view.setModel(model)
    view.setItemDelegateForColumn(0, ChipDelegate(view))
    view.resize(300, 120)
    view.show()
    qtbot.waitExposed(view)
    image = view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    seen = {QColor(image.pixel(x, y)).name() for x in range(image.width()) for y in range(60)}
    for kind in ("paid", "expired"):
        assert palette.chip_colours(kind, view.viewport().palette()).background in seen, kind


def test_the_scale() -> None:
    assert design.SPACING == (4, 8, 12, 16, 24)
    assert max(design.TYPE_SIZES) == design.TYPE_TOTAL
