"""Profiles: which Inflow account (key) and which environment (base URL) the app talks to.

Pure data. The settings dialog persists profiles with QSettings through
:func:`profile_to_dict` / :func:`profile_from_dict`; the API key itself never goes there —
it lives in the :mod:`~inflow_desk.storage.keystore`, under the profile's name.

Validation helpers return ``None`` when the value is fine, else a sentence for the agent
(without the field name), like ``domain/validation.py``.
"""

from __future__ import annotations

import dataclasses
import ipaddress
import logging
from collections.abc import Mapping
from enum import StrEnum
from typing import Final
from urllib.parse import urlsplit

from inflow_desk.domain.checkout_url import parse_hosts
from inflow_desk.domain.i18n import QT_TRANSLATE_NOOP, translate

__all__ = [
    "ATTENTION_KEY",
    "DEFAULT_PROFILE_NAME",
    "MAX_PROFILE_NAME_LENGTH",
    "PRODUCTION_URL",
    "SANDBOX_URL",
    "Environment",
    "Profile",
    "ProfileNeedsAttention",
    "environment_for_url",
    "is_loopback_host",
    "profile_from_dict",
    "profile_to_dict",
    "stored_name",
    "validate_custom_url",
    "validate_profile_name",
]

log = logging.getLogger(__name__)

PRODUCTION_URL = "https://api.inflowpay.xyz"
"""Inflow's production API (inflow-api.md §2.3). Real money."""

SANDBOX_URL = "https://sandbox.api.inflowpay.com"
"""Inflow's sandbox API as given by the newest docs page (access granted on request)."""

DEFAULT_PROFILE_NAME = "default"
MAX_PROFILE_NAME_LENGTH = 64
_MAX_URL_LENGTH = 2048
_NAME_PUNCTUATION = frozenset(" -_.")


class Environment(StrEnum):
    """Where a profile's requests go. The value is what settings store."""

    PRODUCTION = "production"
    SANDBOX = "sandbox"
    CUSTOM = "custom"
    DEMO = "demo"  # the built-in emulator on 127.0.0.1; no real payments


#: The environment in words, upper case as on the badges (``PRODUCTION``, ``DEMO``).
_ENVIRONMENT_WORDS: Final = {
    Environment.PRODUCTION: QT_TRANSLATE_NOOP("Profiles", "PRODUCTION"),
    Environment.SANDBOX: QT_TRANSLATE_NOOP("Profiles", "SANDBOX"),
    Environment.CUSTOM: QT_TRANSLATE_NOOP("Profiles", "CUSTOM"),
    Environment.DEMO: QT_TRANSLATE_NOOP("Profiles", "DEMO"),
}


def environment_word(environment: Environment) -> str:
    """``PRODUCTION``, ``SANDBOX``, ``CUSTOM``, ``DEMO`` in the agent's language."""
    return translate("Profiles", _ENVIRONMENT_WORDS[environment])


_PRESET_URLS: dict[Environment, str] = {
    Environment.PRODUCTION: PRODUCTION_URL,
    Environment.SANDBOX: SANDBOX_URL,
}


# ------------------------------------------------------------------ validation


#: A stored profile whose name cannot be used (stored and compared as is; shown translated).
NAME_PROBLEM = QT_TRANSLATE_NOOP("Profiles", "its stored name is missing or not valid")


def validate_profile_name(name: str) -> str | None:
    """``None`` if ``name`` can be a profile name, else why not.

    1–64 characters: letters, digits, spaces, ``-``, ``_`` and ``.``; no space at either end
    (the name is the keychain entry, so invisible differences would lose a key).
    """
    if not isinstance(name, str) or not name.strip():
        return translate("Profiles", "Enter a name for the profile")
    if len(name) > MAX_PROFILE_NAME_LENGTH:
        return translate("Profiles", "Use at most {limit} characters").format(
            limit=MAX_PROFILE_NAME_LENGTH
        )
    if name != name.strip():
        return translate("Profiles", "Remove the spaces at the start or end of the name")
    for ch in name:
        if ch in _NAME_PUNCTUATION or ch.isalpha() or ch.isdecimal():
            continue
        shown = repr(ch) if ch.isprintable() else f"U+{ord(ch):04X}"
        return translate(
            "Profiles", "Use only letters, digits, spaces, '-', '_' and '.' (not {character})"
        ).format(character=shown)
    return None


def is_loopback_host(host: str) -> bool:
    """Whether ``host`` is this computer: ``localhost``, 127.0.0.0/8 or ``::1``."""
    host = host.strip().strip("[]").rstrip(".").lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def validate_custom_url(url: str) -> str | None:
    """``None`` if ``url`` can be a custom API base URL, else why not.

    It must be an absolute ``https://`` URL; plain ``http://`` is allowed only for this
    computer (localhost, 127.0.0.0/8, ::1), e.g. the emulator. No user name or password,
    query or fragment. Surrounding whitespace and trailing slashes are ignored.
    """
    if not isinstance(url, str) or not url.strip():
        return translate("Profiles", "Enter the API address, starting with https://")
    text = url.strip()
    if len(text) > _MAX_URL_LENGTH:
        return translate("Profiles", "Use at most {limit} characters").format(limit=_MAX_URL_LENGTH)
    import unicodedata  # here: only a custom address (Settings) is checked, never at start-up

    if any(ch.isspace() or unicodedata.category(ch) == "Cc" for ch in text):
        return translate("Profiles", "Remove the spaces or invisible characters from the address")
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        return translate("Profiles", "This is not a valid address")
    scheme = parts.scheme.lower()
    if not scheme or not parts.netloc:
        # Also "api.example.com:8443", which parses as scheme "api.example.com".
        return translate("Profiles", "Enter the full address, starting with https://")
    if scheme not in ("http", "https"):
        return translate("Profiles", "Use an address starting with https://")
    host = parts.hostname or ""
    if not host:
        return translate("Profiles", "The address has no host name")
    if parts.username is not None or parts.password is not None:
        return translate("Profiles", "Remove the user name and password from the address")
    if parts.query or parts.fragment or text.endswith(("?", "#")):
        return translate("Profiles", "Remove the part after '?' or '#' from the address")
    if port == 0:
        return translate("Profiles", "This is not a valid port number")
    if scheme == "http" and not is_loopback_host(host):
        return translate(
            "Profiles", "Use https:// — plain http is only allowed for this computer (localhost)"
        )
    return None


def _normalize_url(url: str) -> str:
    """Strip whitespace and trailing slashes; lower-case the scheme and host."""
    text = url.strip().rstrip("/")
    parts = urlsplit(text)
    if not parts.scheme or not parts.netloc:
        return text
    netloc = parts.netloc
    if "@" not in netloc:  # never true for validated URLs; don't mangle what we don't know
        netloc = netloc.lower()
    return parts._replace(scheme=parts.scheme.lower(), netloc=netloc).geturl()


def environment_for_url(url: str) -> Environment:
    """The preset whose base URL ``url`` is (ignoring case and a trailing ``/``), else CUSTOM."""
    normalized = _normalize_url(url) if isinstance(url, str) else ""
    for environment, preset in _PRESET_URLS.items():
        if normalized == preset:
            return environment
    return Environment.CUSTOM


# ------------------------------------------------------------------ profile


class ProfileNeedsAttention(ValueError):  # noqa: N818 - a state, like KeyStoreLocked
    """The profile was damaged in the settings: it has no address to send anything to."""


@dataclasses.dataclass(frozen=True, slots=True)
class Profile:
    """One account + environment. The key is stored separately, under :attr:`name`.

    ``custom_url`` is the base URL for CUSTOM and DEMO (required there; DEMO only accepts
    this computer, i.e. the emulator). For PRODUCTION and SANDBOX it is kept — so the
    settings dialog can remember what was typed — but ignored. It is normalised (whitespace
    and trailing ``/`` removed). Construction raises :class:`ValueError` with the validation
    message when the name or a required URL is invalid.

    ``problem`` is set (by :func:`profile_from_dict`) when the stored profile was damaged —
    an unknown environment, an unusable address. Such a profile *needs attention*: it has no
    :attr:`base_url` (that raises :class:`ProfileNeedsAttention`), so nothing can be sent
    until the agent fixes it in Settings, and it is never written back as it is. Its
    ``environment`` is only what the settings dialog starts from (CUSTOM when unknown: the
    agent has to choose; never PRODUCTION by default).
    """

    name: str
    environment: Environment
    custom_url: str | None = None
    #: Checkout hosts this profile trusts besides Inflow's own ``checkout.inflowpay.com``
    #: (``host`` or ``host:port``, normalised; see ``domain.checkout_url``), e.g. the checkout
    #: page of a custom or sandbox server. A link to any other host is held back or refused.
    checkout_hosts: tuple[str, ...] = ()
    problem: str | None = None

    def __post_init__(self) -> None:
        problem = validate_profile_name(self.name)
        if problem is not None:
            raise ValueError(f"Invalid profile name: {problem}")
        environment = Environment(self.environment)  # accepts the stored string value too
        object.__setattr__(self, "environment", environment)
        url = self.custom_url
        if url is not None and not url.strip():
            url = None
        if self.problem is not None:
            object.__setattr__(self, "custom_url", url.strip() if url is not None else None)
            return  # kept as found, for the settings dialog; unusable until fixed
        if environment in (Environment.CUSTOM, Environment.DEMO):
            if url is None:
                raise ValueError(f"A {environment.name} profile needs an API address")
            problem = validate_custom_url(url)
            if problem is not None:
                raise ValueError(f"Invalid API address: {problem}")
            url = _normalize_url(url)
            if environment is Environment.DEMO and not is_loopback_host(
                urlsplit(url).hostname or ""
            ):
                raise ValueError("A DEMO profile only talks to this computer (the emulator)")
        elif url is not None:
            url = url.strip()
        object.__setattr__(self, "custom_url", url)
        try:
            normalized = parse_hosts(" ".join(self.checkout_hosts))
        except ValueError as exc:
            raise ValueError(f"Invalid checkout host: {exc}") from None
        object.__setattr__(self, "checkout_hosts", normalized)

    @property
    def needs_attention(self) -> bool:
        """The stored profile was damaged: nothing is sent until it is fixed in Settings."""
        return self.problem is not None

    @property
    def attention(self) -> str | None:
        """What the window shows for a damaged profile, e.g. ``"needs attention: environment
        'prodution' is not known — open Settings"``; None when the profile is fine."""
        if self.problem is None:
            return None
        # The problem is stored as found (English); the app's own ones are translated here.
        problem = translate("Profiles", self.problem)
        return translate("Profiles", "needs attention: {problem} — open Settings").format(
            problem=problem
        )

    @property
    def base_url(self) -> str:
        """The API base URL requests go to, without a trailing ``/``.

        Raises :class:`ProfileNeedsAttention` for a damaged profile: it has none.
        """
        if self.problem is not None:
            raise ProfileNeedsAttention(
                translate("Profiles", "The profile “{profile}” {attention}").format(
                    profile=self.name, attention=self.attention
                )
            )
        preset = _PRESET_URLS.get(self.environment)
        if preset is not None:
            return preset
        assert self.custom_url is not None  # guaranteed by __post_init__
        return self.custom_url

    @property
    def label(self) -> str:
        """For the window title and the environment badge, e.g. ``"Acme — PRODUCTION"``.

        CUSTOM adds the host: ``"Acme — CUSTOM (api.example.test)"``.
        """
        if self.problem is not None:
            return translate("Profiles", "{profile} — NEEDS ATTENTION").format(profile=self.name)
        environment = environment_word(self.environment)
        if self.environment is Environment.CUSTOM:
            host = urlsplit(self.base_url).netloc
            return translate("Profiles", "{profile} — {environment} ({host})").format(
                profile=self.name, environment=environment, host=host
            )
        return translate("Profiles", "{profile} — {environment}").format(
            profile=self.name, environment=environment
        )

    @property
    def is_production(self) -> bool:
        """True when requests create real payments on Inflow's production API."""
        return self.problem is None and self.environment is Environment.PRODUCTION


# ------------------------------------------------------------------ settings


def profile_to_dict(profile: Profile) -> dict[str, str]:
    """What to store in settings: ``name``, ``environment`` (value), ``custom_url`` ("" = none),
    ``checkout_hosts`` (space-separated, only when there are any).

    Never contains the API key. A profile that needs attention cannot be stored (ValueError):
    what was stored for it is kept as it was until the agent fixes it.
    """
    if profile.problem is not None:
        raise ValueError(f"The profile “{profile.name}” {profile.attention}")
    data = {
        "name": profile.name,
        "environment": profile.environment.value,
        "custom_url": profile.custom_url or "",
    }
    if profile.checkout_hosts:
        data["checkout_hosts"] = " ".join(profile.checkout_hosts)
    return data


_MAX_SHOWN_VALUE = 40

ATTENTION_KEY = "needs_attention"
"""Stored next to a profile the app could not trust (e.g. salvaged from a settings file Qt
could not parse): it needs attention until the agent saves it in Settings."""


def _shown(value: object) -> str:
    """A stored value as the agent can be shown it: quoted, printable, short."""
    text = "".join(ch if ch.isprintable() else "?" for ch in str(value))
    if len(text) > _MAX_SHOWN_VALUE:
        text = text[: _MAX_SHOWN_VALUE - 1] + "…"
    return f"'{text}'"


def stored_name(data: Mapping[str, object] | object) -> str | None:
    """The valid profile name in stored ``data``, or None (not a mapping, no or a bad name)."""
    if not isinstance(data, Mapping):
        return None
    name = data.get("name")
    if isinstance(name, str) and validate_profile_name(name) is None:
        return name
    return None


def profile_from_dict(
    data: Mapping[str, object] | object, *, fallback_name: str = DEFAULT_PROFILE_NAME
) -> Profile:
    """Rebuild a profile from settings. Never raises, and never guesses an environment.

    Damaged values are logged as warnings (never the address: it could hold a password) and
    give a profile that *needs attention* (:attr:`Profile.problem`): an unknown or missing
    environment, or a CUSTOM/DEMO one without a usable address. A bad or missing name is
    replaced by ``fallback_name`` — and that profile needs attention too. So does one stored
    with an :data:`ATTENTION_KEY` (the reason), which the app writes for profiles it could not
    trust.
    """
    if not isinstance(data, Mapping):
        log.warning("Stored profile is not a mapping (%s)", type(data).__name__)
        data = {}

    problem: str | None = None
    name = stored_name(data)
    if name is None:
        log.warning("Stored profile has no valid name; shown as %r", fallback_name)
        name = fallback_name if validate_profile_name(fallback_name) is None else "default"
        problem = NAME_PROBLEM

    url_value = data.get("custom_url")
    custom_url = url_value if isinstance(url_value, str) and url_value.strip() else None
    hosts: tuple[str, ...] = ()
    hosts_value = data.get("checkout_hosts")
    if isinstance(hosts_value, str):
        try:
            hosts = parse_hosts(hosts_value)
        except ValueError:  # trust none of them rather than a garbled list
            log.warning("Stored profile %r has an unusable checkout host list; ignored", name)

    env_value = data.get("environment")
    try:
        environment = Environment(str(env_value).strip().lower())
    except ValueError:
        log.warning("Stored profile %r has an unknown environment; it needs attention", name)
        shown = "is missing" if env_value is None else f"{_shown(env_value)} is not known"
        return Profile(name, Environment.CUSTOM, custom_url, problem=f"environment {shown}")

    marker = data.get(ATTENTION_KEY)
    if problem is None and isinstance(marker, str) and marker.strip():
        problem = marker.strip()  # written by the app: still to be checked by the agent
    if problem is not None:
        return Profile(name, environment, custom_url, problem=problem)
    try:
        return Profile(name, environment, custom_url, hosts)
    except ValueError:
        log.warning(
            "Stored profile %r (%s) has no usable API address; it needs attention",
            name,
            environment.value,
        )
        return Profile(
            name,
            environment,
            custom_url,
            problem=f"its {environment.name} API address is missing or not valid",
        )
