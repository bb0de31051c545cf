"""What a status chip says when it stands alone (``palette.CHIP_LABELS``), translated when read.

A module of its own: ``pyside6-lupdate`` gives a translated string every ``#:`` comment written
above it in its file as a note for the translator, and palette.py is full of them.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Final

from inflow_desk.domain.i18n import QT_TRANSLATE_NOOP, translate


class _ChipLabels(Mapping[str, str]):
    """Chip kind → its label, translated when it is read (never at import: a test switches
    languages inside one process)."""

    def __init__(self, labels: dict[str, str]) -> None:
        self._labels = labels

    def __getitem__(self, kind: str) -> str:
        return translate("Chip", self._labels[kind])

    def __iter__(self) -> Iterator[str]:
        return iter(self._labels)

    def __len__(self) -> int:
        return len(self._labels)


CHIP_LABELS: Final[Mapping[str, str]] = _ChipLabels(
    {
        "open": QT_TRANSLATE_NOOP("Chip", "Open"),
        "waiting": QT_TRANSLATE_NOOP("Chip", "Waiting"),
        "paid": QT_TRANSLATE_NOOP("Chip", "Paid ✓"),
        "unsure": QT_TRANSLATE_NOOP("Chip", "Check"),
        "failed": QT_TRANSLATE_NOOP("Chip", "Failed"),
        "refused": QT_TRANSLATE_NOOP("Chip", "Refused"),
        "expired": QT_TRANSLATE_NOOP("Chip", "Expired"),
        "demo": QT_TRANSLATE_NOOP("Chip", "Demo"),
        "production": QT_TRANSLATE_NOOP("Chip", "Production"),
        "sandbox": QT_TRANSLATE_NOOP("Chip", "Sandbox"),
        "custom": QT_TRANSLATE_NOOP("Chip", "Custom"),
    }
)
