"""The environment for running the app (or Python with it) in a child process during tests."""

from __future__ import annotations

import os
from pathlib import Path


def sandboxed_env(home: Path) -> dict[str, str]:
    """This environment with HOME/XDG inside ``home``, offscreen Qt and the failing keyring:
    the child touches neither the developer's files nor their keychain, nor a configured API."""
    env = dict(os.environ)
    env.pop("INFLOW_DESK_API_URL", None)
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"),
        QT_QPA_PLATFORM="offscreen",
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
    )
    return env
