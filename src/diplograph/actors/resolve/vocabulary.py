"""The words the resolver reads, loaded once: titles (data/titles.yaml),
the resolver's own cue words (data/resolve.yaml) and the encounter words it
shares with the meetings stage (data/meetings.yaml).

Why here and not in the steps: a newcomer adds a title, an opener or a verb
with one data line; the steps only compile what the data lists. Regular
expressions left in code are mechanics (spacing, punctuation, "and", "of").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from diplograph.actors.knowledge import fold, load_yaml


@dataclass(frozen=True)
class TitleVocabulary:
    heads: frozenset[str]
    plural_heads: dict[str, str]  # plural -> singular
    words: frozenset[str]
    connectors: frozenset[str]
    honorifics: frozenset[str]
    honorific_phrases: tuple[tuple[str, ...], ...]  # longest first
    particles: frozenset[str]
    name_articles: frozenset[str]
    not_names: frozenset[str]
    leader_nouns: tuple[str, ...]
    normalise: dict[str, str]
    thing_suffixes: frozenset[str]
    honouring: frozenset[str]

    def is_title_word(self, word: str) -> bool:
        return (word in self.heads or word in self.words or _cap_hyphen_head(word, self.heads)
                or self.rank_hyphen_head(word))

    def rank_hyphen_head(self, word: str) -> bool:
        """A rank joined to its head by a hyphen ("Vice-Minister", "Deputy-Minister", "Vice-Premier",
        "Vice-Governor"): a head, as "Vice Minister" written apart is a title run."""
        rank, dash, head = word.rpartition("-")
        return bool(dash) and head in self.heads and rank in self.words

    def opens_title(self, word: str) -> bool:
        """A word a title run may start with: a head, a title word or a
        normalised abbreviation ("PM")."""
        return (word in self.heads or word in self.words or fold(word) in self.normalise
                or self.rank_hyphen_head(word))

    def is_particle(self, word: str) -> bool:
        return word in self.particles or word.lower() in self.particles

    def unarticled(self, token: str) -> str | None:
        """A folded name word without the article joined to it ("al-sisi" -> "sisi"), or None."""
        article, dash, rest = token.partition("-")
        return rest if dash and rest and article in self.name_articles else None

    def honorific_phrase_at(self, texts: tuple[str, ...], shorter: bool = False) -> tuple[str, ...] | None:
        """The longest honorific phrase `texts` starts with ("Tan Sri"); with
        `shorter`, only one leaving a word after it."""
        if not texts:
            return None
        return next((h for h in _phrases_by_first_word(self.honorific_phrases).get(texts[0], ())
                     if texts[: len(h)] == h and (not shorter or len(h) < len(texts))), None)


@lru_cache(maxsize=4)
def _phrases_by_first_word(phrases: tuple[tuple[str, ...], ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The phrases by their first word, each list in the given (longest-first)
    order: a lookup per word instead of a scan of every phrase."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        if phrase:
            out.setdefault(phrase[0], []).append(phrase)
    return {word: tuple(found) for word, found in out.items()}


def _cap_hyphen_head(word: str, heads: frozenset[str]) -> bool:
    return "-" in word and word.split("-")[0] in heads


@lru_cache(maxsize=1)
def vocabulary() -> TitleVocabulary:
    """The title vocabulary, loaded once per process."""
    data = load_yaml("titles.yaml")
    return TitleVocabulary(
        heads=frozenset(data["heads"]) | frozenset(data["plural_heads"]),
        plural_heads=dict(data["plural_heads"]),
        words=frozenset(data["words"]),
        connectors=frozenset(data["connectors"]),
        honorifics=frozenset(data["honorifics"]),
        honorific_phrases=tuple(sorted((tuple(h.split()) for h in data["honorific_phrases"]), key=len,
                                       reverse=True)),
        particles=frozenset(data["particles"]),
        name_articles=frozenset(data["name_articles"]),
        not_names=frozenset(data["not_names"]),
        leader_nouns=tuple(sorted(data["leader_nouns"], key=len, reverse=True)),
        normalise={fold(k): v for k, v in data["normalise"].items()},
        thing_suffixes=frozenset(data["thing_suffixes"]),
        honouring=frozenset(data["honouring_nouns"]),
    )


@dataclass(frozen=True)
class Cues:
    """The resolver's cue words and the patterns compiled from them (data/resolve.yaml)."""

    abbreviation: re.Pattern[str]
    title_modifiers: frozenset[str]
    place_prepositions: frozenset[str]
    pronouns: frozenset[str]
    first_person: frozenset[str]
    fronted: re.Pattern[str]
    arrive: frozenset[str]
    visits: re.Pattern[str]
    one_side: re.Pattern[str]
    reporting: re.Pattern[str]
    joint_act: re.Pattern[str]
    led_by: re.Pattern[str]
    counterpart_nouns: frozenset[str]


def _alternation(items: list[str], escape: bool = True) -> str:
    return "|".join(re.escape(i) if escape else i for i in items)


def _one_side_acts(data: dict) -> list[str]:
    """The encounter verbs of data/meetings.yaml (`verbs`, `visit_words`) that
    are finite forms of resolve.yaml's `one_side_lemmas`, then its phrases."""
    from diplograph.extract.events.vocabulary import inflections  # the one English inflector
    from diplograph.extract.modality import words as modality_words

    irregular = modality_words().irregular
    lemmas = data["one_side_lemmas"]
    forms = {f for lemma in lemmas for f in inflections(lemma) | set(irregular.get(lemma, ()))}
    finite = {f for f in forms if not f.endswith("ing")}
    meetings = load_yaml("meetings.yaml")
    verbs = [v for v in [*meetings["verbs"], *meetings["visit_words"]] if v in finite]
    return [re.escape(v) for v in verbs] + data["one_side_phrases"]


def _joint_acts(data: dict) -> list[str]:
    """data/meetings.yaml's `talk_verbs` but resolve.yaml's exceptions, then its phrases."""
    talk = [v for v in load_yaml("meetings.yaml")["talk_verbs"] if v not in data["joint_talk_verbs_not"]]
    return [re.escape(v) for v in talk] + data["joint_phrases"]


@lru_cache(maxsize=1)
def cues() -> Cues:
    """The cue words of data/resolve.yaml, loaded and compiled once."""
    data = load_yaml("resolve.yaml")
    abbreviated = _alternation(data["abbreviated_words"])
    led_nouns = _alternation(data["led_by_nouns"])
    return Cues(
        abbreviation=re.compile(rf"^(?:[A-Z]|{abbreviated})\.$"),
        title_modifiers=frozenset(data["title_modifiers"]),
        place_prepositions=frozenset(data["place_prepositions"]),
        pronouns=frozenset(data["pronouns"]),
        first_person=frozenset(data["first_person"]),
        fronted=re.compile(rf"^(?:{_alternation(data['fronted_openers'])})\b"),
        arrive=frozenset(data["arrive_verbs"]),
        visits=re.compile(
            r"(?:[’']s)?,?\s+(?:(?!to\b|counterparts?\b|and\b)[\w-]+\s+){0,6}?"
            rf"(?:{_alternation(data['visit_nouns'])})\s+(?:to\s+)?"
        ),
        one_side=re.compile(
            r"\s*(?:\([^)]{1,12}\)\s*)?(?:,[^,;]{1,100},\s*)?(?:\w+ly\s+)?"
            rf"(?:{_alternation(_one_side_acts(data), escape=False)})\s+"
            r"(?:with\s+)?(?:[A-Z]|the\s|his\s|her\s|their\s)"
        ),
        # ", Adviser Kim said": the name is the source of an account (resolve.yaml reporting_verbs)
        reporting=re.compile(rf"\s*(?:\([^)]{{1,12}}\)\s*)?(?:{_alternation(data['reporting_verbs'])})\b"),
        # "X and Y held talks with Z": X and Y are one side
        joint_act=re.compile(r"\s*(?:,[^,]{1,40},\s*)?(?:also\s+|jointly\s+)?"
                             rf"(?:{_alternation(_joint_acts(data), escape=False)})\b"
                             r"(?!\s+(?:with|on)\b)"),
        led_by=re.compile(
            rf"^(?:['’]s)?(?:\s+(?:in\s+\w+|{led_nouns}))?\s*,?\s*(?:was\s+|were\s+)?"
            rf"(?:{_alternation(data['led_by_verbs'])})\s+by\s+(?P<title>(?:[\w'’.-]+\s+){{0,8}}?)$",
            re.IGNORECASE,
        ),
        counterpart_nouns=frozenset(data["counterpart_nouns"]),
    )


#: "X and Y", "X and his Y": two persons written side by side (a coordination).
#: Public: the meetings stage has its own copy that has drifted (issue 13).
JOINED = re.compile(r"\s*(?:,\s*)?and\s+(?:(?:his|her)\s+)?(?:[A-Z][\w-]*\s+){0,4}")
#: "... and Chairman of the National People's Congress Standing Committee ": "and" then a title
JOINED_TITLE = re.compile(r"\s*(?:,\s*)?and\s+(?:(?:[A-Z][\w’'-]*|of|the|for|and|[’']s)\s*){1,14}")
#: "the visiting Prime Minister X": "visiting" and up to five capitalised words right before a name
VISITING = re.compile(r"\b[Vv]isiting\s+(?:[A-Z][\w.-]*\s+){0,5}$")
#: "Vietnam-US relations": two states joined by a dash
PAIR_JOIN = re.compile(r"^\s*[-–—]\s*$")
#: "FM Narayan Khadka of Nepal": " of (the) " between a name and a state
OF_STATE = re.compile(r"^\s+of\s+(?:the\s+)?$")


@lru_cache(maxsize=1)
def counterpart_joined() -> re.Pattern[str]:
    """ "X and his counterpart Mr Y", "X and her counterpart, Y": two persons of
    two sides joined by "and" and a counterpart noun (resolve.yaml counterpart_nouns)."""
    nouns = _alternation(sorted(cues().counterpart_nouns))
    return re.compile(rf"\s*(?:,\s*)?and\s+(?:his|her|their)\s+(?:{nouns})\s*,?\s*"
                      r"(?:[A-Z][\w.’'-]*\s+){0,4}")


@lru_cache(maxsize=1)
def encounter_words() -> re.Pattern[str]:
    """Words between two persons that make them the two sides of an
    encounter ("met", "held talks with", "paid a courtesy call on"), from
    data/meetings.yaml."""
    data = load_yaml("meetings.yaml")
    verbs = "|".join(re.escape(v) for v in [*data["verbs"], *data["call_on"]])
    nouns = "|".join(re.escape(n) for n in data["nouns"])
    # "witnessed the exchange of the agreement, which was signed by X": a document changing hands
    return re.compile(rf"(?i)\b(?:{verbs})\b(?!\s+of\b)|\b(?:{nouns})\s+(?:with|on|for)\b")


@lru_cache(maxsize=1)
def nominal_pattern() -> re.Pattern[str]:
    """ "the Vietnamese leader", "the Japanese PM", "the Russian Prime
    Minister", "the US leader": a demonym or state, then a leader noun."""
    nouns = "|".join(re.escape(n) for n in vocabulary().leader_nouns)
    return re.compile(
        rf"\b[Tt]he\s+(?P<visiting>visiting\s+)?(?:(?P<who>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)\s+)?"
        rf"(?:new\s+|Government\s+)?"
        rf"(?P<noun>{nouns})\b",
        re.IGNORECASE,
    )
