"""The web pages: server-rendered, one handler per page, data from the Store API.

Why server-rendered: an analyst's page is a table, a chart and a highlighted
sentence; the server has all of it. The only scripts are the locally served
plotly.min.js and `static/charts.js`, which draws the figures built in
`charts.py`.
"""

from __future__ import annotations

from typing import Annotated, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import Response

from diplograph.serve import charts, views
from diplograph.serve.templating import render
from diplograph.store import Store

router = APIRouter(include_in_schema=False)

PAGE = 50


def store(request: Request) -> Store:
    return request.app.state.store


def pager(request: Request, count: int, offset: int, limit: int, more: bool, csv: str | None = None) -> dict:
    url = request.url
    return {
        "offset": offset,
        "count": count,
        "prev": str(url.include_query_params(offset=max(0, offset - limit))) if offset > 0 else None,
        "next": str(url.include_query_params(offset=offset + limit)) if more else None,
        "csv": csv,
    }


Text = Annotated[str | None, Query(max_length=200, pattern=r"^[^\x00-\x1f]*$")]
When = Annotated[str | None, Query(pattern=r"^(\d{4}(-\d{2}(-\d{2})?)?)?$")]


def blank(value: str | None) -> str | None:
    """An empty form field means 'no filter'."""
    return value.strip() or None if value is not None else None


@router.get("/")
def dashboard(request: Request) -> Response:
    db = store(request)
    counts = db.stats()
    timeline = charts.timeline(views.events_by_month_and_type(db), "Events per month by type")
    return render(
        request,
        "dashboard.html",
        nav="/",
        charts=True,
        counts=counts,
        latest=db.events(limit=10),
        timeline=timeline,
    )


@router.get("/events")
def events(
    request: Request,
    actor: Text = None,
    with_: Annotated[str | None, Query(alias="with", max_length=200, pattern=r"^[^\x00-\x1f]*$")] = None,
    type: Annotated[str | None, Query(pattern=r"^[A-Za-z_]{0,32}$")] = None,  # noqa: A002
    kind: Annotated[Literal["meeting", "event", ""] | None, Query()] = None,
    since: When = None,
    until: When = None,
    text: Text = None,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> Response:
    filters = {
        "actor": blank(actor),
        "with": blank(with_),
        "type": blank(type),
        "kind": blank(kind),
        "since": blank(since),
        "until": blank(until),
        "text": blank(text),
    }
    rows = store(request).events(
        actor=filters["actor"],
        with_=filters["with"],
        type=filters["type"],
        kind=filters["kind"],
        since=filters["since"],
        until=views.until_inclusive(filters["until"]),
        text=filters["text"],
        limit=PAGE + 1,
        offset=offset,
    )
    more = len(rows) > PAGE
    rows = rows[:PAGE]
    chosen = {k: v for k, v in filters.items() if v}
    csv = "/api/events?" + urlencode({**chosen, "format": "csv", "limit": 500, "offset": offset})
    return render(
        request,
        "events.html",
        nav="/events",
        events=rows,
        filters=filters,
        page=pager(request, len(rows), offset, PAGE, more, csv),
    )


@router.get("/events/{event_id}")
def event(request: Request, event_id: str) -> Response:
    db = store(request)
    found = db.event(event_id)
    if found is None:
        raise HTTPException(404, f"no event {event_id!r}")
    texts: dict[str, str | None] = {}
    for src in found.sources:
        if src.report_id not in texts:
            report = db.report(src.report_id)
            texts[src.report_id] = report.text if report else None
    return render(request, "event.html", nav="/events", event=found, texts=texts)


@router.get("/actors")
def actors(
    request: Request,
    kind: Annotated[Literal["state", "body", "person", ""] | None, Query()] = None,
    text: Text = None,
) -> Response:
    rows = store(request).actors(kind=blank(kind), text=blank(text))
    return render(request, "actors.html", nav="/actors", actors=rows, kind=blank(kind), text=blank(text))


@router.get("/actors/{actor_id}")
def actor(request: Request, actor_id: str) -> Response:
    db = store(request)
    found = views.actor(db, actor_id)
    if found is None:
        raise HTTPException(404, f"no actor {actor_id!r}")
    points = db.timeline(actor_id)
    timeline = charts.counts_over_time(
        [(p.month, p.events) for p in points], "events", f"Events per month with {found.name}"
    )
    partners = db.relations(actor_id)
    if found.kind == "person":
        roles = [(found.name, found.role, found.id)] if found.role else []
    else:
        roles = [(p.name, p.role, p.id) for p in db.actors(kind="person", country=found.id) if p.role]
    latest = db.events(actor=actor_id, limit=20)
    return render(
        request,
        "actor.html",
        nav="/actors",
        charts=bool(points),
        actor=found,
        timeline=timeline,
        partners=partners,
        roles=roles,
        latest=latest,
    )


@router.get("/pair/{a}/{b}")
def pair(request: Request, a: str, b: str) -> Response:
    db = store(request)
    found = views.pair(db, a, b)
    if found.a is None and found.b is None:
        raise HTTPException(404, f"neither {a!r} nor {b!r} is in the store")
    figure = charts.counts_over_time(found.meetings_per_month(), "meetings", "Meetings per month", height=280)
    return render(request, "pair.html", nav=None, charts=bool(found.meetings), pair=found, figure=figure)


@router.get("/network")
def network(request: Request) -> Response:
    net = views.meeting_network(store(request))
    figure = charts.network(net.nodes, net.edges, links={c: f"/actors/{c}" for c in net.nodes})
    top = sorted(net.edges, key=lambda e: -e[2])[:20]
    return render(request, "network.html", nav="/network", charts=True, figure=figure, net=net, top=top)


@router.get("/targets")
def targets(request: Request, actor: Text = None) -> Response:
    rows = views.with_sources(store(request), "target", store(request).targets(actor=blank(actor)))
    wanted = [t for t in rows if t.status == "target"]
    actual = [t for t in rows if t.status == "actual"]
    return render(request, "targets.html", nav="/targets", targets=wanted, actuals=actual, actor=blank(actor))


@router.get("/codebook")
def codebook_page(request: Request) -> Response:
    """The PLOVER classes and modes the events are coded with, as defined in
    the data the extractor reads (`data/events/codebook.yaml`)."""
    from diplograph.plover import codebook

    book = codebook()
    return render(request, "codebook.html", nav="/codebook", book=book)


@router.get("/documents")
def documents(request: Request, actor: Text = None) -> Response:
    rows = views.with_sources(store(request), "document", store(request).documents(actor=blank(actor)))
    return render(request, "documents.html", nav="/documents", documents=rows, actor=blank(actor))


@router.get("/reports")
def reports(request: Request, offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0) -> Response:
    rows = store(request).reports(limit=PAGE + 1, offset=offset)
    more = len(rows) > PAGE
    rows = rows[:PAGE]
    page = pager(request, len(rows), offset, PAGE, more, f"/api/reports?format=csv&limit=500&offset={offset}")
    return render(request, "reports.html", nav="/reports", reports=rows, page=page)


@router.get("/reports/{report_id:path}")
def report(
    request: Request,
    report_id: str,
    hl: Annotated[str | None, Query(pattern=r"^\d{1,9}-\d{1,9}(,\d{1,9}-\d{1,9}){0,49}$")] = None,
) -> Response:
    """A report's full original text; `hl=start-end[,start-end...]` marks spans."""
    found = store(request).report(report_id)
    if found is None:
        raise HTTPException(404, f"no report {report_id!r}")
    spans = []
    for part in (hl or "").split(","):
        if part:
            start, end = (int(x) for x in part.split("-"))
            spans.append((start, end))
    return render(request, "report.html", nav="/reports", report=found, spans=spans)


@router.get("/search")
def search(request: Request, q: Text = None) -> Response:
    words = blank(q)
    hits = store(request).search(words, limit=200) if words else []
    return render(request, "search.html", nav=None, search_q=words, hits=hits)
