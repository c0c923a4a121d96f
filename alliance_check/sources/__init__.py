"""Read files, directories and stdin into Articles; say which inputs could not be read and why."""

from __future__ import annotations

from alliance_check.settings import HTML_MODES
from alliance_check.sources.article import (
    Meta,
    assemble,
    find_acceptances,
    infer_published,
    make_article,
)
from alliance_check.sources.decoding import BINARY_SIGNATURES, decode
from alliance_check.sources.exports import EXPORT_SUFFIXES
from alliance_check.sources.files import (
    ARTICLE_SUFFIXES,
    TEXT_SUFFIXES,
    Skipped,
    collect,
    labels_for,
    short_labels,
)
from alliance_check.sources.markdown import blank_markdown, read_markdown
from alliance_check.sources.reading import read_file, read_source
from alliance_check.sources.tags import blank_html

__all__ = [
    "ARTICLE_SUFFIXES",
    "BINARY_SIGNATURES",
    "EXPORT_SUFFIXES",
    "HTML_MODES",
    "TEXT_SUFFIXES",
    "Meta",
    "Skipped",
    "assemble",
    "blank_html",
    "blank_markdown",
    "collect",
    "decode",
    "find_acceptances",
    "infer_published",
    "labels_for",
    "make_article",
    "read_file",
    "read_markdown",
    "read_source",
    "short_labels",
]
