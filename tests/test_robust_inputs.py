"""Bad input never crashes the tool or loses a result: each case is built on the fly."""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from alliance_check.cli import main

GOOD = "Japan is home to 54,000 American troops.\n"
OTHER = "Japan is home to 40,000 American troops.\n"


def run(*args: str) -> Any:
    return CliRunner().invoke(main, [*args, "--format", "json", "--no-cache"])


def sources(result: Any) -> dict[str, dict[str, Any]]:
    return {Path(s["source"]).name: s for s in json.loads(result.stdout)["sources"]}


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "other.txt").write_text(OTHER, encoding="utf-8")
    return folder


def zip_bytes(tmp_path: Path) -> bytes:
    path = tmp_path / "x.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("a.txt", "hello")
    return path.read_bytes()


BAD_FILES = [
    pytest.param("empty.txt", b"", "empty, nothing to check", id="empty file"),
    pytest.param("blank.txt", b"  \n\n\t\n", "empty, nothing to check", id="only white space"),
    pytest.param("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image, not text", id="PNG"),
    pytest.param("paper.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF document, not text", id="PDF"),
    pytest.param("binary.txt", bytes(range(256)) * 40, "looks binary", id="binary with NULs"),
]


@pytest.mark.usefixtures("nlp")
@pytest.mark.parametrize(("name", "data", "message"), BAD_FILES)
def test_unreadable_file_is_reported_and_the_rest_checked(
    corpus: Path, name: str, data: bytes, message: str
) -> None:
    (corpus / name).write_bytes(data)
    result = run(str(corpus))
    assert result.exit_code == 1  # the two good files still conflict
    assert f"{name}: " in result.stderr and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    status = sources(result)
    assert status[name]["status"] == "skipped" and message in status[name]["reason"]
    assert status["good.txt"]["status"] == "checked" and status["other.txt"]["status"] == "checked"


@pytest.mark.usefixtures("nlp")
def test_zip_is_reported(corpus: Path, tmp_path: Path) -> None:
    (corpus / "archive.txt").write_bytes(zip_bytes(tmp_path))
    result = run(str(corpus))
    assert "archive.txt: a zip archive" in result.stderr and result.exit_code == 1


@pytest.mark.usefixtures("nlp")
def test_empty_directory_is_not_checked_and_a_missing_path_is_a_usage_error(
    corpus: Path, tmp_path: Path
) -> None:
    (tmp_path / "empty").mkdir()
    result = run(str(corpus), str(tmp_path / "empty"))
    assert result.exit_code == 1
    assert "empty: no article files (.txt, .md, .html" in result.stderr
    assert {s["status"] for s in sources(result).values()} == {"checked", "skipped"}
    only_bad = run(str(tmp_path / "empty"))
    assert only_bad.exit_code == 2 and "nothing readable was given" in only_bad.stderr
    missing = run(str(corpus), str(tmp_path / "missing.txt"))  # a typo must not pass the gate
    assert missing.exit_code == 2 and missing.stdout == ""
    assert "missing.txt: no such file or directory; check the path" in missing.stderr


@pytest.mark.usefixtures("nlp")
def test_utf16_bom_crlf_and_a_stray_nul_are_read(corpus: Path) -> None:
    (corpus / "utf16.txt").write_bytes("\r\nJapan hosts 54,000 US troops.\r\n".encode("utf-16"))
    (corpus / "nul.txt").write_bytes(b"Japan is home to 54,000\x00 American troops.\n")
    result = run(str(corpus))
    status = sources(result)
    assert (
        status["utf16.txt"]["status"] == "checked" and status["utf16.txt"]["claims"] >= 2
    )  # Japan, 54,000 (troops)
    assert status["nul.txt"]["status"] == "checked" and "NUL byte replaced" in status["nul.txt"]["reason"]
    claims = {Path(c["source"]).name: c for c in json.loads(result.stdout)["claims"] if c["kind"] != "place"}
    assert (claims["utf16.txt"]["line"], claims["utf16.txt"]["column"]) == (2, 13)
    assert "nul.txt: 1 NUL byte replaced by spaces" in result.stderr


@pytest.mark.usefixtures("nlp")
def test_unreadable_file(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = corpus / "locked.txt"
    locked.write_text(GOOD, encoding="utf-8")
    real_open = open

    def deny(path: Any, *args: Any, **kwargs: Any) -> Any:
        if str(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr("builtins.open", deny)
    result = run(str(corpus))
    assert "locked.txt: permission denied; make the file readable" in result.stderr
    assert sources(result)["locked.txt"]["status"] == "skipped"


@pytest.mark.usefixtures("nlp")
def test_broken_symlink_and_symlink_loop(corpus: Path) -> None:
    (corpus / "dangling.txt").symlink_to(corpus / "nowhere.txt")
    (corpus / "sub").mkdir()
    (corpus / "sub" / "again").symlink_to(corpus, target_is_directory=True)
    result = run(str(corpus))
    assert result.exit_code == 1
    assert "dangling.txt: broken symbolic link" in result.stderr
    assert "symbolic link loop" in result.stderr
    checked = [s for s in sources(result).values() if s["status"] == "checked"]
    assert len(checked) == 2


@pytest.mark.usefixtures("nlp")
def test_a_megabyte_line_with_no_sentence_break(tmp_path: Path) -> None:
    filler = "the committee discussed the matter at length and continued " * 9000
    (tmp_path / "long.txt").write_text(
        filler + "Japan is home to 54,000 American troops " + filler, encoding="utf-8"
    )
    result = run(str(tmp_path / "long.txt"))
    assert result.exit_code == 0
    (claim,) = [c for c in json.loads(result.stdout)["claims"] if c["kind"] != "place"]
    assert (claim["text"], claim["line"], claim["column"]) == ("54,000", 1, len(filler) + 18)


@pytest.mark.usefixtures("nlp")
def test_a_fifty_megabyte_file(tmp_path: Path) -> None:
    sentence = "Officials discussed the matter at length before the committee continued its review. "
    paragraph = sentence * 8 + "\n\n"
    block = paragraph * (50_000_000 // len(paragraph) // 2 + 1)
    (tmp_path / "big.txt").write_text(block + GOOD + "\n" + block, encoding="utf-8")
    assert (tmp_path / "big.txt").stat().st_size >= 50_000_000
    result = run(str(tmp_path / "big.txt"))
    assert result.exit_code == 0
    assert [c["text"] for c in json.loads(result.stdout)["claims"] if c["kind"] != "place"] == ["54,000"]


@pytest.mark.usefixtures("nlp")
def test_ten_thousand_small_files(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(10_000):
        (folder / f"{i:05d}.txt").write_text(
            f"Note {i} of the archive, with nothing to compare.\n", encoding="utf-8"
        )
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    (folder / "b.txt").write_text(OTHER, encoding="utf-8")
    result = run(str(folder))
    assert result.exit_code == 1
    doc = json.loads(result.stdout)
    assert doc["summary"]["checked"] == 10_002 and [f["code"] for f in doc["findings"]] == ["AC101"]


@pytest.mark.usefixtures("nlp")
def test_markdown_and_html_are_read_as_text(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(
        "# Troops 2024\n\n![map](img/map-2024.png)\n\nJapan is home to **54,000** American troops "
        "([source](https://example.com/2024/05/troops)).\n\n```\nx = 7000\n```\n",
        encoding="utf-8",
    )
    (tmp_path / "b.html").write_text(
        "<html><head><title>5 things</title><style>p{margin:5px}</style></head><body>"
        "<p>Japan is home to 40,000 American&nbsp;troops.</p><script>var n = 9000;</script></body></html>",
        encoding="utf-8",
    )
    result = run(str(tmp_path))
    doc = json.loads(result.stdout)
    texts = sorted((Path(c["source"]).name, c["text"]) for c in doc["claims"] if c["kind"] != "place")
    assert texts == [("a.md", "54,000"), ("b.html", "40,000")]
    md = next(c for c in doc["claims"] if c["source"].endswith("a.md") and c["kind"] != "place")
    assert (md["line"], md["column"]) == (5, len("Japan is home to **") + 1)
    assert [f["code"] for f in doc["findings"]] == ["AC101"]


@pytest.mark.usefixtures("nlp")
def test_nothing_is_written_into_the_input_folders(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    before = sorted(os.listdir(corpus))
    result = CliRunner().invoke(
        main, [str(corpus), "--format", "json", "--cache-dir", str(tmp_path / "cache")]
    )
    assert result.exit_code == 1
    assert sorted(os.listdir(corpus)) == before
    assert (tmp_path / "cache").is_dir()
