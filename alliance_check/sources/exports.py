"""Exports (.jsonl, .json, .csv) -> records: fields, text, and where each character stands in the file."""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from alliance_check.blocks import line_starts
from alliance_check.models import InputError, Origin
from alliance_check.sources.frontmatter import ROLES, field

# the keys under which a news API wraps its list of records
WRAPPERS = ("articles", "items", "records", "data", "results", "entries", "posts", "documents")
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_ESCAPE = re.compile(r"\\u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|\\u[0-9a-fA-F]{4}|\\.")
_QUOTED = re.compile(r'"[^"]*(?:""[^"]*)*"')
_NEWLINE = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class Record:
    """One record of an export: its number, the line it starts on, its fields, and its text's
    place in the file (None when it has no text field)."""

    number: int
    line: int
    values: dict[str, Any]
    text: str | None = None
    origin: Origin | None = None
    problem: str | None = None  # why it cannot be read, when it cannot


def _anchors(literal_start: int, literal: str) -> tuple[tuple[int, int], ...]:
    """(text offset, file offset) anchors of a JSON string literal's decoded characters: one
    where the text starts and one after each escape ("\\n", "\\u00e9")."""
    body_at = literal_start + 1
    anchors = [(0, body_at)]
    text_at, last = 0, 1
    for m in _ESCAPE.finditer(literal, 1, len(literal) - 1):
        text_at += m.start() - last + len(json.loads(f'"{m.group(0)}"'))
        anchors.append((text_at, literal_start + m.end()))
        last = m.end()
    return tuple(anchors)


def _lines_of(starts: tuple[int, ...], start: int, end: int) -> tuple[tuple[int, ...], int]:
    """The line starts of the file from the line holding ``start`` to the one holding ``end``."""
    first = bisect_right(starts, start) - 1
    last = bisect_left(starts, end + 1)
    return starts[first:last] or (starts[first],), first + 1


def _json_values(text: str, base: int = 0) -> list[tuple[str, int, str]]:
    """Every key of a JSON text whose value is a string: (key, value's offset, value literal)."""
    literals = list(_STRING.finditer(text))
    out: list[tuple[str, int, str]] = []
    for key, value in pairwise(literals):
        between = text[key.end() : value.start()]
        if between.strip() == ":":
            try:
                out.append((json.loads(key.group(0)), base + value.start(), value.group(0)))
            except ValueError:
                continue
    return out


class _Locator:
    """Finds, in file order, the literal of each record's text, so its characters can be placed."""

    def __init__(self, values: list[tuple[str, int, str]], starts: tuple[int, ...]) -> None:
        self.values = values
        self.next = 0
        self.starts = starts

    def place(self, key: str, text: str) -> tuple[Origin | None, int | None]:
        for i in range(self.next, len(self.values)):
            name, at, literal = self.values[i]
            if name == key and json.loads(literal) == text:
                self.next = i + 1
                lines, first = _lines_of(self.starts, at, at + len(literal))
                return Origin(_anchors(at, literal), lines, first), first
        return None, None


def _records_of(data: Any) -> list[Any] | None:
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        for key in WRAPPERS:
            if isinstance(data.get(key), list):
                return list(data[key])
        return [data]
    return None


def read_json(source: str, text: str, fields: dict[str, tuple[str, ...]]) -> list[Record]:
    """The records of a .json file: a list of objects, or an object holding one under ``articles``
    (``items``, ``records``, ``data``, ``results`` ...), or one object."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise InputError(f"{source}: not valid JSON ({exc}); fix the file or export it again") from exc
    records = _records_of(data)
    if records is None:
        raise InputError(f"{source}: holds no records; export a list of objects, one per article")
    starts = line_starts(text)
    locator = _Locator(_json_values(text), starts)
    return [_record(n, item, locator, fields, None) for n, item in enumerate(records, 1)]


def read_jsonl(source: str, text: str, fields: dict[str, tuple[str, ...]]) -> list[Record]:
    """The records of a JSON Lines file: one object per line; a line that is not JSON is a
    record with a problem, the others are read."""
    out: list[Record] = []
    starts = line_starts(text)
    number = 0
    for line_no, start in enumerate(starts, 1):
        end = starts[line_no] if line_no < len(starts) else len(text)
        line = text[start:end]
        if not line.strip():
            continue
        number += 1
        try:
            item = json.loads(line)
        except ValueError as exc:
            problem = f"line {line_no} is not valid JSON ({exc}); fix or remove the record"
            out.append(Record(number, line_no, {}, problem=problem))
            continue
        locator = _Locator(_json_values(line, start), starts)
        out.append(_record(number, item, locator, fields, line_no))
    return out


def _delimiter(header: str, suffix: str) -> str:
    if suffix == ".tsv":
        return "\t"
    outside = _QUOTED.sub("", header)
    return max(",;\t|", key=outside.count)


def csv_rows(text: str, delimiter: str) -> list[list[tuple[str, int, int, bool]]]:
    """RFC 4180 rows: each field's value, the offsets of its raw text and whether it was quoted.
    A quote that is never closed is an InputError naming its line."""
    rows: list[list[tuple[str, int, int, bool]]] = []
    unquoted = re.compile(f"[^{re.escape(delimiter)}\\r\\n]*")
    pos, n = 0, len(text)
    while pos < n:
        row: list[tuple[str, int, int, bool]] = []
        while True:
            if text.startswith('"', pos):
                m = _QUOTED.match(text, pos)
                if m is None:
                    line = text.count("\n", 0, pos) + 1
                    raise InputError(f"a quoted field opened on line {line} is never closed; close the quote")
                rest = unquoted.match(text, m.end())
                end = rest.end() if rest else m.end()
                row.append((m.group(0)[1:-1].replace('""', '"') + text[m.end() : end], m.start(), end, True))
            else:
                m = unquoted.match(text, pos)
                end = m.end() if m else pos
                row.append((text[pos:end], pos, end, False))
            pos = end
            if text.startswith(delimiter, pos):
                pos += len(delimiter)
                continue
            newline = _NEWLINE.match(text, pos)
            pos = newline.end() if newline else n
            break
        if any(value.strip() for value, *_ in row):
            rows.append(row)
    return rows


def _csv_anchors(start: int, quoted: bool, raw: str) -> tuple[tuple[int, int], ...]:
    """Anchors of a CSV field's value: past its opening quote, and after each doubled quote."""
    if not quoted:
        return ((0, start),)
    closed = _QUOTED.match(raw)
    stop = closed.end() - 1 if closed else len(raw)
    anchors = [(0, start + 1)]
    text_at, last = 0, 1
    for m in re.finditer('""', raw[:stop]):
        if m.start() == 0:
            continue
        text_at += m.start() - last + 1
        anchors.append((text_at, start + m.end()))
        last = m.end()
    if closed and closed.end() < len(raw):  # characters after the closing quote
        anchors.append((text_at + stop - last, start + closed.end()))
    return tuple(anchors)


def read_csv(
    source: str, text: str, fields: dict[str, tuple[str, ...]], suffix: str = ".csv"
) -> list[Record]:
    """The records of a CSV (or TSV) file with a header row naming the fields."""
    first_line = text.split("\n", 1)[0]
    try:
        rows = csv_rows(text, _delimiter(first_line, suffix))
    except InputError as exc:
        raise InputError(f"{source}: {exc}") from exc
    if len(rows) < 2:
        raise InputError(f"{source}: no records under the header row; export one article per row")
    names = [value.strip() for value, *_ in rows[0]]
    starts = line_starts(text)
    out: list[Record] = []
    for number, row in enumerate(rows[1:], 1):
        values = {name: cell[0] for name, cell in zip(names, row, strict=False) if name}
        where = {name: cell for name, cell in zip(names, row, strict=False) if name}
        line = bisect_right(starts, row[0][1])
        found = field(values, "text", fields.get("text"))
        if found is None:
            out.append(Record(number, line, values))
            continue
        value, start, end, quoted = where[found[0]]
        lines, first = _lines_of(starts, start, end)
        origin = Origin(_csv_anchors(start, quoted, text[start:end]), lines, first)
        out.append(Record(number, line, values, value, origin))
    return out


def _record(
    number: int, item: Any, locator: _Locator, fields: dict[str, tuple[str, ...]], line: int | None
) -> Record:
    if not isinstance(item, dict):
        return Record(
            number, line or 0, {}, problem="is not an object with fields; export one object per article"
        )
    found = field(item, "text", fields.get("text"))
    if found is None or not isinstance(found[1], str):
        return Record(number, line or 0, item)
    origin, at_line = locator.place(found[0], found[1])
    return Record(number, line or at_line or 0, item, found[1], origin)


def read_export(source: str, text: str, fields: dict[str, tuple[str, ...]]) -> list[Record]:
    """The records of an export file, by its suffix."""
    suffix = source[source.rfind(".") :].lower()
    if suffix in (".jsonl", ".ndjson"):
        return read_jsonl(source, text, fields)
    if suffix == ".json":
        return read_json(source, text, fields)
    return read_csv(source, text, fields, suffix)


def text_names(fields: dict[str, tuple[str, ...]]) -> str:
    """The text field names looked for, for messages: 'text, body or content'."""
    names = list(fields.get("text") or ROLES["text"])
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]
