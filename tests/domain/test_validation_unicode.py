"""Names and addresses that look fine but are not: invisible or direction-changing characters,
broken pastes (lone surrogates), and redirect addresses whose host a browser reads differently
(credentials, backslashes). Issue 13, item 9 (c)–(e)."""

from __future__ import annotations

import json

import pytest

from inflow_desk.domain.models import Cart, CheckoutOptions, LineItem
from inflow_desk.domain.money import Currency
from inflow_desk.domain.requests import build_one_time_request, validate_one_time
from inflow_desk.domain.validation import (
    BACKSLASH_URL_MESSAGE,
    CREDENTIALS_URL_MESSAGE,
    INVISIBLE_MESSAGE,
    SURROGATE_MESSAGE,
    URL_MESSAGE,
    check_name,
    check_redirect_url,
)

INVISIBLES = {
    "zero-width space": "\u200b",
    "zero-width non-joiner": "\u200c",
    "zero-width joiner": "\u200d",
    "word joiner": "\u2060",
    "invisible times": "\u2062",
    "byte order mark": "\ufeff",
    "soft hyphen": "\u00ad",
    "left-to-right mark": "\u200e",
    "arabic letter mark": "\u061c",
    "hangul filler": "\u3164",
    "halfwidth hangul filler": "\uffa0",
    "braille blank": "\u2800",
    "combining grapheme joiner": "\u034f",
    "mongolian vowel separator": "\u180e",
    "tag space": "\U000e0020",
}

BIDI_CONTROLS = {
    "LRE": "\u202a",
    "RLE": "\u202b",
    "PDF": "\u202c",
    "LRO": "\u202d",
    "RLO": "\u202e",
    "LRI": "\u2066",
    "RLI": "\u2067",
    "FSI": "\u2068",
    "PDI": "\u2069",
}


# ------------------------------------------------------------------ names


@pytest.mark.parametrize("ch", INVISIBLES.values(), ids=INVISIBLES.keys())
def test_a_name_made_only_of_an_invisible_character_is_refused(ch: str) -> None:
    assert check_name(ch) == INVISIBLE_MESSAGE
    assert check_name(ch * 3) == INVISIBLE_MESSAGE


def test_a_name_mixing_invisible_characters_and_spaces_is_refused() -> None:
    assert check_name(" \u200b\u00a0\u2060\ufeff \u00ad ") == INVISIBLE_MESSAGE


@pytest.mark.parametrize(
    "name",
    [
        "Support\u00adtop-up",  # a soft hyphen inside a word: legitimate
        "\ufeffWidget",  # a BOM from a paste in front of a real name
        "👩\u200d💻 course",  # ZWJ emoji sequence
        "\u0645\u0631\u062d\u0628\u0627",  # Arabic letters
        "\u200e\u05e9\u05dc\u05d5\u05dd",  # LRM before Hebrew: a mark, not an override
        "ñ",
        "\u3164a",  # filler next to a letter
    ],
)
def test_names_with_something_visible_pass(name: str) -> None:
    assert check_name(name) is None


@pytest.mark.parametrize("ch", BIDI_CONTROLS.values(), ids=BIDI_CONTROLS.keys())
def test_a_bidi_override_or_isolate_anywhere_in_a_name_is_refused(ch: str) -> None:
    assert check_name(f"Invoice {ch}gpj.exe") == INVISIBLE_MESSAGE
    assert check_name(f"{ch}Widget") == INVISIBLE_MESSAGE
    assert check_name(f"Widget{ch}") == INVISIBLE_MESSAGE


@pytest.mark.parametrize(
    "name", ["\ud800", "Widget \ud800", "\udfff", "a\udc00b", "\ud83d", "  \ud800  "]
)
def test_a_lone_surrogate_in_a_name_is_refused_clearly(name: str) -> None:
    assert check_name(name) == SURROGATE_MESSAGE


def test_every_code_point_either_passes_or_gets_a_sentence() -> None:
    """No character makes check_name raise; the surrogate range is always refused.

    Every code point of the Basic Multilingual Plane, and a sample of the others."""
    for code in [*range(0x10000), *range(0x10000, 0x110000, 61)]:
        ch = chr(code)
        message = check_name(f"x{ch}")
        if 0xD800 <= code <= 0xDFFF:
            assert message == SURROGATE_MESSAGE
        else:
            assert message is None or isinstance(message, str)


def test_the_issue_reaches_the_request_builder_with_the_product_path() -> None:
    cart = Cart(
        Currency.EUR,
        (
            LineItem("Widget", 1000, 1),
            LineItem("\u200b\u2060", 1000, 1),
            LineItem("Gadget \u202e", 1000, 1),
            LineItem("Paste \ud800", 1000, 1),
        ),
    )
    issues = {i.field: i.message for i in validate_one_time(cart, CheckoutOptions())}
    assert issues == {
        "products[1].name": INVISIBLE_MESSAGE,
        "products[2].name": INVISIBLE_MESSAGE,
        "products[3].name": SURROGATE_MESSAGE,
    }


def test_a_valid_cart_still_encodes_to_utf8_json() -> None:
    request = build_one_time_request(
        Cart(Currency.EUR, (LineItem("Café \u00adcrème 👩\u200d💻", 1000, 1),)), CheckoutOptions()
    )
    json.dumps(request.to_json(), ensure_ascii=False).encode("utf-8")


# ------------------------------------------------------------------ redirect addresses


@pytest.mark.parametrize(
    "url",
    [
        "https://user:pw@shop.example/",
        "https://user@shop.example/thanks",
        "https://:pw@shop.example/",
        "https://@shop.example/",
        "http://shop.example@evil.example/",
        "HTTPS://User:Pw@Shop.Example:8443/x",
    ],
)
def test_credentials_in_a_redirect_address_are_refused(url: str) -> None:
    assert check_redirect_url(url) == CREDENTIALS_URL_MESSAGE


@pytest.mark.parametrize(
    "url",
    [
        "https://shop.example\\@evil.example/",
        "https://shop.example\\evil",
        "https://shop.example/thanks\\",
        "https:\\\\shop.example/",
        "https://shop.example/a\\b?c=d",
    ],
)
def test_a_backslash_in_a_redirect_address_is_refused(url: str) -> None:
    assert check_redirect_url(url) == BACKSLASH_URL_MESSAGE


@pytest.mark.parametrize(
    "url",
    [
        "https://shop.example/thanks?email=a@b.example",  # '@' after the host is fine
        "https://shop.example/@handle",
        "https://shop.example/#@top",
    ],
)
def test_an_at_sign_after_the_host_is_fine(url: str) -> None:
    assert check_redirect_url(url) is None


@pytest.mark.parametrize("url", ["https://shop.example/\ud800", "https://\udc00.example/"])
def test_a_lone_surrogate_in_a_redirect_address_is_refused_clearly(url: str) -> None:
    assert check_redirect_url(url) == SURROGATE_MESSAGE


@pytest.mark.parametrize("ch", BIDI_CONTROLS.values(), ids=BIDI_CONTROLS.keys())
def test_a_bidi_control_in_a_redirect_address_is_refused(ch: str) -> None:
    assert check_redirect_url(f"https://shop.example/{ch}thanks") == INVISIBLE_MESSAGE


def test_plain_addresses_still_pass_and_bad_ones_keep_their_message() -> None:
    assert check_redirect_url("https://shop.example/thanks?order=1") is None
    assert check_redirect_url("shop.example") == URL_MESSAGE


def test_the_redirect_issues_reach_the_request_builder() -> None:
    cart = Cart(Currency.EUR, (LineItem("Widget", 1000, 1),))
    options = CheckoutOptions(
        success_url="https://user:pw@shop.example/",
        cancel_url="https://shop.example\\@evil.example/",
    )
    issues = {i.field: i.message for i in validate_one_time(cart, options)}
    assert issues == {
        "successUrl": CREDENTIALS_URL_MESSAGE,
        "cancelUrl": BACKSLASH_URL_MESSAGE,
    }
