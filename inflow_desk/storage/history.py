"""Local history of every checkout session the agent created (stdlib ``sqlite3``, no Qt).

Inflow has no API to read a session back (``inflow-api.md`` §3.3), so this database is the
only record of what was sent to whom. It must never lose a row:

* **Durability.** The database runs in WAL mode with ``synchronous=FULL``; :meth:`HistoryStore.add`
  commits (and fsyncs) before it returns, so a row survives a ``SIGKILL`` or power loss right
  after the call.
* **Concurrency.** Two app windows (two :class:`HistoryStore` objects, possibly in two processes)
  may write at the same time: every write runs in ``BEGIN IMMEDIATE`` with a busy timeout, so
  writers queue up instead of failing.
* **Threads.** A store lends each running query a connection from a small pool (at most
  :data:`MAX_IDLE_CONNECTIONS` stay open between queries), so the GUI thread and worker threads
  may share a store, and a reader never waits for a writer (WAL). Threads come and go (every
  ``QThreadPool`` task may run on a fresh one): connections do not follow them.
* **Schema.** Versioned with ``PRAGMA user_version`` and forward-only migrations
  (:data:`MIGRATIONS`), each applied in its own transaction. A database written by a *newer*
  app version raises :class:`SchemaTooNewError` before anything in the file is touched.
* **No secrets.** There is no column for an API key and :class:`NewHistoryRecord` has no field
  for one; request bodies and drafts that contain credential-like keys are rejected.

The caller (``app.py``) chooses the file, e.g. ``<AppDataLocation>/history.sqlite3``.

Typical use from the UI::

    store = HistoryStore(data_dir / "history.sqlite3")
    created_at = utc_now()
    expires_at, is_default = expiry_for(created_at, options.expires_in_hours)
    store.add(NewHistoryRecord(created_at=created_at, ..., request_json=json.dumps(body)))
    n = store.count(filter_text)                 # rowCount of the lazy table model
    rows = store.page(offset, 200, filter_text)  # fetchMore / data()
    status_text(rows[0], utc_now())              # "open — 23 min left" / "expired"
"""

from __future__ import annotations

import csv
import getpass
import json
import logging
import re
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from types import TracebackType
from typing import Any, Final, Self, TextIO
from urllib.parse import urlsplit

from inflow_desk.domain.i18n import translate
from inflow_desk.domain.kinds import SessionKind
from inflow_desk.domain.money import plain_amount
from inflow_desk.domain.time_left import time_left_text

__all__ = [
    "DEFAULT_EXPIRY",
    "MIGRATIONS",
    "NEWEST_FIRST",
    "SCHEMA_VERSION",
    "CredentialRejectedError",
    "HistoryError",
    "HistoryLineItem",
    "HistoryRecord",
    "HistoryStore",
    "Migration",
    "NewHistoryRecord",
    "PaymentStatusRecord",
    "SchemaTooNewError",
    "SessionKind",
    "SortColumn",
    "SortOrder",
    "current_agent",
    "expiry_for",
    "export_csv",
    "format_decimal",
    "is_open",
    "matches_filter",
    "status_text",
    "utc_now",
]

#: Lifetime Inflow applies when ``expiresIn`` is omitted (documented as "≈ 1 hour").
#: Mirrors ``domain.limits.DEFAULT_EXPIRES_IN_HOURS``; storage keeps its own copy so it does
#: not depend on the form logic.
DEFAULT_EXPIRY: Final = timedelta(hours=1)

#: How long a writer waits for another connection's write lock before giving up.
BUSY_TIMEOUT_SECONDS: Final = 15.0

#: Connections a store keeps open between queries. More are opened while more threads query
#: at the same moment (a reader must not wait behind a writer); they close when handed back.
#: Each costs three descriptors (database, WAL, shared memory) and up to 32 MiB of page cache.
MAX_IDLE_CONNECTIONS: Final = 2

log = logging.getLogger(__name__)

#: Keys that must never appear in a stored request body or draft (compared case-insensitively,
#: with ``-`` and ``_`` removed).
_CREDENTIAL_KEYS: Final = frozenset(
    {
        "apikey",
        "privatekey",
        "secretkey",
        "secret",
        "authorization",
        "xapikey",
        "password",
        "token",
        "accesstoken",
        "bearer",
    }
)


# ---------------------------------------------------------------------------------- errors


class HistoryError(Exception):
    """Something is wrong with the history database (message is a sentence for the agent)."""


class SchemaTooNewError(HistoryError):
    """The database was written by a newer version of Inflow Desk; it was left untouched."""

    def __init__(self, path: Path, found: int, supported: int) -> None:
        super().__init__(
            f"The history file {path} was written by a newer version of Inflow Desk "
            f"(schema version {found}; this version understands up to {supported}). "
            "It was not changed. Update Inflow Desk to open it."
        )
        self.path = path
        self.found = found
        self.supported = supported


class CredentialRejectedError(HistoryError, ValueError):
    """A value handed to the store looks like it carries a credential; nothing was stored."""


# ---------------------------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class HistoryLineItem:
    """One product line as it was sent (unit price in cents)."""

    name: str
    unit_price_cents: int
    quantity: int

    def __post_init__(self) -> None:
        if isinstance(self.unit_price_cents, bool) or not isinstance(self.unit_price_cents, int):
            raise TypeError("unit_price_cents must be an int")
        if isinstance(self.quantity, bool) or not isinstance(self.quantity, int):
            raise TypeError("quantity must be an int")

    def to_json(self) -> dict[str, object]:
        return {
            "name": self.name,
            "unit_price_cents": self.unit_price_cents,
            "quantity": self.quantity,
        }


@dataclass(frozen=True, kw_only=True)
class NewHistoryRecord:
    """A created session, before it has a row id. Pass it to :meth:`HistoryStore.add`.

    Datetimes must be timezone-aware (they are converted to UTC and stored with millisecond
    precision). ``request_json`` is the exact JSON body that was POSTed (e.g.
    ``json.dumps(req.to_json())``); "create again" reproduces the request from it via
    :attr:`request_body`. One-time sessions carry ``currency``, ``total_cents`` and at least one
    line item; subscription sessions carry ``offer_id`` (``currency``/``total_cents`` are
    optional there, when the offer is known) and no line items.

    There is deliberately no field for an API key.
    """

    created_at: datetime
    profile: str
    environment: str
    base_url: str
    kind: SessionKind
    session_id: str
    checkout_url: str
    expires_at: datetime
    expires_at_is_default: bool
    currency: str | None
    total_cents: int | None
    line_items: tuple[HistoryLineItem, ...] = ()
    offer_id: str | None = None
    offer_name: str | None = None
    customer_email: str | None = None
    agent: str
    request_json: str
    expires_in_hours: float | None = None

    def __post_init__(self) -> None:
        for name in ("created_at", "expires_at"):
            value = getattr(self, name)
            if not isinstance(value, datetime) or value.utcoffset() is None:
                raise ValueError(f"{name} must be a timezone-aware datetime")
        object.__setattr__(self, "kind", SessionKind(self.kind))
        object.__setattr__(self, "line_items", tuple(self.line_items))
        if self.kind is SessionKind.ONE_TIME:
            if not self.line_items:
                raise ValueError("a one-time session needs at least one line item")
            if self.currency is None or self.total_cents is None:
                raise ValueError("a one-time session needs currency and total_cents")
            if self.offer_id is not None:
                raise ValueError("a one-time session has no offer_id")
        else:
            if not self.offer_id:
                raise ValueError("a subscription session needs an offer_id")
            if self.line_items:
                raise ValueError("a subscription session has no line items")
        if self.total_cents is not None and (
            isinstance(self.total_cents, bool) or not isinstance(self.total_cents, int)
        ):
            raise TypeError("total_cents must be an int or None")
        try:
            body = json.loads(self.request_json)
        except (TypeError, ValueError) as exc:
            raise ValueError("request_json must be the JSON text of the request body") from exc
        if not isinstance(body, dict):
            raise ValueError("request_json must be a JSON object")
        _reject_credentials(body, "request_json")
        _reject_url_credentials(self.base_url, "base_url")

    @property
    def request_body(self) -> dict[str, Any]:
        """The request body as sent (parsed from :attr:`request_json`, key order preserved)."""
        body: dict[str, Any] = json.loads(self.request_json)
        return body

    @property
    def items_summary(self) -> str:
        """``"2 × Starter kit @ 49.99; 1 × Shipping @ 9.90"`` (empty for subscriptions)."""
        return "; ".join(
            f"{item.quantity} × {item.name} @ {format_decimal(item.unit_price_cents)}"
            for item in self.line_items
        )


@dataclass(frozen=True, kw_only=True)
class HistoryRecord(NewHistoryRecord):
    """A stored row: a :class:`NewHistoryRecord` plus its row ``id`` (stable, never reused)."""

    id: int


# ---------------------------------------------------------------------------------- ordering


class SortColumn(StrEnum):
    """Columns the history view may sort by. Ties are broken by row id in the same direction."""

    CREATED_AT = "created_at"
    EXPIRES_AT = "expires_at"  # also the order of the status column
    KIND = "kind"
    PROFILE = "profile"
    ENVIRONMENT = "environment"
    SESSION_ID = "session_id"
    CUSTOMER_EMAIL = "customer_email"
    CURRENCY = "currency"
    TOTAL = "total"
    AGENT = "agent"
    DESCRIPTION = "description"  # offer name, else first product name


_SORT_SQL: Final[Mapping[SortColumn, str]] = {
    SortColumn.CREATED_AT: "created_at_ms",
    SortColumn.EXPIRES_AT: "expires_at_ms",
    SortColumn.KIND: "kind",
    SortColumn.PROFILE: "profile COLLATE NOCASE",
    SortColumn.ENVIRONMENT: "environment COLLATE NOCASE",
    SortColumn.SESSION_ID: "session_id",
    SortColumn.CUSTOMER_EMAIL: "customer_email COLLATE NOCASE",
    SortColumn.CURRENCY: "currency",
    SortColumn.TOTAL: "total_cents",
    SortColumn.AGENT: "agent COLLATE NOCASE",
    SortColumn.DESCRIPTION: "description COLLATE NOCASE",
}


@dataclass(frozen=True, slots=True)
class SortOrder:
    """Sort key for :meth:`HistoryStore.page`. NULLs (e.g. no e-mail) sort as smallest."""

    column: SortColumn = SortColumn.CREATED_AT
    descending: bool = True


#: The default order of the history view.
NEWEST_FIRST: Final = SortOrder()


@dataclass(frozen=True, slots=True)
class PaymentStatusRecord:
    """A link's payment status as last seen (``ui/payments``): kept so the history still
    shows "paid ✓ 13:12" after a restart, and says what the match rested on."""

    session_id: str
    state: str  # "paid", "failed", "pending", "refund", "unknown", "waiting", "expired"
    shown: str  # the history column's text
    seen_at: datetime
    payment_id: str | None = None
    payment_status: str | None = None  # Inflow's raw status
    basis: str = ""
    paid_at: datetime | None = None


# ---------------------------------------------------------------------------------- schema


@dataclass(frozen=True, slots=True)
class Migration:
    """One forward schema step: after ``apply`` the database is at ``version``."""

    version: int
    description: str
    apply: Callable[[sqlite3.Connection], None]


def _execute_all(conn: sqlite3.Connection, statements: Sequence[str]) -> None:
    # Not executescript(): that would COMMIT the surrounding migration transaction.
    for statement in statements:
        conn.execute(statement)


_V1_STATEMENTS: Final = (
    """
    CREATE TABLE sessions (
        id                    INTEGER PRIMARY KEY AUTOINCREMENT,
        created_at_ms         INTEGER NOT NULL,
        profile               TEXT    NOT NULL,
        environment           TEXT    NOT NULL,
        base_url              TEXT    NOT NULL,
        kind                  TEXT    NOT NULL CHECK (kind IN ('one_time', 'subscription')),
        session_id            TEXT    NOT NULL,
        checkout_url          TEXT    NOT NULL,
        expires_at_ms         INTEGER NOT NULL,
        expires_at_is_default INTEGER NOT NULL CHECK (expires_at_is_default IN (0, 1)),
        currency              TEXT,
        total_cents           INTEGER,
        line_items_json       TEXT    NOT NULL DEFAULT '[]',
        offer_id              TEXT,
        offer_name            TEXT,
        customer_email        TEXT,
        agent                 TEXT    NOT NULL,
        request_json          TEXT    NOT NULL,
        expires_in_hours      REAL
    )
    """,
    "CREATE INDEX sessions_created_at ON sessions (created_at_ms)",
)


def _migrate_v1(conn: sqlite3.Connection) -> None:
    _execute_all(conn, _V1_STATEMENTS)


_V2_STATEMENTS: Final = (
    # Precomputed, case-folded haystack for filter-as-you-type (see _search_text).
    "ALTER TABLE sessions ADD COLUMN search_text TEXT NOT NULL DEFAULT ''",
    # Sort key of the "description" column: offer name, else the first product name.
    "ALTER TABLE sessions ADD COLUMN description TEXT NOT NULL DEFAULT ''",
    # Newest-first paging *and* filtering walk this index without touching the wide rows.
    "DROP INDEX sessions_created_at",
    "CREATE INDEX sessions_created_search ON sessions (created_at_ms, id, search_text)",
    "CREATE INDEX sessions_expires_at ON sessions (expires_at_ms)",
    "CREATE INDEX sessions_total ON sessions (total_cents)",
    "CREATE INDEX sessions_email ON sessions (customer_email COLLATE NOCASE)",
    "CREATE INDEX sessions_session_id ON sessions (session_id)",
    "CREATE INDEX sessions_description ON sessions (description COLLATE NOCASE)",
    """
    CREATE TABLE drafts (
        profile     TEXT    PRIMARY KEY,
        data_json   TEXT    NOT NULL,
        saved_at_ms INTEGER NOT NULL
    )
    """,
)


def _migrate_v2(conn: sqlite3.Connection) -> None:
    _execute_all(conn, _V2_STATEMENTS)
    rows = conn.execute(
        "SELECT id, customer_email, line_items_json, offer_id, offer_name, session_id,"
        " checkout_url, currency, total_cents FROM sessions"
    ).fetchall()
    updates = []
    for row in rows:
        items = _items_from_json(row[2])
        search = _search_text(
            customer_email=row[1],
            product_names=[item.name for item in items],
            offer_id=row[3],
            offer_name=row[4],
            session_id=row[5],
            checkout_url=row[6],
            currency=row[7],
            total_cents=row[8],
        )
        updates.append((search, _description(row[4], items), row[0]))
    conn.executemany("UPDATE sessions SET search_text = ?, description = ? WHERE id = ?", updates)


_V3_STATEMENTS: Final = (
    # What the desk learnt about a link's payment (issue 15): one row per session, replaced
    # as it changes. ``basis`` says what the match rested on ("amount, time, email" or
    # "session read"); ``seen_at_ms`` when the desk saw it, ``paid_at_ms`` Inflow's stamp.
    """
    CREATE TABLE payment_status (
        session_id     TEXT    PRIMARY KEY,
        state          TEXT    NOT NULL,
        shown          TEXT    NOT NULL,
        payment_id     TEXT,
        payment_status TEXT,
        basis          TEXT    NOT NULL DEFAULT '',
        seen_at_ms     INTEGER NOT NULL,
        paid_at_ms     INTEGER
    )
    """,
)


def _migrate_v3(conn: sqlite3.Connection) -> None:
    _execute_all(conn, _V3_STATEMENTS)


#: Forward migrations, applied in order; ``MIGRATIONS[i].version == i + 1``. Never edit a
#: shipped step — append a new one.
MIGRATIONS: Final[tuple[Migration, ...]] = (
    Migration(1, "sessions table", _migrate_v1),
    Migration(2, "search_text/description columns, indexes, drafts table", _migrate_v2),
    Migration(3, "payment_status table", _migrate_v3),
)

#: The schema version this code writes.
SCHEMA_VERSION: Final = MIGRATIONS[-1].version


# ---------------------------------------------------------------------------------- helpers


def utc_now() -> datetime:
    """The current time, timezone-aware UTC."""
    return datetime.now(UTC)


def current_agent() -> str:
    """The OS user name of the agent, for :attr:`NewHistoryRecord.agent` (``"unknown"`` if none)."""
    try:
        return getpass.getuser() or "unknown"
    except (KeyError, OSError):  # no passwd entry / no login name (containers)
        return "unknown"


def expiry_for(created_at: datetime, expires_in_hours: float | None) -> tuple[datetime, bool]:
    """``(expires_at, expires_at_is_default)`` for a session created at ``created_at``.

    ``expires_in_hours=None`` means ``expiresIn`` was not sent: Inflow's documented default of
    one hour applies and the flag is ``True``.
    """
    if created_at.utcoffset() is None:
        raise ValueError("created_at must be timezone-aware")
    if expires_in_hours is None:
        return created_at + DEFAULT_EXPIRY, True
    return created_at + timedelta(hours=expires_in_hours), False


def format_decimal(cents: int) -> str:
    """Integer cents as a plain decimal string: ``4999 → "49.99"``, ``990 → "9.90"``."""
    return plain_amount(cents)  # the one implementation


def is_open(record: NewHistoryRecord, now: datetime) -> bool:
    """Whether the session's checkout link is still valid at ``now`` (tz-aware)."""
    if now.utcoffset() is None:
        raise ValueError("now must be timezone-aware")
    return now < record.expires_at


def status_text(record: NewHistoryRecord, now: datetime) -> str:
    """The status column: ``"open — 23 min left"``, ``"open — 2 h 5 min left"``, ``"expired"``.

    Pure: ``now`` is injected (tz-aware). The time left is worded by
    :func:`~inflow_desk.domain.time_left.time_left_text` (rounded down, as the result panel's
    countdown; the last minute reads "less than a minute left"); at the exact expiry instant
    the link is ``"expired"``. Lifetimes of a day or more read ``"open — 3 d 4 h left"``.
    """
    if not is_open(record, now):
        return expired_status_text()
    return open_status_text(record.expires_at - now)


def expired_status_text() -> str:
    return translate("HistoryStatus", "expired")


def open_status_text(left: timedelta) -> str:
    """``"open — 2 h 5 min left"``: an open link's status with ``left`` to go."""
    return translate("HistoryStatus", "open — {time_left}").format(time_left=time_left_text(left))


def _to_ms(value: datetime) -> int:
    delta = value - datetime(1970, 1, 1, tzinfo=UTC)
    return delta // timedelta(milliseconds=1)


def _from_ms(ms: int) -> datetime:
    return datetime(1970, 1, 1, tzinfo=UTC) + timedelta(milliseconds=ms)


def _iso(value: datetime) -> str:
    """``2024-05-01T09:15:00.123Z``."""
    return (
        value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{value.microsecond // 1000:03d}Z"
    )


def _normalise_key(key: str) -> str:
    return key.lower().replace("-", "").replace("_", "")


def _reject_credentials(value: object, where: str) -> None:
    """Raise if ``value`` (a JSON tree of dicts and lists) has a key that names a credential."""
    stack: list[object] = [value]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            for key, child in node.items():
                if isinstance(key, str) and _normalise_key(key) in _CREDENTIAL_KEYS:
                    raise CredentialRejectedError(
                        f"{where} contains a {key!r} entry; credentials are never stored"
                    )
                stack.append(child)
        elif isinstance(node, list):
            stack.extend(node)


def _reject_url_credentials(url: str, where: str) -> None:
    if urlsplit(url).password is not None or "@" in urlsplit(url).netloc:
        raise CredentialRejectedError(f"{where} contains user info; credentials are never stored")


def _amount_variants(cents: int) -> list[str]:
    """Ways an agent may type a total: 4999 → 49.99, 49,99, 4999 (plus grouped forms ≥ 1000)."""
    dotted = format_decimal(cents)
    whole, frac = dotted.split(".")
    variants = [dotted, f"{whole},{frac}", str(cents)]
    if frac == "00":
        variants.append(whole)
    if abs(cents) >= 100_000:
        grouped = f"{int(whole):,}"
        variants += [f"{grouped}.{frac}", f"{grouped.replace(',', '.')},{frac}"]
    return variants


def _search_text(
    *,
    customer_email: str | None,
    product_names: Iterable[str],
    offer_id: str | None,
    offer_name: str | None,
    session_id: str,
    checkout_url: str,
    currency: str | None,
    total_cents: int | None,
) -> str:
    parts = [customer_email or "", *product_names, offer_id or "", offer_name or ""]
    parts += [session_id, checkout_url, currency or ""]
    if total_cents is not None:
        parts += _amount_variants(total_cents)
    # \x1f (unit separator) keeps a search term from matching across two fields.
    return "\x1f".join(part.casefold() for part in parts if part)


def _description(offer_name: str | None, items: Sequence[HistoryLineItem]) -> str:
    if offer_name:
        return offer_name
    return items[0].name if items else ""


def _items_from_json(text: str) -> tuple[HistoryLineItem, ...]:
    return tuple(
        HistoryLineItem(str(item["name"]), int(item["unit_price_cents"]), int(item["quantity"]))
        for item in json.loads(text)
    )


_TERM = re.compile(r'"([^"]*)"?|(\S+)')


def _filter_words(filter_text: str) -> list[str]:
    """The case-folded words of a filter (``"double quotes"`` keep a phrase together)."""
    words = []
    for match in _TERM.finditer(filter_text):
        term = (match.group(1) if match.group(1) is not None else match.group(2)).casefold()
        if term.strip():
            words.append(term)
    return words


def _filter_terms(filter_text: str) -> list[str]:
    """``LIKE`` patterns for the words of a filter; a row must contain every one of them.

    Words are separated by whitespace; ``"double quotes"`` keep a phrase together. Terms are
    case-folded and ``%``, ``_`` and ``\\`` escaped. (``LIKE`` scans measurably faster than
    ``instr()``; its ASCII case folding is harmless because both sides are case-folded.)
    """
    patterns = []
    for term in _filter_words(filter_text):
        escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        patterns.append(f"%{escaped}%")
    return patterns


def matches_filter(record: NewHistoryRecord, filter_text: str) -> bool:
    """Whether :meth:`HistoryStore.count`/:meth:`~HistoryStore.page` with ``filter_text``
    would include ``record`` (for a view that inserts a new row instead of re-querying)."""
    haystack = _search_text(
        customer_email=record.customer_email,
        product_names=[item.name for item in record.line_items],
        offer_id=record.offer_id,
        offer_name=record.offer_name,
        session_id=record.session_id,
        checkout_url=record.checkout_url,
        currency=record.currency,
        total_cents=record.total_cents,
    )
    return all(word in haystack for word in _filter_words(filter_text))


def _where(patterns: Sequence[str]) -> str:
    if not patterns:
        return ""
    return " WHERE " + " AND ".join("search_text LIKE ? ESCAPE '\\'" for _ in patterns)


# ---------------------------------------------------------------------------------- store

_COLUMNS: Final = (
    "id, created_at_ms, profile, environment, base_url, kind, session_id, checkout_url,"
    " expires_at_ms, expires_at_is_default, currency, total_cents, line_items_json, offer_id,"
    " offer_name, customer_email, agent, request_json, expires_in_hours"
)

_INSERT: Final = (
    "INSERT INTO sessions (created_at_ms, profile, environment, base_url, kind, session_id,"
    " checkout_url, expires_at_ms, expires_at_is_default, currency, total_cents, line_items_json,"
    " offer_id, offer_name, customer_email, agent, request_json, expires_in_hours, search_text,"
    " description) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def _insert_params(record: NewHistoryRecord) -> tuple[object, ...]:
    return (
        _to_ms(record.created_at),
        record.profile,
        record.environment,
        record.base_url,
        record.kind.value,
        record.session_id,
        record.checkout_url,
        _to_ms(record.expires_at),
        int(bool(record.expires_at_is_default)),
        record.currency,
        record.total_cents,
        json.dumps([item.to_json() for item in record.line_items], ensure_ascii=False),
        record.offer_id,
        record.offer_name,
        record.customer_email,
        record.agent,
        record.request_json,
        record.expires_in_hours,
        _search_text(
            customer_email=record.customer_email,
            product_names=[item.name for item in record.line_items],
            offer_id=record.offer_id,
            offer_name=record.offer_name,
            session_id=record.session_id,
            checkout_url=record.checkout_url,
            currency=record.currency,
            total_cents=record.total_cents,
        ),
        _description(record.offer_name, record.line_items),
    )


def _row_to_record(row: Sequence[Any]) -> HistoryRecord:
    return HistoryRecord(
        id=row[0],
        created_at=_from_ms(row[1]),
        profile=row[2],
        environment=row[3],
        base_url=row[4],
        kind=SessionKind(row[5]),
        session_id=row[6],
        checkout_url=row[7],
        expires_at=_from_ms(row[8]),
        expires_at_is_default=bool(row[9]),
        currency=row[10],
        total_cents=row[11],
        line_items=_items_from_json(row[12]),
        offer_id=row[13],
        offer_name=row[14],
        customer_email=row[15],
        agent=row[16],
        request_json=row[17],
        expires_in_hours=row[18],
    )


class HistoryStore:
    """The history database at ``path`` (created with its parent folders if missing).

    Opening migrates an older schema forward (each step in its own transaction; concurrent
    openers are safe). Raises :class:`SchemaTooNewError` for a database from a newer app
    version and :class:`HistoryError` for a file that is not a usable SQLite database.

    **Threads: a small pool of connections.** Each query borrows an idle connection (or opens
    one when all are busy) and hands it back when it ends; at most
    :data:`MAX_IDLE_CONNECTIONS` stay open between queries, extra ones are closed. So a query on
    the GUI thread never waits for a worker's query — in WAL mode readers and the writer run in
    parallel, and writers queue on SQLite's busy timeout — and threads that come and go (pool
    threads expire) leave no connection behind. A connection is used by one thread at a time.
    A store may therefore be shared freely between the GUI thread and ``QThreadPool`` workers.
    :meth:`close` waits for the queries other threads are running (closing a connection under a
    running query crashes the process) and refuses new ones.
    For separate windows/processes, open separate stores on the same file.

    ``clock`` supplies "now" for draft timestamps (tests inject a frozen clock).
    """

    def __init__(
        self,
        path: Path,
        *,
        clock: Callable[[], datetime] = utc_now,
        busy_timeout: float = BUSY_TIMEOUT_SECONDS,
    ) -> None:
        self._path = Path(path)
        self._clock = clock
        self._busy_timeout = busy_timeout
        self._lock = threading.Lock()  # guards _pool, _open, _closed and _in_use
        self._idle = threading.Condition(self._lock)  # _in_use dropped to 0
        self._pool: list[sqlite3.Connection] = []  # open connections no query is using
        self._open = 0  # open connections: the pool's and those lent to running queries
        self._closed = False
        self._in_use = 0  # operations inside _conn(), all threads
        self._path.parent.mkdir(parents=True, exist_ok=True)
        conn = self._connect()
        try:
            # Check the version before anything writes to the file (WAL switch, migrations).
            found = self._user_version(conn)
            if found > SCHEMA_VERSION:
                raise SchemaTooNewError(self._path, found, SCHEMA_VERSION)
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise HistoryError(f"The history file {self._path} cannot use WAL mode ({mode}).")
            self._configure(conn)
            self._migrate(conn)
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise HistoryError(f"The history file {self._path} cannot be opened: {exc}") from exc
        except BaseException:
            conn.close()
            raise
        self._pool.append(conn)
        self._open = 1

    # -- connections and schema ----------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        # check_same_thread=False: pooled connections serve one thread after another (never
        # two at once: a connection is lent to one query at a time).
        return sqlite3.connect(
            self._path, timeout=self._busy_timeout, isolation_level=None, check_same_thread=False
        )

    @staticmethod
    def _configure(conn: sqlite3.Connection) -> None:
        conn.execute("PRAGMA synchronous = FULL")  # a committed row survives power loss
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA cache_size = -32768")  # 32 MiB: keeps the filter index in memory

    @staticmethod
    def _user_version(conn: sqlite3.Connection) -> int:
        version: int = conn.execute("PRAGMA user_version").fetchone()[0]
        return version

    def _migrate(self, conn: sqlite3.Connection) -> None:
        for migration in MIGRATIONS:
            if self._user_version(conn) >= migration.version:
                continue
            with _write_transaction(conn):
                # Re-check under the write lock: another window may have migrated meanwhile.
                current = self._user_version(conn)
                if current > SCHEMA_VERSION:
                    raise SchemaTooNewError(self._path, current, SCHEMA_VERSION)
                if current < migration.version:
                    migration.apply(conn)
                    conn.execute(f"PRAGMA user_version = {int(migration.version)}")

    @contextmanager
    def _conn(self) -> Iterator[sqlite3.Connection]:
        """A connection lent to this block alone (from the pool, or newly opened), counted as
        in use until the block ends, so :meth:`close` can wait for it."""
        with self._lock:
            if self._closed:
                raise HistoryError("The history store is closed.")
            self._in_use += 1
            conn = self._pool.pop() if self._pool else None
            if conn is None:
                try:
                    conn = self._connect()
                    self._configure(conn)
                except BaseException:
                    self._release()
                    raise
                self._open += 1
        try:
            yield conn
        finally:
            self._hand_back(conn)

    def _hand_back(self, conn: sqlite3.Connection) -> None:
        keep = True
        try:
            if conn.in_transaction:  # a block that failed half-way must not leak its snapshot
                conn.execute("ROLLBACK")
        except sqlite3.Error:
            keep = False  # a connection in an unknown state is not lent again
        with self._lock:
            if keep and len(self._pool) < MAX_IDLE_CONNECTIONS:
                self._pool.append(conn)
            else:
                conn.close()
                self._open -= 1
            self._release()

    def _release(self) -> None:  # with self._lock held
        self._in_use -= 1
        if self._in_use == 0:
            self._idle.notify_all()

    @property
    def busy_timeout(self) -> float:
        """Seconds a write waits for another connection's write lock."""
        return self._busy_timeout

    @property
    def open_connections(self) -> int:
        """SQLite connections this store holds open right now (diagnostics, tests)."""
        with self._lock:
            return self._open

    @property
    def path(self) -> Path:
        """The database file."""
        return self._path

    @property
    def schema_version(self) -> int:
        """The schema version of the open database (always :data:`SCHEMA_VERSION`)."""
        with self._conn() as conn:
            return self._user_version(conn)

    def close(self) -> None:
        """Close every connection of this store (idempotent); later calls raise
        :class:`HistoryError`.

        Queries other threads are running are waited for (up to the busy timeout and a little
        more). If one is still running after that, the connections are left open for the
        process to close at exit: closing them under a running query would crash it.
        """
        with self._lock:
            self._closed = True
            if not self._idle.wait_for(lambda: self._in_use == 0, self._busy_timeout + 5):
                log.warning(
                    "history: %d queries still running; not closing under them", self._in_use
                )
                return
            connections, self._pool = self._pool, []
            self._open -= len(connections)
        for conn in connections:
            conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- sessions ----------------------------------------------------------------------

    def add(self, record: NewHistoryRecord, *, busy_timeout: float | None = None) -> HistoryRecord:
        """Insert one session and commit durably (fsync) before returning it with its ``id``.

        The returned record equals what :meth:`get` returns (times in UTC, millisecond
        precision). Write it the moment the 201 arrives, before showing the link.
        ``busy_timeout`` (seconds) overrides the store's wait for another connection's write
        lock for this insert (an agent waiting for a link should not wait 15 s).
        """
        if isinstance(record, HistoryRecord):
            raise TypeError("add() takes a NewHistoryRecord; this record is already stored")
        params = _insert_params(record)
        with self._conn() as conn:
            if busy_timeout is not None:
                conn.execute(f"PRAGMA busy_timeout = {max(0, int(busy_timeout * 1000))}")
            try:
                with _write_transaction(conn):
                    cursor = conn.execute(_INSERT, params)
                    row_id = cursor.lastrowid
            finally:
                if busy_timeout is not None:
                    conn.execute(f"PRAGMA busy_timeout = {int(self._busy_timeout * 1000)}")
        assert row_id is not None
        # Return exactly what get() will return: UTC, millisecond precision.
        values = _fields(record)
        values["created_at"] = _from_ms(_to_ms(record.created_at))
        values["expires_at"] = _from_ms(_to_ms(record.expires_at))
        return HistoryRecord(id=row_id, **values)

    def add_many(self, records: Iterable[NewHistoryRecord]) -> int:
        """Insert many sessions in one transaction (imports, benchmarks); returns the count."""
        params = [_insert_params(record) for record in records]
        with self._conn() as conn, _write_transaction(conn):
            conn.executemany(_INSERT, params)
        return len(params)

    def add_missing(self, records: Iterable[NewHistoryRecord]) -> int:
        """Insert, in one durable transaction, those of ``records`` not stored yet; returns how
        many were inserted.

        A record counts as stored when a row has its session id and creation instant (Inflow
        never reuses a session id). Replaying a journal twice — e.g. after a crash between the
        commit and the journal's truncation — therefore adds each session exactly once.
        """
        wanted = list(records)
        if not wanted:
            return 0
        inserted = 0
        with self._conn() as conn, _write_transaction(conn):
            for record in wanted:
                params = _insert_params(record)
                found = conn.execute(
                    "SELECT 1 FROM sessions WHERE session_id = ? AND created_at_ms = ? LIMIT 1",
                    (record.session_id, params[0]),
                ).fetchone()
                if found is None:
                    conn.execute(_INSERT, params)
                    inserted += 1
        return inserted

    def get(self, record_id: int) -> HistoryRecord | None:
        """The row with this id, or ``None``."""
        with self._conn() as conn:
            row = conn.execute(f"SELECT {_COLUMNS} FROM sessions WHERE id = ?", (record_id,))
            found = row.fetchone()
        return None if found is None else _row_to_record(found)

    def total_since(self, *, profile: str, agent: str, currency: str, since: datetime) -> int:
        """Cents charged by the links ``agent`` created on ``profile`` in ``currency`` from
        ``since`` on (agent limits: the day's total). Profile names compare case-insensitively,
        as profiles do; links without a total (subscriptions) count nothing."""
        with self._conn() as conn:
            row = conn.execute(
                "SELECT coalesce(sum(total_cents), 0) FROM sessions WHERE created_at_ms >= ?"
                " AND profile = ? COLLATE NOCASE AND agent = ? AND currency = ?",
                (_to_ms(since), profile, agent, currency),
            ).fetchone()
        return int(row[0])

    def count(self, filter_text: str = "") -> int:
        """Number of rows matching ``filter_text`` (all rows when blank).

        Filtering is a case-insensitive substring match over customer e-mail, product names,
        offer id and name, session id, checkout URL, currency and the total, which matches as
        typed in any of ``49.99``, ``49,99`` or ``4999`` (and ``1,299.50`` / ``1.299,50`` for
        large totals). Several whitespace-separated words must all match; ``"a phrase"`` in
        double quotes matches as one piece (an unclosed quote runs to the end).
        """
        terms = _filter_terms(filter_text)
        with self._conn() as conn:
            sql = "SELECT count(*) FROM sessions" + _where(terms)
            total: int = conn.execute(sql, terms).fetchone()[0]
        return total

    def page(
        self,
        offset: int,
        limit: int,
        filter_text: str = "",
        order: SortOrder = NEWEST_FIRST,
    ) -> list[HistoryRecord]:
        """Rows ``offset … offset+limit-1`` of the filtered, ordered list (newest first default).

        Intended for a lazy table model: ``count()`` gives the row count, ``page()`` fills
        blocks of rows on demand. Between two calls another window may add rows; re-query
        ``count()`` when the view refreshes.
        """
        if offset < 0 or limit < 0:
            raise ValueError("offset and limit must not be negative")
        terms = _filter_terms(filter_text)
        direction = "DESC" if order.descending else "ASC"
        sort = _SORT_SQL[SortColumn(order.column)]
        ids_sql = (
            f"SELECT id FROM sessions{_where(terms)}"
            f" ORDER BY {sort} {direction}, id {direction} LIMIT ? OFFSET ?"
        )
        with self._conn() as conn:
            conn.execute("BEGIN")  # one snapshot for both statements
            try:
                ids = [row[0] for row in conn.execute(ids_sql, [*terms, limit, offset])]
                rows = self._rows_by_id(conn, ids)
            finally:
                conn.execute("COMMIT")
        return rows

    @staticmethod
    def _rows_by_id(conn: sqlite3.Connection, ids: Sequence[int]) -> list[HistoryRecord]:
        if not ids:
            return []
        marks = ", ".join("?" for _ in ids)
        by_id = {
            row[0]: row
            for row in conn.execute(f"SELECT {_COLUMNS} FROM sessions WHERE id IN ({marks})", ids)
        }
        return [_row_to_record(by_id[i]) for i in ids if i in by_id]

    def range(self, start: datetime, end: datetime) -> list[HistoryRecord]:
        """Sessions created in ``[start, end)`` (tz-aware), oldest first — for "export the day"."""
        if start.utcoffset() is None or end.utcoffset() is None:
            raise ValueError("start and end must be timezone-aware")
        with self._conn() as conn:
            rows = conn.execute(
                f"SELECT {_COLUMNS} FROM sessions WHERE created_at_ms >= ? AND created_at_ms < ?"
                " ORDER BY created_at_ms ASC, id ASC",
                (_to_ms(start), _to_ms(end)),
            ).fetchall()
        return [_row_to_record(row) for row in rows]

    # -- drafts ------------------------------------------------------------------------

    def save_draft(self, profile: str, data: Mapping[str, Any]) -> None:
        """Autosave the unsent form of ``profile`` (JSON-serialisable; replaces the previous one).

        Raises :class:`CredentialRejectedError` if ``data`` has a credential-like key and
        ``TypeError`` if it is not JSON-serialisable.
        """
        text = json.dumps(dict(data), ensure_ascii=False, allow_nan=False)
        _reject_credentials(json.loads(text), "draft")  # checks tuples etc. as serialised
        with self._conn() as conn, _write_transaction(conn):
            conn.execute(
                "INSERT INTO drafts (profile, data_json, saved_at_ms) VALUES (?, ?, ?)"
                " ON CONFLICT (profile) DO UPDATE SET data_json = excluded.data_json,"
                " saved_at_ms = excluded.saved_at_ms",
                (profile, text, _to_ms(self._clock())),
            )

    def load_draft(self, profile: str) -> tuple[dict[str, Any], datetime] | None:
        """``(data, saved_at)`` of the saved draft of ``profile``, or ``None``."""
        with self._conn() as conn:
            row = conn.execute(
                "SELECT data_json, saved_at_ms FROM drafts WHERE profile = ?", (profile,)
            ).fetchone()
        if row is None:
            return None
        data: dict[str, Any] = json.loads(row[0])
        return data, _from_ms(row[1])

    def save_payment_status(self, record: PaymentStatusRecord) -> None:
        """Keep the newest payment status of ``record.session_id`` (replacing the last one)."""
        with self._conn() as conn, _write_transaction(conn):
            conn.execute(
                "INSERT INTO payment_status (session_id, state, shown, payment_id,"
                " payment_status, basis, seen_at_ms, paid_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (session_id) DO UPDATE SET state = excluded.state,"
                " shown = excluded.shown, payment_id = excluded.payment_id,"
                " payment_status = excluded.payment_status, basis = excluded.basis,"
                " seen_at_ms = excluded.seen_at_ms, paid_at_ms = excluded.paid_at_ms",
                (
                    record.session_id,
                    record.state,
                    record.shown,
                    record.payment_id,
                    record.payment_status,
                    record.basis,
                    _to_ms(record.seen_at),
                    None if record.paid_at is None else _to_ms(record.paid_at),
                ),
            )

    def payment_statuses(self) -> dict[str, PaymentStatusRecord]:
        """Every kept payment status, by session id."""
        with self._conn() as conn:
            rows = conn.execute(
                "SELECT session_id, state, shown, payment_id, payment_status, basis,"
                " seen_at_ms, paid_at_ms FROM payment_status"
            ).fetchall()
        return {
            row[0]: PaymentStatusRecord(
                session_id=row[0],
                state=row[1],
                shown=row[2],
                payment_id=row[3],
                payment_status=row[4],
                basis=row[5],
                seen_at=_from_ms(row[6]),
                paid_at=None if row[7] is None else _from_ms(row[7]),
            )
            for row in rows
        }

    def clear_draft(self, profile: str) -> None:
        """Forget the draft of ``profile`` (after a successful create or "New link")."""
        with self._conn() as conn, _write_transaction(conn):
            conn.execute("DELETE FROM drafts WHERE profile = ?", (profile,))


@contextmanager
def _write_transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """``BEGIN IMMEDIATE`` … ``COMMIT``, rolled back on any error.

    Taking the write lock up front makes a concurrent writer wait (busy timeout) instead of
    failing with an unretryable SQLITE_BUSY when a read transaction tries to upgrade.
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def _fields(record: NewHistoryRecord) -> dict[str, Any]:
    return {name: getattr(record, name) for name in NewHistoryRecord.__dataclass_fields__}


# ---------------------------------------------------------------------------------- CSV

#: Header row of :func:`export_csv`.
CSV_HEADER: Final = (
    "created_at_utc",
    "expires_at_utc",
    "expiry_is_default",
    "kind",
    "profile",
    "environment",
    "session_id",
    "checkout_url",
    "currency",
    "total",
    "items",
    "offer_id",
    "offer_name",
    "customer_email",
    "agent",
)

_FORMULA_PREFIXES: Final = ("=", "+", "-", "@", "\t", "\r")


def _safe_cell(value: str) -> str:
    """Neutralise spreadsheet formulas: ``=HYPERLINK(…)`` → ``'=HYPERLINK(…)``."""
    return "'" + value if value.startswith(_FORMULA_PREFIXES) else value


def export_csv(records: Iterable[NewHistoryRecord], stream: TextIO) -> int:
    """Write ``records`` as CSV (header row first) to ``stream``; returns the number of rows.

    RFC 4180 via :mod:`csv` (CRLF line ends, quotes where needed) — open files with
    ``newline=""`` and ``encoding="utf-8"`` (``"utf-8-sig"`` if Excel must detect UTF-8).
    Timestamps are ISO 8601 UTC (``2024-05-01T09:15:00.000Z``), amounts plain decimals
    (``49.99``) next to a currency column, items as ``2 × Starter kit @ 49.99; 1 × Shipping
    @ 9.90``. Cells starting with ``= + - @`` (or tab/CR) get a leading ``'`` so a spreadsheet
    never evaluates them.
    """
    writer = csv.writer(stream)
    writer.writerow(CSV_HEADER)
    written = 0
    for record in records:
        cells = (
            _iso(record.created_at),
            _iso(record.expires_at),
            "yes" if record.expires_at_is_default else "no",
            record.kind.value,
            record.profile,
            record.environment,
            record.session_id,
            record.checkout_url,
            record.currency or "",
            "" if record.total_cents is None else format_decimal(record.total_cents),
            record.items_summary,
            record.offer_id or "",
            record.offer_name or "",
            record.customer_email or "",
            record.agent,
        )
        writer.writerow([_safe_cell(cell) for cell in cells])
        written += 1
    return written
