"""The real-display suite: the app in its own process on an X server, typed at by XTEST.

In-process GUI tests build the window in one go and set focus and data directly; the real
start-up builds it in stages and gets its keys from the X server. Here a fresh
``python -m inflow_desk`` runs per test on an Xvfb display with a window manager (openbox),
and ``xdotool`` types into it like a person, starting the moment the window shows.

* ``x_display`` (session): Xvfb on a free display number (``-displayfd``), then openbox.
  Without Xvfb/openbox/xdotool/xclip/xprop the package is skipped — unless
  ``INFLOW_DESK_REQUIRE_DISPLAY=1`` (CI), then it fails: CI can never skip it silently.
* ``emulator``: an :class:`InflowEmulator` in this process; the app talks to it over
  ``--api-url`` with the key handed over by ``tests.keyring_backends.EnvKeyBackend``.
* ``launch``: starts the app (``--api-url`` of the emulator, or ``--demo``), waits until its
  main window is mapped and active, and kills it (and its children) after the test.
* On failure a screenshot of the display and the app's output are attached to the report.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import select
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Generator, Iterator
from pathlib import Path
from typing import Any

import pytest

from inflow_desk.emulator import InflowEmulator
from tests.processes import display_env
from tests.realdisplay.xwd import xwd_to_png

REQUIRE_ENV = "INFLOW_DESK_REQUIRE_DISPLAY"
#: What the suite drives the display with (Debian: xvfb, openbox, xdotool, xclip, x11-utils).
TOOLS = ("Xvfb", "openbox", "xdotool", "xclip", "xprop")
SCREEN = "1600x1000x24"
MAIN_TITLE = "^Inflow Desk — "
#: How long the app may take to show its window (it starts in about a second).
START_TIMEOUT = 20.0
#: How long a reaction to a key may take: a request sent, the clipboard filled, a window shown.
TIMEOUT = 5.0

#: A person's typing speed and a fast typist / paste-like burst (ms between key events).
PERSON_MS = 60
FAST_MS = 10
SPEEDS = pytest.mark.parametrize("delay", [PERSON_MS, FAST_MS], ids=["person", "fast"])

ONE_TIME_PATH = "/api/checkout/sessions/one-time-payment"
SUBSCRIPTION_PATH = "/api/checkout/sessions/subscription/"


# ---------------------------------------------------------------------- the display
class XDisplay:
    """A running Xvfb + openbox; ``name`` is the DISPLAY value (``":7"``)."""

    def __init__(self, name: str, processes: list[subprocess.Popen[bytes]]) -> None:
        self.name = name
        self.processes = processes

    def env(self) -> dict[str, str]:
        return {**os.environ, "DISPLAY": self.name}

    def run(self, *args: str, timeout: float = START_TIMEOUT, check: bool = True) -> str:
        """Run an X client (xdotool, xclip, xprop…) on this display; its stdout."""
        result = subprocess.run(
            args,
            env=self.env(),
            capture_output=True,
            timeout=timeout,
            check=False,
        )
        if check and result.returncode != 0:
            raise AssertionError(
                f"{' '.join(args)} exited {result.returncode}: "
                f"{result.stderr.decode(errors='replace').strip()}"
            )
        return result.stdout.decode(errors="replace")

    def screenshot(self, path: Path) -> Path | None:
        """The whole screen as a PNG at ``path`` (None without ``xwd`` or if it failed)."""
        if shutil.which("xwd") is None:
            return None
        try:
            raw = subprocess.run(
                ["xwd", "-root", "-silent"],
                env=self.env(),
                capture_output=True,
                timeout=10,
                check=True,
            ).stdout
            xwd_to_png(raw, path)
        except (subprocess.SubprocessError, OSError, ValueError):
            return None
        return path


def _missing_tools() -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool) is None]


def _tail(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")[-500:]
    except OSError:
        return ""


def _start_xvfb(log: Path) -> tuple[str, subprocess.Popen[bytes]]:
    """Xvfb on the first free display number (it writes the number to ``-displayfd``). Its
    messages go to ``log``, not a pipe: a pipe nobody reads would fill up (xkbcomp warns at
    every keymap change xdotool makes) and stall the X server."""
    read_fd, write_fd = os.pipe()
    try:
        with log.open("ab") as sink:
            xvfb = subprocess.Popen(
                ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", SCREEN, "-nolisten", "tcp"],
                pass_fds=(write_fd,),
                stdout=subprocess.DEVNULL,
                stderr=sink,
            )
    finally:
        os.close(write_fd)
    number = b""
    deadline = time.monotonic() + START_TIMEOUT
    try:
        while not number.endswith(b"\n"):
            ready, _, _ = select.select([read_fd], [], [], max(0.0, deadline - time.monotonic()))
            chunk = os.read(read_fd, 16) if ready else b""
            if not chunk:
                xvfb.kill()
                xvfb.wait(timeout=5)
                raise RuntimeError(f"Xvfb did not report its display: {_tail(log)}")
            number += chunk
    finally:
        os.close(read_fd)
    return f":{int(number)}", xvfb


def _wm_running(display: XDisplay) -> bool:
    out = display.run("xprop", "-root", "_NET_SUPPORTING_WM_CHECK", check=False, timeout=5)
    return "window id" in out


def _start_openbox(display: XDisplay, log: Path, attempts: int = 5) -> subprocess.Popen[bytes]:
    """openbox, retried: started the instant Xvfb is up it may exit at once."""
    for _ in range(attempts):
        with log.open("ab") as sink:
            openbox = subprocess.Popen(
                ["openbox", "--sm-disable"],
                env=display.env(),
                stdout=subprocess.DEVNULL,
                stderr=sink,
                start_new_session=True,
            )
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and openbox.poll() is None:
            if _wm_running(display):
                return openbox
            time.sleep(0.05)
        if openbox.poll() is None:
            openbox.kill()
        openbox.wait(timeout=5)
        time.sleep(0.2)
    raise RuntimeError(f"openbox did not start after {attempts} attempts: {_tail(log)}")


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)
    for stream in (process.stdout, process.stderr):
        if stream is not None:
            stream.close()


@pytest.fixture(scope="session")
def x_display(tmp_path_factory: pytest.TempPathFactory) -> Iterator[XDisplay]:
    missing = _missing_tools()
    if missing:
        reason = (
            f"the real-display suite needs {', '.join(missing)} "
            "(Debian: sudo apt-get install -y xvfb openbox xdotool xclip x11-utils)"
        )
        if os.environ.get(REQUIRE_ENV) == "1":
            pytest.fail(f"{REQUIRE_ENV}=1 but {reason}", pytrace=False)
        pytest.skip(reason)
    logs = tmp_path_factory.mktemp("x-display")
    name, xvfb = _start_xvfb(logs / "xvfb.log")
    display = XDisplay(name, [xvfb])
    try:
        display.processes.append(_start_openbox(display, logs / "openbox.log"))
    except BaseException:
        _stop(xvfb)
        raise
    try:
        yield display
    finally:
        for process in reversed(display.processes):
            _stop(process)


# ---------------------------------------------------------------------- the API
@pytest.fixture
def api_key() -> str:
    return f"inflow_test_{secrets.token_hex(12)}"


@pytest.fixture
def emulator(api_key: str) -> Iterator[InflowEmulator]:
    with InflowEmulator(api_key=api_key) as emu:
        yield emu


def wait_for_creates(
    emulator: InflowEmulator, path: str, count: int = 1, timeout: float = TIMEOUT
) -> list[dict[str, Any]]:
    """The JSON bodies of the first ``count`` POSTs to ``path`` (fails after ``timeout``)."""
    deadline = time.monotonic() + timeout
    while True:
        found = [request.json for request in emulator.requests_to(path, "POST")]
        if len(found) >= count:
            assert all(isinstance(body, dict) for body in found), found
            return [body for body in found if isinstance(body, dict)]
        if time.monotonic() > deadline:
            sent = [(r.method, r.path) for r in emulator.requests]
            raise AssertionError(f"expected {count} POST(s) to {path}; the emulator got {sent}")
        time.sleep(0.02)


def wait_for_links(emulator: InflowEmulator, count: int = 1) -> list[str]:
    """The links the emulator handed out, once there are ``count`` (a request is logged
    before its session exists: :func:`wait_for_creates` alone can return before it)."""
    deadline = time.monotonic() + TIMEOUT
    while len(urls := checkout_urls(emulator)) < count:
        if time.monotonic() > deadline:
            raise AssertionError(f"expected {count} link(s); the emulator made {urls}")
        time.sleep(0.02)
    return urls


def checkout_urls(emulator: InflowEmulator) -> list[str]:
    """The links the emulator handed out, oldest first."""
    sessions = sorted(emulator.sessions.values(), key=lambda s: float(s["created_at"]))
    return [str(s["checkoutUrl"]) for s in sessions]


# ---------------------------------------------------------------------- the app
class Key(str):
    """A key (chord) for ``xdotool key``: ``Key("ctrl+Return")``; plain strings are typed."""


TAB, ENTER, ESC, DOWN = Key("Tab"), Key("Return"), Key("Escape"), Key("Down")
CTRL_ENTER = Key("ctrl+Return")


class AppProcess:
    """The app in its own process on ``display``, and the ways a person reaches it."""

    def __init__(
        self,
        display: XDisplay,
        process: subprocess.Popen[bytes],
        home: Path,
        output: Path,
        delay: int,
    ) -> None:
        self.display = display
        self.process = process
        self.home = home
        self.output = output
        self.delay = delay
        self.window = ""

    # -------------------------------------------------------------- windows
    def wait_for_window(self, title_regex: str, timeout: float = TIMEOUT) -> str:
        """The id of this app's first visible window whose title matches, once mapped."""
        self.assert_running()
        try:
            out = self.display.run(
                "xdotool",
                "search",
                "--all",  # every condition (xdotool's default is any of them)
                "--sync",
                "--onlyvisible",
                "--pid",
                str(self.process.pid),
                "--name",
                title_regex,
                timeout=timeout,
            )
        except subprocess.TimeoutExpired:
            self.assert_running()
            raise AssertionError(f"no window titled {title_regex!r} within {timeout}s") from None
        return out.split()[0]

    def visible_windows(self, title_regex: str) -> list[str]:
        """Ids of this app's visible windows whose title matches (now, without waiting)."""
        out = self.display.run(
            "xdotool", "search", "--all", "--onlyvisible", "--pid", str(self.process.pid),
            "--name", title_regex, check=False,
        )  # fmt: skip
        return out.split()

    def wait_until_active(self, title_regex: str, timeout: float = TIMEOUT) -> None:
        deadline = time.monotonic() + timeout
        title = ""
        while time.monotonic() < deadline:
            title = self.display.run(
                "xdotool", "getactivewindow", "getwindowname", check=False
            ).strip()
            if re.search(title_regex, title):
                return
            time.sleep(0.02)
        raise AssertionError(f"active window is {title!r}, expected {title_regex!r}")

    def show(self) -> None:
        """Wait for the main window as a person does (mapped, on screen), make sure it is the
        active one, and return at once: the first key may follow immediately."""
        self.window = self.wait_for_window(MAIN_TITLE, timeout=START_TIMEOUT)
        self.display.run("xdotool", "windowactivate", "--sync", self.window)

    # -------------------------------------------------------------- keyboard
    def send(self, *steps: str, delay: int | None = None) -> None:
        """Type plain strings and press :class:`Key` chords, in order, ``delay`` ms apart."""
        ms = str(self.delay if delay is None else delay)
        for step in steps:
            self.assert_running()
            if isinstance(step, Key):
                self.display.run("xdotool", "key", "--clearmodifiers", "--delay", ms, *step.split())
            else:
                self.display.run("xdotool", "type", "--delay", ms, "--", step)
            # xdotool type/key return once the events are sent; the delay after the last key
            # keeps the pace between this step and the next one
            time.sleep(int(ms) / 1000)

    # -------------------------------------------------------------- clipboard
    def clipboard(self, target: str | None = None) -> str:
        args = ["xclip", "-o", "-selection", "clipboard"]
        if target is not None:
            args += ["-t", target]
        return self.display.run(*args, check=False, timeout=5)

    def wait_for_clipboard(
        self, predicate: Callable[[str], bool], what: str, *, target: str | None = None
    ) -> str:
        deadline = time.monotonic() + TIMEOUT
        text = ""
        while time.monotonic() < deadline:
            self.assert_running()
            text = self.clipboard(target)
            if predicate(text):
                return text
            time.sleep(0.05)
        raise AssertionError(f"the clipboard never held {what}; last: {text[:300]!r}")

    # -------------------------------------------------------------- process
    def assert_running(self) -> None:
        code = self.process.poll()
        if code is not None:
            raise AssertionError(f"the app exited with {code}:\n{self.output_text()}")

    def output_text(self) -> str:
        try:
            return self.output.read_text(encoding="utf-8", errors="replace")[-4000:]
        except OSError:
            return ""

    def log_text(self) -> str:
        return "\n".join(
            p.read_text(encoding="utf-8", errors="replace")
            for p in sorted((self.home / "data").rglob("inflow-desk.log*"))
        )

    def stop(self) -> None:
        """Kill the app and everything it started (its own process group)."""
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=5)
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.process.pid, signal.SIGKILL)  # anything left in its group


Launcher = Callable[..., AppProcess]


@pytest.fixture
def launch(
    x_display: XDisplay,
    emulator: InflowEmulator,
    api_key: str,
    tmp_path: Path,
    request: pytest.FixtureRequest,
) -> Iterator[Launcher]:
    """``launch(delay=ms)`` starts the app against ``emulator`` (``launch(demo=True)``: the
    README's ``--demo``; ``language="fr"``: in French), waits for its window and returns it;
    it is killed after the test.
    ``seed(home)`` runs first, to put files where the app will look (a catalog…)."""
    started: list[AppProcess] = []

    def start(
        *,
        delay: int = PERSON_MS,
        demo: bool = False,
        seed: Callable[[Path], None] | None = None,
        language: str | None = None,
    ) -> AppProcess:
        home = tmp_path / f"home{len(started)}"
        home.mkdir()
        if seed is not None:  # files the app finds at start (its HOME is ``home``)
            seed(home)
        args = ["--demo"] if demo else ["--api-url", emulator.base_url]
        env = display_env(home, x_display.name, api_key=None if demo else api_key)
        if language is not None:  # INFLOW_DESK_LANGUAGE: the app in that language
            env["INFLOW_DESK_LANGUAGE"] = language
        output = tmp_path / f"app{len(started)}.out"
        with output.open("wb") as sink:
            process = subprocess.Popen(
                [sys.executable, "-m", "inflow_desk", *args],
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=sink,
                stderr=subprocess.STDOUT,
                cwd=home,
                start_new_session=True,  # its own process group: stop() kills all of it
            )
        app = AppProcess(x_display, process, home, output, delay)
        started.append(app)
        request.node.stash[_APPS] = started
        app.show()
        return app

    try:
        yield start
    finally:
        for app in started:
            app.stop()


_APPS = pytest.StashKey[list[AppProcess]]()


@pytest.fixture
def put_in_clipboard(x_display: XDisplay) -> Iterator[Callable[[str], None]]:
    """``put_in_clipboard(text)``: another program (xclip) owns the clipboard with ``text``,
    as after a copy in the browser; it serves until someone else takes the clipboard."""
    owners: list[subprocess.Popen[bytes]] = []

    def put(text: str) -> None:
        owner = subprocess.Popen(
            ["xclip", "-i", "-selection", "clipboard", "-quiet"],  # -quiet: in the foreground
            env=x_display.env(),
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        assert owner.stdin is not None
        owner.stdin.write(text.encode())
        owner.stdin.close()
        owners.append(owner)
        deadline = time.monotonic() + TIMEOUT
        while x_display.run("xclip", "-o", "-selection", "clipboard", check=False) != text:
            assert time.monotonic() < deadline, "xclip did not take the clipboard"
            time.sleep(0.02)

    yield put
    for owner in owners:
        if owner.poll() is None:
            owner.kill()
        owner.wait(timeout=5)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """On a failure, attach a screenshot of the display and the app's output and log."""
    report = yield
    apps = item.stash.get(_APPS, [])
    if report.when != "call" or not report.failed or not apps:
        return report
    tmp = item.funcargs.get("tmp_path") if hasattr(item, "funcargs") else None
    if isinstance(tmp, Path):
        shot = apps[-1].display.screenshot(tmp / "failure.png")
        report.sections.append(
            ("real display", f"screenshot: {shot}" if shot else "screenshot: (none)")
        )
    for n, app in enumerate(apps):
        report.sections.append((f"app {n} output", app.output_text() or "(empty)"))
        report.sections.append((f"app {n} log", app.log_text()[-3000:] or "(empty)"))
    return report
