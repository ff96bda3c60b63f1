"""The model's own attribute rules (tag -> POS and morphology, exceptions),
applied by dictionary look-up instead of spaCy's Matcher.

Why: `en_core_web_sm`'s `attribute_ruler` runs its 179 token patterns through
the general-purpose Matcher, which tries every pattern at every token; that
is about a tenth of the parse's time. Almost every pattern tests the
token's fine-grained tag or its lower-case form, so indexing the patterns by
those two values leaves a handful to try per token. The rules are the
model's own (copied from its `attribute_ruler` when the model is loaded,
never written here), and they are applied with the same semantics: every
pattern is matched against the attributes as the parser left them, then the
matches are applied in pattern order (a later pattern wins), with spaCy's
own `set_token_attrs`. tests/perf checks that the result is identical to the
stock component's on real reports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

#: Name of the component (it replaces the model's `attribute_ruler`).
NAME = "diplograph_attribute_rules"

#: Token attributes the model's patterns test, and how we read them.
_READERS = {
    "TAG": lambda t: t.tag_,
    "LOWER": lambda t: t.lower_,
    "DEP": lambda t: t.dep_,
    "IS_SPACE": lambda t: t.is_space,
}


def _test(attr: str, spec) -> tuple:
    """One condition as (attribute, kind, value)."""
    if attr not in _READERS:
        raise ValueError(f"attribute rule tests {attr}, which this component does not read")
    if isinstance(spec, dict):
        ((op, value),) = spec.items()
        if op == "IN":
            return attr, "in", frozenset(value)
        if op == "NOT_IN":
            return attr, "not_in", frozenset(value)
        if op == "REGEX":
            return attr, "regex", re.compile(value)
        raise ValueError(f"attribute rule operator {op} is not supported")
    return attr, "eq", spec


def _holds(values: dict, tests: tuple) -> bool:
    for attr, kind, value in tests:
        got = values[attr]
        if kind == "eq":
            if got != value:
                return False
        elif kind == "in":
            if got not in value:
                return False
        elif kind == "not_in":
            if got in value:
                return False
        elif not value.search(got):
            return False
    return True


def _keys(tests: tuple) -> list[tuple[str | None, str | None]]:
    """The index keys of a rule's first token: every (tag, lower) it can match,
    None where it does not test that attribute for equality or membership."""
    options: dict[str, list] = {"TAG": [None], "LOWER": [None]}
    for attr, kind, value in tests:
        if attr in options and kind == "eq":
            options[attr] = [value]
        elif attr in options and kind == "in":
            options[attr] = sorted(value)
    return [(tag, lower) for tag in options["TAG"] for lower in options["LOWER"]]


@dataclass(frozen=True)
class _Rule:
    order: int  # the pattern's position in the ruler: later wins
    tokens: tuple[tuple, ...]  # per token of the pattern, its conditions
    index: int  # which matched token gets the attributes
    attrs: dict


class AttributeRules:
    """A drop-in replacement for a loaded `AttributeRuler` (same rules, same result)."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.rules: list[_Rule] = []
        # Rules indexed by what their first token must equal: (tag, lower),
        # with None where the rule does not test that attribute for equality.
        self.index: dict[tuple[str | None, str | None], list[_Rule]] = {}
        self.attrs: list[dict] = list(ruler.attrs)
        for order, entry in enumerate(ruler.patterns):
            for pattern in entry["patterns"]:
                tokens = tuple(tuple(_test(a, s) for a, s in token.items()) for token in pattern)
                rule = _Rule(order, tokens, entry["index"], ruler.attrs[order])
                self.rules.append(rule)
                for key in _keys(tokens[0]):
                    self.index.setdefault(key, []).append(rule)

    def __call__(self, doc: Doc) -> Doc:
        values = [{attr: read(t) for attr, read in _READERS.items()} for t in doc]
        n = len(doc)
        matches: list[tuple[int, int]] = []
        index = self.index
        for i, here in enumerate(values):
            tag, lower = here["TAG"], here["LOWER"]
            for key in ((tag, lower), (tag, None), (None, lower), (None, None)):
                group = index.get(key)
                if not group:
                    continue
                for rule in group:
                    size = len(rule.tokens)
                    if i + size > n:
                        continue
                    if all(_holds(values[i + k], rule.tokens[k]) for k in range(size)):
                        at = rule.index if rule.index >= 0 else size + rule.index
                        matches.append((rule.order, i + at))
        matches.sort(key=lambda m: m[0])  # stable: pattern order, as spaCy applies them
        for order, position in matches:
            set_token_attrs(doc[position], self.attrs[order])
        return doc


@Language.factory(NAME)
def _make(nlp: Language, name: str) -> _Placeholder:
    return _Placeholder()


class _Placeholder:
    """Holds the place in the pipeline until `use_attribute_rules` fills it."""

    rules: AttributeRules | None = None

    def __call__(self, doc: Doc) -> Doc:
        if self.rules is None:
            raise RuntimeError(f"{NAME} has no rules: add it with attributes.use_attribute_rules")
        return self.rules(doc)


def use_attribute_rules(nlp: Language) -> Language:
    """Replace the model's `attribute_ruler` with `AttributeRules` built from it."""
    if "attribute_ruler" not in nlp.pipe_names:
        return nlp
    ruler = nlp.get_pipe("attribute_ruler")
    placeholder = nlp.add_pipe(NAME, before="attribute_ruler")
    placeholder.rules = AttributeRules(ruler)
    nlp.remove_pipe("attribute_ruler")
    return nlp
