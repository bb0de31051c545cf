"""The offers model and its filtered view: Qt's model tester, ordering, dedup, filtering at 10k."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLocale, Qt

from inflow_desk.emulator import generate_offers
from inflow_desk.ui.checkout.offers_model import (
    EntryRole,
    OfferFilterModel,
    OfferIdRole,
    OffersModel,
    RecentRole,
    SearchRole,
    load_offers,
    locale_money,
    make_entry,
)


def entries(offers: list[dict[str, Any]]) -> list[Any]:
    return [make_entry(o, locale_money()) for o in offers]


def ids(model: OffersModel | OfferFilterModel) -> list[str]:
    return [model.data(model.index(r, 0), OfferIdRole) for r in range(model.rowCount())]


def test_model_tester_on_the_offers_model_while_it_changes(qtmodeltester: Any) -> None:
    offers = generate_offers(30)
    model = OffersModel()
    model.set_recent(entries(offers[5:7]))
    model.add_listed(entries(offers[:10]))
    qtmodeltester.check(model, force_py=True)  # checks now, then watches every change below
    model.add_listed(entries(offers[10:30]))
    model.set_recent(entries(offers[20:21]))
    model.clear_listed()
    model.add_listed(entries(offers[:3]))
    assert model.rowCount() == 4  # the recent one stays


def test_model_tester_on_the_filter_model(qtmodeltester: Any) -> None:
    offers = generate_offers(60)
    model = OffersModel()
    filtered = OfferFilterModel(model)
    model.add_listed(entries(offers[:30]))
    filtered.set_filter_text("month")
    qtmodeltester.check(filtered, force_py=True)
    model.add_listed(entries(offers[30:]))  # inserted while filtered
    filtered.set_filter_text("monthly 2")
    model.add_listed([make_entry({**offers[0], "name": "renamed"})])  # data changes a shown row
    filtered.set_filter_text("")
    model.clear_listed()
    assert filtered.rowCount() == 0


def test_the_view_model_counts_rows_in_cpp_and_mirrors_the_source_texts() -> None:
    """The list view calls rowCount()/index() tens of thousands of times per load: they must be
    QStringListModel's own (no Python, no GIL), and its strings must match the rows shown."""
    from PySide6.QtCore import QAbstractListModel, QStringListModel

    assert "rowCount" not in vars(OfferFilterModel)
    assert "index" not in vars(OfferFilterModel)
    assert OfferFilterModel.rowCount is QStringListModel.rowCount
    assert OfferFilterModel.index is QAbstractListModel.index

    offers = generate_offers(40)
    model = OffersModel()
    filtered = OfferFilterModel(model)
    model.set_recent(entries(offers[3:4]))
    model.add_listed(entries(offers[:20]))
    model.add_listed(entries(offers[20:]))  # appended while shown
    filtered.set_filter_text("month")
    model.add_listed([make_entry({**offers[1], "name": "Renamed monthly"})])  # a row changes
    shown = [filtered.entry(r) for r in range(filtered.rowCount())]
    assert shown and all(e is not None and "month" in e.search for e in shown)
    expected = [e.display() for e in shown if e is not None]
    assert QStringListModel.stringList(filtered) == expected
    assert [filtered.data(filtered.index(r, 0)) for r in range(len(shown))] == expected
    assert any(text.startswith("Renamed monthly") for text in expected)


def test_money_texts_are_remembered_but_stay_right_per_currency() -> None:
    money = locale_money(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    assert money(2999, "EUR") == money(2999, "EUR")
    assert money(2999, "EUR") != money(2999, "USD")
    assert money(2999, "GBP") == "29.99 GBP"  # unknown currency: raw
    assert money(3000, "EUR") != money(2999, "EUR")


def test_recent_first_marked_and_each_offer_once() -> None:
    offers = generate_offers(12)
    model = OffersModel()
    pro_yearly = offers[2]
    model.set_recent([make_entry({"id": pro_yearly["id"], "name": "Pro yearly"}, recent=True)])
    assert ids(model) == [pro_yearly["id"]]
    assert model.data(model.index(0, 0)) == "Recent · Pro yearly — price not listed"

    assert model.add_listed(entries(offers[:6])) == 5  # the recent one is updated, not added
    assert model.add_listed(entries(offers[4:12])) == 6  # a page repeating ids adds only new ones
    assert ids(model) == [pro_yearly["id"]] + [o["id"] for o in offers if o is not pro_yearly]
    first = model.index(0, 0)
    assert model.data(first) == "Recent · Pro yearly — €299.00 / year · 14-day free trial"
    assert model.data(first, RecentRole) is True
    assert model.data(first, Qt.ItemDataRole.FontRole).bold()
    assert model.data(model.index(1, 0), RecentRole) is False
    assert model.entry(0).listed and model.listed_count() == 12

    model.clear_listed()  # reload: the recent offer stays, no longer known to be listed
    assert ids(model) == [pro_yearly["id"]]
    assert not model.entry(0).listed and model.listed_count() == 0


def test_tolerant_rows_unknown_fields_and_odd_values() -> None:
    model = OffersModel()
    model.add_listed(
        [
            make_entry({"id": "offer_a"}),
            make_entry(
                {
                    "id": "offer_b",
                    "name": "Odd",
                    "amountInCents": 700,
                    "currency": "GBP",
                    "interval": "fortnight",
                    "shinyNewField": {"x": 1},
                }
            ),
            make_entry({"id": "  "}),  # no usable id: ignored
        ]
    )
    assert ids(model) == ["offer_a", "offer_b"]
    assert model.data(model.index(0, 0)) == "offer_a — price not listed"
    assert model.data(model.index(1, 0)) == "Odd — 7.00 GBP / fortnight"
    assert model.data(model.index(1, 0), EntryRole).fields["shinyNewField"] == {"x": 1}


def test_amounts_follow_the_locale() -> None:
    german = QLocale(QLocale.Language.German, QLocale.Country.Germany)
    entry = make_entry(
        {"id": "offer_a", "name": "Pro", "amountInCents": 2999, "currency": "EUR",
         "interval": "month"},
        locale_money(german),
    )  # fmt: skip
    assert entry.summary == "Pro — 29,99\xa0€ / month"


def test_filter_matches_name_id_and_price_in_any_case() -> None:
    offers = generate_offers(24)
    model = OffersModel()
    model.add_listed(entries(offers))
    filtered = OfferFilterModel(model)
    filtered.set_filter_text("PRO YEAR")
    assert ids(filtered) == [offers[2]["id"]]
    filtered.set_filter_text(offers[5]["id"].upper())  # Daily news pass, by id
    assert ids(filtered) == [offers[5]["id"]]
    filtered.set_filter_text("€5.00 every 2")
    assert [filtered.entry(r).title for r in range(filtered.rowCount())] == [
        "Coaching every 2 weeks"
    ]
    filtered.set_filter_text("14-day")
    assert all("14-day free trial" in filtered.entry(r).summary for r in range(filtered.rowCount()))
    filtered.set_filter_text("no such offer")
    assert filtered.rowCount() == 0
    filtered.set_filter_text("  ")
    assert filtered.rowCount() == 24
    assert filtered.data(filtered.index(3, 0), SearchRole) == model.entry(3).search


def test_ten_thousand_offers_all_present_and_filter_finds_the_right_ones() -> None:
    offers = generate_offers(10_000)
    model = OffersModel()
    filtered = OfferFilterModel(model)
    load_offers(model, offers, locale_money())
    assert model.rowCount() == 10_000
    assert ids(model) == [o["id"] for o in offers]
    assert filtered.rowCount() == 10_000

    def expected(*words: str) -> list[str]:
        return [
            o["id"]
            for o in offers
            if all(w in (o["name"] + " " + o["id"]).casefold() for w in words)
        ]

    for text in ("yearly", "golden", "golden club", "club yearly"):
        filtered.set_filter_text(text)  # narrowing searches rescan only the shown rows
        assert ids(filtered) == expected(*text.split()), text
    target = offers[7_777]
    filtered.set_filter_text(target["id"])
    assert ids(filtered) == [target["id"]]
    assert filtered.row_of(target["id"]) == 0
    assert filtered.source_row(0) == 7_777
    filtered.set_filter_text(target["name"].upper())
    assert target["id"] in ids(filtered)
    filtered.set_filter_text("")
    assert filtered.rowCount() == 10_000
    assert filtered.row_of(target["id"]) == 7_777
