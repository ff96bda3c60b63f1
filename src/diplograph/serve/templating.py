"""The one Jinja2 environment: autoescape on for every template, always.

Why explicit: report texts are untrusted. Autoescape is set here by hand (not
left to file-extension guessing) so a template named anything still escapes,
and the only way to put markup on a page is `highlight()`, which escapes the
text itself.
"""

from __future__ import annotations

from pathlib import Path

import jinja2
from fastapi import Request
from fastapi.templating import Jinja2Templates
from starlette.responses import Response

from diplograph.serve import highlight

_env = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
_env.globals["highlight"] = highlight.highlight
_env.filters["money"] = lambda v: "" if v is None else f"{v / 1e9:,.2f} bn" if v >= 1e8 else f"{v:,.0f}"
_env.filters["pct"] = lambda v: "" if v is None else f"{100 * v:.0f}%"


def web_url(url: str | None) -> str | None:
    """A report's URL only when it is http(s): a `javascript:` URL in a link would run on click."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


_env.filters["web_url"] = web_url

templates = Jinja2Templates(env=_env)

#: What base.html reads on every page; pages override what they set.
PAGE_DEFAULTS = {"charts": False, "nav": None, "search_q": None}


def render(request: Request, name: str, status_code: int = 200, **context) -> Response:
    """A page from template `name` with the base defaults filled in."""
    return templates.TemplateResponse(request, name, {**PAGE_DEFAULTS, **context}, status_code=status_code)
