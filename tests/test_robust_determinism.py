"""The same corpus gives byte-identical JSON across runs, file orders and concurrent cache use."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, SEEDS


def run(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "alliance_check", *args, "--format", "json"]
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT)


def test_file_order_on_the_command_line_does_not_matter(tmp_path: Path) -> None:
    files = sorted(str(p) for p in SEEDS.glob("*.txt"))
    forward = run(*files, "--no-cache")
    backward = run(*reversed(files), "--no-cache")
    assert forward.stdout and forward.stdout == backward.stdout


def test_concurrent_runs_share_a_cache_without_corrupting_it(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    command = [
        sys.executable,
        "-m",
        "alliance_check",
        str(corpus),
        "--format",
        "json",
        "--cache-dir",
        str(cache),
    ]
    procs = [subprocess.Popen(command, stdout=subprocess.PIPE, text=True, cwd=ROOT) for _ in range(3)]
    outputs = [p.communicate()[0] for p in procs]
    assert outputs[0] and outputs.count(outputs[0]) == 3
    for entry in cache.rglob("*.json"):
        json.loads(entry.read_text(encoding="utf-8"))  # every entry whole
    assert not [p for p in cache.rglob("*") if p.name.startswith(".") and p.name != ".gitignore"]
    again = run(str(corpus), "--cache-dir", str(cache))
    assert again.stdout == outputs[0]


def test_truncated_cache_entries_are_rebuilt_not_trusted(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = run(str(SEEDS), "--cache-dir", str(cache))
    for entry in cache.rglob("*.json"):
        entry.write_text(entry.read_text(encoding="utf-8")[:40], encoding="utf-8")
    second = run(str(SEEDS), "--cache-dir", str(cache))
    assert second.stdout == first.stdout


def test_garbage_baseline_is_a_clear_error(tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    baseline.write_bytes(b"\x00\x01 not json")
    result = run(str(SEEDS), "--baseline", str(baseline), "--no-cache")
    assert result.returncode == 2
    assert "not a readable alliance-check baseline" in result.stderr and "--write-baseline" in result.stderr
    assert "Traceback" not in result.stderr


def test_evidence_sums_do_not_depend_on_the_hash_seed() -> None:
    """Words are kept in sets, whose order changes with each run's hash seed; the weights they
    add up to must not (a last-digit difference once changed a score in the JSON report)."""
    import subprocess
    import sys

    code = (
        "from alliance_check.group import _weighted_share\n"
        "words = [f'w{i}' for i in range(40)]\n"
        "weight = {w: 0.1 * (i % 7 + 1) + 0.01 * i for i, w in enumerate(words)}\n"
        "print(repr(_weighted_share(words, words[5:], weight)[0]))\n"
    )
    seen = {
        subprocess.run(
            [sys.executable, "-c", code], env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True, text=True, check=True,
        ).stdout
        for seed in ("1", "2", "3", "999", "4242")
    }  # fmt: skip
    assert len(seen) == 1, seen


TIED_WORDS = """
from alliance_check.compare import _is_recurring
from alliance_check.models import ClaimGroup
from tests.conftest import make_claim
claims = tuple(
    make_claim(source, "Leeds", kind="place", head=head, terms=terms)
    for source, head, terms in (
        ("a", "audit", ("budget", "council", "visit")),
        ("b", "visit", ("audit", "budget", "council")),
    )
)
print(_is_recurring(ClaimGroup(id="G1", kind="place", subject="place", claims=claims)))
"""


def test_which_words_say_what_a_group_is_about_does_not_depend_on_the_hash_seed() -> None:
    """Four words said equally often: the first three in alphabetical order decide, whatever
    order a set of them iterates in (it changes with PYTHONHASHSEED)."""
    answers = set()
    for seed in range(8):
        env = {**os.environ, "PYTHONHASHSEED": str(seed)}
        done = subprocess.run(
            [sys.executable, "-c", TIED_WORDS], capture_output=True, text=True, cwd=ROOT, env=env, check=True
        )
        answers.add(done.stdout.strip())
    assert answers == {"False"}
