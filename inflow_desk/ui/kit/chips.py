"""Status chips: one small rounded label per state (open, paid, expired, failed, demo,
production…), drawn by :func:`paint_chip` both by the :class:`Chip` widget (result panel) and
by :class:`ChipDelegate` (the history's status column): the same chip means the same thing."""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from inflow_desk.ui.kit import design, motion, palette

#: A model's chip kind for a cell (one of ``palette.CHIP_KINDS``): :class:`ChipDelegate` uses it
#: before reading the English words of the text, so a translated status keeps its colour.
CHIP_KIND_ROLE: Final = int(Qt.ItemDataRole.UserRole.value) + 64


def chip_kind_for_status(text: str) -> str:
    """The chip kind of an English history status text ("paid ✓ 13:12", "open — 5 min left",
    "expired", "failed 13:12", "waiting for payment", "probably paid …"). A model whose status
    is translated gives the kind in :data:`CHIP_KIND_ROLE` instead."""
    lowered = text.strip().lower()
    for prefix, kind in (
        ("paid", "paid"),
        ("open", "open"),
        ("expired", "expired"),
        ("failed", "failed"),
        ("refused", "refused"),
        ("waiting", "waiting"),
        ("payment started", "waiting"),
    ):
        if lowered.startswith(prefix):
            return kind
    return "unsure"


def chip_size(metrics: QFontMetrics, text: str) -> QSize:
    return QSize(
        metrics.horizontalAdvance(text) + 2 * design.SPACE_S,
        metrics.height() + design.SPACE_XS,
    )


def paint_chip(painter: QPainter, rect: QRect, text: str, kind: str, qpalette: QPalette) -> None:
    """A chip in ``rect``: a tinted rounded box with its outline and the text centred."""
    colours = palette.chip_colours(kind, qpalette)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor(colours.outline), 1))
    painter.setBrush(QColor(colours.background))
    box = QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5)
    painter.drawRoundedRect(box, design.RADIUS * 2, design.RADIUS * 2)
    painter.setPen(QColor(colours.text))
    painter.drawText(
        rect, int(Qt.AlignmentFlag.AlignCenter), fitted_text(text, painter.fontMetrics(), rect)
    )
    painter.restore()


def fitted_text(text: str, metrics: QFontMetrics, rect: QRect) -> str:
    """``text`` as it fits inside a chip drawn in ``rect`` (elided at the end, "…"): a long
    status in a narrow history column must not be cut at both edges of the chip."""
    return metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width() - 2 * design.SPACE_XS)


class Chip(QWidget):
    """A status chip; ``set_chip("paid", "paid ✓ 13:12")``; empty text hides nothing (the
    space stays: nothing moves when a status appears)."""

    def __init__(self, parent: QWidget | None = None, kind: str = "open", text: str = "") -> None:
        super().__init__(parent)
        self.setFont(design.font(self, design.TYPE_SMALL, bold=True))
        self._kind = kind
        self._text = text
        self.setAccessibleName(text)

    def set_chip(self, kind: str, text: str) -> None:
        if kind not in palette.CHIP_KINDS:
            raise ValueError(f"unknown chip kind {kind!r}")
        changed = (kind, text) != (self._kind, self._text)
        self._kind, self._text = kind, text
        self.setAccessibleName(text)
        self.updateGeometry()
        self.update()
        if changed and text:
            motion.fade_in(self)  # a status change is seen; nothing moves

    def kind(self) -> str:
        return self._kind

    def text(self) -> str:
        return self._text

    def colours(self) -> palette.ChipColours:
        return palette.chip_colours(self._kind, self.palette())

    def sizeHint(self) -> QSize:
        return chip_size(self.fontMetrics(), self._text or " ")

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._text:
            return
        painter = QPainter(self)
        size = chip_size(self.fontMetrics(), self._text)
        rect = QRect(0, (self.height() - size.height()) // 2, size.width(), size.height())
        paint_chip(painter, rect, self._text, self._kind, self.palette())
        painter.end()


class ChipDelegate(QStyledItemDelegate):
    """Draws a column's text as a chip of the kind the model gives in :data:`CHIP_KIND_ROLE`,
    else the one :func:`chip_kind_for_status` reads in the text."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if not isinstance(text, str) or not text:
            super().paint(painter, option, index)
            return
        widget = option.widget
        style = widget.style() if widget is not None else None
        if style is not None:  # selection and focus background, without the text
            plain = QStyleOptionViewItem(option)
            self.initStyleOption(plain, index)
            plain.text = ""
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, plain, painter, widget)
        rect: QRect = option.rect
        metrics = QFontMetrics(option.font)
        size = chip_size(metrics, text)
        width = min(size.width(), rect.width() - design.SPACE_XS)
        height = min(size.height(), rect.height() - 2)
        chip = QRect(
            rect.x() + design.SPACE_XS // 2, rect.center().y() - height // 2 + 1, width, height
        )
        painter.save()
        painter.setFont(option.font)
        kind = index.data(CHIP_KIND_ROLE)
        if kind not in palette.CHIP_KINDS:
            kind = chip_kind_for_status(text)
        paint_chip(painter, chip, text, kind, option.palette)
        painter.restore()
