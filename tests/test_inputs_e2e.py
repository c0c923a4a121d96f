"""Corpora as users have them, through the real pipeline: a Windows-1252 article, a saved web
page, a Hugo Markdown file with a table, JSON Lines and CSV exports, all written here."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from alliance_check.check import Gate, check, read_articles
from alliance_check.cli import main
from alliance_check.models import Report
from alliance_check.report import REPORTERS, ReportOptions
from alliance_check.settings import Settings

OLD = (
    "The caf\u00e9 owners\u2019 fight: the Harbour Tunnel in Sydney will cost $2.1 billion, officials said.\n"
)
PAGE = """<!DOCTYPE html>
<html><head>
<title>Tunnel bill rises | The Coastal Herald</title>
<meta property="og:site_name" content="The Coastal Herald">
<meta property="article:published_time" content="2023-11-14T09:30:00+11:00">
</head><body>
<nav><a href="/">Home</a> <a href="/top">Top 10</a> <a href="/w">Sydney 24&deg;C</a></nav>
<div class="cookie-banner">We and our 842 partners use cookies.</div>
<article>
<h1>Tunnel bill rises</h1>
<p>The Harbour Tunnel in Sydney will cost <b>$2.4 billion</b>, the council said
on Tuesday.</p>
<p>Engineers expect the tunnel to carry 45,000 vehicles a day when it opens in 2029.</p>
</article>
<aside class="most-read"><h3>Most read</h3><ol>
<li><a href="/a">Sydney man, 87, wins lottery for 5th time</a></li>
<li><a href="/b">Petrol hits 231 cents a litre in Sydney</a></li></ol></aside>
<footer><p>&copy; 2023 Coastal Herald Pty Ltd. ABN 12 345 678 901. Phone 1300 555 123.</p>
<p>Over 2,500,000 readers every month.</p></footer>
</body></html>
"""
HUGO = """+++
title = "Harbour Tunnel: the numbers"
date = 2023-11-16T08:00:00+11:00
publisher = "Bayside Daily"
currency = "AUD"
+++

The Harbour Tunnel in Sydney will cost $2.4 billion, the council said on Wednesday.

| Item | 2019 estimate | 2023 estimate |
|---|---|---|
| Tunnel cost | $1.3 billion | $2.4 billion |
| Daily vehicles | 40,000 | 45,000 |

```
total = 9999
```
"""
RECORDS = [
    {"body": "The Harbour Tunnel in Sydney will cost $2.6 billion, the council said on Friday.",
     "published": "2023-11-17T10:00:00Z", "source": "Wire Service", "url": "https://wire.example/1"},
    {"body": "Tolls in the Harbour Tunnel in Sydney will be $4.50 a trip, officials said on Monday.",
     "published": "2023-11-13", "source": "Metro News"},
    {"body": "About 1,200 workers will build the Harbour Tunnel in Sydney, the builder said on Thursday.",
     "published": "Thu, 16 Nov 2023 09:00:00 GMT", "source": "Harbour Post"},
]  # fmt: skip
CSV = (
    "title,text,date,source\r\n"
    '"Tunnel ""final"" bill","Officials said on Friday:\r\n'
    'the Harbour Tunnel in Sydney will cost $2.4 billion.",2023-11-17,Evening Star\r\n'
)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("news")
    (folder / "old.txt").write_bytes(OLD.encode("cp1252"))
    (folder / "herald.html").write_text(PAGE, encoding="utf-8")
    (folder / "numbers.md").write_text(HUGO, encoding="utf-8")
    (folder / "wire.jsonl").write_text("\n".join(json.dumps(r) for r in RECORDS) + "\n", encoding="utf-8")
    (folder / "archive.csv").write_bytes(CSV.encode("utf-8"))
    return folder


@pytest.fixture(scope="module")
def report(corpus: Path, nlp: Any) -> Report:
    return check([str(corpus)])


def _where(report: Report, corpus: Path, name: str, text: str) -> tuple[int, int, str]:
    claim = next(c for c in report.claims if Path(report.file_of(c.source)).name == name and c.text == text)
    line = (corpus / name).read_bytes().decode("utf-8", "replace").splitlines()[claim.line - 1]
    return claim.line, claim.column, line[claim.column - 1 :]


def test_every_format_is_a_source_with_its_date_label_and_origin(report: Report, corpus: Path) -> None:
    sources = {s.source.removeprefix(str(corpus) + "/"): s for s in report.sources}
    assert {k: (s.label, s.published, s.published_how, s.status) for k, s in sources.items()} == {
        "archive.csv:1": ("Evening Star", "2023-11-17", "record field", "checked"),
        "herald.html": ("The Coastal Herald", "2023-11-14", "page metadata", "checked"),
        "numbers.md": ("Bayside Daily", "2023-11-16", "front matter", "checked"),
        "old.txt": ("old", None, None, "checked"),
        "wire.jsonl:1": ("Wire Service", "2023-11-17", "record field", "checked"),
        "wire.jsonl:2": ("Metro News", "2023-11-13", "record field", "checked"),
        "wire.jsonl:3": ("Harbour Post", "2023-11-16", "record field", "checked"),
    }
    assert "read as Windows-1252" in (sources["old.txt"].reason or "")
    assert (sources["wire.jsonl:2"].file, sources["wire.jsonl:2"].record) == (str(corpus / "wire.jsonl"), 2)


def test_windows_1252_article(report: Report, corpus: Path) -> None:
    line, column, rest = _where(report, corpus, "old.txt", "$2.1 billion")
    assert (line, column) == (1, OLD.index("$2.1") + 1) and rest.startswith("$2.1 billion")


def test_saved_page_boilerplate_gives_no_claim(report: Report, corpus: Path) -> None:
    page = [c for c in report.claims if c.source.endswith("herald.html")]
    # 'Sydney' once: the article's, not the weather link's or the most-read list's
    assert sorted(c.text for c in page) == sorted(["Sydney", "$2.4 billion", "Tuesday", "45,000", "2029"])
    tuesday = next(c for c in page if c.text == "Tuesday")
    assert tuesday.value == "2023-11-14"  # resolved against the page's own date
    line, _, rest = _where(report, corpus, "herald.html", "$2.4 billion")
    assert line == PAGE.splitlines().index(next(x for x in PAGE.splitlines() if "<b>$2.4" in x)) + 1
    assert rest.startswith("$2.4 billion</b>")


def test_hugo_markdown_with_a_table(report: Report, corpus: Path, nlp: Any) -> None:
    claims = [c for c in report.claims if c.source.endswith("numbers.md")]
    assert {"$1.3 billion", "$2.4 billion", "40,000", "45,000"} <= {c.text for c in claims}
    assert "9999" not in {c.text for c in claims}
    line, _, rest = _where(report, corpus, "numbers.md", "$1.3 billion")
    assert (line, rest.startswith("$1.3 billion |")) == (12, True)
    (article,), _ = read_articles([str(corpus / "numbers.md")], Settings())
    cells = {article.text[b.start : b.end]: b.context for b in article.blocks if b.kind == "cell"}
    assert cells["$1.3 billion"] == "Tunnel cost | 2019 estimate"
    assert cells["45,000"] == "Daily vehicles | 2023 estimate"
    assert article.currency == "AUD"


def test_exports_each_record_located_as_file_record_line_column(report: Report, corpus: Path) -> None:
    jsonl = sorted(
        (c.id.removeprefix(str(corpus) + "/"), c.text) for c in report.claims if "wire.jsonl" in c.source
    )
    assert [i for i, text in jsonl if text in ("$2.6 billion", "$4.50", "About 1,200")] == [
        f"wire.jsonl:1:1:{json.dumps(RECORDS[0]).index('$2.6') + 1}",
        f"wire.jsonl:2:2:{json.dumps(RECORDS[1]).index('$4.50') + 1}",
        f"wire.jsonl:3:3:{json.dumps(RECORDS[2]).index('About') + 1}",
    ]
    line, _, rest = _where(report, corpus, "archive.csv", "$2.4 billion")
    assert line == 3 and rest.startswith("$2.4 billion.")


def test_conflicts_across_formats_point_at_the_export_file(report: Report, corpus: Path) -> None:
    finding = next(f for f in report.findings if f.code == "AC101")
    sources = {report.claim(i).source.removeprefix(str(corpus) + "/") for i in finding.claim_ids}
    # old.txt ($2.1 billion) is undated, and compared all the same
    assert sources == {"wire.jsonl:1", "archive.csv:1", "herald.html", "numbers.md", "old.txt"}
    out = io.StringIO()
    REPORTERS["sarif"](report, out, ReportOptions())
    result = next(r for r in json.loads(out.getvalue())["runs"][0]["results"] if r["ruleId"] == "AC101")
    places = [loc["physicalLocation"] for loc in [*result["locations"], *result["relatedLocations"]]]
    wire = [p for p in places if p["artifactLocation"]["uri"].endswith("wire.jsonl")]
    assert wire and wire[0]["region"]["startLine"] == 1
    assert not any(p["artifactLocation"]["uri"].endswith(":1") for p in places)
    out = io.StringIO()
    REPORTERS["github"](report, out, ReportOptions(show_baselined=True))
    annotation = next(line for line in out.getvalue().splitlines() if line.startswith("::error"))
    assert "file=" in annotation and ".jsonl%3A" not in annotation and ".csv%3A" not in annotation


def test_an_export_checked_against_a_corpus_checks_each_of_its_records(corpus: Path, nlp: Any) -> None:
    wire = str(corpus / "wire.jsonl")
    focused = check([wire], gate=Gate(against=(str(corpus),)))
    assert focused.focus == tuple(f"{wire}:{n}" for n in (1, 2, 3))
    assert [f.code for f in focused.findings if f.severity == "error"] == ["AC101"]  # $2.6 vs $2.4 billion
    rich = io.StringIO()
    REPORTERS["rich"](focused, rich, ReportOptions(width=120, color=False))
    assert "3 of 7 sources checked" in rich.getvalue()


def test_terminal_and_markdown_list_each_source(report: Report) -> None:
    for fmt in ("rich", "markdown"):
        out = io.StringIO()
        REPORTERS[fmt](report, out, ReportOptions(width=120, color=False))
        text = out.getvalue()
        assert "Sources" in text and "page metadata" in text and "record field" in text, fmt
        assert "Wire Service" in text and "2023-11-17" in text


def test_cli_options_and_notes(corpus: Path, tmp_path: Path) -> None:
    args = ["extract", "--no-cache", str(corpus / "old.txt")]
    detected = CliRunner().invoke(main, args)
    assert detected.exit_code == 0 and "old.txt: not UTF-8; read as Windows-1252" in detected.stderr
    forced = CliRunner().invoke(main, [*args, "--encoding", "utf-8"])
    assert forced.exit_code == 2 and "not valid UTF-8" in forced.stderr
    unknown = CliRunner().invoke(main, [*args, "--encoding", "klingon"])
    assert unknown.exit_code == 2 and "is not an encoding" in unknown.output
    raw = CliRunner().invoke(main, ["extract", "--no-cache", "--html", "raw", str(corpus / "herald.html")])
    assert "2,500,000" in raw.stdout  # every visible text, footer included


def test_a_large_corpus_gets_a_count_of_where_dates_came_from(
    report: Report, monkeypatch: pytest.MonkeyPatch
) -> None:
    from alliance_check.report import terminal

    monkeypatch.setattr(terminal, "SOURCES_LISTED", 3)
    out = io.StringIO()
    REPORTERS["rich"](report, out, ReportOptions(width=120, color=False))
    assert (
        "Sources  7, dates from: 4 record field, 1 front matter, 1 no date, 1 page metadata" in out.getvalue()
    )


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        pytest.param(
            '[tool.alliance-check.export-fields]\ntext = "story"\npublished = ["when"]\n',
            "$2.4 billion",
            id="configured field names",
        ),
        pytest.param(
            '[tool.alliance-check.export-fields]\nbody = "story"\n',
            "unknown role 'body' in export-fields",
            id="an unknown role is an error",
        ),
        pytest.param(
            '[tool.alliance-check]\nhtml = "everything"\n',
            "html must be one of article, raw",
            id="a bad html mode",
        ),
        pytest.param(
            '[tool.alliance-check]\nencoding = "klingon"\n', "is not an encoding", id="a bad encoding"
        ),
    ],
)
def test_configuration_of_inputs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, nlp: Any, config: str, expected: str
) -> None:
    (tmp_path / "pyproject.toml").write_text(config, encoding="utf-8")
    (tmp_path / "feed.csv").write_text(
        "when,story\n2023-11-17,The Harbour Tunnel in Sydney will cost $2.4 billion.\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["extract", "--no-cache", "feed.csv"])
    assert expected in (result.stdout if result.exit_code == 0 else result.stderr), result.output
    if result.exit_code == 0:
        claim = next(c for c in map(json.loads, result.stdout.splitlines()) if c["kind"] == "money")
        assert (claim["id"], claim["as_of"]) == ("feed.csv:1:2:51", "2023-11-17")
