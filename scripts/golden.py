"""Snapshot `diplograph extract` over every evaluation set, or check a build against a snapshot.

    .venv/bin/python scripts/golden.py capture DIR     # write DIR/<set>.jsonl for every set
    .venv/bin/python scripts/golden.py check DIR       # run again, report every set whose output differs
    .venv/bin/python scripts/golden.py check DIR --no-test   # leave out held-out splits (*-test, *-fresh)

Why: a refactor must not change what is extracted (issue 13: "byte-identical on
every evaluation set"). Capture with the build before the change, check with
the build after it. `check` prints, per set, whether the bytes are identical
and, where not, the first differing report and record kind, so a difference
can be read and not only counted. Exit status 1 when any set differs.

The sets: the shared dev set (../shared/eval/dev, when present) and every
`eval/*/docs` and `eval/real/*/docs` folder. The default `extract` options
are used (`--format jsonl --quiet`), with `--explain` off: the output a user
gets. `--no-test` leaves out the held-out splits (real test, a fresh batch), so that developers
checking a change never run the build on them.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: Held-out splits, scored by the lead once per round and never run while developing:
#: `eval/real/test` and a fresh batch not yet developed on (`eval/real/fresh`).
HELD_OUT = ("-test", "-fresh")


def sets() -> dict[str, Path]:
    found: dict[str, Path] = {}
    shared = ROOT.parent / "shared" / "eval" / "dev" / "docs"
    if shared.is_dir():
        found["shared-dev"] = shared
    for docs in sorted((ROOT / "eval").glob("*/docs")) + sorted((ROOT / "eval").glob("*/*/docs")):
        found[str(docs.parent.relative_to(ROOT / "eval")).replace("/", "-")] = docs
    return found


def extract(docs: Path) -> bytes:
    exe = Path(sys.executable).with_name("diplograph")
    done = subprocess.run([str(exe), "extract", str(docs), "--format", "jsonl", "--quiet"],
                          capture_output=True, check=True)
    return done.stdout


def first_difference(old: bytes, new: bytes) -> str:
    a = {json.loads(line)["doc_id"]: json.loads(line) for line in old.splitlines() if line.strip()}
    b = {json.loads(line)["doc_id"]: json.loads(line) for line in new.splitlines() if line.strip()}
    for doc in sorted(set(a) | set(b)):
        if a.get(doc) == b.get(doc):
            continue
        if doc not in a or doc not in b:
            return f"{doc}: only in the {'new' if doc in b else 'old'} output"
        kinds = [k for k in a[doc] if a[doc].get(k) != b[doc].get(k)] + [k for k in b[doc] if k not in a[doc]]
        return f"{doc}: {', '.join(dict.fromkeys(kinds))} differ"
    return "same records, different bytes (order or formatting)"


def main(argv: list[str]) -> int:
    no_test = "--no-test" in argv
    argv = [a for a in argv if a != "--no-test"]
    if len(argv) != 2 or argv[0] not in ("capture", "check"):
        print(__doc__)
        return 2
    mode, folder = argv[0], Path(argv[1])
    folder.mkdir(parents=True, exist_ok=True)
    differing = 0
    for name, docs in sets().items():
        if no_test and name.endswith(HELD_OUT):
            continue  # a held-out split is not run while developing
        out = extract(docs)
        snap = folder / f"{name}.jsonl"
        if mode == "capture":
            snap.write_bytes(out)
            print(f"{name:12} {len(out):>9} bytes captured")
            continue
        if not snap.exists():
            print(f"{name:12} no snapshot")
            differing += 1
            continue
        old = snap.read_bytes()
        if old == out:
            print(f"{name:12} identical")
        else:
            differing += 1
            print(f"{name:12} DIFFERS: {first_difference(old, out)}")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
