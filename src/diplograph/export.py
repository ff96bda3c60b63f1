"""Exports of the store: JSON Lines, CSV, Parquet and PLOVER JSON Lines.

Why flat rows first: CSV and Parquet need one row per record with scalar or
list columns, so every kind has one `*_rows` function giving plain dicts that
all writers share; JSON Lines keeps the nested shape (participants, sources),
and PLOVER writes one event record per line with the fields of the PLOVER
codebook's data format (id, date, event, mode, context, actor, recipient,
event_text, ...) plus where the event was read. `context` holds the
codebook's general contexts ("military", "economic", "diplomatic", ...) the
event's sentences are in (`diplograph.plover.contexts`, the same words the
extractor codes with); negated and hypothetical events never reach the
store, so no record here needs the auxiliary ones.

Everything streams in pages, so exporting a large store keeps memory flat.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from typing import IO, Any

from diplograph.plover import contexts
from diplograph.store import Store
from diplograph.store.results import EventRow, Source

FORMATS = ("jsonl", "csv", "parquet", "plover")
KINDS = ("events", "documents", "targets", "partnerships", "actors", "reports")
PAGE = 5000


def _events(store: Store, **filters: Any) -> Iterator[EventRow]:
    offset = 0
    while True:
        page = store.events(limit=PAGE, offset=offset, **filters)
        yield from page
        if len(page) < PAGE:
            return
        offset += PAGE


def _join(values: list[str | None]) -> str:
    return "; ".join(v for v in values if v)


def provenance(sources: list[Source]) -> dict[str, str]:
    """A record's sources as flat columns: the reports, each evidence span
    (`report:start-end`), the reports' URLs where known, the sentences."""
    return {
        "report_ids": _join(list(dict.fromkeys(s.report_id for s in sources))),
        "spans": _join([f"{s.report_id}:{s.start}-{s.end}" for s in sources]),
        "urls": _join(list(dict.fromkeys(s.url for s in sources if s.url))),
        "source_evidence": " | ".join(s.evidence for s in sources),
    }


def event_flat(e: EventRow) -> dict[str, Any]:
    """One event as a flat row (CSV, Parquet), with its provenance."""
    return {
        "id": e.id,
        "kind": e.kind,
        "type": e.type,
        "mode": e.mode,
        "date": e.date,
        "date_precision": e.date_precision,
        "anchor": e.anchor,
        "location": e.location,
        "occasion": e.occasion,
        "actors": _join([a.name for a in e.actors]),
        "actor_ids": _join([a.id for a in e.actors]),
        "actor_countries": _join(sorted({a.country or "" for a in e.actors})),
        "recipients": _join([a.name for a in e.recipients]),
        "recipient_ids": _join([a.id for a in e.recipients]),
        "recipient_countries": _join(sorted({a.country or "" for a in e.recipients})),
        "source_count": e.source_count,
        "evidence": e.evidence,
        **provenance(e.sources),
    }


def plover(e: EventRow, store: Store) -> dict[str, Any]:
    """One event in the PLOVER record format: who (actor) did what (event,
    mode) to whom (recipient), when, where, and the text behind it."""
    sources = e.sources or store.sources("event", e.id)
    first = sources[0] if sources else None
    actor = e.actors[0] if e.actors else None
    recipient = e.recipients[0] if e.recipients else None
    return {
        "id": e.id,
        "date": e.date,
        "date_resolution": e.date_precision,
        "event": e.type,
        "mode": e.mode,
        "context": contexts(" ".join([e.evidence, *(s.evidence for s in sources[1:])])),
        "actor": actor.country if actor else None,
        "actor_name": actor.name if actor else None,
        "actor_text": _join([a.name for a in e.actors]),
        "recipient": recipient.country if recipient else None,
        "recipient_name": recipient.name if recipient else None,
        "recipient_text": _join([a.name for a in e.recipients]),
        "location": e.location,
        "event_text": e.evidence,
        "story_id": first.report_id if first else None,
        "story_date": first.published if first else None,
        "url": first.url if first else None,
        "source_count": e.source_count,
        "sources": [
            {
                "story_id": s.report_id,
                "url": s.url,
                "story_date": s.published,
                "span": [s.start, s.end],
                "event_text": s.evidence,
            }
            for s in sources
        ],
    }


def rows(store: Store, kind: str, **filters: Any) -> Iterator[dict[str, Any]]:
    """Flat rows of one record kind."""
    if kind == "events":
        yield from (event_flat(e) for e in _events(store, **filters))
    elif kind in ("documents", "targets", "partnerships"):
        # records between parties: one flat row each, parties joined, sources flattened
        for record in getattr(store, kind)():
            row = record.to_dict()
            row.pop("sources")
            row["parties"] = _join(record.parties)
            row.update(provenance(record.sources))
            yield row
    elif kind == "actors":
        for a in store.actors():
            row = a.to_dict()
            row["aliases"] = _join(a.aliases)
            yield row
    elif kind == "reports":
        for r in store.reports():
            row = r.to_dict()
            row.pop("text")
            yield row
    else:
        raise ValueError(f"unknown kind {kind!r} (one of {', '.join(KINDS)})")


def nested(store: Store, kind: str, **filters: Any) -> Iterator[dict[str, Any]]:
    """Records in their full shape (JSON Lines): events with participants and sources."""
    if kind == "events":
        for e in _events(store, **filters):
            yield e.to_dict()  # sources (report, span, sentence, URL) included
        return
    if kind in ("documents", "targets", "partnerships"):
        for record in getattr(store, kind)():
            yield record.to_dict()
        return
    yield from rows(store, kind, **filters)


def write(
    store: Store, fmt: str, out: IO[str] | IO[bytes] | str, kind: str = "events", **filters: Any
) -> int:
    """Write `kind` records in `fmt` to `out` (a text stream, or a path for
    parquet). Returns how many records were written."""
    if fmt == "plover":
        if kind != "events":
            raise ValueError("the PLOVER format holds events only")
        return _lines(out, (plover(e, store) for e in _events(store, **filters)))  # type: ignore[arg-type]
    if fmt == "jsonl":
        return _lines(out, nested(store, kind, **filters))  # type: ignore[arg-type]
    if fmt == "csv":
        return _csv(out, rows(store, kind, **filters))  # type: ignore[arg-type]
    if fmt == "parquet":
        return _parquet(out, rows(store, kind, **filters))
    raise ValueError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")


def _lines(out: IO[str], items: Iterator[dict[str, Any]]) -> int:
    n = 0
    for item in items:
        out.write(json.dumps(item, ensure_ascii=False) + "\n")
        n += 1
    out.flush()
    return n


def _csv(out: IO[str], items: Iterator[dict[str, Any]]) -> int:
    writer = None
    n = 0
    for item in items:
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(item))
            writer.writeheader()
        writer.writerow(item)
        n += 1
    out.flush()
    return n


def _parquet(out: IO[bytes] | str, items: Iterator[dict[str, Any]]) -> int:
    """Parquet in row groups of `PAGE` rows (pyarrow), so memory stays flat."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    writer = None
    batch: list[dict[str, Any]] = []
    n = 0
    schema = None

    def flush() -> None:
        nonlocal writer, schema
        if not batch:
            return
        table = pa.Table.from_pylist(batch, schema=schema)
        if writer is None:
            # A column empty in the first page has no type yet: text is the safe guess.
            fields = [
                pa.field(f.name, pa.string()) if pa.types.is_null(f.type) else f for f in table.schema
            ]
            schema = pa.schema(fields)
            table = table.cast(schema)
            writer = pq.ParquetWriter(out, schema)
        writer.write_table(table)
        batch.clear()

    for item in items:
        batch.append(item)
        n += 1
        if len(batch) >= PAGE:
            flush()
    flush()
    if writer is None:
        pq.write_table(pa.table({}), out)
    else:
        writer.close()
    return n
