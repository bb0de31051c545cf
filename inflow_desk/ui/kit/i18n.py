"""The agent's language: Qt translators for the app and for Qt's own dialogs, and the locale
amounts and dates follow.

Choices (the ``language`` setting, or ``INFLOW_DESK_LANGUAGE`` for a run): ``""`` follows the
OS, ``"en"`` and ``"fr"`` pick one, and ``"pseudo"`` is the pseudo-locale the tests use to find
text that escapes translation: every translated string comes back wrapped and lengthened,
``[!! Create link ~~~~ !!]``, so any visible text without the brackets was never translated.

The ``.ts`` sources live in ``resources/i18n/``; ``scripts/update-translations.py`` extracts
them with ``pyside6-lupdate`` and compiles the ``.qm`` files shipped in ``inflow_desk/i18n/``.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from inflow_desk.domain import i18n as domain_i18n

log = logging.getLogger(__name__)

LANGUAGE_KEY: Final = "language"
LANGUAGE_ENV: Final = "INFLOW_DESK_LANGUAGE"
FOLLOW_OS: Final = ""
PSEUDO: Final = "pseudo"
#: The languages the app ships (code → the name shown in Settings, in that language).
LANGUAGES: Final[dict[str, str]] = {"en": "English", "fr": "Français"}
QM_DIR: Final = Path(__file__).resolve().parents[2] / "i18n"
PSEUDO_OPEN: Final = "[!! "
PSEUDO_CLOSE: Final = " !!]"


def pseudo(text: str) -> str:
    """``Create link`` → ``[!! Create link ~~~~ !!]``: about 40 % longer, like French or German."""
    if not text:
        return text
    return f"{PSEUDO_OPEN}{text} {'~' * max(2, len(text) * 2 // 5)}{PSEUDO_CLOSE}"


class PseudoTranslator(QTranslator):
    """Every string the app or Qt translates comes back wrapped by :func:`pseudo`."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        del context, disambiguation, n
        return pseudo(source)

    def isEmpty(self) -> bool:
        return False


@dataclass(frozen=True)
class Language:
    """What :func:`install_language` set up: the code in use and the locale amounts follow."""

    code: str
    locale: QLocale
    translators: tuple[QTranslator, ...]


def chosen_language(setting: str | None) -> str:
    """The language code to use: the environment for one run, else the setting, else the OS
    (its first UI language we ship; English when none)."""
    choice = os.environ.get(LANGUAGE_ENV) or (setting or FOLLOW_OS)
    if choice == PSEUDO or choice in LANGUAGES:
        return choice
    for name in QLocale.system().uiLanguages():
        code = name.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return "en"


def _locale_of(code: str) -> QLocale:
    """The locale a chosen language brings: its main country (French: France); English: the
    United Kingdom, as when the OS locale is C (day-first dates, ``€1,299.50``)."""
    if code == "en":
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    return QLocale(code)


def _qt_translations_dir() -> str:
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def install_language(app: QCoreApplication, setting: str | None = None) -> Language:
    """Install the translators for the chosen language and make its locale the default for
    amounts and dates (French: ``1 299,50 €``). Call once, before any widget exists."""
    code = chosen_language(setting)
    domain_i18n.install_formats(_message_money, _message_number)  # they follow QLocale()
    translators: list[QTranslator] = []
    if code == PSEUDO:
        translators.append(PseudoTranslator(app))
    else:  # English too: its file holds the plural forms (``%n link(s)`` → ``1 link``)
        ours = QTranslator(app)
        if ours.load(str(QM_DIR / f"inflow_desk_{code}.qm")):
            translators.append(ours)
        elif code != "en":
            log.warning("language: no translation file for %r; staying in English", code)
            code = "en"
        qt = QTranslator(app)
        if code != "en" and qt.load(f"qtbase_{code}", _qt_translations_dir()):
            translators.append(qt)
    for translator in translators:
        app.installTranslator(translator)
    domain_i18n.install(QCoreApplication.translate)
    if code in LANGUAGES and QLocale().language() != QLocale(code).language():
        explicit = bool(os.environ.get(LANGUAGE_ENV) or setting)
        if explicit:  # chosen: amounts and dates follow the language chosen
            QLocale.setDefault(_locale_of(code))
        # Following an OS language we do not ship (German): English text, German amounts.
    log.info("language: %s (amounts and dates: %s)", code, QLocale().name())
    return Language(code, QLocale(), tuple(translators))


def remove_language(app: QCoreApplication, language: Language) -> None:
    """Undo :func:`install_language` (tests switch languages in one process)."""
    for translator in language.translators:
        app.removeTranslator(translator)
    domain_i18n.install(domain_i18n.ENGLISH)
    domain_i18n.install_formats()


def _message_money(cents: int, currency: str | None) -> str:
    """The amounts of the domain's messages in the default locale (``1 299,50 €``)."""
    from inflow_desk.ui.kit.formatting import format_money_in

    if currency:
        return format_money_in(cents, currency)
    return QLocale().toString(cents / 100, "f", 2)


def _message_number(value: int) -> str:
    """The numbers of the domain's messages in the default locale (``10 000``)."""
    return QLocale().toString(value)
