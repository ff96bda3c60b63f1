"""The plural-instrument rules (extract/document_groups.py, rules
`document.group.*`) on their own examples, kept in data beside the
vocabulary (data/examples/document_groups.yaml): each sentence must give
exactly its documents, and the silent ones none. Run through the real spaCy
model and the real documents stage."""

from __future__ import annotations

import re
from importlib.resources import files

import pytest
import yaml

from diplograph import clean, parse
from diplograph.extract.context import build_context
from diplograph.extract.document_groups import group_mentions
from diplograph.extract.documents import find_documents
from diplograph.records import Report

EXAMPLES = yaml.safe_load(
    files("diplograph.data").joinpath("examples/document_groups.yaml").read_text("utf-8")
)


def _context(nlp, text: str):
    report = Report("d", text, published="2024-05-20")
    cleaned = clean.clean(report)
    [doc] = parse.parse([cleaned], nlp)
    return build_context(cleaned, doc)


def _words(title: str) -> set[str]:
    stop = {"the", "a", "an", "of", "on", "in", "to", "for", "and"}
    return {w for w in re.findall(r"[a-z0-9]+", title.lower()) if w not in stop}


@pytest.mark.parametrize("example", EXAMPLES["fires"], ids=lambda e: e["text"][:50])
def test_a_group_rule_fires_on_its_examples(nlp, example) -> None:
    ctx = _context(nlp, example["text"])
    rules = {g.rule for sent in ctx.sentences for g in group_mentions(ctx.doc, ctx.text, sent)}
    assert example["rule"] in rules
    found = sorted((frozenset(_words(d.title)), d.status) for d in find_documents(ctx))
    expected = sorted((frozenset(_words(w)), status) for w, status in example["documents"])
    assert found == expected


@pytest.mark.parametrize("text", EXAMPLES["silent"], ids=lambda t: t[:50])
def test_no_group_record_where_the_rules_must_stay_silent(nlp, text: str) -> None:
    ctx = _context(nlp, text)
    groups = [g for sent in ctx.sentences for g in group_mentions(ctx.doc, ctx.text, sent)]
    documents = find_documents(ctx)
    assert not any(
        d.span.start >= 0
        and any(g.start <= d.span.end for g in groups)
        and _words(d.title) & {"agreements", "documents", "memoranda"}
        for d in documents
    )


def test_a_list_under_a_signing_lead_line_takes_its_status(nlp) -> None:
    text = (
        "Vietnam and Hungary held talks in Budapest on Monday.\n"
        "The following documents were signed:\n"
        "- Memorandum of Understanding on Cooperation in Agriculture\n"
        "- Agreement on Visa Exemption for Holders of Diplomatic Passports\n"
        "\nThe documents to be signed next year include:\n"
        "1. Agreement on Mutual Legal Assistance in Criminal Matters;\n"
        "2. MoU on health cooperation.\n"
    )
    found = {d.title: (d.status, set(d.parties)) for d in find_documents(_context(nlp, text))}
    assert found["Memorandum of Understanding on Cooperation in Agriculture"] == ("signed", {"VNM", "HUN"})
    assert found["Agreement on Visa Exemption for Holders of Diplomatic Passports"][0] == "signed"
    assert found["MoU on health cooperation"][0] == "planned"


def test_a_headline_group_gives_way_to_the_bodys_documents(nlp) -> None:
    text = (
        "Malaysia, Singapore sign agreements on economic zone\n"
        "Malaysia and Singapore signed an agreement on the Johor-Singapore Special Economic Zone on Monday."
    )
    titles = [d.title for d in find_documents(_context(nlp, text))]
    assert titles == ["agreement on the Johor-Singapore Special Economic Zone"]


def test_numbered_items_that_open_with_their_instrument_take_the_lists_status(nlp) -> None:
    text = (
        "Qatar and Pakistan held talks on Saturday.\n"
        "The details of the agreements signed are listed below:\n"
        "  1. MoU on the establishment of a Joint Working Group (JWG) on trade and investment signed "
        "by "
        "the Finance Minister and the Advisor on Commerce.\n"
        "  2. MoU for cooperation in the field of tourism between Qatar and Pakistan signed by the two "
        "ministers.\n"
    )
    found = [(d.title, d.status) for d in find_documents(_context(nlp, text))]
    assert len(found) == 2 and all(status == "signed" for _, status in found)


def test_a_meeting_that_resulted_in_a_counted_group_signs_it(nlp) -> None:
    text = (
        "Indonesia and China held a bilateral meeting in Beijing on Tuesday. The meeting resulted in "
        "seven agreements."
    )
    assert [(d.title, d.status) for d in find_documents(_context(nlp, text))] == [
        ("seven agreements", "signed")
    ]


def test_a_group_listed_after_an_aside_is_its_members(nlp) -> None:
    text = (
        "Indonesia and China held a bilateral meeting in Beijing on Tuesday.\n"
        "The meeting resulted in two agreements. As quoted from the Cabinet Secretariat release.\n"
        "The agreements include: MoU on Green Development, Protocol on Indonesian Pineapple Exports.\n"
    )
    titles = sorted(d.title for d in find_documents(_context(nlp, text)))
    assert titles == ["MoU on Green Development", "Protocol on Indonesian Pineapple Exports"]


@pytest.mark.parametrize(
    "text, titles",
    [
        # a count reached by the members told after it
        ("Kenya and Ethiopia signed three memoranda of understanding in Addis Ababa on Monday. "
         "A memorandum of understanding on water management was signed by the two water ministers. "
         "The health ministers signed an MoU on vaccine production. "
         "An MoU on tourism was also signed.",
         {"memorandum of understanding on water management", "MoU on vaccine production", "MoU on tourism"}),
        # uncounted ("a number of"): two or more members told
        ("Chile and Peru signed a number of important agreements during the visit. "
         "The foreign ministers signed an agreement on visa exemption. "
         "The trade ministers signed a memorandum of understanding on mining.",
         {"agreement on visa exemption", "memorandum of understanding on mining"}),
    ],
)
def test_a_group_whose_members_are_told_after_it_is_its_members(nlp, text: str, titles: set[str]) -> None:
    assert {d.title for d in find_documents(_context(nlp, text))} == titles


def test_a_group_with_more_than_it_names_stays_beside_them(nlp) -> None:
    text = ("Chile and Peru signed four agreements during the visit. "
            "The foreign ministers signed an agreement on visa exemption. "
            "The trade ministers signed a memorandum of understanding on mining.")
    titles = {d.title for d in find_documents(_context(nlp, text))}
    assert titles == {"four agreements", "agreement on visa exemption",
                      "memorandum of understanding on mining"}


def test_a_group_with_its_own_topic_is_not_the_documents_after_it(nlp) -> None:
    text = ("Chile and Peru signed two agreements on the construction of a border bridge. "
            "The foreign ministers signed an agreement on visa exemption. "
            "The trade ministers signed a memorandum of understanding on mining.")
    titles = {d.title for d in find_documents(_context(nlp, text))}
    assert "two agreements on the construction of a border bridge" in titles
