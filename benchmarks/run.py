"""Run the Inflow Desk benchmarks and print a table of ratios against same-run baselines.

Usage::

    python benchmarks/run.py                     # every item, 7 runs each (a few minutes)
    python benchmarks/run.py --quick             # fewer runs: proves it works, numbers are rough
    python benchmarks/run.py --only qr_render,create_session --runs 1
    python benchmarks/run.py --json out.json --markdown table.md --compare old.json

Each item is measured against a baseline in the same run (machines are noisy; absolute times
are not comparable across machines), alternately, so both see the same machine state. The table
shows medians (min–max) over the runs; results also go to a JSON file (default
``bench-results/latest.json``) with the git commit, the date and the machine, for comparing
commits. When a target is missed, the item is profiled (cProfile; ``-X importtime`` and an RSS
breakdown for start-up) and the profile is printed and stored in the JSON.

Benchmarks are not tests: this script exits 0 whatever the timings (non-zero only when a
benchmark could not run at all).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

ROOT = Path(__file__).resolve().parent.parent
RUN_PY = Path(__file__).resolve()
BARE_WINDOW = RUN_PY.with_name("bare_window.py")
FORM_WINDOW = RUN_PY.with_name("form_window.py")
DEFAULT_JSON = ROOT / "bench-results" / "latest.json"
SCHEMA = 1
CHILD_TIMEOUT_S = 300.0


@dataclass(frozen=True)
class Item:
    id: str
    title: str
    unit: Literal["ms", "MiB", "fds", "req"]
    target_kind: Literal["ratio", "absolute", "info"]
    target: float
    runs: int
    quick_runs: int
    group: str = ""  # items of one group are measured together

    @property
    def target_text(self) -> str:
        if self.target_kind == "ratio":
            return f"≤ {self.target:g}×"
        if self.target_kind == "info":
            return "(info)"
        return f"≤ {self.target:g} {self.unit}"


ITEMS: tuple[Item, ...] = (
    Item("startup_time",
         "start to first painted window (--demo --smoke) vs the same first frame in Qt only",
         "ms", "ratio", 1.2, 7, 2, group="startup"),
    Item("startup_rss", "peak RSS at first paint vs that Qt-only form",
         "MiB", "ratio", 1.1, 7, 2, group="startup"),
    Item("startup_time_vs_bare", "start-up time vs a bare QMainWindow (what any form costs)",
         "ms", "info", 0.0, 7, 2, group="startup"),
    Item("startup_rss_vs_bare", "peak RSS vs that bare QMainWindow",
         "MiB", "info", 0.0, 7, 2, group="startup"),
    Item("create_session",
         "create session: our client vs raw httpx POST, same bytes, server answers at once",
         "ms", "ratio", 1.5, 7, 3),
    Item("qr_render", "QR of a checkout URL to a pixmap, stock segno (vs segno.make alone)",
         "ms", "absolute", 16.0, 7, 3),
    Item("stall_create_2s", "GUI stall while a create takes 2 s (vs idle loop)",
         "ms", "absolute", 50.0, 5, 1),
    Item("stall_offers_load_10k", "GUI stall while 10,000 offers load",
         "ms", "absolute", 50.0, 5, 1),
    Item("offer_filter_keystroke_10k", "offer filter per keystroke at 10,000 offers",
         "ms", "absolute", 16.0, 5, 1),
    Item("catalog_completion_keystroke_10k",
         "cart product-name completion per keystroke at 10,000 catalog products",
         "ms", "absolute", 16.0, 5, 1),
    Item("stall_history_100k", "GUI stall: 100,000 history rows open and are filtered",
         "ms", "absolute", 50.0, 5, 1),
    Item("stall_after_first_frame",
         "GUI stall while start-up finishes after the first frame (history 100,000 rows)",
         "ms", "absolute", 50.0, 5, 1),
    Item("history_query_100k",
         "history store, 100,000 rows: slowest open/filter query (off the GUI thread; "
         "latency until rows show), vs raw sqlite", "ms", "info", 0.0, 5, 1),
    Item("payment_poll_requests_hour",
         "payment requests per profile in 1 simulated hour, 20 open links, agent waiting "
         "on one (baseline: nobody waiting)", "req", "absolute", 721.0, 1, 1),
    Item("soak_rss", "RSS growth over 1,000 links created in one session (quick: 100)",
         "MiB", "absolute", 16.0, 1, 1, group="soak"),
    Item("soak_fds", "open descriptors added by those links",
         "fds", "absolute", 4.0, 1, 1, group="soak"),
)  # fmt: skip
ITEMS_BY_ID = {item.id: item for item in ITEMS}


# ------------------------------------------------------------------------------ environment
def child_env(sandbox: Path) -> dict[str, str]:
    """Children run headless, with HOME/XDG in a scratch folder and no real keyring."""
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    # An installed app (pip, PyInstaller) runs from compiled bytecode: let the warm-up write it,
    # into the scratch folder rather than the source tree.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(sandbox / "pycache")
    for name, sub in (
        ("HOME", "home"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_STATE_HOME", "state"),
        ("XDG_RUNTIME_DIR", "runtime"),
        ("TMPDIR", "tmp"),  # the workers' scratch databases (85 MB each) go with the sandbox
    ):
        folder = sandbox / sub
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        env[name] = str(folder)
    return env


def _git(*args: str) -> str | None:
    try:
        done = subprocess.run(
            ["git", *args], cwd=ROOT, capture_output=True, text=True, timeout=20, check=True
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip()


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _mem_total_gib() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024 / 1024, 1)
    except (OSError, ValueError, IndexError):
        pass
    return None


def machine_info() -> dict[str, Any]:
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion

    return {
        "nproc": os.cpu_count(),
        "cpu_model": _cpu_model(),
        "mem_total_gib": _mem_total_gib(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "python_implementation": platform.python_implementation(),
        "pyside6": pyside_version,
        "qt": qVersion(),
    }


def git_info() -> dict[str, Any]:
    status = _git("status", "--porcelain", "--untracked-files=no")
    return {
        "commit": _git("rev-parse", "HEAD"),
        "branch": _git("rev-parse", "--abbrev-ref", "HEAD"),
        "dirty": bool(status) if status is not None else None,
    }


# ------------------------------------------------------------------------------ processes
@dataclass(frozen=True)
class ChildRun:
    seconds: float
    max_rss_kib: int
    returncode: int
    stderr: str


def run_child(
    cmd: Sequence[str], env: dict[str, str], timeout: float = CHILD_TIMEOUT_S
) -> ChildRun:
    """Run ``cmd``; wall time and the child's own peak RSS (``wait4``, not the cumulative
    ``RUSAGE_CHILDREN``)."""
    with tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=err)
        killer = threading.Timer(timeout, proc.kill)
        killer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            killer.cancel()
        elapsed = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    rss = usage.ru_maxrss // 1024 if sys.platform == "darwin" else usage.ru_maxrss  # bytes there
    return ChildRun(elapsed, rss, proc.returncode, stderr)


def app_command() -> list[str]:
    return [sys.executable, "-m", "inflow_desk", "--demo", "--smoke"]


def bare_command() -> list[str]:
    return [sys.executable, str(BARE_WINDOW)]


def form_command() -> list[str]:
    return [sys.executable, str(FORM_WINDOW)]


def _checked(run: ChildRun, what: str) -> ChildRun:
    if run.returncode != 0:
        raise BenchmarkError(f"{what} exited {run.returncode}:\n{run.stderr[-2000:]}")
    return run


class BenchmarkError(RuntimeError):
    """A benchmark could not run (not a slow result: a broken one)."""


def measure_startup(runs: int, env: dict[str, str]) -> dict[str, dict[str, Any]]:
    """Runs of the app, the bare window and the static form window, in an order that rotates
    from run to run, after one warm-up each."""
    commands = {"bare": bare_command(), "form": form_command(), "app": app_command()}
    for name, cmd in commands.items():
        _checked(run_child(cmd, env), f"{name} (warm-up)")
    seconds: dict[str, list[float]] = {name: [] for name in commands}
    rss: dict[str, list[float]] = {name: [] for name in commands}
    names = list(commands)
    for run in range(runs):
        for name in names[run % 3 :] + names[: run % 3]:
            done = _checked(run_child(commands[name], env), name)
            seconds[name].append(done.seconds)
            rss[name].append(done.max_rss_kib / 1024)
    note = "wall time from spawn to exit (first paint + quit), QT_QPA_PLATFORM=" + env.get(
        "QT_QPA_PLATFORM", "?"
    )
    rss_note = "peak resident set size of the process (wait4 ru_maxrss)"
    form_note = "; baseline: benchmarks/form_window.py, the first frame's widgets in Qt only"
    bare_note = "; baseline: benchmarks/bare_window.py, a bare QMainWindow of the same size"
    return {
        "startup_time": {
            "subject": seconds["app"],
            "baseline": seconds["form"],
            "note": note + form_note,
        },
        "startup_rss": {
            "subject": rss["app"],
            "baseline": rss["form"],
            "note": rss_note + form_note,
        },
        "startup_time_vs_bare": {
            "subject": seconds["app"],
            "baseline": seconds["bare"],
            "note": note + bare_note,
        },
        "startup_rss_vs_bare": {
            "subject": rss["app"],
            "baseline": rss["bare"],
            "note": rss_note + bare_note,
        },
    }


def run_worker(
    item: str, runs: int, quick: bool, env: dict[str, str], profile_out: Path | None = None
) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="inflow-bench-") as tmp:
        result = Path(tmp) / "result.json"
        cmd = [sys.executable, str(RUN_PY), "--worker", item, "--runs", str(runs)]
        cmd += ["--result", str(result)]
        if quick:
            cmd.append("--quick")
        if profile_out is not None:
            cmd += ["--profile-out", str(profile_out)]
        done = run_child(cmd, env)
        if done.returncode != 0 or not result.exists():
            raise BenchmarkError(f"worker {item} exited {done.returncode}:\n{done.stderr[-3000:]}")
        data: dict[str, Any] = json.loads(result.read_text())
        return data


def split_soak(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The ``soak_links`` worker's result as the ``soak_rss`` and ``soak_fds`` items."""
    extra = data.get("extra", {})
    rss = dict(data)
    fds = dict(
        data,
        subject=[float(v) for v in extra.get("descriptors_growth", [])],
        baseline=[float(v) for v in extra.get("baseline_descriptors_growth", [])],
    )
    return {"soak_rss": rss, "soak_fds": fds}


def worker_main(item: str, runs: int, quick: bool, result: Path, profile_out: Path | None) -> int:
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from benchmarks.items import ITEMS as WORKER_ITEMS
    from benchmarks.items import Context, Profiler

    profiler = Profiler(enabled=profile_out is not None)
    measured = WORKER_ITEMS[item](Context(runs=runs, quick=quick, profiler=profiler))
    result.write_text(json.dumps(measured.to_json()))
    if profiler.profile is not None and profile_out is not None:
        profiler.profile.dump_stats(str(profile_out))
    return 0


# ------------------------------------------------------------------------------ statistics
def _summary(values: Sequence[float], scale: float = 1.0) -> dict[str, float] | None:
    if not values:
        return None
    scaled = [v * scale for v in values]
    return {
        "median": statistics.median(scaled),
        "min": min(scaled),
        "max": max(scaled),
        "n": len(scaled),
    }


def summarise(item: Item, raw: dict[str, Any]) -> dict[str, Any]:
    scale = 1000.0 if item.unit == "ms" else 1.0
    subject: list[float] = raw.get("subject", [])
    baseline: list[float] = raw.get("baseline", [])
    ratios = [s / b for s, b in zip(subject, baseline, strict=False) if b > 0]
    entry: dict[str, Any] = {
        "id": item.id,
        "title": item.title,
        "unit": item.unit,
        "target": {"kind": item.target_kind, "value": item.target, "text": item.target_text},
        "available": bool(raw.get("available", True)) and bool(subject),
        "note": raw.get("note", ""),
        "extra": raw.get("extra", {}),
        "subject": _summary(subject, scale),
        "baseline": _summary(baseline, scale),
        "ratio": _summary(ratios),
        "samples": {
            "subject": [v * scale for v in subject],
            "baseline": [v * scale for v in baseline],
        },
        "verdict": "not available",
        "profile": None,
    }
    if entry["available"] and item.target_kind == "info":
        entry["verdict"] = "info"
        entry["measured"] = entry["subject"]["median"]
    elif entry["available"]:
        if item.target_kind == "ratio":
            value = entry["ratio"]["median"] if entry["ratio"] else None
        else:
            value = entry["subject"]["median"]
        entry["measured"] = value
        entry["verdict"] = "met" if value is not None and value <= item.target else "MISSED"
    return entry


# ------------------------------------------------------------------------------ profiles
def _tidy(text: str) -> str:
    text = text.replace(str(ROOT) + os.sep, "")
    text = re.sub(r"\S*/site-packages/", "", text)
    return re.sub(r"\S*/lib/python3\.\d+/", "", text)


def pstats_text(path: Path, limit: int = 25) -> str:
    out = io.StringIO()
    try:
        stats = pstats.Stats(str(path), stream=out)
    except TypeError:  # pstats refuses a profile that recorded no call
        return "(no calls profiled: the measured section ran in child processes)"
    stats.sort_stats("cumulative").print_stats(limit)
    lines = out.getvalue().splitlines()
    start = next((i for i, line in enumerate(lines) if "ncalls" in line), 0)
    header = [line for line in lines[:start] if "function calls" in line]
    return _tidy("\n".join(header + lines[start:]).rstrip())


def importtime_text(env: dict[str, str], limit: int = 20) -> str:
    """The slowest imports of the app's start-up (``-X importtime``), cumulative."""
    done = run_child([sys.executable, "-X", "importtime", *app_command()[1:]], env)
    rows: list[tuple[int, int, str]] = []
    for line in done.stderr.splitlines():
        match = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)", line)
        if match:
            rows.append((int(match[2]), int(match[1]), " " * (len(match[3]) - 1) + match[4]))
    rows.sort(reverse=True)
    lines = ["cumulative ms   self ms   module (indent = import depth)"]
    lines += [f"{cum / 1000:13.1f} {own / 1000:9.1f}   {name}" for cum, own, name in rows[:limit]]
    return "\n".join(lines)


RSS_PROBE_MODULES = (
    "importlib.metadata",
    "httpx",
    "pydantic",
    "inflow_desk.domain.models",
    "inflow_desk.api.client",
    "inflow_desk.emulator",
    "inflow_desk.ui.main_window",
)


def rss_breakdown(env: dict[str, str]) -> str:
    """Peak RSS of a Qt-widgets process that also imports one module, minus Qt alone."""
    probe = "import sys, PySide6.QtWidgets{}"
    base = _checked(run_child([sys.executable, "-c", probe.format("")], env), "rss probe")
    lines = [f"PySide6.QtWidgets alone: {base.max_rss_kib / 1024:.1f} MiB; each module adds:"]
    for module in RSS_PROBE_MODULES:
        done = run_child([sys.executable, "-c", probe.format(f", {module}")], env)
        if done.returncode == 0:
            lines.append(f"  +{(done.max_rss_kib - base.max_rss_kib) / 1024:6.1f} MiB  {module}")
    return "\n".join(lines)


def profile_item(item: Item, quick: bool, env: dict[str, str], tmp: Path) -> str:
    if item.id == "startup_time":
        prof = tmp / "startup.prof"
        cmd = [sys.executable, "-m", "cProfile", "-o", str(prof), *app_command()[1:]]
        _checked(run_child(cmd, env), "cProfile of the start-up")
        return (
            "-X importtime (top imports):\n"
            + importtime_text(env)
            + "\n\ncProfile of `python -m inflow_desk --demo --smoke`:\n"
            + pstats_text(prof)
        )
    if item.id == "startup_rss":
        return rss_breakdown(env)
    prof = tmp / f"{item.id}.prof"
    run_worker("soak_links" if item.group == "soak" else item.id, 1, quick, env, profile_out=prof)
    return "cProfile of the measured section (GUI/main thread):\n" + pstats_text(prof)


# ------------------------------------------------------------------------------ output
def _fmt(summary: dict[str, float] | None, unit: str, ratio: bool = False) -> str:
    if summary is None:
        return "—"
    if ratio:
        return f"{summary['median']:.2f}× ({summary['min']:.2f}–{summary['max']:.2f})"

    def num(v: float) -> str:
        return f"{v:.3g}" if v < 100 else f"{v:.0f}"

    return f"{num(summary['median'])} {unit} ({num(summary['min'])}–{num(summary['max'])})"


def table_rows(entries: Sequence[dict[str, Any]]) -> list[list[str]]:
    rows = []
    for e in entries:
        if not e["available"]:
            rows.append([e["id"], "—", "—", "—", e["target"]["text"], e["note"] or "n/a"])
            continue
        verdict = "**MISSED**" if e["verdict"] == "MISSED" else e["verdict"]
        rows.append(
            [
                e["id"],
                _fmt(e["subject"], e["unit"]),
                _fmt(e["baseline"], e["unit"]),
                _fmt(e["ratio"], e["unit"], ratio=True),
                e["target"]["text"],
                verdict,
            ]
        )
    return rows


HEADER = ["item", "ours: median (min–max)", "baseline", "ratio", "target", "result"]


def text_table(entries: Sequence[dict[str, Any]]) -> str:
    rows = [HEADER, *table_rows(entries)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(HEADER) - 1)]
    out = []
    for n, row in enumerate(rows):
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        out.append("  ".join([*cells, row[-1].replace("**", "")]))
        if n == 0:
            out.append("  ".join("-" * w for w in [*widths, 6]))
    return "\n".join(out)


def markdown_report(doc: dict[str, Any]) -> str:
    m = doc["machine"]
    lines = [
        f"Run {doc['date']} on commit `{(doc['git']['commit'] or '?')[:10]}`"
        f"{' (dirty)' if doc['git']['dirty'] else ''}, mode `{doc['mode']}`.",
        f"Machine: {m['nproc']} CPUs ({m['cpu_model']}), {m['mem_total_gib']} GiB, "
        f"{m['platform']}; Python {m['python']}, PySide6 {m['pyside6']}, Qt {m['qt']}.",
        "",
        "| " + " | ".join(HEADER) + " |",
        "|" + "---|" * len(HEADER),
    ]
    lines += ["| " + " | ".join(row) + " |" for row in table_rows(doc["items"])]
    return "\n".join(lines) + "\n"


def compare_text(doc: dict[str, Any], old: dict[str, Any]) -> str:
    before = {e["id"]: e for e in old.get("items", [])}
    commit = (old.get("git", {}).get("commit") or "?")[:10]
    lines = [f"compared with {commit} ({old.get('date', '?')}):"]
    for e in doc["items"]:
        prev = before.get(e["id"])
        if not e["available"] or prev is None or not prev.get("available"):
            continue
        key = "ratio" if e["target"]["kind"] == "ratio" else "subject"
        now_v, old_v = e[key]["median"], prev[key]["median"]
        unit = "×" if key == "ratio" else f" {e['unit']}"
        change = (now_v / old_v - 1) * 100 if old_v else 0.0
        lines.append(f"  {e['id']}: {old_v:.3g}{unit} → {now_v:.3g}{unit} ({change:+.0f} %)")
    return "\n".join(lines)


# ------------------------------------------------------------------------------ main
def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs (rough numbers)")
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON, help="results file")
    parser.add_argument("--markdown", type=Path, help="also write the table as Markdown")
    parser.add_argument("--only", help="comma-separated item ids (default: all)")
    parser.add_argument("--runs", type=int, help="runs per item (overrides the defaults)")
    parser.add_argument("--no-profile", action="store_true", help="do not profile misses")
    parser.add_argument("--compare", type=Path, help="an earlier results JSON to compare with")
    parser.add_argument("--list", action="store_true", help="list the items and exit")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--result", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--profile-out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.runs is not None and args.runs < 1:
        parser.error("--runs must be at least 1")
    if args.only:
        unknown = [x for x in args.only.split(",") if x not in ITEMS_BY_ID]
        if unknown:
            parser.error(f"unknown item(s): {', '.join(unknown)}; see --list")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.worker:
        runs = args.runs or 1
        return worker_main(args.worker, runs, args.quick, args.result, args.profile_out)
    if args.list:
        for item in ITEMS:
            print(f"{item.id:28} {item.target_text:10} {item.title}")
        return 0

    selected = [i for i in ITEMS if not args.only or i.id in args.only.split(",")]
    sandbox = Path(tempfile.mkdtemp(prefix="inflow-bench-home-"))
    try:
        return _run_selected(args, argv, selected, sandbox)
    finally:
        shutil.rmtree(sandbox, ignore_errors=True)


def _run_selected(
    args: argparse.Namespace, argv: Sequence[str] | None, selected: list[Item], sandbox: Path
) -> int:
    env = child_env(sandbox)
    started = time.perf_counter()
    raw: dict[str, dict[str, Any]] = {}
    failures: list[str] = []
    for item in selected:
        runs = args.runs or (item.quick_runs if args.quick else item.runs)
        print(f"… {item.id} ({runs} run{'s' if runs > 1 else ''})", file=sys.stderr, flush=True)
        try:
            if item.group == "startup":
                if item.id not in raw:
                    raw.update(measure_startup(runs, env))
            elif item.group == "soak":
                if item.id not in raw:
                    raw.update(split_soak(run_worker("soak_links", runs, args.quick, env)))
            else:
                raw[item.id] = run_worker(item.id, runs, args.quick, env)
        except BenchmarkError as exc:
            failures.append(f"{item.id}: {exc}")
            raw[item.id] = {"available": False, "note": f"failed: {str(exc).splitlines()[0]}"}

    entries = [summarise(item, raw[item.id]) for item in selected]
    if not args.no_profile:
        for entry in entries:
            if entry["verdict"] == "MISSED":
                item = ITEMS_BY_ID[entry["id"]]
                print(f"… profiling {item.id} (target missed)", file=sys.stderr, flush=True)
                try:
                    entry["profile"] = profile_item(item, args.quick, env, sandbox)
                except BenchmarkError as exc:
                    entry["profile"] = f"profiling failed: {exc}"

    doc: dict[str, Any] = {
        "schema": SCHEMA,
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "mode": "quick" if args.quick else "full",
        "runs_override": args.runs,
        "seconds": round(time.perf_counter() - started, 1),
        "git": git_info(),
        "machine": machine_info(),
        "command": [Path(sys.argv[0]).name, *(argv if argv is not None else sys.argv[1:])],
        "items": entries,
    }
    print()
    print(text_table(entries))
    missed = [e for e in entries if e["verdict"] == "MISSED"]
    for e in missed:
        print(f"\nTARGET MISSED: {e['id']}: {e['measured']:.3g} vs target {e['target']['text']}")
        if e["profile"]:
            print(e["profile"])
    if args.compare is not None:
        print()
        print(compare_text(doc, json.loads(args.compare.read_text())))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
    print(f"\nresults: {args.json}")
    if args.markdown is not None:
        args.markdown.write_text(markdown_report(doc))
    for failure in failures:
        print(f"\nBENCHMARK FAILED TO RUN: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
