"""Convert an ``xwd -root`` dump (X Window Dump) to PNG with Qt, for failure screenshots."""

from __future__ import annotations

import struct
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

_HEADER = struct.Struct(">25I")
_COLOR_SIZE = 12  # XWDColor: pixel (4), red, green, blue (2 each), flags, pad
_LSB_FIRST = 0
_Z_PIXMAP = 2


def xwd_to_png(data: bytes, path: Path) -> None:
    """Write the 24/32-bit ZPixmap ``data`` as a PNG; ValueError for any other kind."""
    if not xwd_to_image(data).save(str(path)):  # PNG, from the suffix
        raise ValueError(f"could not write {path}")


def xwd_to_image(data: bytes) -> QImage:
    """The 24/32-bit ZPixmap ``data`` as a QImage (a copy); ValueError for any other kind.

    Xvfb's root dumps as 32 bits per pixel on an empty screen and as 24 (rows padded to 32
    bits) once windows are up; both are least significant byte first: B, G, R (, unused)."""
    from PySide6.QtGui import QImage

    if len(data) < _HEADER.size:
        raise ValueError("not an xwd dump: too short")
    fields = _HEADER.unpack_from(data)
    header_size, version, pixmap_format = fields[0], fields[1], fields[2]
    width, height, byte_order = fields[4], fields[5], fields[7]
    bits_per_pixel, bytes_per_line, ncolors = fields[11], fields[12], fields[19]
    formats = {32: QImage.Format.Format_RGB32, 24: QImage.Format.Format_BGR888}
    if version != 7 or pixmap_format != _Z_PIXMAP or bits_per_pixel not in formats:
        raise ValueError(f"unsupported xwd dump (version {version}, {bits_per_pixel} bpp)")
    if byte_order != _LSB_FIRST:
        raise ValueError("unsupported xwd dump: most significant byte first")
    start = header_size + ncolors * _COLOR_SIZE
    pixels = data[start : start + bytes_per_line * height]
    if len(pixels) < bytes_per_line * height:
        raise ValueError("xwd dump is truncated")
    image = QImage(pixels, width, height, bytes_per_line, formats[bits_per_pixel])
    return image.copy()  # owns its pixels (``pixels`` goes away)
