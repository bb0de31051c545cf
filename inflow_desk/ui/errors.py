"""The one place where exceptions become what the agent reads.

Every failure of a background call ends up in :func:`describe_error`; widgets never build error
text of their own. Messages say what happened and what to do, and never contain the API key.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

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
)
from inflow_desk.domain.models import FieldIssue
from inflow_desk.storage.keystore import KeyStoreError, StoredKeyUnusable

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class UserMessage:
    """What the agent sees: a headline, an optional hint, and the server's own messages."""

    headline: str
    hint: str = ""
    details: tuple[str, ...] = field(default_factory=tuple)
    #: True when the request may have created a session although we got no usable answer.
    may_have_created: bool = False
    #: Server messages that name a field of the form ("customerEmail must be an email"),
    #: so the window can mark that field too.
    field_issues: tuple[FieldIssue, ...] = ()

    def as_text(self) -> str:
        parts = [self.headline]
        if self.details:
            parts.append("\n".join(f"• {d}" for d in self.details))
        if self.hint:
            parts.append(self.hint)
        return "\n".join(parts)


#: "products.0.price must not be less than 1" / "customerEmail must be an email" (NestJS style).
_SERVER_FIELD = re.compile(
    r"^(?:products\.(?P<row>\d+)\.(?P<column>name|price|quantity)"
    r"|(?P<option>currency|products|customerEmail|successUrl|cancelUrl|expiresIn))\b"
)


def server_field_issues(messages: list[str] | tuple[str, ...]) -> tuple[FieldIssue, ...]:
    """The server's validation messages that name one of our fields, as form issues."""
    issues = []
    for message in messages:
        match = _SERVER_FIELD.match(message)
        if match is None:
            continue
        if match["row"] is not None:
            field = f"products[{int(match['row'])}].{match['column']}"
        else:
            field = match["option"]
        issues.append(FieldIssue(field=field, message=f"Inflow: {message}"))
    return tuple(issues)


_MAYBE_CREATED = (
    "A link may have been created anyway. Creating again is safe for the customer (nothing is "
    "paid until they pay), but they could receive two links."
)


def describe_error(
    exc: BaseException,
    *,
    account: str,
    action: str = "create the link",
    creating: str | None = None,
) -> UserMessage:
    """Turn any exception from a background call into a message for the agent.

    ``account`` names the merchant account and environment ("Acme — PRODUCTION"); ``action`` is
    what was being attempted, in the agent's words. ``creating`` is the kind of session the
    call was creating (``"one_time"``, ``"subscription"``), or None for a read (listing offers,
    testing the connection), which can never have created a link.
    """
    creates = creating is not None
    if isinstance(exc, RequestCancelled):
        if exc.request_sent and creates:
            return UserMessage(
                "Cancelled before Inflow answered.", _MAYBE_CREATED, may_have_created=True
            )
        return UserMessage(
            "Cancelled." if exc.request_sent else "Cancelled; nothing was sent to Inflow."
        )
    if isinstance(exc, ProxyRefusedError):
        return UserMessage(
            f"The proxy refused the connection to Inflow ({exc.proxy_status}), "
            "so nothing was sent.",
            "Check this computer's proxy settings (HTTPS_PROXY, the proxy login) or ask IT, "
            "then try again.",
        )
    if isinstance(exc, TLSVerificationError):
        return UserMessage(
            "Inflow's certificate is not trusted by this computer, so nothing was sent.",
            "If your company inspects HTTPS traffic, its certificate must be installed in the "
            "operating system (ask IT). Otherwise someone may be intercepting the connection: "
            "do not retry on this network.",
            (exc.reason,),
        )
    if isinstance(exc, APITimeoutError):
        if exc.request_sent:
            return UserMessage(
                f"Inflow did not answer in time, so we could not {action}.",
                _MAYBE_CREATED if creates else "Try again.",
                may_have_created=creates,
            )
        return UserMessage(
            "Couldn't reach Inflow (the connection timed out).",
            "Check the internet connection and try again.",
        )
    if isinstance(exc, APIConnectionError):
        if exc.request_sent:
            return UserMessage(
                "The connection to Inflow broke before the answer arrived.",
                _MAYBE_CREATED if creates else "Try again.",
                may_have_created=creates,
            )
        return UserMessage(
            "Couldn't reach Inflow (connection refused or no network).",
            "Check the internet connection and try again.",
        )
    if isinstance(exc, AuthenticationError):
        return UserMessage(
            f"Inflow rejected the API key for {account}.",
            "Open Settings › Accounts to check the key or the environment "
            "(a sandbox key does not work on production, and the other way round).",
        )
    if isinstance(exc, PermissionDeniedError):
        return UserMessage(
            f"Inflow refused this API key: it is not allowed to {action} (HTTP 403).",
            "Ask an account admin to check the key's permissions in the Inflow dashboard.",
            tuple(exc.messages),
        )
    if isinstance(exc, OfferListingUnavailable):
        return UserMessage(
            "Inflow does not list subscription offers for this account.",
            "Paste an offer id or a subscribe link (…/subscribe/offer_…) instead.",
        )
    if isinstance(exc, ConnectionCheckUnavailable):
        return UserMessage(
            f"Could not verify the key this way: the server has no such check "
            f"(HTTP {exc.status_code}).",
            "This says nothing against the key: creating a link shows whether it works. "
            "With a custom server address, check that the address is right.",
        )
    if isinstance(exc, NotFoundError):
        if creating == "subscription":
            return UserMessage(
                "That subscription offer does not exist or has been archived.",
                "Pick another offer, or check the offer in the Inflow dashboard.",
                tuple(exc.messages),
            )
        return UserMessage(
            "Inflow answered “not found” (HTTP 404).",
            "Checkout sessions may not be enabled for this account yet (Checkout V2 is in beta), "
            "or the server address in Settings is wrong.",
            tuple(exc.messages),
        )
    if isinstance(exc, BadRequestError):
        return UserMessage(
            "Inflow refused the request:",
            "Correct the fields above and try again.",
            tuple(exc.messages),
            field_issues=server_field_issues(exc.messages),
        )
    if isinstance(exc, RateLimitError):
        wait = f"{round(exc.retry_after)} seconds" if exc.retry_after else "a moment"
        return UserMessage(
            "Inflow is limiting requests right now (HTTP 429).",
            f"Wait {wait} and try again.",
        )
    if isinstance(exc, InternalServerError):
        # No details: a 5xx body is a stack-trace-free "Internal server error" or a proxy's page.
        # Any 5xx, 500 included, may come after the session was created (a crash while
        # answering, a proxy timing out in front of a working server).
        return UserMessage(
            f"Inflow had a problem on its side (HTTP {exc.status_code}).",
            "Nothing to fix on your side; try again in a moment."
            + (" " + _MAYBE_CREATED if creates else ""),
            may_have_created=creates,
        )
    if isinstance(exc, APIStatusError):
        return UserMessage(
            f"Inflow answered with an unexpected error (HTTP {exc.status_code}).",
            "Try again; if it keeps happening, send the log file to support.",
            tuple(exc.messages),
        )
    if isinstance(exc, ResponseTooLargeError):
        return UserMessage(
            "Inflow's answer was far larger than any real answer, so it was not read.",
            _MAYBE_CREATED if creates else "Try again; if it keeps happening, tell support.",
            may_have_created=creates,
        )
    if isinstance(exc, APIResponseValidationError):
        return UserMessage(
            "Inflow answered, but the answer could not be understood.",
            _MAYBE_CREATED if creates else "Try again; if it keeps happening, tell support.",
            may_have_created=creates,
        )
    if isinstance(exc, InflowError):
        return UserMessage(f"Could not {action}.", str(exc))
    if isinstance(exc, StoredKeyUnusable):  # its text never quotes the key
        return UserMessage(f"Could not {action}: the stored API key cannot be used.", str(exc))
    if isinstance(exc, KeyStoreError):  # sentences for the agent by contract (keystore.py)
        return UserMessage(f"Could not {action}.", str(exc))
    log.error("unexpected error while trying to %s", action, exc_info=exc)
    return UserMessage(
        f"Something unexpected went wrong ({type(exc).__name__}).",
        "Try again; details are in the log file for support.",
    )
