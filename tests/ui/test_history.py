"""The history dock, driven against the real emulator and a real SQLite file."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
import zxingcpp
from PySide6.QtCore import QItemSelectionModel, QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDockWidget, QFileDialog, QLabel, QLineEdit, QTableView, QToolButton
from pytestqt.qtbot import QtBot

from inflow_desk.emulator import InflowEmulator
from inflow_desk.storage.history import CSV_HEADER, HistoryStore, SortColumn
from inflow_desk.ui.checkout.subscription_form import install_subscription_mode
from inflow_desk.ui.history.model import (
    LOADING_TEXT,
    STATUS_REFRESH_MS,
    HistoryColumn,
    HistoryModel,
)
from inflow_desk.ui.history.recorder import make_recorder
from inflow_desk.ui.history.view import HistoryView, dock_history, local_day_bounds
from inflow_desk.ui.kit.settings import AppSettings
from inflow_desk.ui.main_window import MainWindow
from tests.ui.conftest import FROZEN_NOW, Clock, find, press, type_text
from tests.ui.history_helpers import (
    column_texts,
    one_time_record,
    open_store,
    subscription_record,
    wait_refreshed,
)
from tests.ui.test_create_flow import fill_two_items

ONE_TIME_PATH = "/api/checkout/sessions/one-time-payment"
SUBSCRIPTION_PATH = "/api/checkout/sessions/subscription/"
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def store(tmp_path: Path, qtbot: QtBot, clock: Clock) -> Iterator[HistoryStore]:
    yield from open_store(tmp_path, qtbot, clock)


@pytest.fixture
def view(qtbot: QtBot, store: HistoryStore, clock: Clock) -> HistoryView:
    widget = HistoryView(store, clock=clock, profile="test")
    qtbot.addWidget(widget)
    widget.resize(1000, 400)
    widget.show()
    qtbot.waitExposed(widget)
    wait_refreshed(qtbot, widget)
    return widget


def history_window(
    make_window: Callable[..., MainWindow], store: HistoryStore, clock: Clock
) -> tuple[MainWindow, HistoryView]:
    window = make_window(record_session=make_recorder(store, profile="test"))
    view = HistoryView(store, clock=clock, profile="test")
    dock_history(window, window, view)  # as app.py docks it
    return window, view


def fill_cart(window: MainWindow) -> None:
    model = window.one_time_form.model
    model.setData(model.index(0, 0), "Starter kit")
    model.setData(model.index(0, 1), "49,99")
    model.setData(model.index(0, 2), 2)
    window.one_time_form.add_line()
    model.setData(model.index(1, 0), "Shipping — express")
    model.setData(model.index(1, 1), "9.90")
    model.setData(model.index(1, 2), 1)


def refresh_with(qtbot: QtBot, view: HistoryView) -> None:
    with qtbot.waitSignal(view.model.refreshed, timeout=5000):
        view.refresh()
    wait_refreshed(qtbot, view)


# ---------------------------------------------------------------------- after a create
def test_created_session_is_recorded_and_appears_selected(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    store: HistoryStore,
    clock: Clock,
    emulator: InflowEmulator,
    api_key: str,
) -> None:
    window, view = history_window(make_window, store, clock)
    wait_refreshed(qtbot, view)
    assert view.model.rowCount() == 0
    dock = find(window, QDockWidget, "historyDock")
    assert dock.widget() is view and find(window, QTableView, "historyTable") is view.table

    fill_cart(window)
    window.options_form.email_edit.setText("anna@example.org")
    with qtbot.waitSignal(window.sessionCreated, timeout=5000):
        window.create_session()
    wait_refreshed(qtbot, view)

    [request] = emulator.requests_to(ONE_TIME_PATH, "POST")
    [session_id] = emulator.sessions
    [record] = store.page(0, 10)
    assert record.session_id == session_id
    assert record.checkout_url == window.result_panel.url
    assert json.loads(record.request_json) == json.loads(request.body)
    assert record.kind.value == "one_time"
    assert (record.profile, record.environment, record.base_url) == (
        "test",
        "DEMO",
        emulator.base_url,
    )
    assert (record.currency, record.total_cents) == ("EUR", 2 * 4999 + 990)
    assert [(i.name, i.unit_price_cents, i.quantity) for i in record.line_items] == [
        ("Starter kit", 4999, 2),
        ("Shipping — express", 990, 1),
    ]
    assert record.customer_email == "anna@example.org"
    assert record.created_at == FROZEN_NOW
    assert record.expires_at == FROZEN_NOW + timedelta(hours=1)
    assert record.expires_in_hours == 1.0 and not record.expires_at_is_default

    assert view.model.rowCount() == 1
    assert view.table.currentIndex().row() == 0
    assert view.current_record() == record
    row = {c: view.model.data(view.model.index(0, c)) for c in HistoryColumn}
    assert row[HistoryColumn.STATUS] == "open — 1 h left"
    assert row[HistoryColumn.KIND] == "One-time"
    assert row[HistoryColumn.EMAIL] == "anna@example.org"
    assert row[HistoryColumn.PRODUCTS] == "2 × Starter kit, 1 × Shipping — express"
    assert row[HistoryColumn.AMOUNT] == "€109.88"
    assert row[HistoryColumn.SESSION_ID] == session_id
    assert row[HistoryColumn.LINK] == record.checkout_url
    assert view.count_label.text() == "1 link"
    assert "Not saved" not in window.status_label.text()

    # The key that authorised the request is nowhere in the database files.
    for path in store.path.parent.glob(store.path.name + "*"):
        assert api_key.encode() not in path.read_bytes()


# Ctrl+H and the other keys of the history: tests/ui/test_history_keys.py


# ---------------------------------------------------------------------- filter, sort, status
def test_filter_as_you_type_is_debounced_and_matches_every_field(
    qtbot: QtBot, store: HistoryStore, view: HistoryView
) -> None:
    store.add(one_time_record(1, email="alice@example.org", name="Starter kit", price=4999))
    store.add(one_time_record(2, email="bob@example.org", name="Gift card", price=2500))
    store.add(one_time_record(3, email="carol@shop.example", name="Starter kit", price=12950))
    store.add(subscription_record(4))
    refresh_with(qtbot, view)
    assert view.model.rowCount() == 4
    search = find(view, QLineEdit, "historySearchEdit")

    def filter_by(text: str) -> list[str]:
        search.setFocus()
        search.selectAll()
        with qtbot.waitSignal(view.model.refreshed, timeout=5000):
            qtbot.keyClicks(search, text)
            # Nothing is queried while the agent is still typing.
            assert view.model.filter_text != text
        wait_refreshed(qtbot, view)
        return column_texts(view, HistoryColumn.SESSION_ID)

    assert filter_by("ALICE") == ["sess_0000001"]
    assert filter_by("starter") == ["sess_0000003", "sess_0000001"]  # newest (higher id) first
    assert filter_by("49,99") == ["sess_0000001"]
    assert filter_by("129.50") == ["sess_0000003"]
    assert filter_by("gold plan") == ["sess_sub_0004"]
    assert filter_by("sess_0000002") == ["sess_0000002"]
    assert filter_by("starter shop") == ["sess_0000003"]
    assert view.count_label.text() == "1 matching"
    assert filter_by("nobody") == []
    with qtbot.waitSignal(view.model.refreshed, timeout=5000):
        search.clear()
    wait_refreshed(qtbot, view)
    assert view.model.rowCount() == 4
    assert view.count_label.text() == "4 links"


def test_header_click_sorts_through_the_store(
    qtbot: QtBot, store: HistoryStore, view: HistoryView
) -> None:
    for n, price in enumerate((2500, 12950, 4999), start=1):
        store.add(one_time_record(n, price=price, created_at=FROZEN_NOW + timedelta(minutes=n)))
    refresh_with(qtbot, view)
    assert column_texts(view, HistoryColumn.AMOUNT) == ["€49.99", "€129.50", "€25.00"]

    header = view.table.horizontalHeader()
    x = header.sectionViewportPosition(HistoryColumn.AMOUNT) + 10
    for expected in (["€25.00", "€49.99", "€129.50"], ["€129.50", "€49.99", "€25.00"]):
        with qtbot.waitSignal(view.model.refreshed, timeout=5000):
            qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
        wait_refreshed(qtbot, view)
        assert column_texts(view, HistoryColumn.AMOUNT) == expected
    assert view.model.order.column is SortColumn.TOTAL and view.model.order.descending


def test_status_comes_from_the_injected_clock_and_refreshes_live(
    qtbot: QtBot, store: HistoryStore, view: HistoryView, clock: Clock
) -> None:
    created = FROZEN_NOW - timedelta(minutes=7)
    store.add(one_time_record(1, created_at=created, lifetime=timedelta(minutes=30)))
    store.add(one_time_record(2, created_at=created, lifetime=timedelta(hours=2, minutes=12)))
    store.add(one_time_record(3, created_at=created - timedelta(hours=3)))
    refresh_with(qtbot, view)
    statuses = dict(
        zip(
            column_texts(view, HistoryColumn.SESSION_ID),
            column_texts(view, HistoryColumn.STATUS),
            strict=True,
        )
    )
    assert statuses == {
        "sess_0000001": "open — 23 min left",
        "sess_0000002": "open — 2 h 5 min left",
        "sess_0000003": "expired",
    }
    timer = view.model.status_timer
    assert timer.isActive() and timer.interval() == STATUS_REFRESH_MS == 30_000

    clock.now = FROZEN_NOW + timedelta(minutes=23)
    with qtbot.waitSignal(view.model.dataChanged) as changed:
        view.model.refresh_status()  # what the 30 s timer calls
    top_left, bottom_right = changed.args[0], changed.args[1]
    assert top_left.column() == bottom_right.column() == HistoryColumn.STATUS
    assert (top_left.row(), bottom_right.row()) == (0, 2)
    statuses = dict(
        zip(
            column_texts(view, HistoryColumn.SESSION_ID),
            column_texts(view, HistoryColumn.STATUS),
            strict=True,
        )
    )
    assert statuses["sess_0000001"] == "expired"
    assert statuses["sess_0000002"] == "open — 1 h 42 min left"


# ---------------------------------------------------------------------- create again
def test_create_again_sends_exactly_the_same_request(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    store: HistoryStore,
    clock: Clock,
    emulator: InflowEmulator,
) -> None:
    window, view = history_window(make_window, store, clock)
    wait_refreshed(qtbot, view)
    fill_two_items(qtbot, window)  # by keyboard, as an agent would
    window.one_time_form.currency_combo.setCurrentIndex(
        window.one_time_form.currency_combo.findData("USD")
    )
    window.options_form.email_edit.setText("client@example.org")
    window.options_form.success_edit.setText("https://shop.example/thanks")
    window.options_form.expires_spin.setValue(24)
    with qtbot.waitSignal(window.sessionCreated, timeout=5000):
        window.create_session()
    wait_refreshed(qtbot, view)

    window.new_link()  # the next caller: the form is empty again
    window.options_form.success_edit.clear()
    assert window.one_time_form.model.is_empty()

    view.table.setFocus()
    view.select_row(0)
    with qtbot.waitSignal(view.createAgainRequested) as requested:
        press(qtbot, Qt.Key.Key_R, CTRL)
    assert requested.args[0] == "one_time"
    assert window.result_panel.url == ""
    assert window.options_form.email_edit.text() == "client@example.org"

    with qtbot.waitSignal(window.sessionCreated, timeout=5000):
        window.create_session()
    first, second = emulator.requests_to(ONE_TIME_PATH, "POST")
    assert json.loads(first.body) == {
        "currency": "USD",
        "products": [
            {"name": "Starter kit", "price": 4999, "quantity": 2},
            {"name": "Shipping express", "price": 990, "quantity": 1},
        ],
        "customerEmail": "client@example.org",
        "successUrl": "https://shop.example/thanks",
        "expiresIn": 24,
    }
    assert second.body == first.body  # byte for byte, key order included
    assert len(emulator.sessions) == 2


def test_create_again_of_a_subscription_sends_the_same_offer_and_body(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    store: HistoryStore,
    clock: Clock,
    emulator: InflowEmulator,
    app_settings: AppSettings,
) -> None:
    window, view = history_window(make_window, store, clock)
    form = install_subscription_mode(window, app_settings)
    wait_refreshed(qtbot, view)
    with qtbot.waitSignal(form.offersLoaded, timeout=5000):
        press(qtbot, Qt.Key.Key_2, CTRL)
    offer = emulator.offers[2]
    form.paste_edit.setFocus()
    type_text(qtbot, offer["id"])
    window.options_form.email_edit.setText("member@example.org")
    window.options_form.expires_spin.setValue(2)
    with qtbot.waitSignal(window.sessionCreated, timeout=5000):
        window.create_session()
    wait_refreshed(qtbot, view)
    [record] = store.page(0, 1)
    assert record.kind.value == "subscription" and record.offer_id == offer["id"]
    assert view.model.data(view.model.index(0, HistoryColumn.KIND)) == "Subscription"

    window.new_link()
    window.switch_mode(0)
    view.table.setFocus()
    view.select_row(0)
    press(qtbot, Qt.Key.Key_R, CTRL)
    assert window.current_mode() is form
    assert form.picked is not None and form.picked.id == offer["id"]
    with qtbot.waitSignal(window.sessionCreated, timeout=5000):
        window.create_session()
    first, second = emulator.requests_to(SUBSCRIPTION_PATH, "POST")
    assert first.path == second.path == SUBSCRIPTION_PATH + offer["id"]
    assert json.loads(first.body) == {"customerEmail": "member@example.org", "expiresIn": 2}
    assert second.body == first.body


# ---------------------------------------------------------------------- row actions
def test_row_actions_by_keyboard_and_context_menu(
    qtbot: QtBot, store: HistoryStore, view: HistoryView
) -> None:
    store.add(one_time_record(1, email="alice@example.org"))
    refresh_with(qtbot, view)
    url = "https://checkout.inflowpay.com/pay/sess_0000001"
    view.table.setFocus()
    view.select_row(0)

    QGuiApplication.clipboard().clear()
    press(qtbot, Qt.Key.Key_C, CTRL)
    assert QGuiApplication.clipboard().text() == url
    assert "copied" in find(view, QLabel, "historyMessageLabel").text()

    press(qtbot, Qt.Key.Key_Space)
    qr_window = view.qr_window
    assert qr_window is not None and qr_window.isVisible()
    qtbot.waitExposed(qr_window)
    big = qr_window.findChild(QLabel, "bigQrCodeLabel")
    assert big is not None
    [result] = zxingcpp.read_barcodes(big.pixmap().toImage())
    assert result.text == url
    qr_window.close()

    menu = view.context_menu()
    names = [action.objectName() for action in menu.actions() if not action.isSeparator()]
    assert names == [
        "historyCopyLinkAction",
        "historyShowQrAction",
        "historyCreateAgainAction",
        "historyExportSelectedAction",
        "historyExportRangeAction",
        "historyRefreshAction",
    ]
    shortcuts = {a.objectName(): a.shortcut().toString() for a in menu.actions()}
    assert shortcuts["historyCopyLinkAction"] == "Ctrl+C"
    assert shortcuts["historyCreateAgainAction"] == "Ctrl+R"
    for action in menu.actions():
        if not action.isSeparator():
            assert action.isEnabled()
            assert f"({action.shortcut().toString()})" in action.toolTip()
    menu.deleteLater()
    button = find(view, QToolButton, "historyCreateAgainButton")
    assert button.toolTip() == "Create again (Ctrl+R)"


def test_actions_are_disabled_without_a_row(
    qtbot: QtBot, store: HistoryStore, view: HistoryView
) -> None:
    assert not view.copy_action.isEnabled()
    assert not view.create_again_action.isEnabled()
    assert not view.export_selected_action.isEnabled()
    assert view.export_range_action.isEnabled()
    QGuiApplication.clipboard().setText("untouched")
    view.copy_link()
    assert QGuiApplication.clipboard().text() == "untouched"


# ---------------------------------------------------------------------- CSV
def read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: spreadsheets detect the encoding
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return list(csv.reader(stream))


def test_export_selected_rows_to_csv(
    qtbot: QtBot,
    store: HistoryStore,
    view: HistoryView,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store.add(one_time_record(1, email="anna@example.org", name="Café crème", price=350))
    store.add(one_time_record(2, email="=HYPERLINK(1)", name="Kit", price=4999, quantity=3))
    store.add(subscription_record(3))
    refresh_with(qtbot, view)
    # Rows 0 (subscription) and 2 (café), not the middle one.
    selection = view.table.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in (0, 2):
        selection.select(view.model.index(row, 0), flags)

    target = tmp_path / "selection"  # the dialog answers without ".csv"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "CSV (*.csv)"))
    )
    with qtbot.waitSignal(view.exported, timeout=5000) as done:
        view.export_selected_dialog()
    written = tmp_path / "selection.csv"
    assert done.args == [str(written), 2]
    rows = read_csv(written)
    assert rows[0] == list(CSV_HEADER)
    header = {name: i for i, name in enumerate(CSV_HEADER)}
    assert [r[header["session_id"]] for r in rows[1:]] == ["sess_sub_0003", "sess_0000001"]
    sub, cafe = rows[1], rows[2]
    assert cafe[header["currency"]] == "EUR" and cafe[header["total"]] == "3.50"
    assert cafe[header["items"]] == "1 × Café crème @ 3.50"
    assert cafe[header["customer_email"]] == "anna@example.org"
    assert cafe[header["created_at_utc"]] == "2026-11-25T14:42:00.000Z"
    assert cafe[header["kind"]] == "one_time"
    assert sub[header["total"]] == "" and sub[header["offer_name"]] == "Gold plan"
    assert "2 row" in view.message_label.text()
    assert not list(tmp_path.glob(".history-*"))  # no temporary file left behind


def test_export_a_date_range_to_csv(
    qtbot: QtBot, store: HistoryStore, view: HistoryView, tmp_path: Path
) -> None:
    start, _ = local_day_bounds(FROZEN_NOW.astimezone().date(), FROZEN_NOW.astimezone().date())
    day_before = start - timedelta(hours=1)
    store.add(one_time_record(1, created_at=day_before, email="=cmd|evil"))
    store.add(one_time_record(2, created_at=start, price=100_000))
    store.add(one_time_record(3, created_at=start + timedelta(hours=23, minutes=59)))
    store.add(one_time_record(4, created_at=start + timedelta(days=1)))
    target = tmp_path / "day.csv"
    today = start.date()
    with qtbot.waitSignal(view.exported, timeout=5000) as done:
        view.export_range_to(target, today, today)
    assert done.args == [str(target), 2]
    rows = read_csv(target)
    header = {name: i for i, name in enumerate(CSV_HEADER)}
    assert [r[header["session_id"]] for r in rows[1:]] == ["sess_0000002", "sess_0000003"]
    assert rows[1][header["total"]] == "1000.00"

    with qtbot.waitSignal(view.exported, timeout=5000) as done:
        view.export_range_to(target, today, today - timedelta(days=1))  # reversed is fine
    rows = read_csv(target)
    assert [r[header["session_id"]] for r in rows[1:]] == [
        "sess_0000001",
        "sess_0000002",
        "sess_0000003",
    ]
    assert rows[1][header["customer_email"]] == "'=cmd|evil"  # never a live formula


def test_export_failure_is_reported(
    qtbot: QtBot, store: HistoryStore, view: HistoryView, tmp_path: Path
) -> None:
    with qtbot.waitSignal(view.exportFailed, timeout=5000) as failed:
        view.export_range_to(
            tmp_path / "missing-folder" / "x.csv", FROZEN_NOW.date(), FROZEN_NOW.date()
        )
    assert "Could not write" in failed.args[0]
    assert "Could not write" in view.message_label.text()


# ---------------------------------------------------------------------- the model
def test_history_model_passes_the_model_tester(
    qtbot: QtBot, qtmodeltester: object, store: HistoryStore, clock: Clock
) -> None:
    store.add_many(
        one_time_record(n, created_at=FROZEN_NOW + timedelta(seconds=n)) for n in range(7)
    )
    model = HistoryModel(store, clock=clock, page_size=2)
    with qtbot.waitSignal(model.refreshed, timeout=5000):
        model.refresh()
    assert model.rowCount() == 7
    # Row 4 lives on page 2, which is not loaded yet: "…" until it arrives.
    assert model.data(model.index(4, HistoryColumn.CREATED)) == LOADING_TEXT
    assert model.data(model.index(4, HistoryColumn.SESSION_ID)) is None
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: all(model.record_at(r) is not None for r in range(7)), timeout=5000)
    assert column_texts_model(model) == [f"sess_{n:07d}" for n in range(6, -1, -1)]
    with qtbot.waitSignal(model.refreshed, timeout=5000):
        model.set_filter("sess_0000003")
    assert model.rowCount() == 1
    model.deleteLater()


def column_texts_model(model: HistoryModel) -> list[str]:
    return [
        str(model.data(model.index(r, HistoryColumn.SESSION_ID))) for r in range(model.rowCount())
    ]


def test_the_export_file_name_follows_the_current_profile(
    qtbot: QtBot,
    store: HistoryStore,
    clock: Clock,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    current = ["shop-a"]
    view = HistoryView(store, clock=clock, profile=lambda: current[0])
    qtbot.addWidget(view)
    store.add(one_time_record(1))
    refresh_with(qtbot, view)
    view.table.selectRow(0)
    suggested: list[str] = []

    def answer(*args: object, **kwargs: object) -> tuple[str, str]:
        suggested.append(str(args[2]))  # (parent, caption, suggested file name, filter)
        return "", ""  # cancelled

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
    view.export_selected_dialog()
    current[0] = "shop-b"  # the agent switched accounts
    view.export_selected_dialog()
    day = FROZEN_NOW.astimezone().date().isoformat()
    assert [Path(name).name for name in suggested] == [
        f"inflow-history-shop-a-{day}-selection.csv",
        f"inflow-history-shop-b-{day}-selection.csv",
    ]
