"""A report's original text as HTML, with evidence sentences marked.

Why by hand: it is ours. The spans are offsets into the original text, so the
text is cut at span edges, every piece is escaped, and only the <mark> tags we
add are markup. Nothing from a report ever reaches the page unescaped.
"""

from __future__ import annotations

from collections.abc import Iterable

from markupsafe import Markup, escape


def merge(spans: Iterable[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    """Spans clipped to [0, length), sorted, overlaps and touching spans merged."""
    clipped = sorted((max(0, s), min(length, e)) for s, e in spans if e > s)
    out: list[tuple[int, int]] = []
    for start, end in clipped:
        if start >= end:
            continue
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def highlight(text: str, spans: Iterable[tuple[int, int]], id_prefix: str = "mark") -> Markup:
    """`text` escaped, each merged span wrapped in <mark id="{id_prefix}-{i}">."""
    parts: list[str] = []
    at = 0
    for i, (start, end) in enumerate(merge(spans, len(text))):
        parts.append(str(escape(text[at:start])))
        parts.append(f'<mark id="{escape(id_prefix)}-{i}">{escape(text[start:end])}</mark>')
        at = end
    parts.append(str(escape(text[at:])))
    return Markup("".join(parts))
