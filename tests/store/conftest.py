"""Fixtures of the store's tests.

`store_url`: where a test's store lives. By default a real SQLite file in the
test's tmp_path; SCALE extends this fixture to also run every store test
against a real PostgreSQL server. Tests take their database only through it.

`dev_extractions`: the dev reports read and extracted once per session by the
real pipeline. `gold_extractions`: the dev reports with their gold records
(../shared/eval/dev/gold.jsonl) as `Extraction`s, each record's span found by
locating its evidence sentence in the report's text; they give the store
meetings and documents to merge whatever the extractor finds today.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

DATA = Path(__file__).parent / "data"


def _pgserver():
    """tests/postgres/pgserver.py (a real PostgreSQL for the session), loaded by path."""
    import importlib.util

    path = Path(__file__).parents[1] / "postgres" / "pgserver.py"
    spec = importlib.util.spec_from_file_location("_pgserver_loader", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.load()


postgres_server = _pgserver().postgres_server
postgres_url = _pgserver().postgres_url


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A real SQLite file, and a fresh database on a real PostgreSQL server
    (skipped only when no PostgreSQL binaries are installed)."""
    if request.param == "postgresql":
        return request.getfixturevalue("postgres_url")
    return f"sqlite:///{tmp_path / 'store.db'}"


@pytest.fixture
def db(store_url: str):
    import diplograph

    store = diplograph.open(store_url)
    yield store
    store.close()


@pytest.fixture(scope="session")
def dev_reports(dev_docs: list[Path]):
    from diplograph.read import read_paths

    return list(read_paths(dev_docs))


@pytest.fixture(scope="session")
def dev_extractions(dev_reports, nlp):
    from diplograph import pipeline

    return list(pipeline.run(dev_reports, nlp=nlp, jobs=1))


def span_of(text: str, evidence: str):
    """The [start, end) of `evidence` in `text` (whitespace-insensitive), or None."""
    import re

    from diplograph.records import Span

    start = text.find(evidence)
    if start >= 0:
        return Span(start, start + len(evidence))
    words = evidence.split()
    if not words:
        return None
    match = re.search(r"\s+".join(re.escape(w) for w in words), text)
    return Span(match.start(), match.end()) if match else None


def _date(value):
    from diplograph.records import ResolvedDate

    return ResolvedDate(value, "day" if value else None, "explicit" if value else "unknown")


def extraction_from_gold(report, gold: dict):
    """An Extraction carrying the gold records of one report (records whose
    evidence is not found verbatim in the text are left out)."""
    from diplograph import records as r

    text = report.text
    out = r.Extraction(report)

    def located(item):
        span = span_of(text, item.get("evidence") or "")
        return span

    for p in gold.get("persons", []):
        span = located(p)
        if span:
            out.persons.append(r.Person(p["name"], p.get("country"), p.get("role"), span.of(text), span))
    for m in gold.get("meetings", []):
        span = located(m)
        if span:
            parts = [r.Participant(x.get("name"), x.get("country")) for x in m["participants"]]
            out.meetings.append(
                r.Meeting(
                    parts,
                    _date(m.get("date")),
                    m.get("location"),
                    m.get("occasion"),
                    "meeting",
                    span.of(text),
                    span,
                )
            )
    for d in gold.get("documents", []):
        span = located(d)
        if span:
            out.documents.append(
                r.Document(
                    d["title"],
                    d.get("parties") or [],
                    d["status"],
                    _date(d.get("date")),
                    span.of(text),
                    span,
                )
            )
    for t in gold.get("targets", []):
        span = located(t)
        if span:
            out.targets.append(
                r.Target(
                    t.get("parties") or [],
                    t.get("metric") or "",
                    t.get("amount_usd"),
                    t.get("year"),
                    t["status"],
                    span.of(text),
                    span,
                    t.get("amount"),
                    t.get("currency"),
                )
            )
    for p in gold.get("partnerships", []):
        span = located(p)
        if span:
            out.partnerships.append(
                r.Partnership(
                    p.get("parties") or [],
                    p["level"],
                    p.get("change") or "existing",
                    span.of(text),
                    span,
                )
            )
    return out


@pytest.fixture(scope="session")
def gold_extractions(shared: Path, dev_reports):
    gold = {}
    for line in (shared / "eval" / "dev" / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            gold[record["doc_id"]] = record
    return [
        extraction_from_gold(rep, gold.get(rep.id, {})) for rep in dev_reports if hasattr(rep, "text")
    ]


@pytest.fixture(scope="session")
def five_outlets():
    """The five reports of one meeting (tests/store/data/five_outlets) and,
    for each, the records an extractor reads in it (records.yaml)."""
    from diplograph import records as r
    from diplograph.read import read_paths

    folder = DATA / "five_outlets"
    wanted = yaml.safe_load((folder / "records.yaml").read_text(encoding="utf-8"))
    reports = [x for x in read_paths(sorted(folder.glob("*.txt")))]
    out = []
    for report in reports:
        spec = wanted[report.id]
        text = report.text
        extraction = r.Extraction(report)
        for p in spec["persons"]:
            span = span_of(text, p["evidence"])
            extraction.persons.append(r.Person(p["name"], p["country"], p["role"], span.of(text), span))
        m = spec["meeting"]
        span = span_of(text, m["evidence"])
        assert span is not None, (report.id, m["evidence"])
        date = r.ResolvedDate(m["date"], "day" if m["date"] else None, m["how"])
        extraction.meetings.append(
            r.Meeting(
                [r.Participant(n, c) for n, c in m["participants"]],
                date,
                m["location"],
                m["occasion"],
                "meeting",
                span.of(text),
                span,
            )
        )
        out.append(extraction)
    return out
