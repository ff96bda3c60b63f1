"""diplograph: diplomatic news reports in, a source-grounded record out.

The public Python API (the CLI and the web app are thin layers over it):

    import diplograph
    records = diplograph.extract(["Prime Minister ... met ... on Monday."])
    db = diplograph.open("diplograph.db")      # or "postgresql://..."
    db.ingest(["reports/"])
    db.events(actor="VNM", since="2025-01-01")  # plain dataclasses

Imports are deferred so `import diplograph` (and every CLI command) stays
fast: spaCy is only loaded by `extract`, SQLAlchemy only by `open`.
"""

from __future__ import annotations

import os
import sys
import types
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from diplograph.records import Extraction, Failure, Report
    from diplograph.store import Store

__all__ = ["open", "extract"]


def open(location: str | os.PathLike[str] | None = None, create: bool = True) -> Store:  # noqa: A001
    """The store at a path (SQLite file, created if missing) or a database URL.
    With no location: $DIPLOGRAPH_DB, else ./diplograph.db."""
    from diplograph.store import Store

    return Store(location, create=create)


def extract(
    texts: Iterable[str | Report],
    published: str | None = None,
    jobs: int | None = 1,
) -> list[Extraction | Failure]:
    """Extract records from texts (or `Report`s), in order: one `Extraction`
    (or a `Failure` with its reason) per input. A text's id is its position."""
    from diplograph import pipeline
    from diplograph.read.common import finish
    from diplograph.records import Report

    def reports() -> Iterable:
        for i, item in enumerate(texts):
            if isinstance(item, Report):
                yield item
            else:
                yield finish(Report(id=str(i), text=item, source="<python>"), published)

    return list(pipeline.run(reports(), jobs=jobs))


class _Package(types.ModuleType):
    """Keeps `diplograph.extract` the API function: importing the subpackage
    `diplograph.extract` (the extraction stage) would otherwise rebind the
    name on this package to the module. The subpackage stays importable as
    usual (`from diplograph.extract import ...`, `sys.modules`)."""

    def __setattr__(self, name: str, value: object) -> None:
        if name == "extract" and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
