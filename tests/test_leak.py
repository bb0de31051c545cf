"""The API key goes nowhere but the key store, memory and the request header.

The whole app (``app.build_desk``: profiles, key store, client, window, history, drafts,
subscription mode when installed) runs the flows an agent runs — enter the key in Settings,
test the connection, reveal it, create a one-time link, a subscription link, and meet 401, 400
and 500 — with a unique key, logging at DEBUG to the app's own log file. Then every file under
the temporary HOME/XDG folders, the captured log records, every text the windows show and every
QSettings key and value is searched for the key. A marker planted next to the key (profile and
product names) must be found in each of those places, so the search provably looks.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSettings, Qt, QThreadPool
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from inflow_desk import app as desk_app
from inflow_desk.emulator import Fault, InflowEmulator, generate_offers
from inflow_desk.storage.keystore import KeyringKeyStore
from inflow_desk.ui.accounts.settings_dialog import SettingsDialog
from inflow_desk.ui.main_window import MainWindow
from tests.conftest import SANDBOX_DIR
from tests.ui.test_settings_dialog import DictBackend

ONE_TIME_PATH = "/api/checkout/sessions/one-time-payment"
SUBSCRIPTION_PATH = "/api/checkout/sessions/subscription/"
CHECK_PATH = "/api/payment"
LEFT = Qt.MouseButton.LeftButton

TOKEN = secrets.token_hex(16)
SECRET = f"inflow_leaktest_{TOKEN}"
MARK = f"leakmark{secrets.token_hex(5)}"
PROFILE = f"Shop {MARK}"


@pytest.fixture
def debug_log(qapp: QApplication, caplog: pytest.LogCaptureFixture) -> Iterator[Path]:
    """The app's own log file at DEBUG (httpx/httpcore too, stricter than the app)."""
    root = logging.getLogger()
    before_handlers = list(root.handlers)
    before_level = root.level
    quiet = {name: logging.getLogger(name).level for name in ("httpx", "httpcore")}
    path = desk_app.setup_logging(verbose=True)
    assert path is not None
    assert path.resolve().is_relative_to(SANDBOX_DIR.resolve()), path
    for name in quiet:
        logging.getLogger(name).setLevel(logging.DEBUG)
    caplog.set_level(logging.DEBUG)
    yield path
    for handler in root.handlers:
        if handler not in before_handlers:
            handler.close()
            root.removeHandler(handler)
    root.setLevel(before_level)
    for name, level in quiet.items():
        logging.getLogger(name).setLevel(level)


def all_texts(widget: QWidget) -> list[str]:
    texts = [label.text() for label in widget.findChildren(QLabel)]
    texts += [edit.text() for edit in widget.findChildren(QLineEdit)]
    texts.append(widget.windowTitle())
    return texts


def create(qtbot: QtBot, window: MainWindow, kind: str, body: dict[str, object]) -> str:
    """Fill the form from ``body``, create, and return what the error line says."""
    assert window.load_request(kind, body)
    with qtbot.waitSignal(window.requestFinished, timeout=10_000):
        window.create_session()
    return window.error_label.text() if window.error_label.isVisible() else ""


def settings_dump(qsettings: QSettings) -> str:
    parts = []
    for key in qsettings.allKeys():
        value = qsettings.value(key)
        if isinstance(value, QByteArray):
            value = bytes(value.data()).decode("latin-1")
        parts.append(f"{key}={value!r}")
    return "\n".join(parts)


def test_the_key_appears_nowhere(
    qtbot: QtBot, debug_log: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config = Path(os.environ["XDG_CONFIG_HOME"])
    data = Path(os.environ["XDG_DATA_HOME"])
    for folder in (config, data, Path(os.environ["HOME"])):
        assert folder.resolve().is_relative_to(SANDBOX_DIR.resolve())
    qsettings = QSettings(str(config / "leak" / "Inflow Desk.conf"), QSettings.Format.IniFormat)
    backend = DictBackend()
    shown: list[str] = []

    with InflowEmulator(api_key=SECRET, offers=generate_offers(3)) as emulator:
        args = desk_app.parse_args(["--profile", PROFILE])
        desk = desk_app.build_desk(
            args,
            qsettings=qsettings,
            keystore=KeyringKeyStore(backend=backend),
            history_file=data / "leak" / "history.sqlite3",
        )
        window, controller = desk.window, desk.controller
        for module, part in [
            ("inflow_desk.ui.checkout.subscription_form", "subscription"),
            ("inflow_desk.ui.history.view", "history_view"),
            ("inflow_desk.ui.history.drafts", "drafts"),
        ]:  # the optional parts run whenever they are installed
            built = getattr(desk, part) is not None
            assert built == (importlib.util.find_spec(module) is not None)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        try:
            # ---------------------------------------------------------- first run → Settings
            assert controller.showing_first_run()
            shown += all_texts(window)
            qtbot.mouseClick(window.findChild(QPushButton, "enterKeyButton"), LEFT)
            dialog = controller.settings_dialog
            assert isinstance(dialog, SettingsDialog)
            dialog.environment_combo.setCurrentIndex(dialog.environment_combo.findData("custom"))
            dialog.url_edit.clear()
            qtbot.keyClicks(dialog.url_edit, emulator.base_url)
            qtbot.keyClicks(dialog.key_edit, SECRET)
            with qtbot.waitSignal(controller.stateChanged, timeout=10_000):
                qtbot.mouseClick(dialog.save_button, LEFT)
            shown.extend(all_texts(dialog) + all_texts(window))
            assert backend.passwords == {("inflow-desk", PROFILE): SECRET}
            assert not controller.showing_first_run()
            assert window.environment_badge.text() == "CUSTOM"

            def dialog_op(button: QPushButton, what: str) -> None:
                with qtbot.waitSignal(
                    dialog.operationFinished,
                    timeout=10_000,
                    check_params_cb=lambda done: done == what,
                ):
                    qtbot.mouseClick(button, LEFT)

            dialog_op(dialog.test_button, "test")
            assert dialog.connection_status.text() == "Connected ✓"
            shown.extend(all_texts(dialog))
            # The agent asks to see the key: the one moment it is on screen, in its own field.
            dialog_op(dialog.show_key_button, "reveal")
            assert dialog.key_edit.text() == SECRET
            qtbot.mouseClick(dialog.show_key_button, LEFT)
            assert dialog.key_edit.text() == ""
            shown.extend(all_texts(dialog))
            emulator.inject(Fault("status", status=401, path_prefix=CHECK_PATH))
            dialog_op(dialog.test_button, "test")
            assert "key rejected" in dialog.connection_status.text()
            shown.extend(all_texts(dialog))
            dialog.close()

            # ---------------------------------------------------------- the flows
            body: dict[str, object] = {
                "currency": "EUR",
                "products": [{"name": f"Kit {MARK}", "price": 4999, "quantity": 2}],
                "customerEmail": f"{MARK}@example.org",
            }
            assert create(qtbot, window, "one_time", body) == ""
            shown.extend(all_texts(window))
            assert len(emulator.requests_to(ONE_TIME_PATH, "POST")) == 1
            if desk.subscription is not None:
                offer_id = str(emulator.offers[0]["id"])
                assert create(qtbot, window, "subscription", {"offerId": offer_id}) == ""
                shown.extend(all_texts(window))
                assert emulator.requests_to(SUBSCRIPTION_PATH, "POST")
            errors = {}
            for status in (401, 400, 500):
                emulator.inject(Fault("status", status=status, path_prefix=ONE_TIME_PATH))
                errors[status] = create(qtbot, window, "one_time", body)
                assert errors[status], f"no error shown for HTTP {status}"
                shown += all_texts(window)
            assert MARK in errors[401]  # "Inflow rejected the API key for Shop leakmark… — …"
            shown += list(errors.values())
            # every request really carried the key
            assert all(r.headers.get("x-inflow-api-key") == SECRET for r in emulator.requests)
        finally:
            window.close()
            QThreadPool.globalInstance().waitForDone(10_000)
            desk.close()
            qsettings.sync()
            for handler in logging.getLogger().handlers:
                handler.flush()

    # ------------------------------------------------------------------ the search
    # The whole key, and any 12 characters of its random part (a partial leak is a leak).
    fragments = {TOKEN[i : i + 12] for i in range(len(TOKEN) - 11)}
    needles = [SECRET.encode(), SECRET.encode("utf-16-le")] + [f.encode() for f in fragments]
    files = [p for p in SANDBOX_DIR.rglob("*") if p.is_file()]
    assert debug_log in files
    leaked = [str(p) for p in files if any(n in p.read_bytes() for n in needles)]
    assert leaked == []
    marked = {p for p in files if MARK.encode() in p.read_bytes()}
    assert debug_log in marked  # the log file is searched, and names the profile
    assert qsettings.fileName() in {str(p) for p in marked}  # so is the settings file
    if desk.history is not None:
        assert any(p.name.startswith("history.sqlite3") for p in marked)  # and the history

    log_text = debug_log.read_text(encoding="utf-8")
    assert MARK in log_text and not any(f in log_text for f in fragments)
    assert "DEBUG" in log_text  # it really logged at DEBUG
    captured = "\n".join(f"{r.getMessage()} {r.exc_text or ''} {r.args!r}" for r in caplog.records)
    assert MARK in captured and not any(f in captured for f in fragments)

    dump = settings_dump(qsettings)
    assert MARK in dump and not any(f in dump for f in fragments)

    everything_shown = "\n".join(shown)
    assert MARK in everything_shown
    assert not [f for f in fragments if f in everything_shown]
