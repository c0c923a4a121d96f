"""The terminal report with rich: summary, each conflict with who says what and where, agreements."""

from __future__ import annotations

from collections import Counter
from typing import TextIO

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from alliance_check.models import RULES, Claim, Finding, Report
from alliance_check.report import ReportOptions, visible

SOURCES_LISTED = 40  # past this many, the sources table is a count of where their dates came from
SEVERITY_STYLE = {"error": "bold red", "warning": "bold yellow", "info": "cyan"}
QUALIFIER_WORD = {
    "exact": "exact",
    "approx": "approximate",
    "lower_bound": "lower bound",
    "upper_bound": "upper bound",
    "range": "range",
}


def make_console(stream: TextIO, options: ReportOptions) -> Console:
    """A console on ``stream``: colour only on a terminal (or when forced); NO_COLOR is honoured."""
    return Console(
        file=stream,
        width=options.width,
        force_terminal=options.color,
        no_color=options.color is False or None,
        highlight=False,
        soft_wrap=False,
    )


def _summary(report: Report) -> RenderableType:
    counts = report.counts()
    checked = sum(1 for s in report.sources if s.status == "checked")
    skipped = [s for s in report.sources if s.status != "checked"]
    line = Text()
    line.append("alliance-check", style="bold")
    line.append(f" {report.tool_version}  ")
    line.append(f"{checked} sources checked")
    if skipped:
        line.append(f", {len(skipped)} skipped", style="bold yellow")
    line.append(f" · {len(report.claims)} claims · {len(report.groups)} groups compared\n")
    for severity, label in (
        ("error", "conflicts"),
        ("warning", "soft conflicts"),
        ("info", "agreements and changes"),
    ):
        line.append(
            f"{counts[severity]} {label}",
            style=SEVERITY_STYLE[severity] if counts[severity] else "dim",
        )
        line.append("   ")
    out: list[RenderableType] = [line]
    for s in skipped:
        out.append(Text(f"  not checked: {s.source}: {s.reason}", style="yellow"))
    return Group(*out)


def _sentence(claim: Claim, style: str) -> Text:
    text = Text(claim.sentence)
    snippet = " ".join(claim.text.split())
    at = claim.sentence.find(snippet)
    if at >= 0:
        text.stylize(f"{style} underline", at, at + len(snippet))
    return text


def _finding_panel(report: Report, finding: Finding) -> RenderableType:
    style = SEVERITY_STYLE[finding.severity]
    claims = [report.claim(i) for i in finding.claim_ids]
    pair = set(finding.pair or ())
    table = Table(box=None, pad_edge=False, show_header=True, header_style="dim", expand=False)
    table.add_column("source", no_wrap=True)
    table.add_column("where", no_wrap=True)
    table.add_column("says", no_wrap=True)
    table.add_column("qualifier", no_wrap=True)
    table.add_column("as of", no_wrap=True)
    for c in claims:
        mark = Text(c.text, style=style if c.id in pair else "")
        table.add_row(
            c.label,
            f"{c.source}:{c.line}:{c.column}",
            mark,
            QUALIFIER_WORD[c.qualifier],
            c.as_of or "",
        )
    sentences = [Text.assemble((f"{c.label}: ", "dim"), _sentence(c, style)) for c in claims if c.id in pair]
    body = Group(Text(finding.message), Text(""), table, Text(""), *sentences)
    title = Text.assemble(
        (f"{finding.code} {RULES[finding.code].name}", style), "  ", (finding.subject, "bold")
    )
    return Panel(body, title=title, title_align="left", border_style=style)


def _agreement_line(report: Report, finding: Finding) -> Text:
    claims = [report.claim(i) for i in finding.claim_ids]
    labels = ", ".join(sorted({c.label for c in claims}))
    values = " / ".join(dict.fromkeys(c.text for c in claims))
    mark = "=" if finding.code == "AC001" else "~"
    line = Text(f"  {mark} ", style=SEVERITY_STYLE["info"])
    line.append(finding.subject, style="bold")
    line.append(f"  {labels}: {values}")
    if finding.code != "AC001":
        line.append(f"  ({RULES[finding.code].name})", style="dim")
    return line


def _sources_table(report: Report) -> RenderableType:
    """Each checked source: its label, reference date, where that date came from, and its file;
    for a large corpus, how many dates came from where."""
    checked = [s for s in report.sources if s.status == "checked"]
    if len(checked) > SOURCES_LISTED:
        counts = Counter(s.published_how or "no date" for s in checked)
        how = ", ".join(f"{n} {what}" for what, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
        return Text.assemble(("Sources", "bold"), f"  {len(checked)}, dates from: {how} (JSON lists each)")
    table = Table(box=None, pad_edge=False, show_header=True, header_style="dim", expand=False)
    for name in ("source", "published", "from", "file"):
        table.add_column(name, no_wrap=name != "file", overflow="fold")
    for s in report.sources:
        if s.status == "checked":
            table.add_row(s.label, s.published or "unknown", s.published_how or "", s.source)
    return Group(Text("Sources", style="bold"), table)


def render(report: Report, stream: TextIO, options: ReportOptions) -> None:
    """Print the whole report once."""
    console = make_console(stream, options)
    parts: list[RenderableType] = [_summary(report), Text("")]
    serious = [f for f in visible(report, options) if f.severity in ("error", "warning")]
    for finding in serious:
        parts.append(_finding_panel(report, finding))
    infos = [f for f in report.findings if f.severity == "info"]
    if infos and options.show_agreements:
        parts.append(Text("Agreements and changes over time", style="bold"))
        parts.extend(_agreement_line(report, f) for f in infos)
    if not report.findings:
        parts.append(Text("No two sources make comparable claims about the same thing.", style="dim"))
    if any(s.status == "checked" for s in report.sources):
        parts += [Text(""), _sources_table(report)]
    console.print(Group(*parts))


def render_claims_table(claims: list[Claim], stream: TextIO, options: ReportOptions) -> None:
    """Claims as a table, one row each."""
    console = make_console(stream, options)
    table = Table(show_header=True, header_style="bold", box=None)
    for name in ("where", "kind", "text", "value", "unit", "qualifier", "subject"):
        table.add_column(name, overflow="fold")
    for c in claims:
        value = f"{c.value:g}" if isinstance(c.value, float) else str(c.value)
        if c.value_max is not None:
            value += f"–{c.value_max:g}" if isinstance(c.value_max, float) else f"–{c.value_max}"
        table.add_row(
            f"{c.source}:{c.line}:{c.column}",
            c.kind,
            c.text,
            value,
            c.unit or "",
            c.qualifier,
            c.subject or "",
        )
    console.print(table)
