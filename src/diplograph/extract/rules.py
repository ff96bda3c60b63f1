"""The registry of extraction rules: every rule has a dotted name, a docstring
that says why, its vocabulary in `data/`, and examples in
`data/examples/<family>.yaml` that it must fire on and stay silent on.

Why a registry (after spaCy's registered components and PETRARCH's
dictionaries kept apart from the engine): a newcomer adds a pattern with a
data line and an example, not by reading a function of a hundred branches;
a wrong record names the rule that made it (`Provenance.rule`, printed by
`diplograph extract --explain`); and each rule can be run alone on its own
examples (tests/extract/test_meeting_rules.py, tests/actors/test_person_rules.py,
tests/extract/test_rule_examples_documents_targets_partnerships.py, and one
such test per family): a meeting or person rule by calling its function
alone, a document, target or partnership rule inside `alone(name)`, which
the stage asks (`enabled`) at the point where each of its rules decides.

A rule is registered where it is written:

    @rule("meeting.visit", family="meeting")
    def visit(ctx, sent, ...) -> list[Draft]:
        '''A visit to a state or its leader: "X paid an official visit to Y".'''

`family` is one of FAMILIES. What a rule takes and returns is its family's
business (a meeting rule returns drafts, a document rule document mentions);
the registry only names, documents and lists them; each family's example
test runs a rule alone over the sentences of its examples.

Example files (`data/examples/<family>.yaml`):

    fires:
      - text: "Vietnam's Prime Minister met Japan's Prime Minister in Tokyo."
        rule: meeting.verb
        expect: ...            # what the family's runner must return (family-specific)
        also: [meeting.joint]  # other rules allowed to fire on it (default: none)
    silent:
      - text: "He will meet the Japanese Prime Minister next week."
        rule: meeting.verb     # must find nothing here
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any, TypeVar

import yaml

#: the rule families, one per record kind (plus the person resolution steps)
FAMILIES = ("meeting", "document", "target", "partnership", "event", "person")

F = TypeVar("F", bound=Callable[..., Any])


@dataclass(frozen=True)
class Rule:
    name: str  # dotted, family first: "meeting.visit"
    family: str
    doc: str  # the function's docstring: what it finds and why
    function: Callable[..., Any] | None  # None for a rule that is a data pattern only
    module: str


_REGISTRY: dict[str, Rule] = {}
#: the rules running alone (`alone`), or None: every rule runs
_ALONE: ContextVar[frozenset[str] | None] = ContextVar("diplograph_rules_alone", default=None)


@contextmanager
def alone(*names: str) -> Iterator[None]:
    """Run only these rules inside the block: a stage asks `enabled` at the
    point where each of its rules decides, and a rule that is not enabled
    makes no record there (its conditions still hold: a cue that is nearer,
    or that comes first, still decides, and decides nothing). The families
    whose rules decide in a cascade (documents, targets, partnerships) run
    their examples alone this way; meetings and persons run a rule's function
    alone (`sentence_drafts(..., {name})`)."""
    token = _ALONE.set(frozenset(names))
    try:
        yield
    finally:
        _ALONE.reset(token)


def _in_layer(name: str, layer: str | Iterable[str]) -> bool:
    return name.startswith(layer) if isinstance(layer, str) else name in layer


def alone_in(layer: str | Iterable[str]) -> bool:
    """Whether a rule of this layer (a name prefix, "document.group.", or a
    collection of names) runs alone."""
    chosen = _ALONE.get()
    return chosen is not None and any(_in_layer(n, layer) for n in chosen)


def enabled(name: str | None, layer: str | Iterable[str] | None = None) -> bool:
    """Whether the rule `name` may make a record: always, unless rules run
    `alone`; then only those, except that a `layer` (the rules that compete
    with this one for the same decision: a record's status, its mention)
    none of whose rules runs alone runs whole (a group rule alone still needs
    a status rule to say it was signed). `name` None: the layer's unnamed
    default (a singular mention, a figure's own metric)."""
    chosen = _ALONE.get()
    if chosen is None or (name is not None and name in chosen):
        return True
    return layer is not None and not alone_in(layer)


def rule(name: str, family: str | None = None) -> Callable[[F], F]:
    """Register the decorated function as the rule `name` (family: the
    name's first part unless given). A name is registered once."""
    family = family or name.split(".", 1)[0]
    if family not in FAMILIES:
        raise ValueError(f"rule {name!r}: unknown family {family!r} (one of {', '.join(FAMILIES)})")

    def register(function: F) -> F:
        known = _REGISTRY.get(name)
        where = (function.__module__, function.__qualname__)
        if known is not None and (known.module, getattr(known.function, "__qualname__", None)) != where:
            raise ValueError(f"rule {name!r} registered twice ({known.module} and {function.__module__})")
        _REGISTRY[name] = Rule(name, family, (function.__doc__ or "").strip(), function, function.__module__)
        function.rule_name = name  # type: ignore[attr-defined]
        return function

    return register


def declare(name: str, doc: str, module: str) -> None:
    """Register a rule that is a pattern in data, or one branch of a function
    that makes several kinds of finding (its name is still the record's
    `rule`, and its examples are still run)."""
    family = name.split(".", 1)[0]
    if family not in FAMILIES:
        raise ValueError(f"rule {name!r}: unknown family {family!r}")
    _REGISTRY.setdefault(name, Rule(name, family, doc.strip(), None, module))


def _load_rule_modules() -> None:
    """Import every module that registers rules, so the registry is complete."""
    import importlib

    from diplograph.extract import OPTIONAL_EXTRACTORS
    from diplograph.extract.events.vocabulary import vocabulary

    # the optional extractors are imported on first use: import them now
    for spec in OPTIONAL_EXTRACTORS.values():
        importlib.import_module(spec.split(":")[0])

    vocabulary()  # the event rules are the trigger senses of the data, declared on loading it


def registered(family: str | None = None) -> list[Rule]:
    """Every registered rule (of one family), sorted by name."""
    _load_rule_modules()
    return sorted((r for r in _REGISTRY.values() if family in (None, r.family)), key=lambda r: r.name)


def get(name: str) -> Rule:
    _load_rule_modules()
    try:
        return _REGISTRY[name]
    except KeyError:
        raise KeyError(f"no rule named {name!r}; known: {', '.join(sorted(_REGISTRY))}") from None


@cache
def examples(family: str) -> dict[str, list]:
    """The family's examples file (`fires` and `silent` lists; empty when it has none)."""
    path = files("diplograph.data").joinpath(f"examples/{family}.yaml")
    if not path.is_file():
        return {"fires": [], "silent": []}
    data = yaml.safe_load(path.read_text("utf-8")) or {}
    return {"fires": list(data.get("fires") or []), "silent": list(data.get("silent") or [])}
