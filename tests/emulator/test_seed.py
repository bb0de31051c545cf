"""The seeded offers: deterministic, realistic, unique, quick to make in bulk."""

from __future__ import annotations

import json
import re
import time

import pytest

from inflow_desk.emulator import generate_offers

OFFER_ID = re.compile(r"^offer_[A-Za-z0-9]{10}$")
TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")
FIELDS = {
    "id",
    "name",
    "description",
    "amountInCents",
    "currency",
    "interval",
    "intervalCount",
    "trialPeriodDays",
    "entryFeesInCents",
    "cycleCount",
    "waitlistEnabled",
    "pricingMode",
    "archived",
    "createdAt",
    "updatedAt",
}


def test_ten_thousand_offers_are_unique_and_quick():
    started = time.perf_counter()
    offers = generate_offers(10_000)
    elapsed = time.perf_counter() - started

    assert len(offers) == 10_000
    assert len({offer["id"] for offer in offers}) == 10_000
    assert len({offer["name"] for offer in offers}) == 10_000
    assert elapsed < 2.0  # ~0.2 s on a laptop; generous for a shared CI machine


def test_same_seed_same_offers_other_seed_other_offers():
    assert generate_offers(100) == generate_offers(100)
    assert generate_offers(100, seed=8) != generate_offers(100)


def test_first_offers_are_the_curated_ones():
    offers = {offer["name"]: offer for offer in generate_offers(8)}

    def summary(name: str) -> tuple[object, ...]:
        o = offers[name]
        return (o["amountInCents"], o["currency"], o["interval"], o["intervalCount"])

    assert summary("Starter monthly") == (999, "EUR", "month", 1)
    assert summary("Pro monthly") == (2999, "EUR", "month", 1)
    assert offers["Pro monthly"]["trialPeriodDays"] == 7
    assert summary("Pro yearly") == (29900, "EUR", "year", 1)
    assert offers["Pro yearly"]["trialPeriodDays"] == 14
    assert summary("Team yearly") == (99000, "USD", "year", 1)
    assert offers["Team yearly"]["entryFeesInCents"] == 4900
    assert summary("Coaching every 2 weeks") == (500, "EUR", "week", 2)
    assert summary("Daily news pass") == (199, "USD", "day", 1)
    assert offers["Founders club"]["cycleCount"] == 12
    archived = [name for name, offer in offers.items() if offer["archived"]]
    assert archived == ["Legacy basic monthly"]


@pytest.mark.parametrize("n", [0, 1, 5])
def test_small_counts_take_the_first_curated_offers(n):
    assert [o["name"] for o in generate_offers(n)] == [
        "Starter monthly",
        "Pro monthly",
        "Pro yearly",
        "Team yearly",
        "Coaching every 2 weeks",
    ][:n]


def test_negative_count_is_an_error():
    with pytest.raises(ValueError):
        generate_offers(-1)


def test_every_offer_has_documented_fields_within_documented_bounds():
    offers = generate_offers(2_000, seed=11)
    json.dumps(offers)  # plain JSON data
    for offer in offers:
        assert set(offer) == FIELDS
        assert OFFER_ID.match(offer["id"])
        assert offer["name"].strip() and offer["description"].strip()
        assert 150 <= offer["amountInCents"] <= 99_999_999
        assert offer["currency"] in ("EUR", "USD")
        assert offer["interval"] in ("day", "week", "month", "year")
        assert offer["intervalCount"] >= 1
        assert offer["trialPeriodDays"] is None or 1 <= offer["trialPeriodDays"] <= 365
        fee = offer["entryFeesInCents"]
        assert fee is None or 150 <= fee <= 99_999_999
        assert offer["cycleCount"] is None or offer["cycleCount"] >= 2
        assert isinstance(offer["waitlistEnabled"], bool)
        assert offer["pricingMode"] in ("TAX_EXCLUSIVE", "TAX_INCLUSIVE")
        assert isinstance(offer["archived"], bool)
        assert TIMESTAMP.match(offer["createdAt"]) and TIMESTAMP.match(offer["updatedAt"])
        assert offer["updatedAt"] >= offer["createdAt"]


def test_generated_offers_vary():
    offers = generate_offers(500)[8:]
    assert {o["interval"] for o in offers} == {"day", "week", "month", "year"}
    assert {o["currency"] for o in offers} == {"EUR", "USD"}
    assert any(o["trialPeriodDays"] for o in offers)
    assert any(o["archived"] for o in offers)
    assert any(o["intervalCount"] > 1 for o in offers)
