"""Builders for small input files used by the ingest tests.

The plan text is written for the tests. PDFs are written by hand: a Type0
font with Identity-H encoding and a ToUnicode map is how real Chinese PDFs
carry their text layer, and it needs no font file (glyphs are not drawn,
text extraction only reads the character map).
"""
from __future__ import annotations

from pathlib import Path

PLAN_LINES = [
    "关于加快推进数字乡村建设的实施方案",
    "为深入贯彻落实乡村振兴战略，结合我市实际，制定本方案。",
    "一、工作目标",
    "到2025年，全市行政村5G网络覆盖率达到95%以上，农产品网络零售额年均增长10%。",
    "二、重点任务",
    "（一）完善乡村信息基础设施。",
    "1.推进光纤网络和5G基站向自然村延伸，2024年底前完成。",
    "2.实施广播电视户户通升级工程。",
    "（二）发展智慧农业。",
]
TABLE = [
    ["序号", "工作任务", "牵头单位", "责任单位", "完成时限"],
    ["1", "建设农村电商服务站", "市商务局", "各县（市、区）人民政府", "2024年12月底前"],
    ["2", "开展数字技能培训", "市人社局", "市农业农村局", "持续推进"],
]
AFTER_TABLE = ["三、保障措施", "（一）加强组织领导。各地各部门要高度重视。"]


def write_docx(path: Path, merged: bool = False) -> Path:
    """Plan paragraphs, the task table in the middle, then more paragraphs."""
    import docx
    document = docx.Document()
    for line in PLAN_LINES:
        document.add_paragraph(line)
    table = document.add_table(rows=len(TABLE), cols=len(TABLE[0]))
    for r, row in enumerate(TABLE):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    if merged:  # one 牵头单位 spans both task rows
        table.cell(1, 2).merge(table.cell(2, 2))
        table.cell(1, 2).text = "市商务局"
    for line in AFTER_TABLE:
        document.add_paragraph(line)
    document.save(path)
    return path


def _pdf_string(text: str) -> str:
    return "<" + "".join(f"{ord(c):04X}" for c in text) + ">"


def _tounicode(chars, garble: bool) -> bytes:
    """The character map; ``garble`` maps to private-use code points, as broken subset fonts do."""
    entries = sorted(chars)
    blocks = []
    for i in range(0, len(entries), 100):  # bfchar blocks hold at most 100 entries
        chunk = entries[i:i + 100]
        body = "\n".join(f"<{ord(c):04X}> <{0xE000 + ord(c) % 0x1000 if garble else ord(c):04X}>"
                         for c in chunk)
        blocks.append(f"{len(chunk)} beginbfchar\n{body}\nendbfchar")
    return ("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
            "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
            + "\n".join(blocks) + "\nendcmap\nCMapName currentdict /CMap defineresource pop\n"
            "end\nend\n").encode("ascii")


def pdf_bytes(pages: list, garble: bool = False) -> bytes:
    """A PDF whose pages show the given lines (CID = Unicode code point)."""
    chars = {c for page in pages for line in page for c in line}
    objects = {}
    n_pages = len(pages)
    page_ids = [10 + 2 * i for i in range(n_pages)]
    objects[1] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[2] = (f"<< /Type /Pages /Kids [{' '.join(f'{p} 0 R' for p in page_ids)}] "
                  f"/Count {n_pages} >>").encode()
    objects[3] = (b"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H "
                  b"/DescendantFonts [4 0 R] /ToUnicode 5 0 R >>")
    objects[4] = (b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun "
                  b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
                  b"/DW 1000 /FontDescriptor 6 0 R >>")
    objects[5] = _stream(_tounicode(chars, garble))
    objects[6] = (b"<< /Type /FontDescriptor /FontName /SimSun /Flags 4 "
                  b"/FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 "
                  b"/CapHeight 700 /StemV 80 >>")
    for pid, lines in zip(page_ids, pages):
        ops = ["BT", "/F1 10.5 Tf", "14 TL", "60 780 Td"]
        for line in lines:
            ops.append(f"{_pdf_string(line)} Tj T*")
        ops.append("ET")
        objects[pid] = (f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                        f"/Resources << /Font << /F1 3 0 R >> >> /Contents {pid + 1} 0 R >>").encode()
        objects[pid + 1] = _stream("\n".join(ops).encode("ascii"))
    return _assemble(objects)


def blank_pdf_bytes(pages: int = 2) -> bytes:
    """A PDF whose pages only draw a rectangle: what a scan looks like to a text reader."""
    objects = {1: b"<< /Type /Catalog /Pages 2 0 R >>"}
    kids = " ".join(f"{10 + 2 * i} 0 R" for i in range(pages))
    objects[2] = f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode()
    for i in range(pages):
        pid = 10 + 2 * i
        objects[pid] = (f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                        f"/Contents {pid + 1} 0 R >>").encode()
        objects[pid + 1] = _stream(b"0.5 g 50 50 495 742 re f")
    return _assemble(objects)


def _stream(data: bytes) -> bytes:
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def _assemble(objects: dict) -> bytes:
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for num in sorted(objects):
        offsets[num] = len(out)
        out += b"%d 0 obj\n" % num + objects[num] + b"\nendobj\n"
    size = max(objects) + 1
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for num in range(1, size):
        if num in offsets:
            out += b"%010d 00000 n \n" % offsets[num]
        else:
            out += b"0000000000 65535 f \n"
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
    return bytes(out)


def html_page(body: str, charset: str = "utf-8", title: str = "实施方案") -> str:
    return ("<!DOCTYPE html>\n<html><head>"
            f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">'
            f"<title>{title}</title></head>\n<body>{body}</body></html>")


NUMBERING_LEVELS = (  # (format, level text) as Chinese plan templates define them
    ("chineseCounting", "%1、"),
    ("chineseCounting", "（%2）"),
    ("decimal", "%3."),
)


def write_numbered_docx(path: Path, items: list, by_style: bool = False) -> Path:
    """Paragraphs numbered by Word itself; ``items`` are (level, text) pairs.

    With ``by_style`` the numbering sits on the heading styles (Heading 1-3),
    as in templates whose headings number themselves.
    """
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    document = docx.Document()
    numbering = document.part.numbering_part.element
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:suff w:val="nothing"/></w:lvl>'
        for i, (fmt, text) in enumerate(NUMBERING_LEVELS))
    numbering.append(parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">{levels}</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="91"><w:abstractNumId w:val="90"/></w:num>'))
    if by_style:
        for level in range(len(NUMBERING_LEVELS)):
            ppr = document.styles[f"Heading {level + 1}"].element.get_or_add_pPr()
            ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/>'
                                 f'<w:numId w:val="91"/></w:numPr>'))
    for level, text in items:
        if by_style and level is not None:
            document.add_heading(text, level + 1)
            continue
        paragraph = document.add_paragraph(text)
        if level is None:
            continue
        ppr = paragraph._p.get_or_add_pPr()
        ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/>'
                             f'<w:numId w:val="91"/></w:numPr>'))
    document.save(path)
    return path


def write_docx_lines(path: Path, lines: list) -> Path:
    import docx
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(path)
    return path


def write_docx_body_xml(path: Path, fragments: list) -> Path:
    """A .docx whose body holds the given WordprocessingML fragments (w: and mc: prefixes)."""
    import docx
    from docx.oxml import parse_xml
    document = docx.Document()
    body = document.element.body
    ns = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
          'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"')
    for fragment in fragments:
        element = parse_xml(fragment.replace("<w:p>", f"<w:p {ns}>", 1)
                            if fragment.startswith("<w:p>") else
                            fragment.replace(">", f" {ns}>", 1))
        body.insert(len(body) - 1, element)  # before the section properties
    document.save(path)
    return path
