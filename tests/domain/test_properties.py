"""Property tests of the domain layer (hypothesis)."""

from __future__ import annotations

import json
import re

from hypothesis import example, given
from hypothesis import strategies as st

from inflow_desk.domain.models import Cart, CheckoutOptions, RequestInvalid, extract_offer_id
from inflow_desk.domain.money import Currency, MoneyParseError, format_cents, parse_money
from inflow_desk.domain.requests import (
    OneTimeSessionRequest,
    SubscriptionSessionRequest,
    build_one_time_request,
    build_subscription_request,
    validate_one_time,
)
from tests.domain.strategies import carts, options

MAX_CENTS = 10**10
ISSUE_PATH = re.compile(
    r"currency|products|products\[\d+\]\.(name|price|quantity)|total"
    r"|customerEmail|successUrl|cancelUrl|expiresIn"
)


@given(st.integers(min_value=0, max_value=MAX_CENTS), st.sampled_from(Currency))
@example(0, Currency.EUR)
@example(MAX_CENTS, Currency.USD)
def test_format_then_parse_round_trips(cents: int, currency: Currency) -> None:
    assert parse_money(format_cents(cents, currency)) == cents


def _grouped(whole: int, separator: str) -> str:
    return f"{whole:,}".replace(",", separator)


@given(
    st.integers(min_value=0, max_value=MAX_CENTS),
    st.sampled_from(
        [
            (".", ","),  # German 1.234,56
            ("\u00a0", ","),  # French 1 234,56
            ("\u202f", ","),
            ("\u2009", ","),
            (" ", ","),
            ("'", "."),  # Swiss 1'234.56
            (",", "."),  # English 1,234.56
            ("", "."),
            ("", ","),
        ]
    ),
    st.sampled_from(["", "€", "€ ", "EUR ", "$", "USD "]),
)
def test_locale_formats_parse(cents: int, separators: tuple[str, str], prefix: str) -> None:
    group, decimal = separators
    whole, part = divmod(cents, 100)
    text = f"{prefix}{_grouped(whole, group) if group else whole}{decimal}{part:02d}"
    assert parse_money(text) == cents


MONEY_ALPHABET = "0123456789.,' -\u2212€$EURSDeurx\u00a0\u202f\u2009\u2019"


@given(st.one_of(st.text(), st.text(alphabet=MONEY_ALPHABET, max_size=20)))
def test_parse_only_raises_money_parse_error(text: str) -> None:
    try:
        cents = parse_money(text)
    except MoneyParseError as err:
        assert str(err)  # always a sentence to show
    else:
        assert isinstance(cents, int)
        assert cents >= 0


@given(carts, options)
def test_build_returns_sendable_request_or_lists_issues(cart: Cart, opts: CheckoutOptions) -> None:
    try:
        request = build_one_time_request(cart, opts)
    except RequestInvalid as err:
        assert err.issues
        assert err.issues == validate_one_time(cart, opts)
        assert all(ISSUE_PATH.fullmatch(issue.field) for issue in err.issues)
        assert all(issue.message for issue in err.issues)
        return
    body = request.to_json()
    text = json.dumps(body, allow_nan=False)
    assert OneTimeSessionRequest.model_validate(json.loads(text)) == request
    assert validate_one_time(cart, opts) == []
    assert body["currency"] == cart.currency.value
    products = body["products"]
    assert isinstance(products, list)
    assert len(products) == len(cart.items)


@given(options)
def test_subscription_build_returns_sendable_request(opts: CheckoutOptions) -> None:
    try:
        request = build_subscription_request(opts)
    except RequestInvalid as err:
        assert err.issues
        return
    text = json.dumps(request.to_json(), allow_nan=False)
    assert SubscriptionSessionRequest.model_validate(json.loads(text)) == request


offer_ids = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-",
    min_size=1,
    max_size=128,
)


@given(offer_ids, st.sampled_from(["", "?ref=x", "/", "#frag", "/?a=b"]), st.booleans())
def test_offer_id_from_subscribe_link(offer_id: str, suffix: str, scheme: bool) -> None:
    link = f"{'https://' if scheme else ''}checkout.inflowpay.com/subscribe/{offer_id}{suffix}"
    assert extract_offer_id(f"  {link}\n") == offer_id
    assert extract_offer_id(offer_id) == offer_id


@given(st.text())
def test_extract_offer_id_never_raises(text: str) -> None:
    result = extract_offer_id(text)
    assert result is None or re.fullmatch(r"[A-Za-z0-9_-]{1,128}", result)
