"""Deep links from a CRM: valid ones give exactly what they say; anything wrong fills nothing
and says what is wrong; generated URLs never crash and never yield an invalid value."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inflow_desk.domain.deep_link import DeepLink, DeepLinkError, parse_deep_link
from inflow_desk.domain.models import LineItem
from inflow_desk.domain.money import Currency
from inflow_desk.domain.validation import (
    check_email,
    check_expires_in,
    check_name,
    check_offer_id,
    check_quantity,
    check_redirect_url,
    check_total,
    check_unit_price,
)


def test_the_issue_example() -> None:
    link = parse_deep_link(
        "inflow-desk://new?email=ann%40example.com&currency=EUR&item=Starter%20kit*2@49.99"
    )
    assert link == DeepLink(
        currency=Currency.EUR,
        items=(LineItem("Starter kit", 4999, 2),),
        customer_email="ann@example.com",
    )


def test_every_field() -> None:
    link = parse_deep_link(
        "inflow-desk://new?currency=usd&item=A@1,50&item=B%2A%40x*3@%242.00"
        "&email=bo@example.org&success=https%3A%2F%2Fshop.example.com%2Fok"
        "&cancel=https://shop.example.com/no&expires=2.5"
    )
    assert link.currency is Currency.USD
    assert link.items == (LineItem("A", 150, 1), LineItem("B*@x", 200, 3))
    assert link.success_url == "https://shop.example.com/ok"
    assert link.cancel_url == "https://shop.example.com/no"
    assert link.expires_in_hours == 2.5


def test_a_subscription_offer() -> None:
    link = parse_deep_link("inflow-desk://new?offer=offer_9fK21&email=a@example.com")
    assert link.offer_id == "offer_9fK21" and link.items == ()
    link = parse_deep_link(
        "inflow-desk://new?offer=" + quote("https://checkout.inflowpay.com/subscribe/offer_7")
    )
    assert link.offer_id == "offer_7"


def test_blank_optional_fields_are_not_set() -> None:
    assert parse_deep_link("inflow-desk://new?email=&success=") == DeepLink()
    assert parse_deep_link("inflow-desk://new") == DeepLink()
    assert parse_deep_link("INFLOW-DESK://new/") == DeepLink()


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("", "empty"),
        ("https://new?item=a@1", "inflow-desk://"),
        ("inflow-desk://create?item=a@2", "only action"),
        ("inflow-desk://new?item=a@2#x", "#"),
        ("inflow-desk://new?amount=5", "amount: the app does not know"),
        ("inflow-desk://new?email=a@b.com&email=c@d.com", "email: given twice"),
        ("inflow-desk://new?email=not-an-email", "email"),
        ("inflow-desk://new?currency=GBP", "currency: use EUR or USD"),
        ("inflow-desk://new?item=Kit", "NAME*QUANTITY@PRICE"),
        ("inflow-desk://new?item=Kit@1,299", "product 1 price"),
        ("inflow-desk://new?item=Kit@-3", "product 1 price"),
        ("inflow-desk://new?item=Kit*0@3", "Quantity"),
        ("inflow-desk://new?item=Kit*10001@3", "Quantity cannot exceed"),
        ("inflow-desk://new?item=%E2%80%AE@3", "product 1 name"),
        ("inflow-desk://new?item=@3", "product 1 name"),
        ("inflow-desk://new?item=Kit@0.50", "total"),
        ("inflow-desk://new?currency=EUR&item=Kit@%2410", "product 1 price"),
        ("inflow-desk://new?expires=0.1", "expires"),
        ("inflow-desk://new?expires=nan", "expires"),
        ("inflow-desk://new?success=javascript:alert(1)", "success"),
        ("inflow-desk://new?success=https://u:p@shop.example.com", "success"),
        ("inflow-desk://new?offer=no%20spaces%20please", "offer"),
        ("inflow-desk://new?offer=o_1&item=a@2", "not both"),
        ("inflow-desk://new?item=a\x07@2", "invisible"),
        ("inflow-desk://new?" + "&".join(["item=a@2"] * 101), "products"),
        ("inflow-desk://new?item=%FF@2", "cannot be read"),
    ],
)
def test_a_malformed_link_fills_nothing_and_says_why(url: str, words: str) -> None:
    with pytest.raises(DeepLinkError) as caught:
        parse_deep_link(url)
    message = str(caught.value)
    assert message.startswith("The link from the other application was not used")
    assert words.lower() in message.lower()


def _assert_valid(link: DeepLink) -> None:
    """Everything a parsed link carries passes the checks typed input passes."""
    for item in link.items:
        assert check_name(item.name) is None
        assert check_unit_price(item.unit_price_cents) is None
        assert check_quantity(item.quantity) is None
    if link.items:
        total = sum(item.line_total_cents for item in link.items)
        assert check_total(total, link.currency or Currency.EUR) is None
    if link.customer_email is not None:
        assert check_email(link.customer_email) is None
    for url in (link.success_url, link.cancel_url):
        if url is not None:
            assert check_redirect_url(url) is None
    if link.expires_in_hours is not None:
        assert check_expires_in(link.expires_in_hours) is None
    if link.offer_id is not None:
        assert check_offer_id(link.offer_id) is None
        assert not link.items


def _parse_or_refuse(url: str) -> None:
    try:
        link = parse_deep_link(url)
    except DeepLinkError as exc:
        assert str(exc)  # a sentence, never an empty message
        return
    _assert_valid(link)


KEYS = st.sampled_from(
    ["item", "item", "item", "email", "currency", "success", "cancel", "expires", "offer", "x"]
)
VALUES = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        [
            "Kit*2@49.99",
            "Kit@1,50",
            "A*@2",
            "*3@4",
            "Kit*-1@2",
            "Kit@",
            "@",
            "Kit*2@1e3",
            "EUR",
            "usd",
            "a@b.co",
            "0.25",
            "720",
            "721",
            "inf",
            "https://a.example.com/x",
            "offer_1",
            "Kit*9999@99999.99",
            "Kit*10000@999999.99",
        ]
    ),
    st.builds(
        lambda name, qty, price: f"{name}*{qty}@{price}",
        st.text(max_size=12),
        st.integers(-5, 20_000),
        st.decimals(-10, 10**7, places=2, allow_nan=False, allow_infinity=False),
    ),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(KEYS, VALUES), max_size=8), st.sampled_from(["new", "new/", "New"]))
def test_generated_links_never_crash_and_never_fill_invalid_values(
    pairs: list[tuple[str, str]], action: str
) -> None:
    query = "&".join(f"{quote(k)}={quote(v, safe='@*')}" for k, v in pairs)
    _parse_or_refuse(f"inflow-desk://{action}?{query}")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=120))
def test_any_text_never_crashes(text: str) -> None:
    _parse_or_refuse(text)
    _parse_or_refuse("inflow-desk://new?" + text)
