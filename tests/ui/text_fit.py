"""Nothing is cut off (issue 17, item 3): each visible text's width against the room its
widget gives it, measured as Qt lays the text out (``QFontMetrics.horizontalAdvance`` on the
widget's own font; the style's content rectangle, so margins, padding and style sheets count).

Checked: labels (one line: width; word-wrapped: the height the wrapped text needs, and no
single word wider than the label), push/tool buttons, check boxes and radio buttons, tab texts,
horizontal column headers (with the sort arrow's room), group-box titles, a combo box's current
text, status chips (``kit.chips.Chip`` and the history's chip column), and any of those cut by
an ancestor that is narrower than the widget (outside scroll areas, where scrolling is the
point). A text Qt elides ("…") where the widget means to elide *and* shows the whole text in a
tooltip is fine; every other shortfall is reported.

No pytest here: ``tests/text_fit_report.py`` runs the same check in a process at 200 %.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

from PySide6 import QtGui
from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QStyleOptionComboBox,
    QStyleOptionGroupBox,
    QTabBar,
    QTableView,
    QToolButton,
    QWidget,
)

from inflow_desk.ui.kit.chips import Chip, ChipDelegate, chip_size
from tests.ui import desk_states
from tests.ui.desk_states import WaitUntil
from tests.ui.text_walk import plain, widget_path

#: Rounding between the style's sums and the painted text: one pixel is not a cut.
SLACK = 1


@dataclass(frozen=True)
class Clip:
    """A text that does not fit: ``need`` pixels of ``what`` ("width"/"height") and only
    ``room``."""

    path: str
    kind: str
    text: str
    what: str
    need: int
    room: int

    def as_dict(self) -> dict[str, object]:
        return asdict(self)

    def __str__(self) -> str:
        return f"{self.kind} {self.text[:70]!r}: needs {self.need} px {self.what}, has {self.room}"


def _mnemonic_free(text: str) -> str:
    return re.sub(r"&(&?)", r"\1", text)


def _longest_line(metrics: QFontMetrics, text: str) -> int:
    return max((metrics.horizontalAdvance(line) for line in text.split("\n")), default=0)


def _label_clips(label: QLabel) -> list[Clip]:
    text = label.text()
    if not text.strip() or (label.pixmap() is not None and not label.pixmap().isNull()):
        return []
    path = widget_path(label)
    room = label.contentsRect().adjusted(
        label.margin(), label.margin(), -label.margin(), -label.margin()
    )
    indent = max(label.indent(), 0)
    room.setWidth(room.width() - indent)
    metrics = QFontMetrics(label.font())
    clips: list[Clip] = []
    if QtGui.Qt.mightBeRichText(text):
        document = QTextDocument()
        document.setDefaultFont(label.font())
        document.setDocumentMargin(0)
        document.setHtml(text)
        if label.wordWrap():
            document.setTextWidth(room.width())
        width, height = int(document.idealWidth()), int(document.size().height())
        shown = document.toPlainText()
    else:
        shown = _mnemonic_free(text)
        if label.wordWrap():
            flags = int(Qt.TextFlag.TextWordWrap)
            box = metrics.boundingRect(QRect(0, 0, room.width(), 100_000), flags, shown)
            width, height = box.width(), box.height()
            longest_word = max(
                (metrics.horizontalAdvance(word) for word in shown.split()), default=0
            )
            width = max(width, longest_word)
        else:
            width = _longest_line(metrics, shown)
            height = metrics.lineSpacing() * (shown.count("\n") + 1) - metrics.leading()
    if width > room.width() + SLACK:
        clips.append(Clip(path, "label", shown, "width", width, room.width()))
    if height > room.height() + SLACK:
        clips.append(Clip(path, "label", shown, "height", height, room.height()))
    return clips


def _button_clips(button: QAbstractButton) -> list[Clip]:
    text = _mnemonic_free(button.text())
    if not text.strip():
        return []
    metrics = QFontMetrics(button.font())
    need = _longest_line(metrics, text)
    icon = button.iconSize().width() + 4 if not button.icon().isNull() else 0
    style = button.style()
    if isinstance(button, QPushButton):
        option = QStyleOptionButton()
        option.initFrom(button)
        option.text, option.icon, option.iconSize = button.text(), button.icon(), button.iconSize()
        room = style.subElementRect(QStyle.SubElement.SE_PushButtonContents, option, button)
        if button.menu() is not None:  # the menu arrow takes its share of the contents
            room.setWidth(
                room.width() - style.pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator)
            )
        available = room.width()
    elif isinstance(button, (QCheckBox, QRadioButton)):
        option = QStyleOptionButton()
        option.initFrom(button)
        option.text = button.text()
        element = (
            QStyle.SubElement.SE_CheckBoxContents
            if isinstance(button, QCheckBox)
            else QStyle.SubElement.SE_RadioButtonContents
        )
        available = style.subElementRect(element, option, button).width()
    elif isinstance(button, QToolButton):
        if button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly:
            return []
        # the style's own sum for this text and icon: a narrower tool button cuts the text
        hint = button.sizeHint().width()
        if button.width() + SLACK < hint:
            return [Clip(widget_path(button), "tool button", text, "width", hint, button.width())]
        return []
    else:
        return []
    if need + icon > available + SLACK:
        return [Clip(widget_path(button), "button", text, "width", need + icon, available)]
    return []


def _tab_clips(bar: QTabBar) -> list[Clip]:
    clips: list[Clip] = []
    metrics = QFontMetrics(bar.font())
    space = bar.style().pixelMetric(QStyle.PixelMetric.PM_TabBarTabHSpace, None, bar)
    bounds = bar.rect()
    for i in range(bar.count()):
        if not bar.isTabVisible(i):
            continue
        text = _mnemonic_free(bar.tabText(i))
        icon = bar.iconSize().width() + 4 if not bar.tabIcon(i).isNull() else 0
        need = metrics.horizontalAdvance(text) + space + icon
        rect = bar.tabRect(i)
        room = rect.intersected(bounds).width()  # a tab scrolled out of the bar is cut too
        if need > room + SLACK and text not in plain(bar.tabToolTip(i)):
            clips.append(Clip(f"{widget_path(bar)}[tab {i}]", "tab", text, "width", need, room))
    return clips


def _header_clips(view: QAbstractItemView, header: QHeaderView) -> list[Clip]:
    model = view.model()
    if model is None or not header.isVisible():
        return []
    clips: list[Clip] = []
    metrics = QFontMetrics(header.font())
    style = header.style()
    margin = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    arrow = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header)
    for section in range(header.count()):
        if header.isSectionHidden(section):
            continue
        text = model.headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        if not isinstance(text, str) or not text.strip():
            continue
        need = _longest_line(metrics, text) + 2 * margin
        if header.isSortIndicatorShown() and header.sortIndicatorSection() == section:
            need += arrow + margin
        room = header.sectionSize(section)
        if need > room + SLACK:
            path = f"{widget_path(view)}[header {section}]"
            clips.append(Clip(path, "column header", text, "width", need, room))
    return clips


def _chip_column_clips(view: QTableView) -> list[Clip]:
    model = view.model()
    clips: list[Clip] = []
    for column in range(view.horizontalHeader().count()):
        if view.isColumnHidden(column) or not isinstance(
            view.itemDelegateForColumn(column), ChipDelegate
        ):
            continue
        metrics = QFontMetrics(view.font())
        for row in range(min(model.rowCount(QModelIndex()), 60)):
            index = model.index(row, column)
            text = index.data(Qt.ItemDataRole.DisplayRole)
            tip = index.data(Qt.ItemDataRole.ToolTipRole)
            if not isinstance(text, str) or not text or view.isRowHidden(row):
                continue
            if isinstance(tip, str) and text in tip:
                continue  # elided on purpose: the whole text is in the cell's tooltip
            need = chip_size(metrics, text).width() + 2  # the delegate's inset (SPACE_XS / 2)
            room = view.columnWidth(column)
            if need > room + SLACK:
                path = f"{widget_path(view)}[column {column}]"
                clips.append(Clip(path, "chip", text, "width", need, room))
    return clips


def _cut_by_an_ancestor(widget: QWidget) -> Clip | None:
    """The part of ``widget`` its ancestors show, up to its window (not in a scroll area)."""
    seen = QRect(widget.rect())
    node: QWidget = widget
    while not node.isWindow():
        parent = node.parentWidget()
        if parent is None:
            break
        if isinstance(parent.parentWidget(), QAbstractScrollArea) and (
            parent is parent.parentWidget().viewport()
        ):
            return None  # scrolled into view on demand
        seen = QRect(node.mapToParent(seen.topLeft()), seen.size()).intersected(parent.rect())
        node = parent
    shown_width = seen.width()
    if shown_width + SLACK < widget.width():
        text = _text_of(widget)
        if text:
            return Clip(widget_path(widget), "cut by its container", text, "width",
                        widget.width(), shown_width)  # fmt: skip
    return None


def _text_of(widget: QWidget) -> str:
    if isinstance(widget, (QLabel, QAbstractButton)):
        return plain(widget.text())
    if isinstance(widget, Chip):
        return widget.text()
    return ""


def clipped_texts(roots: Iterable[QWidget]) -> list[Clip]:
    """Every visible text in the visible windows ``roots`` that has less room than it needs.

    Layouts still pending are done first, as Qt does them before it paints: a label whose
    text just changed is measured where the agent will see it."""
    for _ in range(3):  # a layout may ask its parent's for another pass
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    clips: list[Clip] = []
    for root in roots:
        if not root.isVisible():
            continue
        widgets = [root] + [w for w in root.findChildren(QWidget) if w.isVisibleTo(root)]
        for widget in widgets:
            if widget.isWindow() and widget is not root:
                continue
            if widget.size().isEmpty():
                continue
            if isinstance(widget, QLabel):
                clips += _label_clips(widget)
            elif isinstance(widget, QAbstractButton):
                clips += _button_clips(widget)
            elif isinstance(widget, QTabBar):
                clips += _tab_clips(widget)
            elif isinstance(widget, Chip) and widget.text():
                need = chip_size(widget.fontMetrics(), widget.text()).width()
                if need > widget.width() + SLACK and widget.text() not in widget.toolTip():
                    clips.append(Clip(widget_path(widget), "chip", widget.text(), "width",
                                      need, widget.width()))  # fmt: skip
            elif isinstance(widget, QGroupBox) and widget.title():
                clips += _group_clips(widget)
            elif isinstance(widget, QComboBox) and widget.currentText():
                clips += _combo_clips(widget)
            if isinstance(widget, QTableView):
                clips += _header_clips(widget, widget.horizontalHeader())
                clips += _chip_column_clips(widget)
            if (cut := _cut_by_an_ancestor(widget)) is not None:
                clips.append(cut)
    return list(dict.fromkeys(clips))


def _group_clips(box: QGroupBox) -> list[Clip]:
    option = QStyleOptionGroupBox()
    option.initFrom(box)
    option.text = box.title()
    option.subControls = QStyle.SubControl.SC_GroupBoxLabel
    label = box.style().subControlRect(
        QStyle.ComplexControl.CC_GroupBox, option, QStyle.SubControl.SC_GroupBoxLabel, box
    )
    text = _mnemonic_free(box.title())
    need = QFontMetrics(box.font()).horizontalAdvance(text)
    room = min(label.width(), box.width())
    if need > room + SLACK:
        return [Clip(widget_path(box), "group title", text, "width", need, room)]
    return []


def _combo_clips(combo: QComboBox) -> list[Clip]:
    if combo.isEditable():
        return []  # its line edit scrolls
    option = QStyleOptionComboBox()
    option.initFrom(combo)
    option.currentText = combo.currentText()
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    text = combo.currentText()
    icon = combo.iconSize().width() + 4 if not combo.itemIcon(combo.currentIndex()).isNull() else 0
    need = QFontMetrics(combo.font()).horizontalAdvance(text) + icon
    if need > field.width() + SLACK:
        return [Clip(widget_path(combo), "combo box", text, "width", need, field.width())]
    return []


def larger_than_the_screen(window: QWidget, screen: QSize) -> list[Clip]:
    """A window whose minimum size outgrew the laptop's screen (longer texts widen the
    layout): what lies beyond the screen's edge is cut off, whatever each widget says."""
    clips: list[Clip] = []
    size = window.size().expandedTo(window.minimumSizeHint())
    for what, need, room in (
        ("width", size.width(), screen.width()),
        ("height", size.height(), screen.height()),
    ):
        if need > room:
            clips.append(
                Clip(widget_path(window), "window", window.windowTitle(), what, need, room)
            )
    return clips


def clips_in_every_state(tmp: Path, wait_until: WaitUntil) -> dict[str, list[Clip]]:
    """The demo desk's states, then the first-run screen: each state's clipped texts (and a
    window that no longer fits the 1366×768 laptop screen)."""
    found: dict[str, list[Clip]] = {}
    desk = desk_states.build(tmp / "demo")
    try:
        for state in desk_states.walk_states(desk, wait_until):
            found[state] = clipped_texts(QApplication.topLevelWidgets())
            found[state] += larger_than_the_screen(desk.window, desk_states.LAPTOP)
    finally:
        desk.window.hide()
        desk.close()
        desk.window.deleteLater()
    first = desk_states.build(tmp / "first", demo=False)
    try:
        for state in desk_states.first_run_state(first, wait_until):
            found[state] = clipped_texts([first.window])
            found[state] += larger_than_the_screen(first.window, desk_states.LAPTOP)
    finally:
        first.window.hide()
        first.close()
        first.window.deleteLater()
    return found


def report(clips: Iterable[Clip], limit: int = 80) -> str:
    """Grouped by widget path, one line per clipped text."""
    groups: dict[str, list[Clip]] = {}
    for clip in clips:
        groups.setdefault(clip.path, []).append(clip)
    lines: list[str] = []
    for path in sorted(groups):
        lines.append(path)
        lines += [f"    {clip}" for clip in groups[path]]
    if len(lines) > limit:
        lines = [*lines[:limit], f"… and {len(lines) - limit} more lines"]
    return "\n".join(lines)
