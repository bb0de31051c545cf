"""A high-contrast preference of the OS (issue 17, item 5): every text colour the app sets —
style sheets, rich text, status chips — reads at WCAG AAA (7:1) on what it is drawn on, in a
light and a dark palette; and a running app follows the OS when the preference (or the
palette, or the colour scheme) changes.

Computed from the colours the widgets really carry, not judged by eye. Qt has no setter for
the OS's contrast preference: the ``high_contrast`` fixture tells the app's one reader of it
(``palette.force_high_contrast``), and the live tests emit Qt's own
``contrastPreferenceChanged`` signal, as the OS does.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QTextEdit, QWidget
from pytestqt.qtbot import QtBot

from inflow_desk.ui.kit import palette, theme
from inflow_desk.ui.kit.chips import Chip
from inflow_desk.ui.main_window import MainWindow
from tests.ui import desk_states
from tests.ui.conftest import press
from tests.ui.test_theme import SCHEMES, text_colours

CTRL = Qt.KeyboardModifier.ControlModifier
_HTML_COLOUR = re.compile(r"(?<![-\w])color\s*:\s*(#[0-9a-fA-F]{6})\b")


@pytest.fixture(params=["light", "dark"])
def scheme(request: pytest.FixtureRequest) -> Iterator[QPalette]:
    before = QApplication.palette()
    QApplication.setPalette(SCHEMES[request.param]())
    yield QApplication.palette()
    QApplication.setPalette(before)


def colours_set_by_the_app(root: QWidget) -> list[tuple[str, str, str]]:
    """(where, text, background) for every visible colour ``root`` shows that the app chose:
    style sheets and label rich text (``test_theme.text_colours``), rich text in a text view
    (the offer details, on the view's base), and the status chips."""
    found = text_colours(root)
    link = root.palette().color(QPalette.ColorRole.Link).name()
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root):
            continue
        name = f"{type(widget).__name__}#{widget.objectName()}"
        if isinstance(widget, QTextEdit):
            paper = widget.palette().color(QPalette.ColorRole.Base).name()
            for hit in _HTML_COLOUR.finditer(widget.toHtml()):
                if hit.group(1).lower() != link:  # the OS palette's link colour, not ours
                    found.append((f"{name} rich text", hit.group(1).lower(), paper))
        elif isinstance(widget, Chip) and widget.text():
            colours = widget.colours()
            found.append((f"{name} chip", colours.text, colours.background))
    return found


def below(root: QWidget, target: float) -> list[str]:
    return [
        f"{where}: {fg} on {bg} = {palette.contrast_ratio(fg, bg):.2f}"
        for where, fg, bg in colours_set_by_the_app(root)
        if palette.contrast_ratio(fg, bg) < target
    ]


def _waiter(qtbot: QtBot) -> desk_states.WaitUntil:
    def wait_until(predicate: object, timeout: int) -> None:
        qtbot.waitUntil(predicate, timeout=timeout)  # type: ignore[arg-type]

    return wait_until


def test_every_text_colour_reads_at_7_to_1_in_every_state(
    qtbot: QtBot, tmp_path: Path, scheme: QPalette, high_contrast: None
) -> None:
    """The demo desk walked through every state an agent sees (tests/ui/desk_states.py): each
    visible window's text colours read at 7:1."""
    desk = desk_states.build(tmp_path)
    qtbot.addWidget(desk.window)
    poor: list[str] = []
    states: list[str] = []
    checked = 0
    try:
        for state in desk_states.walk_states(desk, _waiter(qtbot)):
            states.append(state)
            for top in QApplication.topLevelWidgets():
                if top.isVisible():
                    checked += len(colours_set_by_the_app(top))
                    poor += [f"{state}: {line}" for line in below(top, palette.HIGH_CONTRAST)]
    finally:
        desk.window.hide()
        desk.close()
    assert states[:4] == ["empty", "invalid", "filled", "created"]
    assert "history" in states and "settings" in states
    assert checked >= 30  # the walk found the colours it is meant to check
    assert not list(dict.fromkeys(poor)), "\n".join(dict.fromkeys(poor))


@pytest.mark.parametrize("name", ["light", "dark"])
def test_every_style_constant_reads_at_7_to_1(name: str, high_contrast: None) -> None:
    """The style sheets of rarer states (first run, payments' tones…) and the environment
    badges (their own fill: white on the Production red is 6.5:1 as designed)."""
    from tests.ui.test_theme import _style_constants, text_contrasts

    scheme = SCHEMES[name]()
    badges = [badge.style() for badge in palette.BADGES.values()]
    checked = 0
    for css, themed, ratio in text_contrasts([*_style_constants(), *badges], scheme):
        assert ratio >= palette.HIGH_CONTRAST, f"{css!r} → {themed!r}: {ratio:.2f}"
        checked += 1
    assert checked >= 14
    for kind in palette.CHIP_KINDS:
        chip_colours = palette.chip_colours(kind, scheme)
        ratio = palette.contrast_ratio(chip_colours.text, chip_colours.background)
        assert ratio >= palette.HIGH_CONTRAST, kind
    roles = palette.roles_for(scheme)
    for role, value in roles.text_roles().items():
        assert palette.contrast_ratio(value, roles.surface) >= palette.HIGH_CONTRAST, role
    assert palette.contrast_ratio(roles.on_primary, roles.primary) >= palette.HIGH_CONTRAST


def test_normal_contrast_is_unchanged() -> None:
    """Without the preference the target stays AA and a colour that reads at AA keeps its
    light value (today's look): the error red on white is 8.4:1 but muted grey stays 4.5-ish."""
    assert palette.high_contrast() is False  # this platform says "no preference"
    assert palette.minimum_contrast() == palette.MIN_CONTRAST
    light = SCHEMES["light"]()
    muted = palette.themed_text(palette.MUTED, light)
    assert palette.MIN_CONTRAST <= palette.contrast_ratio(muted, "#ffffff") < palette.HIGH_CONTRAST
    badge = palette.BADGES["PRODUCTION"].style()
    assert palette.themed_css(badge, light) == badge  # 6.5:1 is enough at AA


class _Paints(QObject):
    """Counts the paint events of ``widget``."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def _on_window(widget: QWidget) -> float:
    """The contrast of ``widget``'s style-sheet text colour on the window."""
    found = _HTML_COLOUR.search(widget.styleSheet())
    assert found is not None, widget.styleSheet()
    window = QApplication.palette().color(QPalette.ColorRole.Window).name()
    return palette.contrast_ratio(found.group(1).lower(), window)


def _emit_contrast(preference: Qt.ContrastPreference) -> None:
    """What the OS does when the agent switches high contrast on or off (Qt ≥ 6.10)."""
    hints = QGuiApplication.styleHints()  # kept: see palette.high_contrast
    hints.accessibility().contrastPreferenceChanged.emit(preference)


def test_a_contrast_switch_while_running_rethemes_the_window(
    qtbot: QtBot, make_window: Callable[..., MainWindow]
) -> None:
    """The window is built at normal contrast; the OS then asks for more: its style sheets,
    its rich text and its primary button follow without being rebuilt, and go back after.
    (The window's error reds already read at 7:1 in light mode; the "Copied" green, the muted
    "excl. tax" and white on the primary blue do not. The "Copied" label is hidden until a
    link is copied: it is checked while hidden, as retheme styles every remembered widget.)"""
    app = QApplication.instance()
    assert isinstance(app, QGuiApplication)
    theme.follow_os(app)  # what app.make_application does
    window = make_window()
    press(qtbot, Qt.Key.Key_Return, CTRL)  # an empty cart: the error line, the cart error
    assert window.error_label.isVisible()
    copied = window.result_panel.copied_label  # styled once, in the panel's __init__
    styled = copied.styleSheet()
    total = window.one_time_form.total_label.text()
    button = window.create_button.styleSheet()
    assert _on_window(copied) < palette.HIGH_CONTRAST  # green on grey: 4.5:1, not 7:1
    assert {line.split(":")[0] for line in below(window, palette.HIGH_CONTRAST)} == {
        "WrappingLabel#totalLabel rich text",
        "QPushButton#createSessionButton style sheet",
    }  # at AA these are under 7:1 (the error reds already read at 7:1)
    painted = _Paints(window.one_time_form.table.viewport())  # the cart's cells
    QApplication.processEvents()
    painted.count = 0
    try:
        palette.force_high_contrast(True)
        _emit_contrast(Qt.ContrastPreference.HighContrast)
        qtbot.waitUntil(lambda: copied.styleSheet() != styled, timeout=3000)
        qtbot.waitUntil(lambda: painted.count > 0, timeout=3000)  # item brushes asked again
        assert window.one_time_form.total_label.text() != total  # "excl. tax" darker
        assert window.create_button.styleSheet() != button  # white on a darker blue
        assert not below(window, palette.HIGH_CONTRAST)
        assert _on_window(copied) >= palette.HIGH_CONTRAST
    finally:
        palette.force_high_contrast(None)
        _emit_contrast(Qt.ContrastPreference.NoPreference)
    qtbot.waitUntil(lambda: copied.styleSheet() == styled, timeout=3000)
    assert window.one_time_form.total_label.text() == total
    assert window.create_button.styleSheet() == button


def test_a_palette_or_colour_scheme_change_rethemes_by_itself(
    qtbot: QtBot, make_window: Callable[..., MainWindow], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The OS switching to dark mode changes the palette (no test calls retheme here) and the
    colour scheme: both reach :func:`theme.retheme`, once per switch."""
    app = QApplication.instance()
    assert isinstance(app, QGuiApplication)
    theme.follow_os(app)
    theme.follow_os(app)  # twice is harmless
    window = make_window()
    press(qtbot, Qt.Key.Key_Return, CTRL)
    light = window.error_label.styleSheet()
    total = window.one_time_form.total_label.text()
    before = QApplication.palette()
    try:
        QApplication.setPalette(SCHEMES["dark"]())
        qtbot.waitUntil(lambda: window.error_label.styleSheet() != light, timeout=3000)
        assert window.one_time_form.total_label.text() != total  # the muted grey follows too
        assert not below(window, palette.MIN_CONTRAST)
    finally:
        QApplication.setPalette(before)
    qtbot.waitUntil(lambda: window.error_label.styleSheet() == light, timeout=3000)

    calls: list[None] = []
    real = theme.retheme

    def counted() -> None:
        calls.append(None)
        real()

    monkeypatch.setattr(theme, "retheme", counted)
    hints = QGuiApplication.styleHints()
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)  # and its palette, in the same turn
    qtbot.waitUntil(lambda: bool(calls), timeout=3000)
    QApplication.processEvents()  # nothing else was pending
    assert calls == [None]
