"""Subscription: pick one of the merchant's offers (or paste its id / subscribe link).

The offers load in the background the first time the mode is shown, on F5 / Refresh and when
the window switches accounts; pages appear as they arrive. The agent types to filter, moves
with Up/Down while typing, and picks with Enter (or a click). When Inflow does not list
offers, the paste field is the way forward.

The highlighted row *is* the chosen offer: moving the highlight (arrows, click) chooses, and
typing alone chooses nothing, so no row is ever highlighted without being what Ctrl+Enter
sends. Enter on a filter with one match picks it; with several, it picks the first and says
so. Keys typed while the offers load stay in the filter, and an Enter pressed then is
applied when the list has arrived. A pasted id or link is checked against the documented
shapes (:func:`~inflow_desk.domain.offers.pasted_offer_id`) before anything is sent.
"""

from __future__ import annotations

import html
import logging
import threading
import time
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    Signal,
    SignalInstance,
    Slot,
)
from PySide6.QtGui import QKeyEvent, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from inflow_desk.api.errors import OfferListingUnavailable
from inflow_desk.domain.checkout_url import check_checkout_url
from inflow_desk.domain.i18n import QT_TRANSLATE_NOOP, translate
from inflow_desk.domain.kinds import SessionKind
from inflow_desk.domain.models import (
    CheckoutOptions,
    FieldIssue,
    RequestInvalid,
    extract_offer_id,
)
from inflow_desk.domain.offers import (
    MoneyFormatter,
    offer_detail_rows,
    pasted_offer_id,
    pasted_offer_problem,
    subscribe_link,
)
from inflow_desk.domain.validation import check_offer_id
from inflow_desk.ui.checkout.modes import (
    SUBSCRIPTION_SHORTCUT,
    CheckoutMode,
    PreparedRequest,
    SessionGateway,
)
from inflow_desk.ui.checkout.offers_model import (
    OfferEntry,
    OfferFilterModel,
    OffersModel,
    locale_money,
    make_entry,
)
from inflow_desk.ui.checkout.options_form import ERROR_STYLE, OptionsForm
from inflow_desk.ui.checkout.session import ChargeDetails
from inflow_desk.ui.kit import design, palette
from inflow_desk.ui.kit.errors import describe_error, withheld_link_text
from inflow_desk.ui.kit.settings import AppSettings
from inflow_desk.ui.kit.theme import current_palette, on_change, set_style
from inflow_desk.ui.kit.widgets import bind_shortcut, shortcut_tip
from inflow_desk.ui.kit.workers import LatestOnly, Ticket, run_in_background

log = logging.getLogger(__name__)


# Texts marked here are translated where shown: ``translate("SubscriptionForm", LOAD_ACTION)``.
LOAD_ACTION = QT_TRANSLATE_NOOP("SubscriptionForm", "load the subscription offers")
#: Minimum height of the offer list and the details (a row of the list each): with them the
#: tab asks no more height than the one-time tab, so its arrival after the first frame moves
#: nothing (tests/test_app.py). The splitter gives them room where there is.
MIN_SCROLL_HEIGHT = 20
#: Arrived pages are shown at most this often while offers load.
FLUSH_INTERVAL_MS = 100
#: The details follow the highlighted offer after this pause (laying out their HTML is too slow
#: to repeat on every keystroke at 10,000 offers).
DETAILS_DELAY_MS = 60
CREATE_ACTION = QT_TRANSLATE_NOOP("SubscriptionForm", "create the subscription link")
NOTHING_PICKED = QT_TRANSLATE_NOOP(
    "SubscriptionForm",
    "Pick a subscription offer: type to search, Enter to pick — or paste an offer ID "
    "or subscribe link",
)
STILL_LOADING = QT_TRANSLATE_NOOP(
    "SubscriptionForm",
    "The offers are still loading: the offer matching “{text}” is picked when they arrive "
    "— then press Ctrl+Enter",
)
PASTE_HIGHLIGHT = (
    f"QLineEdit#offerPasteEdit {{ border: {design.BORDER_STRONG} {palette.PRIMARY}; "
    f"{design.ROUNDED} }}"
)
PASTE_ERROR = (
    f"QLineEdit#offerPasteEdit {{ border: {design.BORDER_STRONG} {palette.DANGER}; "
    f"{design.ROUNDED} }}"
)
HINT_STYLE = f"QLabel {{ color: {palette.WARNING}; }}"
STATUS_ERROR = (
    f"QLabel {{ color: {palette.DANGER_STRONG}; background: {palette.DANGER_SURFACE}; "
    f"border: {design.BORDER} {palette.DANGER_OUTLINE}; {design.ROUNDED} "
    f"{design.padding(design.SPACE_XS)} }}"
)
_PAGE_KEYS = {
    Qt.Key.Key_Down: 1,
    Qt.Key.Key_Up: -1,
    Qt.Key.Key_PageDown: 10,
    Qt.Key.Key_PageUp: -10,
}


class _PageBuffer(QObject):
    """Carries pages of offers from the worker thread to the GUI thread.

    The worker appends under a lock and signals (queued) only when the buffer was empty; the
    GUI takes everything at once. Pages that arrive while the GUI is busy are thus handled in
    one go — one model insert and one repaint instead of one per page.
    """

    ready = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = threading.Lock()
        self._pending: list[tuple[Ticket, list[OfferEntry]]] = []

    def put(self, load: Ticket, entries: list[OfferEntry]) -> None:
        """Called in the worker thread."""
        with self._lock:
            was_empty = not self._pending
            self._pending.append((load, entries))
        if was_empty:
            self.ready.emit()

    def take(self) -> list[OfferEntry]:
        """Everything buffered by the latest load (pages of superseded loads are dropped)."""
        with self._lock:
            pending, self._pending = self._pending, []
        return [e for load, page in pending if load.is_latest() for e in page]


class SubscriptionForm(QWidget):
    """The offer picker (a :class:`~inflow_desk.ui.checkout.modes.CheckoutMode`)."""

    changed = Signal()
    #: A listing finished: ``True`` when it succeeded, ``False`` when it failed.
    offersLoaded = Signal(bool)
    #: An Enter that waited for the offers has been applied (or dropped): a create the agent
    #: asked for meanwhile can go ahead (after the pick, in a later event-loop turn).
    choiceSettled = Signal()
    kind = SessionKind.SUBSCRIPTION
    shortcut = SUBSCRIPTION_SHORTCUT

    @property
    def title(self) -> str:
        return translate("SubscriptionForm", "Subscription")

    def __init__(
        self,
        gateway_provider: Callable[[], SessionGateway],
        settings: AppSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("subscriptionForm")
        self._gateway_provider = gateway_provider
        self._settings = settings
        self._loads = LatestOnly()  # answers and pages of a superseded load are dropped
        self._loading = False
        self._needs_load = True
        self._listing_unavailable = False
        self._picked: OfferEntry | None = None
        self._pasted_id: str | None = None
        #: Enter was pressed while the offers loaded: apply it once they have arrived.
        self._waiting_enter = False
        #: What the status line shows: "loading", "loaded", or "" (a message, left alone).
        self._status_kind = ""

        self.model = OffersModel(self)
        self.filter_model = OfferFilterModel(self.model, self)
        self._buffer = _PageBuffer(self)
        self._buffer.ready.connect(self._on_pages_ready)
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.timeout.connect(self._flush_pages)
        self._last_flush = 0.0
        self._details_pending: OfferEntry | None = None
        self._details_timer = QTimer(self)
        self._details_timer.setSingleShot(True)
        self._details_timer.setInterval(DETAILS_DELAY_MS)
        self._details_timer.timeout.connect(lambda: self._show_details(self._details_pending))

        # --- search row
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("offerSearchEdit")
        self.search_edit.setAccessibleName(
            translate("SubscriptionForm", "Search subscription offers")
        )
        self.search_edit.setAccessibleDescription(
            translate("SubscriptionForm", "Up and Down move through the offers, Enter picks one")
        )
        self.search_edit.setPlaceholderText(
            translate(
                "SubscriptionForm", "Search offers by name, price or ID — ↑↓ to move, Enter to pick"
            )
        )
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self._on_search_changed)
        self.search_edit.installEventFilter(self)
        search_label = QLabel(translate("SubscriptionForm", "&Offer"), self)
        search_label.setBuddy(self.search_edit)

        self.refresh_button = QPushButton(translate("SubscriptionForm", "Refresh"), self)
        self.refresh_button.setObjectName("refreshOffersButton")
        self.refresh_button.setAccessibleName(translate("SubscriptionForm", "Refresh the offers"))
        self.refresh_button.setToolTip(
            shortcut_tip(translate("SubscriptionForm", "Reload the offers from Inflow"), "F5")
        )
        self.refresh_button.setAutoDefault(False)
        self.refresh_button.clicked.connect(self.load_offers)
        # the history's F5 reloads the history: each F5 acts where the focus is
        bind_shortcut(self, "F5", self._on_f5, Qt.ShortcutContext.WidgetWithChildrenShortcut)

        # --- status row
        self.status_label = QLabel(self)
        self.status_label.setObjectName("offersStatusLabel")
        self.status_label.setAccessibleName(translate("SubscriptionForm", "Offers status"))
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("offersProgress")
        self.progress.setAccessibleName(translate("SubscriptionForm", "Loading the offers"))
        self.progress.setRange(0, 0)  # busy indicator: the total is not known in advance
        self.progress.setMaximumWidth(120)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.retry_button = QPushButton(translate("SubscriptionForm", "Try again"), self)
        self.retry_button.setObjectName("offersRetryButton")
        self.retry_button.setAccessibleName(translate("SubscriptionForm", "Load the offers again"))
        self.retry_button.setToolTip(
            shortcut_tip(translate("SubscriptionForm", "Load the offers again"), "F5")
        )
        self.retry_button.setAutoDefault(False)
        self.retry_button.clicked.connect(self.load_offers)
        self.retry_button.hide()

        # --- list
        self.picker = QListView(self)
        self.picker.setObjectName("offerPicker")
        self.picker.setAccessibleName(translate("SubscriptionForm", "Subscription offers"))
        self.picker.setModel(self.filter_model)
        self.picker.setUniformItemSizes(True)
        # Batched layout: after a filter change the first screenful is laid out at once, the
        # rest in the background (one pass over 10,000 rows would stall the window).
        self.picker.setLayoutMode(QListView.LayoutMode.Batched)
        self.picker.setBatchSize(200)
        self.picker.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.picker.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.picker.setAlternatingRowColors(True)
        self.picker.activated.connect(self._on_activated)
        self.picker.clicked.connect(self._on_activated)
        self.picker.selectionModel().currentChanged.connect(self._on_current_changed)
        self.filter_model.modelReset.connect(self._after_filter)
        self.filter_model.rowsInserted.connect(self._after_insert)

        # --- selection and details
        self.selected_label = QLabel(self)
        self.selected_label.setObjectName("selectedOfferLabel")
        self.selected_label.setAccessibleName(translate("SubscriptionForm", "Selected offer"))
        self.selected_label.setWordWrap(True)
        self.selected_label.setTextFormat(Qt.TextFormat.RichText)
        self.details = QTextBrowser(self)
        self.details.setObjectName("offerDetails")
        self.details.setAccessibleName(translate("SubscriptionForm", "Offer details"))
        self.details.setOpenLinks(False)
        self.details.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        # Scroll areas ask for 70 px each by default. Smaller minimums keep this tab from
        # raising the window's minimum height above the one-time tab's: on a 768-px laptop
        # screen the window must fit, and adding the tab after the first frame must not make
        # the window grow or the form jump. The splitter gives them room as soon as there is.
        for scrolled in (self.picker, self.details):
            scrolled.setMinimumHeight(MIN_SCROLL_HEIGHT)

        # --- paste
        self.paste_edit = QLineEdit(self)
        self.paste_edit.setObjectName("offerPasteEdit")
        self.paste_edit.setAccessibleName(
            translate("SubscriptionForm", "Offer ID or subscribe link")
        )
        self.paste_edit.setPlaceholderText(
            translate("SubscriptionForm", "offer_… or https://checkout.inflowpay.com/subscribe/…")
        )
        self.paste_edit.setClearButtonEnabled(True)
        self.paste_edit.textChanged.connect(self._on_paste_changed)
        paste_label = QLabel(
            translate("SubscriptionForm", "Or &paste an offer ID / subscribe link"), self
        )
        paste_label.setBuddy(self.paste_edit)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("offerErrorLabel")
        self.error_label.setAccessibleName(translate("SubscriptionForm", "Offer problem"))
        set_style(self.error_label, ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        # What became of an Enter (several or no matches); next to the list, not an error.
        self.hint_label = QLabel(self)
        self.hint_label.setObjectName("offerHintLabel")
        self.hint_label.setAccessibleName(translate("SubscriptionForm", "Offer picker hint"))
        set_style(self.hint_label, HINT_STYLE)
        self.hint_label.setWordWrap(True)
        self.hint_label.hide()

        search_row = QHBoxLayout()
        search_row.addWidget(search_label)
        search_row.addWidget(self.search_edit, 1)
        search_row.addWidget(self.refresh_button)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status_label, 1)
        status_row.addWidget(self.progress)
        status_row.addWidget(self.retry_button)
        paste_row = QHBoxLayout()
        paste_row.addWidget(paste_label)
        paste_row.addWidget(self.paste_edit, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(search_row)
        layout.addLayout(status_row)
        layout.addWidget(self.hint_label)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("offerSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.picker)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 3)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.selected_label)
        layout.addLayout(paste_row)
        layout.addWidget(self.error_label)

        self._reload_recent()
        self._show_selected()
        self._show_details(None)
        on_change(self._restyle)

    def _restyle(self) -> None:
        """The OS changed light/dark or its contrast preference: the rich text is coloured
        again (its muted, danger and check-mark colours come from ``palette.themed_text``)."""
        self._show_selected()
        self._show_details(self._picked)

    @property
    def _pending_enter(self) -> bool:
        return self._waiting_enter

    @_pending_enter.setter
    def _pending_enter(self, waiting: bool) -> None:
        settled = self._waiting_enter and not waiting
        self._waiting_enter = waiting
        if settled:
            QTimer.singleShot(0, self.choiceSettled.emit)

    def pending_choice(self) -> bool:
        """True while an Enter typed before the offers arrived waits to pick one."""
        return self._waiting_enter

    # ------------------------------------------------------------------ loading
    @property
    def loading(self) -> bool:
        return self._loading

    @property
    def listing_unavailable(self) -> bool:
        return self._listing_unavailable

    def load_offers(self) -> None:
        """(Re)load the offers in the background; pages show up as they arrive."""
        load = self._loads.next()
        self._loading = True
        self._needs_load = False
        self.model.clear_listed()
        self._status_kind = "loading"
        self._show_count()
        self.progress.show()
        self.retry_button.hide()
        self.refresh_button.setEnabled(False)
        gateway = self._gateway_provider()
        money = locale_money()  # a copy of the locale, used by the worker only
        buffer = self._buffer

        def on_page(offers: list[Any]) -> None:  # runs in the worker thread: no widgets here
            buffer.put(load, [make_entry(o, money) for o in offers])

        run_in_background(
            lambda: gateway.list_subscription_offers(on_page=on_page),
            lambda result: self._on_loaded(result, money),
            self._on_load_failed,
            owner=self,
            latest=load,
        )

    def on_account_changed(self, account: object = None) -> None:
        """Another merchant: its offers, not the previous one's."""
        if self._picked is not None and self._pasted_id is None and not self._picked.recent:
            self._set_picked(None)
        self._loads.supersede()  # answers of a load still running are ignored
        self._loading = False
        self._pending_enter = False  # typed for the other merchant's list
        self._show_hint("")
        self.model.clear_listed()
        self._needs_load = True
        if self.isVisible():
            self.load_offers()
        else:
            self._set_status("")
            self.progress.hide()
            self.refresh_button.setEnabled(True)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._needs_load and not self._loading:
            self.load_offers()

    def _on_f5(self) -> None:
        if self.isVisible() and not self._loading:
            self.load_offers()

    @Slot()
    def _on_pages_ready(self) -> None:
        """Show arrived pages at most every FLUSH_INTERVAL_MS (each flush repaints the list)."""
        if self._flush_timer.isActive():
            return
        wait = FLUSH_INTERVAL_MS - (time.monotonic() - self._last_flush) * 1000
        if wait <= 0:
            self._flush_pages()
        else:
            self._flush_timer.start(int(wait) + 1)

    def _flush_pages(self) -> None:
        self._flush_timer.stop()
        self._last_flush = time.monotonic()
        entries = self._buffer.take()
        if not entries:
            return
        self.model.add_listed(entries)
        self._refresh_picked()
        if self._loading:
            self._show_count()

    def _on_loaded(self, result: Any, money: MoneyFormatter) -> None:
        self._flush_pages()  # pages still buffered arrived before this answer
        # A gateway that ignores on_page still returns everything: add what did not arrive yet.
        # (When every page arrived through on_page, skip the walk over all offers.)
        offers = result or []
        missing = (
            []
            if len(offers) <= self.model.listed_count()
            else [o for o in offers if not self._is_listed(_offer_id(o))]
        )
        if missing:
            self.model.add_listed([make_entry(o, money) for o in missing])
        self._finish_loading()
        self._listing_unavailable = False
        set_style(self.paste_edit, "")
        if self.model.listed_count() == 0:
            self._set_status(
                translate(
                    "SubscriptionForm",
                    "This account has no subscription offers. Create one in the Inflow dashboard, "
                    "or paste an offer ID or subscribe link below.",
                )
            )
        else:
            self._status_kind = "loaded"
            self._show_count()
        self._refresh_picked()
        self._apply_pending_enter()
        self.offersLoaded.emit(True)

    def _on_load_failed(self, exc: BaseException) -> None:
        self._flush_pages()
        self._finish_loading()
        message = describe_error(
            exc,
            account=self._account_label(),
            action=translate("SubscriptionForm", LOAD_ACTION),
        )
        if isinstance(exc, OfferListingUnavailable):
            self._listing_unavailable = True
            set_style(self.paste_edit, PASTE_HIGHLIGHT)
            self._set_status(message.as_text(), error=False)
            if self.isVisible() and self.search_edit.hasFocus() and not self.search_edit.text():
                self.paste_edit.setFocus()
        else:
            count = self.model.listed_count()
            partial = (
                "\n"
                + translate(
                    "SubscriptionForm",
                    "Only {count} offers arrived before the error: the list is incomplete.",
                    None,
                    count,
                ).format(count=_number(count))
                if count
                else ""
            )
            self._set_status(message.as_text() + partial, error=True)
            self.retry_button.show()
        if self.filter_model.rowCount():  # recent offers, or pages that did arrive
            self._apply_pending_enter()
        self._pending_enter = False
        self.offersLoaded.emit(False)

    def _is_listed(self, offer_id: str) -> bool:
        entry = self.model.entry_by_id(offer_id)
        return entry is not None and entry.listed

    def _finish_loading(self) -> None:
        self._loading = False
        self.progress.hide()
        self.refresh_button.setEnabled(True)

    def _set_status(self, text: str, *, error: bool = False) -> None:
        self._status_kind = ""
        self.status_label.setText(text)
        set_style(self.status_label, STATUS_ERROR if error else "")
        self.status_label.setVisible(bool(text))

    def _show_count(self) -> None:
        """The status line while loading and once loaded: how many offers, and how many of
        them the filter shows ("3 of 24 subscription offers")."""
        if not self._status_kind:
            return  # an error or a notice is shown: it matters more than a count
        total = self.model.rowCount()
        shown = self.filter_model.rowCount()
        filtered = bool(self.filter_model.filter_text)
        if self._status_kind == "loading":
            if not total:
                text = translate("SubscriptionForm", "Loading subscription offers…")
            elif filtered:
                text = translate(
                    "SubscriptionForm", "Loading subscription offers… {shown} of {total} so far"
                ).format(shown=_number(shown), total=_number(total))
            else:
                text = translate(
                    "SubscriptionForm", "Loading subscription offers… {total} so far"
                ).format(total=_number(total))
        elif filtered:
            text = translate(
                "SubscriptionForm", "{shown} of {total} subscription offers", None, total
            ).format(shown=_number(shown), total=_number(total))
        else:
            text = translate("SubscriptionForm", "{count} subscription offers", None, total).format(
                count=_number(total)
            )
        self.status_label.setText(text)
        set_style(self.status_label, "")
        self.status_label.setVisible(True)

    def _show_hint(self, text: str) -> None:
        self.hint_label.setText(text)
        self.hint_label.setVisible(bool(text))

    def _account_label(self) -> str:
        window = self.window()
        account = getattr(window, "account", None)
        label = getattr(account, "label", None)
        return label if isinstance(label, str) else translate("SubscriptionForm", "this account")

    # ------------------------------------------------------------------ searching, picking
    def _on_search_changed(self, text: str) -> None:
        self.filter_model.set_filter_text(text)
        if not self._pending_enter:
            self._show_hint("")
        self._show_count()

    def _after_filter(self) -> None:
        """After a reset the view has no current row: highlight the chosen offer again if it
        is shown. Nothing else is highlighted — a highlight is a choice."""
        if self._picked is not None:
            row = self.filter_model.row_of(self._picked.id)
            if row >= 0:
                self._highlight(row)
                return
        if not self.filter_model.rowCount():
            self._show_details(self._picked)

    def _after_insert(self) -> None:
        if not self.picker.currentIndex().isValid():
            self._after_filter()

    def _highlight(self, row: int) -> None:
        if not 0 <= row < self.filter_model.rowCount():
            return
        index = self.filter_model.index(row, 0)
        self.picker.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.picker.scrollTo(index)

    def _unhighlight(self) -> None:
        selection = self.picker.selectionModel()
        if selection.currentIndex().isValid() or selection.hasSelection():
            selection.clear()  # current index and selection

    def _highlighted(self) -> OfferEntry | None:
        index = self.picker.currentIndex()
        return self.filter_model.entry(index.row()) if index.isValid() else None

    def _sync_highlight(self) -> None:
        """Highlight the chosen offer where it is shown; else highlight nothing."""
        row = self.filter_model.row_of(self._picked.id) if self._picked is not None else -1
        if row >= 0:
            if self.picker.currentIndex().row() != row:
                self._highlight(row)
        else:
            self._unhighlight()

    def _on_current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        """Moving the highlight (arrows, click, keys in the list) chooses that offer."""
        entry = self.filter_model.entry(current.row()) if current.isValid() else None
        if entry is None:
            return
        if self._picked is None or self._picked.id != entry.id:
            self.pick(entry, details_now=False)  # arrowing fast renders the details once

    def _on_activated(self, index: QModelIndex) -> None:
        entry = self.filter_model.entry(index.row()) if index.isValid() else None
        if entry is not None:
            self.pick(entry)

    def pick(self, entry: OfferEntry, *, details_now: bool = True) -> None:
        """Make ``entry`` the offer that will be created (clears a pasted id and a pending
        Enter)."""
        if self.paste_edit.text():
            self.paste_edit.blockSignals(True)
            self.paste_edit.clear()
            self.paste_edit.blockSignals(False)
            self._show_paste_problem("")
        self._pasted_id = None
        self._pending_enter = False
        self._show_hint("")
        self._set_picked(entry, details_now=details_now)

    def _on_enter(self) -> None:
        highlighted = self._highlighted()
        if highlighted is not None:
            self.pick(highlighted)
            return
        if self._loading:
            # The list is not there yet: what was typed decides once it is.
            self._pending_enter = True
            text = self.search_edit.text().strip()
            if text:
                self._show_hint(
                    translate(
                        "SubscriptionForm",
                        "Loading — the offer matching “{text}” is picked when it arrives",
                    ).format(text=text)
                )
            return
        self._resolve_enter()

    def _apply_pending_enter(self) -> None:
        if self._pending_enter:
            self._pending_enter = False
            if self._highlighted() is None:
                self._resolve_enter()
            else:
                self._show_hint("")

    def _resolve_enter(self) -> None:
        """Enter with nothing highlighted: one match is picked; with several the first is
        picked and the agent told to check it; with none, said so."""
        text = self.search_edit.text().strip()
        count = self.filter_model.rowCount()
        if count == 1:
            entry = self.filter_model.entry(0)
            if entry is not None:
                self.pick(entry)
        elif count > 1 and text:
            entry = self.filter_model.entry(0)
            if entry is not None:
                self.pick(entry)
                self._show_hint(
                    translate(
                        "SubscriptionForm",
                        "{count} offers match “{text}”: the first is selected — "
                        "check it, or choose another with ↑↓",
                        None,
                        count,
                    ).format(count=_number(count), text=text)
                )
        elif count > 1:
            self._show_hint(
                translate("SubscriptionForm", "Type to search, or choose an offer with ↑↓")
            )
        elif text:
            self._show_hint(
                translate(
                    "SubscriptionForm", "No offer matches “{text}” — nothing was picked"
                ).format(text=text)
            )
        else:
            self._show_hint(translate("SubscriptionForm", "No offers to pick from"))

    def _move_highlight(self, step: int) -> None:
        count = self.filter_model.rowCount()
        if not count:
            return
        current = self.picker.currentIndex()
        row = current.row() + step if current.isValid() else (0 if step > 0 else count - 1)
        self._highlight(min(max(row, 0), count - 1))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search_edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = Qt.Key(event.key())
            plain = event.modifiers() in (
                Qt.KeyboardModifier.NoModifier,
                Qt.KeyboardModifier.KeypadModifier,
            )
            if plain and key in _PAGE_KEYS:
                self._move_highlight(_PAGE_KEYS[key])
                return True
            if plain and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._on_enter()
                return True
            if plain and key == Qt.Key.Key_Escape and self.search_edit.text():
                self.search_edit.clear()
                return True
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------------ pasting
    def _is_known_offer(self, offer_id: str) -> bool:
        return self.model.row_of(offer_id) >= 0

    def _on_paste_changed(self, text: str) -> None:
        offer_id = pasted_offer_id(text, self._is_known_offer) if text.strip() else None
        if offer_id is None:
            if self._pasted_id is not None:
                self._pasted_id = None
                self._set_picked(None)
            self._show_paste_problem(text)
            return
        self._pending_enter = False
        self._show_hint("")
        self._pasted_id = offer_id
        self.error_label.hide()
        if not self._listing_unavailable:
            set_style(self.paste_edit, "")
        entry = self.model.entry_by_id(offer_id) or make_entry(
            {"id": offer_id}, locale_money(), listed=False
        )
        self._set_picked(entry)

    def _paste_problem(self, text: str) -> str | None:
        return pasted_offer_problem(text, self._is_known_offer)

    def _show_paste_problem(self, text: str) -> None:
        message = self._paste_problem(text)
        self.error_label.setText(message or "")
        self.error_label.setVisible(bool(message))
        if message:
            set_style(self.paste_edit, PASTE_ERROR)
        else:
            set_style(self.paste_edit, PASTE_HIGHLIGHT if self._listing_unavailable else "")

    # ------------------------------------------------------------------ the picked offer
    @property
    def picked(self) -> OfferEntry | None:
        return self._picked

    def _set_picked(self, entry: OfferEntry | None, *, details_now: bool = True) -> None:
        changed = (entry.id if entry else None) != (self._picked.id if self._picked else None)
        self._picked = entry
        self._sync_highlight()
        self._show_selected()
        if details_now:
            self._show_details(entry)
        else:
            self._details_pending = entry
            self._details_timer.start()  # typing fast re-renders the details once, at the end
        if entry is not None:
            self.error_label.hide()
        if changed:
            self.changed.emit()

    def _refresh_picked(self) -> None:
        """A picked (pasted, restored, recent) offer gets the listed data once it arrives."""
        if self._picked is None:
            return
        fresh = self.model.entry_by_id(self._picked.id)
        if fresh is not None and fresh.fields != self._picked.fields:
            self._picked = fresh
            self._show_selected()
            self._show_details(fresh)

    def _show_selected(self) -> None:
        entry = self._picked
        label_palette = current_palette(self.selected_label)
        if entry is None:
            muted = palette.themed_text(palette.MUTED, label_palette)
            nothing = translate(
                "SubscriptionForm",
                "No offer selected — type to search, Enter to pick, or paste an ID below.",
            )
            self.selected_label.setText(
                f"<span style='color:{muted}'>{html.escape(nothing, quote=False)}</span>"
            )
            return
        danger = palette.themed_text(palette.DANGER, label_palette)
        archived_text = translate("SubscriptionForm", "(archived — accepts no new subscribers)")
        archived = (
            f" <b style='color:{danger}'>{html.escape(archived_text, quote=False)}</b>"
            if entry.archived
            else ""
        )
        summary = entry.summary if len(entry.fields) > 1 else entry.id
        self.selected_label.setText(
            translate("SubscriptionForm", "Selected: <b>{offer}</b>").format(
                offer=html.escape(summary)
            )
            + archived
        )

    def _show_details(self, entry: OfferEntry | None) -> None:
        self._details_timer.stop()
        details_palette = current_palette(self.details)
        paper = details_palette.color(QPalette.ColorRole.Base).name()
        muted = palette.themed_text(palette.MUTED, details_palette, paper)
        mark = palette.themed_text(palette.SUCCESS_MARK, details_palette, paper)
        if entry is None:
            empty = translate("SubscriptionForm", "Details of the highlighted offer appear here.")
            self.details.setHtml(f"<p style='color:{muted}'>{html.escape(empty, quote=False)}</p>")
            return
        # The permanent subscribe link's row, found by its value (its label is translated).
        link = subscribe_link(entry.id) if entry.id else None
        rows = [
            (label, _checked_link(value) if value == link else value)
            for label, value in offer_detail_rows(entry.fields, locale_money())
        ]
        if len(entry.fields) <= 1:
            rows.insert(
                0,
                (
                    translate("SubscriptionForm", "Note"),
                    translate(
                        "SubscriptionForm",
                        "Not in the loaded list: details are unknown until created.",
                    ),
                ),
            )
        body = "".join(
            f"<tr><td style='color:{muted}; padding-right:{design.SPACE_M}px; "
            "white-space:nowrap'>"
            f"{html.escape(label)}</td><td>{html.escape(value)}</td></tr>"
            for label, value in rows
        )
        marker = (
            html.escape(translate("SubscriptionForm", "✓ Selected"), quote=False)
            if self._picked is not None and self._picked.id == entry.id
            else ""
        )
        heading = html.escape(entry.title)
        self.details.setHtml(
            f"<p><b style='font-size:{design.points(self.details, design.TYPE_HEADING)}'>"
            f"{heading}</b> "
            f"<span style='color:{mark}'>{marker}</span></p><table>{body}</table>"
        )

    # ------------------------------------------------------------------ CheckoutMode
    def issues(self) -> list[FieldIssue]:
        problem = self._paste_problem(self.paste_edit.text())
        if problem:
            return [FieldIssue(field="offerId", message=problem)]
        if self._picked is None and self._pending_enter:
            text = self.search_edit.text().strip()
            waiting = translate("SubscriptionForm", STILL_LOADING).format(text=text)
            return [FieldIssue(field="offerId", message=waiting)]
        if self._picked is None:
            return [
                FieldIssue(field="offerId", message=translate("SubscriptionForm", NOTHING_PICKED))
            ]
        message = check_offer_id(self._picked.id)
        return [FieldIssue(field="offerId", message=message)] if message else []

    def prepare(self, options: CheckoutOptions) -> PreparedRequest:
        issues = self.issues()
        if issues:
            raise RequestInvalid(issues)
        entry = self._picked
        assert entry is not None
        from inflow_desk.domain.requests import (
            build_subscription_request,  # pydantic: not at start-up
        )

        request = build_subscription_request(options)
        offer_id = entry.id
        amount = entry.fields.get("amountInCents")
        currency = entry.fields.get("currency")
        name = entry.fields.get("name")
        return PreparedRequest(
            kind=SessionKind.SUBSCRIPTION,
            body=request.to_json(),
            send=lambda gateway: gateway.create_subscription_session(offer_id, request),
            action=translate("SubscriptionForm", CREATE_ACTION),
            details=ChargeDetails(
                offer_id=offer_id,
                offer_name=name if isinstance(name, str) else None,
                currency=currency if isinstance(currency, str) else None,
                total_cents=amount
                if isinstance(amount, int) and not isinstance(amount, bool)
                else None,
            ),
        )

    def show_issues(self, issues: list[FieldIssue]) -> None:
        mine = [i for i in issues if i.field == "offerId"]
        self.error_label.setText(mine[0].message if mine else "")
        self.error_label.setVisible(bool(mine))

    def focus_field(self, field: str) -> bool:
        if field != "offerId":
            return False
        if self._listing_unavailable or self.paste_edit.text():
            self.paste_edit.setFocus()
            self.paste_edit.selectAll()
        else:
            self.search_edit.setFocus()
        return True

    def settle(self) -> None:
        """Nothing to commit: every field of this form takes what is typed as it is typed."""

    def focus_first(self) -> None:
        if self._listing_unavailable and not self.search_edit.text():
            self.paste_edit.setFocus()
        else:
            self.search_edit.setFocus()
            self.search_edit.selectAll()

    def clear(self) -> None:
        self.paste_edit.blockSignals(True)
        self.paste_edit.clear()
        self.paste_edit.blockSignals(False)
        self._pasted_id = None
        self._pending_enter = False
        self.search_edit.clear()
        self.error_label.hide()
        self._show_hint("")
        set_style(self.paste_edit, PASTE_HIGHLIGHT if self._listing_unavailable else "")
        self._set_picked(None)

    def remember(self) -> None:
        if self._picked is None:
            return
        self._settings.remember_offer(self._picked.fields)
        self._reload_recent()

    def snapshot(self) -> dict[str, Any]:
        picked = self._picked
        name = picked.fields.get("name") if picked is not None else None
        return {
            "offerId": picked.id if picked is not None else None,
            "offerName": name if isinstance(name, str) else None,
            "paste": self.paste_edit.text(),
            "search": self.search_edit.text(),
        }

    def restore(self, data: dict[str, Any]) -> None:
        """A :meth:`snapshot`, or a history entry (``offerId``/``offer_id`` and a name)."""
        search = data.get("search")
        self.search_edit.setText(search if isinstance(search, str) else "")
        paste = data.get("paste")
        self.paste_edit.blockSignals(True)
        self.paste_edit.setText(paste if isinstance(paste, str) else "")
        self.paste_edit.blockSignals(False)
        self._pending_enter = False
        self._show_hint("")
        pasted = self.paste_edit.text()
        raw_id = data.get("offerId", data.get("offer_id"))
        if pasted.strip():  # a pasted text is held to the paste rules, also in a draft
            offer_id = pasted_offer_id(pasted, self._is_known_offer)
        else:  # an id Inflow listed or accepted earlier (draft, history)
            offer_id = extract_offer_id(raw_id) if isinstance(raw_id, str) else None
        name = data.get("offerName", data.get("offer_name"))
        if offer_id is None:
            self._pasted_id = None
            self._set_picked(None)
            self._show_paste_problem(pasted)
            return
        self._pasted_id = offer_id if pasted.strip() else None
        fields: dict[str, Any] = {"id": offer_id}
        if isinstance(name, str) and name.strip() and offer_id == raw_id:
            fields["name"] = name.strip()
        entry = self.model.entry_by_id(offer_id) or make_entry(fields, locale_money(), listed=False)
        self._set_picked(entry)
        self.error_label.hide()

    def tab_chain(self) -> list[QWidget]:
        """The form's focusable widgets in tab order."""
        return [
            self.search_edit,
            self.picker,
            self.paste_edit,
            self.refresh_button,
            self.retry_button,
        ]

    # ------------------------------------------------------------------ recent
    def _reload_recent(self) -> None:
        money = locale_money()
        self.model.set_recent(
            make_entry(o, money, recent=True, listed=False) for o in self._settings.recent_offers()
        )
        self._refresh_picked()


def _offer_id(offer: object) -> str:
    if isinstance(offer, dict):
        return str(offer.get("id", ""))
    return str(getattr(offer, "id", ""))


def _number(count: int) -> str:
    """A count as the agent's locale writes it (``10,000``; French ``10 000``)."""
    return QLocale().toString(count)


def _checked_link(url: str) -> str:
    """The subscribe link as shown in the details: only when it may reach a customer."""
    problem = check_checkout_url(url)
    return url if problem is None else withheld_link_text(problem)


class SubscriptionHost(Protocol):
    """What the Subscription tab needs of the window (``MainWindow`` is one)."""

    @property
    def gateway(self) -> SessionGateway: ...
    @property
    def mode_switch(self) -> QTabWidget: ...
    @property
    def options_form(self) -> OptionsForm: ...
    @property
    def accountChanged(self) -> SignalInstance: ...
    def add_mode(self, mode: CheckoutMode) -> None: ...


def install_subscription_mode(window: SubscriptionHost, settings: AppSettings) -> SubscriptionForm:
    """Add the Subscription tab (Ctrl+2) to ``window``; its offers follow ``window.gateway``
    and reload when the window switches accounts."""
    form = SubscriptionForm(lambda: window.gateway, settings, window.mode_switch)
    window.add_mode(form)
    window.accountChanged.connect(form.on_account_changed)
    # Tab order: the form's fields come right before the shared options (e-mail first).
    email = window.options_form.email_edit
    previous: QWidget = email
    candidate = email.previousInFocusChain()
    while candidate is not None and candidate is not email:
        # a container as `first` would put the form after all of its children
        if candidate.focusPolicy() & Qt.FocusPolicy.TabFocus and not candidate.isAncestorOf(email):
            previous = candidate
            break
        candidate = candidate.previousInFocusChain()
    if previous is not email:
        for widget in form.tab_chain():
            QWidget.setTabOrder(previous, widget)
            previous = widget
    return form
