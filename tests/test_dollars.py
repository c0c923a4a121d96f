"""Which dollar a bare '$' is in an article that never says: the corpus's other sources decide."""

from __future__ import annotations

import pytest

from alliance_check.dollars import settle_bare_dollars, unmarked_sources
from alliance_check.models import Article, Claim
from tests.conftest import make_claim


def _money(source: str, value: float, text: str, unit: str = "USD") -> Claim:
    return make_claim(source, value, kind="money", unit=unit, text=text, head="cost")


@pytest.mark.parametrize(
    ("others", "bare", "expected"),
    [
        pytest.param(
            [("b.txt", 45.5e6, "C$45.5 million", "CAD"), ("c.txt", 12.75e6, "C$12.75 million", "CAD")],
            [(45.5e6, "$45.5 million"), (12.75e6, "$12.75m")],
            "CAD",
            id="a Canadian budget told with and without C$",
        ),
        pytest.param(
            [("b.txt", 368e9, "A$368 billion", "AUD")],
            [(368e9, "up to $368 billion")],
            "AUD",
            id="one telling figure is enough",
        ),
        pytest.param(
            [("b.txt", 2.35e9, "US$2.35 billion", "USD")],
            [(2.35e9, "$2.35 billion")],
            "USD",
            id="others name the US dollar",
        ),
        pytest.param(
            [("b.txt", 1e9, "NZ$1 billion", "NZD")],
            [(1e9, "$1 billion")],
            "USD",
            id="a round figure says nothing",
        ),
        pytest.param(
            [("b.txt", 640e6, "HK$640 million", "HKD"), ("c.txt", 640e6, "US$640 million", "USD")],
            [(640e6, "$640 million")],
            "USD",
            id="a tie keeps the US dollar",
        ),
        pytest.param(
            [("b.txt", 17.4e6, "S$17.4 million", "SGD")],
            [(3.2e6, "$3.2 million")],
            "USD",
            id="no figure in common",
        ),
    ],
)
def test_a_bare_dollar_takes_the_dollar_others_name(
    others: list[tuple[str, float, str, str]], bare: list[tuple[float, str]], expected: str
) -> None:
    claims = [_money(s, v, t, u) for s, v, t, u in others] + [_money("a.txt", v, t) for v, t in bare]
    settled = settle_bare_dollars(claims, frozenset({"a.txt"}))
    mine = [c for c in settled if c.source == "a.txt"]
    assert {c.unit for c in mine} == {expected}
    assert all((c.note is not None) == (expected != "USD") for c in mine)
    assert [c.id for c in settled] == [c.id for c in claims]


def test_only_articles_that_name_no_dollar_are_settled() -> None:
    articles = [
        Article("a.txt", "The stadium will cost $45.5 million, the council said.", published=None),
        Article("b.txt", "It costs C$45.5 million ($33 million).", published=None),
        Article("c.txt", "The club pays $US12m of it.", published=None),
    ]
    assert unmarked_sources(articles) == frozenset({"a.txt"})
    claims = [_money("b.txt", 45.5e6, "C$45.5 million", "CAD"), _money("b.txt", 33e6, "$33 million")]
    assert settle_bare_dollars(claims, unmarked_sources(articles)) == claims
