"""The events vocabulary (`data/events/triggers.yaml`) loaded once: which
lemma reports which PLOVER class and mode, under which conditions.

Why lemmas: a report writes "refused", "refusing", "are demanding"; one
entry per lemma covers every form, and the data stays one line a word.
The screen (`screen.py`) reads words before spaCy has run, so it gets the
surface forms from `surface_forms`, made by regular English inflection
plus the irregular forms the data lists.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from diplograph.actors.knowledge import load_yaml
from diplograph.extract import modality
from diplograph.extract.rules import declare
from diplograph.extract.sides import two_sides


@dataclass(frozen=True)
class Sense:
    """One reading of a trigger: its class and mode, and what it needs."""

    lemma: str
    kind: str  # the PLOVER class
    mode: str | None = None
    objects: frozenset[str] = frozenset()
    particles: frozenset[str] = frozenset()
    cues: frozenset[str] = frozenset()

    @property
    def rule(self) -> str:
        return f"event.{self.kind.lower()}.{self.lemma}"


@dataclass(frozen=True)
class Vocabulary:
    verbs: dict[str, tuple[Sense, ...]]
    nouns: dict[str, tuple[Sense, ...]]
    mode_words: dict[str, dict[str, str]]  # class -> content lemma -> mode
    attribution: frozenset[str]
    light_now: frozenset[str]
    light_future: frozenset[str]  # from data/modality.yaml: plans, hopes, "is to"
    light_negated: frozenset[str]  # from data/modality.yaml: "failed to"
    irregular: dict[str, tuple[str, ...]]
    not_agents: frozenset[str] = frozenset()
    threat_content: frozenset[str] = frozenset()
    meeting_verbs: frozenset[str] = frozenset()
    announcing: frozenset[str] = frozenset()
    domestic: frozenset[str] = frozenset()
    metonyms: dict[str, str] | None = None
    side_phrases: tuple[str, ...] = ()  # "the two sides" (the subject's words)
    side_bare: frozenset[str] = frozenset()  # "both": a subject, not a mention of the sides
    side_heads: frozenset[str] = frozenset()
    government_only: frozenset[str] = frozenset()
    unnamed_actors: frozenset[str] = frozenset()  # classes coded without a named actor
    place_actors: frozenset[str] = frozenset()  # classes whose unnamed actor is of the place
    embedded_protests: dict[str, frozenset[str]] = field(default_factory=dict)
    consequences: dict[str, frozenset[str]] = field(default_factory=dict)
    deep_recipients: frozenset[str] = frozenset()  # classes whose recipient may be deeper in the clause
    deep_preps: dict[str, frozenset[str]] = field(default_factory=dict)
    gerund_preps: frozenset[str] = frozenset()  # "after accusing": the act of the clause's subject
    fact_nouns: frozenset[str] = frozenset()  # "the revelation that ...": a fact told
    reticence_verbs: frozenset[str] = frozenset()  # "declined to comment": no rejection
    no_comment: frozenset[str] = frozenset()
    not_yet: frozenset[str] = frozenset()  # classes whose future act has not happened (no promise)
    doing: frozenset[str] = frozenset()  # "began its withdrawal": the noun's event done
    from_actor: frozenset[str] = frozenset()  # classes whose noun's "from" phrase is its actor
    purpose_verbs: frozenset[str] = frozenset()  # "fired tear gas to disperse X": X the recipient
    with_asides: frozenset[str] = frozenset()  # "with China's mediation": no party
    encounters: dict[str, frozenset[str]] = field(default_factory=dict)  # nouns of a meeting, side preps
    sentence_recipients: frozenset[str] = frozenset()  # ... or the one other state the sentence names
    state_actors: frozenset[str] = frozenset()
    reciprocal: frozenset[str] = frozenset()  # classes whose "with" partners are actors
    joint_objects: frozenset[str] = frozenset()  # ... in acts on these (drills, exercises)
    attack_actors: frozenset[str] = frozenset()  # classes whose actor the sentence's attack word may name
    attack_words: frozenset[str] = frozenset()  # classes whose agentless passive is the state's
    material: frozenset[str] = frozenset()  # classes whose agentless passive is an act
    passive_subject_acts: frozenset[str] = frozenset()
    deontic: frozenset[str] = frozenset()  # "must", "should": a reported demand of another
    signing_verbs: frozenset[str] = frozenset()  # a document's verb that signs it: SUPPORT
    agreeing_verbs: frozenset[str] = frozenset()  # one that only agrees on it: AGREE

    @property
    def light(self) -> frozenset[str]:
        return self.light_now | self.light_future | self.light_negated


def _senses(lemma: str, value) -> tuple[Sense, ...]:
    items = value if isinstance(value, list) else [value]
    out = []
    for item in items:
        if isinstance(item, str):
            item = {"class": item}
        out.append(
            Sense(
                lemma,
                item["class"],
                item.get("mode"),
                frozenset(item.get("objects") or ()),
                frozenset(item.get("particles") or ()),
                frozenset(item.get("cues") or ()),
            )
        )
    return tuple(out)


def _declare_rules(senses: dict[str, tuple[Sense, ...]], part: str) -> None:
    """Each sense of a trigger is a rule (`event.<class>.<lemma>`): its
    vocabulary is its data line, its examples the class's in examples.yaml."""
    for lemma, items in senses.items():
        for sense in items:
            mode = f" ({sense.mode})" if sense.mode else ""
            doc = f"The {part} \"{lemma}\" reports {sense.kind}{mode}."
            declare(sense.rule, doc, "data/events/triggers.yaml")


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The vocabulary, loaded once; registers each trigger sense as a rule."""
    data = load_yaml("events/triggers.yaml")
    mode_words: dict[str, dict[str, str]] = {}
    for kind, modes in data["mode_words"].items():
        mode_words[kind] = {word: mode for mode, words in modes.items() for word in words}
    light = data["light"]
    missing = [name for name, code in data["metonyms"].items() if not code]
    if missing:  # a comma inside a flow mapping's key splits it into keys without codes
        raise ValueError(f"events/triggers.yaml: metonyms without a code: {', '.join(missing)}")
    verbs = {lemma: _senses(lemma, v) for lemma, v in data["verbs"].items()}
    nouns = {lemma: _senses(lemma, v) for lemma, v in data["nouns"].items()}
    _declare_rules(verbs, "verb")
    _declare_rules(nouns, "noun")
    return Vocabulary(
        verbs=verbs,
        nouns=nouns,
        mode_words=mode_words,
        attribution=frozenset(data["attribution"]),
        light_now=frozenset(light["now"]),
        light_future=modality.verb_lemmas("future_verbs", "wish_verbs", "future_light_verbs", irregular=True),
        light_negated=modality.verb_lemmas("negating_verbs"),
        irregular={k: tuple(v) for k, v in data["irregular"].items()},
        not_agents=frozenset(data["not_agents"]),
        threat_content=frozenset(data["threat_content"]),
        meeting_verbs=frozenset(data["meeting_verbs"]),
        announcing=frozenset(data["announcing"]),
        domestic=frozenset(data["domestic"]),
        metonyms=dict(data["metonyms"]),
        side_phrases=tuple(p.removeprefix("the ") for p in two_sides().phrases()),
        side_bare=frozenset(two_sides().bare),
        side_heads=two_sides().heads(),
        government_only=frozenset(data["government_only"]),
        unnamed_actors=frozenset(data["actors"]["unnamed"]),
        place_actors=frozenset(data["actors"]["of_the_place"]),
        state_actors=frozenset(data["actors"]["of_the_state"]),
        reciprocal=frozenset(data["actors"]["joint"]["classes"]),
        joint_objects=frozenset(data["actors"]["joint"]["objects"]),
        attack_actors=frozenset(data["actors"]["attacker"]["classes"]),
        attack_words=frozenset(data["actors"]["attacker"]["words"]),
        embedded_protests={k: frozenset(v) for k, v in data["embedded_protests"].items()},
        consequences={k: frozenset(v) for k, v in data["consequences"].items()},
        deep_recipients=frozenset(data["recipients"]["deep"]),
        deep_preps={k: frozenset(v) for k, v in data["recipients"]["prepositions"].items()},
        sentence_recipients=frozenset(data["recipients"]["sentence"]),
        gerund_preps=frozenset(data["asserted"]["gerund_preps"]),
        fact_nouns=frozenset(data["asserted"]["fact_nouns"]),
        reticence_verbs=frozenset(data["reticence"]["verbs"]),
        no_comment=frozenset(data["reticence"]["infinitives"]),
        not_yet=frozenset(data.get("future_not_happened") or ()),
        doing=frozenset(data.get("doing") or ()),
        from_actor=frozenset(data.get("from_actor") or ()),
        purpose_verbs=frozenset(data.get("purpose_verbs") or ()),
        with_asides=frozenset(data.get("with_asides") or ()),
        encounters={k: frozenset(v) for k, v in (data.get("encounters") or {}).items()},
        material=frozenset(data["actors"]["material"]),
        passive_subject_acts=frozenset(data["actors"]["passive_subject_acts"]),
        deontic=frozenset(data["deontic"]),
        signing_verbs=frozenset(data["documents"]["signing"]),
        agreeing_verbs=frozenset(data["documents"]["agreeing"]),
    )


_VOWELS = frozenset("aeiou")


def inflections(lemma: str) -> set[str]:
    """The regular forms of an English verb or noun: -s/-es, -ed, -ing
    (e dropped, y to i, a final consonant after one vowel doubled)."""
    out = {lemma}
    if lemma.endswith("e"):
        out |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith("y") and lemma[-2:-1] not in _VOWELS:
        out |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    else:
        es = lemma + ("es" if lemma.endswith(("s", "sh", "ch", "x", "z")) else "s")
        out |= {es, lemma + "ed", lemma + "ing"}
        if (
            len(lemma) >= 3
            and lemma[-1] not in _VOWELS | {"w", "x", "y"}
            and lemma[-2] in _VOWELS
            and lemma[-3] not in _VOWELS
        ):
            out |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return out


@lru_cache(maxsize=1)
def surface_forms() -> frozenset[str]:
    """Every form of every trigger lemma (verbs and nouns): what the screen
    must keep a sentence for."""
    vocab = vocabulary()
    out: set[str] = set()
    for lemma in (*vocab.verbs, *vocab.nouns, *vocab.encounters.get("nouns", ())):
        out |= inflections(lemma)
        out |= set(vocab.irregular.get(lemma, ()))
    return frozenset(out)


@lru_cache(maxsize=1)
def form_lemmas() -> dict[str, str]:
    """Surface form -> trigger lemma, for the forms the rule lemmatizer gets
    wrong ("staged" -> "stag"): a trigger is looked up by its form too."""
    vocab = vocabulary()
    out: dict[str, str] = {}
    for lemma in (*vocab.verbs, *vocab.nouns):
        for form in inflections(lemma) | set(vocab.irregular.get(lemma, ())):
            out.setdefault(form, lemma)
    return out

