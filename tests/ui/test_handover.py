"""Handing a created link over (issue 16): Copy message, E-mail… (mailto), Copy SMS text,
the read-aloud card and the near-expiry alert with "New link, same cart" — driven by keys on a
real window talking to the emulator over loopback."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from inflow_desk.domain.handover import MessageTemplates
from inflow_desk.emulator import Fault, InflowEmulator
from inflow_desk.ui.checkout.session import CreatedSession
from inflow_desk.ui.handover.actions import HandoverBar, install_handover
from inflow_desk.ui.main_window import MainWindow
from tests.ui.conftest import Clock, find, press

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
CTRL_ALT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
TEMPLATES = MessageTemplates(
    message="Hi {customer_email}: {items} = {amount}\n{link}\nuntil {expires_at} & {merchant}?#",
    sms="{merchant} {amount} {link}",
    subject="Zahlung für {merchant} & co",
)


class MailCatcher(QObject):
    """Stands in for the mail program: QDesktopServices hands it every mailto: URL."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


@pytest.fixture
def mail() -> Iterator[MailCatcher]:
    catcher = MailCatcher()
    # PySide6 6.11 takes the method name as str (its stub says bytes)
    QDesktopServices.setUrlHandler("mailto", catcher, "open")  # type: ignore[arg-type]
    yield catcher
    QDesktopServices.unsetUrlHandler("mailto")


def fill_cart(window: MainWindow, name: str = "Café crème", price: str = "49.99") -> None:
    model = window.one_time_form.model
    model.setData(model.index(0, 0), name)
    model.setData(model.index(0, 1), price)
    model.setData(model.index(0, 2), 2)
    window.options_form.email_edit.setText("zoe+vip&co@example.com")


@pytest.fixture
def handed(
    qtbot: QtBot, make_window: Callable[..., MainWindow], clock: Clock
) -> tuple[MainWindow, HandoverBar]:
    window = make_window()
    bar = install_handover(window, templates=lambda: TEMPLATES, clock=clock)
    return window, bar


def create(qtbot: QtBot, window: MainWindow) -> CreatedSession:
    with qtbot.waitSignal(window.sessionCreated, timeout=5000) as blocker:
        press(qtbot, Qt.Key.Key_Return, CTRL)
    created = blocker.args[0]
    assert isinstance(created, CreatedSession)
    return created


def test_copy_message_puts_the_rendered_template_on_the_clipboard(
    qtbot: QtBot, handed: tuple[MainWindow, HandoverBar]
) -> None:
    window, bar = handed
    assert not bar.copy_message_button.isEnabled()
    fill_cart(window)
    created = create(qtbot, window)
    url = window.result_panel.url
    assert url.startswith("https://checkout.inflowpay.com/")
    QGuiApplication.clipboard().setText("before")
    press(qtbot, Qt.Key.Key_M, CTRL)
    until = created.expires_at.astimezone().strftime("%H:%M")
    assert QGuiApplication.clipboard().text() == (
        f"Hi zoe+vip&co@example.com: 2 × Café crème = €99.98\n{url}\nuntil {until} & Test shop?#"
    )
    assert "Message copied" in window.result_panel.copied_label.text()


def test_email_opens_a_mailto_link_that_decodes_back(
    qtbot: QtBot, handed: tuple[MainWindow, HandoverBar], mail: MailCatcher
) -> None:
    window, bar = handed
    fill_cart(window)
    create(qtbot, window)
    press(qtbot, Qt.Key.Key_M, CTRL_ALT)
    qtbot.waitUntil(lambda: len(mail.urls) == 1)
    encoded = bytes(mail.urls[0].toEncoded().data()).decode("ascii")
    parts = urlsplit(encoded)
    assert parts.scheme == "mailto" and not parts.fragment
    assert unquote(parts.path) == "zoe+vip&co@example.com"
    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
    assert query["subject"] == "Zahlung für Test shop & co"
    assert query["body"] == bar.message_text().replace("\n", "\r\n")
    assert window.result_panel.url in query["body"]


@pytest.mark.qt_log_ignore("does not support QPlatformServices::openUrl")
def test_no_mail_program_is_said_in_the_funnels_words(
    qtbot: QtBot, handed: tuple[MainWindow, HandoverBar]
) -> None:
    window, bar = handed
    QDesktopServices.unsetUrlHandler("mailto")
    fill_cart(window)
    create(qtbot, window)
    messages: list[object] = []
    bar.problem.connect(messages.append)
    # offscreen has no desktop services and no handler is set: openUrl answers False
    press(qtbot, Qt.Key.Key_M, CTRL_ALT)
    assert len(messages) == 1
    assert "No e-mail program opened" in find(window, QLabel, "errorLabel").text()


def test_copy_sms_text_shows_count_and_parts(
    qtbot: QtBot, handed: tuple[MainWindow, HandoverBar]
) -> None:
    window, bar = handed
    fill_cart(window)
    create(qtbot, window)
    press(qtbot, Qt.Key.Key_S, CTRL_SHIFT)
    text = QGuiApplication.clipboard().text()
    assert text == f"Test shop €99.98 {window.result_panel.url}"
    shown = window.result_panel.copied_label.text()
    assert f"{len(text)} characters · 1 SMS (GSM-7)" in shown  # € counts twice, one part
    assert bar.sms_count_text() in bar.sms_button.toolTip()


def test_read_aloud_card_reads_the_cart_and_spells_the_session(
    qtbot: QtBot, handed: tuple[MainWindow, HandoverBar]
) -> None:
    window, bar = handed
    fill_cart(window)
    create(qtbot, window)
    press(qtbot, Qt.Key.Key_F8)
    card = bar.card
    assert card is not None
    qtbot.waitUntil(card.isVisible)
    assert card.sentence_label.text() == (
        "You will pay for 2 × Café crème at €49.99 each: €99.98 in total."
    )
    session_id = window.result_panel.session_label.text().removeprefix("Session ")
    assert session_id[:4] in card.spelling_label.text()
    assert "Sierra Echo Sierra Sierra" in card.spelling_label.text()  # "sess"
    qtbot.keyClick(card, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: bar.card is None)


def test_near_expiry_alert_and_a_new_link_for_the_same_cart(
    qtbot: QtBot,
    handed: tuple[MainWindow, HandoverBar],
    clock: Clock,
    emulator: InflowEmulator,
) -> None:
    window, bar = handed
    fill_cart(window)
    create(qtbot, window)
    first = window.result_panel.url
    notice = window.result_panel.stale_label
    assert not notice.isVisible()
    clock.now += timedelta(minutes=54, seconds=30)  # 5 min 30 s left: not yet
    bar.refresh_alert()
    assert not notice.isVisible() and not bar.same_cart_button.isVisible()
    clock.now += timedelta(minutes=1)  # 4 min 30 s left: the timer says so within a second
    qtbot.waitUntil(notice.isVisible, timeout=2500)
    assert "expires in 4 min and is not paid" in notice.text()
    assert bar.same_cart_button.isVisible()
    bar.set_paid(True)  # the payment status seam: a paid link needs no new one
    assert not notice.isVisible()
    bar.set_paid(False)
    assert notice.isVisible()

    with qtbot.waitSignal(window.sessionCreated, timeout=5000) as blocker:
        press(qtbot, Qt.Key.Key_L, CTRL_SHIFT)
    second = window.result_panel.url
    assert second != first and len(emulator.sessions) == 2
    created = blocker.args[0]
    assert [(i.name, i.unit_price_cents, i.quantity) for i in created.details.line_items] == [
        ("Café crème", 4999, 2)
    ]
    assert created.details.customer_email == "zoe+vip&co@example.com"
    assert not notice.isVisible()  # the new link has its full hour
    assert bar.alert_text is None


def test_a_held_back_link_is_never_handed_over(
    qtbot: QtBot, handed: tuple[MainWindow, HandoverBar], emulator: InflowEmulator
) -> None:
    window, bar = handed
    fill_cart(window)
    emulator.inject(Fault("checkout_url", checkout_url="https://evil.example/pay/sess_1"))
    create(qtbot, window)
    assert find(window, QLabel, "linkWarningLabel").isVisible()
    QGuiApplication.clipboard().setText("before")
    press(qtbot, Qt.Key.Key_M, CTRL)
    press(qtbot, Qt.Key.Key_S, CTRL_SHIFT)
    assert QGuiApplication.clipboard().text() == "before"
    assert not bar.copy_message_button.isEnabled()


def test_new_link_disarms_the_actions(qtbot: QtBot, handed: tuple[MainWindow, HandoverBar]) -> None:
    window, bar = handed
    fill_cart(window)
    create(qtbot, window)
    assert bar.armed
    press(qtbot, Qt.Key.Key_N, CTRL_SHIFT)
    assert not bar.email_button.isEnabled()
    assert bar.armed is False
