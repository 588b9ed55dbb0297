"""The progress report: the seed report 003 (Wiring It Up), imported, comes back out as a
recognisable version of itself in every format: its six parts, its 42 conclusions in order,
their "By when" phrases and their progress paragraphs."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from html import unescape
from pathlib import Path

import pytest
from django.db import transaction

from stocktake.importing.documents.service import document_import
from stocktake.reports.service import report_build, report_render
from stocktake.reports.tests.reading import (
    docx_headings,
    docx_paragraphs,
    in_order,
    inked,
    odt_headings,
    odt_paragraphs,
    pdf_pages,
    png_pages,
    squashed,
)

# The tests read the rendered files; the marker makes pytest-django create the test database
# that the module's fixture imports the seed into.
pytestmark = pytest.mark.django_db

SEED = Path(__file__).resolve().parents[2] / "register" / "tests" / "data" / "wiring_it_up.txt"
AS_OF = dt.date(2000, 6, 30)
DATED = "Period: up to 30 June 2000 · As of 30 June 2000"


def _words(text: str, count: int) -> str:
    """The opening words of the seed's text without its markup (underlines, *emphasis*)."""
    return " ".join(re.sub(r"</?u>|\*", "", text).split()[:count])


def seed_expected() -> tuple[list[str], list[str], list[str]]:
    """From the seed's own text: its part headings, and the words the report must show in the
    seed's order (part headings, each conclusion's opening words, its "By when" phrase and
    the opening words of each progress paragraph), and the 42 "By when" phrases."""
    text = SEED.read_text()
    body_start = text.index("\nPART I: Leadership")
    found: list[tuple[int, str]] = []
    parts = list(re.finditer(r"^PART \S+: (.+)$", text[body_start:], re.MULTILINE))
    found += [(body_start + m.start(), m.group(1)) for m in parts]
    by_when = list(re.finditer(r"^By when:? (.+)$", text, re.MULTILINE | re.IGNORECASE))
    found += [(m.start(), m.group(1).strip()) for m in by_when]
    for number in range(1, 43):
        statements = re.finditer(
            rf"^(?:- )?(?:<u>)?Conclusion {number}(?:</u>)?: (.+)$", text, re.MULTILINE
        )
        last = list(statements)[-1]
        found.append((last.start(), _words(last.group(1), 8)))
    progress = re.finditer(r"^(?:- )?(3\.\d+\.\d+ .+)$", text[body_start:], re.MULTILINE)
    found += [(body_start + m.start(), _words(m.group(1), 10)) for m in progress]
    ordered = [needle for _, needle in sorted(found)]
    return [m.group(1) for m in parts], ordered, [m.group(1).strip() for m in by_when]


PARTS, IN_ORDER, BY_WHEN = seed_expected()


@pytest.fixture(scope="module")
def rendered(django_db_setup: None, django_db_blocker: object) -> Iterator[dict[str, bytes]]:
    """The seed imported and its progress report in every format, once for the module."""
    with django_db_blocker.unblock(), transaction.atomic():
        document_import(path=SEED, create_missing=True, as_of=AS_OF)
        report = report_build(kind="progress", programme_code="wiring-it-up", as_of=AS_OF)
        yield {
            format: report_render(report=report, format=format).content
            for format in ("html", "pdf", "docx", "odt")
        }
        transaction.set_rollback(True)


def test_the_seed_has_six_parts_and_42_conclusions_with_their_deadlines() -> None:
    assert len(PARTS) == 6
    assert len(BY_WHEN) == 42
    assert len(IN_ORDER) > 6 + 42 * 2 + 150


@pytest.mark.parametrize("format", ["docx", "odt"])
def test_word_processor_files_hold_the_seed_in_its_order(
    rendered: dict[str, bytes], format: str
) -> None:
    paragraphs = {"docx": docx_paragraphs, "odt": odt_paragraphs}[format](rendered[format])
    assert in_order(squashed("\n".join(paragraphs)), [squashed(n) for n in IN_ORDER]) == []
    for phrase in BY_WHEN:
        assert f"By when: {phrase}" in paragraphs


def test_docx_has_the_seeds_six_parts_as_sections_and_42_conclusions_under_them(
    rendered: dict[str, bytes],
) -> None:
    headings = docx_headings(rendered["docx"])
    assert headings[0] == ("Title", "Wiring It Up")
    sections = [text for style, text in headings if style == "Heading 1"]
    assert [s.lower() for s in sections] == ["contents", *(p.lower() for p in PARTS)]
    items = [text for style, text in headings if style == "Heading 2"]
    assert [item.split(".")[0] for item in items] == [str(n) for n in range(1, 43)]


def test_odt_headings_have_outline_levels(rendered: dict[str, bytes]) -> None:
    headings = odt_headings(rendered["odt"])
    assert headings[0] == ("1", "Wiring It Up")
    assert [text.lower() for level, text in headings if level == "2"][1:] == [
        p.lower() for p in PARTS
    ]
    assert sum(level == "3" for level, _ in headings) == 42


def test_html_holds_the_seed_in_its_order_with_a_contents_list(rendered: dict[str, bytes]) -> None:
    html = rendered["html"].decode()
    assert '<html lang="en-GB">' in html
    text = unescape(re.sub(r"<[^>]+>", " ", html))
    assert in_order(squashed(text), [squashed(n) for n in IN_ORDER]) == []
    contents = html[html.index('id="contents-heading"') : html.index("</nav>")]
    assert [a.lower() for a in re.findall(r'<a href="#section-\d">([^<]+)</a>', contents)] == [
        p.lower() for p in PARTS
    ]


def test_pdf_is_paged_with_contents_page_numbers_and_the_period_on_every_page(
    rendered: dict[str, bytes], tmp_path: Path
) -> None:
    pages = pdf_pages(rendered["pdf"])
    assert len(pages) > 20
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in text
        assert DATED in text
        assert "Progress report: Wiring It Up" in text
    contents = pages[0]
    assert "Contents" in contents
    listed = [
        (title.lower(), int(page))
        for title, page in re.findall(r"^(.+?) \.{3,}\s*(\d+)$", contents, re.MULTILINE)
    ]
    assert [title for title, _ in listed] == [p.lower() for p in PARTS]
    for title, page in listed:  # each part starts on the page the contents gives
        assert squashed(pages[page - 1]).startswith(squashed(title))
    assert in_order(squashed("".join(pages)), [squashed(n) for n in IN_ORDER]) == []

    title_page, first_part = png_pages(rendered["pdf"], tmp_path, last=2)
    assert title_page.size == first_part.size
    assert title_page.width < title_page.height  # A4 portrait
    assert 0.005 < inked(title_page) < 0.5
    assert 0.02 < inked(first_part) < 0.5
