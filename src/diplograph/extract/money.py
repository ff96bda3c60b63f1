"""Amounts of money in any common notation: "US$20 billion", "20 billion USD",
"USD 10 billion", "$2bn", "10 bln USD", "1.5 trillion yen", "VND 100 trillion",
"€5 billion", "over US$1 billion", "US$20-25 billion".

Why a module of its own: targets (and documents' titles, and events) meet
money in a dozen notations, and one wrong scale word turns US$2bn into
US$2. Currency symbols, codes, names and scale words are data
(`data/currencies.yaml`); this module only compiles them, once, into two
regular expressions (currency before the number, currency after it).

Only US dollars are converted (`amount_usd`): any exchange rate would be a
guess about a date the report does not give. Other currencies keep
`amount` and `currency` (GUIDELINES "targets").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache
from importlib.resources import files

import yaml


@dataclass(frozen=True)
class Money:
    """One amount found in a text: [start, end) offsets into that text."""

    start: int
    end: int
    text: str
    amount: float  # the (lower) amount in units of the currency
    currency: str  # ISO 4217 code
    qualifier: str | None = None  # about | over | under (the amount is not exact)
    high: float | None = None  # the upper bound of a range ("US$20-25 billion")

    @property
    def amount_usd(self) -> float | None:
        return self.amount if self.currency == "USD" else None


_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"


class _Patterns:
    """The compiled patterns and lookup tables, built once from the data file."""

    def __init__(self) -> None:
        data = yaml.safe_load(files("diplograph.data").joinpath("currencies.yaml").read_text("utf-8"))
        self.by_symbol: dict[str, str] = {}
        self.by_code: dict[str, str] = {}
        self.by_name: dict[str, str] = {}
        for code, info in data["currencies"].items():
            for symbol in info.get("symbols") or []:
                self.by_symbol[symbol] = code
            for alpha in info.get("codes") or []:
                self.by_code[alpha] = code
            for name in info.get("names") or []:
                self.by_name[name.lower()] = code
        self.scale: dict[str, float] = {}
        for factor, words in data["multipliers"].items():
            for word in words:
                self.scale[word.lower()] = float(factor)
        self.qualifier: dict[str, str] = {}
        for kind, words in data["qualifiers"].items():
            for word in words:
                self.qualifier[word.lower()] = kind

        def alternation(items) -> str:
            return "|".join(re.escape(i) for i in sorted(items, key=len, reverse=True))

        symbols = alternation(self.by_symbol)
        codes = alternation(self.by_code)
        names = alternation(self.by_name)
        scale = alternation(self.scale)
        mult = rf"(?:\s?-?\s?(?P<{{0}}>{scale})\b)?"
        # the second number of a range: "US$20-25 billion", "$20 to 25 billion"
        rng = rf"(?:\s*(?P<dash>[-–])\s*|\s+(?P<to>to)\s+)(?:{symbols})?\s?(?P<num2>{_NUMBER})"
        before = (
            rf"(?:(?P<sym>{symbols})|(?<![A-Za-z])(?P<code>{codes}))\s?"
            rf"(?P<num>{_NUMBER}){mult.format('mult')}(?:{rng}{mult.format('mult2')})?"
        )
        after = (
            rf"(?<![\w.,$])(?P<num>{_NUMBER}){mult.format('mult')}(?:{rng}{mult.format('mult2')})?"
            rf"\s?(?:(?P<code>{codes})\b|(?P<name>(?i:{names}))\b)"
        )
        self.before = re.compile(before)
        self.after = re.compile(after)
        # a count in words, then its scale and the currency's name: "twenty-five billion dollars"
        units = alternation(_UNITS)
        tens = alternation(_TENS)
        big = alternation([w for w, f in self.scale.items() if f >= 1e6 and len(w) > 3])
        self.in_words = re.compile(
            rf"(?i)(?<![\w-])(?P<words>(?:{tens})(?:[-\s](?:{units}))?|{units}|ten|eleven|twelve|"
            rf"(?:thir|four|fif|six|seven|eigh|nine)teen)\s+(?P<mult>{big})\s+"
            rf"(?:(?P<code>{codes})\b|(?P<name>{names})\b)"
        )
        self.qualifier_before = re.compile(
            rf"(?i)\b({alternation(self.qualifier)})\s+(?:(?:a|an|the)\s+)?$"
        )


#: the words of a count written out ("twenty-five billion dollars"), for `_in_words`
_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
          "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}


def _count_in_words(words: str) -> int:
    """ "twenty-five" -> 25, "nine" -> 9, "fifteen" -> 15."""
    total = 0
    for w in re.split(r"[-\s]+", words.lower()):
        total += _UNITS.get(w) or _TENS.get(w) or _TEENS.get(w) or 0
    return total


def amount_in_words(text: str) -> bool:
    """Whether the text has an amount whose count is written in words (no digit to screen by)."""
    return _patterns().in_words.search(text) is not None


def _in_words(text: str, p: _Patterns) -> list[Money]:
    """Amounts whose count is written in words: "more than twenty-five billion dollars"."""
    out = []
    for m in p.in_words.finditer(text):
        name = m.group("name")
        currency = p.by_code[m.group("code")] if m.group("code") else p.by_name[name.lower()]
        amount = float(_count_in_words(m.group("words")) * Decimal(repr(p.scale[m.group("mult").lower()])))
        q = p.qualifier_before.search(text[max(0, m.start() - 30) : m.start()])
        out.append(Money(m.start(), m.end(), m.group(0), amount, currency, p.qualifier[q.group(1).lower()]
                         if q else None))
    return out


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    return _Patterns()


_YEAR = re.compile(r"(?:19|20)\d\d")
_YEAR_BEFORE = re.compile(r"\b(?:in|since|from|of|by|until|year)\s+$", re.IGNORECASE)


def _number(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def _scaled(number: str, factor: float) -> float:
    """The amount without binary rounding noise: 8.3 billion is 8300000000, not 8300000000.000001."""
    return float(_number(number) * Decimal(repr(factor)))


def _money(m: re.Match[str], text: str, p: _Patterns) -> Money | None:
    groups = m.groupdict()
    if groups.get("sym"):
        currency = p.by_symbol[groups["sym"]]
    elif groups.get("code"):
        currency = p.by_code[groups["code"]]
    else:
        currency = p.by_name[groups["name"].lower()]
    mult = groups.get("mult")
    mult2 = groups.get("mult2")
    num2 = groups.get("num2")
    lead = text[max(0, m.start() - 8) : m.start()]
    year_first = _YEAR.fullmatch(groups["num"]) and _YEAR_BEFORE.search(lead)
    if num2 and year_first:
        return None  # "from 13.83 million USD in 2006 to 101 million USD": a year, then an amount
    if num2 and groups.get("to") and mult:
        # "US$20 billion to US$25 billion" is a movement (from -> to), not a range:
        # the pattern only reads "to" as a range when the first number has no scale.
        return None
    factor = p.scale[mult.lower()] if mult else 1.0
    factor2 = p.scale[mult2.lower()] if mult2 else factor
    if not mult and mult2:
        factor = factor2
    amount = _scaled(groups["num"], factor)
    high = _scaled(num2, factor2) if num2 else None
    if high is not None and high < amount:
        high = None  # "2024-25" style numbers, not a range of money
    q = p.qualifier_before.search(text[max(0, m.start() - 30) : m.start()])
    qualifier = p.qualifier[q.group(1).lower()] if q else None
    return Money(m.start(), m.end(), m.group(0), amount, currency, qualifier, high)


def find_money(text: str) -> list[Money]:
    """Every amount of money in `text`, leftmost first, without overlaps."""
    p = _patterns()
    found: list[Money] = []
    for pattern in (p.before, p.after):
        pos = 0
        while (m := pattern.search(text, pos)) is not None:
            pos = m.end()
            money = _money(m, text, p)
            if money is None:
                # a movement "US$20 billion to US$25 billion": read the first amount
                # alone and go on from its end, so the second is read too
                cut = m.start("dash") if m.group("dash") else m.start("to")
                short = pattern.match(text[:cut], m.start())
                money = _money(short, text, p) if short else None
                pos = short.end() if short else m.start() + 1
            if money is not None:
                found.append(money)
    if p.in_words.search(text):
        found += _in_words(text, p)
    found.sort(key=lambda x: (x.start, -(x.end - x.start)))
    out: list[Money] = []
    for money in found:
        if out and money.start < out[-1].end:
            continue
        out.append(money)
    return out


#: the words of approximation a conversion opens with: "(about US$1.2 billion)", "(more than S$42 billion)"
_ABOUT = (r"(?:about|around|approximately|roughly|some|nearly|almost|over|more\s+than|close\s+to"
          r"|equivalent\s+to|or|~)")
_OPEN = re.compile(rf"^\s*[(\[]\s*{_ABOUT}?\s*$", re.IGNORECASE)
_CLOSE = re.compile(r"^\s*(?:(?:US\s+)?dollars?\s*)?[)\]]", re.IGNORECASE)
#: a conversion in wire style, after a comma: "270 billion won, or about US$195 million"
_OR = re.compile(rf"^\s*,\s*or\s+(?:{_ABOUT}\s+)?$", re.IGNORECASE)


def merge_conversions(text: str, amounts: list[Money]) -> list[Money]:
    """One figure written in two currencies ("RM85.4 billion (US$19.5 billion)")
    is one amount: the US-dollar one is kept when there is one, else the first."""
    out: list[Money] = []
    k = 0
    while k < len(amounts):
        a = amounts[k]
        if k + 1 < len(amounts):
            b = amounts[k + 1]
            gap = text[a.end : b.start]
            if a.currency != b.currency and (
                (_OPEN.match(gap) and _CLOSE.match(text[b.end : b.end + 14])) or _OR.match(gap)
            ):
                # the US-dollar one spans both: the words before the figure are those before its first
                usd = b.currency == "USD"
                out.append(replace(b, start=a.start, qualifier=b.qualifier or a.qualifier) if usd else a)
                k += 2
                continue
        out.append(a)
        k += 1
    return out
