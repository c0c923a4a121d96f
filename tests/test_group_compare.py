"""Grouping and comparison on hand-made claims: no model needed."""

from __future__ import annotations

import pytest

from alliance_check.compare import compare_group, compare_pair
from alliance_check.group import group_claims
from alliance_check.models import ClaimGroup
from alliance_check.settings import Settings
from tests.conftest import make_claim

S = Settings()
KM = "quantity|length|distance"


def verdict(a: object, b: object) -> str:
    result = compare_pair(a, b, S)  # type: ignore[arg-type]
    assert result is not None
    return result.verdict


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        pytest.param(
            dict(value=55000.0, precision=1000.0),
            dict(value=55000.0, precision=1000.0, qualifier="approx"),
            "agreement",
            id="hedge on the same value agrees",
        ),
        pytest.param(
            dict(value=54000.0, precision=1000.0),
            dict(value=55000.0, precision=1000.0),
            "conflict",
            id="54,000 vs 55,000",
        ),
        pytest.param(
            dict(value=54000.0, precision=1000.0, qualifier="approx"),
            dict(value=55000.0, precision=1000.0),
            "soft_conflict",
            id="around 54,000 vs 55,000",
        ),
        pytest.param(
            dict(value=6000.0, precision=1000.0),
            dict(value=6500.0, precision=100.0),
            "soft_conflict",
            id="round 6,000 vs 6,500",
        ),
        pytest.param(
            dict(value=6000.0, precision=1000.0, qualifier="lower_bound", unit="km", head=KM),
            dict(value=6500.0, precision=100.0, unit="km", head=KM),
            "soft_conflict",
            id="more than",
        ),
        pytest.param(
            dict(value=6000.0, precision=1000.0, qualifier="lower_bound", unit="km", head=KM),
            dict(value=5800.0, precision=100.0, unit="km", head=KM),
            "conflict",
            id="below a lower bound",
        ),
        pytest.param(
            dict(value=6500.0, precision=100.0, unit="km", head=KM),
            dict(value=4000.0, precision=1000.0, unit="mi", head=KM),
            "agreement",
            id="km vs miles",
        ),
        pytest.param(
            dict(value=6500.0, precision=100.0, unit="km", head=KM),
            dict(value=3000.0, precision=1000.0, unit="mi", head=KM),
            "conflict",
            id="km vs wrong miles",
        ),
        pytest.param(
            dict(value=50000.0, precision=1000.0, as_of="2015-01-01"),
            dict(value=55000.0, precision=1000.0, as_of="2024-07-01"),
            "changed_over_time",
            id="years apart",
        ),
    ],
)
def test_value_pairs(a: dict[str, object], b: dict[str, object], expected: str) -> None:
    assert verdict(make_claim("x", **a), make_claim("y", **b)) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        pytest.param(("2024-07-28", "exact"), ("--07-28", "exact"), "agreement", id="year-less same day"),
        pytest.param(("2024-07-28", "exact"), ("2024-07", "exact"), "agreement", id="coarser month"),
        pytest.param(("2024-07-28", "exact"), ("2024-07-29", "exact"), "conflict", id="next day"),
        pytest.param(("--07-28", "exact"), ("--07-29", "exact"), "conflict", id="year-less different day"),
        pytest.param(
            ("2025-03", "upper_bound"),
            ("2025", "exact"),
            "soft_conflict",
            id="by March vs the year",
        ),
        pytest.param(("2025", "upper_bound"), ("2026", "exact"), "conflict", id="after the deadline"),
    ],
)
def test_date_pairs(a: tuple[str, str], b: tuple[str, str], expected: str) -> None:
    ca = make_claim("x", a[0], kind="date", qualifier=a[1], head="event|SCC", named=True)
    cb = make_claim("y", b[0], kind="date", qualifier=b[1], head="event|SCC", named=True)
    assert verdict(ca, cb) == expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        pytest.param("Washington", "Tokyo", "conflict", id="two known cities"),
        pytest.param("Tokyo", "Japan", "agreement", id="city within country"),
        pytest.param("Tokyo", "Tokyo", "agreement", id="same"),
        pytest.param("Tokyo", "Ichigaya", "soft_conflict", id="unknown place cannot be checked"),
    ],
)
def test_place_pairs(a: str, b: str, expected: str) -> None:
    ca = make_claim("x", a, kind="place", head="place|SCC", named=True)
    cb = make_claim("y", b, kind="place", head="place|SCC", named=True)
    assert verdict(ca, cb) == expected


def test_recurring_event_far_apart_is_not_a_conflict() -> None:
    a = make_claim("x", "2023-01-11", kind="date", head="event|SCC", named=True)
    b = make_claim("y", "2024-07-28", kind="date", head="event|SCC", named=True)
    assert compare_pair(a, b, S, recurring=True).verdict == "changed_over_time"  # type: ignore[union-attr]


def test_groups_need_matching_owners_and_places() -> None:
    claims = [
        make_claim("a", 55000.0, owners=("United States",), places=("Japan",)),
        make_claim("b", 54000.0, owners=("United States",), places=("Japan",)),
        make_claim("c", 28500.0, owners=("United States",), places=("South Korea",)),
        make_claim("d", 247000.0, owners=("Japan",), places=("Japan",)),
        make_claim("e", 55000.0, places=("Japan",)),
    ]
    groups = group_claims(claims, S)
    assert [sorted(c.source for c in g.claims) for g in groups] == [["a", "b", "e"]]


def test_different_heads_never_group() -> None:
    claims = [
        make_claim("a", 1951.0, head="event|signing of Security Treaty (1951)", named=True, kind="date"),
        make_claim(
            "b",
            1960.0,
            head="event|signing of Treaty of Mutual Cooperation (1960)",
            named=True,
            kind="date",
        ),
    ]
    assert group_claims(claims, S) == []


def test_claims_without_shared_anchors_do_not_group() -> None:
    claims = [
        make_claim("a", 5.0, head="count||people"),
        make_claim("b", 7.0, head="count||people"),
    ]
    assert group_claims(claims, S) == []


def test_group_finding_names_the_minority_and_the_pair() -> None:
    claims = (
        make_claim("000", 55000.0, precision=1000.0, text="55,000"),
        make_claim("002", 55000.0, precision=1000.0, qualifier="approx", text="around 55,000"),
        make_claim("004", 54000.0, precision=1000.0, text="54,000"),
    )
    finding = compare_group(ClaimGroup("G001", "US troops in Japan", "count", claims), S)
    assert finding is not None
    assert (finding.code, finding.severity, finding.verdict) == ("AC101", "error", "conflict")
    assert finding.message.startswith("004 says 54,000; 000 and 002 say 55,000 / around 55,000")
    assert set(finding.pair or ()) == {"000:1:1", "004:1:1"}


def test_same_source_pairs_are_not_compared() -> None:
    claims = (make_claim("a", 1.0, line=1), make_claim("a", 2.0, line=2))
    assert compare_group(ClaimGroup("G001", "x", "count", claims), S) is None


def test_rare_shared_anchor_groups_generic_events_but_a_common_one_does_not() -> None:
    background = [
        make_claim(f"bg{i}", 1.0, head=f"count||thing{i}", anchors=("United States",)) for i in range(8)
    ]
    summit = [
        make_claim(
            "a",
            "2023-08-18",
            kind="date",
            head="event|summit",
            anchors=("United States", "Japan", "South Korea", "Camp David"),
        ),
        make_claim("c", "2023-08-19", kind="date", head="event|summit", anchors=("Camp David",)),
    ]
    meetings = [
        make_claim("x", "2023-05-03", kind="date", head="event|meeting", anchors=("United States", "China")),
        make_claim("y", "2023-06-01", kind="date", head="event|meeting", anchors=("United States", "Japan")),
    ]
    groups = group_claims([*background, *summit, *meetings], S)
    assert [sorted(c.source for c in g.claims) for g in groups] == [["a", "c"]]
