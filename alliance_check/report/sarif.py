"""SARIF 2.1.0: one rule per finding code, a result per finding with its claims' locations."""

from __future__ import annotations

import json
from typing import Any, TextIO

from alliance_check import HOMEPAGE
from alliance_check.models import RULES, Claim, Finding, Report, SourceStatus
from alliance_check.report import ReportOptions, primary_claim
from alliance_check.report.explain import help_uri, rule_help

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT_KEY = "allianceCheckFinding/v1"


def _uri(source: str) -> str:
    return source.replace("\\", "/").removeprefix("./")


def _location(claim: Claim, file: str) -> dict[str, Any]:
    lines = claim.text.split("\n")
    end_line = claim.line + len(lines) - 1
    end_column = (len(lines[-1]) + 1) if len(lines) > 1 else claim.column + len(claim.text)
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": _uri(file)},
            "region": {
                "startLine": claim.line,
                "startColumn": claim.column,
                "endLine": end_line,
                "endColumn": end_column,
                "snippet": {"text": claim.text},
            },
        }
    }


def _source(status: SourceStatus) -> dict[str, Any]:
    """A checked source as a property: its label, date and where the date came from."""
    out: dict[str, Any] = {"source": status.source, "label": status.label, "published": status.published,
           "published_how": status.published_how}  # fmt: skip
    if status.record is not None:
        out.update({"file": _uri(status.file or status.source), "record": status.record})
    return out


def _file_location(source: str, line: int) -> dict[str, Any]:
    location: dict[str, Any] = {"physicalLocation": {"artifactLocation": {"uri": _uri(source)}}}
    if line:
        location["physicalLocation"]["region"] = {"startLine": line}
    return location


def _result(report: Report, finding: Finding, rule_index: dict[str, int], baseline: bool) -> dict[str, Any]:
    primary = primary_claim(report, finding)
    related = [
        {
            **_location(c, report.file_of(c.source)),
            "id": n + 1,
            "message": {"text": f"{c.label} says {c.text}"},
        }
        for n, c in enumerate(report.claim(i) for i in finding.claim_ids if i != primary.id)
    ]
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": rule_index[finding.code],
        "level": LEVELS[finding.severity],
        "message": {"text": f"{finding.subject}: {finding.message}"},
        "locations": [_location(primary, report.file_of(primary.source))],
        "relatedLocations": related,
        "partialFingerprints": {FINGERPRINT_KEY: finding.fingerprint},
        "properties": {"verdict": finding.verdict, "subject": finding.subject, "status": finding.status},
    }
    if baseline:
        result["baselineState"] = "unchanged" if finding.status == "baselined" else "new"
    if finding.status == "accepted":
        result["suppressions"] = [{"kind": "inSource", "justification": finding.note or "accepted"}]
    elif finding.status == "baselined":
        result["suppressions"] = [{"kind": "external", "justification": "in the baseline"}]
    return result


def sarif_document(report: Report) -> dict[str, Any]:
    """The report as a SARIF 2.1.0 log."""
    rules = sorted(RULES.values(), key=lambda r: r.code)
    rule_index = {r.code: i for i, r in enumerate(rules)}
    baseline = report.baseline_used
    notifications = [
        {
            "level": "warning",
            "message": {"text": f"not checked: {s.reason}"},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(s.file or s.source)}}}],
        }
        for s in report.sources
        if s.status != "checked"
    ]
    notifications += [
        {
            "level": "note",
            "message": {
                "text": f"baseline entry {e.fingerprint} ({e.code} {e.subject}) no longer matches "
                "any finding (stale); rewrite the baseline with --write-baseline"
            },
        }
        for e in report.stale
    ]
    notifications += [
        {
            "level": "note",
            "message": {"text": f"acceptance of {a.target!r} in {a.source} matches no finding (unused)"},
            "locations": [_file_location(a.source, a.line)],
        }
        for a in report.unused_acceptances
    ]
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "alliance-check",
                        "version": report.tool_version,
                        "informationUri": HOMEPAGE,
                        "rules": [
                            {
                                "id": r.code,
                                "name": r.name,
                                "shortDescription": {"text": r.description},
                                "fullDescription": {"text": r.details or r.description},
                                "help": {"text": rule_help(r)},
                                "helpUri": help_uri(r),
                                "defaultConfiguration": {"level": LEVELS[r.severity]},
                            }
                            for r in rules
                        ],
                    }
                },
                "invocations": [{"executionSuccessful": True, "toolExecutionNotifications": notifications}],
                "columnKind": "unicodeCodePoints",
                "properties": {"sources": [_source(s) for s in report.sources if s.status == "checked"]},
                "results": [
                    _result(report, f, rule_index, baseline) for f in report.findings if f.severity != "info"
                ],
            }
        ],
    }


def render(report: Report, stream: TextIO, options: ReportOptions) -> None:
    """Write the SARIF log."""
    stream.write(json.dumps(sarif_document(report), ensure_ascii=False, indent=2) + "\n")
