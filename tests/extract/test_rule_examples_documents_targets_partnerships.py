"""The documents, targets and partnerships rules on their own examples, kept
in data beside the vocabulary (data/examples/{document,target,partnership}.yaml).

Each rule is run ALONE (`rules.alone`: at the point where each rule of the
family decides, only that one may make a record) on each of its examples,
through the real spaCy model and the real extraction stage. A `fires`
example must give exactly its expected records; every other rule of its
family run alone on it must give nothing, unless the example lists it under
`also`; a `silent` example must give nothing by its rule alone. Every
registered rule of the three families has at least one example of each."""

from __future__ import annotations

from functools import cache

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


@cache
def _parsed(nlp, text: str):
    report = Report("d", text, published="2024-05-20")
    cleaned = clean.clean(report)
    [doc] = parse.parse([cleaned], nlp)
    return cleaned, doc


def _alone(nlp, family: str, text: str, name: str) -> list:
    """The family's records when only the rule `name` runs."""
    cleaned, doc = _parsed(nlp, text)
    with rules.alone(name):
        return list(getattr(extract(cleaned, doc), FAMILIES[family][0]))


def _records(nlp, family: str, text: str) -> list:
    """The family's records of the whole stage."""
    cleaned, doc = _parsed(nlp, text)
    return list(getattr(extract(cleaned, doc), FAMILIES[family][0]))


def _id(item: tuple[str, dict]) -> str:
    return f"{item[1]['rule']}: {item[1]['text'][:50]}"


@pytest.mark.parametrize("item", _examples("fires"), ids=_id)
def test_a_rule_alone_fires_on_its_examples(nlp, item) -> None:
    family, example = item
    _attr, key, describe = FAMILIES[family]
    found = _alone(nlp, family, example["text"], example["rule"])
    assert sorted(describe(r) for r in found) == sorted(example[key])
    assert all(example["rule"] in r.rules for r in found)


@pytest.mark.parametrize("item", _examples("fires"), ids=_id)
def test_no_other_rule_alone_fires_on_an_example(nlp, item) -> None:
    family, example = item
    _attr, _key, describe = FAMILIES[family]
    allowed = {example["rule"], *example.get("also", [])}
    others = {r.name: _alone(nlp, family, example["text"], r.name) for r in rules.registered(family)
              if r.name not in allowed}
    assert not {name: [describe(r) for r in found] for name, found in others.items() if found}


@pytest.mark.parametrize("item", _examples("silent"), ids=_id)
def test_a_rule_alone_stays_silent_on_its_examples(nlp, item) -> None:
    family, example = item
    assert not _alone(nlp, family, example["text"], example["rule"])


def test_the_layers_name_registered_rules() -> None:
    from diplograph.extract.documents.status import GROUP_RULES, STATUS_RULES
    from diplograph.extract.partnerships import LEVEL_RULES
    from diplograph.extract.targets import LENDING_RULES
    from diplograph.extract.targets import STATUS_RULES as TARGET_STATUS

    known = {r.name for r in rules.registered()}
    assert set(STATUS_RULES) | set(LEVEL_RULES) | set(LENDING_RULES) | set(TARGET_STATUS) <= known
    assert any(name.startswith(GROUP_RULES) for name in known)
    # every rule of the three families is in a layer, so it can run alone
    layered = set(STATUS_RULES) | set(LEVEL_RULES) | set(LENDING_RULES) | set(TARGET_STATUS)
    for family in FAMILIES:
        for r in rules.registered(family):
            assert r.name in layered or r.name.startswith(GROUP_RULES), r.name


def test_rules_alone_is_undone_after_its_block() -> None:
    with rules.alone("document.passive"):
        assert rules.enabled("document.passive", ("document.passive", "document.signing_verb"))
        assert not rules.enabled("document.signing_verb", ("document.passive", "document.signing_verb"))
        assert rules.enabled("target.actual", ("target.actual",))  # another layer runs whole
    assert rules.enabled("document.signing_verb", ("document.signing_verb",))


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
