"""Composition root: parse arguments, build settings, key store, client and window.

``inflow-desk --demo`` talks over real HTTP to the built-in emulator on a loopback port;
``--api-url`` (or ``INFLOW_DESK_API_URL``) points the app at another server; ``--smoke`` exits
0 right after the main window's first painted frame (benchmarks, packaging checks).
"""

from __future__ import annotations

import argparse
import logging
import logging.handlers
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from inflow_desk import version

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from inflow_desk.emulator import InflowEmulator
    from inflow_desk.storage.history import HistoryStore
    from inflow_desk.storage.keystore import KeyStore
    from inflow_desk.ui.accounts import AccountController, ClosableGateway
    from inflow_desk.ui.main_window import MainWindow
    from inflow_desk.ui.settings import AppSettings

log = logging.getLogger("inflow_desk")

ORGANIZATION = "Inflow"
APPLICATION = "Inflow Desk"
KEYRING_SERVICE = "inflow-desk"
API_URL_ENV = "INFLOW_DESK_API_URL"
DEMO_API_KEY = "demo-key-not-secret"
LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 3


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
        "--smoke", action="store_true", help="start, wait for the first painted frame, exit 0"
    )
    parser.add_argument("--verbose", action="store_true", help="debug-level logging")
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


def setup_logging(verbose: bool) -> Path | None:
    """Rotating log file for support; returns its path (None if the folder is not writable)."""
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    try:
        folder = log_directory()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "inflow-desk.log"
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
        )
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    logging.getLogger("httpx").setLevel(logging.WARNING)  # its INFO lines repeat ours
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    return path


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
    from inflow_desk.ui.about_dialog import app_icon

    app.setWindowIcon(app_icon())
    return app


def start_demo_emulator(offers: int) -> InflowEmulator:
    from inflow_desk.emulator import InflowEmulator, generate_offers

    emulator = InflowEmulator(api_key=DEMO_API_KEY, offers=generate_offers(offers))
    emulator.start()
    log.info("demo mode: emulator listening on %s", emulator.base_url)
    return emulator


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
    extras: dict[str, object] = field(default_factory=dict)

    def close(self) -> None:
        self.controller.shutdown()
        if self.history is not None:
            self.history.close()


def build_desk(
    args: argparse.Namespace,
    *,
    qsettings: QSettings | None = None,
    keystore: KeyStore | None = None,
    history_file: Path | None = None,
    client_factory: Callable[[str, str], ClosableGateway] | None = None,
) -> Desk:
    """Settings, key store, profiles, client and window — what ``main`` shows.

    Tests pass their own QSettings, key store (never the real keychain), history file and
    client factory.
    """
    from PySide6.QtCore import QSettings

    from inflow_desk.storage.keystore import KeyringKeyStore
    from inflow_desk.ui.about_dialog import install_about
    from inflow_desk.ui.accounts import AccountController, default_client_factory
    from inflow_desk.ui.drafts import DraftKeeper
    from inflow_desk.ui.history_recorder import make_recorder
    from inflow_desk.ui.history_view import install_history
    from inflow_desk.ui.main_window import MainWindow
    from inflow_desk.ui.profiles_store import ProfilesStore
    from inflow_desk.ui.settings import AppSettings
    from inflow_desk.ui.subscription_form import install_subscription_mode

    if args.api_url:
        from inflow_desk.storage.profiles import validate_custom_url

        problem = validate_custom_url(args.api_url)
        if problem is not None:
            raise ValueError(f"--api-url {args.api_url}: {problem}")
    qsettings = qsettings if qsettings is not None else QSettings()
    controller = AccountController(
        keystore if keystore is not None else KeyringKeyStore(service=KEYRING_SERVICE),
        ProfilesStore(qsettings),
        api_url_override=args.api_url,
        demo_starter=lambda: start_demo_emulator(args.demo_offers),
        demo_key=DEMO_API_KEY,
        client_factory=client_factory or default_client_factory,
    )
    account, gateway = controller.initial_connection(args.profile, demo=args.demo)
    settings = AppSettings(qsettings, profile=controller.settings_profile())
    history = _open_history(history_file if history_file is not None else history_path())
    record_session = None
    if history is not None:
        record_session = make_recorder(history, profile=controller.settings_profile)
    window = MainWindow(
        gateway=gateway, account=account, settings=settings, record_session=record_session
    )
    desk = Desk(window=window, controller=controller, settings=settings, history=history)
    desk.extras["subscription"] = install_subscription_mode(window, settings)
    if history is not None:
        desk.extras["history"] = install_history(
            window, history, profile=controller.settings_profile()
        )
        desk.extras["drafts"] = DraftKeeper(window, history, controller.settings_profile())
    controller.attach(window, settings)
    state = settings.window_state()
    if state is not None:  # after the docks exist: their size and visibility as the agent left them
        window.restoreState(state)
    if history is None:  # never silently: the agent must know links are not being recorded
        from PySide6.QtWidgets import QLabel

        warning = QLabel("⚠ History unavailable — links are not being saved", window)
        warning.setObjectName("historyUnavailableLabel")
        warning.setStyleSheet("color: #8a0000; font-weight: bold;")
        warning.setToolTip(
            "The history database could not be opened; the log file says why. Keep each link "
            "somewhere safe until this is fixed."
        )
        window.add_top_bar_widget(warning)
    desk.extras["about"] = install_about(window, lambda: controller.keystore.backend_name)
    return desk


def _open_history(path: Path) -> HistoryStore | None:
    from inflow_desk.storage.history import HistoryError, HistoryStore

    try:
        return HistoryStore(path)
    except (HistoryError, OSError) as exc:
        log.error("history unavailable (%s): %s", path, type(exc).__name__)
        return None


def after_first_frame(app: QApplication) -> None:
    """What start-up does not need for the first frame: version metadata, HTTP client imports."""
    from inflow_desk.ui.accounts import warm_up_imports

    app.setApplicationVersion(version())
    log.info("Inflow Desk %s running", version())
    warm_up_imports()  # the first create need not wait for httpx and pydantic


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    from inflow_desk.ui.runtime import tune_interpreter

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

    from inflow_desk.ui.main_window import FirstPaintWatcher

    try:
        desk = build_desk(args)
    except ValueError as exc:  # a bad --profile name or --api-url; never contains a key
        log.error("cannot start: %s", exc)
        print(f"inflow-desk: {exc}", file=sys.stderr)  # noqa: T201
        return 2
    if args.smoke:
        FirstPaintWatcher(desk.window, app.quit)
    else:
        FirstPaintWatcher(desk.window, lambda: after_first_frame(app))
    desk.window.show()
    try:
        return app.exec()
    finally:
        desk.close()
        log.info("Inflow Desk stopped")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
