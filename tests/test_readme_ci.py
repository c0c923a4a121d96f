"""The README's GitHub Actions example, run as written: its steps in a throwaway git repository."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import ROOT, SEEDS

CONTRADICTS = """---
published: 2024-08-02
---
The command in Hawaii works across a 15-hour time difference with Tokyo.
"""


def workflow() -> dict[str, Any]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### GitHub Actions") :]
    block = re.search(r"```yaml\n(.*?)```", section, re.S)
    assert block
    data: dict[str, Any] = yaml.safe_load(block.group(1))
    return data


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def test_the_install_line_resolves_from_a_git_url_or_a_path() -> None:
    (install,) = [
        s["run"] for s in workflow()["jobs"]["claims"]["steps"] if "pip install" in s.get("run", "")
    ]
    assert re.fullmatch(r'pip install "alliance-check @ git\+https://\S+@v\d+\.\d+\.\d+"', install), install
    assert "pip install alliance-check" not in (ROOT / "README.md").read_text(encoding="utf-8")


def run_steps(repo: Path, summary: Path) -> list[tuple[str, int | None]]:
    """Each `run` step with GitHub's shell (bash -e); after a failure only steps marked to run anyway."""
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        "GITHUB_BASE_REF": "main",
        "GITHUB_STEP_SUMMARY": str(summary),
    }
    failed = False
    done: list[tuple[str, int | None]] = []
    for step in workflow()["jobs"]["claims"]["steps"]:
        name = step.get("name") or step.get("uses") or step["run"]
        condition = str(step.get("if", ""))
        if failed and "!cancelled()" not in condition and "always()" not in condition:
            done.append((name, None))
            continue
        if "run" not in step or step["run"].startswith("pip install"):
            continue  # actions of GitHub's own, and installing what the test runs already
        shell = ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]]
        code = subprocess.run(shell, cwd=repo, env=env, capture_output=True, text=True).returncode
        done.append((name, code))
        failed = failed or code != 0
    return done


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    shutil.copytree(SEEDS, tmp_path / "corpus")
    git(tmp_path, "init", "-q", "-b", "main")
    alliance = [sys.executable, "-m", "alliance_check"]
    subprocess.run(
        [*alliance, "corpus/", "--write-baseline", ".alliance-baseline.json"], cwd=tmp_path, check=True
    )
    git(tmp_path, "add", "-A")
    git(tmp_path, "-c", "user.email=ci@example.com", "-c", "user.name=ci", "commit", "-qm", "corpus")
    git(tmp_path, "update-ref", "refs/remotes/origin/main", "HEAD")  # what checkout's fetch-depth: 0 gives
    git(tmp_path, "checkout", "-q", "-b", "new-article")
    return tmp_path


@pytest.mark.usefixtures("nlp")
def test_the_ci_example_fails_on_a_new_conflict_and_still_writes_its_summary(repo: Path) -> None:
    (repo / "corpus" / "new.md").write_text(CONTRADICTS, encoding="utf-8")
    git(repo, "add", "-A")
    summary = repo.parent / "summary.md"
    steps = run_steps(repo, summary)
    assert steps == [("Check changed articles", 1), ("Summary", 0)]
    assert "| ❌ | AC101 value-conflict | time difference" in summary.read_text(encoding="utf-8")
    assert (repo / "alliance-check.sarif").is_file()


@pytest.mark.usefixtures("nlp")
def test_the_ci_example_passes_when_nothing_changed(repo: Path) -> None:
    summary = repo.parent / "summary.md"
    assert run_steps(repo, summary) == [("Check changed articles", 0), ("Summary", 0)]
    assert "Nothing to check" in summary.read_text(encoding="utf-8")
