"""Subscription offers for people: price per interval, trial, entry fee, cycles, details."""

from __future__ import annotations

from typing import Any

import pytest

from inflow_desk.domain.offers import (
    describe_cycles,
    describe_entry_fee,
    describe_interval,
    describe_price,
    describe_trial,
    format_offer_amount,
    is_archived,
    offer_detail_rows,
    offer_search_text,
    offer_summary,
    offer_title,
    pasted_offer_id,
    pasted_offer_problem,
    subscribe_link,
)


def offer(**fields: Any) -> dict[str, Any]:
    return {"id": "offer_9fK21", **fields}


@pytest.mark.parametrize(
    ("amount", "currency", "interval", "count", "expected"),
    [
        (2999, "EUR", "month", 1, "€29.99 / month"),
        (500, "EUR", "week", 2, "€5.00 every 2 weeks"),
        (199, "USD", "day", 1, "$1.99 / day"),
        (29900, "EUR", "year", 1, "€299.00 / year"),
        (99000, "USD", "year", 1, "$990.00 / year"),
        (1500, "EUR", "month", 3, "€15.00 every 3 months"),
        (450, "USD", "day", 10, "$4.50 every 10 days"),
        (19900, "EUR", "year", 2, "€199.00 every 2 years"),
        (123456789, "EUR", "month", 1, "€1,234,567.89 / month"),
        (2999, "eur", "Month", 1, "€29.99 / month"),  # case of the wire values does not matter
    ],
)
def test_price_per_interval(
    amount: int, currency: str, interval: str, count: int, expected: str
) -> None:
    fields = offer(amountInCents=amount, currency=currency, interval=interval, intervalCount=count)
    assert describe_price(fields) == expected


def test_unknown_interval_and_currency_are_shown_raw() -> None:
    assert describe_price(offer(amountInCents=2999, currency="GBP", interval="month")) == (
        "29.99 GBP / month"
    )
    assert describe_price(offer(amountInCents=2999, currency="EUR", interval="fortnight")) == (
        "€29.99 / fortnight"
    )
    assert describe_price(
        offer(amountInCents=100, currency="CHF", interval="quarter", intervalCount=3)
    ) == ("1.00 CHF every 3 × quarter")


def test_missing_or_odd_fields_do_not_break_the_price() -> None:
    assert describe_price({"id": "x"}) == "price not listed"
    assert describe_price(offer(interval="month")) == "price not listed (/ month)"
    assert describe_price(offer(amountInCents=2999, currency="EUR")) == "€29.99"
    assert describe_price(offer(amountInCents=2999)) == "29.99"
    # wrong types are ignored rather than crashing: a bool is not an amount or a count
    assert describe_price(offer(amountInCents=True, currency="EUR")) == "price not listed"
    assert describe_price(offer(amountInCents="2999", currency=7, interval=5)) == (
        "price not listed"
    )
    assert describe_interval("month", None) == "/ month"
    assert describe_interval("month", 0) == "/ month"
    assert describe_interval("week", "2") == "/ week"
    assert describe_interval(None, 2) == ""


def test_trial_entry_fee_and_cycles() -> None:
    assert describe_trial(offer(trialPeriodDays=7)) == "7-day free trial"
    assert describe_trial(offer(trialPeriodDays=1)) == "1-day free trial"
    assert describe_trial(offer(trialPeriodDays=0)) is None
    assert describe_trial(offer(trialPeriodDays=None)) is None
    assert describe_entry_fee(offer(entryFeesInCents=4900, currency="EUR")) == (
        "first payment €49.00"
    )
    assert describe_entry_fee(offer(entryFeesInCents=4900, currency="USD")) == (
        "first payment $49.00"
    )
    assert describe_entry_fee(offer()) is None
    assert describe_cycles(offer(cycleCount=12)) == "12 payments"
    assert describe_cycles(offer(cycleCount=1)) == "1 payment"
    assert describe_cycles(offer(cycleCount=None)) is None


def test_one_line_summary() -> None:
    pro_yearly = offer(
        name="Pro yearly", amountInCents=29900, currency="EUR", interval="year", intervalCount=1,
        trialPeriodDays=14,
    )  # fmt: skip
    assert offer_summary(pro_yearly) == "Pro yearly — €299.00 / year · 14-day free trial"
    team = offer(
        name="Team yearly", amountInCents=99000, currency="USD", interval="year", intervalCount=1,
        entryFeesInCents=4900, cycleCount=3, waitlistEnabled=True, archived=True,
    )  # fmt: skip
    assert offer_summary(team) == (
        "Team yearly — $990.00 / year · first payment $49.00 · 3 payments · waitlist · archived"
    )
    assert offer_summary({"id": "offer_x"}) == "offer_x — price not listed"
    assert offer_title({"id": "offer_x", "name": "  "}) == "offer_x"


def test_amounts_use_the_given_money_formatter() -> None:
    def german(cents: int, currency: str) -> str:
        return f"{cents // 100},{cents % 100:02d} {currency}"

    fields = offer(amountInCents=2999, currency="EUR", interval="month", entryFeesInCents=990)
    assert describe_price(fields, german) == "29,99 EUR / month"
    assert describe_entry_fee(fields, german) == "first payment 9,90 EUR"


def test_format_offer_amount() -> None:
    assert format_offer_amount(2999, "EUR") == "€29.99"
    assert format_offer_amount(5, "usd") == "$0.05"
    assert format_offer_amount(123456, "JPY") == "1,234.56 JPY"
    assert format_offer_amount(100, "") == "1.00"


def test_archived_flag_variants() -> None:
    assert is_archived(offer(archived=True))
    assert is_archived(offer(isArchived=True))
    assert is_archived(offer(status="ARCHIVED"))
    assert not is_archived(offer(archived=False, status="active"))
    assert not is_archived(offer(archived="yes"))


def test_search_text_has_name_id_and_price_lower_case() -> None:
    text = offer_search_text(
        offer(name="Pro Yearly", amountInCents=29900, currency="EUR", interval="year")
    )
    assert "pro yearly" in text
    assert "offer_9fk21" in text
    assert "€299.00 / year" in text
    assert "eur" in text


def test_detail_rows_show_every_field_unknown_ones_too_and_the_link() -> None:
    fields = offer(
        name="Pro monthly",
        description="All Pro features.",
        amountInCents=2999,
        currency="EUR",
        interval="month",
        intervalCount=1,
        trialPeriodDays=7,
        entryFeesInCents=4900,
        pricingMode="TAX_INCLUSIVE",
        waitlistEnabled=False,
        metadatas={"plan": "pro", "tier": 2},
        createdAt="2025-03-02T08:00:00.000Z",
        loyaltyPoints=120,  # unknown to us
        fancyNewThing={"nested": [1, 2]},
        nothing=None,
    )
    rows = dict(offer_detail_rows(fields))
    assert rows["Billing"] == "€29.99 / month"
    assert rows["Terms"] == "7-day free trial · first payment €49.00"
    assert rows["Subscribe link"] == "https://checkout.inflowpay.com/subscribe/offer_9fK21"
    assert rows["Offer ID"] == "offer_9fK21"
    assert rows["Price"] == "€29.99"
    assert rows["First payment (entry fee)"] == "€49.00"
    assert rows["Free trial"] == "7-day free trial"
    assert rows["Pricing mode"] == "tax inclusive"
    assert rows["Waitlist (manual approval)"] == "no"
    assert rows["Metadata"] == '{"plan": "pro", "tier": 2}'
    assert rows["Created"] == "2025-03-02T08:00:00.000Z"
    assert rows["loyaltyPoints"] == "120"
    assert rows["fancyNewThing"] == '{"nested": [1, 2]}'
    assert "nothing" not in rows
    labels = [label for label, _ in offer_detail_rows(fields)]
    assert labels[:3] == ["Billing", "Terms", "Subscribe link"]
    assert labels.index("loyaltyPoints") > labels.index("Created")


def test_detail_rows_of_a_bare_id() -> None:
    assert offer_detail_rows({"id": "offer_x"}) == [
        ("Billing", "price not listed"),
        ("Subscribe link", "https://checkout.inflowpay.com/subscribe/offer_x"),
        ("Offer ID", "offer_x"),
    ]


def test_subscribe_link() -> None:
    assert subscribe_link(" offer_9fK21 ") == "https://checkout.inflowpay.com/subscribe/offer_9fK21"


# ------------------------------------------------------------------ pasted ids and links
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("offer_9fK21", "offer_9fK21"),
        ("  offer_abc-123_X \n", "offer_abc-123_X"),
        ("https://checkout.inflowpay.com/subscribe/offer_9fK21", "offer_9fK21"),
        ("https://checkout.inflowpay.com/subscribe/offer_9fK21/", "offer_9fK21"),
        ("https://CHECKOUT.inflowpay.com/subscribe/offer_9fK21?ref=phone#top", "offer_9fK21"),
        ("checkout.inflowpay.com/subscribe/offer_9fK21", "offer_9fK21"),
        # the id in a subscribe link is Inflow's own, whatever its shape
        ("https://checkout.inflowpay.com/subscribe/3f2b9c1e-aa01", "3f2b9c1e-aa01"),
    ],
)
def test_pasted_offer_id_accepts_the_documented_shapes(text: str, expected: str) -> None:
    assert pasted_offer_id(text) == expected
    assert pasted_offer_problem(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "year",  # typed into the wrong field
        "Pro yearly",
        "12345",
        "offer_",
        "offer_9fK21 offer_x",
        "offer_" + "x" * 123,  # longer than 128
        "https://example.org/subscribe/offer_9fK21",  # not Inflow
        "https://checkout.inflowpay.com.evil.example/subscribe/offer_9fK21",
        "https://user@checkout.inflowpay.com/subscribe/offer_9fK21",
        "https://checkout.inflowpay.com:8443/subscribe/offer_9fK21",
        "http://checkout.inflowpay.com/subscribe/offer_9fK21",  # documented as https
        "ftp://checkout.inflowpay.com/subscribe/offer_9fK21",
        "https://checkout.inflowpay.com/pay/sess_7Hq2Lm90",  # a payment link
        "https://checkout.inflowpay.com/subscribe/",
        "https://checkout.inflowpay.com/subscribe/offer_1/extra",
        "https://checkout.inflowpay.com/x/subscribe/offer_1",
        "https://checkout.inflowpay.com/subscribe/offer%20x",
    ],
)
def test_pasted_offer_id_refuses_anything_else(text: str) -> None:
    assert pasted_offer_id(text) is None
    problem = pasted_offer_problem(text)
    assert problem is not None
    assert "not an offer ID or a subscribe link" in problem
    assert "https://checkout.inflowpay.com/subscribe/" in problem


def test_a_bare_id_of_another_shape_is_accepted_when_the_list_has_it() -> None:
    listed = {"3f2b9c1e"}
    assert pasted_offer_id("3f2b9c1e", listed.__contains__) == "3f2b9c1e"
    assert pasted_offer_problem(" 3f2b9c1e ", listed.__contains__) is None
    assert pasted_offer_id("a1b2", listed.__contains__) is None
    assert pasted_offer_id("3f2b9c1e") is None


def test_blank_is_no_problem_and_no_id() -> None:
    assert pasted_offer_id("  ") is None
    assert pasted_offer_problem("  ") is None


def test_long_pastes_are_shortened_in_the_message() -> None:
    problem = pasted_offer_problem("x " * 100)
    assert problem is not None and len(problem) < 200 and "…" in problem
