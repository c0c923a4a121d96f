"""Markdown for a pull-request comment or a job summary: a table of findings, then details."""

from __future__ import annotations

from typing import TextIO

from alliance_check.gate import outcome
from alliance_check.models import RULES, Report
from alliance_check.report import ReportOptions, summary_line, visible

ICONS = {"error": "❌", "warning": "⚠️", "info": "ℹ️"}


def _cell(text: str) -> str:
    return " ".join(text.replace("|", "\\|").split())


def render(report: Report, stream: TextIO, options: ReportOptions) -> None:
    """Write the summary table and one section per finding."""
    result = outcome(report)
    summary = summary_line(report).removeprefix("alliance-check: ")
    lines = ["## alliance-check", "", summary[:1].upper() + summary[1:] + ".", ""]
    if not report.notice and report.fail_on != "never":  # 'never' is how a summary step is run
        lines += [f"**Exit {result.status}**: {_cell(result.reason)}.", ""]
    shown = [f for f in visible(report, options) if f.severity != "info"]
    if shown:
        lines += ["| | code | topic | what the sources say | status |", "|---|---|---|---|---|"]
        for f in shown:
            lines.append(
                f"| {ICONS[f.severity]} | {f.code} {RULES[f.code].name} | {_cell(f.subject)} | "
                f"{_cell(f.message)} | {f.status} |"
            )
        lines.append("")
        for f in shown:
            lines += [f"### {f.code} {_cell(f.subject)}", "", _cell(f.message), ""]
            lines += ["| source | where | says | qualifier |", "|---|---|---|---|"]
            for claim in (report.claim(i) for i in f.claim_ids):
                where = f"{report.file_of(claim.source)}:{claim.line}:{claim.column}"
                lines.append(f"| {claim.label} | `{where}` | {_cell(claim.text)} | {claim.qualifier} |")
            lines.append("")
    elif not report.notice:
        lines += ["No new conflicts.", ""]
    checked = [s for s in report.sources if s.status == "checked"]
    if checked:
        lines += [f"<details><summary>Sources ({len(checked)})</summary>", ""]
        lines += ["| source | published | from | file |", "|---|---|---|---|"]
        lines += [
            f"| {_cell(s.label)} | {s.published or 'unknown'} | {s.published_how or ''} | `{s.source}` |"
            for s in checked
        ]
        lines += ["", "</details>", ""]
    skipped = [s for s in report.sources if s.status != "checked"]
    if skipped:
        lines += (
            ["**Not checked:**", ""] + [f"- `{s.source}`: {_cell(s.reason or '')}" for s in skipped] + [""]
        )
    if report.stale:
        lines += [f"**Stale baseline entries:** {len(report.stale)} (the baseline can shrink).", ""]
        lines += [f"- {e.code} {_cell(e.subject)}".rstrip() for e in report.stale] + [""]
    for a in report.unused_acceptances:
        where = f"{a.source}:{a.line}" if a.line else a.source
        lines.append(f"- Unused acceptance of `{_cell(a.target)}` in `{where}`.")
    stream.write("\n".join(lines).rstrip() + "\n")
