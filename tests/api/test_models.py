"""Response models: CheckoutSession and SubscriptionOffer."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from inflow_desk.api import CheckoutSession, SubscriptionOffer


def test_checkout_session_by_alias_and_by_name() -> None:
    by_alias = CheckoutSession.model_validate(
        {"sessionId": "sess_1", "checkoutUrl": "https://checkout.inflowpay.com/pay/sess_1"}
    )
    by_name = CheckoutSession(
        session_id="sess_1", checkout_url="https://checkout.inflowpay.com/pay/sess_1"
    )
    assert by_alias == by_name
    assert by_alias.session_id == "sess_1"


def test_checkout_session_keeps_extra_fields() -> None:
    session = CheckoutSession.model_validate(
        {"sessionId": "s", "checkoutUrl": "https://c.example/pay/s", "expiresAt": "2025-01-01"}
    )
    assert session.model_extra == {"expiresAt": "2025-01-01"}


@pytest.mark.parametrize(
    "body",
    [
        {"checkoutUrl": "https://c.example/pay/s"},
        {"sessionId": "s"},
        {"sessionId": "", "checkoutUrl": "https://c.example/pay/s"},
        {"sessionId": "  ", "checkoutUrl": "https://c.example/pay/s"},
        {"sessionId": 12, "checkoutUrl": "https://c.example/pay/s"},
        {"sessionId": "s", "checkoutUrl": ""},
        {"sessionId": "s", "checkoutUrl": "javascript:alert(1)"},
        {"sessionId": "s", "checkoutUrl": "ftp://c.example/pay/s"},
        {"sessionId": "s", "checkoutUrl": "https://"},
        {"sessionId": "s", "checkoutUrl": "/pay/s"},
        {"sessionId": "s", "checkoutUrl": "https://c.example/pay/s x"},
        {"sessionId": "s", "checkoutUrl": None},
    ],
)
def test_checkout_session_rejects_unusable_bodies(body: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        CheckoutSession.model_validate(body)


def test_subscription_offer_needs_only_an_id() -> None:
    offer = SubscriptionOffer.model_validate({"id": "offer_1"})
    assert offer.id == "offer_1"
    assert offer.name is None
    assert offer.amount_in_cents is None
    with pytest.raises(ValidationError):
        SubscriptionOffer.model_validate({"name": "no id"})


def test_subscription_offer_documented_fields_and_raw_strings() -> None:
    offer = SubscriptionOffer.model_validate(
        {
            "id": "offer_9fK21",
            "name": "Premium monthly",
            "amountInCents": 1990,
            "currency": "CHF",
            "interval": "quarter",
            "intervalCount": 1,
            "trialPeriodDays": 7,
            "entryFeesInCents": None,
            "cycleCount": 12,
            "waitlistEnabled": True,
            "pricingMode": "TAX_INCLUSIVE",
            "createdAt": "2025-03-02T08:00:00.000Z",
            "isArchived": True,
        }
    )
    assert offer.amount_in_cents == 1990
    assert offer.currency == "CHF"
    assert offer.interval == "quarter"
    assert offer.trial_period_days == 7
    assert offer.cycle_count == 12
    assert offer.waitlist_enabled is True
    assert offer.pricing_mode == "TAX_INCLUSIVE"
    assert offer.created_at == "2025-03-02T08:00:00.000Z"
    assert offer.model_extra == {"isArchived": True}
    assert SubscriptionOffer(id="offer_9fK21", amount_in_cents=5).amount_in_cents == 5
