"""Units, currencies and places: spellings to canonical codes, conversion, containment."""

from __future__ import annotations

import pytest

from alliance_check.normalize.places import canonical_place, contains, normalize_place
from alliance_check.normalize.units import (
    convertible,
    dimension,
    parse_currency,
    parse_unit,
    to_base,
)


@pytest.mark.parametrize(
    ("text", "code", "multiplier"),
    [
        pytest.param("km", "km", 1, id="abbreviation"),
        pytest.param("kilometres", "km", 1, id="British spelling"),
        pytest.param("Miles", "mi", 1, id="capitalised"),
        pytest.param("decades", "yr", 10, id="scaled unit"),
        pytest.param("hours", "h", 1, id="hours"),
        pytest.param("nautical miles", "nmi", 1, id="two words"),
        pytest.param("gallons", "gal", 1, id="gallons"),
        pytest.param("barrels", "bbl", 1, id="barrels"),
        pytest.param("cubic metres", "m3", 1, id="cubic metres"),
        pytest.param("megalitres", "l", 1_000_000, id="scaled litres"),
        pytest.param("°C", "degC", 1, id="degrees Celsius sign"),
        pytest.param("degrees Fahrenheit", "degF", 1, id="degrees Fahrenheit"),
        pytest.param("kph", "km/h", 1, id="kph"),
        pytest.param("magnitude", "mag", 1, id="magnitude"),
    ],
)
def test_parse_unit(text: str, code: str, multiplier: float) -> None:
    assert parse_unit(text) == (code, multiplier)


@pytest.mark.parametrize("text", ["star", "nations", "", "kilo meters"])
def test_not_a_unit(text: str) -> None:
    assert parse_unit(text) is None


@pytest.mark.parametrize(
    ("text", "code"),
    [
        pytest.param("$", "USD", id="bare dollar sign"),
        pytest.param("US$", "USD", id="US dollar sign"),
        pytest.param("yen", "JPY", id="yen"),
        pytest.param("€", "EUR", id="euro sign"),
        pytest.param("HK$", "HKD", id="Hong Kong dollar"),
        pytest.param("gbp", "GBP", id="lower-case code"),
        pytest.param("Australian dollars", "AUD", id="name"),
        pytest.param("$US", "USD", id="country letters after the sign"),
        pytest.param("$A", "AUD", id="Australian dollar written $A"),
        pytest.param("AU$", "AUD", id="AU dollar"),
        pytest.param("Aus$", "AUD", id="Aus dollar"),
        pytest.param("$NZ", "NZD", id="NZ dollar after the sign"),
        pytest.param("usd$", "USD", id="lower-case code with sign"),
        pytest.param("us $", "USD", id="lower-case country with spaced sign"),
        pytest.param("won", "KRW", id="won"),
        pytest.param("rupees", "INR", id="rupees"),
    ],
)
def test_parse_currency(text: str, code: str) -> None:
    assert parse_currency(text) == code


@pytest.mark.parametrize("text", ["troops", "ft", "in", "m"])
def test_not_a_currency(text: str) -> None:
    assert parse_currency(text) is None


def test_conversion_and_dimensions() -> None:
    assert to_base(6.5, "km") == 6500
    assert to_base(4000, "mi") == pytest.approx(6_437_376)
    assert dimension("km") == "length" and dimension("JPY") == "money" and dimension(None) is None
    assert (
        dimension("gal") == "volume"
        and dimension("degF") == "temperature"
        and dimension("mag") == "magnitude"
    )
    assert to_base(2, "m3") == 2000 and to_base(1, "gal") == pytest.approx(3.785, abs=0.001)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        pytest.param("km", "nmi", True, id="lengths"),
        pytest.param("gal", "l", True, id="volumes"),
        pytest.param("degC", "degC", True, id="one temperature scale"),
        pytest.param("degC", "degF", False, id="Fahrenheit is not a multiple of Celsius"),
        pytest.param("mag", "km", False, id="magnitude is its own dimension"),
    ],
)
def test_convertible(a: str, b: str, expected: bool) -> None:
    assert convertible(a, b) is expected
    assert convertible("km", "mi") and not convertible("km", "h") and not convertible("USD", "JPY")


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        pytest.param("Hawai’i", "Hawaii", id="okina apostrophe"),
        pytest.param("the U.S.", "United States", id="abbreviation with article"),
        pytest.param("American", "United States", id="demonym"),
        pytest.param("Washington, D.C.", "Washington", id="alias"),
        pytest.param("Tokyo", "Tokyo", id="plain"),
    ],
)
def test_canonical_place(text: str, canonical: str) -> None:
    assert canonical_place(text) == canonical


def test_unknown_place_is_tidied_not_invented() -> None:
    assert canonical_place("Atlantis") is None
    assert normalize_place("the  Atlantis") == "Atlantis"


def test_containment() -> None:
    assert contains("Japan", "Tokyo")
    assert contains("United States", "Honolulu")
    assert not contains("Tokyo", "Japan")
    assert not contains("Japan", "Washington")
