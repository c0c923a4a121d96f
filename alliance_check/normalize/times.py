"""Times of day as written ('1:28 a.m.', '17:57', '0640 hours', 'noon') -> hours, minutes, seconds."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# 'a.m.' keeps its last dot; after 'am' a dot is the full stop of the sentence
_AMPM = r"(?P<ap>[ap])(?:\.\s?m\b\.?|\s?m\b)"


@dataclass(frozen=True)
class TimeOfDay:
    """A time of day; ``seconds`` is None when the seconds are not stated."""

    hour: int
    minute: int
    seconds: int | None = None

    @property
    def iso(self) -> str:
        """'T01:28', or 'T01:24:59' when the seconds are stated."""
        text = f"T{self.hour:02d}:{self.minute:02d}"
        return text if self.seconds is None else f"{text}:{self.seconds:02d}"


@lru_cache(maxsize=1)
def time_regex() -> re.Pattern[str]:
    """Times of day: with a colon, with a.m./p.m., four-digit 24-hour times and named times.

    A four-digit time ('0640') is taken only with a leading zero or a word that makes it a time
    ('1830 hours', '2200 GMT'); else it is a year or a count.
    """
    clock = (
        rf"(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?::(?P<s>[0-5]\d))?(?!\d)(?:\s?{_AMPM}"
        r"|(?!\s*(?:[ap]\.?\s?m\b)))"
    )
    hour = rf"(?P<h2>1[0-2]|0?[1-9])\s?{_AMPM.replace('ap>', 'ap2>')}"
    military = (
        r"(?P<mil>(?:0\d|1\d|2[0-3])[0-5]\d)(?=\s*(?:h\b|hrs\b|hours\b|GMT\b|UTC\b|Z\b|local\s+time\b))"
        r"|(?P<mil0>0\d[0-5]\d)(?!\d)"
    )
    named = r"(?P<named>noon|midday|midnight)"
    return re.compile(
        rf"(?<![\w:.,/-])(?:{clock}|{hour}|{military})|(?i:(?<![\w-]){named}(?![\w-]))", re.IGNORECASE
    )


def parse_time(match: re.Match[str]) -> TimeOfDay | None:
    """A match of :func:`time_regex` -> the time it names.

    >>> parse_time(time_regex().match("1:28 a.m.")).iso
    'T01:28'
    >>> parse_time(time_regex().match("12 a.m.")).iso
    'T00:00'
    >>> parse_time(time_regex().match("0640")).iso
    'T06:40'
    """
    g = match.groupdict()
    if g["named"]:
        return TimeOfDay(0 if g["named"].lower() == "midnight" else 12, 0)
    mil = g["mil"] or g["mil0"]
    if mil:
        return TimeOfDay(int(mil[:2]), int(mil[2:]))
    if g["h"] is not None:
        hour, minute = int(g["h"]), int(g["m"])
        seconds = int(g["s"]) if g["s"] else None
        ap = g["ap"]
    else:
        hour, minute, seconds, ap = int(g["h2"]), 0, None, g["ap2"]
    if ap:
        if hour == 0 or hour > 12:
            return None
        hour = hour % 12 + (12 if ap.lower() == "p" else 0)
    return TimeOfDay(hour, minute, seconds)


def minute_step(iso_time: str) -> float:
    """How finely a time is stated, in minutes: '01:28' to the minute, '01:30' and '01:00' to ten.

    >>> minute_step("T01:28"), minute_step("T01:25"), minute_step("T01:30"), minute_step("T01:24:59")
    (1.0, 5.0, 10.0, 0.016666666666666666)
    """
    parts = iso_time.split("T", 1)[-1].split(":")
    if len(parts) > 2:
        return 1 / 60
    minute = int(parts[1])
    if minute % 10 == 0:
        return 10.0
    return 5.0 if minute % 5 == 0 else 1.0
