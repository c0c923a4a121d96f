"""Grouping benchmark: blocking recall and the scores of true and false pairs on the development corpora.

A pair of claims from two different articles is *true* when both match annotated claims of the
same fact (gold topic), *false* when they match annotated claims of different facts. Printed per
corpus, beside the figures of the committed weights:

  blocking recall   share of true pairs inside one block (kind, dimension) that become candidates
  score quantiles   of true and of false candidate pairs (log-odds of Settings.grouping)
  linked            true / false pairs that end in one group, and groups that mix topics

    python bench/grouping.py                  # every corpus
    python bench/grouping.py keybridge -v     # one corpus, with the worst false links and missed true pairs
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _gold import DEFAULT_SHARED, Corpus, corpora


def _quantiles(xs: list[float]) -> str:
    if not xs:
        return "-"
    qs = statistics.quantiles(xs, n=10) if len(xs) > 1 else [xs[0]] * 9
    return f"p10 {qs[0]:+.1f}  p50 {statistics.median(xs):+.1f}  p90 {qs[-1]:+.1f}  (n={len(xs)})"


def report(corpus: Corpus, verbose: bool) -> None:
    from alliance_check.group import Stats, _candidates, _collapse, block_key, group_claims, score_pair
    from alliance_check.settings import Settings

    settings = Settings()
    comparable = [c for c in corpus.claims if c.frame is not None]
    stats = Stats(comparable)
    labelled = [c for c in comparable if c.id in corpus.topic]
    true_pairs = {
        (a.id, b.id)
        for a, b in itertools.combinations(labelled, 2)
        if a.source != b.source and corpus.topic[a.id] == corpus.topic[b.id]
    }
    blocks: dict[tuple[str, str], list] = {}
    for c in comparable:
        blocks.setdefault(block_key(c), []).append(c)
    in_block = {(a, b) for a, b in true_pairs if block_key(_get(corpus, a)) == block_key(_get(corpus, b))}
    candidates: set[tuple[str, str]] = set()
    scores_true: list[float] = []
    scores_false: list[float] = []
    worst: list[tuple[float, str, str, list]] = []
    for members in blocks.values():
        nodes = _collapse(sorted(members, key=lambda c: (c.source, c.start)))
        for i, j in (divmod(code, len(nodes)) for code in _candidates(nodes)):
            for a in nodes[i].claims:
                for b in nodes[j].claims:
                    candidates.add((a.id, b.id))
                    candidates.add((b.id, a.id))
            a, b = nodes[i].first, nodes[j].first
            if a.id in corpus.topic and b.id in corpus.topic:
                score, evidence, _ = score_pair(a, b, stats, settings)
                if corpus.topic[a.id] == corpus.topic[b.id]:
                    scores_true.append(score)
                else:
                    scores_false.append(score)
                    worst.append((score, a.id, b.id, evidence))
    found = sum(1 for p in in_block if p in candidates)
    print(
        f"== {corpus.name}: {len(corpus.claims)} claims, {len(comparable)} compared, "
        f"{len(labelled)} match gold"
    )
    print(
        f"true pairs {len(true_pairs)}, in one block {len(in_block)}, blocking recall "
        f"{found / len(in_block) if in_block else 1:.3f}"
    )
    print(f"scores of true candidate pairs   {_quantiles(scores_true)}")
    print(f"scores of false candidate pairs  {_quantiles(scores_false)}")
    groups = group_claims(corpus.claims, settings)
    linked_true = linked_false = mixed = 0
    for g in groups:
        ids = [c.id for c in g.claims if c.id in corpus.topic]
        topics = {corpus.topic[i] for i in ids}
        mixed += len(topics) > 1
        for a, b in itertools.combinations(ids, 2):
            if _get(corpus, a).source == _get(corpus, b).source:
                continue
            if corpus.topic[a] == corpus.topic[b]:
                linked_true += 1
            else:
                linked_false += 1
    print(
        f"groups {len(groups)}, mixing gold topics {mixed}; "
        f"linked pairs true {linked_true}/{len(true_pairs)}, false {linked_false}"
    )
    if verbose:
        for score, a, b, evidence in sorted(worst, reverse=True)[:15]:
            if score < settings.grouping.threshold:
                break
            ca, cb = _get(corpus, a), _get(corpus, b)
            print(f"  false {score:+.1f} {corpus.topic[a]} {ca.text!r} / {corpus.topic[b]} {cb.text!r}")
            print("        " + "; ".join(f"{n} {x:+.1f} {s}" for n, x, s in evidence[1:]))


def _get(corpus: Corpus, claim_id: str):
    if not hasattr(corpus, "_index"):
        corpus._index = {c.id: c for c in corpus.claims}  # type: ignore[attr-defined]
    return corpus._index[claim_id]  # type: ignore[attr-defined]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpora", nargs="*", help="corpus names (default: all)")
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="folder of score_conflicts.py")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    for corpus in corpora(args.shared, args.corpora or None):
        report(corpus, args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
