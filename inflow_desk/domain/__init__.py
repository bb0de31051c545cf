"""Domain layer: money, limits, validation rules and request models — pure Python, no I/O.

The pydantic request models (:mod:`inflow_desk.domain.requests`) load on first use.
"""

from typing import TYPE_CHECKING, Any

from inflow_desk.domain import models
from inflow_desk.domain.limits import (
    DEFAULT_EXPIRES_IN_HOURS,
    MAX_EXPIRES_IN_HOURS,
    MAX_LINE_ITEMS,
    MAX_NAME_LENGTH,
    MAX_QUANTITY,
    MAX_TOTAL_CENTS,
    MAX_UNIT_PRICE_CENTS,
    MIN_EXPIRES_IN_HOURS,
    MIN_TOTAL_CENTS,
)
from inflow_desk.domain.models import (
    Cart,
    CheckoutOptions,
    FieldIssue,
    LineItem,
    RequestInvalid,
    extract_offer_id,
    field_label,
)
from inflow_desk.domain.money import (
    Currency,
    MoneyParseError,
    cents_to_decimal,
    format_cents,
    parse_money,
)
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

__all__ = [
    "DEFAULT_EXPIRES_IN_HOURS",
    "MAX_EXPIRES_IN_HOURS",
    "MAX_LINE_ITEMS",
    "MAX_NAME_LENGTH",
    "MAX_QUANTITY",
    "MAX_TOTAL_CENTS",
    "MAX_UNIT_PRICE_CENTS",
    "MIN_EXPIRES_IN_HOURS",
    "MIN_TOTAL_CENTS",
    "Cart",
    "CheckoutOptions",
    "Currency",
    "FieldIssue",
    "LineItem",
    "MoneyParseError",
    "OneTimeSessionRequest",
    "Product",
    "RequestInvalid",
    "SubscriptionSessionRequest",
    "build_one_time_request",
    "build_subscription_request",
    "cents_to_decimal",
    "check_email",
    "check_expires_in",
    "check_name",
    "check_offer_id",
    "check_quantity",
    "check_redirect_url",
    "check_total",
    "check_unit_price",
    "extract_offer_id",
    "field_label",
    "format_cents",
    "parse_money",
    "validate_one_time",
    "validate_subscription",
]


if TYPE_CHECKING:
    from inflow_desk.domain.requests import (
        OneTimeSessionRequest,
        Product,
        SubscriptionSessionRequest,
        build_one_time_request,
        build_subscription_request,
        validate_one_time,
        validate_subscription,
    )


def __getattr__(name: str) -> Any:
    """The request models and builders load on first use (see ``models.__getattr__``)."""
    return models.__getattr__(name)
