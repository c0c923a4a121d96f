"""Paths -> the article files to read, in sorted order; short labels for the report."""

from __future__ import annotations

import fnmatch
import os
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text", ".html", ".htm")
EXPORT_SUFFIXES = (".jsonl", ".ndjson", ".json", ".csv", ".tsv")  # read as records (see exports.py)
ARTICLE_SUFFIXES = TEXT_SUFFIXES + EXPORT_SUFFIXES
NO_ARTICLE_FILES = (
    "no article files (.txt, .md, .html, .jsonl, .json, .csv) in this directory; pass article files"
)


@dataclass(frozen=True)
class Skipped:
    """An input that was given but could not be checked (a file, or one record of an export)."""

    source: str
    reason: str
    file: str | None = None
    record: int | None = None


def _selected(path: Path, root: Path, include: tuple[str, ...], exclude: tuple[str, ...]) -> bool:
    rel = path.relative_to(root).as_posix()
    names = (rel, path.name)
    if include and not any(fnmatch.fnmatch(n, p) for p in include for n in names):
        return False
    return not any(fnmatch.fnmatch(n, p) for p in exclude for n in names)


def _walk(root: Path) -> tuple[list[Path], list[Skipped]]:
    """Every file under a directory, following links once: loops and broken links are reported."""
    files: list[Path] = []
    skipped: list[Skipped] = []
    visited: set[str] = set()
    stack = [root]
    while stack:
        folder = stack.pop()
        real = os.path.realpath(folder)
        if real in visited:
            skipped.append(
                Skipped(str(folder), "symbolic link loop: this folder was already read; remove the link")
            )
            continue
        visited.add(real)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            skipped.append(
                Skipped(str(folder), f"cannot list this folder ({exc.strerror}); check its permissions")
            )
            continue
        for entry in entries:
            path = Path(entry.path)
            if entry.name.startswith("."):
                continue  # hidden files and folders: caches, version control
            if entry.is_symlink() and not path.exists():
                if path.suffix.lower() in ARTICLE_SUFFIXES:
                    skipped.append(Skipped(str(path), "broken symbolic link: its target does not exist"))
                continue
            if entry.is_dir(follow_symlinks=True):
                stack.append(path)
            elif entry.is_file(follow_symlinks=True):
                files.append(path)
    return files, skipped


def collect(
    paths: list[str], include: tuple[str, ...] = (), exclude: tuple[str, ...] = ()
) -> tuple[list[str], list[Skipped]]:
    """Expand directories into their article files; report paths that cannot be used.

    Files come out sorted, whatever the order given, so that reports do not depend on it.
    ``include`` and ``exclude`` are shell patterns matched against a file's path inside the
    directory given, or its name; files named on the command line are always taken.
    """
    files: list[str] = []
    skipped: list[Skipped] = []
    stdin = False
    for raw in paths:
        if raw == "-":
            stdin = True
            continue
        path = Path(raw)
        if path.is_symlink() and not path.exists():
            skipped.append(Skipped(raw, "broken symbolic link: its target does not exist"))
        elif path.is_dir():
            walked, problems = _walk(path)
            skipped.extend(problems)
            found = [
                str(p)
                for p in walked
                if p.suffix.lower() in ARTICLE_SUFFIXES and _selected(p, path, include, exclude)
            ]
            if not found and not problems:
                skipped.append(Skipped(raw, NO_ARTICLE_FILES))
            files.extend(found)
        elif path.exists():
            files.append(raw)
        else:
            skipped.append(Skipped(raw, "no such file or directory: check the path"))
    unique = sorted(set(files))
    return (["-"] if stdin else []) + unique, skipped


def short_labels(sources: list[str]) -> dict[str, str]:
    """Short names for the report: '000' for 'seeds/000_e976421b36fe2b12.txt' when no other file
    starts the same way; else the file's stem; else its path."""
    stems = {s: os.path.splitext(os.path.basename(s))[0] for s in sources}
    prefixes = {s: re.split(r"[_\s]", stem)[0] or stem for s, stem in stems.items()}
    prefix_count = Counter(prefixes.values())
    stem_count = Counter(stems.values())
    out: dict[str, str] = {}
    for s in sources:
        if prefix_count[prefixes[s]] == 1 and prefixes[s] not in stem_count.keys() - {stems[s]}:
            out[s] = prefixes[s]
        elif stem_count[stems[s]] == 1:
            out[s] = stems[s]
        else:
            out[s] = s
    return out


def record_label(file_label: str, record: int | None) -> str:
    """A record's short name: 'articles:2' for the second record of articles.jsonl."""
    return file_label if record is None else f"{file_label}:{record}"


def labels_for(
    names: list[tuple[str, str, int | None, str | None]], files: list[str] | None = None
) -> dict[str, str]:
    """Report labels for (source, file, record, outlet): the outlet its metadata names when no
        other source has the same, else the outlet with the short name, else the short name (made
    short among ``files``, by default the files of ``names``).

        >>> labels_for([("a/01_x.md", "a/01_x.md", None, "Reuters"), ("a/02_y.md", "a/02_y.md", None, None)])
        {'a/01_x.md': 'Reuters', 'a/02_y.md': '02'}
    """
    short = short_labels(sorted({*(files or ()), *(file for _, file, _, _ in names)}))
    outlets = Counter(outlet for *_, outlet in names if outlet)
    out: dict[str, str] = {}
    for source, file, record, outlet in names:
        base = record_label(short[file], record)
        if outlet and outlets[outlet] == 1:
            out[source] = outlet
        else:
            out[source] = f"{outlet} ({base})" if outlet else base
    return out
