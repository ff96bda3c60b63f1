"""The store's own guard on identity: within one `ingest` call (the Python
API, Spark's `load`), two reports under one id are never a silent replace:
the first is stored, the later one is a failure that says why."""

from __future__ import annotations

from diplograph.records import Report

ONE = (
    "HANOI — Vietnamese Prime Minister Pham Minh Chinh met Malaysian Prime Minister Anwar Ibrahim "
    "in Hanoi on Monday, and the two leaders agreed to raise bilateral trade to 18 billion US dollars."
)
TWO = (
    "BANGKOK — Thai Prime Minister Paetongtarn Shinawatra received Cambodian Prime Minister Hun Manet "
    "in Bangkok on Friday for talks on border crossings, tourism and the fight against online scams."
)


def test_one_id_twice_in_one_ingest_keeps_the_first_and_says_so(db, nlp):
    results = []
    reports = [Report("same", ONE, source="a"), Report("same", TWO, source="b"), Report("other", TWO)]
    summary = db.ingest(reports, nlp=nlp, on_result=results.append)
    assert (summary.added, summary.replaced, summary.failed) == (2, 0, 1)
    (failed,) = [r for r in results if r.status == "failed"]
    assert failed.report_id == "same" and "repeated report id" in failed.reason
    assert db.report("same").text == ONE


def test_extractions_under_one_id_too(db, nlp):
    from diplograph import pipeline

    one, two = pipeline.run([Report("x", ONE), Report("x", TWO)], nlp=nlp, jobs=1)
    summary = db.ingest([one, two])
    assert (summary.added, summary.failed) == (1, 1)
    assert db.report("x").text == ONE
