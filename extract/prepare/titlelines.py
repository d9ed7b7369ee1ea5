"""Small tests on the lines around a plan's title, for the split stage:
a page's column tag, a file name's extension, a blank line that parts a
widget from the headline below it, a title broken over several lines, the
fields of a page's metadata block above it."""
from __future__ import annotations

import functools
import unicodedata
from typing import Optional

from .. import rules
from . import gazetteer, outline


def untagged(line: str) -> str:
    """A page's column tag before its headline (【政策文件】……计划) is not the title."""
    for rule in rules.pattern_rules("split", "title_tags"):
        line = rule.regex.sub("", line, count=1)
    return line


def _blank_after(text: str, lines: list, k: int) -> bool:
    return text.count("\n", lines[k][1], lines[k + 1][0]) >= 2


def parted(text: str, lines: list, k: int) -> bool:
    """A blank line between lines k and k+1 parts them (a widget above a
    headline), unless the page puts a blank line after most of its lines."""
    if not _blank_after(text, lines, k):
        return False
    spaced = sum(_blank_after(text, lines, j) for j in range(len(lines) - 1))
    return 2 * spaced <= len(lines) - 1


def without_file_suffix(title: str) -> str:
    """A document-sharing page titles the plan by its file name (……分解表.docx);
    a heading may quote the name in book-title marks (《……清单》(2024年版))."""
    for rule in rules.pattern_rules("split", "title_file_suffixes"):
        title = rule.regex.sub("", title)
    for rule in rules.pattern_rules("split", "title_quote_marks"):
        m = rule.regex.match(title)
        title = m.group("name") + (m.group("tail") or "") if m else title
    return title


def title_like(line: str, cfg: dict, words: list) -> bool:
    return (0 < len(line) <= int(cfg["title_max_chars"]) and any(w in line for w in words)
            and not set(cfg["title_line_stop"]) & set(line) and not _opens_a_sentence(line, cfg))


def _opens_a_sentence(line: str, cfg: dict) -> bool:
    """为积极倡导……，根据……: a purpose or a ground and a clause after it."""
    return (line.startswith(tuple(rules.words("split", "sentence_openers")))
            and any(ch in line for ch in cfg["title_clause_marks"]))


def ends_with_title_word(line: str, words: list) -> bool:
    """方案 or 方案（2023—2025年）: a title word ends the line, a period after it aside."""
    cfg = rules.load("split")
    if line.endswith(tuple(cfg["period_close"])):
        cut = max(line.rfind(ch) for ch in cfg["period_open"])
        line = line[:cut] if cut > 0 else line
    return any(line.endswith(w) for w in words)


def opens_a_title(line: str, cfg: dict, head: str = "") -> bool:
    """Whether the line opens as a whole title does: with a place name, 关于
    or its year (but a year goes on a head that holds 关于: 某办公室关于分解 /
    2024年……清单的通知)."""
    if line.startswith(tuple(cfg["title_openers"])):
        return True
    if not any(w in head for w in cfg["title_openers"]) and not _places_only(head) and any(
            rule.regex.match(line) for rule in rules.pattern_rules("split", "title_opening_forms")):
        return True
    first = gazetteer.issuer_place(line[:12])
    return first is not None and line.startswith(first.name)


def _places_only(head: str) -> bool:
    """A head of place names alone (宁陕县, 安康市宁陕县): the title goes on below it."""
    while head:
        place = gazetteer.place_prefix(head)
        if not place:
            return False
        head = head[len(place):]
    return True


def _head_part(line: str, cfg: dict, words: list) -> bool:
    """A part of a broken title before its last line: short, no white space or
    stop character, not ending with a title word itself; not the date that
    signs the notice above it, an attachment's label (附件1) or a note on
    how the notice is published (（此件公开发布）)."""
    return (len(line) <= int(cfg["title_join_max_first"]) and not set(cfg["title_line_stop"]) & set(line)
            and not any(ch.isspace() for ch in line) and not ends_with_title_word(line, words)
            and not any(matches(key, line) for key in ("date_lines", "annex_labels", "title_head_notes")))



def reports(headline: str, title: str) -> bool:
    """Whether a news headline reports the title line below it, both in comparison
    form: a verb of issuing, then what the title says (宁陕县印发 + the title, or
    the title less the place it opens with)."""
    cfg = rules.load("split")
    for verb in rules.words("split", "headline_verbs"):
        at = headline.find(verb)
        rest = headline[at + len(verb):] if at >= 0 else ""
        if len(rest) >= int(cfg["reported_title_min"]) and title.endswith(rest) \
                and len(title) - len(rest) <= int(cfg["reported_place_max"]):
            return True
    return False


def _joins_on(line: str) -> bool:
    """A line opening with a conjunction (和责任分工方案) goes on the line above."""
    return line.startswith(tuple(rules.words("split", "title_conjunctions")))


def _joint_issuers(line: str) -> bool:
    """A line of two or more issuing bodies apart by spaces (中共某县委 某县人民政府):
    the head of a joint title, where one body alone would stand above it."""
    return any(rule.regex.fullmatch(line) for rule in rules.pattern_rules("split", "joint_issuers"))


def joined(text: str, lines: list, k: int, line: str, cfg: dict) -> Optional[str]:
    """A title broken over lines k, k+1 … (at most title_join_lines): the parts
    before the last are short heads, the last ends with a title word and is not
    a whole title by itself (an issuer line stands above the title, not in it)."""
    words = rules.words("split", "title_words")
    if k + 1 < len(lines) and _joint_issuers(line):
        nxt = text[lines[k + 1][0]:lines[k + 1][1]].strip()
        if nxt.startswith(tuple(cfg["title_openers"])) and title_like(nxt, cfg, words):
            return line + nxt       # 中共某县委 某县人民政府 / 关于……的实施方案: one title of two issuers
    parts = [line]
    for j in range(k + 1, min(len(lines), k + int(cfg["title_join_lines"]))):
        if parted(text, lines, j - 1) or outline.starts_with_label(text, *lines[j]):
            return None
        nxt = text[lines[j][0]:lines[j][1]].strip()
        # a head may end in a title word itself when the next part goes on it
        # with a conjunction (……任务分解 / 和责任分工方案)
        if not _head_part(parts[-1], cfg, words) and not (_joins_on(nxt) and _head_part(parts[-1], cfg, [])):
            return None
        last = ends_with_title_word(nxt, words)
        # a whole title below, or a part opening as a title does (a label such
        # as 附件2 above a title broken in two): the title starts further down
        if opens_a_title(nxt, cfg, "".join(parts)) and (title_like(nxt, cfg, words) or not last):
            return None
        # 某新城管理委员会 / 新城2024年……行动计划: the body stands above its title
        if len(parts) == 1 and last and title_like(nxt, cfg, words) and matches("issuer_body_lines", line):
            return None
        parts.append(nxt)
        if last:
            whole = "".join(parts)
            return whole if title_like(whole, cfg, words) else None
    return None


def run_in_heading(line: str) -> str:
    """A notice's heading that a page ran together with its body on one line
    (某省人民政府 关于……的通知 豫政〔2023〕5号 现将……), or ''."""
    found = [r.regex.match(line) for r in rules.pattern_rules("split", "run_in_headings")]
    return next((m.group("heading").strip() for m in found if m), "")


def opening_sentence(line: str, title: str, cut: int, cfg: dict) -> bool:
    """Whether a first line cut at ``cut`` is no heading: a sentence (为抓好……，制定
    本方案。 / 加强组织领导。各镇要…… / 清远市区建成区。), a lead-in (现将有关事项通知如下：)
    or a table's header."""
    if any(r.regex.match(line) for r in rules.pattern_rules("outline", "table_headers")):
        return True
    if run_in_heading(line) == title:
        return False
    if cut >= len(line):
        # a sentence the page broke off (为积极倡导……，根据……，我镇决定于) is no heading
        return _opens_a_sentence(title, cfg)
    stop, rest = line[cut], line[cut + 1:].strip()
    if stop in cfg["sentence_end_marks"]:
        # a line that ends a sentence (a page that opens mid-text: 清远市区建成区。)
        # is a heading only when it names a kind of plan
        return (bool(rest) or any(ch in title for ch in cfg["title_clause_marks"])
                or not any(word in title for word in cfg["title_words"]))
    return stop in cfg["lead_in_marks"] and not rest


def _page_field(line: str):
    """The match of a field of the page's metadata block (索引号：…, • 成文日期:,
    发布机构 佛堂镇): page chrome, never the title and no line of the title search."""
    for rule in rules.pattern_rules("split", "page_fields"):
        m = rule.regex.match(line)
        if m:
            return m
    return None


def names_a_title(title: str) -> bool:
    """Whether a part's title line reads as a title (not a site's name or two issuers)."""
    return title_like(title, rules.load("split"), rules.words("split", "title_words"))


def title_field(line: str):
    """The match of a title field (标题：……, 名称 | …… |) whose value names a document."""
    words = rules.words("split", "title_words")
    for rule in rules.pattern_rules("split", "title_fields"):
        m = rule.regex.match(line)
        if m and ends_with_title_word(m.group("title"), words):
            return m
    return None


def field_title(chrome: str) -> str:
    """The value of the title field of the page's metadata block the cleaning cut
    away (标　　题：……方案), when it names a document; "" when there is none."""
    for line in chrome.splitlines():
        m = title_field(line)
        if m:
            return field_value(m)[1]
    return ""


def field_value(m) -> tuple:
    """(offset in its line, title) of a title field's value, a place the field
    writes twice (某镇某镇森林防灭火应急预案) read once: the second, as written."""
    title, at = m.group("title"), m.start("title")
    for rule in rules.pattern_rules("split", "title_doubled_place"):
        doubled = rule.regex.match(title)
        if doubled:
            cut = len(doubled.group("place"))
            return at + cut, title[cut:]
    return at, title


def matches(key: str, line: str) -> bool:
    return any(rule.regex.match(line) for rule in rules.pattern_rules("split", key))


def unfielded_lines(text: str):
    """(start, end) of the non-empty lines, the page's metadata fields left out,
    and so is the value line under a field whose value is not on its own line
    (• 成文日期: / 2024-02-19), unless it reads as a title: the title may follow
    a field left empty (• 有效性:)."""
    cfg, words = rules.load("split"), rules.words("split", "title_words")
    value_next, annexes, s = False, False, 0
    while s <= len(text):        # lazily: callers read the first lines only
        e = text.find("\n", s)
        e = len(text) if e < 0 else e
        line, start, s = text[s:e], s, e + 1
        if not line.strip():
            continue
        # the notice's list of its attachments (附件：1．…… / 2．……) names no title
        annexes = matches("annex_lists", line) or (annexes and matches("annex_list_items", line))
        if annexes:
            continue
        field = _page_field(line)
        if field:
            value_next = not line[field.end():].strip()
            continue
        if not (value_next and not title_like(untagged(line.strip()), cfg, words)):
            yield start, e
        value_next = False


@functools.lru_cache(maxsize=1)
def _title_key_table() -> dict:
    cfg = rules.load("split")
    table = str.maketrans("", "", cfg["title_key_drop"])
    table.update(str.maketrans(cfg["title_key_dashes"]))
    return table


def title_key(text: str) -> str:
    """Comparison form of a title: NFKC, no white space, no quote or book-title marks."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(text.split()).translate(_title_key_table())
