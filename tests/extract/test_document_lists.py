"""Instruments named one by one (GUIDELINES: a record each): a bulleted list
whose lead only opens it ("These include:") after the sentence that signs the
set, bullets glued to their dash, a line that is the title of an instrument
whose kind is no word the kinds know ("-Exchange of letters on ..."), and a
counted shared head ("Two MoUs, on A and B"). Whole reports through the real
model, since the lead line is a label the cleaner sets aside."""

from __future__ import annotations

from diplograph import clean, parse
from diplograph.extract import extract
from diplograph.records import Report


def documents(nlp, text: str):
    report = Report("d", text, published="2024-05-20")
    cleaned = clean.clean(report)
    [doc] = parse.parse([cleaned], nlp)
    return extract(cleaned, doc).documents


LIST = """Ghana and Togo sign four documents

ACCRA, May 20 -- The foreign ministers of Ghana and Togo signed four documents in Accra on Monday.

These include:

-Memorandum of Understanding on Cross-Border Trade,

-Agreement between the two Governments on the Avoidance of Double Taxation,

-Exchange of letters on the Aflao road project and

-Protocol on Joint Border Patrols respectively.
"""


def test_a_list_opened_after_a_signed_set_is_its_members_and_the_group_goes(nlp) -> None:
    found = documents(nlp, LIST)
    titles = {d.title: d for d in found}
    assert set(titles) == {
        "Memorandum of Understanding on Cross-Border Trade",
        "Agreement between the two Governments on the Avoidance of Double Taxation",
        "Exchange of letters on the Aflao road project",
        "Protocol on Joint Border Patrols",
    }
    assert all(d.status == "signed" and set(d.parties) == {"GHA", "TGO"} for d in found)
    assert any("document.list_after_set" in d.rules for d in found)


def test_a_list_no_signing_opens_gives_nothing(nlp) -> None:
    text = LIST.replace("sign four documents", "discuss trade").replace(
        "signed four documents", "discussed four areas of cooperation"
    )
    assert documents(nlp, text) == []


def test_a_counted_head_shared_by_its_topics_is_a_record_each(nlp) -> None:
    text = ("Two memorandums of understanding, on political consultations and on consular cooperation, "
            "were signed by the foreign ministers of Portugal and Morocco in Rabat on Thursday.")
    found = documents(nlp, text)
    assert sorted(d.title for d in found) == [
        "memorandum of understanding on consular cooperation",
        "memorandum of understanding on political consultations",
    ]
    # more topics than the count, or fewer: the group stays one record
    found = documents(nlp, text.replace("Two memorandums", "Four memorandums"))
    assert [d.title for d in found] == ["Four memorandums of understanding"]
