"""--jobs: a number of processes or auto, and how many processes auto picks."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from alliance_check.cli import main
from alliance_check.parallel import AUTO, AUTO_MIN_WORDS, BATCH, cores, processes
from alliance_check.sources import make_article


def _articles(count: int, words: int) -> list:  # type: ignore[type-arg]
    return [make_article(f"{i}.txt", "word " * words) for i in range(count)]


@pytest.mark.parametrize(
    ("jobs", "count", "words", "want"),
    [
        pytest.param(3, 1, 10, 3, id="a number is kept"),
        pytest.param(AUTO, 0, 0, 1, id="nothing to read"),
        pytest.param(AUTO, 5, AUTO_MIN_WORDS // 5 - 1, 1, id="too few words: one process"),
        pytest.param(AUTO, BATCH * 64, AUTO_MIN_WORDS, min(cores(), 64), id="many words: every core"),
        pytest.param(AUTO, 1, AUTO_MIN_WORDS * 2, 1, id="one batch: one process"),
    ],
)
def test_processes(jobs: int, count: int, words: int, want: int) -> None:
    assert processes(jobs, _articles(count, words)) == want


@pytest.mark.parametrize(
    ("value", "code"),
    [
        pytest.param("0", 2, id="zero"),
        pytest.param("65", 2, id="too many"),
        pytest.param("some", 2, id="not a number"),
    ],
)
def test_jobs_option_refuses(value: str, code: int) -> None:
    result = CliRunner().invoke(main, ["extract", "--jobs", value, "x.txt"])
    assert result.exit_code == code
    assert "auto" in result.output


def test_jobs_auto_is_the_default_and_documented() -> None:
    result = CliRunner().invoke(main, ["extract", "--help"])
    assert "[default: auto]" in " ".join(result.output.split())
