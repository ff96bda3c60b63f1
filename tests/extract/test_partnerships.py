"""Partnership levels from sentences written for these tests, through the
real spaCy model and the real extraction stage."""

from __future__ import annotations

import pytest

from diplograph import clean, parse
from diplograph.extract import extract
from diplograph.records import Report


def partnerships(nlp, text: str):
    report = Report("p", text, published="2024-05-20")
    cleaned = clean.clean(report)
    [doc] = parse.parse([cleaned], nlp)
    found = extract(cleaned, doc).partnerships
    for p in found:
        assert report.text[p.span.start : p.span.end] == p.evidence
    return [(frozenset(p.parties), p.level, p.change) for p in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Vietnam and Australia upgraded their ties to a Comprehensive Strategic Partnership in March.",
            ({"VNM", "AUS"}, "Comprehensive Strategic Partnership", "upgraded"),
        ),
        (
            "The leaders celebrated the elevation of Indonesia-Japan relations to a comprehensive "
            "strategic partnership.",
            ({"IDN", "JPN"}, "Comprehensive Strategic Partnership", "upgraded"),
        ),
        (
            "Malaysia and South Korea established a Strategic Partnership in 2023.",
            ({"MYS", "KOR"}, "Strategic Partnership", "established"),
        ),
        (
            "Since the two countries forged their comprehensive partnership in 2013, Laos and "
            "Australia have expanded trade.",
            ({"LAO", "AUS"}, "Comprehensive Partnership", "established"),
        ),
        (
            "Thailand highly values its comprehensive strategic cooperative partnership with China.",
            ({"THA", "CHN"}, "Comprehensive Strategic Cooperative Partnership", "existing"),
        ),
        (
            "Both ministers pledged to deepen the Philippines–Singapore Strategic Partnership.",
            ({"PHL", "SGP"}, "Strategic Partnership", "existing"),
        ),
        (
            "They discussed the Philippines-Japan Strategic Partnership, which was first "
            "established in 2011.",
            ({"PHL", "JPN"}, "Strategic Partnership", "established"),
        ),
        (
            "They affirmed that the Vietnam-Thailand strategic partnership has developed strongly "
            "since its establishment in 2013.",
            ({"VNM", "THA"}, "Strategic Partnership", "established"),
        ),
        (
            "Wong said Australia values its Strategic Partnership with Vietnam, established in 2018.",
            ({"AUS", "VNM"}, "Strategic Partnership", "established"),
        ),
        (
            "They discussed ways to develop the Enhanced Strategic Partnership between Cambodia and India.",
            ({"KHM", "IND"}, "Enhanced Strategic Partnership", "existing"),
        ),
    ],
)
def test_levels(nlp, text: str, expected) -> None:
    parties, level, change = expected
    assert partnerships(nlp, text) == [(frozenset(parties), level, change)]


def test_the_level_keeps_the_reports_words(nlp) -> None:
    text = (
        "Hun Sen said Cambodia highly values its comprehensive strategic partnership of "
        "cooperation with China."
    )
    assert partnerships(nlp, text) == [
        (frozenset({"KHM", "CHN"}), "Comprehensive Strategic Partnership of Cooperation", "existing")
    ]


def test_the_two_countries_take_the_pair_from_context(nlp) -> None:
    text = (
        "Vietnamese Prime Minister Pham Minh Chinh held talks with New Zealand Prime Minister "
        "Christopher Luxon in Wellington. The two leaders agreed to strengthen cooperation within "
        "the framework of their comprehensive partnership."
    )
    assert partnerships(nlp, text) == [
        (frozenset({"VNM", "NZL"}), "Comprehensive Partnership", "existing")
    ]


def test_one_record_per_pair_and_level_the_upgrade_wins(nlp) -> None:
    text = (
        "Vietnam and France upgraded their relations to a Comprehensive Strategic Partnership. "
        "The Vietnam-France Comprehensive Strategic Partnership will open new opportunities."
    )
    assert partnerships(nlp, text) == [
        (frozenset({"VNM", "FRA"}), "Comprehensive Strategic Partnership", "upgraded")
    ]


def test_the_former_level_is_not_recorded(nlp) -> None:
    text = (
        "Vietnam and Australia upgraded their ties from a Strategic Partnership to a "
        "Comprehensive Strategic Partnership."
    )
    assert partnerships(nlp, text) == [
        (frozenset({"VNM", "AUS"}), "Comprehensive Strategic Partnership", "upgraded")
    ]


def test_level_before_to_a_new_level_is_not_an_upgrade(nlp) -> None:
    text = (
        "The leaders agreed to consider lifting the Vietnam - Indonesia strategic partnership "
        "to a new level."
    )
    assert partnerships(nlp, text) == [(frozenset({"VNM", "IDN"}), "Strategic Partnership", "existing")]


def test_one_state_with_a_list_gives_one_pair_each(nlp) -> None:
    text = "Vietnam has Comprehensive Strategic Partnerships with China, Russia, India and Japan."
    assert sorted(partnerships(nlp, text), key=lambda p: sorted(p[0])) == sorted(
        [
            (frozenset({"VNM", code}), "Comprehensive Strategic Partnership", "existing")
            for code in ("CHN", "RUS", "IND", "JPN")
        ],
        key=lambda p: sorted(p[0]),
    )


@pytest.mark.parametrize(
    "text",
    [
        "Vietnam regards Japan as a top strategic partner.",
        "The United States is among ASEAN's most comprehensive strategic partners.",
        "Canada and Vietnam are members of the Comprehensive and Progressive Agreement for "
        "Trans-Pacific Partnership.",
        "Indonesia and the EU are negotiating a Comprehensive Economic Partnership Agreement.",
        "India and Nigeria agreed to expand their development partnership.",
        "Vietnam has established comprehensive strategic partnerships with 12 countries so far.",
        # an upgrade only proposed is not the relationship's level
        "He suggested Vietnam and Australia soon upgrade ties to a Comprehensive Strategic Partnership.",
        "Indonesia and Vietnam will consider elevating ties to a comprehensive strategic partnership.",
        "The Philippines and the US share a strong and committed partnership.",
    ],
)
def test_descriptions_are_not_levels(nlp, text: str) -> None:
    assert partnerships(nlp, text) == []


# --- generalisation (EXTRACT-B2): constructions seen on unseen reports --------------------

_MY_ID = "Malaysian Prime Minister Anwar Ibrahim met Indonesian President Prabowo Subianto. "


@pytest.mark.parametrize(
    ("sentence", "level", "change"),
    [
        ("Anwar praised its Comprehensive Strategic Partnership with Indonesia, which the two countries "
         "established in 2018.", "Comprehensive Strategic Partnership", "established"),
        ("They reviewed the Strategic Partnership, which the two sides set up in 2013.",
         "Strategic Partnership", "established"),
        ("They reviewed the Strategic Partnership that both countries had forged in 2013.",
         "Strategic Partnership", "established"),
        ("They reviewed the Comprehensive Strategic Partnership, which the two leaders upgraded last year.",
         "Comprehensive Strategic Partnership", "upgraded"),
        ("They reviewed the Strategic Partnership, which they have been implementing since 2013.",
         "Strategic Partnership", "existing"),
        ("They reviewed the Strategic Partnership, which they will upgrade next year.",
         "Strategic Partnership", "existing"),
    ],
)
def test_a_relative_clause_after_the_level_says_how_it_began(nlp, sentence, level, change) -> None:
    assert partnerships(nlp, _MY_ID + sentence) == [(frozenset({"MYS", "IDN"}), level, change)]


@pytest.mark.parametrize(
    ("text", "level", "change"),
    [
        (
            "Chinese President Xi Jinping met Kazakh President Kassym-Jomart Tokayev. The two sides agreed "
            "to upgrade bilateral ties to an 'All-Round High-Quality Future-Oriented Partnership'.",
            "All-Round High-Quality Future-Oriented Partnership", "upgraded",
        ),
        (
            "Brazilian President Lula met Chinese President Xi Jinping. They elevated relations to a "
            "Sustainable Future Strategic Partnership.",
            "Sustainable Future Strategic Partnership", "upgraded",
        ),
        (
            "Japanese Prime Minister Fumio Kishida met Indian Prime Minister Narendra Modi. They elevated "
            "relations to a Comprehensive Strategic and Global Partnership.",
            "Comprehensive Strategic and Global Partnership", "upgraded",
        ),
        (
            "Vietnamese President Luong Cuong met Chilean President Gabriel Boric. The two leaders agreed to "
            "establish a \u201cStrategic Partnership for Peace and Sustainable Development\u201d.",
            "Strategic Partnership for Peace and Sustainable Development", "established",
        ),
        (
            "Vietnamese President Luong Cuong met Chilean President Gabriel Boric. The two sides raised "
            "the relationship to a Comprehensive Partnership.",
            "Comprehensive Partnership", "upgraded",
        ),
    ],
)
def test_a_named_level_not_in_the_list_keeps_the_reports_words(nlp, text, level, change) -> None:
    [(_, found_level, found_change)] = partnerships(nlp, text)
    assert (found_level, found_change) == (level, change)


@pytest.mark.parametrize(
    "sentence",
    [
        "They discussed the Regional Comprehensive Economic Partnership and the Trans-Pacific Partnership.",
        "They hoped to elevate relations to a Sustainable Future Strategic Partnership in the future.",
        "The Public-Private Partnership in infrastructure was discussed.",
        "They praised the Asia Zero Emission Community Partnership.",
    ],
)
def test_other_capitalised_partnerships_are_not_levels(nlp, sentence: str) -> None:
    assert partnerships(nlp, _MY_ID + sentence) == []


_VN_JP = "Vietnamese Prime Minister Pham Minh Chinh met Japanese Prime Minister Shigeru Ishiba. "


@pytest.mark.parametrize(
    ("sentence", "level", "change"),
    [
        ("Japan was the first G7 country to establish a Comprehensive Strategic Partnership with Vietnam in "
         "2023.", "Comprehensive Strategic Partnership", "established"),
        ("Bilateral relations have grown since the establishment of the Comprehensive Strategic Partnership "
         "in 2023.", "Comprehensive Strategic Partnership", "established"),
        ("They hailed bilateral ties, which were elevated to a Comprehensive Strategic Partnership in 2023.",
         "Comprehensive Strategic Partnership", "upgraded"),
        ("The upgrade of bilateral ties to a Comprehensive Strategic Partnership opened a new chapter.",
         "Comprehensive Strategic Partnership", "upgraded"),
        ("The Comprehensive Strategic Partnership between Vietnam and Japan was set up in 2023.",
         "Comprehensive Strategic Partnership", "established"),
    ],
)
def test_more_ways_of_saying_how_a_level_began(nlp, sentence, level, change) -> None:
    assert partnerships(nlp, _VN_JP + sentence) == [(frozenset({"VNM", "JPN"}), level, change)]


def test_a_hoped_for_upgrade_is_no_level(nlp) -> None:
    text = _VN_JP + (
        "Chinh said the two countries should work to elevate ties to a Comprehensive Strategic Partnership."
    )
    assert partnerships(nlp, text) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Both sides launched the Just Energy Transition Partnership in 2022.",
        "The two sides agreed to establish a Green Partnership on energy transition.",
        "The EU and Vietnam signed the Partnership and Cooperation Agreement in 2012.",
    ],
)
def test_programmes_named_partnership_are_not_levels(nlp, sentence: str) -> None:
    text = "Vietnamese Prime Minister Pham Minh Chinh met EU Council President Antonio Costa. " + sentence
    assert partnerships(nlp, text) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The two sides raised their ties to a new level, the Strategic Partnership.",
        "The relationship was elevated to the level of a Strategic Partnership.",
        "Vietnam and Brazil elevated ties to a \"Strategic Partnership\".",
    ],
)
def test_upgrades_to_a_level_said_at_length(nlp, sentence: str) -> None:
    text = "Vietnamese Prime Minister Pham Minh Chinh met Brazilian President Lula da Silva. " + sentence
    assert partnerships(nlp, text) == [(frozenset({"VNM", "BRA"}), "Strategic Partnership", "upgraded")]


def test_raising_cooperation_to_a_new_level_within_a_partnership_is_no_upgrade(nlp) -> None:
    text = (
        "Vietnamese Prime Minister Pham Minh Chinh met Brazilian President Lula da Silva. They agreed to "
        "raise cooperation to a new level, in line with their Strategic Partnership."
    )
    assert partnerships(nlp, text) == [(frozenset({"VNM", "BRA"}), "Strategic Partnership", "existing")]


def test_two_levels_in_one_sentence_each_with_its_own_cue(nlp) -> None:
    text = (
        "Korean President Yoon Suk Yeol and Philippine President Ferdinand Marcos Jr. upgraded Korea-"
        "Philippines ties to a strategic partnership, while Singaporean Prime Minister Lawrence Wong and "
        "Yoon launched a Korea-Singapore strategic partnership. Japan and the Philippines deepened their "
        "Strengthened Strategic Partnership."
    )
    found = {(parties, level.lower()): change for parties, level, change in partnerships(nlp, text)}
    assert found[(frozenset({"KOR", "SGP"}), "strategic partnership")] == "established"
    assert found[(frozenset({"KOR", "PHL"}), "strategic partnership")] == "upgraded"
    assert found[(frozenset({"JPN", "PHL"}), "strengthened strategic partnership")] == "existing"


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Presidents Berdimuhamedov and Rahmon signed the Joint Statement and the Agreement on Strategic "
         "Partnership between Turkmenistan and the Republic of Tajikistan.", {"TKM", "TJK"}),
        ("The signing of the joint declaration on the creation and development of Chinese-Kazakh relations "
         "into a strategic partnership has historical significance, Hu said.", {"CHN", "KAZ"}),
        ("Australia has signed comprehensive strategic partnership agreements with Indonesia.",
         {"AUS", "IDN"}),
    ],
)
def test_a_level_set_up_by_the_instrument_that_names_it_is_established(nlp, text: str, pair: set) -> None:
    [(parties, _level, change)] = partnerships(nlp, text)
    assert (set(parties), change) == (pair, "established")
