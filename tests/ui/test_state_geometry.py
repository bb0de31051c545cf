"""The screenshots' states, checked in-process: in each, no visible widget lies outside the
window and no visible widget overlaps a visible sibling (one control drawn over another). The
window is the demo desk at its first size on a 1366×768 laptop screen."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from inflow_desk.ui.main_window import MainWindow
from tests.ui.conftest import press, type_text

CTRL = Qt.KeyboardModifier.ControlModifier


def _in_window(widget: QWidget, window: QWidget) -> QRect:
    return QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())


def problems(window: QWidget) -> list[str]:
    """Visible widgets outside the window, and visible siblings that overlap."""
    found: list[str] = []
    bounds = window.rect()
    for widget in window.findChildren(QWidget):
        if widget.isWindow() or not widget.isVisibleTo(window) or widget.size().isEmpty():
            continue
        name = f"{type(widget).__name__}#{widget.objectName()}"
        box = _in_window(widget, window)
        if not bounds.contains(box):
            found.append(f"{name} at {box.getRect()} is outside the window {bounds.getRect()}")
        parent = widget.parentWidget()
        if parent is None or parent.layout() is None:
            continue  # only siblings placed by a layout: Qt's own composite widgets stack
        laid_out = [parent.layout().itemAt(i).widget() for i in range(parent.layout().count())]
        if widget not in laid_out:
            continue
        for other in laid_out:
            if other is None or other is widget or not other.isVisibleTo(window):
                continue
            if id(other) < id(widget) and widget.geometry().intersects(other.geometry()):
                found.append(
                    f"{name} {widget.geometry().getRect()} overlaps "
                    f"{type(other).__name__}#{other.objectName()} {other.geometry().getRect()}"
                )
    return found


def test_no_widget_outside_the_window_or_over_a_sibling_in_any_state(
    qtbot: QtBot, laptop_window: MainWindow
) -> None:
    window = laptop_window
    qtbot.wait(20)
    assert problems(window) == [], "empty"

    press(qtbot, Qt.Key.Key_Return, CTRL)  # an empty cart: the error line and the cart error
    assert window.error_label.isVisible()
    qtbot.wait(20)
    assert problems(window) == [], "refused"

    window.one_time_form.focus_first()
    type_text(qtbot, "Starter kit")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "49.99")
    qtbot.wait(20)
    assert problems(window) == [], "filled"
    with qtbot.waitSignal(window.sessionCreated, timeout=5000):
        press(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.wait(20)
    assert problems(window) == [], "created"

    press(qtbot, Qt.Key.Key_F2)
    type_text(qtbot, "5")
    assert window.result_panel.stale_label.isVisible()
    qtbot.wait(20)
    assert problems(window) == [], "stale"

    window.switch_mode(1)
    qtbot.wait(50)
    assert problems(window) == [], "subscription"


def test_the_check_sees_an_overlap_and_a_widget_outside(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QLabel, QVBoxLayout

    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    first, second = QLabel("first", window), QLabel("second", window)
    first.setObjectName("first")
    second.setObjectName("second")
    layout.addWidget(first)
    layout.addWidget(second)
    window.resize(200, 100)
    window.show()
    qtbot.waitExposed(window)
    assert problems(window) == []

    second.move(first.pos())  # drawn over its sibling
    assert any("overlaps" in p for p in problems(window))
    second.move(190, 90)  # hanging out of the window
    assert any("#second" in p and "outside" in p for p in problems(window))
