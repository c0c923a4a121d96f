"""Cached vs uncached: a re-run of `alliance-check seeds/` against a first run, side by side.

    python bench/cache.py [--runs 5]

Each "uncached" run uses --no-cache; each "cached" run reads a cache filled by the warm-up.
The two are interleaved, and the ratio is the median of the pairwise ratios.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _timing import alternate, cli, describe, ratio

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("corpus", nargs="?", default=str(ROOT / "seeds"))
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as cache:
        times = alternate(
            {
                "uncached (--no-cache)": cli(a.corpus, "--format", "json", "--no-cache"),
                "cached re-run": cli(a.corpus, "--format", "json", "--cache-dir", cache),
            },
            runs=a.runs,
        )
    print(f"alliance-check {a.corpus}, {a.runs} interleaved runs each after a warm-up")
    print(describe(times))
    speed = ratio(times, "cached re-run", "uncached (--no-cache)")
    print(f"cached / uncached (median of pairwise ratios): {speed:.3f}")


if __name__ == "__main__":
    main()
