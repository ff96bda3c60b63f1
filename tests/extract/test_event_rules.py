"""Each PLOVER class's example sentences (data/events/examples.yaml), run
alone through the whole extraction: the events they must give, and those
they must not."""

from __future__ import annotations

import pytest

from diplograph import clean, parse
from diplograph.actors.knowledge import load_yaml
from diplograph.extract import extract
from diplograph.plover import codebook
from diplograph.records import Report

EXAMPLES = load_yaml("events/examples.yaml")


def _events(nlp, text: str):
    report = Report("t", text, published="2025-10-27")
    cleaned = clean.clean(report)
    [doc] = parse.parse([cleaned], nlp)
    found = extract(cleaned, doc).events
    for e in found:
        assert report.text[e.span.start : e.span.end] == e.evidence
        assert e.rule and e.rule.startswith("event.")
    return found


def _fires():
    for kind, items in EXAMPLES["fires"].items():
        for item in items:
            yield pytest.param(item.get("type", kind), item, id=f"{kind}: {item['text'][:50]}")


def _silent():
    for kind, texts in EXAMPLES["silent"].items():
        for text in texts:
            yield pytest.param(kind, text, id=f"{kind}: {text[:50]}")


@pytest.mark.parametrize(("kind", "item"), list(_fires()))
def test_fires(nlp, kind: str, item: dict) -> None:
    found = _events(nlp, item["text"])
    negated = item.get("negated", False)
    hypothetical = item.get("hypothetical", False)
    hits = [e for e in found if e.type == kind and e.negated == negated and e.hypothetical == hypothetical]
    if not item.get("any_actor"):
        hits = [e for e in hits if set(e.actor) == set(item["actor"])]
    if "recipient" in item:
        hits = [e for e in hits if set(e.recipient) == set(item["recipient"])]
    assert hits, [(e.type, e.actor, e.recipient, e.mode, e.negated, e.hypothetical) for e in found]
    if "mode" in item:
        assert item["mode"] in {e.mode for e in hits}
    for e in hits:
        assert e.mode is None or e.mode in codebook().classes[e.type].modes


@pytest.mark.parametrize(("kind", "text"), list(_silent()))
def test_silent(nlp, kind: str, text: str) -> None:
    found = [e for e in _events(nlp, text) if e.type == kind and not e.negated and not e.hypothetical]
    assert not found, [(e.type, e.actor, e.recipient, e.rule) for e in found]


def test_every_class_of_the_codebook_has_examples() -> None:
    assert set(EXAMPLES["fires"]) >= set(codebook().classes)
