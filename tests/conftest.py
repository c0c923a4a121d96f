"""Shared fixtures: one real spaCy pipeline per test session, and a claim factory for pure stages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from alliance_check.models import Claim, Frame

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def nlp() -> Any:
    from alliance_check.nlp import load_nlp

    return load_nlp()


def seed_settings() -> Any:
    """The seeds' own configuration (seeds/alliance-check.toml: the us-japan domain pack)."""
    from alliance_check.config import find_config, settings_from

    return settings_from(find_config(SEEDS), {})


def make_claim(
    source: str,
    value: float | str,
    *,
    kind: str = "count",
    unit: str | None = None,
    qualifier: str = "exact",
    precision: float | str | None = None,
    text: str | None = None,
    head: str = "troop",
    terms: tuple[str, ...] = (),
    context: tuple[str, ...] = (),
    names: tuple[str, ...] = (),
    owners: tuple[str, ...] = (),
    places: tuple[str, ...] = (),
    years: tuple[str, ...] = (),
    verb: str = "",
    topics: tuple[str, ...] = (),
    role: str = "",
    modifiers: tuple[str, ...] = (),
    kinds: tuple[str, ...] = (),
    as_of: str | None = None,
    value_max: float | str | None = None,
    line: int = 1,
    compared: bool = True,
) -> Claim:
    """A claim built by hand, for grouping and comparison tests that need no model."""
    if precision is None:
        precision = 1.0 if kind not in ("date", "time") else "day" if kind == "date" else "minute"
    frame = Frame(
        head=head,
        verb=verb,
        terms=terms or (head,),
        modifiers=modifiers,
        kinds=kinds,
        owners=owners,
        places=places,
        names=names,
        years=years,
        context=context or terms or (head,),
        role=role,
        topics=topics,
    )
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
        subject=head,
        value=value,
        value_max=value_max,
        unit=unit,
        qualifier=qualifier,
        as_of=as_of,
        precision=precision,
        frame=frame if compared else None,
        label=source,
    )
