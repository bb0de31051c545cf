"""Listing subscription offers: paging, both shapes, path fallback, odd servers."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable

import httpx
import pytest

from inflow_desk.api import (
    OFFERS_PAGE_LIMIT,
    APIResponseValidationError,
    InflowClient,
    InternalServerError,
    NotFoundError,
    OfferListingUnavailable,
    SubscriptionOffer,
)
from inflow_desk.api import client as client_module
from inflow_desk.emulator import Fault, InflowEmulator, generate_offers

OFFER = "/subscription/offer"
OFFERS = "/subscription/offers"


def listing_requests(emulator: InflowEmulator) -> list[tuple[str, str, str]]:
    return [
        (r.path, r.query.get("page", ["?"])[0], r.query.get("limit", ["?"])[0])
        for r in emulator.requests
    ]


@pytest.mark.parametrize("shape", ["envelope", "list"])
def test_250_offers_come_in_three_pages_each_once(
    client: InflowClient, emulator: InflowEmulator, shape: str
) -> None:
    emulator.offers = generate_offers(250)
    emulator.offer_list_shape = "list" if shape == "list" else "envelope"
    pages: list[list[SubscriptionOffer]] = []

    offers = client.list_subscription_offers(on_page=pages.append)

    assert [offer.id for offer in offers] == [offer["id"] for offer in emulator.offers]
    assert [len(page) for page in pages] == [100, 100, 50]
    assert [offer for page in pages for offer in page] == offers
    assert listing_requests(emulator) == [
        (OFFER, "1", "100"),
        (OFFER, "2", "100"),
        (OFFER, "3", "100"),
    ]
    first = offers[0]
    source = emulator.offers[0]
    assert first.name == source["name"]
    assert first.amount_in_cents == source["amountInCents"]
    assert first.currency == source["currency"]
    assert first.interval == source["interval"]
    assert first.interval_count == source["intervalCount"]
    assert first.model_extra is not None and first.model_extra["archived"] is False


def test_exact_multiple_of_the_page_size_ends_on_an_empty_page(
    client: InflowClient, emulator: InflowEmulator
) -> None:
    emulator.offers = generate_offers(200)
    emulator.offer_list_shape = "list"  # no total: only an empty page tells the end
    offers = client.list_subscription_offers()
    assert len(offers) == 200
    assert [page for _, page, _ in listing_requests(emulator)] == ["1", "2", "3"]


def test_envelope_total_saves_the_empty_page(
    client: InflowClient, emulator: InflowEmulator
) -> None:
    emulator.offers = generate_offers(200)
    offers = client.list_subscription_offers()
    assert len(offers) == 200
    assert [page for _, page, _ in listing_requests(emulator)] == ["1", "2"]


def test_no_offers(client: InflowClient, emulator: InflowEmulator) -> None:
    emulator.offers = []
    pages: list[list[SubscriptionOffer]] = []
    assert client.list_subscription_offers(on_page=pages.append) == []
    assert pages == []
    assert len(emulator.requests) == 1


def test_falls_back_to_the_plural_path_and_remembers_it(
    client: InflowClient, emulator: InflowEmulator
) -> None:
    emulator.offer_list_paths = (OFFERS,)
    offers = client.list_subscription_offers()
    assert len(offers) == len(emulator.offers)
    assert [path for path, _, _ in listing_requests(emulator)] == [OFFER, OFFERS]

    emulator.clear_requests()
    client.list_subscription_offers()
    assert [path for path, _, _ in listing_requests(emulator)] == [OFFERS]


def test_both_paths_missing(client: InflowClient, emulator: InflowEmulator) -> None:
    emulator.offer_list_paths = ()
    with pytest.raises(OfferListingUnavailable) as info:
        client.list_subscription_offers()
    assert isinstance(info.value, NotFoundError)
    assert str(info.value) == "Inflow does not offer a list of subscription offers for this account"
    assert [path for path, _, _ in listing_requests(emulator)] == [OFFER, OFFERS]


def test_other_errors_do_not_trigger_the_fallback(
    client: InflowClient, emulator: InflowEmulator
) -> None:
    emulator.inject(Fault("status", status=500, path_prefix=OFFER))
    with pytest.raises(InternalServerError):
        client.list_subscription_offers()
    assert [path for path, _, _ in listing_requests(emulator)] == [OFFER]


def test_page_listing_retries_a_short_rate_limit(
    client: InflowClient, emulator: InflowEmulator
) -> None:
    emulator.offers = generate_offers(150)
    emulator.inject(Fault("rate_limit", retry_after=0.05, path_prefix=OFFER))
    offers = client.list_subscription_offers()
    assert len(offers) == 150
    assert [page for _, page, _ in listing_requests(emulator)] == ["1", "1", "2"]


def test_page_listing_retries_a_dropped_connection(
    client: InflowClient, emulator: InflowEmulator
) -> None:
    emulator.offers = generate_offers(150)
    emulator.clear_requests()
    emulator.inject(Fault("drop_connection", path_prefix=OFFER))
    assert len(client.list_subscription_offers()) == 150


# ------------------------------------------------------------------ odd servers (in-process)

Handler = Callable[[httpx.Request], object]


def mock_client(handler: Handler, calls: list[httpx.Request]) -> InflowClient:
    def respond(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        payload = handler(request)
        if isinstance(payload, httpx.Response):
            return payload
        return httpx.Response(200, content=json.dumps(payload).encode())

    return InflowClient("k", "https://api.example.test", transport=httpx.MockTransport(respond))


def page_of(request: httpx.Request) -> int:
    return int(request.url.params["page"])


def offers_range(start: int, stop: int) -> list[dict[str, object]]:
    return [{"id": f"offer_{i}", "name": f"Offer {i}"} for i in range(start, stop)]


def test_server_that_ignores_paging_is_read_once() -> None:
    calls: list[httpx.Request] = []
    full_page = offers_range(0, OFFERS_PAGE_LIMIT)
    with mock_client(lambda request: full_page, calls) as client:
        offers = client.list_subscription_offers()
    assert len(offers) == OFFERS_PAGE_LIMIT
    assert len(calls) == 2  # the second page repeated the first: stop


def test_overlapping_pages_are_deduplicated_in_order() -> None:
    calls: list[httpx.Request] = []
    pages = {1: offers_range(0, 100), 2: offers_range(95, 180)}
    with mock_client(lambda request: pages.get(page_of(request), []), calls) as client:
        seen: list[list[str]] = []
        offers = client.list_subscription_offers(
            on_page=lambda page: seen.append([o.id for o in page])
        )
    assert [o.id for o in offers] == [f"offer_{i}" for i in range(180)]
    assert [len(ids) for ids in seen] == [100, 80]


@pytest.mark.parametrize("key", ["data", "items", "results", "offers"])
def test_envelope_item_keys(key: str) -> None:
    calls: list[httpx.Request] = []
    with mock_client(lambda request: {key: offers_range(0, 3)}, calls) as client:
        assert [o.id for o in client.list_subscription_offers()] == [
            "offer_0",
            "offer_1",
            "offer_2",
        ]


@pytest.mark.parametrize(
    "envelope",
    [
        {"total": 150},
        {"totalCount": 150},
        {"count": 150},
        {"meta": {"total": 150}},
        {"totalPages": 2},
        {"meta": {"totalPages": 2}},
    ],
)
def test_total_fields_end_paging(envelope: dict[str, object]) -> None:
    calls: list[httpx.Request] = []

    def handler(request: httpx.Request) -> object:
        start = (page_of(request) - 1) * 100
        return {"data": offers_range(start, min(start + 100, 150)), **envelope}

    with mock_client(handler, calls) as client:
        assert len(client.list_subscription_offers()) == 150
    assert [page_of(r) for r in calls] == [1, 2]


@pytest.mark.parametrize("flag", ["hasMore", "hasNextPage"])
def test_has_more_flags_drive_paging(flag: str) -> None:
    """A server that caps `limit` below ours still gets read to the end."""
    calls: list[httpx.Request] = []

    def handler(request: httpx.Request) -> object:
        page = page_of(request)
        return {"data": offers_range((page - 1) * 20, page * 20), flag: page < 4}

    with mock_client(handler, calls) as client:
        assert len(client.list_subscription_offers()) == 80
    assert [page_of(r) for r in calls] == [1, 2, 3, 4]


def test_count_equal_to_a_full_page_is_not_taken_as_the_total() -> None:
    calls: list[httpx.Request] = []

    def handler(request: httpx.Request) -> object:
        page = page_of(request)
        items = offers_range((page - 1) * 100, min(page * 100, 130))
        return {"data": items, "count": len(items)}

    with mock_client(handler, calls) as client:
        assert len(client.list_subscription_offers()) == 130


def test_unusable_items_are_skipped_with_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    calls: list[httpx.Request] = []
    items: list[object] = [
        1,
        "offer_str",
        None,
        {"name": "no id"},
        {"id": ""},
        {"id": 42},
        {"id": "offer_a", "amountInCents": "lots", "currency": "GBP", "interval": "fortnight"},
        {"id": "offer_b", "trialPeriodDays": None, "unknownField": {"x": 1}},
        {"id": "offer_a", "name": "duplicate"},
    ]
    with (
        caplog.at_level(logging.WARNING, logger="inflow_desk.api"),
        mock_client(lambda request: items, calls) as client,
    ):
        offers = client.list_subscription_offers()
    assert [o.id for o in offers] == ["offer_a", "offer_b"]
    first, second = offers
    assert first.amount_in_cents is None  # the bad field is dropped, the offer kept
    assert first.currency == "GBP"  # unknown currency / interval stay raw strings
    assert first.interval == "fortnight"
    assert second.model_extra == {"unknownField": {"x": 1}}
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) >= 6


@pytest.mark.parametrize(
    "payload",
    [{"unexpected": "shape"}, "a string", 12, {"data": {"not": "a list"}}],
)
def test_unusable_page_shapes_are_typed_errors(payload: object) -> None:
    calls: list[httpx.Request] = []
    with (
        mock_client(lambda request: payload, calls) as client,
        pytest.raises(APIResponseValidationError),
    ):
        client.list_subscription_offers()


def test_non_json_page_is_a_typed_error() -> None:
    calls: list[httpx.Request] = []
    html = httpx.Response(200, content=b"<html>maintenance</html>")
    with (
        mock_client(lambda request: html, calls) as client,
        pytest.raises(APIResponseValidationError),
    ):
        client.list_subscription_offers()


def test_paging_stops_at_the_page_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(client_module, "MAX_OFFER_PAGES", 3)
    calls: list[httpx.Request] = []

    def endless(request: httpx.Request) -> object:
        page = page_of(request)
        return offers_range(page * 100, page * 100 + 100)

    with mock_client(endless, calls) as client:
        assert len(client.list_subscription_offers()) == 300
    assert len(calls) == 3


def test_405_on_a_path_counts_as_missing() -> None:
    calls: list[httpx.Request] = []

    def handler(request: httpx.Request) -> object:
        if request.url.path == OFFER:
            return httpx.Response(405, json={"message": "Method Not Allowed"})
        return [{"id": "offer_1"}]

    with mock_client(handler, calls) as client:
        assert [o.id for o in client.list_subscription_offers()] == ["offer_1"]
    assert [r.url.path for r in calls] == [OFFER, OFFERS]
