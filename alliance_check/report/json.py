"""The report as one JSON document (``schema_version`` first); claims as JSON or JSON lines."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any, TextIO

from alliance_check.gate import outcome
from alliance_check.models import RULES, Claim, Report
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
    }


def report_document(report: Report) -> dict[str, Any]:
    """The whole report as plain JSON-ready data."""
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
        "sources": [asdict(s) for s in report.sources],
        "claims": [claim_record(c) for c in report.claims],
        "groups": [
            {
                "id": g.id,
                "kind": g.kind,
                "subject": g.subject,
                "claim_ids": [c.id for c in g.claims],
            }
            for g in report.groups
        ],
        "findings": [
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
        ],
    }


def dumps(data: Any) -> str:
    """Deterministic JSON text."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def render(report: Report, stream: TextIO, options: ReportOptions) -> None:
    """Write the report as one JSON document."""
    stream.write(dumps(report_document(report)))


def render_claims(claims: list[Claim], stream: TextIO, fmt: str) -> None:
    """Write claims as JSON lines ('jsonl') or one JSON array ('json')."""
    if fmt == "jsonl":
        for c in claims:
            stream.write(json.dumps(claim_record(c), ensure_ascii=False) + "\n")
    else:
        stream.write(dumps([claim_record(c) for c in claims]))
