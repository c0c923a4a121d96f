"""The reference cases of MISSION.md, checked on the seed corpus through the library.

Findings are found by the claims they hold (values and sources), not by the words of a topic.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from alliance_check.check import check
from alliance_check.models import Finding, Report
from tests.conftest import SEEDS, seed_settings


@pytest.fixture(scope="module")
def report(nlp: Any) -> Report:
    return check([str(SEEDS)], seed_settings())


def holding(report: Report, **value: object) -> Finding:
    """The one finding whose claims include a claim with these attributes."""
    matches = [
        f
        for f in report.findings
        if any(all(getattr(report.claim(i), k) == v for k, v in value.items()) for i in f.claim_ids)
    ]
    assert len(matches) == 1, [(f.code, f.subject) for f in matches]
    return matches[0]


def labels(report: Report, finding: Finding) -> set[str]:
    return {report.claim(i).label for i in finding.claim_ids}


def pair_values(report: Report, finding: Finding) -> dict[str, object]:
    assert finding.pair is not None
    return {report.claim(i).label: report.claim(i).value for i in finding.pair}


def test_troop_count_conflict(report: Report) -> None:
    f = holding(report, value=54000.0, kind="count")
    assert (f.code, f.severity) == ("AC101", "error")
    assert labels(report, f) == {"000", "002", "003", "004"}
    assert pair_values(report, f)["004"] == 54000.0
    assert f.message.startswith("004 says 54,000; 000, 002 and 003 say")


def test_distance_is_a_soft_conflict_explained_by_the_bound(report: Report) -> None:
    f = holding(report, value=6500.0, unit="km")
    assert (f.code, f.severity) == ("AC102", "warning")
    assert labels(report, f) == {"002", "003"}
    assert "lower bound" in f.message


def test_scc_date_agrees_and_the_caption_is_not_the_meeting(report: Report) -> None:
    f = holding(report, value="2024-07-28", kind="date")
    assert (f.code, f.verdict) == ("AC001", "agreement")
    assert labels(report, f) == {"000", "002", "003"}
    assert all(report.claim(i).value != "2024-07-29" for i in f.claim_ids)


def test_scc_place_conflict(report: Report) -> None:
    (f,) = [f for f in report.findings if f.code == "AC301"]
    assert f.severity == "error"
    assert pair_values(report, f) == {"000": "Washington", "002": "Tokyo"}


def test_time_difference_agrees(report: Report) -> None:
    f = holding(report, value=19.0, unit="h")
    assert f.verdict == "agreement"
    assert labels(report, f) == {"002", "003"}


def test_traps_are_not_conflicts(report: Report) -> None:
    conflicting = [report.claim(i) for f in report.findings if f.severity != "info" for i in f.claim_ids]
    texts = {c.text for c in conflicting}
    for trap in (
        "1951",
        "1960",
        "70 years",
        "six decades",
        "two",
        "four",
        "26.03.2024",
        "July 29, 2024",
    ):
        assert trap not in texts
    assert {f.severity for f in report.findings if f.code.startswith("AC1")} <= {"error", "warning"}
    errors = sorted(f.code for f in report.findings if f.severity == "error")
    assert errors == ["AC101", "AC301"]


def test_reference_list_is_not_read(report: Report) -> None:
    assert not [
        c
        for c in report.claims
        if c.source.endswith("004_afb83f8b2c0c29bf.txt") and c.line >= 32 and c.line <= 46
    ]
    # 'the two nations', 'the four ministers' refer back: recorded, never compared
    discourse = [
        c
        for c in report.claims
        if c.kind == "count" and c.text.lower() in ("two", "four") and c.frame is None
    ]
    grouped = {c.id for g in report.groups for c in g.claims}
    assert all(c.id not in grouped for c in discourse)


def test_without_the_domain_pack_the_figures_still_conflict(nlp: Any) -> None:
    """The engine needs no knowledge of the story: troops and distance still disagree, and no
    meeting is set against another without the pack's names for the SCC."""
    plain = check([str(SEEDS)], replace(seed_settings(), domains=(), aliases=()))
    flagged = {f.code: f for f in plain.findings if f.severity in ("error", "warning")}
    assert sorted(flagged) == ["AC101", "AC102"]
    assert pair_values(plain, flagged["AC101"])["004"] == 54000.0
    assert {plain.claim(i).value for i in flagged["AC102"].pair or ()} == {6000.0, 6500.0}
