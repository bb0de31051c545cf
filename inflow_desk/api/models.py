"""What Inflow sends back: checkout sessions and subscription offers.

Response models allow extra fields (as anthropic-sdk-python ``_models.py`` does), so an API
that adds a field does not break the app. Values that Inflow may extend (currency, interval,
pricing mode) are kept as raw strings rather than enums.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, field_validator

__all__ = ["CheckoutSession", "SubscriptionOffer"]


class _ResponseModel(BaseModel):
    model_config = ConfigDict(extra="allow", populate_by_name=True, frozen=True)


def _non_blank(value: str) -> str:
    value = value.strip()
    if not value:
        raise ValueError("must not be empty")
    return value


class CheckoutSession(_ResponseModel):
    """``201 {"sessionId", "checkoutUrl"}`` of both session endpoints (inflow-api.md §3.1/3.2).

    Both values are opaque: the URL is used exactly as Inflow sent it.
    """

    session_id: str = Field(alias="sessionId")
    checkout_url: str = Field(alias="checkoutUrl")

    @field_validator("session_id")
    @classmethod
    def _check_session_id(cls, value: str) -> str:
        return _non_blank(value)

    @field_validator("checkout_url")
    @classmethod
    def _check_checkout_url(cls, value: str) -> str:
        value = _non_blank(value)
        if any(ch.isspace() or ord(ch) < 0x20 or ord(ch) == 0x7F for ch in value):
            raise ValueError("must be a URL without spaces or control characters")
        try:
            parts = urlsplit(value)
        except ValueError as exc:
            raise ValueError("must be a URL") from exc
        if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
            raise ValueError("must be an http(s) URL")
        return value


class SubscriptionOffer(_ResponseModel):
    """A Subscription Offer as listed for the picker (inflow-api.md §3.4).

    Only ``id`` is required; the listing endpoint and its fields are undocumented.
    """

    id: str
    name: str | None = None
    description: str | None = None
    amount_in_cents: int | None = Field(default=None, alias="amountInCents")
    currency: str | None = None
    interval: str | None = None
    interval_count: int | None = Field(default=None, alias="intervalCount")
    trial_period_days: int | None = Field(default=None, alias="trialPeriodDays")
    entry_fees_in_cents: int | None = Field(default=None, alias="entryFeesInCents")
    cycle_count: int | None = Field(default=None, alias="cycleCount")
    waitlist_enabled: bool | None = Field(default=None, alias="waitlistEnabled")
    pricing_mode: str | None = Field(default=None, alias="pricingMode")
    extra_info_needed: bool | None = Field(default=None, alias="extraInfoNeeded")
    discord_guild_id: str | None = Field(default=None, alias="discordGuildId")
    discord_role_id: str | None = Field(default=None, alias="discordRoleId")
    success_url: str | None = Field(default=None, alias="successUrl")
    cancel_url: str | None = Field(default=None, alias="cancelUrl")
    session_customization: dict[str, Any] | None = Field(default=None, alias="sessionCustomization")
    metadatas: dict[str, Any] | None = None
    created_at: str | None = Field(default=None, alias="createdAt")
    updated_at: str | None = Field(default=None, alias="updatedAt")

    @field_validator("id")
    @classmethod
    def _check_id(cls, value: str) -> str:
        return _non_blank(value)
