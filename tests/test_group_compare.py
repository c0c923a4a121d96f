"""Grouping and comparison on hand-made claims: no model needed."""

from __future__ import annotations

from array import array
from dataclasses import replace

import pytest

from alliance_check.compare import compare_group, compare_groups, compare_pair
from alliance_check.group import Stats, _same_source_clash, group_claims, pair_features
from alliance_check.linkage import Alike, Taken, best_first
from alliance_check.models import LATER, TOTAL, Claim, ClaimGroup, PairScores
from alliance_check.settings import Settings
from tests.conftest import make_claim

S = Settings()
KM = "distance"


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
            dict(value=2.0, precision=1.0, unit="mi", head="length"),
            dict(value=1.5, precision=0.1, unit="mi", head="length"),
            "conflict",
            id="a 2-mile bridge is not a 1.5-mile one",
        ),
        pytest.param(
            dict(value=2.0, precision=1.0, unit="mi", qualifier="approx", head="length"),
            dict(value=3.0, precision=1.0, unit="km", head="length"),
            "agreement",
            id="about two miles is three kilometres",
        ),
        pytest.param(
            dict(value=2e9, precision=1e9, unit="USD", head="cost"),
            dict(value=2.4e9, precision=1e8, unit="USD", head="cost"),
            "conflict",
            id="$2bn vs $2.4bn",
        ),
        pytest.param(
            dict(value=55000.0, precision=1000.0),
            dict(value=54800.0, precision=100.0),
            "agreement",
            id="a round figure covers what it rounds",
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
    ca = make_claim("x", a[0], kind="date", qualifier=a[1], head="meeting")
    cb = make_claim("y", b[0], kind="date", qualifier=b[1], head="meeting")
    assert verdict(ca, cb) == expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        pytest.param(
            ("2024-03-26T01:28", "exact"), ("2024-03-26T01:29", "exact"), "conflict", id="a minute apart"
        ),
        pytest.param(("2024-03-26T01:28", "exact"), ("2024-03-26T01:28", "approx"), "agreement", id="hedged"),
        pytest.param(
            ("2024-03-26T01:30", "approx"), ("2024-03-26T01:28", "exact"), "soft_conflict", id="round"
        ),
        pytest.param(
            ("2024-03-26T01:00", "exact"), ("2024-03-26T00:40", "approx"), "conflict", id="twenty minutes"
        ),
        pytest.param(
            ("2024-03-26T01:30", "upper_bound"), ("2024-03-26T01:28", "exact"), "soft_conflict", id="before"
        ),
        pytest.param(("T07:00", "exact"), ("2024-05-20T07:00", "exact"), "agreement", id="day unknown"),
    ],
)
def test_time_pairs(a: tuple[str, str], b: tuple[str, str], expected: str) -> None:
    ca = make_claim("x", a[0], kind="time", qualifier=a[1], head="strike")
    cb = make_claim("y", b[0], kind="time", qualifier=b[1], head="strike")
    assert verdict(ca, cb) == expected


@pytest.mark.parametrize(
    ("text", "other", "expected"),
    [
        pytest.param(
            "shortly after 3:10 a.m.", "2024-09-13T03:40", "conflict", id="half an hour is not shortly"
        ),
        pytest.param("shortly after 3:10 a.m.", "2024-09-13T03:18", "soft_conflict", id="eight minutes is"),
        pytest.param("after 3:10 a.m.", "2024-09-13T03:40", "soft_conflict", id="a plain bound stays open"),
        pytest.param(
            "just before noon", "2024-09-13T10:30", "conflict", id="just before, ninety minutes early"
        ),
    ],
)
def test_a_near_bound_on_a_time_stays_near_it(text: str, other: str, expected: str) -> None:
    value, qualifier = (
        ("2024-09-13T12:00", "upper_bound") if "before" in text else ("2024-09-13T03:10", "lower_bound")
    )
    ca = make_claim("x", value, kind="time", qualifier=qualifier, head="burst", text=text)
    cb = make_claim("y", other, kind="time", head="burst")
    assert verdict(ca, cb) == expected


@pytest.mark.parametrize(
    ("text", "value", "qualifier", "other", "expected"),
    [
        pytest.param(
            "since last week", "2024-03-18", "lower_bound", "2024-03-20", "agreement", id="since a week"
        ),
        pytest.param("by March 2027", "2027-03", "upper_bound", "2027-03-15", "agreement", id="by a month"),
        pytest.param(
            "after March 2027", "2027-03", "lower_bound", "2027-03-15", "soft_conflict", id="after excludes"
        ),
        pytest.param(
            "since last week", "2024-03-18", "lower_bound", "2024-03-12", "conflict", id="before it"
        ),
        pytest.param(
            "by March 2027", "2027-03", "upper_bound", "--06-30", "soft_conflict", id="a day of no year"
        ),
    ],
)
def test_an_inclusive_bound_takes_in_its_period(
    text: str, value: str, qualifier: str, other: str, expected: str
) -> None:
    """'since last week' and 'on Wednesday' of that week agree; 'after March' and March 15 do not."""
    precision = "week" if "week" in text else "month"
    value_max = "2024-03-24" if precision == "week" else None
    ca = make_claim(
        "x", value, kind="date", qualifier=qualifier, precision=precision, value_max=value_max, text=text,
        head="stick",
    )  # fmt: skip
    cb = make_claim("y", other, kind="date", head="stick")
    assert verdict(ca, cb) == expected


def test_two_times_of_one_named_event_are_set_against_each_other() -> None:
    """'the blast tore through the hall at 10:40' / 'heard the explosion shortly before 11:15': one
    event of the story, named in other words, timed twice."""
    story = ("plant", "hall", "fertiliser")
    a = make_claim(
        "x", "2026-03-11T10:40", kind="time", head="blast", context=story, topics=("Orin Chemicals",)
    )
    b = make_claim(
        "y", "2026-03-11T11:15", kind="time", head="explosion", context=story, topics=("Orin Chemicals",)
    )
    findings = compare_groups(group_claims([a, b], S), S)
    assert [f.verdict for f in findings] == ["conflict"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        pytest.param(
            "The leak released around 500,000 litres, up from an earlier estimate of 350,000 litres.",
            "changed_over_time",
            id="names the figure it revises",
        ),
        pytest.param(
            "The leak released around 500,000 litres, up from an earlier estimate of 420,000 litres.",
            "conflict",
            id="names another figure",
        ),
    ],
)
def test_a_revision_that_names_the_earlier_figure(sentence: str, expected: str) -> None:
    """Told about the same day, a figure whose sentence revises the other's figure by name has
    changed, not conflicts."""
    litres = {"kind": "quantity", "unit": "l", "qualifier": "approx", "head": "leak", "as_of": "2026-02-09"}
    old = make_claim("x", 350000.0, text="about 350,000 litres", **litres)  # type: ignore[arg-type]
    new = make_claim("y", 500000.0, text="around 500,000 litres", **litres)  # type: ignore[arg-type]
    new = replace(new, sentence=sentence, frame=replace(new.frame, revised=True))  # type: ignore[arg-type]
    assert verdict(old, new) == expected


def test_times_of_different_days_are_not_compared() -> None:
    ca = make_claim("x", "2024-03-26T01:28", kind="time", head="strike")
    cb = make_claim("y", "2024-03-27T01:29", kind="time", head="strike")
    assert compare_pair(ca, cb, S) is None


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        pytest.param(("203", "decade"), ("2032", "year"), "agreement", id="2032 lies in the 2030s"),
        pytest.param(
            ("202", "decade-late"), ("202", "decade"), "agreement", id="the late 2020s lie in the 2020s"
        ),
        pytest.param(("204", "decade-early"), ("204", "decade-late"), "conflict", id="early and late 2040s"),
        pytest.param(("204", "decade-early"), ("2047", "year"), "conflict", id="early 2040s is not 2047"),
        pytest.param(("202", "decade-late"), ("203", "decade"), "conflict", id="late 2020s is not the 2030s"),
    ],
)
def test_decade_pairs(a: tuple[str, str], b: tuple[str, str], expected: str) -> None:
    ca = make_claim("x", a[0], kind="date", precision=a[1], head="start")
    cb = make_claim("y", b[0], kind="date", precision=b[1], head="start")
    assert verdict(ca, cb) == expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        pytest.param("Washington", "Tokyo", "conflict", id="two known cities"),
        pytest.param("Tokyo", "Japan", "agreement", id="city within country"),
        pytest.param("Tokyo", "Tokyo", "agreement", id="same"),
        pytest.param("Seagirt Marine Terminal", "Dundalk Marine Terminal", "conflict", id="two terminals"),
        pytest.param(
            "Ichigaya Base", "Camp Zama", "soft_conflict", id="two unknown places cannot be checked"
        ),
        pytest.param("Tokyo", "Ichigaya Base", "agreement", id="an unknown place may lie in a known one"),
        pytest.param("Harlow Bridge", "Tamsin River", "agreement", id="a bridge over a river"),
        pytest.param("Ravel Port", "North Pier Terminal", "agreement", id="a terminal in a port"),
        pytest.param("Oakmere Station", "Lindell Stadium", "soft_conflict", id="a station and a stadium"),
    ],
)
def test_place_pairs(a: str, b: str, expected: str) -> None:
    ca = make_claim("x", a, kind="place", head="meet")
    cb = make_claim("y", b, kind="place", head="meet")
    assert verdict(ca, cb) == expected


def test_recurring_event_far_apart_is_not_a_conflict() -> None:
    a = make_claim("x", "2023-01-11", kind="date", head="meeting")
    b = make_claim("y", "2024-07-28", kind="date", head="meeting")
    assert compare_pair(a, b, S, recurring=True).verdict == "changed_over_time"  # type: ignore[union-attr]


FLOOD = ("flood", "river", "valley", "evacuate")


def test_the_same_fact_in_other_words_groups() -> None:
    claims = [
        make_claim("a", 12.0, head="dead", terms=("dead", "flood"), context=FLOOD, verb="kill"),
        make_claim("b", 12.0, head="death", terms=("death", "toll", "flood"), context=FLOOD),
        make_claim("c", 14.0, head="fatality", terms=("fatality", "flood"), context=FLOOD),
    ]
    groups = group_claims(claims, S)
    assert [sorted(c.source for c in g.claims) for g in groups] == [["a", "b", "c"]]
    assert groups[0].links and all(link.evidence for link in groups[0].links)


@pytest.mark.parametrize(
    ("head_a", "head_b", "same"),
    [
        pytest.param("voyage", "trip", True, id="a voyage is a trip"),
        pytest.param("containership", "ship", True, id="a containership is a ship"),
        pytest.param("death", "fatality", True, id="a death is a fatality"),
        pytest.param("voyage", "ship", False, id="a voyage is not a ship"),
        pytest.param("rise", "climb", True, id="prices rose / prices climbed"),
        pytest.param("drop", "decline", True, id="sales dropped / sales declined"),
        pytest.param("rise", "drop", False, id="a rise is not a drop"),
        pytest.param("accept", "approve", True, id="voted to accept the deal / approved the deal"),
        pytest.param("ratify", "endorse", True, id="ratified the treaty / endorsed the treaty"),
        pytest.param("approve", "reject", False, id="approving is not rejecting"),
    ],
)
def test_heads_named_in_other_words(head_a: str, head_b: str, same: bool) -> None:
    """The synonym data (synonyms.json, properties) makes two words one head."""
    a = make_claim("a", "Lisbon", kind="place", head=head_a)
    b = make_claim("b", "Porto", kind="place", head=head_b)
    x, _ = pair_features(a, b, Stats([a, b]), S.fuzzy_name_cutoff)
    assert bool(x["head"]) is same


def test_owners_that_clash_never_group() -> None:
    claims = [
        make_claim("a", 55000.0, owners=("United States",), places=("Japan",), context=("base", "alliance")),
        make_claim("b", 54000.0, owners=("United States",), places=("Japan",), context=("base", "alliance")),
        make_claim(
            "c", 28500.0, owners=("United States",), places=("South Korea",), context=("base", "alliance")
        ),
        make_claim("d", 55000.0, owners=("Japan",), places=("Japan",), context=("base", "alliance")),
    ]
    groups = group_claims(claims, S)
    assert [sorted(c.source for c in g.claims) for g in groups] == [["a", "b"]]


@pytest.mark.parametrize(
    ("kinds_a", "kinds_b", "together"),
    [
        pytest.param(("virginia",), ("astute",), False, id="two classes of submarine"),
        pytest.param(("boeing",), ("airbus",), False, id="two makers of jet"),
        pytest.param(("virginia",), ("virginia",), True, id="one class"),
        pytest.param(("virginia",), (), True, id="one side names no kind"),
    ],
)
def test_counts_of_two_named_kinds_never_group(
    kinds_a: tuple[str, ...], kinds_b: tuple[str, ...], together: bool
) -> None:
    fleet = ("navy", "order", "fleet")
    claims = [
        make_claim("a", 3.0, head="submarine", terms=("submarine", "order"), context=fleet, kinds=kinds_a),
        make_claim("b", 4.0, head="submarine", terms=("submarine", "order"), context=fleet, kinds=kinds_b),
    ]
    assert bool(group_claims(claims, S)) is together


@pytest.mark.parametrize(
    ("flow_a", "flow_b", "together"),
    [
        pytest.param("stock", "change", False, id="flies 25 jets / will retire 12 jets"),
        pytest.param("change", "change", True, id="ordered 40 / bought 45"),
        pytest.param("stock", "", True, id="flies 25 / a fleet of 27"),
        pytest.param("delta", "", False, id="a rise of 25 / 27 jets"),
        pytest.param("delta", "stock", False, id="grew by 25 / flies 27"),
        pytest.param("delta", "change", True, id="grew by 25 / bought 27"),
        pytest.param("delta", "delta", True, id="grew by 25 / a rise of 27"),
    ],
)
def test_what_there_is_and_what_changes_never_group(flow_a: str, flow_b: str, together: bool) -> None:
    fleet = ("airline", "jet", "fleet")
    a = make_claim("a", 25.0, head="jet", terms=("jet", "airline"), context=fleet)
    b = make_claim("b", 27.0, head="jet", terms=("jet", "airline"), context=fleet)
    a = replace(a, frame=replace(a.frame, flow=flow_a))  # type: ignore[arg-type]
    b = replace(b, frame=replace(b.frame, flow=flow_b))  # type: ignore[arg-type]
    assert bool(group_claims([a, b], S)) is together


def test_the_first_and_the_second_payment_never_group() -> None:
    grant = ("grant", "council", "payment")
    first = make_claim("a", 2.0e6, kind="money", unit="USD", head="payment", context=grant, precision=1e5)
    second = make_claim("b", 2.1e6, kind="money", unit="USD", head="payment", context=grant, precision=1e5)
    told = make_claim("c", 2.0e6, kind="money", unit="USD", head="payment", context=grant, precision=1e5)
    as_first = replace(first, frame=replace(first.frame, order=1))  # type: ignore[arg-type]
    as_second = replace(second, frame=replace(second.frame, order=2))  # type: ignore[arg-type]
    assert [sorted(c.source for c in g.claims) for g in group_claims([first, second], S)] == [["a", "b"]]
    groups = group_claims([as_first, as_second, told], S)
    assert all({"a", "b"} - {c.source for c in g.claims} for g in groups)


def test_one_payment_and_the_total_of_several_never_group() -> None:
    aid = ("state", "county", "payment", "aid")
    second = make_claim("a", 3.5e6, kind="money", unit="USD", head="payment", context=aid, precision=1e5)
    total = make_claim("b", 5.5e6, kind="money", unit="USD", head="payment", context=aid, precision=1e5)
    second = replace(second, frame=replace(second.frame, order=2))  # type: ignore[arg-type]
    assert len(group_claims([second, total], S)) == 1
    total = replace(total, frame=replace(total.frame, order=TOTAL))  # type: ignore[arg-type]
    assert group_claims([second, total], S) == []


@pytest.mark.parametrize(
    ("order_a", "order_b", "grouped"),
    [
        pytest.param(1, LATER, False, id="the first and the next"),
        pytest.param(TOTAL, LATER, False, id="the total and another"),
        pytest.param(2, LATER, True, id="the second may be the next"),
        pytest.param(LATER, LATER, True, id="two tellings of the next"),
    ],
)
def test_a_later_one_of_several(order_a: int, order_b: int, grouped: bool) -> None:
    """'the next EUR 4.2 billion tranche', 'another $650,000': one after the first, number unknown."""
    aid = ("tranche", "union", "payment", "aid")
    a = make_claim("a", 4.2e9, kind="money", unit="EUR", head="tranche", context=aid, precision=1e8)
    b = make_claim("b", 4.5e9, kind="money", unit="EUR", head="tranche", context=aid, precision=1e8)
    a = replace(a, frame=replace(a.frame, order=order_a))  # type: ignore[arg-type]
    b = replace(b, frame=replace(b.frame, order=order_b))  # type: ignore[arg-type]
    assert (len(group_claims([a, b], S)) == 1) == grouped


def test_part_and_whole_do_not_group() -> None:
    water = ("storm", "outage", "household")
    claims = [
        make_claim("a", 40000.0, head="household", modifiers=("without water",), context=water),
        make_claim("b", 41000.0, head="household", modifiers=("without power",), context=water),
    ]
    assert group_claims(claims, S) == []


def test_an_article_does_not_contradict_itself() -> None:
    budget = ("budget", "council", "school")
    claims = [
        make_claim("a", 4.0, kind="duration", unit="yr", head="plan", context=budget),
        make_claim("a", 30.0, kind="duration", unit="yr", head="plan", context=budget, line=2),
        make_claim("b", 4.0, kind="duration", unit="yr", head="plan", context=budget),
        make_claim("c", 30.0, kind="duration", unit="yr", head="plan", context=budget),
    ]
    for group in group_claims(claims, S):
        values = {c.value for c in group.claims}
        assert len(values) == 1, values


def test_an_article_of_many_figures_is_not_compared_with_itself_pair_by_pair(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Whether two figures of one article can be one fact is asked only of the pairs a merge
    would join: 280 figures of one article cost a few hundred questions, not 40,000."""
    import alliance_check.group as group

    asked = []
    real = group._same_source_clash
    monkeypatch.setattr(group, "_same_source_clash", lambda a, b: asked.append(1) or real(a, b))
    context = ("reservoir", "dam", "water")
    claims = [
        make_claim("a", float(100 + 7 * i), head="gate", context=context, line=i + 1) for i in range(280)
    ]
    claims.append(make_claim("b", 100.0, head="gate", context=context))
    groups = group_claims(claims, S)
    assert [sorted(c.source for c in g.claims) for g in groups] == [["a", "b"]]
    assert len(asked) < 1_000


def test_a_group_keeps_the_links_that_made_it() -> None:
    """Thirty articles give one figure: 29 links join them, not one per pair of articles."""
    context = ("reservoir", "dam", "water")
    claims = [make_claim(f"s{i:02d}", 40.0, head="gate", context=context) for i in range(30)]
    (group,) = group_claims(claims, S)
    assert len(group.claims) == 30
    assert len(group.links) == 29


def test_a_figure_repeated_a_thousand_times_is_scored_a_few_times() -> None:
    """A figure written over and over in two articles: its first repeats stand for the rest."""
    context = ("reservoir", "dam", "water")
    claims = [
        make_claim(source, 40.0, head="gate", context=context, line=i + 1)
        for source in ("a", "b")
        for i in range(1000)
    ]
    (group,) = group_claims(claims, S)
    assert len(group.claims) == 2000
    assert len(group.scores) <= 64


@pytest.mark.parametrize(
    ("a", "b", "alike"),
    [
        pytest.param({}, {}, True, id="one sentence in two articles"),
        pytest.param({"as_of": "2024-01-05"}, {"as_of": "2024-06-05"}, True, id="a count told on two days"),
        pytest.param(
            {"kind": "money", "unit": "EUR", "as_of": "2024-01-05"},
            {"kind": "money", "unit": "EUR", "as_of": "2024-06-05"},
            False,
            id="a sum told on two days: two rates of exchange",
        ),
        pytest.param({"topics": ("Oslo",)}, {"topics": ("Lagos",)}, False, id="articles about two things"),
        pytest.param({"qualifier": "approx"}, {}, False, id="about and exactly"),
        pytest.param({"head": "ferry"}, {}, False, id="two heads"),
    ],
)
def test_claims_that_say_the_same_are_scored_once(
    a: dict[str, object], b: dict[str, object], alike: bool
) -> None:
    """Two claims of one content score alike against any third: the pair is scored once."""
    first, second = make_claim("x", 40.0, **a), make_claim("y", 40.0, **b)  # type: ignore[arg-type]
    third = make_claim("z", 42.0, **a)  # type: ignore[arg-type]
    calls: list[str] = []

    def work(one: Claim, other: Claim) -> tuple[float, bool]:
        calls.append(one.id)
        return 1.0, False

    table = Alike([first, second, third])
    assert table.score(first, third, work) == table.score(second, third, work) == (1.0, False)
    assert len(calls) == (1 if alike else 2)


@pytest.mark.parametrize(
    ("likely", "as_bits"),
    [pytest.param(1000, True, id="dense: a bit each"), pytest.param(1, False, id="sparse: a set")],
)
def test_which_articles_a_node_has_its_match_in(likely: int, as_bits: bool) -> None:
    taken = Taken(nodes=50, sources=30, likely=likely)
    assert (taken.bits is not None) is as_bits
    for number in (0, 7, 8, 49 * 30 + 29):
        assert number not in taken
        taken.add(number)
        assert number in taken
    assert 1 not in taken and 9 not in taken and 49 * 30 + 28 not in taken


SCORED = PairScores(["a:1:1", "b:2:5", "c:1:9"], [(0, 1, 2.5), (2, 1, -1.0)])


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        pytest.param("a:1:1", "b:2:5", 2.5, id="as scored"),
        pytest.param("b:2:5", "a:1:1", 2.5, id="in the other order"),
        pytest.param("b:2:5", "c:1:9", -1.0, id="second pair, other order"),
        pytest.param("a:1:1", "c:1:9", None, id="a pair never scored"),
        pytest.param("a:1:1", "z:9:9", None, id="a claim not in the group"),
    ],
)
def test_a_groups_pair_scores_read_by_ids(a: str, b: str, expected: float | None) -> None:
    group = ClaimGroup("G001", "ferries", "count", (), scores=SCORED)
    assert group.score(a, b) == expected
    plain = replace(group, scores=tuple(SCORED))  # as the run cache reads it back
    assert plain.score(a, b) == expected


def test_pair_scores_read_as_triples() -> None:
    assert list(SCORED) == [("a:1:1", "b:2:5", 2.5), ("c:1:9", "b:2:5", -1.0)]
    assert tuple(SCORED) == SCORED and len(SCORED) == 2 and SCORED[-1] == ("c:1:9", "b:2:5", -1.0)
    assert not PairScores([], [])


@pytest.mark.parametrize("run", [1, 3, 1 << 16], ids=["a pair a run", "short runs", "one run"])
def test_likely_pairs_best_first_ties_in_order(run: int) -> None:
    """Scores repeat (one sentence in many articles): equal scores keep the order of their pairs."""
    scores = array("d", [0.5, 2.0, 2.0, -1.0, 0.5, 2.0, 0.0, -0.0, 3.5])
    positions = array("q", [0, 1, 2, 4, 5, 6, 7, 8])
    assert list(best_first(positions, scores, run)) == [8, 1, 2, 5, 0, 4, 6, 7]


def test_one_sentence_in_many_articles_groups_as_before() -> None:
    """Forty articles tell one figure and a tenth another: one group, both figures, every article."""
    context = ("ferry", "harbour", "crossing")
    claims = [
        make_claim(f"s{i:02d}", 44.0 if i % 10 else 40.0, head="passenger", context=context)
        for i in range(40)
    ]
    (group,) = group_claims(claims, S)
    assert len(group.sources) == 40
    assert {c.value for c in group.claims} == {40.0, 44.0}
    assert compare_group(group, S) is not None


@pytest.mark.parametrize(
    ("a", "b", "two_facts"),
    [
        pytest.param(
            dict(value="2031", kind="date", precision="year", head="construction"),
            dict(value="2032", kind="date", precision="year", head="delivery"),
            True,
            id="a start and a delivery a year apart are two dates",
        ),
        pytest.param(
            dict(value=120.0, head="firefighter"),
            dict(value=125.0, head="engine"),
            True,
            id="firefighters and engines close in number are two counts",
        ),
        pytest.param(
            dict(value=1.2e6, kind="money", unit="EUR", head="fine", precision=1e5),
            dict(value=1.25e6, kind="money", unit="EUR", head="penalty", precision=1e4),
            False,
            id="a fine and a penalty are one word in the synonym data",
        ),
        pytest.param(
            dict(value=43.0, head="patient"),
            dict(value=44.0, head="patient"),
            False,
            id="the same head with close values may be one figure told twice",
        ),
        pytest.param(
            dict(value=43.0, head="patient"),
            dict(value=43.0, head="bed"),
            False,
            id="a count told twice may hang on two nouns",
        ),
        pytest.param(
            dict(value="2029", kind="date", precision="year", head="construction"),
            dict(value="2029", kind="date", precision="year", head="election"),
            True,
            id="two events of one year are two dates",
        ),
        pytest.param(
            dict(value=2e9, value_max=3e9, kind="money", unit="USD", head="tag", precision=1e9),
            dict(value=3e9, kind="money", unit="USD", head="cost", qualifier="upper_bound", precision=1e9),
            False,
            id="a price tag of $2-3 billion and a cost of up to $3 billion may be one sum",
        ),
        pytest.param(
            dict(value=2e9, value_max=3e9, kind="money", unit="USD", head="tag", precision=1e9),
            dict(value=5e9, kind="money", unit="USD", head="cost", precision=1e9),
            True,
            id="a range and a sum outside it on another word are two sums",
        ),
        pytest.param(
            dict(value=200.0, value_max=300.0, head="people"),
            dict(value=250.0, head="resident"),
            False,
            id="a count inside a range told on another noun may be one count told twice",
        ),
        pytest.param(
            dict(value="204", kind="date", precision="decade-early", head="boat", order=1),
            dict(value="204", kind="date", precision="decade-early", head="receive", order=1),
            False,
            id="the first boat is due, the navy receives its first boat: one date told twice",
        ),
        pytest.param(
            dict(value="204", kind="date", precision="decade-early", head="boat", order=1),
            dict(value="2050", kind="date", precision="year", head="receive", order=1),
            True,
            id="the first of several on two far dates are two facts",
        ),
        pytest.param(
            dict(value="2040", kind="date", precision="year", head="boat", order=1),
            dict(value="2040", kind="date", precision="year", head="receive"),
            True,
            id="the first one and one that is not said to be the first",
        ),
    ],
)
def test_an_article_tells_two_facts_by_two_heads(
    a: dict[str, object], b: dict[str, object], two_facts: bool
) -> None:
    first = make_claim("a", **{k: v for k, v in a.items() if k != "order"})  # type: ignore[arg-type]
    second = make_claim("a", line=4, **{k: v for k, v in b.items() if k != "order"})  # type: ignore[arg-type]
    first = replace(first, frame=replace(first.frame, order=a.get("order", 0)))  # type: ignore[arg-type]
    second = replace(second, frame=replace(second.frame, order=b.get("order", 0)))  # type: ignore[arg-type]
    assert _same_source_clash(first, second) is two_facts


def test_far_apart_values_of_unrelated_sentences_do_not_group() -> None:
    claims = [
        make_claim("a", 5.0, head="people", context=("rescue", "boat")),
        make_claim("b", 700.0, head="people", context=("concert", "ticket")),
    ]
    assert group_claims(claims, S) == []


def test_groups_refer_to_both_sources_once() -> None:
    quake = ("quake", "magnitude", "coast")
    claims = [
        make_claim("a", 7.5, kind="quantity", unit="Mw", head="magnitude", context=quake),
        make_claim("b", 7.6, kind="quantity", unit="Mw", head="magnitude", context=quake),
        make_claim("b", 7.6, kind="quantity", unit="Mw", head="magnitude", context=quake, line=3),
    ]
    (group,) = group_claims(claims, S)
    assert sorted(c.id for c in group.claims) == ["a:1:1", "b:1:1", "b:3:1"]


def test_a_running_tally_counted_on_two_days_changed() -> None:
    claims = (
        make_claim("a", 4.0, head="dead", as_of="2024-01-02"),
        make_claim("b", 9.0, head="dead", as_of="2024-01-08"),
    )
    finding = compare_group(ClaimGroup("G001", "dead", "count", claims), S)
    assert finding is not None and finding.verdict == "changed_over_time"


@pytest.mark.parametrize(
    ("head", "verb", "verdict"),
    [
        pytest.param("home", "destroy", "changed_over_time", id="homes destroyed, told by the verb"),
        pytest.param("contain", "contain", "changed_over_time", id="the share of a fire contained"),
        pytest.param("acre", "scorch", "changed_over_time", id="the area burned, in another word"),
        pytest.param("seat", "win", "conflict", id="seats won is a fixed result"),
    ],
)
def test_a_tally_counted_on_two_days_by_its_head_or_verb(head: str, verb: str, verdict: str) -> None:
    claims = (
        make_claim("a", 37.0, head=head, verb=verb, as_of="2024-08-03"),
        make_claim("b", 44.0, head=head, verb=verb, as_of="2024-08-07"),
    )
    finding = compare_group(ClaimGroup("G001", head, "count", claims), S)
    assert finding is not None and finding.verdict == verdict


def test_figures_of_one_named_year_told_years_apart_are_compared() -> None:
    claims = (
        make_claim("a", 22000.0, kind="quantity", unit="acre", head="burn", years=("2017",), as_of="2017"),
        make_claim(
            "b", 18000.0, kind="quantity", unit="acre", head="burn", years=("2017",), as_of="2026-08-10"
        ),
    )
    finding = compare_group(ClaimGroup("G001", "burn", "quantity", claims), S)
    assert finding is not None and finding.verdict == "conflict"


def test_a_fixed_figure_counted_on_two_days_conflicts() -> None:
    claims = (
        make_claim("a", 984.0, kind="quantity", unit="ft", head="length", as_of="2024-03-26"),
        make_claim("b", 947.0, kind="quantity", unit="ft", head="length", as_of="2024-05-14"),
    )
    finding = compare_group(ClaimGroup("G001", "length", "quantity", claims), S)
    assert finding is not None and finding.verdict == "conflict"


def test_a_conflict_needs_direct_evidence() -> None:
    a = make_claim("a", 100.0, head="payment")
    b = make_claim("b", 100.0, head="payment")
    c = make_claim("c", 300.0, head="payment")
    group = ClaimGroup(
        "G001", "payment", "money", (a, b, c), scores=(("a:1:1", "b:1:1", 5.0), ("b:1:1", "c:1:1", 0.5))
    )
    settings = Settings(conflicts=replace(S.conflicts, threshold=1.0))
    finding = compare_group(group, settings)
    assert finding is not None and finding.verdict == "agreement"
    linked = replace(group, scores=(*group.scores, ("a:1:1", "c:1:1", 3.0)))
    assert compare_group(linked, settings).verdict == "conflict"  # type: ignore[union-attr]


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


def test_a_restatement_in_other_units_is_one_statement() -> None:
    """'NZ$1.9 billion ($1.1 billion)': one statement in two currencies, grouped as one fact and
    never set against itself; without the restatement the two could not share a group."""
    ctx = ("stadium", "council", "cost")
    nzd = make_claim("a", 1.9e9, kind="money", unit="NZD", head="cost", context=ctx, precision=1e8)
    usd = make_claim("a", 1.1e9, kind="money", unit="USD", head="cost", context=ctx, precision=1e8, line=2)
    told = replace(usd, frame=replace(usd.frame, restates=nzd.id))  # type: ignore[arg-type]
    assert _same_source_clash(nzd, usd) and not _same_source_clash(nzd, told)
    others = [
        make_claim("b", 1.1e9, kind="money", unit="USD", head="cost", context=ctx, precision=1e8),
        make_claim("c", 1.9e9, kind="money", unit="NZD", head="cost", context=ctx, precision=1e8),
    ]
    (group,) = group_claims([nzd, told, *others], S)
    assert len(group.claims) == 4
    assert compare_group(group, S).verdict == "agreement"  # type: ignore[union-attr]


def test_a_restatement_stands_for_what_it_restates_in_its_article() -> None:
    """An article gives a range in one currency and its top end converted ('between NZ$1.5 billion
    and NZ$1.9 billion'; 'up to NZ$1.9 billion ($1.1 billion)'): the converted sum is the top end,
    so it never keeps the range out of the group that holds both."""
    ctx = ("stadium", "council", "cost")

    def money(source: str, value: float, unit: str, line: int, **kw: object) -> Claim:
        return make_claim(
            source, value, kind="money", unit=unit, head="cost", context=ctx, precision=1e8, line=line, **kw
        )  # type: ignore[arg-type]

    ranged = money("a", 1.5e9, "NZD", 1, value_max=1.9e9)
    top = money("a", 1.9e9, "NZD", 2, qualifier="upper_bound")
    usd = money("a", 1.1e9, "USD", 3, qualifier="upper_bound")
    told = replace(usd, frame=replace(usd.frame, restates=top.id))  # type: ignore[arg-type]
    others = [
        money("b", 1.5e9, "NZD", 1, value_max=1.9e9),
        money("b", 1.9e9, "NZD", 2, qualifier="upper_bound"),
        money("c", 1.9e9, "NZD", 1, qualifier="upper_bound"),
        money("d", 1.1e9, "USD", 1, qualifier="upper_bound"),
    ]
    groups = group_claims([ranged, top, told, *others], S)
    assert any({ranged.id, told.id} <= {c.id for c in g.claims} for g in groups), groups
    # without the restatement, a range in one currency and a sum in another are two sums
    apart = group_claims([ranged, top, usd, *others], S)
    assert not any({ranged.id, usd.id} <= {c.id for c in g.claims} for g in apart), apart


@pytest.mark.parametrize(("order", "flagged"), [(1, True), (0, False)])
def test_the_same_one_of_several_told_in_other_words(order: int, flagged: bool) -> None:
    """'The first turbine is due in 2027' / 'the first turbine should arrive in 2028': both name
    the first, so the two dates are of one event; without 'first' they may be of two turbines."""
    ctx = ("wind", "farm", "turbine", "developer")
    due = make_claim(
        "a", "2027", kind="date", precision="year", head="turbine", terms=("turbine",), context=ctx
    )
    arrive = make_claim(
        "b", "2028", kind="date", precision="year", head="arrive", terms=("arrive", "turbine"), context=ctx
    )
    due = replace(due, frame=replace(due.frame, order=order))  # type: ignore[arg-type]
    arrive = replace(arrive, frame=replace(arrive.frame, order=order))  # type: ignore[arg-type]
    findings = compare_groups(group_claims([due, arrive], S), S)
    assert any(f.verdict == "conflict" for f in findings) is flagged, findings


def test_when_a_thing_begins_and_when_it_ends_never_group() -> None:
    """'The strike began on March 1' / 'the strike ended on March 4'."""
    began = make_claim(
        "a", "2024-03-01", kind="date", head="strike", verb="begin", context=("strike", "union")
    )
    ended = make_claim("b", "2024-03-04", kind="date", head="strike", verb="end", context=("strike", "union"))
    again = make_claim(
        "c", "2024-03-02", kind="date", head="strike", verb="start", context=("strike", "union")
    )
    groups = group_claims([began, ended, again], S)
    assert all({"a", "b"} - {c.source for c in g.claims} for g in groups), groups
    assert any({"a", "c"} <= {c.source for c in g.claims} for g in groups), groups


@pytest.mark.parametrize(
    ("told", "nested"),
    [
        pytest.param(
            dict(value=100e6, qualifier="lower_bound"), True, id="more than $100 million and $103 million"
        ),
        pytest.param(dict(value=105e6, qualifier="approx"), True, id="about $105 million and $103 million"),
        pytest.param(
            dict(value=80e6, qualifier="lower_bound"), False, id="more than $80 million: more than 10% off"
        ),
        pytest.param(dict(value=100e6, head="fine"), False, id="$100 million of another head"),
        pytest.param(dict(value=110e6), False, id="two exact sums are two figures"),
    ],
)
def test_a_figure_told_twice_in_one_article(told: dict[str, object], nested: bool) -> None:
    """'The owners would pay more than $100 million' and 'would pay $103 million' in one article
    are one figure: one node, which the exact sum speaks for."""
    from alliance_check.group import _collapse

    kw: dict[str, object] = dict(kind="money", unit="USD", head="pay", precision=1e6) | told
    bound = make_claim("b", **kw)  # type: ignore[arg-type]
    exact = make_claim("b", 103e6, kind="money", unit="USD", head="pay", precision=1e6, line=5)
    nodes = _collapse([bound, exact])
    assert (len(nodes) == 1) is nested, nodes
    if nested:
        assert nodes[0].first is exact


def test_a_date_inside_another_of_the_same_article() -> None:
    """'Measles campaign to begin next week' and 'the campaign begins on March 10' in one article,
    'the campaign will kick off on March 9' in another: the week holds March 10, so the article's
    two dates are one, and March 9 is set against March 10 although the week holds it too."""
    ctx = ("measles", "vaccination", "campaign")
    week = make_claim(
        "b", "2026-03-09", kind="date", precision="week", value_max="2026-03-15", head="campaign",
        verb="begin", context=ctx,
    )  # fmt: skip
    day = make_claim("b", "2026-03-10", kind="date", head="campaign", verb="begin", context=ctx, line=3)
    other = make_claim("a", "2026-03-09", kind="date", head="campaign", verb="kick off", context=ctx)
    findings = compare_groups(group_claims([week, day, other], S), S)
    assert any(f.verdict == "conflict" for f in findings), findings


@pytest.mark.parametrize(
    ("verb_a", "aspect_b", "together"),
    [
        pytest.param("fly", "end", False, id="flies jets today / keeps them flying until 2030"),
        pytest.param("fly", "", True, id="flies jets today / flies them in 2025"),
        pytest.param("end", "end", True, id="service ends in 2030 / flying until 2030: one end"),
    ],
)
def test_a_state_held_and_a_state_ended(verb_a: str, aspect_b: str, together: bool) -> None:
    """'The airline flies 25 jets today' / 'it will keep the jets flying until 2030': the end of a
    state is not a moment it holds."""
    ctx = ("airline", "jet", "fleet")
    a = make_claim("a", "2025", kind="date", precision="year", head="fly", verb=verb_a, context=ctx)
    b = make_claim("b", "2030", kind="date", precision="year", head="fly", verb="fly", context=ctx)
    b = replace(b, frame=replace(b.frame, aspect=aspect_b))  # type: ignore[arg-type]
    x, _ = pair_features(a, b, Stats([a, b]), S.fuzzy_name_cutoff)
    assert (not x["clash"]) is together


@pytest.mark.parametrize(
    ("verb_a", "terms_b", "flagged"),
    [
        pytest.param("begin", ("start",), True, id="begins / starts, in a table row"),
        pytest.param("get under way", ("start",), True, id="gets under way / starts"),
        pytest.param("", ("start",), False, id="only one says it begins"),
        pytest.param("finish", ("end",), True, id="finishes / ends"),
    ],
)
def test_the_start_of_the_same_thing_is_one_event(
    verb_a: str, terms_b: tuple[str, ...], flagged: bool
) -> None:
    """'Construction should begin in the late 2020s' / 'Construction starts in Adelaide | 2031':
    the start (or the end) of one thing, told in other words, is one date."""
    a = make_claim(
        "a", "2028", kind="date", precision="year", head="construction", verb=verb_a,
        terms=("construction", "dock"), context=("shipyard",),
    )  # fmt: skip
    b = make_claim(
        "b", "2031", kind="date", precision="year", head="construction",
        terms=("construction", *terms_b, "city"), context=("shipyard",),
    )  # fmt: skip
    findings = compare_groups(group_claims([a, b], S), S)
    assert any(f.verdict == "conflict" for f in findings) is flagged, findings


@pytest.mark.parametrize(
    ("order_a", "order_b", "compared"),
    [
        pytest.param(2, 0, False, id="the second payment and a payment that does not say which"),
        pytest.param(LATER, 2, False, id="the next payment and the second"),
        pytest.param(3, 2, False, id="the third and the second"),
        pytest.param(2, 2, True, id="the second payment told twice"),
        pytest.param(1, 0, True, id="the first payment and a payment"),
        pytest.param(0, 0, True, id="neither says which"),
    ],
)
def test_one_of_several_and_a_figure_that_may_be_another(order_a: int, order_b: int, compared: bool) -> None:
    """'The second payment of $525 million' / 'the $500 million payment': another of them, maybe."""
    a = make_claim("x", 525e6, kind="money", unit="USD", head="payment", precision=1e6)
    b = make_claim("y", 500e6, kind="money", unit="USD", head="payment", precision=1e6)
    a = replace(a, frame=replace(a.frame, order=order_a))  # type: ignore[arg-type]
    b = replace(b, frame=replace(b.frame, order=order_b))  # type: ignore[arg-type]
    for one, other in ((a, b), (b, a)):
        pair = compare_pair(one, other, S)
        assert (pair is not None and pair.verdict == "conflict") is compared, pair


@pytest.mark.parametrize(
    ("first", "other", "expected"),
    [
        pytest.param(
            "2024-03-25", "2024-03-26", "changed_over_time", id="a day after the first may be a later one"
        ),
        pytest.param("2024-03-25", "2024-03-22", "conflict", id="a day before the first one conflicts"),
        pytest.param("2024-03-25", "2024-03-25", "agreement", id="the day of the first"),
        pytest.param(
            "2019", "2021", "changed_over_time", id="the first ferry in one year, a ferry in a later one"
        ),
    ],
)
def test_the_first_of_several_and_another_day(first: str, other: str, expected: str) -> None:
    """'The ship first lost power on March 25' / 'the ship lost power on March 26'."""
    ca = make_claim("x", first, kind="date", head="lose", precision="day" if len(first) > 4 else "year")
    cb = make_claim("y", other, kind="date", head="lose", precision="day" if len(other) > 4 else "year")
    ca = replace(ca, frame=replace(ca.frame, order=1))  # type: ignore[arg-type]
    assert verdict(ca, cb) == expected
    assert verdict(cb, ca) == expected


@pytest.mark.parametrize(
    ("a", "b", "together"),
    [
        pytest.param(
            dict(value="2030", qualifier="upper_bound", tally=5.0),
            dict(value="2027", order=1),
            False,
            id="five by a deadline and the first on a day are two milestones",
        ),
        pytest.param(
            dict(value="2035", qualifier="upper_bound", tally=12.0),
            dict(value="2031", qualifier="upper_bound", tally=4.0),
            False,
            id="all twelve by one year and four by another",
        ),
        pytest.param(
            dict(value="2030", qualifier="upper_bound", tally=5.0),
            dict(value="2032", qualifier="upper_bound", tally=5.0),
            True,
            id="five by one year and five by another may be one deadline told twice",
        ),
        pytest.param(
            dict(value="2024-03-25", tally=2.0),
            dict(value="2024-03-25", order=1),
            True,
            id="two outages on a day and the first outage that day",
        ),
        pytest.param(
            dict(value=30.0, kind="duration", unit="yr", tally=8.0),
            dict(value=20.0, kind="duration", unit="yr", order=1),
            False,
            id="eight ships over three decades and the first ship in twenty years",
        ),
        pytest.param(
            dict(value=30.0, kind="duration", unit="yr", tally=8.0),
            dict(value=25.0, kind="duration", unit="yr"),
            True,
            id="a span of eight ships and a span of no stated number",
        ),
        pytest.param(
            dict(value="2032", qualifier="lower_bound", tally=3.0),
            dict(value="2032", tally=2.0),
            True,
            id="no deadline: a start and a day of other numbers may be one date",
        ),
    ],
)
def test_milestones_of_different_numbers_never_group(
    a: dict[str, object], b: dict[str, object], together: bool
) -> None:
    ctx = ("navy", "frigate", "shipyard", "delivery")

    def dated(source: str, value: object, tally: float = 0.0, order: int = 0, **kw: object) -> Claim:
        kw.setdefault("kind", "date")
        precision = 1.0 if kw["kind"] == "duration" else "day" if len(str(value)) == 10 else "year"
        c = make_claim(source, value, head="delivery", context=ctx, precision=precision, **kw)  # type: ignore[arg-type]
        return replace(c, frame=replace(c.frame, tally=tally, order=order))  # type: ignore[arg-type]

    groups = group_claims([dated("a", **a), dated("b", **b)], S)  # type: ignore[arg-type]
    assert bool(groups) is together


@pytest.mark.parametrize(
    ("tally_b", "verb_b", "flagged"),
    [
        pytest.param(5.0, "", True, id="five by 2030 and five by 2045: one milestone, far apart"),
        pytest.param(0.0, "", False, id="five by 2030 and a ship by 2045: far apart, not one fact"),
        pytest.param(5.0, "begin", False, id="five done by 2030 and building five begins in 2045"),
    ],
)
def test_the_same_number_of_the_same_things_by_a_day(tally_b: float, verb_b: str, flagged: bool) -> None:
    """'The navy is to build five frigates by 2030' / 'five frigates are due by the mid-2040s': the
    same number of the same things by a deadline is one milestone, however far apart the days."""
    ctx = ("navy", "frigate", "shipyard")
    a = make_claim(
        "a", "2030", kind="date", precision="year", qualifier="upper_bound", head="build",
        verb="build", terms=("build", "frigate"), context=ctx,
    )  # fmt: skip
    b = make_claim(
        "b", "2045", kind="date", precision="year", qualifier="upper_bound", head="navy",
        verb=verb_b, terms=("navy", "frigate"), context=ctx,
    )  # fmt: skip
    a = replace(a, frame=replace(a.frame, tally=5.0))  # type: ignore[arg-type]
    b = replace(b, frame=replace(b.frame, tally=tally_b))  # type: ignore[arg-type]
    findings = compare_groups(group_claims([a, b], S), S)
    # two deadlines agree only because a deadline allows an earlier day: a soft conflict
    assert any(f.verdict in ("conflict", "soft_conflict") for f in findings) is flagged, findings


def test_a_restated_pair_is_never_compared() -> None:
    metres = make_claim("a", 300.0, kind="quantity", unit="m", head="height")
    feet = make_claim("b", 800.0, kind="quantity", unit="ft", head="height")  # a wrong conversion
    assert verdict(metres, feet) == "conflict"
    told = replace(feet, frame=replace(feet.frame, restates=metres.id))  # type: ignore[arg-type]
    assert compare_pair(metres, told, S) is None and compare_pair(told, metres, S) is None


@pytest.mark.parametrize(
    ("a", "b", "set_against"),
    [
        pytest.param(
            dict(names=("port authority",), topics=("aurora", "harbour board")),
            dict(names=("coast guard",), topics=("aurora", "tug crew")),
            True,
            id="one ship's departure, told by articles about that ship",
        ),
        pytest.param(
            dict(names=("port authority",), topics=("aurora",)),
            dict(names=("coast guard",), topics=("borealis",)),
            False,
            id="departures of two ships",
        ),
        pytest.param(
            dict(names=("port authority",), topics=("aurora",), head="arrive"),
            dict(names=("coast guard",), topics=("aurora",)),
            False,
            id="the ship's arrival and its departure",
        ),
    ],
)
def test_times_of_one_event_are_set_against_each_other(
    a: dict[str, object], b: dict[str, object], set_against: bool
) -> None:
    """A time of day is only the time of an event: two are compared when they name the same event
    and share a name, a place or what their articles are about."""
    from alliance_check.group import Stats, _conflict_score

    base = dict(kind="time", precision="minute", head="leave", terms=("leave", "port"))
    x = make_claim("a", "2024-05-02T00:40", **{**base, **a})  # type: ignore[arg-type]
    y = make_claim("b", "2024-05-02T01:00", **{**base, **b})  # type: ignore[arg-type]
    score = _conflict_score(x, y, Stats([x, y]), S)
    assert (score > S.conflicts.prior) == set_against


@pytest.mark.parametrize(
    ("a", "b", "ratio"),
    [
        pytest.param((368e9, None), (268e9, 368e9), 1.0, id="the top of a range"),
        pytest.param((300.0, None), (250.0, 400.0), 1.0, id="inside a range"),
        pytest.param((500.0, None), (250.0, 400.0), 1.25, id="above a range: from its top"),
        pytest.param((100.0, None), (250.0, 400.0), 2.5, id="below a range: from its bottom"),
        pytest.param((10.0, 20.0), (30.0, 40.0), 1.5, id="two ranges apart"),
        pytest.param((40.0, None), (20.0, None), 2.0, id="two values"),
    ],
)
def test_how_far_apart_a_value_and_a_range_are(
    a: tuple[float, float | None], b: tuple[float, float | None], ratio: float
) -> None:
    """A figure told as a range is as close to another as its nearest end ('A$368 billion' is in
    'A$268-368 billion')."""
    from alliance_check.group import _value_ratio

    x = make_claim("a", a[0], value_max=a[1], qualifier="range" if a[1] else "exact")
    y = make_claim("b", b[0], value_max=b[1], qualifier="range" if b[1] else "exact")
    assert _value_ratio(x, y) == pytest.approx(ratio)
    assert _value_ratio(y, x) == pytest.approx(ratio)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        pytest.param(
            (342e9, "EUR", "approx"),
            (368e9, "AUD", "upper_bound"),
            "conflict",
            id="euros worth more than the most the dollars could be",
        ),
        pytest.param((368e9, "AUD", "exact"), (245e9, "USD", "exact"), None, id="a conversion at some rate"),
        pytest.param(
            (90e6, "GBP", "exact"), (100e6, "EUR", "exact"), None, id="pounds and euros that may agree"
        ),
        pytest.param((5e6, "ARS", "exact"), (90e6, "USD", "exact"), None, id="a currency with no rate"),
        pytest.param(
            (10e6, "JPY", "exact"), (5e6, "USD", "exact"), "conflict", id="yen and dollars far apart"
        ),
    ],
)
def test_sums_in_two_currencies(
    a: tuple[float, str, str], b: tuple[float, str, str], expected: str | None
) -> None:
    """Sums in two currencies conflict only when they differ at every exchange rate of the years
    data/currencies.json covers; else they cannot be told apart and are not compared."""
    x = make_claim("a", a[0], kind="money", unit=a[1], qualifier=a[2], precision=1e6, as_of="2024-04-28")
    y = make_claim("b", b[0], kind="money", unit=b[1], qualifier=b[2], precision=1e6, as_of="2024-05-01")
    result = compare_pair(x, y, S)
    assert (result.verdict if result else None) == expected


def test_sums_in_two_currencies_told_years_apart_changed() -> None:
    """As in one currency, two figures that refer to dates far apart changed over time."""
    x = make_claim("a", 10e6, kind="money", unit="JPY", precision=1e6, as_of="2016-03-14")
    y = make_claim("b", 5e6, kind="money", unit="USD", precision=1e6, as_of="2024-05-01")
    assert compare_pair(x, y, S).verdict == "changed_over_time"  # type: ignore[union-attr]


def test_sums_in_two_currencies_are_as_close_as_the_rates_allow() -> None:
    from alliance_check.group import _value_ratio

    euros = make_claim("a", 342e9, kind="money", unit="EUR")
    dollars = make_claim("b", 368e9, kind="money", unit="AUD")
    # at a rate between each currency's lowest and highest: as far apart as the middles
    middle = (342e9 * (0.95 * 1.25) ** 0.5) / (368e9 * (0.57 * 0.82) ** 0.5)
    assert _value_ratio(euros, dollars) == pytest.approx(middle)
    assert _value_ratio(euros, make_claim("c", 5e6, kind="money", unit="ARS")) is None


def test_close_values_alone_are_never_set_against_each_other() -> None:
    """'$8 billion' for a port and '$12 billion' for a shipyard share a currency and a scale, not a fact."""
    from alliance_check.group import Stats, _conflict_score

    x = make_claim("a", 8e9, kind="money", unit="USD", head="upgrade", context=("port", "upgrade"))
    y = make_claim("b", 12e9, kind="money", unit="USD", head="shipyard", context=("shipyard", "yard"))
    assert _conflict_score(x, y, Stats([x, y]), S) == S.conflicts.prior
    z = make_claim("c", 12e9, kind="money", unit="USD", head="upgrade", context=("port", "upgrade"))
    assert _conflict_score(x, z, Stats([x, z]), S) > S.conflicts.prior


@pytest.mark.parametrize(
    ("a", "b", "set_against"),
    [
        pytest.param(
            dict(head="pay", terms=("pay", "insurer"), context=("insurer", "pay", "cost", "stadium")),
            dict(head="cost", terms=("cost", "roof"), context=("cost", "roof", "stadium")),
            False,
            id="a payout beside the word cost, and a cost",
        ),
        pytest.param(
            dict(head="value", terms=("value", "ferry")),
            dict(head="cost", terms=("cost", "terminal")),
            False,
            id="what a ferry is worth and what a terminal cost",
        ),
        pytest.param(
            dict(head="cost", terms=("cost", "terminal")),
            dict(head="price tag", terms=("price tag",)),
            True,
            id="a cost and a price tag",
        ),
        pytest.param(
            dict(head="pay", names=("harbour board",), context=("pay", "cost")),
            dict(head="grant", names=("harbour board",), context=("grant", "cost")),
            True,
            id="two words for one sum of one named body",
        ),
    ],
)
def test_two_sums_need_the_same_word_or_name(
    a: dict[str, object], b: dict[str, object], set_against: bool
) -> None:
    """A story's sums sit among the same words ('cost', 'the stadium'): two are set against each
    other when the word for what each is, or a name, is shared, not a word of their clauses alone."""
    from alliance_check.group import Stats, _conflict_score

    base = dict(kind="money", unit="USD", precision=1e6)
    x = make_claim("a", 60e6, **{**base, **a})  # type: ignore[arg-type]
    y = make_claim("b", 90e6, **{**base, **b})  # type: ignore[arg-type]
    assert (_conflict_score(x, y, Stats([x, y]), S) > S.conflicts.prior) == set_against


@pytest.mark.parametrize(
    ("revised", "as_of", "expected"),
    [
        pytest.param(True, "2025-09-18", "changed_over_time", id="a later figure that says it revises"),
        pytest.param(False, "2025-09-18", "conflict", id="a later figure that does not say so"),
        pytest.param(True, "2025-09-14", "conflict", id="a revision told the same day"),
        pytest.param(True, "2025-09-10", "conflict", id="a 'revision' told before the figure it revises"),
    ],
)
def test_a_revised_estimate_changed_over_time(revised: bool, as_of: str, expected: str) -> None:
    """'now expected to cost 180 million euros, up from an earlier estimate' against 120 million told
    days before: the estimate changed; told the same day, or without saying so, the two conflict."""
    first = make_claim("a", 120e6, kind="money", unit="EUR", precision=1e6, head="cost", as_of="2025-09-14")
    later = make_claim("b", 180e6, kind="money", unit="EUR", precision=1e6, head="cost", as_of=as_of)
    assert later.frame is not None
    later = replace(later, frame=replace(later.frame, revised=revised))
    assert verdict(first, later) == expected


@pytest.mark.parametrize(
    ("a", "b", "set_against"),
    [
        pytest.param(dict(names=("harbour board",)), dict(), False, id="a named meeting and an unnamed one"),
        pytest.param(
            dict(names=("harbour board",)), dict(names=("harbour board",)), True, id="the same body meets"
        ),
        pytest.param(dict(places=("Lagos",)), dict(places=("Lagos",)), True, id="in the same city"),
    ],
)
def test_dates_of_a_recurring_event_need_the_same_parties(
    a: dict[str, object], b: dict[str, object], set_against: bool
) -> None:
    """A story has many meetings: two dates of 'a meeting' are one meeting's only when the same
    parties or the same place say so."""
    from alliance_check.group import Stats, _conflict_score

    base = dict(kind="date", precision="day", head="meeting", terms=("meeting",), topics=("port",))
    x = make_claim("a", "2024-05-02", **{**base, **a})  # type: ignore[arg-type]
    y = make_claim("b", "2024-07-28", **{**base, **b})  # type: ignore[arg-type]
    assert (_conflict_score(x, y, Stats([x, y]), S) > S.conflicts.prior) == set_against


def _tied_group(scores: list[tuple[str, str, float]]) -> ClaimGroup:
    told = [
        make_claim("x", 10.0, head="dead", line=1),
        make_claim("y", 10.0, head="dead", line=1),
        make_claim("z", 14.0, head="dead", line=1),
        make_claim("w", 14.0, head="dead", line=1),
    ]
    return ClaimGroup("G001", "dead", "count", tuple(told), scores=tuple(scores))


@pytest.mark.parametrize(
    ("scores", "focus", "pair"),
    [
        pytest.param([("y:1:1", "w:1:1", 2.0), ("x:1:1", "z:1:1", 2.0), ("x:1:1", "w:1:1", 1.0)], None,
                     ("x:1:1", "z:1:1"), id="the strongest pair; the first claims among equals"),
        pytest.param([("x:1:1", "z:1:1", 2.0), ("y:1:1", "z:1:1", 3.0)], None, ("y:1:1", "z:1:1"),
                     id="a stronger pair later in the group"),
        pytest.param([("x:1:1", "z:1:1", 2.0), ("y:1:1", "w:1:1", 1.5)], frozenset({"w"}), ("w:1:1", "y:1:1"),
                     id="checking one article: a pair of its claims"),
        pytest.param([("x:1:1", "z:1:1", -3.0)], None, None,
                     id="too weak a link to set them against each other"),
        pytest.param([("x:1:1", "z:1:1", -3.0), ("x:1:1", "z:1:1", 2.0)], None, None,
                     id="a pair listed twice counts with its first score"),
    ],
)  # fmt: skip
def test_the_pair_a_conflict_is_told_by(
    scores: list[tuple[str, str, float]], focus: frozenset[str] | None, pair: tuple[str, str] | None
) -> None:
    finding = compare_group(_tied_group(scores), S, focus)
    if pair is None:
        assert finding is None or finding.verdict not in ("conflict", "soft_conflict")
    else:
        assert finding is not None and finding.verdict == "conflict"
        assert finding.pair == pair


@pytest.mark.parametrize(
    ("focus", "pair"),
    [
        pytest.param(None, ("old1:1:1", "old2:1:1"), id="the whole corpus: its first two sources"),
        pytest.param(frozenset({"new"}), ("new:2:1", "old1:1:1"), id="one new article: a pair with it"),
        pytest.param(frozenset({"elsewhere"}), None, id="an article with no claim here: no pair"),
    ],
)
def test_the_first_pair_of_two_values_with_a_new_article(focus: frozenset[str] | None, pair: object) -> None:
    from alliance_check.compare import _first_pair

    first = [make_claim("old1", 10.0), make_claim("new", 10.0)]
    second = [make_claim("old1", 14.0, line=2), make_claim("old2", 14.0), make_claim("new", 14.0, line=2)]
    focused = [c for c in second if focus is not None and c.source in focus]
    found = _first_pair(first, second, focus, focused)
    assert (found and (found[0].id, found[1].id)) == pair
