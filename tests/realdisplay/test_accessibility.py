"""What Orca gets: the running app read and driven over AT-SPI (issue 17 item 4).

Per test: a D-Bus session bus of its own (``dbus-daemon --session``; at-spi2-core's
``at-spi-bus-launcher`` starts on demand, by D-Bus activation, with the registry), the app in
a fresh process on the Xvfb display with ``QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1`` (Qt's AT-SPI
bridge, as when a screen reader runs), and Debian's ``python3-pyatspi`` in the SYSTEM Python
(``atspi_reader.py`` beside this file, a subprocess printing JSON) reading and acting.

Without pyatspi or at-spi2-core these tests skip, unless ``INFLOW_DESK_REQUIRE_DISPLAY=1``
(CI), then they fail (``sudo apt-get install -y at-spi2-core python3-pyatspi``).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from inflow_desk.emulator import InflowEmulator
from tests.realdisplay.conftest import (
    ONE_TIME_PATH,
    REQUIRE_ENV,
    TIMEOUT,
    Launcher,
    XDisplay,
    checkout_urls,
    wait_for_creates,
)

SYSTEM_PYTHON = "/usr/bin/python3"
READER = Path(__file__).with_name("atspi_reader.py")
BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"

#: design.md's "Automation names" of the main window: objectName → (AT-SPI role, name).
#: ``None`` asks for a name that is not empty. A combo box's name is its current value on
#: Linux (Qt ignores its accessible name there): Orca says what it is from the label it is
#: "labelled-by" (Qt's buddy label), which :data:`COMBO_LABELS` checks; every combo box of
#: the tree must have one.
MAIN_WINDOW: dict[str, tuple[str, str | None]] = {
    "lineItemsTable": ("table", "Cart line items"),
    "addLineItemButton": ("push button", "Add line"),
    "removeLineItemButton": ("push button", "Remove line"),
    "currencyCombo": ("combo box", None),
    "customerEmailEdit": ("text", "Customer e-mail"),
    "successUrlEdit": ("text", "Success URL"),
    "cancelUrlEdit": ("text", "Cancel URL"),
    "expiresInSpin": ("spin button", "Link expiry in hours"),
    "totalLabel": ("label", "Cart total"),
    "createSessionButton": ("push button", "Create checkout link"),
    "offerPicker": ("list", "Subscription offers"),
    "offerSearchEdit": ("text", "Search subscription offers"),
    "checkoutUrlEdit": ("text", "Checkout link"),
    "copyUrlButton": ("push button", "Copy link"),
    "qrCodeLabel": ("label", "QR code of the checkout link"),
    "errorLabel": ("label", "Error"),
    "expiryPresetCombo": ("combo box", None),  # not in design.md: every combo box is checked
    "modeSwitch": ("filler", "Payment type"),
    "qt_tabwidget_tabbar": ("page tab list", None),  # modeSwitch's tabs
    "profileCombo": ("combo box", None),
    "environmentBadge": ("label", None),
    "historyTable": ("table", "Created links"),
    "historySearchEdit": ("text", "Filter history"),
}
COMBO_LABELS = {
    "currencyCombo": "Currency",
    "expiryPresetCombo": "Expires after",
    "profileCombo": "Merchant profile",
    "environmentCombo": "Environment:",
    "languageCombo": "Language:",
}
SETTINGS_DIALOG: dict[str, tuple[str, str | None]] = {
    "apiKeyEdit": ("password text", "API key"),
    "saveKeyButton": ("push button", None),
    "testConnectionButton": ("push button", None),
    "environmentCombo": ("combo box", None),
    "languageCombo": ("combo box", None),
}


def _missing() -> str | None:
    if shutil.which("dbus-daemon") is None or not Path(BUS_LAUNCHER).exists():
        return "dbus-daemon and at-spi2-core"
    probe = subprocess.run(
        [SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True, check=False, timeout=30
    )
    return "python3-pyatspi" if probe.returncode != 0 else None


@pytest.fixture(scope="module")
def atspi_available() -> None:
    missing = _missing() if Path(SYSTEM_PYTHON).exists() else "python3"
    if missing is not None:
        reason = (
            f"the AT-SPI tests need {missing} "
            "(Debian: sudo apt-get install -y at-spi2-core python3-pyatspi dbus)"
        )
        if os.environ.get(REQUIRE_ENV) == "1":
            pytest.fail(f"{REQUIRE_ENV}=1 but {reason}", pytrace=False)
        pytest.skip(reason)


class Bus:
    """A D-Bus session bus on ``display``, where at-spi2-core starts on demand."""

    def __init__(self, display: XDisplay, runtime: Path) -> None:
        self.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "DISPLAY": display.name,
            "XDG_RUNTIME_DIR": str(runtime),
            "HOME": str(runtime),
        }
        self.process = subprocess.Popen(
            ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # its group holds the bus launcher and registry it starts
        )
        assert self.process.stdout is not None
        self.address = self.process.stdout.readline().decode().strip()
        assert self.address.startswith("unix:"), self.address
        self.env["DBUS_SESSION_BUS_ADDRESS"] = self.address

    def stop(self) -> None:
        for sig in (signal.SIGTERM, signal.SIGKILL):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, sig)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout=5)
                break
        if self.process.stdout is not None:
            self.process.stdout.close()

    def read(self, pid: int, *args: str) -> dict[str, Any]:
        """Run ``atspi_reader.py PID ARGS`` in the system Python; its JSON."""
        result = subprocess.run(
            [SYSTEM_PYTHON, str(READER), str(pid), *args],
            env=self.env,
            capture_output=True,
            timeout=30,
            check=False,
        )
        if result.returncode != 0:
            raise AssertionError(
                f"atspi_reader {' '.join(args)} failed: {result.stderr.decode()[-2000:]}"
            )
        answer: dict[str, Any] = json.loads(result.stdout)
        return answer


@pytest.fixture
def bus(
    atspi_available: None,
    x_display: XDisplay,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[Bus]:
    runtime = tmp_path / "bus-runtime"
    runtime.mkdir(mode=0o700)
    session = Bus(x_display, runtime)
    # what the app launched next inherits (tests.processes.display_env copies the environment)
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", session.address)
    monkeypatch.setenv("QT_LINUX_ACCESSIBILITY_ALWAYS_ON", "1")
    monkeypatch.setenv("INFLOW_DESK_LANGUAGE", "en")  # the names below are the English ones
    try:
        yield session
    finally:
        session.stop()


def _nodes(bus: Bus, pid: int, until: list[str]) -> list[dict[str, Any]]:
    """The app's accessible tree, once the objects named ``until`` are in it (start-up builds
    some after the first frame, a dialog takes a moment)."""
    deadline = time.monotonic() + TIMEOUT
    while True:
        nodes: list[dict[str, Any]] = bus.read(pid, "tree")["nodes"]
        present = {node["id"] for node in nodes}
        if all(name in present for name in until) or time.monotonic() > deadline:
            return nodes
        time.sleep(0.1)


def _mismatches(
    nodes: list[dict[str, Any]], expected: dict[str, tuple[str, str | None]]
) -> list[str]:
    wrong: list[str] = []
    for name, (role, accessible) in expected.items():
        found = [node for node in nodes if node["id"] == name]
        if not found:
            wrong.append(f"{name}: not in the tree")
            continue
        node = found[0]
        if node["role"] != role:
            wrong.append(f"{name}: role {node['role']!r}, expected {role!r}")
        if not node["name"].strip():
            wrong.append(f"{name}: no name ({node['role']})")
        elif accessible is not None and node["name"] != accessible:
            wrong.append(f"{name}: named {node['name']!r}, expected {accessible!r}")
        label = COMBO_LABELS.get(name)
        if label is not None and label not in node["labelled_by"]:
            wrong.append(f"{name}: labelled by {node['labelled_by']}, expected {label!r}")
    for node in nodes:  # a combo box added later is heard by its label too
        if node["role"] == "combo box" and node["showing"] and not node["labelled_by"]:
            wrong.append(f"{node['id']}: a combo box named {node['name']!r} by its value, no label")
    return wrong


def test_every_control_of_the_design_is_found_by_role_and_name(launch: Launcher, bus: Bus) -> None:
    app = launch()
    pid = app.process.pid
    nodes = _nodes(bus, pid, list(MAIN_WINDOW))
    assert _mismatches(nodes, MAIN_WINDOW) == []
    badge = next(node for node in nodes if node["id"] == "environmentBadge")
    assert any(env in badge["name"] for env in ("PRODUCTION", "SANDBOX", "CUSTOM", "DEMO"))

    bus.read(pid, "press", "settingsButton")  # the settings dialog, by its button's action
    dialog = _nodes(bus, pid, list(SETTINGS_DIALOG))
    assert _mismatches(dialog, SETTINGS_DIALOG) == []
    assert {node["window"] for node in dialog if node["id"] in SETTINGS_DIALOG} != {
        next(node["window"] for node in nodes if node["id"] == "createSessionButton")
    }, "the key settings are in their own dialog"


def test_a_link_is_created_through_accessible_actions_alone(
    launch: Launcher, bus: Bus, emulator: InflowEmulator
) -> None:
    app = launch()
    done = bus.read(app.process.pid, "create", "Starter kit", "49.99", "3")
    assert done["url"], done  # (the announcements say why not)
    [body] = wait_for_creates(emulator, ONE_TIME_PATH)
    assert body["products"] == [{"name": "Starter kit", "price": 4999, "quantity": 3}], done
    assert body["currency"] == "EUR"
    assert done["url"] == checkout_urls(emulator)[0]  # read from the tree: the emulator's link
    heard = done["announcements"]
    assert any("Link created" in text for text in heard), heard  # said, not only shown
    assert any("Nothing was sent" in text for text in heard), heard  # the errors too
