"""The benchmark script runs end to end (quick mode, two cheap items) and writes what it promises.

Timings are never asserted: benchmarks are not tests. Only the structure of the output is.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.run import ITEMS_BY_ID, summarise, text_table

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_quick_run_writes_table_json_and_markdown(tmp_path: Path) -> None:
    out, md = tmp_path / "bench.json", tmp_path / "bench.md"
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "run.py"),
            "--quick",
            "--only",
            "qr_render,create_session",
            "--runs",
            "1",
            "--no-profile",
            "--json",
            str(out),
            "--markdown",
            str(md),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "qr_render" in done.stdout and "create_session" in done.stdout
    assert "ours: median (min–max)" in done.stdout

    doc = json.loads(out.read_text())
    assert doc["schema"] == 1 and doc["mode"] == "quick"
    head = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    if head.returncode == 0:
        assert doc["git"]["commit"] == head.stdout.strip()
    assert doc["machine"]["nproc"] >= 1
    assert doc["machine"]["python"] == ".".join(map(str, sys.version_info[:3]))
    assert doc["machine"]["qt"] and doc["machine"]["pyside6"]
    assert [item["id"] for item in doc["items"]] == ["create_session", "qr_render"]
    for item in doc["items"]:
        assert item["available"], item["note"]
        assert item["verdict"] in ("met", "MISSED")
        assert len(item["samples"]["subject"]) == len(item["samples"]["baseline"]) == 1
        assert item["subject"]["median"] > 0 and item["baseline"]["median"] > 0
        assert item["ratio"]["median"] == pytest.approx(
            item["subject"]["median"] / item["baseline"]["median"]
        )
    qr = doc["items"][1]
    assert qr["target"] == {"kind": "absolute", "value": 5.0, "text": "≤ 5 ms"}
    assert qr["verdict"] == ("met" if qr["subject"]["median"] <= 5.0 else "MISSED")

    table = md.read_text()
    assert "| item | ours: median (min–max) | baseline | ratio | target | result |" in table
    assert doc["machine"]["cpu_model"] in table


def test_summary_ratios_are_paired_and_verdicts_follow_the_target() -> None:
    entry = summarise(
        ITEMS_BY_ID["startup_time"],
        {"subject": [0.30, 0.20, 0.26], "baseline": [0.20, 0.20, 0.20], "note": "n"},
    )
    assert entry["subject"]["median"] == pytest.approx(260.0)  # seconds shown as ms
    assert entry["ratio"] == pytest.approx({"median": 1.3, "min": 1.0, "max": 1.5, "n": 3})
    assert entry["verdict"] == "met"  # 1.3× is within ≤ 1.3×

    slower = summarise(ITEMS_BY_ID["startup_time"], {"subject": [0.3, 0.3], "baseline": [0.2, 0.2]})
    assert slower["verdict"] == "MISSED"

    absolute = summarise(ITEMS_BY_ID["qr_render"], {"subject": [0.004], "baseline": [0.001]})
    assert absolute["verdict"] == "met"  # 4 ms ≤ 5 ms although 4× segno alone


def test_unavailable_items_say_why() -> None:
    entry = summarise(
        ITEMS_BY_ID["stall_history_100k"],
        {"available": False, "note": "not available: history_view does not exist yet"},
    )
    assert entry["verdict"] == "not available" and entry["subject"] is None
    assert "history_view does not exist yet" in text_table([entry])


@pytest.mark.slow
@pytest.mark.parametrize("script", ["bare_window.py", "form_window.py"])
def test_start_up_baselines_paint_and_quit(script: str) -> None:
    """The start-up baselines run headless and exit 0 at their first paint (what run.py times)."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / script)],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
