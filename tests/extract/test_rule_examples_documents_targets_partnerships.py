"""The documents, targets and partnerships rules on their own examples, kept
in data beside the vocabulary (data/examples/{document,target,partnership}.yaml).

Each rule is run on each of its examples through the real spaCy model and the
real extraction stage; what the rule found is the records whose `rules` name
it. A `fires` example must give exactly its expected records by its rule, and
every other record of its kind must come from a rule it lists under `also`;
a `silent` example must give no record by its rule. Every registered rule of
the three families has at least one example of each."""

from __future__ import annotations

import pytest

import diplograph.extract.documents  # noqa: F401 - registers the documents rules
import diplograph.extract.partnerships  # noqa: F401 - registers the partnerships rules
import diplograph.extract.targets  # noqa: F401 - registers the targets rules
from diplograph import clean, parse
from diplograph.extract import extract, rules
from diplograph.records import Report

#: family -> (the Extraction's attribute, the key of an example's expectation,
#: a record as the examples write it)
FAMILIES = {
    "document": ("documents", "documents", lambda d: [d.title, d.status]),
    "target": ("targets", "targets", lambda t: [t.metric, t.amount, t.currency, t.year, t.status]),
    "partnership": ("partnerships", "partnerships", lambda p: [p.level, p.change]),
}


def _examples(kind: str) -> list[tuple[str, dict]]:
    return [(family, e) for family in FAMILIES for e in rules.examples(family)[kind]]


def _records(nlp, family: str, text: str) -> list:
    report = Report("d", text, published="2024-05-20")
    cleaned = clean.clean(report)
    [doc] = parse.parse([cleaned], nlp)
    return list(getattr(extract(cleaned, doc), FAMILIES[family][0]))


def _id(item: tuple[str, dict]) -> str:
    return f"{item[1]['rule']}: {item[1]['text'][:50]}"


@pytest.mark.parametrize("item", _examples("fires"), ids=_id)
def test_a_rule_fires_on_its_examples(nlp, item) -> None:
    family, example = item
    _attr, key, describe = FAMILIES[family]
    found = _records(nlp, family, example["text"])
    by_rule = sorted(describe(r) for r in found if example["rule"] in r.rules)
    assert by_rule == sorted(example[key])
    allowed = {example["rule"], *example.get("also", [])}
    assert all(set(r.rules) <= allowed for r in found), [(describe(r), r.rules) for r in found]


@pytest.mark.parametrize("item", _examples("silent"), ids=_id)
def test_a_rule_stays_silent_on_its_examples(nlp, item) -> None:
    family, example = item
    found = _records(nlp, family, example["text"])
    assert not [r for r in found if example["rule"] in r.rules]


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_every_rule_has_a_docstring_and_examples_both_ways(family: str) -> None:
    examples = rules.examples(family)
    fires = {e["rule"] for e in examples["fires"]}
    silent = {e["rule"] for e in examples["silent"]}
    for r in rules.registered(family):
        assert r.doc, f"{r.name} has no docstring"
        assert r.name in fires, f"{r.name} has no example it must fire on"
        assert r.name in silent, f"{r.name} has no example it must stay silent on"
    known = {r.name for r in rules.registered(family)}
    assert fires | silent <= known, f"examples of unregistered rules: {(fires | silent) - known}"


def test_every_record_names_its_rule(nlp) -> None:
    text = (
        "Vietnam and Japan upgraded their ties to a Comprehensive Strategic Partnership on Monday and "
        "signed a memorandum of understanding on energy. They aim to raise two-way trade to US$60 billion "
        "by 2030."
    )
    for family in FAMILIES:
        found = _records(nlp, family, text)
        assert found and all(r.rule and r.rule.startswith(family + ".") for r in found)
