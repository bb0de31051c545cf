"""Money: integer cents in, integer cents out; text is parsed with ``Decimal``, never float."""

from __future__ import annotations

import re
from enum import StrEnum
from typing import TYPE_CHECKING, Final

from inflow_desk.domain.i18n import translate

if TYPE_CHECKING:
    from decimal import Decimal


class Currency(StrEnum):
    """The currencies Inflow checkout sessions accept."""

    EUR = "EUR"
    USD = "USD"

    @property
    def symbol(self) -> str:
        """``"€"`` or ``"$"``."""
        return _SYMBOLS[self]


_SYMBOLS: Final = {Currency.EUR: "€", Currency.USD: "$"}

# Currency markers an agent may type before or after the number (matched case-insensitively).
_MARKERS: Final = (
    ("EUR", Currency.EUR),
    ("USD", Currency.USD),
    ("€", Currency.EUR),
    ("$", Currency.USD),
)
_MINUS_SIGNS: Final = ("-", "\u2212")
_DIGITS: Final = frozenset("0123456789")
# Thousands separators other than "." and ",". All whitespace variants count as one kind,
# all apostrophe variants as another.
_SPACE_SEPARATORS: Final = frozenset(" \u00a0\u202f\u2009")
_APOSTROPHES: Final = frozenset("'\u2019")
_ALLOWED: Final = _DIGITS | _SPACE_SEPARATORS | _APOSTROPHES | {".", ","}
_MAX_QUOTED: Final = 40
_GROUP_RE: Final = re.compile(r"[1-9][0-9]{0,2}")


class MoneyParseError(ValueError):
    """What the agent typed is not a price; ``str(err)`` is a sentence to show next to the field."""


def _quote(text: str) -> str:
    shown = text if len(text) <= _MAX_QUOTED else text[: _MAX_QUOTED - 1] + "…"
    return shown  # the messages put it in quotes ('…' in English, « … » in French)


def _not_an_amount(typed: str) -> MoneyParseError:
    return MoneyParseError(
        translate("Money", "'{typed}' is not an amount").format(typed=_quote(typed))
    )


def _mixed_separators(typed: str) -> MoneyParseError:
    return MoneyParseError(
        translate("Money", "'{typed}' mixes different thousands separators").format(
            typed=_quote(typed)
        )
    )


def _misplaced_separators(typed: str) -> MoneyParseError:
    return MoneyParseError(
        translate("Money", "'{typed}' has thousands separators in the wrong places").format(
            typed=_quote(typed)
        )
    )


def _strip_markers(text: str) -> tuple[str, bool, set[Currency]]:
    """Remove a minus sign and currency markers around the number."""
    negative = False
    found: set[Currency] = set()
    rest = text
    prefix_marker = False
    while True:
        if rest.startswith(_MINUS_SIGNS) and not negative:
            negative = True
            rest = rest[1:].strip()
            continue
        if not prefix_marker:
            marker = _match_marker(rest, at_start=True)
            if marker is not None:
                token, currency = marker
                found.add(currency)
                prefix_marker = True
                rest = rest[len(token) :].strip()
                continue
        break
    marker = _match_marker(rest, at_start=False)
    if marker is not None:
        token, currency = marker
        found.add(currency)
        rest = rest[: -len(token)].strip()
    return rest, negative, found


def _match_marker(text: str, *, at_start: bool) -> tuple[str, Currency] | None:
    for token, currency in _MARKERS:
        edge = text[: len(token)] if at_start else text[-len(token) :]
        if edge.upper() == token:
            return token, currency
    return None


def _separator_kind(char: str) -> str:
    if char in _SPACE_SEPARATORS:
        return " "
    if char in _APOSTROPHES:
        return "'"
    return char


def parse_money(text: str, *, expected: Currency | None = None) -> int:
    """Parse a price as an agent types it into integer cents.

    Accepts ``49.99``, ``49,99``, ``€ 49.99``, ``49.99 €``, ``EUR 49,99``, ``$1,299.50``,
    ``1 299,50`` (space, NBSP, narrow NBSP, thin space or apostrophe as thousands separator),
    ``1.299,50``, ``1,234,567.89``, ``49``, ``49.9`` and ``0.5``.

    Raises :class:`MoneyParseError` for empty input, negative amounts, more than two decimals,
    ambiguous input such as ``1,299`` (a thousands separator or a decimal comma?), digit groups
    in the wrong places, anything that is not a number, and two different currencies. When
    ``expected`` is given, a typed currency marker of another currency is rejected too.
    The minimum price is *not* checked here (see ``validation.check_unit_price``).
    """
    typed = text.strip()
    if not typed:
        raise MoneyParseError(translate("Money", "Enter a price"))
    body, negative, currencies = _strip_markers(typed)
    if len(currencies) > 1:
        raise MoneyParseError(
            translate("Money", "'{typed}' mixes two currencies").format(typed=_quote(typed))
        )
    if expected is not None and currencies and expected not in currencies:
        (typed_currency,) = currencies
        raise MoneyParseError(
            translate("Money", "'{typed}' is in {currency}, but this cart is in {cart}").format(
                typed=_quote(typed), currency=typed_currency.value, cart=expected.value
            )
        )
    cents = _parse_body(body, typed)
    if negative:
        raise MoneyParseError(translate("Money", "A price cannot be negative"))
    return cents


def _parse_body(body: str, typed: str) -> int:
    if not body or any(c not in _ALLOWED for c in body):
        raise _not_an_amount(typed)
    if body[0] not in _DIGITS or body[-1] not in _DIGITS:
        raise _not_an_amount(typed)

    body = "".join(_separator_kind(c) for c in body)
    other_kinds = {c for c in body if c in " '"}
    if len(other_kinds) > 1:
        raise _mixed_separators(typed)
    dots = body.count(".")
    commas = body.count(",")

    decimal_sep: str | None = None
    group_sep: str | None = other_kinds.pop() if other_kinds else None
    if dots and commas:
        if group_sep is not None:
            raise _mixed_separators(typed)
        decimal_sep = "." if body.rfind(".") > body.rfind(",") else ","
        group_sep = "," if decimal_sep == "." else "."
        if body.count(decimal_sep) > 1:
            raise _not_an_amount(typed)
    elif dots or commas:
        sep = "." if dots else ","
        count = dots or commas
        if group_sep is not None:
            # "1 299,50": the space groups thousands, so "." / "," must be the decimal mark.
            if count > 1:
                raise _not_an_amount(typed)
            decimal_sep = sep
        elif count > 1:
            group_sep = sep  # "1.234.567" — only a thousands separator repeats
        else:
            decimal_sep = sep
            integer, fraction = body.split(sep)
            if len(fraction) == 3 and _GROUP_RE.fullmatch(integer):
                raise MoneyParseError(
                    translate(
                        "Money",
                        "'{typed}' is ambiguous: write {whole} for the whole amount, "
                        "or use at most two decimals",
                    ).format(typed=_quote(typed), whole=f"{integer}{fraction}")
                )

    if decimal_sep is not None:
        integer, fraction = body.split(decimal_sep)
    else:
        integer, fraction = body, ""
    if any(c not in _DIGITS for c in fraction):
        raise _misplaced_separators(typed)
    if len(fraction) > 2:
        raise MoneyParseError(
            translate("Money", "'{typed}' has more than two decimal places").format(
                typed=_quote(typed)
            )
        )

    if group_sep is not None:
        groups = integer.split(group_sep)
        if not _valid_groups(groups):
            if decimal_sep is None and group_sep in ".,":
                raise _not_an_amount(typed)  # "49.9.9": a typo, not a grouping
            raise _misplaced_separators(typed)
        integer = "".join(groups)
    if not integer or any(c not in _DIGITS for c in integer + fraction):
        raise _not_an_amount(typed)

    from decimal import Decimal  # here, not at import: the first frame shows no parsed amount

    amount = Decimal(f"{integer}.{fraction or '0'}") * 100
    return int(amount.to_integral_exact())


def _valid_groups(groups: list[str]) -> bool:
    first, *rest = groups
    if not _GROUP_RE.fullmatch(first):
        return False
    return all(len(g) == 3 and all(c in _DIGITS for c in g) for g in rest)


# The one place integer cents become text without a locale. With the agent's locale (QLocale):
# ``ui.kit.formatting.format_money`` / ``format_amount``.


def plain_amount(cents: int, *, grouped: bool = False) -> str:
    """``4999 → "49.99"``, ``-150 → "-1.50"``: what an edit field shows and ``parse_money``
    reads back, and what files (CSV) hold. ``grouped``: ``123456 → "1,234.56"`` (messages)."""
    sign = "-" if cents < 0 else ""
    whole, part = divmod(abs(cents), 100)
    return f"{sign}{whole:,}.{part:02d}" if grouped else f"{sign}{whole}.{part:02d}"


def format_cents(cents: int, currency: Currency) -> str:
    """``"€1,299.50"``, ``"$0.05"``, ``"-€1.00"`` — locale-neutral (the UI formats with QLocale)."""
    sign = "-" if cents < 0 else ""
    return f"{sign}{currency.symbol}{plain_amount(abs(cents), grouped=True)}"


def format_amount(cents: int, currency: str | None) -> str:
    """An amount in a currency code from outside (an offer, a history row): ``(2999, "EUR") →
    "€29.99"``; a code we do not know is kept raw, ``"29.99 GBP"``; none: ``"29.99"``."""
    code = (currency or "").strip()
    if code.upper() in Currency.__members__:
        return format_cents(cents, Currency(code.upper()))
    amount = plain_amount(cents, grouped=True)
    return f"{amount} {code}" if code else amount


def cents_to_decimal(cents: int) -> Decimal:
    """``1299`` → ``Decimal("12.99")`` (always two decimal places)."""
    from decimal import Decimal

    return Decimal(cents).scaleb(-2)
