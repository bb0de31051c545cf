"""Render ``inflow-desk.svg`` to the PNG sizes, the Windows ``.ico`` and the macOS ``.icns``.

Run after editing the SVG: ``.venv/bin/python resources/render_icons.py``. The PNGs come from
Qt's SVG renderer (PySide6-Essentials ships QtSvg); ``.ico``/``.icns`` are written with Pillow
when it is installed (``pip install pillow``), else skipped with a note.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent
SVG = HERE / "inflow-desk.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        sys.stderr.write(f"cannot read {SVG}\n")
        return 1
    out = HERE / "icons"
    out.mkdir(exist_ok=True)
    pngs = []
    for size in SIZES:
        path = out / f"inflow-desk-{size}.png"
        if not render(renderer, size).save(str(path)):
            sys.stderr.write(f"cannot write {path}\n")
            return 1
        pngs.append(path)
    try:
        from PIL import Image
    except ImportError:
        sys.stdout.write("Pillow not installed: .ico/.icns not updated\n")
        return 0
    biggest = Image.open(out / "inflow-desk-512.png")
    biggest.save(HERE / "inflow-desk.ico", sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
    biggest.save(HERE / "inflow-desk.icns")
    sys.stdout.write(f"wrote {len(pngs)} PNGs, inflow-desk.ico and inflow-desk.icns\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
