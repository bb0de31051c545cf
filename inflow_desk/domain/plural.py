"""Plural texts that ``pyside6-lupdate`` extracts as plural (``numerus``) messages.

``translate("Ctx", "%n link(s)", None, count)`` works at run time, but Qt 6's Python parser
for lupdate takes an identifier in fourth place for Qt 4's old "encoding" argument: the message
is extracted without its plural forms (only a literal number, ``…, None, 3)``, makes it plural),
and ``scripts/update-translations.py --fill`` then loses the forms. The parser reads
``Name.tr("text", None, count)`` as plural, with the name before ``.tr`` as the context, so a
plural text is written::

    HistoryCounts: Final = PluralContext("HistoryCounts")   # the name IS the context
    HistoryCounts.tr("%Ln link(s)", None, count)

and goes through :func:`~inflow_desk.domain.i18n.translate` like every other text (English
forms without a translator, the pseudo-locale, Qt's plural rules per language).
"""

from __future__ import annotations

from inflow_desk.domain.i18n import translate


class PluralContext:
    """``translate`` for one context's plural texts; bind it to a name spelled as the context."""

    def __init__(self, context: str) -> None:
        self.context = context

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        """``text`` with ``%n`` (``%Ln``: digits grouped) for ``n``, in the agent's language."""
        return translate(self.context, text, disambiguation, n)
