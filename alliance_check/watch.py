"""Watch a corpus: check it, then check it again each time one of its files changes.

One process keeps the model loaded and the caches warm, so a re-check after an edit costs what the
edit costs (parsing the changed sentences, grouping, comparing): a tenth of a second on the seeds,
where a new process spends about two seconds importing spaCy and loading the model before it reads
a word. The files are looked at every ``interval`` seconds, or less often where looking takes
long (their time, size and inode; nothing is read until something changed), and a check waits
until they have stopped changing, so that an editor's save or a checkout of many files makes one
check, not one per file.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

Stamp = tuple[int, int, int]  # modification time (ns), size, inode
Snapshot = dict[str, Stamp]

MAX_SETTLES = 10  # a file written without pause is checked after this many waits anyway
LOOK_SHARE = 5  # a wait lasts at least this many times the last look: looking at 10,000 files takes
# about 0.12 s, so a watch that sees no change keeps a fifth of a core busy at most


def snapshot(files: Iterable[str]) -> Snapshot:
    """The stamp of each file that can be looked at (one that vanished meanwhile is left out)."""
    seen: Snapshot = {}
    for name in files:
        try:
            st = os.stat(name)
        except OSError:
            continue
        seen[name] = (st.st_mtime_ns, st.st_size, st.st_ino)
    return seen


def changes(before: Snapshot, after: Snapshot) -> list[str]:
    """The files added, removed or modified between two snapshots, sorted.

    >>> changes({"a.txt": (1, 10, 7), "b.txt": (1, 5, 8)}, {"a.txt": (2, 10, 7), "c.txt": (1, 1, 9)})
    ['a.txt', 'b.txt', 'c.txt']
    """
    return sorted(name for name in before.keys() | after.keys() if before.get(name) != after.get(name))


@dataclass
class Watcher:
    """The loop, with what it looks at, what it runs and how it waits given as functions (so that
    it is tested without a clock or a model).

    ``look`` gives the current snapshot; ``check`` is called once at the start with no changes, then
    with the files changed each time the snapshot differs and has stopped changing.
    """

    look: Callable[[], Snapshot]
    check: Callable[[list[str]], None]
    sleep: Callable[[float], None] | None = None  # None: time.sleep
    interval: float = 0.5
    settle: float = 0.1  # how long the files must stay as they are before a check

    def run(self, polls: int | None = None) -> int:
        """Check, then watch for ``polls`` looks (None: until interrupted); the checks made."""
        wait = self.sleep or time.sleep
        before, took = self._look()
        self.check([])
        made, done = 1, 0
        while polls is None or done < polls:
            wait(max(self.interval, LOOK_SHARE * took))
            done += 1
            now, took = self._look()
            if now == before:
                continue
            now = self._settled(now, wait)
            self.check(changes(before, now))
            made += 1
            before = now
        return made

    def _look(self) -> tuple[Snapshot, float]:
        """The snapshot, and how long taking it took."""
        started = time.perf_counter()
        return self.look(), time.perf_counter() - started

    def _settled(self, now: Snapshot, wait: Callable[[float], None]) -> Snapshot:
        """The snapshot once two looks ``settle`` seconds apart agree (or after MAX_SETTLES)."""
        for _ in range(MAX_SETTLES):
            wait(self.settle)
            later = self.look()
            if later == now:
                break
            now = later
        return now
