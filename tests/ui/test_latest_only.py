"""``run_in_background(..., latest=key)``: of the tasks started with one key, only the newest
one's answer is delivered, even when an older task answers last."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from inflow_desk.ui.kit.workers import LatestOnly, run_in_background


def test_the_older_task_answering_last_is_dropped(qtbot: QtBot) -> None:
    owner = QObject()
    key = LatestOnly()
    seen: list[str] = []
    old_gate, new_gate = threading.Event(), threading.Event()
    old_done, new_done = threading.Event(), threading.Event()

    def old() -> str:
        old_gate.wait(5)
        old_done.set()
        return "old"

    def new() -> str:
        new_gate.wait(5)
        new_done.set()
        return "new"

    run_in_background(old, seen.append, lambda e: seen.append(repr(e)), owner=owner, latest=key)
    run_in_background(new, seen.append, lambda e: seen.append(repr(e)), owner=owner, latest=key)
    new_gate.set()
    qtbot.waitUntil(lambda: seen == ["new"])
    old_gate.set()  # the older task answers last
    qtbot.waitUntil(old_done.is_set)
    qtbot.wait(50)  # a (wrong) queued delivery would arrive now
    assert seen == ["new"]


def test_an_older_failure_is_dropped_too(qtbot: QtBot) -> None:
    owner = QObject()
    key = LatestOnly()
    seen: list[object] = []
    gate, failed = threading.Event(), threading.Event()

    def old() -> None:
        gate.wait(5)
        failed.set()
        raise OSError("late")

    run_in_background(old, seen.append, seen.append, owner=owner, latest=key)
    run_in_background(lambda: "new", seen.append, seen.append, owner=owner, latest=key)
    qtbot.waitUntil(lambda: seen == ["new"])
    gate.set()
    qtbot.waitUntil(failed.is_set)
    qtbot.wait(50)
    assert seen == ["new"]


def test_supersede_drops_the_answer_still_outstanding(qtbot: QtBot) -> None:
    owner = QObject()
    key = LatestOnly()
    seen: list[object] = []
    gate, done = threading.Event(), threading.Event()

    def work() -> str:
        gate.wait(5)
        done.set()
        return "stale"

    run_in_background(work, seen.append, seen.append, owner=owner, latest=key)
    key.supersede()
    gate.set()
    qtbot.waitUntil(done.is_set)
    qtbot.wait(50)
    assert seen == []
    # The key keeps working for the next task.
    run_in_background(lambda: "fresh", seen.append, seen.append, owner=owner, latest=key)
    qtbot.waitUntil(lambda: seen == ["fresh"])


def test_keys_are_independent_and_a_drawn_ticket_can_be_passed(qtbot: QtBot) -> None:
    owner = QObject()
    checks, reveals = LatestOnly(), LatestOnly()
    seen: list[object] = []
    ticket = checks.next()
    assert ticket.is_latest()
    run_in_background(lambda: "check", seen.append, seen.append, owner=owner, latest=ticket)
    run_in_background(lambda: "reveal", seen.append, seen.append, owner=owner, latest=reveals)
    qtbot.waitUntil(lambda: sorted(map(str, seen)) == ["check", "reveal"])
    checks.next()
    assert not ticket.is_latest()


def test_without_a_key_every_answer_is_delivered(qtbot: QtBot) -> None:
    owner = QObject()
    seen: list[object] = []
    run_in_background(lambda: "a", seen.append, seen.append, owner=owner)
    run_in_background(lambda: "b", seen.append, seen.append, owner=owner)
    qtbot.waitUntil(lambda: sorted(map(str, seen)) == ["a", "b"])


# ---------------------------------------------------------------------- the users of the option
def test_offers_of_the_previous_merchant_never_show_up(qtbot: QtBot, app_settings: object) -> None:
    """A listing still running when the account changes: its pages and its answer are dropped."""
    from inflow_desk.emulator import generate_offers
    from inflow_desk.ui.checkout.subscription_form import SubscriptionForm
    from inflow_desk.ui.kit.settings import AppSettings

    assert isinstance(app_settings, AppSettings)
    old_offer, new_offer = generate_offers(2)
    release, old_done = threading.Event(), threading.Event()

    class OldMerchant:
        def list_subscription_offers(self, *, on_page: Any = None) -> list[Any]:
            release.wait(5)
            on_page([old_offer])  # a page that arrives after the switch
            old_done.set()
            return [old_offer]

    class NewMerchant:
        def list_subscription_offers(self, *, on_page: Any = None) -> list[Any]:
            on_page([new_offer])
            return [new_offer]

    gateways: list[Any] = [OldMerchant()]
    form = SubscriptionForm(lambda: gateways[0], app_settings)
    qtbot.addWidget(form)
    form.load_offers()
    gateways[0] = NewMerchant()
    form.on_account_changed()
    with qtbot.waitSignal(form.offersLoaded, timeout=5000):
        form.load_offers()
    release.set()
    qtbot.waitUntil(old_done.is_set)
    qtbot.wait(100)  # the old answer (and its page) would be delivered now
    assert form.model.entry_by_id(str(new_offer["id"])) is not None
    assert form.model.entry_by_id(str(old_offer["id"])) is None
    assert form.model.listed_count() == 1
