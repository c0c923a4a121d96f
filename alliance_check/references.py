"""Reference dates across a corpus: an article that gives no year takes it from the other sources.

A wire story dated only "March 26" is read beside articles that give March 26 in full (or that
were published near it): its "March 26" is that day, and so is its "on Tuesday" when March 26
of that year is a Tuesday. A story that names no day at all is dated like the one dated article
it clearly retells (most of their rare words shared, far more than with any article of another
week), when it says a date only a reference date places ('on Thursday'). Nothing is guessed
when the corpus does not say.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import replace
from datetime import date, timedelta

from alliance_check.models import Article
from alliance_check.normalize.dates import MONTHS, WEEKDAYS, day_date_regex, parse_iso, resolve_match

# where a date written to the day can begin: a digit, a month or weekday name, 'the' ('the 4th of July')
_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_DAY_START = re.compile(
    rf"(?i)(?<![\w])(?=(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?(?:{_MONTHS}\s*\d"
    rf"|(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}(?![a-z]))|\d{{1,4}}[-/.]\d{{1,2}}[-/.]\d)"
)
_WEEKDAY = r"(?:(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+)?"
_MONTH = r"(?P<m>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_DAY = r"(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
# 'March 26', 'Tuesday, March 26', 'Monday, 20 May': a month-day with no year after it
_MONTH_DAY = re.compile(
    rf"(?i)(?<![\w]){_WEEKDAY}(?:{_MONTH}\s+{_DAY}|{_DAY.replace('?P<d>', '?P<d2>')}\s+(?:of\s+)?"
    rf"{_MONTH.replace('?P<m>', '?P<m2>')})\b(?!\s*,?\s*\d)"
)


def _month_days(text: str) -> list[tuple[int, int, int | None]]:
    """(month, day, weekday or None) of every month-day written without a year."""
    out = []
    for m in _MONTH_DAY.finditer(text):
        month = (m.group("m") or m.group("m2")).lower()
        if month == "may" and not (m.group("m") or m.group("m2"))[0].isupper():
            continue  # 'may' the verb
        weekday = WEEKDAYS[m.group("wd").lower()] if m.group("wd") else None
        out.append((MONTHS[month], int(m.group("d") or m.group("d2")), weekday))
    return out


def text_days(text: str, reference: date | None) -> set[date]:
    """The days a text states to the day: full dates, and month-days its reference date places.

    >>> sorted(text_days("Filed on March 4, 2024; heard on May 2.", date(2024, 5, 9)))
    [datetime.date(2024, 3, 4), datetime.date(2024, 5, 2)]
    """
    days: set[date] = set()
    pattern = day_date_regex()
    for start in (m.start() for m in _DAY_START.finditer(text)):
        match = pattern.match(text, start)
        if match is None or not (match.group("mdy") or match.group("dmy") or match.group("sep") or reference):
            continue
        parsed = resolve_match(match, reference)
        if parsed is not None and parsed.granularity == "day":
            days.add(date.fromisoformat(parsed.iso))
    return days


def stated_days(article: Article) -> set[date]:
    """The days an article states: those of its text, and its reference date when it carries one."""
    reference = parse_iso(article.published) if article.published else None
    days = text_days(article.text, reference)
    if reference is not None and article.published_how != "inferred":
        days.add(reference)
    return days


_WEEKDAY_WORD = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")


def corpus_references(articles: list[Article]) -> list[Article]:
    """The articles, where one has no reference date, with the one the corpus gives it.

    Its year-less month-days ('March 26') take the year other sources give that day; failing
    those, its weekdays ('on Tuesday') are the days of that weekday the other sources state most
    often. The reference is the latest day found. An article that names no such day but needs a
    reference ('on Thursday', 'this year') takes the date of the dated article it clearly retells
    (see _retold). The report says the date came from the corpus.

    >>> a = Article("a.txt", "Rescue teams worked through March 26.", published="2024-03-27")
    >>> b = Article("b.txt", "PARIS, March 26 - Divers resumed on Tuesday.")
    >>> corpus_references([a, b])[1].published
    '2024-03-26'
    """
    undated = [i for i, a in enumerate(articles) if a.published is None]
    if not undated:
        return articles
    stated: Counter[date] = Counter()
    for article in articles:
        if article.published is not None:
            stated.update(stated_days(article))
    years: dict[tuple[int, int], Counter[int]] = defaultdict(Counter)
    for day, n in stated.items():
        years[(day.month, day.day)][day.year] += n
    out = list(articles)
    for i in undated:
        text = articles[i].text
        found = [d for month, day, weekday in _month_days(text) if (d := _dated(years, month, day, weekday))]
        if not found:
            weekdays = {WEEKDAYS[w.lower()] for w in _WEEKDAY_WORD.findall(text)}
            best = _weekday_reference(weekdays, stated)
            found = [best] if best else []
        if found:
            out[i] = replace(articles[i], published=max(found).isoformat(), published_how="corpus")
    still = [i for i in undated if out[i].published is None]
    if still:
        own = [
            i
            for i, a in enumerate(articles)
            if a.published is not None and a.published_how not in ("corpus", "inferred")
        ]
        for i, j in _retold(articles, still, own).items():
            if _needs_reference(articles[i].text):  # asked last: it scans the whole text
                out[i] = replace(articles[i], published=articles[j].published, published_how="corpus")
    return out


def _needs_reference(text: str) -> bool:
    """Whether the text says a date only a reference date places ('on Thursday', 'this year')."""
    from alliance_check.mentions import find_mentions

    return any(m.kind == "date" and m.relative for m in find_mentions(text, _ANY_DAY))


_ANY_DAY = date(2000, 1, 1)  # a stand-in reference: what it places is what needs one
_WORD = re.compile(r"[a-z][a-z'-]{3,}")
RETOLD_MIN = 0.25  # cosine of rare-word weights at which an undated article retells a dated one
RETOLD_MARGIN = 2.0  # ... and how many times closer it must be than to any article of another week
RETOLD_WEEK = 7  # days within which two dated articles tell the same moment
RETOLD_RARE = 50  # words of more articles than this do not propose candidates
RETOLD_CANDIDATES = 20  # dated articles compared in full with one undated article


def _retold(articles: list[Article], undated: list[int], dated: list[int]) -> dict[int, int]:
    """For each undated article, the dated one it clearly retells, if any.

    Articles are compared by the cosine of their words' weights (log count times inverse
    document frequency; words of one article alone are left out). The closest dated article is
    taken when it is close (RETOLD_MIN) and RETOLD_MARGIN times closer than any dated article
    published more than RETOLD_WEEK days from it. Candidates come from the article's rare words,
    so the work stays linear in the corpus.
    """
    if not dated:
        return {}
    counts = [Counter(_WORD.findall(articles[i].text.lower())) for i in (*undated, *dated)]
    df: Counter[str] = Counter()
    for c in counts:
        df.update(c.keys())
    n = len(counts)
    vectors = []
    for c in counts:
        v = {w: (1 + math.log(k)) * math.log((n + 1) / df[w]) for w, k in c.items() if df[w] > 1}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vectors.append({w: x / norm for w, x in v.items()})
    undated_vectors, dated_vectors = vectors[: len(undated)], vectors[len(undated) :]
    postings: dict[str, list[int]] = defaultdict(list)
    for k, v in enumerate(dated_vectors):
        for w in v:
            if df[w] <= RETOLD_RARE:
                postings[w].append(k)
    days = [date.fromisoformat(str(articles[j].published)) for j in dated]
    found: dict[int, int] = {}
    for i, v in zip(undated, undated_vectors, strict=True):
        shared: dict[int, float] = defaultdict(float)
        for w, x in v.items():
            for k in postings.get(w, ()):
                shared[k] += x
        candidates = sorted(shared, key=lambda k: (-shared[k], k))[:RETOLD_CANDIDATES]
        scores = sorted(((_cosine(v, dated_vectors[k]), k) for k in candidates), key=lambda t: (-t[0], t[1]))
        if not scores or scores[0][0] < RETOLD_MIN:
            continue
        best, k = scores[0]
        other = max((s for s, m in scores if abs((days[m] - days[k]).days) > RETOLD_WEEK), default=0.0)
        if best >= RETOLD_MARGIN * other:
            found[i] = dated[k]
    return found


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(w, 0.0) for w, x in a.items())


def _weekday_reference(weekdays: set[int], stated: Counter[date]) -> date | None:
    """The stated day that, taken as the reference, puts the article's weekdays on the days the
    corpus states most often (each weekday read as the latest such day up to the reference)."""
    best: tuple[int, date] | None = None
    for reference in sorted(stated):
        if reference.weekday() not in weekdays:
            continue
        score = sum(
            stated.get(reference - timedelta(days=(reference.weekday() - w) % 7), 0) for w in weekdays
        )
        if best is None or score > best[0]:
            best = (score, reference)
    return best[1] if best else None


def _dated(
    years: dict[tuple[int, int], Counter[int]], month: int, day: int, weekday: int | None
) -> date | None:
    """The year the corpus gives a month-day most often (of those on the stated weekday)."""
    counts = years.get((month, day))
    if not counts:
        return None
    candidates = [
        (n, y) for y, n in counts.items() if weekday is None or _weekday_of(y, month, day) == weekday
    ]
    if not candidates:
        return None
    return date(max(candidates)[1], month, day)


def _weekday_of(year: int, month: int, day: int) -> int | None:
    try:
        return date(year, month, day).weekday()
    except ValueError:
        return None
