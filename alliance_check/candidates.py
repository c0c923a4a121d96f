"""Which stretches of text the parser reads: sentences split by rule, and of those only the ones
the rule scanner finds a value in, or a place after a locative word. Reference lists are never read.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date
from functools import lru_cache
from typing import Any

from alliance_check.mentions import Mention, explicit_year, find_mentions
from alliance_check.models import Article, Block
from alliance_check.resources import Domain, alternatives, lexicon
from alliance_check.settings import Settings

_REFERENCE_LINE = re.compile(r"^\s*(?:\[\d+\]|\^\d+|\d+\.\s+[\"“])")
_REFERENCE_WORDS = re.compile(r"(?i)date of access|\baccessed\b|\bretrieved\b|\barchived from\b")


def _is_reference_line(line: str) -> bool:
    return bool(_REFERENCE_LINE.match(line) or _REFERENCE_WORDS.search(line))


def _reference_lines(text: str) -> list[tuple[int, int]]:
    """Footnote and reference lines: '[1] "Title", Site, https://..., (Date of Access: ...)'."""
    out = []
    start = 0
    for line in text.splitlines(keepends=True):
        if _is_reference_line(line[:2000]):
            out.append((start, start + len(line)))
        start += len(line)
    return out


def _within(spans: list[tuple[int, int]], offset: int) -> bool:
    i = bisect_right(spans, (offset, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= offset < spans[i][1]


def is_reference_entry(article: Article, sent: Any, offset: int = 0, sent_text: str | None = None) -> bool:
    start, end = article.line_starts, offset + sent.start_char
    line = bisect_right(start, end) - 1
    stop = start[line + 1] if line + 1 < len(start) else len(article.text)
    text = article.text[start[line] : min(stop, start[line] + 2000)]
    return _is_reference_line(text) or "http" in (sent.text if sent_text is None else sent_text)


_LETTER_PAIR = re.compile(r"[A-Za-z](?=[A-Za-z])")


@lru_cache(maxsize=8)
def _letter_pairs(text: str) -> tuple[int, int]:
    """Where the first two adjacent ASCII letters of ``text`` start, and where the last two do
    (len(text) and -1 when there are none): what is_bare needs, found once per sentence."""
    first = _LETTER_PAIR.search(text)
    last = _LETTER_PAIR.search(text[::-1])
    return (first.start() if first else len(text)), (len(text) - 2 - last.start() if last else -1)


def is_bare(sent_text: str, mention: Mention) -> bool:
    """True when the sentence is nothing but the mention (a bare phrase such as 'twenty'): no two
    adjacent letters outside it (those that meet when it is cut out count)."""
    a, b = mention.start, mention.end
    first, last = _letter_pairs(sent_text)
    if first + 2 <= a or last >= b:
        return False
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
    return not (a > 0 and b < len(sent_text) and sent_text[a - 1] in letters and sent_text[b] in letters)


_DEFINITE_BEFORE = re.compile(r"(?i)\b(?P<w>[a-z]+)\s+$")
_ONE_OF = re.compile(r"\s+(?:of|another|or|by|after|at)\b")


def _surely_dropped(m: Mention, text: str, settings: Settings) -> bool:
    """Counts that extraction drops on the words alone, whatever the parse says (see _count_status)."""
    if m.kind != "count" or is_bare(text, m):
        return False
    lex = lexicon()
    if m.compound is not None and m.compound not in lex.count_compounds:
        return True  # 'three-star'
    if m.spelled and m.value == 1:
        return _ONE_OF.match(text, m.end) is not None  # 'one of the first'
    return False


@lru_cache(maxsize=1)
def _place_signal() -> re.Pattern[str]:
    """A locative word before a capitalised name: 'in Tokyo', 'aboard the USS Missouri', 'south of X'."""
    words = alternatives(lexicon().locative_prepositions)
    return re.compile(rf"(?i:\b(?:{words}))\s+(?:the\s+)?[A-Z][\w'’.-]")


def has_place(text: str) -> bool:
    """Whether a sentence may name where something happened (see frames.place_frame)."""
    return _place_signal().search(text) is not None


def _could_hold_claim(mentions: list[Mention], text: str, settings: Settings) -> bool:
    """The rule scanner found a mention that extraction could keep, or the sentence names a place."""
    return any(not _surely_dropped(m, text, settings) for m in mentions) or has_place(text)


def candidate_spans(
    abbreviations: frozenset[str],
    text: str,
    reference: date | None = None,
    settings: Settings | None = None,
    blocks: tuple[Block, ...] = (),
    domain: Domain | None = None,
    currency: str | None = None,
) -> list[tuple[int, int]]:
    """Stretches of text that may hold a claim, found with the tokenizer and rules alone.

    A sentence (see split_sentences) is a candidate when the rule scanner
    finds a number, date, amount or measure in it, or a locative word before a name.
    Adjacent candidates of one block are joined, so the parser sees them together. ``abbreviations``
    are the tokenizer's (see parses.tokenizer_abbreviations); ``domain`` and ``currency`` are what
    extraction will scan with, so the scanner's results are shared.
    """
    settings = settings or Settings()
    spans: list[tuple[int, int]] = []
    year_hint: int | None = None  # as extraction will have it, so the scanner's results are shared
    references = _reference_lines(text)
    for block_start, block_end in _block_spans(text, blocks):
        joinable = False  # a piece never crosses the edge of a block
        for sent_start, sent_end in split_sentences(abbreviations, text, block_start, block_end):
            chunk = text[sent_start:sent_end]
            if _within(references, sent_start):
                joinable = False
                continue  # reference lists are never read (see _is_reference_entry)
            mentions = find_mentions(chunk, reference, year_hint, domain or Domain(), currency)
            for m in mentions:
                year_hint = explicit_year(m) or year_hint
            if not _could_hold_claim(mentions, chunk, settings):
                joinable = False
                continue
            for start, end in _windows(text, sent_start, sent_end, mentions):
                if joinable and end - spans[-1][0] <= MAX_PIECE:
                    spans[-1] = (spans[-1][0], end)
                else:
                    spans.append((start, end))
                joinable = True
    return spans


def _block_spans(text: str, blocks: tuple[Block, ...]) -> list[tuple[int, int]]:
    return [(b.start, b.end) for b in blocks] if blocks else [(0, len(text))]


MAX_PIECE = 5000  # characters the pipeline reads at once; longer sentences are read in windows
WINDOW = 600  # characters kept on each side of a value in a window


def _windows(text: str, start: int, end: int, mentions: list[Mention]) -> list[tuple[int, int]]:
    """A sentence, or for an overlong one (a megabyte with no full stop) windows around its values
    and event words, cut at spaces."""
    if end - start <= MAX_PIECE:
        return [(start, end)]
    centres = [start + m.start for m in mentions]
    centres += [t.start() for t in _place_signal().finditer(text, start, end)]
    out: list[tuple[int, int]] = []
    for centre in sorted(centres):
        lo = max(start, centre - WINDOW)
        hi = min(end, centre + WINDOW)
        lo = text.rfind(" ", start, lo) + 1 or lo if lo > start else lo
        space = text.find(" ", hi, end)
        hi = space if space != -1 else end
        if out and lo <= out[-1][1] and max(out[-1][1], hi) - out[-1][0] <= MAX_PIECE:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        elif out and hi <= out[-1][1]:
            continue
        else:  # no window grows past MAX_PIECE (nor past the model's limit); windows may overlap
            out.append((lo, hi))
    return out


_SENTENCE_END = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+[\"“‘(\[]?[A-Z])|\n+")
_LAST_WORD = re.compile(r"(\S+)$")


def split_sentences(
    abbreviations: frozenset[str], text: str, start: int = 0, stop: int | None = None
) -> list[tuple[int, int]]:
    """Sentences of ``text[start:stop]`` by rule, without the parser: a full stop, '!' or '?'
    before a capital, or a line break; a full stop after one of the tokenizer's ``abbreviations``
    or a single letter ends nothing.
    """
    stop = len(text) if stop is None else stop
    spans: list[tuple[int, int]] = []
    for m in _SENTENCE_END.finditer(text, start, stop):
        if m.group(0)[0] == ".":
            word = _LAST_WORD.search(text, max(0, m.start() - 64), m.end())
            token = word.group(1).lower() if word else ""
            bare = re.split(r"[-/–]", token.strip("\"“”’'()[]"))[-1]  # 'Japan-U.S.' ends in 'U.S.'
            if bare in abbreviations or re.fullmatch(r"(?:[a-z]\.)+", bare):
                continue
        end = m.end()
        if text[start:end].strip():
            spans.append((start, end))
        start = end
    if text[start:stop].strip():
        spans.append((start, stop))
    return spans
