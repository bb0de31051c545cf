"""Offer listing (both shapes, paging, configurable paths), single offers, the payments probe."""

from __future__ import annotations

import pytest

from inflow_desk.emulator import InflowEmulator, generate_offers

LIST = "/subscription/offer"


@pytest.fixture
def fifty(emulator: InflowEmulator) -> InflowEmulator:
    emulator.offers = generate_offers(50, seed=3)
    return emulator


def test_default_emulator_serves_24_seeded_offers(emulator, client):
    body = client.get(LIST).json()
    assert body["total"] == 24
    assert body["data"] == generate_offers(24)[:20]


def test_envelope_pages_cover_every_offer_once(fifty, client):
    seen: list[str] = []
    for page in (1, 2, 3):
        response = client.get(LIST, params={"page": page, "limit": 20})
        assert response.status_code == 200
        body = response.json()
        assert set(body) == {"data", "total", "page", "limit"}
        assert (body["total"], body["page"], body["limit"]) == (50, page, 20)
        seen.extend(offer["id"] for offer in body["data"])

    assert seen == [offer["id"] for offer in fifty.offers]
    assert client.get(LIST, params={"page": 4, "limit": 20}).json()["data"] == []


def test_envelope_defaults_to_page_1_limit_20(fifty, client):
    body = client.get(LIST).json()
    assert (body["page"], body["limit"], len(body["data"])) == (1, 20, 20)
    assert body["data"][0] == fifty.offers[0]


def test_list_shape_is_a_bare_array_of_the_page(fifty, client):
    fifty.offer_list_shape = "list"

    first = client.get(LIST, params={"limit": 30}).json()
    second = client.get(LIST, params={"page": 2, "limit": 30}).json()

    assert isinstance(first, list)
    assert first == fifty.offers[:30]
    assert second == fifty.offers[30:]


def test_limit_100_is_the_maximum(emulator, client):
    emulator.offers = generate_offers(150)
    assert len(client.get(LIST, params={"limit": 100}).json()["data"]) == 100


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"limit": "101"}, "limit must not be greater than 100"),
        ({"limit": "0"}, "limit must not be less than 1"),
        ({"limit": "ten"}, "limit must be an integer number"),
        ({"limit": "2.5"}, "limit must be an integer number"),
        ({"page": "0"}, "page must not be less than 1"),
        ({"page": "-1"}, "page must not be less than 1"),
        ({"page": ""}, "page must be an integer number"),
    ],
)
def test_invalid_paging_is_400(client, params, message):
    response = client.get(LIST, params=params)

    assert response.status_code == 400
    assert response.json() == {"statusCode": 400, "message": [message], "error": "Bad Request"}


def test_plural_path_is_404_by_default(client):
    response = client.get("/subscription/offers")
    assert response.status_code == 404
    assert response.json() == {
        "statusCode": 404,
        "message": "Cannot GET /subscription/offers",
        "error": "Not Found",
    }


def test_offer_list_paths_can_move_the_listing(emulator, client):
    emulator.offer_list_paths = ("/subscription/offers",)

    assert client.get("/subscription/offers").json()["total"] == 24
    assert client.get(LIST).status_code == 404


def test_offer_list_paths_can_serve_both(emulator, client):
    emulator.offer_list_paths = ("/subscription/offer", "/subscription/offers")
    assert client.get("/subscription/offers").json() == client.get(LIST).json()


def test_empty_offer_list_paths_makes_both_candidates_404(emulator, client):
    emulator.offer_list_paths = ()

    for path in ("/subscription/offer", "/subscription/offers"):
        response = client.get(path)
        assert response.status_code == 404
        assert response.json()["message"] == f"Cannot GET {path}"


def test_trailing_slash_is_tolerated_like_express(client):
    assert client.get(LIST + "/").json()["total"] == 24


def test_offers_can_be_replaced_while_running(emulator, client):
    emulator.offers = [{"id": "offer_only", "name": "Only one"}]
    assert client.get(LIST).json() == {
        "data": [{"id": "offer_only", "name": "Only one"}],
        "total": 1,
        "page": 1,
        "limit": 20,
    }


def test_get_one_offer(emulator, client):
    offer = emulator.offers[3]
    response = client.get(f"{LIST}/{offer['id']}")
    assert response.status_code == 200
    assert response.json() == offer


def test_get_one_offer_under_a_configured_list_path(emulator, client):
    emulator.offer_list_paths = ("/subscription/offers",)
    offer = emulator.offers[0]
    assert client.get(f"/subscription/offers/{offer['id']}").json() == offer


def test_get_unknown_offer_is_404(client):
    response = client.get(f"{LIST}/offer_missing000")
    assert response.status_code == 404
    assert response.json() == {
        "statusCode": 404,
        "message": "Subscription offer not found",
        "error": "Not Found",
    }


def test_head_on_a_list_sends_headers_only(client):
    response = client.head(LIST)
    assert response.status_code == 200
    assert response.content == b""
    assert int(response.headers["content-length"]) > 0


def test_payment_probe_answers_an_empty_page(client):
    response = client.get("/api/payment", params={"page": 1, "limit": 1})
    assert response.status_code == 200
    assert response.json() == {"data": [], "total": 0, "page": 1, "limit": 1}


def test_payment_probe_validates_limit(client):
    assert client.get("/api/payment", params={"limit": 500}).status_code == 400
