"""Parse stage: the masked text keeps every offset; a line break ends a
sentence; unreadable zones are invisible to spaCy."""

from __future__ import annotations

from pathlib import Path

from diplograph.clean import clean
from diplograph.parse import masked_text, parse
from diplograph.records import CleanReport, Report, Zone


def test_masked_text_blanks_unreadable_zones_and_keeps_offsets(seeds: list[Path]) -> None:
    for path in seeds:
        report = clean(Report(path.stem, path.read_text(encoding="utf-8")))
        masked = masked_text(report)
        text = report.report.text
        assert len(masked) == len(text)
        assert [i for i, c in enumerate(masked) if c == "\n"] == [i for i, c in enumerate(text) if c == "\n"]
        for zone in report.readable():
            assert masked[zone.start : zone.end] == text[zone.start : zone.end]
        for zone in report.zones:
            if zone.kind in ("teaser", "repeat", "junk", "header"):
                assert not masked[zone.start : zone.end].strip()


def test_masked_text_of_a_large_report_is_linear() -> None:
    text = "The minister met his counterpart.\n" * 300_000  # 10 MB
    report = CleanReport(Report("big", text), [Zone("body", 0, 34), Zone("junk", 34, len(text))])
    masked = masked_text(report)
    assert masked.startswith("The minister met his counterpart.\n   ")
    assert len(masked) == len(text) and masked.count("\n") == 300_000


def test_a_line_break_ends_a_sentence(nlp) -> None:
    text = "Leaders agree to deepen ties\nPrime Minister A met President B in Hanoi on Monday.\nPhoto: X"
    report = clean(Report("t", text))
    (doc,) = parse([report], nlp)
    sentences = [s.text.strip() for s in doc.sents if s.text.strip()]
    assert sentences[:2] == [
        "Leaders agree to deepen ties",
        "Prime Minister A met President B in Hanoi on Monday.",
    ]
    assert "Photo" not in doc.text  # the credit is junk, blanked
