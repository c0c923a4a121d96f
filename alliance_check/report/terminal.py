"""The terminal report with rich: summary, each conflict with who says what and where, the gate."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Mapping
from typing import TextIO

from rich.cells import cell_len
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from alliance_check.gate import outcome
from alliance_check.models import RULES, Claim, Finding, Report
from alliance_check.report import (
    ReportOptions,
    checked_count,
    plural,
    shown_paths,
    statistics,
    visible,
    why_nothing_compared,
)

SOURCES_LISTED = 40  # past this many, the sources table is a count of where their dates came from
SEVERITY_STYLE = {"error": "bold red", "warning": "bold yellow", "info": "cyan"}
QUALIFIER_WORD = {
    "exact": "exact",
    "approx": "approximate",
    "lower_bound": "lower bound",
    "upper_bound": "upper bound",
    "range": "range",
}
DEFAULT_WIDTH = 100  # when the output is not a terminal and neither --width nor COLUMNS says


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def console_width(stream: TextIO, options: ReportOptions, environ: Mapping[str, str] = os.environ) -> int:
    """--width, else COLUMNS, else the terminal's width, else 100 (pipes, CI logs, files)."""
    if options.width:
        return options.width
    given = environ.get("COLUMNS", "")
    if given.isdigit() and int(given) > 0:
        return int(given)
    if _isatty(stream):
        try:
            columns = os.get_terminal_size(stream.fileno()).columns
        except (AttributeError, OSError, ValueError):
            columns = 0
        return columns or 80  # a pseudo-terminal with no size (script, docker -t) says 0
    return DEFAULT_WIDTH


def use_style(stream: TextIO, options: ReportOptions, environ: Mapping[str, str] = os.environ) -> bool:
    """Whether to style: --color/--no-color win; then NO_COLOR and TERM=dumb turn styling off."""
    if options.color is not None:
        return options.color
    if environ.get("NO_COLOR") or environ.get("TERM", "").lower() in ("dumb", "unknown"):
        return False
    if environ.get("FORCE_COLOR"):
        return True
    return _isatty(stream)


def make_console(stream: TextIO, options: ReportOptions) -> Console:
    """A console on ``stream`` whose width and styling are decided here, not by the environment."""
    styled = use_style(stream, options)
    return Console(
        file=stream,
        width=console_width(stream, options),
        height=25,  # a fixed size, so that rich does not measure (and on TERM=dumb, cap) it
        force_terminal=styled,
        color_system=("standard" if options.color else "auto") if styled else None,
        no_color=False,
        highlight=False,
        soft_wrap=False,
        emoji=False,
    )


def _stripped(line: Text) -> Text:
    copy = line.copy()
    copy.rstrip()
    return copy


class _Page:
    """The report as lines: text wrapped with an indent, locations whole on their own line.

    Nothing is padded to the width (no trailing spaces), and nothing is cut: a location longer
    than the width runs past it rather than being broken.
    """

    def __init__(self, console: Console) -> None:
        self.console = console
        self.lines: list[RenderableType] = []

    def text(self, text: Text | str, indent: int = 0, hang: int | None = None) -> None:
        """``text`` wrapped to the width, its first line indented by ``indent``, the rest by ``hang``."""
        text = Text(text) if isinstance(text, str) else text
        hang = indent if hang is None else hang
        first = self.console.width - indent
        wrapped = text.wrap(self.console, max(first, 20))
        lines = [wrapped[0]] if len(wrapped) else [Text("")]
        if len(wrapped) > 1:
            rest = Text(" ").join(_stripped(line) for line in wrapped[1:]) if hang != indent else None
            width = max(self.console.width - hang, 20)
            lines += list(rest.wrap(self.console, width)) if rest else wrapped[1:]
        for n, line in enumerate(lines):
            line.rstrip()
            self.whole(Text.assemble(" " * (indent if n == 0 else hang), line))

    def whole(self, text: Text) -> None:
        """One line, never wrapped or cut (a location runs past the width rather than break)."""
        text.no_wrap, text.overflow, text.end = True, "ignore", "\n"
        self.lines.append(text)

    def blank(self) -> None:
        self.lines.append(Text(""))


def _location(path: str, claim: Claim) -> Text:
    """'  --> path:line:col'."""
    return Text.assemble(("  --> ", "dim"), (f"{path}:{claim.line}:{claim.column}", "bold"))


def _summary(page: _Page, report: Report, base: str | None, paths: dict[str, str]) -> None:
    counts = report.counts()
    line = Text()
    line.append("alliance-check", style="bold")
    checked = checked_count(report)
    # with --against or --changed, only some sources are checked (against all of them)
    of = f"{len(report.focus)} of " if report.focus else ""
    line.append(f" {report.tool_version}".rstrip() + f" · {of}{plural(checked, 'source')} checked")
    skipped = [s for s in report.sources if s.status != "checked"]
    if skipped:
        line.append(f", {len(skipped)} not checked", style="bold yellow")
    line.append(f" · {plural(len(report.claims), 'claim')} · {plural(len(report.groups), 'group')} compared")
    page.text(line)
    if base:
        page.whole(Text(f"paths are relative to {base}", style="dim"))
    tally = Text()
    for severity, word, many in (
        ("error", "conflict", None),
        ("warning", "soft conflict", None),
        ("info", "agreement or change", "agreements and changes"),
    ):
        if tally:
            tally.append(" · ", style="dim")
        style = SEVERITY_STYLE[severity] if counts[severity] else "dim"
        tally.append(plural(counts[severity], word, many), style=style)
    page.text(tally)
    for s in report.sources:
        if s.reason:
            kind, style = ("note", "dim") if s.status == "checked" else ("not checked", "yellow")
            page.text(Text(f"{kind}: {paths.get(s.source, s.source)}: {s.reason}", style=style), hang=2)


def _sentence(claim: Claim, style: str) -> Text:
    text = Text(" ".join(claim.sentence.split()))
    snippet = " ".join(claim.text.split())
    at = text.plain.find(snippet)
    if at >= 0:
        text.stylize(f"{style} underline", at, at + len(snippet))
    return text


def _finding(page: _Page, report: Report, finding: Finding, paths: dict[str, str]) -> None:
    style = SEVERITY_STYLE[finding.severity]
    head = Text.assemble(
        (f"{finding.severity}[{finding.code}] {RULES[finding.code].name}: ", style), (finding.subject, "bold")
    )
    if finding.status == "accepted":
        head.append(f"  [{finding.note or 'accepted'}]", style="dim")
    elif finding.status != "new":
        head.append(f"  [{finding.status}]", style="dim")
    page.text(head, hang=2)
    page.text(finding.message, indent=2)
    pair = set(finding.pair or ())
    for claim in (report.claim(i) for i in finding.claim_ids):
        file = report.file_of(claim.source)
        page.whole(_location(paths.get(file, file), claim))
        says = Text.assemble((claim.label, "bold"), " says ", (claim.text, style if claim.id in pair else ""))
        says.append(f" · {QUALIFIER_WORD[claim.qualifier]}", style="dim")
        if claim.as_of:
            says.append(f" · as of {claim.as_of}", style="dim")
        page.text(says, indent=6)
        if claim.id in pair:
            page.text(_sentence(claim, style), indent=6)


def _agreements(page: _Page, report: Report) -> None:
    page.text(Text("Agreements and changes over time", style="bold"))
    for finding in (f for f in report.findings if f.severity == "info"):
        claims = [report.claim(i) for i in finding.claim_ids]
        labels = ", ".join(sorted({c.label for c in claims}))
        values = " / ".join(dict.fromkeys(c.text for c in claims))
        mark = "=" if finding.code == "AC001" else "~"
        line = Text.assemble((f"{mark} ", SEVERITY_STYLE["info"]), (finding.subject, "bold"))
        line.append(f": {labels} say {values}")
        if finding.code != "AC001":
            line.append(f" ({RULES[finding.code].name})", style="dim")
        page.text(line, indent=2, hang=4)


def _nothing_compared(page: _Page, report: Report, paths: dict[str, str]) -> None:
    found, reasons = why_nothing_compared(report)
    page.text(Text("No two sources make comparable claims about the same thing.", style="bold"))
    for source, what in found.items():
        page.text(Text.assemble((paths.get(source, source), "bold"), f": {what}"), indent=2, hang=4)
    for n, reason in enumerate(reasons):
        page.text(f"{'also' if n else 'likely'}: {reason}", indent=2, hang=4)


def gate_counts(report: Report) -> dict[str, int]:
    """How many findings are new, baselined, accepted and ignored (agreements only with --fail-on info)."""
    counted = [f for f in report.findings if f.severity != "info" or report.fail_on == "info"]
    out = {s: sum(1 for f in counted if f.status == s) for s in ("new", "baselined", "accepted")}
    return {**out, "ignored": len(report.ignored)}


def _gate(page: _Page, report: Report, paths: dict[str, str]) -> None:
    """The gate's counts, what is stale or unused, and why the run exits as it does."""
    counts = gate_counts(report)
    parts = [f"{n} {status}" for status, n in counts.items()] + [
        f"{len(report.stale)} stale",
        plural(len(report.unused_acceptances), "unused acceptance"),
    ]
    line = Text("gate: ", style="bold")
    for n, part in enumerate(parts):
        if n:
            line.append(", ")
        line.append(part, style="dim" if part.startswith("0 ") else "")
    page.text(line, hang=6)
    for entry in report.stale:
        what = f"{entry.code} {entry.subject}".strip() or entry.fingerprint
        page.text(
            f"stale: {what}: the baseline entry matches no finding now; rewrite the baseline "
            "(--write-baseline FILE) to drop it",
            indent=2, hang=4,
        )  # fmt: skip
    for a in report.unused_acceptances:
        page.text(f"unused acceptance: {a.target!r} matches no finding; remove it", indent=2, hang=4)
        page.whole(
            Text.assemble(
                ("  --> ", "dim"), (paths.get(a.source, a.source) + (f":{a.line}" if a.line else ""), "bold")
            )
        )
    result = outcome(report)
    style = "bold red" if result.status else "bold green"
    page.text(Text.assemble((f"exit {result.status}", style), f": {result.reason}"), hang=2)


def _statistics(report: Report) -> RenderableType:
    table = Table(box=None, pad_edge=False, header_style="bold")
    for name, justify in (
        ("code", "left"), ("name", "left"), ("severity", "left"),
        ("new", "right"), ("baselined", "right"), ("accepted", "right"), ("ignored", "right"),
    ):  # fmt: skip
        table.add_column(name, justify=justify, no_wrap=True)  # type: ignore[arg-type]
    for row in statistics(report):
        table.add_row(*(str(x) for x in row))
    return table if table.row_count else Text("No findings.")


def _sources(page: _Page, report: Report, paths: dict[str, str]) -> None:
    """Each checked source: its label, reference date, where that date came from, and its file;
    past SOURCES_LISTED sources, how many dates came from where. Columns are aligned, no line
    ends in spaces, and when the files do not fit beside the rest each goes whole on the line
    below its source."""
    checked = [s for s in report.sources if s.status == "checked"]
    if len(checked) > SOURCES_LISTED:
        counts = Counter(s.published_how or "no date" for s in checked)
        how = ", ".join(f"{n} {what}" for what, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
        page.text(
            Text.assemble(("Sources", "bold"), f"  {len(checked)}, dates from: {how} (JSON lists each)")
        )
        return
    rows = [
        (s.label, s.published or "unknown", s.published_how or "", paths.get(s.source, s.source))
        for s in checked
    ]
    header = ("source", "published", "from", "file")
    widths = [max(cell_len(row[n]) for row in (header, *rows)) for n in range(3)]
    below = 2 + sum(w + 2 for w in widths) + max(cell_len(row[3]) for row in rows) > page.console.width

    def line(cells: tuple[str, ...], style: str = "") -> Text:
        padded = [
            cell + " " * (width - cell_len(cell)) for cell, width in zip(cells[:3], widths, strict=True)
        ]
        return Text("  " + "  ".join(padded if below else [*padded, cells[3]]).rstrip(), style=style)

    page.text(Text("Sources", style="bold"))
    page.whole(line(header, "dim"))
    for row in rows:
        page.whole(line(row))
        if below:
            page.whole(Text(f"    {row[3]}"))


def render(report: Report, stream: TextIO, options: ReportOptions) -> None:
    """Print the whole report once."""
    console = make_console(stream, options)
    page = _Page(console)
    sources = [s.source for s in report.sources] + [a.source for a in report.unused_acceptances]
    paths, base = shown_paths([*sources, *(report.file_of(s) for s in sources)])
    shown = [f for f in visible(report, options) if f.severity in ("error", "warning")]
    if options.quiet and options.statistics:
        if report.findings or report.ignored:
            page.lines.append(_statistics(report))
    elif options.quiet:
        for finding in shown:
            _finding(page, report, finding, paths)
            page.blank()
    elif report.notice:
        page.text(report.notice[:1].upper() + report.notice[1:] + ".")
        page.blank()
        _gate(page, report, paths)
    else:
        _summary(page, report, base, paths)
        page.blank()
        if options.statistics:
            page.lines.append(_statistics(report))
            page.blank()
        else:
            for finding in shown:
                _finding(page, report, finding, paths)
                page.blank()
            if options.show_agreements and any(f.severity == "info" for f in report.findings):
                _agreements(page, report)
                page.blank()
        if not report.groups and report.sources:
            _nothing_compared(page, report, paths)
            page.blank()
        elif not report.findings and report.focus:
            groups = plural(len(report.groups), "group")
            page.text(f"None of the {groups} compared involves the files checked.")
            page.blank()
        if any(s.status == "checked" for s in report.sources):
            _sources(page, report, paths)
            page.blank()
        _gate(page, report, paths)
    if page.lines:
        console.print(Group(*page.lines), crop=False)


def render_claims_table(claims: list[Claim], stream: TextIO, options: ReportOptions) -> None:
    """Claims under the name of their file, one row each; paths and values are never cut."""
    console = make_console(stream, options)
    paths, _ = shown_paths(c.source for c in claims)
    parts: list[RenderableType] = []
    for source in dict.fromkeys(c.source for c in claims):
        table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
        table.add_column("line:col", no_wrap=True)
        for name in ("kind", "text", "value", "unit", "qualifier", "subject"):
            table.add_column(name, overflow="fold", no_wrap=name in ("kind", "unit"))
        for c in (c for c in claims if c.source == source):
            value = f"{c.value:g}" if isinstance(c.value, float) else str(c.value)
            if c.value_max is not None:
                value += f"–{c.value_max:g}" if isinstance(c.value_max, float) else f"–{c.value_max}"
            table.add_row(
                f"{c.line}:{c.column}", c.kind, c.text, value, c.unit or "", c.qualifier, c.subject or ""
            )
        parts += [
            Text(paths.get(source, source), style="bold", no_wrap=True, overflow="ignore"),
            table,
            Text(""),
        ]
    console.print(Group(*parts), crop=False)
