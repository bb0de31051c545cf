"""Keyring backends for tests: the suite never touches a real keychain (except keyring_real)."""

from __future__ import annotations

import os

import keyring.errors
from keyring.backend import KeyringBackend
from keyring.compat import properties


class InMemoryBackend(KeyringBackend):
    """A keyring backend that keeps passwords in a dict, like the real ones do in a vault.

    Deleting a missing password raises PasswordDeleteError, as SecretService, macOS,
    Windows and KWallet do.
    """

    @properties.classproperty
    def priority(cls) -> float:  # noqa: N805 - a keyring classproperty
        return -1  # never chosen by keyring's auto-detection

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        try:
            del self.passwords[(service, username)]
        except KeyError:
            raise keyring.errors.PasswordDeleteError("No such password!") from None


class EnvKeyBackend(KeyringBackend):
    """A read-only keyring for the app in a child process (tests/realdisplay): every profile's
    key of the ``inflow-desk`` service is the value of ``$INFLOW_DESK_TEST_KEY``.

    Load it in the child with ``PYTHON_KEYRING_BACKEND=tests.keyring_backends.EnvKeyBackend``
    (and the repository root on ``PYTHONPATH``). The key travels in the child's environment
    only: never in a file, a setting or a command line.
    """

    ENV_VAR = "INFLOW_DESK_TEST_KEY"
    SERVICE = "inflow-desk"

    @properties.classproperty
    def priority(cls) -> float:  # noqa: N805 - a keyring classproperty
        return -1  # never chosen by keyring's auto-detection

    def get_password(self, service: str, username: str) -> str | None:
        if service != self.SERVICE:
            return None
        return os.environ.get(self.ENV_VAR) or None

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.PasswordSetError("this test keyring is read-only")

    def delete_password(self, service: str, username: str) -> None:
        raise keyring.errors.PasswordDeleteError("this test keyring is read-only")
