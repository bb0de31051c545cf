"""The managed policy file: every field, where it is found, and unusable files refused with
the file, the line and the field (never a silent fall-back to no policy)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from inflow_desk.domain.money import Currency
from inflow_desk.storage.policy import (
    POLICY_ENV,
    AgentLimits,
    PolicyError,
    load_policy,
    policy_path,
)
from inflow_desk.storage.profiles import Environment

FULL = """\
forbid_custom_urls = false
lock_profiles = true
default_expiry_hours = 2.5
allowed_currencies = ["EUR"]

[[profiles]]
name = "Acme EU"
environment = "production"
[profiles.limits]
max_per_link = 500
max_per_day = 2000.50

[[profiles]]
name = "Acme Test"
environment = "custom"
url = "https://api.test.example.com/"
checkout_hosts = ["pay.test.example.com"]

[[templates]]
name = "Payment link"
text = "Hello, here is your link: {link}"

[[templates]]
name = "Test only"
text = "Test link: {link}"
profile = "acme test"
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "policy.toml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_every_field_is_read(tmp_path: Path) -> None:
    policy = load_policy(write(tmp_path, FULL))
    assert policy is not None
    assert policy.lock_profiles is True
    assert policy.forbid_custom_urls is False
    assert policy.default_expiry_hours == 2.5
    assert policy.allowed_currencies == (Currency.EUR,)
    assert policy.allows_currency(Currency.EUR) and not policy.allows_currency(Currency.USD)
    eu, test = policy.profiles
    assert (eu.name, eu.environment) == ("Acme EU", Environment.PRODUCTION)
    assert (test.environment, test.custom_url) == (
        Environment.CUSTOM,
        "https://api.test.example.com",
    )
    assert test.checkout_hosts == ("pay.test.example.com",)
    assert policy.limits_for("acme eu") == AgentLimits(50_000, 200_050)
    assert policy.limits_for("Acme Test") == AgentLimits()
    assert policy.managed_profile("ACME EU") == eu
    assert policy.managed_profile("Other") is None
    assert [t.name for t in policy.templates_for("Acme EU")] == ["Payment link"]
    assert [t.name for t in policy.templates_for("Acme Test")] == ["Payment link", "Test only"]


def test_an_empty_file_is_a_policy_that_fixes_nothing(tmp_path: Path) -> None:
    policy = load_policy(write(tmp_path, ""))
    assert policy is not None
    assert policy.profiles == () and policy.allowed_currencies is None
    assert not policy.lock_profiles and not policy.forbid_custom_urls


def test_no_file_is_no_policy(tmp_path: Path) -> None:
    assert load_policy(tmp_path / "missing.toml") is None


def test_the_environment_variable_names_the_file(tmp_path: Path) -> None:
    path = write(tmp_path, "")
    assert policy_path({POLICY_ENV: str(path)}, "linux") == path
    assert policy_path({POLICY_ENV: str(tmp_path / "none.toml")}, "linux") is None


def test_linux_reads_the_first_xdg_config_dir_that_has_one(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    target = second / "inflow-desk" / "policy.toml"
    target.parent.mkdir(parents=True)
    target.write_text("", encoding="utf-8")
    assert policy_path({"XDG_CONFIG_DIRS": f"{first}:{second}"}, "linux") == target
    (first / "inflow-desk").mkdir(parents=True)
    (first / "inflow-desk" / "policy.toml").write_text("", encoding="utf-8")
    assert policy_path({"XDG_CONFIG_DIRS": f"{first}:{second}"}, "linux") == (
        first / "inflow-desk" / "policy.toml"
    )
    assert policy_path({"XDG_CONFIG_DIRS": str(tmp_path / "none")}, "linux") is None


def test_windows_reads_programdata(tmp_path: Path) -> None:
    target = tmp_path / "Inflow Desk" / "policy.toml"
    target.parent.mkdir()
    target.write_text("", encoding="utf-8")
    assert policy_path({"ProgramData": str(tmp_path)}, "win32") == target


@pytest.mark.parametrize(
    ("text", "line", "field", "words"),
    [
        ('lock_profiles = true\nallowed_currencies = ["EUR"\n', 2, None, "not valid TOML"),
        ('lock_profiles = true\nname = "x\n', 2, None, "not valid TOML"),
        ("lock_profiles = true\nlock_profile = true\n", 2, "lock_profile", "not a policy field"),
        ('lock_profiles = "yes"\n', 1, "lock_profiles", "boolean"),
        (
            '[[profiles]]\nname = "A"\n\n[[profiles]]\nname = "B"\n[profiles.limits]\n'
            "max_per_link = 10\nmax_per_lnk = 20\n",
            8,
            "profiles[2].limits.max_per_lnk",
            "not a policy field",
        ),
        (
            '[[profiles]]\nname = "A"\n[profiles.limits]\nmax_per_day = "lots"\n',
            4,
            "profiles[1].limits.max_per_day",
            "",
        ),
        (
            '[[profiles]]\nname = "A"\n[profiles.limits]\nmax_per_link = -5\n',
            4,
            "profiles[1].limits.max_per_link",
            "greater than 0",
        ),
        ('allowed_currencies = ["GBP"]\n', 1, "allowed_currencies[1]", ""),
        ("default_expiry_hours = 0.1\n", 1, "default_expiry_hours", ""),
        ('[[profiles]]\nname = "A/B"\n', 2, "profiles[1].name", "letters"),
        (
            '[[profiles]]\nname = "A"\nenvironment = "custom"\n',
            1,
            "profiles[1].url",
            "needs its url",
        ),
        (
            'forbid_custom_urls = true\n[[profiles]]\nname = "A"\nenvironment = "custom"\n'
            'url = "https://x.example.com"\n',
            5,
            "profiles[1].url",
            "forbidden",
        ),
        ('[[profiles]]\nname = "A"\nenvironment = "demo"\n', 3, "profiles[1].environment", ""),
        ('[[profiles]]\nname = "A"\n[[profiles]]\nname = "a"\n', 4, "profiles[2].name", "second"),
        (
            '[[templates]]\nname = "T"\ntext = "x"\nprofile = "Nobody"\n',
            4,
            "templates[1].profile",
            "not a profile",
        ),
        ('[[templates]]\nname = "T"\n', 1, "templates[1].text", "required"),
        (
            '[[templates]]\nname = "T"\ntext = "Hi {name}: {link}"\n',
            3,
            "templates[1].text",
            "{name}",
        ),
    ],
)
def test_an_unusable_file_is_refused_with_file_line_and_field(
    tmp_path: Path, text: str, line: int, field: str | None, words: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(PolicyError) as caught:
        load_policy(path)
    error = caught.value
    assert (error.path, error.line, error.field) == (path, line, field)
    message = str(error)
    assert message.startswith(f"{path}, line {line}: ")
    if field is not None:
        assert field in message
    assert words.lower() in message.lower()


def test_a_file_that_is_not_utf8_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "policy.toml"
    path.write_bytes(b"lock_profiles = true\nname = '\xff'\n")
    with pytest.raises(PolicyError, match=r"line 2: is not UTF-8"):
        load_policy(path)


def test_an_unreadable_file_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "policy.toml"
    folder.mkdir()  # present, but not a file
    with pytest.raises(PolicyError, match="cannot be read"):
        load_policy(folder)
