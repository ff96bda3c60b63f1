"""Persons: names, roles and countries from the constructions diplomatic
prose uses, and coreference of short forms within a report. Every sentence
here is written for the test; the real spaCy model parses it."""

from __future__ import annotations

import pytest

from diplograph import clean, parse
from diplograph.extract import extract
from diplograph.records import Report


def run(nlp, text: str, published: str | None = "2025-10-27"):
    report = Report("t", text, published=published)
    cleaned = clean.clean(report)
    [doc] = parse.parse([cleaned], nlp)
    out = extract(cleaned, doc)
    for record in out.persons + out.meetings:
        assert report.text[record.span.start : record.span.end] == record.evidence
    return out


def people(nlp, text: str, published: str | None = "2025-10-27") -> dict[str, tuple]:
    return {p.name: (p.country, p.role) for p in run(nlp, text, published).persons}


def test_demonym_title_and_body_title(nlp) -> None:
    found = people(nlp, "Malaysian Prime Minister Anwar Ibrahim met ASEAN Secretary-General Kao Kim Hourn "
        "in Jakarta.")
    assert found["Anwar Ibrahim"] == ("MYS", "Prime Minister")
    assert found["Kao Kim Hourn"] == ("ASEAN", "Secretary-General")


def test_possessive_state_and_new(nlp) -> None:
    found = people(nlp, "Prime Minister Chinh also met Japan's new Prime Minister Takaichi Sanae on Monday.")
    assert found["Takaichi Sanae"][0] == "JPN"


def test_counterpart_with_demonym_and_with_from(nlp) -> None:
    text = (
        "Vietnamese Foreign Minister Bui Thanh Son met his Lao counterpart Thongsavanh Phomvihane in "
        "Vientiane. "
        "He later met his counterpart from the Philippines Enrique Manalo."
    )
    found = people(nlp, text)
    assert found["Thongsavanh Phomvihane"][0] == "LAO"
    assert found["Enrique Manalo"][0] == "PHL"
    assert found["Bui Thanh Son"] == ("VNM", "Foreign Minister")


def test_apposition_after_the_name(nlp) -> None:
    text = (
        "The minister received Martin Raiser, World Bank Vice President for East Asia and the Pacific, "
        "and Teodoro Locsin, the Foreign Affairs Secretary of the Philippines, in Hanoi on Monday."
    )
    found = people(nlp, text)
    assert found["Martin Raiser"][0] == "World Bank"
    assert found["Teodoro Locsin"][0] == "PHL"


def test_title_of_state_before_the_name(nlp) -> None:
    found = people(nlp, "Anwar also held a meeting with the Prime Minister of Cambodia, Hun Manet, on "
        "Friday.")
    assert found["Hun Manet"][0] == "KHM"


def test_short_forms_and_diacritics_are_one_person(nlp) -> None:
    text = (
        "Prime Minister Phạm Minh Chính met Indonesian President Joko Widodo in Hà Nội on Friday. "
        "PM Chinh said the visit opened a new chapter. Widodo thanked Chính for the welcome. "
        "Pham Minh Chinh and Widodo later held a press conference."
    )
    persons = run(nlp, text).persons
    assert len(persons) == 2
    chinh = next(p for p in persons if "Chính" in p.name or "Chinh" in p.name)
    assert chinh.name == "Phạm Minh Chính"  # the fullest spelling, as the report first writes it
    assert chinh.country == "VNM"


def test_country_from_the_report_when_the_text_never_states_it(nlp) -> None:
    text = (
        "HÀ NỘI — Prime Minister Phạm Minh Chính received Thai Foreign Minister Maris Sangiampongsa on "
        "Monday. "
        "Chính said Việt Nam values its partnership with Thailand. Việt Nam and Thailand agreed to expand "
        "trade."
    )
    found = people(nlp, text)
    assert found["Phạm Minh Chính"][0] == "VNM"
    assert found["Maris Sangiampongsa"][0] == "THA"


def test_a_visitor_is_not_of_the_state_visited(nlp) -> None:
    text = (
        "Prime Minister Ishiba Shigeru left Hà Nội on Tuesday, concluding his official visit to Việt Nam "
        "at the invitation of Prime Minister Phạm Minh Chính. Việt Nam and Japan signed two documents. "
        "Việt Nam welcomed the Japanese leader."
    )
    found = people(nlp, text)
    assert found["Ishiba Shigeru"][0] == "JPN"
    assert found["Phạm Minh Chính"][0] == "VNM"


def test_places_captions_and_agencies_are_not_persons(nlp) -> None:
    text = (
        "President Joko Widodo met Prime Minister Lee Hsien Loong at the Istana in Singapore.\n"
        "Photo: VNA\n"
        "The leaders visited the President Ho Chi Minh Mausoleum in Labuan Bajo."
    )
    names = set(people(nlp, text))
    assert names == {"Joko Widodo", "Lee Hsien Loong"}


def test_a_person_named_only_in_a_future_event_has_not_acted(nlp) -> None:
    text = (
        "Malaysian Foreign Minister Mohamad Hasan met Saudi Crown Prince Mohammed bin Salman in Riyadh. "
        "ASEAN Secretary-General Kao Kim Hourn will lead the bloc's delegation to the summit."
    )
    names = set(people(nlp, text))
    assert names == {"Mohamad Hasan", "Mohammed bin Salman"}


def test_relatives_share_a_country_and_storms_are_not_persons(nlp) -> None:
    text = (
        "Anwar paid a courtesy call on the Sultan of Brunei Sultan Hassanal Bolkiah and Prince Abdul Mateen "
        "Bolkiah in Labuan Bajo. Malaysia thanked Brunei for its help after Typhoons Yagi and Trami."
    )
    found = people(nlp, text)
    assert found["Hassanal Bolkiah"][0] == "BRN"
    assert found.get("Abdul Mateen Bolkiah", ("BRN",))[0] == "BRN"
    assert not any("Yagi" in name for name in found)


def test_apposition_after_a_title_and_lists_of_persons(nlp) -> None:
    text = (
        "Sheikh Mohammed bin Zayed Al Nahyan, President of the United Arab Emirates, received Viet Nam's "
        "Deputy Prime Minister Bui Thanh Son in Abu Dhabi. "
        "Prime Minister Chinh, Malaysian Prime Minister Anwar Ibrahim and Singaporean Prime Minister "
        "Lawrence Wong witnessed the signing. Chinh said Viet Nam valued its ties with both."
    )
    found = people(nlp, text)
    assert found["Mohammed bin Zayed Al Nahyan"] == ("ARE", "President")
    assert found["Anwar Ibrahim"][0] == "MYS"
    assert found["Lawrence Wong"][0] == "SGP"
    assert found["Chinh"][0] == "VNM"


def test_a_figure_honoured_is_not_a_person_acting(nlp) -> None:
    text = (
        "Indian Prime Minister Narendra Modi met Vietnamese Prime Minister Pham Minh Chinh in New Delhi. "
        "Modi laid a wreath at the President Ho Chi Minh Memorial and expressed admiration for "
        "President Ho Chi Minh."
    )
    assert set(people(nlp, text)) == {"Narendra Modi", "Pham Minh Chinh"}
    text = (
        "Indonesian President Joko Widodo met Algerian President Abdelmadjid Tebboune in Algiers. "
        "Widodo laid flowers at the bust of President Houari Boumediene, and on the 60th anniversary of "
        "President Ahmed Ben Bella, he praised the national hero Emir Abdelkader."
    )
    assert set(people(nlp, text)) == {"Joko Widodo", "Abdelmadjid Tebboune"}


def test_a_thing_noun_inside_a_title_before_the_name_is_no_honour(nlp) -> None:
    # "Congress", "House" before the name belong to the office, not to a thing named after the person
    text = (
        "Thai Prime Minister Srettha Thavisin met Chairman of the Standing Committee of the National "
        "People's Congress Zhao Leji in Beijing. Among the guests was Speaker of the House of "
        "Representatives Fukushiro Nukaga. The Winter Olympics opened on Friday."
    )
    assert {"Srettha Thavisin", "Zhao Leji", "Fukushiro Nukaga"} == set(people(nlp, text))


def test_a_family_name_without_its_article_is_the_same_person(nlp) -> None:
    text = ("Jordanian King Abdullah II received a letter from Egyptian President Abdel Fattah al-Sisi. "
            "In the letter, President Sisi praised the ties. Later, al-Sisi called Qatari Emir Tamim.")
    found = people(nlp, text)
    assert "Sisi" not in found
    assert found["Abdel Fattah al-Sisi"][0] == "EGY"


def test_a_regnal_number_tells_two_kings_apart(nlp) -> None:
    text = ("Jordanian King Abdullah II and Saudi King Abdullah bin Abdulaziz co-chaired the talks in Amman. "
            "King Abdullah II thanked Saudi Arabia. Among the guests were King Tupou VI and Queen "
            "Nanasipau’u of Tonga.")
    found = people(nlp, text)
    assert found["Abdullah II"][0] == "JOR"
    assert found["Abdullah bin Abdulaziz"][0] == "SAU"
    assert found["Nanasipau’u"][0] == "TON"


def test_a_quoted_nickname_inside_a_name_leaves_the_name_whole(nlp) -> None:
    text = ("President Ferdinand “Bongbong” Marcos Jr. received Senegalese President Macky “Sall” Ndiaye "
            "in Manila.")
    assert {"Ferdinand Marcos Jr.", "Macky Ndiaye"} <= set(people(nlp, text))


def test_a_name_the_text_classes_as_a_thing_is_no_person(nlp) -> None:
    text = (
        "Kenyan President William Ruto met Chinese Premier Li Qiang in Beijing. Li pledged help against "
        "the militant group Al-Shabaab Ahmed, and Ruto toured a refinery, Sumitomo Kiyoshi, and the "
        "province of Phan Thiet. Typhoons Lando and Chedeng hit the coast last year."
    )
    assert set(people(nlp, text)) == {"William Ruto", "Li Qiang"}


def test_the_other_side_of_a_meeting_does_not_lend_its_country(nlp) -> None:
    found = people(nlp, "President Droupadi Murmu hosted a banquet for the Egyptian leader on Wednesday.")
    assert found["Droupadi Murmu"][0] != "EGY"
    found = people(nlp, "President Droupadi Murmu hosted a banquet for the Egyptian leader "
                   "Abdel Fattah El-Sisi at Rashtrapati Bhavan on Thursday.")
    assert found["Abdel Fattah El-Sisi"][0] == "EGY"
    assert found["Droupadi Murmu"][0] != "EGY"
    found = people(nlp, "NEW DELHI - President Droupadi Murmu hosted a banquet for the Egyptian leader on "
                   "Wednesday. Egyptian President Abdel Fattah El-Sisi is on a state visit to India.")
    assert found["Droupadi Murmu"][0] == "IND"


def test_whom_a_visitor_meets_is_of_the_state_visited(nlp) -> None:
    text = ("SINGAPORE - Prime Minister Lee Hsien Loong is on a six-day official visit to China. Mr Lee held "
            "talks with Premier Li Qiang in Beijing on Friday. Singapore and China agreed to upgrade ties. "
            "Singapore firms will invest more in China, Singapore officials said.")
    found = people(nlp, text, "2023-04-02")
    assert found["Lee Hsien Loong"][0] == "SGP"
    assert found["Li Qiang"][0] == "CHN"
    # someone who only speaks about the visit stays of the home state
    text = ("Hanoi (VNA) - Prime Minister Pham Minh Chinh's official visit to Malaysia has ushered in a new "
            "phase, Deputy Prime Minister Bui Thanh Son has told reporters. "
            "Vietnam and Malaysia upgraded ties. Vietnam will work with Malaysia, Son said.")
    found = people(nlp, text, "2025-06-01")
    assert found["Bui Thanh Son"][0] == "VNM"


def test_royal_titles_before_names(nlp) -> None:
    found = people(nlp, "Prime Minister Anwar Ibrahim met the Yang di-Pertuan Agong Sultan Ibrahim at Istana "
                   "Negara on Monday.")
    assert found["Sultan Ibrahim"][1] == "Yang di-Pertuan Agong"
    assert "Anwar Ibrahim" in found  # "Ibrahim" of the King is not the Prime Minister's short form
    found = people(nlp, "Indonesian President Joko Widodo met Emir Sheikh Tamim bin Hamad Al Thani of "
                   "Qatar in Doha.")
    assert found["Tamim bin Hamad Al Thani"] == ("QAT", "Emir")
    found = people(nlp, "Indian Prime Minister Narendra Modi held talks with Saudi Crown Prince Mohammed bin "
                   "Salman in New Delhi.")
    assert found["Mohammed bin Salman"] == ("SAU", "Crown Prince")
    found = people(nlp, "Australian Prime Minister Anthony Albanese met King Charles III at Buckingham "
                   "Palace.")
    assert found["Charles III"][1] == "King"


def test_between_an_organisation_and_a_name_is_no_person(nlp) -> None:
    found = people(nlp, "An agreement was signed between Doordarshan and Prasar Bharati on Monday in the "
                   "presence of Indian Prime Minister Narendra Modi.")
    assert set(found) == {"Narendra Modi"}
    found = people(nlp, "Talks between Vietnamese Prime Minister Phuc and Mishustin were held online.")
    assert "Mishustin" in found


# --- classes found by the blind set (eval/blind), each tested on sentences of its own


def test_a_title_naming_a_party_or_house_then_the_name(nlp) -> None:
    text = (
        "HANOI — General Secretary of the Communist Party of Vietnam To Lam received the visiting Speaker "
        "of the House of Representatives (DPR) Puan Maharani on Friday. "
        "Lam thanked her for the visit."
    )
    found = people(nlp, text)
    assert found["To Lam"] == ("VNM", "General Secretary")  # "To" is a name here, not a preposition
    assert found["Puan Maharani"][1] == "Speaker of the House of Representatives"
    assert "Lam" not in found


def test_ranks_and_malay_honorifics_are_not_names(nlp) -> None:
    text = (
        "The accord was signed by Thai Interior Minister Pol. Gen. Anupong Paochinda and Malaysian "
        "Investment Minister Tengku Datuk Seri Utama Zafrul Abdul Aziz, with Speaker Tan Sri Johari Abdul "
        "looking on. "
        "Singapore's Minister Tan See Leng also attended."
    )
    found = people(nlp, text)
    assert found["Anupong Paochinda"][0] == "THA"
    assert found["Zafrul Abdul Aziz"][0] == "MYS"
    assert "Johari Abdul" in found
    assert not any(name.startswith(("Pol", "Gen", "Tan Sri")) for name in found)


def test_a_body_employs_its_country_director(nlp) -> None:
    text = "Andrea Coppola, the World Bank's country director for Indonesia, said growth would slow."
    found = people(nlp, text)
    assert found["Andrea Coppola"] == ("World Bank", "country director")


def test_times_committees_and_places_are_not_persons(nlp) -> None:
    text = (
        "Monday, 06 Jan 2025\n9:12 PM MYT\n"
        "KUALA LUMPUR: The two sides agreed to convene the General Border Committee (GBC) next month, "
        "and officials said the zone would bring investment well beyond Johor Baru."
    )
    found = people(nlp, text)
    assert not {"MYT", "Border", "Johor Baru"} & set(found)


def test_the_outlets_own_officials_are_the_unmarked_ones(nlp) -> None:
    # a Philippine report datelined Hanoi: only the Vietnamese officials carry a demonym
    text = (
        "HANOI – President Ferdinand Marcos Jr. and Vietnamese President Vo Van Thuong held talks on "
        "Tuesday on the Philippines-Vietnam Strategic Partnership. "
        "Vietnamese Deputy Minister Le Hoai Trung briefed reporters. "
        "Foreign Affairs Secretary Enrique Manalo said Manila and Hanoi would set up a hotline."
    )
    found = people(nlp, text, published="2024-01-30")
    assert found["Enrique Manalo"][0] == "PHL"
    assert found["Ferdinand Marcos Jr."][0] == "PHL"


def test_who_is_on_which_side(nlp) -> None:
    text = (
        "BEIJING — Chinese President Xi Jinping held talks with Indonesian President Prabowo Subianto on "
        "Saturday. On the same day, Chinese Premier Li Qiang and Wang Huning, chairman of the Chinese "
        "People's Political Consultative Conference, met with Prabowo separately. "
        "Prabowo, who arrived in Beijing on Friday for a state visit, also met Vice President Han Zheng "
        "and Foreign Minister Wang Yi, and invited Xi to visit Jakarta."
    )
    found = people(nlp, text, published="2024-11-09")
    assert found["Wang Huning"][0] == "CHN"  # one side with Li Qiang, who meet Prabowo together
    assert found["Han Zheng"][0] == "CHN"  # whom the visitor meets is of the state visited
    assert found["Wang Yi"][0] == "CHN"  # ... and so is the second of the persons he meets


def test_a_courtesy_call_puts_the_host_on_the_other_side(nlp) -> None:
    text = (
        "NEW DELHI — India and Thailand elevated ties to a strategic partnership on Thursday, as Thai Prime "
        "Minister Paetongtarn Shinawatra held talks with Prime Minister Narendra Modi in Bangkok. "
        "Earlier in the day, Mr. Modi called on King Maha Vajiralongkorn at the Grand Palace."
    )
    found = people(nlp, text, published="2025-04-04")
    assert found["Maha Vajiralongkorn"][0] == "THA"


def test_a_name_may_begin_with_a_word_that_ends_names_of_places(nlp) -> None:
    found = people(nlp, "Foreign Minister Park Jin held talks with his Vietnamese counterpart in Hanoi.")
    assert "Park Jin" in found  # "Park" ends "Central Park", but begins this name


def test_honorific_phrases_inside_a_tagger_entity(nlp) -> None:
    text = (
        "The agreement was signed by Dr. Rashid bin Saeed Al Mansoori, Minister of State, and Tengku Datuk "
        "Seri Utama Zafrul Abdul Aziz, Malaysia's Minister of Investment."
    )
    found = people(nlp, text)
    assert "Zafrul Abdul Aziz" in found and not any(name.startswith("Utama") for name in found)


def test_the_signers_of_an_exchanged_agreement_are_not_the_witnesses_other_side(nlp) -> None:
    text = (
        "ABU DHABI — UAE President Sheikh Mohamed bin Zayed and Malaysian Prime Minister Anwar Ibrahim "
        "witnessed the exchange of the agreement, which was signed by Dr. Thani bin Ahmed Al Zeyoudi, "
        "Minister of State for Foreign Trade, and Malaysia's Minister of Investment Zafrul Abdul Aziz."
    )
    found = people(nlp, text, published="2025-01-14")
    assert found["Thani bin Ahmed Al Zeyoudi"][0] == "ARE"


def test_the_future_reaches_every_conjunct_schedules_and_meals(nlp) -> None:
    # a coordination shares its first member's event; "is expected/scheduled/due to";
    # "a courtesy call on X"; "have dinner with X"
    text = (
        "Irish Foreign Minister Helen Doyle held talks with Maltese Foreign Minister Paul Vella in Valletta "
        "on Monday. On Tuesday a dinner will be hosted by Prime Minister Robert Abela and his deputies "
        "Chris Fearne and Ian Borg. Doyle is also scheduled to pay a courtesy call on President Myriam "
        "Spiteri Debono. Irish President Michael Higgins is expected to open the forum next week. "
        "She will have dinner with Archbishop Charles Scicluna."
    )
    found = people(nlp, text, published="2025-03-03")
    assert {"Helen Doyle", "Paul Vella"} <= set(found)
    for name in ("Robert Abela", "Chris Fearne", "Ian Borg", "Myriam Spiteri Debono", "Michael Higgins",
                 "Charles Scicluna"):
        assert name not in found, name


def test_a_past_visit_beside_a_schedule_keeps_the_person(nlp) -> None:
    text = (
        "Prime Minister Robert Abela received Irish Foreign Minister Helen Doyle in Valletta on Monday. "
        "Abela is due to travel to Dublin in May."
    )
    assert "Robert Abela" in people(nlp, text, published="2025-03-03")


def test_a_person_met_only_in_the_future_is_not_a_person_of_the_report(nlp) -> None:
    text = (
        "BANGKOK — Indian Prime Minister Narendra Modi held talks with Thai Prime Minister Paetongtarn "
        "Shinawatra on Thursday. Mr. Modi leaves for Sri Lanka on Friday, where he will hold talks with "
        "President Anura Kumara Dissanayake."
    )
    found = people(nlp, text, published="2025-04-04")
    assert "Anura Kumara Dissanayake" not in found and "Paetongtarn Shinawatra" in found


def test_a_state_in_a_title_is_no_mark_of_a_foreign_official(nlp) -> None:
    # a Vietnamese report datelined Beijing: the Chinese are marked, the Vietnamese leader's title
    # names his party, which is no demonym
    text = (
        "BEIJING — General Secretary of the Communist Party of Viet Nam To Lam held talks with Chinese "
        "Premier Li Qiang on Monday. Deputy Minister of Industry and Trade Nguyen Sinh Hung said trade "
        "would grow."
    )
    found = people(nlp, text, published="2024-08-20")
    assert found["Nguyen Sinh Hung"][0] == "VNM"


def test_a_pair_with_a_body_makes_no_one_an_official_of_the_body(nlp) -> None:
    text = (
        "MANILA — President Ferdinand Marcos Jr. held talks with Japanese Prime Minister Fumio Kishida. "
        "Marcos said he would attend the ASEAN-Japan Commemorative Summit in Tokyo."
    )
    found = people(nlp, text, published="2023-11-04")
    assert found["Ferdinand Marcos Jr."][0] == "PHL"


def test_the_demonym_leader_met_someone_of_another_state(nlp) -> None:
    text = (
        "CANBERRA — Prime Minister Pham Minh Chinh held talks with Australian Prime Minister Anthony "
        "Albanese on Thursday. The same day, the Vietnamese leader met Leader of the Opposition Peter "
        "Dutton."
    )
    found = people(nlp, text, published="2024-03-07")
    assert found["Peter Dutton"][0] == "AUS"


def test_particle_chains_burmese_honorifics_and_lower_case_titles(nlp) -> None:
    text = (
        "Chinh met President of the European Commission Ursula von der Leyen in Brussels. "
        "Myanmar's social welfare minister Daw Thet Thet Khine and foreign minister U Than Swe attended. "
        "Thai national police chief Pol Gen Kittirat Phanphet said police would share intelligence."
    )
    found = people(nlp, text, published="2025-04-04")
    assert found["Ursula von der Leyen"][0] == "EU"
    assert "Thet Thet Khine" in found
    assert found["Kittirat Phanphet"][0] == "THA"


def test_a_pronoun_in_a_relative_clause_is_its_antecedents(nlp) -> None:
    text = (
        "Havana (VNA) – Deputy Prime Minister Tran Luu Quang held talks with Cuban Deputy Prime Minister "
        "Ricardo Cabrisas. The same day, Quang paid a courtesy call on Prime Minister Manuel Marrero Cruz, "
        "who said the consensus reached during his official visit to Vietnam had borne fruit."
    )
    found = people(nlp, text, published="2024-04-16")
    assert found["Tran Luu Quang"][0] == "VNM"  # "his official visit to Vietnam" is Marrero's, not his


def test_a_role_nominal_keeps_its_holders_state_from_the_other_side(nlp) -> None:
    text = (
        "BANDAR SERI BEGAWAN — Sultan of Brunei Haji Hassanal Bolkiah held talks with Party General "
        "Secretary Nguyen Phu Trong in Brunei on Wednesday. Brunei and Viet Nam agreed to deepen ties. "
        "The same day, Prime Minister Nguyen Xuan Phuc met the Sultan."
    )
    found = people(nlp, text, published="2019-03-28")
    assert found["Nguyen Xuan Phuc"][0] == "VNM"


def test_the_demonym_leader_is_the_one_this_sentence_is_about(nlp) -> None:
    text = (
        "SINGAPORE — Vietnamese Prime Minister Pham Minh Chinh visited Singapore in 2023. "
        "General Secretary of the Communist Party of Viet Nam To Lam held talks with Singaporean Prime "
        "Minister Lawrence Wong on Wednesday. Earlier on Wednesday, Lam paid a courtesy call on President "
        "Tharman Shanmugaratnam, who welcomed the Vietnamese leader."
    )
    found = run(nlp, text, published="2025-03-12")
    pairs = {frozenset(p.name for p in m.participants) for m in found.meetings}
    assert frozenset({"To Lam", "Tharman Shanmugaratnam"}) in pairs
    assert frozenset({"To Lam", "Pham Minh Chinh"}) not in pairs


def test_a_full_stop_fused_to_a_name_is_not_part_of_it(nlp) -> None:
    text = ("Leaders attended the funeral in Hanoi on Saturday, including Lao President Bounnhang "
            "Vorachith and Cambodian Prime Minister Hun Sen.")
    names = set(people(nlp, text))
    assert "Hun Sen" in names and "Hun Sen." not in names


@pytest.mark.parametrize("text", [
    "The Ministers of Australia and Vietnam met in Canberra on Monday.",
    "Vietnamese Prime Minister Nguyen Xuan Phuc met Chairman of the State Duma Vyacheslav Volodin.",
])
def test_plural_titles_and_institutions_are_not_names(nlp, text: str) -> None:
    names = set(people(nlp, text))
    assert not any(n.split()[0] in {"Ministers", "Duma"} for n in names)


def test_the_head_of_a_states_delegation_serves_that_state(nlp) -> None:
    """person.delegation_head: funeral and summit lists name their guests so."""
    text = (
        "The day also saw delegations from Indonesia led by Minister of Agriculture Andi Amran "
        "Sulaiman; the Republic of Korea led by Prime Minister Han Duck Soo; Australia led by Senate "
        "President Sue Lines; Vanuatu, led by Attorney-General Arnold Kiel Loughman entered the hall."
    )
    found = people(nlp, text)
    expected = {"Andi Amran Sulaiman": "IDN", "Han Duck Soo": "KOR", "Sue Lines": "AUS",
                "Arnold Kiel Loughman": "VUT"}
    assert {name: found[name][0] for name in expected} == expected


def test_he_after_a_title_is_a_family_name(nlp) -> None:
    text = ("ISLAMABAD — The signing ceremony was witnessed by Prime Minister Shehbaz Sharif and the "
            "visiting Chinese Vice Premier He Lifeng.")
    assert people(nlp, text)["He Lifeng"][0] == "CHN"


def test_a_nominal_ending_a_fronted_phrase_is_no_apposition_of_the_subject(nlp) -> None:
    text = ("YEREVAN — Russian foreign minister Sergey Lavrov says he had talks with Armenian foreign "
            "minister Zohrab Mnatsakanyan in Moscow.\nDuring a joint press conference with the Armenian FM, "
            "Lavrov told reporters that the talks were good.")
    found = people(nlp, text, published="2018-06-07")
    assert found["Sergey Lavrov"][0] == "RUS" and found["Zohrab Mnatsakanyan"][0] == "ARM"


def test_a_state_after_the_name_joined_by_of_is_the_persons(nlp) -> None:
    """person.postposed_state; and initials the officials table spells out ("S Jaishankar")."""
    text = ("COLOMBO — External Affairs Minister S Jaishankar met FM Narayan Khadka of Nepal on the "
            "sidelines of the BIMSTEC Ministerial.")
    found = people(nlp, text, published="2022-03-29")
    assert found["Narayan Khadka"][0] == "NPL" and found["S Jaishankar"][0] == "IND"


def test_a_state_named_as_a_field_of_work_is_not_the_state_served(nlp) -> None:
    text = ("Li Wenhao, head of Russian studies at a Beijing university, said the talks between Chinese "
            "President Xi Jinping and Russian President Vladimir Putin had gone well.")
    found = people(nlp, text, published="2024-05-17")
    assert found["Li Wenhao"][0] != "RUS" and found["Li Wenhao"][1] == "head of Russian studies"


def test_good_to_meet_reports_a_meeting_and_a_known_nickname_is_the_same_person(nlp) -> None:
    text = ("NEW DELHI — External Affairs Minister S Jaishankar posted on X: “Good to meet FM Arzu Rana of "
            "Nepal on the sidelines of the ministerial.” Indonesian President Joko Widodo also spoke. "
            "President Jokowi said ties were strong.")
    found = people(nlp, text, published="2023-07-17")
    assert "Arzu Rana" in found
    assert "Joko Widodo" in found and "Jokowi" not in found


def test_no_state_where_none_leads_the_report(nlp) -> None:
    # a guest list of many states, each named once or twice, no dateline: the home guess is a coin toss
    text = ("The guests at the coronation were King Harald of Norway, Queen Margrethe of Denmark, "
            "Grand Duke Henri of Luxembourg and Prince Edvard Lindholm, who met the new king on Sunday.")
    found = people(nlp, text, published="2024-05-20")
    assert found["Edvard Lindholm"][0] is None


def test_lower_case_titles_after_a_possessive_state(nlp) -> None:
    text = ("Kuwait's crown prince Sheikh Salem Al-Mubarak received the envoy on Friday. Cuba's first "
            "vice-president Mario Ruiz met the delegation in Havana. Russia's chief of the general staff "
            "Valery Petrov met Chinese defence officials in Moscow.")
    found = people(nlp, text, published="2024-05-20")
    assert found["Salem Al-Mubarak"][0] == "KWT"
    assert found["Mario Ruiz"][0] == "CUB"
    assert found["Valery Petrov"][0] == "RUS"


def test_ma_with_a_stop_is_maria_not_a_person_and_ma_without_is_a_surname(nlp) -> None:
    text = ("MANILA — DFA Spokesperson and Ambassador Ma. Teresita Daza said Friday that the President "
            "met Chinese Vice Foreign Minister Ma Zhaoxu.")
    found = people(nlp, text, published="2023-01-06")
    assert "Ma" not in found and "Ma." not in found
    assert "Teresita Daza" in found and found["Ma Zhaoxu"][0] == "CHN"
