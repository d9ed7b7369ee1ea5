"""Decide the text encoding of a byte string and decode it.

Order: byte-order marks, UTF-16 without a BOM (NUL bytes), strict UTF-8
(an all-ASCII file may still be seven-bit HZ), then the charset detector restricted to the legacy Chinese encodings in
``rules/ingest.yaml``. Detectors guess badly on short Chinese texts (a GBK
"到2025年" reads as plausible Big5), so for short texts the GB/Big5 choice is
checked by how many decoded characters are common ones in each standard.
"""
from __future__ import annotations

import codecs
import functools
from dataclasses import dataclass
from typing import Optional

from .. import rules

BOMS = (  # longest first: the UTF-32 LE BOM starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class DecodeProblem(ValueError):
    """Raised with ``kind`` "binary" or "undecodable"; ingest words the message."""

    def __init__(self, kind: str, detail: str):
        super().__init__(detail)
        self.kind = kind


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    repairs: tuple = ()   # what was mended to read the bytes, for a warning row


def settings() -> dict:
    return rules.load("ingest")["text"]


def codec_for(name: str) -> Optional[str]:
    """The codec to decode a declared or detected encoding name with, or None."""
    name = name.strip().lower()
    name = settings()["codec_aliases"].get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_bytes(data: bytes, declared: Optional[str] = None) -> Decoded:
    """Decode ``data``; ``declared`` is an encoding named by the file (HTML meta)."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            return _checked(data[len(bom):], codec)
    if b"\x00" in data:
        return _without_stray_nuls(data, declared)
    try:  # tolerant: a UTF-8 file cut mid-character is still UTF-8, never GBK
        decoded = _checked(data, "utf-8")
        if decoded.text.isascii():
            return _shifted(data) or decoded
        return decoded
    except DecodeProblem as problem:
        if problem.kind != "undecodable":
            raise
    codec = codec_for(declared) if declared else None
    if codec and codec not in _not_trusted():
        try:
            return _checked(data, codec)
        except DecodeProblem:
            pass  # a wrong declaration (copied page templates): detect instead
    try:
        return _checked(data, _detect(data))
    except DecodeProblem as problem:
        mixed = _by_lines(data) if problem.kind == "undecodable" else None
        if mixed is None:
            raise
        return mixed


def _without_stray_nuls(data: bytes, declared: Optional[str]) -> Decoded:
    """UTF-16 without a BOM, or a text with a few stray NUL bytes (a joined or
    badly converted file): those are dropped, and the repair is reported."""
    try:
        return _utf16_without_bom(data)
    except DecodeProblem:
        stripped = data.replace(b"\x00", b"")
        dropped = len(data) - len(stripped)
        if dropped > len(data) * settings()["max_stray_nul_share"]:
            raise
    decoded = decode_bytes(stripped, declared)
    what = "1 NUL byte was" if dropped == 1 else f"{dropped} NUL bytes were"
    return Decoded(decoded.text, decoded.encoding, decoded.repairs + (f"{what} dropped",))


def _by_lines(data: bytes) -> Optional[Decoded]:
    """A file joined from parts in different encodings (UTF-8 and GB18030 or
    Big5), decoded line by line, or None when that does not read it either.

    A line counts as UTF-8 only when it decodes strictly and reads as plain
    text: short GBK byte pairs can be valid UTF-8 for Latin or Cyrillic letters.
    """
    lines = data.split(b"\n")
    utf8 = [_plain_utf8(line) for line in lines]
    legacy_bytes = b"\n".join(line for line, text in zip(lines, utf8) if text is None)
    try:
        codec = _detect(legacy_bytes)
    except DecodeProblem:
        return None
    texts = [text if text is not None else legacy.decode(codec, errors="replace")
             for text, legacy in zip(utf8, lines)]
    joined = "\n".join(texts)
    if joined.count("\ufffd") > max(1, len(data) * settings()["max_bad_byte_share"]):
        return None
    legacy_count = utf8.count(None)
    utf8_count = sum(1 for line, text in zip(lines, utf8) if text is not None and not line.isascii())
    return Decoded(joined, codec, (
        f"the file mixes encodings: {utf8_count} lines were read as UTF-8 "
        f"and {legacy_count} as {codec}",))


def _plain_utf8(line: bytes) -> Optional[str]:
    if line.isascii():
        return line.decode("ascii")  # the same in every encoding: counts as none
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return text if plain_share(text) >= settings()["min_utf16_plain_share"] else None


def _shifted(data: bytes) -> Optional[Decoded]:
    """A pure-ASCII file written in a seven-bit Chinese encoding (HZ), or None.

    Plain ASCII that merely contains a marker decodes to rare characters (or
    not at all), so the common-character share decides.
    """
    text = data.decode("ascii")
    for rule in rules.pattern_rules("ingest", "shift_encodings"):
        if not rule.regex.search(text):
            continue
        decoded = _tolerant(data, rule.data["codec"])
        if decoded and common_share(decoded, "gb18030") >= settings()["min_common_share"]:
            return Decoded(decoded, rule.data["codec"])
    return None


def _not_trusted() -> set:
    """Declared codecs not to decode with: UTF-8/16 were already tried, Western ones are wrong."""
    ignored = {codec_for(n) for n in settings()["ignored_declarations"]}
    return ignored | {"utf-8", "utf-16", "utf-16-le", "utf-16-be"}


def _checked(data: bytes, codec: str) -> Decoded:
    """Decode, tolerating a few broken bytes (a cut-off last character)."""
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        text = data.decode(codec, errors="replace")
        bad = text.count("\ufffd")
        if bad > max(1, len(data) * settings()["max_bad_byte_share"]):
            raise DecodeProblem("undecodable", f"{bad} bytes are not valid {codec}")
    return _checked_text(text, codec)


def _checked_text(text: str, codec: str) -> Decoded:
    if control_share(text) > settings()["max_control_share"]:
        raise DecodeProblem("binary", "mostly control characters")
    return Decoded(text, codec)


def control_share(text: str) -> float:
    sample = text[:settings()["sample_chars"]]
    if not sample:
        return 0.0
    control = rules.pattern_rules("ingest", "control_characters")[0].regex
    return len(control.findall(sample)) / len(sample)


def looks_binary(data: bytes) -> bool:
    """Bytes that no encoding reads as text: control characters, or (ignoring
    bytes that do not decode at all) mostly rare characters in every legacy
    Chinese encoding. A GBK text with a few broken bytes is still text."""
    sample = data[:settings()["sample_chars"]]
    # C0 control bytes only: no multi-byte Chinese encoding uses them inside a character
    controls = sum(1 for b in sample if b < 0x20 and b not in b"\t\n\x0c\r")
    if sample and controls / len(sample) > settings()["max_control_share"]:
        return True
    candidates = [codec_for(n) or n for n in settings()["detector_encodings"]]
    best = 0.0
    for codec in candidates:
        text = sample.decode(codec, errors="replace").replace("\ufffd", "")
        best = max(best, common_share(text, codec))
    return best < settings()["min_common_share"]


def _utf16_without_bom(data: bytes) -> Decoded:
    """NUL bytes are binary unless the data reads as plain UTF-16 text."""
    best = None
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        share = plain_share(text)
        if best is None or share > best[0]:
            best = (share, text, codec)
    if best is None or best[0] < settings()["min_utf16_plain_share"]:
        raise DecodeProblem("binary", "it contains NUL bytes")
    return Decoded(best[1], best[2])


def plain_share(text: str) -> float:
    """Share of characters usual in a Chinese document."""
    text = text[:settings()["sample_chars"]]
    if not text:
        return 0.0
    ranges = [(int(lo, 16), int(hi, 16)) for lo, hi in settings()["plain_ranges"]]
    plain = 0
    for c in text:
        if c.isascii():
            plain += c.isprintable() or c in "\n\r\t"
        else:
            plain += any(lo <= ord(c) <= hi for lo, hi in ranges)
    return plain / len(text)


def _detect(data: bytes) -> str:
    candidates = [codec_for(n) or n for n in settings()["detector_encodings"]]
    from charset_normalizer import from_bytes     # only for text that is not UTF-8 (start-up)
    best = from_bytes(data, cp_isolation=list(settings()["detector_encodings"])).best()
    chosen = codec_for(best.encoding) if best is not None else None
    non_ascii = sum(1 for b in data if b >= 0x80)
    if chosen is None or non_ascii < settings()["short_text_bytes"]:
        chosen = _by_common_characters(data, candidates) or chosen
    if chosen is None:
        raise DecodeProblem("undecodable", "no Chinese encoding reads it")
    return chosen


def _by_common_characters(data: bytes, candidates: list) -> Optional[str]:
    """Pick the codec whose decoding has the largest share of common characters.

    Ties go to the order in the rules (GB first): on a short text such as
    "到2025年" both readings look fine and mainland plans are far more common.
    """
    scored = []
    for rank, codec in enumerate(candidates):
        text = _tolerant(data, codec)
        if text is None:
            continue
        scored.append((common_share(text, codec), -rank, codec))
    return max(scored)[2] if scored else None


def _tolerant(data: bytes, codec: str) -> Optional[str]:
    try:
        return _checked(data, codec).text
    except DecodeProblem:
        return None


def common_share(text: str, codec: str) -> float:
    """Share of non-ASCII characters that are common in ``codec``'s standard.

    A wrong decoding of Chinese bytes yields rare characters, kana or symbols;
    the right one yields mostly first-level characters and punctuation.
    """
    chars = [c for c in text[:settings()["sample_chars"]] if not c.isascii()]
    if not chars:
        return 1.0
    family = "gb" if codec == "gb18030" else "big5"
    return sum(_is_common(c, family) for c in chars) / len(chars)


@functools.lru_cache(maxsize=65536)
def _is_common(c: str, family: str) -> bool:
    try:
        raw = c.encode("gb2312" if family == "gb" else "cp950")
    except UnicodeEncodeError:
        return False
    if len(raw) != 2:
        return False
    code = raw[0] << 8 | raw[1]
    if family == "gb":
        # rows A1-A3: punctuation, numbered symbols, full-width forms;
        # B0-D7: the 3755 first-level characters
        return 0xA1 <= raw[0] <= 0xA3 or 0xB0 <= raw[0] <= 0xD7
    # A140-A2FF: punctuation and full-width forms; A440-C67E: frequent characters
    return 0xA140 <= code <= 0xA2FF or 0xA440 <= code <= 0xC67E
