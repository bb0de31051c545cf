"""The one place where exceptions become what the agent reads.

Every failure of a background call ends up in :func:`describe_error`; widgets never build error
text of their own. Messages say what happened and what to do, and never contain the API key.
"""

from __future__ import annotations

import errno
import logging
import re
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QMessageLogContext,
    QObject,
    QtMsgType,
    Signal,
    qInstallMessageHandler,
)

from inflow_desk.api.errors import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConnectionCheckUnavailable,
    InflowError,
    InternalServerError,
    NotFoundError,
    OfferListingUnavailable,
    PermissionDeniedError,
    ProxyRefusedError,
    RateLimitError,
    RequestCancelled,
    ResponseTooLargeError,
    TLSVerificationError,
)
from inflow_desk.domain.checkout_url import UntrustedCheckoutUrlError
from inflow_desk.domain.i18n import QT_TRANSLATE_NOOP, translate
from inflow_desk.domain.models import FieldIssue
from inflow_desk.storage.keystore import (
    KEY_CONTROL_CHARACTERS,
    KEY_TOO_LONG,
    MAX_KEY_LENGTH,
    KeyStoreError,
    KeyStoreLocked,
    KeyStoreUnavailable,
    StoredKeyUnusable,
    UnusableKeyError,
)
from inflow_desk.ui.kit.formatting import format_number, format_time

if TYPE_CHECKING:  # not imported at run time: sqlite3 stays out of the first frame
    from inflow_desk.storage.history_journal import HistoryProblem, RecordOutcome

log = logging.getLogger(__name__)
qt_log = logging.getLogger("inflow_desk.qt")


class QrTooLongError(ValueError):
    """``text`` does not fit in any QR code (about 2,300 bytes at our error correction).

    Raised by :func:`inflow_desk.ui.checkout.qr.make_qr`; defined here, with the funnel that
    words it, so ``kit`` needs nothing from the feature folders.
    """

    def __init__(self, length: int) -> None:
        super().__init__(f"{length} characters do not fit in a QR code")
        self.length = length


@dataclass(frozen=True)
class UserMessage:
    """What the agent sees: a headline, an optional hint, and the server's own messages."""

    headline: str
    hint: str = ""
    details: tuple[str, ...] = field(default_factory=tuple)
    #: Server messages that name a field of the form ("customerEmail must be an email"),
    #: so the window can mark that field too.
    field_issues: tuple[FieldIssue, ...] = ()
    #: False when the failure says nothing bad (a check that cannot run here): no alarm colour.
    alarming: bool = True

    def as_text(self) -> str:
        parts = [self.headline]
        if self.details:
            parts.append("\n".join(f"• {d}" for d in self.details))
        if self.hint:
            parts.append(self.hint)
        return "\n".join(parts)


#: "products.0.price must not be less than 1" / "customerEmail must be an email" (NestJS style).
_SERVER_FIELD = re.compile(
    r"^(?:products\.(?P<row>\d+)\.(?P<column>name|price|quantity)"
    r"|(?P<option>currency|products|customerEmail|successUrl|cancelUrl|expiresIn))\b"
)


def server_field_issues(messages: list[str] | tuple[str, ...]) -> tuple[FieldIssue, ...]:
    """The server's validation messages that name one of our fields, as form issues."""
    issues = []
    for message in messages:
        match = _SERVER_FIELD.match(message)
        if match is None:
            continue
        if match["row"] is not None:
            field = f"products[{int(match['row'])}].{match['column']}"
        else:
            field = match["option"]
        text = translate("Errors", "Inflow: {message}").format(message=message)
        issues.append(FieldIssue(field=field, message=text))
    return tuple(issues)


def _number(value: int) -> str:
    """A count or a limit in a message, in the agent's locale (``10,000``, ``10 000``)."""
    return format_number(value)


# ---------------------------------------------------------------------- actions
# ``describe_error(action=...)`` takes what was being attempted as an English phrase (it is
# logged as is) and shows its translation (context "Errors"). Every phrase a caller passes is
# marked here, so that lupdate extracts it; a phrase missing here stays English on screen.
# The messages put it after "could not" / "not allowed to" (French: « de {action} », « à
# {action} »): French translations start with a consonant, so no elision is needed.

#: What the link form is doing (the default).
CREATE_LINK_ACTION = QT_TRANSLATE_NOOP("Errors", "create the link")
#: What Settings › Test connection is doing, in the agent's words (``action``).
TEST_CONNECTION_ACTION = QT_TRANSLATE_NOOP("Errors", "test the connection")
#: What an uncaught exception interrupted.
UNCAUGHT_ACTION = QT_TRANSLATE_NOOP("Errors", "finish what you asked for")
#: The other callers' phrases (checkout, payments, settings): marked for extraction only.
ACTIONS = (
    CREATE_LINK_ACTION,
    TEST_CONNECTION_ACTION,
    UNCAUGHT_ACTION,
    QT_TRANSLATE_NOOP("Errors", "create the subscription link"),
    QT_TRANSLATE_NOOP("Errors", "load the subscription offers"),
    QT_TRANSLATE_NOOP("Errors", "list offers"),
    QT_TRANSLATE_NOOP("Errors", "draw the QR code"),
    QT_TRANSLATE_NOOP("Errors", "simulate the payment"),
    QT_TRANSLATE_NOOP("Errors", "save the profile"),
    QT_TRANSLATE_NOOP("Errors", "save the key"),
    QT_TRANSLATE_NOOP("Errors", "read the key"),
    # Settings' key operations (``_run("save", ...)``): "Could not save."
    QT_TRANSLATE_NOOP("Errors", "check"),
    QT_TRANSLATE_NOOP("Errors", "reveal"),
    QT_TRANSLATE_NOOP("Errors", "save"),
    QT_TRANSLATE_NOOP("Errors", "delete"),
    QT_TRANSLATE_NOOP("Errors", "remove"),
    QT_TRANSLATE_NOOP("Errors", "test"),
)

#: What Test connection says when Inflow rejects the key (translate where shown).
KEY_REJECTED_TEXT = QT_TRANSLATE_NOOP("Errors", "key rejected — wrong key or wrong environment")


def key_rejected_text() -> str:
    """``key rejected — wrong key or wrong environment``, in the agent's language."""
    return translate("Errors", KEY_REJECTED_TEXT)


def key_store_problem_text(exc: KeyStoreError) -> str:
    """What a key store failure means and what to do, in one or two sentences (never the key)."""
    if isinstance(exc, StoredKeyUnusable):
        if exc.reason == KEY_TOO_LONG:
            return translate(
                "Errors",
                "The stored key is longer than {limit} characters, so it cannot be "
                "an API key — open Settings and paste it again.",
            ).format(limit=_number(MAX_KEY_LENGTH))
        return translate(
            "Errors",
            "The stored key contains characters an API key cannot have — open Settings "
            "and paste it again.",
        )
    if isinstance(exc, KeyStoreUnavailable):
        return translate(
            "Errors",
            "No system keychain is available on this computer ({reason}). "
            "You can keep the key in memory for this run only.",
        ).format(reason=translate("KeyStore", exc.reason))  # marked in storage.keystore
    if isinstance(exc, KeyStoreLocked):
        return translate(
            "Errors",
            "The system keychain is locked. Unlock it and try again, "
            "or keep the key in memory for this run only.",
        )
    if exc.action == "save":
        return translate(
            "Errors",
            "The key could not be saved in the system keychain. "
            "Try again, or keep the key in memory for this run only.",
        )
    if exc.action == "delete":
        return translate(
            "Errors",
            "The key could not be removed from the system keychain. "
            "Try again, or remove it with your system's password manager.",
        )
    if exc.action == "read":
        if exc.cause:
            return translate(
                "Errors",
                "The system keychain reported an error while trying to read the key "
                "({cause}). Try again, or keep the key in memory for this run only.",
            ).format(cause=exc.cause)
        return translate(
            "Errors",
            "The system keychain reported an error while trying to read the key. "
            "Try again, or keep the key in memory for this run only.",
        )
    if exc.cause:
        return translate(
            "Errors",
            "The system keychain reported an error while trying to use the key ({cause}). "
            "Try again, or keep the key in memory for this run only.",
        ).format(cause=exc.cause)
    return translate(
        "Errors",
        "The system keychain reported an error while trying to use the key. "
        "Try again, or keep the key in memory for this run only.",
    )


def missing_key_text(profile_name: str) -> str:
    """Why nothing can be sent for a profile without a key, and what to do."""
    return translate(
        "Errors",
        "No API key is stored for the profile “{profile}”. "
        "Open Settings (Ctrl+,) to enter it, or try the demo.",
    ).format(profile=profile_name)


def unusable_key_text(exc: UnusableKeyError) -> str:
    """Why a typed or pasted value cannot be an API key, and what to do (never the value)."""
    if exc.reason == KEY_TOO_LONG:
        return translate(
            "Errors",
            "The API key is longer than {limit} characters: that is not an API key. "
            "Copy it again from the Inflow dashboard.",
        ).format(limit=_number(MAX_KEY_LENGTH))
    if exc.reason == KEY_CONTROL_CHARACTERS:
        return translate(
            "Errors",
            "The API key contains a line break or another invisible character. "
            "Copy it again from the Inflow dashboard.",
        )
    if exc.reason in ("empty", "not text"):
        return translate("Errors", "The API key is empty: paste it from the Inflow dashboard.")
    return translate(
        "Errors",
        "The API key contains spaces or characters an API key cannot have. "
        "Copy it again from the Inflow dashboard.",
    )


def history_read_failed(exc: BaseException) -> UserMessage:
    """The history could not be read (a query of the history table failed)."""
    return UserMessage(
        translate("Errors", "The history could not be read."),
        translate(
            "Errors", "{cause} Try again; the links already created are not affected."
        ).format(cause=_history_cause(exc)),
    )


def export_failed(exc: BaseException, path: str) -> UserMessage:
    """Exporting the history to ``path`` failed."""
    return UserMessage(
        translate("Errors", "Could not write {path}.").format(path=path),
        translate("Errors", "{cause} Choose another place.").format(cause=_os_cause(exc)),
    )


def _history_cause(exc: BaseException) -> str:
    from inflow_desk.storage.history_journal import problem_of

    why = history_problem_text(problem_of(exc))
    return why[0].upper() + why[1:] + "."


def _os_cause(exc: BaseException) -> str:
    if isinstance(exc, PermissionError):
        return translate("Errors", "This place cannot be written (no permission).")
    if isinstance(exc, FileNotFoundError | NotADirectoryError):
        return translate("Errors", "The folder does not exist.")
    if isinstance(exc, IsADirectoryError):
        return translate("Errors", "That is a folder, not a file.")
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return translate("Errors", "The disk is full.")
    if isinstance(exc, OSError):
        return translate("Errors", "The disk reported an error.")
    return translate(
        "Errors",
        "Something unexpected went wrong ({error}); details are in the log file.",
    ).format(error=type(exc).__name__)


def _maybe_created() -> str:
    return translate(
        "Errors",
        "A link may have been created anyway. Creating again is safe for the customer (nothing "
        "is paid until they pay), but they could receive two links.",
    )


def _try_again_or_support() -> str:
    return translate("Errors", "Try again; if it keeps happening, tell support.")


def describe_error(
    exc: BaseException,
    *,
    account: str,
    action: str = CREATE_LINK_ACTION,
    creating: str | None = None,
    logged: bool = False,
) -> UserMessage:
    """Turn any exception from a background call into a message for the agent.

    ``account`` names the merchant account and environment ("Acme — PRODUCTION"); ``action`` is
    what was being attempted, in the agent's words, in English (it is logged as is; the message
    shows its translation: see :data:`ACTIONS`). ``creating`` is the kind of session the
    call was creating (``"one_time"``, ``"subscription"``), or None for a read (listing offers,
    testing the connection), which can never have created a link. ``logged``: the caller
    already logged ``exc`` with its traceback (an unexpected one is not logged twice).
    """
    creates = creating is not None
    doing = translate("Errors", action)
    if isinstance(exc, RequestCancelled):
        if exc.request_sent and creates:
            return UserMessage(
                translate(
                    "Errors",
                    "Cancelled before Inflow answered — the request had already reached "
                    "Inflow, so a link may have been created there.",
                ),
                translate(
                    "Errors",
                    "It is not in the History (no answer came back): look in Inflow's "
                    "dashboard before sending the customer a second link.",
                ),
            )
        return UserMessage(
            translate("Errors", "Cancelled.")
            if exc.request_sent
            else translate("Errors", "Cancelled; nothing was sent to Inflow.")
        )
    if isinstance(exc, ProxyRefusedError):
        return UserMessage(
            translate(
                "Errors",
                "The proxy refused the connection to Inflow ({status}), so nothing was sent.",
            ).format(status=exc.proxy_status),
            translate(
                "Errors",
                "Check this computer's proxy settings (HTTPS_PROXY, the proxy login) or ask "
                "IT, then try again.",
            ),
        )
    if isinstance(exc, TLSVerificationError):
        return UserMessage(
            translate(
                "Errors",
                "Inflow's certificate is not trusted by this computer, so nothing was sent.",
            ),
            translate(
                "Errors",
                "If your company inspects HTTPS traffic, its certificate must be installed in "
                "the operating system (ask IT). Otherwise someone may be intercepting the "
                "connection: do not retry on this network.",
            ),
            (exc.reason,),
        )
    if isinstance(exc, APITimeoutError):
        if exc.request_sent:
            return UserMessage(
                translate(
                    "Errors", "Inflow did not answer in time, so we could not {action}."
                ).format(action=doing),
                _maybe_created() if creates else translate("Errors", "Try again."),
            )
        return UserMessage(
            translate("Errors", "Couldn't reach Inflow (the connection timed out)."),
            translate("Errors", "Check the internet connection and try again."),
        )
    if isinstance(exc, APIConnectionError):
        if exc.request_sent:
            return UserMessage(
                translate("Errors", "The connection to Inflow broke before the answer arrived."),
                _maybe_created() if creates else translate("Errors", "Try again."),
            )
        return UserMessage(
            translate("Errors", "Couldn't reach Inflow (connection refused or no network)."),
            translate("Errors", "Check the internet connection and try again."),
        )
    if isinstance(exc, AuthenticationError):
        if action == TEST_CONNECTION_ACTION:  # Settings: the agent is checking the key itself
            return UserMessage(
                translate("Errors", "Inflow rejected the API key for {account}: {why}.").format(
                    account=account, why=key_rejected_text()
                ),
                translate(
                    "Errors",
                    "A sandbox key does not work on production, and the other way round.",
                ),
            )
        return UserMessage(
            translate("Errors", "Inflow rejected the API key for {account}.").format(
                account=account
            ),
            translate(
                "Errors",
                "Open Settings › Accounts to check the key or the environment "
                "(a sandbox key does not work on production, and the other way round).",
            ),
        )
    if isinstance(exc, PermissionDeniedError):
        return UserMessage(
            translate(
                "Errors", "Inflow refused this API key: it is not allowed to {action} (HTTP 403)."
            ).format(action=doing),
            translate(
                "Errors",
                "Ask an account admin to check the key's permissions in the Inflow dashboard.",
            ),
            tuple(exc.messages),
        )
    if isinstance(exc, OfferListingUnavailable):
        return UserMessage(
            translate("Errors", "Inflow does not list subscription offers for this account."),
            translate(
                "Errors", "Paste an offer id or a subscribe link (…/subscribe/offer_…) instead."
            ),
        )
    if isinstance(exc, ConnectionCheckUnavailable):
        return UserMessage(
            translate(
                "Errors",
                "Could not verify the key this way: the server has no such check (HTTP {status}).",
            ).format(status=exc.status_code),
            translate(
                "Errors",
                "This says nothing against the key: creating a link shows whether it works. "
                "With a custom server address, check that the address is right.",
            ),
            alarming=False,
        )
    if isinstance(exc, NotFoundError):
        if creating == "subscription":
            return UserMessage(
                translate("Errors", "That subscription offer does not exist or has been archived."),
                translate(
                    "Errors", "Pick another offer, or check the offer in the Inflow dashboard."
                ),
                tuple(exc.messages),
            )
        return UserMessage(
            translate("Errors", "Inflow answered “not found” (HTTP 404)."),
            translate(
                "Errors",
                "Checkout sessions may not be enabled for this account yet (Checkout V2 is in "
                "beta), or the server address in Settings is wrong.",
            ),
            tuple(exc.messages),
        )
    if isinstance(exc, BadRequestError):
        return UserMessage(
            translate("Errors", "Inflow refused the request:"),
            translate("Errors", "Correct the fields above and try again."),
            tuple(exc.messages),
            field_issues=server_field_issues(exc.messages),
        )
    if isinstance(exc, RateLimitError):
        if exc.retry_after:
            seconds = round(exc.retry_after)  # a plain name: lupdate reads no expression there
            wait = translate("Errors", "Wait %n second(s) and try again.", None, seconds)
        else:
            wait = translate("Errors", "Wait a moment and try again.")
        return UserMessage(
            translate("Errors", "Inflow is limiting requests right now (HTTP 429)."), wait
        )
    if isinstance(exc, InternalServerError):
        # No details: a 5xx body is a stack-trace-free "Internal server error" or a proxy's page.
        # Any 5xx, 500 included, may come after the session was created (a crash while
        # answering, a proxy timing out in front of a working server).
        return UserMessage(
            translate("Errors", "Inflow had a problem on its side (HTTP {status}).").format(
                status=exc.status_code
            ),
            translate("Errors", "Nothing to fix on your side; try again in a moment.")
            + (" " + _maybe_created() if creates else ""),
        )
    if isinstance(exc, APIStatusError):
        return UserMessage(
            translate("Errors", "Inflow answered with an unexpected error (HTTP {status}).").format(
                status=exc.status_code
            ),
            translate("Errors", "Try again; if it keeps happening, send the log file to support."),
            tuple(exc.messages),
        )
    if isinstance(exc, ResponseTooLargeError):
        return UserMessage(
            translate(
                "Errors", "Inflow's answer was far larger than any real answer, so it was not read."
            ),
            _maybe_created() if creates else _try_again_or_support(),
        )
    if isinstance(exc, APIResponseValidationError):
        return UserMessage(
            translate("Errors", "Inflow answered, but the answer could not be understood."),
            _maybe_created() if creates else _try_again_or_support(),
        )
    if isinstance(exc, InflowError):
        return UserMessage(
            translate("Errors", "Could not {action}.").format(action=doing), str(exc)
        )
    if isinstance(exc, UntrustedCheckoutUrlError):
        return UserMessage(
            translate(
                "Errors",
                "Refused: Inflow's answer held a link this app does not trust, so it is not shown.",
            ),
            translate(
                "Errors",
                "Send the customer no link for this yet. The session is in the history, marked "
                "as refused. A proxy or a wrong server address may be altering the answers: "
                "tell IT or support before you create again.",
            ),
            (exc.problem,),
        )
    if isinstance(exc, QrTooLongError):
        return UserMessage(
            translate(
                "Errors", "This link is too long for a QR code ({length} characters)."
            ).format(length=_number(exc.length)),
            translate("Errors", "Copy the link and send it instead."),
        )
    if isinstance(exc, StoredKeyUnusable):  # it never carries the key
        return UserMessage(
            translate("Errors", "Could not {action}: the stored API key cannot be used.").format(
                action=doing
            ),
            key_store_problem_text(exc),
        )
    if isinstance(exc, KeyStoreError):
        return UserMessage(
            translate("Errors", "Could not {action}.").format(action=doing),
            key_store_problem_text(exc),
        )
    if isinstance(exc, UnusableKeyError):  # it never carries the key
        return UserMessage(unusable_key_text(exc))
    if not logged:
        log.error("unexpected error while trying to %s", action, exc_info=exc)
    return UserMessage(
        translate("Errors", "Something unexpected went wrong ({error}).").format(
            error=type(exc).__name__
        ),
        translate("Errors", "Try again; details are in the log file for support."),
    )


# ---------------------------------------------------------------------- history outcomes

#: What a :class:`~inflow_desk.storage.history_journal.HistoryProblem` means, in the agent's words
#: (keyed by its value, so that this module does not import the storage layer at start-up).
_HISTORY_PROBLEMS = {
    "disk_full": QT_TRANSLATE_NOOP("Errors", "the disk is full"),
    "locked": QT_TRANSLATE_NOOP("Errors", "the history file is locked by another program"),
    "damaged": QT_TRANSLATE_NOOP("Errors", "the history file is damaged"),
    "not_writable": QT_TRANSLATE_NOOP("Errors", "the history file cannot be written"),
    "io_error": QT_TRANSLATE_NOOP("Errors", "the disk reported an error"),
    "unavailable": QT_TRANSLATE_NOOP("Errors", "the history could not be opened"),
    "other": QT_TRANSLATE_NOOP("Errors", "the history could not be written"),
}

#: The window's status after a created link the history could not take (unexpected failure).
#: Marked for extraction; show :func:`history_not_saved_text` (translated).
HISTORY_NOT_SAVED = QT_TRANSLATE_NOOP(
    "Errors", "⚠ Not saved to the history (see the log file). Keep this link somewhere safe."
)


def history_not_saved_text() -> str:
    """:data:`HISTORY_NOT_SAVED` in the agent's language."""
    return translate("Errors", HISTORY_NOT_SAVED)


def history_problem_text(problem: HistoryProblem | None) -> str:
    """``"the disk is full"``: why the history did not take a record."""
    if problem is None:
        return translate("Errors", _HISTORY_PROBLEMS["other"])
    return translate("Errors", _HISTORY_PROBLEMS.get(problem.value, _HISTORY_PROBLEMS["other"]))


def describe_record_outcome(outcome: RecordOutcome) -> str | None:
    """What the window says next to a new link about its history row; ``None`` when saved."""
    if outcome.saved:
        return None
    why = history_problem_text(outcome.problem)
    if outcome.status.value == "journaled":
        if outcome.journal is None:
            return translate(
                "Errors",
                "⚠ Not saved to the history — {reason}. Kept in a backup file; "
                "it will be added when the history works again.",
            ).format(reason=why)
        return translate(
            "Errors",
            "⚠ Not saved to the history — {reason}. Kept in {file}; "
            "it will be added when the history works again.",
        ).format(reason=why, file=str(outcome.journal))
    backup = history_problem_text(outcome.journal_problem)
    return translate(
        "Errors",
        "⚠ Not saved to the history — {reason}, and the backup file could not be written "
        "either ({backup_reason}). Kept in memory only: copy this link somewhere safe; it will "
        "be added when the history works again, unless Inflow Desk is closed first.",
    ).format(reason=why, backup_reason=backup)


def describe_history_unavailable(outcome: RecordOutcome) -> str:
    """The banner shown until the history works again."""
    why = history_problem_text(outcome.problem)
    waiting = outcome.pending  # a plain name: lupdate reads no expression there
    if outcome.status.value == "memory_only":
        return translate(
            "Errors",
            "⚠ History not working ({reason}) — %n link(s) kept in memory only; "
            "do not close Inflow Desk until the history works again.",
            None,
            waiting,
        ).format(reason=why)
    return translate(
        "Errors",
        "⚠ History not working ({reason}) — %n link(s) waiting in {file}; "
        "they will be added when it works again.",
        None,
        waiting,
    ).format(reason=why, file=str(outcome.journal))


def withheld_link_text(problem: str) -> str:
    """What stands where a link would be shown but is not trusted (the offer details)."""
    return translate("Errors", "⚠ Not shown, this link is not trusted: {problem}").format(
        problem=problem
    )


def describe_held_back_link(exc: UntrustedCheckoutUrlError) -> UserMessage:
    """What the result panel says above a link it shows but does not trust (not Production)."""
    return UserMessage(
        translate("Errors", "Check this link before you use it: it is not Inflow's checkout."),
        translate(
            "Errors",
            "It was not copied and has no QR code. Copy it only if you know where it leads "
            "(a profile can trust its own checkout host in Settings).",
        ),
        (exc.problem,),
    )


# ---------------------------------------------------------------------- managed deployment
def limit_exceeded(
    *, profile: str, limit: str, amount: str, per_day: bool, used: str | None = None
) -> UserMessage:
    """A link over an agent limit of the organisation's policy: refused before sending.
    The amounts come formatted (``€500.00``)."""
    if per_day:
        return UserMessage(
            translate(
                "Errors",
                "Nothing was sent: this link would take you over your daily limit of {limit} "
                "on “{profile}”.",
            ).format(limit=limit, profile=profile),
            translate(
                "Errors",
                "You have created {used} today; this link is {amount}. Your organisation sets "
                "this limit — ask a supervisor to create it.",
            ).format(used=used, amount=amount),
        )
    return UserMessage(
        translate(
            "Errors",
            "Nothing was sent: {amount} is over your limit of {limit} per link on “{profile}”.",
        ).format(amount=amount, limit=limit, profile=profile),
        translate(
            "Errors", "Your organisation sets this limit — ask a supervisor to create this link."
        ),
    )


def currency_not_allowed(code: str) -> UserMessage:
    """A cart in a currency the organisation's policy does not allow (an old draft)."""
    return UserMessage(
        translate(
            "Errors", "Nothing was sent: your organisation does not allow links in {currency}."
        ).format(currency=code),
        translate("Errors", "Choose another currency."),
    )


def limit_unknown_price(profile: str) -> UserMessage:
    """A link whose price is not known here (an offer pasted by id) on a profile with agent
    limits: refused, because the limit cannot be checked."""
    return UserMessage(
        translate(
            "Errors",
            "Nothing was sent: this link's price is not known here, so your limits on "
            "“{profile}” cannot be checked.",
        ).format(profile=profile),
        translate(
            "Errors",
            "Pick the offer from the list (its price is shown there) instead of pasting its id.",
        ),
    )


def daily_limit_unknown(profile: str) -> UserMessage:
    """The day's total cannot be counted (the history is unavailable): refused, not guessed."""
    return UserMessage(
        translate(
            "Errors", "Nothing was sent: your daily limit on “{profile}” cannot be checked."
        ).format(profile=profile),
        translate(
            "Errors",
            "The history, which counts today's links, is unavailable (see the log file).",
        ),
    )


def deep_link_refused(exc: ValueError) -> UserMessage:
    """A deep link (``inflow-desk://new?…``) with something wrong in it: nothing was filled.
    ``exc`` is a ``domain.deep_link.DeepLinkError`` (its text is written for the agent)."""
    return UserMessage(
        str(exc), translate("Errors", "The form was left as it was. Check the link in the CRM.")
    )


def deep_link_busy() -> UserMessage:
    """A deep link that arrived while the form could not take it (a link being created)."""
    return UserMessage(
        translate(
            "Errors",
            "The link from the other application was not used: a link is being created.",
        ),
        translate("Errors", "Wait for it (or press Esc), then open the link from the CRM again."),
    )


def policy_unusable_text(exc: Exception) -> str:
    """The start-up refusal for a present but invalid policy file (``storage.policy``): the
    error names the file, the line and the field."""
    return translate(
        "Errors",
        "Inflow Desk cannot start: your organisation's policy file is not valid.\n\n"
        "{problem}\n\n"
        "Ask your IT department to correct it. The app does not run without it.",
    ).format(problem=exc)


def managed_text() -> str:
    """Beside what the organisation's policy fixes (Settings)."""
    return translate("Errors", "Managed by your organisation")


# ---------------------------------------------------------------------- hand-over (issue 16)
def mail_client_failed() -> UserMessage:
    """The system opened no e-mail program for a ``mailto:`` link."""
    return UserMessage(
        translate("Errors", "No e-mail program opened."),
        translate("Errors", "Copy the message (Ctrl+M) and paste it into your e-mail instead."),
    )


def catalog_unavailable() -> UserMessage:
    """The catalog database cannot be read or written (``storage.catalog.CatalogError``)."""
    return UserMessage(
        translate("Errors", "The product catalog is not available right now."),
        translate("Errors", "Products can still be typed by hand; recent products still complete."),
        alarming=False,
    )


# How many of a CSV file's bad rows are listed.
MAX_LISTED_ROWS = 20


def catalog_import_failed(problems: Sequence[tuple[int, str]], path: str) -> UserMessage:
    """A CSV file with bad rows: nothing was imported; each row's problem, by line number."""
    shown = [
        translate("Errors", "Line {line}: {problem}").format(line=_number(line), problem=message)
        for line, message in problems[:MAX_LISTED_ROWS]
    ]
    # Plural counts are plain names: lupdate extracts no call whose count is an expression.
    bad, more = len(problems), len(problems) - MAX_LISTED_ROWS
    if more > 0:
        shown.append(translate("Errors", "… and %n more", None, more))
    return UserMessage(
        translate(
            "Errors", "Nothing was imported from {file}: %n row(s) need fixing.", None, bad
        ).format(file=path),
        translate("Errors", "Fix them in the file and import it again."),
        tuple(shown),
    )


# ---------------------------------------------------------------------- uncaught exceptions
_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


class _Relay(QObject):
    """Carries an exception from any thread to the GUI thread (queued when needed)."""

    caught = Signal(object)


def install_exception_hooks(
    show: Callable[[UserMessage], None], *, account: Callable[[], str] = lambda: ""
) -> Callable[[], None]:
    """No exception is ever silent: ``sys.excepthook`` (a Python slot or virtual that raised),
    ``threading.excepthook`` (a plain thread) and Qt's own warnings (``qInstallMessageHandler``)
    go to ``logging`` with the traceback, and the exceptions also to ``show`` as the funnel's
    message, on the GUI thread. Call from the GUI thread; returns what puts the previous
    hooks back."""
    relay = _Relay()

    def report(exc: object) -> None:
        if not isinstance(exc, BaseException):
            return
        try:
            show(describe_error(exc, account=account(), action=UNCAUGHT_ACTION, logged=True))
        except Exception:  # showing must never raise into the hook
            log.exception("could not show an uncaught exception")

    relay.caught.connect(report)
    previous_sys = sys.excepthook
    previous_thread = threading.excepthook

    def on_exception(
        exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            previous_sys(exc_type, exc, tb)
            return
        log.critical("uncaught exception", exc_info=(exc_type, exc, tb))
        relay.caught.emit(exc)

    def on_thread_exception(args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit or args.exc_value is None:
            return
        name = args.thread.name if args.thread is not None else "?"
        log.critical(
            "uncaught exception in thread %s",
            name,
            exc_info=(args.exc_type, args.exc_value, args.exc_traceback),
        )
        relay.caught.emit(args.exc_value)

    def on_qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        where = f" ({context.file}:{context.line})" if context.file else ""
        qt_log.log(_QT_LEVELS.get(kind, logging.WARNING), "%s%s", message, where)

    sys.excepthook = on_exception
    threading.excepthook = on_thread_exception
    previous_qt = qInstallMessageHandler(on_qt_message)

    def uninstall() -> None:
        if sys.excepthook is on_exception:
            sys.excepthook = previous_sys
        if threading.excepthook is on_thread_exception:
            threading.excepthook = previous_thread
        qInstallMessageHandler(previous_qt)
        relay.caught.disconnect(report)
        relay.deleteLater()

    return uninstall


def duplicate_link_question(created_at: datetime) -> UserMessage:
    """Ctrl+Enter on a cart that already has its link: asked before a second live link."""
    return UserMessage(
        translate(
            "Errors",
            "Nothing was sent: this exact cart already has a link, created at {time} "
            "(on the right).",
        ).format(time=format_time(created_at)),
        translate("Errors", "Press Ctrl+Enter again to create a second link for the same cart."),
    )
