"""What every reader shares: the size limit, decoding bytes into text, and the
checks that turn a hopeless input into a `Failure` with a plain reason.

Why one place: the bad-input contract ("an empty file, a binary file, invalid
UTF-8, a 50 MB file, a non-English report each yield one clear line") must
read the same whichever way the report came in (file, JSON Lines, stdin).
"""

from __future__ import annotations

import codecs

import charset_normalizer

from diplograph.read.language import guess_language
from diplograph.read.published import resolve_published
from diplograph.records import Failure, Report

#: Inputs larger than this are rejected before they are read. A news report is
#: a few kB; 10 MB is far beyond any real one, and refusing early keeps memory
#: flat and a stray dump or video file from stalling a batch.
MAX_BYTES = 10 * 1024 * 1024


def too_large(size: int) -> str | None:
    if size > MAX_BYTES:
        return f"too large ({size / 1024 / 1024:.1f} MB; the limit is {MAX_BYTES // 1024 // 1024} MB)"
    return None


def looks_binary(data: bytes) -> bool:
    """NUL bytes, or many control characters, in the first 8 kB: not a text."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return bool(head) and controls / len(head) > 0.05


#: Byte order marks of the wide Unicode encodings (UTF-32 first: its
#: little-endian mark begins with UTF-16's).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: What a file full of NUL bytes may still be: text in a wide encoding.
_WIDE = ["utf_16_le", "utf_16_be", "utf_32_le", "utf_32_be"]


def _wide_text(data: bytes) -> str | None:
    """The text of UTF-16 or UTF-32 bytes (with or without a byte order mark,
    the encoding told by charset-normalizer), or None when they are not."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                return None
    best = charset_normalizer.from_bytes(data[:65536], cp_isolation=_WIDE).best()
    if best is None:
        return None
    try:
        text = data.decode(best.encoding)
    except UnicodeDecodeError:
        return None
    # Without a byte order mark, only text that is mostly Latin letters (so
    # every other byte is NUL, which is why it looked binary) is taken for
    # UTF-16: any run of bytes decodes as *some* UTF-16, usually CJK.
    latin = sum(1 for c in text if ord(c) < 0x250)
    if not text or latin < 0.9 * len(text) or looks_binary(text.encode("utf-8")):
        return None
    return text


def decode(data: bytes) -> tuple[str | None, str | None]:
    """(text, None) or (None, reason). UTF-8 (a leading BOM is dropped), or
    UTF-16/UTF-32, which Windows tools write and which look binary byte by
    byte. Nothing else is guessed: reading Latin-1 as if it were something
    else would silently change the text every span points into."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or looks_binary(data):
        text = _wide_text(data)
        if text is not None:
            return text, None
        return None, "binary file (not text)"
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        return None, f"invalid UTF-8 at byte {error.start} ({error.reason})"


#: The longest report id a store keeps (its key column is VARCHAR(255) on
#: every back-end).
MAX_ID_CHARS = 255


def unstorable(report: Report) -> str | None:
    """Why a report cannot be stored the same way on SQLite and PostgreSQL,
    or None. PostgreSQL text holds no NUL character, and ids are at most 255
    characters: refused here, with a reason, for every reader and both
    back-ends alike, rather than failing in one store only."""
    if len(report.id) > MAX_ID_CHARS:
        return f"report id longer than {MAX_ID_CHARS} characters ({len(report.id)})"
    for name in ("id", "text", "title", "url", "published"):
        value = getattr(report, name)
        if isinstance(value, str) and "\x00" in value:
            return f"NUL character in the report's {name}"
    if any(ord(c) < 32 for c in report.id):
        return "control character in the report id"
    return None


def finish(
    report: Report,
    published: str | None = None,
    metadata_published: str | None = None,
) -> Report | Failure:
    """Checks every reader's report goes through, then the publication date."""
    if not report.text.strip():
        return Failure(report.id, report.source, "empty report (no text)")
    problem = unstorable(report)
    if problem:
        return Failure(report.id[:MAX_ID_CHARS], report.source, problem)
    language = guess_language(report.text)
    if language not in ("en", None):
        return Failure(report.id, report.source, f"not English (looks like {language})")
    report.published, report.published_how = resolve_published(report.text, published, metadata_published)
    return report
