"""Colours an item model paints (``ForegroundRole`` / ``BackgroundRole``), following the OS.

A model names a role of :mod:`palette` (``item_text(palette.SUCCESS)``), never a colour: the
brush is worked out for the application's current palette (light, dark, high contrast) and
read on the view's own background (``Base`` and ``AlternateBase``, not the window's), at
WCAG AA (4.5:1) — AAA (7:1) when the OS asks for more contrast (:func:`palette.minimum_contrast`,
the one place the preference is read). Brushes are cached per palette and preference: a
model's ``data()`` runs for every painted cell.
"""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor, QGuiApplication, QPalette

from inflow_desk.ui.kit import palette

_cache: dict[tuple[str, str, int, bool], QBrush] = {}


def _hex(qpalette: QPalette, role: QPalette.ColorRole) -> str:
    return str(qpalette.color(QPalette.ColorGroup.Active, role).name()).lower()


def _reads(colour: str, backgrounds: tuple[str, ...], text: str, target: float) -> str:
    """``colour`` moved towards ``text`` just far enough to read at ``target`` on every one
    of ``backgrounds`` (``text`` itself when nothing less does)."""
    found = palette.nearest_mix(
        colour, text, lambda c: all(palette.contrast_ratio(c, bg) >= target for bg in backgrounds)
    )
    return text if found is None else found


def _cached(kind: str, colour: str, qpalette: QPalette | None) -> tuple[QPalette, QBrush | None]:
    chosen = qpalette if qpalette is not None else QGuiApplication.palette()
    key = (kind, colour.lower(), int(chosen.cacheKey()), palette.high_contrast())
    return chosen, _cache.get(key)


def _store(kind: str, colour: str, qpalette: QPalette, value: str) -> QBrush:
    brush = QBrush(QColor(value))
    if len(_cache) > 256:  # palettes come and go (tests, OS theme switches)
        _cache.clear()
    _cache[(kind, colour.lower(), int(qpalette.cacheKey()), palette.high_contrast())] = brush
    return brush


def view_backgrounds(qpalette: QPalette) -> tuple[str, str]:
    """The backgrounds an item view paints rows on: ``Base`` and ``AlternateBase``."""
    return (
        _hex(qpalette, QPalette.ColorRole.Base),
        _hex(qpalette, QPalette.ColorRole.AlternateBase),
    )


def item_text(colour: str, qpalette: QPalette | None = None) -> QBrush:
    """The brush of item text written in ``colour`` (a :mod:`palette` role such as
    ``palette.SUCCESS`` or ``palette.MUTED_ROW``), readable on the view's rows."""
    chosen, found = _cached("text", colour, qpalette)
    if found is not None:
        return found
    text = _hex(chosen, QPalette.ColorRole.Text)
    base, alternate = view_backgrounds(chosen)
    accent = palette.themed_text(colour, chosen, base)
    value = _reads(accent, (base, alternate), text, palette.minimum_contrast())
    return _store("text", colour, chosen, value)


def item_surface(colour: str, qpalette: QPalette | None = None) -> QBrush:
    """The brush of a tinted cell (``palette.INVALID_CELL_SURFACE``) for the palette: itself in
    light mode, a dark tint in dark mode, the view's own base under a high-contrast preference
    (the cell's text and tooltip say what is wrong; colour never does alone)."""
    chosen, found = _cached("surface", colour, qpalette)
    if found is not None:
        return found
    if palette.high_contrast():
        value = _hex(chosen, QPalette.ColorRole.Base)
    else:
        value = palette.themed_surface(colour, chosen)
    return _store("surface", colour, chosen, value)


def item_text_on(colour: str, surface: str, qpalette: QPalette | None = None) -> QBrush:
    """The brush of ``colour`` text on the tinted cell :func:`item_surface` paints for
    ``surface``."""
    chosen, found = _cached("on:" + surface.lower(), colour, qpalette)
    if found is not None:
        return found
    background = item_surface(surface, chosen).color().name().lower()
    text = _hex(chosen, QPalette.ColorRole.Text)
    accent = palette.themed_text(colour, chosen, background)
    value = _reads(accent, (background,), text, palette.minimum_contrast())
    return _store("on:" + surface.lower(), colour, chosen, value)
