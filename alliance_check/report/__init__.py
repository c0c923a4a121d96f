"""Reporters: plain functions ``render(report, stream, options)``, picked from ``REPORTERS``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TextIO

from alliance_check.models import Report


@dataclass(frozen=True)
class ReportOptions:
    """How a report is drawn: width, colour (None: decide from the stream), whether to list agreements."""

    width: int | None = None
    color: bool | None = None
    show_agreements: bool = True


Reporter = Callable[[Report, TextIO, ReportOptions], None]


def _terminal(report: Report, stream: TextIO, options: ReportOptions) -> None:
    from alliance_check.report.terminal import render

    render(report, stream, options)


def _json(report: Report, stream: TextIO, options: ReportOptions) -> None:
    from alliance_check.report.json import render

    render(report, stream, options)


REPORTERS: dict[str, Reporter] = {"rich": _terminal, "json": _json}
