"""Hypothesis strategies for carts and checkout options, valid and invalid alike.

Shared by the property tests and the emulator contract test. Valid values are drawn often
enough that both "accepted" and "rejected" outcomes are common.
"""

from __future__ import annotations

from hypothesis import strategies as st
from hypothesis.provisional import urls

from inflow_desk.domain.models import Cart, CheckoutOptions, LineItem
from inflow_desk.domain.money import Currency
from inflow_desk.domain.validation import check_name

GOOD_NAMES = ["Support top-up", "Express handling", "Gift card", "Überweisung €", "x" * 200]
BAD_NAMES = ["", "   ", "\t", "x" * 201, "two\nlines", " " * 3 + "y" * 201]


def _good_name(name: str) -> bool:
    return check_name(name) is None


names = st.one_of(
    st.sampled_from(GOOD_NAMES),
    st.sampled_from(GOOD_NAMES),
    st.sampled_from(BAD_NAMES),
    st.text(max_size=210),
)
prices = st.one_of(
    st.integers(min_value=150, max_value=10_000),
    st.integers(min_value=1, max_value=500),
    st.sampled_from([-1, 0, 1, 99_999_999, 100_000_000]),
    st.integers(min_value=-(10**12), max_value=10**12),
)
quantities = st.one_of(
    st.integers(min_value=1, max_value=5),
    st.sampled_from([-1, 0, 1, 10_000, 10_001]),
    st.integers(min_value=-(10**6), max_value=10**6),
)
wild_line_items = st.builds(LineItem, name=names, unit_price_cents=prices, quantity=quantities)
# Lines that are valid on their own (any text a name check accepts, sensible amounts).
valid_line_items = st.builds(
    LineItem,
    name=st.one_of(
        st.sampled_from(GOOD_NAMES), st.text(min_size=1, max_size=200).filter(_good_name)
    ),
    unit_price_cents=st.integers(min_value=1, max_value=99_999_999),
    quantity=st.integers(min_value=1, max_value=10),
)
carts = st.one_of(
    st.builds(
        Cart,
        currency=st.sampled_from(Currency),
        items=st.lists(valid_line_items, min_size=1, max_size=4).map(tuple),
    ),
    st.builds(
        Cart,
        currency=st.sampled_from(Currency),
        items=st.lists(st.one_of(valid_line_items, wild_line_items), min_size=0, max_size=4).map(
            tuple
        ),
    ),
)

GOOD_EMAILS = ["client@example.org", "first.last+tag@sub.example.co.uk", "kunde@bücher.de"]
BAD_EMAILS = [
    "plainaddress",
    "client@example",
    "client@@example.org",
    "cli ent@example.org",
    "client@example.c",
    "client@-example.org",
    "client@example..org",
    "a" * 65 + "@example.com",
    "a@" + "b" * 64 + ".com",
    "client@exam_ple.org",
]
emails = st.one_of(
    st.none(),
    st.none(),
    st.just(""),
    st.just("   "),
    st.sampled_from(GOOD_EMAILS),
    st.sampled_from(BAD_EMAILS),
    st.emails(),
    st.text(max_size=40),
)

GOOD_URLS = [
    "https://example.org/thanks",
    "http://localhost:8000/done",
    "http://127.0.0.1/ok",
    "http://[::1]:8080/ok",
    "https://bücher.de/danke?x=1#top",
]
BAD_URLS = [
    "example.org",
    "www.example.org/thanks",
    "//example.org",
    "ftp://example.org",
    "javascript:alert(1)",
    "https://",
    "https:example.org",
    "https://exa mple.org",
    "https://example.org:99999/",
    "https://exa_mple.org/",
    "http://[::::]/",
    "https://example.org/" + "a" * 2100,
]
redirect_urls = st.one_of(
    st.none(),
    st.none(),
    st.just(""),
    st.sampled_from(GOOD_URLS),
    st.sampled_from(BAD_URLS),
    urls(),
    st.text(max_size=40),
)
expiries = st.one_of(
    st.none(),
    st.sampled_from([0.0, 0.1, 0.2499, 0.25, 1.0, 24.0, 720.0, 720.5, 721.0, -1.0]),
    st.floats(min_value=-10, max_value=1000, allow_nan=False, allow_infinity=False),
    st.integers(min_value=-5, max_value=1000).map(float),
    st.integers(min_value=-(10**30), max_value=10**400),  # ints too big for a float
)
wild_options = st.builds(
    CheckoutOptions,
    customer_email=emails,
    success_url=redirect_urls,
    cancel_url=redirect_urls,
    expires_in_hours=expiries,
)
# Options that are (almost always) valid, drawn from wide generators.
valid_options = st.builds(
    CheckoutOptions,
    customer_email=st.one_of(st.none(), st.emails()),
    success_url=st.one_of(st.none(), urls()),
    cancel_url=st.one_of(st.none(), urls()),
    expires_in_hours=st.one_of(
        st.none(),
        st.floats(min_value=0.25, max_value=720),
        st.integers(min_value=1, max_value=720).map(float),
    ),
)
options = st.one_of(valid_options, wild_options)
