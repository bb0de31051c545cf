"""Which texts are cut off, in a process of its own: ``QT_SCALE_FACTOR`` (200 % scaling) must
be set before the QApplication exists, so tests/ui/test_text_fit.py runs that case here.

    python tests/text_fit_report.py --scale 2 --languages pseudo,fr

Prints one JSON object, ``{"devicePixelRatio": 2.0, "languages": {language: {state:
[clip, …]}}}`` (a clip: tests/ui/text_fit.py's Clip as a dict). Offscreen, a fresh temporary
HOME; the demo desk at its 1366×768 laptop size (logical pixels: at 200 % that is a 2732×1536
panel).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", default="2", help="QT_SCALE_FACTOR (before Qt starts)")
    parser.add_argument("--languages", default="pseudo,fr")
    args = parser.parse_args(argv)
    os.environ["QT_SCALE_FACTOR"] = args.scale
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    home = tempfile.mkdtemp(prefix="inflow-fit-")
    os.environ["HOME"] = home
    for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        os.environ[variable] = os.path.join(home, variable.lower())
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))

    from PySide6.QtCore import QEventLoop, QLocale, QTimer
    from PySide6.QtWidgets import QApplication

    from inflow_desk.ui.kit.i18n import LANGUAGE_ENV, install_language, remove_language
    from tests.ui.text_fit import clips_in_every_state

    app = QApplication([sys.argv[0]])

    def wait_until(predicate: Callable[[], bool], timeout: int) -> None:
        """An event-loop wait, as qtbot.waitUntil (the GUI keeps running meanwhile)."""
        deadline = time.monotonic() + timeout / 1000
        while not predicate():
            if time.monotonic() > deadline:
                raise TimeoutError(f"waited {timeout} ms for {predicate}")
            loop = QEventLoop()
            QTimer.singleShot(10, loop.quit)
            loop.exec()

    results: dict[str, dict[str, list[dict[str, object]]]] = {}
    for code in args.languages.split(","):
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        os.environ[LANGUAGE_ENV] = code
        language = install_language(app)
        try:
            with tempfile.TemporaryDirectory(dir=home) as tmp:
                found = clips_in_every_state(Path(tmp), wait_until)
        finally:
            remove_language(app, language)
        results[code] = {state: [c.as_dict() for c in clips] for state, clips in found.items()}
    ratio = app.primaryScreen().devicePixelRatio()
    print(json.dumps({"devicePixelRatio": ratio, "languages": results}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
