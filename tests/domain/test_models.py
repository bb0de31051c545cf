"""Cart, options, request models, build_* and extract_offer_id."""

from __future__ import annotations

import json
from typing import Any

import pytest
from pydantic import ValidationError

from inflow_desk.domain.models import (
    Cart,
    CheckoutOptions,
    FieldIssue,
    LineItem,
    RequestInvalid,
    extract_offer_id,
    field_label,
)
from inflow_desk.domain.money import Currency
from inflow_desk.domain.requests import (
    OneTimeSessionRequest,
    Product,
    SubscriptionSessionRequest,
    build_one_time_request,
    build_subscription_request,
    validate_one_time,
    validate_subscription,
)
from inflow_desk.domain.validation import EMAIL_MESSAGE, URL_MESSAGE

DOCUMENTED_BODY = json.loads(
    """
{
  "currency": "EUR",
  "products": [
    { "name": "Support top-up", "price": 2500, "quantity": 1 },
    { "name": "Express handling", "price": 450, "quantity": 2 }
  ],
  "customerEmail": "client@example.org",
  "successUrl": "https://example.org/thanks",
  "cancelUrl": "https://example.org/cancelled",
  "expiresIn": 24
}
"""
)

DOC_CART = Cart(
    Currency.EUR,
    (LineItem("Support top-up", 2500, 1), LineItem("Express handling", 450, 2)),
)
DOC_OPTIONS = CheckoutOptions(
    customer_email="client@example.org",
    success_url="https://example.org/thanks",
    cancel_url="https://example.org/cancelled",
    expires_in_hours=24.0,
)


def issues_of(cart: Cart, options: CheckoutOptions | None = None) -> list[tuple[str, str]]:
    with pytest.raises(RequestInvalid) as info:
        build_one_time_request(cart, options or CheckoutOptions())
    return [(issue.field, issue.message) for issue in info.value.issues]


# ------------------------------------------------------------------ cart


def test_line_and_cart_totals() -> None:
    assert DOC_CART.items[1].line_total_cents == 900
    assert DOC_CART.total_cents == 3400
    assert Cart(Currency.USD).total_cents == 0


def test_cart_values_are_frozen() -> None:
    item = LineItem("a", 1, 1)
    with pytest.raises(AttributeError):
        item.quantity = 2  # type: ignore[misc]


# ------------------------------------------------------------------ to_json


def test_documented_example_body_exactly() -> None:
    body = build_one_time_request(DOC_CART, DOC_OPTIONS).to_json()
    assert body == DOCUMENTED_BODY
    assert list(body) == list(DOCUMENTED_BODY)  # same key order as the docs
    assert json.dumps(body) == json.dumps(DOCUMENTED_BODY)  # 24, not 24.0
    assert type(body["expiresIn"]) is int


def test_fractional_expiry_is_a_float() -> None:
    options = CheckoutOptions(expires_in_hours=0.25)
    body = build_one_time_request(DOC_CART, options).to_json()
    assert body["expiresIn"] == 0.25
    assert json.dumps(body).endswith('"expiresIn": 0.25}')


def test_unset_optionals_are_omitted() -> None:
    body = build_one_time_request(DOC_CART, CheckoutOptions()).to_json()
    assert body == {"currency": "EUR", "products": DOCUMENTED_BODY["products"]}


def test_blank_optional_strings_are_not_set() -> None:
    options = CheckoutOptions(customer_email="", success_url="   ", cancel_url="\t")
    body = build_one_time_request(DOC_CART, options).to_json()
    assert set(body) == {"currency", "products"}


def test_names_and_options_are_sent_trimmed() -> None:
    cart = Cart(Currency.USD, (LineItem("  Gift card \u00a0", 500, 1),))
    options = CheckoutOptions(
        customer_email=" client@example.org ",
        success_url=" https://example.org/ok ",
        cancel_url="https://example.org/no\n",
    )
    body = build_one_time_request(cart, options).to_json()
    assert body == {
        "currency": "USD",
        "products": [{"name": "Gift card", "price": 500, "quantity": 1}],
        "customerEmail": "client@example.org",
        "successUrl": "https://example.org/ok",
        "cancelUrl": "https://example.org/no",
    }


def test_subscription_request_body() -> None:
    assert build_subscription_request(CheckoutOptions()).to_json() == {}
    body = build_subscription_request(
        CheckoutOptions("a@example.com", "https://e.org/ok", None, 2.5)
    ).to_json()
    assert body == {
        "customerEmail": "a@example.com",
        "successUrl": "https://e.org/ok",
        "expiresIn": 2.5,
    }


# ------------------------------------------------------------------ strict models


def test_models_accept_aliases_and_field_names() -> None:
    by_alias = OneTimeSessionRequest.model_validate(DOCUMENTED_BODY)
    assert by_alias.to_json() == DOCUMENTED_BODY
    by_name = OneTimeSessionRequest(
        currency=Currency.EUR,
        products=(Product(name="Support top-up", price=2500, quantity=1),),
        customer_email="client@example.org",
        expires_in=24,
    )
    assert by_name.customer_email == "client@example.org"
    assert by_name.to_json()["expiresIn"] == 24


def test_models_are_frozen() -> None:
    request = OneTimeSessionRequest.model_validate(DOCUMENTED_BODY)
    with pytest.raises(ValidationError):
        request.currency = Currency.USD  # type: ignore[misc]


def _one_time(**changes: Any) -> dict[str, Any]:
    return {**DOCUMENTED_BODY, **changes}


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        (_one_time(metadatas={"a": 1}), "Extra inputs are not permitted"),
        (_one_time(currency="GBP"), "currency"),
        (_one_time(products=[]), "at least 1 item"),
        (_one_time(products=[{"name": "x", "price": 150, "quantity": 1}] * 101), "at most 100"),
        (_one_time(products=[{"name": " ", "price": 150, "quantity": 1}]), "Enter a product name"),
        (_one_time(products=[{"name": "x", "price": 0, "quantity": 1}]), "at least 0.01"),
        (_one_time(products=[{"name": "x", "price": 1.5, "quantity": 1}]), "integer"),
        (_one_time(products=[{"name": "x", "price": "150", "quantity": 1}]), "integer"),
        (_one_time(products=[{"name": "x", "price": 150, "quantity": 0}]), "at least 1"),
        (_one_time(products=[{"name": "x", "price": 150, "quantity": True}]), "integer"),
        (_one_time(products=[{"name": "x", "price": 150, "quantity": 1, "sku": "1"}]), "Extra"),
        (_one_time(products=[{"name": "x", "price": 149, "quantity": 1}]), "€1.50"),
        (_one_time(currency="USD", products=[{"name": "x", "price": 199, "quantity": 1}]), "$2.00"),
        (_one_time(customerEmail="nope"), EMAIL_MESSAGE),
        (_one_time(successUrl="example.org"), URL_MESSAGE),
        (_one_time(cancelUrl="ftp://example.org"), URL_MESSAGE),
        (_one_time(expiresIn=0.1), "at least 0.25 hours"),
        (_one_time(expiresIn=721), "cannot exceed 720"),
        (_one_time(expiresIn=True), "number of hours"),
        (_one_time(expiresIn="24"), "number of hours"),
    ],
)
def test_invalid_request_cannot_be_constructed(body: dict[str, Any], fragment: str) -> None:
    with pytest.raises(ValidationError) as info:
        OneTimeSessionRequest.model_validate(body)
    assert fragment in str(info.value)


def test_subscription_model_forbids_products() -> None:
    with pytest.raises(ValidationError, match="Extra inputs are not permitted"):
        SubscriptionSessionRequest.model_validate({"products": []})
    with pytest.raises(ValidationError, match=r"at least 0\.25 hours"):
        SubscriptionSessionRequest.model_validate({"expiresIn": 0.1})


# ------------------------------------------------------------------ build_* / validate_*


def test_build_reports_all_issues_in_visual_order() -> None:
    cart = Cart(
        Currency.EUR,
        (
            LineItem("Fine", 500, 1),
            LineItem(" ", 0, 0),
            LineItem("x" * 201, 100_000_000, 10_001),
        ),
    )
    options = CheckoutOptions("bad@", "ftp://x", "https://", 0.1)
    assert issues_of(cart, options) == [
        ("products[1].name", "Enter a product name"),
        ("products[1].price", "Price must be at least 0.01"),
        ("products[1].quantity", "Quantity must be a whole number of at least 1"),
        ("products[2].name", "Name is longer than 200 characters"),
        ("products[2].price", "Price cannot exceed 999,999.99"),
        ("products[2].quantity", "Quantity cannot exceed 10,000"),
        ("customerEmail", EMAIL_MESSAGE),
        ("successUrl", URL_MESSAGE),
        ("cancelUrl", URL_MESSAGE),
        ("expiresIn", "Expiry must be at least 0.25 hours (15 minutes)"),
    ]


def test_empty_cart() -> None:
    assert issues_of(Cart(Currency.EUR)) == [("products", "Add at least one product")]


def test_too_many_lines() -> None:
    cart = Cart(Currency.EUR, tuple(LineItem(f"p{i}", 100, 1) for i in range(101)))
    assert issues_of(cart) == [("products", "A session can hold at most 100 products")]
    ok = Cart(Currency.EUR, tuple(LineItem(f"p{i}", 100, 1) for i in range(100)))
    assert len(build_one_time_request(ok, CheckoutOptions()).products) == 100


def test_unknown_currency() -> None:
    cart = Cart("GBP", (LineItem("a", 500, 1),))  # type: ignore[arg-type]
    assert issues_of(cart) == [("currency", "Choose EUR or USD")]


def test_total_minimum_per_currency() -> None:
    eur = Cart(Currency.EUR, (LineItem("a", 50, 2), LineItem("b", 49, 1)))
    assert issues_of(eur) == [("total", "Total must be at least €1.50 — Inflow's minimum payment")]
    assert build_one_time_request(Cart(Currency.EUR, (LineItem("a", 75, 2),)), CheckoutOptions())
    usd = Cart(Currency.USD, (LineItem("a", 150, 1),))
    assert issues_of(usd) == [("total", "Total must be at least $2.00 — Inflow's minimum payment")]
    assert build_one_time_request(Cart(Currency.USD, (LineItem("a", 100, 2),)), CheckoutOptions())


def test_total_maximum() -> None:
    cart = Cart(Currency.EUR, (LineItem("a", 99_999_999, 10), LineItem("b", 99_999_999, 1)))
    assert issues_of(cart) == [("total", "Total cannot exceed €9,999,999.99")]


def test_total_not_checked_while_a_line_is_invalid() -> None:
    cart = Cart(Currency.EUR, (LineItem("a", 0, 1),))
    assert issues_of(cart) == [("products[0].price", "Price must be at least 0.01")]


def test_validate_returns_empty_list_when_valid() -> None:
    assert validate_one_time(DOC_CART, DOC_OPTIONS) == []
    assert validate_subscription(DOC_OPTIONS) == []


def test_subscription_build_reports_option_issues() -> None:
    with pytest.raises(RequestInvalid) as info:
        build_subscription_request(CheckoutOptions("x", None, "nope", 721))
    assert info.value.issues == [
        FieldIssue("customerEmail", EMAIL_MESSAGE),
        FieldIssue("cancelUrl", URL_MESSAGE),
        FieldIssue("expiresIn", "Expiry cannot exceed 720 hours (30 days)"),
    ]


def test_request_invalid_summary_is_readable() -> None:
    cart = Cart(Currency.EUR, (LineItem("", 500, 1),))
    with pytest.raises(RequestInvalid) as info:
        build_one_time_request(cart, CheckoutOptions(customer_email="x"))
    assert str(info.value) == (
        "Fix these 2 problems before creating the session — "
        "Product 1 name: Enter a product name; "
        f"Customer e-mail: {EMAIL_MESSAGE}"
    )
    assert isinstance(info.value, ValueError)
    single = RequestInvalid([FieldIssue("expiresIn", "Expiry cannot exceed 720 hours (30 days)")])
    assert str(single) == (
        "Fix this before creating the session — "
        "Expires in: Expiry cannot exceed 720 hours (30 days)"
    )


@pytest.mark.parametrize(
    ("field", "label"),
    [
        ("products[0].name", "Product 1 name"),
        ("products[11].quantity", "Product 12 quantity"),
        ("successUrl", "Success URL"),
        ("offerId", "Subscription offer"),
        ("somethingElse", "somethingElse"),
    ],
)
def test_field_label(field: str, label: str) -> None:
    assert field_label(field) == label


# ------------------------------------------------------------------ extract_offer_id


@pytest.mark.parametrize(
    ("text", "offer_id"),
    [
        ("offer_9fK21", "offer_9fK21"),
        ("  offer_9fK21\n", "offer_9fK21"),
        ("a", "a"),
        ("x" * 128, "x" * 128),
        ("https://checkout.inflowpay.com/subscribe/offer_9fK21?ref=x", "offer_9fK21"),
        ("https://checkout.inflowpay.com/subscribe/offer_9fK21", "offer_9fK21"),
        ("https://checkout.inflowpay.com/subscribe/offer_9fK21/", "offer_9fK21"),
        ("http://checkout.inflowpay.com/subscribe/abc-DEF_1#top", "abc-DEF_1"),
        ("checkout.inflowpay.com/subscribe/offer_9fK21", "offer_9fK21"),
        ("  checkout.inflowpay.com/subscribe/offer_9fK21?x=1  ", "offer_9fK21"),
        ("https://example.com/en/subscribe/o1", "o1"),
        ("HTTPS://CHECKOUT.INFLOWPAY.COM/subscribe/Offer1", "Offer1"),
    ],
)
def test_extract_offer_id(text: str, offer_id: str) -> None:
    assert extract_offer_id(text) == offer_id


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "x" * 129,
        "offer 1",
        "offer.1",
        "https://checkout.inflowpay.com/pay/sess_1",
        "https://checkout.inflowpay.com/subscribe/",
        "https://checkout.inflowpay.com/subscribe/a/b",
        "https://checkout.inflowpay.com/subscribe/of.fer",
        "https://checkout.inflowpay.com/?next=/subscribe/offer1",
        "https://checkout.inflowpay.com/unsubscribe/offer1",
        "ftp://checkout.inflowpay.com/subscribe/offer1",
        "https://checkout.inflowpay.com/subscribe/" + "x" * 129,
        "see https://checkout.inflowpay.com/subscribe/offer1",
    ],
)
def test_extract_offer_id_rejects(text: str) -> None:
    assert extract_offer_id(text) is None
