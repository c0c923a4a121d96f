"""Extraction cases as data (tests/cases/extraction.jsonl), run through the real spaCy pipeline."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from alliance_check.extract import NOT_COMPARED_EARLIER, extract_articles, extract_claims
from alliance_check.models import LATER, TOTAL, Frame
from alliance_check.sources import make_article

CASES = [
    json.loads(line) for line in (Path(__file__).parent / "cases" / "extraction.jsonl").open(encoding="utf-8")
]


@pytest.mark.parametrize("case", [pytest.param(c, id=c["id"]) for c in CASES])
def test_extraction_case(case: dict[str, Any], nlp: Any) -> None:
    article = make_article("case.txt", case["text"], published=case["published"])
    claims = list(extract_claims(nlp(article.text), article))
    got = [
        {
            **{k: getattr(c, k) for k in ("text", "kind", "value", "unit", "qualifier", "subject")},
            "compared": c.frame is not None,
        }
        for c in claims
    ]
    # places are tested where a case names them, and then only those compared (where something happened)
    places = any(e["kind"] == "place" for e in case["expect"])
    got = [g for g in got if g["kind"] != "place" or (places and g["compared"])]
    assert len(got) == len(case["expect"]), got
    for want, have in zip(case["expect"], got, strict=False):
        for field, value in want.items():
            assert have[field] == value, (field, have)


def test_positions_are_line_and_column_of_the_first_character(nlp: Any) -> None:
    text = "Headline\r\n\r\n\tIt has 54,000 American troops in Japan."
    article = make_article("crlf.txt", text)
    (claim,) = [c for c in extract_claims(nlp(article.text), article) if c.kind == "count"]
    assert (claim.line, claim.column) == (3, 9)
    assert text[claim.start : claim.end] == "54,000"


def test_front_matter_sets_the_reference_date_and_keeps_lines(nlp: Any) -> None:
    text = "---\npublished: 2024-07-29\ntitle: x\n---\nThe rules changed last year.\n"
    article = make_article("fm.md", text)
    assert (article.published, article.published_how) == ("2024-07-29", "front matter")
    (claim,) = list(extract_claims(nlp(article.text), article))
    assert (claim.value, claim.line) == ("2023", 5)


def test_reference_date_is_inferred_and_marked(nlp: Any) -> None:
    article = make_article("x.txt", "The meeting on May 3, 2024 was short. Another is due next year.")
    assert (article.published, article.published_how) == ("2024-05-03", "inferred")
    values = [c.value for c in extract_claims(nlp(article.text), article) if c.kind == "date"]
    assert values == ["2024-05-03", "2025"]


def test_earlier_values_are_not_grouped(nlp: Any) -> None:
    article = make_article(
        "x.txt", "Tokyo intends to spend 43 trillion yen on defense, up from 27.5 trillion yen."
    )
    current, earlier = [c for c in extract_claims(nlp(article.text), article) if c.kind == "money"]
    assert current.frame is not None
    assert earlier.frame is None and earlier.note and "not compared" in earlier.note


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        pytest.param("The stadium will cost NZ$1.9 billion ($1.1 billion), the council said.",
                     "NZ$1.9 billion", "$1.1 billion", id="money"),
        pytest.param("The new tower rises 420 metres (1,378 feet) above the harbour.",
                     "420 metres", "1,378 feet", id="length"),
        pytest.param("The rescue flight covered 1,200 km, or 746 miles, in the storm.",
                     "1,200 km", "746 miles", id="comma or"),
    ],
)  # fmt: skip
def test_a_restatement_names_the_claim_it_restates(nlp: Any, text: str, first: str, second: str) -> None:
    article = make_article("x.txt", text, published="2024-05-01")
    claims = {c.text: c for c in extract_claims(nlp(article.text), article)}
    told, restated = claims[second], claims[first]
    assert told.frame is not None and restated.frame is not None
    assert (told.frame.restates, restated.frame.restates) == (restated.id, None)
    assert told.same_statement(restated) and restated.same_statement(told)


def test_a_restatement_of_an_earlier_value_is_set_aside_with_it(nlp: Any) -> None:
    article = make_article("x.txt", "Profit fell to C$2.1 billion, down from C$3 billion (US$2.2 billion).")
    claims = {c.text: c for c in extract_claims(nlp(article.text), article)}
    assert claims["C$2.1 billion"].frame is not None
    for text in ("C$3 billion", "US$2.2 billion"):
        assert claims[text].frame is None and claims[text].note == NOT_COMPARED_EARLIER


@pytest.mark.parametrize(
    ("text", "earlier", "current"),
    [
        pytest.param("Measles cases rose from 23 to 71 overnight.", "23", "71", id="rose from to"),
        pytest.param("Enrolment reached 281 this year, up from 164.", "164", "281", id="up from"),
        pytest.param("The fare was cut to $4.50 from $6 in March.", "$6", "$4.50", id="to then from"),
    ],
)
def test_an_earlier_value_is_recorded_not_compared(nlp: Any, text: str, earlier: str, current: str) -> None:
    article = make_article("x.txt", text, published="2024-05-01")
    claims = {c.text: c for c in extract_claims(nlp(article.text), article)}
    assert claims[earlier].frame is None and claims[earlier].note == NOT_COMPARED_EARLIER
    assert claims[current].frame is not None


@pytest.mark.parametrize(
    ("text", "whole", "top", "value", "unit"),
    [
        pytest.param("Crews cleared between 10 and 20 km of road.", "between 10 and 20 km", "20 km", 20.0,
                     "km", id="between and"),
        pytest.param("The storm caused $40-47b in damage.", "$40-47b", "47b", 47e9, "USD", id="one sign"),
        pytest.param("Around 30-45 volunteers came each day.", "Around 30-45", "45", 45.0, None,
                     id="hedged"),
        pytest.param("The repairs will take two, possibly up to four, years.", "two, possibly up to four",
                     "up to four", 4.0, None, id="open top"),
    ],
)  # fmt: skip
def test_the_top_of_a_range_is_a_claim_of_its_own(
    nlp: Any, text: str, whole: str, top: str, value: float, unit: str | None
) -> None:
    article = make_article("x.txt", text, published="2024-05-01")
    claims = {c.text: c for c in extract_claims(nlp(article.text), article)}
    ranged, upper = claims[whole], claims[top]
    assert (ranged.qualifier, ranged.value_max) == ("range", value)
    assert (upper.kind, upper.value, upper.unit, upper.qualifier) == (ranged.kind, value, unit, "upper_bound")
    assert text[upper.start : upper.end] == top and upper.column == text.index(top, ranged.start) + 1
    assert upper.frame is None and upper.note and "compared as part of the range" in upper.note


def test_claims_that_start_together_have_their_own_ids(nlp: Any) -> None:
    article = make_article("x.txt", "The lighthouse was built 61 years ago.", published="2024-05-01")
    date, span = sorted(extract_claims(nlp(article.text), article), key=lambda c: c.kind)
    assert (date.kind, span.kind, span.text) == ("date", "duration", "61 years")
    assert date.id == "x.txt:1:26" and span.id == "x.txt:1:26:duration"
    assert span.frame is not None and span.frame.restates == date.id


def test_as_of_comes_from_a_date_in_the_sentence(nlp: Any) -> None:
    article = make_article(
        "x.txt", "In 2015, some 50,000 US troops were stationed in Japan.", published="2024-07-01"
    )
    count = next(c for c in extract_claims(nlp(article.text), article) if c.kind == "count")
    assert count.as_of == "2015"


@pytest.mark.parametrize(
    ("text", "declared", "unit"),
    [
        pytest.param("The state paid $650m for the line.", "AUD", "AUD", id="declared in front matter"),
        pytest.param(
            "A grant of $A20 million came first. The state paid $650m.", None, "AUD", id="written elsewhere"
        ),
        pytest.param("The state paid $650m for the line.", None, "USD", id="nothing says otherwise"),
    ],
)
def test_a_bare_dollar_is_read_in_the_article_currency(
    nlp: Any, text: str, declared: str | None, unit: str
) -> None:
    article = replace(make_article("cur.txt", text), currency=declared)
    (claims,) = extract_articles([article], nlp)
    (paid,) = [c for c in claims if c.kind == "money" and c.value == 650e6]
    assert paid.unit == unit


@pytest.mark.parametrize(
    ("text", "revised"),
    [
        pytest.param(
            "The stadium is now expected to cost $2.1 billion, up from an earlier estimate.",
            True,
            id="up from",
        ),
        pytest.param(
            "The council revised the bill for the new tram line to 450 million euros.", True, id="revised"
        ),
        pytest.param("The death toll has risen to 41, officials said.", True, id="risen to"),
        pytest.param("The stadium will cost $2.1 billion, the mayor said.", False, id="a plain figure"),
        pytest.param("About 1,100 homes still had no heating on Sunday.", True, id="still: a state then"),
        pytest.param("Four climbers remain missing.", True, id="remain"),
        pytest.param("The tower was 90 metres tall and still stands.", False, id="still of another verb"),
    ],
)
def test_a_figure_that_says_it_revises_an_earlier_one(nlp: Any, text: str, revised: bool) -> None:
    assert _frame_of_figure(nlp, text, ("money", "count", "quantity")).revised is revised


def _frame_of_figure(nlp: Any, text: str, kinds: tuple[str, ...] = ("money", "count")) -> Frame:
    """The frame of the one claim of these kinds in a sentence."""
    article = make_article("x.txt", text)
    (claim,) = [c for c in extract_claims(nlp(article.text), article) if c.kind in kinds]
    assert claim.frame is not None
    return claim.frame


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        pytest.param("The navy will buy three Virginia-class submarines.", ("virginia",), id="a class"),
        pytest.param("The airline ordered 40 Boeing jets last year.", ("boeing",), id="a maker"),
        pytest.param("The fund sold 2,000 Tesla shares on Monday.", ("tesla",), id="a company"),
        pytest.param("Some 54,000 US troops are stationed in Japan.", (), id="a country says whose"),
        pytest.param("The ferry carried 300 passengers.", (), id="no name"),
    ],
)
def test_the_names_that_say_which_kind_of_thing_is_counted(
    nlp: Any, text: str, kinds: tuple[str, ...]
) -> None:
    assert _frame_of_figure(nlp, text).kinds == kinds


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        pytest.param("The first Airbus jets are to arrive in 2027.", ("airbus",), id="the subject's kind"),
        pytest.param(
            "The navy will buy two Virginia-class submarines in 2032.", ("virginia",), id="the object's"
        ),
        pytest.param("The ferry service will resume in 2026.", (), id="no name"),
    ],
)
def test_the_kind_of_what_a_dated_event_happens_to(nlp: Any, text: str, kinds: tuple[str, ...]) -> None:
    assert _frame_of_figure(nlp, text, ("date",)).kinds == kinds


def test_a_place_reached_by_a_light_verb_is_where_its_subject_went(nlp: Any) -> None:
    """'was seen coming alongside at the terminal': 'see' and 'come' say nothing; the freighter does."""
    text = "The freighter was seen coming alongside at Seaview Marine Terminal on Friday."
    assert _frame_of_figure(nlp, text, ("place",)).head == "freighter"


@pytest.mark.parametrize(
    ("text", "part", "value"),
    [
        # what begins or ends is the event (data/subjects.json, aspect_verbs)
        pytest.param(
            "Construction of the bridge should begin in 2027.", "head", "construction", id="what begins"
        ),
        pytest.param("Deliveries will resume in May 2026.", "head", "delivery", id="what resumes"),
        pytest.param("The strike ended on March 4, 2024.", "head", "strike", id="what ends"),
        pytest.param(
            "The company will start production in 2027.", "head", "production", id="object of a start"
        ),
        pytest.param("It began in 2020.", "head", "begin", id="a pronoun names nothing"),
        pytest.param(
            "Building of the runway got underway in May 2021.", "head", "building", id="got underway"
        ),
        pytest.param(
            "Drilling of the tunnel will get under way from the 2030s.",
            "head",
            "drilling",
            id="get under way",
        ),
        pytest.param("The festival kicks off on June 5, 2026.", "head", "festival", id="kicks off"),
        pytest.param("Talks to resume in Geneva on Monday, June 1, 2026", "head", "talk", id="a headline"),
        # a light verb with the words that complete it begins or ends something
        pytest.param(
            "Work on the new runway got underway in March 2021.", "verb", "get underway", id="verb underway"
        ),
        pytest.param("Drilling will get under way in 2030.", "verb", "get under way", id="verb under way"),
        pytest.param("Repairs were under way by May 2024.", "verb", "be under way", id="were under way"),
        pytest.param("The talks wrapped up on June 3, 2025.", "verb", "wrap up", id="wrapped up"),
        pytest.param("The team got home on June 3, 2025.", "verb", "", id="a light verb that begins nothing"),
        # a time after 'until' ends a state, or, denied, begins one (until_words)
        pytest.param(
            "The airline will keep its jets flying until at least 2030.", "aspect", "end", id="flying until"
        ),
        pytest.param("The bridge stays closed until May 2026.", "aspect", "end", id="closed until"),
        pytest.param("The jets will not fly until 2030.", "aspect", "begin", id="not until: the start"),
        pytest.param("The jets will fly in 2030.", "aspect", "", id="a moment"),
    ],
)
def test_when_something_begins_or_ends(nlp: Any, text: str, part: str, value: str) -> None:
    """The date of a start or an end is of what starts or ends, told by its verb or by 'until'."""
    assert getattr(_frame_of_figure(nlp, text, ("date",)), part) == value


@pytest.mark.parametrize(
    ("text", "head", "verb", "label"),
    [
        # a light verb whose object is made from a verb says that verb (synonyms.json, deverbal_nouns)
        pytest.param(
            "On March 5, 2026, the regulator gave its formal approval to the merger.",
            "approve",
            "approve",
            "formal approval",
            id="gave approval",
        ),
        pytest.param(
            "On March 3, 2025, the insurer made the final payment.",
            "pay",
            "pay",
            "final payment",
            id="made payment",
        ),
        pytest.param(
            "The two unions held wage talks in Lyon on May 2, 2026.",
            "talk",
            "talk",
            "wage talks",
            id="held talks",
        ),
        pytest.param(
            "The airline took delivery of its first jet in June 2027.",
            "deliver",
            "deliver",
            "delivery",
            id="took delivery",
        ),
        # not one made from a verb: the light verb still says nothing
        pytest.param("In 2019 the council gave the park a new name.", "council", "", "", id="gave a name"),
    ],
)
def test_a_light_verb_says_the_verb_of_its_object(
    nlp: Any, text: str, head: str, verb: str, label: str
) -> None:
    """'gave its approval on Thursday' is 'approved on Thursday': the date is of that event."""
    frame = _frame_of_figure(nlp, text, ("date",))
    assert (frame.head, frame.verb, frame.label) == (head, verb, label)


@pytest.mark.parametrize(
    ("text", "term"),
    [
        pytest.param(
            "On March 5, 2026, the regulator gave its formal approval to the merger.", "merger", id="to"
        ),
        pytest.param("On May 2, 2026, the city made its final payment for the bridge.", "bridge", id="for"),
    ],
)
def test_what_a_light_verb_s_object_is_of_is_a_term(nlp: Any, text: str, term: str) -> None:
    """'gave its approval to the merger': approved the merger."""
    assert term in _frame_of_figure(nlp, text, ("date",)).terms


@pytest.mark.parametrize(
    ("text", "term", "kept"),
    [
        pytest.param(
            "Construction will begin in 2028, with deliveries every two years from 2035.",
            "delivery",
            False,
            id="deliveries timed by their own date",
        ),
        pytest.param(
            "The museum opens in May 2027, after repairs that end in March 2027.",
            "repair",
            False,
            id="repairs timed by their own date",
        ),
        pytest.param(
            "The festival opens in May 2027, with concerts every night.",
            "concert",
            True,
            id="no date of their own",
        ),
        pytest.param(
            "The ministers met at the two-plus-two talks on July 28, 2024.",
            "talk",
            True,
            id="a figure of speech is no date",
        ),
    ],
)
def test_a_phrase_with_its_own_date_is_not_about_another_date(
    nlp: Any, text: str, term: str, kept: bool
) -> None:
    """The first date of the sentence is not about what the phrase of a second date names."""
    article = make_article("x.txt", text)
    first = min(
        (c for c in extract_claims(nlp(article.text), article) if c.kind == "date"), key=lambda c: c.start
    )
    assert first.frame is not None
    assert (term in first.frame.terms) is kept, first.frame


@pytest.mark.parametrize(
    ("text", "kind", "tally", "order"),
    [
        pytest.param("The navy plans to build five frigates by 2030.", "date", 5.0, 0, id="by a deadline"),
        pytest.param("All 12 turbines will be running by 2029.", "date", 12.0, 0, id="the subject's number"),
        pytest.param("The first frigate is due in 2027.", "date", 0.0, 1, id="the first of them"),
        pytest.param("The city opened its second bridge in 1994.", "date", 0.0, 2, id="the second"),
        pytest.param(
            "The first of the new jets will be delivered in 2027.", "date", 0.0, 1, id="the first of them"
        ),
        pytest.param(
            "Three to five frigates could be delivered by 2031.", "date", 0.0, 0, id="no one number"
        ),
        pytest.param(
            "The reviewers examined the 2021 deal in March.", "date", 0.0, 0, id="a year is no number"
        ),
        pytest.param("The navy will get eight ships over three decades.", "duration", 8.0, 0, id="a span's"),
        pytest.param(
            "The utility will add 12 turbines over five years.", "duration", 12.0, 0, id="what is added"
        ),
        pytest.param(
            "The first ship will come in twenty years.", "duration", 0.0, 1, id="a span to the first"
        ),
        pytest.param("The strike lasted three weeks.", "duration", 0.0, 0, id="no number of things"),
    ],
)
def test_how_many_things_a_date_or_a_span_is_of(
    nlp: Any, text: str, kind: str, tally: float, order: int
) -> None:
    """'to build five frigates by 2030' is a deadline for five; 'the first frigate in 2027' for one."""
    frame = _frame_of_figure(nlp, text, (kind,))
    assert (frame.tally, frame.order) == (tally, order)


@pytest.mark.parametrize(
    ("text", "flow"),
    [
        pytest.param("The airline flies 25 jets on its short routes.", "stock", id="what there is"),
        pytest.param("The hospital employs 1,500 nurses.", "stock", id="staff"),
        pytest.param("The airline will retire 12 jets by 2030.", "change", id="taken away"),
        pytest.param("The mill hired 200 workers last spring.", "change", id="added"),
        pytest.param("Six workers were killed in the blast.", "", id="neither"),
    ],
)
def test_a_count_of_what_there_is_or_of_what_changes(nlp: Any, text: str, flow: str) -> None:
    assert _frame_of_figure(nlp, text).flow == flow


@pytest.mark.parametrize(
    ("text", "flow"),
    [
        pytest.param("The budget will take a $9b hit.", "delta", id="a hit"),
        pytest.param("The council faces a $2 million cut to its budget.", "delta", id="a cut"),
        pytest.param("A 5% rise in fares was approved.", "delta", id="a rise"),
        pytest.param("Fares rose 5% last year.", "delta", id="rose by how much"),
        pytest.param("The company cut its debt by $300 million.", "delta", id="cut by"),
        pytest.param("Costs rose to $5 billion in 2024.", "", id="rose to: what it is now"),
        pytest.param("The state approved a $6 billion outlay on the port.", "", id="an amount"),
        pytest.param("The nearly 2-mile bridge fell into the river.", "", id="the verb is not of the figure"),
    ],
)
def test_a_figure_that_is_the_size_of_a_change(nlp: Any, text: str, flow: str) -> None:
    """Nouns and verbs of change (data/synonyms.json: change_nouns, delta_verbs)."""
    kinds = ("money", "count", "percent", "quantity")
    assert _frame_of_figure(nlp, text, kinds).flow == flow


@pytest.mark.parametrize(
    ("text", "order"),
    [
        pytest.param("The council approved a third grant of $2 million.", 3, id="on the noun"),
        pytest.param("The club paid a second $4 million instalment to the league.", 2, id="on the value"),
        pytest.param(
            "The insurer sent its first payout to the families, transferring $12 million to a trust.",
            1,
            id="on what the outer verb governs",
        ),
        pytest.param(
            "The charity received a second grant on Monday, bringing its funding to $9 million.",
            TOTAL,
            id="a total the outer clause leads to",
        ),
        pytest.param(
            "The city has paid the builder $12 million in three instalments.", TOTAL, id="in instalments"
        ),
        pytest.param("Donors have given $4 million so far, organisers said.", TOTAL, id="so far"),
        pytest.param("The museum was paid $3 million in December last year.", 0, id="inside a date"),
        pytest.param("The museum was paid $3 million by the city.", 0, id="none"),
        pytest.param("Brussels sends Kyiv the next €4.2 billion tranche this week.", LATER, id="the next"),
        pytest.param("The county handed the contractor another $650,000 on Friday.", LATER, id="another"),
        pytest.param("The league pays a further $1.4 million to the clubs.", LATER, id="a further"),
        pytest.param(
            "Ministers agreed to further expand the scheme, which costs $80 million.",
            0,
            id="further, an adverb",
        ),
        pytest.param(
            "Relief payments reached a total of $5.5 million by March, the agency said.",
            TOTAL,
            id="a total of",
        ),
        pytest.param(
            "Sales rose again, taking the total raised so far to $2.25 million.", TOTAL, id="the total so far"
        ),
    ],
)
def test_which_of_several_payments_a_figure_is(nlp: Any, text: str, order: int) -> None:
    assert _frame_of_figure(nlp, text, ("money",)).order == order


@pytest.mark.parametrize(
    ("text", "value", "as_of"),
    [
        pytest.param(
            "It was the worst storm since 1938, when a hurricane killed 600 people.",
            600.0,
            "1938",
            id="since, when",
        ),
        pytest.param(
            "The fire was the largest since 2003, when 2,800 homes burned.",
            2800.0,
            "2003",
            id="when, no comma",
        ),
        pytest.param(
            "A hurricane killed 600 people, the worst toll since 1938.",
            600.0,
            "2024-07-29",
            id="a year after the figure",
        ),
        pytest.param(
            "The navy will receive 12 frigates next year.", 12.0, "2024-07-29", id="never as of the future"
        ),
        pytest.param("On Sunday, 14 people were rescued.", 14.0, "2024-07-28", id="a day before the figure"),
        pytest.param(
            "A storm that struck on Friday has cut power to 9,000 homes.",
            9000.0,
            "2024-07-29",
            id="a day in a relative clause is that clause's",
        ),
        pytest.param(
            "The storm, which injured 14 people on Friday, moved north.",
            14.0,
            "2024-07-26",
            id="a figure inside the relative clause",
        ),
    ],
)
def test_the_date_a_figure_is_counted_on(nlp: Any, text: str, value: float, as_of: str) -> None:
    article = make_article("x.txt", f"---\npublished: 2024-07-29\n---\n{text}")
    (claim,) = [c for c in extract_claims(nlp(article.text), article) if c.kind == "count"]
    assert (claim.value, claim.as_of) == (value, as_of)


@pytest.mark.parametrize(
    ("text", "years"),
    [
        pytest.param("Last year's budget was $3.9 billion.", ("2023",), id="last year's"),
        pytest.param("This year's harvest reached 41,000 tonnes.", ("2024",), id="this year's"),
        pytest.param(
            "The budget of $3.9 billion was passed last year.", (), id="a day of passing scopes nothing"
        ),
        pytest.param("The 2019 flood covered 300 hectares.", ("2019",), id="a year naming which flood"),
        pytest.param("Their 2022 harvest was 40,000 tonnes.", ("2022",), id="a year naming which harvest"),
    ],
)
def test_a_year_that_owns_the_figure_scopes_it(nlp: Any, text: str, years: tuple[str, ...]) -> None:
    article = make_article("x.txt", f"---\npublished: 2024-07-29\n---\n{text}")
    (claim,) = [c for c in extract_claims(nlp(article.text), article) if c.kind in ("money", "quantity")]
    assert claim.frame is not None and claim.frame.years == years


@pytest.mark.parametrize(
    ("text", "years"),
    [
        pytest.param(
            "The airline, which flies 25 jets, said deliveries would begin in 2027.",
            (),
            id="a year outside the relative clause",
        ),
        pytest.param(
            "The airline, which flew 25 jets in 2019, said deliveries would begin in 2027.",
            ("2019",),
            id="the year of the relative clause",
        ),
        pytest.param("In 2023 the airline flew 25 jets.", ("2023",), id="the year of the clause"),
    ],
)
def test_a_figure_of_a_relative_clause_takes_its_years(nlp: Any, text: str, years: tuple[str, ...]) -> None:
    article = make_article("x.txt", f"---\npublished: 2024-07-29\n---\n{text}")
    (claim,) = [c for c in extract_claims(nlp(article.text), article) if c.kind == "count"]
    assert claim.frame is not None and claim.frame.years == years


@pytest.mark.parametrize(
    ("text", "value", "head"),
    [
        pytest.param(
            "The museum will cost $5 million and open in 2028, officials said.",
            "2028",
            "open",
            id="a joined verb",
        ),
        pytest.param(
            "The museum has reopened, the mayor said on Friday.",
            "2024-07-26",
            "reopen",
            id="a done thing's day",
        ),
    ],
)
def test_the_event_a_date_belongs_to(nlp: Any, text: str, value: str, head: str) -> None:
    """A date is the time of the verb it hangs on; the day of a saying is the time of what was said
    when that is done."""
    article = make_article("x.txt", f"---\npublished: 2024-07-29\n---\n{text}")
    (claim,) = [c for c in extract_claims(nlp(article.text), article) if c.kind == "date" and c.line == 4]
    assert claim.value == value and claim.frame is not None and claim.frame.head == head


@pytest.mark.parametrize(
    ("text", "head"),
    [
        pytest.param("The blast tore through a grain silo at around 6:10 a.m.", "blast", id="the subject"),
        pytest.param("Neighbours heard the explosion shortly before 6:30 a.m.", "explosion", id="the object"),
        pytest.param("The quake struck the coast at 4:02 a.m.", "quake", id="a quake"),
        pytest.param("The ferry left the harbour at 6:10 a.m.", "leave", id="no event noun: the verb"),
        pytest.param("The fire was first reported at about 2:40 p.m.", "fire", id="reported"),
        pytest.param(
            "The fire reached the highway at 6:10 p.m.", "reach", id="a verb of progress keeps its own"
        ),
        pytest.param(
            "4:02 a.m. – The ferry slows; sounds of the collision are heard.",
            "collision",
            id="a timeline entry",
        ),
        pytest.param("Sounds of a blast were heard at 9:50 p.m.", "blast", id="sounds of"),
    ],
)
def test_the_time_of_an_event_its_clause_names(nlp: Any, text: str, head: str) -> None:
    article = make_article("x.txt", f"---\npublished: 2024-07-29\n---\n{text}")
    (claim,) = [c for c in extract_claims(nlp(article.text), article) if c.kind == "time"]
    assert claim.frame is not None and claim.frame.head == head


def test_the_day_of_a_saying_is_not_the_time_of_what_is_to_come(nlp: Any) -> None:
    article = make_article(
        "x.txt", "---\npublished: 2024-07-29\n---\nThe museum will cost $5 million, the mayor said on Friday."
    )
    (claim,) = [c for c in extract_claims(nlp(article.text), article) if c.kind == "date" and c.line == 4]
    assert claim.value == "2024-07-26" and claim.frame is not None and claim.frame.head != "cost"


@pytest.mark.parametrize(
    ("line", "value", "qualifier", "word"),
    [
        pytest.param(
            "- 9:12 p.m. – Firefighters reach the warehouse.",
            "2024-07-26T21:12",
            "exact",
            "reach",
            id="a timeline entry",
        ),
        pytest.param(
            "- Approx. 6:05 a.m. – The train leaves the depot.",
            "2024-07-26T06:05",
            "approx",
            "leave",
            id="a short hedge",
        ),
        pytest.param(
            "* 11:40 a.m. — Polls close in the northern districts.",
            "2024-07-26T11:40",
            "exact",
            "close",
            id="an em dash",
        ),
        pytest.param(
            "- **Approx. 4:15 p.m.** – Crews restore power.",
            "2024-07-26T16:15",
            "approx",
            "restore",
            id="in bold",
        ),
    ],
)
def test_a_timeline_entry_is_its_time_and_its_event(
    nlp: Any, line: str, value: str, qualifier: str, word: str
) -> None:
    """The parser cuts '9:12 p.m. – Firefighters reach ...' after the time; the pipeline keeps the
    entry one sentence, so the time carries the event's words."""
    from alliance_check.sources import blank_markdown

    article = make_article(
        "x.md", f"---\npublished: 2024-07-26\n---\n## On Friday\n\n{line}\n", markup=blank_markdown
    )
    (claim,) = [c for c in extract_claims(nlp(article.text), article) if c.kind == "time"]
    assert (claim.value, claim.qualifier) == (value, qualifier)
    assert claim.frame is not None and word in claim.frame.context


@pytest.mark.parametrize(
    ("text", "place", "compared"),
    [
        pytest.param("Two workers fell into the Tamsin River on Friday.", "Tamsin River", True, id="where"),
        pytest.param(
            "Six people were hurt on the Golden Gate Bridge on Friday.", "Golden Gate Bridge", True, id="on"
        ),
        pytest.param(
            "The Golden Gate Bridge was closed on Friday after a crash that injured six people.",
            "Golden Gate Bridge",
            False,
            id="what was closed",
        ),
    ],
)
def test_a_place_is_where_not_what(nlp: Any, text: str, place: str, compared: bool) -> None:
    """A place the clause is about is a thing, not where something happened: it is kept, not compared."""
    article = make_article("x.txt", f"---\npublished: 2024-07-29\n---\n{text}")
    (claim,) = [c for c in extract_claims(nlp(article.text), article) if c.kind == "place"]
    assert claim.value == place and (claim.frame is not None) == compared


def test_a_table_cell_is_about_its_row(nlp: Any) -> None:
    from alliance_check.sources import blank_markdown

    text = "---\npublished: 2024-07-29\n---\n| Item | Figure |\n|---|---|\n| Passengers a day | 1,500 |\n"
    article = make_article("x.md", text, markup=blank_markdown)
    (claim,) = [c for c in extract_claims(nlp(article.text), article) if c.kind == "count"]
    assert claim.frame is not None and claim.frame.head.startswith("passenger")


@pytest.mark.parametrize(
    ("text", "relative"),
    [
        pytest.param("The plant closed on Friday.", True, id="a weekday"),
        pytest.param("The plant closed the previous day.", True, id="a shift"),
        pytest.param("The plant closed on Saturday, August 1.", False, id="a weekday with its date"),
        pytest.param("The plant closed on March 3.", False, id="a day with no year"),
    ],
)
def test_a_day_told_from_another_date(nlp: Any, text: str, relative: bool) -> None:
    """Two days told only from other dates are not set against each other; a written day is."""
    article = make_article("x.txt", f"---\npublished: 2026-08-10\n---\n{text}")
    (claim,) = [c for c in extract_claims(nlp(article.text), article) if c.kind == "date" and c.line == 4]
    assert claim.relative is relative
