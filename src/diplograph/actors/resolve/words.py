"""A sentence as words with absolute offsets, each knowing the state or body
mention it begins and its part of speech: what the title and name rules walk.

Why not spaCy's tokens: the rules need words as written ("Secretary-General",
"Jr.", "’s") with the knowledge base's mentions attached, and the same
offsets as the report's text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from diplograph.actors.knowledge import Mention
from diplograph.actors.resolve.vocabulary import cues

#: a word (hyphenated words whole, a trailing full stop kept), a possessive, a handle, or one punctuation mark
WORD = re.compile(r"[^\W_][\w]*(?:[-–][^\W_][\w]*)*\.?|[’']s\b|@\w+|[^\w\s]")


@dataclass
class Word:
    text: str
    start: int
    end: int
    mention: Mention | None = None  # the state/body mention this word begins
    pos: str = ""  # spaCy's coarse part of speech of the token at this word

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper()


def words_of(text: str, offset: int, mentions: list[Mention]) -> list[Word]:
    """The sentence as words with absolute offsets; a trailing full stop stays
    only on short abbreviations ("Jr.", "Dr.", "R.")."""
    out: list[Word] = []
    abbreviation = cues().abbreviation
    for m in WORD.finditer(text):
        token = m.group(0)
        start = offset + m.start()
        if token.endswith(".") and not abbreviation.match(token):
            out.append(Word(token[:-1], start, start + len(token) - 1))
            out.append(Word(".", start + len(token) - 1, start + len(token)))
        else:
            out.append(Word(token, start, start + len(token)))
    out = without_nicknames(out)
    by_start = {m.start: m for m in mentions}
    for w in out:
        w.mention = by_start.get(w.start)
    return out


#: the quotes around a nickname
OPEN_QUOTES = frozenset("“\"‘")
CLOSE_QUOTES = frozenset("”\"’")


def without_nicknames(words: list[Word]) -> list[Word]:
    """The words without a quoted nickname inside a name ("Joko “Jokowi”
    Widodo", "Ferdinand “Bongbong” Marcos Jr."): one capitalised word in
    quotes between two capitalised words, as news writes a leader's
    popular name. The name rules then read the name whole."""
    out: list[Word] = []
    i = 0
    while i < len(words):
        w = words[i]
        if (i > 0 and i + 3 < len(words) and w.text in OPEN_QUOTES and words[i + 2].text in CLOSE_QUOTES
                and words[i - 1].cap and words[i + 1].cap and words[i + 3].cap
                and words[i - 1].text not in OPEN_QUOTES | CLOSE_QUOTES):
            i += 3
            continue
        out.append(w)
        i += 1
    return out


def mention_code(word: Word) -> str | None:
    """The code of the state or body whose mention the word begins."""
    return word.mention.entity.code if word.mention else None


def mention_words(words: list[Word], i: int) -> int:
    """How many words the state/body mention starting at words[i] spans."""
    m = words[i].mention
    if m is None:
        return 0
    n = 0
    while i + n < len(words) and words[i + n].start < m.end:
        n += 1
    return n


def inside(start: int, spans) -> bool:
    """Whether an offset falls in one of the [a, b) spans."""
    return any(a <= start < b for a, b in spans)
