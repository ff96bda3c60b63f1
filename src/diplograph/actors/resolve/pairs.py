"""Two explicit state steps that read a state off a group the text names:

    person.paired_states  "Russian and Venezuelan Foreign Ministers A and B",
                          "the leaders of Kenya and Djibouti, A and B,
                          respectively", "A and B, the foreign ministers of
                          Chile and Peru": two states and two names written as
                          parallel pairs, each name the state in its place.
    person.group_list     "The Indian delegation comprised A, B and C",
                          "PNG ministers who attended the talks included A
                          and B", "the delegation of Japan consisted of A and
                          B": the names a state's delegation, ministers or
                          team is said to include serve that state.

    person.of_state_title "the emir of Qatar, Sheikh X", "The president of
                          Kenya, William Ruto,": a lower-case title of a state
                          in apposition before a name.

Why: wire copy and ministry releases write the two sides of a bilateral
event so, and without these the names fall to the guesses of person.home
(the dateline's state, the name's likely origin), which give both the same
state or the wrong one. Each is as plain as a demonym before the name; a
demonym or "of X" that the text writes beside a name itself still wins.
Vocabulary: data/resolve.yaml (pair_title_nouns, group_nouns, group_verbs).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from diplograph.actors.knowledge import load_yaml
from diplograph.actors.resolve.index import PersonIndex, PersonMention, ResolvedPerson
from diplograph.actors.resolve.vocabulary import cues, vocabulary

if TYPE_CHECKING:
    from diplograph.extract.context import Mention, ReportContext, Sentence

#: "Russia and Venezuela", "Russian and Venezuelan", "Kenya’s and Djibouti’s"
STATES_AND = re.compile(r"^(?:’s|'s)?\s+and\s+$")
#: "A and B", "A, and B"
NAMES_AND = re.compile(r"^\s*,?\s+and\s+$")
#: after the second state, before the first name, in "the leaders of Kenya and Djibouti, A and B"
OF_GAP = re.compile(r"^\s*,\s*$")
WORD = re.compile(r"[A-Za-z][\w’'-]*")
#: between the names and the first state in "A and B, foreign ministers of Chile and Peru"
NAMES_OF_GAP = re.compile(r"\s*,\s*(?:the\s+|their\s+)?((?:[A-Za-z][\w’'-]*\s+){1,4})of\s+(?:the\s+)?")
#: a verb of saying between a group and its listing verb: the list is what was said
REPORTING = re.compile(r"\b(?:said|says|told|tells|announced|stated|noted|added|reported)\b")


def give_stated(person: ResolvedPerson, code: str, step: str) -> None:
    """A state the text writes beside the group: an explicit one already given wins."""
    if person.country_how != "explicit":
        person.give(code, "explicit", step)


@lru_cache(maxsize=1)
def _data() -> dict:
    return load_yaml("resolve.yaml")


def title_words(gap: str, plural_last: bool = True) -> bool:
    """The words of a plural title and nothing else ("Foreign Ministers",
    "foreign ministers", "leaders", "heads of state", "top diplomats"): each a
    title word of data/titles.yaml (any case) or of resolve.yaml
    pair_title_nouns, the last one plural."""
    words = WORD.findall(gap)
    if not words or len(words) > 6 or re.search(r"[;:()\"“”]", gap):
        return False
    vocab = vocabulary()
    extra = set(_data()["pair_title_nouns"])
    for w in words:
        cap = w[:1].upper() + w[1:]
        if not (vocab.is_title_word(cap) or cap in vocab.plural_heads or w.lower() in extra):
            return False
    last = words[-1]
    if not plural_last:
        return True
    return last[:1].upper() + last[1:] in vocab.plural_heads or last.lower().endswith("s") \
        or last.lower() in ("state", "government")


def _state_pairs(ctx: ReportContext, sent: Sentence) -> list[tuple[Mention, Mention]]:
    ms = [m for m in sent.mentions if m.entity.kind == "state" or m.entity.kind == "body"]
    return [(a, b) for a, b in zip(ms, ms[1:], strict=False)
            if a.entity.code != b.entity.code and STATES_AND.match(ctx.text[a.end : b.start])]


def _name_pairs(ctx: ReportContext, names: list[PersonMention]) -> list[tuple[PersonMention, PersonMention]]:
    return [(a, b) for a, b in zip(names, names[1:], strict=False)
            if a.person != b.person and NAMES_AND.match(ctx.text[a.end : b.start])]


def _parallel(ctx: ReportContext, states: tuple[Mention, Mention],
              names: tuple[PersonMention, PersonMention]) -> bool:
    """The two pairs written in parallel: states, plural title, names
    ("Russian and Venezuelan Foreign Ministers A and B"; "the leaders of
    Kenya and Djibouti, A and B"), or names, then the states with the title
    ("A and B, the Russian and Venezuelan foreign ministers"; "A and B,
    foreign ministers of Russia and Venezuela")."""
    (s1, s2), (n1, n2) = states, names
    text = ctx.text
    if s2.end <= n1.start:  # the states first
        gap = text[s2.end : n1.start]
        if s1.how == "demonym" and title_words(gap):
            return True
        before = text[max(0, s1.start - 60) : s1.start]
        of_title = re.search(r"((?:[A-Za-z][\w’'-]*\s+){1,4})of\s+(?:the\s+)?$", before)
        return bool(OF_GAP.match(gap) and of_title and title_words(of_title.group(1)))
    if n2.end <= s1.start:  # the names first
        gap = text[n2.end : s1.start]
        if re.fullmatch(r"\s*,\s*(?:the\s+|their\s+)?", gap) and s1.how == "demonym":
            after = re.match(r"((?:\s+[A-Za-z][\w’'-]*){1,5})", text[s2.end : s2.end + 60])
            return bool(after and title_words(after.group(1)))
        of_gap = NAMES_OF_GAP.fullmatch(gap)
        return bool(of_gap and title_words(of_gap.group(1)))
    return False


def paired_states(ctx: ReportContext, index: PersonIndex) -> None:
    """person.paired_states: two states and two names written as parallel
    pairs: the first name serves the first state, the second the second."""
    for sent in ctx.sentences:
        names = index.names_in(sent.index)
        if len(names) < 2 or len(sent.mentions) < 2:
            continue
        name_pairs = _name_pairs(ctx, names)
        for states in _state_pairs(ctx, sent):
            for pair in name_pairs:
                near = min(abs(pair[0].start - states[1].end), abs(states[0].start - pair[1].end))
                if near > 80 or not _parallel(ctx, states, pair):
                    continue
                codes = {states[0].entity.code, states[1].entity.code}
                for state, mention in zip(states, pair, strict=True):
                    person = index.persons[mention.person]
                    if person.country in codes:  # "A and B, presidents of X and Y": "of X" was read as B's
                        person.country_how = "unknown"
                    give_stated(person, state.entity.code, "person.paired_states")


@lru_cache(maxsize=1)
def group_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """After a state ("Indian| delegation which arrived on Friday comprised"),
    before one ("the delegation of |Japan"), and the listing verb."""
    data = _data()
    nouns = "|".join(re.escape(n) for n in data["group_nouns"])
    verbs = "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in data["group_verbs"])
    after = re.compile(rf"^(?:’s|'s)?\s+(?:[A-Za-z-]+\s+){{0,2}}?(?:{nouns})\b")
    before = re.compile(rf"\b(?:{nouns})\s+(?:of|from)\s+(?:the\s+)?$", re.IGNORECASE)
    verb = re.compile(rf"\b(?:{verbs})\b")
    return after, before, verb


def _group_start(ctx: ReportContext, sent: Sentence, m: Mention) -> int | None:
    """Where the list of a group headed by state mention `m` begins (just
    after its listing verb), or None: the verb must come within the clause
    the group opens, before any word of encounter."""
    after, before, verb = group_patterns()
    head = after.match(ctx.text[m.end : m.end + 60])
    if head is None and not before.search(ctx.text[max(sent.start, m.start - 30) : m.start]):
        return None
    start = m.end + (head.end() if head else 0)
    found = verb.search(ctx.text, start, min(sent.end, start + 120))
    if found is None:
        return None
    between = ctx.text[start : found.start()]
    if cues().one_side.search(between) or REPORTING.search(between):
        return None  # "Indian officials said the talks included ...": what they said, not who they were
    return found.end()


def group_lists(ctx: ReportContext, index: PersonIndex) -> None:
    """person.group_list: the names a state's delegation (ministers,
    officials, team, side) is said to comprise or include serve that state,
    up to the sentence's end, the next state named or a word of encounter
    ("..., and met Sri Lankan President X": the other side)."""
    encounter = cues().one_side
    for sent in ctx.sentences:
        names = index.names_in(sent.index)
        if not names:
            continue
        states = [m for m in sent.mentions if m.entity.kind == "state"]
        for i, m in enumerate(states):
            start = _group_start(ctx, sent, m)
            if start is None:
                continue
            stop = next((s.start for s in states[i + 1 :] if s.start >= start), sent.end)
            for pm in names:
                if start <= pm.start < stop and not encounter.search(ctx.text[start : pm.start]):
                    give_stated(index.persons[pm.person], m.entity.code, "person.group_list")


#: "the emir of ", "The president of the ", "its prime minister of ": a lower-case title before a state
OF_TITLE = re.compile(r"\b(?:[Tt]he|[Tt]heir|[Ii]ts)\s+((?:[a-z][\w-]*\s+){0,3}?[a-z][\w-]*)"
                      r"\s+of\s+(?:the\s+)?$")
#: after the state, before the name: a comma and up to three honorifics ("Sheikh", "Dr")
OF_TITLE_GAP = re.compile(r"^\s*,\s*(?:[A-Z][\w.]*\s+){0,3}$")


def of_state_titles(ctx: ReportContext, index: PersonIndex) -> None:
    """person.of_state_title: "the emir of Qatar, Sheikh X", "The president of
    Kenya, William Ruto, said": a title in lower case (one of titles.yaml's
    heads among its words) naming a state, then the name after a comma: that
    state's holder, as plainly as "Kenyan President William Ruto"."""
    vocab = vocabulary()
    for sent in ctx.sentences:
        names = index.names_in(sent.index)
        if not names:
            continue
        for m in sent.mentions:
            found = OF_TITLE.search(ctx.text[max(sent.start, m.start - 60) : m.start])
            if found is None or not title_words(found.group(1), plural_last=False):
                continue
            if not {w.capitalize() for w in found.group(1).split()} & vocab.heads:
                continue
            nxt = next((pm for pm in names if pm.start >= m.end), None)
            if nxt is not None and OF_TITLE_GAP.match(ctx.text[m.end : nxt.start]):
                give_stated(index.persons[nxt.person], m.entity.code, "person.of_state_title")
