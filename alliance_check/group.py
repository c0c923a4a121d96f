"""Which claims state the same fact: blocking on what extraction gets right, then evidence.

Like record linkage (Splink, Febrl): claims are blocked by kind and dimension only; inside a
block, pairs that share at least one telling word or name are scored as a sum of named signals
(log-odds, weights in ``Settings.grouping``), each able to say what it saw. Repeats of one figure
in one article collapse first; then claims are matched one-to-one between each pair of articles
and merged, and a merge that would join clashing places, owners or years is refused.
"""

from __future__ import annotations

import math
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from alliance_check.linkage import Alike, Clusters, Taken, best_first
from alliance_check.models import LATER, TOTAL, Claim, ClaimGroup, Frame, Link, PairScores
from alliance_check.normalize.dates import interval, period
from alliance_check.normalize.money import usd_bounds
from alliance_check.normalize.places import contains
from alliance_check.normalize.units import dimension, to_base
from alliance_check.normalize.words import singular
from alliance_check.resources import lexicon
from alliance_check.settings import GroupingWeights, Settings

SMALL_COUNT = 12  # counts up to this are shared by many facts of one story
# a word used by more claims of one block than this opens no candidate pair of its own
MAX_POSTINGS = 300
SCORED_REPEATS = 8  # repeats of one figure in one article scored against another article's
Evidence = list[tuple[str, float, str]]


def block_key(claim: Claim) -> tuple[str, str]:
    """What extraction gets right and grouping never crosses: the kind, and the dimension of its unit.

    Money of every currency shares one block ('A$368 billion', '$245 billion', 'EUR 342 billion');
    sums of two currencies are as close as the rates of data/currencies.json allow (see _value_ratio).
    """
    if claim.kind in ("quantity", "duration"):
        return claim.kind, dimension(claim.unit) or ""
    return claim.kind, ""


@lru_cache(maxsize=1 << 16)  # asked for every word of every pair: the same few thousand words
def _prop(word: str) -> str:
    """A property term as the synonym data names it ('killed' and 'dead' are both 'casualties'),
    a plural the parser left as it was as its singular ('Windows were blown out' / 'window')."""
    synonyms = lexicon().synonyms
    if word in synonyms:
        return synonyms[word]
    one = singular(word)
    return synonyms.get(one, one)


class Stats:
    """How many sources use each word, name and term: rare evidence weighs more."""

    def __init__(self, claims: list[Claim]) -> None:
        # each frame's property terms and context words as the synonym data names them, made once
        # (a frame is in many pairs); the frame is kept with them, so its id is never reused
        self._words: dict[int, tuple[Frame, frozenset[str], frozenset[str]]] = {}
        self._bags: dict[frozenset[str], frozenset[str]] = {}
        by_source: dict[str, set[str]] = defaultdict(set)
        for c in claims:
            assert c.frame is not None
            terms, context = self.words(c.frame)
            by_source[c.source].update(context)
            by_source[c.source].update(terms)
            by_source[c.source].update(f"#{n}" for n in c.frame.names)
        self.sources = max(1, len(by_source))
        self.df: Counter[str] = Counter()
        for words in by_source.values():
            self.df.update(words)
        self._weight: dict[str, float] = {}
        self._mass: dict[int, tuple[frozenset[str], float]] = {}

    def words(self, frame: Frame) -> tuple[frozenset[str], frozenset[str]]:
        """The frame's property terms and context words, each through the synonym data (_prop)."""
        found = self._words.get(id(frame))
        if found is None:
            # one set for each bag of words: the same sentence in many articles, many frames
            terms = self._bags.setdefault(terms := frozenset(_prop(t) for t in frame.terms), terms)
            context = self._bags.setdefault(context := frozenset(_prop(w) for w in frame.context), context)
            found = self._words[id(frame)] = (frame, terms, context)
        return found[1], found[2]

    def rarity(self, word: str) -> float:
        """0 for a word every source uses, 1 for a word of one source."""
        return min(1.0, self.weight(word) / math.log(self.sources + 1)) if self.sources > 1 else 1.0

    def weight(self, word: str) -> float:
        """Inverse document frequency over the sources, never below a floor."""
        found = self._weight.get(word)
        if found is None:
            found = self._weight[word] = max(
                0.05, math.log((self.sources + 1) / (self.df.get(word, 0) + 0.5))
            )
        return found

    def mass(self, words: frozenset[str]) -> float:
        """The summed weight of a frame's words (see words), worked out once per frame."""
        found = self._mass.get(id(words))
        if found is None or found[0] is not words:
            found = self._mass[id(words)] = (words, math.fsum(self.weight(w) for w in words))
        return found[1]


def _weighted_share(a: Iterable[str], b: Iterable[str], weight: dict[str, float]) -> tuple[float, list[str]]:
    """Weight of what both share, as a share of the lighter side's weight."""
    sa, sb = set(a), set(b)
    shared = sorted(sa & sb)
    # math.fsum: the same sum whatever order a set iterates in (hash seeds differ between runs)
    total = min(math.fsum(weight[w] for w in sa), math.fsum(weight[w] for w in sb))
    return (math.fsum(weight[w] for w in shared) / total if total else 0.0), shared


def _overlap(a: frozenset[str], b: frozenset[str], stats: Stats) -> tuple[float, list[str]]:
    """Rarity-weighted overlap of two bags of words, as a share of the lighter bag (Szymkiewicz-Simpson)."""
    shared = a & b
    if not shared:
        return 0.0, []
    total = min(stats.mass(a), stats.mass(b))
    top = sorted(shared, key=lambda w: (-stats.weight(w), w))[:6]
    return math.fsum(stats.weight(w) for w in shared) / total, top


def _names_match(a: str, b: str, cutoff: float) -> bool:
    return a == b or fuzz.token_set_ratio(a, b) >= cutoff


def _disjoint(xs: tuple[str, ...], ys: tuple[str, ...], cutoff: float, places: bool = False) -> bool:
    """Both say something and nothing agrees (places agree when one contains the other)."""
    if not xs or not ys:
        return False
    for x in xs:
        for y in ys:
            if _names_match(x.lower(), y.lower(), cutoff) or (places and (contains(x, y) or contains(y, x))):
                return False
    return True


def _value_ratio(a: Claim, b: Claim) -> float | None:
    """How far apart two values are, as a ratio (1 = equal); None when they cannot be set side by side."""
    if isinstance(a.value, float) and isinstance(b.value, float):
        (lo_a, hi_a), (lo_b, hi_b) = _span(a), _span(b)
        if a.kind == "money" and a.unit != b.unit:
            # sums of two currencies in US dollars at the rates of data/currencies.json, each as
            # wide as the rates were: at a rate between, as far apart as the middles are
            ua, ub = usd_bounds(lo_a, hi_a, a.unit, a.as_of), usd_bounds(lo_b, hi_b, b.unit, b.as_of)
            if ua is None or ub is None:
                return None
            x, y = math.sqrt(ua[0] * ua[1]), math.sqrt(ub[0] * ub[1])
            return max(x, y) / min(x, y) if x and y else None
        if lo_a <= hi_b and lo_b <= hi_a:
            return 1.0  # one lies in the other's range ('A$368 billion' / 'A$268-368 billion')
        x, y = (hi_a, lo_b) if hi_a < lo_b else (hi_b, lo_a)  # the nearest ends
        if x == 0 or y == 0:
            return None
        return y / x
    if a.kind == "time":
        ma, mb = _clock(str(a.value)), _clock(str(b.value))
        if ma is None or mb is None:
            return None
        return 1.0 + abs(ma - mb) / 20  # twenty minutes apart: twice as far
    if a.kind == "date":
        ia, ib = interval(str(a.value), str(a.precision)), interval(str(b.value), str(b.precision))
        if ia is None or ib is None:
            return None
        gap = abs((ia[0] - ib[0]).days)
        # measured in the coarser precision: two days apart is far for days, near for years
        scale = max(_DATE_SCALE.get(str(a.precision), 1826), _DATE_SCALE.get(str(b.precision), 1826))
        return 1.0 + gap / scale
    if a.kind == "place":
        return 1.0 if a.value == b.value else None
    return None


def _span(c: Claim) -> tuple[float, float]:
    """The magnitudes a number claim spans in base units: a range its two ends, a value itself."""
    assert isinstance(c.value, float)
    lo = abs(to_base(c.value, c.unit))
    top = c.value_max if isinstance(c.value_max, float) else c.value
    hi = abs(to_base(top, c.unit))
    return min(lo, hi), max(lo, hi)


SIGNALS = (
    "head", "event", "terms", "context", "names", "known", "topics", "where", "value_close", "value_far",
    "same_role", "verb_differs", "order_differs", "plan_differs", "names_differ", "small_counts", "clash",
    "same_tally",
)  # fmt: skip
KIND_SIGNALS = tuple(
    f"kind_{k}" for k in ("count", "quantity", "money", "percent", "date", "time", "duration", "place")
)
FEATURES = (*SIGNALS, *KIND_SIGNALS)


def pair_features(a: Claim, b: Claim, stats: Stats, cutoff: float) -> tuple[dict[str, float], dict[str, str]]:
    """The signals that two claims state the same fact, each a number from 0 to 1, and what each saw.

    >>> pair_features(a, b, Stats([a, b]), 88.0)  # doctest: +SKIP
    ({'head': 1.0, 'terms': 0.6, ...}, {'head': 'worker', 'terms': 'kill, worker', ...})
    """
    fa, fb = a.frame, b.frame
    assert fa is not None and fb is not None
    x: dict[str, float] = dict.fromkeys(FEATURES, 0.0)
    why: dict[str, str] = {}
    x[f"kind_{a.kind}"] = 1.0  # how often two claims of this kind state one fact: money often, days rarely
    if fa.head and fb.head and _prop(fa.head) == _prop(fb.head):
        x["head"] = 1.0
        why["head"] = fa.head if fa.head == fb.head else f"{fa.head} ~ {fb.head}"
    terms_a, ctx_a = stats.words(fa)
    terms_b, ctx_b = stats.words(fb)
    weights = {t: stats.weight(t) for t in terms_a | terms_b}
    x["terms"], shared = _weighted_share(terms_a, terms_b, weights)
    why["terms"] = ", ".join(shared[:6])
    x["context"], top = _overlap(ctx_a, ctx_b, stats)
    why["context"] = ", ".join(top)
    x["names"], names = _name_share(fa.names, fb.names, stats, cutoff)
    why["names"] = ", ".join(names[:4])
    shared_known = sorted(set(fa.known) & set(fb.known))
    if shared_known:
        x["known"], why["known"] = 1.0, ", ".join(shared_known[:3])  # a name the user declared
    if fa.names and fb.names and not names:
        x["names_differ"] = 1.0
        why["names_differ"] = f"{', '.join(fa.names[:2])} / {', '.join(fb.names[:2])}"
    # 'to build five frigates by 2030' / 'five frigates are due by 2035': the same number of the
    # same things by a day, or over a span, is one milestone, however far apart the two put it
    things = x["head"] or x["terms"] or set(fa.kinds) & set(fb.kinds)
    if a.kind in ("date", "duration") and fa.tally and fa.tally == fb.tally and things:
        x["same_tally"], why["same_tally"] = 1.0, f"both are of {fa.tally:g} of them"
    ratio = _value_ratio(a, b)
    if ratio is not None and ratio <= 4:
        # claims about one quantity are usually within a small factor of each other; equal values
        # of a telling figure ('$43.67 million') say more than equal small counts
        closeness = max(0.0, 1 - math.log(ratio) / math.log(4))
        x["value_close"] = closeness * _specificity(a)
        why["value_close"] = (
            f"the values are within {ratio:.2g}x"
            if ratio > 1
            else "the values are equal"
            if a.value == b.value and a.value_max == b.value_max
            else "one value lies in the other's range"
        )
    if ratio is not None and ratio > 3 and not x["same_tally"]:
        x["value_far"], why["value_far"] = 1.0, f"the values are {ratio:.0f} times apart"
    if a.kind == "place" and fa.role and fa.role == fb.role:
        x["same_role"], why["same_role"] = 1.0, f"both '{fa.role}'"
    # the head of one among the words of the other: 'struck at 1:28 am' and 'sounds of the collision'
    heads = {_prop(fa.head), _prop(fb.head)} - {""}
    common = heads & (terms_a | ctx_a) & (terms_b | ctx_b)
    if common:
        x["event"], why["event"] = 1.0, ", ".join(sorted(common))
    # 'six workers were killed' / 'four remain missing': the verb says which property is counted
    va, vb = _prop(fa.verb), _prop(fb.verb)
    aspects = lexicon().aspect_verbs
    same_aspect = fa.verb in aspects and aspects[fa.verb] == aspects.get(fb.verb)  # 'start' / 'get under way'
    if va and vb and va != vb and va not in terms_b | ctx_b and vb not in terms_a | ctx_a and not same_aspect:
        x["verb_differs"], why["verb_differs"] = 1.0, f"{fa.verb} / {fb.verb}"
    if fa.order and fb.order and fa.order != fb.order:
        x["order_differs"], why["order_differs"] = 1.0, "one is the first, the other a later one"
    if fa.planned != fb.planned:
        x["plan_differs"], why["plan_differs"] = 1.0, "one is planned or expected, the other done"
    # 'two', 'six': many facts of a story share a small count, so a small count weighs little
    counts = a.kind == "count" and isinstance(a.value, float) and isinstance(b.value, float)
    if counts and max(abs(float(a.value)), abs(float(b.value))) <= SMALL_COUNT:
        x["small_counts"], why["small_counts"] = 1.0, "both are small counts"
    # the same place or owner on both ('troops in Japan' / 'Japan is home to ... troops')
    if (
        a.kind != "place"
        and fa.places
        and fb.places
        and not _disjoint(fa.places, fb.places, cutoff, places=True)
    ):
        x["where"], why["where"] = 1.0, ", ".join(sorted(set(fa.places) & set(fb.places)) or fa.places[:1])
    # what the two articles are about: a distractor on another ship shares no protagonist
    x["topics"], shared_topics = _name_share(fa.topics, fb.topics, stats, cutoff)
    why["topics"] = ", ".join(shared_topics[:3])
    clash = _clash(fa, fb, a.kind, cutoff)
    if not clash and a.kind in ("date", "time"):
        ends = {_aspect(a), _aspect(b)}
        if ends == {"begin", "end"}:
            clash = "one times when it begins, the other when it ends"  # 'the strike began' / 'ended'
        elif ends == {"end", ""} and "end" in (fa.aspect, fb.aspect):
            clash = "one times when a state ends, the other a moment it holds"  # 'until 2030' / 'today'
    if not clash and _milestones_differ(a, b):
        # 'to build five ships by 2030' / 'the first ship is due in 2027', 'all 12 by 2035'
        clash = f"one times {_milestone(fa)}, the other {_milestone(fb)}"
    if clash:
        x["clash"], why["clash"] = 1.0, clash
    return x, why


# how far apart two dates of one event may well be told, by the coarser precision: days a few days,
# years a few years ('by 2040' / 'in 2042' is a disagreement about one delivery, not two events)
_DATE_SCALE = {"day": 3, "week": 14, "month": 60, "month_day": 3, "year": 1826, "decade": 7300}


def _clock(iso: str) -> float | None:
    parts = iso.partition("T")[2].split(":")
    return int(parts[0]) * 60 + int(parts[1]) if len(parts) >= 2 else None


def _specificity(c: Claim) -> float:
    """How much two equal values say that two claims state one fact: '$43.67 million' a lot,
    'six' or '2024' little (many facts of a story share a small count or a year)."""
    if c.kind in ("date", "time"):
        return {"day": 0.6, "minute": 0.6, "second": 0.8, "month": 0.4}.get(str(c.precision), 0.2)
    if c.kind == "place":
        return 0.5
    if isinstance(c.value, float):
        size = min(1.0, math.log10(abs(c.value) + 1) / 3)
        digits = len(f"{abs(c.value):.10g}".replace(".", "").strip("0"))
        return min(1.0, size * (0.7 if c.kind == "count" else 1.0) + 0.1 * max(0, digits - 1))
    return 0.5


def score_pair(
    a: Claim, b: Claim, stats: Stats, settings: Settings, weights: GroupingWeights | None = None
) -> tuple[float, Evidence, bool]:
    """Log-odds that two claims state the same fact, the evidence behind it, and whether they clash.

    Each signal's weight comes from ``Settings.grouping`` (or ``weights``); the evidence lists
    every signal that counted, with its weight and what it saw.
    """
    x, why = pair_features(a, b, stats, settings.fuzzy_name_cutoff)
    score, evidence = _weigh(x, why, a.kind, weights or settings.grouping)
    return score, evidence, bool(x["clash"])


def _weigh(x: dict[str, float], why: dict[str, str], kind: str, w: GroupingWeights) -> tuple[float, Evidence]:
    """The log-odds of these signals under these weights, and the evidence: each signal that counted."""
    evidence: Evidence = [("prior", w.prior, f"{kind} claims of different sources")]
    for name in FEATURES:
        if x[name]:
            evidence.append((name, getattr(w, name) * x[name], why.get(name, "")))
    return math.fsum(v for _, v, _ in evidence), evidence


def _name_share(
    xs: tuple[str, ...], ys: tuple[str, ...], stats: Stats, cutoff: float
) -> tuple[float, list[str]]:
    if not xs or not ys:
        return 0.0, []
    shared = [x for x in xs if any(_names_match(x, y, cutoff) for y in ys)]
    total = min(math.fsum(stats.weight(f"#{x}") for x in xs), math.fsum(stats.weight(f"#{y}") for y in ys))
    return (math.fsum(stats.weight(f"#{x}") for x in shared) / total if total else 0.0), shared


def _milestone(f: Frame) -> str:
    return f"{f.tally:g} of them" if f.tally else "the first"


def _milestones_differ(a: Claim, b: Claim) -> bool:
    """A deadline for a number of things and a date for another number: 'five ships by 2030' and
    'the first ship in 2027' or 'all 12 by 2035' are two milestones; so are spans of time for two
    numbers ('eight ships over three decades', 'the first ship in twenty years'). Two days of events that
    happen to two numbers of things ('two blackouts on March 25', 'first lost power on March 25')
    may be one day, as may a start and a day ('three jets from 2032', 'two jets in 2032')."""
    if a.kind not in ("date", "time", "duration") or a.frame is None or b.frame is None:
        return False
    counts = [f.tally or (1.0 if f.order == 1 else 0.0) for f in (a.frame, b.frame)]
    # a span is of how many ('eight boats over three decades', 'the first boat in twenty years')
    deadline = a.kind == "duration" or any(
        c.qualifier == "upper_bound" and c.frame and c.frame.tally for c in (a, b)
    )
    return deadline and all(counts) and counts[0] != counts[1]


def _aspect(c: Claim) -> str:
    """'begin' or 'end' when the claim times the start or the end of something (its verb, or else
    a word of its clause, is one of aspect_verbs: 'construction starts in Adelaide | 2027'); 'end'
    for a deadline of a number of things ('to build five ships by 2030': the five are done); or ''."""
    f = c.frame
    if f is None:
        return ""
    aspects = lexicon().aspect_verbs
    told = aspects.get(f.verb, "") if f.verb else next((aspects[t] for t in f.terms if t in aspects), "")
    return told or f.aspect or ("end" if c.qualifier == "upper_bound" and f.tally else "")


def _is_measure(head: str) -> bool:
    """'gallons', 'tonnes', 'barrels': a head that is a unit counts what its 'of' phrase names."""
    return head in lexicon().unit_names


def _clash(fa: Frame, fb: Frame, kind: str, cutoff: float) -> str:
    """Strong evidence of different facts: whose, where, which year, or which part."""
    if _disjoint(fa.owners, fb.owners, cutoff, places=True):
        return f"owners differ: {', '.join(fa.owners)} / {', '.join(fb.owners)}"
    if kind != "place" and _disjoint(fa.places, fb.places, cutoff, places=True):
        return f"places differ: {', '.join(fa.places)} / {', '.join(fb.places)}"
    if kind not in ("date", "time") and fa.years and fb.years and not set(fa.years) & set(fb.years):
        return f"years differ: {', '.join(fa.years)} / {', '.join(fb.years)}"  # 'in 2023' / 'FY2025'
    if fa.kinds and fb.kinds and _disjoint(fa.kinds, fb.kinds, cutoff):
        # 'three Virginia-class submarines' / 'eight SSN-AUKUS boats', 'Boeing jets' / 'Airbus jets'
        return f"kinds differ: {', '.join(fa.kinds)} / {', '.join(fb.kinds)}"
    if kind not in ("date", "time", "place") and {fa.flow, fb.flow} == {"stock", "change"}:
        # 'the airline flies 25 jets' / 'it will retire 12 jets', 'employs 1,500' / 'hired 200'
        return "one counts what there is, the other what is added or taken away"
    flows = {fa.flow, fb.flow}
    if (
        kind not in ("date", "time", "place")
        and "delta" in flows
        and len(flows) == 2
        and "change" not in flows
    ):
        # 'the budget will take a $9 billion hit' / 'a $6 billion outlay', 'fares rose 5%' / '5% of
        # fares'; what is added or taken away ('will cut 300 jobs') may be told as a change either way
        return "one is the size of a change, the other an amount"
    if fa.order > 0 and fb.order > 0 and fa.order != fb.order:
        # 'the first payment' / 'a second instalment'
        return f"one is number {fa.order} of several, the other number {fb.order}"
    orders = {fa.order, fb.order}
    if TOTAL in orders and (max(orders) > 0 or LATER in orders):
        return "one is one of several, the other their total"  # 'the second payment' / 'in two instalments'
    if orders == {1, LATER}:
        return "one is the first of several, the other a later one"  # 'the first payment' / 'the next'

    if fa.head and fa.head == fb.head and fa.modifiers and fb.modifiers:
        # 'households without water' / 'without power', 'gallons of fuel' / 'gallons of ballast'
        ma, mb = {_prop(m) for m in fa.modifiers}, {_prop(m) for m in fb.modifiers}
        words_a = {w for m in ma for w in m.split()} - {"with", "without"}
        words_b = {w for m in mb for w in m.split()} - {"with", "without"}
        if not words_a & words_b and (any(" " in m for m in ma | mb) or _is_measure(fa.head)):
            return f"parts differ: {', '.join(fa.modifiers)} / {', '.join(fb.modifiers)}"
    return ""


@dataclass
class _Node:
    """One figure of one article: a claim and the repeats of it in the same article."""

    claims: list[Claim]

    @property
    def first(self) -> Claim:
        return self.claims[0]


def _collapse(claims: list[Claim]) -> list[_Node]:
    """Repeats of one figure in one article (the same value, the same head) are one node."""
    nodes: dict[tuple[object, ...], _Node] = {}
    out: list[_Node] = []
    for c in claims:
        assert c.frame is not None
        # 'the first ship by 2030' and 'five ships by 2030' are two deadlines of one day
        key = (c.source, c.kind, c.value, c.value_max, c.unit, _prop(c.frame.head), c.frame.tally)
        if key in nodes:
            nodes[key].claims.append(c)
        else:
            nodes[key] = _Node([c])
            out.append(nodes[key])
    return _nest(out)


NEST_MAX = 12  # figures of one head in one article compared for nesting (more: a table, left alone)


def _nest(nodes: list[_Node]) -> list[_Node]:
    """A figure of one article inside another figure of the same article and head is one figure
    told twice: a date inside a period ('Measles campaign to begin next week' and 'the campaign
    begins on March 10'), a sum that a bound or a round figure allows ('more than $100 million'
    and '$103 million'). The wider joins the narrower's node, which speaks for both."""
    buckets: dict[tuple[object, ...], list[tuple[_Node, tuple[float, float]]]] = defaultdict(list)
    for node in nodes:
        c = node.first
        assert c.frame is not None
        span = _nest_span(c) if c.kind in ("date", "count", "money", "quantity") and c.frame.head else None
        if span is not None:
            buckets[(c.source, c.kind, c.unit, _prop(c.frame.head), c.frame.tally)].append((node, span))
    gone: set[int] = set()
    for bucket in buckets.values():
        if len(bucket) < 2 or len(bucket) > NEST_MAX:
            continue
        for wide, (lo, hi) in bucket:
            for narrow, (n_lo, n_hi) in bucket:
                if narrow is wide or id(narrow) in gone or (lo, hi) == (n_lo, n_hi):
                    continue
                if narrow.first.qualifier == "exact" and lo <= n_lo and n_hi <= hi:
                    narrow.claims.extend(wide.claims)
                    gone.add(id(wide))
                    break
    return [n for n in nodes if id(n) not in gone]


NEST_SLACK = 0.1  # how far past a bound or a round figure a figure told twice may lie


def _nest_span(c: Claim) -> tuple[float, float] | None:
    """The values a figure allows when it is told twice in an article: a date's period (told
    plainly; as day numbers), a number's value or range, opened by its bound or hedge by at most
    NEST_SLACK."""
    if c.kind == "date":
        days = period(str(c.value), str(c.precision), c.value_max) if c.qualifier == "exact" else None
        return None if days is None else (float(days[0].toordinal()), float(days[1].toordinal()))
    if not isinstance(c.value, float):
        return None
    lo = hi = c.value
    if isinstance(c.value_max, float):
        hi = c.value_max
    if c.qualifier in ("lower_bound", "approx"):
        hi = hi * (1 + NEST_SLACK)
    if c.qualifier in ("upper_bound", "approx"):
        lo = lo * (1 - NEST_SLACK)
    return lo, hi


def _index_keys(c: Claim) -> set[str]:
    """The words a candidate pair must share: the head, property terms, names, context words."""
    f = c.frame
    assert f is not None
    keys = {f"h:{_prop(f.head)}"} if f.head else set()
    keys |= {f"t:{_prop(t)}" for t in f.terms}
    keys |= {f"n:{n}" for n in f.names}
    keys |= {f"c:{w}" for w in f.context}
    return keys


def _postings(nodes: list[_Node], only: Iterable[int] | None = None) -> dict[str, list[int]]:
    """The nodes (of ``only``, ascending, if given) under each index key (see _index_keys)."""
    index: dict[str, list[int]] = defaultdict(list)
    for i in range(len(nodes)) if only is None else only:
        for key in _index_keys(nodes[i].first):
            index[key].append(i)
    return index


def _candidates(
    nodes: list[_Node], max_postings: int | None = None, index: dict[str, list[int]] | None = None
) -> array[int]:
    """Pairs of nodes of different sources that share an index key, ascending, each as the one
    number ``i * len(nodes) + j`` (i < j: eight bytes a pair, where a large corpus has millions). A
    key used by more than ``max_postings`` nodes ('said', the story's own name in a large corpus)
    opens no pairs, so the work grows with the corpus, not its square; in a small corpus every
    shared word counts. ``index``: the postings to read, if not every node's (see _copies)."""
    index = _postings(nodes) if index is None else index
    cap = MAX_POSTINGS if max_postings is None else max_postings
    n = len(nodes)
    sources = [node.first.source for node in nodes]
    pairs: set[int] = set()
    for members in index.values():
        if len(members) > cap:
            continue
        for x in range(len(members)):
            i = members[x]  # members ascend: i < j
            for y in range(x + 1, len(members)):
                j = members[y]
                if sources[i] != sources[j]:
                    pairs.add(i * n + j)
    return array("q", sorted(pairs))


def group_claims(claims: list[Claim], settings: Settings | None = None) -> list[ClaimGroup]:
    """Groups of claims that state the same fact, from at least two sources, with the links that
    joined them.

    >>> [g.subject for g in group_claims(claims)]  # doctest: +SKIP
    ['US troops in Japan', ...]
    """
    settings = settings or Settings()
    comparable = [c for c in claims if c.frame is not None]
    stats = Stats(comparable)
    blocks: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for c in comparable:
        assert c.frame is not None
        if c.kind in ("date", "time", "place") and not c.frame.head:
            continue  # a day, an hour or a place with no event word says nothing to compare
        blocks[block_key(c)].append(c)
    found: list[Found] = []
    for key in sorted(blocks):
        members = sorted(blocks[key], key=lambda c: (c.source, c.start, c.kind))
        if len({c.source for c in members}) < 2:
            continue
        found.extend(_link_block(_collapse(members), stats, settings))
    ordered = sorted(found, key=lambda g: (g[0][0].kind, _subject(g[0]), g[0][0].id))
    return [
        ClaimGroup(
            id=f"G{i + 1:03d}",
            subject=_subject(g),
            kind=g[0].kind,
            claims=tuple(g),
            links=tuple(links),
            scores=scores,
        )
        for i, (g, links, scores) in enumerate(ordered)
    ]


def _conflict_score(
    a: Claim,
    b: Claim,
    stats: Stats,
    settings: Settings,
) -> float:
    """How surely two claims of a group can be set against each other (Settings.conflicts). Close
    values are not enough: the two must share what they are about (a head, a term, a name, a
    place). A day, an hour, a place or a span is only the time or place of an event: the two must
    name the same event (the same head) and share a name, a place or what their articles are
    about, or say it in the same words without naming different parties ('a meeting' of the
    council in April and 'a meeting' of the board in May are two meetings)."""
    x, why = pair_features(a, b, stats, settings.fuzzy_name_cutoff)
    score, _ = _weigh(x, why, a.kind, settings.conflicts)
    if not any(x[f] for f in ("head", "terms", "event", "names", "known", "where")):
        return settings.conflicts.prior  # close values and a shared mood are not one fact
    if a.kind == "money" and not any(x[f] for f in ("head", "terms", "names", "known", "where")):
        # a story's sums sit among the same words ('cost', 'bridge'): the word for what each sum
        # is, or a name, must be shared, not only a word of their clauses
        return settings.conflicts.prior
    if a.kind == "duration" and not x["head"]:
        return settings.conflicts.prior  # a span of what: the same head or nothing
    if a.kind in ("date", "time", "place"):
        # what the articles are about counts only with the same words: one story has many meetings
        shared = x["names"] or x["where"] or (x["topics"] and x["terms"] >= 0.5)
        # one story's explosion, collapse or earthquake is one event: articles about the same story
        # that time it are timing it ('the blast tore through the hall' / 'heard the explosion')
        shared = shared or (x["topics"] and _is_event(a) and _is_event(b))
        same_words = not x["names_differ"] and x["terms"] >= 0.5
        # a meeting, a visit, an election recurs: only the same parties or place make it one
        if _recurs(a) or _recurs(b):
            shared, same_words = x["names"] or x["where"], False
        # 'the first turbine is due in 2027' / 'the first turbine should arrive in 2028': the same
        # one of several, named on both sides, is the same event in other words
        orders = {c.frame.order if c.frame is not None else 0 for c in (a, b)}
        ordinal = bool(x["event"]) and len(orders) == 1 and min(orders) > 0
        # 'construction should begin in the late 2020s' / 'construction starts in Adelaide later
        # this decade': the start (or the end) of the same thing is one event
        aspects = {_aspect(a), _aspect(b)}
        same_words = same_words or (bool(x["head"]) and len(aspects) == 1 and "" not in aspects)
        if not ((x["head"] or ordinal or x["same_tally"]) and (shared or same_words)):
            return settings.conflicts.prior
    return round(score, 3)


def _is_event(c: Claim) -> bool:
    """The claim's head names an event (data/subjects.json, event_nouns: 'blast', 'collapse')."""
    return bool(c.frame and c.frame.head in lexicon().event_nouns)


def _recurs(c: Claim) -> bool:
    """The claim is the time or place of an event that recurs (a meeting, a visit, an election)."""
    lex = lexicon()
    head = c.frame.head if c.frame else ""
    event = lex.event_nouns.get(head) or lex.event_verbs.get(head) or _prop(head)
    return event in lex.recurring_events


def _same_source_clash(a: Claim, b: Claim) -> bool:
    """Two figures of one article that cannot both be the same fact: an article rarely contradicts
    itself, so values that are far apart there are different facts ('four years' and 'three
    decades'); close ones ('$43.67 million', 'just $44 million') may be one figure told twice."""
    if a.same_statement(b):
        return False
    # two figures the article itself ties to two different things ('construction from the 2030s',
    # 'deliveries from the early 2030s') are two facts, however close their values; two times of
    # two events even when equal (a count told twice may hang on two nouns: 'six workers', 'the men')
    head_a, head_b = _prop(a.frame.head if a.frame else ""), _prop(b.frame.head if b.frame else "")
    if head_a and head_b and head_a != head_b:
        if a.kind in ("date", "time"):
            return not _one_of_several_twice(a, b)
        # a range and a figure in it may be one sum told twice ('a price tag of $2-3 billion',
        # 'costs up to $3 billion'); other different values on different words are two facts
        ranged = isinstance(a.value_max, float) or isinstance(b.value_max, float)
        if a.value != b.value and not (ranged and a.unit == b.unit and _value_ratio(a, b) == 1.0):
            return True
    if a.value == b.value:
        return False
    # an article that converts a sum says so ('NZ$1.9 billion ($1.1 billion)'): its sums in two
    # currencies are otherwise two sums, whatever the rates
    ratio = None if a.kind == "money" and a.unit != b.unit else _value_ratio(a, b)
    if ratio is None:
        return a.kind != "place"
    if a.kind == "time":
        return ratio > 1.25  # five minutes
    if a.kind == "date":
        return ratio > 1.05  # a month
    return ratio > 1.1


def _one_of_several_twice(a: Claim, b: Claim) -> bool:
    """Two dates of one article about the same one of several, in other words: 'the first boat
    is due in the early 2040s' and 'the navy will receive its first boat in the early 2040s'."""
    orders = {c.frame.order if c.frame is not None else 0 for c in (a, b)}
    ratio = _value_ratio(a, b)
    return len(orders) == 1 and min(orders) > 0 and ratio is not None and ratio <= 1.05


Found = tuple[list[Claim], list[Link], PairScores]


def _restated(nodes: list[_Node], members: list[int]) -> dict[int, Claim]:
    """Node -> the claim of another node of the same article that it restates in another unit or
    currency, or that restates it."""
    by_id = {c.id: i for i in members for c in nodes[i].claims}
    out: dict[int, Claim] = {}
    for i in members:
        for c in nodes[i].claims:
            j = by_id.get(c.frame.restates) if c.frame and c.frame.restates else None
            if j is not None and j != i:
                out.setdefault(i, nodes[j].first)
                out.setdefault(j, nodes[i].first)
    return out


def _copies(
    nodes: list[_Node], alike: Alike, grouping: Callable[[Claim, Claim], tuple[float, bool]], threshold: float
) -> dict[int, list[int]]:
    """Node -> the later nodes that say what it says in the same words (one content: the same
    sentence reprinted by many outlets), where two of that content are one fact by themselves (their
    pair scores at least ``threshold`` with no clash). Asked only of a block where some word has more
    than MAX_POSTINGS nodes, which would otherwise open no pair at all: the first node stands for
    its copies in the linking, and they join its group."""
    first: dict[int, int] = {}
    out: dict[int, list[int]] = {}
    for i, node in enumerate(nodes):
        content = alike.content(node.first)
        if content not in first:
            first[content] = i
            continue
        stand = first[content]
        score, clash = alike.score(nodes[stand].first, node.first, grouping)
        if score >= threshold and not clash:
            out.setdefault(stand, []).append(i)
    return out


def _link_block(nodes: list[_Node], stats: Stats, settings: Settings) -> list[Found]:
    n = len(nodes)
    # the same sentence told by many articles; the claims that stand for each node's repeats
    alike = Alike([c for node in nodes for c in node.claims[:SCORED_REPEATS]])

    def grouping(a: Claim, b: Claim) -> tuple[float, bool]:
        score, _, clash = score_pair(a, b, stats, settings)
        return score, clash

    def conflict(a: Claim, b: Claim) -> tuple[float, bool]:
        return _conflict_score(a, b, stats, settings), False

    index = _postings(nodes)
    copies: dict[int, list[int]] = {}
    if any(len(members) > MAX_POSTINGS for members in index.values()):
        copies = _copies(nodes, alike, grouping, settings.grouping.threshold)
        gone = {j for js in copies.values() for j in js}
        index = _postings(nodes, [i for i in range(n) if i not in gone]) if gone else index
    pairs = _candidates(nodes, index=index)
    scores = array("d")  # the score of each pair, in the order of pairs
    likely = array("q")  # where the pairs that may make a link are in pairs
    clashes: set[tuple[int, int]] = set()
    by_source: dict[str, list[int]] = defaultdict(list)
    for i, node in enumerate(nodes):
        by_source[node.first.source].append(i)
    told: dict[int, Claim] = {}
    for members in by_source.values():
        told.update(_restated(nodes, members))
    seen: dict[tuple[int, int], bool] = {}

    def within(i: int, j: int) -> bool:
        """Whether nodes i and j of one article cannot be one fact (see _same_source_clash)."""
        if (i, j) not in seen:
            a, b = nodes[i].first, nodes[j].first
            # a figure restated in another currency ('A$368bn ($245bn)') is that figure: set
            # against a third figure of the article, the restatement is what it restates
            told_a, told_b = told.get(i, a), told.get(j, b)
            a = told_a if told_a.unit == b.unit else a
            b = told_b if told_b.unit == a.unit else b
            seen[(i, j)] = a is not b and _same_source_clash(a, b)
        return seen[(i, j)]

    for at, code in enumerate(pairs):
        i, j = divmod(code, n)
        score, clash = alike.score(nodes[i].first, nodes[j].first, grouping)
        scores.append(score)
        if clash:
            clashes.add((i, j))
        if score >= settings.grouping.threshold and not clash:
            likely.append(at)
    # one-to-one between each pair of articles: a node takes its best match in the other article
    sources = [node.first.source for node in nodes]
    numbers = {source: k for k, source in enumerate(dict.fromkeys(sources))}
    source_of, m = [numbers[source] for source in sources], len(numbers)
    taken = Taken(n, m, len(likely))  # node * m + the number of a source: the node has its match there
    weights = [1] * n
    for stand, js in copies.items():
        weights[stand] += len(js)
    groups = Clusters(sources, pairs, scores, clashes, settings.grouping, within, weights if copies else None)
    links: dict[int, list[Link]] = defaultdict(list)
    accepted: list[tuple[int, int, Link]] = []
    for stand, js in copies.items():
        # one content: one score and one evidence for every copy
        score, evidence, _ = score_pair(nodes[stand].first, nodes[js[0]].first, stats, settings)
        why = tuple((name, round(x, 3), s) for name, x, s in evidence)
        for j in js:
            groups.absorb(stand, j)
            accepted.append((stand, j, Link(nodes[stand].first.id, nodes[j].first.id, round(score, 3), why)))
    for at in best_first(likely, scores):
        (i, j), score = divmod(pairs[at], n), scores[at]
        ti, tj = i * m + source_of[j], j * m + source_of[i]
        if ti in taken or tj in taken:
            continue
        together = groups.find(i) == groups.find(j)
        if not groups.join(i, j):
            continue
        taken.add(ti)
        taken.add(tj)
        if together:
            continue  # already joined by other links: a group keeps the links that made it
        # the evidence of the few pairs that make links, not of every pair scored
        _, evidence, _ = score_pair(nodes[i].first, nodes[j].first, stats, settings)
        link = Link(
            nodes[i].first.id,
            nodes[j].first.id,
            round(score, 3),
            tuple((name, round(x, 3), s) for name, x, s in evidence),
        )
        accepted.append((i, j, link))
    for i, _j, link in accepted:
        links[groups.find(i)].append(link)
    scored_in: dict[int, array[int]] = defaultdict(lambda: array("q"))  # each group's scored pairs
    for code in pairs:
        i, j = divmod(code, n)
        if (root := groups.find(i)) == groups.find(j):
            scored_in[root].append(code)
    out = []
    for root, members in groups.members.items():
        claims = [c for m in sorted(members) for c in nodes[m].claims]
        if len({c.source for c in claims}) < 2:
            continue
        # a figure repeated in one article is one node: its first repeats stand for the rest, so a
        # figure written a thousand times is not scored a million times against another
        claims.sort(key=lambda c: (c.source, c.start))
        where = {c.id: k for k, c in enumerate(claims)}
        pair_scores = PairScores(
            [c.id for c in claims],
            (
                (where[a.id], where[b.id], alike.score(a, b, conflict)[0])
                for i, j in (divmod(code, n) for code in scored_in.get(root, ()))
                for a in nodes[i].claims[:SCORED_REPEATS]
                for b in nodes[j].claims[:SCORED_REPEATS]
            ),
        )
        out.append((claims, links[root], pair_scores))
    return out


def _subject(claims: list[Claim]) -> str:
    counts = Counter(c.subject for c in claims if c.subject)
    if not counts:
        return claims[0].kind
    return sorted(counts.items(), key=lambda kv: (-kv[1], len(kv[0]), kv[0]))[0][0]


def explain_claim(
    claim: Claim, claims: list[Claim], settings: Settings, top: int = 5
) -> list[tuple[float, Claim, Evidence]]:
    """The claims of other sources that ``claim`` could have been grouped with, best first, with
    the score and evidence of each: the answer to 'why was this not compared?'."""
    if claim.frame is None:
        return []
    comparable = [c for c in claims if c.frame is not None]
    stats = Stats(comparable)
    key = block_key(claim)
    mine = _index_keys(claim)
    out = []
    for other in comparable:
        if other.source == claim.source or block_key(other) != key or not mine & _index_keys(other):
            continue
        score, evidence, _ = score_pair(claim, other, stats, settings)
        out.append((score, other, evidence))
    return sorted(out, key=lambda t: (-t[0], t[1].id))[:top]
