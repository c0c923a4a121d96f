"""parse_date: absolute, partial and relative dates; what is not a date."""

from __future__ import annotations

from datetime import date

import pytest

from alliance_check.normalize.dates import interval, parse_date

REF = date(2024, 7, 29)  # a Monday


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        pytest.param("July 28, 2024", "2024-07-28", id="month day year"),
        pytest.param("28 July 2024", "2024-07-28", id="day month year"),
        pytest.param("the 28th of July, 2024", "2024-07-28", id="ordinal day of month"),
        pytest.param("Sunday, July 28, 2024", "2024-07-28", id="with weekday"),
        pytest.param("2024-07-28", "2024-07-28", id="ISO"),
        pytest.param("26.03.2024", "2024-03-26", id="day-first dots"),
        pytest.param("7/28/2024", "2024-07-28", id="month-first slashes"),
        pytest.param("28/7/2024", "2024-07-28", id="day-first when month impossible"),
        pytest.param("July 2024", "2024-07", id="month precision"),
        pytest.param("March of 2025", "2025-03", id="month of year"),
        pytest.param("Sept. 2023", "2023-09", id="abbreviated month"),
        pytest.param("July 28", "--07-28", id="no year, no reference"),
        pytest.param("mid-2025", "2025", id="part of a year"),
    ],
)
def test_absolute(text: str, iso: str) -> None:
    parsed = parse_date(text)
    assert parsed is not None and parsed.iso == iso


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        pytest.param("July 28", "2024-07-28", id="year from reference"),
        pytest.param("January 10", "2025-01-10", id="nearest occurrence may be next year"),
        pytest.param("last year", "2023", id="last year"),
        pytest.param("next year", "2025", id="next year"),
        pytest.param("this year", "2024", id="this year"),
        pytest.param("last month", "2024-06", id="last month"),
        pytest.param("December last year", "2023-12", id="month of last year"),
        pytest.param("yesterday", "2024-07-28", id="yesterday"),
        pytest.param("tomorrow", "2024-07-30", id="tomorrow"),
        pytest.param("Sunday", "2024-07-28", id="bare weekday, nearest"),
        pytest.param("next Friday", "2024-08-02", id="next weekday"),
        pytest.param("last Friday", "2024-07-26", id="last weekday"),
        pytest.param("two months ago", "2024-05-29", id="months ago"),
        pytest.param("3 days ago", "2024-07-26", id="days ago"),
        pytest.param("in 3 years", "2027-07-29", id="in years, same day"),
        pytest.param("the day before yesterday", "2024-07-27", id="day before yesterday"),
    ],
)
def test_relative(text: str, iso: str) -> None:
    parsed = parse_date(text, REF)
    assert parsed is not None and parsed.iso == iso
    assert parsed.relative or parsed.granularity == "day"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("last year", id="relative without reference"),
        pytest.param("February 30, 2024", id="impossible day"),
        pytest.param("13/13/2024", id="impossible month"),
        pytest.param("the past decade", id="a period, not a date"),
        pytest.param("troops", id="a word"),
    ],
)
def test_not_a_date(text: str) -> None:
    assert parse_date(text) is None


def test_interval_covers_the_stated_precision() -> None:
    assert interval("2024") == (date(2024, 1, 1), date(2024, 12, 31))
    assert interval("2024-02") == (date(2024, 2, 1), date(2024, 2, 29))
    assert interval("2024-07-28") == (date(2024, 7, 28), date(2024, 7, 28))
    assert interval("--07-28") is None
