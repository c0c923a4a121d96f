"""The command line through click's CliRunner: formats, the exit-code contract, the README."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner

from alliance_check.cli import main
from tests.conftest import ROOT, SEEDS

AGREEING = "Japan is home to about 55,000 American troops.\n"
CONFLICTING = "Japan is home to 40,000 American troops.\n"
SOFT = "Japan is home to around 52,000 American troops.\n"


def run(*args: str, input: str | None = None) -> Any:
    return CliRunner().invoke(main, list(args), input=input)


def corpus(tmp_path: Path, *texts: str) -> str:
    for i, text in enumerate(texts):
        (tmp_path / f"{i:03d}_a.txt").write_text(text, encoding="utf-8")
    return str(tmp_path)


@pytest.mark.usefixtures("nlp")
@pytest.mark.parametrize(
    ("texts", "fail_on", "code"),
    [
        pytest.param((AGREEING, AGREEING), "error", 0, id="agreement passes"),
        pytest.param((AGREEING, CONFLICTING), "error", 1, id="conflict fails"),
        pytest.param((AGREEING, SOFT), "error", 0, id="soft conflict passes at error"),
        pytest.param((AGREEING, SOFT), "warning", 1, id="soft conflict fails at warning"),
        pytest.param((AGREEING, AGREEING), "info", 1, id="agreement fails at info"),
        pytest.param((AGREEING, CONFLICTING), "never", 0, id="never fails"),
    ],
)
def test_exit_code_truth_table(tmp_path: Path, texts: tuple[str, ...], fail_on: str, code: int) -> None:
    result = run("--fail-on", fail_on, "--format", "json", corpus(tmp_path, *texts))
    assert result.exit_code == code, result.output


def test_usage_and_input_errors_exit_2(tmp_path: Path) -> None:
    assert run().exit_code == 2
    assert run("--format", "xml", str(SEEDS)).exit_code == 2
    assert run("--published", "yesterday", str(SEEDS)).exit_code == 2
    missing = run(str(tmp_path / "nope"))
    assert missing.exit_code == 2
    assert "no such file or directory" in missing.output
    (tmp_path / "empty").mkdir()
    assert run(str(tmp_path / "empty")).exit_code == 2


def test_bad_file_does_not_stop_the_others(tmp_path: Path, nlp: Any) -> None:
    (tmp_path / "a.txt").write_text(AGREEING, encoding="utf-8")
    (tmp_path / "b.txt").write_text(CONFLICTING, encoding="utf-8")
    (tmp_path / "c.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00binary")
    result = run("--format", "json", str(tmp_path))
    assert result.exit_code == 1
    assert "c.txt: a PNG image, not text" in result.stderr
    doc = json.loads(result.stdout)
    assert [s["status"] for s in doc["sources"]] == ["checked", "checked", "skipped"]


def test_json_report_shape(nlp: Any) -> None:
    result = run("--format", "json", str(SEEDS))
    doc = json.loads(result.stdout)
    assert list(doc)[:1] == ["schema_version"]
    assert set(doc) >= {"sources", "claims", "findings"}
    claim = doc["claims"][0]
    for field in (
        "id",
        "source",
        "line",
        "column",
        "start",
        "end",
        "text",
        "sentence",
        "kind",
        "subject",
        "value",
        "value_max",
        "unit",
        "qualifier",
        "as_of",
    ):
        assert field in claim
    finding = doc["findings"][0]
    assert set(finding) >= {"code", "severity", "verdict", "subject", "claim_ids", "message"}


def test_extract_formats_and_stdin(nlp: Any) -> None:
    text = "On July 28, the ministers met in Tokyo. The contract is worth $19.4 million."
    lines = run("extract", "--published", "2024-07-30", "-", input=text)
    assert lines.exit_code == 0
    records = [json.loads(line) for line in lines.stdout.splitlines()]
    assert [(r["kind"], r["value"]) for r in records] == [
        ("date", "2024-07-28"),
        ("place", "Tokyo"),
        ("money", 19400000),
    ]
    assert all(r["source"] == "<stdin>" for r in records)
    array = run("extract", "--format", "json", "--published", "2024-07-30", "-", input=text)
    assert json.loads(array.stdout) == records
    table = run("extract", "--format", "table", "--published", "2024-07-30", "-", input=text)
    assert "19.4 million" in table.stdout


def test_extract_folder_names_each_file(tmp_path: Path, nlp: Any) -> None:
    (tmp_path / "a.txt").write_text("It costs $5 million.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("It was 27 per cent higher.", encoding="utf-8")
    result = run("extract", str(tmp_path))
    sources = [json.loads(line)["source"] for line in result.stdout.splitlines()]
    assert [Path(s).name for s in sources] == ["a.txt", "b.txt"]


def test_help_and_version_do_not_need_the_model() -> None:
    result = run("--help")
    assert result.exit_code == 0 and "--fail-on" in result.output and "extract" in result.output
    assert run("--version").exit_code == 0


def _options(command: click.Command) -> set[str]:
    return {
        opt for p in command.params if isinstance(p, click.Option) for opt in p.opts if opt.startswith("--")
    }


def test_readme_documents_every_command_and_option() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert isinstance(main, click.Group)
    for name, command in main.commands.items():
        assert re.search(rf"alliance-check {name}\b", readme), name
        for opt in _options(command) - {"--help"}:
            assert opt in readme, f"{name} {opt}"
