"""Screenshots as the spec, on every CI run (issue 19, item 5): a fresh app on the real display
is driven by keys through each state an agent sees — empty, filled, creating, created, paid,
invalid, error, subscription, history, settings, and (a second process, no key) first run —
and each state is photographed (``xwd`` of the screen, as PNG) into the test's tmp dir, and
into ``$INFLOW_DESK_SCREENSHOT_DIR`` when it is set (CI keeps them as artifacts).

Each state is also checked: no visible widget outside its window or over a sibling, no window
outside the screen. The app reports its geometry through the test-only channel of
tests/realdisplay/geometry_app.py (the real ``main``, plus a timer that answers a request
file), since the test cannot look inside the app's process."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from inflow_desk.emulator import Fault, InflowEmulator
from tests.processes import display_env
from tests.realdisplay import geometry_app
from tests.realdisplay.conftest import (
    _APPS,
    CTRL_ENTER,
    ESC,
    ONE_TIME_PATH,
    START_TIMEOUT,
    TAB,
    TIMEOUT,
    AppProcess,
    Key,
    XDisplay,
    wait_for_creates,
    wait_for_links,
)
from tests.realdisplay.xwd import xwd_to_image

pytestmark = pytest.mark.realdisplay

SHOTS_ENV = "INFLOW_DESK_SCREENSHOT_DIR"
FAST = 15  # ms between keys: the states matter here, not the typing speed
Report = dict[str, Any]


class Shooter:
    """Asks the app for its geometry report, photographs the screen, keeps the problems."""

    def __init__(self, app: AppProcess, channel: Path, shots: Path) -> None:
        self.app = app
        self.channel = channel
        self.shots = shots
        self.problems: dict[str, list[str]] = {}
        self.taken: list[Path] = []

    def report(self, name: str) -> Report:
        target = self.channel / f"{name}.json"
        target.unlink(missing_ok=True)
        (self.channel / geometry_app.REQUEST).write_text(name, encoding="utf-8")
        deadline = time.monotonic() + TIMEOUT
        while not target.exists():
            self.app.assert_running()
            assert time.monotonic() < deadline, f"the app did not report its geometry ({name})"
            time.sleep(0.02)
        report: Report = dict(json.loads(target.read_text(encoding="utf-8")))
        return report

    def state(self, name: str, until: Callable[[Report], bool], timeout: float = TIMEOUT) -> Report:
        """Once ``until(report)`` holds (the app shows ``name``): photograph and check it."""
        deadline = time.monotonic() + timeout
        report = self.report(name)
        while not until(report):
            assert time.monotonic() < deadline, f"state {name!r} never showed: {report}"
            time.sleep(0.05)
            report = self.report(name)
        shot = self.photograph(name, report)
        self.taken.append(shot)
        if extra := os.environ.get(SHOTS_ENV):
            Path(extra).mkdir(parents=True, exist_ok=True)
            shutil.copy(shot, Path(extra) / shot.name)
        self.problems[name] = [
            f"{window['class']}#{window['name']}: {problem}"
            for window in report["windows"]
            for problem in window["problems"]
        ]
        return report

    def photograph(self, name: str, report: Report) -> Path:
        """The screen, with each reported window photographed itself and laid where it
        stands (on Xvfb, ``xwd -root`` leaves a dialog's area black); retried while a window
        is still blank (mapped, its first frame not drawn yet)."""
        from PySide6.QtCore import QPoint
        from PySide6.QtGui import QPainter

        path = self.shots / f"{name}.png"
        windows = sorted(report["windows"], key=lambda w: w["class"] != "MainWindow")
        deadline = time.monotonic() + TIMEOUT
        while True:
            time.sleep(0.05)
            screen = self.dump("-root")
            assert screen is not None, "xwd could not photograph the screen"
            painter = QPainter(screen)
            blank = []
            for window in windows:
                part = self.dump("-id", str(window["window_id"]))
                if part is None or _blank(part, [0, 0, part.width(), part.height()]):
                    blank.append(window["title"])
                    continue
                x, y, _, _ = window["client"]
                painter.drawImage(QPoint(x, y), part)
            painter.end()
            if not blank:
                assert screen.save(str(path), "PNG", 90), path  # light compression: fast
                return path
            assert time.monotonic() < deadline, f"{name}: never drawn: {blank}"

    def dump(self, *target: str) -> Any:
        """``xwd`` of the screen or of one window, as a QImage (None if it failed)."""
        raw = subprocess.run(
            ["xwd", *target, "-silent"],
            env=self.app.display.env(),
            capture_output=True,
            timeout=10,
            check=False,
        ).stdout
        try:
            return xwd_to_image(raw)
        except ValueError:
            return None


def _blank(image: Any, geometry: list[int]) -> bool:
    """A window's area holds one colour only: nothing drawn yet."""
    x, y, width, height = geometry
    points = {
        image.pixel(x + width * i // 8, y + height * j // 8)
        for i in range(1, 8)
        for j in range(1, 8)
    }
    return len(points) == 1


def main_window(report: Report) -> Report:
    [window] = [w for w in report["windows"] if w["class"] == "MainWindow"]
    return dict(window)


def shows(name: str) -> Callable[[Report], bool]:
    return lambda report: any(name in w["visible"] for w in report["windows"])


def label(report: Report, name: str) -> str:
    return str(main_window(report)["labels"].get(name, ""))


@pytest.fixture
def shooter(
    x_display: XDisplay,
    emulator: InflowEmulator,
    api_key: str,
    tmp_path: Path,
    request: pytest.FixtureRequest,
) -> Iterator[Callable[..., Shooter]]:
    """``shooter(key=True)`` starts the app through geometry_app.py against ``emulator``
    (without a key: the first-run screen) and returns its :class:`Shooter`."""
    started: list[AppProcess] = []
    shots = tmp_path / "screenshots"
    shots.mkdir()

    def start(*, key: bool = True) -> Shooter:
        n = len(started)
        home, channel = tmp_path / f"home{n}", tmp_path / f"channel{n}"
        home.mkdir()
        channel.mkdir()
        env = display_env(home, x_display.name, api_key=api_key if key else None)
        env[geometry_app.ENV] = str(channel)
        output = tmp_path / f"app{n}.out"
        with output.open("wb") as sink:
            process = subprocess.Popen(
                [sys.executable, geometry_app.__file__, "--api-url", emulator.base_url],
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=sink,
                stderr=subprocess.STDOUT,
                cwd=home,
                start_new_session=True,
            )
        app = AppProcess(x_display, process, home, output, FAST)
        started.append(app)
        request.node.stash[_APPS] = started  # the failure screenshot and the app's output
        app.window = app.wait_for_window("^Inflow Desk — ", timeout=START_TIMEOUT)
        x_display.run("xdotool", "windowactivate", "--sync", app.window)
        return Shooter(app, channel, shots)

    try:
        yield start
    finally:
        for app in started:
            app.stop()


def test_every_state_is_photographed_and_no_widget_leaves_its_window_or_covers_another(
    shooter: Callable[..., Shooter], emulator: InflowEmulator
) -> None:
    emulator.session_reads = True  # the app reads the link's status: paid shows at once
    shots = shooter()
    app = shots.app
    shots.state("empty", lambda r: main_window(r)["active"] and r["focus"] is not None)

    app.send("Starter kit", TAB, "49.99", TAB, "2")
    shots.state("filled", lambda r: "99.98" in label(r, "totalLabel"))

    emulator.inject(Fault("latency", delay=1.5))
    app.send(CTRL_ENTER)
    wait_for_creates(emulator, ONE_TIME_PATH)
    shots.state("creating", lambda r: main_window(r)["busy"])

    wait_for_links(emulator)
    created = shots.state("created", lambda r: not main_window(r)["busy"])
    assert "checkoutUrlEdit" in main_window(created)["visible"]

    [session_id] = list(emulator.sessions)
    emulator.pay_session(session_id, "paid")  # seen at the app's next check (≤ 5 s): meanwhile
    app.send(Key("ctrl+h"))
    shots.state("history", lambda r: r["focus"] == "historySearchEdit")

    app.send(ESC, Key("ctrl+comma"))
    shots.state("settings", lambda r: any(w["class"] == "SettingsDialog" for w in r["windows"]))

    app.send(ESC)
    paid = shots.state(
        "paid", lambda r: label(r, "paymentStatusLabel").startswith("Paid"), timeout=2 * TIMEOUT
    )
    assert not any(w["class"] == "SettingsDialog" for w in paid["windows"])

    app.send(Key("ctrl+shift+n"), CTRL_ENTER)  # the next caller; an empty cart is refused
    shots.state("invalid", lambda r: "errorLabel" in main_window(r)["visible"])

    app.send(Key("ctrl+shift+n"), "Cable", TAB, "5", TAB, "3")
    emulator.inject(Fault("html", status=502))
    app.send(CTRL_ENTER)
    shots.state("error", lambda r: "502" in label(r, "errorLabel") and not main_window(r)["busy"])

    app.send(Key("ctrl+shift+n"), Key("ctrl+2"))
    shots.state("subscription", lambda r: any(c.isdigit() for c in label(r, "offersStatusLabel")))

    first = shooter(key=False)  # no key stored: the first-run screen
    first.shots = shots.shots
    first.state("first-run", shows("firstRunScreen"))

    names = sorted(p.stem for p in shots.taken + first.taken)
    assert names == sorted(
        ["empty", "filled", "creating", "created", "paid", "invalid", "error",
         "subscription", "history", "settings", "first-run"]
    )  # fmt: skip
    for path in shots.taken + first.taken:
        assert path.read_bytes().startswith(b"\x89PNG"), path
    problems = {**shots.problems, **first.problems}
    assert not any(problems.values()), "\n".join(
        f"{state}: {problem}" for state, found in problems.items() for problem in found
    )
