"""Amounts of money in the notations reports use (extract/money.py)."""

from __future__ import annotations

import pytest

from diplograph.extract.money import find_money, merge_conversions


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("raise two-way trade to US$25 billion", 25e9, "USD"),
        ("a target of 20 billion USD in trade", 20e9, "USD"),
        ("USD 10 billion in investment", 10e9, "USD"),
        ("USD10bn in investment", 10e9, "USD"),
        ("a $2bn deal", 2e9, "USD"),
        ("a $2 bn deal", 2e9, "USD"),
        ("$800 million credit", 800e6, "USD"),
        ("$3.2 billion", 3.2e9, "USD"),
        ("10 bln USD", 10e9, "USD"),
        ("4.5 mln USD", 4.5e6, "USD"),
        ("500 million US dollars", 500e6, "USD"),
        ("two billion dollars' worth of 12 billion dollars", 12e9, "USD"),
        ("1.5 trillion yen", 1.5e12, "JPY"),
        ("VND 100 trillion", 100e12, "VND"),
        ("VND100 trillion", 100e12, "VND"),
        ("€5 billion", 5e9, "EUR"),
        ("5 billion euros", 5e9, "EUR"),
        ("£300m", 300e6, "GBP"),
        ("500,000 GBP", 500_000, "GBP"),
        ("S$1.2 billion", 1.2e9, "SGD"),
        ("RM5.2 billion", 5.2e9, "MYR"),
        ("A$3 billion", 3e9, "AUD"),
        ("Rp 15 trillion", 15e12, "IDR"),
        ("3 trillion won", 3e12, "KRW"),
        ("US$689,930", 689_930, "USD"),
        ("US$ 1.25 trillion", 1.25e12, "USD"),
        ("RM1.2bil in trade", 1.2e9, "MYR"),
        ("RM 324.1 bil", 324.1e9, "MYR"),
        ("RM324.1 billion", 324.1e9, "MYR"),
        ("S$175.6 billion", 175.6e9, "SGD"),
    ],
)
def test_notations(text: str, amount: float, currency: str) -> None:
    found = find_money(text)
    assert found, text
    money = found[-1]
    assert money.amount == pytest.approx(amount)
    assert money.currency == currency
    assert money.amount_usd == (pytest.approx(amount) if currency == "USD" else None)


def test_no_binary_rounding_noise() -> None:
    found = find_money("US$8.3 billion and $0.7 trillion")
    assert [m.amount for m in found] == [8_300_000_000, 700_000_000_000]


def test_only_us_dollars_are_converted() -> None:
    [yen] = find_money("trade of 1.5 trillion yen")
    assert yen.amount_usd is None and yen.amount == 1.5e12 and yen.currency == "JPY"


def test_offsets_point_at_the_amount() -> None:
    text = "Trade reached US$13 billion last year."
    [money] = find_money(text)
    assert text[money.start : money.end] == "US$13 billion"


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("nearly US$10 billion", "about"),
        ("approximately US$25 billion", "about"),
        ("over US$1 billion", "over"),
        ("more than 20 billion USD", "over"),
        ("up to $5bn", "under"),
        ("US$5 billion", None),
    ],
)
def test_qualifiers(text: str, qualifier: str | None) -> None:
    [money] = find_money(text)
    assert money.qualifier == qualifier


def test_ranges_keep_both_bounds() -> None:
    [money] = find_money("between US$20-25 billion a year")
    assert money.amount == 20e9 and money.high == 25e9
    [money] = find_money("$20 to 25 billion")
    assert money.amount == 20e9 and money.high == 25e9


def test_a_movement_is_two_amounts_not_a_range() -> None:
    found = find_money("from US$20 billion to US$25 billion by 2030")
    assert [m.amount for m in found] == [20e9, 25e9]


def test_two_currencies_side_by_side() -> None:
    found = find_money("medical supplies worth 500,000 GBP (US$689,930)")
    assert [(m.currency, m.amount) for m in found] == [("GBP", 500_000), ("USD", 689_930)]


@pytest.mark.parametrize(
    "text",
    [
        "growth of 11.8%",
        "150,000 antibacterial cloth masks",
        "in 2024",
        "the 47th ASEAN Summit",
        "a 20 percent rise",
        "the team won 3 matches",
    ],
)
def test_no_money_without_a_currency(text: str) -> None:
    assert find_money(text) == []


def test_one_figure_in_two_currencies_is_one_amount() -> None:
    text = "trade reached RM85.4 billion (US$19.5 billion) in 2023 and S$2 billion in 2024"
    merged = merge_conversions(text, find_money(text))
    assert [(m.currency, m.amount) for m in merged] == [("USD", 19.5e9), ("SGD", 2e9)]


@pytest.mark.parametrize(
    "text, kept",
    [
        ("trade has tripled to 28 billion euros (more than S$42 billion) in ten years", ("EUR", 28e9)),
        ("a deal worth 270 billion won, or about US$195 million, was signed", ("USD", 195e6)),
        ("trade of 1.5 trillion yen (nearly US$10 billion) last year", ("USD", 10e9)),
        ("investment of A$3 billion (equivalent to US$2 billion)", ("USD", 2e9)),
    ],
)
def test_wire_style_conversions_are_one_amount(text: str, kept: tuple[str, float]) -> None:
    merged = merge_conversions(text, find_money(text))
    assert [(m.currency, m.amount) for m in merged] == [kept]


def test_two_figures_in_two_currencies_after_a_comma_stay_two() -> None:
    text = "exports reached US$5 billion, while imports were 3 billion euros"
    assert len(merge_conversions(text, find_money(text))) == 2


@pytest.mark.parametrize(
    "text, amount, currency",
    [
        ("more than twenty-five billion dollars in investment", 25e9, "USD"),
        ("trade of five billion US dollars", 5e9, "USD"),
        ("fifteen million euros in aid", 15e6, "EUR"),
        ("twenty five billion yen", 25e9, "JPY"),
    ],
)
def test_a_count_in_words_is_an_amount(text: str, amount: float, currency: str) -> None:
    assert [(m.amount, m.currency) for m in find_money(text)] == [(amount, currency)]


@pytest.mark.parametrize("text", ["one of the ten billion people", "two million visitors came", "one dollar"])
def test_no_amount_in_words_without_a_scale_and_a_currency(text: str) -> None:
    assert find_money(text) == []
