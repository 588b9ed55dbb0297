"""The other shapes reports come in: each on a small hand-written report."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from stocktake.importing.documents.parser import ParsedItem, document_parse
from stocktake.importing.documents.text import document_text


def _items(text: str, **options: dict[str, str]) -> dict[str, ParsedItem]:
    return {item.code: item for item in document_parse(text, **options).items}


def test_recommendation_with_a_full_stop_and_a_markdown_title() -> None:
    document = document_parse(
        "# Review of prison education\n\nMarch 2023\n\n## Chapter 2: Learning\n\n"
        "Recommendation 12. The Ministry of Justice should publish learning outcomes for every\n"
        "prison. It should do so each year.\n\n"
        "Timescale: by April 2024\n\n"
        "Outcomes for 2023 were published in May.\n"
    )

    [item] = document.items
    assert document.title == "Review of prison education"
    assert document.published == dt.date(2023, 3, 1)
    assert item.code == "12"
    assert item.title == (
        "The Ministry of Justice should publish learning outcomes for every prison."
    )
    assert item.text.endswith("It should do so each year.")
    assert item.section == "Learning"
    assert item.deadline_phrase == "by April 2024"
    assert item.progress == "Outcomes for 2023 were published in May."


def test_recommendation_numbers_in_words() -> None:
    items = _items(
        "Recommendation Twelve\n\nThe department should publish its data.\n\n"
        "RECOMMENDATION FORTY-TWO: Councils should share their plans.\n"
    )

    assert list(items) == ["12", "42"]
    assert items["12"].text == "The department should publish its data."
    assert items["42"].title == "Councils should share their plans."


def test_short_r_numbers() -> None:
    items = _items(
        "R3 The council should open the library on Sundays.\n\n"
        "R4: The council should publish opening hours.\nDeadline: summer 2024\n"
    )

    assert list(items) == ["3", "4"]
    assert items["3"].title == "The council should open the library on Sundays."
    assert items["4"].deadline_phrase == "summer 2024"


def test_numbered_paragraphs_when_there_are_no_labelled_items() -> None:
    items = _items(
        "3 Leadership\n\n"
        "3.7 Cross-cutting work\n\n"
        "3.7.1 Departments should appoint a lead official for each shared target.\n\n"
        "By when: March 2004\n\n"
        "Lead officials are in place in six departments.\n\n"
        "3.7.2 The Treasury should publish the shared targets.\n"
    )

    assert list(items) == ["3", "3.7", "3.7.1", "3.7.2"]
    assert items["3.7"].title == "Cross-cutting work"
    assert items["3.7"].parent_code == "3"
    assert items["3.7.1"].parent_code == "3.7"
    assert items["3.7.1"].section == "Cross-cutting work"
    assert items["3.7.1"].deadline_phrase == "March 2004"
    assert items["3.7.1"].progress == "Lead officials are in place in six departments."
    assert items["3.7.2"].parent_code == "3.7"


def test_numbered_paragraphs_are_progress_when_items_are_labelled() -> None:
    items = _items(
        "Conclusion 1: Departments should publish data.\n\nBy when: 2001\n\n"
        "1.1 Data are published.\n\n1.2 More will follow.\n"
    )

    assert list(items) == ["1"]
    assert items["1"].progress == "1.1 Data are published.\n\n1.2 More will follow."


def test_sub_items_are_children_of_their_item() -> None:
    items = _items(
        "Recommendation 4: Schools should teach coding.\n\n"
        "Recommendation 4a: Primary schools should start at age seven.\n\n"
        "Recommendation 9: Councils should publish spending.\n\n"
        "Recommendation 9a-c: Monthly, by ward, and as open data.\n\n"
        "Recommendation 10B: A child of nothing before it but 10.\n"
    )

    assert [(code, item.parent_code) for code, item in items.items()] == [
        ("4", ""),
        ("4a", "4"),
        ("9", ""),
        ("9a-c", "9"),
        ("10b", ""),
    ]


def test_a_table_of_recommendations_in_a_word_document(
    write_docx: Callable[..., Path],
) -> None:
    path = write_docx(
        [
            ("Title", "Action plan"),
            ("Heading 1", "Part 1: Prisons"),
            [
                ["No.", "Recommendation", "Lead", "By when", "Government response"],
                ["1", "HMPPS should cut reoffending.", "MoJ, HMPPS", "2025", "Accepted."],
                ["R2", "Publish prison data.", "MoJ", "Ongoing", "Not accepted: costs."],
                ["", "A row without a number.", "MoJ", "", ""],
            ],
            "Some text after the table.",
        ]
    )

    document = document_parse(document_text(path))

    first, second = document.items
    assert (first.code, first.text, first.deadline_phrase) == (
        "1",
        "HMPPS should cut reoffending.",
        "2025",
    )
    assert first.lead_bodies == ["MoJ", "HMPPS"]
    assert first.section == "Prisons"
    assert first.response_category == "accepted"
    assert (second.code, second.deadline_phrase, second.response_category) == (
        "2",
        "Ongoing",
        "rejected",
    )
    assert document.title == "Action plan"
    assert document.warnings == [f"line {6}: a table row without an item number is left out."]


def test_running_headers_footers_and_page_numbers_of_a_pdf_are_dropped(
    write_pdf: Callable[..., Path],
) -> None:
    path = write_pdf(
        [
            [
                "Recommendation 1: The Home Office should publish crime data every month.",
                "By when: April 2003",
                "Monthly publication began in January and the first three bulletins have",
            ],
            [
                "appeared on time.",
                "Recommendation 2: The Home Office should consult on the format.",
                "By when: June 2003",
                "A consultation closed in March.",
            ],
            ["Recommendation 3: Police forces should publish local data.", "By when: 2004"],
        ],
        header="Crime statistics review 2003: progress report",
    )

    items = _items(document_text(path))

    assert list(items) == ["1", "2", "3"]
    assert items["1"].progress == (
        "Monthly publication began in January and the first three bulletins have appeared on time."
    )
    assert items["2"].progress == "A consultation closed in March."
    assert items["3"].progress == ""
    assert not any(
        "Page" in item.progress or "progress report" in item.progress for item in items.values()
    )


def test_the_wrapped_first_line_of_a_numbered_paragraph_is_not_a_heading() -> None:
    """PDF text has no blank lines, and a paragraph's first line can look like a heading."""
    [item] = document_parse(
        "Part 1: Justice\nConclusion 10: Involve experts.\nBy when: April 2000\n"
        "3.10.11 The Lord Chancellor's Department (LCD) has held two seminars to bring together\n"
        "representatives of government departments.\n"
        "3.10.12 Visiting Experts\n"
        "Two experts joined in May.\n"
    ).items

    assert item.section == "Justice"
    assert item.progress == (
        "3.10.11 The Lord Chancellor's Department (LCD) has held two seminars to bring together "
        "representatives of government departments."
    )


def test_contents_pages_and_summary_lists_give_no_items() -> None:
    items = _items(
        "Contents\n\nSummary of recommendations ....... 2\nRecommendation 1 ........ 4\n\n"
        "Summary of recommendations\n\n"
        "Recommendation 1: Publish the data.\nRecommendation 2: Train the staff.\n\n"
        "Recommendation 1: Publish the data.\n\nBy when: 2024\n\nDone.\n\n"
        "Recommendation 2: Train the staff.\n\nBy when: 2025\n\nStarted.\n"
    )

    assert [(item.code, item.progress) for item in items.values()] == [
        ("1", "Done."),
        ("2", "Started."),
    ]


def test_cross_references_do_not_start_items() -> None:
    items = _items(
        "Recommendation 1: Publish the data.\n\nBy when: 2024\n\n"
        "Progress is set out in the response to\nRecommendation 3. The department has begun.\n\n"
        "See the response to recommendation 2 below; recommendation 3 follows.\n\n"
        "Recommendation 2: Train the staff.\n"
    )

    assert list(items) == ["1", "2"]
    assert "response to Recommendation 3. The department has begun." in items["1"].progress


def test_two_full_items_with_one_number_are_both_kept_for_the_import_to_refuse() -> None:
    items = document_parse(
        "Recommendation 1: Publish.\nBy when: 2024\n\nRecommendation 1: Train.\nBy when: 2025\n"
    ).items

    assert [(item.code, item.line) for item in items] == [("1", 1), ("1", 4)]


@pytest.mark.parametrize(
    ("response", "category"),
    [
        ("The Government accepts this recommendation.", "accepted"),
        ("Government response: Supported. Work has begun.", "accepted"),
        ("Agreed.", "accepted"),
        ("Response: The Government agrees.", "accepted"),
        ("The Government accepts this recommendation in principle.", "accepted_in_principle"),
        ("Response: Accepted in principle.", "accepted_in_principle"),
        ("The Government accepts this recommendation in part.", "partially_accepted"),
        ("Partially accepted.", "partially_accepted"),
        ("The Government notes the recommendation.", "noted"),
        ("Noted.", "noted"),
        ("Under consideration.", "under_consideration"),
        ("The Government is considering this recommendation.", "under_consideration"),
        ("The Government does not accept this recommendation.", "rejected"),
        ("Response: Not supported, because of cost.", "rejected"),
        ("Rejected.", "rejected"),
    ],
)
def test_each_government_response_category(response: str, category: str) -> None:
    [item] = document_parse(
        f"Recommendation 5: The department should act.\n\n{response}\n\nMore detail follows.\n"
    ).items

    assert item.response_category == category
    assert item.response.endswith("More detail follows.")
    assert item.progress == ""


def test_responses_gathered_after_the_recommendations_go_to_their_items() -> None:
    document = document_parse(
        "Recommendation 1: Publish.\n\nRecommendation 2: Train.\n\n"
        "Government response to recommendation 2\n\nThe Government accepts in part.\n\n"
        "Government response to recommendation 1\n\nThe Government notes this.\n\n"
        "Government response to recommendation 7\n\nThe Government accepts.\n"
    )
    items = {item.code: item for item in document.items}

    assert items["1"].response_category == "noted"
    assert items["2"].response_category == "partially_accepted"
    assert document.warnings == [
        "line 13: a response to item 7, but there is no item 7; the response is left out."
    ]


def test_a_government_statement_later_in_the_progress_is_not_a_response() -> None:
    [item] = document_parse(
        "Conclusion 1: Publish.\n\nBy when: 2001\n\nWork began.\n\n"
        "The Government accepts that more is needed.\n"
    ).items

    assert item.response == ""
    assert item.progress.endswith("The Government accepts that more is needed.")


def test_bodies_named_outright_with_an_annex_and_the_register() -> None:
    document = document_parse(
        "Recommendation 1: Cut reoffending.\nDepartments: HO, LCD, CPS\nSupported by: the LGA\n\n"
        "Recommendation 2: Share data.\nLead: Home Office and the Department of Health\n\n"
        "Recommendation 3: Run a pilot (led by the Home Office).\n\n"
        "Annex A: Abbreviations\n\nHO\tHome Office\nLCD Lord Chancellor's Department\n",
        known_organisations={"Department of Health": "DH", "lga": "LGA"},
    )
    items = {item.code: item for item in document.items}

    assert (items["1"].lead_bodies, items["1"].supporting_bodies) == (["HO", "LCD", "CPS"], ["LGA"])
    assert items["2"].lead_bodies == ["HO", "DH"]
    assert items["3"].lead_bodies == ["HO"]
    assert document.abbreviations == {"HO": "Home Office", "LCD": "Lord Chancellor's Department"}


def test_a_markdown_recommendation_heading_is_an_item_not_a_section() -> None:
    items = _items(
        "## Part 2: Housing\n\n### Recommendation 6: Build more homes\n\n"
        "The council should build 500 homes a year.\n\n**By when:** 2030\n"
    )

    assert items["6"].section == "Housing"
    assert items["6"].title == "Build more homes"
    assert items["6"].deadline_phrase == "2030"
    assert items["6"].progress == "The council should build 500 homes a year."
