"""Draft safety: the unsent form is autosaved (debounced) and restored after a crash or restart.

:class:`DraftKeeper` watches ``MainWindow.formChanged``; a moment after the agent stops typing it
stores ``window.form_snapshot()`` with :meth:`HistoryStore.save_draft`. On start it puts a saved,
non-empty draft back with ``window.restore_form()`` and says so ("Restored the unsent form from
14:02"). The draft is forgotten after a successful create (``sessionCreated``) and after "New
link" — which needs no hook in the window: a cleared form is an *empty* snapshot, and an empty
snapshot clears the draft instead of saving it.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any, Final, Protocol

from PySide6.QtCore import QObject, QTimer, Signal, SignalInstance
from PySide6.QtWidgets import QLabel, QWidget

from inflow_desk.domain.i18n import translate
from inflow_desk.storage.history import HistoryError, HistoryStore
from inflow_desk.ui.checkout.session import CreatedSession
from inflow_desk.ui.kit.formatting import format_time_or_day
from inflow_desk.ui.kit.widgets import Clock, utc_now

log = logging.getLogger(__name__)

#: Save this long after the last change.
DRAFT_DEBOUNCE_MS: Final = 1000

#: Keys whose values are settings rather than something typed for a customer.
_NOT_CONTENT: Final = frozenset({"currency", "mode", "quantity", "expiresIn"})


def _has_content(value: object, key: str = "") -> bool:
    """True when a snapshot (sub)tree holds anything typed: a non-blank string not under a
    setting-like key (currency…), ignoring quantities and numbers."""
    if key in _NOT_CONTENT:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, dict):
        return any(_has_content(child, str(k)) for k, child in value.items())
    if isinstance(value, list):
        return any(_has_content(child) for child in value)
    return False


def _canonical(data: object) -> str:
    return json.dumps(data, sort_keys=True, ensure_ascii=False)


class _NewLinkSource(Protocol):
    @property
    def newLinkRequested(self) -> SignalInstance: ...


class DraftHost(Protocol):
    """What the draft keeper needs of the window (``MainWindow`` is one)."""

    @property
    def formChanged(self) -> SignalInstance: ...
    @property
    def accountChanged(self) -> SignalInstance: ...
    @property
    def sessionCreated(self) -> SignalInstance: ...
    @property
    def result_panel(self) -> _NewLinkSource: ...
    @property
    def status_label(self) -> QLabel: ...
    def form_snapshot(self) -> dict[str, Any]: ...
    def restore_form(self, data: dict[str, Any]) -> None: ...
    def window(self) -> QWidget: ...


class DraftKeeper(QObject):
    """Autosaves and restores the form of ``window`` for ``profile`` (a name, or a callable
    giving the current one: after an account switch the draft moves to the new profile).

    ``restored(str)`` carries the notice shown after a draft was put back. Writes are small
    and synchronous (debounced, so rare); a failing store is logged, never shown as a crash.
    """

    restored = Signal(str)

    def __init__(
        self,
        window: DraftHost,
        store: HistoryStore,
        profile: str | Callable[[], str],
        *,
        debounce_ms: int = DRAFT_DEBOUNCE_MS,
        clock: Clock = utc_now,
        restore: bool = True,
    ) -> None:
        super().__init__(window.window())  # lives as long as the window
        self.setObjectName("draftKeeper")
        self._window = window
        self._store = store
        self._profile_of = profile if callable(profile) else (lambda: profile)
        self._profile = self._profile_of()  # where the draft is stored now
        self._clock = clock
        self._notice = ""
        # What a fresh window holds; a snapshot equal to it (in the modes) is "nothing typed",
        # whatever a mode puts into an untouched snapshot.
        self._blank_modes = _canonical(window.form_snapshot().get("modes"))
        self._last_saved: str | None = None  # canonical JSON of what the store holds
        self._sent: str | None = None  # the form as it was when its session was created

        self._timer = QTimer(self)
        self._timer.setObjectName("draftSaveTimer")
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self.save_now)

        if restore:
            self.restore()
        window.formChanged.connect(self._timer.start)
        window.accountChanged.connect(self._on_account_changed)
        window.sessionCreated.connect(self._on_session_created)
        window.result_panel.newLinkRequested.connect(self.clear)

    # ------------------------------------------------------------------ state
    @property
    def notice(self) -> str:
        """The restore notice ("" when nothing was restored)."""
        return self._notice

    @property
    def pending(self) -> bool:
        """A save is scheduled (the debounce timer runs)."""
        return self._timer.isActive()

    def is_blank(self, snapshot: dict[str, Any]) -> bool:
        """Nothing worth keeping: no e-mail and every mode untouched or without typed text."""
        options = snapshot.get("options")
        if isinstance(options, dict) and str(options.get("customerEmail") or "").strip():
            return False
        modes = snapshot.get("modes")
        return _canonical(modes) == self._blank_modes or not _has_content(modes)

    # ------------------------------------------------------------------ actions
    def restore(self) -> bool:
        """Put a saved, non-empty draft back into the window; True if one was restored."""
        try:
            found = self._store.load_draft(self._profile)
        except HistoryError:
            log.exception("could not read the saved form")
            return False
        if found is None:
            return False
        data, saved_at = found
        if self.is_blank(data):
            self._forget()
            return False
        self._window.restore_form(data)
        self._timer.stop()  # restoring emitted formChanged; what is stored is already this
        self._last_saved = _canonical(self._window.form_snapshot())
        self._notice = translate("Drafts", "Restored the unsent form from {moment}").format(
            moment=self._when(saved_at)
        )
        self._window.status_label.setText(self._notice)
        self._window.status_label.setToolTip(
            translate(
                "Drafts",
                "The app was closed before this form was sent; it was saved automatically.",
            )
        )
        self.restored.emit(self._notice)
        return True

    def save_now(self) -> None:
        """Store the current form (or forget the draft when the form is empty or was sent)."""
        self._timer.stop()
        snapshot = self._window.form_snapshot()
        text = _canonical(snapshot)
        if self.is_blank(snapshot) or text == self._sent:
            self._forget()
            return
        if text == self._last_saved:
            return
        try:
            self._store.save_draft(self._profile, snapshot)
        except (HistoryError, TypeError, ValueError):
            log.exception("could not autosave the form")
            return
        self._last_saved = text
        self._sent = None

    def clear(self) -> None:
        """Forget the draft ("New link", or after a successful create)."""
        self._timer.stop()
        self._forget()

    def _forget(self) -> None:
        if self._last_saved == "":
            return  # already cleared
        try:
            self._store.clear_draft(self._profile)
        except HistoryError:
            log.exception("could not clear the saved form")
            return
        self._last_saved = ""

    def _on_account_changed(self, account: object = None) -> None:
        """The form stays on screen when the agent switches accounts: so does its draft, which
        now belongs to the new profile (and no longer to the old one)."""
        profile = self._profile_of()
        if profile == self._profile:
            return
        self._timer.stop()
        self._forget()  # under the old profile
        self._profile = profile
        self._last_saved = None
        self.save_now()

    def _on_session_created(self, session: CreatedSession) -> None:
        # The form still shows what was just sent; that is not an unsent draft.
        self._sent = _canonical(self._window.form_snapshot())
        self.clear()

    def _when(self, saved_at: datetime) -> str:
        return format_time_or_day(saved_at, self._clock())
