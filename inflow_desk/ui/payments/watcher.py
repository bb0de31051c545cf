"""One payment watcher per profile: polls off the GUI thread under ``domain.polling``'s budget.

Every open link of the profile is served by one request: the undocumented session read when
the probe found it (one link per request, the one the agent is looking at first), else one
page of the payment list matched to every link (``domain.payments``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import Final, Protocol, runtime_checkable

from PySide6.QtCore import QObject, QTimer, Signal

from inflow_desk.domain.payments import GRACE, LinkFacts, Payment, match_payments
from inflow_desk.domain.polling import PollPlan, WatchedLink
from inflow_desk.ui.kit.widgets import Clock, utc_now
from inflow_desk.ui.kit.workers import LatestOnly, run_in_background
from inflow_desk.ui.payments.status import LinkStatus, from_match, from_session_read, waiting

log = logging.getLogger(__name__)

TICK_MS: Final = 500
"""How often the plan is consulted (cheap, GUI thread); requests follow the plan's budget."""


@runtime_checkable
class PaymentSource(Protocol):
    """What the watcher needs of the API client (``InflowClient``)."""

    def list_payments(self) -> list[Payment]: ...

    def read_session_status(self, session_id: str) -> str | None: ...


class _Probe:
    UNKNOWN = "unknown"
    AVAILABLE = "available"
    MISSING = "missing"


class PaymentWatcher(QObject):
    """Watches one profile's links. Signals: ``statusChanged(session_id, LinkStatus)``;
    ``pollFailed(BaseException)`` after a failed request; ``polled()`` after each answer."""

    statusChanged = Signal(str, object)
    pollFailed = Signal(object)
    polled = Signal()

    def __init__(
        self,
        source: PaymentSource,
        *,
        clock: Clock = utc_now,
        plan: PollPlan | None = None,
        tick_ms: int = TICK_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._source = source
        self._clock = clock
        self.plan = plan or PollPlan()
        self._links: dict[str, LinkFacts] = {}
        self._status: dict[str, LinkStatus] = {}
        self._focused: str | None = None
        self._probe = _Probe.UNKNOWN
        self._read_turn: list[str] = []  # session reads: least recently read first
        self._answers = LatestOnly()
        self.requests = 0  # sent by this watcher (the benchmark counts them)
        self._timer = QTimer(self)
        self._timer.setObjectName("paymentWatcherTimer")
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self.tick)
        self._timer.start()

    # ------------------------------------------------------------------ links
    def watch(self, link: LinkFacts, status: LinkStatus | None = None) -> None:
        self._links[link.session_id] = link
        self._read_turn.append(link.session_id)
        self._status[link.session_id] = status or waiting(link, self._clock())
        self.statusChanged.emit(link.session_id, self._status[link.session_id])

    def status(self, session_id: str) -> LinkStatus | None:
        return self._status.get(session_id)

    def set_focus(self, session_id: str | None) -> None:
        """The link the result panel shows (polled every 5 s while it is unpaid)."""
        self._focused = session_id

    def set_source(self, source: PaymentSource) -> None:
        """A new client for the same profile (a new key): the answers still out are dropped."""
        self._source = source
        self._answers.supersede()
        self.plan.in_flight = False
        self._probe = _Probe.UNKNOWN

    @property
    def session_reads(self) -> bool | None:
        """Whether the profile's server answers session reads (None: not probed yet)."""
        return None if self._probe == _Probe.UNKNOWN else self._probe == _Probe.AVAILABLE

    def check_now(self) -> None:
        """The agent's "Check now": as soon as the budget allows."""
        self.plan.check_now()
        self.tick()

    def stop(self) -> None:
        self._timer.stop()
        self._answers.supersede()

    # ------------------------------------------------------------------ polling
    def _watched(self, now: datetime) -> list[WatchedLink]:
        return [
            WatchedLink(sid, link.expires_at + GRACE, self._status[sid].settled)
            for sid, link in self._links.items()
        ]

    def tick(self) -> None:
        now = self._clock()
        self._expire(now)
        if not self._timer.isActive() or not self.plan.due(now, self._watched(now), self._focused):
            return
        self.plan.started(now)
        self.requests += 1
        source = self._source
        if self._probe == _Probe.MISSING:
            run_in_background(
                source.list_payments,
                self._on_payments,
                self._on_failed,
                owner=self,
                latest=self._answers,
            )
            return
        session_id = self._next_read(now)
        if session_id is None:  # "Check now" with nothing to read
            self.plan.succeeded()
            return
        run_in_background(
            lambda: (session_id, source.read_session_status(session_id)),
            self._on_session_read,
            self._on_failed,
            owner=self,
            latest=self._answers,
        )

    def _next_read(self, now: datetime) -> str | None:
        open_ids = [
            sid
            for sid in self._read_turn
            if not self._status[sid].settled and now < self._links[sid].expires_at + GRACE
        ]
        if not open_ids:
            return next(iter(self._links), None)
        chosen = self._focused if self._focused in open_ids else open_ids[0]
        self._read_turn.remove(chosen)
        self._read_turn.append(chosen)
        return chosen

    def _expire(self, now: datetime) -> None:
        for sid, link in self._links.items():
            current = self._status[sid]
            if current.state == "waiting" and now >= link.expires_at:
                self._set(sid, waiting(link, now))

    def _set(self, session_id: str, status: LinkStatus) -> None:
        if self._status.get(session_id) == status:
            return
        self._status[session_id] = status
        self.statusChanged.emit(session_id, status)

    def _on_session_read(self, answer: tuple[str, str | None]) -> None:
        self.plan.succeeded()
        session_id, raw = answer
        if raw is None:
            if self._probe == _Probe.UNKNOWN:
                log.info("no session reads on this server: payments are matched instead")
            self._probe = _Probe.MISSING
            self.plan.check_now()  # list the payments at the next allowed moment
        else:
            self._probe = _Probe.AVAILABLE
            if session_id in self._links:
                self._set(session_id, from_session_read(raw, self._clock()))
        self.polled.emit()

    def _on_payments(self, payments: list[Payment]) -> None:
        self.plan.succeeded()
        now = self._clock()
        matches = match_payments(self._links.values(), payments)
        for sid, link in self._links.items():
            if self._status[sid].settled:
                continue
            match = matches.get(sid)
            self._set(sid, from_match(match) if match is not None else waiting(link, now))
        self.polled.emit()

    def _on_failed(self, exc: BaseException) -> None:
        retry_after = getattr(exc, "retry_after", None)  # a 429 (RateLimitError)
        wait = float(retry_after) if isinstance(retry_after, int | float) else None
        self.plan.failed(self._clock(), wait)
        log.info("payment check failed: %s", type(exc).__name__)
        self.pollFailed.emit(exc)


def watchers_by_profile(
    make: Callable[[str], PaymentWatcher],
) -> Callable[[str], PaymentWatcher]:
    """One watcher per profile name, made on first use."""
    made: dict[str, PaymentWatcher] = {}

    def get(profile: str) -> PaymentWatcher:
        if profile not in made:
            made[profile] = make(profile)
        return made[profile]

    return get
