"""Modality: whether an act happened, or is only to come, possible, wished
or denied. The one module that states these facts, for every stage.

Why one module: "will visit", "could sign", "hopes to meet", "did not
sign", "the upcoming visit" are no held meeting, no signed document, no
actual event, and the stages must agree on which words say so. The words
are one data file (`data/modality.yaml`: auxiliaries by kind, future,
wish and prospective verbs, negators, conditions, future modifiers); this
module turns them into facts about a token (`modality_of`, `negated`,
`auxiliary_kinds`, `condition_above`, `verb_kind`) or into the phrases a
text pattern needs (`phrases`). Each stage keeps its own policy, asking
for the facts: meetings and persons veto any unreal encounter
(`is_future`); documents plan a signing under a future or conditional
auxiliary (extract/documents/status.py); the events engine codes a future
cooperative act as AGREE and a "would" under an attribution as a reported
future (extract/events/clauses.py `status`).

The facts (`Modality`): `future` (an auxiliary "will", a plan's verb or an
infinitive of purpose, a modifier "upcoming"), `hypothetical` ("could",
"might", "can", "would" unless reported), `wished` (under "hope", "wish",
"want", "look forward to", "aspire": its own modality, as a hope is not an
act), `negated` ("not", "never"), and `cue`, the word that decided it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from diplograph.actors.knowledge import load_yaml

#: the kinds of verbs of `data/modality.yaml` (`verb_kind`)
VERB_KINDS = ("future_verbs", "future_light_verbs", "wish_verbs", "prospective_verbs", "negating_verbs",
              "refusal_verbs")


@dataclass(frozen=True)
class Modality:
    """What a word's act is, beyond happened: its flags and the word that decided them."""

    future: bool = False
    hypothetical: bool = False
    wished: bool = False
    negated: bool = False
    conditional: bool = False  # "would": a reported future, else hypothetical (the stage decides)
    cue: str | None = None  # the word that decided it ("will", "hope", "upcoming", "to")

    @property
    def unreal(self) -> bool:
        """Not (yet) an act: future, hypothetical, conditional or wished."""
        return self.future or self.hypothetical or self.conditional or self.wished


@dataclass(frozen=True)
class ModalityWords:
    auxiliaries: dict[str, str]  # "will" -> "future", "would" -> "conditional", "could" -> "hypothetical"
    verbs: dict[str, dict[str, str]]  # a verb kind -> its forms -> their lemma ("hoped" -> "hope")
    phrases: dict[str, tuple[str, ...]]  # a verb kind -> its phrases in every form ("looked forward to")
    governors: frozenset[str]  # forms whose event below is unreal: future, wish and prospective verbs
    modifiers: frozenset[str]  # "upcoming", "planned", "next"
    negators: frozenset[str]  # "not", "never", "n't"
    conditions: frozenset[str]  # "if", "unless"
    #: prepositions that make an event the setting of what the clause above reports ("during talks")
    settings: frozenset[str]
    irregular: dict[str, tuple[str, ...]]  # a lemma's irregular forms ("be" -> "is", "was")


def _forms(lemma: str, irregular: dict[str, list[str]]) -> set[str]:
    """A verb's forms (a phrase: its first word's): regular and irregular."""
    from diplograph.extract.events.vocabulary import inflections  # the one English inflector

    head, _, rest = lemma.partition(" ")
    heads = inflections(head) | set(irregular.get(head, ()))
    return {f"{h} {rest}".strip() for h in heads}


@lru_cache(maxsize=1)
def words() -> ModalityWords:
    data = load_yaml("modality.yaml")
    irregular = data["irregular"]
    verbs: dict[str, dict[str, str]] = {}
    phrases: dict[str, tuple[str, ...]] = {}
    for kind in VERB_KINDS:
        forms = {lemma: _forms(lemma, irregular) for lemma in data[kind]}
        verbs[kind] = {f.split()[0]: lemma.split()[0] for lemma, fs in forms.items() for f in fs}
        phrases[kind] = tuple(sorted(f for fs in forms.values() for f in fs))
    governors = set(data["prospective_words"])
    for kind in ("future_verbs", "wish_verbs", "prospective_verbs"):
        governors |= set(verbs[kind])
    return ModalityWords(
        auxiliaries={w: kind for kind, ws in data["auxiliaries"].items() for w in ws},
        verbs=verbs,
        phrases=phrases,
        governors=frozenset(governors),
        modifiers=frozenset(data["future_modifiers"]),
        negators=frozenset(data["negators"]),
        conditions=frozenset(data["conditions"]),
        settings=frozenset(data["setting_prepositions"]),
        irregular={k: tuple(v) for k, v in irregular.items()},
    )


def auxiliary(word: str) -> str | None:
    """The kind of a modal auxiliary ("future", "conditional", "hypothetical", "ability"), or None."""
    return words().auxiliaries.get(word.lower())


def auxiliary_words(*kinds: str) -> list[str]:
    """The auxiliaries of these kinds ("will", "would", ...)."""
    return [w for w, k in words().auxiliaries.items() if k in kinds]


def verb_kind(word: str) -> str | None:
    """The first modality kind (of VERB_KINDS) a verb form or lemma belongs to
    ("hoped" -> "wish_verbs", "failed" -> "negating_verbs"), or None."""
    low = word.lower()
    return next((kind for kind in VERB_KINDS if low in words().verbs[kind]), None)


def verb_lemmas(*kinds: str, irregular: bool = False) -> frozenset[str]:
    """The lemmas of these verb kinds (a phrase's first word: "look" for "look
    forward to"); with `irregular`, their irregular forms too ("is", "went"),
    which a lemmatizer may leave as they are."""
    lemmas = {lemma for kind in kinds for lemma in words().verbs[kind].values()}
    if irregular:
        lemmas |= {f for lemma in list(lemmas) for f in words().irregular.get(lemma, ())}
    return frozenset(lemmas)


def phrases(*kinds: str) -> list[str]:
    """Every form of these verb kinds as phrases ("hope", "hoped", "looked
    forward to"), or the auxiliaries of these kinds ("will"), for a text pattern."""
    v = words()
    out = [p for kind in kinds for p in v.phrases.get(kind, ())]
    return out + auxiliary_words(*kinds)


def auxiliary_kinds(tok: Token, passive: bool = False) -> set[str]:
    """The kinds of the modal auxiliaries on a verb ("will" -> "future");
    with `passive`, a passive's auxiliaries too."""
    deps = ("aux", "auxpass") if passive else ("aux",)
    table = words().auxiliaries
    return {table[c.lower_] for c in tok.children if c.dep_ in deps and c.lower_ in table}


def negated(tok: Token) -> bool:
    """A negation on the word ("did not sign", "never met")."""
    negators = words().negators
    return any(c.dep_ == "neg" or c.lower_ in negators and c.dep_ in ("neg", "advmod") for c in tok.children)


def condition_above(tok: Token, steps: int = 6) -> str | None:
    """The subordinator of a condition on the word's clause or a clause above it ("if", "unless")."""
    conditions = words().conditions
    cur = tok
    for _ in range(steps):
        mark = next((c for c in cur.children if c.dep_ == "mark" and c.lower_ in conditions), None)
        if mark is not None:
            return mark.lower_
        if cur.head.i == cur.i:
            break
        cur = cur.head
    return None


def _of_auxiliary(word: str) -> Modality:
    kind = auxiliary(word)
    return Modality(future=kind == "future", hypothetical=kind in ("hypothetical", "ability"),
                    conditional=kind == "conditional", cue=word)


def _of_governor(word: str) -> Modality:
    if verb_kind(word) == "wish_verbs":
        return Modality(wished=True, cue=word)
    return Modality(future=True, cue=word)


def modality_of(tok: Token) -> Modality:
    """The modality of a word's event, by the parse: its own auxiliary,
    modifier or infinitive "to"; a governing verb of planning, hoping,
    inviting or wishing above it ("invited him to visit", "looks forward to
    the meeting"), or an auxiliary or purpose infinitive on a verb above it;
    a future modifier among the three words before ("the planned official
    visit"). `negated` is the word's own negation."""
    own = _marked_on_word(tok)
    if own is not None and own.cue == "to":
        # "hopes to visit": the infinitive's governor tells what kind of unreal ("hopes": wished)
        own = _marked_above(tok) or own
    found = own or _marked_above(tok) or _modifier_before(tok) or Modality()
    if negated(tok):
        return Modality(found.future, found.hypothetical, found.wished, True, found.conditional,
                        found.cue or "not")
    return found


def is_future(tok: Token) -> bool:
    """A word whose event is future, hypothetical or wished (the meetings' and
    persons' policy: any such encounter is no meeting)."""
    return modality_of(tok).unreal


def _marked_on_word(tok: Token) -> Modality | None:
    """The word's own auxiliary, modifier or infinitive "to"."""
    vocab = words()
    for c in tok.children:
        if c.dep_ in ("aux", "auxpass") and c.lower_ in vocab.auxiliaries:
            return _of_auxiliary(c.lower_)
        if c.dep_ in ("amod", "compound", "advmod", "nmod") and c.lower_ in vocab.modifiers:
            return Modality(future=True, cue=c.lower_)
        if c.dep_ == "aux" and c.lower_ == "to":
            return Modality(future=True, cue="to")  # "to visit", "to meet": purpose, plan, invitation
    return None


def _marked_above(tok: Token) -> Modality | None:
    """A governing word of planning or wishing, or a future auxiliary or a
    purpose infinitive on a verb above it (four steps up at most)."""
    vocab = words()
    cur = tok
    for _ in range(4):
        head = cur.head
        if head.i == cur.i:
            break
        if cur.dep_ == "pobj" and head.lower_ in vocab.settings:
            # "X and Y agreed to elevate ties during talks": the talks are where they agreed, not what
            break
        if head.lower_ in vocab.governors and head.i < tok.i:
            return _of_governor(head.lower_)
        aux = next((c for c in head.children if c.dep_ == "aux" and c.lower_ in vocab.auxiliaries), None)
        if aux is not None and cur.dep_ in ("dobj", "xcomp", "conj", "pobj", "prep"):
            return _of_auxiliary(aux.lower_)
        if head.pos_ == "VERB" and head.dep_ in ("xcomp", "advcl", "acl") and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in head.children
        ) and cur.dep_ in ("dobj", "pobj", "prep"):
            return Modality(future=True, cue="to")  # "to participate in a meeting between ...": a purpose
        cur = head
    return None


def _modifier_before(tok: Token) -> Modality | None:
    """A future modifier among the three words before ("the planned official visit")."""
    modifiers = words().modifiers
    before = tok.doc[max(tok.sent.start, tok.i - 3) : tok.i]
    cue = next((t.lower_ for t in before if t.lower_ in modifiers), None)
    return None if cue is None else Modality(future=True, cue=cue)
