"""Translatable text without Qt: the one ``translate`` every layer calls.

``translate("Context", "Enter a price")`` is the spelling ``pyside6-lupdate`` extracts
(``scripts/update-translations.py``); plural forms pass ``n`` and write ``%n`` in the text.
Parameters go in after translation with ``str.format`` and named fields, so a translator can
move them: ``translate("Validation", "Price cannot exceed {limit}").format(limit=…)``.

The domain stays pure: until the application installs Qt's translator
(:func:`install`, called by :mod:`inflow_desk.ui.kit.i18n` at start-up) the text is English,
with ``%n`` replaced as Qt replaces it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

#: ``(context, source text, disambiguation, n) -> text``: QCoreApplication.translate's shape.
Translator = Callable[[str, str, "str | None", int], str]


def english(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """The source text itself, with ``%n`` replaced by ``n`` when one is given, and the
    English plural marker resolved as the English translation file does (``%n link(s)`` →
    ``1 link``, ``2 links``): "(s)" never reaches the screen, translator or not."""
    del context, disambiguation
    if n < 0:
        return text
    return text.replace("%n", str(n)).replace("(s)", "" if n == 1 else "s")


_installed: list[Translator] = [english]
ENGLISH: Final[Translator] = english


def install(translator: Translator) -> None:
    """Route every :func:`translate` through ``translator`` (Qt's, once the app has one)."""
    _installed[0] = translator


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the agent's language (English until a translator is installed)."""
    return _installed[0](context, text, disambiguation, n)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for extraction where it is defined (a constant); translate it where it is
    shown with ``translate(context, text)``."""
    del context
    return text
