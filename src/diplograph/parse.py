"""Parse stage: one spaCy Doc per report over its readable zones.

The Doc is built over the report's text with every unreadable zone (teasers,
repeats, junk, headers) blanked out character for character, so the Doc's
character offsets ARE offsets into the original text: no mapping table, no
drift. Newlines are kept, and a line break always ends a sentence (a headline
or a caption has no full stop, yet is never one sentence with the next line).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from diplograph import screen
from diplograph.matmul import one_thread
from diplograph.nlp import load_model
from diplograph.records import CleanReport

#: Blank the sentences that cannot hold a record before parsing (`screen.py`).
SCREEN = True

#: Name of the component that makes every line break a sentence boundary.
LINE_BREAKS = "diplograph_line_breaks"

_NOT_NEWLINE = re.compile(r"[^\n]")


def masked_text(clean_report: CleanReport) -> str:
    """The report's text with unreadable zones replaced by spaces (newlines kept).

    Linear in the text's size with no per-character Python loop: readable
    zones are copied as slices, the gaps between them blanked by one regex
    substitution each."""
    text = clean_report.report.text
    pieces: list[str] = []
    cursor = 0
    for zone in sorted(clean_report.readable(), key=lambda z: z.start):
        start, end = max(zone.start, cursor), zone.end
        if end <= start:
            continue
        if start > cursor:
            pieces.append(_NOT_NEWLINE.sub(" ", text[cursor:start]))
        pieces.append(text[start:end])
        cursor = end
    if cursor < len(text):
        pieces.append(_NOT_NEWLINE.sub(" ", text[cursor:]))
    masked = "".join(pieces)
    if clean_report.soft_breaks:  # a hard-wrapped paragraph is read as one line (clean.hard_wrap)
        chars = list(masked)
        for i in clean_report.soft_breaks:
            chars[i] = " "
        masked = "".join(chars)
    return masked


@Language.component(LINE_BREAKS)
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence at the first word after a line break (before the parser,
    which respects boundaries set before it)."""
    after_break = False
    for token in doc:
        if token.is_space:
            after_break = after_break or "\n" in token.text
            continue
        if after_break and token.i > 0:
            token.is_sent_start = True
        after_break = "\n" in token.whitespace_
    return doc


def with_line_breaks(nlp: Language) -> Language:
    """Add the line-break component to `nlp` once (before the parser)."""
    if LINE_BREAKS not in nlp.pipe_names:
        if "parser" in nlp.pipe_names:
            nlp.add_pipe(LINE_BREAKS, before="parser")
        else:
            nlp.add_pipe(LINE_BREAKS, first=True)
    return nlp


def parsed_text(clean_report: CleanReport) -> str:
    """What spaCy sees: the readable zones, less the sentences the screen blanks."""
    text = masked_text(clean_report)
    return screen.screen(text)[0] if SCREEN else text


def parse(clean_reports: list[CleanReport], nlp: Language | None = None) -> list[Doc]:
    """One Doc per report, in one `nlp.pipe` batch. BLAS is held to one thread:
    parallelism is the worker processes' job (`pipeline.run`, `--jobs`)."""
    nlp = with_line_breaks(nlp or load_model())
    with one_thread():
        return list(nlp.pipe(parsed_text(c) for c in clean_reports))
