"""A path -> its Articles: a text or Markdown file, a web page, or each record of an export."""

from __future__ import annotations

import os
import re
import sys
from dataclasses import replace

from alliance_check.blocks import data_blocks, text_blocks
from alliance_check.models import Article, InputError
from alliance_check.settings import HTML_MODES, Settings
from alliance_check.sources.article import Meta, assemble, find_acceptances, make_article, meta_of
from alliance_check.sources.decoding import decode
from alliance_check.sources.exports import Record, read_export, text_names
from alliance_check.sources.files import EXPORT_SUFFIXES, Skipped
from alliance_check.sources.frontmatter import read_date
from alliance_check.sources.html import page_metadata, read_page
from alliance_check.sources.markdown import blank_markdown
from alliance_check.sources.tags import blank_html

HTML_SUFFIXES = (".html", ".htm")
MARKDOWN_SUFFIXES = (".md", ".markdown")
# a record's text that holds these tags is HTML: its tags are blanked
_LOOKS_HTML = re.compile(r"(?i)<(?:p|div|br|span|a|h[1-6]|li|ul|ol|strong|em|b|i|table|tr|td)\b[^>]*>")


def read_bytes(source: str) -> bytes:
    """A file's bytes ('-' for stdin), or an InputError that says what to do."""
    try:
        if source == "-":
            return sys.stdin.buffer.read()
        with open(source, "rb") as handle:
            return handle.read()
    except PermissionError as exc:
        raise InputError(f"{source}: permission denied; make the file readable") from exc
    except IsADirectoryError as exc:
        raise InputError(f"{source}: is a directory; pass it without a trailing file name") from exc
    except OSError as exc:
        raise InputError(f"{source}: cannot read ({exc.strerror or exc}); check the path") from exc


def read_file(source: str, settings: Settings | None = None) -> tuple[list[Article], list[Skipped]]:
    """One file (or '-' for stdin) -> its articles, and the records of an export that cannot be
    read; a file that cannot be read at all is an InputError saying why and what to do."""
    settings = settings or Settings()
    name = "<stdin>" if source == "-" else source
    text, notes = decode(name, read_bytes(source), settings.encoding)
    if not text.strip():
        raise InputError(f"{name}: empty, nothing to check; add text or leave the file out")
    suffix = os.path.splitext(source)[1].lower()
    if suffix in EXPORT_SUFFIXES:
        articles, skipped = read_records(name, text, settings)
    elif suffix in HTML_SUFFIXES:
        article, more = read_html(name, text, settings)
        articles, skipped, notes = [article], [], [*notes, *more]
    else:
        markup = blank_markdown if suffix in MARKDOWN_SUFFIXES else None
        articles, skipped = [make_article(name, text, published=settings.published, markup=markup)], []
    if articles and notes:
        articles[0] = replace(articles[0], notes=tuple(notes))
    return [_set_aside_data(a, settings.max_figures) for a in articles], skipped


def _set_aside_data(article: Article, limit: int) -> Article:
    """Blank the paragraphs that are data dumps (see blocks.data_blocks), with a note for each."""
    found = data_blocks(article.text, article.blocks, limit)
    if not found:
        return article
    text, notes = article.text, list(article.notes)
    for start, end, figures in found:
        text = text[:start] + re.sub(r"[^\r\n]", " ", text[start:end]) + text[end:]
        line, _ = article.position(start)
        notes.append(
            f"{article.source}: line {line}: {figures:,} figures in one paragraph set aside as data, not "
            f"checked (more than {limit:,}); check such a table on its own"
        )
    return replace(article, text=text, notes=tuple(notes))


def read_source(source: str, published: str | None = None) -> Article:
    """Read one file as one article (an export's first record); see read_file for every record."""
    articles, skipped = read_file(source, Settings(published=published))
    if not articles:
        raise InputError(skipped[0].reason if skipped else f"{source}: no article in it")
    return articles[0]


def read_html(source: str, page: str, settings: Settings) -> tuple[Article, list[str]]:
    """A web page: its article (trafilatura) or, with ``html = "raw"``, every visible text; its
    metadata gives the date, title, site name and address."""
    if settings.html not in HTML_MODES:
        raise InputError(f"html must be one of {', '.join(HTML_MODES)}, not {settings.html!r}")
    found = page_metadata(page)
    day = read_date(found.published) if found.published else None
    meta = Meta(
        day.isoformat() if day else None,
        "page metadata" if day else None,
        found.site,
        found.title,
        found.url,
    )
    acceptances = tuple(find_acceptances(source, page))
    read = read_page(page) if settings.html == "article" else None
    notes: list[str] = []
    if read is None:
        if settings.html == "article":
            notes.append(
                f"{source}: no article text found in the page; every visible text was read (--html raw)"
            )
        text = blank_html(page)
        return assemble(source, text, text_blocks(text), meta, settings.published, acceptances), notes
    article = assemble(source, read.text, read.blocks, meta, settings.published, acceptances, read.origin)
    return article, notes


def read_records(source: str, text: str, settings: Settings) -> tuple[list[Article], list[Skipped]]:
    """Each record of an export as its own article ``file:record``; a record that cannot be read
    is skipped with the reason, the others are read."""
    fields = dict(settings.export_fields)
    records = read_export(source, text, fields)
    if not records:
        raise InputError(f"{source}: holds no records; export one record per article")
    if all(r.text is None and r.problem is None for r in records):
        raise InputError(
            f"{source}: no record has a {text_names(fields)} field; "
            'name it in [tool.alliance-check.export-fields] (text = "...")'
        )
    articles: list[Article] = []
    skipped: list[Skipped] = []
    for record in records:
        where = f"{source}:{record.number}"
        try:
            articles.append(_record_article(source, where, record, fields, settings))
        except InputError as exc:
            skipped.append(Skipped(where, str(exc), source, record.number))
    return articles, skipped


def _record_article(
    source: str, where: str, record: Record, fields: dict[str, tuple[str, ...]], settings: Settings
) -> Article:
    at = f"record {record.number} (line {record.line})" if record.line else f"record {record.number}"
    if record.problem:
        raise InputError(f"{where}: {record.problem}")
    if record.text is None or record.origin is None or not record.text.strip():
        raise InputError(f"{where}: {at} has no {text_names(fields)}; fill it in or leave the record out")
    meta = meta_of(where, record.values, "record field", fields)
    text = blank_html(record.text) if _LOOKS_HTML.search(record.text) else record.text
    return assemble(
        where, text, text_blocks(text), meta, settings.published, (), record.origin, source, record.number
    )
