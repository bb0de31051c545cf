"""Request-body validation written from ../shared/inflow-api.md, like NestJS's ValidationPipe.

Deliberately independent of ``inflow_desk.domain``: it mirrors what the server side is
documented (or reasonably assumed) to do, so that tests against the emulator catch client
bugs instead of repeating them. Every function returns *all* messages at once, in the
order class-validator would produce them (unknown properties first, then fields in
declaration order), with nested messages prefixed by their path (``products.0.price …``).
"""

from __future__ import annotations

import ipaddress
import math
import re
from typing import Any
from urllib.parse import urlsplit

CURRENCIES: tuple[str, ...] = ("EUR", "USD")
MIN_TOTAL_CENTS: dict[str, int] = {"EUR": 150, "USD": 200}
MIN_EXPIRES_IN_HOURS = 0.25

ONE_TIME_KEYS: tuple[str, ...] = (
    "currency",
    "products",
    "successUrl",
    "cancelUrl",
    "customerEmail",
    "expiresIn",
)
SUBSCRIPTION_KEYS: tuple[str, ...] = ("successUrl", "cancelUrl", "customerEmail", "expiresIn")
PRODUCT_KEYS: tuple[str, ...] = ("name", "price", "quantity")

_EMAIL_LOCAL = re.compile(
    r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~\u00a1-\uffff-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~\u00a1-\uffff-]+)*$"
)
_TLD = re.compile(r"^([A-Za-z\u00a1-\uffff]{2,}|xn--[A-Za-z0-9-]{2,})$", re.IGNORECASE)


def is_int(value: Any) -> bool:
    """A JSON integer: not a bool, not a float (``10.0`` is not an integer here)."""
    return isinstance(value, int) and not isinstance(value, bool)


def is_number(value: Any) -> bool:
    """A finite JSON number (int or float), never a bool."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return True
    return isinstance(value, float) and math.isfinite(value)


def _is_hostname(host: str, *, require_tld: bool) -> bool:
    if host.endswith("."):
        host = host[:-1]
    if not host or len(host) > 253:
        return False
    labels = host.split(".")
    for label in labels:
        if not label or len(label) > 63 or label.startswith("-") or label.endswith("-"):
            return False
        if not all(ch.isalnum() or ch == "-" for ch in label):
            return False
    return not require_tld or (len(labels) >= 2 and _TLD.match(labels[-1]) is not None)


def is_email(value: Any) -> bool:
    """Roughly validator.js ``isEmail`` with its defaults."""
    if not isinstance(value, str) or len(value) > 254 or value.count("@") != 1:
        return False
    local, domain = value.split("@")
    if not local or len(local) > 64 or _EMAIL_LOCAL.match(local) is None:
        return False
    return not domain.endswith(".") and _is_hostname(domain, require_tld=True)


def is_http_url(value: Any) -> bool:
    """An absolute ``http``/``https`` URL with a host and no whitespace."""
    if not isinstance(value, str) or not value or any(ch.isspace() for ch in value):
        return False
    try:
        parts = urlsplit(value)
        host = parts.hostname
        _ = parts.port  # raises ValueError on a malformed port
    except ValueError:
        return False
    if parts.scheme.lower() not in ("http", "https") or not host:
        return False
    if not value.lower().startswith(parts.scheme.lower() + "://"):
        return False
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return _is_hostname(host, require_tld=False)
    return True


def _unknown_keys(body: dict[str, Any], allowed: tuple[str, ...], prefix: str = "") -> list[str]:
    return [f"{prefix}property {key} should not exist" for key in body if key not in allowed]


def _check_options(body: dict[str, Any]) -> list[str]:
    """successUrl, cancelUrl, customerEmail, expiresIn — each optional (absent or null)."""
    messages: list[str] = []
    for key in ("successUrl", "cancelUrl"):
        value = body.get(key)
        if value is not None and not is_http_url(value):
            messages.append(f"{key} must be a URL address")
    email = body.get("customerEmail")
    if email is not None and not is_email(email):
        messages.append("customerEmail must be an email")
    expires_in = body.get("expiresIn")
    if expires_in is not None:
        if not is_number(expires_in):
            messages.append("expiresIn must be a number conforming to the specified constraints")
        if not is_number(expires_in) or expires_in < MIN_EXPIRES_IN_HOURS:
            messages.append(f"expiresIn must not be less than {MIN_EXPIRES_IN_HOURS}")
    return messages


def _check_positive_int(value: Any, path: str) -> list[str]:
    messages: list[str] = []
    if not is_int(value):
        messages.append(f"{path} must be an integer number")
    if not is_number(value) or value < 1:
        messages.append(f"{path} must not be less than 1")
    return messages


def _check_product(product: Any, index: int) -> list[str]:
    prefix = f"products.{index}"
    if not isinstance(product, dict):
        return [f"{prefix} must be an object"]
    messages = _unknown_keys(product, PRODUCT_KEYS, prefix=f"{prefix}.")
    name = product.get("name")
    if not isinstance(name, str):
        messages.append(f"{prefix}.name must be a string")
    if not isinstance(name, str) or not name.strip():
        messages.append(f"{prefix}.name should not be empty")
    messages.extend(_check_positive_int(product.get("price"), f"{prefix}.price"))
    messages.extend(_check_positive_int(product.get("quantity"), f"{prefix}.quantity"))
    return messages


def _total_cents(products: list[Any]) -> int | None:
    """Sum of price × quantity, or None while any line is unusable."""
    total = 0
    for product in products:
        if not isinstance(product, dict):
            return None
        price: Any = product.get("price")
        quantity: Any = product.get("quantity")
        if not (is_int(price) and is_int(quantity) and price >= 1 and quantity >= 1):
            return None
        total += price * quantity
    return total


def validate_one_time(body: dict[str, Any]) -> list[str]:
    """All problems with a ``POST /api/checkout/sessions/one-time-payment`` body."""
    messages = _unknown_keys(body, ONE_TIME_KEYS)
    currency: Any = body.get("currency")
    currency_ok = isinstance(currency, str) and currency in CURRENCIES
    if not currency_ok:
        messages.append("currency must be one of the following values: " + ", ".join(CURRENCIES))
    products: Any = body.get("products")
    if not isinstance(products, list):
        messages.append("products should not be empty")
        messages.append("products must be an array")
    elif not products:
        messages.append("products should not be empty")
    else:
        for index, product in enumerate(products):
            messages.extend(_check_product(product, index))
    messages.extend(_check_options(body))
    if currency_ok and isinstance(products, list) and products:
        total = _total_cents(products)
        minimum = MIN_TOTAL_CENTS[currency]
        if total is not None and total < minimum:
            messages.append(f"Amount must be at least {minimum} cents for {currency}")
    return messages


def validate_subscription(body: dict[str, Any]) -> list[str]:
    """All problems with a ``POST /api/checkout/sessions/subscription/{id}`` body."""
    return _unknown_keys(body, SUBSCRIPTION_KEYS) + _check_options(body)


def validate_paging(
    query: dict[str, list[str]], *, default_limit: int = 20
) -> tuple[int, int, list[str]]:
    """``page`` (1-based, default 1) and ``limit`` (1..100, default ``default_limit``)."""
    messages: list[str] = []
    values: dict[str, int] = {"page": 1, "limit": default_limit}
    bounds = {"page": (1, None), "limit": (1, 100)}
    for name, (low, high) in bounds.items():
        raw = query.get(name)
        if not raw:
            continue
        text = raw[0].strip()
        if not re.fullmatch(r"[+-]?[0-9]+", text):
            messages.append(f"{name} must be an integer number")
            continue
        number = int(text)
        if number < low:
            messages.append(f"{name} must not be less than {low}")
        elif high is not None and number > high:
            messages.append(f"{name} must not be greater than {high}")
        else:
            values[name] = number
    return values["page"], values["limit"], messages
