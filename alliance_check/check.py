"""check(paths, settings) -> Report: the whole pipeline in a screenful."""

from __future__ import annotations

from alliance_check import __version__
from alliance_check.compare import compare_groups
from alliance_check.extract import extract_articles
from alliance_check.group import group_claims
from alliance_check.models import Article, Claim, Report, SourceStatus
from alliance_check.nlp import load_nlp, model_name
from alliance_check.settings import Settings
from alliance_check.sources import InputError, collect, read_source, short_labels


def read_articles(paths: list[str], settings: Settings) -> tuple[list[Article], list[SourceStatus]]:
    """Read every input; what cannot be read becomes a skipped SourceStatus, not an exception."""
    files, missing = collect(paths)
    labels = short_labels([f if f != "-" else "<stdin>" for f in files])
    articles: list[Article] = []
    skipped = [SourceStatus(s.source, s.source, "skipped", s.reason) for s in missing]
    for path in files:
        name = "<stdin>" if path == "-" else path
        try:
            article = read_source(path, settings.published)
        except InputError as exc:
            skipped.append(SourceStatus(name, labels[name], "skipped", str(exc)))
            continue
        articles.append(
            Article(
                article.source,
                article.text,
                labels[name],
                article.published,
                article.published_how,
                article.line_starts,
            )
        )
    return articles, skipped


def extract(articles: list[Article], settings: Settings) -> tuple[list[list[Claim]], str]:
    """Claims of each article and the name of the model that found them."""
    if not articles:
        return [], ""
    nlp = load_nlp(settings.model)
    return extract_articles(articles, nlp, settings), model_name(nlp)


def check(paths: list[str], settings: Settings | None = None) -> Report:
    """Read, extract, group, compare: everything one run of alliance-check does."""
    settings = settings or Settings()
    articles, skipped = read_articles(paths, settings)
    per_article, model = extract(articles, settings)
    claims = [c for batch in per_article for c in batch]
    groups = group_claims(claims, settings)
    findings = compare_groups(groups, settings)
    checked = [
        SourceStatus(a.source, a.label, "checked", None, a.published, a.published_how, len(batch))
        for a, batch in zip(articles, per_article, strict=False)
    ]
    sources = sorted([*checked, *skipped], key=lambda s: s.source)
    return Report(
        sources=tuple(sources),
        claims=tuple(claims),
        groups=tuple(groups),
        findings=tuple(findings),
        tool_version=__version__,
        model=model,
    )
