"""Handing a link over: message templates, ``mailto:`` links, SMS part counts, and what an
agent reads aloud (a subscription's terms, a cart, a session id in a phonetic alphabet).

Pure functions, no Qt, no I/O. The UI words the values (amounts in the agent's locale, the
time left); this module only puts them into the agent's templates.

Templates have a language: the default ones are written in English and in French (for French
customers) and follow the app's language each time they are read (:class:`MessageTemplates`'
defaults); a template the agent edited or the organisation's policy provides keeps its text.
The placeholders are the same in every language.
"""

from __future__ import annotations

import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final
from urllib.parse import quote

from inflow_desk.domain.i18n import QT_TRANSLATE_NOOP, translate
from inflow_desk.domain.offers import (
    MoneyFormatter,
    describe_cycles,
    describe_interval,
    format_offer_amount,
    offer_title,
)

# ---------------------------------------------------------------------------- templates

#: Every placeholder a template may use, with what it stands for (Settings shows this list).
#: (The descriptions in English: :func:`placeholder_description` words one in the app's language.)
PLACEHOLDERS: Final[Mapping[str, str]] = {
    "link": QT_TRANSLATE_NOOP("MessageTemplates", "the checkout link"),
    "amount": QT_TRANSLATE_NOOP("MessageTemplates", "what the link charges, e.g. €49.99"),
    "items": QT_TRANSLATE_NOOP(
        "MessageTemplates", "the cart (2 × Starter kit, 1 × Cable) or the offer's name"
    ),
    "offer": QT_TRANSLATE_NOOP(
        "MessageTemplates", "the subscription offer's name (empty for a cart)"
    ),
    "expires_at": QT_TRANSLATE_NOOP("MessageTemplates", "when the link stops working, e.g. 15:42"),
    "expires_in": QT_TRANSLATE_NOOP("MessageTemplates", "how long it works from now, e.g. 58 min"),
    "merchant": QT_TRANSLATE_NOOP("MessageTemplates", "the merchant account's name"),
    "customer_email": QT_TRANSLATE_NOOP(
        "MessageTemplates", "the customer's e-mail address (empty when none was typed)"
    ),
}


def placeholder_description(name: str) -> str:
    """What placeholder ``name`` stands for, in the app's language (``""`` if unknown)."""
    description = PLACEHOLDERS.get(name)
    return translate("MessageTemplates", description) if description else ""


#: The default templates' English text (the source of their translations): what
#: :func:`default_templates` gives in the app's language.
DEFAULT_MESSAGE_TEMPLATE: Final = QT_TRANSLATE_NOOP(
    "MessageTemplates",
    "Hello,\n"
    "\n"
    "here is your secure payment link for {items} ({amount}):\n"
    "{link}\n"
    "\n"
    "It works until {expires_at} ({expires_in} from now).\n"
    "\n"
    "Kind regards,\n"
    "{merchant}",
)
DEFAULT_SMS_TEMPLATE: Final = QT_TRANSLATE_NOOP(
    "MessageTemplates", "{merchant}: pay {amount} at {link} (valid until {expires_at})"
)
DEFAULT_SUBJECT_TEMPLATE: Final = QT_TRANSLATE_NOOP(
    "MessageTemplates", "Your payment link from {merchant}"
)


def default_message_template() -> str:
    """The default chat/e-mail text in the app's language."""
    return translate("MessageTemplates", DEFAULT_MESSAGE_TEMPLATE)


def default_sms_template() -> str:
    """The default SMS text in the app's language."""
    return translate("MessageTemplates", DEFAULT_SMS_TEMPLATE)


def default_subject_template() -> str:
    """The default e-mail subject in the app's language."""
    return translate("MessageTemplates", DEFAULT_SUBJECT_TEMPLATE)


class TemplateError(ValueError):
    """A template that cannot be used; ``str(err)`` is a sentence for the agent."""


def template_problem(template: str) -> str | None:
    """Why ``template`` cannot be used (unknown placeholder, stray brace…), or None.

    ``{{`` and ``}}`` write a literal brace. Format specs (``{amount:>9}``), conversions
    (``{link!r}``), attributes and indexes are refused: a template only names placeholders.
    """
    try:
        parts = list(string.Formatter().parse(template))
    except ValueError:
        # (no .format on these two: the braces are shown as written)
        return translate(
            "MessageTemplates", "A brace is not closed: write {{ or }} for a brace in the text."
        )
    unknown: list[str] = []
    for _literal, name, spec, conversion in parts:
        if name is None:
            continue
        if name == "":
            return translate(
                "MessageTemplates",
                "An empty {} is not a placeholder: write {{}} for braces in the text.",
            )
        if spec or conversion:
            return translate(
                "MessageTemplates",
                "{{{name}…}}: a placeholder is written as {{name}}, nothing more.",
            ).format(name=name)
        if name not in PLACEHOLDERS and name not in unknown:
            unknown.append(name)
    if unknown:
        names = ", ".join("{" + n + "}" for n in unknown)
        known = ", ".join("{" + n + "}" for n in PLACEHOLDERS)
        count = len(unknown)  # (a plain name: lupdate skips a call counting an expression)
        return translate(
            "MessageTemplates", "Unknown placeholder(s) {names}. Known: {known}.", None, count
        ).format(names=names, known=known)
    return None


def render_template(template: str, values: Mapping[str, str]) -> str:
    """The template with every placeholder replaced; raises :class:`TemplateError` for a
    template :func:`template_problem` refuses. A placeholder with no value renders empty."""
    problem = template_problem(template)
    if problem is not None:
        raise TemplateError(problem)
    out: list[str] = []
    for literal, name, _spec, _conversion in string.Formatter().parse(template):
        out.append(literal)
        if name is not None:
            out.append(values.get(name, ""))
    return "".join(out)


@dataclass(frozen=True)
class MessageTemplates:
    """A profile's templates: the chat/e-mail text, the SMS text, the e-mail subject. One
    not given is the default in the app's language at the time it is made."""

    message: str = field(default_factory=default_message_template)
    sms: str = field(default_factory=default_sms_template)
    subject: str = field(default_factory=default_subject_template)

    def problems(self) -> dict[str, str]:
        """``{"message": reason, ...}`` for each template that cannot be used."""
        found = {
            "message": template_problem(self.message),
            "sms": template_problem(self.sms),
            "subject": template_problem(self.subject),
        }
        return {key: value for key, value in found.items() if value is not None}

    def edited(self) -> dict[str, str]:
        """``{"message": text, ...}`` for each template that is not the default in the app's
        language (:func:`reads_as_default`): what the agent wrote, to be kept as written. The
        others are left out: they follow the app's language."""
        defaults = MessageTemplates()
        found = {
            "message": (self.message, defaults.message),
            "sms": (self.sms, defaults.sms),
            "subject": (self.subject, defaults.subject),
        }
        return {
            key: text
            for key, (text, default) in found.items()
            if not reads_as_default(text, default)
        }


def reads_as_default(text: str, default: str) -> bool:
    """Whether ``text`` is ``default`` as a text edit gives it back: the same characters, a
    no-break space (French typography, before a colon) allowed to be a plain one: Qt's text
    edits give a no-break space back as a plain space, and the agent cannot see the difference."""
    return text == default or text.replace("\xa0", " ") == default.replace("\xa0", " ")


# ---------------------------------------------------------------------------- mailto

# RFC 6068 §2: in an addr-spec only these stay as they are (besides letters and digits);
# everything else, including "?", "#", "%" and "&", is percent-encoded (UTF-8).
_ADDR_SAFE: Final = "@!$'*+-._~"


def mailto_url(to: str, subject: str, body: str) -> str:
    """``mailto:`` link for the default mail client (RFC 6068): the recipient, subject and
    body UTF-8 percent-encoded (``&``, ``?``, ``#``, ``%``, ``+`` and non-ASCII included);
    line breaks in the body become ``%0D%0A``."""
    body_crlf = body.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\r\n")
    query = []
    if subject:
        query.append("subject=" + quote(subject, safe=""))
    if body_crlf:
        query.append("body=" + quote(body_crlf, safe=""))
    address = quote(to.strip(), safe=_ADDR_SAFE)
    return "mailto:" + address + ("?" + "&".join(query) if query else "")


# ---------------------------------------------------------------------------- SMS

# GSM 03.38 default alphabet (one septet each; the escape 0x1B is not a character) and its
# extension table (two septets each: the escape, then the character).
GSM7_BASIC: Final = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENSION: Final = frozenset("\f^{}\\[~]|€")

GSM7_SINGLE: Final = 160
GSM7_PART: Final = 153  # a concatenated part loses 7 septets to its header
UCS2_SINGLE: Final = 70
UCS2_PART: Final = 67


@dataclass(frozen=True)
class SmsCount:
    """How an SMS text travels: ``encoding`` ("GSM-7" or "UCS-2"), ``characters`` (what
    the agent sees), ``units`` (septets or UTF-16 code units), ``parts`` (messages)."""

    encoding: str
    characters: int
    units: int
    parts: int

    def describe(self) -> str:
        """``"142 characters · 1 SMS (GSM-7)"``, ``"200 characters · 2 SMS parts (GSM-7)"``."""
        count, many = self.characters, self.parts  # (plain names: lupdate skips "self.parts")
        characters = translate("SmsCount", "%n character(s)", None, count)
        parts = (
            translate("SmsCount", "%n SMS", None, many)
            if many <= 1
            else translate("SmsCount", "%n SMS part(s)", None, many)
        )
        return translate("SmsCount", "{characters} · {parts} ({encoding})").format(
            characters=characters, parts=parts, encoding=self.encoding
        )


#: Characters the agent's locale puts in amounts and French text that GSM-7 does not have, and
#: what an SMS says instead (``1 299,50 €`` has two no-break spaces in French).
_SMS_PLAIN: Final = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2019": "'"})


def sms_plain(text: str) -> str:
    """``text`` with no-break spaces as spaces and ’ as ': the same words, but an SMS that
    stays GSM-7 (160 characters a part, not 70) when nothing else needs UCS-2."""
    return text.translate(_SMS_PLAIN)


def is_gsm7(text: str) -> bool:
    return all(ch in GSM7_BASIC or ch in GSM7_EXTENSION for ch in text)


def _parts(sizes: Sequence[int], single: int, per_part: int) -> int:
    """Parts for symbols of ``sizes`` units; a symbol (an escaped GSM character, a
    surrogate pair) is never split between two parts."""
    total = sum(sizes)
    if total == 0:
        return 0
    if total <= single:
        return 1
    parts, used = 1, 0
    for size in sizes:
        if used + size > per_part:
            parts += 1
            used = 0
        used += size
    return parts


def sms_count(text: str) -> SmsCount:
    """Characters, units and parts of ``text`` as an SMS: GSM-7 when every character is in
    the GSM alphabet (extension characters such as € count twice), else UCS-2 (UTF-16 code
    units: an emoji counts twice)."""
    if is_gsm7(text):
        sizes = [2 if ch in GSM7_EXTENSION else 1 for ch in text]
        return SmsCount("GSM-7", len(text), sum(sizes), _parts(sizes, GSM7_SINGLE, GSM7_PART))
    sizes = [2 if ord(ch) > 0xFFFF else 1 for ch in text]
    return SmsCount("UCS-2", len(text), sum(sizes), _parts(sizes, UCS2_SINGLE, UCS2_PART))


# ---------------------------------------------------------------------------- read aloud

#: Each character's word on the phone (the words in English: :func:`spell_word` says them in
#: the app's language; the letters' code words are the same in every language).
NATO: Final[Mapping[str, str]] = {
    "a": QT_TRANSLATE_NOOP("ReadAloud", "Alfa"),
    "b": QT_TRANSLATE_NOOP("ReadAloud", "Bravo"),
    "c": QT_TRANSLATE_NOOP("ReadAloud", "Charlie"),
    "d": QT_TRANSLATE_NOOP("ReadAloud", "Delta"),
    "e": QT_TRANSLATE_NOOP("ReadAloud", "Echo"),
    "f": QT_TRANSLATE_NOOP("ReadAloud", "Foxtrot"),
    "g": QT_TRANSLATE_NOOP("ReadAloud", "Golf"),
    "h": QT_TRANSLATE_NOOP("ReadAloud", "Hotel"),
    "i": QT_TRANSLATE_NOOP("ReadAloud", "India"),
    "j": QT_TRANSLATE_NOOP("ReadAloud", "Juliett"),
    "k": QT_TRANSLATE_NOOP("ReadAloud", "Kilo"),
    "l": QT_TRANSLATE_NOOP("ReadAloud", "Lima"),
    "m": QT_TRANSLATE_NOOP("ReadAloud", "Mike"),
    "n": QT_TRANSLATE_NOOP("ReadAloud", "November"),
    "o": QT_TRANSLATE_NOOP("ReadAloud", "Oscar"),
    "p": QT_TRANSLATE_NOOP("ReadAloud", "Papa"),
    "q": QT_TRANSLATE_NOOP("ReadAloud", "Quebec"),
    "r": QT_TRANSLATE_NOOP("ReadAloud", "Romeo"),
    "s": QT_TRANSLATE_NOOP("ReadAloud", "Sierra"),
    "t": QT_TRANSLATE_NOOP("ReadAloud", "Tango"),
    "u": QT_TRANSLATE_NOOP("ReadAloud", "Uniform"),
    "v": QT_TRANSLATE_NOOP("ReadAloud", "Victor"),
    "w": QT_TRANSLATE_NOOP("ReadAloud", "Whiskey"),
    "x": QT_TRANSLATE_NOOP("ReadAloud", "X-ray"),
    "y": QT_TRANSLATE_NOOP("ReadAloud", "Yankee"),
    "z": QT_TRANSLATE_NOOP("ReadAloud", "Zulu"),
    "0": QT_TRANSLATE_NOOP("ReadAloud", "Zero"),
    "1": QT_TRANSLATE_NOOP("ReadAloud", "One"),
    "2": QT_TRANSLATE_NOOP("ReadAloud", "Two"),
    "3": QT_TRANSLATE_NOOP("ReadAloud", "Three"),
    "4": QT_TRANSLATE_NOOP("ReadAloud", "Four"),
    "5": QT_TRANSLATE_NOOP("ReadAloud", "Five"),
    "6": QT_TRANSLATE_NOOP("ReadAloud", "Six"),
    "7": QT_TRANSLATE_NOOP("ReadAloud", "Seven"),
    "8": QT_TRANSLATE_NOOP("ReadAloud", "Eight"),
    "9": QT_TRANSLATE_NOOP("ReadAloud", "Nine"),
    "_": QT_TRANSLATE_NOOP("ReadAloud", "underscore"),
    "-": QT_TRANSLATE_NOOP("ReadAloud", "dash"),
    ".": QT_TRANSLATE_NOOP("ReadAloud", "dot"),
    "/": QT_TRANSLATE_NOOP("ReadAloud", "slash"),
}


def spell_word(ch: str) -> str:
    """One character for the phone: ``"H"`` → ``"capital Hotel"``, ``"h"`` → ``"Hotel"``."""
    word = NATO.get(ch.lower())
    if word is None:
        return translate("ReadAloud", "“{character}”").format(character=ch)
    said = translate("ReadAloud", word)
    if ch.isalpha() and ch.isupper():
        return translate("ReadAloud", "capital {letter}").format(letter=said)
    return said


def spell_groups(text: str, size: int = 4) -> list[tuple[str, str]]:
    """``text`` in groups of ``size`` characters, each with its spelling:
    ``[("sess", "Sierra Echo Sierra Sierra"), ("_7Hq", "underscore Seven capital Hotel
    Quebec"), ...]``."""
    groups = [text[i : i + size] for i in range(0, len(text), size)]
    return [(group, " ".join(spell_word(ch) for ch in group)) for group in groups]


@dataclass(frozen=True)
class CartLine:
    """A cart line as read aloud: name, unit price and quantity."""

    name: str
    unit_price_cents: int
    quantity: int


def cart_sentence(lines: Sequence[CartLine], total_cents: int, money: Any) -> str:
    """``"2 × Starter kit at €49.99 each, and 1 × Cable at €5.00: €104.98 in total."``
    (``money`` words cents in the link's currency)."""
    worded = [
        (
            translate("ReadAloud", "{quantity} × {name} at {price} each")
            if line.quantity != 1
            else translate("ReadAloud", "{quantity} × {name} at {price}")
        ).format(quantity=line.quantity, name=line.name, price=money(line.unit_price_cents))
        for line in lines
    ]
    total = money(total_cents)
    if not worded:
        return translate("ReadAloud", "{total} in total.").format(total=total)
    listed = worded[0]
    if len(worded) > 1:
        listed = translate("ReadAloud", "{items}, and {last}").format(
            items=", ".join(worded[:-1]), last=worded[-1]
        )
    return translate("ReadAloud", "You will pay for {items}: {total} in total.").format(
        items=listed, total=total
    )


def subscription_sentence(
    offer: Mapping[str, Any], money: MoneyFormatter = format_offer_amount
) -> str:
    """What an agent reads before sending a subscription link: the offer, the price and how
    often, the free trial and what happens after it, the first payment, the number of
    payments. Missing values are left out, never guessed."""
    name = offer_title(offer)
    currency = str(offer.get("currency") or "")
    amount_value = offer.get("amountInCents")
    amount = (
        money(amount_value, currency)
        if isinstance(amount_value, int) and not isinstance(amount_value, bool)
        else None
    )
    interval = describe_interval(offer.get("interval"), offer.get("intervalCount"))
    interval_words = (
        translate("ReadAloud", "per {interval}").format(interval=interval[2:])
        if interval.startswith("/ ")
        else interval
    )
    price = (
        translate("ReadAloud", "{amount} {interval}")
        .format(amount=amount, interval=interval_words)
        .strip()
        if amount
        else translate("ReadAloud", "a price not listed here")
    )
    sentences = [
        translate("ReadAloud", "This is the {name} subscription: {price}.").format(
            name=name, price=price
        )
    ]
    days = offer.get("trialPeriodDays")
    fee_value = offer.get("entryFeesInCents")
    fee = (
        money(fee_value, currency)
        if isinstance(fee_value, int) and not isinstance(fee_value, bool)
        else None
    )
    if isinstance(days, int) and not isinstance(days, bool) and days > 0:
        sentences.append(
            translate(
                "ReadAloud",
                "The first %n day(s) are free; nothing is charged before then.",
                None,
                days,
            )
        )
        sentences.append(
            translate(
                "ReadAloud", "After the trial you pay {price}, unless you cancel before it ends."
            ).format(price=price)
            if amount
            else translate(
                "ReadAloud",
                "After the trial the subscription is charged, unless you cancel before it ends.",
            )
        )
    if fee is not None:
        sentences.append(
            translate(
                "ReadAloud", "The first payment is {fee} instead of the regular charge."
            ).format(fee=fee)
        )
    cycles = describe_cycles(offer)
    if cycles is not None:
        sentences.append(translate("ReadAloud", "It ends after {cycles}.").format(cycles=cycles))
    else:
        sentences.append(translate("ReadAloud", "It renews until you cancel."))
    return " ".join(sentences)
