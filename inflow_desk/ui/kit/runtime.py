"""Interpreter settings for a GUI thread that shares the GIL with background work.

Two things stall the window while a worker thread runs Python (parsing 10,000 offers, say),
both measured by ``benchmarks/run.py --only stall_offers_load_10k``:

* **GIL hand-offs.** Many PySide6 calls release the GIL, and every Python slot, override or
  timer callback has to take it back. While a worker is busy in Python, each of those waits for
  the worker's switch interval — 5 ms by default, so a repaint or model reset that crosses the
  boundary a few dozen times waits 100 ms or more. A 0.5 ms interval bounds each wait to
  0.5 ms; the worker loses a little throughput to the extra switches, which nobody notices.
* **Full garbage collections.** Python's oldest-generation collection walks every tracked
  object; with Qt, httpx and pydantic loaded that takes 40–70 ms here, and a burst of
  allocations (10,000 offer rows) triggers several. ``gc.freeze()`` after start-up moves the
  objects that live for the whole run (modules, classes, the window's wrappers) out of the
  collector's sight, so those collections only walk what came later.

Both are process-wide: :func:`tune_interpreter` runs in ``app.main`` before the window is built,
:func:`freeze_startup_heap` once start-up imports are done (after the first frame).

A third setting is about start-up cost, not stalls: :func:`spare_source_reads` (see there).
"""

from __future__ import annotations

import gc
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Final

log = logging.getLogger(__name__)

#: Seconds a thread may hold the GIL while another waits (Python's default: 0.005).
SWITCH_INTERVAL_S: Final = 0.0005


def tune_interpreter() -> None:
    """Let the GUI thread take the GIL back quickly from busy worker threads."""
    sys.setswitchinterval(SWITCH_INTERVAL_S)


def freeze_startup_heap() -> None:
    """Exclude every object alive now from future garbage collections (``gc.freeze``).

    Frozen objects are still freed by reference counting; only reference cycles among them are
    never collected, which is fine for what start-up builds (it lives until the app quits).
    Cheap: it moves lists, it does not walk them.
    """
    gc.freeze()
    log.debug("froze %d start-up objects out of the garbage collector", gc.get_freeze_count())


def spare_source_reads() -> bool:
    """Answer PySide6's "does this module use PySide6?" without caching every module's source.

    After PySide6 is loaded, every module imported is checked for the text "PySide6" in its
    source (``shibokensupport.feature._mod_uses_pyside``, PYSIDE-2029: for the opt-in
    ``from __feature__ import ...`` switches). It asks ``inspect.getsource``, which tokenises the
    file and keeps all its lines in ``linecache`` for the rest of the run. For the modules the
    first frame imports that is about 28,000 lines: 2.8 MiB of heap and ~15 ms, for an answer
    that one read of the file's bytes gives as well.

    The replacement asks the same question of the same file (PySide6's own function still
    answers for modules without a ``.py`` file). It is installed only when PySide6 has the
    function this describes; False otherwise (PySide6 then works as shipped). Call it before
    the first PySide6 import that matters: modules imported earlier are already answered.
    """
    import shiboken6  # noqa: F401  (loads shibokensupport, PySide6's start-up support)

    feature = sys.modules.get("shibokensupport.feature")
    original: Callable[[ModuleType], bool] | None = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or original is None:
        return False
    if getattr(original, "__wrapped__", None) is not None:
        return True  # already in place

    def _mod_uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return original(module)
        try:
            source = Path(path).read_bytes()
        except OSError:
            return original(module)
        return b"PySide6" in source

    _mod_uses_pyside.__wrapped__ = original  # type: ignore[attr-defined]
    feature._mod_uses_pyside = _mod_uses_pyside  # type: ignore[attr-defined]
    return True
