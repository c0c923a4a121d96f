"""Markdown -> its prose with markup blanked (offsets kept) and its blocks, table cells with headers."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise
from typing import Any

from alliance_check.blocks import text_blocks
from alliance_check.models import Block
from alliance_check.sources.tags import blank_html

# past this many characters a Markdown file is read line by line, as plain text with its inline
# marks and fenced code blanked: the parser reads about 100 KB a second
MAX_PARSED = 2_000_000
_FENCE = re.compile(r"(?ms)^[ \t]{0,3}(```|~~~).*?^[ \t]{0,3}\1[^\n]*$")
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_QUOTE = re.compile(r"[ \t]*(?:>[ \t]?)*[ \t]*")
_INDENT = re.compile(r"[ \t]*")
_MARKERS = re.compile(r"(?:[ \t]*(?:>[ \t]?|(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)))*[ \t]*")
_ATX_OPEN = re.compile(r"#{1,6}(?=[ \t]|$)[ \t]*")
_ATX_CLOSE = re.compile(r"(?:^|[ \t]+)#+[ \t]*$")
_CELL_EDGE = re.compile(r"(?<!\\)\|")
_INLINE = re.compile(
    r"<(?:https?|mailto|ftp):[^>\s]*>"  # an autolink
    r"|</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>"  # inline HTML
    r"|\\(?=[!-/:-@\[-`{-~])"  # a backslash escape keeps the character
    r"|\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)|~~|`"
)
_LINK = re.compile(r"(!?)\[([^\]\n]*)\](\([^)\n]*\)|\[[^\]\n]*\])")


def _blank(text: str) -> str:
    return re.sub(r"[^\r\n]", " ", text)


def _link(m: re.Match[str]) -> str:
    if m.group(1):  # an image: nothing of it is prose
        return _blank(m.group(0))
    return " " + m.group(2) + " " * (len(m.group(0)) - len(m.group(2)) - 1)


def blank_inline(text: str) -> str:
    """A line of Markdown with emphasis, code marks, images, link targets and tags blanked
    (same length); link texts stay where they are.

    >>> blank_inline("**54,000** troops ([source](https://x.org/2024))")
    '  54,000   troops ( source                     )'
    """
    text = _LINK.sub(_link, text)
    return _INLINE.sub(lambda m: _blank(m.group(0)), text)


@lru_cache(maxsize=1)
def _parser() -> Any:
    from markdown_it import MarkdownIt

    # blocks only: inline markup is blanked by blank_inline, keeping offsets
    return MarkdownIt("commonmark").enable("table").disable(["inline", "text_join"])


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end of content) of every line, as markdown-it numbers them."""
    out: list[tuple[int, int]] = []
    for m in _LINE.finditer(text):
        if m.start() == len(text) and out:
            break
        out.append((m.start(), m.start() + len(m.group(0).rstrip("\r\n"))))
    return out


class _Reader:
    """Copies the prose of each block token into a blank copy of the text, and records blocks."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.out = list(_blank(text))
        self.lines = _lines(text)
        self.blocks: list[Block] = []
        self.item_lines: set[int] = set()
        self.quotes = 0

    def content(self, line: int, item_first: bool) -> tuple[int, int]:
        """Where the prose of a line starts and ends, past quote marks and list markers."""
        start, end = self.lines[line]
        prefix = _MARKERS if item_first else _QUOTE if self.quotes else _INDENT
        found = prefix.match(self.text, start, end)
        return (found.end() if found else start), end

    def reveal(self, start: int, end: int) -> None:
        self.out[start:end] = blank_inline(self.text[start:end])

    def prose(self, first: int, last: int, kind: str) -> None:
        """Lines first..last-1 of a paragraph: revealed, then cut into blocks as plain text is."""
        for line in range(first, last):
            start, end = self.content(line, line in self.item_lines)
            self.reveal(start, end)
        region_start, region_end = self.lines[first][0], self.lines[last - 1][1]
        region = "".join(self.out[region_start:region_end])
        for b in text_blocks(region):
            span = self._trimmed(region_start + b.start, region_start + b.end)
            if span:
                self.blocks.append(Block(*span, kind))

    def heading(self, token: Any) -> None:
        first, last = token.map
        if token.markup.startswith("#"):
            start, end = self.content(first, first in self.item_lines)
            opened = _ATX_OPEN.match(self.text, start, end)
            start = opened.end() if opened else start
            closed = _ATX_CLOSE.search(self.text, start, end)
            end = closed.start() if closed else end
            if start < end:
                self.reveal(start, end)
                self.blocks.append(Block(start, end, "heading"))
            return
        for line in range(first, last - 1):  # a setext heading: its underline stays blank
            start, end = self.content(line, line in self.item_lines)
            self.reveal(start, end)
        span = self._trimmed(self.lines[first][0], self.lines[last - 2][1])
        if span:
            self.blocks.append(Block(*span, "heading"))

    def _trimmed(self, start: int, end: int) -> tuple[int, int] | None:
        while start < end and self.out[start].isspace():
            start += 1
        while end > start and self.out[end - 1].isspace():
            end -= 1
        return (start, end) if start < end else None

    def cells(self, line: int) -> list[tuple[int, int]]:
        """The spans of a table row's cells, pipes and padding left out."""
        start, end = self.content(line, False)
        edges = [m.start() for m in _CELL_EDGE.finditer(self.text, start, end)]
        bounds = [start - 1, *edges, end]
        spans = [(a + 1, b) for a, b in pairwise(bounds)]
        if spans and edges and not self.text[start : edges[0]].strip():
            spans = spans[1:]
        if spans and edges and not self.text[edges[-1] + 1 : end].strip():
            spans = spans[:-1]
        return spans

    def table(self, token: Any, rows: list[int]) -> None:
        first, _ = token.map
        header = self.cells(first)
        names = []
        for start, end in header:
            self.reveal(start, end)
            names.append(" ".join("".join(self.out[start:end]).split()))
        for row in rows:
            spans = self.cells(row)[: len(names)]
            row_header = ""
            for column, (start, end) in enumerate(spans):
                self.reveal(start, end)
                span = self._trimmed(start, end)
                words = " ".join("".join(self.out[start:end]).split())
                if column == 0:
                    row_header = words
                if span is None:
                    continue
                if column == 0:
                    context = names[0]
                else:
                    context = " | ".join(part for part in (row_header, names[column]) if part)
                self.blocks.append(Block(*span, "cell", context))

    def html(self, first: int, last: int) -> None:

        start, end = self.lines[first][0], self.lines[last - 1][1]
        self.out[start:end] = blank_html(self.text[start:end])
        region = "".join(self.out[start:end])
        for b in text_blocks(region):
            span = self._trimmed(start + b.start, start + b.end)
            if span:
                self.blocks.append(Block(*span, "paragraph"))

    def read(self) -> tuple[str, tuple[Block, ...]]:
        tokens = _parser().parse(self.text)
        self.item_lines = {t.map[0] for t in tokens if t.type == "list_item_open" and t.map}
        items = 0
        rows: list[int] = []
        table: Any = None
        for token in tokens:
            kind = token.type
            if kind == "blockquote_open":
                self.quotes += 1
            elif kind == "blockquote_close":
                self.quotes -= 1
            elif kind == "list_item_open":
                items += 1
            elif kind == "list_item_close":
                items -= 1
            elif kind == "paragraph_open" and token.map:
                self.prose(token.map[0], token.map[1], "item" if items else "paragraph")
            elif kind == "heading_open" and token.map:
                self.heading(token)
            elif kind == "html_block" and token.map:
                self.html(token.map[0], token.map[1])
            elif kind == "table_open":
                table, rows = token, []
            elif kind == "tr_open" and table is not None and token.map and token.map[0] != table.map[0]:
                rows.append(token.map[0])
            elif kind == "table_close" and table is not None:
                self.table(table, rows)
                table = None
        blocks = sorted(self.blocks, key=lambda b: (b.start, b.end))
        return "".join(self.out), tuple(blocks)


def read_markdown(text: str) -> tuple[str, tuple[Block, ...]]:
    """Markdown -> (its prose, same length, markup blanked; its blocks). Code blocks, link
    targets, images, reference definitions and rules are blanked; a table's cells are blocks whose
    context is their row's and column's headers.

    >>> prose, blocks = read_markdown("| Item | 2024 |\\n|---|---|\\n| Rebuild | $1.7 billion |\\n")
    >>> [(prose[b.start : b.end], b.context) for b in blocks]
    [('Rebuild', 'Item'), ('$1.7 billion', 'Rebuild | 2024')]
    """
    if len(text) > MAX_PARSED:
        prose = blank_inline(_FENCE.sub(lambda m: _blank(m.group(0)), text))
        prose = re.sub(
            r"(?m)^([ \t]*)(#{1,6}|[-*+>]|\|)(?=[ \t])", lambda m: m.group(1) + " " * len(m.group(2)), prose
        )
        return prose, text_blocks(prose)
    return _Reader(text).read()


def blank_markdown(text: str) -> str:
    """The prose of a Markdown file, same length (see read_markdown)."""
    return read_markdown(text)[0]
