"""Full-text search over evidence sentences, persons' names and document titles.

Why FTS and not LIKE: an analyst types "Pham Minh Chinh" or "Viet Nam" and
expects the records written "Phạm Minh Chính" too, ranked by relevance and
paged with a total. On SQLite each searchable column gets an FTS5 index
(`unicode61 remove_diacritics 2`, so accents fold on both the text and the
query; bm25 ranking) kept in step with its table by triggers: the writer
(`write.py`) needs no change, and Datasette sees each index as the FTS table
of its content table (`content="event_sources"`), so its search box works
there too. On PostgreSQL the same question is asked with its own full-text
search (`to_tsvector` / `plainto_tsquery`, `ts_rank`) over `unaccent`ed
text, computed at query time.

The external-content indexes follow their tables' rowids; a `VACUUM` may
renumber those, after which `rebuild()` puts the indexes right.
"""

from __future__ import annotations

import re

from sqlalchemy import Connection, Engine, text

from diplograph.store.results import SearchHit

#: (FTS table, content table, indexed column, hit kind)
INDEXES = (
    ("event_sources_fts", "event_sources", "evidence", "event"),
    ("document_sources_fts", "document_sources", "evidence", "document"),
    ("target_sources_fts", "target_sources", "evidence", "target"),
    ("partnership_sources_fts", "partnership_sources", "evidence", "partnership"),
    ("documents_fts", "documents", "title", "document"),
    ("actors_fts", "actors", "name", "actor"),
)
TOKENIZE = "unicode61 remove_diacritics 2"


def _ddl(fts: str, content: str, column: str) -> list[str]:
    return [
        f'CREATE VIRTUAL TABLE {fts} USING fts5({column}, content="{content}", '
        f"content_rowid='rowid', tokenize='{TOKENIZE}')",
        f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {content} BEGIN "
        f"INSERT INTO {fts}(rowid, {column}) VALUES (new.rowid, new.{column}); END",
        f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {content} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {column}) VALUES ('delete', old.rowid, old.{column}); END",
        f"CREATE TRIGGER {fts}_au AFTER UPDATE OF {column} ON {content} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {column}) VALUES ('delete', old.rowid, old.{column}); "
        f"INSERT INTO {fts}(rowid, {column}) VALUES (new.rowid, new.{column}); END",
    ]


def ensure(engine: Engine, conn: Connection | None = None) -> None:
    """Create the missing indexes (and fill them from rows already stored),
    in `conn`'s transaction when given (the store's write lock: two processes
    opening a new store create them once)."""
    if engine.dialect.name != "sqlite":
        _ensure_unaccent(engine)
        return
    if conn is None:
        with engine.begin() as own:
            ensure(engine, own)
        return
    have = set(
        conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')").scalars()
    )
    for fts, content, column, _ in INDEXES:
        if fts in have:
            continue
        for statement in _ddl(fts, content, column):
            conn.exec_driver_sql(statement)
        conn.exec_driver_sql(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")


def rebuild(engine: Engine) -> None:
    """Rebuild every index from its table (after a VACUUM renumbered rowids)."""
    if engine.dialect.name != "sqlite":
        return
    with engine.begin() as conn:
        for fts, *_ in INDEXES:
            conn.exec_driver_sql(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")


def _ensure_unaccent(engine: Engine) -> None:
    """PostgreSQL's `unaccent` extension, when the server has it and we may create it."""
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS unaccent")
    except Exception:  # noqa: BLE001 - no contrib package or no right: search without folding
        pass


def _has_unaccent(conn: Connection) -> bool:
    return bool(conn.exec_driver_sql("SELECT 1 FROM pg_extension WHERE extname = 'unaccent'").scalar())


WORD = re.compile(r"\w+", re.UNICODE)


def match_expression(words: str) -> str | None:
    """User text -> an FTS5 query: every word must occur (each quoted, so
    FTS5's operators and punctuation in the text are plain words)."""
    tokens = WORD.findall(words)
    return " ".join(f'"{t}"' for t in tokens) or None


#: For each content table: the hit's columns (id, text, report, span, date, type) as SQL over alias `c`
#: and the joins that give them (a record's report is its first source's).
_FIRST = "(SELECT {col} FROM {src} f WHERE f.record_id = c.id ORDER BY f.report_id, f.span_start LIMIT 1)"
_HITS = {
    "event_sources": (
        "c.record_id, c.evidence, c.report_id, c.span_start, c.span_end, e.date, e.type",
        "JOIN events e ON e.id = c.record_id",
    ),
    "document_sources": (
        "c.record_id, c.evidence, c.report_id, c.span_start, c.span_end, d.date, d.status",
        "JOIN documents d ON d.id = c.record_id",
    ),
    "target_sources": (
        "c.record_id, c.evidence, c.report_id, c.span_start, c.span_end, CAST(t.year AS TEXT), t.status",
        "JOIN targets t ON t.id = c.record_id",
    ),
    "partnership_sources": (
        "c.record_id, c.evidence, c.report_id, c.span_start, c.span_end, p.first_published, p.change",
        "JOIN partnerships p ON p.id = c.record_id",
    ),
    "documents": (
        "c.id, c.title, "
        + ", ".join(
            _FIRST.format(col=x, src="document_sources") for x in ("report_id", "span_start", "span_end")
        )
        + ", c.date, c.status",
        "",
    ),
    "actors": (
        "c.id, c.name, "
        + ", ".join(
            f"(SELECT {x} FROM mentions m WHERE m.actor_id = c.id ORDER BY m.report_id, m.span_start LIMIT 1)"
            for x in ("report_id", "span_start", "span_end")
        )
        + ", NULL, c.kind",
        "",
    ),
}


#: Matches an index ranks by relevance; past this a word is too common to rank
#: on every request (a million sentences), and its hits come newest first, after
#: the ranked ones. The total then counts up to RANKED + 1 per index ("5000+").
RANKED = 5000


def search(
    conn: Connection, words: str, kinds: set[str] | None = None, limit: int = 50, offset: int = 0
) -> tuple[list[SearchHit], int]:
    """One page of hits, best first (bm25 on SQLite, ts_rank on PostgreSQL),
    and how many there are in all (counted up to RANKED + 1 per index). Each
    index gives its best `offset + limit` rows, already ranked by the
    database; the page is cut from their merge."""
    sqlite = conn.dialect.name == "sqlite"
    if sqlite:
        expression = match_expression(words)
        if expression is None:
            return [], 0
        params = {"q": expression, "n": offset + limit}
    else:
        params = {"q": words, "n": offset + limit}
        fold = "unaccent" if _has_unaccent(conn) else ""
    ranked: list[tuple] = []
    total = 0
    for fts, content, column, kind in INDEXES:
        if kinds and kind not in kinds:
            continue
        columns, joins = _HITS[content]
        if sqlite:
            source = f"{fts} JOIN {content} c ON c.rowid = {fts}.rowid {joins}"
            where, rank = f"{fts} MATCH :q", f"bm25({fts})"
        else:
            vector = f"to_tsvector('simple', {fold}(c.{column}))"
            query = f"plainto_tsquery('simple', {fold}(:q))"
            source = f"{content} c {joins}"
            where, rank = f"{vector} @@ {query}", f"-ts_rank({vector}, {query})"
        if content == "actors":  # persons, by a report that names them (states are not searched)
            where += " AND c.kind = 'person' AND EXISTS (SELECT 1 FROM mentions m WHERE m.actor_id = c.id)"
        found = conn.execute(
            text(f"SELECT count(*) FROM (SELECT 1 FROM {source} WHERE {where} LIMIT {RANKED + 1}) x"), params
        ).scalar()
        total += found or 0
        if found and found > RANKED:  # too many to rank each time: newest rows first, after the ranked
            key = f"{fts}.rowid" if sqlite else "c.ctid"
            rank, order = "0", f"{key} DESC"
        else:
            order = "rank"
        rows = conn.execute(
            text(f"SELECT {rank} AS rank, {columns} FROM {source} WHERE {where} ORDER BY {order} LIMIT :n"),
            params,
        )
        ranked.extend((r[0], kind, *r[1:]) for r in rows)
    ranked.sort(key=lambda r: (r[0], r[1], r[2], r[4] or "", r[5] or 0))
    page = ranked[offset : offset + limit]
    hits = [
        SearchHit(kind, rid, body, report or "", start or 0, end or 0, date=when, type=what)
        for _, kind, rid, body, report, start, end, when, what in page
    ]
    _add_reports(conn, hits)
    return hits, total


def _add_reports(conn: Connection, hits: list[SearchHit]) -> None:
    """Each hit's report: URL, title, publication date (one query for the page)."""
    ids = sorted({h.report_id for h in hits if h.report_id})
    if not ids:
        return
    marks = ", ".join(f":r{i}" for i in range(len(ids)))
    found = {
        r.id: r
        for r in conn.execute(
            text(f"SELECT id, url, title, published FROM reports WHERE id IN ({marks})"),
            {f"r{i}": v for i, v in enumerate(ids)},
        )
    }
    for h in hits:
        r = found.get(h.report_id)
        if r is not None:
            h.url, h.title, h.published = r.url, r.title, r.published
