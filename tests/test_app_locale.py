"""The app started as a user starts it under ``LANG=C.UTF-8`` (a C/POSIX system locale) writes
amounts and dates the readable way (en_GB), and keeps a real system locale as it is."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.processes import sandboxed_env

pytestmark = pytest.mark.slow

# ``main`` as ``python -m inflow_desk --demo --smoke`` runs it, then the texts the window's
# formatting functions give in that process (the application and its locale still exist).
CHILD = """
import sys
from datetime import UTC, datetime

from inflow_desk.app import main

code = main(["--demo", "--smoke"])
from inflow_desk.domain.money import Currency
from inflow_desk.ui.kit.formatting import format_money
from inflow_desk.ui.history.model import created_text

print(code)
print(format_money(129950, Currency.EUR))
print(created_text(datetime(2026, 12, 2, 14, 0, tzinfo=UTC)))
"""


@pytest.mark.parametrize(
    ("lang", "amount", "date"),
    [
        ("C.UTF-8", "€1,299.50", "02/12/2026 14:00"),
        ("POSIX", "€1,299.50", "02/12/2026 14:00"),
        ("de_DE.UTF-8", "1.299,50\u00a0€", "02.12.26 14:00"),
    ],
)
def test_start_up_picks_a_readable_locale_only_for_c_and_posix(
    sandbox_dir: Path, lang: str, amount: str, date: str
) -> None:
    home = sandbox_dir / "home" / f"app-locale-{lang}"
    env = sandboxed_env(home)
    env.pop("LANGUAGE", None)
    env.update(LANG=lang, LC_ALL=lang, TZ="UTC")
    result = subprocess.run(
        [sys.executable, "-c", CHILD],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=90,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["0", amount, date], result.stderr
    [log] = list((home / "data").rglob("inflow-desk.log"))
    fell_back = "locale: the system locale is C/POSIX" in log.read_text(encoding="utf-8")
    assert fell_back == (lang != "de_DE.UTF-8")
