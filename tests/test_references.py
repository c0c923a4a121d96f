"""Reference dates the corpus gives an undated article (references.py), without the model."""

from __future__ import annotations

import pytest

from alliance_check.models import Article
from alliance_check.references import corpus_references

INSPECTION = (
    "Engineers have finished the inspection of the Karvola dam spillway, the water authority said. "
    "Inspectors found cracks in three of the five spillway gates, which will be replaced by 2028 "
    "at a cost of 40 million euros. The reservoir stays open to boats."
)
WOLVES = (
    "Rangers counted 210 wolves in the northern forest reserve this summer, up from 180 a year "
    "earlier. The survey used camera traps across the reserve's valleys and ridges."
)
RETOLD = (
    "On Thursday the water authority said engineers had finished inspecting the Karvola dam "
    "spillway and found cracks in three of its five gates, which will be replaced by 2028."
)
RETOLD_UNDATED = (
    "The water authority said engineers had finished inspecting the Karvola dam spillway and found "
    "cracks in three of its five gates, which will be replaced by 2028."
)
INSPECTION_AGAIN = (
    "Cracks found in three of the five gates of the Karvola dam spillway will be repaired by 2028, "
    "the water authority said, after engineers finished their inspection of the spillway."
)


@pytest.mark.parametrize(
    ("corpus", "published", "how"),
    [
        pytest.param(
            [
                Article("a.txt", "Rescue teams worked through March 26.", published="2024-03-27"),
                Article("b.txt", "PARIS, March 26 - Divers resumed on Tuesday."),
            ],
            "2024-03-26",
            "corpus",
            id="a year-less day other sources date",
        ),
        pytest.param(
            [
                Article("a.txt", "The ship struck the bridge on March 26, 2024.", published="2024-03-27"),
                Article("b.txt", "Divers resumed the search on Tuesday."),
            ],
            "2024-03-26",
            "corpus",
            id="a weekday other sources date",
        ),
        pytest.param(
            [
                Article("a.txt", INSPECTION, published="2026-04-10"),
                Article("w.txt", WOLVES, published="2025-09-02"),
                Article("b.txt", RETOLD),
            ],
            "2026-04-10",
            "corpus",
            id="the date of the article it retells",
        ),
        pytest.param(
            [
                Article("a.txt", INSPECTION, published="2026-04-10"),
                Article("w.txt", WOLVES, published="2025-09-02"),
                Article("b.txt", RETOLD_UNDATED),
            ],
            None,
            None,
            id="nothing to place: no date taken",
        ),
        pytest.param(
            [
                Article("a.txt", INSPECTION, published="2026-04-10"),
                Article("w.txt", WOLVES, published="2025-09-02"),
                Article("b.txt", "The bakery on the square reopened on Wednesday after a kitchen fire."),
            ],
            None,
            None,
            id="retells none",
        ),
        pytest.param(
            [
                Article("a.txt", INSPECTION, published="2026-04-10"),
                Article("c.txt", INSPECTION_AGAIN, published="2026-06-20"),
                Article("b.txt", RETOLD),
            ],
            None,
            None,
            id="retells two of different weeks",
        ),
    ],
)
def test_an_undated_article_takes_the_date_the_corpus_gives_it(
    corpus: list[Article], published: str | None, how: str | None
) -> None:
    last = corpus_references(corpus)[-1]
    assert (last.published, last.published_how) == (published, how)
