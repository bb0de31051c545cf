"""Session creation: shapes, recording, auth, and every documented validation rule."""

from __future__ import annotations

import copy
import re
from typing import Any

import httpx
import pytest

from inflow_desk.emulator import InflowEmulator
from tests.emulator.conftest import API_KEY, ONE_TIME, SUBSCRIPTION, valid_one_time_body

SESSION_ID = re.compile(r"^sess_[A-Za-z0-9]{16}$")


def _offer_id(emulator: InflowEmulator, name: str) -> str:
    return str(next(offer["id"] for offer in emulator.offers if offer["name"] == name))


def _messages(response: httpx.Response) -> list[str]:
    assert response.status_code == 400, response.text
    body = response.json()
    assert body["statusCode"] == 400
    assert body["error"] == "Bad Request"
    assert isinstance(body["message"], list)
    return list(body["message"])


# ---------------------------------------------------------------- success


def test_one_time_session_is_created_with_documented_shape(emulator, client):
    response = client.post(ONE_TIME, json=valid_one_time_body())

    assert response.status_code == 201
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"sessionId", "checkoutUrl"}
    assert SESSION_ID.match(body["sessionId"])
    assert body["checkoutUrl"] == f"https://checkout.inflowpay.com/pay/{body['sessionId']}"
    session = emulator.sessions[body["sessionId"]]
    assert session["kind"] == "one_time"
    assert session["offer_id"] is None
    assert session["body"] == valid_one_time_body()
    assert session["checkoutUrl"] == body["checkoutUrl"]
    assert isinstance(session["created_at"], float)


def test_each_session_gets_a_new_id(emulator, client):
    ids = {client.post(ONE_TIME, json=valid_one_time_body()).json()["sessionId"] for _ in range(5)}
    assert len(ids) == 5
    assert set(emulator.sessions) == ids


def test_subscription_session_is_created_for_an_active_offer(emulator, client):
    offer_id = _offer_id(emulator, "Pro monthly")
    body = {"customerEmail": "a@b.co", "expiresIn": 0.25, "successUrl": "http://localhost:8000/ok"}

    response = client.post(SUBSCRIPTION + offer_id, json=body)

    assert response.status_code == 201, response.text
    created = response.json()
    assert SESSION_ID.match(created["sessionId"])
    assert created["checkoutUrl"].endswith("/pay/" + created["sessionId"])
    session = emulator.sessions[created["sessionId"]]
    assert session["kind"] == "subscription"
    assert session["offer_id"] == offer_id
    assert session["body"] == body


@pytest.mark.parametrize(
    "kwargs", [{}, {"json": {}}, {"content": b"", "headers": {"Content-Type": "application/json"}}]
)
def test_subscription_body_is_optional(emulator, client, kwargs):
    response = client.post(SUBSCRIPTION + _offer_id(emulator, "Starter monthly"), **kwargs)
    assert response.status_code == 201, response.text


def test_request_is_recorded_with_method_path_query_headers_and_json(emulator, client):
    client.post(
        ONE_TIME + "?trace=1&trace=2&flag=",
        json=valid_one_time_body(),
        headers={"X-Custom": "Value"},
    )

    (recorded,) = emulator.requests
    assert recorded.method == "POST"
    assert recorded.path == ONE_TIME
    assert recorded.query == {"trace": ["1", "2"], "flag": [""]}
    assert recorded.headers["x-inflow-api-key"] == API_KEY
    assert recorded.headers["x-custom"] == "Value"
    assert recorded.headers["content-type"] == "application/json"
    assert all(name == name.lower() for name in recorded.headers)
    assert recorded.json == valid_one_time_body()
    assert recorded.body.startswith(b"{")


def test_non_json_body_is_recorded_with_json_none(emulator, client):
    response = client.post(
        ONE_TIME, content=b"{not json", headers={"Content-Type": "application/json"}
    )

    assert response.status_code == 400
    assert isinstance(response.json()["message"], str)
    (recorded,) = emulator.requests
    assert recorded.body == b"{not json"
    assert recorded.json is None


# ---------------------------------------------------------------- authentication


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("POST", ONE_TIME),
        ("POST", SUBSCRIPTION + "offer_anything"),
        ("GET", "/subscription/offer"),
        ("GET", "/subscription/offer/offer_anything"),
        ("GET", "/api/payment"),
    ],
)
def test_missing_key_is_401_on_every_endpoint(emulator, anonymous, method, path):
    response = anonymous.request(method, path, json={} if method == "POST" else None)

    assert response.status_code == 401
    assert response.json() == {
        "statusCode": 401,
        "message": "Missing API key",
        "error": "Unauthorized",
    }
    assert emulator.sessions == {}


@pytest.mark.parametrize("key", ["wrong", API_KEY + "x", API_KEY.upper(), "Bearer " + API_KEY])
def test_wrong_key_is_401(emulator, anonymous, key):
    response = anonymous.post(
        ONE_TIME, json=valid_one_time_body(), headers={"X-Inflow-Api-Key": key}
    )

    assert response.status_code == 401
    assert response.json() == {
        "statusCode": 401,
        "message": "Invalid API key",
        "error": "Unauthorized",
    }
    assert emulator.sessions == {}


def test_api_key_can_be_changed_while_running(emulator, client):
    assert client.get("/api/payment").status_code == 200
    emulator.api_key = "rotated"
    assert client.get("/api/payment").status_code == 401
    assert client.get("/api/payment", headers={"X-Inflow-Api-Key": "rotated"}).status_code == 200


def test_authorization_bearer_is_not_accepted(anonymous):
    response = anonymous.get("/api/payment", headers={"Authorization": f"Bearer {API_KEY}"})
    assert response.status_code == 401


# ---------------------------------------------------------------- one-time validation


def test_every_invalid_field_is_reported_at_once(emulator, client):
    body = {
        "currency": "GBP",
        "products": [
            {"name": "  ", "price": 10.0, "quantity": 0, "sku": "X"},
            "not an object",
        ],
        "successUrl": "ftp://example.org",
        "cancelUrl": "/relative/path",
        "customerEmail": "not-an-email",
        "expiresIn": 0.1,
        "metadata": {"a": 1},
    }

    messages = _messages(client.post(ONE_TIME, json=body))

    assert messages == [
        "property metadata should not exist",
        "currency must be one of the following values: EUR, USD",
        "products.0.property sku should not exist",
        "products.0.name should not be empty",
        "products.0.price must be an integer number",
        "products.0.quantity must not be less than 1",
        "products.1 must be an object",
        "successUrl must be a URL address",
        "cancelUrl must be a URL address",
        "customerEmail must be an email",
        "expiresIn must not be less than 0.25",
    ]
    assert emulator.sessions == {}


def _with(path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    """The valid body with one value replaced (or removed when value is _DROP)."""
    body = copy.deepcopy(valid_one_time_body())
    target: Any = body
    for key in path[:-1]:
        target = target[key]
    if value is _DROP:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return body


_DROP = object()


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        (("currency",), _DROP, "currency must be one of the following values: EUR, USD"),
        (("currency",), "eur", "currency must be one of the following values: EUR, USD"),
        (("currency",), "GBP", "currency must be one of the following values: EUR, USD"),
        (("products",), _DROP, "products should not be empty"),
        (("products",), [], "products should not be empty"),
        (("products",), {"name": "x"}, "products must be an array"),
        (("products", 0, "name"), "", "products.0.name should not be empty"),
        (("products", 0, "name"), " \t ", "products.0.name should not be empty"),
        (("products", 0, "name"), _DROP, "products.0.name should not be empty"),
        (("products", 1, "name"), 42, "products.1.name must be a string"),
        (("products", 0, "price"), 10.0, "products.0.price must be an integer number"),
        (("products", 0, "price"), 2500.5, "products.0.price must be an integer number"),
        (("products", 0, "price"), "2500", "products.0.price must be an integer number"),
        (("products", 0, "price"), True, "products.0.price must be an integer number"),
        (("products", 0, "price"), _DROP, "products.0.price must be an integer number"),
        (("products", 0, "price"), 0, "products.0.price must not be less than 1"),
        (("products", 0, "price"), -100, "products.0.price must not be less than 1"),
        (("products", 1, "quantity"), 0, "products.1.quantity must not be less than 1"),
        (("products", 1, "quantity"), 1.0, "products.1.quantity must be an integer number"),
        (("products", 1, "quantity"), None, "products.1.quantity must be an integer number"),
        (("products", 0, "currency"), "EUR", "products.0.property currency should not exist"),
        (("customerEmail",), "", "customerEmail must be an email"),
        (("customerEmail",), "client@", "customerEmail must be an email"),
        (("customerEmail",), "client@localhost", "customerEmail must be an email"),
        (("customerEmail",), "two@@example.org", "customerEmail must be an email"),
        (("customerEmail",), "a b@example.org", "customerEmail must be an email"),
        (("customerEmail",), ["client@example.org"], "customerEmail must be an email"),
        (("successUrl",), "example.org/thanks", "successUrl must be a URL address"),
        (("successUrl",), "javascript:alert(1)", "successUrl must be a URL address"),
        (("successUrl",), "https://", "successUrl must be a URL address"),
        (("successUrl",), "https://exa mple.org", "successUrl must be a URL address"),
        (("cancelUrl",), "", "cancelUrl must be a URL address"),
        (("cancelUrl",), "https://example.org:99999/", "cancelUrl must be a URL address"),
        (("expiresIn",), 0.24, "expiresIn must not be less than 0.25"),
        (("expiresIn",), 0, "expiresIn must not be less than 0.25"),
        (("expiresIn",), -1, "expiresIn must not be less than 0.25"),
        (
            ("expiresIn",),
            "24",
            "expiresIn must be a number conforming to the specified constraints",
        ),
        (
            ("expiresIn",),
            True,
            "expiresIn must be a number conforming to the specified constraints",
        ),
        (("metadatas",), {"ticket": "42"}, "property metadatas should not exist"),
        (("pricingMode",), "TAX_INCLUSIVE", "property pricingMode should not exist"),
    ],
)
def test_one_time_rule(emulator, client, path, value, expected):
    messages = _messages(client.post(ONE_TIME, json=_with(path, value)))

    assert expected in messages
    assert emulator.sessions == {}


@pytest.mark.parametrize(
    ("currency", "price", "quantity", "accepted"),
    [
        ("EUR", 150, 1, True),
        ("EUR", 149, 1, False),
        ("EUR", 75, 2, True),
        ("EUR", 1, 149, False),
        ("USD", 200, 1, True),
        ("USD", 199, 1, False),
        ("USD", 150, 1, False),
    ],
)
def test_minimum_total_per_currency(client, currency, price, quantity, accepted):
    body = {
        "currency": currency,
        "products": [{"name": "Item", "price": price, "quantity": quantity}],
    }

    response = client.post(ONE_TIME, json=body)

    if accepted:
        assert response.status_code == 201, response.text
    else:
        minimum = 150 if currency == "EUR" else 200
        assert _messages(response) == [f"Amount must be at least {minimum} cents for {currency}"]


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("expiresIn", 0.25),
        ("expiresIn", 720),
        ("expiresIn", 100000),
        ("expiresIn", 1.5),
        ("customerEmail", "first.last+tag@sub.example.co.uk"),
        ("successUrl", "http://localhost:8000/done?x=1#frag"),
        ("successUrl", "https://127.0.0.1/ok"),
        ("cancelUrl", "HTTPS://EXAMPLE.ORG/Cancel"),
        ("customerEmail", None),
    ],
)
def test_valid_optional_values_are_accepted(client, key, value):
    body = valid_one_time_body() | {key: value}
    response = client.post(ONE_TIME, json=body)
    assert response.status_code == 201, response.text


def test_no_maximum_for_name_length_or_quantity(client):
    body = {
        "currency": "EUR",
        "products": [{"name": "N" * 5000, "price": 1, "quantity": 1_000_000}],
    }
    assert client.post(ONE_TIME, json=body).status_code == 201


def test_body_that_is_not_an_object_is_400(emulator, client):
    response = client.post(ONE_TIME, json=[valid_one_time_body()])

    assert response.status_code == 400
    assert response.json()["error"] == "Bad Request"
    assert emulator.sessions == {}


def test_nan_is_not_json(client):
    raw = b'{"currency": "EUR", "products": [{"name": "x", "price": NaN, "quantity": 1}]}'
    response = client.post(ONE_TIME, content=raw, headers={"Content-Type": "application/json"})
    assert response.status_code == 400


def test_json_sent_without_json_content_type_is_ignored_like_express(client):
    response = client.post(
        ONE_TIME, content=httpx.Request("POST", "/", json=valid_one_time_body()).content
    )
    assert _messages(response)[:2] == [
        "currency must be one of the following values: EUR, USD",
        "products should not be empty",
    ]


def test_body_over_one_mebibyte_is_413(emulator, client):
    body = valid_one_time_body() | {"customerEmail": "a" * (1024 * 1024) + "@example.org"}

    response = client.post(ONE_TIME, json=body)

    assert response.status_code == 413
    assert response.json()["statusCode"] == 413
    assert emulator.sessions == {}
    # the connection stays usable
    assert client.post(ONE_TIME, json=valid_one_time_body()).status_code == 201


# ---------------------------------------------------------------- subscription errors


def test_unknown_offer_is_404(emulator, client):
    response = client.post(SUBSCRIPTION + "offer_doesnotexist", json={})

    assert response.status_code == 404
    assert response.json() == {
        "statusCode": 404,
        "message": "Subscription offer not found",
        "error": "Not Found",
    }
    assert emulator.sessions == {}


def test_archived_offer_is_400(emulator, client):
    archived = next(offer for offer in emulator.offers if offer["archived"] is True)

    response = client.post(SUBSCRIPTION + archived["id"], json={})

    assert response.status_code == 400
    assert response.json() == {
        "statusCode": 400,
        "message": "Subscription offer is archived",
        "error": "Bad Request",
    }
    assert emulator.sessions == {}


def test_subscription_body_rules(emulator, client):
    body = {
        "currency": "EUR",
        "products": [{"name": "x", "price": 500, "quantity": 1}],
        "customerEmail": "nope",
        "successUrl": "nope",
        "cancelUrl": "nope",
        "expiresIn": 0.2,
    }

    messages = _messages(client.post(SUBSCRIPTION + _offer_id(emulator, "Pro yearly"), json=body))

    assert messages == [
        "property currency should not exist",
        "property products should not exist",
        "successUrl must be a URL address",
        "cancelUrl must be a URL address",
        "customerEmail must be an email",
        "expiresIn must not be less than 0.25",
    ]


def test_offer_id_in_path_is_percent_decoded(emulator, client):
    emulator.offers = [{"id": "offer with space", "name": "Odd", "archived": False}]
    response = client.post(SUBSCRIPTION + "offer%20with%20space", json={})
    assert response.status_code == 201
    assert next(iter(emulator.sessions.values()))["offer_id"] == "offer with space"


# ---------------------------------------------------------------- routing


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", ONE_TIME),
        ("PUT", ONE_TIME),
        ("DELETE", "/subscription/offer"),
        ("POST", "/api/payment"),
        ("GET", "/api/checkout/sessions/sess_abc"),
        ("POST", SUBSCRIPTION.rstrip("/")),
        ("POST", "/api/checkout/payment"),
        ("GET", "/"),
    ],
)
def test_unknown_route_is_nest_style_404(client, method, path):
    response = client.request(method, path)

    assert response.status_code == 404
    assert response.json() == {
        "statusCode": 404,
        "message": f"Cannot {method} {path}",
        "error": "Not Found",
    }


def test_unknown_route_is_404_even_without_key(anonymous):
    assert anonymous.get("/nothing/here").status_code == 404
