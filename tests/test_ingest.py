"""Ingest: every supported format and encoding, every bad input, and the pipeline's error rows."""
import hashlib
import io
from pathlib import Path

import pytest

import fixtures_make as F
from extract.ingest import read as ingest
from extract import pipeline
from extract import rules

GBK_SNIPPET = "一、工作目标：到2025年，全市数字经济核心产业增加值占比达到10%以上，由市发改委牵头。"
BIG5_SNIPPET = "一、工作目標：到2025年，全市數位經濟核心產業增加值占比達到10%以上，由市發改委牽頭。"
PLAN_TEXT = "\n".join(F.PLAN_LINES) + "\n"


def _write(tmp_path, name, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --- text files: (id, file name, bytes, expected text, acceptable codecs) -------------
TEXT_CASES = [
    ("utf8", "plan.txt", PLAN_TEXT.encode("utf-8"), PLAN_TEXT, {"utf-8"}),
    ("utf8_bom_md", "plan.md", b"\xef\xbb\xbf" + PLAN_TEXT.encode("utf-8"), PLAN_TEXT, {"utf-8-sig"}),
    ("utf16le_bom", "plan.txt", PLAN_TEXT.encode("utf-16"), PLAN_TEXT, {"utf-16-le"}),
    ("utf16be_bom", "plan.txt", b"\xfe\xff" + PLAN_TEXT.encode("utf-16-be"), PLAN_TEXT, {"utf-16-be"}),
    ("utf16le_no_bom", "plan.txt", PLAN_TEXT.encode("utf-16-le"), PLAN_TEXT, {"utf-16-le"}),
    ("utf16be_no_bom", "plan.txt", PLAN_TEXT.encode("utf-16-be"), PLAN_TEXT, {"utf-16-be"}),
    ("utf16be_no_bom_chinese_only", "plan.txt", "一、工作目标\n（一）加强组织领导。\n".encode("utf-16-be"),
     "一、工作目标\n（一）加强组织领导。\n", {"utf-16-be"}),
    ("gbk_plan", "plan.txt", PLAN_TEXT.encode("gbk"), PLAN_TEXT, {"gb18030"}),
    ("gbk_short_snippet", "plan.txt", GBK_SNIPPET.encode("gbk"), GBK_SNIPPET, {"gb18030"}),
    ("gbk_tiny", "plan.txt", "到2025年".encode("gbk"), "到2025年", {"gb18030"}),
    ("gb2312_heading", "plan.txt", "（二）加强组织领导".encode("gb2312"), "（二）加强组织领导", {"gb18030"}),
    ("gb18030_rare_char", "plan.txt", ("㙟" + GBK_SNIPPET).encode("gb18030"), "㙟" + GBK_SNIPPET, {"gb18030"}),
    ("big5_snippet", "plan.txt", BIG5_SNIPPET.encode("big5"), BIG5_SNIPPET, {"cp950", "big5hkscs"}),
    ("big5_heading", "plan.txt", "一、工作目標".encode("big5"), "一、工作目標", {"cp950", "big5hkscs"}),
    ("big5_long", "plan.txt", (BIG5_SNIPPET + "\n") .encode("big5") * 40, (BIG5_SNIPPET + "\n") * 40,
     {"cp950", "big5hkscs"}),
    ("hz_plan", "plan.txt", PLAN_TEXT.encode("hz"), PLAN_TEXT, {"hz"}),
    ("hz_snippet", "plan.txt", GBK_SNIPPET.encode("hz"), GBK_SNIPPET, {"hz"}),
    # ASCII that merely holds the HZ marker stays ASCII: its HZ reading is rare characters
    ("ascii_with_marker", "plan.txt", b"code ~{X!X\"~} here\n", "code ~{X!X\"~} here\n", {"utf-8"}),
    ("crlf_kept", "plan.txt", "一、工作目标\r\n（一）加强领导\r\n".encode("utf-8"),
     "一、工作目标\r\n（一）加强领导\r\n", {"utf-8"}),
]


@pytest.mark.parametrize("name,data,expected,codecs", [c[1:] for c in TEXT_CASES],
                         ids=[c[0] for c in TEXT_CASES])
def test_text_encodings(tmp_path, name, data, expected, codecs):
    source = ingest.read_source(_write(tmp_path, name, data), name)
    assert source.content == expected
    assert source.encoding in codecs
    assert (source.kind, source.path) == ("text", name)
    assert source.digest == hashlib.sha1(data).hexdigest()
    assert source.notes == ()  # a clean file is not reported as repaired


# --- repaired text: what was mended is a warning row, the text is kept ----------------
REPAIR_CASES = [
    ("stray_nul_utf8", (PLAN_TEXT * 2).encode("utf-8").replace("（".encode(), b"\x00" + "（".encode(), 1),
     PLAN_TEXT * 2, "1 NUL byte was dropped"),
    ("stray_nuls_gbk", PLAN_TEXT.encode("gbk") + b"\x00\x00" + PLAN_TEXT.encode("gbk"),
     PLAN_TEXT * 2, "2 NUL bytes were dropped"),
    ("utf8_then_gbk", PLAN_TEXT.encode("utf-8") + PLAN_TEXT.encode("gbk"), PLAN_TEXT * 2,
     "mixes encodings"),
    ("gbk_then_utf8", GBK_SNIPPET.encode("gbk") + b"\n" + GBK_SNIPPET.encode("utf-8"),
     GBK_SNIPPET + "\n" + GBK_SNIPPET, "mixes encodings"),
]


@pytest.mark.parametrize("data,expected,said", [c[1:] for c in REPAIR_CASES],
                         ids=[c[0] for c in REPAIR_CASES])
def test_repaired_text_is_read_and_reported(tmp_path, data, expected, said):
    source = ingest.read_source(_write(tmp_path, "joined.txt", data), "in/joined.txt")
    assert source.content == expected
    [note] = source.notes
    assert note.warning == "EncodingRepaired" and note.source_path == "in/joined.txt"
    assert said in note.message and "save the file again as UTF-8" in note.message


def test_pipeline_reports_the_repair_and_keeps_the_plan(tmp_path):
    data = PLAN_TEXT.encode("utf-8") + b"\x00" + PLAN_TEXT.encode("utf-8")
    result = pipeline.process_file(_write(tmp_path, "plan.txt", data), "plan.txt")
    assert result.errors == [] and result.extractions
    assert [w.warning for w in result.warnings] == ["EncodingRepaired"]


def test_many_nul_bytes_are_still_binary(tmp_path):
    data = PLAN_TEXT.encode("utf-8").replace("、".encode(), b"\x00\x00\x00")
    with pytest.raises(ingest.IngestError) as caught:
        ingest.read_source(_write(tmp_path, "a.txt", data), "a.txt")
    assert caught.value.code == "BinaryFile"


@pytest.mark.parametrize("codec,expected", [("gbk", "gb18030"), ("utf-8", "utf-8")])
def test_cut_off_last_character_is_tolerated(tmp_path, codec, expected):
    data = (PLAN_TEXT * 3).encode(codec) + "牵".encode(codec)[:-1]
    source = ingest.read_source(_write(tmp_path, "plan.txt", data), "plan.txt")
    assert source.encoding == expected
    assert source.content.startswith(F.PLAN_LINES[0]) and source.content.count("\ufffd") == 1


# --- docx ---------------------------------------------------------------------------
def test_docx_tables_stay_in_reading_order(tmp_path):
    source = ingest.read_source(F.write_docx(tmp_path / "plan.docx"), "sub/plan.docx")
    rows = ["\t".join(row) for row in F.TABLE]
    assert source.content.split("\n") == F.PLAN_LINES + rows + F.AFTER_TABLE
    assert (source.kind, source.path, source.encoding) == ("text", "sub/plan.docx", None)


def test_docx_merged_cell_appears_once(tmp_path):
    lines = ingest.read_source(F.write_docx(tmp_path / "m.docx", merged=True), "m.docx").content.split("\n")
    assert lines[len(F.PLAN_LINES) + 1] == "1\t建设农村电商服务站\t市商务局\t各县（市、区）人民政府\t2024年12月底前"
    assert lines[len(F.PLAN_LINES) + 2] == "2\t开展数字技能培训\t\t市农业农村局\t持续推进"


@pytest.mark.parametrize("by_style", [False, True], ids=["numbered_paragraphs", "numbered_heading_styles"])
def test_docx_word_list_numbering_is_rendered(tmp_path, by_style):
    items = [(0, "工作目标"), (None, "到2025年，基本建成数字乡村。"), (0, "重点任务"),
             (1, "完善基础设施"), (2, "推进5G建设"), (2, "建设数据中心"), (1, "发展智慧农业"),
             (2, "建设示范基地")] + [(0, f"任务{i}") for i in range(3, 12)]
    lines = ingest.read_source(F.write_numbered_docx(tmp_path / "n.docx", items, by_style), "n.docx").content.split("\n")
    assert lines[:8] == ["一、工作目标", "到2025年，基本建成数字乡村。", "二、重点任务", "（一）完善基础设施",
                         "1.推进5G建设", "2.建设数据中心", "（二）发展智慧农业", "1.建设示范基地"]
    assert lines[-3:] == ["九、任务9", "十、任务10", "十一、任务11"]


DOCX_FLOW_CASES = [  # (id, body fragment, expected lines)
    ("tracked_changes", "<w:p><w:r><w:t>由市发改委</w:t></w:r><w:ins><w:r><w:t>牵头</w:t></w:r></w:ins>"
     "<w:del><w:r><w:delText>负责</w:delText></w:r></w:del></w:p>", ["由市发改委牵头"]),
    ("content_control", "<w:sdt><w:sdtContent><w:p><w:r><w:t>一、工作目标</w:t></w:r></w:p>"
     "</w:sdtContent></w:sdt>", ["一、工作目标"]),
    ("hyperlink_and_tab", "<w:p><w:r><w:t>附件：</w:t></w:r><w:hyperlink><w:r><w:t>任务分工表</w:t></w:r>"
     "</w:hyperlink><w:r><w:tab/><w:t>2024年</w:t></w:r></w:p>", ["附件：任务分工表\t2024年"]),
    ("page_break_is_not_a_line", "<w:p><w:r><w:t>二、重点任务</w:t><w:br w:type=\"page\"/></w:r></w:p>",
     ["二、重点任务"]),
    ("soft_line_break", "<w:p><w:r><w:t>牵头单位：市商务局</w:t><w:br/><w:t>责任单位：市财政局</w:t></w:r></w:p>",
     ["牵头单位：市商务局", "责任单位：市财政局"]),
    ("text_box_skipped", "<w:p><w:r><w:t>（一）加强组织领导</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\">"
     "<w:txbxContent><w:p><w:r><w:t>浮动文本框</w:t></w:r></w:p></w:txbxContent></mc:Choice><mc:Fallback>"
     "<w:txbxContent><w:p><w:r><w:t>浮动文本框</w:t></w:r></w:p></w:txbxContent></mc:Fallback>"
     "</mc:AlternateContent></w:r></w:p>", ["（一）加强组织领导"]),
    ("nested_table_in_cell", "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc><w:tc><w:tbl><w:tr>"
     "<w:tc><w:p><w:r><w:t>市商务局</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>市财政局</w:t></w:r></w:p></w:tc>"
     "</w:tr></w:tbl></w:tc></w:tr></w:tbl>", ["1\t市商务局 市财政局"]),
]


@pytest.mark.parametrize("fragment,expected", [c[1:] for c in DOCX_FLOW_CASES],
                         ids=[c[0] for c in DOCX_FLOW_CASES])
def test_docx_text_flow(tmp_path, fragment, expected):
    path = F.write_docx_body_xml(tmp_path / "f.docx", [fragment])
    assert ingest.read_source(path, "f.docx").content.split("\n") == expected


# --- pdf ----------------------------------------------------------------------------
def test_pdf_text_layer_page_by_page(tmp_path):
    pages = [F.PLAN_LINES[:5], F.PLAN_LINES[5:]]
    source = ingest.read_source(_write(tmp_path, "plan.pdf", F.pdf_bytes(pages)), "plan.pdf")
    assert source.kind == "pdf"
    assert source.content.split("\n") == F.PLAN_LINES  # pages joined by one line break


def test_pdf_wrapped_lines_are_kept_for_the_cleaner(tmp_path):
    wrapped = ["到2025年，全市行政村5G网络覆盖率达到95%以上，", "农产品网络零售额年均增长10%。"]
    source = ingest.read_source(_write(tmp_path, "w.pdf", F.pdf_bytes([["一、工作目标"] + wrapped])), "w.pdf")
    assert source.content.split("\n") == ["一、工作目标"] + wrapped


def _encrypted_pdf(user: str, owner: str) -> bytes:
    from pypdf import PdfReader, PdfWriter
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(F.pdf_bytes([F.PLAN_LINES]))))
    writer.encrypt(user_password=user, owner_password=owner, algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_pdf_with_only_an_owner_password_opens(tmp_path):
    source = ingest.read_source(_write(tmp_path, "p.pdf", _encrypted_pdf("", "owner")), "p.pdf")
    assert source.content.split("\n") == F.PLAN_LINES


# --- html ---------------------------------------------------------------------------
BODY = "<p>一、工作目标</p><p>（一）由市发改委牵头，2024年底前完成。</p>"
BIG5_BODY = "<p>一、工作目標</p><p>（一）由市發改委牽頭，2024年底前完成。</p>"
# what ingest keeps of a page: its block text, the markup parsed once
TEXT = "一、工作目标\n（一）由市发改委牵头，2024年底前完成。"
BIG5_TEXT = "一、工作目標\n（一）由市發改委牽頭，2024年底前完成。"
HTML_CASES = [
    ("utf8_meta", F.html_page(BODY, "utf-8").encode("utf-8"), {"utf-8"}),
    ("gb2312_meta", F.html_page(BODY, "gb2312").encode("gbk"), {"gb18030"}),
    ("gbk_no_meta", F.html_page(BODY, "").replace("; charset=", "").encode("gbk"), {"gb18030"}),
    ("utf8_page_declaring_gbk", F.html_page(BODY, "gbk").encode("utf-8"), {"utf-8"}),
    ("gbk_page_declaring_latin1", F.html_page(BODY, "iso-8859-1").encode("gbk"), {"gb18030"}),
    ("gbk_page_declaring_utf8", F.html_page(BODY, "utf-8").encode("gbk"), {"gb18030"}),
    ("big5_meta", F.html_page(BIG5_BODY, "big5", title="實施方案").encode("big5"), {"cp950"}),
    ("utf8_bom", b"\xef\xbb\xbf" + F.html_page(BODY, "gbk").encode("utf-8"), {"utf-8-sig"}),
]


@pytest.mark.parametrize("data,codecs", [c[1:] for c in HTML_CASES], ids=[c[0] for c in HTML_CASES])
def test_html_decoded_and_parsed_once_into_block_text(tmp_path, data, codecs):
    source = ingest.read_source(_write(tmp_path, "page.htm", data), "page.htm")
    assert source.kind == "html" and source.encoding in codecs
    assert TEXT in source.content or BIG5_TEXT in source.content
    assert "<p>" not in source.content


def test_web_page_saved_as_txt_is_read_as_html(tmp_path):
    data = F.html_page(BODY, "gb2312").encode("gbk")
    source = ingest.read_source(_write(tmp_path, "page.txt", data), "page.txt")
    assert (source.kind, source.encoding) == ("html", "gb18030") and TEXT in source.content


# --- bad inputs: (id, file name, bytes, error code) ---------------------------------
def _docx_bytes(tmp_path) -> bytes:
    return F.write_docx(tmp_path / "good.docx").read_bytes()


BAD_CASES = [
    ("empty_txt", "a.txt", lambda t: b"", "EmptyFile"),
    ("whitespace_txt", "a.txt", lambda t: " \n\t\r\n".encode(), "EmptyFile"),
    ("ideographic_spaces_txt", "a.txt", lambda t: "\u3000\u3000\n".encode("utf-8"), "EmptyFile"),
    ("bom_only_utf16", "a.txt", lambda t: "\ufeff  \n".encode("utf-16"), "EmptyFile"),
    ("binary_with_nul", "a.txt", lambda t: bytes(range(256)) * 8, "BinaryFile"),
    ("control_characters", "a.txt", lambda t: bytes(range(1, 32)) * 20 + "一、工作目标".encode(), "BinaryFile"),
    ("pdf_named_txt", "a.txt", lambda t: F.pdf_bytes([F.PLAN_LINES]), "BinaryFile"),
    ("undecodable", "a.txt", lambda t: "工作目标".encode("gbk") + b"\xff\xfe\xff" * 20, "UndecodableText"),
    ("empty_docx", "a.docx", lambda t: b"", "EmptyFile"),
    ("truncated_docx", "a.docx", lambda t: _docx_bytes(t)[: len(_docx_bytes(t)) // 2], "CorruptDocument"),
    ("text_named_docx", "a.docx", lambda t: PLAN_TEXT.encode("utf-8"), "MislabeledFile"),
    ("legacy_doc_named_docx", "a.docx", lambda t: bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 600,
     "MislabeledFile"),
    ("png_named_pdf", "a.pdf", lambda t: bytes.fromhex("89504e470d0a1a0a") + bytes(range(256)) * 4,
     "MislabeledFile"),
    ("jpeg_named_docx", "a.docx", lambda t: bytes.fromhex("ffd8ffe0") + bytes(range(256)) * 4,
     "MislabeledFile"),
    ("text_named_pdf", "a.pdf", lambda t: PLAN_TEXT.encode("gbk"), "MislabeledFile"),
    ("binary_without_nul", "a.txt", lambda t: bytes(range(128, 256)) * 40, "BinaryFile"),
    ("truncated_pdf", "a.pdf", lambda t: F.pdf_bytes([F.PLAN_LINES])[:400], "CorruptDocument"),
    ("garbled_pdf", "a.pdf", lambda t: F.pdf_bytes([F.PLAN_LINES], garble=True), "GarbledTextLayer"),
    ("docx_without_text", "a.docx", lambda t: F.write_docx_lines(t / "e.docx", ["", "  "]).read_bytes(),
     "EmptyFile"),
    ("scanned_pdf", "a.pdf", lambda t: F.blank_pdf_bytes(3), "NoTextLayer"),
    ("password_pdf", "a.pdf", lambda t: _encrypted_pdf("secret", "owner"), "EncryptedDocument"),
    ("html_without_text", "a.html", lambda t: b"<html><body><script>var a;</script></body></html>",
     "EmptyFile"),
    ("legacy_doc", "a.doc", lambda t: bytes.fromhex("d0cf11e0a1b11ae1"), "UnsupportedFormat"),
    ("unknown_extension", "a.xyz", lambda t: b"text", "UnsupportedFormat"),
    ("no_extension", "README", lambda t: b"text", "UnsupportedFormat"),
]


@pytest.mark.parametrize("name,make,code", [c[1:] for c in BAD_CASES], ids=[c[0] for c in BAD_CASES])
def test_bad_input_raises_named_error(tmp_path, name, make, code):
    path = _write(tmp_path, name, make(tmp_path))
    with pytest.raises(ingest.IngestError) as caught:
        ingest.read_source(path, f"in/{name}")
    assert caught.value.code == code
    assert str(caught.value).startswith(f"in/{name}: ")


@pytest.mark.parametrize("name,make,code", [c[1:] for c in BAD_CASES], ids=[c[0] for c in BAD_CASES])
def test_pipeline_turns_bad_input_into_one_error_row(tmp_path, name, make, code):
    result = pipeline.process_file(_write(tmp_path, name, make(tmp_path)), name)
    assert [(e.source_path, e.error) for e in result.errors] == [(name, code)]
    assert result.extractions == []


def test_unsupported_message_lists_supported_extensions_and_advice(tmp_path):
    with pytest.raises(ingest.UnsupportedFormat, match=r"save it as \.docx.*\.txt, \.md"):
        ingest.read_source(_write(tmp_path, "plan.wps", b"x"), "plan.wps")


def test_scanned_pdf_message_says_run_ocr(tmp_path):
    with pytest.raises(ingest.NoTextLayer, match="run OCR first"):
        ingest.read_source(_write(tmp_path, "s.pdf", F.blank_pdf_bytes(1)), "s.pdf")


def test_corrupt_docx_message_says_save_again(tmp_path):
    with pytest.raises(ingest.CorruptDocument, match="save it again"):
        ingest.read_source(_write(tmp_path, "c.docx", b"PK\x03\x04broken"), "c.docx")


@pytest.mark.parametrize("reader,name", [("text", "big.txt"), ("pdf", "big.pdf"), ("docx", "big.docx")])
def test_file_over_the_limit(tmp_path, monkeypatch, reader, name):
    monkeypatch.setitem(rules.load("ingest")["max_megabytes"], reader, 0.0001)  # about 100 bytes
    path = _write(tmp_path, name, b"x" * 200)
    with pytest.raises(ingest.FileTooLarge, match=f"{name}: .*limit"):
        ingest.read_source(path, name)


def test_file_under_the_limit_is_read(tmp_path, monkeypatch):
    monkeypatch.setitem(rules.load("ingest")["max_megabytes"], "text", 0.001)
    assert ingest.read_source(_write(tmp_path, "s.txt", "一、工作目标".encode()), "s.txt").content == "一、工作目标"


@pytest.mark.parametrize("make", [lambda p: p.mkdir(), lambda p: None], ids=["directory", "missing"])
def test_unreadable_file(tmp_path, make):
    path = tmp_path / "plan.txt"
    make(path)
    with pytest.raises(ingest.UnreadableFile, match="plan.txt: cannot read"):
        ingest.read_source(path, "plan.txt")


def test_folder_with_good_and_bad_file_keeps_the_good_plan(tmp_path):
    F.write_docx(tmp_path / "good.docx")
    (tmp_path / "bad.pdf").write_bytes(F.blank_pdf_bytes(1))
    results = {r.path: r for r in pipeline.run([str(tmp_path)])}
    assert [e.error for e in results["bad.pdf"].errors] == ["NoTextLayer"]
    assert results["good.docx"].errors == []
    plans = results["good.docx"].extractions
    assert plans and "一、工作目标" in "".join(p.plan.text for p in plans)


def _as_html(lines) -> bytes:
    import html
    body = "".join(f"<p>{html.escape(line)}</p>" for line in lines)
    return F.html_page(body, "gb2312").encode("gbk")


FORMATS = [  # (id, file name, bytes from plan lines)
    ("utf8_txt", "p.txt", lambda t, lines: "\n".join(lines).encode("utf-8")),
    ("gbk_txt", "p.txt", lambda t, lines: "\r\n".join(lines).encode("gbk")),
    ("utf16_md", "p.md", lambda t, lines: "\n".join(lines).encode("utf-16")),
    ("docx", "p.docx", lambda t, lines: F.write_docx_lines(t / "x.docx", lines).read_bytes()),
    ("gbk_html", "p.html", lambda t, lines: _as_html(lines)),
    ("pdf_two_pages", "p.pdf", lambda t, lines: F.pdf_bytes([lines[:4], lines[4:]])),
]


@pytest.mark.parametrize("name,make", [f[1:] for f in FORMATS], ids=[f[0] for f in FORMATS])
def test_same_plan_in_every_format_cleans_to_the_same_lines(tmp_path, name, make):
    from extract.prepare import clean
    source = ingest.read_source(_write(tmp_path, name, make(tmp_path, F.PLAN_LINES)), name)
    lines = [line.strip() for line in clean.clean(source).text.split("\n") if line.strip()]
    assert lines == F.PLAN_LINES
