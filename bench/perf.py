"""Performance: throughput against plain spaCy, command wall times, growth on three axes.

    python bench/perf.py                      # parts 1, 2, 5 and 6 (a few minutes)
    python bench/perf.py --parts 3,4 --sizes 1000,10000 --jobs auto
    python bench/perf.py --parts 5 --many     # the articles axis up to 10,000

Prints, from one run on one machine:
  1. words/s of plain nlp.pipe over the full texts (the baseline), of the tokenizer alone, of
     spaCy on exactly the sentences that hold claims (the limit of reading only those), of
     alliance-check's extraction in process, and of `alliance-check extract` as a whole process
     at --jobs 1 and --jobs auto; each as a ratio to nlp.pipe;
  2. wall time of a cold `alliance-check seeds/`, of a cached re-run, and of `--help`;
  3. wall time and peak memory of `alliance-check` on synthetic corpora of growing size
     (paragraphs of the seeds and of the test cases recombined, numbers varied);
  4. the comparison stage alone (grouping and verdicts) on 100,000 synthetic claims;
  5. time against N for numbers in one sentence (10 to 10,000), words in one article (1,000 to
     100,000) and articles (100, 300, 1,000; 10,000 with --many), with the fitted exponent of each;
  6. a re-check of a copy of the seeds after a sentence with a new figure is added to one article
     (the cache filled by the run before): as a new process, and by `alliance-check watch` (from
     the save to the end of the report, and the check alone as watch reports it).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

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


def _words(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def _claim_sentences(claims: list[list[Any]]) -> list[str]:
    """The sentences that hold claims, each once: what spaCy must read at the least."""
    seen: dict[tuple[str, int], str] = {}
    for article in claims:
        for c in article:
            seen.setdefault((c.source, c.sentence_start), c.sentence)
    return list(seen.values())


def part_throughput(articles: int, runs: int, corpus: str | None = None) -> None:
    """Words/s of plain nlp.pipe, the tokenizer alone, spaCy on exactly the claim sentences (the
    limit) and alliance-check in process and whole process, all over the same corpus: synthetic,
    or the articles of ``corpus``."""
    from alliance_check.check import read_articles
    from alliance_check.extract import extract_articles
    from alliance_check.nlp import load_nlp
    from alliance_check.settings import Settings

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(corpus) if corpus else Path(tmp) / "corpus"
        if not corpus:
            build_corpus(folder, articles)
        docs, _ = read_articles([str(folder)], Settings())
        texts = [d.text for d in docs]
        articles = len(docs)
        nlp = load_nlp()
        words = _words(texts)
        sentences = _claim_sentences(extract_articles(docs, nlp))
        list(nlp.pipe(texts[:3]))  # warm-up
        work: dict[str, Any] = {
            "nlp.pipe (all text)": lambda: list(nlp.pipe(d.text for d in docs)),
            "tokenizer alone": lambda: list(nlp.tokenizer.pipe(d.text for d in docs)),
            "spaCy on claim sentences": lambda: list(nlp.pipe(sentences)),
            "alliance-check in process": lambda: extract_articles(docs, nlp),
        }
        seconds: dict[str, list[float]] = {name: [] for name in work}
        for _ in range(runs):
            for name, job in work.items():
                started = time.process_time()
                job()
                seconds[name].append(time.process_time() - started)
        whole = alternate(
            {
                "whole process --jobs 1": cli(
                    "extract", str(folder), "--format", "json", "--no-cache", "--jobs", "1"
                ),
                "whole process --jobs auto": cli(
                    "extract", str(folder), "--format", "json", "--no-cache", "--jobs", "auto"
                ),
            },
            runs=runs,
        )
    medians = {name: statistics.median(v) for name, v in seconds.items()}
    medians.update({name: statistics.median(v) for name, v in whole.items()})
    share = _words(sentences) / words
    print(
        f"1. throughput: {articles} {'articles of ' + corpus if corpus else 'synthetic articles'}, "
        f"{words:,} words ({share:.0%} in claim sentences), "
        f"median of {runs} interleaved runs; in process: CPU time, whole process: wall time"
    )
    base = medians["nlp.pipe (all text)"]
    for name, median in medians.items():
        print(f"   {name:<28}{words / median:>10,.0f} words/s {base / median:>7.2f}x nlp.pipe")


def _fit(rows: list[tuple[int, float]]) -> float:
    """The exponent k of time ~ N^k, by least squares on the logarithms."""
    xs = [math.log(n) for n, _ in rows]
    ys = [math.log(max(t, 1e-6)) for _, t in rows]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)


def _timed(nlp: Any, articles: list[Any]) -> float:
    from alliance_check.extract import extract_articles

    started = time.process_time()
    extract_articles(articles, nlp)
    return time.process_time() - started


def part_growth(many: bool) -> None:
    """Time against N on three axes, in process (CPU seconds; the model loaded once), with the
    fitted exponent of each (1.0 is linear)."""
    from alliance_check.nlp import load_nlp
    from alliance_check.sources import make_article

    nlp = load_nlp()
    pool = paragraphs()
    rng = random.Random(5)

    def dense(n: int) -> list[Any]:
        return [make_article("dense.txt", "word 12 " * n + "\n", published="2024-05-01")]

    def long_article(words: int) -> list[Any]:
        out: list[str] = []
        while sum(len(p.split()) for p in out) < words:
            out.append(vary(rng.choice(pool), rng))
        return [make_article("long.txt", "\n\n".join(out) + "\n", published="2024-05-01")]

    def corpus(count: int) -> list[Any]:
        with tempfile.TemporaryDirectory() as tmp:
            build_corpus(Path(tmp), count)
            files = sorted(Path(tmp).glob("*.md"))
            return [make_article(p.name, p.read_text(encoding="utf-8")) for p in files]

    axes = [
        ("numbers in one sentence ('word 12 ' x N)", dense, [10, 100, 1000, 10000]),
        ("words in one article", long_article, [1000, 10000, 100000]),
        ("articles (synthetic, ~160 words each)", corpus, [100, 300, 1000, *([10000] if many else [])]),
    ]
    print("5. growth: CPU seconds of extraction in process against N, and the fitted exponent")
    _timed(nlp, dense(10))  # warm-up
    for label, make, sizes in axes:
        rows = [(n, _timed(nlp, make(n))) for n in sizes]
        cells = "  ".join(f"N={n:,}: {t:.2f} s" for n, t in rows)
        print(f"   {label:<44} {cells}  exponent {_fit(rows):.2f}")


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


def part_scaling(sizes: list[int], jobs: str) -> None:
    print(f"3. alliance-check on synthetic corpora (--jobs {jobs}, --no-cache, JSON to /dev/null)")
    rows = []
    peak_note = (
        "largest single process" if jobs == "1" else "largest single process (workers each load the model)"
    )
    for size in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            words = build_corpus(Path(tmp) / "corpus", size)
            seconds, rss = _measure(
                cli(str(Path(tmp) / "corpus"), "--format", "json", "--no-cache", "--jobs", jobs)
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

    base = [c for c in check([str(SEEDS)]).claims if c.frame is not None]
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


def _add_sentence(article: Path, k: int) -> None:
    """A sentence with a figure no run has seen, at the end of ``article``."""
    with article.open("a", encoding="utf-8") as f:
        f.write(f"\n\nOfficials said {101 + k} aircraft took part in the drills on Tuesday.\n")


def _checked(stream: Any) -> float:
    """Read watch's stderr up to its next 'checked in X s' line; X."""
    for line in stream:
        if match := re.search(r"checked in ([\d.]+) s", line):
            return float(match.group(1))
    raise RuntimeError("alliance-check watch stopped before it checked")


def part_recheck(runs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        corpus, cache = Path(tmp) / "seeds", Path(tmp) / "cache"
        shutil.copytree(SEEDS, corpus)
        article = sorted(corpus.glob("*.txt"))[0]
        command = cli(str(corpus), "--format", "json", "--cache-dir", str(cache))
        subprocess.run(command, capture_output=True, check=False)  # fills the cache
        process: list[float] = []
        for k in range(runs):
            _add_sentence(article, k)
            started = time.perf_counter()
            subprocess.run(command, capture_output=True, check=False)
            process.append(time.perf_counter() - started)
        watch = subprocess.Popen(
            cli("watch", str(corpus), "--format", "concise", "--cache-dir", str(cache)),
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        assert watch.stderr is not None
        _checked(watch.stderr)
        saved: list[float] = []
        checks: list[float] = []
        for k in range(runs):
            _add_sentence(article, runs + k)
            started = time.perf_counter()
            checks.append(_checked(watch.stderr))
            saved.append(time.perf_counter() - started)
        watch.send_signal(signal.SIGINT)
        watch.wait()
    print(f"6. re-check of seeds/ after a sentence with a figure is added to one article, {runs} edits")
    print(f"   a new process (cache filled):  median {statistics.median(process):.2f} s "
          f"(min {min(process):.2f}, max {max(process):.2f})")  # fmt: skip
    print(f"   watch, save to report:        median {statistics.median(saved):.2f} s "
          f"(min {min(saved):.2f}, max {max(saved):.2f})")  # fmt: skip
    print(f"   watch, the check alone:       median {statistics.median(checks):.2f} s "
          f"(min {min(checks):.2f}, max {max(checks):.2f})")  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--parts", default="1,2,5,6", help="which measurements, e.g. 1,2,3,4,5,6")
    ap.add_argument("--articles", type=int, default=200, help="articles for the throughput measurement")
    ap.add_argument("--corpus", metavar="DIR", help="part 1 on the articles of DIR instead of synthetic ones")
    ap.add_argument("--runs", type=int, default=3, help="runs of each measurement in parts 1, 2 and 6")
    ap.add_argument("--sizes", default="1000,10000", help="corpus sizes for part 3")
    ap.add_argument("--jobs", default="1", help="--jobs for part 3 (a number or auto)")
    ap.add_argument("--claims", type=int, default=100_000, help="synthetic claims for part 4")
    ap.add_argument("--many", action="store_true", help="part 5 also on 10,000 articles (minutes)")
    a = ap.parse_args()
    parts = {p.strip() for p in a.parts.split(",")}
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    if "1" in parts:
        part_throughput(a.articles, a.runs, a.corpus)
    if "2" in parts:
        part_commands(a.runs)
    if "3" in parts:
        part_scaling([int(s) for s in a.sizes.split(",")], a.jobs)
    if "4" in parts:
        part_compare(a.claims)
    if "5" in parts:
        part_growth(a.many)
    if "6" in parts:
        part_recheck(max(a.runs, 5))


if __name__ == "__main__":
    main()
