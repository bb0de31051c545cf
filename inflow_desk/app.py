"""Composition root: parse arguments, build settings, key store, client and window.

``inflow-desk --demo`` talks over real HTTP to the built-in emulator on a loopback port;
``--api-url`` (or ``INFLOW_DESK_API_URL``) points the app at another server; ``--smoke`` exits
0 right after the main window's first painted frame (benchmarks, packaging checks).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal

from inflow_desk import version
from inflow_desk.domain.i18n import translate

if TYPE_CHECKING:
    from datetime import datetime

    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QApplication, QLabel, QWidget

    from inflow_desk.domain.handover import MessageTemplates
    from inflow_desk.emulator import InflowEmulator
    from inflow_desk.storage.catalog import CatalogStore
    from inflow_desk.storage.history import HistoryStore
    from inflow_desk.storage.keystore import KeyStore
    from inflow_desk.storage.policy import Policy
    from inflow_desk.ui.accounts.account import Account
    from inflow_desk.ui.accounts.controller import AccountController, ClosableGateway
    from inflow_desk.ui.accounts.settings_dialog import SettingsDialog
    from inflow_desk.ui.checkout.modes import PreparedRequest
    from inflow_desk.ui.checkout.session import CreatedSession
    from inflow_desk.ui.checkout.subscription_form import SubscriptionForm
    from inflow_desk.ui.handover.actions import HandoverBar
    from inflow_desk.ui.handover.carts import SavedCarts
    from inflow_desk.ui.handover.catalog import CatalogFeed
    from inflow_desk.ui.handover.last_cart import LastCartOffer
    from inflow_desk.ui.history.drafts import DraftKeeper
    from inflow_desk.ui.history.recorder import HistoryRecorder
    from inflow_desk.ui.history.view import HistoryView
    from inflow_desk.ui.kit.errors import UserMessage
    from inflow_desk.ui.kit.settings import AppSettings
    from inflow_desk.ui.main_window import MainWindow
    from inflow_desk.ui.payments.install import PaymentsFeature
    from inflow_desk.ui.payments.status import LinkStatus

log = logging.getLogger("inflow_desk")

ORGANIZATION = "Inflow"
APPLICATION = "Inflow Desk"
KEYRING_SERVICE = "inflow-desk"
API_URL_ENV = "INFLOW_DESK_API_URL"
DEMO_API_KEY = "demo-key-not-secret"
LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 3
IMPORT_POLL_MS = 5
STEP_GAP_MS = 1
SMOKE_FIRST_FRAME = "first-frame"
SMOKE_FULL = "full"


class _VersionAction(argparse.Action):
    """``--version``, reading the package metadata only when asked (start-up stays lean)."""

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        sys.stdout.write(f"inflow-desk {version()}\n")
        parser.exit()


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="inflow-desk",
        description="Create Inflow Pay checkout links while the customer is on the phone.",
    )
    parser.add_argument(
        "--demo", action="store_true", help="use the built-in emulator: no key, no real payments"
    )
    parser.add_argument(
        "--api-url",
        default=os.environ.get(API_URL_ENV) or None,
        metavar="URL",
        help=f"Inflow API base URL (default: the profile's; env {API_URL_ENV})",
    )
    parser.add_argument(
        "--profile",
        default=None,
        metavar="NAME",
        help="merchant account profile (default: the one used last; created if missing)",
    )
    parser.add_argument(
        "--smoke",
        nargs="?",
        const=SMOKE_FIRST_FRAME,
        default=None,
        choices=(SMOKE_FIRST_FRAME, SMOKE_FULL),
        help=(
            "start, exit 0 after the first painted frame (or, with --smoke=full, after the parts "
            "start-up defers past it: history, subscription offers, demo emulator, About)"
        ),
    )
    parser.add_argument("--verbose", action="store_true", help="debug-level logging")
    parser.add_argument(
        "link",
        nargs="?",
        default=None,
        metavar="inflow-desk://new?…",
        help="a deep link from a CRM: fills the form (never creates a link by itself)",
    )
    parser.add_argument("--demo-offers", type=int, default=24, metavar="N", help=argparse.SUPPRESS)
    parser.add_argument(
        "--version", action=_VersionAction, nargs=0, help="show the version and exit"
    )
    return parser.parse_args(argv)


def log_directory() -> Path:
    """The per-user log folder (QStandardPaths app data + ``logs``)."""
    from PySide6.QtCore import QStandardPaths

    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    return Path(base) / "logs"


LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class _StartupLogHandler(logging.FileHandler):
    """The log file until the first frame: ``logging.handlers`` (for rotation) would add to the
    first frame's time and memory; :func:`rotate_logs_from_now_on` swaps in the rotating handler."""


def setup_logging(verbose: bool) -> Path | None:
    """Log file for support; returns its path (None if the folder is not writable). It rotates
    once :func:`rotate_logs_from_now_on` ran (after the first frame)."""
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    try:
        folder = log_directory()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "inflow-desk.log"
        handler = _StartupLogHandler(path, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    root.addHandler(handler)
    logging.getLogger("httpx").setLevel(logging.WARNING)  # its INFO lines repeat ours
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    return path


def rotate_logs_from_now_on() -> None:
    """Replace the start-up log handler by a rotating one on the same file
    (``LOG_MAX_BYTES`` per file, ``LOG_BACKUPS`` old files)."""
    import logging.handlers

    root = logging.getLogger()
    for handler in list(root.handlers):
        if not isinstance(handler, _StartupLogHandler):
            continue
        try:
            rotating = logging.handlers.RotatingFileHandler(
                handler.baseFilename,
                maxBytes=LOG_MAX_BYTES,
                backupCount=LOG_BACKUPS,
                encoding="utf-8",
            )
        except OSError:
            continue  # keep logging to the file without rotation
        rotating.setFormatter(handler.formatter)
        rotating.setLevel(handler.level)
        root.addHandler(rotating)
        root.removeHandler(handler)
        handler.close()


def _prepare_platform(smoke: bool) -> None:
    """A smoke run on a machine without a display (CI) uses Qt's offscreen platform."""
    if (
        smoke
        and sys.platform.startswith("linux")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def make_application(argv: Sequence[str]) -> QApplication:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(list(argv))
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setDesktopFileName("inflow-desk")
    from inflow_desk.ui.kit.theme import follow_os

    follow_os(app)  # light/dark or a contrast preference switched by the OS while the app runs
    return app  # the window icon comes after the first frame (build_desk's stages)


class DemoEmulator:
    """Demo mode's emulator. Its loopback port is bound and listening at once (cheap), so the
    address is known before the first frame; the emulator itself (imports, 24 offers, a
    thread) starts serving on that socket in :meth:`serve`, after the first frame. A request
    sent before that waits in the socket's backlog instead of failing."""

    def __init__(self, offers: int) -> None:
        # The C module under ``socket``: the ``socket`` module itself (its enums, selectors)
        # is not needed until serving starts, after the first frame.
        import _socket

        reserved = _socket.socket(_socket.AF_INET, _socket.SOCK_STREAM)
        try:
            reserved.bind(("127.0.0.1", 0))
            reserved.listen()
        except OSError:
            reserved.close()
            raise
        self._reserved: _socket.socket | None = reserved
        self.base_url = f"http://127.0.0.1:{reserved.getsockname()[1]}"
        self._offers = offers
        self._emulator: InflowEmulator | None = None
        self._lock = threading.Lock()
        self.serving = threading.Event()
        log.info("demo mode: emulator on %s", self.base_url)

    @property
    def emulator(self) -> InflowEmulator | None:
        """The running emulator (requests, faults), once :meth:`serve` ran."""
        return self._emulator

    def serve(self) -> None:
        """Start answering on the reserved port (idempotent; nothing after :meth:`stop`)."""
        with self._lock:
            if self._emulator is not None or self._reserved is None:
                return
            import socket

            from inflow_desk.emulator import InflowEmulator, generate_offers

            emulator = InflowEmulator(api_key=DEMO_API_KEY, offers=generate_offers(self._offers))
            # Demo links lead to the emulator's own checkout page (Pay / fail), so the demo
            # shows the whole loop: create, send, the customer pays, Paid ✓.
            emulator.checkout_base_url = self.base_url + "/pay/"
            emulator.start(listening=socket.socket(fileno=self._reserved.detach()))
            self._emulator, self._reserved = emulator, None
        self.serving.set()
        log.info("demo mode: emulator serving")

    def stop(self) -> None:
        with self._lock:
            if self._emulator is not None:
                self._emulator.stop()
            elif self._reserved is not None:
                self._reserved.close()
            self._reserved = None


#: What the deferred start-up steps import: loaded in a background thread right after the
#: first frame, so the steps on the GUI thread only build widgets (imports there would stall
#: the window for tens of milliseconds each).
DEFERRED_MODULES: Final = (
    "decimal",  # money parsing: the first price the agent types
    "logging.handlers",
    "inflow_desk.emulator",
    "inflow_desk.storage.history",
    "inflow_desk.ui.history.recorder",
    "inflow_desk.ui.history.view",
    "inflow_desk.ui.history.drafts",
    "inflow_desk.ui.payments.install",
    "inflow_desk.ui.payments.history_link",
    "inflow_desk.ui.checkout.subscription_form",
    "inflow_desk.ui.about_dialog",
    "qtawesome",  # the buttons' icons (~150 ms): their place is reserved at the first frame
)


class StagedStart:
    """What start-up defers past the first frame, in order.

    :meth:`later` queues a step (or runs it at once when start-up is over). :meth:`run_in_turns`
    starts importing :data:`DEFERRED_MODULES` in a background thread and, meanwhile, runs the
    queue on the GUI thread one step per event-loop turn, so the window stays responsive in
    between: a step queued ``after_imports`` waits (polling, without blocking) until all those
    imports are done, the others run at once; a step that raises is logged and the rest still
    run; ``then`` is called after the last. :meth:`run_now` runs every step at once, without the
    background imports (tests, which want a finished desk).
    """

    def __init__(self) -> None:
        self._steps: list[tuple[Callable[[], None], bool]] = []
        self._importer: threading.Thread | None = None
        self.done = False
        #: (step name, seconds) of every step run so far (logged at debug level; benchmarks)
        self.timings: list[tuple[str, float]] = []

    def later(self, step: Callable[[], None], *, after_imports: bool = False) -> None:
        if self.done:
            self._run(step)
        else:
            self._steps.append((step, after_imports))

    def run_now(self) -> None:
        while self._steps:
            self._run(self._steps.pop(0)[0])
        self.done = True

    def _run(self, step: Callable[[], None]) -> None:
        name = getattr(step, "__name__", repr(step))
        started = time.perf_counter()
        try:
            step()
        finally:
            took = time.perf_counter() - started
            self.timings.append((name, took))
            log.debug("start-up step %s: %.1f ms", name, took * 1000)

    def _import_deferred(self) -> None:
        import importlib

        for module in DEFERRED_MODULES:
            try:
                importlib.import_module(module)
            except Exception:  # the step that needs it imports it again and reports it
                log.exception("start-up: could not import %s", module)

    def _ready(self, after_imports: bool) -> bool:
        # Such a step waits for all the imports, not only its own: imports running beside a
        # step compete with it for the GIL (each step then takes two to three times longer).
        importer = self._importer
        return not after_imports or importer is None or not importer.is_alive()

    def run_in_turns(self, then: Callable[[], None] | None = None) -> None:
        from PySide6.QtCore import QTimer

        if self._importer is None:
            self._importer = threading.Thread(
                target=self._import_deferred, name="start-up-imports", daemon=True
            )
            self._importer.start()
        if not self._steps:
            self.done = True
            if then is not None:
                then()
            return
        step, after_imports = self._steps[0]
        if not self._ready(after_imports):
            QTimer.singleShot(IMPORT_POLL_MS, lambda: self.run_in_turns(then))
            return
        self._steps.pop(0)
        try:
            self._run(step)
        except Exception:  # one broken part must not keep the others from starting
            log.exception("start-up step %s failed", getattr(step, "__name__", step))
        # Not 0: Qt runs zero-delay timers before due timers and input, so a chain of them
        # would hold up both; a 1 ms timer queues behind them.
        QTimer.singleShot(STEP_GAP_MS, lambda: self.run_in_turns(then))


CATALOG_FILE: Final = "desk.sqlite3"  # next to the history: catalog, saved carts, templates


def history_path() -> Path:
    """The history database (QStandardPaths app data + ``history.sqlite3``)."""
    from PySide6.QtCore import QStandardPaths

    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    return Path(base) / "history.sqlite3"


@dataclass
class Desk:
    """Everything :func:`build_desk` wired together; :meth:`close` releases it."""

    window: MainWindow
    controller: AccountController
    settings: AppSettings
    history: HistoryStore | None = None
    #: The organisation's policy file, when there is one.
    policy: Policy | None = None
    stages: StagedStart = field(default_factory=lambda: StagedStart())
    #: Built after the first frame (``stages``); None until then, or when not available.
    history_view: HistoryView | None = None
    drafts: DraftKeeper | None = None
    subscription: SubscriptionForm | None = None
    about: QAction | None = None
    payments: PaymentsFeature | None = None
    #: Issue 16: the catalog/saved carts/templates store and the hand-over actions.
    catalog: CatalogStore | None = None
    handover: HandoverBar | None = None
    catalog_feed: CatalogFeed | None = None
    saved_carts: SavedCarts | None = None
    last_cart: LastCartOffer | None = None

    def close(self) -> None:
        if self.payments is not None:
            self.payments.stop()  # no payment request starts any more
        self.controller.shutdown()
        if self.history is not None:
            self.history.close()


def settings_dialog(controller: AccountController, parent: QWidget | None) -> SettingsDialog:
    """Settings › Accounts, for the controller to open (imported then: not in the first frame)."""
    from inflow_desk.ui.accounts.settings_dialog import SettingsDialog

    return SettingsDialog(controller, parent)


def build_desk(
    args: argparse.Namespace,
    *,
    qsettings: QSettings | None = None,
    keystore: KeyStore | None = None,
    history_file: Path | None = None,
    client_factory: Callable[[str, str], ClosableGateway] | None = None,
    staged: bool = False,
    policy: Policy | None = None,
) -> Desk:
    """Settings, key store, profiles, client and window — what ``main`` shows.

    With ``staged``, only what the first frame needs is built here; the rest (demo emulator
    serving, history dock and drafts, the Subscription tab, About, the window icon) waits in
    ``desk.stages`` for :meth:`StagedStart.run_in_turns` after the first frame. Without it
    (tests) the desk is complete on return. Tests pass their own QSettings, key store (never the
    real keychain), history file and client factory.
    """
    from PySide6.QtCore import QSettings

    from inflow_desk.storage.keystore import KeyringKeyStore
    from inflow_desk.ui.accounts.controller import AccountController, default_client_factory
    from inflow_desk.ui.accounts.profiles_store import ProfilesStore
    from inflow_desk.ui.kit.settings import AppSettings
    from inflow_desk.ui.main_window import MainWindow

    if args.api_url:
        from inflow_desk.storage.profiles import validate_custom_url

        problem = validate_custom_url(args.api_url)
        if problem is not None:
            raise ValueError(f"--api-url {args.api_url}: {problem}")
    stages = StagedStart()

    def start_demo() -> DemoEmulator:
        demo = DemoEmulator(args.demo_offers)

        def serve_demo() -> None:  # its imports and 24 offers: not on the GUI thread
            threading.Thread(target=demo.serve, name="demo-emulator-start", daemon=True).start()

        stages.later(serve_demo)  # at once when demo mode is entered after start-up
        return demo

    qsettings = qsettings if qsettings is not None else QSettings()
    controller = AccountController(
        keystore if keystore is not None else KeyringKeyStore(service=KEYRING_SERVICE),
        ProfilesStore(qsettings, policy=policy),
        api_url_override=args.api_url,
        demo_starter=start_demo,
        demo_key=DEMO_API_KEY,
        client_factory=client_factory or default_client_factory,
        settings_dialog=settings_dialog,
    )
    account, gateway = controller.initial_connection(args.profile, demo=args.demo)
    settings = AppSettings(qsettings, profile=controller.settings_profile())
    # The history database opens after the first frame (or at the first created link, if that
    # came sooner): sqlite3 and the store's module are not needed to draw the window.
    opened = False
    recorder: HistoryRecorder | None = None

    def history_banner() -> QLabel:
        """The top-bar warning shown while links are not reaching the history."""
        from PySide6.QtWidgets import QLabel

        from inflow_desk.ui.kit import palette
        from inflow_desk.ui.kit.theme import set_style

        found = window.findChild(QLabel, "historyUnavailableLabel")
        if isinstance(found, QLabel):
            return found
        warning = QLabel(window)
        warning.setObjectName("historyUnavailableLabel")
        set_style(warning, f"color: {palette.DANGER_STRONG}; font-weight: bold;")
        warning.setWordWrap(True)
        warning.setAccessibleName(translate("App", "History warning"))
        warning.setAccessibleDescription(
            translate("App", "Shown while new links are not reaching the history")
        )
        window.add_top_bar_widget(warning)
        return warning

    def show_history_banner(text: str) -> None:
        banner = history_banner()
        banner.setText(text)
        banner.show()

    def open_history() -> None:
        nonlocal opened, recorder
        if opened:
            return
        opened = True
        path = history_file if history_file is not None else history_path()
        desk.history = _open_history(path)
        from inflow_desk.ui.history.recorder import journal_only_recorder, make_recorder

        if desk.history is None:  # never silently: the agent must know links are not recorded
            recorder = journal_only_recorder(path, profile=controller.settings_profile)
            show_history_banner(
                translate("App", "⚠ History unavailable — links are not being saved")
            )
            history_banner().setToolTip(
                translate(
                    "App",
                    "The history database could not be opened; the log file says why. New links "
                    "are kept in {path} and added once it opens again.",
                ).format(path=recorder.writer.journal.path)
            )
            return
        recorder = make_recorder(desk.history, profile=controller.settings_profile)
        recorder.unavailable.connect(show_history_banner)
        recorder.available.connect(lambda: history_banner().hide())
        recorder.replay_pending()  # links journaled while the history did not work

    def record_session(session: CreatedSession, done: Callable[[str | None], None]) -> None:
        open_history()
        if recorder is None:
            raise RuntimeError("the history database is unavailable")
        recorder(session, done)

    window = MainWindow(
        gateway=gateway,
        account=account,
        settings=settings,
        record_session=record_session,
        limits=_limit_check(policy, lambda: desk, open_history),
    )
    desk = Desk(
        window=window, controller=controller, settings=settings, stages=stages, policy=policy
    )
    if policy is not None:
        from inflow_desk.ui.deploy.policy_form import apply_policy_to_form

        apply_policy_to_form(window, window.options_form, policy)
    controller.attach(window, settings)
    # The history dock's place is taken now, so the form does not jump when the history
    # arrives a few turns after the first frame; the saved dock layout applies to it at once.
    from inflow_desk.ui.history.dock import drop_history_dock, reserve_history_dock

    reserve_history_dock(window)
    state = settings.window_state()
    if state is not None:  # the dock's size and visibility as the agent left them
        window.restoreState(state)

    def build_history_view() -> None:
        open_history()
        if desk.history is None:
            drop_history_dock(window)  # the top bar says links are not being saved
            return
        from inflow_desk.ui.history.view import HistoryView

        view = HistoryView(desk.history, profile=controller.settings_profile)
        desk.history_view = view
        if recorder is not None:  # a new link is inserted as a row; waiting ones reload
            recorder.recorded.connect(view.add_record)
            recorder.replayed.connect(lambda _added: view.refresh())

    def dock_history_view() -> None:
        view = desk.history_view
        if view is None:
            return
        from inflow_desk.ui.history.view import dock_history

        dock_history(window, window, view)  # into the dock reserved above

    def keep_drafts() -> None:
        if desk.history is None:
            return
        from inflow_desk.ui.history.drafts import DraftKeeper

        desk.drafts = DraftKeeper(window, desk.history, controller.settings_profile)

    def install_subscription() -> None:
        if desk.subscription is not None:  # Ctrl+2 before its turn built it already
            return
        from inflow_desk.ui.checkout.subscription_form import install_subscription_mode

        desk.subscription = install_subscription_mode(window, settings)

    from inflow_desk.ui.checkout.modes import SUBSCRIPTION_SHORTCUT

    window.reserve_mode_key(SUBSCRIPTION_SHORTCUT, install_subscription)  # from the first frame

    def install_help() -> None:
        if desk.about is not None:  # F1 before its turn built it already
            return
        from PySide6.QtWidgets import QApplication

        from inflow_desk.ui.about_dialog import app_icon, install_about

        QApplication.setWindowIcon(app_icon())
        early_help.setEnabled(False)  # the About action's own F1 takes over
        early_help.deleteLater()
        desk.about = install_about(window, lambda: controller.keystore.backend_name)

    def help_at_once() -> None:
        install_help()
        if desk.about is not None:
            desk.about.trigger()

    from inflow_desk.ui.kit.widgets import ABOUT_SHORTCUT, bind_shortcut

    early_help = bind_shortcut(window, ABOUT_SHORTCUT, help_at_once)  # F1 from the first frame

    def simulate_payment(session_id: str, outcome: str) -> object:
        """Demo only: the emulator's customer pays the link (or the payment fails)."""
        demo = controller.emulator
        running = demo.emulator if isinstance(demo, DemoEmulator) else None
        if running is None:
            raise RuntimeError("the demo emulator is not running")
        return running.pay_session(session_id, outcome)

    def install_payments() -> None:
        from inflow_desk.ui.payments.install import PaymentsFeature

        desk.payments = PaymentsFeature(window, simulate=simulate_payment, parent=window)
        if desk.history is not None and desk.history_view is not None:
            from inflow_desk.ui.payments.history_link import keep_in_history

            # the history keeps each status, and its status column follows them
            keep_in_history(desk.payments, desk.history, desk.history_view.model.set_payment_status)

    def install_handover_actions() -> None:
        path = (history_file if history_file is not None else history_path()).parent
        desk.catalog = _open_catalog(path / CATALOG_FILE)
        from inflow_desk.ui.handover.actions import install_handover

        desk.handover = install_handover(
            window,
            templates=lambda: _templates_of(
                desk.catalog, controller.settings_profile(), desk.policy
            ),
            offer_lookup=lambda offer_id: _picked_offer(desk.subscription, offer_id),
        )
        if desk.catalog is not None:  # the cart completes from the catalog first
            from PySide6.QtCore import Qt

            from inflow_desk.ui.handover.catalog import CatalogFeed

            feed = CatalogFeed(
                desk.catalog, window.recent_products, controller.settings_profile, window
            )
            window.accountChanged.connect(feed.reload)
            feed.reload()
            desk.catalog_feed = feed
            catalog = desk.catalog

            def open_catalog() -> None:
                from inflow_desk.ui.handover.catalog_dialog import CatalogDialog

                dialog = CatalogDialog(
                    catalog, controller.settings_profile(), window, on_change=feed.reload
                )
                dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
                dialog.open()

            action = window.menu("&Settings").addAction(
                translate("App", "Catalog and messages…"), open_catalog
            )
            action.setObjectName("catalogAction")
            action.setShortcut("Ctrl+Shift+K")
            from inflow_desk.ui.handover.carts import install_saved_carts

            carts = install_saved_carts(window, catalog, controller.settings_profile, window)
            desk.saved_carts = carts
            file_menu = window.menu("&File")
            # The keys are the carts' own shortcuts (shown here, not set twice: ambiguous).
            file_menu.addAction(
                translate("App", "Save the cart as… (Ctrl+Shift+B)"), carts.ask_and_save
            )
            file_menu.addAction(translate("App", "Insert a saved cart… (Ctrl+B)"), carts.pick)
            from inflow_desk.ui.handover.last_cart import LastCartOffer

            desk.last_cart = LastCartOffer(
                window, lambda: desk.history, controller.settings_profile, carts, window
            )

    # Each of these imports a DEFERRED_MODULES entry.
    stages.later(open_history, after_imports=True)
    stages.later(build_history_view, after_imports=True)
    stages.later(dock_history_view)
    stages.later(keep_drafts, after_imports=True)
    stages.later(install_subscription, after_imports=True)
    stages.later(install_help, after_imports=True)

    def paid_links_need_no_expiry_alert() -> None:
        payments, bar = desk.payments, desk.handover
        if payments is None or bar is None:
            return

        def on_status(session_id: str, status: LinkStatus) -> None:
            if session_id == bar.session_id:
                bar.set_paid(status.paid)

        payments.statusChanged.connect(on_status)

    stages.later(install_payments, after_imports=True)
    stages.later(install_handover_actions, after_imports=True)
    stages.later(paid_links_need_no_expiry_alert)

    from inflow_desk.ui.kit.icons import load_icons, reserve_icons

    reserve_icons(window)  # the icons' place, from the first frame: nothing moves later

    def install_icons() -> None:
        load_icons(window)

    stages.later(install_icons, after_imports=True)
    if not staged:
        stages.run_now()
    return desk


def _limit_check(
    policy: Policy | None, desk: Callable[[], Desk], open_history: Callable[[], None]
) -> Callable[[PreparedRequest, Account], UserMessage | None] | None:
    """The window's ``limits`` hook when the policy sets agent limits or currencies (else
    None): the day's
    total is counted from the history (opened now if start-up has not opened it yet)."""
    if policy is None or (
        policy.allowed_currencies is None
        and not any(
            limit.max_per_link_cents is not None or limit.max_per_day_cents is not None
            for limit in (policy.limits or {}).values()
        )
    ):
        return None
    from inflow_desk.storage.history import current_agent, utc_now
    from inflow_desk.ui.deploy.limits import AgentLimitCheck

    def day_total(profile: str, agent: str, currency: str, since: datetime) -> int:
        open_history()
        history = desk().history
        if history is None:
            raise RuntimeError("the history is unavailable")
        return history.total_since(profile=profile, agent=agent, currency=currency, since=since)

    return AgentLimitCheck(policy, day_total, agent=current_agent(), clock=utc_now)


def report_uncaught_errors(desk: Desk) -> Callable[[], None]:
    """Every uncaught exception (a slot, a thread) and every Qt warning goes to the log, and
    the exceptions to the window's error label in the error funnel's words. Returns the undo."""
    from inflow_desk.ui.kit.errors import install_exception_hooks

    window = desk.window
    return install_exception_hooks(window.show_error, account=lambda: window.account.label)


def _open_catalog(path: Path) -> CatalogStore | None:
    """The catalog, saved carts and templates (issue 16); None when the file cannot be used
    (the cart is typed by hand and the default templates apply; the log says why)."""
    from inflow_desk.storage.catalog import CatalogError, CatalogStore

    try:
        return CatalogStore(path)
    except (CatalogError, OSError):
        logging.getLogger(__name__).exception("the catalog database could not be opened")
        return None


def _templates_of(
    catalog: CatalogStore | None, profile: str, policy: Policy | None = None
) -> MessageTemplates:
    """The profile's message templates: the catalog store (edited in Settings), except the
    chat/e-mail message when the organisation's policy provides one for the profile (its own
    before the one for every profile)."""
    from dataclasses import replace

    from inflow_desk.domain.handover import MessageTemplates
    from inflow_desk.storage.catalog import CatalogError

    templates = MessageTemplates()
    if catalog is not None:
        try:
            templates = catalog.templates(profile)
        except CatalogError:
            logging.getLogger(__name__).exception("templates could not be read: defaults used")
    managed = policy.templates_for(profile) if policy is not None else ()
    if managed:
        templates = replace(templates, message=managed[-1].text)
    return templates


def _picked_offer(form: SubscriptionForm | None, offer_id: str) -> dict[str, Any] | None:
    """The offer's fields when it is the one picked in the Subscription tab (read aloud)."""
    picked = form.picked if form is not None else None
    return picked.fields if picked is not None and picked.id == offer_id else None


def _open_history(path: Path) -> HistoryStore | None:
    from inflow_desk.storage.history import HistoryError, HistoryStore

    try:
        return HistoryStore(path)
    except (HistoryError, OSError) as exc:
        log.error("history unavailable (%s): %s", path, type(exc).__name__)
        return None


def after_first_frame() -> None:
    """What start-up does not need for the first frame: HTTP client imports, version metadata
    (both in a background thread: reading package metadata takes tens of milliseconds)."""
    from inflow_desk.ui.accounts.controller import warm_up_imports

    rotate_logs_from_now_on()

    def log_version() -> None:
        log.info("Inflow Desk %s running", version())

    # the first create need not wait for httpx and pydantic
    warm_up_imports(before_freeze=log_version)


def _load_policy(args: argparse.Namespace) -> Policy | Literal[False] | None:
    """The organisation's policy (None: there is none). An invalid file stops the app (False)
    with a message naming the file, line and field — never a silent fall-back to no policy."""
    from inflow_desk.storage.policy import PolicyError, load_policy, policy_path

    try:
        policy = load_policy(policy_path())
    except PolicyError as exc:
        from inflow_desk.ui.kit.errors import policy_unusable_text

        text = policy_unusable_text(ValueError(exc.shown()))  # the agent's language
        log.error("cannot start: invalid policy file: %s", exc)  # English
        print(f"inflow-desk: {text}", file=sys.stderr)  # noqa: T201
        if not args.smoke and os.environ.get("QT_QPA_PLATFORM") != "offscreen":
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.critical(None, APPLICATION, text)
        return False
    if policy is not None:
        log.info("managed policy: %s", policy.path)
    return policy


def _deep_link(desk: Desk, url: str, policy: Policy | None) -> None:
    from inflow_desk.ui.deploy.deep_links import apply_deep_link

    apply_deep_link(desk.window, url, policy)


def _another_launch(desk: Desk, argv: list[str], policy: Policy | None) -> None:
    """A second launch handed over its command line: front window, then its deep link."""
    window = desk.window
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()
    try:
        later = parse_args(argv)
    except SystemExit:  # argparse said what was wrong on the other process's terminal
        log.warning("another launch handed over arguments that do not parse")
        return
    if later.link is not None:
        link = later.link
        desk.stages.later(lambda: _deep_link(desk, link, policy))


def main(argv: Sequence[str] | None = None) -> int:
    from inflow_desk.hardening import disable_core_dumps

    hardening = disable_core_dumps()  # first: the key must never reach a core file
    args = parse_args(sys.argv[1:] if argv is None else argv)
    from inflow_desk.ui.kit.runtime import tune_interpreter

    tune_interpreter()  # before any worker thread starts
    _prepare_platform(args.smoke)
    app = make_application([sys.argv[0]])
    log_path = setup_logging(args.verbose)
    log.info(
        "Inflow Desk starting (demo=%s, profile=%s, log=%s)",
        args.demo,
        args.profile,
        log_path,
    )
    log.info("hardening: %s", hardening.describe())
    from inflow_desk.ui.kit.formatting import use_readable_locale

    if (fallback := use_readable_locale()) is not None:  # before any widget reads the locale
        log.info("locale: the system locale is C/POSIX; amounts and dates in %s", fallback.name())
    from PySide6.QtCore import QSettings

    from inflow_desk.ui.kit.i18n import LANGUAGE_KEY, install_language

    install_language(app, str(QSettings().value(LANGUAGE_KEY, "") or ""))  # before any widget

    instance = None
    if not args.smoke:  # a start-up check neither hands over nor claims the window
        from inflow_desk.ui.deploy.single_instance import InstanceServer, hand_over, instance_name

        name = instance_name()
        raw = list(sys.argv[1:] if argv is None else argv)
        if hand_over(name, raw):
            log.info("handed over to the running Inflow Desk; exiting")
            return 0
        instance = InstanceServer(name)
        instance.listen()

    policy = _load_policy(args)
    if policy is False:
        return 2
    from inflow_desk.ui.main_window import FirstPaintWatcher

    try:
        desk = build_desk(args, staged=True, policy=policy)
    except ValueError as exc:  # a bad --profile name or --api-url; never contains a key
        log.error("cannot start: %s", exc)
        print(f"inflow-desk: {exc}", file=sys.stderr)  # noqa: T201
        return 2
    report_uncaught_errors(desk)
    if args.link is not None:  # once the Subscription tab and the rest are there
        link = args.link
        desk.stages.later(lambda: _deep_link(desk, link, policy))
    if instance is not None:
        instance.received.connect(lambda later: _another_launch(desk, later, policy))
    if args.smoke == SMOKE_FIRST_FRAME:
        FirstPaintWatcher(desk.window, app.quit)
    elif args.smoke == SMOKE_FULL:

        def check_and_quit() -> None:
            demo = desk.controller.emulator
            if isinstance(demo, DemoEmulator) and not demo.serving.wait(30):
                log.error("smoke: the demo emulator did not start serving")
                app.exit(1)
                return
            app.quit()

        FirstPaintWatcher(desk.window, lambda: desk.stages.run_in_turns(then=check_and_quit))
    else:
        FirstPaintWatcher(desk.window, lambda: desk.stages.run_in_turns(then=after_first_frame))
    desk.window.show()
    try:
        return app.exec()
    finally:
        if instance is not None:
            instance.close()  # removes the socket: the next launch starts its own window
        desk.close()
        log.info("Inflow Desk stopped")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
