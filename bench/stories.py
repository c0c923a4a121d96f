"""Stories of our own: eight short corpora written for this benchmark (a dam failure, an
earthquake, a city budget, a mayoral election, a company's results, a wildfire, a plant
explosion, a train derailment; bench/stories/), with the conflicts a careful reader flags and
the look-alikes that must not be flagged (bench/stories/expected.json).

    python bench/stories.py        # one line per expectation, then recall and false alarms

A conflict is found when one error or warning finding holds both claims; a look-alike is a false
alarm when one does.
"""

from __future__ import annotations

import json
from pathlib import Path

from alliance_check.check import check
from alliance_check.settings import Settings

HERE = Path(__file__).resolve().parent / "stories"


def _flagged(story: str) -> list[set[tuple[str, str]]]:
    """For each error or warning finding of one story, the (file, text) of the claims it holds."""
    report = check([str(HERE / story)], Settings())  # no cache: Gate() has none
    claims = {c.id: (Path(c.source).name, c.text) for c in report.claims}
    return [
        {claims[i] for i in f.claim_ids}
        for f in report.findings
        if f.severity in ("error", "warning") and f.status == "new"
    ]


def main() -> None:
    expected = json.loads((HERE / "expected.json").read_text(encoding="utf-8"))
    stories = sorted({e["story"] for e in expected["conflicts"] + expected["not_conflicts"]})
    flagged = {story: _flagged(story) for story in stories}
    found = alarms = 0
    for e in expected["conflicts"]:
        hit = any({tuple(e["a"]), tuple(e["b"])} <= f for f in flagged[e["story"]])
        found += hit
        print(f"{'found ' if hit else 'MISSED'}  {e['story']}: {e['what']}")
    for e in expected["not_conflicts"]:
        hit = any({tuple(e["a"]), tuple(e["b"])} <= f for f in flagged[e["story"]])
        alarms += hit
        print(f"{'ALARM ' if hit else 'quiet '}  {e['story']}: {e['what']}")
    print(
        f"conflicts found {found}/{len(expected['conflicts'])}; "
        f"false alarms {alarms}/{len(expected['not_conflicts'])}"
    )


if __name__ == "__main__":
    main()
