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


REPO_ROOT = Path(__file__).resolve().parent.parent


def display_env(home: Path, display: str, *, api_key: str | None = None) -> dict[str, str]:
    """:func:`sandboxed_env` for an app that shows its window on the X display ``display``
    (``QT_QPA_PLATFORM=xcb``), with this repository importable.

    With ``api_key``, the app's keyring is ``tests.keyring_backends.EnvKeyBackend``: every
    profile's key is ``api_key``, handed over in the environment only (never in a file)."""
    env = sandboxed_env(home)
    env.pop("WAYLAND_DISPLAY", None)
    runtime = home / "runtime"
    runtime.mkdir(mode=0o700, parents=True, exist_ok=True)
    python_path = [str(REPO_ROOT), *filter(None, env.get("PYTHONPATH", "").split(os.pathsep))]
    env.update(
        QT_QPA_PLATFORM="xcb",
        DISPLAY=display,
        XDG_RUNTIME_DIR=str(runtime),
        PYTHONPATH=os.pathsep.join(python_path),
    )
    if api_key is not None:
        env.update(
            PYTHON_KEYRING_BACKEND="tests.keyring_backends.EnvKeyBackend",
            INFLOW_DESK_TEST_KEY=api_key,
        )
    return env
