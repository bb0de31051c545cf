"""The interpreter settings the app makes for a responsive GUI thread (``ui/runtime.py``).

Each check runs in a fresh interpreter: both settings are process-wide, and freezing the test
runner's heap would hide reference cycles from the collector for the rest of the suite.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from inflow_desk.ui.kit.runtime import SWITCH_INTERVAL_S
from tests.processes import sandboxed_env

pytestmark = pytest.mark.slow


def run_python(code: str, home: Path) -> str:
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        env=sandboxed_env(home),
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_the_app_shortens_the_gil_switch_interval(sandbox_dir: Path) -> None:
    out = run_python(
        """
        import sys
        before = sys.getswitchinterval()
        from inflow_desk.app import main
        assert main(["--demo", "--smoke"]) == 0
        print(before, sys.getswitchinterval())
        """,
        sandbox_dir / "home" / "runtime-switch",
    )
    before, after = map(float, out.split())
    assert before == pytest.approx(0.005)  # Python's default: the app changed it
    assert after == pytest.approx(SWITCH_INTERVAL_S)
    assert after < before


def test_warm_up_freezes_the_start_up_heap_after_its_imports(sandbox_dir: Path) -> None:
    out = run_python(
        """
        import gc, sys, threading
        print(gc.get_freeze_count())
        from inflow_desk.ui.accounts.controller import warm_up_imports
        warm_up_imports()
        [t.join(60) for t in threading.enumerate() if t.name == "warm-up-imports"]
        print(gc.get_freeze_count(), "inflow_desk.api.client" in sys.modules)
        """,
        sandbox_dir / "home" / "runtime-freeze",
    )
    first, second = out.splitlines()
    frozen, imported = second.split()
    assert int(first) == 0
    assert imported == "True"
    # The frozen heap holds the warm-up's own imports (httpx, pydantic): many thousands.
    assert int(frozen) > 10_000


def test_the_client_does_not_pull_in_httpx_command_line_tool(sandbox_dir: Path) -> None:
    """click and rich are installed here (import-linter needs them), so httpx would import its
    CLI with them — ~150 ms and ~20 MiB the app never uses."""
    out = run_python(
        """
        import importlib.util, sys
        import inflow_desk.api.client
        installed = all(importlib.util.find_spec(m) for m in ("click", "rich", "pygments"))
        print(installed, "click" in sys.modules or "rich" in sys.modules)
        """,
        sandbox_dir / "home" / "runtime-httpx",
    )
    installed, loaded = out.split()
    assert installed == "True"  # otherwise this test proves nothing: keep import-linter in [test]
    assert loaded == "False"


def test_pyside_gets_the_same_answers_without_the_sources_kept_in_memory(
    sandbox_dir: Path,
) -> None:
    """spare_source_reads: PySide6 still learns which modules use it (our UI modules do, the
    standard library does not), and no module's source lines are left in ``linecache``."""
    out = run_python(
        """
        import linecache, sys
        from inflow_desk.app import main
        assert main(["--demo", "--smoke"]) == 0
        kept = [f for f in linecache.cache if "inflow_desk" in f]  # before PySide's own check
        feature = sys.modules["shibokensupport.feature"]
        ours = feature._mod_uses_pyside
        pyside = ours.__wrapped__
        checked = [name for name in feature.pyside_feature_dict if name in sys.modules]
        differ = [n for n in checked if ours(sys.modules[n]) != pyside(sys.modules[n])]
        uses = [n for n in checked if feature.pyside_feature_dict[n] == 0]
        print(len(checked), ",".join(differ) or "-", ",".join(sorted(uses)), ",".join(kept) or "-")
        """,
        sandbox_dir / "home" / "runtime-pyside-sources",
    )
    checked, differ, uses, kept = out.split()
    assert int(checked) > 40  # every module imported once PySide6 was loaded
    assert differ == "-"
    assert {"inflow_desk.ui.main_window", "inflow_desk.ui.checkout.one_time_form"} <= set(
        uses.split(",")
    )
    assert "json" not in uses.split(",")
    assert kept == "-"


def test_without_pyside_support_module_nothing_is_replaced(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import inflow_desk.ui.kit.runtime as runtime

    monkeypatch.setitem(sys.modules, "shibokensupport.feature", None)
    assert runtime.spare_source_reads() is False


def test_the_first_frame_imports_only_what_it_shows(sandbox_dir: Path) -> None:
    """What the first frame does not need loads after it (DEFERRED_MODULES, the warm-up) or on
    first use: each of these cost start-up time and memory when it was imported up front."""
    later = (
        "httpx", "pydantic", "segno", "sqlite3", "decimal", "socket", "unicodedata",
        "logging.handlers", "inflow_desk.emulator", "inflow_desk.storage.history",
        "inflow_desk.ui.history.view", "inflow_desk.ui.checkout.subscription_form",
    )  # fmt: skip
    out = run_python(
        f"""
        import sys
        from inflow_desk.app import main
        assert main(["--demo", "--smoke"]) == 0
        print(",".join(m for m in {later!r} if m in sys.modules) or "-")
        """,
        sandbox_dir / "home" / "runtime-first-frame",
    )
    assert out == "-"
