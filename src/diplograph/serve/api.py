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
from pydantic import AfterValidator, BaseModel

from diplograph.serve import views
from diplograph.serve.params import PLOVER_TYPES, exact_date, exact_type
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

#: A year 0001-9999, a month 01-12, a day 01-31 (a day past the month's end is refused by `check_date`).
DATE = r"^(000[1-9]|00[1-9]\d|0[1-9]\d{2}|[1-9]\d{3})(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"
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
# Dates and types: the schema states the exact shape (pattern, enum) and the
# validators enforce it, so a refusal says why ("month must be in 1..12",
# "one of AGREE, CONSULT, ...") instead of quoting a regular expression.
Since = Annotated[
    str | None,
    Query(
        description="YYYY, YYYY-MM or YYYY-MM-DD (inclusive); a real date, else 422 saying why.",
        json_schema_extra={"pattern": DATE},
    ),
    AfterValidator(exact_date),
]
Words = Annotated[
    str | None, Query(min_length=1, max_length=200, pattern=CODE, description="Words in the evidence.")
]
EventType = Annotated[
    str | None,
    Query(
        description="PLOVER type, upper or lower case; another is a 422 listing them.",
        json_schema_extra={"enum": [*PLOVER_TYPES, *(t.lower() for t in PLOVER_TYPES)]},
    ),
    AfterValidator(exact_type),
]

#: A record looked up by id may not exist.
MISSING = {404: {"description": "No record with this id."}}

#: Every list answers JSON or, with `format=csv`, a CSV download; bad parameters are 4xx.
CSV = {
    200: {
        "content": {"text/csv": {"schema": {"type": "string"}}},
        "description": "JSON, or CSV with format=csv",
    },
    422: {"description": "A parameter is invalid (the detail names it and says why)."},
}


class Page(BaseModel, Generic[T]):
    """One page of a list: `next` is the URL of the following page, if any."""

    items: list[T]
    limit: int
    offset: int
    count: int
    total: int | None = None  # rows in all, where the store counts them
    next: str | None = None


def store(request: Request) -> Store:
    return request.app.state.store


def page(
    request: Request,
    rows: list,
    limit: int,
    offset: int,
    fmt: str,
    sliced: bool = False,
    total: int | None = None,
):
    """A JSON page or a CSV download of `rows`. `sliced`: rows are already this
    page plus one extra row (the store paginated), else the whole list (whose
    length is the total)."""
    if not sliced:
        total = len(rows)
        rows = rows[offset : offset + limit + 1]
    more = len(rows) > limit
    rows = rows[:limit]
    if fmt == "csv":
        return csv_response(rows, request.url.path.rsplit("/", 1)[-1] or "rows")
    nxt = str(request.url.include_query_params(offset=offset + limit)) if more else None
    return {"items": rows, "limit": limit, "offset": offset, "count": len(rows), "total": total, "next": nxt}


def flat(value: Any) -> Any:
    """A CSV cell: lists joined with '; ', people and sources by name/report."""
    if isinstance(value, list):
        return "; ".join(str(flat(v)) for v in value)
    if isinstance(value, dict):
        return value.get("name") or value.get("report_id") or value.get("id") or ""
    return "" if value is None else value


def provenance(record: dict[str, Any]) -> dict[str, Any]:
    """A record's `sources` as flat CSV columns: the reports, the spans
    (`report:start-end`), the reports' URLs and the evidence sentences."""
    sources = record.pop("sources", None)
    if sources is None:
        return record
    record["report_ids"] = "; ".join(dict.fromkeys(s["report_id"] for s in sources))
    record["spans"] = "; ".join(f"{s['report_id']}:{s['start']}-{s['end']}" for s in sources)
    record["urls"] = "; ".join(dict.fromkeys(s["url"] for s in sources if s.get("url")))
    record["source_evidence"] = " | ".join(s["evidence"] for s in sources)
    return record


def csv_response(rows: list, name: str) -> Response:
    records = [provenance(asdict(r) if is_dataclass(r) else dict(r)) for r in rows]
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


@router.get("/events", response_model=Page[EventRow], tags=["events"], responses=CSV)
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
    dated: Annotated[
        bool | None, Query(description="true: only events with a date in the text; false: only undated ones.")
    ] = None,
    location: Annotated[
        str | None, Query(min_length=1, max_length=200, pattern=CODE, description="The place, as stored.")
    ] = None,
    limit: Limit = 50,
    offset: Offset = 0,
    format: Format = "json",  # noqa: A002
):
    """Events newest first, filtered like `diplograph events`; each with its sources."""
    rows = store(request).events(
        dated=dated,
        location=location,
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


@router.get("/events/{event_id}", response_model=EventRow, tags=["events"], responses=MISSING)
def event(request: Request, event_id: str):
    """One event with its participants and every source sentence (report + span)."""
    found = store(request).event(event_id)
    if found is None:
        raise not_found("event", event_id)
    return found


@router.get("/timeline", response_model=list[TimelinePoint], tags=["events"], responses=CSV)
def timeline(
    request: Request,
    actor: Annotated[str, Query(min_length=1, max_length=200, pattern=CODE)],
    type: EventType = None,  # noqa: A002
    format: Format = "json",  # noqa: A002
):
    """Events and meetings per month in which `actor` takes part."""
    points = store(request).timeline(actor, type=type)
    return csv_response(points, "timeline") if format == "csv" else points


@router.get("/timeline/types", tags=["events"], responses=CSV)
def timeline_by_type(request: Request, format: Format = "json") -> Any:  # noqa: A002
    """Events per month and PLOVER type, over the whole store (the dashboard's chart)."""
    rows = views.events_by_month_and_type(store(request))
    points = [{"month": m, "type": t, "events": n} for m, t, n in rows]
    return csv_response(points, "timeline-types") if format == "csv" else points


@router.get("/actors", response_model=Page[ActorRow], tags=["actors"], responses=CSV)
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


@router.get("/actors/{actor_id}", response_model=ActorRow, tags=["actors"], responses={**CSV, **MISSING})
def actor(request: Request, actor_id: str, format: Format = "json"):  # noqa: A002
    """One actor with its aliases and counts (CSV: one row)."""
    found = views.actor(store(request), actor_id)
    if found is None:
        raise not_found("actor", actor_id)
    return csv_response([found], f"actor-{actor_id}") if format == "csv" else found


@router.get("/relations", response_model=Page[Relation], tags=["actors"], responses=CSV)
def relations(
    request: Request,
    actor: Annotated[str, Query(min_length=1, max_length=200, pattern=CODE)],
    limit: Limit = 50,
    offset: Offset = 0,
    format: Format = "json",  # noqa: A002
):
    """Partners of `actor`, most meetings first, with the current partnership level."""
    return page(request, store(request).relations(actor), limit, offset, format)


@router.get("/network", tags=["actors"], responses=CSV)
def network(request: Request, format: Format = "json") -> Any:  # noqa: A002
    """States and bodies as nodes, meetings between them as weighted edges
    (CSV: one row per edge, with both parties' names)."""
    net = views.meeting_network(store(request))
    if format == "csv":
        edges = [
            {
                "source": a,
                "source_name": net.nodes[a][0],
                "target": b,
                "target_name": net.nodes[b][0],
                "meetings": w,
            }
            for a, b, w in net.edges
        ]
        return csv_response(edges, "network")
    return {
        "nodes": [{"id": c, "name": n, "kind": k} for c, (n, k) in sorted(net.nodes.items())],
        "edges": [{"source": a, "target": b, "meetings": w} for a, b, w in net.edges],
    }


@router.get(
    "/pairs/{a}/{b}",
    tags=["actors"],
    responses={
        **CSV,
        400: {"description": "a and b name the same party"},
        404: {"description": "neither party is in the store"},
    },
)
def pair(request: Request, a: str, b: str, format: Format = "json") -> Any:  # noqa: A002
    """Everything two parties (codes or names) did together: meetings, other
    events, documents, targets with progress, and the partnership level history
    (oldest first); every record with its sources. CSV: one row per record."""
    found = views.pair(store(request), a, b)
    if found.a is None and found.b is None:
        raise not_found("pair", f"{a}/{b}")
    if format == "csv":
        return csv_response(found.rows(), f"pair-{found.a_code}-{found.b_code}")
    return {
        "a": found.a_code,
        "b": found.b_code,
        "meetings": [asdict(e) for e in found.meetings],
        "events": [asdict(e) for e in found.events],
        "documents": [asdict(d) for d in found.documents],
        "targets": [asdict(t) for t in found.targets],
        "partnerships": [asdict(p) for p in found.partnerships],
    }


@router.get("/facets", tags=["events"])
def facets(request: Request) -> dict[str, list[dict[str, Any]]]:
    """Event counts by PLOVER type, side (state or body), year and dated/undated,
    most first (recounted at most once a minute)."""
    return {
        name: [{"value": v, "count": n} for v, n in rows]
        for name, rows in views.facets(store(request)).items()
    }


@router.get("/documents", response_model=Page[DocumentRow], tags=["records"], responses=CSV)
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


@router.get("/documents/{document_id}", response_model=DocumentRow, tags=["records"], responses=MISSING)
def document(request: Request, document_id: str):
    found = store(request).document(document_id)
    if found is None:
        raise not_found("document", document_id)
    return found


@router.get("/targets", response_model=Page[TargetRow], tags=["records"], responses=CSV)
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


@router.get("/partnerships", response_model=Page[PartnershipRow], tags=["records"], responses=CSV)
def partnerships(
    request: Request,
    actor: Actor = None,
    limit: Limit = 50,
    offset: Offset = 0,
    format: Format = "json",  # noqa: A002
):
    """Named partnership levels between parties (upgraded, established, existing)."""
    return page(request, store(request).partnerships(actor=actor), limit, offset, format)


@router.get("/reports", response_model=Page[ReportRow], tags=["reports"], responses=CSV)
def reports(request: Request, limit: Limit = 50, offset: Offset = 0, format: Format = "json"):  # noqa: A002
    """Stored reports, newest first (without their text)."""
    rows = store(request).reports(limit=limit + 1, offset=offset)
    return page(request, rows, limit, offset, format, sliced=True)


@router.get("/reports/{report_id:path}", response_model=ReportRow, tags=["reports"], responses=MISSING)
def report(request: Request, report_id: str):
    """One report with its original text: every span points into it."""
    found = store(request).report(report_id)
    if found is None:
        raise not_found("report", report_id)
    return found


@router.get("/search", response_model=Page[SearchHit], tags=["reports"], responses=CSV)
def search(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=200, pattern=CODE, description="Words to find.")],
    kind: Annotated[
        Literal["event", "document", "target", "partnership", "actor"] | None,
        Query(description="Only hits of this kind."),
    ] = None,
    limit: Limit = 50,
    offset: Offset = 0,
    format: Format = "json",  # noqa: A002
):
    """Evidence sentences, persons' names and documents' titles holding every
    word of `q` (accents folded: "Pham" finds "Phạm"), best first, with the total."""
    rows, total = store(request).search_page(
        q, limit=limit + 1, offset=offset, kinds={kind} if kind else None
    )
    return page(request, rows, limit, offset, format, sliced=True, total=total)
