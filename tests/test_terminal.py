"""The reports people read, without the model: whole locations at any width, the gate's state, colour."""

from __future__ import annotations

import io
from dataclasses import replace
from typing import Any

import pytest

from alliance_check.models import (
    Acceptance,
    BaselineEntry,
    Claim,
    ClaimGroup,
    Finding,
    Report,
    SourceStatus,
)
from alliance_check.report import REPORTERS, ReportOptions, shown_paths, summary_line
from alliance_check.report.terminal import console_width, use_style
from tests.conftest import make_claim


def long_path(n: int) -> str:
    """A path exactly 60 characters long, as a deep corpus folder gives."""
    path = f"newsroom/archive/2024/regional-desk/flood-coverage/{n:03d}_a.txt"
    assert len(path) == 60
    return path


def claim(n: int, value: float, text: str, line: int, column: int, **kw: Any) -> Claim:
    source = long_path(n)
    made = make_claim(source, value, text=text, line=line, **kw)
    sentence = f"Officials told reporters on Tuesday that {text} were involved in the operation overall."
    return replace(
        made,
        id=f"{source}:{line}:{column}",
        column=column,
        sentence=sentence,
        label=f"{n:03d}",
        as_of="2024-05-01",
    )


CLAIMS = [
    claim(0, 12000.0, "approximately 12,000 residents", 118, 347, qualifier="approx"),
    claim(1, 8500.0, "8,500 residents", 7, 12),
    claim(2, 12000.0, "more than 12,000 residents", 1204, 1093, qualifier="lower_bound"),
]


def finding(code: str = "AC101", status: str = "new", note: str | None = None, n: int = 1) -> Finding:
    severity = {"AC101": "error", "AC102": "warning", "AC001": "info"}[code]
    return Finding(
        code=code,
        severity=severity,
        verdict={"error": "conflict", "warning": "soft_conflict", "info": "agreement"}[severity],
        subject=f"number of residents evacuated {n}",
        claim_ids=tuple(c.id for c in CLAIMS),
        message="001 says 8,500 residents; 000 and 002 say approximately 12,000 residents / more than "
        "12,000 residents: the values do not overlap.",
        group_id=f"g{n}",
        pair=(CLAIMS[0].id, CLAIMS[1].id),
        fingerprint=f"fp{n}",
        status=status,
        note=note,
    )


def report(*findings: Finding, **kw: Any) -> Report:
    sources = tuple(SourceStatus(long_path(n), f"{n:03d}", "checked", claims=1) for n in range(3))
    group = ClaimGroup("g1", "number of residents evacuated", "count", tuple(CLAIMS))
    return Report(sources, tuple(CLAIMS), (group,), findings, tool_version="0.1.0", **kw)


def render(rep: Report, fmt: str = "rich", **options: Any) -> str:
    out = io.StringIO()
    # a fixed width unless a test sets one: COLUMNS of whoever runs the tests must not matter
    REPORTERS[fmt](rep, out, ReportOptions(**{"color": False, "width": 100, **options}))
    return out.getvalue()


@pytest.mark.parametrize("width", [80, 100])
def test_every_location_and_value_is_whole(width: int) -> None:
    text = render(report(finding()), width=width)
    lines = text.splitlines()
    for c in CLAIMS:
        assert any(f"--> {c.source}:{c.line}:{c.column}" in line for line in lines), c.id
        assert any(f"{c.label} says {c.text}" in line for line in lines), c.text
    assert "…" not in text
    assert all(len(line) <= width for line in lines)
    assert not any(line.endswith(" ") for line in lines)


def test_a_location_longer_than_the_width_runs_past_it_rather_than_break() -> None:
    deep = "/".join(["a-very-deep-folder-name"] * 6) + "/article.txt"
    wide = replace(CLAIMS[0], source=deep, id=f"{deep}:3:4", line=3, column=4)
    rep = Report(
        (), (wide, CLAIMS[1]), (), (replace(finding(), claim_ids=(wide.id, CLAIMS[1].id), pair=None),)
    )
    assert f"  --> {deep}:3:4" in render(rep, width=80).splitlines()


def test_concise_is_one_line_per_finding() -> None:
    rep = report(finding(), finding("AC102", n=2), finding("AC001", n=3))
    lines = render(rep, "concise").splitlines()
    first = CLAIMS[1]  # the pair's last source by label is where the finding is shown
    assert lines[0] == (
        f"{first.source}:{first.line}:{first.column}: AC101 number of residents evacuated 1: "
        + " ".join(finding().message.split())
    )
    assert lines[1].startswith(f"{first.source}:{first.line}:{first.column}: AC102 ")
    assert lines[2].startswith("alliance-check: 1 conflict, 1 soft conflict in 3 sources")
    assert lines[3] == "alliance-check: exit 1: 1 new finding at or above --fail-on error"
    assert render(rep, "concise", quiet=True).splitlines() == lines[:2]


GATE_STATES = [
    pytest.param(
        report(finding(status="baselined")),
        ["gate: 0 new, 1 baselined, 0 accepted, 0 ignored, 0 stale, 0 unused acceptances",
         "exit 0: no new finding at or above --fail-on error (1 baselined or accepted)"],
        id="baselined",
    ),
    pytest.param(
        report(finding(status="accepted", note="accepted in b.md:4: older survey")),
        ["gate: 0 new, 0 baselined, 1 accepted, 0 ignored", "exit 0: no new finding"],
        id="accepted",
    ),
    pytest.param(
        report(ignored=(finding(),)),
        ["gate: 0 new, 0 baselined, 0 accepted, 1 ignored, 0 stale", "exit 0: no new finding"],
        id="ignored",
    ),
    pytest.param(
        report(stale=(BaselineEntry("fp9", "AC201", "date of the levee breach"),)),
        ["0 ignored, 1 stale, 0 unused",
         "  stale: AC201 date of the levee breach: the baseline entry matches no finding now",
         "exit 0: no new finding at or above --fail-on error (1 stale entry passes without --fail-on-stale)"],
        id="stale",
    ),
    pytest.param(
        report(stale=(BaselineEntry("fp9", "AC201", "date of the levee breach"),), fail_on_stale=True),
        ["1 stale", "exit 1: 1 stale baseline entry with --fail-on-stale"],
        id="stale with --fail-on-stale",
    ),
    pytest.param(
        report(unused_acceptances=(Acceptance(long_path(1), "AC301", "", 9),)),
        ["0 stale, 1 unused acceptance",
         "  unused acceptance: 'AC301' matches no finding; remove it\n"
         f"  --> {long_path(1)}:9\n"],
        id="unused acceptance",
    ),
    pytest.param(
        report(finding(), finding("AC102", n=2)),
        ["gate: 2 new, 0 baselined", "exit 1: 1 new finding at or above --fail-on error"],
        id="new",
    ),
    pytest.param(
        report(finding(), fail_on="never"),
        ["exit 0: --fail-on never: findings do not fail the run"],
        id="never",
    ),
    pytest.param(
        report(finding("AC102")),
        ["exit 0: no new finding at or above --fail-on error (1 new finding below it)"],
        id="warning below error",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("rep", "expected"), GATE_STATES)
def test_gate_state_ends_the_report(rep: Report, expected: list[str]) -> None:
    text = render(rep, width=100)
    gate = text[text.index("gate: ") :]
    for piece in expected:
        assert piece in gate, piece
    assert text.rstrip().splitlines()[-1].startswith("exit ")


def test_sources_table_comes_before_the_gate_and_a_record_is_located_in_its_file() -> None:
    record = replace(
        CLAIMS[1], source="feeds/wire.jsonl:2", id="feeds/wire.jsonl:2:7:12", label="Wire (wire:2)"
    )
    claims = (CLAIMS[0], record)
    sources = (
        SourceStatus(long_path(0), "000", "checked", published="2024-05-01", published_how="front matter"),
        SourceStatus(
            "feeds/wire.jsonl:2", "Wire (wire:2)", "checked", published="2024-05-02",
            published_how="record field", file="feeds/wire.jsonl", record=2,
        ),
    )  # fmt: skip
    found = replace(finding(), claim_ids=(CLAIMS[0].id, record.id), pair=(CLAIMS[0].id, record.id))
    group = ClaimGroup("g1", "number of residents evacuated", "count", claims)
    rep = Report(sources, claims, (group,), (found,), tool_version="0.1.0")
    wide = render(rep, width=120).splitlines()
    assert "  --> feeds/wire.jsonl:7:12" in wide  # the export's file, not its record's name
    at = wide.index("Sources")
    assert wide[at + 1 : at + 4] == [
        "  source         published   from          file",
        f"  000            2024-05-01  front matter  {long_path(0)}",
        "  Wire (wire:2)  2024-05-02  record field  feeds/wire.jsonl:2",
    ]
    assert at < wide.index(next(line for line in wide if line.startswith("gate: ")))
    assert wide[-1].startswith("exit 1: ")
    narrow = render(rep, width=80).splitlines()  # files that do not fit go whole on the line below
    at = narrow.index("Sources")
    assert narrow[at + 1 : at + 6] == [
        "  source         published   from",
        "  000            2024-05-01  front matter",
        f"    {long_path(0)}",
        "  Wire (wire:2)  2024-05-02  record field",
        "    feeds/wire.jsonl:2",
    ]
    assert render(rep, "concise").startswith("feeds/wire.jsonl:7:12: AC101 ")
    assert "Sources" not in render(rep, quiet=True)


def test_baselined_and_accepted_findings_carry_their_status_when_shown() -> None:
    rep = report(finding(status="baselined"), finding(status="accepted", note="accepted in b.md:4: DST", n=2))
    assert "error[AC101]" not in render(rep)
    shown = render(rep, show_baselined=True)
    assert "number of residents evacuated 1  [baselined]" in shown
    assert "number of residents evacuated 2  [accepted in b.md:4: DST]" in shown


def test_nothing_compared_says_what_was_found_and_why() -> None:
    date = replace(CLAIMS[1], kind="date", value="--07-28", text="July 28", id="d")
    rep = Report(report().sources, (CLAIMS[0], date), (), ())
    text = render(rep, width=100)
    assert "No two sources make comparable claims about the same thing." in text
    assert f"  {long_path(0)}: 1 claim (1 count)" in text
    assert "1 date has no year" in text and "--published" in text
    assert "aliases" in text and "domain pack" in text
    prose = text[: text.index("\nSources\n")]  # the Sources table's columns are aligned
    assert not any("  " in line.strip() for line in prose.splitlines())  # wrapped, not padded
    alone = Report(report().sources[:1], (CLAIMS[0],), (), ())
    assert "only one source was checked" in render(alone) and "--against" in render(alone)


def test_nothing_to_check_is_said_and_passes() -> None:
    rep = Report((), (), (), (), notice="nothing to check: no article file in corpus/ changed since main")
    assert render(rep).splitlines() == [
        "Nothing to check: no article file in corpus/ changed since main.",
        "",
        "gate: 0 new, 0 baselined, 0 accepted, 0 ignored, 0 stale, 0 unused acceptances",
        "exit 0: nothing to check: no article file in corpus/ changed since main",
    ]


def test_statistics_and_quiet() -> None:
    rep = report(finding(), finding(n=2), finding("AC102", n=3, status="baselined"), ignored=(finding(n=4),))
    stats = render(rep, statistics=True)
    assert "AC101  value-conflict       error       2          0         0        1" in stats
    assert "AC102  value-soft-conflict  warning     0          1         0        0" in stats
    assert "error[AC101]" not in stats
    quiet = render(rep, quiet=True)
    assert quiet.startswith("error[AC101]") and "gate:" not in quiet and "alliance-check" not in quiet
    assert render(report(), quiet=True) == ""
    assert render(rep, quiet=True, statistics=True).splitlines()[0].startswith("code   name")


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        pytest.param((1, 0, 1), "alliance-check: 1 conflict, 0 soft conflicts in 1 source", id="one"),
        pytest.param((2, 1, 3), "alliance-check: 2 conflicts, 1 soft conflict in 3 sources", id="many"),
    ],
)
def test_plurals(counts: tuple[int, int, int], expected: str) -> None:
    errors, warnings, sources = counts
    found = [finding(n=n) for n in range(errors)] + [finding("AC102", n=10 + n) for n in range(warnings)]
    rep = replace(report(*found), sources=report().sources[:sources])
    assert summary_line(rep) == expected


def test_paths_are_relative_to_the_current_folder_or_the_inputs_common_folder() -> None:
    paths, base = shown_paths(["/home/me/news/a.txt", "news/b.txt", "./c.txt", "<stdin>"], cwd="/home/me")
    assert paths == {"/home/me/news/a.txt": "news/a.txt", "news/b.txt": "news/b.txt", "./c.txt": "c.txt",
                     "<stdin>": "<stdin>"}  # fmt: skip
    assert base is None
    paths, base = shown_paths(["/srv/news/2024/a.txt", "/srv/news/2024/x/b.txt"], cwd="/home/me")
    assert paths == {"/srv/news/2024/a.txt": "a.txt", "/srv/news/2024/x/b.txt": "x/b.txt"}
    assert base == "/srv/news/2024"
    paths, _ = shown_paths(["/srv/news/2024/a.txt"], cwd="/home/me", common=False)
    assert paths == {"/srv/news/2024/a.txt": "/srv/news/2024/a.txt"}


class Stream(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


@pytest.mark.parametrize(
    ("color", "env", "tty", "styled"),
    [
        pytest.param(None, {}, True, True, id="terminal"),
        pytest.param(None, {}, False, False, id="pipe"),
        pytest.param(None, {"NO_COLOR": "1"}, True, False, id="NO_COLOR on a terminal"),
        pytest.param(None, {"TERM": "dumb"}, True, False, id="TERM=dumb"),
        pytest.param(True, {"NO_COLOR": "1"}, False, True, id="--color wins over NO_COLOR"),
        pytest.param(True, {"TERM": "dumb"}, True, True, id="--color wins over TERM=dumb"),
        pytest.param(False, {"FORCE_COLOR": "1"}, True, False, id="--no-color wins"),
        pytest.param(None, {"FORCE_COLOR": "1"}, False, True, id="FORCE_COLOR"),
    ],
)
def test_colour_truth_table(color: bool | None, env: dict[str, str], tty: bool, styled: bool) -> None:
    assert use_style(Stream(tty), ReportOptions(color=color), env) is styled


def test_styling_off_means_no_escape_at_all_and_forced_means_some(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("TERM", "dumb")
    plain = Stream(True)
    REPORTERS["rich"](report(finding()), plain, ReportOptions(width=100))
    assert "\x1b[" not in plain.getvalue()  # no bold or underline either
    forced = Stream(False)
    REPORTERS["rich"](report(finding()), forced, ReportOptions(width=100, color=True))
    assert "\x1b[31" in forced.getvalue() or "\x1b[1;31" in forced.getvalue()
    assert "\x1b[4" in forced.getvalue() or ";4;" in forced.getvalue()  # the value is underlined


@pytest.mark.parametrize(
    ("width", "env", "tty", "expected"),
    [
        pytest.param(None, {}, False, 100, id="not a terminal: 100"),
        pytest.param(None, {"COLUMNS": "120"}, False, 120, id="COLUMNS"),
        pytest.param(72, {"COLUMNS": "120"}, False, 72, id="--width wins"),
        pytest.param(None, {}, True, 80, id="a terminal of no known size (script, docker -t): 80"),
    ],
)
def test_width(width: int | None, env: dict[str, str], tty: bool, expected: int) -> None:
    assert console_width(Stream(tty), ReportOptions(width=width), env) == expected


@pytest.mark.parametrize(
    ("query", "texts"),
    [
        pytest.param("news/a.txt:3:5", ["1,500"], id="the claim's first column"),
        pytest.param("news/a.txt:3:7", ["1,500"], id="a column inside the claim"),
        pytest.param("news/a.txt:3:40", ["1,500", "12"], id="no claim there: the line's claims"),
        pytest.param("a.txt:3", ["1,500", "12"], id="a line"),
    ],
)
def test_explain_finds_a_claim_by_where_it_is(query: str, texts: list[str]) -> None:
    from alliance_check.report.evidence import find_claims

    first = replace(make_claim("news/a.txt", 1500.0, text="1,500", line=3), column=5)
    second = replace(make_claim("news/a.txt", 12.0, text="12", line=3), id="news/a.txt:3:20", column=20)
    other = make_claim("news/b.txt", 7.0, text="7", line=3)
    rep = Report((), (first, second, other), (), (), tool_version="0")
    assert [c.text for c in find_claims(rep, query)] == texts


@pytest.mark.parametrize(
    ("frame", "line"),
    [
        pytest.param(dict(kinds=("boeing",)), "kinds: boeing", id="the kind counted"),
        pytest.param(dict(flow="stock"), "also: counts what there is", id="what there is"),
        pytest.param(dict(flow="change", planned=True), "also: planned, counts what is added", id="a change"),
        pytest.param(dict(tally=5.0), "also: happens to 5 of them", id="how many a dated event happens to"),
        pytest.param(dict(order=1), "also: the first of several", id="the first"),
        pytest.param(dict(order=2), "also: number 2 of several", id="the second"),
        pytest.param(dict(flow="delta"), "also: is the size of a change", id="a change's size"),
        pytest.param(dict(aspect="end"), "also: when a state ends", id="until"),
    ],
)
def test_explain_shows_what_grouping_weighed(frame: dict[str, Any], line: str) -> None:
    """What keeps two claims apart is shown with each claim: its kind, whether it counts a stock."""
    from alliance_check.report.evidence import _frame_lines

    claim = make_claim("news/a.txt", 25.0, head="jet")
    assert claim.frame is not None
    assert any(text.startswith(line) for text in _frame_lines(replace(claim.frame, **frame)))
