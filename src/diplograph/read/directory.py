"""Directories: every report file below, recursively, in sorted order (so a
run's output order does not depend on the file system). Files are chosen by
extension; hidden files and folders are skipped; other files are ignored
(a folder of reports often holds images or notes). Links to directories
are not followed (see `walk`), and a file reached twice is read once
(`identity`)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

#: extension -> input kind
KINDS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}


def kind_of(path: Path) -> str:
    """The input kind a file's extension says (text when unknown)."""
    return KINDS.get(path.suffix.lower(), "text")


def walk(root: Path) -> Iterator[Path]:
    """Report files under `root`, depth first, sorted by name at each level.

    A symbolic link to a directory below `root` is not walked: it is either
    inside the tree (its files are read where they are) or outside it (a
    link to `/` would walk the disk; a link to its parent would loop). A
    root that is itself a link is walked: it was asked for."""
    try:
        entries = sorted(root.iterdir(), key=lambda p: p.name)
    except OSError:
        yield root  # reported by the file reader with the system's reason
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            linked_dir = entry.is_symlink() and entry.is_dir()
            is_dir = entry.is_dir()
        except OSError:
            linked_dir = is_dir = False
        if linked_dir:
            continue
        if is_dir:
            yield from walk(entry)
        elif entry.suffix.lower() in KINDS:
            yield entry
