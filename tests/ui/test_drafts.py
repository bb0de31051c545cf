"""Draft safety: the unsent form survives a restart (with a notice); a sent or cleared one not."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from inflow_desk.storage.history import HistoryStore
from inflow_desk.ui.history.drafts import DraftKeeper
from inflow_desk.ui.kit.settings import AppSettings
from inflow_desk.ui.main_window import MainWindow
from tests.ui.conftest import FROZEN_NOW, Clock, find, press, type_text
from tests.ui.history_helpers import open_store
from tests.ui.test_create_flow import fill_two_items

PROFILE = "test"


@pytest.fixture
def store(tmp_path: Path, qtbot: QtBot, clock: Clock) -> Iterator[HistoryStore]:
    yield from open_store(tmp_path, qtbot, clock)


def fresh_settings(tmp_path: Path, name: str) -> AppSettings:
    return AppSettings(QSettings(str(tmp_path / name), QSettings.Format.IniFormat), profile="t")


def is_pending(keeper: DraftKeeper) -> bool:
    return keeper.pending


def keeper_for(window: MainWindow, store: HistoryStore, clock: Clock) -> DraftKeeper:
    return DraftKeeper(window, store, PROFILE, debounce_ms=20, clock=clock)


def test_form_is_autosaved_and_restored_after_a_restart_with_a_notice(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    store: HistoryStore,
    clock: Clock,
    tmp_path: Path,
) -> None:
    first = make_window()
    keeper = keeper_for(first, store, clock)
    assert keeper.notice == "" and store.load_draft(PROFILE) is None

    fill_two_items(qtbot, first)
    first.options_form.email_edit.setFocus()
    type_text(qtbot, "anna@example.org")
    assert is_pending(keeper)  # debounced: nothing written while the agent types
    assert store.load_draft(PROFILE) is None
    qtbot.waitUntil(lambda: not keeper.pending, timeout=2000)
    saved = store.load_draft(PROFILE)
    assert saved is not None
    data, saved_at = saved
    assert data == first.form_snapshot()
    assert saved_at == FROZEN_NOW
    first.close()  # "crash": nothing else happens

    second = make_window(settings=fresh_settings(tmp_path, "second.ini"))
    restored = keeper_for(second, store, clock)
    lines = second.one_time_form.model.lines()
    assert [(line.name, line.price_text, line.quantity) for line in lines] == [
        ("Starter kit", "49,99", 2),
        ("Shipping express", "€9.90", 1),
    ]
    assert second.options_form.email_edit.text() == "anna@example.org"
    notice = f"Restored the unsent form from {FROZEN_NOW.astimezone():%H:%M}"
    assert restored.notice == notice
    assert find(second, QLabel, "statusLabel").text() == notice
    assert not is_pending(restored)  # restoring does not rewrite the draft


def test_draft_is_cleared_after_a_successful_create(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    store: HistoryStore,
    clock: Clock,
    tmp_path: Path,
) -> None:
    window = make_window()
    keeper = DraftKeeper(window, store, PROFILE, debounce_ms=60_000, clock=clock)
    fill_two_items(qtbot, window)
    keeper.save_now()
    window.options_form.email_edit.setFocus()
    type_text(qtbot, "x@example.org")
    # Create while a save is still pending: it must not resurrect the sent form.
    assert is_pending(keeper)
    with qtbot.waitSignal(window.sessionCreated, timeout=5000):
        press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not is_pending(keeper)
    assert store.load_draft(PROFILE) is None
    window.formChanged.emit()  # e.g. a late signal about the sent form
    keeper.save_now()
    assert store.load_draft(PROFILE) is None

    # The next restart shows a normal, empty form.
    second = make_window(settings=fresh_settings(tmp_path, "second.ini"))
    assert keeper_for(second, store, clock).notice == ""
    assert second.one_time_form.model.is_empty()

    # Editing the sent cart makes it a draft again.
    model = window.one_time_form.model
    model.setData(model.index(0, 2), 5)
    assert is_pending(keeper)
    keeper.save_now()
    assert store.load_draft(PROFILE) is not None


def test_draft_is_cleared_by_new_link(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    store: HistoryStore,
    clock: Clock,
) -> None:
    window = make_window()
    keeper = keeper_for(window, store, clock)
    fill_two_items(qtbot, window)
    keeper.save_now()
    assert store.load_draft(PROFILE) is not None
    qtbot.mouseClick(find(window, QPushButton, "newLinkButton"), Qt.MouseButton.LeftButton)
    assert store.load_draft(PROFILE) is None
    keeper.save_now()  # a save of the emptied form does not bring the draft back
    assert store.load_draft(PROFILE) is None

    # File ▸ New link calls the window directly: the emptied form clears the draft too.
    model = window.one_time_form.model
    model.setData(model.index(0, 0), "Gift card")
    keeper.save_now()
    assert store.load_draft(PROFILE) is not None
    window.new_link()
    qtbot.waitUntil(lambda: store.load_draft(PROFILE) is None, timeout=2000)


def test_an_empty_draft_is_not_restored(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    store: HistoryStore,
    clock: Clock,
) -> None:
    probe = make_window()
    store.save_draft(PROFILE, probe.form_snapshot())  # an untouched form
    probe.close()
    window = make_window()
    keeper = keeper_for(window, store, clock)
    assert keeper.notice == ""
    assert find(window, QLabel, "statusLabel").text() == ""
    assert store.load_draft(PROFILE) is None


def test_after_an_account_switch_the_draft_belongs_to_the_new_profile(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    store: HistoryStore,
    clock: Clock,
) -> None:
    """The form stays on screen across a switch; so its draft moves with it (and is no longer
    offered to the old profile at its next start)."""
    current = ["shop-a"]
    window = make_window()
    keeper = DraftKeeper(window, store, lambda: current[0], debounce_ms=20, clock=clock)
    fill_two_items(qtbot, window)
    qtbot.waitUntil(lambda: store.load_draft("shop-a") is not None, timeout=2000)

    current[0] = "shop-b"
    window.set_account(window.account, window.gateway)  # what AccountController does
    saved = store.load_draft("shop-b")
    assert saved is not None and saved[0] == window.form_snapshot()
    assert store.load_draft("shop-a") is None

    window.options_form.email_edit.setFocus()
    type_text(qtbot, "bo@example.org")
    qtbot.waitUntil(lambda: not keeper.pending, timeout=2000)
    saved = store.load_draft("shop-b")
    assert saved is not None and saved[0]["options"]["customerEmail"] == "bo@example.org"
    assert store.load_draft("shop-a") is None
