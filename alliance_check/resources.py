"""The one place that reads the lexicons in ``alliance_check/data``."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

DATA_FILES = (
    "numbers.json",
    "hedges.json",
    "units.json",
    "currencies.json",
    "places.json",
    "world_places.json",
    "subjects.json",
    "calendar.json",
    "synonyms.json",
    "weights.json",
)


def _text(name: str) -> str:
    return resources.files("alliance_check").joinpath("data").joinpath(name).read_text(encoding="utf-8")


def _load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(_text(name))
    return data


@lru_cache(maxsize=1)
def lexicon_fingerprint() -> str:
    """A hash of every lexicon of the language: part of what the claims found depend on."""
    digest = hashlib.sha256()
    for name in DATA_FILES:
        digest.update(_text(name).encode("utf-8"))
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
    near_bounds: tuple[str, ...]  # 'shortly after': a bound on a time of day that stays near it
    inclusive_bounds: frozenset[str]  # 'since', 'by': a bound that takes in the period it names
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
    usd_rates: dict[str, tuple[float, float]]  # ISO code -> lowest and highest worth in US dollars
    rates_period: tuple[int, int]  # the years usd_rates covers
    places: dict[str, PlaceInfo]  # canonical -> info
    place_names: dict[str, str]  # alias (lower) -> canonical
    currency_of: dict[str, str]  # country -> ISO 4217 code of its currency
    short_names: dict[str, str]  # canonical place -> its display form in topics ('United States' -> 'US')
    demonyms: dict[str, str]  # demonym (lower) -> canonical country
    synonyms: dict[str, str]  # word or phrase (lower) -> the property it names ('killed' -> 'casualties')
    reporting_verbs: frozenset[str]
    light_words: frozenset[str]
    deverbal_nouns: dict[str, str]  # 'endorsement' -> 'endorse': the verb a light verb's object is made from
    time_nouns: frozenset[str]
    facility_nouns: frozenset[str]
    area_nouns: frozenset[str]  # facility nouns of places that hold others ('river', 'port')
    running_tallies: frozenset[str]
    locative_prepositions: frozenset[str]
    revision: re.Pattern[str]  # 'up from an earlier estimate', 'revised': a figure that replaces one
    state: re.Pattern[str]  # '1,100 households still had no water': a figure of a state at that moment
    stock_verbs: frozenset[str]  # 'flies 25 jets', 'employs 1,500': a figure counts what there is
    change_verbs: frozenset[str]  # 'will retire 12 jets', 'hired 200': what is added or taken away
    change_nouns: frozenset[str]  # 'a $9 billion hit', 'a 5% rise': the figure is the size of a change
    delta_verbs: frozenset[str]  # 'fares rose 5%', 'costs rose by $2bn': so is the figure of such a verb
    total_before: re.Pattern[str]  # 'bringing aid to', 'a total of': the figure after is a sum of several
    total_after: re.Pattern[str]  # 'in two instalments', 'so far': the figure before is a sum
    motion_words: frozenset[str]  # 'sail', 'voyage': a place 'from' or 'to' them is one of an event
    order_words: dict[str, int]  # 'first' 1, 'second' 2, 'last' -1: which of several events or figures
    plan_words: frozenset[str]  # 'will', 'plans', 'target': a figure or date that is planned, not done
    event_nouns: dict[str, str]  # noun or phrase (lower) -> event class
    event_verbs: dict[str, str | None]  # verb lemma -> event class (None: take the object)
    occurrence_verbs: frozenset[str]  # 'happen', 'hear': the time they govern is their event's
    until_words: frozenset[str]  # 'flying until 2030': the time a state ends
    aspect_verbs: dict[str, str]  # 'start' -> 'begin', 'finish' -> 'end': the time of what begins or ends
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
    named_days: dict[str, tuple[int, int]]  # name (lower, no apostrophes) -> (month, day)
    not_counted_after_one: frozenset[str]  # 'one day', 'one way': 'one' before these counts nothing
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
    subjects = _load("subjects.json")
    calendar = _load("calendar.json")
    synonyms = _load("synonyms.json")

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
    currency_of: dict[str, str] = {}
    # the world gazetteer first, then the hand-made one, which wins where both name a place
    for entry in [*_load("world_places.json")["places"], *places_data["places"]]:
        known = places.get(entry["name"])
        parent = entry["parent"] if entry.get("parent") or known is None else known.parent
        places[entry["name"]] = PlaceInfo(entry["name"], parent, entry["type"])
        if entry.get("currency"):
            currency_of[entry["name"]] = entry["currency"]
        for alias in [entry["name"], *entry.get("aliases", [])]:
            place_names[alias.lower()] = entry["name"]
            if alias.lower().startswith("the "):
                place_names[alias.lower()[4:]] = entry["name"]
        for dem in entry.get("demonyms", []):
            demonyms[dem.lower()] = entry["name"]

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
        near_bounds=tuple(hedges["near_bounds"]),
        inclusive_bounds=frozenset(hedges["inclusive_bounds"]),
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
        usd_rates={
            code: (float(pair[0]), float(pair[1]))
            for code, pair in currencies["_usd_rates"].items()
            if not code.startswith("_") and code != "period"
        },
        rates_period=(int(currencies["_usd_rates"]["period"][0]), int(currencies["_usd_rates"]["period"][1])),
        places=places,
        place_names=place_names,
        currency_of=currency_of,
        short_names=places_data.get("_short_names", {}),
        demonyms=demonyms,
        synonyms=_invert(synonyms["properties"]),
        reporting_verbs=frozenset(synonyms["reporting_verbs"]),
        light_words=frozenset(synonyms["light_words"]),
        deverbal_nouns=synonyms["deverbal_nouns"],
        time_nouns=frozenset(synonyms["time_nouns"]),
        facility_nouns=frozenset(synonyms["facility_nouns"]),
        area_nouns=frozenset(synonyms["area_nouns"]),
        running_tallies=frozenset(synonyms["running_tallies"]),
        locative_prepositions=frozenset(synonyms["locative_prepositions"]),
        revision=_phrases(synonyms["revision_words"]),
        state=_phrases(synonyms["state_words"]),
        stock_verbs=frozenset(synonyms["stock_verbs"]),
        change_verbs=frozenset(synonyms["change_verbs"]),
        change_nouns=frozenset(synonyms["change_nouns"]),
        delta_verbs=frozenset(synonyms["delta_verbs"]),
        total_before=_phrases(synonyms["total_words_before"]),
        total_after=_phrases(synonyms["total_words_after"]),
        motion_words=frozenset(synonyms["motion_words"]),
        order_words=synonyms["order_words"],
        plan_words=frozenset(synonyms["plan_words"]),
        event_nouns=_invert(subjects["event_nouns"]),
        event_verbs=subjects["event_verbs"],
        occurrence_verbs=frozenset(subjects["occurrence_verbs"]),
        until_words=frozenset(subjects["until_words"]),
        aspect_verbs=_invert(subjects["aspect_verbs"]),
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
        not_counted_after_one=frozenset(subjects["not_counted_after_one"]),
        named_days={
            fold_name(name): (int(md[:2]), int(md[3:])) for name, md in calendar["named_days"].items()
        },
        change_words=frozenset(hedges["change"]),
        open_ends=tuple(hedges["open_ends"]),
        span_markers=frozenset(hedges["span_markers"]),
        score_words=frozenset(numbers["score_words"]),
        phone_words=frozenset(numbers["phone_words"]),
    )


def fold_name(text: str) -> str:
    """A name as looked up: lower case, apostrophes dropped, spaces folded ('New Year’s Day')."""
    return " ".join(text.lower().replace("’", "").replace("'", "").split())


Aliases = tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True)
class Domain:
    """Knowledge of one story, off unless configured: its organisations, events and documents
    with their other names ('SCC' = '2+2'), from domain packs and the project's own aliases."""

    packs: tuple[str, ...] = ()
    entities: dict[str, EntityInfo] = field(default_factory=dict, compare=False, hash=False)
    names: dict[str, str] = field(
        default_factory=dict, compare=False, hash=False
    )  # alias (lower) -> canonical
    conditional: dict[str, tuple[str, frozenset[str]]] = field(
        default_factory=dict, compare=False, hash=False
    )
    aliases: Aliases = ()
    fingerprint: str = ""


def alternatives(words: Iterable[str]) -> str:
    """A regular expression (source) matching any of these words or phrases, longest first, a space
    in a phrase matching any run of spaces or line breaks; '(?!)' (nothing) when there are none.

    >>> alternatives(["in", "north of"])
    'north\\\\s+of|in'
    """
    spelled = (re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    return "|".join(spelled) or "(?!)"


def _phrases(words: list[str]) -> re.Pattern[str]:
    """Any of these words or phrases, whole, in any case and spacing."""
    return re.compile(rf"(?i)\b(?:{alternatives(words)})\b")


def available_domains() -> list[str]:
    """The domain packs shipped in ``alliance_check/data/domains``."""
    folder = resources.files("alliance_check").joinpath("data").joinpath("domains")
    if not folder.is_dir():
        return []
    return sorted(p.name.removesuffix(".json") for p in folder.iterdir() if p.name.endswith(".json"))


class DomainError(ValueError):
    """A domain pack that does not exist; the message lists those that do."""


@lru_cache(maxsize=8)
def load_domain(packs: tuple[str, ...] = (), aliases: Aliases = ()) -> Domain:
    """The names of the given domain packs, with the project's own aliases added.

    >>> load_domain(("us-japan",)).names["2+2"]
    'Security Consultative Committee'
    >>> load_domain().names
    {}
    """
    entries: list[dict[str, Any]] = []
    digest = hashlib.sha256()
    for pack in packs:
        if pack not in available_domains():
            raise DomainError(
                f"no domain pack {pack!r}; the packs are: {', '.join(available_domains()) or 'none'}"
            )
        text = _text(f"domains/{pack}.json")
        digest.update(text.encode("utf-8"))
        entries.extend(json.loads(text)["entities"])
    by_name = {e["canonical"]: e for e in entries}
    for canonical, extra in aliases:
        if canonical in by_name:
            by_name[canonical] = {**by_name[canonical], "aliases": [*by_name[canonical]["aliases"], *extra]}
        else:
            by_name[canonical] = {"canonical": canonical, "type": "org", "aliases": list(extra)}
    digest.update(json.dumps(aliases).encode("utf-8"))
    entities: dict[str, EntityInfo] = {}
    names: dict[str, str] = {}
    conditional: dict[str, tuple[str, frozenset[str]]] = {}
    for entry in by_name.values():
        canon = entry["canonical"]
        entities[canon] = EntityInfo(canon, entry["type"], entry.get("country"), entry.get("location"))
        for alias in [canon, *entry["aliases"]]:
            names[alias.lower()] = canon
        for cond in entry.get("conditional", []):
            for alias in cond["aliases"]:
                conditional[alias.lower()] = (canon, frozenset(cond["requires"]))
    fingerprint = digest.hexdigest()[:16] if packs or aliases else ""
    return Domain(packs, entities, names, conditional, aliases, fingerprint)


@lru_cache(maxsize=2)
def weights(model: str) -> dict[str, float]:
    """The fitted grouping weights of a model ('link' or 'conflict'), from data/weights.json."""
    data: dict[str, dict[str, float]] = _load("weights.json")
    return dict(data.get(model, {}))
