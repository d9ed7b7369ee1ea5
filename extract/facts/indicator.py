"""The indicator of a target: the measured quantity around its comparison.

Most indicators stand before the comparison in the same clause
(建成区绿化覆盖率不低于30%). Counts name the counted thing after the number
(至少有一个未成年人活动场所), a population share names it after 的
(80%的选民参与选举), and a time limit names the action after it (48小时内放行).
Word lists and trimming patterns are data in ``rules/indicators.yaml``;
jieba is used only on the few characters of one clause.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from typing import Optional

from ..text import nlp
from .. import rules

def _cfg(key: str):
    return rules.load("indicators")[key]


def _rule(key: str):
    """The one pattern of the rule list ``key`` (rules/indicators.yaml)."""
    return rules.pattern_rules("indicators", key)[0].regex


@functools.lru_cache(maxsize=None)
def _breaks() -> frozenset:
    return frozenset(_cfg("clause_breaks"))


@functools.lru_cache(maxsize=None)
def _pairs() -> tuple:
    return frozenset(_cfg("open_brackets")), frozenset(_cfg("close_brackets"))


@functools.lru_cache(maxsize=None)
def _marks() -> re.Pattern:
    """Any clause break or bracket: the only characters a clause scan stops at."""
    opens, closes = _pairs()
    return re.compile("[" + re.escape("".join(_breaks() | opens | closes)) + "]")


def clause_start(text: str, end: int, floor: int = 0) -> tuple:
    """Start of the clause ending at ``end``, and whether an open bracket ended it.

    Scans left; a bracketed group is skipped whole, a clause break or an
    unmatched opening bracket ends the clause. Only break and bracket
    characters are visited (found by one compiled class), right to left.
    """
    opens, closes = _pairs()
    depth = 0
    floor = max(floor, end - _cfg("max_clause_chars"))   # no runaway scans on unpunctuated text
    marks = [m.start() for m in _marks().finditer(text, max(floor, 0), max(end, 0))]
    for i in reversed(marks):
        ch = text[i]
        if ch in closes:
            depth += 1
        elif ch in opens:
            if depth == 0:
                return i + 1, True
            depth -= 1
        elif depth == 0:
            return i + 1, False
    return max(floor, 0), False


def clause_end(text: str, start: int) -> int:
    """End of the clause starting at ``start`` (brackets end it too)."""
    limit = min(len(text), start + _cfg("max_clause_chars"))
    m = _marks().search(text, start, limit)
    return m.start() if m else max(start, limit)


def _strip(s: str, key: str, anchored_start: bool) -> str:
    changed = True
    while changed and s:
        changed = False
        for rule in rules.pattern_rules("indicators", key):
            m = rule.regex.search(s)
            if m and m.group() and (m.start() == 0 if anchored_start else m.end() == len(s)):
                s = s[m.end():] if anchored_start else s[:m.start()]
                s = s.strip()
                changed = True
    return s


def strip_leading(s: str) -> str:
    """Only the leading labels, connectives and verbs of ``leading_strip``."""
    return _strip(s.strip(), "leading_strip", True)


def trim(s: str) -> str:
    """Cut labels, connectives, leading verbs and trailing adverbs."""
    s = s.strip(_cfg("trim_chars"))
    s = _strip(s, "leading_strip", True)
    if _cfg("modifier_mark") not in s:
        s = _strip(s, "leading_action", True)
        s = _strip(s, "leading_strip", True)
    s = _strip(s, "trailing_strip", False)
    return s.strip(_cfg("trim_chars"))


def split_per(s: str) -> tuple:
    """Take a denominator (每万户, 每名护路员) off either end of an indicator: (indicator, per)."""
    # at either end first (错车道每公里); inside only where what stands before it
    # is a scope of the count (城镇每千人口拥有…), never a clause of its own
    found = [m for rule in rules.pattern_rules("targets", "per") for m in rule.regex.finditer(s)]
    found.sort(key=lambda m: (m.start() != 0 and m.end() != len(s), m.start()))
    for m in found:
        if m.start() == 0 or m.end() == len(s) or _scope_before(s[:m.start()]):
            rest, mark = trim((s[:m.start()] + s[m.end():]).strip()), _cfg("modifier_mark")
            if m.start() == 0 and rest.startswith(mark):
                rest = trim(rest[len(mark):])        # 每万人口拥有的全科医生数
            return rest, m.group()
    head = _per_head(s)
    if head and len(head) < len(s):
        return trim(s[len(head):]), head
    return s, None


def _scope_before(head: str) -> bool:
    """城镇 of 城镇每千人口…: a few characters of one word, no break or number."""
    return 0 < len(head) <= _cfg("per_scope_max") and all(_rule("han_start").match(c) for c in head)


def _per_head(s: str) -> str:
    """每名护路员 of 每名护路员管护农村公路: 每 + measure word + the nouns before a verb."""
    m = next((m for r in rules.pattern_rules("indicators", "per_head") for m in [r.regex.match(s)] if m), None)
    if m is None:
        return ""
    stops = tuple(_cfg("per_head_stop_tags"))
    pos = m.end()
    for word, flag in nlp.posseg().cut(s[m.end():]):
        if flag.startswith(stops) or not _rule("han_start").match(word):
            break
        pos += len(word)
    return s[:pos] if pos > m.end() else ""


def _drop_scope(s: str) -> str:
    """全市森林覆盖率 -> 森林覆盖率, 南宁市城镇居民… -> 城镇居民…: where, not what."""
    from ..prepare import gazetteer
    changed = True
    while changed and s:
        changed = False
        for rule in rules.pattern_rules("indicators", "scope_prefix"):
            m = rule.regex.match(s)
            if m and len(s) - m.end() > 1:
                s, changed = trim(s[m.end():]), True
        place = gazetteer.place_prefix(s)
        if place and len(s) - len(place) > 1 and not s.startswith(tuple(_cfg("place_keep_after")), len(place)):
            s, changed = trim(s[len(place):]), True
    return s


def finish(ind: str, per: Optional[str]) -> tuple:
    """The indicator without its scope, and the denominator that stood behind the scope."""
    if not ind:
        return ind, per
    ind = _drop_scope(ind)
    if per is None:
        ind, per = split_per(ind)
    return ind, per


def before(text: str, end: int, floor: int = 0) -> tuple:
    """Indicator text in the clause before ``end``: (indicator, per, start)."""
    start, bracketed = clause_start(text, end, floor)
    raw = text[start:end]
    ind, per = split_per(trim(raw))
    if bracketed and ind:
        ind = _outer_topic(text, start - 1, floor) + ind
    return ind, per, start


def _outer_topic(text: str, bracket: int, floor: int) -> str:
    """A quoted topic opening the clause around a bracket: “X”家喻户晓(知晓率…) -> “X”."""
    start, _ = clause_start(text, bracket, floor)
    outer = trim(text[start:bracket])
    m = _rule("quoted_topic").match(outer)
    return m.group() if m else ""


def previous_clause(text: str, start: int, floor: int = 0) -> str:
    """The clause before the one starting at ``start`` (for 其中，X，实行6小时内…)."""
    if start - 1 <= floor:
        return ""
    s, _ = clause_start(text, start - 1, floor)
    return trim(text[s:start - 1])


def after_noun(text: str, pos: int) -> str:
    """The counted thing after a count: 19座污水处理厂、4个… -> 污水处理厂.

    It ends at the clause end, at a conjunction, or at a list comma that
    introduces the next number.
    """
    if text.startswith(_cfg("modifier_mark"), pos):          # 10家以上的龙头企业
        pos += 1
    end = clause_end(text, pos)
    s = text[pos:end]
    cut = _rule("counted_noun_ends").search(s)
    if cut:
        s = s[:cut.start()]
    s = _rule("counted_noun_tails").sub("", s)
    return s.strip()


def _first_verb_split(s: str) -> tuple:
    """Split a clause at its first verb: 选民参与选举 -> (选民, 参与选举)."""
    pseg = nlp.posseg()
    pos = 0
    for word, flag in pseg.cut(s):
        if flag.startswith("v") and pos > 0:
            return s[:pos], s[pos:]
        pos += len(word)
    return s, ""


def counted_actor(noun: str) -> str:
    """200家企业通过评估 -> 通过评估的企业: a counted actor followed by what it does.

    Only for a short head noun directly followed by a verb and no 的, so that
    noun phrases such as 网络改造应用良好的企业 stay as they are.
    """
    pseg = nlp.posseg()
    de = _cfg("modifier_mark")
    if de in noun:
        return noun
    words = list(pseg.cut(noun))
    # …and a short act after it (通过评估, 开展技术改造): a longer run is one compound
    # name (易地|扶贫|搬迁|试点|工程)
    # (a one-character verb or a one-character last word makes one compound
    # noun: 乡镇|分|平台, 村级|播报|点)
    if (3 <= len(words) <= 4 and words[0].flag.startswith("n") and len(words[0].word) <= 3
            and words[1].flag in ("v", "p") and len(words[1].word) > 1 and len(words[-1].word) > 1):
        return f"{noun[len(words[0].word):]}{de}{words[0].word}"
    return noun


def acting_noun(clause: str) -> str:
    """建设用地面积达到……要求 -> 达到……要求的建设用地面积: the thing measured, by what it is to do."""
    noun, verb = _first_verb_split(clause.strip())
    return f"{verb}{_cfg('modifier_mark')}{noun}" if noun and verb else noun


def population_share(text: str, pos: int) -> str:
    """80%的选民参与选举 -> 参与选举的选民比例 (``pos`` just after the 的)."""
    clause = text[pos:clause_end(text, pos)].strip()
    noun, verb = _first_verb_split(clause)
    if not noun:
        return ""
    share = _cfg("share_suffix")
    return f"{verb}{_cfg('modifier_mark')}{noun}{share}" if verb else f"{noun}{share}"


def action_after(text: str, pos: int) -> str:
    """The first word after a time limit: 48小时内放行便利措施 -> 放行."""
    pseg = nlp.posseg()
    clause = text[pos:clause_end(text, pos)].strip()
    if not clause or not _rule("han_start").match(clause):
        return ""
    skip = set(_cfg("time_skip_words"))
    words = [(w, f) for w, f in pseg.cut(clause) if w not in skip]
    verb = next((w for w, f in words if f.startswith("v")), None)
    return verb or (words[0][0] if words else "")


def time_limit(subject: str, action: str) -> str:
    return f"{subject}{action}{_cfg('time_suffix')}" if action else subject


def with_share(ind: str) -> str:
    """Append 比例 to a % indicator that names no rate: 文明社区(小区) -> 文明社区(小区)比例."""
    core = _rule("share_core_drop").sub("", ind)
    if ind and not any(core.endswith(w) for w in _cfg("share_endings")):
        return ind + _cfg("share_suffix")
    return ind


def normalise(ind: str) -> str:
    """indicator_norm: NFKC, no space or quotes, leading scope words dropped."""
    s = unicodedata.normalize("NFKC", ind)
    s = "".join(s.split())
    for ch in _cfg("norm_drop_chars"):
        s = s.replace(unicodedata.normalize("NFKC", ch), "")
    changed = True
    while changed:
        changed = False
        for w in _cfg("norm_leading_scope"):
            rest = s[len(w):]
            if s.startswith(w) and len(rest) > 1 and not rest.startswith(tuple(_cfg("norm_keep_after"))):
                s, changed = s[len(w):], True
    for rule in rules.pattern_rules("indicators", "norm_change_tail"):
        m = rule.regex.search(s)
        if m and m.start() > 1:      # what changes, without its base and change word
            s = s[:m.start()]
    return s
