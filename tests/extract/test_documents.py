"""Documents from sentences written for these tests, through the real spaCy
model and the real extraction stage."""

from __future__ import annotations

import re

import pytest

from diplograph import clean, parse
from diplograph.extract import extract
from diplograph.records import Report


def documents(nlp, text: str, published: str | None = "2024-05-20"):
    report = Report("d", text, published=published)
    cleaned = clean.clean(report)
    [doc] = parse.parse([cleaned], nlp)
    found = extract(cleaned, doc).documents
    for d in found:
        assert report.text[d.span.start : d.span.end] == d.evidence
    return found


def words(title: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", title.lower()))


@pytest.mark.parametrize(
    ("text", "title_words", "parties", "status"),
    [
        (
            "Laos and Thailand signed a memorandum of understanding on electricity trade on Monday.",
            {"memorandum", "understanding", "electricity", "trade"},
            {"LAO", "THA"},
            "signed",
        ),
        (
            "Vietnam and Chile agreed to sign an agreement on labour cooperation later this year.",
            {"agreement", "labour", "cooperation"},
            {"VNM", "CHL"},
            "planned",
        ),
        (
            "Indonesia and Canada will soon conclude negotiations on the Indonesia-Canada CEPA.",
            {"indonesia", "canada", "cepa"},
            {"IDN", "CAN"},
            "planned",
        ),
        (
            "Leaders of Japan and Brunei adopted the Joint Vision Statement on energy transition.",
            {"joint", "vision", "statement"},
            {"JPN", "BRN"},
            "signed",
        ),
        (
            "Cambodia and Vietnam inked a $2bn deal on power supply.",
            {"deal"},
            {"KHM", "VNM"},
            "signed",
        ),
        (
            "Prime Ministers of Malaysia and Singapore witnessed the signing of the Johor-Singapore "
            "Special Economic Zone Agreement.",
            {"special", "economic", "zone", "agreement"},
            {"MYS", "SGP"},
            "signed",
        ),
        (
            "The Philippines and Vietnam agreed to accelerate the completion of a code of conduct "
            "for the fishing grounds.",
            {"code", "conduct"},
            {"PHL", "VNM"},
            "planned",
        ),
        (
            "An action plan for 2025-2029 between Thailand and Korea was adopted at the meeting.",
            {"action", "plan"},
            {"THA", "KOR"},
            "signed",
        ),
    ],
)
def test_documents(nlp, text: str, title_words: set[str], parties: set[str], status: str) -> None:
    [d] = documents(nlp, text)
    assert title_words <= words(d.title), d.title
    assert parties <= set(d.parties)
    assert d.status == status


def test_a_capitalised_instrument_named_by_what_it_does(nlp) -> None:
    text = (
        "The two ministers signed the Protocol amending the Agreement on Avoidance of Double "
        "Taxation between Vietnam and Singapore."
    )
    [d] = documents(nlp, text)
    assert {"protocol", "amending", "double", "taxation"} <= words(d.title)
    assert d.status == "signed" and {"VNM", "SGP"} <= set(d.parties)


def test_a_gerund_after_an_adverb_stays_in_the_title(nlp) -> None:
    text = (
        "China and Vietnam signed a joint statement on further deepening the comprehensive "
        "strategic cooperative partnership."
    )
    [d] = documents(nlp, text)
    assert {"joint", "statement", "deepening", "partnership"} <= words(d.title)


def test_a_date_after_on_is_not_part_of_the_title(nlp) -> None:
    text = "The prime ministers of Japan and Vietnam issued a joint statement on Wednesday after their talks."
    [d] = documents(nlp, text)
    assert d.title == "joint statement" and d.status == "signed"


def test_a_memorandum_to_be_signed(nlp) -> None:
    text = (
        "The leaders of Japan and Vietnam announced that a memorandum on digital transformation "
        "cooperation would be signed next year."
    )
    [d] = documents(nlp, text)
    assert d.status == "planned" and {"memorandum", "digital"} <= words(d.title)


def test_an_economic_partnership_under_negotiation(nlp) -> None:
    text = (
        "Thailand and Vietnam agreed to work towards the early conclusion of the Regional "
        "Comprehensive Economic Partnership (RCEP) negotiations."
    )
    [d] = documents(nlp, text)
    assert d.status == "planned" and {"regional", "economic", "partnership"} <= words(d.title)


@pytest.mark.parametrize(
    ("text", "title_words"),
    [
        ("ASEAN and China agreed to continue negotiations on the COC.", {"code", "conduct", "coc"}),
        (
            "The two sides pledged to speed up negotiations on the Code of Conduct in the South China Sea.",
            {"code", "conduct"},
        ),
    ],
)
def test_names_are_not_anaphors(nlp, text: str, title_words: set[str]) -> None:
    [d] = documents(nlp, "Vietnamese Prime Minister Pham Minh Chinh met Chinese Premier Li Qiang. " + text)
    assert title_words <= words(d.title) and d.status == "planned"


def test_a_list_of_signed_documents_far_from_the_verb(nlp) -> None:
    text = (
        "Saudi Arabia and Vietnam signed several agreements on Monday during Prime Minister Pham "
        "Minh Chinh's visit to Riyadh, including a memorandum of understanding on cooperation in the "
        "energy sector and an agreement on the avoidance of double taxation."
    )
    found = documents(nlp, text)
    assert [d.status for d in found] == ["signed", "signed"]
    assert {"energy", "sector"} <= words(found[0].title)
    assert {"avoidance", "double", "taxation"} <= words(found[1].title)


def test_a_named_statement_issued_after_the_talks(nlp) -> None:
    text = (
        "Vietnamese Prime Minister Pham Minh Chinh met Australian Prime Minister Anthony Albanese. "
        "The Joint Statement issued after the talks said the two sides would cooperate on energy."
    )
    [d] = documents(nlp, text)
    assert (d.title, d.status) == ("Joint Statement", "signed")
    assert {"VNM", "AUS"} <= set(d.parties)


def test_a_signing_verb_between_cue_and_title_keeps_the_cue(nlp) -> None:
    text = (
        "The two leaders witnessed the exchange of documents signed by ministries of Vietnam and "
        "Laos, including a memorandum of understanding on power trade."
    )
    [d] = documents(nlp, text)
    assert d.status == "signed" and {"power", "trade"} <= words(d.title)


def test_title_keeps_quotes_and_periods(nlp) -> None:
    text = (
        "Argentina's minister recalled that his grandfather signed a ‘Jute for Wheat’ agreement "
        "with India. Both sides also finalised an Action Programme for 2025-2030 on Monday."
    )
    titles = [d.title for d in documents(nlp, text)]
    assert titles == ["‘Jute for Wheat’ agreement", "Action Programme for 2025-2030"]


def test_a_possessive_inside_a_name(nlp) -> None:
    text = "Vietnam and the US adopted a Joint Leaders' Statement on the upgrade."
    [d] = documents(nlp, text)
    assert {"joint", "leaders", "statement"} <= words(d.title) and d.status == "signed"


def test_documents_listed_after_a_signing(nlp) -> None:
    text = (
        "Cambodia and China on Friday signed 13 cooperation documents. The documents include a "
        "memorandum of understanding on the Belt and Road Initiative and an agreement on economic "
        "and technical cooperation."
    )
    found = documents(nlp, text)
    assert len(found) == 2 and all(d.status == "signed" for d in found)
    assert all({"KHM", "CHN"} <= set(d.parties) for d in found)


def test_a_named_plan_beside_a_signing_of_several(nlp) -> None:
    text = (
        "Chilean President Gabriel Boric held talks with Chinese President Xi Jinping in Beijing. "
        "Boric said the Joint Work Programme would guide cooperation until 2028. "
        "The two presidents then witnessed the signing of 12 cooperation agreements."
    )
    plan, group = documents(nlp, text)  # a group named only as a group is a record too (GUIDELINES)
    assert (plan.title, plan.status) == ("Joint Work Programme", "signed")
    assert {"CHL", "CHN"} <= set(plan.parties)
    assert (group.title, group.status) == ("12 cooperation agreements", "signed")


def test_groups_named_only_as_groups_are_a_record_each(nlp) -> None:
    text = "Singapore and Malaysia signed 12 cooperation agreements and several memoranda of understanding."
    found = documents(nlp, text)
    assert [(d.title, d.status) for d in found] == [
        ("12 cooperation agreements", "signed"), ("several memoranda of understanding", "signed")
    ]


def test_a_named_instrument_beside_a_proposal_is_not_signed(nlp) -> None:
    text = (
        "Vietnamese Prime Minister Pham Minh Chinh proposed Canada sign bilateral agreements. "
        "Trudeau welcomed cooperation within the Comprehensive and Progressive Agreement for "
        "Trans-Pacific Partnership."
    )
    assert documents(nlp, text) == []


def test_witnessing_a_company_signing_gives_the_states_behind_it(nlp) -> None:
    text = (
        "Korea Electric Power Corporation and Vietnam Electricity signed a contract on grid "
        "upgrades, witnessed by the two prime ministers."
    )
    [d] = documents(nlp, text)
    assert {"KOR", "VNM"} <= set(d.parties)
    assert d.status == "signed" and {"contract", "grid"} <= words(d.title)


def test_the_same_document_in_several_sentences_is_one_record(nlp) -> None:
    text = (
        "Vietnam and Japan agreed to sign the Vietnam-Japan Digital Agreement next month. "
        "The Vietnam-Japan Digital Agreement was signed on Friday in Tokyo."
    )
    [d] = documents(nlp, text)
    assert d.status == "signed"


@pytest.mark.parametrize(
    "text",
    [
        # one side's call or proposal
        "He called for the early signing of a Japan-Vietnam investment agreement.",
        "Wang also called on Vietnam to sign an agreement on the Belt and Road Initiative at an early date.",
        "Widodo proposed that the two countries soon sign a memorandum of understanding on rice trade.",
        "Kishida expressed hope that Japan and Vietnam would sign a treaty on legal assistance soon.",
        "The Thai minister proposed building a free trade agreement with Laos.",
        # anaphors and classes of documents
        "Vietnam and Laos said the agreement would boost trade.",
        "Both sides said the Agreement would be implemented soon.",
        "According to the joint statement, the two sides will cooperate.",
        # statements that are not instruments
        "In a statement, the Indonesian foreign ministry welcomed the visit.",
        # no status: an existing convention is only mentioned
        "Both countries respect the 1982 United Nations Convention on the Law of the Sea.",
        # negation
        "Myanmar and Thailand did not sign the border agreement.",
        # consensus, not an instrument
        "Vietnam and Cuba reached agreement on many regional issues.",
        "Indonesia and Australia reached an agreement to boost cattle trade.",
        "Vietnam and Laos are working within the framework of the agreements signed last year.",
        # carrying a plan out is not adopting it
        "Leaders welcomed the completion of the ASEAN-Japan Plan of Action for 2021-2025.",
    ],
)
def test_not_documents(nlp, text: str) -> None:
    assert documents(nlp, text) == []


# --- generalisation (EXTRACT-B2): constructions seen on unseen reports --------------------

_JP_PH = "Japanese Prime Minister Fumio Kishida met Philippine President Ferdinand Marcos Jr. in Manila. "


@pytest.mark.parametrize(
    "sentence",
    [
        "Kishida said he looked forward to the early conclusion of a Reciprocal Access Agreement.",
        "Marcos said he is looking forward to signing a Reciprocal Access Agreement with Japan.",
        "Marcos said he hoped to sign a Reciprocal Access Agreement with Japan next year.",
        "Kishida said he expects the Reciprocal Access Agreement to be signed soon.",
        "Marcos urged the early conclusion of the Reciprocal Access Agreement.",
        "Kishida expressed hope that the Reciprocal Access Agreement would be signed at an early date.",
        "Marcos hoped for the early conclusion of negotiations on a Reciprocal Access Agreement.",
        "Marcos affirmed the Philippines' readiness to sign a Reciprocal Access Agreement with Japan.",
        "Japan is ready to sign a Reciprocal Access Agreement soon, Kishida said.",
    ],
)
def test_one_sides_wish_is_not_a_document(nlp, sentence: str) -> None:
    assert documents(nlp, _JP_PH + sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The two leaders agreed to accelerate negotiations on a Reciprocal Access Agreement.",
        "Japan and the Philippines are expected to sign a Reciprocal Access Agreement next month.",
        "Both sides look forward to signing a Reciprocal Access Agreement soon.",
        "Both sides expressed readiness to sign a Reciprocal Access Agreement soon.",
    ],
)
def test_a_shared_or_reported_plan_is_planned(nlp, sentence: str) -> None:
    [d] = documents(nlp, _JP_PH + sentence)
    assert (d.status, set(d.parties)) == ("planned", {"JPN", "PHL"})
    assert {"reciprocal", "access", "agreement"} <= words(d.title)


_CN_SG = "Chinese Premier Li Qiang met Singapore Prime Minister Lawrence Wong in Beijing. "


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("The two countries concluded negotiations on the upgrade of the China-Singapore Free Trade "
         "Agreement.", "signed"),
        ("They finalised negotiations on the upgrade of the China-Singapore Free Trade Agreement last year.",
         "signed"),
        ("The two sides announced the substantial conclusion of negotiations on the China-Singapore Free "
         "Trade Agreement upgrade.", "signed"),
        ("The two sides have completed negotiations on the upgraded China-Singapore Free Trade Agreement.",
         "signed"),
        ("The two sides agreed to conclude negotiations on the upgrade of the China-Singapore Free Trade "
         "Agreement by next year.", "planned"),
        ("The two sides agreed to accelerate the conclusion of negotiations on the upgrade of the "
         "China-Singapore Free Trade Agreement.", "planned"),
    ],
)
def test_concluded_negotiations_finalise_the_text(nlp, sentence: str, status: str) -> None:
    [d] = documents(nlp, _CN_SG + sentence)
    assert (d.status, set(d.parties)) == (status, {"CHN", "SGP"})
    assert "upgrade" in d.title or "upgraded" in d.title
    assert {"china", "singapore", "free", "trade", "agreement"} <= words(d.title)


def test_a_version_and_its_upgrade_stay_in_the_title(nlp) -> None:
    text = "China and ASEAN agreed to accelerate negotiations on the ASEAN-China Free Trade Area 3.0 upgrade."
    [d] = documents(nlp, text)
    assert d.title == "ASEAN-China Free Trade Area 3.0 upgrade"
    assert d.status == "planned"


@pytest.mark.parametrize(
    ("sentence", "title"),
    [
        ("The two leaders adopted a Joint Leaders' Statement on the elevation of ties.",
         "Joint Leaders' Statement on the elevation of ties"),
        ("The two leaders adopted a Joint Leaders’ Statement on the elevation of ties.",
         "Joint Leaders’ Statement on the elevation of ties"),
        ("In a 'historic' move, they adopted a Joint Leaders' Statement on the elevation of ties.",
         "Joint Leaders' Statement on the elevation of ties"),
        ("They signed the Ministers' Declaration on Maritime Cooperation.",
         "Ministers' Declaration on Maritime Cooperation"),
    ],
)
def test_possessives_inside_a_title_stay(nlp, sentence: str, title: str) -> None:
    text = "Indonesian President Joko Widodo met Australian Prime Minister Anthony Albanese in Jakarta. "
    [d] = documents(nlp, text + sentence)
    assert (d.title, d.status, set(d.parties)) == (title, "signed", {"IDN", "AUS"})


def test_the_upgrade_of_an_anaphor_is_still_an_anaphor(nlp) -> None:
    text = "Vietnam and Japan signed the agreement last year. They discussed the upgrade of the agreement."
    assert [d.title for d in documents(nlp, text)] == []


_VN_MY = "Vietnamese President To Lam met Malaysian Prime Minister Anwar Ibrahim. "


@pytest.mark.parametrize(
    ("sentence", "title", "status"),
    [
        ("The leaders welcomed the signing of the Defence Cooperation Agreement between the two countries "
         "last year.", "Defence Cooperation Agreement", "signed"),
        ("The two leaders agreed to soon complete the Action Plan for the 2025-2030 period.",
         "Action Plan for the 2025-2030 period", "planned"),
        ("They agreed to upgrade the Vietnam-Malaysia Trade Agreement.", "Vietnam-Malaysia Trade Agreement",
         "planned"),
        ("The ministers signed the Agreement on the Avoidance of Double Taxation.",
         "Agreement on the Avoidance of Double Taxation", "signed"),
    ],
)
def test_title_bounds_and_more_cues(nlp, sentence: str, title: str, status: str) -> None:
    [d] = documents(nlp, _VN_MY + sentence)
    assert (d.title, d.status, set(d.parties)) == (title, status, {"VNM", "MYS"})


def test_witnesses_of_a_signing_by_the_two_sides_are_not_parties(nlp) -> None:
    text = (
        "Thai Prime Minister Anutin Charnvirakul met Cambodian Prime Minister Hun Manet in Kuala Lumpur. "
        "The two prime ministers signed the Kuala Lumpur Peace Accord, "
        "witnessed by US President Donald Trump."
    )
    [d] = documents(nlp, text)
    assert (d.title, set(d.parties), d.status) == ("Kuala Lumpur Peace Accord", {"THA", "KHM"}, "signed")


def test_where_it_was_signed_is_not_in_the_title(nlp) -> None:
    text = (
        "Japan's Foreign Minister and Indonesia's Foreign Minister signed a Letter of Intent on cyber "
        "security cooperation on the sidelines of the summit."
    )
    [d] = documents(nlp, text)
    assert (d.title, set(d.parties)) == ("Letter of Intent on cyber security cooperation", {"JPN", "IDN"})


def test_an_instrument_being_carried_out_takes_no_status_from_a_neighbouring_signing(nlp) -> None:
    text = (
        "Chinese President Hu Jintao met Brazilian President Lula da Silva. The leaders reviewed the "
        "implementation of the Joint Action Plan 2020-2025. Hu and Lula witnessed the signing of 13 "
        "cooperative agreements."
    )
    assert [d.title for d in documents(nlp, text)] == ["13 cooperative agreements"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The two sides exchanged views on the implementation of the ASEAN Trade in Goods Agreement.",
        "They exchanged views on the Code of Conduct in the East Sea.",
        "Both sides issued views on the draft Comprehensive Economic Partnership Agreement.",
    ],
)
def test_a_cue_with_another_object_is_not_about_the_document(nlp, sentence: str) -> None:
    assert documents(nlp, _VN_MY + sentence) == []


@pytest.mark.parametrize(
    ("sentence", "title"),
    [
        ("Ministers signed the ASEAN Trade in Goods Agreement in October.", "ASEAN Trade in Goods Agreement"),
        ("The two sides signed the Agreement on Trade in Services.", "Agreement on Trade in Services"),
        (
            "They adopted the Plan of Action for Peace and Prosperity.",
            "Plan of Action for Peace and Prosperity",
        ),
    ],
)
def test_small_words_inside_a_capitalised_name_stay(nlp, sentence: str, title: str) -> None:
    [d] = documents(nlp, _VN_MY + sentence)
    assert (d.title, d.status) == (title, "signed")


def test_a_listed_title_with_participles_does_not_cut_the_next_one(nlp) -> None:
    text = (
        "Chinese President Xi Jinping held talks with Cambodian Prime Minister Hun Manet. After the talks, "
        "the two leaders witnessed the exchange of 37 cooperation documents, including an action plan for "
        "building a China-Cambodia community with a shared future (2024-2028) and a memorandum of "
        "understanding on the Funan Techo Canal."
    )
    found = {d.title: (d.status, set(d.parties)) for d in documents(nlp, text)}
    assert found["memorandum of understanding on the Funan Techo Canal"] == ("signed", {"CHN", "KHM"})
    assert [s for t, (s, _) in found.items() if t.startswith("action plan")] == ["signed"]


def test_a_participle_modifying_a_titles_noun_stays(nlp) -> None:
    text = (
        "Vietnamese Prime Minister Pham Minh Chinh met Singaporean Prime Minister Lawrence Wong. After the "
        "talks, the two leaders witnessed the exchange of a Memorandum of Understanding on carbon credits "
        "cooperation and a joint statement on the upgraded partnership."
    )
    titles = sorted(d.title for d in documents(nlp, text))
    assert titles == [
        "Memorandum of Understanding on carbon credits cooperation",
        "joint statement on the upgraded partnership",
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "The two sides discussed the possibility of signing a free trade agreement.",
        "They agreed to consider signing an agreement on labour cooperation.",
        "They agreed on the need for an agreement on labour cooperation.",
        "They will study the feasibility of negotiating a free trade agreement.",
    ],
)
def test_a_mere_possibility_is_not_a_document(nlp, sentence: str) -> None:
    assert documents(nlp, _VN_MY + sentence) == []


# --- classes found by the blind set (eval/blind), each tested on sentences of its own


def test_a_title_after_the_parties_and_two_documents_in_one_sentence(nlp) -> None:
    text = (
        "Vietnam and Korea signed a memorandum of understanding between Hanoi's Ministry of Industry and "
        "Trade and Seoul's Ministry of Trade, Industry and Energy on a joint center for rare earths, and "
        "a memorandum of understanding on marine and fisheries cooperation."
    )
    titles = {d.title for d in documents(nlp, text)}
    assert "memorandum of understanding on a joint center for rare earths" in titles
    assert "memorandum of understanding on marine and fisheries cooperation" in titles


def test_an_instrument_named_as_the_topic_of_another(nlp) -> None:
    text = (
        "Lam and Trump agreed during the phone call to issue a joint statement on a framework for a "
        "reciprocal, fair and balanced trade agreement."
    )
    [found] = documents(nlp, text)
    assert found.title.startswith("joint statement on a framework") and found.status == "planned"


def test_drawn_up_planned_and_signed_in_a_relative_clause(nlp) -> None:
    text = (
        "The two leaders agreed to draw up an action programme for the 2025-2030 period, and to keep "
        "implementing the agreement on the delimitation of the continental shelf, which Vietnam and "
        "Indonesia signed in December 2022."
    )
    found = {d.title: d.status for d in documents(nlp, text)}
    assert found["action programme for the 2025-2030 period"] == "planned"
    assert found["agreement on the delimitation of the continental shelf"] == "signed"


def test_an_exchange_of_notes_and_a_bare_statement_of_other_parties(nlp) -> None:
    text = (
        "ASEAN and Japan adopted the Joint Vision Statement on ASEAN-Japan Friendship and Cooperation. "
        "Japan and Cambodia also issued a joint statement. "
        "Japan and Malaysia signed an exchange of notes on rescue boats."
    )
    found = {d.title: set(d.parties) for d in documents(nlp, text)}
    assert found.get("joint statement") == {"JPN", "KHM"}
    assert any(t.startswith("exchange of notes") for t in found)


def test_a_signing_in_a_future_clause_is_planned(nlp) -> None:
    text = ("After that, the two prime ministers of Malaysia and Cambodia will hold a bilateral meeting and "
            "then witness the exchange of a Memorandum of Understanding on Cooperation in Financial "
            "Innovation, before attending a luncheon.")
    [d] = documents(nlp, text)
    assert d.status == "planned"
