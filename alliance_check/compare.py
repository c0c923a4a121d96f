"""A group of claims -> one finding: agreement, a soft conflict, a conflict, or a change over time."""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from rapidfuzz import fuzz

from alliance_check.models import LATER, RULES, SEVERITY_RANK, Claim, ClaimGroup, Finding
from alliance_check.normalize.dates import interval, period
from alliance_check.normalize.money import usd_bounds
from alliance_check.normalize.places import contains, is_known
from alliance_check.normalize.times import minute_step
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
    half = min(to_base(float(c.precision), c.unit) / 2, settings.rounding_share * abs(v)) or (
        to_base(float(c.precision), c.unit) / 2
    )
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
    assert isinstance(coarse.value, float)
    half = _fmt(min(float(coarse.precision) / 2, settings.rounding_share * abs(coarse.value)))
    unit = f" {coarse.unit}" if coarse.unit else ""
    return f"'{coarse.text}' is a round figure (±{half}{unit})"


def _fmt(x: float) -> str:
    return f"{x:,.0f}" if x == int(x) else f"{x:,.6g}"


def compare_values(a: Claim, b: Claim, settings: Settings, running: bool = False) -> PairVerdict | None:
    """Two numeric claims: equal at the coarser precision, overlapping once widened, or not."""
    if not (isinstance(a.value, float) and isinstance(b.value, float)):
        return None
    if a.kind == "money" and a.unit != b.unit:
        return _over_time(a, b, settings, running) or _across_currencies(a, b, settings)
    if not convertible(a.unit, b.unit):
        return None
    step = max(to_base(float(a.precision), a.unit), to_base(float(b.precision), b.unit))
    va, vb = to_base(a.value, a.unit), to_base(b.value, b.unit)
    # equal once rounded, and not further apart than a round figure stands for ('2' is not '1.5')
    same = _round(va, step) == _round(vb, step) and abs(va - vb) <= settings.rounding_share * max(
        abs(va), abs(vb)
    )
    if a.qualifier == "range" or b.qualifier == "range":
        same = same and a.qualifier == b.qualifier and a.value_max == b.value_max
    if same and _qualifiers_agree(a.qualifier, b.qualifier):
        note = "" if a.unit == b.unit else " once converted to the same unit"
        return PairVerdict("agreement", f"the values agree at the precision stated{note}")
    equal = to_base(a.value, a.unit) == to_base(b.value, b.unit)
    if equal and {a.qualifier, b.qualifier} <= {"exact", "approx", "upper_bound", "lower_bound"}:
        return PairVerdict("agreement", "the same figure, one stated as a bound ('up to $368 billion')")
    changed = _over_time(a, b, settings, running)
    if changed:
        return changed
    lo_a, hi_a = _interval(a, settings)
    lo_b, hi_b = _interval(b, settings)
    if min(hi_a, hi_b) - max(lo_a, lo_b) > 0:
        return PairVerdict("soft_conflict", f"compatible only because {_why_soft(a, b, settings)}")
    return PairVerdict("conflict", "the values do not overlap even allowing for rounding and hedges")


def _over_time(a: Claim, b: Claim, settings: Settings, running: bool) -> PairVerdict | None:
    """'Changed over time' when the two figures refer to dates far apart or one revises the other."""
    if _changed_over_time(a, b, settings, running):
        return PairVerdict("changed_over_time", f"the figures refer to {a.as_of} and {b.as_of}")
    revision = _revision(a, b)
    return PairVerdict("changed_over_time", revision) if revision else None


def _across_currencies(a: Claim, b: Claim, settings: Settings) -> PairVerdict | None:
    """Sums in two currencies: a conflict when they differ at every exchange rate of the years
    data/currencies.json covers ('about EUR 342 billion' / 'up to A$368 billion'); else they
    cannot be told apart, and are not compared."""
    ua = usd_bounds(*_interval(a, settings), a.unit, a.as_of)
    ub = usd_bounds(*_interval(b, settings), b.unit, b.as_of)
    if ua is None or ub is None or (ua[0] <= ub[1] and ub[0] <= ua[1]):
        return None
    first, last = lexicon().rates_period
    low, high = sorted(((a, ua), (b, ub)), key=lambda x: x[1][0])
    return PairVerdict(
        "conflict",
        f"at any exchange rate from {first} to {last}, '{low[0].text}' is worth at most "
        f"US${_short(low[1][1])} and '{high[0].text}' at least US${_short(high[1][0])}",
    )


def _short(amount: float) -> str:
    """'342.0bn', '1.2m', '950': an amount in US dollars, briefly."""
    for size, mark in ((1e12, "tn"), (1e9, "bn"), (1e6, "m")):
        if abs(amount) >= size:
            return f"{amount / size:,.1f}{mark}"
    return f"{amount:,.0f}"


def _revision(a: Claim, b: Claim) -> str:
    """Why one figure replaces the other: told later, in a sentence that says it revises an earlier
    one ('now expected to cost 180 million euros, up from an earlier estimate'); '' when it does not."""
    for new, old in ((a, b), (b, a)):
        if new.frame is None or not new.frame.revised:
            continue
        if _names_figure(new.sentence, old):
            # 'spilled around 500,000 litres, up from an earlier estimate of 350,000 litres'
            return f"'{new.text}' revises the earlier figure its sentence names ('{old.text}')"
        if not (new.as_of and old.as_of):
            continue
        i_new, i_old = interval(new.as_of), interval(old.as_of)
        if i_new is not None and i_old is not None and i_new[0] > i_old[1]:
            return f"'{new.text}' ({new.as_of}) revises an earlier figure ({old.as_of})"
    return ""


_FIGURE = re.compile(r"\d[\d,.]*\d|\d")


def _names_figure(sentence: str, claim: Claim) -> bool:
    """Whether ``sentence`` writes the figure of ``claim`` the way the claim does ('350,000')."""
    digits = _FIGURE.search(claim.text)
    return (
        digits is not None
        and re.search(rf"(?<![\d.,]){re.escape(digits.group(0))}(?![\d]|[.,]\d)", sentence) is not None
    )


def _changed_over_time(a: Claim, b: Claim, settings: Settings, running: bool = False) -> bool:
    """Figures whose as-of dates lie far apart; for a running tally (a death toll) any two days."""
    if not (a.as_of and b.as_of):
        return False
    if a.frame and b.frame and set(a.frame.years) & set(b.frame.years):
        return False  # 'the 2017 fire burned 18,000 acres' told in 2026 is as of 2017, like 'in 2017, 22,000'
    ia, ib = interval(a.as_of), interval(b.as_of)
    if ia is None or ib is None:
        return False
    gap = abs((ia[0] - ib[0]).days)
    return gap >= 1 if running else gap > settings.as_of_gap_days


def _date_parts(iso: str) -> tuple[int | None, int | None, int | None]:
    iso = iso.split("T", 1)[0]
    if iso.startswith("--"):
        parts = [int(p) for p in iso[2:].split("-")]
        return None, parts[0], parts[1] if len(parts) > 1 else None
    if len(iso) == 3:
        return None, None, None  # a decade: compared as a period
    nums = [int(p) for p in iso.split("-")]
    nums += [None] * (3 - len(nums))  # type: ignore[list-item]
    return nums[0], nums[1], nums[2]


def _period(c: Claim) -> tuple[date, date]:
    """The days of the period a date claim names ('the early 2040s', 'last week'), bounds aside."""
    span = period(str(c.value), str(c.precision), c.value_max)
    assert span is not None
    return span


def _takes_in(bound: Claim, point: Claim) -> bool:
    """A bound that includes the period it names ('since last week', 'by March 2027'; data/hedges.json,
    inclusive_bounds) and a date inside that period: they agree, whichever way the bound is read."""
    if bound.qualifier not in ("lower_bound", "upper_bound") or point.qualifier not in POINT:
        return False
    words = bound.text.lower().split()
    inclusive = lexicon().inclusive_bounds
    if not any(" ".join(words[:n]) in inclusive for n in (1, 2, 3, 4)):
        return False
    return _lies_in(point, bound)


def _within(inner: Claim, outer: Claim) -> bool:
    """Two dates told plainly, the first inside the period of the second."""
    return inner.qualifier == "exact" and outer.qualifier == "exact" and _lies_in(inner, outer)


def _lies_in(inner: Claim, outer: Claim) -> bool:
    """The period of one date inside the period of another, bounds aside; a period of no known
    year ('by June 30') takes in nothing and lies in nothing."""
    if _year_less(inner) or _year_less(outer):
        return False
    lo, hi = _period(inner)
    o_lo, o_hi = _period(outer)
    return o_lo <= lo and hi <= o_hi


def _year_less(c: Claim) -> bool:
    """A day or a month told without its year ('June 30', 'in March')."""
    return interval(str(c.value), str(c.precision)) is None


def _date_interval(c: Claim) -> tuple[date, date]:
    """The days a date claim covers: its period ('the early 2040s', 'last week'), opened by a bound."""
    lo, hi = _period(c)
    if c.qualifier == "approx" and c.precision == "year":
        lo, hi = lo.replace(year=lo.year - 1), hi.replace(year=hi.year + 1)  # 'around 2033'
    if c.qualifier == "upper_bound":
        return date.min, hi
    if c.qualifier == "lower_bound":
        return lo, date.max
    return lo, hi


def compare_dates(a: Claim, b: Claim, settings: Settings, recurring: bool) -> PairVerdict | None:
    """Two dates of one event: equal at the coarser precision, overlapping, or apart. Two days told
    only from other dates ('on Tuesday', 'on Wednesday') are not set against each other: in a
    story told over days they are most often two events."""
    pa, pb = _date_parts(str(a.value)), _date_parts(str(b.value))
    shared = [(x, y) for x, y in zip(pa, pb, strict=False) if x is not None and y is not None]
    periods = a.value_max or b.value_max or len(str(a.value)) == 3 or len(str(b.value)) == 3
    same = shared and all(x == y for x, y in shared) and not periods
    if (
        same or (periods and a.value == b.value and a.value_max == b.value_max and a.precision == b.precision)
    ) and (_qualifiers_agree(a.qualifier, b.qualifier)):
        return PairVerdict("agreement", "the dates agree at the precision stated")
    if _takes_in(a, b) or _takes_in(b, a):
        return PairVerdict("agreement", "the date lies within the period the bound takes in")
    if periods and (_within(a, b) or _within(b, a)):
        # 'the late 2020s' and 'later this decade', '2032' and 'the 2030s': the coarser one
        # says no more than the finer, as 'July 2024' does of 'July 28, 2024'
        return PairVerdict("agreement", "one period lies within the other")
    if (pa[0] is None and pa[1] is not None) or (pb[0] is None and pb[1] is not None):
        if a.qualifier in POINT and b.qualifier in POINT:
            return PairVerdict("conflict", "the month or day differs")
        return PairVerdict("soft_conflict", "compatible only thanks to a bound; the year is not stated")
    if a.relative and b.relative:
        return None
    lo_a, hi_a = _date_interval(a)
    lo_b, hi_b = _date_interval(b)
    if recurring and a.qualifier in POINT and b.qualifier in POINT:
        gap = abs((lo_a - lo_b).days)
        if gap > settings.event_instance_gap_days:
            return PairVerdict("changed_over_time", "the dates are far apart: likely different occurrences")
    if min(hi_a, hi_b) >= max(lo_a, lo_b):
        why = next(
            (f"'{c.text}' is {BOUND_WORDS[c.qualifier]}" for c in (a, b) if c.qualifier in BOUND_WORDS),
            f"'{max((a, b), key=lambda c: (hi_of(c) - lo_of(c)).days).text}' covers a longer period",
        )
        return PairVerdict("soft_conflict", f"compatible only because {why}")
    return PairVerdict("conflict", "the dates do not overlap")


def _another(one: Claim, other: Claim) -> bool:
    """'The second payment of $525 million' or 'the next $1 billion' and 'a $500 million payment'
    or 'the second payment': one of several after the first, and a figure that does not say which
    or says another: it may be another of them."""
    if one.frame is None or other.frame is None or one.frame.order == other.frame.order:
        return False
    later = [f.order >= 2 or f.order == LATER for f in (one.frame, other.frame)]
    return later[0] and (later[1] or other.frame.order == 0)


def _after_the_first(first: Claim, other: Claim) -> PairVerdict | None:
    """'The ship first lost power on March 25' and 'the ship lost power on March 26': the first of
    several and a day after it, which may be a later one. A day before the first one conflicts."""
    if first.frame is None or other.frame is None or (first.frame.order, other.frame.order) != (1, 0):
        return None
    if _year_less(first) or _year_less(other) or other.qualifier != "exact":
        return None
    if lo_of(other) > hi_of(first):
        return PairVerdict(
            "changed_over_time", f"'{first.text}' is the first of several; '{other.text}' may be a later one"
        )
    return None


def lo_of(c: Claim) -> date:
    return _date_interval(c)[0] if c.qualifier != "lower_bound" else date.min


def hi_of(c: Claim) -> date:
    return _date_interval(c)[1] if c.qualifier != "upper_bound" else date.max


def _minutes(c: Claim, settings: Settings) -> tuple[float, float] | None:
    """A time of day as minutes since midnight, widened by how finely it is stated and its hedge."""
    parts = str(c.value).partition("T")[2].split(":")
    if len(parts) < 2:
        return None
    value = int(parts[0]) * 60 + int(parts[1]) + (int(parts[2]) / 60 if len(parts) > 2 else 0)
    half = minute_step(str(c.value)) / 2 + (settings.approx_minutes if c.qualifier == "approx" else 0)
    reach = settings.near_minutes if _near(c) else math.inf  # 'shortly after 3:10 a.m.'
    if c.qualifier == "lower_bound":
        return value, value + reach
    if c.qualifier == "upper_bound":
        return value - reach, value
    return value - half, value + half


def _near(c: Claim) -> bool:
    """A bound that stays near its time ('shortly after 3:10 a.m.', 'just before noon')."""
    text = " ".join(c.text.lower().split())
    return any(text.startswith(word) for word in lexicon().near_bounds)


def compare_times(a: Claim, b: Claim, settings: Settings) -> PairVerdict | None:
    """Two times of day of one event: on different days they are not compared; to the minute
    they agree, overlap once widened by their precision and hedges, or do not."""
    day_a, day_b = str(a.value).partition("T")[0], str(b.value).partition("T")[0]
    if day_a and day_b and day_a != day_b:
        return None
    if str(a.value).partition("T")[2] == str(b.value).partition("T")[2] and _qualifiers_agree(
        a.qualifier, b.qualifier
    ):
        return PairVerdict("agreement", "the times agree")
    ma, mb = _minutes(a, settings), _minutes(b, settings)
    if ma is None or mb is None:
        return None
    if min(ma[1], mb[1]) - max(ma[0], mb[0]) > 0:
        why = next(
            (f"'{c.text}' is {BOUND_WORDS[c.qualifier]}" for c in (a, b) if c.qualifier in BOUND_WORDS),
            next(
                (
                    f"'{c.text}' is hedged (±{settings.approx_minutes:g} min)"
                    for c in (a, b)
                    if c.qualifier == "approx"
                ),
                "one of them is a round figure",
            ),
        )
        return PairVerdict("soft_conflict", f"compatible only because {why}")
    return PairVerdict("conflict", "the times do not overlap even allowing for rounding and hedges")


def _place_word(name: str) -> str:
    """The generic word a place name ends in ('Seagirt Marine Terminal' -> 'terminal')."""
    words = name.lower().replace("(", " ").replace(")", " ").split()
    return words[-1] if words and words[-1] in lexicon().facility_nouns else ""


def compare_places(a: Claim, b: Claim, settings: Settings) -> PairVerdict:
    """Two places of one event: the same, one inside the other, different, or not checkable.

    Places the gazetteer knows are checked against each other; two named places of the same kind
    ('Seagirt Marine Terminal', 'Dundalk Marine Terminal') cannot contain each other, so they
    differ; a place and one the gazetteer does not know may contain it ('Baltimore' and 'the Key
    Bridge'), which is not a conflict, and so may a place named as an area ('Patapsco River') and
    one of another kind ('Key Bridge'); anything else cannot be checked (a soft conflict).
    """
    pa, pb = str(a.value), str(b.value)
    if pa == pb or fuzz.token_set_ratio(pa.lower(), pb.lower()) >= settings.fuzzy_name_cutoff:
        return PairVerdict("agreement", "the same place")
    if contains(pa, pb) or contains(pb, pa) or {pa, pb} & {str(a.value_max), str(b.value_max)}:
        return PairVerdict("agreement", "one place lies within the other")
    if is_known(pa) and is_known(pb):
        return PairVerdict("conflict", f"{pa} and {pb} are different places")
    kind_a, kind_b = _place_word(pa), _place_word(pb)
    if kind_a and kind_a == kind_b:
        return PairVerdict("conflict", f"{pa} and {pb} are two different {kind_a}s")
    areas = lexicon().area_nouns
    if kind_a and kind_b and (kind_a in areas or kind_b in areas):
        return PairVerdict("agreement", f"a {kind_a} and a {kind_b}: one may lie in or on the other")
    if is_known(pa) or is_known(pb):
        return PairVerdict("agreement", "one place may lie within the other")
    return PairVerdict("soft_conflict", "the gazetteer cannot tell whether one place contains the other")


def compare_pair(
    a: Claim, b: Claim, settings: Settings, recurring: bool = False, running: bool = False
) -> PairVerdict | None:
    """The verdict on two claims of one group, or None when they cannot be compared (one restates
    the other: they are one statement)."""
    if a.kind != b.kind or a.same_statement(b):
        return None
    if a.kind in ("count", "quantity", "money", "percent") and (_another(a, b) or _another(b, a)):
        return None
    if a.kind == "date":
        return _after_the_first(a, b) or _after_the_first(b, a) or compare_dates(a, b, settings, recurring)
    if a.kind == "time":
        return compare_times(a, b, settings)
    if a.kind == "place":
        if recurring and _changed_over_time(
            a, b, replace(settings, as_of_gap_days=settings.event_instance_gap_days)
        ):
            return PairVerdict("changed_over_time", "the places are of occurrences far apart in time")
        return compare_places(a, b, settings)
    return compare_values(a, b, settings, running)


def _family(kind: str) -> str:
    return "date" if kind in ("date", "time") else kind if kind == "place" else "value"


def _commonest_first(words: Iterable[str]) -> list[str]:
    """The words, each once, the most often said first and equals in alphabetical order (never in
    the order a set happens to iterate in: it changes between runs)."""
    counts = Counter(words)
    return sorted(counts, key=lambda w: (-counts[w], w))


def _commonest(words: Iterable[str]) -> str | None:
    """The word said most often, the first in alphabetical order among equals; None for none."""
    return next(iter(_commonest_first(words)), None)


def topic(group: ClaimGroup) -> str:
    """What the group is about, in the words that decide its identity: kind and the commonest head."""
    synonyms = lexicon().synonyms
    head = _commonest(synonyms.get(c.frame.head, c.frame.head) for c in group.claims if c.frame)
    return f"{group.kind}|{group.subject if head is None else head}"


def _is_recurring(group: ClaimGroup) -> bool:
    """Dates of a meeting, a summit or a visit: the same event recurs, far-apart dates are two of them."""
    lex = lexicon()
    words = (t for c in group.claims if c.frame for t in dict.fromkeys([c.frame.head, *c.frame.terms]))
    for word in _commonest_first(words)[:3]:
        event = lex.event_nouns.get(word) or lex.event_verbs.get(word)
        if (event or word) in lex.recurring_events:
            return True
    return False


def _is_running(group: ClaimGroup) -> bool:
    """A tally that grows as a story unfolds (the dead, the missing, the homes destroyed, the share
    of a fire contained): counted on two days, it changed. The head says so, or the verb most of
    the group's claims use ('destroyed 37 homes')."""
    lex = lexicon()
    verb = _commonest(
        lex.synonyms.get(c.frame.verb, c.frame.verb) for c in group.claims if c.frame and c.frame.verb
    )
    return topic(group).split("|", 1)[1] in lex.running_tallies or verb in lex.running_tallies


def _say(claims: list[Claim]) -> str:
    labels = sorted({c.label for c in claims})
    who = labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]
    texts = list(dict.fromkeys(c.text for c in claims))
    verb = "says" if len(labels) == 1 else "say"
    return f"{who} {verb} {' / '.join(texts)}"


def _sides(
    group: ClaimGroup, a: Claim, b: Claim, settings: Settings, recurring: bool, running: bool
) -> tuple[list[Claim], list[Claim]]:
    """Everyone who sides with a, and everyone who sides with b, in the worst pair."""
    side_a, side_b = [a], [b]
    sides: dict[tuple[object, ...], str] = {}
    for c in group.claims:
        if c in (a, b):
            continue
        sig = _signature(c)
        if sig not in sides:
            with_a = compare_pair(c, a, settings, recurring, running)
            with_b = compare_pair(c, b, settings, recurring, running)
            agrees_a = with_a is not None and with_a.verdict == "agreement"
            agrees_b = with_b is not None and with_b.verdict == "agreement"
            sides[sig] = "a" if agrees_a else "b" if agrees_b else ""
        if sides[sig] == "a":
            side_a.append(c)
        elif sides[sig] == "b":
            side_b.append(c)
    return side_a, side_b


def _agrees(c: Claim, a: Claim, settings: Settings, recurring: bool, running: bool) -> bool:
    verdict = compare_pair(c, a, settings, recurring, running)
    return verdict is not None and verdict.verdict == "agreement"


def fingerprint(code: str, group: ClaimGroup, a: Claim, b: Claim) -> str:
    """A finding's identity: its code, topic and the two disagreeing values, not where they stand.

    Moving lines or rewording other sentences keeps it; changing either value changes it; an
    article that only repeats one of the two values does not create a new one.
    """
    values = sorted(f"{_value_text(c)}|{c.qualifier}" for c in (a, b))
    digest = hashlib.sha256("\n".join([code, topic(group), *values]).encode("utf-8")).hexdigest()
    return digest[:20]


def _value_text(c: Claim) -> str:
    if isinstance(c.value, float):
        base = to_base(c.value, c.unit)
        unit = lexicon().units[c.unit].dimension if c.unit in lexicon().units else c.unit or ""
        return f"{base:.6g}{unit}"
    return f"{c.value}"


def _signature(c: Claim) -> tuple[object, ...]:
    """Everything a comparison reads from a claim, but where it stands."""
    order = c.frame.order if c.frame is not None else 0  # 'the first', 'the next' (see compare_pair)
    return (c.kind, c.value, c.value_max, c.unit, c.qualifier, c.precision, c.as_of, c.text, order)


def _first_pair(
    first: list[Claim], second: list[Claim], focus: frozenset[str] | None, focused: list[Claim]
) -> tuple[Claim, Claim] | None:
    """The first two claims, one from each list, from different sources (one of them in focus).

    ``focused``: the claims of ``second`` in focus, in order. A claim of ``first`` out of focus
    can only be paired with one of them, so a corpus checked against one new article is not
    searched pair by pair (what the corpus already says among itself is not the article's)."""
    for a in first:
        partners = second if focus is None or a.source in focus else focused
        for b in partners:
            if a is not b and a.source != b.source:
                return (a, b) if (a.source, a.start) <= (b.source, b.start) else (b, a)
    return None


def _direct_pairs(
    group: ClaimGroup, signature: dict[str, int], settings: Settings, focus: frozenset[str] | None
) -> dict[tuple[int, int], tuple[Claim, Claim]]:
    """For each two signatures (numbers in ``signature``, by claim id), the two claims, one of each
    and from different sources (one of them in focus), matched directly and strongly enough to be
    set against each other (see Settings.conflicts): the strongest such pair, the first in the
    group's order among equals. One pass over the group's scored pairs, not a search of every two
    claims of two signatures: a sentence reprinted by thousands of outlets is one signature."""
    at = {c.id: k for k, c in enumerate(group.claims)}
    best: dict[tuple[int, int], tuple[float, int, int]] = {}
    for x, y, _ in group.scores:
        if x not in at or y not in at:
            continue
        score = group.score(x, y)  # the pair's one score, however often it is listed
        a, b = group.claims[at[x]], group.claims[at[y]]
        if (
            score is None
            or score < settings.conflicts.threshold
            or a.source == b.source
            or (focus is not None and a.source not in focus and b.source not in focus)
        ):
            continue
        for p, q in ((a, b), (b, a)):
            # the highest score; among equals, the pair whose claims come first (positions negated)
            key, rank = (signature[p.id], signature[q.id]), (score, -at[p.id], -at[q.id])
            if key not in best or rank > best[key]:
                best[key] = rank
    out = {}
    for key, (_, p_negated, q_negated) in best.items():
        a, b = group.claims[-p_negated], group.claims[-q_negated]
        out[key] = (a, b) if (a.source, a.start) <= (b.source, b.start) else (b, a)
    return out


def compare_group(
    group: ClaimGroup, settings: Settings | None = None, focus: frozenset[str] | None = None
) -> Finding | None:
    """The finding for one group: its worst pair of claims from different sources decides.

    >>> compare_group(group).message  # doctest: +SKIP
    '004 says 54,000; 000, 002 and 003 say 55,000 / around 55,000 / approximately 55,000: ...'
    """
    settings = settings or Settings()
    recurring = _is_recurring(group)
    running = _is_running(group)
    worst: tuple[int, Claim, Claim, PairVerdict] | None = None
    # Claims that say the same thing the same way are compared once, as one signature.
    by_signature: dict[tuple[object, ...], list[Claim]] = {}
    for claim in group.claims:
        by_signature.setdefault(_signature(claim), []).append(claim)
    signatures = list(by_signature.values())
    direct: dict[tuple[int, int], tuple[Claim, Claim]] | None = None  # worked out when first needed
    focused = [[c for c in told if c.source in focus] if focus is not None else [] for told in signatures]
    for i, first in enumerate(signatures):
        for j in range(i, len(signatures)):
            pair = _first_pair(first, signatures[j], focus, focused[j])
            if pair is None:
                continue
            a, b = pair
            verdict = compare_pair(a, b, settings, recurring, running)
            if verdict is None:
                continue
            if verdict.verdict in ("conflict", "soft_conflict") and group.scores:
                if direct is None:
                    number = {c.id: k for k, told in enumerate(signatures) for c in told}
                    direct = _direct_pairs(group, number, settings, focus)
                if (i, j) not in direct:
                    continue  # linked only through others: not enough to call them conflicting
                a, b = direct[(i, j)]
            rank = VERDICT_RANK[verdict.verdict]
            if worst is None or rank > worst[0]:
                worst = (rank, a, b, verdict)
    if worst is None:
        return None
    _, a, b, pv = worst
    ids = tuple(sorted(c.id for c in group.claims))
    if pv.verdict == "agreement":
        rule = RULES["AC001"]
        # claims set against none (linked through others only) are not said to agree
        agreeing = [c for c in group.claims if c in (a, b) or _agrees(c, a, settings, recurring, running)]
        ids = tuple(sorted(c.id for c in agreeing))
        message = f"{_say(agreeing)}: {pv.reason}."
    elif pv.verdict == "changed_over_time":
        rule = RULES["AC002"]
        message = f"{_say([a])}; {_say([b])}: {pv.reason}, a change over time rather than a conflict."
    else:
        rule = RULES[CODES[(_family(group.kind), pv.verdict)]]
        side_a, side_b = _sides(group, a, b, settings, recurring, running)
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
