#!/usr/bin/env python3
"""Inter-coder agreement for PLOVER event codings (standard library only).

Usage: python3 agreement.py REFERENCE.jsonl OTHER.jsonl

Each file holds one JSON object per line: {"id": ..., "events": [...]},
each event with type, mode, actor, recipient, status, trigger.
Only events with status "happened" are scored.

Per sentence, events are matched one-to-one greedily (in file order):
  (a) event type      -- key = type
  (b) full tuple      -- key = (type, set(actor), set(recipient))
  (c) per-class F1    -- from the type-level matching of (a)
The first file is the reference (recall denominator), the second the
prediction (precision denominator).
"""
import json
import sys
from collections import Counter, defaultdict


def load(path):
    out = {}
    order = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.strip()
            if not line:
                continue
            d = json.loads(line)
            if d["id"] in out:
                raise SystemExit(f"{path}:{n}: duplicate id {d['id']}")
            out[d["id"]] = [e for e in d.get("events", [])
                            if e.get("status") == "happened"]
            order.append(d["id"])
    return out, order


def key_type(e):
    return e["type"]


def key_full(e):
    return (e["type"], frozenset(e.get("actor") or []),
            frozenset(e.get("recipient") or []))


def greedy_match(ref, pred, key):
    """One-to-one greedy matching; returns list of (ref_i, pred_j) pairs."""
    used = set()
    pairs = []
    for i, r in enumerate(ref):
        kr = key(r)
        for j, p in enumerate(pred):
            if j not in used and key(p) == kr:
                used.add(j)
                pairs.append((i, j))
                break
    return pairs


def prf(tp, n_ref, n_pred):
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_ref if n_ref else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main(ref_path, pred_path):
    ref, ref_order = load(ref_path)
    pred, pred_order = load(pred_path)
    ids = [i for i in ref_order if i in pred]
    missing = sorted(set(ref_order) ^ set(pred_order))

    tp_t = tp_f = n_ref = n_pred = 0
    cls_tp, cls_ref, cls_pred = Counter(), Counter(), Counter()
    n_sent_identical = 0
    for sid in ids:
        r, p = ref[sid], pred[sid]
        n_ref += len(r)
        n_pred += len(p)
        pt = greedy_match(r, p, key_type)
        pf = greedy_match(r, p, key_full)
        tp_t += len(pt)
        tp_f += len(pf)
        if len(pf) == len(r) == len(p):
            n_sent_identical += 1
        for e in r:
            cls_ref[e["type"]] += 1
        for e in p:
            cls_pred[e["type"]] += 1
        for i, _ in pt:
            cls_tp[r[i]["type"]] += 1

    lines = []
    lines.append(f"reference: {ref_path}")
    lines.append(f"other:     {pred_path}")
    lines.append(f"sentences compared: {len(ids)}"
                 + (f"  (ids in only one file: {len(missing)})" if missing else ""))
    lines.append(f"sentences with identical (type, actors, recipients) "
                 f"codings: {n_sent_identical}/{len(ids)}")
    lines.append(f"happened events: reference {n_ref}, other {n_pred}")
    lines.append("")
    p, r, f = prf(tp_t, n_ref, n_pred)
    lines.append(f"(a) event type            TP={tp_t:4d}  P={p:.3f}  R={r:.3f}  F1={f:.3f}")
    p, r, f = prf(tp_f, n_ref, n_pred)
    lines.append(f"(b) type+actor+recipient  TP={tp_f:4d}  P={p:.3f}  R={r:.3f}  F1={f:.3f}")
    lines.append("")
    lines.append("(c) per class (type-level matching)")
    lines.append(f"    {'class':<10} {'ref':>4} {'oth':>4} {'tp':>4}   P      R      F1")
    for c in sorted(set(cls_ref) | set(cls_pred)):
        p, r, f = prf(cls_tp[c], cls_ref[c], cls_pred[c])
        lines.append(f"    {c:<10} {cls_ref[c]:>4} {cls_pred[c]:>4} {cls_tp[c]:>4}"
                     f"  {p:.3f}  {r:.3f}  {f:.3f}")
    print("\n".join(lines))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    main(sys.argv[1], sys.argv[2])
