"""The documents stage's vocabulary, compiled once from `data/documents.yaml`.

Why a module of its own: every step of the stage (mentions, titles, status,
lists) reads the same word lists; compiling them in one place keeps the
patterns identical wherever they are used, and keeps the words in data,
where a newcomer adds one without reading the code. What stays here is
mechanics: how a word list becomes a pattern (word bounds, spacing).
"""

from __future__ import annotations

import re
from functools import lru_cache

from diplograph.actors.knowledge import load_yaml
from diplograph.extract import modality
from diplograph.extract.phrases import alternatives
from diplograph.extract.sides import two_sides


def word_re(items: list[str], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """The phrases as whole words (a hyphen is part of a word)."""
    return re.compile(rf"(?<![\w-])(?:{alternatives(items)})(?![\w-])", flags)


def _ending(items: list[str], reach: int) -> re.Pattern[str]:
    """One of the phrases, then at most `reach` characters of the same clause, at the end."""
    return re.compile(rf"(?<![\w-])(?:{alternatives(items)})(?![\w-])[^,;.]{{0,{reach}}}$", re.IGNORECASE)


def _passive_signed(cues: list[str], d: dict) -> re.Pattern[str]:
    """A passive (or relative clause) after a title that signs it: "was signed",
    "signed in 2019", "which the two countries signed", "signed by the minister"."""
    be = alternatives(d["passive_be"])
    adverbs = alternatives(d["passive_adverbs"])
    after = alternatives(d["passive_signed_after"])
    relative = alternatives(d["passive_relative_verbs"])
    return re.compile(
        rf"^[^.;]{{0,60}}?\b(?:{be})\s+(?:(?:\w+ly|{adverbs})\s+){{0,2}}(?:{alternatives(cues)})\b"
        rf"|^\s*,?\s*(?:{after})\s+(?:in|on|last|by|after|at|during|following)\b"
        # "..., which the two countries signed in December 2022"
        rf"|^\s*,?\s*(?:which|that)\s+(?:(?!will\b|would\b|to\b)\w+\s+){{0,4}}?(?:{relative})\b"
        # "MoU on ... (JWG) on trade and investment signed by the Finance Minister and ..."
        r"|^[^.;]{0,80}?\s(?:signed|inked)\s+by\b",
        re.IGNORECASE,
    )


def _passive_planned(d: dict) -> re.Pattern[str]:
    """A passive after a title that plans it: "to be signed", "under negotiation"."""
    modals = alternatives(d["passive_planned_modals"])
    verbs = alternatives(d["passive_planned_verbs"])
    phrases = alternatives(d["passive_planned_phrases"])
    return re.compile(
        rf"^[^.;]{{0,60}}?\b(?:(?:{modals})\s+(?:also\s+)?be\s+(?:\w+ly\s+)?(?:{verbs})"
        rf"|set\s+for\s+(?:\w+\s+)?signing|{phrases})\b",
        re.IGNORECASE,
    )


def _negation(d: dict) -> re.Pattern[str]:
    """A negator right before a cue: modality's negators and verbs of failing
    or refusing, then the stage's own ("without")."""
    negations = [*modality.words().negators, *modality.phrases("negating_verbs", "refusal_verbs"),
                 *d["negations"]]
    return re.compile(rf"(?<![\w-])(?:{alternatives(negations)})(?![\w-])\s+(?:\w+\s+)?$", re.IGNORECASE)


def _undetermined_after(d: dict) -> dict[str, re.Pattern[str]]:
    """Kind -> the verbs after which it needs no determiner ("exchanged notes on ...")."""
    return {
        kind.lower(): re.compile(rf"\b(?:{alternatives(verbs)})\s+$", re.IGNORECASE)
        for kind, verbs in (d.get("undetermined_after") or {}).items()
    }


class Vocabulary:
    """The compiled patterns and word sets of `data/documents.yaml`."""

    def __init__(self) -> None:
        d = load_yaml("documents.yaml")
        kinds = d["kinds"]
        self.weak = {k.lower() for k in kinds["weak"]} | {k.lower() for k in kinds["capitalised"]}
        self.kind = re.compile(
            rf"(?<![\w-])(?P<kind>{alternatives(kinds['strong'] + kinds['weak'])})(?P<plural>e?s)?(?![\w-])",
            re.IGNORECASE,
        )
        capitalised = alternatives(kinds["capitalised"])
        self.kind_capitalised = re.compile(rf"(?<![\w-])(?P<kind>{capitalised})(?![\w-])")
        self.plural = word_re(d["plurals"])
        self.signed = word_re(d["signed_cues"])
        self.planned = word_re(d["planned_cues"])
        self.completion = word_re(d["completion_nouns"])
        self.forward = _ending(d["forward_words"], 25)
        # modality's future and conditional auxiliaries, then the stage's own markers of a plan
        self.future = _ending(modality.auxiliary_words("future", "conditional") + d["future_markers"], 30)
        self.to_before = re.compile(r"\bto\s+(?:be\s+)?(?:\w+ly\s+)?$", re.IGNORECASE)
        self.proposal = word_re(d["proposal_words"] + modality.phrases("wish_verbs"))
        self.both = _ending(two_sides().phrases() + list(two_sides().bare) + d["joint_cues"], 40)
        self.negation = _negation(d)
        self.evaluative = {w.lower() for w in d["evaluative"]}
        self.names = set(d.get("names") or [])
        self.undetermined_after = _undetermined_after(d)
        self.expansions = dict(d.get("expansions") or {})
        self.linking = {w.lower() for w in d["linking_verbs"]}
        self.hedge = word_re(d["hedges"])
        self.other_object = re.compile(
            r"\s*(?:(?:their|its|his|her|the|some|many)\s+)?(?:\w+\s+)?"
            rf"(?:{alternatives(d['cue_objects_not_documents'])})\b",
            re.IGNORECASE,
        )
        self.carrying_out = re.compile(
            rf"(?<![\w-])(?:{alternatives(d['carrying_out'])})\s+(?:(?:the|this|that|its|their)\s+)?$",
            re.IGNORECASE,
        )
        self.basis = re.compile(
            rf"(?<![\w-])(?:{alternatives(d['basis_phrases'])})(?![\w-])(?P<rest>[^.;]{{0,60}})$",
            re.IGNORECASE,
        )
        self.screen = re.compile(
            rf"(?:{alternatives(kinds['strong'] + kinds['weak'] + kinds['capitalised'])})", re.IGNORECASE
        )
        self.passive_signed = _passive_signed(d["signed_cues"] + d["signed_participles"], d)
        self.passive_planned = _passive_planned(d)
        consensus = alternatives(d["consensus_verbs"])
        self.reached = re.compile(rf"\b(?:{consensus})\s+(?:an?\s+)?(?:\w+\s+)?$", re.I)
        self.negotiation = re.compile(rf"(?:{alternatives(d['negotiation_nouns'])})\b", re.IGNORECASE)
        self.done_negotiating = re.compile(
            rf"\b(?:{alternatives(d['negotiation_done_verbs'])}"
            rf"|(?P<noun>(?:substantial\s+)?(?:{alternatives(d['negotiation_done_nouns'])}))\s+of)"
            r"\s+(?:(?:the|its|their)\s+)?(?:[\w-]+\s+){0,2}?$",
            re.IGNORECASE,
        )
        plural_nouns = alternatives(d["set_nouns"])
        self.carrier = re.compile(
            rf"\b(?:{plural_nouns})\b[^.;]{{0,40}}?\b(?:{alternatives(d['set_members_verbs'])})\b[^.;]*$",
            re.IGNORECASE,
        )
        self.carrier_opens = re.compile(
            rf"^(?:(?:the|these|those|such)\s+)?(?:[\w-]+\s+){{0,2}}?(?:{plural_nouns})\b[^.;]{{0,40}}?"
            rf"\b(?:{alternatives(d['set_opening_verbs'])})\b",
            re.IGNORECASE,
        )
        self.plural_documents = re.compile(rf"\b(?:{plural_nouns})\b", re.IGNORECASE)
        self.pair_subject = re.compile(
            rf"\b(?:the\s+two|both)\s+(?:[\w-]+\s+){{0,2}}?(?:{alternatives(d['pair_subject_nouns'])})\b",
            re.IGNORECASE,
        )
        self.witness = re.compile(rf"\b(?:{alternatives(d['witness_phrases'])})\b[^,;]*$", re.IGNORECASE)
        self.expected = frozenset(d["reported_plans"])
        self.numbers = {str(k).lower(): int(v) for k, v in d["groups"]["numbers"].items()}
        self.revision_before = re.compile(
            rf"\b(?:(?:{alternatives(d['revision_nouns'])})\s+(?:of|to)\s+(?:the\s+)?|upgraded\s+)$",
            re.IGNORECASE,
        )
        self.revision_after = re.compile(
            rf"^\s+(?:{alternatives(d['revision_nouns'])})\b(?!\s+(?:of|to)\b)", re.IGNORECASE
        )


@lru_cache(maxsize=1)
def list_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A list item's head that is an instrument only as an item ("- the Plan for ..."),
    and a lead line that only opens a list ("These include:", "They are as follows:")."""
    d = load_yaml("documents.yaml")
    item_head = re.compile(rf"(?:the\s+)?(?P<head>(?:{alternatives(d['list_item_kinds'])})\b)(?=\s+[a-z])")
    opener = re.compile(rf"^(?:{alternatives(d['list_openers'])})\s*:$", re.IGNORECASE)
    return item_head, opener


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The stage's vocabulary, compiled once per process."""
    return Vocabulary()
