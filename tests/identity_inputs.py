"""The inputs of the extraction snapshot (tests/snapshots/extraction_identity.json): every extraction
case, and dense figures short of an overlong sentence. The snapshot was written by the code before
the work on speed (issue 13), so the test proves that the faster code reads the same claims."""

from __future__ import annotations

import json
import random
from pathlib import Path

from alliance_check.models import Article
from alliance_check.sources import make_article

CASES = Path(__file__).parent / "cases" / "extraction.jsonl"


def _dense() -> list[tuple[str, str]]:
    rng = random.Random(13)
    rows = [", ".join(str(rng.randint(1, 99999)) for _ in range(10)) for _ in range(15)]
    table = ["| Item | 2023 | 2024 |", "|---|---|---|"]
    table += [f"| Line {i} | {rng.randint(1, 9999)} | ${rng.randint(1, 900)} million |" for i in range(30)]
    return [
        ("dense.txt", "word 12 " * 150 + "\n"),
        ("spelled.txt", "the two nations and three ships " * 20 + "\n"),
        ("years.txt", "In 2012 and in 2014, 40 troops arrived in Japan. " * 10 + "\n"),
        ("csv.txt", "Budget figures by year:\n" + "\n".join(rows) + "\n"),
        ("table.md", "# Budget\n\nThe budget of the Navy is below.\n\n" + "\n".join(table) + "\n"),
    ]


def articles() -> list[Article]:
    out = []
    for line in CASES.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        out.append(make_article(f"{case['id']}.txt", case["text"], published=case["published"]))
    out += [make_article(name, text, published="2024-05-01") for name, text in _dense()]
    return out
