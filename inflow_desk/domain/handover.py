"""Handing a link over: message templates, ``mailto:`` links, SMS part counts, and what an
agent reads aloud (a subscription's terms, a cart, a session id in a phonetic alphabet).

Pure functions, no Qt, no I/O. The UI words the values (amounts in the agent's locale, the
time left); this module only puts them into the agent's templates.
"""

from __future__ import annotations

import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final
from urllib.parse import quote

from inflow_desk.domain.offers import (
    MoneyFormatter,
    describe_cycles,
    describe_interval,
    format_offer_amount,
    offer_title,
)

# ---------------------------------------------------------------------------- templates

#: Every placeholder a template may use, with what it stands for (Settings shows this list).
PLACEHOLDERS: Final[Mapping[str, str]] = {
    "link": "the checkout link",
    "amount": "what the link charges, e.g. €49.99",
    "items": "the cart (2 × Starter kit, 1 × Cable) or the offer's name",
    "offer": "the subscription offer's name (empty for a cart)",
    "expires_at": "when the link stops working, e.g. 15:42",
    "expires_in": "how long it works from now, e.g. 58 min",
    "merchant": "the merchant account's name",
    "customer_email": "the customer's e-mail address (empty when none was typed)",
}

DEFAULT_MESSAGE_TEMPLATE: Final = (
    "Hello,\n"
    "\n"
    "here is your secure payment link for {items} ({amount}):\n"
    "{link}\n"
    "\n"
    "It works until {expires_at} ({expires_in} from now).\n"
    "\n"
    "Kind regards,\n"
    "{merchant}"
)
DEFAULT_SMS_TEMPLATE: Final = "{merchant}: pay {amount} at {link} (valid until {expires_at})"
DEFAULT_SUBJECT_TEMPLATE: Final = "Your payment link from {merchant}"


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
        return "A brace is not closed: write {{ or }} for a brace in the text."
    unknown: list[str] = []
    for _literal, name, spec, conversion in parts:
        if name is None:
            continue
        if name == "":
            return "An empty {} is not a placeholder: write {{}} for braces in the text."
        if spec or conversion:
            return f"{{{name}…}}: a placeholder is written as {{name}}, nothing more."
        if name not in PLACEHOLDERS and name not in unknown:
            unknown.append(name)
    if unknown:
        names = ", ".join("{" + n + "}" for n in unknown)
        known = ", ".join("{" + n + "}" for n in PLACEHOLDERS)
        word = "placeholder" if len(unknown) == 1 else "placeholders"
        return f"Unknown {word} {names}. Known: {known}."
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
    """A profile's templates: the chat/e-mail text, the SMS text, the e-mail subject."""

    message: str = DEFAULT_MESSAGE_TEMPLATE
    sms: str = DEFAULT_SMS_TEMPLATE
    subject: str = DEFAULT_SUBJECT_TEMPLATE

    def problems(self) -> dict[str, str]:
        """``{"message": reason, ...}`` for each template that cannot be used."""
        found = {
            "message": template_problem(self.message),
            "sms": template_problem(self.sms),
            "subject": template_problem(self.subject),
        }
        return {key: value for key, value in found.items() if value is not None}


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
        """``"142 characters · 1 SMS (GSM-7)"``."""
        unit = "SMS" if self.parts <= 1 else "SMS parts"
        return f"{self.characters} characters · {self.parts} {unit} ({self.encoding})"


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

NATO: Final[Mapping[str, str]] = {
    "a": "Alfa", "b": "Bravo", "c": "Charlie", "d": "Delta", "e": "Echo", "f": "Foxtrot",
    "g": "Golf", "h": "Hotel", "i": "India", "j": "Juliett", "k": "Kilo", "l": "Lima",
    "m": "Mike", "n": "November", "o": "Oscar", "p": "Papa", "q": "Quebec", "r": "Romeo",
    "s": "Sierra", "t": "Tango", "u": "Uniform", "v": "Victor", "w": "Whiskey",
    "x": "X-ray", "y": "Yankee", "z": "Zulu",
    "0": "Zero", "1": "One", "2": "Two", "3": "Three", "4": "Four", "5": "Five",
    "6": "Six", "7": "Seven", "8": "Eight", "9": "Nine",
    "_": "underscore", "-": "dash", ".": "dot", "/": "slash",
}  # fmt: skip


def spell_word(ch: str) -> str:
    """One character for the phone: ``"H"`` → ``"capital Hotel"``, ``"h"`` → ``"Hotel"``."""
    word = NATO.get(ch.lower())
    if word is None:
        return f"“{ch}”"
    return f"capital {word}" if ch.isalpha() and ch.isupper() else word


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
        f"{line.quantity} × {line.name} at {money(line.unit_price_cents)}"
        + (" each" if line.quantity != 1 else "")
        for line in lines
    ]
    if not worded:
        return f"{money(total_cents)} in total."
    listed = worded[0] if len(worded) == 1 else ", ".join(worded[:-1]) + ", and " + worded[-1]
    return f"You will pay for {listed}: {money(total_cents)} in total."


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
    interval_words = interval.replace("/ ", "per ") if interval.startswith("/ ") else interval
    price = f"{amount} {interval_words}".strip() if amount else "a price not listed here"
    sentences = [f"This is the {name} subscription: {price}."]
    days = offer.get("trialPeriodDays")
    fee_value = offer.get("entryFeesInCents")
    fee = (
        money(fee_value, currency)
        if isinstance(fee_value, int) and not isinstance(fee_value, bool)
        else None
    )
    if isinstance(days, int) and not isinstance(days, bool) and days > 0:
        day_word = "day" if days == 1 else "days"
        after = f"you pay {price}" if amount else "the subscription is charged"
        sentences.append(
            f"The first {days} {day_word} are free; nothing is charged before then. "
            f"After the trial {after}, unless you cancel before it ends."
        )
    if fee is not None:
        sentences.append(f"The first payment is {fee} instead of the regular charge.")
    cycles = describe_cycles(offer)
    if cycles is not None:
        sentences.append(f"It ends after {cycles}.")
    else:
        sentences.append("It renews until you cancel.")
    return " ".join(sentences)
