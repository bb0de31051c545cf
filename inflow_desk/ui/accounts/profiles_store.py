"""Profiles (merchant accounts) persisted in QSettings — the non-secret part only.

Layout in QSettings (kept apart from ``AppSettings``' per-profile ``profiles/<name>/...``):

* ``accounts/profiles`` — a JSON list of :func:`~inflow_desk.storage.profiles.profile_to_dict`
  dicts (name, environment, custom_url), in the order the agent added them;
* ``accounts/current`` — the name of the profile used last.

The API key is never stored here: it lives in the key store under the profile's name.
There is always at least one profile: ``default`` on Production on a fresh start.

Damage is never repaired silently, and never towards Production. A profile whose environment
or address cannot be read *needs attention* (:attr:`Profile.problem`): it stays in the list,
nothing is sent with it, and what was stored for it is written back unchanged until the agent
fixes it in Settings. A profile list (or a settings file) that cannot be read at all gives one
profile that needs attention — the one used last, else ``default`` — instead of the first-run
screen. Either way the settings file is first copied aside, once, as
``<file>.damaged-YYYYMMDD-HHMM``, before anything can write to it.
"""

from __future__ import annotations

import json
import logging
import shutil
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QSettings

from inflow_desk.domain.i18n import QT_TRANSLATE_NOOP, translate
from inflow_desk.storage.policy import Policy
from inflow_desk.storage.profiles import (
    ATTENTION_KEY,
    DEFAULT_PROFILE_NAME,
    Environment,
    Profile,
    profile_from_dict,
    profile_to_dict,
    stored_name,
    validate_profile_name,
)
from inflow_desk.ui.kit.i18n import FOLLOW_OS, LANGUAGE_KEY

__all__ = ["CURRENT_KEY", "PROFILES_KEY", "ManagedByPolicy", "ProfilesStore"]

log = logging.getLogger(__name__)

PROFILES_KEY = "accounts/profiles"
CURRENT_KEY = "accounts/current"
DAMAGED_SUFFIX = ".damaged-"

# Stored as a profile's problem (the marker in the settings file): English data, translated
# where shown (:func:`problem_text`).
UNREADABLE_FILE = QT_TRANSLATE_NOOP("ProfilesStore", "the settings file could not be read")
PARTLY_READABLE_FILE = QT_TRANSLATE_NOOP(
    "ProfilesStore", "the settings file could not be read completely"
)
UNREADABLE_LIST = QT_TRANSLATE_NOOP(
    "ProfilesStore", "the list of profiles in the settings could not be read"
)
CUSTOM_FORBIDDEN = QT_TRANSLATE_NOOP(
    "ProfilesStore", "it uses a custom address, which your organisation does not allow"
)
_NAMELESS = QT_TRANSLATE_NOOP("ProfilesStore", "a stored profile without a valid name was left out")
_DAMAGED_PROFILE = QT_TRANSLATE_NOOP("ProfilesStore", "the profile “{profile}”: {problem}")


def _already_exists(name: str) -> str:
    return translate("ProfilesStore", "A profile called “{profile}” already exists").format(
        profile=name
    )


def problem_text(problem: str) -> str:
    """A profile's stored problem in the agent's language (the ones this module writes; any
    other is shown as it is)."""
    return translate("ProfilesStore", problem)


class ManagedByPolicy(ValueError):  # noqa: N818 - a refusal, like the store's ValueErrors
    """A change the organisation's policy does not allow (the settings disable it too)."""


class ProfilesStore:
    """List, add, update and delete profiles; remember the current one.

    Names are unique regardless of case (they are keychain entries, and "Acme" next to "acme"
    would only confuse). DEMO profiles are never stored: demo mode is per run.
    """

    def __init__(
        self,
        settings: QSettings,
        *,
        clock: Callable[[], datetime] = datetime.now,
        policy: Policy | None = None,
    ) -> None:
        self._s = settings
        #: The organisation's policy: its profiles come first and cannot be edited; it may
        #: forbid adding/removing profiles and custom addresses (``storage/policy.py``).
        self.policy = policy
        self._clock = clock
        #: What was stored for each profile that needs attention (casefolded name → item).
        self._raw_damaged: dict[str, object] = {}
        #: Why the whole list could not be read (None: it could, or there is none yet).
        self._unreadable: str | None = None
        #: What was found damaged: (English template, its named fields), for the log and,
        #: translated, for the window.
        self._damage: list[tuple[str, tuple[tuple[str, str], ...]]] = []
        self._copy_needed = False
        #: Where the damaged settings file was copied (None: nothing damaged, or no file).
        self.damaged_copy: Path | None = None
        # Now, before anything writes to the settings. Qt knows whether it could parse the
        # file once a value was read; it keeps saying so even after writing a clean one.
        self._s.value(PROFILES_KEY, "")
        self._file_unparsed = self._s.status() == QSettings.Status.FormatError
        self._load()
        if self._copy_needed:
            self._keep_damaged_copy()
        if self._file_unparsed:
            # Qt rewrites the whole file at its next save (window geometry…) with what it
            # salvaged: mark that as needing attention in the file itself, so it is not
            # trusted at the next start either.
            self._save(self._stored_profiles())

    # ------------------------------------------------------------------ policy
    def is_managed(self, name: str) -> bool:
        """Whether the policy defines the profile ``name`` (then only its key is the agent's)."""
        return self.policy is not None and self.policy.managed_profile(name) is not None

    @property
    def locked(self) -> bool:
        """Whether the policy forbids adding and removing profiles."""
        return self.policy is not None and self.policy.lock_profiles

    @property
    def custom_forbidden(self) -> bool:
        return self.policy is not None and self.policy.forbid_custom_urls

    def _check_allowed(self, profile: Profile) -> None:
        if self.is_managed(profile.name):
            raise ManagedByPolicy(
                translate(
                    "ProfilesStore",
                    "The profile “{profile}” is managed by your organisation and cannot be "
                    "changed here",
                ).format(profile=profile.name)
            )
        if self.custom_forbidden and profile.environment is Environment.CUSTOM:
            raise ManagedByPolicy(
                translate("ProfilesStore", "Your organisation does not allow custom API addresses")
            )

    # ------------------------------------------------------------------ language
    @property
    def language(self) -> str:
        """The language chosen in Settings (``""``: follow the system), read at start-up."""
        return str(self._s.value(LANGUAGE_KEY, FOLLOW_OS) or FOLLOW_OS)

    def set_language(self, code: str) -> None:
        self._s.setValue(LANGUAGE_KEY, code)
        self._s.sync()

    # ------------------------------------------------------------------ damage
    @property
    def unreadable(self) -> str | None:
        """Why the profile list could not be read at all (None when it could)."""
        return self._unreadable

    def _found(self) -> str:
        """What was found damaged, in English (the log's)."""
        return "; ".join(template.format(**dict(fields)) for template, fields in self._damage)

    def _found_for_people(self) -> str:
        parts = []
        for template, fields in self._damage:
            values = dict(fields)
            if "problem" in values:
                values["problem"] = problem_text(values["problem"])
            parts.append(translate("ProfilesStore", template).format(**values))
        return "; ".join(parts)

    @property
    def damage_notice(self) -> str | None:
        """For the window: what was found damaged in the settings, and where the copy is."""
        if not self._damage:
            return None
        found = self._found_for_people()
        if self.damaged_copy is not None:
            kept = translate(
                "ProfilesStore", "A copy of the settings file was kept as {path}."
            ).format(path=self.damaged_copy)
        else:
            kept = translate(
                "ProfilesStore", "The settings could not be copied aside (see the log)."
            )
        return translate(
            "ProfilesStore",
            "Damaged settings: {found}. {kept} Open Settings (Ctrl+,) to check the profiles.",
        ).format(found=found, kept=kept)

    def _keep_damaged_copy(self) -> None:
        source = Path(self._s.fileName())
        if not source.is_file():
            log.warning("settings damaged (%s); no file to keep a copy of", self._found())
            return
        try:
            content = source.read_bytes()
            for earlier in source.parent.glob(f"{source.name}{DAMAGED_SUFFIX}*"):
                if earlier.is_file() and earlier.read_bytes() == content:
                    self.damaged_copy = earlier  # this very damage was kept already
                    log.warning("settings damaged (%s); kept as %s", self._found(), earlier)
                    return
        except OSError:
            pass  # then copy (again) below
        stamp = self._clock().strftime("%Y%m%d-%H%M")
        target = source.with_name(f"{source.name}{DAMAGED_SUFFIX}{stamp}")
        counter = 2
        while target.exists():
            target = source.with_name(f"{source.name}{DAMAGED_SUFFIX}{stamp}-{counter}")
            counter += 1
        try:
            shutil.copy2(source, target)
        except OSError as exc:
            log.error("settings damaged; could not keep a copy (%s)", type(exc).__name__)
            return
        self.damaged_copy = target
        log.warning("settings damaged (%s); copy kept as %s", self._found(), target)

    # ------------------------------------------------------------------ reading
    def profiles(self) -> list[Profile]:
        """Every profile, in order (those that need attention too): the policy's first, then
        the agent's own (none when the policy locks its profiles; one with the name of a
        policy profile is hidden by it; a custom one needs attention when the policy forbids
        custom addresses).

        ``default`` on Production when nothing is stored yet; when the list could not be
        read, one profile that needs attention (the one used last, else ``default``).
        """
        policy = self.policy
        if policy is None or (not policy.profiles and not policy.forbid_custom_urls):
            return self._stored_profiles()
        managed = list(policy.profiles)
        if managed and policy.lock_profiles:
            return managed
        names = {p.name.casefold() for p in managed}
        own = [p for p in self._stored_profiles() if p.name.casefold() not in names]
        if policy.forbid_custom_urls:
            own = [
                Profile(p.name, p.environment, p.custom_url, problem=CUSTOM_FORBIDDEN)
                if p.environment is Environment.CUSTOM and not p.needs_attention
                else p
                for p in own
            ]
        if managed and own == [Profile(DEFAULT_PROFILE_NAME, Environment.PRODUCTION)]:
            own = []  # the fresh-start stand-in: the policy's profiles replace it
        return [*managed, *own]

    def _stored_profiles(self) -> list[Profile]:
        """The agent's own profiles as stored (what :meth:`profiles` was before policies)."""
        stored = self._load()
        if stored:
            return stored
        if self._unreadable is not None:
            return [self._placeholder()]
        return [Profile(DEFAULT_PROFILE_NAME, Environment.PRODUCTION)]

    def _placeholder(self) -> Profile:
        last = self._s.value(CURRENT_KEY, "")
        name = str(last) if isinstance(last, str) and validate_profile_name(last) is None else ""
        return Profile(name or DEFAULT_PROFILE_NAME, Environment.CUSTOM, problem=self._unreadable)

    def placeholder(self, name: str) -> Profile | None:
        """While the list is unreadable: ``name`` as a profile that needs attention (its
        environment is unknown: never assume Production). None when the list was read."""
        if self._unreadable is None:
            return None
        return Profile(name, Environment.CUSTOM, problem=self._unreadable)

    def names(self) -> list[str]:
        return [p.name for p in self.profiles()]

    def get(self, name: str) -> Profile | None:
        """The profile called ``name`` (exact or differing only in case), or None."""
        folded = name.casefold()
        for profile in self.profiles():
            if profile.name.casefold() == folded:
                return profile
        return None

    @property
    def current_name(self) -> str:
        """The profile used last (falls back to the first one)."""
        value = self._s.value(CURRENT_KEY, "")
        profile = self.get(str(value)) if value else None
        return profile.name if profile is not None else self.profiles()[0].name

    def current(self) -> Profile:
        profile = self.get(self.current_name)
        assert profile is not None
        return profile

    def set_current(self, name: str) -> None:
        profile = self.get(name)
        if profile is None:
            raise KeyError(f"No profile called {name!r}")
        self._s.setValue(CURRENT_KEY, profile.name)

    # ------------------------------------------------------------------ writing
    def add(self, profile: Profile) -> None:
        """Store a new profile; :class:`ValueError` if the name is taken,
        :class:`ManagedByPolicy` if the policy does not allow it."""
        if self.locked:
            raise ManagedByPolicy(
                translate("ProfilesStore", "Your organisation does not allow adding profiles")
            )
        self._check_allowed(profile)
        self._check_storable(profile)
        if any(p.name.casefold() == profile.name.casefold() for p in self.profiles()):
            raise ValueError(_already_exists(profile.name))
        profiles = self._stored_profiles()
        if self.policy is not None and self.policy.profiles and not self._load():
            profiles = []  # the fresh-start "default" stand-in: the policy's profiles replace it
        if any(p.name.casefold() == profile.name.casefold() for p in profiles):
            raise ValueError(_already_exists(profile.name))
        self._save([*profiles, profile])
        log.info("profile %r added (%s)", profile.name, profile.environment.value)

    def update(self, profile: Profile) -> None:
        """Replace the stored profile with the same name; :class:`KeyError` if there is none,
        :class:`ManagedByPolicy` for a profile of the policy."""
        self._check_allowed(profile)
        self._check_storable(profile)
        profiles = self._stored_profiles()
        for index, existing in enumerate(profiles):
            if existing.name.casefold() == profile.name.casefold():
                profiles[index] = profile
                self._save(profiles)
                log.info("profile %r updated (%s)", profile.name, profile.environment.value)
                return
        raise KeyError(f"No profile called {profile.name!r}")

    def delete(self, name: str) -> None:
        """Forget a profile (not its key: the caller deletes that from the key store).

        Deleting the last profile brings back ``default`` on Production.
        :class:`ManagedByPolicy` when the policy locks the profiles or defines this one.
        """
        if self.locked or self.is_managed(name):
            raise ManagedByPolicy(
                translate("ProfilesStore", "Your organisation does not allow removing this profile")
            )
        profiles = [p for p in self._stored_profiles() if p.name.casefold() != name.casefold()]
        self._save(profiles)
        if str(self._s.value(CURRENT_KEY, "")).casefold() == name.casefold():
            self._s.remove(CURRENT_KEY)
        log.info("profile %r deleted", name)

    def sync(self) -> None:
        self._s.sync()

    # ------------------------------------------------------------------ internals
    @staticmethod
    def _check_storable(profile: Profile) -> None:
        if profile.environment is Environment.DEMO:
            raise ValueError("Demo mode is per run and is not stored as a profile")
        if profile.needs_attention:
            raise ValueError(f"The profile “{profile.name}” {profile.attention}")

    def _load(self) -> list[Profile]:
        self._raw_damaged = {}
        self._unreadable = None
        raw = self._s.value(PROFILES_KEY, "")
        format_error = self._file_unparsed
        if format_error:
            self._note(UNREADABLE_FILE)
            if not raw:
                self._unreadable = UNREADABLE_FILE
                return []
        if raw is None or raw == "":
            return []
        try:
            items = json.loads(raw) if isinstance(raw, str) else None
        except ValueError:
            items = None
        if not isinstance(items, list):
            log.warning("the stored profile list cannot be read (%s)", type(raw).__name__)
            self._note(UNREADABLE_LIST)
            self._unreadable = UNREADABLE_LIST
            return []
        result: list[Profile] = []
        seen: set[str] = set()
        left_out = False
        for item in items:
            if stored_name(item) is None:
                log.warning("leaving out a stored profile without a valid name")
                self._note(_NAMELESS)
                left_out = True
                continue
            profile = profile_from_dict(item)
            if profile.environment is Environment.DEMO:
                continue
            if profile.name.casefold() in seen:
                log.warning("ignoring a second stored profile called %r", profile.name)
                continue
            seen.add(profile.name.casefold())
            if format_error and not profile.needs_attention:
                # Salvaged from a file Qt could not parse: plausible, not trusted. The agent
                # confirms it in Settings (the file is rewritten cleanly then).
                profile = Profile(
                    profile.name,
                    profile.environment,
                    profile.custom_url,
                    problem=PARTLY_READABLE_FILE,
                )
            if profile.needs_attention:
                carried = isinstance(item, dict) and item.get(ATTENTION_KEY) == profile.problem
                # A reason the app wrote itself is no new damage: no new copy of the file.
                self._note(
                    _DAMAGED_PROFILE,
                    copy=not carried,
                    profile=profile.name,
                    problem=profile.problem or "",
                )
                self._raw_damaged[profile.name.casefold()] = item
            result.append(profile)
        if not result and (format_error or left_out):  # never a fresh "default" on Production
            self._unreadable = UNREADABLE_FILE if format_error else UNREADABLE_LIST
        return result

    def _note(self, damage: str, *, copy: bool = True, **fields: str) -> None:
        entry = (damage, tuple(fields.items()))
        if entry not in self._damage:
            self._damage.append(entry)
        self._copy_needed = self._copy_needed or copy

    def _save(self, profiles: list[Profile]) -> None:
        items: list[object] = []
        for profile in profiles:
            raw = self._raw_damaged.get(profile.name.casefold())
            if not profile.needs_attention:
                items.append(profile_to_dict(profile))
            elif raw is not None and profile.problem != PARTLY_READABLE_FILE:
                items.append(raw)  # as it was stored, until the agent fixes it
            else:  # salvaged or a stand-in: stored with the reason, so it stays untrusted
                items.append(
                    {
                        "name": profile.name,
                        "environment": profile.environment.value,
                        "custom_url": profile.custom_url or "",
                        ATTENTION_KEY: profile.problem,
                    }
                )
        self._s.setValue(PROFILES_KEY, json.dumps(items))
        self._file_unparsed = False  # the list in the file is now ours
