"""Who the window talks to."""

from __future__ import annotations

from dataclasses import dataclass

from inflow_desk.domain.checkout_url import check_checkout_url


@dataclass(frozen=True)
class Account:
    """Who the window talks to: shown in the title and the badge, named in error messages."""

    name: str
    environment: str  # PRODUCTION / SANDBOX / CUSTOM / DEMO
    base_url: str
    #: Checkout hosts this account trusts besides Inflow's own (``domain.checkout_url``).
    checkout_hosts: tuple[str, ...] = ()
    #: ``127.0.0.1:PORT`` whose plain-http links are trusted: only the demo emulator's own
    #: checkout page (``check_checkout_url(loopback_http=…)``); never set for a profile.
    loopback_checkout: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return f"{self.name} — {self.environment}"

    def link_problem(self, url: object) -> str | None:
        """Why ``url`` may not reach a customer of this account (None: it may) — the one
        place the window and the hand-over actions ask."""
        return check_checkout_url(
            url, extra_hosts=self.checkout_hosts, loopback_http=self.loopback_checkout
        )
