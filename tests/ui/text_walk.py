"""Every text the agent sees in the app's windows and dialogs, and which of it escaped
translation (issue 17: the pseudo-locale walk).

:func:`visible_texts` walks top-level windows and dialogs and collects, with the path of the
widget that shows it: window titles, label texts (rich text made plain), button / tool-button /
check-box texts, group-box titles, tab texts and tooltips, placeholders, combo-box items, the
header texts of every item view and the display texts of its cells, tooltips, accessible names
and descriptions, spin-box prefixes/suffixes, and the texts of the menu bar's menus and actions.

:func:`untranslated` keeps the texts that hold words the app wrote itself without translating
them. Under the pseudo-locale every translated string comes back as ``[!! text ~~ !!]``; what
is left of a text once the wrapped parts are taken out must not hold a word — unless that word
is **data**, never translated: what the test typed (product names, e-mails, account names,
passed as ``data``), links and e-mail addresses, amounts, numbers, dates and times (their
day/month names and AM/PM come from QLocale, which follows the language), the ISO codes of the
currencies the app takes, ids, a key's name in a shortcut, and proper names (:data:`NAMES`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass

from PySide6 import QtGui
from PySide6.QtCore import QAbstractItemModel, QLocale, QModelIndex, Qt
from PySide6.QtGui import QAction, QTextDocumentFragment
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QSpinBox,
    QTabBar,
    QTableView,
    QTextEdit,
    QTreeView,
    QWidget,
)

from inflow_desk.domain.money import Currency
from inflow_desk.ui.kit.i18n import PSEUDO_CLOSE, PSEUDO_OPEN

#: Proper names: the product's and the payment service's (never translated).
NAMES: tuple[str, ...] = (
    "Inflow Desk", "Inflow Pay", "Inflow", "CPython", "Python", "PySide6", "Qt",
    # The languages in Settings › Language, each named in its own language (never translated)
    "English", "Français",
)  # fmt: skip
#: How many rows of an item view are read (the first screenful is what the agent sees).
MAX_ROWS = 60

_WRAPPED = re.compile(re.escape(PSEUDO_OPEN) + r"(?:(?!" + re.escape(PSEUDO_OPEN) + r").)*?"
                      + re.escape(PSEUDO_CLOSE), re.DOTALL)  # fmt: skip
_DATA_PATTERNS = (
    re.compile(r"\b(?:https?|file)://\S+"),  # links
    re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*"),  # e-mail addresses (also half-typed ones)
    re.compile(r"\b(?:cs|sub|sess|pay|offer|off|plan)_[A-Za-z0-9_]+\b"),  # ids
    re.compile(r"\binflow_(?:test|live|demo)_\w+"),  # key-shaped text (never shown, but data)
    re.compile(r"\b(?:F\d{1,2}|[A-Z])\b"),  # a key's name in a shortcut (Ctrl+F, F1)
    re.compile(rf"\b(?:{'|'.join(c.value for c in Currency)})\b"),  # ISO currency codes
)


@dataclass(frozen=True)
class Text:
    """One visible text: where (the widget path), what kind of text, and the text."""

    path: str
    kind: str
    text: str


def widget_path(widget: QWidget) -> str:
    """``MainWindow#mainWindow/QDockWidget#historyDock/QLabel#emptyLabel``: the named
    ancestors (a nameless ancestor is left out), then the widget itself."""
    parts: list[str] = []
    node: QWidget | None = widget
    while node is not None:
        name = node.objectName()
        if node is widget or name or node.isWindow():
            parts.append(f"{type(node).__name__}#{name}" if name else type(node).__name__)
        if node.isWindow():
            break
        node = node.parentWidget()
    return "/".join(reversed(parts))


def plain(text: str) -> str:
    """What the agent reads: rich text as plain text, ``&`` mnemonics gone."""
    if QtGui.Qt.mightBeRichText(text):  # QtGui adds it to the Qt namespace
        text = QTextDocumentFragment.fromHtml(text).toPlainText()
    return re.sub(r"&(&?)", r"\1", text).replace("[*]", "").strip()


def _count(method: Callable[..., int]) -> int:
    """``rowCount``/``columnCount`` of any model (a list model's columnCount is private in
    PySide6: one column)."""
    try:
        return method(QModelIndex())
    except TypeError:
        return 1


def _model_texts(path: str, view: QAbstractItemView, model: QAbstractItemModel) -> list[Text]:
    found: list[Text] = []
    header = view.horizontalHeader() if isinstance(view, QTableView) else None
    if isinstance(view, QTreeView):
        header = view.header()
    if isinstance(view, QListView):
        shown_columns = [view.modelColumn()]
    else:
        shown_columns = [
            c
            for c in range(_count(model.columnCount))
            if not (isinstance(header, QHeaderView) and header.isSectionHidden(c))
        ]
    if isinstance(header, QHeaderView) and header.isVisible():
        for column in shown_columns:
            for role, kind in (
                (Qt.ItemDataRole.DisplayRole, "header"),
                (Qt.ItemDataRole.ToolTipRole, "header tooltip"),
            ):
                value = model.headerData(column, Qt.Orientation.Horizontal, role)
                if isinstance(value, str) and value.strip():
                    found.append(Text(f"{path}[header {column}]", kind, value))
    for row in range(min(_count(model.rowCount), MAX_ROWS)):
        if isinstance(view, QTableView) and view.isRowHidden(row):
            continue
        for column in shown_columns:
            index = model.index(row, column)
            for role, kind in (
                (Qt.ItemDataRole.DisplayRole, "cell"),
                (Qt.ItemDataRole.ToolTipRole, "cell tooltip"),
            ):
                value = model.data(index, role)
                if isinstance(value, str) and value.strip():
                    found.append(Text(f"{path}[column {column}]", kind, value))
    return found


def _widget_texts(widget: QWidget) -> list[Text]:
    path = widget_path(widget)
    pairs: list[tuple[str, str]] = []
    if widget.isWindow():
        pairs.append(("title", widget.windowTitle()))
    if isinstance(widget, (QLabel, QAbstractButton)):
        pairs.append(("text", widget.text()))
    elif isinstance(widget, QGroupBox):
        pairs.append(("title", widget.title()))
    elif isinstance(widget, QTabBar):
        for i in range(widget.count()):
            if widget.isTabVisible(i):
                pairs.append(("tab", widget.tabText(i)))
                pairs.append(("tab tooltip", widget.tabToolTip(i)))
    elif isinstance(widget, QLineEdit):
        pairs.append(("placeholder", widget.placeholderText()))
    elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
        pairs.append(("placeholder", widget.placeholderText()))
        if widget.isReadOnly():
            pairs.append(("text", widget.toPlainText()))
    elif isinstance(widget, QComboBox):
        pairs += [("item", widget.itemText(i)) for i in range(widget.count())]
    elif isinstance(widget, (QSpinBox, QDoubleSpinBox)):
        pairs += [("prefix", widget.prefix()), ("suffix", widget.suffix())]
        pairs.append(("special value", widget.specialValueText()))
    pairs += [
        ("tooltip", widget.toolTip()),
        ("accessible name", widget.accessibleName()),
        ("accessible description", widget.accessibleDescription()),
    ]
    found = [Text(path, kind, text) for kind, text in pairs if text and text.strip()]
    if (
        isinstance(widget, QAbstractItemView)
        and not isinstance(widget, QHeaderView)  # its texts: read with its view's model
        and widget.model() is not None
    ):
        found += _model_texts(path, widget, widget.model())
    return found


def _menu_texts(path: str, actions: Iterable[QAction], seen: set[int]) -> list[Text]:
    found: list[Text] = []
    for action in actions:
        if action.isSeparator() or not action.isVisible() or id(action) in seen:
            continue
        seen.add(id(action))
        name = action.objectName()
        where = f"{path}/QAction#{name}" if name else f"{path}/QAction"
        for kind, text in (("action", action.text()), ("action tooltip", action.toolTip())):
            if text.strip() and not (
                kind == "action tooltip" and plain(text) == plain(action.text())
            ):
                found.append(Text(where, kind, text))  # Qt's default tooltip is the text
        menu = action.menu()
        if isinstance(menu, QMenu):
            if menu.title().strip() and menu.title() != action.text():  # usually the same
                found.append(Text(where, "menu", menu.title()))
            found += _menu_texts(where, menu.actions(), seen)
    return found


def visible_texts(roots: Iterable[QWidget]) -> list[Text]:
    """Every visible text of the visible windows ``roots`` (and their visible children)."""
    found: list[Text] = []
    for root in roots:
        if not root.isVisible():
            continue
        widgets = [root] + [
            w
            for w in root.findChildren(QWidget)
            if w.isVisibleTo(root) and (not w.isWindow() or w.isVisible())
        ]
        for widget in widgets:
            found += _widget_texts(widget)
        if isinstance(root, QMainWindow) and root.menuBar().isVisible():
            found += _menu_texts(widget_path(root.menuBar()), root.menuBar().actions(), set())
    return found


def _locale_words() -> list[str]:
    """Day and month names, AM/PM, UTC: dates and times come from QLocale (which follows the
    language), not from the translator."""
    locale = QLocale()
    words = {locale.amText(), locale.pmText(), "UTC"}
    for form in (QLocale.FormatType.LongFormat, QLocale.FormatType.ShortFormat):
        words |= {locale.dayName(d, form) for d in range(1, 8)}
        words |= {locale.monthName(m, form) for m in range(1, 13)}
        words |= {locale.standaloneMonthName(m, form) for m in range(1, 13)}
    return sorted((w for w in words if w), key=len, reverse=True)


def words_left(text: str, data: Collection[str] = ()) -> str:
    """What is left of ``text`` once the translated (wrapped) parts and the data are taken
    out; letters left there are words that escaped translation."""
    rest = plain(text)
    while True:  # innermost first: a translated template may hold a translated value
        shorter = _WRAPPED.sub(" ", rest)
        if shorter == rest:
            break
        rest = shorter
    for pattern in _DATA_PATTERNS:
        rest = pattern.sub(" ", rest)
    for value in sorted({*data, *NAMES}, key=len, reverse=True):
        if value:
            rest = rest.replace(value, " ")
    for word in _locale_words():
        rest = re.sub(rf"\b{re.escape(word)}\b", " ", rest)
    return rest if any(ch.isalpha() for ch in rest) else ""


def untranslated(texts: Iterable[Text], data: Collection[str] = ()) -> list[Text]:
    """The texts holding words that are neither translated nor data (each once)."""
    seen: set[Text] = set()
    found: list[Text] = []
    for text in texts:
        if text not in seen and words_left(text.text, data):
            seen.add(text)
            found.append(text)
    return found


def report(texts: Iterable[Text], limit: int = 80) -> str:
    """A short list grouped by widget path: ``path`` then ``  kind: 'text'`` lines."""
    groups: dict[str, list[Text]] = {}
    for text in texts:
        groups.setdefault(text.path, []).append(text)
    lines: list[str] = []
    for path in sorted(groups):
        lines.append(path)
        for text in groups[path]:
            shown = plain(text.text).replace("\n", " ⏎ ")
            lines.append(f"    {text.kind}: {shown[:100]!r}")
    if len(lines) > limit:
        lines = [*lines[:limit], f"… and {len(lines) - limit} more lines"]
    return "\n".join(lines)
