"""The window's account carries the profile's own checkout hosts (stored in QSettings)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QThreadPool
from pytestqt.qtbot import QtBot

from inflow_desk.storage.keystore import MemoryKeyStore
from inflow_desk.storage.profiles import Environment, Profile
from inflow_desk.ui.accounts.controller import AccountController, default_client_factory
from inflow_desk.ui.accounts.profiles_store import ProfilesStore
from inflow_desk.ui.accounts.settings_dialog import SettingsDialog


def test_the_account_trusts_the_hosts_stored_with_its_profile(tmp_path: Path) -> None:
    qsettings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    ProfilesStore(qsettings).add(
        Profile(
            "Staging", Environment.CUSTOM, "https://api.staging.example", ("pay.staging.example",)
        )
    )
    qsettings.sync()
    reread = ProfilesStore(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    profile = reread.get("Staging")
    assert profile is not None
    controller = AccountController(
        MemoryKeyStore(),
        reread,
        api_url_override=None,
        demo_starter=None,
        demo_key="demo",
        client_factory=default_client_factory,
    )
    assert controller.account_for(profile).checkout_hosts == ("pay.staging.example",)


def test_editing_a_profile_in_settings_keeps_its_checkout_hosts(
    qtbot: QtBot, tmp_path: Path
) -> None:
    qsettings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    profiles = ProfilesStore(qsettings)
    profiles.update(Profile("default", Environment.SANDBOX, None, ("pay.sandbox.example",)))
    dialog = SettingsDialog(AccountController(MemoryKeyStore(), profiles))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.key_stored is not None or dialog.problem_frame.isVisible())
    dialog.environment_combo.setCurrentIndex(dialog.environment_combo.findData("custom"))
    dialog.url_edit.clear()
    qtbot.keyClicks(dialog.url_edit, "https://api.example.com")
    with qtbot.waitSignal(dialog.operationFinished, timeout=5000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert profiles.get("default") == Profile(
        "default", Environment.CUSTOM, "https://api.example.com", ("pay.sandbox.example",)
    )
    QThreadPool.globalInstance().waitForDone(5000)
