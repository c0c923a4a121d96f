"""spaCy Doc + Article -> Claims. spaCy stops here: what leaves this module is plain records.

Values come from the rule scanner (mentions/), places from the parser's entities; each claim
gets the frame of what it is about (frames.py). Which sentences are parsed at all is decided in
candidates.py.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache
from itertools import pairwise
from typing import Any

from alliance_check.candidates import candidate_spans, is_bare, is_reference_entry
from alliance_check.frames import (
    PlaceMention,
    SentenceIndex,
    _union,
    article_topics,
    build_frame,
    content_words,
    place_frame,
    subject_text,
)
from alliance_check.mentions import Mention, explicit_year, find_mentions
from alliance_check.models import Article, Block, Claim, Frame
from alliance_check.normalize.dates import interval, parse_iso
from alliance_check.normalize.money import article_currency
from alliance_check.normalize.places import ancestors
from alliance_check.normalize.words import singular
from alliance_check.parses import Parser
from alliance_check.pieces import Piece, PieceCache, State, headers_over
from alliance_check.references import text_days
from alliance_check.resources import Domain, lexicon, load_domain
from alliance_check.settings import Settings

KEEP, ASIDE, DROP, YEAR = "keep", "aside", "drop", "year"
NOT_COMPARED_BACK = "refers back to things already counted: not compared"
NOT_COMPARED_EARLIER = "an earlier or contrasted value: not compared"
NOT_COMPARED_TOP = "the upper end of the range '{}': compared as part of the range"
_DEFINITE_BEFORE = re.compile(r"(?i)\b(?P<w>[a-z]+)\s+$")
_WORDS = re.compile(r"[A-Za-z][A-Za-z'-]+")
SHOWN_AROUND = 300  # characters of an overlong sentence shown on each side of a claim
LONG_SENTENCE = 2000  # characters past which a claim shows its sentence around it, not whole


def _span(doc: Any, start: int, end: int) -> Any:
    return doc.char_span(start, end, alignment_mode="expand")


def _count_status(m: Mention, doc: Any, base: int, sent_text: str, settings: Settings) -> str:
    """Whether a bare number is a claim (KEEP), a claim that only refers back to things already
    counted and is not compared (ASIDE: 'the six workers'), a year naming something (YEAR: 'the
    2021 deal'), or not a claim at all (DROP: a label, 'one of the first')."""
    lex = lexicon()
    if is_bare(sent_text, m):
        return KEEP
    if m.compound is not None and m.compound not in lex.count_compounds:
        return DROP
    span = _span(doc, base + m.num_start, base + m.num_end)
    if span is None:
        return DROP
    root = span.root
    head = root.head
    if m.yearlike:
        if head.tag_ in ("NNS", "NNPS") and root.dep_ == "nummod" and root.i < head.i:
            return KEEP
        names = root.dep_ in ("nummod", "compound", "amod", "npadvmod", "nmod", "quantmod")
        return YEAR if names and root.i < head.i and head.pos_ in ("NOUN", "PROPN") else DROP
    label = root.dep_ in ("nummod", "appos", "npadvmod", "compound")
    if label and ((head.pos_ == "PROPN" and head.i < root.i) or (head.tag_ == "NN" and head.i == root.i - 1)):
        return DROP  # 'Voyager 2', 'Windows 10', 'Note 12': a number after a name or a noun names it
    if m.spelled and isinstance(m.value, float) and m.value <= settings.small_count_max:
        if m.compound is not None:
            return DROP
        if m.value == 1:
            counted = root.dep_ == "nummod" and head.pos_ in ("NOUN", "PROPN") and head.i > root.i
            return KEEP if counted and head.lemma_.lower() not in lex.not_counted_after_one else DROP
        dets = (
            [c for c in head.children if c.dep_ in ("det", "poss", "predet")] if root.dep_ == "nummod" else []
        )
        if any(d.lower_ in lex.definite_determiners or d.dep_ == "poss" for d in dets) or _refers_back(
            m, sent_text
        ):
            return ASIDE
    return KEEP


def _refers_back(m: Mention, text: str) -> bool:
    """'the two nations', 'all six', 'the other four': a small count of things already named."""
    lo = m.start  # a match ends at m.start: the spaces before it and the word before them
    while lo > 0 and text[lo - 1].isspace():
        lo -= 1
    while lo > 0 and text[lo - 1].isalpha():
        lo -= 1
    before = _DEFINITE_BEFORE.search(text, lo, m.start)
    return bool(before and before.group("w").lower() in lexicon().definite_determiners)


_WHEN_AFTER = re.compile(r",?\s+when\b", re.IGNORECASE)
_AS_OF_MARK = re.compile(r"(?i)\b(?:in|as of|at the end of|by the end of|during|of|for)\s+$")


@lru_cache(maxsize=1)
def _previous_value_regex() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in lexicon().previous_value)
    return re.compile(rf"(?i)(?:^|\W)(?:{words})\s+$")


def _is_previous_value(m: Mention, sent_text: str) -> bool:
    """'up from 27.5 trillion yen': an earlier or contrasted value, not the claim of the sentence."""
    return bool(_previous_value_regex().search(sent_text[max(0, m.start - 30) : m.start]))


def _top_claim(make: _ClaimMaker, m: Mention, base: int, whole: Claim, as_of: str | None) -> Claim:
    """The top end of a range as a claim of its own, for readers of ``value`` alone; the range
    itself is what is compared."""
    assert m.top is not None and m.value_max is not None
    return make(
        base + m.top, base + m.end, m.kind, m.value_max, frame=None, unit=m.unit, qualifier="upper_bound",
        as_of=as_of, precision=m.precision, note=NOT_COMPARED_TOP.format(whole.text),
    )  # fmt: skip


class _ClaimMaker:
    """Builds the Claim records of one sentence, with positions from the article."""

    def __init__(self, article: Article, sentence: str, base: int, offset: int = 0) -> None:
        self.article = article
        self.raw = sentence
        # an overlong sentence (a data dump with no full stop) is shown around each claim: the
        # whole of it with each of its thousands of values would make the output grow as its square
        self.long = len(sentence) > LONG_SENTENCE
        self.sentence = "" if self.long else " ".join(sentence.split())
        self.base = base
        self.offset = offset  # where the parsed piece of text starts in the article

    def around(self, start: int, end: int) -> str:
        """The words of an overlong sentence around [start, end) (offsets in the sentence), cut at
        spaces, with '…' where it goes on."""
        raw = self.raw
        lo, hi = max(0, start - SHOWN_AROUND), min(len(raw), end + SHOWN_AROUND)
        if lo > 0:
            space = raw.find(" ", lo, start)
            lo = space + 1 if space != -1 else lo
        if hi < len(raw):
            space = raw.rfind(" ", end, hi)
            hi = space if space != -1 else hi
        shown = " ".join(raw[lo:hi].split())
        return f"{'… ' if lo > 0 else ''}{shown}{' …' if hi < len(raw) else ''}"

    def __call__(
        self,
        start: int,
        end: int,
        kind: str,
        value: float | str,
        *,
        frame: Frame | None,
        value_max: float | str | None = None,
        unit: str | None = None,
        qualifier: str = "exact",
        as_of: str | None = None,
        precision: float | str = 1.0,
        note: str | None = None,
        relative: bool = False,
    ) -> Claim:
        start, end = start + self.offset, end + self.offset
        line, column = self.article.position(start)
        return Claim(
            id=f"{self.article.source}:{line}:{column}",
            source=self.article.source,
            line=line,
            column=column,
            start=start,
            end=end,
            text=self.article.text[start:end],
            sentence=self.around(start - self.offset - self.base, end - self.offset - self.base)
            if self.long
            else self.sentence,
            kind=kind,
            subject=subject_text(frame, kind) if frame is not None else None,
            value=value,
            value_max=value_max,
            unit=unit,
            qualifier=qualifier,
            as_of=as_of,
            precision=precision,
            frame=frame,
            relative=relative,
            note=note,
            label=self.article.label,
            sentence_start=self.offset + self.base,
        )


@dataclass
class _Reading:
    """What reading one article carries from sentence to sentence."""

    year_hint: int | None = None  # the year of the last full date read: 'July 13' after 'July 12, 2014'
    last_day: str | None = None  # the last day named: what 'the previous day' and '1:28 a.m.' refer to
    currency: str | None = None  # what a bare '$' stands for in this article (see article_currency)
    seen: set[tuple[int, int, str]] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)
    days: frozenset[date] = frozenset()  # the days the article states in full
    blocks: tuple[Block, ...] = ()
    headed: tuple[list[Block], list[int], bool] | None = None  # see block_words

    def _anchored(self, day: str) -> str:
        """A weekday read as this week's, moved to the same weekday a week or two before when the
        article states that day and not this one ('on Tuesday' beside 'March 26')."""
        found = date.fromisoformat(day)
        if found in self.days:
            return day
        for weeks in (1, 2):
            earlier = found - timedelta(weeks=weeks)
            if earlier in self.days:
                return earlier.isoformat()
        return day

    def when(self, m: Mention, reference: date | None) -> tuple[str, str | None] | None:
        """A date or time's value, with the day the text last named where it needs one; None
        when it needs a day and none was named."""
        value, note = str(m.value), m.note
        if m.shift_days is not None:
            base = self.last_day or (reference.isoformat() if reference else None)
            if base is None:
                return None
            value = (date.fromisoformat(base) + timedelta(days=m.shift_days)).isoformat()
            note = f"{m.shift_days:+d} day{'s' if abs(m.shift_days) != 1 else ''} from {base}"
        elif m.kind == "time" and value.startswith("T") and self.last_day:
            value, note = self.last_day + value, f"the day last named ({self.last_day})"
        elif m.form == "weekday" and len(value) == 10 and self.days:
            value = self._anchored(value)
        if m.kind == "date" and len(value) == 10 and value[:1].isdigit():
            self.last_day = value
        return value, note

    def _headed(self) -> tuple[list[Block], list[int], bool]:
        """The blocks with headers, indexed once (a table has thousands)."""
        if self.headed is None:
            headed = [b for b in self.blocks if b.context]
            self.headed = (
                headed,
                [b.start for b in headed],
                all(a.end <= b.start for a, b in pairwise(headed)),
            )
        return self.headed

    def state(self) -> State:
        return State(self.year_hint, self.last_day)

    def block_words(self, offset: int) -> tuple[str, ...]:
        """Words of the headers of the table cell at ``offset``, if it is one ('Rebuild cost')."""
        lex = lexicon()
        headed, starts, ordered = self._headed()
        if ordered:  # sorted and apart: only the last block starting at or before offset can hold it
            i = bisect_right(starts, offset) - 1
            headed = headed[i : i + 1] if i >= 0 else []
        for block in headed:
            if block.start <= offset < block.end:
                words = (w.lower() for w in _WORDS.findall(block.context))
                return tuple(dict.fromkeys(w for w in words if w not in lex.light_words and len(w) > 2))
        return ()


_SCOPE_MARK = re.compile(r"(?i)\b(?:in|as of|for|during|of|since)\s+(?:the\s+)?(?:year\s+)?$")
# 'the 2017 fire', 'its 2024 budget': a year that names which one of a recurring thing
_NAMING_YEAR = re.compile(r"(?i)\b(?:the|its|their|his|her|our|this|that)\s+$")
_NOUN_AFTER = re.compile(r"\s+[a-z]")


def _years(dates: list[Mention], text: str, m: Mention | None = None) -> list[str]:
    """The years that scope the figures of a sentence: a fiscal year, or a year stated as the time
    of the figures ('in 2023', 'as of 2024', "last year's budget"). Deadlines ('by 2040') and days
    told from the reference date ('on Tuesday') scope nothing."""
    out = []
    for d in dates:
        before = text[max(0, d.start - 20) : d.start]
        if d.kind == "count":  # 'the 2017 fire': a year the scanner read as a number
            if d is not m and _is_year_count(d, text) and _NAMING_YEAR.search(before):
                out.append(text[d.start : d.end])
            continue
        value = str(d.value)
        if d is m or not value[:4].isdigit() or d.qualifier not in ("exact", "approx"):
            continue
        if text[d.end : d.end + 2] in ("'s", "’s"):  # "last year's budget", "2024's intake"
            out.append(value[:4])
            continue
        if d.relative:
            continue
        if "fiscal" in (d.note or "") or _SCOPE_MARK.search(before):
            out.append(value[:4])
        elif len(value) == 4 and _NAMING_YEAR.search(before) and _NOUN_AFTER.match(text, d.end):
            out.append(value)
    return out


def _is_year_count(m: Mention, text: str) -> bool:
    """A bare four-digit number of the years of news before a noun ('the 2017 fire')."""
    written = text[m.start : m.end]
    return (
        len(written) == 4
        and written.isdigit()
        and 1800 <= int(written) <= 2100
        and bool(_NOUN_AFTER.match(text, m.end))
    )


class _Scopes:
    """The dates of one sentence, read once: the years that scope its figures (see _years) and the
    dates its figures are as of (see as_of), answered for each mention without a scan of all."""

    def __init__(
        self, dates: list[Mention], text: str, published: str | None = None, sent: Any = None
    ) -> None:
        self.scoping: list[tuple[Mention, str]] = [(d, y) for d in dates for y in _years([d], text)]
        self.first: dict[str, int] = {}
        self.second: dict[str, int] = {}
        for j, (_, year) in enumerate(self.scoping):
            if year not in self.first:
                self.first[year] = j
            elif year not in self.second:
                self.second[year] = j
        self.where = {id(d): j for j, (d, _) in enumerate(self.scoping)}
        self.all = tuple(self.first)
        bound = interval(published) if published else None
        # 'two boats next decade': a figure is never counted as of the future
        past = [
            d
            for d in dates
            if isinstance(d.value, str)
            and d.value[:1].isdigit()
            and not (bound is not None and (span := interval(d.value)) is not None and span[0] > bound[1])
        ]
        # 'since 1960, when a magnitude 5.8 tremor ...': the figures after it are of then
        self.when = next((d for d in past if _WHEN_AFTER.match(text, d.end)), None)
        self.eligible = [
            d
            for d in past
            if d.qualifier in ("exact", "approx")
            and (d.relative or _AS_OF_MARK.search(text[max(0, d.start - 20) : d.start]))
        ]
        self.starts = [d.start for d in self.eligible]
        self.ordered = all(a <= b for a, b in pairwise(self.starts))
        # 'a fire that started on Friday has burned 12,400 acres': the day of a relative clause is
        # the time of that clause, not of the figures outside it
        self.sent = sent
        self.clauses: dict[int, tuple[int, int]] = {}  # the span of each relative clause, by its verb
        self.clause = {
            id(d): c for d in self.eligible if (c := _relative_clause(sent, d, self.clauses)) is not None
        }

    def years(self, m: Mention | None) -> tuple[str, ...]:
        """The years that scope ``m`` (see _years); in a relative clause, only the years said there."""
        years = self._years(m)
        if not years or m is None or self.sent is None:
            return years
        # 'the airline, which flies 25 jets today, said deliveries begin in 2027': a figure of a
        # relative clause is scoped by the years said in that clause only ('a deal worth $5m' is
        # no such clause: its figure is of the sentence's time)
        clause = _relative_clause(self.sent, m, self.clauses, ("relcl",))
        if clause is None:
            return years
        inside = {y for d, y in self.scoping if clause[0] <= d.start < clause[1]}
        return tuple(y for y in years if y in inside)

    def _years(self, m: Mention | None) -> tuple[str, ...]:
        """``_years(dates, text, m)``, each year once."""
        j = self.where.get(id(m)) if m is not None else None
        if j is None or self.scoping[j][0] is not m:
            return self.all
        year = self.scoping[j][1]
        if self.first[year] != j:
            return self.all
        if year not in self.second:
            return tuple(y for y in self.all if y != year)
        place = {**self.first, year: self.second[year]}
        return tuple(sorted(self.all, key=place.__getitem__))

    def as_of(self, m: Mention, article: Article) -> str | None:
        """The date a figure is as of: a date of the past near it that says when ('in 2020, 50,000
        troops'), or one it follows in a 'when' clause; else the article's date."""
        if not self.ordered:
            near = (d for d in self.eligible if abs(d.start - m.start) < 80)
        else:
            near = (d for d in self.eligible[bisect_right(self.starts, m.start - 80) :][:1])
            near = (d for d in near if d.start < m.start + 80)
        near = (d for d in near if _inside(self.clause.get(id(d)), m))
        found = next(near, None)
        when = self.when if self.when is not None and self.when.end <= m.start else None
        if when is not None and (found is None or when.start <= found.start):
            found = when
        return str(found.value) if found is not None else article.published


def _told_from_another(m: Mention, text: str) -> bool:
    """A day told only from another date ('on Friday', 'the previous day'); 'Saturday, August 1'
    and 'March 3' write the day whole, though their year comes from the reference date."""
    return (m.relative or m.shift_days is not None) and not any(ch.isdigit() for ch in text[m.start : m.end])


def _relative_clause(
    sent: Any,
    m: Mention,
    known: dict[int, tuple[int, int]] | None = None,
    deps: tuple[str, ...] = ("relcl", "acl"),
) -> tuple[int, int] | None:
    """The span (sentence offsets) of the relative clause a mention is said in, if it is in one;
    ``known`` keeps each clause's span by its verb, so a sentence's clauses are walked once."""
    if sent is None:
        return None
    base = sent.start_char
    span = sent.doc.char_span(base + m.start, base + m.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    for tok in span.root.ancestors:
        if tok.dep_ in deps:
            if known is not None and tok.i in known:
                return known[tok.i]
            first, last = tok.left_edge, tok.right_edge
            clause = first.idx - base, last.idx + len(last) - base
            if known is not None:
                known[tok.i] = clause
            return clause
    return None


def _inside(clause: tuple[int, int] | None, m: Mention) -> bool:
    return clause is None or clause[0] <= m.start < clause[1]


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) meets one of these disjoint sorted spans (see frames._union)."""
    i = bisect_left(spans, (end,))  # spans starting before end are spans[:i]; the last ends latest
    return i > 0 and spans[i - 1][1] > start


def _is_container(idx: SentenceIndex, i: int) -> bool:
    """'San Diego, California', 'Osborne in South Australia': the second only says where the first is
    (not in 'the United Kingdom in San Diego': a country is in no city, as the gazetteer knows)."""
    if i == 0:
        return False
    first, second = idx.places[i - 1].name, idx.places[i].name
    before = idx.text[idx.places[i - 1].end : idx.places[i].start]
    if re.fullmatch(r"\s*(?:,|in|of)\s*", before) is None:
        return False
    return second in ancestors(first) or not (first in ancestors(second) or _is_broad(first))


def _is_broad(name: str) -> bool:
    info = lexicon().places.get(name)
    return info is not None and info.type in ("country", "region")


def _place_claims(
    idx: SentenceIndex,
    make: _ClaimMaker,
    taken: list[tuple[int, int]],
    years: tuple[str, ...],
    context: tuple[str, ...],
    when: str | None,
) -> Iterator[Claim]:
    """Places the sentence names as where something is or happened; a possessive ('Japan's') or a
    container after a comma says whose or where, and is not a claim of its own."""
    lex = lexicon()
    for i, place in enumerate(idx.places):
        tok = place.root
        if _overlaps(taken, place.start, place.end):
            continue  # inside a value: 'US$3bn'
        if tok.dep_ == "poss" or idx.text[place.end : place.end + 2] in ("'s", "’s") or _is_container(idx, i):
            continue
        if (
            tok.i + 1 < len(tok.doc)
            and tok.doc[tok.i + 1].text in ("-", "–")
            and tok.doc[tok.i + 1].whitespace_ == ""
        ):
            continue  # 'Virginia-class': a name, not a place
        frame = place_frame(idx, place, years=years, context=context)
        role = frame.role if frame else ""
        info = lex.places.get(place.name)
        # a country or a sea is where an actor or a region is, rarely a checkable place of an event
        # (a voyage 'from Singapore' or 'to Sri Lanka' is a place of its own all the same; buying
        # 'from the US' is not)
        journey = frame is not None and bool({frame.head, frame.verb, *frame.terms} & lex.motion_words)
        broad = (
            info is not None
            and info.type in ("country", "region")
            and not (role in ("from", "to", "into") and journey)
        )
        # 'the port of Baltimore' names a place; 'the strike group of Washington' an owner
        named_place = role.endswith(" of") and role.removesuffix(" of") in lex.facility_nouns
        # a place that is what the clause is about ('the bridge collapsed', 'New Key Bridge could
        # be finished by 2028', 'Canberra pledged') is a thing or a government, not where
        locative = (role in lex.locative_prepositions or named_place) and not broad
        container = _container(idx, i)
        yield make(
            place.start,
            place.end,
            "place",
            place.name,
            frame=frame if locative else None,
            value_max=container,
            as_of=when,
            precision=info.type if info else "unknown",
            note=None if locative else "names a country, a region or a place without an event: not compared",
        )


def _container(idx: SentenceIndex, i: int) -> str | None:
    """The place written right after this one as its container ('San Diego, California')."""
    if i + 1 < len(idx.places) and _is_container(idx, i + 1):
        return idx.places[i + 1].name
    return None


def extract_claims(
    doc: Any,
    article: Article,
    settings: Settings | None = None,
    offset: int = 0,
    reading: _Reading | None = None,
    domain: Domain | None = None,
) -> Iterator[Claim]:
    """Every claim in a parsed article, or in a parsed piece of it starting at ``offset``.

    >>> claims = list(extract_claims(nlp(text), article))  # doctest: +SKIP
    """
    settings = settings or Settings()
    domain = domain or load_domain(settings.domains, settings.aliases)
    reference = parse_iso(article.published) if article.published else None
    reading = (
        reading
        if reading is not None
        else _Reading(blocks=article.blocks, currency=article_currency(article.text, article.currency))
    )
    seen = reading.seen
    previous: tuple[str, ...] = ()
    doc_text = doc.text  # spaCy joins every token for each .text: once per doc and per sentence
    for sent in doc.sents:
        base = sent.start_char
        sent_text = doc_text[base : sent.end_char]
        if not sent_text.strip() or is_reference_entry(article, sent, offset, sent_text):
            continue
        mentions = find_mentions(sent_text, reference, reading.year_hint, domain, reading.currency)
        for m in mentions:
            reading.year_hint = explicit_year(m) or reading.year_hint
        dates = [m for m in mentions if m.kind == "date"]
        named = [m for m in mentions if m.kind == "count" and _is_year_count(m, sent_text)]
        taken = [(base + m.start, base + m.end) for m in mentions]
        idx = SentenceIndex(sent, domain, taken, doc_text)
        taken = _union(taken)
        scopes = _Scopes([*dates, *named], sent_text, article.published, sent)
        cell = reading.block_words(offset + base)
        context = (*previous, *cell)
        previous = content_words(sent)
        make = _ClaimMaker(article, sent_text, base, offset)
        sentence_claims: list[Claim] = []
        by_start: dict[int, Claim] = {}  # the claim of each mention, by where it starts in the sentence
        for m in mentions:
            status = _count_status(m, doc, base, sent_text, settings) if m.kind == "count" else KEEP
            if status == DROP:
                continue
            years = scopes.years(m)  # before a year read as a count is made a date: not its own scope
            if status == YEAR:
                m = replace(m, kind="date", value=f"{int(float(m.value)):04d}", precision="year", form="date")
            frame = build_frame(
                idx, base + m.num_start, base + m.num_end, years=years, context=context,
                when=m.kind in ("date", "time"), lasts=m.kind == "duration",
            )  # fmt: skip
            if frame is not None and not frame.head and cell:
                # a table cell: its row and column headers say what it is ('Passengers a day')
                frame = replace(frame, head=singular(cell[0]), terms=tuple(map(singular, cell)))
            if m.kind in ("date", "time"):
                when = reading.when(m, reference)
                if when is None:
                    continue
                claim = make(
                    base + m.start, base + m.end, m.kind, when[0], frame=frame, value_max=m.value_max,
                    qualifier=m.qualifier, precision=m.precision, note=when[1],
                    relative=_told_from_another(m, sent_text),
                )  # fmt: skip
            else:
                note = m.note
                restated = by_start.get(m.restates) if m.restates is not None else None
                if m.earlier or _is_previous_value(m, sent_text):
                    frame, note = None, NOT_COMPARED_EARLIER
                elif status == ASIDE:
                    frame, note = None, NOT_COMPARED_BACK
                elif restated is not None and restated.frame is None:
                    frame, note = None, restated.note  # the same value, set aside as its first telling
                elif restated is not None and frame is not None:
                    # the same figure in another unit: which of several it is, it is too ('the next
                    # $US1 billion ($1.5 billion)')
                    order = frame.order or (restated.frame.order if restated.frame else 0)
                    frame = replace(frame, restates=restated.id, order=order)
                as_of = scopes.as_of(m, article)
                claim = make(
                    base + m.start, base + m.end, m.kind, m.value, frame=frame, value_max=m.value_max,
                    unit=m.unit, qualifier=m.qualifier, as_of=as_of, precision=m.precision, note=note,
                )  # fmt: skip
                if m.top is not None and m.value_max is not None:
                    sentence_claims.append(_top_claim(make, m, base, claim, as_of))
            by_start.setdefault(m.start, claim)
            sentence_claims.append(claim)
        day = next((str(d.value) for d in dates if len(str(d.value)) == 10), article.published)
        sentence_claims.extend(_place_claims(idx, make, taken, scopes.years(None), context, day))
        for claim in sorted(sentence_claims, key=lambda c: (c.start, c.kind)):
            marker = (claim.start, claim.end, claim.kind)  # article offsets
            if marker not in seen:
                seen.add(marker)
                if claim.id in reading.ids:  # '61 years ago': a date and its span start together
                    claim = replace(claim, id=f"{claim.id}:{claim.kind}")
                reading.ids.add(claim.id)
                yield claim


def extract_articles(
    articles: list[Article],
    nlp: Any,
    settings: Settings | None = None,
) -> list[list[Claim]]:
    """Claims of each article; only candidate stretches go through the statistical pipeline.

    ``nlp`` is a spaCy pipeline, or a Parser (parses.py) that loads one when it must and reads
    back what it parsed before.
    """
    settings = settings or Settings()
    parser = nlp if isinstance(nlp, Parser) else Parser(nlp=nlp)
    abbreviations = parser.facts().abbreviations
    domain = load_domain(settings.domains, settings.aliases)
    references = [parse_iso(a.published) if a.published else None for a in articles]
    currencies = [article_currency(a.text, a.currency) for a in articles]
    pieces = [
        (i, s, e)
        for i, a in enumerate(articles)
        for s, e in candidate_spans(
            abbreviations, a.text, references[i], settings, a.blocks, domain, currencies[i]
        )
    ]
    texts = [articles[i].text[s:e] for i, s, e in pieces]
    results: list[list[Claim]] = [[] for _ in articles]
    readings = [
        _Reading(days=frozenset(text_days(a.text, ref)), blocks=a.blocks, currency=currency)
        for a, ref, currency in zip(articles, references, currencies, strict=True)
    ]
    memo = parser.piece_cache(settings)
    if memo is None:
        for (i, s, _), doc in zip(pieces, parser.parse(texts), strict=True):
            results[i].extend(extract_claims(doc, articles[i], settings, s, readings[i], domain))
        return [_with_topics(sorted(claims, key=lambda c: (c.start, c.kind))) for claims in results]
    # stretches whose claims are kept need no parse; an article's stretches are read in order, so
    # from its first one not kept on, each is parsed (or read back from the parse cache)
    ends = [0] * len(articles)  # where the stretches read so far of each article end
    pending: list[int] = []
    for k, (i, s, e) in enumerate(pieces):
        if pending and pieces[pending[-1]][0] == i:
            pending.append(k)
            continue
        _, kept = _kept(memo, articles[i], readings[i], s, e, ends[i])
        if kept is None:
            pending.append(k)
            continue
        _take(kept, readings[i], results[i])
        ends[i] = max(ends[i], e)
    for k, doc in zip(pending, parser.parse([texts[k] for k in pending]), strict=True):
        i, s, e = pieces[k]
        key, kept = _kept(memo, articles[i], readings[i], s, e, ends[i])
        if kept is not None:
            _take(kept, readings[i], results[i])
        else:
            claims = list(extract_claims(doc, articles[i], settings, s, readings[i], domain))
            if key is not None:
                memo.store(key, articles[i], s, claims, readings[i].state())
            results[i].extend(claims)
        ends[i] = max(ends[i], e)
    return [_with_topics(sorted(claims, key=lambda c: (c.start, c.kind))) for claims in results]


def _kept(
    memo: PieceCache, article: Article, reading: _Reading, start: int, end: int, read_to: int
) -> tuple[str | None, Piece | None]:
    """The key of a stretch's claims and the claims kept under it; neither when the stretch
    overlaps one read before (windows of an overlong sentence share the claims found first)."""
    if start < read_to:
        return None, None
    headed, starts, ordered = reading._headed()
    headers = headers_over(headed, starts, ordered, start, end)
    key = memo.key(article, start, end, reading.state(), reading.currency, reading.days, headers, ordered)
    return key, memo.load(key, article, start) if key is not None else None


def _take(kept: Piece, reading: _Reading, into: list[Claim]) -> None:
    """Claims kept for a stretch, read as if found: reading goes on from the state they left."""
    for claim in kept.claims:
        reading.seen.add((claim.start, claim.end, claim.kind))
        reading.ids.add(claim.id)
    reading.year_hint, reading.last_day = kept.after.year_hint, kept.after.last_day
    into.extend(kept.claims)


def _with_topics(claims: list[Claim]) -> list[Claim]:
    """Every claim of an article learns what its article is about (its most named things)."""
    topics = article_topics(c.frame for c in claims if c.frame is not None)
    if not topics:
        return claims
    return [replace(c, frame=replace(c.frame, topics=topics)) if c.frame is not None else c for c in claims]


__all__ = ["PlaceMention", "extract_articles", "extract_claims"]
