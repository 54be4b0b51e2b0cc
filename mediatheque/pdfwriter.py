"""A tiny PDF writer: pages of text in Helvetica, French accents included (WinAnsi).

Enough for the demo's partnership agreement template and for the tests' PDFs, which the
project generates itself rather than downloading. Not a layout engine: a title, headings
and paragraphs wrapped at a fixed width.
"""

import textwrap

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4, in points
MARGIN = 56
LINE = 15
WRAP = 88


def _escape(text: str) -> bytes:
    raw = text.encode("cp1252", "replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _lines(blocks: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """(style, line) with paragraphs wrapped; styles: title, heading, text, blank."""
    lines: list[tuple[str, str]] = []
    for style, text in blocks:
        if style == "text":
            wrapped = textwrap.wrap(text, WRAP) or [""]
            lines += [("text", line) for line in wrapped]
        else:
            lines.append((style, text))
        lines.append(("blank", ""))
    return lines


def _page_stream(lines: list[tuple[str, str]]) -> bytes:
    sizes = {"title": 18, "heading": 13, "text": 10.5, "blank": 10.5}
    fonts = {"title": b"/F2", "heading": b"/F2", "text": b"/F1", "blank": b"/F1"}
    out = [b"BT", f"{MARGIN} {PAGE_HEIGHT - MARGIN} Td".encode()]
    for style, text in lines:
        out.append(fonts[style] + f" {sizes[style]} Tf".encode())
        out.append(b"(" + _escape(text) + b") Tj")
        out.append(f"0 -{LINE + (8 if style == 'title' else 0)} Td".encode())
    out.append(b"ET")
    return b"\n".join(out)


def write_pdf(blocks: list[tuple[str, str]], *, title: str = "") -> bytes:
    """A PDF of ``blocks``: (style, text) with style ``title``, ``heading`` or ``text``."""
    per_page = (PAGE_HEIGHT - 2 * MARGIN) // LINE - 2
    lines = _lines(blocks)
    pages = [lines[i : i + per_page] for i in range(0, len(lines), per_page)] or [[]]
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in once the pages object number is known
    pages_id = add(b"")
    regular = add(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    )
    bold = add(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"
    )
    kids = []
    for page_lines in pages:
        stream = _page_stream(page_lines)
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R "
                b"/Resources << /Font << /F1 %d 0 R /F2 %d 0 R >> >> >>"
                % (pages_id, PAGE_WIDTH, PAGE_HEIGHT, content, regular, bold)
            )
        )
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id
    objects[pages_id - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % kid for kid in kids),
        len(kids),
    )
    info = add(b"<< /Title (" + _escape(title) + b") /Producer (CoExist) >>")
    output = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(output))
        output += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(output)
    output += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    output += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    output += b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        catalog,
        info,
        xref,
    )
    return bytes(output)
