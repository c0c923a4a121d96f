"""Reporters: plain functions ``render(report, stream, options)``, picked from ``REPORTERS``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from typing import TextIO

from alliance_check.models import Report


@dataclass(frozen=True)
class ReportOptions:
    """How a report is drawn: width, colour (None: decide from the stream), what to include."""

    width: int | None = None
    color: bool | None = None
    show_agreements: bool = True
    show_baselined: bool = False


Reporter = Callable[[Report, TextIO, ReportOptions], None]


def _lazy(module: str) -> Reporter:
    """Import a reporter only when it is used (rich is slow to import)."""

    def render(report: Report, stream: TextIO, options: ReportOptions) -> None:
        import_module(f"alliance_check.report.{module}").render(report, stream, options)

    return render


REPORTERS: dict[str, Reporter] = {
    "rich": _lazy("terminal"),
    "json": _lazy("json"),
    "sarif": _lazy("sarif"),
    "github": _lazy("github"),
    "markdown": _lazy("markdown"),
}


def visible(report: Report, options: ReportOptions) -> list:  # type: ignore[type-arg]
    """The findings a human-facing report shows: new ones, and the rest on request."""
    return [f for f in report.findings if f.status == "new" or options.show_baselined]


def summary_line(report: Report) -> str:
    """'alliance-check: 2 conflicts, 1 soft conflict (3 baselined, 1 accepted) in 5 sources'."""
    counts = report.counts()
    parts = [
        f"{counts['error']} conflict{'s' if counts['error'] != 1 else ''}",
        f"{counts['warning']} soft conflict{'s' if counts['warning'] != 1 else ''}",
    ]
    extra = []
    for status in ("baselined", "accepted"):
        n = sum(1 for f in report.findings if f.status == status)
        if n:
            extra.append(f"{n} {status}")
    if report.stale:
        extra.append(f"{len(report.stale)} stale baseline entries")
    checked = sum(1 for s in report.sources if s.status == "checked")
    skipped = len(report.sources) - checked
    text = f"alliance-check: {', '.join(parts)}"
    if extra:
        text += f" ({', '.join(extra)})"
    text += f" in {checked} sources"
    if skipped:
        text += f", {skipped} not checked"
    return text
