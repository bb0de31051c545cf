"""parse_money / format_cents / cents_to_decimal."""

from __future__ import annotations

from decimal import Decimal

import pytest

from inflow_desk.domain.money import (
    Currency,
    MoneyParseError,
    cents_to_decimal,
    format_cents,
    parse_money,
)


@pytest.mark.parametrize(
    ("text", "cents"),
    [
        ("49.99", 4999),
        ("49,99", 4999),
        ("€ 49.99", 4999),
        ("€49.99", 4999),
        ("49.99 €", 4999),
        ("49.99€", 4999),
        ("EUR 49,99", 4999),
        ("49,99 EUR", 4999),
        ("eur 49,99", 4999),
        ("$1,299.50", 129950),
        ("USD 10", 1000),
        ("10 USD", 1000),
        ("1 299,50", 129950),
        ("1\u00a0299,50", 129950),
        ("1\u202f299,50", 129950),
        ("1\u2009299,50", 129950),
        ("1'299.50", 129950),
        ("1\u2019299.50", 129950),
        ("1.299,50", 129950),
        ("1,299.50", 129950),
        ("1.234.567,89", 123456789),
        ("1,234,567.89", 123456789),
        ("1 234 567", 123456700),
        ("1.234.567", 123456700),
        ("1,234,567", 123456700),
        ("49", 4900),
        ("49.9", 4990),
        ("0.5", 50),
        ("0,01", 1),
        ("0", 0),
        ("1234.5", 123450),
        ("1234,56", 123456),
        ("  49.99\t", 4999),
        ("€\u00a049,99", 4999),
    ],
)
def test_parse_money_accepts(text: str, cents: int) -> None:
    assert parse_money(text) == cents


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Enter a price"),
        ("   ", "Enter a price"),
        ("-5", "A price cannot be negative"),
        ("-€1.00", "A price cannot be negative"),
        ("€-1.00", "A price cannot be negative"),
        ("\u22121,00 €", "A price cannot be negative"),
        ("abc", "'abc' is not an amount"),
        ("12abc", "'12abc' is not an amount"),
        ("€", "'€' is not an amount"),
        ("49.9.9", "'49.9.9' is not an amount"),
        (".5", "'.5' is not an amount"),
        ("49.", "'49.' is not an amount"),
        ("1e3", "'1e3' is not an amount"),
        ("+5", "'+5' is not an amount"),
        ("١٢", "'١٢' is not an amount"),  # Arabic-Indic digits are not accepted
        ("1.299,50.00", "'1.299,50.00' is not an amount"),
        ("49.9999", "'49.9999' has more than two decimal places"),
        ("0.999", "'0.999' has more than two decimal places"),
        ("1234,567", "'1234,567' has more than two decimal places"),
        ("1 299,505", "'1 299,505' has more than two decimal places"),
        (
            "1,299",
            "'1,299' is ambiguous: write 1299 for the whole amount, or use at most two decimals",
        ),
        (
            "1.299",
            "'1.299' is ambiguous: write 1299 for the whole amount, or use at most two decimals",
        ),
        (
            "49.999",
            "'49.999' is ambiguous: write 49999 for the whole amount, or use at most two decimals",
        ),
        ("1,29,9.00", "'1,29,9.00' has thousands separators in the wrong places"),
        ("12,34.50", "'12,34.50' has thousands separators in the wrong places"),
        ("1 2345", "'1 2345' has thousands separators in the wrong places"),
        ("1,5 6", "'1,5 6' has thousands separators in the wrong places"),
        ("1.299,5.0", "'1.299,5.0' is not an amount"),
        ("1 234.567,89", "'1 234.567,89' mixes different thousands separators"),
        ("1 234'567", "'1 234'567' mixes different thousands separators"),
        ("€49.99 USD", "'€49.99 USD' mixes two currencies"),
        ("$ 5 €", "'$ 5 €' mixes two currencies"),
    ],
)
def test_parse_money_rejects_with_message(text: str, message: str) -> None:
    with pytest.raises(MoneyParseError) as info:
        parse_money(text)
    assert str(info.value) == message


def test_parse_error_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="not an amount"):
        parse_money("x")


def test_long_input_is_quoted_shortened() -> None:
    with pytest.raises(MoneyParseError) as info:
        parse_money("x" * 500)
    message = str(info.value)
    assert message.endswith("…' is not an amount")
    assert len(message) < 80


def test_parser_does_not_enforce_price_minimum_or_maximum() -> None:
    assert parse_money("0.00") == 0
    assert parse_money("123456789012.34") == 12345678901234


def test_expected_currency_rejects_other_marker() -> None:
    assert parse_money("€5", expected=Currency.EUR) == 500
    assert parse_money("5", expected=Currency.USD) == 500
    with pytest.raises(MoneyParseError) as info:
        parse_money("€5", expected=Currency.USD)
    assert str(info.value) == "'€5' is in EUR, but this cart is in USD"


def test_same_currency_twice_is_fine() -> None:
    assert parse_money("€ 5 EUR") == 500


@pytest.mark.parametrize(
    ("cents", "currency", "text"),
    [
        (129950, Currency.EUR, "€1,299.50"),
        (5, Currency.USD, "$0.05"),
        (0, Currency.EUR, "€0.00"),
        (-100, Currency.EUR, "-€1.00"),
        (123456789, Currency.USD, "$1,234,567.89"),
        (100000, Currency.EUR, "€1,000.00"),
    ],
)
def test_format_cents(cents: int, currency: Currency, text: str) -> None:
    assert format_cents(cents, currency) == text


def test_currency_symbols_and_values() -> None:
    assert Currency.EUR.symbol == "€"
    assert Currency.USD.symbol == "$"
    assert Currency("EUR") is Currency.EUR
    assert str(Currency.USD) == "USD"


@pytest.mark.parametrize(
    ("cents", "value"),
    [(1299, Decimal("12.99")), (100, Decimal("1.00")), (5, Decimal("0.05")), (0, Decimal("0.00"))],
)
def test_cents_to_decimal(cents: int, value: Decimal) -> None:
    result = cents_to_decimal(cents)
    assert result == value
    assert str(result) == str(value)
