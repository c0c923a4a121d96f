"""A block too large to pair every claim that shares a word (a word of more than MAX_POSTINGS
claims): claims that say the same thing in the same words, the same sentence reprinted by many
outlets, are linked as one (group._copies). Hand-made claims about several stories, no model; the
cap is lowered so that a few dozen claims make a large block."""

from __future__ import annotations

import pytest

import alliance_check.group as group
from alliance_check.compare import compare_groups
from alliance_check.group import group_claims
from alliance_check.models import Claim
from alliance_check.settings import Settings
from tests.conftest import make_claim

S = Settings()
CAP = 5
OUTLETS = 12  # more than CAP: each of their words is in more claims than the cap allows

STORIES = [
    # name, what every outlet reprints, what one outlet says instead, what the two are
    (
        "a flood's toll",
        dict(value=12.0, head="dead", terms=("dead", "flood"), context=("flood", "river", "valley")),
        dict(value=14.0, head="dead", terms=("dead", "flood"), context=("flood", "river", "valley")),
        "AC101",
    ),
    (
        "a bridge's length",
        dict(value=1.2, kind="quantity", unit="km", head="span", terms=("span", "bridge"),
             context=("bridge", "span", "river"), names=("Kessock Bridge",)),
        dict(value=1.5, kind="quantity", unit="km", head="span", terms=("span", "bridge"),
             context=("bridge", "span", "river"), names=("Kessock Bridge",)),
        "AC101",
    ),
    (
        "a strike's size",
        dict(value=4000.0, head="worker", terms=("worker", "strike"), context=("strike", "union", "port")),
        dict(value=4000.0, qualifier="approx", head="worker", terms=("worker", "strike"),
             context=("strike", "union", "port")),
        "AC001",
    ),
]  # fmt: skip


def _reprinted(told: dict[str, object], outlets: int, line: int = 1) -> list[Claim]:
    return [make_claim(f"outlet{k:02d}", line=line, **told) for k in range(outlets)]  # type: ignore[arg-type]


@pytest.fixture
def low_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(group, "MAX_POSTINGS", CAP)


@pytest.mark.parametrize(("name", "told", "other", "code"), STORIES, ids=[row[0] for row in STORIES])
def test_a_reprinted_sentence_is_one_group_with_what_another_outlet_says(
    low_cap: None, name: str, told: dict[str, object], other: dict[str, object], code: str
) -> None:
    claims = [*_reprinted(told, OUTLETS), make_claim("wire", **other)]  # type: ignore[arg-type]
    groups = group_claims(claims, S)
    assert [len(g.claims) for g in groups] == [OUTLETS + 1]
    assert [f.code for f in compare_groups(groups, S)] == [code]


def test_without_copies_joined_a_word_over_the_cap_opens_no_pair(
    low_cap: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the copies are for: with none joined, the reprinted sentence forms no group at all."""
    monkeypatch.setattr(group, "_copies", lambda *args: {})
    assert group_claims(_reprinted(STORIES[0][1], OUTLETS), S) == []


def test_every_copy_is_linked_to_the_claim_that_stands_for_it(low_cap: None) -> None:
    claims = _reprinted(STORIES[1][1], OUTLETS)
    (found,) = group_claims(claims, S)
    stand = claims[0].id
    copies = [link for link in found.links if link.a == stand]
    assert sorted(link.b for link in copies) == sorted(c.id for c in claims[1:])
    assert len({(link.score, link.evidence) for link in copies}) == 1  # one content: one score
    assert copies[0].score >= S.grouping.threshold and copies[0].evidence


def test_a_small_block_never_asks_for_copies(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object) -> dict[int, list[int]]:
        raise AssertionError("a block under the cap is linked pair by pair")

    monkeypatch.setattr(group, "_copies", refuse)
    claims = [*_reprinted(STORIES[0][1], OUTLETS), make_claim("wire", **STORIES[0][2])]  # type: ignore[arg-type]
    assert [len(g.claims) for g in group_claims(claims, S)] == [OUTLETS + 1]


def test_copies_grouped_as_one_give_what_pairing_every_claim_gives(
    low_cap: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two reprinted sentences of two values, and a third story's: the groups and findings are
    those of linking every pair (the cap raised out of reach)."""
    claims = [
        *_reprinted(STORIES[0][1], OUTLETS),
        *[make_claim(f"paper{k}", **STORIES[0][2]) for k in range(OUTLETS)],  # type: ignore[arg-type]
        *_reprinted(STORIES[2][1], OUTLETS, line=2),
    ]
    joined = group_claims(claims, S)
    monkeypatch.setattr(group, "MAX_POSTINGS", 10**6)
    paired = group_claims(claims, S)
    assert [sorted(c.id for c in g.claims) for g in joined] == [
        sorted(c.id for c in g.claims) for g in paired
    ]
    assert [f.code for f in compare_groups(joined, S)] == [f.code for f in compare_groups(paired, S)]
