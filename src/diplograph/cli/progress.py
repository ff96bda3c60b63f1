"""One progress bar for every long command (extract, ingest): rich, on
stderr, gone when the work ends, so stdout stays clean for the records."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import ExitStack


def progress_bar(stack: ExitStack, label: str, total: int | None) -> Callable[[], None]:
    """Enter a progress bar into `stack` and return the function that advances it."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    progress = Progress(
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    stack.enter_context(progress)
    task = progress.add_task(label, total=total)
    return lambda: progress.advance(task)
