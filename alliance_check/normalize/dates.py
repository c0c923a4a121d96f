"""Dates as written (absolute, partial, relative) -> ISO strings at their stated precision."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from alliance_check.normalize.numbers import number_regex, parse_number

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5,
    "sat": 5, "sunday": 6, "sun": 6,
}  # fmt: skip
YEAR_MIN, YEAR_MAX = 1000, 2199
# 'in 3 years' names a future date only in a sentence about the future; else it is a span of time.
FUTURE_MARKERS = re.compile(
    r"(?i)\b(?:will|shall|going\s+to|plans?\s+to|planned|expected|set\s+to|scheduled|due|next|"
    r"aims?\s+to|intends?\s+to)\b|'ll\b"
)
# Words before a bare four-digit number that make it a year ("in 1951", "by 2027").
YEAR_CONTEXT = re.compile(
    r"(?i)\b(?:in|since|by|until|till|before|after|from|during|through|throughout|of|circa|"
    r"c\.|ca\.|around|early|late|mid|end of|beginning of|start of|fiscal|fy|year|spring|summer|"
    r"autumn|fall|winter|between|and|to|or|as of|prior to|than|starting|established|founded|"
    r"born|died|est\.)\s*-?\s*$"
)


@dataclass(frozen=True)
class ParsedDate:
    """A date at its stated precision: 'day', 'month', 'year', or without a year 'month_day'."""

    iso: str
    granularity: str
    relative: bool = False
    note: str | None = None


def _month_re() -> str:
    names = sorted(MONTHS, key=len, reverse=True)
    return r"(?:" + "|".join(names) + r")\b\.?"


def _weekday_re() -> str:
    names = sorted(WEEKDAYS, key=len, reverse=True)
    return r"(?:" + "|".join(names) + r")\b\.?"


DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1\d{3}|20\d{2}|21\d{2})"
UNIT = r"(?:day|week|month|year|decade)s?"


@lru_cache(maxsize=1)
def date_regex() -> re.Pattern[str]:
    """All date expressions this module reads, most specific first, as one pattern."""
    m, w, num = _month_re(), _weekday_re(), number_regex()
    parts = [
        rf"(?P<mdy>(?:{w},?\s+)?(?P<mdy_m>{m})\s+(?P<mdy_d>{DAY})(?:\s*,\s*|\s+)(?P<mdy_y>{YEAR})\b)",
        rf"(?P<dmy>(?:{w},?\s+)?(?:the\s+)?(?P<dmy_d>{DAY})\s+(?:of\s+)?(?P<dmy_m>{m}),?\s+(?P<dmy_y>{YEAR})\b)",
        rf"(?P<iso>(?P<iso_y>{YEAR})[-/](?P<iso_m>0?[1-9]|1[0-2])[-/](?P<iso_d>0?[1-9]|[12]\d|3[01]))(?![\d/-])",
        rf"(?P<num>(?P<num_a>\d{{1,2}})(?P<num_sep>[./])(?P<num_b>\d{{1,2}})(?P=num_sep)(?P<num_y>{YEAR}))(?![\d.]\d)",
        rf"(?P<my>(?P<my_m>{m})(?:\s+of)?,?\s+(?P<my_y>{YEAR})\b)",
        rf"(?P<mrel>(?P<mrel_m>{m})\s+(?P<mrel_w>last|next|this)\s+year\b)",
        rf"(?P<relm>(?P<relm_w>last|next|this|past|coming)\s+(?P<relm_m>{m})(?!\s+\d))",
        rf"(?P<md>(?:{w},?\s+)?(?P<md_m>{m})\s+(?P<md_d>{DAY})\b(?!\s*(?:,\s*)?\d))",
        rf"(?P<dm>(?:{w},?\s+)?(?:the\s+)?(?P<dm_d>{DAY})\s+(?:of\s+)?(?P<dm_m>{m})\b(?!\s*,?\s*\d))",
        r"(?P<dayrel>(?:the\s+)?day\s+(?P<dayrel_w>before\s+yesterday|after\s+tomorrow))",
        r"(?P<word>\b(?:yesterday|today|tomorrow)\b)",
        rf"(?P<ago>(?P<ago_n>{num}|a|an)\s+(?P<ago_u>{UNIT})\s+(?P<ago_w>ago|from\s+now|hence))",
        rf"(?P<inn>\bin\s+(?P<inn_n>{num}|a|an)\s+(?P<inn_u>{UNIT})(?!\s+(?:ago|from\s+now|hence)))",
        r"(?P<rel>(?P<rel_w>last|next|this|coming)\s+(?P<rel_u>week|month|year)\b)",
        rf"(?P<relwd>(?P<relwd_w>last|next|this|coming|past)\s+(?P<relwd_d>{w})\b)",
        rf"(?P<wd>\b(?P<wd_d>{w})\b)",
        rf"(?P<mid>\b(?P<mid_w>early|mid|late|end|start)[-\s]+(?P<mid_y>{YEAR})\b)",
        r"(?P<mo>\b(?P<mo_m>January|February|March|April|May|June|July|August|September|October|November|December)\b)",
        rf"(?P<yr>\b(?P<yr_y>{YEAR})\b)",
    ]
    return re.compile("|".join(parts), re.IGNORECASE)


def _month(text: str) -> int:
    return MONTHS[text.lower().rstrip(".")]


def _day(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def _valid(y: int, m: int, d: int) -> bool:
    return YEAR_MIN <= y <= YEAR_MAX and 1 <= m <= 12 and 1 <= d <= calendar.monthrange(y, m)[1]


def _add_months(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 + months
    y, m = divmod(index, 12)
    return date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def _nearest_year(month: int, day: int, reference: date) -> int:
    """The year that puts month/day nearest the reference date."""
    best = reference.year
    best_gap: int | None = None
    for y in (reference.year - 1, reference.year, reference.year + 1):
        d = min(day, calendar.monthrange(y, month)[1])
        gap = abs((date(y, month, d) - reference).days)
        if best_gap is None or gap < best_gap:
            best, best_gap = y, gap
    return best


def _count(text: str) -> int | None:
    if text.lower() in ("a", "an"):
        return 1
    parsed = parse_number(text)
    if parsed is None or parsed.value != int(parsed.value) or parsed.value > 10000:
        return None
    return int(parsed.value)


def _shift(reference: date, n: int, unit: str) -> tuple[date, str]:
    unit = unit.lower().rstrip("s")
    if unit == "day":
        return reference + timedelta(days=n), "day"
    if unit == "week":
        return reference + timedelta(weeks=n), "day"
    if unit == "month":
        return _add_months(reference, n), "day"
    if unit == "decade":
        return _add_months(reference, 120 * n), "year"
    return _add_months(reference, 12 * n), "year"


def _fmt(d: date, granularity: str) -> str:
    if granularity == "day":
        return d.isoformat()
    if granularity == "month":
        return f"{d.year:04d}-{d.month:02d}"
    return f"{d.year:04d}"


def parse_date(text: str, reference: date | None = None) -> ParsedDate | None:
    """Read one date expression; relative ones need the reference date, else None.

    >>> parse_date("July 28, 2024").iso
    '2024-07-28'
    >>> parse_date("last year", date(2024, 7, 29)).iso
    '2023'
    >>> parse_date("July 28").iso
    '--07-28'
    """
    match = date_regex().fullmatch(" ".join(text.split()))
    if not match:
        return None
    return resolve_match(match, reference)


def resolve_match(match: re.Match[str], reference: date | None) -> ParsedDate | None:
    """Resolve a match of :func:`date_regex` against the reference date."""
    g = match.groupdict()
    ref_note = f"resolved against {reference.isoformat()}" if reference else None
    if g["mdy"] or g["dmy"]:
        k = "mdy" if g["mdy"] else "dmy"
        y, m, d = int(g[f"{k}_y"]), _month(g[f"{k}_m"]), _day(g[f"{k}_d"])
        return ParsedDate(date(y, m, d).isoformat(), "day") if _valid(y, m, d) else None
    if g["iso"]:
        y, m, d = int(g["iso_y"]), int(g["iso_m"]), int(g["iso_d"])
        return ParsedDate(date(y, m, d).isoformat(), "day") if _valid(y, m, d) else None
    if g["num"]:
        a, b, y = int(g["num_a"]), int(g["num_b"]), int(g["num_y"])
        # Dots are day-first (European); slashes month-first unless the first part cannot be a month.
        m, d = (b, a) if g["num_sep"] == "." or a > 12 else (a, b)
        return ParsedDate(date(y, m, d).isoformat(), "day") if _valid(y, m, d) else None
    if g["my"]:
        y, m = int(g["my_y"]), _month(g["my_m"])
        return ParsedDate(f"{y:04d}-{m:02d}", "month") if _valid(y, m, 1) else None
    if g["mrel"]:
        if reference is None:
            return None
        shift = {"last": -1, "next": 1, "this": 0}[g["mrel_w"].lower()]
        return ParsedDate(f"{reference.year + shift:04d}-{_month(g['mrel_m']):02d}", "month", True, ref_note)
    if g["relm"]:
        if reference is None:
            return None
        m, word = _month(g["relm_m"]), g["relm_w"].lower()
        y = reference.year
        if word in ("last", "past") and m >= reference.month:
            y -= 1
        elif word in ("next", "coming") and m <= reference.month:
            y += 1
        return ParsedDate(f"{y:04d}-{m:02d}", "month", True, ref_note)
    if g["md"] or g["dm"]:
        k = "md" if g["md"] else "dm"
        m, d = _month(g[f"{k}_m"]), _day(g[f"{k}_d"])
        if not _valid(2024, m, d):
            return None
        if reference is None:
            return ParsedDate(f"--{m:02d}-{d:02d}", "month_day")
        y = _nearest_year(m, d, reference)
        if not _valid(y, m, d):
            return None
        return ParsedDate(date(y, m, d).isoformat(), "day", True, f"year from {reference.isoformat()}")
    if g["mid"]:
        return ParsedDate(g["mid_y"], "year")
    if g["yr"]:
        return ParsedDate(g["yr_y"], "year")
    if reference is None:
        return None
    if g["dayrel"]:
        n = -2 if "before" in g["dayrel_w"].lower() else 2
        return ParsedDate((reference + timedelta(days=n)).isoformat(), "day", True, ref_note)
    if g["word"]:
        n = {"yesterday": -1, "today": 0, "tomorrow": 1}[g["word"].lower()]
        return ParsedDate((reference + timedelta(days=n)).isoformat(), "day", True, ref_note)
    if g["ago"] or g["inn"]:
        k = "ago" if g["ago"] else "inn"
        count = _count(g[f"{k}_n"])
        if count is None:
            return None
        past = k == "ago" and g["ago_w"].lower() == "ago"
        when, granularity = _shift(reference, -count if past else count, g[f"{k}_u"])
        return ParsedDate(_fmt(when, granularity), granularity, True, ref_note)
    if g["rel"]:
        word, unit = g["rel_w"].lower(), g["rel_u"].lower()
        if unit == "week":
            return None
        n = {"last": -1, "next": 1, "coming": 1}.get(word, 0)
        when, _ = _shift(reference, n, unit)
        granularity = "month" if unit == "month" else "year"
        return ParsedDate(_fmt(when, granularity), granularity, True, ref_note)
    if g["relwd"] or g["wd"]:
        word = (g["relwd_w"] or "").lower()
        wd = WEEKDAYS[(g["relwd_d"] or g["wd_d"]).lower().rstrip(".")]
        ahead = (wd - reference.weekday()) % 7
        behind = (reference.weekday() - wd) % 7
        if word in ("next", "coming"):
            delta = ahead or 7
        elif word in ("last", "past"):
            delta = -(behind or 7)
        elif word == "this":
            delta = ahead
        else:
            delta = -behind if behind <= ahead else ahead
        return ParsedDate((reference + timedelta(days=delta)).isoformat(), "day", True, ref_note)
    if g["mo"]:
        m = _month(g["mo_m"])
        y = _nearest_year(m, 15, reference)
        return ParsedDate(f"{y:04d}-{m:02d}", "month", True, f"year from {reference.isoformat()}")
    return None


def parse_year(text: str) -> ParsedDate | None:
    """A bare four-digit year ('1951') at year precision."""
    if re.fullmatch(YEAR, text.strip()):
        return ParsedDate(text.strip(), "year")
    return None


def interval(iso: str) -> tuple[date, date] | None:
    """First and last day an ISO date at its precision covers; None for year-less dates."""
    if iso.startswith("--"):
        return None
    parts = [int(p) for p in iso.split("-")]
    if len(parts) == 1:
        return date(parts[0], 1, 1), date(parts[0], 12, 31)
    if len(parts) == 2:
        y, m = parts
        return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])
    d = date(*parts)
    return d, d


def granularity_of(iso: str) -> str:
    """'2024-07-28' -> 'day', '2024-07' -> 'month', '2024' -> 'year', '--07-28' -> 'month_day'."""
    if iso.startswith("--"):
        return "month_day"
    return {1: "year", 2: "month", 3: "day"}[len(iso.split("-"))]


def parse_iso(text: str) -> date | None:
    """A full ISO date (YYYY-MM-DD) or None."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return None
