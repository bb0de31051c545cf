"""Process hardening done first thing in ``main``: no core dumps.

The API key lives in this process's memory (the key store's answer, the client's header). A
crash that writes a core file would put it on disk, readable by whoever gets the file (crash
reporters upload them). :func:`disable_core_dumps` sets the core size limit to 0 (POSIX) and,
on Linux, marks the process non-dumpable (``prctl(PR_SET_DUMPABLE, 0)``), which also stops
other processes of the same user from attaching to it with ptrace and keeps
``/proc/<pid>/mem`` closed. Where a mechanism does not exist (Windows has neither; macOS has
no ``prctl``) it is skipped; nothing here ever raises.

Pure standard library, no Qt: importable before anything else.
"""

from __future__ import annotations

import contextlib
import logging
import sys
from dataclasses import dataclass
from typing import Any

__all__ = ["PR_GET_DUMPABLE", "PR_SET_DUMPABLE", "CoreDumpState", "disable_core_dumps"]

log = logging.getLogger(__name__)

PR_SET_DUMPABLE = 4
PR_GET_DUMPABLE = 3


@dataclass(frozen=True)
class CoreDumpState:
    """What :func:`disable_core_dumps` achieved (for the log and tests).

    ``core_limit_zero``: RLIMIT_CORE is now (0, 0); None where there is no such limit.
    ``not_dumpable``: PR_SET_DUMPABLE succeeded; None where there is no prctl (not Linux).
    """

    core_limit_zero: bool | None
    not_dumpable: bool | None

    def describe(self) -> str:
        def word(value: bool | None) -> str:
            return "n/a" if value is None else ("on" if value else "FAILED")

        return f"core size 0: {word(self.core_limit_zero)}, non-dumpable: {word(self.not_dumpable)}"


def _zero_core_limit() -> bool | None:
    try:
        import resource
    except ImportError:  # Windows
        return None
    if not hasattr(resource, "RLIMIT_CORE"):
        return None
    with contextlib.suppress(OSError, ValueError):  # a failure shows in the read-back
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    return resource.getrlimit(resource.RLIMIT_CORE) == (0, 0)


def _libc_prctl() -> Any:
    """libc's ``prctl`` on Linux, else None."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None
    prctl.restype = ctypes.c_int
    prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong]
    return prctl


def _set_not_dumpable() -> bool | None:
    prctl = _libc_prctl()
    if prctl is None:
        return None
    prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
    return bool(prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) == 0)  # read back what the kernel holds


def disable_core_dumps() -> CoreDumpState:
    """Keep this process's memory (the API key) out of core files. Never raises.

    The state returned is read back from the kernel, not assumed from the calls' success.
    """
    try:
        state = CoreDumpState(_zero_core_limit(), _set_not_dumpable())
    except Exception:  # hardening must never keep the app from starting
        log.exception("hardening: could not disable core dumps")
        return CoreDumpState(False, False)
    if False in (state.core_limit_zero, state.not_dumpable):
        log.warning("hardening: %s", state.describe())
    return state
