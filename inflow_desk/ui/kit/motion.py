"""Calm motion, only where it informs (issue 19): a confirmation ("Copied ✓") or a status chip
that changes fades in. Nothing moves the layout: only the widget's opacity changes, its place
is already there.

Motion is off when the platform says so (``QApplication.isEffectEnabled(Qt.UI_General)`` is how
Qt reports the desktop's "reduce animations" setting), when ``INFLOW_DESK_REDUCE_MOTION`` is
set, and in the test process unless a test asks for it (:func:`set_enabled`): a test never
waits on an animation.
"""

from __future__ import annotations

import os
from typing import Final

from PySide6.QtCore import QEasingCurve, QPropertyAnimation, Qt, QTimer
from PySide6.QtWidgets import QApplication, QGraphicsOpacityEffect, QWidget

#: How long a fade lasts (ms): seen, never waited for.
FADE_MS: Final = 200
#: The environment variable that turns motion off whatever the platform says.
REDUCE_MOTION_ENV: Final = "INFLOW_DESK_REDUCE_MOTION"
#: The object name of a running fade's animation (a child of the widget).
_ANIMATION: Final = "inflowFade"

_enabled: bool | None = None  # None: follow the platform and the environment


def set_enabled(enabled: bool | None) -> None:
    """Force motion on or off (tests, a setting); ``None`` follows the platform again."""
    global _enabled
    _enabled = enabled


def enabled() -> bool:
    """Whether fades run: forced by :func:`set_enabled`, else off when the platform or
    ``INFLOW_DESK_REDUCE_MOTION`` asks for less motion."""
    if _enabled is not None:
        return _enabled
    if os.environ.get(REDUCE_MOTION_ENV, "").strip() not in ("", "0"):
        return False
    return bool(QApplication.isEffectEnabled(Qt.UIEffect.UI_General))


def fade_in(widget: QWidget, duration_ms: int = FADE_MS) -> QPropertyAnimation | None:
    """Fade ``widget`` from transparent to opaque (its text or state is already set: the fade
    only draws attention to the change). Returns the running animation, or None when motion
    is off. A fade already running on ``widget`` restarts."""
    running = widget.findChild(QPropertyAnimation, _ANIMATION)
    if running is not None:
        running.stop()
        running.setObjectName("")
        running.deleteLater()
    if not enabled() or not widget.isVisible() or widget.isWindow():
        if isinstance(widget.graphicsEffect(), QGraphicsOpacityEffect):
            widget.setGraphicsEffect(None)  # type: ignore[arg-type]  # an interrupted fade
        return None
    effect = QGraphicsOpacityEffect(widget)
    effect.setOpacity(0.0)
    widget.setGraphicsEffect(effect)
    animation = QPropertyAnimation(effect, b"opacity", widget)
    animation.setObjectName(_ANIMATION)
    animation.setDuration(duration_ms)
    animation.setStartValue(0.0)
    animation.setEndValue(1.0)
    animation.setEasingCurve(QEasingCurve.Type.OutCubic)

    def done() -> None:
        # The effect goes once the fade is over (a widget with an effect is drawn off-screen),
        # after the animation has finished emitting: the effect is its target.
        if widget.graphicsEffect() is effect:
            widget.setGraphicsEffect(None)  # type: ignore[arg-type]
        if animation.objectName() == _ANIMATION:
            animation.setObjectName("")
        animation.deleteLater()

    animation.finished.connect(lambda: QTimer.singleShot(0, widget, done))
    animation.start()
    return animation


def fading(widget: QWidget) -> bool:
    """Whether a fade is running on ``widget`` (or its effect is still to be removed)."""
    return widget.findChild(QPropertyAnimation, _ANIMATION) is not None
