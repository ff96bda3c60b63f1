"""Third-party browser assets, served from the Python packages that ship them.

Why not a CDN or a committed copy: the UI must work with no internet, and a
4 MB vendored file would go stale beside the pinned package. plotly ships
plotly.min.js in `plotly/package_data`; fastapi-offline ships Swagger UI 5
(which reads OpenAPI 3.1, as FastAPI writes it).
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path

#: public name -> (package, file inside it)
VENDOR: dict[str, tuple[str, str]] = {
    "plotly.min.js": ("plotly", "package_data/plotly.min.js"),
    "swagger-ui-bundle.js": ("fastapi_offline", "static/swagger-ui-bundle.js"),
    "swagger-ui.css": ("fastapi_offline", "static/swagger-ui.css"),
}

MEDIA_TYPES = {".js": "text/javascript", ".css": "text/css"}


@cache
def vendor_path(name: str) -> Path | None:
    """The file behind a public vendor asset name, or None when unknown or missing."""
    if name not in VENDOR:
        return None
    package, inner = VENDOR[name]
    try:
        path = Path(str(files(package).joinpath(inner)))
    except ModuleNotFoundError:
        return None
    return path if path.is_file() else None


def media_type(name: str) -> str:
    return MEDIA_TYPES.get(Path(name).suffix, "application/octet-stream")
