"""The managed policy: one TOML file IT drops on a laptop, read-only for the agent.

Where it lives (:func:`policy_path`): ``$INFLOW_DESK_POLICY`` when set (tests, unusual
installs), else the operating system's system-wide configuration place —
Linux ``$XDG_CONFIG_DIRS/inflow-desk/policy.toml`` (each folder of the list in turn, default
``/etc/xdg``), Windows ``%ProgramData%\\Inflow Desk\\policy.toml``, macOS
``/Library/Application Support/Inflow Desk/policy.toml``.

No file: no policy (:func:`load_policy` returns None). A file that is present but unusable —
unreadable, not TOML, an unknown field, a wrong type, a value the app would refuse when typed —
raises :class:`PolicyError`, whose message names the file, the line and the field: the app
stops with it rather than silently running without the organisation's rules.

The file (every field optional)::

    forbid_custom_urls = true          # no custom API address in Settings
    lock_profiles = true               # the agent cannot add or remove profiles
    default_expiry_hours = 2.0         # the form's expiry for a new link
    allowed_currencies = ["EUR"]       # the form offers only these

    [[profiles]]                       # predefined; they take precedence over the agent's
    name = "Acme EU"
    environment = "production"         # production | sandbox | custom
    url = "https://api.example.com"    # custom only
    checkout_hosts = ["pay.example.com"]   # not on production (see Profile)
    [profiles.limits]                  # agent limits, in the link's currency (major units)
    max_per_link = 500.00
    max_per_day = 2000.00              # per agent per day, counted from the history

    [[templates]]                      # message templates (the templates feature shows them)
    name = "Payment link"
    text = "Hello {name}, here is your payment link: {link}"
    profile = "Acme EU"                # optional: only for this profile

pydantic is imported only when a policy file exists (a laptop without one starts as lean as
before).
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final

from inflow_desk.domain.i18n import QT_TRANSLATE_NOOP, translate
from inflow_desk.domain.money import Currency
from inflow_desk.storage.profiles import (
    Environment,
    Profile,
    validate_custom_url,
    validate_profile_name,
)

if TYPE_CHECKING:  # decimal and pydantic load only when there is a policy file
    from decimal import Decimal

    from pydantic import ValidationError

__all__ = [
    "POLICY_ENV",
    "AgentLimits",
    "MessageTemplate",
    "Policy",
    "PolicyError",
    "load_policy",
    "policy_path",
]

POLICY_ENV: Final = "INFLOW_DESK_POLICY"
POLICY_FOLDER: Final = "inflow-desk"
POLICY_FILE: Final = "policy.toml"


#: What can be wrong in a policy file (English; shown translated by :meth:`PolicyError.shown`).
CANNOT_BE_READ: Final = QT_TRANSLATE_NOOP("Policy", "cannot be read ({error})")
NOT_UTF8: Final = QT_TRANSLATE_NOOP("Policy", "is not UTF-8 text")
NOT_TOML: Final = QT_TRANSLATE_NOOP("Policy", "not valid TOML: {problem}")
SECOND_TIME: Final = QT_TRANSLATE_NOOP("Policy", "names a profile a second time")
NEEDS_URL: Final = QT_TRANSLATE_NOOP("Policy", "a custom profile needs its url")
CUSTOM_FORBIDDEN: Final = QT_TRANSLATE_NOOP(
    "Policy", "custom addresses are forbidden by this policy"
)
ONLY_CUSTOM_URL: Final = QT_TRANSLATE_NOOP("Policy", "only a custom profile has a url")
NOT_A_PROFILE: Final = QT_TRANSLATE_NOOP("Policy", "“{profile}” is not a profile of this policy")
NOT_A_FIELD: Final = QT_TRANSLATE_NOOP("Policy", "is not a policy field")


class PolicyError(Exception):
    """The policy file exists but cannot be used. ``str()`` names file, line and field, in
    English (the log); :meth:`shown` says the same in the agent's language.

    ``problem`` is the English text; a text of this module is a template (its ``values``
    fill it), translated by :meth:`shown`. A problem from elsewhere (a profile check, the
    policy model, the TOML parser) is passed as it came.
    """

    def __init__(
        self,
        path: Path,
        line: int | None,
        field: str | None,
        problem: str,
        values: Mapping[str, object] | None = None,
    ) -> None:
        self.path = path
        self.line = line
        self.field = field
        self._template = problem
        self._values = dict(values or {})
        self.problem = problem.format(**self._values) if values else problem
        where = f"{path}, line {line}" if line is not None else str(path)
        what = f"{field}: {self.problem}" if field else self.problem
        super().__init__(f"{where}: {what}")

    def shown(self) -> str:
        """File, line, field and problem, in the agent's language."""
        problem = translate("Policy", self._template)
        if self._values:
            problem = problem.format(**self._values)
        if self.line is not None:
            where = translate("Policy", "{path}, line {line}").format(
                path=self.path, line=self.line
            )
        else:
            where = str(self.path)
        if self.field:
            problem = translate("Policy", "{field}: {problem}").format(
                field=self.field, problem=problem
            )
        return translate("Policy", "{where}: {problem}").format(where=where, problem=problem)


@dataclass(frozen=True)
class AgentLimits:
    """Per profile, in cents of the link's currency; None = no limit."""

    max_per_link_cents: int | None = None
    max_per_day_cents: int | None = None


@dataclass(frozen=True)
class MessageTemplate:
    name: str
    text: str
    profile: str | None = None  # None: every profile


@dataclass(frozen=True)
class Policy:
    """What the organisation fixes. Plain data (the pydantic model stays inside this module)."""

    path: Path
    profiles: tuple[Profile, ...] = ()
    forbid_custom_urls: bool = False
    lock_profiles: bool = False
    default_expiry_hours: float | None = None
    allowed_currencies: tuple[Currency, ...] | None = None
    templates: tuple[MessageTemplate, ...] = ()
    limits: Mapping[str, AgentLimits] | None = None  # casefolded profile name → limits

    def managed_profile(self, name: str) -> Profile | None:
        """The policy's profile called ``name`` (case-insensitive), or None."""
        folded = name.casefold()
        return next((p for p in self.profiles if p.name.casefold() == folded), None)

    def limits_for(self, profile: str) -> AgentLimits:
        return (self.limits or {}).get(profile.casefold(), AgentLimits())

    def templates_for(self, profile: str) -> tuple[MessageTemplate, ...]:
        """The templates for ``profile``: those for every profile, then its own."""
        folded = profile.casefold()
        return tuple(
            t for t in self.templates if t.profile is None or t.profile.casefold() == folded
        )

    def allows_currency(self, currency: Currency) -> bool:
        return self.allowed_currencies is None or currency in self.allowed_currencies


def policy_path(
    environ: Mapping[str, str] | None = None, platform: str | None = None
) -> Path | None:
    """The policy file that applies (the first that exists on Linux), or None when none does.

    ``$INFLOW_DESK_POLICY`` wins when set — even when the file is missing (then None: the
    variable is how tests and unusual installs say "this one, or none").
    """
    env = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    override = env.get(POLICY_ENV)
    if override:
        path = Path(override)
        return path if path.exists() else None
    candidates: list[Path]
    if platform.startswith("win"):
        base = env.get("ProgramData") or env.get("PROGRAMDATA") or r"C:\ProgramData"
        candidates = [Path(base) / "Inflow Desk" / POLICY_FILE]
    elif platform == "darwin":
        candidates = [Path("/Library/Application Support/Inflow Desk") / POLICY_FILE]
    else:
        dirs = [d for d in (env.get("XDG_CONFIG_DIRS") or "/etc/xdg").split(":") if d]
        candidates = [Path(d) / POLICY_FOLDER / POLICY_FILE for d in dirs]
    return next((path for path in candidates if path.exists()), None)


def load_policy(path: Path | None = None) -> Policy | None:
    """The policy at ``path`` (default :func:`policy_path`); None when there is no file.

    Raises :class:`PolicyError` for a file that is there but unusable.
    """
    path = policy_path() if path is None else path
    if path is None:
        return None
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise PolicyError(path, None, None, CANNOT_BE_READ, {"error": exc.strerror or exc}) from exc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise PolicyError(path, line, None, NOT_UTF8) from exc
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        found = re.search(r"\(at line (\d+), column \d+\)", message)
        at = int(found.group(1)) if found else None
        if at is None and "end of document" in message:  # the last line that says anything
            written = [n for n, line in enumerate(text.splitlines(), start=1) if line.strip()]
            at = written[-1] if written else 1
        problem = re.sub(r"\s*\(at line \d+, column \d+\)", "", message)
        raise PolicyError(path, at, None, NOT_TOML, {"problem": problem}) from exc
    return _validate(path, text, data)


# ------------------------------------------------------------------ validation


def _validate(path: Path, text: str, data: dict[str, object]) -> Policy:
    from pydantic import ValidationError

    from inflow_desk.storage import _policy_model as model

    try:
        parsed = model.PolicyFile.model_validate(data)
    except ValidationError as exc:
        raise _policy_error(path, text, exc) from exc
    profiles: list[Profile] = []
    limits: dict[str, AgentLimits] = {}
    for index, entry in enumerate(parsed.profiles):
        where = ("profiles", index)
        problem = validate_profile_name(entry.name)
        if problem is not None:
            raise _located(path, text, (*where, "name"), problem)
        if entry.name.casefold() in limits:
            raise _located(path, text, (*where, "name"), SECOND_TIME)
        environment = Environment(entry.environment)
        if environment is Environment.CUSTOM:
            if entry.url is None:
                raise _located(path, text, (*where, "url"), NEEDS_URL)
            if parsed.forbid_custom_urls:
                raise _located(path, text, (*where, "url"), CUSTOM_FORBIDDEN)
            problem = validate_custom_url(entry.url)
            if problem is not None:
                raise _located(path, text, (*where, "url"), problem)
        elif entry.url is not None:
            raise _located(path, text, (*where, "url"), ONLY_CUSTOM_URL)
        try:
            profile = Profile(
                entry.name,
                environment,
                entry.url.strip().rstrip("/") if entry.url else None,
                checkout_hosts=tuple(entry.checkout_hosts),
            )
        except ValueError as exc:
            raise _located(path, text, (*where, "checkout_hosts"), str(exc)) from exc
        profiles.append(profile)
        limit = entry.limits
        limits[entry.name.casefold()] = AgentLimits(
            _cents(limit.max_per_link) if limit else None,
            _cents(limit.max_per_day) if limit else None,
        )
    names = {p.name.casefold() for p in profiles}
    for index, template in enumerate(parsed.templates):
        if template.profile is not None and template.profile.casefold() not in names:
            raise _located(
                path,
                text,
                ("templates", index, "profile"),
                NOT_A_PROFILE,
                {"profile": template.profile},
            )
    currencies = (
        tuple(Currency(c) for c in parsed.allowed_currencies)
        if parsed.allowed_currencies is not None
        else None
    )
    return Policy(
        path=path,
        profiles=tuple(profiles),
        forbid_custom_urls=parsed.forbid_custom_urls,
        lock_profiles=parsed.lock_profiles,
        default_expiry_hours=parsed.default_expiry_hours,
        allowed_currencies=currencies,
        templates=tuple(MessageTemplate(t.name, t.text, t.profile) for t in parsed.templates),
        limits=limits,
    )


def _cents(amount: Decimal | None) -> int | None:
    return None if amount is None else int(amount * 100)


def _policy_error(path: Path, text: str, exc: ValidationError) -> PolicyError:
    first = exc.errors()[0]
    loc = tuple(first["loc"])
    extra = first["type"] == "extra_forbidden"
    problem = NOT_A_FIELD if extra else str(first["msg"])
    return _located(path, text, loc, problem)


def _located(
    path: Path,
    text: str,
    loc: Sequence[str | int],
    problem: str,
    values: Mapping[str, object] | None = None,
) -> PolicyError:
    return PolicyError(path, line_of(text, loc), field_name(loc), problem, values)


def field_name(loc: Sequence[str | int]) -> str:
    """``("profiles", 1, "limits", "max_per_day")`` → ``profiles[2].limits.max_per_day``
    (entries counted from 1, as the person reading the file counts them)."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += f".{part}" if out else part
    return out


_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"""^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_-]+)\s*=""")


def line_of(text: str, loc: Sequence[str | int]) -> int | None:
    """The line of ``loc`` in the TOML ``text``: the key's own line when it is written as
    ``key = …`` under its table, else the line of the deepest table header on the path
    (values inside inline tables or arrays are reported at their key's line)."""
    wanted = [part for part in loc]
    table: list[str | int] = []
    counters: dict[tuple[str | int, ...], int] = {}
    best: tuple[int, int] | None = None  # (matched depth, line)
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(line)
        if header is not None:
            names: list[str | int] = [n.strip().strip("\"'") for n in header.group(2).split(".")]
            if header.group(1) == "[[":
                parent = tuple(names)
                counters[parent] = counters.get(parent, -1) + 1
                table = [*names, counters[parent]]
            else:
                table = []
                for name in names:  # a sub-table of the newest array entry: profiles.limits
                    table.append(name)
                    prefix = tuple(table)
                    if prefix in counters:
                        table.append(counters[prefix])
            depth = _common(table, wanted)
            if depth == len(table) and (best is None or depth > best[0]):
                best = (depth, number)
            continue
        key_match = _KEY.match(line)
        if key_match is None:
            continue
        full = [*table, key_match.group(1).strip("\"'")]
        depth = _common(full, wanted)
        if depth == len(full) and (best is None or depth > best[0]):
            best = (depth, number)
    return best[1] if best is not None else None


def _common(path: Sequence[str | int], wanted: Sequence[str | int]) -> int:
    depth = 0
    for a, b in zip(path, wanted, strict=False):
        if a != b:
            break
        depth += 1
    return depth
