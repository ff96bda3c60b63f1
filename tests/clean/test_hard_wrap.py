"""clean.hard_wrap: a hard-wrapped report's paragraphs are read whole, the text unchanged."""

from diplograph import clean, parse
from diplograph.records import Report

WRAPPED = """Ministers meet in Hanoi
HANOI, March 3 - The foreign ministers of Vietnam and Indonesia held talks
in Hanoi on Monday, during an official visit by Indonesian Foreign Minister
Retno Marsudi, and agreed to speed up the talks on their maritime boundary.
The two ministers also reviewed the progress of the plan of action for the
strategic partnership and welcomed the growth of two-way trade, which rose
by eight percent last year to reach more than eleven billion US dollars.
They signed a memorandum of understanding on cooperation in education and
training, and an agreement on the mutual exemption of visas for holders of
service passports, and agreed to hold the next meeting of their joint
commission in Jakarta in the second half of the year.
- Memorandum on education
- Agreement on visas
"""

TITLES = """Documents signed during the visit
Agreement on Cooperation in the Field of Education and Training Programmes
Memorandum of Understanding on Cooperation in Agriculture and Rural Affairs
Agreement on the Mutual Exemption of Visas for Holders of Service Passports
Memorandum of Understanding on Cooperation in Tourism and Cultural Exchanges
Protocol on Amendments to the Agreement on Air Services Between the States
Agreement on Mutual Legal Assistance in Criminal Matters and Extradition Law
Memorandum of Understanding on Cooperation in Health Care and Medical Science
Agreement on Trade and Investment Promotion Between the Chambers of Commerce
"""


def test_a_wrapped_report_has_its_wraps_found_and_its_text_unchanged() -> None:
    cleaned = clean.clean(Report("w", WRAPPED))
    assert cleaned.report.text == WRAPPED
    wraps = {WRAPPED[:i].count("\n") + 1 for i in cleaned.soft_breaks}  # line numbers the wraps end
    assert 1 not in wraps  # the headline stays its own line
    assert {2, 3, 5, 6, 8, 9, 10} <= wraps  # mid-sentence breaks
    assert not {4, 7} & wraps  # a line that ends a sentence may end it (no sentence is cut there)
    assert not {11, 12} & wraps  # the paragraph's end, and a list item stays a line


def test_a_wrapped_paragraph_is_one_zone_and_one_line_for_the_parser() -> None:
    cleaned = clean.clean(Report("w", WRAPPED))
    name = WRAPPED.index("Foreign Minister\nRetno")
    assert any(z.start < name < z.end for z in cleaned.readable())
    masked = parse.masked_text(cleaned)
    assert len(masked) == len(WRAPPED)
    assert "Foreign Minister Retno Marsudi" in masked


def test_a_list_of_titles_and_plain_paragraphs_are_not_wrapped() -> None:
    assert clean.soft_breaks(TITLES) == ()
    paragraphs = "\n".join(WRAPPED.replace("\n", " ") for _ in range(3))
    assert clean.soft_breaks(paragraphs) == ()
