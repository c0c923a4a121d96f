"""Configuration: ``[tool.alliance-check]`` in pyproject.toml, or alliance-check.toml, found upwards."""

from __future__ import annotations

import codecs
import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from datetime import date
from pathlib import Path
from typing import Any

from alliance_check.models import RULES, InputError
from alliance_check.resources import available_domains
from alliance_check.settings import FAIL_LEVELS, HTML_MODES, Settings

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

CONFIG_NAME = "alliance-check.toml"
DEFAULT_CACHE = ".alliance-check-cache"
CODE_PATTERN = re.compile(r"AC\d+", re.IGNORECASE)


@dataclass(frozen=True)
class Key:
    """A configuration key: the types it takes and the Settings field it sets, if it sets one."""

    types: tuple[type, ...]
    field: str | None = None


# configuration key -> its types and Settings field: a new setting is one line here
KEYS: dict[str, Key] = {
    "fail-on": Key((str,), "fail_on"),
    "fail-on-stale": Key((bool,), "fail_on_stale"),
    "approx-tolerance": Key((float, int), "approx_tolerance"),
    "as-of-gap-days": Key((int,), "as_of_gap_days"),
    "event-instance-gap-days": Key((int,), "event_instance_gap_days"),
    "approx-minutes": Key((float, int), "approx_minutes"),
    "domains": Key((list,), "domains"),
    "fuzzy-name-cutoff": Key((float, int), "fuzzy_name_cutoff"),
    "small-count-max": Key((int,), "small_count_max"),
    "model": Key((str,), "model"),
    "published": Key((str,), "published"),
    "include": Key((list,), "include"),
    "exclude": Key((list,), "exclude"),
    "ignore": Key((list,)),  # codes and topic patterns, with --ignore
    "ignore-topics": Key((list,)),
    "aliases": Key((dict,), "aliases"),
    "baseline": Key((str,)),
    "cache-dir": Key((str,)),
    "encoding": Key((str,), "encoding"),
    "html": Key((str,), "html"),
    "export-fields": Key((dict,)),  # record field names per role, as Settings.export_fields
}
FIELDS = {key.field for key in KEYS.values() if key.field}
# what each field of an export's records holds (see alliance_check.sources.frontmatter.ROLES)
EXPORT_ROLES = ("text", "published", "title", "url", "source", "currency")


@dataclass(frozen=True)
class Config:
    """What a configuration file says, and where it is (paths in it are relative to its folder)."""

    path: Path | None = None
    values: dict[str, Any] = field(default_factory=dict)

    @property
    def root(self) -> Path:
        """The project folder: the configuration file's, else the current one."""
        return self.path.parent if self.path else Path.cwd()

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    def path_value(self, key: str) -> str | None:
        """A path from the file, made relative to the file's folder."""
        raw = self.values.get(key)
        return str(self.root / raw) if isinstance(raw, str) else None

    def where(self, key: str) -> str:
        """How an error names a key of this file: 'alliance-check.toml: fail-on'."""
        return f"{self.path}: {key}" if self.path else key

    def cache_dir(self, given: str | None, no_cache: bool = False) -> str | None:
        """The cache folder: the option's, else the file's, else the default beside the file."""
        if no_cache:
            return None
        return given or self.path_value("cache-dir") or str(self.root / DEFAULT_CACHE)


def _read(path: Path) -> dict[str, Any]:
    try:
        data: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read the configuration ({exc}); check the file") from exc
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{path}: not valid TOML ({exc}); fix the syntax") from exc
    return data


def _table(path: Path) -> dict[str, Any] | None:
    data = _read(path)
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("alliance-check")
        return table if isinstance(table, dict) else None
    return data.get("tool", {}).get("alliance-check", data) if "tool" in data else data


def validate(table: dict[str, Any], path: Path) -> dict[str, Any]:
    """Check every key and its type; an unknown key is an error naming it."""
    for key, value in table.items():
        if key not in KEYS:
            known = ", ".join(sorted(KEYS))
            raise InputError(f"{path}: unknown key {key!r} in [tool.alliance-check]; known keys: {known}")
        types = KEYS[key].types
        if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
            kinds = " or ".join(t.__name__ for t in types)
            raise InputError(f"{path}: {key} must be a {kinds}, not {type(value).__name__}")
    _check_export_fields(table.get("export-fields", {}), path)
    return table


def start_folder(paths: Iterable[str]) -> Path | None:
    """Where the search for a configuration begins: the first path checked (its folder if a file)."""
    for raw in paths:
        if raw == "-":
            continue
        path = Path(raw)
        if path.exists():
            return path if path.is_dir() else path.parent
    return None


def _check_export_fields(table: dict[str, Any], path: Path) -> None:
    for role, names in table.items():
        if role not in EXPORT_ROLES:
            raise InputError(
                f"{path}: unknown role {role!r} in export-fields; known roles: {', '.join(EXPORT_ROLES)}"
            )
        listed = [names] if isinstance(names, str) else names
        if not isinstance(listed, list) or not listed or not all(isinstance(n, str) for n in listed):
            raise InputError(f'{path}: export-fields {role} must be a field name or a list of them ("body")')


def export_fields(config: Config) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The configured field names of export records, per role, for Settings.export_fields."""
    table = config.get("export-fields", {})
    return tuple(
        (role, (names,) if isinstance(names, str) else tuple(names)) for role, names in sorted(table.items())
    )


def find_config(start: Path | None = None, explicit: str | None = None) -> Config:
    """The nearest configuration upwards from ``start``, then from the current folder
    (alliance-check.toml before pyproject.toml)."""
    if explicit:
        path = Path(explicit)
        if not path.is_file():
            raise InputError(f"{explicit}: configuration file not found; check the --config path")
        return Config(path, validate(_table(path) or {}, path))
    folders: list[Path] = []
    for origin in (start, Path.cwd()):
        if origin is not None:
            here = origin.resolve()
            folders += [f for f in (here, *here.parents) if f not in folders]
    for folder in folders:
        for name in (CONFIG_NAME, "pyproject.toml"):
            path = folder / name
            if path.is_file():
                table = _table(path)
                if table is not None:
                    return Config(path, validate(table, path))
    return Config()


def iso_date(text: str, where: str) -> str:
    """A date as YYYY-MM-DD, or an error that says how to write it."""
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise InputError(f"{where}: {text!r} is not a date; write it as YYYY-MM-DD") from None


def known_encoding(name: str, where: str) -> str:
    """An encoding Python can decode with, or an error that names a few it can."""
    try:
        codecs.lookup(name)
    except LookupError:
        raise InputError(
            f"{where}: {name!r} is not an encoding Python knows; try cp1252, latin-1, utf-8"
        ) from None
    return name


def split_ignores(items: Iterable[str], where: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Finding codes and topic patterns, apart; a code that is not a finding code is an error.

    >>> split_ignores(["ac102", "distance *"], "--ignore")
    (('AC102',), ('distance *',))
    """
    codes: set[str] = set()
    topics: set[str] = set()
    for item in items:
        if CODE_PATTERN.fullmatch(item):
            if item.upper() not in RULES:
                known = ", ".join(RULES)
                raise InputError(f"{where}: {item} is not a finding code; the codes are {known}")
            codes.add(item.upper())
        else:
            topics.add(item)
    return tuple(sorted(codes)), tuple(sorted(topics))


def settings_from(config: Config, given: Mapping[str, Any]) -> Settings:
    """Settings from the options given on the command line, the configuration filling the rest.

    ``given`` maps Settings field names (and ``ignore``) to what the user typed; options left at
    their default are not in it.

    >>> settings_from(Config(values={"fail-on": "warning"}), {"approx_tolerance": 0.1}).fail_on
    'warning'
    """
    values: dict[str, Any] = {}
    for key, spec in KEYS.items():
        if spec.field and key in config.values:
            raw = config.values[key]
            values[spec.field] = tuple(raw) if isinstance(raw, list) else raw
    values.update({k: v for k, v in given.items() if k in FIELDS and v is not None})
    if values.get("fail_on", "error") not in FAIL_LEVELS:
        raise InputError(f"{config.where('fail-on')} must be one of {', '.join(FAIL_LEVELS)}")
    if values.get("published") is not None:
        where = "--published" if "published" in given else config.where("published")
        values["published"] = iso_date(str(values["published"]), where)
    if values.get("html", "article") not in HTML_MODES:
        raise InputError(f"{config.where('html')} must be one of {', '.join(HTML_MODES)}")
    if values.get("encoding") is not None:
        where = "--encoding" if "encoding" in given else config.where("encoding")
        values["encoding"] = known_encoding(str(values["encoding"]), where)
    values["export_fields"] = export_fields(config)
    codes, topics = split_ignores(config.get("ignore", []), config.where("ignore"))
    given_codes, given_topics = split_ignores(given.get("ignore", ()), "--ignore")
    values["ignore_codes"] = tuple(sorted({*codes, *given_codes}))
    values["ignore_topics"] = tuple(sorted({*topics, *given_topics, *config.get("ignore-topics", [])}))
    values["domains"] = _domains(values.get("domains", ()), config.where("domains"))
    if isinstance(values.get("aliases"), dict):
        values["aliases"] = _aliases(values["aliases"], config.where("aliases"))
    known = {f.name for f in fields(Settings)}
    return Settings(**{k: v for k, v in values.items() if k in known})


def _domains(names: Iterable[str], where: str) -> tuple[str, ...]:
    """Domain pack names, each one that exists; else an error that lists them."""
    available = available_domains()
    for name in names:
        if name not in available:
            raise InputError(
                f"{where}: no domain pack {name!r}; the packs are: {', '.join(available) or 'none'}"
            )
    return tuple(dict.fromkeys(names))


def _aliases(table: dict[str, Any], where: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """[tool.alliance-check.aliases]: canonical name = [other names]."""
    out = []
    for name, others in sorted(table.items()):
        if not isinstance(others, list) or not all(isinstance(o, str) for o in others):
            raise InputError(f'{where}: {name} must be a list of names, like {name} = ["other name"]')
        out.append((str(name), tuple(others)))
    return tuple(out)
