"""Reading a report's text from plain text, Markdown, Word and PDF files, and refusing the rest."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from stocktake.importing.documents.text import DocumentUnreadableError, document_text


def test_utf8_with_a_byte_order_mark_loses_the_mark(write_text: Callable[..., Path]) -> None:
    path = write_text("Recommendation 1: Café opening hours\n", encoding="utf-8-sig")

    assert document_text(path) == "Recommendation 1: Café opening hours\n"


def test_windows_1252_is_read_when_the_text_is_not_utf8(write_text: Callable[..., Path]) -> None:
    path = write_text("The council’s plan – £5m\r\nBy when: 2024\r\n", encoding="cp1252")

    assert document_text(path) == "The council’s plan – £5m\nBy when: 2024\n"


def test_markdown_is_read_as_text(write_text: Callable[..., Path]) -> None:
    path = write_text("# Review\n\n**Recommendation 1**: Publish.\n", name="review.md")

    assert document_text(path) == "# Review\n\n**Recommendation 1**: Publish.\n"


def test_word_paragraphs_and_tables_come_in_document_order(
    write_docx: Callable[..., Path],
) -> None:
    path = write_docx(
        [
            ("Title", "Prison education review"),
            ("Heading 1", "Chapter 2: Learning"),
            "Recommendation 12. Publish outcomes.",
            ("List Bullet", "for every prison"),
            [["No.", "Recommendation"], ["13", "Train governors."]],
            "After the table.",
        ]
    )

    assert document_text(path).splitlines() == [
        "# Prison education review",
        "## Chapter 2: Learning",
        "Recommendation 12. Publish outcomes.",
        "- for every prison",
        "No.\tRecommendation",
        "13\tTrain governors.",
        "After the table.",
    ]


def test_pdf_pages_are_separated_by_form_feeds(write_pdf: Callable[..., Path]) -> None:
    path = write_pdf([["Recommendation 1: Publish."], ["Recommendation 2: Train."]])

    pages = document_text(path).split("\n\f\n")

    assert len(pages) == 2
    assert pages[0].splitlines() == ["Recommendation 1: Publish.", "Page 1 of 2"]
    assert pages[1].startswith("Recommendation 2: Train.")


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("report.docx", b"PK\x03\x04 not really a zip", "not a valid Word (DOCX) document"),
        ("report.pdf", b"%PDF-1.4 then nothing", "not a readable PDF"),
        ("report.txt", b"", "contains no text"),
        ("report.txt", b"\x00\x01binary", "binary file"),
        ("report.txt", b"\xff\xfe\x81\x81", "neither UTF-8 nor Windows-1252"),
        ("report.xlsx", b"cells", "'.xlsx' files are not supported"),
    ],
)
def test_unreadable_files_are_refused_naming_the_file(
    tmp_path: Path, name: str, content: bytes, reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)

    with pytest.raises(DocumentUnreadableError) as error:
        document_text(path)

    assert str(error.value).startswith(f"Cannot read {path}: ")
    assert reason in str(error.value)


def test_a_word_document_with_a_damaged_part_is_refused(
    write_docx: Callable[..., Path], tmp_path: Path
) -> None:
    intact = write_docx(["Recommendation 1: Publish."])
    damaged = tmp_path / "damaged.docx"
    with zipfile.ZipFile(intact) as source, zipfile.ZipFile(damaged, "w") as target:
        for part in source.infolist():
            content = source.read(part.filename)
            target.writestr(
                part, content[:200] if part.filename == "word/document.xml" else content
            )

    with pytest.raises(DocumentUnreadableError, match=r"damaged\.docx: it is not a valid Word"):
        document_text(damaged)


def test_an_encrypted_pdf_is_refused(write_pdf: Callable[..., Path]) -> None:
    path = write_pdf([["Recommendation 1: Publish."]], user_password="secret")

    with pytest.raises(DocumentUnreadableError, match="the PDF is encrypted"):
        document_text(path)


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DocumentUnreadableError, match="there is no such file"):
        document_text(tmp_path / "missing.txt")
