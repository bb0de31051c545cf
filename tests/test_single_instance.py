"""One window per user (issue 18 item 2), with two real app processes: the second launch
hands its deep link to the first and exits 0; the first fills its form from it. A socket left
behind by a crash is cleaned up by the next app that starts."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.processes import REPO_ROOT, sandboxed_env

pytestmark = pytest.mark.slow
LINK = "inflow-desk://new?email=ann%40example.com&currency=EUR&item=Starter%20kit*2@49.99"


def app_env(home: Path) -> dict[str, str]:
    env = sandboxed_env(home)
    runtime = home / "runtime"
    runtime.mkdir(mode=0o700, parents=True, exist_ok=True)
    env["XDG_RUNTIME_DIR"] = str(runtime)
    env["PYTHONPATH"] = os.pathsep.join(
        [str(REPO_ROOT), *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
    )
    env.pop("INFLOW_DESK_POLICY", None)
    return env


def log_text(home: Path) -> str:
    logs = list((home / "data").rglob("inflow-desk.log"))
    return "".join(path.read_text(encoding="utf-8", errors="replace") for path in logs)


def wait_for_log(
    home: Path, words: str, process: subprocess.Popen[bytes], timeout: float = 30
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if words in log_text(home):
            return
        assert process.poll() is None, f"the app exited ({process.returncode}):\n{log_text(home)}"
        time.sleep(0.05)
    raise AssertionError(f"{words!r} not in the log:\n{log_text(home)}")


def start(home: Path, *args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "inflow_desk", "--demo", *args],
        env=app_env(home),
        cwd=REPO_ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )


@pytest.fixture
def home(sandbox_dir: Path, request: pytest.FixtureRequest) -> Path:
    # short: the socket's path in $XDG_RUNTIME_DIR must fit in 100 bytes
    path = sandbox_dir / f"si{len(request.node.name)}"
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture
def first(home: Path) -> Iterator[subprocess.Popen[bytes]]:
    process = start(home)
    try:
        yield process
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(10)


def test_a_second_launch_hands_its_deep_link_to_the_first_and_exits_0(
    home: Path, first: subprocess.Popen[bytes]
) -> None:
    wait_for_log(home, "single instance: listening", first)
    wait_for_log(home, " running\n", first)  # start-up finished ("Inflow Desk 0.1.0 running")
    second = subprocess.run(
        [sys.executable, "-m", "inflow_desk", LINK],
        env=app_env(home),
        cwd=REPO_ROOT,
        capture_output=True,
        timeout=30,
        check=False,
    )
    assert second.returncode == 0, second.stderr.decode()
    wait_for_log(home, "deep link applied (one_time, 1 products)", first)
    log = log_text(home)
    assert log.count("single instance: listening") == 1  # the second never listened
    assert "handed over to the running Inflow Desk; exiting" in log
    assert first.poll() is None  # the first one still runs


def test_a_stale_socket_after_a_crash_is_cleaned_up(
    home: Path, first: subprocess.Popen[bytes]
) -> None:
    wait_for_log(home, "single instance: listening", first)
    first.kill()  # a crash: the socket file stays behind
    first.wait(10)
    sockets = list((home / "runtime").glob("inflow-desk-*.sock"))
    assert sockets, "the crashed app left no socket behind"
    again = start(home)
    try:
        # Qt (6.x) or InstanceServer removes the stale file: the new app listens either way
        deadline = time.monotonic() + 30
        while log_text(home).count("listening") < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert log_text(home).count("listening") == 2
        assert "cannot listen" not in log_text(home)
        third = subprocess.run(
            [sys.executable, "-m", "inflow_desk", LINK],
            env=app_env(home),
            cwd=REPO_ROOT,
            capture_output=True,
            timeout=30,
            check=False,
        )
        assert third.returncode == 0, third.stderr.decode()
        wait_for_log(home, "deep link applied", again)
    finally:
        again.send_signal(signal.SIGTERM)
        again.wait(10)
