"""Names of the domain's organisations and events ('SCC', '2+2', 'USFJ') -> canonical names."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from alliance_check.resources import EntityInfo, lexicon


@dataclass(frozen=True)
class NameMatch:
    """A known name found in text."""

    start: int
    end: int
    canonical: str
    info: EntityInfo


@lru_cache(maxsize=1)
def _name_regex() -> re.Pattern[str]:
    lex = lexicon()
    names = sorted([*lex.entity_names, *lex.conditional_entity_names], key=len, reverse=True)
    body = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


def _fold(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())


def find_names(text: str, places: frozenset[str] = frozenset()) -> list[NameMatch]:
    """Known names in ``text``; a conditional alias counts only when ``places`` has what it requires.

    >>> [m.canonical for m in find_names("the two-plus-two meeting")]
    ['Security Consultative Committee']
    """
    lex = lexicon()
    out: list[NameMatch] = []
    for match in _name_regex().finditer(text):
        key = _fold(match.group(0))
        canonical = lex.entity_names.get(key)
        if canonical is None and key in lex.conditional_entity_names:
            canonical, required = lex.conditional_entity_names[key]
            if not required <= places:
                continue
        if canonical is None:
            continue
        out.append(NameMatch(match.start(), match.end(), canonical, lex.entities[canonical]))
    return out


def clear_caches() -> None:
    """Forget compiled patterns after the aliases change."""
    _name_regex.cache_clear()
