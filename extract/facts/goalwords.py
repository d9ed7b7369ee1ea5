"""Word lists of rules/targets.yaml and the clause tests built on them, shared
by the goal rules (goals.py) and the comparison path (targets.py): whether a
sentence states a goal or a status, whether a threshold says who qualifies
for a subsidy, whether a size belongs to a thing set up, and whether an
action verb ends right before a number (建成|19座).
"""
from __future__ import annotations

import functools
import re
from typing import Optional

from . import indicator
from . import measures
from .. import rules
from ..text import nlp


@functools.lru_cache(maxsize=None)
def _words(key: str) -> tuple:
    """A word list of rules/targets.yaml, read once (they are looked up per number)."""
    return rules.words("targets", key)


@functools.lru_cache(maxsize=None)
def _tail_regex(key: str) -> re.Pattern:
    """One alternation of a word list, matching at the end of a string."""
    words = sorted(_words(key), key=len, reverse=True)
    return re.compile("(?:" + "|".join(re.escape(w) for w in words) + r")\Z")


@functools.lru_cache(maxsize=None)
def _any_regex(key: str) -> re.Pattern:
    words = sorted(_words(key), key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in words))


def ends_with_any(text: str, end: int, words) -> Optional[str]:
    return next((w for w in sorted(words, key=len, reverse=True) if text.endswith(w, 0, end)), None)


def skip_back(text: str, pos: int) -> int:
    """Move left over spaces within the line: 不低于 30% reads as 不低于30%."""
    blank = measures.spaces()
    while pos > 0 and text[pos - 1] in blank:
        pos -= 1
    return pos


def _sentence_head(text: str, pos: int) -> str:
    """The sentence before ``pos`` (bounded, so the scan stays linear)."""
    stops = _words("sentence_breaks")
    start = max(0, pos - indicator._cfg("max_clause_chars"))
    cut = max(text.rfind(s, start, pos) for s in stops)
    return text[max(start, cut + 1):pos]


def goal_sentence(text: str, pos: int) -> bool:
    """A goal marker (计划, 力争, 到2025年 …) in the sentence before ``pos``."""
    head = _sentence_head(text, pos)
    return any(rule.regex.search(head) for rule in rules.pattern_rules("targets", "goal_markers"))


def status(text: str, pos: int) -> bool:
    """The sentence before ``pos`` states what already is (截至…已建成, 目前现有),
    and no goal marker follows the status word (目前…，2017年计划脱贫453户)."""
    head = _sentence_head(text, pos)
    last = None
    for found in _any_regex("status_words").finditer(head):
        if _word_starts_at(head, found.start()):
            last = found
    if last is None:
        return False
    return not any(rule.regex.search(head, last.end())
                   for rule in rules.pattern_rules("targets", "goal_markers"))


# characters either side of a status word that the segmenter sees
_WORD_WINDOW = 6


def _word_starts_at(text: str, pos: int) -> bool:
    """A status word must open a word: 目前 inside 项目前期 or 现有 inside
    实现有效 states nothing. Only the few characters around it are segmented."""
    if pos == 0 or not text[pos - 1].isalpha():
        return True
    lo = max(0, pos - _WORD_WINDOW)
    at = lo
    for word in nlp.jieba().cut(text[lo:pos + _WORD_WINDOW], HMM=False):
        if at >= pos:
            break
        at += len(word)
    return at == pos


# how far after a threshold its condition clause may run (the patterns are shorter)
_CONDITION_CHARS = 140


def policy_condition(text: str, end: int) -> bool:
    """The threshold ending at ``end`` says who qualifies for a subsidy or an
    award (…以上的，给予企业奖励), or shares the 的 of one that defines a class."""
    stop = min(len(text), end + _CONDITION_CHARS)    # bounded: the regex package may scan ahead otherwise
    return any(rule.regex.match(text, end, stop) for rule in rules.pattern_rules("targets", "policy_conditions"))


def award_follows(text: str, start: int, end: int) -> bool:
    """The threshold at ``text[start:end]`` is followed in its sentence by what
    is granted for reaching it (营业额达到30万元以上，一次性给予10万元奖励): who
    qualifies. A threshold on what the plan itself does (新建校舍10所以上，…)
    stays a goal: only an applicant's own investing (投资, 投入) may precede it."""
    stop = min(len(text), end + _CONDITION_CHARS)
    if not any(rule.regex.match(text, end, stop) for rule in rules.pattern_rules("targets", "award_after_threshold")):
        return False
    s, _ = indicator.clause_start(text, start)
    head = text[s:start]
    for word in _words("condition_verbs"):
        head = head.replace(word, "")
    return not (_any_regex("build_verbs").search(head) or _any_regex("action_verbs").search(head))


def class_before_count(text: str, end: int) -> bool:
    """A bound ending at ``end`` right before the things it marks and their own
    count (100头以上规模养殖场12个, 10—30头家庭牧场80户): it names a class, the
    count after it is the goal."""
    m = _regex_of("class_then_count").match(text, end, min(len(text), end + 24))
    if m is None:
        return False
    unit, _ = measures.unit_at(text, m.end())
    return unit is not None and unit.kind == "count"


def in_definition(text: str, pos: int) -> bool:
    """The sentence holding ``pos`` opens by defining thresholds or conditions
    (对应门槛如下：…200万元以上，…): its numbers say who qualifies."""
    reach = rules.load("targets")["definition_reach"]
    start = max(0, pos - reach)
    cut = max(text.rfind(s, start, pos) for s in _words("sentence_breaks"))
    head = text[max(start, cut + 1):pos]
    return any(rule.regex.search(head) for rule in rules.pattern_rules("targets", "definition_lead_ins"))


def granted(text: str, start: int) -> bool:
    """A grant verb opens the clause of the number at ``start`` (给予…不低于10%的资金支持)."""
    s, _ = indicator.clause_start(text, start)
    return bool(_any_regex("grant_verbs").search(text, s, start))


def size_of_built(text: str, start: int) -> bool:
    """设立总规模不低于1亿元的引导资金: a size noun right before the threshold, in a
    clause that sets something up, so the 的 after it names what is built."""
    pos = skip_back(text, start)
    if not ends_with_any(text, pos, _words("size_nouns")):
        return False
    s, _ = indicator.clause_start(text, pos)
    return bool(_any_regex("build_verbs").search(text, s, pos))


def opens_quota(head: str) -> bool:
    """按每30户配备: a denominator and a verb of staffing open a quota, not a standard."""
    return any(rule.regex.search(head) for rule in rules.pattern_rules("targets", "quota_heads"))



def raises_to(head: str) -> bool:
    """增加床位至: the clause before a number raises a thing to it."""
    return any(rule.regex.search(head) for rule in rules.pattern_rules("targets", "raise_to"))


def states_goal(text: str, q) -> bool:
    """实现全产业链产值 (of …产值1330亿元。): a goal verb opening the clause, then
    the indicator the amount closing it measures (the verb is not in the head)."""
    start, _ = indicator.clause_start(text, q.start)
    head = text[start:q.start].strip()
    state = next((w for w in _words("goal_states") if head.startswith(w)), None)
    return state is not None and len(head) > len(state) and _han_words().fullmatch(head) is not None


@functools.lru_cache(maxsize=1)
def _han_words() -> re.Pattern:
    return re.compile(rules.load("targets")["han_run"])


@functools.lru_cache(maxsize=1)
def _quoted_in_head() -> re.Pattern:
    return re.compile(rules.load("targets")["quoted_in_head"])


def quote_before(text: str, pos: int) -> int:
    """Where a quoted name ending at ``pos`` opens (完成“……行动计划”|5个), else ``pos``."""
    m = _quoted_tail().search(text, max(0, pos - 24), pos)
    return m.start() if m else pos


@functools.lru_cache(maxsize=None)
def _quoted_tail() -> re.Pattern:
    return re.compile("(?:" + rules.load("targets")["quoted_in_head"] + r")\Z")


def without_quotes(head: str) -> str:
    """The words before a count without the quoted names in them (育成“丰优258”小麦品种)."""
    return _quoted_in_head().sub("", head)


# --- action verbs before a number -------------------------------------------

# how many characters before a number the word tagger looks at
_TAG_WINDOW = 10


@functools.lru_cache(maxsize=None)
def _verbs() -> tuple:
    """Action verbs: the building verbs and the broader list, longest first."""
    both = set(_words("build_verbs")) | set(_words("action_verbs"))
    return tuple(sorted(both, key=len, reverse=True))


@functools.lru_cache(maxsize=None)
def _verb_tail() -> re.Pattern:
    return re.compile("(?:" + "|".join(re.escape(w) for w in _verbs()) + r")\Z")


@functools.lru_cache(maxsize=None)
def _verb_head() -> re.Pattern:
    return re.compile("|".join(re.escape(w) for w in _verbs()))


@functools.lru_cache(maxsize=4096)
def _tagged_verb(window: str) -> bool:
    """Whether the last word of ``window`` is an action verb (jieba's tag, stative verbs out)."""
    words = list(nlp.posseg().cut(window))
    if not words:
        return False
    last = words[-1]
    return last.flag.startswith("v") and last.word not in _words("stative_verbs")


@functools.lru_cache(maxsize=None)
def _han_run() -> re.Pattern:
    return re.compile(rules.load("targets")["han_run"])


@functools.lru_cache(maxsize=None)
def _han_tail() -> re.Pattern:
    return re.compile("(?:" + rules.load("targets")["han_run"] + r")\Z")


def _verb_before(text: str, pos: int) -> bool:
    """An action verb ends right at ``pos`` (建成|19座, 培训|200人次).

    Only the run of Chinese characters ending at ``pos`` can hold it, so the
    tagger sees a few characters at most, and none after a digit or a comma.
    """
    run = _han_tail().search(text, max(0, pos - _TAG_WINDOW), pos)
    if run is not None and ends_with_any(run.group(), len(run.group()), _words("goal_having")):
        return True        # 力争有|5个: the having is the goal
    if run is None or _tail_regex("stative_verbs").search(run.group()):
        return False
    if _verb_tail().search(run.group()):
        return True
    # 培养产生|100名, 评选出|10户: a listed verb with its result complement
    complement = ends_with_any(run.group(), len(run.group()), _words("verb_complements"))
    if complement and _verb_tail().search(run.group()[:-len(complement)]):
        return True
    if not _tail_regex("not_verb_tails").search(run.group()) and _tagged_verb(run.group()):
        return True
    # 实施以工代赈|100个: a set phrase saying how (jieba's l or i) between the verb and its count
    words = list(nlp.posseg().cut(run.group()))
    if len(words) >= 2 and words[-1].flag in _words("verb_manner_tags"):
        rest = run.group()[:-len(words[-1].word)]
        return bool(_verb_tail().search(rest)) or _tagged_verb(rest)
    return False


def places_before(text: str, pos: int) -> int:
    """Where the places a count is planned in begin, when a list of them ends
    at ``pos`` (完成旬阳市、白河县|两处……, 改造提升汉滨区、鄠邑区等川道区县|12处……):
    the verb stands before them. ``pos`` itself when no place ends there."""
    from . import placenames
    cfg = rules.load("targets")
    run = _regex_of("place_list_run").search(text, max(0, pos - 60), pos)
    if run is None:
        return pos
    items = run.group().split(cfg["place_list_mark"])
    last = items[-1]
    tail = last.rfind(cfg["place_list_tail"])      # 等川道区县: the group the places make
    if len(items) > 1 and 0 < tail and len(last) - tail - 1 <= cfg["place_group_max"]:
        items[-1] = last[:tail]
    if not all(placenames.is_place_name(i) for i in items[1:]):
        return pos
    first = items[0]
    for size in range(min(len(first), 8), 1, -1):       # the place closing the first item
        if placenames.is_place_name(first[-size:]):
            return run.start() + len(first) - size
    return pos


def items_before(text: str, pos: int) -> int:
    """Where the verb of a list ends when a count at ``pos`` opens a later item
    of it (完成县指挥中心、|18个乡镇分中心和……建设): the verb opens the clause,
    its first item comes before the count uncounted. ``pos`` itself otherwise."""
    cfg = rules.load("targets")
    if pos == 0 or text[pos - 1] != cfg["place_list_mark"]:
        return pos
    start, _ = indicator.clause_start(text, pos - 1)
    verb = _verb_head().match(text, start)
    if verb is None or text.find(cfg["place_list_mark"], verb.end(), pos) - verb.end() > cfg["list_item_max"]:
        return pos
    return verb.end()


@functools.lru_cache(maxsize=None)
def _regex_of(key: str) -> re.Pattern:
    return re.compile(rules.load("targets")[key])


def colon_label(text: str, pos: int) -> Optional[str]:
    """户厕改造 of 户厕改造：1200户: the label a colon right before ``pos`` closes,
    from the start of its clause, numbering and connectives left out."""
    line = text.rfind("\n", 0, pos) + 1
    for rule in rules.pattern_rules("targets", "labelled_counts"):
        m = rule.regex.search(text, max(line, pos - 8), pos)
        if m:
            start, _ = indicator.clause_start(text, m.start(), line)
            return indicator.strip_leading(text[start:m.start()]) or None
    return None


def under_goal_heading(text: str, pos: int) -> bool:
    """The nearest heading above ``pos`` names goals or tasks (工作目标, 主要任务);
    labelled lines (…：…) and prose between them are passed over, another short
    heading (基本情况) ends the search."""
    cfg = rules.load("targets")
    colons = tuple(cfg["label_colons"])
    end = text.rfind("\n", 0, pos)
    for _ in range(cfg["label_heading_lines"]):
        if end <= 0:
            return False
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end].strip()
        named = _any_regex("goal_nouns").search(line) is not None
        if named and (len(line) <= cfg["label_heading_max"] or line.endswith(colons)):
            return True
        if line and len(line) <= cfg["label_heading_max"] and not any(c in line for c in colons):
            return False
        end = start - 1
    return False
