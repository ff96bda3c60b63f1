"""Extraction <-> Parquet rows: the round trip is the identity, so `load`
hands the store exactly what `ingest` would have."""

from __future__ import annotations

import pyarrow as pa
import pytest

from diplograph.pipeline import process_batch
from diplograph.read import read_paths
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
    Target,
)
from diplograph.spark.tables import SCHEMAS, TABLES, arrow_table, extraction_from, rows_of, spark_ddl

TEXT = (
    "Foreign Minister Ana Silva met her Indonesian counterpart in Jakarta on 3 May. "
    "The two sides signed a memorandum on fisheries. "
    "They agreed to raise bilateral trade to US$5 billion by 2030. "
    "Both countries upgraded ties to a comprehensive strategic partnership."
)


def _span(sentence: str) -> Span:
    start = TEXT.index(sentence)
    return Span(start, start + len(sentence))


def every_kind() -> Extraction:
    """One report with a record of every kind, every optional field used."""
    s1, s2, s3, s4 = (
        _span("Foreign Minister Ana Silva met her Indonesian counterpart in Jakarta on 3 May."),
        _span("The two sides signed a memorandum on fisheries."),
        _span("They agreed to raise bilateral trade to US$5 billion by 2030."),
        _span("Both countries upgraded ties to a comprehensive strategic partnership."),
    )
    report = Report("r1", TEXT, url="https://example.org/a", title="A visit", published="2024-05-04",
                    published_how="metadata", source="/in/r1.txt")  # fmt: skip
    return Extraction(
        report,
        persons=[Person("Ana Silva", "PRT", "Foreign Minister", s1.of(TEXT), s1, aliases=["Silva"])],
        meetings=[
            Meeting([Participant("Ana Silva", "PRT"), Participant(None, "IDN")],
                    ResolvedDate("2024-05-03", "day", "relative"), "Jakarta", None, "visit",
                    s1.of(TEXT), s1, spans=[s1, s2])  # fmt: skip
        ],
        documents=[Document("memorandum on fisheries", ["PRT", "IDN"], "signed",
                            ResolvedDate(None), s2.of(TEXT), s2)],  # fmt: skip
        targets=[Target(["PRT", "IDN"], "bilateral trade", 5e9, 2030, "target", s3.of(TEXT), s3,
                        amount=5.0, currency="USD")],  # fmt: skip
        partnerships=[Partnership(["PRT", "IDN"], "comprehensive strategic partnership", "upgraded",
                                  s4.of(TEXT), s4)],  # fmt: skip
        events=[
            Event("AGREE", None, ["PRT"], ["IDN"], ResolvedDate("2024-05-03", "day", "context"), None,
                  s3.of(TEXT), s3),  # fmt: skip
            Event("COOPERATE", "sign", ["PRT", "IDN"], [], ResolvedDate(None), "Jakarta", s2.of(TEXT), s2),
        ],
    )


def _through_arrow(rows):
    """Rows as they come back from Parquet: via Arrow with the fixed schemas."""
    return {table: arrow_table(table, table_rows).to_pylist() for table, table_rows in rows.items()}


def test_every_kind_survives_the_round_trip():
    original = every_kind()
    rows = _through_arrow(rows_of(original))
    (report_row,) = rows.pop("reports")
    assert extraction_from(report_row, rows) == original


def test_rows_fit_their_schemas_and_carry_spans():
    rows = rows_of(every_kind())
    for table, table_rows in rows.items():
        assert table in SCHEMAS
        for row in table_rows:
            assert list(row) == SCHEMAS[table].names
    # every record has its main sentence; the meeting's second sentence is kept too
    provenance = rows["provenance"]
    assert len(provenance) == 1 + 3 + 1 + 1 + 1 + 2  # person, meeting (main + 2), doc, target, ties, 2 events
    meeting = [p for p in provenance if p["record_table"] == "events" and p["record_idx"] == 0]
    first, second = _span(TEXT.split(". ")[0] + "."), _span("The two sides signed a memorandum on fisheries.")
    assert [(p["span_start"], p["span_end"]) for p in meeting] == [
        (first.start, first.end), (first.start, first.end), (second.start, second.end)
    ]  # fmt: skip
    for p in provenance:
        assert TEXT[p["span_start"] : p["span_end"]] == p["evidence"]


def test_a_failure_is_an_errors_row():
    rows = rows_of(Failure("bad", "/in/bad.txt", "empty file", "read"))
    assert dict(rows) == {"errors": [{"id": "bad", "source": "/in/bad.txt", "reason": "empty file",
                                      "stage": "read"}]}  # fmt: skip


def test_spark_ddl_names_every_column():
    for table in TABLES:
        ddl = spark_ddl(table)
        assert ddl.count("`") == 2 * len(SCHEMAS[table])
    assert "`parties` ARRAY<STRING>" in spark_ddl("targets")
    assert "`amount_usd` DOUBLE" in spark_ddl("targets")


def test_empty_tables_keep_their_schema():
    assert arrow_table("events", []).schema == SCHEMAS["events"]
    assert isinstance(arrow_table("events", []), pa.Table)


@pytest.mark.shared
def test_real_extractions_survive_the_round_trip(dev_docs, nlp):
    results = process_batch(list(read_paths(dev_docs[:6])), nlp)
    assert results
    for result in results:
        assert isinstance(result, Extraction), result
        rows = _through_arrow(rows_of(result))
        (report_row,) = rows.pop("reports")
        assert extraction_from(report_row, rows) == result
