"""The store's tables: plain SQL tables, foreign keys and indexes (SQLAlchemy Core).

Why plain tables: the database must be readable by ordinary SQLite tools
(the `sqlite3` shell, Datasette) and the same definitions must run on
PostgreSQL, so there is no ORM and no engine-specific type. Dates are ISO
text (`YYYY-MM-DD`), which sorts and compares the same way everywhere, and
month bucketing is `substr(date, 1, 7)` on both engines.

Every extracted record lives once (merged across reports) in its own table
and points back to the sentences behind it through a `*_sources` table:
(record, report, [start, end) span into the report's original text,
evidence). `docs/schema.md` documents every table, column and index.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

#: Bumped when a table changes shape; stored in `meta` so an old file is detected.
SCHEMA_VERSION = 4

metadata = MetaData()

# Internal tables (the store's own bookkeeping) carry a `_` prefix, so an
# analyst's tool lists them apart from the records.
meta = Table(
    "_meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

reports = Table(
    "reports",
    metadata,
    Column("id", String(255), primary_key=True),
    Column("url", Text),
    Column("title", Text),
    Column("published", String(10)),
    Column("published_how", String(32)),
    Column("source", Text),
    Column("content_hash", String(64), nullable=False),
    Column("text", Text, nullable=False),
    Column("duplicate_of", String(255), ForeignKey("reports.id", ondelete="SET NULL")),
    Column("similarity", Float),
    Column("minhash", LargeBinary),  # MinHash signature (uint64 little-endian)
    Column("shingles", Integer),  # how many distinct word shingles the text has
    Column("ingested_at", String(32), nullable=False),
)
Index("ix_reports_content_hash", reports.c.content_hash)
Index("ix_reports_duplicate_of", reports.c.duplicate_of)
Index("ix_reports_published", reports.c.published)

# Locality-sensitive hashing bands of each report's MinHash signature: two
# reports sharing any (band, bucket) are near-duplicate candidates.
report_bands = Table(
    "_report_bands",
    metadata,
    Column("band", Integer, primary_key=True),
    Column("bucket", BigInteger, primary_key=True),
    Column("report_id", String(255), ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True),
)
Index("ix__report_bands_report", report_bands.c.report_id)

actors = Table(
    "actors",
    metadata,
    Column("id", String(255), primary_key=True),
    Column("name", Text, nullable=False),
    Column("kind", String(16), nullable=False),  # state | body | person
    Column("country", String(64)),  # a person's state/body; a state's or body's own code
    Column("role", Text),  # a person's latest reported role
)
Index("ix_actors_kind", actors.c.kind)
Index("ix_actors_country", actors.c.country)

actor_aliases = Table(
    "actor_aliases",
    metadata,
    Column("actor_id", String(255), ForeignKey("actors.id", ondelete="CASCADE"), primary_key=True),
    Column("folded", String(255), primary_key=True),  # the matching key (see merge.name_key)
    Column("alias", Text, nullable=False),  # a spelling as found
)
Index("ix_actor_aliases_folded", actor_aliases.c.folded)

mentions = Table(
    "mentions",
    metadata,
    Column("report_id", String(255), ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True),
    Column("actor_id", String(255), ForeignKey("actors.id", ondelete="CASCADE"), primary_key=True),
    Column("span_start", Integer, primary_key=True),
    Column("span_end", Integer, nullable=False),
    Column("name", Text, nullable=False),
    Column("role", Text),
    Column("evidence", Text, nullable=False),
)
Index("ix_mentions_actor", mentions.c.actor_id)

events = Table(
    "events",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("kind", String(16), nullable=False),  # meeting | event
    Column("type", String(32), nullable=False),  # PLOVER event type (CONSULT for meetings)
    Column("mode", String(32)),
    Column("date", String(10)),
    Column("date_precision", String(8)),
    Column("date_how", String(16)),
    Column("anchor", String(10)),  # date, else the first source's publication date: for order/windows
    Column("location", Text),
    Column("occasion", Text),
    Column("sides", String(255), nullable=False),  # merge key: ",CODE,CODE," of the sides
    Column("evidence", Text, nullable=False),
    Column("source_count", Integer, nullable=False, default=0),
)
Index("ix_events_anchor", events.c.anchor)
Index("ix_events_type_anchor", events.c.type, events.c.anchor)
Index("ix_events_sides", events.c.sides, events.c.anchor)

event_participants = Table(
    "event_participants",
    metadata,
    Column("event_id", String(32), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("actor_id", String(255), ForeignKey("actors.id", ondelete="CASCADE"), primary_key=True),
    Column("country", String(64)),  # the side this participant stands for
    Column("role", String(16), nullable=False),  # actor | recipient
    Column("anchor", String(10)),  # copy of events.anchor so "by actor, newest first" is one index scan
)
Index("ix_event_participants_actor", event_participants.c.actor_id, event_participants.c.anchor)

# The states/bodies each event involves, one row per (event, side), and each
# ordered pair of them: derived from the participants when the event is
# created (an event's sides are part of its merge key, so they never change).
# They make the questions asked of a million events index-only scans:
# "events of Vietnam, newest first" and "per month" (event_sides),
# "Vietnam with Japan" and "partners of Vietnam" (event_pairs).
event_sides = Table(
    "event_sides",
    metadata,
    Column("event_id", String(32), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("side", String(255), primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("anchor", String(10)),
    Column("month", String(7)),  # substr(anchor, 1, 7), so the timeline groups along an index
)
Index("ix_event_sides_side_anchor", event_sides.c.side, event_sides.c.anchor)
Index("ix_event_sides_side_month", event_sides.c.side, event_sides.c.month, event_sides.c.kind)

event_pairs = Table(
    "event_pairs",
    metadata,
    Column("event_id", String(32), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("side", String(255), primary_key=True),
    Column("other", String(255), primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("anchor", String(10)),
)
Index(
    "ix_event_pairs_pair",
    event_pairs.c.side,
    event_pairs.c.other,
    event_pairs.c.anchor,
    event_pairs.c.kind,
)


def _sources(name: str, record_table: str) -> Table:
    """Provenance of one record kind: which report, which sentence."""
    return Table(
        name,
        metadata,
        Column(
            "record_id",
            String(32),
            ForeignKey(f"{record_table}.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        Column("report_id", String(255), ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True),
        Column("span_start", Integer, primary_key=True),
        Column("span_end", Integer, nullable=False),
        Column("evidence", Text, nullable=False),
        Column("detail", Text),  # what this source said where it differs (status, change, mode)
        Column("rule", String(96)),  # the extraction rule that found it in this sentence (schema 3)
    )


event_sources = _sources("event_sources", "events")
Index("ix_event_sources_report", event_sources.c.report_id)

documents = Table(
    "documents",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("title", Text, nullable=False),
    Column("title_key", Text, nullable=False),
    Column("parties", String(255), nullable=False),  # ",CODE,CODE," sorted
    Column("status", String(16), nullable=False),  # signed | planned
    Column("date", String(10)),
    Column("date_precision", String(8)),
    Column("date_how", String(16)),
    Column("evidence", Text, nullable=False),
    Column("source_count", Integer, nullable=False, default=0),
)
Index("ix_documents_parties", documents.c.parties)
document_sources = _sources("document_sources", "documents")
Index("ix_document_sources_report", document_sources.c.report_id)

targets = Table(
    "targets",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("parties", String(255), nullable=False),
    Column("metric", Text, nullable=False),
    Column("metric_key", String(255), nullable=False),
    Column("amount_usd", Float),
    Column("amount", Float),
    Column("currency", String(16)),
    Column("year", Integer),
    Column("status", String(16), nullable=False),  # target | actual
    Column("evidence", Text, nullable=False),
    Column("first_published", String(10)),  # earliest publication date among its sources
    Column("source_count", Integer, nullable=False, default=0),
)
Index("ix_targets_parties", targets.c.parties, targets.c.metric_key, targets.c.status)
target_sources = _sources("target_sources", "targets")
Index("ix_target_sources_report", target_sources.c.report_id)

partnerships = Table(
    "partnerships",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("parties", String(255), nullable=False),
    Column("level", Text, nullable=False),
    Column("level_key", String(255), nullable=False),
    Column("change", String(16), nullable=False),  # upgraded | established | existing
    Column("evidence", Text, nullable=False),
    Column("first_published", String(10)),
    Column("source_count", Integer, nullable=False, default=0),
)
Index("ix_partnerships_parties", partnerships.c.parties)
partnership_sources = _sources("partnership_sources", "partnerships")
Index("ix_partnership_sources_report", partnership_sources.c.report_id)

# Counts kept as records are stored (schema 4), so a page over a million
# events reads a few hundred rows instead of counting the events: maintained
# in the writer's transaction by triggers on the tables they count
# (`store.counts`), whatever writes them (ingest, merge, reresolve, removal,
# a bulk loader). Internal: a `_` prefix. '' stands for "no month".
event_counts = Table(
    "_event_counts",  # events per (month of the anchor, type, kind, dated)
    metadata,
    Column("period", String(10), primary_key=True),  # substr(anchor, 1, 7): "YYYY-MM", "YYYY" or ''
    Column("type", String(32), primary_key=True),
    Column("kind", String(16), primary_key=True),
    Column("dated", Integer, primary_key=True),  # 1: dated in the text
    Column("n", BigInteger, nullable=False),
)
place_counts = Table(
    "_place_counts",  # meetings per stored location (the map)
    metadata,
    Column("location", Text, primary_key=True),
    Column("n", BigInteger, nullable=False),
)
actor_counts = Table(
    "_actor_counts",  # per actor id: events it is a side of, events it takes part in, mentions
    metadata,
    Column("actor_id", String(255), primary_key=True),
    Column("side_events", BigInteger, nullable=False),  # event_sides rows (states and bodies)
    Column("participant_events", BigInteger, nullable=False),  # event_participants rows (persons)
    Column("mentions", BigInteger, nullable=False),
)
side_months = Table(
    "_side_months",  # event_sides per (side, month, kind): an actor's timeline
    metadata,
    Column("side", String(255), primary_key=True),
    Column("month", String(10), primary_key=True),
    Column("kind", String(16), primary_key=True),
    Column("n", BigInteger, nullable=False),
)
pair_counts = Table(
    "_pair_counts",  # event_pairs per (side, other, kind): the network, a pair's totals
    metadata,
    Column("side", String(255), primary_key=True),
    Column("other", String(255), primary_key=True),
    Column("kind", String(16), primary_key=True),
    Column("n", BigInteger, nullable=False),
)
pair_months = Table(
    "_pair_months",  # event_pairs per (side, other, month, kind): a pair's chart, the network by dates
    metadata,
    Column("side", String(255), primary_key=True),
    Column("other", String(255), primary_key=True),
    Column("month", String(10), primary_key=True),
    Column("kind", String(16), primary_key=True),
    Column("n", BigInteger, nullable=False),
)
Index("ix__pair_months_month", pair_months.c.month, pair_months.c.kind)

#: Every record table with its sources table, in the order records are written.
RECORD_TABLES = {
    "event": (events, event_sources),
    "document": (documents, document_sources),
    "target": (targets, target_sources),
    "partnership": (partnerships, partnership_sources),
}
