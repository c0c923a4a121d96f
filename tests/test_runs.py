"""The run cache: a run made before gives back the very report a fresh run gives, in every format,
and anything that changes the report (a file, a setting, an option, the baseline) makes a new run."""

from __future__ import annotations

import io
import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from alliance_check.check import Gate, check
from alliance_check.gate import write_baseline
from alliance_check.report import REPORTERS, ReportOptions
from alliance_check.runs import RunCache
from tests.conftest import SEEDS, seed_settings


def _rendered(report: Any) -> dict[str, str]:
    out = {}
    for fmt, render in REPORTERS.items():
        buffer = io.StringIO()
        render(report, buffer, ReportOptions(width=100, color=False))
        out[fmt] = buffer.getvalue()
    return out


def _entries(cache: Path) -> list[Path]:
    return sorted((cache / "runs").rglob("*.json"))


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    return tmp_path / "seeds"


@pytest.mark.parametrize(
    "against",
    [pytest.param(False, id="a corpus"), pytest.param(True, id="a new article against a corpus")],
)
def test_a_cached_run_gives_the_report_of_a_fresh_one(
    tmp_path: Path, corpus: Path, nlp: Any, against: bool
) -> None:
    settings = seed_settings()
    baseline = tmp_path / "baseline.json"
    write_baseline(str(baseline), list(check([str(corpus)], settings).findings)[:1])
    paths = [str(corpus / "003_dd4148032510d426.txt")] if against else [str(corpus)]
    gate = Gate(
        against=(str(corpus),) if against else (), baseline=str(baseline), cache_dir=str(tmp_path / "c")
    )
    fresh = check(paths, settings, replace(gate, cache_dir=None))
    first = check(paths, settings, gate)
    again = check(paths, settings, gate)
    assert len(_entries(tmp_path / "c")) == 1
    assert again == first == fresh
    assert _rendered(again) == _rendered(fresh)


def test_anything_that_changes_the_report_makes_a_new_run(tmp_path: Path, corpus: Path, nlp: Any) -> None:
    cache = tmp_path / "c"
    settings = seed_settings()
    baseline = tmp_path / "baseline.json"
    write_baseline(str(baseline), [])
    gate = Gate(cache_dir=str(cache))
    check([str(corpus)], settings, gate)
    check([str(corpus)], settings, replace(gate, jobs=2))  # the same report: the same run
    assert len(_entries(cache)) == 1
    check([str(corpus)], replace(settings, approx_tolerance=0.1), gate)
    check([str(corpus)], settings, replace(gate, baseline=str(baseline)))
    write_baseline(str(baseline), list(check([str(corpus)], settings).findings)[:1])
    check([str(corpus)], settings, replace(gate, baseline=str(baseline)))
    article = corpus / "004_afb83f8b2c0c29bf.txt"
    article.write_text(article.read_text(encoding="utf-8").replace("54,000", "53,000"), encoding="utf-8")
    edited = check([str(corpus)], settings, gate)
    assert len(_entries(cache)) == 5
    assert edited == check([str(corpus)], settings)
    assert "53,000" in _rendered(edited)["rich"]


@pytest.mark.parametrize(
    "garbage",
    [
        pytest.param(b"", id="empty"),
        pytest.param(b"{not json", id="not json"),
        pytest.param(b'{"key": "other", "report": {}}', id="another key"),
        pytest.param(None, id="a report cut short"),
    ],
)
def test_a_corrupt_run_entry_is_run_again(tmp_path: Path, nlp: Any, garbage: bytes | None) -> None:
    settings = seed_settings()
    gate = Gate(cache_dir=str(tmp_path))
    fresh = check([str(SEEDS)], settings, gate)
    (entry,) = _entries(tmp_path)
    whole = entry.read_bytes()
    if garbage is None:  # the right key, and a report whose claims lack a field
        garbage = whole.replace(b'"sentence_start": ', b'"sentence_begins": ', 1)
    entry.write_bytes(garbage)
    assert RunCache(tmp_path).load(entry.stem) is None
    assert check([str(SEEDS)], settings, gate) == fresh
    assert entry.read_bytes() == whole  # written again
