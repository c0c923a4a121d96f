"""The one place that reads the lexicons in ``alliance_check/data``."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

DATA_FILES = (
    "numbers.json",
    "hedges.json",
    "units.json",
    "currencies.json",
    "places.json",
    "aliases.json",
    "subjects.json",
)
_extra_aliases: dict[str, tuple[str, ...]] = {}


def _text(name: str) -> str:
    return resources.files("alliance_check").joinpath("data").joinpath(name).read_text(encoding="utf-8")


def _load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(_text(name))
    return data


def set_extra_aliases(extra: dict[str, list[str]]) -> None:
    """Add a project's own names (from its configuration) to the domain's aliases."""
    global _extra_aliases
    cleaned = {str(k): tuple(str(a) for a in v) for k, v in sorted(extra.items())}
    if cleaned == _extra_aliases:
        return
    _extra_aliases = cleaned
    lexicon.cache_clear()
    lexicon_fingerprint.cache_clear()
    from alliance_check import mentions
    from alliance_check.normalize import names

    names.clear_caches()
    mentions.clear_caches()


@lru_cache(maxsize=1)
def lexicon_fingerprint() -> str:
    """A hash of every lexicon and the extra aliases: what the claims found depend on."""
    digest = hashlib.sha256()
    for name in DATA_FILES:
        digest.update(_text(name).encode("utf-8"))
    digest.update(json.dumps(_extra_aliases, sort_keys=True).encode("utf-8"))
    return digest.hexdigest()[:16]


@dataclass(frozen=True)
class UnitInfo:
    """A unit's canonical code, its dimension and its factor to the dimension's base unit."""

    code: str
    dimension: str
    factor: float
    offset: float = 0.0  # degrees Fahrenheit: not a plain multiple of the base, never converted


@dataclass(frozen=True)
class PlaceInfo:
    """A gazetteer entry."""

    name: str
    parent: str | None
    type: str


@dataclass(frozen=True)
class EntityInfo:
    """A named organisation, event, product or document of the domain."""

    canonical: str
    type: str
    country: str | None
    location: str | None


@dataclass(frozen=True)
class Lexicon:
    """Every lexicon, loaded once; lookups are lower-cased unless said otherwise."""

    number_units: dict[str, int]
    number_tens: dict[str, int]
    number_multiples: dict[str, int]
    number_scales: dict[str, int]
    scale_abbreviations: dict[str, int]
    money_scale_abbreviations: dict[str, int]
    indefinite: frozenset[str]
    fractions: dict[str, float]
    suffix_scales: dict[str, int]
    negative: frozenset[str]
    point: frozenset[str]
    hedges_after: dict[str, str]
    date_fillers: tuple[str, ...]
    ordinals: frozenset[str]
    hedges: dict[str, str]  # phrase -> qualifier
    date_hedges: dict[str, str]
    dimensions: dict[str, dict[str, Any]]
    units: dict[str, UnitInfo]  # canonical code -> info
    unit_names: dict[str, tuple[str, float]]  # spelling (lower) -> (code, multiplier)
    unit_before: dict[str, str]  # spelling written before the number ('magnitude', 'M') -> code
    unit_attached: dict[str, str]  # spelling only straight after digits, case kept ('40C') -> code
    currency_symbols: dict[str, str]  # symbol as written -> ISO code
    currency_names: dict[str, str]  # name (lower) -> ISO code
    currency_codes: frozenset[str]
    bare_currency: frozenset[str]  # '$', 'dollars': say money, not which dollar
    money_context: frozenset[str]
    places: dict[str, PlaceInfo]  # canonical -> info
    place_names: dict[str, str]  # alias (lower) -> canonical
    demonyms: dict[str, str]  # demonym (lower) -> canonical country
    entities: dict[str, EntityInfo]  # canonical -> info
    entity_names: dict[str, str]  # alias (lower) -> canonical
    conditional_entity_names: dict[str, tuple[str, frozenset[str]]]  # alias -> (canonical, required places)
    head_synonyms: dict[str, str]  # word or phrase (lower) -> head class
    event_nouns: dict[str, str]  # noun or phrase (lower) -> event class
    event_verbs: dict[str, str | None]  # verb lemma -> event class (None: take the object)
    place_prepositions: frozenset[str]
    location_verbs: frozenset[str]
    host_verbs: frozenset[str]
    label_words: frozenset[str]
    definite_determiners: frozenset[str]
    count_compounds: frozenset[str]
    recurring_events: frozenset[str]
    destination_prepositions: frozenset[str]
    verb_heads: dict[str, str]
    duration_spans: frozenset[str]
    previous_value: tuple[str, ...]
    change_words: frozenset[str]
    open_ends: tuple[str, ...]
    span_markers: frozenset[str]
    score_words: frozenset[str]
    phone_words: frozenset[str]


def _invert(groups: dict[str, list[str]]) -> dict[str, str]:
    return {word.lower(): key for key, words in groups.items() for word in words}


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Read every data file once and index it for lookups."""
    numbers = _load("numbers.json")
    hedges = _load("hedges.json")
    units_data = _load("units.json")
    currencies = _load("currencies.json")
    places_data = _load("places.json")
    aliases = _load("aliases.json")
    subjects = _load("subjects.json")

    units: dict[str, UnitInfo] = {}
    unit_names: dict[str, tuple[str, float]] = {}
    unit_before: dict[str, str] = {}
    unit_attached: dict[str, str] = {}
    for code, info in units_data["units"].items():
        units[code] = UnitInfo(code, info["dimension"], float(info["factor"]), float(info.get("offset", 0.0)))
        for name in info.get("before", []):
            unit_before[name] = code
        for name in info.get("attached", []):
            unit_attached[name] = code
        for name in info["names"]:
            unit_names[name.lower()] = (code, 1.0)
        for name, mult in info.get("scaled", {}).items():
            unit_names[name.lower()] = (code, float(mult))

    symbols: dict[str, str] = {}
    names: dict[str, str] = {}
    for code, info in currencies.items():
        if code.startswith("_"):
            continue
        symbols[f"{code}$"] = code  # 'cad$ 15', 'nzd$15'

        for sym in info["symbols"]:
            symbols[sym] = code
        for name in info["names"]:
            names[name.lower()] = code

    places: dict[str, PlaceInfo] = {}
    place_names: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    for entry in places_data["places"]:
        places[entry["name"]] = PlaceInfo(entry["name"], entry["parent"], entry["type"])
        for alias in [entry["name"], *entry["aliases"]]:
            place_names[alias.lower()] = entry["name"]
            if alias.lower().startswith("the "):
                place_names[alias.lower()[4:]] = entry["name"]
        for dem in entry["demonyms"]:
            demonyms[dem.lower()] = entry["name"]

    entities: dict[str, EntityInfo] = {}
    entity_names: dict[str, str] = {}
    conditional: dict[str, tuple[str, frozenset[str]]] = {}
    by_name = {e["canonical"]: e for e in aliases["entities"]}
    for canonical, extra in _extra_aliases.items():
        if canonical in by_name:
            by_name[canonical]["aliases"] = [*by_name[canonical]["aliases"], *extra]
        else:
            aliases["entities"].append({"canonical": canonical, "type": "org", "aliases": list(extra)})
    for entry in aliases["entities"]:
        canon = entry["canonical"]
        entities[canon] = EntityInfo(canon, entry["type"], entry.get("country"), entry.get("location"))
        for alias in [canon, *entry["aliases"]]:
            entity_names[alias.lower()] = canon
        for cond in entry.get("conditional", []):
            for alias in cond["aliases"]:
                conditional[alias.lower()] = (canon, frozenset(cond["requires"]))

    return Lexicon(
        number_units=numbers["units"],
        number_tens=numbers["tens"],
        number_multiples=numbers["multiples"],
        number_scales=numbers["scales"],
        scale_abbreviations=numbers["scale_abbreviations"],
        money_scale_abbreviations=numbers["money_scale_abbreviations"],
        indefinite=frozenset(numbers["indefinite"]),
        fractions=numbers["fractions"],
        suffix_scales=numbers["suffix_scales"],
        negative=frozenset(numbers["negative"]),
        point=frozenset(numbers["point"]),
        hedges_after=_invert(hedges["after"]),
        date_fillers=tuple(hedges["date_fillers"]),
        ordinals=frozenset(numbers["ordinals"]),
        hedges=_invert(hedges["number"]),
        date_hedges=_invert(hedges["date"]),
        dimensions=units_data["dimensions"],
        units=units,
        unit_names=unit_names,
        unit_before=unit_before,
        unit_attached=unit_attached,
        currency_symbols=symbols,
        currency_names=names,
        currency_codes=frozenset(c for c in currencies if not c.startswith("_")),
        bare_currency=frozenset(currencies["_bare"]),
        money_context=frozenset(currencies["_money_context"]),
        places=places,
        place_names=place_names,
        demonyms=demonyms,
        entities=entities,
        entity_names=entity_names,
        conditional_entity_names=conditional,
        head_synonyms=_invert(subjects["head_synonyms"]),
        event_nouns=_invert(subjects["event_nouns"]),
        event_verbs=subjects["event_verbs"],
        place_prepositions=frozenset(subjects["place_prepositions"]),
        location_verbs=frozenset(subjects["location_verbs"]),
        host_verbs=frozenset(subjects["host_verbs"]),
        label_words=frozenset(w.lower() for w in subjects["label_words"]),
        definite_determiners=frozenset(subjects["definite_determiners"]),
        count_compounds=frozenset(subjects["count_compounds"]),
        recurring_events=frozenset(subjects["recurring_events"]),
        destination_prepositions=frozenset(subjects["destination_prepositions"]),
        verb_heads=subjects["verb_heads"],
        duration_spans=frozenset(hedges["duration_spans"]),
        previous_value=tuple(sorted(hedges["previous_value"], key=len, reverse=True)),
        change_words=frozenset(hedges["change"]),
        open_ends=tuple(hedges["open_ends"]),
        span_markers=frozenset(hedges["span_markers"]),
        score_words=frozenset(numbers["score_words"]),
        phone_words=frozenset(numbers["phone_words"]),
    )
