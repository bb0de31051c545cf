"""The offer picker as a fast agent uses it (issue 12, items 4 and 9).

Typed while the offers load: the filter keeps the keys and an Enter is applied when the list
arrives. The count says how many of how many are shown; the highlighted row is the chosen
offer; a pasted id or link is checked before anything is sent. Real widgets, real keys, the
emulator over loopback.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QLineEdit, QListView
from pytestqt.qtbot import QtBot

from inflow_desk.emulator import Fault, InflowEmulator, generate_offers
from inflow_desk.ui.checkout.offers_model import OfferIdRole
from inflow_desk.ui.checkout.subscription_form import SubscriptionForm, install_subscription_mode
from inflow_desk.ui.kit.settings import AppSettings
from inflow_desk.ui.main_window import MainWindow
from tests.ui.conftest import find, focused, press, type_text

SUBSCRIPTION_PATH = "/api/checkout/sessions/subscription/"
LISTING = "/subscription/offer"  # prefix of both listing paths
CTRL = Qt.KeyboardModifier.ControlModifier
OFFERS = generate_offers(24)  # what the emulator serves by default
PRO_YEARLY, TEAM_YEARLY = OFFERS[2], OFFERS[3]
#: The offers whose text contains "year", in list order (Pro yearly, Team yearly, …).
YEARLY = [OFFERS[i] for i in (2, 3, 9, 12, 15)]


@pytest.fixture
def form(window: MainWindow, app_settings: AppSettings) -> SubscriptionForm:
    return install_subscription_mode(window, app_settings)


def slow_listing(emulator: InflowEmulator, seconds: float = 0.8) -> None:
    emulator.inject(Fault("latency", delay=seconds, path_prefix=LISTING))


def open_mode(qtbot: QtBot, form: SubscriptionForm) -> None:
    with qtbot.waitSignal(form.offersLoaded, timeout=5000) as blocker:
        press(qtbot, Qt.Key.Key_2, CTRL)
    assert blocker.args == [True]


def picked_id(form: SubscriptionForm) -> str | None:
    return form.picked.id if form.picked is not None else None


def highlighted_id(form: SubscriptionForm) -> str | None:
    index = form.picker.currentIndex()
    return str(form.filter_model.data(index, OfferIdRole)) if index.isValid() else None


def selected_rows(form: SubscriptionForm) -> list[int]:
    return [i.row() for i in form.picker.selectionModel().selectedIndexes()]


def assert_highlight_is_the_choice(form: SubscriptionForm) -> None:
    """Never one offer highlighted and another (or none) chosen."""
    highlighted = highlighted_id(form)
    if highlighted is not None:
        assert highlighted == picked_id(form)
        assert selected_rows(form) == [form.picker.currentIndex().row()]
    else:
        assert selected_rows(form) == []
        if form.picked is not None:  # chosen earlier, filtered out now: not shown
            assert form.filter_model.row_of(form.picked.id) == -1


def create(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.requestFinished, timeout=5000):
        press(qtbot, Qt.Key.Key_Return, CTRL)


# ---------------------------------------------------------------------- typed while loading
def test_year_and_enter_typed_while_loading_pick_the_offer_when_it_arrives(
    qtbot: QtBot, window: MainWindow, form: SubscriptionForm, emulator: InflowEmulator
) -> None:
    emulator.offers = [*OFFERS[:2], PRO_YEARLY, *OFFERS[4:8]]  # "year": Pro yearly only
    slow_listing(emulator)
    search = find(window, QLineEdit, "offerSearchEdit")

    with qtbot.waitSignal(form.offersLoaded, timeout=5000) as blocker:
        press(qtbot, Qt.Key.Key_2, CTRL)
        assert focused() is search  # typing goes to the filter at once
        type_text(qtbot, "year")
        press(qtbot, Qt.Key.Key_Return)
        assert form.loading, "typed before the list arrived"
        assert form.search_edit.text() == "year"
        assert picked_id(form) is None
    assert blocker.args == [True]

    assert form.search_edit.text() == "year"
    assert picked_id(form) == PRO_YEARLY["id"]
    assert highlighted_id(form) == PRO_YEARLY["id"]
    assert "Pro yearly" in find(window, QLabel, "selectedOfferLabel").text()
    assert focused() is search

    create(qtbot, window)
    [request] = emulator.requests_to(SUBSCRIPTION_PATH, "POST")
    assert request.path == SUBSCRIPTION_PATH + PRO_YEARLY["id"]
    assert len(emulator.sessions) == 1


def test_ctrl_enter_typed_while_loading_creates_the_picked_offer_once_it_arrives(
    qtbot: QtBot, window: MainWindow, form: SubscriptionForm, emulator: InflowEmulator
) -> None:
    """The whole path typed ahead of the list: the same link as typed slowly, not refused."""
    emulator.offers = [*OFFERS[:2], PRO_YEARLY, *OFFERS[4:8]]
    slow_listing(emulator)
    with qtbot.waitSignal(window.sessionCreated, timeout=5000):
        press(qtbot, Qt.Key.Key_2, CTRL)
        type_text(qtbot, "year")
        press(qtbot, Qt.Key.Key_Return)
        press(qtbot, Qt.Key.Key_Return, CTRL)
        assert form.loading
        assert emulator.requests_to(SUBSCRIPTION_PATH) == []  # nothing before the pick
        assert "Waiting for the offers" in window.status_label.text()
    [request] = emulator.requests_to(SUBSCRIPTION_PATH, "POST")
    assert request.path == SUBSCRIPTION_PATH + PRO_YEARLY["id"]


def test_esc_while_waiting_for_the_offers_creates_nothing(
    qtbot: QtBot, window: MainWindow, form: SubscriptionForm, emulator: InflowEmulator
) -> None:
    slow_listing(emulator)
    with qtbot.waitSignal(form.offersLoaded, timeout=5000):
        press(qtbot, Qt.Key.Key_2, CTRL)
        type_text(qtbot, "year")
        press(qtbot, Qt.Key.Key_Return)
        press(qtbot, Qt.Key.Key_Return, CTRL)
        press(qtbot, Qt.Key.Key_Escape)
        assert "cancelled" in window.status_label.text()
    qtbot.wait(100)
    assert emulator.requests_to(SUBSCRIPTION_PATH) == []


def test_enter_while_loading_with_several_matches_highlights_the_first_and_says_choose(
    qtbot: QtBot, window: MainWindow, form: SubscriptionForm, emulator: InflowEmulator
) -> None:
    slow_listing(emulator)
    with qtbot.waitSignal(form.offersLoaded, timeout=5000):
        press(qtbot, Qt.Key.Key_2, CTRL)
        type_text(qtbot, "year")
        press(qtbot, Qt.Key.Key_Return)
        assert form.loading

    hint = find(window, QLabel, "offerHintLabel")
    assert hint.isVisible()
    assert "5 offers match “year”" in hint.text() and "choose" in hint.text()
    assert highlighted_id(form) == YEARLY[0]["id"]  # the first, shown as the choice
    assert_highlight_is_the_choice(form)

    press(qtbot, Qt.Key.Key_Down)  # the agent chooses another one
    assert highlighted_id(form) == picked_id(form) == TEAM_YEARLY["id"]
    assert hint.isHidden()
    create(qtbot, window)
    [request] = emulator.requests_to(SUBSCRIPTION_PATH, "POST")
    assert request.path == SUBSCRIPTION_PATH + TEAM_YEARLY["id"]


def test_enter_while_loading_with_no_match_says_so_and_picks_nothing(
    qtbot: QtBot, window: MainWindow, form: SubscriptionForm, emulator: InflowEmulator
) -> None:
    slow_listing(emulator)
    with qtbot.waitSignal(form.offersLoaded, timeout=5000):
        press(qtbot, Qt.Key.Key_2, CTRL)
        type_text(qtbot, "yaer")
        press(qtbot, Qt.Key.Key_Return)

    hint = find(window, QLabel, "offerHintLabel")
    assert hint.isVisible() and "No offer matches “yaer”" in hint.text()
    assert picked_id(form) is None and highlighted_id(form) is None
    press(qtbot, Qt.Key.Key_Return, CTRL)
    assert emulator.requests_to(SUBSCRIPTION_PATH) == []


def test_enter_on_a_filter_with_one_match_picks_it(
    qtbot: QtBot, window: MainWindow, form: SubscriptionForm, emulator: InflowEmulator
) -> None:
    open_mode(qtbot, form)
    type_text(qtbot, "founders")
    assert form.filter_model.rowCount() == 1
    press(qtbot, Qt.Key.Key_Return)
    assert picked_id(form) == highlighted_id(form) == OFFERS[6]["id"]
    create(qtbot, window)
    [request] = emulator.requests_to(SUBSCRIPTION_PATH, "POST")
    assert request.path == SUBSCRIPTION_PATH + OFFERS[6]["id"]


# ---------------------------------------------------------------------- the count
def test_the_count_says_how_many_of_how_many_are_shown(
    qtbot: QtBot, window: MainWindow, form: SubscriptionForm
) -> None:
    open_mode(qtbot, form)
    status = find(window, QLabel, "offersStatusLabel")
    assert status.text() == "24 subscription offers"
    type_text(qtbot, "year")
    assert form.filter_model.rowCount() == 5
    assert status.text() == "5 of 24 subscription offers"
    type_text(qtbot, " pro")
    assert status.text() == "1 of 24 subscription offers"
    type_text(qtbot, "zzz")
    assert status.text() == "0 of 24 subscription offers"
    press(qtbot, Qt.Key.Key_Escape)  # clears the filter
    assert status.text() == "24 subscription offers"


def test_the_count_while_loading_counts_the_matches_so_far(
    qtbot: QtBot, window: MainWindow, form: SubscriptionForm, emulator: InflowEmulator
) -> None:
    emulator.offers = generate_offers(250)
    emulator.inject(Fault("latency", delay=0.0, path_prefix=LISTING), times=2)  # pages 1, 2
    emulator.inject(Fault("latency", delay=0.8, path_prefix=LISTING))  # page 3 late
    status = find(window, QLabel, "offersStatusLabel")
    with qtbot.waitSignal(form.offersLoaded, timeout=5000):
        press(qtbot, Qt.Key.Key_2, CTRL)
        qtbot.waitUntil(lambda: form.model.rowCount() == 200, timeout=3000)
        type_text(qtbot, "yearly")
        shown = form.filter_model.rowCount()
        assert 0 < shown < 200
        assert status.text() == f"Loading subscription offers… {shown} of 200 so far"
    total = form.filter_model.rowCount()
    assert status.text() == f"{total} of 250 subscription offers"


# ---------------------------------------------------------------------- highlight = choice
def test_the_highlighted_offer_is_the_chosen_one(
    qtbot: QtBot, window: MainWindow, form: SubscriptionForm, emulator: InflowEmulator
) -> None:
    open_mode(qtbot, form)
    picker = find(window, QListView, "offerPicker")
    type_text(qtbot, "year")
    # typing alone chooses nothing, so nothing is shown as chosen
    assert highlighted_id(form) is None and picked_id(form) is None
    assert_highlight_is_the_choice(form)

    press(qtbot, Qt.Key.Key_Down)
    assert highlighted_id(form) == picked_id(form) == YEARLY[0]["id"]
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Down)
    assert highlighted_id(form) == picked_id(form) == YEARLY[2]["id"]
    assert_highlight_is_the_choice(form)
    assert YEARLY[2]["name"] in find(window, QLabel, "selectedOfferLabel").text()

    # a click on a row chooses it too
    rect = picker.visualRect(form.filter_model.index(1, 0))
    qtbot.mouseClick(picker.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert highlighted_id(form) == picked_id(form) == YEARLY[1]["id"]

    # narrowing keeps the choice highlighted while it is shown
    form.search_edit.setFocus()
    type_text(qtbot, " team")
    assert highlighted_id(form) == picked_id(form) == TEAM_YEARLY["id"]
    assert_highlight_is_the_choice(form)

    create(qtbot, window)  # Ctrl+Enter uses the highlighted offer
    [request] = emulator.requests_to(SUBSCRIPTION_PATH, "POST")
    assert request.path == SUBSCRIPTION_PATH + TEAM_YEARLY["id"]
    assert "Pick a subscription offer" not in find(window, QLabel, "offerErrorLabel").text()


def test_a_pasted_listed_id_moves_the_highlight_to_it(
    qtbot: QtBot, window: MainWindow, form: SubscriptionForm
) -> None:
    open_mode(qtbot, form)
    press(qtbot, Qt.Key.Key_Down)
    assert highlighted_id(form) == picked_id(form) == OFFERS[0]["id"]
    paste = find(window, QLineEdit, "offerPasteEdit")
    paste.setFocus()
    QGuiApplication.clipboard().setText(OFFERS[5]["id"])
    press(qtbot, Qt.Key.Key_V, CTRL)
    assert highlighted_id(form) == picked_id(form) == OFFERS[5]["id"]
    paste.clear()  # no pasted offer any more: nothing chosen, nothing highlighted
    assert picked_id(form) is None
    assert_highlight_is_the_choice(form)


# ---------------------------------------------------------------------- pasted ids
@pytest.mark.parametrize(
    "pasted",
    [
        "year",  # a search typed into the wrong field
        "https://example.org/subscribe/offer_tYlKNxHddm",  # another site
        "https://checkout.inflowpay.com/pay/sess_7Hq2Lm90",  # a payment link
    ],
)
def test_a_pasted_text_of_the_wrong_shape_is_refused_and_nothing_is_sent(
    qtbot: QtBot,
    window: MainWindow,
    form: SubscriptionForm,
    emulator: InflowEmulator,
    pasted: str,
) -> None:
    open_mode(qtbot, form)
    press(qtbot, Qt.Key.Key_Down)  # an offer chosen in the list first
    paste = find(window, QLineEdit, "offerPasteEdit")
    paste.setFocus()
    QGuiApplication.clipboard().setText(pasted)
    press(qtbot, Qt.Key.Key_V, CTRL)

    error = find(window, QLabel, "offerErrorLabel")
    assert error.isVisible()
    assert "not an offer ID or a subscribe link" in error.text()
    assert "red" in paste.styleSheet() or "#a40000" in paste.styleSheet()
    press(qtbot, Qt.Key.Key_Return, CTRL)
    assert focused() is paste
    assert error.isVisible() and "not an offer ID or a subscribe link" in error.text()
    assert [r for r in emulator.requests if r.method == "POST"] == []
    assert emulator.sessions == {}


def test_a_pasted_subscribe_link_of_the_documented_shape_is_sent(
    qtbot: QtBot, window: MainWindow, form: SubscriptionForm, emulator: InflowEmulator
) -> None:
    open_mode(qtbot, form)
    paste = find(window, QLineEdit, "offerPasteEdit")
    paste.setFocus()
    QGuiApplication.clipboard().setText(
        f"https://checkout.inflowpay.com/subscribe/{PRO_YEARLY['id']}?ref=chat"
    )
    press(qtbot, Qt.Key.Key_V, CTRL)
    assert find(window, QLabel, "offerErrorLabel").isHidden()
    assert picked_id(form) == highlighted_id(form) == PRO_YEARLY["id"]
    create(qtbot, window)
    [request] = emulator.requests_to(SUBSCRIPTION_PATH, "POST")
    assert request.path == SUBSCRIPTION_PATH + PRO_YEARLY["id"]


# ---------------------------------------------------------------------- Ctrl+2 and the focus
def test_ctrl_2_puts_the_focus_in_the_filter_wherever_it_was(
    qtbot: QtBot, window: MainWindow, form: SubscriptionForm
) -> None:
    open_mode(qtbot, form)
    search = find(window, QLineEdit, "offerSearchEdit")
    type_text(qtbot, "pro")
    for name in ("offerPasteEdit", "customerEmailEdit"):  # already on the tab, typing elsewhere
        find(window, QLineEdit, name).setFocus()
        press(qtbot, Qt.Key.Key_2, CTRL)
        assert focused() is search
        assert form.search_edit.selectedText() == "pro"  # typing replaces the old search
    window.switch_mode(0)  # (not Ctrl+1: the window binds it twice, so it is ambiguous)
    assert focused() is not search
    press(qtbot, Qt.Key.Key_2, CTRL)
    assert focused() is search
    type_text(qtbot, "year")
    assert form.search_edit.text() == "year"
