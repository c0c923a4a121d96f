"""Numbers as written in news text -> value, precision and qualifier.

A small grammar over tokens (digits, number words, scale words, fractions, 'and', 'point')
reads the longest valid number at each place, so 'one, two and three' gives three numbers
and 'one hundred and sixty-one' gives one.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from alliance_check.resources import lexicon

DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+"
MAX_TOKENS = 15  # tokens after the first that one run of number tokens may hold


@dataclass(frozen=True)
class ParsedNumber:
    """A number with the size of its last stated digit and the hedge in front of it."""

    value: float
    precision: float
    qualifier: str = "exact"
    spelled: bool = False


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _word_lists() -> tuple[list[str], list[str]]:
    lex = lexicon()
    numeric = [*lex.number_units, *lex.number_tens, *lex.number_scales, *lex.scale_abbreviations]
    numeric += [*lex.number_multiples, *lex.fractions]
    return numeric, [*lex.negative, *lex.point]


@lru_cache(maxsize=1)
def number_regex() -> str:
    """The regular expression (source) of a run of number tokens; the grammar splits it later."""
    lex = lexicon()
    numeric, _ = _word_lists()
    words = _alternation(numeric)
    suffix = _alternation(list(lex.suffix_scales))
    digit = rf"(?:{DIGITS})(?:(?:{suffix})(?![A-Za-z]))?"
    frac = r"\d+/\d+"
    start_word = _alternation([*lex.number_units, *lex.number_tens, *lex.number_multiples])
    indefinite = _alternation(sorted(lex.indefinite - {"one"}))
    scale_like = _alternation([*lex.number_scales, *lex.number_multiples, *lex.fractions])
    tok = rf"(?:{frac}(?![\d/])|{digit}|(?:{words})\b)"
    first = rf"(?:{frac}(?![\d/])|{digit}|(?:{start_word})\b|(?:{indefinite})\s+(?:{scale_like})\b)"
    join = r"(?:\s+and\s+(?:a\s+|an\s+)?|\s*&\s*|\s*-\s*|\s+(?:point|dot)\s+|\s+)"
    sign = _alternation(sorted(lex.negative))
    # a number phrase has a few tokens ('one hundred twenty three thousand four hundred fifty six');
    # a cap keeps a row of a thousand numbers from being matched and backtracked at each start
    return rf"(?:(?:(?:{sign})\s+|-\s?(?=\d))?{first}(?:{join}{tok}){{0,{MAX_TOKENS}}})"


@lru_cache(maxsize=1)
def hedge_regex() -> str:
    """The regular expression (source) of a hedge such as 'about' or 'more than'."""
    return _alternation(list(lexicon().hedges))


@lru_cache(maxsize=1)
def _token_regex() -> re.Pattern[str]:
    """Tokens of a number run; a scale suffix ('650m', '3bn', '50k') belongs to its digits."""
    suffix = _alternation(list(lexicon().suffix_scales))
    return re.compile(
        r"(?P<frac>\d+/\d+)|(?P<dig>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)"
        rf"(?:(?P<suf>{suffix})(?![A-Za-z]))?|(?P<word>[A-Za-z]+)|(?P<sym>[-–&])"
    )


@dataclass
class _Tok:
    kind: str  # digit, frac, word, sym
    text: str
    start: int
    end: int
    suffix: str | None = None


def _tokens(text: str) -> list[_Tok]:
    out: list[_Tok] = []
    for m in _token_regex().finditer(text):
        kind = next(k for k in ("frac", "dig", "word", "sym") if m.group(k) is not None)
        out.append(_Tok(kind, m.group(kind), m.start(), m.end(), m.group("suf")))
    return out


def on_grid(value: float, precision: float) -> float:
    """A scaled value rounded to its stated precision when that is a whole unit or more, so that
    binary fractions do not show: 4.1 * 1e9 is 4.1e9, not 4099999999.9999995.

    >>> on_grid(4.1 * 1e9, 1e8), on_grid(1 / 3, 0.01)
    (4100000000.0, 0.3333333333333333)
    """
    if precision < 1 or math.isinf(value) or math.isnan(value):
        return value
    return float(round(value / precision) * precision)


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


def _fraction(text: str) -> float | None:
    num, den = (int(x) for x in text.split("/"))
    if den in (0, 1) or den > 100 or num >= den:
        return None
    return num / den


class _Reader:
    """Reads the longest valid number starting at one token."""

    def __init__(self, toks: list[_Tok]) -> None:
        self.toks = toks
        self.lex = lexicon()

    def word(self, i: int) -> str:
        return self.toks[i].text.lower() if i < len(self.toks) and self.toks[i].kind == "word" else ""

    def small(self, w: str) -> int | None:
        lex = self.lex
        if w in lex.number_units:
            return lex.number_units[w]
        if w in lex.number_tens:
            return lex.number_tens[w]
        return None

    def read(self, i: int) -> tuple[int, ParsedNumber] | None:
        lex, toks = self.lex, self.toks
        n = len(toks)
        sign = 1.0
        # a hyphen straight after a number joins two numbers ('6-1', '30-45'): never a minus sign
        hyphen = i < n and toks[i].text == "-" and (i == 0 or toks[i - 1].kind not in ("dig", "frac", "word"))
        signed = self.word(i) in lex.negative or hyphen
        if signed and i + 1 < n and (toks[i + 1].kind == "dig" or self.small(self.word(i + 1)) is not None):
            sign, i = -1.0, i + 1
        total = 0.0
        current: float | None = None
        precision: float | None = None
        spelled = False
        last = ""
        min_scale = math.inf
        best: tuple[int, float, float | None, bool] | None = None

        def commit(j: int) -> None:
            nonlocal best
            best = (j, total + (current or 0.0), precision, spelled)

        while i < n:
            t = toks[i]
            w = self.word(i)
            if t.kind == "dig":
                if last not in ("", "scale", "and", "hundred"):
                    break
                if last == "hundred" and current is not None and current % 100 != 0:
                    break
                v = float(t.text.replace(",", ""))
                p = _digits_precision(t.text)
                if t.suffix:
                    factor = lex.suffix_scales[t.suffix]
                    v, p = v * factor, p * factor
                if i + 1 < n and toks[i + 1].kind == "frac" and "." not in t.text and not t.suffix:
                    f = _fraction(toks[i + 1].text)
                    if f is not None:
                        current, precision, last = (current or 0.0) + v + f, 0.01, "digit"
                        i += 2
                        commit(i)
                        continue
                current = (current or 0.0) + v
                precision = p if last == "" else min(precision or p, p)
                last = "digit"
            elif t.kind == "frac":
                f = _fraction(t.text)
                if f is None or last != "":
                    break
                current, precision, last = f, 0.01, "frac"
            elif w in lex.number_units or w in lex.number_tens:
                v = float(self.small(w) or 0)
                spelled = True
                if w in lex.number_tens and last not in ("", "hundred", "scale", "and"):
                    break
                if w in lex.number_units and v >= 10 and last not in ("", "hundred", "scale", "and"):
                    break
                if w in lex.number_units and v < 10 and last not in ("", "hundred", "scale", "and", "tens"):
                    break
                if last == "and" and current is None and total == 0:
                    break
                current = (current or 0.0) + v
                precision = None
                last = "tens" if w in lex.number_tens else "unit"
            elif w == "hundred" or w == "hundreds":
                if last not in ("unit", "tens", "digit", "indef") or (current or 0) >= 100:
                    break
                current = (current if current is not None else 1.0) * 100
                if precision is not None:
                    precision *= 100
                last = "hundred"
            elif w in lex.number_scales or w in lex.scale_abbreviations:
                scale = float(lex.number_scales.get(w) or lex.scale_abbreviations[w])
                if (
                    last not in ("unit", "tens", "digit", "hundred", "indef", "point", "frac")
                    or scale >= min_scale
                ):
                    break
                total += (current if current is not None else 1.0) * scale
                if precision is not None:
                    precision *= scale
                current, min_scale, last = None, scale, "scale"
            elif w in lex.number_multiples:
                if last not in ("unit", "tens", "digit", "indef", ""):
                    break
                current = (current if current is not None else 1.0) * lex.number_multiples[w]
                spelled, last = True, "mult"
            elif w in ("a", "an") and last == "" and self._scale_follows(i + 1):
                current, spelled, last = 1.0, True, "indef"
                i += 1
                continue
            elif w in lex.point and last in ("unit", "tens", "digit", "hundred") and current is not None:
                dec = self._decimals(i + 1)
                if dec is None:
                    break
                frac_value, frac_digits, j = dec
                current += frac_value
                precision = 10.0**-frac_digits
                last, i = "point", j
                commit(i)
                continue
            elif w == "and" or t.text == "&":
                follow = self.word(i + 1)
                if follow in ("a", "an") and self.word(i + 2) in lex.fractions:
                    if current is None:
                        break
                    current += lex.fractions[self.word(i + 2)]
                    precision, last, i = 0.01, "frac", i + 3
                    commit(i)
                    continue
                if last not in ("hundred", "scale"):
                    break
                last = "and"
                i += 1
                continue
            elif w in lex.fractions and last in ("unit", "indef") and current is not None and current < 10:
                current = current * lex.fractions[w]
                precision, last = 0.01, "frac"
            elif t.text == "-" and self._hyphen_continues(last, i + 1):
                i += 1
                continue
            else:
                break
            i += 1
            commit(i)
        if best is None:
            return None
        end, value, prec, was_spelled = best
        if prec is None:
            prec = _trailing_zero_unit(value)
        if math.isnan(value) or math.isinf(value):
            return None
        return end, ParsedNumber(value=sign * on_grid(value, prec), precision=prec, spelled=was_spelled)

    def _hyphen_continues(self, last: str, i: int) -> bool:
        """'one-half', 'twenty-one': a hyphen inside a number."""
        follow = self.word(i)
        if last in ("unit", "tens", "indef") and follow in self.lex.fractions:
            return True
        return last == "tens" and self.small(follow) is not None

    def _scale_follows(self, i: int) -> bool:
        w = self.word(i)
        lex = self.lex
        return w in lex.number_scales or w in lex.number_multiples or w in lex.fractions or w == "hundred"

    def _decimals(self, i: int) -> tuple[float, int, int] | None:
        if i < len(self.toks) and self.toks[i].kind == "dig" and self.toks[i].text.isdigit():
            digits = self.toks[i].text
            return float("0." + digits), len(digits), i + 1
        digits = ""
        while self.word(i) in self.lex.number_units and self.lex.number_units[self.word(i)] < 10:
            digits += str(self.lex.number_units[self.word(i)])
            i += 1
        if not digits:
            return None
        return float("0." + digits), len(digits), i


def split_numbers(text: str) -> list[tuple[int, int, ParsedNumber]]:
    """Every number in a run of number tokens, as (start, end, parsed), longest first at each place.

    >>> [(s, e, p.value) for s, e, p in split_numbers("one, two and three")]
    [(0, 3, 1.0), (5, 8, 2.0), (13, 18, 3.0)]
    """
    toks = _tokens(text)
    reader = _Reader(toks)
    out: list[tuple[int, int, ParsedNumber]] = []
    i = 0
    while i < len(toks):
        found = reader.read(i)
        if found is None:
            i += 1
            continue
        end, parsed = found
        out.append((toks[i].start, toks[end - 1].end, parsed))
        i = end
    return out


def scale_of(text: str) -> float:
    """The factor of the scale word or suffix a number phrase ends with; 1.0 when it has none.

    >>> scale_of("420 billion"), scale_of("47b"), scale_of("$650 m"), scale_of("5,500")
    (1000000000.0, 1000000000.0, 1000000.0, 1.0)
    """
    lex = lexicon()
    toks = _tokens(text)
    if not toks:
        return 1.0
    last = toks[-1]
    if last.kind == "dig":
        return float(lex.suffix_scales[last.suffix]) if last.suffix else 1.0
    word = last.text.lower()
    factor = lex.number_scales.get(word) or lex.scale_abbreviations.get(word)
    if factor is None and len(toks) > 1 and toks[-2].kind == "dig":
        factor = lex.money_scale_abbreviations.get(word)  # '$800 m': a letter apart from its digits
    return float(factor or 1.0)


def parse_number(text: str) -> ParsedNumber | None:
    """Read one number phrase; None when it is not exactly one number.

    >>> parse_number("about 3 billion")
    ParsedNumber(value=3000000000.0, precision=1000000000.0, qualifier='approx', spelled=False)
    """
    lex = lexicon()
    phrase = " ".join(text.strip().split())
    qualifier = "exact"
    match = re.match(rf"(?i)({hedge_regex()})\s*", phrase)
    if match and phrase[match.end() :]:
        rest = phrase[match.end() :]
        found = split_numbers(rest)
        if len(found) == 1 and found[0][0] == 0 and found[0][1] == len(rest):
            qualifier = lex.hedges[match.group(1).lower()]
            phrase = rest
    found = split_numbers(phrase)
    if len(found) != 1 or found[0][0] != 0 or found[0][1] != len(phrase):
        return None
    parsed = found[0][2]
    return ParsedNumber(parsed.value, parsed.precision, qualifier, parsed.spelled)
