"""The name-origin model (actors/name_origin.py), learned from the bundled
officials table's names: among a report's states, the one a name comes from
where naming traditions differ, and silence where they do not decide."""

from __future__ import annotations

import pytest

from diplograph.actors.name_origin import name_origin


@pytest.mark.parametrize(
    ("name", "states", "origin"),
    [
        ("Kenji Watanabe", ["MNG", "JPN"], "JPN"),
        ("Wang Xiaoming", ["MMR", "CHN"], "CHN"),
        ("Park Jin-woo", ["CHN", "KOR"], "KOR"),
        ("Mehmet Yıldırımoğlu", ["TKM", "TUR"], "TUR"),
        ("Nguyen Van Hung", ["LAO", "VNM"], "VNM"),
    ],
)
def test_a_name_is_given_the_state_whose_naming_it_follows(name, states, origin) -> None:
    assert name_origin().best(name, states) == origin
    # the order of the states is no evidence
    assert name_origin().best(name, list(reversed(states))) == origin


def test_it_stays_silent_where_a_name_says_too_little() -> None:
    model = name_origin()
    assert model.best("Abdullah", ["JOR", "SAU"]) is None  # one word
    assert model.best("Ma. Teresita", ["PHL", "IDN"]) is None  # an abbreviation and one word
    assert model.best("Kenji Watanabe", ["JPN"]) is None  # nothing to choose between
    assert model.best("Kenji Watanabe", ["JPN", "XXX"]) is None  # a state the model does not know


@pytest.mark.parametrize("name", ["Kim Sang Gyun", "Chon Hae Song", "Kim Yo-jong", "Lee Dong-kwan"])
def test_between_the_two_koreas_the_report_decides_not_the_spelling(name) -> None:
    # one language and one naming: the North's unhyphenated spelling is its agency's, not the person's
    model = name_origin()
    assert model.best(name, ["KOR", "PRK"]) == "KOR"
    assert model.best(name, ["PRK", "KOR"]) == "PRK"
    assert model.best(name, ["JPN", "KOR", "CHN", "PRK"]) == "KOR"  # the name still says Korean
