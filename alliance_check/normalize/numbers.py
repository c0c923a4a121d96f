"""Numbers as written in news text -> value, precision and qualifier."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from alliance_check.resources import lexicon

DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+"


@dataclass(frozen=True)
class ParsedNumber:
    """A number with the size of its last stated digit and the hedge in front of it."""

    value: float
    precision: float
    qualifier: str = "exact"
    spelled: bool = False


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def number_regex() -> str:
    """The regular expression (source) of one number: digits, digits with a scale word, or words."""
    lex = lexicon()
    word = _alternation([*lex.number_units, *lex.number_tens])
    scale = _alternation([*lex.number_scales, *lex.scale_abbreviations])
    mult = _alternation(list(lex.number_multiples))
    indefinite = _alternation(sorted(lex.indefinite - {"one"}))
    any_word = rf"(?:{word}|{scale}|{mult})"
    word_seq = rf"(?:{word})(?:(?:\s+and\s+|\s*-\s*|\s+){any_word})*"
    digit_scale = rf"(?:{DIGITS})(?:\s*-?\s*(?:{scale})\b)*"
    a_scale = rf"(?:{indefinite})\s+(?:{scale}|{mult})(?:(?:\s+and\s+|\s*-\s*|\s+){any_word})*"
    return rf"(?:{digit_scale}|{a_scale}|{word_seq})"


@lru_cache(maxsize=1)
def hedge_regex() -> str:
    """The regular expression (source) of a hedge such as 'about' or 'more than'."""
    return _alternation(list(lexicon().hedges))


_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?|\.\d+|[A-Za-z]+")


def _trailing_zero_unit(value: float) -> float:
    """Size of the last significant digit of a whole number: 55000 -> 1000."""
    if value == 0 or value != int(value):
        return 1.0
    n = int(abs(value))
    unit = 1
    while n % 10 == 0:
        n //= 10
        unit *= 10
    return float(unit)


def _digits_precision(text: str) -> float:
    if "." in text:
        return 10.0 ** -len(text.split(".", 1)[1])
    return _trailing_zero_unit(float(text.replace(",", "")))


def parse_number(text: str) -> ParsedNumber | None:
    """Read one number phrase; None when it is not one.

    >>> parse_number("about 3 billion")
    ParsedNumber(value=3000000000.0, precision=1000000000.0, qualifier='approx', spelled=False)
    """
    lex = lexicon()
    phrase = " ".join(text.strip().split())
    qualifier = "exact"
    match = re.match(rf"(?i)({hedge_regex()})\s*", phrase)
    if match and re.fullmatch(rf"(?i){number_regex()}", phrase[match.end() :]):
        qualifier = lex.hedges[match.group(1).lower()]
        phrase = phrase[match.end() :]
    if not phrase or not re.fullmatch(rf"(?i){number_regex()}", phrase):
        return None

    total = 0.0
    current: float | None = None
    precision: float | None = None
    spelled = False
    for tok in _TOKEN.findall(phrase):
        low = tok.lower()
        if tok[0].isdigit() or tok[0] == ".":
            current = float(tok.replace(",", ""))
            precision = _digits_precision(tok)
        elif low in lex.number_units or low in lex.number_tens:
            spelled = True
            current = (current or 0.0) + lex.number_units.get(low, lex.number_tens.get(low, 0))
        elif low in lex.indefinite:
            current = 1.0
            spelled = True
        elif low in lex.number_multiples:
            current = (current if current is not None else 1.0) * lex.number_multiples[low]
            spelled = True
        elif low == "hundred":
            current = (current if current is not None else 1.0) * 100
            if precision is not None:
                precision *= 100
        elif low in lex.number_scales or low in lex.scale_abbreviations:
            scale = lex.number_scales.get(low) or lex.scale_abbreviations[low]
            total += (current if current is not None else 1.0) * scale
            if precision is not None:
                precision *= scale
            current = None
        elif low == "and":
            continue
        else:
            return None
    value = total + (current or 0.0)
    if spelled or precision is None:
        precision = _trailing_zero_unit(value)
    if math.isnan(value) or math.isinf(value):
        return None
    return ParsedNumber(value=value, precision=precision, qualifier=qualifier, spelled=spelled)


def is_spelled(text: str) -> bool:
    """True when the number is written in words only ('two', not '2')."""
    return not any(ch.isdigit() for ch in text)
