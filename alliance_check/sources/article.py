"""Text and what is known of it -> Article: front matter, acceptances, blocks, reference date."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from alliance_check.blocks import join_wrapped, line_starts, text_blocks
from alliance_check.models import Acceptance, Article, Block, InputError, Origin
from alliance_check.normalize.dates import full_date_regex, resolve_match
from alliance_check.sources.frontmatter import (
    FrontMatter,
    field,
    read_currency,
    read_date,
    split_front_matter,
    text_value,
)
from alliance_check.sources.markdown import blank_markdown, read_markdown

# <!-- alliance-check: accept AC101 -->, <!-- alliance-check: accept "US troops in Japan" -- reason -->
_DIRECTIVE = re.compile(
    r"(?im)^[ \t]*(?:<!--|#|//)?[ \t]*alliance-check:[ \t]*accept[ \t]+(?P<what>.+?)[ \t]*(?:-->)?[ \t]*$"
)
_ACCEPT_KEY = re.compile(r"(?im)^accept[ \t]*[:=][ \t]*(?P<what>\S.*)$")
# accept:
#   - AC101 -- figure from 2023
_ACCEPT_ITEMS = re.compile(r"(?im)^accept[ \t]*:[ \t]*\r?\n(?P<items>(?:[ \t]+-[ \t]+.+(?:\r?\n|$))+)")
# where a date written in full can begin: a digit or a month or weekday name
_DATE_START = re.compile(
    r"(?i)(?<![\w])(?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun"
    r"|the\s|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth"
    r"|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty|thirtieth|thirty"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
)


@dataclass(frozen=True)
class Meta:
    """What a file says of itself: its date and how it was found, outlet, title, address, currency."""

    published: str | None = None
    how: str | None = None  # front matter | page metadata | record field
    outlet: str | None = None
    title: str | None = None
    url: str | None = None
    currency: str | None = None


def _targets(raw: str) -> list[tuple[str, str]]:
    """'AC101, "US troops in Japan" -- a reason' -> [(target, reason), ...]."""
    text, _, reason = raw.partition("--")
    parts = re.findall(r'"([^"]+)"|([^,]+)', text.strip().strip("[]'"))
    targets = [(a or b).strip().strip("'\"") for a, b in parts]
    return [(t, reason.strip().strip("'\"")) for t in targets if t]


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
    for m in _ACCEPT_ITEMS.finditer(front_matter):
        first = front_matter.count("\n", 0, m.start()) + 2
        for n, item in enumerate(m.group("items").splitlines()):
            what = item.strip()[1:].strip()
            out.extend(Acceptance(source, t, r, first + n) for t, r in _targets(what))
    return out


def blank_directives(text: str) -> str:
    """Directive lines are for the tool, not claims: blanked, every offset kept."""
    return _DIRECTIVE.sub(lambda m: re.sub(r"[^\r\n]", " ", m.group(0)), text)


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


def meta_of(
    where: str, values: dict[str, object], how: str, names: dict[str, tuple[str, ...]] | None = None
) -> Meta:
    """Date, outlet, title, address and currency from front matter or a record's fields; a date
    or currency that cannot be read is an InputError naming the field and how to write it."""
    names = names or {}
    published: str | None = None
    found = field(values, "published", names.get("published"))
    if found:
        day = read_date(found[1])
        if day is None:
            raise InputError(f"{where}: {how} '{found[0]}: {found[1]}' is not a date; write it as YYYY-MM-DD")
        published = day.isoformat()
    texts = {}
    for role in ("source", "title", "url", "currency"):
        found = field(values, role, names.get(role))
        texts[role] = found[1] if found else None
    return Meta(
        published,
        how if published else None,
        outlet=text_value(texts["source"]),
        title=text_value(texts["title"]),
        url=text_value(texts["url"]),
        currency=read_currency(where, texts["currency"]) if texts["currency"] is not None else None,
    )


def assemble(
    source: str,
    text: str,
    blocks: tuple[Block, ...],
    meta: Meta,
    published: str | None = None,
    acceptances: tuple[Acceptance, ...] = (),
    origin: Origin | None = None,
    file: str = "",
    record: int | None = None,
) -> Article:
    """An Article from its text and blocks: the reference date is the file's own, else
    ``published`` (the option), else the latest full date the text mentions."""
    pub, how = meta.published, meta.how
    if pub is None and published:
        pub, how = published, "option"
    if pub is None:
        guess = infer_published(text)
        if guess:
            pub, how = guess.isoformat(), "inferred"
    return Article(
        source,
        join_wrapped(text, blocks),
        meta.outlet or source,
        pub,
        how,
        line_starts(text),
        acceptances,
        blocks=blocks,
        file=file,
        record=record,
        title=meta.title,
        url=meta.url,
        outlet=meta.outlet,
        currency=meta.currency,
        origin=origin,
    )


def front_matter_meta(source: str, front: FrontMatter | None) -> Meta:
    """What front matter says, or nothing."""
    return meta_of(source, front.values, "front matter") if front else Meta()


def make_article(
    source: str,
    text: str,
    label: str = "",
    published: str | None = None,
    markup: Callable[[str], str] | None = None,
) -> Article:
    """Build an Article from a file's text; front matter, directives and ``markup`` are blanked
    (offsets kept). Markdown (``markup=blank_markdown``) is read with its blocks and table cells.

    >>> make_article("a.md", "+++\\ndate = 2024-03-26\\n+++\\nIt cost $4 million.").published
    '2024-03-26'
    """
    front = split_front_matter(source, text)
    acceptances = find_acceptances(source, text, front.raw if front else "")
    meta = front_matter_meta(source, front)
    text = blank_directives(text)
    if front:
        text = re.sub(r"[^\r\n]", " ", text[: front.end]) + text[front.end :]
    if markup is blank_markdown:
        text, blocks = read_markdown(text)
    else:
        text = markup(text) if markup is not None else text
        blocks = text_blocks(text)
    article = assemble(source, text, blocks, meta, published, tuple(acceptances))
    return replace(article, label=label) if label else article
