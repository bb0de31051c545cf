"""The main window: cart (or offer) on the left, the link on the right, one key to create.

The create flow: validate everything first (nothing is sent while a field is invalid, the first
invalid field gets focus), then run the request on the thread pool with the Create button
disabled — a double click or key repeat creates exactly one session. Failures go through
:func:`inflow_desk.ui.kit.errors.describe_error`; the form stays exactly as it was.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QEvent, QLocale, QObject, QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from inflow_desk.domain import limits
from inflow_desk.domain.checkout_url import (
    UntrustedCheckoutUrlError,
    history_text,
)
from inflow_desk.domain.i18n import QT_TRANSLATE_NOOP, translate
from inflow_desk.domain.kinds import SessionKind
from inflow_desk.domain.models import CheckoutOptions, FieldIssue, RequestInvalid
from inflow_desk.domain.money import Currency
from inflow_desk.ui.accounts.account import Account
from inflow_desk.ui.checkout.line_items_model import Column
from inflow_desk.ui.checkout.line_items_view import RecentProductsModel
from inflow_desk.ui.checkout.modes import CheckoutMode, PreparedRequest, SessionGateway
from inflow_desk.ui.checkout.one_time_form import OneTimeForm
from inflow_desk.ui.checkout.options_form import OptionsForm
from inflow_desk.ui.checkout.result_panel import ChargeSummary, ResultPanel
from inflow_desk.ui.checkout.session import CreatedSession
from inflow_desk.ui.kit import design, icons, palette
from inflow_desk.ui.kit.a11y import announce
from inflow_desk.ui.kit.errors import (
    HISTORY_NOT_SAVED,
    UserMessage,
    describe_error,
    describe_held_back_link,
    duplicate_link_question,
)
from inflow_desk.ui.kit.formatting import format_money
from inflow_desk.ui.kit.settings import AppSettings
from inflow_desk.ui.kit.theme import on_change, set_style
from inflow_desk.ui.kit.widgets import (
    Clock,
    WrappingLabel,
    bind_shortcut,
    shortcut_tip,
    utc_now,
)
from inflow_desk.ui.kit.workers import run_in_background

log = logging.getLogger(__name__)


ERROR_LABEL_STYLE = (
    f"QLabel {{ color: {palette.DANGER_STRONG}; background: {palette.DANGER_SURFACE}; "
    f"border: {design.BORDER} {palette.DANGER_OUTLINE}; {design.ROUNDED} "
    f"{design.padding(design.SPACE_S)} }}"
)
# Shown texts: marked here, translated where shown (``translate("MainWindow", CREATE_TEXT)``).
CREATE_TEXT = QT_TRANSLATE_NOOP("MainWindow", "Create link   Ctrl+Enter")
BUSY_TEXT = QT_TRANSLATE_NOOP("MainWindow", "Creating…")
NEXT_CALLER_WAITS = QT_TRANSLATE_NOOP(
    "MainWindow", "Creating the link — Ctrl+Shift+N clears the form once it is there"
)
WAITING_TEXT = QT_TRANSLATE_NOOP(
    "MainWindow", "Waiting for the offers — the link is created when they arrive (Esc cancels)"
)
#: The menu-bar menus, by the (English) title other modules ask :meth:`MainWindow.menu` for;
#: the bar shows each translated.
MENU_TITLES = (
    QT_TRANSLATE_NOOP("MainWindow", "&File"),
    QT_TRANSLATE_NOOP("MainWindow", "&View"),
    QT_TRANSLATE_NOOP("MainWindow", "&Settings"),
    QT_TRANSLATE_NOOP("MainWindow", "&Demo"),
    QT_TRANSLATE_NOOP("MainWindow", "&Help"),
)
#: The environment badge's word, in the agent's language (the stored value stays English).
ENVIRONMENT_WORDS = {
    "PRODUCTION": QT_TRANSLATE_NOOP("MainWindow", "PRODUCTION"),
    "SANDBOX": QT_TRANSLATE_NOOP("MainWindow", "SANDBOX"),
    "CUSTOM": QT_TRANSLATE_NOOP("MainWindow", "CUSTOM"),
    "DEMO": QT_TRANSLATE_NOOP("MainWindow", "DEMO"),
}
MAX_SUMMARY_ITEMS = 2
DEFAULT_SIZE = QSize(1280, 860)
TITLE_BAR_ALLOWANCE = 32
MESSAGE_LINES = 3
MESSAGE_PADDING = 20
BADGE_STYLES = {environment: badge.style() for environment, badge in palette.BADGES.items()}


@dataclass(frozen=True)
class _LastLink:
    """The link on screen: what it was made of, to spot a repeat and a changed form."""

    signature: tuple[str, str, str]
    created_at: datetime
    snapshot: dict[str, Any]


@dataclass(frozen=True)
class _ShownLink:
    """What the window shows once the history answered: the server's link and whether it
    may reach a customer (untrusted: held back; refused on Production)."""

    url: str
    untrusted: UntrustedCheckoutUrlError | None
    refused: bool
    prepared: PreparedRequest
    mode: CheckoutMode


def _signature(prepared: PreparedRequest) -> tuple[str, str, str]:
    """Two requests with the same signature create the same link (same JSON, same offer)."""
    body = json.dumps(prepared.body, sort_keys=True, separators=(",", ":"))
    return prepared.kind, prepared.details.offer_id or "", body


def charge_summary(created: CreatedSession) -> ChargeSummary:
    """What the link charges, for the result panel: amount first, then items or offer, e-mail."""
    details = created.details
    currency, total = details.currency, details.total_cents
    amount = (
        format_money(total, Currency(currency))
        if total is not None and currency is not None and currency in Currency.__members__
        else ""
    )
    lines: list[str] = []
    if created.kind is SessionKind.SUBSCRIPTION:
        name = (
            details.offer_name or details.offer_id or translate("MainWindow", "subscription offer")
        )
        lines.append(translate("MainWindow", "Subscription: {name}").format(name=name))
    else:
        items = details.line_items
        shown = [
            translate("MainWindow", "{quantity} × {name}").format(
                quantity=QLocale().toString(item.quantity), name=item.name
            )
            for item in items[:MAX_SUMMARY_ITEMS]
        ]
        more = len(items) - MAX_SUMMARY_ITEMS
        if more > 0:
            shown.append(translate("MainWindow", "+ %n more", None, more))
        lines.append(", ".join(shown))
    email = details.customer_email
    lines.append(
        translate("MainWindow", "Customer: {email}").format(email=email)
        if email
        else translate("MainWindow", "No customer e-mail")
    )
    return ChargeSummary(amount=amount, lines=tuple(lines))


def default_window_size(available: QSize) -> QSize:
    """The window's first size: roomy where the screen allows, else the whole available area
    less the title bar (on a 1366×768 laptop the history then shows five rows)."""
    return QSize(
        min(DEFAULT_SIZE.width(), available.width()),
        min(DEFAULT_SIZE.height(), available.height() - TITLE_BAR_ALLOWANCE),
    )


class MainWindow(QMainWindow):
    """Emits ``sessionCreated`` after a successful create (after it was shown)."""

    sessionCreated = Signal(object)
    requestFinished = Signal()
    #: Anything the agent typed changed (for draft autosave).
    formChanged = Signal()
    accountChanged = Signal(object)

    def __init__(
        self,
        *,
        gateway: SessionGateway,
        account: Account,
        settings: AppSettings,
        clock: Clock = utc_now,
        # Called with the session and a function to call (GUI thread) once it is saved:
        # with None, or with the warning to show when it was not saved to the history.
        record_session: Callable[[CreatedSession, Callable[[str | None], None]], None]
        | None = None,
        # Checked with every valid request before it is sent: the refusal to show (agent
        # limits of the organisation's policy, ui/deploy/limits.py) or None to go ahead.
        limits: Callable[[PreparedRequest, Account], UserMessage | None] | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self._gateway = gateway
        self._account = account
        self._settings = settings
        self._clock = clock
        self._record_session = record_session
        self._limits = limits
        self._busy = False
        self._last_link: _LastLink | None = None
        self._duplicate_armed = False
        self._create_when_settled = False
        self._cancelling = False
        self._create_after_cancel = False
        self._focused_at_first_show = False

        self.recent_products = RecentProductsModel(self)
        self.recent_products.set_products(settings.recent_products())

        central = QWidget(self)
        central.setObjectName("centralWidget")
        outer = QVBoxLayout(central)

        # Shown whenever the window talks to the demo emulator (set_account decides).
        # It wraps in a longer language (two lines, not a wider window).
        self.demo_banner = WrappingLabel(
            translate("MainWindow", "DEMO — no real payments. Links come from a local emulator."),
            central,
        )
        self.demo_banner.setObjectName("demoBanner")
        self.demo_banner.setAccessibleName(translate("MainWindow", "Demo mode"))
        self.demo_banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        set_style(
            self.demo_banner,
            f"background: {palette.DEMO_SURFACE}; color: {palette.DEMO_TEXT}; font-weight: bold; "
            f"{design.padding(design.SPACE_XS, design.SPACE_S)} "
            f"border: {design.BORDER_DASHED} {palette.DEMO_OUTLINE}; {design.ROUNDED}",
        )
        self.demo_banner.hide()

        # One row: the account, the demo banner (in demo mode), the account tools, the badge —
        # a 1366×768 laptop has no height to spare for a banner row of its own.
        top = QHBoxLayout()
        self.top_bar = top
        self.account_label = WrappingLabel(parent=central)  # a long name takes two lines
        self.account_label.setObjectName("accountLabel")
        self.account_label.setAccessibleName(translate("MainWindow", "Merchant account"))
        self.environment_badge = QLabel(central)
        self.environment_badge.setObjectName("environmentBadge")
        top.addWidget(self.account_label)
        top.addWidget(self.demo_banner, 10)
        top.addStretch(1)
        top.addWidget(self.environment_badge)
        outer.addLayout(top)

        self._modes: list[CheckoutMode] = []
        self._mode_keys: dict[str, QShortcut] = {}
        self.mode_switch = QTabWidget(central)
        self.mode_switch.setObjectName("modeSwitch")
        self.mode_switch.setAccessibleName(translate("MainWindow", "Payment type"))
        self.mode_switch.setAccessibleDescription(
            translate("MainWindow", "One-time payment or subscription")
        )
        self.one_time_form = OneTimeForm(
            self.recent_products, central, remember_products=settings.remember_products
        )
        self.add_mode(self.one_time_form)
        self.mode_switch.currentChanged.connect(self._on_mode_changed)

        self.options_form = OptionsForm(central)
        self.options_form.set_redirects(*settings.default_redirects())

        left = QWidget(central)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.mode_switch, 3)
        left_layout.addWidget(self.options_form, 0)

        self.result_panel = ResultPanel(central, clock=clock)
        self.result_panel.newLinkRequested.connect(self.new_link)

        splitter = QSplitter(Qt.Orientation.Horizontal, central)
        splitter.setObjectName("mainSplitter")
        splitter.addWidget(left)
        splitter.addWidget(self.result_panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        outer.addWidget(splitter, 1)
        self._outer = outer
        self.work_area: QWidget = splitter

        bottom = QHBoxLayout()
        # The message line has a fixed height (longer messages scroll): nothing above it moves
        # when a message appears or goes.
        self.error_area = QScrollArea(central)
        self.error_area.setObjectName("errorArea")
        self.error_area.setFrameShape(QFrame.Shape.NoFrame)
        self.error_area.setWidgetResizable(True)
        self.error_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.error_label = QLabel(self.error_area)
        self.error_label.setObjectName("errorLabel")
        self.error_label.setAccessibleName(translate("MainWindow", "Error"))
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        set_style(self.error_label, ERROR_LABEL_STYLE)
        self.error_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.error_area.setWidget(self.error_label)
        self.error_label.hide()  # (after setWidget, which shows it)
        lines = self.error_label.fontMetrics().lineSpacing() * MESSAGE_LINES
        self.error_area.setFixedHeight(lines + MESSAGE_PADDING)
        self.error_area.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.error_area.viewport().setAutoFillBackground(False)
        self.status_label = QLabel(central)
        self.status_label.setObjectName("statusLabel")
        self.status_label.setAccessibleName(translate("MainWindow", "Status"))
        self.create_button = QPushButton(translate("MainWindow", CREATE_TEXT), central)
        self.create_button.setObjectName("createSessionButton")
        self.create_button.setAccessibleName(translate("MainWindow", "Create checkout link"))
        self.create_button.setAccessibleDescription(
            translate("MainWindow", "Sends the cart or the offer to Inflow and shows the link")
        )
        self.create_button.setToolTip(
            shortcut_tip(translate("MainWindow", "Create the checkout link"), "Ctrl+Return")
        )
        self.create_button.setMinimumHeight(36)
        busy_width = self.create_button.fontMetrics().horizontalAdvance(
            translate("MainWindow", BUSY_TEXT)
        )
        self.create_button.setMinimumWidth(  # "Creating…" must not shrink it (the row moves)
            max(self.create_button.sizeHint().width(), busy_width + 48)
        )
        self.create_button.clicked.connect(self.create_session)
        self.result_panel.linkChanged.connect(self._mark_primary)
        self._mark_primary()  # Create link, until a link shows
        on_change(self._mark_primary)  # its colours follow dark mode and high contrast
        self.cancel_button = QPushButton(translate("MainWindow", "Cancel   Esc"), central)
        self.cancel_button.setObjectName("cancelCreateButton")
        self.cancel_button.setAccessibleName(translate("MainWindow", "Cancel creating the link"))
        self.cancel_button.setToolTip(
            shortcut_tip(translate("MainWindow", "Stop waiting for Inflow"), "Esc")
        )
        self.cancel_button.setMinimumHeight(36)
        self.cancel_button.clicked.connect(self.cancel_create)
        retain = self.cancel_button.sizePolicy()
        retain.setRetainSizeWhenHidden(True)  # its place is kept: the row never moves
        self.cancel_button.setSizePolicy(retain)
        self.cancel_button.hide()
        bottom.addWidget(self.error_area, 1)
        bottom.addWidget(self.status_label)
        bottom.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignBottom)
        bottom.addWidget(self.create_button, 0, Qt.AlignmentFlag.AlignBottom)
        outer.addLayout(bottom)
        self.setCentralWidget(central)

        for keys in ("Ctrl+Return", "Ctrl+Enter"):  # the main and the keypad Enter key
            bind_shortcut(self, keys, self.create_session)
        self._cancel_shortcut = bind_shortcut(self, "Esc", self.cancel_create)
        self._cancel_shortcut.setEnabled(False)  # Esc is the editors' and lists' otherwise

        self.setTabOrder(self.one_time_form.table, self.one_time_form.add_button)
        self.setTabOrder(self.one_time_form.add_button, self.one_time_form.duplicate_button)
        self.setTabOrder(self.one_time_form.duplicate_button, self.one_time_form.remove_button)
        self.setTabOrder(self.one_time_form.remove_button, self.one_time_form.currency_combo)
        self.setTabOrder(self.one_time_form.currency_combo, self.options_form.email_edit)
        self.setTabOrder(self.options_form.email_edit, self.options_form.expiry_combo)
        self.setTabOrder(self.options_form.expiry_combo, self.options_form.expires_spin)
        self.setTabOrder(self.options_form.expires_spin, self.options_form.success_edit)
        self.setTabOrder(self.options_form.success_edit, self.options_form.cancel_edit)
        self.setTabOrder(self.options_form.cancel_edit, self.create_button)
        self.setTabOrder(self.create_button, self.result_panel.url_edit)
        self.setTabOrder(self.result_panel.url_edit, self.result_panel.copy_button)

        self.options_form.changed.connect(self._on_form_changed)
        self.options_form.changed.connect(self.formChanged)

        self.menus: dict[str, QMenu] = {}
        file_menu = self.menu("&File")
        file_menu.addAction(translate("MainWindow", "New link (Ctrl+Shift+N)"), self.new_link)
        file_menu.addSeparator()
        quit_action = file_menu.addAction(translate("MainWindow", "&Quit"), self.close)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.menu("&View")  # menus left to right: File, View, Settings, Help
        self.auto_copy_action = self.menu("&Settings").addAction(
            translate("MainWindow", "Copy the link automatically after creating it")
        )
        self.auto_copy_action.setObjectName("autoCopyAction")
        self.auto_copy_action.setCheckable(True)
        self.auto_copy_action.setChecked(settings.auto_copy)
        self.auto_copy_action.toggled.connect(self._on_auto_copy_toggled)
        self.menu("&Settings").addSeparator()
        self.set_account(account, gateway)
        free = self.screen().availableGeometry()
        size = default_window_size(free.size())
        self.resize(size)
        self.move(  # centred, its title bar on screen
            free.x() + (free.width() - size.width()) // 2,
            free.y() + max(0, (free.height() - size.height() - TITLE_BAR_ALLOWANCE) // 2),
        )
        geometry = settings.window_geometry()
        if geometry is not None:  # where and how large the agent left it
            self.restoreGeometry(geometry)
        self.one_time_form.table.edit_cell(0, Column.NAME)

    # ------------------------------------------------------------------ properties
    @property
    def account(self) -> Account:
        return self._account

    @property
    def busy(self) -> bool:
        return self._busy

    # ------------------------------------------------------------------ account
    def set_account(self, account: Account, gateway: SessionGateway) -> None:
        """Talk to another merchant account / environment from now on."""
        self._account = account
        self._gateway = gateway
        self.setWindowTitle(
            translate("MainWindow", "Inflow Desk — {account}").format(account=account.label)
        )
        self.account_label.setText(
            translate("MainWindow", "Merchant: <b>{name}</b>").format(name=account.name)
        )
        word = ENVIRONMENT_WORDS.get(account.environment)
        environment = translate("MainWindow", word) if word else account.environment
        self.environment_badge.setText(environment)
        self.demo_banner.setVisible(account.environment == "DEMO")
        self.environment_badge.setAccessibleName(
            translate("MainWindow", "Environment: {environment}").format(environment=environment)
        )
        self.environment_badge.setToolTip(
            translate("MainWindow", "{environment}: {address}").format(
                environment=environment, address=account.base_url
            )
        )
        set_style(
            self.environment_badge,
            BADGE_STYLES.get(account.environment, BADGE_STYLES["CUSTOM"])
            + f" font-weight: bold; {design.padding(design.SPACE_XS, design.SPACE_M)} "
            + design.PILL,
        )
        self.accountChanged.emit(account)

    @property
    def gateway(self) -> SessionGateway:
        return self._gateway

    def _on_auto_copy_toggled(self, checked: bool) -> None:
        self._settings.auto_copy = checked

    def menu(self, title: str) -> QMenu:
        """The menu-bar menu called ``title`` (created on first use, left to right). ``title``
        is the English title (``"&View"``); the bar shows it translated when it is one of
        :data:`MENU_TITLES`."""
        if title not in self.menus:
            shown = translate("MainWindow", title) if title in MENU_TITLES else title
            self.menus[title] = self.menuBar().addMenu(shown)
        return self.menus[title]

    def replace_work_area(self, widget: QWidget) -> QWidget:
        """Put ``widget`` where the form and result are (e.g. a stack that also holds a
        first-run screen); returns the previous work area so it can live inside ``widget``."""
        previous = self.work_area
        self._outer.replaceWidget(previous, widget)
        self.work_area = widget
        return previous

    def add_top_bar_widget(self, widget: QWidget) -> None:
        """Put a widget (profile picker, settings button…) left of the environment badge."""
        self.top_bar.insertWidget(self.top_bar.indexOf(self.environment_badge), widget)

    # ------------------------------------------------------------------ modes
    def add_mode(self, mode: CheckoutMode) -> None:
        """Add a tab to the mode switch (one-time, subscription)."""
        widget = mode if isinstance(mode, QWidget) else None
        assert widget is not None, "a mode is a widget"
        index = self.mode_switch.addTab(widget, mode.title)
        self.mode_switch.setTabToolTip(index, shortcut_tip(mode.title, mode.shortcut))
        shortcut = self._mode_keys.get(mode.shortcut)
        if shortcut is None:
            self._mode_keys[mode.shortcut] = bind_shortcut(
                self, mode.shortcut, lambda: self.switch_mode(index)
            )
        else:  # reserved before the mode was built: the same key now switches to it
            shortcut.activated.disconnect()
            shortcut.activated.connect(lambda: self.switch_mode(index))
        self._modes.append(mode)
        settled = getattr(mode, "choiceSettled", None)
        if settled is not None:
            settled.connect(self._on_choice_settled)
        changed = getattr(mode, "changed", None)
        if changed is not None:
            changed.connect(self._on_form_changed)
            changed.connect(self.formChanged)

    def reserve_mode_key(self, keys: str, build: Callable[[], object]) -> None:
        """Make ``keys`` work before its mode is built (start-up builds it after the first
        frame): pressing it builds the mode at once, then switches to it."""

        def build_then_switch() -> None:
            count = len(self._modes)
            build()  # calls add_mode, which takes this key over
            if len(self._modes) > count:
                self.switch_mode(count)

        self._mode_keys[keys] = bind_shortcut(self, keys, build_then_switch)

    def switch_mode(self, index: int) -> None:
        """Show a mode; typing then goes to its first field (also when it was already shown)."""
        if self._busy or not (0 <= index < len(self._modes)):
            return
        if self.mode_switch.currentIndex() == index:
            self._modes[index].focus_first()
        else:
            self.mode_switch.setCurrentIndex(index)  # _on_mode_changed focuses it

    def focus_form(self) -> None:
        """Where typing goes back to: the current mode's first field."""
        self.current_mode().focus_first()

    def current_mode(self) -> CheckoutMode:
        return self._modes[max(0, self.mode_switch.currentIndex())]

    def _on_mode_changed(self, index: int) -> None:
        self._create_when_settled = False  # it was asked of the other mode
        self._clear_error()
        if 0 <= index < len(self._modes):
            self._modes[index].focus_first()

    # ------------------------------------------------------------------ create
    def create_session(self) -> None:
        """Validate, then send — at most one request in flight."""
        if self._busy:
            if self._cancelling:  # Esc, then Ctrl+Enter at once: create when the cancel ends
                self._create_after_cancel = True
            return
        mode = self.current_mode()
        mode.settle()  # what is still in a cell editor counts, exactly as typed
        if mode.pending_choice():  # typed ahead of the offers: create once they are there
            self._create_when_settled = True
            self._cancel_shortcut.setEnabled(True)
            self.status_label.setText(translate("MainWindow", WAITING_TEXT))
            return
        self._create_when_settled = False
        options = self.options_form.options()
        issues = mode.issues() + self.options_form.issues()
        prepared: PreparedRequest | None = None
        if not issues:
            try:
                prepared = mode.prepare(options)
            except RequestInvalid as exc:
                issues = exc.issues
        mode.show_issues(issues)
        self.options_form.show_issues(issues)
        if issues or prepared is None:
            self._show_validation(mode, issues)
            return
        refusal = self._limits(prepared, self._account) if self._limits is not None else None
        if refusal is not None:  # over an agent limit: nothing is sent
            self._show_error(refusal)
            return
        signature = _signature(prepared)
        last = self._last_link
        if last is not None and signature == last.signature and not self._duplicate_armed:
            self._duplicate_armed = True  # the same cart again: ask before a second live link
            self._show_error(duplicate_link_question(last.created_at))
            return
        self._duplicate_armed = False
        self._clear_error()
        self._set_busy(True)
        log.info("creating a %s session", prepared.kind)
        snapshot = self._link_snapshot()
        gateway = self._gateway
        run_in_background(
            lambda: prepared.send(gateway),
            lambda session: self._on_created(session, mode, prepared, options, snapshot),
            lambda exc: self._on_failed(exc, prepared),
            owner=self,
        )

    def _show_validation(self, mode: CheckoutMode, issues: list[FieldIssue]) -> None:
        first = issues[0] if issues else None
        if first is not None and not mode.focus_field(first.field):
            self.options_form.focus_field(first.field)
        count = len(issues)
        headline = (
            translate("MainWindow", "Nothing was sent. Fix the highlighted field.")
            if count == 1
            else translate(
                "MainWindow", "Nothing was sent. Fix the %n highlighted fields.", None, count
            )
        )
        self._show_error(UserMessage(headline, first.message if first else ""))

    def _on_created(
        self,
        session: Any,
        mode: CheckoutMode,
        prepared: PreparedRequest,
        options: CheckoutOptions,
        snapshot: dict[str, Any],
    ) -> None:
        now = self._clock()
        hours = options.expires_in_hours
        assumed = hours is None
        expires_at = now + timedelta(
            hours=hours if hours is not None else limits.DEFAULT_EXPIRES_IN_HOURS
        )
        url: str = session.checkout_url
        untrusted = self._untrusted_link(url)
        refused = untrusted is not None and self._account.environment == "PRODUCTION"
        created = CreatedSession(
            session_id=session.session_id,
            checkout_url=url
            if untrusted is None
            else history_text(url, untrusted.problem, refused=refused),
            created_at=now,
            expires_at=expires_at,
            expiry_assumed=assumed,
            request_json=prepared.body,
            kind=prepared.kind,
            details=replace(prepared.details, customer_email=options.customer_email),
            account=self._account,
        )
        shown = _ShownLink(url, untrusted, refused, prepared, mode)
        self._last_link = _LastLink(_signature(prepared), now, snapshot)
        if self._record_session is None:
            self._show_created(created, shown, None)
            return
        try:  # committed off the GUI thread; the link shows when the history answered
            self._record_session(
                created, lambda warning: self._show_created(created, shown, warning)
            )
        except Exception:
            log.exception("could not record the session in the history")
            self._show_created(created, shown, HISTORY_NOT_SAVED)

    def _show_created(
        self, created: CreatedSession, shown: _ShownLink, warning: str | None
    ) -> None:
        """The history answered: saved (``warning`` is None) or not (``warning`` says so)."""
        self._create_after_cancel = False  # the link came after all: it is on screen now
        self._set_busy(False)
        untrusted = shown.untrusted
        if shown.refused and untrusted is not None:  # Production: never shown as a link at all
            self._refuse_link(untrusted, created, shown.prepared, warning)
            return
        self.result_panel.show_session(
            url=shown.url,
            session_id=created.session_id,
            expires_at=created.expires_at,
            expiry_assumed=created.expiry_assumed,
            charge=charge_summary(created),
            warning=None if untrusted is None else describe_held_back_link(untrusted).as_text(),
        )
        if self._settings.auto_copy and untrusted is None:
            self.result_panel.copy_url()
        shown.mode.remember()
        self._settings.remember_redirects(
            self.options_form.success_edit.text(), self.options_form.cancel_edit.text()
        )
        done = (
            translate("MainWindow", "Link created ✓")
            if untrusted is None
            else translate("MainWindow", "Check the link ⚠")
        )
        self.status_label.setText(warning or done)  # after _set_busy cleared the status
        announce(self, self.status_label.text())
        self.sessionCreated.emit(created)
        self.requestFinished.emit()

    def _untrusted_link(self, url: object) -> UntrustedCheckoutUrlError | None:
        """Why the server's link may not reach a customer as it is, or None (it may)."""
        problem = self._account.link_problem(url)
        if problem is None:
            return None
        log.warning("untrusted checkout link from %s: %s", self._account.environment, problem)
        return UntrustedCheckoutUrlError(url if isinstance(url, str) else "", problem)

    def _refuse_link(
        self,
        untrusted: UntrustedCheckoutUrlError,
        created: CreatedSession,
        prepared: PreparedRequest,
        warning: str | None,
    ) -> None:
        """The session exists (and is in the history, marked), but its link is not shown."""
        self.result_panel.clear()
        self._last_link = None
        self._duplicate_armed = False
        self._show_error(
            describe_error(
                untrusted, account=self._account.label, action=prepared.action, creating=None
            )
        )
        self.status_label.setText(warning or translate("MainWindow", "Link refused ✗"))
        self.sessionCreated.emit(created)
        self.requestFinished.emit()

    def _on_failed(self, exc: BaseException, prepared: PreparedRequest) -> None:
        again, self._create_after_cancel = self._create_after_cancel, False
        self._set_busy(False)
        message = describe_error(
            exc, account=self._account.label, action=prepared.action, creating=prepared.kind
        )
        log.warning("create failed: %s", type(exc).__name__)
        if message.field_issues:  # the server named fields: mark them like our own checks do
            issues = list(message.field_issues)
            mode = self.current_mode()
            mode.show_issues(issues)
            self.options_form.show_issues(issues)
            if not mode.focus_field(issues[0].field):
                self.options_form.focus_field(issues[0].field)
        self._show_error(message)
        self.requestFinished.emit()
        if again:  # the agent asked for the link again while it was being cancelled
            self.create_session()

    def _on_choice_settled(self) -> None:
        if self._create_when_settled and not self._busy:
            self._create_when_settled = False
            self._cancel_shortcut.setEnabled(False)
            self.status_label.clear()
            self.create_session()

    def cancel_create(self) -> None:
        """Stop waiting for the create in flight; the message says whether a link may exist."""
        if self._create_when_settled:  # nothing was sent yet
            self._create_when_settled = False
            self._cancel_shortcut.setEnabled(False)
            self.status_label.setText(
                translate("MainWindow", "Not created: cancelled while the offers loaded")
            )
            return
        if not self._busy:
            return
        log.info("create cancelled by the agent")
        self._cancelling = True
        self.status_label.setText(translate("MainWindow", "Cancelling…"))
        gateway = self._gateway
        run_in_background(
            gateway.cancel,
            lambda _: None,
            lambda exc: log.warning("cancelling failed: %s", type(exc).__name__),
            owner=self,
        )

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._cancelling = False
        self.cancel_button.setVisible(busy)
        self._cancel_shortcut.setEnabled(busy)
        self.create_button.setEnabled(not busy)
        self.create_button.setText(translate("MainWindow", BUSY_TEXT if busy else CREATE_TEXT))
        self.status_label.setText(translate("MainWindow", "Contacting Inflow…") if busy else "")
        if busy:
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()

    # ------------------------------------------------------------------ messages
    def show_error(self, message: UserMessage) -> None:
        """Show a message of the error funnel under the form (e.g. an uncaught exception)."""
        self._show_error(message)

    def _show_error(self, message: UserMessage) -> None:
        self.error_label.setText("⚠ " + message.as_text())
        self.error_label.show()
        announce(self, self.error_label.text(), assertive=True)

    def _clear_error(self) -> None:
        self.error_label.clear()
        self.error_label.hide()

    def _on_form_changed(self) -> None:
        last = self._last_link
        if last is not None and self.result_panel.url:
            changed = self._link_snapshot() != last.snapshot
            self.result_panel.set_stale(changed)
            if changed and self._duplicate_armed:  # the question was about the old cart
                self._duplicate_armed = False
                self._clear_error()
        if (
            self.error_label.isVisible()
            and not self._busy
            and not (self.one_time_form.issues() or self.options_form.issues())
        ):
            self._clear_error()

    def _link_snapshot(self) -> dict[str, Any]:
        """What a link is made of, as typed: the current mode's form and the options."""
        mode = self.current_mode()
        return {"mode": mode.kind, "form": mode.snapshot(), "options": self.options_form.snapshot()}

    # ------------------------------------------------------------------ drafts, create again
    def form_snapshot(self) -> dict[str, Any]:
        """Everything typed, as JSON-able data (draft autosave)."""
        return {
            "mode": self.current_mode().kind,
            "modes": {mode.kind: mode.snapshot() for mode in self._modes},
            "options": self.options_form.snapshot(),
        }

    def restore_form(self, data: dict[str, Any]) -> None:
        """Put a :meth:`form_snapshot` back."""
        modes = data.get("modes")
        if isinstance(modes, dict):
            for mode in self._modes:
                snapshot = modes.get(mode.kind)
                if isinstance(snapshot, dict):
                    mode.restore(snapshot)
        options = data.get("options")
        if isinstance(options, dict):
            self.options_form.restore(options)
        self._select_kind(str(data.get("mode", "")))

    def load_request(self, kind: str, body: dict[str, Any]) -> bool:
        """Fill the form from a request body that was sent before ("create again").

        The options (e-mail, redirects, expiry) come from the body too, so creating again
        sends the same JSON. Returns False when no mode handles ``kind``.
        """
        mode = self._select_kind(kind)
        if mode is None or self._busy:
            return False
        mode.restore(body)
        self.options_form.load_request(body)
        self.result_panel.clear()
        self._last_link = None
        self._duplicate_armed = False
        self._clear_error()
        mode.focus_first()
        return True

    def _select_kind(self, kind: str) -> CheckoutMode | None:
        for index, mode in enumerate(self._modes):
            if mode.kind == kind:
                self.mode_switch.setCurrentIndex(index)
                return mode
        return None

    # ------------------------------------------------------------------ primary action
    def _mark_primary(self) -> None:
        """One primary action per state: Create link while there is no link, Copy link once a
        trusted link is shown (a held-back link's "Copy anyway" is never the primary)."""
        panel = self.result_panel
        copy_first = bool(panel.url) and not panel.warning_label.text()
        roles = palette.roles_for(self.palette())
        primary = design.primary_button_style(roles.primary, roles.on_primary)
        secondary = design.secondary_button_style()
        self.create_button.setStyleSheet(secondary if copy_first else primary)
        panel.copy_button.setStyleSheet(primary if copy_first else secondary)
        icons.set_primary(panel.copy_button, copy_first)

    # ------------------------------------------------------------------ new link
    def new_link(self) -> None:
        """Clear the form for the next caller (redirect defaults stay)."""
        if self._busy:  # never silently: the link on its way belongs to this form
            self.status_label.setText(translate("MainWindow", NEXT_CALLER_WAITS))
            return
        for mode in self._modes:
            mode.clear()
        self.options_form.clear_customer()
        self.result_panel.clear()
        self._last_link = None
        self._duplicate_armed = False
        self._create_when_settled = False
        self._clear_error()
        self.status_label.clear()
        self.current_mode().focus_first()

    # ------------------------------------------------------------------ window
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._focused_at_first_show:  # the first product name can be typed at once
            self._focused_at_first_show = True
            self.current_mode().focus_first()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._settings.save_window_geometry(self.saveGeometry())
        self._settings.save_window_state(self.saveState())
        self._settings.sync()
        super().closeEvent(event)


class FirstPaintWatcher(QObject):
    """Calls ``callback`` once, after the watched widget's first paint event."""

    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self._callback: Callable[[], None] | None = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._callback is not None:
            callback, self._callback = self._callback, None

            from PySide6.QtCore import QTimer

            QTimer.singleShot(0, callback)
        return False
