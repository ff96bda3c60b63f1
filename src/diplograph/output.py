"""How extractions are printed: JSON Lines (the contract, one report a line),
a pretty JSON array, or a readable table per report. Streaming: each report
is written as soon as it is done, so a long batch shows output at once and
memory stays flat.
"""

from __future__ import annotations

import json
from typing import IO, Any

from rich.console import Console
from rich.table import Table

from diplograph.records import Extraction, Failure

FORMATS = ("jsonl", "json", "table")

#: Evidence shown in the table is cut to this many characters.
TABLE_EVIDENCE = 90


def failure_line(failure: Failure) -> str:
    """The one stderr line for a failure: `<id or path>: <reason>`."""
    return f"{failure.source or failure.id}: {failure.reason}"


def contract_json(extraction: Extraction, indent: int | None = None, explain: bool = False) -> str:
    return json.dumps(extraction.to_contract(explain=explain), ensure_ascii=False, indent=indent)


class JsonLinesWriter:
    def __init__(self, stream: IO[str], explain: bool = False) -> None:
        self.stream = stream
        self.explain = explain

    def write(self, extraction: Extraction) -> None:
        self.stream.write(contract_json(extraction, explain=self.explain) + "\n")
        self.stream.flush()

    def close(self) -> None:
        self.stream.flush()


class JsonArrayWriter:
    """A JSON array, written element by element (valid JSON even when empty)."""

    def __init__(self, stream: IO[str], explain: bool = False) -> None:
        self.stream = stream
        self.count = 0
        self.explain = explain

    def write(self, extraction: Extraction) -> None:
        lines = contract_json(extraction, indent=2, explain=self.explain).splitlines()
        body = "\n".join("  " + line for line in lines)
        self.stream.write(("[\n" if self.count == 0 else ",\n") + body)
        self.count += 1
        self.stream.flush()

    def close(self) -> None:
        self.stream.write("[]\n" if self.count == 0 else "\n]\n")
        self.stream.flush()


def _short(text: str | None, width: int = TABLE_EVIDENCE) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _names(values: list[Any]) -> str:
    return ", ".join(str(v) for v in values if v)


def rows_of(extraction: Extraction, explain: bool = False) -> list[tuple[str, str, str, str]]:
    """(kind, what, when/where, evidence) rows summarising one report; with
    `explain`, each kind is followed by the rule that made the record."""
    rows = _rows(extraction)
    if not explain:
        return rows
    records = [*extraction.persons, *extraction.meetings, *extraction.documents,
               *extraction.targets, *extraction.partnerships, *extraction.events]
    return [(f"{kind}\n{record.rule or '?'}", what, when, evidence)
            for (kind, what, when, evidence), record in zip(rows, records, strict=True)]


def _rows(extraction: Extraction) -> list[tuple[str, str, str, str]]:
    rows = []
    for p in extraction.persons:
        what = f"{p.name} ({p.country or '?'})" + (f", {p.role}" if p.role else "")
        rows.append(("person", what, "", p.evidence))
    for m in extraction.meetings:
        people = [f"{x.name or '—'} ({x.country or '?'})" for x in m.participants]
        when = _names([m.date.value, m.location])
        rows.append((f"meeting/{m.mode}", " + ".join(people), when, m.evidence))
    for d in extraction.documents:
        what = f"{d.title} [{d.status}] {_names(d.parties)}"
        rows.append(("document", what, d.date.value or "", d.evidence))
    for t in extraction.targets:
        other = f"{t.amount or '?'} {t.currency or ''}".strip()
        amount = f"US${t.amount_usd:,.0f}" if t.amount_usd else other
        what = f"{t.metric} {amount} {_names(t.parties)} [{t.status}]"
        rows.append(("target", what, str(t.year or ""), t.evidence))
    for p in extraction.partnerships:
        rows.append(("partnership", f"{p.level} [{p.change}] {_names(p.parties)}", "", p.evidence))
    for e in extraction.events:
        kind = e.type + (f"/{e.mode}" if e.mode else "")
        what = f"{_names(e.actor) or '?'} → {_names(e.recipient) or '?'}"
        rows.append((kind, what, _names([e.date.value, e.location]), e.evidence))
    return rows


class TableWriter:
    """One rich table per report: a human summary, not a contract."""

    def __init__(self, stream: IO[str], explain: bool = False) -> None:
        self.console = Console(file=stream, width=160, soft_wrap=False)
        self.explain = explain

    def write(self, extraction: Extraction) -> None:
        report = extraction.report
        title = f"{report.id}  published {report.published or '—'}"
        if report.title:
            title += f"  «{_short(report.title, 70)}»"
        table = Table(title=title, title_justify="left", show_lines=False, expand=False)
        for column in ("kind", "what", "when / where", "evidence"):
            table.add_column(column, overflow="fold")
        for kind, what, when, evidence in rows_of(extraction, self.explain):
            table.add_row(kind, what, when, _short(evidence))
        if not table.row_count:
            table.add_row("—", "no records", "", "")
        self.console.print(table)

    def close(self) -> None:
        self.console.file.flush()


def writer(
    format: str, stream: IO[str], explain: bool = False
) -> JsonLinesWriter | JsonArrayWriter | TableWriter:
    """The writer for `format`; `explain` adds each record's provenance
    (rule, merged rules, trace) and the report's vetoes."""
    if format == "jsonl":
        return JsonLinesWriter(stream, explain)
    if format == "json":
        return JsonArrayWriter(stream, explain)
    if format == "table":
        return TableWriter(stream, explain)
    raise ValueError(f"unknown format {format!r} (one of {', '.join(FORMATS)})")
