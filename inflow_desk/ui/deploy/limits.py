"""Agent limits (and allowed currencies) of the organisation's policy, checked before
anything is sent.

:class:`AgentLimitCheck` is the ``limits`` hook ``MainWindow`` calls with a validated request:
it returns the refusal to show (the limit in it), or None. Per link: the link's total. Per day:
what this agent created on this profile in this currency since local midnight, counted from
the history (so a restart changes nothing), plus this link.

A subscription link counts with its offer's price (known when the offer was picked from the
merchant's list); when a limit applies and the price is not known (a pasted offer id), the link
is refused rather than guessed. Demo mode is never limited (no real money).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, time

from inflow_desk.domain.money import Currency
from inflow_desk.storage.policy import Policy
from inflow_desk.ui.accounts.account import Account
from inflow_desk.ui.checkout.modes import PreparedRequest
from inflow_desk.ui.kit.errors import (
    UserMessage,
    currency_not_allowed,
    daily_limit_unknown,
    limit_exceeded,
    limit_unknown_price,
)
from inflow_desk.ui.kit.formatting import format_money

log = logging.getLogger(__name__)

#: (profile, agent, currency, since) → cents created; raises when the history cannot say.
DayTotal = Callable[[str, str, str, datetime], int]


def local_midnight(now: datetime) -> datetime:
    """The start of ``now``'s calendar day in local time, as an aware datetime."""
    local = now.astimezone()
    return datetime.combine(local.date(), time(0), tzinfo=local.tzinfo)


class AgentLimitCheck:
    def __init__(
        self,
        policy: Policy,
        day_total: DayTotal,
        *,
        agent: str,
        clock: Callable[[], datetime],
    ) -> None:
        self._policy = policy
        self._day_total = day_total
        self._agent = agent
        self._clock = clock

    def __call__(self, prepared: PreparedRequest, account: Account) -> UserMessage | None:
        if account.environment.upper() == "DEMO":
            return None
        limits = self._policy.limits_for(account.name)
        details = prepared.details
        code = details.currency
        limited = limits.max_per_link_cents is not None or limits.max_per_day_cents is not None
        if details.total_cents is None or code is None or code not in Currency.__members__:
            if limited:  # a price this window does not know cannot be checked: never guessed
                log.info("refused: the price is unknown and profile %r has limits", account.name)
                return limit_unknown_price(account.name)
            return None
        currency = Currency(code)
        if not self._policy.allows_currency(currency):
            return currency_not_allowed(currency.value)
        amount = details.total_cents
        if limits.max_per_link_cents is not None and amount > limits.max_per_link_cents:
            log.info("refused: over the per-link limit of profile %r", account.name)
            return limit_exceeded(
                profile=account.name,
                limit=format_money(limits.max_per_link_cents, currency),
                amount=format_money(amount, currency),
                per_day=False,
            )
        if limits.max_per_day_cents is None:
            return None
        try:
            used = self._day_total(
                account.name, self._agent, currency.value, local_midnight(self._clock())
            )
        except Exception:
            log.exception("the day's total could not be counted")
            return daily_limit_unknown(account.name)
        if used + amount > limits.max_per_day_cents:
            log.info("refused: over the daily limit of profile %r", account.name)
            return limit_exceeded(
                profile=account.name,
                limit=format_money(limits.max_per_day_cents, currency),
                amount=format_money(amount, currency),
                per_day=True,
                used=format_money(used, currency),
            )
        return None
