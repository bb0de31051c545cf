"""Without its tools the real-display suite skips, saying why — but with
``INFLOW_DESK_REQUIRE_DISPLAY=1`` (CI) it fails instead: CI can never skip it silently."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.processes import REPO_ROOT
from tests.realdisplay.conftest import MAIN_TITLE, Launcher

ONE_TEST = "tests/realdisplay/test_history_and_dialogs.py::test_f1_opens_about"


def run_without_tools(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    empty = tmp_path / "bin"
    empty.mkdir(exist_ok=True)
    # its own --basetemp: pytest prunes old numbered temp folders, this run's among them
    args = ["-q", "-rs", "-p", "no:cacheprovider", f"--basetemp={tmp_path / 'inner'}"]
    return subprocess.run(
        [sys.executable, "-m", "pytest", *args, ONE_TEST],
        cwd=REPO_ROOT,
        env={**os.environ, "PATH": str(empty), **env},  # no Xvfb, openbox, xdotool, ...
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_missing_tools_skip_the_suite_with_the_reason(tmp_path: Path) -> None:
    result = run_without_tools(tmp_path, INFLOW_DESK_REQUIRE_DISPLAY="0")  # not CI's "1"
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 skipped" in result.stdout
    assert "the real-display suite needs Xvfb, openbox, xdotool, xclip, xprop" in result.stdout


def test_missing_tools_fail_the_suite_when_a_display_is_required(tmp_path: Path) -> None:
    result = run_without_tools(tmp_path, INFLOW_DESK_REQUIRE_DISPLAY="1")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "2 errors" in result.stdout
    assert "INFLOW_DESK_REQUIRE_DISPLAY=1 but the real-display suite needs Xvfb" in result.stdout


@pytest.mark.realdisplay
def test_windows_are_found_by_title_and_process(launch: Launcher) -> None:
    """The harness itself: a window is found by its title *and* the app's process (xdotool
    matches any one condition unless told otherwise), and waiting for a missing one fails."""
    app = launch()
    assert "CUSTOM, key present" in app.log_text()  # the emulator's key, via EnvKeyBackend
    assert app.visible_windows(MAIN_TITLE) == [app.window]
    assert app.visible_windows("^No such window$") == []
    with pytest.raises(AssertionError, match="no window titled"):
        app.wait_for_window("^No such window$", timeout=0.5)
