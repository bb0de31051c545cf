"""How long a checkout link stays valid, in words: the one "time left" wording, shown alike in
the result panel ("expires 15:42 — 58 min left") and the history ("open — 58 min left")."""

from __future__ import annotations

from datetime import timedelta

from inflow_desk.domain.i18n import translate

__all__ = ["duration_text", "time_left_text"]


def time_left_text(remaining: timedelta) -> str:
    """``"58 min left"``, ``"2 h 5 min left"``, ``"3 d 4 h left"``; ``""`` once nothing is left.

    Rounded *down*: the text never promises more time than the link has (58 min 30 s reads
    "58 min left"), and the last minute reads ``"less than a minute left"``, never "0 min".
    """
    if remaining <= timedelta(0):
        return ""
    if remaining < timedelta(minutes=1):
        return translate("TimeLeft", "less than a minute left")
    return translate("TimeLeft", "{duration} left").format(duration=duration_text(remaining))


def duration_text(remaining: timedelta) -> str:
    """``"58 min"``, ``"2 h 5 min"``, ``"3 d 4 h"``: ``remaining`` rounded down to what the
    countdown shows (:func:`time_left_text` without "left"); ``""`` once nothing is left."""
    if remaining <= timedelta(0):
        return ""
    minutes = remaining // timedelta(minutes=1)
    if minutes < 1:
        return translate("TimeLeft", "less than a minute")
    if minutes < 60:
        return translate("TimeLeft", "{minutes} min").format(minutes=minutes)
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        if minutes == 0:
            return translate("TimeLeft", "{hours} h").format(hours=hours)
        return translate("TimeLeft", "{hours} h {minutes} min").format(hours=hours, minutes=minutes)
    days, hours = divmod(hours, 24)
    if hours == 0:
        return translate("TimeLeft", "{days} d").format(days=days)
    return translate("TimeLeft", "{days} d {hours} h").format(days=days, hours=hours)
