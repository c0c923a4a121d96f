"""Find numeric and dated mentions in plain text: where they are and what they say.

Pure and model-free: ``extract.py`` runs this on each sentence and adds what the
sentence's syntax says (subject, event, whether a number is a label). Every pattern
proposes candidates; the leftmost, longest one wins where they overlap.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from alliance_check.normalize.dates import (
    FUTURE_MARKERS,
    MONTHS,
    ORDINAL_DAYS,
    WEEKDAYS,
    date_regex,
    resolve_match,
    shift,
    year_context,
)
from alliance_check.normalize.numbers import (
    ParsedNumber,
    hedge_regex,
    number_regex,
    on_grid,
    scale_of,
    split_numbers,
)
from alliance_check.normalize.times import parse_time, time_regex
from alliance_check.normalize.units import (
    currency_name_regex,
    currency_symbol_regex,
    dimension,
    parse_currency,
    parse_unit,
    unit_regex,
)
from alliance_check.resources import Domain, lexicon

NO_DOMAIN = Domain()


@dataclass(frozen=True)
class Mention:
    """One value in the text, with offsets relative to the text scanned."""

    start: int
    end: int
    kind: str
    value: float | str
    unit: str | None = None
    qualifier: str = "exact"
    precision: float | str = 1.0
    value_max: float | str | None = None
    num_start: int = 0
    num_end: int = 0
    spelled: bool = False
    yearlike: bool = False
    compound: str | None = None
    relative: bool = False
    note: str | None = None
    form: str = ""
    shift_days: int | None = None  # a day told from the day last mentioned ('the previous day')
    # the start of the mention this one restates in another unit or currency, in brackets after it
    # ('A$512 billion ($337 billion)', '250 metres (820 feet)'): the same amount, never a conflict
    restates: int | None = None
    earlier: bool = False  # the value before a change ('rose from 14 to 96'): not today's value
    top: int | None = None  # where a range's top end is written: '20 km' in 'between 10 and 20 km'


_BLOCKERS = [
    r"(?i:\b(?:https?://|www\.)\S+)",
    r"\S+@\S+\.\w+",
    r"\[\s*\d+\s*\]",  # footnote markers
    # identifiers: F-35, PAC-3, COVID-19, G7, QF12:30 (not 'mid-2030s', 'Q3', 'FY2024', which are dates)
    r"(?<![\w$€£¥])(?!(?i:mid|early|late|pre|post|end|start)[-‐]\d|Q[1-4]\b|FY\s?\d)[A-Za-z]+[-‐]?\d(?:[\w‐-]|:\d)*",
    r"\b\d+[A-Za-z]+\d[\w]*",  # hashes and codes: 30d1d3624b24
    r"\b\d+\s?[+×x]\s?\d+\b",  # 2+2, 4x4
    r"(?i:\b[a-z]+-plus-[a-z]+\b)",  # 'two-plus-two': a name of a format, not two numbers
    r"\bv\d+(?:\.\d+)+\b|\b\d+\.\d+\.\d+\.\d+\b|\b\d+\.\d+\.\d{1,3}\b(?!\.\d)",  # versions, IPs
    r"\+\d{1,3}[\s.-]?\(?\d{1,4}\)?(?:[\s.-]?\d{2,4}){2,4}",  # phone numbers
    r"\(\d{3}\)\s?\d{3}[-.\s]\d{4}|\b(?:1-)?\d{3}-\d{3}-\d{4}\b|\b(?:1\.)?\d{3}\.\d{3}\.\d{4}\b",
    r"#\d+",
    r"(?<![\w.,])\(?0\d{1,4}\)?(?:[\s-]\d{3,4}){2}(?![\w.,]\d)",  # 020 7946 0958, 0800 123 4567
    r"\b\d+(?:\.\d+)?\s?:\s?\d(?![\d:])|\b\d{3,}:\d+",  # ratios and scales: 3:1, 16:9, 1:50000
    r"\b\d+-(?i:to)-\d+\b",  # a 3-to-1 margin
    r"\b\d+(?:-\d+){3,}\b|\b\d{3}-\d+-\d+\b",  # codes in parts: 123-12-1234 (a date starts with 1, 2 or 4)
]
# times of day: no number may start inside one (they are read as times, see normalize/times.py)
_TIME_BLOCKERS = [
    r"\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?",
    r"\b\d{1,2}\s*[ap]\.?m\.?(?!\w)",
]
PRIORITY = {
    "date": 0,
    "weekday": 0,
    "time": 0,
    "money": 1,
    "percent": 2,
    "unit": 3,
    "compound": 4,
    "count": 5,
}


@lru_cache(maxsize=1)
def _blocker_regex() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in _BLOCKERS))


@lru_cache(maxsize=1)
def _time_blocker_regex() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in _TIME_BLOCKERS))


@lru_cache(maxsize=8)
def _named_numbers(domain: Domain) -> tuple[re.Pattern[str], frozenset[str]]:
    """Names of the domain that contain number words ('two-plus-two'), and those words."""
    lex = lexicon()
    number_words = set(lex.number_units) | set(lex.number_tens)
    names = [
        alias
        for alias in domain.names
        if not any(ch.isdigit() for ch in alias) and number_words & set(re.split(r"[\s-]+", alias))
    ]
    words = frozenset(w for n in names for w in re.split(r"[\s-]+", n) if w in number_words)
    body = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) or "(?!)"
    return re.compile(rf"(?i:(?<!\w)(?:{body})(?!\w))"), words


_LABELLED = re.compile(
    r"\b(?P<label>[A-Za-z]+\.?)\s+\d+[A-Za-z]?(?:\s?[-–]\s?\d+[A-Za-z]?)?\b"
)  # 'pages 12-15'


def _blocked_spans(text: str, domain: Domain) -> list[tuple[int, int]]:
    """Where no value may start: URLs, identifiers, footnotes, times, phone numbers, labels, names."""
    spans = [
        (m.start(), m.end())
        for m in _blocker_regex().finditer(text)
        if not (_is_currency_code(m.group(0)) or _unit_before_pattern().match(text, m.start()))
    ]
    spans += _scores_and_phones(text)
    labels = lexicon().label_words
    spans += [(m.start(), m.end()) for m in _LABELLED.finditer(text) if m.group("label").lower() in labels]
    pattern, words = _named_numbers(domain)
    lowered = text.lower()
    if any(w in lowered for w in words):
        spans += [(m.start(), m.end()) for m in pattern.finditer(text)]
    return spans


_PAIR = re.compile(
    r"(?<![\w.,$€£¥-])(?P<a>\d{1,3})(?P<j>\s?[-–]\s?|\s+to\s+)(?P<b>\d{1,4})(?![\w%°]|[.,]\d|\s?[-–]\s?\d)"
)
_WORD_BEFORE = re.compile(r"(?i)(?:^|\W)(?P<w>[a-z]+)\W*(?:(?:a|an|the|by|of|in|was|is|were)\W+){0,2}$")
_WORD_AFTER = re.compile(r"(?i)^\W*(?:(?:a|an|the)\W+)?(?P<w>[a-z]+)")


def _scores_and_phones(text: str) -> list[tuple[int, int]]:
    """Two numbers that are a score, a vote or a ratio ('won 6-1', 'a 4-2 vote', 'a 5 to 4 decision',
    'a 60-40 split'), or a local telephone number ('call 555-0199'): labels, never values.

    A hyphen between two numbers is a range only when they ascend ('30-45 medics'); a pair that
    descends or stays level ('6-1', '1-1') is a score or a ratio whatever the words around it.
    """
    lex = lexicon()
    out: list[tuple[int, int]] = []
    for m in _PAIR.finditer(text):
        a, b = int(m.group("a")), int(m.group("b"))
        before = _WORD_BEFORE.search(text[max(0, m.start() - 30) : m.start()])
        after = _WORD_AFTER.match(text[m.end() : m.end() + 20])
        near = {x.group("w").lower() for x in (before, after) if x}
        hyphen = "to" not in m.group("j")
        phone = near & lex.phone_words and hyphen and len(m.group("a")) == 3 and len(m.group("b")) == 4
        if phone or (hyphen and a >= b) or near & lex.score_words:
            out.append((m.start(), m.end()))
    return out


def _phrases(words: list[str] | tuple[str, ...]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s*") for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    lex = lexicon()
    num = number_regex()
    money_scale = "|".join(sorted(lex.money_scale_abbreviations, key=len, reverse=True))
    sym, name, unit = currency_symbol_regex(), currency_name_regex(), unit_regex()
    attached = _phrases(list(lex.unit_attached)) or "(?!)"
    scale = "|".join(sorted([*lex.number_scales, *lex.scale_abbreviations], key=len, reverse=True))
    date_hedges = {
        **{k: v for k, v in lex.hedges.items() if v in ("lower_bound", "upper_bound")},
        **lex.date_hedges,
    }
    fillers = _phrases(lex.date_fillers)
    symbols = [h for h in lex.hedges if not h[0].isalpha()]
    return {
        "money_sym": re.compile(
            rf"(?P<cur>{sym})\s?(?P<num>{num})(?:\s?(?P<ms>{money_scale})\b)?", re.IGNORECASE
        ),
        "money_after_sym": re.compile(rf"(?P<num>{num})\s?(?P<cur>{sym})(?![\w$])", re.IGNORECASE),
        "money_name": re.compile(
            rf"(?P<num>{num})[\s-]*(?P<cur>{name})(?:\s+(?P<sc>{scale}))?\b", re.IGNORECASE
        ),
        "percent": re.compile(
            rf"(?P<num>{num})\s*(?P<pc>%|percent(?:age)?s?\b|per\s*cent\b|pct\b|percentage\s+points?\b)",
            re.IGNORECASE,
        ),
        "unit": re.compile(
            rf"(?P<num>{num})(?P<sep>\s*-\s*|\s*)(?:(?P<unit>{unit})(?![\w])|(?-i:(?P<att>{attached}))(?![\w°])|"
            r"(?P<inch>\"|″|''|in(?=\s*(?:$|[.,;)]|"
            r"thick|long|wide|tall|deep|high|across|x\b|by\b))))",
            re.IGNORECASE,
        ),
        "compound": re.compile(rf"(?P<num>{num})-(?P<word>[A-Za-z]+)\b", re.IGNORECASE),
        "count": re.compile(rf"(?<![\w.,/])(?<!\d-)(?P<num>{num})(?![\w/])", re.IGNORECASE),
        "hedge": re.compile(
            rf"(?i)(?:(?:^|(?<=[\s(]))(?P<h>{hedge_regex()})|(?P<sym>{_phrases(symbols)}))\s*$"
        ),
        "date_hedge": re.compile(
            rf"(?i)(?:^|(?<=[\s(]))(?P<h>{_phrases(list(date_hedges))})\s+(?:(?:{fillers})\s+)?$"
        ),
        "after": re.compile(rf"(?i)^\s*(?P<h>{_phrases(list(lex.hedges_after))})(?![\w])"),
    }


_MONTH_PREPS = re.compile(
    r"(?i)\b(?:in|on|since|by|until|till|from|of|last|next|this|early|late|mid|through|before|"
    r"after|during|between|and|to)\s+$"
)
# 'the strongest ties in 70 years': after a superlative, 'in N years' is a span, not a date.
_SUPERLATIVE = re.compile(r"(?i)\b(?:most|least|first|best|worst|\w{3,}est)\b")
_FULL_WEEKDAY = re.compile(r"(?i)(monday|tuesday|wednesday|thursday|friday|saturday|sunday)")
_RANGE_JOIN = re.compile(r"^\s*(?:-|–|—|to|and|through)\s*$", re.IGNORECASE)
_RANGE_OPEN = re.compile(r"(?i)\b(?:between|from)\s+$")
_AMBIGUOUS_MONTHS = ("may", "march")
_NEXT_VALUE = re.compile(
    r"(?i)\s*(?:than\s+|to\s+)?(?:the\s+)?(?:year\s+)?(?:[$€£¥\d]|(?:one|two|three|four|five|six|seven|eight|"
    r"nine|ten|twenty|thirty|forty|fifty|hundred|thousand|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"[a-z]*\b)"
)


@lru_cache(maxsize=1)
def _signal_regex() -> re.Pattern[str]:
    lex = lexicon()
    words = {
        *lex.number_units, *lex.number_tens, *lex.number_scales, *lex.number_multiples, *lex.fractions,
        *(k for k in MONTHS if len(k) > 3), *(k for k in WEEKDAYS if len(k) > 3),
        "today", "tomorrow", "tmrw", "yesterday", "ago", "day", "days", "year", "years", "yr", "month",
        "months", "week", "weeks", "decade", "decades", "fortnight", "hour", "hours", "minute", "minutes",
        "century", "dozen", "percent", "jan", "feb", "mar",
        "morning", "afternoon", "evening", "tonight", "night", "noon", "midday", "midnight", "christmas",
        *(name.split()[0] for name in lex.named_days),
        "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    }  # fmt: skip
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"\d|[%$€£¥₩₹₽]|(?i:\b(?:{alternation}))")


def has_signal(text: str) -> bool:
    """Whether the text has anything a mention could start from: a digit, a number or date word, a
    currency sign. Text without one holds no numeric or dated claim.

    >>> has_signal("The alliance was strengthened."), has_signal("It took two years.")
    (False, True)
    """
    return _signal_regex().search(text) is not None


def find_mentions(
    text: str,
    reference: date | None = None,
    year_hint: int | None = None,
    domain: Domain = NO_DOMAIN,
    currency: str | None = None,
) -> list[Mention]:
    """Every date, amount of money, percentage, measured quantity and count in ``text``.

    ``year_hint`` is the year of the last full date before ``text`` (see ``resolve_match``);
    ``currency`` is what a bare '$' stands for in this article (see ``article_currency``), USD
    when None.

    >>> [(m.kind, m.value, m.unit, m.qualifier) for m in find_mentions("more than 6,000 km away")]
    [('quantity', 6000.0, 'km', 'lower_bound')]
    """
    if not has_signal(text):
        return []
    return list(_find(text, reference, year_hint, domain, currency))


@lru_cache(maxsize=4096)
def _find(
    text: str, reference: date | None, year_hint: int | None, domain: Domain, currency: str | None
) -> tuple[Mention, ...]:
    """find_mentions, remembered: candidate search and extraction read the same sentences."""
    spans = _blocked_spans(text, domain)
    times = list(_time_candidates(text, _Spans(spans)))
    spans += [(m.start(), m.end()) for m in _time_blocker_regex().finditer(text)]
    spans += [(t.start, t.end) for t in times]
    blocked = _Spans(spans)
    candidates = [c for c in _candidates(text, reference, currency) if blocked.free(c.num_start, c.num_end)]
    candidates += times
    chosen: list[Mention] = []
    reached = -1  # candidates come by start, so one overlaps the chosen ones iff it starts before this
    for cand in sorted(candidates, key=lambda c: (c.start, -(c.end - c.start), PRIORITY[c.form])):
        if cand.start >= reached:
            chosen.append(cand)
            reached = cand.end
    ordered = _years_from_context(text, chosen, reference, year_hint)
    ordered = [_offset_from_date(text, m) for m in ordered]
    ordered = _drop_swallowed(ordered)
    hedged = [_with_hedges(text, m) for m in ordered]
    merged = _merge_ranges(text, hedged)
    merged = _join_durations(text, _ages(text, merged))
    return tuple(_days_of_times(_restatements(text, _spans_of_dates(text, merged))))


def _time_candidates(text: str, blocked: _Spans) -> Iterator[Mention]:
    """Times of day ('1:28 a.m.', '0640', 'noon'), outside URLs, identifiers and labels."""
    if not any(ch.isdigit() for ch in text) and "noon" not in text and "night" not in text:
        return
    for match in time_regex().finditer(text):
        time = parse_time(match)
        if time is None or not blocked.free(match.start(), match.end()):
            continue
        yield Mention(
            start=match.start(),
            end=match.end(),
            kind="time",
            value=time.iso,
            precision="second" if time.seconds is not None else "minute",
            num_start=match.start(),
            num_end=match.end(),
            form="time",
        )


def _days_of_times(mentions: list[Mention]) -> list[Mention]:
    """Give each time of day the day a date of the same sentence names: the nearest one stated to
    the day ('1:28 a.m. Tuesday', 'on March 26 at 12:36'); a time with no such date keeps its day
    unknown (extraction may find it in the sentences before)."""
    days = [m for m in mentions if m.kind == "date" and m.precision in ("day", "month_day") and m.value]
    if not days:
        return mentions
    out = []
    for m in mentions:
        if m.kind == "time" and isinstance(m.value, str) and m.value.startswith("T"):
            day = min(days, key=lambda d: min(abs(d.start - m.end), abs(m.start - d.end)))
            m = replace(m, value=f"{day.value}{m.value}", note=f"day from '{day.value}'")
        out.append(m)
    return out


def explicit_year(m: Mention) -> int | None:
    """The year of a date written with its year at day or month precision, else None."""
    if m.kind != "date" or m.relative or not isinstance(m.value, str) or m.value.startswith("--"):
        return None
    return int(m.value[:4]) if m.precision in ("day", "month") else None


def _years_from_context(
    text: str, mentions: list[Mention], reference: date | None, year_hint: int | None
) -> list[Mention]:
    """Give year-less dates the year of the last full date before them in the text.

    A year from an earlier sentence counts only when it is near the reference date: a mention of
    'March 11, 2011' in an article of 2024 does not move a later 'Jan. 1' to 2011.
    """
    out: list[Mention] = []
    hint = year_hint
    if hint is not None and reference is not None and abs(hint - reference.year) > 1:
        hint = None
    for m in mentions:
        if (
            m.kind == "date"
            and hint is not None
            and m.form == "date"
            and (m.note or "").startswith("year from")
        ):
            match = date_regex().fullmatch(text[m.start : m.end])
            parsed = resolve_match(match, reference, hint) if match else None
            if parsed is not None:
                m = replace(m, value=parsed.iso, precision=parsed.granularity, note=parsed.note)
        elif m.kind == "date" and hint is not None and isinstance(m.value, str) and m.value.startswith("--"):
            match = date_regex().fullmatch(text[m.start : m.end])
            parsed = resolve_match(match, reference, hint) if match else None
            if parsed is not None:
                m = replace(
                    m, value=parsed.iso, precision=parsed.granularity, relative=True, note=parsed.note
                )
        hint = explicit_year(m) or hint
        out.append(m)
    return out


@lru_cache(maxsize=1)
def _offset_regex() -> re.Pattern[str]:
    from alliance_check.normalize.dates import UNIT, _weekday_re

    return re.compile(
        rf"(?i)(?:^|(?<=\s))(?:in\s+)?(?P<n>{number_regex()}|a|an)\s+(?P<u>{UNIT}|{_weekday_re(plural=True)})\s+"
        r"(?P<dir>from|after|before)\s+$"
    )


def _offset_from_date(text: str, m: Mention) -> Mention:
    """'3 days after January 12th', '2 weeks before May 13 1999': shift a day by a span."""
    if m.kind != "date" or m.precision != "day" or not isinstance(m.value, str):
        return m
    found = _offset_regex().search(text[max(0, m.start - 40) : m.start])
    if not found:
        return m
    count = split_numbers(found.group("n")) if found.group("n").lower() not in ("a", "an") else None
    n = 1 if count is None else int(count[0][2].value) if len(count) == 1 else None
    if n is None:
        return m
    sign = -1 if found.group("dir").lower() == "before" else 1
    day = shift(date.fromisoformat(m.value), sign * n, found.group("u"))
    start = m.start - (min(40, m.start) - found.start())
    return replace(
        m, start=start, value=day.isoformat(), relative=True, note=f"{found.group(0).strip()} {m.value}"
    )


def _drop_swallowed(mentions: list[Mention]) -> list[Mention]:
    """A date widened over 'N days after' swallows the span it now includes."""
    out: list[Mention] = []
    reach = -1
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if m.end > reach:
            out.append(m)
        reach = max(reach, m.end)
    return out


class _Spans:
    """Blocked stretches of a text, sorted once so that each query is a binary search."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self.starts = [s for s, _ in spans]
        self.reach: list[int] = []  # the furthest end among the spans up to each index
        for _, e in spans:
            self.reach.append(max(e, self.reach[-1]) if self.reach else e)

    def free(self, start: int, end: int) -> bool:
        """No blocked stretch overlaps [start, end)."""
        i = bisect_left(self.starts, end)  # spans[:i] start before ``end``
        return i == 0 or self.reach[i - 1] <= start


def _is_currency_code(text: str) -> bool:
    lex = lexicon()
    letters = re.match(r"[A-Za-z]+", text)
    if not letters:
        return False
    word = letters.group(0)
    # 'USD3.14', 'Rs20', 'RM15': a code or a symbol made of letters, written against its amount
    return word.upper() in lex.currency_codes or lex.currency_symbols.get(word) is not None


@lru_cache(maxsize=1)
def _start_regexes() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Where a number, a date or a currency sign can begin: the only places patterns are tried."""
    lex = lexicon()
    number_words = [*lex.number_units, *lex.number_tens, *lex.number_multiples, *lex.fractions, *lex.negative]
    scale_like = [*lex.number_scales, *lex.number_multiples, *lex.fractions, "hundred"]
    spans = [
        "day",
        "days",
        "week",
        "weeks",
        "month",
        "months",
        "year",
        "years",
        "decade",
        "decades",
        "fortnight",
    ]
    spans += [w + "s" for w in WEEKDAYS] + list(WEEKDAYS)
    words = _phrases(number_words)
    number = rf"(?<!\w)(?<!\d[.,])(?:\.?\d|-\s?\d|(?i:(?:{words})\b|an?\s+(?={_phrases(scale_like)}\b)))"
    date_words = [
        *MONTHS, *WEEKDAYS, *ORDINAL_DAYS, "yesterday", "today", "tomorrow", "tmrw", "last", "next", "this",
        "coming", "upcoming", "past", "previous", "current", "earlier", "later", "early", "mid", "late",
        "end", "start", "the", "in", "on", "day", "fiscal", "financial", "budget", "fy", "q", "year", "close",
        "middle", "beginning", "turn", "tonight", "final",
        *(name.split()[0] for name in lexicon().named_days),
    ]  # fmt: skip
    dates = rf"{number}|(?i:(?<![\w])(?:{_phrases(date_words)})(?![a-z])|an?\s+(?={_phrases(spans)}\b))"
    # zero-width, so that a sign inside a longer symbol is a start too ('the UK $A7 billion')
    money = rf"(?i:(?<![A-Za-z])(?=(?:{currency_symbol_regex()})))"
    return re.compile(number), re.compile(dates), re.compile(money)


@lru_cache(maxsize=1)
def _unit_before_pattern() -> re.Pattern[str]:
    """A unit written before its number: 'magnitude 6.1', 'magnitude-8.1', 'M5.7' (a short
    spelling needs a decimal: 'M16' is a rifle)."""
    lex = lexicon()
    long = [n for n in lex.unit_before if len(n) > 2]
    short = [n for n in lex.unit_before if len(n) <= 2]
    return re.compile(
        rf"(?<![\w-])(?:(?i:(?P<long>{_phrases(long) or '(?!)'}))[\s-]+(?P<num>\d+(?:\.\d+)?)"
        rf"|(?P<short>{_phrases(short) or '(?!)'})\s?(?P<snum>\d\.\d+))(?![\w.]|\.\d)"
    )


@lru_cache(maxsize=1)
def _indefinite_span_pattern() -> re.Pattern[str]:
    """'a week', 'an hour', 'a decade': one unit of time, read as a span only after a hedge or a
    word such as 'for' ('about a month', 'stuck for a week'); 'once a week' is a rate."""
    lex = lexicon()
    names = [
        n
        for n, (code, _) in lex.unit_names.items()
        if dimension(code) == "time" and n.isalpha() and n not in lex.ordinals and not n.endswith("s")
    ]
    markers = _phrases(sorted(lex.span_markers))
    return re.compile(
        rf"(?i)(?:(?:^|(?<=[\s(]))(?:{hedge_regex()})|\b(?:{markers}))\s+(?P<a>an?)\s+(?P<unit>{_phrases(names)})(?![\w-])"
    )


def _unit_before_mentions(text: str) -> Iterator[Mention]:
    for m in _unit_before_pattern().finditer(text):
        word, group = (m.group("long"), "num") if m.group("long") else (m.group("short"), "snum")
        code = lexicon().unit_before.get(word) or lexicon().unit_before.get(word.lower())
        parsed = split_numbers(m.group(group))
        if code is None or len(parsed) != 1:
            continue
        value = parsed[0][2]
        yield Mention(
            start=m.start(),
            end=m.end(),
            kind="quantity",
            value=value.value,
            unit=code,
            precision=value.precision,
            num_start=m.start(group),
            num_end=m.end(group),
            form="unit",
        )


def _indefinite_spans(text: str) -> Iterator[Mention]:
    for m in _indefinite_span_pattern().finditer(text):
        found = parse_unit(m.group("unit"))
        if found is None:
            continue
        unit, multiplier = found
        yield Mention(
            start=m.start("a"),
            end=m.end(),
            kind="duration",
            value=multiplier,
            unit=unit,
            precision=multiplier,
            num_start=m.start("a"),
            num_end=m.end("a"),
            spelled=True,
            form="unit",
        )


def _candidates(text: str, reference: date | None, currency: str | None = None) -> Iterator[Mention]:
    yield from _unit_before_mentions(text)
    yield from _indefinite_spans(text)
    pats = _patterns()
    number_starts, date_starts, money_starts = _start_regexes()
    dates = date_regex()
    for start in sorted({m.start() for m in date_starts.finditer(text)}):
        match = dates.match(text, start)
        if match and (mention := _date_mention(text, match, reference)):
            yield mention
    money_context = _money_context(text)
    for start in sorted({m.start() for m in money_starts.finditer(text)}):
        match = pats["money_sym"].match(text, start)
        if match and (mention := _number_mention("money", match, text, money_context, currency)):
            yield mention
    starts = sorted({m.start() for m in number_starts.finditer(text)})
    for form, pattern in (
        ("money", pats["money_after_sym"]),
        ("money", pats["money_name"]),
        ("percent", pats["percent"]),
        ("unit", pats["unit"]),
        ("compound", pats["compound"]),
    ):
        for start in starts:
            match = pattern.match(text, start)
            if match and (mention := _number_mention(form, match, text, money_context, currency)) is not None:
                yield mention
    covered = -1
    for start in starts:
        if start < covered:
            continue  # inside a run of number tokens already split
        match = pats["count"].match(text, start)
        if not match:
            continue
        covered = match.end()
        base = match.start("num")
        for s, e, parsed in split_numbers(match.group("num")):
            yield _count_mention(base + s, base + e, match.group("num")[s:e], parsed)


def _money_context(text: str) -> bool:
    words = set(re.findall(r"[a-z]+", text.lower()))
    return bool(words & lexicon().money_context) or any(sym in text for sym in ("£", "$", "€"))


def _with_hedges(text: str, m: Mention) -> Mention:
    """Attach a hedge written before ('about 3 billion') or after ('500 or more') the value."""
    lex = lexicon()
    pats = _patterns()
    start, qualifier = m.start, m.qualifier
    window = text[max(0, m.start - 40) : m.start]
    if m.kind in ("date", "time"):
        found = pats["date_hedge"].search(window)
        table = {**lex.hedges, **lex.date_hedges}
    else:
        found = pats["hedge"].search(window)
        table = lex.hedges
    if found:
        group = "h" if found.group("h") else "sym"
        word = " ".join(found.group(group).lower().split())
        if m.qualifier != "range":  # 'around $40-47b': a range stays a range
            qualifier = table.get(word, table.get(word.replace(" ", ""), qualifier))
        start = m.start - (len(window) - found.start(group))
        if m.kind == "duration" and word in lex.duration_spans:
            start, qualifier = m.start, "exact"  # 'over five years' says when, not how long
        if m.form == "date" and m.relative and m.note and qualifier in ("lower_bound", "upper_bound"):
            qualifier = _offset_bound(text[m.start : m.end], word, qualifier)
    end = m.end
    after = pats["after"].match(text[m.end :])
    # '5000 or less' bounds 5000; in '5000 or less than 6000' the words belong to 6000
    if after and not _NEXT_VALUE.match(text[m.end + after.end() :]):
        qualifier = lex.hedges_after[" ".join(after.group("h").lower().split())]
        end = m.end + after.end()
    return replace(m, start=start, end=end, qualifier=qualifier)


def _offset_bound(date_text: str, hedge: str, qualifier: str) -> str:
    """'more than 2 weeks before today' is an upper bound on the date; 'after' a lower one."""
    if not re.search(r"(?i)\b(?:before|ago|after|from)\b", date_text):
        return qualifier
    earlier = re.search(r"(?i)\b(?:before|ago)\b", date_text) is not None
    more = qualifier == "lower_bound"
    if more:
        return "upper_bound" if earlier else "lower_bound"
    return "lower_bound" if earlier else "upper_bound"


def _date_mention(text: str, match: re.Match[str], reference: date | None) -> Mention | None:
    g = match.groupdict()
    before = text[max(0, match.start() - 25) : match.start()]
    if g["yr"]:
        if not (year_context().search(before) or _is_bare_year(text, match)):
            return None
    elif g["mo"]:
        if not (g["mo"][0].isupper() and _MONTH_PREPS.search(before)):
            return None
    elif (g["wd"] and not _FULL_WEEKDAY.fullmatch(g["wd"])) or (
        g["inn"]
        and (
            not FUTURE_MARKERS.search(text)
            or _SUPERLATIVE.search(text[max(0, match.start() - 80) : match.start()])
        )
    ):
        return None
    month = g.get("relm_m") or g.get("mo_m") or ""
    if month.lower() in _AMBIGUOUS_MONTHS and month.islower():
        return None  # 'this may take longer': a verb
    future = FUTURE_MARKERS.search(text, max(0, match.start() - 80), match.end() + 40) is not None
    parsed = resolve_match(match, reference, future=future)
    if parsed is None:
        return None
    return Mention(
        start=match.start(),
        end=match.end(),
        kind="date",
        value=parsed.iso,
        value_max=parsed.end,
        qualifier=parsed.qualifier or "exact",
        precision=parsed.granularity,
        num_start=match.start(),
        num_end=match.end(),
        relative=parsed.relative,
        note=parsed.note,
        form="weekday" if g["wd"] else "date",
        shift_days=parsed.anaphor,
    )


def _is_bare_year(text: str, match: re.Match[str]) -> bool:
    """A year alone, or in a list of years ('after 2010 and before 2018 but not 1998')."""
    rest = (text[: match.start()] + text[match.end() :]).strip(" .,;:!?")
    return rest == "" or bool(re.search(r"(?i)\b(?:not|or|and|but)\s*$", text[: match.start()]))


def _segment(text: str, match: re.Match[str], last: bool) -> tuple[int, int, ParsedNumber] | None:
    """The number next to the unit or symbol, when the number group holds several."""
    segments = split_numbers(match.group("num"))
    if not segments:
        return None
    s, e, parsed = segments[-1] if last else segments[0]
    if (last and e != len(match.group("num").rstrip())) or (not last and s != 0):
        return None
    base = match.start("num")
    return base + s, base + e, parsed


def _number_mention(
    form: str, match: re.Match[str], text: str, money_context: bool, currency: str | None = None
) -> Mention | None:
    lex = lexicon()
    symbol_first = form == "money" and match.re is _patterns()["money_sym"]
    pair = _hyphen_pair(match) if symbol_first else None
    seg = pair[1] if pair else _segment(text, match, last=not symbol_first)
    if seg is None:
        return None
    num_start, num_end, parsed = seg
    value, precision = parsed.value, parsed.precision
    value_min: float | None = None
    unit: str | None = None
    compound: str | None = None
    kind = form
    start = match.start() if symbol_first else num_start
    end = match.end()
    if form == "money":
        cur = match.group("cur")
        if cur.lower() in ("pound", "pounds") and not money_context:
            return None
        unit = parse_currency(cur)
        if currency and " ".join(cur.lower().split()) in lex.bare_currency:
            unit = currency  # a bare '$' in an article that writes its own dollar that way
        scale = (match.groupdict().get("ms") or match.groupdict().get("sc") or "").lower()
        if scale:
            factor = float(
                lex.money_scale_abbreviations.get(scale)
                or lex.number_scales.get(scale)
                or lex.scale_abbreviations.get(scale)
                or 1.0
            )
            value, precision = on_grid(value * factor, precision * factor), precision * factor
        if pair:
            # '$40-47b', '$5-10 million': the scale written once belongs to both ends
            low_start, low_text, low = pair[0]
            value_min = _with_scale(low, low_text, value, text[seg[0] : match.end()])
            num_start = low_start
        if unit is None:
            return None
        opened = text[match.start() - 1 : match.start()] == "(" and text[end : end + 1] == ")"
        if symbol_first and opened and not re.search(r"\d", text[max(0, match.start() - 30) : match.start()]):
            value = -abs(value)  # accounting: 'revenue is ($99.99)'; after an amount it is a conversion
    elif form == "percent":
        unit = "pp" if "point" in match.group("pc").lower() else "%"
    elif form == "unit":
        word = match.group("unit")
        if match.group("att"):  # '40C': a letter that is a unit only against its digits
            if match.group("sep") or not match.group("num")[-1:].isdigit():
                return None
            word = match.group("att")
        if word is None:
            if not match.group("num")[-1:].isdigit():
                return None  # a closing quote after words, not an inch mark
            found: tuple[str, float] | None = ("in", 1.0)
        else:
            attached = lex.unit_attached.get(word) if match.group("att") else None
            found = (attached, 1.0) if attached else parse_unit(word)
            # a short spelling counts in its own case only ('5 m', not '5 M'); '°C' has no case
            short = len(word) <= 2 and word.isalpha() and word not in lex.unit_names and not attached
            if found is None or short:
                return None
            if word.lower() in ("pound", "pounds") and money_context:
                return None
        assert found is not None
        unit, multiplier = found
        if word and not match.group("sep") and word in lex.suffix_scales and _counted_noun_at(text, end):
            return None  # '1.5m people' is a million-fold count, not metres (the count reads it)
        value, precision = on_grid(value * multiplier, precision * multiplier), precision * multiplier
        kind = "duration" if dimension(unit) == "time" else "quantity"
        if "-" in match.group("sep") and word:
            compound = word.lower()
    elif form == "compound":
        compound = match.group("word").lower()
        if compound in lex.number_units or compound in lex.number_tens or compound in lex.fractions:
            return None
        if compound in lex.hedges_after:
            return None
        kind = "count"
    if value_min is not None:
        return Mention(
            start=start,
            end=end,
            kind=kind,
            value=value_min,
            value_max=value,
            qualifier="range",
            unit=unit,
            precision=precision,
            num_start=num_start,
            num_end=num_end,
            form=form,
            top=seg[0],
        )
    return Mention(
        start=start,
        end=end,
        kind=kind,
        value=value,
        unit=unit,
        precision=precision,
        num_start=num_start,
        num_end=num_end,
        spelled=parsed.spelled,
        yearlike=False,
        compound=compound,
        form=form,
    )


_NEXT_WORD = re.compile(r"\s+(?P<w>[a-z]+)\b")


def _counted_noun_at(text: str, at: int) -> bool:
    """A noun of counted things next: 'people', 'homes', 'votes' (not 'long', 'tall', 'sprint')."""
    found = _NEXT_WORD.match(text, at)
    if not found:
        return False
    word, lex = found.group("w"), lexicon()
    measures = {p for d in lex.dimensions.values() for p in (d.get("subject"), *d.get("properties", ()))}
    if word in lex.synonyms and lex.synonyms[word] not in measures:  # 'away', 'tall' say a measure
        return True
    return len(word) > 3 and word.endswith("s") and word not in lex.unit_names and word not in lex.hedges


def _hyphen_pair(
    match: re.Match[str],
) -> tuple[tuple[int, str, ParsedNumber], tuple[int, int, ParsedNumber]] | None:
    """'$40-47b': the two ends of a range written after one currency sign, or None."""
    raw = match.group("num")
    segments = split_numbers(raw)
    if len(segments) != 2 or segments[0][0] != 0 or segments[1][1] != len(raw.rstrip()):
        return None
    (s0, e0, low), (s1, e1, high) = segments
    if not re.fullmatch(r"\s*[-–]\s*", raw[e0:s1]) or not low.value < high.value:
        return None
    base = match.start("num")
    return (base + s0, raw[s0:e0], low), (base + s1, base + e1, high)


def _with_scale(low: ParsedNumber, low_text: str, high: float, high_text: str) -> float:
    """The low end of a range takes the scale written on the high end when it has none of its own
    ('$40-47b', '$5-10 million'), as long as the range still ascends."""
    scale = scale_of(high_text)
    if scale_of(low_text) == 1.0 and scale > 1.0 and low.value * scale < high:
        return on_grid(low.value * scale, low.precision * scale)
    return low.value


def _count_mention(start: int, end: int, raw: str, parsed: ParsedNumber) -> Mention:
    yearlike = raw.isdigit() and len(raw) == 4 and 1000 <= int(raw) <= 2199
    return Mention(
        start=start,
        end=end,
        kind="count",
        value=parsed.value,
        precision=parsed.precision,
        num_start=start,
        num_end=end,
        spelled=parsed.spelled,
        yearlike=yearlike,
        form="count",
    )


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
    """The hedge before a span says when, not how long ('over', 'in': see _with_hedges)."""
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
    words = _phrases(sorted(lexicon().change_words))
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
    words = _phrases(lexicon().open_ends)
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
        rf"(?i)(?:(?:in|within)\s+)?(?P<num>{number_regex()})\s+(?P<unit>{_phrases(names)})"
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
