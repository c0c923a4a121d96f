"""A whole run's report, cached by everything it is made from: an unchanged corpus checked again
is neither read nor grouped again (a CI gate's second step, a re-run in an editor)."""

from __future__ import annotations

import dataclasses
import hashlib
import os
import types
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import Any, Union, get_args, get_origin, get_type_hints

from alliance_check import __version__
from alliance_check.entries import Entries
from alliance_check.models import Report

RUN_FORMAT = 1
# a report is kept whole only up to this many claims (about 1 KB each in JSON, twice: in its group
# too): a corpus of thousands of articles is re-checked from its claim and parse caches instead
MAX_CLAIMS = 10_000
PACKAGE = Path(__file__).resolve().parent


def _code_fingerprint() -> str:
    """The package's own files as they are now (size and time of change): a report made by other
    code, or with other lexicons, is not reused, even when the version number did not change."""
    digest = hashlib.sha256()
    for root, dirs, names in os.walk(PACKAGE):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(names):
            if name.endswith((".py", ".json")):
                stat = os.stat(os.path.join(root, name))
                digest.update(f"{root}/{name}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def run_key(parts: list[str], files: list[str]) -> str | None:
    """The key of a run: ``parts`` (settings, options, model) and the content of every file read;
    None when a file cannot be read (the run then reports it, uncached)."""
    digest = hashlib.sha256()
    for part in [f"format={RUN_FORMAT}", f"tool={__version__}", f"code={_code_fingerprint()}", *parts]:
        digest.update(part.encode("utf-8") + b"\n")
    for name in files:
        try:
            data = Path(name).read_bytes()
        except OSError:
            return None
        digest.update(f"{name}\n{len(data)}\n".encode())
        digest.update(data)
    return digest.hexdigest()


class RunCache:
    """One JSON file per run under ``runs/`` in the cache folder; an entry that cannot be read
    back as a report is ignored and written again."""

    def __init__(self, directory: str | Path) -> None:
        self.entries = Entries(Path(directory) / "runs")

    def load(self, key: str) -> Report | None:
        data = self.entries.read_json(key)
        if data is None:
            return None
        try:
            report = _decoder(Report)(data["report"])
        except (ValueError, KeyError, TypeError, AttributeError, IndexError):
            return None  # corrupt, truncated or from another version: run again, never trust
        return report if isinstance(report, Report) else None

    def store(self, key: str, report: Report) -> None:
        """Write an entry atomically; a cache that cannot be written is not an error."""
        if len(report.claims) <= MAX_CLAIMS:
            self.entries.write_json(key, {"report": _encode(report)})


def _encode(value: Any) -> Any:
    """A record as JSON data: a dataclass as an object of its compared fields, a tuple as a list."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value) if f.compare}
    if isinstance(value, Sequence) and not isinstance(value, str):  # a tuple, a list, PairScores
        return [_encode(v) for v in value]
    return value


Decoder = Callable[[Any], Any]


def _same(data: Any) -> Any:
    return data


@cache
def _decoder(kind: Any) -> Decoder:
    """A function that turns JSON data back into a value of type ``kind`` (see _encode), made
    once per type: a report holds thousands of claims."""
    if dataclasses.is_dataclass(kind) and isinstance(kind, type):
        return _record_decoder(kind)
    origin, args = get_origin(kind), get_args(kind)
    if origin is Sequence or (origin is tuple and len(args) == 2 and args[1] is Ellipsis):
        item = _decoder(args[0])  # a sequence is read back as a tuple
        return lambda data: tuple(item(v) for v in _list(data))
    if origin is tuple:
        items = [_decoder(a) for a in args]

        def fixed(data: Any) -> tuple[Any, ...]:
            if len(_list(data)) != len(items):
                raise TypeError("a tuple of another length")
            return tuple(f(v) for f, v in zip(items, data, strict=True))

        return fixed
    if origin is Union or origin is types.UnionType:
        structured = [a for a in get_args(kind) if dataclasses.is_dataclass(a) or get_origin(a) is tuple]
        if not structured:
            return _same  # str | None, float | str: JSON keeps them as they were
        inner = _decoder(structured[0])
        return lambda data: inner(data) if isinstance(data, dict | list) else data
    return _same


def _list(data: Any) -> list[Any]:
    if not isinstance(data, list):
        raise TypeError("not a list")
    return data


def _record_decoder(kind: type) -> Decoder:
    hints = get_type_hints(kind)
    fields = [f.name for f in dataclasses.fields(kind) if f.compare and f.init]
    converted = [(name, _decoder(hints[name])) for name in fields if _decoder(hints[name]) is not _same]

    def record(data: Any) -> Any:
        if not isinstance(data, dict):
            raise TypeError(f"{kind.__name__}: not an object")
        values = {name: data[name] for name in fields}
        for name, decode in converted:
            values[name] = decode(values[name])
        return kind(**values)

    return record
