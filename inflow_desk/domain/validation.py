"""Field checks. Each returns ``None`` when the value is fine, else a short sentence for the agent.

The messages never name the field: the UI shows them right next to it.
"""

from __future__ import annotations

import contextlib
import ipaddress
import math
import re
from typing import Final
from urllib.parse import urlsplit

from inflow_desk.domain import limits
from inflow_desk.domain.i18n import QT_TRANSLATE_NOOP, money_text, number_text, translate
from inflow_desk.domain.money import Currency

EMAIL_MESSAGE: Final = QT_TRANSLATE_NOOP(
    "Validation", "Enter a valid e-mail address, like name@example.com"
)
URL_MESSAGE: Final = QT_TRANSLATE_NOOP(
    "Validation", "Enter a full web address starting with https:// or http://"
)

_CONTROL_RE: Final = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
#: Bidi embeddings, overrides (U+202A–U+202E) and isolates (U+2066–U+2069): they reorder what
#: the customer reads on the checkout page ("Trojan Source"); never needed in a product name.
_BIDI_CONTROL_RE: Final = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
#: A lone UTF-16 surrogate (a broken paste): cannot be encoded, so cannot be sent or saved.
_SURROGATE_RE: Final = re.compile(r"[\ud800-\udfff]")
#: Letters that draw nothing, although they are not format characters or spaces.
_BLANK_LETTERS: Final = frozenset("\u115f\u1160\u3164\uffa0\u2800\u180e\u034f\u17b4\u17b5")
#: Format characters (zero-width space, word joiner, BOM, soft hyphen…), spaces, separators,
#: controls and marks that cannot stand alone: a name made only of these shows nothing.
_INVISIBLE_CATEGORIES: Final = frozenset({"Cf", "Cc", "Zs", "Zl", "Zp", "Mn", "Me"})
INVISIBLE_MESSAGE: Final = QT_TRANSLATE_NOOP(
    "Validation", "Contains invisible or direction-changing characters"
)
SURROGATE_MESSAGE: Final = QT_TRANSLATE_NOOP(
    "Validation",
    "Contains a broken character (probably from a copy-paste): type it again by hand",
)
BACKSLASH_URL_MESSAGE: Final = QT_TRANSLATE_NOOP(
    "Validation",
    "Remove the backslash (\\) from the address: browsers read it as '/' and would open "
    "another site than the one shown",
)
CREDENTIALS_URL_MESSAGE: Final = QT_TRANSLATE_NOOP(
    "Validation", "Remove the user name and password (the part before '@')"
)
# Dot-atom local part (RFC 5322 without quoted strings), the pragmatic subset mail forms accept.
_LOCAL_RE: Final = re.compile(
    r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
)
# A domain label: letters (any script) or digits, hyphens inside only.
_LABEL_RE: Final = re.compile(r"[^\W_](?:[^\W_]|-){0,61}[^\W_]|[^\W_]")
# A top-level domain: 2-63 letters of the Basic Multilingual Plane, or xn-- punycode.
_TLD_RE: Final = re.compile(
    r"(?:(?![\d_\U00010000-\U0010ffff])\w){2,63}|xn--[a-z0-9-]{2,59}", re.IGNORECASE
)
#: An offer id: letters, digits, ``_`` and ``-`` (also used to pick ids out of links).
OFFER_ID_PATTERN: Final = rf"[A-Za-z0-9_-]{{1,{limits.MAX_OFFER_ID_LENGTH}}}"
_OFFER_ID_RE: Final = re.compile(OFFER_ID_PATTERN)
_MAX_LOCAL_LENGTH: Final = 64
_MAX_DOMAIN_LENGTH: Final = 253


def _shows_nothing(text: str) -> bool:
    """Whether every character of ``text`` is invisible on its own."""
    if any(ch.isascii() and ch.isprintable() and not ch.isspace() for ch in text):
        return False  # the usual name: no need to load the Unicode tables at start-up
    import unicodedata

    return all(
        ch in _BLANK_LETTERS or unicodedata.category(ch) in _INVISIBLE_CATEGORIES for ch in text
    )


def check_name(name: str) -> str | None:
    """A product name: not blank, at most 200 characters (after trimming), one line.

    Also refused: a name that shows nothing (only zero-width spaces, word joiners, soft
    hyphens, BOMs…), a name with bidi overrides or isolates (they change the order in which the
    customer reads it) and a lone surrogate (a broken paste that cannot be encoded).
    """
    if _SURROGATE_RE.search(name):
        return translate("Validation", SURROGATE_MESSAGE)
    trimmed = name.strip()
    if not trimmed:
        return translate("Validation", "Enter a product name")
    if len(trimmed) > limits.MAX_NAME_LENGTH:
        return translate("Validation", "Name is longer than {limit} characters").format(
            limit=number_text(limits.MAX_NAME_LENGTH)
        )
    if _CONTROL_RE.search(trimmed):
        return translate("Validation", "Name cannot contain line breaks or control characters")
    if _BIDI_CONTROL_RE.search(trimmed) or _shows_nothing(trimmed):
        return translate("Validation", INVISIBLE_MESSAGE)
    return None


def check_unit_price(cents: int) -> str | None:
    """A unit price in cents: at least 0.01, at most 999,999.99."""
    if isinstance(cents, bool) or not isinstance(cents, int):
        return translate("Validation", "Enter a price")
    if cents < limits.MIN_UNIT_PRICE_CENTS:
        return translate("Validation", "Price must be at least 0.01")
    if cents > limits.MAX_UNIT_PRICE_CENTS:
        return translate("Validation", "Price cannot exceed {limit}").format(
            limit=money_text(limits.MAX_UNIT_PRICE_CENTS)
        )
    return None


def check_quantity(quantity: int) -> str | None:
    """A quantity: a whole number from 1 to 10,000."""
    if isinstance(quantity, bool) or not isinstance(quantity, int) or quantity < 1:
        return translate("Validation", "Quantity must be a whole number of at least 1")
    if quantity > limits.MAX_QUANTITY:
        return translate("Validation", "Quantity cannot exceed {limit}").format(
            limit=number_text(limits.MAX_QUANTITY)
        )
    return None


def check_email(email: str) -> str | None:
    """A pragmatic e-mail check (surrounding whitespace is ignored).

    One ``@``; a dot-atom local part of at most 64 characters; a domain of at least two
    labels made of letters (any script), digits and inner hyphens; a top-level domain of at
    least two letters (or ``xn--`` punycode); at most 254 characters in all.
    """
    value = email.strip()
    if len(value) > limits.MAX_EMAIL_LENGTH:
        return translate("Validation", "E-mail address is longer than {limit} characters").format(
            limit=number_text(limits.MAX_EMAIL_LENGTH)
        )
    if value.count("@") != 1:
        return translate("Validation", EMAIL_MESSAGE)
    local, domain = value.split("@")
    if len(local) > _MAX_LOCAL_LENGTH or not _LOCAL_RE.fullmatch(local):
        return translate("Validation", EMAIL_MESSAGE)
    if not _valid_domain(domain):
        return translate("Validation", EMAIL_MESSAGE)
    return None


def _valid_domain(domain: str) -> bool:
    labels = domain.split(".")
    if len(labels) < 2 or len(domain) > _MAX_DOMAIN_LENGTH:
        return False
    if not all(_LABEL_RE.fullmatch(label) for label in labels):
        return False
    return bool(_TLD_RE.fullmatch(labels[-1]))


def check_redirect_url(url: str) -> str | None:
    """An absolute http(s) address with a host, no spaces, at most 2048 characters.

    No user name or password (``https://user:pw@shop.example/`` — a classic way to make an
    address look like another site) and no backslash (browsers read ``\\`` as ``/``, so in
    ``https://shop.example\\@evil.example/`` they go to shop.example while a URL parser sees
    evil.example); no lone surrogate (cannot be encoded) or bidi control.
    """
    problem = _redirect_url_problem(url)
    return None if problem is None else translate("Validation", problem)


def _redirect_url_problem(url: str) -> str | None:
    """:func:`check_redirect_url`'s message, untranslated (the constants above)."""
    if _SURROGATE_RE.search(url):
        return SURROGATE_MESSAGE
    value = url.strip()
    if len(value) > limits.MAX_URL_LENGTH:
        return translate("Validation", "Web address is longer than {limit} characters").format(
            limit=number_text(limits.MAX_URL_LENGTH)
        )
    if not value or any(c.isspace() for c in value) or _CONTROL_RE.search(value):
        return URL_MESSAGE
    if "\\" in value:
        return BACKSLASH_URL_MESSAGE
    if _BIDI_CONTROL_RE.search(value):
        return INVISIBLE_MESSAGE
    try:
        parts = urlsplit(value)
        port_ok = parts.port is None or parts.port > 0
    except ValueError:
        return URL_MESSAGE
    if parts.scheme.lower() not in ("http", "https") or not port_ok:
        return URL_MESSAGE
    if not value.lower().startswith(("http://", "https://")):
        return URL_MESSAGE
    if "@" in parts.netloc:
        return CREDENTIALS_URL_MESSAGE
    host = parts.hostname or ""
    if not _valid_host(host):
        return URL_MESSAGE
    return None


def _valid_host(host: str) -> bool:
    with contextlib.suppress(ValueError):
        ipaddress.ip_address(host)
        return True
    name = host.removesuffix(".")
    if not name or len(name) > _MAX_DOMAIN_LENGTH:
        return False
    return all(_LABEL_RE.fullmatch(label) for label in name.split("."))


def check_expires_in(hours: float) -> str | None:
    """Session lifetime in hours: 0.25 (15 minutes) to 720 (30 days)."""
    if isinstance(hours, bool) or not isinstance(hours, int | float):
        return translate("Validation", "Expiry must be a number of hours")
    if isinstance(hours, float) and not math.isfinite(hours):
        return translate("Validation", "Expiry must be a number of hours")
    if hours < limits.MIN_EXPIRES_IN_HOURS:
        return translate("Validation", "Expiry must be at least 0.25 hours (15 minutes)")
    if hours > limits.MAX_EXPIRES_IN_HOURS:
        return translate("Validation", "Expiry cannot exceed {limit} hours (30 days)").format(
            limit=number_text(round(limits.MAX_EXPIRES_IN_HOURS))
        )
    return None


def check_total(cents: int, currency: Currency) -> str | None:
    """The session total: at least Inflow's minimum payment, at most 9,999,999.99."""
    minimum = limits.MIN_TOTAL_CENTS[Currency(currency)]
    if cents < minimum:
        return translate(
            "Validation", "Total must be at least {minimum} — Inflow's minimum payment"
        ).format(minimum=money_text(minimum, currency))
    if cents > limits.MAX_TOTAL_CENTS:
        return translate("Validation", "Total cannot exceed {limit}").format(
            limit=money_text(limits.MAX_TOTAL_CENTS, currency)
        )
    return None


def check_offer_id(offer_id: str) -> str | None:
    """A subscription offer id: 1–128 letters, digits, ``_`` or ``-``."""
    value = offer_id.strip()
    if not value:
        return translate("Validation", "Enter a subscription offer ID or link")
    if not _OFFER_ID_RE.fullmatch(value):
        return translate(
            "Validation",
            "Not a subscription offer ID: use letters, digits, _ and - only (at most {limit})",
        ).format(limit=number_text(limits.MAX_OFFER_ID_LENGTH))
    return None
