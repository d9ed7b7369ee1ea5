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

    def char(self, char: str, states: dict, emit_p: dict) -> tuple:
        """(state numbers, emission scores) of a character, in state order (cached:
        they are jieba's model, the same for every text)."""
        got = self._chars.get(char)
        if got is None:
            numbers = sorted(self.index[y] for y in states.get(char, self.names))
            emits = np.array([emit_p[self.names[i]].get(char, MIN_FLOAT) for i in numbers])
            got = self._chars[char] = (np.array(numbers, dtype=np.intp), emits)
        return got


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
    numbers, _ = m.char(obs[0], states, emit_p)
    prev_at = numbers
    prev = np.array([start_p[m.names[i]] + emit_p[m.names[i]].get(obs[0], MIN_FLOAT)
                     for i in numbers])
    paths = [None]
    for char in obs[1:]:
        here, emits = m.char(char, states, emit_p)
        scores = prev[:, None] + m.trans[np.ix_(prev_at, here)] + emits
        last = len(prev_at) - 1 - np.argmax(scores[::-1], axis=0)   # the highest state of a tie
        best = scores[last, np.arange(len(here))]
        kept = best != -np.inf                   # states with a predecessor scored
        if not kept.any():
            now, back = fallback(dict(zip(map(m.names.__getitem__, prev_at), prev.tolist())), char)
            order = sorted(now, key=m.index.__getitem__)
            prev_at = np.array([m.index[y] for y in order], dtype=np.intp)
            prev = np.array([now[y] for y in order])
            paths.append({m.index[y]: m.index[back[y]] for y in order})
            continue
        paths.append(dict(zip(here[kept].tolist(), prev_at[last[kept]].tolist())))
        prev_at, prev = here[kept], best[kept]
    end = len(prev) - 1 - int(np.argmax(prev[::-1]))
    prob, state = float(prev[end]), int(prev_at[end])
    route = [None] * len(obs)
    for i in range(len(obs) - 1, 0, -1):
        route[i], state = m.names[state], paths[i][state]
    route[0] = m.names[state]
    return prob, route
