"""Issue 17 for the domain and storage texts the agent reads (validation, amounts typed,
offers, time left, history status, untrusted links, deep links): every one is translated
(the pseudo-locale wraps each), and French reads French with French amounts."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, cast

import httpx
import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from inflow_desk.api.errors import make_status_error
from inflow_desk.domain import offers
from inflow_desk.domain.checkout_url import check_checkout_url, validate_host
from inflow_desk.domain.deep_link import DeepLinkError, parse_deep_link
from inflow_desk.domain.i18n import translate
from inflow_desk.domain.kinds import SessionKind
from inflow_desk.domain.models import Cart, CheckoutOptions, LineItem, RequestInvalid, field_label
from inflow_desk.domain.money import Currency, MoneyParseError, parse_money
from inflow_desk.domain.requests import validate_one_time
from inflow_desk.domain.time_left import time_left_text
from inflow_desk.domain.validation import (
    check_email,
    check_expires_in,
    check_name,
    check_offer_id,
    check_quantity,
    check_redirect_url,
    check_total,
    check_unit_price,
)
from inflow_desk.storage.catalog import CatalogImportError, CatalogProduct, parse_catalog_csv
from inflow_desk.storage.history import HistoryLineItem, NewHistoryRecord, status_text
from inflow_desk.storage.keystore import MemoryKeyStore
from inflow_desk.storage.policy import PolicyError, load_policy
from inflow_desk.storage.profiles import (
    NAME_PROBLEM,
    Environment,
    Profile,
    validate_custom_url,
    validate_profile_name,
)
from inflow_desk.ui.kit.formatting import format_money_in
from inflow_desk.ui.kit.i18n import PSEUDO_OPEN

from .i18n_helpers import language

NOW = datetime(2026, 12, 2, 13, 0, tzinfo=UTC)
NARROW = "\u202f"  # French thousands separator (and before ; ? !)
NBSP = "\xa0"  # French space before € and :

OFFER: dict[str, Any] = {
    "id": "offer_9fK21",
    "name": "Pro",
    "amountInCents": 2999,
    "currency": "EUR",
    "interval": "week",
    "intervalCount": 2,
    "trialPeriodDays": 14,
    "entryFeesInCents": 4900,
    "cycleCount": 12,
    "pricingMode": "TAX_INCLUSIVE",
    "waitlistEnabled": True,
    "archived": True,
}


def _problem(call: Callable[[], object]) -> str:
    """The sentence of the exception ``call`` raises for the agent."""
    with pytest.raises((MoneyParseError, DeepLinkError, ValueError)) as caught:
        call()
    return str(caught.value)


def _record(expires_in: timedelta) -> NewHistoryRecord:
    body = {"currency": "EUR", "products": [{"name": "Kit", "price": 4999, "quantity": 1}]}
    return NewHistoryRecord(
        created_at=NOW - timedelta(minutes=5),
        profile="Acme",
        environment="sandbox",
        base_url="https://api.inflowpay.xyz",
        kind=SessionKind.ONE_TIME,
        session_id="sess_1",
        checkout_url="https://checkout.inflowpay.com/pay/sess_1",
        expires_at=NOW + expires_in,
        expires_at_is_default=False,
        currency="EUR",
        total_cents=4999,
        line_items=(HistoryLineItem("Kit", 4999, 1),),
        agent="jdoe",
        request_json=json.dumps(body),
    )


def _agent_texts() -> dict[str, str]:
    """Every kind of text of this area an agent can read, by what produced it."""
    cart = Cart(Currency.EUR, (LineItem("", 0, 0),))
    issues = validate_one_time(cart, CheckoutOptions(customer_email="x@"))
    texts = {
        "name empty": check_name(""),
        "name long": check_name("x" * 201),
        "name control": check_name("a\nb"),
        "name invisible": check_name("\u200b"),
        "name broken": check_name("\ud800"),
        "price low": check_unit_price(0),
        "price high": check_unit_price(10**9),
        "quantity low": check_quantity(0),
        "quantity high": check_quantity(20_000),
        "email": check_email("x@"),
        "email long": check_email("a" * 300 + "@example.com"),
        "url": check_redirect_url("ftp://x"),
        "url backslash": check_redirect_url("https://a.example\\@b.example"),
        "url credentials": check_redirect_url("https://u:p@a.example"),
        "url long": check_redirect_url("https://a.example/" + "x" * 3000),
        "expiry low": check_expires_in(0.1),
        "expiry high": check_expires_in(1000),
        "expiry nan": check_expires_in(float("nan")),
        "total low": check_total(100, Currency.EUR),
        "total high": check_total(10**10, Currency.EUR),
        "offer empty": check_offer_id(""),
        "offer bad": check_offer_id("a b"),
        "money empty": _problem(lambda: parse_money("")),
        "money not": _problem(lambda: parse_money("abc")),
        "money two": _problem(lambda: parse_money("€5 USD")),
        "money other": _problem(lambda: parse_money("$5", expected=Currency.EUR)),
        "money negative": _problem(lambda: parse_money("-5")),
        "money ambiguous": _problem(lambda: parse_money("1,299")),
        "money decimals": _problem(lambda: parse_money("1.999")),
        "money groups": _problem(lambda: parse_money("1 2,50")),
        "money mixed": _problem(lambda: parse_money("1 000'000")),
        "issues": str(RequestInvalid(issues)),
        "one issue": str(RequestInvalid(issues[:1])),
        "no issue": str(RequestInvalid([])),
        "currency issue": validate_one_time(Cart(cast(Currency, "GBP"), ()), CheckoutOptions())[
            0
        ].message,
        "products issue": validate_one_time(Cart(Currency.EUR, ()), CheckoutOptions())[0].message,
        "label": field_label("customerEmail"),
        "product label": field_label("products[0].price"),
        "interval": offers.describe_interval("month"),
        "intervals": offers.describe_interval("week", 2),
        "odd interval": offers.describe_interval("fortnight", 3),
        "no price": offers.describe_price({"interval": "month"}),
        "no price at all": offers.describe_price({}),
        "one-day trial": offers.describe_trial({"trialPeriodDays": 1}) or "",
        "one payment": offers.describe_cycles({"cycleCount": 1}) or "",
        "unnamed": offers.offer_title({}),
        "summary": offers.offer_summary(OFFER),
        "pasted": offers.pasted_offer_problem("hello") or "",
        "less than a minute": time_left_text(timedelta(seconds=30)),
        "minutes": time_left_text(timedelta(minutes=58)),
        "hours": time_left_text(timedelta(hours=2)),
        "hours minutes": time_left_text(timedelta(hours=2, minutes=5)),
        "days": time_left_text(timedelta(days=3)),
        "days hours": time_left_text(timedelta(days=3, hours=4)),
        "open": status_text(_record(timedelta(minutes=23)), NOW),
        "expired": status_text(_record(timedelta(minutes=-1)), NOW),
        "host empty": validate_host("") or "",
        "host path": validate_host("https://a.example/x") or "",
        "host bad": validate_host("a..b") or "",
        "host port": validate_host("a.example:99999") or "",
        "host hidden": validate_host("a\u200b.example") or "",
        "deep link action": _problem(lambda: parse_deep_link("inflow-desk://old")),
        "deep link empty": _problem(lambda: parse_deep_link("")),
        "deep link field": _problem(lambda: parse_deep_link("inflow-desk://new?x=1")),
        "deep link item": _problem(lambda: parse_deep_link("inflow-desk://new?item=abc")),
        "deep link price": _problem(lambda: parse_deep_link("inflow-desk://new?item=A@x")),
    }
    texts.update(_storage_texts())
    texts["memory key store"] = MemoryKeyStore().backend_name
    request = httpx.Request("POST", "https://api.inflowpay.xyz/api/checkout/sessions")
    for number, body in enumerate((b"", b"<html>", b"[1]")):
        error = make_status_error(httpx.Response(502, content=body, request=request))
        texts[f"status error {number}"] = error.messages[0]
        assert str(error).startswith("HTTP 502 with a")  # the log's text stays English
    for url in (
        None,
        "https://checkout.inflowpay.com/" + "x" * 3000,
        "https://checkout.inflowpay.com/\u200b",
        "https://checköut.inflowpay.com/",
        "https://checkout.inflowpay.com/<",
        "http://checkout.inflowpay.com/pay/1",
        "//checkout.inflowpay.com/pay/1",
        "https://checkout.inflowpay.com@evil.example/",
        "https://checkout.inflowpay.com./pay/1",
        "https://xn--chckout-8ya.example/",
        "https://checkout.inflowpay.com:444/",
        "https://evil.example/pay/1",
        "https://[::1/",
    ):
        texts[f"link {url!r:.40}"] = check_checkout_url(url) or ""
    for number, (label, _value) in enumerate(offers.offer_detail_rows(OFFER)):
        texts[f"detail label {number}"] = label
    worded = {"pricingMode": "TAX_INCLUSIVE", "waitlistEnabled": True, "archived": False}
    for number, (label, value) in enumerate(offers.offer_detail_rows(worded)):
        texts[f"worded label {number}"] = label
        texts[f"worded value {number}"] = value
    texts["no trial"] = dict(offers.offer_detail_rows({"trialPeriodDays": 0})).get(
        translate("Offers", "Free trial"), ""
    )
    return {what: text or "" for what, text in texts.items()}


def _csv_problems(text: str) -> list[str]:
    with pytest.raises(CatalogImportError) as caught:
        parse_catalog_csv(text)
    return [problem.message for problem in caught.value.problems]


def _storage_texts() -> dict[str, str]:
    """The profile and catalog checks the Settings and Catalog dialogs show."""
    damaged = Profile("Acme", Environment.CUSTOM, None, problem=NAME_PROBLEM)
    texts = {
        "profile name": validate_profile_name("") or "",
        "profile name long": validate_profile_name("x" * 65) or "",
        "profile name spaces": validate_profile_name(" a") or "",
        "profile name odd": validate_profile_name("a/b") or "",
        "profile attention": damaged.attention or "",
        "profile label": Profile("Acme", Environment.SANDBOX).label,
        "custom profile label": Profile("Acme", Environment.CUSTOM, "https://a.example").label,
        "damaged profile label": damaged.label,
        "product name": CatalogProduct("").problem() or "",
        "product prices": CatalogProduct("Kit").problem() or "",
        "product price": CatalogProduct("Kit", {Currency.EUR: 0}).problem() or "",
        "product quantity": CatalogProduct("Kit", {Currency.EUR: 1}, 0).problem() or "",
        "product reference": CatalogProduct("Kit", {Currency.EUR: 1}, 1, "x" * 999).problem() or "",
        "product reference line": CatalogProduct("Kit", {Currency.EUR: 1}, 1, "a\nb").problem()
        or "",
        "csv empty": _csv_problems("")[0],
        "csv header": _csv_problems("x\n")[0],
    }
    rows = _csv_problems(
        "name,price_eur,price_usd,quantity\nA,1.00,,\nA,1.00,,\nB,x,,\nC,1.00,,z\nD,1,2,3,4\n"
    )
    texts.update({f"csv row {n}": problem for n, problem in enumerate(rows)})
    assert len(rows) == 4
    for number, url in enumerate(
        (
            "",
            "https://" + "a" * 3000,
            "https://a b",
            "https://[x",
            "a.example:8443",
            "ftp://a",
            "https://u:p@a.example",
            "https://a.example/?q",
            "http://a.example",
            "https://a:0",
        )
    ):
        texts[f"api address {number}"] = validate_custom_url(url) or ""
    return texts


def _policy_problems(folder: Path) -> list[str]:
    """What the start-up refusal shows for broken policy files (PolicyError.shown)."""
    folder.mkdir(exist_ok=True)
    shown = []
    for number, text in enumerate(
        (
            "forbid_custom_urls = [",
            "colour = 1",
            '[[profiles]]\nname = "A"\nenvironment = "sandbox"\nurl = "https://a.example"',
            '[[profiles]]\nname = "A"\nenvironment = "custom"',
            '[[profiles]]\nname = "A"\nenvironment = "sandbox"\n'
            '[[profiles]]\nname = "a"\nenvironment = "sandbox"',
            'forbid_custom_urls = true\n[[profiles]]\nname = "A"\nenvironment = "custom"\n'
            'url = "https://a.example"',
            '[[templates]]\nname = "T"\ntext = "{link}"\nprofile = "Nobody"',
        )
    ):
        path = folder / f"policy{number}.toml"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(PolicyError) as caught:
            load_policy(path)
        shown.append(caught.value.shown())
        assert str(caught.value).startswith(str(path))  # the log's text stays English
    path = folder / "latin1.toml"
    path.write_bytes("# é\n".encode("latin-1"))
    with pytest.raises(PolicyError) as caught:
        load_policy(path)
    return [*shown, caught.value.shown()]


def test_every_text_of_the_domain_is_translated(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Under the pseudo-locale every text comes back wrapped: a text that is not was never
    translated (and the same texts in English are not)."""
    english = _agent_texts()
    assert all(english.values()), [what for what, text in english.items() if not text]
    assert not [text for text in english.values() if text.startswith(PSEUDO_OPEN)]
    with language("pseudo", monkeypatch):
        pseudo = _agent_texts()
    missed = {what: text for what, text in pseudo.items() if not text.startswith(PSEUDO_OPEN)}
    assert not missed
    english_policy = _policy_problems(tmp_path)
    with language("pseudo", monkeypatch):
        pseudo_policy = _policy_problems(tmp_path)
    assert len(pseudo_policy) == 8
    for english_text, pseudo_text in zip(english_policy, pseudo_policy, strict=True):
        assert not english_text.startswith(PSEUDO_OPEN)
        assert pseudo_text.startswith(PSEUDO_OPEN) and pseudo_text.count(PSEUDO_OPEN) >= 2
    assert _agent_texts() == english  # switched back


def test_french_texts_amounts_and_numbers(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    with language("fr", monkeypatch):
        assert check_total(100, Currency.EUR) == (
            f"Le total doit être d'au moins 1,50{NBSP}€ — le paiement minimum d'Inflow"
        )
        assert check_total(100, Currency.USD) is not None
        assert f"1,50{NBSP}$" not in (check_total(100, Currency.USD) or "")
        assert check_quantity(20_000) == f"La quantité ne peut pas dépasser 10{NARROW}000"
        assert check_unit_price(10**9) == f"Le prix ne peut pas dépasser 999{NARROW}999,99"
        assert check_name("") == "Saisissez un nom de produit"
        assert check_email("x@") == "Saisissez une adresse e-mail valide, comme nom@exemple.fr"
        assert _problem(lambda: parse_money("abc")) == f"«{NBSP}abc{NBSP}» n'est pas un montant"
        assert field_label("products[2].price") == "Prix du produit 3"
        assert str(
            RequestInvalid(validate_one_time(Cart(Currency.EUR, ()), CheckoutOptions()))
        ) == (f"Corrigez ceci avant de créer le lien — Produits{NBSP}: Ajoutez au moins un produit")
        assert offers.offer_summary(OFFER, format_money_in) == (
            f"Pro — 29,99{NBSP}€ toutes les 2 semaines · essai gratuit de 14 jours · "
            f"premier paiement 49,00{NBSP}€ · 12 paiements · liste d'attente · archivée"
        )
        assert offers.describe_trial({"trialPeriodDays": 1}) == "essai gratuit de 1 jour"
        assert (
            offers.describe_price(
                {"amountInCents": 500, "currency": "EUR", "interval": "month"}, format_money_in
            )
            == f"5,00{NBSP}€ / mois"
        )
        assert time_left_text(timedelta(hours=2, minutes=5)) == "encore 2 h 5 min"
        assert status_text(_record(timedelta(minutes=23)), NOW) == "ouvert — encore 23 min"
        assert status_text(_record(timedelta(minutes=-1)), NOW) == "expiré"
        assert check_checkout_url("http://checkout.inflowpay.com/pay/1") == (
            f"Le lien n'est pas sécurisé{NBSP}: il commence par http: et non par https:."
        )
        labels = dict(offers.offer_detail_rows(OFFER, format_money_in))
        assert labels["Facturation"] == f"29,99{NBSP}€ toutes les 2 semaines"
        assert labels["Mode de prix"] == "TTC"
        assert labels["Liste d'attente (validation manuelle)"] == "oui"
        assert offers.subscribe_link_label() in labels
        assert MemoryKeyStore().backend_name == "mémoire (cette session seulement)"
        assert Profile("Acme", Environment.DEMO, "http://127.0.0.1:9").label == "Acme — DÉMO"
        request = httpx.Request("GET", "https://api.inflowpay.xyz/api/payments")
        empty = make_status_error(httpx.Response(502, request=request))
        assert empty.messages == ["HTTP 502 avec une réponse vide"]
        assert str(empty) == "HTTP 502 with an empty body"
        policy = _policy_problems(tmp_path)
        assert policy[4].endswith(
            f", ligne 5{NBSP}: profiles[2].name{NBSP}: nomme un profil une deuxième fois"
        )
    assert check_quantity(20_000) == "Quantity cannot exceed 10,000"  # English again
    assert (
        check_total(100, Currency.EUR) == "Total must be at least €1.50 — Inflow's minimum payment"
    )


def _apps_own_texts(qtbot: QtBot, tmp_path: Path) -> list[str]:
    """The texts app.py itself puts on the window: the history banner (its text, tooltip and
    accessible name/description) and the catalog and saved-cart menu entries."""
    from tests.test_app import demo_desk

    tmp_path.mkdir()
    history = tmp_path / "history.sqlite3"
    history.write_bytes(b"this is not a database" * 100)  # the history cannot be opened
    desk = demo_desk(tmp_path, history_file=history)
    try:
        window = desk.window
        qtbot.addWidget(window)

        def banner() -> QLabel | None:
            found = window.findChild(QLabel, "historyUnavailableLabel")
            return found if isinstance(found, QLabel) and not found.isHidden() else None

        qtbot.waitUntil(lambda: banner() is not None, timeout=10_000)
        label = banner()
        assert label is not None
        catalog = window.findChild(QAction, "catalogAction")
        assert isinstance(catalog, QAction)
        file_menu = window.menu("&File").actions()
        carts = [a.text() for a in file_menu if "+B)" in a.text()]  # Ctrl+Shift+B, Ctrl+B
        assert len(carts) == 2, carts
        return [
            label.text(),
            label.toolTip(),
            label.accessibleName(),
            label.accessibleDescription(),
            catalog.text(),
            *carts,
        ]
    finally:
        QThreadPool.globalInstance().waitForDone(10_000)
        desk.window.close()
        desk.close()


def test_the_apps_own_texts_are_translated(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with language("pseudo", monkeypatch):
        texts = _apps_own_texts(qtbot, tmp_path / "pseudo")
    assert all(text.startswith(PSEUDO_OPEN) for text in texts), texts
    with language("fr", monkeypatch):
        texts = _apps_own_texts(qtbot, tmp_path / "fr")
    assert texts[0] == "⚠ Historique indisponible — les liens ne sont pas enregistrés"
    assert texts[4] == "Catalogue et messages…"
    assert texts[5:] == [
        "Enregistrer le panier sous… (Ctrl+Maj+B)",
        "Insérer un panier enregistré… (Ctrl+B)",
    ]
