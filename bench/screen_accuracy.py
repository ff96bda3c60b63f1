"""Dev-set accuracy and parse size with and without the sentence screen, in one run.

    .venv/bin/python bench/screen_accuracy.py

Runs the pipeline over the dev reports of ../shared/eval/dev twice in one
process, once with `parse.SCREEN` off and once on, scores both with
../shared/eval/score.py, and prints each kind's F1, the mean, the number of
events (not scored by score.py), the share of words the screen blanks (of
the words left after the unreadable zones are blanked) and the time of
each run. The screen must change no F1 by more than 0.01.
"""

from __future__ import annotations

import importlib.util
import sys
import time
from pathlib import Path

from diplograph import clean, parse, pipeline, screen
from diplograph.nlp import load_model
from diplograph.read import read_paths

SHARED = Path(__file__).resolve().parents[2] / "shared"
KINDS = ("persons", "meetings", "documents", "targets", "partnerships")


def _score_module():
    spec = importlib.util.spec_from_file_location("dev_score", SHARED / "eval" / "score.py")
    if spec is None or spec.loader is None:
        sys.exit("../shared/eval/score.py is needed")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run(items: list, nlp, screened: bool, score, gold) -> tuple[dict, float, int, float]:
    parse.SCREEN = screened
    start = time.perf_counter()
    pred = {}
    for item in pipeline.run(items, nlp):
        record = item.to_contract()
        pred[record["doc_id"]] = record
    secs = time.perf_counter() - start
    events = sum(len(r["events"]) for r in pred.values())
    words = kept = 0
    for item in items:
        masked = parse.masked_text(clean.clean(item))
        words += len(masked.split())
        kept += len(screen.screen(masked)[0].split()) if screened else len(masked.split())
    result, _ = score.score(gold, pred)
    return result, secs, events, 1 - kept / words


def main() -> None:
    score = _score_module()
    gold = score.load(str(SHARED / "eval" / "dev" / "gold.jsonl"))
    items = list(read_paths([str(p) for p in sorted((SHARED / "eval" / "dev" / "docs").glob("*.txt"))]))
    nlp = load_model()
    off = run(items, nlp, False, score, gold)
    on = run(items, nlp, True, score, gold)
    print(f"{'':14} {'no screen':>10} {'screen':>10}")
    worst = 0.0
    for kind in KINDS:
        a, b = off[0][kind]["f1"], on[0][kind]["f1"]
        worst = max(worst, a - b)
        print(f"{kind:14} {a:10.3f} {b:10.3f}")
    print(f"{'mean F1':14} {off[0]['mean_f1']:10.3f} {on[0]['mean_f1']:10.3f}")
    print(f"{'events':14} {off[2]:10d} {on[2]:10d}")
    print(f"{'words blanked':14} {off[3]:10.1%} {on[3]:10.1%}")
    print(f"{'seconds':14} {off[1]:10.1f} {on[1]:10.1f}")
    print(f"largest F1 drop: {worst:.3f} ({'within' if worst <= 0.01 else 'OVER'} 0.01)")


if __name__ == "__main__":
    main()
