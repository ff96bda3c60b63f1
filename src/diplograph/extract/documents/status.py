"""Modality of written instruments and partnership levels: whether a signing
is done or only to come, denied, hedged, one side's wish, or an upgrade
only proposed. The one module where documents and partnerships decide it.

Why one module with public named decisions: the same question ("did it
happen, or is it planned, wished, negated?") was answered in several
places by private regexes; here each answer is a named function with its
words in data (`data/documents.yaml`: future_markers, future_auxiliaries,
negations, hedges, proposal_words, joint_cues, reported_plans; `data/sides.yaml`: two_sides;
`data/partnership_levels.yaml`: not_yet), so a newcomer changes a word, not
a regex, and a stage that needs the same decision calls the same function.
(The meetings' modality lives in `extract/modality.py`; the two are to be
joined.)

The decisions:

- `future_clause`: the signing verb's clause has a future auxiliary, by the
  parse ("will hold a meeting and then witness the exchange of an MoU");
- `later`: a future marker or "to" right before the cue ("agreed to sign",
  "are set for signing", "expected to ink");
- `negated`: a negation right before the cue ("did not sign");
- `hedged`: nobody agreed to sign ("discussed the possibility of signing");
- `one_sides_wish`: the cue sits under one side's call or proposal, unless
  both sides are its subject ("Vietnam proposed signing ..." is a wish;
  "both sides agreed to sign ..." a plan);
- `not_yet`: a partnership upgrade proposed, hoped for or to come.
"""

from __future__ import annotations

import re
from functools import lru_cache

from diplograph.actors.knowledge import load_yaml
from diplograph.extract import modality
from diplograph.extract.context import ReportContext, Sentence
from diplograph.extract.documents.titles import token_at
from diplograph.extract.documents.vocabulary import vocabulary
from diplograph.extract.phrases import alternatives

#: The rules that decide a document's status, one layer (`rules.enabled`): run one alone, the others
#: make no record (declared in signing.py, lists.py and find.py).
STATUS_RULES = ("document.signing_verb", "document.planning_verb", "document.completion_sought",
                "document.concluded_negotiations", "document.passive", "document.list_item",
                "document.carried", "document.list_after_set", "document.report_is_instrument")
#: The rules that find a document mention of several (document_groups.py, find.py's ordinal members);
#: a singular mention is this layer's unnamed default.
GROUP_RULES = "document.group."
#: the modal auxiliaries (of `extract/modality.py`) that make a signing a plan: "will sign", "would sign";
#: a signing only possible or due ("could sign next year", "may ink", "should conclude") is not done either
_PLANNING_AUXILIARIES = frozenset({"future", "conditional", "hypothetical"})
#: how far before a cue (characters) a future marker may stand
_MARKER_REACH = 40


@lru_cache(maxsize=1)
def _to_be() -> re.Pattern[str]:
    """ "the documents to be signed next year include:" (a list's lead line): `list_planned_leads`."""
    return re.compile(rf"\b(?:{alternatives(load_yaml('documents.yaml')['list_planned_leads'])})\s+$")


@lru_cache(maxsize=1)
def _be_before() -> re.Pattern[str]:
    """A form of "be" right before ("are expected to"): `be_forms`."""
    return re.compile(rf"\b(?:{alternatives(load_yaml('documents.yaml')['be_forms'])})\s+$", re.IGNORECASE)


def future_clause(ctx: ReportContext, cue_at: int) -> bool:
    """Whether the signing cue's clause is future ("will ... witness the
    exchange of"), by the parse: the cue's verb (or the verb it coordinates
    with) has a future auxiliary."""
    tok = token_at(ctx.doc, cue_at)
    if tok is None:
        return False
    verb = tok if tok.pos_ == "VERB" else tok.head if tok.head.pos_ == "VERB" else None
    if verb is None:
        verb = next((t for t in tok.ancestors if t.pos_ == "VERB"), None)
    if verb is None:
        return False
    chain = [verb] + ([verb.head] if verb.dep_ == "conj" else [])
    return any(modality.auxiliary_kinds(v, passive=True) & _PLANNING_AUXILIARIES for v in chain)


def later(head: str, to_be: bool = False) -> bool:
    """Whether the words before a signing cue put it in the future: a marker
    in its last 40 characters ("will", "set for", "expected to"), or "to"
    right before it ("agreed to sign"); with `to_be`, also "to be"/"will be"
    (a list's lead line: "The documents to be signed next year include:")."""
    v = vocabulary()
    if v.future.search(head[-_MARKER_REACH:]) or v.to_before.search(head):
        return True
    return to_be and _to_be().search(head) is not None


def negated(lead: str) -> bool:
    """A negation right before the cue ("did not sign", "refused to sign")."""
    return vocabulary().negation.search(lead) is not None


def hedged(lead: str, between: str) -> bool:
    """Nobody agreed to sign: "discussed the possibility of signing",
    "considered concluding" (before the cue or between it and the title)."""
    v = vocabulary()
    return v.hedge.search(lead) is not None or v.hedge.search(between) is not None


def one_sides_wish(ctx: ReportContext, sent: Sentence, cue_at: int) -> bool:
    """Whether the cue sits under one side's call or proposal ("Vietnam
    proposed signing ..."), with no "both sides" as its subject; "are
    expected to sign" is a plan reported, not anyone's wish."""
    v = vocabulary()
    lead = ctx.text[sent.start : cue_at]
    proposals = [
        p for p in v.proposal.finditer(lead)
        if not (p.group(0).lower() in v.expected and _be_before().search(lead[: p.start()]))
    ]
    if not proposals:
        return False
    return not v.both.search(lead[: proposals[-1].start()])


def _stem_pattern(item: str) -> str:
    """A data phrase as a regex: words separated by any spacing, "*" a word's stem."""
    return r"\s+".join(re.escape(w[:-1]) + r"\w*" if w.endswith("*") else re.escape(w) for w in item.split())


@lru_cache(maxsize=1)
def _not_yet() -> re.Pattern[str]:
    # the stage's own words, then modality's: a modal auxiliary ("will", "could") or a wish ("hoped")
    items = load_yaml("partnership_levels.yaml")["not_yet"] + modality.phrases(
        "wish_verbs", "future", "conditional", "hypothetical")
    words = "|".join(_stem_pattern(w) for w in items)
    return re.compile(rf"\b(?:{words})\b[^.;]{{0,40}}$", re.IGNORECASE)


def not_yet(before: str) -> bool:
    """Whether a partnership upgrade is only proposed, hoped for or to come
    ("proposed to upgrade", "will elevate", "looked forward to raising"):
    a word of it in the 40 characters before the upgrade word."""
    return _not_yet().search(before) is not None


def checked(ctx: ReportContext, sent: Sentence, cue_at: int, status: str, rule: str) -> str | None:
    """The status a rule found, or None (a veto, "veto.one_side") when the
    cue sits under one side's call or proposal."""
    if one_sides_wish(ctx, sent, cue_at):
        ctx.veto(rule, "veto.one_side", sent)
        return None
    return status
