"""One line per finding, ``path:line:col: AC101 topic: message``, for pipes, editors and pre-commit."""

from __future__ import annotations

from typing import TextIO

from alliance_check.gate import outcome
from alliance_check.models import Report
from alliance_check.report import (
    ReportOptions,
    primary_claim,
    shown_paths,
    statistics,
    summary_line,
    visible,
)


def render(report: Report, stream: TextIO, options: ReportOptions) -> None:
    """Write a line per new error or warning (and the rest with ``show_baselined``), then the summary."""
    sources = [s.source for s in report.sources]
    paths, _ = shown_paths([*sources, *(report.file_of(s) for s in sources)], common=False)
    lines = []
    if not options.quiet:
        lines += [
            f"{paths[s.source]}: not checked: {s.reason}" for s in report.sources if s.status != "checked"
        ]
    if options.statistics:
        lines += [f"{new}\t{code}\t{name}" for code, name, _, new, *_ in statistics(report) if new]
    else:
        for f in visible(report, options):
            if f.severity == "info" and report.fail_on != "info":
                continue  # agreements are lines of their own only when they can fail the run
            claim = primary_claim(report, f)
            status = "" if f.status == "new" else f" [{f.status}]"
            file = report.file_of(claim.source)  # an export's, for one of its records
            where = f"{paths.get(file, file)}:{claim.line}:{claim.column}"
            message = " ".join(f.message.split())
            lines.append(f"{where}: {f.code} {f.subject}: {message}{status}")
    if not options.quiet:
        lines.append(summary_line(report))
        lines.append(f"alliance-check: exit {outcome(report).status}: {outcome(report).reason}")
    stream.write("".join(line + "\n" for line in lines))
