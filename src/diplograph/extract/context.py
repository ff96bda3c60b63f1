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

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from diplograph import dates
from diplograph.actors.knowledge import Mention, knowledge, load_yaml
from diplograph.records import CleanReport, Report, ResolvedDate, Span, Veto

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
    text: str = ""  # the sentence's text (sliced once: Doc.text rebuilds the whole text per call)
    #: spaCy's entities inside the sentence, as `span.ents` gives them. Kept
    #: here because `Span.ents` walks the whole Doc on every call.
    ents: tuple[SpacySpan, ...] = ()
    _tagged: list | None = field(default=None, repr=False, compare=False)

    def tagged(self) -> list[tuple[Token, str, str]]:
        """The sentence's tokens with their lower-case form and coarse tag,
        read once: the extractors scan every sentence for trigger words
        several times, and each spaCy attribute read makes a new object."""
        if self._tagged is None:
            self._tagged = [(tok, tok.lower_, tok.pos_) for tok in self.span]
        return self._tagged

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
    dateline: str | None = None  # the dateline with its date ("SINGAPORE, April 2, 2023 -"), if any
    #: findings refused by a veto, for `extract --explain` (see `veto`)
    vetoes: list[Veto] = field(default_factory=list)
    _dates: dict = field(default_factory=dict, repr=False)
    _found: dict = field(default_factory=dict, repr=False)

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

    def veto(self, rule: str, veto: str, sent: Sentence | SpacySpan) -> None:
        """Note that `veto` refused what `rule` found in `sent`: `--explain`
        prints it, so a missing record can be traced to the check that
        dropped it."""
        evidence, span = self.evidence(sent)
        self.vetoes.append(Veto(rule, veto, evidence, span))

    def sentence_at(self, char: int) -> Sentence | None:
        for sent in self.sentences:
            if sent.start <= char < sent.end:
                return sent
        return None

    def date_of(self, text: str, previous: ResolvedDate | None = None) -> ResolvedDate:
        """A text's date, resolved against this report's publication date
        (cached: meetings, events and others ask about the same sentences)."""
        key = (text, previous.value if previous else None)
        if key not in self._dates:
            self._dates[key] = dates.pick(self.found_dates(text), previous)
        return self._dates[key]

    def found_dates(self, text: str) -> list[dates.FoundDate]:
        """The date expressions of a text (its dateline blanked), resolved
        against this report's publication date. Cached for the report only:
        the extractors ask about the same sentences several times, and the
        scan is one of extraction's costliest steps."""
        key = (text, self.published, self.year)
        found = self._found.get(key)
        if found is None:
            found = self._found[key] = dates.find_dates(self.undatelined(text), self.published, self.year)
        return list(found)

    def undatelined(self, text: str) -> str:
        """A text with the report's dateline blanked (same length): the
        dateline's date is the publication's, never an event's ("SINGAPORE,
        April 2, 2023 - Lee met Xi on Friday" happened on Friday)."""
        if self.dateline and text.startswith(self.dateline):
            return " " * len(self.dateline) + text[len(self.dateline) :]
        return text


def _readable_ranges(clean_report: CleanReport) -> list[tuple[int, int, str]]:
    return sorted((z.start, z.end, z.kind) for z in clean_report.readable())


def _split_sentences(doc: Doc, zones: list[tuple[int, int, str]], text: str) -> list[tuple[int, int, str]]:
    """spaCy's sentences, cut again at line breaks (a report's paragraphs and
    captions are lines; the parser sometimes runs across them) and clipped to
    readable zones, with surrounding whitespace trimmed."""
    pieces: list[tuple[int, int, str]] = []
    for sent_start, sent_end in _joined_sentences(doc, text):
        start = sent_start
        for part in text[sent_start:sent_end].split("\n"):
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


@lru_cache(maxsize=1)
def _geography() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = load_yaml("geography.yaml")
    after = re.compile(r"\s+(?:" + "|".join(re.escape(w) for w in data["features"]) + r")\b")
    before = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in data["before"]) + r")\s+$")
    return after, before


def state_mentions(text: str, offset: int = 0) -> list[Mention]:
    """The states and bodies a text names, with absolute offsets, leaving out
    those inside geographic names ("South China Sea", "Gulf of Thailand")."""
    after, before = _geography()
    out = []
    # dashes as spaces (same length): "Vietnam-US", "United States-Philippines" name two states
    work = _DASHES.sub(" ", text)
    for m in knowledge().find(work):
        if after.match(text, m.end) or before.search(text[max(0, m.start - 12) : m.start]):
            continue
        if text[m.end : m.end + 1] == "$":
            continue  # "US$20 billion" is a currency
        out.append(Mention(m.start + offset, m.end + offset, text[m.start : m.end], m.entity, m.how))
    return out


_DASHES = re.compile(r"(?<=\w)[-–—](?=\w)")


_TERMINAL = frozenset('.!?…"”’\')]:;')


def _joined_sentences(doc: Doc, text: str) -> list[tuple[int, int]]:
    """spaCy's sentence bounds, with a bound undone where the text before it
    does not end a sentence (the small model sometimes cuts inside a name:
    "Chairman Trần | Thanh Mẫn also held...")."""
    out: list[list[int]] = []
    for sent in doc.sents:
        if out:
            before = text[out[-1][0] : sent.start_char].rstrip(" \t")
            if before and before[-1] not in _TERMINAL and before[-1] != "\n" and sent.text[:1].isalpha():
                out[-1][1] = sent.end_char
                continue
        out.append([sent.start_char, sent.end_char])
    return [(a, b) for a, b in out]


def principal_parties(sentences: list[Sentence], limit: int = 2) -> list[str]:
    """The states/bodies the report is mostly about: counted over sentences,
    with the title and first sentences weighted (news puts the parties up
    front)."""
    counts: Counter[str] = Counter()
    for n, sent in enumerate(sentences):
        weight = 3 if n < 3 or sent.zone == "title" else 1
        for m in sent.mentions:
            if m.how != "capital":  # "in Kuala Lumpur" is a place more often than a government
                counts[m.entity.code] += weight
    return [code for code, _ in counts.most_common(limit)]


def _entities_within(entities: tuple, starts: list[int], span: SpacySpan) -> tuple[SpacySpan, ...]:
    """`span.ents` (the entities wholly inside the span, up to the first that
    runs past its end), found by bisection over the Doc's entities, once."""
    out = []
    for ent in entities[bisect_left(starts, span.start) :]:
        if ent.end > span.end:
            break
        out.append(ent)
    return tuple(out)


def build_context(clean_report: CleanReport, doc: Doc) -> ReportContext:
    """The context of one report: sentences, mentions, dates, parties."""
    report = clean_report.report
    zones = _readable_ranges(clean_report)
    doc_text = doc.text
    entities = doc.ents
    entity_starts = [ent.start for ent in entities]
    sentences: list[Sentence] = []
    for start, end, kind in _split_sentences(doc, zones, doc_text):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        mentions = state_mentions(report.text[start:end], start)
        ents = _entities_within(entities, entity_starts, span)
        sentences.append(
            Sentence(len(sentences), start, end, span, mentions, kind, doc_text[start:end], ents)
        )
    year = dates.evident_year(report.text, report.published)
    ctx = ReportContext(report, clean_report, doc, sentences, report.published, year)
    ctx.dateline, day = dateline(sentences, report.published, year)
    if day is not None:
        # GUIDELINES: a dateline is a publication date; and it is the day the
        # story was filed, so "today" and "on Monday" count from it even when a
        # page's publication date is a day later ("PUTRAJAYA, June 4 -- ... today").
        ctx.published = day
        ctx.year = int(day[:4])
    ctx.parties = principal_parties(sentences)
    return ctx


_DATELINE = re.compile(
    # "SINGAPORE, ", "Kuala Lumpur, Malaysia, "
    r"^(?:[A-ZÀ-Ỹ][\w.'’-]*(?:\s+[A-ZÀ-Ỹ(][\w.'’()-]*){0,4}\s*,\s*){1,2}"
    r"(?:[A-Z][a-z]+day\s*,?\s*)?"
    r"(?P<date>" + dates.DAY_MONTH + r")"
    r"\s*(?:\([^)]{0,30}\)\s*)?(?:—|–|--|-|:)(?=\s)"
)


def dateline(
    sentences: list[Sentence], published: str | None, year: int | None
) -> tuple[str | None, str | None]:
    """The dateline that opens the report's first body sentence, if it holds
    a date ("SINGAPORE, April 2, 2023 -", "Bangkok, February 8 (VNA) -"),
    and that date as YYYY-MM-DD when it fixes a day."""
    for sent in sentences[:4]:
        if sent.zone == "title":
            continue
        m = _DATELINE.match(sent.text)
        if m is None:
            continue  # a byline or a header line before the story's first sentence
        found = dates.find_dates(m.group("date"), published, year)
        fixed = found and found[0].date.value and found[0].date.how != "relative"
        day = found[0].date.value if fixed else None
        return m.group(0), day
    return None, None
