"""The fast mask choice makes exactly the QR codes segno makes by itself, and the image is exact."""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest
import segno
from PySide6.QtGui import QImage
from segno import encoder

from inflow_desk.ui import qr_masks
from inflow_desk.ui.checkout.qr import QUIET_ZONE_MODULES, qr_image

URL = "https://checkout.inflowpay.com/pay/sess_7Hq2Lm90abcdEFGH"
STOCK = encoder.find_and_apply_best_mask


@pytest.fixture(autouse=True)
def restore_segno() -> Iterator[None]:
    was_installed = encoder.find_and_apply_best_mask is not STOCK
    yield
    qr_masks.uninstall()
    assert encoder.find_and_apply_best_mask is STOCK
    if was_installed:
        qr_masks.install()


def _stock_and_fast(content: str, **options: object) -> tuple[segno.QRCode, segno.QRCode]:
    qr_masks.uninstall()
    stock = segno.make(content, **options)  # type: ignore[arg-type]
    assert qr_masks.install()
    fast = segno.make(content, **options)  # type: ignore[arg-type]
    return stock, fast


def _random_matrix(rng: random.Random, size: int, dark: float) -> tuple[bytearray, ...]:
    return tuple(bytearray(int(rng.random() < dark) for _ in range(size)) for _ in range(size))


def test_penalties_equal_segnos_on_random_matrices() -> None:
    rng = random.Random(20261125)
    for _ in range(120):
        size = rng.choice((21, 25, 29, 45, 57, 101, 177))
        matrix = _random_matrix(rng, size, rng.choice((0.1, 0.3, 0.5, 0.7, 0.9)))
        assert qr_masks.penalties(matrix) == tuple(encoder.mask_scores(matrix, size, size))


def test_finder_like_patterns_counted_as_segno_scans_them() -> None:
    """Overlapping patterns, patterns at the edges, with and without light around them."""
    size = 21
    rows = [
        "101110100000000000000",  # at the left edge: outside counts as light
        "000000000000001011101",  # at the right edge
        "000010111011101000000",  # two overlapping by 3 modules
        "000010111010111010000",  # two sharing one module
        "111110111011111010111",  # no light area on either side
        "000001011101000000000",  # light on both sides
        "101110111011101011101",  # a chain
    ]
    for row in rows:
        matrix = [bytearray(int(c) for c in row)] + [bytearray(size) for _ in range(size - 1)]
        columns = [bytearray(column) for column in zip(*matrix, strict=True)]
        for shape in (matrix, columns):
            assert qr_masks.penalties(shape) == tuple(encoder.mask_scores(shape, size, size)), row


@pytest.mark.parametrize("version", range(1, 41))
def test_every_version_gets_segnos_mask_and_matrix(version: int) -> None:
    rng = random.Random(version)
    error = "lmqh"[version % 4]
    content = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789/:.") for _ in range(7))
    stock, fast = _stock_and_fast(content, version=version, error=error, boost_error=False)
    assert (fast.mask, fast.matrix) == (stock.mask, stock.matrix)


def test_checkout_links_get_segnos_mask_and_matrix() -> None:
    rng = random.Random(7)
    masks = set()
    for _ in range(40):
        url = f"https://checkout.inflowpay.com/pay/sess_{rng.getrandbits(96):024x}"
        stock, fast = _stock_and_fast(url, error="m", micro=False)
        assert (fast.mask, fast.matrix) == (stock.mask, stock.matrix)
        masks.add(fast.mask)
    assert len(masks) > 3, "a mask choice that hardly varies would not test much"


def test_fixed_masks_and_micro_codes_are_left_to_segno() -> None:
    stock, fast = _stock_and_fast(URL, error="m", mask=5)
    assert fast.mask == 5
    assert fast.matrix == stock.matrix
    stock, fast = _stock_and_fast("12345", micro=True)
    assert fast.is_micro
    assert (fast.mask, fast.matrix) == (stock.mask, stock.matrix)


def test_an_unknown_segno_is_left_as_it_is(monkeypatch: pytest.MonkeyPatch) -> None:
    qr_masks.uninstall()

    def reshaped(matrix: object, width: int, height: int) -> None:
        raise AssertionError("not to be called")

    monkeypatch.setattr(encoder, "find_and_apply_best_mask", reshaped)
    assert not qr_masks.install()
    assert encoder.find_and_apply_best_mask is reshaped


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
