"""extract/modality.py alone: its facts on the sentences of
data/examples/modality.yaml (through the real spaCy model), and the word
facts every stage asks for (auxiliary kinds, verb kinds, phrases)."""

from __future__ import annotations

from importlib.resources import files

import pytest
import yaml

from diplograph.extract import modality

CASES = yaml.safe_load(files("diplograph.data").joinpath("examples/modality.yaml").read_text("utf-8"))
CASES = CASES["cases"]
FLAGS = ("future", "hypothetical", "wished", "negated", "conditional")


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c['word']}: {c['text'][:40]}")
def test_modality_of_example(nlp, case: dict) -> None:
    doc = nlp(case["text"])
    tok = next(t for t in doc if t.text == case["word"])
    found = modality.modality_of(tok)
    expect = case["expect"]
    assert {f: getattr(found, f) for f in FLAGS} == {f: bool(expect.get(f)) for f in FLAGS}
    assert found.cue == expect.get("cue")
    assert found.unreal == any(expect.get(f) for f in ("future", "hypothetical", "wished", "conditional"))


def test_auxiliary_kinds() -> None:
    assert modality.auxiliary("will") == "future"
    assert modality.auxiliary("Would") == "conditional"
    assert modality.auxiliary("might") == "hypothetical"
    assert modality.auxiliary("can") == "ability"
    assert modality.auxiliary("did") is None


def test_verb_kinds_and_forms() -> None:
    assert modality.verb_kind("hoped") == "wish_verbs"
    assert modality.verb_kind("looking") == "wish_verbs"
    assert modality.verb_kind("planned") == "future_verbs"
    assert modality.verb_kind("failed") == "negating_verbs"
    assert modality.verb_kind("refused") == "refusal_verbs"
    assert modality.verb_kind("signed") is None
    assert "looked forward to" in modality.phrases("wish_verbs")
    assert {"will", "would"} <= set(modality.phrases("future", "conditional"))
    assert {"be", "is", "was"} <= modality.verb_lemmas("future_light_verbs", irregular=True)
    assert "is" not in modality.verb_lemmas("future_light_verbs")


def test_negation_and_condition(nlp) -> None:
    doc = nlp("If the talks fail, Tokyo will not send the envoy.")
    send = next(t for t in doc if t.text == "send")
    fail = next(t for t in doc if t.text == "fail")
    assert modality.negated(send)
    assert modality.auxiliary_kinds(send) == {"future"}
    assert modality.condition_above(fail) == "if"
