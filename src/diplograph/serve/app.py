"""The app factory: one FastAPI application per `Settings`.

Why a factory: the CLI, the tests and anyone embedding diplograph build the
same app from the same settings; nothing is module-global. The JSON API lives
in `api.py`, the web pages in `pages.py`, ingestion (only with
--allow-ingest) in `ingest.py`; this module wires them with the guards
(`security.py`), the locally served assets (`assets.py`) and the error pages.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler, request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from diplograph.serve import api, assets, pages
from diplograph.serve.security import BodySizeLimit, SecurityHeaders, server_error_response
from diplograph.serve.settings import Settings
from diplograph.serve.templating import render

HERE = Path(__file__).parent

DESCRIPTION = """Source-grounded records of diplomatic news: events (PLOVER), actors,
relations, documents, targets, partnerships and the reports behind them. Every
record carries its sources: the report, the [start, end) span into the report's
original text and the evidence sentence. Lists take `limit`/`offset` and
`format=csv`. Read-only unless the server was started with `--allow-ingest`."""


def _wants_json(request: Request) -> bool:
    path = request.url.path
    return (
        path.startswith("/api")
        or path in ("/openapi.json",)
        or "application/json" in request.headers.get("accept", "")
        and "text/html" not in request.headers.get("accept", "")
    )


def create_app(settings: Settings) -> FastAPI:
    """A ready application over the store named in `settings`."""
    from diplograph import open as open_store

    app = FastAPI(
        title="diplograph",
        version=_version(),
        description=DESCRIPTION,
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.settings = settings
    app.state.store = open_store(settings.db)
    # The map's gazetteer takes seconds to index: build it off the request path.
    import threading

    from diplograph.serve import geo

    threading.Thread(target=geo.warm, name="gazetteer", daemon=True).start()

    # The last added runs first: security headers wrap everything, even the
    # Host check's 400 and the size limit's 413.
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(settings.hosts))
    app.add_middleware(SecurityHeaders)

    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    @app.get("/vendor/{name}", include_in_schema=False)
    def vendor(name: str) -> Response:
        path = assets.vendor_path(name)
        if path is None:
            return JSONResponse({"detail": f"no asset {name!r}"}, status_code=404)
        cache = {"Cache-Control": "max-age=86400"}
        return FileResponse(path, media_type=assets.media_type(name), headers=cache)

    @app.get("/docs", include_in_schema=False)
    def docs(request: Request) -> HTMLResponse:
        return render(request, "swagger.html", openapi_url=app.openapi_url)

    app.include_router(api.router)
    if settings.allow_ingest:
        from diplograph.serve import ingest

        app.include_router(ingest.router)
    app.include_router(pages.router)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if _wants_json(request):
            return await http_exception_handler(request, exc)
        return render(request, "error.html", exc.status_code, status=exc.status_code, detail=exc.detail)

    @app.exception_handler(RequestValidationError)
    async def bad_params(request: Request, exc: RequestValidationError) -> Response:
        if _wants_json(request):
            return await request_validation_exception_handler(request, exc)
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', [])[1:])}: {e.get('msg')}" for e in exc.errors()
        )
        return render(request, "error.html", 422, status=422, detail=f"bad parameters: {problems}")

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception) -> Response:
        return server_error_response()

    @app.exception_handler(ValueError)
    async def bad_value(request: Request, exc: ValueError) -> Response:
        """The store says a parameter makes no sense (e.g. an unknown date form): 400, not 500."""
        if _wants_json(request):
            return JSONResponse({"detail": str(exc)}, status_code=400)
        return render(request, "error.html", 400, status=400, detail=str(exc))

    return app


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("diplograph")
    except PackageNotFoundError:
        return "0"
