"""Interpreter settings for a GUI thread that shares the GIL with background work.

Two things stall the window while a worker thread runs Python (parsing 10,000 offers, say);
``benchmarks/run.py --only stall_offers_load_10k`` measures them (figures: benchmarks/README.md):

* **GIL hand-offs.** Many PySide6 calls release the GIL, and every Python slot, override or
  timer callback has to take it back. While a worker is busy in Python, each of those waits for
  the worker's switch interval (Python's default is meant for throughput, not for a GUI), so a
  repaint or model reset that crosses the boundary a few dozen times waits that long each time.
  A tenth of the default bounds each wait; the worker loses a little throughput to the extra
  switches, which nobody notices.
* **Full garbage collections.** Python's oldest-generation collection walks every tracked
  object, and with Qt, httpx and pydantic loaded there are many; a burst of allocations
  (10,000 offer rows) triggers several. ``gc.freeze()`` after start-up moves the objects that
  live for the whole run (modules, classes, the window's wrappers) out of the collector's sight,
  so those collections only walk what came later.

Both are process-wide: :func:`tune_interpreter` runs first in ``app.main``, before any worker
thread starts; :func:`freeze_startup_heap` runs in the background warm-up after the first frame
(``ui.accounts.controller.warm_up_imports``), once httpx and pydantic are imported.
"""

from __future__ import annotations

import gc
import logging
import sys
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
