"""tests.keyring_backends.EnvKeyBackend: how the app in a child process gets the emulator's key."""

from __future__ import annotations

import keyring.errors
import pytest

from tests.keyring_backends import EnvKeyBackend


def test_every_profile_of_the_app_service_gets_the_key_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    backend = EnvKeyBackend()
    monkeypatch.delenv(EnvKeyBackend.ENV_VAR, raising=False)
    assert backend.get_password("inflow-desk", "default") is None
    monkeypatch.setenv(EnvKeyBackend.ENV_VAR, "inflow_test_abc")
    assert backend.get_password("inflow-desk", "default") == "inflow_test_abc"
    assert backend.get_password("inflow-desk", "Acme") == "inflow_test_abc"
    assert backend.get_password("another-service", "default") is None


def test_it_is_read_only() -> None:
    backend = EnvKeyBackend()
    with pytest.raises(keyring.errors.PasswordSetError):
        backend.set_password("inflow-desk", "default", "inflow_other")
    with pytest.raises(keyring.errors.PasswordDeleteError):
        backend.delete_password("inflow-desk", "default")
