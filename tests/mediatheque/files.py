"""Files generated for the médiathèque's tests: good ones of each accepted type, and a
corpus of bad ones (nothing is downloaded). Each bad file says why it must be refused."""

import io
import zipfile

from PIL import Image

from mediatheque.pdfwriter import write_pdf

EICAR = rb"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/{main}" ContentType="{type}"/></Types>'
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="{main}"/></Relationships>'
)
OOXML = {
    "docx": (
        "word/document.xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    ),
    "xlsx": (
        "xl/workbook.xml",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    ),
    "pptx": (
        "ppt/presentation.xml",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
    ),
}


def pdf(text: str = "Modèle de convention de partenariat", pages: int = 1) -> bytes:
    blocks = [("title", text)] + [("text", f"Page {n}. {text}") for n in range(pages)]
    return write_pdf(blocks, title=text)


def ooxml(extension: str = "docx", *, text: str = "Bonjour", extra: dict | None = None,
          content_type: str | None = None, without: tuple = ()) -> bytes:  # fmt: skip
    main, main_type = OOXML[extension]
    parts = {
        "[Content_Types].xml": CONTENT_TYPES.format(main=main, type=content_type or main_type),
        "_rels/.rels": RELS.format(main=main),
        main: (
            '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
            f'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p>'
            "</w:body></w:document>"
        ),
        **(extra or {}),
    }
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as package:
        for name, body in parts.items():
            if name not in without:
                package.writestr(name, body)
    return output.getvalue()


def odf(extension: str = "odt", *, text: str = "Bonjour", mimetype: str | None = None,
        extra: dict | None = None, without: tuple = ()) -> bytes:  # fmt: skip
    kinds = {"odt": "text", "ods": "spreadsheet", "odp": "presentation"}
    declared = mimetype or f"application/vnd.oasis.opendocument.{kinds[extension]}"
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as package:
        if "mimetype" not in without:
            package.writestr("mimetype", declared, compress_type=zipfile.ZIP_STORED)
        parts = {
            "META-INF/manifest.xml": (
                '<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:'
                'opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" '
                f'manifest:media-type="{declared}"/></manifest:manifest>'
            ),
            "content.xml": (
                '<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:'
                'tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument'
                f':xmlns:text:1.0"><office:body><office:text><text:p>{text}</text:p>'
                "</office:text></office:body></office:document-content>"
            ),
            **(extra or {}),
        }
        for name, body in parts.items():
            if name not in without:
                package.writestr(name, body, compress_type=zipfile.ZIP_DEFLATED)
    return output.getvalue()


def image(fmt: str = "PNG") -> bytes:
    output = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 30, 60)).save(output, format=fmt)
    return output.getvalue()


def plain_zip(**members: bytes) -> bytes:
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as package:
        for name, body in (members or {"notes.txt": b"hello"}).items():
            package.writestr(name, body)
    return output.getvalue()


def declared_bomb() -> bytes:
    """A docx whose central directory declares a part of 10 GB (the bytes are small)."""
    data = bytearray(ooxml("docx"))
    marker = data.rfind(b"PK\x01\x02")  # the last central directory entry
    # uncompressed size field at offset 24 of the central directory header
    data[marker + 24 : marker + 28] = (0xFFFFFFF0).to_bytes(4, "little")
    return bytes(data)


def ratio_bomb() -> bytes:
    """A real xlsx with 3 MB of zeros inside, compressed ~1000:1."""
    return ooxml("xlsx", extra={"xl/worksheets/sheet1.xml": "0" * (3 * 1024 * 1024)})


def encrypted_pdf() -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf())))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-128")
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def permissions_only_pdf() -> bytes:
    """Encrypted with an empty user password: opens without one (printing locked)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf("Convention verrouillée"))))
    writer.encrypt(user_password="", owner_password="owner", algorithm="AES-128")
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
)
ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 8 + b"\x02\x00\x3e\x00" + b"\x00" * 200
PE = (
    b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff"
    + b"\x00" * 50
    + b"PE\x00\x00"
    + b"\x00" * 200
)


def bad_corpus() -> list[tuple[str, str, bytes, str]]:
    """(why, file name, content, expected error code): at least 20 files to refuse."""
    return [
        ("empty file", "rapport.pdf", b"", "empty"),
        ("HTML renamed .pdf", "rapport.pdf", HTML, "markup"),
        ("HTML renamed .csv", "tableau.csv", HTML, "markup"),
        ("SVG renamed .png", "logo.png", SVG, "markup"),
        ("SVG with its extension", "logo.svg", SVG, "extension"),
        ("HTML with its extension", "page.html", HTML, "extension"),
        ("ELF executable renamed .pdf", "rapport.pdf", ELF, "executable"),
        ("Windows executable renamed .docx", "lettre.docx", PE, "executable"),
        ("shell script renamed .csv", "liste.csv", b"#!/bin/sh\nrm -rf /\n", "executable"),
        ("macro-enabled extension", "budget.xlsm", ooxml("xlsx"), "macro"),
        ("docx with a vbaProject.bin", "lettre.docx",
         ooxml("docx", extra={"word/vbaProject.bin": b"\xd0\xcf\x11\xe0macro"}), "macro"),
        ("xlsm content type renamed .xlsx", "budget.xlsx",
         ooxml("xlsx", content_type="application/vnd.ms-excel.sheet.macroEnabled.main+xml"),
         "macro"),
        ("ODF with Basic macros", "texte.odt",
         odf("odt", extra={"Basic/Standard/Module1.xml": "<macro/>"}), "macro"),
        ("plain zip renamed .docx", "lettre.docx", plain_zip(), "archive"),
        ("plain zip", "archive.zip", plain_zip(), "extension"),
        ("zip renamed .pdf", "rapport.pdf", plain_zip(), "archive"),
        ("gzip renamed .csv", "liste.csv", b"\x1f\x8b\x08\x00" + b"\x00" * 40, "archive"),
        ("docx without its main part", "lettre.docx",
         ooxml("docx", without=("word/document.xml",)), "mismatch"),
        ("odt without its manifest", "texte.odt",
         odf("odt", without=("META-INF/manifest.xml",)), "archive"),
        ("ods declared as a text document", "tableau.ods", odf("odt"), "mismatch"),
        ("declared zip bomb", "lettre.docx", declared_bomb(), "zip_bomb"),
        ("compression-ratio bomb", "tableau.xlsx", ratio_bomb(), "zip_bomb"),
        ("double extension .pdf.exe", "rapport.pdf.exe", pdf(), "double_extension"),
        ("double extension .exe.pdf", "rapport.exe.pdf", pdf(), "double_extension"),
        ("a PDF named .docx", "lettre.docx", pdf(), "mismatch"),
        ("a PNG named .pdf", "rapport.pdf", image("PNG"), "mismatch"),
        ("a JPEG named .png", "photo.png", image("JPEG"), "mismatch"),
        ("truncated PNG", "photo.png", image("PNG")[:60], "damaged"),
        ("password-protected PDF", "rapport.pdf", encrypted_pdf(), "encrypted"),
        ("binary noise as .csv", "liste.csv", bytes(range(256)) * 8, "mismatch"),
        ("no extension", "rapport", pdf(), "no_extension"),
        ("old Word format", "lettre.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500,
         "extension"),
        ("EICAR test virus as .csv", "liste.csv", EICAR, "virus"),
    ]  # fmt: skip


def good_files() -> list[tuple[str, bytes, str]]:
    """(file name, content, content type stored): one of each accepted kind."""
    return [
        ("Modèle de convention.pdf", pdf(), "application/pdf"),
        ("verrouillé.pdf", permissions_only_pdf(), "application/pdf"),
        ("lettre.docx", ooxml("docx"), OOXML_TYPE["docx"]),
        ("budget.xlsx", ooxml("xlsx"), OOXML_TYPE["xlsx"]),
        ("présentation.pptx", ooxml("pptx"), OOXML_TYPE["pptx"]),
        ("texte.odt", odf("odt"), "application/vnd.oasis.opendocument.text"),
        ("tableau.ods", odf("ods"), "application/vnd.oasis.opendocument.spreadsheet"),
        ("diapos.odp", odf("odp"), "application/vnd.oasis.opendocument.presentation"),
        ("liste.csv", b"nom;ville\nEau Vive;Annemasse\n", "text/csv"),
        ("liste-latin1.csv", "nom;ville\nÉcole;Genève\n".encode("cp1252"), "text/csv"),
        ("photo.png", image("PNG"), "image/png"),
        ("photo.jpg", image("JPEG"), "image/jpeg"),
        ("photo.webp", image("WEBP"), "image/webp"),
        ("rapport.v2.pdf", pdf(), "application/pdf"),
    ]


OOXML_TYPE = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}
