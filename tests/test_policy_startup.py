"""A present but invalid policy file stops the app, naming the file, the line and the field —
never a silent start without the organisation's rules (issue 18 item 1)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.processes import REPO_ROOT, sandboxed_env

pytestmark = pytest.mark.slow


def run_app(home: Path, policy: Path) -> subprocess.CompletedProcess[str]:
    env = sandboxed_env(home)
    env["INFLOW_DESK_POLICY"] = str(policy)
    return subprocess.run(
        [sys.executable, "-m", "inflow_desk", "--demo", "--smoke"],
        env=env,
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )


def test_an_invalid_policy_stops_the_app_with_file_line_and_field(sandbox_dir: Path) -> None:
    policy = sandbox_dir / "bad-policy.toml"
    policy.write_text('lock_profiles = true\n\n[[profiles]]\nname = "A"\nenviron = "x"\n')
    result = run_app(sandbox_dir / "home" / "bad-policy", policy)
    assert result.returncode == 2
    assert f"{policy}, line 5: profiles[1].environ: is not a policy field" in result.stderr
    assert "cannot start" in result.stderr


def test_a_valid_policy_starts(sandbox_dir: Path) -> None:
    policy = sandbox_dir / "good-policy.toml"
    policy.write_text('lock_profiles = true\n[[profiles]]\nname = "Acme"\n')
    result = run_app(sandbox_dir / "home" / "good-policy", policy)
    assert result.returncode == 0, result.stderr
