"""A QR code's data mask chosen with whole rows as integers: segno's own choice, ~8× faster.

ISO/IEC 18004 §7.8 has the encoder try all 8 data masks and keep the one with the lowest penalty
(long runs, 2×2 blocks, finder-like patterns, dark/light balance). segno does this module by
module in pure Python: about 85 % of the 10–11 ms one checkout link's QR code took. Here all rows
are packed into one Python ``int`` and all columns into another (a few zero bits between lines),
so each penalty rule is a handful of shifts, ANDs and ``bit_count`` calls for the whole symbol.

:func:`install` puts :func:`find_and_apply_best_mask` in place of segno's function of that name
(``segno.encoder``, which its ``_encode`` looks up at each call). That is an internal of segno, so:

- it is replaced only when it is there and takes the arguments we know (else segno stays as it is:
  correct, just slower);
- it returns exactly what segno's returns: the tests compare mask numbers, matrices and every
  penalty score with segno's own for all 40 versions and random matrices;
- Micro QR codes, and a mask the caller fixes, go to segno's own function unchanged.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Sequence
from functools import cache
from typing import Any, NamedTuple

MaskResult = tuple[int, tuple[bytearray, ...]]
_TO_DIGITS = bytes.maketrans(b"\x00\x01", b"01")
_FROM_DIGITS = bytes.maketrans(b"01", b"\x00\x01")
_N3_POINTS = 40
_N3_LENGTH = 7  # dark light dark dark dark light dark
_PERIOD = 12  # every mask condition repeats every 12 rows and every 12 columns

# ISO/IEC 18004:2015 Table 10: module (i, j) = (row, column) is inverted where the condition holds.
_MASK_CONDITIONS: tuple[Callable[[int, int], bool], ...] = (
    lambda i, j: (i + j) % 2 == 0,
    lambda i, _: i % 2 == 0,
    lambda _, j: j % 3 == 0,
    lambda i, j: (i + j) % 3 == 0,
    lambda i, j: (i // 2 + j // 3) % 2 == 0,
    lambda i, j: (i * j) % 2 + (i * j) % 3 == 0,
    lambda i, j: ((i * j) % 2 + (i * j) % 3) % 2 == 0,
    lambda i, j: ((i + j) % 2 + (i * j) % 3) % 2 == 0,
)

_PARAMETERS = ["matrix", "width", "height", "proposed_mask"]
_original: Callable[..., MaskResult] | None = None


def install() -> bool:
    """Have segno use :func:`find_and_apply_best_mask`; False (segno left alone) if it differs."""
    global _original
    if _original is not None:
        return True
    from segno import encoder

    current = getattr(encoder, "find_and_apply_best_mask", None)
    needed = ("make_matrix", "add_finder_patterns", "add_alignment_patterns")
    if current is None or not all(hasattr(encoder, name) for name in needed):
        return False
    if list(inspect.signature(current).parameters) != _PARAMETERS:
        return False
    _original = current
    encoder.find_and_apply_best_mask = find_and_apply_best_mask
    return True


def uninstall() -> None:
    """Give segno its own function back (for tests that compare the two)."""
    global _original
    if _original is None:
        return
    from segno import encoder

    encoder.find_and_apply_best_mask = _original
    _original = None


def find_and_apply_best_mask(
    matrix: Sequence[bytearray], width: int, height: int, proposed_mask: int | None = None
) -> MaskResult:
    """segno's ``find_and_apply_best_mask`` for QR codes: (best mask number, masked matrix)."""
    original = _original
    if original is None:  # not installed: nothing to fall back on but segno itself
        from segno import encoder

        original = encoder.find_and_apply_best_mask
    if proposed_mask is not None or width != height or width < 21:  # Micro QR / fixed mask
        return original(matrix, width, height, proposed_mask)
    layout = _layout(width)
    rows, columns = _pack(matrix)
    best_mask, best_rows, best_score = -1, rows, -1
    for mask, (row_flips, column_flips) in enumerate(_flips(width)):
        masked_rows = rows ^ row_flips
        score = sum(_penalties(masked_rows, columns ^ column_flips, layout))
        if best_mask < 0 or score < best_score:
            best_mask, best_rows, best_score = mask, masked_rows, score
    return best_mask, _unpack(best_rows, layout)


def penalties(matrix: Sequence[bytes | bytearray]) -> tuple[int, int, int, int]:
    """The penalty points (N1, N2, N3, N4) of ISO/IEC 18004:2015 §7.8.3.1 of a square 0/1 matrix,
    as segno counts them."""
    layout = _layout(len(matrix))
    return _penalties(*_pack(matrix), layout)


# A square matrix is packed into one int per direction: line k (row k, or column k) at bits
# _GAP + k * stride ... + size - 1, with _GAP zero bits before every line and after the last.
# Runs and patterns then never cross from one line into the next, and the gap reads as
# "outside the symbol" (light) where a rule asks for that.
_GAP = 4


class _Layout(NamedTuple):
    size: int
    stride: int  # size + _GAP
    modules: int  # ones at the module bits of ``size`` lines
    gaps: int  # ones at the gap bits of 2 * ``size`` lines (rows, then columns)
    columns_at: int  # where the columns start when rows and columns are put in one int


@cache
def _layout(size: int) -> _Layout:
    stride = size + _GAP
    line = ((1 << size) - 1) << _GAP
    modules = sum(line << (k * stride) for k in range(size))
    columns_at = size * stride
    all_bits = (1 << (_GAP + 2 * columns_at)) - 1
    gaps = all_bits & ~(modules | modules << columns_at)
    return _Layout(size, stride, modules, gaps, columns_at)


def _pack(matrix: Sequence[bytes | bytearray]) -> tuple[int, int]:
    """(rows, columns) of a 0/1 matrix, each packed into one int."""
    columns = [bytes(column) for column in zip(*matrix, strict=True)]
    return _packed(matrix), _packed(columns)


def _packed(lines: Sequence[bytes | bytearray]) -> int:
    gap = b"0" * _GAP
    digits = gap + gap.join(bytes(line).translate(_TO_DIGITS) for line in lines) + gap
    return int(digits[::-1], 2)  # the first digit is bit 0


def _unpack(rows: int, layout: _Layout) -> tuple[bytearray, ...]:
    size, stride = layout.size, layout.stride
    digits = format(rows, f"0{_GAP + size * stride}b").encode()[::-1].translate(_FROM_DIGITS)
    starts = range(_GAP, size * stride, stride)
    return tuple(bytearray(digits[start : start + size]) for start in starts)


def _penalties(rows: int, columns: int, layout: _Layout) -> tuple[int, int, int, int]:
    stride, modules = layout.stride, layout.modules
    lines = rows | columns << layout.columns_at
    all_modules = modules | modules << layout.columns_at
    light_lines = lines ^ all_modules
    n1 = _run_points(lines) + _run_points(light_lines)
    n3 = _finder_like_points(lines, light_lines | layout.gaps)
    # N2: 2×2 blocks of one colour, from each row and the row after it
    dark = rows & rows >> stride
    light_rows = rows ^ modules
    light = light_rows & light_rows >> stride
    n2 = (dark & dark >> 1).bit_count() + (light & light >> 1).bit_count()
    percent = float(rows.bit_count()) / (layout.size**2)
    n4 = 10 * int(abs(percent * 100 - 50) / 5)
    return n1, 3 * n2, n3, n4


def _run_points(lines: int) -> int:
    """N1 for one colour: 3 + (length - 5) points per run of 5 or more modules.

    ``fives`` marks each module that starts 5 in a row, so a run of length L leaves L - 4 marks
    in one block: the points are the marks plus 2 per block.
    """
    fives = lines & lines >> 1 & lines >> 2 & lines >> 3 & lines >> 4
    blocks = fives & ~(fives << 1)
    return fives.bit_count() + 2 * blocks.bit_count()


def _finder_like_points(dark: int, light_or_outside: int) -> int:
    """N3: 40 per dark-light-dark-dark-dark-light-dark with 4 light modules before or after it.

    Outside the symbol (the gaps) counts as light, and matches are taken left to right the way
    segno scans a line (after one that counts, the next may start 7 modules on; after one that
    does not, 4 on). A match never reaches past its line's end, so lines do not affect each other.
    """
    light = light_or_outside
    found = dark & light >> 1 & dark >> 2 & dark >> 3 & dark >> 4 & light >> 5 & dark >> 6
    if not found:
        return 0
    four_light = light & light >> 1 & light >> 2 & light >> 3  # bit m: modules m..m+3 light
    counted = found & (four_light << 4 | four_light >> _N3_LENGTH)
    points = 0
    next_start = 0
    while found:
        start = (found & -found).bit_length() - 1
        found &= found - 1
        if start < next_start:
            continue
        if counted >> start & 1:
            points += _N3_POINTS
            next_start = start + _N3_LENGTH
        else:
            next_start = start + 4
    return points


@cache
def _flips(size: int) -> tuple[tuple[int, int], ...]:
    """Per mask, the packed rows' and columns' bits it flips: its pattern on data modules only.

    Every mask repeats every 12 modules both ways, so one 12-bit unit per row (or column) residue,
    repeated across the line, is the whole pattern.
    """
    layout = _layout(size)
    repeat = sum(1 << (_PERIOD * k) for k in range(-(-size // _PERIOD)))
    full = (1 << size) - 1
    data_rows, data_columns = _data_region(size)

    def packed(units: list[int], data: tuple[int, ...]) -> int:
        lines = (units[k % _PERIOD] * repeat & full & bits for k, bits in enumerate(data))
        return sum(line << (_GAP + k * layout.stride) for k, line in enumerate(lines))

    flips = []
    period = range(_PERIOD)
    for condition in _MASK_CONDITIONS:
        row_units = [sum(1 << j for j in period if condition(i, j)) for i in period]
        column_units = [sum(1 << i for i in period if condition(i, j)) for j in period]
        flips.append((packed(row_units, data_rows), packed(column_units, data_columns)))
    return tuple(flips)


@cache
def _data_region(size: int) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Bits of the modules that carry data, per row and per column: all segno's function matrix
    leaves unset (finders, separators, timing, alignment, format and version areas are set)."""
    from segno import encoder as untyped

    encoder: Any = untyped  # segno's encoder has no type hints
    function = encoder.make_matrix(size, size)
    encoder.add_finder_patterns(function, size, size)
    encoder.add_alignment_patterns(function, size, size)
    function[-8][8] = 0x1  # the dark module
    unset = bytes.maketrans(b"\x00\x01\x02", b"001")

    def bits(line: bytes) -> int:
        return int(line.translate(unset)[::-1], 2)

    rows = tuple(bits(bytes(row)) for row in function)
    columns = tuple(bits(bytes(column)) for column in zip(*function, strict=True))
    return rows, columns
