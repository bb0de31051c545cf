"""Colours the item models paint follow the theme (issue 19/17): the history's status text
(open, expired), an invalid cart cell, an archived offer read at 4.5:1 on the view's rows in
light, dark and high-contrast palettes — computed from the palette, not judged by eye."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from inflow_desk.emulator import generate_offers
from inflow_desk.storage.history import HistoryStore
from inflow_desk.ui.checkout.line_items_model import Column, DraftLine, LineItemsModel
from inflow_desk.ui.checkout.offers_model import OffersModel, locale_money, make_entry
from inflow_desk.ui.history.model import HistoryColumn
from inflow_desk.ui.history.view import HistoryView
from inflow_desk.ui.kit import item_colours, palette
from tests.ui.conftest import FROZEN_NOW, Clock
from tests.ui.history_helpers import one_time_record, open_store, wait_refreshed


def _scheme(window: str, text: str, base: str, alternate: str) -> QPalette:
    scheme = QPalette()
    for roles, colour in (
        ((QPalette.ColorRole.Window, QPalette.ColorRole.Button), window),
        (
            (
                QPalette.ColorRole.WindowText,
                QPalette.ColorRole.Text,
                QPalette.ColorRole.ButtonText,
            ),
            text,
        ),
        ((QPalette.ColorRole.Base,), base),
        ((QPalette.ColorRole.AlternateBase,), alternate),
    ):
        for role in roles:
            scheme.setColor(role, QColor(colour))
    return scheme


SCHEMES: dict[str, Callable[[], QPalette]] = {
    "light": lambda: QApplication.style().standardPalette(),
    "white": lambda: _scheme("#efefef", "#000000", "#ffffff", "#f7f7f7"),
    "dark": lambda: _scheme("#2d2d2d", "#f0f0f0", "#1e1e1e", "#262626"),
    "high-contrast-dark": lambda: _scheme("#000000", "#ffffff", "#000000", "#000000"),
    "high-contrast-light": lambda: _scheme("#ffffff", "#000000", "#ffffff", "#ffffff"),
}


@pytest.fixture(params=list(SCHEMES))
def scheme(request: pytest.FixtureRequest) -> Iterator[QPalette]:
    before = QApplication.palette()
    chosen = SCHEMES[request.param]()
    QApplication.setPalette(chosen)
    yield QApplication.palette()
    QApplication.setPalette(before)


def _hex(value: object) -> str:
    assert isinstance(value, QBrush | QColor), f"not a colour: {value!r}"
    colour = value.color() if isinstance(value, QBrush) else value
    return str(colour.name()).lower()


def _rows(qpalette: QPalette) -> tuple[str, str]:
    return item_colours.view_backgrounds(qpalette)


def _assert_reads(text: str, backgrounds: tuple[str, ...], what: str) -> None:
    for background in backgrounds:
        ratio = palette.contrast_ratio(text, background)
        assert ratio >= palette.MIN_CONTRAST, f"{what}: {text} on {background} is {ratio:.2f}:1"


@pytest.fixture
def store(tmp_path: Path, qtbot: QtBot, clock: Clock) -> Iterator[HistoryStore]:
    yield from open_store(tmp_path, qtbot, clock)


def test_history_status_colours_read_on_the_rows(
    qtbot: QtBot, store: HistoryStore, clock: Clock, scheme: QPalette
) -> None:
    store.add(one_time_record(1, created_at=FROZEN_NOW))  # open: expires in an hour
    store.add(one_time_record(2, created_at=FROZEN_NOW.replace(year=2025)))  # long expired
    view = HistoryView(store, clock=clock, profile="test")
    qtbot.addWidget(view)
    wait_refreshed(qtbot, view)
    model = view.model
    qtbot.waitUntil(lambda: model.rowCount() == 2 and model.record_at(1) is not None)
    colours = {
        _hex(model.data(model.index(row, HistoryColumn.STATUS), Qt.ItemDataRole.ForegroundRole))
        for row in range(2)
    }
    assert len(colours) == 2 or scheme.color(QPalette.ColorRole.Base).name() in (
        "#000000",
        "#ffffff",
    )  # open and expired differ (a pure black/white palette may leave only its text)
    for colour in colours:
        _assert_reads(colour, _rows(scheme), "history status")


def test_an_invalid_cart_cell_reads_in_every_palette(scheme: QPalette) -> None:
    model = LineItemsModel()
    model.set_lines([DraftLine(name="Starter kit", price_text="49.99", price_cents=4999)])
    assert model.setData(model.index(0, Column.PRICE), "9.9.0")
    index = model.index(0, Column.PRICE)
    background = _hex(model.data(index, Qt.ItemDataRole.BackgroundRole))
    text = _hex(model.data(index, Qt.ItemDataRole.ForegroundRole))
    _assert_reads(text, (background,), "invalid cell")
    if palette.is_dark(scheme):  # a dark theme gets a dark tint, not the light pink
        assert palette.relative_luminance(background) < 0.2


def test_an_archived_offer_reads_on_the_rows(scheme: QPalette) -> None:
    offers = generate_offers(3)
    offers[1]["archived"] = True
    model = OffersModel()
    model.add_listed([make_entry(o, locale_money()) for o in offers])
    archived = [
        model.data(model.index(r, 0), Qt.ItemDataRole.ForegroundRole)
        for r in range(model.rowCount())
    ]
    assert archived.count(None) == 2
    [colour] = [c for c in archived if c is not None]
    _assert_reads(_hex(colour), _rows(scheme), "archived offer")


def test_a_high_contrast_preference_asks_for_7_to_1() -> None:
    """Qt ≥ 6.10 reports the OS's contrast preference; when it asks for more, item colours
    read at 7:1 (WCAG AAA)."""
    scheme = SCHEMES["light"]()
    muted = _hex(item_colours.item_text(palette.MUTED_ROW, scheme))
    assert palette.contrast_ratio(muted, _rows(scheme)[0]) < palette.HIGH_CONTRAST
    palette.force_high_contrast(True)
    try:
        assert palette.high_contrast() is True
        stronger = _hex(item_colours.item_text(palette.MUTED_ROW, scheme))
    finally:
        palette.force_high_contrast(None)
    for background in _rows(scheme):
        assert palette.contrast_ratio(stronger, background) >= palette.HIGH_CONTRAST
    # The preference is read from Qt where it exists (PySide6 ≥ 6.10); the platform here says
    # "no preference".
    assert palette.high_contrast() is False
