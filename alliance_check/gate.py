"""The CI gate's bookkeeping: baselines of accepted findings and acceptances written in articles."""

from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from alliance_check.models import Acceptance, Claim, Finding, InputError

BASELINE_VERSION = 1


def read_baseline(path: str) -> dict[str, dict[str, Any]]:
    """Fingerprint -> recorded finding; a clear error for a missing, truncated or foreign file."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise InputError(f"{path}: baseline not found; create it with --write-baseline {path}") from exc
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(
            f"{path}: not a readable alliance-check baseline ({type(exc).__name__}); "
            f"recreate it with --write-baseline {path}"
        ) from exc
    entries = data.get("findings") if isinstance(data, dict) else None
    if not isinstance(data, dict) or data.get("version") != BASELINE_VERSION or not isinstance(entries, list):
        raise InputError(f"{path}: not an alliance-check baseline (version {BASELINE_VERSION}); recreate it")
    out: dict[str, dict[str, Any]] = {}
    for entry in entries:
        if isinstance(entry, dict) and isinstance(entry.get("fingerprint"), str):
            out[entry["fingerprint"]] = entry
    return out


def write_atomic(path: str, text: str) -> None:
    """Write a file so that readers see the old or the new content, never half of it."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_baseline(path: str, findings: list[Finding]) -> int:
    """Record the current non-info findings; returns how many."""
    entries = [
        {"fingerprint": f.fingerprint, "code": f.code, "subject": f.subject, "message": f.message}
        for f in sorted(findings, key=lambda f: (f.code, f.subject, f.fingerprint))
        if f.severity != "info"
    ]
    unique = list({e["fingerprint"]: e for e in entries}.values())
    write_atomic(path, json.dumps({"version": BASELINE_VERSION, "findings": unique}, indent=2) + "\n")
    return len(unique)


def apply_baseline(
    findings: list[Finding], baseline: dict[str, dict[str, Any]]
) -> tuple[list[Finding], list[str]]:
    """Mark findings already in the baseline; list baseline entries that match nothing (stale)."""
    seen: set[str] = set()
    out: list[Finding] = []
    for f in findings:
        if f.fingerprint in baseline and f.status == "new":
            seen.add(f.fingerprint)
            out.append(replace(f, status="baselined"))
        else:
            out.append(f)
    stale = sorted(fp for fp in baseline if fp not in seen)
    return out, stale


def _matches(acceptance: Acceptance, finding: Finding) -> bool:
    target = acceptance.target
    if re.fullmatch(r"AC\d{3}", target, re.IGNORECASE):
        return finding.code.upper() == target.upper()
    return fuzz.token_sort_ratio(target.lower(), finding.subject.lower()) >= 90


def apply_acceptances(
    findings: list[Finding], acceptances: list[Acceptance], claims: dict[str, Claim]
) -> tuple[list[Finding], list[Acceptance]]:
    """Mark findings an involved article accepts; list acceptances that matched nothing."""
    used: set[Acceptance] = set()
    out: list[Finding] = []
    for f in findings:
        sources = {claims[i].source for i in f.claim_ids if i in claims}
        match = next((a for a in acceptances if a.source in sources and _matches(a, f)), None)
        if match and f.severity != "info":
            used.add(match)
            why = f"accepted in {match.source}:{match.line}" + (f": {match.reason}" if match.reason else "")
            out.append(replace(f, status="accepted", note=why))
        else:
            out.append(f)
    return out, [a for a in acceptances if a not in used]
