"""The kit's words in every language: the error funnel, the countdown, shortcut tips and chip
labels are translated (the pseudo-locale wraps every one of them), French reads as French with
French numbers and dates, and the plural forms reach the screen without "(s)"."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QColor, QImage, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QTableView, QWidget
from pytestqt.qtbot import QtBot

from inflow_desk.api.errors import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConnectionCheckUnavailable,
    InflowError,
    InternalServerError,
    NotFoundError,
    OfferListingUnavailable,
    PermissionDeniedError,
    ProxyRefusedError,
    RateLimitError,
    RequestCancelled,
    ResponseTooLargeError,
    TLSVerificationError,
)
from inflow_desk.domain.checkout_url import UntrustedCheckoutUrlError
from inflow_desk.domain.i18n import translate
from inflow_desk.domain.money import Currency
from inflow_desk.storage.history_journal import HistoryProblem, RecordOutcome, RecordStatus
from inflow_desk.storage.keystore import (
    KEY_CONTROL_CHARACTERS,
    KEY_TOO_LONG,
    NO_BACKEND,
    KeyStoreError,
    KeyStoreLocked,
    KeyStoreUnavailable,
    StoredKeyUnusable,
    UnusableKeyError,
)
from inflow_desk.ui.kit import errors, palette
from inflow_desk.ui.kit.chips import CHIP_KIND_ROLE, Chip, ChipDelegate
from inflow_desk.ui.kit.errors import (
    ACTIONS,
    QrTooLongError,
    UserMessage,
    describe_error,
)
from inflow_desk.ui.kit.formatting import format_day_time, format_money, format_number, format_time
from inflow_desk.ui.kit.i18n import PSEUDO_OPEN, pseudo
from inflow_desk.ui.kit.widgets import action_button, countdown_text

from .i18n_helpers import language

NBSP, NNBSP = "\u00a0", "\u202f"
#: An exception's own text, which the funnel quotes as it is.
QUOTED = "words of the API layer"
#: A Wednesday, 14:00 local time.
WEDNESDAY = datetime(2026, 12, 2, 14, 0).astimezone()


def every_failure() -> list[BaseException]:
    """One exception for each branch of :func:`describe_error`."""
    return [
        RequestCancelled(request_sent=True),
        RequestCancelled(request_sent=False),
        ProxyRefusedError("x", proxy_status="407 Proxy Authentication Required"),
        TLSVerificationError("x", reason="self-signed certificate"),
        APITimeoutError(request_sent=True),
        APITimeoutError(request_sent=False),
        APIConnectionError(request_sent=True),
        APIConnectionError(request_sent=False),
        AuthenticationError("x", status_code=401),
        PermissionDeniedError("x", status_code=403),
        OfferListingUnavailable(),
        ConnectionCheckUnavailable("x", status_code=404),
        NotFoundError("x", status_code=404),
        BadRequestError("x", status_code=400, messages=["customerEmail must be an email"]),
        RateLimitError("x", retry_after=30),
        RateLimitError("x"),
        InternalServerError("x", status_code=502),
        APIStatusError("x", status_code=418),
        ResponseTooLargeError("x", status_code=200, limit=1_000_000),
        APIResponseValidationError("x", status_code=200),
        InflowError(QUOTED),  # its text is the API layer's, worded (and translated) there
        UntrustedCheckoutUrlError("https://evil.example/", "not Inflow's host"),
        QrTooLongError(5018),
        StoredKeyUnusable(KEY_TOO_LONG),
        KeyStoreError("read", cause="DBusError"),
        UnusableKeyError(KEY_CONTROL_CHARACTERS),
        RuntimeError("boom"),
    ]


def every_record_outcome(tmp_path: Path) -> list[RecordOutcome]:
    journal = tmp_path / "history.pending.jsonl"
    return [
        RecordOutcome(RecordStatus.JOURNALED, problem=HistoryProblem.LOCKED, pending=1),
        RecordOutcome(
            RecordStatus.JOURNALED, problem=HistoryProblem.DAMAGED, journal=journal, pending=3
        ),
        RecordOutcome(
            RecordStatus.MEMORY_ONLY,
            problem=HistoryProblem.DISK_FULL,
            journal=journal,
            journal_problem=HistoryProblem.NOT_WRITABLE,
            pending=2,
        ),
    ]


def every_message(tmp_path: Path) -> Iterator[UserMessage]:
    """Every message the funnel words, for every branch it has."""
    for exc in every_failure():
        for creating in (None, "one_time", "subscription"):
            yield describe_error(exc, account="Acme — PRODUCTION", creating=creating, logged=True)
    yield describe_error(
        AuthenticationError("x", status_code=401),
        account="Acme",
        action=errors.TEST_CONNECTION_ACTION,
    )
    yield errors.history_read_failed(OSError("x"))
    for exc in (PermissionError(), FileNotFoundError(), IsADirectoryError(), OSError(28, "x")):
        yield errors.export_failed(exc, "/tmp/history.csv")
    yield errors.export_failed(ValueError("x"), "/tmp/history.csv")
    yield errors.describe_held_back_link(UntrustedCheckoutUrlError("http://a.example/", "http"))
    yield errors.limit_exceeded(profile="Acme", limit="€500.00", amount="€600.00", per_day=False)
    yield errors.limit_exceeded(
        profile="Acme", limit="€500.00", amount="€60.00", per_day=True, used="€480.00"
    )
    yield errors.currency_not_allowed("USD")
    yield errors.limit_unknown_price("Acme")
    yield errors.daily_limit_unknown("Acme")
    yield errors.deep_link_busy()
    yield errors.mail_client_failed()
    yield errors.catalog_unavailable()
    yield errors.catalog_import_failed([(line, "no price") for line in range(2, 30)], "a.csv")
    yield errors.duplicate_link_question(WEDNESDAY)


def every_text(tmp_path: Path) -> Iterator[str]:
    """Every one-line text the kit words outside :class:`UserMessage`."""
    for exc in (
        StoredKeyUnusable(KEY_TOO_LONG),
        StoredKeyUnusable(KEY_CONTROL_CHARACTERS),
        KeyStoreUnavailable("no backend"),
        KeyStoreLocked("read"),
        KeyStoreError("save"),
        KeyStoreError("delete"),
        KeyStoreError("read"),
        KeyStoreError("read", cause="DBusError"),
        KeyStoreError("use"),
        KeyStoreError("use", cause="DBusError"),
    ):
        yield errors.key_store_problem_text(exc)
    for reason in (KEY_TOO_LONG, KEY_CONTROL_CHARACTERS, "empty", "spaces"):
        yield errors.unusable_key_text(UnusableKeyError(reason))
    yield errors.missing_key_text("Acme")
    yield errors.key_rejected_text()
    yield errors.history_not_saved_text()
    yield errors.history_problem_text(None)
    yield from (errors.history_problem_text(problem) for problem in HistoryProblem)
    for outcome in every_record_outcome(tmp_path):
        text = errors.describe_record_outcome(outcome)
        assert text is not None
        yield text
        yield errors.describe_history_unavailable(outcome)
    yield errors.withheld_link_text("not Inflow's host")
    yield errors.policy_unusable_text(ValueError("policy.json, line 3: currencies"))
    yield errors.managed_text()
    yield from (issue.message for issue in errors.server_field_issues(["currency must be EUR"]))
    yield countdown_text(WEDNESDAY, WEDNESDAY - timedelta(minutes=58))
    yield countdown_text(WEDNESDAY, WEDNESDAY - timedelta(minutes=58), assumed=True)
    yield countdown_text(WEDNESDAY, WEDNESDAY + timedelta(minutes=1))
    yield countdown_text(WEDNESDAY, WEDNESDAY - timedelta(days=1))
    yield from palette.CHIP_LABELS.values()
    yield from (translate("Errors", action) for action in ACTIONS)


# ---------------------------------------------------------------------- pseudo-locale
def test_every_message_of_the_funnel_is_translated(
    qapp: object, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Under the pseudo-locale every headline, hint and text the kit words comes back wrapped:
    a message left out of translate() shows here without its brackets."""
    with language("pseudo", monkeypatch):
        messages = list(every_message(tmp_path))
        texts = list(every_text(tmp_path))
    for message in messages:
        assert message.headline.startswith(PSEUDO_OPEN), message.headline
        assert message.hint in ("", QUOTED) or message.hint.startswith(PSEUDO_OPEN), message.hint
    for text in texts:
        assert text.startswith(PSEUDO_OPEN), text
    # A sentence built around a translated cause ("{cause} Choose another place.") starts
    # with that cause, wrapped in its turn.
    with language("pseudo", monkeypatch):
        causes = [errors.history_read_failed(OSError("x")).hint]
        for exc in (PermissionError(), FileNotFoundError(), IsADirectoryError(), OSError(28, "x")):
            causes.append(errors.export_failed(exc, "/tmp/history.csv").hint)
        causes.append(errors.export_failed(ValueError("x"), "/tmp/history.csv").hint)
    for hint in causes:
        assert hint.startswith(PSEUDO_OPEN * 2), hint
    # The key store's reason is translated too (marked "KeyStore" in storage.keystore).
    with language("pseudo", monkeypatch):
        keychain = errors.key_store_problem_text(KeyStoreUnavailable(NO_BACKEND))
    assert f"({pseudo(NO_BACKEND)})" in keychain
    # What the funnel quotes stays itself inside the translated sentence.
    rejected = describe_error(AuthenticationError("x", status_code=401), account="Acme — DEMO")
    assert "Acme — DEMO" in rejected.headline


def test_the_catalog_rows_of_an_import_are_translated(
    qapp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    with language("pseudo", monkeypatch):
        message = errors.catalog_import_failed([(line, "no price") for line in range(30)], "a.csv")
    assert len(message.details) == errors.MAX_LISTED_ROWS + 1
    assert all(detail.startswith(PSEUDO_OPEN) for detail in message.details)
    assert "10 more" in message.details[-1]


def test_the_kits_widgets_show_only_translated_text(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The button helper's tooltip and accessible description, and a chip's accessible name,
    come back wrapped (the button's own label is the caller's, translated there)."""
    with language("pseudo", monkeypatch):
        parent = QWidget()
        qtbot.addWidget(parent)
        label = translate("Test", "Copy link")
        button = action_button(parent, label, "copyUrlButton", "Ctrl+Shift+C", lambda: None)
        chip = Chip(parent)
        chip.set_chip("paid", palette.CHIP_LABELS["paid"])
        shown = {
            "tooltip": button.toolTip(),
            "accessible name": button.accessibleName(),
            "accessible description": button.accessibleDescription(),
            "chip": chip.text(),
            "chip's accessible name": chip.accessibleName(),
        }
    for where, text in shown.items():
        assert text.startswith(PSEUDO_OPEN), (where, text)
    assert button.objectName() == "copyUrlButton"  # object names are never translated
    assert "Shift" in button.accessibleDescription()


# ---------------------------------------------------------------------- French
def test_the_funnel_in_french(qapp: object, monkeypatch: pytest.MonkeyPatch) -> None:
    with language("fr", monkeypatch):
        refused = describe_error(APIConnectionError(request_sent=False), account="Acme")
        timeout = describe_error(
            APITimeoutError(request_sent=True), account="Acme", creating="one_time"
        )
        offers = describe_error(
            APITimeoutError(request_sent=True),
            account="Acme",
            action="load the subscription offers",
        )
        qr = describe_error(QrTooLongError(5018), account="Acme")
        missing = errors.missing_key_text("Boutique")
        limit = errors.limit_exceeded(
            profile="Boutique",
            limit=format_money(100000, Currency.EUR),
            amount=format_money(129950, Currency.EUR),
            per_day=False,
        )
        field = errors.server_field_issues(["customerEmail must be an email"])[0].message
    assert refused.headline == "Impossible de joindre Inflow (connexion refusée ou pas de réseau)."
    assert refused.hint == "Vérifiez la connexion Internet et réessayez."
    # The action is translated inside the sentence, with French typography before ":".
    assert timeout.headline == f"Inflow n'a pas répondu à temps{NBSP}: impossible de créer le lien."
    assert timeout.hint.startswith("Un lien a peut-être été créé")
    assert offers.headline.endswith("impossible de charger les offres d'abonnement.")
    assert offers.hint == "Réessayez."
    assert qr.headline == f"Ce lien est trop long pour un code QR (5{NNBSP}018 caractères)."
    assert f"«{NBSP}Boutique{NBSP}»" in missing
    assert limit.headline == (
        f"Rien n'a été envoyé{NBSP}: 1{NNBSP}299,50{NBSP}€ dépasse votre plafond de "
        f"1{NNBSP}000,00{NBSP}€ par lien sur «{NBSP}Boutique{NBSP}»."
    )
    assert field == f"Inflow{NBSP}: customerEmail must be an email"  # the server's words kept


def test_french_plurals_dates_and_chips(
    qapp: object, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    one, two = (
        RecordOutcome(RecordStatus.MEMORY_ONLY, problem=HistoryProblem.DISK_FULL, pending=pending)
        for pending in (1, 2)
    )
    with language("fr", monkeypatch):
        banners = [errors.describe_history_unavailable(outcome) for outcome in (one, two)]
        wait = describe_error(RateLimitError("x", retry_after=1), account="Acme").hint
        later = countdown_text(WEDNESDAY, WEDNESDAY - timedelta(days=1))
        expired = countdown_text(WEDNESDAY, WEDNESDAY + timedelta(minutes=5))
        question = errors.duplicate_link_question(WEDNESDAY)
        chips = dict(palette.CHIP_LABELS)
    assert "le disque est plein" in banners[0]
    assert "1 lien conservé en mémoire seulement" in banners[0]
    assert "2 liens conservés en mémoire seulement" in banners[1]
    assert wait == "Patientez 1 seconde et réessayez."
    assert later.startswith("expire à mer. 2 déc. 14:00 — ")
    assert expired == "expiré à 14:00"
    assert "créé à 14:00 (à droite)" in question.headline
    assert chips["paid"] == "Payé ✓" and chips["expired"] == "Expiré"


def test_english_plurals_never_show_s_in_brackets(
    qapp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The English translation file gives the plural forms; without a translator (the
    domain alone, most tests) the marker is resolved the same way."""
    outcomes = [
        RecordOutcome(RecordStatus.MEMORY_ONLY, problem=HistoryProblem.DISK_FULL, pending=n)
        for n in (1, 2)
    ]
    with language("en", monkeypatch):
        installed = [errors.describe_history_unavailable(outcome) for outcome in outcomes]
        rows = errors.catalog_import_failed([(2, "no price")], "a.csv").headline
    plain = [errors.describe_history_unavailable(outcome) for outcome in outcomes]
    for texts in (installed, plain):
        assert "— 1 link kept in memory only;" in texts[0]
        assert "— 2 links kept in memory only;" in texts[1]
        assert "(s)" not in texts[0] + texts[1]
    assert rows == "Nothing was imported from a.csv: 1 row needs fixing."


# ---------------------------------------------------------------------- translated statuses
def test_a_translated_status_keeps_its_chip_colour(qtbot: QtBot) -> None:
    """The history's status text may be French: the model names the chip kind in
    CHIP_KIND_ROLE, and the delegate draws that kind whatever the words."""
    view = QTableView()
    qtbot.addWidget(view)
    model = QStandardItemModel(0, 1, view)
    item = QStandardItem("payé ✓ 13:12")  # "paid" in French: no English word to read
    item.setData("paid", CHIP_KIND_ROLE)
    model.appendRow(item)
    view.setModel(model)
    view.setItemDelegateForColumn(0, ChipDelegate(view))
    view.resize(300, 80)
    view.show()
    qtbot.waitExposed(view)
    image = view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    seen = {QColor(image.pixel(x, y)).name() for x in range(image.width()) for y in range(30)}
    colours = view.viewport().palette()
    assert palette.chip_colours("paid", colours).background in seen
    assert palette.chip_colours("unsure", colours).background not in seen
    assert model.index(0, 0).data(Qt.ItemDataRole.DisplayRole) == "payé ✓ 13:12"


def test_every_action_a_caller_passes_is_marked_for_translation() -> None:
    """describe_error shows the translation of the action it is given: the phrases the
    windows pass must be the ones marked in ACTIONS, or they stay English on screen."""
    root = Path(__file__).resolve().parents[2] / "inflow_desk"
    passed: set[str] = set()
    for path in root.rglob("*.py"):
        if "emulator" in path.parts:  # the "server": its HTML forms have action="..."
            continue
        text = path.read_text(encoding="utf-8")
        passed |= set(re.findall(r'\baction="([^"]+)"', text))
        passed |= set(re.findall(r'_ACTION = "([^"]+)"', text))
        passed |= set(re.findall(r'action = "([^"]+)"', text))
        passed |= set(re.findall(r'_show_failure\(exc, "([^"]+)"\)', text))
        passed |= set(re.findall(r'self\._run\(\s*"([^"]+)"', text))
    passed -= {"store_true", "store_false"}  # argparse, not ours
    assert passed, "the scan found no action: the patterns are out of date"
    assert passed <= set(ACTIONS), passed - set(ACTIONS)


def test_numbers_and_times_follow_the_locale() -> None:
    """C (no locale) groups as English; French groups with a narrow no-break space and names
    the day and month in French."""
    french = QLocale(QLocale.Language.French, QLocale.Country.France)
    assert format_number(1024, QLocale.c()) == "1,024"
    assert format_number(1024, french) == f"1{NNBSP}024"
    assert format_day_time(WEDNESDAY, french) == "mer. 2 déc. 14:00"
    assert format_day_time(WEDNESDAY, QLocale(QLocale.Language.English)) == "Wed 2 Dec 14:00"
    assert format_time(WEDNESDAY, french) == "14:00"
