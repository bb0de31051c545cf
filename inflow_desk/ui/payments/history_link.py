"""The history keeps what the watchers learn: the payment id, the status, when it was seen and
what the match rested on (``HistoryStore.save_payment_status``), and its status column shows
it — after a restart too."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject

from inflow_desk.storage.history import HistoryStore, PaymentStatusRecord
from inflow_desk.ui.kit.widgets import Clock, utc_now
from inflow_desk.ui.kit.workers import run_in_background
from inflow_desk.ui.payments.install import PaymentsFeature
from inflow_desk.ui.payments.status import LinkStatus

log = logging.getLogger(__name__)

#: ``(session_id, text)``: the history model's status column (``HistoryModel.set_payment_status``).
ShowInHistory = Callable[[str, str], None]


def record_of(session_id: str, status: LinkStatus, seen_at: datetime) -> PaymentStatusRecord:
    return PaymentStatusRecord(
        session_id=session_id,
        state=status.state,
        shown=status.short,
        seen_at=seen_at,
        payment_id=status.payment_id,
        payment_status=status.payment_status,
        basis=status.basis,
        paid_at=status.seen_at,
    )


def keep_in_history(
    feature: PaymentsFeature,
    store: HistoryStore,
    show: ShowInHistory,
    *,
    clock: Clock = utc_now,
    owner: QObject | None = None,
) -> None:
    """Show the kept statuses now (read off the GUI thread), then keep and show each change."""
    owner = owner or feature

    def shown(kept: dict[str, PaymentStatusRecord]) -> None:
        for session_id, record in kept.items():
            show(session_id, record.shown)

    def failed(exc: BaseException) -> None:
        log.warning("payment statuses not read from the history: %s", type(exc).__name__)

    run_in_background(store.payment_statuses, shown, failed, owner=owner)

    def changed(session_id: str, status: LinkStatus) -> None:
        if status.state in ("waiting", "expired"):
            return  # nothing learnt: the column's own "open — 23 min left" / "expired" stays
        show(session_id, status.short)
        record = record_of(session_id, status, clock())
        run_in_background(
            lambda: store.save_payment_status(record),
            lambda _none: None,
            lambda exc: log.warning("payment status not saved: %s", type(exc).__name__),
            owner=owner,
        )

    feature.statusChanged.connect(changed)
