"""Which merchant account the window talks to: profiles, keys, the client, demo mode.

The :class:`AccountController` holds the key store and the profiles, builds the
:class:`~inflow_desk.api.client.InflowClient` for the current profile (base URL from the
profile; ``--api-url`` overrides it) and hands it to the window with ``set_account``, closing
the client it replaces. It adds the profile picker (``profileCombo``) and the Settings button
to the window's top bar, a Settings menu (Ctrl+,), and the first-run screen shown while the
current profile has no key.

Keys are read from the key store in a worker (a keychain may block on an unlock prompt), except
once at start-up, before the window exists. A key only ever lives in the key store, in the client
(for the request header) and — while the agent asks to see it — in the settings dialog.

The controller is the one owner of every account change: the settings dialog reads through it
and changes profiles and keys only by calling its operations (:meth:`~AccountController.
add_profile`, :meth:`~AccountController.update_profile`, :meth:`~AccountController.
remove_profile`, :meth:`~AccountController.store_key`, :meth:`~AccountController.delete_key`,
:meth:`~AccountController.use_memory_store`). The controller does not import the dialog: it is
built by the ``settings_dialog`` factory the application passes in (``app.build_desk``).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt, Signal, SignalInstance
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QMenu,
    QPushButton,
    QStackedWidget,
    QWidget,
)

from inflow_desk.api.errors import InflowError
from inflow_desk.domain.i18n import QT_TRANSLATE_NOOP, translate
from inflow_desk.storage.keystore import (
    KeyStore,
    KeyStoreError,
    KeyStoreLocked,
    KeyStoreUnavailable,
    MemoryKeyStore,
    StoredKeyUnusable,
    UnusableKeyError,
    key_problem,
    normalize_key,
)
from inflow_desk.storage.profiles import Environment, Profile, environment_for_url
from inflow_desk.ui.accounts.account import Account
from inflow_desk.ui.accounts.first_run import FirstRunScreen
from inflow_desk.ui.accounts.profiles_store import ProfilesStore
from inflow_desk.ui.checkout.modes import SessionGateway
from inflow_desk.ui.kit import palette
from inflow_desk.ui.kit.errors import key_store_problem_text, missing_key_text
from inflow_desk.ui.kit.settings import RecentProduct
from inflow_desk.ui.kit.theme import set_style
from inflow_desk.ui.kit.widgets import WrappingLabel, bind_shortcut, shortcut_tip
from inflow_desk.ui.kit.workers import LatestOnly, run_in_background

if TYPE_CHECKING:  # httpx and pydantic load after the first frame
    from inflow_desk.api.client import InflowClient, OfferPageCallback
    from inflow_desk.api.models import CheckoutSession, SubscriptionOffer
    from inflow_desk.domain.payments import Payment
    from inflow_desk.domain.requests import OneTimeSessionRequest, SubscriptionSessionRequest
    from inflow_desk.ui.kit.settings import AppSettings

__all__ = [
    "DEMO_ACCOUNT_NAME",
    "DEMO_SETTINGS_PROFILE",
    "ENVIRONMENT_TITLES",
    "AccountController",
    "AccountsDialog",
    "AccountsDialogFactory",
    "ClosableGateway",
    "KeyState",
    "MissingKeyGateway",
    "NoApiKeyError",
    "environment_title",
]

log = logging.getLogger(__name__)

DEMO_ACCOUNT_NAME = QT_TRANSLATE_NOOP("AccountController", "Demo merchant")
"""The demo account's name (shown translated: :meth:`AccountController.demo_account`)."""
DEMO_SETTINGS_PROFILE = "demo"
DEMO_COMBO_DATA = "\x00demo"  # not a valid profile name, so it cannot collide
SETTINGS_SHORTCUT = "Ctrl+,"
PROFILE_SHORTCUT = "Ctrl+Shift+P"

NEEDS_ATTENTION = "NEEDS ATTENTION"
"""The :attr:`Account.environment` of a profile damaged in the settings (the badge and the
title show it translated: :data:`~inflow_desk.ui.accounts.account.ENVIRONMENT_WORDS`)."""

#: The environments' names for people (translate with the "AccountController" context).
ENVIRONMENT_TITLES: dict[Environment, str] = {
    Environment.PRODUCTION: QT_TRANSLATE_NOOP("AccountController", "Production"),
    Environment.SANDBOX: QT_TRANSLATE_NOOP("AccountController", "Sandbox"),
    Environment.CUSTOM: QT_TRANSLATE_NOOP("AccountController", "Custom URL"),
    Environment.DEMO: QT_TRANSLATE_NOOP("AccountController", "Demo"),
}


def environment_title(environment: Environment) -> str:
    """``environment``'s name in the agent's language ("Production")."""
    return translate("AccountController", ENVIRONMENT_TITLES[environment])


class ClosableGateway(SessionGateway, Protocol):
    """What the window talks to, plus ``check_connection`` and ``close`` (an InflowClient)."""

    def check_connection(self) -> None: ...

    def close(self) -> None: ...


ClientFactory = Callable[[str, str], ClosableGateway]
"""``(api_key, base_url) -> client``; raises ValueError for a key or URL it cannot use."""


def default_client_factory(api_key: str, base_url: str) -> ClosableGateway:
    return LazyInflowClient(api_key, base_url)


class LazyInflowClient:
    """An :class:`~inflow_desk.api.client.InflowClient` built on first use.

    Importing httpx and building its client is a large part of start-up; the window's first
    frame does not wait for it. Calls come from worker threads, so the client is built
    there (under a lock), and :func:`warm_up_imports` loads the modules in the background
    right after start-up so the first create does not pay for them either.
    """

    def __init__(self, api_key: str, base_url: str) -> None:
        # Checked now, not when the client is built in a worker at the first request: a key
        # that cannot be sent must be refused here, while the account is being chosen.
        self.__api_key = normalize_key(api_key)  # ValueError, never quoting the key
        self._base_url = base_url
        self._client: InflowClient | None = None
        self._lock = threading.Lock()

    def _get(self) -> InflowClient:
        with self._lock:
            if self._client is None:
                from inflow_desk.api.client import InflowClient

                self._client = InflowClient(self.__api_key, base_url=self._base_url)
            return self._client

    def create_one_time_session(self, req: OneTimeSessionRequest) -> CheckoutSession:
        return self._get().create_one_time_session(req)

    def create_subscription_session(
        self, offer_id: str, req: SubscriptionSessionRequest
    ) -> CheckoutSession:
        return self._get().create_subscription_session(offer_id, req)

    def list_subscription_offers(
        self, *, on_page: OfferPageCallback | None = None
    ) -> list[SubscriptionOffer]:
        return self._get().list_subscription_offers(on_page=on_page)

    def check_connection(self) -> None:
        self._get().check_connection()

    def list_payments(self) -> list[Payment]:
        return self._get().list_payments()

    def read_session_status(self, session_id: str) -> str | None:
        return self._get().read_session_status(session_id)

    def cancel(self) -> None:
        with self._lock:
            client = self._client
        if client is not None:  # nothing can be in flight before the client exists
            client.cancel()

    def close(self) -> None:
        with self._lock:
            if self._client is not None:
                self._client.close()
                self._client = None

    def __repr__(self) -> str:
        return f"LazyInflowClient(base_url={self._base_url!r})"


def warm_up_imports(before_freeze: Callable[[], None] | None = None) -> None:
    """Load the HTTP client and request models in a background thread (after the first frame),
    then freeze what start-up built out of the garbage collector's walks (``ui.kit.runtime``)."""

    def load() -> None:
        import inflow_desk.api.client
        import inflow_desk.domain.requests  # noqa: F401
        from inflow_desk.ui.kit.runtime import freeze_startup_heap

        if before_freeze is not None:
            before_freeze()
        freeze_startup_heap()

    threading.Thread(target=load, name="warm-up-imports", daemon=True).start()


class NoApiKeyError(InflowError):
    """The current profile has no key: nothing can be sent."""


class MissingKeyGateway:
    """Stands in for the client while the current profile has no key."""

    def __init__(self, profile_name: str, reason: str | None = None) -> None:
        self._message = reason or missing_key_text(profile_name)

    def create_one_time_session(self, req: OneTimeSessionRequest) -> CheckoutSession:
        raise NoApiKeyError(self._message)

    def create_subscription_session(
        self, offer_id: str, req: SubscriptionSessionRequest
    ) -> CheckoutSession:
        raise NoApiKeyError(self._message)

    def list_subscription_offers(
        self, *, on_page: OfferPageCallback | None = None
    ) -> list[SubscriptionOffer]:
        raise NoApiKeyError(self._message)

    def check_connection(self) -> None:
        raise NoApiKeyError(self._message)

    def cancel(self) -> None:
        """Nothing is ever in flight."""

    def close(self) -> None:
        """Nothing to close."""


@dataclass(frozen=True)
class KeyState:
    """The outcome of reading a profile's key: the key, or why there is none."""

    key: str | None
    problem: KeyStoreError | None = None

    def __repr__(self) -> str:  # never show the key
        shown = "<hidden>" if self.key is not None else "None"
        return f"KeyState(key={shown}, problem={self.problem!r})"


def read_key(store: KeyStore, profile: str) -> KeyState:
    """The key of ``profile``; a key store failure becomes :attr:`KeyState.problem`, and so
    does a stored value that cannot be an API key (whichever store it came from)."""
    try:
        key = store.get(profile)
    except KeyStoreError as exc:
        return KeyState(None, exc)
    if key is not None and (reason := key_problem(key.strip())) is not None:
        log.warning("profile %r: the stored key cannot be used (%s)", profile, reason)
        return KeyState(None, StoredKeyUnusable(reason))
    return KeyState(key)


class DemoServer(Protocol):
    """The demo's local API: where it answers, and how to stop it (``app.DemoEmulator``, or an
    ``InflowEmulator`` in tests)."""

    @property
    def base_url(self) -> str: ...

    def stop(self) -> None: ...


class AccountsDialog(Protocol):
    """What the controller needs of the settings dialog (``settings_dialog.SettingsDialog``)."""

    def select_profile(self, name: str | None) -> None: ...

    def focus_key(self) -> None: ...

    def show(self) -> None: ...

    def raise_(self) -> None: ...

    def activateWindow(self) -> None: ...


AccountsDialogFactory = Callable[["AccountController", QWidget | None], AccountsDialog]
"""``(controller, parent) -> dialog``: builds Settings › Accounts the first time it is opened."""


class _ProductList(Protocol):
    def set_products(self, products: list[RecentProduct]) -> None: ...


class _Redirects(Protocol):
    def set_redirects(self, success: str, cancel: str) -> None: ...


class AccountsHost(Protocol):
    """What the account controller needs of the window (``MainWindow`` is one): its top bar,
    menus and work area, its busy state, and where a new account's settings go."""

    @property
    def busy(self) -> bool: ...
    @property
    def status_label(self) -> QLabel: ...
    @property
    def create_button(self) -> QPushButton: ...
    @property
    def requestFinished(self) -> SignalInstance: ...
    @property
    def recent_products(self) -> _ProductList: ...
    @property
    def options_form(self) -> _Redirects: ...
    def set_account(self, account: Account, gateway: SessionGateway) -> None: ...
    def add_top_bar_widget(self, widget: QWidget) -> None: ...
    def replace_work_area(self, widget: QWidget) -> QWidget: ...
    def menu(self, title: str) -> QMenu: ...
    def focus_form(self) -> None: ...
    def isVisible(self) -> bool: ...
    def window(self) -> QWidget: ...
    def centralWidget(self) -> QWidget | None: ...
    def addAction(self, action: QAction) -> None: ...


class AccountController(QObject):
    """Owns the key store, the profiles and the window's client; switches accounts.

    ``demo_starter`` starts the in-process emulator for demo mode (``app.DemoEmulator``);
    ``demo_key`` is the emulator's key (not a secret). ``api_url_override`` (``--api-url``)
    replaces every profile's base URL. ``settings_dialog`` builds the settings dialog on
    first use (None: there is no settings dialog, and opening it is an error).
    """

    #: After every switch (profile, demo, key saved or deleted): the window shows the new state.
    stateChanged = Signal()
    #: The key store was replaced (by the in-memory one).
    keyStoreChanged = Signal()
    #: The profile list changed (added, edited, deleted).
    profilesChanged = Signal()

    def __init__(
        self,
        keystore: KeyStore,
        profiles: ProfilesStore,
        *,
        api_url_override: str | None = None,
        demo_starter: Callable[[], DemoServer] | None = None,
        demo_key: str = "demo-key",
        client_factory: ClientFactory = default_client_factory,
        settings_dialog: AccountsDialogFactory | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._keystore = keystore
        self._profiles = profiles
        self._override = api_url_override.strip() if api_url_override else None
        self._demo_starter = demo_starter
        self._demo_key = demo_key
        self._client_factory = client_factory
        self._emulator: DemoServer | None = None
        self._window: AccountsHost | None = None
        self._settings: AppSettings | None = None
        self._gateway: ClosableGateway | None = None
        self._profile: Profile | None = None  # None in demo mode
        self._has_key = False
        self._problem: KeyStoreError | None = None
        self._switches = LatestOnly()  # a later switch supersedes a key still being read
        self._dialog_factory = settings_dialog
        self._dialog: AccountsDialog | None = None
        self._pending_close: ClosableGateway | None = None
        # Widgets, once attached.
        self.profile_combo: QComboBox | None = None
        self.settings_button: QPushButton | None = None
        self.settings_action: QAction | None = None
        self.demo_action: QAction | None = None
        self.first_run: FirstRunScreen | None = None
        self.damage_label: QLabel | None = None
        self._stack: QStackedWidget | None = None
        self._main_page: QWidget | None = None

    # ------------------------------------------------------------------ state
    @property
    def keystore(self) -> KeyStore:
        """The key store (read-only use: change keys with :meth:`store_key`/:meth:`delete_key`)."""
        return self._keystore

    @property
    def profiles(self) -> ProfilesStore:
        """The profiles (read-only use: change them with the operations below)."""
        return self._profiles

    def profile_list(self) -> list[Profile]:
        """Every stored profile, in the stored order."""
        return self._profiles.profiles()

    def is_managed(self, name: str) -> bool:
        """Whether the organisation's policy defines the profile ``name`` (Settings shows it
        as managed: only its key is the agent's)."""
        return self._profiles.is_managed(name)

    @property
    def language(self) -> str:
        """The language chosen in Settings (``""``: follow the system); used from the next start."""
        return self._profiles.language

    def set_language(self, code: str) -> None:
        log.info("language chosen for the next start: %r", code or "follow the system")
        self._profiles.set_language(code)

    @property
    def profiles_locked(self) -> bool:
        """The policy forbids adding and removing profiles."""
        return self._profiles.locked

    @property
    def custom_urls_forbidden(self) -> bool:
        return self._profiles.custom_forbidden

    def find_profile(self, name: str) -> Profile | None:
        """The stored profile called ``name`` (case-insensitive), or None."""
        return self._profiles.get(name)

    @property
    def current_profile_name(self) -> str:
        """The profile in use, or used last (in demo mode)."""
        return self._profiles.current_name

    @property
    def key_store_name(self) -> str:
        """Where keys are kept, for people (never raises)."""
        return self._keystore.backend_name

    @property
    def api_url_override(self) -> str | None:
        return self._override

    @property
    def current_profile(self) -> Profile | None:
        """The profile in use; None in demo mode."""
        return self._profile

    @property
    def is_demo(self) -> bool:
        return self._profile is None and self._gateway is not None

    @property
    def has_key(self) -> bool:
        """Whether the window can send (a key for the profile, or demo mode)."""
        return self._has_key

    @property
    def gateway(self) -> ClosableGateway | None:
        return self._gateway

    @property
    def emulator(self) -> DemoServer | None:
        return self._emulator

    @property
    def window(self) -> AccountsHost | None:
        return self._window

    def uses_memory_store(self) -> bool:
        return isinstance(self._keystore, MemoryKeyStore)

    # ------------------------------------------------------------------ derived values
    def base_url_for(self, profile: Profile) -> str:
        """Where requests for ``profile`` go: ``--api-url`` if given, else the profile's URL.

        Raises :class:`~inflow_desk.storage.profiles.ProfileNeedsAttention` for a profile
        damaged in the settings, even with ``--api-url``: nothing is sent until it is fixed.
        """
        if profile.needs_attention:
            return profile.base_url  # raises
        return self._override or profile.base_url

    def environment_for(self, profile: Profile) -> Environment:
        """The environment the badge shows: the override's, when ``--api-url`` is given."""
        if self._override:
            return environment_for_url(self._override)
        return profile.environment

    def account_for(self, profile: Profile) -> Account:
        if profile.needs_attention:
            return Account(
                profile.name,
                NEEDS_ATTENTION,
                translate("AccountController", "no address: open Settings (Ctrl+,)"),
            )
        return Account(
            name=profile.name,
            environment=self.environment_for(profile).name,
            base_url=self.base_url_for(profile),
            checkout_hosts=profile.checkout_hosts,
        )

    def demo_account(self) -> Account:
        assert self._emulator is not None
        base_url = self._emulator.base_url
        # The demo's links lead to the emulator's own checkout page on this loopback port.
        page = base_url.split("://", 1)[-1].rstrip("/")
        return Account(
            translate("AccountController", DEMO_ACCOUNT_NAME),
            Environment.DEMO.name,
            base_url,
            loopback_checkout=(page,),
        )

    def make_client(self, api_key: str, base_url: str) -> ClosableGateway:
        """A client for ``base_url``; ValueError (key-free text) if the key or URL is unusable."""
        return self._client_factory(api_key, base_url)

    def settings_profile(self) -> str:
        """The ``AppSettings`` scope of the current account (recent products, redirects)."""
        return DEMO_SETTINGS_PROFILE if self._profile is None else self._profile.name

    # ------------------------------------------------------------------ start-up
    def initial_connection(
        self, profile_name: str | None = None, *, demo: bool = False
    ) -> tuple[Account, ClosableGateway]:
        """What the window starts with (read synchronously: there is no window yet).

        ``profile_name`` (``--profile``) is created on Production if it does not exist;
        None means the profile used last.
        """
        if demo:
            return self._enter_demo()
        profile = self._resolve_profile(profile_name)
        if profile.needs_attention:  # nothing will be sent: no need to open the keychain
            return self._connect(profile, KeyState(None))
        state = read_key(self._keystore, profile.name)
        return self._connect(profile, state)

    def _resolve_profile(self, name: str | None) -> Profile:
        if name is None:
            return self._profiles.current()
        profile = self._profiles.get(name)
        if profile is None:
            placeholder = self._profiles.placeholder(name)  # ValueError for a bad name
            if placeholder is not None:
                # The stored list is unreadable: this profile may exist there on another
                # environment. Never assume Production; the agent decides in Settings.
                return placeholder
            profile = Profile(name, Environment.PRODUCTION)  # ValueError for a bad name
            self._profiles.add(profile)
        return profile

    def _enter_demo(self) -> tuple[Account, ClosableGateway]:
        if self._emulator is None:
            if self._demo_starter is None:
                raise RuntimeError("demo mode is not available")
            self._emulator = self._demo_starter()
        gateway = self.make_client(self._demo_key, self._emulator.base_url)
        self._replace_gateway(gateway)
        self._profile = None
        self._has_key = True
        self._problem = None
        return self.demo_account(), gateway

    def _connect(self, profile: Profile, state: KeyState) -> tuple[Account, ClosableGateway]:
        """Build the client for ``profile`` (or the no-key stand-in) and make it current."""
        problem = state.problem
        gateway: ClosableGateway
        has_key = False
        if profile.needs_attention:
            # Damaged in the settings: no address, so no client; the key is not even used.
            problem = None
            gateway = MissingKeyGateway(
                profile.name,
                translate(
                    "AccountController",
                    "The profile “{profile}” {attention} (Ctrl+,) to choose its environment. "
                    "Nothing is sent until then.",
                ).format(profile=profile.name, attention=profile.attention),
            )
        elif state.key is not None:
            try:
                gateway = self.make_client(state.key, self.base_url_for(profile))
                has_key = True
            except UnusableKeyError as exc:
                log.warning("profile %r: stored key unusable (%s)", profile.name, exc.reason)
                problem = StoredKeyUnusable(exc.reason)
                gateway = MissingKeyGateway(profile.name, key_store_problem_text(problem))
            except ValueError as exc:  # the client refused the address
                log.warning("profile %r: address unusable (%s)", profile.name, exc)
                problem = KeyStoreError("use", cause=type(exc).__name__)
                gateway = MissingKeyGateway(profile.name, key_store_problem_text(problem))
        else:
            gateway = MissingKeyGateway(
                profile.name,
                key_store_problem_text(problem) if isinstance(problem, StoredKeyUnusable) else None,
            )
        self._replace_gateway(gateway)
        self._profile = profile
        self._has_key = has_key
        self._problem = problem
        if self._profiles.get(profile.name) is not None:  # not a stand-in for an unreadable list
            self._profiles.set_current(profile.name)
        log.info(
            "account: profile %r, %s, key %s",
            profile.name,
            NEEDS_ATTENTION if profile.needs_attention else self.environment_for(profile).name,
            "not used" if profile.needs_attention else ("present" if has_key else "missing"),
        )
        return self.account_for(profile), gateway

    def _replace_gateway(self, gateway: ClosableGateway) -> None:
        """Make ``gateway`` current. The old one is closed now if no window uses it, else
        right after the window was switched over (:meth:`_install`)."""
        old, self._gateway = self._gateway, gateway
        if old is None or old is gateway:
            return
        if self._window is None:
            old.close()
            return
        if self._pending_close is not None:
            self._pending_close.close()
        self._pending_close = old

    # ------------------------------------------------------------------ the window
    def attach(self, window: AccountsHost, settings: AppSettings) -> None:
        """Add the profile picker, Settings, the demo notice and the first-run screen."""
        self._window = window
        self._settings = settings
        top = window.window()  # the widget itself: what new widgets and shortcuts belong to

        combo = QComboBox(top)
        combo.setObjectName("profileCombo")
        combo.setAccessibleName(translate("AccountController", "Merchant profile"))
        combo.setAccessibleDescription(
            translate("AccountController", "The merchant account new links are created for")
        )
        combo.setToolTip(
            shortcut_tip(
                translate("AccountController", "Switch merchant account"), PROFILE_SHORTCUT
            )
        )
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.activated.connect(self._on_combo_activated)
        self.profile_combo = combo
        # On Linux a combo box's accessible name is its current item (Qt leaves the accessible
        # name set above to Windows and macOS): Orca says what it is called from the label the
        # combo is labelled by (AT-SPI "labelled-by", Qt's buddy), else only "default ·
        # Production". The label is shown: one name for eyes, screen readers and voice control.
        # (Two lines in a longer language, not a wider window.)
        label = WrappingLabel(translate("AccountController", "Merchant profile"), top)
        label.setObjectName("profileComboLabel")
        label.setBuddy(combo)
        window.add_top_bar_widget(label)
        window.add_top_bar_widget(combo)
        bind_shortcut(top, PROFILE_SHORTCUT, self._focus_profile_combo)

        button = QPushButton(translate("AccountController", "Settings"), top)  # icon: kit/icons.py
        button.setObjectName("settingsButton")
        button.setAccessibleName(translate("AccountController", "Settings: accounts and API keys"))
        button.setToolTip(
            shortcut_tip(translate("AccountController", "Accounts and API keys"), SETTINGS_SHORTCUT)
        )
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        button.clicked.connect(lambda: self.open_settings())
        self.settings_button = button
        window.add_top_bar_widget(button)

        menu = window.menu("&Settings")
        action = menu.addAction(translate("AccountController", "&Accounts and API keys…"))
        action.setObjectName("settingsAction")
        action.setShortcut(QKeySequence(SETTINGS_SHORTCUT))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda: self.open_settings())
        self.settings_action = action
        window.addAction(action)  # the shortcut works even while the menu bar is hidden
        demo_action = menu.addAction(
            translate("AccountController", "Try the &demo (no real payments)")
        )
        demo_action.setObjectName("demoAction")
        demo_action.triggered.connect(self.switch_to_demo)
        self.demo_action = demo_action

        # The work area (the form and the result) shares a stack with the first-run screen,
        # so the top bar — profile, Settings, environment badge — stays in view.
        stack = QStackedWidget(window.centralWidget())
        stack.setObjectName("accountStack")
        main_page = window.replace_work_area(stack)
        stack.addWidget(main_page)
        first_run = FirstRunScreen(stack)
        first_run.enterKeyRequested.connect(lambda: self.open_settings(focus_key=True))
        first_run.demoRequested.connect(self.switch_to_demo)
        first_run.useMemoryRequested.connect(self.use_memory_store)
        first_run.retryRequested.connect(self.reload)
        stack.addWidget(first_run)
        self.first_run = first_run
        self._stack = stack
        self._main_page = main_page

        notice = self._profiles.damage_notice
        if notice is not None:  # never silently: the agent must know settings were damaged
            label = WrappingLabel(
                translate("AccountController", "⚠ Settings damaged — open Settings"), top
            )
            label.setObjectName("settingsDamagedLabel")
            set_style(label, f"color: {palette.DANGER_STRONG}; font-weight: bold;")
            label.setToolTip(notice)
            label.setAccessibleName(translate("AccountController", "Settings damaged"))
            label.setAccessibleDescription(notice)
            window.add_top_bar_widget(label)
            self.damage_label = label

        self.refresh_profiles()
        self._show_state()

    def _focus_profile_combo(self) -> None:
        if self.profile_combo is not None:
            self.profile_combo.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.profile_combo.showPopup()

    def refresh_profiles(self) -> None:
        """Rebuild the profile picker from the stored profiles."""
        combo = self.profile_combo
        if combo is None:
            return
        combo.blockSignals(True)
        combo.clear()
        profiles = self._profiles.profiles()
        current = self._profile
        if current is not None and current.name not in {p.name for p in profiles}:
            profiles.append(current)  # a stand-in (--profile while the list is unreadable)
        for profile in profiles:
            title = (
                profile.attention
                if profile.needs_attention
                else environment_title(profile.environment)
            )
            combo.addItem(f"{profile.name} · {title}", profile.name)
        combo.addItem(translate("AccountController", "Demo · no real payments"), DEMO_COMBO_DATA)
        self._select_current_in_combo()
        combo.blockSignals(False)

    def _select_current_in_combo(self) -> None:
        combo = self.profile_combo
        if combo is None:
            return
        data = DEMO_COMBO_DATA if self._profile is None else self._profile.name
        index = combo.findData(data)
        if index >= 0:
            combo.setCurrentIndex(index)

    def _on_combo_activated(self, index: int) -> None:
        assert self.profile_combo is not None
        data = self.profile_combo.itemData(index)
        if data == DEMO_COMBO_DATA:
            self.switch_to_demo()
        elif isinstance(data, str):
            self.switch_to_profile(data)

    def _can_switch(self) -> bool:
        window = self._window
        if window is not None and window.busy:
            window.status_label.setText(
                translate(
                    "AccountController", "Wait for the current request before switching accounts."
                )
            )
            self._select_current_in_combo()
            return False
        return True

    # ------------------------------------------------------------------ switching
    def switch_to_profile(self, name: str) -> bool:
        """Read the key of ``name`` (in a worker), then talk to that account.

        Returns False (and changes nothing) while the window is sending a request.
        """
        profile = self._profiles.get(name)
        if profile is None or not self._can_switch():
            return False
        store = self._keystore
        if self.profile_combo is not None:
            self.profile_combo.setEnabled(False)

        def done(state: KeyState) -> None:
            self._apply_profile(profile, state)

        def failed(exc: BaseException) -> None:
            log.error("reading the key failed unexpectedly: %s", type(exc).__name__)
            problem = KeyStoreError("read", cause=type(exc).__name__)
            self._apply_profile(profile, KeyState(None, problem))

        run_in_background(
            lambda: read_key(store, profile.name), done, failed, owner=self, latest=self._switches
        )
        return True

    def _apply_profile(self, profile: Profile, state: KeyState) -> None:
        if self._window is not None and self._window.busy:
            # A request started while the key was being read: try again once it is done.
            self._window.requestFinished.connect(
                lambda: self.switch_to_profile(profile.name), Qt.ConnectionType.SingleShotConnection
            )
            return
        account, gateway = self._connect(profile, state)
        self._install(account, gateway)

    def switch_to_demo(self) -> bool:
        """Talk to the built-in emulator (started on first use): no key, no real payments."""
        if not self._can_switch():
            return False
        self._switches.supersede()
        account, gateway = self._enter_demo()
        log.info("account: demo mode on %s", account.base_url)
        self._install(account, gateway)
        return True

    def reload(self) -> bool:
        """Read the current profile's key again (after it was saved, deleted or unlocked)."""
        if self._profile is None:
            return False
        return self.switch_to_profile(self._profile.name)

    def _install(self, account: Account, gateway: ClosableGateway) -> None:
        window = self._window
        if window is None:
            return
        old = self._pending_close
        self._pending_close = None
        settings = self._settings
        previous_scope = settings.profile if settings is not None else None
        if settings is not None:
            settings.profile = self.settings_profile()
        window.set_account(account, gateway)
        if old is not None and old is not gateway:
            old.close()
        if settings is not None and settings.profile != previous_scope:
            window.recent_products.set_products(settings.recent_products())
            window.options_form.set_redirects(*settings.default_redirects())
        self._show_state()
        self.stateChanged.emit()

    def _show_state(self) -> None:
        """Main page or first-run screen, demo notice, picker — from the current state."""
        window = self._window
        if window is None or self._stack is None or self.first_run is None:
            return
        if self.profile_combo is not None:
            self.profile_combo.setEnabled(True)
            self._select_current_in_combo()
        demo = self._profile is None
        if self.demo_action is not None:
            self.demo_action.setEnabled(not demo)
        profile = self._profile
        first_run = profile is not None and not self._has_key
        window.create_button.setVisible(not first_run)
        if profile is None or self._has_key:
            if self._main_page is not None and self._stack.currentWidget() is not self._main_page:
                self._stack.setCurrentWidget(self._main_page)
                if window.isVisible():
                    window.focus_form()  # ready to type the first product
            return
        if profile.needs_attention:
            self.first_run.show_attention(
                profile_name=profile.name,
                attention=profile.attention or "",
                notice=self._profiles.damage_notice,
            )
            self._stack.setCurrentWidget(self.first_run)
            if window.isVisible():
                self.first_run.focus_first()
            return
        problem = self._problem
        self.first_run.show_state(
            profile_label=translate(
                "AccountController", "the profile “{profile}” on {environment}"
            ).format(
                profile=profile.name, environment=environment_title(self.environment_for(profile))
            ),
            base_url=self.base_url_for(profile),
            problem=key_store_problem_text(problem) if problem is not None else None,
            can_use_memory=isinstance(problem, KeyStoreUnavailable | KeyStoreLocked)
            and not self.uses_memory_store(),
            can_retry=isinstance(problem, KeyStoreLocked),
            key_unusable=isinstance(problem, StoredKeyUnusable),
        )
        self._stack.setCurrentWidget(self.first_run)
        if window.isVisible():
            self.first_run.focus_first()

    def showing_first_run(self) -> bool:
        return self._stack is not None and self._stack.currentWidget() is self.first_run

    # ------------------------------------------------------------------ key store
    def use_memory_store(self) -> None:
        """Keep keys in memory for this run only (the keychain is unavailable or locked).

        Keys already in the keychain are not copied; nothing is ever written to disk.
        """
        if self.uses_memory_store():
            return
        log.warning("key store: keeping keys in memory for this run only")
        self._keystore = MemoryKeyStore()
        self.keyStoreChanged.emit()
        if self._profile is not None:
            self._problem = None
            self._show_state()
            self.stateChanged.emit()

    # ------------------------------------------------------------------ settings dialog
    def open_settings(self, profile_name: str | None = None, *, focus_key: bool = False) -> None:
        """Show the settings dialog (one per window, kept between openings)."""
        if self._dialog is None:
            if self._dialog_factory is None:
                raise RuntimeError("this account controller has no settings dialog")
            parent = self._window.window() if self._window is not None else None
            self._dialog = self._dialog_factory(self, parent)
        dialog = self._dialog
        name = profile_name or (self._profile.name if self._profile else None)
        dialog.select_profile(name)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        if focus_key:
            dialog.focus_key()

    @property
    def settings_dialog(self) -> AccountsDialog | None:
        return self._dialog

    # ------------------------------------------------------------------ account changes
    # Profiles change on the GUI thread. Key operations block (a keychain may show an unlock
    # prompt): call them in a worker, then :meth:`key_changed` on the GUI thread.
    def add_profile(self, profile: Profile, *, reconnect: bool = True) -> None:
        """Store a new profile (ValueError if the name is taken or the profile unstorable)."""
        self._profiles.add(profile)
        self._profiles_changed(profile.name, reconnect=reconnect)

    def update_profile(self, profile: Profile, *, reconnect: bool = True) -> None:
        """Store an edited profile — its environment, address or checkout hosts — under its
        name; the window talks to the new address at once if it is the current profile
        (``reconnect=False``: a key is being saved too, :meth:`key_changed` follows)."""
        self._profiles.update(profile)
        self._profiles_changed(profile.name, reconnect=reconnect)

    def remove_profile(self, name: str) -> None:
        """Forget the profile ``name`` (its key deleted first with :meth:`delete_key`); the
        window moves to the profile the store makes current if it was using this one."""
        self._profiles.delete(name)
        self.refresh_profiles()
        self.profilesChanged.emit()
        if self._profile is not None and self._profile.name.casefold() == name.casefold():
            self.switch_to_profile(self._profiles.current_name)

    def _profiles_changed(self, name: str, *, reconnect: bool) -> None:
        self.refresh_profiles()
        self.profilesChanged.emit()
        if reconnect:
            self.key_changed(name)

    def stored_key(self, name: str) -> str | None:
        """The key stored for ``name`` (blocking: call in a worker). KeyStoreError on failure."""
        return self._keystore.get(name)

    def store_key(self, name: str, key: str) -> None:
        """Save ``key`` for ``name`` (blocking: call in a worker; then :meth:`key_changed`)."""
        self._keystore.set(name, key)

    def delete_key(self, name: str) -> None:
        """Delete the key of ``name`` (blocking: call in a worker; then :meth:`key_changed`)."""
        self._keystore.delete(name)

    def key_changed(self, profile_name: str) -> None:
        """The key (or the profile) of ``profile_name`` changed: reconnect if it is current."""
        if self._profile is not None and self._profile.name == profile_name:
            self.switch_to_profile(profile_name)

    # ------------------------------------------------------------------ shutdown
    def shutdown(self) -> None:
        """Close the client and stop the demo emulator."""
        self._switches.supersede()
        if self._gateway is not None:
            self._gateway.close()
            self._gateway = None
        if self._emulator is not None:
            self._emulator.stop()
            self._emulator = None
