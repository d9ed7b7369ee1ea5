"""Named people with a role: 协调人, 责任领导, 责任人, 主任, 组长 ….

Four candidate forms, all driven by rules/people.yaml:
1. a role label and its names, in any spacing (组　长：, 组  长:):
   创建工作协调人:林俊达,副协调人:林惠松、苏漫真, name then post
   (王清宪 省长) or post then name (县政府办公室主任王立新), and the following
   lines of a member list (汪春明 省政府副秘书长);
2. 主任由许佩君同志兼任 / 办公室主任由县发改局局长沈国华同志兼任;
3. 牛弩韬同志兼任办公室主任;
4. the cells of a table column headed by a person role (责任领导, 责任人,
   联系人 …), in any table layout (tables.py).
A candidate is kept only when it looks like a personal name (surname list,
with jieba's ``nr`` tag as a fallback for rare surnames).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Optional

from ..text import nlp
from .. import rules
from . import orgnames
from . import tables as tb
from ..records import Person, PlanContext

RULES = "people"
_CJK = "\u4e00-\u9fff"


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    name: str
    role: str
    unit: Optional[str]
    rule_id: str


def extract_people(ctx: PlanContext) -> list:
    plan, text = ctx.plan, ctx.text
    found = (_from_labels(text) + _from_appointments(text) + _from_post_takers(text)
             + _from_tables(text))
    locate = ctx.locator
    rows, seen = [], set()
    for f in sorted(found, key=lambda f: f.start):
        if (f.start, f.role) in seen:
            continue
        seen.add((f.start, f.role))
        rows.append(Person(doc_id=plan.doc_id, node_id=locate.node_id_at(f.start),
                           name=f.name, role=f.role, unit=f.unit, char_start=f.start,
                           char_end=f.end, text=text[f.start:f.end], rule_id=f.rule_id))
    return rows


# --- names -----------------------------------------------------------------

@functools.lru_cache(maxsize=1)
def _surnames() -> tuple:
    return (frozenset(rules.words(RULES, "surnames")),
            frozenset(rules.words(RULES, "compound_surnames")))


def is_person_name(name: str) -> bool:
    """Two to four Chinese characters, a known surname, not a common word."""
    if not re.fullmatch(f"[{_CJK}]{{2,4}}", name) or name in rules.words(RULES, "not_names"):
        return False
    if name[-1] in rules.words(RULES, "not_name_endings"):
        return False
    single, compound = _surnames()
    if name[:2] in compound:
        return len(name) >= 3
    if name[0] in single:
        return len(name) <= 3
    tags = [(w.word, w.flag) for w in nlp.posseg().cut(name)]
    return len(tags) == 1 and tags[0][1] == "nr"


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _name_in_window(window: str) -> Optional[tuple]:
    """(offset, name) of the name that ends a short window: 3, 2, then 4 chars."""
    lead_ins = set(rules.words(RULES, "name_lead_ins"))
    for size in (3, 2, 4):
        if len(window) < size:
            continue
        cand = window[-size:]
        if cand[0] in lead_ins and size > 2:
            continue
        if is_person_name(cand):
            return len(window) - size, cand
    return None


# --- post and unit after a name -----------------------------------------------

def split_post(title: str) -> Optional[str]:
    """The unit in a post as written: 省发展改革委主任 -> 省发展改革委, 省长 -> 省政府."""
    # 县委常委、常务副县长: the last of several posts says where the person works
    title = _compact(title).rstrip("、").split("、")[-1]
    if not title:
        return None
    for post in sorted(rules.words(RULES, "posts"), key=len, reverse=True):
        if title.endswith(post):
            unit = title[: -len(post)]
            if unit:
                return unit
            return rules.load(RULES).get("post_units", {}).get(post)
    return title


# --- role labels ---------------------------------------------------------------

@functools.lru_cache(maxsize=1)
def _label_regex() -> re.Pattern:
    roles = sorted(rules.words(RULES, "roles"), key=len, reverse=True)
    # 组　长 / 组  长: a label padded to the width of the longer ones
    spaced = "|".join("[ \u3000]{0,3}".join(map(re.escape, role)) for role in roles)
    grammar = "|".join(r.regex.pattern for r in rules.pattern_rules(RULES, "role_grammar"))
    return re.compile(f"(?P<role>{grammar}|{spaced})\\s*[:：]")


def _list_end(text: str, start: int) -> int:
    window = text[start:start + 300]
    end = len(window)
    for rule in rules.pattern_rules(RULES, "list_ends"):
        m = rule.regex.search(window)
        if m:
            end = min(end, m.start())
    return start + end


def _parse_item(text: str, start: int, end: int) -> Optional[tuple]:
    """(name_start, name_end, name, unit) for one list item, e.g. 林俊达,
    王清宪 省长, 罗　平 省科技厅厅长, 钱国强（副市长）, 市长 赵德明."""
    item = text[start:end]
    for parse in (_name_then_post, _post_then_name):
        got = parse(item)
        if got:
            s, e, name, post = got
            return start + s, start + e, name, split_post(post) if post else None
    return None


def _name_then_post(item: str) -> Optional[tuple]:
    tokens = [(m.start(), m.group()) for m in re.finditer(r"[^\s（(）)]+", item)]
    if not tokens:
        return None
    # Two-character names are often padded to three with a space (罗　平).
    n_tok = 2 if len(tokens) >= 2 and len(tokens[0][1]) == 1 == len(tokens[1][1]) else 1
    name_s, name_e = tokens[0][0], tokens[n_tok - 1][0] + len(tokens[n_tok - 1][1])
    name = _compact(item[name_s:name_e])
    if item[:name_s].strip() or not is_person_name(name):
        return None
    return name_s, name_e, name, "".join(t for _, t in tokens[n_tok:])


def _post_then_name(item: str) -> Optional[tuple]:
    """A post written before the name: 市长 赵德明 / 常务副市长孙海."""
    body = item.rstrip()
    hit = _name_in_window(body[-4:])
    if not hit:
        return None
    name_s = len(body) - 4 + hit[0] if len(body) >= 4 else hit[0]
    post = _compact(body[:name_s])
    # 县政府办公室主任王立新 (a post) / 县发改局　王立新 (a unit)
    if not post or not (_is_post(post) or orgnames.looks_like_unit(post)):
        return None
    return name_s, name_s + len(hit[1]), hit[1], post


def _parse_items(text: str, start: int, end: int) -> list:
    """The people of one label's list. An item that is only a post belongs to
    the person before it, whose unit is then that of the last post:
    张立明　县委副书记、县长 is of the 县政府."""
    got = []
    for s, e in _items(text, start, end):
        names = _names_only(text, s, e)
        if names:
            got += names
            continue
        item = _parse_item(text, s, e)
        if item:
            got.append(item)
        elif got and _is_post(text[s:e]):
            got[-1] = got[-1][:3] + (split_post(text[s:e]),)
    return got


def _names_only(text: str, start: int, end: int) -> list:
    """赵文斌　钱晓燕　孙丽: an item of two or more names and nothing else."""
    tokens, i = [], start
    for word in text[start:end].split():
        i = text.index(word, i)
        tokens.append((i, i + len(word)))
        i += len(word)
    if len(tokens) < 2 or not all(is_person_name(text[s:e]) for s, e in tokens):
        return []
    return [(s, e, text[s:e], None) for s, e in tokens]


def name_items(text: str) -> list:
    """The items of a cell or list as written: 褚建军、卫红 -> [褚建军, 卫红]."""
    return [text[s:e].strip() for s, e in _items(text, 0, len(text))]


def _is_post(item: str) -> bool:
    post = _compact(item)
    return bool(post) and any(post.endswith(p) for p in rules.words(RULES, "posts"))


def _items(text: str, start: int, end: int):
    """(start, end) of the items of a list, cut at 、，, outside brackets
    (王立新（县委副书记、县长） is one item)."""
    opens, closes, _ = orgnames.brackets()
    last, depth = start, 0
    for i in range(start, end + 1):
        ch = text[i] if i < end else ""
        if ch and ch in opens:
            depth += 1
        elif ch and ch in closes:
            depth = max(0, depth - 1)
        if i == end or (depth == 0 and ch in "、，,"):
            if i > last:
                yield last, i
            last = i + 1


def _from_labels(text: str) -> list:
    """Names after a role label, and the member-list lines that follow one."""
    found = []
    for m in _label_regex().finditer(text):
        role = _compact(m.group("role"))
        end = _list_end(text, m.end())
        got = _parse_items(text, m.end(), end)
        found += [Found(s, e, n, role, u, "people_label") for s, e, n, u in got]
        if got and (end >= len(text) or text[end] == "\n"):
            found += _continuation(text, end, role)
    return found


def _continuation(text: str, pos: int, role: str) -> list:
    """Lines such as 汪春明 省政府副秘书长 right under 成　员：潘朝晖 省政府秘书长."""
    found = []
    while pos < len(text):
        nl = text.find("\n", pos + 1)
        line_end = len(text) if nl < 0 else nl
        line = text[pos + 1:line_end]
        if line.strip():
            # 汪春明 省政府副秘书长 / 周明、吴迪: a name with a post, or names
            if re.search("[:：。，,；;]", line) or _label_regex().match(line.strip()) \
                    or not (re.search(r"\S\s+\S", line.strip()) or "、" in line):
                break
            items = _parse_items(text, pos + 1, line_end)
            if not items:
                break
            found += [Found(s, e, n, role, u, "people_member_line") for s, e, n, u in items]
        pos = line_end
    return found


# --- appointment phrases -------------------------------------------------------

def _from_appointments(text: str) -> list:
    found = []
    for rule in rules.pattern_rules(RULES, "appointments"):
        for m in rule.regex.finditer(text):
            hit = _name_in_window(m.group("window"))
            if not hit:
                continue
            start = m.start("window") + hit[0]
            unit = (m.groupdict().get("unit") or "").strip() or None
            if "post" in m.groupdict():
                # 由县发改局局长沈国华同志兼任: the words before the name are a post
                post = text[m.start("post"):start]
                unit = split_post(post) if post else None
            found.append(Found(start, start + len(hit[1]), hit[1], m.group("role"),
                               unit, rule.id))
    return found


def _from_post_takers(text: str) -> list:
    """以县长王立新为组长，副县长李春华、孙国庆为副组长: the names before 为/任."""
    found = []
    lead_ins = rules.pattern_rules(RULES, "post_taker_lead_ins")
    for rule in rules.pattern_rules(RULES, "post_takers"):
        for m in rule.regex.finditer(text):
            start = m.start()
            while start > 0 and m.start() - start < 40 and text[start - 1] not in _CLAUSE_ENDS:
                start -= 1
            for lead in lead_ins:
                lm = lead.regex.match(text, start, m.start())
                if lm:
                    start = lm.end()
            found += [Found(s, e, n, m.group("role"), u, rule.id)
                      for s, e, n, u in _parse_items(text, start, m.start())]
    return found


_CLAUSE_ENDS = "，,。；;：:\n（()）"


# --- table columns ---------------------------------------------------------------

def _from_tables(text: str) -> list:
    """Names in the cells of a column headed by a person role."""
    headers = set(rules.words(RULES, "table_headers"))
    found = []
    for table in tb.read_tables(text):
        columns = [i for i, name in enumerate(table.header) if name in headers]
        for row in table.rows:
            for idx in columns:
                cell = tb.cell_under(row, idx)
                if cell is not None:
                    found += _cell_people(text, cell, table.header[idx])
    return found


def _cell_people(text: str, cell, role: str) -> list:
    """Every person in a cell (褚建军、卫红 / 郑光明（副县长）); a cell holding
    anything that is not a person (a unit, prose) gives none of them."""
    got = []
    for s, e in _items(text, cell.start, cell.end):
        item = _parse_item(text, s, e)
        if not item:
            return []
        got.append(Found(item[0], item[1], item[2], role, item[3], "people_table_column"))
    return got
