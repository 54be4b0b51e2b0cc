"""Uploads that cannot hurt anyone: a file is judged by its content, never by its name.

:func:`validate_upload` reads the file (libmagic through python-magic, then a structure
check for zip packages, PDFs and images), checks that the extension agrees with the
content, and runs the virus scanner. It raises ``ValidationError`` with a message for
the person who uploaded it, before anything is stored. Accepted: PDF, Office Open XML and
OpenDocument text, spreadsheet and presentation, CSV, PNG, JPEG and WebP.

Encrypted PDFs: a PDF that opens without a password (only its permissions are locked, as
for "no printing") is accepted: it can be read, indexed and previewed. One that needs a
password to open is refused: no member could read it, it could not be indexed nor
previewed, and a virus scanner cannot see inside it.
"""

import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass

import magic
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from mediatheque import scanning

HEAD_BYTES = 64 * 1024


@dataclass(frozen=True)
class Format:
    extension: str
    content_type: str
    family: str  # pdf, ooxml, odf, csv, image


FORMATS = {
    fmt.extension: fmt
    for fmt in (
        Format("pdf", "application/pdf", "pdf"),
        Format(
            "docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "ooxml",
        ),
        Format(
            "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "ooxml"
        ),
        Format(
            "pptx",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "ooxml",
        ),
        Format("odt", "application/vnd.oasis.opendocument.text", "odf"),
        Format("ods", "application/vnd.oasis.opendocument.spreadsheet", "odf"),
        Format("odp", "application/vnd.oasis.opendocument.presentation", "odf"),
        Format("csv", "text/csv", "csv"),
        Format("png", "image/png", "image"),
        Format("jpg", "image/jpeg", "image"),
        Format("jpeg", "image/jpeg", "image"),
        Format("webp", "image/webp", "image"),
    )
}
MACRO_EXTENSIONS = {
    "docm", "dotm", "xlsm", "xltm", "xlsb", "xlam", "pptm", "potm", "ppsm", "ppam", "sldm",
}  # fmt: skip
# Extensions that must not hide inside a name ("rapport.pdf.exe", "cv.exe.pdf").
SUSPICIOUS_INNER = {
    *FORMATS, *MACRO_EXTENSIONS, "exe", "com", "bat", "cmd", "scr", "pif", "msi", "dll", "js",
    "jse", "vbs", "vbe", "wsf", "ps1", "sh", "php", "phtml", "py", "pl", "cgi", "jar", "apk",
    "app", "html", "htm", "xhtml", "svg", "svgz", "hta", "lnk", "zip", "rar", "7z", "gz", "tar",
    "doc", "xls", "ppt", "rtf",
}  # fmt: skip

# The main part each package must have, by extension.
OOXML_MAIN = {
    "docx": "word/document.xml",
    "xlsx": "xl/workbook.xml",
    "pptx": "ppt/presentation.xml",
}
ODF_MIMETYPE = {ext: FORMATS[ext].content_type for ext in ("odt", "ods", "odp")}

EXECUTABLE_TYPES = (
    "application/x-dosexec",
    "application/x-msdownload",
    "application/x-executable",
    "application/x-pie-executable",
    "application/x-sharedlib",
    "application/x-elf",
    "application/x-mach-binary",
    "application/x-msi",
    "application/vnd.microsoft.portable-executable",
    "application/java-archive",
    "application/x-java-applet",
    "text/x-shellscript",
    "text/x-script.python",
    "text/x-python",
    "text/x-perl",
    "text/x-php",
    "application/x-bat",
)
ARCHIVE_TYPES = (
    "application/zip",
    "application/x-zip-compressed",
    "application/gzip",
    "application/x-gzip",
    "application/x-tar",
    "application/x-rar",
    "application/vnd.rar",
    "application/x-7z-compressed",
    "application/x-bzip2",
    "application/x-xz",
    "application/zstd",
)
MARKUP_SNIFF = re.compile(
    rb"<\s*(!doctype\s+html|html|head|body|script|svg|iframe|\?xml|xml|a\s|img\s|meta\s)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class CheckedUpload:
    """What the checks found: the format, the sanitised original name, size, scan state."""

    format: Format
    original_filename: str
    size: int
    scanned: bool


def sanitise_filename(name: str) -> str:
    """The uploader's name, safe to show and to put in Content-Disposition: no folders,
    no control characters, no leading dots, at most 150 characters (extension kept)."""
    name = unicodedata.normalize("NFC", str(name or ""))
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(c for c in name if unicodedata.category(c)[0] != "C")
    name = re.sub(r'["<>:|?*;]', "_", name).strip().lstrip(".").strip()
    if len(name) > 150:
        stem, dot, extension = name.rpartition(".")
        name = f"{stem[: 149 - len(extension)]}.{extension}" if dot else name[:150]
    return name or "fichier"


def _refuse(message: str, code: str) -> ValidationError:
    return ValidationError(message, code=code)


def _check_name(name: str) -> str:
    """The extension, lower case, after refusing double and macro-enabled extensions."""
    parts = name.lower().split(".")
    if len(parts) < 2 or not parts[-1]:
        raise _refuse(_("The file has no extension: name it like report.pdf."), "no_extension")
    extension = parts[-1]
    if any(part.strip() in SUSPICIOUS_INNER for part in parts[1:-1]):
        raise _refuse(
            _("The file name has two extensions (%(name)s): rename it with one only.")
            % {"name": name},
            "double_extension",
        )
    if extension in MACRO_EXTENSIONS:
        raise _refuse(
            _(
                "Office files with macros (.%(ext)s) are refused: save it without macros "
                "(.docx, .xlsx, .pptx) and upload that."
            )
            % {"ext": extension},
            "macro",
        )
    if extension not in FORMATS:
        raise _refuse(
            _(
                "Files of this type (.%(ext)s) are not accepted. Accepted: PDF, Word, Excel, "
                "PowerPoint, OpenDocument, CSV, PNG, JPEG and WebP."
            )
            % {"ext": extension[:20]},
            "extension",
        )
    return extension


def _size_of(upload) -> int:
    size = getattr(upload, "size", None)
    if size is None:
        upload.seek(0, io.SEEK_END)
        size = upload.tell()
    return size


def _read_head(upload) -> bytes:
    upload.seek(0)
    head = upload.read(HEAD_BYTES)
    upload.seek(0)
    return head


def _mismatch(extension: str) -> ValidationError:
    return _refuse(
        _(
            "The content of this file is not what its extension (.%(ext)s) says: "
            "upload the document in its real format."
        )
        % {"ext": extension},
        "mismatch",
    )


def _check_zip(upload, extension: str) -> None:
    """An Office Open XML or OpenDocument package: its manifest and main part, no macro, no
    encrypted entry, and nothing that would unpack to far more than it weighs."""
    not_office = _refuse(
        _("Archives are refused unless they are Office or OpenDocument documents."), "archive"
    )
    try:
        package = zipfile.ZipFile(upload)
        entries = package.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as error:
        raise _refuse(_("This document is damaged and cannot be read."), "damaged") from error
    bomb = _refuse(
        _("This document would unpack to far more than its size (a compression bomb)."),
        "zip_bomb",
    )
    if len(entries) > settings.MEDIATHEQUE_ZIP_MAX_ENTRIES:
        raise bomb
    declared = sum(entry.file_size for entry in entries)
    compressed = sum(entry.compress_size for entry in entries)
    if declared > settings.MEDIATHEQUE_ZIP_MAX_UNCOMPRESSED:
        raise bomb
    ratio = settings.MEDIATHEQUE_ZIP_MAX_RATIO
    if declared > 1024 * 1024 and declared > ratio * max(compressed, 1):
        raise bomb
    names = {entry.filename for entry in entries}
    lowered = {name.lower() for name in names}
    if any(entry.flag_bits & 0x1 for entry in entries):
        raise _refuse(
            _("Password-protected documents are refused: upload an unprotected copy."),
            "encrypted",
        )
    macro = any(
        name.endswith("vbaproject.bin")
        or name.startswith(("basic/", "scripts/"))
        or "/vbaproject" in name
        or name.endswith("vbadata.xml")
        for name in lowered
    )
    if macro:
        raise _refuse(
            _("Documents with macros are refused: save it without macros and upload that."),
            "macro",
        )
    fmt = FORMATS.get(extension)
    if fmt is None or fmt.family not in ("ooxml", "odf"):
        raise not_office
    try:
        if fmt.family == "ooxml":
            if "[Content_Types].xml" not in names or "_rels/.rels" not in names:
                raise not_office
            content_types = package.read("[Content_Types].xml")[:1_000_000].lower()
            if b"macroenabled" in content_types or b"vbaproject" in content_types:
                raise _refuse(
                    _("Documents with macros are refused: save it without macros."), "macro"
                )
            if OOXML_MAIN[extension] not in names:
                raise _mismatch(extension)
        else:
            if "mimetype" not in names or "META-INF/manifest.xml" not in names:
                raise not_office
            declared_type = package.read("mimetype")[:200].strip().decode("ascii", "replace")
            if declared_type != ODF_MIMETYPE[extension]:
                raise _mismatch(extension)
            if "content.xml" not in names:
                raise _refuse(_("This document is damaged and cannot be read."), "damaged")
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as error:
        raise _refuse(_("This document is damaged and cannot be read."), "damaged") from error


def _check_pdf(upload) -> None:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    upload.seek(0)
    try:
        reader = PdfReader(upload, strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise _refuse(
                _(
                    "This PDF needs a password to open: it could not be read by members "
                    "nor searched. Upload a copy without a password."
                ),
                "encrypted",
            )
    except ValidationError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, RecursionError) as error:
        raise _refuse(_("This PDF is damaged and cannot be read."), "damaged") from error
    finally:
        upload.seek(0)


def _check_image(upload) -> None:
    from PIL import Image

    upload.seek(0)
    try:
        with Image.open(upload) as image:
            image.verify()
        upload.seek(0)
        with Image.open(upload) as image:
            if image.width * image.height > 40_000_000:
                raise Image.DecompressionBombError("too many pixels")
            image.load()
    except Image.DecompressionBombError as error:
        raise _refuse(_("This image is too large (too many pixels)."), "image_bomb") from error
    except (OSError, SyntaxError, ValueError) as error:
        raise _refuse(_("This image is damaged and cannot be read."), "damaged") from error
    finally:
        upload.seek(0)


def _check_csv(head: bytes) -> None:
    if b"\x00" in head:
        raise _mismatch("csv")
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start < len(head) - 4:  # not just a character cut at the end of the head
            try:
                head.decode("cp1252")
            except UnicodeDecodeError:
                raise _mismatch("csv") from error


def _detected(head: bytes) -> str:
    return (magic.from_buffer(head, mime=True) or "application/octet-stream").lower()


def validate_upload(upload) -> CheckedUpload:
    """Check an uploaded file; raise ``ValidationError`` (one message) or say what it is."""
    original = sanitise_filename(getattr(upload, "name", ""))
    extension = _check_name(original)
    fmt = FORMATS[extension]
    size = _size_of(upload)
    if size == 0:
        raise _refuse(_("The file is empty."), "empty")
    limit = settings.MEDIATHEQUE_MAX_UPLOAD_BYTES
    if size > limit:
        raise _refuse(
            _("The file is too large (%(size)s): at most %(limit)s.")
            % {"size": filesizeformat(size), "limit": filesizeformat(limit)},
            "too_large",
        )
    head = _read_head(upload)
    detected = _detected(head)
    if detected in ("text/html", "image/svg+xml", "application/xhtml+xml") or (
        detected.startswith("text/") and MARKUP_SNIFF.search(head[:2048])
    ):
        raise _refuse(_("Web pages and SVG images are refused, whatever their name."), "markup")
    if detected in EXECUTABLE_TYPES or head.startswith((b"MZ", b"\x7fELF", b"#!")):
        raise _refuse(_("Programs and scripts are refused."), "executable")
    if fmt.family in ("ooxml", "odf"):
        if not (
            detected in ARCHIVE_TYPES[:2] or "opendocument" in detected or "openxml" in detected
        ):
            raise _mismatch(extension)
        _check_zip(upload, extension)
    elif detected in ARCHIVE_TYPES or head.startswith(b"PK\x03\x04"):
        raise _refuse(
            _("Archives are refused unless they are Office or OpenDocument documents."), "archive"
        )
    elif fmt.family == "pdf":
        if detected != "application/pdf":
            raise _mismatch(extension)
        _check_pdf(upload)
    elif fmt.family == "image":
        if detected != fmt.content_type:
            raise _mismatch(extension)
        _check_image(upload)
    elif fmt.family == "csv":
        if detected not in ("text/plain", "text/csv", "application/csv"):
            raise _mismatch(extension)
        _check_csv(head)
    upload.seek(0)
    result = scanning.scan(upload)
    upload.seek(0)
    if result.infected:
        raise _refuse(
            _("The virus scanner found a threat in this file (%(name)s): it was not stored.")
            % {"name": result.signature or "?"},
            "virus",
        )
    return CheckedUpload(format=fmt, original_filename=original, size=size, scanned=result.scanned)


class SizeLimitUploadHandler(FileUploadHandler):
    """An upload handler that drops a file as soon as it passes the size limit (or the
    whole request announces more than the limit allows), so a huge upload is never
    written to disk; the view then says the file is too large."""

    MARGIN = 1024 * 1024  # the other fields of the form

    def __init__(self, request):
        super().__init__(request)
        request.upload_refused = False
        self.limit = settings.MEDIATHEQUE_MAX_UPLOAD_BYTES
        self.received = 0

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        if content_length and content_length > self.limit + self.MARGIN:
            self.request.upload_refused = True

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.received = 0
        if self.request.upload_refused:
            raise SkipFile

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > self.limit:
            self.request.upload_refused = True
            raise SkipFile
        return raw_data  # the next handler stores it

    def file_complete(self, file_size):
        return None
