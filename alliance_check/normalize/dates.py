"""Dates as written (absolute, partial, relative) -> ISO strings at their stated precision."""

from __future__ import annotations

import calendar
import re
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

from alliance_check.normalize.numbers import number_regex, parse_number
from alliance_check.resources import fold_name, lexicon

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
    r"aims?\s+to|intends?\s+to|wants?\s+to|hopes?\s+to|upcoming)\b|'ll\b"
)
# Words before a bare four-digit number that make it a year ("in 1951", "by 2027"); the date
# hedges of the lexicon ("as early as 2027") count too (see year_context).
_YEAR_WORDS = (
    r"in|since|by|until|till|before|after|from|during|through|throughout|of|circa|"
    r"c\.|ca\.|around|early|late|mid|end of|beginning of|start of|fiscal|fy|year|spring|summer|"
    r"autumn|fall|winter|between|and|to|or|as of|prior to|than|starting|established|founded|"
    r"born|died|est\."
)


@lru_cache(maxsize=1)
def year_context() -> re.Pattern[str]:
    """Words that, just before a bare four-digit number, make it a year."""
    hedges = sorted(
        {*lexicon().date_hedges, *(h for h, q in lexicon().hedges.items() if q != "exact")}, key=len
    )
    words = "|".join(
        [_YEAR_WORDS, *(re.escape(h).replace(r"\ ", r"\s+") for h in reversed(hedges) if h[0].isalpha())]
    )
    return re.compile(rf"(?i)\b(?:{words})\s*-?\s*$")


@dataclass(frozen=True)
class ParsedDate:
    """A date at its stated precision: 'day', 'week', 'month', 'year', or without a year 'month_day'.

    ``end`` is the last unit of a period longer than one unit ('the early 2040s' is 2040 to
    2043); ``qualifier`` is set when the words themselves hedge ('the mid-2030s' is about 2035).
    """

    iso: str
    granularity: str
    relative: bool = False
    note: str | None = None
    end: str | None = None
    qualifier: str | None = None
    anaphor: int | None = None  # days after the day last mentioned ('the previous day': -1)


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
    named = "|".join(_name_pattern(n) for n in _named_days())
    return re.compile("|".join(_parts()).replace("{named}", named or "(?!)"), re.IGNORECASE)


def _named_days() -> list[str]:
    return sorted(lexicon().named_days, key=len, reverse=True)


def _name_pattern(name: str) -> str:
    """'new years day' -> a pattern that also reads "New Year's Day" and "New Year’s Day"."""
    return r"\s+".join(
        re.escape(w[:-1]) + r"['’]?s" if w.endswith("s") else re.escape(w) for w in name.split()
    )


FULL_DATE_FORMS = ("mdy", "dmy", "sep")
DAY_FORMS = (*FULL_DATE_FORMS, "md", "dm")


@lru_cache(maxsize=1)
def day_date_regex() -> re.Pattern[str]:
    """Dates written to the day, with or without their year: for scanning whole texts."""
    return re.compile(
        "|".join(p for p in _parts() if p.split(">", 1)[0][4:] in DAY_FORMS).replace("{named}", "(?!)"),
        re.IGNORECASE,
    )


@lru_cache(maxsize=1)
def full_date_regex() -> re.Pattern[str]:
    """Only dates written with day, month and year: a fast pattern for scanning whole texts."""
    return re.compile(
        "|".join(p for p in _parts() if p.split(">", 1)[0][4:] in FULL_DATE_FORMS).replace("{named}", "(?!)"),
        re.IGNORECASE,
    )


def _parts() -> list[str]:
    m, w, num = _month_re(), _weekday_re(), number_regex()
    rel = r"(?:next|last|this|coming|past|previous|following)"
    wp = _weekday_re(plural=True)
    w_bare = w.removesuffix(r"\.?")
    sep_part = rf"(?:\d{{1,4}}|{m})"
    year_rel = r"(?:this|next|last|current|coming|the)"
    parts = [
        r"(?P<dec>(?:the\s+)?(?:(?P<dec_p>early|mid|late)[-\s]+(?:the\s+)?)?(?P<dec_y>1[5-9]\d0|20\d0|21\d0)['’]?s\b)",
        r"(?P<rdec>(?:(?P<rdec_p>early|mid|late|later|earlier)(?:\s+in)?\s+)?(?:the\s+)?"
        r"(?P<rdec_w>this|next|last|coming)\s+decade\b)",
        rf"(?P<fy>(?:(?:the\s+)?(?:fiscal|financial|budget)\s+(?:year\s+)?|FY\s?)(?P<fy_a>{YEAR}|\d{{2}}\b)"
        rf"(?:[-/–](?P<fy_b>\d{{2}}|{YEAR})\b)?)",
        rf"(?P<yq>(?:the\s+)?(?P<yq_n>first|second|third|fourth|final|last|1st|2nd|3rd|4th)\s+(?P<yq_u>half|quarter)"
        rf"\s+of\s+(?:(?P<yq_y>{YEAR})|(?:the\s+)?(?P<yq_w>{year_rel})?\s*(?:calendar\s+|fiscal\s+)?year)\b"
        rf"|\b(?P<yq_q>Q[1-4])\s*(?P<yq_y2>{YEAR})\b)",
        rf"(?P<ypart>(?:the\s+)?(?P<yp_w>end|close|middle|start|beginning|turn)\s+of\s+(?:(?P<yp_y>{YEAR})|"
        rf"(?:the\s+)?(?P<yp_r>{year_rel})?\s*year)\b|(?P<yp_e>(?:the\s+)?year[-\s]end|mid[-\s]?year)\b)",
        r"(?P<named>(?:(?P<named_w>this|next|last)\s+)?(?P<named_d>{named})(?:,?\s+(?P<named_y>"
        + YEAR
        + r"))?\b)",
        r"(?P<part>(?P<part_w>this|yesterday|tomorrow)\s+(?P<part_p>morning|afternoon|evening)\b|"
        r"(?P<part_t>tonight|last\s+night)\b)",
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
        r"(?P<ana>(?:the\s+)?(?P<ana_w>previous|preceding|following|next|same)\s+day\b|"
        r"(?P<ana_n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+days?\s+"
        r"(?P<ana_d>later|earlier|after|before)(?!\s+[A-Za-z])|(?:the\s+)?day\s+(?P<ana_d2>before|after)(?!\s+\w))",
        r"(?P<dayrel>(?:the\s+)?day\s+(?P<dayrel_w>before\s+yesterday|after\s+tomorrow))",
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
        rf"(?P<relwd>(?P<relwd_w>last|next|this|coming|upcoming|past)\s+(?P<relwd_d>{w})(?![a-z]))",
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
    if word in ("next", "coming", "upcoming"):
        return reference + timedelta(days=ahead or 7)
    if word in ("last", "past"):
        return reference - timedelta(days=behind or 7)
    if word == "this":
        return reference + timedelta(days=ahead)
    # a bare weekday in news is the latest such day, unless the sentence speaks of the future
    return reference + timedelta(days=ahead) if word == "future" else reference - timedelta(days=behind)


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
            # '2010-11', '2054/55': a season or fiscal year, named by the year it ends in
            return ParsedDate(f"{y + 1:04d}", "year", note=f"the year {a}/{b} ends in {y + 1}")
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
    match: re.Match[str], reference: date | None, year_hint: int | None = None, future: bool = False
) -> ParsedDate | None:
    """Resolve a match of :func:`date_regex` against the reference date.

    ``year_hint`` is the year of an earlier full date in the same text: 'July 12, 2014 ...
    July 13' puts July 13 in 2014, whatever the reference date.
    """
    g: dict[str, str] = defaultdict(str, {k: v for k, v in match.groupdict().items() if v is not None})
    ref_note = f"resolved against {reference.isoformat()}" if reference else None
    if g["ana"]:
        shift = _anaphor_shift(g)
        iso = (reference + timedelta(days=shift)).isoformat() if reference else ""
        return ParsedDate(iso, "day", True, ref_note, anaphor=shift)
    period = _period(g, reference, ref_note)
    if period is not None or any(g[k] for k in PERIOD_FORMS):
        return period
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
    return _relative(g, reference, ref_note, future)


def _anaphor_shift(g: dict[str, str]) -> int:
    """'the previous day' -1, 'two days later' +2: days from the day the text last named."""
    if g["ana_w"]:
        return {"previous": -1, "preceding": -1, "same": 0}.get(g["ana_w"].lower(), 1)
    if g["ana_d2"]:
        return -1 if g["ana_d2"].lower() == "before" else 1
    n = _count(g["ana_n"]) or 1
    return -n if g["ana_d"].lower() in ("earlier", "before") else n


PERIOD_FORMS = ("dec", "rdec", "fy", "yq", "ypart", "named", "part")
YEAR_PARTS = {"end": 12, "close": 12, "turn": 12, "middle": 6, "start": 1, "beginning": 1}
# years of a decade that 'early' and 'late' cover
DECADE_PARTS = {"decade": (0, 9), "decade-early": (0, 3), "decade-late": (7, 9)}


def _decade(first_year: int, part: str) -> ParsedDate:
    """A decade as ISO writes it ('204' is the 2040s), early or late in it; its middle is about
    its fifth year ('the mid-2030s' is about 2035)."""
    if part == "mid":
        return ParsedDate(f"{first_year + 5:04d}", "year", qualifier="approx")
    granularity = {"early": "decade-early", "late": "decade-late"}.get(part, "decade")
    return ParsedDate(f"{first_year // 10:03d}", granularity)


def _year_of(word: str, year: str, reference: date | None) -> int | None:
    """The year 'this/next/last year' or a written year names; None when it needs a reference."""
    if year:
        return int(year)
    if reference is None:
        return None
    return reference.year + {"next": 1, "last": -1, "coming": 1}.get(word.lower(), 0)


def _period(g: dict[str, str], reference: date | None, note: str | None) -> ParsedDate | None:
    """Decades and their parts, parts and quarters of a year, fiscal years, named days, and
    parts of a day ('this morning')."""
    if g["dec"]:
        return _decade(int(g["dec_y"]), g["dec_p"].lower())
    if g["rdec"]:
        if reference is None:
            return None
        shift = {"next": 10, "coming": 10, "last": -10}.get(g["rdec_w"].lower(), 0)
        decade = _decade(reference.year // 10 * 10 + shift, g["rdec_p"].lower())
        return replace(decade, relative=True, note=note)
    if g["fy"]:
        a, b = g["fy_a"], g["fy_b"]
        if b:
            year = int(b) if len(b) == 4 else int(a[:2] if len(a) == 4 else "20") * 100 + int(b)
        else:
            year = int(a) if len(a) == 4 else 2000 + int(a)
        return ParsedDate(f"{year:04d}", "year", note=f"fiscal year, named by the year it ends in ({year})")
    if g["yq"]:
        if g["yq_q"]:
            n, unit, year = int(g["yq_q"][1]), "quarter", int(g["yq_y2"])
        else:
            word = g["yq_n"].lower()
            n = {
                "first": 1,
                "1st": 1,
                "second": 2,
                "2nd": 2,
                "third": 3,
                "3rd": 3,
                "fourth": 4,
                "4th": 4,
            }.get(word, 2 if g["yq_u"].lower() == "half" else 4)
            unit = g["yq_u"].lower()
            found = _year_of(g["yq_w"], g["yq_y"], reference)
            if found is None:
                return None
            year = found
        months = 6 if unit == "half" else 3
        first, last = (n - 1) * months + 1, n * months
        if not 1 <= first <= last <= 12:
            return None
        relative = not (g["yq_y"] or g["yq_y2"])
        return ParsedDate(
            f"{year:04d}-{first:02d}", "month", relative, note if relative else None, f"{year:04d}-{last:02d}"
        )
    if g["ypart"]:
        if g["yp_e"]:
            word = "middle" if "mid" in g["yp_e"].lower() else "end"
            found = _year_of("", "", reference)
        else:
            word = g["yp_w"].lower()
            found = _year_of(g["yp_r"], g["yp_y"], reference)
        if found is None:
            return None
        relative = not g["yp_y"]
        return ParsedDate(
            f"{found:04d}-{YEAR_PARTS[word]:02d}", "month", relative, note if relative else None
        )
    if g["named"]:
        month, day = lexicon().named_days[fold_name(g["named_d"])]
        if g["named_y"]:
            return _day_date(int(g["named_y"]), month, day)
        if reference is None:
            return ParsedDate(f"--{month:02d}-{day:02d}", "month_day")
        word = g["named_w"].lower()
        y = (
            reference.year + {"next": 1, "last": -1}.get(word, 0)
            if word
            else _nearest_year(month, day, reference)
        )
        return (
            ParsedDate(date(y, month, day).isoformat(), "day", True, note) if _valid(y, month, day) else None
        )
    if g["part"]:
        if reference is None:
            return None
        word = (g["part_w"] or g["part_t"]).lower()
        shift = {"yesterday": -1, "tomorrow": 1, "last night": -1}.get(" ".join(word.split()), 0)
        return ParsedDate((reference + timedelta(days=shift)).isoformat(), "day", True, note)
    return None


def _relative(
    g: dict[str, str], reference: date, note: str | None, future: bool = False
) -> ParsedDate | None:
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
        shift = 2 if "tomorrow" in g["dayrel_w"].lower() else -2
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
            monday = _week_start(reference, word)
            sunday = monday + timedelta(days=6)
            return ParsedDate(monday.isoformat(), "week", True, note, sunday.isoformat())
        n = {"last": -1, "next": 1, "coming": 1}.get(word, 0)
        unit = "year" if unit == "yr" else unit
        granularity = "month" if unit == "month" else "year"
        return ParsedDate(_fmt(_shift(reference, n, unit), granularity), granularity, True, note)
    if g["relwd"] or g["wd"]:
        word = (g["relwd_w"] or ("future" if future else "")).lower()
        wd = WEEKDAYS[(g["relwd_d"] or g["wd_d"]).lower().rstrip(".")]
        return day(_weekday_near(reference, wd, word))
    if g["mo"]:
        m = _month(g["mo_m"])
        y = _nearest_year(m, 15, reference)
        return ParsedDate(f"{y:04d}-{m:02d}", "month", True, f"year from {reference.isoformat()}")
    return None


def period(iso: str, granularity: str = "", until: object = None) -> tuple[date, date] | None:
    """The days a date covers, to the end of ``until`` when it is a range ('March 3-5', 'last
    week'); None for year-less dates.

    >>> period("2026-03-09", "day", "2026-03-15")
    (datetime.date(2026, 3, 9), datetime.date(2026, 3, 15))
    """
    span = interval(iso, granularity)
    if span is None:
        return None
    if isinstance(until, str) and (end := interval(until)) is not None:
        return span[0], max(span[1], end[1])
    return span


def interval(iso: str, granularity: str = "") -> tuple[date, date] | None:
    """First and last day an ISO date at its precision covers; None for year-less dates.

    >>> interval("203", "decade-late")
    (datetime.date(2037, 1, 1), datetime.date(2039, 12, 31))
    """
    if iso.startswith("--") or not iso[:1].isdigit():
        return None
    iso = iso.split("T", 1)[0]
    if len(iso) == 3:
        first, last = DECADE_PARTS.get(granularity, DECADE_PARTS["decade"])
        decade = int(iso) * 10
        return date(decade + first, 1, 1), date(decade + last, 12, 31)
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
