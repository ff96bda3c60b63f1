"""Consistency checks of a store: what must hold whatever happened to the
process that wrote it (killed, crashed, interrupted).

Why portable checks beside SQLite's own: PRAGMA integrity_check and
foreign_key_check only exist on SQLite; the orphan and count checks below are
plain SQL built from the schema's foreign keys, so they run on PostgreSQL too;
the kept counts (`store.counts`) are recounted from their base tables.
"""

from __future__ import annotations

from sqlalchemy import Engine, and_, func, select, text

from diplograph.store.schema import RECORD_TABLES, metadata


def problems(engine: Engine) -> list[str]:
    """Every inconsistency found (an empty list when the store is sound)."""
    found: list[str] = []
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            verdict = conn.execute(text("PRAGMA integrity_check")).scalars().all()
            if verdict != ["ok"]:
                found.extend(f"integrity_check: {v}" for v in verdict)
            for row in conn.execute(text("PRAGMA foreign_key_check")):
                found.append(f"foreign_key_check: {tuple(row)}")
        for table in metadata.sorted_tables:
            for fk in table.foreign_keys:
                column = fk.parent
                target_table = fk.column.table.alias("target")  # an alias: reports points at itself
                target = target_table.c[fk.column.name]
                orphans = conn.execute(
                    select(func.count())
                    .select_from(table)
                    .where(
                        column.is_not(None),
                        ~select(target).where(target == column).exists(),
                    )
                ).scalar()
                if orphans:
                    found.append(
                        f"{table.name}.{column.name}: {orphans} rows point to no {fk.column.table.name}"
                    )
        for kind, (records, sources) in RECORD_TABLES.items():
            counted = (
                select(func.count(func.distinct(sources.c.report_id)))
                .where(sources.c.record_id == records.c.id)
                .scalar_subquery()
            )
            wrong = conn.execute(
                select(func.count()).select_from(records).where(records.c.source_count != counted)
            ).scalar()
            if wrong:
                found.append(
                    f"{records.name}: {wrong} records whose source_count is not their sources' count"
                )
            unsupported = conn.execute(
                select(func.count())
                .select_from(records)
                .where(~select(sources.c.record_id).where(sources.c.record_id == records.c.id).exists())
            ).scalar()
            if unsupported:
                found.append(f"{records.name}: {unsupported} {kind} records without any source")
        events, _ = RECORD_TABLES["event"]
        from diplograph.store.schema import event_participants

        alone = conn.execute(
            select(func.count())
            .select_from(events)
            .where(
                ~select(event_participants.c.event_id)
                .where(and_(event_participants.c.event_id == events.c.id))
                .exists()
            )
        ).scalar()
        if alone:
            found.append(f"events: {alone} events without participants")
        from diplograph.store.counts import drift

        found.extend(f"kept count: {problem}" for problem in drift(conn))
    return found
