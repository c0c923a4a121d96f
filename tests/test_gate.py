"""Baselines, fingerprints and inline acceptances, without the model."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from alliance_check.compare import compare_group
from alliance_check.gate import apply_acceptances, apply_baseline, read_baseline, write_baseline
from alliance_check.models import Acceptance, ClaimGroup, Finding, InputError
from alliance_check.settings import Settings
from alliance_check.sources import find_acceptances, make_article
from tests.conftest import make_claim

S = Settings()


def troops(value_004: float = 54000.0, line_004: int = 27, extra: tuple[float, ...] = ()) -> Finding:
    claims = [
        make_claim("000", 55000.0, precision=1000.0, text="55,000", line=11),
        make_claim("004", value_004, precision=1000.0, text=f"{value_004:,.0f}", line=line_004),
        *(make_claim(f"n{i}", v, precision=1000.0, text=f"{v:,.0f}") for i, v in enumerate(extra)),
    ]
    finding = compare_group(ClaimGroup("G001", "US troops in Japan", "count", tuple(claims)), S)
    assert finding is not None
    return finding


def test_fingerprint_survives_moved_lines_and_agreeing_articles() -> None:
    base = troops()
    assert troops(line_004=40).fingerprint == base.fingerprint
    assert troops(extra=(55000.0,)).fingerprint == base.fingerprint


def test_fingerprint_changes_with_a_value() -> None:
    assert troops(value_004=53000.0).fingerprint != troops().fingerprint


def test_baseline_round_trip_and_stale_entries(tmp_path: Path) -> None:
    path = str(tmp_path / "baseline.json")
    old = troops(value_004=53000.0)
    assert write_baseline(path, [old]) == 1
    baseline = read_baseline(path)
    marked, stale = apply_baseline([troops(value_004=53000.0)], baseline)
    assert [f.status for f in marked] == ["baselined"] and stale == []
    marked, stale = apply_baseline([troops()], baseline)
    assert [f.status for f in marked] == ["new"] and stale == [old.fingerprint]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param(None, "baseline not found", id="missing"),
        pytest.param('{"version": 1, "findi', "not a readable alliance-check baseline", id="truncated"),
        pytest.param("\x00\x01garbage", "not a readable alliance-check baseline", id="garbage"),
        pytest.param('{"version": 7, "findings": []}', "not an alliance-check baseline", id="other version"),
        pytest.param("[1, 2]", "not an alliance-check baseline", id="not an object"),
    ],
)
def test_bad_baselines_give_a_clear_error(tmp_path: Path, content: str | None, message: str) -> None:
    path = tmp_path / "baseline.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        read_baseline(str(path))


def test_acceptances_are_read_from_directives_and_front_matter() -> None:
    text = (
        "---\npublished: 2024-08-01\naccept: AC102\n---\n"
        'Body.\n<!-- alliance-check: accept "US troops in Japan" -- the 2023 figure, on purpose -->\n'
        "# alliance-check: accept AC301, AC201\n"
    )
    found = find_acceptances("a.md", text, "published: 2024-08-01\naccept: AC102\n")
    assert [(a.target, a.reason) for a in found] == [
        ("US troops in Japan", "the 2023 figure, on purpose"),
        ("AC301", ""),
        ("AC201", ""),
        ("AC102", ""),
    ]
    article = make_article("a.md", text)
    assert len(article.acceptances) == 4
    assert "alliance-check" not in article.text  # directives are blanked, offsets kept
    assert len(article.text) == len(text)


def test_acceptance_marks_findings_of_its_article_and_unused_ones_are_reported() -> None:
    finding = troops()
    claims = {c: make_claim(c.split(":")[0], 1.0) for c in finding.claim_ids}
    used = Acceptance("004", "us troops in japan", "old figure", 3)
    unused = Acceptance("004", "AC301", "", 4)
    elsewhere = Acceptance("999", "AC101", "", 1)
    marked, left = apply_acceptances([finding], [used, unused, elsewhere], claims)
    assert marked[0].status == "accepted" and "old figure" in (marked[0].note or "")
    assert left == [unused, elsewhere]
    assert replace(marked[0], status="new", note=None) == finding


def test_written_baseline_is_deterministic(tmp_path: Path) -> None:
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    write_baseline(str(a), [troops(), troops(value_004=53000.0)])
    write_baseline(str(b), [troops(value_004=53000.0), troops()])
    assert a.read_text() == b.read_text()
    assert json.loads(a.read_text())["version"] == 1
