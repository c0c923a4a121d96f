"""Blocks: paragraphs, headings and items; wrapped lines are spaces, offsets never move."""

from __future__ import annotations

from pathlib import Path

import pytest

from alliance_check.blocks import join_wrapped, text_blocks
from alliance_check.sources import make_article

WRAPPED = (
    "The council approved a budget of $1.7\n"
    "billion on Monday, up 3.5 percent from the\n"
    "year before, officials said.\n"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(WRAPPED, [WRAPPED.rstrip("\n")], id="a wrapped paragraph is one block"),
        pytest.param(
            "Quake hits coastal town\n\nThe tremor struck at dawn.\nIt was felt 200 km away.",
            ["Quake hits coastal town", "The tremor struck at dawn.\nIt was felt 200 km away."],
            id="blank lines part blocks",
        ),
        pytest.param(
            "Storm update\nThe river rose 3 metres overnight, flooding the lower town and the road.",
            ["Storm update", "The river rose 3 metres overnight, flooding the lower town and the road."],
            id="a short title over its text",
        ),
        pytest.param(
            "Timeline:\n- 6:10 a.m. the alarm sounds\n- 6:40 a.m. crews arrive",
            ["Timeline:", "- 6:10 a.m. the alarm sounds", "- 6:40 a.m. crews arrive"],
            id="list items",
        ),
        pytest.param(
            "# Budget 2025\nSpending rises to $4 billion.",
            ["# Budget 2025", "Spending rises to $4 billion."],
            id="a heading",
        ),
        pytest.param(
            "A short paragraph ends here.\nAnother one, much longer than the first, begins on this line.",
            ["A short paragraph ends here.", "Another one, much longer than the first, begins on this line."],
            id="one paragraph per line",
        ),
        pytest.param("", [], id="empty text"),
        pytest.param("\n\n  \n", [], id="white space only"),
    ],
)
def test_text_blocks(text: str, expected: list[str]) -> None:
    assert [text[b.start : b.end] for b in text_blocks(text)] == expected


def test_wrapped_lines_are_spaces_and_offsets_stay() -> None:
    text = "Crews removed 4,700\r\ncontainers.\n\nNext paragraph."
    joined = join_wrapped(text, text_blocks(text))
    assert len(joined) == len(text)
    assert joined.startswith("Crews removed 4,700  containers.\n\nNext")


def test_article_lines_point_at_the_original_text() -> None:
    article = make_article("a.txt", WRAPPED)
    offset = article.text.index("billion")
    assert article.text[offset - 5 : offset] == "$1.7 "
    assert article.position(offset) == (2, 1)


def test_a_data_dump_is_set_aside_with_a_note(tmp_path: Path) -> None:
    """A paragraph of more figures than Settings.max_figures is blanked (offsets kept) and noted;
    the prose around it is read as ever."""
    from alliance_check.settings import Settings
    from alliance_check.sources import read_file

    dump = ", ".join(str(i) for i in range(60))
    path = tmp_path / "report.txt"
    path.write_text(f"The fund spent $4 million.\n\n{dump}\n\nIt hired 30 staff.\n", encoding="utf-8")
    (article,), _ = read_file(str(path), Settings(max_figures=50))
    assert "$4 million" in article.text and "30 staff" in article.text
    assert "59" not in article.text and len(article.text) == len(path.read_text(encoding="utf-8"))
    (note,) = article.notes
    assert "line 3" in note and "60 figures" in note
    (kept,), _ = read_file(str(path), Settings(max_figures=100))
    assert "59" in kept.text and kept.notes == ()
