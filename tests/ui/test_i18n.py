"""The language machinery: translators installed the Qt way, the locale amounts follow, and
the pseudo-locale that exposes text which escapes translation."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from inflow_desk.domain.i18n import translate
from inflow_desk.domain.money import Currency
from inflow_desk.ui.kit.formatting import format_money
from inflow_desk.ui.kit.i18n import PSEUDO_CLOSE, PSEUDO_OPEN, chosen_language, pseudo

from .i18n_helpers import language

ROOT = Path(__file__).resolve().parents[2]


def _button_texts() -> list[str]:
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    return [button.text() for button in box.buttons()]


def test_pseudo_wraps_and_lengthens() -> None:
    wrapped = pseudo("Create link")
    assert wrapped.startswith(PSEUDO_OPEN) and wrapped.endswith(PSEUDO_CLOSE)
    assert "Create link" in wrapped
    assert len(wrapped) >= len("Create link") * 1.4
    assert pseudo("") == ""


def test_the_pseudo_locale_wraps_ours_qts_and_the_domains_text(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    with language("pseudo", monkeypatch) as installed:
        assert installed.code == "pseudo"
        assert QCoreApplication.translate("Ctx", "%n link(s)", None, 3).startswith(PSEUDO_OPEN)
        assert "3 link(s)" in QCoreApplication.translate("Ctx", "%n link(s)", None, 3)
        assert translate("Validation", "Enter a price") == pseudo("Enter a price")
        assert all(text.startswith(PSEUDO_OPEN) for text in _button_texts())
    assert translate("Validation", "Enter a price") == "Enter a price"  # removed again
    assert _button_texts() == ["OK", "Cancel"]


def test_french_money_dates_and_qts_own_buttons(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    with language("fr", monkeypatch) as installed:
        assert installed.code == "fr"
        assert QLocale().language() == QLocale.Language.French
        assert format_money(129950, Currency.EUR) == "1\u202f299,50\xa0€"
        assert _button_texts() == ["OK", "Annuler"]
    assert QLocale().language() != QLocale.Language.French


def test_english_and_unknown_choices(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("INFLOW_DESK_LANGUAGE", raising=False)
    assert chosen_language("fr") == "fr"
    assert chosen_language("en") == "en"
    assert chosen_language("pseudo") == "pseudo"
    assert chosen_language("xx") in {"en", "fr"}  # unknown: the OS decides, English if none
    monkeypatch.setenv("INFLOW_DESK_LANGUAGE", "fr")
    assert chosen_language("en") == "fr"  # the environment wins for one run


def test_the_committed_translations_are_up_to_date() -> None:
    """lupdate finds no string missing from the .ts files, French has none unfinished, and the
    shipped .qm files are what the .ts files compile to."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "update-translations.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]


def test_amounts_follow_a_chosen_language_and_keep_the_os_locale_otherwise(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    try:
        with language("en", monkeypatch):  # chosen: English amounts and dates (UK)
            assert format_money(129950, Currency.EUR) == "€1,299.50"
            assert QLocale().territory() == QLocale.Country.UnitedKingdom
        assert QLocale().language() == QLocale.Language.German
        monkeypatch.delenv("INFLOW_DESK_LANGUAGE", raising=False)
        app = QCoreApplication.instance()
        assert app is not None
        from inflow_desk.ui.kit.i18n import install_language, remove_language

        installed = install_language(app, "")  # following the OS
        try:
            assert QLocale().language() == QLocale.Language.German  # German amounts kept
            assert format_money(129950, Currency.EUR) == "1.299,50\xa0€"
        finally:
            remove_language(app, installed)
    finally:
        QLocale.setDefault(before)
