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
from pydantic import AfterValidator

from diplograph.serve import charts, views
from diplograph.serve.params import PLOVER_TYPES, check_date, check_type
from diplograph.serve.templating import render
from diplograph.store import Store

router = APIRouter(include_in_schema=False)

PAGE = 50


def store(request: Request) -> Store:
    return request.app.state.store


def pager(
    request: Request,
    count: int,
    offset: int,
    limit: int,
    more: bool,
    csv: str | None = None,
    total: int | None = None,
) -> dict:
    url = request.url
    return {
        "offset": offset,
        "count": count,
        "total": total,
        "prev": str(url.include_query_params(offset=max(0, offset - limit))) if offset > 0 else None,
        "next": str(url.include_query_params(offset=offset + limit)) if more else None,
        "csv": csv,
    }


Text = Annotated[str | None, Query(max_length=200, pattern=r"^[^\x00-\x1f]*$")]
When = Annotated[str | None, Query(pattern=r"^(\d{4}(-\d{2}(-\d{2})?)?)?$"), AfterValidator(check_date)]
Offset = Annotated[int, Query(ge=0, le=1_000_000)]


def sliced(request: Request, rows: list, offset: int, csv: str) -> tuple[list, dict]:
    """One page of a whole list and its pager ("1–50 of N")."""
    chunk = rows[offset : offset + PAGE]
    return chunk, pager(request, len(chunk), offset, PAGE, offset + PAGE < len(rows), csv, len(rows))


def blank(value: str | None) -> str | None:
    """An empty form field means 'no filter'."""
    return value.strip() or None if value is not None else None


@router.get("/")
def dashboard(request: Request) -> Response:
    db = store(request)
    counts = db.stats(full=False)
    timeline = charts.timeline(views.events_by_month_and_type(db), "Events per month by type")
    outliers = charts.outlier_note(timeline["layout"].get("meta", {}).get("outliers", []))
    return render(
        request,
        "dashboard.html",
        nav="/",
        charts=True,
        counts=counts,
        latest=db.events(limit=10),
        timeline=timeline,
        outliers=outliers,
    )


def facet_links(counts: dict[str, list[tuple[str, int]]], chosen: dict) -> list[tuple]:
    """Each facet value with its count and the events page filtered to it."""

    def href(name: str, value: str) -> str:
        if name == "year":
            extra = {"since": value, "until": value}
        elif name == "country":
            extra = {"actor": value}
        else:
            extra = {name: value}
        return "/events?" + urlencode({**chosen, **extra})

    labels = (("type", "Type"), ("country", "State or body"), ("year", "Year"), ("dated", "Date"))
    return [(n, label, [(v, c, href(n, v)) for v, c in counts.get(n, [])]) for n, label in labels]


@router.get("/events")
def events(
    request: Request,
    actor: Text = None,
    with_: Annotated[str | None, Query(alias="with", max_length=200, pattern=r"^[^\x00-\x1f]*$")] = None,
    type: Annotated[  # noqa: A002
        str | None, Query(pattern=r"^[A-Za-z_]{0,32}$"), AfterValidator(check_type)
    ] = None,
    kind: Annotated[Literal["meeting", "event", ""] | None, Query()] = None,
    since: When = None,
    until: When = None,
    text: Text = None,
    dated: Annotated[Literal["dated", "undated", ""] | None, Query()] = None,
    location: Text = None,
    offset: Offset = 0,
) -> Response:
    filters = {
        "actor": blank(actor),
        "with": blank(with_),
        "type": blank(type),
        "kind": blank(kind),
        "since": blank(since),
        "until": blank(until),
        "text": blank(text),
        "dated": blank(dated),
        "location": blank(location),
    }
    db = store(request)
    rows = db.events(
        dated=None if not filters["dated"] else filters["dated"] == "dated",
        location=filters["location"],
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
    api = {k: v for k, v in chosen.items() if k != "dated"}
    if filters["dated"]:
        api["dated"] = "true" if filters["dated"] == "dated" else "false"
    csv = "/api/events?" + urlencode({**api, "format": "csv", "limit": 500, "offset": offset})
    return render(
        request,
        "events.html",
        nav="/events",
        events=rows,
        filters=filters,
        types=PLOVER_TYPES,
        facets=facet_links(views.facets(db), chosen),
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
    offset: Offset = 0,
) -> Response:
    rows = store(request).actors(kind=blank(kind), text=blank(text))
    chosen = {k: v for k, v in (("kind", blank(kind)), ("text", blank(text))) if v}
    csv = "/api/actors?" + urlencode({**chosen, "format": "csv", "limit": 500, "offset": offset})
    rows, page = sliced(request, rows, offset, csv)
    return render(
        request, "actors.html", nav="/actors", actors=rows, kind=blank(kind), text=blank(text), page=page
    )


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
    outliers = charts.outlier_note(timeline["layout"].get("meta", {}).get("outliers", []))
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
        outliers=outliers,
        partners=partners,
        roles=roles,
        latest=latest,
    )


#: A pair's page shows two lists (meetings, other events), each this many rows a page:
#: one page of rows in all, like the other lists.
PAIR_PAGE = PAGE // 2


def offset_pager(request: Request, name: str, count: int, offset: int, total: int, size: int) -> dict:
    """A pager over one of several lists on a page, moved by its own `name` parameter."""
    url = request.url
    return {
        "offset": offset,
        "count": count,
        "total": total,
        "prev": str(url.include_query_params(**{name: max(0, offset - size)})) if offset > 0 else None,
        "next": str(url.include_query_params(**{name: offset + size})) if offset + count < total else None,
        "csv": None,
    }


@router.get("/pair/{a}/{b}")
def pair(request: Request, a: str, b: str, offset: Offset = 0, events_offset: Offset = 0) -> Response:
    """Two parties together: totals, meetings per month (counted by the
    store), partnerships, documents, targets, and the meetings and other
    events PAIR_PAGE a page ("1–25 of N"), each list with its own pager."""
    db = store(request)
    found = views.pair(db, a, b, limit=PAIR_PAGE, meetings_offset=offset, events_offset=events_offset)
    if found.a is None and found.b is None:
        raise HTTPException(404, f"neither {a!r} nor {b!r} is in the store")
    figure = charts.counts_over_time(found.meetings_per_month(), "meetings", "Meetings per month", height=280)
    outliers = charts.outlier_note(figure["layout"].get("meta", {}).get("outliers", []))
    pages = {
        "meetings": offset_pager(
            request, "offset", len(found.meetings), offset, found.meetings_total, PAIR_PAGE
        ),
        "events": offset_pager(
            request, "events_offset", len(found.events), events_offset, found.events_total, PAIR_PAGE
        ),
    }
    return render(
        request,
        "pair.html",
        nav=None,
        charts=True,
        pair=found,
        figure=figure,
        outliers=outliers,
        pages=pages,
    )


@router.get("/network")
def network(
    request: Request,
    since: When = None,
    until: When = None,
    region: Annotated[Literal["AS", "EU", "AF", "NA", "SA", "OC", ""] | None, Query()] = None,
) -> Response:
    """The meeting network, filtered by the meetings' dates and a region."""
    chosen = {"since": blank(since), "until": blank(until), "region": blank(region)}
    net = views.meeting_network(store(request), **chosen)
    figure = charts.network(net.nodes, net.edges, links={c: f"/actors/{c}" for c in net.nodes})
    top = sorted(net.edges, key=lambda e: -e[2])[:20]
    return render(
        request,
        "network.html",
        nav="/network",
        charts=True,
        figure=figure,
        net=net,
        top=top,
        filters=chosen,
        regions=views.REGIONS,
    )


@router.get("/map")
def world_map(request: Request) -> Response:
    """Meetings placed on a world map by their location (offline gazetteer);
    each point leads to its meetings."""
    from diplograph.serve import geo

    points, unplaced = [], []
    for location, n in store(request).places():
        found = geo.place(location)
        if found is None:
            unplaced.append((location, n))
        else:
            link = "/events?" + urlencode({"kind": "meeting", "location": location})
            points.append((location, found.lat, found.lon, n, link))
    reference = [(p.name, p.lat, p.lon) for p in geo.capitals()]
    figure = charts.world_map(points, reference)
    return render(
        request, "map.html", nav="/map", charts=True, figure=figure, points=points, unplaced=unplaced
    )


def _csv(path: str, actor: str | None, offset: int, **more: str) -> str:
    chosen = {"actor": actor} if actor else {}
    return f"/api/{path}?" + urlencode({**chosen, **more, "format": "csv", "limit": 500, "offset": offset})


@router.get("/targets")
def targets(
    request: Request,
    actor: Text = None,
    status: Annotated[Literal["target", "actual", ""] | None, Query()] = None,
    offset: Offset = 0,
) -> Response:
    """Targets first, then actual figures, 50 a page with the total."""
    who, status = blank(actor), blank(status)
    rows = store(request).targets(actor=who, status=status)
    rows.sort(key=lambda t: t.status != "target")
    chosen = {"status": status} if status else {}
    rows, page = sliced(request, rows, offset, _csv("targets", who, offset, **chosen))
    wanted = [t for t in rows if t.status == "target"]
    actual = [t for t in rows if t.status == "actual"]
    return render(
        request,
        "targets.html",
        nav="/targets",
        targets=wanted,
        actuals=actual,
        actor=who,
        status=status,
        page=page,
    )


@router.get("/codebook")
def codebook_page(request: Request) -> Response:
    """The PLOVER classes and modes the events are coded with, as defined in
    the data the extractor reads (`data/events/codebook.yaml`)."""
    from diplograph.plover import codebook

    book = codebook()
    return render(request, "codebook.html", nav="/codebook", book=book)


@router.get("/documents")
def documents(
    request: Request,
    actor: Text = None,
    status: Annotated[Literal["signed", "planned", ""] | None, Query()] = None,
    offset: Offset = 0,
) -> Response:
    who, status = blank(actor), blank(status)
    rows = store(request).documents(actor=who, status=status)
    chosen = {"status": status} if status else {}
    rows, page = sliced(request, rows, offset, _csv("documents", who, offset, **chosen))
    return render(
        request, "documents.html", nav="/documents", documents=rows, actor=who, status=status, page=page
    )


@router.get("/partnerships")
def partnerships(request: Request, actor: Text = None, offset: Offset = 0) -> Response:
    """Named partnership levels between parties, with the sentence behind each."""
    who = blank(actor)
    rows = store(request).partnerships(actor=who)
    rows, page = sliced(request, rows, offset, _csv("partnerships", who, offset))
    return render(request, "partnerships.html", nav="/partnerships", partnerships=rows, actor=who, page=page)


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
def search(
    request: Request,
    q: Text = None,
    kind: Annotated[
        Literal["event", "document", "target", "partnership", "actor", ""] | None, Query()
    ] = None,
    offset: Offset = 0,
) -> Response:
    """Full-text search, accents folded, best first, 50 a page with the total."""
    words, kind = blank(q), blank(kind)
    hits, total = (
        store(request).search_page(words, limit=PAGE + 1, offset=offset, kinds={kind} if kind else None)
        if words
        else ([], 0)
    )
    more = len(hits) > PAGE
    hits = hits[:PAGE]
    chosen = {"q": words, **({"kind": kind} if kind else {})} if words else {}
    csv = (
        "/api/search?" + urlencode({**chosen, "format": "csv", "limit": 500, "offset": offset})
        if words
        else None
    )
    page = pager(request, len(hits), offset, PAGE, more, csv, total)
    return render(request, "search.html", nav=None, search_q=words, kind=kind, hits=hits, page=page)
