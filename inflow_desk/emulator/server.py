"""A local HTTP emulator of the documented Inflow endpoints (stdlib only).

Used by demo mode, by the tests of every layer and by benchmarks. It validates requests with
its own rules (``validation.py``, written from ../shared/inflow-api.md), so it catches our
client's bugs instead of repeating them.

Endpoints (all require ``X-Inflow-Api-Key: <api_key>``, else 401):

- ``POST /api/checkout/sessions/one-time-payment`` → 201 ``{sessionId, checkoutUrl}``;
  400 ``{"statusCode": 400, "message": [...all problems...], "error": "Bad Request"}``.
  A body that is not ``application/json`` is ignored (treated as ``{}``), as Express does.
- ``POST /api/checkout/sessions/subscription/{offerId}`` → 201 same shape; 400 for a bad body
  or an archived offer; 404 for an unknown offer.
- ``GET`` each path in ``offer_list_paths`` (default ``/subscription/offer``), ``page``/``limit``
  → ``{"data", "total", "page", "limit"}`` (``offer_list_shape="envelope"``) or a bare list.
- ``GET /subscription/offer/{id}`` (and ``<list path>/{id}``) → the offer, or 404.
- ``GET /api/payment?page=&limit=`` → ``{"data", "total", "page", "limit"}``, newest first
  (inflow-api.md §3.7); ``GET /api/payment/{id}`` → the payment, or 404.
- ``GET /api/checkout/sessions/{id}`` → 404 ``Cannot GET`` like Inflow today (§3.3), unless
  ``session_reads`` is set: then ``{sessionId, checkoutUrl, status}`` (``open``/``paid``/
  ``failed``/``expired``).

Paying (not Inflow's API; no key needed, loopback only):

- ``pay_session(session_id, outcome)`` in Python;
- ``POST /_emulator/sessions/{id}/pay`` with ``{"outcome": "paid" | "failed"}`` (JSON or form);
- a minimal hosted checkout page, ``GET /pay/{id}`` with Pay / Fail buttons (``POST /pay/{id}``).
  Links point at it when ``checkout_base_url`` is set to ``base_url + "/pay/"`` (demo mode).
- Anything else → 404 ``Cannot <METHOD> <path>``. Bodies over 1 MiB → 413.

Faults: see ``faults.py``. Each request is recorded (``requests``, the last
``MAX_RECORDED_REQUESTS``) before any fault applies. With an ``ssl_context`` the emulator speaks
HTTPS (tests of certificate verification).
"""

from __future__ import annotations

import contextlib
import functools
import http
import json
import logging
import secrets
import selectors
import socket
import ssl
import string
import struct
import threading
import time
import zlib
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Literal, cast
from urllib.parse import parse_qs, unquote, urlsplit

from .faults import Fault, FaultQueue
from .seed import generate_offers
from .validation import validate_one_time, validate_paging, validate_subscription

logger = logging.getLogger(__name__)

API_KEY_HEADER = "X-Inflow-Api-Key"
CHECKOUT_BASE_URL = "https://checkout.inflowpay.com/pay/"
MAX_BODY_BYTES = 1024 * 1024
_MAX_DISCARD_BYTES = 64 * 1024 * 1024
_ONE_TIME_PATH = "/api/checkout/sessions/one-time-payment"
_SUBSCRIPTION_PREFIX = "/api/checkout/sessions/subscription/"
_OFFER_PATH = "/subscription/offer"
_PAYMENT_PATH = "/api/payment"
_SESSION_PREFIX = "/api/checkout/sessions"
_CONTROL_PREFIX = "/_emulator/sessions/"
_PAGE_PREFIX = "/pay"
#: What a paid / failed attempt is stamped with (inflow-api.md §3.7).
PAYMENT_OUTCOMES = {"paid": "CHECKOUT_SUCCESS", "failed": "PAYMENT_FAILED"}
_ALNUM = string.ascii_letters + string.digits
MAX_RECORDED_REQUESTS = 1000
"""Requests kept in ``InflowEmulator.requests`` (about 5.6 KB each): the newest ones."""
REQUEST_QUEUE_SIZE = 128
"""Listen backlog: parallel clients of the standalone emulator wait instead of being refused."""
_BOMB_BLOCK = 1024 * 1024
_BOMB_BLOCKS_PER_WRITE = 64
# A gzip member header: magic, deflate, no flags, no mtime, no extra flags, unknown OS.
_GZIP_HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"
_DEFLATE_EMPTY_FINAL_BLOCK = b"\x03\x00"

OfferListShape = Literal["list", "envelope"]
#: Fault kinds that still let the normal handler answer (see ``faults.py``).
_ANSWERING_FAULTS = ("latency", "drip", "checkout_url")


@dataclass(frozen=True)
class RecordedRequest:
    """One request as the emulator received it."""

    method: str
    path: str  # without the query string, not percent-decoded
    query: dict[str, list[str]]
    headers: dict[str, str]  # lower-case names
    body: bytes
    json: Any | None  # the parsed body, or None when empty or not JSON


def _reason(status: int) -> str:
    try:
        return http.HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def _error_body(status: int, message: str | list[str]) -> dict[str, Any]:
    return {"statusCode": status, "message": message, "error": _reason(status)}


def _new_session_id() -> str:
    return "sess_" + "".join(secrets.choice(_ALNUM) for _ in range(16))


def _format_seconds(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


@functools.cache
def _deflated_spaces(count: int) -> bytes:
    """``count`` spaces as raw deflate data ending at a byte boundary with a fresh state.

    A full flush resets the compressor, so these bytes can be repeated back to back.
    """
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return compressor.compress(b" " * count) + compressor.flush(zlib.Z_FULL_FLUSH)


def _gzip_bomb(size: int) -> Iterator[bytes]:
    """A gzip body of ``size`` spaces (valid JSON whitespace), generated as it is sent.

    One compressed 1 MiB block is repeated, so even 1 GiB costs a few milliseconds unless
    the client reads it all (then the CRC, ~0.25 s per GiB, is computed at the end).
    """
    blocks, rest = divmod(size, _BOMB_BLOCK)
    yield _GZIP_HEADER
    block = _deflated_spaces(_BOMB_BLOCK)
    for start in range(0, blocks, _BOMB_BLOCKS_PER_WRITE):
        yield block * min(_BOMB_BLOCKS_PER_WRITE, blocks - start)
    if rest:
        yield _deflated_spaces(rest)
    crc = 0
    spaces = b" " * _BOMB_BLOCK
    for _ in range(blocks):
        crc = zlib.crc32(spaces, crc)
    crc = zlib.crc32(spaces[:rest], crc)
    yield _DEFLATE_EMPTY_FINAL_BLOCK + struct.pack("<II", crc, size & 0xFFFFFFFF)


def _reject_constant(name: str) -> Any:
    raise ValueError(f"Unexpected token {name} in JSON")


def _parse_json(body: bytes) -> Any:
    """Strict JSON (no NaN/Infinity); raises ValueError."""
    return json.loads(body.decode("utf-8"), parse_constant=_reject_constant)


class _Response:
    """What a route handler wants sent back."""

    def __init__(
        self,
        status: int,
        payload: Any = None,
        *,
        raw: bytes | None = None,
        content_type: str = "application/json; charset=utf-8",
        headers: dict[str, str] | None = None,
    ) -> None:
        self.status = status
        self.body = raw if raw is not None else json.dumps(payload).encode("utf-8")
        self.content_type = content_type
        self.headers = headers or {}


def _with_checkout_url(response: _Response, checkout_url: str) -> _Response:
    """``response`` with a 201's ``checkoutUrl`` replaced (other answers as they are)."""
    if response.status != 201:
        return response
    try:
        payload = json.loads(response.body)
    except ValueError:
        return response
    if not isinstance(payload, dict) or "checkoutUrl" not in payload:
        return response
    payload["checkoutUrl"] = checkout_url
    return _Response(201, payload, headers=response.headers)


def _iso_ms(moment: float) -> str:
    """``2025-01-15T10:30:00.000Z`` (inflow-api.md §1)."""
    stamp = time.gmtime(moment)
    millis = int((moment % 1) * 1000)  # truncated, so never 1000
    return time.strftime("%Y-%m-%dT%H:%M:%S", stamp) + f".{millis:03d}Z"


def _html_escape(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def _single_segment_after(path: str, prefixes: tuple[str, ...]) -> str | None:
    """The one path segment after any of ``prefixes`` (``/p/{segment}``), if that is the path."""
    for prefix in prefixes:
        if path.startswith(prefix + "/"):
            rest = path[len(prefix) + 1 :]
            if rest and "/" not in rest:
                return rest
    return None


def _not_found_route(method: str, path: str) -> _Response:
    return _Response(404, _error_body(404, f"Cannot {method} {path}"))


class _Server(ThreadingHTTPServer):
    timeout = 0.05  # handle_request() never blocks long, even on a spurious wake-up
    daemon_threads = True
    block_on_close = False
    allow_reuse_address = True
    request_queue_size = REQUEST_QUEUE_SIZE

    def __init__(
        self,
        address: tuple[str, int],
        emulator: InflowEmulator,
        listening: socket.socket | None = None,
    ) -> None:
        if listening is not None:
            self.address_family = listening.family
        elif ":" in address[0]:
            self.address_family = socket.AF_INET6
        self.emulator = emulator
        super().__init__(address, _Handler, bind_and_activate=listening is None)
        if listening is not None:  # already bound and listening: adopt it
            self.socket.close()
            self.socket = listening
            self.server_address = listening.getsockname()

    def get_request(self) -> tuple[socket.socket, Any]:
        connection, address = super().get_request()
        context = self.emulator.ssl_context
        if context is not None:
            # The handshake happens in the handler's thread (_Handler.setup), not here.
            connection = context.wrap_socket(
                connection, server_side=True, do_handshake_on_connect=False
            )
        return connection, address

    def handle_error(self, request: Any, client_address: Any) -> None:  # noqa: ARG002
        logger.debug("connection error from %s", client_address, exc_info=True)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    server_version = "InflowEmulator/1.0"
    sys_version = ""

    @property
    def emulator(self) -> InflowEmulator:
        return cast(_Server, self.server).emulator

    # ---------------------------------------------------------------- plumbing
    def setup(self) -> None:
        if isinstance(self.request, ssl.SSLSocket):
            self.request.do_handshake()  # a refused certificate ends the connection here
        super().setup()
        self.emulator._track_connection(self.connection, add=True)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.emulator._track_connection(self.connection, add=False)

    def log_message(self, format: str, *args: Any) -> None:
        logger.debug("%s - " + format, self.address_string(), *args)

    def do_GET(self) -> None:
        self._handle("GET")

    def do_HEAD(self) -> None:
        self._handle("HEAD")

    def do_POST(self) -> None:
        self._handle("POST")

    def do_PUT(self) -> None:
        self._handle("PUT")

    def do_PATCH(self) -> None:
        self._handle("PATCH")

    def do_DELETE(self) -> None:
        self._handle("DELETE")

    def do_OPTIONS(self) -> None:
        self._handle("OPTIONS")

    def _read_chunked(self) -> bytes | None:
        """Decode a chunked body; None if it is malformed or too large."""
        chunks: list[bytes] = []
        size_total = 0
        while True:
            line = self.rfile.readline(1024)
            try:
                size = int(line.split(b";", 1)[0].strip(), 16)
            except ValueError:
                return None
            if size == 0:
                while self.rfile.readline(1024) not in (b"\r\n", b"\n", b""):
                    pass  # trailers
                return b"".join(chunks)
            size_total += size
            if size_total > _MAX_DISCARD_BYTES:
                return None
            chunks.append(self.rfile.read(size))
            self.rfile.readline(1024)

    def _read_body(self) -> tuple[bytes, bool] | None:
        """(body, too_large); None when the framing is broken (connection must close)."""
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            body = self._read_chunked()
            if body is None:
                return None
            return (b"", True) if len(body) > MAX_BODY_BYTES else (body, False)
        raw_length = self.headers.get("Content-Length")
        if raw_length is None:
            return b"", False
        try:
            length = int(raw_length)
        except ValueError:
            return None
        if length < 0:
            return None
        if length > MAX_BODY_BYTES:
            if length > _MAX_DISCARD_BYTES:
                return None
            remaining = length
            while remaining > 0:
                chunk = self.rfile.read(min(remaining, 65536))
                if not chunk:
                    return None
                remaining -= len(chunk)
            return b"", True
        return self.rfile.read(length), False

    def _send(self, response: _Response, *, head_only: bool = False) -> None:
        self.send_response(response.status)
        self.send_header("Content-Type", response.content_type)
        self.send_header("Content-Length", str(len(response.body)))
        for name, value in response.headers.items():
            self.send_header(name, value)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if not head_only:
            self.wfile.write(response.body)

    # ---------------------------------------------------------------- request flow
    def _handle(self, method: str) -> None:
        read = self._read_body()
        if read is None:
            self.close_connection = True
            self._send(_Response(400, _error_body(400, "Bad Request")))
            return
        body, too_large = read
        split = urlsplit(self.path)
        path = split.path or "/"
        parsed: Any | None = None
        if body:
            try:
                parsed = _parse_json(body)
            except ValueError:
                parsed = None
        headers: dict[str, str] = {}
        for name, value in self.headers.items():
            key = name.lower()
            headers[key] = f"{headers[key]}, {value}" if key in headers else value
        self.emulator._record(
            RecordedRequest(
                method=method,
                path=path,
                query=parse_qs(split.query, keep_blank_values=True),
                headers=headers,
                body=body,
                json=parsed,
            )
        )
        fault = self.emulator._faults.take(method, path)
        if fault is not None:
            if fault.delay > 0 and self.emulator._stopping.wait(fault.delay):
                self.close_connection = True  # stopping: leave without an answer
                return
            if self.emulator._stopping.is_set():
                self.close_connection = True
                return
            if fault.kind not in _ANSWERING_FAULTS:
                self._apply_fault(fault)
                return
        if too_large:
            response = _Response(413, _error_body(413, "request entity too large"))
        else:
            try:
                response = self._route(method, path, split.query, headers, body)
            except Exception:
                logger.exception("emulator route failed for %s %s", method, path)
                response = _Response(500, _error_body(500, "Internal server error"))
        if fault is not None and fault.kind == "checkout_url":
            response = _with_checkout_url(response, fault.checkout_url)
        if fault is not None and fault.kind == "drip":
            self._drip(response, fault.interval, head_only=method == "HEAD")
        else:
            self._send(response, head_only=method == "HEAD")

    def _drip(self, response: _Response, interval: float, *, head_only: bool) -> None:
        """Send ``response`` one byte every ``interval`` seconds, then close the connection."""
        self.close_connection = True
        lines = [
            f"HTTP/1.1 {response.status} {_reason(response.status)}",
            f"Server: {self.version_string()}",
            f"Content-Type: {response.content_type}",
            f"Content-Length: {len(response.body)}",
            *(f"{name}: {value}" for name, value in response.headers.items()),
            "Connection: close",
        ]
        data = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
        if not head_only:
            data += response.body
        with contextlib.suppress(OSError):
            for index in range(len(data)):
                if self.emulator._stopping.wait(interval):
                    return
                self.wfile.write(data[index : index + 1])

    def _send_gzip_bomb(self, status: int, size: int) -> None:
        self.close_connection = True
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Transfer-Encoding", "chunked")
        self.send_header("Connection", "close")
        self.end_headers()
        with contextlib.suppress(OSError):  # the client stopped reading: that is the point
            for piece in _gzip_bomb(size):
                if self.emulator._stopping.is_set():
                    return
                self.wfile.write(b"%x\r\n%b\r\n" % (len(piece), piece))
            self.wfile.write(b"0\r\n\r\n")

    def _apply_fault(self, fault: Fault) -> None:
        kind = fault.kind
        if kind == "drop_connection":
            self.close_connection = True
            with contextlib.suppress(OSError):
                self.connection.shutdown(socket.SHUT_RDWR)
            return
        if kind == "status":
            message: str | list[str]
            if isinstance(fault.message, tuple):
                message = list(fault.message)
            elif fault.message is not None:
                message = fault.message
            else:
                message = "Internal server error" if fault.status == 500 else _reason(fault.status)
            self._send(_Response(fault.status, _error_body(fault.status, message)))
        elif kind == "html":
            title = f"{fault.status} {_reason(fault.status)}"
            page = (
                f"<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n"
                f"<center><h1>{title}</h1></center>\r\n<hr><center>nginx</center>\r\n"
                "</body>\r\n</html>\r\n"
            )
            self._send(_Response(fault.status, raw=page.encode(), content_type="text/html"))
        elif kind == "malformed_json":
            raw = b'{"sessionId": sess_broken, "checkoutUrl": <!-- oops -->'
            self._send(_Response(201, raw=raw))
        elif kind == "truncated_json":
            session_id = _new_session_id()
            full = json.dumps(
                {"sessionId": session_id, "checkoutUrl": CHECKOUT_BASE_URL + session_id}
            )
            self._send(_Response(201, raw=full.encode()[: len(full) // 2]))
        elif kind == "missing_fields":
            self._send(_Response(201, {"sessionId": _new_session_id()}))
        elif kind == "rate_limit":
            extra = {}
            if fault.retry_after is not None:
                extra["Retry-After"] = _format_seconds(fault.retry_after)
            body = _error_body(429, "ThrottlerException: Too Many Requests")
            self._send(_Response(429, body, headers=extra))
        elif kind == "empty_body":
            self._send(_Response(fault.status, raw=b""))
        elif kind == "gzip_bomb":
            self._send_gzip_bomb(fault.status, fault.size)
        else:  # pragma: no cover - Fault validates its kind
            raise AssertionError(kind)

    def _route(
        self, method: str, path: str, query: str, headers: dict[str, str], body: bytes
    ) -> _Response:
        emulator = self.emulator
        if len(path) > 1 and path.endswith("/"):
            path = path[:-1]  # Express routing is not strict about a trailing slash
        get = method in ("GET", "HEAD")
        handler: Callable[[], _Response] | None = None
        params = parse_qs(query, keep_blank_values=True)
        list_paths = tuple(emulator.offer_list_paths)
        control = self._control_route(method, path, headers, body)
        if control is not None:
            return control
        if method == "POST" and path == _ONE_TIME_PATH:
            handler = partial(self._create_one_time, headers, body)
        elif method == "POST" and path.startswith(_SUBSCRIPTION_PREFIX):
            offer_id = path[len(_SUBSCRIPTION_PREFIX) :]
            if offer_id and "/" not in offer_id:
                handler = partial(self._create_subscription, unquote(offer_id), headers, body)
        elif get and path in list_paths:
            handler = partial(self._list_offers, params)
        elif get and path == _PAYMENT_PATH:
            handler = partial(self._list_payments, params)
        elif get and (one_payment := _single_segment_after(path, (_PAYMENT_PATH,))) is not None:
            handler = partial(self._get_payment, unquote(one_payment))
        elif (
            get
            and emulator.session_reads
            and (one_session := _single_segment_after(path, (_SESSION_PREFIX,))) is not None
        ):
            handler = partial(self._get_session, unquote(one_session))
        elif get:
            one_offer = _single_segment_after(path, (_OFFER_PATH, *list_paths))
            if one_offer is not None:
                handler = partial(self._get_offer, unquote(one_offer))
        if handler is None:
            return _not_found_route(method, path)
        key = headers.get(API_KEY_HEADER.lower())
        if not key:
            return _Response(401, _error_body(401, "Missing API key"))
        if not secrets.compare_digest(key.encode(), emulator.api_key.encode()):
            return _Response(401, _error_body(401, "Invalid API key"))
        return handler()

    # ---------------------------------------------------------------- endpoints
    @staticmethod
    def _json_body(headers: dict[str, str], body: bytes) -> tuple[Any, _Response | None]:
        """The request body as Express's json() parser would see it: ``{}`` if absent."""
        content_type = headers.get("content-type", "").split(";", 1)[0].strip().lower()
        if not body or not (content_type == "application/json" or content_type.endswith("+json")):
            return {}, None
        try:
            value = _parse_json(body)
        except (ValueError, UnicodeDecodeError) as exc:
            return None, _Response(400, _error_body(400, f"Unexpected token in JSON: {exc}"))
        if not isinstance(value, dict):
            return None, _Response(400, _error_body(400, "Request body must be a JSON object"))
        return value, None

    def _session_created(self, kind: str, body: dict[str, Any], offer_id: str | None) -> _Response:
        session_id = _new_session_id()
        checkout_url = self.emulator.checkout_base_url + session_id
        self.emulator._add_session(
            session_id,
            {
                "sessionId": session_id,
                "checkoutUrl": checkout_url,
                "kind": kind,
                "offer_id": offer_id,
                "body": body,
                "created_at": self.emulator.clock(),
            },
        )
        return _Response(201, {"sessionId": session_id, "checkoutUrl": checkout_url})

    def _create_one_time(self, headers: dict[str, str], raw: bytes) -> _Response:
        body, error = self._json_body(headers, raw)
        if error is not None:
            return error
        messages = validate_one_time(body)
        if messages:
            return _Response(400, _error_body(400, messages))
        return self._session_created("one_time", body, None)

    def _create_subscription(self, offer_id: str, headers: dict[str, str], raw: bytes) -> _Response:
        body, error = self._json_body(headers, raw)
        if error is not None:
            return error
        messages = validate_subscription(body)
        if messages:
            return _Response(400, _error_body(400, messages))
        offer = self.emulator._find_offer(offer_id)
        if offer is None:
            return _Response(404, _error_body(404, "Subscription offer not found"))
        if offer.get("archived") is True:
            return _Response(400, _error_body(400, "Subscription offer is archived"))
        return self._session_created("subscription", body, offer_id)

    def _list_offers(self, params: dict[str, list[str]]) -> _Response:
        page, limit, messages = validate_paging(params)
        if messages:
            return _Response(400, _error_body(400, messages))
        offers = list(self.emulator.offers)
        start = (page - 1) * limit
        data = offers[start : start + limit]
        if self.emulator.offer_list_shape == "list":
            return _Response(200, data)
        return _Response(200, {"data": data, "total": len(offers), "page": page, "limit": limit})

    def _get_offer(self, offer_id: str) -> _Response:
        offer = self.emulator._find_offer(offer_id)
        if offer is None:
            return _Response(404, _error_body(404, "Subscription offer not found"))
        return _Response(200, offer)

    def _list_payments(self, params: dict[str, list[str]]) -> _Response:
        page, limit, messages = validate_paging(params)
        if messages:
            return _Response(400, _error_body(400, messages))
        payments = self.emulator.payments_newest_first()
        start = (page - 1) * limit
        data = payments[start : start + limit]
        return _Response(200, {"data": data, "total": len(payments), "page": page, "limit": limit})

    def _get_payment(self, payment_id: str) -> _Response:
        for payment in self.emulator.payments_newest_first():
            if payment.get("id") == payment_id:
                return _Response(200, payment)
        return _Response(404, _error_body(404, "Payment not found"))

    def _get_session(self, session_id: str) -> _Response:
        answer = self.emulator.session_status(session_id)
        if answer is None:
            return _Response(404, _error_body(404, "Checkout session not found"))
        return _Response(200, answer)

    # ---------------------------------------------------------------- paying (emulator only)
    def _control_route(
        self, method: str, path: str, headers: dict[str, str], body: bytes
    ) -> _Response | None:
        """The emulator's own paying endpoints; None when ``path`` is none of them."""
        if method == "POST" and path.startswith(_CONTROL_PREFIX) and path.endswith("/pay"):
            session_id = unquote(path[len(_CONTROL_PREFIX) : -len("/pay")])
            outcome = self._outcome(headers, body)
            if outcome is None:
                return _Response(400, _error_body(400, "outcome must be paid or failed"))
            try:
                payment = self.emulator.pay_session(session_id, outcome)
            except KeyError:
                return _Response(404, _error_body(404, "Checkout session not found"))
            return _Response(201, payment)
        page_session = _single_segment_after(path, (_PAGE_PREFIX,))
        if page_session is None:
            return None
        session_id = unquote(page_session)
        if method in ("GET", "HEAD"):
            return self._page(session_id, None)
        if method == "POST":
            outcome = self._outcome(headers, body)
            if outcome is None:
                return _Response(400, _error_body(400, "outcome must be paid or failed"))
            try:
                self.emulator.pay_session(session_id, outcome)
            except KeyError:
                return self._page(session_id, None)
            return self._page(session_id, outcome)
        return None

    @staticmethod
    def _outcome(headers: dict[str, str], body: bytes) -> str | None:
        content_type = headers.get("content-type", "").split(";", 1)[0].strip().lower()
        value: Any = "paid"
        if body and content_type == "application/json":
            try:
                parsed = _parse_json(body)
            except (ValueError, UnicodeDecodeError):
                return None
            value = parsed.get("outcome", "paid") if isinstance(parsed, dict) else None
        elif body:
            form = parse_qs(body.decode("utf-8", "replace"))
            value = form.get("outcome", ["paid"])[0]
        return value if value in PAYMENT_OUTCOMES else None

    def _page(self, session_id: str, outcome: str | None) -> _Response:
        session = self.emulator.sessions.get(session_id)
        if session is None:
            page = "<h1>Inflow emulator</h1><p>There is no such checkout session.</p>"
            return _Response(404, raw=_page_html(page), content_type="text/html; charset=utf-8")
        amount = self.emulator.session_amount(session)
        charge = f"{amount[1]} {amount[0] / 100:.2f}" if amount is not None else "the subscription"
        if outcome == "paid":
            body = f"<h1>Payment received</h1><p>You paid {_html_escape(charge)}. Thank you.</p>"
        elif outcome == "failed":
            body = "<h1>Payment failed</h1><p>The (simulated) card was declined.</p>"
        else:
            action = _html_escape(_PAGE_PREFIX + "/" + session_id)
            body = (
                "<h1>Inflow emulator — checkout</h1>"
                f"<p>Pay {_html_escape(charge)} (demo: no real payment).</p>"
                f'<form method="post" action="{action}">'
                '<button name="outcome" value="paid" id="pay">Pay</button> '
                '<button name="outcome" value="failed" id="fail">Simulate a failure</button>'
                "</form>"
            )
        return _Response(200, raw=_page_html(body), content_type="text/html; charset=utf-8")


def _page_html(body: str) -> bytes:
    return (
        "<!doctype html><html><head><meta charset=utf-8><title>Inflow emulator</title></head>"
        f"<body>{body}</body></html>"
    ).encode()


class InflowEmulator:
    """A local Inflow API on 127.0.0.1, served from daemon threads.

    >>> with InflowEmulator() as emulator:          # doctest: +SKIP
    ...     httpx.get(emulator.base_url + "/api/payment", headers={"X-Inflow-Api-Key": "demo-key"})
    """

    def __init__(
        self,
        api_key: str = "demo-key",
        *,
        offers: list[dict[str, Any]] | None = None,
        port: int = 0,
        host: str = "127.0.0.1",
        ssl_context: ssl.SSLContext | None = None,
    ) -> None:
        self.api_key = api_key
        #: A server-side context (certificate loaded): serve HTTPS instead of plain HTTP.
        self.ssl_context = ssl_context
        self.offers: list[dict[str, Any]] = generate_offers(24) if offers is None else list(offers)
        self.offer_list_paths: tuple[str, ...] = (_OFFER_PATH,)
        self.offer_list_shape: OfferListShape = "envelope"
        self.sessions: dict[str, dict[str, Any]] = {}
        #: Payments made on the emulator's sessions, oldest first (§3.7 objects).
        self.payments: list[dict[str, Any]] = []
        #: Seconds since the epoch, for creation and payment stamps (tests use a fake clock).
        self.clock: Callable[[], float] = time.time
        #: Where ``checkoutUrl`` points: Inflow's hosted page, or this emulator's ``/pay/``.
        self.checkout_base_url = CHECKOUT_BASE_URL
        #: Serve ``GET /api/checkout/sessions/{id}`` (undocumented by Inflow, §3.3).
        self.session_reads = False
        self._host = host
        self._port = port
        self._base_url = ""
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._wake: tuple[socket.socket, socket.socket] | None = None  # (reader, writer)
        self._stopping = threading.Event()
        self._faults = FaultQueue()
        self._lock = threading.Lock()
        self._requests_changed = threading.Condition(self._lock)
        self._requests: deque[RecordedRequest] = deque(maxlen=MAX_RECORDED_REQUESTS)
        self._request_count = 0  # since the last clear_requests(), including dropped ones
        self._connections: set[socket.socket] = set()

    # ---------------------------------------------------------------- lifecycle
    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT`` (``https://`` with an ssl_context) once started.

        Kept after stop.
        """
        if not self._base_url:
            raise RuntimeError("the emulator has not been started")
        return self._base_url

    def start(self, listening: socket.socket | None = None) -> str:
        """Serve in a daemon thread; return the base URL. Starting twice is harmless.

        ``listening``: a socket already bound and listening (``socket.create_server``) to serve
        on instead of binding ``host:port``. Clients that connect before ``start`` wait in its
        backlog — demo mode reserves its port that way and starts serving after the first frame.
        """
        if self._server is not None:
            return self._base_url
        self._stopping.clear()
        server = _Server((self._host, self._port), self, listening)
        host, port = str(server.server_address[0]), int(server.server_address[1])
        shown = f"[{host}]" if ":" in host else host
        scheme = "https" if self.ssl_context is not None else "http"
        self._base_url = f"{scheme}://{shown}:{port}"
        self._server = server
        self._wake = socket.socketpair()
        self._thread = threading.Thread(
            target=self._serve,
            args=(server, self._wake[0]),
            name=f"inflow-emulator-{port}",
            daemon=True,
        )
        self._thread.start()
        logger.debug("emulator serving on %s", self._base_url)
        return self._base_url

    def stop(self) -> None:
        """Stop serving and close open connections. Idempotent; returns promptly."""
        server, thread, wake = self._server, self._thread, self._wake
        if server is None:
            return
        self._server = self._thread = self._wake = None
        self._stopping.set()  # wakes handlers sleeping in a latency fault
        if wake is not None:
            with contextlib.suppress(OSError):
                wake[1].send(b"x")  # wakes the accept loop at once (no polling delay)
        if thread is not None:
            thread.join(timeout=2)
        server.server_close()
        if wake is not None:
            wake[0].close()
            wake[1].close()
        with self._lock:
            connections = list(self._connections)
        for connection in connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)
        logger.debug("emulator on %s stopped", self._base_url)

    def __enter__(self) -> InflowEmulator:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def _serve(self, server: _Server, wake: socket.socket) -> None:
        """Accept connections until stop(); like serve_forever, but woken by a socket pair."""
        with selectors.DefaultSelector() as selector:
            selector.register(server, selectors.EVENT_READ)
            selector.register(wake, selectors.EVENT_READ)
            while not self._stopping.is_set():
                ready = selector.select()
                if self._stopping.is_set():
                    break
                if any(key.fileobj is server for key, _ in ready):
                    server.handle_request()  # accepts and hands off to a handler thread

    # ---------------------------------------------------------------- recording
    @property
    def requests(self) -> list[RecordedRequest]:
        """A copy of the recorded requests (the last ``MAX_RECORDED_REQUESTS``), oldest first."""
        with self._lock:
            return list(self._requests)

    def clear_requests(self) -> None:
        with self._lock:
            self._requests.clear()
            self._request_count = 0

    def requests_to(self, path_prefix: str, method: str | None = None) -> list[RecordedRequest]:
        """Recorded requests whose path starts with ``path_prefix`` (and method matches)."""
        return [
            request
            for request in self.requests
            if request.path.startswith(path_prefix)
            and (method is None or request.method == method.upper())
        ]

    def wait_for_requests(self, count: int, timeout: float = 5.0) -> list[RecordedRequest]:
        """Block until at least ``count`` requests arrived; raise TimeoutError otherwise.

        Returns the recorded requests (at most the last ``MAX_RECORDED_REQUESTS``).
        """
        with self._requests_changed:
            if not self._requests_changed.wait_for(lambda: self._request_count >= count, timeout):
                raise TimeoutError(
                    f"expected {count} requests within {timeout}s, got {self._request_count}"
                )
            return list(self._requests)

    # ---------------------------------------------------------------- faults
    def inject(self, fault: Fault, times: int = 1) -> None:
        """Queue a fault; each matching request consumes one of its ``times`` uses."""
        self._faults.add(fault, times)

    def clear_faults(self) -> None:
        self._faults.clear()

    # ---------------------------------------------------------------- internals
    def _record(self, request: RecordedRequest) -> None:
        with self._requests_changed:
            self._requests.append(request)
            self._request_count += 1
            self._requests_changed.notify_all()

    def _track_connection(self, connection: socket.socket, *, add: bool) -> None:
        with self._lock:
            if add:
                self._connections.add(connection)
            else:
                self._connections.discard(connection)

    def _add_session(self, session_id: str, session: dict[str, Any]) -> None:
        with self._lock:
            self.sessions[session_id] = session

    # ---------------------------------------------------------------- payments
    def payments_newest_first(self) -> list[dict[str, Any]]:
        with self._lock:
            return list(reversed(self.payments))

    def session_amount(self, session: dict[str, Any]) -> tuple[int, str] | None:
        """(cents, currency) a session charges, if known (a subscription: the offer's price)."""
        body = session.get("body") or {}
        if session.get("kind") == "one_time":
            products = body.get("products") or []
            total = sum(int(p.get("price", 0)) * int(p.get("quantity", 0)) for p in products)
            return total, str(body.get("currency", ""))
        offer = self._find_offer(str(session.get("offer_id")))
        if offer is None or not isinstance(offer.get("amountInCents"), int):
            return None
        return int(offer["amountInCents"]), str(offer.get("currency", ""))

    def pay_session(
        self, session_id: str, outcome: str = "paid", *, customer_email: str | None = None
    ) -> dict[str, Any]:
        """The customer pays (or the payment fails): a §3.7 payment is recorded and returned.

        Raises KeyError for an unknown session, ValueError for an unknown outcome.
        """
        if outcome not in PAYMENT_OUTCOMES:
            raise ValueError(f"outcome must be one of {sorted(PAYMENT_OUTCOMES)}")
        session = self.sessions[session_id]
        body = session.get("body") or {}
        amount = self.session_amount(session) or (0, "EUR")
        now = self.clock()
        status = PAYMENT_OUTCOMES[outcome]
        payment: dict[str, Any] = {
            "id": "pay_" + "".join(secrets.choice(_ALNUM) for _ in range(16)),
            "amountInCents": amount[0],
            "currency": amount[1],
            "status": status,
            "customerEmail": customer_email or body.get("customerEmail") or "customer@example.org",
            "customerId": None,
            "products": [
                {"name": p.get("name"), "price": p.get("price"), "quantity": p.get("quantity")}
                for p in body.get("products") or []
            ],
            "metadatas": {},
            "subscriptionId": (
                "sub_" + session_id.removeprefix("sess_")
                if session.get("kind") == "subscription"
                else None
            ),
            "timeline": [
                {"status": "INITIATION", "timestamp": _iso_ms(now)},
                {"status": status, "timestamp": _iso_ms(now)},
            ],
            "createdAt": _iso_ms(now),
            "updatedAt": _iso_ms(now),
        }
        with self._lock:
            self.payments.append(payment)
            session["outcome"] = outcome
        return payment

    def session_status(self, session_id: str) -> dict[str, Any] | None:
        session = self.sessions.get(session_id)
        if session is None:
            return None
        hours = (session.get("body") or {}).get("expiresIn", 1)
        expired = self.clock() > session["created_at"] + float(hours) * 3600
        status = session.get("outcome") or ("expired" if expired else "open")
        return {
            "sessionId": session_id,
            "checkoutUrl": session["checkoutUrl"],
            "status": status,
        }

    def _find_offer(self, offer_id: str) -> dict[str, Any] | None:
        for offer in list(self.offers):
            if offer.get("id") == offer_id:
                return offer
        return None
