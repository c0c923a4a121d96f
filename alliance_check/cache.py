"""Claims cached per file content, keyed by tool version, model and extraction settings."""

from __future__ import annotations

import contextlib
import hashlib
import sys
from dataclasses import fields, replace
from pathlib import Path
from typing import Any

from alliance_check import __version__
from alliance_check.entries import Entries
from alliance_check.gate import write_atomic
from alliance_check.models import Article, Claim, Frame
from alliance_check.resources import lexicon_fingerprint, load_domain
from alliance_check.settings import Settings

CACHE_FORMAT = 9


def cache_key(article: Article, settings: Settings, model: str) -> str:
    """Everything that decides an article's claims: its text, reference date, model, lexicons, tool."""
    parts = [
        f"format={CACHE_FORMAT}",
        f"tool={__version__}",
        f"model={model}",
        f"lexicon={lexicon_fingerprint()}",
        f"small_count_max={settings.small_count_max}",
        f"domain={load_domain(settings.domains, settings.aliases).fingerprint}",
        f"published={article.published}|{article.published_how}",
        hashlib.sha256(article.text.encode("utf-8")).hexdigest(),
    ]
    if article.origin is not None:  # the same text elsewhere in a file has other lines and columns
        parts.append(hashlib.sha256(repr(article.origin).encode("utf-8")).hexdigest())
    if article.currency is not None:
        parts.append(f"currency={article.currency}")
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


def _encode(claim: Claim) -> dict[str, Any]:
    """A claim without its article's name: ids are kept as what follows it ('3:14', '3:14:duration')."""
    # field by field, not dataclasses.asdict: its deep copy was most of the cost of writing a cache
    data = {f.name: getattr(claim, f.name) for f in fields(claim)}
    if claim.frame is not None:
        data["frame"] = {f.name: getattr(claim.frame, f.name) for f in fields(claim.frame)}
    prefix = f"{claim.source}:"
    data["id"] = claim.id.removeprefix(prefix)
    if data["frame"] is not None and data["frame"]["restates"] is not None:
        data["frame"]["restates"] = data["frame"]["restates"].removeprefix(prefix)
    for field_name in ("source", "label"):
        data.pop(field_name)
    return data


def _decode(data: dict[str, Any], article: Article, sentences: dict[str, str]) -> Claim:
    raw: dict[str, Any] | None = data.pop("frame")
    tail = data.pop("id")
    # one string for each word and sentence, as extraction made them, not one per claim: a large
    # corpus read from the cache holds millions of them
    data["sentence"] = sentences.setdefault(data["sentence"], data["sentence"])
    for k in ("kind", "unit", "qualifier", "subject", "precision", "as_of"):
        if isinstance(data.get(k), str):
            data[k] = sys.intern(data[k])
    fields: dict[str, Any] = {}
    for k, v in (raw or {}).items():
        if isinstance(v, list):
            fields[k] = tuple(sys.intern(x) if isinstance(x, str) else x for x in v)
        else:
            fields[k] = sys.intern(v) if isinstance(v, str) else v
    if fields.get("restates") is not None:
        fields["restates"] = f"{article.source}:{fields['restates']}"
    frame = None if raw is None else Frame(**fields)
    claim = Claim(id="", source=article.source, label=article.label, frame=frame, **data)
    if not isinstance(claim.line, int) or not isinstance(claim.text, str) or not isinstance(tail, str):
        raise ValueError("malformed claim")
    return replace(claim, id=f"{article.source}:{tail}")


def shared(claims: list[Claim], article: Article) -> list[Claim]:
    """The claims as the cache gives them back: one string for each sentence of the article and
    each word, not one per claim, whether they were made here or sent by another process (a large
    corpus holds millions of them)."""
    sentences: dict[str, str] = {}
    return [_decode(_encode(c), article, sentences) for c in claims]


class ClaimCache:
    """One JSON file per article content; a corrupt or stale entry is ignored and rebuilt."""

    def __init__(self, directory: str | Path) -> None:
        self.directory = Path(directory)
        self.entries = Entries(self.directory)

    def load(self, key: str, article: Article) -> list[Claim] | None:
        """The cached claims, re-stamped with this article's name, or None."""
        data = self.entries.read_json(key)
        if data is None:
            return None
        try:
            sentences: dict[str, str] = {}
            return [_decode(dict(item), article, sentences) for item in data["claims"]]
        except (ValueError, KeyError, TypeError, AttributeError):
            return None  # corrupt, truncated or from another version: rebuild, never trust

    def store(self, key: str, claims: list[Claim]) -> None:
        """Write an entry atomically; a cache that cannot be written is not an error."""
        if self.entries.write_json(key, {"claims": [_encode(c) for c in claims]}):
            gitignore = self.directory / ".gitignore"
            if not gitignore.exists():
                with contextlib.suppress(OSError):
                    write_atomic(str(gitignore), "*\n")
