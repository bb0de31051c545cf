"""Issue 17 for the result card and the options form: under the pseudo-locale every text they
show (labels, buttons, placeholders, tooltips, presets, accessible names) is wrapped, so none
escapes translation; data (the link, the amount, the cart) is not."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtWidgets import QAbstractButton, QComboBox, QGroupBox, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from inflow_desk.ui.checkout.options_form import OptionsForm
from inflow_desk.ui.checkout.result_panel import ChargeSummary, ResultPanel
from inflow_desk.ui.kit.i18n import PSEUDO_OPEN
from tests.ui.conftest import FROZEN_NOW, Clock
from tests.ui.i18n_helpers import language

URL = "https://checkout.inflowpay.com/pay/sess_7Hq2Lm90abcdEFGH"


def _texts(root: QWidget, data: set[QWidget]) -> list[tuple[str, str]]:
    """(where, text) of every text ``root`` shows or names, ``data`` widgets' own text aside."""
    found: list[tuple[str, str]] = []
    for widget in [root, *root.findChildren(QWidget)]:
        name = f"{type(widget).__name__}#{widget.objectName()}"
        if widget.accessibleName():
            found.append((f"{name} accessible name", widget.accessibleName()))
        if widget.toolTip():
            found.append((f"{name} tooltip", widget.toolTip()))
        if widget in data:
            continue
        if isinstance(widget, QLabel | QAbstractButton) and widget.text():
            found.append((name, widget.text()))
        if isinstance(widget, QLineEdit) and widget.placeholderText():
            found.append((f"{name} placeholder", widget.placeholderText()))
        if isinstance(widget, QGroupBox):
            found.append((f"{name} title", widget.title()))
        if isinstance(widget, QComboBox):
            found.extend((f"{name} item", widget.itemText(i)) for i in range(widget.count()))
    return found


def test_the_card_and_the_options_are_all_translated(
    qtbot: QtBot, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    with language("pseudo", monkeypatch):
        panel = ResultPanel(clock=clock)
        qtbot.addWidget(panel)
        panel.show_session(
            url=URL,
            session_id="sess_7Hq2Lm90abcdEFGH",
            expires_at=FROZEN_NOW + timedelta(hours=1),
            expiry_assumed=False,
            charge=ChargeSummary("€99.98", ("2 × Starter kit",)),
        )
        panel.copy_url()
        form = OptionsForm()
        qtbot.addWidget(form)
        form.show_issues([])
        data: set[QWidget] = {
            panel.amount_label,
            panel.charge_label,
            panel.expiry_label,  # worded by kit/widgets.countdown_text
            panel.qr_label,
        }
        texts = _texts(panel, data) + _texts(form, set())
        assert len(texts) > 40
        untranslated = [
            (where, text)
            for where, text in texts
            if PSEUDO_OPEN not in text and text != URL  # "Copied"'s tooltip shows the link
        ]
        assert untranslated == []
        assert panel.session_label.text().startswith(PSEUDO_OPEN)
        assert "sess_7Hq2Lm90abcdEFGH" in panel.session_label.text()
