"""The meeting rules of one sentence, in their fixed order.

Why a fixed order: a rule's findings may depend on an earlier one's (a
verb marks the nouns it holds as used, so meeting.noun does not count "met
for talks" twice; meeting.joint_by_text runs only where meeting.joint found
nothing), and the merge keeps the first draft of a meeting. So the order
below is part of the rules' meaning: change it only with the golden check.

Trigger rules look at one word each: the first whose claim fits takes the
word (a visit word before "call on", a verb, a noun), and a word whose
event is future or hypothetical (`modality.is_future`) is vetoed for all of
them. Sentence rules then read the whole sentence.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass

from spacy.tokens import Token

from diplograph.extract.context import ReportContext, Sentence
from diplograph.extract.meetings.call_on import call_on_drafts
from diplograph.extract.meetings.gathering import gathering_drafts, summit_between_drafts
from diplograph.extract.meetings.joint import JOINT, JOINT_BY_TEXT, joint_by_text_drafts, joint_drafts
from diplograph.extract.meetings.noun import noun_drafts
from diplograph.extract.meetings.two_sides import two_sides_drafts
from diplograph.extract.meetings.verb import verb_drafts
from diplograph.extract.meetings.visit import visit_drafts
from diplograph.extract.meetings.vocab import Draft, MeetingWords, words
from diplograph.extract.modality import is_future
from diplograph.extract.syntax import governing_verb, person_tokens


@dataclass(frozen=True)
class TriggerRule:
    """A rule that reads one trigger word: `claims` says whether the word is
    its (word, lower case, tag, the nouns a verb already used)."""

    name: str
    claims: Callable[[MeetingWords, str, str, Token, set[int]], bool]
    find: Callable[..., list[Draft]]


TRIGGER_RULES = (
    TriggerRule("meeting.visit", lambda v, low, pos, tok, used: low in v.visit_words, visit_drafts),
    TriggerRule("meeting.call_on", lambda v, low, pos, tok, used: pos == "VERB" and low in v.call_verbs,
                call_on_drafts),
    TriggerRule("meeting.verb", lambda v, low, pos, tok, used: pos == "VERB" and low in v.verbs, verb_drafts),
    TriggerRule("meeting.noun", lambda v, low, pos, tok, used: _encounter_noun(v, low, pos, tok)
                and tok.i not in used, noun_drafts),
)


def _encounter_noun(vocab: MeetingWords, low: str, pos: str, tok: Token) -> bool:
    """An encounter noun ("talks"; "a bilateral" the parser reads as an
    adjective held by a verb), a call noun with a phone word on it ("a
    video conference"), or a joint one with someone ("a joint briefing with X")."""
    if low in vocab.nouns:
        return pos in ("NOUN", "PROPN") or (pos == "ADJ" and tok.dep_ == "dobj")
    if pos not in ("NOUN", "PROPN"):
        return False
    mods = {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod")}
    return (low in vocab.call_nouns and bool(mods & vocab.phone_words)) or (
        low in vocab.joint_nouns and "joint" in mods and any(c.dep_ == "prep" and c.lower_ == "with"
                                                             for c in tok.children))

#: the dependencies of a clause of its own under a verb ("met X on Monday and will meet Y next week")
_CLAUSES = frozenset({"conj", "advcl", "ccomp", "relcl", "parataxis", "xcomp"})


def _at_a_time_to_come(sent: Sentence, tok: Token, vocab: MeetingWords) -> bool:
    """The trigger's own clause (the verb it is or hangs from, less the other
    clauses under it) names a time still to come (`future_times`: "during
    Medvedev's visit to Belgrade later in October", "talks next week")."""
    if not vocab.future_time.search(sent.text):
        return False
    head = tok if tok.pos_ in ("VERB", "AUX") else (governing_verb(tok) or tok)
    inside = [t for t in head.subtree if t.i != head.i and t.dep_ in _CLAUSES and t.pos_ in ("VERB", "AUX")
              and not (t.left_edge.i <= tok.i <= t.right_edge.i)]
    skip = {w.i for t in inside for w in t.subtree}
    own = "".join(t.text_with_ws for t in head.subtree if t.i not in skip)
    return bool(vocab.future_time.search(own))


#: the rules that read a whole sentence, after the trigger rules, in order
SENTENCE_RULES: tuple[tuple[str, Callable[[ReportContext, Sentence], list[Draft]]], ...] = (
    ("meeting.gathering", gathering_drafts),
    ("meeting.summit_between", summit_between_drafts),
    ("meeting.two_sides", two_sides_drafts),
    (JOINT, joint_drafts),
)

#: every per-sentence meeting rule, in the order they run
ORDER = tuple(r.name for r in TRIGGER_RULES) + tuple(n for n, _ in SENTENCE_RULES) + (JOINT_BY_TEXT,)


def trigger_drafts(ctx: ReportContext, sent: Sentence, only: Collection[str] | None = None) -> list[Draft]:
    """The drafts of the trigger rules (all, or those named in `only`), word by word."""
    index = ctx.persons
    assert index is not None
    vocab = words()
    ptoks = person_tokens(sent, index)
    out: list[Draft] = []
    used_nouns: set[int] = set()
    for tok, low, pos in sent.tagged():
        claimed = next((r for r in TRIGGER_RULES if r.claims(vocab, low, pos, tok, used_nouns)), None)
        if claimed is None or (only is not None and claimed.name not in only):
            continue
        if is_future(tok) or _at_a_time_to_come(sent, tok, vocab):
            ctx.veto(claimed.name, "veto.future", sent)  # "will meet", "the upcoming visit", "next week"
            continue
        out += claimed.find(ctx, sent, tok, ptoks, used_nouns)
    return out


def sentence_drafts(ctx: ReportContext, sent: Sentence, only: Collection[str] | None = None) -> list[Draft]:
    """Every draft the meeting rules (all, or those named in `only`: a rule
    run alone on its examples) find in the sentence, in rule order."""
    out = trigger_drafts(ctx, sent, only)
    joint: list[Draft] = []
    for name, find in SENTENCE_RULES:
        if only is None or name in only:
            found = find(ctx, sent)
            out += found
            if name == JOINT:
                joint = found
    if not joint and (only is None or JOINT_BY_TEXT in only):
        out += joint_by_text_drafts(ctx, sent)
    return out
