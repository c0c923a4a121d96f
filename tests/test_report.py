"""Reporter output on the seeds compared with snapshot files (UPDATE_SNAPSHOTS=1 rewrites them)."""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

import pytest

from alliance_check.check import check
from alliance_check.models import Report
from alliance_check.report import REPORTERS, ReportOptions
from tests.conftest import ROOT, seed_settings

SNAPSHOTS = Path(__file__).parent / "snapshots"


@pytest.fixture(scope="module")
def report(nlp: Any) -> Report:
    cwd = os.getcwd()
    os.chdir(ROOT)  # sources are named as given: keep them relative
    try:
        return check(["seeds"], seed_settings())
    finally:
        os.chdir(cwd)


@pytest.mark.parametrize(("fmt", "name"), [("rich", "seeds.txt"), ("json", "seeds.json")])
def test_snapshot(report: Report, fmt: str, name: str) -> None:
    out = io.StringIO()
    REPORTERS[fmt](report, out, ReportOptions(width=100, color=False))
    path = SNAPSHOTS / name
    if os.environ.get("UPDATE_SNAPSHOTS"):
        path.write_text(out.getvalue(), encoding="utf-8")
    if not path.exists():
        pytest.fail(f"{path} is missing; write it deliberately with UPDATE_SNAPSHOTS=1 and review it")
    assert out.getvalue() == path.read_text(encoding="utf-8")


def test_reporters_are_deterministic(report: Report) -> None:
    outs = []
    for _ in range(2):
        out = io.StringIO()
        REPORTERS["json"](report, out, ReportOptions())
        outs.append(out.getvalue())
    assert outs[0] == outs[1]


def test_plain_text_when_not_a_terminal(report: Report) -> None:
    out = io.StringIO()
    REPORTERS["rich"](report, out, ReportOptions(width=100))
    assert "\x1b[" not in out.getvalue()


def test_colour_when_forced(report: Report) -> None:
    out = io.StringIO()
    REPORTERS["rich"](report, out, ReportOptions(width=100, color=True))
    assert "\x1b[" in out.getvalue()


def test_readme_shows_the_real_seed_report() -> None:
    """The README's capture of `alliance-check seeds/` is the seed snapshot, byte for byte."""
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    marker = "This is the real output, as a pipe or a CI log gets it (100 columns):\n\n```\n"
    start = readme.index(marker) + len(marker)
    assert readme[start : readme.index("```\n", start)] == (SNAPSHOTS / "seeds.txt").read_text(
        encoding="utf-8"
    )
