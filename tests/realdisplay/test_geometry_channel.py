"""The test-only geometry channel (tests/realdisplay/geometry_app.py), in-process: what it
reports of a window is what the real-display screenshot test relies on."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from tests.realdisplay import geometry_app


def test_the_report_names_an_overlap_and_a_widget_outside_and_reads_labels(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window = QWidget()
    window.setObjectName("probe")
    window.setWindowTitle("Probe")
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

    (tmp_path / geometry_app.REQUEST).write_text("calm", encoding="utf-8")
    geometry_app.serve(tmp_path)
    assert not (tmp_path / geometry_app.REQUEST).exists()
    calm = json.loads((tmp_path / "calm.json").read_text(encoding="utf-8"))
    [probe] = [w for w in calm["windows"] if w["name"] == "probe"]
    assert probe["title"] == "Probe" and probe["problems"] == []
    assert probe["labels"] == {"first": "first", "second": "second"}
    assert {"first", "second"} <= set(probe["visible"])
    assert probe["window_id"] == int(window.winId())

    second.move(first.pos())  # drawn over its sibling
    [probe] = [w for w in geometry_app.describe()["windows"] if w["name"] == "probe"]
    assert any("overlaps" in p for p in probe["problems"])
    second.move(190, 90)  # hanging out of the window
    [probe] = [w for w in geometry_app.describe()["windows"] if w["name"] == "probe"]
    assert any("#second" in p and "outside" in p for p in probe["problems"])

    geometry_app.serve(tmp_path)  # no request: nothing written
    assert sorted(p.name for p in tmp_path.iterdir()) == ["calm.json"]
