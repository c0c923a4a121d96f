"""The bookkeeping of linking one block of claims, kept small for a corpus of thousands of articles
on one story: clusters merged by average linkage (Clusters), pair scores shared by claims of one
content (Alike), the likely pairs best first (best_first) and which article each node has its
match in (Taken). What a pair's features and scores are is group.py's business."""

from __future__ import annotations

import heapq
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import replace

from alliance_check.models import Claim
from alliance_check.settings import GroupingWeights


class Clusters:
    """Clusters of nodes, merged only when every pair across them is plausible: no known clash,
    and on average the pairs across score at least the threshold (average linkage: a chain of
    links cannot join two things that share nothing). Pairs never scored count as the prior.

    Each cluster keeps what its scored pairs with every cluster it has one with add up to, its
    clashes with other clusters, and its nodes by source, so a merge costs what the two clusters
    touch, not the product of their sizes. A node given a weight stands for that many nodes (itself
    and its copies, absorbed into its cluster before any merge): each pair it is in counts as the
    pairs of all of them."""

    def __init__(
        self,
        sources: list[str],
        pairs: array[int],
        scores: array[float],
        clashes: set[tuple[int, int]],
        w: GroupingWeights,
        within: Callable[[int, int], bool],
        weights: list[int] | None = None,
    ) -> None:
        n = len(sources)
        self.parent = list(range(n))
        self.members: dict[int, list[int]] = {i: [i] for i in range(n)}
        self.w = w
        # two nodes of one article that cannot be one fact, asked only of the pairs a merge would
        # join (an article of thousands of figures is not compared with itself pair by pair)
        self.within = within
        self.by_source: dict[int, dict[str, list[int]]] = {i: {sources[i]: [i]} for i in range(n)}
        # root -> root -> the summed excess over the prior of the scored pairs across the two: the
        # mean of every pair across is the prior plus that sum over their number (pairs never
        # scored count as the prior). One number a pair of clusters, kept both ways.
        self.excess: dict[int, dict[int, float]] = defaultdict(dict)
        for code, score in zip(pairs, scores, strict=True):
            a, b = divmod(code, n)  # see group._candidates
            # each node's own number object as the key, not a new one per pair: millions of pairs
            a, b = self.parent[a], self.parent[b]
            excess = score - w.prior
            if weights is not None:  # a node that stands for copies of itself: a pair for each
                excess *= weights[a] * weights[b]
            self.excess[a][b] = self.excess[b][a] = excess
        self.clash: dict[int, set[int]] = defaultdict(set)
        for a, b in clashes:
            self.clash[a].add(b)
            self.clash[b].add(a)

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int) -> bool:
        ri, rj = self.find(i), self.find(j)
        if ri == rj:
            return True
        if rj in self.clash.get(ri, ()):
            return False
        mine, theirs = self.by_source[ri], self.by_source[rj]
        for source in mine.keys() & theirs.keys():
            if any(self.within(min(x, y), max(x, y)) for x in mine[source] for y in theirs[source]):
                return False
        across = len(self.members[ri]) * len(self.members[rj])
        mean = self.w.prior + self.excess.get(ri, {}).get(rj, 0.0) / across
        if mean < self.w.threshold:
            return False
        self._merge(ri, rj)
        return True

    def absorb(self, i: int, j: int) -> None:
        """Node j into i's cluster, no questions asked: a copy of i (see group._copies), whose
        pairs i's carry, weighted."""
        self._merge(self.find(i), self.find(j))

    def _merge(self, ri: int, rj: int) -> None:
        """Cluster rj into ri, with its members, sources, scored pairs and clashes."""
        self.parent[rj] = ri
        self.members[ri].extend(self.members.pop(rj))
        for source, nodes in self.by_source.pop(rj).items():
            self.by_source[ri].setdefault(source, []).extend(nodes)
        for k, excess in self.excess.pop(rj, {}).items():
            del self.excess[k][rj]
            if k != ri:
                self.excess[ri][k] = self.excess[k][ri] = self.excess[ri].get(k, 0.0) + excess
        for k in self.clash.pop(rj, set()):
            self.clash[k].discard(rj)
            self.clash[k].add(ri)
            self.clash[ri].add(k)


class Alike:
    """Pair scores of claims by what they say, not where: a pair's features read the kinds, values,
    units, qualifiers, precisions and frames of its two claims (and a sum's day, for its rate)
    only, so two claims of one content (the same sentence in many articles of a large corpus) score
    alike against any third. A pair is scored once per pair of contents and kind of score
    (``work``); only contents told more than once are remembered."""

    def __init__(self, claims: list[Claim]) -> None:
        self._ids: dict[tuple[object, ...], int] = {}
        self._of: dict[str, int] = {c.id: self._content(c) for c in claims}
        self._told = Counter(self._of.values())
        self._memo: dict[tuple[Callable[..., object], int, int], tuple[float, bool]] = {}

    def _content(self, c: Claim) -> int:
        assert c.frame is not None
        # the day of a sum counts only for its rate of exchange; the labels only for reports
        as_of = c.as_of if c.kind == "money" else None
        frame = replace(c.frame, restates=None, label="")
        key = (c.kind, c.value, c.value_max, c.unit, c.qualifier, as_of, c.precision, frame)
        return self._ids.setdefault(key, len(self._ids))

    def content(self, c: Claim) -> int:
        """The number of what ``c`` says (one of the claims given)."""
        return self._of[c.id]

    def score(
        self, a: Claim, b: Claim, work: Callable[[Claim, Claim], tuple[float, bool]]
    ) -> tuple[float, bool]:
        """``work(a, b)``, or what it gave for a pair of the same two contents."""
        x, y = self._of[a.id], self._of[b.id]
        found = self._memo.get((work, x, y))
        if found is None:
            found = work(a, b)
            if self._told[x] > 1 or self._told[y] > 1:
                self._memo[(work, x, y)] = found
        return found


def best_first(positions: array[int], scores: array[float], run: int = 1 << 16) -> Iterator[int]:
    """``positions`` (ascending) by their score, best first, ties in the order given: sorted a run
    at a time and merged (both stable), so that a block of millions of pairs is never a Python
    number and a key per pair at once."""
    runs = [
        array("q", sorted(positions[k : k + run], key=scores.__getitem__, reverse=True))
        for k in range(0, len(positions), run)
    ]
    return heapq.merge(*runs, key=scores.__getitem__, reverse=True)


class Taken:
    """Which articles each node of a block has its one match in, as the numbers node * sources +
    source: a bit for each node and article where that takes less room than a set of the numbers
    recorded (at most two for each pair that may make a link, some 76 bytes each in a set)."""

    def __init__(self, nodes: int, sources: int, likely: int) -> None:
        size = nodes * sources
        self.bits = bytearray((size + 7) // 8) if size <= 2 * 76 * 8 * likely else None
        self.numbers: set[int] = set()

    def __contains__(self, number: int) -> bool:
        if self.bits is not None:
            return bool(self.bits[number >> 3] & (1 << (number & 7)))
        return number in self.numbers

    def add(self, number: int) -> None:
        if self.bits is not None:
            self.bits[number >> 3] |= 1 << (number & 7)
        else:
            self.numbers.add(number)
