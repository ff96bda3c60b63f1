"""Score diplograph's PLOVER events against sentences coded by hand.

    python eval/plover/score_events.py GOLD.jsonl [--sentences S.jsonl] [--pred PRED.jsonl] [--jobs N]

GOLD: one JSON object a line: `id` and `events`, a list of {`type` (or
`event`), `actor`, `recipient`, `mode`, `status`}; an actor or recipient is
a code ("USA", "EU"), a list of codes, or null. Only events of `status`
"happened" (or with no status) count, as in `agreement.py`. A sentence with
no event has `events: []`. The text is the gold row's `text`, or the
`--sentences` file's (default: GOLD's name with "gold" made "sentences",
e.g. dev_gold.jsonl -> dev_sentences.jsonl), whose `context` (the sentence
before) is read first, for pronouns and names, and whose `published` dates
it; only events of the sentence itself are predictions.

PRED: diplograph's output for the same ids (`diplograph extract` JSON Lines,
`doc_id` = the gold `id`); without it, the texts are extracted here.
Events marked `negated` or `hypothetical` did not happen: they are not
predictions of an event.

Printed: event type P/R/F1 and (type, actor, recipient) P/R/F1, micro over
all sentences and per class. Matching is per sentence, as multisets: a
predicted event matches a gold event of the same sentence once. For
(type, actor, recipient) the actor sets must be equal and the recipient sets
equal; where gold leaves the recipient null, a predicted recipient is wrong.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path


def _code(text: str) -> str:
    """A gold actor as a code: codes as they are, names ("Russia") by the knowledge base."""
    from diplograph.actors.knowledge import knowledge

    if text.isupper() or not text:
        return text
    entity = knowledge().lookup(text)
    return entity.code if entity is not None else text


def _codes(value) -> frozenset[str]:
    if value is None:
        return frozenset()
    if isinstance(value, str):
        value = value.replace(";", ",").split(",")
    return frozenset(_code(str(v).strip()) for v in value if v and str(v).strip())


def _type(event: dict) -> str:
    return str(event.get("type") or event.get("event") or "").upper()


def gold_events(row: dict) -> list[dict]:
    return [e for e in row.get("events") or [] if _type(e) and e.get("status", "happened") == "happened"]


def predicted_events(row: dict) -> list[dict]:
    return [e for e in row.get("events") or [] if not e.get("negated") and not e.get("hypothetical")]


def _extract(rows: list[dict], jobs: int) -> dict[str, dict]:
    """diplograph's events of each sentence: the sentence before it read
    first, and only the events whose evidence starts in the sentence kept."""
    import diplograph
    from diplograph.read.common import finish
    from diplograph.records import Extraction, Report

    starts: dict[str, int] = {}
    reports = []
    for r in rows:
        before = (r.get("context") or "").strip()
        text = f"{before}\n{r['text']}" if before else r["text"]
        starts[str(r["id"])] = len(text) - len(r["text"])
        reports.append(finish(Report(id=str(r["id"]), text=text, source="<gold>"), r.get("published")))
    out = {}
    for result in diplograph.extract(reports, jobs=jobs):
        if isinstance(result, Extraction):
            row = result.to_contract()
            start = starts[result.report.id]
            row["events"] = [e for e in row["events"] if e["span"][1] > start]
            out[result.report.id] = row
    return out


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def _type_key(event: dict) -> tuple:
    return (_type(event),)


def _dyad_key(event: dict) -> tuple:
    return (_type(event), _codes(event.get("actor")), _codes(event.get("recipient")))


def score(gold: list[dict], pred: dict[str, dict]) -> dict:
    """Counts per class for the two measures: {measure: {class: [tp, pred, gold]}}."""
    counts: dict[str, dict[str, list[int]]] = {
        "type": defaultdict(lambda: [0, 0, 0]),
        "dyad": defaultdict(lambda: [0, 0, 0]),
    }
    for row in gold:
        g = gold_events(row)
        p = predicted_events(pred.get(str(row["id"]), {}))
        for measure, key in (("type", _type_key), ("dyad", _dyad_key)):
            gk = Counter(key(e) for e in g)
            pk = Counter(key(e) for e in p)
            for k, n in pk.items():
                counts[measure][k[0]][1] += n
                counts[measure][k[0]][0] += min(n, gk.get(k, 0))
            for k, n in gk.items():
                counts[measure][k[0]][2] += n
    return counts


def report(counts: dict, out=sys.stdout) -> dict:
    summary = {}
    for measure, label in (("type", "event type"), ("dyad", "(type, actor, recipient)")):
        per = counts[measure]
        tp = sum(v[0] for v in per.values())
        n_pred = sum(v[1] for v in per.values())
        n_gold = sum(v[2] for v in per.values())
        p, r, f = _prf(tp, n_pred, n_gold)
        summary[measure] = {"precision": p, "recall": r, "f1": f, "tp": tp, "pred": n_pred, "gold": n_gold}
        print(
            f"{label}: P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (tp {tp}, predicted {n_pred}, gold {n_gold})",
            file=out,
        )
        for kind in sorted(per):
            t, np_, ng = per[kind]
            cp, cr, cf = _prf(t, np_, ng)
            print(
                f"  {kind:<10} P {cp:.3f}  R {cr:.3f}  F1 {cf:.3f}  (tp {t}, predicted {np_}, gold {ng})",
                file=out,
            )
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("--pred", type=Path)
    parser.add_argument("--sentences", type=Path)
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args(argv)
    gold = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    if args.pred:
        pred = {}
        for line in args.pred.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                pred[str(row.get("doc_id") or row.get("id"))] = row
    else:
        texts = {str(r["id"]): r for r in gold if "text" in r}
        if len(texts) < len(gold):
            path = args.sentences or args.gold.with_name(args.gold.name.replace("gold", "sentences"))
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    row = json.loads(line)
                    texts.setdefault(str(row["id"]), row)
        pred = _extract([texts[str(r["id"])] for r in gold], args.jobs)
    report(score(gold, pred))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
