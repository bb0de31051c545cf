"""Check the test suite's line coverage per layer against its floor; print a table.

Run after ``.venv/bin/pytest`` (which measures coverage of ``inflow_desk`` on every run, see
``[tool.pytest.ini_options] addopts`` in pyproject.toml)::

    .venv/bin/python scripts/coverage-floors.py [--data-file .coverage] [--root .]

Exit status 1 when a layer is below its floor, 2 when there is no coverage data. Each floor is
the layer's measured coverage rounded down when it was set: raise it when coverage rises, never
lower it to make CI pass. Only the test process is measured; the app processes some tests start
(``--smoke`` runs, crash tests) are not, which is why ``app`` has no floor.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import coverage


@dataclass(frozen=True)
class Layer:
    name: str
    paths: tuple[str, ...]  # files or folders, relative to the root; folders include subfolders
    floor: float | None  # percent; None: shown for information
    exclude: tuple[str, ...] = ()


LAYERS: tuple[Layer, ...] = (
    # Measured 2026-12-02 on main after issues 15/16/18 (1,780 tests): 98.2, 93.9, 96.1, 95.3,
    # 90.9 %. Floors are the measured values rounded down: raise one when coverage rises.
    Layer("domain", ("inflow_desk/domain",), 98.0),
    Layer("api", ("inflow_desk/api",), 93.0),
    Layer("storage", ("inflow_desk/storage",), 96.0),
    Layer("error funnel (ui/kit/errors.py)", ("inflow_desk/ui/kit/errors.py",), 95.0),
    Layer("ui (the rest of ui/)", ("inflow_desk/ui",), 90.0, ("inflow_desk/ui/kit/errors.py",)),
    Layer("emulator", ("inflow_desk/emulator",), None),
    Layer(
        "app (app.py, hardening.py, …)",
        (
            "inflow_desk/app.py",
            "inflow_desk/hardening.py",
            "inflow_desk/__init__.py",
            "inflow_desk/__main__.py",
        ),
        None,
    ),
)


@dataclass(frozen=True)
class Measured:
    layer: Layer
    statements: int
    missed: int

    @property
    def percent(self) -> float:
        if self.statements == 0:
            return 100.0
        return 100.0 * (self.statements - self.missed) / self.statements

    @property
    def verdict(self) -> str:
        if self.layer.floor is None:
            return "info"
        return "ok" if self.percent >= self.layer.floor else "BELOW FLOOR"


def layer_files(layer: Layer, root: Path) -> list[Path]:
    files: set[Path] = set()
    for rel in layer.paths:
        path = root / rel
        files.update(path.rglob("*.py") if path.is_dir() else [path] if path.exists() else [])
    excluded = {(root / rel).resolve() for rel in layer.exclude}
    return sorted(f.resolve() for f in files if f.resolve() not in excluded)


def measure(cov: coverage.Coverage, layer: Layer, root: Path) -> Measured:
    statements = missed = 0
    for path in layer_files(layer, root):
        # A file no test imported counts with all its statements missed.
        _, executable, _, missing, _ = cov.analysis2(str(path))
        statements += len(executable)
        missed += len(missing)
    return Measured(layer, statements, missed)


def table(results: Sequence[Measured]) -> str:
    header = ("layer", "statements", "missed", "coverage", "floor", "result")
    rows = [header] + [
        (
            m.layer.name,
            str(m.statements),
            str(m.missed),
            f"{m.percent:.1f} %",
            "—" if m.layer.floor is None else f"{m.layer.floor:g} %",
            m.verdict,
        )
        for m in results
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = []
    for n, row in enumerate(rows):
        rest = zip(row[1:], widths[1:], strict=True)
        cells = [row[0].ljust(widths[0])] + [cell.rjust(width) for cell, width in rest]
        lines.append("  ".join(cells).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-file", type=Path, default=Path(".coverage"))
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parent.parent)
    args = parser.parse_args(argv)
    data_file = args.data_file if args.data_file.is_absolute() else args.root / args.data_file
    if not data_file.exists():
        print(f"no coverage data at {data_file}: run the test suite first", file=sys.stderr)
        return 2
    config = args.root / "pyproject.toml"  # [tool.coverage]: what counts as a statement
    cov = coverage.Coverage(
        data_file=str(data_file), config_file=str(config) if config.exists() else False
    )
    cov.load()
    results = [measure(cov, layer, args.root) for layer in LAYERS]
    print(table(results))
    below = [m for m in results if m.verdict == "BELOW FLOOR"]
    for m in below:
        print(
            f"coverage of {m.layer.name} is {m.percent:.2f} %, below its floor of"
            f" {m.layer.floor:g} %",
            file=sys.stderr,
        )
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main())
