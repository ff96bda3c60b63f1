"""The model's matrix products through numpy (OpenBLAS) instead of BLIS.

Why: thinc, which runs spaCy's networks, multiplies matrices with BLIS by
default. On some processors BLIS has no kernel tuned for the chip. On the
project's machine (AMD Zen 5) it reaches about 42 GFLOP/s on one core, while
numpy's OpenBLAS reaches about 130 GFLOP/s on the same core and the same
shapes. The tok2vec layers and the parser's and NER's input layers are
mostly matrix products, so this choice alone takes about 30% off a report's
parse. thinc supports it as an option, `NumpyOps(use_blis=False)`, which
sends `gemm` to `numpy.dot`.

Only the weights' arithmetic changes. The model, its rules and its decisions
do not. tests/perf/test_matmul.py checks that every tag, dependency,
sentence start and entity is the same as with BLIS on real reports. In
float32 a different summation order could in principle flip a decision that
sits on a tie; we have not seen one.

OpenBLAS starts one thread per core. diplograph already puts one worker
process on each core (`--jobs`), so parsing runs with OpenBLAS held to one
thread (`one_thread`): no oversubscription, and `--jobs 1` means one core.
The limit is scoped to the parse, so a library user's own numpy work is
left as it was.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from functools import cache

from spacy.language import Language
from thinc.api import NumpyOps


def use_numpy_matmul(nlp: Language) -> int:
    """Make every layer of `nlp`'s models multiply with numpy; return how
    many layers were switched.

    Each layer is set one by one. Loading the model under thinc's `use_ops`
    would leave the parser's and the NER's output layers on BLIS, because
    spaCy builds them with the default ops."""
    ops = NumpyOps(use_blis=False)
    switched = 0
    for _name, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for layer in model.walk():
            layer.ops = ops
            switched += 1
    return switched


@cache
def _blas_libraries():
    """threadpoolctl's controller for the BLAS libraries loaded in this process
    (built once: finding them walks the loaded shared objects, about 4 ms)."""
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController().select(user_api="blas")


@contextlib.contextmanager
def one_thread() -> Iterator[None]:
    """Hold the BLAS libraries to one thread inside the block (about 5 us)."""
    with _blas_libraries().limit(limits=1):
        yield
