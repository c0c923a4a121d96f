"""Times of day: read, given the day their sentence names, hedged; what is not a time."""

from __future__ import annotations

from datetime import date

import pytest

from alliance_check.mentions import find_mentions
from alliance_check.normalize.times import minute_step

REF = date(2025, 8, 20)  # a Wednesday


def times(text: str, reference: date | None = REF) -> list[tuple[str, str, str]]:
    return [
        (text[m.start : m.end], str(m.value), m.qualifier)
        for m in find_mentions(text, reference)
        if m.kind == "time"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The quake struck at 5:47 p.m. on Monday.",
            [("5:47 p.m.", "2025-08-18T17:47", "exact")],
            id="p.m. and the weekday after it",
        ),
        pytest.param(
            "Polls closed at 20:00 local time on August 3.",
            [("20:00", "2025-08-03T20:00", "exact")],
            id="24-hour clock and a month-day",
        ),
        pytest.param(
            "The ferry left around 0640, officials said on Tuesday.",
            [("around 0640", "2025-08-19T06:40", "approx")],
            id="four digits with a leading zero, hedged",
        ),
        pytest.param(
            "Shortly after 4:10 pm the dam gave way.",
            [("Shortly after 4:10 pm", "T16:10", "lower_bound")],
            id="no day in the sentence: the day stays unknown",
        ),
        pytest.param(
            "The alarm sounded at 1:24:59 a.m. Sunday.",
            [("1:24:59 a.m.", "2025-08-17T01:24:59", "exact")],
            id="seconds",
        ),
        pytest.param(
            "Fire crews arrived just before midnight on Saturday.",
            [("just before midnight", "2025-08-16T00:00", "upper_bound")],
            id="named time",
        ),
        pytest.param(
            "The count began at 12 a.m., Aug. 19, and ended by 7 am.",
            [("12 a.m.", "2025-08-19T00:00", "exact"), ("by 7 am", "2025-08-19T07:00", "upper_bound")],
            id="12 a.m. is midnight",
        ),
        pytest.param(
            "Trading resumes at 1830 hours.",
            [("1830", "T18:30", "exact")],
            id="military time with 'hours'",
        ),
    ],
)
def test_times(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert times(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The vote passed 7-2 on Thursday.", id="a vote"),
        pytest.param("They won 3:1 in extra time.", id="a score"),
        pytest.param("Read Psalm 23 and page 12:34 notes.", id="a label"),
        pytest.param("About 1200 homes lost power.", id="four digits without a leading zero are a count"),
        pytest.param("In 2030 the line opens.", id="a year"),
        pytest.param("Version 10:30b of the tool.", id="inside an identifier"),
        pytest.param("I am 5 feet tall.", id="'am' as a verb"),
    ],
)
def test_not_times(text: str) -> None:
    assert times(text) == []


@pytest.mark.parametrize(
    ("iso", "step"),
    [
        pytest.param("2024-01-02T01:28", 1.0, id="to the minute"),
        pytest.param("T01:25", 5.0, id="five minutes"),
        pytest.param("T01:30", 10.0, id="half past is a round figure"),
        pytest.param("2024-01-02T01:00", 10.0, id="on the hour"),
    ],
)
def test_minute_step(iso: str, step: float) -> None:
    assert minute_step(iso) == step
