"""Small tests on the lines around a plan's title, for the split stage:
a page's column tag, a file name's extension, a blank line that parts a
widget from the headline below it."""
from __future__ import annotations

from .. import rules


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
    """A document-sharing page titles the plan by its file name (……分解表.docx)."""
    for rule in rules.pattern_rules("split", "title_file_suffixes"):
        title = rule.regex.sub("", title)
    return title
