"""Shared by the grouping benchmarks: the annotated development corpora, our claims on them, and
which of our claims state which annotated fact (matched as the shared scorer matches them).

The corpora live in ../shared/bench/conflicts/<name>/ (articles/, gold.json); the scorer's own
`same_value` decides whether a claim's value is the annotated one.
"""

from __future__ import annotations

import importlib.util
import json
import sys
import types
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SHARED = ROOT.parent / "shared" / "bench"
CACHE = ROOT / ".bench-cache"


def _code_cache() -> Path:
    """A cache folder per version of the package's code and data, so a change re-extracts."""
    import hashlib

    digest = hashlib.sha256()
    for path in sorted((ROOT / "alliance_check").rglob("*")):
        if path.suffix in (".py", ".json") and path.is_file():
            digest.update(path.read_bytes())
    return CACHE / digest.hexdigest()[:12]


def load_scorer(shared: Path, name: str = "score_conflicts") -> types.ModuleType:
    """One of the shared benchmark's scorers (``name``.py in ``shared``), loaded as a module."""
    path = shared / f"{name}.py"
    if not path.exists():
        sys.exit(f"no scorer at {path}; pass --shared DIR (the folder of {name}.py)")
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass
class Corpus:
    """One annotated corpus with our claims on it and the gold topic of each claim we matched."""

    name: str
    claims: list  # alliance_check.models.Claim
    topic: dict[str, str]  # claim id -> gold topic
    gold: dict


def corpora(shared: Path, names: list[str] | None = None, cache: bool = True) -> list[Corpus]:
    """Read, extract (through the claim cache in .bench-cache) and match every corpus."""
    from alliance_check.check import corpus_claims, extract, read_articles
    from alliance_check.settings import Settings

    scorer = load_scorer(shared)
    folders = sorted(p.parent for p in (shared / "conflicts").glob("*/gold.json"))
    out = []
    for folder in folders:
        if names and folder.name not in names:
            continue
        gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
        settings = Settings()
        articles, _ = read_articles([str(folder / "articles")], settings)
        per_article, _, _ = extract(articles, settings, str(_code_cache()) if cache else None)
        claims = corpus_claims(articles, per_article)
        out.append(Corpus(folder.name, claims, match(claims, gold, folder / "articles", scorer), gold))
    return out


def match(claims: list, gold: dict, articles: Path, scorer: types.ModuleType) -> dict[str, str]:
    """Claim id -> the gold topic of the annotated claim it matches (span overlap and value)."""
    texts = {p.name: p.read_text(encoding="utf-8") for p in articles.iterdir() if p.is_file()}
    by_file: dict[str, list] = {}
    for c in claims:
        by_file.setdefault(Path(c.source).name, []).append(c)
    topic: dict[str, str] = {}
    for g in gold["claims"]:
        if g["kind"] == "person_role":
            continue
        s = texts[g["file"]].find(g["quote"])
        e = s + len(g["quote"])
        for c in by_file.get(g["file"], []):
            value = c.value if not isinstance(c.value, float) or not c.value.is_integer() else int(c.value)
            if c.start < e and c.end > s and scorer.same_value(g["value"], g["unit"], value, c.unit):
                topic.setdefault(c.id, g["topic"])
    return topic
