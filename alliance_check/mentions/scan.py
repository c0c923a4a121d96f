"""The scanner's entry: every value in a sentence, the leftmost, longest candidate winning where
they overlap, then read in context (years, days of times) and together (ranges, restatements)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from functools import lru_cache

from alliance_check.mentions.mention import Mention
from alliance_check.mentions.not_claims import Spans, blocked_spans, time_blocker_regex
from alliance_check.mentions.together import read_together
from alliance_check.mentions.values import value_candidates, with_hedges
from alliance_check.normalize.dates import MONTHS, WEEKDAYS, date_regex, resolve_match, shift
from alliance_check.normalize.numbers import number_regex, split_numbers
from alliance_check.normalize.times import parse_time, time_regex
from alliance_check.resources import Domain, lexicon

NO_DOMAIN = Domain()


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

    >>> has_signal("The ministers met in Tokyo."), has_signal("It took two years.")
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


# a value that stops where a longer number goes on ('9' of '9.1p') is a piece of it, not a value
_PIECE = re.compile(r"[.,]\d")


@lru_cache(maxsize=4096)
def _find(
    text: str, reference: date | None, year_hint: int | None, domain: Domain, currency: str | None
) -> tuple[Mention, ...]:
    """find_mentions, remembered: candidate search and extraction read the same sentences."""
    spans = blocked_spans(text, domain)
    times = list(_time_candidates(text, Spans(spans)))
    spans += [(m.start(), m.end()) for m in time_blocker_regex().finditer(text)]
    spans += [(t.start, t.end) for t in times]
    blocked = Spans(spans)
    found = [
        c
        for c in value_candidates(text, reference, currency)
        if blocked.free(c.num_start, c.num_end) and not _PIECE.match(text, c.num_end)
    ]
    found += times
    chosen: list[Mention] = []
    reached = -1  # candidates come by start, so one overlaps the chosen ones iff it starts before this
    for cand in sorted(found, key=lambda c: (c.start, -(c.end - c.start), PRIORITY[c.form])):
        if cand.start >= reached:
            chosen.append(cand)
            reached = cand.end
    ordered = _years_from_context(text, chosen, reference, year_hint)
    ordered = [_offset_from_date(text, m) for m in ordered]
    ordered = _drop_swallowed(ordered)
    hedged = [with_hedges(text, m) for m in ordered]
    return tuple(_days_of_times(read_together(text, hedged)))


def _time_candidates(text: str, blocked: Spans) -> Iterator[Mention]:
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
