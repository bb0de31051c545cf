"""The benchmark script runs end to end (quick mode, two cheap items) and writes what it promises.

Timings are never asserted: benchmarks are not tests. Only the structure of the output is.
"""

from __future__ import annotations

import cProfile
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import benchmarks.run as bench_run
from benchmarks.run import (
    ITEMS_BY_ID,
    ChildRun,
    measure_startup,
    pstats_text,
    summarise,
    text_table,
)

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
    assert qr["target"] == {"kind": "absolute", "value": 16.0, "text": "≤ 16 ms"}
    assert qr["verdict"] == ("met" if qr["subject"]["median"] <= 16.0 else "MISSED")
    # The client is measured without the server's work: a canned answer, not the emulator.
    assert "answers every request with the same" in doc["items"][0]["note"]

    table = md.read_text()
    assert "| item | ours: median (min–max) | baseline | ratio | target | result |" in table
    assert doc["machine"]["cpu_model"] in table


def test_summary_ratios_are_paired_and_verdicts_follow_the_target() -> None:
    entry = summarise(
        ITEMS_BY_ID["startup_time"],
        {"subject": [0.30, 0.20, 0.24], "baseline": [0.20, 0.20, 0.20], "note": "n"},
    )
    assert entry["subject"]["median"] == pytest.approx(240.0)  # seconds shown as ms
    assert entry["ratio"] == pytest.approx({"median": 1.2, "min": 1.0, "max": 1.5, "n": 3})
    assert entry["verdict"] == "met"  # 1.2× is within ≤ 1.2×

    slower = summarise(ITEMS_BY_ID["startup_time"], {"subject": [0.3, 0.3], "baseline": [0.2, 0.2]})
    assert slower["verdict"] == "MISSED"

    absolute = summarise(ITEMS_BY_ID["qr_render"], {"subject": [0.012], "baseline": [0.008]})
    assert absolute["verdict"] == "met"  # 12 ms ≤ 16 ms (one frame) although 1.5× segno alone
    late = summarise(ITEMS_BY_ID["qr_render"], {"subject": [0.017], "baseline": [0.008]})
    assert late["verdict"] == "MISSED"


def test_start_up_is_judged_against_the_qt_only_form(monkeypatch: pytest.MonkeyPatch) -> None:
    """startup_time/startup_rss pair the app with form_window.py (targets 1.2× and 1.1×); the
    bare window's ratios are shown for information only."""
    fake = {
        "bare_window.py": (0.20, 50.0),
        "form_window.py": (0.25, 60.0),
        "inflow_desk": (0.3, 63.0),
    }

    def run_child(cmd: list[str], env: dict[str, str], timeout: float = 0.0) -> ChildRun:
        seconds, mib = next(v for k, v in fake.items() if any(k in part for part in cmd))
        return ChildRun(seconds, int(mib * 1024), 0, "")

    monkeypatch.setattr(bench_run, "run_child", run_child)
    raw = measure_startup(3, {})
    entries = {item: summarise(ITEMS_BY_ID[item], raw[item]) for item in raw}
    assert entries["startup_time"]["ratio"]["median"] == pytest.approx(1.2)
    assert entries["startup_time"]["verdict"] == "met"
    assert entries["startup_rss"]["ratio"]["median"] == pytest.approx(1.05)
    assert entries["startup_rss"]["target"]["text"] == "≤ 1.1×"
    assert entries["startup_rss"]["verdict"] == "met"
    assert entries["startup_time_vs_bare"]["ratio"]["median"] == pytest.approx(1.5)
    assert entries["startup_time_vs_bare"]["verdict"] == "info"
    assert entries["startup_rss_vs_bare"]["verdict"] == "info"
    assert "form_window.py" in entries["startup_time"]["note"]


def test_an_empty_profile_is_said_so_not_a_crash(tmp_path: Path) -> None:
    """A missed item whose measured section runs in child processes (stall_after_first_frame)
    leaves an empty profile: the run must still finish and exit 0."""
    empty = tmp_path / "empty.prof"
    cProfile.Profile().dump_stats(str(empty))
    assert "no calls profiled" in pstats_text(empty)


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
