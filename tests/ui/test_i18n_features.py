"""Issue 17 for the history, payments and hand-over: under the pseudo-locale every text their
widgets show (labels, buttons, titles, headers, placeholders, tooltips, accessible names) is
translated — a text without ``[!! `` escaped ``translate()`` — and in French the key texts,
plurals, amounts and dates read as a French agent expects. The message templates have a language:
the default ones follow the app's, an edited one keeps its text."""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from inflow_desk.domain.handover import (
    DEFAULT_MESSAGE_TEMPLATE,
    DEFAULT_SMS_TEMPLATE,
    DEFAULT_SUBJECT_TEMPLATE,
    PLACEHOLDERS,
    CartLine,
    MessageTemplates,
    cart_sentence,
    sms_count,
    sms_plain,
    spell_word,
    subscription_sentence,
    template_problem,
)
from inflow_desk.domain.money import Currency
from inflow_desk.domain.payments import Confidence, LinkFacts, LinkMatch, Payment
from inflow_desk.storage.catalog import CatalogStore, SavedCart
from inflow_desk.storage.history import HistoryStore, PaymentStatusRecord
from inflow_desk.ui.handover.actions import HandoverBar, ReadAloudCard, install_handover
from inflow_desk.ui.handover.carts import CartNameDialog, CartPicker
from inflow_desk.ui.handover.catalog_dialog import CatalogDialog
from inflow_desk.ui.history.dock import reserve_history_dock
from inflow_desk.ui.history.model import HistoryColumn
from inflow_desk.ui.history.view import DateRangeDialog, HistoryView
from inflow_desk.ui.kit.chips import CHIP_KIND_ROLE
from inflow_desk.ui.kit.formatting import format_day_time, format_long_moment, format_money
from inflow_desk.ui.kit.i18n import PSEUDO_OPEN
from inflow_desk.ui.main_window import MainWindow
from inflow_desk.ui.payments.install import PaymentsFeature
from inflow_desk.ui.payments.status import from_match, kept_text, short_kind, waiting
from tests.ui.conftest import FROZEN_NOW, Clock
from tests.ui.history_helpers import one_time_record, open_store, wait_refreshed

from .i18n_helpers import language

#: Data, not words: they stay as they are in every language.
DATA = frozenset({"EUR", "USD"})
NUMBER = re.compile(r"[\d.,]+")  # an example amount ("49.99": what the field accepts)
AT = datetime(2026, 11, 25, 13, 12, tzinfo=UTC)  # a Wednesday
LINK = LinkFacts("sess_a", AT - timedelta(minutes=5), AT + timedelta(hours=1), "EUR", 10988)
FRENCH_DAY = r"(lun|mar|mer|jeu|ven|sam|dim)\. \d{1,2} (nov|déc)\. \d\d:\d\d"


@pytest.fixture
def store(tmp_path: Path, qtbot: QtBot, clock: Clock) -> Iterator[HistoryStore]:
    yield from open_store(tmp_path, qtbot, clock)


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """``(where, text)`` for every text ``root`` and its children show a person or a screen
    reader: titles, label and button texts, placeholders, tooltips, accessible names and
    descriptions, tab titles, column headers (and their tooltips) and action texts."""
    found: list[tuple[str, str]] = []

    def add(where: str, text: str) -> None:
        if text and text not in DATA and not NUMBER.fullmatch(text):
            found.append((where, text))

    for widget in [root, *root.findChildren(QWidget)]:
        name = widget.objectName() or type(widget).__name__
        if name.startswith("qt_"):
            continue  # Qt's own inner widgets (viewport, scroll bars…)
        if widget.isWindow():
            add(f"{name} title", widget.windowTitle())
        add(f"{name} tooltip", widget.toolTip())
        add(f"{name} accessible name", widget.accessibleName())
        add(f"{name} accessible description", widget.accessibleDescription())
        if isinstance(widget, QLabel):
            add(f"{name} text", widget.text())
        if isinstance(widget, QAbstractButton):
            add(f"{name} text", widget.text())
        if isinstance(widget, QLineEdit | QPlainTextEdit):
            add(f"{name} placeholder", widget.placeholderText())
        if isinstance(widget, QTabWidget):
            for index in range(widget.count()):
                add(f"{name} tab {index}", widget.tabText(index))
        if isinstance(widget, QTableView) and widget.model() is not None:
            model = widget.model()
            for column in range(model.columnCount()):
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    value = model.headerData(column, Qt.Orientation.Horizontal, role)
                    add(f"{name} header {column}", value if isinstance(value, str) else "")
        for action in widget.actions():
            where = action.objectName() or name
            add(f"{where} action", action.text())
            add(f"{where} action tooltip", action.toolTip())
            add(f"{where} action status tip", action.statusTip())
    return found


def unwrapped(root: QWidget) -> list[tuple[str, str]]:
    return [(where, text) for where, text in visible_texts(root) if PSEUDO_OPEN not in text]


def assert_all_translated(root: QWidget) -> None:
    texts = visible_texts(root)
    assert len(texts) >= 5, texts  # the walk found the widget's texts at all
    missed = unwrapped(root)
    assert not missed, f"text that escapes translate(): {missed}"


# ---------------------------------------------------------------------------- pseudo-locale


def test_pseudo_the_history_view_its_dock_and_the_date_range_dialog(
    qtbot: QtBot,
    store: HistoryStore,
    clock: Clock,
    make_window: Callable[..., MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store.add(one_time_record(1, email="ana@example.org"))
    with language("pseudo", monkeypatch):
        view = HistoryView(store, clock=clock, profile="test")
        qtbot.addWidget(view)
        view.show()
        wait_refreshed(qtbot, view)
        assert_all_translated(view)
        assert view.count_label.text().startswith(PSEUDO_OPEN)
        menu = view.context_menu()
        assert all(a.text().startswith(PSEUDO_OPEN) for a in menu.actions() if a.text())
        model = view.model
        for column in (HistoryColumn.CREATED, HistoryColumn.STATUS):
            tip = model.data(model.index(0, column), Qt.ItemDataRole.ToolTipRole)
            assert tip.startswith(PSEUDO_OPEN), tip
        assert model.data(model.index(0, HistoryColumn.KIND)).startswith(PSEUDO_OPEN)

        dialog = DateRangeDialog(FROZEN_NOW.date())
        qtbot.addWidget(dialog)
        assert_all_translated(dialog)

        window = make_window()
        dock = reserve_history_dock(window)
        assert dock.windowTitle().startswith(PSEUDO_OPEN)
        assert not unwrapped(dock)


def test_pseudo_the_hand_over_the_saved_carts_and_the_catalog(
    qtbot: QtBot,
    tmp_path: Path,
    clock: Clock,
    make_window: Callable[..., MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    catalog = CatalogStore(tmp_path / "desk.sqlite3")
    with language("pseudo", monkeypatch):
        window = make_window()
        bar = install_handover(window, clock=clock)
        assert isinstance(bar, HandoverBar)
        assert_all_translated(bar)

        card = ReadAloudCard("sentence", "sess_7Hq2")
        qtbot.addWidget(card)
        missed = unwrapped(card)  # the sentence is the caller's (worded below)
        assert [text for _where, text in missed] == ["sentence"]
        assert PSEUDO_OPEN in card.spelling_label.text().splitlines()[0]

        saved = SavedCart("Morning", Currency.EUR, ())
        picker = CartPicker([saved])
        qtbot.addWidget(picker)
        assert_all_translated(picker)
        assert picker.list.item(0).text().startswith("Morning — ")  # the cart's own name
        empty = CartPicker([])
        qtbot.addWidget(empty)
        assert_all_translated(empty)
        namer = CartNameDialog()
        qtbot.addWidget(namer)
        assert_all_translated(namer)

        dialog = CatalogDialog(catalog, "acme")
        qtbot.addWidget(dialog)
        assert_all_translated(dialog)
        # The template edits hold the default templates: in the app's language too.
        assert dialog.message_edit.toPlainText().startswith(PSEUDO_OPEN)


def test_pseudo_the_payment_status_and_its_sentences(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    clock: Clock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with language("pseudo", monkeypatch):
        window = make_window()
        feature = PaymentsFeature(window, clock=clock, tick_ms=10, parent=window)
        for widget in (feature.label, feature.check_button, feature.chip):
            for text in (widget.accessibleName(), widget.toolTip()):
                assert not text or text.startswith(PSEUDO_OPEN), text
        assert feature.check_button.text().startswith(PSEUDO_OPEN)
        check = window.findChild(type(window.menuBar().actions()[0]), "checkPaymentAction")
        assert check is not None and check.text().startswith(PSEUDO_OPEN)

        statuses = [waiting(LINK, AT), waiting(LINK, LINK.expires_at)]
        for confidence in Confidence:
            for raw in ("PAYMENT_SUCCESS", "PAYMENT_FAILED", "FULLY_REFUNDED", "INITIATION"):
                rivals = (LINK,) if confidence is Confidence.AMBIGUOUS else ()
                payment = Payment("pay_1", 10988, "EUR", raw, AT)
                statuses.append(
                    from_match(LinkMatch("sess_a", payment, confidence, ("amount", "time"), rivals))
                )
        for status in statuses:
            assert status.text.startswith(PSEUDO_OPEN), status.text
            assert status.short.startswith(PSEUDO_OPEN), status.short
        for sentence in (
            sms_count("hi").describe(),
            cart_sentence([CartLine("Kit", 4999, 2)], 9998, str),
            subscription_sentence({"name": "Pro", "amountInCents": 999, "currency": "EUR"}),
            template_problem("{nope}") or "",
            spell_word("H"),
            MessageTemplates().message,
            MessageTemplates().sms,
        ):
            assert sentence.startswith(PSEUDO_OPEN), sentence


# ---------------------------------------------------------------------------- French


def test_french_payment_status_sentences_with_french_money_and_times(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    payment = Payment("pay_1", 10988, "EUR", "CHECKOUT_SUCCESS", AT)
    probable = LinkMatch("sess_a", payment, Confidence.PROBABLE, ("amount", "time"))
    with language("fr", monkeypatch):
        time = f"{AT.astimezone():%H:%M}"
        status = from_match(probable)
        assert status.text == (
            f"Un paiement de 109,88\xa0€ est arrivé à {time} — sans doute pour ce lien "
            "(seuls le montant et l’heure concordent)"
        )
        assert status.short == f"sans doute payé {time}"
        assert short_kind(status.short) == "unsure"
        paid = from_match(LinkMatch("sess_a", payment, Confidence.CONFIRMED, ("amount", "email")))
        assert (paid.text, short_kind(paid.short)) == (f"Payé ✓ {time}", "paid")
        assert waiting(LINK, AT).text == "En attente de paiement…"
        kept = PaymentStatusRecord("sess_a", "paid", "paid ✓ 13:12", AT, basis="amount, email")
        kept = replace(kept, paid_at=AT)
        assert kept_text(kept) == f"payé ✓ {time}"  # the history words it again, in French
        assert re.fullmatch(FRENCH_DAY, format_day_time(AT)), format_day_time(AT)
        assert "novembre 2026" in format_long_moment(AT)


def test_french_history_plurals_headers_and_chips(
    qtbot: QtBot, store: HistoryStore, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.add(one_time_record(1, email="ana@example.org"))
    with language("fr", monkeypatch):
        view = HistoryView(store, clock=clock, profile="test")
        qtbot.addWidget(view)
        view.show()
        wait_refreshed(qtbot, view)
        assert view.count_label.text() == "1 lien"
        store.add(one_time_record(2, created_at=FROZEN_NOW + timedelta(seconds=1)))
        view.refresh()
        qtbot.waitUntil(lambda: view.count_label.text() == "2 liens")
        model = view.model
        headers = [
            model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
            for c in HistoryColumn
        ]
        assert headers[:3] == ["Créé", "Statut", "Type"]
        assert model.data(model.index(0, HistoryColumn.KIND)) == "Ponctuel"
        amount = model.data(model.index(0, HistoryColumn.AMOUNT))
        assert amount == "49,99\xa0€"
        tip = model.data(model.index(0, HistoryColumn.STATUS), Qt.ItemDataRole.ToolTipRole)
        assert re.fullmatch(f"ouvert — encore .*\nLien valable jusqu’à {FRENCH_DAY} .*", tip), tip
        # The chip's kind comes from the model, not from the (now French) text.
        session = model.data(model.index(0, HistoryColumn.SESSION_ID))
        model.set_payment_status(session, f"payé ✓ {AT.astimezone():%H:%M}")
        assert model.data(model.index(0, HistoryColumn.STATUS), CHIP_KIND_ROLE) == "paid"
        assert model.data(model.index(1, HistoryColumn.STATUS), CHIP_KIND_ROLE) == "open"


def test_french_hand_over_words_plurals_and_the_phonetic_alphabet(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lines = [CartLine("Kit", 4999, 2), CartLine("Câble", 500, 1)]
    with language("fr", monkeypatch):
        money = lambda cents: format_money(cents, Currency.EUR)  # noqa: E731
        assert cart_sentence(lines, 10498, money) == (
            "Vous allez régler 2 × Kit à 49,99\xa0€ l’unité et 1 × Câble à 5,00\xa0€, "
            "soit 104,98\xa0€ au total."
        )
        assert sms_count("a").describe() == "1 caractère · 1 SMS (GSM-7)"
        assert sms_count("á" * 71).describe() == "71 caractères · 2 SMS (UCS-2)"
        assert spell_word("H") == "Hotel majuscule" and spell_word("7") == "sept"
        amount = money(129950)
        assert amount == "1\u202f299,50\xa0€" and sms_count(amount).encoding == "UCS-2"
        assert sms_count(sms_plain(f"payez {amount} d’ici")).encoding == "GSM-7"
        trial = subscription_sentence({"name": "Pro", "trialPeriodDays": 1})
        assert "Le premier jour est gratuit" in trial
        assert "Les 14 premiers jours" in subscription_sentence({"trialPeriodDays": 14})
        assert template_problem("{a}{b}") is not None
        assert (template_problem("{a}{b}") or "").startswith("Champs inconnus\xa0: {a}, {b}.")
    with language("en", monkeypatch):  # English has its plural forms too (no "(s)")
        assert sms_count("a").describe() == "1 character · 1 SMS (GSM-7)"
        assert sms_count("á" * 71).describe() == "71 characters · 2 SMS parts (UCS-2)"


def test_the_default_templates_follow_the_language_and_an_edited_one_keeps_its_text(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    catalog = CatalogStore(tmp_path / "desk.sqlite3")
    catalog.save_templates("edited", MessageTemplates(message="Pay: {link}"))

    def names(template: str) -> set[str]:
        return {name for _t, name, _s, _c in string.Formatter().parse(template) if name}

    english = MessageTemplates()
    assert english.message == DEFAULT_MESSAGE_TEMPLATE
    with language("fr", monkeypatch):
        french = MessageTemplates()
        assert french.message.startswith("Bonjour,\n\nVoici votre lien de paiement sécurisé")
        assert "Voici votre" in french.message and "Bien cordialement" in french.message
        assert french.subject == "Votre lien de paiement {merchant}"
        assert sms_count(french.sms.replace("{", "").replace("}", "")).encoding == "GSM-7"
        for mine, source in (
            (french.message, DEFAULT_MESSAGE_TEMPLATE),
            (french.sms, DEFAULT_SMS_TEMPLATE),
            (french.subject, DEFAULT_SUBJECT_TEMPLATE),
        ):
            assert names(mine) == names(source) and names(mine) <= set(PLACEHOLDERS)
            assert template_problem(mine) is None
        assert catalog.templates("other") == french  # nothing stored: the French defaults
        assert catalog.templates("edited").message == "Pay: {link}"  # edited: kept as is
        dialog = CatalogDialog(catalog, "other")
        qtbot.addWidget(dialog)
        # (QPlainTextEdit gives a no-break space back as a plain one)
        assert dialog.message_edit.toPlainText() == french.message.replace("\xa0", " ")
        assert "Aperçu" in " ".join(t for _w, t in visible_texts(dialog))
        preview = dialog.preview_label.text()
        assert "99,98\xa0€" in preview  # the message: French typography
        # The SMS says the same with plain spaces: it stays GSM-7 (one part, not two).
        assert "Acme : payez 99,98 € sur https://" in preview
        assert "(GSM-7)" in preview and "UCS-2" not in preview
    assert MessageTemplates() == english  # back in English
    assert QCoreApplication.translate("MessageTemplates", DEFAULT_SMS_TEMPLATE) == (
        DEFAULT_SMS_TEMPLATE
    )
