"""The state steps: which state each person serves, as named steps run in a
fixed order (resolve_persons). The text's own word first, then knowledge,
then guesses:

    person.explicit            the state written beside a name ("Malaysian PM X", "X, President of Y")
    person.nominal_apposition  "the Egyptian leader Abdel Fattah El-Sisi"
    person.delegation_head     "the Republic of Korea led by Prime Minister Han Duck Soo"
    person.postposed_state     "FM Narayan Khadka of Nepal"
    person.on_behalf           "On behalf of the EU, Commissioner X will sign ..."
    person.institution         "CIA Director Leon Panetta": a national institution only one state has
    person.side_list           "attended on the Saudi side by A; B; C"
      (evidence steps, encounters.py: who is not of which state, who visits, who met)
    person.knowledge           the officials table (and what the store learned) on the report's date
    person.list_mate           "Minister A, Minister B and Minister C": a list of one state's officials
    person.kin                 "Pengiran Muda Abdul Mateen Bolkiah" beside "Sultan Hassanal Bolkiah of Brunei"
    person.host_side           whom a visitor met is of the state visited
    person.partner             the partner of a state written as a pair ("Vietnam-US relations")
    person.name_origin         the report's state the name most likely comes from (actors/name_origin)
    person.home                the report's home states, the outlet's own first

A step never overrides an explicit state; each later step only fills what
is still unknown. `country_how` says the kind (explicit | knowledge |
inferred | home), `ResolvedPerson.rule` the step.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from functools import lru_cache
from typing import TYPE_CHECKING

from diplograph.actors import officials
from diplograph.actors.knowledge import knowledge, load_yaml
from diplograph.actors.name_origin import name_origin
from diplograph.actors.resolve.encounters import Evidence, nominal_state
from diplograph.actors.resolve.index import PersonIndex, ResolvedPerson
from diplograph.actors.resolve.titles import REGNAL
from diplograph.actors.resolve.vocabulary import (
    OF_STATE,
    PAIR_JOIN,
    TitleVocabulary,
    cues,
    nominal_pattern,
    vocabulary,
)

if TYPE_CHECKING:
    from diplograph.extract.context import ReportContext

#: "HÀ NỘI —", "Jakarta -", "RIYADH:" at a report's start ("PUTRAJAYA:" may end its own sentence)
DATELINE = re.compile(
    r"^\s*(?:date\s+\d{4}-\d\d-\d\d\s+)?([A-ZÀ-Ỹ][\w .'-]{2,30}?)\s*(?:,\s*[\w .]{1,20}?\s*)?"
    r"(?:\([^)]{0,30}\)\s*)?(?:—|–|--|-|:)(?:\s|$)"
)
#: a sentence opening with a fronted phrase ("During a talk with the Armenian FM, Lavrov told")
LEADING_GAP = re.compile(r"[\s,]*")


def explicit(ctx: ReportContext, index: PersonIndex) -> None:
    """person.explicit: the state the finding rules read beside a name: a
    demonym or possessive before the title ("Malaysian Prime Minister",
    "Japan's new Prime Minister"), an "of X" inside it ("Minister of Foreign
    Affairs of Viet Nam"), an apposition (", President of the UAE,"), a
    counterpart's demonym ("his Lao counterpart")."""
    for person in index.persons:
        if person.stated:
            person.give(person.stated, "explicit", "person.explicit")


def _give_explicit(person: ResolvedPerson, code: str, step: str) -> None:
    if person.country_how != "explicit":
        person.give(code, "explicit", step)


def nominal_appositions(ctx: ReportContext, index: PersonIndex) -> None:
    """person.nominal_apposition: "the Egyptian leader Abdel Fattah El-Sisi",
    "the visiting Japanese Prime Minister, Ishiba Shigeru": a nominal right
    before a name says that person's state, as plainly as "Egyptian
    President" would."""
    pattern = nominal_pattern()
    fronted = cues().fronted
    for sent in ctx.sentences:
        names = {m.start: m for m in index.names_in(sent.index)}
        if not names:
            continue
        for m in pattern.finditer(sent.text):
            code = nominal_state(m.group("who"))
            gap = LEADING_GAP.match(sent.text[m.end() :])
            mention = names.get(sent.start + m.end() + (gap.end() if gap else 0))
            if code is None or mention is None:
                continue
            first_comma = sent.text.find(",")
            across = m.end() <= first_comma < m.end() + (gap.end() if gap else 0)
            if fronted.match(sent.text) and across:
                continue  # "During a talk with the Armenian FM, Lavrov told": the main clause's subject
            _give_explicit(index.persons[mention.person], code, "person.nominal_apposition")


def delegation_heads(ctx: ReportContext, index: PersonIndex) -> None:
    """person.delegation_head: the person who leads a state's delegation
    serves that state ("the Republic of Korea led by Prime Minister Han Duck
    Soo"), as plainly as a demonym would say: the funeral and summit lists of
    real reports name most of their guests this way."""
    led_by = cues().led_by
    for sent in ctx.sentences:
        names = index.names_in(sent.index)
        if not names:
            continue
        for mention in sent.mentions:
            nxt = next((m for m in names if m.start >= mention.end), None)
            if nxt is None or nxt.start - mention.end > 120:
                continue
            if led_by.match(ctx.text[mention.end : nxt.start]) is not None:
                _give_explicit(index.persons[nxt.person], mention.entity.code, "person.delegation_head")


#: "On behalf of the EU, " / "On behalf of the Government of Viet Nam, ": up to the state or body
ON_BEHALF = re.compile(r"^\s*[Oo]n\s+behalf\s+of\s+(?:the\s+)?(?:(?:[A-Z][\w’'-]*|of|the)\s+){0,3}$")
#: after the state or body: the comma, then up to a title's words before the first name
ON_BEHALF_GAP = re.compile(r"^(?:\s+(?:[A-Z][\w’'-]*|of|and|the)){0,3}\s*,\s*"
                           r"(?:(?:[A-Z][\w’'.-]*|of|for|and|the|&)\s+){0,10}$")


def on_behalf(ctx: ReportContext, index: PersonIndex) -> None:
    """person.on_behalf: "On behalf of the EU, Commissioner X and Minister Y
    will sign ...", "On behalf of the Government of Viet Nam, Minister Z
    signed": a sentence that opens by naming whom its subject acts for says
    the first person's state or body as plainly as a demonym. A state written
    beside the name wins."""
    for sent in ctx.sentences:
        names = index.names_in(sent.index)
        if not names or not sent.mentions:
            continue
        first = sent.mentions[0]
        if not ON_BEHALF.match(ctx.text[sent.start : first.start]):
            continue
        if ON_BEHALF_GAP.match(ctx.text[first.end : names[0].start]):
            _give_explicit(index.persons[names[0].person], first.entity.code, "person.on_behalf")


def postposed_states(ctx: ReportContext, index: PersonIndex) -> None:
    """person.postposed_state: "FM Narayan Khadka of Nepal", "Sultan Hassanal
    Bolkiah of Brunei": a state right after the name, joined by "of", is the
    person's, as plainly as a demonym before it."""
    for sent in ctx.sentences:
        for pm in index.names_in(sent.index):
            nxt = next((m for m in sent.mentions if m.start >= pm.end), None)
            if nxt is None or nxt.how == "demonym" or not OF_STATE.match(ctx.text[pm.end : nxt.start]):
                continue
            _give_explicit(index.persons[pm.person], nxt.entity.code, "person.postposed_state")


#: an apposition right after a name (", Speaker of the Lok Sabha"), up to its end or a relative clause
APPOSITION = re.compile(r"^\s*,\s*(?!(?:who|which|whose|where|when)\b)"
                        r"((?:(?!\s(?:who|which|said|says|and)\s)[^;.,()])+)")


@lru_cache(maxsize=1)
def title_before() -> re.Pattern[str]:
    """The title right before a name, read back from it: capitalised words,
    connectors, a bracketed short form and the lowercase office nouns of
    data/resolve.yaml ("US Central Intelligence Agency (CIA) Director ",
    "Kremlin spokesman ")."""
    nouns = "|".join(re.escape(n) for n in load_yaml("resolve.yaml")["office_nouns"])
    return re.compile(rf"(?:(?:[A-Z][\w’'.-]*|of|the|for|and|\([A-Z]{{2,6}}\)|{nouns})\s+){{1,12}}$")


@lru_cache(maxsize=1)
def institutions() -> re.Pattern[str]:
    """The national institutions of data/states_institutions.yaml as one
    pattern, each alternative a named group of its state."""
    data = load_yaml("states_institutions.yaml")
    parts = [f"(?P<{code}>{'|'.join(re.escape(n) for n in sorted(names, key=len, reverse=True))})"
             for code, names in data.items()]
    return re.compile(r"(?<![\w'])(?:" + "|".join(parts) + r")(?![\w'])")


def institution_state(text: str) -> str | None:
    """The one state whose national institution `text` names, if only one's."""
    found = {m.lastgroup for m in institutions().finditer(text)}
    return found.pop() if len(found) == 1 else None


def institutions_named(ctx: ReportContext, index: PersonIndex) -> None:
    """person.institution: a title that names a national institution only one
    state has ("CIA Director Leon Panetta", "Om Birla, Speaker of the Lok
    Sabha", "X, chief of the State Security Office of Cheong Wa Dae") says
    the person's state as plainly as a demonym: the title right before the
    name, the apposition right after it (up to a relative clause: "who is the
    envoy of ..." is another person's office). A state written beside the
    name wins."""
    for sent in ctx.sentences:
        for pm in index.names_in(sent.index):
            person = index.persons[pm.person]
            if person.country_how == "explicit":
                continue
            before = title_before().search(ctx.text[max(sent.start, pm.start - 160) : pm.start])
            after = APPOSITION.match(ctx.text[pm.end : min(sent.end, pm.end + 160)])
            texts = [person.role or ""] + [m.group(0) for m in [before] if m] \
                + [m.group(1) for m in [after] if m]
            code = institution_state(" | ".join(texts))
            if code is not None:
                _give_explicit(person, code, "person.institution")


#: "on the Saudi side", "On the Jordanian side": the words before and after a state's mention
SIDE_BEFORE = re.compile(r"\b[Oo]n\s+the\s+$")
SIDE_AFTER = re.compile(r"^\s+side\b")


def side_lists(ctx: ReportContext, index: PersonIndex) -> None:
    """person.side_list: "The talks were attended on the Saudi side by A; B;
    C" and "On the Jordanian side, the talks were attended by D; E": the
    persons listed after "on the X side" serve X, up to the next side named,
    as plainly as a demonym before each name. A name after a word of
    encounter ("on the Lao side, A met B") is the other side: left alone."""
    encounter = cues().one_side
    for sent in ctx.sentences:
        sides = [m for m in sent.mentions if m.entity.kind == "state"
                 and SIDE_BEFORE.search(ctx.text[max(sent.start, m.start - 12) : m.start])
                 and SIDE_AFTER.match(ctx.text[m.end : m.end + 8])]
        for i, side in enumerate(sides):
            stop = sides[i + 1].start if i + 1 < len(sides) else sent.end
            for pm in index.names_in(sent.index):
                if side.end <= pm.start < stop and not encounter.search(ctx.text[side.end : pm.start]):
                    _give_explicit(index.persons[pm.person], side.entity.code, "person.side_list")


def known_officials(ctx: ReportContext, index: PersonIndex) -> None:
    """person.knowledge: a person the text does not qualify takes the state
    of the official of that name in office on the report's date (any date
    when none was), from the officials table (actors/officials.py, with what
    the store learned from other reports), where every such official serves
    one state. The text's own word wins ("explicit"); two states for one
    name decide nothing. Runs before the guesses from encounters and home
    states, so those met by a known official are not given that official's state."""
    on = report_date(ctx.published)
    vocab = vocabulary()
    for p in index.persons:
        if p.country_how == "explicit" or not p.tokens:
            continue
        states = _official_states(ctx, p, on, vocab)
        if len(states) == 1:
            p.give(states.pop(), "knowledge", "person.knowledge")


def _official_states(ctx: ReportContext, p: ResolvedPerson, on: dt.date | None,
                     vocab: TitleVocabulary) -> set[str]:
    """The states of the officials named like `p` in office on `on`."""
    # a name of one word ("Jaishankar") is asked as a family name, and only for the date
    short = sum(1 for t in p.tokens if not vocab.is_particle(t)) < 2
    if short and on is None:
        return set()
    states = _states_on(p.name, on, short) if on else set()
    if not states and not short:
        found = officials.lookup(p.name, None)
        if on is None and ctx.year:  # no publication date: the year the report's own dates give
            found = [t for t in found if in_year(t, ctx.year)] or found
        states = {t.state for t in found}
    return states


def _states_on(name: str, on: dt.date, short: bool) -> set[str]:
    """The states of the officials of that name in office on the date, or
    of the name without its initials ("S Jaishankar": initials the table spells out)."""
    states = {t.state for t in officials.lookup(name, on, short=short)}
    bare = " ".join(w for w in name.split() if len(w.rstrip(".")) > 1)
    if not states and bare != name:
        states = {t.state for t in officials.lookup(bare, on, short=len(bare.split()) < 2)}
    return states


def in_year(tenure: officials.Tenure, year: int) -> bool:
    """Whether a tenure overlaps a year (its first or last day counts)."""
    return tenure.in_office(dt.date(year, 1, 1)) or tenure.in_office(dt.date(year, 12, 31)) or (
        tenure.start is not None and tenure.start.year == year
    )


def report_date(published: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(published) if published else None
    except ValueError:
        return None


def _first_order(persons: list[ResolvedPerson]) -> list[int]:
    return sorted(range(len(persons)), key=lambda n: persons[n].first_start)


def family_word(tokens: tuple[str, ...]) -> str:
    """The last name word that is no regnal number ("Letsie" of "... Seeiso Letsie III")."""
    words = [t for t in tokens if t.upper() not in REGNAL]
    return words[-1] if words else ""


def kin(ctx: ReportContext, index: PersonIndex) -> None:
    """person.kin: "Pengiran Muda Abdul Mateen Bolkiah" beside "Sultan
    Hassanal Bolkiah of Brunei": a person without a state who shares a long
    family name with persons of one explicit state is of that state."""
    persons = index.persons
    for n in _first_order(persons):
        p = persons[n]
        family = family_word(p.tokens)
        kin = [q for q in persons if q.country_how == "explicit" and len(p.tokens) > 1 and len(q.tokens) > 1
               and family == family_word(q.tokens) and len(family) >= 5]
        if not p.country and len({q.country for q in kin}) == 1:
            p.give(kin[0].country, "inferred", "person.kin")


#: between two names of one list: a comma, semicolon or "and", then the next one's title
#: (", Minister of Energy and Natural Resources ")
LIST_GAP = re.compile(r"^\s*(?:[,;]\s*(?:and\s+)?|and\s+)(?:(?:[A-Z][\w’'.-]*|of|the|for|and|&)\s+){0,12}$")
#: known states a list needs before it lends one to a member without a state
LIST_KNOWN = 2


def list_mates(ctx: ReportContext, index: PersonIndex) -> None:
    """person.list_mate: a person without a state in a list of titled names
    ("Minister of Foreign Affairs A, Minister of Energy B, Minister of
    National Education C and ...") whose other members with a state (at
    least LIST_KNOWN, from the text or the officials table) all serve one
    state serves it too: a delegation is listed together. A list of several
    states' officials decides nothing."""
    for sent in ctx.sentences:
        names = index.names_in(sent.index)
        groups: list[list[int]] = []
        for prev, cur in zip([None, *names], names, strict=False):
            joined = prev is not None and LIST_GAP.match(ctx.text[prev.end : cur.start]) is not None
            if joined:
                groups[-1].append(cur.person)
            else:
                groups.append([cur.person])
        for group in groups:
            members = list(dict.fromkeys(group))
            known = [index.persons[n].country for n in members if index.persons[n].country]
            if len(known) < LIST_KNOWN or len(set(known)) != 1:
                continue
            for n in members:
                if not index.persons[n].country:
                    index.persons[n].give(known[0], "inferred", "person.list_mate")


def sides_and_home(ctx: ReportContext, index: PersonIndex, ev: Evidence) -> None:
    """person.host_side, person.partner, person.home: a person still without
    a state, in the order the report names them, takes the first state it is
    not excluded from (the other side of an encounter is not of the state
    already given to this side): whom a visitor met is of the state visited
    (the host's side), unless the text says otherwise (person.host_side);
    else the partner of a state it is not of, written as a pair
    ("Vietnam-US relations", person.partner; a body is served only where
    the text says so: "ASEAN-Japan" makes no one an ASEAN official); else
    the report's home states, the outlet's own first (person.home)."""
    persons = index.persons
    pairs = state_pairs(ctx)
    home = unmarked_first(index.home, persons, ctx.parties)
    toss = coin_toss(ctx)
    entities = knowledge().entities
    for n in _first_order(persons):
        p = persons[n]
        if p.country:
            continue
        ev.excluded[n] |= {persons[q].country for q in ev.together[n] if persons[q].country}
        partners = [b for a in sorted(ev.excluded[n]) for b, _ in pairs.get(a, Counter()).most_common()
                    if entities.get(b) is None or entities[b].kind == "state"]
        hosts = sorted({h for q in ev.together[n] for h in ev.visited.get(q, ())}) \
            if n not in ev.visited else []
        origin = name_origin().best(p.name, [c for c in home if c not in ev.excluded[n]])
        choices = ([(c, "person.host_side") for c in hosts] + [(c, "person.partner") for c in partners]
                   + [(c, "person.name_origin") for c in [origin] if c]
                   + _home_choices(p, home, toss, origin))
        for code, step in choices:
            if code not in ev.excluded[n]:
                p.give(code, "home", step)
                break


#: person.home abstains in a report of at least this many states where none is named more than
#: HOME_FEW_MENTIONS times and no dateline names the reporter's
HOME_MANY_STATES = 3
HOME_FEW_MENTIONS = 2


def coin_toss(ctx: ReportContext) -> bool:
    """Whether the report's home state is a coin toss: no dateline names a
    state, at least HOME_MANY_STATES states are named and none more than
    HOME_FEW_MENTIONS times (a list of guests from many states: "Queen X of
    Spain, King Y of Tonga, ... and Prince Z"). Measured on real dev, the
    home guess there was right once and wrong once; everywhere else it was
    right 19 times in 20. Where nothing supports a state, none is given."""
    counts: Counter[str] = Counter()
    for sent in ctx.sentences:
        for m in sent.mentions:
            if m.entity.kind == "state" and m.how != "capital":
                counts[m.entity.code] += 1
    if len(counts) < HOME_MANY_STATES or max(counts.values()) > HOME_FEW_MENTIONS:
        return False
    kb = knowledge()
    for sent in ctx.sentences[:6]:
        m = DATELINE.match(sent.text)
        if m:
            entity = kb.lookup(m.group(1).strip())
            return entity is None or entity.kind != "state"
    return True


def _home_choices(p: ResolvedPerson, home: list[str], toss: bool,
                  origin: str | None) -> list[tuple[str, str]]:
    """person.home's choices: the home states, or none where the home is a coin toss (`coin_toss`)."""
    if not toss:
        return [(c, "person.home") for c in home]
    if origin is None:
        p.touched("person.home", "person.home: none (no state leads the report)")
    return []


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
        m = DATELINE.match(sent.text)
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


def unmarked_first(home: list[str], persons: list[ResolvedPerson], parties: list[str]) -> list[str]:
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


def state_pairs(ctx: ReportContext) -> dict[str, Counter[str]]:
    """States written as a pair ("Vietnam-US relations", "United
    States-Philippines Alliance"): each one's partners, counted."""
    out: dict[str, Counter[str]] = {}
    for sent in ctx.sentences:
        ms = sent.mentions
        for a, b in zip(ms, ms[1:], strict=False):
            if a.entity.code != b.entity.code and PAIR_JOIN.match(ctx.text[a.end : b.start]):
                out.setdefault(a.entity.code, Counter())[b.entity.code] += 1
                out.setdefault(b.entity.code, Counter())[a.entity.code] += 1
    return out
