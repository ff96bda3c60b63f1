"""A pair's page lists its meetings and other events a page at a time with
their totals ("1–25 of N") and draws its chart from the store's kept pair
counts; page after page, it shows every record the whole list holds, and
the totals and the chart say what counting the pair's events says."""

from __future__ import annotations

from collections import Counter

import httpx

import diplograph
from diplograph.serve import views
from diplograph.serve.pages import PAIR_PAGE


def busiest_pair(db) -> tuple[str, str]:  # noqa: ANN001
    edge = max(db.meeting_pairs(), key=lambda e: (e.meetings, e.a, e.b))
    return edge.a, edge.b


def test_a_pair_pages_its_meetings_with_totals_from_the_counts(store_path):
    with diplograph.open(store_path, create=False) as db:
        a, b = busiest_pair(db)
        whole = views.pair(db, a, b)  # every record, as the API gives it
        assert whole.meetings and whole.meetings_total == len(whole.meetings)
        assert whole.events_total == len(whole.events)
        months = Counter(m for e in whole.meetings if (m := views.month(e)))
        assert whole.meetings_per_month() == sorted(months.items())
        paged, events = [], []
        for offset in range(0, whole.meetings_total, 2):
            one = views.pair(db, a, b, limit=2, meetings_offset=offset, events_offset=offset)
            assert (one.meetings_total, one.events_total) == (whole.meetings_total, whole.events_total)
            assert one.meetings_per_month() == whole.meetings_per_month()
            paged += one.meetings
            events += one.events
        assert [e.id for e in paged] == [e.id for e in whole.meetings]
        assert [e.id for e in events][: len(whole.events)] == [e.id for e in whole.events][: len(events)]


def test_the_pair_page_says_how_many_of_how_many(server, store_path):
    with diplograph.open(store_path, create=False) as db:
        a, b = busiest_pair(db)
        total = views.pair(db, a, b).meetings_total
    html = httpx.get(f"{server}/pair/{a}/{b}", timeout=30).text
    assert f'data-count="meetings">{total}<' in html
    assert f"1–{min(total, PAIR_PAGE)} of {total}" in html
    beyond = httpx.get(f"{server}/pair/{a}/{b}", params={"offset": total}, timeout=30)
    assert beyond.status_code == 200 and f"of {total}" in beyond.text
