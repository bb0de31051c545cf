"""Deep links from a CRM (``inflow-desk://new?…``) into the form — never a created link.

:func:`apply_deep_link` parses the link (``domain/deep_link.py``: every field checked as if
typed), then fills the form through the window's "load a request" path, exactly as "create
again" does; the agent still presses Ctrl+Enter. A link with anything wrong in it fills
nothing and says what is wrong; so does one that arrives while a link is being created.
Fields the link does not give keep what the form has (the redirect defaults, the expiry);
the customer's e-mail is the link's or blank (a new caller).
"""

from __future__ import annotations

import logging
from typing import Any, Protocol

from inflow_desk.domain.deep_link import DeepLink, DeepLinkError, parse_deep_link
from inflow_desk.domain.i18n import translate
from inflow_desk.domain.kinds import SessionKind
from inflow_desk.storage.policy import Policy
from inflow_desk.ui.kit.errors import UserMessage, deep_link_busy, deep_link_refused

log = logging.getLogger(__name__)


class _Options(Protocol):
    def snapshot(self) -> dict[str, object]: ...


class DeepLinkHost(Protocol):
    """What a deep link needs of the main window."""

    @property
    def busy(self) -> bool: ...

    @property
    def options_form(self) -> _Options: ...

    def load_request(self, kind: str, body: dict[str, Any]) -> bool: ...

    def show_error(self, message: UserMessage) -> None: ...


def request_body(link: DeepLink, current_options: dict[str, object]) -> tuple[str, dict[str, Any]]:
    """The mode and the request-shaped body that fills the form with ``link``."""
    body: dict[str, Any] = {
        "successUrl": link.success_url or current_options.get("successUrl") or None,
        "cancelUrl": link.cancel_url or current_options.get("cancelUrl") or None,
        "expiresIn": (
            link.expires_in_hours
            if link.expires_in_hours is not None
            else current_options.get("expiresIn")
        ),
        "customerEmail": link.customer_email,
    }
    if link.offer_id is not None:
        return SessionKind.SUBSCRIPTION.value, {**body, "offerId": link.offer_id}
    body["products"] = [
        {"name": item.name, "price": item.unit_price_cents, "quantity": item.quantity}
        for item in link.items
    ]
    if link.currency is not None:
        body["currency"] = link.currency.value
    return SessionKind.ONE_TIME.value, body


def apply_deep_link(window: DeepLinkHost, url: str, policy: Policy | None = None) -> bool:
    """Fill the form from ``url``; True when it did. Never sends anything."""
    try:
        link = parse_deep_link(url)
        if (
            policy is not None
            and link.currency is not None
            and not policy.allows_currency(link.currency)
        ):
            raise DeepLinkError(
                translate(
                    "DeepLinks",
                    "The link from the other application was not used — currency: "
                    "{currency} is not allowed by your organisation",
                ).format(currency=link.currency.value)
            )
    except DeepLinkError as exc:
        log.info("deep link refused: %s", exc)
        window.show_error(deep_link_refused(exc))
        return False
    if window.busy:
        window.show_error(deep_link_busy())
        return False
    kind, body = request_body(link, window.options_form.snapshot())
    if not window.load_request(kind, body):
        window.show_error(deep_link_busy())
        return False
    log.info("deep link applied (%s, %d products)", kind, len(link.items))
    return True
