"""The app's colours, by role: the one place a colour is written down.

Widgets name a role (``palette.DANGER``), never a colour: ``f"color: {palette.DANGER};"`` in a
style sheet, ``QColor(palette.MUTED_ROW)`` for a model's brush. ``tests/ui/test_palette.py``
fails on a colour literal anywhere else in ``ui/`` or ``app.py``.

Every value is lower-case ``#rrggbb`` and is exactly the colour the screen showed before the
palette existed (``white`` = ``#ffffff``, CSS ``gray`` = ``#808080``, Qt's ``gray`` =
``#a0a0a4``), so gathering them here changed nothing on screen. Several roles are close
relatives (three reds for error text); merging them is a design decision, not a refactoring.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Final

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from inflow_desk.ui.kit import chip_labels

# ---------------------------------------------------------------- primary
#: The accent: the sandbox badge, the offer paste box when it is the way forward.
PRIMARY: Final = "#1a5fb4"
#: Text on a coloured badge.
ON_ACCENT: Final = "#ffffff"

# ---------------------------------------------------------------- danger: errors, refusals
#: Error text in forms and lists (a field's message, a failed export, an expired link).
DANGER: Final = "#a40000"
#: Text of error panels and blocking warnings (the window's error label, settings errors).
DANGER_STRONG: Final = "#8a0000"
#: Background and border of an error panel.
DANGER_SURFACE: Final = "#fdecea"
DANGER_OUTLINE: Final = "#f5c2c0"
#: Border of the panel of a refused or untrusted link (the Production badge's red).
DANGER_EMPHASIS: Final = "#b3261e"
#: An input field the agent must correct: border and background.
INVALID_OUTLINE: Final = "#c00000"
INVALID_SURFACE: Final = "#fff0f0"
#: An invalid cart cell: background, text, and its selection colour (kept red when selected).
INVALID_CELL_SURFACE: Final = "#ffdcdc"
INVALID_CELL_TEXT: Final = "#8c0000"
INVALID_CELL_SELECTED: Final = "#a01414"

# ---------------------------------------------------------------- warning: look before acting
#: Hints and settings warnings.
WARNING: Final = "#7a4d00"
#: The "previous cart" panel: text, background, border.
WARNING_STRONG: Final = "#6b4a00"
WARNING_SURFACE: Final = "#fff4ce"
WARNING_OUTLINE: Final = "#e0c060"
#: The frame around a keychain problem (first run, settings): background and border.
NOTICE_SURFACE: Final = "#fff4e5"
NOTICE_OUTLINE: Final = "#f0c36d"

# ---------------------------------------------------------------- success
#: "Copied", "Saved", open links in the history.
SUCCESS: Final = "#1b7f3b"
#: The check mark of the picked offer.
SUCCESS_MARK: Final = "#1a7f37"
#: "Connection works" in the settings.
SUCCESS_STRONG: Final = "#1b6e20"

# ---------------------------------------------------------------- muted
#: Secondary text in rich text (captions, "excl. tax", detail labels).
MUTED: Final = "#808080"
#: Expired links in the history.
MUTED_ROW: Final = "#80868b"
#: Archived offers in the offer list.
MUTED_ITEM: Final = "#a0a0a4"

# ---------------------------------------------------------------- the enlarged QR code
#: The QR window is black on white whatever the theme: scanners need the contrast.
QR_PAPER: Final = "#ffffff"
QR_INK: Final = "#000000"

# ---------------------------------------------------------------- environments
#: The demo banner and badge: "no real payments" must not look like a real account.
DEMO_SURFACE: Final = "#f6c343"
DEMO_TEXT: Final = "#3d2c00"
DEMO_OUTLINE: Final = "#8a6100"
PRODUCTION: Final = "#b3261e"
SANDBOX: Final = PRIMARY
CUSTOM: Final = "#5e3c99"


@dataclass(frozen=True)
class Badge:
    """The colours of an environment's badge."""

    background: str
    text: str
    dashed_outline: str | None = None

    def style(self) -> str:
        """The badge's style sheet (what the account badge in the top bar uses)."""
        css = f"background: {self.background}; color: {self.text};"
        if self.dashed_outline is not None:
            css += f" border: 2px dashed {self.dashed_outline};"
        return css


#: Environment (``Account.environment``) → its badge. Production looks unlike all the others.
BADGES: Final = {
    "PRODUCTION": Badge(PRODUCTION, ON_ACCENT),
    "SANDBOX": Badge(SANDBOX, ON_ACCENT),
    "CUSTOM": Badge(CUSTOM, ON_ACCENT),
    "DEMO": Badge(DEMO_SURFACE, DEMO_TEXT, DEMO_OUTLINE),
}


# ================================================================ roles that follow the OS
# The constants above are today's light look. ``roles_for`` gives the same roles for any
# QPalette: text and surface come from the palette itself (dark, high-contrast), the accents
# are today's colours in light mode and lighter relatives on a dark surface, and every text
# role is pushed towards the palette's text colour until it reads at WCAG AA (4.5:1), or at
# AAA (7:1) while the OS asks for more contrast (:func:`minimum_contrast`).

#: WCAG 2.x AA for body text.
MIN_CONTRAST: Final = 4.5
#: WCAG 2.x AAA for body text: what a high-contrast preference of the OS asks of every text.
HIGH_CONTRAST: Final = 7.0

#: Set by :func:`force_high_contrast` (tests); None follows the OS.
_forced_high_contrast: bool | None = None


def high_contrast() -> bool:
    """Whether the OS asks for more contrast: Qt 6.10's
    ``QStyleHints.accessibility().contrastPreference()`` (False before Qt 6.10), unless
    :func:`force_high_contrast` says otherwise. The one place the preference is read: style
    sheets (:func:`themed_css`), rich text (:func:`themed_text`), roles, chips and item-model
    brushes (``item_colours``) all ask :func:`minimum_contrast`."""
    if _forced_high_contrast is not None:
        return _forced_high_contrast
    # ``hints`` is kept in a variable on purpose: PySide6 (6.11) invalidates the wrapper of
    # ``accessibility()`` once the QStyleHints wrapper it came from is collected, so a chained
    # ``styleHints().accessibility().contrastPreference()`` raises "already deleted".
    hints = QGuiApplication.styleHints()
    accessibility = getattr(hints, "accessibility", None)
    if accessibility is None:
        return False
    preference = accessibility().contrastPreference()
    return bool(preference == Qt.ContrastPreference.HighContrast)


def force_high_contrast(value: bool | None) -> None:
    """Answer :func:`high_contrast` with ``value`` instead of asking the OS (None: ask it
    again). For tests: Qt offers no way to set the OS's contrast preference. Nothing is
    re-applied here: the caller emits ``contrastPreferenceChanged`` (as the OS would, see
    ``theme.follow_os``) or calls ``theme.retheme()``."""
    global _forced_high_contrast
    _forced_high_contrast = value


def minimum_contrast() -> float:
    """The contrast every text colour must reach now: AA (4.5:1), AAA (7:1) while the OS asks
    for more contrast."""
    return HIGH_CONTRAST if high_contrast() else MIN_CONTRAST


# Accents on a dark surface (the light ones are the constants above).
_DARK_PRIMARY: Final = "#99c1f1"
_DARK_DANGER: Final = "#ff8a80"
_DARK_WARNING: Final = "#f8e45c"
_DARK_SUCCESS: Final = "#8ff0a4"
_DARK_DEMO: Final = "#f6c343"
_DARK_CUSTOM: Final = "#c0a5ec"


def _channel(value: float) -> float:
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    """WCAG 2.x relative luminance of ``#rrggbb`` (0 = black, 1 = white)."""
    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2.x contrast ratio of two ``#rrggbb`` colours (1 … 21)."""
    high, low = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def mix(first: str, second: str, amount: float) -> str:
    """``first`` moved ``amount`` (0 … 1) of the way to ``second``, as ``#rrggbb``."""
    channels = (
        round(int(first[i : i + 2], 16) * (1 - amount) + int(second[i : i + 2], 16) * amount)
        for i in (1, 3, 5)
    )
    return "#" + "".join(f"{c:02x}" for c in channels)


def readable(colour: str, background: str, text: str, target: float | None = None) -> str:
    """``colour`` itself when it reads on ``background``, else moved towards ``text`` (the
    palette's own text colour, which reads by construction) just far enough to reach
    ``target`` (:func:`minimum_contrast` by default). Should even ``text`` fall short (a
    tinted surface under a 7:1 preference), black or white, whichever reads better."""
    goal = minimum_contrast() if target is None else target
    found = nearest_mix(colour, text, lambda c: contrast_ratio(c, background) >= goal)
    if found is not None:
        return found
    return _extreme(background)


def nearest_mix(colour: str, towards: str, good: Callable[[str], bool]) -> str | None:
    """The first of ``colour`` mixed towards ``towards`` in 5 % steps (``colour`` itself,
    then on to ``towards``) that ``good`` accepts; None when none does."""
    for step in range(21):
        candidate = mix(colour, towards, step / 20)
        if good(candidate):
            return candidate
    return None


def _extreme(background: str) -> str:
    """Black or white: the one that reads better on ``background``."""
    black, white = "#000000", "#ffffff"
    return (
        black if contrast_ratio(black, background) >= contrast_ratio(white, background) else white
    )


def _fill_for(fill: str, text: str, target: float) -> str:
    """A badge's own ``fill`` moved away from its ``text`` (towards black or white) just far
    enough for ``text`` to read at ``target``: the badge keeps its hue."""
    away = _extreme(text)
    return nearest_mix(fill, away, lambda c: contrast_ratio(text, c) >= target) or away


def is_dark(qpalette: QPalette) -> bool:
    return relative_luminance(_hex(qpalette.color(QPalette.ColorRole.Window))) < 0.2


def _hex(colour: QColor) -> str:
    return str(colour.name()).lower()


@dataclass(frozen=True)
class Roles:
    """The named colours for one QPalette; every ``*_text`` field reads on ``surface``."""

    surface: str
    text: str
    muted_text: str
    primary_text: str
    danger_text: str
    warning_text: str
    success_text: str
    primary: str  # the primary button's fill
    on_primary: str  # its label

    def text_roles(self) -> dict[str, str]:
        return {n: v for n, v in vars(self).items() if n.endswith("_text") or n == "text"}


def roles_for(qpalette: QPalette) -> Roles:
    """The roles for ``qpalette`` (the application's or a widget's)."""
    surface = _hex(qpalette.color(QPalette.ColorRole.Window))
    text = _hex(qpalette.color(QPalette.ColorRole.WindowText))
    dark = is_dark(qpalette)
    primary = _DARK_PRIMARY if dark else PRIMARY
    on_primary = "#000000" if dark else ON_ACCENT
    if contrast_ratio(primary, on_primary) < minimum_contrast():
        primary = readable(primary, on_primary, text)
    return Roles(
        surface=surface,
        text=text,
        muted_text=readable(mix(text, surface, 0.45), surface, text),
        primary_text=readable(primary, surface, text),
        danger_text=readable(_DARK_DANGER if dark else DANGER, surface, text),
        warning_text=readable(_DARK_WARNING if dark else WARNING, surface, text),
        success_text=readable(_DARK_SUCCESS if dark else SUCCESS, surface, text),
        primary=primary,
        on_primary=on_primary,
    )


# ---------------------------------------------------------------- status chips
@dataclass(frozen=True)
class ChipColours:
    background: str
    text: str
    outline: str


#: Chip kind → the accent it is drawn in (light, dark). One table for the result panel and the
#: history: the same chip means the same thing everywhere.
_CHIP_ACCENTS: Final = {
    "open": (SUCCESS, _DARK_SUCCESS),
    "waiting": (WARNING, _DARK_WARNING),
    "paid": (SUCCESS_STRONG, _DARK_SUCCESS),
    "unsure": (WARNING_STRONG, _DARK_WARNING),
    "failed": (DANGER, _DARK_DANGER),
    "refused": (DANGER_EMPHASIS, _DARK_DANGER),
    "expired": (MUTED_ROW, ""),
    "demo": (DEMO_TEXT, _DARK_DEMO),
    "production": (PRODUCTION, _DARK_DANGER),
    "sandbox": (SANDBOX, _DARK_PRIMARY),
    "custom": (CUSTOM, _DARK_CUSTOM),
}
CHIP_KINDS: Final = tuple(_CHIP_ACCENTS)


#: What a chip says when it stands alone (the result panel), in the agent's language; the
#: history's chips carry the column's own text ("paid ✓ 13:12") in the same colours.
CHIP_LABELS: Final[Mapping[str, str]] = chip_labels.CHIP_LABELS


def chip_colours(kind: str, qpalette: QPalette) -> ChipColours:
    """A chip is a light tint of its accent with the accent as text (a dark tint in dark mode);
    the text is made to read on the tint (:func:`minimum_contrast`) whatever the palette."""
    surface = _hex(qpalette.color(QPalette.ColorRole.Window))
    text = _hex(qpalette.color(QPalette.ColorRole.WindowText))
    light, dark_accent = _CHIP_ACCENTS[kind]
    accent = (dark_accent or mix(text, surface, 0.4)) if is_dark(qpalette) else light
    background = mix(accent, surface, 0.86)
    return ChipColours(background, readable(accent, background, text), mix(accent, surface, 0.5))


# ================================================================ style sheets that follow the OS
# Style sheets across ui/ are written with the light constants above (``f"color:
# {palette.DANGER};"``); :func:`themed_css` rewrites them for a given QPalette, so one style sheet
# serves light, dark and high-contrast. A text colour keeps its light value where it reads on its
# background (today's look) and is moved just far enough towards the palette's text colour where
# it does not (AA, 4.5:1; AAA, 7:1, under a high-contrast preference); in a dark palette the
# accents become their dark relatives and the tinted surfaces dark tints. Colours outside these
# families (the QR code's black on white, the environment badges, the demo banner) carry their
# own background and stay as they are, unless a high-contrast preference asks more of them than
# they have: then the fill moves away from the text (a darker red under white) until the text
# reads at 7:1.

#: Light constant → its family (the accent it stands for).
_FAMILIES: Final = {
    DANGER: "danger",
    DANGER_STRONG: "danger",
    DANGER_OUTLINE: "danger",
    DANGER_EMPHASIS: "danger",
    INVALID_OUTLINE: "danger",
    INVALID_CELL_TEXT: "danger",
    WARNING: "warning",
    WARNING_STRONG: "warning",
    WARNING_OUTLINE: "warning",
    NOTICE_OUTLINE: "warning",
    SUCCESS: "success",
    SUCCESS_MARK: "success",
    SUCCESS_STRONG: "success",
    MUTED: "muted",
    MUTED_ROW: "muted",
    MUTED_ITEM: "muted",
    PRIMARY: "primary",
}
#: Tinted surfaces (panel backgrounds) → their family.
_SURFACES: Final = {
    DANGER_SURFACE: "danger",
    INVALID_SURFACE: "danger",
    INVALID_CELL_SURFACE: "danger",
    WARNING_SURFACE: "warning",
    NOTICE_SURFACE: "warning",
}
_DARK_ACCENTS: Final = {
    "danger": _DARK_DANGER,
    "warning": _DARK_WARNING,
    "success": _DARK_SUCCESS,
    "primary": _DARK_PRIMARY,
}
_HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}\b")
_BACKGROUND = re.compile(r"background(?:-color)?\s*:\s*(#[0-9a-fA-F]{6})\b")
_OWN_COLOUR = re.compile(r"(?<![-\w])color\s*:\s*(#[0-9a-fA-F]{6})\b")
_DECLARATION = re.compile(r"(?P<property>[a-z-]+)\s*:\s*(?P<value>[^;{}]*)")


def _accent(family: str, light: str, window: str, text: str, dark: bool) -> str:
    if family == "muted":
        return mix(text, window, 0.45)
    return _DARK_ACCENTS[family] if dark else light


def themed_surface(colour: str, qpalette: QPalette) -> str:
    """A tinted surface (``DANGER_SURFACE``…) for ``qpalette``: itself in light mode, a dark tint
    of the family's accent in dark mode; any other colour is returned unchanged."""
    family = _SURFACES.get(colour.lower())
    if family is None or not is_dark(qpalette):
        return colour
    window = _hex(qpalette.color(QPalette.ColorRole.Window))
    return mix(_DARK_ACCENTS[family], window, 0.82)


def themed_text(colour: str, qpalette: QPalette, background: str | None = None) -> str:
    """A text colour of the families above for ``qpalette``, readable (at
    :func:`minimum_contrast`) on ``background``
    (the palette's window colour by default); any other colour is returned unchanged."""
    family = _FAMILIES.get(colour.lower())
    if family is None:
        return colour
    window = _hex(qpalette.color(QPalette.ColorRole.Window))
    text = _hex(qpalette.color(QPalette.ColorRole.WindowText))
    accent = _accent(family, colour.lower(), window, text, is_dark(qpalette))
    return readable(accent, background or window, text)


def themed_css(css: str, qpalette: QPalette) -> str:
    """``css`` (written with the light constants) rewritten for ``qpalette``: text colours read
    on their block's background (or the window colour), surfaces and outlines follow the theme."""
    window = _hex(qpalette.color(QPalette.ColorRole.Window))
    text = _hex(qpalette.color(QPalette.ColorRole.WindowText))
    dark = is_dark(qpalette)
    target = minimum_contrast()

    def block(part: str) -> str:
        found = _BACKGROUND.search(part)
        background = themed_surface(found.group(1), qpalette) if found else window
        fill = found.group(1).lower() if found else ""
        own = _OWN_COLOUR.search(part)
        refill = bool(
            found
            and fill not in _SURFACES
            and own is not None
            and own.group(1).lower() not in _FAMILIES
            and contrast_ratio(own.group(1).lower(), fill) < target
        )  # a badge whose own text falls short of a high-contrast preference
        if refill and own is not None:
            background = _fill_for(fill, own.group(1).lower(), target)

        def declaration(match: re.Match[str]) -> str:
            prop, value = match.group("property"), match.group("value")

            def colour(hit: re.Match[str]) -> str:
                old = hit.group(0).lower()
                if prop == "color":
                    return themed_text(old, qpalette, background)
                if old in _SURFACES:
                    return themed_surface(old, qpalette)
                if prop.startswith("background"):  # a badge's own fill: its text is made for it
                    return background if refill and old == fill else hit.group(0)
                family = _FAMILIES.get(old)
                if family is None or not dark:
                    return hit.group(0)
                return mix(_accent(family, old, window, text, dark), window, 0.3)

            return f"{prop}: {_HEX_COLOUR.sub(colour, value)}"

        return _DECLARATION.sub(declaration, part)

    return "}".join(block(part) for part in css.split("}"))
