"""Persons in a report: found, given a role and a country, and their short
forms tied together, by named rules run in a fixed order.

Why not spaCy's NER alone: the small English model misses or mislabels many
Southeast Asian names ("Trung" as a place, "Ishiba" as an organisation), but
diplomatic prose names people by office: "Malaysian Prime Minister Anwar
Ibrahim", "ASEAN Secretary-General Kao Kim Hourn", "his Lao counterpart
Sonexay Siphandone", "Carlos Felipe Jaramillo, World Bank Vice President".
Titles, honorifics and cue words are data (`data/titles.yaml`,
`data/resolve.yaml`).

The modules, one job each:

    vocabulary.py   the words, loaded once (titles, cue words, encounter words)
    words.py        a sentence as words with offsets and state mentions
    titles.py       title runs, names, roles, appositions
    finding.py      the finding rules: person.title, person.counterpart_name,
                    person.known_name, person.entity, person.subject
    coreference.py  candidates into persons; every later mention: names,
                    person.pronoun, person.nominal
    encounters.py   the evidence steps: who is not of which state, who visits, who met
    states.py       the state steps: person.explicit ... person.home

Each rule is registered with the rule registry (`diplograph.extract.rules`,
by `extract/persons.py`: actors is a stage below extract and does not import
it) and has examples in `data/examples/person.yaml`. A person keeps the
rules that found it and gave its state (`ResolvedPerson.rule`, `steps`,
`trace`), printed by `diplograph extract --explain`.

Everything is computed once per report; lookups are dictionaries, never a
fuzzy scan over all tokens.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import TYPE_CHECKING

from diplograph.actors.resolve import pairs, states
from diplograph.actors.resolve.coreference import cluster, find_mentions, nominals
from diplograph.actors.resolve.encounters import EVIDENCE_STEPS, Evidence
from diplograph.actors.resolve.finding import enabled, repeated_subjects, sentence_candidates
from diplograph.actors.resolve.index import (
    FINDING_RULES,
    Candidate,
    PersonIndex,
    PersonMention,
    ResolvedPerson,
)
from diplograph.actors.resolve.states import home_states
from diplograph.actors.resolve.vocabulary import (
    JOINED,
    TitleVocabulary,
    encounter_words,
    nominal_pattern,
    vocabulary,
)
from diplograph.actors.resolve.words import Word, words_of

if TYPE_CHECKING:
    from diplograph.extract.context import ReportContext

__all__ = [
    "JOINED", "Candidate", "PersonIndex", "PersonMention", "ResolvedPerson", "TitleVocabulary", "Word",
    "encounter_words", "home_states", "nominal_pattern", "resolve_persons", "rule_functions", "vocabulary",
    "words_of", "STATE_STEPS", "EVIDENCE_STEPS", "FINDING_RULES",
]

Step = Callable[["ReportContext", PersonIndex], None]

#: the explicit state steps, in order: the text's own word, before any evidence or guess
EXPLICIT_STEPS: tuple[tuple[str, Step], ...] = (
    ("person.explicit", states.explicit),
    ("person.nominal_apposition", states.nominal_appositions),
    ("person.delegation_head", states.delegation_heads),
    ("person.postposed_state", states.postposed_states),
    ("person.on_behalf", states.on_behalf),
    ("person.institution", states.institutions_named),
    ("person.side_list", states.side_lists),
    ("person.paired_states", pairs.paired_states),
    ("person.group_list", pairs.group_lists),
    ("person.of_state_title", pairs.of_state_titles),
)
#: the steps after the evidence, in order: knowledge, then guesses
LATER_STEPS: tuple[tuple[str, Step], ...] = (
    ("person.knowledge", states.known_officials),
    ("person.kin", states.kin),
    ("person.list_mate", states.list_mates),
)
#: the rules one function makes: the last state step (which list a state came from)
SIDE_RULES = ("person.host_side", "person.partner", "person.name_origin", "person.home")
#: every state step's name, in the order they run (the evidence steps run between explicit and later)
STATE_STEPS = tuple(n for n, _ in EXPLICIT_STEPS) + tuple(n for n, _ in EVIDENCE_STEPS) \
    + tuple(n for n, _ in LATER_STEPS) + SIDE_RULES


def resolve_persons(ctx: ReportContext, only: Collection[str] | None = None) -> PersonIndex:
    """All persons of the report, with coreference, roles and countries.

    `only` (for a rule's examples test) names the rules that run; the words,
    clustering and name mentions always do."""
    vocab = vocabulary()
    sentence_words: dict[int, list[Word]] = {}
    candidates: list[Candidate] = []
    pos_at = {t.idx: t.pos_ for t in ctx.doc}
    for sent in ctx.sentences:
        words = words_of(sent.text, sent.start, sent.mentions)
        for w in words:
            w.pos = pos_at.get(w.start, "")
        sentence_words[sent.index] = words
        candidates += sentence_candidates(ctx, sent, words, vocab, only)
    if enabled("person.subject", only):
        candidates += repeated_subjects(ctx, sentence_words, candidates, vocab)
    index = PersonIndex(cluster(candidates, vocab), {}, [])
    find_mentions(ctx, index, sentence_words, vocab, pronouns_on=enabled("person.pronoun", only))
    index.home = home_states(ctx)
    _run_states(ctx, index, only)
    if enabled("person.nominal", only):
        nominals(ctx, index)
    return index


def _run_states(ctx: ReportContext, index: PersonIndex, only: Collection[str] | None) -> None:
    """The state steps in their fixed order (see states.py)."""
    for name, step in EXPLICIT_STEPS:
        if enabled(name, only):
            step(ctx, index)
    evidence = Evidence(index.persons)
    for name, gather in EVIDENCE_STEPS:
        if enabled(name, only):
            gather(ctx, index, evidence)
    for name, step in LATER_STEPS:
        if enabled(name, only):
            step(ctx, index)
    if only is None or set(SIDE_RULES) & set(only):
        states.sides_and_home(ctx, index, evidence)
    index.visitors = set(evidence.visited)


def rule_functions() -> list[tuple[str, Callable | None, str]]:
    """Every rule of the person family: (name, function or None for a branch, module),
    for the registry (`extract/persons.py` registers them)."""
    from diplograph.actors.resolve import coreference, finding

    out: list[tuple[str, Callable | None, str]] = [
        ("person.title", finding.title_candidate, finding.__name__),
        ("person.counterpart_name", finding.counterpart_candidate, finding.__name__),
        ("person.known_name", finding.known_candidates, finding.__name__),
        ("person.entity", finding.entity_candidates, finding.__name__),
        ("person.apposed_title", finding.apposed_candidates, finding.__name__),
        ("person.subject", finding.repeated_subjects, finding.__name__),
        ("person.pronoun", coreference.pronouns, coreference.__name__),
        ("person.nominal", coreference.nominals, coreference.__name__),
    ]
    out += [(n, f, f.__module__) for n, f in EXPLICIT_STEPS + EVIDENCE_STEPS + LATER_STEPS]
    out += [("person.host_side", None, states.__name__), ("person.partner", None, states.__name__),
            ("person.name_origin", None, states.__name__),
            ("person.home", states.sides_and_home, states.__name__)]
    return out

