"""Web pages -> the article's text (trafilatura) mapped back to the page, or all visible text; metadata."""

from __future__ import annotations

from array import array
from dataclasses import dataclass
from typing import Any

from alliance_check.blocks import line_starts
from alliance_check.models import Block, InputError, Origin
from alliance_check.sources.markdown import read_markdown
from alliance_check.sources.tags import blank_html

# how far past the last paragraph found the next one is looked for: keeps a page linear
SEARCH_WINDOW = 200_000
# a paragraph not found whole is looked for by its first characters
PREFIX = 24


@dataclass(frozen=True)
class PageMeta:
    """What a page says of itself in its metadata."""

    published: str | None = None
    title: str | None = None
    site: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Page:
    """A page's article: text (Markdown markup blanked), its blocks, and where it stands in the file."""

    text: str
    blocks: tuple[Block, ...]
    origin: Origin


def _date_params() -> dict[str, Any]:
    # metadata only: a date found anywhere in the body (a footer's copyright line) is no date of the page
    return {"original_date": True, "extensive_search": False}


def _trafilatura() -> Any:
    try:
        import trafilatura
        import trafilatura.metadata
        import trafilatura.xml
    except ImportError as exc:  # a broken install: say how to mend it, or how to do without
        raise InputError(
            f"web pages need trafilatura and lxml_html_clean ({exc}); "
            "pip install trafilatura lxml_html_clean, or pass --html raw"
        ) from exc
    return trafilatura


def page_metadata(page: str) -> PageMeta:
    """Date, title, site name and address from a page's head (meta tags, JSON-LD, <time>)."""
    try:
        extract_metadata = _trafilatura().metadata.extract_metadata
    except InputError:  # --html raw reads pages without trafilatura, and without their metadata
        return PageMeta()

    try:
        meta = extract_metadata(page, date_config=_date_params())
    except Exception:  # a page trafilatura cannot read has no metadata, never a crash
        return PageMeta()
    return PageMeta(meta.date or None, meta.title or None, meta.sitename or None, meta.url or None)


def extract_article(page: str) -> str | None:
    """The main text of a page as Markdown (headings, lists, tables), boilerplate left out."""
    trafilatura = _trafilatura()
    try:
        doc = trafilatura.bare_extraction(
            page,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            output_format="python",
            date_extraction_params=_date_params(),
        )
    except Exception:  # trafilatura failing on a page is "no article found", never a crash
        return None
    body: Any = getattr(doc, "body", None)
    if body is None:
        return None
    text = str(trafilatura.xml.xmltotxt(body, include_formatting=True))
    return text if text.strip() else None


def locate(text: str, blocks: tuple[Block, ...], page: str) -> tuple[tuple[int, int], ...]:
    """Anchors (text offset, page offset) for each block of an extracted text, found in order
    among the page's visible characters (white space aside, so tags inside a sentence and
    entities do not matter). A block not found stays with the last one found."""
    visible = blank_html(page)
    offsets = array("l", (i for i, ch in enumerate(visible) if not ch.isspace()))
    dense = "".join(visible[i] for i in offsets)
    anchors: list[tuple[int, int]] = []
    cursor = 0

    def add(text_at: int, page_at: int) -> None:
        if anchors:
            last_text, last_page = anchors[-1]
            if page_at - last_page == text_at - last_text:
                return
        anchors.append((text_at, page_at))

    for block in blocks:
        chars = [(i, ch) for i in range(block.start, block.end) if not (ch := text[i]).isspace()]
        if not chars:
            continue
        key = "".join(ch for _, ch in chars)
        stop = cursor + SEARCH_WINDOW + len(key)
        at = dense.find(key, cursor, stop)
        if at < 0:
            at = dense.find(key[:PREFIX], cursor, stop)
            if at < 0:
                add(block.start, offsets[cursor] if cursor < len(offsets) else len(page))
                continue
            add(block.start, offsets[at])
            cursor = at + 1
            continue
        for n, (i, _) in enumerate(chars):
            add(i, offsets[at + n])
        cursor = at + len(key)
    return tuple(anchors) or ((0, 0),)


def read_page(page: str) -> Page | None:
    """A page's article with its place in the page, or None when no article text is found."""
    article = extract_article(page)
    if article is None:
        return None
    text, blocks = read_markdown(article)
    return Page(text, blocks, Origin(locate(text, blocks, page), line_starts(page)))
