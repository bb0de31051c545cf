"""Hand a created link over in one key: Copy message (Ctrl+M), E-mail… (Ctrl+Alt+M),
Copy SMS text (Ctrl+Shift+S, with its character count and SMS parts), Read aloud (F8); and the
near-expiry alert with "New link, same cart" (Ctrl+Shift+L).

The texts come from the profile's templates (:class:`~inflow_desk.domain.handover.MessageTemplates`,
handed in by a callable: ``storage.catalog.CatalogStore.templates`` is the one source). A link
that is not trusted (held back) is never handed over from here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from datetime import timedelta
from typing import Any, Protocol

from PySide6.QtCore import Qt, QTimer, QUrl, Signal, SignalInstance
from PySide6.QtGui import QDesktopServices, QFont, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inflow_desk.domain.checkout_url import check_checkout_url
from inflow_desk.domain.handover import (
    MessageTemplates,
    mailto_url,
    render_template,
    sms_count,
    sms_plain,
    spell_groups,
)
from inflow_desk.domain.i18n import translate
from inflow_desk.domain.kinds import SessionKind
from inflow_desk.ui.checkout.result_panel import ResultPanel
from inflow_desk.ui.checkout.session import CreatedSession
from inflow_desk.ui.handover.facts import (
    amount_text,
    expires_in_text,
    placeholder_values,
    read_aloud_text,
)
from inflow_desk.ui.kit import palette
from inflow_desk.ui.kit.errors import UserMessage, mail_client_failed
from inflow_desk.ui.kit.theme import set_style
from inflow_desk.ui.kit.widgets import (
    Clock,
    action_button,
    retain_size_when_hidden,
    shortcut_tip,
    utc_now,
)

log = logging.getLogger(__name__)

COPY_MESSAGE_KEYS = "Ctrl+M"
EMAIL_KEYS = "Ctrl+Alt+M"  # Ctrl+Shift+M is "Check now" (payment status) on main
COPY_SMS_KEYS = "Ctrl+Shift+S"
READ_ALOUD_KEYS = "F8"
SAME_CART_KEYS = "Ctrl+Shift+L"
NEAR_EXPIRY = timedelta(minutes=5)

TemplatesSource = Callable[[], MessageTemplates]
OfferLookup = Callable[[str], Mapping[str, Any] | None]


class ReadAloudCard(QDialog):
    """Large type: the sentence to read before sending, then the session id spelled in
    groups of four with the phonetic alphabet. Esc closes it."""

    def __init__(self, sentence: str, session_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readAloudCard")
        self.setWindowTitle(translate("ReadAloudCard", "Read aloud"))
        self.sentence_label = QLabel(sentence, self)
        self.sentence_label.setObjectName("readAloudSentence")
        self.sentence_label.setAccessibleName(translate("ReadAloudCard", "What to read"))
        self.sentence_label.setWordWrap(True)
        self.sentence_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        big = QFont(self.sentence_label.font())
        big.setPointSizeF(big.pointSizeF() * 1.8)
        self.sentence_label.setFont(big)
        groups = spell_groups(session_id)
        spelled = "\n".join(f"{group}   —   {words}" for group, words in groups)
        self.spelling_label = QLabel(
            translate("ReadAloudCard", "Session {session}:").format(session=session_id)
            + "\n"
            + spelled,
            self,
        )
        self.spelling_label.setObjectName("readAloudSpelling")
        self.spelling_label.setAccessibleName(translate("ReadAloudCard", "Session id, spelled"))
        self.spelling_label.setWordWrap(True)
        self.spelling_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        mid = QFont(self.spelling_label.font())
        mid.setPointSizeF(mid.pointSizeF() * 1.3)
        self.spelling_label.setFont(mid)
        close = QPushButton(translate("ReadAloudCard", "Close   Esc"), self)
        close.setObjectName("readAloudCloseButton")
        close.setAccessibleName(translate("ReadAloudCard", "Close"))
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.sentence_label)
        layout.addSpacing(16)
        layout.addWidget(self.spelling_label)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        self.resize(760, 420)


class HandoverBar(QWidget):
    """The hand-over actions under the link. ``show_link`` arms them for a link on screen,
    ``clear`` disarms them. Emits ``sameCartRequested(CreatedSession)`` for "New link, same
    cart" and ``problem(UserMessage)`` when something could not be done."""

    sameCartRequested = Signal(object)
    problem = Signal(object)

    def __init__(
        self,
        panel: ResultPanel,
        *,
        templates: TemplatesSource = MessageTemplates,
        clock: Clock = utc_now,
        offer_lookup: OfferLookup | None = None,
    ) -> None:
        super().__init__(panel)
        self.setObjectName("handoverBar")
        self._panel = panel
        self._templates = templates
        self._clock = clock
        self.offer_lookup = offer_lookup
        self._created: CreatedSession | None = None
        self._url = ""
        self._merchant = ""
        self._paid = False
        self._alert_text: str | None = None
        self._card: ReadAloudCard | None = None

        self.copy_message_button = action_button(
            self,
            translate("HandoverBar", "Copy message"),
            "copyMessageButton",
            COPY_MESSAGE_KEYS,
            self.copy_message,
        )
        self.email_button = action_button(
            self,
            translate("HandoverBar", "E-mail…"),
            "emailLinkButton",
            EMAIL_KEYS,
            self.open_email,
        )
        self.sms_button = action_button(
            self,
            translate("HandoverBar", "Copy SMS text"),
            "copySmsButton",
            COPY_SMS_KEYS,
            self.copy_sms,
        )
        self.read_aloud_button = action_button(
            self,
            translate("HandoverBar", "Read aloud"),
            "readAloudButton",
            READ_ALOUD_KEYS,
            self.show_read_aloud,
        )
        self.same_cart_button = action_button(
            self,
            translate("HandoverBar", "New link, same cart"),
            "sameCartButton",
            SAME_CART_KEYS,
            self.request_same_cart,
        )
        for button, name, description in (
            (
                self.copy_message_button,
                translate("HandoverBar", "Copy the message"),
                translate("HandoverBar", "Copies the chat or e-mail text with the link"),
            ),
            (
                self.email_button,
                translate("HandoverBar", "E-mail the link"),
                translate("HandoverBar", "Opens an e-mail to the customer in your mail program"),
            ),
            (
                self.sms_button,
                translate("HandoverBar", "Copy the SMS text"),
                translate("HandoverBar", "Copies the short text for an SMS"),
            ),
            (
                self.read_aloud_button,
                translate("HandoverBar", "Read aloud"),
                translate("HandoverBar", "Shows what to read to the customer, in large type"),
            ),
            (
                self.same_cart_button,
                translate("HandoverBar", "New link, same cart"),
                translate("HandoverBar", "Creates a fresh link for the same cart or offer"),
            ),
        ):
            button.setAccessibleName(name)
            button.setAccessibleDescription(description)
        set_style(self.same_cart_button, f"font-weight: bold; color: {palette.WARNING_STRONG};")
        retain_size_when_hidden(self.same_cart_button)

        # One column beside the QR code's buttons: the panel keeps its height.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for button in (*self._buttons(), self.same_cart_button):
            layout.addWidget(button)
        layout.addStretch(1)

        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self.refresh_alert)
        self.clear()

    # ------------------------------------------------------------------ state
    @property
    def armed(self) -> bool:
        return self._created is not None

    def show_link(self, created: CreatedSession, *, url: str, merchant: str) -> None:
        """Arm the actions for a trusted link on screen (``url`` is the server's link)."""
        self._created = created
        self._url = url
        self._merchant = merchant
        self._paid = False
        for button in self._buttons():
            button.setEnabled(True)
        self._show_sms_count()
        self.refresh_alert()
        self._timer.start()

    def clear(self) -> None:
        """No link (or one that is not trusted): nothing to hand over."""
        self._created = None
        self._url = ""
        self._timer.stop()
        for button in self._buttons():
            button.setEnabled(False)
        self.sms_button.setToolTip(
            shortcut_tip(translate("HandoverBar", "Copy the SMS text"), COPY_SMS_KEYS)
        )
        self._set_alert(None)
        if self._card is not None:
            self._card.close()

    @property
    def is_paid(self) -> bool:
        return self._paid

    @property
    def session_id(self) -> str | None:
        """The session of the link the actions are armed for."""
        return self._created.session_id if self._created is not None else None

    def set_paid(self, paid: bool) -> None:
        """The link was paid (payment status): no expiry alert for it."""
        self._paid = paid
        self.refresh_alert()

    def _buttons(self) -> tuple[QPushButton, ...]:
        return (
            self.copy_message_button,
            self.email_button,
            self.sms_button,
            self.read_aloud_button,
        )

    # ------------------------------------------------------------------ texts
    def _values(self) -> dict[str, str]:
        assert self._created is not None
        return placeholder_values(
            self._created, url=self._url, merchant=self._merchant, now=self._clock()
        )

    def message_text(self) -> str:
        return render_template(self._templates().message, self._values())

    def sms_text(self) -> str:
        return sms_plain(render_template(self._templates().sms, self._values()))

    def subject_text(self) -> str:
        return render_template(self._templates().subject, self._values())

    def sms_count_text(self) -> str:
        """``"84 characters · 1 SMS (GSM-7)"`` for the SMS text of the link on screen."""
        return sms_count(self.sms_text()).describe()

    def _show_sms_count(self) -> None:
        tip = shortcut_tip(translate("HandoverBar", "Copy the SMS text"), COPY_SMS_KEYS)
        self.sms_button.setToolTip(f"{tip}\n{self.sms_count_text()}")

    # ------------------------------------------------------------------ actions
    def copy_message(self) -> None:
        if self._created is None:
            return
        QGuiApplication.clipboard().setText(self.message_text())
        self._panel.notify(
            translate("HandoverBar", "Message copied ✓ — paste it into the chat or e-mail")
        )

    def copy_sms(self) -> None:
        if self._created is None:
            return
        text = self.sms_text()
        QGuiApplication.clipboard().setText(text)
        self._panel.notify(
            translate("HandoverBar", "SMS text copied ✓ — {count}").format(
                count=sms_count(text).describe()
            )
        )

    def mailto(self) -> str:
        """The ``mailto:`` link for the link on screen (recipient: the customer's e-mail)."""
        assert self._created is not None
        to = self._created.details.customer_email or ""
        return mailto_url(to, self.subject_text(), self.message_text())

    def open_email(self) -> None:
        if self._created is None:
            return
        url = QUrl.fromEncoded(self.mailto().encode("ascii"), QUrl.ParsingMode.StrictMode)
        if QDesktopServices.openUrl(url):
            self._panel.notify(
                translate("HandoverBar", "E-mail opened ✓ — check it and press Send")
            )
        else:
            log.warning("no e-mail program opened the mailto link")
            self._report(mail_client_failed())

    def _report(self, message: UserMessage) -> None:
        self._panel.notify("")
        self.problem.emit(message)

    def read_aloud_text(self) -> str:
        created = self._created
        assert created is not None
        offer = None
        if self.offer_lookup is not None and created.details.offer_id:
            offer = self.offer_lookup(created.details.offer_id)
        return read_aloud_text(created, offer)

    def show_read_aloud(self) -> None:
        created = self._created
        if created is None:
            return
        if self._card is not None:
            self._card.close()
        self._card = ReadAloudCard(self.read_aloud_text(), created.session_id, self.window())
        self._card.finished.connect(self._forget_card)
        self._card.show()
        self._card.raise_()
        self._card.activateWindow()

    @property
    def card(self) -> ReadAloudCard | None:
        return self._card

    def _forget_card(self) -> None:
        if self._card is not None:
            self._card.deleteLater()
        self._card = None

    # ------------------------------------------------------------------ near expiry
    @property
    def alert_text(self) -> str | None:
        """The near-expiry warning shown in the panel, or None."""
        return self._alert_text

    def refresh_alert(self) -> None:
        """Shown while the link has at most 5 minutes left (or has expired) and is not paid."""
        created = self._created
        if created is None:
            return
        now = self._clock()
        left = created.expires_at - now
        if self._paid or left > NEAR_EXPIRY:
            self._set_alert(None)
        else:
            amount = amount_text(created)
            if left > timedelta(0):
                time_left = expires_in_text(created.expires_at, now)
                text = (
                    translate(
                        "HandoverBar", "⚠ The link for {amount} expires in {time} and is not paid."
                    ).format(amount=amount, time=time_left)
                    if amount
                    else translate(
                        "HandoverBar", "⚠ The link expires in {time} and is not paid."
                    ).format(time=time_left)
                )
            else:
                text = (
                    translate("HandoverBar", "⚠ The link for {amount} has expired unpaid.").format(
                        amount=amount
                    )
                    if amount
                    else translate("HandoverBar", "⚠ The link has expired unpaid.")
                )
            self._set_alert(
                translate(
                    "HandoverBar", "{alert} Ctrl+Shift+L: a new link for the same cart."
                ).format(alert=text)
            )
        if left <= timedelta(0):
            self._timer.stop()

    def _set_alert(self, text: str | None) -> None:
        self._alert_text = text
        self._panel.set_alert(text)
        self.same_cart_button.setVisible(text is not None)

    def request_same_cart(self) -> None:
        if self._created is not None:
            self.sameCartRequested.emit(self._created)


class HandoverHost(Protocol):
    """What the hand-over needs of the window (``MainWindow`` is one)."""

    @property
    def result_panel(self) -> ResultPanel: ...
    @property
    def sessionCreated(self) -> SignalInstance: ...
    def show_error(self, message: UserMessage) -> None: ...
    def load_request(self, kind: str, body: dict[str, Any]) -> bool: ...
    def create_session(self) -> None: ...


def same_cart_body(created: CreatedSession) -> dict[str, Any]:
    """What ``load_request`` needs to send ``created``'s request again (a subscription's
    offer travels in the path, not the body)."""
    body = dict(created.request_json)
    if created.kind is SessionKind.SUBSCRIPTION:
        body["offer_id"] = created.details.offer_id
        if created.details.offer_name:
            body["offer_name"] = created.details.offer_name
    return body


def install_handover(
    host: HandoverHost,
    *,
    templates: TemplatesSource = MessageTemplates,
    clock: Clock = utc_now,
    offer_lookup: OfferLookup | None = None,
) -> HandoverBar:
    """Put the hand-over actions under the result panel's link. They arm for a link the panel
    shows and trusts (a held-back or refused link is never handed over) and disarm when the
    panel clears."""
    panel = host.result_panel
    bar = HandoverBar(panel, templates=templates, clock=clock, offer_lookup=offer_lookup)
    panel.add_section(bar)
    panel.cleared.connect(bar.clear)

    def on_created(created: object) -> None:
        if not isinstance(created, CreatedSession):
            return
        account = created.account
        url = created.checkout_url
        problem = account.link_problem(url) if account is not None else check_checkout_url(url)
        trusted = problem is None
        if trusted and panel.url == url:
            bar.show_link(created, url=url, merchant=account.name if account else "")
        else:
            bar.clear()

    def same_cart(created: object) -> None:
        if isinstance(created, CreatedSession) and host.load_request(
            created.kind, same_cart_body(created)
        ):
            host.create_session()

    host.sessionCreated.connect(on_created)
    bar.problem.connect(host.show_error)
    bar.sameCartRequested.connect(same_cart)
    return bar
