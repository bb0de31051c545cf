"""Tests of the local history database (``inflow_desk.storage.history``)."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from inflow_desk.storage import history
from inflow_desk.storage.history import (
    MIGRATIONS,
    NEWEST_FIRST,
    SCHEMA_VERSION,
    CredentialRejectedError,
    HistoryError,
    HistoryLineItem,
    HistoryRecord,
    HistoryStore,
    Migration,
    NewHistoryRecord,
    SchemaTooNewError,
    SessionKind,
    SortColumn,
    SortOrder,
    current_agent,
    expiry_for,
    export_csv,
    format_decimal,
    is_open,
    status_text,
)

T0 = datetime(2024, 5, 1, 9, 15, 0, 123_000, tzinfo=UTC)
FAKE_API_KEY = "sk_live_FAKE-9f3c2e71-unique-key-never-stored-4b8d"


def one_time(
    n: int = 0,
    *,
    created_at: datetime | None = None,
    items: tuple[HistoryLineItem, ...] | None = None,
    email: str | None = "anna.schmidt@example.org",
    expires_in_hours: float | None = 24.0,
    **overrides: Any,
) -> NewHistoryRecord:
    created = created_at if created_at is not None else T0 + timedelta(minutes=n)
    items = items or (
        HistoryLineItem("Starter kit", 4999, 2),
        HistoryLineItem("Shipping", 990, 1),
    )
    body: dict[str, Any] = {
        "currency": "EUR",
        "products": [
            {"name": i.name, "price": i.unit_price_cents, "quantity": i.quantity} for i in items
        ],
    }
    if email is not None:
        body["customerEmail"] = email
    if expires_in_hours is not None:
        body["expiresIn"] = expires_in_hours
    expires_at, is_default = expiry_for(created, expires_in_hours)
    values: dict[str, Any] = {
        "created_at": created,
        "profile": "Demo shop",
        "environment": "production",
        "base_url": "https://api.inflowpay.xyz",
        "kind": SessionKind.ONE_TIME,
        "session_id": f"sess_{n:06d}",
        "checkout_url": f"https://checkout.inflowpay.com/pay/sess_{n:06d}",
        "expires_at": expires_at,
        "expires_at_is_default": is_default,
        "currency": "EUR",
        "total_cents": sum(i.unit_price_cents * i.quantity for i in items),
        "line_items": items,
        "customer_email": email,
        "agent": "jdoe",
        "request_json": json.dumps(body),
        "expires_in_hours": expires_in_hours,
    }
    values.update(overrides)
    return NewHistoryRecord(**values)


def subscription(n: int = 0, **overrides: Any) -> NewHistoryRecord:
    created = T0 + timedelta(minutes=n)
    values: dict[str, Any] = {
        "created_at": created,
        "profile": "Demo shop",
        "environment": "sandbox",
        "base_url": "http://127.0.0.1:8765",
        "kind": SessionKind.SUBSCRIPTION,
        "session_id": f"sub_{n:06d}",
        "checkout_url": f"https://checkout.inflowpay.com/pay/sub_{n:06d}",
        "expires_at": created + timedelta(hours=1),
        "expires_at_is_default": True,
        "currency": None,
        "total_cents": None,
        "offer_id": "offer_gold_42",
        "offer_name": "Gold membership",
        "customer_email": None,
        "agent": "jdoe",
        "request_json": "{}",
        "expires_in_hours": None,
    }
    values.update(overrides)
    return NewHistoryRecord(**values)


def fields_of(record: NewHistoryRecord) -> dict[str, Any]:
    return {f.name: getattr(record, f.name) for f in dataclasses.fields(NewHistoryRecord)}


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "nested" / "history.sqlite3"


@pytest.fixture
def store(db_path: Path) -> Iterator[HistoryStore]:
    s = HistoryStore(db_path)
    yield s
    s.close()


# ------------------------------------------------------------------------------ schema

# Frozen copy of the schema as shipped in version 1. Do not "update" it: it is what
# databases in the field look like.
V1_DDL = """
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
);
CREATE INDEX sessions_created_at ON sessions (created_at_ms);
PRAGMA user_version = 1;
"""

V1_ROWS = [
    (
        1714554900123,
        "Demo shop",
        "production",
        "https://api.inflowpay.xyz",
        "one_time",
        "sess_v1_a",
        "https://checkout.inflowpay.com/pay/sess_v1_a",
        1714641300123,
        0,
        "EUR",
        4999,
        '[{"name": "Starter kit", "unit_price_cents": 4999, "quantity": 1}]',
        None,
        None,
        "Old.Customer@Example.org",
        "jdoe",
        '{"currency": "EUR", "products": [{"name": "Starter kit", "price": 4999, "quantity": 1}]'
        ', "customerEmail": "Old.Customer@Example.org", "expiresIn": 24}',
        24.0,
    ),
    (
        1714558500000,
        "Demo shop",
        "sandbox",
        "http://127.0.0.1:8765",
        "subscription",
        "sub_v1_b",
        "https://checkout.inflowpay.com/pay/sub_v1_b",
        1714562100000,
        1,
        None,
        None,
        "[]",
        "offer_legacy_7",
        "Légacy Plan",
        None,
        "mmuster",
        "{}",
        None,
    ),
]


def make_v1_db(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path)
    conn.executescript(V1_DDL)
    conn.executemany(
        "INSERT INTO sessions (created_at_ms, profile, environment, base_url, kind, session_id,"
        " checkout_url, expires_at_ms, expires_at_is_default, currency, total_cents,"
        " line_items_json, offer_id, offer_name, customer_email, agent, request_json,"
        " expires_in_hours) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        V1_ROWS,
    )
    conn.commit()
    conn.close()


def user_version(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        version: int = conn.execute("PRAGMA user_version").fetchone()[0]
        return version
    finally:
        conn.close()


def test_migrations_are_numbered_consecutively() -> None:
    assert [m.version for m in MIGRATIONS] == list(range(1, len(MIGRATIONS) + 1))
    assert SCHEMA_VERSION == MIGRATIONS[-1].version >= 2


def test_creates_database_and_parent_folders(db_path: Path) -> None:
    assert not db_path.parent.exists()
    with HistoryStore(db_path) as s:
        assert s.schema_version == SCHEMA_VERSION
        assert s.count() == 0
        with s._conn() as conn:
            assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
            assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    assert user_version(db_path) == SCHEMA_VERSION
    raw = sqlite3.connect(db_path)
    assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    raw.close()


def test_opens_an_empty_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    path.touch()
    with HistoryStore(path) as s:
        s.add(one_time())
        assert s.count() == 1
    assert user_version(path) == SCHEMA_VERSION


def test_migrates_a_version_1_database(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    make_v1_db(path)
    with HistoryStore(path) as s:
        assert s.schema_version == SCHEMA_VERSION
        a, b = s.page(0, 10, order=SortOrder(SortColumn.CREATED_AT, descending=False))
        assert a.id == 1
        assert a.created_at == datetime(2024, 5, 1, 9, 15, 0, 123_000, tzinfo=UTC)
        assert a.expires_at == a.created_at + timedelta(hours=24)
        assert a.expires_at_is_default is False
        assert a.kind is SessionKind.ONE_TIME
        assert a.line_items == (HistoryLineItem("Starter kit", 4999, 1),)
        assert a.total_cents == 4999
        assert a.currency == "EUR"
        assert a.customer_email == "Old.Customer@Example.org"
        assert a.request_body["expiresIn"] == 24
        assert a.expires_in_hours == 24.0
        assert b.kind is SessionKind.SUBSCRIPTION
        assert (b.offer_id, b.offer_name) == ("offer_legacy_7", "Légacy Plan")
        assert b.expires_at_is_default is True
        assert b.currency is None and b.total_cents is None
        assert b.agent == "mmuster"
        # the old rows are searchable through the backfilled search column
        assert [r.id for r in s.page(0, 10, "old.customer")] == [1]
        assert s.count("49,99") == 1
        assert s.count("starter") == 1
        assert [r.id for r in s.page(0, 10, "LÉGACY")] == [2]
        assert s.count("offer_legacy") == 1
        # new rows continue the id sequence and the v2 drafts table exists
        assert s.add(one_time()).id == 3
        s.save_draft("Demo shop", {"x": 1})
        assert s.load_draft("Demo shop") is not None


@pytest.mark.parametrize("start_version", range(SCHEMA_VERSION))
def test_migrates_from_every_earlier_version(tmp_path: Path, start_version: int) -> None:
    path = tmp_path / "history.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    for migration in MIGRATIONS[:start_version]:
        migration.apply(conn)
        conn.execute(f"PRAGMA user_version = {migration.version}")
    if start_version >= 1:
        conn.execute(
            "INSERT INTO sessions (created_at_ms, profile, environment, base_url, kind,"
            " session_id, checkout_url, expires_at_ms, expires_at_is_default, currency,"
            " total_cents, line_items_json, customer_email, agent, request_json)"
            " VALUES (0, 'p', 'production', 'https://api.inflowpay.xyz', 'one_time', 'sess_x',"
            " 'https://checkout.inflowpay.com/pay/sess_x', 3600000, 1, 'USD', 1250,"
            ' \'[{"name": "Widget", "unit_price_cents": 1250, "quantity": 1}]\','
            " 'x@example.org', 'a', '{}')"
        )
    if start_version >= 2:  # a v2 writer fills the search columns itself
        conn.execute("UPDATE sessions SET search_text = 'x@example.org widget 12.50'")
    conn.close()
    with HistoryStore(path) as s:
        assert s.schema_version == SCHEMA_VERSION
        rows = s.page(0, 10)
        if start_version >= 1:
            assert [r.session_id for r in rows] == ["sess_x"]
            assert s.count("12.50") == 1
            assert s.count("widget") == 1
        else:
            assert rows == []


def test_failed_migration_is_rolled_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "history.sqlite3"
    make_v1_db(path)

    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("ALTER TABLE sessions ADD COLUMN half_done TEXT")
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(history, "MIGRATIONS", (MIGRATIONS[0], Migration(2, "broken", broken)))
    with pytest.raises(RuntimeError, match="disk on fire"):
        HistoryStore(path)
    assert user_version(path) == 1
    conn = sqlite3.connect(path)
    columns = {row[1] for row in conn.execute("PRAGMA table_info(sessions)")}
    assert "half_done" not in columns
    assert conn.execute("SELECT count(*) FROM sessions").fetchone()[0] == len(V1_ROWS)
    conn.close()


def test_database_from_a_newer_version_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE sessions (id INTEGER PRIMARY KEY, future TEXT)")
    conn.execute("INSERT INTO sessions (future) VALUES ('precious')")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(SchemaTooNewError, match="newer version of Inflow Desk") as info:
        HistoryStore(path)
    assert info.value.found == SCHEMA_VERSION + 1
    assert info.value.supported == SCHEMA_VERSION
    assert path.read_bytes() == before
    assert not Path(f"{path}-wal").exists()


def test_a_file_that_is_not_a_database_gives_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(HistoryError, match="cannot be opened"):
        HistoryStore(path)
    assert path.read_bytes() == b"this is not sqlite" * 100


def test_closed_store_raises(db_path: Path) -> None:
    s = HistoryStore(db_path)
    s.close()
    s.close()  # idempotent
    with pytest.raises(HistoryError, match="closed"):
        s.count()


def test_close_waits_for_a_query_another_thread_is_running(db_path: Path) -> None:
    """Closing the store while a worker's query runs used to close the connection under it:
    a segmentation fault (the app closes the store at exit; the history view queries in the
    thread pool). Now close() waits for the query, then refuses new ones."""
    store = HistoryStore(db_path, busy_timeout=10)
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # the worker's write waits on SQLite's busy timeout
    outcome: list[object] = []

    def worker() -> None:
        try:
            store.save_draft("default", {"email": "zoe@example.org"})
            outcome.append("saved")
        except Exception as exc:  # noqa: BLE001 - recorded for the assertion below
            outcome.append(exc)

    writer = threading.Thread(target=worker)
    writer.start()
    time.sleep(0.2)  # the write is now waiting inside the store
    closer = threading.Thread(target=store.close)
    closer.start()
    closer.join(0.3)
    assert closer.is_alive(), "close() must wait for the running query"
    other.execute("COMMIT")
    other.close()
    writer.join(10)
    closer.join(10)
    assert not closer.is_alive()
    assert outcome == ["saved"]
    with pytest.raises(HistoryError, match="closed"):
        store.count()
    with HistoryStore(db_path) as reopened:
        assert reopened.load_draft("default") is not None


# ------------------------------------------------------------------------------ records


def test_round_trip_of_every_field_one_time(store: HistoryStore) -> None:
    items = (
        HistoryLineItem("Starter kit «Pro» 🚀", 4999, 2),
        HistoryLineItem('Shipping, "express"', 990, 1),
    )
    new = one_time(7, items=items, email="Zoë@example.org", expires_in_hours=0.25)
    stored = store.add(new)
    assert isinstance(stored, HistoryRecord)
    assert stored.id >= 1
    assert fields_of(stored) == fields_of(new)
    loaded = store.get(stored.id)
    assert loaded == stored
    assert loaded is not None
    assert fields_of(loaded) == fields_of(new)
    assert loaded.created_at.tzinfo is not None
    assert loaded.created_at.utcoffset() == timedelta(0)
    assert loaded.expires_at == T0 + timedelta(minutes=7, hours=0.25)
    assert loaded.expires_at_is_default is False
    assert loaded.expires_in_hours == 0.25
    assert loaded.request_json == new.request_json
    assert list(loaded.request_body) == ["currency", "products", "customerEmail", "expiresIn"]
    assert loaded.request_body["products"][0]["name"] == "Starter kit «Pro» 🚀"


def test_round_trip_of_every_field_subscription(store: HistoryStore) -> None:
    new = subscription(3, currency="USD", total_cents=1900, customer_email="sub@example.org")
    stored = store.add(new)
    loaded = store.get(stored.id)
    assert loaded is not None
    assert fields_of(loaded) == fields_of(new)
    assert loaded.line_items == ()
    assert loaded.expires_at_is_default is True
    assert loaded.expires_in_hours is None


def test_times_are_stored_as_utc_instants_with_millisecond_precision(
    store: HistoryStore,
) -> None:
    paris = timezone(timedelta(hours=2))
    created = datetime(2024, 5, 1, 11, 15, 0, 123_456, tzinfo=paris)
    stored = store.add(one_time(created_at=created))
    loaded = store.get(stored.id)
    assert loaded is not None
    assert loaded.created_at == datetime(2024, 5, 1, 9, 15, 0, 123_000, tzinfo=UTC)
    assert loaded.created_at.tzinfo is UTC
    assert stored == loaded


def test_get_unknown(store: HistoryStore) -> None:
    store.add(one_time(0))
    assert store.get(9999) is None


def test_expiry_for_uses_the_documented_default() -> None:
    assert expiry_for(T0, None) == (T0 + timedelta(hours=1), True)
    assert expiry_for(T0, 24) == (T0 + timedelta(hours=24), False)
    assert expiry_for(T0, 0.25) == (T0 + timedelta(minutes=15), False)
    with pytest.raises(ValueError, match="timezone"):
        expiry_for(datetime(2024, 1, 1), None)


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"created_at": datetime(2024, 5, 1, 9, 0)}, "timezone-aware"),
        ({"expires_at": datetime(2024, 5, 1, 9, 0)}, "timezone-aware"),
        ({"line_items": ()}, "at least one line item"),
        ({"currency": None}, "currency"),
        ({"offer_id": "offer_1"}, "no offer_id"),
        ({"request_json": "not json"}, "JSON text"),
        ({"request_json": "[1, 2]"}, "JSON object"),
        ({"kind": "refund"}, "refund"),
    ],
)
def test_invalid_records_are_rejected(overrides: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        one_time(**overrides)


def test_subscription_needs_an_offer_and_no_items() -> None:
    with pytest.raises(ValueError, match="offer_id"):
        subscription(offer_id=None)
    with pytest.raises(ValueError, match="no line items"):
        subscription(line_items=(HistoryLineItem("x", 100, 1),))


def test_add_refuses_an_already_stored_record(store: HistoryStore) -> None:
    stored = store.add(one_time())
    with pytest.raises(TypeError):
        store.add(stored)
    assert store.count() == 1


# ------------------------------------------------------------------------------ listing


def test_newest_first_is_the_default_order(store: HistoryStore) -> None:
    store.add(one_time(2))
    store.add(one_time(0))
    store.add(one_time(5))
    store.add(one_time(5, session_id="sess_same_minute"))  # tie → higher id first
    assert [r.session_id for r in store.page(0, 10)] == [
        "sess_same_minute",
        "sess_000005",
        "sess_000002",
        "sess_000000",
    ]
    assert store.page(0, 10) == store.page(0, 10, order=NEWEST_FIRST)


def test_sorting_by_other_columns(store: HistoryStore) -> None:
    store.add(one_time(0, items=(HistoryLineItem("b item", 300, 1),)))
    store.add(one_time(1, items=(HistoryLineItem("A item", 100, 1),)))
    store.add(one_time(2, items=(HistoryLineItem("c item", 200, 1),)))
    store.add(subscription(3, offer_name="Zeta plan"))

    def ids(column: SortColumn, descending: bool) -> list[str]:
        return [r.session_id for r in store.page(0, 10, order=SortOrder(column, descending))]

    assert ids(SortColumn.TOTAL, False) == [
        "sub_000003",
        "sess_000001",
        "sess_000002",
        "sess_000000",
    ]
    assert ids(SortColumn.TOTAL, True) == [
        "sess_000000",
        "sess_000002",
        "sess_000001",
        "sub_000003",
    ]
    assert ids(SortColumn.DESCRIPTION, False) == [
        "sess_000001",
        "sess_000000",
        "sess_000002",
        "sub_000003",
    ]
    assert ids(SortColumn.CREATED_AT, False) == [
        "sess_000000",
        "sess_000001",
        "sess_000002",
        "sub_000003",
    ]
    for column in SortColumn:  # every advertised column is sortable
        assert len(store.page(0, 10, order=SortOrder(column, True))) == 4


def test_count_and_page_without_filter(store: HistoryStore) -> None:
    store.add_many(one_time(n) for n in range(25))
    assert store.count() == 25
    assert store.count("   ") == 25
    first = store.page(0, 10)
    second = store.page(10, 10)
    last = store.page(20, 10)
    assert [r.session_id for r in first] == [f"sess_{n:06d}" for n in range(24, 14, -1)]
    assert [r.session_id for r in second] == [f"sess_{n:06d}" for n in range(14, 4, -1)]
    assert [r.session_id for r in last] == [f"sess_{n:06d}" for n in range(4, -1, -1)]
    assert store.page(25, 10) == []
    assert store.page(0, 0) == []
    with pytest.raises(ValueError):
        store.page(-1, 10)


@pytest.fixture
def filled(store: HistoryStore) -> HistoryStore:
    store.add(one_time(0, email="Anna.Schmidt@Example.org"))  # 2×49.99 + 9.90 = 109.88
    store.add(
        one_time(
            1,
            items=(HistoryLineItem("Beratung Größe XL", 4999, 1),),
            email="bob@example.com",
        )
    )  # 49.99
    store.add(one_time(2, items=(HistoryLineItem("Licence 100%_off", 129950, 1),), email=None))
    store.add(subscription(3))
    return store


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("anna", ["sess_000000"]),
        ("ANNA.SCHMIDT@EXAMPLE.ORG", ["sess_000000"]),
        ("example.", ["sess_000001", "sess_000000"]),
        ("starter KIT", ["sess_000000"]),
        ("größe", ["sess_000001"]),
        ("GRÖSSE", ["sess_000001"]),  # case folding: ß == ss
        ("gold member", ["sub_000003"]),
        ("offer_gold", ["sub_000003"]),
        ("sess_000002", ["sess_000002"]),
        ("pay/sub_0000", ["sub_000003"]),
        ("49.99", ["sess_000001"]),
        ("49,99", ["sess_000001"]),
        ("4999", ["sess_000001"]),
        ("109.88", ["sess_000000"]),
        ("1299.50", ["sess_000002"]),
        ("1,299.50", ["sess_000002"]),
        ("1.299,50", ["sess_000002"]),
        ("129950", ["sess_000002"]),
        ("100%", ["sess_000002"]),  # % is literal, not a wildcard
        ("100%_", ["sess_000002"]),
        ("9%", []),  # % is literal, not a wildcard
        ("ses__000", []),  # _ is literal, not a wildcard
        ('"starter kit"', ["sess_000000"]),  # a quoted phrase
        ('"kit starter"', []),
        ('"größe xl', ["sess_000001"]),  # unclosed quote runs to the end
        ('""', ["sub_000003", "sess_000002", "sess_000001", "sess_000000"]),  # empty phrase
        ("anna bob", []),  # every word must match
        ("bob 49,99", ["sess_000001"]),
        ("no-such-thing", []),
    ],
)
def test_filter(filled: HistoryStore, text: str, expected: list[str]) -> None:
    assert filled.count(text) == len(expected)
    assert [r.session_id for r in filled.page(0, 50, text)] == expected


def test_filter_does_not_match_across_fields(store: HistoryStore) -> None:
    store.add(one_time(0, email="x@example.org"))
    # e-mail is followed by the product name; the joint must not be matchable
    assert store.count("example.orgstarter") == 0
    assert store.count("example.org starter") == 1


def test_filtered_paging(store: HistoryStore) -> None:
    store.add_many(
        one_time(n, email=f"{'even' if n % 2 == 0 else 'odd'}{n}@example.org") for n in range(30)
    )
    assert store.count("even") == 15
    pages = [store.page(offset, 4, "even") for offset in range(0, 16, 4)]
    got = [r.session_id for page in pages for r in page]
    assert got == [f"sess_{n:06d}" for n in range(28, -1, -2)]


def test_range_is_half_open_oldest_first_and_timezone_aware(store: HistoryStore) -> None:
    store.add_many(one_time(n) for n in range(10))  # T0 + n minutes
    berlin = timezone(timedelta(hours=2))
    start = (T0 + timedelta(minutes=3)).astimezone(berlin)
    end = T0 + timedelta(minutes=7)
    got = store.range(start, end)
    assert [r.session_id for r in got] == [f"sess_{n:06d}" for n in range(3, 7)]
    assert store.range(end, start) == []
    with pytest.raises(ValueError):
        store.range(datetime(2024, 1, 1), end)


# ------------------------------------------------------------------------------ drafts


def test_drafts_round_trip_per_profile(db_path: Path) -> None:
    clock_value = [T0]
    with HistoryStore(db_path, clock=lambda: clock_value[0]) as s:
        assert s.load_draft("Demo shop") is None
        draft = {"mode": "one_time", "products": [{"name": "Tee ☕", "price": "4,50"}], "n": 2}
        s.save_draft("Demo shop", draft)
        s.save_draft("Other", {"mode": "subscription"})
        assert s.load_draft("Demo shop") == (draft, T0)
        clock_value[0] = T0 + timedelta(seconds=30)
        s.save_draft("Demo shop", {"mode": "subscription", "offer": "offer_1"})
        assert s.load_draft("Demo shop") == (
            {"mode": "subscription", "offer": "offer_1"},
            T0 + timedelta(seconds=30),
        )
    with HistoryStore(db_path) as s:  # survives a restart
        assert s.load_draft("Other") == ({"mode": "subscription"}, T0)
        s.clear_draft("Other")
        assert s.load_draft("Other") is None
        assert s.load_draft("Demo shop") is not None
        s.clear_draft("never saved")  # no error


def test_drafts_refuse_credentials_and_non_json(store: HistoryStore) -> None:
    with pytest.raises(CredentialRejectedError):
        store.save_draft("p", {"form": {"api_key": FAKE_API_KEY}})
    with pytest.raises(CredentialRejectedError):
        store.save_draft("p", {"rows": ({"Authorization": "Bearer x"},)})
    with pytest.raises(TypeError):
        store.save_draft("p", {"when": T0})
    assert store.load_draft("p") is None


# ------------------------------------------------------------------------------ secrets


def test_record_type_has_no_place_for_an_api_key() -> None:
    names = {f.name.lower() for f in dataclasses.fields(HistoryRecord)}
    assert not {n for n in names if "key" in n or "secret" in n or "token" in n or "auth" in n}
    with pytest.raises(TypeError):
        one_time(api_key=FAKE_API_KEY)


@pytest.mark.parametrize(
    "body",
    [
        {"currency": "EUR", "apiKey": FAKE_API_KEY},
        {"currency": "EUR", "headers": {"X-API-Key": FAKE_API_KEY}},
        {"products": [{"name": "x", "authorization": f"Bearer {FAKE_API_KEY}"}]},
    ],
)
def test_request_bodies_with_credentials_are_refused(body: dict[str, Any]) -> None:
    with pytest.raises(CredentialRejectedError):
        one_time(request_json=json.dumps(body))


def test_base_url_with_user_info_is_refused() -> None:
    with pytest.raises(CredentialRejectedError):
        one_time(base_url=f"https://{FAKE_API_KEY}@api.inflowpay.xyz")


def test_api_key_never_reaches_the_database_files(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INFLOW_API_KEY", FAKE_API_KEY)
    key = os.environ["INFLOW_API_KEY"]
    # What the app does around a create: autosave the form, send (key only in the header),
    # record the 201, clear the draft, later autosave the next form.
    headers = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}
    assert key in headers["Authorization"]
    s = HistoryStore(db_path)
    s.save_draft("Demo shop", {"products": [{"name": "Starter kit", "price": "49.99"}]})
    body = {
        "currency": "EUR",
        "products": [{"name": "Starter kit", "price": 4999, "quantity": 1}],
        "customerEmail": "anna@example.org",
    }
    s.add(
        one_time(
            0,
            items=(HistoryLineItem("Starter kit", 4999, 1),),
            request_json=json.dumps(body),
            session_id="sess_marker_7d1e",
            agent=current_agent(),
        )
    )
    s.clear_draft("Demo shop")
    s.save_draft("Demo shop", {"customerEmail": "next@example.org"})
    s.add_many(one_time(n) for n in range(1, 50))
    files = [Path(f"{db_path}{suffix}") for suffix in ("", "-wal", "-shm")]
    contents = b"".join(p.read_bytes() for p in files if p.exists())
    assert b"sess_marker_7d1e" in contents  # the grep does see what was stored…
    assert key.encode() not in contents  # …and the key is not there
    assert key.encode("utf-16-le") not in contents
    s.close()
    contents = b"".join(p.read_bytes() for p in files if p.exists())
    assert b"sess_marker_7d1e" in contents
    assert key.encode() not in contents


# ------------------------------------------------------------------------------ concurrency

WRITER_SCRIPT = textwrap.dedent(
    """
    import json, sys, time
    from datetime import UTC, datetime, timedelta
    from pathlib import Path
    from inflow_desk.storage.history import HistoryLineItem, HistoryStore, NewHistoryRecord

    path, prefix, go = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
    store = HistoryStore(path)
    print("ready", flush=True)
    while not go.exists():
        time.sleep(0.005)
    now = datetime.now(UTC)
    for n in range(200):
        store.add(NewHistoryRecord(
            created_at=now, profile="p", environment="sandbox", base_url="http://127.0.0.1:1",
            kind="one_time", session_id=f"{prefix}_{n}", checkout_url=f"http://x/{prefix}/{n}",
            expires_at=now + timedelta(hours=1), expires_at_is_default=True, currency="EUR",
            total_cents=500, line_items=(HistoryLineItem("item", 500, 1),), agent="proc",
            request_json=json.dumps({"currency": "EUR"}),
        ))
    store.close()
    """
)


def _write_200(store: HistoryStore, prefix: str, barrier: threading.Barrier) -> None:
    barrier.wait()
    for n in range(200):
        store.add(one_time(n, session_id=f"{prefix}_{n}"))


def test_two_stores_in_two_threads_lose_nothing(db_path: Path) -> None:
    a, b = HistoryStore(db_path), HistoryStore(db_path)
    barrier = threading.Barrier(2)
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = [
            pool.submit(_write_200, a, "win_a", barrier),
            pool.submit(_write_200, b, "win_b", barrier),
        ]
        for future in futures:
            future.result(timeout=120)  # re-raises a writer's exception
    assert a.count() == b.count() == 400
    assert a.count("win_a_") == b.count("win_b_") == 200
    a.close()
    b.close()


def test_one_store_shared_between_threads(db_path: Path) -> None:
    s = HistoryStore(db_path)
    barrier = threading.Barrier(3)

    def reader() -> list[int]:
        barrier.wait()
        seen = []
        for _ in range(50):
            seen.append(s.count("worker"))
            s.page(0, 20, "worker")
        return seen

    with ThreadPoolExecutor(max_workers=3) as pool:
        writers = [pool.submit(_write_200, s, f"worker_{k}", barrier) for k in (1, 2)]
        seen_future = pool.submit(reader)
        for future in writers:
            future.result(timeout=120)
        seen_counts = seen_future.result(timeout=120)
    assert s.count() == 400
    assert seen_counts == sorted(seen_counts)  # a reader never sees rows disappear
    s.close()


def test_two_processes_writing_at_once_lose_nothing(db_path: Path, tmp_path: Path) -> None:
    HistoryStore(db_path).close()  # create the schema first, like a running app would
    go = tmp_path / "go"
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER_SCRIPT, str(db_path), "proc", str(go)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready"
        s = HistoryStore(db_path)
        go.touch()
        for n in range(200):
            s.add(one_time(n, session_id=f"main_{n}"))
        _, stderr = proc.communicate(timeout=120)
        assert proc.returncode == 0, stderr
        assert s.count() == 400
        assert s.count("proc_") == 200
        assert s.count("main_") == 200
        s.close()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


CRASH_SCRIPT = textwrap.dedent(
    """
    import json, os, signal, sys
    from datetime import UTC, datetime, timedelta
    from pathlib import Path
    from inflow_desk.storage.history import HistoryStore, NewHistoryRecord

    store = HistoryStore(Path(sys.argv[1]))
    now = datetime.now(UTC)
    record = store.add(NewHistoryRecord(
        created_at=now, profile="p", environment="sandbox", base_url="http://127.0.0.1:1",
        kind="subscription", session_id="sess_survivor", checkout_url="http://x/sess_survivor",
        expires_at=now + timedelta(hours=1), expires_at_is_default=True, currency=None,
        total_cents=None, offer_id="offer_1", offer_name="Plan", agent="proc",
        request_json=json.dumps({"customerEmail": "a@example.org"}),
    ))
    print(record.id, flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
    """
)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_row_survives_sigkill_right_after_add(db_path: Path) -> None:
    HistoryStore(db_path).close()
    result = subprocess.run(
        [sys.executable, "-c", CRASH_SCRIPT, str(db_path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == -signal.SIGKILL, result.stderr
    row_id = int(result.stdout.strip())
    with HistoryStore(db_path) as s:
        record = s.get(row_id)
        assert record is not None
        assert record.session_id == "sess_survivor"
        assert record.request_body == {"customerEmail": "a@example.org"}


# ------------------------------------------------------------------------------ CSV


def test_csv_export_exact_content() -> None:
    a = HistoryRecord(
        id=1,
        **fields_of(
            one_time(
                0,
                items=(
                    HistoryLineItem("Starter kit", 4999, 2),
                    HistoryLineItem("Café «crème», 1 L", 990, 1),
                ),
                email="anna@example.org",
            )
        ),
    )
    b = HistoryRecord(
        id=2,
        **fields_of(
            subscription(
                61,
                offer_name='=HYPERLINK("http://evil")',
                offer_id="@offer",
                profile="+Profile",
                agent="-agent",
            )
        ),
    )
    out = io.StringIO(newline="")
    assert export_csv([a, b], out) == 2
    assert out.getvalue() == (
        "created_at_utc,expires_at_utc,expiry_is_default,kind,profile,environment,session_id,"
        "checkout_url,currency,total,items,offer_id,offer_name,customer_email,agent\r\n"
        "2024-05-01T09:15:00.123Z,2024-05-02T09:15:00.123Z,no,one_time,Demo shop,production,"
        "sess_000000,https://checkout.inflowpay.com/pay/sess_000000,EUR,109.88,"
        '"2 × Starter kit @ 49.99; 1 × Café «crème», 1 L @ 9.90",,,anna@example.org,jdoe\r\n'
        "2024-05-01T10:16:00.123Z,2024-05-01T11:16:00.123Z,yes,subscription,'+Profile,sandbox,"
        "sub_000061,https://checkout.inflowpay.com/pay/sub_000061,,,,'@offer,"
        '"\'=HYPERLINK(""http://evil"")",,\'-agent\r\n'
    )
    parsed = list(csv.reader(io.StringIO(out.getvalue(), newline="")))
    assert parsed[1][10] == "2 × Starter kit @ 49.99; 1 × Café «crème», 1 L @ 9.90"
    assert parsed[2][12] == '\'=HYPERLINK("http://evil")'


def test_csv_export_writes_utf8_file(tmp_path: Path, store: HistoryStore) -> None:
    store.add(one_time(0, items=(HistoryLineItem("Größe 🚀", 12345, 1),)))
    path = tmp_path / "export.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        export_csv(store.range(T0, T0 + timedelta(days=1)), fh)
    data = path.read_bytes()
    assert "1 × Größe 🚀 @ 123.45".encode() in data
    assert data.count(b"\r\n") == 2


def test_csv_export_of_nothing_is_just_the_header() -> None:
    out = io.StringIO(newline="")
    assert export_csv([], out) == 0
    assert out.getvalue().count("\r\n") == 1


def test_format_decimal() -> None:
    assert format_decimal(0) == "0.00"
    assert format_decimal(5) == "0.05"
    assert format_decimal(990) == "9.90"
    assert format_decimal(4999) == "49.99"
    assert format_decimal(123456) == "1234.56"
    assert format_decimal(-150) == "-1.50"


# ------------------------------------------------------------------------------ status


@pytest.mark.parametrize(
    ("left", "text"),
    [
        (timedelta(minutes=23), "open — 23 min left"),
        (timedelta(minutes=23, seconds=59), "open — 23 min left"),  # minutes round down
        (timedelta(minutes=1), "open — 1 min left"),
        (timedelta(seconds=59), "open — less than a minute left"),  # never "0 min"
        (timedelta(milliseconds=1), "open — less than a minute left"),
        (timedelta(0), "expired"),
        (timedelta(milliseconds=-1), "expired"),
        (timedelta(days=-3), "expired"),
        (timedelta(minutes=59), "open — 59 min left"),
        (timedelta(minutes=59, seconds=59), "open — 59 min left"),
        (timedelta(hours=1), "open — 1 h left"),
        (timedelta(hours=1, seconds=59), "open — 1 h left"),
        (timedelta(hours=1, minutes=1), "open — 1 h 1 min left"),
        (timedelta(hours=2, minutes=5), "open — 2 h 5 min left"),
        (timedelta(hours=23, minutes=59), "open — 23 h 59 min left"),
        (timedelta(hours=24), "open — 1 d left"),
        (timedelta(days=3, hours=4, minutes=30), "open — 3 d 4 h left"),
        (timedelta(days=30), "open — 30 d left"),
    ],
)
def test_status_text(left: timedelta, text: str) -> None:
    record = one_time(expires_in_hours=1.0)
    now = record.expires_at - left
    assert status_text(record, now) == text
    assert is_open(record, now) is (text != "expired")


def test_status_text_accepts_any_timezone_but_not_naive() -> None:
    record = one_time(expires_in_hours=None)  # default: created + 1 h
    tokyo = timezone(timedelta(hours=9))
    assert status_text(record, (T0 + timedelta(minutes=37)).astimezone(tokyo)) == (
        "open — 23 min left"
    )
    with pytest.raises(ValueError):
        status_text(record, datetime(2024, 5, 1, 9, 30))


def test_current_agent_is_a_name() -> None:
    assert current_agent().strip() != ""


# ------------------------------------------------------------------------------ 100k rows


@pytest.mark.slow
def test_hundred_thousand_rows(db_path: Path) -> None:
    n_rows = 100_000
    base_items = [HistoryLineItem(f"Product {k}", 100 + k, 1) for k in range(1000)]

    def rows() -> Iterator[NewHistoryRecord]:
        for n in range(n_rows):
            item = base_items[n % 1000]
            created = T0 + timedelta(seconds=n)
            yield NewHistoryRecord(
                created_at=created,
                profile="Demo shop",
                environment="production",
                base_url="https://api.inflowpay.xyz",
                kind=SessionKind.ONE_TIME,
                session_id=f"sess_{n:07d}",
                checkout_url=f"https://checkout.inflowpay.com/pay/sess_{n:07d}",
                expires_at=created + timedelta(hours=1),
                expires_at_is_default=True,
                currency="EUR",
                total_cents=item.unit_price_cents,
                line_items=(item,),
                customer_email=f"customer{n}@example.org",
                agent="jdoe",
                request_json="{}",
            )

    with HistoryStore(db_path) as s:
        assert s.add_many(rows()) == n_rows
        assert s.count() == n_rows
        first = s.page(0, 100)
        assert [r.session_id for r in first] == [f"sess_{n:07d}" for n in range(99_999, 99_899, -1)]
        last = s.page(99_950, 100)
        assert [r.session_id for r in last] == [f"sess_{n:07d}" for n in range(49, -1, -1)]
        # "Product 12" is a substring of Product 12, 120-129 and 1200…: 11 of 1000 names
        assert s.count('"product 12"') == 11 * 100
        # 5.99 → unit price 599 = Product 499: every 1000th row from 499
        assert s.count("5.99") == 100
        assert s.count("5,99") == 100
        hits = s.page(0, 1000, "5,99")
        assert [r.session_id for r in hits] == [f"sess_{n:07d}" for n in range(99_499, -1, -1000)]
        assert s.count("customer77777@") == 1
        assert s.page(0, 5, "customer77777@")[0].session_id == "sess_0077777"
        assert s.count("no such text") == 0
        by_total = s.page(0, 3, order=SortOrder(SortColumn.TOTAL, descending=True))
        assert [r.total_cents for r in by_total] == [1099, 1099, 1099]
        assert [r.id for r in by_total] == sorted((r.id for r in by_total), reverse=True)
        window = s.range(T0 + timedelta(seconds=10), T0 + timedelta(seconds=20))
        assert [r.session_id for r in window] == [f"sess_{n:07d}" for n in range(10, 20)]


# ---------------------------------------------------------------------- payment status (v3)
@pytest.mark.parametrize("start_version", range(SCHEMA_VERSION))
def test_payment_status_is_kept_after_migrating_from_every_earlier_version(
    tmp_path: Path, start_version: int
) -> None:
    from inflow_desk.storage.history import PaymentStatusRecord

    path = tmp_path / "history.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    for migration in MIGRATIONS[:start_version]:
        migration.apply(conn)
        conn.execute(f"PRAGMA user_version = {migration.version}")
    conn.close()
    seen = datetime(2026, 11, 25, 13, 12, 30, tzinfo=UTC)
    paid = PaymentStatusRecord(
        "sess_x", "paid", "paid ✓ 13:12", seen, "pay_1", "CHECKOUT_SUCCESS", "amount, time", seen
    )
    with HistoryStore(path) as s:
        assert s.payment_statuses() == {}
        s.save_payment_status(PaymentStatusRecord("sess_x", "waiting", "waiting", seen))
        s.save_payment_status(paid)  # replaces the row
    with HistoryStore(path) as s:  # and survives a restart
        assert s.payment_statuses() == {"sess_x": paid}
