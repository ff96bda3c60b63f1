"""The PLOVER codebook as data: classes, their modes and definitions, and
the general contexts (`data/events/codebook.yaml`, derived from the PLOVER
manual, CC BY-SA 4.0).

Why one module outside the stages: the extractor codes events with it, the
PLOVER export fills `context` with it, and the web UI's codebook page lists
it; each reads the same file, so what the page says is what is coded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from diplograph.actors.knowledge import load_yaml


@dataclass(frozen=True)
class PloverClass:
    name: str
    quad: str
    definition: str
    modes: dict[str, str]


@dataclass(frozen=True)
class Codebook:
    classes: dict[str, PloverClass]
    auxiliary: dict[str, str]
    contexts: dict[str, str]  # name -> definition
    context_words: dict[str, tuple[str, ...]]


@lru_cache(maxsize=1)
def codebook() -> Codebook:
    data = load_yaml("events/codebook.yaml")
    classes = {
        name: PloverClass(name, c["quad"], " ".join(c["definition"].split()), dict(c.get("modes") or {}))
        for name, c in data["classes"].items()
    }
    contexts = {name: c["definition"] for name, c in data["contexts"].items()}
    words = {name: tuple(w.lower() for w in c["words"]) for name, c in data["contexts"].items()}
    return Codebook(classes, dict(data["auxiliary"]), contexts, words)


@lru_cache(maxsize=1)
def _context_patterns() -> list[tuple[str, re.Pattern[str]]]:
    out = []
    for name, words in codebook().context_words.items():
        alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        # a word counts in the plural too ("businesses", "elections")
        out.append((name, re.compile(rf"(?<!\w)(?:{alternatives})(?:s|es)?(?!\w)", re.IGNORECASE)))
    return out


def contexts(text: str) -> list[str]:
    """The general PLOVER contexts a sentence is in, by the words it holds
    (the manual codes context from the text around the event)."""
    return list(_contexts(text))


@lru_cache(maxsize=4096)
def _contexts(text: str) -> tuple[str, ...]:
    return tuple(name for name, pattern in _context_patterns() if pattern.search(text))
