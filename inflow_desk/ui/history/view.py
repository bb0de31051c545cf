"""The history view: every link the agent created, filterable, with copy / QR / create again /
CSV export, docked into the main window by :func:`dock_history`.

Keyboard: Ctrl+H (window-wide) goes to the filter, showing the history if it was hidden (hiding
it is View ▸ History or the dock's close button); Ctrl+F does the same inside the view. In the
table: Ctrl+C copies the link, Space shows the QR code, Ctrl+R loads the same cart or offer into
the form ("create again"), Ctrl+E exports the selected rows, Ctrl+Shift+E a date range, F5
reloads; Enter or a double click copies the link. From the filter, Down enters the rows and
Ctrl+C, Ctrl+R, Ctrl+E and Space act on the highlighted row — after typing, the first match (a
space that would start the filter shows the QR code; between words it is typed). Esc, in the
filter or the rows, goes back to the form (``leaveRequested``).
"""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Callable, Iterable
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any, Final, Protocol

from PySide6.QtCore import (
    QDate,
    QEvent,
    QItemSelection,
    QModelIndex,
    QObject,
    QPoint,
    Qt,
    QTimer,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QStyle,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from inflow_desk.domain.i18n import translate
from inflow_desk.domain.money import Currency
from inflow_desk.storage.history import (
    HistoryRecord,
    HistoryStore,
    NewHistoryRecord,
    SessionKind,
    expired_status_text,
    export_csv,
    open_status_text,
)
from inflow_desk.ui.checkout.result_panel import QrWindow
from inflow_desk.ui.checkout.session import CreatedSession
from inflow_desk.ui.history.dock import reserve_history_dock
from inflow_desk.ui.history.model import (
    KIND_TEXT,
    HistoryColumn,
    HistoryModel,
    RecordRole,
    created_text,
    header_text,
    sort_indicator_of,
)
from inflow_desk.ui.kit import design, palette
from inflow_desk.ui.kit.chips import ChipDelegate, chip_size
from inflow_desk.ui.kit.errors import export_failed
from inflow_desk.ui.kit.formatting import format_money, format_number
from inflow_desk.ui.kit.theme import set_style
from inflow_desk.ui.kit.widgets import Clock, shortcut_tip, utc_now
from inflow_desk.ui.kit.workers import run_in_background

log = logging.getLogger(__name__)

#: Filter-as-you-type waits this long after the last key before querying.
FILTER_DEBOUNCE_MS: Final = 150

COPY_SHORTCUT: Final = "Ctrl+C"
QR_SHORTCUT: Final = "Space"
CREATE_AGAIN_SHORTCUT: Final = "Ctrl+R"
EXPORT_SELECTED_SHORTCUT: Final = "Ctrl+E"
EXPORT_RANGE_SHORTCUT: Final = "Ctrl+Shift+E"
REFRESH_SHORTCUT: Final = "F5"
FIND_SHORTCUT: Final = "Ctrl+F"
GO_TO_HISTORY_SHORTCUT: Final = "Ctrl+H"
#: The free-text columns: they share the width the others leave.
FREE_COLUMNS: Final = (HistoryColumn.EMAIL, HistoryColumn.PRODUCTS, HistoryColumn.LINK)


# ---------------------------------------------------------------------- CSV files


def write_csv_file(path: Path, records: Iterable[NewHistoryRecord]) -> int:
    """Write ``records`` as CSV to ``path`` (UTF-8 with BOM so spreadsheets detect it).

    The file appears complete or not at all: it is written next to ``path`` and renamed.
    Returns the number of rows.
    """
    path = Path(path)
    fd, temp_name = tempfile.mkstemp(prefix=".history-", suffix=".csv.part", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as stream:
            count = export_csv(records, stream)
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return count


def local_day_bounds(first: date, last: date) -> tuple[datetime, datetime]:
    """``[first 00:00, last+1 00:00)`` in local time, as aware datetimes (for ``store.range``)."""
    if last < first:
        first, last = last, first
    start = datetime.combine(first, time()).astimezone()
    end = datetime.combine(last + timedelta(days=1), time()).astimezone()
    return start, end


def export_range(store: HistoryStore, path: Path, first: date, last: date) -> int:
    """Write the sessions created on local days ``first``…``last`` (inclusive) to ``path``."""
    start, end = local_day_bounds(first, last)
    return write_csv_file(path, store.range(start, end))


def create_again_body(record: HistoryRecord) -> dict[str, Any]:
    """What ``MainWindow.load_request`` needs to send ``record``'s request again.

    The exact body that was sent; for a subscription also ``offer_id`` (and ``offer_name``),
    which travel in the URL path and not in the body — the subscription form reads them, the
    options form ignores them.
    """
    body = record.request_body
    if record.kind is SessionKind.SUBSCRIPTION:
        body["offer_id"] = record.offer_id
        if record.offer_name:
            body["offer_name"] = record.offer_name
    return body


# ---------------------------------------------------------------------- dialogs


class DateRangeDialog(QDialog):
    """Asks for the first and last day to export (both inclusive, local time)."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyRangeDialog")
        self.setWindowTitle(translate("DateRangeDialog", "Export history — date range"))
        self.first_edit = self._date_edit("historyRangeFromEdit", today)
        self.first_edit.setAccessibleName(translate("DateRangeDialog", "First day"))
        self.last_edit = self._date_edit("historyRangeToEdit", today)
        self.last_edit.setAccessibleName(translate("DateRangeDialog", "Last day (inclusive)"))
        form = QFormLayout()
        form.addRow(translate("DateRangeDialog", "&From"), self.first_edit)
        form.addRow(translate("DateRangeDialog", "&To (inclusive)"), self.last_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.setObjectName("historyRangeButtons")
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            translate("DateRangeDialog", "Export…")
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _date_edit(self, name: str, value: date) -> QDateEdit:
        edit = QDateEdit(QDate(value.year, value.month, value.day), self)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def days(self) -> tuple[date, date]:
        first, last = self.first_edit.date().toPython(), self.last_edit.date().toPython()
        assert isinstance(first, date) and isinstance(last, date)
        return (first, last) if first <= last else (last, first)


# ---------------------------------------------------------------------- the view


class HistoryView(QWidget):
    """Filter box, table and row actions over a :class:`HistoryStore`.

    Emits ``createAgainRequested(kind, body)`` with the exact request body that was sent
    (connect it to :meth:`MainWindow.load_request`), ``exported(path, rows)`` after a CSV file
    was written, ``exportFailed(message)``, and ``leaveRequested`` when the agent pressed Esc
    in the filter or the rows (connect it to what focuses the form).
    """

    createAgainRequested = Signal(str, object)
    exported = Signal(str, int)
    exportFailed = Signal(str)
    leaveRequested = Signal()

    def __init__(
        self,
        store: HistoryStore,
        parent: QWidget | None = None,
        *,
        clock: Clock = utc_now,
        profile: str | Callable[[], str] = "default",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("historyView")
        self._store = store
        self._clock = clock
        # the current profile (a callable follows account switches): the CSV file's name
        self._profile = profile if callable(profile) else (lambda: profile)
        self._qr_window: QrWindow | None = None
        self._select_after_refresh: str | None = None  # a session id
        self._restore_current: int | None = None  # a record id
        self._filter_changed = False  # the refresh in flight applies a new filter text
        self._after_filter: Callable[[], None] | None = None  # a key waiting for the filter

        self.model = HistoryModel(store, clock=clock, parent=self)

        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("historySearchEdit")
        self.search_edit.setAccessibleName(translate("HistoryView", "Filter history"))
        self.search_edit.setAccessibleDescription(
            translate("HistoryView", "E-mail, product, offer, session id or amount")
        )
        self.search_edit.setPlaceholderText(
            translate("HistoryView", "Filter: e-mail, product, offer, session id or amount")
        )
        self.search_edit.setToolTip(
            shortcut_tip(translate("HistoryView", "Filter the history as you type"), FIND_SHORTCUT)
        )
        self.search_edit.setClearButtonEnabled(True)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("historyCountLabel")
        self.message_label = QLabel(self)
        self.message_label.setObjectName("historyMessageLabel")
        set_style(self.message_label, f"color: {palette.SUCCESS};")

        self.table = QTableView(self)
        self.table.setObjectName("historyTable")
        self.table.setAccessibleName(translate("HistoryView", "Created links"))
        self.table.setAccessibleDescription(
            translate(
                "HistoryView",
                "Enter copies the link; Space shows its QR code; Ctrl+R creates it again",
            )
        )
        self.table.setModel(self.model)
        # The status as a chip, drawn as the result panel's (kit/chips.py).
        self.table.setItemDelegateForColumn(HistoryColumn.STATUS, ChipDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._on_context_menu)
        self.table.activated.connect(self._on_activated)
        vertical = self.table.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # Widths from typical texts: ResizeToContents would ask the model about every row.
        samples = {
            HistoryColumn.CREATED: created_text(datetime(2026, 12, 28, 22, 58)),
            HistoryColumn.KIND: translate("HistoryModel", KIND_TEXT[SessionKind.SUBSCRIPTION]),
            HistoryColumn.AMOUNT: format_money(129999900, Currency.EUR),
            HistoryColumn.SESSION_ID: "sess_0123456789abcdef",
        }
        metrics = self.table.fontMetrics()
        for column, sample in samples.items():
            width = max(metrics.horizontalAdvance(sample) + 24, self._title_width(column))
            header.resizeSection(column, width)
        header.resizeSection(HistoryColumn.STATUS, self._status_width())
        # The free-text columns share what is left, so the default columns fit the window
        # without a horizontal scroll bar (texts elide; the tooltip and Ctrl+C have it all) —
        # unless a long language's titles need more than their share (_fit_free_columns).
        self._fit_free_columns()
        section, direction = sort_indicator_of(self.model.order)
        header.setSortIndicator(section, direction)
        header.setSortIndicatorShown(True)
        self.table.setSortingEnabled(True)  # header clicks → model.sort → store order

        self.copy_action = self._action(
            translate("HistoryView", "&Copy link"),
            "historyCopyLinkAction",
            COPY_SHORTCUT,
            self.copy_link,
        )
        self.qr_action = self._action(
            translate("HistoryView", "Show &QR code"),
            "historyShowQrAction",
            QR_SHORTCUT,
            self.show_qr,
        )
        self.create_again_action = self._action(
            translate("HistoryView", "Create &again"),
            "historyCreateAgainAction",
            CREATE_AGAIN_SHORTCUT,
            self.create_again,
        )
        self.create_again_action.setStatusTip(
            translate("HistoryView", "Load the same cart or offer into the form, for a fresh link")
        )
        self.export_selected_action = self._action(
            translate("HistoryView", "&Export selected…"),
            "historyExportSelectedAction",
            EXPORT_SELECTED_SHORTCUT,
            self.export_selected_dialog,
        )
        self.export_range_action = self._action(
            translate("HistoryView", "Export &date range…"),
            "historyExportRangeAction",
            EXPORT_RANGE_SHORTCUT,
            self.export_range_dialog,
        )
        self.refresh_action = self._action(
            translate("HistoryView", "&Reload"),
            "historyRefreshAction",
            REFRESH_SHORTCUT,
            self.refresh,
        )
        self.find_action = QAction(translate("HistoryView", "Filter"), self)
        self.find_action.setObjectName("historyFindAction")
        self.find_action.setShortcut(QKeySequence(FIND_SHORTCUT))
        self.find_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.find_action.triggered.connect(self.focus_search)
        self.addAction(self.find_action)

        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("historyToolbar")
        self.toolbar.setAccessibleName(translate("HistoryView", "History actions"))
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (
            self.copy_action,
            self.qr_action,
            self.create_again_action,
            self.export_selected_action,
            self.export_range_action,
        ):
            self.toolbar.addAction(action)
            button = self.toolbar.widgetForAction(action)
            button.setObjectName(action.objectName().replace("Action", "Button"))
            button.setAccessibleName(action.text().replace("&", "").rstrip("…"))

        top = QHBoxLayout()
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.count_label)
        top.addWidget(self.toolbar)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message_label)
        self.message_label.hide()  # shown with the first message
        self.setTabOrder(self.search_edit, self.table)
        self.search_edit.installEventFilter(self)
        self.table.installEventFilter(self)
        self.table.viewport().installEventFilter(self)

        self._filter_timer = QTimer(self)
        self._filter_timer.setObjectName("historyFilterTimer")
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DEBOUNCE_MS)
        self._filter_timer.timeout.connect(self._apply_filter)
        self.search_edit.textChanged.connect(self._filter_timer.start)

        self.model.refreshed.connect(self._on_refreshed)
        self.model.modelAboutToBeReset.connect(self._remember_current)
        self.model.pageLoaded.connect(self._update_actions)
        self.model.loadFailed.connect(self._show_error)
        self.model.loadFailed.connect(self._forget_key_after_filter)
        selection = self.table.selectionModel()
        selection.selectionChanged.connect(self._on_selection_changed)
        selection.currentChanged.connect(self._update_actions)
        self._update_actions()
        self.refresh()

    def _title_width(self, column: HistoryColumn) -> int:
        """The room ``column``'s title needs: its text, the header's margins and the sort
        arrow (any column may carry it)."""
        header = self.table.horizontalHeader()
        style = header.style()
        margin = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        arrow = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header)
        text = header.fontMetrics().horizontalAdvance(header_text(column))
        return text + 3 * margin + arrow + 2

    def _status_width(self) -> int:
        """The status column: room for the chip of a link with most of a day left, in the
        agent's language — at most half as wide again as in English, where a longer status
        ends in "…" (the cell's tooltip has it all)."""
        metrics = self.table.fontMetrics()
        chip = max(
            chip_size(metrics, text).width()
            for text in (open_status_text(timedelta(hours=23, minutes=59)), expired_status_text())
        )
        english = chip_size(metrics, "open — 23 h 59 min left").width()
        inset = design.SPACE_XS  # the delegate's margin around the chip
        return max(min(chip, english * 3 // 2) + inset + 4, self._title_width(HistoryColumn.STATUS))

    def _fit_free_columns(self) -> None:
        """E-mail, products and link share the width the other columns leave (they stretch
        with the window); when a share is narrower than a title (a long language, a narrow
        window), each takes its title's width and the table scrolls sideways instead of
        cutting a title."""
        header = self.table.horizontalHeader()
        free = [c for c in FREE_COLUMNS if not header.isSectionHidden(c)]
        if not free:
            return
        taken = sum(
            header.sectionSize(c)
            for c in HistoryColumn
            if c not in FREE_COLUMNS and not header.isSectionHidden(c)
        )
        needs = {c: self._title_width(c) for c in free}
        share = (self.table.viewport().width() - taken) // len(free)
        stretch = share >= max(needs.values())
        mode = QHeaderView.ResizeMode.Stretch if stretch else QHeaderView.ResizeMode.Interactive
        header.setStretchLastSection(stretch)
        for column in free:
            if header.sectionResizeMode(column) != mode:
                header.setSectionResizeMode(column, mode)
            if not stretch and header.sectionSize(column) < needs[column]:
                header.resizeSection(column, needs[column])

    def _action(self, text: str, name: str, shortcut: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setToolTip(shortcut_tip(text.replace("&", "").rstrip("…"), shortcut))
        action.triggered.connect(slot)
        self.table.addAction(action)
        return action

    # ------------------------------------------------------------------ state
    def current_record(self) -> HistoryRecord | None:
        index = self.table.currentIndex()
        if not index.isValid():
            rows = self.table.selectionModel().selectedRows()
            if not rows:
                return None
            index = rows[0]
        record = self.model.data(self.model.index(index.row(), 0), RecordRole)
        return record if isinstance(record, HistoryRecord) else None

    def selected_rows(self) -> list[int]:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        if not rows and self.table.currentIndex().isValid():
            rows.add(self.table.currentIndex().row())
        return sorted(rows)

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.selectRow(row)
        self.table.scrollTo(index)

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def show_message(self, text: str, *, error: bool = False) -> None:
        set_style(
            self.message_label,
            f"color: {palette.DANGER}; font-weight: bold;"
            if error
            else f"color: {palette.SUCCESS};",
        )
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))

    def _show_error(self, text: str) -> None:
        self.show_message(text, error=True)

    # ------------------------------------------------------------------ refresh, filter
    def refresh(self) -> None:
        """Reload from the store (another window may have added rows)."""
        self.model.refresh()

    def on_session_created(self, session: CreatedSession) -> None:
        """A session was created: select its row (reload first unless :meth:`add_record`
        already put it in)."""
        top = self.model.record_at(0) if self.model.rowCount() else None
        if top is not None and top.session_id == session.session_id:
            return
        self._select_after_refresh = session.session_id
        self.model.refresh()

    def add_record(self, record: HistoryRecord) -> None:
        """A row was stored: insert it (no reload when it goes first) and select it."""
        if self.model.insert_record(record):
            self._show_count(self.model.rowCount())
            top = self.model.record_at(0)
            if top is not None and top.id == record.id:
                self.select_row(0)
            return
        self._select_after_refresh = record.session_id
        self.model.refresh()

    def _apply_filter(self) -> None:
        text = self.search_edit.text()
        if text != self.model.filter_text:
            self._filter_changed = True
        self.model.set_filter(text)

    def _remember_current(self) -> None:
        record = self.current_record()
        self._restore_current = record.id if record is not None else None

    def _show_count(self, count: int) -> None:
        number = format_number(count)
        if self.model.filter_text.strip():
            text = translate("HistoryView", "{count} matching", None, count)
        else:
            text = translate("HistoryView", "{count} link(s)", None, count)
        self.count_label.setText(text.format(count=number))

    def _on_refreshed(self, count: int) -> None:
        self._show_count(count)
        wanted_session = self._select_after_refresh
        self._select_after_refresh = None
        row = -1
        if wanted_session is not None:
            row = next(
                (
                    r
                    for r in range(min(count, 200))
                    if (rec := self.model.record_at(r)) is not None
                    and rec.session_id == wanted_session
                ),
                -1,
            )
        elif self._filter_changed:
            row = 0 if count else -1  # typing a filter highlights its first match
        elif self._restore_current is not None:
            row = self.model.row_of(self._restore_current)
        self._restore_current = None
        self._filter_changed = False
        if row >= 0:
            self.select_row(row)
        self._update_actions()
        waiting, self._after_filter = self._after_filter, None
        if waiting is not None:
            self._act_from_filter(waiting)  # still waits if more was typed meanwhile

    def _on_selection_changed(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        self._update_actions()

    def _update_actions(self, *args: Any) -> None:
        has_record = self.current_record() is not None
        for action in (self.copy_action, self.qr_action, self.create_again_action):
            action.setEnabled(has_record)
        self.export_selected_action.setEnabled(bool(self.selected_rows()))

    # ------------------------------------------------------------------ keys
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Resize and watched is self.table.viewport():
            self._fit_free_columns()  # (the viewport's own: the table's comes before it)
        if kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) and (
            watched is self.search_edit or watched is self.table
        ):
            assert isinstance(event, QKeyEvent)
            handler = (
                self._filter_key(event) if watched is self.search_edit else self._rows_key(event)
            )
            if handler is not None:
                if kind == QEvent.Type.ShortcutOverride:
                    # The key is ours here: neither the line edit (its own Ctrl+C, Ctrl+E)
                    # nor a window shortcut takes it; the key press then comes back here.
                    event.accept()
                else:
                    handler()
                return True
        return super().eventFilter(watched, event)

    def _filter_key(self, event: QKeyEvent) -> Callable[[], None] | None:
        """What a key pressed in the filter does, if it is one of the history's keys."""
        key = event.key()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if modifiers == Qt.KeyboardModifier.ControlModifier:
            row_action = {
                Qt.Key.Key_C: self.copy_link,
                Qt.Key.Key_R: self.create_again,
                Qt.Key.Key_E: self.export_selected_dialog,
            }.get(Qt.Key(key))
            if row_action is not None:
                return lambda: self._act_from_filter(row_action)
            return None
        if modifiers != Qt.KeyboardModifier.NoModifier:
            return None
        if key == Qt.Key.Key_Down:
            return lambda: self._act_from_filter(self._enter_rows)
        if key == Qt.Key.Key_Escape:
            return self.leaveRequested.emit
        if key == Qt.Key.Key_Space and self._space_would_lead_the_filter():
            return lambda: self._act_from_filter(self.show_qr)
        return None

    def _rows_key(self, event: QKeyEvent) -> Callable[[], None] | None:
        """Keys of the rows beyond the table's own: Esc to the form, Up from the top row."""
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return None
        if event.key() == Qt.Key.Key_Escape:
            return self.leaveRequested.emit
        if event.key() == Qt.Key.Key_Up and self.table.currentIndex().row() <= 0:
            return self.focus_search
        return None

    def _space_would_lead_the_filter(self) -> bool:
        """A leading space means nothing to the filter: then Space is "show the QR code"."""
        edit = self.search_edit
        start = edit.selectionStart() if edit.hasSelectedText() else edit.cursorPosition()
        return not edit.text()[:start].strip()

    def _act_from_filter(self, act: Callable[[], None]) -> None:
        """Run a row key pressed in the filter on the highlighted row (the first one if none is)
        — once the list shows what the filter says: a key pressed right after typing waits for
        that query rather than act on a row of the previous list."""
        if (
            self._filter_timer.isActive()
            or self.search_edit.text() != self.model.filter_text
            or self.model.is_refreshing
        ):
            self._filter_timer.stop()
            self._apply_filter()
            if self.model.is_refreshing:
                self._after_filter = act  # run by _on_refreshed
                return
        if not self.selected_rows() and self.model.rowCount():
            self.select_row(0)
        act()

    def _forget_key_after_filter(self) -> None:
        self._after_filter = None  # the query failed: the key has no row to act on

    def _enter_rows(self) -> None:
        if not self.model.rowCount():
            return
        current = self.table.currentIndex()
        row = current.row() if current.isValid() else (self.selected_rows() or [0])[0]
        if not current.isValid() or not self.table.selectionModel().isRowSelected(row):
            self.select_row(row)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    # ------------------------------------------------------------------ actions
    def copy_link(self) -> None:
        record = self.current_record()
        if record is None:
            return
        QGuiApplication.clipboard().setText(record.checkout_url)
        self.show_message(
            translate("HistoryView", "Link of {session} copied ✓").format(session=record.session_id)
        )

    def show_qr(self) -> None:
        record = self.current_record()
        if record is None:
            return
        if self._qr_window is not None:
            self._qr_window.close()
        window = QrWindow(record.checkout_url, self.window())
        window.setObjectName("historyQrWindow")
        window.finished.connect(window.deleteLater)
        window.finished.connect(lambda _result: self._forget_qr_window(window))
        self._qr_window = window
        window.showMaximized()
        window.raise_()
        window.activateWindow()

    @property
    def qr_window(self) -> QrWindow | None:
        return self._qr_window

    def _forget_qr_window(self, window: QrWindow) -> None:
        if self._qr_window is window:
            self._qr_window = None

    def create_again(self) -> None:
        """Load the row's cart or offer (and options) into the form: the same JSON again."""
        record = self.current_record()
        if record is None:
            return
        self.createAgainRequested.emit(record.kind.value, create_again_body(record))
        self.show_message(
            translate("HistoryView", "Loaded {session} into the form — press Ctrl+Enter").format(
                session=record.session_id
            )
        )

    def _on_activated(self, index: QModelIndex) -> None:
        self.copy_link()

    def context_menu(self) -> QMenu:
        """The row menu (also what a right click shows)."""
        menu = QMenu(self)
        menu.setObjectName("historyContextMenu")
        menu.addAction(self.copy_action)
        menu.addAction(self.qr_action)
        menu.addAction(self.create_again_action)
        menu.addSeparator()
        menu.addAction(self.export_selected_action)
        menu.addAction(self.export_range_action)
        menu.addSeparator()
        menu.addAction(self.refresh_action)
        return menu

    def _on_context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if index.isValid() and not self.table.selectionModel().isRowSelected(index.row()):
            self.select_row(index.row())
        menu = self.context_menu()
        menu.exec(self.table.viewport().mapToGlobal(pos))
        menu.deleteLater()

    # ------------------------------------------------------------------ export
    def _default_file_name(self, suffix: str) -> str:
        today = self._clock().astimezone().date().isoformat()
        return f"inflow-history-{self._profile()}-{today}{suffix}.csv"

    def _ask_path(self, suffix: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            translate("HistoryView", "Export history as CSV"),
            self._default_file_name(suffix),
            "CSV (*.csv)",
        )
        if not path:
            return None
        result = Path(path)
        return result if result.suffix.lower() == ".csv" else result.with_suffix(".csv")

    def export_selected_dialog(self) -> None:
        if not self.selected_rows():
            return
        path = self._ask_path("-selection")
        if path is not None:
            self.export_selected_to(path)

    def export_range_dialog(self) -> None:
        dialog = DateRangeDialog(self._clock().astimezone().date(), self)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            first, last = dialog.days()
        finally:
            dialog.deleteLater()
        path = self._ask_path(f"-{first.isoformat()}-to-{last.isoformat()}")
        if path is not None:
            self.export_range_to(path, first, last)

    def export_selected_to(self, path: Path) -> None:
        """Write the selected rows (view order) to ``path`` in the background → ``exported``."""
        load = self.model.records_loader(self.selected_rows())
        self._export(path, lambda: write_csv_file(path, load()))

    def export_range_to(self, path: Path, first: date, last: date) -> None:
        """Write the sessions of local days ``first``…``last`` to ``path`` → ``exported``."""
        store = self._store
        self._export(path, lambda: export_range(store, path, first, last))

    def _export(self, path: Path, write: Callable[[], int]) -> None:
        self.show_message(translate("HistoryView", "Exporting to {file}…").format(file=path.name))
        run_in_background(
            write,
            lambda count: self._on_exported(path, count),
            lambda exc: self._on_export_failed(path, exc),
            owner=self,
        )

    def _on_exported(self, path: Path, count: int) -> None:
        self.show_message(
            translate("HistoryView", "{count} row(s) exported to {file} ✓", None, count).format(
                count=format_number(count), file=path.name
            )
        )
        self.exported.emit(str(path), count)

    def _on_export_failed(self, path: Path, exc: BaseException) -> None:
        log.warning("history export failed: %s", exc)
        message = export_failed(exc, str(path)).as_text()
        self.show_message(message, error=True)
        self.exportFailed.emit(message)


# ---------------------------------------------------------------------- installation


class HistoryHost(Protocol):
    """What the history needs of the window it docks into (``MainWindow`` is one)."""

    @property
    def sessionCreated(self) -> SignalInstance: ...
    def menu(self, title: str) -> QMenu: ...
    def load_request(self, kind: str, body: dict[str, Any]) -> bool: ...
    def focus_form(self) -> None: ...


def dock_history(window: QMainWindow, host: HistoryHost, view: HistoryView) -> QDockWidget:
    """Dock ``view`` at the bottom of ``window`` (View ▸ History; Ctrl+H) and wire it to
    ``host`` (the same window, seen as what the history talks to): new sessions appear (and
    are selected) as soon as it reports them; "create again" fills its form through
    ``host.load_request``; Esc goes back to it. The dock start-up reserved
    (:func:`reserve_history_dock`) is used as it is — its saved size and visibility kept."""
    dock = reserve_history_dock(window)
    placeholder = dock.widget()
    dock.setWidget(view)
    if placeholder is not None and placeholder is not view:
        placeholder.deleteLater()

    # Showing and hiding: the View menu (and the dock's close button), no key of its own.
    toggle = dock.toggleViewAction()
    toggle.setObjectName("toggleHistoryAction")
    toggle.setText(translate("HistoryView", "&History"))
    toggle.setToolTip(translate("HistoryView", "Show or hide the history"))
    toggle.triggered.connect(lambda checked: view.focus_search() if checked else None)
    host.menu("&View").addAction(toggle)

    # Ctrl+H goes to the filter — it shows a hidden history, it never hides it.
    go_to = QAction(translate("HistoryView", "&Go to the history filter"), window)
    go_to.setObjectName("goToHistoryAction")
    go_to.setShortcut(QKeySequence(GO_TO_HISTORY_SHORTCUT))
    go_to.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    go_to.setToolTip(
        shortcut_tip(translate("HistoryView", "Go to the history filter"), GO_TO_HISTORY_SHORTCUT)
    )
    go_to.triggered.connect(lambda: go_to_history(dock, view))
    host.menu("&View").addAction(go_to)

    host.sessionCreated.connect(view.on_session_created)
    view.createAgainRequested.connect(host.load_request)
    view.leaveRequested.connect(host.focus_form)
    return dock


def go_to_history(dock: QDockWidget, view: HistoryView) -> None:
    """Show the history (if hidden, behind another dock or floating) and focus its filter."""
    if not dock.isVisible():
        dock.show()
    dock.raise_()
    if dock.isFloating():
        dock.activateWindow()
    view.focus_search()
