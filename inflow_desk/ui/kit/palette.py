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

from dataclasses import dataclass
from typing import Final

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
