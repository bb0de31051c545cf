"""Whether a ``checkoutUrl`` from the server may be handed to a customer.

The link the agent copies, reads out or shows as a QR code goes straight to a customer who is
about to pay. A compromised proxy or a wrong custom server address could answer with a link of
its own, so the app never trusts it blindly: only ``https://checkout.inflowpay.com`` (Inflow's
documented hosted checkout, inflow-api.md §1) and the hosts a profile names itself are trusted —
exactly: scheme ``https``, no user name or password, no other port, the host compared after
case and IDNA normalisation (a punycode look-alike is another host), no invisible, control,
direction-changing or whitespace characters anywhere, at most :data:`MAX_CHECKOUT_URL_LENGTH`
characters.

Pure Python, no I/O. :func:`check_checkout_url` returns ``None`` for a trusted link, else the
reason in words for the agent (no field name, as in ``validation.py``).
"""

from __future__ import annotations

import string
from collections.abc import Iterable
from typing import Final
from urllib.parse import urlsplit

from inflow_desk.domain import limits
from inflow_desk.domain.i18n import number_text, translate

__all__ = [
    "INFLOW_CHECKOUT_HOST",
    "MAX_CHECKOUT_URL_LENGTH",
    "UntrustedCheckoutUrlError",
    "check_checkout_url",
    "defanged",
    "history_text",
    "normalize_host",
    "parse_hosts",
    "readable",
    "validate_host",
]

INFLOW_CHECKOUT_HOST: Final = "checkout.inflowpay.com"
"""Inflow's hosted checkout (inflow-api.md §1, §3.1 ``/pay/{sessionId}``, §3.4 ``/subscribe/…``)."""

MAX_CHECKOUT_URL_LENGTH: Final = limits.MAX_URL_LENGTH
"""Longer links are refused: Inflow's are about 60 characters, and every accepted link must
fit in a QR code a phone can scan."""

_HTTPS_PORT: Final = 443
#: The loopback literals a demo checkout page may use, as ``loopback_http`` entries write them.
_LOOPBACK_ADDRESSES: Final = {"127.0.0.1": "127.0.0.1", "::1": "[::1]"}
#: What RFC 3986 allows in a URI (unreserved, reserved and ``%``): nothing else is ever in a
#: link Inflow makes, and the rest (``\\``, quotes, ``<>``, spaces…) is read differently by
#: browsers and by parsers.
_URI_CHARACTERS: Final = frozenset(string.ascii_letters + string.digits + "-._~:/?#[]@!$&'()*+,;=%")
#: Unicode categories a reader cannot see or that reorder what is shown (U+202E, U+2066…):
#: controls, format characters (bidi, zero-width), separators, surrogates, private use.
_HIDDEN_CATEGORIES: Final = frozenset({"Cc", "Cf", "Zs", "Zl", "Zp", "Cs", "Co", "Cn"})
_HOST_LABEL_CHARACTERS: Final = frozenset(string.ascii_lowercase + string.digits + "-")
_MAX_HOST_LENGTH: Final = 253


class UntrustedCheckoutUrlError(ValueError):
    """The server's ``checkoutUrl`` is not one the app hands to a customer.

    ``problem`` is the reason in words for the agent; ``url`` is what the server sent.
    ``str(exc)`` never contains the URL (it may be long or hold invisible characters).
    """

    def __init__(self, url: str, problem: str) -> None:
        super().__init__(problem)
        self.url = url
        self.problem = problem


def _code_point(ch: str) -> str:
    import unicodedata  # here: the first frame imports this module, and needs no unicodedata

    name = unicodedata.name(ch, "")
    return f"U+{ord(ch):04X} {name}".rstrip()


def _hidden(ch: str) -> bool:
    if ch.isascii():  # the common case, without unicodedata (not imported at start-up)
        return not ch.isprintable() or ch == " "
    import unicodedata

    return ch.isspace() or unicodedata.category(ch) in _HIDDEN_CATEGORIES


def readable(text: str) -> str:
    """``text`` with every hidden or non-ASCII character written as ``\\u202e`` (so a
    direction-changing or look-alike character is visible, and shows nothing else)."""
    return "".join(
        ch if (ch.isascii() and ch.isprintable()) else ch.encode("unicode_escape").decode("ascii")
        for ch in text
    )


def defanged(url: str) -> str:
    """``url`` made unclickable for a record (``hxxps://…``, hidden characters escaped):
    chat and mail programs do not turn it into a link, support can still read it."""
    text = readable(url)
    scheme, sep, rest = text.partition("://")
    if sep and scheme.lower() in ("http", "https"):
        return "hxxp" + scheme[4:] + "[://]" + rest
    return text


def history_text(url: str, problem: str, *, refused: bool) -> str:
    """What the history keeps as the link of a session whose link was not trusted: marked
    ``REFUSED`` (Production) or ``HELD BACK``, the reason, and the link defanged (so copying
    the row never hands anyone a working link); at most about 2,300 characters."""
    shown = defanged(url)
    if len(shown) > MAX_CHECKOUT_URL_LENGTH:
        shown = f"{shown[:MAX_CHECKOUT_URL_LENGTH]}… ({len(url):,} characters)"
    return f"{'REFUSED' if refused else 'HELD BACK'} ({problem}) {shown}"


def normalize_host(host: str) -> str:
    """The host as DNS compares it: IDNA (punycode) ASCII, lower case, no trailing dot, no
    space around it. :class:`ValueError` (a sentence) when it cannot be a host name."""
    text = host.strip().rstrip(".")
    if not text:
        raise ValueError(translate("CheckoutUrl", "Enter a host name, e.g. checkout.example.com"))
    if any(_hidden(ch) for ch in text):
        raise ValueError(
            translate("CheckoutUrl", "Remove the spaces or invisible characters from the host name")
        )
    try:
        ascii_host = text.encode("idna").decode("ascii").lower()
    except UnicodeError:
        raise _not_a_host(text) from None
    labels = ascii_host.split(".")
    if (
        len(ascii_host) > _MAX_HOST_LENGTH
        or any(not label or len(label) > 63 for label in labels)
        or any(not set(label) <= _HOST_LABEL_CHARACTERS for label in labels)
        or any(label.startswith("-") or label.endswith("-") for label in labels)
    ):
        raise _not_a_host(text)
    return ascii_host


def _not_a_host(text: str) -> ValueError:
    return ValueError(
        translate("CheckoutUrl", "'{host}' is not a host name").format(host=readable(text))
    )


def validate_host(text: str) -> str | None:
    """``None`` if ``text`` can be an extra checkout host (``host`` or ``host:port``), else why
    not."""
    try:
        _split_host_port(text)
    except ValueError as exc:
        return str(exc)
    return None


def parse_hosts(text: str) -> tuple[str, ...]:
    """A comma/space separated list of hosts as typed → normalised ``host[:port]`` entries.
    :class:`ValueError` names the first bad one."""
    hosts: list[str] = []
    for item in text.replace(",", " ").split():
        host, port = _split_host_port(item)
        entry = host if port is None else f"{host}:{port}"
        if entry not in hosts:
            hosts.append(entry)
    return tuple(hosts)


def _split_host_port(text: str) -> tuple[str, int | None]:
    item = text.strip()
    if "/" in item or "@" in item:
        raise ValueError(
            translate(
                "CheckoutUrl", "Enter only the host name (and a port), without https:// or a path"
            )
        )
    host, sep, port_text = item.rpartition(":")
    if not sep:
        return normalize_host(item), None
    if not port_text.isascii() or not port_text.isdigit() or not 0 < int(port_text) < 65536:
        raise ValueError(
            translate("CheckoutUrl", "'{port}' is not a port number").format(
                port=readable(port_text)
            )
        )
    port = int(port_text)
    return normalize_host(host), None if port == _HTTPS_PORT else port


def _allowed(extra_hosts: Iterable[str]) -> set[tuple[str, int | None]]:
    allowed: set[tuple[str, int | None]] = {(INFLOW_CHECKOUT_HOST, None)}
    for entry in extra_hosts:
        try:
            allowed.add(_split_host_port(entry))
        except ValueError:
            continue  # a bad stored entry trusts nothing
    return allowed


def check_checkout_url(
    url: object, *, extra_hosts: Iterable[str] = (), loopback_http: Iterable[str] = ()
) -> str | None:
    """``None`` when ``url`` may be handed to a customer, else why not (for the agent).

    Trusted: ``https://checkout.inflowpay.com/…`` and ``https://<an extra host>/…``, compared
    exactly (see the module docstring). ``extra_hosts`` are ``host`` or ``host:port`` entries
    as :func:`parse_hosts` returns them (unusable entries are ignored).

    ``loopback_http``: ``127.0.0.1:PORT`` / ``[::1]:PORT`` entries whose plain ``http`` links
    are trusted too — the demo emulator's own checkout page (demo mode names it; no profile
    can: a loopback page reaches no customer, and http anywhere else is never trusted). The
    port must be given and must match; every other rule still applies.
    """
    if not isinstance(url, str) or not url:
        return translate("CheckoutUrl", "Inflow's answer contained no link.")
    if len(url) > MAX_CHECKOUT_URL_LENGTH:
        return translate(
            "CheckoutUrl",
            "The link is {length} characters long; a checkout link is never longer than {limit}.",
        ).format(length=number_text(len(url)), limit=number_text(MAX_CHECKOUT_URL_LENGTH))
    hidden = next((ch for ch in url if _hidden(ch)), None)
    if hidden is not None:
        return translate(
            "CheckoutUrl",
            "The link contains an invisible or direction-changing character "
            "({code_point}), which can make it read as another address.",
        ).format(code_point=_code_point(hidden))
    foreign = next((ch for ch in url if not ch.isascii()), None)
    if foreign is not None:
        return translate(
            "CheckoutUrl",
            "The link contains the non-ASCII character '{character}' ({code_point}), "
            "which can imitate another address.",
        ).format(character=foreign, code_point=_code_point(foreign))
    odd = next((ch for ch in url if ch not in _URI_CHARACTERS), None)
    if odd is not None:
        return translate(
            "CheckoutUrl", "The link contains '{character}', which a web address never contains."
        ).format(character=odd)
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return translate("CheckoutUrl", "The link is not a valid web address.")
    loopback = _LOOPBACK_ADDRESSES.get(parts.hostname or "")
    if (  # the demo emulator's own page: http, a loopback literal, the named port
        parts.scheme.lower() == "http"
        and "@" not in parts.netloc
        and loopback is not None
        and port is not None
        and f"{loopback}:{port}" in set(loopback_http)
    ):
        return None
    if parts.scheme.lower() != "https":
        if not parts.scheme:
            return translate(
                "CheckoutUrl", "The link is not secure: it does not start with https:."
            )
        return translate(
            "CheckoutUrl", "The link is not secure: it starts with {scheme}:, not https:."
        ).format(scheme=parts.scheme)
    if "@" in parts.netloc:
        return translate(
            "CheckoutUrl",
            "The link hides its real address behind a user name "
            "('…@{host}'): it does not lead to the host it starts with.",
        ).format(host=parts.hostname or "")
    raw_host = parts.hostname or ""
    try:
        host = normalize_host(raw_host)
    except ValueError:
        return translate("CheckoutUrl", "The link has no valid host name.")
    if raw_host.endswith("."):
        return translate(
            "CheckoutUrl", "The link's host '{host}' ends with a dot; a checkout link never does."
        ).format(host=raw_host)
    key = (host, None if port in (None, _HTTPS_PORT) else port)
    if key in _allowed(extra_hosts):
        return None
    where = host if key[1] is None else f"{host}:{key[1]}"
    if any(label.startswith("xn--") for label in host.split(".")):
        try:
            looks = host.encode("ascii").decode("idna")
        except UnicodeError:
            looks = host
        return translate(
            "CheckoutUrl",
            "The link goes to '{host}', which displays as '{looks}': a look-alike of "
            "another address, not Inflow's checkout.",
        ).format(host=where, looks=looks)
    if host == INFLOW_CHECKOUT_HOST:
        return translate(
            "CheckoutUrl",
            "The link uses port {port} of Inflow's checkout; Inflow's links use none.",
        ).format(port=port)
    return translate(
        "CheckoutUrl",
        "The link goes to '{host}', not to Inflow's checkout ({inflow}) "
        "or a host this profile trusts.",
    ).format(host=where, inflow=INFLOW_CHECKOUT_HOST)
