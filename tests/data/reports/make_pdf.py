#!/usr/bin/python3
"""Write the PDF report fixtures by hand (no PDF library): a two-page weekly
brief with headings, wrapped paragraphs and bullets, and a truncated copy of
it. Run from anywhere:

    /usr/bin/python3 tests/data/reports/make_pdf.py

Output (committed): weekly-brief-2021-03-05.pdf, bad/truncated.pdf.
The text is set in the standard Helvetica fonts with WinAnsiEncoding, so no
font is embedded and the files stay a few KB.
"""

import os
import textwrap

HERE = os.path.dirname(os.path.abspath(__file__))
TITLE = "Weekly Brief: Hajin and Albukamal (March 5\u201311, 2021)"

# (kind, text): title, heading, para, bullet; "page" starts a new page.
CONTENT = [
    ("title", TITLE),
    ("para", "This brief covers ISIS activity in the south of the Deir ez-Zor Province and in the west of "
             "the Al-Anbar Province in Iraq, where ISIS cells cross the border near Albukamal and Al-Qaim."),
    ("heading", "Deir ez-Zor Province"),
    ("bullet", "On March 5, 2021, an IED was activated against an SDF vehicle on the road between Hajin and "
               "Al-Jalaa, about 8 km south of Hajin. Two SDF fighters were killed (Telegram, March 6, 2021)."),
    ("bullet", "On March 7, 2021, ISIS operatives attacked an SDF checkpoint in Al-Asharah, about 15 km "
               "southeast of Al-Mayadeen, with machine guns. One fighter was killed and two others were "
               "wounded (Telegram, March 7, 2021)."),
    ("bullet", "On March 8, 2021, a mortar shell hit a house in Albukamal. A woman and two children were "
               "wounded (Deir ez-Zor 24, March 8, 2021)."),
    ("page", ""),
    ("heading", "Al-Anbar Province"),
    ("bullet", "On March 9, 2021, ISIS operatives abducted three truffle hunters in the desert about 40 km "
               "west of Rawah. The next day, the bodies of two of them were found (Shafaq News, March 10, "
               "2021)."),
    ("bullet", "On March 10, 2021, an IED exploded next to an Iraqi army patrol near Hit, about 50 km "
               "northwest of Ramadi. Three soldiers were wounded (Telegram, March 10, 2021)."),
    ("bullet", "On March 11, 2021, Iraqi security forces arrested four ISIS operatives in the city of "
               "Fallujah (Iraqi Security Media Cell, March 11, 2021)."),
]

PAGE_W, PAGE_H = 595, 842          # A4 in points
MARGIN_X, TOP_Y = 56, 790
WRAP = 92                          # characters per line at 10 pt Helvetica
LEADING = {"title": 20, "heading": 18, "para": 13, "bullet": 13}
SIZE = {"title": 14, "heading": 12, "para": 10, "bullet": 10}
FONT = {"title": "F2", "heading": "F2", "para": "F1", "bullet": "F1"}


def pdf_string(s):
    b = s.encode("cp1252")
    return b"(" + b.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def pdf_text_string(s):
    """A text string outside content streams (the Info title): UTF-16BE with a BOM."""
    return b"<FEFF" + s.encode("utf-16-be").hex().upper().encode() + b">"


def page_streams():
    pages, ops, y = [], [], TOP_Y

    def line(font, size, x, text):
        ops.append(b"BT /%s %d Tf %d %d Td %s Tj ET" % (font.encode(), size, x, y, pdf_string(text)))

    for kind, text in CONTENT:
        if kind == "page":
            pages.append(b"\n".join(ops))
            ops, y = [], TOP_Y
            continue
        if kind in ("heading", "title") and y != TOP_Y:
            y -= 8
        if kind == "bullet":
            lines = textwrap.wrap(text, WRAP - 4)
            line(FONT[kind], SIZE[kind], MARGIN_X, "\u2022 " + lines[0])
            y -= LEADING[kind]
            for rest in lines[1:]:
                line(FONT[kind], SIZE[kind], MARGIN_X + 10, rest)
                y -= LEADING[kind]
        else:
            for piece in textwrap.wrap(text, WRAP) if kind == "para" else [text]:
                line(FONT[kind], SIZE[kind], MARGIN_X, piece)
                y -= LEADING[kind]
        y -= 4
    pages.append(b"\n".join(ops))
    return pages


def build():
    streams = page_streams()
    n_pages = len(streams)
    # Objects: 1 catalog, 2 pages, 3 Helvetica, 4 Helvetica-Bold, 5 info,
    # then per page: page object, content stream.
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        4: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        5: b"<< /Title " + pdf_text_string(TITLE) + b" /Producer (reckon make_pdf.py) >>",
    }
    kids = []
    for i, stream in enumerate(streams):
        page_id, content_id = 6 + 2 * i, 7 + 2 * i
        kids.append(b"%d 0 R" % page_id)
        objects[page_id] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] "
                            b"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents %d 0 R >>"
                            % (PAGE_W, PAGE_H, content_id))
        objects[content_id] = b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"
    objects[2] = b"<< /Type /Pages /Kids [" + b" ".join(kids) + b"] /Count %d >>" % n_pages

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for num in sorted(objects):
        offsets[num] = len(out)
        out += b"%d 0 obj\n" % num + objects[num] + b"\nendobj\n"
    xref = len(out)
    size = max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for num in range(1, size):
        out += b"%010d 00000 n \n" % offsets[num]
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 5 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
    return bytes(out)


def main():
    pdf = build()
    with open(os.path.join(HERE, "weekly-brief-2021-03-05.pdf"), "wb") as f:
        f.write(pdf)
    # A download that stopped half way: no xref, no trailer, no %%EOF.
    os.makedirs(os.path.join(HERE, "bad"), exist_ok=True)
    with open(os.path.join(HERE, "bad", "truncated.pdf"), "wb") as f:
        f.write(pdf[: len(pdf) * 3 // 5])


if __name__ == "__main__":
    main()
