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
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from inflow_desk import __version__

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from inflow_desk.api.client import InflowClient
    from inflow_desk.emulator import InflowEmulator

log = logging.getLogger("inflow_desk")

ORGANIZATION = "Inflow"
APPLICATION = "Inflow Desk"
KEYRING_SERVICE = "inflow-desk"
API_URL_ENV = "INFLOW_DESK_API_URL"
DEMO_API_KEY = "demo-key-not-secret"
LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 3


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
        "--profile", default="default", help="merchant account profile (default: default)"
    )
    parser.add_argument(
        "--smoke", action="store_true", help="start, wait for the first painted frame, exit 0"
    )
    parser.add_argument("--verbose", action="store_true", help="debug-level logging")
    parser.add_argument("--demo-offers", type=int, default=24, metavar="N", help=argparse.SUPPRESS)
    parser.add_argument("--version", action="version", version=f"inflow-desk {__version__}")
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
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("inflow-desk")
    return app


def start_demo_emulator(offers: int) -> InflowEmulator:
    from inflow_desk.emulator import InflowEmulator, generate_offers

    emulator = InflowEmulator(api_key=DEMO_API_KEY, offers=generate_offers(offers))
    emulator.start()
    log.info("demo mode: emulator listening on %s", emulator.base_url)
    return emulator


def resolve_api_key(profile: str) -> str | None:
    """The key from the OS keyring, or typed into a prompt (kept in memory for this run only)."""
    from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox

    from inflow_desk.storage.keystore import KeyringKeyStore, KeyStoreError

    store = KeyringKeyStore(service=KEYRING_SERVICE)
    try:
        key = store.get(profile)
    except KeyStoreError as exc:
        QMessageBox.information(None, APPLICATION, str(exc))
        key = None
    if key:
        return key
    key, ok = QInputDialog.getText(
        None,
        APPLICATION,
        f"Paste the private API key of profile “{profile}”.\n"
        "It is kept in memory for this run only. (Start with --demo to try the app without a key.)",
        QLineEdit.EchoMode.Password,
    )
    return key.strip() if ok and key.strip() else None


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    _prepare_platform(args.smoke)
    app = make_application([sys.argv[0]])
    log_path = setup_logging(args.verbose)
    log.info(
        "Inflow Desk %s starting (demo=%s, profile=%s, log=%s)",
        __version__,
        args.demo,
        args.profile,
        log_path,
    )

    from PySide6.QtCore import QSettings

    from inflow_desk.api.client import InflowClient
    from inflow_desk.ui.main_window import Account, FirstPaintWatcher, MainWindow
    from inflow_desk.ui.settings import AppSettings

    emulator = None
    api_key: str | None
    if args.demo:
        emulator = start_demo_emulator(args.demo_offers)
        base_url = emulator.base_url
        api_key = DEMO_API_KEY
        account = Account(name="Demo merchant", environment="DEMO", base_url=base_url)
    else:
        from inflow_desk.storage.profiles import Environment, environment_for_url

        base_url = args.api_url or "https://api.inflowpay.xyz"
        environment = environment_for_url(base_url)
        api_key = resolve_api_key(args.profile)
        env_name = environment.name if isinstance(environment, Environment) else str(environment)
        account = Account(name=args.profile, environment=env_name, base_url=base_url)

    if api_key is None:
        return 1
    client: InflowClient = InflowClient(api_key, base_url=base_url)
    del api_key
    settings = AppSettings(QSettings(), profile="demo" if args.demo else args.profile)
    window = MainWindow(gateway=client, account=account, settings=settings)
    if args.smoke:
        FirstPaintWatcher(window, app.quit)
    window.show()
    try:
        return app.exec()
    finally:
        client.close()
        if emulator is not None:
            emulator.stop()
        log.info("Inflow Desk stopped")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
