"""PLOVER events from sentences written for these tests."""

from __future__ import annotations

from diplograph import clean, parse
from diplograph.extract import extract
from diplograph.records import Report


def events(nlp, text: str, published: str = "2025-10-27"):
    report = Report("t", text, published=published)
    cleaned = clean.clean(report)
    [doc] = parse.parse([cleaned], nlp)
    found = extract(cleaned, doc).events
    for e in found:
        assert report.text[e.span.start : e.span.end] == e.evidence
    return found


def test_a_meeting_is_consult_with_its_mode(nlp) -> None:
    text = (
        "Vietnamese Prime Minister Pham Minh Chinh held phone talks with Japanese Prime Minister Ishiba "
        "Shigeru on Monday."
    )
    consult = [e for e in events(nlp, text) if e.type == "CONSULT"]
    assert len(consult) == 1
    assert consult[0].mode == "phone"
    assert set(consult[0].actor + consult[0].recipient) == {"VNM", "JPN"}
    assert consult[0].date.value == "2025-10-27"


def test_requests_support_and_agreement_between_actors(nlp) -> None:
    text = (
        "Vietnamese Prime Minister Pham Minh Chinh met Thai Prime Minister Anutin Charnvirakul in Kuala "
        "Lumpur.\n"
        "Chinh urged Thailand to open its market to Vietnamese fruit.\n"
        "Anutin thanked Vietnam for its support.\n"
        "The two sides agreed to raise trade between Vietnam and Thailand."
    )
    found = {(e.type, tuple(e.actor), tuple(e.recipient)) for e in events(nlp, text)}
    assert ("REQUEST", ("VNM",), ("THA",)) in found
    assert ("SUPPORT", ("THA",), ("VNM",)) in found
    assert any(
        kind == "AGREE" and set(actor + recipient) == {"VNM", "THA"} for kind, actor, recipient in found
    )


def test_a_negated_verb_is_not_coded_as_happened(nlp) -> None:
    text = "Malaysian Prime Minister Anwar Ibrahim did not support the Philippine proposal."
    support = [e for e in events(nlp, text) if e.type == "SUPPORT"]
    assert support and all(e.negated and "negation" in e.context for e in support)


def test_a_meeting_in_one_sides_territory_is_the_others_visit_to_it(nlp) -> None:
    """The codebook's CONSULT sides: held in the host's capital, the meeting
    is the guest's visit (actor) to the host (recipient); held elsewhere,
    both sides act and none receives."""
    hosted = events(nlp, "Prime Minister Narendra Modi held talks with Bangladeshi Prime Minister "
                         "Sheikh Hasina at Hyderabad House in New Delhi on Saturday.")
    assert [(e.actor, e.recipient) for e in hosted if e.type == "CONSULT"] == [(["BGD"], ["IND"])]
    elsewhere = events(nlp, "Indian Prime Minister Narendra Modi held talks with Bangladeshi Prime Minister "
                            "Sheikh Hasina in Geneva on Saturday.")
    consult = [e for e in elsewhere if e.type == "CONSULT"]
    assert len(consult) == 1 and sorted(consult[0].actor) == ["BGD", "IND"] and consult[0].recipient == []


def test_a_reported_must_is_a_request_of_the_clauses_subject(nlp) -> None:
    """REQUEST from the speaker to the subject of a reported must/should
    clause; silent in the report's own voice and for a first-person subject."""
    found = events(nlp, "Egyptian authorities must immediately release the detained journalists, "
                        "the European Union said on Monday.")
    assert [(e.actor, e.recipient, e.rule) for e in found if e.type == "REQUEST"] == [
        (["EU"], ["EGY"], "event.request.deontic")]
    own_voice = events(nlp, "Egyptian authorities must immediately release the detained journalists.")
    assert not [e for e in own_voice if e.rule == "event.request.deontic"]
    resolve = events(nlp, "We must release the detained journalists, the Egyptian minister said on Monday.")
    assert not [e for e in resolve if e.rule == "event.request.deontic"]


def test_an_agency_named_without_its_state_acts_for_it(nlp) -> None:
    found = events(nlp, "The Office of Foreign Assets Control sanctioned six Nicaraguan officials on Monday.")
    assert [(e.actor, e.recipient) for e in found if e.type == "SANCTION"] == [(["USA"], ["NIC"])]


def test_a_group_of_people_is_coded_with_its_state_not_as_the_state(nlp) -> None:
    """Rule event.actor.substate: "Pakistani journalists" are PAK:journalists,
    not Pakistan; a state's own organ ("Pakistani police") is the state; a
    named armed group is coded with its home state whatever the sentence names."""
    found = events(nlp, "Pakistani police arrested three journalists in Karachi.")
    coerce = [e for e in found if e.type == "COERCE"]
    assert [(e.actor, e.recipient) for e in coerce] == [(["PAK"], ["PAK:journalists"])]
    found = events(nlp, "The Taliban released two Pakistani prisoners on Friday.")
    retreat = [e for e in found if e.type == "RETREAT"]
    assert retreat and retreat[0].actor == ["AFG:taliban"]
    assert "PAK" not in retreat[0].recipient


def test_police_with_no_state_named_are_the_state_named_just_before(nlp) -> None:
    """Rule event.actor.home: "Police detained several demonstrators" after a
    sentence set in Dhaka is Bangladesh's police detaining its protesters."""
    text = ("Clashes broke out in downtown Dhaka on Thursday.\n"
            "Police detained several demonstrators, witnesses said.")
    coerce = [e for e in events(nlp, text) if e.type == "COERCE"]
    assert [(e.actor, e.recipient) for e in coerce] == [(["BGD"], ["BGD:protesters"])]


def test_an_office_or_a_document_is_no_actor(nlp) -> None:
    """Rule event.actor.named: the tagger's "Ministers of Foreign Affairs" or
    "MoUs" is no named group; the event stands with its actor unknown."""
    found = events(nlp, "The Ministers of Foreign Affairs welcomed the agreement.")
    support = [e for e in found if e.type == "SUPPORT"]
    assert support and all(not any("Minister" in a for a in e.actor) for e in support)


def test_each_verb_clause_is_an_event_of_its_own(nlp) -> None:
    # the codebook: one event per event clause, even with the same type and sides (rule event.clause.each)
    text = "Kuwaiti police arrested and deported twelve Egyptian workers on Monday."
    coerce = [e for e in events(nlp, text) if e.type == "COERCE" and not e.negated]
    assert sorted(e.mode for e in coerce) == ["arrest", "deport"]
    # one clause told twice (a verb and the same act as its noun) stays one event
    text = "Japan extended a loan of $2 billion to Vietnam."
    assert len([e for e in events(nlp, text) if e.type == "AID"]) == 1


def test_talks_between_two_sides_are_one_consult(nlp) -> None:
    text = "A telephone conversation was held between the foreign ministers of Egypt and Jordan on Sunday."
    consult = [e for e in events(nlp, text) if e.type == "CONSULT"]
    assert len(consult) == 1 and set(consult[0].actor) == {"EGY", "JOR"} and consult[0].recipient == []
    assert consult[0].mode == "phone" and consult[0].rule == "event.consult.encounter"


def test_a_place_a_body_is_based_in_is_no_party(nlp) -> None:
    # rule event.actor.based: "<place>-based" says where, not who
    text = "The London-based group Amnesty International called on Egypt to free the activists."
    found = [e for e in events(nlp, text) if e.type == "REQUEST"]
    assert found and all("GBR" not in e.actor for e in found)
    assert found[0].recipient == ["EGY"]
