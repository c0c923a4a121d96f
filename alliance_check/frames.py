"""What a claim is about, read off the parse: property terms, owners, places, names, time scope
and context words, as a plain Frame that grouping weighs.

A sentence is indexed once (its entities, place names, content words, domain names); each value
in it then climbs the parse to the noun it counts and the verb that governs it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise, takewhile
from typing import Any

from alliance_check.models import LATER, TOTAL, Frame
from alliance_check.normalize.names import NameMatch, find_names
from alliance_check.normalize.numbers import parse_number
from alliance_check.normalize.places import ancestors, canonical_place, normalize_place
from alliance_check.resources import Domain, lexicon

PLACE_LABELS = ("GPE", "LOC", "FAC")
NAME_LABELS = ("ORG", "PERSON", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART", "NORP", "FAC")
CONTENT_POS = ("NOUN", "PROPN", "VERB", "ADJ")
CORE_ARGS = ("nsubj", "nsubjpass", "dobj", "attr", "oprd", "dative", "acomp")
OTHER_CLAUSES = ("ccomp", "advcl", "relcl", "conj", "parataxis", "punct", "cc", "mark")
_WORD = re.compile(r"[a-z][a-z'-]*[a-z]")


def short(name: str) -> str:
    """Display form of a canonical place ('United States' -> 'US')."""
    return lexicon().short_names.get(name, name)


@dataclass(frozen=True)
class PlaceMention:
    """A place named in a sentence: where, as the gazetteer (or the text) names it, and its root."""

    start: int
    end: int
    name: str
    root: Any


def _clean(text: str) -> str:
    return re.sub(r"(?i)^the\s+", "", " ".join(text.split())).strip(" .,;:'’\"")


class SentenceIndex:
    """One parsed sentence, indexed once: its places, names, demonyms and content words."""

    def __init__(
        self, sent: Any, domain: Domain, masked: Iterable[tuple[int, int]] = (), doc_text: str | None = None
    ) -> None:
        lex = lexicon()
        self.sent = sent
        self.doc = sent.doc
        self.places: list[PlaceMention] = []
        self.names: list[tuple[int, int, str]] = []  # (start, end, name) of named things
        self.demonyms: dict[int, str] = {}  # token index -> country
        covered: set[int] = set()
        dated: set[int] = set()  # tokens of dates with a digit ('2042'; not 'the two-plus-two meeting')
        for ent in sent.ents:
            covered.update(range(ent.start, ent.end))
            if ent.label_ == "DATE" and any(ch.isdigit() for ch in ent.text):
                dated.update(range(ent.start, ent.end))
            last = ent[-1].lemma_.lower()
            text = re.sub(r"['’]s$", "", ent.text)
            # the model calls some cities people or firms ('Adelaide', 'Perth'): the gazetteer knows
            # ('Jordan said' stays a person: a person-tagged name counts only after a preposition)
            known = (
                ent.label_ in ("ORG", "PRODUCT") or (ent.label_ == "PERSON" and ent.root.dep_ == "pobj")
            ) and canonical_place(text) is not None
            facility = ent.label_ == "ORG" and last in lex.facility_nouns
            if ent.label_ in ("GPE", "LOC") and _surname(ent, text):
                self.names.append((ent.start_char, ent.end_char, _clean(ent.text).lower()))
            elif ent.label_ in ("GPE", "LOC", "FAC") or known or facility:
                name = normalize_place(text)
                self.places.append(PlaceMention(ent.start_char, ent.end_char, name, ent.root))
            elif ent.label_ == "NORP":
                country = canonical_place(ent.text)
                if country:
                    for tok in ent:
                        self.demonyms[tok.i] = country
                else:
                    self.names.append((ent.start_char, ent.end_char, _clean(ent.text).lower()))
            elif ent.label_ in NAME_LABELS:
                self.names.append((ent.start_char, ent.end_char, _clean(ent.text).lower()))
        self.places += _gazetteer_places(sent, covered)
        self.places.sort(key=lambda p: p.start)
        place_names = frozenset(p.name for p in self.places) | frozenset(self.demonyms.values())
        place_names |= frozenset(a for name in place_names for a in ancestors(name))
        base = sent.start_char
        self.known: list[NameMatch] = [
            NameMatch(m.start + base, m.end + base, m.canonical, m.info)
            for m in find_names(sent.text, domain, place_names)
        ]
        spans = _union(masked)
        self.words = tuple(w for tok in sent if (w := _content(tok)) and not _inside(tok.idx, spans))
        # what every frame of the sentence shares, computed once (a sentence may hold thousands)
        self.text: str = doc_text if doc_text is not None else self.doc.text  # for slicing
        self._place_starts = [p.start for p in self.places]
        self._disjoint = all(a.end <= b.start for a, b in pairwise(self.places))
        self.names_all = self._all_names()
        self.known_names = tuple(dict.fromkeys(n.canonical for n in self.known))
        self.known_locations = [n.info.location for n in self.known if n.info.location]
        self._context: tuple[tuple[str, ...] | None, tuple[str, ...]] = (None, ())
        self._verbs: list[Any] | None = None
        self._tour: dict[int, tuple[int, int]] | None = None
        self._place: dict[int, int] = {}
        self._owner_marks: list[int] = []
        self.dated = frozenset(dated)
        self._dated_places: list[int] | None = None

    def context_with(self, context: tuple[str, ...]) -> tuple[str, ...]:
        """The sentence's content words, then ``context``, each once (kept for the last context asked)."""
        if self._context[0] is not context:
            self._context = (context, tuple(dict.fromkeys([*self.words, *context])))
        return self._context[1]

    def main_verbs(self) -> list[Any]:
        """The sentence's verbs that say something, in order (see _main_verb)."""
        if self._verbs is None:
            self._verbs = [t for t in self.sent if t.pos_ in ("VERB", "AUX") and _verb_word(t)]
        return self._verbs

    def in_subtree(self, holder: Any) -> list[Any]:
        """The owner marks (demonyms, proper-noun possessives) in ``holder``'s subtree, in the order
        of ``holder.subtree``; one in-order walk of the sentence, made once, answers every holder."""
        if self._tour is None:
            self._build_tour()
        assert self._tour is not None
        span = self._tour.get(holder.i)
        if span is None:  # an arc leaves the sentence: walk the subtree as spaCy does
            return [t for t in holder.subtree if t.i in self.demonyms or _is_poss(t)]
        lo, hi = span
        marks = [(self._place[i], i) for i in self._owner_marks if lo <= self._place[i] <= hi]
        return [self.doc[i] for _, i in sorted(marks)]

    def holds_date(self, holder: Any, inside: set[int]) -> bool:
        """Whether ``holder``'s subtree holds a token of a date of the sentence other than the
        value at ``inside`` ('with deliveries from 2042'); the walk made once answers every holder."""
        if self._tour is None:
            self._build_tour()
        assert self._tour is not None
        span = self._tour.get(holder.i)
        if span is None:  # an arc leaves the sentence: walk the subtree as spaCy does
            return any(t.i in self.dated and t.i not in inside for t in holder.subtree)
        if self._dated_places is None:
            self._dated_places = sorted(self._place[i] for i in self.dated)
        lo, hi = span
        held = bisect_right(self._dated_places, hi) - bisect_left(self._dated_places, lo)
        own = sum(1 for i in inside if i in self.dated and lo <= self._place[i] <= hi)
        return held > own

    def _build_tour(self) -> None:
        """Each token's place in an in-order walk (lefts, itself, rights: the order of
        ``Token.subtree``) and the last place of its subtree."""
        sent = self.sent
        first, last = sent.start, sent.end
        children: dict[int, list[int]] = {}
        roots: list[int] = []
        marks: list[int] = []
        for tok in sent:
            head = tok.head.i
            if not first <= head < last:
                self._tour = {}  # an arc leaves the sentence: no walk of the sentence alone is exact
                return
            if head == tok.i:
                roots.append(tok.i)
            else:
                children.setdefault(head, []).append(tok.i)
            if tok.i in self.demonyms or _is_poss(tok):
                marks.append(tok.i)
        place: dict[int, int] = {}  # token -> its place in the walk
        entered: dict[int, int] = {}  # token -> the place of the first token of its subtree
        tour: dict[int, tuple[int, int]] = {}  # token -> the first and last place of its subtree
        for root in roots:
            stack: list[tuple[int, int]] = [(root, 0)]  # stage 0: enter, 1: emit, 2: leave
            while stack:
                i, stage = stack.pop()
                kids = children.get(i, [])
                if stage == 0:
                    entered[i] = len(place)
                    stack.append((i, 1))
                    stack.extend((c, 0) for c in reversed([c for c in kids if c < i]))
                elif stage == 1:
                    place[i] = len(place)
                    stack.append((i, 2))
                    stack.extend((c, 0) for c in reversed([c for c in kids if c > i]))
                else:
                    tour[i] = (entered[i], len(place) - 1)
        self._place = place
        self._tour = tour
        self._owner_marks = marks

    def places_in(self, lo: int, hi: int) -> list[PlaceMention]:
        if not self._disjoint:
            return [p for p in self.places if p.start < hi and p.end > lo]
        # disjoint and sorted: the places that start before hi are a prefix, those ending after lo
        # its tail
        stop = bisect_left(self._place_starts, hi)
        first = stop
        while first > 0 and self.places[first - 1].end > lo:
            first -= 1
        return self.places[first:stop]

    def known_in(self, lo: int, hi: int) -> list[NameMatch]:
        return [n for n in self.known if n.start < hi and n.end > lo]

    def all_names(self) -> tuple[str, ...]:
        """Every named thing of the sentence: the domain's canonical names first."""
        return self.names_all

    def _all_names(self) -> tuple[str, ...]:
        known = [n.canonical for n in self.known]
        covered = [(n.start, n.end) for n in self.known]
        rest = [name for s, e, name in self.names if not any(s < ke and e > ks for ks, ke in covered)]
        return tuple(dict.fromkeys([*known, *rest]))


def _surname(ent: Any, text: str) -> bool:
    """A name the model took for a place that follows a first name ('Ana Petrova'): a person, unless
    the gazetteer knows it as a place ('New Jersey', 'Port Louis')."""
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    return (
        before is not None
        and before.pos_ == "PROPN"
        and before.ent_type_ == ""
        and before.text[:1].isupper()
        and canonical_place(text) is None
        and canonical_place(f"{before.text} {text}") is None
    )


def _is_poss(tok: Any) -> bool:
    return bool(tok.dep_ == "poss" and tok.pos_ == "PROPN")


def _gazetteer_places(sent: Any, covered: set[int]) -> list[PlaceMention]:
    """Runs of capitalised proper nouns the model left untagged that the gazetteer knows as places,
    whole ('in Adelaide'; not 'Independence' in 'Independence Day'), after a word (a capital that
    starts a sentence says nothing)."""
    out = []
    run: list[Any] = []
    for tok in [*sent, None]:
        inside = tok is not None and tok.i > sent.start and tok.i not in covered
        if inside and tok.pos_ == "PROPN" and tok.text[:1].isupper():
            run.append(tok)
            continue
        if run:
            name = canonical_place(sent.doc[run[0].i : run[-1].i + 1].text)
            if name is not None:
                out.append(PlaceMention(run[0].idx, run[-1].idx + len(run[-1].text), name, run[-1]))
            run = []
    return out


def _union(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Half-open spans merged into disjoint ones, in order."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if s >= e:
            continue
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``offset`` lies in one of these disjoint sorted spans (see _union)."""
    i = bisect_right(spans, (offset, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= offset < spans[i][1]


VALUE_ENTS = ("DATE", "TIME", "CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORDINAL")


def _content(tok: Any) -> str:
    """A token's lemma when it carries content: not a stop word, a number, a date or time word, a
    unit or punctuation (numbers are masked: two sentences do not share a word by sharing '2024')."""
    if tok.pos_ not in CONTENT_POS or tok.is_stop or tok.like_num or tok.ent_type_ in VALUE_ENTS:
        return ""
    if _is_unit_word(tok):
        return ""
    lemma = str(tok.lemma_).lower()
    if not _WORD.fullmatch(lemma) or lemma in lexicon().light_words:
        return ""
    return lemma


def content_words(sent: Any) -> tuple[str, ...]:
    """The content lemmas of a sentence (for the context of the claims of the next one)."""
    return tuple(w for tok in sent if (w := _content(tok)))


def _is_unit_word(tok: Any) -> bool:
    lex = lexicon()
    low = tok.lower_
    return low in lex.unit_names or low in lex.currency_names or low in ("%", "percent", "per", "cent")


def _climb(root: Any, inside: set[int]) -> tuple[Any | None, Any | None]:
    """From a value up the parse: the noun it counts or describes, and the verb that governs it."""
    lex = lexicon()
    noun = verb = None
    t = root
    for _ in range(8):
        h = t.head
        if h.i == t.i:
            if verb is None and t.pos_ in ("VERB", "AUX") and t.i not in inside:
                verb = t
            break
        t = h
        if h.i in inside or _is_unit_word(h):
            continue
        # 'will cost $5m and open in 2028': a verb joined to another is sometimes tagged an adjective
        if h.pos_ in ("VERB", "AUX") or (h.pos_ == "ADJ" and h.dep_ == "conj" and h.head.pos_ == "VERB"):
            verb = h
            break
        if noun is None and h.pos_ in ("NOUN", "PROPN") and h.lemma_.lower() not in lex.time_nouns:
            noun = h
    return noun, verb


def _phrase(tok: Any, inside: set[int]) -> list[str]:
    """A noun with the compounds and adjectives that narrow it, as lemmas."""
    mods = [
        c.lemma_.lower()
        for c in tok.lefts
        if c.dep_ in ("compound", "amod", "nmod", "npadvmod") and c.i not in inside and _content(c)
    ]
    return [*mods, tok.lemma_.lower()] if _content(tok) else mods


def _modifiers(noun: Any, inside: set[int]) -> list[str]:
    """What narrows a counted noun: its compounds and adjectives, and 'with/without X' after it."""
    out = [m for m in _phrase(noun, inside)[:-1]]
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in ("with", "without", "of"):
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.i not in inside and obj.pos_ != "PROPN" and _content(obj):
                    out.append(
                        f"{child.lower_} {obj.lemma_.lower()}" if child.lower_ != "of" else obj.lemma_.lower()
                    )
    return out


PLACE_ENTS = ("GPE", "LOC", "NORP")
KIND_WORDS = 6  # modifiers read before a counted noun, at each level


def _kinds(noun: Any, inside: set[int]) -> list[str]:
    """The names that say which kind of thing a counted noun is: 'Virginia-class submarines',
    'Boeing jets', 'Tesla shares' ('virginia', 'boeing', 'tesla'). A proper noun right before the
    noun that is a place or a people ('US troops') says whose or where, not which kind; inside
    another modifier ('Virginia class') it names the kind whatever it is."""
    out: list[str] = []
    if noun.pos_ != "NOUN":
        return out  # 'Secretary Lloyd Austin': a name's own parts are not a kind

    def walk(tok: Any, depth: int) -> None:
        # the few words right before a noun, two levels deep: a dense line of figures that all hang
        # on one noun costs no more per figure than a sentence
        for c in list(tok.lefts)[-KIND_WORDS:]:
            if c.dep_ not in ("compound", "amod", "nmod") or c.i in inside:
                continue
            if c.pos_ == "PROPN" and c.is_alpha and (depth > 0 or c.ent_type_ not in PLACE_ENTS):
                out.append(c.lower_)
            if depth < 1:
                walk(c, depth + 1)

    walk(noun, 0)
    return list(dict.fromkeys(out))


def _event_things(verb: Any | None, inside: set[int]) -> list[Any]:
    """What a dated event happens to: the subject or object of its verb ('the first boats are to
    arrive in 2040', 'to buy two submarines next decade'), near the verb."""
    if verb is None:
        return []
    # 'the boats are to arrive': the subject of the verb 'arrive' hangs on the one before it
    holders = [verb, verb.head] if verb.dep_ == "xcomp" else [verb]
    return [
        child
        for holder in holders
        for child in list(holder.children)[: 4 * KIND_WORDS]  # a subject or object is near its verb
        if child.dep_ in ("nsubj", "nsubjpass", "dobj") and child.i not in inside
    ]


def _event_kinds(things: list[Any], inside: set[int]) -> list[str]:
    """The kinds of what a dated event happens to ('the first SSN-AUKUS boats are to arrive in
    2040'): its subject's or object's (see _event_things)."""
    return list(dict.fromkeys(k for thing in things for k in _kinds(thing, inside)))


def _event_tally(things: list[Any], inside: set[int]) -> float:
    """How many things a dated event happens to ('to build five ships by 2030', 'all 12 jets
    arrive in 2027': 5, 12), or 0 when it does not say."""
    for thing in things:
        for child in list(thing.children)[:KIND_WORDS]:
            if child.dep_ != "nummod" or not child.like_num or child.i in inside:
                continue
            if child.ent_type_ not in ("", "CARDINAL") or any(g.like_num for g in child.children):
                return 0.0  # 'the 2021 deal' is a year; 'three to five ships' says no one number
            parsed = parse_number(child.text)
            if parsed is not None and parsed.value > 0:
                return parsed.value
    return 0.0


def _main_verb(idx: SentenceIndex, inside: set[int]) -> Any | None:
    """The verb of a sentence whose value stands apart from it (a timeline entry, a heading)."""
    verbs = (t for t in idx.main_verbs() if t.i not in inside)
    first = None
    for t in verbs:
        if t.dep_ == "ROOT":
            return t
        first = t if first is None else first
    return first


def _reported(verb: Any) -> Any:
    """'The Pentagon has endorsed the pact, it said on Monday': the date of the saying stands for
    what was said, so the event is the reported clause's verb; not when what was said is to come
    ('the terminal will cost $48m, the authority said on Friday': Friday is only the saying's)."""
    lex = lexicon()
    if verb.lemma_.lower() not in lex.reporting_verbs:
        return verb
    for child in verb.children:
        if child.dep_ in ("ccomp", "xcomp") and child.pos_ in ("VERB", "AUX"):
            return verb if _planned(child) else child
    if verb.dep_ in ("parataxis", "ccomp", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
        return verb.head
    return verb


def _verb_terms(verb: Any, inside: set[int], skip: set[int], dates: SentenceIndex | None = None) -> list[str]:
    """A verb and what it acts on: its subject and object nouns, and the objects of its
    prepositions; with ``dates``, not a prepositional phrase that holds another date of the
    sentence ('will begin in 2030, with deliveries from 2042': the deliveries are of 2042)."""
    lex = lexicon()
    out: list[str] = []
    lemma = verb.lemma_.lower()
    if lemma not in lex.reporting_verbs and lemma not in lex.light_words:
        out.append(lemma)
    elif (obj := _light_object(verb)) is not None:
        # 'gave its approval to the deal': approved the deal
        out.append(lex.deverbal_nouns[obj.lemma_.lower()])
        # the object's prepositions, and the verb's 'to' of 'gave its approval to the deal'
        preps = [c for c in obj.children if c.dep_ in ("prep", "dative")]
        preps += [c for c in verb.children if c.dep_ == "dative"]
        out += [
            o.lemma_.lower()
            for prep in preps
            for o in prep.children
            if o.dep_ == "pobj" and o.pos_ == "NOUN" and o.i not in inside and _content(o)
        ]  # what it is of, not where or with whom ('talks in Tokyo between Japan and Korea')
    for child in verb.children:
        if child.i in inside or child.i in skip or child.dep_ in OTHER_CLAUSES:
            continue
        if child.dep_ in CORE_ARGS and child.pos_ in ("NOUN", "PROPN") and _content(child):
            out.extend(_phrase(child, inside))
        elif child.dep_ in ("prep", "agent", "prt"):
            if child.dep_ == "prt":
                out.append(f"{lemma} {child.lower_}")
            for obj in child.children:
                if obj.dep_ in ("pobj", "pcomp") and obj.i not in inside and _content(obj):
                    if dates is not None and dates.dated and dates.holds_date(obj, inside):
                        continue
                    out.append(obj.lemma_.lower())
        elif child.dep_ in ("xcomp",) and child.pos_ == "VERB":
            out.append(child.lemma_.lower())
    # 'is expected to cost', 'plans to spend': the verb that governs an infinitive says little;
    # 'Japan plans to raise spending to X': its subject says whose.
    return out


def _owners(noun: Any | None, verb: Any | None, idx: SentenceIndex, inside: set[int]) -> list[str]:
    """Whose: possessives and demonyms on the counted noun, or the subject of the verb when a place
    or a name ('Australia will pay', 'Canberra has pledged')."""
    out: list[str] = []
    holders = [noun] if noun is not None else []
    for holder in holders:
        for tok in idx.in_subtree(holder):
            if tok.i in inside or tok.i > holder.i:
                continue
            if tok.i in idx.demonyms:
                out.append(idx.demonyms[tok.i])
            elif tok.dep_ == "poss" and tok.pos_ == "PROPN":
                out.append(_owner_name(tok, idx))
        if holder is not noun and holder.pos_ == "PROPN":
            out.append(_owner_name(holder, idx))
    return list(dict.fromkeys(o for o in out if o))


def _owner_name(tok: Any, idx: SentenceIndex) -> str:
    for p in idx.places:
        if p.start <= tok.idx < p.end:
            return _country(p.name)
    known = canonical_place(tok.text)
    if known:
        return _country(known)
    for n in idx.known:
        if n.start <= tok.idx < n.end:
            return n.canonical
    span = tok.doc[tok.left_edge.i : tok.i + 1]
    return _clean(span.text).lower()


def _country(place: str) -> str:
    """The country a place stands for as an owner ('Tokyo intends to spend' -> Japan)."""
    lex = lexicon()
    for p in (place, *ancestors(place)):
        info = lex.places.get(p)
        if info is not None and info.type == "country":
            return p
    return place


def _places(tokens: list[Any], idx: SentenceIndex, exclude: tuple[int, int]) -> list[str]:
    """Places in locative phrases on these tokens ('in Japan', 'deployed to Guam'), and the subject
    of a host verb ('Japan is home to ...')."""
    lex = lexicon()
    out: list[str] = []
    for tok in tokens:
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in lex.locative_prepositions:
                lo, hi = child.left_edge.idx, child.right_edge.idx + len(child.right_edge.text)
                out += [p.name for p in idx.places_in(lo, hi) if not (exclude[0] <= p.start < exclude[1])]
            elif child.dep_ in ("acl", "relcl") and child.lemma_.lower() in lex.location_verbs:
                out += _places([child], idx, exclude)  # 'troops stationed in Japan', 'ships based at Guam'
        if tok.pos_ in ("VERB", "AUX") and _hosts(tok):
            for subj in (c for c in tok.children if c.dep_ == "nsubj"):
                lo, hi = subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge.text)
                out += [p.name for p in idx.places_in(lo, hi)]
    return list(dict.fromkeys(out))


def _hosts(verb: Any) -> bool:
    host = lexicon().host_verbs
    return verb.lemma_.lower() in host or any(
        c.lemma_.lower() in host for c in verb.children if c.dep_ in ("advmod", "attr", "acomp")
    )


def _measure_words(inside: set[int], doc: Any) -> list[str]:
    """'300 metres long', '48 metres wide': the adjective that says what a measure measures."""
    out = []
    for i in sorted(inside):
        head = doc[i].head
        if (
            head.i not in inside
            and head.pos_ in ("ADJ", "ADV")
            and (word := _content(head)) in lexicon().synonyms
        ):
            out.append(word)  # 'is three kilometres long': the value hangs on the measure word
        for child in doc[i].children:
            measure = child.pos_ in ("ADJ", "ADV") and child.dep_ in ("advmod", "amod", "acomp")
            if child.i not in inside and measure and (word := _content(child)) in lexicon().synonyms:
                out.append(word)
    return out


def _terms_of(
    noun: Any | None,
    verb: Any | None,
    inside: set[int],
    doc: Any = None,
    dates: SentenceIndex | None = None,
) -> tuple[str, list[str], list[str], list[str]]:
    """(head, property terms, modifiers, kinds) of a value governed by this noun and verb."""
    lex = lexicon()
    terms: list[str] = _measure_words(inside, doc) if doc is not None else []
    modifiers: list[str] = []
    kinds: list[str] = []
    head = ""
    if noun is not None:
        head = noun.lemma_.lower()
        modifiers = _modifiers(noun, inside)
        kinds = _kinds(noun, inside)
        terms += [*kinds, *modifiers, head]  # the kind's name says which property
        # 'the cost of the programme': what the measured noun belongs to
        for child in noun.rights:
            if child.dep_ == "prep" and child.lower_ == "of":
                terms += [t for obj in child.children if obj.dep_ == "pobj" for t in _phrase(obj, inside)]
    if verb is not None:
        terms += _verb_terms(verb, inside, {noun.i} if noun is not None else set(), dates)
        lemma = verb.lemma_.lower()
        if not head and lemma not in lex.light_words and lemma not in lex.reporting_verbs:
            head = lemma
        elif not head:
            head = _light_event(verb)  # 'the Pentagon gave its endorsement on Thursday': endorsed
    if not head and not terms and verb is not None and verb.dep_ == "xcomp":
        # 'the ship was seen coming alongside at the terminal': a light verb says nothing, what
        # comes is the subject of the verb above it
        for child in list(verb.head.children)[: 4 * KIND_WORDS]:
            if child.dep_ in ("nsubj", "nsubjpass") and child.pos_ == "NOUN":
                terms += _phrase(child, inside)
    terms = list(dict.fromkeys(t for t in terms if t))
    if not head and terms:
        head = terms[0]  # 'it is 300 metres long': the measure word; 'the toll was 40': the subject
    return head, terms, modifiers, kinds


def build_frame(
    idx: SentenceIndex,
    start: int,
    end: int,
    *,
    years: Iterable[str] = (),
    context: Iterable[str] = (),
    when: bool = False,
    lasts: bool = False,
) -> Frame | None:
    """The frame of the value written at [start, end) of the document, or None when the parse has
    no token there; ``when``: the value is a date or a time, of an event; ``lasts``: a span of
    time, of an event or of what a noun does ('eight boats over three decades')."""
    span = idx.doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    inside = set(range(span.start, span.end))
    noun, verb = _climb(span.root, inside)
    if verb is None and noun is None:
        verb = _main_verb(idx, inside)  # '1:07 a.m. - The ship enters the channel.'
    climbed = verb
    if verb is not None and noun is None:
        verb = _reported(verb)
    # a date's terms leave out a phrase that holds another date of the sentence
    head, terms, modifiers, kinds = _terms_of(noun, verb, inside, idx.doc, idx if when else None)
    event = _time_event(idx, start, end, (climbed, verb) if noun is None else ()) if when else ""
    if event:
        head, terms = event, [event, *(t for t in terms if t != event)]
    # what a dated event or a span of time happens to: its verb's subject or object, or for a span
    # the noun it hangs on ('eight boats over three decades')
    if noun is None:
        things = _event_things(verb, inside) if when or lasts else []
    else:
        things = [noun] if lasts else []
    order = TOTAL if _is_total(idx, start, end) else _order(noun, verb, inside, idx.doc)
    # 'the first boat is due in 2040': the order of what the dated event happens to
    order = order or next((o for t in things if (o := _order(t, None))), 0)
    # where the counted thing is ('troops in Japan', 'Japan is home to'): the noun's own phrases
    anchors = [noun] if noun is not None else []
    places = _places(anchors, idx, (start, end))
    if verb is not None and _hosts(verb):
        places += [p for p in _places([verb], idx, (start, end)) if p not in places]
    owners = [o for o in _owners(noun, verb, idx, inside) if o not in places]
    for location in idx.known_locations:
        if location not in places:
            places.append(location)
    return Frame(
        head=head,
        label=_label(noun, verb, idx, inside),
        verb=_verb_word(verb),
        order=order,
        planned=_planned(verb),
        flow=_flow(noun, verb, span, deltas=not (when or lasts)),
        revised=_revises(idx, start, end),
        terms=tuple(terms),
        modifiers=tuple(modifiers),
        kinds=tuple(kinds if noun is not None else _event_kinds(things, inside) if when else ()),
        tally=_event_tally(things, inside),
        aspect=_until(span.root) if when else "",
        owners=tuple(owners),
        places=tuple(places),
        names=idx.all_names(),
        known=idx.known_names,
        years=tuple(dict.fromkeys(years)),
        context=idx.context_with(tuple(context)),
    )


def _event_noun(verb: Any) -> str:
    """The event (data/subjects.json, event_nouns) that is the subject or object of ``verb`` when
    the verb says it happened or was perceived (occurrence_verbs), or ''."""
    lex = lexicon()
    events = lex.event_nouns
    lemma = verb.lemma_.lower()
    if lemma in lex.aspect_verbs or _aspect_phrase(verb):
        # 'construction should begin in 2027', 'the firm will start production in 2027': what
        # begins or ends is the event, the object of the verb or else its subject
        near = list(verb.children)[:KIND_WORDS]
        for deps in (("dobj",), ("nsubj", "nsubjpass")):
            for child in near:
                if child.dep_ in deps and child.pos_ == "NOUN":
                    return str(child.lemma_.lower())
            if any(child.dep_ in deps for child in near):
                break  # 'it began in 2020', 'they started it': a pronoun names nothing
        else:
            if verb.dep_ in ("acl", "advcl") and verb.head.pos_ == "NOUN" and verb.head.dep_ == "ROOT":
                return str(verb.head.lemma_.lower())  # a headline: 'Measles campaign to begin next week'
    if lemma not in lex.occurrence_verbs:
        return ""
    for child in verb.children:
        if child.dep_ not in ("nsubj", "nsubjpass", "dobj"):
            continue
        if child.lemma_.lower() in events:
            return str(child.lemma_.lower())
        for prep in child.children:  # 'sounds of the collision are heard', 'reports of a blast'
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for obj in prep.children:
                    if obj.dep_ == "pobj" and obj.lemma_.lower() in events:
                        return str(obj.lemma_.lower())
    return ""


def _time_event(idx: SentenceIndex, start: int, end: int, verbs: tuple[Any | None, ...]) -> str:
    """The event whose time a date or time at [start, end) is: the subject or object of ``verbs``,
    the verb it hangs on ('the blast tore through the hall at 10:40', 'the fire was first reported at 2:15'),
    or of the clause a verb of saying hands over to ('residents said they heard the explosion
    shortly before 11:15'), or of any verb of its timeline entry; '' when none names one."""
    for candidate in dict.fromkeys(v for v in verbs if v is not None):
        event = _event_noun(candidate)
        if event:
            return event
    return _entry_event(idx, start, end)


_ENTRY = re.compile(r"\s*[-–—:]\s")


def _entry_event(idx: SentenceIndex, start: int, end: int) -> str:
    """In a timeline entry ('1:29 a.m. – The ship slows; sounds of the collision are heard'), the
    time is the time of the whole entry: the event any of its verbs of occurrence names."""
    text = idx.text
    if text[idx.sent.start_char : start].strip(" *_#>-–•\t").strip() or not _ENTRY.match(text, end):
        return ""
    for verb in idx.main_verbs():
        event = _event_noun(verb)
        if event:
            return event
    return ""


_DIGIT = re.compile(r"\d")
_DIGIT_OR_STOP = re.compile(r"[\d,;.]")


def _next_to(idx: SentenceIndex, start: int, end: int, stop: re.Pattern[str]) -> tuple[str, str]:
    """The text just before the value at [start, end) (at most 60 characters) and just after it
    (to the end of its sentence), each cut at the nearest match of ``stop``. What comes after is
    read only up to that match: the values of a sentence read disjoint stretches of it."""
    text, base, last = idx.text, idx.sent.start_char, idx.sent.end_char
    before = stop.split(text[max(base, start - 60) : start])[-1]
    found = stop.search(text, end, last)
    return before, text[end : found.start() if found is not None else last]


def _revises(idx: SentenceIndex, start: int, end: int) -> bool:
    """Whether the words next to the value say it replaces an earlier figure: just before it ('has
    risen to 41') or in an aside after it with no other number between ('180 million euros, up from
    an earlier estimate')."""
    lex = lexicon()
    before, after = _next_to(idx, start, end, _DIGIT)
    found = lex.revision.search(after)
    aside = found is not None and "," in after[: found.start()]  # '..., up from an earlier estimate'
    # '1,100 households still had no water', 'four remain missing': the state at that moment
    next_words = after.split(",")[0].split()[:3]
    words = list(takewhile(lambda w: w not in ("and", "but", "or"), next_words))
    state = lex.state.search(" ".join(words)) is not None
    return lex.revision.search(before) is not None or aside or state


def _is_total(idx: SentenceIndex, start: int, end: int) -> bool:
    """Whether the words next to the value make it the sum of several: just before it ('bringing
    state aid to', 'a total of') or just after it ('in two instalments', 'so far')."""
    lex = lexicon()
    before, after = _next_to(idx, start, end, _DIGIT_OR_STOP)
    return lex.total_before.search(before) is not None or lex.total_after.match(after.strip()) is not None


def place_frame(
    idx: SentenceIndex, place: PlaceMention, *, years: Iterable[str] = (), context: Iterable[str] = ()
) -> Frame | None:
    """The frame of a place claim: the event it is the place of ('announced at X', 'berthed at X'),
    how it stands to it (the preposition), and the sentence's other names and places."""
    tok = place.root
    role = ""
    if tok.dep_ == "pobj":
        role = tok.head.lower_
        if tok.head.dep_ == "prep" and tok.head.head.pos_ in ("NOUN", "PROPN") and role == "of":
            role = f"{tok.head.head.lemma_.lower()} of"  # 'the port of Baltimore'
    elif tok.dep_ in ("nsubj", "nsubjpass"):
        role = "subject"
    elif tok.dep_ in ("poss",):
        role = "owner"
    elif tok.dep_ in ("compound", "amod"):
        role = "modifier"
    inside = set(range(tok.left_edge.i, tok.right_edge.i + 1)) if role in ("owner", "modifier") else set()
    inside |= {t.i for t in tok.doc[max(0, tok.i - 8) : tok.i + 1] if place.start <= t.idx < place.end}
    noun, verb = _climb(tok, inside)
    head, terms, modifiers, _ = _terms_of(noun, verb, inside)
    others = [p.name for p in idx.places if p.name != place.name]
    return Frame(
        head=head,
        label=_label(noun, verb, idx, inside),
        verb=_verb_word(verb),
        order=_order(noun, verb),
        planned=_planned(verb),
        terms=tuple(terms),
        modifiers=tuple(modifiers),
        owners=(),
        places=tuple(dict.fromkeys(others)),
        names=idx.all_names(),
        known=idx.known_names,
        years=tuple(dict.fromkeys(years)),
        context=idx.context_with(tuple(context)),
        role=role,
    )


def _order(noun: Any | None, verb: Any | None, inside: set[int] | None = None, doc: Any = None) -> int:
    """Which of several: 'the first payment' 1, 'a second instalment' 2, 'first lost power' 1, 'the
    next payment' or 'another $800m' LATER (data/synonyms.json, order_words); also
    an ordinal on the value itself ('second $525 million payment') and, for a value in a clause
    that elaborates another ('handed over its first payment, transferring $800m'), on that
    clause's verb and the things it governs."""
    words = lexicon().order_words
    holders = [doc[i] for i in sorted(inside)] if inside and doc is not None else []
    holders += [t for t in (noun, verb) if t is not None]
    # only when the value is what the clause's verb acts on: 'transferring $800m' restates the
    # payment, 'bringing aid to $5.5 million' tells a total
    acted_on = inside is not None and doc is not None and any(doc[i].dep_ == "dobj" for i in inside)
    if (
        acted_on
        and verb is not None
        and verb.dep_ in ("advcl", "xcomp", "conj")
        and verb.head.pos_ in ("VERB", "AUX")
    ):
        outer = verb.head
        holders += [outer, *(c for c in outer.children if c.dep_ in ("dobj", "nsubj", "nsubjpass", "attr"))]
    for tok in holders:
        for child in tok.children:
            # 'last' of 'December last year' is the date's own word, not an order
            own = inside is not None and child.i in inside
            if child.dep_ in ("amod", "advmod", "nummod", "det") and child.lower_ in words and not own:
                if words[child.lower_] == LATER and child.dep_ not in ("amod", "det"):
                    continue  # 'further accelerate': an adverb, not 'a further $2 million'
                return int(words[child.lower_])
            # 'the first of the new aircraft would be delivered in 2027': the ordinal is the noun
            noun_like = child.dep_ in ("nsubj", "nsubjpass", "dobj") and _of_phrase(child)
            if noun_like and child.lower_ in words and words[child.lower_] != LATER:
                return int(words[child.lower_])
    return 0


def _until(root: Any) -> str:
    """'end' for a time a state lasts until ('keep the jets flying until 2030', 'stays closed
    till May'), 'begin' when that is denied ('the jets will not fly until 2030'), else ''."""
    prep = root.head if root.dep_ == "pobj" else None
    if prep is None or prep.lower_ not in lexicon().until_words:
        return ""
    holder = prep.head
    denied = any(c.dep_ == "neg" for t in (holder, holder.head) for c in t.children)
    return "begin" if denied else "end"


def _of_phrase(tok: Any) -> bool:
    return any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)


def _planned(verb: Any | None) -> bool:
    """'will cost', 'is expected to cost', 'hope to refloat', 'is due': planned or foreseen, not done."""
    words = lexicon().plan_words
    t = verb
    for _ in range(3):
        if t is None:
            return False
        if t.lemma_.lower() in words or t.lower_ in words:
            return True
        if any(
            c.dep_ in ("aux", "acomp", "auxpass") and (c.lower_ in words or c.lemma_.lower() in words)
            for c in t.children
        ):
            return True
        if t.dep_ not in ("xcomp", "ccomp") or t.head.i == t.i:
            return False
        t = t.head
    return False


def _flow(noun: Any | None, verb: Any | None, span: Any, deltas: bool = True) -> str:
    """Whether the figure (its tokens ``span``) is the size of a change: measuring a noun of
    change ('a $9 billion hit', 'a 5% rise') or by how much a verb of change says a thing changed
    ('fares rose 5%', 'costs rose by $2bn', not 'rose to $5bn'): 'delta'; or the verb of a counted
    noun says what there is ('flies 25 jets': 'stock') or what is added or taken away ('will
    retire 12 jets': 'change'); '' when it says none of these. ``deltas``: a date or a span of
    time is never a 'delta'."""
    lex = lexicon()
    if deltas and noun is not None and noun.lemma_.lower() in lex.change_nouns:
        return "delta"
    if verb is None:
        return ""
    lemma = verb.lemma_.lower()
    if noun is not None and lemma in lex.stock_verbs:
        return "stock"
    if noun is not None and lemma in lex.change_verbs:
        return "change"
    # the figure itself hangs on the verb, not a noun it governs ('the 2-mile bridge fell'), and
    # says by how much, not to or from what ('rose to $5bn', 'fell from 40%')
    i = span.start - 1
    while i >= 0 and (span.doc[i].is_currency or span.doc[i].pos_ == "SYM"):
        i -= 1  # 'to $50bn', 'to US$5bn'
    to_or_from = i >= 0 and span.doc[i].lower_ in ("to", "from", "at")
    return "delta" if deltas and noun is None and lemma in lex.delta_verbs and not to_or_from else ""


def _verb_word(verb: Any | None) -> str:
    """The lemma of a verb that says something ('kill', 'rescue'), not one that only links or reports."""
    if verb is None:
        return ""
    lemma = verb.lemma_.lower()
    lex = lexicon()
    phrase = _aspect_phrase(verb)
    if phrase:
        return phrase  # 'work got under way in 2021': a light verb that says something begins
    if lemma in lex.light_words or lemma in lex.reporting_verbs:
        return _light_event(verb)
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), "")
    return f"{lemma} {particle}" if particle and f"{lemma} {particle}" in lex.synonyms else lemma


def _light_event(verb: Any) -> str:
    """The verb a light verb's object is made from ('gave its endorsement', 'made a payment', 'held
    talks': data/synonyms.json, deverbal_nouns), or ''."""
    obj = _light_object(verb)
    return lexicon().deverbal_nouns[obj.lemma_.lower()] if obj is not None else ""


def _light_object(verb: Any) -> Any | None:
    """The object made from a verb that a light verb carries ('endorsement' of 'gave its
    endorsement'), or None."""
    lex = lexicon()
    if verb.lemma_.lower() not in lex.light_words:
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return obj if obj is not None and obj.lemma_.lower() in lex.deverbal_nouns else None


def _aspect_phrase(verb: Any) -> str:
    """A verb phrase of aspect_verbs (data/subjects.json) made of the verb's lemma and the words
    that complete it ('get under way', 'get underway', 'kick off'), or ''."""
    words = [verb.lemma_.lower()]
    for child in verb.children:
        if child.dep_ in ("prt", "advmod") and child.i == verb.i + 1:
            words.append(child.lower_)
        elif child.dep_ == "prep" and child.i == verb.i + 1:
            objs = [o for o in child.children if o.dep_ == "pobj" and o.i == child.i + 1]
            words += [child.lower_, *(o.lower_ for o in objs)]
    phrase = " ".join(words)
    return phrase if len(words) > 1 and phrase in lexicon().aspect_verbs else ""


TOPIC_NAMES = 3  # how many of an article's most named things say what it is about


def article_topics(frames: Iterable[Frame]) -> tuple[str, ...]:
    """The names an article is about: those its claims' sentences name most (twice at least)."""
    counts: dict[str, int] = {}
    for frame in frames:
        for name in frame.names:
            counts[name] = counts.get(name, 0) + 1
    ranked = sorted((n for n in counts if counts[n] > 1), key=lambda n: (-counts[n], n))
    return tuple(ranked[:TOPIC_NAMES])


def _label(noun: Any | None, verb: Any | None, idx: SentenceIndex, inside: set[int]) -> str:
    """The head as the text writes it, with the compounds and adjectives that narrow it
    ('construction workers', 'container ship'); demonyms are owners, not part of it."""
    if noun is None:
        if verb is not None and (obj := _light_object(verb)) is not None:
            return _label(obj, None, idx, inside)  # 'held security talks on Tuesday': the talks
        return verb.text.lower() if verb is not None and _verb_word(verb) else ""
    words = [
        c
        for c in noun.lefts
        if c.dep_ in ("compound", "amod")
        and c.i not in inside
        and c.i not in idx.demonyms
        and c.pos_ in CONTENT_POS
        and not c.like_num
        and not _is_unit_word(c)
    ]
    if noun.pos_ == "PROPN":
        return str(noun.text)
    # as written: 'pre-tax profit', not 'pre - tax profit'
    out = ""
    for tok, nxt in zip(words, [*words[1:], noun], strict=False):  # empty words: no pair
        out += tok.text + (tok.whitespace_ if nxt.i == tok.i + 1 else " ")
    return out + str(noun.text)


def subject_text(frame: Frame, kind: str) -> str:
    """A short topic for the report: 'US troops in Japan', 'time of: struck the bridge'.

    >>> frame = Frame(head="troop", label="troops", owners=("United States",), places=("Japan",))
    >>> subject_text(frame, "count")
    'US troops in Japan'
    """
    where = " and ".join(sorted(short(p) for p in frame.places[:2]))
    if kind in ("date", "time", "place"):
        event = frame.label or frame.head
        others = [t for t in frame.terms if t not in (frame.head, frame.verb, *event.split())][:2]
        label = {"date": "date of", "time": "time of", "place": "place of"}[kind]
        name = next(iter(frame.names), "")
        text = " ".join(dict.fromkeys([event, *others]))
        return f"{label} {name or text}".strip()
    who = " ".join(sorted(short(o) for o in frame.owners[:2]))
    what = frame.label or frame.head or " ".join(frame.terms[:3])
    text = " ".join(x for x in (who, what) if x)
    if len(frame.places) > 1:
        return f"{text} between {where}".strip()  # 'distance between Hawaii and Tokyo'
    return (text + (f" in {where}" if where else "")).strip() or kind
