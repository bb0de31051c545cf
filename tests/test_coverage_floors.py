"""scripts/coverage-floors.py: the per-layer table, and a failing exit when a layer drops."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import coverage

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "coverage-floors.py"
SOURCE = "def f(x):\n    if x:\n        return 1\n    return 2\n"  # 4 statements


def _tree(root: Path) -> dict[str, Path]:
    files = {}
    for rel in ("domain/a.py", "api/a.py", "storage/a.py", "ui/kit/errors.py", "ui/view.py"):
        path = root / "inflow_desk" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(SOURCE)
        files[rel] = path
    return files


def _run(root: Path, executed: dict[Path, list[int]]) -> subprocess.CompletedProcess[str]:
    data = coverage.CoverageData(basename=str(root / ".coverage"))
    data.add_lines({str(path): lines for path, lines in executed.items()})
    data.write()
    return subprocess.run(
        [sys.executable, str(SCRIPT), "--root", str(root)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_every_layer_at_its_floor_passes_and_is_tabled(tmp_path: Path) -> None:
    files = _tree(tmp_path)
    done = _run(tmp_path, {path: [1, 2, 3, 4] for path in files.values()})
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].split() == ["layer", "statements", "missed", "coverage", "floor", "result"]
    domain = next(line for line in lines if line.startswith("domain"))
    assert domain.split() == ["domain", "4", "0", "100.0", "%", "98", "%", "ok"]


def test_a_layer_below_its_floor_fails_and_says_which(tmp_path: Path) -> None:
    files = _tree(tmp_path)
    executed = {path: [1, 2, 3, 4] for path in files.values()}
    executed[files["storage/a.py"]] = [1, 2, 4]  # 3 of 4 statements: 75 %
    done = _run(tmp_path, executed)
    assert done.returncode == 1
    assert "coverage of storage is 75.00 %, below its floor of 96 %" in done.stderr
    assert "BELOW FLOOR" in next(line for line in done.stdout.splitlines() if "storage" in line)


def test_a_file_no_test_imported_counts_as_missed(tmp_path: Path) -> None:
    files = _tree(tmp_path)
    executed = {path: [1, 2, 3, 4] for rel, path in files.items() if rel != "ui/kit/errors.py"}
    done = _run(tmp_path, executed)
    assert done.returncode == 1
    assert "error funnel (ui/kit/errors.py) is 0.00 %" in done.stderr


def test_without_coverage_data_it_says_so(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--root", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert "no coverage data" in done.stderr
