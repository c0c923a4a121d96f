"""Configuration: ``[tool.alliance-check]`` in pyproject.toml, or alliance-check.toml, found upwards."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from alliance_check.models import InputError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

CONFIG_NAME = "alliance-check.toml"
# key -> expected type(s), for a clear error on anything else
KEYS: dict[str, tuple[type, ...]] = {
    "fail-on": (str,),
    "approx-tolerance": (float, int),
    "as-of-gap-days": (int,),
    "event-instance-gap-days": (int,),
    "anchor-min-similarity": (float, int),
    "fuzzy-name-cutoff": (float, int),
    "small-count-max": (int,),
    "model": (str,),
    "published": (str,),
    "ignore": (list,),
    "ignore-topics": (list,),
    "include": (list,),
    "exclude": (list,),
    "aliases": (dict,),
    "baseline": (str,),
    "cache-dir": (str,),
    "encoding": (str,),
    "html": (str,),
    "export-fields": (dict,),
}
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
        if not isinstance(value, KEYS[key]) or isinstance(value, bool):
            kinds = " or ".join(t.__name__ for t in KEYS[key])
            raise InputError(f"{path}: {key} must be a {kinds}, not {type(value).__name__}")
    _check_export_fields(table.get("export-fields", {}), path)
    return table


def _check_export_fields(fields: dict[str, Any], path: Path) -> None:
    for role, names in fields.items():
        if role not in EXPORT_ROLES:
            raise InputError(
                f"{path}: unknown role {role!r} in export-fields; known roles: {', '.join(EXPORT_ROLES)}"
            )
        listed = [names] if isinstance(names, str) else names
        if not isinstance(listed, list) or not listed or not all(isinstance(n, str) for n in listed):
            raise InputError(f'{path}: export-fields {role} must be a field name or a list of them ("body")')


def export_fields(config: Config) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The configured field names of export records, per role, for Settings.export_fields."""
    fields = config.get("export-fields", {})
    return tuple(
        (role, (names,) if isinstance(names, str) else tuple(names)) for role, names in sorted(fields.items())
    )


def find_config(start: Path | None = None, explicit: str | None = None) -> Config:
    """The nearest configuration upwards from ``start`` (alliance-check.toml before pyproject.toml)."""
    if explicit:
        path = Path(explicit)
        if not path.is_file():
            raise InputError(f"{explicit}: configuration file not found; check the --config path")
        return Config(path, validate(_table(path) or {}, path))
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        for name in (CONFIG_NAME, "pyproject.toml"):
            path = folder / name
            if path.is_file():
                table = _table(path)
                if table is not None:
                    return Config(path, validate(table, path))
    return Config()
