"""Front matter (YAML ``---`` or TOML ``+++``) and record fields -> what an article says of itself."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from datetime import date, datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Any

from alliance_check.models import InputError
from alliance_check.normalize.dates import full_date_regex, parse_iso, resolve_match

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

_YAML = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_TOML = re.compile(r"\A(?:\ufeff)?\+\+\+[ \t]*\r?\n(.*?\r?\n)?\+\+\+[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_KEY = re.compile(r"^(?P<key>[A-Za-z_][\w.-]*)[ \t]*:(?:[ \t]+(?P<value>.*?))?[ \t]*$")
_ITEM = re.compile(r"^[ \t]+-[ \t]+(?P<value>.*?)[ \t]*$")
_NESTED = re.compile(r"^[ \t]+(?P<key>[A-Za-z_][\w.-]*)[ \t]*:[ \t]+(?P<value>.*?)[ \t]*$")

# what each piece of metadata is called, in the order looked for (front matter and export records)
ROLES: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content"),
    "published": ("published", "published_at", "publishedAt", "datePublished", "pubDate", "date"),
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "source": ("source", "outlet", "publisher"),
    "currency": ("currency",),
}


@dataclass(frozen=True)
class FrontMatter:
    """A file's front matter: its values, the raw text (for ``accept:``) and where the body starts."""

    values: dict[str, Any]
    raw: str
    end: int
    syntax: str  # yaml | toml


def _scalar(raw: str) -> Any:
    raw = raw.strip()
    if raw[:1] in "\"'" and raw[-1:] == raw[:1] and len(raw) > 1:
        return raw[1:-1]
    if raw.startswith("[") and raw.endswith("]"):
        return [_scalar(part) for part in raw[1:-1].split(",") if part.strip()]
    return re.sub(r"[ \t]+#.*$", "", raw)


def parse_yaml(raw: str) -> dict[str, Any]:
    """The ``key: value`` lines of YAML front matter; a key alone over ``- item`` lines is a list,
    over ``name: value`` lines a mapping. Anything else is passed over.

    >>> parse_yaml("title: 'Budget'\\ntags:\\n  - a\\n  - b\\n")
    {'title': 'Budget', 'tags': ['a', 'b']}
    """
    out: dict[str, Any] = {}
    current: str | None = None
    for line in raw.splitlines():
        key = _KEY.match(line)
        if key:
            current = key.group("key")
            value = key.group("value")
            out[current] = _scalar(value) if value else None
            continue
        if current is None:
            continue
        item, nested = _ITEM.match(line), _NESTED.match(line)
        if item and (out[current] is None or isinstance(out[current], list)):
            out[current] = [*(out[current] or []), _scalar(item.group("value"))]
        elif nested and (out[current] is None or isinstance(out[current], dict)):
            out[current] = {**(out[current] or {}), nested.group("key"): _scalar(nested.group("value"))}
    return out


def split_front_matter(source: str, text: str) -> FrontMatter | None:
    """The front matter at the top of ``text``, if any; invalid TOML is an InputError."""
    found = _YAML.match(text)
    if found:
        raw = found.group(1) or ""
        return FrontMatter(parse_yaml(raw), raw, found.end(), "yaml")
    found = _TOML.match(text)
    if found:
        raw = found.group(1) or ""
        try:
            values = tomllib.loads(raw)
        except tomllib.TOMLDecodeError as exc:
            raise InputError(f"{source}: the +++ front matter is not valid TOML ({exc}); fix it") from exc
        return FrontMatter(values, raw, found.end(), "toml")
    return None


def field(values: dict[str, Any], role: str, names: tuple[str, ...] | None = None) -> tuple[str, Any] | None:
    """The first of a role's field names that ``values`` holds (case aside), with its value."""
    folded = {k.lower(): k for k in values}
    for name in names or ROLES[role]:
        key = folded.get(name.lower())
        if key is not None and values[key] not in (None, ""):
            return key, values[key]
    return None


def read_date(value: Any) -> date | None:
    """A publication date as front matter, page metadata and exports write it.

    >>> [read_date(v) for v in ("2024-03-26T10:00:00Z", "Tue, 26 Mar 2024 10:00:00 GMT", "March 26, 2024")]
    [datetime.date(2024, 3, 26), datetime.date(2024, 3, 26), datetime.date(2024, 3, 26)]
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        seconds = value / 1000 if value > 1e11 else value  # epoch milliseconds or seconds
        try:
            return datetime.fromtimestamp(seconds, tz=timezone.utc).date()
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str):
        return None
    text = value.strip()
    day = parse_iso(text[:10])
    if day is not None:
        return day
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    match = full_date_regex().fullmatch(text.rstrip("."))
    parsed = resolve_match(match, None) if match else None
    return date.fromisoformat(parsed.iso) if parsed and parsed.granularity == "day" else None


def text_value(value: Any) -> str | None:
    """A field's value as one line of text: a mapping's ``name`` (``source: {name: Reuters}``)."""
    if isinstance(value, dict):
        value = value.get("name")
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        text = " ".join(str(value).split())
        return text or None
    return None


def read_currency(source: str, value: Any) -> str:
    """An ISO 4217 code from ``currency: aud``; anything else is an InputError saying how to write it."""
    code = text_value(value)
    if code is None or not re.fullmatch(r"[A-Za-z]{3}", code):
        raise InputError(
            f"{source}: currency {value!r} is not an ISO 4217 code; write it as AUD, USD, EUR ..."
        )
    return code.upper()
