"""Extraction benchmark: alliance-check vs quantulum3 vs dateparser, side by side, in one run.

Runs the shared cases (../shared/bench/extraction/cases.jsonl) through the library in-process
(one model load), and the same cases through quantulum3 (counts, lengths, money, percentages)
and dateparser's ``search_dates`` (dates), then scores all three with the shared scorer's own
matching rules (../shared/bench/score_extraction.py) and prints P/R/F1 per kind and per suite,
qualifier agreement and throughput for each. Then our claim recall by kind on the annotated
development corpora (../shared/bench/conflicts/), counted as score_conflicts.py counts it.

    pip install -e ".[bench]"
    python bench/extraction.py                 # all cases
    python bench/extraction.py --only ours     # skip the peers
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import types
import warnings
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from _gold import load_scorer  # noqa: E402  (a sibling module of this script)

DEFAULT_SHARED = ROOT.parent / "shared" / "bench"

Claims = list[dict[str, Any]]


def ours() -> tuple[Callable[[str, str | None], Claims], float]:
    from alliance_check.extract import extract_articles
    from alliance_check.nlp import load_nlp
    from alliance_check.report.json import claim_record
    from alliance_check.sources import make_article

    started = time.perf_counter()
    nlp = load_nlp()
    loaded = time.perf_counter() - started

    def run(text: str, ref: str | None) -> Claims:
        article = make_article("case.txt", text, published=ref)
        return [claim_record(c) for c in extract_articles([article], nlp)[0]]

    return run, loaded


QUANTULUM_LENGTHS = {
    "kilometre": "km", "metre": "m", "centimetre": "cm", "millimetre": "mm", "mile": "mi",
    "foot": "ft", "inch": "in", "yard": "yd", "nautical mile": "nmi",
}  # fmt: skip


def quantulum() -> tuple[Callable[[str, str | None], Claims], float]:
    warnings.filterwarnings("ignore", module="quantulum3")
    started = time.perf_counter()
    from quantulum3 import parser

    loaded = time.perf_counter() - started

    def run(text: str, ref: str | None) -> Claims:
        out: Claims = []
        for q in parser.parse(text):
            entity, name = q.unit.entity.name, q.unit.name
            if name == "percentage":
                out.append({"kind": "percent", "value": q.value, "unit": "%", "text": q.surface})
            elif entity == "currency":
                code = getattr(q.unit, "currency_code", None) or name
                out.append({"kind": "money", "value": q.value, "unit": code, "text": q.surface})
            elif entity == "length":
                out.append(
                    {
                        "kind": "quantity",
                        "value": q.value,
                        "unit": QUANTULUM_LENGTHS.get(name, name),
                        "text": q.surface,
                    }
                )
            elif entity == "dimensionless" and name == "dimensionless":
                out.append({"kind": "count", "value": q.value, "unit": None, "text": q.surface})
        return out

    return run, loaded


def dateparser_search() -> tuple[Callable[[str, str | None], Claims], float]:
    started = time.perf_counter()
    from dateparser.search import search_dates

    loaded = time.perf_counter() - started

    def run(text: str, ref: str | None) -> Claims:
        settings: dict[str, Any] = {}
        if ref:
            settings["RELATIVE_BASE"] = datetime.combine(date.fromisoformat(ref), datetime.min.time())
        found = search_dates(text, languages=["en"], settings=settings) or []
        return [{"kind": "date", "value": d.date().isoformat(), "unit": None, "text": s} for s, d in found]

    return run, loaded


SYSTEMS = {"ours": ours, "quantulum3": quantulum, "dateparser": dateparser_search}


def predict(
    run: Callable[[str, str | None], Claims], cases: list[dict[str, Any]]
) -> tuple[dict[str, Claims], float, int]:
    preds: dict[str, Claims] = {}
    crashes = 0
    started = time.perf_counter()
    for case in cases:
        try:
            preds[case["id"]] = run(case["text"], case.get("reference_date"))
        except Exception as exc:  # a peer's crash on one case is a result, not the end of the run
            crashes += 1
            preds[case["id"]] = []
            print(f"  {case['id']}: {type(exc).__name__}: {exc}", file=sys.stderr)
    return preds, time.perf_counter() - started, crashes


def f1_by_kind(scorer: types.ModuleType, tally: dict[tuple[str, str], list[int]]) -> dict[str, float]:
    out: dict[str, float] = {}
    for kind in scorer.KINDS:
        t = [0, 0, 0]
        for (_, k), v in tally.items():
            if k == kind:
                t = [x + y for x, y in zip(t, v, strict=False)]
        if t[1]:  # only kinds the system produces at all
            out[kind] = scorer.prf(*t)[2]
    grand = [sum(v[i] for v in tally.values()) for i in range(3)]
    out["overall"] = scorer.prf(*grand)[2]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="folder with score_extraction.py")
    ap.add_argument(
        "--cases", type=Path, default=None, help="cases.jsonl (default: SHARED/extraction/cases.jsonl)"
    )
    ap.add_argument("--only", choices=sorted(SYSTEMS), action="append", help="run only these systems")
    ap.add_argument(
        "--errors", type=Path, default=None, help="write our misses and false positives here (JSONL)"
    )
    a = ap.parse_args()

    scorer = load_scorer(a.shared, "score_extraction")
    cases_path = a.cases or a.shared / "extraction" / "cases.jsonl"
    cases = [json.loads(line) for line in cases_path.open(encoding="utf-8") if line.strip()]
    names = a.only or list(SYSTEMS)
    summary: dict[str, dict[str, float]] = {}
    rows: list[tuple[str, float, float, int, str]] = []
    for name in names:
        try:
            run, loaded = SYSTEMS[name]()
        except ImportError as exc:
            print(f"{name}: not installed ({exc}); pip install -e '.[bench]'", file=sys.stderr)
            continue
        preds, seconds, crashes = predict(run, cases)
        opts = argparse.Namespace(strict_count_units=False, errors=a.errors if name == "ours" else None)
        tally, qual, ignored, errors = scorer.score(cases, preds, opts)
        if name == "ours" and a.errors:
            with a.errors.open("w", encoding="utf-8") as out:
                for e in errors:
                    out.write(json.dumps(e, ensure_ascii=False) + "\n")
        print(f"=== {name}")
        print(scorer.report(tally, qual, ignored, {"crashed cases": crashes}, []))
        print()
        summary[name] = f1_by_kind(scorer, tally)
        qual_text = f"{qual[0] / qual[1]:.3f}" if qual[1] else "n/a"
        rows.append((name, loaded, len(cases) / seconds, crashes, qual_text))

    kinds = [*[k for k in scorer.KINDS if any(k in s for s in summary.values())], "overall"]
    print("=== side by side (F1; '-' where a system does not extract that kind)")
    print(f"{'kind':<10}" + "".join(f"{n:>12}" for n in summary))
    for kind in kinds:
        cells = "".join(f"{summary[n][kind]:>12.3f}" if kind in summary[n] else f"{'-':>12}" for n in summary)
        print(f"{kind:<10}{cells}")
    print()
    print(f"{'system':<12}{'load s':>9}{'cases/s':>10}{'crashes':>9}{'qualifiers':>12}")
    for name, loaded, rate, crashes, qual_text in rows:
        print(f"{name:<12}{loaded:>9.2f}{rate:>10.1f}{crashes:>9}{qual_text:>12}")
    if "ours" in summary:
        print(f"overall F1 {summary['ours']['overall']:.3f}")
        development_recall(a.shared)


def development_recall(shared: Path) -> None:
    """Claim recall by kind on each annotated development corpus, as the conflicts scorer counts it."""
    if not (shared / "conflicts").is_dir():
        print(f"no development corpora under {shared / 'conflicts'}; skipped")
        return
    from _gold import corpora

    from alliance_check.report.json import claim_record

    scorer = load_scorer(shared)
    print()
    print("=== claim recall on the development corpora (annotated claims found / annotated)")
    for corpus in corpora(shared):
        report = {"claims": [claim_record(c) for c in corpus.claims], "findings": []}
        result = scorer.score(report, corpus.gold, shared / "conflicts" / corpus.name / "articles")
        print(f"{corpus.name}: {result['lines'][0]}; claim recall {result['claim_recall']:.2f}")


if __name__ == "__main__":
    main()
