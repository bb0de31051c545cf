"""Crash safety: a session created right before a SIGKILL is in the history on the next start."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from inflow_desk.storage.history import HistoryStore, SessionKind

SCRIPT = Path(__file__).with_name("crash_after_create.py")
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
@pytest.mark.parametrize("when", ["recorded", "shown"])
def test_a_killed_app_loses_no_created_session(tmp_path: Path, when: str) -> None:
    db_path = tmp_path / "data" / "history.sqlite3"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    done = subprocess.run(
        [sys.executable, str(SCRIPT), str(db_path), str(tmp_path), when],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == -signal.SIGKILL, done.stderr
    lines = dict(line.split(" ", 1) for line in done.stdout.splitlines() if " " in line)
    session_id, body = lines["SESSION"], json.loads(lines["BODY"])
    assert session_id.startswith("sess_")

    with HistoryStore(db_path) as store:  # "the next start"
        [record] = store.page(0, 10)
    assert record.session_id == session_id
    assert record.kind is SessionKind.ONE_TIME
    assert record.request_body == body
    assert record.customer_email == "crash@example.org"
    assert record.total_cents == 2 * 4999
    assert record.profile == "crash"
    assert b"inflow_crash_test_key" not in b"".join(
        p.read_bytes() for p in db_path.parent.iterdir() if p.is_file()
    )
