"""The request budget of the payment watcher, over a simulated hour (fake clock)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from itertools import pairwise

from inflow_desk.domain.polling import MAX_BACKOFF, MIN_GAP, PollPlan, WatchedLink

T0 = datetime(2026, 11, 25, 13, 0, tzinfo=UTC)
HOUR = 3600


def run(
    plan: PollPlan,
    links: list[WatchedLink],
    *,
    seconds: int = HOUR,
    focused: str | None = None,
    answer: object = None,
    step: float = 0.5,
) -> list[datetime]:
    """Tick every ``step`` seconds; each request answers at once with ``answer``
    (None: success, a number: 429 with that Retry-After, "error": a 5xx)."""
    sent: list[datetime] = []
    ticks = int(seconds / step)
    for tick in range(ticks):
        now = T0 + timedelta(seconds=tick * step)
        if plan.due(now, links, focused):
            plan.started(now)
            sent.append(now)
            if answer is None:
                plan.succeeded()
            elif answer == "error":
                plan.failed(now)
            else:
                assert isinstance(answer, float)
                plan.failed(now, retry_after=answer)
    return sent


def twenty(hours: float = 24) -> list[WatchedLink]:
    return [WatchedLink(f"sess_{i}", T0 + timedelta(hours=hours), settled=False) for i in range(20)]


def gaps(sent: list[datetime]) -> list[float]:
    return [(b - a).total_seconds() for a, b in pairwise(sent)]


def test_agent_waiting_on_one_of_twenty_links_polls_every_5_seconds() -> None:
    sent = run(PollPlan(), twenty(), focused="sess_3")
    assert HOUR / 5 - 1 <= len(sent) <= HOUR / 5 + 1  # 720 list requests, for all 20 links
    assert min(gaps(sent)) >= MIN_GAP.total_seconds()


def test_twenty_open_links_in_the_background_poll_slowly() -> None:
    sent = run(PollPlan(), twenty())
    assert HOUR / 60 <= len(sent) <= HOUR / 30 + 1  # 30-60 s apart: 60 to 120 requests
    assert all(30 <= gap <= 60 for gap in gaps(sent))


def test_nothing_is_polled_after_expiry_or_once_settled() -> None:
    sent = run(PollPlan(), twenty(hours=0.5), focused="sess_0")
    assert sent and max(sent) < T0 + timedelta(minutes=30)
    settled = [WatchedLink("sess_0", T0 + timedelta(hours=2), settled=True)]
    assert run(PollPlan(), settled, focused="sess_0") == []


def test_5xx_backs_off_exponentially_up_to_the_cap() -> None:
    sent = run(PollPlan(), twenty(), focused="sess_0", answer="error")
    intervals = gaps(sent)
    assert intervals[:4] == [10, 20, 40, 80]
    assert max(intervals) <= MAX_BACKOFF.total_seconds() + 0.5
    assert len(sent) < 25  # instead of 720


def test_429_retry_after_is_honoured_even_by_check_now() -> None:
    plan = PollPlan()
    links = twenty()
    assert plan.due(T0, links, "sess_0")
    plan.started(T0)
    plan.failed(T0, retry_after=120.0)
    plan.check_now()
    assert not plan.due(T0 + timedelta(seconds=119), links, "sess_0")
    assert plan.due(T0 + timedelta(seconds=120), links, "sess_0")


def test_check_now_respects_the_minimum_gap_and_skips_the_interval() -> None:
    plan = PollPlan()
    links = twenty()
    plan.started(T0)
    plan.succeeded()
    plan.check_now()
    assert not plan.due(T0 + timedelta(seconds=4.9), links, None)
    assert plan.due(T0 + timedelta(seconds=5), links, None)  # not waiting 45 s
    # and "Check now" with nothing open still asks once
    assert PollPlan().due(T0, [], None) is False
    lone = PollPlan()
    lone.check_now()
    assert lone.due(T0, [], None)


def test_never_two_requests_at_once() -> None:
    plan = PollPlan()
    plan.started(T0)
    plan.check_now()
    assert not plan.due(T0 + timedelta(minutes=5), twenty(), "sess_0")
