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
"""

from __future__ import annotations

import ipaddress
import json
import logging
import time
from collections.abc import Callable, Generator
from dataclasses import dataclass
from types import TracebackType
from typing import TYPE_CHECKING, Any, Final, Self
from urllib.parse import quote

import httpx
from pydantic import ValidationError

from inflow_desk import __version__
from inflow_desk.api._constants import (
    API_KEY_HEADER,
    CONNECT_RETRIES,
    CONNECT_TIMEOUT,
    CONNECTION_CHECK_PATH,
    DEFAULT_BASE_URL,
    MAX_LOGGED_BODY,
    MAX_OFFER_PAGES,
    MAX_RATE_LIMIT_WAIT,
    OFFER_LIST_PATHS,
    OFFERS_PAGE_LIMIT,
    ONE_TIME_SESSION_PATH,
    POOL_TIMEOUT,
    READ_TIMEOUT,
    SUBSCRIPTION_SESSION_PATH,
    WRITE_TIMEOUT,
)
from inflow_desk.api.errors import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    OfferListingUnavailable,
    RateLimitError,
    make_status_error,
    redact,
)
from inflow_desk.api.models import CheckoutSession, SubscriptionOffer

if TYPE_CHECKING:
    from inflow_desk.domain.models import OneTimeSessionRequest, SubscriptionSessionRequest

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
)
# Of those, the ones worth one more attempt.
_RETRYABLE_NOT_SENT: Final = (httpx.ConnectError, httpx.ConnectTimeout)

# Statuses that mean "this listing path does not exist".
_PATH_MISSING_STATUSES: Final = frozenset({404, 405})

_ITEM_KEYS: Final = ("data", "items", "results", "offers")
_TOTAL_KEYS: Final = ("total", "totalCount")
_HAS_MORE_KEYS: Final = ("hasMore", "hasNextPage")


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


def _check_api_key(api_key: str) -> str:
    if not isinstance(api_key, str):
        raise TypeError("api_key must be a string")
    key = api_key.strip()
    if not key:
        raise ValueError("The Inflow API key is empty.")
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


class InflowClient:
    """Synchronous client of the Inflow API over one ``httpx.Client``.

    Safe to use from several threads as long as each method runs one call at a time.
    """

    def __init__(
        self,
        api_key: str,
        base_url: str = DEFAULT_BASE_URL,
        *,
        timeout: httpx.Timeout | None = None,
        transport: httpx.BaseTransport | None = None,
        user_agent: str | None = None,
    ) -> None:
        key = _check_api_key(api_key)
        self._base_url = _check_base_url(base_url)
        agent = user_agent if user_agent is not None else f"inflow-desk/{__version__}"
        if not agent.strip() or not _is_header_safe(agent):
            raise ValueError("user_agent must be printable ASCII text.")
        self._timeout = timeout if timeout is not None else DEFAULT_TIMEOUT
        self._host = httpx.URL(self._base_url).host
        self._offer_path: str | None = None
        self._http = httpx.Client(
            base_url=self._base_url,
            auth=_ApiKeyAuth(key),
            headers={"Accept": "application/json", "User-Agent": agent},
            timeout=self._timeout,
            transport=transport,
            follow_redirects=False,
        )
        # Only used to scrub the key from error text; never logged or shown.
        self.__secret = key

    # ------------------------------------------------------------------ lifecycle

    @property
    def base_url(self) -> str:
        return self._base_url

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self._base_url!r})"

    def close(self) -> None:
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
        response = self._send(
            "GET", CONNECTION_CHECK_PATH, params={"page": 1, "limit": 1}, is_get=True
        )
        self._json(response)

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

    def _get_offer_page(self, path: str, page: int) -> httpx.Response:
        return self._send(
            "GET", path, params={"page": page, "limit": OFFERS_PAGE_LIMIT}, is_get=True
        )

    def _first_offer_page(self) -> tuple[str, httpx.Response]:
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
    ) -> httpx.Response:
        """Send one request under the retry policy; a 2xx response, or a typed error."""
        content: bytes | None = None
        headers: dict[str, str] | None = None
        if body is not None:
            content = json.dumps(body, separators=(",", ":")).encode("utf-8")
            headers = {"Content-Type": "application/json"}
        connect_retries = 0
        rate_limit_retries = 0
        while True:
            started = time.monotonic()
            try:
                response = self._http.request(
                    method, path, params=params, content=content, headers=headers
                )
            except (httpx.HTTPError, httpx.InvalidURL) as exc:
                error = self._connection_error(exc)
                log.warning(
                    "%s %s failed after %d ms: %s", method, path, _elapsed_ms(started), error
                )
                retryable = isinstance(exc, _RETRYABLE_NOT_SENT) or (
                    is_get
                    and isinstance(exc, httpx.TransportError)
                    and not isinstance(exc, httpx.TimeoutException)
                )
                if retryable and connect_retries < CONNECT_RETRIES:
                    connect_retries += 1
                    log.info("Retrying %s %s once", method, path)
                    continue
                raise error from None
            log.info(
                "%s %s -> %d (%d ms)", method, path, response.status_code, _elapsed_ms(started)
            )
            if log.isEnabledFor(logging.DEBUG):
                text = redact(response.text[:MAX_LOGGED_BODY], self.__secret)
                log.debug("%s %s response body: %s", method, path, text)
            if response.is_success:
                return response
            status_error = make_status_error(response)
            if (
                is_get
                and isinstance(status_error, RateLimitError)
                and status_error.retry_after is not None
                and status_error.retry_after <= MAX_RATE_LIMIT_WAIT
                and rate_limit_retries < 1
            ):
                rate_limit_retries += 1
                log.info(
                    "Rate limited on %s %s; retrying in %.1f s",
                    method,
                    path,
                    status_error.retry_after,
                )
                time.sleep(status_error.retry_after)
                continue
            raise status_error

    def _connection_error(self, exc: httpx.HTTPError | httpx.InvalidURL) -> APIConnectionError:
        detail = redact(str(exc), self.__secret).strip() or type(exc).__name__
        if len(detail) > 200:
            detail = detail[:199] + "…"
        host = self._host
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
    def _json(response: httpx.Response) -> object:
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

    def _parse_session(self, response: httpx.Response) -> CheckoutSession:
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
