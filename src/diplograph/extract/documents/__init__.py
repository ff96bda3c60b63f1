"""Documents: named or clearly identified written instruments that are signed
(adopted, issued, finalised) or planned (to be signed, negotiated, built):
"witnessed the signing of the Ukraine-Singapore Air Services Agreement",
"both sides agreed to sign a Memorandum of Understanding on publishing
cooperation", "accelerate the completion of the Indonesia-EU CEPA".

How: one regular expression finds every kind of instrument (data,
`data/documents.yaml`); plurals ("signed 13 agreements") and anaphors ("the
agreement", "the declaration") are dropped, since they identify no one
document. The title grows from the kind over the words that identify it
(names, numbers, quoted titles, a short "on/for/to ..." phrase) and sheds
words of praise. The status comes from the nearest cue before it in the same
clause (sign/adopt/finalise ... -> signed, unless a modal or "to" puts it in
the future; negotiate/build/draft -> planned), or from a passive after it
("was signed", "to be signed"), or from a neighbouring sentence that signs
several documents when this one lists it among them ("The documents include
...") or names it beside that signing. One side's call or proposal is not a
document unless both sides are its subject ("looked forward to the early
conclusion of", "is ready to sign" are one side's wishes). Concluding
negotiations finalises the text (signed); a cue whose object is something
else ("exchanged views on") says nothing about the document. The same
document mentioned in several sentences is one record (signed wins over
planned).

The stage is a package of small steps, each a module:

- `vocabulary`: the word lists of `data/documents.yaml`, compiled once;
- `titles`: a singular mention and its title's edges;
- `signing`: the cue that signs or plans it (rules `document.signing_verb`,
  `document.planning_verb`, `document.completion_sought`,
  `document.concluded_negotiations`, `document.passive`);
- `status`: the modality decisions (future, negated, hedged, one side's wish);
- `lists`: a status from a neighbouring sentence (`document.list_item`,
  `document.carried`);
- `parties`: between whom;
- `find`: the records, merged (`document.group.ordinal`; the plural
  mentions are `extract/document_groups.py`, rules `document.group.*`).

Rule names and examples: `diplograph.extract.rules`, `data/examples/document.yaml`.
"""

from diplograph.extract.documents.find import count, counted_all, find_documents, headline, same_title

__all__ = ["count", "counted_all", "find_documents", "headline", "same_title"]
