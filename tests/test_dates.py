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
        pytest.param("05-Aug-2016", "2016-08-05", id="day, month name, year"),
        pytest.param("2019/aug/01", "2019-08-01", id="year, month name, day"),
        pytest.param("31-Oct-74", "1974-10-31", id="two-digit year"),
        pytest.param("10.31.1974", "1974-10-31", id="dots, month first when the day is the second part"),
        pytest.param("Dec-2018", "2018-12", id="month name and year"),
        pytest.param("12-2015", "2015-12", id="month number and year"),
        pytest.param("fourth of july of 1995", "1995-07-04", id="ordinal words"),
        pytest.param("28 june in 2020", "2020-06-28", id="year after in"),
        pytest.param("January twenty five nineteen eighty six", "1986-01-25", id="spelled day and year"),
        pytest.param("October two thousand and five", "2005-10", id="spelled year"),
        pytest.param("Dec31 , 1994", "1994-12-31", id="no space after month"),
        pytest.param("31st Oct 1974", "1974-10-31", id="ordinal suffix before month"),
    ],
)
def test_absolute(text: str, iso: str) -> None:
    parsed = parse_date(text)
    assert parsed is not None and parsed.iso == iso


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        pytest.param("July 28", "2024-07-28", id="year from reference"),
        pytest.param("January 10", "2024-01-10", id="reference year within eight months"),
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
        pytest.param("two days after today", "2024-07-31", id="offset from today"),
        pytest.param("three weeks from tomorrow", "2024-08-20", id="offset from tomorrow"),
        pytest.param("3 fridays from now", "2024-08-16", id="weekdays from now"),
        pytest.param("2 thursdays back", "2024-07-18", id="weekdays back"),
        pytest.param("the 20th of next month", "2024-08-20", id="day of next month"),
        pytest.param("Tuesday the 30th", "2024-07-30", id="weekday and day of month"),
        pytest.param("next week Wednesday", "2024-08-07", id="weekday of next week"),
        pytest.param("friday after next", "2024-08-09", id="after next"),
        pytest.param("later this year", "2024", id="later this year"),
        pytest.param("the third month of next year", "2025-03", id="nth month"),
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
        pytest.param("1 month", id="a span, not a day of this month"),
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


def test_year_less_date_far_from_the_reference_takes_the_nearer_year() -> None:
    assert parse_date("December 28", date(2024, 1, 5)).iso == "2023-12-28"  # type: ignore[union-attr]
    assert parse_date("January 3", date(2024, 12, 20)).iso == "2025-01-03"  # type: ignore[union-attr]


def test_year_hint_from_an_earlier_date_wins() -> None:
    assert parse_date("July 13", date(2024, 1, 1), year_hint=2014).iso == "2014-07-13"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "iso", "end", "qualifier"),
    [
        pytest.param("the 1990s", "199", None, None, id="a decade, as ISO writes it"),
        pytest.param("the early 2040s", "204", None, None, id="early in a decade"),
        pytest.param("late 2030s", "203", None, None, id="late in a decade"),
        pytest.param(
            "the mid-2030s", "2035", None, "approx", id="the middle of a decade is about its fifth year"
        ),
        pytest.param("early next decade", "203", None, None, id="early next decade"),
        pytest.param("later this decade", "202", None, None, id="later this decade"),
        pytest.param("the end of the year", "2024-12", None, None, id="end of the year"),
        pytest.param("year-end", "2024-12", None, None, id="year-end"),
        pytest.param("the middle of next year", "2025-06", None, None, id="middle of next year"),
        pytest.param("the start of 2026", "2026-01", None, None, id="start of a written year"),
        pytest.param("the second half of 2023", "2023-07", "2023-12", None, id="half of a year"),
        pytest.param("the first quarter of this year", "2024-01", "2024-03", None, id="quarter"),
        pytest.param("Q4 2022", "2022-10", "2022-12", None, id="Q4"),
        pytest.param("fiscal 2025", "2025", None, None, id="fiscal year"),
        pytest.param("FY2023-24", "2024", None, None, id="fiscal year named by its end"),
        pytest.param("2054/55", "2055", None, None, id="a season or financial year ends in its second year"),
        pytest.param("2010-11", "2011", None, None, id="a season"),
        pytest.param("New Year's Day", "2024-01-01", None, None, id="a named day"),
        pytest.param("Christmas Eve 2019", "2019-12-24", None, None, id="a named day with its year"),
        pytest.param("last week", "2024-07-22", "2024-07-28", None, id="last week, Monday to Sunday"),
        pytest.param("this morning", "2024-07-29", None, None, id="this morning is the reference day"),
        pytest.param("last night", "2024-07-28", None, None, id="last night"),
        pytest.param("Friday", "2024-07-26", None, None, id="a bare weekday is the latest one"),
        pytest.param("Monday", "2024-07-29", None, None, id="the weekday of the reference day is that day"),
    ],
)
def test_periods(text: str, iso: str, end: str | None, qualifier: str | None) -> None:
    parsed = parse_date(text, REF)
    assert parsed is not None
    assert (parsed.iso, parsed.end, parsed.qualifier) == (iso, end, qualifier)


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        pytest.param("the 1990s", date(1990, 1, 1), date(1999, 12, 31), id="a decade"),
        pytest.param("the early 2040s", date(2040, 1, 1), date(2043, 12, 31), id="early in a decade"),
        pytest.param("late 2030s", date(2037, 1, 1), date(2039, 12, 31), id="late in a decade"),
    ],
)
def test_decade_intervals(text: str, first: date, last: date) -> None:
    parsed = parse_date(text, REF)
    assert parsed is not None and interval(parsed.iso, parsed.granularity) == (first, last)
