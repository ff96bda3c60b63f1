"""Which state or body mentions can be parties (extract/local_pair.py), its
words read from data/parties.yaml: each list of that file is exercised through
the real spaCy model and the real report context."""

from __future__ import annotations

from diplograph import clean, parse
from diplograph.extract.context import build_context
from diplograph.extract.local_pair import party_mentions
from diplograph.records import Report


def parties(nlp, text: str, keep_modifiers: bool = False) -> list[str]:
    cleaned = clean.clean(Report("lp", text, published="2024-05-20"))
    [doc] = parse.parse([cleaned], nlp)
    context = build_context(cleaned, doc)
    return [m.entity.code for s in context.sentences for m in party_mentions(s, context.text, keep_modifiers)]


def test_a_body_named_as_a_modifier_is_no_party(nlp) -> None:
    # prefixes ("member" covers "members"), whole words, and hyphenated forms
    assert parties(nlp, "Vietnam met ASEAN members in June.") == ["VNM"]
    assert parties(nlp, "Vietnam praised the ASEAN-led architecture.") == ["VNM"]
    assert parties(nlp, "Vietnam, a key ASEAN economy, signed a deal with Japan.") == ["VNM", "JPN"]
    assert parties(nlp, "Vietnam signed a deal with ASEAN.") == ["VNM", "ASEAN"]
    assert parties(nlp, "Vietnam met ASEAN members in June.", keep_modifiers=True) == ["VNM", "ASEAN"]


def test_a_currency_an_instrument_name_and_a_place_are_no_parties(nlp) -> None:
    assert parties(nlp, "Trade with Vietnam reached 20 billion U.S. dollars.") == ["VNM"]
    upgraded = "Japan and Thailand upgraded the ASEAN-India Trade in Goods Agreement."
    assert parties(nlp, upgraded) == ["JPN", "THA"]
    assert parties(nlp, "Japan and Thailand held talks in Hanoi.") == ["JPN", "THA"]
