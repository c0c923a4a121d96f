"""The JSON report is written record by record, as json.dumps would write it whole (no model)."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest

from alliance_check.report.json import write

RECORD = {"id": "c1", "text": 'a line\nbreak, "quoted", café', "value": 4.5, "frame": {"terms": ["a"]}}


@pytest.mark.parametrize(
    "document",
    [
        pytest.param({"schema_version": 3, "claims": [RECORD, RECORD]}, id="records under a key"),
        pytest.param({"claims": [], "groups": [{}], "focus": []}, id="empty lists and records"),
        pytest.param({"summary": {"a": {"b": [1, 2]}}, "claims": [[RECORD]]}, id="nested values"),
        pytest.param({"x": None}, id="no list at all"),
        pytest.param({}, id="an empty object"),
    ],
)
def test_records_written_one_at_a_time_read_as_the_whole(document: dict[str, Any]) -> None:
    lazy = {k: iter(v) if isinstance(v, list) else v for k, v in document.items()}
    out = io.StringIO()
    write(lazy, out)
    assert out.getvalue() == json.dumps(document, ensure_ascii=False, indent=2) + "\n"


@pytest.mark.parametrize("items", [[], [RECORD], [RECORD, [1, {"a": []}]]], ids=["none", "one", "two"])
def test_a_top_level_list_written_one_at_a_time(items: list[Any]) -> None:
    out = io.StringIO()
    write(iter(items), out)
    assert out.getvalue() == json.dumps(items, ensure_ascii=False, indent=2) + "\n"
