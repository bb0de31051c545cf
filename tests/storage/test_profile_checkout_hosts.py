"""A profile's own trusted checkout hosts: normalised, stored with the profile, never fatal."""

from __future__ import annotations

import logging

import pytest

from inflow_desk.storage.profiles import (
    Environment,
    Profile,
    profile_from_dict,
    profile_to_dict,
)


def test_hosts_are_normalised_and_round_trip() -> None:
    profile = Profile(
        "Staging",
        Environment.CUSTOM,
        "https://api.staging.example",
        ("Pay.Staging.Example.", "pay2.staging.example:8443", "pay.staging.example"),
    )
    assert profile.checkout_hosts == ("pay.staging.example", "pay2.staging.example:8443")
    data = profile_to_dict(profile)
    assert data["checkout_hosts"] == "pay.staging.example pay2.staging.example:8443"
    assert profile_from_dict(data) == profile


def test_no_hosts_by_default_and_none_stored() -> None:
    profile = Profile("Acme", Environment.PRODUCTION)
    assert profile.checkout_hosts == ()
    assert "checkout_hosts" not in profile_to_dict(profile)
    assert profile_from_dict(profile_to_dict(profile)) == profile


def test_a_bad_host_is_refused_on_construction() -> None:
    with pytest.raises(ValueError, match="checkout host"):
        Profile("Acme", Environment.SANDBOX, None, ("https://pay.example/x",))


def test_a_garbled_stored_list_trusts_nothing_and_keeps_the_profile(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING):
        profile = profile_from_dict(
            {"name": "Acme", "environment": "sandbox", "checkout_hosts": "ok.example bad_host"}
        )
    assert profile == Profile("Acme", Environment.SANDBOX)
    assert "checkout host" in caplog.text
