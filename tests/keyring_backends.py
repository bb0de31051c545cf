"""Keyring backends for tests: the suite never touches a real keychain (except keyring_real)."""

from __future__ import annotations

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
