"""Find numeric and dated mentions in plain text: where they are and what they say.

Pure and model-free: ``extract.py`` runs this on each sentence and adds what the
sentence's syntax says (subject, event, whether a number is a label). Every pattern
proposes candidates; the leftmost, longest one wins where they overlap.
"""

from __future__ import annotations

import re
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
from alliance_check.normalize.numbers import ParsedNumber, hedge_regex, number_regex, split_numbers
from alliance_check.normalize.times import parse_time, time_regex
from alliance_check.normalize.units import (
    currency_name_regex,
    currency_symbol_regex,
    dimension,
    parse_currency,
    parse_unit,
    unit_regex,
)
from alliance_check.resources import lexicon


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


_BLOCKERS = [
    r"(?i:\b(?:https?://|www\.)\S+)",
    r"\S+@\S+\.\w+",
    r"\[\s*\d+\s*\]",  # footnote markers
    # identifiers: F-35, PAC-3, COVID-19, G7 (not 'mid-2030s', 'Q3', 'FY2024', which are dates)
    r"(?<![\w$€£¥])(?!(?i:mid|early|late|pre|post|end|start)[-‐]\d|Q[1-4]\b|FY\s?\d)[A-Za-z]+[-‐]?\d[\w‐-]*",
    r"\b\d+[A-Za-z]+\d[\w]*",  # hashes and codes: 30d1d3624b24
    r"\b\d+\s?[+×x]\s?\d+\b",  # 2+2, 4x4
    r"\bv\d+(?:\.\d+)+\b|\b\d+\.\d+\.\d+\.\d+\b|\b\d+\.\d+\.\d{1,3}\b(?!\.\d)",  # versions, IPs
    r"\+\d{1,3}[\s.-]?\(?\d{1,4}\)?(?:[\s.-]?\d{2,4}){2,4}",  # phone numbers
    r"\(\d{3}\)\s?\d{3}-\d{4}|\b\d{3}-\d{3}-\d{4}\b",
    r"#\d+",
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


@lru_cache(maxsize=1)
def _named_numbers() -> tuple[re.Pattern[str], frozenset[str]]:
    """Names of the domain that contain number words ('two-plus-two'), and those words."""
    lex = lexicon()
    number_words = set(lex.number_units) | set(lex.number_tens)
    names = [
        alias
        for alias in lex.entity_names
        if not any(ch.isdigit() for ch in alias) and number_words & set(re.split(r"[\s-]+", alias))
    ]
    words = frozenset(w for n in names for w in re.split(r"[\s-]+", n) if w in number_words)
    body = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) or "(?!)"
    return re.compile(rf"(?i:(?<!\w)(?:{body})(?!\w))"), words


_LABELLED = re.compile(r"\b(?P<label>[A-Za-z]+\.?)\s+\d+[A-Za-z]?\b")


def _blocked_spans(text: str) -> list[tuple[int, int]]:
    """Where no value may start: URLs, identifiers, footnotes, times, phone numbers, labels, names."""
    spans = [
        (m.start(), m.end()) for m in _blocker_regex().finditer(text) if not _is_currency_code(m.group(0))
    ]
    labels = lexicon().label_words
    spans += [(m.start(), m.end()) for m in _LABELLED.finditer(text) if m.group("label").lower() in labels]
    pattern, words = _named_numbers()
    lowered = text.lower()
    if any(w in lowered for w in words):
        spans += [(m.start(), m.end()) for m in pattern.finditer(text)]
    return spans


def _phrases(words: list[str] | tuple[str, ...]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s*") for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    lex = lexicon()
    num = number_regex()
    money_scale = "|".join(sorted(lex.money_scale_abbreviations, key=len, reverse=True))
    sym, name, unit = currency_symbol_regex(), currency_name_regex(), unit_regex()
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
            rf"(?P<num>{num})(?P<sep>\s*-\s*|\s*)(?:(?P<unit>{unit})(?![\w])|(?P<inch>\"|″|''|in(?=\s*(?:$|[.,;)]|"
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
        "months", "week", "weeks", "decade", "decades", "fortnight", "dozen", "percent", "jan", "feb", "mar",
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


def find_mentions(text: str, reference: date | None = None, year_hint: int | None = None) -> list[Mention]:
    """Every date, amount of money, percentage, measured quantity and count in ``text``.

    ``year_hint`` is the year of the last full date before ``text`` (see ``resolve_match``).

    >>> [(m.kind, m.value, m.unit, m.qualifier) for m in find_mentions("more than 6,000 km away")]
    [('quantity', 6000.0, 'km', 'lower_bound')]
    """
    if not has_signal(text):
        return []
    return list(_find(text, reference, year_hint))


@lru_cache(maxsize=4096)
def _find(text: str, reference: date | None, year_hint: int | None) -> tuple[Mention, ...]:
    """find_mentions, remembered: candidate search and extraction read the same sentences."""
    blocked = _blocked_spans(text)
    times = list(_time_candidates(text, blocked))
    blocked += [(m.start(), m.end()) for m in _time_blocker_regex().finditer(text)]
    blocked += [(t.start, t.end) for t in times]
    candidates = [c for c in _candidates(text, reference) if _free(c.num_start, c.num_end, blocked)]
    candidates += times
    chosen: list[Mention] = []
    for cand in sorted(candidates, key=lambda c: (c.start, -(c.end - c.start), PRIORITY[c.form])):
        if all(cand.end <= m.start or cand.start >= m.end for m in chosen):
            chosen.append(cand)
    ordered = _years_from_context(text, sorted(chosen, key=lambda m: m.start), reference, year_hint)
    ordered = [_offset_from_date(text, m) for m in ordered]
    # a date widened over 'N days after' swallows the span it now includes
    ordered = [
        m for m in ordered if not any(o is not m and o.start <= m.start and m.end <= o.end for o in ordered)
    ]
    hedged = [_with_hedges(text, m) for m in ordered]
    return tuple(_days_of_times(_merge_ranges(text, hedged)))


def _time_candidates(text: str, blocked: list[tuple[int, int]]) -> Iterator[Mention]:
    """Times of day ('1:28 a.m.', '0640', 'noon'), outside URLs, identifiers and labels."""
    if not any(ch.isdigit() for ch in text) and "noon" not in text and "night" not in text:
        return
    for match in time_regex().finditer(text):
        time = parse_time(match)
        if time is None or not _free(match.start(), match.end(), blocked):
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


def _free(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return all(end <= s or start >= e for s, e in spans)


def _is_currency_code(text: str) -> bool:
    letters = re.match(r"[A-Za-z]+", text)
    return bool(letters and letters.group(0).upper() in lexicon().currency_codes)


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
    money = rf"(?i:(?<![A-Za-z])(?:{currency_symbol_regex()}))"
    return re.compile(number), re.compile(dates), re.compile(money)


def _candidates(text: str, reference: date | None) -> Iterator[Mention]:
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
        if match and (mention := _number_mention("money", match, text, money_context)):
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
            if match and (mention := _number_mention(form, match, text, money_context)) is not None:
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


def _number_mention(form: str, match: re.Match[str], text: str, money_context: bool) -> Mention | None:
    lex = lexicon()
    symbol_first = form == "money" and match.re is _patterns()["money_sym"]
    seg = _segment(text, match, last=not symbol_first)
    if seg is None:
        return None
    num_start, num_end, parsed = seg
    value, precision = parsed.value, parsed.precision
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
        scale = (match.groupdict().get("ms") or match.groupdict().get("sc") or "").lower()
        if scale:
            factor = lex.money_scale_abbreviations.get(scale) or lex.number_scales.get(scale)
            factor = factor or lex.scale_abbreviations.get(scale)
            if factor:
                value, precision = value * factor, precision * factor
        if unit is None:
            return None
        opened = text[match.start() - 1 : match.start()] == "(" and text[end : end + 1] == ")"
        if symbol_first and opened and not re.search(r"\d", text[max(0, match.start() - 30) : match.start()]):
            value = -abs(value)  # accounting: 'revenue is ($99.99)'; after an amount it is a conversion
    elif form == "percent":
        unit = "pp" if "point" in match.group("pc").lower() else "%"
    elif form == "unit":
        word = match.group("unit")
        if word is None:
            if not match.group("num")[-1:].isdigit():
                return None  # a closing quote after words, not an inch mark
            found: tuple[str, float] | None = ("in", 1.0)
        else:
            found = parse_unit(word)
            if found is None or (len(word) <= 2 and word not in lex.unit_names):
                return None
            if word.lower() in ("pound", "pounds") and money_context:
                return None
        assert found is not None
        unit, multiplier = found
        value, precision = value * multiplier, precision * multiplier
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
    """Join 'between 10 and 20 km', 'from 3 to 5 million', '10-20%' into one range mention."""
    out: list[Mention] = []
    i = 0
    while i < len(mentions):
        m = mentions[i]
        if i + 1 < len(mentions) and m.kind not in ("date", "time"):
            n = mentions[i + 1]
            joiner = text[m.end : n.start]
            opened = _RANGE_OPEN.search(text[max(0, m.start - 12) : m.start])
            same = n.kind == m.kind or (m.kind == "count" and m.unit is None and n.kind != "date")
            word = joiner.strip().lower()
            if (
                same
                and _RANGE_JOIN.match(joiner)
                and (opened or word in ("-", "–", "—", "to"))
                and (opened or m.qualifier == "exact")
                and n.qualifier == "exact"
                and isinstance(m.value, float)
                and isinstance(n.value, float)
                and m.value < n.value
            ):
                start = m.start - len(opened.group(0)) if opened else m.start
                out.append(
                    replace(
                        n,
                        start=start,
                        value=m.value,
                        value_max=n.value,
                        qualifier="range",
                        num_start=m.num_start,
                        precision=min(float(m.precision), float(n.precision)),
                    )
                )
                i += 2
                continue
        out.append(m)
        i += 1
    return out


def clear_caches() -> None:
    """Forget compiled patterns after the aliases change."""
    _blocker_regex.cache_clear()
    _named_numbers.cache_clear()
    _find.cache_clear()
