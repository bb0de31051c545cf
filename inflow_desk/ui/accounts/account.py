"""Who the window talks to."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from inflow_desk.domain.checkout_url import check_checkout_url
from inflow_desk.domain.i18n import QT_TRANSLATE_NOOP, translate

#: :attr:`Account.environment` (English data, compared) → the word people read.
ENVIRONMENT_WORDS: Final[dict[str, str]] = {
    "PRODUCTION": QT_TRANSLATE_NOOP("Account", "PRODUCTION"),
    "SANDBOX": QT_TRANSLATE_NOOP("Account", "SANDBOX"),
    "CUSTOM": QT_TRANSLATE_NOOP("Account", "CUSTOM"),
    "DEMO": QT_TRANSLATE_NOOP("Account", "DEMO"),
    "NEEDS ATTENTION": QT_TRANSLATE_NOOP("Account", "NEEDS ATTENTION"),
}


@dataclass(frozen=True)
class Account:
    """Who the window talks to: shown in the title and the badge, named in error messages."""

    name: str
    environment: str  # PRODUCTION / SANDBOX / CUSTOM / DEMO / NEEDS ATTENTION (data: English)
    base_url: str
    #: Checkout hosts this account trusts besides Inflow's own (``domain.checkout_url``).
    checkout_hosts: tuple[str, ...] = ()
    #: ``127.0.0.1:PORT`` whose plain-http links are trusted: only the demo emulator's own
    #: checkout page (``check_checkout_url(loopback_http=…)``); never set for a profile.
    loopback_checkout: tuple[str, ...] = ()

    @property
    def environment_word(self) -> str:
        """The environment as people read it, in their language ("PRODUCTION")."""
        word = ENVIRONMENT_WORDS.get(self.environment)
        return translate("Account", word) if word is not None else self.environment

    @property
    def label(self) -> str:
        """ "Acme — PRODUCTION": the title and error messages name the account with it."""
        return f"{self.name} — {self.environment_word}"

    def link_problem(self, url: object) -> str | None:
        """Why ``url`` may not reach a customer of this account (None: it may) — the one
        place the window and the hand-over actions ask."""
        return check_checkout_url(
            url, extra_hosts=self.checkout_hosts, loopback_http=self.loopback_checkout
        )
