"""The Parquet tables a Spark run writes: one row per record of one report.

Why per report and not merged: merging across reports (one meeting told by
ten outlets becomes one event with ten sources) is the store's job and must
be exactly the merge `ingest` does. So Spark writes what each report says,
losslessly, and `load` rebuilds each report's `Extraction` from these rows
and hands it to the store like `ingest` does. The round trip
(`rows_of` then `extraction_from`) is the identity, which the tests check.

Tables (every record row carries `report_id` and its index `idx` in the report):
  reports       the report as read (id, url, title, published, how, source, text)
  persons       people named, with role, country, aliases, how the country was found
                (every record table also keeps rule, rules, trace: which rule made it)
  stated        persons whose state the report states explicitly (the store learns them)
  events        meetings (kind=meeting, type CONSULT) and PLOVER events (kind=event)
  participants  who took part in an event: meeting participants (side=participant),
                event actors and recipients (side=actor | recipient)
  documents, targets, partnerships
  vetoes        findings a rule made and a check refused (`extract --explain`)
  provenance    every sentence behind every record: (record_table, record_idx, span, evidence);
                the record's main sentence has position 0, a meeting's other sentences follow
  errors        reports that failed (id, source, reason, stage): nothing is lost
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import pyarrow as pa

from diplograph.records import (
    Document,
    Event,
    Extraction,
    Failure,
    Meeting,
    Participant,
    Partnership,
    Person,
    Report,
    ResolvedDate,
    Span,
    StatedActor,
    Target,
    Veto,
)

_str, _int, _float, _bool = pa.string(), pa.int64(), pa.float64(), pa.bool_()
_strings = pa.list_(pa.string())
_date = [("date", _str), ("date_precision", _str), ("date_how", _str)]
_record = [("report_id", _str), ("idx", _int)]
#: Provenance of a record (records.Provenance: `extract --explain`)
_rule = [("rule", _str), ("rules", _strings), ("trace", _strings)]

#: table -> Arrow schema. The column order is the order in the Parquet files.
SCHEMAS: dict[str, pa.Schema] = {
    name: pa.schema(fields)
    for name, fields in {
        "reports": [
            ("id", _str), ("url", _str), ("title", _str), ("published", _str),
            ("published_how", _str), ("source", _str), ("text", _str),
            ("title_derived", _bool),  # the title came from cleaning: not in the content hash
        ],
        "persons": [*_record, ("name", _str), ("country", _str), ("role", _str), ("aliases", _strings),
                    ("country_how", _str), *_rule],
        "stated": [*_record, ("name", _str), ("country", _str), ("role", _str)],
        "events": [
            *_record, ("kind", _str), ("type", _str), ("mode", _str), *_date,
            ("location", _str), ("occasion", _str), ("context", _strings), ("negated", pa.bool_()),
            ("hypothetical", pa.bool_()), *_rule,
        ],
        "participants": [
            ("report_id", _str), ("event_idx", _int), ("position", _int), ("side", _str),
            ("name", _str), ("country", _str),
        ],
        "documents": [*_record, ("title", _str), ("parties", _strings), ("status", _str), *_date, *_rule],
        "targets": [
            *_record, ("parties", _strings), ("metric", _str), ("amount_usd", _float), ("year", _int),
            ("status", _str), ("amount", _float), ("currency", _str), *_rule,
        ],
        "partnerships": [*_record, ("parties", _strings), ("level", _str), ("change", _str), *_rule],
        "provenance": [
            ("report_id", _str), ("record_table", _str), ("record_idx", _int), ("position", _int),
            ("span_start", _int), ("span_end", _int), ("evidence", _str),
        ],
        "vetoes": [*_record, ("rule", _str), ("veto", _str), ("span_start", _int), ("span_end", _int),
                   ("evidence", _str)],
        "errors": [("id", _str), ("source", _str), ("reason", _str), ("stage", _str)],
    }.items()
}  # fmt: skip

TABLES: tuple[str, ...] = tuple(SCHEMAS)

Rows = dict[str, list[dict[str, Any]]]


def _rule_columns(record: Any) -> dict[str, Any]:
    return {"rule": record.rule, "rules": list(record.rules), "trace": list(record.trace)}


def _rule_fields(row: dict[str, Any]) -> dict[str, Any]:
    return {"rule": row.get("rule"), "rules": _list(row, "rules"), "trace": _list(row, "trace")}


def _date_columns(date: ResolvedDate) -> dict[str, Any]:
    return {"date": date.value, "date_precision": date.precision, "date_how": date.how}


def _provenance(rows: Rows, report_id: str, table: str, idx: int, text: str, spans: list[Span],
                evidence: str) -> None:  # fmt: skip
    """The main sentence first (with the evidence as extracted), then any others."""
    for position, span in enumerate(spans):
        rows["provenance"].append(
            {
                "report_id": report_id, "record_table": table, "record_idx": idx, "position": position,
                "span_start": span.start, "span_end": span.end,
                "evidence": evidence if position == 0 else span.of(text),
            }
        )  # fmt: skip


def rows_of(result: Extraction | Failure) -> Rows:
    """Every table's rows for one pipeline result."""
    rows: Rows = defaultdict(list)
    if isinstance(result, Failure):
        rows["errors"].append({"id": result.id, "source": result.source, "reason": result.reason,
                               "stage": result.stage})  # fmt: skip
        return rows
    report = result.report
    rid, text = report.id, report.text
    rows["reports"].append(
        {"id": rid, "url": report.url, "title": report.title, "published": report.published,
         "published_how": report.published_how, "source": report.source, "text": text,
         "title_derived": report.title_derived}
    )  # fmt: skip
    for i, p in enumerate(result.persons):
        rows["persons"].append({"report_id": rid, "idx": i, "name": p.name, "country": p.country,
                                "role": p.role, "aliases": list(p.aliases), "country_how": p.country_how,
                                **_rule_columns(p)})  # fmt: skip
        _provenance(rows, rid, "persons", i, text, [p.span], p.evidence)
    for i, st in enumerate(result.stated):
        rows["stated"].append({"report_id": rid, "idx": i, "name": st.name, "country": st.country,
                               "role": st.role})  # fmt: skip
        _provenance(rows, rid, "stated", i, text, [st.span], st.evidence)
    for i, m in enumerate(result.meetings):
        rows["events"].append({"report_id": rid, "idx": i, "kind": "meeting", "type": "CONSULT",
                               "mode": m.mode, **_date_columns(m.date), "location": m.location,
                               "occasion": m.occasion, "context": [], "negated": False,
                               "hypothetical": False, **_rule_columns(m)})  # fmt: skip
        for position, part in enumerate(m.participants):
            rows["participants"].append({"report_id": rid, "event_idx": i, "position": position,
                                         "side": "participant", "name": part.name,
                                         "country": part.country})  # fmt: skip
        _provenance(rows, rid, "events", i, text, [m.span, *m.spans], m.evidence)
    offset = len(result.meetings)
    for j, e in enumerate(result.events):
        i = offset + j
        rows["events"].append({"report_id": rid, "idx": i, "kind": "event", "type": e.type,
                               "mode": e.mode, **_date_columns(e.date), "location": e.location,
                               "occasion": None, "context": list(e.context), "negated": e.negated,
                               "hypothetical": e.hypothetical, **_rule_columns(e)})  # fmt: skip
        position = 0
        for side, names in (("actor", e.actor), ("recipient", e.recipient)):
            for name in names:
                rows["participants"].append({"report_id": rid, "event_idx": i, "position": position,
                                             "side": side, "name": name, "country": None})  # fmt: skip
                position += 1
        _provenance(rows, rid, "events", i, text, [e.span], e.evidence)
    for i, d in enumerate(result.documents):
        rows["documents"].append({"report_id": rid, "idx": i, "title": d.title, "parties": list(d.parties),
                                  "status": d.status, **_date_columns(d.date),
                                  **_rule_columns(d)})  # fmt: skip
        _provenance(rows, rid, "documents", i, text, [d.span], d.evidence)
    for i, t in enumerate(result.targets):
        rows["targets"].append({"report_id": rid, "idx": i, "parties": list(t.parties), "metric": t.metric,
                                "amount_usd": t.amount_usd, "year": t.year, "status": t.status,
                                "amount": t.amount, "currency": t.currency, **_rule_columns(t)})  # fmt: skip
        _provenance(rows, rid, "targets", i, text, [t.span], t.evidence)
    for i, p in enumerate(result.partnerships):
        rows["partnerships"].append({"report_id": rid, "idx": i, "parties": list(p.parties),
                                     "level": p.level, "change": p.change, **_rule_columns(p)})  # fmt: skip
        _provenance(rows, rid, "partnerships", i, text, [p.span], p.evidence)
    for i, v in enumerate(result.vetoes):
        rows["vetoes"].append({"report_id": rid, "idx": i, "rule": v.rule, "veto": v.veto,
                               "span_start": v.span.start, "span_end": v.span.end,
                               "evidence": v.evidence})  # fmt: skip
    return rows


def _date(row: dict[str, Any]) -> ResolvedDate:
    return ResolvedDate(row["date"], row["date_precision"], row["date_how"] or "unknown")


def _by_idx(rows: list[dict[str, Any]], key: str = "idx") -> list[dict[str, Any]]:
    return sorted(rows, key=lambda r: r[key])


def extraction_from(report_row: dict[str, Any], rows: Rows) -> Extraction:
    """One report's Extraction rebuilt from its rows in every table (the
    inverse of `rows_of`). `rows` holds only this report's rows."""
    text = report_row["text"]
    report = Report(**{k: report_row[k] for k in ("id", "text", "url", "title", "published",
                                                  "published_how", "source")},
                    title_derived=bool(report_row.get("title_derived")))  # fmt: skip
    sentences: dict[tuple[str, int], list[tuple[Span, str]]] = defaultdict(list)
    for p in sorted(rows.get("provenance", []), key=lambda r: r["position"]):
        span = Span(int(p["span_start"]), int(p["span_end"]))
        sentences[(p["record_table"], int(p["record_idx"]))].append((span, p["evidence"]))

    def main(table: str, idx: int) -> tuple[Span, str]:
        found = sentences.get((table, idx))
        if not found:
            raise ValueError(f"report {report.id}: {table}[{idx}] has no provenance row")
        return found[0]

    parts: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for p in rows.get("participants", []):
        parts[int(p["event_idx"])].append(p)
    out = Extraction(report)
    for r in _by_idx(rows.get("persons", [])):
        span, evidence = main("persons", r["idx"])
        out.persons.append(Person(r["name"], r["country"], r["role"], evidence, span, _list(r, "aliases"),
                                  country_how=r.get("country_how"), **_rule_fields(r)))
    for r in _by_idx(rows.get("stated", [])):
        span, evidence = main("stated", r["idx"])
        out.stated.append(StatedActor(r["name"], r["country"], r["role"], evidence, span))
    for r in _by_idx(rows.get("events", [])):
        span, evidence = main("events", r["idx"])
        members = sorted(parts.get(int(r["idx"]), []), key=lambda p: p["position"])
        if r["kind"] == "meeting":
            out.meetings.append(
                Meeting(
                    participants=[Participant(p["name"], p["country"]) for p in members],
                    date=_date(r), location=r["location"], occasion=r["occasion"], mode=r["mode"],
                    evidence=evidence, span=span,
                    spans=[s for s, _ in sentences[("events", int(r["idx"]))][1:]], **_rule_fields(r),
                )
            )  # fmt: skip
        else:
            out.events.append(
                Event(
                    type=r["type"], mode=r["mode"],
                    actor=[p["name"] for p in members if p["side"] == "actor"],
                    recipient=[p["name"] for p in members if p["side"] == "recipient"],
                    date=_date(r), location=r["location"], evidence=evidence, span=span,
                    context=_list(r, "context"), negated=bool(r.get("negated")),
                    hypothetical=bool(r.get("hypothetical")), **_rule_fields(r),
                )
            )  # fmt: skip
    for r in _by_idx(rows.get("documents", [])):
        span, evidence = main("documents", r["idx"])
        out.documents.append(Document(r["title"], _list(r, "parties"), r["status"], _date(r), evidence, span,
                                      **_rule_fields(r)))
    for r in _by_idx(rows.get("targets", [])):
        span, evidence = main("targets", r["idx"])
        year = None if r["year"] is None else int(r["year"])
        out.targets.append(
            Target(_list(r, "parties"), r["metric"], r["amount_usd"], year, r["status"], evidence, span,
                   r["amount"], r["currency"], **_rule_fields(r))
        )  # fmt: skip
    for r in _by_idx(rows.get("partnerships", [])):
        span, evidence = main("partnerships", r["idx"])
        out.partnerships.append(Partnership(_list(r, "parties"), r["level"], r["change"], evidence, span,
                                            **_rule_fields(r)))
    for r in _by_idx(rows.get("vetoes", [])):
        span = Span(int(r["span_start"]), int(r["span_end"]))
        out.vetoes.append(Veto(r["rule"], r["veto"], r["evidence"], span))
    _check_text(report.id, text)
    return out


def _list(row: dict[str, Any], key: str) -> list[str]:
    return list(row[key] if row[key] is not None else [])


def failure_from(row: dict[str, Any]) -> Failure:
    return Failure(row["id"], row["source"], row["reason"], row["stage"] or "read")


def _check_text(report_id: str, text: Any) -> None:
    if not isinstance(text, str):
        raise ValueError(f"report {report_id}: no text in the reports table")


def arrow_table(table: str, rows: list[dict[str, Any]]) -> pa.Table:
    """Rows of one table as an Arrow table with its fixed schema."""
    return pa.Table.from_pylist(rows, schema=SCHEMAS[table])


_SPARK_TYPES = {pa.string(): "STRING", pa.int64(): "BIGINT", pa.float64(): "DOUBLE", pa.bool_(): "BOOLEAN"}


def spark_ddl(table: str) -> str:
    """The table's schema as a Spark DDL string (for `from_json`)."""
    columns = []
    for field in SCHEMAS[table]:
        if pa.types.is_list(field.type):
            kind = f"ARRAY<{_SPARK_TYPES[field.type.value_type]}>"
        else:
            kind = _SPARK_TYPES[field.type]
        columns.append(f"`{field.name}` {kind}")
    return ", ".join(columns)
