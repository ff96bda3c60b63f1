"""Cleaning stage: zones over the report's ORIGINAL text, never a copy.

A scraped report carries more than the story: a headline, a date line, photo
captions (often printed twice), image file names, agency bylines, page
furniture, and teasers of other stories after a "See more" line. Extractors
must read the story and the captions (a person named only in a caption still
counts) and nothing else, and every record must point back into the original
text. So this stage only labels stretches of the text:

    title    the headline (first line, when it reads like one)
    body     the story
    caption  a photo caption ("... (Photo: VNA)", "X (right) meets Y ...")
    header   the date line prefix, a date/byline printed at the top
    junk     image file names, agency bylines, trailing credits, page furniture
    repeat   a paragraph or caption identical (folded) to an earlier one
    teaser   a "See more"/"Related news" line and everything after it

Hard-wrapped text (`clean.hard_wrap`): some pages and wire copy come with
every paragraph cut into lines of about 70 characters. There a line is no
paragraph, and cutting sentences at it loses names ("President Lee /
Myung-bak") and lists. `soft_breaks` finds the line breaks that are wraps
inside a paragraph; the zones run across them, the parser sees a space
there (`parse.masked_text`), and the text itself is never changed.

Readable zones are title, body and caption (`CleanReport.readable`). The
vocabulary (teaser markers, agencies, caption hints, furniture) lives in
`data/cleaning.yaml`; this module holds only the rules. It works line by line
(a paragraph is a line in scraped text), so it is linear in the text's size.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

import yaml

from diplograph.read.published import DATE_LINE, HEADER_LINES, header_match
from diplograph.records import CleanReport, Report, Zone

#: A teaser marker this close to the top is navigation, not the end of the story.
TEASER_MIN_SHARE = 0.2
#: Repeats are looked for among lines of at least this many words.
REPEAT_MIN_WORDS = 4
#: A line this long is a paragraph of the story, never a caption or a label.
CAPTION_MAX_CHARS = 400
#: A byline or credit line ("By Jane Doe, Staff Writer", "Reporting by A; Editing by B") is short.
CREDIT_MAX_CHARS = 240
#: After a mid-story teaser marker ("READ MORE" then other stories' headlines): the story is
#: taken to resume when at least this many paragraphs follow the headlines, every one a sentence.
RESUME_MIN_PARAGRAPHS = 3
#: A headline of a teaser list: a line of at most this many words, no sentence's end.
HEADLINE_MAX_WORDS = 20
#: A paragraph of the story that resumes: a line of at least this many words.
PARAGRAPH_MIN_WORDS = 8

IMAGE_FILE = re.compile(
    r"^\S*[\w-]+\.(?:jpe?g|png|gif|webp|bmp|svg|tiff?|avif|heic)(?:\?\S*)?$",
    re.IGNORECASE,
)
PHOTO_CREDIT = re.compile(
    r"(?:(?:^|[\s.|])Photos?\s*(?::|by\b|from\b|via\b|courtesy\b)[^.()]{0,60}\s*\|?"
    r"|\(\s*(?:Photos?|Image|Source)\b[^()]{0,80}\))\s*$"
)
ONLY_PUNCTUATION = re.compile(r"^[\W_]+$")

#: clean.hard_wrap: a report is hard-wrapped when it has at least WRAP_MIN_LINES lines of
#: WRAP_MIN_CHARS or more, the wrap width (90th percentile of their lengths) is at most
#: WRAP_MAX_WIDTH, at least WRAP_SHARE of them lie within WRAP_BAND characters under it (WRAP_OVER
#: over), and at least WRAP_LOWER_SHARE of their breaks run on into a lower-case word (a list of
#: titles has none).
WRAP_MIN_LINES = 8
WRAP_MIN_CHARS = 20
WRAP_MAX_WIDTH = 100
WRAP_BAND = 15
WRAP_SHARE = 0.6
WRAP_LOWER_SHARE = 0.2
#: a line shorter than this share of the width ended its paragraph (unless the next runs on in
#: lower case); a line longer than the width by WRAP_OVER was never cut by the wrap
WRAP_FULL = 0.6
WRAP_OVER = 5
_TERMINAL = tuple('.!?:;"”')
_LIST_ITEM = re.compile(r"^(?:[-–—•*·▪●]|\(?\d{1,2}[.)]|[a-z][.)]\s)")


@dataclass(frozen=True)
class Vocabulary:
    teaser_markers: frozenset[str]
    agencies: frozenset[str]
    caption_positions: tuple[str, ...]
    boilerplate: frozenset[str]
    boilerplate_patterns: tuple[re.Pattern[str], ...]
    byline: re.Pattern[str]
    trailing_credit: re.Pattern[str]
    caption_agency_end: re.Pattern[str]
    inline_credit: re.Pattern[str]
    credit_lines: tuple[re.Pattern[str], ...]
    trailing_credits: re.Pattern[str]
    inline_teaser: re.Pattern[str]
    agency_photo: re.Pattern[str]


def fold(text: str) -> str:
    """Case-, diacritic-, space- and edge-punctuation-insensitive form of a line."""
    text = text.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"\s+", " ", text.lower().replace("’", "'")).strip()
    return text.strip(" .:;,!?-–—|/*»«>•\"'")


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    raw = yaml.safe_load(files("diplograph.data").joinpath("cleaning.yaml").read_text(encoding="utf-8"))
    agencies = sorted(raw["agencies"], key=len, reverse=True)
    names = "|".join(re.escape(a) for a in agencies)
    return Vocabulary(
        teaser_markers=frozenset(fold(m) for m in raw["teaser_markers"]),
        agencies=frozenset(fold(a) for a in agencies),
        caption_positions=tuple(h.lower() for h in raw["caption_positions"]),
        boilerplate=frozenset(fold(b) for b in raw["boilerplate"]),
        boilerplate_patterns=tuple(re.compile(p, re.IGNORECASE) for p in raw["boilerplate_patterns"]),
        byline=re.compile(rf"^[\W_]*(?:(?:{names})[\s/,&]*)+[\W_]*$"),
        trailing_credit=re.compile(
            rf"(?:\s*[—–-]+\s*(?:{names})(?:\s*/\s*(?:{names}))*|\s*\((?:{names})\)|\s*/\.)\s*$"
        ),
        caption_agency_end=re.compile(rf"\s(?:{names})$"),
        # "<caption>. — VNA/VNS Photo HA NOI — <story>", "<caption>. (Photo: VNA) <story>"
        inline_credit=re.compile(
            rf"\s*[—–-]+\s*(?:{names})(?:\s*/\s*(?:{names}))*\s+Photos?\b|\s*\(Photos?:[^()]{{0,60}}\)"
        ),
        credit_lines=tuple(re.compile(p) for p in raw["credit_lines"]),
        trailing_credits=re.compile(rf"(?<=[.!?\"”'’)])\s+(?:{'|'.join(raw['trailing_credits'])})"),
        # "READ MORE: <another story's headline>", "See also  <headline>": the line is a teaser
        inline_teaser=re.compile(
            rf"^(?:{'|'.join(re.escape(m) for m in sorted(raw['teaser_markers'], key=len, reverse=True))})"
            r"\s*(?:[:|»>–—-]+\s*|\s{2,})\S",
            re.IGNORECASE,
        ),
        # "(AP Photo/Jane Doe, Pool)", "(Reuters/John Smith)", "(Xinhua/Li Ming)": a photo's credit
        agency_photo=re.compile(rf"\(\s*(?:{names})(?:\s+Photos?)?\s*/[^()]{{1,80}}\)\s*$", re.IGNORECASE),
    )


def soft_breaks(text: str) -> tuple[int, ...]:
    """clean.hard_wrap: the offsets of the line breaks that are wraps inside a
    paragraph of a hard-wrapped report (none in a report that is not). A
    break is a wrap when the next line runs on in lower case, or when the line
    before is full (near the wrap width) and ends without a sentence's end;
    never before a list item or a date line."""
    lines, start = [], 0
    for part in text.split("\n"):
        lines.append((start, start + len(part)))
        start += len(part) + 1
    long = sorted(len(text[a:b].strip()) for a, b in lines if len(text[a:b].strip()) >= WRAP_MIN_CHARS)
    if len(long) < WRAP_MIN_LINES:
        return ()
    width = long[int(0.9 * (len(long) - 1))]
    near = sum(width - WRAP_BAND <= n <= width + WRAP_OVER for n in long)
    if width > WRAP_MAX_WIDTH or near < WRAP_SHARE * len(long):
        return ()
    breaks, lower = [], 0
    for (a, b), (c, d) in zip(lines, lines[1:], strict=False):
        before, after = text[a:b].strip(), text[c:d].strip()
        if b >= len(text) or text[b] != "\n" or not before or not after:
            continue
        runs_on = after[:1].islower()
        lower += runs_on and len(before) >= WRAP_MIN_CHARS
        full = WRAP_FULL * width <= len(before) <= width + WRAP_OVER and not before.endswith(_TERMINAL)
        if (runs_on or full) and not _LIST_ITEM.match(after) and not header_match(after):
            breaks.append(b)
    if lower < WRAP_LOWER_SHARE * len(long):
        return ()
    return tuple(breaks)


def _lines(text: str, soft: tuple[int, ...] = ()) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line, surrounding whitespace excluded;
    a line runs on across the `soft` breaks (a hard-wrapped paragraph)."""
    if soft:
        joined = list(text)
        for i in soft:
            joined[i] = " "
        text = "".join(joined)
    out = []
    for match in re.finditer(r"[^\n]+", text):
        line = match.group(0)
        stripped = line.strip()
        if not stripped:
            continue
        start = match.start() + (len(line) - len(line.lstrip()))
        out.append((start, start + len(stripped)))
    return out


def _is_caption(line: str, vocab: Vocabulary) -> bool:
    if len(line) > CAPTION_MAX_CHARS:
        return False
    if PHOTO_CREDIT.search(line) or vocab.agency_photo.search(line):
        return True
    lowered = line.lower()
    if any(hint in lowered for hint in vocab.caption_positions) and not line.endswith("?"):
        return True
    # "... at Merdeka Palace on Thursday ANTARA": ends with an agency, no full stop.
    return bool(vocab.caption_agency_end.search(line)) and not line.endswith(".")


def _is_furniture(line: str, folded: str, vocab: Vocabulary) -> bool:
    if folded in vocab.boilerplate or ONLY_PUNCTUATION.match(line):
        return True
    if IMAGE_FILE.match(line) or vocab.byline.match(line) or vocab.inline_teaser.match(line):
        return True
    bare = line.lstrip(" ,;|•·*-–—")
    if len(line) <= CREDIT_MAX_CHARS and any(p.match(bare) for p in vocab.credit_lines):
        return True  # "By Jane Doe, Correspondent", "Reporting by A; Editing by B", "Reviewed by: C"
    return any(p.search(line) for p in vocab.boilerplate_patterns)


def _looks_like_title(line: str) -> bool:
    words = line.split()
    return 3 <= len(words) <= 30 and not line.endswith((".", '?"', '."', ".”", ":"))


def _is_label(line: str) -> bool:
    """One or two words with no sentence punctuation: a menu item or a label."""
    return len(line.split()) <= 2 and not re.search(r"[.!?]\W*$", line)


def _headline(line: str) -> bool:
    words = line.split()
    return 1 <= len(words) <= HEADLINE_MAX_WORDS and not line.rstrip().endswith(_TERMINAL)


def _paragraph(line: str) -> bool:
    return len(line.split()) >= PARAGRAPH_MIN_WORDS and line.rstrip().endswith((*_TERMINAL, "'", "’", ")"))


def teaser_block_end(text: str, lines: list[tuple[int, int]], index: int) -> int | None:
    """clean.teaser_block: a teaser marker inside the story ("READ MORE", then
    a few headlines of other stories, then the story goes on): the index of
    the last headline line, or None where the marker ends the story (what
    follows is teasers to the end: headlines, or headlines with summaries).
    The story resumes only if a paragraph follows the headlines and the rest
    is mostly paragraphs (at least RESUME_MIN_PARAGRAPHS, and twice as many
    as other lines: a crosshead now and then, not a headline per summary,
    which gives as many headlines as summaries less one)."""
    k = index + 1
    while k < len(lines) and _headline(text[lines[k][0] : lines[k][1]]):
        k += 1
    rest = [text[a:b] for a, b in lines[k:]]
    paragraphs = sum(_paragraph(x) for x in rest)
    if k == index + 1 or not rest or not _paragraph(rest[0]):
        return None
    if paragraphs < max(RESUME_MIN_PARAGRAPHS, 2 * (len(rest) - paragraphs)):
        return None  # headlines and summaries alternating: teasers to the end
    return k - 1


def zones_of(text: str, soft: tuple[int, ...] = ()) -> list[Zone]:
    """The zones of a report's text, in order, non-overlapping (a line runs on
    across the `soft` breaks of `soft_breaks`)."""
    vocab = vocabulary()
    lines = _lines(text, soft)
    zones: list[Zone] = []
    seen: set[str] = set()
    first_readable = True
    skip_to = -1
    for index, (start, end) in enumerate(lines):
        if index <= skip_to:
            continue
        line = text[start:end]
        folded = fold(line)
        # Teasers: a marker line ends the story (unless it is near the top), or only a block of
        # headlines when the story resumes after them
        if folded in vocab.teaser_markers and start >= TEASER_MIN_SHARE * len(text):
            block = teaser_block_end(text, lines, index)
            if block is None:
                zones.append(Zone("teaser", start, len(text.rstrip())))
                break
            zones.append(Zone("teaser", start, lines[block][1]))
            skip_to = block
            continue
        # The scrapers' " date YYYY-MM-DD " prefix on the first line.
        if index == 0:
            match = DATE_LINE.match(text)
            if match:
                prefix_end = match.end()
                while prefix_end < end and text[prefix_end] == " ":
                    prefix_end += 1
                zones.append(Zone("header", start, prefix_end))
                start = prefix_end
                if start >= end:
                    continue
                line = text[start:end]
                folded = fold(line)
        if _is_furniture(line, folded, vocab) or folded in vocab.teaser_markers:
            zones.append(Zone("junk", start, end))
            continue
        # A caption run into the story on one line: caption, credit, then the story.
        inline = vocab.inline_credit.search(line)
        if inline and 0 < inline.start() <= CAPTION_MAX_CHARS and line[inline.end() :].strip():
            zones.append(Zone("caption", start, start + len(line[: inline.start()].rstrip())))
            zones.append(Zone("junk", start + inline.start(), start + inline.end()))
            start += inline.end() + (len(line[inline.end() :]) - len(line[inline.end() :].lstrip()))
            line = text[start:end]
            folded = fold(line)
            first_readable = False
        # A date (and byline) printed at the top of the page.
        if index < HEADER_LINES and header_match(line):
            zones.append(Zone("header", start, end))
            continue
        if _is_label(line):
            zones.append(Zone("junk", start, end))
            continue
        kind = "caption" if _is_caption(line, vocab) else "body"
        if first_readable and kind == "body" and _looks_like_title(line):
            kind = "title"
        first_readable = False
        if len(folded.split()) >= REPEAT_MIN_WORDS:
            if folded in seen:
                zones.append(Zone("repeat", start, end))
                continue
            seen.add(folded)
        # A trailing credit ("... invitation. — VNA/VNS", "(ANTARA)", "/.") is not text.
        credit = (PHOTO_CREDIT.search(line) or vocab.agency_photo.search(line)) if kind == "caption" \
            else (vocab.trailing_credit.search(line) or vocab.trailing_credits.search(line))
        if credit and credit.start() > 0:
            zones.append(Zone(kind, start, start + len(line[: credit.start()].rstrip())))
            zones.append(Zone("junk", start + credit.start(), end))
        else:
            zones.append(Zone(kind, start, end))
    return zones


def clean(report: Report) -> CleanReport:
    """Zone the report; a report read without a title gets its headline zone's
    text as title (metadata only: the text itself is never changed)."""
    soft = soft_breaks(report.text)
    zones = zones_of(report.text, soft)
    if report.title is None:
        for zone in zones:
            if zone.kind == "title":
                report.title = report.text[zone.start : zone.end]
                report.title_derived = True  # not part of its content hash (store.write)
                break
    return CleanReport(report, zones, soft)
