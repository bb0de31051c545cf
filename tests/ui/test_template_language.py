"""Message templates have a language (issue 17): a template the agent did not edit is not
stored and keeps following the app's language; an edited one is stored and kept as written;
one edited back to the default text (or put back with "Back to the defaults") is not stored
any more; the organisation's policy template keeps its priority. Driven through Settings ›
Catalog and messages › Messages on a real desk, the message built by the hand-over read after
switching the language in-process."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QThreadPool
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from inflow_desk import app as desk_app
from inflow_desk.domain.handover import (
    DEFAULT_MESSAGE_TEMPLATE,
    DEFAULT_SMS_TEMPLATE,
    DEFAULT_SUBJECT_TEMPLATE,
    MessageTemplates,
)
from inflow_desk.emulator import InflowEmulator
from inflow_desk.storage.catalog import CatalogStore
from inflow_desk.storage.keystore import KeyringKeyStore
from inflow_desk.storage.policy import load_policy
from inflow_desk.ui.handover.actions import HandoverBar
from inflow_desk.ui.handover.catalog_dialog import CatalogDialog
from tests.keyring_backends import InMemoryBackend
from tests.ui.conftest import press, type_text
from tests.ui.i18n_helpers import language

CTRL = Qt.KeyboardModifier.ControlModifier
FRENCH_GREETING = "Bonjour,\n\nVoici votre lien de paiement sécurisé pour 1 × Starter kit ("
ENGLISH_GREETING = "Hello,\n\nhere is your secure payment link for 1 × Starter kit ("
POLICY = """\
[[profiles]]
name = "Acme"

[[templates]]
name = "Acme"
text = "Acme — {amount}: {link}"
profile = "Acme"
"""


def retype(qtbot: QtBot, edit: QPlainTextEdit | QLineEdit, text: str) -> None:
    """Replace a template's text, typed as the agent types it."""
    edit.clear()
    qtbot.keyClicks(edit, text)


@pytest.fixture(autouse=True)
def _drain_workers() -> Iterator[None]:
    yield
    QThreadPool.globalInstance().waitForDone(5000)


class Desk:
    """A real desk on the emulator with one link created, and its templates' table."""

    def __init__(
        self, qtbot: QtBot, tmp_path: Path, emulator: InflowEmulator, api_key: str, policy: str
    ) -> None:
        self.qtbot = qtbot
        self.db_path = tmp_path / desk_app.CATALOG_FILE
        backend = InMemoryBackend()
        backend.set_password("inflow-desk", "Acme", api_key)
        policy_file = tmp_path / "policy.toml"
        policy_file.write_text(policy, encoding="utf-8")
        self.desk = desk_app.build_desk(
            desk_app.parse_args(["--profile", "Acme", "--api-url", emulator.base_url]),
            qsettings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
            keystore=KeyringKeyStore("inflow-desk", backend=backend),
            history_file=tmp_path / "history.sqlite3",
            policy=load_policy(policy_file) if policy else None,
        )
        window = self.desk.window
        qtbot.addWidget(window)
        window.show()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        assert self.desk.handover is not None
        self.bar: HandoverBar = self.desk.handover
        type_text(qtbot, "Starter kit")
        press(qtbot, Qt.Key.Key_Tab)
        type_text(qtbot, "49.99")
        with qtbot.waitSignal(window.sessionCreated, timeout=5000):
            press(qtbot, Qt.Key.Key_Return, CTRL)
        self.url = window.result_panel.url

    def open_messages(self) -> CatalogDialog:
        """Settings › Catalog and messages…, as the menu opens it."""
        action = self.desk.window.findChild(QAction, "catalogAction")
        assert action is not None
        action.trigger()
        dialog = self.desk.window.findChild(CatalogDialog)
        assert dialog is not None
        self.qtbot.waitExposed(dialog)
        return dialog

    def save_and_close(self, dialog: CatalogDialog) -> None:
        self.qtbot.mouseClick(dialog.save_templates_button, Qt.MouseButton.LeftButton)
        with self.qtbot.waitSignal(dialog.destroyed):  # WA_DeleteOnClose
            dialog.reject()

    def stored(self) -> list[tuple[str, str | None, str | None, str | None]]:
        """The templates' table as it is in the file."""
        with sqlite3.connect(self.db_path) as db:
            return list(db.execute("SELECT profile, message, sms, subject FROM templates"))

    def copied_message(self) -> str:
        """Copy message (Ctrl+M), as the agent does it: the clipboard's text."""
        self.desk.window.activateWindow()
        self.qtbot.waitUntil(self.desk.window.isActiveWindow)
        QGuiApplication.clipboard().setText("before")
        press(self.qtbot, Qt.Key.Key_M, CTRL)
        self.qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() != "before")
        return QGuiApplication.clipboard().text()

    def close(self) -> None:
        self.desk.close()


@pytest.fixture
def desk(qtbot: QtBot, tmp_path: Path, emulator: InflowEmulator, api_key: str) -> Iterator[Desk]:
    made = Desk(qtbot, tmp_path, emulator, api_key, "")
    try:
        yield made
    finally:
        made.close()


def test_saving_the_untouched_messages_stores_nothing_and_they_follow_the_language(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = desk.open_messages()
    assert dialog.message_edit.toPlainText() == DEFAULT_MESSAGE_TEMPLATE
    desk.save_and_close(dialog)
    assert desk.stored() == []
    assert desk.copied_message().startswith(ENGLISH_GREETING)

    with language("fr", monkeypatch):  # Settings › Language, next start
        message = desk.copied_message()
        assert message.startswith(FRENCH_GREETING)
        assert desk.url in message and "Bien cordialement" in message
        assert desk.bar.sms_text().startswith("Acme : payez ")
        assert desk.bar.subject_text() == "Votre lien de paiement Acme"


def test_the_french_defaults_saved_untouched_are_not_stored_either(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The French message has no-break spaces; the text edit gives them back as plain ones.
    with language("fr", monkeypatch):
        dialog = desk.open_messages()
        assert "\xa0" in MessageTemplates().message
        desk.save_and_close(dialog)
        assert desk.stored() == []
        assert desk.copied_message().startswith(FRENCH_GREETING)
    assert desk.copied_message().startswith(ENGLISH_GREETING)
    assert desk.bar.subject_text() == "Your payment link from Acme"


def test_an_edited_template_is_stored_and_kept_in_every_language(
    qtbot: QtBot, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = desk.open_messages()
    retype(qtbot, dialog.sms_edit, "{merchant}: {amount} {link}")
    desk.save_and_close(dialog)
    assert desk.stored() == [("Acme", None, "{merchant}: {amount} {link}", None)]
    assert desk.bar.sms_text() == f"Acme: €49.99 {desk.url}"

    with language("fr", monkeypatch):
        assert desk.bar.sms_text() == f"Acme: 49,99 € {desk.url}"  # as written
        assert desk.copied_message().startswith(FRENCH_GREETING)  # not edited: French
        dialog = desk.open_messages()  # untouched in French: the edit stays, nothing added
        assert dialog.sms_edit.toPlainText() == "{merchant}: {amount} {link}"
        desk.save_and_close(dialog)
        assert desk.stored() == [("Acme", None, "{merchant}: {amount} {link}", None)]
    assert desk.bar.sms_text() == f"Acme: €49.99 {desk.url}"


def test_a_template_edited_back_to_the_default_is_not_stored(
    qtbot: QtBot, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = desk.open_messages()
    retype(qtbot, dialog.subject_edit, "Pay {merchant}")
    desk.save_and_close(dialog)
    assert desk.stored() == [("Acme", None, None, "Pay {merchant}")]

    dialog = desk.open_messages()
    retype(qtbot, dialog.subject_edit, DEFAULT_SUBJECT_TEMPLATE)  # typed back, exactly
    desk.save_and_close(dialog)
    assert desk.stored() == []
    with language("fr", monkeypatch):
        assert desk.bar.subject_text() == "Votre lien de paiement Acme"


def test_back_to_the_defaults_removes_the_stored_templates(
    qtbot: QtBot, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = desk.open_messages()
    retype(qtbot, dialog.message_edit, "Pay: {link}")
    retype(qtbot, dialog.sms_edit, "{link}")
    desk.save_and_close(dialog)
    assert desk.stored() == [("Acme", "Pay: {link}", "{link}", None)]

    dialog = desk.open_messages()
    defaults = dialog.findChild(type(dialog.save_templates_button), "defaultTemplatesButton")
    assert defaults is not None
    qtbot.mouseClick(defaults, Qt.MouseButton.LeftButton)
    assert dialog.sms_edit.toPlainText() == DEFAULT_SMS_TEMPLATE
    desk.save_and_close(dialog)
    assert desk.stored() == []
    with language("fr", monkeypatch):
        assert desk.copied_message().startswith(FRENCH_GREETING)


def test_the_policy_template_keeps_priority_and_the_others_follow_the_language(
    qtbot: QtBot,
    tmp_path: Path,
    emulator: InflowEmulator,
    api_key: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    desk = Desk(qtbot, tmp_path, emulator, api_key, POLICY)
    try:
        dialog = desk.open_messages()
        desk.save_and_close(dialog)
        assert desk.stored() == []
        dialog = desk.open_messages()
        retype(qtbot, dialog.message_edit, "Mine: {link}")
        desk.save_and_close(dialog)
        assert desk.stored() == [("Acme", "Mine: {link}", None, None)]
        with language("fr", monkeypatch):
            assert desk.copied_message() == f"Acme — 49,99\xa0€: {desk.url}"  # the policy's
            assert desk.bar.sms_text().startswith("Acme : payez ")
    finally:
        desk.close()


def test_a_file_from_before_keeps_only_the_edited_templates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The old table stored every template, the defaults as text: opening it keeps only what
    reads as edited (a default in English, or in the app's language with the no-break spaces
    a text edit gave back as plain ones, is forgotten)."""
    path = tmp_path / "desk.sqlite3"
    with language("fr", monkeypatch):
        french = MessageTemplates()
    with sqlite3.connect(path) as db:
        db.execute(
            "CREATE TABLE templates (profile TEXT PRIMARY KEY, message TEXT NOT NULL,"
            " sms TEXT NOT NULL, subject TEXT NOT NULL)"
        )
        rows = [
            ("english", DEFAULT_MESSAGE_TEMPLATE, DEFAULT_SMS_TEMPLATE, DEFAULT_SUBJECT_TEMPLATE),
            ("french", french.message.replace("\xa0", " "), french.sms, french.subject),
            ("edited", "Pay: {link}", DEFAULT_SMS_TEMPLATE, "Hi {merchant}"),
        ]
        db.executemany("INSERT INTO templates VALUES (?, ?, ?, ?)", rows)
    db.close()
    with language("fr", monkeypatch):  # the app opens the store in its language
        store = CatalogStore(path)
        assert store.templates("english") == french
        assert store.templates("french") == french
        assert store.templates("edited") == MessageTemplates(
            message="Pay: {link}", sms=french.sms, subject="Hi {merchant}"
        )
    assert store.templates("french") == MessageTemplates()  # back in English
    with sqlite3.connect(path) as db:
        assert list(db.execute("SELECT * FROM templates")) == [
            ("edited", "Pay: {link}", None, "Hi {merchant}")
        ]
        assert list(db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")) == [
            ("products",),
            ("carts",),
            ("templates",),
        ]
    db.close()
    CatalogStore(path)  # opened again: nothing left to do
