"""Extraction in this process or in several: the same claims either way, in the same order."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from typing import Any

from alliance_check.models import Article, Claim
from alliance_check.settings import Settings

Done = Callable[[int, list[Claim]], None]  # (index in the list given, its claims)
BATCH = 8  # articles a worker takes at a time: small enough to share the work evenly
AUTO = 0  # --jobs auto
# words to extract below which one process is as fast as two (each worker loads the model, about
# a second). Measured on a 2-core machine, --jobs 2 against 1 on synthetic corpora: with the other
# core busy, 1.13x slower at 20,600 words and 0.98x at 41,700; on quiet runs faster from 2,600
AUTO_MIN_WORDS = 20_000

_parser: Any = None
_settings: Settings | None = None


def cores() -> int:
    """The processors this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def processes(jobs: int, articles: list[Article]) -> int:
    """How many processes extract ``articles``: ``jobs``, or for AUTO one when their words are
    fewer than AUTO_MIN_WORDS (starting more would cost more than it saves), else one per core,
    no more than there are batches to share.

    >>> processes(AUTO, [])
    1
    """
    if jobs != AUTO:
        return jobs
    words = sum(len(a.text.split()) for a in articles)
    if words < AUTO_MIN_WORDS:
        return 1
    return max(1, min(cores(), -(-len(articles) // BATCH)))


def extract_here(
    articles: list[Article], settings: Settings, jobs: int, done: Done, cache_dir: str | None = None
) -> None:
    """Extract in this process, a batch at a time (so progress can be shown); with ``cache_dir``,
    parses are read from and written to its parse cache (see parses.py)."""
    from alliance_check.extract import extract_articles
    from alliance_check.parses import Parser

    parser = Parser(settings.model, cache_dir)
    for start in range(0, len(articles), BATCH):
        batch = articles[start : start + BATCH]
        for k, claims in enumerate(extract_articles(batch, parser, settings)):
            done(start + k, claims)


def _init(settings: Settings, cache_dir: str | None) -> None:
    global _parser, _settings
    from alliance_check.parses import Parser

    _settings = settings
    _parser = Parser(settings.model, cache_dir)


def _work(batch: list[Article]) -> list[list[Claim]]:
    from alliance_check.extract import extract_articles

    assert _settings is not None
    return extract_articles(batch, _parser, _settings)


def extract_in_processes(
    articles: list[Article], settings: Settings, jobs: int, done: Done, cache_dir: str | None = None
) -> None:
    """Share the articles among ``jobs`` processes, each with its own pipeline (loaded when a
    stretch is not in the parse cache)."""
    context = multiprocessing.get_context(
        "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    )
    batches = [(start, articles[start : start + BATCH]) for start in range(0, len(articles), BATCH)]
    with ProcessPoolExecutor(
        max_workers=jobs, mp_context=context, initializer=_init, initargs=(settings, cache_dir)
    ) as pool:
        pending = {pool.submit(_work, batch): start for start, batch in batches}
        while pending:
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                start = pending.pop(future)
                for k, claims in enumerate(future.result()):
                    done(start + k, claims)
