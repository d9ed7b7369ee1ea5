"""jieba's part-of-speech viterbi, one character at a time as array sums.

``nlp.viterbi`` scores, for each state of a character, every predecessor
scored at the character before: some 40 states times 20 predecessors, a
Python step each. Here the same sums are one array operation per character:
the scores of the last character (a column) plus jieba's transition table
(a dense matrix, minus infinity where jieba has no transition) plus the
emission scores of this character (a row). numpy adds doubles as Python does,
in the same order ((score + step) + emission), so every sum is jieba's. The
states are kept in sorted order, so the last of the equal best scores in a
column is the one ``max`` over (score, state) picks: the same tie-break.

Used when numpy is there (pandas, a dependency, brings it); the plain Python
``nlp.python_viterbi`` is the fallback.
"""
from __future__ import annotations

import numpy as np

MIN_FLOAT = -3.14e100          # jieba's score of a character a state never emits


class Model:
    """jieba's tables as arrays over the states in sorted order."""

    def __init__(self, trans_p: dict):
        self.source, self.names = trans_p, sorted(trans_p)
        self.index = {state: i for i, state in enumerate(self.names)}
        size = len(self.names)
        self.trans = np.full((size, size), -np.inf)
        for before, nexts in trans_p.items():
            for state, score in nexts.items():
                self.trans[self.index[before], self.index[state]] = score
        self._chars: dict = {}
        self._starts: dict = {}
        self._columns: dict = {}

    def char(self, char: str, states: dict, emit_p: dict) -> tuple:
        """(state numbers, emission scores) of a character, in state order (cached:
        they are jieba's model, the same for every text)."""
        got = self._chars.get(char)
        if got is None:
            numbers = sorted(self.index[y] for y in states.get(char, self.names))
            emits = np.array([emit_p[self.names[i]].get(char, MIN_FLOAT) for i in numbers])
            got = self._chars[char] = (np.array(numbers, dtype=np.intp), emits)
        return got

    def opening(self, char: str, states: dict, start_p: dict, emit_p: dict) -> tuple:
        """(state numbers, start plus emission scores) of a text's first character
        (cached as ``char`` is: jieba's start and emission tables do not change)."""
        got = self._starts.get(char)
        if got is None:
            numbers, _ = self.char(char, states, emit_p)
            got = self._starts[char] = (numbers, np.array(
                [start_p[self.names[i]] + emit_p[self.names[i]].get(char, MIN_FLOAT) for i in numbers]))
        return got

    def columns(self, size: int) -> np.ndarray:
        """0 … size - 1, one array kept per size."""
        got = self._columns.get(size)
        if got is None:
            got = self._columns[size] = np.arange(size)
        return got

    def pointers(self, states, sources) -> np.ndarray:
        """The back pointers of one character as an array over every state number."""
        back = np.empty(len(self.names), dtype=np.intp)
        back[states] = sources
        return back


_MODELS: dict = {}


def model(trans_p: dict) -> Model:
    """The arrays of a transition table (jieba's one: built once per process)."""
    got = _MODELS.get(id(trans_p))
    if got is None or got.source is not trans_p:
        got = _MODELS[id(trans_p)] = Model(trans_p)
    return got


def viterbi(obs, states, start_p, trans_p, emit_p, fallback):
    """``jieba.posseg.viterbi.viterbi`` over jieba's own tables; ``fallback(prev, char)``
    scores a character none of whose states follows one of the last (jieba's rule)."""
    m = model(trans_p)
    prev_at, prev = m.opening(obs[0], states, start_p, emit_p)
    paths = [None]
    for char in obs[1:]:
        here, emits = m.char(char, states, emit_p)
        # (score + step) + emission, as jieba adds them (a + b is b + a exactly)
        scores = m.trans.take(prev_at, axis=0).take(here, axis=1)
        scores += prev[:, None]
        scores += emits
        last = len(prev_at) - 1 - scores[::-1].argmax(axis=0)   # the highest state of a tie
        best = scores[last, m.columns(len(here))]
        kept = best != -np.inf                   # states with a predecessor scored
        count = np.count_nonzero(kept)
        if count == len(here):
            paths.append(m.pointers(here, prev_at[last]))
            prev_at, prev = here, best
            continue
        if not count:
            now, back = fallback(dict(zip(map(m.names.__getitem__, prev_at), prev.tolist())), char)
            order = sorted(now, key=m.index.__getitem__)
            prev_at = np.array([m.index[y] for y in order], dtype=np.intp)
            prev = np.array([now[y] for y in order])
            paths.append(m.pointers(prev_at, [m.index[back[y]] for y in order]))
            continue
        here = here[kept]
        paths.append(m.pointers(here, prev_at[last[kept]]))
        prev_at, prev = here, best[kept]
    end = len(prev) - 1 - int(prev[::-1].argmax())
    prob, state = float(prev[end]), int(prev_at[end])
    route = [None] * len(obs)
    for i in range(len(obs) - 1, 0, -1):
        route[i], state = m.names[state], int(paths[i][state])
    route[0] = m.names[state]
    return prob, route
