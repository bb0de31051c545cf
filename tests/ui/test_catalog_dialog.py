"""Settings › Catalog and messages (issue 16): products added, edited, searched, deleted and
imported/exported through the dialog's widgets; templates edited with a live preview and unknown
placeholders refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from inflow_desk.domain.money import Currency
from inflow_desk.storage.catalog import CatalogProduct, CatalogStore
from inflow_desk.ui.handover.catalog_dialog import CatalogDialog

EUR, USD = Currency.EUR, Currency.USD


@pytest.fixture
def store(tmp_path: Path) -> CatalogStore:
    return CatalogStore(tmp_path / "desk.sqlite3")


@pytest.fixture
def changes() -> list[int]:
    return []


@pytest.fixture
def dialog(qtbot: QtBot, store: CatalogStore, changes: list[int]) -> CatalogDialog:
    made = CatalogDialog(store, "acme", on_change=lambda: changes.append(1))
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    return made


def test_add_edit_search_delete(
    qtbot: QtBot, dialog: CatalogDialog, store: CatalogStore, changes: list[int]
) -> None:
    qtbot.keyClicks(dialog.name_edit, "Starter kit")
    qtbot.keyClicks(dialog.eur_edit, "49,99")
    qtbot.keyClicks(dialog.usd_edit, "$54")
    dialog.quantity_spin.setValue(2)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "added" in dialog.message_label.text()
    [kit] = store.products("acme")
    assert (kit.name, kit.prices, kit.default_quantity) == (
        "Starter kit",
        {EUR: 4999, USD: 5400},
        2,
    )

    qtbot.keyClicks(dialog.name_edit, "Cable")
    qtbot.keyClicks(dialog.eur_edit, "5")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.table.rowCount() == 2

    qtbot.keyClicks(dialog.search_edit, "star")
    assert [p.name for p in dialog.shown_products()] == ["Starter kit"]
    dialog.table.selectRow(0)
    assert dialog.name_edit.text() == "Starter kit"
    dialog.eur_edit.setText("39.00")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert {p.name: p.prices.get(EUR) for p in store.products("acme")}["Starter kit"] == 3900

    dialog.search_edit.clear()
    dialog.table.selectRow(0)  # Cable (by name)
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert [p.name for p in store.products("acme")] == ["Starter kit"]
    assert len(changes) == 4  # the cart's completer reloaded after each change


def test_a_bad_product_is_refused_with_a_sentence(
    qtbot: QtBot, dialog: CatalogDialog, store: CatalogStore
) -> None:
    qtbot.keyClicks(dialog.name_edit, "Starter kit")
    qtbot.keyClicks(dialog.eur_edit, "49.9.9")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "Price in EUR" in dialog.message_label.text()
    assert store.products("acme") == []


def test_csv_import_reports_bad_rows_and_imports_nothing(
    qtbot: QtBot, dialog: CatalogDialog, store: CatalogStore, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("name,price_eur,price_usd\nGood,1.00,\nBad,1.999,\n", encoding="utf-8")
    dialog.import_csv(bad)
    text = dialog.message_label.text()
    assert "Nothing was imported from bad.csv" in text and "Line 3:" in text
    assert store.products("acme") == []

    good = tmp_path / "good.csv"
    good.write_text("\ufeffname,price_eur,price_usd\nGood,1.00,2.00\n", encoding="utf-8")
    dialog.import_csv(good)
    assert "1 product imported" in dialog.message_label.text()
    assert dialog.table.rowCount() == 1

    out = tmp_path / "out.csv"
    dialog.export_csv(out)
    assert out.read_text(encoding="utf-8").splitlines()[1] == "Good,1.00,2.00,1,"


def test_templates_preview_live_and_refuse_unknown_placeholders(
    qtbot: QtBot, dialog: CatalogDialog, store: CatalogStore
) -> None:
    dialog.sms_edit.setPlainText("")
    qtbot.keyClicks(dialog.sms_edit, "{merchant}: {amount} {link}")
    assert "Acme: €99.98 https://checkout.inflowpay.com/pay/" in dialog.preview_label.text()
    assert "1 SMS (GSM-7)" in dialog.preview_label.text()
    assert dialog.save_templates_button.isEnabled()

    qtbot.keyClicks(dialog.sms_edit, " {price}")
    assert "Unknown placeholder {price}" in dialog.template_problem_label.text()
    assert not dialog.save_templates_button.isEnabled()
    dialog.save_templates()
    assert store.templates("acme").sms != dialog.sms_edit.toPlainText()

    for _ in " {price}":
        qtbot.keyClick(dialog.sms_edit, Qt.Key.Key_Backspace)
    assert dialog.template_problem_label.text() == ""
    qtbot.mouseClick(dialog.save_templates_button, Qt.MouseButton.LeftButton)
    assert store.templates("acme").sms == "{merchant}: {amount} {link}"
    assert store.templates("other").sms != "{merchant}: {amount} {link}"


def test_existing_products_are_listed(qtbot: QtBot, store: CatalogStore) -> None:
    store.add_product("acme", CatalogProduct("Cable", {EUR: 500}, 3, "C-1"))
    dialog = CatalogDialog(store, "acme")
    qtbot.addWidget(dialog)
    cells = [dialog.table.item(0, c).text() for c in range(dialog.table.columnCount())]
    assert cells == ["Cable", "5.00", "", "3", "C-1"]


def test_the_settings_menu_opens_it_for_the_current_profile(qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QAction

    from inflow_desk import app as desk_app
    from inflow_desk.storage.keystore import MemoryKeyStore

    desk = desk_app.build_desk(
        desk_app.parse_args(["--demo"]),
        qsettings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
        keystore=MemoryKeyStore(),
        history_file=tmp_path / "history.sqlite3",
    )
    try:
        qtbot.addWidget(desk.window)
        assert desk.catalog is not None and (tmp_path / "desk.sqlite3").exists()
        action = desk.window.findChild(QAction, "catalogAction")
        assert action is not None and action.shortcut().toString() == "Ctrl+Shift+K"
        action.trigger()
        dialog = desk.window.findChild(CatalogDialog)
        assert isinstance(dialog, CatalogDialog)
        qtbot.waitUntil(dialog.isVisible)
        assert dialog.windowTitle().endswith("— demo")
        dialog.close()
    finally:
        desk.close()
