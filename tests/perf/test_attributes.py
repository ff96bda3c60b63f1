"""`diplograph.attributes.AttributeRules` gives exactly what the model's own
`attribute_ruler` gives, token for token, on real reports."""

from __future__ import annotations

from pathlib import Path

import pytest

from diplograph import attributes
from diplograph.nlp import load_stock_model

pytestmark = pytest.mark.shared

ATTRS = ("pos_", "tag_", "dep_", "lemma_")


@pytest.mark.parametrize("memo_limit", [attributes._MEMO_LIMIT, 50])
def test_same_attributes_as_the_stock_attribute_ruler(
    seeds: list[Path], dev_docs: list[Path], memo_limit: int, monkeypatch
) -> None:
    # a small memo limit: the (tag, form) memo is cleared again and again mid-document
    monkeypatch.setattr(attributes, "_MEMO_LIMIT", memo_limit)
    stock = load_stock_model()
    ruler = stock.get_pipe("attribute_ruler")
    fast = attributes.AttributeRules(ruler)
    texts = [p.read_text(encoding="utf-8") for p in [*seeds, *dev_docs[:8]]]
    before_ruler = [name for name in stock.pipe_names if name in ("tok2vec", "tagger", "parser")]
    compared = 0
    with stock.select_pipes(enable=before_ruler):
        parsed = list(stock.pipe(texts))
    for doc in parsed:
        a, b = ruler(doc.copy()), fast(doc.copy())
        for x, y in zip(a, b, strict=True):
            assert [getattr(x, n) for n in ATTRS] + [str(x.morph)] == [getattr(y, n) for n in ATTRS] + [
                str(y.morph)
            ], x.text
            compared += 1
    assert compared > 5000


def test_load_model_uses_the_fast_rules(nlp) -> None:
    assert attributes.NAME in nlp.pipe_names
    assert "attribute_ruler" not in nlp.pipe_names
    doc = nlp("The two leaders met in Hanoi and they did not sign it.")
    assert [t.pos_ for t in doc][:4] == ["DET", "NUM", "NOUN", "VERB"]
