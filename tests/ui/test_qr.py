"""QR codes for checkout links: stock segno's code, drawn pixel for pixel, segno left as shipped."""

from __future__ import annotations

import types

import pytest
import segno
import segno.encoder  # read only: to see that nothing replaced its parts
from PySide6.QtGui import QImage

from inflow_desk.ui.checkout.qr import QUIET_ZONE_MODULES, make_qr, qr_image
from inflow_desk.ui.kit.errors import QrTooLongError

URL = "https://checkout.inflowpay.com/pay/sess_7Hq2Lm90abcdEFGH"


def _foreign_functions(module: types.ModuleType) -> list[str]:
    """Functions and classes in ``module`` that come from anywhere but segno."""
    return [
        f"{module.__name__}.{name} = {value.__module__}.{value.__qualname__}"
        for name, value in vars(module).items()
        if isinstance(value, types.FunctionType | type)
        and str(getattr(value, "__module__", "")).startswith("inflow_desk")
    ]


def test_segno_is_used_as_shipped() -> None:
    """Nothing of ours replaces a function inside segno (we use its public API only)."""
    make_qr(URL)
    qr_image(URL, 220)
    modules = [m for m in vars(segno).values() if isinstance(m, types.ModuleType)]
    replaced = [f for m in (segno, segno.encoder, *modules) for f in _foreign_functions(m)]
    assert replaced == []


def test_the_code_is_segnos_own_at_level_m() -> None:
    code = make_qr(URL)
    stock = segno.make(URL, error="m", micro=False)
    assert code.error == "M"
    assert (code.version, code.mask, code.matrix) == (stock.version, stock.mask, stock.matrix)


def test_too_long_a_text_is_said_so() -> None:
    with pytest.raises(QrTooLongError) as caught:
        make_qr("x" * 5000)
    assert caught.value.length == 5000


def _reference_image(text: str, target_px: int) -> QImage:
    """What qr_image drew before it enlarged a one-pixel-per-module image: module by module."""
    rows = list(segno.make(text, error="m").matrix_iter(scale=1, border=QUIET_ZONE_MODULES))
    scale = max(1, target_px // len(rows))
    image = QImage(len(rows) * scale, len(rows) * scale, QImage.Format.Format_Grayscale8)
    for y, row in enumerate(rows):
        for x, dark in enumerate(row):
            for dy in range(scale):
                for dx in range(scale):
                    image.setPixel(x * scale + dx, y * scale + dy, 0 if dark else 0xFFFFFFFF)
    return image


@pytest.mark.parametrize("target_px", [41, 100, 220, 440, 660])
def test_image_is_the_matrix_pixel_for_pixel(target_px: int) -> None:
    image = qr_image(URL, target_px).convertToFormat(QImage.Format.Format_Grayscale8)
    assert image == _reference_image(URL, target_px)
