"""Is this report English? A cheap guess, good enough to refuse a report in
another language with a clear reason instead of extracting nonsense from it.

How: letters in a non-Latin script (Chinese, Thai, Cyrillic, ...) that make up
most of the text name the language outright; otherwise the language whose
frequent function words ("the", "of", "và", "des", ...) occur most wins. The
word lists live in `data/languages.yaml`. No model, no download; a few
microseconds per report since only the first few thousand characters are read.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache
from importlib.resources import files

import yaml

#: Only the start of a report is looked at: enough words to decide.
SAMPLE_CHARS = 5000
#: Below this many words nothing reliable can be said: accept.
MIN_WORDS = 12

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@lru_cache(maxsize=1)
def _data() -> tuple[dict[str, frozenset[str]], dict[str, str]]:
    raw = yaml.safe_load(files("diplograph.data").joinpath("languages.yaml").read_text(encoding="utf-8"))
    words = {lang: frozenset(str(w).lower() for w in ws) for lang, ws in raw["words"].items()}
    return words, dict(raw["scripts"])


#: Characters outside Latin (with its accented letters): the only ones whose
#: script is looked up, found by one regex scan instead of a loop over every character.
_NOT_LATIN = re.compile("[^\x00-\u024f]")


def _script_language(sample: str, scripts: dict[str, str]) -> str | None:
    counts: Counter[str] = Counter()
    for ch in _NOT_LATIN.findall(sample):
        if not ch.isalpha():
            continue
        name = unicodedata.name(ch, "")
        for prefix, lang in scripts.items():
            if name.startswith(prefix):
                counts[lang] += 1
                break
    if counts:
        letters = sum(map(str.isalpha, sample))
        lang, n = counts.most_common(1)[0]
        if n / letters > 0.5:
            return lang
    return None


def guess_language(text: str) -> str | None:
    """An ISO 639-1 code ("en", "vi", "zh", ...), or None when the text is too
    short or too mixed to tell."""
    sample = text[:SAMPLE_CHARS]
    words_by_lang, scripts = _data()
    by_script = _script_language(sample, scripts)
    if by_script:
        return by_script
    words = Counter(w.lower() for w in _WORD.findall(sample))
    if words.total() < MIN_WORDS:
        return None
    english = words_by_lang.get("en", frozenset())
    # A word that is also an English function word ("in", "met", "a") is no
    # evidence for another language: Dutch "met" must not outvote English.
    scores = {
        lang: sum(n for w, n in words.items() if w in vocab and (lang == "en" or w not in english))
        for lang, vocab in words_by_lang.items()
    }
    best = max(scores, key=lambda lang: scores[lang])
    if scores[best] == 0:
        return None
    if best != "en" and scores[best] < 3:
        return None  # too little evidence to refuse a report
    # English wins ties and near-ties: the function words of several languages
    # overlap ("a", "in", "is"), and a false refusal costs more than a miss.
    if scores.get("en", 0) >= 0.8 * scores[best]:
        return "en"
    return best
