"""Name variants of an official, so that a report's spelling finds the table's.

Why a module of its own: the officials table (`officials.py`) and the script
that builds it (`scripts/build_officials.py`) must fold names the same way, or
a name written at build time would never be found at lookup time.

The sources write names in the CIA's convention: the family name in capitals
("Shinzo ABE", "XI Jinping", "PHAM Minh Chinh", "Michiel Godfried (Mike)
EMAN"). A report writes "Abe Shinzo", "Shinzō Abe", "PM Abe", "Phạm Minh
Chính", "Mike Eman". So:

- folding goes through `anyascii` (a maintained transliteration table, not a
  hand list): diacritics and non-Latin scripts become ASCII, case and
  punctuation are dropped, hyphens are spaces ("Hoseini-KHAMENEI");
- the key of a name is its folded words *sorted*, so every order of the same
  words is one key: "Abe Shinzo" = "Shinzo Abe", "ISHIBA Shigeru" = "Shigeru
  Ishiba";
- variants add the forms news uses: the nickname in brackets in place of the
  given names ("Mike Eman"), the first given name with the family name
  ("Joao Manuel Goncalves LOURENCO" -> "Joao Lourenco"), the family name in
  capitals alone after the given names ("Nicolas MADURO Moros" -> "Nicolas
  Maduro"), initials dropped, "Jr." dropped, leading honorifics dropped
  ("Sir", "Dr.", "Sheikh", "Datuk Seri": the list is `titles.yaml`'s), and the
  "also spelled" forms the sources give;
- short forms ("Modi", "Chinh", "Anwar") are kept apart: one word names many
  people, so a caller must ask for them (`short_keys`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files

import yaml
from anyascii import anyascii

_PUNCT = re.compile(r"[.,'’`\"()\[\]]")
_SPACES = re.compile(r"[\s\-‐‑–_/]+")
_PAREN = re.compile(r"\s*\(([^()]*)\)\s*")
_ROMAN = re.compile(r"^(?:I|II|III|IV|V|VI|X)$")
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


@lru_cache(maxsize=1)
def _honorifics() -> tuple[frozenset[str], tuple[tuple[str, ...], ...], frozenset[str]]:
    """Honorific words and phrases (folded) and name particles, from titles.yaml."""
    text = files("diplograph.data").joinpath("titles.yaml").read_text(encoding="utf-8")
    data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    words = {fold(w) for w in data.get("honorifics", [])} - {""}
    words |= {"lyonpo", "dasho", "shaikh", "shaykh", "mohtarma", "sr", "gen", "lt", "field"}
    phrases = tuple(
        sorted({tuple(fold(p).split()) for p in data.get("honorific_phrases", [])}, key=len, reverse=True)
    )
    particles = frozenset(fold(p) for p in data.get("particles", []))
    return frozenset(words), phrases, particles


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """ASCII, lower case, no punctuation, single spaces ("Phạm Minh Chính" -> "pham minh chinh")."""
    text = anyascii(text)
    text = _PUNCT.sub("", text)
    return _SPACES.sub(" ", text).strip().lower()


def name_key(text: str) -> str:
    """The order-free key of a name: its folded words, sorted."""
    return " ".join(sorted(fold(text).split()))


# Romanisations of one sound that sources and news mix ("Dmitriy"/"Dmitry",
# "Ruhani"/"Rouhani", "Kasym-Zhomart"/"Kassym-Jomart"): applied to both sides
# of a second, looser index that is asked only when the exact keys find nothing.
_LOOSE = (
    ("dzh", "j"),
    ("zh", "j"),
    ("dj", "j"),
    ("kh", "h"),
    ("ph", "f"),
    ("ou", "u"),
    ("y", "i"),
    ("ie", "i"),
    ("w", "v"),
)
_DOUBLE = re.compile(r"([a-z])\1+")


@lru_cache(maxsize=65536)
def loose_key(key: str) -> str:
    """A name key with romanisation differences levelled (see `_LOOSE`); words re-sorted."""
    for old, new in _LOOSE:
        key = key.replace(old, new)
    return " ".join(sorted(_DOUBLE.sub(r"\1", key).split()))


def _caps_part(part: str) -> bool:
    letters = [c for c in part if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and not _ROMAN.match(part)


def _is_caps(token: str) -> bool:
    """A family name in the CIA's capitals: "EMAN", "al-ZUBAYDI", "SASSOU-Nguesso" (not "II")."""
    return not token.startswith("(") and any(_caps_part(p) for p in re.split(r"[-']", token))


def strip_honorifics(words: list[str]) -> list[str]:
    """Drop leading honorific words and phrases, keeping at least one word."""
    honorific_words, phrases, _ = _honorifics()
    changed = True
    while changed and len(words) > 1:
        changed = False
        folded = [fold(w) for w in words]
        for phrase in phrases:
            if len(phrase) < len(words) and tuple(folded[: len(phrase)]) == phrase:
                words = words[len(phrase) :]
                changed = True
                break
        else:
            if folded[0] in honorific_words:
                words = words[1:]
                changed = True
    return words


def display(name: str) -> str:
    """The CIA's capitals as ordinary case: "Michiel Godfried (Mike) EMAN" -> "... (Mike) Eman",
    "Nuri al-MALIKI" -> "Nuri al-Maliki"."""
    out = []
    for word in name.split():
        if _is_caps(word):
            parts = re.split(r"([-'])", word)
            word = "".join(p[:1] + p[1:].lower() if _caps_part(p) else p for p in parts)
            if word.startswith("Mc") and len(word) > 2:
                word = "Mc" + word[2].upper() + word[3:]
        out.append(word)
    return " ".join(out)


#: "bin", "binti": the patronymic words a name may drop ("ABDULLAH bin Ahmad Badawi"); "b" abbreviates them
_BIN = frozenset({"bin", "binti", "bint", "ibn"})
_BIN_OR_B = _BIN | {"b"}
#: the patronymic words after a given name ("Muhammad bin Salman ...")
_PATRONYMIC = frozenset({"bin", "bint", "ibn"})


def _forms(name: str) -> set[str]:
    """Spelled-out forms of one written name (not yet folded)."""
    forms: set[str] = set()
    for base in _bases(name):
        forms.add(base)
        variant = strip_honorifics(base.split())
        if not variant:
            continue
        forms.add(" ".join(variant))
        forms |= _patronymic_forms(variant)
        trimmed = [w for w in variant if fold(w) not in _SUFFIXES]
        no_initials = [w for w in trimmed if not re.fullmatch(r"[A-Z]\.?", w)]
        forms.add(" ".join(no_initials))
        forms |= _family_forms(no_initials)
    return {f for f in forms if f}


def _bases(name: str) -> list[str]:
    """The name without its bracketed part, and the form the brackets give:
    "X (also spelled Y) Z" -> "Y Z"-like spelling, "A (Nick) B" -> "Nick B"."""
    nick = _PAREN.search(name)
    bases = [_PAREN.sub(" ", name).strip()]
    if nick and nick.group(1).strip():
        before = name[: nick.start()].split()
        after = name[nick.end() :].split()
        inner = nick.group(1).strip()
        if inner.lower().startswith("also spelled "):
            alt = inner[len("also spelled ") :].split()
            if before and len(alt) == 1:
                bases.append(" ".join(before[:-1] + alt + after))
        elif after:
            bases.append(" ".join([inner, *after]))
    return bases


def _patronymic_forms(variant: list[str]) -> set[str]:
    """Forms without the patronymic words or what follows them."""
    forms: set[str] = set()
    no_bin = [w for w in variant if fold(w) not in _BIN_OR_B]
    if len(variant) >= 3 and len(no_bin) >= 2 and len(no_bin) < len(variant):
        forms.add(" ".join(no_bin))  # "ABDULLAH bin Ahmad Badawi" -> "Abdullah Ahmad Badawi"
    if len(variant) > 3 and fold(variant[1]) in _PATRONYMIC:
        forms.add(" ".join(variant[:3]))  # "Muhammad bin Salman bin Abd al-Aziz Al Saud"
    patronymic = len(variant) > 2 and fold(variant[1]) in _PATRONYMIC
    if patronymic and fold(variant[-1]).startswith("al "):
        forms.add(" ".join(variant[:-1]))
    return forms


def _family_forms(no_initials: list[str]) -> set[str]:
    """Forms from a family name in capitals after the given names
    ("Matamela Cyril RAMAPHOSA" -> "Cyril Ramaphosa", "Matamela RAMAPHOSA")."""
    forms: set[str] = set()
    caps = [i for i, w in enumerate(no_initials) if _is_caps(w)]
    _, _, particles = _honorifics()
    if not caps or caps[0] <= 0:
        return forms
    given, family = no_initials[: caps[0]], no_initials[caps[0] :]
    caps_only = [w for w in family if _is_caps(w)]
    forms.add(" ".join([given[0], *family]))
    forms.add(" ".join([*given, *caps_only]))
    for one in given:  # "Matamela Cyril RAMAPHOSA" -> "Cyril Ramaphosa"
        if fold(one) not in particles and len(one.strip(".")) > 1:
            forms.add(" ".join([one, *caps_only]))
    if len(caps_only) > 1:
        forms.add(" ".join([given[0], caps_only[0]]))
    if len(family) >= 2:  # "Mohamed NAJIB bin Abdul Razak" -> "Najib (bin) Abdul Razak"
        forms.add(" ".join(family))
        forms.add(" ".join(w for w in family if fold(w) not in _BIN))
    return forms


def variants(name: str, also: tuple[str, ...] | list[str] = ()) -> set[str]:
    """Every key under which this official is found (see the module docstring)."""
    keys: set[str] = set()
    for written in (name, *also):
        for form in _forms(written):
            key = name_key(form)
            if key:
                keys.add(key)
    return keys


def short_keys(name: str, also: tuple[str, ...] | list[str] = ()) -> set[str]:
    """One-word forms: the family name (capitals) and the first and last given words."""
    _, _, particles = _honorifics()
    out: set[str] = set()
    for written in (name, *also):
        words = strip_honorifics(_PAREN.sub(" ", written).split())
        words = [w for w in words if fold(w) not in _SUFFIXES and not re.fullmatch(r"[A-Z]\.?", w)]
        if not words:
            continue
        caps = [w for w in words if _is_caps(w)]
        if caps:
            out.add(fold(" ".join(caps)))
        out.add(fold(words[0]))
        out.add(fold(words[-1]))
    return {k for k in out if len(k) >= 3 and k not in particles}


@lru_cache(maxsize=16384)
def query_keys(query: str) -> frozenset[str]:
    """The keys a name as written in a report is looked up under: the name as
    written, without honorifics, suffixes, initials or a bracketed nickname.
    Never a shortened form: "Kim Jong Il" must not find "Kim Jong Un" through
    "Kim Jong"; shortening is the table's side (`variants`)."""
    plain = _PAREN.sub(" ", re.sub(r'"[^"]*"', " ", query)).split()
    forms = [plain, strip_honorifics(plain)]
    if len(plain) >= 3:  # initials without a vowel inside a name: "Retno LP Marsudi"
        forms.append([w for w in forms[1] if not re.fullmatch(r"[B-DF-HJ-NP-TV-Z]{1,3}\.?", w)])
    for words in list(forms):
        trimmed = [w for w in words if fold(w) not in _SUFFIXES]
        forms.append(trimmed)
        forms.append([w for w in trimmed if not re.fullmatch(r"[A-Z]\.?", w)])
    return frozenset(k for k in (name_key(" ".join(f)) for f in forms if f) if k)
