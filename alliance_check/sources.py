"""Read files, directories and stdin into Articles; say which inputs could not be read and why."""

from __future__ import annotations

import fnmatch
import os
import re
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from alliance_check.blocks import join_wrapped, text_blocks
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
                if path.suffix.lower() in TEXT_SUFFIXES:
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
                if p.suffix.lower() in TEXT_SUFFIXES and _selected(p, path, include, exclude)
            ]
            if not found and not problems:
                skipped.append(
                    Skipped(raw, "no .txt, .md or .html files in this directory; pass article files")
                )
            files.extend(found)
        elif path.exists():
            files.append(raw)
        else:
            skipped.append(Skipped(raw, "no such file or directory: check the path"))
    unique = sorted(set(files))
    return (["-"] if stdin else []) + unique, skipped


def _line_starts(text: str) -> tuple[int, ...]:
    starts = [0]
    for match in re.finditer(r"\r\n|\r|\n", text):
        starts.append(match.end())
    return tuple(starts)


# where a date written in full can begin: a digit or a month or weekday name
_DATE_START = re.compile(
    r"(?i)(?<![\w])(?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun"
    r"|the\s|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth"
    r"|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty|thirtieth|thirty"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
)


def infer_published(text: str) -> date | None:
    """The latest day-precise date the text mentions: a stand-in for when it was written."""
    latest: date | None = None
    pattern = full_date_regex()
    for start in (m.start() for m in _DATE_START.finditer(text)):
        match = pattern.match(text, start)
        if match is None:
            continue
        parsed = resolve_match(match, None)
        if parsed and parsed.granularity == "day":
            day = date.fromisoformat(parsed.iso)
            if latest is None or day > latest:
                latest = day
    return latest


def make_article(
    source: str,
    text: str,
    label: str = "",
    published: str | None = None,
    markup: Callable[[str], str] | None = None,
) -> Article:
    """Build an Article; front matter, directives and ``markup`` are blanked (offsets kept)."""
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
    # Markdown's list and heading marks tell blocks apart, so read them before blanking the marks;
    # HTML's blocks are its tags, which blanking turns into line breaks.
    blocks = text_blocks(text) if markup is blank_markdown else None
    if markup is not None:
        text = markup(text)
    blocks = blocks if blocks is not None else text_blocks(text)
    if pub is None and published:
        pub, how = published, "option"
    if pub is None:
        guess = infer_published(text)
        if guess:
            pub, how = guess.isoformat(), "inferred"
    return Article(
        source,
        join_wrapped(text, blocks),
        label or source,
        pub,
        how,
        _line_starts(text),
        tuple(acceptances),
        blocks=blocks,
    )


BINARY_SIGNATURES = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a zip archive (or a Word/OpenDocument file)",
    b"\x89PNG": "a PNG image",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"\x1f\x8b": "a gzip archive",
    b"\xd0\xcf\x11\xe0": "an old Office document",
    b"\x7fELF": "a program",
}


def decode(source: str, data: bytes) -> tuple[str, list[str]]:
    """Bytes -> text, or an InputError saying what the file is and what to do; also warnings.

    UTF-8 (with or without a BOM) and UTF-16 with a BOM are read; a few stray NUL bytes in
    text are replaced by spaces (offsets kept) and reported.
    """
    for magic, what in BINARY_SIGNATURES.items():
        if data.startswith(magic):
            raise InputError(f"{source}: {what}, not text; convert it to .txt, .md or .html first")
    warnings: list[str] = []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), warnings
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{source}: broken UTF-16 (byte {exc.start}); re-save the file as UTF-8"
            ) from exc
    nuls = data.count(b"\x00")
    head = data[:8192]
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 11, 12, 13, 27))
    if b"\x00\x00" in head or (head and controls > len(head) // 20) or (nuls > 8 and nuls > len(data) // 100):
        raise InputError(f"{source}: looks binary, not text; pass a .txt, .md or .html article")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{source}: not valid UTF-8 (byte {exc.start}); re-save the file as UTF-8") from exc
    if nuls:
        text = text.replace("\x00", " ")
        warnings.append(f"{source}: {nuls} NUL byte{'s' if nuls > 1 else ''} replaced by spaces")
    return text, warnings


def read_source(source: str, published: str | None = None) -> Article:
    """Read one file (or '-' for stdin) as text; markup in .md and .html files is blanked."""
    try:
        if source == "-":
            data = sys.stdin.buffer.read()
        else:
            with open(source, "rb") as handle:
                data = handle.read()
    except PermissionError as exc:
        raise InputError(f"{source}: permission denied; make the file readable") from exc
    except IsADirectoryError as exc:
        raise InputError(f"{source}: is a directory; pass it without a trailing file name") from exc
    except OSError as exc:
        raise InputError(f"{source}: cannot read ({exc.strerror or exc}); check the path") from exc
    text, notes = decode(source, data)
    if not text.strip():
        raise InputError(f"{source}: empty, nothing to check; add text or leave the file out")
    suffix = os.path.splitext(source)[1].lower()
    markup = {".html": blank_html, ".htm": blank_html, ".md": blank_markdown, ".markdown": blank_markdown}
    article = make_article(
        "<stdin>" if source == "-" else source, text, published=published, markup=markup.get(suffix)
    )
    return replace(article, notes=tuple(notes))


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\r\n]", " ", match.group(0))


_HTML_DROP = re.compile(r"(?is)<(script|style|head|noscript|template)\b.*?</\1\s*>|<!--.*?-->")
_HTML_BLOCK = re.compile(
    r"(?i)</?(?:p|div|br|li|ul|ol|h[1-6]|tr|table|section|article|blockquote|figcaption)\b[^>]*>"
)
_HTML_TAG = re.compile(r"<[^>]*>")
_ENTITY = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")


def blank_html(text: str) -> str:
    """The text of an HTML page, same length: tags become spaces (block ends a line break),
    scripts and styles disappear, entities become their character padded with spaces."""
    import html

    text = _HTML_DROP.sub(_blank, text)
    text = _HTML_BLOCK.sub(lambda m: "\n" + " " * (len(m.group(0)) - 1), text)
    text = _HTML_TAG.sub(_blank, text)

    def entity(m: re.Match[str]) -> str:
        char = html.unescape(m.group(0))
        return m.group(0) if len(char) != 1 else char + " " * (len(m.group(0)) - 1)

    return _ENTITY.sub(entity, text)


_MD_FENCE = re.compile(r"(?ms)^(```|~~~).*?^\1[^\n]*$")
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\(([^)]*)\)")
_MD_MARKS = re.compile(
    r"(?m)^[ \t]{0,3}(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+(?=\S))|\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)|`"
)


def blank_markdown(text: str) -> str:
    """The prose of a Markdown file, same length: code blocks, images, link targets and
    emphasis marks become spaces; link texts stay where they are."""
    text = _MD_FENCE.sub(_blank, text)
    text = _MD_IMAGE.sub(_blank, text)
    text = _MD_LINK.sub(lambda m: " " + m.group(1) + " " * (len(m.group(0)) - len(m.group(1)) - 1), text)
    text = re.sub(r"(?s)<!--.*?-->", _blank, text)
    return _MD_MARKS.sub(_blank, text)


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
