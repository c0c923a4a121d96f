"""Which currency an article's bare '$' stands for, read from how the article writes its money."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from alliance_check.normalize.units import parse_currency
from alliance_check.resources import alternatives, lexicon

BASE_DOLLAR = "USD"  # what a bare '$' means when nothing says otherwise


@lru_cache(maxsize=1)
def _dollar_markers() -> dict[str, str]:
    """Spellings that say which dollar they are ('A$', '$US', 'NZD', 'Australian dollars') -> code."""
    lex = lexicon()
    out: dict[str, str] = {}
    for spelling, code in lex.currency_symbols.items():
        # every code is also read as 'CODE$' ('cad$ 15'); a dollar is a currency written with '$' otherwise
        if "$" in spelling and spelling not in lex.bare_currency and spelling != f"{code}$":
            out[spelling] = code
    dollars = set(out.values())
    for name, code in lex.currency_names.items():
        if "dollar" in name and name not in lex.bare_currency:
            out[name] = code
            dollars.add(code)
    for spelling, code in lex.currency_symbols.items():
        if spelling == f"{code}$" and code in dollars:
            out[spelling] = code
    out.update({code: code for code in dollars})
    return out


@lru_cache(maxsize=1)
def _marker_regex() -> re.Pattern[str]:
    markers = sorted(_dollar_markers(), key=len, reverse=True)
    # symbols and codes in their own case ('AUD', not 'aud'); names in any ('Australian dollars')
    symbols = "|".join(re.escape(m) for m in markers if " " not in m)
    names = "|".join(re.escape(m).replace(r"\ ", r"\s+") for m in markers if " " in m)
    return re.compile(rf"(?<![A-Za-z$])(?:(?i:{names or '(?!)'})|{symbols})(?![A-Za-z])")


@lru_cache(maxsize=1)
def _dollar_countries() -> tuple[re.Pattern[str], dict[str, str]]:
    """Names and demonyms of the places whose currency is a dollar other than the US one."""
    lex = lexicon()
    dollars = set(_dollar_markers().values()) - {BASE_DOLLAR}
    home = {place: code for place, code in lex.currency_of.items() if code in dollars}
    spellings: dict[str, str] = {}
    for alias, place in [*lex.place_names.items(), *lex.demonyms.items()]:
        if place in home and len(alias) > 2:
            spellings[alias] = place
    pattern = alternatives(spellings)
    return re.compile(rf"\b(?i:{pattern})\b"), {n: home[p] for n, p in spellings.items()}


def _home_dollar(text: str) -> str | None:
    """The dollar of the place with a dollar of its own that the text names most ('Australia',
    'Australian'), or None when it names none."""
    pattern, codes = _dollar_countries()
    found = Counter(codes.get(" ".join(m.group(0).lower().split()), "") for m in pattern.finditer(text))
    found.pop("", None)
    return min(found, key=lambda c: (-found[c], c)) if found else None


_AMOUNT = r"\d[\d,.]*(?:\s?[A-Za-z]{1,8})?"
# a bare '$' amount opening a bracket after another amount: '1.7 billion pounds ($2.2 billion)'
_BARE_CONVERSION = re.compile(r"\d[^()]{0,30}\(\s*(?:[A-Za-z]+\.?\s+)?\$\s?\d")


@lru_cache(maxsize=16)
def _converted_into(code: str) -> re.Pattern[str]:
    """A bare '$' amount with this dollar's amount in brackets after it: '$2bn (A$3.1bn)'."""
    spellings = sorted(
        (s for s, c in _dollar_markers().items() if c == code and "$" in s), key=len, reverse=True
    )
    symbols = "|".join(re.escape(s) for s in spellings) or "(?!)"
    return re.compile(rf"(?<![A-Za-z$])\$\s?{_AMOUNT}\s*\(\s*(?:{symbols})\s?\d")


def article_currency(text: str, declared: str | None = None) -> str | None:
    """The ISO code a bare '$' stands for in this article, or None when it is the US dollar.

    ``declared`` (front matter ``currency: AUD``) wins. Otherwise an article that names another
    dollar explicitly ('A$', '$A', 'NZ$', 'Australian dollars') writes its bare '$' in that dollar
    when it also marks US dollars ('$US3bn'), or when no bare '$' amount is a conversion in
    brackets ('A$512 billion ($337 billion)', '1.7 billion pounds ($2.2 billion)'): such an
    article keeps its bare '$' for the US dollar. An article that marks only US dollars ('$US500m')
    writes its bare '$' in the dollar of the country it names most that has one (Australia,
    Canada, New Zealand ...). Otherwise '$' is the US dollar.

    >>> article_currency("A first grant of $A640 million. The state pays $650m.")
    'AUD'
    >>> article_currency("It will cost A$512 billion ($337 billion).") is None
    True
    >>> article_currency("Australia paid $US500m of the $800m it owes.")
    'AUD'
    """
    if declared:
        code = parse_currency(declared) or declared.strip().upper()
        return None if code == BASE_DOLLAR else code
    local: Counter[str] = Counter()
    first: dict[str, int] = {}
    us_marked = False
    for m in _marker_regex().finditer(text):
        found = _marked(m.group(0))
        if found == BASE_DOLLAR:
            us_marked = True
        elif found:
            local[found] += 1
            first.setdefault(found, m.start())
    if not local:
        # '$US500m' beside a bare '$650m': the bare '$' is the dollar of the country the article is
        # most about, when that country has one of its own
        return _home_dollar(text) if us_marked else None
    code = min(local, key=lambda c: (-local[c], first[c]))
    if not us_marked and (_BARE_CONVERSION.search(text) or _converted_into(code).search(text)):
        return None
    return code


def names_no_dollar(text: str, declared: str | None = None) -> bool:
    """Whether the text never says which dollar it means: no declared currency, no 'A$', '$US',
    'AUD' or 'Australian dollars' anywhere (so a bare '$' is read as the US dollar by default)."""
    return not declared and _marker_regex().search(text) is None


def dollar_marker(text: str) -> str | None:
    """The dollar a claim's text names ('A$368 billion' -> 'AUD', 'US$235 billion' -> 'USD'), or None."""
    m = _marker_regex().search(text)
    return _marked(m.group(0)) if m else None


def _marked(marker: str) -> str | None:
    """The code of a dollar marker that _marker_regex found ('A$', '$US', 'Australian dollars')."""
    return _dollar_markers().get(marker) or parse_currency(" ".join(marker.split()))


def usd_bounds(lo: float, hi: float, code: str | None, as_of: str | None) -> tuple[float, float] | None:
    """The least and the most that amounts from ``lo`` to ``hi`` in ``code``, told as of ``as_of``
    (an ISO date, or None), were worth in US dollars at any rate of the period data/currencies.json
    covers; None for a currency it has no rate for, or an amount of a year outside the period.

    >>> usd_bounds(100.0, 100.0, "EUR", "2023-03-14")
    (95.0, 125.0)
    """
    lex = lexicon()
    rate = lex.usd_rates.get(code or "")
    first, last = lex.rates_period
    year = int(as_of[:4]) if as_of and as_of[:4].isdigit() else None
    if rate is None or (year is not None and not first <= year <= last):
        return None
    low = lo * (rate[0] if lo >= 0 else rate[1])
    high = hi * (rate[1] if hi >= 0 else rate[0])
    return low, high
