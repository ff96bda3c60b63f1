"""`POST /api/reports`: add one report to the store over HTTP.

Mounted only when the server was started with --allow-ingest, and every call
must carry the bearer token from $DIPLOGRAPH_TOKEN. The report goes through
the same pipeline and the same per-report transaction as `diplograph ingest`.
"""

from __future__ import annotations

import hashlib
import threading
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, Field

from diplograph.records import Report
from diplograph.serve.security import require_token
from diplograph.store import IngestResult

router = APIRouter(prefix="/api", tags=["ingest"])

#: One extraction at a time: the spaCy model is shared, and SQLite has one writer.
_lock = threading.Lock()


class NewReport(BaseModel):
    """A report as sent by a client: the original text and what is known about it."""

    text: Annotated[str, Field(min_length=1, description="The report's full original text.")]
    id: Annotated[str | None, Field(min_length=1, max_length=255, pattern=r"^[^\x00-\x1f/]+$")] = None
    title: Annotated[str | None, Field(max_length=2000)] = None
    url: Annotated[str | None, Field(max_length=2000)] = None
    published: Annotated[str | None, Field(pattern=r"^\d{4}-\d{2}-\d{2}$", description="YYYY-MM-DD")] = None


@router.post(
    "/reports",
    response_model=IngestResult,
    status_code=201,
    dependencies=[Depends(require_token)],
    responses={401: {"description": "missing or wrong bearer token"}, 413: {"description": "body too large"}},
)
def add_report(request: Request, body: NewReport) -> IngestResult:
    """Extract and store one report (requires `Authorization: Bearer $DIPLOGRAPH_TOKEN`)."""
    from diplograph.nlp import load_model

    report_id = body.id or "api-" + hashlib.sha256(body.text.encode("utf-8")).hexdigest()[:16]
    report = Report(
        id=report_id,
        text=body.text,
        url=body.url,
        title=body.title,
        published=body.published,
        published_how="metadata" if body.published else None,
        source="api",
    )
    results: list[IngestResult] = []
    with _lock:
        request.app.state.store.ingest([report], nlp=load_model(), on_result=results.append)
    return results[-1] if results else IngestResult(report_id, "failed", reason="no result")
