"""Read files, directories and stdin into Articles; say which inputs could not be read and why."""

from __future__ import annotations

import fnmatch
import os
import re
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from alliance_check.models import Acceptance, Article, InputError
from alliance_check.normalize.dates import full_date_regex, parse_iso, resolve_match

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text", ".html", ".htm")
_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?\r?\n)---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
# <!-- alliance-check: accept AC101 -->, <!-- alliance-check: accept "US troops in Japan" -- reason -->
_DIRECTIVE = re.compile(
    r"(?im)^[ \t]*(?:<!--|#|//)?[ \t]*alliance-check:[ \t]*accept[ \t]+(?P<what>.+?)[ \t]*(?:-->)?[ \t]*$"
)
_ACCEPT_KEY = re.compile(r"(?im)^accept[ \t]*:[ \t]*(?P<what>.+)$")


_PUBLISHED = re.compile(r"(?im)^(?:published|date|published_at|pubdate)\s*:\s*['\"]?([^'\"\r\n]+)")


@dataclass(frozen=True)
class Skipped:
    """An input that was given but could not be checked."""

    source: str
    reason: str


def _targets(raw: str) -> list[tuple[str, str]]:
    """'AC101, "US troops in Japan" -- a reason' -> [(target, reason), ...]."""
    text, _, reason = raw.partition("--")
    parts = re.findall(r'"([^"]+)"|([^,]+)', text)
    targets = [(a or b).strip() for a, b in parts]
    return [(t, reason.strip()) for t in targets if t]


def find_acceptances(source: str, text: str, front_matter: str = "") -> list[Acceptance]:
    """Acceptances written in an article: a directive line, or ``accept:`` in its front matter.

    >>> find_acceptances("a.md", "<!-- alliance-check: accept AC101 -- figure from 2023 -->")
    [Acceptance(source='a.md', target='AC101', reason='figure from 2023', line=1)]
    """
    out: list[Acceptance] = []
    for m in _DIRECTIVE.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        out.extend(Acceptance(source, t, r, line) for t, r in _targets(m.group("what")))
    for m in _ACCEPT_KEY.finditer(front_matter):
        line = front_matter.count("\n", 0, m.start()) + 1
        out.extend(Acceptance(source, t, r, line) for t, r in _targets(m.group("what")))
    return out


def _selected(path: Path, root: Path, include: tuple[str, ...], exclude: tuple[str, ...]) -> bool:
    rel = path.relative_to(root).as_posix()
    names = (rel, path.name)
    if include and not any(fnmatch.fnmatch(n, p) for p in include for n in names):
        return False
    return not any(fnmatch.fnmatch(n, p) for p in exclude for n in names)


def collect(
    paths: list[str], include: tuple[str, ...] = (), exclude: tuple[str, ...] = ()
) -> tuple[list[str], list[Skipped]]:
    """Expand directories into their text files (sorted); report paths that cannot be used.

    ``include`` and ``exclude`` are shell patterns matched against a file's path inside the
    directory given, or its name; files named on the command line are always taken.
    """
    files: list[str] = []
    skipped: list[Skipped] = []
    for raw in paths:
        if raw == "-":
            files.append("-")
            continue
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                str(p)
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in TEXT_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
                and _selected(p, path, include, exclude)
            )
            if not found:
                skipped.append(Skipped(raw, "no .txt, .md or .html files in this directory"))
            files.extend(found)
        elif path.exists():
            files.append(raw)
        else:
            skipped.append(Skipped(raw, "no such file or directory: check the path"))
    seen: set[str] = set()
    unique = [f for f in files if not (f in seen or seen.add(f))]  # type: ignore[func-returns-value]
    return unique, skipped


def _line_starts(text: str) -> tuple[int, ...]:
    starts = [0]
    for match in re.finditer(r"\r\n|\r|\n", text):
        starts.append(match.end())
    return tuple(starts)


def infer_published(text: str) -> date | None:
    """The latest day-precise date the text mentions: a stand-in for when it was written."""
    latest: date | None = None
    for match in full_date_regex().finditer(text):
        parsed = resolve_match(match, None)
        if parsed and parsed.granularity == "day":
            day = date.fromisoformat(parsed.iso)
            if latest is None or day > latest:
                latest = day
    return latest


def make_article(source: str, text: str, label: str = "", published: str | None = None) -> Article:
    """Build an Article; front matter is blanked (offsets kept) and its ``published:`` read."""
    how: str | None = None
    pub: str | None = None
    front = _FRONT_MATTER.match(text)
    acceptances = find_acceptances(source, text, front.group(1) if front else "")
    # directive lines are for the tool, not claims: blank them, keeping every offset
    text = _DIRECTIVE.sub(lambda m: re.sub(r"[^\r\n]", " ", m.group(0)), text)
    if front:
        found = _PUBLISHED.search(front.group(1))
        if found:
            day = parse_iso(found.group(1).strip()[:10])
            if day is None:
                raise InputError(
                    f"{source}: front matter 'published: {found.group(1).strip()}' is not a date; "
                    "write it as YYYY-MM-DD"
                )
            pub, how = day.isoformat(), "front matter"
        blank = re.sub(r"[^\r\n]", " ", text[: front.end()])
        text = blank + text[front.end() :]
    if pub is None and published:
        pub, how = published, "option"
    if pub is None:
        guess = infer_published(text)
        if guess:
            pub, how = guess.isoformat(), "inferred"
    return Article(source, text, label or source, pub, how, _line_starts(text), tuple(acceptances))


def read_source(source: str, published: str | None = None) -> Article:
    """Read one file (or '-' for stdin) as UTF-8 text."""
    try:
        if source == "-":
            data = sys.stdin.buffer.read()
        else:
            with open(source, "rb") as handle:
                data = handle.read()
    except PermissionError as exc:
        raise InputError(f"{source}: permission denied; make the file readable") from exc
    except OSError as exc:
        raise InputError(f"{source}: cannot read ({exc.strerror or exc}); check the path") from exc
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{source}: looks binary, not text; pass a .txt, .md or .html article")
    try:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            text = data.decode("utf-16")
        else:
            text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{source}: not valid UTF-8 (byte {exc.start}); re-save the file as UTF-8") from exc
    return make_article("<stdin>" if source == "-" else source, text, published=published)


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
