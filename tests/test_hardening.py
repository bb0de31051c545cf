"""No core dumps: the process that holds the API key can never write it into a core file.

Each test runs a child process whose soft core limit is first raised above 0 (here it starts at
0, which would prove nothing), then reads back what the kernel holds: ``/proc/<pid>/limits`` and
``prctl(PR_GET_DUMPABLE)``.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.processes import sandboxed_env

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc"),
]

ONE_MIB = 1 << 20


def allow_core_files() -> None:
    """In the child, before it runs: a core limit that is not 0, as on many desktops."""
    import resource

    _, hard = resource.getrlimit(resource.RLIMIT_CORE)
    soft = ONE_MIB if hard == resource.RLIM_INFINITY else min(ONE_MIB, hard)
    resource.setrlimit(resource.RLIMIT_CORE, (soft, hard))


def core_limits(limits_text: str) -> tuple[str, str]:
    match = re.search(r"^Max core file size\s+(\S+)\s+(\S+)", limits_text, re.MULTILINE)
    assert match is not None, limits_text
    return match[1], match[2]


CHILD = """
import ctypes, sys
before = open('/proc/self/limits').read()
print('DUMPABLE-BEFORE', ctypes.CDLL(None).prctl(3, 0, 0, 0, 0))
{call}
print('DUMPABLE-AFTER', ctypes.CDLL(None).prctl(3, 0, 0, 0, 0))
sys.stdout.write('LIMITS-BEFORE\\n' + before + 'LIMITS-AFTER\\n' + open('/proc/self/limits').read())
"""


def run_child(call: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", CHILD.format(call=call)],
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
        preexec_fn=allow_core_files,  # no threads in the child yet
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])},
    )
    return result.stdout


def test_disable_core_dumps_zeroes_the_core_limit_and_makes_the_process_non_dumpable() -> None:
    out = run_child(
        "from inflow_desk.hardening import disable_core_dumps\n"
        "state = disable_core_dumps()\n"
        "print('STATE', state.core_limit_zero, state.not_dumpable, state.describe())"
    )
    before, after = out.split("LIMITS-AFTER\n")
    assert core_limits(before.split("LIMITS-BEFORE\n")[1]) == (str(ONE_MIB), "unlimited")
    assert core_limits(after) == ("0", "0")
    assert "DUMPABLE-BEFORE 1" in out
    assert "DUMPABLE-AFTER 0" in out
    assert "STATE True True core size 0: on, non-dumpable: on" in out


def test_without_the_call_the_child_would_dump_so_the_check_above_can_fail() -> None:
    out = run_child("pass")
    assert core_limits(out.split("LIMITS-AFTER\n")[1]) == (str(ONE_MIB), "unlimited")
    assert "DUMPABLE-AFTER 1" in out


def test_the_running_app_cannot_dump_core(sandbox_dir: Path) -> None:
    """The real entry point (``python -m inflow_desk --demo``), read while it is up."""
    home = sandbox_dir / "home" / "app-hardening"
    process = subprocess.Popen(
        [sys.executable, "-m", "inflow_desk", "--demo"],
        env=sandboxed_env(home),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        preexec_fn=allow_core_files,  # no threads in the child yet
    )
    try:
        deadline = time.monotonic() + 60
        log_text = ""
        while "hardening:" not in log_text:
            assert process.poll() is None, process.stderr.read() if process.stderr else ""
            assert time.monotonic() < deadline, "the app never logged its hardening"
            time.sleep(0.1)
            logs = list((home / "data").rglob("inflow-desk.log"))
            log_text = logs[0].read_text(encoding="utf-8") if logs else ""
        limits = Path(f"/proc/{process.pid}/limits").read_text(encoding="utf-8")
        assert core_limits(limits) == ("0", "0")
        assert "hardening: core size 0: on, non-dumpable: on" in log_text
    finally:
        process.kill()
        process.wait(timeout=30)
        if process.stderr is not None:
            process.stderr.close()
