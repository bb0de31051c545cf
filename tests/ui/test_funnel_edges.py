"""The error funnel's less travelled branches: each failure still gets plain words."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from inflow_desk.api.errors import APIStatusError, APITimeoutError
from inflow_desk.storage.history_journal import HistoryProblem, RecordOutcome, RecordStatus
from inflow_desk.storage.keystore import KEY_TOO_LONG, UnusableKeyError
from inflow_desk.ui.kit.errors import (
    describe_error,
    describe_history_unavailable,
    describe_record_outcome,
    export_failed,
    history_problem_text,
)

SECRET = "inflow_live_SECRET1234567890"


@pytest.mark.parametrize(
    ("exc", "words"),
    [
        (PermissionError(errno.EACCES, "denied"), "no permission"),
        (FileNotFoundError(errno.ENOENT, "missing"), "folder does not exist"),
        (IsADirectoryError(errno.EISDIR, "dir"), "a folder, not a file"),
        (OSError(errno.ENOSPC, "full"), "disk is full"),
        (OSError(errno.EIO, "io"), "disk reported an error"),
        (ValueError("odd"), "Something unexpected went wrong (ValueError)"),
    ],
)
def test_an_export_that_fails_says_why_in_words(exc: BaseException, words: str) -> None:
    message = export_failed(exc, "/tmp/links.csv").as_text()
    assert words in message
    assert "/tmp/links.csv" in message or "links.csv" in message


def test_a_timeout_before_anything_was_sent_says_nothing_was_created() -> None:
    message = describe_error(
        APITimeoutError(request_sent=False), account="Acme — DEMO", creating="one_time"
    )
    assert "timed out" in message.as_text()
    assert "may have been created" not in message.as_text()


def test_an_unexpected_http_status_is_named_with_its_code() -> None:
    exc = APIStatusError("I'm a teapot", status_code=418)
    text = describe_error(exc, account="Acme — DEMO", creating="one_time").as_text()
    assert "418" in text


def test_an_unusable_key_is_worded_without_the_key() -> None:
    text = describe_error(UnusableKeyError(KEY_TOO_LONG), account="Acme — DEMO").as_text()
    assert "longer than 1,024 characters" in text
    assert SECRET not in text


def test_history_problems_in_words() -> None:
    assert history_problem_text(None) == "the history could not be written"
    assert history_problem_text(HistoryProblem.DISK_FULL) == "the disk is full"


def test_a_record_kept_in_memory_only_says_so_and_what_to_do(tmp_path: Path) -> None:
    outcome = RecordOutcome(
        RecordStatus.MEMORY_ONLY,
        problem=HistoryProblem.LOCKED,
        journal=tmp_path / "history.pending.jsonl",
        journal_problem=HistoryProblem.DISK_FULL,
        pending=2,
    )
    text = describe_record_outcome(outcome)
    assert text is not None
    assert "memory only" in text and "the disk is full" in text
    banner = describe_history_unavailable(outcome)
    assert "2 links kept in memory only" in banner
    assert "do not close" in banner
