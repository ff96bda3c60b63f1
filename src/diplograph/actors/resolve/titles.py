"""Titles, names and the states written around them: the word-level rules
the finding rules share ("Malaysian Prime Minister Anwar Ibrahim",
"Minister of Foreign Affairs of Viet Nam Bui Thanh Son", ", World Bank Vice
President for East Asia").

Why words and not the parse: titles are long runs of capitalised words the
small model parses inconsistently; the title vocabulary (data/titles.yaml)
says which words make an office, and these functions walk the words.
"""

from __future__ import annotations

import re
from functools import lru_cache

from diplograph.actors.knowledge import fold, load_yaml
from diplograph.actors.resolve.vocabulary import TitleVocabulary, cues
from diplograph.actors.resolve.words import Word, mention_code, mention_words

POSSESSIVES = ("’s", "'s")
#: a capital initial ("R.") inside a name
INITIAL = re.compile(r"[A-Z]\.")
#: the "of X" / "for X" tail of a role that named a state ("President of the UAE")
OF_TAIL = re.compile(r"\s+(?:of|for)\s+(?:the\s+)?\S.*$")
#: the same in an apposition, where the state may be left out ("country director for")
APPOSITION_TAIL = re.compile(r"\s+(?:of|to|for)(?:\s+(?:the\s+)?\S.*)?$")


def title_run(words: list[Word], i: int, vocab: TitleVocabulary) -> tuple[int, str | None, bool]:
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
        step = _title_goes_on(words, i, j, has_head, vocab)
        if step is None:
            break
        j, named = step
        country = country or named
    return j, country, has_head


def _title_goes_on(words: list[Word], i: int, j: int, has_head: bool,
                   vocab: TitleVocabulary) -> tuple[int, str | None] | None:
    """Where a title run goes on past a word that is no title word: (next
    index, state named), or None where the run ends."""
    w = words[j].text
    if (w == "(" and has_head and j + 2 < len(words) and words[j + 2].text == ")"
            and words[j + 1].text.isupper() and len(words[j + 1].text) <= 8):
        return j + 3, None  # "Speaker of the House of Representatives (DPR) Puan Maharani"
    if (w in POSSESSIVES and j > i and j + 1 < len(words) and vocab.is_title_word(words[j + 1].text)
            and words[j + 1].cap):
        return j + 1, None  # "Head of the Party Central Committee's Commission for External Relations"
    if w == "to" and has_head:  # "Ambassador to Thailand", "Permanent Representative to the UN": not served
        nxt = j + 2 if j + 2 < len(words) and words[j + 1].text == "the" else j + 1
        m = words[nxt].mention if nxt < len(words) else None
        last = nxt + mention_words(words, nxt)
        if m is not None and words[last - 1].end == m.end:  # the state whole, not "the Japan–Viet Nam ..."
            return last, None
    if w in vocab.connectors and j + 1 < len(words):
        return _connected(words, j, vocab)
    return None


def _connected(words: list[Word], j: int, vocab: TitleVocabulary) -> tuple[int, str | None] | None:
    """After a connector ("of", "for", "and"): a state it names ("of Viet
    Nam"), or the next title word ("Minister of Foreign Affairs")."""
    nxt = j + 1
    if words[nxt].text == "the" and nxt + 1 < len(words):
        nxt += 1
    if words[nxt].mention is not None and words[j].text in ("of", "for"):
        after = nxt + mention_words(words, nxt)
        if after < len(words) and words[after].text.lower() in subject_nouns():
            return after + 1, None  # "head of Russian studies", "Director of American Affairs": a field
        return after, mention_code(words[nxt])
    if vocab.is_title_word(words[nxt].text):
        return nxt, None
    return None


def name_at(words: list[Word], i: int, vocab: TitleVocabulary) -> int:
    """The end index of a capitalised name starting at words[i] (i if none).
    "Vice Premier He Lifeng": after a title, "He" followed by a capitalised
    word is a family name (He, Hu, Wang...), not the pronoun."""
    j = i
    if (0 < i < len(words) - 1 and words[i].text == "He" and words[i + 1].cap
            and words[i + 1].mention is None and vocab.is_title_word(words[i - 1].text)):
        j = i + 1
    while j < len(words):
        w = words[j]
        if _name_stops(words, i, j, vocab):
            break
        if _name_word(w, vocab) or (j > i and _articled(w, vocab)):
            j += 1
            continue
        past = _past_particles(words, i, j, vocab)
        if past is not None:
            j = past
            continue
        if j > i and w.text in ("Jr", "Jr.", "Sr", "Sr."):
            j += 1
        break
    return j


def _name_stops(words: list[Word], i: int, j: int, vocab: TitleVocabulary) -> bool:
    """A word no name runs into: a thing's name ("Ho Chi Minh Memorial"; but
    "Park Jin" is a name), a state, body or demonym (a capital's name may be
    part of a name), a verb or number, or a determiner first."""
    w = words[j]
    if j > i and w.text in vocab.thing_suffixes:
        return True
    if w.mention is not None and not (w.mention.how == "capital" and j > i):
        return True
    return w.pos in ("VERB", "AUX", "NUM") or (w.pos in ("DET", "PRON", "CCONJ", "SCONJ") and j == i)


#: a name with an apostrophe inside ("O'Neill", "D'Alema", "Nanasipau’u")
NAME_APOSTROPHE = re.compile(r"[^\W\d_]+(?:[’'][^\W\d_]+)+")


def _name_word(w: Word, vocab: TitleVocabulary) -> bool:
    """A capitalised word of letters (or hyphenated, or with an apostrophe inside: "O'Neill") that is
    no title and no known non-name."""
    if not w.cap or w.text in vocab.not_names or vocab.is_title_word(w.text):
        return False
    return w.text.rstrip(".").isalpha() or "-" in w.text or NAME_APOSTROPHE.fullmatch(w.text) is not None


def _articled(w: Word, vocab: TitleVocabulary) -> bool:
    """ "al-Maliki", "el-Sisi": a family name with the article joined in lower case, inside a name."""
    article, dash, rest = w.text.partition("-")
    return bool(dash) and article in vocab.name_articles and rest[:1].isupper() and rest.isalpha()


def _past_particles(words: list[Word], i: int, j: int, vocab: TitleVocabulary) -> int | None:
    """Inside a name, particles and initials ("von der Leyen", "de la Cruz",
    "Ferdinand R. Marcos Jr."): the index the name goes on at, or None."""
    w = words[j]
    if not (j > i and (w.text in vocab.particles or INITIAL.fullmatch(w.text)) and j + 1 < len(words)):
        return None
    k = j + 1
    while k + 1 < len(words) and words[k].text in vocab.particles and not words[k].cap:
        k += 1
    if words[k].cap or w.text.startswith(("Jr", "Sr", "II")):
        return k if words[k].cap and k > j + 1 else j + 1
    return None


def left_country(words: list[Word], i: int) -> str | None:
    """The state or body written just before a title run: "Malaysian",
    "Japan's new", "ASEAN", "World Bank", "the FIFA"."""
    j = i - 1
    modifiers = cues().title_modifiers
    while j >= 0 and words[j].text.lower() in modifiers:
        j -= 1
    if j >= 0 and words[j].text in POSSESSIVES:
        j -= 1
    if j < 0:
        return None
    # the mention ends at words[j]: find its first word
    for k in range(j, max(-1, j - 8), -1):
        m = words[k].mention
        if m is not None and words[j].end <= m.end:
            return m.entity.code
    return None


def counterpart_country(words: list[Word], i: int, j: int) -> tuple[str | None, int]:
    """After "counterpart(s)" at words[i-1]: "from Laos," / "of Vietnam" -> code, next index."""
    if j < len(words) and words[j].text in ("from", "of") and j + 1 < len(words):
        k = j + 1
        if words[k].text == "the" and k + 1 < len(words):
            k += 1
        if words[k].mention is not None:
            code = mention_code(words[k])
            k += mention_words(words, k)
            if k < len(words) and words[k].text == ",":
                k += 1
            return code, k
    return None, j


def normal_role(words: list[Word], vocab: TitleVocabulary) -> str | None:
    """The role the title words say, as written or normalised ("PM" -> "Prime Minister")."""
    text = " ".join(w.text for w in words)
    text = re.sub(r"\s+-\s+", "-", text)
    text = re.sub(r"\s*\(\s*[A-Z]{1,8}\s*\)", "", text)  # "House of Representatives (DPR)"
    text = re.sub(r"\s+([’']s)\b", r"\1", text)  # "Central Committee 's Commission"
    return vocab.normalise.get(fold(text), text) if text else None


def strip_honorifics(name_words: list[Word], vocab: TitleVocabulary) -> list[Word]:
    """The name without the honorifics it starts with ("Tan Sri", "Pol. Gen.",
    "Datuk Seri"); one word at least is always kept."""
    k = 0
    while k < len(name_words) - 1:
        phrase = vocab.honorific_phrase_at(tuple(w.text for w in name_words[k:]), shorter=True)
        if phrase:
            k += len(phrase)
        elif name_words[k].text in vocab.honorifics:
            k += 1
        else:
            break
    return name_words[k:]


def thing(words: list[Word], j: int, vocab: TitleVocabulary) -> bool:
    """The name runs into a place or thing's name ("Hồ Chí Minh Mausoleum"), or an outlet's ("TRT Haber
    news channel", "the Nhan Dan newspaper")."""
    return j < len(words) and (words[j].text in vocab.thing_suffixes or media_after(words, j))


def media_after(words: list[Word], j: int) -> bool:
    """thing, step media: a lower-case media noun after the name ("Kyodo news agency", "Kompas daily")."""
    w = words[j].text
    if w == "news":
        return j + 1 < len(words) and words[j + 1].text in media_nouns()
    return w in media_nouns()


@lru_cache(maxsize=1)
def media_nouns() -> frozenset[str]:
    """Lower-case nouns of media outlets (data/titles.yaml media_nouns)."""
    return frozenset(load_yaml("titles.yaml")["media_nouns"])


def parenthetical(words: list[Word], j: int) -> str | None:
    """ "Joko Widodo (Jokowi)": the alias in brackets right after a name."""
    if j + 2 < len(words) and words[j].text == "(" and words[j + 2].text == ")" and words[j + 1].cap:
        return words[j + 1].text
    return None


def apposition(words: list[Word], j: int, vocab: TitleVocabulary) -> tuple[str | None, str | None]:
    """After a name: ", World Bank Vice President for East Asia" or ", the
    Foreign Affairs Secretary of the Philippines" -> (role, country)."""
    if j >= len(words) or words[j].text != ",":
        return None, None
    start, country = _apposition_state(words, j + 1)
    # titles in appositions may be lower case ("GCC assistant secretary-general")
    lowered = [
        x if x.text in vocab.connectors else Word(x.text[:1].upper() + x.text[1:], x.start, x.end, x.mention)
        for x in words
    ]
    if start >= len(words) or not vocab.is_title_word(lowered[start].text):
        return None, None
    end, of_country, has_head = title_run(lowered, start, vocab)
    if not has_head:
        return None, None
    if name_at(words, end, vocab) > end or (end < len(words) and words[end].text == ","
                                            and name_at(words, end + 1, vocab) > end + 1 and of_country):
        return None, None  # "Chinh, Malaysian PM Anwar and ...": the next person of a list, not an apposition
    role = normal_role([x for n, x in enumerate(words[start:end], start)
                        if x.mention is None or _field_word(words, n, end)], vocab)
    if role and of_country:
        # "President of the UAE" -> "President"; "country director for" (state left out) -> "country director"
        role = APPOSITION_TAIL.sub("", role)
    return role, country or of_country or mission_state(words, end)


def mission_state(words: list[Word], j: int) -> str | None:
    """apposition, step mission: the state whose embassy or mission an official serves in, written after
    the office (", deputy head of mission at the South Sudan embassy in Addis Ababa", ", a counsellor at
    the Embassy of Japan", ", minister-counsellor with the Indian High Commission"): its code, or None.
    The city after it is where the mission is, not whom it serves."""
    k = j
    if k + 1 < len(words) and words[k].text == "of" and words[k + 1].text.lower() in mission_nouns():
        k += 2  # "head of mission at ..."
    if k >= len(words) or words[k].text.lower() not in ("at", "with", "in", "of"):
        return None
    k += 1
    if k < len(words) and words[k].text.lower() == "the":
        k += 1
    if k < len(words) and words[k].mention is not None:  # "the South Sudan embassy", "the Indian Mission"
        n = k + mention_words(words, k)
        return mention_code(words[k]) if n < len(words) and words[n].text.lower() in mission_nouns() else None
    if k + 2 < len(words) and words[k].text.lower() in mission_nouns() and words[k + 1].text == "of":
        n = k + 2 + (words[k + 2].text.lower() == "the")  # "the Embassy of Japan"
        return mention_code(words[n]) if n < len(words) and words[n].mention is not None else None
    return None


@lru_cache(maxsize=1)
def mission_nouns() -> frozenset[str]:
    """Words for a state's mission abroad (data/titles.yaml mission_nouns: embassy, consulate, high
    commission's "commission", legation)."""
    return frozenset(w.lower() for w in load_yaml("titles.yaml")["mission_nouns"])


def _apposition_state(words: list[Word], k: int) -> tuple[int, str | None]:
    """An apposition's opening state or body (", the World Bank's ..."): (where its title starts, code)."""
    if k < len(words) and words[k].text.lower() == "the":
        k += 1
    country = None
    if k < len(words) and words[k].mention is not None:
        country = mention_code(words[k])
        k += mention_words(words, k)
        if k < len(words) and words[k].text in POSSESSIVES:
            k += 1
    return k, country


def _before_posting(words: list[Word], j: int) -> int:
    """Back past "in <state>" ending at words[j] (where an official is posted,
    not whom they serve): the index before it, or j where there is none."""
    k = j
    while k >= 0 and words[k].mention is None and k > j - 6:
        k -= 1  # to the first word of the mention words[j] ends
    if k < 1 or words[k].mention is None or words[k].mention.end != words[j].end:
        return j
    return k - 2 if words[k - 1].text == "in" else j


def lowercase_title_country(words: list[Word], n: int, vocab: TitleVocabulary) -> str | None:
    """ "Thai national police chief Pol Gen X", "the regime's social welfare
    minister Daw Y": lower-case title words right before a name, with a
    state or demonym (or its possessive) right before them."""
    j = n - 1
    while j >= 0 and words[j].text in vocab.honorifics:
        j -= 1
    if j >= 0 and words[j].text == ",":  # "the World Bank's country director in Vietnam, Victoria X"
        j = _before_posting(words, j - 1)
    seen = 0
    while j >= 0 and seen < 7 and _lower_title_word(words[j].text, vocab):
        j -= 1
        seen += 1
    # step mixed_case: a capitalised first word before the lower-case ones ("Egypt's Presidential
    # spokesman X", "the Thai Foreign minister X", "Prime minister X")
    while seen and j >= 0 and seen < 7 and words[j].cap and vocab.is_title_word(words[j].text):
        j -= 1
        seen += 1
    while seen and words[j + 1].text in vocab.connectors:  # the run starts at a title word
        j += 1
        seen -= 1
    if not seen or j < 0:
        return None
    parts = {p.capitalize() for w in words[j + 1 : n] for p in w.text.split("-")}
    return left_country(words, j + 1) if parts & vocab.heads else None


def _lower_title_word(text: str, vocab: TitleVocabulary) -> bool:
    """A title word in lower case ("minister", "vice-president") or a connector
    inside one ("chief of the general staff")."""
    if text in vocab.connectors:
        return True
    bare = text.replace("-", "")
    return bool(bare) and bare.isalpha() and text[:1].islower() and all(
        vocab.is_title_word(p.capitalize()) for p in text.split("-") if p)


#: a regnal number: it tells "King Abdullah II" from "King Abdullah bin Abdulaziz" (a particle otherwise)
REGNAL = frozenset({"II", "III", "IV", "VI", "VII", "VIII", "IX"})


def name_tokens(name_words: list[Word], vocab: TitleVocabulary) -> tuple[str, ...]:
    """The folded words of a name that say who it is (no particles, no initials;
    a regnal number after a name counts: "Abdullah II" is not "Abdullah bin Abdulaziz")."""
    return tuple(
        fold(w.text).rstrip(".") for n, w in enumerate(name_words)
        if (w.text not in vocab.particles or (n > 0 and w.text in REGNAL)) and len(w.text.rstrip(".")) > 1
    )


def _field_word(words: list[Word], n: int, end: int) -> bool:
    """A word of a state's mention that a subject noun follows ("Russian| studies"): kept in a role."""
    m = words[n].mention
    k = n
    while k < end and words[k].mention is m:
        k += 1
    return k < end and words[k].text.lower() in subject_nouns()


@lru_cache(maxsize=1)
def subject_nouns() -> frozenset[str]:
    """Nouns that make a state's name or demonym a field of work, not the
    state served (data/titles.yaml subject_nouns: "Russian studies",
    "American Affairs", "the China desk")."""
    return frozenset(w.lower() for w in load_yaml("titles.yaml")["subject_nouns"])
