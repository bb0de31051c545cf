"""Profiles: name and URL validation, environments, and tolerant (de)serialisation."""

from __future__ import annotations

import dataclasses
import logging

import pytest

from inflow_desk.storage.profiles import (
    PRODUCTION_URL,
    SANDBOX_URL,
    Environment,
    Profile,
    ProfileNeedsAttention,
    environment_for_url,
    is_loopback_host,
    profile_from_dict,
    profile_to_dict,
    validate_custom_url,
    validate_profile_name,
)

# ------------------------------------------------------------------ names


@pytest.mark.parametrize(
    "name",
    ["default", "Acme", "Acme EU-2", "a", "x" * 64, "Société_1.2", "チーム", "v1.0 test_eu-west"],
)
def test_valid_profile_names(name: str) -> None:
    assert validate_profile_name(name) is None


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "Enter a name for the profile"),
        ("   ", "Enter a name for the profile"),
        ("x" * 65, "Use at most 64 characters"),
        (" Acme", "Remove the spaces at the start or end of the name"),
        ("Acme ", "Remove the spaces at the start or end of the name"),
        ("Acme/EU", "Use only letters, digits, spaces, '-', '_' and '.' (not '/')"),
        ("Acme:prod", "Use only letters, digits, spaces, '-', '_' and '.' (not ':')"),
        ("a\tb", "Use only letters, digits, spaces, '-', '_' and '.' (not U+0009)"),
        ("a\nb", "Use only letters, digits, spaces, '-', '_' and '.' (not U+000A)"),
        ("smile😀", "Use only letters, digits, spaces, '-', '_' and '.' (not '😀')"),
        ("²", "Use only letters, digits, spaces, '-', '_' and '.' (not '²')"),
    ],
)
def test_invalid_profile_names(name: str, message: str) -> None:
    assert validate_profile_name(name) == message


# ------------------------------------------------------------------ URLs

HTTPS_ONLY = "Use https:// — plain http is only allowed for this computer (localhost)"
FULL_ADDRESS = "Enter the full address, starting with https://"


@pytest.mark.parametrize(
    "url",
    [
        "https://api.example.test",
        "https://api.example.test/",
        "https://api.example.test/v1",
        "https://api.example.test:8443",
        "  https://api.example.test \n",
        "HTTPS://API.EXAMPLE.TEST",
        "https://dev.api.inflowpay.xyz",
        "http://localhost:8080",
        "http://LOCALHOST",
        "http://127.0.0.1:5000",
        "http://127.5.6.7",
        "http://[::1]:9000",
        "https://[2001:db8::1]",
        "https://10.0.0.5",
    ],
)
def test_valid_custom_urls(url: str) -> None:
    assert validate_custom_url(url) is None


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("", "Enter the API address, starting with https://"),
        ("   ", "Enter the API address, starting with https://"),
        ("api.example.test", FULL_ADDRESS),
        ("api.example.test:8443", FULL_ADDRESS),
        ("//api.example.test", FULL_ADDRESS),
        ("https://", FULL_ADDRESS),
        ("ftp://files.example.test", "Use an address starting with https://"),
        ("javascript://x", "Use an address starting with https://"),
        ("http://api.example.test", HTTPS_ONLY),
        ("http://api.inflowpay.xyz", HTTPS_ONLY),
        ("http://192.168.1.5:8080", HTTPS_ONLY),
        ("http://10.0.0.1", HTTPS_ONLY),
        ("http://0.0.0.0:8080", HTTPS_ONLY),
        ("http://localhost.evil.test", HTTPS_ONLY),
        ("http://127.0.0.1.evil.test", HTTPS_ONLY),
        ("http://[::2]", HTTPS_ONLY),
        ("https://user:pw@api.example.test", "Remove the user name and password from the address"),
        ("http://user@localhost", "Remove the user name and password from the address"),
        ("https://api.example.test?x=1", "Remove the part after '?' or '#' from the address"),
        ("https://api.example.test/#top", "Remove the part after '?' or '#' from the address"),
        ("https://api.example.test?", "Remove the part after '?' or '#' from the address"),
        ("https://api.example.test:99999", "This is not a valid address"),
        ("https://api.example.test:abc", "This is not a valid address"),
        ("https://api.example.test:0", "This is not a valid port number"),
        ("https://[::1", "This is not a valid address"),
        ("https://api example.test", "Remove the spaces or invisible characters from the address"),
        (
            "https://api.example.test/\x00",
            "Remove the spaces or invisible characters from the address",
        ),
        ("https://" + "a" * 2050 + ".test", "Use at most 2048 characters"),
    ],
)
def test_invalid_custom_urls(url: str, message: str) -> None:
    assert validate_custom_url(url) == message


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("localhost", True),
        ("LocalHost", True),
        ("localhost.", True),
        ("127.0.0.1", True),
        ("127.255.255.254", True),
        ("::1", True),
        ("[::1]", True),
        ("0.0.0.0", False),
        ("128.0.0.1", False),
        ("localhost.example.test", False),
        ("api.inflowpay.xyz", False),
        ("", False),
    ],
)
def test_is_loopback_host(host: str, expected: bool) -> None:
    assert is_loopback_host(host) is expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (PRODUCTION_URL, Environment.PRODUCTION),
        (PRODUCTION_URL + "/", Environment.PRODUCTION),
        ("  HTTPS://API.INFLOWPAY.XYZ/ ", Environment.PRODUCTION),
        (SANDBOX_URL, Environment.SANDBOX),
        (SANDBOX_URL + "//", Environment.SANDBOX),
        ("http://api.inflowpay.xyz", Environment.CUSTOM),  # not https: not the preset
        ("https://api.inflowpay.xyz/v2", Environment.CUSTOM),
        ("https://dev.api.inflowpay.xyz", Environment.CUSTOM),
        ("https://api.inflowpay.xyz:8443", Environment.CUSTOM),
        ("http://127.0.0.1:8080", Environment.CUSTOM),
        ("", Environment.CUSTOM),
        ("not a url", Environment.CUSTOM),
    ],
)
def test_environment_for_url(url: str, expected: Environment) -> None:
    assert environment_for_url(url) is expected


def test_preset_urls() -> None:
    assert PRODUCTION_URL == "https://api.inflowpay.xyz"
    assert SANDBOX_URL == "https://sandbox.api.inflowpay.com"
    assert [e.value for e in Environment] == ["production", "sandbox", "custom", "demo"]


# ------------------------------------------------------------------ Profile


@pytest.mark.parametrize(
    ("profile", "base_url", "label"),
    [
        (Profile("Acme", Environment.PRODUCTION), PRODUCTION_URL, "Acme — PRODUCTION"),
        (Profile("Acme", Environment.SANDBOX), SANDBOX_URL, "Acme — SANDBOX"),
        (
            Profile("Acme", Environment.PRODUCTION, "https://ignored.example.test"),
            PRODUCTION_URL,
            "Acme — PRODUCTION",
        ),
        (
            Profile("Acme", Environment.CUSTOM, " https://dev.api.inflowpay.xyz/ "),
            "https://dev.api.inflowpay.xyz",
            "Acme — CUSTOM (dev.api.inflowpay.xyz)",
        ),
        (
            Profile("Acme", Environment.CUSTOM, "HTTPS://Api.Example.Test:8443/v1/"),
            "https://api.example.test:8443/v1",
            "Acme — CUSTOM (api.example.test:8443)",
        ),
        (
            Profile("demo", Environment.DEMO, "http://127.0.0.1:41234"),
            "http://127.0.0.1:41234",
            "demo — DEMO",
        ),
    ],
)
def test_profile_base_url_and_label(profile: Profile, base_url: str, label: str) -> None:
    assert profile.base_url == base_url
    assert profile.label == label


def test_is_production() -> None:
    assert Profile("a", Environment.PRODUCTION).is_production
    assert not Profile("a", Environment.SANDBOX).is_production
    assert not Profile("a", Environment.CUSTOM, PRODUCTION_URL).is_production


def test_environment_string_is_coerced() -> None:
    profile = Profile("Acme", "sandbox")  # type: ignore[arg-type]
    assert profile.environment is Environment.SANDBOX


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"name": "", "environment": Environment.PRODUCTION}, "Invalid profile name"),
        ({"name": "a/b", "environment": Environment.PRODUCTION}, "Invalid profile name"),
        ({"name": "a", "environment": "staging"}, "not a valid Environment"),
        ({"name": "a", "environment": Environment.CUSTOM}, "CUSTOM profile needs an API address"),
        (
            {"name": "a", "environment": Environment.CUSTOM, "custom_url": "  "},
            "CUSTOM profile needs an API address",
        ),
        (
            {"name": "a", "environment": Environment.CUSTOM, "custom_url": "http://x.test"},
            "Invalid API address: Use https://",
        ),
        ({"name": "a", "environment": Environment.DEMO}, "DEMO profile needs an API address"),
        (
            {
                "name": "a",
                "environment": Environment.DEMO,
                "custom_url": "https://api.example.test",
            },
            "DEMO profile only talks to this computer",
        ),
    ],
)
def test_invalid_profiles_raise(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Profile(**kwargs)  # type: ignore[arg-type]


def test_profile_is_frozen() -> None:
    profile = Profile("Acme", Environment.PRODUCTION)
    with pytest.raises(dataclasses.FrozenInstanceError):
        profile.environment = Environment.SANDBOX  # type: ignore[misc]


# ------------------------------------------------------------------ settings round trip


@pytest.mark.parametrize(
    "profile",
    [
        Profile("default", Environment.PRODUCTION),
        Profile("Acme EU", Environment.SANDBOX),
        Profile("Acme", Environment.PRODUCTION, "https://remembered.example.test"),
        Profile("staging", Environment.CUSTOM, "https://dev.api.inflowpay.xyz"),
        Profile("demo", Environment.DEMO, "http://127.0.0.1:5000"),
    ],
)
def test_round_trip(profile: Profile, caplog: pytest.LogCaptureFixture) -> None:
    data = profile_to_dict(profile)
    assert set(data) == {"name", "environment", "custom_url"}
    assert all(isinstance(v, str) for v in data.values())
    with caplog.at_level(logging.WARNING):
        assert profile_from_dict(data) == profile
    assert caplog.records == []


def test_to_dict_values() -> None:
    assert profile_to_dict(Profile("Acme", Environment.SANDBOX)) == {
        "name": "Acme",
        "environment": "sandbox",
        "custom_url": "",
    }


C = Environment.CUSTOM
NO_NAME = "its stored name is missing or not valid"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({}, Profile("default", C, problem="environment is missing")),
        (None, Profile("default", C, problem="environment is missing")),
        ("garbage", Profile("default", C, problem="environment is missing")),
        (["name", "Acme"], Profile("default", C, problem="environment is missing")),
        ({"name": "Acme"}, Profile("Acme", C, problem="environment is missing")),
        (
            {"name": "Acme", "environment": "prodution"},
            Profile("Acme", C, problem="environment 'prodution' is not known"),
        ),
        (
            {"name": "Acme", "environment": 3},
            Profile("Acme", C, problem="environment '3' is not known"),
        ),
        (
            {"name": "Acme", "environment": "custom"},
            Profile("Acme", C, problem="its CUSTOM API address is missing or not valid"),
        ),
        (
            {"name": "Acme", "environment": "custom", "custom_url": "http://evil.example.test"},
            Profile(
                "Acme",
                C,
                "http://evil.example.test",
                problem="its CUSTOM API address is missing or not valid",
            ),
        ),
        (
            {"name": "Acme", "environment": "demo", "custom_url": "https://api.example.test"},
            Profile(
                "Acme",
                Environment.DEMO,
                "https://api.example.test",
                problem="its DEMO API address is missing or not valid",
            ),
        ),
        (
            {"name": "Acme", "environment": "custom", "custom_url": ["https://x.test"]},
            Profile("Acme", C, problem="its CUSTOM API address is missing or not valid"),
        ),
        (
            {"name": "bad/name", "environment": "sandbox"},
            Profile("default", Environment.SANDBOX, problem=NO_NAME),
        ),
        (
            {"name": 42, "environment": "sandbox"},
            Profile("default", Environment.SANDBOX, problem=NO_NAME),
        ),
        (
            {"name": " Acme", "environment": "sandbox"},
            Profile("default", Environment.SANDBOX, problem=NO_NAME),
        ),
    ],
)
def test_damaged_values_never_fall_back_to_production(
    data: object, expected: Profile, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="inflow_desk.storage.profiles"):
        profile = profile_from_dict(data)
    assert profile == expected
    assert profile.needs_attention
    assert not profile.is_production
    assert any(r.levelno == logging.WARNING for r in caplog.records)
    with pytest.raises(ProfileNeedsAttention, match="needs attention"):
        _ = profile.base_url  # nowhere to send anything
    with pytest.raises(ValueError, match="needs attention"):
        profile_to_dict(profile)  # never written back as if it were fine


def test_what_the_agent_is_shown_for_a_typo() -> None:
    profile = profile_from_dict({"name": "Acme", "environment": "prodution"})
    assert (
        profile.attention == "needs attention: environment 'prodution' is not known — open Settings"
    )
    assert profile.label == "Acme — NEEDS ATTENTION"


def test_a_long_or_unprintable_stored_environment_is_shown_short_and_printable() -> None:
    profile = profile_from_dict({"name": "Acme", "environment": "x\n" + "y" * 100})
    assert profile.problem is not None
    assert "\n" not in profile.problem
    assert len(profile.problem) < 80


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"name": "Acme", "environment": "SANDBOX"}, Profile("Acme", Environment.SANDBOX)),
        ({"name": "Acme", "environment": " Sandbox "}, Profile("Acme", Environment.SANDBOX)),
        (
            {"name": "Acme", "environment": "custom", "custom_url": "https://x.test/", "extra": 1},
            Profile("Acme", Environment.CUSTOM, "https://x.test"),
        ),
    ],
)
def test_from_dict_accepts_variants_without_warning(
    data: dict[str, object], expected: Profile, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        assert profile_from_dict(data) == expected
    assert caplog.records == []


def test_from_dict_uses_given_fallback_name() -> None:
    assert profile_from_dict({}, fallback_name="Acme").name == "Acme"
    assert profile_from_dict({}, fallback_name="bad/name").name == "default"
    assert profile_from_dict({}, fallback_name="Acme").needs_attention


def test_from_dict_does_not_log_urls(caplog: pytest.LogCaptureFixture) -> None:
    url = "https://user:secret@api.example.test"
    with caplog.at_level(logging.DEBUG):
        profile_from_dict({"name": "Acme", "environment": "custom", "custom_url": url})
    assert "secret" not in caplog.text
    assert "'Acme'" in caplog.text
