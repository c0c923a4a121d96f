"""spaCy Doc + Article -> Claims. spaCy stops here: what leaves this module is plain records."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from alliance_check.mentions import Mention, explicit_year, find_mentions
from alliance_check.models import Article, Block, Claim, SubjectKey
from alliance_check.normalize.dates import parse_iso
from alliance_check.normalize.money import article_currency
from alliance_check.normalize.names import NameMatch, find_names
from alliance_check.normalize.places import ancestors, canonical_place, normalize_place
from alliance_check.normalize.units import dimension
from alliance_check.resources import lexicon
from alliance_check.settings import Settings

PLACE_LABELS = ("GPE", "LOC", "FAC")
ANCHOR_LABELS = ("ORG", "PERSON", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART")
SHORT_NAMES = {"United States": "US", "United Kingdom": "UK"}
_REFERENCE_LINE = re.compile(r"^\s*(?:\[\d+\]|\^\d+|\d+\.\s+[\"“])")
_REFERENCE_WORDS = re.compile(r"(?i)date of access|\baccessed\b|\bretrieved\b|\barchived from\b")
_SKIP_CHILD_DEPS = ("ccomp", "advcl", "relcl", "conj", "parataxis", "punct", "cc")


def short(name: str) -> str:
    """Display form of a canonical place ('United States' -> 'US')."""
    return SHORT_NAMES.get(name, name)


@dataclass(frozen=True)
class _Place:
    start: int
    end: int
    name: str
    root: Any


class _Sentence:
    """What one sentence names: places, countries by demonym, and the domain's known names."""

    def __init__(self, sent: Any) -> None:
        self.sent = sent
        self.places: list[_Place] = []
        self.demonyms: dict[int, str] = {}
        for ent in sent.ents:
            if ent.label_ in PLACE_LABELS:
                self.places.append(_Place(ent.start_char, ent.end_char, normalize_place(ent.text), ent.root))
            elif ent.label_ == "NORP":
                country = canonical_place(ent.text)
                if country:
                    for tok in ent:
                        self.demonyms[tok.i] = country
        place_names = frozenset(p.name for p in self.places) | frozenset(self.demonyms.values())
        place_names |= frozenset(a for name in place_names for a in ancestors(name))
        base = sent.start_char
        self.names: list[NameMatch] = [
            NameMatch(m.start + base, m.end + base, m.canonical, m.info)
            for m in find_names(sent.text, place_names)
        ]
        self.place_names = place_names

    def names_in(self, start: int, end: int) -> list[NameMatch]:
        return [n for n in self.names if n.start < end and n.end > start]

    def places_in(self, start: int, end: int) -> list[_Place]:
        return [p for p in self.places if p.start < end and p.end > start]


def _is_reference_line(line: str) -> bool:
    return bool(_REFERENCE_LINE.match(line) or _REFERENCE_WORDS.search(line))


def _reference_lines(text: str) -> list[tuple[int, int]]:
    """Footnote and reference lines: '[1] "Title", Site, https://..., (Date of Access: ...)'."""
    out = []
    start = 0
    for line in text.splitlines(keepends=True):
        if _is_reference_line(line[:2000]):
            out.append((start, start + len(line)))
        start += len(line)
    return out


def _within(spans: list[tuple[int, int]], offset: int) -> bool:
    i = bisect_right(spans, (offset, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= offset < spans[i][1]


def _is_reference_entry(article: Article, sent: Any, offset: int = 0) -> bool:
    start, end = article.line_starts, offset + sent.start_char
    line = bisect_right(start, end) - 1
    stop = start[line + 1] if line + 1 < len(start) else len(article.text)
    text = article.text[start[line] : min(stop, start[line] + 2000)]
    return _is_reference_line(text) or "http" in sent.text


def _is_bare(sent_text: str, mention: Mention) -> bool:
    """True when the sentence is nothing but the mention (a bare phrase such as 'twenty')."""
    rest = sent_text[: mention.start] + sent_text[mention.end :]
    return not re.search(r"[A-Za-z]{2,}", rest)


def _span(doc: Any, start: int, end: int) -> Any:
    return doc.char_span(start, end, alignment_mode="expand")


def _subtree_span(tok: Any) -> tuple[int, int]:
    left, right = tok.left_edge, tok.right_edge
    return left.idx, right.idx + len(right.text)


def _head_noun(root: Any, inside: tuple[int, int]) -> tuple[Any | None, Any | None]:
    """Climb from the mention to the noun it qualifies, or the verb that governs it."""
    t = root
    for _ in range(5):
        h = t.head
        if h.i == t.i:
            return None, t if t.pos_ in ("VERB", "AUX") else None
        if inside[0] <= h.idx < inside[1]:
            t = h
            continue
        if h.pos_ in ("NOUN", "PROPN") and not _is_unit_word(h.text):
            return h, None
        if h.pos_ in ("VERB", "AUX"):
            return None, h
        t = h
    return None, None


def _is_unit_word(text: str) -> bool:
    lex = lexicon()
    low = text.lower()
    return low in lex.unit_names or low in lex.currency_names or low in ("%", "percent")


def _verb_subject(verb: Any) -> Any | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.pos_ in ("NOUN", "PROPN"):
            return child
    return None


def _verb_object(verb: Any, inside: tuple[int, int]) -> Any | None:
    """'raise defense spending to X': the verb's object, when it is a known kind of quantity."""
    for child in verb.children:
        if child.dep_ == "dobj" and not inside[0] <= child.idx < inside[1]:
            key = child.lemma_.lower()
            if key in lexicon().head_synonyms:
                return child
    return None


def _head_class(noun: Any, inside: tuple[int, int] = (0, 0)) -> tuple[str, str]:
    """(class key, display words) of a head noun, using the synonym lexicon."""
    lex = lexicon()
    compounds = [
        c
        for c in noun.lefts
        if c.dep_ == "compound" and c.pos_ == "NOUN" and not inside[0] <= c.idx < inside[1]
    ]
    lemma = noun.lemma_.lower()
    if compounds:
        phrase = " ".join([*(c.lemma_.lower() for c in compounds), lemma])
        if phrase in lex.head_synonyms:
            return lex.head_synonyms[phrase], lex.head_synonyms[phrase]
    for word in (lemma, noun.text.lower()):
        if word in lex.head_synonyms:
            return lex.head_synonyms[word], lex.head_synonyms[word]
    words = [*(c.text.lower() for c in compounds), lemma]
    return " ".join(words), " ".join(words)


def _places_of(tokens: Iterable[Any], ctx: _Sentence, preps: frozenset[str]) -> set[str]:
    """Places named in 'in/at X' phrases hanging off these tokens ('deployed to X' too)."""
    lex = lexicon()
    out: set[str] = set()
    for tok in tokens:
        allowed = preps
        if tok.lemma_.lower() in lex.location_verbs:
            allowed = preps | lex.destination_prepositions
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in allowed:
                lo, hi = _subtree_span(child)
                out.update(p.name for p in ctx.places_in(lo, hi))
            if child.dep_ == "acl" and child.lemma_.lower() in lexicon().location_verbs:
                out |= _places_of([child], ctx, preps)
    return out


def _owners_and_implied(
    noun: Any, ctx: _Sentence, exclude: tuple[int, int]
) -> tuple[set[str], set[str], set[str]]:
    """Countries owning the head ('US troops'), places its names imply, other names on it."""
    owners: set[str] = set()
    implied: set[str] = set()
    named: set[str] = set()
    lo = noun.left_edge.idx
    hi = noun.idx + len(noun.text)
    for tok in noun.lefts:
        if tok.i in ctx.demonyms:
            owners.add(ctx.demonyms[tok.i])
    for tok in noun.subtree:
        if tok.i in ctx.demonyms and tok.idx < hi:
            owners.add(ctx.demonyms[tok.i])
    for place in ctx.places_in(lo, hi):
        if not (exclude[0] <= place.start < exclude[1]):
            owners.add(place.name)
    for name in ctx.names_in(lo, hi):
        named.add(name.canonical)
        if name.info.country:
            owners.add(name.info.country)
        if name.info.location:
            implied.add(name.info.location)
    return owners, implied, named


def _clause_anchors(verb: Any | None, ctx: _Sentence, skip: set[str]) -> set[str]:
    """Known names and organisations in the clause, for telling apart claims with the same head."""
    if verb is None:
        lo, hi = ctx.sent.start_char, ctx.sent.end_char
    else:
        lo, hi = _subtree_span(verb)
    out = {n.canonical for n in ctx.names_in(lo, hi)}
    for ent in ctx.sent.ents:
        if (
            ent.label_ in ANCHOR_LABELS
            and lo <= ent.start_char < hi
            and not ctx.names_in(ent.start_char, ent.end_char)
        ):
            out.add(" ".join(ent.text.lower().removeprefix("the ").split()))
    return out - skip


def _country(place: str) -> str:
    """The country a place stands for as an owner ('Tokyo intends to spend' -> Japan)."""
    chain = ancestors(place)
    countries = [
        p for p in (place, *chain) if lexicon().places.get(p) and lexicon().places[p].type == "country"
    ]
    return countries[0] if countries else place


def _controller_subject(verb: Any) -> Any | None:
    """'Japan plans to raise ...': the subject of the verb that controls an infinitive."""
    t = verb
    for _ in range(3):
        if t.dep_ not in ("xcomp", "ccomp") or t.head.i == t.i:
            return None
        t = t.head
        subj = _verb_subject(t)
        if subj is not None:
            return subj
    return None


def _host_places(verb: Any | None, ctx: _Sentence) -> set[str]:
    """'Japan is home to ...', 'Japan hosts ...': the subject is where the counted things are."""
    if verb is None:
        return set()
    lex = lexicon()
    hosts = verb.lemma_.lower() in lex.host_verbs or any(
        c.lemma_.lower() in lex.host_verbs for c in verb.children if c.dep_ in ("advmod", "attr", "acomp")
    )
    if not hosts:
        return set()
    subj = _verb_subject(verb)
    if subj is None:
        return set()
    lo, hi = _subtree_span(subj)
    return {p.name for p in ctx.places_in(lo, hi)}


def _numeric_key(m: Mention, doc: Any, base: int, ctx: _Sentence) -> tuple[SubjectKey, str] | None:
    lex = lexicon()
    span = _span(doc, base + m.num_start, base + m.end)
    if span is None:
        return None
    inside = (base + m.num_start, base + m.end)
    noun, verb = _head_noun(span.root, inside)
    if m.compound in lex.count_compounds and noun is not None:
        head = lex.head_synonyms.get(m.compound, m.compound)
        head_words = head
    elif noun is not None:
        head, head_words = _head_class(noun, inside)
    elif verb is not None and verb.lemma_.lower() in lex.verb_heads:
        head = head_words = lex.verb_heads[verb.lemma_.lower()]
    elif verb is not None and (obj := _verb_object(verb, inside)) is not None:
        head, head_words = _head_class(obj)
    elif verb is not None and _verb_subject(verb) is not None and m.kind in ("money", "percent", "count"):
        noun = _verb_subject(verb)
        head, head_words = _head_class(noun)
    else:
        head, head_words = "", ""
    dim = dimension(m.unit)
    if dim and (not head or head == "distance"):
        default = lex.dimensions.get(dim, {}).get("subject")
        if default:
            head, head_words = default, default
    if not head and verb is not None:
        head, head_words = verb.lemma_.lower(), verb.lemma_.lower()
    if not head:
        return None
    if m.kind == "percent":
        for tok in span:
            for child in tok.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    obj = [c for c in child.children if c.dep_ == "pobj"]
                    if obj:
                        head = f"share of {obj[0].lemma_.lower()}"
                        head_words = head
    if verb is None and noun is not None:
        t = noun
        for _ in range(4):
            if t.head.i == t.i:
                break
            t = t.head
            if t.pos_ in ("VERB", "AUX"):
                verb = t
                break
    owners: set[str] = set()
    implied: set[str] = set()
    named: set[str] = set()
    places: set[str] = set()
    if noun is not None:
        owners, implied, named = _owners_and_implied(noun, ctx, inside)
        places = _places_of([noun], ctx, lex.place_prepositions)
    if verb is not None:
        places |= _places_of([verb], ctx, lex.place_prepositions)
        places |= _host_places(verb, ctx)
    if head in ("distance", "time difference"):
        places = {p.name for p in ctx.places}
        named |= {n.canonical for n in ctx.names if n.info.location}
        owners = set()
    if not owners and verb is not None and m.kind in ("money", "percent"):
        subj = _verb_subject(verb) or _controller_subject(verb)
        if subj is not None:
            lo, hi = _subtree_span(subj)
            owners = {p.name for p in ctx.places_in(lo, hi)} | {
                ctx.demonyms[t.i] for t in subj.subtree if t.i in ctx.demonyms
            }
    places |= implied
    owners = {_country(o) for o in owners} - places
    anchors = _clause_anchors(verb, ctx, places | owners) | named
    unit_key = m.unit if m.kind == "money" else dim
    key = SubjectKey(
        head=f"{m.kind}|{unit_key or ''}|{head}",
        owners=frozenset(owners),
        places=frozenset(places),
        anchors=frozenset(anchors),
    )
    who = " ".join(sorted(short(o) for o in owners))
    where = " and ".join(sorted(short(p) for p in places))
    if head in ("distance", "time difference") and len(places) >= 2:
        text = f"{head_words} between {where}"
    else:
        text = " ".join(x for x in (who, head_words) if x) + (f" in {where}" if where else "")
    return key, text


def _event_of(tok: Any, ctx: _Sentence, exclude: tuple[int, int]) -> tuple[SubjectKey, str] | None:
    """The event a date or place attaches to: a known name, an event noun, or an event verb."""
    lex = lexicon()
    t = tok
    anchor = None
    for _ in range(5):
        h = t.head
        if h.i == t.i:
            anchor = t
            break
        if exclude[0] <= h.idx < exclude[1] or h.dep_ == "prep" or h.pos_ == "ADP":
            t = h
            continue
        anchor = h
        break
    if anchor is None:
        return None

    def named_in(lo: int, hi: int) -> NameMatch | None:
        for name in ctx.names_in(lo, hi):
            if name.info.type == "event" and not (exclude[0] <= name.start < exclude[1]):
                return name
        return None

    if anchor.pos_ in ("NOUN", "PROPN"):
        lo, hi = _subtree_span(anchor)
        name = named_in(lo, hi) or named_in(anchor.left_edge.idx, anchor.idx + len(anchor.text))
        if name:
            return _named_event(name)
        cls = lex.event_nouns.get(anchor.lemma_.lower()) or lex.event_nouns.get(anchor.text.lower())
        if cls:
            return _generic_event(cls, anchor, ctx, exclude)
        return None
    if anchor.pos_ not in ("VERB", "AUX"):
        return None
    for child in anchor.children:
        if child.dep_ in _SKIP_CHILD_DEPS:
            continue
        lo, hi = _subtree_span(child)
        if exclude[0] <= child.idx < exclude[1]:
            continue
        name = named_in(lo, hi)
        if name:
            return _named_event(name)
    for child in anchor.children:
        if child.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "pobj"):
            cls = lex.event_nouns.get(child.lemma_.lower())
            if cls:
                return _generic_event(cls, child, ctx, exclude)
        if child.dep_ == "prep":
            for obj in child.children:
                cls = lex.event_nouns.get(obj.lemma_.lower()) if obj.dep_ == "pobj" else None
                if cls and not (exclude[0] <= obj.idx < exclude[1]):
                    return _generic_event(cls, obj, ctx, exclude)
    lemma = anchor.lemma_.lower()
    if lex.event_verbs.get(lemma):
        return _generic_event(str(lex.event_verbs[lemma]), anchor, ctx, exclude)
    return None


def _named_event(name: NameMatch) -> tuple[SubjectKey, str]:
    return SubjectKey(head=f"event|{name.canonical}", named=True), name.canonical


def _relative_antecedent(verb: Any) -> Any | None:
    """'... Command, which is set to be established': the noun a relative clause is about."""
    t = verb
    for _ in range(4):
        if t.dep_ == "relcl":
            return t.head
        if t.dep_ not in ("xcomp", "auxpass", "aux", "ccomp") or t.head.i == t.i:
            return None
        t = t.head
    return None


def _object_words(anchor: Any, ctx: _Sentence) -> tuple[str, bool]:
    """What an event is of: 'signing of the Security Treaty' -> the treaty's name."""
    candidates = []
    for child in anchor.children:
        if child.dep_ in ("dobj", "nsubjpass") and child.tag_ not in ("WDT", "WP"):
            candidates.append(child)
        if child.dep_ == "prep" and child.lower_ == "of":
            candidates.extend(c for c in child.children if c.dep_ == "pobj")
    if not candidates and anchor.pos_ in ("VERB", "AUX"):
        antecedent = _relative_antecedent(anchor)
        if antecedent is not None:
            candidates.append(antecedent)
    for obj in candidates:
        here = (obj.idx, obj.idx + len(obj.text))
        names = ctx.names_in(*here)
        if names:
            return names[0].canonical, True
        ents = [
            e for e in ctx.sent.ents if e.start_char <= here[0] < e.end_char and e.label_ in ANCHOR_LABELS
        ]
        if ents:
            return re.sub(r"(?i)^the\s+", "", " ".join(ents[0].text.split())), False
        compounds = [c.text.lower() for c in obj.lefts if c.dep_ in ("compound", "amod")]
        return " ".join([*compounds, obj.lemma_.lower()]), False
    return "", False


def _generic_event(cls: str, anchor: Any, ctx: _Sentence, exclude: tuple[int, int]) -> tuple[SubjectKey, str]:
    obj, known = _object_words(anchor, ctx)
    # Participants: who and where else the sentence names, but never the claim's own value.
    places = {p.name for p in ctx.places if not (exclude[0] <= p.start < exclude[1])}
    anchors = _clause_anchors(None, ctx, set()) | set(ctx.demonyms.values()) | places
    for place_name in {p.name for p in ctx.places if exclude[0] <= p.start < exclude[1]}:
        anchors.discard(place_name)
    text = f"{cls} of {obj}" if obj else cls
    # An event of a known, named thing ('establishment of the Joint Operations Command') is
    # identified by that name; a generic one ('a meeting') needs its participants to match.
    return SubjectKey(head=f"event|{text}", anchors=frozenset(anchors), named=known), text


def _keep_count(m: Mention, doc: Any, base: int, sent_text: str, settings: Settings) -> bool:
    """Whether a bare number is a claim: not a label, not a small count of things already named."""
    lex = lexicon()
    if _is_bare(sent_text, m):
        return True
    if m.compound is not None and m.compound not in lex.count_compounds:
        return False
    span = _span(doc, base + m.num_start, base + m.num_end)
    if span is None:
        return False
    root = span.root
    head = root.head
    if m.yearlike:
        return head.tag_ in ("NNS", "NNPS") and root.dep_ == "nummod" and root.i < head.i
    if head.pos_ == "PROPN" and head.i < root.i and root.dep_ in ("nummod", "appos", "npadvmod", "compound"):
        return False  # 'Voyager 2', 'Windows 10'
    if m.spelled and isinstance(m.value, float) and m.value <= settings.small_count_max:
        if m.value == 1 or m.compound is not None:
            return False
        if root.dep_ != "nummod" or head.pos_ not in ("NOUN", "PROPN"):
            return False
        dets = [c for c in head.children if c.dep_ in ("det", "poss", "predet")]
        if any(d.lower_ in lex.definite_determiners or d.dep_ == "poss" for d in dets):
            return False
    return True


_AS_OF_MARK = re.compile(r"(?i)\b(?:in|as of|at the end of|by the end of|during|of|for)\s+$")


def _as_of(m: Mention, dates: list[Mention], article: Article, sent_text: str) -> str | None:
    """The date a figure refers to: 'in 2020, 50,000 troops ...'; else the article's date."""
    for d in dates:
        full = isinstance(d.value, str) and not d.value.startswith("--")
        near = full and d.qualifier in ("exact", "approx") and abs(d.start - m.start) < 80
        if near and (d.relative or _AS_OF_MARK.search(sent_text[max(0, d.start - 20) : d.start])):
            return str(d.value)
    return article.published


@lru_cache(maxsize=1)
def _previous_value_regex() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in lexicon().previous_value)
    return re.compile(rf"(?i)(?:^|\W)(?:{words})\s+$")


def _is_previous_value(m: Mention, sent_text: str) -> bool:
    """'up from 27.5 trillion yen': an earlier or contrasted value, not the claim of the sentence."""
    return bool(_previous_value_regex().search(sent_text[max(0, m.start - 30) : m.start]))


def _place_claims(ctx: _Sentence, make: _ClaimMaker) -> Iterator[Claim]:
    lex = lexicon()
    doc_text = ctx.sent.doc.text
    previous_end = -1
    for place in ctx.places:
        between = doc_text[previous_end : place.start]
        container = previous_end >= 0 and re.fullmatch(r"\s*(?:,|in|of)\s*", between)
        previous_end = place.end
        if container:
            continue  # 'Camp David in Maryland': Maryland only says where Camp David is
        tok = place.root
        prep = tok.head
        if tok.dep_ != "pobj" or prep.lower_ not in lex.place_prepositions:
            continue
        host = prep.head
        is_event = (
            host.lemma_.lower() in lex.event_verbs
            or host.lemma_.lower() in lex.event_nouns
            or any(
                n.info.type == "event" for n in ctx.names_in(host.left_edge.idx, host.idx + len(host.text))
            )
        )
        if not is_event:
            continue
        event = _event_of(prep, ctx, (place.start, place.end))
        if event is None:
            continue
        key, event_text = event
        kind = lex.places.get(place.name)
        yield make(
            place.start,
            place.end,
            "place",
            f"place of {event_text}",
            place.name,
            None,
            None,
            "exact",
            None,
            kind.type if kind else "unknown",
            SubjectKey(
                head=key.head.replace("event|", "place|", 1),
                owners=key.owners,
                places=key.places,
                anchors=key.anchors,
                named=key.named,
            ),
            None,
        )


class _ClaimMaker:
    """Builds the Claim records of one sentence, with positions from the article."""

    def __init__(self, article: Article, sentence: str, base: int, offset: int = 0) -> None:
        self.article = article
        self.sentence = " ".join(sentence.split())
        self.base = base
        self.offset = offset  # where the parsed piece of text starts in the article

    def __call__(
        self,
        start: int,
        end: int,
        kind: str,
        subject: str | None,
        value: float | str,
        value_max: float | str | None,
        unit: str | None,
        qualifier: str,
        as_of: str | None,
        precision: float | str,
        key: SubjectKey | None,
        note: str | None,
    ) -> Claim:
        start, end = start + self.offset, end + self.offset
        line, column = self.article.position(start)
        return Claim(
            id=f"{self.article.source}:{line}:{column}",
            source=self.article.source,
            line=line,
            column=column,
            start=start,
            end=end,
            text=self.article.text[start:end],
            sentence=self.sentence,
            kind=kind,
            subject=subject,
            value=value,
            value_max=value_max,
            unit=unit,
            qualifier=qualifier,
            as_of=as_of,
            precision=precision,
            key=key,
            note=note,
            label=self.article.label,
            sentence_start=self.offset + self.base,
        )


@dataclass
class _Reading:
    """What reading one article carries from sentence to sentence."""

    year_hint: int | None = None  # the year of the last full date read: 'July 13' after 'July 12, 2014'
    currency: str | None = None  # what a bare '$' stands for in this article (see article_currency)
    seen: set[tuple[int, int, str]] = field(default_factory=set)


def extract_claims(
    doc: Any,
    article: Article,
    settings: Settings | None = None,
    offset: int = 0,
    reading: _Reading | None = None,
) -> Iterator[Claim]:
    """Every claim in a parsed article, or in a parsed piece of it starting at ``offset``.

    >>> claims = list(extract_claims(nlp(text), article))  # doctest: +SKIP
    """
    settings = settings or Settings()
    reference = parse_iso(article.published) if article.published else None
    reading = (
        reading
        if reading is not None
        else _Reading(currency=article_currency(article.text, article.currency))
    )
    seen = reading.seen
    for sent in doc.sents:
        if not sent.text.strip() or _is_reference_entry(article, sent, offset):
            continue
        ctx = _Sentence(sent)
        base = sent.start_char
        mentions = find_mentions(sent.text, reference, reading.year_hint, reading.currency)
        for m in mentions:
            reading.year_hint = explicit_year(m) or reading.year_hint
        dates = [m for m in mentions if m.kind == "date"]

        make = _ClaimMaker(article, sent.text, base, offset)
        sentence_claims: list[Claim] = []
        for m in mentions:
            if m.kind == "count" and not _keep_count(m, doc, base, sent.text, settings):
                continue
            if m.kind == "date":
                span = _span(doc, base + m.num_start, base + m.num_end)
                event = _event_of(span.root, ctx, (base + m.num_start, base + m.num_end)) if span else None
                key, subject = event if event else (None, None)
                claim = make(
                    base + m.start,
                    base + m.end,
                    "date",
                    f"date of {subject}" if subject else None,
                    m.value,
                    m.value_max,
                    None,
                    m.qualifier,
                    None,
                    m.precision,
                    key,
                    m.note,
                )
            else:
                found = _numeric_key(m, doc, base, ctx)
                key, subject = found if found else (None, None)
                note = m.note
                if _is_previous_value(m, sent.text):
                    key, note = None, "an earlier or contrasted value: not compared"
                claim = make(
                    base + m.start,
                    base + m.end,
                    m.kind,
                    subject,
                    m.value,
                    m.value_max,
                    m.unit,
                    m.qualifier,
                    _as_of(m, dates, article, sent.text),
                    m.precision,
                    key,
                    note,
                )
            sentence_claims.append(claim)
        sentence_claims.extend(_place_claims(ctx, make))
        for claim in sorted(sentence_claims, key=lambda c: (c.start, c.kind)):
            marker = (claim.start, claim.end, claim.kind)  # article offsets
            if marker not in seen:
                seen.add(marker)
                yield claim


_DEFINITE_BEFORE = re.compile(r"(?i)\b(?P<w>[a-z]+)\s+$")


def _surely_dropped(m: Mention, text: str, settings: Settings) -> bool:
    """Counts that extraction drops on the words alone, whatever the parse says (see _keep_count)."""
    if m.kind != "count" or _is_bare(text, m):
        return False
    lex = lexicon()
    if m.compound is not None and m.compound not in lex.count_compounds:
        return True  # 'three-star'
    if m.spelled and isinstance(m.value, float) and 0 <= m.value <= settings.small_count_max:
        if m.value == 1:
            return True  # 'one of the strongest'
        before = _DEFINITE_BEFORE.search(text[: m.start])
        return bool(before and before.group("w").lower() in lex.definite_determiners)  # 'the two nations'
    return False


_IN_PLACE = re.compile(r"\b(?:in|at|In|At)\s+(?:the\s+)?[A-Z]")


def _has_event_place(text: str) -> bool:
    """An event word shortly before 'in/at' and a capitalised name: 'met in Tokyo'."""
    return _IN_PLACE.search(text) is not None and _place_trigger().search(text) is not None


def _could_hold_claim(mentions: list[Mention], text: str, settings: Settings) -> bool:
    """The rule scanner found a mention that extraction could keep, or there is a place of an event."""
    return any(not _surely_dropped(m, text, settings) for m in mentions) or _has_event_place(text)


def candidate_spans(
    nlp: Any,
    text: str,
    reference: date | None = None,
    settings: Settings | None = None,
    blocks: tuple[Block, ...] = (),
    currency: str | None = None,
) -> list[tuple[int, int]]:
    """Stretches of text that may hold a claim, found with the tokenizer and rules alone.

    A sentence (see split_sentences) is a candidate when the rule scanner
    finds a number, date, amount or measure in it, or an event word with 'in/at' before a name.
    Adjacent candidates of one block are joined, so the parser sees them together.
    """
    settings = settings or Settings()
    spans: list[tuple[int, int]] = []
    year_hint: int | None = None  # as extraction will have it, so the scanner's results are shared
    references = _reference_lines(text)
    for block_start, block_end in _block_spans(text, blocks):
        joinable = False  # a piece never crosses the edge of a block
        for sent_start, sent_end in split_sentences(nlp, text, block_start, block_end):
            chunk = text[sent_start:sent_end]
            if _within(references, sent_start):
                joinable = False
                continue  # reference lists are never read (see _is_reference_entry)
            mentions = find_mentions(chunk, reference, year_hint, currency)
            for m in mentions:
                year_hint = explicit_year(m) or year_hint
            if not _could_hold_claim(mentions, chunk, settings):
                joinable = False
                continue
            for start, end in _windows(text, sent_start, sent_end, mentions):
                if joinable and end - spans[-1][0] <= MAX_PIECE:
                    spans[-1] = (spans[-1][0], end)
                else:
                    spans.append((start, end))
                joinable = True
    return spans


def _block_spans(text: str, blocks: tuple[Block, ...]) -> list[tuple[int, int]]:
    return [(b.start, b.end) for b in blocks] if blocks else [(0, len(text))]


MAX_PIECE = 5000  # characters the pipeline reads at once; longer sentences are read in windows
WINDOW = 600  # characters kept on each side of a value in a window


def _windows(text: str, start: int, end: int, mentions: list[Mention]) -> list[tuple[int, int]]:
    """A sentence, or for an overlong one (a megabyte with no full stop) windows around its values
    and event words, cut at spaces."""
    if end - start <= MAX_PIECE:
        return [(start, end)]
    centres = [start + m.start for m in mentions]
    centres += [start + t.start() for t in _place_trigger().finditer(text, start, end)]
    out: list[tuple[int, int]] = []
    for centre in sorted(centres):
        lo = max(start, centre - WINDOW)
        hi = min(end, centre + WINDOW)
        lo = text.rfind(" ", start, lo) + 1 or lo if lo > start else lo
        space = text.find(" ", hi, end)
        hi = space if space != -1 else end
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


_SENTENCE_END = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+[\"“‘(\[]?[A-Z])|\n+")
_LAST_WORD = re.compile(r"(\S+)$")


@lru_cache(maxsize=4)
def _abbreviations(nlp: Any) -> frozenset[str]:
    """Words the tokenizer keeps whole with their full stop ('U.S.', 'Jan.', 'Mr.')."""
    return frozenset(k.lower() for k in nlp.tokenizer.rules if k.endswith(".") and len(k) > 1)


def split_sentences(nlp: Any, text: str, start: int = 0, stop: int | None = None) -> list[tuple[int, int]]:
    """Sentences of ``text[start:stop]`` by rule, without the parser: a full stop, '!' or '?'
    before a capital, or a line break; a full stop after an abbreviation or a single letter ends
    nothing.
    """
    abbreviations = _abbreviations(nlp)
    stop = len(text) if stop is None else stop
    spans: list[tuple[int, int]] = []
    for m in _SENTENCE_END.finditer(text, start, stop):
        if m.group(0)[0] == ".":
            word = _LAST_WORD.search(text, max(0, m.start() - 64), m.end())
            token = word.group(1).lower() if word else ""
            bare = re.split(r"[-/–]", token.strip("\"“”’'()[]"))[-1]  # 'Japan-U.S.' ends in 'U.S.'
            if bare in abbreviations or re.fullmatch(r"(?:[a-z]\.)+", bare):
                continue
        end = m.end()
        if text[start:end].strip():
            spans.append((start, end))
        start = end
    if text[start:stop].strip():
        spans.append((start, stop))
    return spans


@lru_cache(maxsize=1)
def _place_trigger() -> re.Pattern[str]:
    lex = lexicon()
    words = {*lex.event_nouns, *lex.event_verbs, *(n.lower() for n in lex.entity_names)}
    stems = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    irregular = "met|held|hosted|visited|signed|convened|gathered|flew|went|came"
    # an event word, then within a few words 'in/at' before a capitalised name: 'met in Tokyo'
    return re.compile(
        rf"(?i:\b(?:{stems}|{irregular})(?:s|es|ed|d|ing)?\b)(?:\W+\w+){{0,4}}?\W+(?i:in|at)\s+(?:the\s+)?[A-Z]"
    )


def extract_articles(
    articles: list[Article],
    nlp: Any,
    settings: Settings | None = None,
) -> list[list[Claim]]:
    """Claims of each article; only candidate stretches go through the statistical pipeline."""
    settings = settings or Settings()
    currencies = [article_currency(a.text, a.currency) for a in articles]
    pieces = [
        (i, s, e)
        for i, a in enumerate(articles)
        for s, e in candidate_spans(
            nlp, a.text, parse_iso(a.published) if a.published else None, settings, a.blocks, currencies[i]
        )
    ]
    texts = (articles[i].text[s:e] for i, s, e in pieces)
    results: list[list[Claim]] = [[] for _ in articles]
    readings = [_Reading(currency=currencies[i]) for i in range(len(articles))]
    for (i, s, _), doc in zip(pieces, nlp.pipe(texts, batch_size=64), strict=True):
        results[i].extend(extract_claims(doc, articles[i], settings, s, readings[i]))
    return [sorted(claims, key=lambda c: (c.start, c.kind)) for claims in results]
