"""Profiles in QSettings, the account controller, the first-run screen and the badge."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QThreadPool
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from inflow_desk.app import DEMO_API_KEY, DemoEmulator
from inflow_desk.domain.models import CheckoutOptions
from inflow_desk.domain.requests import OneTimeSessionRequest
from inflow_desk.emulator import InflowEmulator
from inflow_desk.storage.keystore import (
    NO_BACKEND,
    KeyStoreError,
    KeyStoreLocked,
    KeyStoreUnavailable,
    MemoryKeyStore,
)
from inflow_desk.storage.profiles import SANDBOX_URL, Environment, Profile
from inflow_desk.ui.accounts.controller import AccountController, MissingKeyGateway, NoApiKeyError
from inflow_desk.ui.accounts.profiles_store import PROFILES_KEY, ProfilesStore
from inflow_desk.ui.accounts.settings_dialog import SettingsDialog
from inflow_desk.ui.kit.errors import key_store_problem_text
from inflow_desk.ui.kit.settings import AppSettings
from inflow_desk.ui.main_window import BADGE_STYLES, MainWindow
from tests.ui.conftest import find

ONE_TIME_PATH = "/api/checkout/sessions/one-time-payment"


@pytest.fixture(autouse=True)
def _drain_workers() -> Iterator[None]:
    yield
    QThreadPool.globalInstance().waitForDone(5000)


@pytest.fixture
def qsettings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


class RecordingFactory:
    """Builds real clients and remembers them, to check which were closed."""

    def __init__(self) -> None:
        self.made: list[tuple[str, Any]] = []
        self.closed: list[str] = []

    def __call__(self, api_key: str, base_url: str) -> Any:
        from inflow_desk.api.client import InflowClient

        client = InflowClient(api_key, base_url=base_url)
        original_close = client.close

        def close() -> None:
            self.closed.append(base_url)
            original_close()

        client.close = close  # type: ignore[method-assign]
        self.made.append((base_url, client))
        return client


class Desk:
    """A window wired to an AccountController, like app.build_desk without the extras."""

    def __init__(
        self,
        qtbot: QtBot,
        qsettings: QSettings,
        store: Any,
        *,
        profile: str | None = None,
        demo: bool = False,
        override: str | None = None,
    ) -> None:
        def serving_demo() -> DemoEmulator:
            demo = DemoEmulator(2)
            demo.serve()
            return demo

        self.factory = RecordingFactory()
        self.controller = AccountController(
            store,
            ProfilesStore(qsettings),
            api_url_override=override,
            demo_starter=serving_demo,
            demo_key=DEMO_API_KEY,
            client_factory=self.factory,
            settings_dialog=SettingsDialog,
        )
        account, gateway = self.controller.initial_connection(profile, demo=demo)
        self.settings = AppSettings(qsettings, profile=self.controller.settings_profile())
        self.window = MainWindow(gateway=gateway, account=account, settings=self.settings)
        self.controller.attach(self.window, self.settings)
        qtbot.addWidget(self.window)
        self.window.show()
        qtbot.waitExposed(self.window)

    @property
    def badge(self) -> QLabel:
        return find(self.window, QLabel, "environmentBadge")  # type: ignore[no-any-return]


@pytest.fixture
def make_desk(qtbot: QtBot, qsettings: QSettings) -> Iterator[Callable[..., Desk]]:
    desks: list[Desk] = []

    def factory(store: Any = None, **kwargs: Any) -> Desk:
        desk = Desk(qtbot, qsettings, store if store is not None else MemoryKeyStore(), **kwargs)
        desks.append(desk)
        return desk

    yield factory
    for desk in desks:
        desk.controller.shutdown()


def switch(qtbot: QtBot, desk: Desk, name: str) -> None:
    with qtbot.waitSignal(desk.controller.stateChanged, timeout=5000):
        assert desk.controller.switch_to_profile(name)


# ---------------------------------------------------------------------- ProfilesStore
def test_profiles_default_is_production_and_nothing_is_written_until_changed(
    qsettings: QSettings,
) -> None:
    store = ProfilesStore(qsettings)
    assert store.profiles() == [Profile("default", Environment.PRODUCTION)]
    assert store.current_name == "default"
    assert qsettings.value(PROFILES_KEY) is None


def test_profiles_add_update_delete_and_current_survive_a_new_store(
    qsettings: QSettings, tmp_path: Path
) -> None:
    store = ProfilesStore(qsettings)
    with pytest.raises(ValueError, match="already exists"):
        store.add(Profile("default", Environment.SANDBOX))  # always there
    store.add(Profile("Acme", Environment.SANDBOX))
    store.add(Profile("Local", Environment.CUSTOM, "http://127.0.0.1:9999/"))
    with pytest.raises(ValueError, match="already exists"):
        store.add(Profile("acme", Environment.PRODUCTION))
    store.update(Profile("Acme", Environment.PRODUCTION))
    store.set_current("acme")
    qsettings.sync()

    again = ProfilesStore(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    assert again.names() == ["default", "Acme", "Local"]
    assert again.get("ACME") == Profile("Acme", Environment.PRODUCTION)
    assert again.get("Local") == Profile("Local", Environment.CUSTOM, "http://127.0.0.1:9999")
    assert again.current_name == "Acme"

    again.delete("Acme")
    assert again.names() == ["default", "Local"]
    assert again.current_name == "default"  # the deleted current one falls back to the first
    with pytest.raises(KeyError):
        again.update(Profile("Acme", Environment.SANDBOX))
    again.delete("default")
    again.delete("Local")
    assert again.names() == ["default"]  # never empty


def test_profiles_refuse_demo_and_survive_garbage(qsettings: QSettings) -> None:
    store = ProfilesStore(qsettings)
    with pytest.raises(ValueError, match="Demo"):
        store.add(Profile("d", Environment.DEMO, "http://127.0.0.1:1"))
    qsettings.setValue(PROFILES_KEY, "{not json")
    assert store.names() == ["default"]
    assert store.current().needs_attention  # never Production by default (issue 13 item 7)
    qsettings.setValue(
        PROFILES_KEY,
        json.dumps([{"name": "A", "environment": "sandbox"}, {"name": "a"}, 7, {"name": "B"}]),
    )
    # duplicates (by case) and nameless entries dropped; no environment: needs attention
    assert [(p.name, p.environment, p.needs_attention) for p in store.profiles()] == [
        ("A", Environment.SANDBOX, False),
        ("B", Environment.CUSTOM, True),
    ]


def test_settings_hold_only_name_environment_and_address(qsettings: QSettings) -> None:
    store = ProfilesStore(qsettings)
    store.add(Profile("Acme", Environment.SANDBOX))
    raw = str(qsettings.value(PROFILES_KEY))
    assert json.loads(raw) == [
        {"name": "default", "environment": "production", "custom_url": ""},
        {"name": "Acme", "environment": "sandbox", "custom_url": ""},
    ]


# ---------------------------------------------------------------------- first run
def test_no_key_shows_the_first_run_screen_with_both_ways_on(
    qtbot: QtBot, make_desk: Callable[..., Desk]
) -> None:
    desk = make_desk()
    controller = desk.controller
    assert controller.showing_first_run()
    screen = find(desk.window, QLabel, "firstRunMessage")
    assert screen.isVisible()
    assert "default" in screen.text() and "Production" in screen.text()
    enter = find(desk.window, QPushButton, "enterKeyButton")
    demo = find(desk.window, QPushButton, "tryDemoButton")
    assert enter.isVisible() and demo.isVisible()
    assert not desk.window.create_button.isVisible()
    assert not find(desk.window, QLabel, "firstRunProblemLabel").isVisible()
    # the account is still on display: title and badge
    assert desk.badge.text() == "PRODUCTION"
    assert "default — PRODUCTION" in desk.window.windowTitle()
    # nothing can be sent without a key, and the message says what to do
    assert isinstance(controller.gateway, MissingKeyGateway)
    with pytest.raises(NoApiKeyError, match="Settings"):
        controller.gateway.create_one_time_session(None)  # type: ignore[arg-type]  # unread

    qtbot.mouseClick(enter, _left())
    dialog = controller.settings_dialog
    assert isinstance(dialog, SettingsDialog) and dialog.isVisible()
    assert dialog.name_edit.text() == "default"
    assert dialog.key_edit.text() == ""
    dialog.close()


def test_try_the_demo_switches_to_the_emulator_and_creates_a_link(
    qtbot: QtBot, make_desk: Callable[..., Desk]
) -> None:
    desk = make_desk()
    desk.window.activateWindow()
    with qtbot.waitSignal(desk.controller.stateChanged, timeout=5000):
        qtbot.mouseClick(find(desk.window, QPushButton, "tryDemoButton"), _left())
    controller = desk.controller

    # typing can start at once: the first product cell has the focus
    def form_has_focus() -> bool:
        widget = QApplication.focusWidget()
        return widget is not None and desk.window.one_time_form.isAncestorOf(widget)

    qtbot.waitUntil(form_has_focus, timeout=2000)
    assert controller.is_demo and not controller.showing_first_run()
    demo = controller.emulator
    assert isinstance(demo, DemoEmulator) and demo.emulator is not None
    emulator = demo.emulator
    assert desk.badge.text() == "DEMO"
    assert "DEMO" in desk.window.windowTitle()
    assert find(desk.window, QLabel, "demoBanner").isVisible()
    assert desk.window.create_button.isVisible()
    assert find(desk.window, QComboBox, "profileCombo").currentText().startswith("Demo")
    assert desk.settings.profile == "demo"

    session = desk.window.gateway.create_one_time_session(_request())
    # demo links lead to the emulator's own checkout page, trusted for the demo account only
    assert session.checkout_url == f"{demo.base_url}/pay/{session.session_id}"
    assert desk.window.account.loopback_checkout == (demo.base_url.split("://")[1],)
    [request] = emulator.requests_to(ONE_TIME_PATH, "POST")
    assert request.headers["x-inflow-api-key"] == DEMO_API_KEY


def test_saving_a_key_for_the_current_profile_leaves_the_first_run_screen(
    qtbot: QtBot, make_desk: Callable[..., Desk], api_key: str, emulator: InflowEmulator
) -> None:
    store = MemoryKeyStore()
    desk = make_desk(store, override=emulator.base_url)
    assert desk.controller.showing_first_run()
    assert desk.badge.text() == "CUSTOM"  # --api-url to loopback is no preset
    desk.controller.open_settings(focus_key=True)
    dialog = desk.controller.settings_dialog
    assert isinstance(dialog, SettingsDialog)
    assert dialog is not None
    dialog.key_edit.setText(api_key)
    with qtbot.waitSignal(desk.controller.stateChanged, timeout=5000):
        qtbot.mouseClick(find(dialog, QPushButton, "saveKeyButton"), _left())
    assert store.get("default") == api_key
    assert not desk.controller.showing_first_run()
    assert dialog.key_edit.text() == ""  # not kept in the dialog after saving
    session = desk.window.gateway.create_one_time_session(_request())
    assert session.session_id
    [request] = emulator.requests_to(ONE_TIME_PATH, "POST")
    assert request.headers["x-inflow-api-key"] == api_key

    # deleting it brings the first-run screen back
    dialog.confirm = lambda title, text: True
    with qtbot.waitSignal(desk.controller.stateChanged, timeout=5000):
        qtbot.mouseClick(find(dialog, QPushButton, "deleteKeyButton"), _left())
    assert store.get("default") is None
    assert desk.controller.showing_first_run()
    dialog.close()


# ---------------------------------------------------------------------- badge
def test_badge_text_and_title_follow_each_environment(
    qtbot: QtBot, make_desk: Callable[..., Desk], qsettings: QSettings
) -> None:
    profiles = ProfilesStore(qsettings)
    profiles.add(Profile("Live", Environment.PRODUCTION))
    profiles.add(Profile("Test", Environment.SANDBOX))
    profiles.add(Profile("Local", Environment.CUSTOM, "http://127.0.0.1:8765"))
    store = MemoryKeyStore()
    for name in ("Live", "Test", "Local"):
        store.set(name, f"inflow_{name.lower()}_key")
    desk = make_desk(store, profile="Live")
    seen: dict[str, str] = {}
    for name, badge in [
        ("Live", "PRODUCTION"),
        ("Test", "SANDBOX"),
        ("Local", "CUSTOM"),
    ]:
        if name != "Live":
            switch(qtbot, desk, name)
        assert desk.badge.text() == badge
        assert desk.window.windowTitle() == f"Inflow Desk — {name} — {badge}"
        assert desk.window.account.name == name
        assert not desk.controller.showing_first_run()
        seen[badge] = desk.badge.styleSheet()
    with qtbot.waitSignal(desk.controller.stateChanged, timeout=5000):
        desk.controller.switch_to_demo()
    assert desk.badge.text() == "DEMO"
    seen["DEMO"] = desk.badge.styleSheet()

    # each badge carries its environment's colours; production looks unlike all the others
    for env, style in seen.items():
        assert BADGE_STYLES[env] in style
    assert all(seen["PRODUCTION"] != seen[other] for other in ("SANDBOX", "CUSTOM", "DEMO"))
    # the right base URLs were used, and every replaced client was closed
    urls = [url for url, _client in desk.factory.made]
    assert urls[:3] == ["https://api.inflowpay.xyz", SANDBOX_URL, "http://127.0.0.1:8765"]
    assert desk.factory.closed == urls[:3]


def test_the_combo_switches_profiles_and_is_refused_while_sending(
    qtbot: QtBot, make_desk: Callable[..., Desk], qsettings: QSettings
) -> None:
    profiles = ProfilesStore(qsettings)
    profiles.add(Profile("Test", Environment.SANDBOX))
    desk = make_desk(MemoryKeyStore())
    combo = find(desk.window, QComboBox, "profileCombo")
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "default · Production",
        "Test · Sandbox",
        "Demo · no real payments",
    ]
    with qtbot.waitSignal(desk.controller.stateChanged, timeout=5000):
        combo.activated.emit(1)
    assert desk.badge.text() == "SANDBOX"
    assert profiles.current_name == "Test"
    assert desk.settings.profile == "Test"
    assert desk.controller.showing_first_run()  # no key for Test either

    desk.window._busy = True  # a create is in flight
    try:
        combo.setCurrentIndex(0)
        combo.activated.emit(0)
        assert combo.currentIndex() == 1  # put back
        assert "Wait" in desk.window.status_label.text()
        assert desk.badge.text() == "SANDBOX"
    finally:
        desk.window._busy = False


# ---------------------------------------------------------------------- keychain trouble
class ExplodingStore:
    """A key store whose keychain is unavailable or locked."""

    def __init__(self, error: Exception) -> None:
        self.error = error

    @property
    def backend_name(self) -> str:
        return "broken keychain"

    def get(self, profile: str) -> str | None:
        raise self.error

    def set(self, profile: str, key: str) -> None:
        raise self.error

    def delete(self, profile: str) -> None:
        raise self.error


@pytest.mark.parametrize(
    ("error", "retry"),
    [
        (KeyStoreUnavailable(NO_BACKEND, "read"), False),
        (KeyStoreLocked("read"), True),
    ],
)
def test_keychain_trouble_at_start_offers_memory_for_this_run(
    qtbot: QtBot, make_desk: Callable[..., Desk], error: KeyStoreError, retry: bool
) -> None:
    desk = make_desk(ExplodingStore(error))
    assert desk.controller.showing_first_run()
    problem = find(desk.window, QLabel, "firstRunProblemLabel")
    assert problem.isVisible() and problem.text() == key_store_problem_text(error)
    assert problem.text().startswith(("No system keychain is available", "The system keychain"))
    memory = find(desk.window, QPushButton, "firstRunMemoryButton")
    assert memory.isVisible()
    assert find(desk.window, QPushButton, "firstRunRetryButton").isVisible() == retry

    with qtbot.waitSignal(desk.controller.keyStoreChanged, timeout=1000):
        qtbot.mouseClick(memory, _left())
    assert isinstance(desk.controller.keystore, MemoryKeyStore)
    assert not problem.isVisible()
    assert desk.controller.showing_first_run()  # still no key, but nothing is wrong now


def _left() -> Any:
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def _request() -> OneTimeSessionRequest:
    from inflow_desk.domain.models import Cart, LineItem
    from inflow_desk.domain.money import Currency
    from inflow_desk.domain.requests import build_one_time_request

    cart = Cart(Currency.EUR, (LineItem("Kit", 4999, 1),))
    return build_one_time_request(cart, CheckoutOptions(None, None, None, None))


def test_leaving_demo_hides_the_demo_banner(
    qtbot: QtBot, make_desk: Callable[..., Desk], qsettings: QSettings
) -> None:
    store = MemoryKeyStore()
    store.set("default", "inflow_live_key")
    desk = make_desk(store, demo=True)
    banner = find(desk.window, QLabel, "demoBanner")
    assert banner.isVisible()
    assert len([b for b in desk.window.findChildren(QLabel) if "no real payments" in b.text()]) == 1
    assert desk.badge.text() == "DEMO"
    emulator = desk.controller.emulator
    assert emulator is not None

    switch(qtbot, desk, "default")
    assert desk.badge.text() == "PRODUCTION"
    assert not banner.isVisible()  # a production window must never say "no real payments"
    assert desk.settings.profile == "default"
    assert desk.factory.closed == [emulator.base_url]

    with qtbot.waitSignal(desk.controller.stateChanged, timeout=5000):
        desk.controller.switch_to_demo()
    assert banner.isVisible()
    assert desk.controller.emulator is emulator  # started once per run


def test_ctrl_comma_opens_settings(qtbot: QtBot, make_desk: Callable[..., Desk]) -> None:
    from PySide6.QtCore import Qt

    desk = make_desk()
    desk.window.activateWindow()
    qtbot.waitUntil(desk.window.isActiveWindow)
    qtbot.keyClick(desk.window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    dialog = desk.controller.settings_dialog
    assert isinstance(dialog, SettingsDialog) and dialog.isVisible()
    assert find(desk.window, QPushButton, "settingsButton").toolTip().endswith("(Ctrl+,)")
    dialog.close()
