"""What the organisation's policy fixes, the agent cannot change (issue 18 item 1): the policy's
profiles take precedence over the agent's own settings; adding/removing profiles and custom
addresses can be forbidden — Settings disables those controls and shows "Managed by your
organisation", and the profile store refuses the change anyway. The form offers only the
allowed currencies and starts with the policy's expiry."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QLabel, QTableView
from pytestqt.qtbot import QtBot

from inflow_desk import app as desk_app
from inflow_desk.emulator import InflowEmulator
from inflow_desk.storage.keystore import MemoryKeyStore
from inflow_desk.storage.policy import Policy, load_policy
from inflow_desk.storage.profiles import Environment, Profile
from inflow_desk.ui.accounts.profiles_store import ManagedByPolicy, ProfilesStore
from inflow_desk.ui.accounts.settings_dialog import SettingsDialog
from tests.ui.conftest import find, press, type_text

POLICY = """\
lock_profiles = {lock}
forbid_custom_urls = true
default_expiry_hours = 2.5
allowed_currencies = ["USD"]

[[profiles]]
name = "Acme EU"
environment = "sandbox"
"""


def policy(tmp_path: Path, *, lock: bool = True) -> Policy:
    path = tmp_path / "policy.toml"
    path.write_text(POLICY.format(lock=str(lock).lower()), encoding="utf-8")
    loaded = load_policy(path)
    assert loaded is not None
    return loaded


def settings_with_own_profiles(tmp_path: Path) -> QSettings:
    """The agent's own settings from before the policy: one with the policy's name."""
    qsettings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    own = ProfilesStore(qsettings)
    own.add(Profile("acme eu", Environment.PRODUCTION))
    own.add(Profile("Mine", Environment.SANDBOX))
    own.add(Profile("Lab", Environment.CUSTOM, "https://lab.example.com"))
    own.set_current("acme eu")
    return qsettings


def test_the_policy_profiles_take_precedence_and_a_lock_hides_the_agents_own(
    tmp_path: Path,
) -> None:
    qsettings = settings_with_own_profiles(tmp_path)
    locked = ProfilesStore(qsettings, policy=policy(tmp_path, lock=True))
    assert locked.profiles() == [Profile("Acme EU", Environment.SANDBOX)]
    assert locked.current().environment is Environment.SANDBOX  # not the agent's Production

    unlocked = ProfilesStore(qsettings, policy=policy(tmp_path, lock=False))
    names = [(p.name, p.environment, p.needs_attention) for p in unlocked.profiles()]
    assert names[0] == ("Acme EU", Environment.SANDBOX, False)  # the agent's "acme eu" hidden
    assert ("Mine", Environment.SANDBOX, False) in names
    lab = unlocked.get("Lab")
    assert lab is not None and lab.needs_attention  # custom addresses are forbidden
    assert "custom address" in (lab.problem or "")


def test_the_store_refuses_what_the_policy_fixes(tmp_path: Path) -> None:
    qsettings = settings_with_own_profiles(tmp_path)
    locked = ProfilesStore(qsettings, policy=policy(tmp_path, lock=True))
    with pytest.raises(ManagedByPolicy, match="adding profiles"):
        locked.add(Profile("New", Environment.PRODUCTION))
    with pytest.raises(ManagedByPolicy, match="removing"):
        locked.delete("Acme EU")
    with pytest.raises(ManagedByPolicy, match="managed by your organisation"):
        locked.update(Profile("Acme EU", Environment.PRODUCTION))

    unlocked = ProfilesStore(qsettings, policy=policy(tmp_path, lock=False))
    with pytest.raises(ManagedByPolicy, match="custom API addresses"):
        unlocked.add(Profile("Other", Environment.CUSTOM, "https://x.example.com"))
    with pytest.raises(ManagedByPolicy, match="removing"):
        unlocked.delete("ACME EU")
    with pytest.raises(ManagedByPolicy, match="managed by your organisation"):
        unlocked.add(Profile("acme eu", Environment.PRODUCTION))  # the policy's name
    with pytest.raises(ValueError, match="already exists"):
        unlocked.add(Profile("mine", Environment.PRODUCTION))
    unlocked.add(Profile("Other", Environment.PRODUCTION))  # allowed: not locked
    unlocked.update(Profile("Lab", Environment.SANDBOX))  # fixing the forbidden one is fine
    unlocked.delete("Mine")
    # ("default": the agent's store had it since its first profile was added, before the policy)
    assert [p.name for p in unlocked.profiles()] == ["Acme EU", "default", "Lab", "Other"]
    # The policy's profile was never written into the agent's settings.
    assert "Acme EU" not in str(qsettings.value("accounts/profiles"))


def test_a_fresh_agent_adding_a_profile_next_to_the_policys_gets_no_default(
    tmp_path: Path,
) -> None:
    qsettings = QSettings(str(tmp_path / "fresh.ini"), QSettings.Format.IniFormat)
    store = ProfilesStore(qsettings, policy=policy(tmp_path, lock=False))
    assert [p.name for p in store.profiles()] == ["Acme EU"]
    store.add(Profile("Mine", Environment.PRODUCTION))
    assert [p.name for p in store.profiles()] == ["Acme EU", "Mine"]


def build(tmp_path: Path, loaded: Policy, *args: str) -> desk_app.Desk:
    return desk_app.build_desk(
        desk_app.parse_args(list(args)),
        qsettings=settings_with_own_profiles(tmp_path),
        keystore=MemoryKeyStore(),
        history_file=tmp_path / "history.sqlite3",
        policy=loaded,
    )


def test_settings_show_what_the_policy_fixes_and_disable_it(qtbot: QtBot, tmp_path: Path) -> None:
    desk = build(tmp_path, policy(tmp_path, lock=True))
    try:
        qtbot.addWidget(desk.window)
        assert desk.controller.current_profile_name == "Acme EU"  # the right account at start
        dialog = SettingsDialog(desk.controller)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.select_profile("Acme EU")
        managed = find(dialog, QLabel, "managedLabel")
        assert managed.isVisible() and managed.text() == "Managed by your organisation"
        assert not dialog.environment_combo.isEnabled()
        assert dialog.url_edit.isReadOnly()
        assert not dialog.add_profile_button.isEnabled()
        assert not dialog.remove_profile_button.isEnabled()
        assert dialog.environment_combo.findData(Environment.CUSTOM.value) == -1
        assert dialog.key_edit.isEnabled()  # the key is the agent's own
    finally:
        desk.close()


def test_settings_let_the_agent_edit_own_profiles_when_not_locked(
    qtbot: QtBot, tmp_path: Path
) -> None:
    desk = build(tmp_path, policy(tmp_path, lock=False))
    try:
        qtbot.addWidget(desk.window)
        dialog = SettingsDialog(desk.controller)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.select_profile("Mine")
        assert not find(dialog, QLabel, "managedLabel").isVisible()
        assert dialog.environment_combo.isEnabled()
        assert dialog.add_profile_button.isEnabled()
        qtbot.waitUntil(dialog.remove_profile_button.isEnabled)
        dialog.select_profile("Acme EU")
        assert not dialog.remove_profile_button.isEnabled()
    finally:
        desk.close()


def test_the_form_offers_only_the_allowed_currencies_and_the_policy_expiry(
    qtbot: QtBot, tmp_path: Path, emulator: InflowEmulator
) -> None:
    desk = build(tmp_path, policy(tmp_path), "--demo")
    try:
        window = desk.window
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        combo = find(window, QComboBox, "currencyCombo")
        assert [combo.itemData(i) for i in range(combo.count())] == ["USD"]
        assert not combo.isEnabled()
        spin = find(window, QDoubleSpinBox, "expiresInSpin")
        assert spin.value() == 2.5
        spin.setValue(24)
        window.new_link()  # the next caller starts from the policy's expiry again
        assert spin.value() == 2.5
    finally:
        desk.close()


def test_a_currency_the_policy_does_not_allow_is_refused_before_sending(
    qtbot: QtBot, tmp_path: Path, emulator: InflowEmulator, api_key: str
) -> None:
    """An old draft in EUR, restored into a form that only offers USD, is not sent."""
    keys = MemoryKeyStore()
    keys.set("Acme EU", api_key)
    desk = desk_app.build_desk(
        desk_app.parse_args(["--api-url", emulator.base_url]),
        qsettings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
        keystore=keys,
        history_file=tmp_path / "history.sqlite3",
        policy=policy(tmp_path),
    )
    try:
        window = desk.window
        qtbot.addWidget(window)
        window.show()
        window.activateWindow()
        qtbot.waitExposed(window)
        qtbot.waitUntil(window.isActiveWindow)
        window.restore_form(
            {"mode": "one_time", "modes": {"one_time": {"currency": "EUR", "lines": []}}}
        )
        table = find(window, QTableView, "lineItemsTable")
        table.setFocus()
        table.setCurrentIndex(table.model().index(0, 0))
        type_text(qtbot, "Kit")
        press(qtbot, Qt.Key.Key_Tab)
        type_text(qtbot, "10")
        press(qtbot, Qt.Key.Key_Tab)
        window.create_session()
        error = find(window, QLabel, "errorLabel")
        assert "Nothing was sent: your organisation does not allow links in EUR" in error.text()
        qtbot.wait(100)
        assert emulator.requests == []
    finally:
        desk.close()
