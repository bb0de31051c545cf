"""How the window makes room for a longer language (issue 17, item 3) without cutting a text or
outgrowing a 1366×768 screen: labels wrap and say the height that takes, the options form
puts the expiry on a row of its own, the history's free columns keep their titles whole (and
the table scrolls sideways) — and none of it changes anything in English.

tests/ui/test_text_fit.py checks the whole window in the pseudo-locale and French; these
tests pin each mechanism on its own, so a regression names its cause."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from inflow_desk.storage.history import HistoryStore
from inflow_desk.ui.checkout.options_form import OptionsForm
from inflow_desk.ui.history.model import HistoryColumn
from inflow_desk.ui.history.view import FREE_COLUMNS, HistoryView
from inflow_desk.ui.kit.widgets import WrappingLabel
from tests.ui.conftest import Clock
from tests.ui.history_helpers import one_time_record, open_store, wait_refreshed

LONG = "A sentence as long as a French or German message often is, in a narrow column"


def _in_a_splitter(qtbot: QtBot, label: QLabel, width: int) -> tuple[QWidget, QSplitter]:
    """``label`` alone in a pane of a splitter, ``width`` wide (a main window's central
    splitter, as the form and the link card are)."""
    window = QWidget()
    qtbot.addWidget(window)
    splitter = QSplitter(window)
    pane = QWidget()
    QVBoxLayout(pane).addWidget(label)
    splitter.addWidget(pane)
    QVBoxLayout(window).addWidget(splitter)
    window.resize(width, 40)
    window.show()
    qtbot.waitExposed(window)
    return window, splitter


def test_a_wrapping_label_makes_its_splitter_as_tall_as_its_lines(qtbot: QtBot) -> None:
    label = WrappingLabel(LONG)
    window, splitter = _in_a_splitter(qtbot, label, 160)
    qtbot.waitUntil(lambda: label.height() >= label.heightForWidth(label.width()))
    lines = label.heightForWidth(label.width()) // label.fontMetrics().lineSpacing()
    assert lines >= 3  # it wrapped
    assert splitter.minimumSizeHint().height() >= label.heightForWidth(label.width())
    assert window.minimumSizeHint().height() >= label.heightForWidth(label.width())

    # Qt's own wrapped label, for contrast: the splitter asks only for one line, and a window
    # at its minimum height cuts the other lines.
    plain = QLabel(LONG)
    plain.setWordWrap(True)
    _, plain_splitter = _in_a_splitter(qtbot, plain, 160)
    assert plain_splitter.minimumSizeHint().height() < plain.heightForWidth(plain.width())


def test_a_wrapping_label_keeps_one_line_where_there_is_room(qtbot: QtBot) -> None:
    text = "Session sess_05QbrvOxyWDGAj5b"  # ~30 characters: Qt's own hint breaks it in two
    label = WrappingLabel(text)
    plain = QLabel(text)
    plain.setWordWrap(True)
    one_line = label.fontMetrics().lineSpacing() * 1.5
    assert label.sizeHint().height() < one_line
    assert label.sizeHint().width() >= label.fontMetrics().horizontalAdvance(text)
    assert plain.sizeHint().height() > one_line  # what the label is for
    assert label.minimumSizeHint().width() < label.sizeHint().width()  # it may wrap


def _form(qtbot: QtBot, width: int) -> OptionsForm:
    form = OptionsForm()
    qtbot.addWidget(form)
    form.resize(width, 200)
    form.show()
    qtbot.waitExposed(form)
    return form


def _top(widget: QWidget, form: QWidget) -> int:
    return widget.mapTo(form, QPoint(0, 0)).y()


def _expires_label(form: OptionsForm) -> QLabel:
    return next(lb for lb in form.findChildren(QLabel) if lb.buddy() is form.expiry_combo)


def test_the_options_form_puts_the_expiry_under_the_email_when_the_row_is_too_narrow(
    qtbot: QtBot,
) -> None:
    wide = _form(qtbot, 900)
    qtbot.waitUntil(lambda: not wide.two_rows)
    qtbot.waitUntil(lambda: _top(wide.expiry_combo, wide) == _top(wide.email_edit, wide))

    narrow = _form(qtbot, wide.one_row_width() - 40)
    qtbot.waitUntil(lambda: narrow.two_rows)
    qtbot.waitUntil(lambda: _top(narrow.expiry_combo, narrow) > _top(narrow.email_edit, narrow))
    label = _expires_label(narrow)
    one_line = label.fontMetrics().lineSpacing() * 1.5
    assert label.heightForWidth(label.width()) < one_line  # not squeezed into lines
    assert narrow.email_edit.width() >= narrow.email_edit.minimumWidth()
    # The e-mail's message still sits under its field and above the URL rows.
    error = narrow.email_error
    assert _top(narrow.success_edit, narrow) > _top(error, narrow) > _top(narrow.email_edit, narrow)
    # Either way the form asks for the same width (the window shares it out the same) and
    # may be as narrow as two rows allow (a window restored narrow is not held wider).
    assert narrow.sizeHint().width() == wide.sizeHint().width()
    assert wide.minimumSizeHint().width() == narrow.minimumSizeHint().width()
    assert wide.minimumSizeHint().width() < wide.one_row_width()

    narrow.resize(900, 200)  # and back
    qtbot.waitUntil(lambda: not narrow.two_rows)
    qtbot.waitUntil(lambda: _top(narrow.expiry_combo, narrow) == _top(narrow.email_edit, narrow))


@pytest.fixture
def store(tmp_path: Path, qtbot: QtBot, clock: Clock) -> Iterator[HistoryStore]:
    yield from open_store(tmp_path, qtbot, clock)


def _view(qtbot: QtBot, store: HistoryStore, clock: Clock, width: int) -> HistoryView:
    view = HistoryView(store, clock=clock, profile="test")
    qtbot.addWidget(view)
    view.resize(width, 300)
    view.show()
    qtbot.waitExposed(view)
    wait_refreshed(qtbot, view)
    return view


def _title_need(view: HistoryView, column: int) -> int:
    header = view.table.horizontalHeader()
    text = view.model.headerData(column, Qt.Orientation.Horizontal)
    return header.fontMetrics().horizontalAdvance(text)


def test_the_free_history_columns_stretch_or_keep_their_titles_and_scroll(
    qtbot: QtBot, store: HistoryStore, clock: Clock
) -> None:
    store.add(one_time_record(1))
    view = _view(qtbot, store, clock, 1300)
    header = view.table.horizontalHeader()
    stretch = header.sectionResizeMode
    qtbot.waitUntil(lambda: all(stretch(c) == header.ResizeMode.Stretch for c in FREE_COLUMNS))
    assert view.table.horizontalScrollBar().maximum() == 0  # the window's width, no more

    view.resize(700, 300)  # too narrow for the titles' shares
    qtbot.waitUntil(lambda: all(stretch(c) == header.ResizeMode.Interactive for c in FREE_COLUMNS))
    for column in FREE_COLUMNS:
        assert header.sectionSize(column) > _title_need(view, column), HistoryColumn(column)
    qtbot.waitUntil(lambda: view.table.horizontalScrollBar().maximum() > 0)

    view.resize(1300, 300)  # room again: they share it out
    qtbot.waitUntil(lambda: all(stretch(c) == header.ResizeMode.Stretch for c in FREE_COLUMNS))
    qtbot.waitUntil(lambda: view.table.horizontalScrollBar().maximum() == 0)


def test_a_status_chip_cut_short_has_its_whole_text_in_the_tooltip(
    qtbot: QtBot, store: HistoryStore, clock: Clock
) -> None:
    record = store.add(one_time_record(1))
    view = _view(qtbot, store, clock, 1000)
    model = view.model
    index = model.index(0, HistoryColumn.STATUS)
    status = model.data(index)
    assert status.startswith("open — ")
    tip = model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert tip.splitlines()[0] == status
    assert "Link valid until" in tip.splitlines()[1]
    model.set_payment_status(record.session_id, "paid ✓ 13:12")
    assert model.data(index, Qt.ItemDataRole.ToolTipRole).splitlines()[0] == "paid ✓ 13:12"
