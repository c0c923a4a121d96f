"""Reading corpora as users have them, without the model: encodings, front matter, Markdown
tables, web pages and exports, each on files written here."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alliance_check.models import InputError
from alliance_check.settings import Settings
from alliance_check.sources import collect, decode, labels_for, make_article, read_file, read_markdown
from alliance_check.sources.exports import csv_rows, read_jsonl
from alliance_check.sources.frontmatter import parse_yaml, read_date, split_front_matter

FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

CP1252 = "The caf\u00e9\u2019s \u201cfinal\u201d bill: \u20ac4.5 million, up 12% on 2022.\n"
SJIS = "\u6771\u4eac\u30675\u4e07\u4eba\u306e\u7c73\u5175\u304c\u99d0\u7559\u3057\u3066\u3044\u308b\u3002"


@pytest.mark.parametrize(
    ("data", "encoding", "text", "note"),
    [
        pytest.param(b"Plain 5,000.\n", None, "Plain 5,000.\n", None, id="UTF-8 needs no note"),
        pytest.param(CP1252.encode("cp1252"), None, CP1252, "read as Windows-1252", id="Windows-1252"),
        pytest.param(b"\xef\xbb\xbfBOM 5 km", None, "BOM 5 km", None, id="UTF-8 with a BOM"),
        # a short text with an accent: detectors guess UTF-16, Big5 or Shift JIS on so little
        pytest.param(
            "Ni\u00f1o".encode("cp1252"), None, "Ni\u00f1o", "read as Windows-1252", id="short Western"
        ),
        pytest.param(
            "El Ni\u00f1o".encode("cp1252"), None, "El Ni\u00f1o", "read as Windows-1252", id="not Big5"
        ),
        pytest.param(
            "Z\u00fcrich".encode("cp1252"), None, "Z\u00fcrich", "read as Windows-1252", id="not UTF-16-BE"
        ),
        pytest.param("\u00d1".encode("cp1252"), None, "\u00d1", "read as Windows-1252", id="one byte"),
        pytest.param(
            "na\u00efve caf\u00e9 r\u00e9sum\u00e9".encode("cp1252"),
            None,
            "na\u00efve caf\u00e9 r\u00e9sum\u00e9",
            "read as Windows-1252",
            id="Western among equally good guesses",
        ),
        pytest.param(
            "\u041c\u043e\u0441\u043a\u0432\u0430: 5 000 \u0447\u0435\u043b\u043e\u0432\u0435\u043a".encode(
                "cp1251"
            ),
            None,
            "\u041c\u043e\u0441\u043a\u0432\u0430: 5 000 \u0447\u0435\u043b\u043e\u0432\u0435\u043a",
            "read as Windows-1251",
            id="Cyrillic code page detected",
        ),
        pytest.param(
            SJIS.encode("shift_jis"),
            None,
            SJIS,
            "read as Shift JIS (cp932)",
            id="multi-byte when no code page fits",
        ),
        pytest.param("Ni\u00f1o".encode("latin-1"), "latin-1", "Ni\u00f1o", None, id="forced encoding"),
        pytest.param(
            "\u041c\u043e\u0441\u043a\u0432\u0430: 5 000 \u0447\u0435\u043b\u043e\u0432\u0435\u043a".encode(
                "cp1251"
            ),
            "cp1251",
            "\u041c\u043e\u0441\u043a\u0432\u0430: 5 000 \u0447\u0435\u043b\u043e\u0432\u0435\u043a",
            None,
            id="forced Cyrillic code page",
        ),
    ],
)
def test_decoding(data: bytes, encoding: str | None, text: str, note: str | None) -> None:
    decoded, notes = decode("a.txt", data, encoding)
    assert decoded == text
    assert (notes[0].split("; ")[1] if notes else None) == (
        f"{note} (pass --encoding to choose another)" if note else None
    )


@pytest.mark.parametrize(
    ("data", "encoding", "message"),
    [
        pytest.param(
            CP1252.encode("cp1252"), "utf-8", r"not valid UTF-8 \(byte", id="forced UTF-8 on cp1252"
        ),
        pytest.param(b"%PDF-1.7\n", "latin-1", "a PDF document", id="binary stays refused when forced"),
        pytest.param(bytes(range(256)) * 4, None, "looks binary", id="binary stays refused"),
        pytest.param(b"text", "klingon", "'klingon' is not an encoding", id="an unknown encoding"),
    ],
)
def test_decoding_refuses(data: bytes, encoding: str | None, message: str) -> None:
    with pytest.raises(InputError, match=message):
        decode("a.txt", data, encoding)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param("2024-03-26", date(2024, 3, 26), id="ISO date"),
        pytest.param("2024-03-26T10:00:00+11:00", date(2024, 3, 26), id="ISO date-time"),
        pytest.param("Tue, 26 Mar 2024 10:00:00 GMT", date(2024, 3, 26), id="RSS pubDate"),
        pytest.param("March 26, 2024", date(2024, 3, 26), id="written out"),
        pytest.param(datetime(2024, 3, 26, 9, tzinfo=timezone.utc), date(2024, 3, 26), id="TOML date-time"),
        pytest.param(date(2024, 3, 26), date(2024, 3, 26), id="TOML date"),
        pytest.param(1711447200, date(2024, 3, 26), id="epoch seconds"),
        pytest.param(1711447200000, date(2024, 3, 26), id="epoch milliseconds"),
        pytest.param("soon", None, id="a word gives nothing"),
        pytest.param("2024", None, id="a year alone gives nothing"),
        pytest.param("March 2024", None, id="a month gives nothing"),
        pytest.param(True, None, id="a boolean gives nothing"),
        pytest.param(["2024-03-26"], None, id="a list gives nothing"),
    ],
)
def test_read_date(value: Any, expected: date | None) -> None:
    assert read_date(value) == expected


FRONT = [
    pytest.param("---\npublished: 2024-03-26\n---\n", ("2024-03-26", None, None, None), id="published"),
    pytest.param("---\ndate: 2024-03-26T09:00:00Z\n---\n", ("2024-03-26", None, None, None), id="Hugo date"),
    pytest.param(
        "---\npublished_at: '2024-03-26'\n---\n", ("2024-03-26", None, None, None), id="published_at"
    ),
    pytest.param(
        "---\npubDate: Tue, 26 Mar 2024 10:00:00 GMT\n---\n", ("2024-03-26", None, None, None), id="pubDate"
    ),
    pytest.param(
        "---\ndatePublished: 2024-03-26\n---\n", ("2024-03-26", None, None, None), id="datePublished"
    ),
    pytest.param(
        '---\ntitle: "Bridge: the cost"\nsource: Harbour Post\n---\n',
        (None, "Harbour Post", "Bridge: the cost", None),
        id="title and source",
    ),
    pytest.param("---\noutlet: Metro News # a comment\n---\n", (None, "Metro News", None, None), id="outlet"),
    pytest.param(
        "---\npublisher:\n  name: Wire Service\n---\n", (None, "Wire Service", None, None), id="nested name"
    ),
    pytest.param(
        '+++\ndate = 2024-03-26\npublisher = "Bayside Daily"\ncurrency = "aud"\n+++\n',
        ("2024-03-26", "Bayside Daily", None, "AUD"),
        id="TOML front matter",
    ),
    pytest.param("---\ncurrency: AUD\n---\n", (None, None, None, "AUD"), id="currency"),
    pytest.param(
        "No front matter.\n---\ndate: 2024-03-26\n---\n", (None, None, None, None), id="not at the top"
    ),
]


@pytest.mark.parametrize(("front", "expected"), FRONT)
def test_front_matter(front: str, expected: tuple[str | None, ...]) -> None:
    article = make_article("a.md", front + "The bridge opened.\n")
    published, outlet, title, currency = expected
    assert (article.published if article.published_how == "front matter" else None) == published
    assert (article.outlet, article.title, article.currency) == (outlet, title, currency)
    assert len(article.text) == len(front + "The bridge opened.\n")
    if front.startswith(("---", "+++")):
        assert not article.text[: len(front)].strip()  # front matter is never read as prose


@pytest.mark.parametrize(
    ("front", "message"),
    [
        pytest.param("---\ndate: next week\n---\n", "'date: next week' is not a date", id="bad date"),
        pytest.param("---\ncurrency: dollars\n---\n", "is not an ISO 4217 code", id="bad currency"),
        pytest.param("+++\ndate = \n+++\n", "not valid TOML", id="bad TOML"),
    ],
)
def test_front_matter_errors_say_how_to_fix(front: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        make_article("a.md", front + "Text.\n")


def test_yaml_lists_and_mappings() -> None:
    assert parse_yaml("tags: [a, 'b']\naccept:\n  - AC101\nsource:\n  name: X\n") == {
        "tags": ["a", "b"],
        "accept": ["AC101"],
        "source": {"name": "X"},
    }
    assert split_front_matter("a.md", "---\n---\nText") is not None


TABLE = """# Rebuild figures

| Item | 2024 estimate | 2025 estimate |
|---|---:|---|
| Rebuild cost | $1.7 billion | $1.9 billion |
| Lanes | 4 | |
"""


def test_markdown_table_cells_carry_their_headers() -> None:
    prose, blocks = read_markdown(TABLE)
    assert len(prose) == len(TABLE)
    cells = [(prose[b.start : b.end], b.context) for b in blocks if b.kind == "cell"]
    assert cells == [
        ("Rebuild cost", "Item"),
        ("$1.7 billion", "Rebuild cost | 2024 estimate"),
        ("$1.9 billion", "Rebuild cost | 2025 estimate"),
        ("Lanes", "Item"),
        ("4", "Lanes | 2024 estimate"),
    ]
    assert [prose[b.start : b.end] for b in blocks if b.kind == "heading"] == ["Rebuild figures"]
    assert "|" not in prose and "---" not in prose


@pytest.mark.parametrize(
    ("markdown", "kept"),
    [
        pytest.param(
            "Cost **$4 million** in [2024](https://x.org/2019/5).\n",
            "Cost $4 million in 2024 .",
            id="inline marks",
        ),
        pytest.param("- 5 crews\n- 6 boats\n", "5 crews|6 boats", id="list items"),
        pytest.param("> 70 ships\n> sailed\n", "70 ships\n sailed", id="block quote"),
        pytest.param("Title\n=====\n", "Title", id="setext heading"),
        pytest.param("```\nx = 7000\n```\n", "", id="a fenced code block gives nothing"),
        pytest.param("    x = 7000\n", "", id="an indented code block gives nothing"),
        pytest.param("[1]: https://x.org/2024/05\n", "", id="a reference definition gives nothing"),
        pytest.param("![chart of 2024](img/2024.png)\n", "", id="an image gives nothing"),
        pytest.param("---\n", "", id="a rule gives nothing"),
    ],
)
def test_markdown_prose(markdown: str, kept: str) -> None:
    prose, blocks = read_markdown(markdown)
    assert len(prose) == len(markdown)
    assert "|".join(re.sub(" +", " ", prose[b.start : b.end]) for b in blocks) == kept


PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Ferry fleet to grow | The Bay Courier</title>
<meta property="og:site_name" content="The Bay Courier">
<meta property="article:published_time" content="2024-05-07T06:00:00+10:00">
</head>
<body>
<nav><a href="/">Home</a> <a href="/top-20">Top 20</a> <a href="/weather">Weather 31&deg;</a></nav>
<article>
<h1>Ferry fleet to grow</h1>
<p>The state will buy <b>nine</b> new ferries for $410 million, the transport
minister said on Monday.</p>
<p>The first vessel is due in 2026 &amp; the last in 2028, officials said.</p>
</article>
<aside class="most-read"><h3>Most read</h3><ol>
<li><a href="/a">Woman, 104, runs 5 km for charity</a></li>
<li><a href="/b">Petrol hits 219 cents a litre</a></li></ol></aside>
<footer><p>&copy; 2024 Bay Courier Pty Ltd. ABN 98 765 432 109. Call 1300 555 019.</p>
<p>Over 3,400,000 readers each month.</p></footer>
</body>
</html>
"""


def test_web_page_article_metadata_and_positions(tmp_path: Path) -> None:
    path = tmp_path / "ferries.html"
    path.write_text(PAGE, encoding="utf-8")
    (article,), skipped = read_file(str(path))
    assert not skipped
    assert (article.published, article.published_how) == ("2024-05-07", "page metadata")
    assert (article.outlet, article.title) == ("The Bay Courier", "Ferry fleet to grow")
    for boilerplate in ("104", "219", "3,400,000", "1300", "Top 20", "31"):
        assert boilerplate not in article.text
    lines = PAGE.splitlines()
    for needle in ("$410 million", "Monday", "2026", "2028"):
        line, column = article.position(article.text.index(needle))
        assert lines[line - 1][column - 1 :].startswith(needle.replace("&", "&amp;")), needle


def test_web_page_raw_reads_every_visible_text(tmp_path: Path) -> None:
    path = tmp_path / "ferries.html"
    path.write_text(PAGE, encoding="utf-8")
    (article,), _ = read_file(str(path), Settings(html="raw"))
    assert "3,400,000" in article.text and article.origin is None
    assert len(article.text) == len(PAGE)  # raw keeps the file's offsets
    assert article.published_how == "page metadata"


RECORDS = [
    {
        "title": "Tolls set",
        "text": 'Tolls will be "$4.50" a trip.\nThe tunnel opens in 2029.',
        "published": "2023-11-13",
        "source": "Metro News",
        "url": "https://x.org/1",
    },
    {"title": "No body", "summary": "Nothing here.", "published": "2023-11-14"},
    {
        "title": "Jobs",
        "text": "The builder will hire 1,200 workers \u2014 caf\u00e9s too.",
        "publishedAt": 1700000000,
    },
]


def _jsonl(tmp_path: Path) -> Path:
    path = tmp_path / "wire.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in RECORDS) + "\n\nnot json\n", encoding="utf-8")
    return path


def test_jsonl_records_are_sources_located_in_the_file(tmp_path: Path) -> None:
    path = _jsonl(tmp_path)
    articles, skipped = read_file(str(path))
    assert [(a.source, a.record, a.published, a.published_how, a.outlet) for a in articles] == [
        (f"{path}:1", 1, "2023-11-13", "record field", "Metro News"),
        (f"{path}:3", 3, "2023-11-14", "record field", None),
    ]
    assert [(s.source, s.record) for s in skipped] == [(f"{path}:2", 2), (f"{path}:4", 4)]
    assert "has no text, body or content" in skipped[0].reason
    assert "line 5 is not valid JSON" in skipped[1].reason
    lines = path.read_text(encoding="utf-8").splitlines()
    for article, needle, raw in ((articles[0], "$4.50", "$4.50"), (articles[0], "2029", "2029"),
                                 (articles[1], "1,200", "1,200")):  # fmt: skip
        line, column = article.position(article.text.index(needle))
        assert line == (1 if article.record == 1 else 3)
        assert lines[line - 1][column - 1 :].startswith(raw)
    assert articles[0].text.startswith('Tolls will be "$4.50" a trip. The tunnel')  # a wrapped line


def test_json_list_wrapped_like_a_news_api(tmp_path: Path) -> None:
    path = tmp_path / "api.json"
    records = [{"content": "A 3.2 km tunnel.", "date": "2024-01-02", "source": {"id": "x", "name": "Wire"}}]
    path.write_text(json.dumps({"status": "ok", "articles": records}, indent=2), encoding="utf-8")
    (article,), _ = read_file(str(path))
    assert (article.source, article.outlet, article.published) == (f"{path}:1", "Wire", "2024-01-02")
    line, column = article.position(article.text.index("3.2 km"))
    assert path.read_text().splitlines()[line - 1][column - 1 :].startswith("3.2 km")


CSV = (
    "headline;Body;pub_date;outlet\r\n"
    '"Tunnel ""final"" bill";"The council said:\r\n""It will cost $2.6 billion.""";'
    "mid-November;Evening Star\r\n"
    "Jobs;1,200 workers will build it.;2023-11-18;Harbour Post\r\n"
)


def test_csv_with_configured_fields_and_quoted_lines(tmp_path: Path) -> None:
    path = tmp_path / "archive.csv"
    path.write_bytes(CSV.encode("utf-8"))
    fields = (("text", ("body",)), ("published", ("pub_date",)))
    with_bad_date, skipped = read_file(str(path), Settings(export_fields=fields))
    assert [s.record for s in skipped] == [1] and "'pub_date: mid-November' is not a date" in skipped[
        0
    ].reason
    (article,) = with_bad_date
    assert (article.record, article.published, article.outlet) == (2, "2023-11-18", "Harbour Post")
    assert article.position(0) == (4, 6)
    path.write_bytes(CSV.replace("mid-November", "2023-11-17").encode("utf-8"))
    first, _ = read_file(str(path), Settings(export_fields=fields))
    assert first[0].text == 'The council said:\r\n"It will cost $2.6 billion."'
    assert first[0].position(first[0].text.index("$2.6")) == (3, len('""It will cost ') + 1)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        pytest.param(
            "a.json", '[{"summary": "x"}]', "no record has a text, body or content field", id="no text field"
        ),
        pytest.param("a.json", '{"articles": [1, 2', "not valid JSON", id="broken JSON"),
        pytest.param("a.json", "42", "holds no records", id="a number is no export"),
        pytest.param("a.json", "[]", "holds no records", id="an empty list"),
        pytest.param("a.csv", "text,date\n", "no records under the header row", id="header only"),
        pytest.param("a.csv", 'text,date\n"open,2024-01-01\n', "never closed", id="unclosed quote"),
    ],
)
def test_exports_that_cannot_be_read(tmp_path: Path, name: str, content: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        read_file(str(path))


def test_directories_give_every_format_and_text_alone_is_unchanged(tmp_path: Path) -> None:
    for name in ("a.txt", "b.md", "c.html", "d.jsonl", "e.json", "f.csv", "g.tsv", "h.pdf", "i.py"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    files, skipped = collect([str(tmp_path)])
    assert [Path(f).name for f in files] == ["a.txt", "b.md", "c.html", "d.jsonl", "e.json", "f.csv", "g.tsv"]
    assert not skipped


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        pytest.param([("d/01_a.md", None), ("d/02_b.md", None)], ["01", "02"], id="short file names"),
        pytest.param([("d/01_a.md", "Reuters"), ("d/02_b.md", None)], ["Reuters", "02"], id="an outlet"),
        pytest.param(
            [("d/01_a.md", "AP"), ("d/02_b.md", "AP")], ["AP (01)", "AP (02)"], id="one outlet twice"
        ),
    ],
)
def test_labels(names: list[tuple[str, str | None]], expected: list[str]) -> None:
    labels = labels_for([(s, s, None, o) for s, o in names])
    assert [labels[s] for s, _ in names] == expected
    records = labels_for([("w.jsonl:1", "w.jsonl", 1, None), ("w.jsonl:2", "w.jsonl", 2, None)])
    assert list(records.values()) == ["w:1", "w:2"]


def test_a_huge_markdown_file_is_read_line_by_line(monkeypatch: pytest.MonkeyPatch) -> None:
    from alliance_check.sources import markdown

    monkeypatch.setattr(markdown, "MAX_PARSED", 10)
    text = "# Budget 5\n\n- 3 **new** ferries\n\n```\nx = 9\n```\n"
    prose, blocks = read_markdown(text)
    assert len(prose) == len(text) and "9" not in prose and "*" not in prose and "#" not in prose
    assert [" ".join(prose[b.start : b.end].split()) for b in blocks] == ["Budget 5", "3 new ferries"]


@pytest.mark.parametrize(
    ("front", "targets"),
    [
        pytest.param("accept: AC102\n", [("AC102", "", 1)], id="YAML value"),
        pytest.param(
            "accept:\n  - AC101 -- old\n  - AC202\n", [("AC101", "old", 2), ("AC202", "", 3)], id="YAML list"
        ),
        pytest.param('accept = "AC101 -- from 2023"\n', [("AC101", "from 2023", 1)], id="TOML value"),
        pytest.param('accept = ["AC101", "AC102"]\n', [("AC101", "", 1), ("AC102", "", 1)], id="TOML list"),
        pytest.param("accepted: AC101\n", [], id="another key gives nothing"),
    ],
)
def test_acceptances_in_front_matter(front: str, targets: list[tuple[str, str, int]]) -> None:
    from alliance_check.sources import find_acceptances

    assert [(a.target, a.reason, a.line) for a in find_acceptances("a.md", "", front)] == targets


FIELDS = st.text(alphabet=st.sampled_from(list('ab ,;"\n\r\t1$é')), max_size=12)


@FAST
@given(rows=st.lists(st.lists(FIELDS, min_size=3, max_size=3), min_size=1, max_size=5))
def test_csv_reader_agrees_with_the_csv_module_and_keeps_offsets(rows: list[list[str]]) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows([["text", "date", "source"], *rows])
    text = buffer.getvalue()
    expected = [r for r in csv.reader(io.StringIO(text, newline="")) if any(v.strip() for v in r)]
    parsed = csv_rows(text, ",")
    assert [[value for value, *_ in row] for row in parsed] == expected
    for row in parsed:
        for value, start, end, quoted in row:
            if value and not quoted:
                assert text[start:end] == value


@FAST
@given(value=st.text(min_size=1, max_size=40))
def test_every_character_of_a_json_string_maps_to_its_place(value: str) -> None:
    for ascii_only in (True, False):
        line = json.dumps({"title": "x", "text": value}, ensure_ascii=ascii_only)
        (record,) = read_jsonl("a.jsonl", line, {})
        assert record.text == value and record.origin is not None
        for i, char in enumerate(value):
            _, column = record.origin.position(i)
            raw = line[column - 1 :]
            assert raw.startswith(char) or raw.startswith("\\"), (i, char, raw[:8])


def test_without_trafilatura_pages_say_how_to_mend_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from alliance_check.sources import html

    def missing() -> None:
        raise InputError("web pages need trafilatura and lxml_html_clean (no module); pip install ...")

    monkeypatch.setattr(html, "_trafilatura", missing)
    path = tmp_path / "ferries.html"
    path.write_text(PAGE, encoding="utf-8")
    with pytest.raises(InputError, match="web pages need trafilatura"):
        read_file(str(path))
    (article,), _ = read_file(str(path), Settings(html="raw"))
    assert "$410 million" in article.text and article.published_how is None
