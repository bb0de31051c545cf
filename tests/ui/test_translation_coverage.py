"""No string escapes translation (issue 17, item 2): under the pseudo-locale every text the
app writes comes back as ``[!! text ~~ !!]``; a visible text with a word outside those
brackets (and not data: what the agent typed, links, amounts…) was never translated.

The big walk goes through every state an agent sees (tests/ui/desk_states.py) and lists every
unwrapped text once, grouped by widget path."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from inflow_desk.ui.kit.i18n import pseudo
from tests.ui import desk_states
from tests.ui.i18n_helpers import language
from tests.ui.text_walk import Text, report, untranslated, visible_texts


def _waiter(qtbot: QtBot) -> desk_states.WaitUntil:
    def wait_until(predicate: object, timeout: int) -> None:
        qtbot.waitUntil(predicate, timeout=timeout)  # type: ignore[arg-type]

    return wait_until


def test_every_visible_text_in_every_state_is_translated(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    escaped: list[Text] = []
    seen_states: list[str] = []
    with language("pseudo", monkeypatch):
        desk = desk_states.build(tmp_path / "demo")
        qtbot.addWidget(desk.window)
        try:
            for state in desk_states.walk_states(desk, _waiter(qtbot)):
                seen_states.append(state)
                data = [*desk_states.DATA, *desk_states.server_data(desk)]
                escaped += untranslated(visible_texts(QApplication.topLevelWidgets()), data)
        finally:
            desk.window.hide()
            desk.close()
        first = desk_states.build(tmp_path / "first", demo=False)
        qtbot.addWidget(first.window)
        try:
            for state in desk_states.first_run_state(first, _waiter(qtbot)):
                seen_states.append(state)
                escaped += untranslated(visible_texts([first.window]), desk_states.DATA)
        finally:
            first.close()
    assert seen_states[:4] == ["empty", "invalid", "filled", "created"]
    unique = list(dict.fromkeys(escaped))
    assert not unique, (
        f"{len(unique)} visible texts escape translation (states walked: "
        f"{', '.join(seen_states)}):\n{report(unique)}"
    )


class _Model(QAbstractTableModel):
    def __init__(self, header: str, cells: list[str]) -> None:
        super().__init__()
        self._header, self._cells = header, cells

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return len(self._cells)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 1

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells[index.row()]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._header
        return None


def test_the_walk_catches_an_unwrapped_text_and_accepts_wrapped_text_and_data(
    qtbot: QtBot,
) -> None:
    window = QWidget()
    window.setObjectName("probe")
    window.setWindowTitle(pseudo("Settings"))
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)

    def add(widget: QWidget, name: str) -> QWidget:
        widget.setObjectName(name)
        layout.addWidget(widget)
        return widget

    add(QLabel("Expires in 30 minutes"), "plain")  # never translated
    add(QLabel(pseudo("Create link")), "wrapped")
    add(QLabel(f"<b>{pseudo('Total')}</b> $99.98"), "rich")  # rich text, an amount
    add(QLabel(pseudo("Product {name}").format(name="Starter kit")), "template")
    add(QLabel("Starter kit"), "data")  # what the agent typed
    add(QLabel("https://pay.example/cs_123 · 14:42 · EUR"), "link")
    add(QPushButton("&Copy"), "button")  # a mnemonic, never translated
    edit = add(QLineEdit(), "edit")
    assert isinstance(edit, QLineEdit)
    edit.setPlaceholderText(pseudo("Search"))
    edit.setToolTip("Type to filter")  # a tooltip, never translated
    hidden = add(QLabel("Hidden text"), "hidden")
    hidden.hide()
    table = add(QTableView(), "table")
    assert isinstance(table, QTableView)
    model = _Model("Status", ["Starter kit", pseudo("Paid"), "Expired"])
    table.setModel(model)
    window.show()
    qtbot.waitExposed(window)

    found = untranslated(visible_texts([window]), data=["Starter kit"])
    assert sorted((t.path, t.kind, t.text) for t in found) == sorted(
        [
            ("QWidget#probe/QLabel#plain", "text", "Expires in 30 minutes"),
            ("QWidget#probe/QPushButton#button", "text", "&Copy"),
            ("QWidget#probe/QLineEdit#edit", "tooltip", "Type to filter"),
            ("QWidget#probe/QTableView#table[header 0]", "header", "Status"),
            ("QWidget#probe/QTableView#table[column 0]", "cell", "Expired"),
        ]
    )
    text = report(found)
    assert text.splitlines()[0] == "QWidget#probe/QLabel#plain"
    assert "    text: 'Expires in 30 minutes'" in text

    window.setWindowTitle("Settings")  # an unwrapped window title is caught too
    assert any(t.kind == "title" for t in untranslated(visible_texts([window])))
