"""Numerals and units: find every number with its unit and read its value.

Arabic digits (ASCII or full-width, decimals, ASCII thousands separators) and
Chinese numerals are both read here; the patterns and the unit aliases are data
in ``rules/targets.yaml`` and ``rules/units_of_measure.yaml``; the unit after
a number is read in measures.py.
"""
from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import Optional

from .. import rules
from ..text import scan
from ..text.numerals import bare_places, mixed_value, plain_value
from ..text.spans import outside
from . import unitshapes
from .measures import Unit, unit_at
from .unitshapes import unit_joiners


@functools.lru_cache(maxsize=None)
def _words(key: str) -> tuple:
    """A word list of rules/targets.yaml, read once (they are looked up per number)."""
    return rules.words("targets", key)


@functools.lru_cache(maxsize=None)
def _setting(key: str):
    return rules.load("targets")[key]


@functools.lru_cache(maxsize=1)
def _number_scales() -> dict:
    """Multipliers parse_number reads into an Arabic number's value (2万 -> 20000);
    units keep theirs (rules/units_of_measure.yaml:scales)."""
    data = rules.load("units_of_measure")
    factors = {s["word"]: float(s["factor"]) for s in data["scales"]}
    return {word: factors[word] for word in data["number_scales"]}


@functools.lru_cache(maxsize=None)
def _form(rule_id: str):
    """One of the number forms parse_number checks (rules/targets.yaml:number_forms)."""
    return next(r.regex for r in rules.pattern_rules("targets", "number_forms") if r.id == rule_id)


@dataclass(frozen=True)
class Quantity:
    """A number (or range) with its unit as found in the text."""

    start: int            # first character of the number (or of 百分之)
    end: int              # end of the unit, or of the number when there is none
    value: float          # the number as written: 6287 in 6287万亩
    value_max: Optional[float]
    unit: Optional[str]
    kind: Optional[str]
    numeral: str          # "arabic" or "chinese": the rule that found the number
    base_unit: Optional[str] = None   # the unit without its multiplier: 亩
    factor: float = 1.0

    @property
    def value_base(self) -> float:
        """The value in the base unit: 6287万亩 -> 62,870,000 (亩)."""
        return round(self.value * self.factor, 6)   # no float noise: 2.4万 is 24000


@functools.lru_cache(maxsize=None)
def number_regex() -> re.Pattern:
    numerals = rules.pattern_rules("targets", "numerals")
    parts = [f"(?P<{r.id.replace('-', '_')}>{r.pattern})" for r in numerals]
    return re.compile(rules.gated_alternation(parts, [r.data.get("starts") for r in numerals]))


def parse_number(raw: str) -> Optional[float]:
    """Value of one numeral: '1.5' -> 1.5, '１２,500' -> 12500, '十五' -> 15, '2万' -> 20000."""
    s = unicodedata.normalize("NFKC", raw).replace(",", "").replace(_setting("percent_words"), "")
    scale, scales = 1.0, _number_scales()
    if s and s[-1] in scales and _form("has_digit").search(s):
        scale, s = scales[s[-1]], s[:-1]
    try:
        if _form("arabic_decimal").fullmatch(s):
            return float(s) * scale
        if _form("digit_string").search(s.split(_setting("decimal_word"))[0]):
            return None       # a digit string such as 一三二 is a name, not a number
        plain = plain_value(s)        # the usual forms, without importing cn2an
        if plain is not None:
            return float(plain) * scale
        if not set(s) - bare_places():
            return None       # 百 or 千万 alone counts nothing: no need to import cn2an to hear it
        return float(_cn2an()(s, "normal")) * scale
    except (ValueError, KeyError, TypeError, IndexError, AttributeError):
        return None


@functools.lru_cache(maxsize=1)
def _cn2an():
    """cn2an, imported on the first numeral not in plain form (its import is a quarter of a second)."""
    from cn2an import cn2an
    return cn2an


def _scale_split(raw: str) -> tuple:
    """A trailing multiplier of a Chinese numeral stays with the unit: 十五万 ->
    ('十五', '万', 1). A mixed one (三亿五千万) is read whole and counted in its
    largest multiplier, as a plan writes 3.5亿: ('三亿五千万', '亿', 1e8)."""
    trailing = rules.load("units_of_measure")["chinese_trailing_scales"]
    if len(raw) > 1 and raw[-1] in trailing:
        scales = _number_scales()
        mixed = [w for w in trailing if w in raw[:-1] and scales[w] > scales[raw[-1]]]
        if mixed:
            top = max(mixed, key=scales.get)
            return raw, top, scales[top]
        if parse_number(raw[:-1]) is not None:
            return raw[:-1], raw[-1], 1.0
    return raw, "", 1.0


@functools.lru_cache(maxsize=None)
def _blocked_regex() -> re.Pattern:
    return rules.word_regex(_words("not_a_quantity_after"))


def _bounded_count(text: str, blocked: re.Match, start: int, numeral: str) -> bool:
    """4期以上 / 培训3期 / 开展6期。: a name word that also counts occasions is a
    count with a bound after it, a verb of holding sessions right before the
    number, or as an Arabic count closing its clause."""
    if blocked.group() in _words("counted_when_bounded") and (
            text.startswith(_words("count_bounds"), blocked.end()) or text.endswith(_words("session_verbs"), 0, start)):
        return True
    return (numeral == "arabic" and blocked.group() in _words("counted_when_closing")
            and (blocked.end() >= len(text) or text[blocked.end()] in _clause_breaks()))


@functools.lru_cache(maxsize=1)
def _clause_breaks() -> frozenset:
    """What ends a clause (rules/indicators.yaml); a list mark does not (产业园3期、4期建设)."""
    return frozenset(rules.load("indicators")["clause_breaks"])


def _years_measured(text: str, blocked: re.Match, start: int) -> bool:
    """受教育年限达到10.5年: years counted where the clause measures a span of years
    (a 年限 just before, a comparison word between), not a year or a period."""
    if blocked.group() not in _words("years_units"):
        return False
    head = text[max(0, start - int(_setting("years_measured_reach"))):start]
    return any(noun in head for noun in _words("years_measured_nouns"))


def _counted_documents(text: str, blocked: re.Match) -> bool:
    """个专项 names a kind of work (三个专项行动) unless the documents of it follow
    (13个专项规划, 5个专项方案), 个重点 a priority unless a counted thing follows
    (15个重点项目): those are counted."""
    return any(blocked.group() in _words(before) and text.startswith(tuple(_words(nouns)), blocked.end())
               for before, nouns in (("counted_before_documents", "document_nouns"),
                                     ("counted_before_things", "thing_nouns")))


def read_quantity(text: str, m: re.Match) -> Optional[Quantity]:
    """Read the number matched by ``m``, an optional range end, and the unit after it.

    The value is the number as written; a multiplier stays in the unit
    (6287万亩 is 6287 万亩) and is kept as ``factor`` for value_base.
    """
    numeral = "chinese" if m.lastgroup == "number_chinese" else "arabic"
    raw, scale, divisor = m.group(), "", 1.0
    percent = _setting("percent_words")
    if numeral == "chinese" and raw[0] in _setting("scale_first") and not raw.startswith(percent):
        raw = _setting("bare_scale_count") + raw     # 近千家 is 一千家, 近万人 is 一万人
    elif raw.startswith(percent) and raw[len(percent):len(percent) + 1] in tuple(_setting("scale_first")):
        raw = percent + _setting("bare_scale_count") + raw[len(percent):]    # 百分之百 is 百分之一百
    if numeral == "chinese":
        raw, scale, divisor = _scale_split(raw)
    mixed = mixed_value(unicodedata.normalize("NFKC", raw)) if m.lastgroup == "number_mixed" else None
    if mixed:       # 3亿5千万元 is 3.5 亿元, as a plan writes 3.5亿元
        scale = mixed[1]
        divisor = _number_scales()[scale]
    value = float(mixed[0]) if mixed else parse_number(raw)
    if value is None:
        return None
    value = round(value / divisor, 8)
    end = m.end()
    if scale:
        value_max, (unit, uend) = None, unit_at(text, end, scale)
    else:
        value_max, end, unit, uend = _range_end(text, end)
    blocked = _blocked_regex().match(text, end)
    if blocked and _bounded_count(text, blocked, m.start(), numeral):
        unit, uend, blocked = Unit(blocked.group(), "count", blocked.group()), blocked.end(), None
    elif blocked and _years_measured(text, blocked, m.start()):
        unit, uend, blocked = Unit(blocked.group(), "duration", blocked.group()), blocked.end(), None
    elif blocked and _counted_documents(text, blocked):
        blocked = None        # 编制13个专项规划: the documents drawn up are counted
    if blocked and (unit is None or blocked.end() > uend):
        return None           # 一部分, 三部门, 第3批 …: a word, not a measure
    if raw.startswith(_setting("percent_words")):
        unit, uend = Unit("%", "percent", "%"), end
    if value_max is not None and unit is None:
        return None
    if unit is None:
        return Quantity(m.start(), end, value, value_max, None, None, numeral)
    if numeral == "chinese" and _listed_name(text, m.start(), uend):
        return None           # 东岭、五台3个街道: a name that opens with a numeral, before the list's own count
    return Quantity(m.start(), uend, value, value_max, unit.unit, unit.kind, numeral,
                    unit.base or None, unit.factor)


def _listed_name(text: str, start: int, end: int) -> bool:
    """A numeral and measure word between a list mark and the list's own count
    (西岭、五台3个街道): the last name of a list, not a quantity."""
    return (start > 0 and text[start - 1] in _setting("list_name_marks")
            and end < len(text) and text[end].isdigit())


def _range_end(text: str, pos: int) -> tuple:
    """A range's upper number after the first: 80%-90%, 3至5个 -> (value_max, end,
    unit, unit end); with no range, the unit is the one read after the first
    number, so it is not read twice."""
    unit, after_unit = unit_at(text, pos)
    if unit is None and text.startswith(_words("approximate_marks"), pos):
        # 500余个, 1000多座: a round figure; the unit follows the mark
        unit, after_unit = unit_at(text, pos + 1)
        return None, pos, unit, (after_unit if unit is not None else pos)
    joiners = _words("range_joiners")
    if not (text.startswith(joiners, after_unit) or text.startswith(joiners, pos)):
        return None, pos, unit, after_unit      # most numbers: no joiner after them
    for joiner in joiners:
        j = after_unit if text.startswith(joiner, after_unit) else pos
        if not text.startswith(joiner, j):
            continue
        m = number_regex().match(text, j + len(joiner))
        if m is None:
            continue
        upper = parse_number(m.group())
        if upper is None:
            continue
        if unit is not None and j == after_unit:
            # 80%-90%: the unit is repeated after the second number
            unit2, _ = unit_at(text, m.end())
            if unit2 != unit:
                continue
        return (upper, m.end(), *unit_at(text, m.end()))
    return None, pos, unit, after_unit


# --- finding quantities in a text ---------------------------------------------

@functools.lru_cache(maxsize=None)
def _exclusions() -> tuple:
    """The exclusion rules' scanners: each tried only where one of its matches can begin."""
    return tuple(scan.for_rule(r) for r in rules.pattern_rules("targets", "exclusions"))


def merge_spans(spans) -> list:
    """Sorted, disjoint intervals covering ``spans``."""
    out = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def excluded_spans(text: str) -> list:
    return merge_spans((m.start(), m.end()) for r in _exclusions() for m in r.finditer(text))


def overlaps(spans: list, s: int, e: int) -> bool:
    """Whether [s, e) overlaps one of the disjoint sorted ``spans``."""
    i = bisect.bisect_left(spans, (e, -1)) - 1
    return i >= 0 and spans[i][1] > s


def _plausible_number(text: str, m: re.Match) -> bool:
    """Reject numerals that are part of codes, dates, ranks or words."""
    raw = m.group()
    if (m.lastgroup == "number_chinese" and raw[0] in _setting("scale_first")
            and not raw.startswith(_setting("percent_words")) and not _round_scale(text, m)):
        return False
    before = text[m.start() - 1] if m.start() else ""
    if before and (before.isascii() and (before.isalnum() or before in "./-")):
        return before in unit_joiners() and _after_denominator(text, m.start())   # 每30户/1名
    return _not_after_tail(text, m)


def _round_scale(text: str, m: re.Match) -> bool:
    """近千家, 百余个: a bare multiplier read as a round figure, after an
    approximate lead or before an approximate mark (千家万户, 百姓 have neither)."""
    return (_after_approximate(text, m.start())
            or text.startswith(tuple(_words("approximate_marks")), m.end()))


def _after_denominator(text: str, start: int) -> bool:
    """每30户/1名: the count of a quota written with a slash."""
    return unitshapes.slash_per(text, start) is not None


def _not_after_tail(text: str, m: re.Match) -> bool:
    tail, longest = _tail("not_a_quantity_before")
    if tail.search(text, max(0, m.start() - longest), m.start()):
        return False
    return True


@functools.lru_cache(maxsize=None)
def _tail(key: str) -> tuple:
    """(one alternation of a word list anchored at the end of the searched window, longest word)."""
    words = _words(key)
    return rules.word_regex(words, at_end=True), max(map(len, words))


def quantities(text: str, blockers=()) -> list:
    """Every plausible number with its unit, outside excluded spans and ``blockers``.

    ``blockers`` are (start, end) pairs of facts found first (the plan's
    dates): a number inside a date is never a quantity, decided here once.
    """
    spans = excluded_spans(text)
    out = []
    for m in number_regex().finditer(text):
        if out and m.start() < out[-1].end:
            continue          # the upper number of a range (3—5条) was read with the first
        if overlaps(spans, m.start(), m.end()) or not _plausible_number(text, m):   # the cheap test first
            continue
        q = read_quantity(text, m)
        if q is not None and not (q.kind == "duration" and _after_approximate(text, m.start())) \
                and not _a_rank(text, q, m.start()):
            out.append(q)
    return outside(out, blockers)


def _a_rank(text: str, q, start: int) -> bool:
    """排名27名, 位次15位: a place in a ranking, counted in places, is no amount."""
    tail, longest = _tail("rank_words")
    return q.unit in _words("rank_units") and tail.search(text, max(0, start - longest), start) is not None


def _after_approximate(text: str, start: int) -> bool:
    """近30天, 约3个月: a span of time looked back on, not a limit to meet."""
    tail, longest = _tail("approximate_leads")
    return tail.search(text, max(0, start - longest), start) is not None
