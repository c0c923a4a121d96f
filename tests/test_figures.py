"""find_mentions on figures: money, measured quantities, spans of time, ranges, changes,
restatements in other units, and the pairs of numbers that are labels rather than values."""

from __future__ import annotations

from datetime import date

import pytest

from alliance_check.mentions import Mention, find_mentions

REF = date(2024, 7, 29)

Row = tuple[str, str, object, object, str | None, str]


def found(text: str, currency: str | None = None) -> list[Row]:
    """(text, kind, value, value_max, unit, qualifier) of every mention."""
    return [
        (text[m.start : m.end], m.kind, m.value, m.value_max, m.unit, m.qualifier)
        for m in find_mentions(text, REF, currency=currency)
    ]


def mentions(text: str, currency: str | None = None) -> list[Mention]:
    return find_mentions(text, REF, currency=currency)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The council approved a $650m stadium.",
            [("$650m", "money", 650e6, None, "USD", "exact")],
            id="m suffix is million",
        ),
        pytest.param(
            "The airline lost US$27m and then $6.3b.",
            [
                ("US$27m", "money", 27e6, None, "USD", "exact"),
                ("$6.3b", "money", 6.3e9, None, "USD", "exact"),
            ],
            id="attached suffixes",
        ),
        pytest.param(
            "Wellington set aside NZ$5m for the repairs.",
            [("NZ$5m", "money", 5e6, None, "NZD", "exact")],
            id="NZ dollar",
        ),
        pytest.param(
            "The port paid HK$3bn and S$10 million.",
            [
                ("HK$3bn", "money", 3e9, None, "HKD", "exact"),
                ("S$10 million", "money", 10e6, None, "SGD", "exact"),
            ],
            id="Hong Kong and Singapore dollars",
        ),
        pytest.param(
            "The miner's profit fell to $A640 million while it paid $US350m in dividends.",
            [
                ("$A640 million", "money", 640e6, None, "AUD", "exact"),
                ("$US350m", "money", 350e6, None, "USD", "exact"),
            ],
            id="country letter after the sign",
        ),
        pytest.param(
            "The grant of AU$ 20 million and C$5 million was signed.",
            [
                ("AU$ 20 million", "money", 20e6, None, "AUD", "exact"),
                ("C$5 million", "money", 5e6, None, "CAD", "exact"),
            ],
            id="country letters before the sign",
        ),
        pytest.param(
            "Ticket sales reached £5m and €3bn and ¥500 million.",
            [
                ("£5m", "money", 5e6, None, "GBP", "exact"),
                ("€3bn", "money", 3e9, None, "EUR", "exact"),
                ("¥500 million", "money", 500e6, None, "JPY", "exact"),
            ],
            id="pound euro yen signs",
        ),
        pytest.param(
            "The fine was 5 billion yen, or 300 billion won.",
            [
                ("5 billion yen", "money", 5e9, None, "JPY", "exact"),
                ("300 billion won", "money", 300e9, None, "KRW", "exact"),
            ],
            id="currencies named after the amount",
        ),
        pytest.param(
            "The film earned 20 crore rupees and Rs 2 lakh.",
            [
                ("20 crore rupees", "money", 200e6, None, "INR", "exact"),
                ("Rs 2 lakh", "money", 200e3, None, "INR", "exact"),
            ],
            id="rupees with Indian scale words",
        ),
        pytest.param(
            "The budget gap is $40-47b over a decade.",
            [
                ("$40-47b", "money", 40e9, 47e9, "USD", "range"),
                ("a decade", "duration", 10, None, "yr", "exact"),
            ],
            id="one sign, one suffix, two ends",
        ),
        pytest.param(
            "Estimates run to $310-$420 billion.",
            [("$310-$420 billion", "money", 310e9, 420e9, "USD", "range")],
            id="scale written on the high end only",
        ),
        pytest.param(
            "Insurers expect claims of between $420m and $910m.",
            [("between $420m and $910m", "money", 420e6, 910e6, "USD", "range")],
            id="between and",
        ),
        pytest.param(
            "The refit will cost between A$2 billion and A$3 billion.",
            [("between A$2 billion and A$3 billion", "money", 2e9, 3e9, "AUD", "range")],
            id="between with prefixed dollars",
        ),
        pytest.param(
            "Repairs may cost between 3 and 5 million euros.",
            [("between 3 and 5 million euros", "money", 3e6, 5e6, "EUR", "range")],
            id="bare low end takes scale and currency",
        ),
        pytest.param(
            "The new wing costs around $50-58 million.",
            [("around $50-58 million", "money", 50e6, 58e6, "USD", "range")],
            id="a hedge keeps a range a range",
        ),
        pytest.param(
            "The council still owes the UK $A7 billion.",
            [("$A7 billion", "money", 7e9, None, "AUD", "exact")],
            id="sign inside a longer symbol",
        ),
    ],
)
def test_money(text: str, expected: list[Row]) -> None:
    assert [r for r in found(text) if r[1] != "date"] == expected


@pytest.mark.parametrize(
    ("text", "currency", "unit"),
    [
        pytest.param("The state paid $650m for the line.", "AUD", "AUD", id="article dollar"),
        pytest.param("The state paid 650 million dollars.", "CAD", "CAD", id="article dollar by name"),
        pytest.param("The state paid $650m for the line.", None, "USD", id="no article currency"),
        pytest.param("The state paid US$650m for the line.", "AUD", "USD", id="marked dollar stays"),
        pytest.param("The state paid £650m for the line.", "AUD", "GBP", id="other sign stays"),
    ],
)
def test_bare_dollar_takes_the_article_currency(text: str, currency: str | None, unit: str) -> None:
    (m,) = mentions(text, currency)
    assert (m.kind, m.unit, m.value) == ("money", unit, 650e6)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "A 6.9-magnitude earthquake struck.",
            [("6.9-magnitude", "quantity", 6.9, None, "mag", "exact")],
            id="magnitude after",
        ),
        pytest.param(
            "The magnitude-8.1 quake and a magnitude 6.1 aftershock.",
            [
                ("magnitude-8.1", "quantity", 8.1, None, "mag", "exact"),
                ("magnitude 6.1", "quantity", 6.1, None, "mag", "exact"),
            ],
            id="magnitude before",
        ),
        pytest.param(
            "An M5.7 tremor shook the valley.",
            [("M5.7", "quantity", 5.7, None, "mag", "exact")],
            id="M with decimal",
        ),
        pytest.param(
            "Temperatures hit 45°C (113°F) and 104 degrees Fahrenheit inland.",
            [
                ("45°C", "quantity", 45, None, "degC", "exact"),
                ("113°F", "quantity", 113, None, "degF", "exact"),
                ("104 degrees Fahrenheit", "quantity", 104, None, "degF", "exact"),
            ],
            id="temperatures",
        ),
        pytest.param(
            "Seville reached 47.3C and Phoenix 118F.",
            [
                ("47.3C", "quantity", 47.3, None, "degC", "exact"),
                ("118F", "quantity", 118, None, "degF", "exact"),
            ],
            id="degrees as a letter against the digits",
        ),
        pytest.param(
            "The ferry slowed to just under 11 knots, then 12 km/h and 9 mph.",
            [
                ("just under 11 knots", "quantity", 11, None, "kn", "approx"),
                ("12 km/h", "quantity", 12, None, "km/h", "exact"),
                ("9 mph", "quantity", 9, None, "mph", "exact"),
            ],
            id="speeds",
        ),
        pytest.param(
            "The 82,000-ton tanker carried 61,000 tonnes of grain.",
            [
                ("82,000-ton", "quantity", 82000, None, "t", "exact"),
                ("61,000 tonnes", "quantity", 61000, None, "t", "exact"),
            ],
            id="tonnage",
        ),
        pytest.param(
            "Up to 2.6 million gallons, 5,120 cubic metres and 2,000 barrels spilled.",
            [
                ("Up to 2.6 million gallons", "quantity", 2.6e6, None, "gal", "upper_bound"),
                ("5,120 cubic metres", "quantity", 5120, None, "m3", "exact"),
                ("2,000 barrels", "quantity", 2000, None, "bbl", "exact"),
            ],
            id="volumes",
        ),
        pytest.param(
            "The reservoir lost 300 megalitres and 40 litres a second.",
            [
                ("300 megalitres", "quantity", 300e6, None, "l", "exact"),
                ("40 litres", "quantity", 40, None, "l", "exact"),
            ],
            id="litres",
        ),
        pytest.param(
            "Some 1.5m people fled and 2m homes lost power, 400m away.",
            [
                ("Some 1.5m", "count", 1.5e6, None, None, "approx"),
                ("2m", "count", 2e6, None, None, "exact"),
                ("400m", "quantity", 400, None, "m", "exact"),
            ],
            id="m before counted things is millions",
        ),
        pytest.param(
            "The reef lies 12 nautical miles offshore.",
            [("12 nautical miles", "quantity", 12, None, "nmi", "exact")],
            id="nautical miles",
        ),
        pytest.param(
            "The missiles reach 380-1,900km.",
            [("380-1,900km", "quantity", 380, 1900, "km", "range")],
            id="range with attached unit",
        ),
        pytest.param(
            "The fire spread between 10 and 20 km.",
            [("between 10 and 20 km", "quantity", 10, 20, "km", "range")],
            id="between with unit",
        ),
        pytest.param(
            "The rover covered nearly 3,900 metres.",
            [("nearly 3,900 metres", "quantity", 3900, None, "m", "approx")],
            id="nearly",
        ),
    ],
)
def test_quantities(text: str, expected: list[Row]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The tunnel opened within a decade.",
            [("within a decade", "duration", 10, None, "yr", "upper_bound")],
            id="within a decade",
        ),
        pytest.param(
            "The hikers were stuck there for a week.",
            [("a week", "duration", 1, None, "wk", "exact")],
            id="for a week",
        ),
        pytest.param(
            "The crossing takes about a month.",
            [("about a month", "duration", 1, None, "mo", "approx")],
            id="about a month",
        ),
        pytest.param(
            "The trial lasted nearly an hour.",
            [("nearly an hour", "duration", 1, None, "h", "approx")],
            id="nearly an hour",
        ),
        pytest.param(
            "The ship stayed afloat for roughly two hours and ten minutes.",
            [("roughly two hours and ten minutes", "duration", 130, None, "min", "approx")],
            id="hours and minutes",
        ),
        pytest.param(
            "The appeal took 2 years 6 months.",
            [("2 years 6 months", "duration", 30, None, "mo", "exact")],
            id="years and months",
        ),
        pytest.param(
            "The works will run over the next four decades.",
            [("four decades", "duration", 40, None, "yr", "exact")],
            id="over the coming decades",
        ),
        pytest.param(
            "The treaty binds them for fifteen to twenty-five years.",
            [("fifteen to twenty-five years", "duration", 15, 25, "yr", "range")],
            id="range of years",
        ),
        pytest.param(
            "A verdict is due in two or three years.",
            [("two or three years", "duration", 2, 3, "yr", "range")],
            id="two or three",
        ),
        pytest.param(
            "The repair could take up to three years.",
            [("up to three years", "duration", 3, None, "yr", "upper_bound")],
            id="up to",
        ),
        pytest.param(
            "Firefighters arrived 15 minutes later.",
            [("15 minutes", "duration", 15, None, "min", "exact")],
            id="minutes later",
        ),
        pytest.param(
            "The driver, Maria Ortiz, 43, and Tom Reyes, 8, were hurt.",
            [("43", "duration", 43, None, "yr", "exact"), ("8", "duration", 8, None, "yr", "exact")],
            id="ages after names",
        ),
        pytest.param(
            "The defendant, 34, and her husband, 52, were charged.",
            [("34", "duration", 34, None, "yr", "exact"), ("52", "duration", 52, None, "yr", "exact")],
            id="ages after a person named by role",
        ),
        pytest.param(
            "Pupils aged between 5 and 12 were sent home.",
            [("between 5 and 12", "duration", 5, 12, "yr", "range")],
            id="age range",
        ),
        pytest.param(
            "The plant will hire staff over five to seven years.",
            [("five to seven years", "duration", 5, 7, "yr", "range")],
            id="a span hedge before a range of years",
        ),
        pytest.param(
            "Two climbers, aged 19 and 44, are missing.",
            [
                ("Two", "count", 2, None, None, "exact"),
                ("19", "duration", 19, None, "yr", "exact"),
                ("44", "duration", 44, None, "yr", "exact"),
            ],
            id="aged",
        ),
        pytest.param(
            "A 38-year-old cyclist won.",
            [("38-year", "duration", 38, None, "yr", "exact")],
            id="year-old",
        ),
    ],
)
def test_durations(text: str, expected: list[Row]) -> None:
    assert found(text) == expected


def test_an_age_note_says_it_is_an_age() -> None:
    (m,) = mentions("The mayor, Ana Silva, 61, resigned.")
    assert (m.kind, m.unit, m.note) == ("duration", "yr", "age")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Between four and six ferries will be built.",
            [("Between four and six", "count", 4, 6, None, "range")],
            id="between spelled",
        ),
        pytest.param(
            "The plant needs another 2,500 to 3,200 welders.",
            [("2,500 to 3,200", "count", 2500, 3200, None, "range")],
            id="to",
        ),
        pytest.param(
            "Around 30-45 medics are due.",
            [("Around 30-45", "count", 30, 45, None, "range")],
            id="hedged hyphen range is never minus 45",
        ),
        pytest.param(
            "The league will add two, and possibly up to four, teams.",
            [("two, and possibly up to four", "count", 2, 4, None, "range")],
            id="a bound that stands apart",
        ),
        pytest.param(
            "Crowds of 3 to 5 million are expected.",
            [("3 to 5 million", "count", 3e6, 5e6, None, "range")],
            id="scale on the high end",
        ),
        pytest.param(
            "Between 500 and 2 million people may move.",
            [("Between 500 and 2 million", "count", 500, 2e6, None, "range")],
            id="low end with its own size keeps it",
        ),
    ],
)
def test_count_ranges(text: str, expected: list[Row]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "earlier", "later"),
    [
        pytest.param("The death toll rose from 14 to 96.", 14, 96, id="rose from to"),
        pytest.param("Enrolment fell from 900 to 640 pupils.", 900, 640, id="fell from to"),
        pytest.param("The forecast was cut from 2.1 to 1.8 percent.", 2.1, 1.8, id="cut from to"),
        pytest.param("Cases went from 12 to 80 in a week.", 12, 80, id="went from to"),
        pytest.param("The tally moved from 96 to 14.", 96, 14, id="descending is a change"),
    ],
)
def test_from_to_with_a_change_is_two_values(text: str, earlier: float, later: float) -> None:
    first, second = [m for m in mentions(text) if m.kind != "duration"][:2]
    assert (first.value, first.earlier, first.value_max) == (earlier, True, None)
    assert (second.value, second.earlier) == (later, False)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The museum had 412 visitors, up from 57.", id="up from"),
        pytest.param("Sales reached 5,000 units, down from 8,000 a year ago.", id="down from"),
    ],
)
def test_the_value_a_change_started_from_is_earlier(text: str) -> None:
    marks = [(m.value, m.earlier) for m in mentions(text) if m.kind == "count"]
    assert [e for _, e in marks] == [False, True]


def test_from_to_without_a_change_is_a_range() -> None:
    assert found("Ticket prices range from 10 to 20 dollars.") == [
        ("from 10 to 20 dollars", "money", 10, 20, "USD", "range")
    ]


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        pytest.param("It costs A$512 billion ($337 billion).", "A$512 billion", "$337 billion", id="money"),
        pytest.param("A US$3bn (A$4.8bn) package.", "US$3bn", "A$4.8bn", id="currency the other way"),
        pytest.param("The tower is 250 metres (820 feet) tall.", "250 metres", "820 feet", id="length"),
        pytest.param("The storm moved at 14 knots (16.1 mph).", "14 knots", "16.1 mph", id="speed"),
        pytest.param("It was 45°C (113°F) at noon.", "45°C", "113°F", id="temperature"),
        pytest.param("The route is 6,500 km, or 4,000 miles.", "6,500 km", "4,000 miles", id="comma or"),
        pytest.param("3 billion yen (about $19 million)", "3 billion yen", "about $19 million", id="hedged"),
        pytest.param("The quake lasted two weeks (14 days) in all.", "two weeks", "14 days", id="span"),
    ],
)  # fmt: skip
def test_an_amount_in_brackets_restates_the_one_before(text: str, first: str, second: str) -> None:
    a, b = [m for m in mentions(text) if m.kind not in ("date", "time")]  # "at noon" is a time
    assert (text[a.start : a.end], text[b.start : b.end]) == (first, second)
    assert (a.restates, b.restates) == (None, a.start)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The loan rose $5m (10%) this year.", id="a share is not a restatement"),
        pytest.param("Profit was $5m (up from $3m).", id="a change in brackets"),
        pytest.param("Three ships (two of them new) sailed.", id="counts in brackets"),
        pytest.param("The bridge is 2 km long and 30 m wide.", id="two different lengths"),
    ],
)
def test_not_restatements(text: str) -> None:
    assert all(m.restates is None for m in mentions(text))


@pytest.mark.parametrize(
    ("text", "span"),
    [
        pytest.param("In two years the fleet will double.", ("two years", 2.0, "yr"), id="in two years"),
        pytest.param("It was 61 years ago that the dam burst.", ("61 years", 61.0, "yr"), id="years ago"),
    ],
)
def test_a_date_counted_from_today_also_gives_its_span(text: str, span: tuple[str, float, str]) -> None:
    date_m, duration = mentions(text)
    assert date_m.kind == "date"
    assert (text[duration.start : duration.end], duration.value, duration.unit) == span
    assert duration.restates == date_m.start


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The home side won 6-1.", id="score"),
        pytest.param("The court ruled 6-3 in the case.", id="descending pair"),
        pytest.param("After a 4-2 vote the motion passed.", id="vote"),
        pytest.param("The senate voted 7 to 2 for the bill.", id="vote with to"),
        pytest.param("It ended in a 1-1 draw.", id="level score"),
        pytest.param("The visitors lost 2-3 to the champions.", id="ascending score after lost"),
        pytest.param("Voters backed it by a 60-40 split.", id="split"),
        pytest.param("Investors want a 40-60 split.", id="ascending split"),
        pytest.param("Mix the concrete at a 3:1 ratio on 16:9 screens.", id="ratios with colon"),
        pytest.param("The bill passed by a 3-to-1 margin.", id="to ratio"),
        pytest.param("Call 555-0199 for tickets.", id="local phone number"),
        pytest.param("Dial (410) 555-0199 or 410.555.0199 or 1-800-555-0199.", id="phone numbers"),
        pytest.param("His ssn is 123-12-1234.", id="number in parts"),
        pytest.param("Ring 020 7946 0958 or 0800 123 4567.", id="phone numbers in groups"),
        pytest.param("See pages 12-15 of the report.", id="a range of pages is a label"),
        pytest.param("Flight QF12:30 was delayed.", id="time inside an identifier"),
        pytest.param("The file IMG_0640 shows the deck.", id="number inside a file name"),
        pytest.param("the M16 rifle and the M1 motorway", id="M without a decimal is a name"),
        pytest.param("The plant runs twice a week and once a year.", id="rates are not spans"),
        pytest.param("They met for a second time.", id="a second is an ordinal"),
    ],
)
def test_not_claims(text: str) -> None:
    assert found(text) == []


def test_scaled_amounts_have_no_binary_fractions() -> None:
    assert [m.value for m in mentions("Revenue was $4.1bn, then 4.1 billion euros and $5-8.2bn.")] == [
        4.1e9,
        4.1e9,
        5e9,
    ]


def test_a_hyphen_between_numbers_is_never_a_minus_sign() -> None:
    values = [m.value for m in mentions("Teams of 12-15 and scores of 6-1 and 380-1,900 km")]
    assert all(isinstance(v, float) and v >= 0 for v in values)


def test_a_row_of_many_numbers_gives_each_number_once() -> None:
    text = "Scores: " + " ".join(str(n) for n in range(1, 61)) + "."
    assert [m.value for m in mentions(text)] == [float(n) for n in range(1, 61)]
