"""A damaged settings file never turns a profile into Production (issue 13, item 7).

Each test writes a real INI file — a typo'd environment, a file QSettings cannot parse, a
profile list that is not a list — and builds the desk on it as ``main`` does
(``app.build_desk``). The profile then *needs attention*: the window says so, no client is
built, creating a link is refused with a clear message, and the damaged file is first copied
aside as ``<file>.damaged-YYYYMMDD-HHMM``, byte for byte.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QThreadPool
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from inflow_desk import app as desk_app
from inflow_desk.emulator import InflowEmulator
from inflow_desk.storage.keystore import MemoryKeyStore
from inflow_desk.storage.profiles import Environment, Profile
from inflow_desk.ui.accounts.controller import NoApiKeyError
from inflow_desk.ui.accounts.profiles_store import PROFILES_KEY, ProfilesStore
from inflow_desk.ui.accounts.settings_dialog import SettingsDialog
from tests.ui.conftest import find

KEY = "inflow_damagedsettings_key_0123456789"
TYPO = "needs attention: environment 'prodution' is not known — open Settings"
ONE_TIME_PATH = "/api/checkout/sessions/one-time-payment"
ONE_TIME_BODY = {"currency": "EUR", "products": [{"name": "Kit", "price": 2500, "quantity": 1}]}


@pytest.fixture(autouse=True)
def _drain_workers() -> Iterator[None]:
    yield
    QThreadPool.globalInstance().waitForDone(5000)


class RecordingFactory:
    """The client factory: records every client asked for (there must be none for a profile
    that needs attention); builds real clients for loopback only."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    def __call__(self, api_key: str, base_url: str) -> Any:
        from inflow_desk.api.client import InflowClient

        self.calls.append(base_url)
        return InflowClient(api_key, base_url=base_url)


def write_settings(path: Path, profiles: list[dict[str, str]], current: str) -> None:
    """Settings as the app writes them (QSettings, INI), then closed."""
    settings = QSettings(str(path), QSettings.Format.IniFormat)
    settings.setValue(PROFILES_KEY, json.dumps(profiles))
    settings.setValue("accounts/current", current)
    settings.sync()
    del settings


def build(
    qtbot: QtBot,
    path: Path,
    *args: str,
    store: MemoryKeyStore | None = None,
    key: str = KEY,
) -> tuple[desk_app.Desk, RecordingFactory]:
    if store is None:
        store = MemoryKeyStore()
        store.set("Acme", key)
    factory = RecordingFactory()
    desk = desk_app.build_desk(
        desk_app.parse_args(list(args)),
        qsettings=QSettings(str(path), QSettings.Format.IniFormat),
        keystore=store,
        history_file=path.parent / "history.sqlite3",
        client_factory=factory,
    )
    qtbot.addWidget(desk.window)
    desk.window.show()
    qtbot.waitExposed(desk.window)
    return desk, factory


def damaged_copies(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{path.name}.damaged-*"))


def assert_kept_aside(path: Path, original: bytes) -> Path:
    [copy] = damaged_copies(path)
    assert re.fullmatch(re.escape(path.name) + r"\.damaged-\d{8}-\d{4}", copy.name), copy.name
    assert copy.read_bytes() == original
    return copy


def assert_nothing_can_be_sent(qtbot: QtBot, desk: desk_app.Desk, factory: RecordingFactory) -> str:
    """The window refuses to create: the message is on screen; no client was ever built."""
    window = desk.window
    assert not window.create_button.isVisible()
    gateway = desk.controller.gateway
    assert gateway is not None
    with pytest.raises(NoApiKeyError, match="Nothing is sent"):
        gateway.create_one_time_session(None)  # type: ignore[arg-type]  # never looked at
    # Even driven directly (Ctrl+Enter reaches the window), the create is refused in words.
    assert window.load_request("one_time", ONE_TIME_BODY)
    with qtbot.waitSignal(window.requestFinished, timeout=5000):
        window.create_session()
    error = window.error_label.text()
    assert "needs attention" in error and "Nothing is sent" in error
    assert "unexpected" not in error.lower()
    assert factory.calls == []
    badge = find(window, QLabel, "environmentBadge")
    assert badge.text() == "NEEDS ATTENTION"
    assert "PRODUCTION" not in window.windowTitle()
    return error


def test_a_typo_in_the_environment_is_shown_and_nothing_is_sent_until_fixed(
    qtbot: QtBot, tmp_path: Path, emulator: InflowEmulator, api_key: str
) -> None:
    path = tmp_path / "settings.ini"
    write_settings(path, [{"name": "Acme", "environment": "production", "custom_url": ""}], "Acme")
    path.write_bytes(path.read_bytes().replace(b"production", b"prodution"))  # the typo
    original = path.read_bytes()

    desk, factory = build(qtbot, path, key=api_key)
    try:
        controller = desk.controller
        profile = controller.current_profile
        assert profile is not None and profile.name == "Acme" and profile.needs_attention
        assert controller.showing_first_run()
        assert find(desk.window, QLabel, "firstRunTitle").text() == "This profile needs attention"
        message = find(desk.window, QLabel, "firstRunMessage").text()
        assert f"The profile “Acme” {TYPO}" in message
        assert "Nothing is sent" in message
        combo = find(desk.window, QComboBox, "profileCombo")
        assert combo.currentText() == f"Acme · {TYPO}"
        copy = assert_kept_aside(path, original)
        damaged = find(desk.window, QLabel, "settingsDamagedLabel")
        assert damaged.isVisible()
        assert str(copy) in damaged.toolTip()
        assert_nothing_can_be_sent(qtbot, desk, factory)

        # "Open Settings…" — the agent picks the environment (here the emulator) and saves.
        qtbot.mouseClick(find(desk.window, QPushButton, "enterKeyButton"), _left())
        dialog = controller.settings_dialog
        assert isinstance(dialog, SettingsDialog) and dialog.isVisible()
        assert "Needs attention: environment 'prodution' is not known" in dialog.url_error.text()
        assert dialog.environment() is not Environment.PRODUCTION  # never preselected
        dialog.environment_combo.setCurrentIndex(dialog.environment_combo.findData("custom"))
        dialog.url_edit.clear()
        qtbot.keyClicks(dialog.url_edit, emulator.base_url)
        with qtbot.waitSignal(controller.stateChanged, timeout=5000):
            qtbot.mouseClick(dialog.save_button, _left())
        dialog.close()

        fixed = controller.current_profile
        assert fixed is not None and not fixed.needs_attention
        assert fixed.environment is Environment.CUSTOM
        assert not controller.showing_first_run()
        with qtbot.waitSignal(desk.window.sessionCreated, timeout=5000):
            assert desk.window.load_request("one_time", ONE_TIME_BODY)
            desk.window.create_session()
        assert len(emulator.requests_to(ONE_TIME_PATH)) == 1
        assert factory.calls == [emulator.base_url]
        assert damaged_copies(path) == [copy]  # one copy, left as it was
        assert copy.read_bytes() == original
    finally:
        desk.close()


@pytest.mark.parametrize(
    ("original", "name", "problem"),
    [
        (  # an unclosed section: Qt salvages the values, but says the format is broken
            b'[accounts\nprofiles="[{\\"name\\": \\"Acme\\", \\"environment\\": '
            b'\\"sandbox\\"}]"\ncurrent=Acme\n',
            "Acme",
            "the settings file could not be read completely",
        ),
        (  # a line that is no key=value: nothing is read at all
            b"[accounts]\nthis line is not a setting\nprofiles=[]\n",
            "default",
            "the settings file could not be read",
        ),
    ],
    ids=["salvaged", "nothing read"],
)
def test_a_settings_file_qsettings_cannot_parse_is_kept_and_said(
    qtbot: QtBot, tmp_path: Path, original: bytes, name: str, problem: str
) -> None:
    path = tmp_path / "settings.ini"
    path.write_bytes(original)  # (no probe here: Qt caches a parsed file, status included)

    desk, factory = build(qtbot, path)
    try:
        profile = desk.controller.current_profile
        assert profile is not None and profile.name == name and profile.needs_attention
        assert profile.problem == problem
        assert desk.controller.showing_first_run()
        message = find(desk.window, QLabel, "firstRunMessage").text()
        assert f"needs attention: {problem} — open Settings" in message
        copy = assert_kept_aside(path, original)
        notice = find(desk.window, QLabel, "firstRunProblemLabel")
        assert notice.isVisible() and str(copy) in notice.text()
        assert_nothing_can_be_sent(qtbot, desk, factory)
    finally:
        desk.close()
    # Qt rewrites the file cleanly at its next save; what it salvaged stays untrusted there.
    desk.settings.save_window_state(desk.window.saveState())
    desk.settings.sync()
    assert b"needs_attention" in path.read_bytes()
    again = ProfilesStore(QSettings(str(path), QSettings.Format.IniFormat))
    assert again.current().name == name
    assert again.current().problem == problem
    assert again.damaged_copy is None  # nothing new to keep: the file parses now
    assert damaged_copies(path) == [copy]


@pytest.mark.parametrize(
    "stored",
    [
        json.dumps({"name": "Acme", "environment": "sandbox"}),  # an object, not a list
        "{not json",
        json.dumps(7),
    ],
    ids=["object", "not json", "number"],
)
def test_a_profile_list_that_is_not_a_list_is_kept_and_said(
    qtbot: QtBot, tmp_path: Path, stored: str
) -> None:
    path = tmp_path / "settings.ini"
    settings = QSettings(str(path), QSettings.Format.IniFormat)
    settings.setValue(PROFILES_KEY, stored)
    settings.setValue("accounts/current", "Acme")
    settings.sync()
    del settings
    original = path.read_bytes()

    desk, factory = build(qtbot, path)
    try:
        profile = desk.controller.current_profile
        assert profile == Profile(
            "Acme",
            Environment.CUSTOM,
            problem="the list of profiles in the settings could not be read",
        )
        assert desk.controller.showing_first_run()
        assert "the list of profiles in the settings could not be read" in (
            find(desk.window, QLabel, "firstRunMessage").text()
        )
        assert_kept_aside(path, original)
        assert_nothing_can_be_sent(qtbot, desk, factory)
    finally:
        desk.close()


def test_profile_on_the_command_line_is_not_created_on_production_while_the_list_is_unreadable(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "settings.ini"
    settings = QSettings(str(path), QSettings.Format.IniFormat)
    settings.setValue(PROFILES_KEY, "{not json")
    settings.sync()
    del settings

    desk, factory = build(qtbot, path, "--profile", "Shop")
    try:
        profile = desk.controller.current_profile
        assert profile is not None and profile.name == "Shop" and profile.needs_attention
        assert_nothing_can_be_sent(qtbot, desk, factory)
        reread = QSettings(str(path), QSettings.Format.IniFormat)
        assert reread.value(PROFILES_KEY) == "{not json"  # not replaced by Shop on Production
    finally:
        desk.close()


def test_a_damaged_profile_next_to_good_ones_is_written_back_unchanged(
    qtbot: QtBot, tmp_path: Path, emulator: InflowEmulator, api_key: str
) -> None:
    path = tmp_path / "settings.ini"
    write_settings(
        path,
        [
            {"name": "Shop", "environment": "custom", "custom_url": emulator.base_url},
            {"name": "Acme", "environment": "prodution", "custom_url": ""},
        ],
        "Shop",
    )
    store = MemoryKeyStore()
    store.set("Shop", api_key)
    desk, factory = build(qtbot, path, store=store)
    try:
        controller = desk.controller
        assert controller.current_profile is not None
        assert controller.current_profile.name == "Shop"
        assert not controller.showing_first_run()  # the good profile works as before
        combo = find(desk.window, QComboBox, "profileCombo")
        assert f"Acme · {TYPO}" in [combo.itemText(i) for i in range(combo.count())]
        assert find(desk.window, QLabel, "settingsDamagedLabel").isVisible()
        assert len(damaged_copies(path)) == 1

        controller.profiles.add(Profile("New", Environment.SANDBOX))
        stored = json.loads(
            str(QSettings(str(path), QSettings.Format.IniFormat).value(PROFILES_KEY))
        )
        assert {"name": "Acme", "environment": "prodution", "custom_url": ""} in stored

        with qtbot.waitSignal(controller.stateChanged, timeout=5000):
            assert controller.switch_to_profile("Acme")
        assert controller.showing_first_run()
        assert find(desk.window, QLabel, "environmentBadge").text() == "NEEDS ATTENTION"
        assert factory.calls == [emulator.base_url]  # Shop's client only
    finally:
        desk.close()


def test_a_fresh_start_is_still_default_on_production_without_notice(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "settings.ini"
    desk, _ = build(qtbot, path, store=MemoryKeyStore())
    try:
        profile = desk.controller.current_profile
        assert profile == Profile("default", Environment.PRODUCTION)
        assert desk.window.findChild(QLabel, "settingsDamagedLabel") is None
        assert damaged_copies(path) == []
    finally:
        desk.close()


def test_a_copy_is_made_once_per_damage_and_never_replaces_an_earlier_one(
    tmp_path: Path,
) -> None:
    from datetime import datetime

    path = tmp_path / "settings.ini"
    write_settings(path, [{"name": "Acme", "environment": "prodution", "custom_url": ""}], "Acme")
    moment = datetime(2026, 12, 2, 15, 30)
    first = ProfilesStore(QSettings(str(path), QSettings.Format.IniFormat), clock=lambda: moment)
    assert first.damaged_copy == tmp_path / "settings.ini.damaged-20261202-1530"
    # The next start finds the same damage: it is already kept, no second copy.
    second = ProfilesStore(QSettings(str(path), QSettings.Format.IniFormat), clock=lambda: moment)
    assert second.damaged_copy == first.damaged_copy
    # Other damage in the same minute: a second copy beside the first, which stays as it was.
    kept = first.damaged_copy.read_bytes()
    write_settings(path, [{"name": "Acme", "environment": "sandbx", "custom_url": ""}], "Acme")
    third = ProfilesStore(QSettings(str(path), QSettings.Format.IniFormat), clock=lambda: moment)
    assert third.damaged_copy == tmp_path / "settings.ini.damaged-20261202-1530-2"
    assert first.damaged_copy.read_bytes() == kept
    assert b"sandbx" in third.damaged_copy.read_bytes()


def _left() -> Any:
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton
