"""Turns a created session into a history row, the moment the 201 arrives.

The main window calls the recorder *before* it shows the link (``record_session``): the
recorder commits off the GUI thread (:class:`HistoryWriter`, fsync'd) and calls the window
back when the commit answered — ``None`` when the row is saved, else the warning to show next
to the link (the record is then kept in a journal next to the database, or in memory, and moves
into the history once the database works again). So a session the agent could have handed out
is always on disk or flagged. The API key is never part of what is recorded —
:class:`CreatedSession` does not carry it and the store rejects credential-like keys.

Signals of :class:`HistoryRecorder`: ``recorded(HistoryRecord)`` — a new row (a history view
inserts it); ``replayed(int)`` — waiting records moved into the database (a view refreshes);
``unavailable(str)`` — the history stopped working (the banner text); ``available()`` — it
works again (the banner goes).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from inflow_desk.storage.history import (
    HistoryLineItem,
    HistoryRecord,
    HistoryStore,
    NewHistoryRecord,
    SessionKind,
    current_agent,
)
from inflow_desk.storage.history_journal import (
    HistoryJournal,
    HistoryProblem,
    HistoryWriter,
    RecordOutcome,
    journal_path_for,
)
from inflow_desk.ui.checkout.session import CreatedSession
from inflow_desk.ui.kit.errors import (
    HISTORY_NOT_SAVED,
    describe_history_unavailable,
    describe_record_outcome,
)
from inflow_desk.ui.kit.workers import run_in_background

log = logging.getLogger(__name__)

#: Called on the GUI thread once the history answered: ``None`` (saved) or the warning to show.
RecordDone = Callable[[str | None], None]
Recorder = Callable[[CreatedSession, RecordDone], None]


def history_record(
    session: CreatedSession, *, profile: str, agent: str | None = None
) -> NewHistoryRecord:
    """The history row of ``session`` (raises ``ValueError`` for an incomplete session)."""
    details = session.details
    body = dict(session.request_json)
    account = session.account
    kind = SessionKind(session.kind)
    line_items = tuple(
        HistoryLineItem(
            name=item.name, unit_price_cents=item.unit_price_cents, quantity=item.quantity
        )
        for item in details.line_items
    )
    hours = body.get("expiresIn")
    expires_in_hours = (
        float(hours) if isinstance(hours, int | float) and not isinstance(hours, bool) else None
    )
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
        currency=details.currency,
        total_cents=details.total_cents,
        line_items=line_items,
        offer_id=details.offer_id,
        offer_name=details.offer_name,
        customer_email=details.customer_email,
        agent=agent if agent is not None else current_agent(),
        # Exactly the body that was POSTed, key order kept: "create again" sends it back.
        request_json=json.dumps(body, ensure_ascii=False),
        expires_in_hours=expires_in_hours,
    )


class HistoryRecorder(QObject):
    """A ``record_session`` callback for :class:`MainWindow` (call it with the session and
    the function that shows the link): the commit runs on the thread pool, never on the GUI
    thread; ``done`` runs on the GUI thread when it answered, after ``recorded`` was emitted."""

    recorded = Signal(object)
    replayed = Signal(int)
    unavailable = Signal(str)
    available = Signal()

    def __init__(
        self,
        writer: HistoryWriter,
        *,
        profile: str | Callable[[], str],
        agent: str | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("historyRecorder")
        self._writer = writer
        self._profile = profile
        self._agent = agent if agent is not None else current_agent()
        self._available = True

    @property
    def writer(self) -> HistoryWriter:
        return self._writer

    @property
    def is_available(self) -> bool:
        """False from a write the database refused until one it took."""
        return self._available

    def __call__(self, session: CreatedSession, done: RecordDone) -> None:
        self.record(session, done)

    def record(self, session: CreatedSession, done: RecordDone) -> None:
        name = self._profile() if callable(self._profile) else self._profile
        try:
            new = history_record(session, profile=name, agent=self._agent)
        except (ValueError, TypeError):
            log.exception("could not build the history row of a created session")
            done(HISTORY_NOT_SAVED)
            return
        writer = self._writer
        run_in_background(
            lambda: writer.record(new),
            lambda outcome: self._on_outcome(outcome, done),
            lambda exc: self._on_error(exc, done),
            owner=self,
        )

    def _on_outcome(self, outcome: RecordOutcome, done: RecordDone) -> None:
        if outcome.saved:
            self.recorded.emit(outcome.record)
            if outcome.replayed:
                self.replayed.emit(outcome.replayed)
            if not self._available:
                self._available = True
                self.available.emit()
        else:
            self._available = False
            self.unavailable.emit(describe_history_unavailable(outcome))
        done(describe_record_outcome(outcome))

    def _on_error(self, exc: BaseException, done: RecordDone) -> None:
        log.error("recording a session failed unexpectedly: %s", type(exc).__name__)
        done(HISTORY_NOT_SAVED)

    def replay_pending(self) -> None:
        """Move journaled records into the database, off the GUI thread (start-up)."""
        writer = self._writer
        if writer.store is None:
            return
        run_in_background(writer.replay, self._on_replayed, self._on_replay_failed, owner=self)

    def _on_replayed(self, added: int) -> None:
        if added:
            self.replayed.emit(added)

    def _on_replay_failed(self, exc: BaseException) -> None:
        log.warning("history: replaying waiting records failed: %s", type(exc).__name__)


def make_recorder(
    store: HistoryStore,
    *,
    profile: str | Callable[[], str],
    on_recorded: Callable[[HistoryRecord], None] | None = None,
    journal: Path | None = None,
) -> HistoryRecorder:
    """A :class:`HistoryRecorder` writing to ``store``, journaling next to its file.

    ``profile`` is the profile name, or a callable giving the current one (the window may
    switch accounts). ``on_recorded`` receives each stored row (e.g. to show it at once).
    """
    path = journal if journal is not None else journal_path_for(store.path)
    recorder = HistoryRecorder(HistoryWriter(store, HistoryJournal(path)), profile=profile)
    if on_recorded is not None:
        recorder.recorded.connect(on_recorded)
    return recorder


def journal_only_recorder(
    db_path: Path,
    *,
    profile: str | Callable[[], str],
    problem: HistoryProblem = HistoryProblem.UNAVAILABLE,
) -> HistoryRecorder:
    """The recorder when the database at ``db_path`` could not be opened: every session goes
    to the journal (the next start-up that opens the database moves them in)."""
    writer = HistoryWriter(None, HistoryJournal(journal_path_for(db_path)), unavailable=problem)
    return HistoryRecorder(writer, profile=profile)


def _text(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None
