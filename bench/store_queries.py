"""Store query latency on a million events.

    .venv/bin/python bench/store_queries.py [--events 1000000] [--db PATH] [--runs 60] [--reuse] [--pages]

A generator builds the store from REAL extracted records: the dev reports
(../shared/eval/dev/docs) go through the pipeline once, and every event and
meeting it extracts becomes a template (type, mode, location, evidence
sentence, span, and its report's text). The million events are those
templates with their actors shuffled (drawn from the actors the extraction
found, persons with their own country) and their dates drawn over ten
years, inserted in bulk through the store's own tables (indexes built after
the load, as a bulk loader would). Then each query the brief names is asked
`--runs` times with varying arguments through the public API
(`diplograph.open(...)`), and the p50/p95 per query is printed.

`--pages` also times the web UI's pages as a browser asks for them (the
FastAPI app over the same store, through httpx's in-process ASGI client: the
server's own time, no network): the dashboard, filtered event lists, an
actor, a pair, the network, the map, documents, targets, partnerships,
search and an event's page. The issue's target is a page p95 under 100 ms.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "eval" / "dev" / "docs"

BATCH = 20_000
#: Words an analyst searches: a person's name, a place, a rarer and a common word.
SEARCH_WORDS = ["Pham Minh Chinh", "Hanoi", "semiconductor", "strategic partnership", "trade"]


def templates() -> tuple[list, list[tuple[str, str, str | None]], dict[str, str]]:
    """(event templates, actors [(id, kind, country)], report texts) from the real pipeline."""
    from diplograph import pipeline
    from diplograph.read import read_paths
    from diplograph.records import Extraction

    items = []
    actors: dict[str, tuple[str, str, str | None]] = {}
    texts: dict[str, str] = {}
    from diplograph.actors.knowledge import knowledge

    kb = knowledge()
    for out in pipeline.run(read_paths(sorted(DEV.glob("*.txt"))), jobs=1):
        if not isinstance(out, Extraction):
            continue
        texts[out.report.id] = out.report.text
        for person in out.persons:
            if person.country:
                pid = f"{person.country}:{'-'.join(person.name.lower().split())}"
                actors[pid] = (pid, "person", person.country)
        for m in out.meetings:
            items.append(
                ("meeting", "CONSULT", m.mode, m.location, m.occasion, m.evidence, m.span, out.report.id)
            )
        for e in out.events:
            kind = "meeting" if e.type == "CONSULT" else "event"
            items.append((kind, e.type, e.mode, e.location, None, e.evidence, e.span, out.report.id))
            for code in e.actor + e.recipient:
                entity = kb.entities.get(code)
                if entity:
                    actors[code] = (code, entity.kind, code)
    for code in {a[2] for a in actors.values() if a[2]}:
        entity = kb.entities.get(code)
        actors.setdefault(code, (code, entity.kind if entity else "body", code))
    return items, sorted(actors.values()), texts


def build(url: str, n_events: int, seed: int = 1) -> dict[str, float]:
    """Fill an empty store at `url` with `n_events` events; return timings."""
    from sqlalchemy import Index

    from diplograph.actors.knowledge import knowledge
    from diplograph.store import db as store_db
    from diplograph.store import schema as s
    from diplograph.store.merge import parties_key
    from diplograph.store.write import side_rows

    t0 = time.perf_counter()
    items, actor_rows, texts = templates()
    t_extract = time.perf_counter() - t0
    rng = random.Random(seed)
    engine = store_db.connect(url)
    big = [s.events, s.event_participants, s.event_sources, s.event_sides, s.event_pairs]
    indexes = [ix for table in big for ix in table.indexes]
    for ix in indexes:
        ix.drop(engine)
    kb = knowledge()
    sides = sorted({a[2] for a in actor_rows if a[2]})
    persons_of: dict[str, list[str]] = {}
    for aid, kind, country in actor_rows:
        if kind == "person":
            persons_of.setdefault(country, []).append(aid)
    t1 = time.perf_counter()
    with engine.begin() as conn:
        conn.execute(
            s.actors.insert(),
            [
                {
                    "id": aid,
                    "name": kb.entities[aid].name if aid in kb.entities else aid,
                    "kind": kind,
                    "country": country,
                    "role": None,
                }
                for aid, kind, country in actor_rows
            ],
        )
        # One stored report per real report and bench copy (a source must point at a report).
        n_reports = max(1, n_events // 50)
        report_ids = [f"bench-{i:06d}" for i in range(n_reports)]
        text_ids = sorted(texts)
        for start in range(0, n_reports, BATCH):
            conn.execute(
                s.reports.insert(),
                [
                    {
                        "id": rid,
                        "text": texts[text_ids[i % len(text_ids)]],
                        "content_hash": f"{i:064d}",
                        "published": None,
                        "ingested_at": "2026-01-01T00:00:00",
                    }
                    for i, rid in enumerate(report_ids[start : start + BATCH], start)
                ],
            )
    first = date(2016, 1, 1)
    span_days = 3650
    done = 0
    while done < n_events:
        todo = min(BATCH, n_events - done)
        ev, parts, srcs, ones, twos = [], [], [], [], []
        for k in range(done, done + todo):
            kind, type_, mode, location, occasion, evidence, span, _rid = items[
                rng.randrange(len(items))
            ]
            a, b = rng.sample(sides, 2)
            day = (first + timedelta(days=rng.randrange(span_days))).isoformat()
            eid = f"{k:016x}"
            who = []
            for side, role in ((a, "actor"), (b, "recipient")):
                people = persons_of.get(side)
                actor_id = rng.choice(people) if people and rng.random() < 0.6 else side
                who.append(
                    {"event_id": eid, "actor_id": actor_id, "country": side, "role": role, "anchor": day}
                )
            key = parties_key([a, b]) if kind == "meeting" else parties_key([a]) + ">" + parties_key([b])
            ev.append(
                {
                    "id": eid,
                    "kind": kind,
                    "type": type_,
                    "mode": mode,
                    "date": day,
                    "date_precision": "day",
                    "date_how": "explicit",
                    "anchor": day,
                    "location": location,
                    "occasion": occasion,
                    "sides": key,
                    "evidence": evidence,
                    "source_count": 1,
                }
            )
            parts.extend(who)
            one, two = side_rows(eid, kind, day, [a, b])
            ones.extend(one)
            twos.extend(two)
            srcs.append(
                {
                    "record_id": eid,
                    "report_id": report_ids[rng.randrange(n_reports)],
                    "span_start": span.start,
                    "span_end": span.end,
                    "evidence": evidence,
                    "detail": mode,
                }
            )
        with engine.begin() as conn:
            conn.execute(s.events.insert(), ev)
            conn.execute(s.event_participants.insert(), parts)
            conn.execute(s.event_sources.insert(), srcs)
            conn.execute(s.event_sides.insert(), ones)
            conn.execute(s.event_pairs.insert(), twos)
        done += todo
    t_load = time.perf_counter() - t1
    t2 = time.perf_counter()
    for ix in indexes:
        Index.create(ix, engine)
    with engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")
    t_index = time.perf_counter() - t2
    engine.dispose()
    return {
        "extract_s": t_extract,
        "load_s": t_load,
        "index_s": t_index,
        "templates": len(items),
        "actors": len(actor_rows),
        "sides": len(sides),
    }


def p(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def measure(url: str, runs: int, seed: int = 2) -> dict[str, tuple[float, float, int]]:
    import diplograph

    rng = random.Random(seed)
    db = diplograph.open(url)
    with db.engine.connect() as conn:
        from sqlalchemy import select

        from diplograph.store.schema import actors

        codes = list(conn.execute(select(actors.c.id).where(actors.c.kind != "person")).scalars())
        persons = list(conn.execute(select(actors.c.id).where(actors.c.kind == "person")).scalars())

    def day() -> str:
        return (date(2016, 1, 1) + timedelta(days=rng.randrange(3600))).isoformat()

    def month_after(d: str) -> str:
        return (date.fromisoformat(d) + timedelta(days=30)).isoformat()

    queries = {
        "events by actor": lambda: db.events(actor=rng.choice(codes)),
        "events by person": lambda: db.events(actor=rng.choice(persons)) if persons else [],
        "events by pair": lambda: (lambda a, b: db.events(actor=a, with_=b))(*rng.sample(codes, 2)),
        "events by date range": lambda: (lambda d: db.events(since=d, until=month_after(d)))(day()),
        "events by actor+range": lambda: (
            lambda d: db.events(actor=rng.choice(codes), since=d, until=month_after(d))
        )(day()),
        "timeline": lambda: db.timeline(rng.choice(codes)),
        "relations": lambda: db.relations(rng.choice(codes)),
        # one page of full-text hits (FTS5 bm25) with the total, as /search asks it
        "search (page + total)": lambda: db.search_page(rng.choice(SEARCH_WORDS))[0],
        "facets": lambda: list(db.facets().values()),
    }
    out = {}
    for name, call in queries.items():
        call()  # warm the cache once, as a serving process would be
        times = []
        size = 0
        for _ in range(runs):
            t = time.perf_counter()
            result = call()
            times.append((time.perf_counter() - t) * 1000)
            size += len(result)
        out[name] = (statistics.median(times), p(times, 0.95), size // runs)
    db.close()
    return out


def measure_pages(url: str, runs: int, seed: int = 3) -> dict[str, tuple[float, float, int]]:
    """p50/p95 ms of each web page, over `runs` requests with varying arguments."""
    from fastapi.testclient import TestClient
    from sqlalchemy import select

    import diplograph
    from diplograph.serve.app import create_app
    from diplograph.serve.settings import Settings
    from diplograph.store.schema import actors, events

    rng = random.Random(seed)
    db = diplograph.open(url)
    with db.engine.connect() as conn:
        codes = list(conn.execute(select(actors.c.id).where(actors.c.kind != "person")).scalars())
        event_ids = list(conn.execute(select(events.c.id).limit(5000)).scalars())
    db.close()
    types = ["CONSULT", "AGREE", "SUPPORT", "COOPERATE", "REQUEST"]

    def year() -> int:
        return rng.randrange(2016, 2026)

    pages = {
        "dashboard": lambda: "/",
        "events": lambda: "/events",
        "events ?type": lambda: f"/events?type={rng.choice(types)}",
        "events ?actor&since": lambda: f"/events?actor={rng.choice(codes)}&since={year()}-01-01",
        "events page 5": lambda: "/events?offset=200",
        "event": lambda: f"/events/{rng.choice(event_ids)}",
        "actors": lambda: "/actors",
        "actor": lambda: f"/actors/{rng.choice(codes)}",
        "pair": lambda: "/pair/{}/{}".format(*rng.sample(codes, 2)),
        "network": lambda: "/network",
        "map": lambda: "/map",
        "documents": lambda: "/documents",
        "targets": lambda: "/targets",
        "partnerships": lambda: "/partnerships",
        "search": lambda: f"/search?q={rng.choice(SEARCH_WORDS)}",
    }
    out = {}
    with TestClient(create_app(Settings(db=url)), base_url="http://127.0.0.1") as client:
        for name, path in pages.items():
            client.get(path())  # warm, as a serving process would be
            times, size = [], 0
            for _ in range(runs):
                target = path()
                t = time.perf_counter()
                answer = client.get(target)
                times.append((time.perf_counter() - t) * 1000)
                if answer.status_code != 200:
                    raise SystemExit(f"{target}: HTTP {answer.status_code}")
                size += len(answer.content)
            out[name] = (statistics.median(times), p(times, 0.95), size // runs // 1024)
    return out


def report(title: str, results: dict[str, tuple[float, float, int]], unit: str) -> float:
    """Print one table; return its worst p95."""
    print(f"{title:24} {'p50 ms':>8} {'p95 ms':>8} {unit:>6}   (target: p95 < 100 ms)")
    worst = 0.0
    for name, (p50, p95, rows) in results.items():
        worst = max(worst, p95)
        print(f"{name:24} {p50:8.1f} {p95:8.1f} {rows:6d}   {'ok' if p95 < 100 else 'SLOW'}")
    return worst


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", help="Store path or URL (default: a temporary SQLite file).")
    parser.add_argument("--runs", type=int, default=60)
    parser.add_argument(
        "--reuse", action="store_true", help="Measure an already built --db, do not build."
    )
    parser.add_argument("--pages", action="store_true", help="Also time the web UI's pages.")
    args = parser.parse_args()
    tmp = None
    if args.db is None:
        tmp = tempfile.TemporaryDirectory(prefix="store-bench-")
        args.db = str(Path(tmp.name) / "bench.db")
    from diplograph.store.db import to_url

    url = to_url(args.db)
    if not args.reuse:
        info = build(url, args.events)
        print(
            f"built {args.events:,} events from {info['templates']} real extracted records "
            f"({info['actors']} actors, {info['sides']} states/bodies): extraction {info['extract_s']:.1f}s, "
            f"load {info['load_s']:.1f}s, indexes {info['index_s']:.1f}s",
            flush=True,
        )
    worst = report("query", measure(url, args.runs), "rows")
    if args.pages:
        worst = max(worst, report("page", measure_pages(url, args.runs), "KiB"))
    if tmp:
        tmp.cleanup()
    return 0 if worst < 100 else 1


if __name__ == "__main__":
    sys.exit(main())
