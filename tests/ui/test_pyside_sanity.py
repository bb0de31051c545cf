"""Guards against a Qt binding that corrupts Python's reference counts.

PySide6 6.12.0 dropped one reference to ``True`` per ``Signal.emit()``; the app then aborted
("bool_dealloc") after a few thousand signals. pyproject.toml excludes it; this test fails if a
binding with such a leak is ever installed again.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    plain = Signal()
    with_object = Signal(object)


def test_emit_keeps_reference_counts_of_singletons() -> None:
    emitter = _Emitter()
    received: list[object] = []
    emitter.with_object.connect(received.append)
    before = (sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None))
    for _ in range(2000):
        emitter.plain.emit()
        emitter.with_object.emit(1)
    after = (sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None))
    assert len(received) == 2000
    assert [a - b for a, b in zip(after, before, strict=True)] == [0, 0, 0]
