"""Profiles (merchant accounts) persisted in QSettings — the non-secret part only.

Layout in QSettings (kept apart from ``AppSettings``' per-profile ``profiles/<name>/...``):

* ``accounts/profiles`` — a JSON list of :func:`~inflow_desk.storage.profiles.profile_to_dict`
  dicts (name, environment, custom_url), in the order the agent added them;
* ``accounts/current`` — the name of the profile used last.

The API key is never stored here: it lives in the key store under the profile's name.
There is always at least one profile: ``default`` on Production.
"""

from __future__ import annotations

import json
import logging

from PySide6.QtCore import QSettings

from inflow_desk.storage.profiles import (
    DEFAULT_PROFILE_NAME,
    Environment,
    Profile,
    profile_from_dict,
    profile_to_dict,
)

__all__ = ["CURRENT_KEY", "PROFILES_KEY", "ProfilesStore"]

log = logging.getLogger(__name__)

PROFILES_KEY = "accounts/profiles"
CURRENT_KEY = "accounts/current"


class ProfilesStore:
    """List, add, update and delete profiles; remember the current one.

    Names are unique regardless of case (they are keychain entries, and "Acme" next to "acme"
    would only confuse). DEMO profiles are never stored: demo mode is per run.
    """

    def __init__(self, settings: QSettings) -> None:
        self._s = settings

    # ------------------------------------------------------------------ reading
    def profiles(self) -> list[Profile]:
        """Every stored profile, in order; ``default`` on Production when there is none."""
        stored = self._load()
        return stored or [Profile(DEFAULT_PROFILE_NAME, Environment.PRODUCTION)]

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
        """Store a new profile; :class:`ValueError` if the name is taken."""
        self._check_storable(profile)
        profiles = self.profiles()
        if any(p.name.casefold() == profile.name.casefold() for p in profiles):
            raise ValueError(f"A profile called “{profile.name}” already exists")
        self._save([*profiles, profile])
        log.info("profile %r added (%s)", profile.name, profile.environment.value)

    def update(self, profile: Profile) -> None:
        """Replace the stored profile with the same name; :class:`KeyError` if there is none."""
        self._check_storable(profile)
        profiles = self.profiles()
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
        """
        profiles = [p for p in self.profiles() if p.name.casefold() != name.casefold()]
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

    def _load(self) -> list[Profile]:
        raw = self._s.value(PROFILES_KEY, "")
        if not raw:
            return []
        try:
            items = json.loads(str(raw))
        except ValueError:
            log.warning("ignoring unreadable profile list in settings")
            return []
        if not isinstance(items, list):
            log.warning("ignoring a profile list that is not a list")
            return []
        result: list[Profile] = []
        seen: set[str] = set()
        for item in items:
            profile = profile_from_dict(item)
            if profile.environment is Environment.DEMO:
                continue
            if profile.name.casefold() in seen:
                log.warning("ignoring a second stored profile called %r", profile.name)
                continue
            seen.add(profile.name.casefold())
            result.append(profile)
        return result

    def _save(self, profiles: list[Profile]) -> None:
        self._s.setValue(PROFILES_KEY, json.dumps([profile_to_dict(p) for p in profiles]))
