"""The command line through click's CliRunner: formats, the exit-code contract, the README."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner

from alliance_check.cli import main
from alliance_check.models import RULES
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


USAGE_ERRORS = [
    pytest.param((), "Missing argument", id="no PATH"),
    pytest.param(("--format", "xml", "{seeds}"), "'xml' is not one of", id="unknown format"),
    pytest.param(("--published", "yesterday", "{seeds}"), "write it as YYYY-MM-DD", id="bad date"),
    pytest.param(("{tmp}/nope",), "nope: no such file or directory; check the path", id="missing PATH"),
    pytest.param(
        ("{seeds}", "--against", "{tmp}/nope"), "--against {tmp}/nope: no such file or directory",
        id="missing --against",
    ),
    pytest.param(("{tmp}/empty",), "nothing readable was given", id="empty directory"),
    pytest.param(
        ("{seeds}", "--ignore", "AC999"), "--ignore: AC999 is not a finding code; the codes are AC001, AC002",
        id="unknown code in --ignore",
    ),
    pytest.param(
        ("{seeds}", "--statistics", "--format", "json"), "use it with --format rich or concise",
        id="--statistics with a machine format",
    ),
    pytest.param(
        ("{seeds}", "--changed", "HEAD", "--against", "{seeds}"), "use one", id="--changed and --against"
    ),
    pytest.param(
        ("explain", "AC999"), "AC999 is not a finding code; the codes are AC001", id="explain unknown code"
    ),
]  # fmt: skip


@pytest.mark.parametrize(("args", "message"), USAGE_ERRORS)
def test_usage_errors_exit_2_and_say_how_to_fix(tmp_path: Path, args: tuple[str, ...], message: str) -> None:
    (tmp_path / "empty").mkdir()
    fill = {"seeds": str(SEEDS), "tmp": str(tmp_path)}
    result = run(*(a.format(**fill) for a in args))
    assert result.exit_code == 2, result.output
    assert message.format(**fill) in result.stderr
    assert result.stdout == ""
    assert "Traceback" not in result.output


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def test_changed_with_nothing_changed_says_so_and_passes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus(tmp_path, AGREEING, CONFLICTING)
    monkeypatch.chdir(tmp_path)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "-c", "user.email=ci@example.com", "-c", "user.name=ci", "commit", "-qm", "corpus")
    (tmp_path / "notes.py").write_text("x = 1\n", encoding="utf-8")  # a change, but not to an article
    result = run(".", "--changed", "HEAD")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == "Nothing to check: no article file in . changed since HEAD."
    assert (
        result.stdout.splitlines()[-1] == "exit 0: nothing to check: no article file in . changed since HEAD"
    )
    sarif = run(".", "--changed", "HEAD", "--format", "sarif", "--output", "out.sarif")
    assert (
        sarif.exit_code == 0 and json.loads((tmp_path / "out.sarif").read_text())["runs"][0]["results"] == []
    )
    bad = run(".", "--changed", "no-such-branch")
    assert (
        bad.exit_code == 2
        and "--changed no-such-branch: no such commit or branch here; fetch it" in bad.stderr
    )


def test_explain_a_code() -> None:
    result = run("explain", "ac101")
    assert result.exit_code == 0
    text = result.stdout
    assert text.startswith("AC101 value-conflict (error): Sources give incompatible numbers")
    assert "Example:" in text and "<!-- alliance-check: accept AC101 -- " in text
    assert "--ignore AC101" in text and "--write-baseline" in text
    assert run("explain", "value-soft-conflict").stdout.startswith("AC102 value-soft-conflict (warning)")
    listing = run("explain").stdout.splitlines()
    assert [line.split()[0] for line in listing] == list(RULES)


def test_bad_file_does_not_stop_the_others(tmp_path: Path, nlp: Any) -> None:
    (tmp_path / "a.txt").write_text(AGREEING, encoding="utf-8")
    (tmp_path / "b.txt").write_text(CONFLICTING, encoding="utf-8")
    (tmp_path / "c.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00binary")
    result = run("--format", "json", str(tmp_path))
    assert result.exit_code == 1
    assert "c.txt: a PNG image, not text" in result.stderr
    doc = json.loads(result.stdout)
    assert [s["status"] for s in doc["sources"]] == ["checked", "checked", "skipped"]
    for fmt in ("rich", "concise"):  # these list it themselves: once, and naming the file once
        shown = run("--format", fmt, str(tmp_path))
        assert shown.output.count("c.txt") == 1, shown.output
        assert "a PNG image, not text" in shown.stdout


def test_written_files_follow_the_umask_and_keep_their_mode(tmp_path: Path, nlp: Any) -> None:
    (tmp_path / "c").mkdir()
    folder = corpus(tmp_path / "c", AGREEING, CONFLICTING)
    old = os.umask(0o002)
    try:
        out, base = tmp_path / "report.md", tmp_path / "baseline.json"
        assert run(folder, "--format", "markdown", "--output", str(out)).exit_code == 1
        assert (
            run(folder, "--write-baseline", str(base)).stderr
            == f"alliance-check: wrote 1 finding to {base}\n"
        )
        assert (out.stat().st_mode & 0o777, base.stat().st_mode & 0o777) == (0o664, 0o664)
        out.chmod(0o640)
        assert run(folder, "--format", "markdown", "--output", str(out)).exit_code == 1
        assert out.stat().st_mode & 0o777 == 0o640
    finally:
        os.umask(old)


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
        opt
        for p in command.params
        if isinstance(p, click.Option)
        for opt in (*p.opts, *p.secondary_opts)
        if opt.startswith("-")
    }


def test_readme_documents_every_command_and_option() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert isinstance(main, click.Group)
    for name, command in main.commands.items():
        assert re.search(rf"alliance-check {name}\b", readme), name
        for opt in _options(command) - {"--help"}:
            assert opt in readme, f"{name} {opt}"


def test_readme_codes_table_is_the_rule_table() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = [line for line in readme.splitlines() if re.match(r"\| AC\d{3} \|", line)]
    assert rows == [f"| {r.code} | {r.name} | {r.severity} | {r.description} |" for r in RULES.values()]


def test_readme_configuration_example_is_accepted() -> None:
    """Every key of the README's configuration example is one the configuration reader knows."""
    import sys

    from alliance_check.config import KEYS

    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Configuration") :]
    opening = section.index("```toml") + len("```toml")
    block = section[opening : section.index("```", opening)]
    table = tomllib.loads(block)["tool"]["alliance-check"]
    assert table, "the example is empty"
    assert sorted(set(table) - set(KEYS)) == []
