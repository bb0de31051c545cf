"""Switch the app's language inside one test process (and always switch back)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from inflow_desk.ui.kit.i18n import LANGUAGE_ENV, Language, install_language, remove_language


@contextmanager
def language(code: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Language]:
    """``code`` ("en", "fr", "pseudo") installed for the block; the locale restored after."""
    app = QCoreApplication.instance()
    assert app is not None
    before = QLocale()
    monkeypatch.setenv(LANGUAGE_ENV, code)
    installed = install_language(app)
    try:
        yield installed
    finally:
        remove_language(app, installed)
        QLocale.setDefault(before)
        monkeypatch.delenv(LANGUAGE_ENV)
