"""The organisation's policy provides the chat/e-mail message (issue 18 meets issue 16): Copy
message renders the profile's own policy template, not the one edited in Settings."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QThreadPool
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from inflow_desk import app as desk_app
from inflow_desk.emulator import InflowEmulator
from inflow_desk.storage.keystore import KeyringKeyStore
from inflow_desk.storage.policy import load_policy
from tests.keyring_backends import InMemoryBackend
from tests.ui.conftest import press, type_text

CTRL = Qt.KeyboardModifier.ControlModifier
POLICY = """\
[[profiles]]
name = "Acme"

[[templates]]
name = "Everyone"
text = "Hello, your link: {link}"

[[templates]]
name = "Acme"
text = "Acme — {amount} for {items}: {link}"
profile = "Acme"
"""


@pytest.fixture(autouse=True)
def _drain_workers() -> Iterator[None]:
    yield
    QThreadPool.globalInstance().waitForDone(5000)


def test_copy_message_uses_the_profiles_policy_template(
    qtbot: QtBot, tmp_path: Path, emulator: InflowEmulator, api_key: str
) -> None:
    policy_file = tmp_path / "policy.toml"
    policy_file.write_text(POLICY, encoding="utf-8")
    backend = InMemoryBackend()
    backend.set_password("inflow-desk", "Acme", api_key)
    desk = desk_app.build_desk(
        desk_app.parse_args(["--profile", "Acme", "--api-url", emulator.base_url]),
        qsettings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
        keystore=KeyringKeyStore("inflow-desk", backend=backend),
        history_file=tmp_path / "history.sqlite3",
        policy=load_policy(policy_file),
    )
    window = desk.window
    try:
        qtbot.addWidget(window)
        window.show()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        type_text(qtbot, "Starter kit")
        press(qtbot, Qt.Key.Key_Tab)
        type_text(qtbot, "49.99")
        with qtbot.waitSignal(window.sessionCreated, timeout=5000):
            press(qtbot, Qt.Key.Key_Return, CTRL)
        url = window.result_panel.url
        press(qtbot, Qt.Key.Key_M, CTRL)  # Copy message
        qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() != url)
        assert QGuiApplication.clipboard().text() == f"Acme — €49.99 for 1 × Starter kit: {url}"
    finally:
        desk.close()
