"""Payments on screen: the status under the link, "Check now" (Ctrl+Shift+M), a notification when a
link is paid while the window is in the background, and the demo's "Simulate" actions.

The feature meets the window through :class:`PaymentsHost` (it never imports the window).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import Protocol

from PySide6.QtCore import QObject, Qt, Signal, SignalInstance
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QPushButton, QSystemTrayIcon, QWidget

from inflow_desk.domain.i18n import translate
from inflow_desk.domain.payments import LinkFacts, PaymentLine
from inflow_desk.ui.accounts.account import Account
from inflow_desk.ui.checkout.session import CreatedSession
from inflow_desk.ui.kit import palette
from inflow_desk.ui.kit.a11y import announce
from inflow_desk.ui.kit.chips import Chip, chip_size
from inflow_desk.ui.kit.errors import describe_error
from inflow_desk.ui.kit.formatting import format_money_in, format_time
from inflow_desk.ui.kit.theme import set_style
from inflow_desk.ui.kit.widgets import (
    Clock,
    bind_shortcut,
    retain_size_when_hidden,
    shortcut_tip,
    utc_now,
)
from inflow_desk.ui.kit.workers import run_in_background
from inflow_desk.ui.payments.status import LinkStatus, Tone, basis_words, chip_kind
from inflow_desk.ui.payments.watcher import TICK_MS, PaymentSource, PaymentWatcher

log = logging.getLogger(__name__)

CHECK_NOW_KEY = "Ctrl+Shift+M"  # "money"; F5 reloads the offers
TONE_STYLES = {
    Tone.WAITING: f"color: {palette.WARNING};",
    Tone.GOOD: f"color: {palette.SUCCESS_STRONG}; font-weight: bold;",
    Tone.UNSURE: f"color: {palette.WARNING_STRONG}; background: {palette.WARNING_SURFACE};",
    Tone.BAD: f"color: {palette.DANGER};",
    Tone.MUTED: f"color: {palette.MUTED};",
}

#: ``(session_id, "paid" | "failed")``: the demo emulator's customer (app.py supplies it).
Simulator = Callable[[str, str], object]


class _ResultPanel(Protocol):
    def add_status_widget(self, widget: QWidget, stretch: int = 0) -> None: ...

    def add_status_chip(self, chip: QWidget) -> None: ...

    @property
    def newLinkRequested(self) -> SignalInstance: ...


class PaymentsHost(Protocol):
    """What the feature needs of the window."""

    @property
    def account(self) -> Account: ...

    @property
    def gateway(self) -> object: ...

    @property
    def sessionCreated(self) -> SignalInstance: ...

    @property
    def accountChanged(self) -> SignalInstance: ...

    @property
    def result_panel(self) -> _ResultPanel: ...

    def menu(self, title: str) -> QMenu: ...

    def isActiveWindow(self) -> bool: ...


def link_facts(created: CreatedSession) -> LinkFacts:
    """What matching knows of a created link (``domain.payments``)."""
    details = created.details
    return facts_of_link(
        session_id=created.session_id,
        created_at=created.created_at,
        expires_at=created.expires_at,
        currency=details.currency,
        total_cents=details.total_cents,
        customer_email=details.customer_email,
        lines=tuple(
            (line.name, line.unit_price_cents, line.quantity) for line in details.line_items
        ),
        offer_id=details.offer_id,
        offer_name=details.offer_name,
    )


def facts_of_link(
    *,
    session_id: str,
    created_at: datetime,
    expires_at: datetime,
    currency: str | None,
    total_cents: int | None,
    customer_email: str | None,
    lines: tuple[tuple[str, int, int], ...],
    offer_id: str | None,
    offer_name: str | None,
) -> LinkFacts:
    """The one way a link (created now, or kept in the history) becomes :class:`LinkFacts`,
    its label ("€109.88 for ana@… of 13:12") included."""
    amount = (
        format_money_in(total_cents, currency)
        if total_cents is not None
        else offer_name or offer_id or translate("PaymentsFeature", "subscription")
    )
    at = format_time(created_at)
    label = (
        translate("PaymentsFeature", "{amount} for {email} of {time}").format(
            amount=amount, email=customer_email, time=at
        )
        if customer_email
        else translate("PaymentsFeature", "{amount} of {time}").format(amount=amount, time=at)
    )
    return LinkFacts(
        session_id=session_id,
        created_at=created_at,
        expires_at=expires_at,
        currency=currency,
        amount_cents=total_cents,
        customer_email=customer_email,
        products=tuple(PaymentLine(*line) for line in lines),
        offer_id=offer_id,
        label=label,
    )


class PaymentsFeature(QObject):
    """Watchers per profile and what the agent sees of them.

    Signals: ``statusChanged(session_id, LinkStatus)`` (every watcher's, for the history);
    ``notified(str)`` when the agent was alerted to a payment.
    """

    statusChanged = Signal(str, object)
    notified = Signal(str)
    #: The window talks to another account (``Account``): its earlier open links may be restored.
    accountShown = Signal(object)

    def __init__(
        self,
        host: PaymentsHost,
        *,
        clock: Clock = utc_now,
        simulate: Simulator | None = None,
        tick_ms: int = TICK_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._host = host
        self._clock = clock
        self._simulate = simulate
        self._tick_ms = tick_ms
        self.watchers: dict[str, PaymentWatcher] = {}
        self._shown: tuple[str, str] | None = None  # (profile, session id) in the result panel
        self._paid: set[tuple[str, str]] = set()  # (profile, session id) known paid: alerted

        self.label = QLabel()
        self.label.setObjectName("paymentStatusLabel")
        self.label.setAccessibleName(translate("PaymentsFeature", "Payment status of this link"))
        self.label.setWordWrap(True)
        # Two lines, fixed from the start, like the charge next to it ("A payment of … —
        # probably this link" wraps; the whole text is in the tooltip): nothing moves.
        self.label.setFixedHeight(self.label.fontMetrics().lineSpacing() * 2)
        self.label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.check_button = QPushButton(translate("PaymentsFeature", "Check now"))
        self.check_button.setObjectName("checkPaymentButton")
        self.check_button.setToolTip(
            shortcut_tip(
                translate("PaymentsFeature", "Ask Inflow for this link's payment"), CHECK_NOW_KEY
            )
        )
        self.check_button.setAccessibleName(translate("PaymentsFeature", "Check the payment now"))
        self.check_button.setAccessibleDescription(
            translate("PaymentsFeature", "Asks Inflow whether this link was paid")
        )
        self.check_button.setAutoDefault(False)
        self.check_button.clicked.connect(self.check_now)
        retain_size_when_hidden(self.check_button)
        self.chip = Chip()
        self.chip.setObjectName("paymentStatusChip")
        self.chip.setAccessibleName(translate("PaymentsFeature", "Payment status"))
        widest = max(palette.CHIP_LABELS.values(), key=self.chip.fontMetrics().horizontalAdvance)
        self.chip.setFixedSize(chip_size(self.chip.fontMetrics(), widest))  # nothing moves
        panel = host.result_panel
        panel.add_status_chip(self.chip)
        panel.add_status_widget(self.label, 1)
        panel.add_status_widget(self.check_button)
        panel.newLinkRequested.connect(self._forget_shown)
        self._set_label(None)
        window = self.label.window()
        bind_shortcut(window, CHECK_NOW_KEY, self.check_now)
        view = host.menu("&View")
        check = view.addAction(
            translate("PaymentsFeature", "Check payment now ({keys})").format(keys=CHECK_NOW_KEY),
            self.check_now,
        )
        check.setObjectName("checkPaymentAction")
        self._demo_menu: QMenu | None = None
        host.sessionCreated.connect(self._on_created)
        host.accountChanged.connect(self._on_account_changed)
        self._on_account_changed(host.account)
        self._tray: QSystemTrayIcon | None = None

    # ------------------------------------------------------------------ watchers
    def watcher(self, profile: str) -> PaymentWatcher | None:
        """The profile's watcher (made with the window's current client), if it can watch."""
        found = self.watchers.get(profile)
        if found is not None:
            return found
        source = self._host.gateway
        if not isinstance(source, PaymentSource):
            return None
        made = PaymentWatcher(source, clock=self._clock, tick_ms=self._tick_ms, parent=self)
        made.statusChanged.connect(lambda sid, status, p=profile: self._on_status(p, sid, status))
        self.watchers[profile] = made
        return made

    def _on_account_changed(self, account: Account) -> None:
        source = self._host.gateway
        existing = self.watchers.get(account.name)
        if existing is not None and isinstance(source, PaymentSource):
            existing.set_source(source)  # a new key or client: the same profile's links
        self._install_demo(account)
        self.accountShown.emit(account)

    @property
    def account(self) -> Account:
        return self._host.account

    def restore(self, account: Account, links: list[LinkFacts]) -> None:
        """Watch links created in an earlier run (still open, not settled) of ``account``,
        in the background (45 s apart), if the window still talks to it."""
        if self._host.account != account or not links:
            return
        watcher = self.watcher(account.name)
        if watcher is None:
            return
        for link in links:
            if watcher.status(link.session_id) is None:
                watcher.watch(link)

    def _on_created(self, created: CreatedSession) -> None:
        account = created.account or self._host.account
        watcher = self.watcher(account.name)
        for name, other in self.watchers.items():
            other.set_focus(None if name != account.name else created.session_id)
        if watcher is None:
            self._shown = None
            self._set_label(None)
            return
        self._shown = (account.name, created.session_id)
        watcher.watch(link_facts(created))

    def _forget_shown(self) -> None:
        if self._shown is not None:
            watcher = self.watchers.get(self._shown[0])
            if watcher is not None:
                watcher.set_focus(None)
        self._shown = None
        self._set_label(None)

    def check_now(self) -> None:
        if self._shown is not None:
            watcher = self.watchers.get(self._shown[0])
            if watcher is not None:
                watcher.check_now()

    def stop(self) -> None:
        """At exit: no request starts any more."""
        for watcher in self.watchers.values():
            watcher.stop()

    # ------------------------------------------------------------------ showing
    def _on_status(self, profile: str, session_id: str, status: LinkStatus) -> None:
        log.info("payment status of %s: %s [%s]", session_id, status.short, status.basis or "-")
        if self._shown == (profile, session_id):
            self._set_label(status)
            announce(self.label, status.text)
        if status.paid and status.settled and (profile, session_id) not in self._paid:
            self._paid.add((profile, session_id))  # any watched link, shown or not
            self._notify(status, None if self._shown == (profile, session_id) else session_id)
        self.statusChanged.emit(session_id, status)

    def _set_label(self, status: LinkStatus | None) -> None:
        self.label.setProperty("paid", bool(status is not None and status.paid and status.settled))
        # The chip says "Waiting": the sentence only says what the chip cannot (issue 19).
        self.label.setText("" if status is None or status.state == "waiting" else status.text)
        self.label.setToolTip(
            ""
            if status is None
            else status.text
            + (
                "\n"
                + translate("PaymentsFeature", "Matched on: {facts}").format(
                    facts=basis_words(status.basis)
                )
                if status.basis
                else ""
            )
            + (
                "\n" + translate("PaymentsFeature", "Payment {id}").format(id=status.payment_id)
                if status.payment_id
                else ""
            )
        )
        set_style(self.label, "" if status is None else TONE_STYLES[status.tone])
        kind = "waiting" if status is None else chip_kind(status)
        self.chip.set_chip(kind, "" if status is None else palette.CHIP_LABELS[kind])
        self.check_button.setVisible(status is not None)

    def _notify(self, status: LinkStatus, other_link: str | None) -> None:
        """Alert the agent when the window is in the background (``other_link``: a link that
        is not the one in the result panel, named by its session id)."""
        window = self.label.window()
        if window.isActiveWindow():
            return
        account = self._host.account.name
        text = (
            translate("PaymentsFeature", "{status} (link {link}) — {account}").format(
                status=status.text, link=other_link, account=account
            )
            if other_link is not None
            else translate("PaymentsFeature", "{status} — {account}").format(
                status=status.text, account=account
            )
        )
        if QSystemTrayIcon.isSystemTrayAvailable():
            if self._tray is None:
                self._tray = QSystemTrayIcon(window.windowIcon(), self)
            self._tray.show()
            self._tray.showMessage(translate("PaymentsFeature", "Inflow Desk: link paid"), text)
        QApplication.alert(window)
        self.notified.emit(text)

    # ------------------------------------------------------------------ demo
    def _install_demo(self, account: Account) -> None:
        if self._simulate is None or account.environment != "DEMO" or self._demo_menu:
            return
        menu = self._host.menu("&Demo")
        pays = menu.addAction(
            translate("PaymentsFeature", "Simulate: customer pays"), lambda: self.simulate("paid")
        )
        pays.setObjectName("simulatePaidAction")
        menu.addAction(
            translate("PaymentsFeature", "Simulate: payment fails"),
            lambda: self.simulate("failed"),
        )
        self._demo_menu = menu

    def simulate(self, outcome: str) -> None:
        """Demo only: the emulator's customer pays (or fails) the link shown."""
        simulate = self._simulate
        if simulate is None or self._shown is None or self._host.account.environment != "DEMO":
            return
        session_id = self._shown[1]
        watcher = self.watchers.get(self._shown[0])

        def done(_result: object) -> None:
            if watcher is not None:
                watcher.check_now()

        def failed(exc: BaseException) -> None:
            log.warning("demo payment could not be simulated: %s", type(exc).__name__)
            message = describe_error(
                exc,
                account=self._host.account.label,
                action=translate("PaymentsFeature", "simulate the payment"),
            )
            self.label.setText(message.as_text())

        run_in_background(lambda: simulate(session_id, outcome), done, failed, owner=self)
