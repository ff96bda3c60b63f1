"""Targets and actual figures from sentences written for these tests, run
through the real spaCy model and the real context builder."""

from __future__ import annotations

import pytest

from diplograph import clean, parse
from diplograph.extract import extract
from diplograph.records import Report


def targets(nlp, text: str, published: str | None = "2024-05-20"):
    """The targets the real extraction stage finds in `text` (spans checked)."""
    report = Report("t", text, published=published)
    cleaned = clean.clean(report)
    [doc] = parse.parse([cleaned], nlp)
    found = extract(cleaned, doc).targets
    for t in found:
        assert report.text[t.span.start : t.span.end] == t.evidence
    return found


def test_goal_with_deadline(nlp) -> None:
    [t] = targets(nlp, "Indonesia and Malaysia aim to lift bilateral trade to US$30 billion by 2028.")
    assert set(t.parties) == {"IDN", "MYS"}
    assert (t.status, t.amount_usd, t.year) == ("target", 30e9, 2028)
    assert "trade" in t.metric


def test_goal_without_deadline_takes_the_pair_from_context(nlp) -> None:
    text = (
        "Malaysian Prime Minister Anwar Ibrahim held talks with his Philippine counterpart in Manila. "
        "The two countries agreed to strive for 15 billion USD in two-way trade soon."
    )
    [t] = targets(nlp, text)
    assert set(t.parties) == {"MYS", "PHL"}
    assert (t.status, t.amount_usd, t.year) == ("target", 15e9, None)


def test_set_a_target_of(nlp) -> None:
    text = "Korea and Vietnam set a target of USD 150 billion in trade turnover by 2030."
    [t] = targets(nlp, text)
    assert (set(t.parties), t.status, t.amount_usd, t.year) == ({"KOR", "VNM"}, "target", 150e9, 2030)


def test_actual_figure_with_its_year(nlp) -> None:
    [t] = targets(nlp, "Two-way trade between Japan and the Philippines reached $35bn in 2023.")
    assert (set(t.parties), t.status, t.amount_usd, t.year) == ({"JPN", "PHL"}, "actual", 35e9, 2023)


def test_last_year_resolves_against_publication(nlp) -> None:
    text = "Bilateral trade between Laos and Thailand totalled US$8 billion last year."
    [t] = targets(nlp, text, published="2024-03-01")
    assert (t.status, t.year) == ("actual", 2023)


def test_actual_and_target_in_one_sentence(nlp) -> None:
    text = (
        "Trade between Cambodia and China reached US$12 billion in 2023, "
        "and the two sides aim to raise it to US$20 billion by 2030."
    )
    found = sorted(targets(nlp, text), key=lambda t: t.amount_usd)
    assert [(t.status, t.amount_usd, t.year) for t in found] == [
        ("actual", 12e9, 2023),
        ("target", 20e9, 2030),
    ]
    assert all(set(t.parties) == {"KHM", "CHN"} for t in found)


def test_one_deadline_after_a_list_of_goals_holds_for_each(nlp) -> None:
    text = (
        "Vietnam and Japan agreed to raise two-way trade to US$60 billion and Japanese "
        "investment to US$10 billion by 2030."
    )
    found = sorted(targets(nlp, text), key=lambda t: t.amount_usd)
    assert [(t.status, t.amount_usd, t.year) for t in found] == [
        ("target", 10e9, 2030),
        ("target", 60e9, 2030),
    ]


def test_first_months_of_this_year(nlp) -> None:
    text = (
        "Thai Prime Minister Srettha Thavisin met his Lao counterpart. Two-way trade reached nearly "
        "3 billion USD in the first 10 months of this year, up 12 percent year on year."
    )
    [t] = targets(nlp, text, published="2024-11-20")
    assert (set(t.parties), t.status, t.amount_usd, t.year) == ({"THA", "LAO"}, "actual", 3e9, 2024)


def test_a_converted_figure_is_one_target_in_us_dollars(nlp) -> None:
    text = (
        "Bilateral trade between Malaysia and India reached RM85.4 billion (US$19.5 billion) in 2023, "
        "making India Malaysia's largest trading partner in South Asia."
    )
    [t] = targets(nlp, text)
    assert (set(t.parties), t.amount_usd, t.year, t.status) == ({"MYS", "IND"}, 19.5e9, 2023, "actual")


def test_us_dollars_written_out_are_not_the_united_states(nlp) -> None:
    text = "In 2022, bilateral trade between China and Vietnam hit 234.9 billion U.S. dollars."
    [t] = targets(nlp, text)
    assert (set(t.parties), t.amount_usd, t.year) == ({"CHN", "VNM"}, 234.9e9, 2022)


def test_a_state_inside_an_instruments_name_is_not_a_party(nlp) -> None:
    text = (
        "Malaysian Prime Minister Anwar Ibrahim met Indian Prime Minister Narendra Modi. The two "
        "leaders set a target of US$25 billion in two-way trade by 2026 and agreed to expedite the "
        "review of the ASEAN-India Trade in Goods Agreement."
    )
    [t] = targets(nlp, text)
    assert (set(t.parties), t.year, t.status) == ({"MYS", "IND"}, 2026, "target")


def test_from_the_current_level(nlp) -> None:
    text = (
        "Thailand and Malaysia want to double bilateral trade to US$50 billion by 2030 "
        "from about US$25 billion now."
    )
    found = sorted(targets(nlp, text), key=lambda t: t.amount_usd)
    assert [(t.status, t.amount_usd, t.year) for t in found] == [
        ("actual", 25e9, None),
        ("target", 50e9, 2030),
    ]


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("Two-way trade between Vietnam and Laos is expected to reach US$2 billion this year.", 2024),
        ("Vietnam and Laos aim to raise trade to $2.5bn in 2026.", 2026),
        ("By 2030, Vietnam and Korea aim to raise trade to $150bn.", 2030),
    ],
)
def test_target_years(nlp, text: str, year: int) -> None:
    [t] = targets(nlp, text, published="2024-11-20")
    assert (t.status, t.year) == ("target", year)


def test_boost_from_current_to_goal(nlp) -> None:
    text = (
        "Kenya and the United Arab Emirates said the deal is expected to boost bilateral trade, "
        "currently worth about $3.5 billion a year, to $10 billion within five years."
    )
    found = sorted(targets(nlp, text), key=lambda t: t.amount_usd)
    assert [(t.status, t.amount_usd) for t in found] == [("actual", 3.5e9), ("target", 10e9)]
    assert all(set(t.parties) == {"KEN", "ARE"} for t in found)


def test_hoping_to_attract_investment_is_a_target(nlp) -> None:
    text = "Vietnam hopes to attract US$1 billion in Saudi investment in the next five years."
    [t] = targets(nlp, text)
    assert (set(t.parties), t.status, t.year) == ({"VNM", "SAU"}, "target", None)


def test_one_sides_investment_is_in_the_home_state(nlp) -> None:
    text = (
        "Vietnamese Prime Minister Pham Minh Chinh said Vietnam values its ties with Korea and "
        "wants Vietnam's economy to grow. Korean investment totalled US$86 billion by the end of 2023."
    )
    [t] = targets(nlp, text)
    assert (set(t.parties), t.status, t.year) == ({"KOR", "VNM"}, "actual", 2023)


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("Trade between Laos and Thailand reached US$5 billion in 2023, up 10% from 2022.", 2023),
        ("Trade between Laos and Thailand reached US$5 billion, up 10% from 2022.", None),
        ("Trade between Laos and Thailand reached US$4 billion in the first nine months.", 2024),
    ],
)
def test_actual_years(nlp, text: str, year: int | None) -> None:
    [t] = targets(nlp, text, published="2024-11-20")
    assert (t.status, t.year) == ("actual", year)


def test_compared_with_the_current_figure(nlp) -> None:
    text = (
        "Singapore and India hope to bring trade to US$50 billion by 2027, "
        "compared to the current US$35 billion."
    )
    found = sorted(targets(nlp, text), key=lambda t: t.amount_usd)
    assert [(t.status, t.amount_usd, t.year) for t in found] == [
        ("actual", 35e9, None),
        ("target", 50e9, 2027),
    ]


def test_each_amount_gets_its_own_partner(nlp) -> None:
    text = (
        "Chile's customs office said trade with Japan in May reached $2.1 billion, "
        "compared with $1.4 billion with Korea."
    )
    found = sorted(targets(nlp, text), key=lambda t: t.amount_usd)
    assert [set(t.parties) for t in found] == [{"CHL", "KOR"}, {"CHL", "JPN"}]
    assert all(t.status == "actual" for t in found)


def test_other_currency_keeps_amount_and_currency(nlp) -> None:
    [t] = targets(nlp, "Trade between Thailand and Japan stood at 3 trillion yen in 2022.")
    assert (t.amount_usd, t.amount, t.currency, t.year) == (None, 3e12, "JPY", 2022)


def test_investment_by_one_state_in_another(nlp) -> None:
    text = "Thailand registered over US$2 billion in investment in Laos during 2023."
    [t] = targets(nlp, text)
    assert (set(t.parties), t.status, t.amount_usd, t.year) == ({"THA", "LAO"}, "actual", 2e9, 2023)


@pytest.mark.parametrize(
    "text",
    [
        "Bilateral trade between Vietnam and Brazil grew 15 percent in 2023.",
        "Japan provided a loan of US$500 million to the Philippines for the metro line.",
        "Korea pledged ODA loans worth US$2 billion to Vietnam to support trade.",
        "Vietnam and Japan signed a US$3 billion deal on the new airport.",
        "Australia announced A$2 billion in funding to boost Australian investment in Vietnam.",
        "The Japanese-funded metro project has a total investment of US$1.5 billion.",
        "The LNG plant, worth US$2 billion, will boost trade between Vietnam and Japan.",
        "The medical supplies donated by Britain to Vietnam were worth US$700,000.",
        "Trade between Malaysia and Vietnam is expected to grow strongly.",
        "Vietnamese Prime Minister Pham Minh Chinh met Japanese Prime Minister Kishida Fumio. "
        "Total registered FDI reached US$36 billion in 2023.",
    ],
)
def test_not_targets(nlp, text: str) -> None:
    assert targets(nlp, text) == []


# --- generalisation (EXTRACT-B2): constructions seen on unseen reports --------------------

_MEETING = "Vietnamese Prime Minister Pham Minh Chinh met Malaysian Prime Minister Anwar Ibrahim in Hanoi. "


@pytest.mark.parametrize(
    ("sentence", "year"),
    [
        ("The two countries set a target of 15 billion USD in two-way trade by 2025.", 2025),
        ("The leaders set a target of US$18 billion for bilateral trade by the end of 2026.", 2026),
        ("They aim to lift trade to 20 billion USD by the end of 2026.", 2026),
        ("They set a target of 15 billion USD in two-way trade by end-2027.", 2027),
        ("The sides set a goal of 25 billion USD of trade turnover by the year 2030.", 2030),
        ("The leaders set a 15 billion USD two-way trade target for 2025.", 2025),
        ("They agreed to strive to achieve the target of 15 billion USD in two-way trade by 2025.", 2025),
        ("They set a target of 15 billion USD in two-way trade by the end of the decade.", None),
    ],
)
def test_deadline_after_the_metric(nlp, sentence: str, year: int | None) -> None:
    found = targets(nlp, _MEETING + sentence)
    assert [(set(t.parties), t.status, t.year) for t in found] == [({"VNM", "MYS"}, "target", year)]


def test_a_later_goals_deadline_is_not_taken_over_an_own_time_phrase(nlp) -> None:
    text = (
        "Vietnam and Malaysia agreed to bring two-way trade to 15 billion USD in the next few years "
        "and 20 billion USD by 2030."
    )
    assert sorted((t.amount_usd, t.year) for t in targets(nlp, text)) == [(15e9, None), (20e9, 2030)]


@pytest.mark.parametrize(
    "text",
    [
        "HANOI, February 7, 2024 - Vietnam and Japan held talks. Bilateral trade hit about 10.3 billion USD "
        "last year. They aim for 15 billion USD by 2025 and 20 billion USD by 2025, and 2025 again.",
        "Vietnam and Japan held talks on 7 February 2024. Two-way trade totalled US$10.3 billion last year, "
        "the sides said, hoping for more by 2025 and 2025.",
    ],
)
def test_last_year_without_publication_is_no_year(nlp, text: str) -> None:
    # GUIDELINES: a relative date resolves against the publication date (a
    # dateline with its day is one); a date inside the story is not one
    [actual] = [t for t in targets(nlp, text, published=None) if t.status == "actual"]
    assert actual.year == (2023 if text.startswith("HANOI, February 7, 2024") else None)


def test_evident_year_prefers_full_dates_over_bare_years() -> None:
    from diplograph.dates import evident_year

    assert evident_year("Talks on February 7, 2024; goals by 2025, 2025 and 2025.") == 2024
    assert evident_year("Talks on 7 March 2019; goals by 2025 and 2025.") == 2019
    assert evident_year("In 2024 trade grew; 2024 was a record; in 2019 less.") == 2024


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("Indian trade with Vietnam reached 14.7 billion USD in the financial year 2021-22.", 2022),
        ("Bilateral trade between India and Malaysia stood at US$19.5 billion in FY2022/23.", 2023),
        ("Trade between India and Thailand totalled US$16 billion in fiscal year 2023-2024.", 2024),
        ("Trade between India and Thailand totalled US$16 billion in 2022-23, officials said.", 2023),
        ("Trade between India and Thailand totalled US$16 billion in FY2024.", 2024),
        ("Trade between India and Thailand totalled US$60 billion in 2016-2020.", 2016),
    ],
)
def test_fiscal_years_are_the_year_they_end_in(nlp, text: str, year: int) -> None:
    [t] = targets(nlp, text, published=None)
    assert (t.status, t.year) == ("actual", year)


@pytest.mark.parametrize(
    ("text", "amount", "currency", "pair"),
    [
        (
            "Malaysian Prime Minister Anwar Ibrahim met Chinese Premier Li Qiang in Beijing. Total trade "
            "between the two countries stood at RM324.1 billion in 2023.",
            324.1e9, "MYR", {"MYS", "CHN"},
        ),
        (
            "Singapore Prime Minister Lawrence Wong met Indonesian President Prabowo Subianto. Bilateral "
            "trade reached S$175.6 billion last year.",
            175.6e9, "SGD", {"SGP", "IDN"},
        ),
        (
            "Trade between Thailand and Laos amounted to 300 billion baht in 2023.",
            300e9, "THB", {"THA", "LAO"},
        ),
    ],
)
def test_actual_figures_in_other_currencies(nlp, text, amount, currency, pair) -> None:
    [t] = targets(nlp, text)
    assert (t.status, t.amount, t.currency, t.amount_usd, set(t.parties)) == (
        "actual", amount, currency, None, pair
    )
    assert t.year == 2023


def test_a_second_figure_after_a_movement_keeps_the_metric(nlp) -> None:
    text = (
        "Two-way trade between Vietnam and Thailand hit 21 billion USD in 2022 "
        "before easing to 19.6 billion USD in 2023."
    )
    found = sorted((t.amount_usd, t.year, t.status) for t in targets(nlp, text))
    assert found == [(19.6e9, 2023, "actual"), (21e9, 2022, "actual")]


def test_an_aim_referring_back_to_the_previous_figure(nlp) -> None:
    text = (
        "Indonesian President Prabowo Subianto received Vietnamese Party General Secretary To Lam. "
        "Vietnam-Indonesia trade turnover hit US$16.7 billion in 2024. "
        "The two leaders agreed to raise it to US$18 billion by 2028."
    )
    found = sorted((t.amount_usd, t.status, t.year, frozenset(t.parties)) for t in targets(nlp, text))
    pair = frozenset({"VNM", "IDN"})
    assert found == [(16.7e9, "actual", 2024, pair), (18e9, "target", 2028, pair)]


def test_an_aim_in_another_clause_does_not_make_a_figure_a_target(nlp) -> None:
    text = (
        "Australian Prime Minister Anthony Albanese met Vietnamese Prime Minister Pham Minh Chinh. "
        "They aim to double two-way investment, with two-way trade of A$24 billion in 2023."
    )
    [t] = targets(nlp, text)
    assert (t.status, t.year, t.currency, t.amount) == ("actual", 2023, "AUD", 24e9)


def test_evident_year_without_full_dates_skips_deadlines() -> None:
    from diplograph.dates import evident_year

    assert evident_year("Trade reached X in 2023; goals by 2030, by the end of 2030 and by 2030.") == 2023


def test_a_pronoun_is_no_ground_for_a_party(nlp) -> None:
    text = (
        "KUALA LUMPUR - Vietnamese Foreign Minister Bui Thanh Son met his counterparts from Thailand, "
        "Cambodia and Japan.\n"
        "Meeting Thai Foreign Minister Maris Sangiampongsa, Son said the two countries should raise "
        "two-way trade to US$25 billion soon.\n"
        "In his meeting with Cambodian Foreign Minister Prak Sokhonn, the two sides agreed to target "
        "US$20 billion in trade by 2030."
    )
    found = {(t.amount_usd, frozenset(t.parties)) for t in targets(nlp, text)}
    assert found == {(25e9, frozenset({"VNM", "THA"})), (20e9, frozenset({"VNM", "KHM"}))}


@pytest.mark.parametrize(
    "text",
    [
        "Vietnamese Prime Minister Pham Minh Chinh spoke at the forum. Vietnam's total exports reached "
        "US$405 billion in 2024.",
        "Vietnam aims to attract US$40 billion in foreign direct investment this year.",
    ],
)
def test_a_figure_of_one_party_alone_is_no_target(nlp, text: str) -> None:
    assert targets(nlp, text) == []


def test_between_names_the_pair_and_a_headline_restates_a_target(nlp) -> None:
    text = (
        "Thailand, Malaysia set US$30bn trade goal\n\n"
        "KUALA LUMPUR — The two leaders set a target of raising bilateral trade between Thailand and "
        "Malaysia to US$30 billion by 2025. Two-way trade between Australia and ASEAN was worth US$178 "
        "billion in "
        "2022, more than Australia's trade with Japan or the United States."
    )
    found = targets(nlp, text, published="2023-12-12")
    thirty = [t for t in found if t.amount_usd == 30e9]
    assert [(t.year, t.status) for t in thirty] == [(2025, "target")]  # the headline's copy merges
    [actual] = [t for t in found if t.amount_usd == 178e9]
    assert set(actual.parties) == {"AUS", "ASEAN"}


def test_a_year_before_to_is_no_range_and_a_part_takes_its_wholes_year(nlp) -> None:
    text = ("MAPUTO — Vietnam and Mozambique held talks. Two-way trade increased from just 13.83 million USD "
            "in 2006 to 101 million USD in 2016, of which Vietnam's exports were valued at 72.5 million USD.")
    found = {(t.amount_usd, t.year) for t in targets(nlp, text, published="2017-07-31")}
    assert found == {(13830000.0, 2006), (101000000.0, 2016), (72500000.0, 2016)}



def test_a_bare_dollar_at_home_in_a_dollar_state_is_its_own(nlp) -> None:
    text = ("Australian Prime Minister Anthony Albanese met Fiji's Prime Minister in Canberra. "
            "Australia's two-way trade with Fiji reached $3 billion in 2023, Albanese said.")
    [t] = targets(nlp, text)
    assert (t.amount, t.currency, t.amount_usd) == (3e9, "AUD", None)
    assert any(step.startswith("target.own_dollar") for step in t.trace)


@pytest.mark.parametrize(
    "text",
    [
        # an explicit dollar anywhere: a bare "$" is read as wires read it
        "Australian Prime Minister Anthony Albanese met Fiji's Prime Minister in Canberra. Australia's "
        "two-way trade with Fiji reached $3 billion in 2023. Australia gave A$200 million in aid.",
    ],
)
def test_a_bare_dollar_beside_an_explicit_one_stays_us(nlp, text: str) -> None:
    found = [t for t in targets(nlp, text) if t.amount == 3e9]
    assert [t.currency for t in found] == ["USD"]


def test_a_bare_dollar_at_home_in_a_state_without_its_own_dollar_stays_us(nlp) -> None:
    text = ("Vietnamese Prime Minister Pham Minh Chinh met Lao Prime Minister Sonexay Siphandone in Hanoi. "
            "Vietnam's two-way trade with Laos reached $2 billion in 2023.")
    [t] = targets(nlp, text)
    assert t.currency == "USD"


@pytest.mark.parametrize(
    "text",
    [
        "Two-way trade between Kenya and Uganda reached US$3 billion in 2023, and aid was US$200 million.",
        "Two-way trade between Kenya and Uganda reached US$3 billion in 2023, while loans were US$1 billion.",
    ],
)
def test_a_loan_or_aid_after_a_figure_neither_hides_it_nor_takes_its_metric(nlp, text: str) -> None:
    assert [(t.amount, t.year) for t in targets(nlp, text)] == [(3e9, 2023)]
