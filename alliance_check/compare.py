"""A group of claims -> one finding: agreement, a soft conflict, a conflict, or a change over time."""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from datetime import date

from rapidfuzz import fuzz

from alliance_check.models import RULES, SEVERITY_RANK, Claim, ClaimGroup, Finding
from alliance_check.normalize.dates import interval
from alliance_check.normalize.places import contains, is_known
from alliance_check.normalize.units import convertible, to_base
from alliance_check.resources import lexicon
from alliance_check.settings import Settings

POINT = ("exact", "approx")
BOUND_WORDS = {"lower_bound": "a lower bound", "upper_bound": "an upper bound", "range": "a range"}
VERDICT_RANK = {"agreement": 0, "changed_over_time": 1, "soft_conflict": 2, "conflict": 3}
CODES = {
    ("value", "conflict"): "AC101", ("value", "soft_conflict"): "AC102",
    ("date", "conflict"): "AC201", ("date", "soft_conflict"): "AC202",
    ("place", "conflict"): "AC301", ("place", "soft_conflict"): "AC302",
}  # fmt: skip


@dataclass(frozen=True)
class PairVerdict:
    """How two claims relate, and why, in words a reader can check."""

    verdict: str
    reason: str


def _round(value: float, step: float) -> int:
    return math.floor(value / step + 0.5)


def _qualifiers_agree(a: str, b: str) -> bool:
    return (a in POINT and b in POINT) or a == b


def _interval(c: Claim, settings: Settings) -> tuple[float, float]:
    assert isinstance(c.value, float)
    v = to_base(c.value, c.unit)
    half = to_base(float(c.precision), c.unit) / 2
    if c.qualifier == "lower_bound":
        return v, math.inf
    if c.qualifier == "upper_bound":
        return -math.inf, v
    if c.qualifier == "range" and isinstance(c.value_max, float):
        return v - half, to_base(c.value_max, c.unit) + half
    if c.qualifier == "approx":
        half += settings.approx_tolerance * abs(v)
    return v - half, v + half


def _why_soft(a: Claim, b: Claim, settings: Settings) -> str:
    for c in (a, b):
        if c.qualifier in BOUND_WORDS:
            return f"'{c.text}' is {BOUND_WORDS[c.qualifier]}"
    for c in (a, b):
        if c.qualifier == "approx":
            return f"'{c.text}' is hedged (taken as ±{settings.approx_tolerance:.0%})"
    coarse = max((a, b), key=lambda c: to_base(float(c.precision), c.unit))
    half = _fmt(float(coarse.precision) / 2)
    unit = f" {coarse.unit}" if coarse.unit else ""
    return f"'{coarse.text}' is a round figure (±{half}{unit})"


def _fmt(x: float) -> str:
    return f"{x:,.0f}" if x == int(x) else f"{x:,.6g}"


def compare_values(a: Claim, b: Claim, settings: Settings) -> PairVerdict | None:
    """Two numeric claims: equal at the coarser precision, overlapping once widened, or not."""
    if not (isinstance(a.value, float) and isinstance(b.value, float)) or not convertible(a.unit, b.unit):
        return None
    step = max(to_base(float(a.precision), a.unit), to_base(float(b.precision), b.unit))
    same = _round(to_base(a.value, a.unit), step) == _round(to_base(b.value, b.unit), step)
    if a.qualifier == "range" or b.qualifier == "range":
        same = same and a.qualifier == b.qualifier and a.value_max == b.value_max
    if same and _qualifiers_agree(a.qualifier, b.qualifier):
        note = "" if a.unit == b.unit else " once converted to the same unit"
        return PairVerdict("agreement", f"the values agree at the precision stated{note}")
    if _changed_over_time(a, b, settings):
        return PairVerdict("changed_over_time", f"the figures refer to {a.as_of} and {b.as_of}")
    lo_a, hi_a = _interval(a, settings)
    lo_b, hi_b = _interval(b, settings)
    if min(hi_a, hi_b) - max(lo_a, lo_b) > 0:
        return PairVerdict("soft_conflict", f"compatible only because {_why_soft(a, b, settings)}")
    return PairVerdict("conflict", "the values do not overlap even allowing for rounding and hedges")


def _changed_over_time(a: Claim, b: Claim, settings: Settings) -> bool:
    if not (a.as_of and b.as_of):
        return False
    ia, ib = interval(a.as_of), interval(b.as_of)
    if ia is None or ib is None:
        return False
    return abs((ia[0] - ib[0]).days) > settings.as_of_gap_days


def _date_parts(iso: str) -> tuple[int | None, int | None, int | None]:
    if iso.startswith("--"):
        parts = [int(p) for p in iso[2:].split("-")]
        return None, parts[0], parts[1] if len(parts) > 1 else None
    nums = [int(p) for p in iso.split("-")]
    nums += [None] * (3 - len(nums))  # type: ignore[list-item]
    return nums[0], nums[1], nums[2]


def _date_interval(c: Claim) -> tuple[date, date]:
    span = interval(str(c.value))
    assert span is not None
    lo, hi = span
    if c.qualifier == "upper_bound":
        return date.min, hi
    if c.qualifier == "lower_bound":
        return lo, date.max
    return lo, hi


def compare_dates(a: Claim, b: Claim, settings: Settings, recurring: bool) -> PairVerdict | None:
    """Two dates of one event: equal at the coarser precision, overlapping, or apart."""
    pa, pb = _date_parts(str(a.value)), _date_parts(str(b.value))
    shared = [(x, y) for x, y in zip(pa, pb, strict=False) if x is not None and y is not None]
    if shared and all(x == y for x, y in shared) and _qualifiers_agree(a.qualifier, b.qualifier):
        return PairVerdict("agreement", "the dates agree at the precision stated")
    if pa[0] is None or pb[0] is None:
        if a.qualifier in POINT and b.qualifier in POINT:
            return PairVerdict("conflict", "the month or day differs")
        return PairVerdict("soft_conflict", "compatible only thanks to a bound; the year is not stated")
    lo_a, hi_a = _date_interval(a)
    lo_b, hi_b = _date_interval(b)
    if recurring and a.qualifier in POINT and b.qualifier in POINT:
        gap = abs((lo_a - lo_b).days)
        if gap > settings.event_instance_gap_days:
            return PairVerdict("changed_over_time", "the dates are far apart: likely different occurrences")
    if min(hi_a, hi_b) >= max(lo_a, lo_b):
        why = next(
            (f"'{c.text}' is {BOUND_WORDS[c.qualifier]}" for c in (a, b) if c.qualifier in BOUND_WORDS),
            f"'{max((a, b), key=lambda c: len(str(c.value)) * -1).text}' covers a longer period",
        )
        return PairVerdict("soft_conflict", f"compatible only because {why}")
    return PairVerdict("conflict", "the dates do not overlap")


def compare_places(a: Claim, b: Claim, settings: Settings) -> PairVerdict:
    """Two places of one event: the same, one inside the other, different, or not checkable."""
    pa, pb = str(a.value), str(b.value)
    if pa == pb or fuzz.ratio(pa.lower(), pb.lower()) >= settings.fuzzy_name_cutoff:
        return PairVerdict("agreement", "the same place")
    if contains(pa, pb) or contains(pb, pa):
        return PairVerdict("agreement", "one place lies within the other")
    if is_known(pa) and is_known(pb):
        return PairVerdict("conflict", f"{pa} and {pb} are different places")
    return PairVerdict("soft_conflict", "the gazetteer cannot tell whether one place contains the other")


def compare_pair(a: Claim, b: Claim, settings: Settings, recurring: bool = False) -> PairVerdict | None:
    """The verdict on two claims of one group, or None when they cannot be compared."""
    if a.kind == "date":
        return compare_dates(a, b, settings, recurring)
    if a.kind == "place":
        return compare_places(a, b, settings)
    return compare_values(a, b, settings)


def _family(kind: str) -> str:
    return kind if kind in ("date", "place") else "value"


def _is_recurring(group: ClaimGroup) -> bool:
    key = group.claims[0].key
    if key is None:
        return False
    name = key.head.split("|", 1)[-1]
    entity = lexicon().entities.get(name)
    if entity is not None:
        return entity.type == "event"  # a named meeting recurs; a named treaty's signing does not
    return name.split(" of ", 1)[0] in lexicon().recurring_events


def _say(claims: list[Claim]) -> str:
    labels = sorted({c.label for c in claims})
    who = labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]
    texts = list(dict.fromkeys(c.text for c in claims))
    verb = "says" if len(labels) == 1 else "say"
    return f"{who} {verb} {' / '.join(texts)}"


def _sides(
    group: ClaimGroup, a: Claim, b: Claim, settings: Settings, recurring: bool
) -> tuple[list[Claim], list[Claim]]:
    """Everyone who sides with a, and everyone who sides with b, in the worst pair."""
    side_a, side_b = [a], [b]
    sides: dict[tuple[object, ...], str] = {}
    for c in group.claims:
        if c in (a, b):
            continue
        sig = _signature(c)
        if sig not in sides:
            with_a = compare_pair(c, a, settings, recurring)
            with_b = compare_pair(c, b, settings, recurring)
            agrees_a = with_a is not None and with_a.verdict == "agreement"
            agrees_b = with_b is not None and with_b.verdict == "agreement"
            sides[sig] = "a" if agrees_a else "b" if agrees_b else ""
        if sides[sig] == "a":
            side_a.append(c)
        elif sides[sig] == "b":
            side_b.append(c)
    return side_a, side_b


def fingerprint(code: str, group: ClaimGroup, a: Claim, b: Claim) -> str:
    """A finding's identity: its code, topic and the two disagreeing values, not where they stand.

    Moving lines or rewording other sentences keeps it; changing either value changes it; an
    article that only repeats one of the two values does not create a new one.
    """
    key = group.claims[0].key
    topic = key.head if key else group.subject
    values = sorted(f"{_value_text(c)}|{c.qualifier}" for c in (a, b))
    digest = hashlib.sha256("\n".join([code, topic, *values]).encode("utf-8")).hexdigest()
    return digest[:20]


def _value_text(c: Claim) -> str:
    if isinstance(c.value, float):
        base = to_base(c.value, c.unit)
        unit = lexicon().units[c.unit].dimension if c.unit in lexicon().units else c.unit or ""
        return f"{base:.6g}{unit}"
    return f"{c.value}"


def _signature(c: Claim) -> tuple[object, ...]:
    """Everything a comparison reads from a claim, but where it stands."""
    return (c.kind, c.value, c.value_max, c.unit, c.qualifier, c.precision, c.as_of, c.text)


def _first_pair(
    first: list[Claim], second: list[Claim], focus: frozenset[str] | None
) -> tuple[Claim, Claim] | None:
    """The first two claims, one from each list, from different sources (one of them in focus)."""
    for a in first:
        for b in second:
            if a is b or a.source == b.source:
                continue
            if focus is not None and a.source not in focus and b.source not in focus:
                continue  # checking new articles: what the corpus already says among itself is not theirs
            return (a, b) if (a.source, a.start) <= (b.source, b.start) else (b, a)
    return None


def compare_group(
    group: ClaimGroup, settings: Settings | None = None, focus: frozenset[str] | None = None
) -> Finding | None:
    """The finding for one group: its worst pair of claims from different sources decides.

    >>> compare_group(group).message  # doctest: +SKIP
    '004 says 54,000; 000, 002 and 003 say 55,000 / around 55,000 / approximately 55,000: ...'
    """
    settings = settings or Settings()
    recurring = _is_recurring(group)
    worst: tuple[int, Claim, Claim, PairVerdict] | None = None
    # Claims that say the same thing the same way are compared once, as one signature.
    by_signature: dict[tuple[object, ...], list[Claim]] = {}
    for claim in group.claims:
        by_signature.setdefault(_signature(claim), []).append(claim)
    signatures = list(by_signature.values())
    for i, first in enumerate(signatures):
        for second in signatures[i:]:
            pair = _first_pair(first, second, focus)
            if pair is None:
                continue
            a, b = pair
            verdict = compare_pair(a, b, settings, recurring)
            if verdict is None:
                continue
            rank = VERDICT_RANK[verdict.verdict]
            if worst is None or rank > worst[0]:
                worst = (rank, a, b, verdict)
    if worst is None:
        return None
    _, a, b, pv = worst
    ids = tuple(sorted(c.id for c in group.claims))
    if pv.verdict == "agreement":
        rule = RULES["AC001"]
        message = f"{_say(list(group.claims))}: {pv.reason}."
    elif pv.verdict == "changed_over_time":
        rule = RULES["AC002"]
        message = f"{_say([a])}; {_say([b])}: {pv.reason}, a change over time rather than a conflict."
    else:
        rule = RULES[CODES[(_family(group.kind), pv.verdict)]]
        side_a, side_b = _sides(group, a, b, settings, recurring)
        if len(side_b) < len(side_a):
            side_a, side_b = side_b, side_a
        message = f"{_say(side_a)}; {_say(side_b)}: {pv.reason}."
    return Finding(
        code=rule.code,
        severity=rule.severity,
        verdict=pv.verdict,
        subject=group.subject,
        claim_ids=ids,
        message=message,
        group_id=group.id,
        pair=(a.id, b.id),
        fingerprint=fingerprint(rule.code, group, a, b),
    )


def compare_groups(
    groups: list[ClaimGroup], settings: Settings | None = None, focus: frozenset[str] | None = None
) -> list[Finding]:
    """Findings for every group, worst first, then by subject; with ``focus``, only theirs."""
    found = [f for g in groups if (f := compare_group(g, settings, focus)) is not None]
    return sorted(found, key=lambda f: (-SEVERITY_RANK[f.severity], f.subject, f.group_id))
