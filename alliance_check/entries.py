"""The files of one cache, one per key: where each lives, reading it back, writing it atomically.
A file that cannot be read is no entry; one that cannot be written is not an error (a run never
needs its cache). Used by the claim, parse, kept-claims and run caches."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


class Entries:
    """Files ``<directory>/<first two characters of the key>/<key><suffix>``."""

    def __init__(self, directory: Path, suffix: str = ".json") -> None:
        self.directory = directory
        self.suffix = suffix

    def path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}{self.suffix}"

    def read(self, key: str) -> bytes | None:
        """The entry's bytes, or None when there is none or it cannot be read."""
        try:
            return self.path(key).read_bytes()
        except OSError:
            return None

    def read_json(self, key: str) -> dict[str, Any] | None:
        """The entry's JSON object, when it reads as one stored under this key (its "key" field)."""
        data = self.read(key)
        if data is None:
            return None
        try:
            found = json.loads(data)
        except ValueError:  # truncated, or not UTF-8
            return None
        return found if isinstance(found, dict) and found.get("key") == key else None

    def write(self, key: str, data: str | bytes) -> bool:
        """Write an entry atomically; False when it cannot be written."""
        from alliance_check.gate import write_atomic  # here: a run whose report is cached writes nothing

        try:
            write_atomic(str(self.path(key)), data)
        except OSError:
            return False
        return True

    def write_json(self, key: str, payload: dict[str, Any]) -> bool:
        """Write ``payload`` as a JSON object whose "key" field is ``key`` (see read_json)."""
        return self.write(key, json.dumps({"key": key, **payload}, ensure_ascii=False))
