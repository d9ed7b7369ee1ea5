"""Phases: the stages of a plan (第一阶段, 第二步, （一）动员部署阶段) with their bounds.

A stage is an outline node whose numbering style names a stage (rules/dates.yaml
``phase_styles``) or whose title does (``phase_title``). Its bounds are those of
the first point, range or deadline in its heading line or in the ``时间:`` line
right below it (``phase_time_line``).
"""
from __future__ import annotations

import functools
import re
from typing import Optional, Sequence

from .. import rules
from ..records import Node, Phase, Plan

RULES = "dates"


def extract_phases(plan: Plan, nodes: Sequence[Node], dates: Sequence) -> list:
    """One row per stage heading (第一阶段, 第二步, （一）动员部署阶段) with its bounds.

    The bounds are those of the first point, range or deadline in the heading
    line or in the ``时间:`` line right below it.
    """
    phases = []
    for node in sorted(_stage_nodes(nodes), key=lambda n: n.char_start):
        head_end = _line_end(plan.text, node.char_start)
        window_end = _time_line_end(plan.text, head_end)
        when = next((d for d in dates if d.kind in ("point", "range", "deadline")
                     and node.char_start <= d.char_start < window_end), None)
        text = plan.text[node.char_start:head_end].rstrip()
        phases.append(Phase(plan.doc_id, node.node_id, node.number, _phase_name(node),
                            when.start if when else None, when.end if when else None,
                            node.char_start, node.char_start + len(text), text))
    return phases


def _stage_nodes(nodes: Sequence[Node]) -> list:
    styles = set(rules.words(RULES, "phase_styles"))
    titles = rules.pattern_rules(RULES, "phase_title")
    return [n for n in nodes if n.style in styles or _titled_stage(_strip_when(n.title), titles)]


def _titled_stage(name: str, titles) -> bool:
    # the name is stripped once per heading, not once per title rule
    return any(r.regex.search(name) for r in titles)


def _strip_when(title: str) -> str:
    # 动员部署阶段(2021年3月—4月) and 总结验收阶段 时间:… name the stage before
    # the bracket or the space.
    title = title.strip(rules.load(RULES)["phase_name_trim"])
    if not title or title[0].isspace():
        return ""
    head = title.split(None, 1)[0]      # up to the first white space, as str.isspace has it
    stop = _name_stops()
    found = stop.search(head) if stop is not None else None
    return head[:found.start()] if found else head


@functools.lru_cache(maxsize=1)
def _name_stops() -> Optional[re.Pattern]:
    """One class of the characters that end a stage's name (None: there are none)."""
    stops = rules.load(RULES)["phase_name_stops"]
    return re.compile("[" + "".join(re.escape(ch) for ch in stops) + "]") if stops else None


def _phase_name(node: Node) -> str:
    return _strip_when(node.title) or node.label


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _time_line_end(text: str, head_end: int) -> int:
    """End of the ``时间:`` line right below a heading, else the heading's end."""
    start = head_end + 1
    while start < len(text) and text[start] == "\n":
        start += 1
    if start >= len(text):
        return head_end
    for rule in rules.pattern_rules(RULES, "phase_time_line"):
        if rule.regex.match(text, start):
            return _line_end(text, start)
    return head_end
