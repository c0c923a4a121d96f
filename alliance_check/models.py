"""Plain records that flow through the pipeline: articles, claims, groups, findings, the report."""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import overload

SCHEMA_VERSION = "1.0"

KINDS = ("count", "quantity", "money", "percent", "date", "time", "duration", "place")
QUALIFIERS = ("exact", "approx", "lower_bound", "upper_bound", "range")
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


@dataclass(frozen=True)
class Rule:
    """A finding code: its stable id, short name, default severity, what it means and an example.

    This table is the one source for ``alliance-check explain``, SARIF rule help and the README's
    table of codes.
    """

    code: str
    name: str
    severity: str
    description: str
    details: str = ""
    example: tuple[str, str] = ("", "")  # what two sources say


RULES: dict[str, Rule] = {
    r.code: r
    for r in (
        Rule("AC001", "corroborated", "info", "Sources state the same value.",
             "Two or more sources give the same figure, date or place for one fact, once units are "
             "converted and each value is read at its stated precision. Reported as an agreement; "
             "it fails a run only with --fail-on info.",
             ("The bridge is 1,200 m long.", "The bridge, about 1.2 km long, opened in May.")),
        Rule("AC002", "changed-over-time", "info",
             "Sources differ, but their figures refer to dates far apart.",
             "The values differ, but the dates they refer to lie further apart than as-of-gap-days "
             "(or, for a recurring event, event-instance-gap-days): the figure changed over time; "
             "the sources do not contradict each other.",
             ("In March 2021 the clinic had 40 beds.", "In June 2024 the clinic had 65 beds.")),
        Rule("AC101", "value-conflict", "error",
             "Sources give incompatible numbers for the same quantity.",
             "Two sources give numbers for the same quantity that do not overlap even after each is "
             "widened by its precision ('12,000' stands for 11,500 to 12,500) and its hedge "
             "('about' widens by --approx-tolerance).",
             ("The flood displaced 12,000 people.", "The flood displaced 8,500 people.")),
        Rule("AC102", "value-soft-conflict", "warning",
             "Sources give numbers that agree only thanks to a qualifier or rounding.",
             "The numbers differ, but one is a bound ('more than', 'up to'), hedged ('about') or a "
             "round figure, and so they can both be true. Worth a look; fails a run only with "
             "--fail-on warning.",
             ("The pipeline runs more than 300 km.", "The pipeline runs 340 km.")),
        Rule("AC201", "date-conflict", "error", "Sources give incompatible dates for the same event.",
             "Two sources date the same event to days (or months, or years) that cannot both be "
             "right at the precision each states.",
             ("The verdict was read on 3 May 2023.", "The verdict came on May 9, 2023.")),
        Rule("AC202", "date-soft-conflict", "warning",
             "Sources give dates that agree only thanks to a qualifier or their precision.",
             "The dates differ, but one is a bound ('by March') or coarser ('in 2023', 'next "
             "year'), so both can be true.",
             ("The plant will open by June 2026.", "The plant opens in 2026.")),
        Rule("AC301", "place-conflict", "error", "Sources name different places for the same event.",
             "Two sources place the same event in places that are different and that neither "
             "contains (a city and its country do not conflict).",
             ("The summit was held in Lisbon.", "The summit took place in Porto.")),
        Rule("AC302", "place-soft-conflict", "warning",
             "Sources name places that cannot be checked against each other.",
             "The places differ, and the gazetteer does not know whether one contains the other; "
             "they may be the same place named at different scales.",
             ("The talks were held in Camp Hale.", "The talks were held in Colorado.")),
    )
}  # fmt: skip


class InputError(Exception):
    """A problem with the input that the user can fix; the message says how."""


@dataclass(frozen=True)
class Acceptance:
    """An author's statement that a disagreement is deliberate: a finding code or a topic."""

    source: str
    target: str
    reason: str = ""
    line: int = 0


@dataclass(frozen=True)
class Block:
    """A stretch of an article read as one unit: a paragraph, a heading, a list item, a table cell.

    No sentence crosses its edge; a line break inside it is a space. ``context`` holds words
    that say what its figures are about when the block itself does not (a table's headers).
    """

    start: int
    end: int
    kind: str = "paragraph"  # paragraph | heading | item | cell | caption
    context: str = ""


@dataclass(frozen=True)
class Origin:
    """Where a text taken out of a file (a web page's article, an export's record) stands in it.

    ``anchors`` are (text offset, file offset) pairs in order: a text offset maps to the file
    offset of the last anchor at or before it, plus the distance. ``line_starts`` are the file
    offsets where the lines of that stretch of the file begin, the first being ``first_line``.
    """

    anchors: tuple[tuple[int, int], ...]
    line_starts: tuple[int, ...]
    first_line: int = 1

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column in the file of a character offset in the text."""
        i = bisect_right(self.anchors, (offset, float("inf"))) - 1
        text_at, file_at = self.anchors[max(i, 0)]
        where = file_at + max(offset - text_at, 0)
        index = max(bisect_right(self.line_starts, where) - 1, 0)
        return self.first_line + index, where - self.line_starts[index] + 1


@dataclass(frozen=True)
class Article:
    """One source text, where its lines start and the blocks it is read in.

    ``text`` keeps the offsets of the file as read for text and Markdown (markup blanked, wrapped
    lines joined), so a claim's offsets are the file's. A web page's article or an export's record
    is text taken out of its file: ``origin`` maps it back, and ``position`` answers in the file's
    lines and columns either way.
    """

    source: str
    text: str
    label: str = ""
    published: str | None = None
    published_how: str | None = None
    line_starts: tuple[int, ...] = (0,)
    acceptances: tuple[Acceptance, ...] = ()
    notes: tuple[str, ...] = ()  # what was repaired on reading (stray NUL bytes)
    blocks: tuple[Block, ...] = ()
    file: str = ""  # the file read, when ``source`` names a record in it ("a.jsonl:2")
    record: int | None = None  # the record's number in an export, from 1
    title: str | None = None
    url: str | None = None
    outlet: str | None = None  # who published it, from front matter, page metadata or a record
    currency: str | None = None  # ISO 4217 code a bare "$" stands for, from front matter or a record
    origin: Origin | None = None

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column in the file of a character offset of ``text``."""
        if self.origin is not None:
            return self.origin.position(offset)
        index = bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1


TOTAL = -3  # Frame.order of a sum of several ("bringing aid to $5.5 million", "in two instalments")
LATER = -4  # Frame.order of one after the first, unnumbered ("the next $1 billion", "another $800m")


@dataclass(frozen=True)
class Frame:
    """What a claim is about, read off its sentence: the evidence grouping weighs.

    ``head`` is the counted noun, the measured thing or the event ('worker', 'ship', 'strike');
    ``terms`` the words that say which property it is (the head, its modifiers, the governing
    verb and its arguments); ``context`` the content words around it, numbers masked. Words are
    lower-case lemmas; names and places are as the gazetteer or the text spells them.
    """

    head: str = ""
    label: str = ""  # the head as written, with what narrows it ('construction workers'), for reports
    verb: str = ""  # the verb that governs the value ('killed', 'rescued'), unless it only reports
    terms: tuple[str, ...] = ()
    modifiers: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()  # names of the kind of thing counted ('Virginia-class', 'Boeing'), lower-case
    owners: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    known: tuple[str, ...] = ()  # names the domain pack or the project's aliases know (canonical)
    years: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    role: str = ""  # a place's preposition ('in', 'at', 'from', 'to'), or how it stands ('subject')
    # 'the first payment' 1, 'a second payment' 2, 'the latest estimate' -1, a total TOTAL, 'the next' LATER
    order: int = 0
    planned: bool = False  # 'will cost', 'is due by', 'aims to': planned or expected, not done
    # 'stock': what there is ('flies 25 jets'); 'change': what is added or taken away ('retire 12');
    # 'delta': the size of a change of something ('a $9 billion hit', 'a 5% rise')
    flow: str = ""
    # how many things a dated event or a span is of ('five ships by 2030', 'eight over 30 years'); 0: unsaid
    tally: float = 0.0
    # a time said to end a state ('flying until 2030': 'end') or, denied, to begin one ('will not
    # fly until 2030': 'begin'); verbs of beginning and ending are read from ``verb`` by grouping
    aspect: str = ""
    revised: bool = False  # 'up from an earlier estimate', 'has risen to': replaces an earlier figure
    topics: tuple[str, ...] = ()  # the names its article is about (the most frequent ones)
    restates: str | None = None  # id of the claim this one restates in other units ('A$368bn ($245bn)')


@dataclass(frozen=True)
class Claim:
    """One numeric, dated or place claim, traceable to its file, line and sentence."""

    id: str
    source: str
    line: int
    column: int
    start: int
    end: int
    text: str
    sentence: str
    kind: str
    subject: str | None
    value: float | str
    value_max: float | str | None
    unit: str | None
    qualifier: str
    as_of: str | None
    precision: float | str
    frame: Frame | None = None  # None: recorded, never compared (see note)
    relative: bool = (
        False  # a date told from another one ('on Tuesday', 'the previous day'), not written whole
    )
    note: str | None = None
    label: str = ""
    sentence_start: int = 0

    def same_statement(self, other: Claim) -> bool:
        """Whether one of the two restates the other in another unit or currency ('NZ$1.9bn
        ($1.1bn)'): one statement in two units, never two values to set against each other."""
        return (self.frame is not None and self.frame.restates == other.id) or (
            other.frame is not None and other.frame.restates == self.id
        )


@dataclass(frozen=True)
class Link:
    """Why two claims were taken for the same fact: the score and the evidence behind it."""

    a: str
    b: str
    score: float
    evidence: tuple[tuple[str, float, str], ...]  # (signal, weight, what was seen)


class PairScores(Sequence[tuple[str, str, float]]):
    """The log-odds of the scored pairs of a group's claims, read as (id, id, log-odds) triples but
    kept as two positions among the group's claim ids and a number, in arrays: 16 bytes a pair,
    where a group of a large corpus on one story has millions of pairs."""

    __slots__ = ("_first", "_ids", "_lookup", "_second", "_values")

    def __init__(self, ids: Sequence[str], pairs: Iterable[tuple[int, int, float]]) -> None:
        """``pairs``: positions in ``ids`` and the log-odds, in the order to read them."""
        self._ids = tuple(ids)
        self._first, self._second, self._values = array("l"), array("l"), array("d")
        for a, b, score in pairs:
            self._first.append(a)
            self._second.append(b)
            self._values.append(score)
        self._lookup: tuple[dict[str, int], array[int], array[float]] | None = None

    def __len__(self) -> int:
        return len(self._values)

    @overload
    def __getitem__(self, k: int) -> tuple[str, str, float]: ...
    @overload
    def __getitem__(self, k: slice) -> Sequence[tuple[str, str, float]]: ...
    def __getitem__(self, k: int | slice) -> tuple[str, str, float] | Sequence[tuple[str, str, float]]:
        if isinstance(k, slice):
            return [self[i] for i in range(*k.indices(len(self)))]
        return self._ids[self._first[k]], self._ids[self._second[k]], self._values[k]

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, Sequence)
            and len(self) == len(other)
            and all(x == y for x, y in zip(self, other, strict=True))
        )

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"PairScores({len(self)} pairs)"

    @classmethod
    def of(cls, triples: Iterable[tuple[str, str, float]]) -> PairScores:
        """Scores given as (id, id, log-odds) triples (a test's, the run cache's)."""
        triples = list(triples)
        where: dict[str, int] = {}
        for a, b, _ in triples:
            where.setdefault(a, len(where))
            where.setdefault(b, len(where))
        return cls(list(where), ((where[a], where[b], score) for a, b, score in triples))

    def get(self, a: str, b: str) -> float | None:
        """The log-odds of claims ``a`` and ``b``, in either order, if the pair was scored."""
        if self._lookup is None:
            # the pairs by their two positions in order, searched by halves: no table a pair
            n = len(self._ids)
            keys = [min(x, y) * n + max(x, y) for x, y in zip(self._first, self._second, strict=True)]
            order = sorted(range(len(keys)), key=keys.__getitem__)
            self._lookup = (
                {c: k for k, c in enumerate(self._ids)},
                array("q", (keys[k] for k in order)),
                array("d", (self._values[k] for k in order)),
            )
        where, codes, values = self._lookup
        x, y = where.get(a), where.get(b)
        if x is None or y is None:
            return None
        code = min(x, y) * len(self._ids) + max(x, y)
        k = bisect_left(codes, code)
        return values[k] if k < len(codes) and codes[k] == code else None


@dataclass(frozen=True)
class ClaimGroup:
    """Claims from one or more sources about the same quantity or event, and the links that
    joined them."""

    id: str
    subject: str
    kind: str
    claims: tuple[Claim, ...]
    links: tuple[Link, ...] = ()
    # log-odds of every pair of its claims that was scored, as (id, id, log-odds) triples; kept as
    # PairScores however they are given
    scores: Sequence[tuple[str, str, float]] = ()

    def __post_init__(self) -> None:
        if not isinstance(self.scores, PairScores):
            object.__setattr__(self, "scores", PairScores.of(self.scores))

    def score(self, a: str, b: str) -> float | None:
        """The log-odds that claims ``a`` and ``b`` state one fact, if the pair was scored."""
        assert isinstance(self.scores, PairScores)
        return self.scores.get(a, b)

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(sorted({c.source for c in self.claims}))


@dataclass(frozen=True)
class Finding:
    """A verdict on one group: the code, how bad, which claims and why."""

    code: str
    severity: str
    verdict: str
    subject: str
    claim_ids: tuple[str, ...]
    message: str
    group_id: str
    pair: tuple[str, str] | None = None
    fingerprint: str = ""
    status: str = "new"  # new | baselined | accepted
    note: str | None = None  # why it was accepted


@dataclass(frozen=True)
class BaselineEntry:
    """A finding recorded in a baseline: enough to say which one when it no longer matches."""

    fingerprint: str
    code: str = ""
    subject: str = ""


@dataclass(frozen=True)
class SourceStatus:
    """Whether a source was checked, and if not, why."""

    source: str
    label: str
    status: str
    reason: str | None = None
    published: str | None = None
    published_how: str | None = None
    claims: int = 0
    file: str | None = None  # the file, when ``source`` is a record of an export
    record: int | None = None
    title: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Report:
    """Everything one run found."""

    sources: tuple[SourceStatus, ...]
    claims: tuple[Claim, ...]
    groups: tuple[ClaimGroup, ...]
    findings: tuple[Finding, ...]
    tool_version: str = ""
    schema_version: str = SCHEMA_VERSION
    model: str = ""
    focus: tuple[str, ...] = ()
    stale: tuple[BaselineEntry, ...] = ()  # baseline entries that match no finding any more
    unused_acceptances: tuple[Acceptance, ...] = ()
    baseline_used: bool = False
    ignored: tuple[Finding, ...] = ()  # left out by --ignore or the configuration
    fail_on: str = "error"  # the policy the run is judged by (see gate.outcome)
    fail_on_stale: bool = False
    notice: str | None = None  # why nothing was checked, when nothing was ("nothing changed since X")
    claim_index: dict[str, Claim] = field(default_factory=dict, compare=False, repr=False)
    file_index: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    def claim(self, claim_id: str) -> Claim:
        """The claim with this id."""
        if not self.claim_index:
            self.claim_index.update({c.id: c for c in self.claims})
        return self.claim_index[claim_id]

    def file_of(self, source: str) -> str:
        """The file a source was read from: the export file for a record ("a.jsonl:2"), else itself."""
        if not self.file_index:
            self.file_index.update({s.source: s.file or s.source for s in self.sources})
        return self.file_index.get(source, source)

    def counts(self, status: str | None = "new") -> dict[str, int]:
        """Findings per severity (by default only the new ones: not baselined, not accepted)."""
        out = {"error": 0, "warning": 0, "info": 0}
        for f in self.findings:
            if status is None or f.status == status:
                out[f.severity] += 1
        return out
