"""Help ▸ About: versions from the one source, the keyring backend's name, F1."""

from __future__ import annotations

import platform
from collections.abc import Callable
from importlib.metadata import version

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

import inflow_desk
from inflow_desk.ui.about_dialog import AboutDialog, app_icon, install_about, version_info
from inflow_desk.ui.main_window import MainWindow


def _value(dialog: AboutDialog, name: str) -> str:
    label = dialog.findChild(QLabel, f"about{name}Value")
    assert label is not None, name
    return label.text()


def test_dialog_shows_versions_and_backend(qtbot: QtBot) -> None:
    dialog = AboutDialog("Secret Service")
    qtbot.addWidget(dialog)
    assert _value(dialog, "InflowDesk") == version("inflow-desk") == inflow_desk.__version__
    assert _value(dialog, "Qt") == qVersion()
    assert _value(dialog, "PySide6") == PySide6.__version__
    assert _value(dialog, "Python").startswith(platform.python_version() + " ")
    assert _value(dialog, "KeyStorage") == "Secret Service"


def test_copy_details_puts_every_row_on_the_clipboard(qtbot: QtBot) -> None:
    dialog = AboutDialog("macOS Keychain")
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    text = QGuiApplication.clipboard().text()
    assert text.splitlines() == [f"{name}: {value}" for name, value in dialog.rows]
    assert f"Inflow Desk: {inflow_desk.__version__}" in text
    assert "Key storage: macOS Keychain" in text
    assert dialog.copy_button.text() == "Copied ✓"


def test_blank_backend_name_reads_unknown() -> None:
    assert dict(version_info(""))["Key storage"] == "unknown"


def test_icon_is_shipped_in_every_size() -> None:
    icon = app_icon()
    assert not icon.isNull()
    sizes = {(s.width(), s.height()) for s in icon.availableSizes()}
    assert {(16, 16), (32, 32), (48, 48), (256, 256), (512, 512)} <= sizes


def _open_about(qtbot: QtBot, window: MainWindow) -> AboutDialog:
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), AboutDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, AboutDialog)
    assert dialog.parent() is window
    return dialog


def test_help_about_menu_and_f1(qtbot: QtBot, make_window: Callable[..., MainWindow]) -> None:
    window = make_window()
    calls: list[int] = []

    def backend() -> str:
        calls.append(1)
        return "Windows Credential Manager"

    action = install_about(window, backend_name=backend)
    help_menu = window.menus["&Help"]
    assert action in help_menu.actions()
    assert action.shortcut() == QKeySequence("F1")
    assert calls == []  # the name is asked for when the dialog opens, not before

    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F1)
    dialog = _open_about(qtbot, window)
    assert _value(dialog, "KeyStorage") == "Windows Credential Manager"
    assert calls == [1]
    dialog.reject()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)

    action.trigger()
    assert _value(_open_about(qtbot, window), "KeyStorage") == "Windows Credential Manager"
    assert calls == [1, 1]
