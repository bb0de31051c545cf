"""The main window, About and the checkout forms (cart, offer picker) in another language.

Under the pseudo-locale every text these widgets show or tell a screen reader must come back
wrapped (``[!! … !!]``): a text without the brackets never went through ``translate``. In
French the texts, the amounts and the counts read as a French agent expects. Real widgets,
real keys, the emulator over loopback. (The French test needs the compiled ``.qm`` of the
branch: ``scripts/update-translations.py``.)
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from inflow_desk.domain.i18n import translate
from inflow_desk.domain.kinds import SessionKind
from inflow_desk.emulator import Fault, InflowEmulator, generate_offers
from inflow_desk.ui.about_dialog import AboutDialog, install_about
from inflow_desk.ui.checkout.line_items_model import Column
from inflow_desk.ui.checkout.session import ChargeDetails, CreatedSession, LineDetail
from inflow_desk.ui.checkout.subscription_form import SubscriptionForm, install_subscription_mode
from inflow_desk.ui.kit.i18n import PSEUDO_OPEN
from inflow_desk.ui.kit.settings import AppSettings
from inflow_desk.ui.main_window import MainWindow, charge_summary
from tests.ui.conftest import FROZEN_NOW, find, focused, press, type_text

from .i18n_helpers import language

CTRL = Qt.KeyboardModifier.ControlModifier
NBSP, NNBSP = "\u00a0", "\u202f"
OFFERS = generate_offers(24)  # what the emulator serves by default


def plain(text: str) -> str:
    """What a person reads of a (rich) text: no tags, no entities, no leading warning sign."""
    return html.unescape(re.sub(r"<[^>]+>", "", text)).removeprefix("⚠ ").strip()


def owned_widgets(root: QWidget, window: MainWindow | None) -> Iterator[QWidget]:
    """``root`` and its descendants, without the result panel and the options form (another
    area's)."""
    others = [] if window is None else [window.result_panel, window.options_form]
    for widget in [root, *root.findChildren(QWidget)]:
        if not any(widget is other or other.isAncestorOf(widget) for other in others):
            yield widget


def visible_texts(root: QWidget, window: MainWindow | None = None) -> dict[str, str]:
    """Every text of the widgets: labels, buttons, placeholders, tooltips, accessible names
    and descriptions, tabs, combo items, window titles; keyed by where it was found."""
    found: dict[str, str] = {}
    for widget in owned_widgets(root, window):
        name = widget.objectName() or type(widget).__name__
        is_value = bool(re.fullmatch(r"about\w+Value", widget.objectName()))  # versions: data
        if isinstance(widget, QLabel) and not is_value:
            found[f"{name}.text"] = widget.text()
        if isinstance(widget, QAbstractButton):
            found[f"{name}.text"] = widget.text()
        if isinstance(widget, QLineEdit) and not isinstance(widget.parent(), QComboBox):
            found[f"{name}.placeholder"] = widget.placeholderText()
        if isinstance(widget, QComboBox):
            for i in range(widget.count()):
                found[f"{name}.item{i}"] = widget.itemText(i)
        if isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                found[f"{name}.tab{i}"] = widget.tabText(i)
                found[f"{name}.tabTip{i}"] = widget.tabToolTip(i)
        if widget.isWindow():
            found[f"{name}.title"] = widget.windowTitle()
        found[f"{name}.toolTip"] = widget.toolTip()
        found[f"{name}.accessibleName"] = widget.accessibleName()
        found[f"{name}.accessibleDescription"] = widget.accessibleDescription()
    return {where: text for where, text in found.items() if plain(text)}


def unwrapped(texts: dict[str, str]) -> dict[str, str]:
    return {where: text for where, text in texts.items() if not plain(text).startswith(PSEUDO_OPEN)}


def menu_texts(window: MainWindow) -> dict[str, str]:
    found: dict[str, str] = {}
    for action in window.menuBar().actions():
        found[f"menu {action.text()}"] = action.text()
        menu = action.menu()
        assert isinstance(menu, QMenu)
        for item in menu.actions():
            if not item.isSeparator():
                found[f"menu item {item.text()}"] = item.text()
    return found


def header_texts(window: MainWindow) -> dict[str, str]:
    model = window.one_time_form.model
    found: dict[str, str] = {}
    for column in Column:
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            text = model.headerData(column, Qt.Orientation.Horizontal, role)
            found[f"header {column.name} {role.name}"] = str(text)
    return found


def editor_texts(qtbot: QtBot, window: MainWindow) -> dict[str, str]:
    """Open each cell editor of the cart: its accessible name, description, placeholder."""
    table = window.one_time_form.table
    found: dict[str, str] = {}
    for column in (Column.NAME, Column.PRICE, Column.QUANTITY):
        index = table.model().index(0, column)
        table.setCurrentIndex(index)
        table.edit(index)
        qtbot.waitUntil(lambda: table.state() == QAbstractItemView.State.EditingState)
        editor = focused()
        found[f"editor {column.name} accessibleName"] = editor.accessibleName()
        found[f"editor {column.name} accessibleDescription"] = editor.accessibleDescription()
        if isinstance(editor, QLineEdit):
            found[f"editor {column.name} placeholder"] = editor.placeholderText()
        table.finish_editing()
    return {where: text for where, text in found.items() if text}


def one_time_summary() -> CreatedSession:
    items = (
        LineDetail("Starter kit", 129950, 2),
        LineDetail("Cable", 990, 1),
        LineDetail("Case", 1500, 3),
    )
    return CreatedSession(
        session_id="cs_1",
        checkout_url="https://checkout.inflowpay.com/pay/cs_1",
        created_at=FROZEN_NOW,
        expires_at=FROZEN_NOW,
        expiry_assumed=False,
        request_json={},
        kind=SessionKind.ONE_TIME,
        details=ChargeDetails(currency="EUR", total_cents=264390, line_items=items),
    )


@pytest.fixture
def remembered_offer(app_settings: AppSettings) -> dict[str, object]:
    offer = dict(OFFERS[2])
    app_settings.remember_offer(offer)
    return offer


def open_subscriptions(
    qtbot: QtBot, window: MainWindow, app_settings: AppSettings
) -> SubscriptionForm:
    form = install_subscription_mode(window, app_settings)
    with qtbot.waitSignal(form.offersLoaded, timeout=5000) as blocker:
        press(qtbot, Qt.Key.Key_2, CTRL)
    assert blocker.args == [True]
    return form


# ---------------------------------------------------------------------- pseudo-locale
def test_every_text_of_the_window_and_the_cart_is_translated(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    emulator: InflowEmulator,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with language("pseudo", monkeypatch):
        window = make_window()
        install_about(window, "Secret Service")
        texts = visible_texts(window, window) | menu_texts(window) | header_texts(window)
        texts |= editor_texts(qtbot, window)
        texts["empty cart hint"] = window.one_time_form.table.empty_hint()
        for i, line in enumerate(charge_summary(one_time_summary()).lines):
            texts[f"charge summary line {i}"] = line

        # Nothing typed: Create marks the cart and says so.
        window.one_time_form.focus_first()
        press(qtbot, Qt.Key.Key_Return, CTRL)
        error = find(window, QLabel, "errorLabel")
        qtbot.waitUntil(error.isVisible)
        texts["validation headline"] = error.text().splitlines()[0]
        texts["cart error"] = find(window, QLabel, "cartErrorLabel").text()

        # A link on its way: the busy button, the status line, Esc's cancelling.
        model = window.one_time_form.model
        model.setData(model.index(0, Column.NAME), "Starter kit")
        model.setData(model.index(0, Column.PRICE), "49.99")
        emulator.inject(Fault("latency", delay=0.5))
        press(qtbot, Qt.Key.Key_Return, CTRL)
        qtbot.waitUntil(lambda: window.busy)
        texts["busy button"] = window.create_button.text()
        texts["busy status"] = window.status_label.text()
        window.new_link()
        texts["next caller waits"] = window.status_label.text()
        with qtbot.waitSignal(window.requestFinished, timeout=5000):
            press(qtbot, Qt.Key.Key_Escape)
            texts["cancelling"] = window.status_label.text()

    assert len(texts) > 40  # the walk saw the window, not an empty shell
    assert unwrapped(texts) == {}
    for control in (
        window.mode_switch,
        window.create_button,
        window.cancel_button,
        window.one_time_form.table,
        window.one_time_form.add_button,
        window.one_time_form.duplicate_button,
        window.one_time_form.remove_button,
        window.one_time_form.currency_combo,
    ):
        assert control.accessibleName().startswith(PSEUDO_OPEN), control.objectName()


def test_every_text_of_the_offer_picker_is_translated(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    app_settings: AppSettings,
    remembered_offer: dict[str, object],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with language("pseudo", monkeypatch):
        window = make_window()
        form = open_subscriptions(qtbot, window, app_settings)
        texts = visible_texts(form, window)
        texts["tab"] = window.mode_switch.tabText(1)
        texts["count"] = form.status_label.text()
        texts["recent row"] = str(form.filter_model.data(form.filter_model.index(0, 0)))
        texts["nothing picked"] = form.issues()[0].message
        texts["no selection"] = form.selected_label.text()
        texts["no details"] = form.details.toPlainText()

        type_text(qtbot, "zzz-no-such-offer")
        press(qtbot, Qt.Key.Key_Return)
        texts["no match hint"] = form.hint_label.text()
        texts["filtered count"] = form.status_label.text()
        form.search_edit.clear()
        type_text(qtbot, "year")
        press(qtbot, Qt.Key.Key_Return)
        texts["several match hint"] = form.hint_label.text()
        texts["selected"] = form.selected_label.text()
        texts["selected marker"] = form.details.toPlainText().splitlines()[0].split(" ", 2)[-1]

    assert texts["count"].count(PSEUDO_OPEN) == 1
    assert unwrapped(texts) == {}, unwrapped(texts)
    for control in (
        form.search_edit,
        form.refresh_button,
        form.retry_button,
        form.picker,
        form.paste_edit,
        form.details,
        form.progress,
    ):
        assert control.accessibleName().startswith(PSEUDO_OPEN), control.objectName()


def test_every_text_of_about_is_translated(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    with language("pseudo", monkeypatch):
        dialog = AboutDialog("")
        qtbot.addWidget(dialog)
        texts = visible_texts(dialog)
        texts["unknown key storage"] = find(dialog, QLabel, "aboutKeyStorageValue").text()
        qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
        texts["copied"] = dialog.copy_button.text()
    assert unwrapped(texts) == {}


# ---------------------------------------------------------------------- French
def test_french_window_cart_and_money(
    qtbot: QtBot, make_window: Callable[..., MainWindow], monkeypatch: pytest.MonkeyPatch
) -> None:
    with language("fr", monkeypatch):
        window = make_window()
        form = window.one_time_form
        assert window.create_button.text() == "Créer le lien   Ctrl+Entrée"
        assert window.mode_switch.tabText(0) == "Paiement unique"
        assert [a.text() for a in window.menuBar().actions()] == [
            "&Fichier",
            "&Affichage",
            "&Paramètres",
        ]
        assert find(window, QLabel, "environmentBadge").text() == "DÉMO"
        header = form.model.headerData(Column.PRICE, Qt.Orientation.Horizontal)
        assert header == "Prix unitaire"

        type_text(qtbot, "Starter kit")
        press(qtbot, Qt.Key.Key_Tab)
        type_text(qtbot, "1299,50")
        press(qtbot, Qt.Key.Key_Tab)
        type_text(qtbot, "2")
        press(qtbot, Qt.Key.Key_Tab)
        amount = f"2{NNBSP}599,00{NBSP}€"
        total = form.total_label.text()
        assert amount in total and "HT" in total and "Total" in total
        assert form.total_label.accessibleDescription() == f"Total {amount} hors taxes"
        price = form.model.data(form.model.index(0, Column.PRICE))
        assert price == f"1{NNBSP}299,50{NBSP}€"

        summary = charge_summary(one_time_summary())
        assert summary.amount == f"2{NNBSP}643,90{NBSP}€"
        assert summary.lines == (
            "2 × Starter kit, 1 × Cable, + 1 autre",
            "Pas d’e-mail client",
        )

        with qtbot.waitSignal(window.requestFinished, timeout=5000):
            press(qtbot, Qt.Key.Key_Return, CTRL)
        assert window.status_label.text() == "Lien créé ✓"

        window.new_link()
        press(qtbot, Qt.Key.Key_Return, CTRL)
        assert "Rien n’a été envoyé" in find(window, QLabel, "errorLabel").text()
        assert form.cart_error.text().startswith(f"Ligne 1 · Produit{NBSP}: ")


def test_french_offer_picker_counts_and_quotes(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    app_settings: AppSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with language("fr", monkeypatch):
        window = make_window()
        form = open_subscriptions(qtbot, window, app_settings)
        assert window.mode_switch.tabText(1) == "Abonnement"
        assert form.status_label.text() == "24 offres d’abonnement"
        type_text(qtbot, "year")
        assert form.status_label.text() == "5 sur 24 offres d’abonnement"
        press(qtbot, Qt.Key.Key_Return)
        assert form.hint_label.text().startswith(
            f"5 offres correspondent à «{NBSP}year{NBSP}»{NBSP}: la première est sélectionnée"
        )
        assert form.selected_label.text().startswith(f"Offre choisie{NBSP}: <b>")
        form.search_edit.clear()
        type_text(qtbot, "Pro yearly")
        assert form.status_label.text() == "1 sur 24 offres d’abonnement"  # of 24: plural


def test_french_about(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    with language("fr", monkeypatch):
        dialog = AboutDialog("")
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "À propos d’Inflow Desk"
        value = find(dialog, QLabel, "aboutKeyStorageValue")
        assert value.text() == "inconnu"
        assert value.accessibleName() == "Stockage de la clé"
        assert dialog.details_text().splitlines()[-1] == "Key storage: unknown"  # for support


def test_english_plural_forms_come_from_the_english_file(
    qtbot: QtBot, make_window: Callable[..., MainWindow], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The English source texts are plural; the English file gives the singular."""
    with language("en", monkeypatch):
        assert translate("SubscriptionForm", "{count} subscription offers", None, 1) == (
            "{count} subscription offer"
        )
        window = make_window()
        model = window.one_time_form.model
        model.setData(model.index(0, Column.PRICE), "10")  # the name alone is missing
        press(qtbot, Qt.Key.Key_Return, CTRL)
        error = find(window, QLabel, "errorLabel")
        assert error.text().startswith("⚠ Nothing was sent. Fix the highlighted field.")
