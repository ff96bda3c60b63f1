"""Near-duplicate reports: the same wire copy republished by several sites, or
the same article under a different header, found with MinHash LSH.

Why the bands live in the database: the index must survive between runs and
grow to any number of reports without holding them in memory, and it must
commit (or vanish) in the same transaction as the report it describes, so a
killed ingest never leaves a report without its bands or bands without their
report. The signature is datasketch's `MinHash`; the banding (how many bands
of how many rows for the threshold) is datasketch's `MinHashLSH` choice; each
band is stored as one (band, bucket) row and candidates are the reports that
share a row.

A candidate is a duplicate when the estimated Jaccard similarity of word
shingles reaches `JACCARD`, or when the new report is mostly contained in it
(`CONTAINMENT`, estimated from the Jaccard and the two shingle counts: a
different header, footer or list of teasers around the same article) and is
not much longer than it (a longer report may say more, so it is kept).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from datasketch import MinHash, MinHashLSH
from sqlalchemy import Connection, Select, and_, bindparam, or_, select

from diplograph.actors.knowledge import fold
from diplograph.store.schema import report_bands, reports

NUM_PERM = 128
SCHEME = "affine32"  # datasketch's hashing scheme, fixed so stored signatures stay comparable
SHINGLE = 5  # words per shingle
LSH_THRESHOLD = 0.4  # candidates from the bands; the checks below decide
JACCARD = 0.8
CONTAINMENT = 0.8
MAX_GROWTH = 1.2  # a report more than this much longer than its match is not its duplicate


@dataclass
class Signature:
    minhash: MinHash
    shingles: int
    _bands: list[tuple[int, int]] | None = field(default=None, repr=False, compare=False)

    def to_bytes(self) -> bytes:
        return self.minhash.hashvalues.astype("<u8").tobytes()

    def bands(self) -> list[tuple[int, int]]:
        """Its LSH (band, bucket) rows, computed once: a report's bands are
        looked up before extraction, again when it is written, and stored."""
        if self._bands is None:
            self._bands = bands(self)
        return self._bands


@dataclass
class Match:
    report_id: str
    jaccard: float
    containment: float


@lru_cache(maxsize=1)
def _lsh() -> MinHashLSH:
    return MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)


@lru_cache(maxsize=1)
def _permutations():  # noqa: ANN202 - datasketch's (a, b) arrays
    """The hash permutations (fixed by the seed): generated once, not per report."""
    return MinHash(num_perm=NUM_PERM, scheme=SCHEME).permutations


def signature(text: str) -> Signature:
    words = re.findall(r"\w+", fold(text))
    if len(words) < SHINGLE:
        shingles = {" ".join(words)}
    else:
        shingles = {" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}
    minhash = MinHash(num_perm=NUM_PERM, scheme=SCHEME, permutations=_permutations())
    minhash.update_batch([s.encode("utf-8") for s in shingles])
    return Signature(minhash, len(shingles))


def bands(sig: Signature) -> list[tuple[int, int]]:
    """(band, bucket) rows: each band of the signature hashed to a signed 64-bit int."""
    values = sig.minhash.hashvalues.astype("<u8")
    out = []
    for band, (start, end) in enumerate(_lsh().hashranges):
        digest = hashlib.blake2b(values[start:end].tobytes(), digest_size=8).digest()
        out.append((band, int.from_bytes(digest, "little", signed=True)))
    return out


def jaccard_of(sig: Signature, data: bytes) -> float:
    """Estimated Jaccard similarity of a signature and a stored one (datasketch's
    estimate, `MinHash.jaccard`, without building a MinHash for the stored one)."""
    theirs = np.frombuffer(data, dtype="<u8")
    return float(np.count_nonzero(sig.minhash.hashvalues == theirs)) / NUM_PERM


def from_bytes(data: bytes) -> MinHash:
    return MinHash(
        num_perm=NUM_PERM, hashvalues=np.frombuffer(data, dtype="<u8").astype(np.uint64), scheme=SCHEME
    )


@lru_cache(maxsize=1)
def _candidates_statement() -> Select:
    """Reports sharing any band bucket with a signature: built once, the
    buckets bound as parameters h0, h1, ..."""
    n = len(_lsh().hashranges)
    return (
        select(report_bands.c.report_id)
        .where(
            or_(
                *[
                    and_(report_bands.c.band == b, report_bands.c.bucket == bindparam(f"h{b}"))
                    for b in range(n)
                ]
            )
        )
        .distinct()
    )


def find_duplicate(conn: Connection, report_id: str, sig: Signature) -> Match | None:
    """The stored report this one duplicates (its canonical original), or None."""
    params = {f"h{b}": h for b, h in sig.bands()}
    candidates = set(conn.execute(_candidates_statement(), params).scalars())
    candidates.discard(report_id)
    best: Match | None = None
    for cid in sorted(candidates):
        row = conn.execute(
            select(reports.c.minhash, reports.c.shingles, reports.c.duplicate_of).where(reports.c.id == cid)
        ).one_or_none()
        if row is None or row.minhash is None or row.duplicate_of is not None:
            continue  # duplicates point at the original, never at another duplicate
        jaccard = jaccard_of(sig, row.minhash)
        common = jaccard / (1 + jaccard) * (sig.shingles + (row.shingles or 0))
        containment = common / max(sig.shingles, 1)
        is_dup = jaccard >= JACCARD or (
            containment >= CONTAINMENT and sig.shingles <= MAX_GROWTH * (row.shingles or 0)
        )
        if is_dup and (best is None or jaccard > best.jaccard):
            best = Match(cid, jaccard, containment)
    return best


def insert_bands(conn: Connection, report_id: str, sig: Signature) -> None:
    conn.execute(
        report_bands.insert(),
        [{"band": b, "bucket": h, "report_id": report_id} for b, h in sig.bands()],
    )
