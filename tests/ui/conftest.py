"""Fixtures for GUI tests: a real emulator on loopback, a real client, an isolated QSettings."""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from PySide6.QtCore import QEvent, QLocale, QSettings, QSize, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from inflow_desk.api.client import InflowClient
from inflow_desk.emulator import InflowEmulator
from inflow_desk.ui.accounts.account import Account
from inflow_desk.ui.kit import motion, palette
from inflow_desk.ui.kit.settings import AppSettings
from inflow_desk.ui.main_window import MainWindow, default_window_size

FROZEN_NOW = datetime(2026, 11, 25, 14, 42, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _english_locale() -> Iterator[None]:
    """Amounts in assertions are formatted for en-US, whatever the machine's locale."""
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(previous)


@pytest.fixture(autouse=True)
def _no_motion() -> Iterator[None]:
    """No fade runs in a test unless the test turns motion on: nothing waits on an animation."""
    motion.set_enabled(False)
    yield
    motion.set_enabled(None)


@pytest.fixture
def high_contrast() -> Iterator[None]:
    """The OS asks for more contrast. Qt has no setter for the preference, so the app's one
    reader of it (``palette.high_contrast``) is told; the OS's own answer is back afterwards."""
    palette.force_high_contrast(True)
    yield
    palette.force_high_contrast(None)


@pytest.fixture
def api_key() -> str:
    return f"inflow_test_{secrets.token_hex(12)}"


@pytest.fixture
def emulator(api_key: str) -> Iterator[InflowEmulator]:
    with InflowEmulator(api_key=api_key) as emu:
        yield emu


@pytest.fixture
def client(emulator: InflowEmulator, api_key: str) -> Iterator[InflowClient]:
    with InflowClient(
        api_key, base_url=emulator.base_url, timeout=httpx.Timeout(1.0, connect=1.0)
    ) as c:
        yield c


@pytest.fixture
def app_settings(tmp_path: Path) -> AppSettings:
    qsettings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    return AppSettings(qsettings, profile="test")


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now: datetime = FROZEN_NOW) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def make_window(
    qtbot: QtBot,
    client: InflowClient,
    emulator: InflowEmulator,
    app_settings: AppSettings,
    clock: Clock,
) -> Callable[..., MainWindow]:
    def factory(**kwargs: Any) -> MainWindow:
        window = MainWindow(
            gateway=kwargs.pop("gateway", client),
            account=Account("Test shop", "DEMO", emulator.base_url),
            settings=kwargs.pop("settings", app_settings),
            clock=clock,
            **kwargs,
        )
        qtbot.addWidget(window)
        window.show()
        window.activateWindow()
        qtbot.waitExposed(window)
        # Shortcuts only reach the active window; a window left over by an earlier test
        # must not keep that role.
        qtbot.waitUntil(window.isActiveWindow)
        qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
        return window

    return factory


@pytest.fixture
def window(make_window: Callable[..., MainWindow]) -> MainWindow:
    return make_window()


# ---------------------------------------------------------------------- keyboard helpers
def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has keyboard focus"
    return widget


def type_text(qtbot: QtBot, text: str) -> None:
    """Type like a person: every key goes to whatever has focus at that moment."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(focused(), char)
        else:  # QTest only maps ASCII to keys; send what a keyboard layout with € would send
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
                QApplication.sendEvent(focused(), event)


def press(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    qtbot.keyClick(focused(), key, modifier)


def find(window: QWidget, cls: type[Any], name: str) -> Any:
    widget = window.findChild(cls, name)
    assert widget is not None, f"no {cls.__name__} named {name!r}"
    return widget


#: A 1366×768 laptop screen, less a task bar.
LAPTOP = QSize(1366, 768 - 40)


@pytest.fixture
def laptop_window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    """The demo window as the app builds it (every start-up step done), at its first size on
    a 1366×768 laptop screen, with the demo emulator serving."""
    from inflow_desk import app as desk_app
    from inflow_desk.storage.keystore import MemoryKeyStore

    desk = desk_app.build_desk(
        desk_app.parse_args(["--demo"]),
        qsettings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
        keystore=MemoryKeyStore(),
        history_file=tmp_path / "history.sqlite3",
    )
    window = desk.window
    qtbot.addWidget(window)
    window.resize(default_window_size(LAPTOP))
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    demo = desk.controller.emulator
    assert isinstance(demo, desk_app.DemoEmulator)
    qtbot.waitUntil(demo.serving.is_set, timeout=10_000)
    yield window
    desk.close()
