"""parse_number: digits, separators, scale words, words, hedges; and what is not a number."""

from __future__ import annotations

import pytest

from alliance_check.normalize.numbers import parse_number, scale_of, split_numbers


@pytest.mark.parametrize(
    ("text", "value", "precision", "qualifier"),
    [
        pytest.param("55,000", 55000, 1000, "exact", id="thousands separator"),
        pytest.param("6,500", 6500, 100, "exact", id="round hundreds"),
        pytest.param("54,321", 54321, 1, "exact", id="no trailing zeros"),
        pytest.param("19.4 million", 19_400_000, 100_000, "exact", id="decimal scale word"),
        pytest.param("about 3 billion", 3e9, 1e9, "approx", id="hedge and scale word"),
        pytest.param("around 55,000", 55000, 1000, "approx", id="around"),
        pytest.param("roughly 50,000", 50000, 10000, "approx", id="roughly"),
        pytest.param("approximately 55,000", 55000, 1000, "approx", id="approximately"),
        pytest.param("nearly 600", 600, 100, "approx", id="nearly"),
        pytest.param("more than 6,000", 6000, 1000, "lower_bound", id="more than"),
        pytest.param("at least 12", 12, 1, "lower_bound", id="at least"),
        pytest.param("over 300", 300, 100, "lower_bound", id="over"),
        pytest.param("up to 700", 700, 100, "upper_bound", id="up to"),
        pytest.param("fewer than 40", 40, 10, "upper_bound", id="fewer than"),
        pytest.param("fifty thousand", 50000, 10000, "exact", id="words with scale"),
        pytest.param("twenty-one", 21, 1, "exact", id="hyphenated tens"),
        pytest.param("two hundred and five", 205, 1, "exact", id="hundred and"),
        pytest.param("a million", 1e6, 1e6, "exact", id="indefinite article"),
        pytest.param("a dozen", 12, 1, "exact", id="dozen"),
        pytest.param("1.5 bn", 1.5e9, 1e8, "exact", id="abbreviated scale"),
        pytest.param("0.25", 0.25, 0.01, "exact", id="decimal"),
        pytest.param("800m", 800e6, 1e8, "exact", id="m suffix"),
        pytest.param("4.8b", 4.8e9, 1e8, "exact", id="b suffix"),
        pytest.param("50k", 50_000, 10_000, "exact", id="k suffix"),
        pytest.param("20 crore", 200e6, 100e6, "exact", id="crore"),
        pytest.param("approx. 12", 12, 1, "approx", id="abbreviated hedge"),
        pytest.param(
            "one hundred twenty three thousand four hundred fifty six",
            123456,
            1,
            "exact",
            id="long words",
        ),
    ],
)
def test_parse_number(text: str, value: float, precision: float, qualifier: str) -> None:
    parsed = parse_number(text)
    assert parsed is not None
    assert parsed.value == pytest.approx(value)
    assert parsed.precision == pytest.approx(precision)
    assert parsed.qualifier == qualifier


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("", id="empty"),
        pytest.param("troops", id="a word"),
        pytest.param("about", id="hedge alone"),
        pytest.param("F-35", id="identifier"),
        pytest.param("two nations", id="number with a noun"),
        pytest.param("1,2,3", id="list"),
        pytest.param("one and two", id="two numbers"),
        pytest.param("twenty thirty", id="tens after tens"),
    ],
)
def test_not_a_number(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("text", "values"),
    [
        pytest.param("one, two and three", [1, 2, 3], id="list of words"),
        pytest.param("one and two and three", [1, 2, 3], id="and between small numbers"),
        pytest.param("2013 14", [2013, 14], id="digits after digits"),
        pytest.param("minus twenty five and thirty six", [-25, 36], id="signed then unsigned"),
        pytest.param("7-2", [7, 2], id="a hyphen after a number is no minus sign"),
        pytest.param("50-80", [50, 80], id="hyphen range"),
        pytest.param("460-2,500", [460, 2500], id="hyphen before separators"),
        pytest.param("-5", [-5], id="a hyphen before a lone number is a minus sign"),
    ],
)
def test_split_numbers(text: str, values: list[float]) -> None:
    assert [p.value for _, _, p in split_numbers(text)] == values


@pytest.mark.parametrize(
    ("text", "factor"),
    [
        pytest.param("368 billion", 1e9, id="scale word"),
        pytest.param("58b", 1e9, id="suffix"),
        pytest.param("$800 m", 1e6, id="money letter apart from its digits"),
        pytest.param("5,500", 1, id="none"),
        pytest.param("three", 1, id="a word"),
        pytest.param("", 1, id="empty"),
    ],
)
def test_scale_of(text: str, factor: float) -> None:
    assert scale_of(text) == factor


@pytest.mark.parametrize("text", ["4.1 billion", "4.1bn", "4.1 bn"])
def test_scaled_decimals_are_exact(text: str) -> None:
    parsed = parse_number(text)
    assert parsed is not None and parsed.value == 4.1e9
