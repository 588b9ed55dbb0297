"""Reading generated reports back: text from PDF, DOCX and ODT, pages rendered to PNG."""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import docx
from odf import teletype
from odf.element import Element
from odf.opendocument import load
from odf.text import H
from PIL import Image
from pypdf import PdfReader


def pdf_pages(content: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(content)).pages]


def docx_paragraphs(content: bytes) -> list[str]:
    document = docx.Document(io.BytesIO(content))
    return [paragraph.text for paragraph in document.paragraphs if paragraph.text]


def docx_headings(content: bytes) -> list[tuple[str, str]]:
    """(style name, text) of every heading and title paragraph."""
    document = docx.Document(io.BytesIO(content))
    return [
        (paragraph.style.name, paragraph.text)
        for paragraph in document.paragraphs
        if paragraph.style.name.startswith(("Heading", "Title"))
    ]


def odt_paragraphs(content: bytes) -> list[str]:
    """Headings and paragraphs of the body in document order, table cells' included."""
    document = load(io.BytesIO(content))
    return [text for element in _blocks(document.text) if (text := teletype.extractText(element))]


def odt_headings(content: bytes) -> list[tuple[str, str]]:
    """(outline level, text) of every heading."""
    document = load(io.BytesIO(content))
    return [
        (str(heading.getAttribute("outlinelevel")), teletype.extractText(heading))
        for heading in document.text.getElementsByType(H)
    ]


def _blocks(element: Element) -> list[Element]:
    found = []
    for child in element.childNodes:
        if isinstance(child, Element) and child.qname[1] in ("p", "h"):
            found.append(child)
        elif isinstance(child, Element):
            found.extend(_blocks(child))
    return found


def squashed(text: str) -> str:
    """Text without any whitespace, lower case: PDF line breaks no longer matter."""
    return re.sub(r"\s+", "", text).lower()


def in_order(haystack: str, needles: list[str]) -> list[str]:
    """The needles not found in ``haystack`` after the one before them (empty: all in order)."""
    missing, position = [], 0
    for needle in needles:
        found = haystack.find(needle, position)
        if found < 0:
            missing.append(needle)
        else:
            position = found + len(needle)
    return missing


def png_pages(content: bytes, folder: Path, *, last: int = 2) -> list[Image.Image]:
    """The first ``last`` pages rendered to PNG by poppler's pdftoppm, at 40 dpi."""
    pdf = folder / "report.pdf"
    pdf.write_bytes(content)
    subprocess.run(  # noqa: S603 - poppler-utils, fixed arguments
        [  # noqa: S607 - poppler-utils from the system's packages
            "pdftoppm",
            "-png",
            "-r",
            "40",
            "-f",
            "1",
            "-l",
            str(last),
            str(pdf),
            str(folder / "page"),
        ],
        check=True,
        timeout=60,
    )
    return [Image.open(path).convert("L") for path in sorted(folder.glob("page-*.png"))]


def inked(image: Image.Image) -> float:
    """The share of a page's pixels that are not white."""
    histogram = image.histogram()
    return 1 - histogram[255] / sum(histogram)
