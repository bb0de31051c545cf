"""KeyStore contract, keyring error translation, and the guarantee that keys never leak.

The real keychain is never touched here: keyring-backed stores get an in-memory
``KeyringBackend`` (injected, or selected through ``PYTHON_KEYRING_BACKEND``).
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from collections.abc import Callable, Iterator

import keyring
import keyring.backends.fail
import keyring.backends.null
import keyring.backends.SecretService
import keyring.core
import keyring.errors
import pytest
from keyring.backend import KeyringBackend
from keyring.compat import properties

from inflow_desk.storage.keystore import (
    CANNOT_OPEN,
    KEY_BAD_CHARACTERS,
    KEY_EMPTY,
    NO_BACKEND,
    TURNED_OFF,
    KeyringKeyStore,
    KeyStore,
    KeyStoreError,
    KeyStoreLocked,
    KeyStoreUnavailable,
    MemoryKeyStore,
    UnusableKeyError,
    describe_backend,
    looks_like_inflow_key,
    normalize_key,
)
from inflow_desk.ui.kit.errors import key_store_problem_text
from tests.keyring_backends import InMemoryBackend

SECRET = "inflow_prod_TOPSECRET_4f9a1c"
THIS_MODULE = __name__
BACKENDS_MODULE = InMemoryBackend.__module__


class ServiceNotRunningBackend(KeyringBackend):
    """Like SecretService when no daemon runs: its priority check raises RuntimeError."""

    @properties.classproperty
    def priority(cls) -> float:  # noqa: N805 - a keyring classproperty
        raise RuntimeError("The Secret Service daemon is neither running nor activatable")

    def get_password(self, service: str, username: str) -> str | None:
        raise AssertionError("never loaded")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise AssertionError("never loaded")


class RaisingBackend(InMemoryBackend):
    """Stores like InMemoryBackend, but raises ``exc_factory(text)`` from chosen operations.

    The text handed to the factory contains the key, so a message leak is detectable.
    """

    def __init__(self, exc_factory: Callable[[str], Exception], ops: set[str]) -> None:
        super().__init__()
        self.exc_factory = exc_factory
        self.ops = ops

    def _maybe_raise(self, op: str) -> None:
        if op in self.ops:
            raise self.exc_factory(f"backend failed while handling {SECRET}")

    def get_password(self, service: str, username: str) -> str | None:
        self._maybe_raise("get")
        return super().get_password(service, username)

    def set_password(self, service: str, username: str, password: str) -> None:
        self._maybe_raise("set")
        super().set_password(service, username, password)

    def delete_password(self, service: str, username: str) -> None:
        self._maybe_raise("delete")
        super().delete_password(service, username)


@pytest.fixture
def fresh_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Forget keyring's cached backend for this test (restored afterwards)."""
    monkeypatch.setattr(keyring.core, "_keyring_backend", None)
    yield


@pytest.fixture(params=["memory", "keyring-injected", "keyring-env"])
def store(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> KeyStore:
    if request.param == "memory":
        return MemoryKeyStore()
    if request.param == "keyring-injected":
        return KeyringKeyStore(backend=InMemoryBackend())
    monkeypatch.setattr(keyring.core, "_keyring_backend", None)
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", f"{BACKENDS_MODULE}.InMemoryBackend")
    return KeyringKeyStore()


# ------------------------------------------------------------------ the contract


def test_store_satisfies_protocol(store: KeyStore) -> None:
    assert isinstance(store, KeyStore)


def test_get_absent_is_none(store: KeyStore) -> None:
    assert store.get("nobody") is None


def test_set_then_get(store: KeyStore) -> None:
    store.set("acme", SECRET)
    assert store.get("acme") == SECRET


def test_set_strips_surrounding_whitespace(store: KeyStore) -> None:
    store.set("acme", f"  {SECRET}\r\n")
    assert store.get("acme") == SECRET


def test_set_replaces_previous_key(store: KeyStore) -> None:
    store.set("acme", "inflow_old")
    store.set("acme", "inflow_new")
    assert store.get("acme") == "inflow_new"


def test_profiles_are_independent(store: KeyStore) -> None:
    store.set("acme", "inflow_a")
    store.set("Acme", "inflow_b")
    store.set("beta corp", "inflow_c")
    store.delete("acme")
    assert store.get("acme") is None
    assert store.get("Acme") == "inflow_b"
    assert store.get("beta corp") == "inflow_c"


def test_delete_then_get_is_none(store: KeyStore) -> None:
    store.set("acme", SECRET)
    store.delete("acme")
    assert store.get("acme") is None


def test_delete_absent_is_not_an_error(store: KeyStore) -> None:
    store.delete("never-stored")
    store.set("acme", SECRET)
    store.delete("acme")
    store.delete("acme")
    assert store.get("acme") is None


@pytest.mark.parametrize("profile", ["", "   ", "\t\n"])
def test_blank_profile_is_rejected(store: KeyStore, profile: str) -> None:
    with pytest.raises(ValueError, match="profile name is empty"):
        store.get(profile)
    with pytest.raises(ValueError, match="profile name is empty"):
        store.set(profile, SECRET)
    with pytest.raises(ValueError, match="profile name is empty"):
        store.delete(profile)


@pytest.mark.parametrize("key", ["", "  ", "\n", " \t\r\n "])
def test_blank_key_is_rejected(store: KeyStore, key: str) -> None:
    with pytest.raises(UnusableKeyError, match="empty") as info:
        store.set("acme", key)
    assert info.value.reason == KEY_EMPTY
    assert store.get("acme") is None


@pytest.mark.parametrize("key", [f"{SECRET}\nsecond-line", f"inflow_\x00{SECRET}", f"{SECRET}\x7f"])
def test_key_with_control_characters_is_rejected_without_echoing_it(
    store: KeyStore, key: str
) -> None:
    with pytest.raises(ValueError) as info:
        store.set("acme", key)
    assert SECRET not in str(info.value)
    assert "inflow_" not in str(info.value)
    assert store.get("acme") is None


def test_key_not_in_repr(store: KeyStore) -> None:
    store.set("acme", SECRET)
    assert SECRET not in repr(store)
    assert SECRET not in str(store)


def test_backend_name_is_human_readable(store: KeyStore) -> None:
    name = store.backend_name
    assert isinstance(name, str)
    assert name.strip()
    assert SECRET not in name


def test_key_never_logged(store: KeyStore, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG):
        store.set("acme", SECRET)
        assert store.get("acme") == SECRET
        store.delete("acme")
    assert SECRET not in caplog.text


# ------------------------------------------------------------------ memory specifics


def test_memory_backend_name() -> None:
    assert MemoryKeyStore().backend_name == "memory (this run only)"


def test_memory_stores_are_separate() -> None:
    a, b = MemoryKeyStore(), MemoryKeyStore()
    a.set("acme", SECRET)
    assert b.get("acme") is None


def test_memory_repr_lists_profiles_only() -> None:
    store = MemoryKeyStore()
    store.set("acme", SECRET)
    assert repr(store) == "MemoryKeyStore(profiles=['acme'])"


# ------------------------------------------------------------------ keyring specifics


def test_keyring_store_uses_service_and_profile_as_username() -> None:
    backend = InMemoryBackend()
    KeyringKeyStore(backend=backend).set("acme", SECRET)
    KeyringKeyStore("other-app", backend=backend).set("acme", "inflow_other")
    assert backend.passwords == {
        ("inflow-desk", "acme"): SECRET,
        ("other-app", "acme"): "inflow_other",
    }


def test_keyring_backend_name_for_injected_backend() -> None:
    store = KeyringKeyStore(backend=InMemoryBackend())
    assert store.backend_name == f"{BACKENDS_MODULE}.InMemoryBackend"


def test_describe_backend_gives_friendly_name_and_class() -> None:
    backend = keyring.backends.SecretService.Keyring()
    assert describe_backend(backend) == "Secret Service (keyring.backends.SecretService.Keyring)"


def test_default_store_honours_env_backend_set_after_construction(
    monkeypatch: pytest.MonkeyPatch, fresh_keyring: None
) -> None:
    store = KeyringKeyStore()  # constructed before the variable is set: resolution is lazy
    assert keyring.core._keyring_backend is None
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", f"{BACKENDS_MODULE}.InMemoryBackend")
    store.set("acme", SECRET)
    assert isinstance(keyring.get_keyring(), InMemoryBackend)
    assert store.get("acme") == SECRET
    assert store.backend_name == f"{BACKENDS_MODULE}.InMemoryBackend"


def test_importing_keystore_does_not_load_keyring() -> None:
    code = (
        "import sys, inflow_desk.storage.keystore as k; k.KeyringKeyStore(); k.MemoryKeyStore(); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'keyring'))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.strip() == "[]"


def _assert_clean(error: BaseException) -> None:
    """No key in the text, no keyring internals chained."""
    assert SECRET not in str(error)
    assert SECRET not in repr(error)
    assert "keyring" not in str(error).lower()
    assert error.__cause__ is None
    # Either nothing was being handled, or the original is hidden (``raise ... from None``).
    assert error.__context__ is None or error.__suppress_context__ is True


UNAVAILABLE_PREFIX = "No system keychain is available on this computer ("
UNAVAILABLE_SUFFIX = "). You can keep the key in memory for this run only."
LOCKED_MESSAGE = (
    "The system keychain is locked. Unlock it and try again, "
    "or keep the key in memory for this run only."
)


def _run(store: KeyringKeyStore, op: str) -> None:
    if op == "get":
        store.get("acme")
    elif op == "set":
        store.set("acme", SECRET)
    else:
        store.delete("acme")


@pytest.mark.parametrize("op", ["get", "set", "delete"])
def test_conftest_fail_backend_is_unavailable(
    op: str, monkeypatch: pytest.MonkeyPatch, fresh_keyring: None
) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    store = KeyringKeyStore()
    with pytest.raises(KeyStoreUnavailable) as info:
        _run(store, op)
    assert info.value.reason == NO_BACKEND
    message = key_store_problem_text(info.value)  # what the agent reads (the error funnel)
    assert message.startswith(UNAVAILABLE_PREFIX)
    assert message.endswith(UNAVAILABLE_SUFFIX)
    _assert_clean(info.value)
    assert store.backend_name == f"unavailable: {NO_BACKEND}"


@pytest.mark.parametrize(
    "backend",
    [
        keyring.backends.fail.Keyring(),
        keyring.backends.null.Keyring(),
    ],
)
@pytest.mark.parametrize("op", ["get", "set", "delete"])
def test_fail_and_null_backends_are_unavailable(op: str, backend: KeyringBackend) -> None:
    # null.Keyring silently drops what is saved: reporting it as "no keychain" is the honest answer.
    with pytest.raises(KeyStoreUnavailable) as info:
        _run(KeyringKeyStore(backend=backend), op)
    assert info.value.reason in {NO_BACKEND, TURNED_OFF}
    assert key_store_problem_text(info.value).startswith(UNAVAILABLE_PREFIX)
    _assert_clean(info.value)


@pytest.mark.parametrize(
    ("backend_path", "reason"),
    [
        (f"{THIS_MODULE}.ServiceNotRunningBackend", "service is not running"),
        ("no_such_package.Keyring", "backend does not exist"),
        (f"{THIS_MODULE}.NoSuchClass", "backend does not exist"),
    ],
)
def test_backend_that_cannot_load_is_unavailable(
    backend_path: str, reason: str, monkeypatch: pytest.MonkeyPatch, fresh_keyring: None
) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", backend_path)
    store = KeyringKeyStore()
    with pytest.raises(KeyStoreUnavailable, match=reason) as info:
        store.get("acme")
    _assert_clean(info.value)
    assert store.backend_name.startswith("unavailable: ")
    # Once the problem is fixed, the same store works: no failure is cached.
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", f"{BACKENDS_MODULE}.InMemoryBackend")
    assert store.get("acme") is None


ERROR_TABLE = [
    (keyring.errors.NoKeyringError, KeyStoreUnavailable),
    (keyring.errors.InitError, KeyStoreUnavailable),
    (keyring.errors.KeyringLocked, KeyStoreLocked),
    (keyring.errors.PasswordSetError, KeyStoreError),
    (keyring.errors.KeyringError, KeyStoreError),
    (OSError, KeyStoreError),  # D-Bus / socket trouble from a backend's own library
    (RuntimeError, KeyStoreError),
]


@pytest.mark.parametrize(("raised", "expected"), ERROR_TABLE)
@pytest.mark.parametrize("op", ["get", "set", "delete"])
def test_keyring_errors_are_translated(
    raised: type[Exception],
    expected: type[KeyStoreError],
    op: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    store = KeyringKeyStore(backend=RaisingBackend(raised, {op}))
    with caplog.at_level(logging.DEBUG), pytest.raises(KeyStoreError) as info:
        _run(store, op)
    assert type(info.value) is expected
    _assert_clean(info.value)
    assert SECRET not in caplog.text
    assert "'acme'" in caplog.text  # the profile is logged, the key is not
    message = key_store_problem_text(info.value)  # what the agent reads (the error funnel)
    _assert_clean(RuntimeError(message))
    if isinstance(info.value, KeyStoreUnavailable):
        assert info.value.reason in {NO_BACKEND, CANNOT_OPEN}
        assert message.startswith(UNAVAILABLE_PREFIX)
        assert message.endswith(UNAVAILABLE_SUFFIX)
    elif expected is KeyStoreLocked:
        assert message == LOCKED_MESSAGE
    else:
        assert info.value.action in {"read", "save", "delete"}
        assert "system keychain" in message
        assert "Try again" in message


def test_password_set_error_message_says_not_saved() -> None:
    store = KeyringKeyStore(backend=RaisingBackend(keyring.errors.PasswordSetError, {"set"}))
    with pytest.raises(KeyStoreError) as info:
        store.set("acme", SECRET)
    assert info.value.action == "save"
    assert "could not be saved" in key_store_problem_text(info.value)


def test_password_delete_error_while_key_still_present_is_an_error() -> None:
    backend = RaisingBackend(keyring.errors.PasswordDeleteError, {"delete"})
    store = KeyringKeyStore(backend=backend)
    store.set("acme", SECRET)
    with pytest.raises(KeyStoreError) as info:
        store.delete("acme")
    assert type(info.value) is KeyStoreError
    assert info.value.action == "delete"
    assert "could not be removed" in key_store_problem_text(info.value)
    _assert_clean(info.value)
    assert store.get("acme") == SECRET


def test_password_delete_error_for_absent_key_is_ignored() -> None:
    backend = RaisingBackend(keyring.errors.PasswordDeleteError, {"delete"})
    store = KeyringKeyStore(backend=backend)
    store.delete("acme")  # no exception: nothing was there
    assert store.get("acme") is None


def test_error_repr_and_str() -> None:
    # str() and repr() are for the log: data, no sentence for the agent, never a key.
    error = KeyStoreLocked("save")
    assert str(error) == "key store locked"
    assert repr(error) == "KeyStoreLocked(action='save', cause=None)"
    assert str(KeyStoreError("read", cause="OSError")) == (
        "key store: could not read the key (OSError)"
    )
    assert str(KeyStoreUnavailable(NO_BACKEND)) == f"key store unavailable: {NO_BACKEND}"
    assert isinstance(error, KeyStoreError)
    assert issubclass(KeyStoreUnavailable, KeyStoreError)


def test_keyring_store_repr() -> None:
    assert repr(KeyringKeyStore()) == "KeyringKeyStore(service='inflow-desk')"
    store = KeyringKeyStore("svc", backend=InMemoryBackend())
    store.set("acme", SECRET)
    backend = f"{BACKENDS_MODULE}.InMemoryBackend"
    assert repr(store) == f"KeyringKeyStore(service='svc', backend={backend})"


def test_blank_service_is_rejected() -> None:
    with pytest.raises(ValueError, match="service name is empty"):
        KeyringKeyStore(" ")


def test_env_var_is_not_overridden_by_the_store(
    monkeypatch: pytest.MonkeyPatch, fresh_keyring: None
) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", f"{BACKENDS_MODULE}.InMemoryBackend")
    before = dict(os.environ)
    store = KeyringKeyStore()
    store.set("acme", SECRET)
    store.get("acme")
    store.delete("acme")
    assert dict(os.environ) == before


# ------------------------------------------------------------------ key helpers


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("inflow_prod_abc", True),
        ("inflow_priv_abc", True),
        ("  inflow_pub_abc\n", True),
        ("sk_live_abc", False),
        ("INFLOW_prod_abc", False),
        ("inflow-prod-abc", False),
        ("", False),
    ],
)
def test_looks_like_inflow_key(key: str, expected: bool) -> None:
    assert looks_like_inflow_key(key) is expected


def test_keys_without_inflow_prefix_are_still_stored() -> None:
    store = MemoryKeyStore()
    store.set("acme", "sk_live_not_inflow")
    assert store.get("acme") == "sk_live_not_inflow"


def test_normalize_key() -> None:
    assert normalize_key(" \tinflow_xy \n") == "inflow_xy"
    with pytest.raises(ValueError) as info:  # it could never be sent as a header
        normalize_key("inflow_x y")
    assert isinstance(info.value, UnusableKeyError) and info.value.reason == KEY_BAD_CHARACTERS
    with pytest.raises(UnusableKeyError) as info:
        normalize_key(" ")
    assert info.value.reason == KEY_EMPTY
