"""The subscription offers of the picker: a list model and a fast filtered view of it.

:class:`OffersModel` holds one :class:`OfferEntry` per offer — recent offers first (from the
settings, marked "Recent"), then the offers Inflow lists, in the server's order, each id once.
Everything the view and the filter need (summary line, lower-case search text) is computed
once per offer, when it arrives, so the GUI thread does no formatting while the agent types.

:class:`OfferFilterModel` is the filtered view the picker shows. It is not a
``QSortFilterProxyModel``: a Python ``filterAcceptsRow`` (or a Python ``data()`` behind a
``filterRole``) costs a C++→Python call per row and per keystroke, too slow at 10,000 offers.
Instead the filter scans the precomputed strings in one list comprehension and resets the
view (cheap with ``uniformItemSizes``); a narrowing search only rescans the rows still shown.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QStringListModel,
    Qt,
)
from PySide6.QtGui import QFont

from inflow_desk.domain.i18n import QT_TRANSLATE_NOOP, translate
from inflow_desk.domain.offers import (
    MoneyFormatter,
    format_offer_amount,
    is_archived,
    offer_texts,
)
from inflow_desk.ui.kit import item_colours, palette
from inflow_desk.ui.kit.formatting import format_money_in

_Index = QModelIndex | QPersistentModelIndex
#: A recent offer's row: ``Recent · Pro yearly — €299.00 / year`` (translated where shown).
RECENT_ROW = QT_TRANSLATE_NOOP("SubscriptionForm", "Recent · {offer}")
MONEY_CACHE_SIZE = 4096

OfferIdRole = Qt.ItemDataRole.UserRole + 1
SearchRole = Qt.ItemDataRole.UserRole + 2
RecentRole = Qt.ItemDataRole.UserRole + 3
EntryRole = Qt.ItemDataRole.UserRole + 4


def locale_money(locale: QLocale | None = None) -> MoneyFormatter:
    """Amounts in the agent's locale (QLocale); unknown currencies are shown raw.

    The returned callable keeps its own copy of the locale, so it may run in a worker thread.
    """
    loc = QLocale(locale) if locale is not None else QLocale()
    # Offers share a handful of prices: remember each text (QLocale formatting is the slow
    # part of building 10,000 picker rows). Bounded, so a strange listing cannot grow it.
    cache: dict[tuple[int, str], str] = {}

    def money(cents: int, currency: str) -> str:
        key = (cents, currency)
        text = cache.get(key)
        if text is None:
            text = format_money_in(cents, currency, loc)
            if len(cache) < MONEY_CACHE_SIZE:
                cache[key] = text
        return text

    return money


def wire_fields(offer: object) -> dict[str, Any]:
    """An offer (``SubscriptionOffer``, or a mapping as Inflow sent it) as a dict with the wire
    (camelCase) keys, unknown fields included, unset fields left out."""
    if isinstance(offer, Mapping):
        return {str(k): v for k, v in offer.items() if v is not None}
    dump = getattr(offer, "model_dump", None)
    if callable(dump):
        fields = dump(by_alias=True, exclude_none=True)
        if isinstance(fields, dict):
            return fields
    return {"id": str(getattr(offer, "id", ""))}


@dataclass(frozen=True, slots=True)
class OfferEntry:
    """One row of the picker: the offer's fields and the text computed from them."""

    id: str
    fields: dict[str, Any]
    title: str
    summary: str
    search: str
    archived: bool = False
    recent: bool = False
    #: False for a recent or pasted offer that the current listing did not (yet) contain.
    listed: bool = True

    def display(self) -> str:
        if self.recent:
            return translate("SubscriptionForm", RECENT_ROW).format(offer=self.summary)
        return self.summary


def make_entry(
    offer: object,
    money: MoneyFormatter = format_offer_amount,
    *,
    recent: bool = False,
    listed: bool = True,
) -> OfferEntry:
    """The picker row for ``offer`` (any shape :func:`wire_fields` accepts). Thread-safe."""
    fields = wire_fields(offer)
    offer_id = str(fields.get("id", "")).strip()
    fields["id"] = offer_id
    title, summary, search = offer_texts(fields, money)
    return OfferEntry(
        id=offer_id,
        fields=fields,
        title=title,
        summary=summary,
        search=search,
        archived=is_archived(fields),
        recent=recent,
        listed=listed,
    )


def _with(entry: OfferEntry, **changes: Any) -> OfferEntry:
    return replace(entry, **changes)


class OffersModel(QAbstractListModel):
    """Recent offers first, then the listed ones; each id appears once."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[OfferEntry] = []
        self._row_of: dict[str, int] = {}
        self._recent_count = 0
        self._search: list[str] = []
        self._display: list[str] = []
        self._listed = 0
        self._bold = QFont()
        self._bold.setBold(True)

    # ------------------------------------------------------------------ Qt
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid() or index.column() != 0:
            return None
        row = index.row()
        if not 0 <= row < len(self._rows):
            return None
        entry = self._rows[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return entry.display()
        if role == Qt.ItemDataRole.ToolTipRole:
            if entry.archived:
                return translate(
                    "SubscriptionForm", "{offer} (archived: accepts no new subscribers)\n{id}"
                ).format(offer=entry.summary, id=entry.id)
            return f"{entry.summary}\n{entry.id}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return entry.display()
        if role == Qt.ItemDataRole.FontRole and entry.recent:
            return self._bold
        if role == Qt.ItemDataRole.ForegroundRole and entry.archived:
            return item_colours.item_text(palette.MUTED_ITEM)
        if role == OfferIdRole:
            return entry.id
        if role == SearchRole:
            return entry.search
        if role == RecentRole:
            return entry.recent
        if role == EntryRole:
            return entry
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    # ------------------------------------------------------------------ reading
    @property
    def search_texts(self) -> Sequence[str]:
        """The lower-case search string of every row, in row order (do not modify)."""
        return self._search

    @property
    def display_texts(self) -> Sequence[str]:
        """The display text of every row, in row order (do not modify)."""
        return self._display

    @property
    def recent_count(self) -> int:
        return self._recent_count

    def listed_count(self) -> int:
        """How many rows the current listing delivered (recent ones included when listed)."""
        return self._listed

    def entry(self, row: int) -> OfferEntry:
        return self._rows[row]

    def entries(self) -> list[OfferEntry]:
        return list(self._rows)

    def row_of(self, offer_id: str) -> int:
        """The row of ``offer_id``, or -1."""
        return self._row_of.get(offer_id, -1)

    def entry_by_id(self, offer_id: str) -> OfferEntry | None:
        row = self.row_of(offer_id)
        return self._rows[row] if row >= 0 else None

    # ------------------------------------------------------------------ writing
    def set_recent(self, entries: Iterable[OfferEntry]) -> None:
        """Replace the recent rows (most recent first). A recent offer that was already
        listed keeps the listed data and moves up."""
        listed = [e for e in self._rows if e.listed]
        recent: list[OfferEntry] = []
        seen: set[str] = set()
        for entry in entries:
            if not entry.id or entry.id in seen:
                continue
            seen.add(entry.id)
            known = next((e for e in listed if e.id == entry.id), None)
            recent.append(_with(known or entry, recent=True, listed=known is not None))
        others = [_with(e, recent=False) for e in listed if e.id not in seen]
        self.beginResetModel()
        self._set_rows(recent + others, len(recent))
        self.endResetModel()

    def clear_listed(self) -> None:
        """Forget the listing (before a reload); recent offers stay, marked as not listed."""
        keep = [_with(e, listed=False) for e in self._rows[: self._recent_count]]
        self.beginResetModel()
        self._set_rows(keep, len(keep))
        self.endResetModel()

    def add_listed(self, entries: Iterable[OfferEntry]) -> int:
        """Add a page of listed offers; a known id updates its row instead. Returns the number
        of new rows."""
        new: list[OfferEntry] = []
        pending: dict[str, int] = {}
        for entry in entries:
            if not entry.id:
                continue
            row = self._row_of.get(entry.id)
            if row is not None:
                old = self._rows[row]
                self._listed += 0 if old.listed else 1
                self._rows[row] = updated = _with(entry, recent=old.recent, listed=True)
                self._search[row] = updated.search
                self._display[row] = updated.display()
                index = self.index(row, 0)
                self.dataChanged.emit(index, index)
            else:
                if entry.recent or not entry.listed:
                    entry = _with(entry, recent=False, listed=True)
                if entry.id in pending:
                    new[pending[entry.id]] = entry
                else:
                    pending[entry.id] = len(new)
                    new.append(entry)
        if new:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            for offset, entry in enumerate(new):
                self._row_of[entry.id] = first + offset
            self._rows.extend(new)
            self._search.extend([e.search for e in new])
            self._display.extend([e.summary for e in new])  # listed rows: display() == summary
            self._listed += len(new)
            self.endInsertRows()
        return len(new)

    def _set_rows(self, rows: list[OfferEntry], recent_count: int) -> None:
        self._rows = rows
        self._recent_count = recent_count
        self._row_of = {e.id: i for i, e in enumerate(rows)}
        self._search = [e.search for e in rows]
        self._display = [e.display() for e in rows]
        self._listed = sum(1 for e in rows if e.listed)


class OfferFilterModel(QStringListModel):
    """The rows of an :class:`OffersModel` whose search text contains every typed word.

    The view's model is this C++ ``QStringListModel`` holding the display text of each shown
    row: ``rowCount``/``index`` — which a list view calls tens of thousands of times while it
    lays out 10,000 rows — stay in C++ and never need Python's GIL, so a worker thread parsing
    offers does not stall the layout. Only ``data`` (the roles beyond the text, for the rows
    being painted) and ``flags`` come back to Python. Which source row each row shows is kept
    in ``self._rows``; the two are changed together, and only here.
    """

    def __init__(self, source: OffersModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self._tokens: tuple[str, ...] = ()
        self._rows: list[int] = []
        self._texts: list[str] = []  # what the C++ list holds, kept for cheap appends
        self._show(list(range(source.rowCount())))
        source.modelReset.connect(self._refilter)
        source.rowsInserted.connect(self._on_rows_inserted)
        source.rowsRemoved.connect(self._refilter)
        source.rowsMoved.connect(self._refilter)
        source.dataChanged.connect(self._on_data_changed)

    # ------------------------------------------------------------------ Qt
    # rowCount() and index() are QStringListModel's own, in C++ (see the class docstring).
    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid() or index.column() != 0:
            return None
        row = index.row()
        if not 0 <= row < len(self._rows):
            return None
        return self._source.data(self._source.index(self._rows[row], 0), role)

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        return False  # read-only: the rows mirror the source model

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return Qt.ItemFlag.NoItemFlags
        return self._source.flags(self._source.index(self._rows[index.row()], 0))

    # ------------------------------------------------------------------ filtering
    @property
    def source(self) -> OffersModel:
        return self._source

    @property
    def filter_text(self) -> str:
        return " ".join(self._tokens)

    def set_filter_text(self, text: str) -> None:
        """Show the offers whose name, id or price text contains every word of ``text``
        (case-insensitive)."""
        tokens = tuple(text.casefold().split())
        if tokens == self._tokens:
            return
        narrowing = bool(self._tokens) and all(
            any(old in new for new in tokens) for old in self._tokens
        )
        candidates: Iterable[int] = self._rows if narrowing else range(self._source.rowCount())
        self._tokens = tokens
        rows = self._matching(candidates)
        if rows != self._rows:
            self._show(rows)

    def _matching(self, candidates: Iterable[int]) -> list[int]:
        texts = self._source.search_texts
        tokens = self._tokens
        if not tokens:
            return list(candidates)
        if len(tokens) == 1:
            needle = tokens[0]
            return [i for i in candidates if needle in texts[i]]
        return [i for i in candidates if all(t in texts[i] for t in tokens)]

    def _show(self, rows: list[int]) -> None:
        """Show exactly ``rows`` (a model reset)."""
        texts = self._source.display_texts
        self._rows = rows
        self._texts = [texts[i] for i in rows]
        super().setStringList(self._texts)

    def _append(self, rows: list[int]) -> None:
        """Show ``rows`` after the current ones (a reset too: QStringListModel has no bulk
        insert, and one call that copies the strings in C++ beats a Python call per row)."""
        texts = self._source.display_texts
        self._rows.extend(rows)
        self._texts.extend([texts[i] for i in rows])
        super().setStringList(self._texts)

    def _set_text(self, row: int, text: str) -> None:
        """Change the text of one shown row (QStringListModel emits dataChanged)."""
        self._texts[row] = text
        super().setData(self.index(row, 0), text, Qt.ItemDataRole.EditRole)

    def source_row(self, row: int) -> int:
        """The :class:`OffersModel` row shown at ``row``, or -1."""
        return self._rows[row] if 0 <= row < len(self._rows) else -1

    def row_for_source(self, source_row: int) -> int:
        """Where source row ``source_row`` is shown, or -1 when filtered out."""
        position = bisect_left(self._rows, source_row)
        if position < len(self._rows) and self._rows[position] == source_row:
            return position
        return -1

    def entry(self, row: int) -> OfferEntry | None:
        source_row = self.source_row(row)
        return self._source.entry(source_row) if source_row >= 0 else None

    def row_of(self, offer_id: str) -> int:
        """Where ``offer_id`` is shown, or -1."""
        source_row = self._source.row_of(offer_id)
        return self.row_for_source(source_row) if source_row >= 0 else -1

    # ------------------------------------------------------------------ source changes
    def _refilter(self) -> None:
        self._show(self._matching(range(self._source.rowCount())))

    def _on_rows_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        if parent.isValid():
            return
        if first != self._source.rowCount() - (last - first + 1):
            self._refilter()  # inserted in the middle: rows after it moved
            return
        added = self._matching(range(first, last + 1))
        if added:
            self._append(added)

    def _on_data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex) -> None:
        span = range(top_left.row(), bottom_right.row() + 1)
        now = set(self._matching(span))
        shown = [self.row_for_source(r) for r in span]
        if any((r in now) != (row >= 0) for r, row in zip(span, shown, strict=True)):
            self._refilter()
            return
        texts = self._source.display_texts
        for source_row, row in zip(span, shown, strict=True):
            if row >= 0:
                self._set_text(row, texts[source_row])


def load_offers(
    model: OffersModel,
    offers: Iterable[object],
    money: MoneyFormatter = format_offer_amount,
    page_size: int = 100,
) -> None:
    """Feed ``offers`` into ``model`` page by page, as a listing would (benchmarks, tests)."""
    page: list[OfferEntry] = []
    for offer in offers:
        page.append(make_entry(offer, money))
        if len(page) >= page_size:
            model.add_listed(page)
            page = []
    if page:
        model.add_listed(page)
