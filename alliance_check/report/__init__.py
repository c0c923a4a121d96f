"""Reporters: plain functions ``render(report, stream, options)``, picked from ``REPORTERS``."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import TextIO

from alliance_check.models import RULES, Claim, Finding, Report


@dataclass(frozen=True)
class ReportOptions:
    """How a report is drawn: width, colour (None: decide from the stream), what to include."""

    width: int | None = None
    color: bool | None = None
    show_agreements: bool = True
    show_baselined: bool = False
    quiet: bool = False  # new findings only: no summary, agreements or gate state
    statistics: bool = False  # counts per code instead of the findings


Reporter = Callable[[Report, TextIO, ReportOptions], None]


def _lazy(module: str) -> Reporter:
    """Import a reporter only when it is used (rich is slow to import)."""

    def render(report: Report, stream: TextIO, options: ReportOptions) -> None:
        import_module(f"alliance_check.report.{module}").render(report, stream, options)

    return render


REPORTERS: dict[str, Reporter] = {
    "rich": _lazy("terminal"),
    "concise": _lazy("concise"),
    "json": _lazy("json"),
    "sarif": _lazy("sarif"),
    "github": _lazy("github"),
    "markdown": _lazy("markdown"),
}
TEXT_FORMATS = ("rich", "concise")
STATUSES = ("new", "baselined", "accepted")
KIND_NOUNS = {
    "quantity": ("quantity", "quantities"),
    "money": ("amount", "amounts"),
    "percent": ("percentage", "percentages"),
}  # written for people: they carry warnings and statistics


def plural(n: int, word: str, many: str | None = None) -> str:
    """'1 conflict', '2 conflicts', '3 stale entries' (with ``many``)."""
    return f"{n} {word if n == 1 else many or word + 's'}"


def visible(report: Report, options: ReportOptions) -> list[Finding]:
    """The findings a human-facing report shows: new ones, and the rest on request."""
    return [f for f in report.findings if f.status == "new" or options.show_baselined]


def primary_claim(report: Report, finding: Finding) -> Claim:
    """Where a finding is shown: the pair's claim from a checked (focus) article when there is one."""
    pair = [report.claim(i) for i in (finding.pair or finding.claim_ids[:1])]
    if report.focus:
        in_focus = [c for c in pair if c.source in report.focus]
        if in_focus:
            return in_focus[0]
    return sorted(pair, key=lambda c: (c.label, c.line))[-1]


def checked_count(report: Report) -> int:
    return sum(1 for s in report.sources if s.status == "checked")


def summary_line(report: Report) -> str:
    """'alliance-check: 2 conflicts, 1 soft conflict (3 baselined, 1 accepted) in 5 sources'.

    When nothing was checked, the reason: 'alliance-check: nothing to check: ...'.
    """
    if report.notice:
        return f"alliance-check: {report.notice}"
    counts = report.counts()
    parts = [plural(counts["error"], "conflict"), plural(counts["warning"], "soft conflict")]
    extra = []
    for status in ("baselined", "accepted"):
        n = sum(1 for f in report.findings if f.status == status)
        if n:
            extra.append(f"{n} {status}")
    if report.ignored:
        extra.append(f"{len(report.ignored)} ignored")
    if report.stale:
        extra.append(plural(len(report.stale), "stale baseline entry", "stale baseline entries"))
    checked = checked_count(report)
    skipped = len(report.sources) - checked
    text = f"alliance-check: {', '.join(parts)}"
    if extra:
        text += f" ({', '.join(extra)})"
    text += f" in {plural(checked, 'source')}"
    if skipped:
        text += f", {skipped} not checked"
    return text


def shown_paths(
    sources: Iterable[str], cwd: str | None = None, common: bool = True
) -> tuple[dict[str, str], str | None]:
    """Paths as a reader wants them: relative to the current folder, else to the inputs' common folder.

    A path given relative is kept (it already is relative to where the run started); with
    ``common`` False, a path outside the current folder is kept as given too (for editors).
    Returns the paths and the folder they are relative to when it is not the current one.

    >>> shown_paths(["/srv/news/a.txt", "/srv/news/b/c.txt"], cwd="/home/me")
    ({'/srv/news/a.txt': 'a.txt', '/srv/news/b/c.txt': 'b/c.txt'}, '/srv/news')
    """
    here = Path(cwd or os.getcwd())
    names = sorted(set(sources))
    out: dict[str, str] = {}
    outside: list[str] = []
    for name in names:
        path = Path(name)
        if name.startswith("<") or not path.is_absolute():
            out[name] = os.path.normpath(name) if not name.startswith("<") else name
        elif path.is_relative_to(here):
            out[name] = str(path.relative_to(here))
        else:
            outside.append(name)
    if not outside or not common:
        return {**out, **{name: name for name in outside}}, None
    base = os.path.commonpath([os.path.dirname(n) for n in outside])
    for name in outside:
        out[name] = os.path.relpath(name, base)
    return out, base


def statistics(report: Report) -> list[tuple[str, str, str, int, int, int, int]]:
    """Per code found: its name, severity and how many findings are new, baselined, accepted, ignored."""
    rows = []
    for code, rule in RULES.items():
        found = [f for f in report.findings if f.code == code]
        new, baselined, accepted = (sum(1 for f in found if f.status == s) for s in STATUSES)
        ignored = sum(1 for f in report.ignored if f.code == code)
        if found or ignored:
            rows.append((code, rule.name, rule.severity, new, baselined, accepted, ignored))
    return rows


def why_nothing_compared(report: Report) -> tuple[dict[str, str], list[str]]:
    """When no two sources were compared: what each source gave, and the likeliest reasons with fixes."""
    kinds: dict[str, Counter[str]] = {}
    for c in report.claims:
        kinds.setdefault(c.source, Counter())[c.kind] += 1
    checked = [s for s in report.sources if s.status == "checked"]
    found = {}
    for s in checked:
        per_kind = kinds.get(s.source, Counter())
        detail = ", ".join(plural(n, *KIND_NOUNS.get(k, (k,))) for k, n in sorted(per_kind.items()))
        found[s.source] = plural(s.claims, "claim") + (f" ({detail})" if detail else "")
    reasons = []
    with_claims = [s for s in checked if s.claims]
    if len(checked) < 2:
        reasons.append(
            "only one source was checked: pass two or more articles, or check one against a corpus "
            "with --against DIR"
        )
    elif len(with_claims) < 2:
        reasons.append(
            "fewer than two sources state a figure, date or place the tool can read; check that "
            "they are English news text (see alliance-check extract FILE)"
        )
    else:
        reasons.append(
            "the sources' claims are about different things, or name the same thing differently: "
            "add the names your sources use as aliases ([tool.alliance-check.aliases] in the "
            "configuration) or turn on a domain pack for the story"
        )
        yearless = sum(1 for c in report.claims if c.kind == "date" and str(c.value).startswith("--"))
        if yearless:
            reasons.append(
                f"{plural(yearless, 'date has', 'dates have')} no year because no reference date is "
                "known: add 'published: YYYY-MM-DD' front matter or pass --published YYYY-MM-DD"
            )
    return found, reasons
