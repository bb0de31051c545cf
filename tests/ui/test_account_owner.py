"""The AccountController is the one owner of account changes: the settings dialog reads through
it and changes profiles and keys only through its operations; the controller does not import
the dialog (it is built by the factory the application passes in)."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import grimp
import pytest
from PySide6.QtCore import QSettings, QThreadPool
from pytestqt.qtbot import QtBot

import inflow_desk.ui.accounts.settings_dialog as settings_dialog_module
from inflow_desk.storage.keystore import MemoryKeyStore
from inflow_desk.storage.profiles import Environment, Profile
from inflow_desk.ui.accounts.controller import AccountController
from inflow_desk.ui.accounts.profiles_store import ProfilesStore
from inflow_desk.ui.accounts.settings_dialog import SettingsDialog


@pytest.fixture(autouse=True)
def _drain_workers() -> object:
    yield
    QThreadPool.globalInstance().waitForDone(5000)


def make_controller(tmp_path: Path) -> AccountController:
    qsettings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    controller = AccountController(MemoryKeyStore(), ProfilesStore(qsettings))
    controller.initial_connection()
    return controller


def test_the_controller_does_not_import_the_dialog() -> None:
    graph = grimp.build_graph("inflow_desk")
    chain = graph.find_shortest_chain(
        importer="inflow_desk.ui.accounts.controller",
        imported="inflow_desk.ui.accounts.settings_dialog",
    )
    assert chain is None


def test_the_dialog_never_touches_the_controllers_stores() -> None:
    tree = ast.parse(inspect.getsource(settings_dialog_module))
    touched = [
        f"line {node.lineno}: .{node.attr}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and node.attr in {"profiles", "keystore"}
    ]
    assert touched == []


def test_opening_settings_uses_the_factory_passed_in(qtbot: QtBot, tmp_path: Path) -> None:
    built: list[SettingsDialog] = []

    def factory(controller: AccountController, parent: object) -> SettingsDialog:
        dialog = SettingsDialog(controller)
        qtbot.addWidget(dialog)
        built.append(dialog)
        return dialog

    qsettings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    controller = AccountController(
        MemoryKeyStore(), ProfilesStore(qsettings), settings_dialog=factory
    )
    controller.initial_connection()
    controller.open_settings()
    controller.open_settings()
    assert len(built) == 1 and controller.settings_dialog is built[0]
    assert built[0].isVisible()
    qtbot.waitUntil(lambda: built[0].key_stored is not None)


def test_without_a_factory_opening_settings_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError, match="no settings dialog"):
        make_controller(tmp_path).open_settings()


def test_updating_the_current_profile_reconnects_to_its_new_environment(
    qtbot: QtBot, tmp_path: Path
) -> None:
    controller = make_controller(tmp_path)
    current = controller.current_profile
    assert current is not None and current.environment is Environment.PRODUCTION
    changed: list[bool] = []
    controller.profilesChanged.connect(lambda: changed.append(True))
    controller.update_profile(Profile(current.name, Environment.SANDBOX))
    assert changed == [True]
    qtbot.waitUntil(
        lambda: (
            controller.current_profile is not None
            and controller.current_profile.environment is Environment.SANDBOX
        )
    )
    assert controller.find_profile(current.name) == Profile(current.name, Environment.SANDBOX)


def test_add_store_key_and_remove_a_profile_through_the_controller(
    qtbot: QtBot, tmp_path: Path
) -> None:
    controller = make_controller(tmp_path)
    controller.add_profile(Profile("Acme", Environment.SANDBOX))
    assert [p.name for p in controller.profile_list()] == ["default", "Acme"]
    with pytest.raises(ValueError):
        controller.add_profile(Profile("acme", Environment.SANDBOX))  # the name is taken
    controller.store_key("Acme", " inflow_acme_key\n")
    assert controller.stored_key("Acme") == "inflow_acme_key"
    controller.delete_key("Acme")
    assert controller.stored_key("Acme") is None
    controller.remove_profile("Acme")
    assert controller.find_profile("Acme") is None


def test_saving_in_the_dialog_goes_through_the_controller(qtbot: QtBot, tmp_path: Path) -> None:
    controller = make_controller(tmp_path)
    dialog = SettingsDialog(controller)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.key_stored is not None)
    changed: list[bool] = []
    controller.profilesChanged.connect(lambda: changed.append(True))
    dialog.start_new_profile()
    qtbot.keyClicks(dialog.name_edit, "Acme")
    qtbot.keyClicks(dialog.key_edit, "inflow_acme_key")
    with qtbot.waitSignal(dialog.operationFinished, timeout=5000):
        dialog.save()
    assert changed == [True]
    assert controller.find_profile("Acme") is not None
    assert controller.stored_key("Acme") == "inflow_acme_key"
