"""Light, dark and high-contrast: every text colour the app sets in a style sheet (or in a
label's rich text) reads at WCAG AA (4.5:1) on the background it is drawn on.

The window is built under each palette (``QApplication.setPalette``, restored afterwards) and
walked widget by widget in several states (empty, a refused Create with its messages, a created
link, a stale link); the colours are read back from the style sheets the widgets really carry.
A style sheet that kept a fixed light colour on a dark window fails here.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

import inflow_desk
from inflow_desk.ui.kit import palette
from inflow_desk.ui.kit.theme import WRITTEN, retheme
from inflow_desk.ui.main_window import MainWindow
from tests.ui.conftest import press, type_text

CTRL = Qt.KeyboardModifier.ControlModifier
HEX = r"#[0-9a-fA-F]{6}\b"
_BLOCK = re.compile(r"(?:(?P<selector>[^{}]*)\{)?(?P<body>[^{}]*)\}?")
_COLOUR = re.compile(rf"(?<![-\w])color\s*:\s*(?P<c>{HEX})")
_BACKGROUND = re.compile(rf"background(?:-color)?\s*:\s*(?P<c>{HEX})")


def _scheme(window: str, text: str, base: str, button: str) -> QPalette:
    scheme = QPalette()
    for roles, colour in (
        ((QPalette.ColorRole.Window,), window),
        ((QPalette.ColorRole.WindowText, QPalette.ColorRole.Text), text),
        ((QPalette.ColorRole.ButtonText,), text),
        ((QPalette.ColorRole.Base,), base),
        ((QPalette.ColorRole.Button,), button),
    ):
        for role in roles:
            scheme.setColor(role, QColor(colour))
    return scheme


SCHEMES: dict[str, Callable[[], QPalette]] = {
    "light": lambda: QApplication.style().standardPalette(),
    "dark": lambda: _scheme("#2d2d2d", "#f0f0f0", "#1e1e1e", "#3a3a3a"),
    "high-contrast-dark": lambda: _scheme("#000000", "#ffffff", "#000000", "#000000"),
    "high-contrast-light": lambda: _scheme("#ffffff", "#000000", "#ffffff", "#ffffff"),
}


@pytest.fixture(params=list(SCHEMES))
def scheme(request: pytest.FixtureRequest) -> Iterator[QPalette]:
    before = QApplication.palette()
    chosen = SCHEMES[request.param]()
    QApplication.setPalette(chosen)
    yield chosen
    QApplication.setPalette(before)


def _background(widget: QWidget) -> str:
    """The colour ``widget`` is drawn on: the nearest style sheet background, else the palette."""
    current: QWidget | None = widget
    while current is not None:
        found = _BACKGROUND.search(current.styleSheet())
        if found:
            return found.group("c").lower()
        current = current.parentWidget()
    return str(widget.palette().color(QPalette.ColorRole.Window).name())


def text_colours(root: QWidget) -> list[tuple[str, str, str]]:
    """(where, text colour, background) for every visible widget's style-sheet and rich-text
    colours, and for the plain text of labels drawn on a style sheet's background."""
    found: list[tuple[str, str, str]] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root):
            continue
        name = f"{type(widget).__name__}#{widget.objectName()}"
        css = widget.styleSheet()
        own = False
        for block in _BLOCK.finditer(css):
            body, selector = block.group("body"), block.group("selector") or ""
            if ":" in selector.split("#")[-1]:  # :disabled, :hover — another state
                continue
            colour = _COLOUR.search(body)
            if colour is None:
                continue
            own = True
            background = _BACKGROUND.search(body)
            found.append(
                (
                    f"{name} style sheet",
                    colour.group("c").lower(),
                    background.group("c").lower() if background else _background(widget),
                )
            )
        if isinstance(widget, QLabel) and widget.text():
            for rich in _COLOUR.finditer(widget.text()):
                found.append((f"{name} rich text", rich.group("c").lower(), _background(widget)))
            if (
                not own
                and _background(widget) != widget.palette().color(QPalette.ColorRole.Window).name()
            ):
                text = widget.palette().color(QPalette.ColorRole.WindowText).name()
                found.append((f"{name} plain text", str(text), _background(widget)))
    return found


def assert_readable(root: QWidget) -> int:
    colours = text_colours(root)
    poor = [
        f"{where}: {fg} on {bg} = {palette.contrast_ratio(fg, bg):.2f}"
        for where, fg, bg in colours
        if palette.contrast_ratio(fg, bg) < palette.MIN_CONTRAST
    ]
    assert not poor, "\n".join(poor)
    return len(colours)


def test_every_colour_the_window_sets_reads_in_each_state(
    qtbot: QtBot, scheme: QPalette, make_window: Callable[..., MainWindow]
) -> None:
    window = make_window()
    checked = assert_readable(window)  # empty: the hint, the total's "excl. tax"

    press(qtbot, Qt.Key.Key_Return, CTRL)  # an empty cart: the error line and the cart error
    assert window.error_label.isVisible()
    checked += assert_readable(window)

    window.one_time_form.focus_first()
    type_text(qtbot, "Starter kit")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "49.99")
    with qtbot.waitSignal(window.sessionCreated, timeout=5000):
        press(qtbot, Qt.Key.Key_Return, CTRL)
    checked += assert_readable(window)

    press(qtbot, Qt.Key.Key_F2)
    type_text(qtbot, "5")  # the link now belongs to the previous cart: the stale warning
    assert window.result_panel.stale_label.isVisible()
    checked += assert_readable(window)
    assert checked >= 6  # the walk did find the colours it is meant to check


def test_a_palette_change_while_running_rethemes_the_style_sheets(
    qtbot: QtBot, make_window: Callable[..., MainWindow]
) -> None:
    before = QApplication.palette()
    window = make_window()
    press(qtbot, Qt.Key.Key_Return, CTRL)
    assert window.error_label.isVisible()
    light = window.error_label.styleSheet()
    try:
        QApplication.setPalette(SCHEMES["dark"]())
        label = window.one_time_form.total_label  # it reaches the widgets through events
        qtbot.waitUntil(lambda: palette.is_dark(label.palette()), timeout=3000)
        retheme()  # what theme.follow_os runs (from app.py) once the palette has changed
        assert window.error_label.styleSheet() != light
        assert_readable(window)
    finally:
        QApplication.setPalette(before)
        retheme()
    assert window.error_label.styleSheet() == light


@pytest.mark.parametrize("name", list(SCHEMES))
def test_every_style_constant_reads_under_every_palette(qtbot: QtBot, name: str) -> None:
    """The style sheets shown only in rarer states (settings, first run, catalog, payments):
    every module-level style string of ui/, themed as :func:`theme.set_style` applies it."""
    checked = 0
    for css, themed, ratio in text_contrasts(_style_constants(), SCHEMES[name]()):
        assert ratio >= palette.MIN_CONTRAST, f"{css!r} → {themed!r}: {ratio:.2f}"
        checked += 1
    assert checked >= 10


def text_contrasts(sheets: list[str], scheme: QPalette) -> Iterator[tuple[str, str, float]]:
    """``(css, themed css, ratio)`` for every block of ``sheets`` that sets a text colour,
    themed for ``scheme`` as :func:`theme.set_style` applies it: the colour against the
    block's own background, else the window's."""
    window = scheme.color(QPalette.ColorRole.Window).name()
    for css in sheets:
        themed = palette.themed_css(css, scheme)
        for block in _BLOCK.finditer(themed):
            colour = _COLOUR.search(block.group("body"))
            if colour is None:
                continue
            background = _BACKGROUND.search(block.group("body"))
            bg = background.group("c") if background else window
            yield css, themed, palette.contrast_ratio(colour.group("c").lower(), bg.lower())


def _style_constants() -> list[str]:
    from importlib import import_module

    found: list[str] = []
    for path in sorted((Path(inflow_desk.__file__).parent / "ui").rglob("*.py")):
        if "kit" in path.parts:
            continue
        module = ".".join(
            path.relative_to(Path(inflow_desk.__file__).parent.parent).with_suffix("").parts
        )
        loaded = import_module(module)
        for value in vars(loaded).values():
            if isinstance(value, str) and "color:" in value:
                found.append(value)
            elif isinstance(value, dict):
                found += [v for v in value.values() if isinstance(v, str) and "color:" in v]
    return found


def test_style_sheets_are_set_through_the_theme() -> None:
    """``widget.setStyleSheet`` outside ui/kit would skip the theming: only the primary button
    (drawn from ``roles_for``) and the enlarged QR code (black on white on purpose) call it."""
    package = Path(inflow_desk.__file__).parent
    calls: set[str] = set()
    for path in sorted([*(package / "ui").rglob("*.py"), package / "app.py"]):
        if "kit" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for scope in ast.walk(tree):
            if not isinstance(scope, ast.FunctionDef):
                continue
            for node in ast.walk(scope):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "setStyleSheet"
                ):
                    calls.add(f"{path.name}:{scope.name}")
    assert calls == {"main_window.py:_mark_primary", "result_panel.py:__init__"}
    assert WRITTEN  # the property set_style remembers the written style sheet in
