"""Persons in a report: found, given a role and a country, and their short
forms tied together.

Why not spaCy's NER alone: the small English model misses or mislabels many
Southeast Asian names ("Trung" as a place, "Ishiba" as an organisation), but
diplomatic prose names people by office: "Malaysian Prime Minister Anwar
Ibrahim", "ASEAN Secretary-General Kao Kim Hourn", "his Lao counterpart
Sonexay Siphandone", "Carlos Felipe Jaramillo, World Bank Vice President".
So a person is found by (1) a title run followed by capitalised words, (2) a
"counterpart" phrase, or (3) a spaCy PERSON entity; the words around it give
the role and the state or body served (demonym, possessive, "of X", an
apposition). Titles, honorifics and the like are data (`data/titles.yaml`).

Coreference within a report: every later mention whose words are among one
person's name words ("Chinh", "PM Chinh", "Phạm Minh Chính") is that
person, compared diacritic-folded. Persons whose country the text never
states get it from the report's evidence in order: they are not of the
state they visit, nor of the state of a counterpart they meet; then the
dateline's state or the report's principal states ("Prime Minister Pham Minh
Chinh" in a Vietnamese report). "The Vietnamese leader" resolves to the
person of that state.

Everything is computed once per report; lookups are dictionaries, never a
fuzzy scan over all tokens.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from diplograph.actors import officials
from diplograph.actors.knowledge import Mention, fold, knowledge, load_yaml

if TYPE_CHECKING:
    from diplograph.extract.context import ReportContext, Sentence


# --------------------------------------------------------------------------- vocabulary


@dataclass(frozen=True)
class TitleVocabulary:
    heads: frozenset[str]
    words: frozenset[str]
    connectors: frozenset[str]
    honorifics: frozenset[str]
    honorific_phrases: tuple[tuple[str, ...], ...]  # longest first
    particles: frozenset[str]
    not_names: frozenset[str]
    leader_nouns: tuple[str, ...]
    normalise: dict[str, str]
    thing_suffixes: frozenset[str]

    def is_title_word(self, word: str) -> bool:
        return word in self.heads or word in self.words or _cap_hyphen_head(word, self.heads)


def _cap_hyphen_head(word: str, heads: frozenset[str]) -> bool:
    return "-" in word and word.split("-")[0] in heads


@lru_cache(maxsize=1)
def vocabulary() -> TitleVocabulary:
    """The title vocabulary, loaded once per process."""
    data = load_yaml("titles.yaml")
    return TitleVocabulary(
        heads=frozenset(data["heads"]),
        words=frozenset(data["words"]),
        connectors=frozenset(data["connectors"]),
        honorifics=frozenset(data["honorifics"]),
        honorific_phrases=tuple(sorted((tuple(h.split()) for h in data["honorific_phrases"]), key=len,
                                       reverse=True)),
        particles=frozenset(data["particles"]),
        not_names=frozenset(data["not_names"]),
        leader_nouns=tuple(sorted(data["leader_nouns"], key=len, reverse=True)),
        normalise={fold(k): v for k, v in data["normalise"].items()},
        thing_suffixes=frozenset(data["thing_suffixes"]),
    )


# --------------------------------------------------------------------------- words

_ABBREVIATION = re.compile(
    r"^(?:[A-Z]|Jr|Sr|Dr|Mr|Mrs|Ms|St|Gen|Lt|Col|Maj|Pol|Capt|Brig|Sen|Rep|Prof|Amb|Sec|Pres|H\.E|U\.S|U\.K|P\.M)\.$"
)
_WORD = re.compile(r"[^\W_][\w]*(?:[-–][^\W_][\w]*)*\.?|[’']s\b|@\w+|[^\w\s]")


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
    for m in _WORD.finditer(text):
        token = m.group(0)
        start = offset + m.start()
        if token.endswith(".") and not _ABBREVIATION.match(token):
            out.append(Word(token[:-1], start, start + len(token) - 1))
            out.append(Word(".", start + len(token) - 1, start + len(token)))
        else:
            out.append(Word(token, start, start + len(token)))
    by_start = {m.start: m for m in mentions}
    for w in out:
        w.mention = by_start.get(w.start)
    return out


# --------------------------------------------------------------------------- records


@dataclass
class PersonMention:
    start: int
    end: int
    person: int  # index into PersonIndex.persons
    sentence: int
    how: str  # title | counterpart | entity | short | nominal


@dataclass
class ResolvedPerson:
    name: str
    role: str | None
    country: str | None
    country_how: str  # explicit | knowledge | inferred | home | unknown
    first_sentence: int
    first_start: int
    aliases: list[str] = field(default_factory=list)
    tokens: tuple[str, ...] = ()  # folded name words (no honorifics)
    mentions: list[PersonMention] = field(default_factory=list)
    #: the state is written before the title or as a counterpart's demonym ("Vietnamese President",
    #: "his Thai counterpart"), as news marks foreign officials; not "President of Viet Nam"
    marked: bool = False


@dataclass
class PersonIndex:
    """The persons of one report and where each is mentioned."""

    persons: list[ResolvedPerson]
    by_sentence: dict[int, list[PersonMention]]
    home: list[str]  # candidate home states, most likely first
    visitors: set[int] = field(default_factory=set)  # persons the report says visit a state

    def in_sentence(self, index: int) -> list[PersonMention]:
        return self.by_sentence.get(index, [])

    def at(self, start: int, end: int) -> ResolvedPerson | None:
        for mentions in self.by_sentence.values():
            for m in mentions:
                if m.start < end and start < m.end:
                    return self.persons[m.person]
        return None


@dataclass
class _Candidate:
    name_words: list[Word]
    role: str | None
    country: str | None
    sentence: int
    how: str
    alias: str | None = None
    marked: bool = False  # see ResolvedPerson.marked

    @property
    def start(self) -> int:
        return self.name_words[0].start

    @property
    def end(self) -> int:
        return self.name_words[-1].end


# --------------------------------------------------------------------------- finding names


def _mention_code(word: Word) -> str | None:
    return word.mention.entity.code if word.mention else None


def _mention_words(words: list[Word], i: int) -> int:
    """How many words the state/body mention starting at words[i] spans."""
    m = words[i].mention
    if m is None:
        return 0
    n = 0
    while i + n < len(words) and words[i + n].start < m.end:
        n += 1
    return n


def _title_run(words: list[Word], i: int, vocab: TitleVocabulary) -> tuple[int, str | None, bool]:
    """The title run starting at words[i]: (end index, country named by an
    "of X"/"for X" inside it, whether it holds a head word)."""
    j = i
    country = None
    has_head = False
    while j < len(words):
        w = words[j].text
        if vocab.is_title_word(w) or fold(w) in vocab.normalise:
            has_head = has_head or w in vocab.heads or fold(w) in vocab.normalise or "-" in w
            j += 1
            continue
        if (w == "(" and has_head and j + 2 < len(words) and words[j + 2].text == ")"
                and words[j + 1].text.isupper() and len(words[j + 1].text) <= 8):
            j += 3  # "Speaker of the House of Representatives (DPR) Puan Maharani"
            continue
        if (w in ("’s", "'s") and j > i and j + 1 < len(words) and vocab.is_title_word(words[j + 1].text)
                and words[j + 1].cap):
            j += 1  # "Head of the Party Central Committee's Commission for External Relations"
            continue
        if w == "to" and j + 1 < len(words) and words[j + 1].mention is not None and has_head:
            j = j + 1 + _mention_words(words, j + 1)  # "Ambassador to Thailand": not the state served
            continue
        if w in vocab.connectors and j + 1 < len(words):
            nxt = j + 1
            if words[nxt].text == "the" and nxt + 1 < len(words):
                nxt += 1
            if words[nxt].mention is not None and w in ("of", "for"):
                span = _mention_words(words, nxt)
                country = country or _mention_code(words[nxt])
                j = nxt + span
                continue
            if vocab.is_title_word(words[nxt].text):
                j = nxt
                continue
        break
    return j, country, has_head


def _name_at(words: list[Word], i: int, vocab: TitleVocabulary) -> int:
    """The end index of a capitalised name starting at words[i] (i if none).
    "Vice Premier He Lifeng": after a title, "He" followed by a capitalised
    word is a family name (He, Hu, Wang...), not the pronoun."""
    j = i
    if (0 < i < len(words) - 1 and words[i].text == "He" and words[i + 1].cap
            and words[i + 1].mention is None and vocab.is_title_word(words[i - 1].text)):
        j = i + 1
    while j < len(words):
        w = words[j]
        text = w.text.rstrip(".")
        if j > i and w.text in vocab.thing_suffixes:
            break  # "Ho Chi Minh Memorial": the name of a thing begins here (but "Park Jin" is a name)
        if w.mention is not None and not (w.mention.how == "capital" and j > i):
            break  # a state, body or demonym is never part of a name (a capital's name may be)
        if w.pos in ("VERB", "AUX", "NUM") or (w.pos in ("DET", "PRON", "CCONJ", "SCONJ") and j == i):
            break
        if w.cap and w.text not in vocab.not_names and not vocab.is_title_word(w.text) and text.isalpha() or (
            w.cap and "-" in w.text and w.text not in vocab.not_names and not vocab.is_title_word(w.text)
        ):
            j += 1
            continue
        if j > i and (w.text in vocab.particles or re.fullmatch(r"[A-Z]\.", w.text)) and j + 1 < len(words):
            k = j + 1
            while k + 1 < len(words) and words[k].text in vocab.particles and not words[k].cap:
                k += 1  # "von der Leyen", "de la Cruz"
            if words[k].cap or w.text.startswith(("Jr", "Sr", "II")):
                j = k if words[k].cap and k > j + 1 else j + 1
                continue
        if j > i and w.text in ("Jr", "Jr.", "Sr", "Sr."):
            j += 1
        break
    return j


def _left_country(words: list[Word], i: int) -> str | None:
    """The state or body written just before a title run: "Malaysian",
    "Japan's new", "ASEAN", "World Bank", "the FIFA"."""
    j = i - 1
    while j >= 0 and words[j].text.lower() in ("new", "then", "former", "outgoing", "incoming", "visiting",
                                                "newly-elected", "newly", "elected", "current", "acting"):
        j -= 1
    if j >= 0 and words[j].text in ("’s", "'s"):
        j -= 1
    if j < 0:
        return None
    # the mention ends at words[j]: find its first word
    for k in range(j, max(-1, j - 8), -1):
        m = words[k].mention
        if m is not None and words[j].end <= m.end:
            return m.entity.code
    return None


def _counterpart_country(words: list[Word], i: int, j: int) -> tuple[str | None, int]:
    """After "counterpart(s)" at words[i-1]: "from Laos," / "of Vietnam" -> code, next index."""
    if j < len(words) and words[j].text in ("from", "of") and j + 1 < len(words):
        k = j + 1
        if words[k].text == "the" and k + 1 < len(words):
            k += 1
        if words[k].mention is not None:
            code = _mention_code(words[k])
            k += _mention_words(words, k)
            if k < len(words) and words[k].text == ",":
                k += 1
            return code, k
    return None, j


def _normal_role(words: list[Word], vocab: TitleVocabulary) -> str | None:
    text = " ".join(w.text for w in words)
    text = re.sub(r"\s+-\s+", "-", text)
    text = re.sub(r"\s*\(\s*[A-Z]{1,8}\s*\)", "", text)  # "House of Representatives (DPR)"
    text = re.sub(r"\s+([’']s)\b", r"\1", text)  # "Central Committee 's Commission"
    return vocab.normalise.get(fold(text), text) if text else None


def _strip_honorifics(name_words: list[Word], vocab: TitleVocabulary) -> list[Word]:
    """The name without the honorifics it starts with ("Tan Sri", "Pol. Gen.",
    "Datuk Seri"); one word at least is always kept."""
    k = 0
    while k < len(name_words) - 1:
        texts = tuple(w.text for w in name_words[k:])
        phrase = next((h for h in vocab.honorific_phrases if texts[: len(h)] == h and len(h) < len(texts)),
                      None)
        if phrase:
            k += len(phrase)
        elif name_words[k].text in vocab.honorifics:
            k += 1
        else:
            break
    return name_words[k:]


def _candidates_in(sent: Sentence, words: list[Word], vocab: TitleVocabulary) -> list[_Candidate]:
    """Title-anchored and counterpart-anchored names in one sentence."""
    out: list[_Candidate] = []
    i = 0
    while i < len(words):
        w = words[i]
        if (w.text in vocab.heads or w.text in vocab.words or fold(w.text) in vocab.normalise) and w.cap:
            if w.text in ("PM", "AM") and i > 0 and words[i - 1].text[-1:].isdigit():
                i += 1  # "7:05 PM MYT": a time of day, not a prime minister
                continue
            end, of_country, has_head = _title_run(words, i, vocab)
            k = end
            if of_country and k < len(words) and words[k].text == ",":
                k += 1
            name_end = _name_at(words, k, vocab)
            if (has_head and name_end > k and not _thing(words, name_end, vocab)
                    and not all(x.text in vocab.honorifics for x in words[k:name_end])):
                name_words = _strip_honorifics(words[k:name_end], vocab)
                royal = end - i > 1 and words[end - 1].text in vocab.honorifics  # "... Agong Sultan Ibrahim"
                if royal and name_end - k == 1:
                    name_words = [words[end - 1], *name_words]  # "Sultan Ibrahim": one word is no name alone
                left = _left_country(words, i)
                country = left or of_country
                role_words = [x for x in words[i : end - 1 if royal else end] if x.mention is None]
                if of_country:
                    role_words = words[i:end]
                    role = _normal_role(role_words, vocab)
                    role = re.sub(r"\s+(?:of|for)\s+(?:the\s+)?\S.*$", "", role) if role else role
                else:
                    role = _normal_role(role_words, vocab)
                alias = _parenthetical(words, name_end)
                if country is None or (role or "") in vocab.honorifics:
                    # "Sheikh Mohammed bin Zayed, President of the United Arab Emirates,"
                    role2, country2 = _apposition(words, name_end, vocab)
                    left = left or (country2 if country is None else None)  # explained: marked
                    country = country or country2
                    role = role2 if role2 and (role or "") in vocab.honorifics else role
                marked = left is not None
                out.append(_Candidate(name_words, role, country, sent.index, "title", alias, marked))
                i = name_end
                continue
            i = max(end, i + 1)
            continue
        if w.text.lower() in ("counterpart", "counterparts"):
            country = _left_country(words, i)
            from_country, k = _counterpart_country(words, i, i + 1)
            if k < len(words) and words[k].text == ",":
                k += 1
            name_end = _name_at(words, k, vocab)
            if name_end > k:
                out.append(_Candidate(words[k:name_end], None, country or from_country, sent.index,
                                      "counterpart", marked=country is not None))
                i = name_end
                continue
        i += 1
    return out


def _thing(words: list[Word], j: int, vocab: TitleVocabulary) -> bool:
    """The name runs into a place or thing's name ("Hồ Chí Minh Mausoleum")."""
    return j < len(words) and words[j].text in vocab.thing_suffixes


def _parenthetical(words: list[Word], j: int) -> str | None:
    """ "Joko Widodo (Jokowi)": the alias in brackets right after a name."""
    if j + 2 < len(words) and words[j].text == "(" and words[j + 2].text == ")" and words[j + 1].cap:
        return words[j + 1].text
    return None


def _apposition(words: list[Word], j: int, vocab: TitleVocabulary) -> tuple[str | None, str | None]:
    """After a name: ", World Bank Vice President for East Asia" or ", the
    Foreign Affairs Secretary of the Philippines" -> (role, country)."""
    if j >= len(words) or words[j].text != ",":
        return None, None
    k = j + 1
    if k < len(words) and words[k].text.lower() == "the":
        k += 1
    country = None
    if k < len(words) and words[k].mention is not None:
        country = _mention_code(words[k])
        k += _mention_words(words, k)
        if k < len(words) and words[k].text in ("’s", "'s"):
            k += 1
    start = k
    # titles in appositions may be lower case ("GCC assistant secretary-general")
    lowered = [
        x if x.text in vocab.connectors else Word(x.text[:1].upper() + x.text[1:], x.start, x.end, x.mention)
        for x in words
    ]
    if start >= len(words) or not (
        lowered[start].text in vocab.heads or lowered[start].text in vocab.words
        or vocab.is_title_word(lowered[start].text)
    ):
        return None, None
    end, of_country, has_head = _title_run(lowered, start, vocab)
    if not has_head:
        return None, None
    if _name_at(words, end, vocab) > end or (end < len(words) and words[end].text == ","
                                             and _name_at(words, end + 1, vocab) > end + 1 and of_country):
        return None, None  # "Chinh, Malaysian PM Anwar and ...": the next person of a list, not an apposition
    role_words = [x for x in words[start:end] if x.mention is None]
    role = _normal_role(role_words, vocab)
    if role and of_country:
        # "President of the UAE" -> "President"; "country director for" (state left out) -> "country director"
        role = re.sub(r"\s+(?:of|to|for)(?:\s+(?:the\s+)?\S.*)?$", "", role)
    return role, country or of_country


#: Words after which a name the tagger calls a person is a place.
_PLACE_WORDS = frozenset(("in", "at", "from", "to", "near", "into", "beyond", "across", "around",
                          "throughout", "outside", "inside", "within", "via", "through", "toward", "towards"))


def _entity_candidates(ctx: ReportContext, sent: Sentence, words: list[Word],
                       vocab: TitleVocabulary, taken: list[tuple[int, int]]) -> list[_Candidate]:
    """spaCy PERSON entities not already found by a title, cleaned of titles
    and honorifics, with an apposition's role and country."""
    out = []
    by_start = {w.start: n for n, w in enumerate(words)}
    for ent in sent.ents:
        if ent.label_ != "PERSON":
            continue
        if any(a < ent.end_char and ent.start_char < b for a, b in taken):
            continue
        n = by_start.get(ent.start_char)
        if n is None:
            continue
        # skip leading title words and honorifics inside the entity ("Datuk Seri Utama" as a whole)
        while n < len(words) and words[n].start < ent.end_char:
            texts = tuple(w.text for w in words[n : n + 4])
            phrase = next((h for h in vocab.honorific_phrases if texts[: len(h)] == h), None)
            if phrase:
                n += len(phrase)
            elif (vocab.is_title_word(words[n].text) or words[n].text in vocab.honorifics
                  or fold(words[n].text) in vocab.normalise):
                n += 1
            else:
                break
        while n < len(words) and words[n].start < ent.end_char and (
            words[n].pos in ("VERB", "ADP", "DET") or (n == 0 and words[n].text.endswith("ing"))
        ):
            n += 1  # "Hailing Trung"
        end = _name_at(words, n, vocab)
        # the tagger sometimes cuts a name short ("Daw Thet" of "Daw Thet Thet Khine"): two more words
        if end <= n or words[end - 1].end > ent.end_char + 4 and sum(
            1 for w in words[n:end] if w.start >= ent.end_char
        ) > 2 or _thing(words, end, vocab):
            continue
        if n > 0 and words[n - 1].text.lower() in _PLACE_WORDS:
            continue  # "in Labuan Bajo", "well beyond Johor Baru": a place
        weak = end - n == 1 and _apposition(words, end, vocab) == (None, None) \
            and not _is_subject(ctx, words[n])
        if weak and _paired_with(sent, ent) != "person":
            continue  # a single word the tagger calls a person, with nothing to say who: too weak
        name_words = _strip_honorifics(words[n:end], vocab)
        role, country = _apposition(words, end, vocab)
        marked = country is not None  # an apposition naming the state explains a foreign official
        if country is None:
            country = _lowercase_title_country(words, by_start.get(ent.start_char, n), vocab)
            marked = country is not None
        if role is None and _paired_with(sent, ent) == "thing":
            continue  # "signed between Doordarshan and Prasar Bharati": organisations, not persons
        alias = _parenthetical(words, end)
        out.append(_Candidate(name_words, role, country, sent.index, "entity", alias, marked))
    return out


#: the longest name (in words) looked up in the officials table
_KNOWN_NAME_WORDS = 5


def _particle(word: str, vocab: TitleVocabulary) -> bool:
    return word in vocab.particles or word.lower() in vocab.particles


def _known_candidates(sent: Sentence, words: list[Word], vocab: TitleVocabulary,
                      taken: list[tuple[int, int]]) -> list[_Candidate]:
    """person.known_name: a run of capitalised words that is the name of an
    official in the officials table ("Ollanta Humala held talks with ...")
    is a person, where neither a title nor the tagger found one: the small
    model misses unqualified names at a sentence's start and in lists."""
    out: list[_Candidate] = []
    i = 0
    while i < len(words):
        w = words[i]
        if not w.cap or w.mention is not None or any(a <= w.start < b for a, b in taken) \
                or w.text in vocab.not_names or vocab.is_title_word(w.text) or w.text in vocab.honorifics \
                or fold(w.text) in vocab.normalise:
            i += 1
            continue
        texts = tuple(x.text for x in words[i : i + 4])
        phrase = next((h for h in vocab.honorific_phrases if texts[: len(h)] == h), None)
        if phrase:  # "Tan Sri Johari Abdul": the name after the honorific
            i += len(phrase)
            continue
        run = i
        while run < len(words) and run - i < _KNOWN_NAME_WORDS and words[run].mention is None and (
            (words[run].cap and words[run].text not in vocab.not_names)
            or (run > i and words[run].text.split("-")[0] in vocab.particles)  # "Abdel Fattah el-Sisi"
        ):
            run += 1
        found = None
        for end in range(run, i + 1, -1):  # the longest known name first, two name words at least
            if _particle(words[end - 1].text, vocab) or sum(
                1 for x in words[i:end] if not _particle(x.text, vocab)
            ) < 2:
                continue  # "Ahmed Al": a particle is no name word
            text = " ".join(x.text for x in words[i:end])
            if officials.lookup(text, None):
                found = end
                break
        if found is None:
            i += 1
            continue
        out.append(_Candidate(words[i:found], None, None, sent.index, "known"))
        i = found
    return out


def _lowercase_title_country(words: list[Word], n: int, vocab: TitleVocabulary) -> str | None:
    """ "Thai national police chief Pol Gen X", "the regime's social welfare
    minister Daw Y": lower-case title words right before a name, with a
    state or demonym (or its possessive) right before them."""
    j = n - 1
    while j >= 0 and words[j].text in vocab.honorifics:
        j -= 1
    seen = 0
    while (j >= 0 and not words[j].cap and words[j].text.isalpha() and seen < 5
           and vocab.is_title_word(words[j].text.capitalize())):
        j -= 1
        seen += 1
    if not seen or j < 0:
        return None
    heads = {w.text.capitalize() for w in words[j + 1 : n]} & vocab.heads
    return _left_country(words, j + 1) if heads else None



_BETWEEN = re.compile(
    r"\bbetween\s+(?P<a>[^,;]{1,60}?)\s+and\s+(?P<b>[^,;]{1,60}?)"
    r"(?=\s+(?:on|in|at|to|for|was|were|is|are|has|have|will|which|that|who)\b|[,;.]|$)"
)


def _paired_with(sent: Sentence, ent) -> str | None:
    """What a name the tagger calls a person is joined to by "between ...
    and": "thing" (an organisation, a place: then it is one of those too),
    "person" (a person or a titled name: then it is a person too), or None."""
    text = sent.text
    start, end = ent.start_char - sent.start, ent.end_char - sent.start
    for m in _BETWEEN.finditer(text):
        for own, other in (("a", "b"), ("b", "a")):
            if m.start(own) <= start and end <= m.end(own):
                a, b = sent.start + m.start(other), sent.start + m.end(other)
                people = [e for e in sent.ents if e.label_ == "PERSON" and a <= e.start_char < b]
                titled = any(w in vocabulary().heads for w in m.group(other).split())
                if people or titled:
                    return "person"
                return "thing" if m.group(other)[:1].isupper() else None
    return None


def _headline(words: list[Word]) -> bool:
    """A line in title case (most words capitalised): names cannot be told
    from the words around them there."""
    small = ("of", "and", "the", "in", "on", "to", "for", "with", "at", "a", "an")
    alpha = [w for w in words if w.text[:1].isalpha() and w.text.lower() not in small]
    return len(alpha) >= 4 and all(w.cap for w in alpha)


def _confirmed(ctx: ReportContext, sent: Sentence, found: list[_Candidate]) -> list[_Candidate]:
    """In a title-case line a name may run into the next words ("President
    Jokowi Receives Hungarian ..."): keep the longest part of each name that
    the rest of the report also writes."""
    rest = fold(ctx.text[: sent.start] + " " + ctx.text[sent.end :])
    out = []
    for cand in found:
        words = list(cand.name_words)
        while words and not re.search(r"\b" + re.escape(fold(" ".join(w.text for w in words))) + r"\b", rest):
            words.pop()
        if words:
            cand.name_words = words
            out.append(cand)
    return out


def _repeated_subjects(ctx: ReportContext, sentence_words: dict[int, list[Word]],
                       found: list[_Candidate], vocab: TitleVocabulary) -> list[_Candidate]:
    """Single proper nouns the parser makes the subject of a verb and the
    report names at least twice ("Chinh proposed ..."; "Chinh's proposals"):
    names the tagger did not label, when nothing else knows them."""
    known = {t for c in found for t in _name_tokens(c.name_words, vocab)}
    kb = knowledge()
    counts: Counter[str] = Counter()
    subjects: dict[str, tuple[Word, int]] = {}
    for index, words in sentence_words.items():
        states = [(m.start, m.end) for m in ctx.sentences[index].mentions]
        for w in words:
            if not w.cap or w.pos != "PROPN" or w.text in vocab.not_names:
                continue
            if any(a <= w.start < b for a, b in states) or w.text.isupper():
                continue  # "Nam" of "Viet Nam"; "HÀ NỘI" datelines
            if vocab.is_title_word(w.text) or w.text in vocab.honorifics or kb.lookup(w.text) is not None:
                continue
            key = fold(w.text)
            counts[key] += 1
            if key not in subjects and _is_subject(ctx, w):
                subjects[key] = (w, index)
    out = []
    for key, (w, index) in subjects.items():
        if counts[key] >= 2 and key not in known and len(key) > 2:
            out.append(_Candidate([w], None, None, index, "subject"))
    return out


def _is_subject(ctx: ReportContext, word: Word) -> bool:
    """A word the parser makes the subject of a verb ("Chinh proposed")."""
    span = ctx.doc.char_span(word.start, word.end, alignment_mode="expand")
    return span is not None and span.root.dep_ in ("nsubj", "nsubjpass")


# --------------------------------------------------------------------------- clustering


def _name_tokens(name_words: list[Word], vocab: TitleVocabulary) -> tuple[str, ...]:
    return tuple(
        fold(w.text).rstrip(".") for w in name_words
        if w.text not in vocab.particles and len(w.text.rstrip(".")) > 1
    )


def _good_name(tokens: tuple[str, ...], words: list[Word]) -> bool:
    if not tokens:
        return False
    kb = knowledge()
    text = " ".join(w.text for w in words)
    if kb.lookup(text) is not None:
        return False
    return not any(kb.names_entity(w.text) and kb.lookup_how(w.text)[1] != "demonym" for w in words)


def _display_name(name_words: list[Word]) -> str:
    """The name as written, without a sentence's full stop fused to its last
    word ("Hun Sen." at the end of a sentence); an initial keeps its dot."""
    name = " ".join(w.text for w in name_words)
    last = name_words[-1].text if name_words else ""
    if last.endswith((".", ",", ";", ":")) and len(last.rstrip(".,;:")) > 2:
        name = name.rstrip(".,;:")
    return name


def _same_person(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    return bool(short) and set(short) <= set(long)


def resolve_persons(ctx: ReportContext) -> PersonIndex:
    """All persons of the report, with coreference, roles and countries."""
    vocab = vocabulary()
    sentence_words: dict[int, list[Word]] = {}
    candidates: list[_Candidate] = []
    pos_at = {t.idx: t.pos_ for t in ctx.doc}
    for sent in ctx.sentences:
        words = words_of(sent.text, sent.start, sent.mentions)
        for w in words:
            w.pos = pos_at.get(w.start, "")
        sentence_words[sent.index] = words
        found = _candidates_in(sent, words, vocab)
        found += _known_candidates(sent, words, vocab, [(c.start, c.end) for c in found])
        taken = [(c.start, c.end) for c in found]
        found += _entity_candidates(ctx, sent, words, vocab, taken)
        if _headline(words):
            found = _confirmed(ctx, sent, found)
        candidates += found
    candidates += _repeated_subjects(ctx, sentence_words, candidates, vocab)

    # cluster: the longest names first, shorter ones join the person whose words include theirs
    persons: list[ResolvedPerson] = []
    ordered = sorted(candidates, key=lambda c: (-len(_name_tokens(c.name_words, vocab)), c.start))
    assigned: dict[int, int] = {}
    for cand in ordered:
        tokens = _name_tokens(cand.name_words, vocab)
        if not _good_name(tokens, cand.name_words):
            continue
        owners = [n for n, p in enumerate(persons) if _same_person(tokens, p.tokens)
                  or (len(tokens) == 1 and tokens[0] in {fold(a) for a in p.aliases})]
        if not owners:  # "Prayut Chan-o-cha" = "Prayuth Chan-o-cha": a spelling variant
            owners = [n for n, p in enumerate(persons) if len(tokens) == len(p.tokens)
                      and fuzz.ratio(" ".join(tokens), " ".join(p.tokens)) >= 88]
        if len(owners) > 1:
            continue  # ambiguous short form
        name = _display_name(cand.name_words)
        if owners:
            p = persons[owners[0]]
            if cand.country and (p.country is None):
                p.country, p.country_how = cand.country, "explicit"
            p.marked = p.marked or (cand.marked and cand.country == p.country)
            if cand.role and not p.role:
                p.role = cand.role
            if cand.start < p.first_start:
                p.first_start, p.first_sentence = cand.start, cand.sentence
            if name not in p.aliases and name != p.name:
                p.aliases.append(name)
            assigned[id(cand)] = owners[0]
        else:
            persons.append(ResolvedPerson(
                name=name, role=cand.role, country=cand.country,
                country_how="explicit" if cand.country else "unknown",
                first_sentence=cand.sentence, first_start=cand.start, tokens=tokens, marked=cand.marked,
            ))
            assigned[id(cand)] = len(persons) - 1
        if cand.alias:
            persons[assigned[id(cand)]].aliases.append(cand.alias)
    # a person whose role came with the same person's other mention keeps the fuller one
    index = PersonIndex(persons, {}, [])
    _find_mentions(ctx, index, sentence_words, vocab)
    index.home = home_states(ctx)
    _appositive_nominals(ctx, index)
    _delegation_heads(ctx, index)
    _postposed_states(ctx, index)
    _infer_countries(ctx, index, sentence_words)
    return index


def _role_state(persons: list[ResolvedPerson], who: str | None, noun: str) -> str | None:
    """ "the Sultan", "the Crown Prince": the state of the one person with
    that role whose state the text gives ("Phuc met the Sultan": Phuc is
    not of the Sultan's state)."""
    if who:
        return None
    role = noun.lower()
    holders = {p.country for p in persons if (p.role or "").lower() == role and p.country_how == "explicit"}
    return holders.pop() if len(holders) == 1 else None


def _nominal_state(who: str | None) -> str | None:
    """The state of a nominal's qualifier ("Egyptian", "Japanese Prime"), if any."""
    if not who or not who[0].isupper():
        return None
    kb = knowledge()
    entity = kb.lookup(who) or kb.lookup(who.split(" ", 1)[0])
    return entity.code if entity is not None and entity.kind == "state" else None


def _appositive_nominals(ctx: ReportContext, index: PersonIndex) -> None:
    """"the Egyptian leader Abdel Fattah El-Sisi", "the visiting Japanese
    Prime Minister, Ishiba Shigeru": a nominal right before a name says that
    person's state, as plainly as "Egyptian President" would."""
    pattern = nominal_pattern()
    for sent in ctx.sentences:
        names = {m.start: m for m in index.in_sentence(sent.index) if m.how == "name"}
        if not names:
            continue
        for m in pattern.finditer(sent.text):
            code = _nominal_state(m.group("who"))
            gap = re.match(r"[\s,]*", sent.text[m.end() :])
            mention = names.get(sent.start + m.end() + (gap.end() if gap else 0))
            if code is None or mention is None:
                continue
            first_comma = sent.text.find(",")
            across = m.end() <= first_comma < m.end() + (gap.end() if gap else 0)
            if _FRONTED.match(sent.text) and across:
                continue  # "During a talk with the Armenian FM, Lavrov told": the main clause's subject
            person = index.persons[mention.person]
            if person.country_how != "explicit":
                person.country, person.country_how = code, "explicit"


#: "delegations from Indonesia led by Minister of Agriculture X", "the Republic of Korea
#: led by Prime Minister Y", "A Delegation of the Embassy of Japan, led by Ambassador Z"
_LED_BY = re.compile(
    r"^(?:['’]s)?(?:\s+(?:in\s+\w+|delegations?|government|side))?\s*,?\s*(?:was\s+|were\s+)?"
    r"(?:led|headed)\s+by\s+(?P<title>(?:[\w'’.-]+\s+){0,8}?)$",
    re.IGNORECASE,
)


def _delegation_heads(ctx: ReportContext, index: PersonIndex) -> None:
    """person.delegation_head: the person who leads a state's delegation
    serves that state ("the Republic of Korea led by Prime Minister Han Duck
    Soo"), as plainly as a demonym would say: the funeral and summit lists of
    real reports name most of their guests this way."""
    for sent in ctx.sentences:
        names = sorted((m for m in index.in_sentence(sent.index) if m.how == "name"), key=lambda m: m.start)
        if not names:
            continue
        for mention in sent.mentions:
            nxt = next((m for m in names if m.start >= mention.end), None)
            if nxt is None or nxt.start - mention.end > 120:
                continue
            if _LED_BY.match(ctx.text[mention.end : nxt.start]) is None:
                continue
            person = index.persons[nxt.person]
            if person.country_how != "explicit":
                person.country, person.country_how = mention.entity.code, "explicit"


_OF_STATE = re.compile(r"^\s+of\s+(?:the\s+)?$")


def _postposed_states(ctx: ReportContext, index: PersonIndex) -> None:
    """person.postposed_state: "FM Narayan Khadka of Nepal", "Sultan Hassanal
    Bolkiah of Brunei": a state right after the name, joined by "of", is the
    person's, as plainly as a demonym before it."""
    for sent in ctx.sentences:
        for pm in index.in_sentence(sent.index):
            if pm.how != "name":
                continue
            nxt = next((m for m in sent.mentions if m.start >= pm.end), None)
            if nxt is None or nxt.how == "demonym" or not _OF_STATE.match(ctx.text[pm.end : nxt.start]):
                continue
            person = index.persons[pm.person]
            if person.country_how != "explicit":
                person.country, person.country_how = nxt.entity.code, "explicit"


def _find_mentions(ctx: ReportContext, index: PersonIndex, sentence_words: dict[int, list[Word]],
                   vocab: TitleVocabulary) -> None:
    """Every mention of every person: runs of capitalised words whose folded
    forms are among one person's name words (or aliases), in every sentence."""
    owners: dict[str, set[int]] = {}
    for n, p in enumerate(index.persons):
        keys = set(p.tokens) | {fold(a) for a in p.aliases if " " not in a}
        for key in keys:
            if len(key) >= 2:
                owners.setdefault(key, set()).add(n)

    def owners_of(word: Word) -> set[int]:
        return owners.get(fold(word.text).rstrip("."), set()) if word.cap else set()

    for sent in ctx.sentences:
        words = sentence_words[sent.index]
        mentions: list[PersonMention] = []
        states = [(m.start, m.end) for m in sent.mentions if m.how != "capital"]
        i = 0
        while i < len(words):
            w = words[i]
            cands = owners_of(w)
            if cands and any(a <= w.start < b for a, b in states):
                cands = set()  # "Việt" in "Việt Nam" is not "Pham Viet Hung"
            owner = next(iter(cands)) if len(cands) == 1 else None
            if len(cands) > 1 and i + 1 < len(words):  # "Minh" in "Phạm Minh Chính": the next word decides
                nxt = owners_of(words[i + 1])
                owner = next(iter(nxt)) if len(nxt) == 1 and nxt <= cands else None
            if owner is None:
                i += 1
                continue
            j = i + 1
            while j < len(words) and (
                owner in owners_of(words[j])
                or (words[j].text in vocab.particles and j + 1 < len(words)
                    and owner in owners_of(words[j + 1]))
            ):
                j += 1
            mentions.append(PersonMention(w.start, words[j - 1].end, owner, sent.index, "name"))
            index.persons[owner].mentions.append(mentions[-1])
            i = j
        mentions += _pronouns(sent, words, mentions, index)
        mentions.sort(key=lambda m: m.start)
        if mentions:
            index.by_sentence[sent.index] = mentions
    for p in index.persons:
        if p.mentions:
            first = min(p.mentions, key=lambda m: m.start)
            if first.start < p.first_start:
                p.first_start, p.first_sentence = first.start, first.sentence


_PRONOUNS = frozenset({"he", "she", "his", "her"})
_FIRST_PERSON = frozenset({"i", "my", "me"})  # in quoted speech: the person the report follows
_FRONTED = re.compile(r"^(?:During|At|In|After|Following|Meeting|Welcoming|Receiving|Speaking|On|Before|"
                      r"Upon|Hailing|Talking|Responding|Referring|About|Describing)\b")


def _pronouns(sent: Sentence, words: list[Word], names: list[PersonMention],
              index: PersonIndex) -> list[PersonMention]:
    """He/she/his/her as mentions of a person: in a fronted phrase ("During
    his meeting with X, Infantino said") the main clause's first person;
    otherwise the first person named earlier in the sentence, else the first
    person of the latest sentence that named one (news keeps its subject)."""
    out = []
    previous = None
    for k in range(sent.index - 1, max(-1, sent.index - 4), -1):
        earlier = index.by_sentence.get(k, [])
        if earlier:
            previous = min(earlier, key=lambda m: m.start).person
            break
    comma = sent.text.find(",")
    fronted = bool(_FRONTED.match(sent.text)) and comma > 0
    for w in words:
        if w.text.lower() in _FIRST_PERSON:
            if previous is not None:
                pm = PersonMention(w.start, w.end, previous, sent.index, "pronoun")
                out.append(pm)
                index.persons[previous].mentions.append(pm)
            continue
        if w.text.lower() not in _PRONOUNS:
            continue
        if w.text.isupper() and len(w.text) > 1 and words.index(w) + 1 < len(words) \
                and words[words.index(w) + 1].cap:
            continue  # "HE Dr Rangin Spanta": His Excellency, an honorific, not "he"
        person = None
        if fronted and w.start < sent.start + comma:
            after = [m for m in names if m.start > sent.start + comma]
            person = after[0].person if after else None
        if person is None:
            before = [m for m in names if m.start < w.start]
            person = before[0].person if before else previous
        if person is None:
            continue
        local = any(m.person == person and m.start < w.start for m in names)
        pm = PersonMention(w.start, w.end, person, sent.index, "pronoun-local" if local else "pronoun")
        out.append(pm)
        index.persons[person].mentions.append(pm)
    return out


# --------------------------------------------------------------------------- countries

_DATELINE = re.compile(
    r"^\s*(?:date\s+\d{4}-\d\d-\d\d\s+)?([A-ZÀ-Ỹ][\w .'-]{2,30}?)\s*(?:,\s*[\w .]{1,20}?\s*)?"
    r"(?:\([^)]{0,30}\)\s*)?(?:—|–|--|-|:)(?:\s|$)"  # "PUTRAJAYA:" may end its own sentence
)


def home_states(ctx: ReportContext) -> list[str]:
    """The states the report is written from, most likely first: the
    dateline's ("HÀ NỘI —", "Jakarta -", "RIYADH:"), then the principal
    states by weighted mention count."""
    kb = knowledge()
    out: list[str] = []
    counts: Counter[str] = Counter()
    for sent in ctx.sentences:
        for m in sent.mentions:
            if m.entity.kind == "state" and m.how != "capital":
                counts[m.entity.code] += 1
    for sent in ctx.sentences[:6]:
        m = _DATELINE.match(sent.text)
        if m:
            entity = kb.lookup(m.group(1).strip())
            # a dateline says where the reporter is; it is home unless the text hardly names that
            # state while naming another one often ("KUALA LUMPUR — Viet Nam's minister ...")
            dominated = counts[entity.code] < 2 and any(n >= 3 for n in counts.values()) if entity else True
            if entity is not None and entity.kind == "state" and not dominated:
                out.append(entity.code)
                break
    out += [c for c, _ in counts.most_common() if c not in out]
    # last resort: the states whose capitals the report names ("in Hà Nội")
    out += [m.entity.code for sent in ctx.sentences for m in sent.mentions
            if m.how == "capital" and m.entity.code not in out]
    return list(dict.fromkeys(out))


@lru_cache(maxsize=1)
def _encounter_words() -> re.Pattern[str]:
    """Words between two persons that make them the two sides of an
    encounter ("met", "held talks with", "paid a courtesy call on"), from
    data/meetings.yaml."""
    data = load_yaml("meetings.yaml")
    verbs = "|".join(re.escape(v) for v in [*data["verbs"], *data["call_on"]])
    nouns = "|".join(re.escape(n) for n in data["nouns"])
    # "witnessed the exchange of the agreement, which was signed by X": a document changing hands
    return re.compile(rf"(?i)\b(?:{verbs})\b(?!\s+of\b)|\b(?:{nouns})\s+(?:with|on|for)\b")


_JOINED = re.compile(r"\s*(?:,\s*)?and\s+(?:(?:his|her)\s+)?(?:[A-Z][\w-]*\s+){0,4}")
#: "... and Chairman of the National People's Congress Standing Committee ": "and" then a title
_JOINED_TITLE = re.compile(r"\s*(?:,\s*)?and\s+(?:(?:[A-Z][\w’'-]*|of|the|for|and|[’']s)\s*){1,14}")
_JOINT_ACT = re.compile(r"\s*(?:,[^,]{1,40},\s*)?(?:also\s+|jointly\s+)?"
                        r"(?:co-?chaired|held\s+(?:\w+\s+)?talks|met|discussed|talked|conferred)\b"
                        r"(?!\s+(?:with|on)\b)")  # "X and Y held talks with Z": X and Y are one side
#: After "X and Y": they act together on a third, as one side ("... met with Prabowo",
#: ", chairman of ..., held talks with the visiting President", "received the delegation").
_ONE_SIDE = re.compile(
    r"\s*(?:\([^)]{1,12}\)\s*)?(?:,[^,;]{1,100},\s*)?(?:\w+ly\s+)?"
    r"(?:met|meet|meets|received|receive|receives|welcomed|hosted|visited|"
    r"held\s+(?:\w+\s+){0,2}talks|called\s+on|paid\s+(?:\w+\s+){0,3}(?:call|visit))\s+"
    r"(?:with\s+)?(?:[A-Z]|the\s|his\s|her\s|their\s)"
)
_VISITING = re.compile(r"\b[Vv]isiting\s+(?:[A-Z][\w.-]*\s+){0,5}$")
_VISITS = re.compile(
    r"(?:[’']s)?,?\s+(?:(?!to\b|counterparts?\b|and\b)[\w-]+\s+){0,6}?(?:visit|visits|visited|trip|tour)\s+(?:to\s+)?"
)


_ARRIVE = frozenset(("arrive", "arrives", "arrived", "arriving"))


def _arrivals(sent: Sentence, mentions: list[PersonMention]) -> list[tuple[int, str]]:
    """(person, state) for each arrival the parse shows in the sentence: the
    verb "arrive" whose subject (or, for "who arrived" / "upon arriving", the
    noun or clause it hangs on) is a person, and whose own words name a state
    or a capital."""
    out = []
    for token, lower, _pos in sent.tagged():
        if lower not in _ARRIVE:
            continue
        first, last = token.idx, token.right_edge.idx + len(token.right_edge)
        place = next((m for m in sent.mentions if m.entity.kind == "state" and first < m.start < last), None)
        if place is None:
            continue
        verb = token
        while (verb.dep_ in ("advcl", "pcomp", "pobj", "prep", "xcomp") and verb.head is not verb
               and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)):
            verb = verb.head  # "upon arriving in Vientiane, the leader paid": the governing clause's subject
            # (but "X welcomed delegates as they arrived": the arriving clause has its own)
        if verb.dep_ == "relcl":
            heads = [verb.head]  # "Marcos, who arrived in Hanoi"
        else:
            heads = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        heads += [c for h in heads for c in h.conjuncts]
        for head in heads:
            for m in mentions:  # the subject's word is in the name, or the name in the subject's phrase
                inside = head.left_edge.idx <= m.start and m.end <= head.idx + len(head)
                if m.start <= head.idx < m.end or inside:
                    out.append((m.person, place.entity.code))
                    break
    return out


def _unmarked_first(home: list[str], persons: list[ResolvedPerson], parties: list[str]) -> list[str]:
    """The home states for persons the text does not qualify, the outlet's own
    first. News marks foreign officials ("Vietnamese President Vo Van
    Thuong") and leaves its own unmarked ("President Ferdinand R. Marcos
    Jr."), so when the first home state's persons are marked and the
    second's never are, the second is the outlet's: a Philippine report
    datelined Hanoi. An apposition naming the state marks too ("Sheikh
    Mohamed bin Zayed, President of the United Arab Emirates,": explained to
    the reader as foreign), a state inside a title before the name does not
    ("General Secretary of the Communist Party of Vietnam To Lam"). Only
    between the report's two principal parties: a state much talked about
    but with no official in the report is no outlet's ("China's actions" in
    a report on US-Philippine talks)."""
    marked = {p.country for p in persons if p.marked}
    if len(home) >= 2 and home[0] in marked and home[1] not in marked and home[1] in parties[:2]:
        return [home[1], home[0], *home[2:]]
    return home


def _infer_countries(ctx: ReportContext, index: PersonIndex, sentence_words: dict[int, list[Word]]) -> None:
    """Countries for persons the text never qualifies: not the state they
    visit, not the state of a counterpart they share a sentence with; then the
    home states in order; then "the <Demonym> leader" mentions."""
    persons = index.persons
    excluded: dict[int, set[str]] = {n: set() for n in range(len(persons))}
    visited: dict[int, set[str]] = {}  # visitor -> the states they visit
    together: dict[int, set[int]] = {n: set() for n in range(len(persons))}  # persons who met
    for sent in ctx.sentences:
        mentions = index.in_sentence(sent.index)
        text = sent.text
        # the two sides of an encounter: "X and Y co-chaired", and the sentence's first person with
        # each later one an encounter word right before leads to ("X held talks with Y ... and met Z")
        pairs = [(a, b) for a, b in zip(mentions, mentions[1:], strict=False)
                 if _JOINED.fullmatch(text[a.end - sent.start : b.start - sent.start])
                 and _JOINT_ACT.match(text[b.end - sent.start : b.end - sent.start + 40])]
        if mentions:
            first = mentions[0]
            met = [b for a, b in zip(mentions, mentions[1:], strict=False)
                   if _encounter_words().search(text[a.end - sent.start : b.start - sent.start])]
            # "Yoon met with Prime Minister Chinh and National Assembly Chairman Hue": both are met
            for a, b in zip(mentions, mentions[1:], strict=False):
                between = text[a.end - sent.start : b.start - sent.start]
                joined = _JOINED.fullmatch(between) or _JOINED_TITLE.fullmatch(between)
                if (a in met and b not in met and joined
                        and not _ONE_SIDE.match(text[b.end - sent.start : b.end - sent.start + 160])):
                    met.append(b)
            pairs += [(first, b) for b in met]
        for a, b in pairs:
            if a.person != b.person:
                together[a.person].add(b.person)
                together[b.person].add(a.person)
        # "X hosted a banquet for the Egyptian leader": X is not Egyptian
        for nominal in nominal_pattern().finditer(text):
            who = nominal.group("who")
            entity = _nominal_state(who) or _role_state(persons, who, nominal.group("noun"))
            if entity is None:
                continue
            start = sent.start + nominal.start()
            host = max((m for m in mentions if m.how == "name" and m.end <= start), key=lambda m: m.end,
                       default=None)  # the nearest person before, on the other side of an encounter word
            between = text[host.end - sent.start : nominal.start()] if host else ""
            if host is not None and len(between) < 80 and _encounter_words().search(between):
                excluded[host.person].add(entity)
            # "the Vietnamese leader met Liberal Party leader Peter Dutton": the one after, likewise
            guest = min((m for m in mentions if m.how == "name" and m.start >= sent.start + nominal.end()),
                        key=lambda m: m.start, default=None)
            between = text[nominal.end() : guest.start - sent.start] if guest else ""
            if guest is not None and len(between) < 80 and _encounter_words().search(between):
                excluded[guest.person].add(entity)
        # "X and Japanese PM Y witnessed the signing": X is not Japanese. Only persons written
        # side by side count (a coordination), unless they act together on a third ("Chinese
        # Premier Li Qiang and Zhao Leji met with Prabowo": one side); and the two sides of an
        # encounter. "X met Y, and invited Z" says nothing of Y and Z.
        apart: set[tuple[int, int]] = {(a.person, b.person) for a, b in pairs}
        for a, b in zip(mentions, mentions[1:], strict=False):
            if _JOINED.fullmatch(text[a.end - sent.start : b.start - sent.start]) and not _ONE_SIDE.match(
                text[b.end - sent.start : b.end - sent.start + 160]
            ):
                apart.add((a.person, b.person))
        for p, q in apart | {(q, p) for p, q in apart}:
            if p != q and persons[q].country and persons[q].country_how == "explicit":
                excluded[p].add(persons[q].country)
        relative = [(t.left_edge.idx, t.right_edge.idx + len(t.right_edge)) for t in sent.span
                    if t.dep_ == "relcl"]
        for m in mentions:
            p = m.person
            # "Ishiba's official visit to Viet Nam", "concluding his three-day visit to Viet Nam"
            in_relative = any(a <= m.start < b for a, b in relative)
            if m.how == "pronoun" or (m.how.startswith("pronoun") and in_relative):
                continue  # a pronoun from another sentence is too weak for this, and one in a relative
                # clause is the clause's antecedent's ("Y, who said ... during his visit to Vietnam": Y's)
            after = text[m.end - sent.start : m.end - sent.start + 90]
            visit = _VISITS.match(after)
            if visit:
                rest_start = m.end + visit.end()
                for mention in sent.mentions:
                    if 0 <= mention.start - rest_start <= 12 and mention.entity.kind == "state":
                        excluded[p].add(mention.entity.code)
                        visited.setdefault(p, set()).add(mention.entity.code)
            before = text[max(0, m.start - sent.start - 60) : m.start - sent.start]
            if index.home and _VISITING.search(before):
                excluded[p].add(index.home[0])  # "the visiting Prime Minister X" is not of the home state
        # "X, who arrived in Hanoi on Monday night for a state visit", "upon arriving in
        # Vientiane, X paid a courtesy call": X visits that state
        for p, code in _arrivals(sent, mentions):
            excluded[p].add(code)
            visited.setdefault(p, set()).add(code)
        # "his Lao counterpart X": the subject is not Lao
        for mention in sent.mentions:
            tail = text[mention.end - sent.start : mention.end - sent.start + 14].lower()
            head = text[max(0, mention.start - sent.start - 5) : mention.start - sent.start].lower()
            if tail.lstrip().startswith("counterpart") and re.search(r"\b(?:his|her)\s+$", head):
                owner = [m for m in mentions if m.end <= mention.start and m.start >= mention.start - 5]
                first = owner[0] if owner else min(mentions, key=lambda m: m.start, default=None)
                if first is not None and first.start < mention.start:
                    excluded[first.person].add(mention.entity.code)
    _known_officials(ctx, persons)
    pairs = _pairs(ctx)
    home = _unmarked_first(index.home, persons, ctx.parties)
    order = sorted(range(len(persons)), key=lambda n: persons[n].first_start)
    for n in order:  # "Pengiran Muda Abdul Mateen Bolkiah" beside "Sultan Hassanal Bolkiah of Brunei"
        p = persons[n]
        kin = [q for q in persons if q.country_how == "explicit" and len(p.tokens) > 1 and len(q.tokens) > 1
               and p.tokens[-1] == q.tokens[-1] and len(p.tokens[-1]) >= 5]
        if not p.country and len({q.country for q in kin}) == 1:
            p.country, p.country_how = kin[0].country, "inferred"
    for n in order:
        p = persons[n]
        if p.country:
            continue
        # the other side of an encounter is not of the state already given to this side
        excluded[n] |= {persons[q].country for q in together[n] if persons[q].country}
        # (a body is served only where the text says so: "ASEAN-Japan" makes no one an ASEAN official)
        partners = [b for a in sorted(excluded[n]) for b, _ in pairs.get(a, Counter()).most_common()
                    if knowledge().entities.get(b) is None or knowledge().entities[b].kind == "state"]
        # whom a visitor met, unless the text says otherwise, is of the state visited (the host's side)
        hosts = sorted({h for q in together[n] for h in visited.get(q, ())}) if n not in visited else []
        for code in hosts + partners + home:
            if code not in excluded[n]:
                p.country, p.country_how = code, "home"
                break
    index.visitors = set(visited)
    _nominals(ctx, index)


def _known_officials(ctx: ReportContext, persons: list[ResolvedPerson]) -> None:
    """actor.knowledge: a person the text does not qualify takes the state
    of the official of that name in office on the report's date (any date
    when none was), from the officials table (actors/officials.py), where
    every such official serves one state. The text's own word wins
    ("explicit"); two states for one name decide nothing. Runs before the
    guesses from encounters and home states, so those met by a known
    official are not given that official's state."""
    on = _report_date(ctx.published)
    vocab = vocabulary()
    for p in persons:
        if p.country_how == "explicit" or not p.tokens:
            continue
        # a name of one word ("Jaishankar") is asked as a family name, and only for the date
        short = sum(1 for t in p.tokens if not _particle(t, vocab)) < 2
        if short and on is None:
            continue
        states = {t.state for t in officials.lookup(p.name, on, short=short)} if on else set()
        bare = " ".join(w for w in p.name.split() if len(w.rstrip(".")) > 1)
        if not states and on and bare != p.name:  # "S Jaishankar": initials the table spells out
            states = {t.state for t in officials.lookup(bare, on, short=len(bare.split()) < 2)}
        if not states and not short:
            found = officials.lookup(p.name, None)
            if on is None and ctx.year:  # no publication date: the year the report's own dates give
                found = [t for t in found if _in_year(t, ctx.year)] or found
            states = {t.state for t in found}
        if len(states) == 1:
            p.country, p.country_how = states.pop(), "knowledge"


def _in_year(tenure: officials.Tenure, year: int) -> bool:
    """Whether a tenure overlaps a year (its first or last day counts)."""
    return tenure.in_office(dt.date(year, 1, 1)) or tenure.in_office(dt.date(year, 12, 31)) or (
        tenure.start is not None and tenure.start.year == year
    )


def _report_date(published: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(published) if published else None
    except ValueError:
        return None


_PAIR_JOIN = re.compile(r"^\s*[-–—]\s*$")


def _pairs(ctx: ReportContext) -> dict[str, Counter[str]]:
    """States written as a pair ("Vietnam-US relations", "United
    States-Philippines Alliance"): each one's partners, counted."""
    out: dict[str, Counter[str]] = {}
    for sent in ctx.sentences:
        ms = sent.mentions
        for a, b in zip(ms, ms[1:], strict=False):
            if a.entity.code != b.entity.code and _PAIR_JOIN.match(ctx.text[a.end : b.start]):
                out.setdefault(a.entity.code, Counter())[b.entity.code] += 1
                out.setdefault(b.entity.code, Counter())[a.entity.code] += 1
    return out


_NOMINAL_CACHE: dict[str, re.Pattern[str]] = {}


def nominal_pattern() -> re.Pattern[str]:
    """ "the Vietnamese leader", "the Japanese PM", "the Russian Prime
    Minister", "the US leader": a demonym or state, then a leader noun."""
    if "p" not in _NOMINAL_CACHE:
        nouns = "|".join(re.escape(n) for n in vocabulary().leader_nouns)
        _NOMINAL_CACHE["p"] = re.compile(
            rf"\b[Tt]he\s+(?P<visiting>visiting\s+)?(?:(?P<who>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)\s+)?"
            rf"(?:new\s+|Government\s+)?"
            rf"(?P<noun>{nouns})\b",
            re.IGNORECASE,
        )
    return _NOMINAL_CACHE["p"]


def _nominals(ctx: ReportContext, index: PersonIndex) -> None:
    """Mentions like "the Japanese leader" (the one person of that state, the
    role named preferred) and "the crown prince", "the prime minister" (the
    one person with that role, or the one already named before)."""
    kb = knowledge()
    pattern = nominal_pattern()
    vocab = vocabulary()
    persons = index.persons
    for sent in ctx.sentences:
        taken = {(m.start, m.end) for m in index.in_sentence(sent.index)}
        for m in pattern.finditer(sent.text):
            start = sent.start + m.start()
            if any(a < sent.start + m.end() and start < b for a, b in taken):
                continue
            if re.match(r"\s+of\s+(?:the\s+)?[A-Z]", sent.text[m.end() :]):
                continue  # "the President of the Philippines, Ferdinand Marcos": a title before a name
            who = m.group("who")
            noun = m.group("noun")
            entity = kb.lookup(who) if who and who[0].isupper() else None
            if who and entity is None and " " in who:  # "the Vietnamese Prime Minister"
                first, rest = who.split(" ", 1)
                entity = kb.lookup(first)
                if entity is not None:
                    noun = f"{rest} {noun}"
            if who and entity is None:
                noun = f"{who} {noun}"
            role = vocab.normalise.get(fold(noun), noun).lower()
            before = [n for n, p in enumerate(persons) if p.first_start < start]
            if m.group("visiting") and entity is None:
                same = [n for n in sorted(index.visitors) if n in before]  # "the visiting leader"
            elif entity is not None:
                same = [n for n, p in enumerate(persons) if p.country == entity.code]
                if len(same) > 1:
                    by_role = [n for n in same if (persons[n].role or "").lower() == role]
                    # else the one of that state named earlier in the same sentence ("Lam paid a
                    # courtesy call on X, who welcomed the Vietnamese leader"), else the first named
                    named_here = {n: max(x.start for x in persons[n].mentions
                                         if x.sentence == sent.index and x.start < start and x.how == "name")
                                  for n in same if any(x.sentence == sent.index and x.start < start
                                                       and x.how == "name" for x in persons[n].mentions)}
                    here = sorted(named_here, key=named_here.__getitem__)  # the last named last
                    same = by_role or here[-1:] or [n for n in same if n in before][:1]
            else:
                same = [n for n, p in enumerate(persons) if (p.role or "").lower() == role]
                if len(same) > 1:
                    same = [n for n in same if n in before]
                    if len(same) > 1:  # the most recently named of them
                        same = [max(same, key=lambda n: max((x.start for x in persons[n].mentions
                                                              if x.start < start), default=-1))]
            if len(same) != 1:
                continue
            pm = PersonMention(start, sent.start + m.end(), same[0], sent.index, "nominal")
            persons[same[0]].mentions.append(pm)
            index.by_sentence.setdefault(sent.index, []).append(pm)
            index.by_sentence[sent.index].sort(key=lambda x: x.start)
