"""The speed-ups of extraction give exactly what the plain code they replace
gives, on real reports (and their upper- and lower-case forms, which
exercise the case-insensitive matching):

- `Knowledge._matches` (look-up at word starts) and the alternation regex;
- `dates.date_matches` (the big pattern tried only at candidate starts) and
  `DATE_PATTERN.finditer`;
- `Sentence.ents` (found once by bisection) and spaCy's `Span.ents`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from diplograph import clean, parse
from diplograph.actors.knowledge import fold_same_length, knowledge
from diplograph.dates import DATE_PATTERN, date_matches
from diplograph.extract.context import build_context
from diplograph.read import read_paths

ROOT = Path(__file__).resolve().parents[2]


def _texts(shared: Path) -> list[str]:
    paths = sorted((shared / "eval" / "dev" / "docs").glob("*.txt"))
    paths += sorted((shared / "seeds").glob("*.txt"))
    paths += sorted((ROOT / "eval" / "extra" / "docs").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    assert len(texts) > 20
    return texts


def _variants(texts: list[str]):
    for text in texts:
        yield from (text, text.upper(), text.lower())


def test_state_lookup_finds_what_the_regex_finds(shared: Path) -> None:
    index = knowledge()
    lines = [line for text in _variants(_texts(shared)) for line in text.splitlines()]
    # every name the index knows, alone, capitalised, hyphenated, in brackets, as a prefix
    for key in index._index:
        title = key.title()
        lines += [key, title, f"The {title}-based firm", f"({key}) and {key}s", f"non-{key} {key}"]
    found = 0
    for line in lines:
        folded = fold_same_length(line)
        expected = [(m.start(), m.end()) for m in index._pattern.finditer(folded)]
        assert list(index._matches(folded)) == expected, line
        found += len(expected)
    assert found > 1000


@pytest.mark.parametrize(
    "text",
    [
        "On Monday 5 May 2024 they met; by 2024-05-06 it was done.",
        "talks held on Jan 5, 2025, the same day, and later that evening",
        "xJan 5, 2024 and June 5 and 6, 2024 or 12/03/2024 since March",
        "the day before, yesterday, tomorrow, tonight, this morning, in 2030",
        "",
    ],
)
def test_date_matches_equal_the_pattern_on_hard_cases(text: str) -> None:
    expected = [(m.start(), m.end(), m.lastgroup) for m in DATE_PATTERN.finditer(text)]
    assert [(m.start(), m.end(), m.lastgroup) for m in date_matches(text)] == expected


def test_date_matches_equal_the_pattern_on_reports(shared: Path) -> None:
    found = 0
    for text in _variants(_texts(shared)):
        expected = [(m.start(), m.end(), m.group(0)) for m in DATE_PATTERN.finditer(text)]
        assert [(m.start(), m.end(), m.group(0)) for m in date_matches(text)] == expected
        found += len(expected)
    assert found > 100


def test_sentence_entities_equal_spacy_span_ents(shared: Path, nlp) -> None:
    paths = sorted((shared / "eval" / "dev" / "docs").glob("*.txt"))[:8]
    checked = 0
    for report in read_paths([str(p) for p in paths]):
        cleaned = clean.clean(report)
        ctx = build_context(cleaned, parse.parse([cleaned], nlp)[0])
        for sent in ctx.sentences:
            assert [(e.start, e.end, e.label_) for e in sent.ents] == [
                (e.start, e.end, e.label_) for e in sent.span.ents
            ]
            checked += len(sent.ents)
    assert checked > 50
