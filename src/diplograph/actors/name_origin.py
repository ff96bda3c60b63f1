"""Which of a report's states a person's name most likely comes from, learned
from the names in the officials table (actors/officials: the CIA World
Factbook and World Leaders directory, public domain).

Why: a person the text does not qualify gets the report's home state
(`person.home`: the outlet's, the dateline's), which is wrong for about one
such person in three on real reports: the visiting Turkish ministers of a
report from Ashgabat, the Chinese envoy of a report from Yangon. Names carry
their language ("Karaismailoğlu", "Nishimura Yasutoshi", "Pang Chunxue"),
and the officials table holds thousands of names of every state's officials.
A naive Bayes model over the names' letter sequences (2 to 4 letters, each
word padded) and whole words, with add-one smoothing, scores a name against
the states of the report only; it speaks only when one state wins by a wide
margin (`MIN_MARGIN`), so among states that name alike (Jordan and Saudi
Arabia) it stays silent and the text's other evidence or the home state
decides. Where the margin is only the source's spelling (the two Koreas: the
table's North Korean names are in the unhyphenated style of Pyongyang's
agency, so a Pyongyang report's South Korean officials all "look" northern),
it says only the group, and the report's order of states picks among it
(`name_alike`).
"""

from __future__ import annotations

import math
from collections import Counter
from functools import cache

from diplograph.actors.knowledge import fold, knowledge, load_yaml

#: how far (mean log likelihood per feature) the best state must lead the next
MIN_MARGIN = 0.15
#: letter sequences this long (each word padded with "^" and "$")
NGRAMS = (3,)


def features(name: str) -> list[str]:
    """A name's letter sequences and whole words, folded (diacritics kept as
    their base letters by `fold`, plus the original letters, which are
    telling: "ğ", "ş", "ø")."""
    out: list[str] = []
    for raw in name.split():
        for word in {fold(raw), raw.lower()}:
            if len(word) < 2 or word.endswith("."):
                continue
            out.append("w:" + word)
            padded = f"^{word}$"
            out += [padded[i : i + n] for n in NGRAMS for i in range(len(padded) - n + 1)]
    return out


class NameOrigin:
    """Counts of features per state, from the officials table's names."""

    def __init__(self, names: list[tuple[str, str]]) -> None:
        self.counts: dict[str, Counter[str]] = {}
        for name, state in set(names):
            self.counts.setdefault(state, Counter()).update(features(name))
        self.totals = {s: sum(c.values()) for s, c in self.counts.items()}
        self.vocabulary = len({f for c in self.counts.values() for f in c})
        self.names = Counter(state for _, state in set(names))

    def scores(self, name: str, states: list[str]) -> dict[str, float]:
        """Each of `states` (those the model knows): the name's mean log
        likelihood per feature. Why the mean: a name's letter sequences
        overlap and are far from independent, so their summed evidence is
        wildly overconfident ("John Smith": British, certainly); the mean is
        the evidence of a typical feature, comparable across names."""
        known = [s for s in dict.fromkeys(states) if s in self.counts]
        feats = features(name)
        if len(known) < 2 or not feats:
            return {}
        out = {}
        for s in known:
            counts, total = self.counts[s], self.totals[s] + self.vocabulary
            out[s] = sum(math.log((counts[f] + 1) / total) for f in feats) / len(feats)
        return out

    def best(self, name: str, states: list[str]) -> str | None:
        """The state the name comes from, if one of `states` leads the next
        (of another naming: `name_alike`) by MIN_MARGIN. A name of one word ("Abdullah"; "Ma. Teresita": an
        abbreviation is no word) says too little: only names of two words or more are scored."""
        if len([w for w in name.split() if len(w) >= 2 and not w.endswith(".")]) < 2:
            return None
        ranked = sorted(self.scores(name, states).items(), key=lambda kv: -kv[1])
        if len(ranked) < 2:
            return None
        top = ranked[0][0]
        alike = name_alike(top) | {top}
        rivals = [score for state, score in ranked if state not in alike]
        if rivals and ranked[0][1] - rivals[0] < MIN_MARGIN:
            return None
        # "Kim Sang Gyun" in a report on both Koreas: the name says Korean, the spelling is the
        # outlet's; which Korea is the report's to say (`states` come most likely first)
        return next(s for s in states if s in alike)


@cache
def _alike() -> dict[str, frozenset[str]]:
    out: dict[str, frozenset[str]] = {}
    for group in load_yaml("resolve.yaml")["name_alike_states"]:
        for code in group:
            out[code] = frozenset(group) - {code}
    return out


def name_alike(state: str) -> frozenset[str]:
    """The states whose officials' names a name cannot tell from `state`'s
    (data/resolve.yaml name_alike_states: the two Koreas share one language
    and one naming; the table's names differ only in the romanization their
    source used, which follows the outlet, not the state)."""
    return _alike().get(state, frozenset())


@cache
def name_origin() -> NameOrigin:
    """The model, built once from the bundled officials table (states only)."""
    from diplograph.actors.officials import officials

    entities = knowledge().entities
    names = [(t.name, t.state) for t in officials().rows
             if t.state in entities and entities[t.state].kind == "state"]
    return NameOrigin(names)
