"""Claims of one parsed stretch of an article, kept by everything extraction reads besides its
parse: an article edited where nothing is parsed (a word in a sentence with no value) is read
again without spaCy, and an edited paragraph costs only its own parse."""

from __future__ import annotations

import hashlib
import json
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from alliance_check.cache import _decode, _encode
from alliance_check.entries import Entries
from alliance_check.models import Article, Block, Claim
from alliance_check.resources import lexicon_fingerprint, load_domain
from alliance_check.settings import Settings

PIECE_FORMAT = 7
REFERENCE_LINE = 2000  # characters of a line that tell a reference entry (see candidates.is_reference_entry)


@dataclass(frozen=True)
class State:
    """What reading an article carries from one stretch to the next (see extract._Reading)."""

    year_hint: int | None
    last_day: str | None


@dataclass(frozen=True)
class Piece:
    """The claims of a stretch (offsets relative to it) and the state reading leaves after it."""

    claims: tuple[Claim, ...]
    after: State


def headers_over(blocks: list[Block], starts: list[int], ordered: bool, start: int, end: int) -> list[Block]:
    """The headed blocks that meet [start, end), in their order (see extract._Reading.block_words)."""
    if ordered:
        lo = max(bisect_right(starts, start) - 1, 0)
        hi = bisect_left(starts, end)
        candidates = blocks[lo:hi]
    else:
        candidates = blocks
    return [b for b in candidates if b.start < end and b.end > start]


class PieceCache:
    """One JSON file per stretch and reading state, beside the parses (``parses/claims/``)."""

    def __init__(self, directory: Path, prefix: str, settings: Settings) -> None:
        self.entries = Entries(directory / "claims")
        domain = load_domain(settings.domains, settings.aliases).fingerprint
        self.prefix = (
            f"{prefix}pieces={PIECE_FORMAT}\nlexicon={lexicon_fingerprint()}\ndomain={domain}\n"
            f"small_count_max={settings.small_count_max}\n"
        )

    def key(
        self,
        article: Article,
        start: int,
        end: int,
        state: State,
        currency: str | None,
        days: frozenset[Any],
        headers: list[Block],
        ordered: bool,
    ) -> str | None:
        """Everything the claims of ``article.text[start:end]`` depend on besides its parse; None
        when positions cannot be moved with the stretch (a page or record mapped into its file)."""
        if article.origin is not None:
            return None
        text, lines = article.text, article.line_starts
        first = bisect_right(lines, start) - 1
        inner = lines[first + 1 : bisect_left(lines, end)]
        # the lines the stretch's sentences start on, as far as a reference entry is told by them
        heads = []
        for k, line in enumerate([lines[first], *inner]):
            stop = lines[first + k + 1] if first + k + 1 < len(lines) else len(text)
            heads.append(text[line : min(stop, line + REFERENCE_LINE)])
        parts = {
            "text": text[start:end],
            "published": article.published,
            "currency": currency,
            "year_hint": state.year_hint,
            "last_day": state.last_day,
            "days": sorted(d.isoformat() for d in days),
            "column": start - lines[first],
            "lines": [line - start for line in inner],
            "heads": heads,
            "blocks": [(b.start - start, b.end - start, b.context) for b in headers],
            "ordered": ordered,
        }
        digest = hashlib.sha256(self.prefix.encode("utf-8"))
        digest.update(json.dumps(parts, ensure_ascii=False).encode("utf-8"))
        return digest.hexdigest()

    def load(self, key: str, article: Article, start: int) -> Piece | None:
        """The stretch's claims moved to where it now starts, or None."""
        data = self.entries.read_json(key)
        if data is None:
            return None
        try:
            line = article.position(start)[0]
            sentences: dict[str, str] = {}
            claims = tuple(_placed(dict(item), article, start, line, sentences) for item in data["claims"])
            after = State(data["year_hint"], data["last_day"])
            if not (after.year_hint is None or isinstance(after.year_hint, int)):
                return None
            if not (after.last_day is None or isinstance(after.last_day, str)):
                return None
            return Piece(claims, after)
        except (ValueError, KeyError, TypeError, AttributeError, IndexError):
            return None  # corrupt or from another version: read the parse again, never trust

    def store(self, key: str, article: Article, start: int, claims: list[Claim], after: State) -> None:
        """Keep a stretch's claims, placed relative to it; a cache that cannot be written is not an error."""
        line = article.position(start)[0]
        payload = {
            "claims": [_unplaced(c, start, line) for c in claims],
            "year_hint": after.year_hint,
            "last_day": after.last_day,
        }
        self.entries.write_json(key, payload)


def _shift(tail: str, lines: int) -> str:
    """An id's tail after the article's name ('12:40', '12:40:duration') moved by ``lines``."""
    line, rest = tail.split(":", 1)
    return f"{int(line) + lines}:{rest}"


def _unplaced(claim: Claim, start: int, line: int) -> dict[str, Any]:
    data = _encode(claim)
    data["id"] = _shift(data["id"], -line)
    if data["frame"] is not None and data["frame"]["restates"] is not None:
        data["frame"]["restates"] = _shift(data["frame"]["restates"], -line)
    for name in ("start", "end", "sentence_start"):
        data[name] -= start
    data["line"] -= line
    return data


def _placed(
    data: dict[str, Any], article: Article, start: int, line: int, sentences: dict[str, str]
) -> Claim:
    data["id"] = _shift(data["id"], line)
    frame = data.get("frame")
    if isinstance(frame, dict) and frame.get("restates") is not None:
        frame["restates"] = _shift(frame["restates"], line)
    claim = _decode(data, article, sentences)
    return replace(
        claim,
        start=claim.start + start,
        end=claim.end + start,
        sentence_start=claim.sentence_start + start,
        line=claim.line + line,
    )
