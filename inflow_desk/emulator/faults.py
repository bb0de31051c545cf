"""Fault injection for the emulator: what can go wrong between our client and Inflow.

A :class:`Fault` is queued with :meth:`InflowEmulator.inject`; each request that matches it
(by ``path_prefix`` and ``method``) consumes one use. The request is recorded first, then
the fault is applied instead of (or, for ``"latency"``, before) the normal answer.

Kinds:

``latency``
    wait ``delay`` seconds, then answer normally.
``status``
    answer ``status`` with an Inflow-shaped JSON error body (``message`` if given: a string
    or a tuple of strings, sent as a JSON list — e.g. a 400 for a rule only the server knows).
``html``
    answer ``status`` with a ``text/html`` error page, as a proxy or load balancer would.
``malformed_json``
    answer 201 with ``Content-Type: application/json`` and a body that is not JSON.
``truncated_json``
    answer 201 with a session body cut in half (``Content-Length`` matches the cut body).
``missing_fields``
    answer 201 ``{"sessionId": "sess_…"}`` without ``checkoutUrl``.
``rate_limit``
    answer 429 with an Inflow-shaped body and ``Retry-After: retry_after`` (if not None).
``drop_connection``
    read the request, then close the socket without any response.
``empty_body``
    answer ``status`` with an empty body.
``gzip_bomb``
    answer ``status`` with ``Content-Encoding: gzip``: ``size`` bytes of JSON whitespace
    (1 GiB by default) compressed about 1,000:1, streamed chunked as the client reads, so a
    client that stops reading early costs the emulator almost nothing.
``drip``
    answer normally, but send the answer (status line, headers and body) one byte every
    ``interval`` seconds, as a broken proxy or a slow-loris server would.
``checkout_url``
    answer normally (the session is created, a 4xx stays a 4xx), but a 201's ``checkoutUrl``
    is replaced by ``checkout_url`` — what a compromised proxy or a wrong custom server would
    send: plain http, another host, a ``user@host`` trick, a punycode look-alike, a bidi
    character, a 3 KB link.

``delay`` applies to every kind. A fault never reaches the normal handler (except
``latency``, ``drip`` and ``checkout_url``), so no session is created by any other faulted request.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Literal, get_args

FaultKind = Literal[
    "latency",
    "status",
    "html",
    "malformed_json",
    "truncated_json",
    "missing_fields",
    "rate_limit",
    "drop_connection",
    "empty_body",
    "gzip_bomb",
    "drip",
    "checkout_url",
]

GZIP_BOMB_SIZE = 1024**3
"""Default decoded size of a ``gzip_bomb`` body: 1 GiB."""

FAULT_KINDS: tuple[str, ...] = get_args(FaultKind)


@dataclass(frozen=True)
class Fault:
    """One thing that goes wrong; see the module docstring for the kinds."""

    kind: FaultKind
    delay: float = 0.0
    status: int = 500
    retry_after: float | None = 1
    path_prefix: str | None = None
    method: str | None = None
    #: For "status": the ``message`` of the JSON body (a string or, as NestJS validation
    #: answers, a list of strings); None gives the reason phrase.
    message: str | tuple[str, ...] | None = None
    #: For "gzip_bomb": the size of the body once decompressed, in bytes.
    size: int = GZIP_BOMB_SIZE
    #: For "drip": seconds between two bytes of the answer.
    interval: float = 0.05
    #: For "checkout_url": the ``checkoutUrl`` a created session is answered with.
    checkout_url: str = "http://checkout.inflowpay.com/pay/sess_plain_http"

    def __post_init__(self) -> None:
        if self.kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault kind {self.kind!r}; expected one of {FAULT_KINDS}")
        if self.delay < 0:
            raise ValueError("delay must not be negative")
        if not 100 <= self.status <= 599:
            raise ValueError("status must be an HTTP status code (100-599)")
        if self.retry_after is not None and self.retry_after < 0:
            raise ValueError("retry_after must not be negative")
        if self.size < 0:
            raise ValueError("size must not be negative")
        if self.interval < 0:
            raise ValueError("interval must not be negative")

    def matches(self, method: str, path: str) -> bool:
        """Whether a request with this method and path (no query) consumes this fault."""
        if self.method is not None and self.method.upper() != method.upper():
            return False
        return self.path_prefix is None or path.startswith(self.path_prefix)


@dataclass
class _Entry:
    fault: Fault
    remaining: int


class FaultQueue:
    """Thread-safe FIFO of faults, each with a number of remaining uses."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._entries: list[_Entry] = []

    def add(self, fault: Fault, times: int = 1) -> None:
        if times < 1:
            raise ValueError("times must be at least 1")
        with self._lock:
            self._entries.append(_Entry(fault, times))

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def take(self, method: str, path: str) -> Fault | None:
        """Consume one use of the first queued fault matching the request, if any."""
        with self._lock:
            for index, entry in enumerate(self._entries):
                if entry.fault.matches(method, path):
                    entry.remaining -= 1
                    if entry.remaining <= 0:
                        del self._entries[index]
                    return entry.fault
        return None

    def pending(self) -> list[tuple[Fault, int]]:
        """A snapshot of the queue: (fault, remaining uses)."""
        with self._lock:
            return [(entry.fault, entry.remaining) for entry in self._entries]
