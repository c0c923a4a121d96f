"""article_currency: what an article's bare '$' stands for, read from how it writes its money."""

from __future__ import annotations

import pytest

from alliance_check.normalize.money import article_currency, usd_bounds


@pytest.mark.parametrize(
    ("text", "declared", "expected"),
    [
        pytest.param("Sydney pays $5m. The state pledged $A20 million.", None, "AUD", id="$A elsewhere"),
        pytest.param("The league's cap is C$80m; stars earn $12m.", None, "CAD", id="C$ elsewhere"),
        pytest.param(
            "Auckland's $2bn rail link, first costed at NZ$1.4 billion.", None, "NZD", id="NZ$ elsewhere"
        ),
        pytest.param(
            "The mine was valued at 450 million Australian dollars; its owners have paid $300m.",
            None,
            "AUD",
            id="dollar named in words",
        ),
        pytest.param(
            "The club paid $US40m for the striker; wages add A$3m, and the total is $50m.",
            None,
            "AUD",
            id="both dollars marked: the bare one is local",
        ),
        pytest.param(
            "Wellington will pay $US30m; New Zealand's own share of the bill is $45m.",
            None,
            "NZD",
            id="only US dollars marked: the dollar of the country named most",
        ),
        pytest.param(
            "Singapore's port operator paid US$1bn abroad and will spend $2bn at home.",
            None,
            "SGD",
            id="US$ marked, a city-state with a dollar of its own",
        ),
        pytest.param("A budget of $400 million.", "AUD", "AUD", id="declared"),
        pytest.param("A budget of $400 million.", "A$", "AUD", id="declared as a symbol"),
        pytest.param("A budget of $400 million.", "usd", None, id="declared US dollar"),
    ],
)
def test_article_currency(text: str, declared: str | None, expected: str | None) -> None:
    assert article_currency(text, declared) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The dam cost $2.1 billion to build.", id="only bare dollars"),
        pytest.param(
            "A$512 billion ($337 billion) over four decades, A$9 billion now.", id="conversion after"
        ),
        pytest.param("The deal is worth $2bn (A$3.1bn) to the yards.", id="conversion before"),
        pytest.param(
            "Norway gets 1.7 billion pounds ($2.2 billion); A$5 billion more.", id="other conversion"
        ),
        pytest.param("It wrote $US7bn ($10.6bn) and $9.9 billion.", id="only US dollars marked"),
        pytest.param("We will try it. The fee is $5.", id="a code is an upper-case word"),
        pytest.param(
            "Japan's banks lent US$3bn to carmakers and $1bn more.", id="US$ marked, no country with a dollar"
        ),
        pytest.param("", id="empty"),
    ],
)
def test_bare_dollar_stays_the_us_dollar(text: str) -> None:
    assert article_currency(text) is None


@pytest.mark.parametrize(
    ("amount", "code", "as_of", "expected"),
    [
        pytest.param(100.0, "USD", None, (100.0, 100.0), id="a dollar is a dollar"),
        pytest.param(100.0, "EUR", "2023-03-14", (95.0, 125.0), id="a euro over the years"),
        pytest.param(100.0, "EUR", "1998-06-01", None, id="a year outside the rates"),
        pytest.param(100.0, "ARS", "2023-03-14", None, id="a currency with no rate"),
    ],
)
def test_what_an_amount_was_worth_in_us_dollars(
    amount: float, code: str, as_of: str | None, expected: tuple[float, float] | None
) -> None:
    bounds = usd_bounds(amount, amount, code, as_of)
    assert bounds == (pytest.approx(expected) if expected else None)
