"""Subscription mode, driven like an agent would: keyboard, real emulator over loopback."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QLineEdit, QListView, QPushButton, QTextBrowser
from pytestqt.qtbot import QtBot

from inflow_desk.api.client import InflowClient
from inflow_desk.emulator import Fault, InflowEmulator, generate_offers
from inflow_desk.ui.accounts.account import Account
from inflow_desk.ui.checkout.offers_model import OfferIdRole
from inflow_desk.ui.checkout.session import CreatedSession
from inflow_desk.ui.checkout.subscription_form import (
    NOTHING_PICKED,
    SubscriptionForm,
    install_subscription_mode,
)
from inflow_desk.ui.kit.settings import AppSettings
from inflow_desk.ui.main_window import MainWindow
from tests.ui.conftest import find, focused, press, type_text
from tests.ui.test_create_flow import decode_qr

SUBSCRIPTION_PATH = "/api/checkout/sessions/subscription/"
CTRL = Qt.KeyboardModifier.ControlModifier
OFFERS = generate_offers(24)  # what the emulator fixture serves (same seed)
PRO_YEARLY = OFFERS[2]


@pytest.fixture
def form(window: MainWindow, app_settings: AppSettings) -> SubscriptionForm:
    return install_subscription_mode(window, app_settings)


def open_mode(qtbot: QtBot, form: SubscriptionForm) -> bool:
    """Ctrl+2, then wait until the listing finished; True when it succeeded."""
    with qtbot.waitSignal(form.offersLoaded, timeout=5000) as blocker:
        press(qtbot, Qt.Key.Key_2, CTRL)
    return bool(blocker.args[0])


def shown_ids(form: SubscriptionForm) -> list[str]:
    model = form.filter_model
    return [model.data(model.index(r, 0), OfferIdRole) for r in range(model.rowCount())]


def picked_id(form: SubscriptionForm) -> str | None:
    return form.picked.id if form.picked is not None else None


def created_session(qtbot: QtBot, window: MainWindow) -> CreatedSession:
    with qtbot.waitSignal(window.sessionCreated, timeout=5000) as blocker:
        press(qtbot, Qt.Key.Key_Return, CTRL)
    session = blocker.args[0]
    assert isinstance(session, CreatedSession)
    return session


def test_subscription_by_keyboard_only(
    qtbot: QtBot,
    window: MainWindow,
    form: SubscriptionForm,
    emulator: InflowEmulator,
    app_settings: AppSettings,
) -> None:
    assert emulator.offers == OFFERS
    assert open_mode(qtbot, form)
    assert window.mode_switch.currentWidget() is form
    search = find(window, QLineEdit, "offerSearchEdit")
    picker = find(window, QListView, "offerPicker")
    assert focused() is search
    assert shown_ids(form) == [o["id"] for o in OFFERS]
    assert "24 subscription offers" in find(window, QLabel, "offersStatusLabel").text()

    type_text(qtbot, "year")
    assert 1 < form.filter_model.rowCount() < 24
    assert not picker.currentIndex().isValid()  # typing chooses (so highlights) nothing
    press(qtbot, Qt.Key.Key_Down)
    assert picker.currentIndex().row() == 0 and focused() is search
    press(qtbot, Qt.Key.Key_Down)
    assert picker.currentIndex().row() == 1 and focused() is search
    press(qtbot, Qt.Key.Key_Up)
    assert picker.currentIndex().row() == 0 and focused() is search
    assert picked_id(form) == PRO_YEARLY["id"]  # the highlighted offer is the chosen one
    type_text(qtbot, " PRO")
    assert shown_ids(form) == [PRO_YEARLY["id"]]
    browser = find(window, QTextBrowser, "offerDetails")
    qtbot.waitUntil(lambda: "Pro yearly" in browser.toPlainText())  # follows after a pause
    details = browser.toPlainText()
    for text in ("Pro yearly", "€299.00 / year", "14-day free trial", "two months free"):
        assert text.lower() in details.lower()
    assert f"https://checkout.inflowpay.com/subscribe/{PRO_YEARLY['id']}" in details

    press(qtbot, Qt.Key.Key_Return)
    assert picked_id(form) == PRO_YEARLY["id"]
    selected = find(window, QLabel, "selectedOfferLabel").text()
    assert "Pro yearly — €299.00 / year · 14-day free trial" in selected

    for name in ("offerPicker", "offerPasteEdit", "refreshOffersButton", "customerEmailEdit"):
        press(qtbot, Qt.Key.Key_Tab)
        assert focused().objectName() == name
    type_text(qtbot, "client@example.org")

    session = created_session(qtbot, window)

    [request] = emulator.requests_to(SUBSCRIPTION_PATH, "POST")
    assert request.path == SUBSCRIPTION_PATH + PRO_YEARLY["id"]
    assert json.loads(request.body) == {"customerEmail": "client@example.org", "expiresIn": 1}
    [(session_id, stored)] = emulator.sessions.items()
    assert stored["kind"] == "subscription" and stored["offer_id"] == PRO_YEARLY["id"]
    url = find(window, QLineEdit, "checkoutUrlEdit").text()
    assert url == f"https://checkout.inflowpay.com/pay/{session_id}"
    assert QGuiApplication.clipboard().text() == url
    assert "Copied" in find(window, QLabel, "copiedLabel").text()
    assert decode_qr(find(window, QLabel, "qrCodeLabel")) == url
    assert find(window, QLabel, "errorLabel").isHidden()
    assert session.kind == "subscription"
    assert session.request_json == {"customerEmail": "client@example.org", "expiresIn": 1}
    assert session.details.offer_id == PRO_YEARLY["id"]
    assert session.details.offer_name == "Pro yearly"
    assert session.details.currency == "EUR"
    assert session.details.total_cents == 29900

    # remembered for this profile, and shown first as "Recent"
    assert app_settings.recent_offers()[0]["id"] == PRO_YEARLY["id"]
    first = form.model.index(0, 0)
    assert form.model.data(first, OfferIdRole) == PRO_YEARLY["id"]
    assert str(form.model.data(first)).startswith("Recent · Pro yearly")
    assert form.model.rowCount() == 24  # still once


@pytest.mark.parametrize("shape", ["list", "envelope"])
@pytest.mark.parametrize("path", ["/subscription/offer", "/subscription/offers"])
def test_offers_across_several_pages_appear_once(
    qtbot: QtBot, form: SubscriptionForm, emulator: InflowEmulator, shape: str, path: str
) -> None:
    emulator.offers = generate_offers(250)
    emulator.offer_list_shape = shape  # type: ignore[assignment]
    emulator.offer_list_paths = (path,)
    emulator.inject(Fault("latency", delay=0.0, path_prefix=path), times=2)  # pages 1, 2 now
    emulator.inject(Fault("latency", delay=0.5, path_prefix=path))  # page 3 late

    with qtbot.waitSignal(form.offersLoaded, timeout=5000) as blocker:
        press(qtbot, Qt.Key.Key_2, CTRL)
        # the first pages are shown while the last one is still on its way
        qtbot.waitUntil(lambda: form.model.rowCount() == 200 and form.loading, timeout=3000)
        assert "200 so far" in form.status_label.text()
        assert form.progress.isVisible()
    assert blocker.args == [True]

    assert shown_ids(form) == [o["id"] for o in emulator.offers]
    pages = [r for r in emulator.requests if r.path == path]
    assert [r.query["page"] for r in pages][:3] == [["1"], ["2"], ["3"]]
    assert not form.progress.isVisible()
    assert "250 subscription offers" in form.status_label.text()


def test_listing_unavailable_paste_a_subscribe_link(
    qtbot: QtBot, window: MainWindow, form: SubscriptionForm, emulator: InflowEmulator
) -> None:
    emulator.offer_list_paths = ()  # both candidate paths answer 404
    assert not open_mode(qtbot, form)

    tried = {r.path for r in emulator.requests if r.method == "GET"}
    assert tried == {"/subscription/offer", "/subscription/offers"}
    status = find(window, QLabel, "offersStatusLabel").text()
    assert "does not list subscription offers" in status
    assert "Paste an offer id or a subscribe link" in status
    paste = find(window, QLineEdit, "offerPasteEdit")
    assert "border" in paste.styleSheet()  # highlighted as the way forward
    assert focused() is paste
    assert form.listing_unavailable

    target = OFFERS[4]  # "Coaching every 2 weeks"
    QGuiApplication.clipboard().setText(
        f"  https://checkout.inflowpay.com/subscribe/{target['id']}?ref=phone  "
    )
    press(qtbot, Qt.Key.Key_V, CTRL)
    assert picked_id(form) == target["id"]
    assert target["id"] in find(window, QLabel, "selectedOfferLabel").text()

    session = created_session(qtbot, window)
    [request] = emulator.requests_to(SUBSCRIPTION_PATH, "POST")
    assert request.path == SUBSCRIPTION_PATH + target["id"]
    assert json.loads(request.body) == {"expiresIn": 1}
    assert session.details.offer_id == target["id"]
    assert session.details.total_cents is None  # unknown: the offer was not listed


def test_listing_fails_with_500_then_retry_works(
    qtbot: QtBot, window: MainWindow, form: SubscriptionForm, emulator: InflowEmulator
) -> None:
    emulator.inject(Fault("status", status=500, path_prefix="/subscription/offer"))
    assert not open_mode(qtbot, form)

    status = find(window, QLabel, "offersStatusLabel")
    retry = find(window, QPushButton, "offersRetryButton")
    assert "Inflow had a problem on its side (HTTP 500)" in status.text()
    assert "no subscription offers" not in status.text()
    assert status.isVisible() and retry.isVisible()
    assert form.filter_model.rowCount() == 0

    with qtbot.waitSignal(form.offersLoaded, timeout=5000) as blocker:
        press(qtbot, Qt.Key.Key_F5)
    assert blocker.args == [True]
    assert shown_ids(form) == [o["id"] for o in OFFERS]
    assert not retry.isVisible()
    assert status.text() == "24 subscription offers"


def test_listing_times_out_then_retry_works(
    qtbot: QtBot, window: MainWindow, form: SubscriptionForm, emulator: InflowEmulator
) -> None:
    # the client fixture gives up after 1 s
    emulator.inject(Fault("latency", delay=1.5, path_prefix="/subscription/offer"))
    assert not open_mode(qtbot, form)

    status = find(window, QLabel, "offersStatusLabel").text()
    assert "did not answer in time" in status and "load the subscription offers" in status
    assert "link may have been created" not in status  # listing creates nothing
    retry = find(window, QPushButton, "offersRetryButton")
    assert retry.isVisible()

    with qtbot.waitSignal(form.offersLoaded, timeout=5000) as blocker:
        qtbot.mouseClick(retry, Qt.MouseButton.LeftButton)
    assert blocker.args == [True]
    assert len(shown_ids(form)) == 24
    assert not retry.isVisible()


def test_unknown_offer_404_on_create_says_it_does_not_exist(
    qtbot: QtBot, window: MainWindow, form: SubscriptionForm, emulator: InflowEmulator
) -> None:
    open_mode(qtbot, form)
    paste = find(window, QLineEdit, "offerPasteEdit")
    paste.setFocus()
    type_text(qtbot, "offer_NoSuchOffer1")

    with qtbot.waitSignal(window.requestFinished, timeout=5000):
        press(qtbot, Qt.Key.Key_Return, CTRL)

    assert len(emulator.requests_to(SUBSCRIPTION_PATH + "offer_NoSuchOffer1", "POST")) == 1
    error = find(window, QLabel, "errorLabel").text()
    assert "does not exist or has been archived" in error
    assert emulator.sessions == {}
    assert picked_id(form) == "offer_NoSuchOffer1"  # form untouched


def test_archived_offer_is_marked_and_the_refusal_explained(
    qtbot: QtBot, window: MainWindow, form: SubscriptionForm, emulator: InflowEmulator
) -> None:
    open_mode(qtbot, form)
    type_text(qtbot, "legacy")
    assert str(form.filter_model.data(form.filter_model.index(0, 0))).endswith("· archived")
    press(qtbot, Qt.Key.Key_Return)
    assert "archived" in find(window, QLabel, "selectedOfferLabel").text()

    with qtbot.waitSignal(window.requestFinished, timeout=5000):
        press(qtbot, Qt.Key.Key_Return, CTRL)
    assert "Subscription offer is archived" in find(window, QLabel, "errorLabel").text()
    assert emulator.sessions == {}


def test_nothing_picked_or_a_bad_paste_sends_nothing(
    qtbot: QtBot, window: MainWindow, form: SubscriptionForm, emulator: InflowEmulator
) -> None:
    open_mode(qtbot, form)
    type_text(qtbot, "pro")  # highlighted, not picked
    press(qtbot, Qt.Key.Key_Return, CTRL)
    error = find(window, QLabel, "offerErrorLabel")
    assert error.isVisible() and error.text() == NOTHING_PICKED
    assert "Nothing was sent" in find(window, QLabel, "errorLabel").text()
    assert focused() is form.search_edit

    paste = find(window, QLineEdit, "offerPasteEdit")
    paste.setFocus()
    type_text(qtbot, "https://example.org/pay/whatever")
    assert error.isVisible() and "not an offer ID or a subscribe link" in error.text()
    press(qtbot, Qt.Key.Key_Return, CTRL)
    assert focused() is paste
    assert emulator.requests_to(SUBSCRIPTION_PATH) == []


def test_snapshot_restore_and_create_again_from_history(
    qtbot: QtBot, window: MainWindow, form: SubscriptionForm, emulator: InflowEmulator
) -> None:
    open_mode(qtbot, form)
    type_text(qtbot, "founders")
    press(qtbot, Qt.Key.Key_Return)
    founders = OFFERS[6]
    snapshot = window.form_snapshot()
    assert snapshot["mode"] == "subscription"
    assert snapshot["modes"]["subscription"]["offerId"] == founders["id"]
    json.dumps(snapshot)  # JSON-able

    window.new_link()
    assert picked_id(form) is None and form.search_edit.text() == ""
    window.restore_form(snapshot)
    assert picked_id(form) == founders["id"]
    assert form.picked is not None
    assert form.picked.summary == "Founders club — €19.00 / month · 12 payments · waitlist"

    window.new_link()
    # "create again": the sent body, plus the offer the history recorded
    body: dict[str, Any] = {"customerEmail": "again@example.org", "expiresIn": 2}
    assert window.load_request("subscription", {**body, "offer_id": PRO_YEARLY["id"]})
    assert picked_id(form) == PRO_YEARLY["id"]
    created_session(qtbot, window)
    [request] = emulator.requests_to(SUBSCRIPTION_PATH, "POST")
    assert request.path == SUBSCRIPTION_PATH + PRO_YEARLY["id"]
    assert json.loads(request.body) == body


def test_recent_offers_first_even_when_listing_is_unavailable(
    qtbot: QtBot, window: MainWindow, emulator: InflowEmulator, app_settings: AppSettings
) -> None:
    app_settings.remember_offer(PRO_YEARLY)
    form = install_subscription_mode(window, app_settings)
    emulator.offer_list_paths = ()
    assert not open_mode(qtbot, form)
    assert shown_ids(form) == [PRO_YEARLY["id"]]
    form.search_edit.setFocus()
    type_text(qtbot, "yearly")
    press(qtbot, Qt.Key.Key_Return)
    assert picked_id(form) == PRO_YEARLY["id"]
    created_session(qtbot, window)
    assert emulator.requests_to(SUBSCRIPTION_PATH + PRO_YEARLY["id"], "POST")


def test_switching_accounts_reloads_the_offers(
    qtbot: QtBot, window: MainWindow, form: SubscriptionForm, api_key: str
) -> None:
    assert open_mode(qtbot, form)
    other_offers = generate_offers(5, seed=99)
    with (
        InflowEmulator(api_key=api_key, offers=other_offers) as other,
        InflowClient(api_key, base_url=other.base_url, timeout=httpx.Timeout(1.0)) as client,
    ):
        with qtbot.waitSignal(form.offersLoaded, timeout=5000):
            window.set_account(Account("Other shop", "DEMO", other.base_url), client)
        assert shown_ids(form) == [o["id"] for o in other_offers]
        assert other.requests_to("/subscription/offer", "GET")


def test_recent_offers_in_settings_per_profile(app_settings: AppSettings) -> None:
    for offer in OFFERS[:22]:
        app_settings.remember_offer(offer)
    app_settings.remember_offer({"id": OFFERS[5]["id"], "name": "renamed"})
    recent = app_settings.recent_offers()
    assert len(recent) == 20
    assert recent[0] == {"id": OFFERS[5]["id"], "name": "renamed"}
    assert [o["id"] for o in recent[1:4]] == [OFFERS[21]["id"], OFFERS[20]["id"], OFFERS[19]["id"]]
    assert [o["id"] for o in recent].count(OFFERS[5]["id"]) == 1
    other = AppSettings(app_settings.qsettings, profile="someone-else")
    assert other.recent_offers() == []
    app_settings.set_value("profiles/test/recentOffers", "{not json")
    assert app_settings.recent_offers() == []
    with pytest.raises(ValueError):
        app_settings.remember_offer({"name": "no id"})
