"""The resolver's encounter verbs are data/meetings.yaml's (one vocabulary, issue 13)."""

import importlib
import re

from diplograph.actors.knowledge import load_yaml

vocabulary = importlib.import_module("diplograph.actors.resolve.vocabulary")


def test_one_side_verbs_are_finite_meeting_verbs_of_the_listed_lemmas() -> None:
    resolve, meetings = load_yaml("resolve.yaml"), load_yaml("meetings.yaml")
    acts = vocabulary._one_side_acts(resolve)
    verbs = [a for a in acts if a not in resolve["one_side_phrases"]]
    known = {re.escape(v) for v in [*meetings["verbs"], *meetings["visit_words"]]}
    assert set(verbs) <= known
    assert {"met", "received", "welcomed", "hosted", "visited"} <= set(verbs)
    assert not [v for v in verbs if v.endswith("ing")] and "talks" not in verbs


def test_joint_verbs_are_talk_verbs_but_the_one_sided() -> None:
    resolve, meetings = load_yaml("resolve.yaml"), load_yaml("meetings.yaml")
    acts = vocabulary._joint_acts(resolve)
    talk = [re.escape(v) for v in meetings["talk_verbs"]]
    assert [a for a in acts if a not in resolve["joint_phrases"]] == [
        a for a in talk if a not in {re.escape(v) for v in resolve["joint_talk_verbs_not"]}]
    assert "reviewed" not in acts and "co\\-chaired" in acts


def test_the_cues_read_them() -> None:
    cues = vocabulary.cues()
    assert cues.one_side.match(" met with the delegation")
    assert cues.one_side.match(" received the visiting minister")
    assert not cues.one_side.match(" meeting the delegation")
    assert cues.joint_act.match(" co-chaired the talks")
    assert not cues.joint_act.match(" reviewed the plan")
