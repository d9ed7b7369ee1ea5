"""What follows a subject list (subjectunits.py): another name of the list,
a predicate (a listed verb, a modal word, a partner marker such as 会同, or
a word jieba tags as a verb), or a sign that the list is no subject; and
whether a list's name may end at a place (a word of jieba ends there).
"""
from __future__ import annotations

import functools

from .. import rules
from ..text import nlp, perplan
from .subjectmatch import RULES, _first, _holds, _suffix_ends


def _name_may_end(text: str, pos: int, at: int, strict: bool = True) -> bool:
    """A name of the list may end at ``at``: the next character is no body
    suffix of its own (街道消委|办), and, when ``strict``, a word ends there
    (区协|调小组 is cut inside 协调)."""
    if not strict:
        return at >= len(text) or text[at] not in _suffix_ends()
    words = nlp.jieba().lcut(text[pos:at + 6])
    offset = pos
    for word in words:
        if offset == at:
            return not (len(word) == 1 and word in _suffix_ends())
        if offset > at:
            return False
        offset += len(word)
    return offset == at     # the text ends there; not inside its last word (管委|会 at the end)


def _predicate(text: str, at: int) -> tuple:
    """What the text at ``at`` opens: ('more', _) another name of the list,
    ('verb'|'partner', where) a predicate, ('reject', _) a sign that the list
    is no subject, (None, _) anything else (the name goes on: 委|员会)."""
    rest = text[at:at + 40]
    _, tail = _first("subject_list_tails", rest)
    skip = tail.end() if tail else 0
    rest = rest[skip:]
    if not rest or _holds("subject_rejects", rest):
        return "reject", at
    if _holds("subject_predicates", rest):   # 负责居民区的……: 负责 is the verb, no modal
        return "verb", at + skip
    modal = _modal(rest)
    cut = modal.end() if modal else 0
    verb = rest[cut:]
    _, partner = _first("subject_partners", verb)
    if partner:
        return "partner", at + skip + cut + partner.end()
    if modal:       # 县财政局要 + anything but a reject: a modal makes the subject, whatever is tagged
        if _holds("subject_predicates", verb) or not _holds("subject_rejects", verb) \
                or _tagged_verb(verb):
            return "verb", at + skip + cut
        return None, at
    # without a modal the predicates were just tried on the same text; a
    # "verb" glued to a body suffix (督考|办要, 督查|室要) is the name going on
    return ("verb", at + skip) if _tagged_verb(verb) and not _before_suffix(verb) else (None, at)


def _before_suffix(text: str) -> bool:
    """The first word of ``text`` runs into a one-character body suffix
    (督考|办要, 督查|室要), not into a longer word that opens with one
    (安排|专项资金: 专 opens a word of its own)."""
    first = _first_word(text)
    if first is None or text[len(first.word):len(first.word) + 1] not in _suffix_ends():
        return False
    second = _first_word(text[len(first.word):])
    return second is None or len(second.word) <= 2


def opens_clause(item: str) -> bool:
    """An item of a list that is a clause, not a name: it opens with a
    predicate (定期召开调度会, 加强督办); a verb that is the whole item (编办)
    or one character of a name (住 of 住建局) opens none."""
    if _holds("subject_predicates", item):
        return True
    first = _first_word(item)
    return (first is not None and 1 < len(first.word) < len(item)
            and first.flag in _verb_tags())


def _first_word(text: str):
    return _first_word_of(text[:8])


@perplan.remember
def _first_word_of(head: str):
    # asked twice for most predicates (a modal, then a verb), over a few words
    return next(iter(nlp.posseg().cut(head)), None)


def _modal(rest: str):
    """The modal words opening ``rest``, unless they only begin a longer
    word (应 of 应急管理局 in 高新区应急管理局 is no modal)."""
    _, m = _first("subject_modals", rest)
    if m is None:
        return None
    word = _first_word(rest)
    glued = word is not None and word.word in rules.words(RULES, "subject_modal_glued")
    return m if word is not None and (len(word.word) <= m.end() or glued) else None


def _tagged_verb(text: str) -> bool:
    if not nlp.opens_block(text) and not _verb_tags() & nlp.OUTSIDE_BLOCK_TAGS:
        return False                 # 、市委办: a mark opens it, never a verb
    first = _first_word(text)
    return first is not None and first.flag in _verb_tags()


@functools.lru_cache(maxsize=1)
def _verb_tags() -> frozenset:
    return frozenset(rules.words(RULES, "subject_verb_tags"))

