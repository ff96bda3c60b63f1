"""Sentence screen: blank the sentences that cannot hold a record, before spaCy.

Why: the parse (tok2vec, tagger, parser, attribute ruler, NER) is most of a
report's cost, and it is linear in tokens. A sentence that names no state or
body, no title, and none of the words any extractor is triggered by (meeting
and visit words, document kinds and signing cues, money, targets,
partnership levels, PLOVER event verbs) cannot be the evidence of a record,
so the parser need not see it. Blanked sentences become spaces (newlines
kept), so the text keeps its length and every offset stays an offset into
the original report, exactly as `parse.masked_text` blanks unreadable zones.

The vocabulary is not a list of ours: it is every word and phrase of the
extractors' own data files (`SOURCES` below), less English stop words, plus
the states, bodies, capitals and demonyms `actors.knowledge` knows. A word
added to a data file for an extractor is screened for at once.

The screen's sentences are cut cheaply (a full stop, question or exclamation
mark before a capitalised word, or a line break), and a cut is never made
after an abbreviation or an initial ("Mr.", "U.S.", "H.E.", "J."), so a
screen sentence is never smaller than spaCy's: at worst it holds two of them
and both are kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from diplograph.actors.knowledge import knowledge, load_yaml

#: Whether a sentence that names a state or body but holds no trigger is parsed.
KEEP_STATES = False

# A sentence ends at . ! ? (and closing quotes/brackets after it) followed by
# whitespace and an opening quote or a capital/digit; or at a line break.
_END = re.compile(r"[.!?…][\"'”’)\]]*[ \t]+(?=[\"“‘(\[]?[A-Z0-9])|\n")
# The word before a full stop that does not end a sentence: an initial or an
# abbreviation with inner dots ("U.S.", "H.E."), a single letter ("J.").
_ABBREVIATION = re.compile(r"(?:\b[A-Za-z]\.(?:[A-Za-z]\.)*|\b[A-Z][a-z]{0,3}\.)$")


def _strings(value) -> Iterator[str]:
    """Every string in a YAML value: list items, and a mapping's keys and values."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if isinstance(key, str):
                yield key
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def trigger_words() -> set[str]:
    """The screen's vocabulary (lower case): the lists `data/screen.yaml` names."""
    words: set[str] = set()
    for name, keys in load_yaml("screen.yaml")["triggers"].items():
        data = load_yaml(name)
        for key in keys:
            for text in _strings(data[key]):
                text = text.strip().lower()
                if text and (" " in text or text not in STOP_WORDS):
                    words.add(text)
    # "the two leaders agreed ..." reports a meeting (data/sides.yaml, the meetings' subjects)
    from diplograph.extract.sides import two_sides

    words |= {p.lower() for p in two_sides().meeting_subjects()}
    # the PLOVER event triggers are lemmas: every form of them ("refusing", "demanded")
    from diplograph.extract.events.vocabulary import surface_forms

    words |= {w for w in surface_forms() if w not in STOP_WORDS}
    return words


@lru_cache(maxsize=1)
def _triggers() -> re.Pattern[str]:
    """One compiled pattern for every trigger word and phrase (built once per process)."""
    words = trigger_words()
    ordered = sorted(words, key=len, reverse=True)
    # A symbol ("US$", "€") is written against its number, so only a word
    # is bounded on its right.
    wordlike = "|".join(re.escape(w) for w in ordered if w[-1].isalnum())
    symbols = "|".join(re.escape(w) for w in ordered if not w[-1].isalnum())
    # A word or phrase counts in the plural too ("Comprehensive Strategic
    # Partnerships"), as the extractors read it.
    return re.compile(rf"(?<!\w)(?:(?:{wordlike})(?:s|es)?(?!\w)|{symbols})", re.IGNORECASE)


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """Cheap sentence bounds [start, end) over `text` (never smaller than spaCy's)."""
    start = 0
    for m in _END.finditer(text):
        end = m.end()
        if m.group() != "\n" and _ABBREVIATION.search(text, max(start, m.start() - 12), m.start() + 1):
            continue
        yield start, end
        start = end
    if start < len(text):
        yield start, len(text)


_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


@lru_cache(maxsize=1)
def _single_words() -> frozenset[str]:
    return frozenset(w for w in trigger_words() if _WORD.fullmatch(w))


def keeps(sentence: str) -> bool:
    """Whether a sentence may hold a record: a trigger word (or, with
    KEEP_STATES, a state or body)."""
    if not sentence.strip():
        return False
    # Fast path: most kept sentences hold a one-word trigger, found by set
    # look-up; the full pattern (phrases, symbols, words inside hyphenated
    # compounds) runs only on the rest.
    single = _single_words()
    if any(word in single for word in _WORD.findall(sentence.lower())):
        return True
    if _triggers().search(sentence):
        return True
    return KEEP_STATES and bool(knowledge().find(sentence))


_NOT_NEWLINE = re.compile(r"[^\n]")


def screen(text: str) -> tuple[str, int]:
    """`text` with every sentence that cannot hold a record blanked to spaces
    (newlines kept, length unchanged), and how many non-space characters
    were blanked."""
    pieces: list[str] = []
    blanked = 0
    for start, end in sentences(text):
        piece = text[start:end]
        if keeps(piece):
            pieces.append(piece)
        else:
            pieces.append(_NOT_NEWLINE.sub(" ", piece))
            blanked += sum(not c.isspace() for c in piece)
    return "".join(pieces), blanked
