"""The result panel: a card headed by what the link charges (the amount, then the items or
offer, the customer and the expiry), then the link, large and selectable, with Copy, then the
QR code (enlarge, save as PNG/SVG, copy image)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QMouseEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
)

from inflow_desk.domain.checkout_url import readable
from inflow_desk.domain.i18n import QT_TRANSLATE_NOOP, translate
from inflow_desk.ui.checkout.qr import qr_pixmap, save_qr
from inflow_desk.ui.kit import design, motion, palette
from inflow_desk.ui.kit.a11y import announce, tab_after, tab_stop_before
from inflow_desk.ui.kit.errors import QrTooLongError
from inflow_desk.ui.kit.theme import set_style
from inflow_desk.ui.kit.widgets import (
    Clock,
    WrappingLabel,
    action_button,
    bind_shortcut,
    countdown_text,
    retain_size_when_hidden,
    shortcut_tip,
    utc_now,
)

log = logging.getLogger(__name__)

#: The QR code's box: a checkout link's code (41 or 45 modules with the quiet zone) is drawn
#: at 3 px a module (123 or 135 px), as it was in a 160 px box; the box no longer keeps the
#: unused rest (the card's rows above it need the height). F11 shows it big.
QR_LOGICAL_PX = 136
COPIED_TEXT = QT_TRANSLATE_NOOP("ResultPanel", "Copied ✓ — paste it into the chat, SMS or e-mail")
STALE_TEXT = QT_TRANSLATE_NOOP(
    "ResultPanel",
    "⚠ Previous cart: this link is for the cart as it was. "
    "Press Ctrl+Enter for a link for the form as it is now.",
)
STALE_STYLE = (
    f"QLabel {{ color: {palette.WARNING_STRONG}; background: {palette.WARNING_SURFACE}; "
    f"border: {design.BORDER} {palette.WARNING_OUTLINE}; {design.ROUNDED} "
    f"{design.padding(design.SPACE_XS)} }}"
)
WARNING_STYLE = (
    f"QLabel {{ color: {palette.DANGER_STRONG}; background: {palette.DANGER_SURFACE}; "
    f"border: {design.BORDER_STRONG} {palette.DANGER_EMPHASIS}; {design.ROUNDED} "
    f"{design.padding(design.SPACE_S)} "
    "font-weight: bold; }"
)
COPY_TEXT = QT_TRANSLATE_NOOP("ResultPanel", "Copy link")
COPY_ANYWAY_TEXT = QT_TRANSLATE_NOOP("ResultPanel", "Copy anyway")
HELD_BACK_QR_TEXT = QT_TRANSLATE_NOOP("ResultPanel", "No QR code:\nthis link is not trusted.")


def qr_too_long_text(exc: QrTooLongError) -> str:
    """What the QR area says instead of a code that cannot exist (the error funnel's words)."""
    from inflow_desk.ui.kit.errors import describe_error

    action = translate("ResultPanel", "draw the QR code")
    return describe_error(exc, account="", action=action).as_text()


@dataclass(frozen=True)
class ChargeSummary:
    """What a link charges: the amount ("€99.98"), then items or offer, and the customer."""

    amount: str
    lines: tuple[str, ...] = ()


class QrWindow(QDialog):
    """A big QR code to show the customer (video call, counter). Esc or a click closes it."""

    def __init__(self, url: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("qrWindow")
        self.setWindowTitle(translate("ResultPanel", "Scan to pay"))
        self.setAccessibleName(translate("ResultPanel", "QR code of the checkout link, enlarged"))
        self._url = url
        self._label = QLabel(self)
        self._label.setObjectName("bigQrCodeLabel")
        self._label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._label.setAccessibleName(translate("ResultPanel", "QR code"))
        self._label.setStyleSheet(f"background: {palette.QR_PAPER};")
        caption = QLabel(url, self)
        caption.setAccessibleName(translate("ResultPanel", "Checkout link"))
        caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        caption.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        caption.setStyleSheet(
            f"background: {palette.QR_PAPER}; color: {palette.QR_INK}; "
            f"font-size: {design.points(caption, design.TYPE_HEADING)}; "
            f"{design.padding(design.SPACE_S)}"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._label, 1)
        layout.addWidget(caption)
        self.setStyleSheet(f"QDialog {{ background: {palette.QR_PAPER}; }}")
        self.resize(720, 760)

    def resizeEvent(self, event: QResizeEvent) -> None:
        side = max(64, min(self.width(), self.height() - 60))
        try:
            self._label.setPixmap(qr_pixmap(self._url, side, self.devicePixelRatioF()))
        except QrTooLongError as exc:
            self._label.setText(qr_too_long_text(exc))
        super().resizeEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.accept()


class ResultPanel(QGroupBox):
    """Shows the created session. Emits ``newLinkRequested`` for "New link"."""

    newLinkRequested = Signal()
    #: A link was shown or cleared (the window moves its primary action: Create ↔ Copy).
    linkChanged = Signal()
    copied = Signal(str)
    #: The link left the panel (new link, refused, create again): sections disarm on it.
    cleared = Signal()

    def __init__(self, parent: QWidget | None = None, *, clock: Clock = utc_now) -> None:
        super().__init__(translate("ResultPanel", "Link"), parent)
        self.setObjectName("resultPanel")
        self._clock = clock
        self._url = ""
        self._expires_at: datetime | None = None
        self._expiry_assumed = False
        self._qr_window: QrWindow | None = None
        self._has_qr = False

        self.placeholder = WrappingLabel(
            translate(
                "ResultPanel",
                "No link yet.\nBuild the cart or pick an offer, then press Ctrl+Enter.",
            ),
            self,
        )
        self.placeholder.setObjectName("resultPlaceholderLabel")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setEnabled(False)

        self.url_edit = QLineEdit(self)
        self.url_edit.setObjectName("checkoutUrlEdit")
        self.url_edit.setAccessibleName(translate("ResultPanel", "Checkout link"))
        self.url_edit.setReadOnly(True)
        font = QFont(self.url_edit.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.url_edit.setFont(font)
        # Wide enough for a whole checkout link: the agent reads it out or checks it at a glance.
        sample = "https://checkout.inflowpay.com/pay/sess_7Hq2Lm90abcdEFGH"
        self.url_edit.setMinimumWidth(self.url_edit.fontMetrics().horizontalAdvance(sample) + 24)

        self.copy_button = QPushButton(translate("ResultPanel", COPY_TEXT), self)
        self.copy_button.setObjectName("copyUrlButton")
        self.copy_button.setAccessibleName(translate("ResultPanel", COPY_TEXT))
        bind_shortcut(self, "Ctrl+Shift+C", self.copy_url)
        self.copy_button.setToolTip(
            shortcut_tip(translate("ResultPanel", "Copy the link to the clipboard"), "Ctrl+Shift+C")
        )
        self.copy_button.setDefault(True)
        self.copy_button.clicked.connect(self.copy_url)

        self.amount_label = QLabel(self)
        self.amount_label.setObjectName("linkAmountLabel")
        self.amount_label.setAccessibleName(translate("ResultPanel", "Amount this link charges"))
        design.apply_font(self.amount_label, design.TYPE_HEADING, bold=True)
        self.charge_label = QLabel(self)
        self.charge_label.setObjectName("linkChargeLabel")
        self.charge_label.setAccessibleName(translate("ResultPanel", "What this link charges"))
        self.charge_label.setWordWrap(True)
        # items (or offer) and customer, the card's whole width: two lines, kept while there
        # is no link. Ignored horizontally: a long cart wraps at the card's width, it never
        # widens the card (nor leaves it narrow: the label takes the row, not its hint).
        self.charge_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.charge_label.setMinimumHeight(self.charge_label.fontMetrics().lineSpacing() * 2)
        self.stale_label = QLabel(translate("ResultPanel", STALE_TEXT), self)
        self.stale_label.setObjectName("staleLinkLabel")
        self.stale_label.setAccessibleName(translate("ResultPanel", "Notice about this link"))
        self.stale_label.setWordWrap(True)
        set_style(self.stale_label, STALE_STYLE)
        self.stale_label.setMinimumHeight(self.stale_label.fontMetrics().lineSpacing() * 2 + 10)
        self.stale_label.hide()
        self._stale = False
        self._alert: str | None = None

        self.warning_label = QLabel(self)
        self.warning_label.setObjectName("linkWarningLabel")
        self.warning_label.setAccessibleName(translate("ResultPanel", "Warning about this link"))
        self.warning_label.setWordWrap(True)
        self.warning_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        set_style(self.warning_label, WARNING_STYLE)
        self.warning_label.hide()

        self.copied_label = QLabel("", self)
        self.copied_label.setObjectName("copiedLabel")
        self.copied_label.setAccessibleName(translate("ResultPanel", "Confirmation"))
        self.copied_label.setWordWrap(True)
        set_style(self.copied_label, f"color: {palette.SUCCESS}; font-weight: bold;")

        # The session and the expiry wrap in a longer language: the card stays as wide as the
        # link needs, no wider.
        self.session_label = WrappingLabel(parent=self)
        self.session_label.setObjectName("sessionIdLabel")
        self.session_label.setAccessibleName(translate("ResultPanel", "Session ID"))
        self.session_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.expiry_label = WrappingLabel(parent=self)
        self.expiry_label.setObjectName("expiryLabel")
        self.expiry_label.setAccessibleName(translate("ResultPanel", "Link expiry"))

        self.qr_label = QLabel(self)
        self.qr_label.setObjectName("qrCodeLabel")
        self.qr_label.setAccessibleName(translate("ResultPanel", "QR code of the checkout link"))
        self.qr_label.setFixedSize(QSize(QR_LOGICAL_PX, QR_LOGICAL_PX))
        self.qr_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.enlarge_button = action_button(
            self,
            translate("ResultPanel", "Show big QR"),
            "enlargeQrButton",
            "F11",
            self.show_big_qr,
        )
        self.save_qr_button = action_button(
            self,
            translate("ResultPanel", "Save QR…"),
            "saveQrButton",
            "Ctrl+S",
            self.save_qr_dialog,
        )
        self.copy_qr_button = action_button(
            self,
            translate("ResultPanel", "Copy QR image"),
            "copyQrButton",
            "Ctrl+Shift+I",
            self.copy_qr_image,
        )
        self.new_link_button = action_button(
            self,
            translate("ResultPanel", "New link"),
            "newLinkButton",
            "Ctrl+Shift+N",
            self.newLinkRequested.emit,
        )

        # A card (issue 19): headed by the amount (with the payment's chip and status), then
        # the items or offer and the customer at the card's whole width, the expiry (and the
        # session), then the link and its actions with their notice (copied / previous cart, one
        # reserved place), then the QR code with its actions.
        heading_row = QHBoxLayout()
        heading_row.addWidget(self.amount_label, 0, Qt.AlignmentFlag.AlignVCenter)
        heading_row.addSpacing(design.SPACE_S)
        self._chip_row = QHBoxLayout()  # a feature's status chip, beside the amount
        heading_row.addLayout(self._chip_row)
        heading_row.addStretch(0)  # the rest of the row, unless a status widget stretches
        # A feature's status (add_status_widget: at most two lines) arrives after the first
        # frame: its height is kept from the start, so nothing below moves when it comes.
        two_lines = self.fontMetrics().lineSpacing() * 2
        heading_row.addItem(
            QSpacerItem(0, two_lines, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        )
        notice = QGridLayout()
        notice.addWidget(self.copied_label, 0, 0)
        notice.addWidget(self.stale_label, 0, 0)
        notice.addWidget(self.warning_label, 0, 0)  # a held-back link: never copied
        retain_size_when_hidden(self.stale_label)
        copy_row = QHBoxLayout()
        copy_row.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignTop)
        copy_row.addLayout(notice, 1)
        expiry_row = QHBoxLayout()
        expiry_row.addWidget(self.expiry_label, 1)
        expiry_row.addWidget(self.session_label)
        qr_buttons = QVBoxLayout()
        for button in (self.enlarge_button, self.save_qr_button, self.copy_qr_button):
            qr_buttons.addWidget(button)
        qr_buttons.addStretch(1)
        qr_row = QHBoxLayout()
        qr_row.addWidget(self.qr_label)
        qr_row.addLayout(qr_buttons)
        qr_row.addStretch(1)
        self._qr_row = qr_row

        self.details = QWidget(self)
        details = QVBoxLayout(self.details)
        details.setContentsMargins(0, 0, 0, 0)
        details.setSpacing(design.SPACE_XS)
        details.addLayout(heading_row)
        # Features add to the heading (payments: the chip, "Payment started…", Check now): no
        # new row, so the panel keeps its height (a 1366×768 screen keeps five history rows).
        self._status_row = heading_row
        details.addWidget(self.charge_label)
        details.addLayout(expiry_row)
        details.addWidget(self.url_edit)
        details.addLayout(copy_row)
        details.addLayout(qr_row)
        details.addStretch(1)

        # The link's place is kept while there is none: the panel does not grow (and push
        # the form aside) when the first link appears.
        retain_size_when_hidden(self.details)
        grid = QGridLayout(self)
        grid.addWidget(self.placeholder, 0, 0)
        grid.addWidget(self.details, 0, 0)
        grid.addWidget(self.new_link_button, 1, 0, Qt.AlignmentFlag.AlignRight)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)

        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self.refresh_countdown)
        self.clear()

    def add_status_widget(self, widget: QWidget, stretch: int = 0) -> None:
        """A feature's widget in the card's heading, right of the amount (shown with the link's
        details). Keep it at most two lines high."""
        self._status_row.addWidget(widget, stretch)
        tab_after(tab_stop_before(self.url_edit), widget)  # seen before the link
        self.details.updateGeometry()  # hidden until a link shows: its reserved size grows now

    def add_status_chip(self, chip: QWidget) -> None:
        """A feature's status chip (payments: Waiting / Paid ✓), beside the amount: what
        happened to the money the card is headed by."""
        self._chip_row.addWidget(chip, 0, Qt.AlignmentFlag.AlignVCenter)
        self.details.updateGeometry()

    # ------------------------------------------------------------------ state
    @property
    def url(self) -> str:
        return self._url

    @property
    def stale(self) -> bool:
        return self._stale

    def show_session(
        self,
        *,
        url: str,
        session_id: str,
        expires_at: datetime,
        expiry_assumed: bool,
        charge: ChargeSummary | None = None,
        warning: str | None = None,
    ) -> None:
        """Show a link. With ``warning`` (why it is not trusted) it is held back: shown with
        its hidden characters written out, no QR code, copied only by an explicit Copy."""
        self._url = url
        self.amount_label.setText(charge.amount if charge is not None else "")
        self.charge_label.setText("\n".join(charge.lines) if charge is not None else "")
        self.set_alert(None)
        self.set_stale(False)
        self._expires_at = expires_at
        self._expiry_assumed = expiry_assumed
        self.url_edit.setText(readable(url) if warning is not None else url)
        self.url_edit.setCursorPosition(0)
        self.warning_label.setText("⚠ " + warning if warning is not None else "")
        self.warning_label.setVisible(warning is not None)
        copy_text = translate("ResultPanel", COPY_ANYWAY_TEXT if warning is not None else COPY_TEXT)
        self.copy_button.setText(copy_text)
        self.copy_button.setAccessibleName(copy_text)
        self.session_label.setText(
            translate("ResultPanel", "Session {session_id}").format(session_id=session_id)
        )
        self.copied_label.setText("")
        self.qr_label.clear()
        self._has_qr = False
        if warning is not None:
            self.qr_label.setText(translate("ResultPanel", HELD_BACK_QR_TEXT))
        else:
            try:
                self.qr_label.setPixmap(qr_pixmap(url, QR_LOGICAL_PX, self.devicePixelRatioF()))
                self._has_qr = True
            except QrTooLongError as exc:
                self.qr_label.setText(qr_too_long_text(exc))
        self.qr_label.setWordWrap(not self._has_qr)
        self.placeholder.hide()
        self.details.show()
        self.copy_button.setEnabled(True)
        for button in (self.enlarge_button, self.save_qr_button, self.copy_qr_button):
            button.setEnabled(self._has_qr)
        self.refresh_countdown()
        self._timer.start()
        self.linkChanged.emit()

    def clear(self) -> None:
        self._url = ""
        self._has_qr = False
        self.warning_label.clear()
        self.warning_label.hide()
        self.copy_button.setText(translate("ResultPanel", COPY_TEXT))
        self.copy_button.setAccessibleName(translate("ResultPanel", COPY_TEXT))
        self._expires_at = None
        self._timer.stop()
        self.url_edit.clear()
        self.session_label.clear()
        self.amount_label.clear()
        self.charge_label.clear()
        self.set_alert(None)
        self.set_stale(False)
        self.expiry_label.clear()
        self.copied_label.clear()
        self.qr_label.clear()
        self.details.hide()
        self.placeholder.show()
        for button in (
            self.copy_button,
            self.enlarge_button,
            self.save_qr_button,
            self.copy_qr_button,
        ):
            button.setEnabled(False)
        self.linkChanged.emit()
        if self._qr_window is not None:
            self._qr_window.close()
        self.cleared.emit()

    def add_section(self, widget: QWidget) -> None:
        """Show ``widget`` right of the QR code's buttons, only while there is a link (features
        that act on the link, e.g. the hand-over actions). It must fit the QR code's height:
        the panel does not grow (the history keeps its five rows on a laptop)."""
        self._qr_row.insertWidget(self._qr_row.count() - 1, widget, 0, Qt.AlignmentFlag.AlignTop)
        tab_after(self.copy_qr_button, widget)  # right of the QR code's buttons

    def notify(self, text: str) -> None:
        """A short confirmation where "Copied ✓" is shown (its place is reserved); it fades in
        (:mod:`motion`)."""
        self._confirm(text)

    def _confirm(self, text: str) -> None:
        self.copied_label.setText(text)
        if text:
            motion.fade_in(self.copied_label)

    def set_alert(self, text: str | None) -> None:
        """A warning about the link on screen (it expires soon) in the place of the
        previous-cart notice; None puts that notice back as it was."""
        self._alert = text
        self.stale_label.setText(text if text is not None else translate("ResultPanel", STALE_TEXT))
        self.stale_label.setVisible(text is not None or self._stale)

    def refresh_countdown(self) -> None:
        if self._expires_at is None:
            return
        now = self._clock()
        self.expiry_label.setText(
            countdown_text(self._expires_at, now, assumed=self._expiry_assumed)
        )
        expired = now >= self._expires_at
        set_style(
            self.expiry_label, f"color: {palette.DANGER}; font-weight: bold;" if expired else ""
        )
        if expired:
            self._timer.stop()

    def set_stale(self, stale: bool) -> None:
        """Mark the link as made for the previous cart (the form changed since), or not."""
        if stale == self._stale:
            return
        self._stale = stale
        self.stale_label.setVisible(stale or self._alert is not None)
        if stale:
            self.copied_label.clear()  # "Copied ✓ — paste it" must not invite pasting it now
        self.amount_label.setEnabled(not stale)

    # ------------------------------------------------------------------ actions
    def copy_url(self) -> None:
        if not self._url:
            return
        QGuiApplication.clipboard().setText(self._url)
        self._confirm(translate("ResultPanel", COPIED_TEXT))
        self.copied_label.setToolTip(self._url)
        announce(self, self.copied_label.text())
        self.copied.emit(self._url)

    def copy_qr_image(self) -> None:
        if not self._has_qr:
            return
        from inflow_desk.ui.checkout.qr import qr_image

        QGuiApplication.clipboard().setImage(qr_image(self._url, 600))
        self._confirm(translate("ResultPanel", "QR image copied ✓"))

    def show_big_qr(self) -> None:
        if not self._has_qr:
            return
        if self._qr_window is None:
            self._qr_window = QrWindow(self._url, self.window())
            self._qr_window.finished.connect(self._forget_qr_window)
        self._qr_window.showMaximized()
        self._qr_window.raise_()
        self._qr_window.activateWindow()

    def _forget_qr_window(self) -> None:
        if self._qr_window is not None:
            self._qr_window.deleteLater()
        self._qr_window = None

    def save_qr_dialog(self) -> None:
        if not self._has_qr:
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            translate("ResultPanel", "Save QR code"),
            "checkout-qr.png",
            translate("ResultPanel", "PNG image (*.png);;SVG image (*.svg)"),
        )
        if path:
            self.save_qr_to(Path(path))

    def save_qr_to(self, path: Path) -> None:
        if not self._has_qr:
            return
        if path.suffix.lower() not in (".png", ".svg"):
            path = path.with_suffix(".png")
        save_qr(self._url, path)
        self._confirm(translate("ResultPanel", "QR saved to {file} ✓").format(file=path.name))
