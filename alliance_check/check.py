"""check(paths, settings) -> Report: the whole pipeline in a screenful."""

from __future__ import annotations

import fnmatch
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from alliance_check import __version__
from alliance_check.models import (
    Article,
    BaselineEntry,
    Claim,
    ClaimGroup,
    Finding,
    Report,
    SourceStatus,
)
from alliance_check.runs import RunCache
from alliance_check.settings import Settings

# The stages are imported where they are used: a run whose report is cached (see runs.py) reads,
# groups and compares nothing, and should not pay for importing what does.


@dataclass(frozen=True)
class Gate:
    """What a CI run adds to a plain check: what to check against what, a baseline, a cache.

    ``against`` is a corpus the paths are checked against; ``changed`` a git commit, so that only
    the files changed since it are checked against the rest; ``focus`` names those files directly.
    """

    against: tuple[str, ...] = ()
    changed: str | None = None
    focus: tuple[str, ...] | None = None
    baseline: str | None = None
    cache_dir: str | None = None
    jobs: int = 1
    progress: Callable[[int, int], None] | None = None  # (articles done, articles in all)
    # keep the report in the run cache (see runs.py); a watch's re-checks do not: each follows an
    # edit, and writing a large corpus's report costs a quarter of its re-check
    store_run: bool = True


def read_articles(paths: list[str], settings: Settings) -> tuple[list[Article], list[SourceStatus]]:
    """Read every input; what cannot be read becomes a skipped SourceStatus, not an exception."""
    from alliance_check.models import InputError
    from alliance_check.references import corpus_references
    from alliance_check.sources import collect, labels_for, read_file, short_labels
    from alliance_check.sources.files import record_label

    files, missing = collect(paths, settings.include, settings.exclude)
    names = [f if f != "-" else "<stdin>" for f in files]
    labels = short_labels(names)
    articles: list[Article] = []
    skipped = [SourceStatus(s.source, s.source, "skipped", s.reason) for s in missing]
    for path, name in zip(files, names, strict=True):
        try:
            found, problems = read_file(path, settings)
        except InputError as exc:
            reason = str(exc).removeprefix(f"{name}: ")  # the report names the file already
            skipped.append(SourceStatus(name, labels[name], "skipped", reason))
            continue
        articles.extend(found)
        skipped.extend(
            SourceStatus(p.source, record_label(labels[name], p.record), "skipped",
                         p.reason.removeprefix(f"{p.source}: "), file=p.file, record=p.record)
            for p in problems
        )  # fmt: skip
    final = labels_for([(a.source, a.file or a.source, a.record, a.outlet) for a in articles], names)
    return corpus_references([replace(a, label=final[a.source]) for a in articles]), skipped


def extract(
    articles: list[Article],
    settings: Settings,
    cache_dir: str | None = None,
    jobs: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[list[list[Claim]], str, int]:
    """Claims of each article, the model's name and how many articles came from the cache.

    spaCy is loaded only when some article is not in the cache, and the model only when some
    stretch of it was never parsed (see parses.py); with ``jobs`` > 1 the articles
    are shared among that many processes, and the result is the same as with one; ``jobs`` 0
    (auto) picks the number by the words to read (see parallel.processes).
    """
    from alliance_check.cache import ClaimCache, cache_key, shared
    from alliance_check.nlp import model_id

    model = model_id(settings.model)
    cache = ClaimCache(cache_dir) if cache_dir else None
    keys = [cache_key(a, settings, model) for a in articles]
    found: list[list[Claim] | None] = [
        cache.load(k, a) if cache else None for k, a in zip(keys, articles, strict=True)
    ]
    todo = [i for i, claims in enumerate(found) if claims is None]
    done = len(articles) - len(todo)
    if progress:
        progress(done, len(articles))

    def finished(k: int, claims: list[Claim]) -> None:
        nonlocal done
        i = todo[k]
        found[i] = shared(claims, articles[i])
        if cache:
            cache.store(keys[i], claims)
        done += 1
        if progress:
            progress(done, len(articles))

    if todo:
        from alliance_check.parallel import extract_here, extract_in_processes, processes

        work = [articles[i] for i in todo]
        count = processes(jobs, work)
        run = extract_in_processes if count > 1 and len(todo) > 1 else extract_here
        run(work, settings, count, finished, cache_dir)
    return [c or [] for c in found], model, len(articles) - len(todo)


def corpus_claims(articles: list[Article], per_article: list[list[Claim]]) -> list[Claim]:
    """The claims of every article, with what only the whole corpus can tell settled: which dollar
    a bare '$' is in an article that never says (dollars.py)."""
    from alliance_check.dollars import settle_bare_dollars, unmarked_sources

    claims = [c for batch in per_article for c in batch]
    return settle_bare_dollars(claims, unmarked_sources(articles))


def _ignored(finding: Finding, settings: Settings) -> bool:
    if finding.code in settings.ignore_codes:
        return True
    subject = finding.subject.lower()
    return any(fnmatch.fnmatch(subject, pattern.lower()) for pattern in settings.ignore_topics)


def _focus(paths: list[str], gate: Gate, settings: Settings) -> frozenset[str] | None:
    """The sources a gated run checks against the rest (None: every source is checked)."""
    from alliance_check.gate import changed_files
    from alliance_check.sources import collect

    if gate.changed is not None:
        wanted: tuple[str, ...] = tuple(changed_files(gate.changed))
    elif gate.focus is not None:
        wanted = gate.focus
    elif gate.against:
        wanted = tuple(paths)
    else:
        return None
    given, _ = collect(list(wanted), settings.include, settings.exclude)
    keys = {str(Path(p).resolve()) for p in given}
    files, _ = collect([*paths, *gate.against], settings.include, settings.exclude)
    return frozenset(
        "<stdin>" if f == "-" else f for f in files if f == "-" or str(Path(f).resolve()) in keys
    )


def _baseline(
    findings: list[Finding], groups: list[ClaimGroup], gate: Gate, settings: Settings, focused: bool
) -> tuple[list[Finding], tuple[BaselineEntry, ...]]:
    """Mark baselined findings; an entry is stale only if nothing in the whole corpus matches it."""
    from alliance_check.compare import compare_groups
    from alliance_check.gate import apply_baseline, read_baseline

    if not gate.baseline:
        return findings, ()
    baseline = read_baseline(gate.baseline)
    findings, stale = apply_baseline(findings, baseline)
    if focused and stale:
        everything = {f.fingerprint for f in compare_groups(groups, settings, None)}
        stale = [fp for fp in stale if fp not in everything]
    entries = (
        BaselineEntry(fp, baseline[fp].get("code", ""), baseline[fp].get("subject", "")) for fp in stale
    )
    return findings, tuple(entries)


def check(paths: list[str], settings: Settings | None = None, gate: Gate | None = None) -> Report:
    """Read, extract, group, compare, then apply ignores, acceptances and the baseline.

    With a cache folder, a run made before from the same files, settings and options gives its
    report back (see runs.py).

    ``check(["seeds/"]).counts()`` gives ``{'error': 1, 'warning': 1, 'info': 10}``.
    """
    settings = settings or Settings()
    gate = gate or Gate()
    runs, key = _run_cache(paths, settings, gate)
    if runs is not None and key is not None and (cached := runs.load(key)) is not None:
        return cached
    report = _check(paths, settings, gate)
    if runs is not None and key is not None and gate.store_run:
        runs.store(key, report)
    return report


def _run_cache(paths: list[str], settings: Settings, gate: Gate) -> tuple[RunCache | None, str | None]:
    """The run cache and this run's key; none for what a key cannot hold: standard input, files
    changed in git, a baseline that cannot be read."""
    if not gate.cache_dir or gate.changed is not None or "-" in [*paths, *gate.against]:
        return None, None
    from alliance_check.nlp import model_stamp
    from alliance_check.runs import run_key
    from alliance_check.sources.files import collect

    files, missing = collect([*paths, *gate.against], settings.include, settings.exclude)
    parts = [
        f"settings={settings!r}",
        f"paths={paths!r}",
        f"against={gate.against!r}",
        f"focus={gate.focus!r}",
        f"cwd={Path.cwd()}",
        f"model={model_stamp(settings.model)}",
        f"missing={missing!r}",
    ]
    if gate.baseline is not None:
        try:
            parts.append(f"baseline={gate.baseline}\n{Path(gate.baseline).read_text(encoding='utf-8')}")
        except (OSError, UnicodeDecodeError):
            return None, None
    return RunCache(gate.cache_dir), run_key(parts, files)


def _check(paths: list[str], settings: Settings, gate: Gate) -> Report:
    from alliance_check.compare import compare_groups
    from alliance_check.gate import apply_acceptances
    from alliance_check.group import group_claims

    focus = _focus(paths, gate, settings)
    if focus is not None and not focus and gate.changed is not None:
        notice = f"nothing to check: no article file in {', '.join(paths)} changed since {gate.changed}"
        return Report(
            (), (), (), (), tool_version=__version__, notice=notice,
            fail_on=settings.fail_on, fail_on_stale=settings.fail_on_stale,
        )  # fmt: skip
    articles, skipped = read_articles([*paths, *gate.against], settings)
    if focus is not None:  # an export's records are checked when its file is
        records = {a.file for a in articles if a.file}
        focus = frozenset(
            {f for f in focus if f not in records} | {a.source for a in articles if a.file in focus}
        )
    per_article, model, _ = extract(articles, settings, gate.cache_dir, gate.jobs, gate.progress)
    claims = corpus_claims(articles, per_article)
    groups = group_claims(claims, settings)
    compared = compare_groups(groups, settings, focus)
    ignored = tuple(f for f in compared if _ignored(f, settings))
    findings = [f for f in compared if not _ignored(f, settings)]
    acceptances = [a for article in articles for a in article.acceptances]
    findings, unused = apply_acceptances(findings, acceptances, {c.id: c for c in claims})
    findings, stale = _baseline(findings, groups, gate, settings, focus is not None)
    checked = [
        SourceStatus(
            a.source,
            a.label,
            "checked",
            "; ".join(n.removeprefix(f"{a.file or a.source}: ") for n in a.notes) or None,
            a.published,
            a.published_how,
            len(batch),
            file=a.file or None,
            record=a.record,
            title=a.title,
            url=a.url,
        )
        for a, batch in zip(articles, per_article, strict=True)
    ]
    return Report(
        sources=tuple(sorted([*checked, *skipped], key=lambda s: (s.file or s.source, s.record or 0))),
        claims=tuple(claims),
        groups=tuple(groups),
        findings=tuple(findings),
        tool_version=__version__,
        model=model,
        focus=tuple(sorted(focus or ())),
        stale=stale,
        unused_acceptances=tuple(unused),
        baseline_used=gate.baseline is not None,
        ignored=ignored,
        fail_on=settings.fail_on,
        fail_on_stale=settings.fail_on_stale,
    )
