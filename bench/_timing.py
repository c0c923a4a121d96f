"""Timing whole commands side by side: alternate runs, report min / median / max and ratios."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence


def run_once(argv: Sequence[str], env: dict[str, str] | None = None) -> float:
    """Wall seconds of one run of a command; its output is discarded."""
    started = time.perf_counter()
    subprocess.run(list(argv), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
    return time.perf_counter() - started


def alternate(commands: dict[str, Sequence[str]], runs: int, warmup: int = 1) -> dict[str, list[float]]:
    """Run the commands in turn (A B A B ...) so that drift in machine speed hits all alike."""
    env = {**os.environ, "NO_COLOR": "1"}
    for _ in range(warmup):
        for argv in commands.values():
            run_once(argv, env)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, argv in commands.items():
            times[name].append(run_once(argv, env))
    return times


def describe(times: dict[str, list[float]]) -> str:
    """A table of min / median / max per command."""
    lines = [f"{'command':<28}{'min s':>9}{'median s':>10}{'max s':>9}"]
    for name, values in times.items():
        lines.append(f"{name:<28}{min(values):>9.3f}{statistics.median(values):>10.3f}{max(values):>9.3f}")
    return "\n".join(lines)


def ratio(times: dict[str, list[float]], a: str, b: str) -> float:
    """Median of the pairwise ratios a/b (runs were interleaved, so pairs share conditions)."""
    return statistics.median(x / y for x, y in zip(times[a], times[b], strict=True))


def cli(*args: str) -> list[str]:
    """The alliance-check command, run by this interpreter."""
    return [sys.executable, "-m", "alliance_check", *args]
