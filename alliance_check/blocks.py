"""Text -> blocks: paragraphs, headings and list items, with hard-wrapped lines joined.

A block is read as one unit: no sentence crosses its edge, and a line break inside it is a
space to every stage ("$1.7" at the end of one line and "billion" on the next are one amount).
Offsets never change, so lines and columns still point at the original text.
"""

from __future__ import annotations

import re

from alliance_check.models import Block

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_ITEM = re.compile(r"^[ \t]*(?:[-*+•–—][ \t]+|\d{1,3}[.)][ \t]+|#{1,6}[ \t]|>|\|)")
_HEADING = re.compile(r"^[ \t]*#{1,6}[ \t]")
_ENDS_SENTENCE = re.compile(r"[.!?:;][\"'”’)\]]*[ \t]*$")
# a line of a wrapped paragraph reaches near the paragraph's widest line
FULL_LINE = 0.75
# a line much shorter than that, before a capitalised line, ends a title or a heading
SHORT_LINE = 0.6


def line_starts(text: str) -> tuple[int, ...]:
    """Offsets where the lines of a text begin (CRLF, CR and LF all end a line)."""
    return (0, *(m.end() for m in re.finditer(r"\r\n|\r|\n", text)))


def _lines(text: str) -> list[tuple[int, int, int]]:
    """(start, end of content, end with the line break) of every line."""
    out: list[tuple[int, int, int]] = []
    for m in _LINE.finditer(text):
        if m.start() == len(text) and out:
            break
        body = m.group(0).rstrip("\r\n")
        out.append((m.start(), m.start() + len(body), m.end()))
    return out


def _kind(line: str) -> str:
    if _HEADING.match(line):
        return "heading"
    return "item" if _ITEM.match(line) else "paragraph"


def _hard_break(line: str, following: str, width: int) -> bool:
    """Whether the break after ``line`` ends the block (else it is a wrap: a space)."""
    if _ITEM.match(following) or _HEADING.match(line):
        return True
    length = len(line.rstrip())
    if _ENDS_SENTENCE.search(line):
        return length < FULL_LINE * width
    starts_upper = following.lstrip()[:1].isupper()
    return starts_upper and length < SHORT_LINE * width


def text_blocks(text: str) -> tuple[Block, ...]:
    """The blocks of a plain text: paragraphs between blank lines, split further where a line
    is a heading or a list item, or clearly ends early (a title over its text).

    >>> [(b.kind, b.start, b.end) for b in text_blocks("Title\\n\\nOne line\\nwrapped here.")]
    [('paragraph', 0, 5), ('paragraph', 7, 29)]
    """
    blocks: list[Block] = []
    run: list[tuple[int, int, int]] = []

    def close() -> None:
        if not run:
            return
        width = max(end - start for start, end, _ in run)
        first = 0
        for i in range(len(run)):
            last = i == len(run) - 1
            line = text[run[i][0] : run[i][1]]
            if last or _hard_break(line, text[run[i + 1][0] : run[i + 1][1]], width):
                start, end = run[first][0], run[i][1]
                blocks.append(Block(start, end, _kind(text[start:end])))
                first = i + 1
        run.clear()

    for start, end, stop in _lines(text):
        if text[start:end].strip():
            run.append((start, end, stop))
        else:
            close()
    close()
    return tuple(blocks)


def join_wrapped(text: str, blocks: tuple[Block, ...]) -> str:
    """``text`` with every line break inside a block turned into spaces (same length).

    >>> join_wrapped("$1.7\\nbillion", (Block(0, 12),))
    '$1.7 billion'
    """
    chars = list(text)
    for block in blocks:
        for i in range(block.start, block.end):
            if chars[i] in "\r\n":
                chars[i] = " "
    return "".join(chars)


_FIGURE = re.compile(r"\d[\d,.]*")


def data_blocks(text: str, blocks: tuple[Block, ...], limit: int) -> list[tuple[int, int, int]]:
    """(start, end, figures) of each block holding more than ``limit`` figures: a data dump, not
    prose (a paragraph of 150,000 numbers), read as data rather than parsed sentence by sentence.

    >>> data_blocks("Costs: 1, 2, 3, 4.\\n\\nIt cost $5.", (Block(0, 18), Block(20, 31)), 3)
    [(0, 18, 4)]
    """
    spans = [(b.start, b.end) for b in blocks] or [(0, len(text))]
    out = []
    for start, end in spans:
        figures = sum(1 for _ in _FIGURE.finditer(text, start, end))
        if figures > limit:
            out.append((start, end, figures))
    return out
