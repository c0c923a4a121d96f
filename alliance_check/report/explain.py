"""What a finding code means, an example, and how to accept or ignore it: ``alliance-check explain``."""

from __future__ import annotations

import textwrap
from typing import TextIO

from alliance_check import HOMEPAGE
from alliance_check.models import RULES, Rule


def help_uri(rule: Rule) -> str:
    """Where the README explains the code (SARIF ``helpUri``)."""
    return f"{HOMEPAGE}#finding-codes"


def how_to_silence(rule: Rule) -> list[str]:
    """The ways to accept, baseline or ignore findings of this code."""
    if rule.severity == "info":
        return [
            f"{rule.code} is information: it fails a run only with --fail-on info.",
            "Leave agreements out of the terminal report with --no-agreements, or out of every",
            f'report with --ignore {rule.code} (or ignore = ["{rule.code}"] in [tool.alliance-check]).',
        ]
    lines = [
        "Accept it in the article, with the reason, so the report shows it as accepted:",
        f"  <!-- alliance-check: accept {rule.code} -- the figure is from an older survey -->",
        f'  (or "accept: {rule.code}" in the front matter, or accept one topic:',
        '   # alliance-check: accept "number of people displaced")',
        "Keep the findings a corpus already has in a baseline, and fail only on new ones:",
        "  alliance-check corpus/ --write-baseline .alliance-baseline.json",
        "  alliance-check corpus/ --baseline .alliance-baseline.json",
        "Leave the code out of every report:",
        f'  --ignore {rule.code}, or ignore = ["{rule.code}"] in [tool.alliance-check]',
    ]
    if rule.severity == "warning":
        lines.append(f"{rule.code} is a warning: it fails a run only with --fail-on warning or info.")
    return lines


def rule_help(rule: Rule, width: int = 88) -> str:
    """The whole explanation of one code, as plain text wrapped at ``width`` (also SARIF's rule help).

    >>> rule_help(RULES["AC101"]).splitlines()[0]
    'AC101 value-conflict (error): Sources give incompatible numbers for the same quantity.'
    """
    first, second = rule.example
    lines = [f"{rule.code} {rule.name} ({rule.severity}): {rule.description}", ""]
    if rule.details:
        lines += [*textwrap.wrap(rule.details, width), ""]
    lines += ["Example:", f"  one source:  {first}", f"  another:     {second}", ""]
    lines += how_to_silence(rule)
    return "\n".join(lines)


def find_rule(text: str) -> Rule | None:
    """The rule a code ('AC101', 'ac101') or a name ('value-conflict') stands for."""
    wanted = text.strip()
    by_name = {r.name: r for r in RULES.values()}
    return RULES.get(wanted.upper()) or by_name.get(wanted.lower())


def render_codes(stream: TextIO) -> None:
    """Every code, one line each."""
    for rule in RULES.values():
        stream.write(f"{rule.code}  {rule.name:<20}  {rule.severity:<7}  {rule.description}\n")
