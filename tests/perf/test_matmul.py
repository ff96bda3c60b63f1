"""`diplograph.matmul`: the model multiplies its matrices with numpy (OpenBLAS)
instead of BLIS, and that changes nothing the extractors read: every tag,
POS, dependency, head, sentence start and entity is the same, token for
token, on every real report we have. BLAS runs on one thread while parsing,
and only then."""

from __future__ import annotations

from pathlib import Path

import pytest
from threadpoolctl import threadpool_info

from diplograph import clean, matmul, parse
from diplograph import nlp as nlp_module
from diplograph.read.common import finish
from diplograph.records import Report

ROOT = Path(__file__).resolve().parents[2]


def _layers(nlp) -> list:
    return [layer for _, c in nlp.pipeline if hasattr(c, "model") for layer in c.model.walk()]


def _annotations(doc) -> list[tuple]:
    return [
        (t.i, t.tag_, t.pos_, t.dep_, t.head.i, t.is_sent_start, t.ent_iob_, t.ent_type_, str(t.morph))
        for t in doc
    ]


def test_load_model_switches_every_layer_to_numpy(nlp) -> None:
    layers = _layers(nlp)
    assert len(layers) > 100
    assert all(layer.ops.use_blis is False for layer in layers)


@pytest.mark.shared
def test_same_parse_as_with_blis(nlp, seeds: list[Path], dev_docs: list[Path], monkeypatch) -> None:
    monkeypatch.setattr(nlp_module, "NUMPY_MATMUL", False)
    blis_nlp = parse.with_line_breaks(nlp_module.load_model.__wrapped__())  # uncached: a fresh copy
    assert all(layer.ops.use_blis for layer in _layers(blis_nlp))
    paths = [*seeds, *dev_docs, *sorted((ROOT / "eval" / "extra" / "docs").glob("*.txt"))]
    texts = [parse.parsed_text(clean.clean(finish(Report(id=p.stem, text=p.read_text(encoding="utf-8"),
                                                          source=str(p))))) for p in paths]  # fmt: skip
    numpy_nlp = parse.with_line_breaks(nlp)
    with matmul.one_thread():
        fast, slow = list(numpy_nlp.pipe(texts)), list(blis_nlp.pipe(texts))
    tokens = 0
    for path, a, b in zip(paths, fast, slow, strict=True):
        assert _annotations(a) == _annotations(b), path.name
        assert [(e.start, e.end, e.label_) for e in a.ents] == [(e.start, e.end, e.label_) for e in b.ents]
        tokens += len(a)
    assert len(paths) >= 30 and tokens > 15_000


def test_one_thread_holds_blas_to_one_thread_inside_the_block_only() -> None:
    def blas_threads() -> list[int]:
        return [lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"]

    before = blas_threads()
    assert before, "numpy's BLAS should be found"
    with matmul.one_thread():
        assert blas_threads() == [1] * len(before)
    assert blas_threads() == before
