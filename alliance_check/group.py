"""Which claims talk about the same thing: block by kind, unit and head, then match anchors fuzzily."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict

from rapidfuzz import fuzz

from alliance_check.models import Claim, ClaimGroup, SubjectKey
from alliance_check.settings import Settings


def _matches(a: str, b: str, cutoff: float) -> bool:
    return a == b or fuzz.token_sort_ratio(a.lower(), b.lower()) >= cutoff


def _weighted_overlap(
    xs: frozenset[str], ys: frozenset[str], cutoff: float, weight: dict[str, float]
) -> tuple[int, float]:
    """Shared anchors, and their weight as a share of the lighter side's total weight.

    Rare anchors ('Camp David') weigh more than ubiquitous ones ('United States').
    """
    small, large = (xs, ys) if len(xs) <= len(ys) else (ys, xs)
    shared = [x for x in sorted(small) if any(_matches(x, y, cutoff) for y in sorted(large))]
    total = min(sum(weight.get(x, 1.0) for x in xs), sum(weight.get(y, 1.0) for y in ys))
    return len(shared), (sum(weight.get(x, 1.0) for x in shared) / total if total else 0.0)


def anchor_weights(claims: list[Claim]) -> dict[str, float]:
    """Inverse document frequency of each anchor over the claims' subject keys."""
    df: Counter[str] = Counter()
    keys = [c.key for c in claims if c.key is not None]
    for key in keys:
        df.update(key.anchors)
    n = len(keys) or 1
    return {a: math.log(1 + n / count) for a, count in df.items()}


def _overlap(xs: frozenset[str], ys: frozenset[str], cutoff: float) -> int:
    """How many of the smaller set have a fuzzy match in the other."""
    small, large = (xs, ys) if len(xs) <= len(ys) else (ys, xs)
    return sum(1 for x in sorted(small) if any(_matches(x, y, cutoff) for y in sorted(large)))


def similarity(
    a: SubjectKey, b: SubjectKey, settings: Settings, weights: dict[str, float] | None = None
) -> float:
    """0 to 1: how surely two subject keys with the same head describe the same thing.

    Two named events (the SCC) are the same; owners that share nothing ('US troops' vs
    'Japanese troops') or places that share nothing ('in Japan' vs 'in Korea') are not.
    """
    if a.head != b.head:
        return 0.0
    if a.named and b.named:
        return 1.0
    cutoff = settings.fuzzy_name_cutoff
    scores: list[tuple[float, float]] = []
    shared = 0
    if a.owners and b.owners:
        n = _overlap(a.owners, b.owners, cutoff)
        if n == 0:
            return 0.0
        shared += n
        scores.append((1.0, 1.0))
    if a.places and b.places:
        n = _overlap(a.places, b.places, cutoff)
        if n == 0:
            return 0.0
        shared += n
        scores.append((n / (len(a.places) + len(b.places) - n), 2.0))
    if a.anchors and b.anchors:
        n, share = _weighted_overlap(a.anchors, b.anchors, cutoff, weights or {})
        shared += n
        scores.append((share, 1.0))
    if shared == 0:
        return 0.0
    return sum(s * w for s, w in scores) / sum(w for _, w in scores)


def _tokens(key: SubjectKey) -> set[str]:
    """Index terms of a key: a claim can only join a cluster it shares one of these words with.

    Words, not whole names, so that spellings fuzzy matching accepts ('Fumio Kishida', 'Kishida
    Fumio') still meet.
    """
    words = {w for t in key.owners | key.places | key.anchors for w in re.findall(r"[^\W_]{3,}", t.lower())}
    return words | ({"<named>"} if key.named else set())


class _Cluster:
    """Claims grouped so far, with the distinct subject keys among them."""

    def __init__(self, claim: Claim) -> None:
        self.claims = [claim]
        self.keys: set[SubjectKey] = {claim.key} if claim.key else set()


def group_claims(claims: list[Claim], settings: Settings | None = None) -> list[ClaimGroup]:
    """Groups of claims about one quantity or event that span at least two sources.

    Claims are blocked by their key's head (kind, unit dimension, what is counted or which
    event), so only claims in the same block are ever compared; inside a block a claim joins
    the group whose every member it resembles most (complete linkage), keeping groups tight.
    Clusters are found through the anchors a claim shares with them, and each pair of distinct
    keys is scored once, so the work grows with the number of claims, not its square.
    """
    settings = settings or Settings()
    weights = anchor_weights(claims)
    blocks: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.key is not None:
            blocks[claim.key.head].append(claim)
    scores: dict[tuple[SubjectKey, SubjectKey], float] = {}

    def score(a: SubjectKey, b: SubjectKey) -> float:
        pair = (a, b) if hash(a) <= hash(b) else (b, a)
        if pair not in scores:
            scores[pair] = similarity(a, b, settings, weights)
        return scores[pair]

    groups: list[list[Claim]] = []
    for head in sorted(blocks):
        members = sorted(blocks[head], key=lambda c: (c.source, c.start, c.kind))
        if len({c.source for c in members}) < 2:
            continue
        clusters: list[_Cluster] = []
        index: dict[str, set[int]] = defaultdict(set)
        for claim in members:
            key = claim.key
            assert key is not None
            terms = _tokens(key)
            candidates = sorted(set().union(*(index[t] for t in terms))) if terms else []
            best: int | None = None
            best_score = settings.anchor_min_similarity
            for ci in candidates:
                s = min(score(key, other) for other in clusters[ci].keys)
                if s >= best_score and (best is None or s > best_score):
                    best, best_score = ci, s
            if best is None:
                clusters.append(_Cluster(claim))
                best = len(clusters) - 1
            else:
                clusters[best].claims.append(claim)
                clusters[best].keys.add(key)
            for t in terms:
                index[t].add(best)
        groups.extend(c.claims for c in clusters if len({m.source for m in c.claims}) >= 2)
    ordered = sorted(groups, key=lambda g: (g[0].kind, _subject(g), g[0].id))
    return [
        ClaimGroup(id=f"G{i + 1:03d}", subject=_subject(g), kind=g[0].kind, claims=tuple(g))
        for i, g in enumerate(ordered)
    ]


def _subject(claims: list[Claim]) -> str:
    counts = Counter(c.subject for c in claims if c.subject)
    if not counts:
        return claims[0].kind
    return sorted(counts.items(), key=lambda kv: (-kv[1], len(kv[0]), kv[0]))[0][0]
