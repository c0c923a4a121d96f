"""Find numeric and dated mentions in plain text: where they are and what they say.

Pure and model-free: ``extract.py`` runs this on each sentence and adds what the
sentence's syntax says (subject, event, whether a number is a label).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from alliance_check.normalize.dates import FUTURE_MARKERS, YEAR_CONTEXT, date_regex, resolve_match
from alliance_check.normalize.numbers import hedge_regex, number_regex, parse_number
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


_BLOCKERS = [
    r"(?i:\b(?:https?://|www\.)\S+)",
    r"\S+@\S+\.\w+",
    r"\[\s*\d+\s*\]",  # footnote markers
    r"(?<![\w$€£¥])[A-Za-z]+[-‐]?\d[\w‐-]*",  # identifiers: F-35, PAC-3, COVID-19, G7
    r"\b\d+[A-Za-z]+\d[\w]*",  # hashes and codes: 30d1d3624b24
    r"\b\d+\s?[+×x]\s?\d+\b",  # 2+2, 4x4
    r"\bv\d+(?:\.\d+)+\b|\b\d+\.\d+\.\d+\.\d+\b|\b\d+\.\d+\.\d{1,3}\b(?!\.\d)",  # versions, IPs
    r"\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?",  # times of day
    r"\b\d{1,2}\s*[ap]\.?m\.?(?!\w)",
    r"\+\d{1,3}[\s.-]?\(?\d{1,4}\)?(?:[\s.-]?\d{2,4}){2,4}",  # phone numbers
    r"\(\d{3}\)\s?\d{3}-\d{4}|\b\d{3}-\d{3}-\d{4}\b",
    r"#\d+",
    r"\b\d+(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec))",
]


@lru_cache(maxsize=1)
def _blocker_regex() -> re.Pattern[str]:
    lex = lexicon()
    number_words = set(lex.number_units) | set(lex.number_tens)
    names = [
        alias
        for alias in lex.entity_names
        if any(ch.isdigit() for ch in alias) or number_words & set(re.split(r"[\s-]+", alias))
    ]
    alias_re = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    labels = "|".join(re.escape(w) for w in sorted(lex.label_words, key=len, reverse=True))
    parts = [
        *_BLOCKERS,
        rf"(?i:(?<!\w)(?:{alias_re})(?!\w))",
        rf"(?i:\b(?:{labels})\s+\d+[A-Za-z]?\b)",
    ]
    return re.compile("|".join(f"(?:{p})" for p in parts))


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    num = number_regex()
    money_scale = "|".join(sorted(lexicon().money_scale_abbreviations, key=len, reverse=True))
    sym, name, unit = currency_symbol_regex(), currency_name_regex(), unit_regex()
    return {
        "money_sym": re.compile(
            rf"(?P<cur>{sym})\s?(?P<num>{num})(?:\s?(?P<ms>{money_scale})\b)?", re.IGNORECASE
        ),
        "money_name": re.compile(rf"(?P<num>{num})\s*(?P<cur>{name})\b", re.IGNORECASE),
        "percent": re.compile(
            rf"(?P<num>{num})\s*(?P<pc>%|percent\b|per\s*cent\b|pct\b|percentage\s+points?\b)",
            re.IGNORECASE,
        ),
        "unit": re.compile(rf"(?P<num>{num})(?P<sep>\s*-\s*|\s*)(?P<unit>{unit})(?![\w])", re.IGNORECASE),
        "compound": re.compile(rf"(?P<num>{num})-(?P<word>[A-Za-z]+)\b", re.IGNORECASE),
        "number": re.compile(rf"(?<![\w.,])(?P<num>{num})(?![\w])", re.IGNORECASE),
        "hedge": re.compile(rf"(?i)(?:^|(?<=[\s(]))(?P<h>{hedge_regex()})\s*$"),
        "date_hedge": re.compile(
            r"(?i)(?:^|(?<=\s))(?P<h>"
            + "|".join(re.escape(h) for h in sorted(lexicon().date_hedges, key=len, reverse=True))
            + r")\s+$"
        ),
    }


_MONTH_PREPS = re.compile(
    r"(?i)\b(?:in|on|since|by|until|till|from|of|last|next|this|early|late|mid|through|before|"
    r"after|during|between|and|to)\s+$"
)
# 'the strongest ties in 70 years': after a superlative, 'in N years' is a span, not a date.
_SUPERLATIVE = re.compile(r"(?i)\b(?:most|least|first|best|worst|\w{3,}est)\b")
_FULL_WEEKDAY = re.compile(r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)")
_RANGE_JOIN = re.compile(r"^\s*(?:-|–|—|to|and|through)\s*$", re.IGNORECASE)
_RANGE_OPEN = re.compile(r"(?i)\b(?:between|from)\s+$")


class _Spans:
    """Character intervals already taken."""

    def __init__(self) -> None:
        self._spans: list[tuple[int, int]] = []

    def free(self, start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in self._spans)

    def take(self, start: int, end: int) -> None:
        self._spans.append((start, end))


def _hedge_before(text: str, start: int, pattern: re.Pattern[str], table: dict[str, str]) -> tuple[int, str]:
    window = text[max(0, start - 40) : start]
    match = pattern.search(window)
    if not match:
        return start, "exact"
    return start - (len(window) - match.start("h")), table[match.group("h").lower()]


def find_mentions(text: str, reference: date | None = None) -> list[Mention]:
    """Every date, amount of money, percentage, measured quantity and count in ``text``.

    >>> [(m.kind, m.value, m.unit, m.qualifier) for m in find_mentions("more than 6,000 km away")]
    [('quantity', 6000.0, 'km', 'lower_bound')]
    """
    pats = _patterns()
    lex = lexicon()
    blocked = _Spans()
    for match in _blocker_regex().finditer(text):
        blocked.take(match.start(), match.end())
    taken = _Spans()
    found: list[Mention] = []

    for match in date_regex().finditer(text):
        mention = _date_mention(text, match, reference)
        if mention and blocked.free(match.start(), match.end()) and taken.free(match.start(), match.end()):
            taken.take(match.start(), match.end())
            start, qualifier = _hedge_before(text, match.start(), pats["date_hedge"], lex.date_hedges)
            found.append(replace(mention, start=start, qualifier=qualifier))

    def number_mentions(kind: str, pattern: re.Pattern[str]) -> None:
        for match in pattern.finditer(text):
            s, e = match.start(), match.end()
            if not (blocked.free(match.start("num"), match.end("num")) and taken.free(s, e)):
                continue
            if s > 0 and (text[s - 1].isalnum() or text[s - 1] in ".,") and match.group(0)[0] not in "$€£¥₩₹":
                continue
            mention = _number_mention(kind, match)
            if mention is None:
                continue
            taken.take(s, e)
            start, qualifier = _hedge_before(text, s, pats["hedge"], lex.hedges)
            if mention.kind == "duration" and text[start:s].strip().lower() in lex.duration_spans:
                start, qualifier = s, "exact"  # 'over five years' says when, not how long
            found.append(replace(mention, start=start, qualifier=qualifier))

    number_mentions("money", pats["money_sym"])
    number_mentions("money", pats["money_name"])
    number_mentions("percent", pats["percent"])
    number_mentions("unit", pats["unit"])
    number_mentions("compound", pats["compound"])
    number_mentions("count", pats["number"])
    return _merge_ranges(text, sorted(found, key=lambda m: (m.start, m.end)))


def _date_mention(text: str, match: re.Match[str], reference: date | None) -> Mention | None:
    g = match.groupdict()
    before = text[max(0, match.start() - 25) : match.start()]
    if g["yr"]:
        if not YEAR_CONTEXT.search(before):
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
    parsed = resolve_match(match, reference)
    if parsed is None:
        return None
    return Mention(
        start=match.start(),
        end=match.end(),
        kind="date",
        value=parsed.iso,
        precision=parsed.granularity,
        num_start=match.start(),
        num_end=match.end(),
        relative=parsed.relative,
        note=parsed.note,
    )


def _number_mention(kind: str, match: re.Match[str]) -> Mention | None:
    raw = match.group("num")
    parsed = parse_number(raw)
    if parsed is None:
        return None
    value, precision = parsed.value, parsed.precision
    unit: str | None = None
    compound: str | None = None
    out_kind = kind
    if kind == "money":
        unit = parse_currency(match.group("cur"))
        scale = (match.groupdict().get("ms") or "").lower()
        if scale:
            factor = lexicon().money_scale_abbreviations[scale]
            value, precision = value * factor, precision * factor
        if unit is None:
            return None
    elif kind == "percent":
        unit = "pp" if "point" in match.group("pc").lower() else "%"
    elif kind == "unit":
        word = match.group("unit")
        found = parse_unit(word)
        if found is None or (len(word) <= 2 and word not in lexicon().unit_names):
            return None
        unit, multiplier = found
        value, precision = value * multiplier, precision * multiplier
        out_kind = "duration" if dimension(unit) == "time" else "quantity"
        if "-" in match.group("sep"):
            compound = word.lower()
    elif kind == "compound":
        compound = match.group("word").lower()
        out_kind = "count"
    yearlike = (
        out_kind == "count"
        and not parsed.spelled
        and raw.isdigit()
        and len(raw) == 4
        and 1000 <= int(raw) <= 2199
    )
    return Mention(
        start=match.start(),
        end=match.end(),
        kind=out_kind,
        value=value,
        unit=unit,
        precision=precision,
        num_start=match.start("num"),
        num_end=match.end("num"),
        spelled=parsed.spelled,
        yearlike=yearlike,
        compound=compound,
    )


def _merge_ranges(text: str, mentions: list[Mention]) -> list[Mention]:
    """Join 'between 10 and 20 km', 'from 3 to 5 million', '10-20%' into one range mention."""
    out: list[Mention] = []
    i = 0
    while i < len(mentions):
        m = mentions[i]
        if i + 1 < len(mentions) and m.kind != "date":
            n = mentions[i + 1]
            joiner = text[m.end : n.start]
            opened = _RANGE_OPEN.search(text[max(0, m.start - 12) : m.start])
            same = n.kind == m.kind or (m.kind == "count" and m.unit is None and n.kind != "date")
            needs_open = joiner.strip().lower() in ("and", "to", "through")
            if (
                same
                and _RANGE_JOIN.match(joiner)
                and (opened or not needs_open or joiner.strip().lower() == "to")
                and n.qualifier == "exact"
                and isinstance(m.value, float)
                and isinstance(n.value, float)
                and m.value < n.value
            ):
                start = m.start - (len(opened.group(0)) if opened else 0) if opened else m.start
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
