"""The kinds of checkout session Inflow creates (stored in the history as the value)."""

from __future__ import annotations

from enum import StrEnum


class SessionKind(StrEnum):
    ONE_TIME = "one_time"
    SUBSCRIPTION = "subscription"
