"""QR codes for checkout links: crisp pixels at any screen scale, PNG/SVG export.

segno computes the module matrix (stock segno, through its public API); we turn it into a
one-pixel-per-module ``QImage`` and enlarge that by a whole factor without smoothing, to a size
that is an exact multiple of the module count at the screen's device pixel ratio. So the code is
never scaled (and never blurred) after rendering.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap

from inflow_desk.ui.kit.errors import QrTooLongError

if TYPE_CHECKING:
    import segno

QUIET_ZONE_MODULES = 4  # ISO/IEC 18004 asks for a 4-module quiet zone
ERROR_CORRECTION = "m"  # 15 % recovery: survives a glare on a phone screen, stays small
_LIGHT = b"\xff"
_GRAY = bytes.maketrans(b"\x00\x01", b"\xff\x00")  # module (0 light, 1 dark) -> gray level


def make_qr(text: str) -> segno.QRCode:
    """The QR code for ``text`` (imports segno lazily: start-up does not need it).

    :class:`QrTooLongError` when no QR code can hold it.
    """
    import segno

    try:
        return segno.make(text, error=ERROR_CORRECTION, micro=False)
    except segno.DataOverflowError:
        raise QrTooLongError(len(text)) from None


def qr_image(text: str, target_px: int) -> QImage:
    """Render ``text`` as a black-and-white image at most ``target_px`` device pixels wide.

    Each module is a whole number of pixels (at least 1), so the code stays sharp: the image is
    built at one pixel per module and enlarged by that whole factor without smoothing.
    """
    code = make_qr(text)
    quiet = _LIGHT * QUIET_ZONE_MODULES
    modules = len(code.matrix) + 2 * QUIET_ZONE_MODULES
    blank = _LIGHT * modules
    lines = [blank] * QUIET_ZONE_MODULES
    lines += [quiet + bytes(row).translate(_GRAY) + quiet for row in code.matrix]
    lines += [blank] * QUIET_ZONE_MODULES
    data = b"".join(lines)  # the image below points into these bytes: keep them alive
    image = QImage(data, modules, modules, modules, QImage.Format.Format_Grayscale8)
    # A copy detached from ``data``, in the format Qt enlarges fastest.
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    size = modules * max(1, target_px // modules)
    return image.scaled(size, size, mode=Qt.TransformationMode.FastTransformation)


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
