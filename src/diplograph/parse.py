"""Parse stage: one spaCy Doc per report over its readable zones.

The Doc is built over the report's text with every unreadable zone (teasers,
repeats, junk) blanked out character for character, so the Doc's character
offsets ARE offsets into the original text: no mapping table, no drift.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from diplograph.nlp import load_model
from diplograph.records import CleanReport


def masked_text(clean_report: CleanReport) -> str:
    """The report's text with unreadable zones replaced by spaces (newlines kept)."""
    text = clean_report.report.text
    chars = list(text)
    readable = clean_report.readable()
    keep = [False] * len(text)
    for zone in readable:
        for k in range(zone.start, zone.end):
            keep[k] = True
    for k, ch in enumerate(chars):
        if not keep[k] and ch != "\n":
            chars[k] = " "
    return "".join(chars)


def parse(clean_reports: list[CleanReport], nlp: Language | None = None) -> list[Doc]:
    nlp = nlp or load_model()
    return list(nlp.pipe(masked_text(c) for c in clean_reports))
