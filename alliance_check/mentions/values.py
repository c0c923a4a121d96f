"""Values read one at a time where they can begin: dates, money, percentages, measures with their
units, counts, and the hedges around each ("about 3 billion", "500 or more")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from functools import lru_cache

from alliance_check.mentions.mention import Mention
from alliance_check.normalize.dates import (
    FUTURE_MARKERS,
    MONTHS,
    ORDINAL_DAYS,
    WEEKDAYS,
    date_regex,
    resolve_match,
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
from alliance_check.normalize.units import (
    currency_name_regex,
    currency_symbol_regex,
    dimension,
    parse_currency,
    parse_unit,
    unit_regex,
)
from alliance_check.resources import lexicon


def phrases(words: list[str] | tuple[str, ...]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s*") for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    lex = lexicon()
    num = number_regex()
    money_scale = "|".join(sorted(lex.money_scale_abbreviations, key=len, reverse=True))
    sym, name, unit = currency_symbol_regex(), currency_name_regex(), unit_regex()
    attached = phrases(list(lex.unit_attached)) or "(?!)"
    scale = "|".join(sorted([*lex.number_scales, *lex.scale_abbreviations], key=len, reverse=True))
    date_hedges = {
        **{k: v for k, v in lex.hedges.items() if v in ("lower_bound", "upper_bound")},
        **lex.date_hedges,
    }
    fillers = phrases(lex.date_fillers)
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
            rf"(?i)(?:(?:^|(?<=[\s(]))(?P<h>{hedge_regex()})|(?P<sym>{phrases(symbols)}))\s*$"
        ),
        "date_hedge": re.compile(
            rf"(?i)(?:^|(?<=[\s(]))(?P<h>{phrases(list(date_hedges))})\s+(?:(?:{fillers})\s+)?$"
        ),
        # matched at a position (no slice of the rest of the text for each value)
        "after": re.compile(rf"(?i)\s*(?P<h>{phrases(list(lex.hedges_after))})(?![\w])"),
    }


_MONTH_PREPS = re.compile(
    r"(?i)\b(?:in|on|since|by|until|till|from|of|last|next|this|early|late|mid|through|before|"
    r"after|during|between|and|to)\s+$"
)


# 'the strongest ties in 70 years': after a superlative, 'in N years' is a span, not a date.
_SUPERLATIVE = re.compile(r"(?i)\b(?:most|least|first|best|worst|\w{3,}est)\b")


_FULL_WEEKDAY = re.compile(r"(?i)(monday|tuesday|wednesday|thursday|friday|saturday|sunday)")


_AMBIGUOUS_MONTHS = ("may", "march")


_NEXT_VALUE = re.compile(
    r"(?i)\s*(?:than\s+|to\s+)?(?:the\s+)?(?:year\s+)?(?:[$€£¥\d]|(?:one|two|three|four|five|six|seven|eight|"
    r"nine|ten|twenty|thirty|forty|fifty|hundred|thousand|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"[a-z]*\b)"
)


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
    words = phrases(number_words)
    number = rf"(?<!\w)(?<!\d[.,])(?:\.?\d|-\s?\d|(?i:(?:{words})\b|an?\s+(?={phrases(scale_like)}\b)))"
    date_words = [
        *MONTHS, *WEEKDAYS, *ORDINAL_DAYS, "yesterday", "today", "tomorrow", "tmrw", "last", "next", "this",
        "coming", "upcoming", "past", "previous", "current", "earlier", "later", "early", "mid", "late",
        "end", "start", "the", "in", "on", "day", "fiscal", "financial", "budget", "fy", "q", "year", "close",
        "middle", "beginning", "turn", "tonight", "final",
        *(name.split()[0] for name in lexicon().named_days),
    ]  # fmt: skip
    dates = rf"{number}|(?i:(?<![\w])(?:{phrases(date_words)})(?![a-z])|an?\s+(?={phrases(spans)}\b))"
    # zero-width, so that a sign inside a longer symbol is a start too ('the UK $A7 billion')
    money = rf"(?i:(?<![A-Za-z])(?=(?:{currency_symbol_regex()})))"
    return re.compile(number), re.compile(dates), re.compile(money)


@lru_cache(maxsize=1)
def unit_before_pattern() -> re.Pattern[str]:
    """A unit written before its number: 'magnitude 6.1', 'magnitude-8.1', 'M5.7' (a short
    spelling needs a decimal: 'M16' is a rifle)."""
    lex = lexicon()
    long = [n for n in lex.unit_before if len(n) > 2]
    short = [n for n in lex.unit_before if len(n) <= 2]
    return re.compile(
        rf"(?<![\w-])(?:(?i:(?P<long>{phrases(long) or '(?!)'}))[\s-]+(?P<num>\d+(?:\.\d+)?)"
        rf"|(?P<short>{phrases(short) or '(?!)'})\s?(?P<snum>\d\.\d+))(?![\w.]|\.\d)"
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
    markers = phrases(sorted(lex.span_markers))
    return re.compile(
        rf"(?i)(?:(?:^|(?<=[\s(]))(?:{hedge_regex()})|\b(?:{markers}))\s+(?P<a>an?)\s+(?P<unit>{phrases(names)})(?![\w-])"
    )


def _unit_before_mentions(text: str) -> Iterator[Mention]:
    for m in unit_before_pattern().finditer(text):
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


def value_candidates(text: str, reference: date | None, currency: str | None = None) -> Iterator[Mention]:
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


def with_hedges(text: str, m: Mention) -> Mention:
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
    after = pats["after"].match(text, m.end)
    # '5000 or less' bounds 5000; in '5000 or less than 6000' the words belong to 6000
    if after and not _NEXT_VALUE.match(text, after.end()):
        qualifier = lex.hedges_after[" ".join(after.group("h").lower().split())]
        end = after.end()
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


# a verb in the past right before a day ('said on Thursday', 'announced Friday'): the day is past
_PAST_VERB_BEFORE = re.compile(
    r"(?i)\b(?:said|told|wrote|met|found|[a-z]{3,}ed)\s+(?:(?:on|late|early)\s+)?$"
)


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
        and (not _has_future(text) or _SUPERLATIVE.search(text[max(0, match.start() - 80) : match.start()]))
    ):
        return None
    month = g.get("relm_m") or g.get("mo_m") or ""
    if month.lower() in _AMBIGUOUS_MONTHS and month.islower():
        return None  # 'this may take longer': a verb
    future = FUTURE_MARKERS.search(text, max(0, match.start() - 80), match.end() + 40) is not None
    near = text[max(0, match.start() - 30) : match.start()]
    if future and _PAST_VERB_BEFORE.search(near) and not FUTURE_MARKERS.search(near):
        future = (
            False  # '... are expected to cost more, the ministry said on Thursday': the day is the saying's
        )
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


_BARE = " .,;:!?"
_LIST_WORD = re.compile(r"(?i)\b(?:not|or|and|but)\s*$")


@lru_cache(maxsize=8)
def _bare_bounds(text: str) -> tuple[int, int]:
    """Where the first and the last character of ``text`` that is not a space or a stop stand."""
    first = next((i for i, ch in enumerate(text) if ch not in _BARE), len(text))
    last = next((i for i in range(len(text) - 1, -1, -1) if text[i] not in _BARE), -1)
    return first, last


@lru_cache(maxsize=8)
def _has_future(text: str) -> bool:
    return FUTURE_MARKERS.search(text) is not None


def _is_bare_year(text: str, match: re.Match[str]) -> bool:
    """A year alone, or in a list of years ('after 2010 and before 2018 but not 1998')."""
    first, last = _bare_bounds(text)
    if first >= match.start() and last < match.end():
        return True  # nothing but spaces and stops around it
    lo = match.start()  # the list word ends the text before the year: read only that word
    while lo > 0 and text[lo - 1].isspace():
        lo -= 1
    while lo > 0 and text[lo - 1].isalpha():
        lo -= 1
    return _LIST_WORD.search(text, lo, match.start()) is not None


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
