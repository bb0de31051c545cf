"""Handing a link over: templates, mailto encoding, SMS counts, phonetic spelling, sentences."""

from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from inflow_desk.domain.handover import (
    DEFAULT_MESSAGE_TEMPLATE,
    DEFAULT_SMS_TEMPLATE,
    DEFAULT_SUBJECT_TEMPLATE,
    PLACEHOLDERS,
    CartLine,
    MessageTemplates,
    TemplateError,
    cart_sentence,
    mailto_url,
    render_template,
    sms_count,
    spell_groups,
    subscription_sentence,
    template_problem,
)

VALUES = {
    "link": "https://checkout.inflowpay.com/pay/sess_1",
    "amount": "€49.99",
    "items": "1 × Starter kit",
    "offer": "Pro monthly",
    "expires_at": "15:42",
    "expires_in": "58 min",
    "merchant": "Acme",
    "customer_email": "ana@example.com",
}


def test_every_placeholder_is_rendered() -> None:
    template = " | ".join("{" + name + "}" for name in PLACEHOLDERS)
    assert render_template(template, VALUES) == " | ".join(VALUES[n] for n in PLACEHOLDERS)
    assert set(PLACEHOLDERS) == set(VALUES)


def test_literal_braces_and_missing_values() -> None:
    assert render_template("{{x}} {link}", {}) == "{x} "


@pytest.mark.parametrize(
    ("template", "fragment"),
    [
        ("Pay {amout} now", "{amout}"),
        ("{link} {name} {name}", "Unknown placeholder {name}."),
        ("{a} {b}", "Unknown placeholders {a}, {b}."),
        ("{amount:>9}", "nothing more"),
        ("{link!r}", "nothing more"),
        ("{link.host}", "{link.host}"),
        ("{}", "empty"),
        ("pay { now", "brace"),
        ("pay } now", "brace"),
    ],
)
def test_unknown_or_odd_placeholders_are_refused(template: str, fragment: str) -> None:
    problem = template_problem(template)
    assert problem is not None and fragment in problem
    with pytest.raises(TemplateError):
        render_template(template, VALUES)


def test_defaults_are_valid_and_use_the_link() -> None:
    assert MessageTemplates().problems() == {}
    for template in (DEFAULT_MESSAGE_TEMPLATE, DEFAULT_SMS_TEMPLATE):
        assert VALUES["link"] in render_template(template, VALUES)
    assert "Acme" in render_template(DEFAULT_SUBJECT_TEMPLATE, VALUES)
    assert MessageTemplates(sms="{nope}").problems().keys() == {"sms"}


def _decode_mailto(url: str) -> tuple[str, dict[str, str]]:
    parts = urlsplit(url)
    assert parts.scheme == "mailto"
    assert not parts.fragment  # a "#" in the text must not start a fragment
    query = parse_qs(parts.query, keep_blank_values=True)
    return unquote(parts.path), {k: v[0] for k, v in query.items()}


def test_mailto_round_trips_awkward_text() -> None:
    to = "zoë+tag@exämple.com"
    subject = "Réglement & co? #1 — 50 % off"
    body = "Line 1: a&b=c?d#e\nLine 2: ünïcødé 🙂 + plus\n\nEnd"
    url = mailto_url(to, subject, body)
    assert url.isascii() and " " not in url and "\n" not in url
    address, fields = _decode_mailto(url)
    assert address == to
    assert fields["subject"] == subject
    assert fields["body"] == body.replace("\n", "\r\n")  # RFC 6068: CRLF line breaks
    assert "%0D%0A" in url


def test_mailto_encodes_query_characters_in_the_address() -> None:
    url = mailto_url("a?b#c&d@example.com", "", "x")
    assert url.startswith("mailto:a%3Fb%23c%26d@example.com?body=x")
    assert _decode_mailto(url)[0] == "a?b#c&d@example.com"


def test_mailto_without_subject_and_body() -> None:
    assert mailto_url("ana@example.com", "", "") == "mailto:ana@example.com"


@pytest.mark.parametrize(
    ("text", "encoding", "units", "parts"),
    [
        ("", "GSM-7", 0, 0),
        ("a" * 160, "GSM-7", 160, 1),
        ("a" * 161, "GSM-7", 161, 2),
        ("a" * 306, "GSM-7", 306, 2),
        ("a" * 307, "GSM-7", 307, 3),
        ("€" * 80, "GSM-7", 160, 1),  # € is in the extension table: two septets
        ("€" * 81, "GSM-7", 162, 2),
        ("a" * 158 + "€", "GSM-7", 160, 1),
        ("a" * 159 + "€", "GSM-7", 161, 2),
        ("é" * 160, "GSM-7", 160, 1),  # é is in the basic table
        ("á" * 70, "UCS-2", 70, 1),  # á is not: the whole text becomes UCS-2
        ("á" * 71, "UCS-2", 71, 2),
        ("á" * 134, "UCS-2", 134, 2),
        ("á" * 135, "UCS-2", 135, 3),
        ("🙂" * 35, "UCS-2", 70, 1),  # an emoji is a surrogate pair: two units
        ("🙂" * 36, "UCS-2", 72, 2),
    ],
)
def test_sms_parts(text: str, encoding: str, units: int, parts: int) -> None:
    count = sms_count(text)
    assert (count.encoding, count.units, count.parts) == (encoding, units, parts)
    assert count.characters == len(text)


def test_escaped_characters_and_surrogates_are_not_split_between_parts() -> None:
    # 152 septets, then "€" (2) would straddle the 153-septet boundary: it moves to part 2,
    # 152 + 2 + 152 = 306 septets still need 3 parts.
    assert sms_count("a" * 152 + "€" + "a" * 152).parts == 3
    assert sms_count("a" * 66 + "🙂" + "a" * 66 + "á").parts == 3


def test_sms_describe() -> None:
    assert sms_count("hi").describe() == "2 characters · 1 SMS (GSM-7)"
    assert sms_count("á" * 71).describe() == "71 characters · 2 SMS parts (UCS-2)"


def test_spell_groups() -> None:
    groups = spell_groups("sess_7Hq2")
    assert groups == [
        ("sess", "Sierra Echo Sierra Sierra"),
        ("_7Hq", "underscore Seven capital Hotel Quebec"),
        ("2", "Two"),
    ]
    assert "".join(g for g, _ in spell_groups("ab%cd", size=2)) == "ab%cd"
    assert "“%”" in spell_groups("%")[0][1]


def _money(cents: int) -> str:
    return f"€{cents / 100:.2f}"


def test_cart_sentence() -> None:
    lines = [CartLine("Starter kit", 4999, 2), CartLine("Cable", 500, 1)]
    assert cart_sentence(lines, 10498, _money) == (
        "You will pay for 2 × Starter kit at €49.99 each, and 1 × Cable at €5.00: €104.98 in total."
    )
    assert cart_sentence(lines[1:], 500, _money) == (
        "You will pay for 1 × Cable at €5.00: €5.00 in total."
    )


def test_subscription_sentence_with_trial_fee_and_cycles() -> None:
    offer = {
        "id": "off_1",
        "name": "Pro",
        "amountInCents": 2999,
        "currency": "EUR",
        "interval": "month",
        "intervalCount": 1,
        "trialPeriodDays": 14,
        "entryFeesInCents": 4900,
        "cycleCount": 12,
    }
    text = subscription_sentence(offer)
    assert text.startswith("This is the Pro subscription: €29.99 per month.")
    assert "The first 14 days are free" in text
    assert "After the trial you pay €29.99 per month, unless you cancel" in text
    assert "The first payment is €49.00" in text
    assert text.endswith("It ends after 12 payments.")


def test_subscription_sentence_without_extras() -> None:
    text = subscription_sentence(
        {"id": "off_2", "amountInCents": 500, "currency": "USD", "interval": "week",
         "intervalCount": 2}
    )  # fmt: skip
    assert (
        text == "This is the off_2 subscription: $5.00 every 2 weeks. It renews until you cancel."
    )
    assert "free" not in subscription_sentence({"id": "x", "trialPeriodDays": 0})
