"""A lazy table model over the history database (100,000 rows open instantly).

The model never holds the whole table. ``rowCount`` is the store's ``count()`` for the current
filter; rows live in a small cache of pages (``page_size`` rows each) keyed by page number.
Every database query — the count, the first page, any page the view scrolls to — runs on the
thread pool (:func:`run_in_background`), so the GUI thread only copies finished results in. A
row whose page is still loading shows "…" for a moment.

Results of an outdated query (a refresh or an inserted row moved every row meanwhile) are
dropped: every query is started with one :class:`~inflow_desk.ui.kit.workers.LatestOnly` key,
so only the newest query's answer is delivered.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import IntEnum
from typing import Any, Final

from PySide6.QtCore import (
    QAbstractTableModel,
    QDateTime,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from inflow_desk.domain.i18n import QT_TRANSLATE_NOOP, translate
from inflow_desk.storage.history import (
    NEWEST_FIRST,
    HistoryRecord,
    HistoryStore,
    SessionKind,
    SortColumn,
    SortOrder,
    is_open,
    matches_filter,
    status_text,
)
from inflow_desk.ui.kit import item_colours, palette
from inflow_desk.ui.kit.chips import CHIP_KIND_ROLE
from inflow_desk.ui.kit.errors import history_read_failed
from inflow_desk.ui.kit.formatting import format_day_time, format_long_moment, format_money_in
from inflow_desk.ui.kit.widgets import Clock, utc_now
from inflow_desk.ui.kit.workers import LatestOnly, run_in_background
from inflow_desk.ui.payments.status import short_kind

log = logging.getLogger(__name__)

_Index = QModelIndex | QPersistentModelIndex

#: Rows per cached page / per ``store.page()`` query.
PAGE_SIZE: Final = 200
#: Pages kept in memory; the least recently used page is dropped first.
MAX_CACHED_PAGES: Final = 40
#: How often the status column ("open — 23 min left") is recomputed.
STATUS_REFRESH_MS: Final = 30_000
#: Shown for a row whose page is still loading.
LOADING_TEXT: Final = "…"

#: The record of a row (``HistoryRecord``, or ``None`` while its page loads).
RecordRole: Final = int(Qt.ItemDataRole.UserRole.value) + 1


class HistoryColumn(IntEnum):
    CREATED = 0
    STATUS = 1
    KIND = 2
    EMAIL = 3
    PRODUCTS = 4
    AMOUNT = 5
    SESSION_ID = 6
    LINK = 7


#: Column titles in English (:func:`header_text` says them in the agent's language).
HEADERS: Final = {
    HistoryColumn.CREATED: QT_TRANSLATE_NOOP("HistoryModel", "Created"),
    HistoryColumn.STATUS: QT_TRANSLATE_NOOP("HistoryModel", "Status"),
    HistoryColumn.KIND: QT_TRANSLATE_NOOP("HistoryModel", "Type"),
    HistoryColumn.EMAIL: QT_TRANSLATE_NOOP("HistoryModel", "Customer e-mail"),
    HistoryColumn.PRODUCTS: QT_TRANSLATE_NOOP("HistoryModel", "Products / offer"),
    HistoryColumn.AMOUNT: QT_TRANSLATE_NOOP("HistoryModel", "Amount"),
    HistoryColumn.SESSION_ID: QT_TRANSLATE_NOOP("HistoryModel", "Session"),
    HistoryColumn.LINK: QT_TRANSLATE_NOOP("HistoryModel", "Link"),
}


def header_text(column: HistoryColumn) -> str:
    """A column's title in the agent's language."""
    return translate("HistoryModel", HEADERS[column])


#: Store sort key of each header (the link sorts like the session id it contains).
SORT_KEYS: Final = {
    HistoryColumn.CREATED: SortColumn.CREATED_AT,
    HistoryColumn.STATUS: SortColumn.EXPIRES_AT,
    HistoryColumn.KIND: SortColumn.KIND,
    HistoryColumn.EMAIL: SortColumn.CUSTOMER_EMAIL,
    HistoryColumn.PRODUCTS: SortColumn.DESCRIPTION,
    HistoryColumn.AMOUNT: SortColumn.TOTAL,
    HistoryColumn.SESSION_ID: SortColumn.SESSION_ID,
    HistoryColumn.LINK: SortColumn.SESSION_ID,
}

KIND_TEXT: Final = {
    SessionKind.ONE_TIME: QT_TRANSLATE_NOOP("HistoryModel", "One-time"),
    SessionKind.SUBSCRIPTION: QT_TRANSLATE_NOOP("HistoryModel", "Subscription"),
}

_DISPLAY: Final = int(Qt.ItemDataRole.DisplayRole.value)
_TOOLTIP: Final = int(Qt.ItemDataRole.ToolTipRole.value)
_ALIGNMENT: Final = int(Qt.ItemDataRole.TextAlignmentRole.value)
_FOREGROUND: Final = int(Qt.ItemDataRole.ForegroundRole.value)
_RIGHT: Final = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)
_ROLES: Final = frozenset({_DISPLAY, _TOOLTIP, _ALIGNMENT, _FOREGROUND, RecordRole, CHIP_KIND_ROLE})


@dataclass(frozen=True, slots=True)
class _Row:
    """A loaded record with its display texts, computed on the worker (status stays live)."""

    record: HistoryRecord
    texts: tuple[str, ...]


def _make_rows(records: list[HistoryRecord]) -> list[_Row]:
    return [_Row(record, display_texts(record)) for record in records]


def display_texts(record: HistoryRecord) -> tuple[str, ...]:
    """The texts of every column except the live status (``""`` in its place)."""
    return (
        created_text(record.created_at),
        "",
        translate("HistoryModel", KIND_TEXT[record.kind]),
        record.customer_email or "",
        products_text(record),
        amount_text(record),
        record.session_id,
        record.checkout_url,
    )


@dataclass(frozen=True)
class _Snapshot:
    """What a query was asked with."""

    filter_text: str
    order: SortOrder


def amount_text(record: HistoryRecord, locale: QLocale | None = None) -> str:
    """``€109.88`` in the agent's locale; ``—`` when unknown (a subscription without price)."""
    if record.total_cents is None:
        return "—"
    return format_money_in(record.total_cents, record.currency, locale)


def products_text(record: HistoryRecord) -> str:
    """``2 × Starter kit, 1 × Shipping`` or the offer name (id when it has none)."""
    if record.kind is SessionKind.SUBSCRIPTION:
        return record.offer_name or record.offer_id or ""
    return ", ".join(f"{item.quantity} × {item.name}" for item in record.line_items)


def created_text(created_at: datetime, locale: QLocale | None = None) -> str:
    """Creation time in local time, short locale format (``11/25/26 3:42 PM``)."""
    loc = locale or QLocale()
    stamp = QDateTime.fromSecsSinceEpoch(int(created_at.timestamp())).toLocalTime()
    return loc.toString(stamp, QLocale.FormatType.ShortFormat)


class HistoryModel(QAbstractTableModel):
    """Rows of :class:`HistoryStore`, newest first, filtered and sorted by the store.

    Signals: ``refreshed(int)`` after a refresh finished (the new row count); ``pageLoaded(int)``
    after a page arrived; ``loadFailed(str)`` when a query failed.
    """

    refreshed = Signal(int)
    pageLoaded = Signal(int)
    loadFailed = Signal(str)

    def __init__(
        self,
        store: HistoryStore,
        *,
        clock: Clock = utc_now,
        page_size: int = PAGE_SIZE,
        max_cached_pages: int = MAX_CACHED_PAGES,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._clock = clock
        self._page_size = max(1, page_size)
        self._max_pages = max(2, max_cached_pages)
        self._snapshot = _Snapshot("", NEWEST_FIRST)
        #: Every store query; a new query or an inserted row drops the answers still out.
        self._queries = LatestOnly()
        self._count = 0
        self._pages: OrderedDict[int, list[_Row]] = OrderedDict()
        self._loading_page: int | None = None  # at most one page query in flight
        self._last_page = -1
        self._wanted: list[int] = []  # pages asked for meanwhile, most recent last
        self._refreshing = False
        self._refresh_again = False
        #: Payment status by session id (``ui/payments``): shown instead of open/expired.
        self._payment_text: dict[str, str] = {}
        self._payment_kind: dict[str, str] = {}  # its chip
        self._status_timer = QTimer(self)
        self._status_timer.setObjectName("historyStatusTimer")
        self._status_timer.setInterval(STATUS_REFRESH_MS)
        self._status_timer.timeout.connect(self.refresh_status)
        self._status_timer.start()

    # ------------------------------------------------------------------ state
    @property
    def store(self) -> HistoryStore:
        return self._store

    @property
    def filter_text(self) -> str:
        return self._snapshot.filter_text

    @property
    def order(self) -> SortOrder:
        return self._snapshot.order

    @property
    def status_timer(self) -> QTimer:
        return self._status_timer

    @property
    def is_refreshing(self) -> bool:
        return self._refreshing

    def record_at(self, row: int) -> HistoryRecord | None:
        """The record of ``row`` if its page is loaded (else ``None`` and the page is requested)."""
        loaded = self._row(row)
        return None if loaded is None else loaded.record

    def _row(self, row: int) -> _Row | None:
        if not 0 <= row < self._count:
            return None
        page, offset = divmod(row, self._page_size)
        rows = self._pages.get(page)
        if rows is None:
            self._request_page(page)
            return None
        if page != self._last_page:  # keep the pages on screen the most recently used
            self._pages.move_to_end(page)
            self._last_page = page
        return rows[offset] if offset < len(rows) else None

    def row_of(self, record_id: int) -> int:
        """The row of a loaded record (``-1`` when not among the loaded pages)."""
        for page, rows in self._pages.items():
            for offset, loaded in enumerate(rows):
                if loaded.record.id == record_id:
                    return page * self._page_size + offset
        return -1

    def records_loader(self, rows: Iterable[int]) -> Callable[[], list[HistoryRecord]]:
        """A function that returns the records of ``rows`` (view order) from the store.

        Call this on the GUI thread (it captures the current filter and order); run the
        returned function anywhere — it is blocking and meant for a worker (export of a
        selection that may span pages which were never loaded).
        """
        wanted = sorted(set(rows))
        snapshot = self._snapshot
        store = self._store

        def load() -> list[HistoryRecord]:
            found: list[HistoryRecord] = []
            start = 0
            while start < len(wanted):
                end = start
                while end + 1 < len(wanted) and wanted[end + 1] == wanted[end] + 1:
                    end += 1
                first, count = wanted[start], wanted[end] - wanted[start] + 1
                found += store.page(first, count, snapshot.filter_text, snapshot.order)
                start = end + 1
            return found

        return load

    # ------------------------------------------------------------------ queries
    def set_filter(self, text: str) -> None:
        """Filter as the store does (words, "phrases", amounts as typed); refreshes async."""
        if text == self._snapshot.filter_text:
            return
        self._snapshot = _Snapshot(text, self._snapshot.order)
        self.refresh()

    def set_order(self, order: SortOrder) -> None:
        if order == self._snapshot.order:
            return
        self._snapshot = _Snapshot(self._snapshot.filter_text, order)
        self.refresh()

    def refresh(self) -> None:
        """Re-count and reload (after a new session, or when filter/sort changed)."""
        if self._refreshing:
            # One refresh at a time; the newest parameters are used when it returns.
            self._refresh_again = True
            return
        self._refreshing = True
        self._refresh_again = False
        snapshot = self._snapshot
        store, size = self._store, self._page_size

        def query() -> tuple[int, list[_Row]]:
            count = store.count(snapshot.filter_text)
            first = store.page(0, size, snapshot.filter_text, snapshot.order) if count else []
            return count, _make_rows(first)

        run_in_background(
            query,
            lambda result: self._on_refreshed(snapshot, result),
            self._on_refresh_failed,
            owner=self,
            latest=self._queries,
        )

    def insert_record(self, record: HistoryRecord) -> bool:
        """A row was just stored: put it in place without re-querying the store.

        Works when the view is newest first and the record is the newest (the usual case right
        after a create): one ``rowsInserted`` at row 0, no count or page query, no reset. A
        record the filter hides changes nothing. Returns False when the row cannot be placed
        here (other sort order, a refresh in flight, the first page not loaded, an older
        record): call :meth:`refresh` then.
        """
        snapshot = self._snapshot
        if self._refreshing or snapshot.order != NEWEST_FIRST:
            return False
        if not matches_filter(record, snapshot.filter_text):
            return True
        first = self._pages.get(0, [])
        if self._count and not first:
            return False
        if first and record.created_at < first[0].record.created_at:
            return False
        self.beginInsertRows(QModelIndex(), 0, 0)
        # Every row moves down by one: page 0 is shifted here; the other cached pages would
        # be off by one, so they are dropped (and re-read when shown). Queries in flight
        # belong to the old offsets: their answers are dropped.
        self._queries.supersede()
        self._pages.clear()
        self._pages[0] = [_Row(record, display_texts(record)), *first][: self._page_size]
        self._last_page = -1
        self._wanted.clear()
        self._loading_page = None
        self._count += 1
        self.endInsertRows()
        return True

    def _on_refreshed(self, snapshot: _Snapshot, result: tuple[int, list[_Row]]) -> None:
        self._refreshing = False
        if self._refresh_again or snapshot != self._snapshot:
            self.refresh()
            return
        count, first = result
        self.beginResetModel()
        self._count = count
        self._pages.clear()
        self._last_page = -1
        self._wanted.clear()
        self._loading_page = None
        if first:
            self._pages[0] = first
        self.endResetModel()
        self.refreshed.emit(count)

    def _on_refresh_failed(self, exc: BaseException) -> None:
        self._refreshing = False
        log.warning("history refresh failed: %s", exc)
        self.loadFailed.emit(history_read_failed(exc).as_text())
        if self._refresh_again:
            self.refresh()

    def _request_page(self, page: int) -> None:
        if page in self._pages or self._refreshing:
            return
        if self._loading_page is not None:
            if page != self._loading_page and page not in self._wanted:
                self._wanted.append(page)
                del self._wanted[:-4]  # only what the view showed last matters
            return
        self._loading_page = page
        snapshot = self._snapshot
        store, size = self._store, self._page_size
        run_in_background(
            lambda: _make_rows(store.page(page * size, size, snapshot.filter_text, snapshot.order)),
            lambda rows: self._on_page_loaded(page, rows),
            self._on_page_failed,
            owner=self,
            latest=self._queries,  # a refresh or an insert meanwhile drops this answer
        )

    def _on_page_loaded(self, page: int, rows: list[_Row]) -> None:
        self._loading_page = None
        self._pages[page] = rows
        self._pages.move_to_end(page)
        self._last_page = page
        while len(self._pages) > self._max_pages:
            self._pages.popitem(last=False)
        first = page * self._page_size
        last = min(self._count, first + self._page_size) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, self.columnCount() - 1))
        self.pageLoaded.emit(page)
        self._next_wanted()

    def _on_page_failed(self, exc: BaseException) -> None:
        self._loading_page = None
        log.warning("history page failed: %s", exc)
        self.loadFailed.emit(history_read_failed(exc).as_text())

    def _next_wanted(self) -> None:
        while self._wanted:
            page = self._wanted.pop()
            if page not in self._pages:
                self._request_page(page)
                return

    def refresh_status(self) -> None:
        """Recompute the status column ("open — 23 min left" → "expired") from the clock."""
        if self._count:
            self.dataChanged.emit(
                self.index(0, HistoryColumn.STATUS),
                self.index(self._count - 1, HistoryColumn.STATUS),
                [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole],
            )

    # ------------------------------------------------------------------ Qt model
    def set_payment_status(self, session_id: str, text: str, kind: str | None = None) -> None:
        """Show ``text`` ("paid ✓ 13:12") in the status column of ``session_id``'s row, as a
        ``kind`` chip (by default the one ``ui/payments`` words ``text`` for)."""
        kind = kind or short_kind(text)
        if (self._payment_text.get(session_id), self._payment_kind.get(session_id)) == (
            text,
            kind,
        ):
            return
        self._payment_text[session_id] = text
        self._payment_kind[session_id] = kind
        self.refresh_status()

    def payment_status(self, session_id: str) -> str | None:
        return self._payment_text.get(session_id)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HistoryColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(HistoryColumn):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return header_text(HistoryColumn(section))
        if role == Qt.ItemDataRole.ToolTipRole:
            return translate("HistoryModel", "Sort by {column} (click the header)").format(
                column=header_text(HistoryColumn(section)).lower()
            )
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called for every role of every visible cell on each paint: keep it cheap.
        if role not in _ROLES:
            return None
        loaded = self._row(index.row())
        column = index.column()
        if role == _DISPLAY:
            if loaded is None:
                return LOADING_TEXT if column == 0 else None
            if column == HistoryColumn.STATUS:
                return self._status(loaded.record)
            return loaded.texts[column] if 0 <= column < len(loaded.texts) else None
        if loaded is None:
            return None
        if role == RecordRole:
            return loaded.record
        if role == CHIP_KIND_ROLE:
            if column != HistoryColumn.STATUS:
                return None
            kind = self._payment_kind.get(loaded.record.session_id)
            if kind is not None:
                return kind
            return "open" if is_open(loaded.record, self._clock()) else "expired"
        if role == _ALIGNMENT:
            return _RIGHT if column == HistoryColumn.AMOUNT else None
        if role == _FOREGROUND:
            if column != HistoryColumn.STATUS:
                return None
            is_live = is_open(loaded.record, self._clock())
            return item_colours.item_text(palette.SUCCESS if is_live else palette.MUTED_ROW)
        if 0 <= column < len(HistoryColumn):
            return self._tooltip(loaded.record, HistoryColumn(column))
        return None

    def _status(self, record: HistoryRecord) -> str:
        """The status column's text: the payment's, once known, else open/expired."""
        paid = self._payment_text.get(record.session_id)
        return paid if paid is not None else status_text(record, self._clock())

    def _tooltip(self, record: HistoryRecord, column: HistoryColumn) -> str | None:
        if column == HistoryColumn.CREATED:
            return translate("HistoryModel", "{moment} — {environment}, {profile}").format(
                moment=format_long_moment(record.created_at),
                environment=record.environment,
                profile=record.profile,
            )
        if column == HistoryColumn.STATUS:
            expires = format_day_time(record.expires_at)
            if record.expires_at_is_default:
                valid = translate(
                    "HistoryModel", "Link valid until {moment} (Inflow's default of about 1 hour)"
                ).format(moment=expires)
            else:
                valid = translate("HistoryModel", "Link valid until {moment}").format(
                    moment=expires
                )
            # The whole status first: a chip too long for its column ends in "…" (kit/chips).
            return f"{self._status(record)}\n{valid}"
        if column == HistoryColumn.PRODUCTS:
            if record.kind is SessionKind.SUBSCRIPTION:
                if record.offer_name:
                    return translate("HistoryModel", "Offer {name} ({id})").format(
                        name=record.offer_name, id=record.offer_id
                    )
                return translate("HistoryModel", "Offer ({id})").format(id=record.offer_id)
            return record.items_summary
        if column == HistoryColumn.LINK:
            return record.checkout_url
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(HistoryColumn):
            return
        self.set_order(
            SortOrder(
                SORT_KEYS[HistoryColumn(column)],
                descending=order == Qt.SortOrder.DescendingOrder,
            )
        )


def sort_indicator_of(order: SortOrder) -> tuple[int, Qt.SortOrder]:
    """The header section and direction that show ``order``."""
    column = next(c for c, key in SORT_KEYS.items() if key == order.column)
    direction = Qt.SortOrder.DescendingOrder if order.descending else Qt.SortOrder.AscendingOrder
    return int(column), direction
