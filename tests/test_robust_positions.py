"""Line and column numbers stay right with CRLF, tabs, BOMs and non-ASCII text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from alliance_check.check import extract, read_articles
from alliance_check.settings import Settings

CLAIM = "54,000"
LINES = [
    pytest.param(b"", "\r\n", "Header\r\n\r\n\tJapan hosts 54,000 US troops.\r\n", id="CRLF and a tab"),
    pytest.param(b"\xef\xbb\xbf", "\n", "Japan hosts 54,000 US troops.\n", id="UTF-8 BOM"),
    pytest.param(b"", "\n", "🇯🇵🇺🇸 Japan hosts 54,000 US troops 🎖️.\n", id="emoji"),
    pytest.param(b"", "\n", "在日米軍は54,000人です。Japan hosts 54,000 US troops.\n", id="Japanese"),
    pytest.param(b"", "\n", "İstanbul'da İİİ: Japan hosts 54,000 US troops.\n", id="Turkish dotted I"),
    pytest.param(b"", "\r", "Old Mac line\rJapan hosts 54,000 US troops.\r", id="CR only"),
]


@pytest.mark.parametrize(("bom", "newline", "text"), LINES)
def test_line_and_column_of_the_claim(tmp_path: Path, nlp: Any, bom: bytes, newline: str, text: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(bom + text.encode("utf-8"))
    articles, skipped = read_articles([str(path)], Settings())
    assert not skipped
    (claims,), _, _ = extract(articles, Settings())
    claim = next(c for c in claims if c.text == CLAIM and "Japan hosts" in c.sentence)
    lines = text.split(newline)
    line_no = next(i for i, line in enumerate(lines) if "Japan hosts 54,000" in line) + 1
    column = lines[line_no - 1].index("Japan hosts 54,000") + len("Japan hosts ") + 1
    assert (claim.line, claim.column) == (line_no, column)
    assert articles[0].text[claim.start : claim.end] == CLAIM
