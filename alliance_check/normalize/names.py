"""Names of a domain's organisations and events ('SCC', '2+2', 'USFJ') -> canonical names."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from alliance_check.resources import Domain, EntityInfo, alternatives


@dataclass(frozen=True)
class NameMatch:
    """A known name found in text."""

    start: int
    end: int
    canonical: str
    info: EntityInfo


@lru_cache(maxsize=8)
def _name_regex(domain: Domain) -> re.Pattern[str] | None:
    names = sorted([*domain.names, *domain.conditional], key=len, reverse=True)
    if not names:
        return None
    body = alternatives(names)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


def _fold(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())


def find_names(text: str, domain: Domain, places: frozenset[str] = frozenset()) -> list[NameMatch]:
    """Known names in ``text``; a conditional alias counts only when ``places`` has what it requires.

    >>> from alliance_check.resources import load_domain
    >>> [m.canonical for m in find_names("the two-plus-two meeting", load_domain(("us-japan",)))]
    ['Security Consultative Committee']
    """
    pattern = _name_regex(domain)
    if pattern is None:
        return []
    out: list[NameMatch] = []
    for match in pattern.finditer(text):
        key = _fold(match.group(0))
        canonical = domain.names.get(key)
        if canonical is None and key in domain.conditional:
            canonical, required = domain.conditional[key]
            if not required <= places:
                continue
        if canonical is None:
            continue
        out.append(NameMatch(match.start(), match.end(), canonical, domain.entities[canonical]))
    return out
