"""What a screen reader gets (issue 17 item 4), in-process: every interactive control of the
window and of every dialog has an accessible name (as Qt's accessibility interface reports it,
which is what the AT-SPI bridge sends Orca), Tab follows the visual order, status changes that
matter are announced, and colour never carries meaning alone.

The same tree is read over the real AT-SPI bus in ``tests/realdisplay/test_accessibility.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSettings, Qt
from PySide6.QtGui import QAccessible, QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from inflow_desk.emulator import InflowEmulator
from inflow_desk.ui.accounts.account import Account
from inflow_desk.ui.checkout.line_items_model import Column
from inflow_desk.ui.kit import a11y, palette
from inflow_desk.ui.kit.chips import Chip
from inflow_desk.ui.main_window import MainWindow
from tests.ui.conftest import focused, press, type_text

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier

#: What AT-SPI calls interactive: what an agent reaches with Tab or a screen reader's
#: "next form field" and must hear the name of.
INTERACTIVE = (
    QAbstractButton,  # push, tool, check and radio buttons
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,  # tables, lists, trees
    QTabBar,
    QTextEdit,
    QPlainTextEdit,
)


def accessible_name(widget: QWidget) -> str:
    """The name Qt's accessibility bridge reports (AT-SPI ``Name``): the accessible name, else
    what Qt derives (a button's text, a buddy label's text)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None and interface.isValid(), widget
    return interface.text(QAccessible.Text.Name).strip()


def _path(widget: QWidget) -> str:
    parts: list[str] = []
    node: QWidget | None = widget
    while node is not None:
        parts.append(node.objectName() or type(node).__name__)
        if node.isWindow():
            break
        node = node.parentWidget()
    return "/".join(reversed(parts)) + f" ({type(widget).__name__})"


def _is_part_of_another_control(widget: QWidget) -> bool:
    """Pieces Qt builds inside a control and reports as that control: a spin box's or an
    editable combo's line edit, a line edit's clear button, a scroll bar's arrows, a header."""
    parent = widget.parentWidget()
    if isinstance(widget, QHeaderView | QScrollBar):
        return True
    if isinstance(widget, QLineEdit) and isinstance(parent, QAbstractSpinBox | QComboBox):
        return True
    if isinstance(parent, QLineEdit | QTabBar | QScrollBar):
        return True  # the clear button of a line edit, a tab bar's scroll arrows
    return type(widget).__name__.startswith("QComboBoxPrivate")


def label_texts(widget: QWidget) -> list[str]:
    """The labels ``widget`` is labelled by (AT-SPI ``labelled-by``; Qt: a buddy label)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None, widget
    return [
        label.text(QAccessible.Text.Name).strip()
        for label, _ in interface.relations(QAccessible.RelationFlag.Label)
        if label.role() == QAccessible.Role.StaticText  # a group box's title is not enough
    ]


def unnamed_controls(top: QWidget) -> list[str]:
    """Every visible interactive control of ``top`` (a window or dialog) without a name. A
    combo box needs a label: on Linux its name is its current item (Qt does not use its
    accessible name there) and Orca says what it is from the label it is labelled by."""
    found: list[str] = []
    for widget in [top, *top.findChildren(QWidget)]:
        if not isinstance(widget, INTERACTIVE) or not widget.isVisibleTo(top):
            continue
        if widget.window() is not top or _is_part_of_another_control(widget):
            continue
        if not accessible_name(widget):
            found.append(_path(widget))
        elif isinstance(widget, QComboBox) and not any(label_texts(widget)):
            found.append(_path(widget) + " named by its value, without a label")
    return found


def shown_windows() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible()]


# ---------------------------------------------------------------------- names
def _create_link(qtbot: QtBot, window: MainWindow, name: str = "Starter kit") -> None:
    window.one_time_form.focus_first()
    type_text(qtbot, name)
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "49.99")
    with qtbot.waitSignal(window.sessionCreated, timeout=5000):
        press(qtbot, Qt.Key.Key_Return, CTRL)


@dataclass
class _Opened:
    what: str
    windows: list[QWidget]


def _open(
    qtbot: QtBot, window: MainWindow, what: str, key: Qt.Key, mods: Qt.KeyboardModifier
) -> Iterator[_Opened]:
    before = set(map(id, shown_windows()))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, key, mods)
    qtbot.waitUntil(lambda: any(id(w) not in before for w in shown_windows()), timeout=5000)
    opened = [w for w in shown_windows() if id(w) not in before]
    qtbot.wait(20)
    yield _Opened(what, opened)
    for dialog in opened:
        dialog.close()
    qtbot.waitUntil(lambda: not any(w.isVisible() for w in opened))


NONE = Qt.KeyboardModifier.NoModifier
DIALOGS: list[tuple[str, Qt.Key, Qt.KeyboardModifier]] = [
    ("settings (Ctrl+,)", Qt.Key.Key_Comma, CTRL),
    ("about (F1)", Qt.Key.Key_F1, NONE),
    ("catalog and messages (Ctrl+Shift+K)", Qt.Key.Key_K, CTRL | SHIFT),
    ("big QR code (F11)", Qt.Key.Key_F11, NONE),
    ("read-aloud card (F8)", Qt.Key.Key_F8, NONE),
    ("save the cart as (Ctrl+Shift+B)", Qt.Key.Key_B, CTRL | SHIFT),
    ("insert a saved cart (Ctrl+B)", Qt.Key.Key_B, CTRL),
]


def test_every_control_of_the_window_and_every_dialog_has_an_accessible_name(
    qtbot: QtBot, laptop_window: MainWindow
) -> None:
    window = laptop_window
    missing: dict[str, list[str]] = {}

    def check(state: str, tops: list[QWidget]) -> None:
        for top in tops:
            names = unnamed_controls(top)
            if names:
                missing[f"{state}: {top.objectName() or type(top).__name__}"] = names

    check("empty window", [window])
    _create_link(qtbot, window)
    check("link shown", [window])
    window.switch_mode(1)
    qtbot.waitUntil(lambda: window.current_mode().kind != "one_time")
    check("subscription", [window])
    window.switch_mode(0)
    press(qtbot, Qt.Key.Key_H, CTRL)  # the history
    qtbot.wait(50)
    check("history", [window])
    for what, key, mods in DIALOGS:
        for opened in _open(qtbot, window, what, key, mods):
            check(opened.what, opened.windows)
    report = "\n".join(f"{where}:\n  " + "\n  ".join(names) for where, names in missing.items())
    assert not missing, f"interactive controls without an accessible name:\n{report}"


def test_the_first_run_screen_and_the_export_range_dialog_name_their_controls(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from inflow_desk import app as desk_app
    from inflow_desk.storage.keystore import MemoryKeyStore
    from inflow_desk.ui.history.view import DateRangeDialog

    desk = desk_app.build_desk(  # Production, no key yet: the first-run screen
        desk_app.parse_args([]),
        qsettings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
        keystore=MemoryKeyStore(),
        history_file=tmp_path / "history.sqlite3",
    )
    try:
        qtbot.addWidget(desk.window)
        desk.window.show()
        qtbot.waitExposed(desk.window)
        assert desk.controller.showing_first_run()
        assert unnamed_controls(desk.window) == []
        dialog = DateRangeDialog(date(2026, 11, 25), desk.window)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert unnamed_controls(dialog) == []
        dialog.close()
    finally:
        desk.close()


def test_the_walk_finds_a_control_without_a_name(qtbot: QtBot) -> None:
    top = QWidget()
    qtbot.addWidget(top)
    named, unnamed, labelled = QLineEdit(top), QLineEdit(top), QLineEdit(top)
    named.setAccessibleName("Customer e-mail")
    unnamed.setObjectName("nobody")
    label = QLabel("&Success URL", top)
    label.setBuddy(labelled)  # a buddy label names its field, as Qt reports it
    combo, labelled_combo = QComboBox(top), QComboBox(top)
    combo.setObjectName("profiles")
    combo.setAccessibleName("Merchant profile")  # not what Orca hears on Linux
    for box in (combo, labelled_combo):
        box.addItem("default · Production")
    QLabel("Currency", top).setBuddy(labelled_combo)
    top.show()
    assert unnamed_controls(top) == [
        "QWidget/nobody (QLineEdit)",
        "QWidget/profiles (QComboBox) named by its value, without a label",
    ]
    assert accessible_name(labelled) == "Success URL"
    assert label_texts(labelled_combo) == ["Currency"]


# ---------------------------------------------------------------------- Tab order
def _focus_chain(start: QWidget, inside: list[QWidget]) -> list[QWidget]:
    """Tab stops after ``start`` (Qt's focus chain, as Tab walks it) that lie in ``inside``."""
    stops: list[QWidget] = []
    widget: QWidget | None = start
    for _ in range(2000):
        widget = widget.nextInFocusChain() if widget is not None else None
        if widget is None or widget is start:
            break
        accepts_tab = bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        if not (accepts_tab and widget.isVisible() and widget.isEnabled()):
            continue
        if widget.focusProxy() is not None:
            continue
        if any(widget is area or area.isAncestorOf(widget) for area in inside):
            stops.append(widget)
    return stops


def _box(widget: QWidget) -> QRect:
    return QRect(widget.mapTo(widget.window(), widget.rect().topLeft()), widget.size())


def out_of_visual_order(stops: list[QWidget]) -> list[str]:
    """Steps of Tab against the reading order: top to bottom, left to right within a row
    (boxes that overlap vertically), a column beside another read after it. A step up is
    allowed only into the next column to the right, and never above where the column Tab
    leaves began (a jump back up)."""
    wrong: list[str] = []
    column_top = _box(stops[0]).top() if stops else 0
    for before, after in pairwise(stops):
        a, b = _box(before), _box(after)
        if b.top() <= a.bottom() and a.top() <= b.bottom():  # the same row
            ok = b.left() >= a.left()
        elif b.top() > a.bottom():  # below
            ok = True
            if b.left() > a.right() or b.right() < a.left():  # a new block starts
                column_top = b.top()
        else:  # above: the next column, from no higher than this one began
            ok = b.left() > a.right() and b.top() >= column_top
            column_top = b.top()
        if not ok:
            wrong.append(f"{_path(before)} {a.getRect()} → {_path(after)} {b.getRect()}")
    return wrong


def test_tab_follows_the_visual_order_in_the_form_the_options_and_the_result(
    qtbot: QtBot, laptop_window: MainWindow
) -> None:
    window = laptop_window
    _create_link(qtbot, window)  # the result panel's controls are enabled with a link
    form, options, result = window.one_time_form, window.options_form, window.result_panel
    stops = _focus_chain(window.mode_switch.tabBar(), [form, options, result])
    names = [_path(w) for w in stops]
    assert stops and stops[0] is form.table, names
    areas = [0 if form.isAncestorOf(w) else 1 if options.isAncestorOf(w) else 2 for w in stops]
    assert areas == sorted(areas), f"Tab leaves an area and comes back: {names}"
    for area in (form, options, result):
        inside = [w for w in stops if area.isAncestorOf(w)]
        assert len(inside) >= 3, (area.objectName(), names)
        assert out_of_visual_order(inside) == [], area.objectName()
    assert result.url_edit in stops and result.copy_button in stops


def test_the_order_check_finds_a_jump_back_up(qtbot: QtBot) -> None:
    top = QWidget()
    qtbot.addWidget(top)
    upper, lower, beside_upper, beside_lower, far = (QLineEdit(top) for _ in range(5))
    upper.setGeometry(0, 0, 100, 20)
    lower.setGeometry(0, 40, 100, 20)
    beside_upper.setGeometry(120, 0, 100, 20)  # a second column
    beside_lower.setGeometry(120, 40, 100, 20)
    far.setGeometry(240, 80, 100, 20)  # a block below, right of both columns
    top.show()
    assert out_of_visual_order([upper, lower, beside_upper, beside_lower, far]) == []
    assert out_of_visual_order([upper, beside_upper, lower, beside_lower]) == []  # rows
    assert len(out_of_visual_order([lower, upper])) == 1  # back up
    assert len(out_of_visual_order([beside_upper, upper])) == 1  # back left in a row
    # from the block below, up into the column beside the one above: a jump back up
    assert len(out_of_visual_order([upper, lower, far, beside_upper])) == 1


# ---------------------------------------------------------------------- actions alone
def _toggle_cell(table: QWidget, row: int, column: int) -> None:
    """What Qt's AT-SPI bridge does when a client (a switch or voice user's tool, a screen
    reader) calls a cart cell's one action, "Toggle": the cell's action interface."""
    interface = QAccessible.queryAccessibleInterface(table)
    assert interface is not None
    for i in range(interface.childCount()):
        cell = interface.child(i)
        place = cell.tableCellInterface() if cell is not None else None
        if place is not None and (place.rowIndex(), place.columnIndex()) == (row, column):
            actions = cell.actionInterface()
            assert actions is not None and actions.actionNames() == ["Toggle"]
            actions.doAction("Toggle")
            return
    raise AssertionError(f"no accessible cell at {row}, {column}")


def test_a_cell_toggled_through_accessibility_is_edited_there(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Qt's "Toggle" only selects a cell: without the cart's help the keyboard stayed on the
    product cell, and F2 or a digit edited that one (issue 17 item 4)."""
    form = window.one_time_form
    table, model = form.table, form.model
    form.focus_first()
    type_text(qtbot, "Starter kit")  # the product cell's editor, from the keyboard
    _toggle_cell(table, 0, Column.QUANTITY)
    assert focused().objectName() == "lineItemQuantityEditor"
    assert model.index(0, Column.NAME).data(Qt.ItemDataRole.EditRole) == "Starter kit"
    type_text(qtbot, "3")
    _toggle_cell(table, 0, Column.PRICE)  # the quantity editor commits, the price one opens
    assert focused().objectName() == "lineItemPriceEditor"
    assert table.currentIndex() == model.index(0, Column.PRICE)
    assert model.index(0, Column.QUANTITY).data(Qt.ItemDataRole.EditRole) == 3
    type_text(qtbot, "49.99")
    _toggle_cell(table, 0, Column.TOTAL)  # read only: the cell itself takes the focus
    assert focused() is table and table.currentIndex() == model.index(0, Column.TOTAL)
    assert model.index(0, Column.TOTAL).data() == "€149.97"
    press(qtbot, Qt.Key.Key_Left)  # the keyboard is where the client left it; arrows only move
    assert focused() is table and table.currentIndex() == model.index(0, Column.QUANTITY)


# ---------------------------------------------------------------------- announcements
@pytest.fixture
def announced() -> Iterator[list[tuple[str, bool]]]:
    heard: list[tuple[str, bool]] = []

    def hear(text: str, assertive: bool) -> None:
        heard.append((text, assertive))

    a11y.announcer().announced.connect(hear)
    yield heard
    a11y.announcer().announced.disconnect(hear)


def test_a_created_and_copied_link_is_announced(
    qtbot: QtBot, window: MainWindow, announced: list[tuple[str, bool]]
) -> None:
    _create_link(qtbot, window)
    texts = [text for text, _ in announced]
    assert window.status_label.text() in texts  # "Link created ✓", as shown
    assert window.result_panel.copied_label.text() in texts  # "Copied ✓ — paste it…"
    assert "Link created ✓" in texts
    assert not any(assertive for _, assertive in announced)


def test_an_error_is_announced_at_once(
    qtbot: QtBot, window: MainWindow, announced: list[tuple[str, bool]]
) -> None:
    press(qtbot, Qt.Key.Key_Return, CTRL)  # an empty cart: nothing is sent
    assert window.error_label.isVisible()
    assert (window.error_label.text(), True) in announced
    assert "Nothing was sent" in window.error_label.text()


def test_a_payment_status_change_is_announced(
    qtbot: QtBot, laptop_window: MainWindow, announced: list[tuple[str, bool]]
) -> None:
    window = laptop_window
    _create_link(qtbot, window)
    label = window.findChild(QLabel, "paymentStatusLabel")
    assert label is not None
    # The chip says "Waiting" on screen (no sentence); the screen reader hears the sentence.
    qtbot.waitUntil(lambda: ("Waiting for payment…", False) in announced)
    pay = next(a for a in window.findChildren(QAction) if a.text() == "Simulate: customer pays")
    pay.trigger()  # the demo customer pays
    qtbot.waitUntil(lambda: label.text().startswith("Paid"), timeout=10_000)
    assert (label.text(), False) in announced


def test_without_qts_announcement_a_live_label_says_it(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    top = QWidget()
    qtbot.addWidget(top)
    top.show()
    monkeypatch.setattr(a11y, "ANNOUNCEMENT_EVENT", None)
    a11y.announce(top, "Link created ✓")
    live = top.findChild(QLabel, a11y.LIVE_LABEL_NAME)
    assert live is not None and live.isVisible()
    assert accessible_name(live) == "Link created ✓"
    a11y.announce(top, "  ")  # nothing to say: nothing said
    assert accessible_name(live) == "Link created ✓"


def test_announce_sends_qts_announcement_event(qtbot: QtBot) -> None:
    assert a11y.ANNOUNCEMENT_EVENT is not None  # PySide6 ≥ 6.8 has it
    top = QWidget()
    qtbot.addWidget(top)
    with qtbot.waitSignal(a11y.announcer().announced) as said:
        a11y.announce(top, "Copied ✓", assertive=True)
    assert said.args == ["Copied ✓", True]
    assert top.findChild(QLabel, a11y.LIVE_LABEL_NAME) is None


# ---------------------------------------------------------------------- colour is not alone
@pytest.mark.parametrize("environment", ["PRODUCTION", "SANDBOX", "DEMO", "CUSTOM"])
def test_the_environment_badge_says_the_environment_in_words(
    make_window: Callable[..., MainWindow], emulator: InflowEmulator, environment: str
) -> None:
    window = make_window()
    window.set_account(Account("Shop", environment, emulator.base_url), window.gateway)
    badge = window.environment_badge
    assert badge.isVisible()
    assert environment in badge.text().upper()  # written, not only coloured
    assert environment.lower() in accessible_name(badge).lower()


def test_every_chip_kind_has_its_own_words() -> None:
    labels = {kind: palette.CHIP_LABELS.get(kind, "") for kind in palette.CHIP_KINDS}
    assert all(any(c.isalpha() for c in text) for text in labels.values()), labels
    assert len(set(labels.values())) == len(labels), "two kinds would differ by colour only"


def test_a_chip_is_read_out_by_its_words(qtbot: QtBot) -> None:
    chip = Chip()
    qtbot.addWidget(chip)
    for kind in palette.CHIP_KINDS:
        chip.set_chip(kind, palette.CHIP_LABELS[kind])
        assert accessible_name(chip) == palette.CHIP_LABELS[kind]
