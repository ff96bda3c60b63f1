"""`POST /api/reports`: add one report to the store over HTTP.

Mounted only when the server was started with --allow-ingest, and every call
must carry the bearer token from $DIPLOGRAPH_TOKEN. The report goes through
the same reader checks as a JSON Lines record (empty, NUL characters, not
English, the ` date YYYY-MM-DD` line, the id's length), then the same
pipeline and per-report transaction as `diplograph ingest`.

What the answer says: 201 the report was stored (added, or linked as a
near-duplicate); 200 it was there already, unchanged, or was replaced on
request; 409 a report with this id exists and `?replace=true` was not sent;
413 the body or the report is too large; 422 the report was refused, with
the reason. Nothing that was not stored is ever a 2xx.
"""

from __future__ import annotations

import hashlib
import threading
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field, field_validator

from diplograph.read.jsonl import report_from_object
from diplograph.read.published import to_iso
from diplograph.records import Failure, Report
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

    @field_validator("published")
    @classmethod
    def _a_real_date(cls, value: str | None) -> str | None:
        if value is not None and to_iso(value) is None:
            raise ValueError(f"{value!r} is not a date")
        return value


def _refused(status: int, report_id: str, reason: str) -> HTTPException:
    return HTTPException(
        status_code=status, detail={"report_id": report_id, "status": "failed", "reason": reason}
    )


def _status_of(failure: Failure | IngestResult) -> int:
    reason = failure.reason or ""
    return 413 if "too large" in reason or "too long" in reason else 422


@router.post(
    "/reports",
    response_model=IngestResult,
    status_code=201,
    dependencies=[Depends(require_token)],
    responses={
        200: {"description": "already stored and unchanged, or replaced (with replace=true)"},
        401: {"description": "missing or wrong bearer token"},
        409: {"description": "a report with this id exists; send replace=true to replace it"},
        413: {"description": "body or report too large"},
        422: {"description": "the report was refused (the reason says why)"},
    },
)
def add_report(
    request: Request,
    body: NewReport,
    replace: Annotated[bool, Query(description="Replace a stored report that has this id.")] = False,
):
    """Extract and store one report (requires `Authorization: Bearer $DIPLOGRAPH_TOKEN`)."""
    from diplograph.nlp import load_model

    report_id = body.id or "api-" + hashlib.sha256(body.text.encode("utf-8")).hexdigest()[:16]
    read = report_from_object(body.model_dump(), report_id, "api")
    if isinstance(read, Failure):
        raise _refused(_status_of(read), report_id, read.reason)
    report: Report = read
    report.id, report.source = report_id, "api"
    store = request.app.state.store
    results: list[IngestResult] = []
    with _lock:
        existing = store.report(report_id)
        if existing is not None and not replace:
            from diplograph.store.write import content_hash

            if existing.content_hash != content_hash(report):
                raise _refused(
                    409,
                    report_id,
                    f"a report with id {report_id!r} is stored; send replace=true to replace it",
                )
        store.ingest([report], nlp=load_model(), on_result=results.append)
    result = results[-1] if results else IngestResult(report_id, "failed", reason="no result")
    if result.status == "failed":
        reason = result.reason or "not stored"
        if reason.startswith("store:"):
            raise HTTPException(
                status_code=500, detail={"report_id": report_id, "status": "failed", "reason": reason}
            )
        raise _refused(_status_of(result), report_id, reason)
    code = 201 if result.status in ("added", "duplicate") else 200
    return JSONResponse(result.to_dict(), status_code=code)
