"""Where no value may start: URLs, identifiers, footnotes, phone numbers, scores and ratios,
labels ('Article 9'), times of day and the domain's names that hold number words."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from alliance_check.mentions.values import unit_before_pattern
from alliance_check.resources import Domain, lexicon

_BLOCKERS = [
    r"(?i:\b(?:https?://|www\.)\S+)",
    r"\S+@\S+\.\w+",
    r"\[\s*\d+\s*\]",  # footnote markers
    # identifiers: F-35, PAC-3, COVID-19, G7, QF12:30 (not 'mid-2030s', 'Q3', 'FY2024', which are dates)
    r"(?<![\w$€£¥])(?!(?i:mid|early|late|pre|post|end|start)[-‐]\d|Q[1-4]\b|FY\s?\d)[A-Za-z]+[-‐]?\d(?:[\w‐-]|:\d)*",
    r"\b\d+[A-Za-z]+\d[\w]*",  # hashes and codes: 30d1d3624b24
    r"\b\d+\s?[+×x]\s?\d+\b",  # 2+2, 4x4
    r"(?i:\b[a-z]+-plus-[a-z]+\b)",  # 'two-plus-two': a name of a format, not two numbers
    r"\bv\d+(?:\.\d+)+\b|\b\d+\.\d+\.\d+\.\d+\b|\b\d+\.\d+\.\d{1,3}\b(?!\.\d)",  # versions, IPs
    r"\+\d{1,3}[\s.-]?\(?\d{1,4}\)?(?:[\s.-]?\d{2,4}){2,4}",  # phone numbers
    r"\(\d{3}\)\s?\d{3}[-.\s]\d{4}|\b(?:1-)?\d{3}-\d{3}-\d{4}\b|\b(?:1\.)?\d{3}\.\d{3}\.\d{4}\b",
    r"#\d+",
    r"(?<![\w.,])\(?0\d{1,4}\)?(?:[\s-]\d{3,4}){2}(?![\w.,]\d)",  # 020 7946 0958, 0800 123 4567
    r"\b\d+(?:\.\d+)?\s?:\s?\d(?![\d:])|\b\d{3,}:\d+",  # ratios and scales: 3:1, 16:9, 1:50000
    r"\b\d+-(?i:to)-\d+\b",  # a 3-to-1 margin
    r"\b\d+(?:-\d+){3,}\b|\b\d{3}-\d+-\d+\b",  # codes in parts: 123-12-1234 (a date starts with 1, 2 or 4)
]


# times of day: no number may start inside one (they are read as times, see normalize/times.py)
_TIME_BLOCKERS = [
    r"\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?",
    r"\b\d{1,2}\s*[ap]\.?m\.?(?!\w)",
]


@lru_cache(maxsize=1)
def _blocker_regex() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in _BLOCKERS))


@lru_cache(maxsize=1)
def time_blocker_regex() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in _TIME_BLOCKERS))


@lru_cache(maxsize=8)
def _named_numbers(domain: Domain) -> tuple[re.Pattern[str], frozenset[str]]:
    """Names of the domain that contain number words ('two-plus-two'), and those words."""
    lex = lexicon()
    number_words = set(lex.number_units) | set(lex.number_tens)
    names = [
        alias
        for alias in domain.names
        if not any(ch.isdigit() for ch in alias) and number_words & set(re.split(r"[\s-]+", alias))
    ]
    words = frozenset(w for n in names for w in re.split(r"[\s-]+", n) if w in number_words)
    body = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) or "(?!)"
    return re.compile(rf"(?i:(?<!\w)(?:{body})(?!\w))"), words


_LABELLED = re.compile(
    r"\b(?P<label>[A-Za-z]+\.?)\s+\d+[A-Za-z]?(?:\s?[-–]\s?\d+[A-Za-z]?)?\b"
)  # 'pages 12-15'


def blocked_spans(text: str, domain: Domain) -> list[tuple[int, int]]:
    """Where no value may start: URLs, identifiers, footnotes, times, phone numbers, labels, names."""
    spans = [
        (m.start(), m.end())
        for m in _blocker_regex().finditer(text)
        if not (_is_currency_code(m.group(0)) or unit_before_pattern().match(text, m.start()))
    ]
    spans += _scores_and_phones(text)
    labels = lexicon().label_words
    spans += [(m.start(), m.end()) for m in _LABELLED.finditer(text) if m.group("label").lower() in labels]
    pattern, words = _named_numbers(domain)
    lowered = text.lower()
    if any(w in lowered for w in words):
        spans += [(m.start(), m.end()) for m in pattern.finditer(text)]
    return spans


_PAIR = re.compile(
    r"(?<![\w.,$€£¥-])(?P<a>\d{1,3})(?P<j>\s?[-–]\s?|\s+to\s+)(?P<b>\d{1,4})(?![\w%°]|[.,]\d|\s?[-–]\s?\d)"
)


_WORD_BEFORE = re.compile(r"(?i)(?:^|\W)(?P<w>[a-z]+)\W*(?:(?:a|an|the|by|of|in|was|is|were)\W+){0,2}$")


_WORD_AFTER = re.compile(r"(?i)^\W*(?:(?:a|an|the)\W+)?(?P<w>[a-z]+)")


def _scores_and_phones(text: str) -> list[tuple[int, int]]:
    """Two numbers that are a score, a vote or a ratio ('won 6-1', 'a 4-2 vote', 'a 5 to 4 decision',
    'a 60-40 split'), or a local telephone number ('call 555-0199'): labels, never values.

    A hyphen between two numbers is a range only when they ascend ('30-45 medics'); a pair that
    descends or stays level ('6-1', '1-1') is a score or a ratio whatever the words around it.
    """
    lex = lexicon()
    out: list[tuple[int, int]] = []
    for m in _PAIR.finditer(text):
        a, b = int(m.group("a")), int(m.group("b"))
        before = _WORD_BEFORE.search(text[max(0, m.start() - 30) : m.start()])
        after = _WORD_AFTER.match(text[m.end() : m.end() + 20])
        near = {x.group("w").lower() for x in (before, after) if x}
        hyphen = "to" not in m.group("j")
        phone = near & lex.phone_words and hyphen and len(m.group("a")) == 3 and len(m.group("b")) == 4
        if phone or (hyphen and a >= b) or near & lex.score_words:
            out.append((m.start(), m.end()))
    return out


class Spans:
    """Blocked stretches of a text, sorted once so that each query is a binary search."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self.starts = [s for s, _ in spans]
        self.reach: list[int] = []  # the furthest end among the spans up to each index
        for _, e in spans:
            self.reach.append(max(e, self.reach[-1]) if self.reach else e)

    def free(self, start: int, end: int) -> bool:
        """No blocked stretch overlaps [start, end)."""
        i = bisect_left(self.starts, end)  # spans[:i] start before ``end``
        return i == 0 or self.reach[i - 1] <= start


def _is_currency_code(text: str) -> bool:
    lex = lexicon()
    letters = re.match(r"[A-Za-z]+", text)
    if not letters:
        return False
    word = letters.group(0)
    # 'USD3.14', 'Rs20', 'RM15': a code or a symbol made of letters, written against its amount
    return word.upper() in lex.currency_codes or lex.currency_symbols.get(word) is not None
