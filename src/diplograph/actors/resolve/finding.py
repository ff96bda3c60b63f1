"""The finding rules: where a report names a person.

    person.title            "Malaysian Prime Minister Anwar Ibrahim"
    person.counterpart_name "his Lao counterpart Sonexay Siphandone"
    person.known_name       "Ollanta Humala held talks ..." (a name in the officials table)
    person.entity           a spaCy PERSON entity nothing else found
    person.apposed_title    "Mr. Jan Kubis, Foreign Minister of Slovakia": a name, then its office
    person.subject          "Chinh proposed ...": a proper noun the report names twice, subject of a verb

Each proposes `Candidate`s (name words, role, state written beside them);
coreference (coreference.py) ties them into persons. Run in this order per
sentence: a title wins over the tagger, the tagger over a bare subject.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection
from typing import TYPE_CHECKING

from diplograph.actors import officials
from diplograph.actors.knowledge import fold, knowledge
from diplograph.actors.resolve.index import Candidate
from diplograph.actors.resolve.titles import (
    OF_TAIL,
    apposition,
    counterpart_country,
    left_country,
    lowercase_title_country,
    name_at,
    name_tokens,
    normal_role,
    parenthetical,
    strip_honorifics,
    subject_nouns,
    thing,
    title_run,
)
from diplograph.actors.resolve.vocabulary import TitleVocabulary, cues, vocabulary
from diplograph.actors.resolve.words import Word, inside, mention_words

if TYPE_CHECKING:
    from diplograph.extract.context import ReportContext, Sentence

#: the longest name (in words) looked up in the officials table
KNOWN_NAME_WORDS = 5
#: "between X and Y": two parties of one act
BETWEEN = re.compile(
    r"\bbetween\s+(?P<a>[^,;]{1,60}?)\s+and\s+(?P<b>[^,;]{1,60}?)"
    r"(?=\s+(?:on|in|at|to|for|was|were|is|are|has|have|will|which|that|who)\b|[,;.]|$)"
)
#: words a title-case line leaves in lower case
SMALL_WORDS = ("of", "and", "the", "in", "on", "to", "for", "with", "at", "a", "an")


def enabled(name: str, only: Collection[str] | None) -> bool:
    """Whether the rule `name` runs: all run unless `only` names some (a rule's examples test)."""
    return only is None or name in only


def sentence_candidates(ctx: ReportContext, sent: Sentence, words: list[Word], vocab: TitleVocabulary,
                        only: Collection[str] | None = None) -> list[Candidate]:
    """The candidates of one sentence, by the finding rules in order."""
    found = candidates_in(sent, words, vocab, only)
    if enabled("person.known_name", only):
        found += known_candidates(sent, words, vocab, [(c.start, c.end) for c in found])
    if enabled("person.entity", only):
        found += entity_candidates(ctx, sent, words, vocab, [(c.start, c.end) for c in found])
    if enabled("person.apposed_title", only):
        found += apposed_candidates(sent, words, vocab, [(c.start, c.end) for c in found])
    if headline(words):
        found = confirmed(ctx, sent, found)
    return found


def candidates_in(sent: Sentence, words: list[Word], vocab: TitleVocabulary,
                  only: Collection[str] | None = None) -> list[Candidate]:
    """Title-anchored (person.title) and counterpart-anchored
    (person.counterpart_name) names in one sentence."""
    out: list[Candidate] = []
    titles, counterparts = enabled("person.title", only), enabled("person.counterpart_name", only)
    i = 0
    while i < len(words):
        w = words[i]
        if titles and vocab.opens_title(w.text) and w.cap:
            if w.text in ("PM", "AM") and i > 0 and words[i - 1].text[-1:].isdigit():
                i += 1  # "7:05 PM MYT": a time of day, not a prime minister
                continue
            cand, i = title_candidate(sent, words, i, vocab)
            out += [cand] if cand else []
            continue
        if counterparts and w.text.lower() in cues().counterpart_nouns:
            cand, i = counterpart_candidate(sent, words, i, vocab)
            out += [cand] if cand else []
            continue
        i += 1
    return out


def title_candidate(sent: Sentence, words: list[Word], i: int,
                    vocab: TitleVocabulary) -> tuple[Candidate | None, int]:
    """person.title: a title run then a name ("Malaysian Prime Minister Anwar
    Ibrahim", "Minister of Foreign Affairs of Viet Nam, Bui Thanh Son"): the
    candidate and the index to go on at."""
    end, of_country, has_head = title_run(words, i, vocab)
    k = comma_name_start(words, i, end, of_country, vocab)
    name_end = name_at(words, k, vocab)
    if not (has_head and _titled_name(words, k, name_end, vocab)):
        return None, max(end, i + 1)
    name_words = strip_honorifics(words[k:name_end], vocab)
    royal = end - i > 1 and words[end - 1].text in vocab.honorifics  # "... Agong Sultan Ibrahim"
    if royal and name_end - k == 1:
        name_words = [words[end - 1], *name_words]  # "Sultan Ibrahim": one word is no name alone
    plural = any(x.text in vocab.plural_heads for x in words[i:end])
    # "Russian and Venezuelan Foreign Ministers A and B": no one state; "Kuwait's crown prince Sheikh X":
    # a lower-case title before the honorific's run
    left = None if plural else (left_country(words, i) or lowercase_title_country(words, i, vocab))
    role = _title_role(words, i, end, royal, of_country, vocab)
    if plural and role:  # each name of the list holds the office: "Prime Ministers" -> "Prime Minister"
        role = " ".join(vocab.plural_heads.get(x, x) for x in role.split())
    role, country, marked = _with_apposition(words, name_end, role, left, left or of_country, vocab)
    return Candidate(name_words, role, country, sent.index, "title", parenthetical(words, name_end),
                     marked), name_end


def comma_name_start(words: list[Word], i: int, end: int, of_country: str | None,
                     vocab: TitleVocabulary) -> int:
    """person.title, step title_comma: where the name starts after a title run. A title that names its
    state or body, after it ("Minister of Foreign Affairs of Viet Nam, X") or before it ("AfDB Resident
    Representative, X,", "the Kenyan Ambassador, X,"), may be set off from the name by a comma; then an
    honorific or the diplomatic rank "Ambassador" may open the name ("Vice-Minister of Foreign Relations
    of Colombia, Ambassador X"): the name starts past it."""
    if end >= len(words) or words[end].text != ",":
        return end
    k = end + 1
    while k + 1 < len(words) and (words[k].text in vocab.honorifics or words[k].text == "Ambassador") \
            and words[k + 1].cap:
        k += 1
    if of_country:
        return k
    # a state or body before the title: only a full name set off by commas on both sides, an apposition
    # ("the Armenian FM, Lavrov told reporters": the title's own clause ends at the comma)
    name_end = name_at(words, k, vocab)
    closed = name_end - k >= 2 and name_end < len(words) and words[name_end].text == ","
    return k if closed and left_country(words, i) is not None else end


def _with_apposition(words: list[Word], name_end: int, role: str | None, left: str | None,
                     country: str | None, vocab: TitleVocabulary) -> tuple[str | None, str | None, bool]:
    """Where the title gave no state, or only an honorific ("Sheikh"), an
    apposition after the name may ("Sheikh Mohammed bin Zayed, President of
    the United Arab Emirates,"): (role, state, marked). A state explained
    after the name marks the person as foreign, as one written before."""
    if country is None or (role or "") in vocab.honorifics:
        role2, country2 = apposition(words, name_end, vocab)
        left = left or (country2 if country is None else None)
        country = country or country2
        role = role2 if role2 and (role or "") in vocab.honorifics else role
    return role, country, left is not None


def _titled_name(words: list[Word], k: int, name_end: int, vocab: TitleVocabulary) -> bool:
    """A name after a title: some words, not a thing's name, not honorifics only."""
    return (name_end > k and not thing(words, name_end, vocab)
            and not all(x.text in vocab.honorifics for x in words[k:name_end]))


def _title_role(words: list[Word], i: int, end: int, royal: bool, of_country: str | None,
                vocab: TitleVocabulary) -> str | None:
    """The role a title run says, without the state it names ("Minister of
    Foreign Affairs of Viet Nam" -> "Minister of Foreign Affairs")."""
    if of_country:
        role = normal_role(words[i:end], vocab)
        return OF_TAIL.sub("", role) if role else role
    return normal_role(_without_states(words, i, end - 1 if royal else end), vocab)


def _without_states(words: list[Word], i: int, end: int) -> list[Word]:
    """The title's words without the states it names and the "to (the)" before
    one ("Japanese Ambassador to the United States" -> "Ambassador")."""
    out: list[Word] = []
    k = i
    while k < end:
        n = mention_words(words, k)
        if n and k + n < end and words[k + n].text.lower() in subject_nouns():
            out += words[k : k + n]  # "head of Russian studies": a field, kept in the role
            k += n
            continue
        if n:
            while out and out[-1].text in ("to", "the"):
                out.pop()
            k += n
            continue
        out.append(words[k])
        k += 1
    return out


def counterpart_candidate(sent: Sentence, words: list[Word], i: int,
                          vocab: TitleVocabulary) -> tuple[Candidate | None, int]:
    """person.counterpart_name: "his Lao counterpart Sonexay Siphandone",
    "his counterpart from Laos, X": a name after "counterpart", with the
    state written before or after the word."""
    country = left_country(words, i)
    from_country, k = counterpart_country(words, i, i + 1)
    if k < len(words) and words[k].text == ",":
        k += 1
    name_end = name_at(words, k, vocab)
    if name_end <= k:
        return None, i + 1
    cand = Candidate(words[k:name_end], None, country or from_country, sent.index, "counterpart",
                     marked=country is not None)
    return cand, name_end


def entity_candidates(ctx: ReportContext, sent: Sentence, words: list[Word],
                      vocab: TitleVocabulary, taken: list[tuple[int, int]]) -> list[Candidate]:
    """person.entity: spaCy PERSON entities not already found by a title,
    cleaned of titles and honorifics, with an apposition's role and country."""
    out = []
    by_start = {w.start: n for n, w in enumerate(words)}
    for ent in sent.ents:
        if ent.label_ != "PERSON" or any(a < ent.end_char and ent.start_char < b for a, b in taken):
            continue
        n = by_start.get(ent.start_char)
        if n is None:
            continue
        cand = _entity_candidate(ctx, sent, words, n, ent, vocab)
        if cand is not None:
            out.append(cand)
    return out


def _entity_name_start(words: list[Word], n: int, ent, vocab: TitleVocabulary) -> int:
    """Past the title words, honorifics ("Datuk Seri Utama" as a whole) and
    verbs the tagger put inside a PERSON entity ("Hailing Trung")."""
    while n < len(words) and words[n].start < ent.end_char:
        phrase = vocab.honorific_phrase_at(tuple(w.text for w in words[n : n + 4]))
        if phrase:
            n += len(phrase)
        elif vocab.is_title_word(words[n].text) or words[n].text in vocab.honorifics \
                or fold(words[n].text) in vocab.normalise:
            n += 1
        else:
            break
    while n < len(words) and words[n].start < ent.end_char and (
        words[n].pos in ("VERB", "ADP", "DET") or (n == 0 and words[n].text.endswith("ing"))
    ):
        n += 1
    return n


def _entity_candidate(ctx: ReportContext, sent: Sentence, words: list[Word], first: int, ent,
                      vocab: TitleVocabulary) -> Candidate | None:
    n = _entity_name_start(words, first, ent, vocab)
    end = name_at(words, n, vocab)
    # the tagger sometimes cuts a name short ("Daw Thet" of "Daw Thet Thet Khine"): two more words
    if end <= n or words[end - 1].end > ent.end_char + 4 and sum(
        1 for w in words[n:end] if w.start >= ent.end_char
    ) > 2 or thing(words, end, vocab):
        return None
    if n > 0 and words[n - 1].text.lower() in cues().place_prepositions:
        return None  # "in Labuan Bajo", "well beyond Johor Baru": a place
    weak = end - n == 1 and apposition(words, end, vocab) == (None, None) \
        and not is_subject(ctx, words[n])
    if weak and paired_with(sent, ent) != "person":
        return None  # a single word the tagger calls a person, with nothing to say who: too weak
    name_words = strip_honorifics(words[n:end], vocab)
    role, country = apposition(words, end, vocab)
    marked = country is not None  # an apposition naming the state explains a foreign official
    if country is None:
        country = lowercase_title_country(words, first, vocab)
        marked = country is not None
    if role is None and paired_with(sent, ent) == "thing":
        return None  # "signed between Doordarshan and Prasar Bharati": organisations, not persons
    return Candidate(name_words, role, country, sent.index, "entity", parenthetical(words, end), marked)


def apposed_candidates(sent: Sentence, words: list[Word], vocab: TitleVocabulary,
                       taken: list[tuple[int, int]]) -> list[Candidate]:
    """person.apposed_title: a name of two words or more with its office in
    apposition after it ("Mr. Jan Kubis, Foreign Minister of Slovakia;",
    "Maria Santos, Deputy Minister of Trade,"), where neither a title nor the
    tagger found one: the role given after the name, as in lists of
    delegates. A list's next titled person is no apposition (titles.apposition)."""
    out: list[Candidate] = []
    i = 0
    while i < len(words):
        phrase = vocab.honorific_phrase_at(tuple(x.text for x in words[i : i + 4]))
        if phrase:  # "Datuk Seri Utama X": the name after the honorific
            i += len(phrase)
            continue
        if _no_name_start(words[i], vocab, taken) or len(words[i].text.rstrip(".")) < 2 or (
                i > 0 and words[i - 1].text.lower() in cues().place_prepositions):
            i += 1  # "H. E. Mr. X": initials of an honorific; "at Perdana Putra, ...": a place
            continue
        end = name_at(words, i, vocab)
        named = [w for w in words[i:end] if not vocab.is_particle(w.text) and len(w.text.rstrip(".")) > 1]
        if len(named) >= 2 and not thing(words, end, vocab):
            role, country = apposition(words, end, vocab)
            if role:
                out.append(Candidate(strip_honorifics(words[i:end], vocab), role, country, sent.index,
                                     "apposed", marked=country is not None))
        i = max(end, i + 1)
    return out


def _no_name_start(w: Word, vocab: TitleVocabulary, taken: list[tuple[int, int]]) -> bool:
    return (not w.cap or w.mention is not None or inside(w.start, taken) or w.text in vocab.not_names
            or vocab.is_title_word(w.text) or w.text in vocab.honorifics or fold(w.text) in vocab.normalise)


def known_candidates(sent: Sentence, words: list[Word], vocab: TitleVocabulary,
                     taken: list[tuple[int, int]]) -> list[Candidate]:
    """person.known_name: a run of capitalised words that is the name of an
    official in the officials table ("Ollanta Humala held talks with ...")
    is a person, where neither a title nor the tagger found one: the small
    model misses unqualified names at a sentence's start and in lists."""
    out: list[Candidate] = []
    i = 0
    while i < len(words):
        if _no_name_start(words[i], vocab, taken):
            i += 1
            continue
        phrase = vocab.honorific_phrase_at(tuple(x.text for x in words[i : i + 4]))
        if phrase:  # "Tan Sri Johari Abdul": the name after the honorific
            i += len(phrase)
            continue
        found = _known_name_end(words, i, vocab)
        if found is None:
            i += 1
            continue
        out.append(Candidate(words[i:found], None, None, sent.index, "known"))
        i = found
    return out


def _capitalised_run(words: list[Word], i: int, vocab: TitleVocabulary) -> int:
    run = i
    while run < len(words) and run - i < KNOWN_NAME_WORDS and words[run].mention is None and (
        (words[run].cap and words[run].text not in vocab.not_names)
        or (run > i and words[run].text.split("-")[0] in vocab.particles)  # "Abdel Fattah el-Sisi"
    ):
        run += 1
    return run


def _known_name_end(words: list[Word], i: int, vocab: TitleVocabulary) -> int | None:
    """The end of the longest known official's name starting at words[i]
    (two name words at least: a particle is no name word, "Ahmed Al"). A
    known name is no part of a longer one: "Kim Yong Chol" is not "Kim Yong"
    (a form of Jim Yong Kim's name) followed by "Chol"."""
    run = _capitalised_run(words, i, vocab)
    for end in range(run, i + 1, -1):
        if vocab.is_particle(words[end - 1].text) or sum(
            1 for x in words[i:end] if not vocab.is_particle(x.text)
        ) < 2:
            continue
        if end < run and _name_goes_on(words[end], vocab):
            break
        if officials.lookup(" ".join(x.text for x in words[i:end]), None):
            return end
    return None


def _name_goes_on(w: Word, vocab: TitleVocabulary) -> bool:
    """A capitalised word after a name that may be more of it (no title word, no particle, no initial)."""
    return w.cap and w.text.isalpha() and len(w.text) > 1 and not vocab.is_title_word(w.text) \
        and not vocab.is_particle(w.text)


def paired_with(sent: Sentence, ent) -> str | None:
    """What a name the tagger calls a person is joined to by "between ...
    and": "thing" (an organisation, a place: then it is one of those too),
    "person" (a person or a titled name: then it is a person too), or None."""
    text = sent.text
    start, end = ent.start_char - sent.start, ent.end_char - sent.start
    for m in BETWEEN.finditer(text):
        for own, other in (("a", "b"), ("b", "a")):
            if m.start(own) <= start and end <= m.end(own):
                a, b = sent.start + m.start(other), sent.start + m.end(other)
                people = [e for e in sent.ents if e.label_ == "PERSON" and a <= e.start_char < b]
                titled = any(w in vocabulary().heads for w in m.group(other).split())
                if people or titled:
                    return "person"
                return "thing" if m.group(other)[:1].isupper() else None
    return None


def headline(words: list[Word]) -> bool:
    """A line in title case (most words capitalised): names cannot be told
    from the words around them there."""
    alpha = [w for w in words if w.text[:1].isalpha() and w.text.lower() not in SMALL_WORDS]
    return len(alpha) >= 4 and all(w.cap for w in alpha)


def confirmed(ctx: ReportContext, sent: Sentence, found: list[Candidate]) -> list[Candidate]:
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


def repeated_subjects(ctx: ReportContext, sentence_words: dict[int, list[Word]],
                      found: list[Candidate], vocab: TitleVocabulary) -> list[Candidate]:
    """person.subject: single proper nouns the parser makes the subject of a
    verb and the report names at least twice ("Chinh proposed ..."; "Chinh's
    proposals"): names the tagger did not label, when nothing else knows them."""
    known = {t for c in found for t in name_tokens(c.name_words, vocab)}
    counts: Counter[str] = Counter()
    subjects: dict[str, tuple[Word, int]] = {}
    for index, words in sentence_words.items():
        states = [(m.start, m.end) for m in ctx.sentences[index].mentions]
        for w in words:
            if not _lone_proper_noun(w, states, vocab):
                continue
            key = fold(w.text)
            counts[key] += 1
            if key not in subjects and is_subject(ctx, w):
                subjects[key] = (w, index)
    return [Candidate([w], None, None, index, "subject") for key, (w, index) in subjects.items()
            if counts[key] >= 2 and key not in known and len(key) > 2]


def _lone_proper_noun(w: Word, states: list[tuple[int, int]], vocab: TitleVocabulary) -> bool:
    """A capitalised proper noun that is no state's word ("Nam" of "Viet
    Nam"), no dateline in capitals ("HÀ NỘI"), no title or known entity."""
    if not w.cap or w.pos != "PROPN" or w.text in vocab.not_names:
        return False
    if inside(w.start, states) or w.text.isupper():
        return False
    return not (vocab.is_title_word(w.text) or w.text in vocab.honorifics
                or knowledge().lookup(w.text) is not None)


def is_subject(ctx: ReportContext, word: Word) -> bool:
    """A word the parser makes the subject of a verb ("Chinh proposed")."""
    span = ctx.doc.char_span(word.start, word.end, alignment_mode="expand")
    return span is not None and span.root.dep_ in ("nsubj", "nsubjpass")
