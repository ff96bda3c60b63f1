"""The person rules (actors/resolve, `person.*`) on their own examples, kept
in data beside the vocabulary (data/examples/person.yaml).

Each rule runs ALONE on each of its examples (`resolve_persons(ctx, only=...)`):
a finding rule with nothing else; person.pronoun and person.nominal, and
every state and evidence step, with the finding rules on (they find the
persons those rules work on). An example marked `chain: true` also runs the
state steps before its rule, in their fixed order, because the rule reads
what they found (an explicit state, a visit): the example says so. Then
each example must be found only by the rule that lists it (or the rules of
its `also`), each other rule of its kind run alone. Real spaCy model, real
knowledge base and officials table."""

from __future__ import annotations

from functools import cache

import pytest

from diplograph import clean, parse
from diplograph.actors.resolve import FINDING_RULES, STATE_STEPS, resolve_persons
from diplograph.actors.resolve.encounters import EVIDENCE_STEPS
from diplograph.extract import rules
from diplograph.extract.context import build_context
from diplograph.records import Report

EXAMPLES = rules.examples("person")
FINDERS = frozenset(FINDING_RULES.values())
MENTIONS = frozenset({"person.pronoun", "person.nominal"})
EVIDENCE = frozenset(name for name, _ in EVIDENCE_STEPS)
DEFAULT_DATE = "2024-05-20"


def kind(rule: str) -> str:
    if rule in FINDERS:
        return "finder"
    if rule in MENTIONS:
        return "mention"
    return "evidence" if rule in EVIDENCE else "state"


def only_for(rule: str, chain: bool = False) -> frozenset[str]:
    """The rules that run for `rule`'s example: see the module docstring."""
    if kind(rule) == "finder":
        return frozenset({rule})
    before = frozenset(STATE_STEPS[: STATE_STEPS.index(rule)]) if rule in STATE_STEPS else frozenset()
    if kind(rule) == "mention":
        return FINDERS | {rule} | (frozenset(STATE_STEPS) if chain else frozenset())
    return FINDERS | MENTIONS | {rule} | (before if chain else frozenset())


@cache
def _context(nlp, text: str, published: str | None):
    report = Report("example", text, published=published)
    cleaned = clean.clean(report)
    [doc] = parse.parse([cleaned], nlp)
    return build_context(cleaned, doc)


def findings(nlp, example: dict, rule: str, chain: bool) -> set[tuple[str, str]]:
    """What `rule` finds on the example's text: (person, what) pairs of its kind."""
    ctx = _context(nlp, example["text"], example.get("published", DEFAULT_DATE))
    index = resolve_persons(ctx, only=only_for(rule, chain))
    out: set[tuple[str, str]] = set()
    for p in index.persons:
        if kind(rule) == "finder":
            out |= {(p.name, "found")} if p.found_by == rule else set()
        elif kind(rule) == "mention":
            how = "nominal" if rule == "person.nominal" else "pronoun"
            out |= {(p.name, ctx.text[m.start : m.end]) for m in p.mentions if m.how.startswith(how)}
        elif kind(rule) == "state":
            out |= {(p.name, p.country)} if p.rule == rule else set()
        else:
            prefix = f"{rule}: not "
            out |= {(p.name, note[len(prefix) :]) for note in p.trace if note.startswith(prefix)}
    return out


def expected(example: dict) -> tuple[str, str]:
    what = {"finder": "found", "mention": example.get("mention"), "state": example.get("country"),
            "evidence": example.get("not")}[kind(example["rule"])]
    return example["person"], what


def _id(example: dict) -> str:
    return f"{example['rule']}: {example['text'][:40]}"


def test_every_person_rule_is_registered_documented_and_has_examples() -> None:
    registered = {r.name: r for r in rules.registered("person")}
    assert set(registered) == FINDERS | MENTIONS | set(STATE_STEPS)
    fires = {e["rule"] for e in EXAMPLES["fires"]}
    silent = {e["rule"] for e in EXAMPLES["silent"]}
    for name, r in registered.items():
        assert r.doc, f"{name} has no docstring"
        assert name in fires, f"{name} has no example it must fire on"
        assert name in silent, f"{name} has no example it must stay silent on"


@pytest.mark.parametrize("example", EXAMPLES["fires"], ids=_id)
def test_a_person_rule_finds_its_example(nlp, example: dict) -> None:
    assert expected(example) in findings(nlp, example, example["rule"], example.get("chain", False))


@pytest.mark.parametrize("example", EXAMPLES["silent"], ids=_id)
def test_a_person_rule_stays_silent_on_its_example(nlp, example: dict) -> None:
    found = findings(nlp, example, example["rule"], example.get("chain", False))
    if "person" in example:
        found = {f for f in found if f[0] == example["person"]}
    assert not found


@pytest.mark.parametrize("example", EXAMPLES["fires"], ids=_id)
def test_an_example_is_found_only_by_the_rule_that_lists_it(nlp, example: dict) -> None:
    allowed = {example["rule"], *example.get("also", [])}
    wanted = expected(example)
    others = [r.name for r in rules.registered("person")
              if r.name not in allowed and kind(r.name) == kind(example["rule"])]
    chain = example.get("chain", False)
    also = [name for name in others if wanted in findings(nlp, example, name, chain and name in STATE_STEPS
                                                          and STATE_STEPS.index(name)
                                                          < STATE_STEPS.index(example["rule"]))]
    assert not also, f"also found by {also}"
