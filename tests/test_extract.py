"""Extraction cases as data (tests/cases/extraction.jsonl), run through the real spaCy pipeline."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from alliance_check.extract import extract_articles, extract_claims
from alliance_check.sources import make_article

CASES = [
    json.loads(line) for line in (Path(__file__).parent / "cases" / "extraction.jsonl").open(encoding="utf-8")
]


@pytest.mark.parametrize("case", [pytest.param(c, id=c["id"]) for c in CASES])
def test_extraction_case(case: dict[str, Any], nlp: Any) -> None:
    article = make_article("case.txt", case["text"], published=case["published"])
    claims = list(extract_claims(nlp(article.text), article))
    got = [
        {
            **{k: getattr(c, k) for k in ("text", "kind", "value", "unit", "qualifier", "subject")},
            "compared": c.frame is not None,
        }
        for c in claims
    ]
    # places are tested where a case names them, and then only those compared (where something happened)
    places = any(e["kind"] == "place" for e in case["expect"])
    got = [g for g in got if g["kind"] != "place" or (places and g["compared"])]
    assert len(got) == len(case["expect"]), got
    for want, have in zip(case["expect"], got, strict=False):
        for field, value in want.items():
            assert have[field] == value, (field, have)


def test_positions_are_line_and_column_of_the_first_character(nlp: Any) -> None:
    text = "Headline\r\n\r\n\tIt has 54,000 American troops in Japan."
    article = make_article("crlf.txt", text)
    (claim,) = [c for c in extract_claims(nlp(article.text), article) if c.kind == "count"]
    assert (claim.line, claim.column) == (3, 9)
    assert text[claim.start : claim.end] == "54,000"


def test_front_matter_sets_the_reference_date_and_keeps_lines(nlp: Any) -> None:
    text = "---\npublished: 2024-07-29\ntitle: x\n---\nThe rules changed last year.\n"
    article = make_article("fm.md", text)
    assert (article.published, article.published_how) == ("2024-07-29", "front matter")
    (claim,) = list(extract_claims(nlp(article.text), article))
    assert (claim.value, claim.line) == ("2023", 5)


def test_reference_date_is_inferred_and_marked(nlp: Any) -> None:
    article = make_article("x.txt", "The meeting on May 3, 2024 was short. Another is due next year.")
    assert (article.published, article.published_how) == ("2024-05-03", "inferred")
    values = [c.value for c in extract_claims(nlp(article.text), article) if c.kind == "date"]
    assert values == ["2024-05-03", "2025"]


def test_earlier_values_are_not_grouped(nlp: Any) -> None:
    article = make_article(
        "x.txt", "Tokyo intends to spend 43 trillion yen on defense, up from 27.5 trillion yen."
    )
    current, earlier = [c for c in extract_claims(nlp(article.text), article) if c.kind == "money"]
    assert current.frame is not None
    assert earlier.frame is None and earlier.note and "not compared" in earlier.note


def test_as_of_comes_from_a_date_in_the_sentence(nlp: Any) -> None:
    article = make_article(
        "x.txt", "In 2015, some 50,000 US troops were stationed in Japan.", published="2024-07-01"
    )
    count = next(c for c in extract_claims(nlp(article.text), article) if c.kind == "count")
    assert count.as_of == "2015"


@pytest.mark.parametrize(
    ("text", "declared", "unit"),
    [
        pytest.param("The state paid $650m for the line.", "AUD", "AUD", id="declared in front matter"),
        pytest.param(
            "A grant of $A20 million came first. The state paid $650m.", None, "AUD", id="written elsewhere"
        ),
        pytest.param("The state paid $650m for the line.", None, "USD", id="nothing says otherwise"),
    ],
)
def test_a_bare_dollar_is_read_in_the_article_currency(
    nlp: Any, text: str, declared: str | None, unit: str
) -> None:
    article = replace(make_article("cur.txt", text), currency=declared)
    (claims,) = extract_articles([article], nlp)
    (paid,) = [c for c in claims if c.kind == "money" and c.value == 650e6]
    assert paid.unit == unit
