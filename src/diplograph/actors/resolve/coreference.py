"""Coreference within a report: the candidates tied into persons, and every
later mention of each (short names, pronouns, "the Vietnamese leader").

Why by name words: every later mention whose words are among one person's
name words ("Chinh", "PM Chinh", "Phạm Minh Chính") is that person,
compared diacritic-folded; a short form two persons share decides nothing.
Pronouns follow the subject news keeps (person.pronoun); "the Japanese
leader" is the one person of that state (person.nominal).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from diplograph.actors import officials
from diplograph.actors.knowledge import fold, knowledge
from diplograph.actors.resolve.index import Candidate, PersonIndex, PersonMention, ResolvedPerson
from diplograph.actors.resolve.titles import name_tokens
from diplograph.actors.resolve.vocabulary import TitleVocabulary, cues, nominal_pattern, vocabulary
from diplograph.actors.resolve.words import Word, inside

if TYPE_CHECKING:
    from diplograph.extract.context import ReportContext, Sentence

#: "the President of the Philippines, Ferdinand Marcos": a title before a name, not a nominal
TITLE_OF = re.compile(r"\s+of\s+(?:the\s+)?[A-Z]")


def good_name(tokens: tuple[str, ...], words: list[Word]) -> bool:
    """A name that is no state's or body's name, and holds no word naming one (demonyms aside)."""
    if not tokens:
        return False
    kb = knowledge()
    text = " ".join(w.text for w in words)
    if kb.lookup(text) is not None:
        return False
    return not any(kb.names_entity(w.text) and kb.lookup_how(w.text)[1] != "demonym" for w in words)


def display_name(name_words: list[Word]) -> str:
    """The name as written, without a sentence's full stop fused to its last
    word ("Hun Sen." at the end of a sentence); an initial keeps its dot."""
    name = " ".join(w.text for w in name_words)
    last = name_words[-1].text if name_words else ""
    if last.endswith((".", ",", ";", ":")) and len(last.rstrip(".,;:")) > 2:
        name = name.rstrip(".,;:")
    return name


def unarticled(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """Name words without the article joined to a family name ("al-sisi" -> "sisi")."""
    vocab = vocabulary()
    return tuple(vocab.unarticled(t) or t for t in tokens)


def same_person(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    return bool(short) and set(short) <= set(long)


def cluster(candidates: list[Candidate], vocab: TitleVocabulary) -> list[ResolvedPerson]:
    """The persons the candidates name: the longest names first, shorter ones
    join the person whose words include theirs (or a spelling variant:
    "Prayut Chan-o-cha" = "Prayuth Chan-o-cha"); a short form two persons
    share is left out."""
    persons: list[ResolvedPerson] = []
    for cand in sorted(candidates, key=lambda c: (-len(name_tokens(c.name_words, vocab)), c.start)):
        tokens = name_tokens(cand.name_words, vocab)
        if not good_name(tokens, cand.name_words):
            continue
        owners = _owners(persons, tokens)
        if len(owners) > 1:
            continue  # ambiguous short form
        name = display_name(cand.name_words)
        if owners:
            person = persons[owners[0]]
            _join(person, cand, name)
        else:
            person = ResolvedPerson(
                name=name, role=cand.role, country=None, country_how="unknown",
                first_sentence=cand.sentence, first_start=cand.start, tokens=tokens, marked=cand.marked,
                stated=cand.country, found_by=cand.rule,
            )
            person.touched(cand.rule)
            persons.append(person)
        if cand.alias:
            person.aliases.append(cand.alias)
    return persons


def _owners(persons: list[ResolvedPerson], tokens: tuple[str, ...]) -> list[int]:
    owners = [n for n, p in enumerate(persons) if same_person(tokens, p.tokens)
              or (len(tokens) == 1 and tokens[0] in {fold(a) for a in p.aliases})]
    if not owners:  # "President Sisi" after "Abdel Fattah al-Sisi": the family name without its article
        owners = [n for n, p in enumerate(persons) if same_person(tokens, unarticled(p.tokens))]
    if not owners:  # "Prayut Chan-o-cha" = "Prayuth Chan-o-cha": a spelling variant
        owners = [n for n, p in enumerate(persons) if len(tokens) == len(p.tokens)
                  and fuzz.ratio(" ".join(tokens), " ".join(p.tokens)) >= 88]
    if not owners:  # "Hailemariam" after "Haile Mariam Dessalegn" (or "HaileMariam"): written apart or joined
        owners = [n for n, p in enumerate(persons) if joined_variant(tokens, p.tokens)]
    if not owners and len(tokens) == 1:  # "Jokowi" after "Joko Widodo": a nickname the table knows
        owners = known_alias_owners(persons, tokens)
    return owners


def joined_variant(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """cluster, step joined: the same name words written joined or apart ("Hailemariam" / "Haile Mariam",
    "Abdelfattah" / "Abdel Fattah"): the shorter name's words, each joined as written, are a run of the
    longer name's words joined two or more at a time, and the name has fewer words than the other."""
    if not short or len(short) >= len(long):
        return False
    runs = {"".join(long[a:b]): b - a for a in range(len(long)) for b in range(a + 1, len(long) + 1)}
    return (len("".join(short)) >= 6 and "".join(short) in "".join(long)
            and all(word in runs for word in short) and any(runs[word] > 1 for word in short))


def known_alias_owners(persons: list[ResolvedPerson], tokens: tuple[str, ...]) -> list[int]:
    """The persons of the report that a one-word name is a known nickname of
    (data/officials/aliases.tsv: "Jokowi", "Lula", "Digong"): the officials
    the table finds under it, whose full names are a person's here."""
    if not persons:
        return []
    found = officials.officials().lookup(tokens[0])
    names = {tuple(fold(w) for w in t.name.split() if len(w) > 1) for t in found}
    names.discard(tokens)
    return [n for n, p in enumerate(persons)
            if any(same_person(p.tokens, full) or same_person(full, p.tokens) for full in names)]


def _join(person: ResolvedPerson, cand: Candidate, name: str) -> None:
    """A shorter candidate of a person: its state (if the person has none
    yet), role, first position and written form are the person's too."""
    if cand.country and person.stated is None:
        person.stated = cand.country
    person.marked = person.marked or (cand.marked and cand.country == person.stated)
    if cand.role and not person.role:
        person.role = cand.role
    if cand.start < person.first_start:
        person.first_start, person.first_sentence = cand.start, cand.sentence
    if name not in person.aliases and name != person.name:
        person.aliases.append(name)
    person.touched(cand.rule)


def find_mentions(ctx: ReportContext, index: PersonIndex, sentence_words: dict[int, list[Word]],
                  vocab: TitleVocabulary, pronouns_on: bool = True) -> None:
    """Every mention of every person: runs of capitalised words whose folded
    forms are among one person's name words (or aliases), in every sentence,
    then the sentence's pronouns (which read the earlier sentences' mentions)."""
    owners: dict[str, set[int]] = {}
    for n, p in enumerate(index.persons):
        for key in set(p.tokens) | {fold(a) for a in p.aliases if " " not in a}:
            if len(key) >= 2:
                owners.setdefault(key, set()).add(n)
    articled: dict[str, set[int]] = {}
    for n, p in enumerate(index.persons):
        for key in set(unarticled(p.tokens)) - set(p.tokens):
            articled.setdefault(key, set()).add(n)
    for key, ns in articled.items():  # "Sisi" for "al-Sisi", where no name has the word itself
        owners.setdefault(key, ns)

    def owners_of(word: Word) -> set[int]:
        return owners.get(fold(word.text).rstrip("."), set()) if word.cap else set()

    for sent in ctx.sentences:
        words = sentence_words[sent.index]
        mentions = _name_mentions(sent, words, owners_of, index, vocab)
        if pronouns_on:
            mentions += pronouns(sent, words, mentions, index)
        mentions.sort(key=lambda m: m.start)
        if mentions:
            index.by_sentence[sent.index] = mentions
    for p in index.persons:
        if p.mentions:
            first = min(p.mentions, key=lambda m: m.start)
            if first.start < p.first_start:
                p.first_start, p.first_sentence = first.start, first.sentence


def _name_mentions(sent: Sentence, words: list[Word], owners_of, index: PersonIndex,
                   vocab: TitleVocabulary) -> list[PersonMention]:
    mentions: list[PersonMention] = []
    states = [(m.start, m.end) for m in sent.mentions if m.how != "capital"]
    i = 0
    while i < len(words):
        owner = _owner_at(words, i, owners_of, states)
        if owner is None:
            i += 1
            continue
        j = i + 1
        while j < len(words) and (
            owner in owners_of(words[j])
            or (words[j].text in vocab.particles and j + 1 < len(words) and owner in owners_of(words[j + 1]))
        ):
            j += 1
        mentions.append(PersonMention(words[i].start, words[j - 1].end, owner, sent.index, "name"))
        index.persons[owner].mentions.append(mentions[-1])
        i = j
    return mentions


def _owner_at(words: list[Word], i: int, owners_of, states: list[tuple[int, int]]) -> int | None:
    """The one person whose name words[i] begins; "Việt" in "Việt Nam" is not
    "Pham Viet Hung"; "Minh" of two persons: the next word decides."""
    cands = owners_of(words[i])
    if cands and inside(words[i].start, states):
        cands = set()
    owner = next(iter(cands)) if len(cands) == 1 else None
    if len(cands) > 1 and i + 1 < len(words):
        nxt = owners_of(words[i + 1])
        owner = next(iter(nxt)) if len(nxt) == 1 and nxt <= cands else None
    return owner


def pronouns(sent: Sentence, words: list[Word], names: list[PersonMention],
             index: PersonIndex) -> list[PersonMention]:
    """person.pronoun: he/she/his/her as mentions of a person: in a fronted
    phrase ("During his meeting with X, Infantino said") the main clause's
    first person; otherwise the first person named earlier in the sentence,
    else the first person of the latest sentence that named one (news keeps
    its subject). I/my/me (quoted speech): the latest sentence's person."""
    out = []
    previous = _previous_person(sent, index)
    comma = sent.text.find(",")
    fronted = bool(cues().fronted.match(sent.text)) and comma > 0
    for n, w in enumerate(words):
        lower = w.text.lower()
        if lower in cues().first_person:
            person, how = previous, "pronoun"
        elif lower not in cues().pronouns or _excellency(words, n):
            continue
        else:
            person = _pronoun_person(sent, w, names, previous, comma if fronted else -1)
            local = any(m.person == person and m.start < w.start for m in names)
            how = "pronoun-local" if local else "pronoun"
        if person is None:
            continue
        pm = PersonMention(w.start, w.end, person, sent.index, how)
        out.append(pm)
        index.persons[person].mentions.append(pm)
    return out


def _previous_person(sent: Sentence, index: PersonIndex) -> int | None:
    """The first person of the latest of the three sentences before that mentions one."""
    for k in range(sent.index - 1, max(-1, sent.index - 4), -1):
        earlier = index.by_sentence.get(k, [])
        if earlier:
            return min(earlier, key=lambda m: m.start).person
    return None


def _excellency(words: list[Word], n: int) -> bool:
    """ "HE Dr Rangin Spanta": His Excellency, an honorific, not "he"."""
    w = words[n]
    return w.text.isupper() and len(w.text) > 1 and n + 1 < len(words) and words[n + 1].cap


def _pronoun_person(sent: Sentence, w: Word, names: list[PersonMention], previous: int | None,
                    comma: int) -> int | None:
    person = None
    if comma >= 0 and w.start < sent.start + comma:
        after = [m for m in names if m.start > sent.start + comma]
        person = after[0].person if after else None
    if person is None:
        before = [m for m in names if m.start < w.start]
        person = before[0].person if before else previous
    return person


def nominals(ctx: ReportContext, index: PersonIndex) -> None:
    """person.nominal: mentions like "the Japanese leader" (the one person of
    that state, the role named preferred) and "the crown prince", "the prime
    minister" (the one person with that role, or the one already named before)."""
    kb = knowledge()
    pattern = nominal_pattern()
    vocab = vocabulary()
    for sent in ctx.sentences:
        taken = {(m.start, m.end) for m in index.in_sentence(sent.index)}
        for m in pattern.finditer(sent.text):
            start = sent.start + m.start()
            if any(a < sent.start + m.end() and start < b for a, b in taken):
                continue
            if TITLE_OF.match(sent.text[m.end() :]):
                continue  # "the President of the Philippines, Ferdinand Marcos": a title before a name
            entity, role = _nominal_reading(m, kb, vocab)
            same = _nominal_referents(index, sent, m, start, entity, role)
            if len(same) != 1:
                continue
            pm = PersonMention(start, sent.start + m.end(), same[0], sent.index, "nominal")
            index.persons[same[0]].mentions.append(pm)
            index.by_sentence.setdefault(sent.index, []).append(pm)
            index.by_sentence[sent.index].sort(key=lambda x: x.start)


def _nominal_reading(m: re.Match[str], kb, vocab: TitleVocabulary):
    """(the state a nominal names or None, the role it names, normalised and lower case)."""
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
    return entity, vocab.normalise.get(fold(noun), noun).lower()


def _nominal_referents(index: PersonIndex, sent: Sentence, m: re.Match[str], start: int, entity,
                       role: str) -> list[int]:
    """The persons a nominal may be: the visitors for "the visiting leader",
    the persons of the state it names, else those with the role it names."""
    persons = index.persons
    before = [n for n, p in enumerate(persons) if p.first_start < start]
    if m.group("visiting") and entity is None:
        return [n for n in sorted(index.visitors) if n in before]  # "the visiting leader"
    if entity is not None:
        return _of_state(persons, sent, start, entity.code, role, before)
    same = [n for n, p in enumerate(persons) if (p.role or "").lower() == role]
    if len(same) > 1:
        same = [n for n in same if n in before]
        if len(same) > 1:  # the most recently named of them
            same = [max(same, key=lambda n: max((x.start for x in persons[n].mentions
                                                  if x.start < start), default=-1))]
    return same


def _of_state(persons: list[ResolvedPerson], sent: Sentence, start: int, code: str, role: str,
              before: list[int]) -> list[int]:
    """Of the persons of a state: the one with the role named; else the one of
    that state named last before in the same sentence ("Lam paid a courtesy
    call on X, who welcomed the Vietnamese leader"); else the first named."""
    same = [n for n, p in enumerate(persons) if p.country == code]
    if len(same) <= 1:
        return same
    by_role = [n for n in same if (persons[n].role or "").lower() == role]
    named_here = {n: max(x.start for x in persons[n].mentions
                         if x.sentence == sent.index and x.start < start and x.how == "name")
                  for n in same if any(x.sentence == sent.index and x.start < start
                                       and x.how == "name" for x in persons[n].mentions)}
    here = sorted(named_here, key=named_here.__getitem__)  # the last named last
    return by_role or here[-1:] or [n for n in same if n in before][:1]
