"""`diplograph extract --explain` on real reports: every meeting, document,
target, partnership and event names the registered rule that made it (and
every person how its state was found); without the flag the output is the
contract users already parse, with no provenance but events' `rule`."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from diplograph.cli import main
from diplograph.extract import rules

ROOT = Path(__file__).resolve().parents[2]
#: real reports (eval/real/dev) with every record kind among them
REAL = sorted((ROOT / "eval" / "real" / "dev" / "docs").glob("*.txt"))[:30]
HOW = ("explicit", "knowledge", "learned", "inferred", "home", "unknown")
KINDS = ("meetings", "documents", "targets", "partnerships", "events")


def _extract(*args: str) -> list[dict]:
    done = CliRunner().invoke(main, ["extract", "--jobs", "1", "--quiet", *args, *map(str, REAL)])
    assert done.exit_code == 0, done.output
    return [json.loads(line) for line in done.stdout.splitlines()]


def test_explain_names_a_registered_rule_for_every_record() -> None:
    known = {r.name for r in rules.registered()}
    lines = _extract("--explain")
    seen = dict.fromkeys(KINDS, 0)
    for line in lines:
        assert isinstance(line["vetoes"], list)
        for kind in KINDS:
            for record in line[kind]:
                seen[kind] += 1
                where = (line["doc_id"], kind, record["rule"], record["evidence"][:80])
                assert record["rule"] in known, where
                assert not record["rules"] or record["rules"][0] == record["rule"], where
                assert isinstance(record["trace"], list)
        for person in line["persons"]:
            assert person["country_how"] in HOW
    assert all(seen.values()), seen  # the reports gave records of every kind


def test_without_explain_only_events_carry_a_rule() -> None:
    for line in _extract():
        assert "vetoes" not in line
        for kind in ("persons", "meetings", "documents", "targets", "partnerships"):
            assert not any({"rule", "rules", "trace", "country_how"} & set(r) for r in line[kind])
        assert all(set(e) & {"rule"} and not {"rules", "trace"} & set(e) for e in line["events"])


def test_rules_lists_the_registry_and_refuses_an_unknown_prefix() -> None:
    done = CliRunner().invoke(main, ["rules", "event.consult", "--json"])
    assert done.exit_code == 0
    listed = [json.loads(line) for line in done.stdout.splitlines()]
    assert {r["name"] for r in listed} == {r.name for r in rules.registered("event")
                                             if r.name.startswith("event.consult")}
    assert all(r["doc"] and r["family"] == "event" for r in listed)
    done = CliRunner().invoke(main, ["rules", "no.such.rule"])
    assert done.exit_code == 2 and "no rule starts with" in done.output
