"""Reading a file's bytes safely: a path that is missing, not a regular file
(a FIFO would block forever), unreadable, or over the size limit becomes a
`Failure` with the operating system's reason, never an exception."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from diplograph.read.common import too_large
from diplograph.records import Failure


def check_file(path: Path, limit: bool = False) -> Failure | None:
    """A Failure when `path` cannot be a report file; None when it can be read.
    With `limit`, files over the size limit are refused too."""
    source = str(path)
    try:
        info = os.stat(path)
    except OSError as error:
        return Failure(source, source, f"cannot read: {error.strerror or error}")
    if stat.S_ISDIR(info.st_mode):
        return Failure(source, source, "is a directory")
    if not stat.S_ISREG(info.st_mode):
        return Failure(source, source, "not a regular file")
    if not os.access(path, os.R_OK):
        return Failure(source, source, "cannot read: Permission denied")
    if info.st_size == 0:
        return Failure(path.stem, source, "empty file")
    reason = too_large(info.st_size) if limit else None
    if reason:
        return Failure(path.stem, source, reason)
    return None


def read_bytes(path: Path) -> bytes | Failure:
    problem = check_file(path, limit=True)
    if problem:
        return problem
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as error:
        return Failure(str(path), str(path), f"cannot read: {error.strerror or error}")
