"""The jieba segmenter, loaded once, quietly and lazily, for the extractors' candidate spans.

jieba reads its whole dictionary before the first word: 350,000 words and
their prefixes (a second on this kind of machine), then ``jieba.posseg``
reads the dictionary file once more for the word tags. The extractors only
segment a few short spans per plan, so ours is the same tokenizer over a
*lexicon* split by first character: an index of buckets is read at start-up
and a bucket (``{word: frequency}`` and ``{word: tag}``) when a span first
needs a word starting with that character. The lexicon is built from jieba's
own tables the first time (``_build``), so every lookup answers exactly what
jieba's dictionaries answer; it is cached beside jieba's cache, keyed by
jieba's version and dictionary file.

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
import hashlib
import io
import logging
import marshal
import math
import mmap
import os
import sys
import tempfile
import types
from pathlib import Path

CACHE_NAME = "plan-extract-jieba-{key}.lexicon"


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


class _Buckets:
    """The lexicon's buckets, each unmarshalled on first use."""

    def __init__(self, total: int, index: dict, blob: bytes):
        self.total, self._index, self._blob = total, index, blob
        self._loaded: dict = {}

    def copy(self) -> "_Buckets":
        """The same lexicon with buckets of its own (for a tokenizer that may add words)."""
        return _Buckets(self.total, self._index, self._blob)

    def get(self, first: str) -> tuple:
        try:
            return self._loaded[first]
        except KeyError:
            place = self._index.get(first)
            pair = marshal.loads(self._blob[place[0]:place[1]]) if place else ({}, {})
            self._loaded[first] = pair
            return pair


class LazyTable:
    """A read-only mapping over one side of the buckets (0: frequencies, 1: tags).

    It answers what jieba asks of ``FREQ`` and ``word_tag_tab``: ``in``,
    ``[]`` and ``get``, and takes the words a user dictionary adds.
    """

    __slots__ = ("_buckets", "_side", "_sides")

    def __init__(self, buckets: _Buckets, side: int):
        self._buckets, self._side = buckets, side
        # first character -> this side of its bucket (the bucket's own dict): jieba
        # asks tens of thousands of times per plan, so the hot path is one lookup
        self._sides: dict = {}

    def _table(self, word: str) -> dict:
        first = word[:1]
        try:
            return self._sides[first]
        except KeyError:
            table = self._sides[first] = self._buckets.get(first)[self._side]
            return table

    def words_from(self, first: str) -> dict:
        """The words that begin with the character ``first`` (the bucket's own dict)."""
        try:
            return self._sides[first]
        except KeyError:
            return self._table(first)

    def __contains__(self, word) -> bool:
        try:
            return word in self._sides[word[:1]]
        except KeyError:
            return word in self._table(word)

    def __getitem__(self, word):
        try:
            return self._sides[word[:1]][word]
        except KeyError:        # a bucket not read yet (or no such word: KeyError again)
            return self._table(word)[word]

    def get(self, word, default=None):
        try:
            return self._sides[word[:1]].get(word, default)
        except KeyError:
            return self._table(word).get(word, default)

    def __setitem__(self, word, value) -> None:
        self._table(word)[word] = value

    def update(self, other: dict) -> None:
        for word, value in other.items():
            self[word] = value


def _dictionary_key(segmenter) -> str:
    dict_path = Path(segmenter.__file__).parent / segmenter.DEFAULT_DICT_NAME
    stat = dict_path.stat()
    mark = f"{getattr(segmenter, '__version__', '?')}|{stat.st_size}|{stat.st_mtime_ns}"
    return hashlib.sha256(mark.encode()).hexdigest()[:16]


def _build(segmenter) -> bytes:
    """Split jieba's own tables (frequencies with prefixes, word tags) by first character."""
    full = segmenter.Tokenizer()
    full.initialize()
    tags = {}
    with full.get_dict_file() as f:          # what POSTokenizer.load_word_tag reads
        for line in f:
            line = line.strip().decode("utf-8")
            if line:
                word, _, tag = line.split(" ")
                tags[word] = tag
    buckets: dict = {}
    for word, freq in full.FREQ.items():
        buckets.setdefault(word[:1], ({}, {}))[0][word] = freq
    for word, tag in tags.items():
        buckets.setdefault(word[:1], ({}, {}))[1][word] = tag
    index, parts, at = {}, [], 0
    for first, pair in buckets.items():
        part = marshal.dumps(pair)
        index[first] = (at, at + len(part))
        parts.append(part)
        at += len(part)
    head = marshal.dumps((full.total, index))
    return len(head).to_bytes(8, "little") + head + b"".join(parts)


def _read(data) -> _Buckets:
    size = int.from_bytes(data[:8], "little")
    total, index = marshal.loads(data[8:8 + size])
    return _Buckets(total, index, memoryview(data)[8 + size:])


def _mapped(path: Path):
    """The file's bytes, mapped: only the buckets read take memory."""
    with open(path, "rb") as f:
        return mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)


@functools.lru_cache(maxsize=1)
def lexicon() -> _Buckets:
    """The bucketed lexicon: from the cache file, or built (and cached) on first use."""
    segmenter = _segmenter()
    path = Path(tempfile.gettempdir()) / CACHE_NAME.format(key=_dictionary_key(segmenter))
    try:
        return _read(_mapped(path))
    except (OSError, ValueError, EOFError, TypeError):
        pass                                     # missing or damaged: build it again
    data = _build(segmenter)
    try:                                         # atomic: concurrent workers may build it too
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name)
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(tmp, path)
    except OSError:
        pass                                     # a read-only temp folder: keep it in memory
    return _read(data)


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
    starting there (or the place itself). Every fragment from one place
    starts with its character, so one bucket answers all its look-ups."""
    dag = {}
    n = len(sentence)
    words_from = freq.words_from
    for k in range(n):
        get = words_from(sentence[k]).get
        ends = []
        i = k
        count = get(sentence[k])         # None: no word goes on from here
        while i < n and count is not None:
            if count:
                ends.append(i)
            i += 1
            count = get(sentence[k:i + 1])
        dag[k] = ends or [k]
    return dag


def best_route(tokenizer, sentence: str, dag: dict, route: dict) -> None:
    """``Tokenizer.calc``: the same sums in the same order, one bucket per place."""
    n = len(sentence)
    route[n] = (0, 0)
    logtotal = math.log(tokenizer.total)
    words_from, log = tokenizer.FREQ.words_from, math.log
    for idx in range(n - 1, -1, -1):
        get = words_from(sentence[idx]).get
        best = None
        for x in dag[idx]:           # max() over the candidates: the first greatest is kept
            candidate = (log(get(sentence[idx:x + 1]) or 1) - logtotal + route[x + 1][0], x)
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
