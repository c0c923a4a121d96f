"""Place names -> canonical names in the gazetteer, and whether one place contains another."""

from __future__ import annotations

import re
from functools import lru_cache

from alliance_check.resources import lexicon

_APOSTROPHES = re.compile(r"[’'ʻ`]")


def _key(name: str) -> str:
    text = " ".join(name.replace("\u00a0", " ").split()).strip(" ,;:")
    return text.lower()


def canonical_place(name: str) -> str | None:
    """A place name or demonym as written -> the gazetteer's name; None when unknown.

    >>> canonical_place("Hawai’i")
    'Hawaii'
    >>> canonical_place("the U.S.")
    'United States'
    """
    lex = lexicon()
    key = _key(name)
    bare = key.removeprefix("the ")
    for candidate in (key, bare, bare.rstrip("."), _APOSTROPHES.sub("", bare)):
        if candidate in lex.place_names:
            return lex.place_names[candidate]
        if candidate in lex.demonyms:
            return lex.demonyms[candidate]
    return _without_apostrophes().get(_APOSTROPHES.sub("", bare))


@lru_cache(maxsize=1)
def _without_apostrophes() -> dict[str, str]:
    """The gazetteer's names with apostrophes taken out, the first name of each such form winning:
    made once, not by a pass over the whole gazetteer for each unknown name."""
    out: dict[str, str] = {}
    for alias, canon in lexicon().place_names.items():
        out.setdefault(_APOSTROPHES.sub("", alias), canon)
    return out


def normalize_place(name: str) -> str:
    """The gazetteer name when known, else the name tidied (spaces folded, 'the' dropped)."""
    name = re.sub(r"['’]s$", "", name.strip())  # 'North Korea's'
    known = canonical_place(name)
    if known:
        return known
    text = " ".join(name.split()).strip(" .,;:")
    return re.sub(r"(?i)^the\s+", "", text)


def ancestors(name: str) -> tuple[str, ...]:
    """The chain of places that contain this one, nearest first ('Tokyo' -> ('Japan',))."""
    lex = lexicon()
    chain: list[str] = []
    current = lex.places.get(name)
    while current and current.parent and current.parent not in chain:
        chain.append(current.parent)
        current = lex.places.get(current.parent)
    return tuple(chain)


def is_known(name: str) -> bool:
    """True when the gazetteer lists this canonical name."""
    return name in lexicon().places


def contains(outer: str, inner: str) -> bool:
    """True when ``inner`` lies within ``outer`` (or is the same place)."""
    return outer == inner or outer in ancestors(inner)
