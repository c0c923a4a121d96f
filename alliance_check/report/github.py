"""GitHub Actions workflow commands: one annotation per finding, at the claim's line and column."""

from __future__ import annotations

from typing import TextIO

from alliance_check.gate import outcome
from alliance_check.models import RULES, Report
from alliance_check.report import ReportOptions, primary_claim, summary_line, visible

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render(report: Report, stream: TextIO, options: ReportOptions) -> None:
    """``::error file=...,line=...,col=...,title=...::message`` for each visible finding."""
    for s in report.sources:
        if s.status != "checked":
            where = _prop(s.file or s.source)
            stream.write(f"::warning file={where},title=not checked::{_data(s.reason or '')}\n")
    for f in visible(report, options):
        if f.severity == "info":
            continue
        claim = primary_claim(report, f)
        title = f"{f.code} {RULES[f.code].name}" + ("" if f.status == "new" else f" ({f.status})")
        command = COMMANDS[f.severity] if f.status == "new" else "notice"
        where = f"file={_prop(report.file_of(claim.source))},line={claim.line},col={claim.column}"
        end = f"endColumn={claim.column + len(claim.text)}"
        stream.write(
            f"::{command} {where},{end},title={_prop(title)}::{_data(f.subject + ': ' + f.message)}\n"
        )
    for e in report.stale:
        what = f"{e.code} {e.subject}".strip() or e.fingerprint
        stream.write(f"::notice title=stale baseline entry::{_data(what)} no longer matches any finding\n")
    for a in report.unused_acceptances:
        where = f"file={_prop(a.source)}" + (f",line={a.line}" if a.line else "")
        stream.write(f"::notice {where},title=unused acceptance::{_data(a.target)} matches no finding\n")
    stream.write(summary_line(report) + "\n")
    stream.write(f"alliance-check: exit {outcome(report).status}: {outcome(report).reason}\n")
