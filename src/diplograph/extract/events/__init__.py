"""PLOVER events: who did what to whom, when, where, from each sentence.

    records.py   CONSULT from each meeting, SUPPORT/AGREE from each document
    clauses.py   event clauses: trigger by lemma, class, mode, whether it happened
    participants.py  actor and recipient: states and bodies, asides left out
    vocabulary.py    data/events/triggers.yaml (the PLOVER codebook's words)

Why on top of the other records: a meeting is a CONSULT event and a signed
document a SUPPORT event, so those come from the records already extracted
(one event per record). Everything else the report states between actors
comes from the clauses of its sentences, one event per event clause. A
negated or hypothetical event is kept, marked (`negated`, `hypothetical`,
and its `context`), so a user sees what was denied; the store leaves it out.
Compound and reciprocal actors follow the codebook: "the two sides agreed"
is one event with both as actor and no recipient.
"""

from __future__ import annotations

from functools import lru_cache, partial

from diplograph.extract.context import ReportContext, Sentence
from diplograph.extract.events.clauses import (
    Clause,
    content_mode,
    noun_clauses,
    object_lemmas,
    status,
    verb_clauses,
)
from diplograph.extract.events.deontic import deontic_requests
from diplograph.extract.events.encounters import encounter_events
from diplograph.extract.events.groups import as_protesters, groups, substate
from diplograph.extract.events.lemmas import lemma
from diplograph.extract.events.participants import (
    codes_at,
    codes_in,
    group_names,
    home_state,
    is_pronoun,
    new_report,
    phrase_tokens,
    sentence_codes,
    sentence_places,
)
from diplograph.extract.events.protests import embedded_arrests, embedded_protests
from diplograph.extract.events.records import record_events, sides_at
from diplograph.extract.events.threats import consequence, consequence_threats
from diplograph.extract.events.vocabulary import Vocabulary, vocabulary
from diplograph.extract.rules import declare
from diplograph.extract.syntax import agent_of
from diplograph.extract.syntax import controlled_subject as subject_of
from diplograph.plover import codebook, contexts
from diplograph.records import Event, Extraction

__all__ = ["find_events"]

declare("event.actor.attacker", "An attack whose clause names no actor: the state the sentence's attack word "
        "names before it or in its \"by\" phrase (\"killed in Russian shelling\").",
        "data/events/triggers.yaml")
declare("event.actor.joint", "A joint act's partners in a \"with\" phrase are actors with its subject, no "
        "recipient (\"began naval exercises with Japan and India\").", "data/events/triggers.yaml")
declare("event.recipient.deep", "Where a trigger's own objects name no state, the state a to/for/with/"
        "against phrase names deeper in its clause (\"offered assistance and help to India\"); \"in\" too "
        "for aid and requests (\"the release of journalists detained in Belarus\"); not into a clause of "
        "another subject.", "data/events/triggers.yaml")
declare("event.clause.each", "Each verb clause is an event of its own, even with the same type and sides as "
        "another of its sentence (\"opened fire on residents, killing several people\": two ASSAULT).",
        "data/events/triggers.yaml")
declare("event.actor.from", "A request, offer, apology, warning or aid told as a noun takes its actor "
        "from its \"from\" phrase as from a \"by\" one (\"a request from the Burmese government\"); a noun "
        "event begun or completed (\"commenced their withdrawal\") happened (data/events/triggers.yaml "
        "from_actor, doing).",
        "data/events/triggers.yaml")
declare("event.recipient.purpose", "Where a show of force names no one it is aimed at, the object of its "
        "purpose clause (\"fired tear gas to disperse thousands of demonstrators\").",
        "data/events/triggers.yaml")
declare("event.recipient.sentence", "Where a clause of aid, a promise or a request names no recipient, "
        "the one state the sentence names besides the actor (\"pledged eight million dollars in aid, "
        "shortly before Pakistani President Zardari travelled to London\": Pakistan); none where it "
        "names two or more, nor for a joint actor (data/events/triggers.yaml recipients.sentence).",
        "data/events/triggers.yaml")

#: Dependencies of a trigger's children that name no recipient (mechanics of the parse).
_NOT_RECIPIENT = frozenset({"nsubj", "nsubjpass", "aux", "auxpass", "neg", "punct", "cc", "conj", "mark",
                            "advmod", "agent", "poss", "appos", "relcl", "acl", "parataxis", "advcl", "det",
                            "amod", "compound"})


def _phrase(tok) -> str:
    return tok.doc[tok.left_edge.i : tok.right_edge.i + 1].text.lower()


def _location(sent: Sentence, tok) -> str | None:
    """A place the clause names with "in"/"at" ("in Geneva")."""
    for ent in sent.ents:
        if ent.label_ not in ("GPE", "LOC", "FAC"):
            continue
        root = ent.root
        if root.dep_ == "pobj" and root.head.lower_ in ("in", "at") and root.head.head.i == tok.i:
            return ent.text
    return None


def _possessor_skip(subject, vocab: Vocabulary) -> set[int]:
    """The possessor of a subject that names an act, not an agent ("PM
    Chinh's call ... offered"): it gives no actor."""
    if subject.pos_ != "NOUN" or lemma(subject) not in vocab.not_agents:
        return set()
    out: set[int] = set()
    for c in subject.children:
        if c.dep_ == "poss":
            out |= phrase_tokens(c)
    return out


def _participants(
    ctx: ReportContext, sent: Sentence, clause: Clause, sides: list[str], single: bool, vocab: Vocabulary
) -> tuple[list[str], list[str]]:
    """The clause's actor and recipient codes: from the trigger's own phrase
    (a noun's possessor or "by", a verb's subject or passive agent), else
    from whoever the sentence makes act (`_unstated_actor`); the recipient
    from the trigger's objects (`_recipients`)."""
    if clause.trigger.pos_ == "NOUN":
        actor, skip = _noun_actor(ctx, sent, clause.trigger, clause.kind)
        patient: list[str] = []
        subject = None
    else:
        actor, patient, skip, subject = _verb_sides(ctx, sent, clause, sides, single, vocab)
    if not actor:
        actor, subject = _unstated_actor(ctx, sent, clause, subject, vocab)
    recipient = [c for c in patient if c not in actor]
    if not actor and clause.kind in vocab.place_actors:
        # "protesters in Manila": civilians of the state where they protest
        actor = _place_codes(ctx, sent, clause.trigger)
    if not actor and clause.kind in vocab.attack_actors:
        actor = _attacker(ctx, sent, recipient, vocab)
    if not actor and clause.kind in vocab.state_actors and _agentless_passive(clause.trigger):
        actor = home_state(ctx, sent)  # "hundreds were arrested": the authorities (event.actor.home)
    return actor, _recipients(ctx, sent, clause, actor, recipient, skip, sides, single)


def _attacker(ctx: ReportContext, sent: Sentence, recipient: list[str], vocab: Vocabulary) -> list[str]:
    """Who attacked, where the clause names no one: the state that the
    sentence's attack word names, before it or in its "by" phrase ("killed
    in Russian shelling", "as a result of shelling by Russian troops", "a
    US drone strike") (rule event.actor.attacker)."""
    tokens = sent.span
    for t in tokens:
        if lemma(t) not in vocab.attack_words and t.lower_ not in vocab.attack_words:
            continue
        before = {t.i - 1, t.i - 2}
        by = t.i + 1 < tokens.end and t.doc[t.i + 1].lower_ == "by"
        after = {t.i + 1 + k for k in range(4)} if by else set()
        found = [c for c in codes_at(ctx, sent, before | after) if c not in recipient]
        if found:
            return found[:1]
    return []


def _with_partners(ctx: ReportContext, sent: Sentence, tok, recipient: list[str]) -> bool:
    """Whether the recipients are the act's partners in a "with" phrase
    ("began naval exercises with Japan and India"): a joint act, all actors
    (the codebook's COOPERATE; rule event.actor.joint)."""
    if not object_lemmas(tok) & vocabulary().joint_objects:
        return False
    for t in tok.subtree:
        if t.dep_ == "prep" and t.lower_ == "with" and set(codes_in(ctx, sent, t)) & set(recipient):
            return True
    return False


def _agentless_passive(tok) -> bool:
    if tok.pos_ != "VERB":
        return False
    _, passive = subject_of(tok)
    return passive and agent_of(tok) is None


def vocab_from() -> frozenset[str]:
    return vocabulary().from_actor


def _noun_actor(ctx: ReportContext, sent: Sentence, tok, kind: str = "") -> tuple[list[str], set[int]]:
    """A noun trigger's actor: its possessor ("China's protest"), its "by"
    phrase (for a request, offer, apology ... its "from" phrase too: "a
    request from the Burmese government", rule event.actor.from), or a state
    adjective ("Russian shelling", "a US drone strike")."""
    actor: list[str] = []
    skip: set[int] = set()
    for c in tok.children:
        if c.dep_ == "poss":
            actor = codes_in(ctx, sent, c) or group_names(sent, c, ctx=ctx)
            skip |= phrase_tokens(c)
        elif c.dep_ == "prep" and (c.lower_ == "by" or c.lower_ == "from" and kind in vocab_from()):
            actor = actor or codes_in(ctx, sent, c) or group_names(sent, c, ctx=ctx)
            skip |= phrase_tokens(c)
        elif c.dep_ in ("amod", "compound") and not actor:
            actor = codes_in(ctx, sent, c)
            if actor:
                skip |= phrase_tokens(c)
    return actor, skip


def _verb_sides(
    ctx: ReportContext, sent: Sentence, clause: Clause, sides: list[str], single: bool, vocab: Vocabulary
) -> tuple[list[str], list[str], set[int], object]:
    """A verb trigger's actor, patient, the tokens they take, and its subject."""
    tok = clause.trigger
    subject, passive = subject_of(tok)
    governing = tok.head.head.head
    if subject is None and tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and governing.pos_ == "VERB":
        subject, passive = subject_of(governing)  # "X took the step of expelling": X expelled
    if passive:
        actor, patient, skip = _passive_sides(ctx, sent, tok, subject, vocab)
        if not actor and clause.kind in vocab.passive_subject_acts:
            actor, patient = _owner_sides(ctx, sent, subject, patient)
        return actor, patient, skip, subject
    if subject is None:
        return [], [], set(), None
    if subject.pos_ in ("NOUN", "VERB") and (lemma(subject) in vocab.nouns or subject.lower_ in vocab.nouns):
        # "Russian shelling of Kharkiv killed five": the act's own actor, not what it hit
        actor, skip = _noun_actor(ctx, sent, subject)
        return actor, [], set(skip) | phrase_tokens(subject), subject
    return _subject_actor(ctx, sent, subject, sides, single, vocab), [], phrase_tokens(subject), subject


def _owner_sides(ctx: ReportContext, sent: Sentence, subject,
                 patient: list[str]) -> tuple[list[str], list[str]]:
    """A passive whose subject's owner acts ("Turkey's ambassador has been
    recalled", "American military aid to Egypt has been halted"): the owner
    (possessor or state adjective) is the actor, the rest of the subject the
    recipient; without an owner, the whole subject acts."""
    if subject is None:
        return patient, []
    owner: list[str] = []
    for c in subject.children:
        if c.dep_ in ("poss", "amod", "compound"):
            owner += [code for code in codes_in(ctx, sent, c) if code not in owner]
    if not owner:
        return patient, []
    return owner, [c for c in patient if c not in owner]


def _passive_sides(ctx: ReportContext, sent: Sentence, tok, subject, vocab: Vocabulary):
    """A passive's agent acts ("was attacked by X"; "by police": the state of
    the place) and its subject is acted on."""
    actor: list[str] = []
    patient: list[str] = []
    skip: set[int] = set()
    agent = _shared_agent(tok)
    if agent is not None:
        actor = (substate(agent, _home(ctx, sent, tok)) or codes_in(ctx, sent, agent)
                 or group_names(sent, agent, ctx=ctx))
        if not actor and lemma(agent) in vocab.domestic:
            actor = _place_codes(ctx, sent, tok) or home_state(ctx, sent)
    if subject is not None:
        patient = substate(subject, _home(ctx, sent, tok)) or codes_in(ctx, sent, subject)
        if not patient and lemma(subject) in vocab.domestic:
            patient = _home(ctx, sent, tok)(subject)  # "twelve soldiers were killed": the state's
        skip |= phrase_tokens(subject)
    if agent is not None:
        skip |= phrase_tokens(agent.head)
    return actor, patient, skip


def _shared_agent(tok):
    """A passive's "by" phrase: its own, a conjoined passive's ("were killed
    and injured by gunmen"), or that of the attack it happened in ("killed
    in air strikes by Pakistani jets")."""
    agent = agent_of(tok)
    if agent is not None:
        return agent
    if tok.dep_ == "conj" and agent_of(tok.head) is not None:
        return agent_of(tok.head)
    for other in (c for c in tok.children if c.dep_ == "conj"):
        # "were killed and several others injured by gunmen" (the parser: "others" conj, "injured" acl)
        for t in other.subtree:
            if t.dep_ == "agent" and t.head.pos_ == "VERB" and not any(
                    c.dep_ == "nsubj" for c in t.head.children):
                return _pobj_of(t)
    return _attack_agent(tok)


def _attack_agent(tok):
    """The "by" phrase of the attack a passive happened in."""
    nouns = vocabulary().nouns
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "during"):
            continue
        words = list(prep.subtree)
        if any(t.pos_ == "NOUN" and (lemma(t) in nouns or t.lower_ in nouns) for t in words):
            for by in words:  # "in a series of air strikes by Pakistani jets"
                if by.dep_ == "prep" and by.lower_ == "by":
                    return _pobj_of(by)
    return None


def _subject_actor(ctx: ReportContext, sent: Sentence, subject, sides: list[str], single: bool,
                   vocab: Vocabulary) -> list[str]:
    """An active verb's subject's codes; "the two sides" and "they" stand for
    the sentence's sides."""
    actor = substate(subject, _home(ctx, sent, subject)) or codes_in(
        ctx, sent, subject, _possessor_skip(subject, vocab))
    if actor:
        return actor
    words = _phrase(subject)
    phrases = (*vocab.side_phrases, *vocab.side_bare)
    if subject.lower_ in vocab.side_heads and any(s in words for s in phrases):
        return list(sides)
    if is_pronoun(subject) and subject.lower_ in ("they",) and len(sides) > 1:
        return list(sides) if not single else []
    return []


def _unstated_actor(ctx: ReportContext, sent: Sentence, clause: Clause, subject, vocab: Vocabulary):
    """Who acts when the trigger's own phrase names no code: the speaker of
    "..., the ministry said"; the state that "police" or "the Prime Minister"
    serve; a named group ("Hamas said"). Returns (actor, subject)."""
    actor: list[str] = []
    if clause.attributed is not None and (subject is None or is_pronoun(subject)):
        speaker, passive = subject_of(clause.attributed)
        if passive:  # "sanctions against Iran were announced by Washington": the agent, not the act
            speaker = agent_of(clause.attributed)
        if speaker is not None and speaker.i != clause.trigger.i:
            actor = codes_in(ctx, sent, speaker)
            subject = subject or speaker
    if not actor and subject is not None and subject.dep_ != "nsubjpass" and lemma(subject) in vocab.domestic:
        actor = (_place_codes(ctx, sent, clause.trigger) or _place_codes(ctx, sent, subject)
                 or home_state(ctx, sent))
    if not actor and subject is not None:
        actor = group_names(sent, subject, ctx=ctx)
    return actor, subject


def _recipients(ctx: ReportContext, sent: Sentence, clause: Clause, actor: list[str], recipient: list[str],
                skip: set[int], sides: list[str], single: bool) -> list[str]:
    """The recipient: the addressee first ("warned NATO against any attack on
    Belarus": NATO), what the act is about only where no addressee is named;
    the host of a visit, the place of a show of force or of aid delivered
    ("drills around Taiwan", "aid to victims in Turkey"); a named group acted
    on; else the other side of the sentence's encounter."""
    children = [c for c in clause.trigger.children if c.i not in skip and c.dep_ not in _NOT_RECIPIENT]
    _addressed(ctx, sent, clause, children, actor, recipient, skip)
    if not recipient:  # "freed Taliban prisoners", "attacked Hamas"; "threw stones at police"
        recipient += _group_recipients(ctx, sent, children, actor, skip)
    if not recipient:  # "fired tear gas to disperse thousands of demonstrators"
        recipient += _purpose_recipients(ctx, sent, clause.trigger, actor)
    if not recipient and clause.kind in vocabulary().deep_recipients:
        recipient += _deep_recipient(ctx, sent, clause, actor, skip)
    if not recipient and len(actor) == 1 and not single:
        recipient = [p for p in sides if p not in actor][:1] if _mentions_sides(sent) else []
    if not recipient and len(actor) == 1 and clause.kind in vocabulary().sentence_recipients:
        recipient = _other_state(ctx, sent, actor)
    return recipient


def _other_state(ctx: ReportContext, sent: Sentence, actor: list[str]) -> list[str]:
    """The one state the sentence names besides the actor, where the clause
    names no recipient (rule event.recipient.sentence): "pledged eight
    million dollars in aid, shortly before Pakistani President Zardari ...";
    none where it names two or more, nor for a joint act (the codebook: a
    compound actor, no recipient: "both leaders agreed to ...")."""
    others = [c for c in sentence_codes(ctx, sent) if c not in actor and ":" not in c]
    return others if len(others) == 1 else []


def _group_recipients(ctx: ReportContext, sent: Sentence, children: list, actor: list[str],
                      skip: set[int]) -> list[str]:
    """A coded group acted on (only coded: a bare name there is most often a
    place, "the villages of ..."); else a state organ acted on, the state
    (event.actor.home)."""
    out: list[str] = []
    for c in children:
        if c.dep_ in ("dobj", "dative", "prep"):
            named = [g for g in group_names(sent, c, skip, ctx=ctx) if ":" in g]
            out += [g for g in named if g not in out and g not in actor]
    if out:
        return out
    for c in children:
        head = _pobj_of(c) if c.dep_ == "prep" else c
        if c.dep_ in ("dobj", "prep") and head is not None and lemma(head) in vocabulary().domestic:
            return [code for code in home_state(ctx, sent) if code not in actor]
    return []


def _purpose_recipients(ctx: ReportContext, sent: Sentence, tok, actor: list[str]) -> list[str]:
    """Whom a show of force is aimed at, told by its purpose clause ("fired
    tear gas to disperse thousands of demonstrators": the demonstrators;
    rule event.recipient.purpose, data/events/triggers.yaml purpose_verbs)."""
    home = _home(ctx, sent, tok)
    for c in tok.children:
        if c.dep_ not in ("advcl", "xcomp") or lemma(c) not in vocabulary().purpose_verbs:
            continue
        for obj in c.children:
            if obj.dep_ == "dobj":
                return [g for g in substate(obj, home) or codes_in(ctx, sent, obj) if g not in actor]
    return []


_RELATIVES = frozenset({"who", "which", "that", "whom"})


def phrase_places(tok) -> set[int]:
    """The tokens of the "in"/"at" phrases inside a phrase ("a ceasefire in Gaza"):
    a place there is where, not whom."""
    out: set[int] = set()
    for t in tok.subtree:
        if t.dep_ == "prep" and t.lower_ in ("in", "at") and t.i != tok.i:
            out |= {x.i for x in t.subtree}
    return out


def _deep_recipient(ctx: ReportContext, sent: Sentence, clause: Clause, actor: list[str],
                    skip: set[int]) -> list[str]:
    """The state a prepositional phrase further down the clause names, where
    the trigger's own objects name none (rule event.recipient.deep): "offered
    assistance and help to India" (the parser hangs "to India" on "help"),
    "demanded the release of demonstrators arrested in Russia", "announced
    $30 million to help victims in Pakistan". Not into a clause with a
    subject of its own ("... and Japan sent troops to Iraq")."""
    vocab = vocabulary()
    preps = vocab.deep_preps.get(clause.kind) or vocab.deep_preps.get("*") or frozenset()
    stack = [c for c in clause.trigger.children if c.dep_ not in ("nsubj", "nsubjpass", "punct")]
    seen = 0
    while stack and seen < 60:
        cur = stack.pop(0)
        seen += 1
        if cur.i in skip or cur.pos_ == "VERB" and any(
                c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in _RELATIVES for c in cur.children):
            continue
        if cur.dep_ == "pobj" and cur.head.lower_ in preps:
            places = cur.head.lower_ == "in"  # "victims in Pakistan"; not "to a ceasefire in Gaza"
            found = [c for c in codes_in(ctx, sent, cur, skip | phrase_places(cur), places=places)
                     if c not in actor]
            if found:
                return found
        stack.extend(cur.children)
    return []


def _acts_on(tok) -> bool:
    """Whether a verb acts on someone it names, coded or not ("threw stones at
    police", "opened fire on residents of the villages of ...")."""
    return tok.pos_ == "VERB" and any(
        c.dep_ == "dobj" or c.dep_ == "prep" and _pobj_of(c) is not None for c in tok.children)


def _pobj_of(tok):
    return next((c for c in tok.children if c.dep_ == "pobj"), None)


def _addressed(ctx: ReportContext, sent: Sentence, clause: Clause, children: list, actor: list[str],
               recipient: list[str], skip: set[int]) -> None:
    """Add to `recipient` the codes of the trigger's objects, else of any of
    its other children (places count for visits, shows of force and aid)."""
    places = clause.kind == "CONSULT" and clause.mode == "visit" or clause.kind in ("MOBILIZE", "AID")
    home = _home(ctx, sent, clause.trigger)
    for group in ([c for c in children if c.dep_ in ("dobj", "dative")], children):
        for c in group:
            for code in substate(c, home) or codes_in(ctx, sent, c, skip, places=places):
                if code not in recipient and code not in actor:
                    recipient.append(code)
        if recipient:
            return


def _home(ctx: ReportContext, sent: Sentence, tok):
    """The state a group belongs to: the one its own phrase names ("Pakistani
    civilians", "residents of a village in Nigeria"), else the place of the
    clause, else the first state the sentence names, else the report's party."""

    def home(head) -> list[str]:
        return (codes_in(ctx, sent, head, places=True)[:1] or _place_codes(ctx, sent, tok)
                or sentence_places(ctx, sent)[:1] or sentence_codes(ctx, sent)[:1] or home_state(ctx, sent))

    return home


def _place_codes(ctx: ReportContext, sent: Sentence, tok) -> list[str]:
    """The states of the places a clause is in ("in Manila", "outside ... in Seoul")."""
    out: list[str] = []
    subject, _ = subject_of(tok) if tok.pos_ == "VERB" else (None, False)
    heads = [h for h in (subject, tok) if h is not None]
    # one level down too: "outside the U.S. embassy in Manila"
    heads += [g for c in tok.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    for head in heads:
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "at"):
                continue
            for t in prep.children:
                if t.dep_ == "pobj":
                    out += [c for c in codes_in(ctx, sent, t, places=True) if c not in out]
    return out[:1]


def _unnamed_agent(clause: Clause, vocab: Vocabulary) -> bool:
    """Whether a clause names an agent no code stands for ("an opposition
    party accused ...", "gunmen opened fire", "hundreds were arrested"): an
    event PLOVER codes, with its actor left empty."""
    tok = clause.trigger
    if tok.pos_ != "VERB":
        return False
    subject, passive = subject_of(tok)
    if passive:
        return clause.kind in vocab.material
    return (
        subject is not None
        and subject.pos_ in ("NOUN", "PROPN")
        and lemma(subject) not in vocab.not_agents
        and not is_pronoun(subject)
    )


def _state_subject(tok, vocab: Vocabulary) -> bool:
    """Whether a verb's subject is a state, body or official, not people."""
    subject, _ = subject_of(tok)
    if subject is None:
        return False
    return subject.pos_ == "PROPN" or lemma(subject) in vocab.government_only


def _mentions_sides(sent: Sentence) -> bool:
    low = sent.text.lower()
    vocab = vocabulary()
    return any(s in low for s in (*vocab.side_phrases, *vocab.side_bare))


def _clause_event(
    ctx: ReportContext, sent: Sentence, clause: Clause, vocab: Vocabulary, sides: list[str], single: bool
) -> Event | None:
    if consequence(clause.trigger, vocab) is not None:
        return None  # "will meet with a counterattack" is a threat (event.threaten.consequence), no meeting
    actor, recipient = _participants(ctx, sent, clause, sides, single, vocab)
    unnamed = clause.kind in vocab.unnamed_actors and (recipient or _acts_on(clause.trigger))
    if not actor and not unnamed and not _unnamed_agent(clause, vocab):
        return None
    if clause.kind == "PROTEST" and clause.sense.lemma == "protest" and _state_subject(clause.trigger, vocab):
        # a state's protest is a diplomatic one: ACCUSE disapprove (the codebook), not a demonstration
        clause.kind, clause.mode = "ACCUSE", "disapprove"
    if clause.kind == "COOPERATE" and len(actor) + len(recipient) < 2 and clause.sense.objects:
        clause.kind = "MOBILIZE"  # a single state's exercise (the codebook)
        recipient = _participants(ctx, sent, clause, sides, single, vocab)[1]
    if clause.kind in groups().protest_classes:
        actor = as_protesters(actor)
    if clause.kind in vocab.reciprocal and recipient and _with_partners(ctx, sent, clause.trigger, recipient):
        actor, recipient = actor + [c for c in recipient if c not in actor], []  # "drills with Japan"
    mode = clause.mode
    if mode is None and codebook().classes[clause.kind].modes:
        mode = content_mode(clause.trigger, clause.kind, vocab, set())
    if mode is not None and mode not in codebook().classes[clause.kind].modes:
        mode = None
    evidence, span = ctx.evidence(sent)
    return Event(
        clause.kind,
        mode,
        actor,
        recipient,
        ctx.date_of(sent.text),
        _location(sent, clause.trigger),
        evidence,
        span,
        context=contexts(sent.text) + clause.context,
        negated=clause.negated,
        hypothetical=clause.hypothetical,
        rule=clause.sense.rule,
    )


def sentence_events(ctx: ReportContext, sent: Sentence, sides: list[str], single: bool) -> list[Event]:
    """The events of one sentence's clauses, one per clause."""
    vocab = vocabulary()
    out: list[Event] = []
    clauses: list[Clause] = []
    tagged = sent.tagged()
    for clause, light in verb_clauses(tagged, vocab):
        status(clause, light, vocab)
        clauses.append(clause)
    clauses += noun_clauses(tagged, vocab)
    for clause in clauses:
        event = _clause_event(ctx, sent, clause, vocab, sides, single)
        if event is not None:
            out.append(event)
    home = partial(_home, ctx, sent)
    passing = embedded_protests(ctx, sent, vocab, home) + embedded_arrests(
        ctx, sent, vocab, home, partial(home_state, ctx, sent))
    told = deontic_requests(ctx, sent, vocab) + consequence_threats(ctx, sent, vocab)
    told += encounter_events(ctx, sent, vocab)
    return out + told + passing


def _key(e: Event) -> tuple:
    """What makes an event one: its sentence, type, sides and status; and,
    for a verb's clause, its verb: two clauses are two events even with the
    same sides ("opened fire on residents, killing several people": two
    ASSAULT; "were arrested and deported": two COERCE), the codebook's one
    event per event clause (rule event.clause.each)."""
    sides = (tuple(sorted(e.actor)), tuple(sorted(e.recipient)))
    verb = e.rule if e.rule in verb_rules() else None
    return (e.span.start, e.type, *sides, e.negated, e.hypothetical, verb)


@lru_cache(maxsize=1)
def verb_rules() -> frozenset[str]:
    """The rules of the vocabulary's verb senses (one clause each)."""
    return frozenset(sense.rule for senses in vocabulary().verbs.values() for sense in senses)


def find_events(ctx: ReportContext, extraction: Extraction) -> list[Event]:
    """CONSULT for each meeting, SUPPORT/AGREE for each document, and an
    event for each event clause of the sentences, one per (sentence, type,
    actor, recipient)."""
    new_report()
    events = record_events(ctx, extraction)
    seen = {_key(e) for e in events}
    covered = {(e.span.start, e.type) for e in events}
    told = {(e.span.start, frozenset(e.actor + e.recipient)) for e in events}
    single = len([s for s in ctx.sentences if s.zone != "title"]) <= 1
    for sent in ctx.sentences:
        sides = sides_at(ctx, extraction, sent)
        for event in sentence_events(ctx, sent, sides, single):
            key = _key(event)
            if key in seen:
                continue
            if event.type == "CONSULT" and (event.span.start, "CONSULT") in covered:
                continue  # the meeting the meetings extractor already made from this sentence
            if (event.span.start, frozenset(event.actor + event.recipient)) in told and event.type in (
                "SUPPORT", "AGREE") and event.rule in ("event.support.sign", "event.agree.sign"):
                continue
            seen.add(key)
            events.append(event)
    return events
