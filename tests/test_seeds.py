"""The reference cases of MISSION.md, checked on the seed corpus through the library."""

from __future__ import annotations

from typing import Any

import pytest

from alliance_check.check import check
from alliance_check.models import Finding, Report
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def report(nlp: Any) -> Report:
    return check([str(SEEDS)])


def finding_for(report: Report, subject: str) -> Finding:
    matches = [f for f in report.findings if f.subject == subject]
    assert len(matches) == 1, [f.subject for f in report.findings]
    return matches[0]


def labels(report: Report, finding: Finding) -> set[str]:
    return {report.claim(i).label for i in finding.claim_ids}


def test_troop_count_conflict(report: Report) -> None:
    f = finding_for(report, "US troops in Japan")
    assert (f.code, f.severity) == ("AC101", "error")
    assert labels(report, f) == {"000", "002", "003", "004"}
    assert f.message.startswith("004 says 54,000; 000, 002 and 003 say")


def test_distance_is_a_soft_conflict_explained_by_the_bound(report: Report) -> None:
    f = finding_for(report, "distance between Hawaii and Tokyo")
    assert (f.code, f.severity) == ("AC102", "warning")
    assert labels(report, f) == {"002", "003"}
    assert "'more than 6,000 km' is a lower bound" in f.message


def test_scc_date_agrees_and_the_caption_is_not_the_meeting(report: Report) -> None:
    f = finding_for(report, "date of Security Consultative Committee")
    assert (f.code, f.verdict) == ("AC001", "agreement")
    assert labels(report, f) == {"000", "002", "003"}
    assert all(report.claim(i).value != "2024-07-29" for i in f.claim_ids)


def test_scc_place_conflict(report: Report) -> None:
    f = finding_for(report, "place of Security Consultative Committee")
    assert (f.code, f.severity) == ("AC301", "error")
    values = {report.claim(i).label: report.claim(i).value for i in f.claim_ids}
    assert values == {"000": "Washington", "002": "Tokyo"}


def test_time_difference_agrees(report: Report) -> None:
    f = finding_for(report, "time difference between Hawaii and Tokyo")
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
    errors = sorted(f.subject for f in report.findings if f.severity == "error")
    assert errors == ["US troops in Japan", "place of Security Consultative Committee"]


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
        if c.kind == "count"
        and c.subject
        and any(w in c.subject for w in ("minister", "nation", "countr", "ally", "allies"))
    ]
    grouped = {c.id for g in report.groups for c in g.claims}
    assert all(c.key is None and c.id not in grouped for c in discourse)
