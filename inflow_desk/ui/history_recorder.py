"""Turns a created session into a history row, the moment the 201 arrives.

The main window calls the recorder *before* it shows the link (``record_session``), so a session
the agent could have handed out is always on disk: :meth:`HistoryStore.add` commits and fsyncs
before it returns. The API key is never part of what is recorded — :class:`CreatedSession`
does not carry it and the store rejects credential-like keys.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

from inflow_desk.storage.history import (
    HistoryLineItem,
    HistoryRecord,
    HistoryStore,
    NewHistoryRecord,
    SessionKind,
    current_agent,
)
from inflow_desk.ui.main_window import CreatedSession

Recorder = Callable[[CreatedSession], None]


def history_record(
    session: CreatedSession, *, profile: str, agent: str | None = None
) -> NewHistoryRecord:
    """The history row of ``session`` (raises ``ValueError`` for an incomplete session)."""
    details: Mapping[str, Any] = session.details
    body = dict(session.request_json)
    account = session.account
    kind = SessionKind(session.kind)
    line_items = tuple(
        HistoryLineItem(
            name=str(item["name"]),
            unit_price_cents=int(item["unit_price_cents"]),
            quantity=int(item["quantity"]),
        )
        for item in details.get("line_items") or ()
    )
    hours = body.get("expiresIn")
    expires_in_hours = (
        float(hours) if isinstance(hours, int | float) and not isinstance(hours, bool) else None
    )
    total = details.get("total_cents")
    return NewHistoryRecord(
        created_at=session.created_at,
        profile=profile,
        environment=account.environment if account is not None else "UNKNOWN",
        base_url=account.base_url if account is not None else "",
        kind=kind,
        session_id=session.session_id,
        checkout_url=session.checkout_url,
        expires_at=session.expires_at,
        expires_at_is_default=session.expiry_assumed,
        currency=_text(details.get("currency")),
        total_cents=int(total) if isinstance(total, int) and not isinstance(total, bool) else None,
        line_items=line_items,
        offer_id=_text(details.get("offer_id")),
        offer_name=_text(details.get("offer_name")),
        customer_email=_text(details.get("customer_email")),
        agent=agent if agent is not None else current_agent(),
        # Exactly the body that was POSTed, key order kept: "create again" sends it back.
        request_json=json.dumps(body, ensure_ascii=False),
        expires_in_hours=expires_in_hours,
    )


def make_recorder(
    store: HistoryStore,
    *,
    profile: str | Callable[[], str],
    on_recorded: Callable[[HistoryRecord], None] | None = None,
) -> Recorder:
    """A ``record_session`` callback for :class:`MainWindow` that writes to ``store``.

    ``profile`` is the profile name, or a callable giving the current one (the window may
    switch accounts). It runs synchronously on the GUI thread — one small durable insert — and
    lets exceptions propagate: the window logs them and warns "Not saved to history".
    ``on_recorded`` receives the stored row (e.g. to refresh a view at once).
    """
    agent = current_agent()

    def record(session: CreatedSession) -> None:
        name = profile() if callable(profile) else profile
        stored = store.add(history_record(session, profile=name, agent=agent))
        if on_recorded is not None:
            on_recorded(stored)

    return record


def _text(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None
