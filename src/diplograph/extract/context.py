"""The per-report context every extractor reads: built once per report.

Why one object: persons, meetings, documents, targets, partnerships and
events all need the same things (the readable sentences, which states and
bodies each sentence names, the publication date, the persons resolved in
the report, the report's two principal parties for "the two countries" /
"both sides"). Computing them once keeps the extractors small and the
pipeline fast, and guarantees they agree with each other.

Offsets: the spaCy Doc is over the ORIGINAL text with unreadable zones
blanked character for character (see `parse.py`), so every character offset
here is an offset into `report.text`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from diplograph import dates
from diplograph.actors.knowledge import Mention, knowledge
from diplograph.records import CleanReport, Report, ResolvedDate, Span

if TYPE_CHECKING:
    from diplograph.actors.resolve import PersonIndex


@dataclass
class Sentence:
    """One readable sentence: its offsets in the original text, its spaCy
    span, and the states/bodies it names (absolute offsets)."""

    index: int
    start: int
    end: int
    span: SpacySpan
    mentions: list[Mention]
    zone: str = "body"

    @property
    def text(self) -> str:
        return self.span.doc.text[self.start : self.end]

    def codes(self) -> list[str]:
        """The codes of the states/bodies named, in order of first mention."""
        seen: list[str] = []
        for m in self.mentions:
            if m.entity.code not in seen:
                seen.append(m.entity.code)
        return seen


@dataclass
class ReportContext:
    """Everything the extractors share about one report."""

    report: Report
    clean: CleanReport
    doc: Doc
    sentences: list[Sentence]
    published: str | None
    year: int | None  # the publication year, or the year the report makes evident
    parties: list[str] = field(default_factory=list)  # principal parties (codes)
    persons: PersonIndex | None = None  # filled by actors.resolve

    @property
    def text(self) -> str:
        return self.report.text

    def evidence(self, sent: Sentence | SpacySpan) -> tuple[str, Span]:
        """The sentence's text in the ORIGINAL report and its span."""
        if isinstance(sent, Sentence):
            start, end = sent.start, sent.end
        else:
            start, end = sent.start_char, sent.end_char
        return self.report.text[start:end], Span(start, end)

    def sentence_at(self, char: int) -> Sentence | None:
        for sent in self.sentences:
            if sent.start <= char < sent.end:
                return sent
        return None

    def date_of(self, text: str, previous: ResolvedDate | None = None) -> ResolvedDate:
        """A text's date, resolved against this report's publication date."""
        return dates.resolve_date(text, self.published, self.year, previous)


def _readable_ranges(clean_report: CleanReport) -> list[tuple[int, int, str]]:
    return sorted((z.start, z.end, z.kind) for z in clean_report.readable())


def _split_sentences(doc: Doc, zones: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """spaCy's sentences, cut again at line breaks (a report's paragraphs and
    captions are lines; the parser sometimes runs across them) and clipped to
    readable zones, with surrounding whitespace trimmed."""
    text = doc.text
    pieces: list[tuple[int, int, str]] = []
    for sent in doc.sents:
        start = sent.start_char
        for part in text[sent.start_char : sent.end_char].split("\n"):
            end = start + len(part)
            for z_start, z_end, kind in zones:
                a, b = max(start, z_start), min(end, z_end)
                while a < b and text[a].isspace():
                    a += 1
                while b > a and text[b - 1].isspace():
                    b -= 1
                if b - a >= 3:
                    pieces.append((a, b, kind))
            start = end + 1
    return pieces


def principal_parties(sentences: list[Sentence], limit: int = 2) -> list[str]:
    """The states/bodies the report is mostly about: counted over sentences,
    with the title and first sentences weighted (news puts the parties up
    front)."""
    counts: Counter[str] = Counter()
    for n, sent in enumerate(sentences):
        weight = 3 if n < 3 or sent.zone == "title" else 1
        for code in sent.codes():
            counts[code] += weight
    return [code for code, _ in counts.most_common(limit)]


def build_context(clean_report: CleanReport, doc: Doc) -> ReportContext:
    """The context of one report: sentences, mentions, dates, parties."""
    report = clean_report.report
    zones = _readable_ranges(clean_report)
    finder = knowledge()
    sentences: list[Sentence] = []
    for start, end, kind in _split_sentences(doc, zones):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        mentions = [
            Mention(m.start + start, m.end + start, m.text, m.entity, m.how)
            for m in finder.find(report.text[start:end])
        ]
        sentences.append(Sentence(len(sentences), start, end, span, mentions, kind))
    year = dates.evident_year(report.text, report.published)
    ctx = ReportContext(report, clean_report, doc, sentences, report.published, year)
    ctx.parties = principal_parties(sentences)
    return ctx
