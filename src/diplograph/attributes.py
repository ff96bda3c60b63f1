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

Most rules test nothing but the tag and the form ("NN" -> NOUN), so which
rules a (tag, form) pair satisfies outright, and which still need a test of
another attribute (the dependency label) or of the next token, is worked out
once per pair and remembered: a token then costs one dictionary look-up.
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
        self._memo: dict[tuple[str, str], tuple] = {}
        for order, entry in enumerate(ruler.patterns):
            for pattern in entry["patterns"]:
                tokens = tuple(tuple(_test(a, s) for a, s in token.items()) for token in pattern)
                rule = _Rule(order, tokens, entry["index"], ruler.attrs[order])
                self.rules.append(rule)
                for key in _keys(tokens[0]):
                    self.index.setdefault(key, []).append(rule)

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        matches: list[tuple[int, int]] = []
        values: dict[int, dict] = {}  # the attributes of a token, read only when a rule needs them
        memo = self._memo
        for i, token in enumerate(doc):
            key = (token.tag_, token.lower_)
            certain, to_check = memo.get(key) or self._candidates(*key)
            for order, at in certain:
                matches.append((order, i + at))
            for rule, first in to_check:
                size = len(rule.tokens)
                if i + size > n:
                    continue
                if _holds(_values(doc, i, values, token), first) and all(
                    _holds(_values(doc, i + k, values), rule.tokens[k]) for k in range(1, size)
                ):
                    at = rule.index if rule.index >= 0 else size + rule.index
                    matches.append((rule.order, i + at))
        matches.sort(key=lambda m: m[0])  # stable: pattern order, as spaCy applies them
        for order, position in matches:
            set_token_attrs(doc[position], self.attrs[order])
        return doc

    def _candidates(self, tag: str, lower: str) -> tuple[list[tuple[int, int]], list[tuple[_Rule, tuple]]]:
        """The rules a token with this tag and lower-case form may start:
        those its tag and form already satisfy as (order, offset of the token
        that gets the attributes), and those that still test something else
        (another attribute, another token) with the first token's remaining
        tests. Worked out once per (tag, form) and remembered (`__call__`
        looks in the memo first)."""
        certain: list[tuple[int, int]] = []
        to_check: list[tuple[_Rule, tuple]] = []
        # what the tag and the form decide (whitespace is a property of the form)
        here = {"TAG": tag, "LOWER": lower, "IS_SPACE": lower.isspace()}
        for index_key in ((tag, lower), (tag, None), (None, lower), (None, None)):
            for rule in self.index.get(index_key, ()):
                known = tuple(t for t in rule.tokens[0] if t[0] in here)
                rest = tuple(t for t in rule.tokens[0] if t[0] not in here)
                if not _holds(here, known):
                    continue
                if rest or len(rule.tokens) > 1:
                    to_check.append((rule, rest))
                else:
                    size = len(rule.tokens)
                    certain.append((rule.order, rule.index if rule.index >= 0 else size + rule.index))
        if len(self._memo) > _MEMO_LIMIT:
            self._memo.clear()  # bounded however many word forms a corpus has
        self._memo[(tag, lower)] = found = (certain, to_check)
        return found


def _values(doc: Doc, i: int, values: dict[int, dict], token=None) -> dict:
    """The attributes the rules test, of the token at `i` (read once per token;
    the same four as `_READERS`, read directly: this is the hot path)."""
    got = values.get(i)
    if got is None:
        token = doc[i] if token is None else token
        got = values[i] = {"TAG": token.tag_, "LOWER": token.lower_, "DEP": token.dep_,
                           "IS_SPACE": token.is_space}  # fmt: skip
    return got


#: (tag, form) pairs remembered by `AttributeRules._candidates` before it starts afresh.
_MEMO_LIMIT = 200_000


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
