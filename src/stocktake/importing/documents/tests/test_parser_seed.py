"""The seed: "Wiring It Up", a real progress report on 42 conclusions (issue 3)."""

from __future__ import annotations

import re

import pytest

from stocktake.importing.documents.parser import ParsedDocument, document_parse

PARTS = [
    "Leadership for cross-cutting policies and services",
    "Improving cross-cutting policy-making and implementation",
    "Skills for cross-cutting policies and services",
    "Flexible funding for cross-cutting policies",
    "Audit and external scrutiny for cross-cutting policies and services",
    "Getting the role of the centre right",
]
FIRST_OF_PART = [1, 8, 15, 24, 28, 37, 43]


@pytest.fixture(scope="module")
def seed(seed_text: str) -> ParsedDocument:
    return document_parse(seed_text)


def _line_number(text: str, line: str) -> int:
    return text.splitlines().index(line) + 1


def test_exactly_the_42_conclusions_in_order(seed: ParsedDocument) -> None:
    assert [item.code for item in seed.items] == [str(number) for number in range(1, 43)]


def test_each_deadline_is_the_by_when_phrase_verbatim(seed: ParsedDocument, seed_text: str) -> None:
    by_when = [
        re.sub(r"^by when:?\s*", "", line, flags=re.IGNORECASE)
        for line in seed_text.splitlines()
        if re.match(r"by when", line, re.IGNORECASE)
    ]

    assert [item.deadline_phrase for item in seed.items] == by_when
    assert seed.items[6].deadline_phrase == "First element in place. Further modules by April 2000"
    assert seed.items[23].deadline_phrase == "April 2000 (as part of year 2000 Spending Review)"


def test_sections_are_the_parts_without_their_numbers(seed: ParsedDocument) -> None:
    assert seed.sections == PARTS
    for part, first, after_last in zip(PARTS, FIRST_OF_PART, FIRST_OF_PART[1:], strict=False):
        assert {item.section for item in seed.items[first - 1 : after_last - 1]} == {part}


def test_every_conclusion_has_its_text_and_progress(seed: ParsedDocument) -> None:
    assert all(item.text and item.progress for item in seed.items)
    first, last = seed.items[0], seed.items[-1]
    assert first.text.startswith("The responsibility of Ministers and senior civil servants")
    assert first.title == first.text
    assert first.progress.startswith("- 3.1.1 The Public Service Agreements (PSAs)")
    assert last.progress.startswith("3.42.1 The Guide was published in January 2001")
    assert "Annex" not in last.progress
    assert seed.items[40].progress == "3.41.1 This report is made in response to this conclusion."


def test_a_conclusion_ending_in_a_colon_keeps_its_list(seed: ParsedDocument) -> None:
    conclusion = seed.items[27]

    assert conclusion.text.startswith("The Government should:\n\n- Signal the willingness")
    assert conclusion.text.endswith("cross-cutting Select Committees in both Houses of Parliament.")
    assert conclusion.progress.startswith("3.28.1 The Liaison Committee Report")


def test_a_paragraph_broken_by_a_page_is_joined(seed: ParsedDocument) -> None:
    assert "leaders who have a better understanding" not in seed.items[3].progress
    assert "experience of service delivery and other working cultures" in seed.items[3].progress


def test_contents_executive_summary_and_summary_lists_give_no_items(
    seed: ParsedDocument, seed_text: str
) -> None:
    report_of_progress = _line_number(seed_text, "3. Report of Progress")
    full_conclusion_8 = _line_number(seed_text, seed_text.splitlines()[286])

    assert all(item.line > report_of_progress for item in seed.items)
    assert seed.items[7].line == full_conclusion_8
    assert "involved in the 25 policy-making" not in seed.items[9].text
    assert seed.items[9].text.startswith("More outside experts should be involved in the policy")


def test_cross_references_and_quotations_are_not_items(seed: ParsedDocument) -> None:
    """The introduction quotes "Conclusion 41 to Wiring It Up said that ..."; progress paragraphs
    refer to "conclusion 18, paragraph 3.18.1-4"; neither starts an item."""
    assert [item.code for item in seed.items].count("41") == 1
    assert "conclusion 18, paragraph 3.18.1-4" in seed.items[3].progress


def test_the_title_is_the_name_the_report_repeats(seed: ParsedDocument) -> None:
    assert seed.title == "Wiring It Up"
    assert seed.published is None


def test_the_abbreviations_annex_is_read(seed: ParsedDocument) -> None:
    annex = seed.abbreviations

    assert annex["DfEE"] == "Department for Education and Employment"
    assert annex["ESRC"] == "Economic and Social Research Council"
    assert annex["FCO"] == "Foreign and Commonwealth Office"
    assert annex["CORE"] == "Central Operational Research and Economics Team at HM Treasury"
    assert annex["SR 2000"] == "The 2000 Spending Review"
    assert "HM" not in annex
    assert len(annex) == 51


def test_the_cross_cutting_psa_table_gives_joint_responsibility(seed: ParsedDocument) -> None:
    """Conclusion 1's table: "Welfare to Work: DfEE, HMT and DSS." Ministers' titles (Home
    Secretary, Lord Chancellor) are not organisations and are not guessed at."""
    assert seed.items[0].lead_bodies == ["DfEE", "HMT", "DSS"]


def test_the_bodies_a_conclusion_addresses_are_its_leads(seed: ParsedDocument) -> None:
    bodies = {item.code: (item.lead_bodies, item.supporting_bodies) for item in seed.items}

    assert bodies["26"] == (["HMT"], [])  # HM Treasury should be pro-active ...
    assert bodies["12"] == (["CMPS"], [])  # The CMPS should take the lead ...
    assert bodies["38"] == (["HMT"], [])  # The Cross-Cutting Issues Group, chaired by HM Treasury
    assert bodies["40"] == (["CO"], [])  # The ... Project Board in the Cabinet Office should ...
    assert bodies["41"] == (["HMT", "CO"], [])  # The Chief Secretary to HM Treasury and the ...
    assert bodies["20"] == ([], ["CMPS"])  # Working with the CMPS, departments should ...
    assert bodies["16"] == ([], [])  # Entry to the Senior Civil Service should ...
    assert bodies["39"] == ([], [])  # PSAs should reflect ... (an agreement, not a body)


def test_the_seed_parses_without_warnings(seed: ParsedDocument) -> None:
    assert seed.warnings == []
    assert all(item.response == "" and item.parent_code == "" for item in seed.items)
