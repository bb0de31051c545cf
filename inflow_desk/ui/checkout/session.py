"""A created checkout session, as the window shows it and the history records it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from inflow_desk.ui.accounts.account import Account


@dataclass(frozen=True)
class CreatedSession:
    """A session as the window shows and records it."""

    session_id: str
    checkout_url: str
    created_at: datetime
    expires_at: datetime
    expiry_assumed: bool
    request_json: dict[str, object]
    kind: str = "one_time"
    details: dict[str, Any] = field(default_factory=dict)
    account: Account | None = None
