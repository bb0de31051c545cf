"""The states an agent sees, reached on the demo desk the app builds (every start-up step
done, 1366×768 laptop size), for the tests that look at every state: translation coverage,
text fit. No pytest here: ``tests/text_fit_report.py`` drives the same states in a process of
its own (200 % scaling must be set before the QApplication exists).

``walk_states(desk, wait_until)`` yields each state's name once the window shows it; the
caller inspects ``QApplication.topLevelWidgets()`` then. ``wait_until(predicate, ms)`` is
``qtbot.waitUntil`` in tests (an event-loop wait; never ``QTest.qWait``).
"""

from __future__ import annotations

import platform
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLineEdit, QWidget

from inflow_desk import app as desk_app
from inflow_desk.storage.keystore import MemoryKeyStore
from inflow_desk.ui.main_window import default_window_size

WaitUntil = Callable[[Callable[[], bool], int], None]
#: A 1366×768 laptop screen, less a task bar (as tests/ui/conftest.py's LAPTOP).
LAPTOP = QSize(1366, 768 - 40)
CTRL = Qt.KeyboardModifier.ControlModifier
#: What the states type: data, never translated (the translation walk leaves it out).
PRODUCT, PRICE, SECOND_PRODUCT = "Starter kit", "49.99", "Shipping express"
EMAIL = "camille.client@example.org"
#: ... and facts about this machine (About's platform line).
DATA = (PRODUCT, SECOND_PRODUCT, EMAIL, "default", platform.platform())


def build(tmp: Path, *, demo: bool = True, size: QSize = LAPTOP) -> desk_app.Desk:
    """The desk as ``main`` builds it (demo: serving), shown at its first size on ``size``."""
    desk = desk_app.build_desk(
        desk_app.parse_args(["--demo"] if demo else []),
        qsettings=QSettings(str(tmp / "s.ini"), QSettings.Format.IniFormat),
        keystore=MemoryKeyStore(),
        history_file=tmp / "history.sqlite3",
    )
    desk.window.resize(default_window_size(size))
    desk.window.show()
    desk.window.activateWindow()
    return desk


def server_data(desk: desk_app.Desk) -> list[str]:
    """What the (demo) server says, never translated by the app: offer names and
    descriptions."""
    demo = desk.controller.emulator
    emulator = demo.emulator if isinstance(demo, desk_app.DemoEmulator) else None
    if emulator is None:
        return []
    return [
        str(offer[key])
        for offer in emulator.offers
        for key in ("name", "description")
        if offer.get(key)
    ]


def _focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has keyboard focus"
    return widget


def _key(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(_focused(), key, modifier)


def _visible_dialog(name: str | None = None, cls: type[QWidget] = QDialog) -> QWidget | None:
    for widget in QApplication.topLevelWidgets():
        if (
            isinstance(widget, cls)
            and widget.isVisible()
            and (name is None or widget.objectName() == name)
        ):
            return widget
    return None


def _close_dialogs(window: QWidget, wait_until: WaitUntil) -> None:
    for widget in QApplication.topLevelWidgets():
        if widget is not window and widget.isWindow() and widget.isVisible():
            widget.close()
    wait_until(lambda: _visible_dialog() is None, 3000)
    window.activateWindow()


def walk_states(desk: desk_app.Desk, wait_until: WaitUntil) -> Iterator[str]:
    """Drive the demo ``desk`` through the states and yield each one's name."""
    window = desk.window
    wait_until(window.isActiveWindow, 5000)
    demo = desk.controller.emulator
    assert isinstance(demo, desk_app.DemoEmulator)
    wait_until(demo.serving.is_set, 10_000)
    emulator = demo.emulator
    assert emulator is not None
    wait_until(lambda: QApplication.focusWidget() is not None, 3000)
    yield "empty"

    _key(Qt.Key.Key_Return, CTRL)  # an empty cart: refused, says why
    wait_until(window.error_label.isVisible, 3000)
    yield "invalid"

    def fill() -> None:
        model = window.one_time_form.model
        model.setData(model.index(0, 0), PRODUCT)
        model.setData(model.index(0, 1), PRICE)
        model.add_line()
        model.setData(model.index(1, 0), SECOND_PRODUCT)
        model.setData(model.index(1, 1), "9.90")
        window.options_form.email_edit.setText(EMAIL)

    fill()
    yield "filled"

    created: list[object] = []
    window.sessionCreated.connect(created.append)
    window.create_session()
    wait_until(lambda: bool(created), 5000)
    yield "created"

    window.result_panel.show_big_qr()
    wait_until(lambda: _visible_dialog() is not None, 3000)
    yield "qr"
    _close_dialogs(window, wait_until)

    payments = desk.payments
    if payments is not None:
        label = window.findChild(QLabel, "paymentStatusLabel")
        before = label.text() if label is not None else ""
        watcher = payments.watchers.get(window.account.name)
        if watcher is not None:  # a real clock: no 5 s wait between two checks here
            watcher.plan.fast = watcher.plan.min_gap = timedelta(milliseconds=100)
        payments.simulate("paid")
        if label is not None:
            wait_until(lambda: label.text() != before, 5000)
        yield "paid"

    from inflow_desk.emulator import Fault

    window.new_link()
    fill()
    emulator.inject(Fault("html", status=502))
    window.create_session()
    wait_until(lambda: window.error_label.isVisible() and not window.busy, 5000)
    yield "error"

    window.new_link()
    window.switch_mode(1)
    search = window.findChild(QLineEdit, "offerSearchEdit")
    form = desk.subscription
    if form is not None:
        wait_until(lambda: form.model.listed_count() > 0, 5000)
    if search is not None:
        search.setText("pro")
    yield "subscription"

    window.switch_mode(0)
    go_to = window.findChild(QAction, "goToHistoryAction")
    assert go_to is not None, "no history action"
    go_to.trigger()
    wait_until(lambda: window.findChild(QWidget, "historyDock").isVisible(), 3000)
    yield "history"

    desk.controller.open_settings("default")
    wait_until(lambda: _visible_dialog() is not None, 3000)
    yield "settings"
    _close_dialogs(window, wait_until)

    catalog = window.findChild(QAction, "catalogAction")
    if catalog is not None:
        catalog.trigger()
        wait_until(lambda: _visible_dialog() is not None, 3000)
        yield "catalog"
        _close_dialogs(window, wait_until)

    if desk.about is not None:
        desk.about.trigger()
        wait_until(lambda: _visible_dialog("aboutDialog") is not None, 3000)
        yield "about"
        _close_dialogs(window, wait_until)


def first_run_state(desk: desk_app.Desk, wait_until: WaitUntil) -> Iterator[str]:
    """A desk without a key (not demo) shows the first-run screen."""
    wait_until(desk.controller.showing_first_run, 5000)
    wait_until(desk.window.isVisible, 3000)
    yield "first run"
