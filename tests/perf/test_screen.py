"""The sentence screen (`diplograph.screen`) on real reports: it keeps the
text's length and line breaks, and never blanks a sentence that holds a
dev gold record's evidence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from diplograph import clean, parse, screen
from diplograph.read import read_paths

KINDS = ("persons", "meetings", "documents", "targets", "partnerships", "events")


def test_screen_keeps_length_and_line_breaks(seeds: list[Path]) -> None:
    for report in read_paths([str(p) for p in seeds]):
        text = parse.masked_text(clean.clean(report))
        screened, blanked = screen.screen(text)
        assert len(screened) == len(text)
        breaks = [i for i, c in enumerate(text) if c == "\n"]
        assert [i for i, c in enumerate(screened) if c == "\n"] == breaks
        assert all(s == t or s == " " for s, t in zip(screened, text, strict=True))
        assert blanked == sum(1 for s, t in zip(screened, text, strict=True) if s != t and not t.isspace())


def test_screen_keeps_every_dev_gold_evidence(shared: Path, dev_docs: list[Path]) -> None:
    gold = {}
    for line in (shared / "eval" / "dev" / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        gold[record["doc_id"]] = record
    checked = 0
    for report in read_paths([str(p) for p in dev_docs]):
        screened = parse.parsed_text(clean.clean(report))
        for kind in KINDS:
            for record in gold[report.id].get(kind, []):
                evidence = record["evidence"]
                at = report.text.find(evidence)
                assert at >= 0
                assert screened[at : at + len(evidence)] == evidence, (kind, evidence)
                checked += 1
    assert checked > 100


def test_screen_blanks_a_sentence_without_triggers_only() -> None:
    text = (
        "Prime Minister Anwar Ibrahim met Chinese Premier Li Qiang in Kuala Lumpur.\n"
        "The weather was fine and the city was busy. "
        "They signed a memorandum of understanding on trade."
    )
    screened, _ = screen.screen(text)
    assert screened.startswith("Prime Minister Anwar Ibrahim met")
    assert "weather" not in screened
    assert screened.endswith("They signed a memorandum of understanding on trade.")


@pytest.mark.parametrize(
    "sentence",
    [
        "Vietnam has Comprehensive Strategic Partnerships with China, Russia and Japan.",  # plural level
        "Exports rose to US$20 billion last year.",  # currency symbol before a number
        "Mr. Smith, the envoy, arrived on Monday.",  # title word, abbreviation kept whole
    ],
)
def test_screen_keeps_trigger_sentences(sentence: str) -> None:
    assert screen.screen(sentence)[0] == sentence


def test_abbreviations_do_not_end_a_screen_sentence() -> None:
    text = "The U.S. delegation led by Mr. J. Smith held talks. The weather was fine."
    bounds = list(screen.sentences(text))
    assert [text[a:b].strip() for a, b in bounds] == [
        "The U.S. delegation led by Mr. J. Smith held talks.",
        "The weather was fine.",
    ]
