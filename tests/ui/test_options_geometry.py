"""The options form (issue 19): an invalid e-mail's message takes a line kept for it, so
"Expires after", its fields and the URL rows below stay where they were."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from inflow_desk.ui.main_window import MainWindow
from tests.ui.conftest import find, press, type_text
from tests.ui.test_state_geometry import problems

CTRL = Qt.KeyboardModifier.ControlModifier


def _placed(widget: QWidget, window: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def test_an_invalid_email_moves_nothing(qtbot: QtBot, laptop_window: MainWindow) -> None:
    window = laptop_window
    form = window.options_form
    expires_label = next(
        label for label in form.findChildren(QLabel) if label.buddy() is form.expiry_combo
    )
    watched = {
        "expires label": expires_label,
        "expiry preset": form.expiry_combo,
        "expiry hours": form.expires_spin,
        "e-mail": form.email_edit,
        "success URL": form.success_edit,
        "cancel URL": form.cancel_edit,
        "options group": form,
    }
    window.one_time_form.focus_first()
    type_text(qtbot, "Starter kit")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "49.99")
    qtbot.wait(20)
    before = {name: _placed(widget, window) for name, widget in watched.items()}

    form.email_edit.setFocus()
    type_text(qtbot, "camille@")
    press(qtbot, Qt.Key.Key_Return, CTRL)  # refused: the e-mail's message shows
    error = find(window, QLabel, "customerEmailError")
    qtbot.waitUntil(error.isVisible)
    assert "e-mail" in error.text()
    qtbot.wait(20)
    after = {name: _placed(widget, window) for name, widget in watched.items()}
    assert after == before
    # The message reads on one line, under the e-mail field, inside the group.
    assert error.height() <= error.fontMetrics().lineSpacing() * 1.5
    assert _placed(error, window).top() >= before["e-mail"].bottom()
    assert _placed(error, window).bottom() < before["success URL"].top()
    assert problems(window) == []
