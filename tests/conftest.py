"""Shared fixtures: one real spaCy pipeline per test session, and a claim factory for pure stages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from alliance_check.models import Claim, SubjectKey

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def nlp() -> Any:
    from alliance_check.nlp import load_nlp

    return load_nlp()


def make_claim(
    source: str,
    value: float | str,
    *,
    kind: str = "count",
    unit: str | None = None,
    qualifier: str = "exact",
    precision: float | str | None = None,
    text: str | None = None,
    head: str = "count||troops",
    owners: tuple[str, ...] = (),
    places: tuple[str, ...] = (),
    anchors: tuple[str, ...] = (),
    named: bool = False,
    as_of: str | None = None,
    value_max: float | str | None = None,
    line: int = 1,
) -> Claim:
    """A claim built by hand, for grouping and comparison tests that need no model."""
    if precision is None:
        precision = 1.0 if kind != "date" else "day"
    return Claim(
        id=f"{source}:{line}:1",
        source=source,
        line=line,
        column=1,
        start=0,
        end=1,
        text=text or str(value),
        sentence=text or str(value),
        kind=kind,
        subject=head.split("|")[-1],
        value=value,
        value_max=value_max,
        unit=unit,
        qualifier=qualifier,
        as_of=as_of,
        precision=precision,
        key=SubjectKey(head, frozenset(owners), frozenset(places), frozenset(anchors), named),
        label=source,
    )
