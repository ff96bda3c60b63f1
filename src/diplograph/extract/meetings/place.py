"""Where and on what occasion an encounter took place, and how (meeting, visit, phone)."""

from __future__ import annotations

import re

from spacy.tokens import Token

from diplograph.extract.context import ReportContext, Sentence
from diplograph.extract.meetings.vocab import MeetingWords, words
from diplograph.extract.syntax import governing_verb


def mode_of(sent: Sentence, tok: Token, vocab: MeetingWords) -> str:
    """How the encounter took place: "phone" near a phone word (a "call"
    unless a courtesy one), "visit" for a visit word, else "meeting"."""
    window = tok.doc[max(tok.sent.start, tok.i - 3) : min(tok.sent.end, tok.i + 3)]
    words_near = {t.lower_ for t in window}
    if words_near & (vocab.phone_words - {"call", "calls"}) or (
        tok.lower_ in ("call", "calls") and not any(t.lower_ == "courtesy" for t in window)
    ):
        return "phone"
    if tok.lower_ in vocab.visit_words:
        return "visit"
    return "meeting"


def is_place(ent) -> bool:
    """A place entity, or an organisation-labelled venue ("Merdeka Palace")."""
    if ent.label_ in ("GPE", "FAC", "LOC"):
        return True
    return ent.label_ == "ORG" and bool(words().venue.search(ent.text))


def location(ctx: ReportContext, sent: Sentence, tok: Token | None = None) -> str | None:
    """Where the encounter took place ("met ... in Kuala Lumpur", "talks at
    Government House in Bangkok"): a place entity in an in/at phrase of the
    trigger or the verb it hangs from. Without a trigger (a gathering), the
    first place after in/at in the sentence."""
    if tok is not None:
        heads = [tok]
        verb = governing_verb(tok) if tok.pos_ != "VERB" else None
        if verb is not None:
            heads.append(verb)
        heads += [c for h in list(heads) for c in h.children if c.dep_ in ("dobj", "pobj")]
        heads += [c for h in list(heads) for c in h.children if c.dep_ == "pobj"]
        for head in heads:
            for c in head.children:
                if c.dep_ != "prep" or c.lower_ not in ("in", "at"):
                    continue
                for ent in sent.ents:
                    if ent.root.head.i == c.i and is_place(ent):
                        return ent.text
        return None
    for ent in sent.ents:
        if ent.label_ not in ("GPE", "FAC", "LOC"):
            continue
        before = ctx.text[max(sent.start, ent.start_char - 8) : ent.start_char].lower()
        if re.search(r"\b(?:in|at)\s+(?:the\s+)?$", before):
            return ent.text
    return None


def occasion_of(sent: Sentence) -> str | None:
    m = words().occasion.search(sent.text)
    return m.group(1).strip() if m else None

