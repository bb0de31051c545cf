"""The interpreter settings the app makes for a responsive GUI thread (``ui/kit/runtime.py``).

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
    CLI with them: start-up time and memory the app never uses (figures: benchmarks/README.md)."""
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


def test_no_library_module_holds_a_function_of_ours(sandbox_dir: Path) -> None:
    """We use libraries through their public API: after a full start-up and a QR code, no
    third-party module has had one of its functions or classes replaced by ours."""
    out = run_python(
        """
        import sys, types
        from inflow_desk.app import main
        assert main(["--demo", "--smoke=full"]) == 0
        from inflow_desk.ui.checkout.qr import qr_image
        qr_image("https://checkout.inflowpay.com/pay/sess_1", 220)
        ours = ("inflow_desk", "tests", "__main__")
        libraries = [
            (name, module) for name, module in list(sys.modules.items())
            if module is not None and name.partition(".")[0] not in sys.stdlib_module_names
            and not name.startswith(ours)
        ]
        replaced = [
            f"{name}.{attr}"
            for name, module in libraries
            for attr, value in list(vars(module).items())
            if isinstance(value, (types.FunctionType, type))
            and str(getattr(value, "__module__", "")).startswith(ours)
        ]
        print(",".join(name for name, _ in libraries), ",".join(replaced) or "-")
        """,
        sandbox_dir / "home" / "runtime-libraries",
    )
    scanned, replaced = out.split()
    assert {"PySide6.QtWidgets", "shibokensupport.feature", "segno.encoder"} <= set(
        scanned.split(",")
    )  # the libraries we use were looked at
    assert replaced == "-"


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
