"""The report as one JSON document (``schema_version`` first); claims as JSON or JSON lines."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import asdict
from typing import Any, TextIO

from alliance_check.gate import outcome
from alliance_check.models import RULES, Claim, ClaimGroup, Frame, Report
from alliance_check.report import STATUSES, ReportOptions


def _number(x: float | str | None) -> float | int | str | None:
    if isinstance(x, float) and x.is_integer() and abs(x) < 2**53:
        return int(x)
    return x


def claim_record(c: Claim) -> dict[str, Any]:
    """The public record of one claim."""
    return {
        "id": c.id,
        "source": c.source,
        "line": c.line,
        "column": c.column,
        "start": c.start,
        "end": c.end,
        "text": c.text,
        "sentence": c.sentence,
        "kind": c.kind,
        "subject": c.subject,
        "value": _number(c.value),
        "value_max": _number(c.value_max),
        "unit": c.unit,
        "qualifier": c.qualifier,
        "as_of": c.as_of,
        "precision": _number(c.precision),
        "note": c.note,
        "frame": None if c.frame is None else frame_record(c.frame),
    }


def frame_record(f: Frame) -> dict[str, Any]:
    """What a claim is about, as grouping saw it (the empty parts left out)."""
    return {
        k: list(v) if isinstance(v, tuple) else v
        for k, v in asdict(f).items()
        if v not in ((), "", 0, False, None)
    }


def group_record(g: ClaimGroup) -> dict[str, Any]:
    """A group with the evidence that joined it: each link, its log-odds and the signals behind it."""
    return {
        "id": g.id,
        "kind": g.kind,
        "subject": g.subject,
        "claim_ids": [c.id for c in g.claims],
        "links": [
            {
                "a": link.a,
                "b": link.b,
                "score": link.score,
                "evidence": [{"signal": n, "weight": w, "saw": saw} for n, w, saw in link.evidence],
            }
            for link in g.links
        ],
    }


def report_document(report: Report) -> dict[str, Any]:
    """The whole report as JSON-ready data; its lists of records (sources, claims, groups,
    findings) are iterators, each record made when it is written (see write)."""
    counts = report.counts()
    statuses = {s: sum(1 for f in report.findings if f.status == s) for s in STATUSES}
    result = outcome(report)
    return {
        "schema_version": report.schema_version,
        "tool": {"name": "alliance-check", "version": report.tool_version, "model": report.model},
        "summary": {
            "sources": len(report.sources),
            "checked": sum(1 for s in report.sources if s.status == "checked"),
            "skipped": sum(1 for s in report.sources if s.status != "checked"),
            "claims": len(report.claims),
            "groups": len(report.groups),
            "findings": counts,
            "statuses": {**statuses, "ignored": len(report.ignored)},
        },
        "gate": {
            "fail_on": report.fail_on,
            "fail_on_stale": report.fail_on_stale,
            "exit_status": result.status,
            "reason": result.reason,
        },
        "focus": list(report.focus),
        "stale_baseline": [e.fingerprint for e in report.stale],
        "unused_acceptances": [
            {"source": a.source, "target": a.target, "line": a.line} for a in report.unused_acceptances
        ],
        "sources": (asdict(s) for s in report.sources),
        "claims": (claim_record(c) for c in report.claims),
        "groups": (group_record(g) for g in report.groups),
        "findings": (
            {
                "code": f.code,
                "name": RULES[f.code].name,
                "severity": f.severity,
                "verdict": f.verdict,
                "subject": f.subject,
                "group_id": f.group_id,
                "claim_ids": list(f.claim_ids),
                "pair": list(f.pair) if f.pair else None,
                "message": f.message,
                "fingerprint": f.fingerprint,
                "status": f.status,
                "note": f.note,
            }
            for f in report.findings
        ),
    }


def write(data: dict[str, Any] | Iterator[Any], stream: TextIO) -> None:
    """Deterministic JSON text (``json.dumps`` with an indent of 2, then a line break) written part
    by part: a list given as an iterator, at the top or as a value
    of the top object, is made and written one record at a time, so the report of a large corpus
    is never whole in memory, as records or as text."""
    if not isinstance(data, dict):
        _write_items(data, stream, "")
        stream.write("\n")
        return
    stream.write("{")
    for n, (key, value) in enumerate(data.items()):
        stream.write(("," if n else "") + "\n  " + json.dumps(key, ensure_ascii=False) + ": ")
        if isinstance(value, Iterator):
            _write_items(value, stream, "  ")
        else:
            stream.write(_indented(value, "  "))
    stream.write("\n}\n" if data else "}\n")


def _write_items(items: Iterator[Any], stream: TextIO, pad: str) -> None:
    empty = True
    for item in items:
        stream.write(("[" if empty else ",") + "\n  " + pad + _indented(item, pad + "  "))
        empty = False
    stream.write("[]" if empty else "\n" + pad + "]")


def _indented(value: Any, pad: str) -> str:
    """``value`` as JSON ``pad`` deep (a JSON string never holds a raw line break)."""
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + pad)


def render(report: Report, stream: TextIO, options: ReportOptions) -> None:
    """Write the report as one JSON document."""
    write(report_document(report), stream)


def render_claims(claims: list[Claim], stream: TextIO, fmt: str) -> None:
    """Write claims as JSON lines ('jsonl') or one JSON array ('json')."""
    if fmt == "jsonl":
        for c in claims:
            stream.write(json.dumps(claim_record(c), ensure_ascii=False) + "\n")
    else:
        write((claim_record(c) for c in claims), stream)
