"""Hostile inputs, built at test time (nothing large is committed).

``build(folder, scale)`` writes every case into ``folder`` and returns what
each should give: an error class for the files a run must refuse, ``None``
for the hostile files it must read. ``scale`` sizes the big cases: "test"
keeps ``make test`` fast, "stress" is what ``make stress`` measures.
The plan text is written for these tests.
"""
from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

from tests import fixtures_make as F

PLAN = ("荆州市推进老旧小区改造工作方案\n"
        "一、工作目标\n"
        "到2025年，全市完成老旧小区改造300个以上。\n"
        "二、重点任务\n"
        "（一）完善配套设施。由市住房和城乡建设局牵头，市财政局配合，2024年底前完成。\n"
        "（二）加强长效管理。\n")

SIZES = {  # bytes of the big readable cases, and the nesting of the deep page
    "test": {"one_line": 150_000, "long_text": 400_000, "deep": 20_000,
             "bomb_mib": 100, "labels": 2_000},
    "stress": {"one_line": 2_000_000, "long_text": 20_000_000, "deep": 100_000,
               "bomb_mib": 1024, "labels": 100_000},
}


def build(folder: Path, scale: str = "test") -> dict:
    """Write every case into ``folder``; {relative path: expected error class or None}."""
    folder.mkdir(parents=True, exist_ok=True)
    size = SIZES[scale]
    expect = {}
    for name, (make, code) in _files(size).items():
        (folder / name).write_bytes(make())
        expect[name] = code
    expect.update(_special(folder))
    return expect


def _files(size: dict) -> dict:
    plan = PLAN.encode("utf-8")
    return {
        "empty.txt": (lambda: b"", "EmptyFile"),
        "noise_without_nul.txt": (lambda: bytes(range(128, 256)) * 64, "BinaryFile"),
        "program.txt": (lambda: bytes.fromhex("7f454c46") + bytes(range(1, 256)) * 8, "BinaryFile"),
        "scan.pdf": (lambda: bytes.fromhex("89504e470d0a1a0a") + bytes(range(256)) * 8,
                     "MislabeledFile"),
        "report.pdf.txt": (lambda: F.pdf_bytes([F.PLAN_LINES]), "BinaryFile"),
        "legacy.docx": (lambda: bytes.fromhex("d0cf11e0a1b11ae1") + bytes(600), "MislabeledFile"),
        "sheet.docx": (_xlsx_named_docx, "MislabeledFile"),
        "truncated.docx": (lambda: _small_docx()[:700], "CorruptDocument"),
        "truncated.pdf": (lambda: F.pdf_bytes([F.PLAN_LINES])[:400], "CorruptDocument"),
        "bomb.docx": (lambda: zip_bomb(size["bomb_mib"]), "FileTooLarge"),
        "deep.html": (lambda: deep_html(size["deep"]).encode("utf-8"), "NestingTooDeep"),
        "controls.txt": (lambda: plan.replace("工作目标".encode(), "工作\x1b[0m目标\x07".encode())
                         .replace("二、".encode(), "\x0c二、".encode()), None),
        "one_line.txt": (lambda: one_line(size["one_line"]).encode("utf-8"), None),
        "long_with_footers.txt": (lambda: long_text(size["long_text"]).encode("utf-8"), None),
        "many_labels.txt": (lambda: many_labels(size["labels"]).encode("utf-8"), None),
    }


def _special(folder: Path) -> dict:
    """FIFO, link loops and a dangling link: refused by type, never opened."""
    os.mkfifo(folder / "pipe.txt")
    os.symlink("self_link.txt", folder / "self_link.txt")
    os.symlink("missing_plan.txt", folder / "dangling.txt")
    (folder / "sub").mkdir()
    (folder / "sub" / "plan.txt").write_bytes(PLAN.replace("荆州市", "宜昌市").encode("utf-8"))
    os.symlink("..", folder / "sub" / "up")
    return {"pipe.txt": "SpecialFile", "self_link.txt": "LinkLoop", "dangling.txt": "BrokenLink",
            "sub/up": "LinkLoop", "sub/plan.txt": None}


def _small_docx() -> bytes:
    import docx
    document = docx.Document()
    for line in PLAN.splitlines():
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _xlsx_named_docx() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("xl/workbook.xml", "<workbook/>")
    return out.getvalue()


def zip_bomb(mib: int) -> bytes:
    """A .docx whose document.xml inflates to ``mib`` MiB: a small member repeated."""
    out = io.BytesIO()
    chunk = b"<w:p><w:r><w:t>" + "一".encode() * 300 + b"</w:t></w:r></w:p>"
    chunk = chunk * (1048576 // len(chunk))
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        with package.open("word/document.xml", "w", force_zip64=True) as member:
            for _ in range(mib):
                member.write(chunk)
    return out.getvalue()


def deep_html(depth: int) -> str:
    return ("<html><body>" + "<div>" * depth + PLAN.replace("\n", "<br>")
            + "</div>" * depth + "</body></html>")


def one_line(size: int) -> str:
    """One line of ``size`` bytes that starts like a chrome line (an abstract)."""
    sentence = PLAN.replace("\n", "；")
    return "摘要：" + sentence * (size // len(sentence.encode("utf-8")) + 1)


def long_text(size: int) -> str:
    """Pages of a plan, the first ending with a vote widget: a footer marker
    with the rest of the file after it (a footer rule must not cut there)."""
    pages = PLAN * (size // len(PLAN.encode("utf-8")) + 1)
    return PLAN + "顶一下\n" + pages


def many_labels(count: int) -> str:
    """A plan of ``count`` numbered items on three levels: 1. / （1） / ①."""
    circled = [chr(0x2460 + i) for i in range(10)]
    lines, made = ["荆州市老旧小区改造任务清单"], 0
    for top in range(1, 100):
        lines.append(f"{top}.第{top}片区改造任务")
        for mid in range(1, 100):
            lines.append(f"（{mid}）第{mid}个小区，由街道办事处负责。")
            lines.extend(f"{c}完成第{i + 1}栋楼的改造。" for i, c in enumerate(circled))
            made += 11
            if made >= count:
                return "\n".join(lines) + "\n"
    return "\n".join(lines) + "\n"
