"""A key in the keychain that cannot be an API key (another tool or an old version put it there):
the app says so on screen and sends nothing, instead of failing at the first request with
"Something unexpected went wrong (ValueError)" or HTTP 431 (issue 13, item 9 (a) and (b)).

The desk is built as ``main`` builds it (``app.build_desk``, the default lazy client) over a
keyring store whose in-memory backend holds the bad value.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QThreadPool
from PySide6.QtWidgets import QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from inflow_desk import app as desk_app
from inflow_desk.api.client import InflowClient
from inflow_desk.emulator import InflowEmulator
from inflow_desk.storage.keystore import KeyringKeyStore, StoredKeyUnusable
from inflow_desk.ui.accounts.controller import LazyInflowClient, NoApiKeyError
from inflow_desk.ui.kit.errors import describe_error
from tests.keyring_backends import InMemoryBackend
from tests.ui.conftest import find

SERVICE = "inflow-desk"
NON_ASCII_KEY = "inflow_clé_SECRETPART_9f3b"
LONG_KEY = "inflow_" + "SECRETPART" * 10_000


@pytest.fixture(autouse=True)
def _drain_workers() -> Iterator[None]:
    yield
    QThreadPool.globalInstance().waitForDone(5000)


def desk_with_stored_key(tmp_path: Path, key: str, api_url: str) -> desk_app.Desk:
    backend = InMemoryBackend()
    backend.set_password(SERVICE, "Acme", key)
    return desk_app.build_desk(
        desk_app.parse_args(["--profile", "Acme", "--api-url", api_url]),
        qsettings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
        keystore=KeyringKeyStore(SERVICE, backend=backend),
        history_file=tmp_path / "history.sqlite3",
    )


def visible_texts(desk: desk_app.Desk) -> str:
    texts = [label.text() for label in desk.window.findChildren(QLabel) if label.isVisible()]
    texts += [edit.text() for edit in desk.window.findChildren(QLineEdit)]
    return "\n".join([*texts, desk.window.windowTitle()])


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        (NON_ASCII_KEY, "contains characters an API key cannot have — open Settings and paste"),
        (LONG_KEY, "longer than 1,024 characters, so it cannot be an API key — open Settings"),
    ],
    ids=["non-ascii", "100 KB"],
)
def test_an_unusable_stored_key_is_said_on_screen_and_nothing_is_sent(
    qtbot: QtBot,
    tmp_path: Path,
    emulator: InflowEmulator,
    caplog: pytest.LogCaptureFixture,
    key: str,
    expected: str,
) -> None:
    caplog.set_level(logging.DEBUG)
    desk = desk_with_stored_key(tmp_path, key, emulator.base_url)
    qtbot.addWidget(desk.window)
    try:
        desk.window.show()
        qtbot.waitExposed(desk.window)
        controller = desk.controller
        assert controller.showing_first_run()
        assert not controller.has_key
        problem = find(desk.window, QLabel, "firstRunProblemLabel")
        assert problem.isVisible()
        assert expected in problem.text()
        message = find(desk.window, QLabel, "firstRunMessage").text()
        assert "The API key stored for the profile “Acme”" in message
        assert "cannot be used" in message
        assert not desk.window.create_button.isVisible()
        # Even if something tried to send, the stand-in refuses with the same sentence.
        gateway = controller.gateway
        assert gateway is not None
        with pytest.raises(NoApiKeyError, match="open Settings and paste it again"):
            gateway.create_one_time_session(None)  # type: ignore[arg-type]  # never looked at
        assert emulator.requests == []
        assert "SECRETPART" not in visible_texts(desk)
        assert "SECRETPART" not in caplog.text
    finally:
        desk.close()


def test_the_lazy_client_refuses_an_unusable_key_at_once_not_at_the_first_request() -> None:
    """The client the app uses is built in a worker at the first request; the key is checked
    when the account is chosen, so the failure is never an "unexpected ValueError" later."""
    for key in (NON_ASCII_KEY, LONG_KEY):
        with pytest.raises(ValueError) as raised:
            LazyInflowClient(key, "http://127.0.0.1:9")
        assert "SECRETPART" not in str(raised.value)


def test_the_http_client_refuses_a_key_longer_than_1024_characters() -> None:
    with pytest.raises(ValueError, match="longer than 1,024 characters") as raised:
        InflowClient(LONG_KEY, base_url="http://127.0.0.1:9")
    assert "SECRETPART" not in str(raised.value)
    InflowClient("k" * 1024, base_url="http://127.0.0.1:9").close()


def test_the_error_funnel_words_an_unusable_stored_key() -> None:
    message = describe_error(StoredKeyUnusable("characters"), account="Acme — PRODUCTION")
    assert "unexpected" not in message.as_text().lower()
    assert "open Settings and paste it again" in message.as_text()
