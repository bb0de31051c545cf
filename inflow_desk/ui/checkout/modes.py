"""What the main window asks of a checkout mode (one-time payment, subscription).

A mode is a widget on the ``modeSwitch`` tab bar. The window owns what is shared — options,
the Create button, the worker, the error funnel, the result panel — and asks the current mode
to validate and build its request.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from inflow_desk.domain.kinds import SessionKind
from inflow_desk.domain.models import CheckoutOptions, FieldIssue
from inflow_desk.ui.checkout.session import ChargeDetails

if TYPE_CHECKING:  # httpx and pydantic load after the first frame
    from inflow_desk.api.models import CheckoutSession, SubscriptionOffer
    from inflow_desk.domain.requests import OneTimeSessionRequest, SubscriptionSessionRequest

#: The Subscription tab's key: bound from the first frame, before the tab is built.
SUBSCRIPTION_SHORTCUT = "Ctrl+2"


class SessionGateway(Protocol):
    """What the UI needs from the API client (``inflow_desk.api.InflowClient``)."""

    def create_one_time_session(self, req: OneTimeSessionRequest) -> CheckoutSession: ...

    def create_subscription_session(
        self, offer_id: str, req: SubscriptionSessionRequest
    ) -> CheckoutSession: ...

    def list_subscription_offers(
        self, *, on_page: Callable[[list[SubscriptionOffer]], None] | None = None
    ) -> list[SubscriptionOffer]: ...

    def cancel(self) -> None:
        """End the calls in flight now (from any thread); they raise ``RequestCancelled``."""
        ...


@dataclass(frozen=True)
class PreparedRequest:
    """A validated request, ready to be sent from a worker thread."""

    kind: SessionKind
    body: dict[str, object]  # exactly the JSON that goes out
    send: Callable[[SessionGateway], CheckoutSession]  # runs in the worker
    #: For messages, in the agent's language: "create the link", "create the subscription link"
    #: (the error funnel puts it into its sentences).
    action: str
    #: What the result panel shows and the history records besides the body.
    details: ChargeDetails = field(default_factory=ChargeDetails)


class CheckoutMode(Protocol):
    """Implemented by each tab of the mode switch."""

    kind: SessionKind  # matches PreparedRequest.kind and the history
    shortcut: str  # e.g. "Ctrl+1"

    @property
    def title(self) -> str:
        """The tab text in the agent's language, e.g. "One-time payment"."""
        ...

    def settle(self) -> None:
        """Commit what is being typed (an open cell editor) and tidy the form (blank rows) —
        every way to create calls this first, so what is on screen is what is sent."""
        ...

    def pending_choice(self) -> bool:
        """True while a choice the agent made waits for data to arrive (an offer picked by
        Enter while the list loads): a create asked for meanwhile waits for it."""
        ...

    def issues(self) -> list[FieldIssue]:
        """Problems the mode can see without the shared options, in visual order."""
        ...

    def prepare(self, options: CheckoutOptions) -> PreparedRequest:
        """Build the request; raises ``RequestInvalid`` with every issue."""
        ...

    def show_issues(self, issues: list[FieldIssue]) -> None:
        """Mark the mode's own fields among ``issues`` (others are ignored)."""
        ...

    def focus_field(self, field: str) -> bool:
        """Give focus to the widget of an issue path; False if it isn't the mode's."""
        ...

    def focus_first(self) -> None:
        """Where typing starts when the mode is shown."""
        ...

    def clear(self) -> None:
        """For the next caller."""
        ...

    def remember(self) -> None:
        """After a successful create: remember what was used (recent products, offers)."""
        ...

    def snapshot(self) -> dict[str, Any]:
        """The unsent form as plain JSON-able data (draft autosave)."""
        ...

    def restore(self, data: dict[str, Any]) -> None:
        """Put a snapshot back — or a request body that was sent (for "create again")."""
        ...
