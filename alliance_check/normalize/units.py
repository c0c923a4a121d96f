"""Units and currencies as written -> canonical codes, dimensions and conversions."""

from __future__ import annotations

import re
from functools import lru_cache

from alliance_check.resources import alternatives, lexicon


@lru_cache(maxsize=1)
def unit_regex() -> str:
    """Regular expression (source) of any unit spelling in the lexicon, longest first."""
    names = sorted(lexicon().unit_names, key=len, reverse=True)
    return "|".join(re.escape(n) for n in names)


def parse_unit(text: str) -> tuple[str, float] | None:
    """A unit spelling -> (canonical code, multiplier); None when unknown.

    >>> parse_unit("kilometres")
    ('km', 1.0)
    >>> parse_unit("decades")
    ('yr', 10.0)
    """
    return lexicon().unit_names.get(" ".join(text.lower().split()))


def dimension(unit: str | None) -> str | None:
    """The dimension of a canonical unit code ('km' -> 'length'); currencies are 'money'."""
    if unit is None:
        return None
    lex = lexicon()
    if unit in lex.units:
        return lex.units[unit].dimension
    if unit in lex.currency_codes:
        return "money"
    if unit in ("%", "pp"):
        return "ratio"
    return None


def to_base(value: float, unit: str | None) -> float:
    """Express a value in its dimension's base unit (km -> m); other units are left alone.

    >>> to_base(6.5, "km")
    6500.0
    """
    info = lexicon().units.get(unit or "")
    return value * info.factor if info else value


def convertible(a: str | None, b: str | None) -> bool:
    """True when values in these two units can be compared (same dimension, same currency).

    >>> convertible("km", "mi"), convertible("degC", "degF")
    (True, False)
    """
    if a == b:
        return True
    lex = lexicon()
    if a in lex.units and b in lex.units:
        ua, ub = lex.units[a], lex.units[b]
        # a scale with an offset (Fahrenheit) is not a multiple of its base: to_base cannot convert it
        return ua.dimension == ub.dimension and not (ua.offset or ub.offset)
    return False


@lru_cache(maxsize=1)
def unit_before_regex() -> str:
    """Regular expression (source) of unit spellings written before the number ('magnitude 6.1')."""
    return alternatives(lexicon().unit_before)


def parse_currency(text: str) -> str | None:
    """A currency symbol, code or name -> ISO 4217 code.

    >>> parse_currency("yen")
    'JPY'
    >>> parse_currency("$")
    'USD'
    """
    lex = lexicon()
    raw = " ".join(text.split())
    for form in (raw, raw.replace(" ", "")):
        if form in lex.currency_symbols:
            return lex.currency_symbols[form]
    if "$" in raw:  # 'us $', 'usd$', 'Aus$': a dollar sign makes any case a currency ('ft' stays feet)
        folded = _dollar_symbols()
        for form in (raw.lower(), raw.replace(" ", "").lower()):
            if form in folded:
                return folded[form]
    if raw.upper() in lex.currency_codes:
        return raw.upper()
    return lex.currency_names.get(raw.lower())


@lru_cache(maxsize=1)
def _dollar_symbols() -> dict[str, str]:
    symbols = lexicon().currency_symbols
    return {s.lower(): code for s, code in sorted(symbols.items()) if "$" in s}


@lru_cache(maxsize=1)
def currency_symbol_regex() -> str:
    """Regular expression (source) of currency symbols and codes written before an amount."""
    lex = lexicon()
    symbols = sorted([*lex.currency_symbols, *lex.currency_codes], key=len, reverse=True)
    return "|".join(re.escape(s).replace(r"\ ", r"\s?") for s in symbols)


@lru_cache(maxsize=1)
def currency_name_regex() -> str:
    """Regular expression (source) of currency names and codes written after an amount."""
    lex = lexicon()
    return alternatives([*lex.currency_names, *lex.currency_codes])
