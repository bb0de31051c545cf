"""The error funnel is the only place that words an error: the settings dialog, the history and
the keystore's typed errors all show ``ui.kit.errors``' words — never a raw exception text, never
the key."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QThreadPool
from pytestqt.qtbot import QtBot

from inflow_desk.api.errors import AuthenticationError
from inflow_desk.emulator import InflowEmulator
from inflow_desk.storage.history import HistoryError, HistoryStore
from inflow_desk.storage.keystore import (
    KEY_CONTROL_CHARACTERS,
    KeyStoreError,
    MemoryKeyStore,
    UnusableKeyError,
)
from inflow_desk.ui.accounts.controller import AccountController
from inflow_desk.ui.accounts.profiles_store import ProfilesStore
from inflow_desk.ui.accounts.settings_dialog import SettingsDialog
from inflow_desk.ui.history.model import HistoryModel
from inflow_desk.ui.history.view import HistoryView
from inflow_desk.ui.kit.errors import (
    TEST_CONNECTION_ACTION,
    describe_error,
    export_failed,
    history_read_failed,
    key_store_problem_text,
    unusable_key_text,
)
from tests.ui.conftest import FROZEN_NOW, Clock
from tests.ui.history_helpers import open_store

SECRET = "inflow_SECRETPART_0123456789"


@pytest.fixture(autouse=True)
def _drain_workers() -> Iterator[None]:
    yield
    QThreadPool.globalInstance().waitForDone(5000)


@pytest.fixture
def dialog(qtbot: QtBot, tmp_path: Path) -> SettingsDialog:
    qsettings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    widget = SettingsDialog(AccountController(MemoryKeyStore(), ProfilesStore(qsettings)))
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: widget.key_stored is not None)
    return widget


def test_an_unusable_typed_key_is_worded_by_the_funnel(
    qtbot: QtBot, dialog: SettingsDialog
) -> None:
    dialog.key_edit.setText(SECRET + "\nrest")  # a paste that brought a line break
    dialog.save()  # refused at once, before anything is stored
    expected = unusable_key_text(UnusableKeyError(KEY_CONTROL_CHARACTERS))
    assert dialog.key_error.text() == expected
    assert "line break" in expected
    assert SECRET not in dialog.key_error.text()


def test_a_rejected_key_in_test_connection_is_worded_by_the_funnel(
    qtbot: QtBot, dialog: SettingsDialog, emulator: InflowEmulator
) -> None:
    dialog.environment_combo.setCurrentIndex(dialog.environment_combo.findData("custom"))
    dialog.url_edit.setText(emulator.base_url)
    dialog.key_edit.setText(SECRET)  # not the emulator's key: 401
    with qtbot.waitSignal(
        dialog.operationFinished, timeout=5000, check_params_cb=lambda what: what == "test"
    ):
        dialog.test_connection()
    label = f"default — {dialog.environment().name}"
    words = describe_error(
        AuthenticationError("x", status_code=401), account=label, action=TEST_CONNECTION_ACTION
    )
    assert dialog.connection_status.text() == "✗ " + words.as_text()
    assert SECRET not in dialog.connection_status.text()


@pytest.mark.parametrize(
    "error",
    [
        KeyStoreError("save"),
        KeyStoreError("delete"),
        KeyStoreError("read", cause="OSError"),
    ],
)
def test_keystore_errors_carry_data_and_the_funnel_words_them(error: KeyStoreError) -> None:
    text = key_store_problem_text(error)
    assert str(error) not in text  # the log text is not the agent's text
    assert text.endswith(".") and "Try again" in text
    message = describe_error(error, account="Acme", action="save the key")
    assert message.hint == text and message.headline == "Could not save the key."


@pytest.fixture
def store(tmp_path: Path, qtbot: QtBot, clock: Clock) -> Iterator[HistoryStore]:
    yield from open_store(tmp_path, qtbot, clock)


def test_a_history_read_failure_shows_the_funnels_words(
    qtbot: QtBot, tmp_path: Path, clock: Clock
) -> None:
    history = HistoryStore(tmp_path / "history.sqlite3", clock=clock)
    model = HistoryModel(history, clock=clock)
    history.close()  # every query now fails with sqlite3's own text
    with qtbot.waitSignal(model.loadFailed, timeout=5000) as failed:
        model.refresh()
    text = failed.args[0]
    assert text.startswith("The history could not be read.")
    assert "store is closed" not in text  # the store's own words are for the log
    assert text == history_read_failed(HistoryError("closed")).as_text()


def test_an_export_failure_shows_the_funnels_words(
    qtbot: QtBot, store: HistoryStore, clock: Clock, tmp_path: Path
) -> None:
    view = HistoryView(store, clock=clock, profile="test")
    qtbot.addWidget(view)
    target = tmp_path / "missing-folder" / "x.csv"
    with qtbot.waitSignal(view.exportFailed, timeout=5000) as failed:
        view.export_range_to(target, FROZEN_NOW.date(), FROZEN_NOW.date())
    expected = export_failed(FileNotFoundError(2, "No such file"), str(target)).as_text()
    assert failed.args[0] == expected == view.message_label.text()
    assert "The folder does not exist." in expected
    assert "Errno" not in expected
