"""The result card (issue 19): headed by the amount, then items or offer, customer and expiry,
then the link and its actions, then the QR; the charge uses the card's width on a laptop; the
payment chip is not repeated by a sentence; "Copied" and a chip's change fade, moving nothing."""

from __future__ import annotations

from datetime import timedelta
from itertools import pairwise

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QGraphicsOpacityEffect, QLabel, QWidget
from pytestqt.qtbot import QtBot

from inflow_desk.ui.checkout.result_panel import ChargeSummary, ResultPanel
from inflow_desk.ui.kit import motion
from inflow_desk.ui.kit.chips import Chip
from inflow_desk.ui.main_window import MainWindow
from tests.ui.conftest import FROZEN_NOW, Clock, find, press, type_text

URL = "https://checkout.inflowpay.com/pay/sess_7Hq2Lm90abcdEFGH"
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def panel(qtbot: QtBot, clock: Clock) -> ResultPanel:
    widget = ResultPanel(clock=clock)
    qtbot.addWidget(widget)
    widget.resize(520, 460)
    widget.show()
    qtbot.waitExposed(widget)
    widget.show_session(
        url=URL,
        session_id="sess_7Hq2Lm90abcdEFGH",
        expires_at=FROZEN_NOW + timedelta(hours=1),
        expiry_assumed=False,
        charge=ChargeSummary(
            "€109.88",
            ("2 × Starter kit, 1 × Shipping express", "Customer: camille.client@example.org"),
        ),
    )
    return widget


def _top(widget: QWidget, panel: QWidget) -> int:
    return widget.mapTo(panel, QPoint(0, 0)).y()


def _bottom(widget: QWidget, panel: QWidget) -> int:
    return _top(widget, panel) + widget.height()


def test_the_card_reads_amount_charge_expiry_link_then_qr(qtbot: QtBot, panel: ResultPanel) -> None:
    chip = Chip(kind="waiting", text="Waiting")
    panel.add_status_chip(chip)
    qtbot.wait(10)
    order = [
        panel.amount_label,
        panel.charge_label,
        panel.expiry_label,
        panel.url_edit,
        panel.copy_button,
        panel.qr_label,
    ]
    for above, below in pairwise(order):
        assert _bottom(above, panel) <= _top(below, panel), (
            f"{above.objectName()} should be above {below.objectName()}"
        )
    # The chip (what happened to the money) heads the card with the amount.
    amount_middle = _top(panel.amount_label, panel) + panel.amount_label.height() // 2
    assert _top(chip, panel) <= amount_middle <= _bottom(chip, panel)
    assert chip.mapTo(panel, QPoint(0, 0)).x() > panel.amount_label.mapTo(panel, QPoint(0, 0)).x()
    # The amount is the heading: larger than everything else on the card.
    assert panel.amount_label.font().pointSizeF() > panel.url_edit.font().pointSizeF()
    assert panel.amount_label.font().bold()


def test_the_charge_uses_the_cards_width_on_a_laptop(
    qtbot: QtBot, laptop_window: MainWindow
) -> None:
    window = laptop_window
    window.one_time_form.focus_first()
    type_text(qtbot, "Starter kit")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "49.99")
    window.options_form.email_edit.setText("camille.client@example.org")
    with qtbot.waitSignal(window.sessionCreated, timeout=5000):
        press(qtbot, Qt.Key.Key_Return, CTRL)
    panel = window.result_panel
    qtbot.waitUntil(lambda: panel.charge_label.text() != "")
    qtbot.wait(20)
    charge = panel.charge_label
    # As wide as the link's field (the card's width), not squeezed beside the amount.
    assert charge.width() >= panel.url_edit.width() - 2
    lines = charge.text().count("\n") + 1
    assert lines == 2
    # Each of its lines fits on one line of the label: nothing wraps.
    assert charge.height() <= charge.fontMetrics().lineSpacing() * lines + 4
    assert charge.heightForWidth(charge.width()) <= charge.fontMetrics().lineSpacing() * lines + 4


def test_the_waiting_chip_is_not_repeated_by_a_sentence(
    qtbot: QtBot, laptop_window: MainWindow
) -> None:
    window = laptop_window
    window.one_time_form.focus_first()
    type_text(qtbot, "Starter kit")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "49.99")
    with qtbot.waitSignal(window.sessionCreated, timeout=5000):
        press(qtbot, Qt.Key.Key_Return, CTRL)
    chip = find(window, Chip, "paymentStatusChip")
    label = find(window, QLabel, "paymentStatusLabel")
    qtbot.waitUntil(lambda: chip.text() == "Waiting")
    assert chip.isVisible()
    assert label.text() == ""  # the chip says it; the sentence would only repeat it
    assert "Waiting for payment" in label.toolTip()  # the whole status is still one hover away


# ---------------------------------------------------------------------------- motion
def test_copied_fades_in_without_moving_anything(qtbot: QtBot, panel: ResultPanel) -> None:
    motion.set_enabled(True)
    label = panel.copied_label
    qtbot.wait(50)  # the panel's layout has run since the link was shown
    before = [(w.objectName(), w.geometry()) for w in panel.findChildren(QWidget)]
    qtbot.mouseClick(panel.copy_button, Qt.MouseButton.LeftButton)
    assert label.text().startswith("Copied ✓")  # the words are there at once
    assert motion.fading(label)
    effect = label.graphicsEffect()
    assert isinstance(effect, QGraphicsOpacityEffect) and effect.opacity() < 1.0
    qtbot.waitUntil(lambda: not motion.fading(label), timeout=2000)
    assert label.graphicsEffect() is None  # no effect left behind once faded in
    after = [(w.objectName(), w.geometry()) for w in panel.findChildren(QWidget)]
    assert after == before


def test_a_chip_change_fades_and_keeps_its_size(qtbot: QtBot) -> None:
    motion.set_enabled(True)
    holder = QWidget()
    qtbot.addWidget(holder)
    chip = Chip(holder, kind="waiting", text="Waiting")
    chip.setFixedSize(chip.sizeHint().width() + 40, chip.sizeHint().height())
    holder.show()
    qtbot.waitExposed(holder)
    size = chip.size()
    chip.set_chip("paid", "Paid ✓")
    assert motion.fading(chip)
    assert chip.size() == size
    qtbot.waitUntil(lambda: not motion.fading(chip), timeout=2000)
    chip.set_chip("paid", "Paid ✓")  # no change: no fade
    assert not motion.fading(chip)


def test_no_motion_when_reduced_or_in_tests(
    qtbot: QtBot, panel: ResultPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert not motion.enabled()  # tests: off unless asked (tests/ui/conftest.py)
    qtbot.mouseClick(panel.copy_button, Qt.MouseButton.LeftButton)
    assert panel.copied_label.graphicsEffect() is None
    motion.set_enabled(None)  # follow the platform and the environment
    monkeypatch.setenv(motion.REDUCE_MOTION_ENV, "1")
    assert not motion.enabled()
    assert motion.fade_in(panel.copied_label) is None
    monkeypatch.setenv(motion.REDUCE_MOTION_ENV, "0")
    from PySide6.QtWidgets import QApplication

    assert motion.enabled() == QApplication.isEffectEnabled(Qt.UIEffect.UI_General)
