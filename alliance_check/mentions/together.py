"""Values read together: the two ends of a range, the value a change started from, ages, spans
joined ('two hours and ten minutes'), the spans of counted dates, a weekday with its date in
brackets, and restatements in other units or currencies."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from alliance_check.mentions.mention import Mention
from alliance_check.mentions.values import phrases
from alliance_check.normalize.dates import MONTHS, WEEKDAYS
from alliance_check.normalize.numbers import number_regex, on_grid, scale_of, split_numbers
from alliance_check.normalize.units import dimension, parse_unit
from alliance_check.resources import lexicon


def read_together(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions in order, read with their neighbours: ranges joined, earlier values marked, ages
    and joined spans made durations, the spans of counted dates added, restatements marked.

    >>> from alliance_check.mentions import find_mentions
    >>> [(m.value, m.value_max, m.qualifier) for m in find_mentions("between 10 and 20 km")]
    [(10.0, 20.0, 'range')]
    """
    merged = _weekdays_with_dates(text, _merge_ranges(text, mentions))
    merged = _join_durations(text, _ages(text, merged))
    return _restatements(text, _spans_of_dates(text, merged))


_RANGE_JOIN = re.compile(r"^\s*(?:-|–|—|to|and|through)\s*$", re.IGNORECASE)


_RANGE_OPEN = re.compile(r"(?i)\b(?:between|from)\s+$")


def _merge_ranges(text: str, mentions: list[Mention]) -> list[Mention]:
    """Join two values that are the ends of one range into one range mention: 'between 10 and 20 km',
    'from 3 to 5 million', '$310-$420 billion', 'around 30-45', 'two or three years'.

    'rose from 14 to 96' is a change, not a range: both values stay, the first marked earlier.
    'two, and possibly up to four' is two with four as its top: one range.
    """
    out: list[Mention] = []
    i = 0
    while i < len(mentions):
        m = mentions[i]
        n = mentions[i + 1] if i + 1 < len(mentions) else None
        if n is None or m.kind in ("date", "time") or not _same_measure(m, n):
            out.append(_marked_earlier(text, m))
            i += 1
            continue
        if n.kind == "duration" and m.kind == "count" and _says_when(text, m):
            m = replace(m, start=m.num_start, qualifier="exact")  # 'over five to seven years'
        assert isinstance(m.value, float) and isinstance(n.value, float)
        joiner = text[m.end : n.start]
        word = " ".join(joiner.split()).lower()
        opened = _RANGE_OPEN.search(text[max(0, m.start - 12) : m.start])
        start = m.start - len(opened.group(0)) if opened else m.start
        from_to = opened is not None and opened.group(0).strip().lower() == "from" and word == "to"
        if from_to and (m.value > n.value or _change_before(text, start)):
            out += [replace(m, earlier=True), n]  # 'rose from 14 to 96': two values in time
            i += 2
            continue
        low = _scaled_low(m, n, text)
        ranged = (
            n.qualifier == "exact"
            and low < n.value
            and (
                (_RANGE_JOIN.match(joiner) and (opened or word in ("-", "–", "—", "to")))
                or (word == "or" and n.value <= 2 * low + 1)  # 'one or two years'
            )
            and (opened or m.qualifier in ("exact", "approx"))
        )
        if ranged:
            out.append(
                replace(
                    n,
                    start=start,
                    value=low,
                    value_max=n.value,
                    qualifier="range",
                    num_start=m.num_start,
                    precision=min(float(m.precision) * (low / m.value or 1.0), float(n.precision)),
                    top=n.start,
                )
            )
            i += 2
            continue
        bounded = n.qualifier == "upper_bound" and m.qualifier in ("exact", "approx") and m.value < n.value
        if bounded and _open_end_regex().fullmatch(joiner):
            out.append(
                replace(m, end=n.end, value_max=n.value, qualifier="range", top=n.start)
            )  # 'two, possibly up to four'
            i += 2
            continue
        out.append(_marked_earlier(text, m))
        i += 1
    return out


def _says_when(text: str, m: Mention) -> bool:
    """The hedge before a span says when, not how long ('over', 'in': see with_hedges)."""
    return " ".join(text[m.start : m.num_start].lower().split()) in lexicon().duration_spans


def _same_measure(m: Mention, n: Mention) -> bool:
    """Two numeric mentions that can be the ends of one range: same kind and unit, or a bare
    number before a measured one ('between 10 and 20 km', '40-47 billion dollars')."""
    if not (isinstance(m.value, float) and isinstance(n.value, float)) or n.kind == "date":
        return False
    return (n.kind == m.kind and n.unit == m.unit) or (m.kind == "count" and m.unit is None)


def _scaled_low(m: Mention, n: Mention, text: str) -> float:
    """The low end takes the scale written only on the high end ('$310-$420 billion')."""
    assert isinstance(m.value, float) and isinstance(n.value, float)
    scale = scale_of(text[n.num_start : n.num_end])
    if scale == 1.0 and n.kind == "money":
        scale = scale_of(text[n.num_start : n.end])  # '$700 m' is money ('20 m' is metres)
    if scale > 1.0 and scale_of(text[m.num_start : m.num_end]) == 1.0 and m.value * scale < n.value:
        return on_grid(m.value * scale, float(m.precision) * scale)
    return m.value


@lru_cache(maxsize=1)
def _change_regex() -> re.Pattern[str]:
    words = phrases(sorted(lexicon().change_words))
    return re.compile(rf"(?i)\b(?:{words})\b")


def _change_before(text: str, at: int) -> bool:
    """A word of change shortly before ``at``: 'the toll rose from', 'cut its forecast from'."""
    return _change_regex().search(text, max(0, at - 40), at) is not None


_FROM_BEFORE = re.compile(r"(?i)\bfrom\s+$")


def _marked_earlier(text: str, m: Mention) -> Mention:
    """'up from 31', 'rose to 281 from 31': the value a change started from."""
    found = (
        _FROM_BEFORE.search(text, max(0, m.start - 8), m.start) if m.kind not in ("date", "time") else None
    )
    return replace(m, earlier=True) if found and _change_before(text, found.start()) else m


@lru_cache(maxsize=1)
def _open_end_regex() -> re.Pattern[str]:
    words = phrases(lexicon().open_ends)
    return re.compile(rf"(?i)\s*,?\s*(?:(?:and|or|but)\s+)?(?:{words})\s+")


_AGED = re.compile(r"(?i)\b(?:aged?|ages)\s+(?:between\s+|from\s+)?$")


# 'Ann Lee, 24,' or 'the pilot, 24,': a person, then the age set off by commas
_NAME_BEFORE = re.compile(
    r"(?:(?<![\w,])(?P<name>(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]+)"
    r"|\b(?i:the|a|an|his|her|their|its|our|whose)\s+(?:[a-z-]+\s+){0,2}(?P<role>[a-z][a-z'’-]+)),\s*$"
)


_AGE_AFTER = re.compile(r"\s*(?:[,;)]|\.(?:\s|$)|$|and\b|or\b)")


_AND_BEFORE = re.compile(r"\s*(?:,\s*)?(?:and|or)\s+")


def _ages(text: str, mentions: list[Mention]) -> list[Mention]:
    """A person's age is a span of years: 'Ana Silva, 61, of Porto', 'aged 19 and 44'."""
    out: list[Mention] = []
    previous: Mention | None = None
    for m in mentions:
        if _is_age(text, m, previous):
            m = replace(m, kind="duration", unit="yr", note="age")
        out.append(m)
        previous = m
    return out


_AGE_NUMBERS = re.compile(r"[1-9]\d{0,2}(?:\s*(?:-|–|to|and)\s*[1-9]\d{0,2})?")


def _is_age(text: str, m: Mention, previous: Mention | None) -> bool:
    """Whole years written in digits, after 'aged' or set off by commas after a person."""
    values = [v for v in (m.value, m.value_max) if v is not None]
    if m.kind != "count" or m.spelled or m.unit is not None or m.qualifier not in ("exact", "range"):
        return False
    if not _AGE_NUMBERS.fullmatch(text, m.num_start, m.num_end) or any(float(v) > 120 for v in values):
        return False
    if _AGED.search(text, max(0, m.start - 8), m.start):  # 'aged 26', 'aged between 5 and 12'
        return True
    if previous is not None and previous.note == "age" and _AND_BEFORE.fullmatch(text, previous.end, m.start):
        return True  # 'aged 19 and 44'
    person = _NAME_BEFORE.search(text, max(0, m.start - 60), m.start)
    if m.value_max is not None or not person or not _AGE_AFTER.match(text, m.end):
        return False
    lex = lexicon()
    word = (person.group("name") or person.group("role")).split()[-1].lower().strip(".")
    return not (
        (person.group("name") or "").lower() in lex.place_names
        or word in MONTHS
        or word in WEEKDAYS
        or word in lex.label_words
        or word in lex.number_units
        or word in lex.unit_names
    )


def _join_durations(text: str, mentions: list[Mention]) -> list[Mention]:
    """'two hours and ten minutes', '2 years 6 months': one span, in the smaller unit."""
    lex = lexicon()
    out: list[Mention] = []
    for n in mentions:
        m = out[-1] if out else None
        if (
            m is not None
            and m.kind == n.kind == "duration"
            and m.note is None
            and n.note is None
            and m.qualifier in ("exact", "approx")
            and n.qualifier == "exact"
            and m.value_max is None
            and n.value_max is None
            and isinstance(m.value, float)
            and isinstance(n.value, float)
            and m.unit in lex.units
            and n.unit in lex.units
            and lex.units[m.unit or ""].factor > lex.units[n.unit or ""].factor
            and re.fullmatch(r"\s*,?\s*(?:and\s+)?", text[m.end : n.start])
        ):
            ratio = lex.units[m.unit or ""].factor / lex.units[n.unit or ""].factor
            out[-1] = replace(n, start=m.start, value=m.value * ratio + n.value, qualifier=m.qualifier,
                              num_start=m.num_start)  # fmt: skip
            continue
        out.append(n)
    return out


@lru_cache(maxsize=1)
def _relative_span_regex() -> re.Pattern[str]:
    lex = lexicon()
    names = [n for n, (code, _) in lex.unit_names.items() if dimension(code) == "time" and n.isalpha()]
    return re.compile(
        rf"(?i)(?:(?:in|within)\s+)?(?P<num>{number_regex()})\s+(?P<unit>{phrases(names)})"
        r"(?:\s+(?:ago|from\s+now|later|earlier|hence|time|before|after))?"
    )


def _spans_of_dates(text: str, mentions: list[Mention]) -> list[Mention]:
    """'in three years', '61 years ago': a date counted from another, whose span is also a figure a
    reader checks. The span is given too, as a duration that restates the date."""
    out: list[Mention] = []
    for m in mentions:
        out.append(m)
        if m.kind != "date" or not m.relative:
            continue
        found = _relative_span_regex().fullmatch(text, m.num_start, m.num_end)
        unit = parse_unit(found.group("unit")) if found else None
        numbers = split_numbers(found.group("num")) if found else []
        if found is None or unit is None or len(numbers) != 1:
            continue
        parsed = numbers[0][2]
        code, multiplier = unit
        out.append(
            Mention(
                start=found.start("num"),
                end=found.end("unit"),
                kind="duration",
                value=parsed.value * multiplier,
                unit=code,
                qualifier="approx" if m.qualifier == "approx" else "exact",
                precision=parsed.precision * multiplier,
                num_start=found.start("num"),
                num_end=found.end("num"),
                spelled=parsed.spelled,
                form="unit",
                restates=m.start,
            )
        )
    return out


_BRACKETED_DAY = re.compile(r"\s*\(\s*")
_BRACKET_END = re.compile(r"\s*\)")


def _weekdays_with_dates(text: str, mentions: list[Mention]) -> list[Mention]:
    """'On Monday (Dec 1)': a weekday and the date it is, in brackets, are one day written whole.

    >>> from alliance_check.mentions import find_mentions
    >>> [(m.value, m.relative) for m in find_mentions("It said on Monday (December 1, 2025).")]
    [('2025-12-01', False)]
    """
    out: list[Mention] = []
    for n in mentions:
        m = out[-1] if out else None
        if (
            m is not None
            and m.kind == n.kind == "date"
            and m.precision == n.precision == "day"
            and text[m.start : m.end].lower() in WEEKDAYS
            and _BRACKETED_DAY.fullmatch(text, m.end, n.start)
            and any(ch.isdigit() for ch in text[n.start : n.end])
            and (closed := _BRACKET_END.match(text, n.end)) is not None
        ):
            # read where the weekday stands: the bracket hangs on it, it hangs on the verb
            out[-1] = replace(n, start=m.start, end=closed.end(), num_start=m.num_start, num_end=m.num_end)
            continue
        out.append(n)
    return out


_RESTATED = re.compile(r"\s*(?:[(\[]\s*(?:or\s+|i\.e\.,?\s+|equivalent\s+to\s+)?|,\s*or\s+|/\s*)")


def _restatements(text: str, mentions: list[Mention]) -> list[Mention]:
    """'A$512 billion ($337 billion)', '250 metres (820 feet)', '6,500 km, or 4,000 miles': the second
    amount restates the first in another currency or unit; mark it so it is never a conflict."""
    out: list[Mention] = []
    for n in mentions:
        m = out[-1] if out else None
        if m is not None and n.restates is None and _restates(text, m, n):
            n = replace(n, restates=m.start)
        out.append(n)
    return out


def _restates(text: str, m: Mention, n: Mention) -> bool:
    if m.kind == "date" or n.kind != m.kind or m.kind == "count" or m.kind == "percent":
        return False
    joiner = _RESTATED.fullmatch(text, m.end, n.start)
    if joiner is None:
        return False
    bracket = "(" in joiner.group(0) or "[" in joiner.group(0)
    if m.kind == "money":
        return bracket or m.unit != n.unit
    lex = lexicon()
    a, b = lex.units.get(m.unit or ""), lex.units.get(n.unit or "")
    return a is not None and b is not None and a.dimension == b.dimension and (bracket or a.code != b.code)
