"""Lemmas for the events vocabulary, read only for the words that need one.

Why not the pipeline's lemmatizer: `nlp.py` drops spaCy's lemmatizer from
the parse (no other extractor reads lemmas, and it runs over every token).
The events extractor asks for the lemma of a few verbs and nouns a
sentence, so it calls the same rule lemmatizer (the model's own tables,
the same `lemma_` the full pipeline gives) on those tokens only, cached by
form and tag: identical lemmas at a small fraction of the cost.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from diplograph.extract.rules import declare
from diplograph.nlp import load_stock_model

declare("event.trigger.hyphenated", "A hyphenated compound the tokenizer split is looked up with its parts "
        "joined (\"cease-fire\" is the codebook's \"ceasefire\", \"air-strike\" its \"airstrike\").",
        "data/events/triggers.yaml")

_KEEP = ("lemmatizer",)
_ALL = ("tok2vec", "tagger", "parser", "senter", "attribute_ruler", "ner")


@lru_cache(maxsize=1)
def _lemmatizer():
    nlp = load_stock_model(disable=_ALL)
    return nlp.get_pipe("lemmatizer")


_CACHE: dict[tuple[str, str, str], str] = {}


def lemma(token: Token) -> str:
    """spaCy's lemma of a token, lower case (the attribute rules' lemma
    where they set one, else the rule lemmatizer's)."""
    key = (token.lower_, token.pos_, token.tag_)
    found = _CACHE.get(key)
    if found is None:
        if token.pos_ in ("VERB", "NOUN", "AUX", "ADJ"):
            found = _lemmatizer().rule_lemmatize(token)[0].lower()
        else:
            found = token.lower_
        if len(_CACHE) < 200_000:
            _CACHE[key] = found
    return found


def joined(token: Token) -> str:
    """The lemma of a hyphenated compound the tokenizer split, its parts
    joined ("cease-fire" -> "ceasefire", "air-strike" -> "airstrike"): the
    codebook's words are written both ways. Empty where the word before is
    no hyphen written tight."""
    i = token.i
    if i < 2 or token.pos_ != "NOUN":
        return ""
    doc = token.doc
    hyphen, first = doc[i - 1], doc[i - 2]
    if hyphen.text != "-" or hyphen.whitespace_ or first.whitespace_ or not first.is_alpha:
        return ""
    return first.lower_ + lemma(token)
