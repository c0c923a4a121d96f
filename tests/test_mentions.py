"""find_mentions: what the scanner reads in plain text, and what it must leave alone."""

from __future__ import annotations

from datetime import date

import pytest

from alliance_check.mentions import find_mentions

REF = date(2024, 7, 29)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "more than 6,000 km away",
            [("more than 6,000 km", "quantity", 6000, "km", "lower_bound")],
            id="bound with unit",
        ),
        pytest.param(
            "a 19-hour time difference",
            [("19-hour", "duration", 19, "h", "exact")],
            id="hyphenated unit",
        ),
        pytest.param(
            "about 3 billion yen ($19.4 million)",
            [
                ("about 3 billion yen", "money", 3e9, "JPY", "approx"),
                ("$19.4 million", "money", 19.4e6, "USD", "exact"),
            ],
            id="paired currencies",
        ),
        pytest.param(
            "6,500 kilometers (4,000 miles)",
            [
                ("6,500 kilometers", "quantity", 6500, "km", "exact"),
                ("4,000 miles", "quantity", 4000, "mi", "exact"),
            ],
            id="paired units",
        ),
        pytest.param("rose 27 per cent", [("27 per cent", "percent", 27, "%", "exact")], id="per cent"),
        pytest.param("rose 27 %", [("27 %", "percent", 27, "%", "exact")], id="spaced percent sign"),
        pytest.param(
            "between 10 and 20 km",
            [("between 10 and 20 km", "quantity", 10, "km", "range")],
            id="range",
        ),
        pytest.param(
            "the roughly 50,000-strong force",
            [("roughly 50,000-strong", "count", 50000, None, "approx")],
            id="strong compound",
        ),
        pytest.param("six decades later", [("six decades", "duration", 60, "yr", "exact")], id="decades"),
        pytest.param(
            "On July 28, 2024, they met",
            [("July 28, 2024", "date", "2024-07-28", None, "exact")],
            id="full date",
        ),
        pytest.param(
            "set up by March 2025",
            [("by March 2025", "date", "2025-03", None, "upper_bound")],
            id="date bound",
        ),
        pytest.param(
            "signed in 1951", [("1951", "date", "1951", None, "exact")], id="year after preposition"
        ),
        pytest.param(
            "In December last year, rules changed",
            [("December last year", "date", "2023-12", None, "exact")],
            id="relative month",
        ),
        pytest.param("C$5 million", [("C$5 million", "money", 5e6, "CAD", "exact")], id="prefixed dollar"),
        pytest.param("EUR 20", [("EUR 20", "money", 20, "EUR", "exact")], id="code before amount"),
        pytest.param("USD3.14", [("USD3.14", "money", 3.14, "USD", "exact")], id="code attached"),
        pytest.param("costs 20€", [("20€", "money", 20, "EUR", "exact")], id="symbol after amount"),
        pytest.param(
            "profit of 361 million pounds",
            [("361 million pounds", "money", 361e6, "GBP", "exact")],
            id="pounds in a money sentence",
        ),
        pytest.param(
            "a 20 pounds parcel", [("20 pounds", "quantity", 20, "lb", "exact")], id="pounds as weight"
        ),
        pytest.param(
            "His score is 200 or greater",
            [("200 or greater", "count", 200, None, "lower_bound")],
            id="hedge after",
        ),
        pytest.param(
            "x>10 and y<20",
            [(">10", "count", 10, None, "lower_bound"), ("<20", "count", 20, None, "upper_bound")],
            id="comparison symbols",
        ),
        pytest.param(
            "equal to 5000 or less than 6000",
            [
                ("equal to 5000", "count", 5000, None, "exact"),
                ("less than 6000", "count", 6000, None, "upper_bound"),
            ],
            id="a hedge before the next value is not a hedge after this one",
        ),
        pytest.param(
            "about five hundred or more",
            [("about five hundred or more", "count", 500, None, "lower_bound")],
            id="hedge after wins",
        ),
        pytest.param("a 360-ish plate", [("360-ish", "count", 360, None, "approx")], id="ish"),
        pytest.param(
            "the door is 2 1/2 in thick", [("2 1/2 in", "quantity", 2.5, "in", "exact")], id="inches"
        ),
        pytest.param(
            "July 12th, 2014. July 13th",
            [
                ("July 12th, 2014", "date", "2014-07-12", None, "exact"),
                ("July 13th", "date", "2014-07-13", None, "exact"),
            ],
            id="year from an earlier date",
        ),
        pytest.param(
            "3 days after January 12th, 2017",
            [("3 days after January 12th, 2017", "date", "2017-01-15", None, "exact")],
            id="offset from a date",
        ),
    ],
)
def test_mentions(text: str, expected: list[tuple[str, str, object, str | None, str]]) -> None:
    found = [(text[m.start : m.end], m.kind, m.value, m.unit, m.qualifier) for m in find_mentions(text, REF)]
    assert found == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("See https://example.com/2024/03/24/story?id=30d1d3624b24 for more", id="URL"),
        pytest.param("as reported.[1] Officials said", id="footnote marker"),
        pytest.param("new F-35 fighter jets and PAC-3 missiles", id="model numbers"),
        pytest.param("a strategic 2+2 meeting", id="2+2 is a name"),
        pytest.param("at the two-plus-two meeting", id="two-plus-two is a name"),
        pytest.param("Call +81 3-1234-5678 now", id="phone number"),
        pytest.param("version v2.1.3 shipped", id="version"),
        pytest.param("under Article 9 of the constitution", id="label number"),
        pytest.param("Petty Officer 1st Class", id="ordinal"),
        pytest.param("the strongest ties in 70 years", id="span after superlative is not a date"),
        pytest.param("over the past decade", id="period without number"),
        pytest.param("This may take longer than expected.", id="may is a verb"),
    ],
)
def test_no_claim_mentions(text: str) -> None:
    kinds = [(text[m.start : m.end], m.kind) for m in find_mentions(text, REF) if m.kind != "duration"]
    assert kinds == []


def test_in_years_is_a_date_only_about_the_future() -> None:
    future = find_mentions("The base will close in 3 years.", REF)
    # the span of a date counted from today is given too, as restating the date
    assert [(m.kind, m.value) for m in future] == [("date", "2027-07-29"), ("duration", 3.0)]
    past = find_mentions("It was the first visit in 3 years.", REF)
    assert [(m.kind, m.value, m.unit) for m in past] == [("duration", 3.0, "yr")]


def test_offsets_point_at_the_text() -> None:
    text = "Officials said about 3 billion yen was paid."
    (m,) = find_mentions(text)
    assert text[m.start : m.end] == "about 3 billion yen"
    assert text[m.num_start : m.num_end] == "3 billion"


def test_a_quote_mark_after_words_is_not_inches() -> None:
    text = 'I told him: "one hundred and two" at the time'
    assert [(m.kind, m.value) for m in find_mentions(text)] == [("count", 102.0)]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        pytest.param("The talks will resume on Thursday.", "2024-08-01", id="a day of the future"),
        pytest.param(
            "Fares are expected to rise, the operator said on Thursday.",
            "2024-07-25",
            id="the day of a saying",
        ),
        pytest.param("The league announced Thursday that the final will move.", "2024-07-25", id="announced"),
        pytest.param("The vote is scheduled on Thursday.", "2024-08-01", id="scheduled stays ahead"),
    ],
)
def test_a_weekday_is_in_the_tense_of_its_own_verb(text: str, day: str) -> None:
    (date_,) = [m for m in find_mentions(text, REF) if m.kind == "date"]
    assert date_.value == day


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        pytest.param(
            "The club said on Monday (Dec 1) that the coach had left.",
            [("Monday (Dec 1)", "2025-12-01", True)],
            id="weekday and month-day",
        ),
        pytest.param(
            "The vote was held on Tuesday (25 November 2025).",
            [("Tuesday (25 November 2025)", "2025-11-25", False)],
            id="weekday and full date",
        ),
        pytest.param(
            "Ferries stopped on Friday (local time).",
            [("Friday", "2025-12-05", True)],
            id="no date in the brackets",
        ),
        pytest.param(
            "The board met on Monday (Tuesday in Sydney).",
            [("Monday", "2025-12-01", True), ("Tuesday", "2025-12-02", True)],
            id="a weekday in the brackets",
        ),
    ],
)
def test_a_weekday_with_its_date_in_brackets_is_one_day(
    text: str, dates: list[tuple[str, str, bool]]
) -> None:
    """'On Monday (Dec 1)' writes one day whole: one date, where the weekday stands."""
    found = [m for m in find_mentions(text, date(2025, 12, 5)) if m.kind == "date"]
    assert [(text[m.start : m.end], m.value, m.relative) for m in found] == dates


@pytest.mark.parametrize(
    "text",
    [
        "The dividend will rise to 9.1p a share.",
        "Version 2.4b ships today.",
        "Fares rose to 2,5x the old rate.",
    ],
)
def test_a_piece_of_a_longer_number_is_no_value(text: str) -> None:
    """'9' of '9.1p' is not a count of nine: the number goes on."""
    assert [text[m.start : m.end] for m in find_mentions(text, REF) if m.kind == "count"] == []
