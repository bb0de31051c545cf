"""Small widget helpers every feature uses: window-wide shortcuts, buttons that name their
shortcut, a clock to show times against, and "time left" wording."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime

from PySide6 import QtGui
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut, QTextDocument
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from inflow_desk.domain.i18n import translate
from inflow_desk.domain.time_left import time_left_text
from inflow_desk.ui.kit.formatting import format_day_time, format_time

log = logging.getLogger(__name__)

# Help ▸ About: bound from the first frame (the dialog is built after it). (A plain comment:
# lupdate reads "#:" comments as notes for the translator of the next translated string.)
ABOUT_SHORTCUT = "F1"


Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


def countdown_text(expires_at: datetime, now: datetime, *, assumed: bool = False) -> str:
    """ "expires 15:42 — 58 min left", "… — 2 h 5 min left", then "expired at 15:42".

    The time left is worded by :func:`~inflow_desk.domain.time_left.time_left_text`, as in the
    history's status column: the same link reads the same in both at the same moment.
    """
    clock = format_time(expires_at)
    if expires_at.astimezone().date() != now.astimezone().date():
        clock = format_day_time(expires_at)
    left = time_left_text(expires_at - now)
    if not left:
        return translate("Countdown", "expired at {time}").format(time=clock)
    if assumed:
        return translate(
            "Countdown", "expires {time} — {left} (Inflow's default of about 1 hour)"
        ).format(time=clock, left=left)
    return translate("Countdown", "expires {time} — {left}").format(time=clock, left=left)


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
    """A named button whose action also has a window-wide shortcut, named in its tooltip and
    its accessible description. ``text`` comes translated (the caller owns its wording)."""
    label = text.rstrip("…")
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setToolTip(shortcut_tip(label, shortcut))
    button.setAccessibleName(label)
    button.setAccessibleDescription(shortcut_description(shortcut))
    button.setAutoDefault(False)
    bind_shortcut(parent, shortcut, slot)
    button.clicked.connect(slot)
    return button


def shortcut_text(shortcut: QKeySequence | str) -> str:
    """``Ctrl+Return`` as this system writes it (Qt translates the key names)."""
    seq = shortcut if isinstance(shortcut, QKeySequence) else QKeySequence(shortcut)
    return seq.toString(QKeySequence.SequenceFormat.NativeText)


def shortcut_tip(text: str, shortcut: QKeySequence | str) -> str:
    """``Copy link (Ctrl+C)``: a tooltip naming an action (``text``, translated) and its keys."""
    return translate("Shortcuts", "{action} ({shortcut})").format(
        action=text, shortcut=shortcut_text(shortcut)
    )


def shortcut_description(shortcut: QKeySequence | str) -> str:
    """What a screen reader says after a button's name: ``Shortcut: Ctrl+C``."""
    return translate("Shortcuts", "Shortcut: {shortcut}").format(shortcut=shortcut_text(shortcut))


def retain_size_when_hidden(widget: QWidget) -> None:
    policy = widget.sizePolicy()
    policy.setRetainSizeWhenHidden(True)
    widget.setSizePolicy(policy)


class WrappingLabel(QLabel):
    """A word-wrapped label whose minimum height is what its text needs at its width.

    Qt lays wrapped text out by height-for-width, but a splitter and a main window's central
    widget only read minimum sizes: a label that wraps to a second line in a longer language
    would be squeezed to one line's height (its text cut) on a full screen. This label says
    the height it needs in its minimum size, so every layout above it makes room (the history
    dock gives up a row rather than the form cutting a word)."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)

    def sizeHint(self) -> QSize:
        """One line where the layout has room for it (up to 80 average characters): Qt's own
        hint for wrapped text already breaks a 30-character line in two."""
        hint = super().sizeHint()
        if not self.wordWrap() or not self.text():
            return hint
        margins = self.contentsMargins()
        chrome = margins.left() + margins.right() + 2 * self.margin() + max(self.indent(), 0)
        limit = self.fontMetrics().averageCharWidth() * 80
        width = min(self._one_line_width(), limit) + chrome
        return QSize(width, self.heightForWidth(width))

    def _one_line_width(self) -> int:
        # A text document for plain text too: summing font-metric advances came a pixel short
        # of the label's own layout for some session ids, and the line wrapped (measured: the
        # window-geometry test failed 1 run in 3).
        document = QTextDocument()
        document.setDefaultFont(self.font())
        document.setDocumentMargin(0)
        if self.textFormat() == Qt.TextFormat.RichText or (
            self.textFormat() == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(self.text())
        ):
            document.setHtml(self.text())
        else:
            document.setPlainText(self.text())
        return int(document.idealWidth() + 0.999)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        # Only once shown: before, its width is Qt's placeholder, not the layout's.
        if self.wordWrap() and self.isVisible() and self.text():
            hint.setHeight(max(hint.height(), self.heightForWidth(self.width())))
        return hint

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # another width, another height: the layouts ask again
