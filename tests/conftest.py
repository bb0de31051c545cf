"""Suite-wide test configuration.

* Qt runs headless (``QT_QPA_PLATFORM=offscreen``) — set here, never by the user.
* HOME and the XDG directories point into a temporary folder, so QSettings, logs and the
  history database of a test run never touch the developer's real files.
* The real OS keychain is off limits except for tests marked ``keyring_real``.
* Only loopback may be contacted: any other connection attempt fails the test loudly.
"""

from __future__ import annotations

import ipaddress
import os
import socket
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

_SANDBOX = Path(tempfile.mkdtemp(prefix="inflow-desk-tests-"))
if os.environ.get("INFLOW_DESK_TEST_KEEP_HOME") != "1":
    for _name, _sub in {
        "HOME": "home",
        "XDG_CONFIG_HOME": "config",
        "XDG_DATA_HOME": "data",
        "XDG_CACHE_HOME": "cache",
        "XDG_STATE_HOME": "state",
        "XDG_RUNTIME_DIR": "runtime",
    }.items():
        (_SANDBOX / _sub).mkdir(mode=0o700, parents=True, exist_ok=True)
        os.environ[_name] = str(_SANDBOX / _sub)
if "PYTHON_KEYRING_BACKEND" not in os.environ:
    # Any accidental use of `keyring` outside the keyring_real tests raises instead of
    # touching the developer's keychain.
    os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"

SANDBOX_DIR = _SANDBOX


class NonLoopbackConnectionError(AssertionError):
    """A test tried to reach a host other than loopback."""


def _is_loopback(address: Any) -> bool:
    if isinstance(address, tuple) and address:
        host = address[0]
    else:  # AF_UNIX paths and the like are local by definition
        return True
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex
_real_getaddrinfo = socket.getaddrinfo


def _guarded_connect(self: socket.socket, address: Any) -> None:
    if not _is_loopback(address):
        raise NonLoopbackConnectionError(f"test tried to connect to {address!r}")
    _real_connect(self, address)


def _guarded_connect_ex(self: socket.socket, address: Any) -> int:
    if not _is_loopback(address):
        raise NonLoopbackConnectionError(f"test tried to connect to {address!r}")
    return _real_connect_ex(self, address)


def _guarded_getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
    name = host.decode() if isinstance(host, bytes) else host
    if name is not None and not _is_loopback((name, 0)):
        raise NonLoopbackConnectionError(f"test tried to resolve {name!r}")
    return _real_getaddrinfo(host, *args, **kwargs)


socket.socket.connect = _guarded_connect  # type: ignore[method-assign,assignment]
socket.socket.connect_ex = _guarded_connect_ex  # type: ignore[method-assign,assignment]
socket.getaddrinfo = _guarded_getaddrinfo


@pytest.fixture
def sandbox_dir() -> Iterator[Path]:
    """The temporary HOME/XDG root of this test run."""
    yield SANDBOX_DIR
