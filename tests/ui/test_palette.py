"""One palette: colours are written down in ``inflow_desk/ui/kit/palette.py`` and nowhere else.

The scan reads the sources of ``inflow_desk/ui/`` (and ``app.py``, the other module that draws)
token by token: hex colours, ``rgb()``/``hsl()`` and named colours (``color: gray``) in strings,
``QColor(...)`` built from numbers or a string literal, ``Qt.GlobalColor.<name>`` and
``QColorConstants``. ``QColor(palette.DANGER)`` is the way to spell a colour.
"""

from __future__ import annotations

import io
import re
import tokenize
from dataclasses import fields
from pathlib import Path

import pytest
from PySide6.QtGui import QColor

import inflow_desk
from inflow_desk.ui.kit import palette

PACKAGE = Path(inflow_desk.__file__).parent
PALETTE_FILE = PACKAGE / "ui" / "kit" / "palette.py"
SCANNED = sorted([*(PACKAGE / "ui").rglob("*.py"), PACKAGE / "app.py"])

_HEX = re.compile(r"(?<![\w&])#(?:[0-9a-fA-F]{8}|[0-9a-fA-F]{6}|[0-9a-fA-F]{3})(?![\w-])")
_FUNCTION = re.compile(r"\b(?:rgba?|hsla?|hsv)\s*\(", re.IGNORECASE)
_NAMED_COLOURS = "|".join(sorted((n for n in QColor.colorNames() if n != "transparent"), key=len))
_NAMED = re.compile(
    r"\b(?:color|background(?:-color)?|border(?:-[a-z]+)*|outline|selection-[a-z-]+)\s*[:=]\s*[\"']?"
    rf"[^;'\"}}]*?\b(?P<name>{_NAMED_COLOURS})\b",
    re.IGNORECASE,
)
_COLOUR_FACTORIES = {"fromRgb", "fromRgbF", "fromRgba", "fromHsv", "fromHsl", "fromString"}


def colour_literals(source: str) -> list[tuple[int, str]]:
    """(line, what) for every colour written as a literal in ``source`` (Python code)."""
    found: list[tuple[int, str]] = []
    tokens = [
        t
        for t in tokenize.generate_tokens(io.StringIO(source).readline)
        if t.type not in (tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE)
    ]
    for i, tok in enumerate(tokens):
        line = tok.start[0]
        if tok.type == tokenize.STRING:
            for pattern in (_HEX, _FUNCTION, _NAMED):
                found += [(line, match.group(0)) for match in pattern.finditer(tok.string)]
        elif tok.type == tokenize.NAME:
            after = [t.string for t in tokens[i + 1 : i + 3]]
            if tok.string == "QColor" and after[:1] == ["("] and len(after) == 2:
                # QColor(255, 0, 0) / QColor("red") — but QColor(palette.X) and QColor() are fine
                if tokens[i + 2].type in (tokenize.NUMBER, tokenize.STRING):
                    found.append((line, f"QColor({after[1]}…)"))
            elif (
                tok.string == "GlobalColor" and after[:1] == ["."] and after[1:] != ["transparent"]
            ):
                found.append((line, f"GlobalColor.{''.join(after[1:])}"))
            elif tok.string == "QColorConstants" or tok.string in _COLOUR_FACTORIES:
                found.append((line, tok.string))
    return found


@pytest.mark.parametrize(
    "source",
    [
        'STYLE = "color: #a40000;"',
        'STYLE = "QLabel { background: #FFF; }"',
        "brush = QBrush(QColor(255, 220, 220))",
        'brush = QBrush(QColor("#80868b"))',
        "brush = QColor('darkred')",
        "return Qt.GlobalColor.gray",
        "c = QColorConstants.Svg.red",
        "c = QColor.fromRgb(1, 2, 3)",
        "html = \"<span style='color:gray'>excl. tax</span>\"",
        'css = "background: white; color: black;"',
        'css = "border: 2px solid rgb(10, 20, 30);"',
        'css = f"color: {x}; background: rgba(0, 0, 0, 0.5);"',
        "html = '<font color=\"red\">x</font>'",
    ],
)
def test_the_scan_finds_each_kind_of_colour_literal(source: str) -> None:
    assert colour_literals(source), source


@pytest.mark.parametrize(
    "source",
    [
        "brush = QBrush(QColor(palette.MUTED_ROW))",
        'STYLE = f"color: {palette.DANGER}; font-weight: bold;"',
        'css = "QLineEdit#offerPasteEdit { border: 2px solid; }"',  # an object name, not a colour
        'text = "Row #12 of the cart"',  # (#123 would read as a colour: it is one)
        "# a comment may say #a40000 or red",
        "c = QColor()",
        "option.palette.setColor(QPalette.ColorRole.Highlight, selected)",
        'text = "A red flag: the colour of the Production badge"',  # prose, not a style
        "role = Qt.GlobalColor.transparent",
    ],
)
def test_the_scan_leaves_palette_references_and_prose_alone(source: str) -> None:
    assert colour_literals(source) == []


def test_no_colour_literal_outside_the_palette() -> None:
    assert PALETTE_FILE in SCANNED and len(SCANNED) > 30
    offenders = [
        f"{path.relative_to(PACKAGE.parent)}:{line}: {what}"
        for path in SCANNED
        if path != PALETTE_FILE
        for line, what in colour_literals(path.read_text(encoding="utf-8"))
    ]
    assert offenders == [], "use a role from inflow_desk/ui/kit/palette.py:\n" + "\n".join(
        offenders
    )


def test_every_palette_colour_is_a_valid_colour() -> None:
    values = {
        name: value
        for name, value in vars(palette).items()
        if name.isupper() and isinstance(value, str)
    }
    badges = [getattr(b, f.name) for b in palette.BADGES.values() for f in fields(b)]
    assert len(values) >= 10
    for value in [*values.values(), *(b for b in badges if b is not None)]:
        assert re.fullmatch(r"#[0-9a-f]{6}", value), value  # one spelling: lower-case #rrggbb
        assert QColor(value).isValid(), value
    assert set(palette.BADGES) == {"PRODUCTION", "SANDBOX", "CUSTOM", "DEMO"}


# ---------------------------------------------------------------- sizes (issue 19)
#: A length written as a number in a style sheet or rich text: "padding: 4px", "font-size:12pt",
#: "border: 2px solid", "1.5em". Sizes come from ``ui/kit/design.py`` (the spacing scale, the
#: type sizes, the border widths), as colours come from the palette.
_SIZE = re.compile(r"(?<![\w.#{])\d+(?:\.\d+)?\s*(?:px|pt|em)\b", re.IGNORECASE)
KIT = PACKAGE / "ui" / "kit"


def size_literals(source: str) -> list[tuple[int, str]]:
    """(line, what) for every length written as a literal inside a string of ``source``."""
    return [
        (tok.start[0], match.group(0))
        for tok in tokenize.generate_tokens(io.StringIO(source).readline)
        if tok.type == tokenize.STRING
        for match in _SIZE.finditer(tok.string)
    ]


@pytest.mark.parametrize(
    "source",
    [
        'STYLE = "QLabel { padding: 4px; }"',
        "html = \"<b style='font-size:15pt'>x</b>\"",
        'css = f"border: 2px solid {palette.DANGER};"',
        'css = "border-radius: 9px;"',
        "css = 'padding: 2px 8px;'",
        'css = "font-size: 1.5em;"',
    ],
)
def test_the_size_scan_finds_pixel_and_point_sizes(source: str) -> None:
    assert size_literals(source), source


@pytest.mark.parametrize(
    "source",
    [
        'css = f"padding: {design.SPACE_XS}px {design.SPACE_L}px;"',
        "# a comment may say 70 px",
        "widget.setMinimumHeight(36)",
        'text = "QR code (160 pixels)"',
        'css = "padding: 0;"',
        'css = f"font-size: {points}pt;"',
    ],
)
def test_the_size_scan_leaves_named_sizes_alone(source: str) -> None:
    assert size_literals(source) == []


def test_no_size_literal_in_a_style_outside_the_kit() -> None:
    offenders = [
        f"{path.relative_to(PACKAGE.parent)}:{line}: {what}"
        for path in SCANNED
        if KIT not in path.parents
        for line, what in size_literals(path.read_text(encoding="utf-8"))
    ]
    assert offenders == [], "use a size from inflow_desk/ui/kit/design.py:\n" + "\n".join(offenders)
