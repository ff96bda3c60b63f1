"""Query parameters shared by the API and the pages, checked before the store sees them.

Why a module: a date like `2023-13-45` matches the shape `YYYY-MM-DD` but is
no date; a type like `FOO` is no PLOVER type. Both used to return nothing,
silently; here they are refused with a 422 that says why, and the PLOVER
types appear as an enum in the OpenAPI document.
"""

from __future__ import annotations

import re
from datetime import date
from enum import Enum

from diplograph.plover import codebook

#: The PLOVER event types, from the codebook the extractor codes with (data/events/codebook.yaml).
PLOVER_TYPES = tuple(codebook().classes)

PloverType = Enum("PloverType", {t: t for t in PLOVER_TYPES}, type=str)  # type: ignore[misc]

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def check_date(value: str | None) -> str | None:
    """YYYY, YYYY-MM or YYYY-MM-DD that names a real year, month or day; '' is no filter."""
    if value is None or not value.strip():
        return None if value is None else value
    found = _DATE.match(value.strip())
    if not found:
        raise ValueError(f"{value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = found.groups()
    try:
        date(int(year), int(month or 1), int(day or 1))
    except ValueError as exc:
        raise ValueError(f"{value!r} is no calendar date: {exc}") from None
    return value.strip()


def exact_date(value: str | None) -> str | None:
    """The API's form of `check_date`: the value exactly as the schema's pattern
    says (no blank, no spaces), and a real calendar date."""
    if value is not None and (not value or value != value.strip()):
        raise ValueError(f"{value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    return check_date(value)


def exact_type(value: str | None) -> str | None:
    """The API's form of `check_type`: one of the enum's values exactly."""
    if value is not None and (not value or value != value.strip()):
        raise ValueError(f"{value!r} is no PLOVER type; one of {', '.join(PLOVER_TYPES)}")
    return check_type(value)


def check_type(value: str | None) -> str | None:
    """A PLOVER type in upper or lower case (as the OpenAPI enum says); '' is no filter."""
    if value is None or not value.strip():
        return value
    if value.strip().upper() not in PLOVER_TYPES or value.strip() not in (value.upper(), value.lower()):
        raise ValueError(f"{value!r} is no PLOVER type; one of {', '.join(PLOVER_TYPES)}")
    return value.strip().upper()
