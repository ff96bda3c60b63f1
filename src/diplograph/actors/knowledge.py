"""Knowledge of the world's states and international bodies, loaded once from
pycountry's ISO 3166 table and our own data files (`diplograph/data/`).

Why here and not in code: names, aliases, demonyms and capitals change and grow
with each new corpus; they are data. This module only indexes them so that any
stage can ask "which state or body does this string name?" in O(1), and find
every such mention in a text: at each word start, the names that begin with
that word are tried, longest first (the same matches as one big regular
expression, which is kept as the reference and for rare texts).
"""

from __future__ import annotations

import copy
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files

import pycountry
import yaml


@dataclass(frozen=True)
class Entity:
    code: str  # ISO alpha-3 for a state, short name for a body
    kind: str  # state | body
    name: str  # the canonical display name


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    entity: Entity
    how: str  # name | alias | demonym | capital | body


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case-, diacritic- and punctuation-insensitive key ("Việt Nam" -> "viet nam").
    Cached: the same names are folded again and again, report after report."""
    text = text.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'")
    return re.sub(r"\s+", " ", text.lower()).strip()


def load_yaml(name: str) -> dict:
    """A data file, parsed once per process (libyaml's safe loader where
    present, about 8x faster than the pure-Python one): several rule
    modules read the same file (titles.yaml by three), each on a worker's
    first report. Each caller gets its own copy, so none can change
    another's vocabulary."""
    return copy.deepcopy(_parsed_yaml(name))


@cache
def _parsed_yaml(name: str) -> dict:
    text = files("diplograph.data").joinpath(name).read_text(encoding="utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}


def merged_states(world: dict, curated: dict) -> dict:
    """The state entries of both files, each list the union of both (the curated file's items first):
    a curated entry that lists one spelling ("Ecuadorian", "Azerbaijani") keeps the world file's other
    spellings ("Ecuadorean", "Azeri") an unseen outlet writes."""
    merged = {code: dict(info) for code, info in world.items()}
    for code, info in curated.items():
        entry = merged.setdefault(code, {})
        for key, values in info.items():
            if isinstance(values, list):
                entry[key] = list(dict.fromkeys([*values, *(entry.get(key) or [])]))
            else:
                entry[key] = values
    return merged


class Knowledge:
    """The index of states and bodies. Use `knowledge()` for the shared instance."""

    def __init__(self) -> None:
        self.entities: dict[str, Entity] = {}
        self._index: dict[str, tuple[Entity, str]] = {}
        # keys some label writes in lower or mixed case ("Asean", "Lao"); a key written only in
        # capitals ("UN", "US", "EU") names its body or state only in capitals: "Kim Jong Un"
        self._not_only_capitals: set[str] = set()
        # The world file first; states.yaml (the region, curated) overrides its first alias (the
        # entity's name) and adds to its variants, never drops them ("Ecuadorean" beside "Ecuadorian").
        states = merged_states(load_yaml("states_world.yaml"), load_yaml("states.yaml"))
        for country in pycountry.countries:
            code = country.alpha_3
            name = getattr(country, "common_name", None) or country.name
            entity = Entity(code, "state", name)
            self.entities[code] = entity
            for label in {country.name, name, getattr(country, "official_name", None)} - {None}:
                self._add(label, entity, "name")
        for code, info in states.items():
            entity = self.entities.get(code) or Entity(code, "state", info["aliases"][0])
            if info.get("aliases"):
                entity = Entity(code, "state", info["aliases"][0])
            self.entities[code] = entity
            for alias in info.get("aliases") or []:
                self._add(alias, entity, "alias", override=True)
            for demonym in info.get("demonyms") or []:
                self._add(demonym, entity, "demonym", override=True)
            for capital in info.get("capitals") or []:
                self._add(capital, entity, "capital", override=True)
        for code, info in load_yaml("bodies.yaml").items():
            entity = Entity(code, "body", info["names"][0])
            self.entities[code] = entity
            for name in info["names"]:
                self._add(name, entity, "body", override=True)
        keys = sorted(self._index, key=len, reverse=True)
        self._pattern = re.compile(
            r"(?<![\w-])(" + "|".join(re.escape(k) for k in keys) + r")(?![\w])",
            re.IGNORECASE,
        )
        # The same search without trying ~900 alternatives at every character:
        # the keys by their first word, longest first, tried only where that
        # word stands (see `_matches`).
        self._by_first_word: dict[str, list[str]] = {}
        for key in keys:
            self._by_first_word.setdefault(_FIRST_WORD.match(key).group(), []).append(key)

    def _add(self, label: str, entity: Entity, how: str, override: bool = False) -> None:
        key = fold(label)
        if not key:
            return
        if not label.isupper():
            self._not_only_capitals.add(key)
        if key not in self._index or override:
            self._index[key] = (entity, how)

    def lookup(self, text: str) -> Entity | None:
        """The state or body a whole string names, or None ("Việt Nam" -> VNM)."""
        hit = self._index.get(fold(text))
        return hit[0] if hit else None

    def lookup_how(self, text: str) -> tuple[Entity, str] | None:
        return self._index.get(fold(text))

    def names_entity(self, word: str) -> bool:
        """The word, as written, names a state or body: "UN" does, "Un" (of
        "Kim Jong Un") does not; the same case rule as `find`."""
        key = fold(word)
        return key in self._index and (word.isupper() or key in self._not_only_capitals)

    def find(self, text: str) -> list[Mention]:
        """Every mention of a state or body in `text`, leftmost-longest, with offsets.

        A mention must start with a capital letter, so "us" the pronoun is
        never the United States.
        """
        out: list[Mention] = []
        for start, end in self._matches(fold_same_length(text)):
            surface = text[start:end]
            hit = self._index.get(fold(surface))
            if hit is None:
                continue
            entity, how = hit
            if not surface[0].isupper():
                continue  # names of states and bodies are capitalised: "us" is a pronoun
            if not surface.isupper() and fold(surface) not in self._not_only_capitals:
                continue  # an acronym in mixed case is a word: "Kim Jong Un", "Us"
            out.append(Mention(start, end, surface, entity, how))
        return out

    def _matches(self, folded: str) -> Iterator[tuple[int, int]]:
        """Where `self._pattern` matches in `folded`, left to right, without
        overlaps (what `finditer` gives), found by look-up: a key starts a
        word (no word character or hyphen before it) and is followed by no
        word character, so the text's word there is the key's first word;
        at each word start the longest such key wins."""
        lower = folded.lower()
        if len(lower) != len(folded):  # a character whose lower case is longer: rare, do it the slow way
            yield from ((m.start(), m.end()) for m in self._pattern.finditer(folded))
            return
        cursor = 0
        for word in _WORD_START.finditer(lower):
            start = word.start()
            if start < cursor:
                continue
            for key in self._by_first_word.get(word.group(), ()):
                end = start + len(key)
                if lower.startswith(key, start) and not (end < len(lower) and _IS_WORD(lower[end])):
                    yield start, end
                    cursor = end
                    break


#: Where a state's or body's name may start: a word with no word character
#: or hyphen before it (the pattern's look-behind).
_WORD_START = re.compile(r"(?<![\w-])\w+")
_FIRST_WORD = re.compile(r"\w+")
_IS_WORD = re.compile(r"\w").match


class _SameLengthFold(dict):
    """str.translate table: each character's fold, worked out once per
    process on first sight (a text is folded by one C call, not a Python
    loop over its characters)."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        if ch in "đĐ":
            out = "d" if ch == "đ" else "D"
        elif ch == "’":
            out = "'"
        else:
            base = unicodedata.normalize("NFKD", ch)
            stripped = "".join(c for c in base if not unicodedata.combining(c))
            out = stripped if len(stripped) == 1 else ch
        self[code] = out
        return out


_SAME_LENGTH_FOLD = _SameLengthFold()


def fold_same_length(text: str) -> str:
    """Diacritics removed character by character, so offsets are unchanged."""
    return text.translate(_SAME_LENGTH_FOLD)


@lru_cache(maxsize=1)
def knowledge() -> Knowledge:
    """The shared index, built once per process."""
    return Knowledge()
