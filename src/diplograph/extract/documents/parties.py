"""The parties of a document: the states or bodies named in its title, then
in its sentence, made up to a pair from the context (`local_pair`).

Why the title first: "the Vietnam-Japan Agreement on ..." names its
parties; a sentence may name others (a witness, a venue). The persons who
only watched a signing ("..., witnessed by US President X") are no guide to
the pair.
"""

from __future__ import annotations

from diplograph.extract.context import ReportContext, Sentence
from diplograph.extract.documents.titles import Found
from diplograph.extract.documents.vocabulary import vocabulary
from diplograph.extract.local_pair import codes_of, complete_pair, party_mentions, person_codes


def parties(ctx: ReportContext, sent: Sentence, f: Found) -> list[str]:
    """States/bodies named in the title, then in the sentence, made up to a
    pair from the context (one party in common is what identifies it)."""
    v = vocabulary()
    text = ctx.text
    in_title = [
        m for m in sent.mentions
        if f.start <= m.start < f.end and m.how != "capital" and text[m.end : m.end + 1] != "$"
    ]
    codes = codes_of(in_title)
    if len(codes) >= 2:
        return codes
    pair_subject = v.pair_subject.search(text[sent.start : f.start])
    witnessed = pair_subject is not None and v.witness.search(text[f.end : sent.end]) is not None
    witnesses: set[str] = set()
    for m in party_mentions(sent, text, keep_modifiers=True):
        if m.how == "capital" and f.start <= m.start < f.end:
            continue  # "the Kuala Lumpur Peace Accord": a place in the name, not a party
        if witnessed and v.witness.search(text[max(sent.start, m.start - 40) : m.start]):
            witnesses.add(m.entity.code)  # "the two PMs signed ..., witnessed by US President X"
            continue
        if m.entity.code not in codes:
            codes.append(m.entity.code)
    if witnessed:  # the persons such a sentence names watched: they are no guide to the pair
        witnesses |= {c for c in person_codes(ctx, sent) if c not in codes}
    return complete_pair(ctx, sent, codes, frozenset(witnesses)) if len(codes) < 2 else codes
