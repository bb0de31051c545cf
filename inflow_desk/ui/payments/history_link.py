"""The history keeps what the watchers learn: the payment id, the status, when it was seen and
what the match rested on (``HistoryStore.save_payment_status``), and its status column shows
it — after a restart too."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QObject

from inflow_desk.domain.limits import MAX_EXPIRES_IN_HOURS
from inflow_desk.domain.payments import GRACE, LinkFacts
from inflow_desk.storage.history import HistoryRecord, HistoryStore, PaymentStatusRecord
from inflow_desk.ui.accounts.account import Account
from inflow_desk.ui.kit.widgets import Clock, utc_now
from inflow_desk.ui.kit.workers import run_in_background
from inflow_desk.ui.payments.install import PaymentsFeature, facts_of_link
from inflow_desk.ui.payments.status import LinkStatus, kept_text

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


#: States after which a restored link needs no watching (the history shows them already).
SETTLED_STATES = frozenset({"paid", "refund"})


def link_facts_of(record: HistoryRecord) -> LinkFacts:
    """What matching knows of a link the history kept (as ``install.link_facts``)."""
    return facts_of_link(
        session_id=record.session_id,
        created_at=record.created_at,
        expires_at=record.expires_at,
        currency=record.currency,
        total_cents=record.total_cents,
        customer_email=record.customer_email,
        lines=tuple((i.name, i.unit_price_cents, i.quantity) for i in record.line_items),
        offer_id=record.offer_id,
        offer_name=record.offer_name,
    )


def open_links(store: HistoryStore, account: Account, now: datetime) -> list[LinkFacts]:
    """``account``'s links of earlier runs that may still be paid (open, or expired less than
    the matching grace ago) and are not known to be paid: the ones to watch again."""
    since = now - timedelta(hours=MAX_EXPIRES_IN_HOURS) - GRACE
    kept = store.payment_statuses()
    return [
        link_facts_of(record)
        for record in store.range(since, now + timedelta(minutes=1))
        if record.profile == account.name
        and record.base_url == account.base_url
        and record.expires_at + GRACE > now
        and getattr(kept.get(record.session_id), "state", None) not in SETTLED_STATES
    ]


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
            show(session_id, kept_text(record))

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

    restored: set[tuple[str, str]] = set()

    def restore(account: Account) -> None:
        """Once per account: watch its links of earlier runs that are still open."""
        key = (account.name, account.base_url)
        if key in restored:  # (a demo run's emulator has a new port: its old links differ)
            return
        restored.add(key)
        now = clock()
        run_in_background(
            lambda: open_links(store, account, now),
            lambda links: feature.restore(account, links),
            lambda exc: log.warning("open links not restored: %s", type(exc).__name__),
            owner=owner,
        )

    feature.accountShown.connect(restore)
    restore(feature.account)
