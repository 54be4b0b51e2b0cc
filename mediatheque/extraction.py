"""Text and preview drawn from a resource's file, run by a Celery task (never in a request).

PDF: pypdf reads the text of the first ``MEDIATHEQUE_EXTRACT_MAX_PAGES`` pages; pypdfium2
renders the first page as a PNG preview. Office Open XML and OpenDocument: the text of
their XML parts (read with a size cap, no entity expansion: the XML parser of the
standard library refuses nothing by itself, so the parts are stripped of tags with a
regular expression instead of being parsed). CSV: its first characters. Images: none.
"""

import io
import re
import zipfile
from dataclasses import dataclass
from html import unescape

from django.conf import settings

PART_MAX_BYTES = 20 * 1024 * 1024
PREVIEW_WIDTH = 600

OOXML_PARTS = (
    re.compile(r"^word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$"),
    re.compile(r"^xl/sharedStrings\.xml$"),
    re.compile(r"^xl/worksheets/sheet\d+\.xml$"),
    re.compile(r"^ppt/slides/slide\d+\.xml$"),
    re.compile(r"^docProps/core\.xml$"),
)
ODF_PARTS = (re.compile(r"^(content|meta)\.xml$"),)
_TAG = re.compile(r"<[^>]{0,2000}>")
_PARAGRAPH_END = re.compile(r"</(w:p|a:p|text:p|text:h|si|row|c)>", re.IGNORECASE)


class ExtractionError(Exception):
    """A file whose text could not be read; the message is shown to facilitators."""


@dataclass
class Extracted:
    text: str
    preview_png: bytes | None = None


def _cap(text: str) -> str:
    return " ".join(text.split())[: settings.MEDIATHEQUE_EXTRACT_MAX_CHARS]


def extract_pdf(fileobj) -> Extracted:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(fileobj, strict=False)
        if reader.is_encrypted:
            reader.decrypt("")
        texts, length = [], 0
        for number, page in enumerate(reader.pages):
            if number >= settings.MEDIATHEQUE_EXTRACT_MAX_PAGES:
                break
            text = page.extract_text() or ""
            texts.append(text)
            length += len(text)
            if length > settings.MEDIATHEQUE_EXTRACT_MAX_CHARS:
                break
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, RecursionError) as error:
        raise ExtractionError(f"PDF: {type(error).__name__}: {error}"[:500]) from error
    return Extracted(text=_cap("\n".join(texts)), preview_png=pdf_preview(fileobj))


def pdf_preview(fileobj) -> bytes | None:
    """The first page as a PNG, PREVIEW_WIDTH pixels wide; None if it cannot be drawn."""
    import pypdfium2

    fileobj.seek(0)
    try:
        document = pypdfium2.PdfDocument(fileobj.read())
        try:
            if len(document) == 0:
                return None
            page = document[0]
            width = page.get_width() or 1
            scale = min(PREVIEW_WIDTH / width, 4)
            image = page.render(scale=scale).to_pil()
            output = io.BytesIO()
            image.save(output, format="PNG", optimize=True)
            return output.getvalue()
        finally:
            document.close()
    except (pypdfium2.PdfiumError, ValueError, OSError):
        return None


def extract_package(fileobj, *, family: str) -> Extracted:
    patterns = OOXML_PARTS if family == "ooxml" else ODF_PARTS
    texts, length = [], 0
    try:
        with zipfile.ZipFile(fileobj) as package:
            for entry in package.infolist():
                if not any(p.match(entry.filename) for p in patterns):
                    continue
                with package.open(entry) as part:
                    xml = part.read(PART_MAX_BYTES).decode("utf-8", "replace")
                text = unescape(_TAG.sub(" ", _PARAGRAPH_END.sub("\n", xml)))
                texts.append(text)
                length += len(text)
                if length > settings.MEDIATHEQUE_EXTRACT_MAX_CHARS:
                    break
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as error:
        raise ExtractionError(f"{family}: {type(error).__name__}: {error}"[:500]) from error
    return Extracted(text=_cap("\n".join(texts)))


def extract_csv(fileobj) -> Extracted:
    raw = fileobj.read(settings.MEDIATHEQUE_EXTRACT_MAX_CHARS * 2)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", "replace")
    return Extracted(text=_cap(text.replace(";", " ").replace(",", " ")))


def extract(fileobj, *, extension: str) -> Extracted:
    """The text (and preview) of a stored file, by its checked extension."""
    from mediatheque.uploads import FORMATS

    fmt = FORMATS.get(extension)
    if fmt is None:
        raise ExtractionError(f"unknown format .{extension}")
    if fmt.family == "pdf":
        return extract_pdf(fileobj)
    if fmt.family in ("ooxml", "odf"):
        return extract_package(fileobj, family=fmt.family)
    if fmt.family == "csv":
        return extract_csv(fileobj)
    return Extracted(text="")
