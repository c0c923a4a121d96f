"""Why claims were compared, or why not: the evidence behind a group or one claim, as plain text.

``alliance-check explain WHAT PATH...`` runs the check and prints this for a finding (its
fingerprint, group id or topic) or a claim (its file:line:col).
"""

from __future__ import annotations

import textwrap
from typing import TextIO

from alliance_check.models import LATER, TOTAL, Claim, ClaimGroup, Frame, Report
from alliance_check.settings import Settings


def find_groups(report: Report, query: str) -> list[ClaimGroup]:
    """The groups a query names: a group id ('G012'), a finding's fingerprint (or its start), or
    words of a topic ('troops in Japan')."""
    wanted = query.strip().lower()
    by_id = [g for g in report.groups if g.id.lower() == wanted]
    if by_id:
        return by_id
    ids = {f.group_id for f in report.findings if len(wanted) >= 6 and f.fingerprint.startswith(wanted)}
    if ids:
        return [g for g in report.groups if g.id in ids]
    return [g for g in report.groups if wanted in g.subject.lower()]


def find_claims(report: Report, query: str) -> list[Claim]:
    """The claims a location names: 'file:line:col', 'file:line' or the end of a path."""
    wanted = query.strip()
    exact = [c for c in report.claims if c.id == wanted or c.id.endswith("/" + wanted)]
    if exact:
        return exact
    path, _, column = wanted.rpartition(":")
    if column.isdigit() and path.rpartition(":")[2].isdigit():
        # a column inside a claim's text, or else every claim of that line
        on_line = [c for c in report.claims if f"{c.source}:{c.line}".endswith(path)]
        inside = [c for c in on_line if c.column <= int(column) < c.column + len(c.text)]
        return inside or on_line
    return [c for c in report.claims if f"{c.source}:{c.line}".endswith(wanted)]


# Frame.order: which of several a figure is ('the first payment', 'the next', 'in two instalments')
_STATES = {"end": "when a state ends ('until')", "begin": "when a state begins ('not until')"}
_ORDERS = {
    1: "the first of several",
    -1: "the last or latest of several",
    -2: "a new or revised figure",
    TOTAL: "the total of several",
    LATER: "a later one of several",
}


def _frame_lines(frame: Frame) -> list[str]:
    parts = [
        ("head", [frame.head] if frame.head else []),
        ("verb", [frame.verb] if frame.verb else []),
        ("terms", list(frame.terms)),
        ("kinds", list(frame.kinds)),
        ("owners", list(frame.owners)),
        ("places", list(frame.places)),
        ("names", list(frame.names)),
        ("years", list(frame.years)),
    ]
    flows = {
        "stock": "counts what there is",
        "change": "counts what is added or taken away",
        "delta": "is the size of a change",
    }
    flags = [
        name
        for name, on in (
            ("planned", frame.planned),
            ("restates another", frame.restates),
            (flows.get(frame.flow, ""), frame.flow),
            (f"happens to {frame.tally:g} of them", frame.tally),
            (_STATES.get(frame.aspect, ""), frame.aspect),
            (_ORDERS.get(frame.order, f"number {frame.order} of several"), frame.order),
        )
        if on
    ]
    lines = [f"{name}: {', '.join(values[:8])}" for name, values in parts if values]
    return lines + ([f"also: {', '.join(flags)}"] if flags else [])


def _claim_line(claim: Claim) -> str:
    return f"{claim.id}  {claim.text!r} ({claim.kind}, {claim.qualifier})"


def render_group(group: ClaimGroup, report: Report, stream: TextIO, width: int = 88) -> None:
    """A group: its claims with what each is about, then each link and the signals behind it."""
    finding = next((f for f in report.findings if f.group_id == group.id), None)
    verdict = f"{finding.code} {finding.verdict}" if finding else "no finding"
    stream.write(f"{group.id} {group.subject} ({group.kind}): {verdict}\n")
    if finding:
        stream.write(
            textwrap.fill(finding.message, width, initial_indent="  ", subsequent_indent="  ") + "\n"
        )
    stream.write("claims:\n")
    for claim in group.claims:
        stream.write(f"  {_claim_line(claim)}\n")
        if claim.frame:
            for line in _frame_lines(claim.frame):
                stream.write(
                    textwrap.fill(line, width, initial_indent="      ", subsequent_indent="        ") + "\n"
                )
    stream.write(
        "joined by (log-odds that two claims state one fact; each signal's weight and what it saw):\n"
    )
    for link in group.links:
        stream.write(f"  {link.a}\n  = {link.b}   {link.score:+.1f}\n")
        for name, weight, saw in link.evidence:
            stream.write(textwrap.fill(f"{name} {weight:+.1f} {saw}", width, initial_indent="      ") + "\n")
    if finding and finding.pair and finding.verdict not in ("agreement", "changed_over_time"):
        a, b = finding.pair
        score = group.score(a, b)
        if score is not None:
            stream.write(f"set against each other: {a} and {b}, {score:+.1f} (conflict weights)\n")


def render_claim(claim: Claim, report: Report, settings: Settings, stream: TextIO, width: int = 88) -> None:
    """One claim: what it is about, its group if it has one, else its best candidates and their scores."""
    from alliance_check.group import explain_claim

    stream.write(f"{_claim_line(claim)}\n  in: {claim.sentence}\n")
    if claim.frame is None:
        stream.write(f"  not compared: {claim.note or 'nothing says what it is about'}\n")
        return
    for line in _frame_lines(claim.frame):
        stream.write(textwrap.fill(line, width, initial_indent="  ", subsequent_indent="    ") + "\n")
    group = next((g for g in report.groups if any(c.id == claim.id for c in g.claims)), None)
    if group is not None:
        stream.write(
            f"  in group {group.id} ({group.subject}): see 'alliance-check explain {group.id} ...'\n"
        )
        return
    candidates = explain_claim(claim, list(report.claims), settings)
    if not candidates:
        stream.write("  no claim of another source shares a word with it: nothing to compare it with\n")
        return
    threshold = settings.grouping.threshold
    stream.write(f"  not grouped; its best candidates (linked at {threshold:+.1f} or more):\n")
    for score, other, evidence in candidates:
        stream.write(f"  {score:+.1f}  {_claim_line(other)}\n")
        said = "; ".join(f"{n} {w:+.1f} {s}" for n, w, s in evidence)
        stream.write(textwrap.fill(said, width, initial_indent=" " * 8, subsequent_indent=" " * 8) + "\n")
