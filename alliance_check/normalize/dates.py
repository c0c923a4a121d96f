"""Dates as written (absolute, partial, relative) -> ISO strings at their stated precision."""

from __future__ import annotations

import calendar
import re
from collections import defaultdict
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
    r"aims?\s+to|intends?\s+to|wants?\s+to|hopes?\s+to)\b|'ll\b"
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
    return r"(?:" + "|".join(names) + r")(?![a-z])\.?"


def _weekday_re(plural: bool = False) -> str:
    names = sorted(WEEKDAYS, key=len, reverse=True)
    return r"(?:" + "|".join(names) + r")" + (r"s?" if plural else "") + r"(?![a-z])\.?"


ORDINAL_DAYS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "twenty-first": 21, "twenty-second": 22, "twenty-third": 23, "twenty-fourth": 24, "twenty-fifth": 25,
    "twenty-sixth": 26, "twenty-seventh": 27, "twenty-eighth": 28, "twenty-ninth": 29, "thirtieth": 30,
    "thirty-first": 31,
}  # fmt: skip
_ORD_WORDS = "|".join(sorted(ORDINAL_DAYS, key=len, reverse=True)).replace("-", r"[-\s]")
_CARD = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?|"
    r"thirty(?:[-\s]one)?)"
)
DAY = rf"(?:(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?|{_ORD_WORDS})"
DAY_FULL = rf"(?:{DAY}|{_CARD})"
_TEENS = r"(?:eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)"
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_UNITS = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_UNDER_100 = rf"(?:{_TENS}(?:[-\s]{_UNITS})?|ten|{_TEENS}|{_UNITS}|oh[-\s]{_UNITS})"
WORD_YEAR = (
    rf"(?:{_TEENS}\s+(?:hundred(?:\s+and)?\s+)?{_UNDER_100}|{_TEENS}\s+hundred|"
    rf"two\s+thousand(?:\s+and)?(?:\s+{_UNDER_100})?)"
)
DAY_ORD = rf"(?:(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)|{_ORD_WORDS})"
YEAR = r"(?:1\d{3}|20\d{2}|21\d{2})"
ANY_YEAR = rf"(?:{YEAR}|{WORD_YEAR})"
UNIT = r"(?:day|week|month|year|yr|decade)s?"
BASES = r"(?:today|tomorrow|tmrw|yesterday|now)"


@lru_cache(maxsize=1)
def date_regex() -> re.Pattern[str]:
    """All date expressions this module reads, most specific first, as one pattern."""
    return re.compile("|".join(_parts()), re.IGNORECASE)


FULL_DATE_FORMS = ("mdy", "dmy", "sep")


@lru_cache(maxsize=1)
def full_date_regex() -> re.Pattern[str]:
    """Only dates written with day, month and year: a fast pattern for scanning whole texts."""
    return re.compile(
        "|".join(p for p in _parts() if p.split(">", 1)[0][4:] in FULL_DATE_FORMS), re.IGNORECASE
    )


def _parts() -> list[str]:
    m, w, num = _month_re(), _weekday_re(), number_regex()
    rel = r"(?:next|last|this|coming|past|previous|following)"
    wp = _weekday_re(plural=True)
    w_bare = w.removesuffix(r"\.?")
    sep_part = rf"(?:\d{{1,4}}|{m})"
    parts = [
        rf"(?P<mdy>(?:{w},?\s+)?(?P<mdy_m>{m})\s*(?:the\s+)?(?P<mdy_d>{DAY_FULL})"
        rf"(?:\s*,\s*|\s+(?:of\s+|in\s+)?)(?P<mdy_y>{ANY_YEAR}|(?<=of )'?\d{{2}}|'\d{{2}})\b)",
        rf"(?P<dmy>(?:{w},?\s+)?(?:the\s+)?(?P<dmy_d>{DAY_FULL})(?:\s+day)?\s*(?:of\s+)?(?P<dmy_m>{m})"
        rf",?\s+(?:of\s+|in\s+)?(?P<dmy_y>{ANY_YEAR}|(?<=of )'?\d{{2}}|'\d{{2}})\b)",
        rf"(?P<sep>(?:{w},?\s+)?(?P<sep_a>{sep_part})(?P<sep_s>[-/.])(?P<sep_b>{sep_part})(?P=sep_s)(?P<sep_c>{sep_part}))(?![\d/.-]*\d)",
        rf"(?P<lastday>(?:the\s+)?last\s+day\s+(?:of|in)\s+(?P<ld_m>{m})(?:,?\s+(?P<ld_y>{YEAR}))?)",
        rf"(?P<nthm>(?:the\s+)?(?P<nm_n>\d{{1,2}}(?:st|nd|rd|th)|{_ORD_WORDS})\s+month\s+of\s+(?:(?P<nm_w>next|last|this)\s+year|(?P<nm_y>{YEAR})))",
        rf"(?P<my>(?P<my_m>{m})(?:\s+of)?,?\s+(?P<my_y>{ANY_YEAR}|(?<=of )'?\d{{2}}(?!\d)|'\d{{2}}(?!\d))\b)",
        rf"(?P<ym>(?P<ym_y>{YEAR})\s+(?P<ym_m>{m}))",
        rf"(?P<sep2>(?P<s2_a>{sep_part})(?P<s2_s>[-/])(?P<s2_b>{sep_part}))(?![\d/.-]*\d)",
        rf"(?P<mrel>(?P<mrel_m>{m})\s+(?P<mrel_w>last|next|this)\s+year\b)",
        rf"(?P<relm>(?P<relm_w>last|next|this|past|coming)\s+(?P<relm_m>{m})(?!\s+\d))",
        rf"(?P<domrel>(?:the\s+)?(?P<dr_d>{DAY})(?:\s+day)?\s+(?:(?:of\s+)?(?:the\s+)?(?P<dr_w>{rel}|current)\s+|of\s+the\s+)month\b)",
        rf"(?P<md>(?:{w},?\s+)?(?P<md_m>{m})\s*(?:the\s+)?(?P<md_d>{DAY})(?![\w])(?!\s*(?:,\s*)?\d))",
        rf"(?P<dm>(?:{w},?\s+)?(?:the\s+)?(?P<dm_d>{DAY})(?:\s+day)?\s+(?:of\s+)?(?P<dm_m>{m})(?![a-z])(?!\s*,?\s*\d))",
        rf"(?P<wddom>(?P<wdd_w>{w}),?\s+(?:the\s+)?(?P<wdd_d>{DAY_ORD})\b(?!\s*(?:of|day|month|week)))",
        r"(?P<dayrel>(?:the\s+)?day\s+(?P<dayrel_w>before\s+yesterday|after\s+tomorrow|before(?!\s+\w)|after(?!\s+\w)))",
        rf"(?P<offset>(?:in\s+)?(?P<off_n>{num}|a|an)\s+(?P<off_u>{UNIT}|{wp})\s+(?P<off_dir>from|after|before)\s+"
        rf"(?P<off_base>{BASES}|(?:next|last|this)\s+{w}))",
        rf"(?P<ago>(?P<ago_n>{num}|a|an)\s+(?P<ago_u>{UNIT}|{wp})\s+(?P<ago_w>ago|back|from\s+now|hence))",
        rf"(?P<inn>\bin\s+(?P<inn_n>{num}|a|an)\s+(?P<inn_u>{UNIT})(?!\s+(?:ago|from|hence|back)))",
        r"(?P<word>\b(?:yesterday|today|tomorrow|tmrw)\b)",
        r"(?P<elr>(?P<elr_w>earlier|later)\s+(?:this|in\s+the)\s+(?P<elr_u>month|year)\b)",
        rf"(?P<wkd>(?P<wkd_w>next|last|this)\s+week\s+(?P<wkd_d>{w})(?![a-z]))",
        rf"(?P<dwk>(?:on\s+)?(?P<dwk_d>{w})\s+of\s+(?:the\s+)?(?P<dwk_w>next|last|this|following|previous)\s+week\b)",
        rf"(?P<anext>(?P<anext_d>{w})\s+after\s+next\b)",
        r"(?P<rel>(?P<rel_w>last|next|this|coming|current)\s+(?:calendar\s+|fiscal\s+)?(?P<rel_u>week|month|year|yr)\b)",
        rf"(?P<relwd>(?P<relwd_w>last|next|this|coming|past)\s+(?P<relwd_d>{w})(?![a-z]))",
        rf"(?P<wd>\b(?P<wd_d>{w_bare})(?![a-z]))",
        rf"(?P<mid>\b(?P<mid_w>early|mid|late|end|start)[-\s]+(?P<mid_y>{YEAR})\b)",
        r"(?P<mo>\b(?P<mo_m>January|February|March|April|May|June|July|August|September|October|November|"
        r"December)\b)",
        rf"(?P<yr>\b(?P<yr_y>{YEAR}|{WORD_YEAR})\b)",
    ]
    return parts


def _month(text: str) -> int:
    return MONTHS[text.lower().rstrip(".")]


def _day(text: str) -> int:
    word = re.sub(r"[-\s]+", "-", text.lower())
    if word in ORDINAL_DAYS:
        return ORDINAL_DAYS[word]
    digits = re.sub(r"\D", "", text)
    if digits:
        return int(digits)
    parsed = parse_number(text)
    return int(parsed.value) if parsed else 0


def _valid(y: int, m: int, d: int) -> bool:
    return YEAR_MIN <= y <= YEAR_MAX and 1 <= m <= 12 and 1 <= d <= calendar.monthrange(y, m)[1]


def _add_months(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 + months
    y, m = divmod(index, 12)
    return date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


YEAR_SWITCH_DAYS = 243


def _nearest_year(month: int, day: int, reference: date) -> int:
    """The reference's year, unless that puts month/day more than eight months away from it."""
    d = min(day, calendar.monthrange(reference.year, month)[1])
    gap = (date(reference.year, month, d) - reference).days
    if gap > YEAR_SWITCH_DAYS:
        return reference.year - 1
    if gap < -YEAR_SWITCH_DAYS:
        return reference.year + 1
    return reference.year


def _count(text: str) -> int | None:
    if text.lower() in ("a", "an"):
        return 1
    parsed = parse_number(text)
    if parsed is None or parsed.value != int(parsed.value) or parsed.value > 10000:
        return None
    return int(parsed.value)


def shift(reference: date, n: int, unit: str) -> date:
    """The day n units (days, weeks, months, years, or weekdays such as 'fridays') after reference."""
    return _shift(reference, n, unit)


def _shift(reference: date, n: int, unit: str) -> date:
    unit = unit.lower().rstrip("s").rstrip(".")
    if unit in WEEKDAYS:
        wd = WEEKDAYS[unit]
        if n > 0:
            ahead = (wd - reference.weekday()) % 7 or 7
            return reference + timedelta(days=ahead + 7 * (n - 1))
        behind = (reference.weekday() - wd) % 7 or 7
        return reference - timedelta(days=behind + 7 * (-n - 1))
    if unit == "day":
        return reference + timedelta(days=n)
    if unit == "week":
        return reference + timedelta(weeks=n)
    if unit == "month":
        return _add_months(reference, n)
    if unit == "decade":
        return _add_months(reference, 120 * n)
    return _add_months(reference, 12 * n)


def _fmt(d: date, granularity: str) -> str:
    if granularity == "day":
        return d.isoformat()
    if granularity == "month":
        return f"{d.year:04d}-{d.month:02d}"
    return f"{d.year:04d}"


def _weekday_near(reference: date, wd: int, word: str) -> date:
    ahead = (wd - reference.weekday()) % 7
    behind = (reference.weekday() - wd) % 7
    if word in ("next", "coming"):
        return reference + timedelta(days=ahead or 7)
    if word in ("last", "past"):
        return reference - timedelta(days=behind or 7)
    if word == "this":
        return reference + timedelta(days=ahead)
    return reference - timedelta(days=behind) if behind <= ahead else reference + timedelta(days=ahead)


def _base_day(text: str, reference: date) -> date:
    word = " ".join(text.lower().split())
    bases = {"today": 0, "now": 0, "tomorrow": 1, "tmrw": 1, "yesterday": -1}
    if word in bases:
        return reference + timedelta(days=bases[word])
    rel, day = word.split(" ", 1)
    return _weekday_near(reference, WEEKDAYS[day.rstrip(".")], rel)


def _year2(text: str, reference: date | None = None) -> int:
    """A two-digit year: this century unless that is more than ten years after the reference."""
    y = int(text.lstrip("'"))
    if len(text.lstrip("'")) == 2:
        limit = (reference.year if reference else 2026) + 10
        y += 2000 if 2000 + y <= limit else 1900
    return y


def _year_value(text: str, reference: date | None) -> int | None:
    """'2024', '87', 'nineteen ninety six', 'two thousand and fifteen' -> the year."""
    raw = text.strip()
    if re.fullmatch(r"'?\d{2}|\d{4}", raw):
        return _year2(raw, reference)
    words = re.split(r"[\s-]+", raw.lower())
    words = [w for w in words if w != "and"]
    if len(words) >= 2 and words[1] not in ("hundred", "thousand"):
        head = parse_number(words[0])
        tail = parse_number(" ".join(words[1:])) if words[1:] != ["oh"] else None
        if words[1] == "oh" and len(words) == 3:
            tail = parse_number(words[2])
        if head and tail and 10 <= head.value <= 21 and 0 <= tail.value < 100:
            return int(head.value) * 100 + int(tail.value)
        return None
    parsed = parse_number(" ".join(words))
    if parsed and YEAR_MIN <= parsed.value <= YEAR_MAX and parsed.value == int(parsed.value):
        return int(parsed.value)
    return None


def _part(text: str) -> tuple[str, int]:
    """('month', n) for a month name, ('num', n) for digits."""
    if text[0].isalpha():
        return "month", _month(text)
    return "num", int(text)


def _separated(a: str, b: str, c: str, sep: str, reference: date | None) -> ParsedDate | None:
    """'2024-07-28', '7/28/2024', '28.07.2024', '31-Oct-74', 'Sep-23-2020', '2020/Sep/23' ..."""
    parts = [_part(x) for x in (a, b, c)]
    raw = [a, b, c]
    names = [i for i, (k, _) in enumerate(parts) if k == "month"]
    if len(names) > 1:
        return None
    four = [i for i, x in enumerate(raw) if len(x) == 4 and x.isdigit()]
    if len(four) > 1:
        return None
    year_at = four[0] if four else 2
    if not four and (raw[2].isalpha() or len(raw[2]) > 2):
        return None
    y = _year2(raw[year_at], reference)
    rest = [i for i in range(3) if i != year_at]
    if names:
        month_at = names[0]
        day_at = next(i for i in rest if i != month_at)
        m, d = parts[month_at][1], parts[day_at][1]
    else:
        first, second = parts[rest[0]][1], parts[rest[1]][1]
        if year_at == 0:
            m, d = (first, second) if first <= 12 else (second, first)
        elif sep == ".":
            d, m = (first, second) if second <= 12 else (second, first)
        else:
            m, d = (first, second) if first <= 12 else (second, first)
    return _day_date(y, m, d)


def _separated_month(a: str, b: str) -> ParsedDate | None:
    """'Dec-2018', 'Dec/2018', '12-2015', '2015-3': a month of a year (the year in four digits)."""
    pa, pb = _part(a), _part(b)
    if a.isdigit() and len(a) == 4:
        y, (kind, m) = int(a), pb
        if kind == "num" and len(b) == 2 and (y + 1) % 100 == m:
            return None  # '2010-11' is a season, not November 2010
    elif b.isdigit() and len(b) == 4:
        y, (kind, m) = int(b), pa
    else:
        return None
    return ParsedDate(f"{y:04d}-{m:02d}", "month") if _valid(y, m, 1) else None


def _week_start(reference: date, word: str) -> date:
    monday = reference - timedelta(days=reference.weekday())
    shift = {"next": 1, "following": 1, "last": -1, "previous": -1}.get(word, 0)
    return monday + timedelta(weeks=shift)


def parse_date(text: str, reference: date | None = None, year_hint: int | None = None) -> ParsedDate | None:
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
    return resolve_match(match, reference, year_hint)


def _day_date(y: int, m: int, d: int) -> ParsedDate | None:
    return ParsedDate(date(y, m, d).isoformat(), "day") if _valid(y, m, d) else None


def resolve_match(
    match: re.Match[str], reference: date | None, year_hint: int | None = None
) -> ParsedDate | None:
    """Resolve a match of :func:`date_regex` against the reference date.

    ``year_hint`` is the year of an earlier full date in the same text: 'July 12, 2014 ...
    July 13' puts July 13 in 2014, whatever the reference date.
    """
    g: dict[str, str] = defaultdict(str, {k: v for k, v in match.groupdict().items() if v is not None})
    ref_note = f"resolved against {reference.isoformat()}" if reference else None
    if g["mdy"] or g["dmy"]:
        k = "mdy" if g["mdy"] else "dmy"
        y = _year_value(g[f"{k}_y"], reference)
        return _day_date(y, _month(g[f"{k}_m"]), _day(g[f"{k}_d"])) if y else None
    if g["sep"]:
        return _separated(g["sep_a"], g["sep_b"], g["sep_c"], g["sep_s"], reference)
    if g["lastday"]:
        m = _month(g["ld_m"])
        if g["ld_y"]:
            y = int(g["ld_y"])
        elif reference is not None:
            y = _nearest_year(m, 15, reference)
        else:
            return None
        return _day_date(y, m, calendar.monthrange(y, m)[1])
    if g["nthm"]:
        n = _day(g["nm_n"])
        if g["nm_y"]:
            y = int(g["nm_y"])
        elif reference is not None:
            y = reference.year + {"next": 1, "last": -1}.get(g["nm_w"].lower(), 0)
        else:
            return None
        relative = not g["nm_y"]
        note = ref_note if relative else None
        return ParsedDate(f"{y:04d}-{n:02d}", "month", relative, note) if 1 <= n <= 12 else None
    if g["my"] or g["ym"]:
        k = "my" if g["my"] else "ym"
        y = _year_value(g[f"{k}_y"], reference)
        m = _month(g[f"{k}_m"])
        return ParsedDate(f"{y:04d}-{m:02d}", "month") if y and _valid(y, m, 1) else None
    if g["sep2"]:
        return _separated_month(g["s2_a"], g["s2_b"])
    if g["md"] or g["dm"]:
        k = "md" if g["md"] else "dm"
        m, d = _month(g[f"{k}_m"]), _day(g[f"{k}_d"])
        if not _valid(2024, m, d):
            return None
        if year_hint is not None and _valid(year_hint, m, d):
            return ParsedDate(date(year_hint, m, d).isoformat(), "day", True, "year from an earlier date")
        if reference is None:
            return ParsedDate(f"--{m:02d}-{d:02d}", "month_day")
        y = _nearest_year(m, d, reference)
        if not _valid(y, m, d):
            return None
        return ParsedDate(date(y, m, d).isoformat(), "day", True, f"year from {reference.isoformat()}")
    if g["mid"]:
        return ParsedDate(g["mid_y"], "year")
    if g["yr"]:
        y = _year_value(g["yr_y"], reference)
        return ParsedDate(f"{y:04d}", "year") if y else None
    if reference is None:
        return None
    return _relative(g, reference, ref_note)


def _relative(g: dict[str, str], reference: date, note: str | None) -> ParsedDate | None:
    def day(d: date) -> ParsedDate:
        return ParsedDate(d.isoformat(), "day", True, note)

    if g["mrel"]:
        shift = {"last": -1, "next": 1, "this": 0}[g["mrel_w"].lower()]
        return ParsedDate(f"{reference.year + shift:04d}-{_month(g['mrel_m']):02d}", "month", True, note)
    if g["relm"]:
        m, word = _month(g["relm_m"]), g["relm_w"].lower()
        y = reference.year
        if word in ("last", "past") and m >= reference.month:
            y -= 1
        elif word in ("next", "coming") and m <= reference.month:
            y += 1
        return ParsedDate(f"{y:04d}-{m:02d}", "month", True, note)
    if g["domrel"]:
        steps = {"next": 1, "following": 1, "coming": 1, "last": -1, "past": -1, "previous": -1}
        month = _add_months(reference.replace(day=1), steps.get((g["dr_w"] or "this").lower(), 0))
        d = _day(g["dr_d"])
        return day(month.replace(day=d)) if _valid(month.year, month.month, d) else None
    if g["nthm"]:
        y = reference.year + {"next": 1, "last": -1}.get(g["nm_w"].lower(), 0)
        m = int(g["nm_n"])
        return ParsedDate(f"{y:04d}-{m:02d}", "month", True, note) if 1 <= m <= 12 else None
    if g["wddom"]:
        d = _day(g["wdd_d"])
        best: date | None = None
        for months in (-1, 0, 1):
            first = _add_months(reference.replace(day=1), months)
            if _valid(first.year, first.month, d):
                cand = first.replace(day=d)
                if best is None or abs((cand - reference).days) < abs((best - reference).days):
                    best = cand
        return day(best) if best else None
    if g["dayrel"]:
        word = g["dayrel_w"].lower()
        shift = 2 if "tomorrow" in word else -2 if "yesterday" in word else 1 if word == "after" else -1
        return day(reference + timedelta(days=shift))
    if g["word"]:
        return day(_base_day(g["word"], reference))
    if g["offset"]:
        n = _count(g["off_n"])
        if n is None:
            return None
        sign = -1 if g["off_dir"].lower() == "before" else 1
        return day(_shift(_base_day(g["off_base"], reference), sign * n, g["off_u"]))
    if g["ago"] or g["inn"]:
        k = "ago" if g["ago"] else "inn"
        n = _count(g[f"{k}_n"])
        if n is None:
            return None
        past = k == "ago" and g["ago_w"].lower() in ("ago", "back")
        return day(_shift(reference, -n if past else n, g[f"{k}_u"]))
    if g["elr"]:
        granularity = "month" if g["elr_u"].lower() == "month" else "year"
        return ParsedDate(_fmt(reference, granularity), granularity, True, note)
    if g["wkd"] or g["dwk"]:
        k = "wkd" if g["wkd"] else "dwk"
        monday = _week_start(reference, g[f"{k}_w"].lower())
        return day(monday + timedelta(days=WEEKDAYS[g[f"{k}_d"].lower().rstrip(".")]))
    if g["anext"]:
        return day(_shift(reference, 2, g["anext_d"]))
    if g["rel"]:
        word, unit = g["rel_w"].lower(), g["rel_u"].lower()
        if unit == "week":
            return None
        n = {"last": -1, "next": 1, "coming": 1}.get(word, 0)
        unit = "year" if unit == "yr" else unit
        granularity = "month" if unit == "month" else "year"
        return ParsedDate(_fmt(_shift(reference, n, unit), granularity), granularity, True, note)
    if g["relwd"] or g["wd"]:
        word = (g["relwd_w"] or "").lower()
        wd = WEEKDAYS[(g["relwd_d"] or g["wd_d"]).lower().rstrip(".")]
        return day(_weekday_near(reference, wd, word))
    if g["mo"]:
        m = _month(g["mo_m"])
        y = _nearest_year(m, 15, reference)
        return ParsedDate(f"{y:04d}-{m:02d}", "month", True, f"year from {reference.isoformat()}")
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


def parse_iso(text: str) -> date | None:
    """A full ISO date (YYYY-MM-DD) or None."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return None
