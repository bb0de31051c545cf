"""Inflow HTTP API client: httpx, typed errors, no Qt.

The client and the response models (httpx, pydantic) load on first use, so importing the
error types (as the UI's error funnel does) costs nothing at start-up.
"""

import sys
from typing import TYPE_CHECKING, Any

from inflow_desk.api._constants import (
    CONNECT_TIMEOUT,
    DEFAULT_BASE_URL,
    MAX_OFFER_PAGE_BYTES,
    MAX_OFFER_PAGES,
    MAX_RESPONSE_BYTES,
    OFFER_LIST_PATHS,
    OFFERS_PAGE_LIMIT,
    POOL_TIMEOUT,
    READ_TIMEOUT,
    REQUEST_DEADLINE,
    SANDBOX_BASE_URL,
    WRITE_TIMEOUT,
)
from inflow_desk.api.errors import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConnectionCheckUnavailable,
    InflowError,
    InternalServerError,
    NotFoundError,
    OfferListingUnavailable,
    PermissionDeniedError,
    ProxyRefusedError,
    RateLimitError,
    RequestCancelled,
    ResponseTooLargeError,
    TLSVerificationError,
    make_status_error,
)

# httpx imports its command-line tool (click, rich, pygments: slow and big) whenever
# those happen to be installed, as they are in a developer's venv (import-linter). We never
# use it: a None entry makes that optional import fail at once, and httpx carries on without.
sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]

if TYPE_CHECKING:
    from inflow_desk.api.client import DEFAULT_TIMEOUT, InflowClient, OfferPageCallback
    from inflow_desk.api.models import CheckoutSession, SubscriptionOffer

_LAZY = {
    "DEFAULT_TIMEOUT": "inflow_desk.api.client",
    "InflowClient": "inflow_desk.api.client",
    "OfferPageCallback": "inflow_desk.api.client",
    "CheckoutSession": "inflow_desk.api.models",
    "SubscriptionOffer": "inflow_desk.api.models",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)


__all__ = [
    "CONNECT_TIMEOUT",
    "DEFAULT_BASE_URL",
    "DEFAULT_TIMEOUT",
    "MAX_OFFER_PAGES",
    "MAX_OFFER_PAGE_BYTES",
    "MAX_RESPONSE_BYTES",
    "OFFERS_PAGE_LIMIT",
    "OFFER_LIST_PATHS",
    "POOL_TIMEOUT",
    "READ_TIMEOUT",
    "REQUEST_DEADLINE",
    "SANDBOX_BASE_URL",
    "WRITE_TIMEOUT",
    "APIConnectionError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "CheckoutSession",
    "ConnectionCheckUnavailable",
    "InflowClient",
    "InflowError",
    "InternalServerError",
    "NotFoundError",
    "OfferListingUnavailable",
    "OfferPageCallback",
    "PermissionDeniedError",
    "ProxyRefusedError",
    "RateLimitError",
    "RequestCancelled",
    "ResponseTooLargeError",
    "SubscriptionOffer",
    "TLSVerificationError",
    "make_status_error",
]
