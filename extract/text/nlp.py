"""The jieba segmenter, loaded once, quietly and lazily, for the extractors' candidate spans.

jieba reads its whole dictionary before the first word: 350,000 words and
their prefixes (a second on this kind of machine), then ``jieba.posseg``
reads the dictionary file once more for the word tags. The extractors only
segment a few short spans per plan, so ours is the same tokenizer over a
*lexicon* (lexicon.py) read in parts: the one-character entries at start-up,
the longer words by their first two characters when a span first needs one
of them. The lexicon is built from jieba's own tables, so every lookup
answers exactly what jieba's dictionaries answer.

``jieba()`` and ``posseg()`` return a ``jieba.Tokenizer`` and a
``jieba.posseg.POSTokenizer`` over that lexicon (``.cut``, ``.lcut``, as the
module functions). The module-level ``jieba.dt`` is left as it is: whoever
calls ``jieba.lcut`` gets stock jieba (the benchmark does).

The tagger's HMM (a run of characters no dictionary word covers, a new name
most often) is jieba's own viterbi computed over fewer candidates
(``viterbi``): the same sums in the same order and the same ties, so the same
tags, a few times faster.
"""
from __future__ import annotations

import functools
import io
import logging
import math
import sys
import types

from .lexicon import Buckets, LazyTable, load


@functools.lru_cache(maxsize=1)
def _segmenter():
    """``import jieba``, without ``pkg_resources`` (a slow import it only uses to open its files)."""
    blocked = "pkg_resources" not in sys.modules
    if blocked:
        sys.modules["pkg_resources"] = None          # jieba falls back to open() next to its files
    try:
        import jieba as segmenter
    finally:
        if blocked:
            del sys.modules["pkg_resources"]
    segmenter.setLogLevel(logging.WARNING)   # its dictionary-loading chatter is not for users
    return segmenter


@functools.lru_cache(maxsize=1)
def lexicon() -> Buckets:
    """The lexicon of jieba's dictionary (lexicon.py), read or built once."""
    return load(_segmenter())


@functools.lru_cache(maxsize=1)
def jieba():
    """A jieba ``Tokenizer`` whose dictionary is the lazily read lexicon."""
    segmenter, words = _segmenter(), lexicon()
    tokenizer = segmenter.Tokenizer()
    tokenizer.FREQ, tokenizer.total = LazyTable(words, 0), words.total
    tokenizer.initialized = True
    # jieba's word graph and best route, over one bucket per starting character
    tokenizer.get_DAG = functools.partial(word_graph, tokenizer.FREQ)
    tokenizer.calc = functools.partial(best_route, tokenizer)
    return tokenizer


def word_graph(freq: LazyTable, sentence: str) -> dict:
    """``Tokenizer.get_DAG``: for each place, the ends of the dictionary words
    starting there (or the place itself). A place's own character is a
    one-character entry; every longer fragment from it begins with its first
    two characters, so one part of the lexicon answers all its look-ups."""
    dag = {}
    n = len(sentence)
    singles, pairs_from = freq.singles, freq.pairs_from
    for k in range(n):
        count = singles.get(sentence[k])     # None: no word goes on from here
        ends = [k] if count else []
        if count is not None and k + 1 < n:
            get = pairs_from(sentence[k:k + 2]).get
            i = k + 1
            count = get(sentence[k:i + 1])
            while count is not None:
                if count:
                    ends.append(i)
                i += 1
                if i == n:
                    break
                count = get(sentence[k:i + 1])
        dag[k] = ends or [k]
    return dag


def best_route(tokenizer, sentence: str, dag: dict, route: dict) -> None:
    """``Tokenizer.calc``: the same sums in the same order, one part of the lexicon per place."""
    n = len(sentence)
    route[n] = (0, 0)
    logtotal = math.log(tokenizer.total)
    freq, log = tokenizer.FREQ, math.log
    singles, pairs_from = freq.singles, freq.pairs_from
    for idx in range(n - 1, -1, -1):
        ends = dag[idx]
        get = pairs_from(sentence[idx:idx + 2]).get if ends[-1] > idx else None
        best = None
        for x in ends:           # max() over the candidates: the first greatest is kept
            count = singles.get(sentence[idx]) if x == idx else get(sentence[idx:x + 1])
            candidate = (log(count or 1) - logtotal + route[x + 1][0], x)
            if best is None or candidate > best:
                best = candidate
        route[idx] = best


@functools.lru_cache(maxsize=1)
def posseg():
    """A jieba ``POSTokenizer`` over the same lexicon (word tags read per bucket too)."""
    segmenter, tokenizer = _segmenter(), jieba()
    # importing jieba.posseg builds its module-level tokenizer, which reads the whole
    # dictionary file for the tags; give it an empty file and then the lazy tags
    stock = segmenter.dt
    stock.get_dict_file = lambda: io.BytesIO(b"")
    try:
        import jieba.posseg as pos
    finally:
        del stock.get_dict_file
    if pos.dt.tokenizer is stock and not pos.dt.word_tag_tab:
        pos.dt.word_tag_tab = LazyTable(lexicon().copy(), 1)
    tagger = _tagger_class(pos).__new__(_tagger_class(pos))
    tagger.tokenizer, tagger.word_tag_tab = tokenizer, LazyTable(lexicon(), 1)
    return tagger


MIN_FLOAT = -3.14e100          # jieba's score of a character a state never emits


@functools.lru_cache(maxsize=1)
def _links():
    """jieba's part-of-speech transitions read backwards: each state's predecessors
    with the score of the step, and the states that have a successor."""
    import jieba.posseg as pos
    preds: dict = {}
    for before, nexts in pos.trans_P.items():
        for state, score in nexts.items():
            preds.setdefault(state, []).append((before, score))
    return (pos.trans_P, {state: tuple(p) for state, p in preds.items()},
            frozenset(state for state, nexts in pos.trans_P.items() if nexts))


def viterbi(obs, states, start_p, trans_p, emit_p):
    """``jieba.posseg.viterbi.viterbi``, same arguments and the same answer:
    as array sums per character (``hmm``) when numpy is there, else in Python."""
    jieba_trans, preds, leading = _links()
    if trans_p is not jieba_trans:               # other tables: jieba's own code
        from jieba.posseg.viterbi import viterbi as stock
        return stock(obs, states, start_p, trans_p, emit_p)
    if _arrays() is not None:
        return _arrays().viterbi(obs, states, start_p, trans_p, emit_p, lambda prev, char: _fallback(
            prev, char, leading, preds, trans_p, emit_p))
    return python_viterbi(obs, states, start_p, trans_p, emit_p)


@functools.lru_cache(maxsize=1)
def _arrays():
    """The array form of the viterbi (``hmm``), or None without numpy."""
    try:
        from . import hmm
    except ImportError:
        return None
    return hmm


def python_viterbi(obs, states, start_p, trans_p, emit_p):
    """``viterbi`` in plain Python, over jieba's own transition table.

    jieba scores every state of the last character for every state of this
    one, a missing transition scoring minus infinity; such a score never wins
    while a transition exists, and one always does for the states jieba keeps,
    so only each state's predecessors are scored. The sums are jieba's, in its
    order; the best is kept by comparing as ``max`` over (score, state) does
    (the higher state wins a tie), in a plain loop: no tuple per candidate.
    """
    _, preds, leading = _links()
    all_states = trans_p.keys()
    prev = {y: start_p[y] + emit_p[y].get(obs[0], MIN_FLOAT) for y in states.get(obs[0], all_states)}
    paths = [dict.fromkeys(prev, "")]
    for char in obs[1:]:
        now, back, known = {}, {}, prev.get
        for y in states.get(char, all_states):
            best, emit = None, emit_p[y].get(char, MIN_FLOAT)
            for y0, step in preds.get(y, ()):
                p = known(y0)              # a predecessor scored at the last character
                if p is not None:
                    score = p + step + emit
                    if best is None or score > best or (score == best and y0 > best_y):
                        best, best_y = score, y0
            if best is not None:
                now[y], back[y] = best, best_y
        if not now:                              # jieba's fallback: whatever may follow
            now, back = _fallback(prev, char, leading, preds, trans_p, emit_p)
        prev = now
        paths.append(back)
    prob, state = max((p, y) for y, p in prev.items())
    route = [None] * len(obs)
    for i in range(len(obs) - 1, -1, -1):
        route[i], state = state, paths[i][state]
    return prob, route


def _fallback(prev, char, leading, preds, trans_p, emit_p) -> tuple:
    """No state of ``char`` follows one of the last: score the states that may
    follow any of them, as jieba does."""
    live = prev.keys() & leading
    now, back = {}, {}
    for y in {y for x in live for y in trans_p[x]} or trans_p.keys():
        emit = emit_p[y].get(char, MIN_FLOAT)
        now[y], back[y] = max((prev[y0] + trans_p[y0][y] + emit, y0)
                              for y0, _ in preds.get(y, ()) if y0 in live)
    return now, back


@functools.lru_cache(maxsize=1)
def _tagger_class(pos):
    """``POSTokenizer`` whose word-level cut is jieba's own code calling ``viterbi`` above
    (stock ``POSTokenizer`` when a jieba release no longer has that private method)."""
    stock = getattr(pos.POSTokenizer, "_POSTokenizer__cut", None)
    if stock is None or not hasattr(stock, "__code__"):
        return pos.POSTokenizer
    cut = types.FunctionType(stock.__code__, {**vars(pos), "viterbi": viterbi},
                             stock.__name__, stock.__defaults__, stock.__closure__)
    return type("POSTokenizer", (pos.POSTokenizer,), {"_POSTokenizer__cut": cut})


@functools.lru_cache(maxsize=1)
def block_regex():
    """jieba's blocks: the runs it segments one by one (each on its own, whatever surrounds it)."""
    posseg()
    import jieba.posseg as pos
    return pos.re_han_internal


# What jieba's tagger calls a first token outside its blocks: white space
# and marks (x), a number (m), Latin (eng)
OUTSIDE_BLOCK_TAGS = frozenset({"x", "m", "eng"})


def opens_block(text: str) -> bool:
    """The tagger reads ``text``'s first token from its dictionary (or its
    HMM) only when ``text`` opens with a block character; otherwise that
    token is tagged one of ``OUTSIDE_BLOCK_TAGS``, and no tagging is needed
    to know it."""
    return block_regex().match(text) is not None
