"""Regular expressions built from the phrases of the data files.

Why one module: several rule families turn a data list of phrases
("memorandum of understanding", "on the sidelines of") into a regex
alternation where a space matches any spacing; written once here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def alternatives(phrases: Iterable[str], longest_first: bool = True) -> str:
    """A regex alternation of the phrases, a space matching any spacing.
    Longest first (duplicates dropped) so that "memorandum of understanding"
    wins over "memorandum"; `longest_first=False` keeps the data's order,
    for lists whose order is their priority."""
    items = sorted(set(phrases), key=len, reverse=True) if longest_first else list(phrases)
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in items)
