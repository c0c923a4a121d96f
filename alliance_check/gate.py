"""The CI gate: baselines, acceptances written in articles, files changed in git, the exit status."""

from __future__ import annotations

import json
import os
import re
import stat
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from alliance_check.models import SEVERITY_RANK, Acceptance, Claim, Finding, InputError, Report
from alliance_check.report import plural

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


def _mode_for(target: Path) -> int:
    """The mode a written file gets: an existing file's own, else what the umask allows."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomic(path: str, text: str | bytes) -> None:
    """Write a file so that readers see the old or the new content, never half of it.

    The file keeps the mode it had, and a new file gets the mode the umask gives (not the
    private 600 of a temporary file).
    """
    import tempfile  # here, as subprocess below: a run whose report is cached writes nothing

    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        if isinstance(text, bytes):
            with os.fdopen(fd, "wb") as raw:
                raw.write(text)
        else:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
        os.chmod(tmp, _mode_for(target))
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
    from rapidfuzz import fuzz  # imported here: a run whose report is cached matches nothing

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


def _git(args: list[str], cwd: str | None = None) -> str:
    import subprocess

    return subprocess.run(["git", *args], capture_output=True, text=True, check=True, cwd=cwd).stdout


def changed_files(base: str) -> list[str]:
    """Files changed since the commit BASE, and new untracked ones, as absolute paths.

    A missing git, a folder outside a repository or a BASE that names no commit is an
    InputError that says how to fix it.
    """
    import subprocess

    try:
        top = _git(["rev-parse", "--show-toplevel"]).strip()
    except FileNotFoundError:
        raise InputError("--changed needs git, which is not installed; use --against DIR") from None
    except subprocess.CalledProcessError:
        raise InputError(
            "--changed works inside a git repository; run it in one, or name files with --against DIR"
        ) from None
    try:
        _git(["rev-parse", "--verify", "--quiet", f"{base}^{{commit}}"], cwd=top)
    except subprocess.CalledProcessError:
        raise InputError(
            f"--changed {base}: no such commit or branch here; fetch it first (git fetch origin, or "
            "actions/checkout with fetch-depth: 0) or name an existing one (HEAD~1, main)"
        ) from None
    diff = _git(["diff", "--name-only", "--diff-filter=ACMR", base, "--"], cwd=top)
    new = _git(["ls-files", "--others", "--exclude-standard"], cwd=top)
    root = Path(top)
    names = {*diff.splitlines(), *new.splitlines()}
    return sorted(str(root / n) for n in names if n and (root / n).is_file())


@dataclass(frozen=True)
class Outcome:
    """The exit status a report earns (0 or 1) and the reason, in one line a person can act on."""

    status: int
    reason: str


def failing(report: Report) -> list[Finding]:
    """New findings at or above the report's failure level."""
    if report.fail_on == "never":
        return []
    level = SEVERITY_RANK[report.fail_on]
    return [f for f in report.findings if f.status == "new" and SEVERITY_RANK[f.severity] >= level]


def outcome(report: Report) -> Outcome:
    """Exit 1 for a new finding at or above ``fail_on`` (or a stale entry with ``fail_on_stale``).

    >>> outcome(Report((), (), (), ())).reason
    'no new finding at or above --fail-on error'
    """
    if report.notice:
        return Outcome(0, report.notice)
    bad = failing(report)
    stale = len(report.stale) if report.fail_on_stale else 0
    reasons = []
    if bad:
        reasons.append(f"{plural(len(bad), 'new finding')} at or above --fail-on {report.fail_on}")
    if stale:
        reasons.append(
            f"{plural(stale, 'stale baseline entry', 'stale baseline entries')} with --fail-on-stale"
        )
    if reasons:
        return Outcome(1, " and ".join(reasons))
    if report.fail_on == "never":
        return Outcome(0, "--fail-on never: findings do not fail the run")
    text = f"no new finding at or above --fail-on {report.fail_on}"
    below = sum(1 for f in report.findings if f.status == "new" and f.severity != "info")
    kept = sum(1 for f in report.findings if f.status in ("baselined", "accepted"))
    notes = []
    if below:
        notes.append(f"{plural(below, 'new finding')} below it")
    if kept:
        notes.append(f"{kept} baselined or accepted")
    if report.stale and not report.fail_on_stale:
        notes.append(
            f"{plural(len(report.stale), 'stale entry passes', 'stale entries pass')} without --fail-on-stale"
        )
    return Outcome(0, text + (f" ({'; '.join(notes)})" if notes else ""))
