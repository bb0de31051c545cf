"""Typed errors of the Inflow API client.

Hierarchy (after anthropic-sdk-python ``_exceptions.py``)::

    InflowError
    ├── APIConnectionError (request_sent)
    │   ├── APITimeoutError
    │   ├── RequestCancelled          cancel()/close() from another thread
    │   ├── ProxyRefusedError         the proxy refused CONNECT: nothing was sent
    │   └── TLSVerificationError      the server's certificate is not trusted: nothing was sent
    ├── APIStatusError (status_code, messages, error)
    │   ├── BadRequestError          400
    │   ├── AuthenticationError      401
    │   ├── PermissionDeniedError    403
    │   ├── NotFoundError            404
    │   │   └── OfferListingUnavailable
    │   ├── RateLimitError           429 (retry_after)
    │   ├── InternalServerError      5xx
    │   └── ConnectionCheckUnavailable  404/405 to the connection check: nothing is known
    └── APIResponseValidationError   2xx with an unusable body
        └── ResponseTooLargeError    a body over the size cap (not read any further)

:func:`make_status_error` is the one place that turns an HTTP error response into one of these
(after openai-python ``_make_status_error``). No exception text ever contains the API key: the
errors hold no request, headers or response object, and text that came from the server is
scrubbed of the key before it is stored.
"""

from __future__ import annotations

import json
import math
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    import httpx

from inflow_desk.api._constants import (
    API_KEY_HEADER,
    MAX_ERROR_MESSAGE_LENGTH,
    MAX_ERROR_MESSAGES,
)
from inflow_desk.domain.i18n import QT_TRANSLATE_NOOP, translate

__all__ = [
    "OFFER_LISTING_UNAVAILABLE_MESSAGE",
    "APIConnectionError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConnectionCheckUnavailable",
    "InflowError",
    "InternalServerError",
    "NotFoundError",
    "OfferListingUnavailable",
    "PermissionDeniedError",
    "ProxyRefusedError",
    "RateLimitError",
    "RequestCancelled",
    "ResponseTooLargeError",
    "TLSVerificationError",
    "make_status_error",
    "parse_retry_after",
    "redact",
]

OFFER_LISTING_UNAVAILABLE_MESSAGE: Final = (
    "Inflow does not offer a list of subscription offers for this account"
)
REDACTED: Final = "[redacted]"
_EMPTY_BODY: Final = QT_TRANSLATE_NOOP("InflowErrors", "HTTP {status} with an empty body")
_NOT_JSON_BODY: Final = QT_TRANSLATE_NOOP("InflowErrors", "HTTP {status} with a non-JSON body")
_ODD_JSON_BODY: Final = QT_TRANSLATE_NOOP(
    "InflowErrors", "HTTP {status} with an unexpected JSON body"
)


def redact(text: str, secret: str | None) -> str:
    """``text`` with every occurrence of ``secret`` replaced by a placeholder."""
    if secret and secret in text:
        return text.replace(secret, REDACTED)
    return text


class InflowError(Exception):
    """Base class of every error raised by the Inflow API client."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class APIConnectionError(InflowError):
    """Inflow could not be reached, or the connection broke before a full answer arrived.

    ``request_sent`` is ``False`` only when the request provably never left this machine
    (connection refused, DNS failure, connect timeout); only then is a retry harmless.
    """

    def __init__(
        self, message: str = "Could not connect to Inflow.", *, request_sent: bool
    ) -> None:
        super().__init__(message)
        self.request_sent = request_sent


class APITimeoutError(APIConnectionError):
    """Inflow did not answer in time."""

    def __init__(
        self, message: str = "Inflow did not answer in time.", *, request_sent: bool
    ) -> None:
        super().__init__(message, request_sent=request_sent)


class RequestCancelled(APIConnectionError):  # noqa: N818  (a state, not a failure)
    """The call was cancelled (``InflowClient.cancel()`` or ``close()``) before it finished.

    ``request_sent`` tells whether the request may have reached Inflow before that.
    """

    def __init__(
        self, message: str = "The request to Inflow was cancelled.", *, request_sent: bool
    ) -> None:
        super().__init__(message, request_sent=request_sent)


class ProxyRefusedError(APIConnectionError):
    """The HTTP proxy refused to open a tunnel to Inflow (e.g. 403 or 407 to ``CONNECT``).

    Nothing reached Inflow: the request is only sent once the tunnel is open.
    ``proxy_status`` is the proxy's answer, e.g. ``"407 Proxy Authentication Required"``.
    """

    def __init__(self, message: str, *, proxy_status: str) -> None:
        super().__init__(message, request_sent=False)
        self.proxy_status = proxy_status


class TLSVerificationError(APIConnectionError):
    """The server's certificate is not trusted by this computer's trust store (or names
    another host). The connection was refused before anything was sent.

    ``reason`` is OpenSSL's, e.g. ``"unable to get local issuer certificate"``.
    """

    def __init__(self, message: str, *, reason: str) -> None:
        super().__init__(message, request_sent=False)
        self.reason = reason


class APIStatusError(InflowError):
    """Inflow answered with a non-2xx status.

    ``messages`` is never empty: the server's ``message`` (a string or a list of strings), or a
    short generic description when the body carried none. ``error`` is the server's ``error``
    field (e.g. ``"Bad Request"``) when present.
    """

    def __init__(
        self,
        message: str,
        *,
        status_code: int,
        messages: list[str] | None = None,
        error: str | None = None,
    ) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.messages: list[str] = list(messages) if messages else [message]
        self.error = error


class BadRequestError(APIStatusError):
    """400: the request was invalid; ``messages`` lists what the server rejected."""


class AuthenticationError(APIStatusError):
    """401: missing, invalid or revoked API key (or a key of another environment)."""


class PermissionDeniedError(APIStatusError):
    """403: the key may not use this endpoint."""


class NotFoundError(APIStatusError):
    """404: the resource (e.g. the subscription offer) does not exist."""


class OfferListingUnavailable(NotFoundError):  # noqa: N818  (name fixed by docs/architecture.md)
    """Every candidate path for listing subscription offers answered 404."""

    def __init__(
        self,
        message: str = OFFER_LISTING_UNAVAILABLE_MESSAGE,
        *,
        paths: tuple[str, ...] = (),
    ) -> None:
        super().__init__(message, status_code=404, messages=[message], error="Not Found")
        self.paths = paths


class RateLimitError(APIStatusError):
    """429: too many requests. ``retry_after`` is in seconds, when the server said."""

    def __init__(
        self,
        message: str,
        *,
        status_code: int = 429,
        messages: list[str] | None = None,
        error: str | None = None,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message, status_code=status_code, messages=messages, error=error)
        self.retry_after = retry_after


class InternalServerError(APIStatusError):
    """5xx: a failure on Inflow's side (or on a proxy in front of it)."""


class ConnectionCheckUnavailable(APIStatusError):  # noqa: N818  (like OfferListingUnavailable)
    """The connection check's endpoint answered 404 or 405: the key can't be verified that way.

    This says nothing about the key or about creating links; it is not an alarm.
    """


class APIResponseValidationError(InflowError):
    """A 2xx answer whose body cannot be used (not JSON, wrong shape, missing fields)."""

    def __init__(self, message: str, *, status_code: int) -> None:
        super().__init__(message)
        self.status_code = status_code


class ResponseTooLargeError(APIResponseValidationError):
    """A 2xx answer whose body (once decompressed) exceeds ``limit`` bytes; reading stopped."""

    def __init__(self, message: str, *, status_code: int, limit: int) -> None:
        super().__init__(message, status_code=status_code)
        self.limit = limit


_STATUS_CLASSES: Final[dict[int, type[APIStatusError]]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
}


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Seconds to wait according to a ``Retry-After`` header (delay-seconds or HTTP date).

    ``None`` when absent or unparsable; never negative (a date in the past gives 0).
    """
    if value is None or not value.strip():
        return None
    text = value.strip()
    try:
        seconds = float(text)
    except ValueError:
        try:
            from email.utils import parsedate_to_datetime  # rare: only for HTTP-date values

            when = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        seconds = (when - (now or datetime.now(UTC))).total_seconds()
    if not math.isfinite(seconds):
        return None
    return max(0.0, seconds)


def _request_secret(response: httpx.Response) -> str | None:
    """The API key the request was sent with, so that it can be scrubbed from server text."""
    try:
        request = response.request
    except RuntimeError:  # a Response built by hand has no request
        return None
    secret = request.headers.get(API_KEY_HEADER)
    return secret if isinstance(secret, str) else None


def _read_body(response: httpx.Response) -> bytes:
    import httpx  # already loaded once a response exists; not at import time (start-up)

    try:
        return response.read()
    except (httpx.HTTPError, httpx.StreamError):
        return b""


def _clean(text: str, secret: str | None) -> str:
    text = redact(" ".join(text.split()), secret)
    if len(text) > MAX_ERROR_MESSAGE_LENGTH:
        text = text[: MAX_ERROR_MESSAGE_LENGTH - 1] + "…"
    return text


def _messages_from(value: object, secret: str | None) -> list[str]:
    """The server's ``message``: a string or a list of strings (other scalars are tolerated)."""
    items: list[object] = value if isinstance(value, list) else [value]
    messages: list[str] = []
    for item in items:
        if isinstance(item, bool) or item is None:
            continue
        if isinstance(item, str | int | float):
            text = _clean(str(item), secret)
            if text:
                messages.append(text)
        if len(messages) >= MAX_ERROR_MESSAGES:
            break
    return messages


def make_status_error(response: httpx.Response, body: bytes | None = None) -> APIStatusError:
    """The typed error for a non-2xx ``response``. Never raises on an odd body.

    ``body``: the (decoded, possibly capped) body when the caller streamed it already;
    otherwise the response is read. Understands Inflow's
    ``{"statusCode", "message": str | list[str], "error"}`` and tolerates extra keys, HTML
    pages, empty bodies, non-JSON and JSON that is not an object.
    """
    status = response.status_code
    secret = _request_secret(response)
    raw = _read_body(response) if body is None else body

    messages: list[str] = []
    error: str | None = None
    # The fallback is shown to the agent (translated) when the body says nothing; the
    # exception's own text (the log) stays English.
    if not raw.strip():
        fallback = _EMPTY_BODY
    else:
        try:
            parsed: object = json.loads(raw)
        except (ValueError, RecursionError):  # JSONDecodeError and UnicodeDecodeError
            parsed = None
            fallback = _NOT_JSON_BODY
        else:
            fallback = _ODD_JSON_BODY
        if isinstance(parsed, dict):
            raw_error = parsed.get("error")
            if isinstance(raw_error, str) and raw_error.strip():
                error = _clean(raw_error, secret)
            messages = _messages_from(parsed.get("message"), secret)
            if not messages:
                fallback = f"HTTP {status} {error or response.reason_phrase}".rstrip()
                fallback = fallback.replace("{", "{{").replace("}", "}}")  # a template too
    if messages:
        title = error or response.reason_phrase
        summary = f"HTTP {status} {title}".rstrip() + ": " + "; ".join(messages)
        if len(summary) > MAX_ERROR_MESSAGE_LENGTH:
            summary = summary[: MAX_ERROR_MESSAGE_LENGTH - 1] + "…"
    else:
        messages = [translate("InflowErrors", fallback).format(status=status)]
        summary = fallback.format(status=status)

    if status == 429:
        return RateLimitError(
            summary,
            status_code=status,
            messages=messages,
            error=error,
            retry_after=parse_retry_after(response.headers.get("Retry-After")),
        )
    cls = _STATUS_CLASSES.get(status)
    if cls is None:
        cls = InternalServerError if status >= 500 else APIStatusError
    return cls(summary, status_code=status, messages=messages, error=error)
