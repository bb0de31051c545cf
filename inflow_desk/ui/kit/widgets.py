"""Small widget helpers every feature uses: window-wide shortcuts, buttons that name their
shortcut, a clock to show times against, and "time left" wording."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QPushButton, QWidget

from inflow_desk.domain.time_left import time_left_text

log = logging.getLogger(__name__)

#: Help ▸ About: bound from the first frame (the dialog is built after it).
ABOUT_SHORTCUT = "F1"


Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


def countdown_text(expires_at: datetime, now: datetime, *, assumed: bool = False) -> str:
    """ "expires 15:42 — 58 min left", "… — 2 h 5 min left", then "expired at 15:42".

    The time left is worded by :func:`~inflow_desk.domain.time_left.time_left_text`, as in the
    history's status column: the same link reads the same in both at the same moment.
    """
    local = expires_at.astimezone()
    clock = local.strftime("%H:%M")
    if local.date() != now.astimezone().date():
        clock = local.strftime("%a %d %b %H:%M")
    left = time_left_text(expires_at - now)
    if not left:
        return f"expired at {clock}"
    note = " (Inflow's default of about 1 hour)" if assumed else ""
    return f"expires {clock} — {left}{note}"


def bind_shortcut(
    owner: QWidget,
    keys: str,
    slot: Callable[[], object],
    context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut,
) -> QShortcut:
    """A window-wide shortcut (or one for ``owner`` and its children) that calls ``slot`` at
    once (a button's own shortcut would "animate" a click and fire 100 ms later). Qt ignores a
    key bound twice where both apply ("ambiguous"); that is logged, never silent."""
    shortcut = QShortcut(QKeySequence(keys), owner)
    shortcut.setContext(context)
    shortcut.activated.connect(slot)
    shortcut.activatedAmbiguously.connect(lambda: log.error("ambiguous shortcut %s: ignored", keys))
    return shortcut


def action_button(
    parent: QWidget, text: str, name: str, shortcut: str, slot: Callable[[], object]
) -> QPushButton:
    """A named button whose action also has a window-wide shortcut, named in its tooltip."""
    label = text.rstrip("…")
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setToolTip(shortcut_tip(label, shortcut))
    button.setAccessibleName(label)
    button.setAutoDefault(False)
    bind_shortcut(parent, shortcut, slot)
    button.clicked.connect(slot)
    return button


def shortcut_tip(text: str, shortcut: QKeySequence | str) -> str:
    seq = shortcut if isinstance(shortcut, QKeySequence) else QKeySequence(shortcut)
    return f"{text} ({seq.toString(QKeySequence.SequenceFormat.NativeText)})"


def retain_size_when_hidden(widget: QWidget) -> None:
    policy = widget.sizePolicy()
    policy.setRetainSizeWhenHidden(True)
    widget.setSizePolicy(policy)
