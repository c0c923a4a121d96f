"""Which dollar a bare '$' is, when its article never says: read from how the other sources write
the same figures.

An Australian outlet writes 'up to $368 billion' and means Australian dollars; nothing in its text
says so, and the article reader (normalize/money.py) takes '$' for the US dollar. When the corpus
holds sources that write those very figures with their dollar named ('A$368 billion', '$A268
billion'), that dollar is the one meant. This runs once over the corpus, between extraction and
grouping, and only on articles that name no dollar anywhere; each claim it changes says why.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import replace

from alliance_check.models import Article, Claim
from alliance_check.normalize.money import BASE_DOLLAR, dollar_marker, names_no_dollar

_BARE = re.compile(r"(?<![A-Za-z$])\$(?![A-Za-z$])")
# a figure must be telling to say which dollar: '$368 billion' is, '$1 billion' is not
_MIN_DIGITS = 2


def _telling(value: float) -> bool:
    digits = f"{abs(value):.10g}".split("e")[0].replace(".", "").strip("0")
    return len(digits) >= _MIN_DIGITS


def unmarked_sources(articles: list[Article]) -> frozenset[str]:
    """The sources whose text never names a dollar ('A$', '$US', 'US dollars', a declared currency)."""
    return frozenset(a.source for a in articles if names_no_dollar(a.text, a.currency))


def settle_bare_dollars(claims: list[Claim], unmarked: frozenset[str]) -> list[Claim]:
    """The claims, with the bare '$' amounts of the ``unmarked`` sources in the dollar that the
    other sources name for the same figures, when they name one other than the US dollar more
    often than the US dollar (see the module's docstring). Order and everything else are kept.

    >>> settle_bare_dollars(claims, frozenset({"02.txt"}))  # doctest: +SKIP
    """
    named: dict[float, Counter[str]] = defaultdict(Counter)
    for c in claims:
        if c.kind == "money" and isinstance(c.value, float) and c.source not in unmarked:
            code = dollar_marker(c.text)
            if code and _telling(c.value):
                named[c.value][code] += 1
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for c in claims:
        if _is_bare(c, unmarked) and isinstance(c.value, float) and c.value in named:
            votes[c.source].update(named[c.value].keys())
    meant: dict[str, str] = {}
    for source, counts in votes.items():
        code, n = min(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        if code != BASE_DOLLAR and n > counts.get(BASE_DOLLAR, 0):
            meant[source] = code
    if not meant:
        return claims
    out = []
    for c in claims:
        code = meant.get(c.source)
        if code and _is_bare(c, unmarked):
            why = f"'$' read as {code}: other sources write these figures in {code}"
            c = replace(c, unit=code, note=f"{c.note}; {why}" if c.note else why)
        out.append(c)
    return out


def _is_bare(c: Claim, unmarked: frozenset[str]) -> bool:
    return c.kind == "money" and c.unit == BASE_DOLLAR and c.source in unmarked and bool(_BARE.search(c.text))
