"""Whether a sentence reports an encounter at all (for dating and hosts)."""

from __future__ import annotations

from diplograph.actors.resolve import PersonIndex
from diplograph.extract.context import ReportContext, Sentence
from diplograph.extract.meetings.place import occasion_of
from diplograph.extract.meetings.sides import states_in
from diplograph.extract.meetings.vocab import MeetingWords, words
from diplograph.extract.modality import is_future


def has_trigger(sent: Sentence, vocab: MeetingWords, persons: PersonIndex | None = None) -> bool:
    """The sentence reports an encounter, named parties or not ("hosted the
    Dialogue" is an event, not an encounter: a verb's object must be a
    person, a party or a meeting)."""
    people = [(m.start, m.end) for m in persons.in_sentence(sent.index)] if persons else []
    for tok, low, pos in sent.tagged():
        is_noun = pos == "NOUN" and low in vocab.nouns
        is_verb = pos == "VERB" and low in vocab.verbs
        # the cheap word test first: `is_future` walks the parse
        if not (is_noun or is_verb) or is_future(tok):
            continue
        if is_noun:
            return True
        if is_verb:
            objects = [c for c in tok.children if c.dep_ == "dobj"]
            if not objects or any(
                c.lower_ in vocab.nouns or states_in(c, sent)
                or any(c.left_edge.idx <= a < c.right_edge.idx + len(c.right_edge) for a, _ in people)
                for c in objects
            ):
                return True
    return False



def report_occasion(ctx: ReportContext) -> str | None:
    """The occasion of the report's lead encounter ("held separate meetings
    ... on the sidelines of the 47th ASEAN Summit"), for meetings that name none."""
    vocab = words()
    for sent in ctx.sentences[:4]:
        occasion = occasion_of(sent)
        if occasion and has_trigger(sent, vocab, ctx.persons):
            return occasion
    return None

