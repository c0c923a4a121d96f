"""Property tests: normalizers never raise on any string, and known values survive a round trip."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alliance_check.mentions import find_mentions
from alliance_check.normalize.dates import parse_date
from alliance_check.normalize.names import find_names
from alliance_check.normalize.numbers import parse_number, split_numbers
from alliance_check.normalize.places import canonical_place, normalize_place
from alliance_check.normalize.units import parse_currency, parse_unit
from alliance_check.resources import load_domain
from alliance_check.sources import blank_html, blank_markdown, decode

FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
NEWSY = st.text(
    alphabet=st.sampled_from(list("0123456789 ,.-$%€£¥/:()'\"abcdefghijklmnopqrstuvwxyzJMDS\nİı🎖日")),
    max_size=80,
)
WORDS = st.lists(
    st.sampled_from(
        [
            "about",
            "more",
            "than",
            "up",
            "to",
            "55,000",
            "km",
            "miles",
            "yen",
            "$",
            "3",
            "billion",
            "July",
            "28",
            "2024",
            "last",
            "year",
            "next",
            "Friday",
            "the",
            "two",
            "in",
            "Tokyo",
            "met",
            "summit",
            "per",
            "cent",
            "19-hour",
            "ago",
            "since",
            "by",
            "minus",
            "point",
            "half",
            "dozen",
            "F-35",
            "2+2",
            "[1]",
        ]
    ),
    max_size=12,
).map(" ".join)
REF = st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2150, 12, 31)))


@FAST
@given(text=st.one_of(st.text(max_size=200), NEWSY, WORDS))
def test_normalizers_never_raise(text: str) -> None:
    parse_number(text)
    split_numbers(text)
    parse_unit(text)
    parse_currency(text)
    canonical_place(text)
    normalize_place(text)
    find_names(text, load_domain(("us-japan",)))
    parse_date(text)
    parse_date(text, date(2024, 7, 29), year_hint=2014)


@FAST
@given(
    text=st.one_of(st.text(max_size=300), NEWSY, WORDS),
    reference=REF,
    hint=st.one_of(st.none(), st.integers(1000, 2199)),
)
def test_the_scanner_never_raises_and_offsets_hold(
    text: str, reference: date | None, hint: int | None
) -> None:
    for m in find_mentions(text, reference, hint):
        assert 0 <= m.start <= m.num_start <= m.num_end <= len(text)
        assert m.start < m.end <= len(text)


@FAST
@given(data=st.binary(max_size=400))
def test_any_bytes_decode_or_give_a_clear_error(data: bytes) -> None:
    from alliance_check.models import InputError

    try:
        text, notes = decode("x.txt", data)
    except InputError as exc:
        assert str(exc).startswith("x.txt: ")
    else:
        assert isinstance(text, str) and all(n.startswith("x.txt: ") for n in notes)


@FAST
@given(text=st.text(max_size=300))
def test_markup_blanking_keeps_every_offset(text: str) -> None:
    assert len(blank_html(text)) == len(text)
    assert len(blank_markdown(text)) == len(text)
    assert blank_markdown(text).count("\n") == text.count("\n")


UNITS = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
TEENS = [
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def words(n: int) -> str:
    """A number in English words, the way news text writes it."""
    if n == 0:
        return "zero"
    parts = []
    for scale, name in ((10**9, "billion"), (10**6, "million"), (1000, "thousand")):
        if n >= scale:
            parts.append(f"{words(n // scale)} {name}")
            n %= scale
    if n >= 100:
        parts.append(f"{UNITS[n // 100]} hundred")
        n %= 100
        if n:
            parts.append("and")
    if n >= 20:
        parts.append(TENS[n // 10] + (f"-{UNITS[n % 10]}" if n % 10 else ""))
    elif n >= 10:
        parts.append(TEENS[n - 10])
    elif n:
        parts.append(UNITS[n])
    return " ".join(parts)


@FAST
@given(n=st.integers(min_value=0, max_value=999_999_999_999))
def test_numbers_in_words_round_trip(n: int) -> None:
    parsed = parse_number(words(n))
    assert parsed is not None and parsed.value == n


@FAST
@given(
    n=st.integers(min_value=0, max_value=10**15),
    hedge=st.sampled_from(["", "about ", "more than ", "up to "]),
)
def test_numbers_with_separators_round_trip(n: int, hedge: str) -> None:
    parsed = parse_number(f"{hedge}{n:,}")
    assert parsed is not None and parsed.value == n
    expected = {"": "exact", "about ": "approx", "more than ": "lower_bound", "up to ": "upper_bound"}[hedge]
    assert parsed.qualifier == expected


@FAST
@given(x=st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False, allow_infinity=False))
def test_decimals_round_trip(x: object) -> None:
    text = f"{x:,.2f}"
    parsed = parse_number(text)
    assert parsed is not None and abs(parsed.value - float(text.replace(",", ""))) < 1e-6


FORMATS = ["%B %d, %Y", "%d %B %Y", "%Y-%m-%d", "%b. %d, %Y", "%d.%m.%Y", "%m/%d/%Y", "%A, %B %d, %Y"]


@FAST
@given(day=st.dates(min_value=date(1900, 1, 1), max_value=date(2150, 12, 31)), fmt=st.sampled_from(FORMATS))
def test_dates_round_trip(day: date, fmt: str) -> None:
    parsed = parse_date(day.strftime(fmt))
    assert parsed is not None and parsed.iso == day.isoformat()


@FAST
@given(ref=st.dates(min_value=date(1900, 2, 1), max_value=date(2150, 11, 30)), n=st.integers(1, 400))
def test_relative_days_round_trip(ref: date, n: int) -> None:
    ago = parse_date(f"{n} days ago", ref)
    ahead = parse_date(f"{n} days from now", ref)
    assert ago is not None and ago.iso == (ref - timedelta(days=n)).isoformat()
    assert ahead is not None and ahead.iso == (ref + timedelta(days=n)).isoformat()
