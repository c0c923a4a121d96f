"""`alliance-check watch`: what counts as a change, when the loop checks again, and the command
itself on a small corpus with the real model (an edit that adds a conflicting figure is reported
by the next check, from one process)."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from alliance_check.cli import main
from alliance_check.watch import LOOK_SHARE, MAX_SETTLES, Snapshot, Watcher, changes, snapshot

CHANGES = [
    # name, before, after, changed
    ("nothing changed", {"a": (1, 5, 1)}, {"a": (1, 5, 1)}, []),
    ("a file saved again", {"a": (1, 5, 1)}, {"a": (2, 5, 1)}, ["a"]),
    ("a file replaced by a rename", {"a": (1, 5, 1)}, {"a": (1, 5, 2)}, ["a"]),
    ("a file grew", {"a": (1, 5, 1)}, {"a": (1, 6, 1)}, ["a"]),
    ("a file added", {"a": (1, 5, 1)}, {"a": (1, 5, 1), "b": (3, 1, 4)}, ["b"]),
    ("a file removed", {"a": (1, 5, 1), "b": (3, 1, 4)}, {"b": (3, 1, 4)}, ["a"]),
    ("several, sorted", {"b": (1, 1, 1), "c": (1, 1, 2)}, {"a": (1, 1, 3), "b": (2, 1, 1)}, ["a", "b", "c"]),
]


@pytest.mark.parametrize(("name", "before", "after", "changed"), CHANGES, ids=[row[0] for row in CHANGES])
def test_changes(name: str, before: Snapshot, after: Snapshot, changed: list[str]) -> None:
    assert changes(before, after) == changed


def test_snapshot_stamps_files_and_leaves_out_vanished_ones(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("The tunnel is 4 km long.\n", encoding="utf-8")
    first = snapshot([str(article), str(tmp_path / "gone.txt")])
    assert list(first) == [str(article)]
    article.write_text("The tunnel is 4.5 km long.\n", encoding="utf-8")
    os.utime(article, ns=(first[str(article)][0] + 10**9, first[str(article)][0] + 10**9))
    assert changes(first, snapshot([str(article)])) == [str(article)]


def _scripted(looks: list[Snapshot]) -> tuple[Callable[[], Snapshot], list[float], Callable[[float], None]]:
    """A look that gives ``looks`` one after the other (the last for ever), and a sleep that records."""
    given = iter(looks)
    last: list[Snapshot] = []
    slept: list[float] = []

    def look() -> Snapshot:
        last[:] = [next(given, last[0] if last else {})]
        return last[0]

    return look, slept, slept.append


A1, A2, A3 = {"a": (1, 5, 1)}, {"a": (2, 6, 1)}, {"a": (3, 7, 1)}
LOOPS = [
    # name, looks in turn, polls, checks made with what changed each time
    ("no change: one check", [A1, A1, A1, A1], 3, [[]]),
    ("one save: checked again once it settled", [A1, A1, A2, A2, A2], 3, [[], ["a"]]),
    ("a save during the wait: one check of the last state", [A1, A2, A3, A3, A3], 2, [[], ["a"]]),
    ("two saves apart: two re-checks", [A1, A2, A2, A2, A3, A3], 3, [[], ["a"], ["a"]]),
]


@pytest.mark.parametrize(("name", "looks", "polls", "expected"), LOOPS, ids=[row[0] for row in LOOPS])
def test_watcher_checks_again_after_a_change(
    name: str, looks: list[Snapshot], polls: int, expected: list[list[str]]
) -> None:
    look, slept, sleep = _scripted(looks)
    checks: list[list[str]] = []
    made = Watcher(look, checks.append, sleep=sleep, interval=0.5, settle=0.2).run(polls)
    assert checks == expected
    assert made == len(expected)
    assert slept.count(0.5) == polls


def test_watcher_checks_a_file_written_without_pause_after_a_bounded_wait() -> None:
    growing = [{"log": (i, i, 1)} for i in range(1, 40)]
    look, slept, sleep = _scripted(growing)
    checks: list[list[str]] = []
    Watcher(look, checks.append, sleep=sleep, interval=0.5, settle=0.2).run(1)
    assert checks == [[], ["log"]]
    assert slept.count(0.2) == MAX_SETTLES


BRIDGE = "The new bridge over the river is 1,200 meters long, the city engineer said on Monday.\n"
OPENED = "The bridge opened to traffic in March after four years of work.\n"
LONGER = "Officials said the new bridge over the river is 1,850 meters long.\n"


def _two_articles(tmp_path: Path, wire: str = OPENED) -> Path:
    """corpus/city.txt (a bridge's length) and corpus/wire.txt (``wire``)."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "city.txt").write_text(BRIDGE, encoding="utf-8")
    (corpus / "wire.txt").write_text(wire, encoding="utf-8")
    return corpus


def _rewrite(path: Path, text: str) -> None:
    """Write ``text`` with a modification time a second on, so that even a coarse clock sees it."""
    path.write_text(text, encoding="utf-8")
    stamp = path.stat().st_mtime_ns + 10**9
    os.utime(path, ns=(stamp, stamp))


def _watch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, edit: Callable[[], None], *args: str) -> Any:
    """Run watch with a sleep that makes ``edit`` at the first look, then presses Ctrl-C."""
    calls = 0

    def sleep(seconds: float) -> None:
        nonlocal calls
        calls += 1
        if calls == 1:
            edit()
        elif calls > 3:
            raise KeyboardInterrupt

    monkeypatch.setattr(time, "sleep", sleep)
    monkeypatch.chdir(tmp_path)
    return CliRunner().invoke(main, ["watch", *args], catch_exceptions=False)


def test_watch_reports_a_conflict_an_edit_adds(
    nlp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = _two_articles(tmp_path)

    def edit() -> None:
        _rewrite(corpus / "wire.txt", OPENED + LONGER)

    result = _watch(tmp_path, monkeypatch, edit, "corpus", "--format", "concise", "--no-cache")
    first, _, second = result.output.partition("checking again")
    assert "AC101" not in first
    assert "AC101" in second and "1,850" in second and "1,200" in second
    assert result.output.count("watching 2 files") == 2
    assert "stopped watching" in result.output
    assert result.exit_code == 1  # the last check's status: a new conflict
    assert not (tmp_path / ".alliance-check-cache").exists()  # --no-cache: nothing left behind


def test_watch_keeps_the_first_report_in_the_run_cache_not_those_of_re_checks(
    nlp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = _two_articles(tmp_path)

    def edit() -> None:
        _rewrite(corpus / "wire.txt", OPENED + LONGER)

    result = _watch(tmp_path, monkeypatch, edit, "corpus", "--format", "concise", "--cache-dir", "cache")
    assert result.output.count("checked in") == 2
    assert len([p for p in (tmp_path / "cache" / "runs").rglob("*") if p.is_file()]) == 1


def test_watch_keeps_going_when_a_file_turns_unreadable(
    nlp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = _two_articles(tmp_path) / "city.txt"

    def edit() -> None:
        article.write_bytes(b"\x00\x01\x02\x03" * 200)

    result = _watch(tmp_path, monkeypatch, edit, "corpus", "--format", "concise")
    assert result.output.count("checked in") == 2
    first, _, second = result.output.partition("checking again")
    assert "not checked" not in first
    assert "city.txt: not checked: looks binary" in second
    assert result.exit_code == 0


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["watch", "-"], "standard input (-) cannot be watched"),
        (["watch", "missing-folder"], "missing-folder: no such file or directory"),
        (["watch", "corpus", "--interval", "0"], "--interval"),
    ],
    ids=["standard input", "a path that does not exist", "an interval out of range"],
)
def test_watch_usage_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], said: str
) -> None:
    (tmp_path / "corpus").mkdir()
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert said in result.output


@pytest.mark.parametrize(
    ("config", "said", "status"),
    [
        ('fail-on = "never"\n', "", 0),
        ('fail-on = "never\n', "the settings read before stay", 1),
    ],
    ids=["a new setting is read", "a broken file keeps the settings before"],
)
def test_watch_reads_its_configuration_again_when_it_changes(
    nlp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, config: str, said: str, status: int
) -> None:
    settings = _two_articles(tmp_path, OPENED + LONGER) / "alliance-check.toml"
    settings.write_text('fail-on = "error"\n', encoding="utf-8")

    def edit() -> None:
        _rewrite(settings, config)

    result = _watch(tmp_path, monkeypatch, edit, "corpus", "--format", "concise", "--no-cache")
    assert "alliance-check.toml; checking again" in result.output
    assert said in result.output
    assert result.output.count("AC101") == 2
    assert result.exit_code == status


def test_watcher_looks_less_often_where_looking_takes_long(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = iter(float(t) for t in range(0, 100, 1))  # every look takes a second
    monkeypatch.setattr("alliance_check.watch.time.perf_counter", lambda: next(clock))
    look, slept, sleep = _scripted([A1, A1, A1])
    Watcher(look, lambda changed: None, sleep=sleep, interval=0.5).run(2)
    assert slept == [LOOK_SHARE * 1.0, LOOK_SHARE * 1.0]


@pytest.mark.parametrize(
    ("files", "shown", "said"),
    [
        (["a.txt", "b.txt"], 3, "a.txt, b.txt"),
        (["a.txt", "b.txt", "c.txt", "d.txt", "e.txt"], 3, "a.txt, b.txt, c.txt and 2 more files"),
    ],
    ids=["changes named", "many changes cut short"],
)
def test_what_watch_says_of_files(files: list[str], shown: int, said: str) -> None:
    from alliance_check.cli import _listed

    assert _listed(files, shown) == said


def test_watch_names_a_baseline_that_turns_unreadable_and_goes_on(
    nlp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = _two_articles(tmp_path)
    baseline = tmp_path / "baseline.json"
    assert CliRunner().invoke(main, ["check", str(corpus), "--write-baseline", str(baseline)]).exit_code == 0

    def edit() -> None:
        _rewrite(baseline, "{ not json")

    result = _watch(
        tmp_path, monkeypatch, edit, "corpus", "--baseline", "baseline.json", "--format", "concise"
    )
    first, _, second = result.output.partition("checking again")
    assert "not a readable" not in first
    assert "baseline.json: not a readable" in second and "checked in" in second
    assert result.exit_code == 2  # the last check could not be made
