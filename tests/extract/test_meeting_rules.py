"""The meeting rules (extract/meetings/, rules `meeting.*`) on their own
examples, kept in data beside the vocabulary (data/examples/meeting.yaml):
each per-sentence rule run ALONE must find exactly the sides its example
gives, and nothing in its silent sentences; each step over the finished
records must mark (or drop) the records its example gives; and an example
must be found only by the rule that lists it, unless it lists `also:`.
Run through the real spaCy model and person resolution."""

from __future__ import annotations

import pytest

from diplograph import clean, parse
from diplograph.actors.resolve import resolve_persons
from diplograph.extract import rules
from diplograph.extract.context import ReportContext, build_context
from diplograph.extract.meetings import find_meetings
from diplograph.extract.meetings.merging import country_of
from diplograph.extract.meetings.rulebook import ORDER, sentence_drafts
from diplograph.records import Report

EXAMPLES = rules.examples("meeting")
#: the steps over finished records whose work is to drop one: the veto they note
DROPPING = {"meeting.between_states": "veto.same_state"}


def _context(nlp, example: dict) -> ReportContext:
    report = Report("m", example["text"], published=example.get("published"))
    cleaned = clean.clean(report)
    [doc] = parse.parse([cleaned], nlp)
    ctx = build_context(cleaned, doc)
    ctx.persons = resolve_persons(ctx)
    return ctx


def _alone(ctx: ReportContext, name: str) -> list[list[str]]:
    """The drafts of one per-sentence rule run alone, as sorted states."""
    drafts = [d for sent in ctx.sentences for d in sentence_drafts(ctx, sent, {name})]
    return sorted(sorted(str(country_of(ctx, p)) for p in d.parties) for d in drafts)


def _marked(ctx: ReportContext, name: str) -> list[list[str]]:
    """The finished records whose rules name the step, as sorted states."""
    marked = [m for m in find_meetings(ctx) if name in m.rules]
    return sorted(sorted(str(p.country) for p in m.participants) for m in marked)


def _firing(ctx: ReportContext) -> set[str]:
    """Every meeting rule that fires on the example: per-sentence rules run
    alone, steps that mark a record, and steps that drop one."""
    fired = {name for name in ORDER if _alone(ctx, name)}
    fired |= {r for m in find_meetings(ctx) for r in m.rules}
    fired |= {name for name, veto in DROPPING.items() if any(v.veto == veto for v in ctx.vetoes)}
    return fired


def _id(example: dict) -> str:
    return f"{example['rule']}: {example['text'][:40]}"


def test_every_meeting_rule_has_a_docstring_and_examples_both_ways() -> None:
    registered = {r.name for r in rules.registered("meeting")}
    assert set(ORDER) <= registered
    assert all(r.doc for r in rules.registered("meeting"))
    fires = {e["rule"] for e in EXAMPLES["fires"]}
    silent = {e["rule"] for e in EXAMPLES["silent"]}
    assert registered - fires == set()
    assert registered - silent == set()
    assert (fires | silent) - registered == set()


@pytest.mark.parametrize("example", EXAMPLES["fires"], ids=_id)
def test_a_meeting_rule_fires_on_its_examples(nlp, example: dict) -> None:
    ctx = _context(nlp, example)
    name = example["rule"]
    if name in ORDER:
        assert _alone(ctx, name) == sorted(sorted(s) for s in example["sides"])
    elif name in DROPPING:
        find_meetings(ctx)
        assert [v.veto for v in ctx.vetoes if v.veto == DROPPING[name]] == example["vetoes"]
    else:
        assert _marked(ctx, name) == sorted(sorted(s) for s in example["meetings"])


@pytest.mark.parametrize("example", EXAMPLES["silent"], ids=_id)
def test_a_meeting_rule_stays_silent_on_its_examples(nlp, example: dict) -> None:
    ctx = _context(nlp, example)
    name = example["rule"]
    if name in ORDER:
        assert _alone(ctx, name) == []
    elif name in DROPPING:
        find_meetings(ctx)
        assert not any(v.veto == DROPPING[name] for v in ctx.vetoes)
    else:
        assert _marked(ctx, name) == []


@pytest.mark.parametrize("example", EXAMPLES["fires"], ids=_id)
def test_an_example_is_found_only_by_the_rules_it_lists(nlp, example: dict) -> None:
    fired = _firing(_context(nlp, example))
    assert example["rule"] in fired
    assert fired - {example["rule"], *example.get("also", [])} == set()
