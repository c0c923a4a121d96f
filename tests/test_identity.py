"""Extraction reads the same claims as before the work on speed: the snapshot was written by the
code of commit 66e7fa1 (main before the speed work was merged) over the extraction cases and
dense figures (see identity_inputs.py); the seeds are held by the report snapshot (test_report.py)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from alliance_check.extract import extract_articles
from alliance_check.report.json import claim_record
from tests.identity_inputs import articles

SNAPSHOT = Path(__file__).parent / "snapshots" / "extraction_identity.json"


def test_extraction_is_unchanged_by_the_work_on_speed(nlp: Any) -> None:
    want = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    got = [[claim_record(c) for c in claims] for claims in extract_articles(articles(), nlp)]
    got = json.loads(json.dumps(got, ensure_ascii=False))  # the snapshot's types (tuples as lists)
    assert len(got) == len(want)
    for have, expected in zip(got, want, strict=True):
        assert have == expected
