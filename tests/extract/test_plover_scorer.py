"""eval/plover/score_events.py on a small gold file: real extraction, counts
checked by hand."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

SCORER = Path(__file__).resolve().parents[2] / "eval" / "plover" / "score_events.py"


def _scorer():
    spec = importlib.util.spec_from_file_location("score_events", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


GOLD = [
    {"id": "a", "text": "Washington demanded that Iran release the detained sailors.",
     "events": [{"type": "REQUEST", "actor": "USA", "recipient": "IRN"}]},
    {"id": "b", "text": "Germany did not support the French proposal.", "events": []},
    {"id": "c", "text": "Pakistan, a key U.S. ally, refused to join the coalition.",
     "events": [{"event": "REJECT", "actor": ["Pakistan"], "recipient": None}]},
    {"id": "d", "text": "Turkey sent troops to Libya on Monday.",
     "events": [{"event": "MOBILIZE", "actor": "TUR", "recipient": "LBY"},
                {"event": "ASSAULT", "actor": "TUR", "recipient": "LBY"}]},
]  # fmt: skip


def test_scores_types_and_dyads_per_sentence(tmp_path, capsys) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(row) + "\n" for row in GOLD), encoding="utf-8")
    scorer = _scorer()
    assert scorer.main([str(gold)]) == 0
    out = capsys.readouterr().out
    # the negated SUPPORT is not a prediction; the ASSAULT is missed
    assert "event type: P 1.000  R 0.750" in out
    assert "(type, actor, recipient): P 1.000  R 0.750" in out
    pred = tmp_path / "pred.jsonl"
    pred.write_text(json.dumps({"doc_id": "a", "events": [{"type": "REQUEST", "actor": ["IRN"],
                                                          "recipient": ["USA"]}]}) + "\n")  # fmt: skip
    counts = scorer.score(GOLD[:1], {"a": json.loads(pred.read_text())})
    assert counts["type"]["REQUEST"] == [1, 1, 1]
    assert counts["dyad"]["REQUEST"] == [0, 1, 1]  # the demand's target is not its actor
