"""The field checks in inflow_desk.domain.validation, at their boundaries."""

from __future__ import annotations

import pytest

from inflow_desk.domain import limits
from inflow_desk.domain.money import Currency
from inflow_desk.domain.validation import (
    EMAIL_MESSAGE,
    URL_MESSAGE,
    check_email,
    check_expires_in,
    check_name,
    check_offer_id,
    check_quantity,
    check_redirect_url,
    check_total,
    check_unit_price,
)

# ------------------------------------------------------------------ names


@pytest.mark.parametrize("name", ["a", "Support top-up", "x" * 200, "  padded  ", " " + "y" * 200])
def test_name_ok(name: str) -> None:
    assert check_name(name) is None


@pytest.mark.parametrize("name", ["", " ", "\t \u00a0"])
def test_name_blank(name: str) -> None:
    assert check_name(name) == "Enter a product name"


def test_name_too_long() -> None:
    assert check_name("x" * 201) == "Name is longer than 200 characters"


@pytest.mark.parametrize("name", ["two\nlines", "tab\there", "nul\x00"])
def test_name_control_characters(name: str) -> None:
    assert check_name(name) == "Name cannot contain line breaks or control characters"


# ------------------------------------------------------------------ price and quantity


@pytest.mark.parametrize(
    ("cents", "message"),
    [
        (-1, "Price must be at least 0.01"),
        (0, "Price must be at least 0.01"),
        (1, None),
        (99_999_999, None),
        (100_000_000, "Price cannot exceed 999,999.99"),
    ],
)
def test_unit_price(cents: int, message: str | None) -> None:
    assert check_unit_price(cents) == message


@pytest.mark.parametrize(
    ("quantity", "message"),
    [
        (-3, "Quantity must be a whole number of at least 1"),
        (0, "Quantity must be a whole number of at least 1"),
        (1, None),
        (10_000, None),
        (10_001, "Quantity cannot exceed 10,000"),
    ],
)
def test_quantity(quantity: int, message: str | None) -> None:
    assert check_quantity(quantity) == message


def test_bools_are_not_numbers() -> None:
    assert check_quantity(True) == "Quantity must be a whole number of at least 1"
    assert check_unit_price(True) == "Enter a price"
    assert check_expires_in(True) == "Expiry must be a number of hours"


# ------------------------------------------------------------------ e-mail


@pytest.mark.parametrize(
    "email",
    [
        "client@example.org",
        "first.last+tag@sub.example.co.uk",
        "o'brien@example.ie",
        "x@y.io",
        "  client@example.org  ",
        "client@example.org\n",
        "kunde@bücher.de",
        "user@例え.テスト",
        "user@xn--bcher-kva.de",
        "user@example.xn--p1ai",
        "a" * 64 + "@example.com",
        "a@" + "b" * 63 + ".com",
    ],
)
def test_email_ok(email: str) -> None:
    assert check_email(email) is None


@pytest.mark.parametrize(
    "email",
    [
        "",
        "plainaddress",
        "@example.org",
        "client@",
        "client@example",
        "client@@example.org",
        "a@b@example.org",
        "cli ent@example.org",
        "client@exa mple.org",
        "client@example.c",
        "client@example.123",
        "client@-example.org",
        "client@example-.org",
        "client@example..org",
        "client@.example.org",
        "client@example.org.",
        ".client@example.org",
        "client.@example.org",
        "cl..ient@example.org",
        "client@exam_ple.org",
        "a" * 65 + "@example.com",
        "a@" + "b" * 64 + ".com",
        "<client@example.org>",
        "client@exam\nple.org",
    ],
)
def test_email_invalid(email: str) -> None:
    assert check_email(email) == EMAIL_MESSAGE


def test_email_length_limit() -> None:
    local = "a" * 60
    domain = ".".join(["b" * 60] * 3) + ".com"  # 187 characters
    at_limit = local + "@" + domain + "." + "c" * (254 - len(local) - len(domain) - 2)
    assert len(at_limit) == 254
    assert check_email(at_limit) is None
    too_long = local + "@" + domain + "." + "c" * (255 - len(local) - len(domain) - 2)
    assert len(too_long) == 255
    assert check_email(too_long) == "E-mail address is longer than 254 characters"


def test_email_message_text() -> None:
    assert EMAIL_MESSAGE == "Enter a valid e-mail address, like name@example.com"


# ------------------------------------------------------------------ redirect URLs


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/thanks",
        "http://example.org",
        "HTTPS://Example.org/Path?q=1&x=%20#frag",
        "https://shop.example.co.uk:8443/a/b",
        "http://localhost:8000/done",
        "http://127.0.0.1/ok",
        "http://[::1]:8080/ok",
        "https://bücher.de/danke",
        "https://example.org.",
        "  https://example.org/padded  ",
    ],
)
def test_url_ok(url: str) -> None:
    assert check_redirect_url(url) is None


@pytest.mark.parametrize(
    "url",
    [
        "",
        "example.org",
        "www.example.org/thanks",
        "//example.org",
        "/thanks",
        "ftp://example.org",
        "javascript:alert(1)",
        "mailto:a@example.org",
        "https://",
        "https:///path",
        "https:example.org",
        "https://exa mple.org",
        "https://example.org/a b",
        "https://example.org:99999/",
        "https://example.org:0/",
        "https://exa_mple.org/",
        "https://-example.org/",
        "https://example..org/",
        "http://[::::]/",
        "https://example.org/\x00",
    ],
)
def test_url_invalid(url: str) -> None:
    assert check_redirect_url(url) == URL_MESSAGE


def test_url_length_limit() -> None:
    base = "https://example.org/"
    assert check_redirect_url(base + "a" * (2048 - len(base))) is None
    assert (
        check_redirect_url(base + "a" * (2049 - len(base)))
        == "Web address is longer than 2,048 characters"
    )


def test_url_message_text() -> None:
    assert URL_MESSAGE == "Enter a full web address starting with https:// or http://"


# ------------------------------------------------------------------ expiry


@pytest.mark.parametrize(
    ("hours", "message"),
    [
        (0.0, "Expiry must be at least 0.25 hours (15 minutes)"),
        (0.1, "Expiry must be at least 0.25 hours (15 minutes)"),
        (0.2499, "Expiry must be at least 0.25 hours (15 minutes)"),
        (0.25, None),
        (1, None),
        (24.5, None),
        (720, None),
        (720.01, "Expiry cannot exceed 720 hours (30 days)"),
        (721, "Expiry cannot exceed 720 hours (30 days)"),
        (-1.0, "Expiry must be at least 0.25 hours (15 minutes)"),
        (float("nan"), "Expiry must be a number of hours"),
        (float("inf"), "Expiry must be a number of hours"),
        (10**400, "Expiry cannot exceed 720 hours (30 days)"),
    ],
)
def test_expires_in(hours: float, message: str | None) -> None:
    assert check_expires_in(hours) == message


# ------------------------------------------------------------------ total


@pytest.mark.parametrize(
    ("cents", "currency", "message"),
    [
        (149, Currency.EUR, "Total must be at least €1.50 — Inflow's minimum payment"),
        (150, Currency.EUR, None),
        (150, Currency.USD, "Total must be at least $2.00 — Inflow's minimum payment"),
        (199, Currency.USD, "Total must be at least $2.00 — Inflow's minimum payment"),
        (200, Currency.USD, None),
        (0, Currency.EUR, "Total must be at least €1.50 — Inflow's minimum payment"),
        (limits.MAX_TOTAL_CENTS, Currency.EUR, None),
        (limits.MAX_TOTAL_CENTS + 1, Currency.EUR, "Total cannot exceed €9,999,999.99"),
    ],
)
def test_total(cents: int, currency: Currency, message: str | None) -> None:
    assert check_total(cents, currency) == message


# ------------------------------------------------------------------ offer id


@pytest.mark.parametrize("offer_id", ["offer_9fK21", "a", "A-b_C-1", "x" * 128, " padded "])
def test_offer_id_ok(offer_id: str) -> None:
    assert check_offer_id(offer_id) is None


def test_offer_id_blank() -> None:
    assert check_offer_id("  ") == "Enter a subscription offer ID or link"


@pytest.mark.parametrize("offer_id", ["x" * 129, "offer 1", "offer/1", "of.fer", "offér"])
def test_offer_id_invalid(offer_id: str) -> None:
    assert check_offer_id(offer_id) == (
        "Not a subscription offer ID: use letters, digits, _ and - only (at most 128)"
    )


def test_limits_match_architecture() -> None:
    assert limits.MAX_LINE_ITEMS == 100
    assert limits.MAX_NAME_LENGTH == 200
    assert limits.MAX_QUANTITY == 10_000
    assert limits.MAX_UNIT_PRICE_CENTS == 99_999_999
    assert limits.MAX_TOTAL_CENTS == 999_999_999
    assert dict(limits.MIN_TOTAL_CENTS) == {Currency.EUR: 150, Currency.USD: 200}
    assert limits.MIN_EXPIRES_IN_HOURS == 0.25
    assert limits.MAX_EXPIRES_IN_HOURS == 720
    assert limits.DEFAULT_EXPIRES_IN_HOURS == 1.0
    assert limits.MAX_EMAIL_LENGTH == 254
    assert limits.MAX_URL_LENGTH == 2048
