"""Read files, directories and stdin into Articles; say which inputs could not be read and why."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from alliance_check.settings import HTML_MODES
    from alliance_check.sources.article import (
        Meta,
        assemble,
        find_acceptances,
        infer_published,
        make_article,
    )
    from alliance_check.sources.decoding import BINARY_SIGNATURES, decode
    from alliance_check.sources.files import (
        ARTICLE_SUFFIXES,
        EXPORT_SUFFIXES,
        TEXT_SUFFIXES,
        Skipped,
        collect,
        labels_for,
        short_labels,
    )
    from alliance_check.sources.markdown import blank_markdown, read_markdown
    from alliance_check.sources.reading import read_file, read_source
    from alliance_check.sources.tags import blank_html

# where each name lives: a module is imported when one of its names is first asked for, so that
# listing the files of a corpus (files.py) does not import the readers of every format
_HOMES = {
    "HTML_MODES": "alliance_check.settings",
    **dict.fromkeys(
        ("Meta", "assemble", "find_acceptances", "infer_published", "make_article"),
        "alliance_check.sources.article",
    ),
    **dict.fromkeys(("BINARY_SIGNATURES", "decode"), "alliance_check.sources.decoding"),
    **dict.fromkeys(
        (
            "ARTICLE_SUFFIXES",
            "EXPORT_SUFFIXES",
            "TEXT_SUFFIXES",
            "Skipped",
            "collect",
            "labels_for",
            "short_labels",
        ),
        "alliance_check.sources.files",
    ),
    **dict.fromkeys(("blank_markdown", "read_markdown"), "alliance_check.sources.markdown"),
    **dict.fromkeys(("read_file", "read_source"), "alliance_check.sources.reading"),
    "blank_html": "alliance_check.sources.tags",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(home), name)


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
