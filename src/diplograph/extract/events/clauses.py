"""Event clauses: which words of a sentence report an event, which class
and mode, and whether it happened.

Why clauses, not sentences: one event per event clause. A verb of the
vocabulary reports an event when it heads a clause that is asserted: the
sentence's main clause, a clause conjoined to it, the clause an attribution
reports ("..., a senior official said"; "the ministry confirmed that ..."), a
subordinate clause of its own named subject telling a fact ("after the
agency blocked the transaction", "as Iran detained two citizens"; not "if"
or "unless"),
the infinitive of a verb that only says the act was decided or begun
("decided to impose sanctions"), or a participle adding an act to the main
one ("..., accusing Kyiv of ..."). A verb inside another verb's content
("urged Japan to provide aid", "demanded that Moscow withdraw") is the
content of that event, not an event.

Whether it happened (the PLOVER manual's auxiliary modes): a negation
("did not agree", "failed to sign") or a condition or modal ("could impose",
"if Russia attacks") marks the event `negated` or hypothetical; a future
("will visit", "plans to send") is coded as the codebook says (future
CONSULT, SUPPORT, COOPERATE and AID are AGREE; a future RETREAT is CONCEDE).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from diplograph.extract import modality
from diplograph.extract.events.lemmas import joined, lemma
from diplograph.extract.events.vocabulary import Sense, Vocabulary, form_lemmas
from diplograph.extract.rules import declare

#: Future cooperative acts are intentions (the codebook's AGREE and CONCEDE rules).
FUTURE_CLASS = {"CONSULT": "AGREE", "SUPPORT": "AGREE", "COOPERATE": "AGREE", "AID": "AGREE",
                "RETREAT": "CONCEDE"}
_OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "attr", "oprd", "dative", "pobj", "conj", "compound", "xcomp",
                          "ccomp"})


declare("event.status.no_one", "A clause whose subject says no one did it (\"No group has claimed "
        "responsibility\", \"Neither side accepted\") is negated.", __name__)
declare("event.reject.reticence", "Declining or refusing to comment, elaborate or confirm is reticence, no "
        "rejection (data/events/triggers.yaml reticence).", "data/events/triggers.yaml")
declare("event.status.future", "A hostile or material act told in the future (\"will expel\", \"will "
        "deport\") has not happened and promises nothing: marked hypothetical, context future "
        "(data/events/triggers.yaml future_not_happened).", "data/events/triggers.yaml")
declare("event.trigger.told", "A gerund after \"after\", \"by\", \"upon\" ... is the act of its clause's "
        "subject (\"broke relations after accusing Washington of ...\"); a \"that\" clause of a noun of "
        "telling is a fact reported (\"the revelation that aid to Egypt has been halted\") "
        "(data/events/triggers.yaml asserted).", "data/events/triggers.yaml")

#: Subordinators of what did not (yet) happen.
_NOT_FACT = frozenset({"if", "unless", "whether", "so", "lest", "than"})
#: Nouns whose "of" + gerund is the act itself ("took the step of expelling").
_STEP_NOUNS = frozenset({"step", "decision", "move", "measure", "action"})
#: A clause's content: what it asks, rejects or threatens (not its subject or asides).
_CONTENT_DEPS = frozenset({"dobj", "xcomp", "ccomp", "prep", "attr", "dative", "oprd", "prt", "acomp"})
#: Force is told by its instrument too: "Israeli aircraft struck", "drones attacked".
_INSTRUMENT_DEPS = frozenset({"nsubj", "agent", "advcl"})


@dataclass
class Clause:
    """One event clause: its trigger, reading and status."""

    trigger: Token
    sense: Sense
    kind: str
    mode: str | None
    attributed: Token | None  # the attribution verb above it, if any
    negated: bool = False
    future: bool = False
    hypothetical: bool = False

    @property
    def context(self) -> list[str]:
        out = []
        if self.future:
            out.append("future")
        if self.hypothetical:
            out.append("hypothetical")
        if self.negated:
            out.append("negation")
        return out


def _told_as_fact(tok: Token, vocab: Vocabulary,
                  depth: int) -> tuple[bool, Token | None, Token | None] | None:
    """A clause told as a fact though no main clause (rule event.trigger.told),
    as `_asserted` answers; None where it is none of these."""
    dep = tok.dep_
    head = tok.head
    if dep == "pcomp" and head.dep_ == "prep" and head.lower_ in vocab.gerund_preps and (
            head.head.pos_ == "VERB"):
        # "broke relations after accusing Washington of ...", "retaliated by expelling": the subject's own
        # act, as real as its verb ("after visiting Jakarta, he will fly to ...": a plan too)
        ok, attributed, light = _asserted(head.head, vocab, depth + 1)
        if light is None and modality.auxiliary_kinds(head.head):
            light = head.head  # its auxiliaries are the gerund's ("will", "could")
        return ok, attributed, light
    if dep in ("acl", "ccomp", "relcl") and head.pos_ == "NOUN" and lemma(head) in vocab.fact_nouns and any(
            c.dep_ == "mark" and c.lower_ == "that" for c in tok.children):
        # "the revelation that aid to Egypt has been halted": a fact the noun reports
        above = head.head  # its verb's negation is the fact's ("the news that ... was not confirmed")
        if above.pos_ not in ("VERB", "AUX"):
            return True, None, None
        return _asserted(above, vocab, depth + 1)[0], above, None
    return None


def _asserted(tok: Token, vocab: Vocabulary, depth: int = 0) -> tuple[bool, Token | None, Token | None]:
    """Whether a verb heads an asserted clause; the attribution verb above
    it; the light verb above it ("decided", "plans")."""
    if depth > 6:
        return False, None, None
    dep = tok.dep_
    head = tok.head
    if dep == "ROOT" or head.i == tok.i:
        return True, None, None
    if dep == "conj":
        ok, attributed, light = _asserted(head, vocab, depth + 1)
        return ok, attributed, None if light is None else light
    if dep in ("ccomp", "parataxis"):
        if lemma(head) in vocab.attribution:
            ok, attributed, _ = _asserted(head, vocab, depth + 1)
            return ok, head, None
        return dep == "parataxis" and _asserted(head, vocab, depth + 1)[0], None, None
    if dep == "xcomp":
        if lemma(head) in vocab.light:
            ok, attributed, _ = _asserted(head, vocab, depth + 1)
            return ok, attributed, head
        return False, None, None
    if dep == "pcomp" and head.dep_ == "prep" and head.lower_ == "of" and head.head.lower_ in _STEP_NOUNS:
        # "took the step of expelling": the act itself
        verb = head.head.head
        if verb.pos_ == "VERB":
            ok, attributed, _ = _asserted(verb, vocab, depth + 1)
            return ok, attributed, None
        return False, None, None
    told = _told_as_fact(tok, vocab, depth)
    if told is not None:
        return told
    if dep == "advcl" and tok.tag_ == "VBG" and not any(c.dep_ in ("mark", "nsubj") for c in tok.children):
        ok, attributed, _ = _asserted(head, vocab, depth + 1)
        return ok, attributed, None
    if dep in ("advcl", "relcl") and _told_with_subject(tok, vocab):
        # "after the agency blocked a transaction", "something the government denies": a clause
        # of its own subject, told as fact (a condition marks it hypothetical, `status`)
        return _asserted(head, vocab, depth + 1)[0], None, None
    return False, None, None


def _told_with_subject(tok: Token, vocab: Vocabulary) -> bool:
    """Whether a subordinate clause has a named subject of its own and tells a
    past or present fact, not a purpose or a condition."""
    if tok.tag_ not in ("VBD", "VBZ", "VBP", "VBN"):
        return False
    subject = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.lower_ in ("which", "that", "who", "it", "they", "this"):
        return False
    not_fact = modality.words().conditions | _NOT_FACT
    return not any(c.dep_ == "mark" and c.lower_ in not_fact for c in tok.children)


def object_lemmas(tok: Token) -> set[str]:
    """The lemmas of a verb's objects: direct and prepositional objects,
    the subject of a passive, with their conjuncts and compounds."""
    out: set[str] = set()
    stack = [c for c in tok.children if c.dep_ in _OBJECT_DEPS or c.dep_ in ("prep", "prt", "agent")]
    seen = 0
    while stack and seen < 40:
        cur = stack.pop()
        seen += 1
        if cur.dep_ in ("prep", "prt", "agent"):
            stack.extend(c for c in cur.children if c.dep_ in ("pobj", "pcomp"))
            continue
        if cur.pos_ in ("NOUN", "PROPN", "VERB", "ADJ"):
            out.add(lemma(cur))
        # "allowed aid trucks to enter": the clause's own subject and object
        if cur.dep_ in ("xcomp", "ccomp"):
            stack.extend(c for c in cur.children if c.dep_ in ("nsubj", "dobj"))
        # "warned NATO against any attack": a preposition the parser hung on the object
        stack.extend(c for c in cur.children if c.dep_ in ("conj", "compound", "amod", "nmod", "prep"))
    return out


def particles(tok: Token) -> set[str]:
    """A verb's particles and prepositions ("pulling back": the parser may make "back" an adverb)."""
    return {c.lower_ for c in tok.children if c.dep_ in ("prt", "prep", "agent", "advmod")}


def pick_sense(tok: Token, senses: tuple[Sense, ...]) -> Sense | None:
    objs: set[str] | None = None
    parts: set[str] | None = None
    for sense in senses:
        if sense.particles:
            parts = particles(tok) if parts is None else parts
            if not parts & sense.particles:
                continue
        if sense.cues:
            words = {t.lower_ for t in tok.sent}
            if not words & sense.cues:
                continue
        if sense.objects:
            objs = object_lemmas(tok) if objs is None else objs
            if not objs & sense.objects:
                continue
        return sense
    return None


def content_mode(tok: Token, kind: str, vocab: Vocabulary, skip: set[int]) -> str | None:
    """A mode from the words of the clause ("urged ... to resume talks": meet)."""
    words = vocab.mode_words.get(kind)
    if not words:
        return None
    best: tuple[int, str] | None = None
    order = list(words.values())
    deps = _CONTENT_DEPS | _INSTRUMENT_DEPS if kind in ("ASSAULT", "MOBILIZE") else _CONTENT_DEPS
    content = [t for c in tok.children if c.dep_ in deps for t in c.subtree]
    for t in content:
        if t.i in skip or t.pos_ not in ("NOUN", "VERB", "ADJ", "PROPN"):
            continue
        mode = words.get(lemma(t)) or words.get(t.lower_)
        if mode is not None:
            rank = order.index(mode)
            if best is None or rank < best[0]:
                best = (rank, mode)
    return best[1] if best else None


def status(clause: Clause, light: Token | None, vocab: Vocabulary) -> None:
    """Mark a clause negated, future or hypothetical from its auxiliaries,
    the light verb above it and the conditions it stands under: the facts
    are `extract/modality.py`'s; the policy is the codebook's ("would" under
    an attribution is a reported future, else hypothetical; "hopes to" is an
    intention, coded as future; a future cooperative act is AGREE)."""
    tok = clause.trigger
    chain = [tok] + ([light] if light is not None else [])
    if clause.attributed is not None and modality.negated(clause.attributed):
        clause.negated = True
    if tok.pos_ == "VERB" and _no_one(tok):
        clause.negated = True  # "No group has claimed responsibility", "no country recognised ..."
    for t in chain:
        if modality.negated(t):
            clause.negated = True
        kinds = modality.auxiliary_kinds(t)
        if "future" in kinds:
            clause.future = True
        if "hypothetical" in kinds:
            clause.hypothetical = True
        if "conditional" in kinds:
            if clause.attributed is not None:
                clause.future = True
            else:
                clause.hypothetical = True
    if light is not None:
        light_lemma = lemma(light)
        if light_lemma in vocab.light_future:
            clause.future = True
        elif light_lemma in vocab.light_negated:
            clause.negated = True
    # a condition on the clause or on any clause above it ("if Russia attacks", "unless ...")
    if modality.condition_above(tok, 6) is not None:
        clause.hypothetical = True
    if clause.future and clause.kind in FUTURE_CLASS and not clause.negated:
        clause.kind = FUTURE_CLASS[clause.kind]
        if clause.kind == "AGREE":
            clause.mode = None
    elif clause.future and clause.kind in vocab.not_yet:
        # "Sudan confirmed it will expel aid workers", "Nepal will deport five tourists": no act yet, and
        # no promise either (the codebook's future context): not coded as happened (rule event.status.future)
        clause.hypothetical = True


#: Subjects that say no one did it.
_NO_ONE = frozenset({"nobody", "none", "no-one", "noone", "neither"})


def _no_one(tok: Token) -> bool:
    """Whether a verb's subject says no one did it ("No group has claimed",
    "Neither side accepted", "None of the parties signed") (rule event.status.no_one)."""
    for c in tok.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            dets = {d.lower_ for d in c.children if d.dep_ == "det"}
            return c.lower_ in _NO_ONE or bool(dets & {"no", "neither"})
    return False


def _trigger_senses(tok: Token, low: str, table: dict) -> tuple[Sense, ...] | None:
    """A word's senses: by its lemma; by its form where the lemmatizer errs."""
    return table.get(lemma(tok)) or table.get(form_lemmas().get(low, "")) or table.get(joined(tok))


def verb_clauses(tagged, vocab: Vocabulary) -> list[tuple[Clause, Token | None]]:
    """The event clauses a sentence's verbs head, with the light verb above each
    (`tagged`: the sentence's (token, lower, pos), read once by the context)."""
    out = []
    for tok, low, pos in tagged:
        if pos != "VERB":
            continue
        senses = _trigger_senses(tok, low, vocab.verbs)
        if not senses:
            continue
        ok, attributed, light = _asserted(tok, vocab)
        if not ok:
            continue
        sense = pick_sense(tok, senses)
        if sense is None:
            continue
        if lemma(tok) in vocab.reticence_verbs and any(
                c.dep_ == "xcomp" and lemma(c) in vocab.no_comment for c in tok.children):
            continue  # "declined to comment", "refused to elaborate": reticence (event.reject.reticence)
        clause = Clause(tok, sense, sense.kind, sense.mode, attributed)
        if clause.kind == "AGREE" and any(
            c.dep_ == "xcomp" and lemma(c) in vocab.threat_content for c in tok.children
        ):
            clause.kind, clause.mode = "THREATEN", "violence"  # "vowed to retaliate" is a threat
        elif clause.kind == "REQUEST":
            _request_reading(clause, vocab)
        out.append((clause, light))
    return out


def _request_reading(clause: Clause, vocab: Vocabulary) -> None:
    """An invitation to visit is a promised meeting (AGREE); "called on the
    King at the palace", with nothing asked, is a courtesy call (CONSULT)."""
    tok = clause.trigger
    lem = clause.sense.lemma
    if lem == "invite":
        for t in tok.subtree:
            if t.dep_ in ("xcomp", "ccomp") and lemma(t) in vocab.meeting_verbs:
                clause.kind, clause.mode = "AGREE", None
                return
    on = lem == "call" and any(c.dep_ == "prep" and c.lower_ in ("on", "upon") for c in tok.children)
    if on and not any(t.pos_ in ("VERB", "AUX") and t.i != tok.i for t in tok.subtree):
        clause.kind, clause.mode = "CONSULT", "visit"


def sense_kind(senses: tuple[Sense, ...]) -> str:
    return senses[0].kind


def noun_clauses(tagged, vocab: Vocabulary) -> list[Clause]:
    """Events told as nouns with their actor as possessor or "by" phrase
    ("Moscow's admission", "a demand by Washington"), where no verb of the
    vocabulary governs the noun (that verb's event is the one told)."""
    out = []
    for tok, low, pos in tagged:
        if pos != "NOUN":
            continue
        senses = _trigger_senses(tok, low, vocab.nouns)
        if not senses:
            continue
        announced, head = _announcing_verb(tok, vocab)
        if announced is None and (not _names_its_actor(tok, senses) or (
                head.pos_ == "VERB" and lemma(head) in vocab.verbs)):
            continue
        out.append(_noun_clause(tok, senses[0], announced, vocab))
    return out


def _announcing_verb(tok, vocab: Vocabulary):
    """The verb that announces the noun's event, if asserted ("announced
    sanctions against Nicaragua", "announced a set of sanctions"), and the
    noun's governing word."""
    head = tok.head
    if tok.dep_ == "pobj" and head.head.dep_ == "dobj" and head.lower_ in ("of", "in"):
        # "announced a set of sanctions", "announced $30 million in assistance"
        tok_dep, head = "dobj", head.head.head
    else:
        tok_dep = tok.dep_
    if tok_dep in ("dobj", "nsubjpass") and head.pos_ == "VERB" and (
            lemma(head) in vocab.announcing or lemma(head) in vocab.doing):
        ok, _, _ = _asserted(head, vocab)
        return (head if ok else None), head
    return None, head


def _names_its_actor(tok, senses: tuple[Sense, ...]) -> bool:
    """A noun event whose actor is in its own phrase: a named possessor, a
    "by" phrase, or (an attack) a state adjective ("Russian shelling")."""
    if any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in tok.children):
        return True
    if any(c.dep_ == "prep" and c.lower_ == "by" for c in tok.children):
        return True
    if sense_kind(senses) in vocabulary_from_classes() and any(
            c.dep_ == "prep" and c.lower_ == "from" and any(g.dep_ == "pobj" for g in c.children)
            for c in tok.children):
        return True  # "a request from the Burmese government", "an apology from Tokyo"
    return sense_kind(senses) == "ASSAULT" and any(
        c.dep_ in ("amod", "compound") and c.pos_ in ("ADJ", "PROPN") for c in tok.children)


def vocabulary_from_classes() -> frozenset[str]:
    """The classes whose noun's "from" phrase names its actor (data/events/triggers.yaml from_actor)."""
    from diplograph.extract.events.vocabulary import vocabulary

    return vocabulary().from_actor


def _noun_clause(tok, sense: Sense, announced, vocab: Vocabulary) -> Clause:
    clause = Clause(tok, sense, sense.kind, sense.mode, announced)
    if announced is not None:
        status(clause, announced, vocab)
        if clause.kind == "RETREAT" and lemma(announced) not in vocab.doing:
            clause.kind = "CONCEDE"  # an announced withdrawal is a promise (the codebook); one begun is done
    if any(c.dep_ == "amod" and c.lower_ in modality.words().modifiers for c in tok.children):
        clause.future = True  # "his planned visit": a plan, AGREE by the codebook
        if clause.kind in FUTURE_CLASS:
            clause.kind = FUTURE_CLASS[clause.kind]
            clause.mode = None if clause.kind == "AGREE" else clause.mode
    return clause
