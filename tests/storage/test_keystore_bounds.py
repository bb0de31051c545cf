"""What can be an API key, on saving and on loading (issue 13, item 9 (a) and (b)).

A key is sent as an HTTP header: printable ASCII without spaces, and no real key is longer than
1,024 characters. Saving refuses anything else; a value another tool left in the keychain is
refused on loading with :class:`StoredKeyUnusable`. No message or log line quotes the value.
"""

from __future__ import annotations

import logging

import pytest

from inflow_desk.storage.keystore import (
    MAX_KEY_LENGTH,
    KeyringKeyStore,
    KeyStoreError,
    MemoryKeyStore,
    StoredKeyUnusable,
    UnusableKeyError,
    normalize_key,
)
from inflow_desk.ui.kit.errors import key_store_problem_text, unusable_key_text
from tests.keyring_backends import InMemoryBackend


def agent_text(error: BaseException) -> str:
    """What the agent reads for ``error`` (the error funnel's words)."""
    if isinstance(error, KeyStoreError):
        return key_store_problem_text(error)
    assert isinstance(error, UnusableKeyError)
    return unusable_key_text(error)


SERVICE = "inflow-desk"

NON_ASCII_KEYS = {
    "accent": "inflow_clé_4f9a1cSECRETPART",
    "zero-width space": "inflow_4f9a\u200b1cSECRETPART",
    "nbsp inside": "inflow_4f9a\u00a01cSECRETPART",
    "cyrillic a": "inflow_4f9\u04301cSECRETPART",
    "emoji": "inflow_4f9a1c🔑SECRETPART",
    "lone surrogate": "inflow_4f9a1c\ud800SECRETPART",
    "inner space": "inflow_4f9a 1cSECRETPART",
}
LONG_KEY = "inflow_" + "SECRETPART" * 10_000  # ~100 KB: a log or a page pasted by mistake


def keyring_store_holding(value: str) -> KeyringKeyStore:
    """A keychain into which another tool wrote ``value`` for the profile "Acme"."""
    backend = InMemoryBackend()
    backend.set_password(SERVICE, "Acme", value)
    return KeyringKeyStore(SERVICE, backend=backend)


@pytest.mark.parametrize("key", NON_ASCII_KEYS.values(), ids=NON_ASCII_KEYS.keys())
def test_a_stored_key_with_characters_a_key_cannot_have_is_refused_on_loading(
    key: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    store = keyring_store_holding(key)
    with pytest.raises(StoredKeyUnusable) as raised:
        store.get("Acme")
    assert raised.value.reason == "characters"
    assert agent_text(raised.value) == (
        "The stored key contains characters an API key cannot have — open Settings and "
        "paste it again."
    )
    assert isinstance(raised.value, KeyStoreError)  # callers treat it like any keychain trouble
    assert "SECRETPART" not in repr(raised.value)
    assert "SECRETPART" not in caplog.text
    assert "'Acme'" in caplog.text  # the log says which profile


def test_a_100_kb_stored_key_is_refused_on_loading(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    with pytest.raises(StoredKeyUnusable) as raised:
        keyring_store_holding(LONG_KEY).get("Acme")
    assert raised.value.reason == "too long"
    assert "longer than 1,024 characters" in agent_text(raised.value)
    assert "open Settings and paste it again" in agent_text(raised.value)
    assert "SECRETPART" not in caplog.text


def test_the_bound_is_exactly_1024_characters() -> None:
    exact = "k" * MAX_KEY_LENGTH
    assert MAX_KEY_LENGTH == 1024
    assert keyring_store_holding(exact).get("Acme") == exact
    assert normalize_key(exact) == exact
    with pytest.raises(StoredKeyUnusable):
        keyring_store_holding(exact + "k").get("Acme")
    with pytest.raises(ValueError) as too_long:
        normalize_key(exact + "k")
    assert "longer than 1,024" in agent_text(too_long.value)


def test_a_usable_stored_key_is_returned_without_surrounding_whitespace() -> None:
    assert keyring_store_holding("  inflow_ok_123\n").get("Acme") == "inflow_ok_123"
    assert keyring_store_holding("   ").get("Acme") is None  # nothing usable: no key
    assert keyring_store_holding("x").get("Nobody") is None


@pytest.mark.parametrize("store_kind", ["keyring", "memory"])
def test_saving_refuses_a_100_kb_key_and_non_ascii_keys(store_kind: str) -> None:
    store = (
        KeyringKeyStore(SERVICE, backend=InMemoryBackend())
        if store_kind == "keyring"
        else MemoryKeyStore()
    )
    with pytest.raises(ValueError) as too_long:
        store.set("Acme", LONG_KEY)
    assert "longer than 1,024 characters" in agent_text(too_long.value)
    assert "SECRETPART" not in str(too_long.value) + agent_text(too_long.value)
    for key in NON_ASCII_KEYS.values():
        with pytest.raises(ValueError) as bad:
            store.set("Acme", key)
        assert "characters an API key cannot have" in agent_text(bad.value)
        assert "SECRETPART" not in str(bad.value) + agent_text(bad.value)
    assert store.get("Acme") is None  # nothing was stored


def test_line_breaks_keep_their_own_message() -> None:
    with pytest.raises(ValueError) as broken:
        normalize_key("inflow_a\nb")
    assert "line break" in agent_text(broken.value)
