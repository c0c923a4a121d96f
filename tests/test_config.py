"""Configuration discovery and precedence."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from alliance_check.cli import main
from alliance_check.config import find_config
from alliance_check.models import InputError


def test_found_upwards_and_alliance_toml_first(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.alliance-check]\nfail-on = "warning"\n', encoding="utf-8")
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    assert find_config(sub).get("fail-on") == "warning"
    (tmp_path / "a" / "alliance-check.toml").write_text('fail-on = "never"\n', encoding="utf-8")
    config = find_config(sub)
    assert config.get("fail-on") == "never" and config.root == tmp_path / "a"


def test_pyproject_without_the_table_is_passed_over(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert find_config(tmp_path).path is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param('fail_on = "error"\n', "unknown key 'fail_on'", id="unknown key"),
        pytest.param(
            "approx-tolerance = 'wide'\n", "approx-tolerance must be a float or int", id="wrong type"
        ),
        pytest.param("fail-on = \n", "not valid TOML", id="bad syntax"),
    ],
)
def test_bad_configuration_is_an_error_naming_the_problem(tmp_path: Path, text: str, message: str) -> None:
    (tmp_path / "alliance-check.toml").write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        find_config(tmp_path)


def test_command_line_wins_over_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, nlp: Any) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Japan is home to 54,000 American troops.\n", encoding="utf-8")
    (corpus / "b.txt").write_text("Japan is home to 40,000 American troops.\n", encoding="utf-8")
    (tmp_path / "alliance-check.toml").write_text('fail-on = "never"\nignore = ["AC102"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    assert runner.invoke(main, ["corpus", "--format", "json"]).exit_code == 0
    assert runner.invoke(main, ["corpus", "--format", "json", "--fail-on", "error"]).exit_code == 1
    (tmp_path / "alliance-check.toml").write_text('fail-on = "never"\nfailon = 1\n', encoding="utf-8")
    bad = runner.invoke(main, ["corpus"])
    assert bad.exit_code == 2 and "unknown key 'failon'" in bad.stderr


def test_ignored_codes_and_topics_leave_the_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, nlp: Any
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Japan is home to 54,000 American troops.\n", encoding="utf-8")
    (corpus / "b.txt").write_text("Japan is home to 40,000 American troops.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for ignore in ("AC101", "us troops*"):
        result = CliRunner().invoke(main, ["corpus", "--format", "json", "--ignore", ignore])
        assert result.exit_code == 0
        assert json.loads(result.stdout)["findings"] == []


def test_extra_aliases_from_the_configuration(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, nlp: Any
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("The Harbor Accord was signed in 1998.\n", encoding="utf-8")
    (corpus / "b.txt").write_text("The Bay Treaty was signed in 2001.\n", encoding="utf-8")
    (tmp_path / "alliance-check.toml").write_text(
        '[aliases]\n"Harbor Accord" = ["Bay Treaty"]\n', encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["corpus", "--format", "json", "--no-cache"])
    doc = json.loads(result.stdout)
    assert [f["code"] for f in doc["findings"]] == ["AC201"]
    # the aliases are values of the settings, not global state: without them nothing is compared
    (tmp_path / "alliance-check.toml").write_text("", encoding="utf-8")
    result = CliRunner().invoke(main, ["corpus", "--format", "json", "--no-cache"])
    assert json.loads(result.stdout)["findings"] == []


def test_every_setting_key_maps_to_a_settings_field_and_the_command_line_wins() -> None:
    from dataclasses import fields

    from alliance_check.config import KEYS, Config, settings_from
    from alliance_check.settings import Settings

    names = {f.name for f in fields(Settings)}
    mapped = {key: spec.field for key, spec in KEYS.items() if spec.field}
    assert set(mapped.values()) <= names
    values = {
        "fail-on": "warning", "fail-on-stale": True, "approx-tolerance": 0.2, "as-of-gap-days": 9,
        "event-instance-gap-days": 8, "approx-minutes": 3.0, "fuzzy-name-cutoff": 91.0,
        "small-count-max": 3, "model": "en_core_web_md", "published": "2024-01-02",
        "include": ["*.md"], "exclude": ["drafts/*"], "domains": ["us-japan"],
        "aliases": {"Harbor Accord": ["Bay Treaty"]}, "encoding": "cp1252", "html": "raw",
    }  # fmt: skip
    assert set(values) == set(mapped)  # a new key gets a row here too
    settings = settings_from(Config(values=values), {})
    converted = {"aliases": (("Harbor Accord", ("Bay Treaty",)),)}
    for key, field in mapped.items():
        expected = values[key]
        expected = converted.get(key, tuple(expected) if isinstance(expected, list) else expected)
        assert getattr(settings, field) == expected, key
    given = settings_from(Config(values=values), {"fail_on": "error", "approx_tolerance": 0.01})
    assert (given.fail_on, given.approx_tolerance, given.as_of_gap_days) == ("error", 0.01, 9)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param(
            'ignore = ["AC999"]\n', "ignore: AC999 is not a finding code; the codes are AC001", id="code"
        ),
        pytest.param('fail-on = "sometimes"\n', "fail-on must be one of error, warning", id="fail-on"),
        pytest.param('published = "June"\n', "published: 'June' is not a date", id="published"),
        pytest.param("fail-on-stale = 1\n", "fail-on-stale must be a bool", id="fail-on-stale"),
    ],
)
def test_bad_values_are_usage_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, message: str
) -> None:
    (tmp_path / "alliance-check.toml").write_text(text, encoding="utf-8")
    (tmp_path / "a.txt").write_text("Japan is home to 54,000 American troops.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["a.txt"])
    assert result.exit_code == 2 and message in result.stderr, result.output
