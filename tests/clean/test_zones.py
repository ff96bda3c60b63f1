"""Cleaning zones on the real seeds and on small reports made for each rule:
teasers, repeats, image file names, bylines and headers leave the readable
zones; captions are their own readable zone; offsets point into the
original text."""

from __future__ import annotations

from pathlib import Path

from diplograph.clean import clean, zones_of
from diplograph.records import Report


def zoned(text: str) -> list[tuple[str, str]]:
    return [(z.kind, text[z.start : z.end]) for z in zones_of(text)]


def readable_text(text: str) -> str:
    report = clean(Report("t", text))
    return "\n".join(text[z.start : z.end] for z in report.readable())


def test_zones_are_ordered_disjoint_and_inside_the_text(dev_docs: list[Path]) -> None:
    for path in dev_docs:
        text = path.read_text(encoding="utf-8")
        zones = zones_of(text)
        assert zones, path
        for before, after in zip(zones, zones[1:], strict=False):
            assert before.end <= after.start, (path, before, after)
        assert all(0 <= z.start < z.end <= len(text) for z in zones)
        assert any(z.kind == "body" for z in zones)


def test_seed_teasers_after_see_more_are_not_readable(seeds: list[Path]) -> None:
    path = next(p for p in seeds if "See more" in p.read_text(encoding="utf-8"))
    text = path.read_text(encoding="utf-8")
    report = clean(Report(path.stem, text))
    teaser = [z for z in report.zones if z.kind == "teaser"]
    assert len(teaser) == 1
    assert text[teaser[0].start :].startswith("See more")
    assert all(z.end <= teaser[0].start for z in report.readable())
    # the teasers' stories (other persons, other meetings) are outside every readable zone
    readable = readable_text(text)
    assert "See more" not in readable
    for line in text[teaser[0].start :].splitlines():
        if len(line) > 40:
            assert line not in readable


def test_seed_repeated_caption_and_paragraph_are_repeats(seeds: list[Path]) -> None:
    for path in seeds:
        text = path.read_text(encoding="utf-8")
        report = clean(Report(path.stem, text))
        readable = [text[z.start : z.end] for z in report.readable()]
        long_ones = [t for t in readable if len(t.split()) >= 4]
        assert len(long_ones) == len(set(long_ones)), f"{path.name}: a readable paragraph is repeated"
    text = next(p for p in seeds if "(Photo: VNA)" in p.read_text()).read_text()
    repeats = [text[z.start : z.end] for z in zones_of(text) if z.kind == "repeat"]
    assert any(r.endswith("(Photo: VNA)") for r in repeats)


def test_seed_image_file_names_are_junk_and_captions_are_captions(seeds: list[Path]) -> None:
    kinds: dict[str, list[str]] = {"junk": [], "caption": []}
    for path in seeds:
        text = path.read_text(encoding="utf-8")
        for kind, stretch in zoned(text):
            kinds.setdefault(kind, []).append(stretch)
    assert any(j.endswith(".jpg") for j in kinds["junk"])
    assert not any(".jpg" in c for c in kinds["caption"])
    captions = kinds["caption"]
    assert any("(right)" in c for c in captions)  # "X (right) meets Y ... Photo: VGP"
    assert any(c.startswith("Deputy Prime Minister and Minister of Foreign Affairs") for c in captions)
    # the credit itself is not caption text
    assert not any(c.endswith(("Photo: VGP", "(Photo: VNA)")) for c in captions)


def test_title_header_and_date_line() -> None:
    text = (
        "Ministers meet to deepen ties\n"
        "Published Feb 15, 2025 01:07 am\n\n"
        "The two ministers met in Hanoi on Friday.\n"
    )
    assert zoned(text) == [
        ("title", "Ministers meet to deepen ties"),
        ("header", "Published Feb 15, 2025 01:07 am"),
        ("body", "The two ministers met in Hanoi on Friday."),
    ]
    text = " date 2025-10-27 KUALA LUMPUR — The minister held talks on Monday.\n\nMore talks followed."
    assert zoned(text) == [
        ("header", "date 2025-10-27 "),
        ("body", "KUALA LUMPUR — The minister held talks on Monday."),
        ("body", "More talks followed."),
    ]


def test_captions_bylines_credits_and_furniture() -> None:
    text = (
        "The president received the visiting prime minister at the palace on Thursday.\n"
        "President A (left) shakes hands with Prime Minister B at the palace. Photo: XYZ News\n"
        "(From left) Minister C and Minister D during a meeting in Munich (Photo from the ministry)\n"
        "A meeting between President A and Prime Minister B at the palace on Thursday ANTARA\n"
        "talks-2025-01-23-photo.jpeg\n"
        "ADVERTISEMENT\n"
        "Rate this item\n"
        "(0 votes)\n"
        "The two leaders agreed to meet again next year. — VNA/VNS\n"
        "VNA\n"
        "/.\n"
    )
    assert zoned(text) == [
        ("body", "The president received the visiting prime minister at the palace on Thursday."),
        ("caption", "President A (left) shakes hands with Prime Minister B at the palace."),
        ("junk", " Photo: XYZ News"),
        ("caption", "(From left) Minister C and Minister D during a meeting in Munich"),
        ("junk", "(Photo from the ministry)"),
        ("caption", "A meeting between President A and Prime Minister B at the palace on Thursday ANTARA"),
        ("junk", "talks-2025-01-23-photo.jpeg"),
        ("junk", "ADVERTISEMENT"),
        ("junk", "Rate this item"),
        ("junk", "(0 votes)"),
        ("body", "The two leaders agreed to meet again next year."),
        ("junk", " — VNA/VNS"),
        ("junk", "VNA"),
        ("junk", "/."),
    ]


def test_a_caption_run_into_the_story_on_one_line() -> None:
    text = (
        " date 2021-10-27 The two prime ministers held online talks on October 26. — VNA/VNS Photo "
        "HA NOI — The two prime ministers agreed to recognise each other's vaccine passports.\n"
        "Leaders at the summit. (Photo: VNA) Hanoi (VNA) – The summit opened on Monday.\n"
    )
    assert zoned(text) == [
        ("header", "date 2021-10-27 "),
        ("caption", "The two prime ministers held online talks on October 26."),
        ("junk", " — VNA/VNS Photo"),
        ("body", "HA NOI — The two prime ministers agreed to recognise each other's vaccine passports."),
        ("caption", "Leaders at the summit."),
        ("junk", " (Photo: VNA)"),
        ("body", "Hanoi (VNA) – The summit opened on Monday."),
    ]


def test_teaser_marker_ends_the_story_but_not_near_the_top() -> None:
    story = "The minister met his counterpart in Hanoi on Monday to discuss trade.\n" * 5
    text = story + "Related news\nAnother minister visits another country.\n"
    kinds = [k for k, _ in zoned(text)]
    assert kinds[-1] == "teaser" and zoned(text)[-1][1].startswith("Related news")
    nav = "Read more\n" + "The minister met his counterpart in Hanoi on Monday to discuss trade.\n" * 3
    assert "teaser" not in [k for k, _ in zoned(nav)]


def test_repeats_fold_case_diacritics_and_spacing() -> None:
    text = (
        "Thủ tướng Phạm Minh Chính met the visiting minister in Hà Nội.\n"
        "Thu tuong  Pham Minh Chinh met the visiting minister in Ha Noi\n"
    )
    assert [k for k, _ in zoned(text)] == ["body", "repeat"]


def test_clean_sets_a_missing_title_from_the_headline() -> None:
    report = Report("t", "Leaders agree to deepen ties\nThe leaders met on Monday.")
    clean(report)
    assert report.title == "Leaders agree to deepen ties"
    kept = Report("t", "Leaders agree to deepen ties\nThe leaders met on Monday.", title="From metadata")
    clean(kept)
    assert kept.title == "From metadata"


def test_bylines_and_wire_credits_are_not_readable() -> None:
    text = (
        "Ministers agree to expand trade\n"
        "By Maria Lindqvist, Staff Correspondent\n"
        "STOCKHOLM, May 4 - Swedish Foreign Minister Karl Berg met his Finnish counterpart on Monday.\n"
        "By Monday evening the two sides had agreed on a plan of action for the next three years.\n"
        "By 2030 the two countries aim to double trade.\n"
        "The talks were held at the foreign ministry in Stockholm. "
        "Reporting by Anna Holm; Editing by Peter Dahl\n"
        "(With inputs from agencies)\n"
        "Reviewed by: Olof Sand\n"
    )
    readable = readable_text(text)
    for credit in ("Maria Lindqvist", "Anna Holm", "Peter Dahl", "inputs from", "Olof Sand"):
        assert credit not in readable, credit
    for story in ("Karl Berg", "By Monday evening", "By 2030", "held at the foreign ministry in Stockholm."):
        assert story in readable, story


def test_an_agency_photo_credit_makes_a_caption_and_is_no_text() -> None:
    text = ("Leaders meet in Oslo\n"
            "Prime Minister Jonas Lund, left, greets President Ana Costa. (AP Photo/Erik Moen, Pool)\n"
            "OSLO - The two leaders held talks on Tuesday and agreed to deepen ties in energy.\n")
    zones = zoned(text)
    assert ("caption", "Prime Minister Jonas Lund, left, greets President Ana Costa.") in zones
    assert "Erik Moen" not in readable_text(text)


def test_a_teaser_block_inside_the_story_hides_only_the_other_stories_headlines() -> None:
    story = ("LUSAKA - Thousands gathered on Sunday for the funeral of the former first lady, who died last "
             "week in a hospital abroad at the age of 70.\n") * 3
    text = (
        "Thousands mourn former first lady\n" + story
        + "READ MORE\nKenya and Uganda sign border pact\nWhy the summit failed\n"
        + "Among the mourners were President Hakainde Hichilema and several heads of state from the region.\n"
        + "The coffin was later taken to a private burial attended only by the family and close friends.\n"
        + "Mourners described her as a generous woman who had built schools and clinics in her village.\n"
        + "See also: Zambia and Malawi agree to upgrade ties\n"
    )
    readable = readable_text(text)
    assert "Kenya and Uganda sign border pact" not in readable and "Why the summit failed" not in readable
    assert "Hakainde Hichilema" in readable and "private burial" in readable
    assert "Zambia and Malawi agree" not in readable  # a marker with another story's headline on its line


def test_a_teaser_marker_before_headlines_and_summaries_still_ends_the_story() -> None:
    story = ("HANOI - The two foreign ministers held talks on Monday and agreed to expand cooperation in "
             "trade, investment, education and tourism.\n") * 3
    text = (
        story + "Related news\nVietnam and Laos review ties\n"
        + "The two sides reviewed the implementation of their agreements at a meeting in Vientiane.\n"
        + "Cambodia hosts regional forum\n"
        + "Ministers from ten countries gathered in Phnom Penh for the annual forum on Friday.\n"
    )
    readable = readable_text(text)
    assert "Vientiane" not in readable and "Phnom Penh" not in readable
