"""When to ask Inflow for payments again (pure Python: the caller brings the clock).

One :class:`PollPlan` per profile; one list request serves every open link. The budget:

- every :data:`FAST_INTERVAL` (5 s) while the agent is looking at an unpaid open link (the
  customer is on the phone);
- every :data:`SLOW_INTERVAL` (45 s) while other links are open and unsettled;
- never when every link has expired (plus the matching grace) or is settled;
- after an error: exponential back-off from :data:`FAST_INTERVAL` up to :data:`MAX_BACKOFF`, and
  a 429's ``Retry-After`` is honoured when it asks for longer;
- never two requests less than :data:`MIN_GAP` (5 s) apart — "Check now" included.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final

__all__ = [
    "FAST_INTERVAL",
    "MAX_BACKOFF",
    "MIN_GAP",
    "SLOW_INTERVAL",
    "PollPlan",
    "WatchedLink",
]

FAST_INTERVAL: Final = timedelta(seconds=5)
SLOW_INTERVAL: Final = timedelta(seconds=45)
MIN_GAP: Final = timedelta(seconds=5)
MAX_BACKOFF: Final = timedelta(minutes=5)


@dataclass(frozen=True)
class WatchedLink:
    session_id: str
    watch_until: datetime  # expiry plus the matching grace
    settled: bool  # paid, failed for good or refunded: nothing more to learn


class PollPlan:
    """The next request time for one profile's payment list."""

    def __init__(
        self,
        *,
        fast: timedelta = FAST_INTERVAL,
        slow: timedelta = SLOW_INTERVAL,
        min_gap: timedelta = MIN_GAP,
        max_backoff: timedelta = MAX_BACKOFF,
    ) -> None:
        self.fast, self.slow, self.min_gap, self.max_backoff = fast, slow, min_gap, max_backoff
        self.last_request: datetime | None = None
        self.failures = 0
        self.backoff_until: datetime | None = None  # after errors
        self.retry_until: datetime | None = None  # a 429's Retry-After
        self.check_requested = False
        self.in_flight = False

    def interval(
        self, now: datetime, links: Iterable[WatchedLink], focused: str | None
    ) -> timedelta | None:
        """How often to ask now; None when no link needs watching."""
        open_links = [link for link in links if not link.settled and now < link.watch_until]
        if not open_links:
            return None
        if focused is not None and any(link.session_id == focused for link in open_links):
            return self.fast
        return self.slow

    def due(self, now: datetime, links: Iterable[WatchedLink], focused: str | None) -> bool:
        """Whether a request should start at ``now``."""
        if self.in_flight:
            return False
        if self.last_request is not None and now - self.last_request < self.min_gap:
            return False
        if self.retry_until is not None and now < self.retry_until:
            return False  # the server asked us to wait: even "Check now" waits
        if self.check_requested:
            return True
        if self.backoff_until is not None and now < self.backoff_until:
            return False
        interval = self.interval(now, links, focused)
        if interval is None:
            return False
        return self.last_request is None or now - self.last_request >= interval

    def started(self, now: datetime) -> None:
        self.last_request = now
        self.check_requested = False
        self.in_flight = True

    def succeeded(self) -> None:
        self.in_flight = False
        self.failures = 0
        self.backoff_until = self.retry_until = None

    def failed(self, now: datetime, retry_after: float | None = None) -> None:
        """An error: wait ``fast · 2^n`` (at most ``max_backoff``); a 429's ``Retry-After``
        (at most an hour) is honoured on top, even by "Check now"."""
        self.in_flight = False
        self.failures += 1
        wait = min(self.fast * (2 ** min(self.failures, 16)), self.max_backoff)
        self.backoff_until = now + wait
        if retry_after is not None and retry_after > 0:
            self.retry_until = now + timedelta(seconds=min(retry_after, 3600.0))
            self.backoff_until = max(self.backoff_until, self.retry_until)

    def check_now(self) -> None:
        """The agent asked: the next :meth:`due` says yes once the minimum gap (and a 429's
        ``Retry-After``) allow it, whatever the interval or the error back-off."""
        self.check_requested = True
