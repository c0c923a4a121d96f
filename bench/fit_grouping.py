"""Fit the grouping weights (Settings.grouping) on the development corpora.

Every candidate pair of claims that both match annotated claims is a training example: the
features of group.pair_features, labelled same fact (same gold topic) or not. A logistic
regression with an L2 penalty gives one weight per feature and the prior; the threshold is set
where precision on the training pairs is high. A handful of general signals is fitted, no words.

Each corpus is also held out in turn (fit on the others, score it), which is how the weights
will meet a story no one has seen.

    python bench/fit_grouping.py              # fit on all corpora, print the GroupingWeights
    python bench/fit_grouping.py --l2 0.5     # a stronger penalty
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _gold import DEFAULT_SHARED, Corpus, corpora

CLASH = -4.0
# signals the development corpora cannot teach, set by hand: a name the user declared in a domain
# pack or their aliases (the corpora are checked without one) is strong evidence of one thing
HAND = {"known": 3.0}
# floors the pairs cannot teach either: two claims that name the same rare person or body ('Luna has
# three children' / 'six children', in the words of his relatives) are set against each other; the
# corpora hold too few differing pairs with a shared name for the fit to weigh it
FLOORS = {"conflict": {"names": 0.5, "same_tally": 1.0}, "link": {"same_tally": 1.0}}
# the same number of the same things by two days ('five frigates by 2030' / 'by 2045') is one
# milestone: the corpora hold one such pair, too few to weigh it, so it is set by hand as well


def examples(corpus: Corpus, differing: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """Features and labels of every candidate pair of matched claims; with ``differing``, only
    the pairs whose values differ (what the conflict weights decide on)."""
    from alliance_check.group import FEATURES, Stats, _candidates, _collapse, block_key, pair_features
    from alliance_check.settings import Settings

    cutoff = Settings().fuzzy_name_cutoff
    comparable = [c for c in corpus.claims if c.frame is not None]
    stats = Stats(comparable)
    blocks: dict[tuple[str, str], list] = {}
    for c in comparable:
        blocks.setdefault(block_key(c), []).append(c)
    xs, ys = [], []
    for members in blocks.values():
        nodes = _collapse(sorted(members, key=lambda c: (c.source, c.start)))
        for i, j in (divmod(code, len(nodes)) for code in _candidates(nodes)):
            a, b = nodes[i].first, nodes[j].first
            if a.id in corpus.topic and b.id in corpus.topic:
                if differing and a.value == b.value and a.unit == b.unit:
                    continue
                x, _ = pair_features(a, b, stats, cutoff)
                xs.append([x[f] for f in FEATURES])
                ys.append(float(corpus.topic[a.id] == corpus.topic[b.id]))
    return np.array(xs), np.array(ys)


def fit(x: np.ndarray, y: np.ndarray, l2: float, steps: int = 4000, rate: float = 0.5) -> np.ndarray:
    """Logistic regression by gradient descent; positives weighted to balance the classes."""
    xb = np.hstack([np.ones((len(x), 1)), x])
    w = np.zeros(xb.shape[1])
    balance = np.where(y == 1, (len(y) - y.sum()) / max(1.0, y.sum()), 1.0)
    balance = balance / balance.mean()
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(xb @ w)))
        grad = xb.T @ ((p - y) * balance) / len(y) + l2 * np.r_[0, w[1:]] / len(y)
        w -= rate * grad
    return w


def evaluate(w: np.ndarray, x: np.ndarray, y: np.ndarray, threshold: float) -> str:
    score = np.hstack([np.ones((len(x), 1)), x]) @ w
    linked = score >= threshold
    tp = float((linked & (y == 1)).sum())
    precision = tp / linked.sum() if linked.sum() else 1.0
    recall = tp / y.sum() if y.sum() else 1.0
    return f"pairs {len(y)}, same fact {int(y.sum())}: precision {precision:.2f} recall {recall:.2f}"


WEIGHTS = Path(__file__).resolve().parent.parent / "alliance_check" / "data" / "weights.json"


def weights_of(w: np.ndarray, threshold: float, model: str = "link") -> dict[str, float]:
    from alliance_check.group import FEATURES

    out = {"prior": round(float(w[0]), 3)}
    out.update({name: round(float(x), 3) for name, x in zip(FEATURES, w[1:], strict=True)})
    out["clash"] = min(out["clash"], CLASH)  # a clash is a veto, whatever the pairs say
    out.update(HAND)
    for name, floor in FLOORS.get(model, {}).items():
        out[name] = max(out[name], floor)
    out["threshold"] = threshold
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    ap.add_argument("--l2", type=float, default=5.0, help="L2 penalty on the weights (not the prior)")
    ap.add_argument("--threshold", type=float, default=0.0, help="log-odds at which two claims are linked")
    ap.add_argument(
        "--conflict", type=float, default=1.0, help="log-odds at which two claims are set against each other"
    )
    ap.add_argument("--write", action="store_true", help=f"write the weights to {WEIGHTS.name}")
    args = ap.parse_args()
    found = corpora(args.shared)
    fitted = {}
    for model, differing, threshold in (("link", False, args.threshold), ("conflict", True, args.conflict)):
        data = {c.name: examples(c, differing) for c in found}
        print(f"== {model}: {'pairs whose values differ' if differing else 'all candidate pairs'}")
        for held in data:
            train = [d for name, d in data.items() if name != held]
            if train:
                w = fit(np.vstack([x for x, _ in train]), np.concatenate([y for _, y in train]), args.l2)
                print(f"held out {held}: {evaluate(w, *data[held], threshold)}")
        x = np.vstack([x for x, _ in data.values()])
        y = np.concatenate([y for _, y in data.values()])
        w = fit(x, y, args.l2)
        print(f"all corpora: {evaluate(w, x, y, threshold)}")
        fitted[model] = weights_of(w, threshold, model)
        print(json.dumps(fitted[model]))
    if args.write:
        fitted["_about"] = (
            "Grouping weights (log-odds per signal) fitted by bench/fit_grouping.py on the development "
            "corpora: 'link' decides which claims state the same fact, 'conflict' which two claims of a "
            "group with different values are set against each other. Read by alliance_check.settings."
        )
        WEIGHTS.write_text(json.dumps(dict(sorted(fitted.items())), indent=1) + "\n", encoding="utf-8")
        print(f"wrote {WEIGHTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
