"""QR codes for checkout links: crisp pixels at any screen scale, PNG/SVG export.

segno computes the module matrix; we paint it ourselves into a ``QImage`` whose pixel size is an
exact integer multiple of the module count at the screen's device pixel ratio, so the code is never
scaled (and never blurred) after rendering.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QImage, QPixmap

if TYPE_CHECKING:
    import segno

QUIET_ZONE_MODULES = 4  # ISO/IEC 18004 asks for a 4-module quiet zone
ERROR_CORRECTION = "m"  # 15 % recovery: survives a glare on a phone screen, stays small
_BLACK = b"\x00"
_WHITE = b"\xff"


def make_qr(text: str) -> segno.QRCode:
    """The QR code for ``text`` (imports segno lazily: start-up does not need it)."""
    import segno

    return segno.make(text, error=ERROR_CORRECTION, micro=False)


def qr_image(text: str, target_px: int) -> QImage:
    """Render ``text`` as a grayscale image at most ``target_px`` device pixels wide.

    Each module is a whole number of pixels (at least 1), so the code stays sharp.
    """
    code = make_qr(text)
    rows = list(code.matrix_iter(scale=1, border=QUIET_ZONE_MODULES))
    modules = len(rows)
    scale = max(1, target_px // modules)
    size = modules * scale
    lines = []
    for row in rows:
        line = b"".join(_BLACK * scale if dark else _WHITE * scale for dark in row)
        lines.append(line * scale)
    data = b"".join(lines)
    image = QImage(data, size, size, size, QImage.Format.Format_Grayscale8)
    return image.copy()  # detach from the Python bytes buffer


def qr_pixmap(text: str, logical_px: int, device_pixel_ratio: float) -> QPixmap:
    """A pixmap about ``logical_px`` logical pixels wide, rendered at the real screen resolution."""
    image = qr_image(text, round(logical_px * device_pixel_ratio))
    pixmap = QPixmap.fromImage(image)
    pixmap.setDevicePixelRatio(device_pixel_ratio)
    return pixmap


def save_qr(text: str, path: Path) -> None:
    """Save as PNG or SVG by the file's suffix (anything else: ValueError)."""
    suffix = path.suffix.lower()
    if suffix not in (".png", ".svg"):
        raise ValueError("Choose a file name ending in .png or .svg")
    make_qr(text).save(str(path), scale=10 if suffix == ".png" else 4, border=QUIET_ZONE_MODULES)
