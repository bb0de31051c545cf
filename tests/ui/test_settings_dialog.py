"""The settings dialog: keys (save, delete, reveal), environments, the connection test, and
what happens when the keychain fails. Keyring-backed stores get an in-memory backend."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import keyring.errors
import pytest
from PySide6.QtCore import QSettings, Qt, QThreadPool
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from inflow_desk.emulator import Fault, InflowEmulator
from inflow_desk.storage.keystore import KeyringKeyStore, KeyStore, MemoryKeyStore
from inflow_desk.storage.profiles import Environment, Profile
from inflow_desk.ui.accounts.controller import AccountController
from inflow_desk.ui.accounts.profiles_store import ProfilesStore
from inflow_desk.ui.accounts.settings_dialog import SettingsDialog, check_key_text
from tests.keyring_backends import InMemoryBackend

CHECK_PATH = "/api/payment"
LEFT = Qt.MouseButton.LeftButton


DictBackend = InMemoryBackend


class BrokenBackend(DictBackend):
    """Raises ``error`` from every call, as a locked or missing keychain does."""

    error: Exception = keyring.errors.KeyringLocked("locked")

    def get_password(self, service: str, username: str) -> str | None:
        raise self.error

    def set_password(self, service: str, username: str, password: str) -> None:
        raise self.error

    def delete_password(self, service: str, username: str) -> None:
        raise self.error


@pytest.fixture(autouse=True)
def _drain_workers() -> Iterator[None]:
    yield
    QThreadPool.globalInstance().waitForDone(5000)


@pytest.fixture
def qsettings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def open_dialog(qtbot: QtBot, qsettings: QSettings) -> Callable[..., SettingsDialog]:
    def factory(store: KeyStore, **kwargs: Any) -> SettingsDialog:
        controller = AccountController(store, ProfilesStore(qsettings), **kwargs)
        dialog = SettingsDialog(controller)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        wait_idle(qtbot, dialog)
        return dialog

    return factory


def wait_idle(qtbot: QtBot, dialog: SettingsDialog) -> None:
    qtbot.waitUntil(lambda: dialog.key_stored is not None or dialog.problem_frame.isVisible())


def run(qtbot: QtBot, dialog: SettingsDialog, what: str, button_name: str) -> None:
    """Click a button and wait until the operation ``what`` reported back."""
    button = dialog.findChild(type(dialog.save_button), button_name)
    assert button is not None and button.isEnabled(), button_name
    with qtbot.waitSignal(
        dialog.operationFinished, timeout=5000, check_params_cb=lambda done: done == what
    ):
        qtbot.mouseClick(button, LEFT)


def type_key(qtbot: QtBot, dialog: SettingsDialog, text: str) -> None:
    dialog.key_edit.clear()
    qtbot.keyClicks(dialog.key_edit, text)


def point_at(qtbot: QtBot, dialog: SettingsDialog, url: str) -> None:
    dialog.environment_combo.setCurrentIndex(dialog.environment_combo.findData("custom"))
    dialog.url_edit.clear()
    qtbot.keyClicks(dialog.url_edit, url)


def memory_store() -> MemoryKeyStore:
    return MemoryKeyStore()


def keyring_store() -> KeyringKeyStore:
    return KeyringKeyStore(backend=DictBackend())


STORES = pytest.mark.parametrize(
    "make_store", [memory_store, keyring_store], ids=["memory", "keyring"]
)


# ---------------------------------------------------------------------- test connection
def test_connection_success_and_401_against_the_emulator(
    qtbot: QtBot,
    open_dialog: Callable[..., SettingsDialog],
    emulator: InflowEmulator,
    api_key: str,
) -> None:
    store = MemoryKeyStore()
    dialog = open_dialog(store)
    point_at(qtbot, dialog, emulator.base_url)
    type_key(qtbot, dialog, api_key)
    run(qtbot, dialog, "test", "testConnectionButton")
    assert dialog.connection_status.text() == "Connected ✓"
    [request] = emulator.requests_to(CHECK_PATH, "GET")
    assert request.headers["x-inflow-api-key"] == api_key

    type_key(qtbot, dialog, "inflow_wrong_key")
    run(qtbot, dialog, "test", "testConnectionButton")
    assert "key rejected — wrong key or wrong environment" in dialog.connection_status.text()
    assert "inflow_wrong_key" not in dialog.connection_status.text()
    assert store.get("default") is None  # testing never saves

    # with the field empty, the stored key is tested
    type_key(qtbot, dialog, api_key)
    run(qtbot, dialog, "save", "saveKeyButton")
    assert dialog.key_edit.text() == ""
    emulator.clear_requests()
    run(qtbot, dialog, "test", "testConnectionButton")
    assert dialog.connection_status.text() == "Connected ✓"
    [request] = emulator.requests_to(CHECK_PATH, "GET")
    assert request.headers["x-inflow-api-key"] == api_key


def test_other_connection_failures_go_through_describe_error(
    qtbot: QtBot,
    open_dialog: Callable[..., SettingsDialog],
    emulator: InflowEmulator,
    api_key: str,
) -> None:
    dialog = open_dialog(MemoryKeyStore())
    point_at(qtbot, dialog, emulator.base_url)
    type_key(qtbot, dialog, api_key)
    emulator.inject(Fault("status", status=500, path_prefix=CHECK_PATH))
    run(qtbot, dialog, "test", "testConnectionButton")
    assert "Inflow had a problem on its side (HTTP 500)" in dialog.connection_status.text()

    emulator.stop()
    run(qtbot, dialog, "test", "testConnectionButton")
    assert "Couldn't reach Inflow" in dialog.connection_status.text()
    assert api_key not in dialog.connection_status.text()


@pytest.mark.parametrize("status", [404, 405])
def test_a_connection_check_that_cannot_run_is_no_alarm(
    qtbot: QtBot,
    open_dialog: Callable[..., SettingsDialog],
    emulator: InflowEmulator,
    api_key: str,
    status: int,
) -> None:
    dialog = open_dialog(MemoryKeyStore())
    point_at(qtbot, dialog, emulator.base_url)
    type_key(qtbot, dialog, api_key)
    emulator.inject(Fault("status", status=status, path_prefix=CHECK_PATH))
    run(qtbot, dialog, "test", "testConnectionButton")
    text = dialog.connection_status.text()
    assert text.startswith("Could not verify the key this way")
    assert "may not be enabled" not in text and "✗" not in text
    assert dialog.connection_status.styleSheet() == ""  # not the red of a failure


def test_the_api_url_override_is_what_gets_tested(
    qtbot: QtBot,
    open_dialog: Callable[..., SettingsDialog],
    emulator: InflowEmulator,
    api_key: str,
) -> None:
    dialog = open_dialog(MemoryKeyStore(), api_url_override=emulator.base_url)
    assert dialog.override_note.isVisible()
    assert emulator.base_url in dialog.override_note.text()
    type_key(qtbot, dialog, api_key)  # the profile itself says Production
    run(qtbot, dialog, "test", "testConnectionButton")
    assert dialog.connection_status.text() == "Connected ✓"


# ---------------------------------------------------------------------- environments
@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://api.example.com", "Use https:// — plain http is only allowed for this computer"),
        ("http://10.0.0.5:8080", "Use https:// — plain http is only allowed for this computer"),
        ("ftp://api.example.com", "Use an address starting with https://"),
        ("api.example.com", "Enter the full address, starting with https://"),
    ],
)
def test_custom_url_must_be_https_unless_loopback(
    qtbot: QtBot, open_dialog: Callable[..., SettingsDialog], url: str, message: str
) -> None:
    dialog = open_dialog(MemoryKeyStore())
    profiles = dialog._controller.profiles
    point_at(qtbot, dialog, url)
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert dialog.url_error.isVisible()
    assert dialog.url_error.text().startswith(message)
    assert profiles.get("default") == Profile("default", Environment.PRODUCTION)  # unchanged
    dialog.url_error.clear()
    qtbot.mouseClick(dialog.test_button, LEFT)  # refused before any request
    assert dialog.url_error.text().startswith(message)
    assert dialog.connection_status.text() == ""

    point_at(qtbot, dialog, "https://api.example.com/")
    assert not dialog.url_error.isVisible()  # typing clears the message
    with qtbot.waitSignal(dialog.operationFinished, timeout=5000):
        qtbot.mouseClick(dialog.save_button, LEFT)
    assert profiles.get("default") == Profile(
        "default", Environment.CUSTOM, "https://api.example.com"
    )
    point_at(qtbot, dialog, "http://localhost:8080")
    with qtbot.waitSignal(dialog.operationFinished, timeout=5000):
        qtbot.mouseClick(dialog.save_button, LEFT)
    stored = profiles.get("default")
    assert stored is not None and stored.base_url == "http://localhost:8080"


def test_presets_show_their_fixed_address(
    qtbot: QtBot, open_dialog: Callable[..., SettingsDialog]
) -> None:
    dialog = open_dialog(MemoryKeyStore())
    combo = dialog.environment_combo
    assert combo.currentData() == "production"
    assert dialog.url_edit.text() == "https://api.inflowpay.xyz"
    assert dialog.url_edit.isReadOnly()
    combo.setCurrentIndex(combo.findData("sandbox"))
    assert dialog.url_edit.text() == "https://sandbox.api.inflowpay.com"
    point_at(qtbot, dialog, "https://eu.example.com")
    combo.setCurrentIndex(combo.findData("production"))
    combo.setCurrentIndex(combo.findData("custom"))
    assert dialog.url_edit.text() == "https://eu.example.com"  # what was typed comes back
    assert not dialog.url_edit.isReadOnly()


# ---------------------------------------------------------------------- save, delete, reveal
class HeldReads(MemoryKeyStore):
    """Answers ``get`` with the key as it was when asked, but only once ``release`` is set: a
    keychain that takes its time, so a key check can finish after a later save or delete."""

    def __init__(self) -> None:
        super().__init__()
        self.hold = False
        self.release = threading.Event()

    def get(self, profile: str) -> str | None:
        value = super().get(profile)
        if self.hold:
            assert self.release.wait(10)
        return value


def _pool_idle(qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: QThreadPool.globalInstance().activeThreadCount() == 0, timeout=5000)
    qtbot.wait(50)  # the answers' queued deliveries


class CountedReads(MemoryKeyStore):
    def __init__(self) -> None:
        super().__init__()
        self.reads = 0

    def get(self, profile: str) -> str | None:
        self.reads += 1
        return super().get(profile)


def test_showing_a_profile_reads_the_keychain_once(
    qtbot: QtBot, open_dialog: Callable[..., SettingsDialog], api_key: str
) -> None:
    """Each read may make a locked keychain ask for its password: one per profile shown."""
    store = CountedReads()
    dialog = open_dialog(store)
    _pool_idle(qtbot)
    assert store.reads == 1
    type_key(qtbot, dialog, api_key)
    run(qtbot, dialog, "save", "saveKeyButton")
    _pool_idle(qtbot)
    assert store.reads == 2  # the form reloaded after saving: one more check
    dialog.select_profile("default")
    _pool_idle(qtbot)
    assert store.reads == 3


def test_a_key_check_that_answers_after_the_save_is_ignored(
    qtbot: QtBot, open_dialog: Callable[..., SettingsDialog], api_key: str
) -> None:
    """Saving reloads the form, which checks the keychain again. With a slow keychain that
    check can answer after the save did — with what was stored before the save, "no key"."""
    store = HeldReads()
    dialog = open_dialog(store)
    pool = QThreadPool.globalInstance()
    threads = pool.maxThreadCount()
    pool.setMaxThreadCount(threads + 4)  # room for the save next to the held checks
    try:
        store.hold = True
        type_key(qtbot, dialog, api_key)
        run(qtbot, dialog, "save", "saveKeyButton")  # its check still waits in the keychain
        assert dialog.key_stored is True
        store.release.set()
        _pool_idle(qtbot)
    finally:
        store.release.set()
        pool.setMaxThreadCount(threads)
    assert store.get("default") == api_key
    assert dialog.key_stored is True
    assert dialog.delete_key_button.isEnabled()
    assert dialog.key_status.text().startswith("A key is stored")


@STORES
def test_save_reveal_and_delete_a_key(
    qtbot: QtBot, open_dialog: Callable[..., SettingsDialog], make_store: Callable[[], KeyStore]
) -> None:
    store = make_store()
    store.set("default", "inflow_old_key_123")
    dialog = open_dialog(store)
    # the stored key is not put into the field unless asked for
    assert dialog.key_edit.text() == ""
    assert dialog.key_edit.echoMode() == QLineEdit.EchoMode.Password
    assert dialog.key_stored is True
    assert "A key is stored" in dialog.key_status.text()
    assert store.backend_name in dialog.backend_label.text()

    run(qtbot, dialog, "reveal", "showKeyButton")
    assert dialog.key_edit.text() == "inflow_old_key_123"
    assert dialog.key_edit.echoMode() == QLineEdit.EchoMode.Normal
    qtbot.mouseClick(dialog.show_key_button, LEFT)  # hide again: the revealed key goes away
    assert dialog.key_edit.text() == ""
    assert dialog.key_edit.echoMode() == QLineEdit.EchoMode.Password

    dialog.key_edit.setText("  inflow_new_key_456 ")  # pasted with spaces around
    run(qtbot, dialog, "save", "saveKeyButton")
    assert store.get("default") == "inflow_new_key_456"
    assert dialog.key_edit.text() == ""
    assert "Key saved" in dialog.connection_status.text()
    if isinstance(store, KeyringKeyStore):
        backend = store._backend
        assert isinstance(backend, DictBackend)
        assert backend.passwords == {("inflow-desk", "default"): "inflow_new_key_456"}

    # Show with a typed key only unmasks what is typed (no store read)
    type_key(qtbot, dialog, "inflow_typed")
    qtbot.mouseClick(dialog.show_key_button, LEFT)
    assert dialog.key_edit.text() == "inflow_typed"
    qtbot.mouseClick(dialog.show_key_button, LEFT)
    assert dialog.key_edit.text() == "inflow_typed"  # typed text is the agent's, not cleared
    dialog.key_edit.clear()

    dialog.confirm = lambda title, text: False
    qtbot.mouseClick(dialog.delete_key_button, LEFT)
    assert store.get("default") == "inflow_new_key_456"
    dialog.confirm = lambda title, text: True
    run(qtbot, dialog, "delete", "deleteKeyButton")
    assert store.get("default") is None
    assert "No key stored" in dialog.key_status.text()
    assert not dialog.delete_key_button.isEnabled()

    run(qtbot, dialog, "reveal", "showKeyButton")  # nothing to reveal
    assert dialog.key_edit.text() == ""
    assert "No key stored" in dialog.key_status.text()


def test_closing_the_dialog_forgets_the_field(
    qtbot: QtBot, open_dialog: Callable[..., SettingsDialog]
) -> None:
    store = MemoryKeyStore()
    store.set("default", "inflow_secret_1")
    dialog = open_dialog(store)
    run(qtbot, dialog, "reveal", "showKeyButton")
    assert dialog.key_edit.text() == "inflow_secret_1"
    dialog.close()
    assert dialog.key_edit.text() == ""
    assert not dialog.show_key_button.isChecked()


def test_prefix_warning_is_soft_and_unsendable_keys_are_refused(
    qtbot: QtBot, open_dialog: Callable[..., SettingsDialog]
) -> None:
    store = MemoryKeyStore()
    dialog = open_dialog(store)
    type_key(qtbot, dialog, "sk_live_abc123")
    assert dialog.key_warning.isVisible()
    assert "inflow_" in dialog.key_warning.text()
    run(qtbot, dialog, "save", "saveKeyButton")
    assert store.get("default") == "sk_live_abc123"  # saved all the same

    type_key(qtbot, dialog, "inflow_abc")
    assert not dialog.key_warning.isVisible()

    type_key(qtbot, dialog, "inflow_abc def")
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert dialog.key_error.isVisible()
    assert "spaces" in dialog.key_error.text()
    assert "inflow_abc" not in dialog.key_error.text()
    assert store.get("default") == "sk_live_abc123"


@pytest.mark.parametrize("text", ["", "   ", "inflow_a\tb", "inflow_é"])
def test_check_key_text_refuses_what_cannot_be_a_header(text: str) -> None:
    key, problem = check_key_text(text)
    assert key is None and problem
    assert check_key_text(" inflow_ok \n") == ("inflow_ok", None)


# ---------------------------------------------------------------------- profiles
@STORES
def test_add_and_remove_profiles(
    qtbot: QtBot, open_dialog: Callable[..., SettingsDialog], make_store: Callable[[], KeyStore]
) -> None:
    store = make_store()
    dialog = open_dialog(store)
    profiles = dialog._controller.profiles
    qtbot.mouseClick(dialog.add_profile_button, LEFT)
    assert dialog.name_edit.text() == "" and not dialog.name_edit.isReadOnly()
    qtbot.keyClicks(dialog.name_edit, "default")
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert dialog.name_error.text() == "A profile with this name already exists"

    dialog.name_edit.clear()
    qtbot.keyClicks(dialog.name_edit, "Acme/EU")
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert "Use only letters" in dialog.name_error.text()

    dialog.name_edit.clear()
    qtbot.keyClicks(dialog.name_edit, "Acme EU")
    dialog.environment_combo.setCurrentIndex(dialog.environment_combo.findData("sandbox"))
    type_key(qtbot, dialog, "inflow_acme_key")
    run(qtbot, dialog, "save", "saveKeyButton")
    assert profiles.get("Acme EU") == Profile("Acme EU", Environment.SANDBOX)
    assert store.get("Acme EU") == "inflow_acme_key"
    assert dialog.name_edit.isReadOnly()  # an existing profile keeps its name (its keychain entry)
    items = [dialog.profile_list.item(i).text() for i in range(dialog.profile_list.count())]
    assert items == ["default · Production", "Acme EU · Sandbox"]

    dialog.confirm = lambda title, text: True
    run(qtbot, dialog, "remove", "removeProfileButton")
    assert profiles.get("Acme EU") is None
    assert store.get("Acme EU") is None
    assert dialog.profile_list.count() == 1


# ---------------------------------------------------------------------- keychain trouble
@pytest.mark.parametrize(
    ("error", "offers_memory", "expected"),
    [
        (keyring.errors.KeyringLocked("locked"), True, "The system keychain is locked"),
        (keyring.errors.NoKeyringError("none"), True, "No system keychain is available"),
        (keyring.errors.InitError("init"), True, "No system keychain is available"),
        (keyring.errors.PasswordSetError("boom"), False, "could not be saved"),
    ],
    ids=["locked", "no-keyring", "init-error", "set-error"],
)
def test_keychain_errors_explain_and_offer_memory_for_this_run(
    qtbot: QtBot,
    open_dialog: Callable[..., SettingsDialog],
    error: Exception,
    offers_memory: bool,
    expected: str,
) -> None:
    backend = type("Broken", (BrokenBackend,), {"error": error})()
    # reading works (nothing stored), only the failing call raises: set for PasswordSetError
    if isinstance(error, keyring.errors.PasswordSetError):
        backend.get_password = lambda service, username: None
    store = KeyringKeyStore(backend=backend)
    dialog = open_dialog(store)
    type_key(qtbot, dialog, "inflow_run_only_key")
    run(qtbot, dialog, "save", "saveKeyButton")
    assert dialog.problem_frame.isVisible()
    assert expected in dialog.problem_label.text()
    assert "inflow_run_only_key" not in dialog.problem_label.text()
    assert dialog.memory_button.isVisible() == offers_memory
    if not offers_memory:
        return

    controller = dialog._controller
    with qtbot.waitSignal(
        dialog.operationFinished, timeout=5000, check_params_cb=lambda done: done == "save"
    ):
        qtbot.mouseClick(dialog.memory_button, LEFT)
    assert isinstance(controller.keystore, MemoryKeyStore)
    assert controller.keystore.get("default") == "inflow_run_only_key"
    assert not dialog.problem_frame.isVisible()
    assert "memory (this run only)" in dialog.backend_label.text()
    assert dialog.key_edit.text() == ""
