"""Who an event's actor and recipient are: the states and bodies a phrase
names, asides left out.

Why a module of its own: every event rule asks the same two questions of a
clause (who did it, to whom), and the answers share three habits:
- a person stands for the state or body they serve;
- a capital stands for its government where it is a party, not a place
  ("Washington demanded", "Moscow's admission", "talks with Beijing"; but
  not "in Beijing", "from Kyiv");
- an aside is not a party: an apposition ("Pakistan, a key U.S. ally,
  refused"), a relative clause or a parenthesis says something about a
  party, it does not add one.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from spacy.tokens import Token

from diplograph.actors.knowledge import knowledge, load_yaml
from diplograph.extract.context import ReportContext, Sentence
from diplograph.extract.events.groups import named_group
from diplograph.extract.events.lemmas import lemma
from diplograph.extract.events.vocabulary import vocabulary
from diplograph.extract.rules import declare

#: Dependencies whose subtree is an aside about a phrase, not more of it.
ASIDES = frozenset({"appos", "relcl", "acl", "parataxis", "advcl", "punct", "meta"})
#: Prepositions that make a state or capital a place ("in Beijing"), not a party.
PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "around", "within",
                         "via", "through", "into", "throughout", "over", "toward", "towards"})
#: Subjects that name no one by themselves.
PRONOUNS = frozenset({"it", "they", "we", "he", "she", "i", "you", "this", "that", "which", "who"})


#: Nouns whose "of" phrase names a place ("the city of Kharkiv").
PLACE_NOUNS = frozenset({"city", "town", "village", "province", "region", "district", "capital",
                         "port", "island", "county", "area", "outskirts"})

#: Words that make "<place>-<word>" a place where something is, not a party.
PLACE_SUFFIXES = frozenset({"based", "headquartered", "born", "registered", "listed", "bound"})

_PHRASES: dict[tuple[int, int], frozenset[int]] = {}


def new_report() -> None:
    """Forget the phrases of the report before (its Doc may be gone, and
    another take its id)."""
    _PHRASES.clear()


def phrase_tokens(tok: Token) -> frozenset[int]:
    """The token indices of a phrase, its asides' subtrees left out (cached
    for the Doc being read: the rules ask about the same phrases)."""
    key = (id(tok.doc), tok.i)
    found = _PHRASES.get(key)
    if found is None:
        found = _PHRASES[key] = frozenset(_phrase_tokens(tok))
    return found


def _phrase_tokens(tok: Token) -> set[int]:
    keep: set[int] = set()
    stack = [tok]
    while stack:
        cur = stack.pop()
        keep.add(cur.i)
        for child in cur.children:
            if _aside(child):
                continue
            stack.append(child)
    return keep


def _aside(child: Token) -> bool:
    """Whether a child's subtree says something about a phrase rather than
    adding to it: an apposition, relative clause or parenthesis; "with"
    another's help ("Iran and Saudi Arabia, with China's mediation, agreed":
    China is no party; data/events/triggers.yaml `with_asides`). A list the
    parser took for an apposition is no aside ("The United States, Canada,
    Japan, and the Philippines conducted": rule event.actor.list)."""
    if child.text in ("(", "["):
        return True
    if child.dep_ == "appos" and child.pos_ == "PROPN" and any(c.dep_ == "conj" for c in child.children):
        return False
    if child.dep_ == "prep" and child.lower_ == "with":
        return any(c.dep_ == "pobj" and lemma(c) in vocabulary().with_asides for c in child.children)
    return child.dep_ in ASIDES


#: Nouns after which "in <capital>" names the government there ("officials in Seoul").
GOVERNMENT_NOUNS = frozenset({"official", "government", "authority", "authoritie", "leader", "administration",
                              "regime", "diplomat", "leadership", "ministry", "police", "force", "troop",
                              "military", "army", "court", "prosecutor", "lawmaker", "parliament",
                              # the people of a place act for (or suffer as) its state
                              "protester", "demonstrator", "people", "resident", "citizen", "student",
                              "worker", "activist", "crowd", "thousand", "hundred", "victim", "civilian"})
#: Nouns after which "in <state>" is what an act is about ("condemned the coup in Niger").
EVENT_NOUNS = frozenset({"coup", "attack", "violence", "crackdown", "election", "war", "conflict", "fighting",
                         "invasion", "killing", "situation", "crisis", "unrest", "protest", "bombing",
                         "offensive", "operation", "intervention", "incursion", "presence"})


def _is_party(tok: Token) -> bool:
    """Whether a state's or capital's name is a party, not a place (\"in Gaza\")."""
    doc = tok.doc
    if tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" and doc[tok.i + 2].lower_ in PLACE_SUFFIXES:
        return False  # "the New York-based organization", "a Dhaka-based daily": a place (event.actor.based)
    if tok.dep_ in ("compound", "amod", "poss", "nmod") and tok.head.pos_ == "NOUN":
        return True  # "the U.S. embassy", "Chinese engineers": the state's own
    cur = tok
    for _ in range(4):
        if cur.dep_ == "pobj":
            prep = cur.head
            if prep.head.pos_ in ("NOUN", "PROPN"):
                if prep.lower_ == "of" and prep.head.lower_ in PLACE_NOUNS:
                    return False  # "the city of Kharkiv": a place
                if prep.lower_ in ("in", "at"):
                    noun = prep.head.lower_.rstrip("s")
                    return noun in GOVERNMENT_NOUNS or noun in EVENT_NOUNS
                return prep.lower_ != "near"
            return prep.lower_ not in PLACE_PREPS
        if cur.dep_ not in ("compound", "conj", "appos"):
            return True
        cur = cur.head
    return True


def codes_in(
    ctx: ReportContext, sent: Sentence, tok: Token | None, skip: set[int] | None = None, places: bool = False
) -> list[str]:
    """States and bodies a phrase names: persons by the state they serve,
    states and bodies by code, capitals where they stand for a government
    (with `places`, every capital: the host of a visit is where it goes)."""
    if tok is None:
        return []
    keep = phrase_tokens(tok)
    if skip:
        keep = keep - skip
    out: list[str] = []
    for i, code, party in _named_in(ctx, sent):
        if i in keep and code not in out and (party or places):
            out.append(code)
    return out


def sentence_codes(ctx: ReportContext, sent: Sentence) -> list[str]:
    """Every state or body the sentence names, places too, in order of the text."""
    out: list[str] = []
    end = _dateline_end(ctx, sent)
    for i, code, _ in sorted(_named_in(ctx, sent)):
        if code not in out and sent.span.doc[i].idx >= end:
            out.append(code)
    return out


declare("event.actor.list", "A list of states the parser took for an apposition is one compound party, "
        "not an aside (\"The United States, Canada, Japan, and the Philippines conducted ...\"); \"with\" "
        "another's help or mediation is an aside (data/events/triggers.yaml with_asides).", __name__)
declare("event.actor.based", "A place in \"<place>-based\" (\"the New York-based organization\", "
        "\"a Dhaka-based daily\") is where something is, no party.", __name__)
declare("event.actor.named", "A named group no code stands for is an actor by name, a plural demonym its "
        "state (\"the Palestinians\"); an office, title, document or news outlet is no actor "
        "(data/events/groups.yaml not_groups).", __name__)
declare("event.actor.home", "Where a clause names no state for a state organ (\"police detained ...\") or a "
        "group of people, the report's state: its principal party, else the state or capital named nearest "
        "before (this sentence, then the two before it).", __name__)


def sentence_places(ctx: ReportContext, sent: Sentence) -> list[str]:
    """The states and capitals a sentence names as places ("in northeastern
    Nigeria", "in Gaza"), in order of the text."""
    out: list[str] = []
    end = _dateline_end(ctx, sent)
    for i, code, party in sorted(_named_in(ctx, sent)):
        if not party and code not in out and sent.span.doc[i].idx >= end:
            out.append(code)
    return out


def _dateline_end(ctx: ReportContext, sent: Sentence) -> int:
    """Where the sentence's dateline ends ("Bangkok, March 2 -": where the
    story was filed, not where it happened), or -1."""
    if ctx.dateline and sent.text.startswith(ctx.dateline):
        return sent.start + len(ctx.dateline)
    return -1


def codes_at(ctx: ReportContext, sent: Sentence, indices: set[int]) -> list[str]:
    """The states and bodies named at these token indices, places too."""
    out: list[str] = []
    for i, code, _ in sorted(_named_in(ctx, sent)):
        if i in indices and code not in out:
            out.append(code)
    return out


def home_state(ctx: ReportContext, sent: Sentence) -> list[str]:
    """The state a report is at home in where the clause names none: its
    principal party; else the nearest state or capital it names, in the
    sentence or the two before it ("In downtown Dhaka, ... . Police detained
    several demonstrators": Bangladesh)."""
    if ctx.parties:
        return list(ctx.parties[:1])
    for n in range(sent.index, max(-1, sent.index - 3), -1):
        if 0 <= n < len(ctx.sentences):
            codes = sentence_codes(ctx, ctx.sentences[n])
            if codes:
                return codes[:1]
    return []


def _named_in(ctx: ReportContext, sent: Sentence) -> list[tuple[int, str, bool]]:
    """Every state or body a sentence names, once a sentence: (token index,
    code, whether it stands as a party rather than a place). Persons first,
    then government metonyms, then the mentions of states and bodies."""
    found = sent.__dict__.get("_event_named")
    if found is not None:
        return found
    doc = sent.span.doc
    starts, first = _token_starts(sent)

    def token_at(char: int) -> Token | None:
        n = bisect_right(starts, char) - 1
        return doc[first + n] if n >= 0 else None

    found = []
    if ctx.persons is not None:
        for m in ctx.persons.in_sentence(sent.index):
            t = token_at(m.start)
            code = ctx.persons.persons[m.person].country
            if t is not None and code:
                found.append((t.i, code, True))
    for start, code in _metonyms_in(sent):
        t = token_at(start)
        if t is not None:
            found.append((t.i, code, True))  # "the White House welcomed"
    spans = [(m.start, m.end, m.entity.code) for m in sent.mentions] + _places_in(sent)
    for start, end, code in spans:
        t = token_at(start)
        if t is None:
            continue
        last = token_at(end - 1)
        root = doc[t.i : last.i + 1].root if last is not None and last.i >= t.i else t
        found.append((t.i, code, _is_party(root)))
    sent.__dict__["_event_named"] = found
    return found


@lru_cache(maxsize=1)
def _metonym_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    names = vocabulary().metonyms or {}
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)"), names


@lru_cache(maxsize=1)
def _place_pattern() -> tuple[re.Pattern[str] | None, dict[str, str]]:
    names = load_yaml("events/places.yaml").get("places") or {}
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return (re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)") if names else None), names


def _places_in(sent: Sentence) -> list[tuple[int, int, str]]:
    """Cities and regions of a state the knowledge base does not name
    (data/events/places.yaml): (start, end, code), absolute offsets."""
    pattern, names = _place_pattern()
    if pattern is None:
        return []
    start = sent.start
    return [(start + m.start(), start + m.end(), names[m.group()]) for m in pattern.finditer(sent.text)]


def _metonyms_in(sent: Sentence) -> list[tuple[int, str]]:
    """Names standing for a government in a sentence (absolute offsets,
    codes), found once a sentence."""
    found = sent.__dict__.get("_event_metonyms")
    if found is None:
        pattern, names = _metonym_pattern()
        found = [(sent.start + m.start(), names[m.group()]) for m in pattern.finditer(sent.text)]
        sent.__dict__["_event_metonyms"] = found
    return found


def _token_starts(sent: Sentence) -> tuple[list[int], int]:
    """The sentence's token start offsets (computed once a sentence), for
    finding the token at a character by bisection."""
    found = sent.__dict__.get("_event_token_starts")
    if found is None:
        found = ([t.idx for t, _, _ in sent.tagged()], sent.span.start)
        sent.__dict__["_event_token_starts"] = found
    return found


def is_pronoun(tok: Token) -> bool:
    return tok.lower_ in PRONOUNS or tok.pos_ == "PRON"


#: spaCy's labels for a named group that is no state or body the knowledge base knows.
_GROUP_LABELS = frozenset({"ORG", "NORP"})


def group_names(
    sent: Sentence, tok: Token | None, skip: set[int] | None = None, ctx: ReportContext | None = None
) -> list[str]:
    """Named groups a phrase holds that no code stands for ("Hamas", "the
    Taliban", "Boko Haram"): PLOVER codes them as actors by name. The store
    keeps only states and bodies; the output and the PLOVER scorer keep these."""
    if tok is None:
        return []
    if not sent.ents:
        return []
    keep = phrase_tokens(tok) - (skip or set())
    out: list[str] = []
    for ent in sent.ents:
        if ent.label_ not in _GROUP_LABELS or ent.root.i not in keep or ent.root.dep_ == "amod":
            continue  # "Belarussian police": a demonym the knowledge base lacks, not a group
        if any(ent.start_char <= m.start < ent.end_char for m in sent.mentions):
            continue  # a state or body the knowledge base knows
        if ctx is not None and ctx.persons is not None and any(
            ent.start_char <= m.start < ent.end_char for m in ctx.persons.in_sentence(sent.index)
        ):
            continue  # a person the tagger took for a group ("Wang had visited India")
        name = _group_code(ent)
        if name and name not in out:
            out.append(name)
    return out


def _group_code(ent) -> str | None:
    """A named group's code: its <state>:<label> (data/events/groups.yaml),
    the state of a plural demonym ("the Palestinians"), else its name; None
    for what names no actor: an office, a title, a document, the press
    ("Ministers of Foreign Affairs", "MoUs", "Reuters") (rule event.actor.named)."""
    name = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
    coded = named_group(name)
    if coded is not None and (":" in coded or coded.isupper()):
        return coded  # "the Taliban": AFG:taliban, the gold convention; "Human Rights Watch": HRW
    words = {w.lower().strip(".,'’") for w in name.split()}
    if words & not_group_words():
        return None
    if ent.label_ == "NORP" and name.endswith("s"):
        entity = knowledge().lookup(name[:-1])
        if entity is not None:
            return entity.code  # "the Palestinians demand": Palestine
    return name if name and name[0].isupper() else None


@lru_cache(maxsize=1)
def not_group_words() -> frozenset[str]:
    return frozenset(w.lower() for w in load_yaml("events/groups.yaml").get("not_groups") or ())

