"""Where API keys live: the system keychain (via ``keyring``) or, failing that, memory.

A key is stored per *profile name*: keyring service ``inflow-desk``, username = profile name.
Keys are never written to a file or a log; only profile and backend names are logged.

Every failure of the keychain reaches callers as a typed :class:`KeyStoreError` carrying data
(what was attempted, why), never the key and never keyring internals. Its ``str()`` is a short
technical description for the log; the agent's sentences are written by the UI's error funnel
(``ui.kit.errors.describe_error``):

* :class:`KeyStoreUnavailable` — there is no usable keychain. Offer "keep in memory for this
  run only" (:class:`MemoryKeyStore`); never fall back to a file.
* :class:`KeyStoreLocked` — the keychain is locked (or the unlock prompt was dismissed).
* :class:`StoredKeyUnusable` — the keychain holds something for this profile that cannot be
  an API key (characters a key cannot have, or far too long: put there by another tool or an
  older version). The agent pastes the key again in Settings.
* :class:`KeyStoreError` — anything else (could not save, could not delete, ...).

A value that cannot be sent as an API key raises :class:`UnusableKeyError` (a ValueError with
the :attr:`~UnusableKeyError.reason`) from :func:`normalize_key` and ``set``.

``get``/``set``/``delete`` may block (D-Bus round trips, an unlock prompt): call them from a
worker, not the GUI thread. Blank profile names raise :class:`ValueError`.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, TypeVar, runtime_checkable

from inflow_desk.domain.i18n import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

__all__ = [
    "DEFAULT_SERVICE",
    "KEY_PREFIX",
    "MAX_KEY_LENGTH",
    "KeyStore",
    "KeyStoreError",
    "KeyStoreLocked",
    "KeyStoreUnavailable",
    "KeyringKeyStore",
    "MemoryKeyStore",
    "StoredKeyUnusable",
    "UnusableKeyError",
    "describe_backend",
    "key_problem",
    "looks_like_inflow_key",
    "normalize_key",
]

log = logging.getLogger(__name__)

DEFAULT_SERVICE = "inflow-desk"
"""The keyring service name every profile's key is stored under."""

KEY_PREFIX = "inflow_"
"""What every documented Inflow key starts with (inflow-api.md §2.2)."""

MAX_KEY_LENGTH = 1024
"""No API key is longer: a longer value is a paste accident (and would make every request fail
with HTTP 431, "header too large"). Refused when saving and when loading."""

_T = TypeVar("_T")

#: Why a value cannot be an API key (``key_problem``), for saving and for loading.
KEY_TOO_LONG = "too long"
KEY_BAD_CHARACTERS = "characters"
KEY_CONTROL_CHARACTERS = "control"
#: ... and, for a typed key only (:class:`UnusableKeyError`): nothing is left, or not text.
KEY_EMPTY = "empty"
KEY_NOT_TEXT = "not text"

#: Why there is no usable keychain (:attr:`KeyStoreUnavailable.reason`); stored and logged in
#: English, shown with ``translate("KeyStore", reason)``.
NO_BACKEND = QT_TRANSLATE_NOOP("KeyStore", "no supported keychain service was found")
TURNED_OFF = QT_TRANSLATE_NOOP("KeyStore", "the keychain is turned off in the settings")
CANNOT_OPEN = QT_TRANSLATE_NOOP("KeyStore", "the keychain could not be opened")
BACKEND_MISSING = QT_TRANSLATE_NOOP("KeyStore", "the configured keychain backend does not exist")
SERVICE_NOT_RUNNING = QT_TRANSLATE_NOOP(
    "KeyStore", "the configured keychain service is not running"
)

# Friendly names for the backends people actually meet; anything else shows its class name.
_FRIENDLY_BACKEND_NAMES = {
    "keyring.backends.SecretService.Keyring": "Secret Service",
    "keyring.backends.libsecret.Keyring": "Secret Service (libsecret)",
    "keyring.backends.kwallet.DBusKeyring": "KWallet",
    "keyring.backends.kwallet.DBusKeyringKWallet4": "KWallet 4",
    "keyring.backends.macOS.Keyring": "macOS Keychain",
    "keyring.backends.Windows.WinVaultKeyring": "Windows Credential Manager",
    "keyring.backends.chainer.ChainerBackend": "keyring chain",
    "keyring.backends.fail.Keyring": "no keychain",
    "keyring.backends.null.Keyring": "disabled keychain",
}

# Backends that look like they work but cannot keep a key: treat them as "no keychain".
# ``fail`` raises on every call; ``null`` silently drops what is saved.
_UNUSABLE_BACKENDS = {
    "keyring.backends.fail.Keyring": NO_BACKEND,
    "keyring.backends.null.Keyring": TURNED_OFF,
}


# ------------------------------------------------------------------ errors


class KeyStoreError(Exception):
    """The key store could not do what was asked: :attr:`action` (``"read"``, ``"save"``,
    ``"delete"``, ``"use"``) the key; :attr:`cause` names the exception type a backend raised,
    when it raised one we do not know. ``str(err)`` is for the log, not for the agent."""

    def __init__(self, action: str = "use", *, cause: str | None = None) -> None:
        super().__init__(action, cause)
        self.action = action
        self.cause = cause

    def __str__(self) -> str:
        cause = f" ({self.cause})" if self.cause else ""
        return f"key store: could not {self.action} the key{cause}"

    def __repr__(self) -> str:
        return f"{type(self).__name__}(action={self.action!r}, cause={self.cause!r})"


class KeyStoreUnavailable(KeyStoreError):  # noqa: N818 - name fixed by the contract
    """There is no usable system keychain (:attr:`reason`, e.g. :data:`NO_BACKEND`); offer to
    keep the key in memory for this run."""

    def __init__(self, reason: str, action: str = "use") -> None:
        super().__init__(action)
        self.reason = reason

    def __str__(self) -> str:
        return f"key store unavailable: {self.reason}"

    def __repr__(self) -> str:
        return f"KeyStoreUnavailable(reason={self.reason!r}, action={self.action!r})"


class KeyStoreLocked(KeyStoreError):  # noqa: N818 - name fixed by the contract
    """The system keychain is locked, or the agent dismissed the unlock prompt."""

    def __str__(self) -> str:
        return "key store locked"


class StoredKeyUnusable(KeyStoreError):  # noqa: N818 - named like its siblings
    """What the keychain holds for a profile cannot be an API key (:attr:`reason`:
    :data:`KEY_BAD_CHARACTERS`, :data:`KEY_CONTROL_CHARACTERS` or :data:`KEY_TOO_LONG`).
    Never carries the value itself."""

    def __init__(self, reason: str) -> None:
        super().__init__("read")
        self.reason = reason

    def __str__(self) -> str:
        return f"stored key unusable: {self.reason}"

    def __repr__(self) -> str:
        return f"StoredKeyUnusable(reason={self.reason!r})"


class UnusableKeyError(ValueError):
    """A value given as an API key cannot be one (:attr:`reason`: :data:`KEY_EMPTY`,
    :data:`KEY_NOT_TEXT`, :data:`KEY_TOO_LONG`, :data:`KEY_CONTROL_CHARACTERS`,
    :data:`KEY_BAD_CHARACTERS`). Never carries the value; ``str()`` is for the log."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason

    def __str__(self) -> str:
        return f"unusable API key: {self.reason}"


# ------------------------------------------------------------------ helpers


def _require_profile(profile: str) -> None:
    if not isinstance(profile, str) or not profile.strip():
        raise ValueError("The profile name is empty.")


def key_problem(key: str) -> str | None:
    """Why ``key`` (already stripped) cannot be an API key, or ``None`` if it can.

    An API key is sent as an HTTP header: printable ASCII without spaces, at most
    :data:`MAX_KEY_LENGTH` characters. Returns :data:`KEY_TOO_LONG`,
    :data:`KEY_CONTROL_CHARACTERS` (line breaks, tabs…) or :data:`KEY_BAD_CHARACTERS`
    (spaces, accents, zero-width or other non-ASCII characters, lone surrogates).
    """
    if len(key) > MAX_KEY_LENGTH:
        return KEY_TOO_LONG
    if any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in key):
        return KEY_CONTROL_CHARACTERS
    if not all(0x20 < ord(ch) < 0x7F for ch in key):
        return KEY_BAD_CHARACTERS
    return None


def normalize_key(key: str) -> str:
    """Return ``key`` without surrounding whitespace (pastes often bring a newline).

    Raises :class:`UnusableKeyError` (a ValueError that never contains the key) if nothing is
    left, if the key is longer than :data:`MAX_KEY_LENGTH`, or if it contains a line break, a
    space or any character outside printable ASCII — such a value cannot be sent in an HTTP
    header and is always a copy-paste accident.
    """
    if not isinstance(key, str):
        raise UnusableKeyError(KEY_NOT_TEXT)
    cleaned = key.strip()
    if not cleaned:
        raise UnusableKeyError(KEY_EMPTY)
    problem = key_problem(cleaned)
    if problem is not None:
        raise UnusableKeyError(problem)
    return cleaned


def _checked_stored_key(profile: str, key: str | None) -> str | None:
    """``key`` as read from a store; :class:`StoredKeyUnusable` if it cannot be an API key."""
    cleaned = key.strip() if key is not None else ""
    if not cleaned:
        return None  # nothing usable is stored: the same as no key
    problem = key_problem(cleaned)
    if problem is None:
        return cleaned
    log.warning("Key store: the stored key of profile %r cannot be used (%s)", profile, problem)
    raise StoredKeyUnusable(problem)


def looks_like_inflow_key(key: str) -> bool:
    """Whether ``key`` (after stripping whitespace) starts with ``inflow_``.

    For a *soft* warning in the UI only: Inflow's docs disagree about key prefixes, so a
    key is never rejected because of its prefix.
    """
    return key.strip().startswith(KEY_PREFIX)


def _qualified_name(backend: object) -> str:
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


def describe_backend(backend: object) -> str:
    """A human-readable backend name, e.g. ``"Secret Service (keyring.backends....Keyring)"``."""
    qualified = _qualified_name(backend)
    friendly = _FRIENDLY_BACKEND_NAMES.get(qualified)
    return f"{friendly} ({qualified})" if friendly else qualified


# ------------------------------------------------------------------ protocol


@runtime_checkable
class KeyStore(Protocol):
    """Where the API key of each profile is kept.

    Implementations: :class:`KeyringKeyStore` (the system keychain) and :class:`MemoryKeyStore`
    (this run only; tests). All methods raise :class:`ValueError` for a blank profile name
    and :class:`KeyStoreError` (or a subclass) when the store itself fails.
    """

    @property
    def backend_name(self) -> str:
        """Human-readable name of where keys go, for the settings dialog (never raises)."""
        ...

    def get(self, profile: str) -> str | None:
        """The key stored for ``profile``, or ``None`` when there is none.

        Raises :class:`StoredKeyUnusable` when what is stored cannot be an API key.
        """
        ...

    def set(self, profile: str, key: str) -> None:
        """Store ``key`` (surrounding whitespace stripped) for ``profile``, replacing any old one.

        Raises :class:`ValueError` for a blank key.
        """
        ...

    def delete(self, profile: str) -> None:
        """Forget the key of ``profile``. Deleting a key that is not there is not an error."""
        ...


# ------------------------------------------------------------------ memory


class MemoryKeyStore:
    """Keys in a dict: gone when the app quits. For "this run only" and for tests."""

    def __init__(self) -> None:
        self._keys: dict[str, str] = {}
        self._lock = threading.Lock()

    @property
    def backend_name(self) -> str:
        """Always ``"memory (this run only)"`` (in the agent's language)."""
        return translate("KeyStore", "memory (this run only)")

    def get(self, profile: str) -> str | None:
        """The key stored for ``profile``, or ``None``."""
        _require_profile(profile)
        with self._lock:
            key = self._keys.get(profile)
        return _checked_stored_key(profile, key)

    def set(self, profile: str, key: str) -> None:
        """Keep ``key`` for ``profile`` until the app quits."""
        _require_profile(profile)
        cleaned = normalize_key(key)
        with self._lock:
            self._keys[profile] = cleaned
        log.info("Key for profile %r kept in memory for this run", profile)

    def delete(self, profile: str) -> None:
        """Forget the key of ``profile`` (no error if there is none)."""
        _require_profile(profile)
        with self._lock:
            self._keys.pop(profile, None)

    def __repr__(self) -> str:
        with self._lock:
            profiles = sorted(self._keys)
        return f"MemoryKeyStore(profiles={profiles!r})"


# ------------------------------------------------------------------ keyring


class KeyringKeyStore:
    """Keys in the system keychain through the ``keyring`` package.

    The keyring backend is *not* chosen at import or construction time but on first use, by
    keyring itself — so ``PYTHON_KEYRING_BACKEND`` and keyring's config file are honoured
    and start-up stays fast. Pass ``backend`` to use a specific
    :class:`keyring.backend.KeyringBackend` instead (tests use an in-memory one).
    """

    def __init__(
        self, service: str = DEFAULT_SERVICE, *, backend: KeyringBackend | None = None
    ) -> None:
        if not service.strip():
            raise ValueError("The keyring service name is empty.")
        self._service = service
        self._backend = backend

    @property
    def service(self) -> str:
        """The keyring service name keys are stored under."""
        return self._service

    @property
    def backend_name(self) -> str:
        """Name of the keyring backend, or why there is none. Never raises."""
        try:
            return describe_backend(self._resolve_backend())
        except KeyStoreUnavailable as exc:
            reason = translate("KeyStore", exc.reason)
            return translate("KeyStore", "unavailable: {reason}").format(reason=reason)
        except KeyStoreError as exc:
            return translate("KeyStore", "unavailable: {reason}").format(reason=exc)

    def get(self, profile: str) -> str | None:
        """The key stored for ``profile``, or ``None`` when there is none.

        Raises :class:`StoredKeyUnusable` when what is stored cannot be an API key (another
        tool put it there): refused on loading as on saving.
        """
        _require_profile(profile)
        result = self._call("read", profile, lambda b: b.get_password(self._service, profile))
        return _checked_stored_key(profile, result if isinstance(result, str) else None)

    def set(self, profile: str, key: str) -> None:
        """Store ``key`` (stripped) for ``profile`` in the keychain, replacing any old one."""
        _require_profile(profile)
        cleaned = normalize_key(key)
        self._call("save", profile, lambda b: b.set_password(self._service, profile, cleaned))
        log.info("Key for profile %r saved to %s", profile, self.backend_name)

    def delete(self, profile: str) -> None:
        """Remove the key of ``profile`` from the keychain (no error if there is none)."""
        _require_profile(profile)
        import keyring.errors

        try:
            self._call(
                "delete",
                profile,
                lambda b: b.delete_password(self._service, profile),
                passthrough=keyring.errors.PasswordDeleteError,
            )
        except keyring.errors.PasswordDeleteError:
            # Most backends raise this for "no such password". Absent is fine; anything else
            # (the key is still there) is a real failure.
            if self.get(profile) is None:
                return
            log.warning("Could not delete the key for profile %r", profile)
            raise KeyStoreError("delete") from None
        log.info("Key for profile %r deleted", profile)

    def __repr__(self) -> str:
        injected = "" if self._backend is None else f", backend={_qualified_name(self._backend)}"
        return f"KeyringKeyStore(service={self._service!r}{injected})"

    # -------------------------------------------------------------- internals

    def _resolve_backend(self) -> KeyringBackend:
        """The backend to use; raises :class:`KeyStoreUnavailable` if there is none."""
        backend = self._backend
        if backend is None:
            backend = _load_default_backend()
        reason = _UNUSABLE_BACKENDS.get(_qualified_name(backend))
        if reason is not None:
            raise KeyStoreUnavailable(reason)
        return backend

    def _call(
        self,
        action: str,
        profile: str,
        operation: Callable[[KeyringBackend], _T],
        *,
        passthrough: type[Exception] | None = None,
    ) -> _T:
        """Run ``operation`` on the backend, translating every failure into a KeyStoreError.

        Exceptions are re-raised ``from None`` and their original text is not kept: keyring
        and its backends put internals (and, in principle, anything) into their messages.
        """
        import keyring.errors as kerr

        backend = self._resolve_backend()
        backend_label = describe_backend(backend)
        try:
            return operation(backend)
        except kerr.KeyringError as exc:
            if passthrough is not None and isinstance(exc, passthrough):
                raise
            error = _translate_keyring_error(exc, action)
        except Exception as exc:  # noqa: BLE001 - backends raise D-Bus/OS errors of their own
            error = KeyStoreError(action, cause=type(exc).__name__)
        log.warning(
            "Key store: could not %s key for profile %r with %s: %s",
            action,
            profile,
            backend_label,
            type(error).__name__,
        )
        raise error from None


def _translate_keyring_error(exc: Exception, action: str) -> KeyStoreError:
    import keyring.errors as kerr

    if isinstance(exc, kerr.KeyringLocked):
        return KeyStoreLocked(action)
    if isinstance(exc, kerr.NoKeyringError):
        return KeyStoreUnavailable(NO_BACKEND, action)
    if isinstance(exc, kerr.InitError):
        return KeyStoreUnavailable(CANNOT_OPEN, action)
    if isinstance(exc, kerr.PasswordSetError):
        return KeyStoreError("save")
    if isinstance(exc, kerr.PasswordDeleteError):
        return KeyStoreError("delete")
    return KeyStoreError(action)


def _load_default_backend() -> KeyringBackend:
    """keyring's own choice (``PYTHON_KEYRING_BACKEND``, its config file, or detection)."""
    import keyring

    try:
        backend: KeyringBackend = keyring.get_keyring()
    except Exception as exc:  # noqa: BLE001 - loading runs third-party probing code
        # A configured backend whose service is missing raises RuntimeError from its priority
        # check; a misspelt backend name raises ImportError/AttributeError.
        log.warning("Key store: no keyring backend could be loaded (%s)", type(exc).__name__)
        if isinstance(exc, ImportError | AttributeError | ValueError):
            reason = BACKEND_MISSING
        else:
            reason = SERVICE_NOT_RUNNING
        raise KeyStoreUnavailable(reason) from None
    return backend
