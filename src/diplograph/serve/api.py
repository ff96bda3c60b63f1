"""The JSON API: the CLI's questions over HTTP, with the CLI's filters.

Every list takes `limit`/`offset` (like the CLI's --limit/--offset) and
`format=csv` for a download; every parameter is validated by FastAPI before
the store sees it, so a bad value is a 422 naming the parameter, never a 500.
"""

from __future__ import annotations

import csv
import io
from dataclasses import asdict, is_dataclass
from typing import Annotated, Any, Generic, Literal, TypeVar

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel

from diplograph.serve import views
from diplograph.store import (
    ActorRow,
    DocumentRow,
    EventRow,
    PartnershipRow,
    Relation,
    ReportRow,
    SearchHit,
    Store,
    TargetRow,
    TimelinePoint,
)

router = APIRouter(prefix="/api")

T = TypeVar("T")

DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
CODE = r"^[^\x00-\x1f]{1,255}$"

Limit = Annotated[int, Query(ge=1, le=500, description="Page size (at most 500).")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="Rows to skip.")]
Format = Annotated[Literal["json", "csv"], Query(description="json (default) or csv.")]
Actor = Annotated[
    str | None,
    Query(
        min_length=1, max_length=200, pattern=CODE, description="Code (VNM), state/body name or person name."
    ),
]
Since = Annotated[str | None, Query(pattern=DATE, description="YYYY, YYYY-MM or YYYY-MM-DD (inclusive).")]
Words = Annotated[
    str | None, Query(min_length=1, max_length=200, pattern=CODE, description="Words in the evidence.")
]
EventType = Annotated[
    str | None, Query(pattern=r"^[A-Za-z_]{1,32}$", description="PLOVER type, e.g. CONSULT.")
]


class Page(BaseModel, Generic[T]):
    """One page of a list: `next` is the URL of the following page, if any."""

    items: list[T]
    limit: int
    offset: int
    count: int
    next: str | None = None


def store(request: Request) -> Store:
    return request.app.state.store


def page(request: Request, rows: list, limit: int, offset: int, fmt: str, sliced: bool = False):
    """A JSON page or a CSV download of `rows`. `sliced`: rows are already this
    page plus one extra row (the store paginated), else the whole list."""
    if not sliced:
        rows = rows[offset : offset + limit + 1]
    more = len(rows) > limit
    rows = rows[:limit]
    if fmt == "csv":
        return csv_response(rows, request.url.path.rsplit("/", 1)[-1] or "rows")
    nxt = str(request.url.include_query_params(offset=offset + limit)) if more else None
    return {"items": rows, "limit": limit, "offset": offset, "count": len(rows), "next": nxt}


def flat(value: Any) -> Any:
    """A CSV cell: lists joined with '; ', people and sources by name/report."""
    if isinstance(value, list):
        return "; ".join(str(flat(v)) for v in value)
    if isinstance(value, dict):
        return value.get("name") or value.get("report_id") or value.get("id") or ""
    return "" if value is None else value


def csv_response(rows: list, name: str) -> Response:
    records = [asdict(r) if is_dataclass(r) else dict(r) for r in rows]
    columns: list[str] = []
    for record in records:
        columns.extend(k for k in record if k not in columns)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns)
    for record in records:
        writer.writerow([_cell(flat(record.get(c))) for c in columns])
    return Response(
        buffer.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}.csv"'},
    )


def _cell(value: Any) -> Any:
    """Neutralise spreadsheet formulas: a report's text must not run in Excel either."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def not_found(what: str, key: str) -> HTTPException:
    return HTTPException(status_code=404, detail=f"no {what} {key!r}")


@router.get("/health", tags=["meta"])
def health() -> dict[str, str]:
    """Liveness: the server answers."""
    return {"status": "ok"}


@router.get("/stats", tags=["meta"])
def stats(request: Request) -> dict[str, int]:
    """Row counts of the store's main tables."""
    return store(request).stats()


@router.get("/events", response_model=Page[EventRow], tags=["events"])
def events(
    request: Request,
    actor: Actor = None,
    with_: Annotated[
        str | None,
        Query(alias="with", min_length=1, max_length=200, pattern=CODE, description="Second party."),
    ] = None,
    type: EventType = None,  # noqa: A002 - the CLI's word
    kind: Annotated[Literal["meeting", "event"] | None, Query()] = None,
    since: Since = None,
    until: Since = None,
    text: Words = None,
    limit: Limit = 50,
    offset: Offset = 0,
    format: Format = "json",  # noqa: A002
):
    """Events newest first, filtered like `diplograph events`."""
    rows = store(request).events(
        actor=actor,
        with_=with_,
        type=type,
        since=since,
        until=views.until_inclusive(until),
        text=text,
        kind=kind,
        limit=limit + 1,
        offset=offset,
    )
    return page(request, rows, limit, offset, format, sliced=True)


@router.get("/events/{event_id}", response_model=EventRow, tags=["events"])
def event(request: Request, event_id: str):
    """One event with its participants and every source sentence (report + span)."""
    found = store(request).event(event_id)
    if found is None:
        raise not_found("event", event_id)
    return found


@router.get("/timeline", response_model=list[TimelinePoint], tags=["events"])
def timeline(
    request: Request,
    actor: Annotated[str, Query(min_length=1, max_length=200, pattern=CODE)],
    type: EventType = None,  # noqa: A002
    format: Format = "json",  # noqa: A002
):
    """Events and meetings per month in which `actor` takes part."""
    points = store(request).timeline(actor, type=type)
    return csv_response(points, "timeline") if format == "csv" else points


@router.get("/timeline/types", tags=["events"])
def timeline_by_type(request: Request, format: Format = "json") -> Any:  # noqa: A002
    """Events per month and PLOVER type, over the whole store (the dashboard's chart)."""
    rows = views.events_by_month_and_type(store(request))
    points = [{"month": m, "type": t, "events": n} for m, t, n in rows]
    return csv_response(points, "timeline-types") if format == "csv" else points


@router.get("/actors", response_model=Page[ActorRow], tags=["actors"])
def actors(
    request: Request,
    kind: Annotated[Literal["state", "body", "person"] | None, Query()] = None,
    country: Actor = None,
    text: Words = None,
    limit: Limit = 50,
    offset: Offset = 0,
    format: Format = "json",  # noqa: A002
):
    """Actors (states, bodies, persons), most active first."""
    rows = store(request).actors(kind=kind, country=country, text=text)
    return page(request, rows, limit, offset, format)


@router.get("/actors/{actor_id}", response_model=ActorRow, tags=["actors"])
def actor(request: Request, actor_id: str):
    found = views.actor(store(request), actor_id)
    if found is None:
        raise not_found("actor", actor_id)
    return found


@router.get("/relations", response_model=Page[Relation], tags=["actors"])
def relations(
    request: Request,
    actor: Annotated[str, Query(min_length=1, max_length=200, pattern=CODE)],
    limit: Limit = 50,
    offset: Offset = 0,
    format: Format = "json",  # noqa: A002
):
    """Partners of `actor`, most meetings first, with the current partnership level."""
    return page(request, store(request).relations(actor), limit, offset, format)


@router.get("/network", tags=["actors"])
def network(request: Request) -> dict[str, Any]:
    """States and bodies as nodes, meetings between them as weighted edges."""
    net = views.meeting_network(store(request))
    return {
        "nodes": [{"id": c, "name": n, "kind": k} for c, (n, k) in sorted(net.nodes.items())],
        "edges": [{"source": a, "target": b, "meetings": w} for a, b, w in net.edges],
    }


@router.get("/pairs/{a}/{b}", tags=["actors"], responses={400: {"description": "a == b"}, 404: {}})
def pair(request: Request, a: str, b: str) -> dict[str, Any]:
    """Everything two parties did together: meetings, other events, documents,
    targets with progress, and the partnership level history (oldest first)."""
    found = views.pair(store(request), a, b)
    if found.a is None and found.b is None:
        raise not_found("pair", f"{a}/{b}")
    return {
        "a": found.a_code,
        "b": found.b_code,
        "meetings": [asdict(e) for e in found.meetings],
        "events": [asdict(e) for e in found.events],
        "documents": [asdict(d) for d in found.documents],
        "targets": [asdict(t) for t in found.targets],
        "partnerships": [asdict(p) for p in found.partnerships],
    }


@router.get("/documents", response_model=Page[DocumentRow], tags=["records"])
def documents(
    request: Request,
    actor: Actor = None,
    status: Annotated[Literal["signed", "planned"] | None, Query()] = None,
    limit: Limit = 50,
    offset: Offset = 0,
    format: Format = "json",  # noqa: A002
):
    """Documents signed or planned."""
    return page(request, store(request).documents(actor=actor, status=status), limit, offset, format)


@router.get("/documents/{document_id}", response_model=DocumentRow, tags=["records"])
def document(request: Request, document_id: str):
    found = store(request).document(document_id)
    if found is None:
        raise not_found("document", document_id)
    return found


@router.get("/targets", response_model=Page[TargetRow], tags=["records"])
def targets(
    request: Request,
    actor: Actor = None,
    status: Annotated[Literal["target", "actual"] | None, Query()] = None,
    limit: Limit = 50,
    offset: Offset = 0,
    format: Format = "json",  # noqa: A002
):
    """Targets and actual figures; each target with its latest actual figure and progress."""
    return page(request, store(request).targets(actor=actor, status=status), limit, offset, format)


@router.get("/partnerships", response_model=Page[PartnershipRow], tags=["records"])
def partnerships(
    request: Request,
    actor: Actor = None,
    limit: Limit = 50,
    offset: Offset = 0,
    format: Format = "json",  # noqa: A002
):
    """Named partnership levels between parties (upgraded, established, existing)."""
    return page(request, store(request).partnerships(actor=actor), limit, offset, format)


@router.get("/reports", response_model=Page[ReportRow], tags=["reports"])
def reports(request: Request, limit: Limit = 50, offset: Offset = 0, format: Format = "json"):  # noqa: A002
    """Stored reports, newest first (without their text)."""
    rows = store(request).reports(limit=limit + 1, offset=offset)
    return page(request, rows, limit, offset, format, sliced=True)


@router.get("/reports/{report_id:path}", response_model=ReportRow, tags=["reports"])
def report(request: Request, report_id: str):
    """One report with its original text: every span points into it."""
    found = store(request).report(report_id)
    if found is None:
        raise not_found("report", report_id)
    return found


@router.get("/search", response_model=Page[SearchHit], tags=["reports"])
def search(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=200, pattern=CODE, description="Words to find.")],
    limit: Limit = 50,
    offset: Offset = 0,
    format: Format = "json",  # noqa: A002
):
    """Records whose evidence sentence contains `q` (case-insensitive)."""
    rows = store(request).search(q, limit=offset + limit + 1)
    return page(request, rows, limit, offset, format)
