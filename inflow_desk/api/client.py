"""``InflowClient``: the one place that talks HTTP to Inflow.

One ``httpx.Client`` per ``InflowClient``. Every failure leaves as an :mod:`inflow_desk.api.errors`
exception; no httpx, json or pydantic exception escapes a public method.

Retry policy (a retried POST can create a second live checkout link):

* session creation is retried once, and only when the connection failed before anything was
  sent (connection refused, DNS failure, connect timeout); never after a 5xx, 429 or read
  timeout;
* GETs (offer listing, connection check) are additionally retried once after any connection
  failure and once after a 429 whose ``Retry-After`` is at most ``MAX_RATE_LIMIT_WAIT`` seconds.

The API key is set by an ``httpx.Auth`` (not in the client's default headers), never logged and
scrubbed from every error text.

Hardening (issue 13):

* every body is streamed and decoded here with a bound (``MAX_RESPONSE_BYTES``, offer pages
  ``MAX_OFFER_PAGE_BYTES``): a gzip bomb costs at most the cap;
* each call has an overall deadline (``REQUEST_DEADLINE``) on top of the per-phase timeouts: a
  watchdog shuts the call's socket down when it passes, so a server that drips one byte at a
  time cannot hold a call for longer;
* :meth:`InflowClient.cancel` (and ``close``) ends calls in flight from another thread;
* TLS is verified against the operating system's trust store (``truststore``), strictly;
* loopback addresses are never sent through a proxy; a proxy that refuses the tunnel is a
  :class:`ProxyRefusedError` (nothing was sent).

The socket of a call is found through httpx's public ``trace`` extension and the
``network_stream`` response extension (``get_extra_info("socket")``), not library internals.
"""

from __future__ import annotations

import contextlib
import ipaddress
import json
import logging
import socket
import ssl
import threading
import time
import weakref
import zlib
from collections.abc import Callable, Generator
from dataclasses import dataclass
from types import TracebackType
from typing import TYPE_CHECKING, Any, Final, Literal, Self
from urllib.parse import quote

import httpx
import truststore
from pydantic import ValidationError

from inflow_desk import __version__
from inflow_desk.api._constants import (
    ACCEPT_ENCODING,
    API_KEY_HEADER,
    CONNECT_RETRIES,
    CONNECT_TIMEOUT,
    CONNECTION_CHECK_PATH,
    DEFAULT_BASE_URL,
    MAX_ERROR_BODY_BYTES,
    MAX_LOGGED_BODY,
    MAX_OFFER_PAGE_BYTES,
    MAX_OFFER_PAGES,
    MAX_RATE_LIMIT_WAIT,
    MAX_RESPONSE_BYTES,
    OFFER_LIST_PATHS,
    OFFERS_PAGE_LIMIT,
    ONE_TIME_SESSION_PATH,
    PAYMENT_LIST_PATH,
    PAYMENTS_PAGE_LIMIT,
    POOL_TIMEOUT,
    READ_TIMEOUT,
    REQUEST_DEADLINE,
    SESSION_READ_PATH,
    SUBSCRIPTION_SESSION_PATH,
    WRITE_TIMEOUT,
)
from inflow_desk.api.errors import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    ConnectionCheckUnavailable,
    OfferListingUnavailable,
    ProxyRefusedError,
    RateLimitError,
    RequestCancelled,
    ResponseTooLargeError,
    TLSVerificationError,
    make_status_error,
    redact,
)
from inflow_desk.api.models import CheckoutSession, SubscriptionOffer
from inflow_desk.domain.payments import Payment, parse_payment

if TYPE_CHECKING:
    from inflow_desk.domain.requests import OneTimeSessionRequest, SubscriptionSessionRequest

__all__ = ["DEFAULT_TIMEOUT", "InflowClient", "OfferPageCallback"]

log = logging.getLogger("inflow_desk.api")

DEFAULT_TIMEOUT: Final = httpx.Timeout(
    connect=CONNECT_TIMEOUT, read=READ_TIMEOUT, write=WRITE_TIMEOUT, pool=POOL_TIMEOUT
)

OfferPageCallback = Callable[[list[SubscriptionOffer]], None]

# Failures that provably happened before the request left this machine.
_NOT_SENT: Final = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.PoolTimeout,
    httpx.UnsupportedProtocol,
    httpx.ProxyError,
)
# Of those, the ones worth one more attempt.
_RETRYABLE_NOT_SENT: Final = (httpx.ConnectError, httpx.ConnectTimeout)

# Statuses that mean "this listing path does not exist".
_PATH_MISSING_STATUSES: Final = frozenset({404, 405})

_ITEM_KEYS: Final = ("data", "items", "results", "offers")
_TOTAL_KEYS: Final = ("total", "totalCount")
_HAS_MORE_KEYS: Final = ("hasMore", "hasNextPage")

_AbortReason = Literal["deadline", "cancelled"]


def _shutdown_stream(stream: Any) -> None:
    """Wake whoever is blocked reading or writing ``stream``: shut its socket down.

    The shutdown goes to the file descriptor through a second socket object, so that an
    ``ssl.SSLSocket`` is not unwrapped under a thread that is reading it.
    """
    sock = stream.get_extra_info("socket")
    if not isinstance(sock, socket.socket):
        return
    fd = sock.fileno()
    if fd < 0:  # already closed
        return
    with contextlib.suppress(OSError):
        twin = socket.socket(fileno=fd)
        try:
            twin.shutdown(socket.SHUT_RDWR)
        finally:
            twin.detach()


class _Call:
    """One public call in flight (all its attempts): what it sent, how to abort it."""

    def __init__(self, deadline: float) -> None:
        self.deadline = deadline
        self.sent = False
        self.reason: _AbortReason | None = None
        self.aborted = threading.Event()
        self.streams: list[Any] = []
        self.lock = threading.Lock()

    def remaining(self) -> float:
        return self.deadline - time.monotonic()

    def expired(self) -> bool:
        return time.monotonic() >= self.deadline

    def add_stream(self, stream: Any) -> None:
        with self.lock:
            self.streams.append(stream)
            aborted = self.reason is not None
        if aborted:  # connected just after an abort: end it at once
            _shutdown_stream(stream)


class _BoundedBody:
    """Collects a response body, decoding gzip/deflate itself so that the decoded size
    never exceeds ``limit`` (plus one byte, to notice) whatever the compression ratio."""

    def __init__(self, content_encoding: str, limit: int) -> None:
        encoding = content_encoding.strip().lower()
        self.limit = limit
        self.size = 0
        self.exceeded = False
        self._chunks: list[bytes] = []
        self._decoder: Any = None
        self._first = True
        if encoding in ("gzip", "x-gzip"):
            self._decoder = zlib.decompressobj(zlib.MAX_WBITS | 16)
        elif encoding == "deflate":
            self._decoder = zlib.decompressobj()
        elif encoding not in ("", "identity"):
            raise ValueError(f"a body compressed with {encoding!r}, which we did not ask for")
        self._encoding = encoding

    def feed(self, raw: bytes) -> None:
        """Add raw bytes; sets ``exceeded`` (and keeps at most ``limit`` bytes) past the cap."""
        if self._decoder is None:
            self._keep(raw)
            return
        data = raw
        while data and not self.exceeded:
            room = self.limit - self.size + 1
            try:
                out = self._decoder.decompress(data, room)
            except zlib.error:
                if self._encoding == "deflate" and self._first:
                    # "deflate" is sometimes raw deflate without the zlib wrapper.
                    self._decoder = zlib.decompressobj(-zlib.MAX_WBITS)
                    self._first = False
                    continue
                raise
            self._first = False
            self._keep(out)
            data = self._decoder.unconsumed_tail

    def _keep(self, data: bytes) -> None:
        if self.size + len(data) > self.limit:
            self.exceeded = True
            data = data[: self.limit - self.size]
        self.size += len(data)
        if data:
            self._chunks.append(data)

    def body(self) -> bytes:
        return b"".join(self._chunks)


class _ApiKeyAuth(httpx.Auth):
    """Adds ``X-Inflow-Api-Key`` to each request; its repr never shows the key."""

    def __init__(self, api_key: str) -> None:
        self.__api_key = api_key

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers[API_KEY_HEADER] = self.__api_key
        yield request

    def __repr__(self) -> str:
        return f"{type(self).__name__}(api_key=<hidden>)"


def _is_header_safe(value: str) -> bool:
    return all(0x20 <= ord(ch) <= 0x7E for ch in value)


MAX_API_KEY_LENGTH = 1024
"""A longer key is a paste accident; servers refuse such a header (HTTP 431) anyway."""


def _check_api_key(api_key: str) -> str:
    """The key as the header will carry it; ValueError (never quoting it) if it cannot be."""
    if not isinstance(api_key, str):
        raise TypeError("api_key must be a string")
    key = api_key.strip()
    if not key:
        raise ValueError("The Inflow API key is empty.")
    if len(key) > MAX_API_KEY_LENGTH:
        raise ValueError(
            f"The Inflow API key is longer than {MAX_API_KEY_LENGTH:,} characters, "
            "so it cannot be an API key."
        )
    if not _is_header_safe(key) or any(ch.isspace() for ch in key):
        raise ValueError(
            "The Inflow API key contains spaces or characters that cannot be sent over HTTP."
        )
    return key


def _is_loopback_host(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _check_base_url(base_url: str) -> str:
    text = base_url.strip().rstrip("/")
    try:
        url = httpx.URL(text)
    except httpx.InvalidURL:
        raise ValueError(f"{base_url!r} is not a valid URL.") from None
    if url.scheme not in ("http", "https") or not url.host:
        raise ValueError(f"{base_url!r} is not an http(s) URL.")
    if url.query or url.fragment:
        raise ValueError(f"{base_url!r} must not have a query or fragment.")
    if url.scheme == "http" and not _is_loopback_host(url.host):
        raise ValueError(
            f"{base_url!r} uses plain http; the API key is only sent over https "
            "(plain http is allowed for 127.0.0.1/localhost only)."
        )
    return text


def _elapsed_ms(started: float) -> int:
    return round((time.monotonic() - started) * 1000)


@dataclass(frozen=True)
class _OfferPage:
    items: list[object]
    total: int | None = None
    total_is_page_count: bool = False
    total_pages: int | None = None
    has_more: bool | None = None


def _as_int(value: object) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value if value >= 0 else None


def _first_int(sources: list[dict[str, Any]], keys: tuple[str, ...]) -> int | None:
    for source in sources:
        for key in keys:
            found = _as_int(source.get(key))
            if found is not None:
                return found
    return None


def _first_bool(sources: list[dict[str, Any]], keys: tuple[str, ...]) -> bool | None:
    for source in sources:
        for key in keys:
            value = source.get(key)
            if isinstance(value, bool):
                return value
    return None


def _parse_offer_page(data: object, status: int) -> _OfferPage:
    """A bare JSON list, or an envelope with the items under one of ``_ITEM_KEYS``."""
    if isinstance(data, list):
        return _OfferPage(items=data)
    if not isinstance(data, dict):
        raise APIResponseValidationError(
            f"Inflow answered {status} with a list of offers that is neither a list nor an object.",
            status_code=status,
        )
    items: list[object] | None = None
    for key in _ITEM_KEYS:
        value = data.get(key)
        if isinstance(value, list):
            items = value
            break
    if items is None:
        raise APIResponseValidationError(
            f"Inflow answered {status} without a list of offers in the body.", status_code=status
        )
    meta = data.get("meta")
    sources: list[dict[str, Any]] = [data]
    if isinstance(meta, dict):
        sources.append(meta)
    total = _first_int(sources, _TOTAL_KEYS)
    page_count_only = False
    if total is None:
        # `count` is sometimes the total and sometimes the size of this page.
        total = _first_int(sources, ("count",))
        page_count_only = total is not None and total == len(items)
    return _OfferPage(
        items=items,
        total=total,
        total_is_page_count=page_count_only,
        total_pages=_first_int(sources, ("totalPages",)),
        has_more=_first_bool(sources, _HAS_MORE_KEYS),
    )


def _offer_from_item(item: object, path: str, page: int) -> SubscriptionOffer | None:
    """The offer in ``item``, or ``None`` (logged) when it is unusable.

    A field of the wrong type is dropped instead of losing the whole offer.
    """
    if not isinstance(item, dict):
        log.warning("Skipping a non-object entry in the offer list (%s page %d)", path, page)
        return None
    offer_id = item.get("id")
    if not isinstance(offer_id, str) or not offer_id.strip():
        log.warning("Skipping an offer without an id (%s page %d)", path, page)
        return None
    data: dict[str, Any] = dict(item)
    for _ in range(len(data) + 1):
        try:
            return SubscriptionOffer.model_validate(data)
        except ValidationError as exc:
            bad = {
                error["loc"][0]
                for error in exc.errors(include_url=False, include_input=False)
                if error["loc"] and error["loc"][0] != "id"
            }
            bad_keys = {key for key in data if key in bad}
            if not bad_keys:
                break
            log.warning(
                "Offer %s: ignoring field(s) of an unexpected type: %s",
                offer_id,
                ", ".join(sorted(map(str, bad_keys))),
            )
            for key in bad_keys:
                del data[key]
    log.warning("Skipping offer %s that could not be read (%s page %d)", offer_id, path, page)
    return None


def default_ssl_context() -> ssl.SSLContext:
    """Strict verification against the operating system's trust store (``truststore``).

    On Linux that is OpenSSL's default verify paths, which honour ``SSL_CERT_FILE`` and
    ``SSL_CERT_DIR``; on Windows and macOS the system's own verifier.
    """
    context = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.verify_mode = ssl.CERT_REQUIRED
    context.check_hostname = True
    return context


def _mount_pattern(host: str) -> str:
    return f"all://[{host}]" if ":" in host else f"all://{host}"


def _tls_failure(exc: BaseException) -> ssl.SSLCertVerificationError | None:
    """The certificate verification failure behind ``exc``, if that is what it was."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, ssl.SSLCertVerificationError):
            return current
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return None


@dataclass(frozen=True)
class _Answer:
    """A 2xx answer, its body read (capped and decoded)."""

    status_code: int
    content: bytes


def _already_read(response: httpx.Response) -> bytes | None:
    """The body of a response that is not a stream (read already), else None."""
    try:
        return response.content
    except httpx.ResponseNotRead:
        return None


class InflowClient:
    """Synchronous client of the Inflow API over one ``httpx.Client``.

    Safe to use from several threads as long as each method runs one call at a time.
    :meth:`cancel` and :meth:`close` may be called from any thread.

    ``deadline``: seconds one call may take in all (``REQUEST_DEADLINE``). ``ssl_context``: the
    TLS verification to use instead of the OS trust store (tests).
    """

    def __init__(
        self,
        api_key: str,
        base_url: str = DEFAULT_BASE_URL,
        *,
        timeout: httpx.Timeout | None = None,
        transport: httpx.BaseTransport | None = None,
        user_agent: str | None = None,
        deadline: float = REQUEST_DEADLINE,
        ssl_context: ssl.SSLContext | None = None,
    ) -> None:
        key = _check_api_key(api_key)
        self._base_url = _check_base_url(base_url)
        agent = user_agent if user_agent is not None else f"inflow-desk/{__version__}"
        if not agent.strip() or not _is_header_safe(agent):
            raise ValueError("user_agent must be printable ASCII text.")
        if not deadline > 0:
            raise ValueError("deadline must be a positive number of seconds.")
        self._timeout = timeout if timeout is not None else DEFAULT_TIMEOUT
        self._deadline = float(deadline)
        url = httpx.URL(self._base_url)
        self._host = url.host
        self._offer_path: str | None = None
        if ssl_context is None:
            # Plain http is loopback only and never uses TLS: spare loading the trust store.
            ssl_context = (
                default_ssl_context()
                if url.scheme == "https"
                else ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
            )
        # Loopback is never proxied (the demo behind a corporate proxy; a key in clear).
        mounts = {_mount_pattern(self._host): None} if _is_loopback_host(self._host) else None
        self._http = httpx.Client(
            base_url=self._base_url,
            auth=_ApiKeyAuth(key),
            headers={
                "Accept": "application/json",
                "Accept-Encoding": ACCEPT_ENCODING,
                "User-Agent": agent,
            },
            timeout=self._timeout,
            transport=transport,
            mounts=mounts,
            verify=ssl_context,
            follow_redirects=False,
        )
        self._calls: set[_Call] = set()
        # Every connection this client opened (to find the socket of a call on a reused one).
        self._streams: weakref.WeakSet[Any] = weakref.WeakSet()
        self._calls_lock = threading.Lock()
        self._closed = False
        # Only used to scrub the key from error text; never logged or shown.
        self.__secret = key

    # ------------------------------------------------------------------ lifecycle

    @property
    def base_url(self) -> str:
        return self._base_url

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self._base_url!r})"

    def cancel(self) -> None:
        """End every call in flight at once (from any thread); each raises
        :class:`RequestCancelled`. Later calls work as usual."""
        with self._calls_lock:
            calls = list(self._calls)
        for call in calls:
            self._abort(call, "cancelled")

    def close(self) -> None:
        """Cancel the calls in flight and close the connections; later calls raise
        :class:`RequestCancelled`. Safe from any thread."""
        self._closed = True
        self.cancel()
        self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # ------------------------------------------------------------------ public calls

    def create_one_time_session(self, req: OneTimeSessionRequest) -> CheckoutSession:
        """``POST /api/checkout/sessions/one-time-payment``."""
        response = self._send("POST", ONE_TIME_SESSION_PATH, body=req.to_json(), is_get=False)
        return self._parse_session(response)

    def create_subscription_session(
        self, offer_id: str, req: SubscriptionSessionRequest
    ) -> CheckoutSession:
        """``POST /api/checkout/sessions/subscription/{offer_id}``."""
        if not isinstance(offer_id, str) or not offer_id.strip():
            raise ValueError("The subscription offer id is empty.")
        path = SUBSCRIPTION_SESSION_PATH.format(offer_id=quote(offer_id.strip(), safe=""))
        response = self._send("POST", path, body=req.to_json(), is_get=False)
        return self._parse_session(response)

    def check_connection(self) -> None:
        """A cheap authenticated GET; raises the typed error when it fails.

        A 2xx answer must carry JSON: an HTML page (captive portal, wrong base URL) is an
        :class:`APIResponseValidationError`, not a working connection.
        """
        try:
            response = self._send(
                "GET", CONNECTION_CHECK_PATH, params={"page": 1, "limit": 1}, is_get=True
            )
        except APIStatusError as exc:
            if exc.status_code not in _PATH_MISSING_STATUSES:
                raise
            # The check's endpoint is missing here: that says nothing about the key.
            raise ConnectionCheckUnavailable(
                f"{self._host} has no {CONNECTION_CHECK_PATH} to check the key with "
                f"(HTTP {exc.status_code}).",
                status_code=exc.status_code,
                messages=exc.messages,
                error=exc.error,
            ) from None
        self._json(response)

    def list_payments(self, *, page: int = 1, limit: int = PAYMENTS_PAGE_LIMIT) -> list[Payment]:
        """``GET /api/payment?page=&limit=`` (inflow-api.md §3.7): the payments of one page.

        The envelope is undocumented: ``{"data": [...]}`` or a bare list are read. Items that
        lack what matching needs (id, amount, currency, status, creation instant) are skipped.
        """
        response = self._send(
            "GET", PAYMENT_LIST_PATH, params={"page": page, "limit": limit}, is_get=True
        )
        data = self._json(response)
        items = data.get("data") if isinstance(data, dict) else data
        if not isinstance(items, list):
            raise APIResponseValidationError(
                f"Inflow answered {response.status_code} without a list of payments.",
                status_code=response.status_code,
            )
        payments = [payment for item in items if (payment := parse_payment(item)) is not None]
        if len(payments) < len(items):
            log.info("Skipped %d unusable payments of %d", len(items) - len(payments), len(items))
        return payments

    def read_session_status(self, session_id: str) -> str | None:
        """``GET /api/checkout/sessions/{id}`` — undocumented (inflow-api.md §3.3), so probed:
        the session's ``status``, or None when the server has no such read (404/405) or
        answers without a status. Other errors raise as usual."""
        path = SESSION_READ_PATH.format(session_id=quote(session_id, safe=""))
        try:
            response = self._send("GET", path, is_get=True)
        except APIStatusError as exc:
            if exc.status_code in _PATH_MISSING_STATUSES:
                return None
            raise
        try:
            data = self._json(response)
        except APIResponseValidationError:
            return None
        status = data.get("status") if isinstance(data, dict) else None
        return status.strip() if isinstance(status, str) and status.strip() else None

    def list_subscription_offers(
        self, *, on_page: OfferPageCallback | None = None
    ) -> list[SubscriptionOffer]:
        """Every subscription offer of the account, each once, in the server's order.

        The listing path is undocumented: ``OFFER_LIST_PATHS`` are tried in order and the one
        that answers is remembered. ``on_page`` receives each page's new offers as they arrive.
        Raises :class:`OfferListingUnavailable` when no candidate path exists.
        """
        path, response = self._first_offer_page()
        offers: list[SubscriptionOffer] = []
        seen: set[str] = set()
        received = 0
        page_number = 1
        while True:
            page = _parse_offer_page(self._json(response), response.status_code)
            received += len(page.items)
            new: list[SubscriptionOffer] = []
            for item in page.items:
                offer = _offer_from_item(item, path, page_number)
                if offer is not None and offer.id not in seen:
                    seen.add(offer.id)
                    new.append(offer)
            offers.extend(new)
            if new and on_page is not None:
                on_page(new)
            stop = self._offer_paging_stop(page, new, received, page_number)
            if stop is not None:
                log.debug("Offer listing stops after page %d: %s", page_number, stop)
                break
            page_number += 1
            response = self._get_offer_page(path, page_number)
        log.info("Listed %d subscription offers from %s", len(offers), path)
        return offers

    # ------------------------------------------------------------------ offers

    def _get_offer_page(self, path: str, page: int) -> _Answer:
        return self._send(
            "GET",
            path,
            params={"page": page, "limit": OFFERS_PAGE_LIMIT},
            is_get=True,
            max_bytes=MAX_OFFER_PAGE_BYTES,
        )

    def _first_offer_page(self) -> tuple[str, _Answer]:
        candidates = list(OFFER_LIST_PATHS)
        if self._offer_path in candidates:
            candidates.remove(self._offer_path)
            candidates.insert(0, self._offer_path)
        for path in candidates:
            try:
                response = self._get_offer_page(path, 1)
            except APIStatusError as exc:
                if exc.status_code not in _PATH_MISSING_STATUSES:
                    raise
                log.info("No offer listing at %s (HTTP %d)", path, exc.status_code)
                continue
            self._offer_path = path
            return path, response
        self._offer_path = None
        raise OfferListingUnavailable(paths=tuple(candidates))

    @staticmethod
    def _offer_paging_stop(
        page: _OfferPage, new: list[SubscriptionOffer], received: int, page_number: int
    ) -> str | None:
        """Why paging ends after this page, or ``None`` to fetch the next one."""
        if not page.items:
            return "empty page"
        if not new:
            return "no new offers on this page (the server may ignore paging)"
        if page_number >= MAX_OFFER_PAGES:
            log.warning("Offer listing stopped at the limit of %d pages", MAX_OFFER_PAGES)
            return "page limit"
        if page.has_more is not None:
            return None if page.has_more else "server says there are no more pages"
        if page.total_pages is not None:
            return None if page_number < page.total_pages else "last page per totalPages"
        if page.total is not None and not (
            page.total_is_page_count and len(page.items) >= OFFERS_PAGE_LIMIT
        ):
            return None if received < page.total else "total reached"
        if len(page.items) < OFFERS_PAGE_LIMIT:
            return "short page"
        return None

    # ------------------------------------------------------------------ plumbing

    def _send(
        self,
        method: str,
        path: str,
        *,
        is_get: bool,
        params: dict[str, int] | None = None,
        body: dict[str, object] | None = None,
        max_bytes: int = MAX_RESPONSE_BYTES,
    ) -> _Answer:
        """Send one request under the retry policy and the deadline; a 2xx answer with its
        body read, or a typed error."""
        content: bytes | None = None
        headers: dict[str, str] | None = None
        if body is not None:
            content = json.dumps(body, separators=(",", ":")).encode("utf-8")
            headers = {"Content-Type": "application/json"}
        call = _Call(time.monotonic() + self._deadline)
        with self._calls_lock:
            if self._closed:
                raise RequestCancelled(
                    f"The connection to {self._host} was closed.", request_sent=False
                )
            self._calls.add(call)
        watchdog = threading.Timer(self._deadline, self._abort, args=(call, "deadline"))
        watchdog.daemon = True
        watchdog.start()
        try:
            return self._send_with_retries(
                method, path, call, is_get, params, content, headers, max_bytes
            )
        finally:
            watchdog.cancel()
            with self._calls_lock:
                self._calls.discard(call)

    def _send_with_retries(
        self,
        method: str,
        path: str,
        call: _Call,
        is_get: bool,
        params: dict[str, int] | None,
        content: bytes | None,
        headers: dict[str, str] | None,
        max_bytes: int,
    ) -> _Answer:
        connect_retries = 0
        rate_limit_retries = 0
        while True:
            started = time.monotonic()
            try:
                status, reason, body, response = self._attempt(
                    method, path, call, params, content, headers, max_bytes
                )
            except (httpx.HTTPError, httpx.InvalidURL) as exc:
                if call.reason is not None:  # cancelled, or the deadline passed
                    raise self._abort_error(call) from None
                error = self._connection_error(exc)
                log.warning(
                    "%s %s failed after %d ms: %s", method, path, _elapsed_ms(started), error
                )
                # A refused tunnel or certificate fails the same way the second time.
                retryable = not isinstance(error, ProxyRefusedError | TLSVerificationError) and (
                    isinstance(exc, _RETRYABLE_NOT_SENT)
                    or (
                        is_get
                        and isinstance(exc, httpx.TransportError)
                        and not isinstance(exc, httpx.TimeoutException)
                    )
                )
                if retryable and connect_retries < CONNECT_RETRIES and not call.expired():
                    connect_retries += 1
                    log.info("Retrying %s %s once", method, path)
                    continue
                raise error from None
            except Exception:
                # A socket shut down under a reader may surface oddly; so may a closed client.
                if call.reason is not None or self._closed:
                    self._abort(call, "cancelled")
                    raise self._abort_error(call) from None
                raise
            log.info("%s %s -> %d (%d ms)", method, path, status, _elapsed_ms(started))
            if log.isEnabledFor(logging.DEBUG):
                text = body[:MAX_LOGGED_BODY].decode("utf-8", errors="replace")
                log.debug("%s %s response body: %s", method, path, redact(text, self.__secret))
            if 200 <= status < 300:
                if reason is not None:
                    raise ResponseTooLargeError(
                        f"Inflow answered {status} with {reason}; it was not read.",
                        status_code=status,
                        limit=max_bytes,
                    )
                return _Answer(status, body)
            status_error = make_status_error(response, body)
            if (
                is_get
                and isinstance(status_error, RateLimitError)
                and status_error.retry_after is not None
                and status_error.retry_after <= MAX_RATE_LIMIT_WAIT
                and status_error.retry_after < call.remaining()
                and rate_limit_retries < 1
            ):
                rate_limit_retries += 1
                log.info(
                    "Rate limited on %s %s; retrying in %.1f s",
                    method,
                    path,
                    status_error.retry_after,
                )
                if call.aborted.wait(status_error.retry_after):
                    raise self._abort_error(call) from None
                continue
            raise status_error

    def _attempt(
        self,
        method: str,
        path: str,
        call: _Call,
        params: dict[str, int] | None,
        content: bytes | None,
        headers: dict[str, str] | None,
        max_bytes: int,
    ) -> tuple[int, str | None, bytes, httpx.Response]:
        """One request: (status, why the body was refused or None, body, response).

        The per-phase timeouts are cut to what is left of the deadline; the body is read
        in raw chunks and decoded here, under ``max_bytes`` (``MAX_ERROR_BODY_BYTES`` for
        an error answer, which is then cut rather than refused).
        """
        left = max(call.remaining(), 0.001)
        t = self._timeout
        timeout = httpx.Timeout(
            connect=min(t.connect or left, left),
            read=min(t.read or left, left),
            write=min(t.write or left, left),
            pool=min(t.pool or left, left),
        )

        def trace(event: str, info: dict[str, Any]) -> None:
            if event.endswith("send_request_headers.started"):
                request = info.get("request")
                if getattr(request, "method", b"") != b"CONNECT":
                    call.sent = True
            elif event.endswith(".complete"):
                stream = info.get("return_value")
                if hasattr(stream, "get_extra_info"):
                    self._streams.add(stream)
                    call.add_stream(stream)

        request = self._http.build_request(
            method,
            path,
            params=params,
            content=content,
            headers=headers,
            timeout=timeout,
            extensions={"trace": trace},
        )
        response = self._http.send(request, stream=True)
        try:
            stream = response.extensions.get("network_stream")
            if stream is not None:
                call.add_stream(stream)
            status = response.status_code
            success = 200 <= status < 300
            limit = max_bytes if success else MAX_ERROR_BODY_BYTES
            in_memory = _already_read(response)  # a response a mock transport built
            if in_memory is not None:
                if len(in_memory) > limit:
                    refused = f"a body over {max_bytes:,} bytes" if success else None
                    return status, refused, in_memory[:limit], response
                return status, None, in_memory, response
            try:
                collector = _BoundedBody(response.headers.get("Content-Encoding", ""), limit)
            except ValueError as exc:
                if success:
                    return status, str(exc), b"", response
                return status, None, b"", response
            try:
                for chunk in response.iter_raw():
                    collector.feed(chunk)
                    if collector.exceeded:
                        break
                    if call.expired():
                        self._abort(call, "deadline")
                        break
            except zlib.error:
                if success:
                    return status, "a body that could not be decompressed", b"", response
                return status, None, b"", response
            if call.reason is not None:
                raise self._abort_error(call)
            refused = None
            if collector.exceeded and success:
                refused = f"a body over {max_bytes:,} bytes"
            return status, refused, collector.body(), response
        finally:
            response.close()

    def _abort(self, call: _Call, reason: _AbortReason) -> None:
        """Make ``call`` fail now: shut down its socket (from any thread)."""
        with call.lock:
            if call.reason is not None:
                return
            call.reason = reason
            streams = list(call.streams)
        call.aborted.set()
        if not streams:
            # Before the answer, on a reused connection, the call's socket is not known: end
            # the client's connections that no other call is known to be using.
            with self._calls_lock:
                others = {id(s) for c in self._calls if c is not call for s in c.streams}
            streams = [s for s in list(self._streams) if id(s) not in others]
        log.info("Aborting a request to %s (%s)", self._host, reason)
        for stream in streams:
            _shutdown_stream(stream)

    def _abort_error(self, call: _Call) -> APIConnectionError:
        if call.reason == "deadline":
            return APITimeoutError(
                f"{self._host} did not answer completely within {self._deadline:g} s.",
                request_sent=call.sent,
            )
        return RequestCancelled(
            f"The request to {self._host} was cancelled.", request_sent=call.sent
        )

    def _connection_error(self, exc: httpx.HTTPError | httpx.InvalidURL) -> APIConnectionError:
        detail = redact(str(exc), self.__secret).strip() or type(exc).__name__
        if len(detail) > 200:
            detail = detail[:199] + "…"
        host = self._host
        if isinstance(exc, httpx.ProxyError):
            return ProxyRefusedError(
                f"The proxy refused to connect to {host} ({detail}); nothing was sent.",
                proxy_status=detail,
            )
        failure = _tls_failure(exc)
        if failure is not None:
            reason = redact(str(failure.verify_message or failure.reason or failure), self.__secret)
            return TLSVerificationError(
                f"The certificate of {host} is not trusted by this computer ({reason}).",
                reason=reason,
            )
        if isinstance(exc, httpx.ConnectTimeout):
            return APITimeoutError(f"Timed out connecting to {host}.", request_sent=False)
        if isinstance(exc, httpx.PoolTimeout):
            return APITimeoutError(
                "Timed out waiting for a free connection to Inflow.", request_sent=False
            )
        if isinstance(exc, httpx.ReadTimeout):
            return APITimeoutError(
                f"{host} did not answer in time (read timeout {self._timeout.read} s).",
                request_sent=True,
            )
        if isinstance(exc, httpx.TimeoutException):
            return APITimeoutError(f"Timed out sending the request to {host}.", request_sent=True)
        if isinstance(exc, _NOT_SENT):
            return APIConnectionError(
                f"Could not connect to {host} ({detail}).", request_sent=False
            )
        if isinstance(exc, httpx.InvalidURL):
            return APIConnectionError(f"Invalid request URL ({detail}).", request_sent=False)
        return APIConnectionError(
            f"The connection to {host} broke before a complete answer arrived ({detail}).",
            request_sent=True,
        )

    @staticmethod
    def _json(response: _Answer) -> object:
        status = response.status_code
        if not response.content.strip():
            raise APIResponseValidationError(
                f"Inflow answered {status} with an empty body.", status_code=status
            )
        try:
            return json.loads(response.content)
        except (ValueError, RecursionError):
            raise APIResponseValidationError(
                f"Inflow answered {status} with a body that is not valid JSON.",
                status_code=status,
            ) from None

    def _parse_session(self, response: _Answer) -> CheckoutSession:
        status = response.status_code
        data = self._json(response)
        if not isinstance(data, dict):
            raise APIResponseValidationError(
                f"Inflow answered {status} with a JSON body that is not an object.",
                status_code=status,
            )
        try:
            return CheckoutSession.model_validate(data)
        except ValidationError as exc:
            problems = "; ".join(
                f"{'.'.join(map(str, error['loc'])) or 'body'}: {error['msg']}"
                for error in exc.errors(include_url=False, include_input=False)
            )
        raise APIResponseValidationError(
            f"Inflow answered {status} without a usable checkout session ({problems}).",
            status_code=status,
        )
