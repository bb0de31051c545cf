"""The request bodies sent to Inflow and the functions that build them.

``build_one_time_request`` checks everything the agent entered at once and either returns a
request model or raises :class:`~inflow_desk.domain.models.RequestInvalid` listing every problem
with a stable field path. The request models validate again on construction, so an invalid
request object cannot exist.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictInt,
    field_serializer,
    field_validator,
    model_validator,
)

from inflow_desk.domain import limits
from inflow_desk.domain.i18n import number_text, translate
from inflow_desk.domain.models import Cart, CheckoutOptions, FieldIssue, RequestInvalid
from inflow_desk.domain.money import Currency
from inflow_desk.domain.validation import (
    check_email,
    check_expires_in,
    check_name,
    check_quantity,
    check_redirect_url,
    check_total,
    check_unit_price,
)

__all__ = [
    "OneTimeSessionRequest",
    "Product",
    "SubscriptionSessionRequest",
    "build_one_time_request",
    "build_subscription_request",
    "validate_one_time",
    "validate_subscription",
]


# ------------------------------------------------------------------ request bodies


def _raise_if(message: str | None) -> None:
    if message is not None:
        raise ValueError(message)


def _blank_to_none(value: Any) -> Any:
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


class _RequestModel(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True)

    def to_json(self) -> dict[str, object]:
        """The JSON body exactly as documented, unset optionals omitted."""
        return self.model_dump(mode="json", by_alias=True, exclude_none=True)


class Product(_RequestModel):
    """``products[]`` of a one-time session: name (sent trimmed), unit price in cents, quantity."""

    name: str
    price: StrictInt
    quantity: StrictInt

    @field_validator("name")
    @classmethod
    def _check_name(cls, value: str) -> str:
        _raise_if(check_name(value))
        return value.strip()

    @field_validator("price")
    @classmethod
    def _check_price(cls, value: int) -> int:
        _raise_if(check_unit_price(value))
        return value

    @field_validator("quantity")
    @classmethod
    def _check_quantity(cls, value: int) -> int:
        _raise_if(check_quantity(value))
        return value


_OptionalText = Annotated[str | None, Field(default=None)]


class _SessionOptions(_RequestModel):
    customer_email: _OptionalText = Field(default=None, alias="customerEmail")
    success_url: _OptionalText = Field(default=None, alias="successUrl")
    cancel_url: _OptionalText = Field(default=None, alias="cancelUrl")
    expires_in: float | None = Field(default=None, alias="expiresIn")

    @field_validator("success_url", "cancel_url", "customer_email", mode="before")
    @classmethod
    def _blank_is_unset(cls, value: Any) -> Any:
        return _blank_to_none(value)

    @field_validator("success_url", "cancel_url")
    @classmethod
    def _check_url(cls, value: str | None) -> str | None:
        if value is not None:
            _raise_if(check_redirect_url(value))
        return value

    @field_validator("customer_email")
    @classmethod
    def _check_email(cls, value: str | None) -> str | None:
        if value is not None:
            _raise_if(check_email(value))
        return value

    @field_validator("expires_in", mode="before")
    @classmethod
    def _no_bool_or_text(cls, value: Any) -> Any:
        if isinstance(value, bool | str):
            raise ValueError(translate("Validation", "Expiry must be a number of hours"))
        return value

    @field_validator("expires_in")
    @classmethod
    def _check_expires_in(cls, value: float | None) -> float | None:
        if value is not None:
            _raise_if(check_expires_in(value))
        return value

    @field_serializer("expires_in")
    def _hours_as_json(self, value: float | None) -> int | float | None:
        """24.0 goes out as ``24``, 0.25 as ``0.25``."""
        if value is not None and float(value).is_integer():
            return int(value)
        return value


class OneTimeSessionRequest(_SessionOptions):
    """Body of ``POST /api/checkout/sessions/one-time-payment`` (inflow-api.md §3.1)."""

    currency: Currency
    products: tuple[Product, ...] = Field(min_length=1, max_length=limits.MAX_LINE_ITEMS)

    @model_validator(mode="after")
    def _check_total(self) -> OneTimeSessionRequest:
        total = sum(product.price * product.quantity for product in self.products)
        _raise_if(check_total(total, self.currency))
        return self

    def to_json(self) -> dict[str, object]:
        """The documented body with ``currency`` and ``products`` first."""
        body = super().to_json()
        ordered: dict[str, object] = {
            "currency": body.pop("currency"),
            "products": body.pop("products"),
        }
        ordered.update(body)
        return ordered


class SubscriptionSessionRequest(_SessionOptions):
    """Body of ``POST /api/checkout/sessions/subscription/{offerId}`` — options only."""


# ------------------------------------------------------------------ building requests


def _is_set(value: str | None) -> bool:
    return value is not None and bool(value.strip())


def _option_issues(options: CheckoutOptions) -> list[FieldIssue]:
    issues: list[FieldIssue] = []
    if options.customer_email is not None and _is_set(options.customer_email):
        _add(issues, "customerEmail", check_email(options.customer_email))
    if options.success_url is not None and _is_set(options.success_url):
        _add(issues, "successUrl", check_redirect_url(options.success_url))
    if options.cancel_url is not None and _is_set(options.cancel_url):
        _add(issues, "cancelUrl", check_redirect_url(options.cancel_url))
    if options.expires_in_hours is not None:
        _add(issues, "expiresIn", check_expires_in(options.expires_in_hours))
    return issues


def _add(issues: list[FieldIssue], field: str, message: str | None) -> None:
    if message is not None:
        issues.append(FieldIssue(field, message))


def validate_one_time(cart: Cart, options: CheckoutOptions) -> list[FieldIssue]:
    """Every problem with a one-time session, in visual order (products, total, options)."""
    issues: list[FieldIssue] = []
    currency: Currency | None
    try:
        currency = Currency(cart.currency)
    except ValueError:
        currency = None
        issues.append(FieldIssue("currency", translate("Validation", "Choose EUR or USD")))
    if not cart.items:
        issues.append(FieldIssue("products", translate("Validation", "Add at least one product")))
    elif len(cart.items) > limits.MAX_LINE_ITEMS:
        most = translate("Validation", "A session can hold at most {limit} products")
        issues.append(FieldIssue("products", most.format(limit=number_text(limits.MAX_LINE_ITEMS))))
    amounts_ok = True
    for index, item in enumerate(cart.items):
        prefix = f"products[{index}]"
        _add(issues, f"{prefix}.name", check_name(item.name))
        price_problem = check_unit_price(item.unit_price_cents)
        quantity_problem = check_quantity(item.quantity)
        _add(issues, f"{prefix}.price", price_problem)
        _add(issues, f"{prefix}.quantity", quantity_problem)
        amounts_ok = amounts_ok and price_problem is None and quantity_problem is None
    if cart.items and amounts_ok and currency is not None:
        _add(issues, "total", check_total(cart.total_cents, currency))
    issues.extend(_option_issues(options))
    return issues


def validate_subscription(options: CheckoutOptions) -> list[FieldIssue]:
    """Every problem with the options of a subscription session."""
    return _option_issues(options)


def _options_fields(options: CheckoutOptions) -> dict[str, Any]:
    return {
        "customer_email": _blank_to_none(options.customer_email),
        "success_url": _blank_to_none(options.success_url),
        "cancel_url": _blank_to_none(options.cancel_url),
        "expires_in": options.expires_in_hours,
    }


def build_one_time_request(cart: Cart, options: CheckoutOptions) -> OneTimeSessionRequest:
    """The request for ``cart`` + ``options``, or :class:`RequestInvalid` with all issues."""
    issues = validate_one_time(cart, options)
    if issues:
        raise RequestInvalid(issues)
    return OneTimeSessionRequest(
        currency=Currency(cart.currency),
        products=tuple(
            Product(name=item.name, price=item.unit_price_cents, quantity=item.quantity)
            for item in cart.items
        ),
        **_options_fields(options),
    )


def build_subscription_request(options: CheckoutOptions) -> SubscriptionSessionRequest:
    """The request body for a subscription session, or :class:`RequestInvalid`."""
    issues = validate_subscription(options)
    if issues:
        raise RequestInvalid(issues)
    return SubscriptionSessionRequest(**_options_fields(options))
