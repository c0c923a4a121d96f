"""The CI gate end to end: a throwaway git repository with the seed corpus and a baseline."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from alliance_check.cli import main
from tests.conftest import SEEDS
from tests.test_cache_formats import SARIF_SCHEMA

AGREES = """---
published: 2024-08-02
---
The so-called two-plus-two meeting of July 28, 2024 confirmed the plan.

Tokyo and Hawaii are separated by a 19-hour time difference.
"""
CONTRADICTS = """---
published: 2024-08-02
---
Officials said the upgrade was long planned.

The command in Hawaii works across a 15-hour time difference with Tokyo.
"""


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture()
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "-c", "user.email=ci@example.com", "-c", "user.name=ci", "commit", "-qm", "seed corpus")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["corpus", "--write-baseline", "baseline.json"])
    assert result.exit_code == 0, result.output
    git(tmp_path, "add", "-A")
    git(tmp_path, "-c", "user.email=ci@example.com", "-c", "user.name=ci", "commit", "-qm", "baseline")
    return tmp_path


def gate(*extra: str) -> Any:
    return CliRunner().invoke(main, ["corpus", "--changed", "HEAD", "--baseline", "baseline.json", *extra])


@pytest.mark.usefixtures("nlp")
def test_agreeing_article_passes(repo: Path) -> None:
    (repo / "corpus" / "new.md").write_text(AGREES, encoding="utf-8")
    result = gate("--format", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["focus"] == ["corpus/new.md"]
    assert all(f["status"] != "new" or f["severity"] == "info" for f in doc["findings"])
    assert doc["stale_baseline"] == []


@pytest.mark.usefixtures("nlp")
def test_contradicting_article_fails_and_points_at_its_line(repo: Path) -> None:
    (repo / "corpus" / "new.md").write_text(CONTRADICTS, encoding="utf-8")
    github = gate("--format", "github")
    assert github.exit_code == 1
    first = github.stdout.splitlines()[0]
    column = CONTRADICTS.splitlines()[5].index("15-hour") + 1
    assert first.startswith("::error file=") and f"new.md,line=6,col={column}," in first
    assert "AC101 value-conflict" in first and "15-hour" in first
    sarif = gate("--format", "sarif")
    assert sarif.exit_code == 1
    doc = json.loads(sarif.stdout)
    jsonschema.validate(doc, SARIF_SCHEMA)
    (result,) = [r for r in doc["runs"][0]["results"] if r.get("baselineState") == "new"]
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"].endswith("corpus/new.md")
    assert (location["region"]["startLine"], location["region"]["startColumn"]) == (6, column)
    assert {
        r["physicalLocation"]["artifactLocation"]["uri"].rsplit("/", 1)[-1][:3]
        for r in result["relatedLocations"]
    } == {"002", "003"}


@pytest.mark.usefixtures("nlp")
def test_editing_a_baselined_article_without_changing_values_passes(repo: Path) -> None:
    seed = repo / "corpus" / "004_afb83f8b2c0c29bf.txt"
    text = seed.read_text(encoding="utf-8")
    text = "Editor's note: this analysis was updated.\n\n" + text.replace(
        "Japan has played a central role", "Japan has long played a key role", 1
    )
    seed.write_text(text, encoding="utf-8")
    result = gate()
    assert result.exit_code == 0, result.output
    full = CliRunner().invoke(main, ["corpus", "--baseline", "baseline.json", "--fail-on-stale"])
    assert full.exit_code == 0, full.output


@pytest.mark.usefixtures("nlp")
def test_fixing_a_conflict_leaves_a_stale_entry(repo: Path) -> None:
    seed = repo / "corpus" / "004_afb83f8b2c0c29bf.txt"
    seed.write_text(seed.read_text(encoding="utf-8").replace("54,000", "55,000"), encoding="utf-8")
    result = CliRunner().invoke(main, ["corpus", "--baseline", "baseline.json", "--format", "json"])
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)["stale_baseline"]) == 1
    shown = CliRunner().invoke(main, ["corpus", "--baseline", "baseline.json", "--width", "80"]).stdout
    gate_line = next(line for line in shown.splitlines() if line.startswith("gate: "))
    assert ", 1 stale," in gate_line and "3 baselined" in gate_line
    assert "  stale: AC101 US troops in Japan: the baseline entry matches no finding now" in shown
    flat = " ".join(shown.split())  # the reason wraps at 80 columns
    assert "exit 0: no new finding at or above --fail-on error (3 baselined or accepted;" in flat
    assert "1 stale entry passes without --fail-on-stale)" in flat
    failed = CliRunner().invoke(main, ["corpus", "--baseline", "baseline.json", "--fail-on-stale"])
    assert failed.exit_code == 1
    assert failed.stdout.splitlines()[-1] == "exit 1: 1 stale baseline entry with --fail-on-stale"


@pytest.mark.usefixtures("nlp")
def test_accepted_disagreement_is_reported_not_failed(repo: Path) -> None:
    accepted = (
        CONTRADICTS + '\n<!-- alliance-check: accept "time difference between Hawaii and Tokyo" -- DST -->\n'
    )
    (repo / "corpus" / "new.md").write_text(accepted, encoding="utf-8")
    result = gate("--format", "json")
    assert result.exit_code == 0
    (finding,) = [f for f in json.loads(result.stdout)["findings"] if f["code"] == "AC101"]
    assert finding["status"] == "accepted" and "DST" in finding["note"]
