"""The text of a report, whatever it was written in: plain text, Markdown, Word (DOCX) or PDF.

* ``.txt`` and ``.md``: UTF-8 (with or without a byte-order mark), else Windows-1252.
* ``.docx``: paragraphs and tables in document order. Paragraphs in the Title style become
  ``# Title`` and headings ``## Heading``, ``### Sub-heading``...; list paragraphs become ``- item``;
  each table row is one line of tab-separated cells. Running headers and footers are not part of
  the body, so they never appear.
* ``.pdf``: the text of each page, with a form feed on a line of its own between pages so the
  parser can find running headers, footers and page numbers.

Anything that cannot be read raises :class:`DocumentUnreadableError`, naming the file.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import docx
import pypdf
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from pypdf.errors import PyPdfError

from stocktake.importing.documents.lines import PAGE_BREAK


class DocumentUnreadableError(Exception):
    """The file cannot be read as a report; the message names the file and why."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"Cannot read {path}: {reason}")


def document_text(path: Path) -> str:
    """The report's text, with lines separated by newlines."""
    reader = _READERS.get(path.suffix.lower())
    if reader is None:
        supported = ", ".join(sorted(_READERS))
        raise DocumentUnreadableError(
            path, f"'{path.suffix or 'no extension'}' files are not supported (use {supported})."
        )
    if not path.is_file():
        raise DocumentUnreadableError(path, "there is no such file.")
    text = reader(path)
    if not text.replace(PAGE_BREAK, "").strip():
        raise DocumentUnreadableError(path, "the file contains no text.")
    return text


def _plain_text(path: Path) -> str:
    data = path.read_bytes()
    if b"\x00" in data:
        raise DocumentUnreadableError(path, "this is a binary file, not text.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError as error:
            raise DocumentUnreadableError(
                path, "the text is neither UTF-8 nor Windows-1252."
            ) from error
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _docx_text(path: Path) -> str:
    try:
        document = docx.Document(str(path))
        blocks = [_docx_block(block) for block in document.iter_inner_content()]
    except Exception as error:
        # A damaged file fails in any layer of the reader: the zip (BadZipFile, zlib.error,
        # EOFError), the package (PackageNotFoundError, KeyError), the XML (lxml's
        # XMLSyntaxError), python-docx's own model. Each is the same news for the user.
        raise DocumentUnreadableError(path, "it is not a valid Word (DOCX) document.") from error
    return "\n".join(block for block in blocks if block)


def _docx_block(block: Paragraph | Table) -> str:
    if isinstance(block, Table):
        return "\n".join(_docx_row(row.cells) for row in block.rows)
    text = block.text.strip()
    style = block.style.name if block.style is not None else ""
    if not text:
        return ""
    if style == "Title":
        return f"# {text}"
    if style.startswith("Heading ") and style.removeprefix("Heading ").isdigit():
        level = min(int(style.removeprefix("Heading ")) + 1, 6)
        return f"{'#' * level} {text}"
    if style.startswith("List"):
        return f"- {text}"
    return text


def _docx_row(cells: Sequence[_Cell]) -> str:
    """One table row as tab-separated cells; a merged cell counts once."""
    seen: list[_Cell] = []
    for cell in cells:
        if not seen or cell._tc is not seen[-1]._tc:  # the same cell, spanning columns
            seen.append(cell)
    return "\t".join(" ".join(cell.text.split()) for cell in seen)


def _pdf_text(path: Path) -> str:
    try:
        reader = pypdf.PdfReader(path)
        if reader.is_encrypted and not _opens_without_password(reader):
            raise DocumentUnreadableError(path, "the PDF is encrypted; save an unprotected copy.")
        pages = [page.extract_text() or "" for page in reader.pages]
    except DocumentUnreadableError:
        raise
    except Exception as error:
        # As for Word files: a damaged PDF fails anywhere in pypdf (PyPdfError, ValueError,
        # KeyError, NotImplementedError for a mangled filter name, ...).
        raise DocumentUnreadableError(path, "it is not a readable PDF.") from error
    if not "".join(pages).strip():
        raise DocumentUnreadableError(
            path, "the PDF has no text layer (is it a scan?); run it through OCR first."
        )
    return f"\n{PAGE_BREAK}\n".join(page.replace("\r\n", "\n") for page in pages)


def _opens_without_password(reader: pypdf.PdfReader) -> bool:
    """Many PDFs are encrypted with an empty password only to restrict printing or copying."""
    try:
        return bool(reader.decrypt(""))
    except PyPdfError:  # e.g. AES without a cryptography library
        return False


_READERS: dict[str, Callable[[Path], str]] = {
    ".txt": _plain_text,
    ".md": _plain_text,
    ".docx": _docx_text,
    ".pdf": _pdf_text,
}
