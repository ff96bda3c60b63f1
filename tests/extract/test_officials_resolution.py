"""Who serves which state, from the officials table (rule actor.knowledge):
neutral reports that qualify nobody ("X held talks with Y in Geneva on
Tuesday", a publication date, a dateline in a third state, no demonym beside
the names), each person resolved to the state they served on that date, with
`country_how` "knowledge". Through the real spaCy model and the whole
extraction stage."""

from __future__ import annotations

import pytest

from diplograph import clean, parse
from diplograph.actors.resolve import resolve_persons
from diplograph.extract import extract
from diplograph.extract.context import build_context
from diplograph.records import Report

#: (publication date, person A, A's state, person B, B's state): heads of
#: state and government, foreign ministers and heads of bodies of more than
#: 40 states and bodies, 2005-2025.
PAIRS = [
    ('2024-10-13', 'Pham Minh Chinh', 'VNM', 'Li Qiang', 'CHN'),
    ('2023-06-20', 'Narendra Modi', 'IND', 'Ranil Wickremesinghe', 'LKA'),
    ('2015-08-04', 'Federica Mogherini', 'EU', 'Nguyen Tan Dung', 'VNM'),
    ('2018-05-14', 'Vladimir Putin', 'RUS', 'Angela Merkel', 'DEU'),
    ('2022-08-01', 'Keith Rowley', 'TTO', 'Andrew Holness', 'JAM'),
    ('2014-03-11', 'Ollanta Humala', 'PER', 'Horacio Cartes', 'PRY'),
    ('2015-11-10', 'Benigno Aquino', 'PHL', 'Abe Shinzo', 'JPN'),
    ('2022-09-27', 'Kishida Fumio', 'JPN', 'Anthony Albanese', 'AUS'),
    ('2005-04-12', 'Hu Jintao', 'CHN', 'Junichiro Koizumi', 'JPN'),
    ('2008-06-10', 'Jose Manuel Barroso', 'EU', 'Luiz Inacio Lula da Silva', 'BRA'),
    ('2019-07-01', 'Moon Jae-in', 'KOR', 'Joko Widodo', 'IDN'),
    ('2011-08-08', 'Stephen Harper', 'CAN', 'Dilma Rousseff', 'BRA'),
    ('2021-03-01', 'Recep Tayyip Erdogan', 'TUR', 'Abdel Fattah el-Sisi', 'EGY'),
    ('2016-02-15', 'Barack Obama', 'USA', 'Prayut Chan-o-cha', 'THA'),
    ('2020-01-15', 'Cyril Ramaphosa', 'ZAF', 'Uhuru Kenyatta', 'KEN'),
    ('2007-05-01', 'Gordon Brown', 'GBR', 'Manmohan Singh', 'IND'),
    ('2013-10-10', 'Najib Razak', 'MYS', 'Lee Hsien Loong', 'SGP'),
    ('2019-09-01', 'Shavkat Mirziyoyev', 'UZB', 'Emomali Rahmon', 'TJK'),
    ('2018-03-01', 'Hun Sen', 'KHM', 'Thongloun Sisoulith', 'LAO'),
    ('2009-05-28', 'Ban Ki-moon', 'UN', 'Nguyen Minh Triet', 'VNM'),
    ('2024-02-01', 'Olaf Scholz', 'DEU', 'Emmanuel Macron', 'FRA'),
    ('2006-11-20', 'Jacques Chirac', 'FRA', 'Nguyen Tan Dung', 'VNM'),
    ('2022-05-01', 'Volodymyr Zelensky', 'UKR', 'Andrzej Duda', 'POL'),
    ('2016-09-06', 'Francois Hollande', 'FRA', 'Tran Dai Quang', 'VNM'),
    ('2025-02-27', 'Keir Starmer', 'GBR', 'Donald Trump', 'USA'),
    ('2014-06-01', 'Enrique Pena Nieto', 'MEX', 'Michelle Bachelet', 'CHL'),
    ('2018-11-01', 'Miguel Diaz-Canel', 'CUB', 'Nicolas Maduro', 'VEN'),
    ('2023-01-01', 'Paul Kagame', 'RWA', 'Yoweri Museveni', 'UGA'),
    ('2011-04-01', 'Mohamed Nasheed', 'MDV', 'Mahinda Rajapaksa', 'LKA'),
    ('2019-02-01', 'Jacinda Ardern', 'NZL', 'Scott Morrison', 'AUS'),
    ('2024-06-01', 'Antonio Guterres', 'UN', 'Kao Kim Hourn', 'ASEAN'),
    ('2020-10-01', 'Jair Bolsonaro', 'BRA', 'Alberto Fernandez', 'ARG'),
    ('2013-05-01', 'Nawaz Sharif', 'PAK', 'Pranab Mukherjee', 'IND'),
    ('2018-04-27', 'Kim Jong Un', 'PRK', 'Moon Jae-in', 'KOR'),
    ('2021-09-01', 'Sergey Lavrov', 'RUS', 'Wang Yi', 'CHN'),
]


def _resolved(nlp, text: str, published: str):
    report = Report("t", text, published=published)
    cleaned = clean.clean(report)
    [doc] = parse.parse([cleaned], nlp)
    ctx = build_context(cleaned, doc)
    return ctx, resolve_persons(ctx), cleaned, doc


def test_the_pairs_span_forty_states_and_bodies() -> None:
    assert len({s for row in PAIRS for s in (row[2], row[4])}) >= 40


@pytest.mark.parametrize(("published", "a", "state_a", "b", "state_b"), PAIRS, ids=lambda v: str(v)[:24])
def test_a_neutral_report_gives_each_official_their_state(nlp, published, a, state_a, b, state_b) -> None:
    text = f"GENEVA — {a} held talks with {b} in Geneva on Tuesday."
    _, index, _, _ = _resolved(nlp, text, published)
    got = {p.name: (p.country, p.country_how) for p in index.persons}
    assert got.get(a) == (state_a, "knowledge"), got
    assert got.get(b) == (state_b, "knowledge"), got


@pytest.mark.parametrize("row", PAIRS[:6], ids=lambda v: v[1])
def test_the_meeting_of_two_known_officials_carries_their_states(nlp, row) -> None:
    published, a, state_a, b, state_b = row
    _, _, cleaned, doc = _resolved(nlp, f"GENEVA — {a} held talks with {b} in Geneva on Tuesday.", published)
    [meeting] = extract(cleaned, doc).meetings
    assert {(p.name, p.country) for p in meeting.participants} == {(a, state_a), (b, state_b)}


@pytest.mark.parametrize(("a", "b"), [
    ("Phạm Minh Chính", "Li Qiang"),  # diacritics
    ("Pham Minh Chinh", "Li Qiang"),
    ("Fumio Kishida", "Anthony Albanese"),  # given name first
    ("Kishida Fumio", "Anthony Albanese"),  # family name first
])
def test_diacritics_and_name_order_find_the_same_official(nlp, a: str, b: str) -> None:
    published = "2024-10-13" if b == "Li Qiang" else "2022-09-27"
    _, index, _, _ = _resolved(nlp, f"GENEVA — {a} held talks with {b} in Geneva on Tuesday.", published)
    got = {p.name: p.country for p in index.persons}
    assert got[a] == ("VNM" if b == "Li Qiang" else "JPN")


def test_the_texts_own_word_wins_over_the_table(nlp) -> None:
    text = "GENEVA — Vietnamese Prime Minister Pham Minh Chinh held talks with Li Qiang on Tuesday."
    _, index, _, _ = _resolved(nlp, text, "2024-10-13")
    chinh = next(p for p in index.persons if p.name == "Pham Minh Chinh")
    assert (chinh.country, chinh.country_how) == ("VNM", "explicit")


def test_an_unknown_name_is_not_made_known(nlp) -> None:
    text = "GENEVA — Pham Minh Chinh held talks with Zorblax Quintavius in Geneva on Tuesday."
    _, index, _, _ = _resolved(nlp, text, "2024-10-13")
    other = next(p for p in index.persons if p.name == "Zorblax Quintavius")
    assert other.country_how != "knowledge"


def test_a_one_word_name_is_asked_as_a_family_name_on_the_date(nlp) -> None:
    text = "NEW DELHI — Jaishankar also met Marcelo Ebrard on Wednesday."
    _, index, _, _ = _resolved(nlp, text, "2023-03-01")
    got = {p.name: (p.country, p.country_how) for p in index.persons}
    assert got["Jaishankar"] == ("IND", "knowledge")


def test_without_a_publication_date_the_reports_year_decides_between_offices(nlp) -> None:
    # Mogherini served Italy (foreign minister, 2014) and then the EU (2014-2019)
    text = "GENEVA — Federica Mogherini held talks with Nguyen Tan Dung in Geneva on 4 August 2015."
    _, index, _, _ = _resolved(nlp, text, None)
    got = {p.name: p.country for p in index.persons}
    assert got["Federica Mogherini"] == "EU"
