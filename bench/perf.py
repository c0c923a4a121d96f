"""Performance: extraction throughput, command wall times, a 10,000-article corpus, comparison at scale.

    python bench/perf.py                      # everything (the large corpus takes minutes)
    python bench/perf.py --parts 1,2,4        # skip the large corpus
    python bench/perf.py --sizes 1000,10000 --jobs 2

Prints, from one run on one machine:
  1. words/s of plain nlp.pipe over the full texts (the baseline; also with a tuned batch size),
     and of alliance-check's extraction on the same texts, and their ratios;
  2. wall time of a cold `alliance-check seeds/`, of a cached re-run, and of `--help`;
  3. wall time and peak memory of `alliance-check` on synthetic corpora of growing size
     (paragraphs of the seeds and of the test cases recombined, numbers varied);
  4. the comparison stage alone (grouping and verdicts) on 100,000 synthetic claims.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _timing import alternate, cli, describe, ratio

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?![\d,])|(?<![\w.,])\d+(?:\.\d+)?(?![\w.,]*\d)")


def paragraphs() -> list[str]:
    """Paragraphs of the seeds and the extraction test cases: the material of synthetic articles."""
    out = []
    for path in sorted(SEEDS.glob("*.txt")):
        out += [p.strip() for p in path.read_text(encoding="utf-8").splitlines() if len(p.split()) >= 8]
    for line in (ROOT / "tests" / "cases" / "extraction.jsonl").read_text(encoding="utf-8").splitlines():
        out.append(json.loads(line)["text"].replace("\n", " "))
    return out


def vary(text: str, rng: random.Random) -> str:
    """Change some numbers (not years) so that articles disagree now and then."""

    def swap(m: re.Match[str]) -> str:
        raw = m.group(0)
        value = float(raw.replace(",", ""))
        if (1000 <= value <= 2100 and "," not in raw) or rng.random() > 0.3:
            return raw
        new = value * rng.choice((0.9, 0.95, 1.05, 1.1, 1.2))
        return f"{new:,.0f}" if "," in raw or value >= 1000 else f"{new:.0f}"

    return NUMBER.sub(swap, text)


def build_corpus(folder: Path, count: int, seed: int = 7) -> int:
    """Write ``count`` synthetic articles of 3 to 6 paragraphs; returns the number of words."""
    rng = random.Random(seed)
    pool = paragraphs()
    words = 0
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        body = "\n\n".join(vary(rng.choice(pool), rng) for _ in range(rng.randint(3, 6)))
        text = f"---\npublished: 2024-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}\n---\n{body}\n"
        (folder / f"{i:05d}_synthetic.md").write_text(text, encoding="utf-8")
        words += len(body.split())
    return words


def part_throughput(articles: int) -> None:
    from alliance_check.extract import extract_articles
    from alliance_check.nlp import load_nlp
    from alliance_check.sources import make_article

    with tempfile.TemporaryDirectory() as tmp:
        words = build_corpus(Path(tmp), articles)
        texts = [p.read_text(encoding="utf-8") for p in sorted(Path(tmp).glob("*.md"))]
    nlp = load_nlp()
    docs = [make_article(f"{i}.md", t) for i, t in enumerate(texts)]
    list(nlp.pipe(texts[:3]))  # warm-up
    runs: dict[str, list[float]] = {
        "nlp.pipe (defaults)": [],
        "nlp.pipe (batch_size=16)": [],
        "alliance-check": [],
    }
    for _ in range(2):
        for name in runs:
            started = time.perf_counter()
            if name == "alliance-check":
                extract_articles(docs, nlp)
            elif name == "nlp.pipe (defaults)":
                list(nlp.pipe(texts))
            else:
                list(nlp.pipe(texts, batch_size=16))
            runs[name].append(time.perf_counter() - started)
    print(
        f"1. extraction throughput: {articles} synthetic articles, {words:,} words, 2 interleaved runs each"
    )
    for name, times in runs.items():
        print(f"   {name:<26}{words / statistics.median(times):>10,.0f} words/s")
    ours = statistics.median(runs["alliance-check"])
    print(
        f"   ratio vs plain nlp.pipe: {statistics.median(runs['nlp.pipe (defaults)']) / ours:.2f}x; "
        f"vs nlp.pipe with batch_size=16: {statistics.median(runs['nlp.pipe (batch_size=16)']) / ours:.2f}x"
    )


def part_commands(runs: int) -> None:
    with tempfile.TemporaryDirectory() as cache:
        times = alternate(
            {
                "cold (no cache)": cli(str(SEEDS), "--format", "json", "--no-cache"),
                "cached re-run": cli(str(SEEDS), "--format", "json", "--cache-dir", cache),
                "--help": cli("--help"),
            },
            runs=runs,
        )
    print(f"2. whole commands on seeds/, {runs} interleaved runs after a warm-up")
    print("   " + describe(times).replace("\n", "\n   "))
    print(f"   cached / cold: {ratio(times, 'cached re-run', 'cold (no cache)'):.3f}")


def _measure(argv: list[str]) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MiB) of one command and its children."""
    started = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(proc.pid, 0)
    return time.perf_counter() - started, usage.ru_maxrss / 1024


def part_scaling(sizes: list[int], jobs: int) -> None:
    print(f"3. alliance-check on synthetic corpora (--jobs {jobs}, --no-cache, JSON to /dev/null)")
    rows = []
    peak_note = (
        "largest single process" if jobs == 1 else "largest single process (workers each load the model)"
    )
    for size in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            words = build_corpus(Path(tmp) / "corpus", size)
            seconds, rss = _measure(
                cli(str(Path(tmp) / "corpus"), "--format", "json", "--no-cache", "--jobs", str(jobs))
            )
        rows.append((size, words, seconds, rss))
        print(
            f"   {size:>6} articles {words:>10,} words {seconds:>9.1f} s "
            f"{seconds / size * 1000:>8.1f} ms/article {rss:>8.0f} MiB peak ({peak_note})"
        )
    if len(rows) > 1:
        (n0, _, t0, _), (n1, _, t1, _) = rows[0], rows[-1]
        print(
            f"   growth {n0} -> {n1} articles: time x{t1 / t0:.2f} for size x{n1 / n0:.1f} "
            f"(per-article time x{(t1 / n1) / (t0 / n0):.2f}; 1.00 is linear)"
        )


def part_compare(count: int) -> None:
    from alliance_check.check import check
    from alliance_check.compare import compare_groups
    from alliance_check.group import group_claims

    base = [c for c in check([str(SEEDS)]).claims if c.key is not None]
    rng = random.Random(11)
    claims = []
    for i in range(count):
        c = rng.choice(base)
        source = f"synthetic/{i // 20:05d}.md"
        value = c.value
        if isinstance(value, float) and rng.random() < 0.2:
            value = value * rng.choice((0.9, 1.1, 1.2))
        claims.append(
            replace(c, id=f"{source}:{i}:1", source=source, label=source, value=value, line=i, start=i)
        )
    started = time.perf_counter()
    groups = group_claims(claims)
    grouped = time.perf_counter()
    findings = compare_groups(groups)
    done = time.perf_counter()
    print(f"4. comparison stage alone: {count:,} synthetic claims from {count // 20:,} sources")
    print(
        f"   grouping {grouped - started:.2f} s ({len(groups)} groups), verdicts {done - grouped:.2f} s "
        f"({len(findings)} findings), total {done - started:.2f} s"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--parts", default="1,2,3,4", help="which measurements, e.g. 1,2,4")
    ap.add_argument("--articles", type=int, default=40, help="articles for the throughput measurement")
    ap.add_argument("--runs", type=int, default=5, help="runs of each whole command in part 2")
    ap.add_argument("--sizes", default="1000,10000", help="corpus sizes for part 3")
    ap.add_argument("--jobs", type=int, default=1, help="--jobs for part 3")
    ap.add_argument("--claims", type=int, default=100_000, help="synthetic claims for part 4")
    a = ap.parse_args()
    parts = {p.strip() for p in a.parts.split(",")}
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    if "1" in parts:
        part_throughput(a.articles)
    if "2" in parts:
        part_commands(a.runs)
    if "3" in parts:
        part_scaling([int(s) for s in a.sizes.split(",")], a.jobs)
    if "4" in parts:
        part_compare(a.claims)


if __name__ == "__main__":
    main()
