"""Which checkout links the app hands to a customer (domain/checkout_url.py)."""

from __future__ import annotations

import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inflow_desk.domain.checkout_url import (
    INFLOW_CHECKOUT_HOST,
    MAX_CHECKOUT_URL_LENGTH,
    UntrustedCheckoutUrlError,
    check_checkout_url,
    defanged,
    history_text,
    normalize_host,
    parse_hosts,
    readable,
    validate_host,
)

GOOD = "https://checkout.inflowpay.com/pay/sess_7Hq2Lm90"


@pytest.mark.parametrize(
    "url",
    [
        GOOD,
        "https://checkout.inflowpay.com/subscribe/offer_123",
        "https://CHECKOUT.InflowPay.COM/pay/sess_1",  # host compared case-insensitively
        "HTTPS://checkout.inflowpay.com/pay/sess_1",
        "https://checkout.inflowpay.com:443/pay/sess_1",  # the https port, written out
        "https://checkout.inflowpay.com/pay/sess_1?lang=fr#top",
        "https://checkout.inflowpay.com",
        "https://checkout.inflowpay.com/pay/" + "a" * (MAX_CHECKOUT_URL_LENGTH - 35),
    ],
)
def test_inflow_checkout_links_are_trusted(url: str) -> None:
    assert check_checkout_url(url) is None


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("http://checkout.inflowpay.com/pay/sess_1", "not secure"),
        ("ftp://checkout.inflowpay.com/pay/sess_1", "not secure"),
        ("//checkout.inflowpay.com/pay/sess_1", "not secure"),
        ("https://evil.example/pay/sess_1", "'evil.example'"),
        ("https://checkout.inflowpay.com.evil.example/pay/sess_1", "not to Inflow's checkout"),
        ("https://inflowpay.com/pay/sess_1", "not to Inflow's checkout"),
        ("https://dashboard.inflowpay.com/pay/sess_1", "not to Inflow's checkout"),
        ("https://checkout.inflowpay.com@evil.example/pay/sess_1", "user name"),
        ("https://user:pw@checkout.inflowpay.com/pay/sess_1", "user name"),
        ("https://checkout.inflowpay.com:8443/pay/sess_1", "port 8443"),
        ("https://checkout.inflowpay.com:99999/pay/sess_1", "not a valid web address"),
        # Cyrillic "с" (U+0441) instead of the Latin "c", as punycode and as itself.
        ("https://xn--heckout-2fg.inflowpay.com/pay/sess_1", "look-alike"),
        ("https://\u0441heckout.inflowpay.com/pay/sess_1", "non-ASCII"),
        ("https://checkout.inflowpay.com/pay/\u202egnp.exe", "U+202E"),
        ("https://checkout.inflowpay.com\u2066.evil.example/", "U+2066"),
        ("https://checkout.inflowpay.com/pay/sess\u200b_1", "U+200B"),
        ("https://checkout.inflowpay.com/pay/sess_1\n", "U+000A"),
        ("https://checkout.inflowpay.com/pay/sess 1", "U+0020"),
        ("https://checkout.inflowpay.com\\.evil.example/", "'\\'"),
        ("https://checkout.inflowpay.com./pay/sess_1", "ends with a dot"),
        ("https:///pay/sess_1", "no valid host"),
        ("", "no link"),
        ("https://checkout.inflowpay.com/pay/" + "a" * MAX_CHECKOUT_URL_LENGTH, "2,083"),
    ],
)
def test_anything_else_is_refused_with_the_reason(url: str, words: str) -> None:
    problem = check_checkout_url(url)
    assert problem is not None
    assert words in problem


def test_a_non_string_is_refused() -> None:
    assert check_checkout_url(None) is not None
    assert check_checkout_url(42) is not None


def test_the_limit_is_exactly_2048_characters() -> None:
    base = "https://checkout.inflowpay.com/pay/"
    assert check_checkout_url(base + "a" * (2048 - len(base))) is None
    assert "2,049 characters" in (check_checkout_url(base + "a" * (2049 - len(base))) or "")


def test_a_profile_may_trust_hosts_of_its_own() -> None:
    url = "https://pay.staging.example/pay/sess_1"
    assert check_checkout_url(url) is not None
    assert check_checkout_url(url, extra_hosts=["pay.staging.example"]) is None
    assert check_checkout_url(url, extra_hosts=["PAY.Staging.Example."]) is None
    # Only that host, only https, only its port, never a user-name trick.
    assert check_checkout_url("https://x.pay.staging.example/", extra_hosts=["pay.staging.example"])
    assert check_checkout_url("http://pay.staging.example/", extra_hosts=["pay.staging.example"])
    assert check_checkout_url(
        "https://pay.staging.example:8443/", extra_hosts=["pay.staging.example"]
    )
    assert (
        check_checkout_url(
            "https://pay.staging.example:8443/", extra_hosts=["pay.staging.example:8443"]
        )
        is None
    )
    assert check_checkout_url(
        "https://pay.staging.example@evil.example/", extra_hosts=["pay.staging.example"]
    )
    # Inflow's own checkout stays trusted next to them; a bad entry trusts nothing.
    assert check_checkout_url(GOOD, extra_hosts=["pay.staging.example"]) is None
    assert check_checkout_url("https://evil.example/", extra_hosts=["evil.example/x", ""])


def test_an_idn_extra_host_matches_its_punycode_form() -> None:
    hosts = parse_hosts("bücher.example")
    assert hosts == ("xn--bcher-kva.example",)
    assert check_checkout_url("https://xn--bcher-kva.example/pay/1", extra_hosts=hosts) is None
    assert check_checkout_url("https://xn--bcher-kva.example/pay/1") is not None


def test_hosts_as_typed() -> None:
    assert parse_hosts(" Pay.Example.com, pay2.example.com:8443 pay.example.com ") == (
        "pay.example.com",
        "pay2.example.com:8443",
    )
    assert parse_hosts("pay.example.com:443") == ("pay.example.com",)
    assert parse_hosts("") == ()
    assert validate_host("pay.example.com") is None
    assert validate_host("https://pay.example.com") is not None
    assert validate_host("pay.example.com:0") is not None
    assert validate_host("pay..example.com") is not None
    assert validate_host("pay_example.com") is not None
    assert validate_host("pay\u202e.example.com") is not None
    with pytest.raises(ValueError, match="not a host name"):
        parse_hosts("ok.example bad_host")
    assert normalize_host("CHECKOUT.inflowpay.com.") == INFLOW_CHECKOUT_HOST


def test_readable_and_defanged_show_hidden_characters_and_cannot_be_clicked() -> None:
    url = "https://evil.example/pay/\u202egnp.exe"
    assert readable(url) == "https://evil.example/pay/\\u202egnp.exe"
    assert defanged(url) == "hxxps[://]evil.example/pay/\\u202egnp.exe"
    assert defanged("http://a.example/") == "hxxp[://]a.example/"
    assert "\u202e" not in defanged(url)


def test_the_exception_carries_the_url_but_its_text_does_not() -> None:
    exc = UntrustedCheckoutUrlError("https://evil.example/\u202e", "because")
    assert exc.url == "https://evil.example/\u202e"
    assert exc.problem == "because"
    assert "evil" not in str(exc)


# ------------------------------------------------------------------ properties
PATH_CHARS = string.ascii_letters + string.digits + "-._~/?=&%"
paths = st.text(alphabet=PATH_CHARS, max_size=200).map(lambda text: "/" + text)
HIDDEN = st.sampled_from(
    ["\u202e", "\u202d", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f", "\u200b",
     "\u200d", "\ufeff", "\x00", "\x1b", "\t", "\r", "\n", " ", "\u00a0", "\u2028", "\u3000"]
)  # fmt: skip


@given(paths, st.lists(st.booleans(), min_size=len(INFLOW_CHECKOUT_HOST)))
def test_any_path_on_the_checkout_host_in_any_case_is_trusted(path: str, upper: list[bool]) -> None:
    host = "".join(
        ch.upper() if flag else ch for ch, flag in zip(INFLOW_CHECKOUT_HOST, upper, strict=False)
    )
    assert check_checkout_url(f"https://{host}{path}") is None


@given(paths, HIDDEN, st.integers(min_value=0))
def test_a_hidden_character_anywhere_is_refused(path: str, hidden: str, where: int) -> None:
    url = f"https://{INFLOW_CHECKOUT_HOST}{path}"
    at = where % (len(url) + 1)
    problem = check_checkout_url(url[:at] + hidden + url[at:])
    assert problem is not None
    assert f"U+{ord(hidden):04X}" in problem


@given(
    st.text(alphabet=string.ascii_lowercase + string.digits + "-.", min_size=1, max_size=40),
    paths,
)
def test_no_other_host_is_trusted(host: str, path: str) -> None:
    url = f"https://{host}{path}"
    if host.lower().rstrip(".") == INFLOW_CHECKOUT_HOST:
        return
    assert check_checkout_url(url) is not None


@given(st.text(max_size=300))
def test_never_raises_and_trusts_only_the_checkout_host(text: str) -> None:
    problem = check_checkout_url(text)
    if problem is None:
        assert text.lower().startswith(f"https://{INFLOW_CHECKOUT_HOST}")


def test_history_text_marks_the_link_and_makes_it_unclickable() -> None:
    text = history_text("https://evil.example/pay/\u202ex", "because", refused=True)
    assert text == "REFUSED (because) hxxps[://]evil.example/pay/\\u202ex"
    assert history_text("http://a.example/", "why", refused=False).startswith("HELD BACK (why)")
    long = history_text("https://a.example/" + "a" * 5000, "too long", refused=True)
    assert len(long) < MAX_CHECKOUT_URL_LENGTH + 100
    assert long.endswith("(5,018 characters)")


# ---------------------------------------------------------------------- demo checkout page
def test_loopback_http_is_trusted_only_for_the_named_demo_page() -> None:
    demo = ("127.0.0.1:8765",)
    assert check_checkout_url("http://127.0.0.1:8765/pay/sess_1", loopback_http=demo) is None
    assert check_checkout_url("http://[::1]:8765/pay/s", loopback_http=("[::1]:8765",)) is None
    refused = [
        "http://127.0.0.1:8765/pay/sess_1",  # not named: refused as before
    ]
    for url in refused:
        assert check_checkout_url(url) is not None
    for url in (
        "http://127.0.0.1:8766/pay/sess_1",  # another port
        "http://127.0.0.1/pay/sess_1",  # no port
        "http://localhost:8765/pay/sess_1",  # a name, not the literal
        "http://evil@127.0.0.1:8765/pay/sess_1",  # user info
        "http://127.0.0.2:8765/pay/sess_1",
        "http://checkout.inflowpay.com/pay/sess_1",  # http elsewhere: never
        "http://127.0.0.1:8765/pay/\u202esess",
    ):
        assert check_checkout_url(url, loopback_http=demo) is not None, url
