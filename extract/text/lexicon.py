"""jieba's dictionary, split so that a plan reads only the parts it needs.

jieba's tables (``FREQ``: every word and every prefix of a word with its
frequency, 0 for a prefix alone; the word tags of ``jieba.posseg``) are
built from jieba itself the first time (``_build``), so every lookup answers
what jieba's dictionaries answer, and cached beside jieba's cache, keyed by
jieba's version and dictionary file.

The one-character entries (a dozen thousand) are read at start-up; the longer
words are kept in parts by their first two characters, a part read when a
text first asks for a word opening with those two. Parts by first character
alone would make every plan read the thousands of words of 一, 中, 大 … for
a few look-ups each (a tenth of a second per process on the corpus); the
words under the pairs a plan actually writes are about a seventh of them.
"""
from __future__ import annotations

import array
import hashlib
import marshal
import mmap
import os
import tempfile
from pathlib import Path

# the layout is in the file's name and its header: a cache of another layout
# (an older release's, in the same temp folder) is never read as this one
LAYOUT = "pairs-2"
CACHE_NAME = "plan-extract-jieba-{key}." + LAYOUT + ".lexicon"


class Buckets:
    """The lexicon: the one-character entries, and the parts of the longer
    words by their first two characters, each unmarshalled on first use."""

    def __init__(self, total: int, singles: tuple, index: dict, blob):
        self.total, self.singles = total, singles     # ({char: frequency}, {char: tag})
        # first character -> (start, end) of its part index: (its second
        # characters, where each of their parts starts and ends)
        self._index, self._blob = index, blob
        self._firsts: dict = {}
        self._loaded: dict = {}

    def copy(self) -> "Buckets":
        """The same lexicon with tables of its own (for a tokenizer that may add words)."""
        return Buckets(self.total, (dict(self.singles[0]), dict(self.singles[1])), self._index, self._blob)

    def get(self, pair: str) -> tuple:
        """({word: frequency}, {word: tag}) of the words of two characters or
        more that begin with the two characters ``pair``."""
        try:
            return self._loaded[pair]
        except KeyError:
            pass
        first = pair[:1]
        parts = self._firsts.get(first)
        if parts is None:
            place = self._index.get(first)
            seconds, bounds = marshal.loads(self._blob[place[0]:place[1]]) if place else ("", b"")
            parts = self._firsts[first] = seconds, memoryview(bounds).cast("I")
        seconds, bounds = parts
        i = seconds.find(pair[1]) if len(pair) == 2 else -1
        got = self._loaded[pair] = marshal.loads(self._blob[bounds[i]:bounds[i + 1]]) if i >= 0 else ({}, {})
        return got


class LazyTable:
    """A read-only mapping over one side of the lexicon (0: frequencies, 1: tags).

    It answers what jieba asks of ``FREQ`` and ``word_tag_tab``: ``in``,
    ``[]`` and ``get``, and takes the words a user dictionary adds.
    """

    __slots__ = ("_buckets", "_side", "singles", "_pairs")

    def __init__(self, buckets: Buckets, side: int):
        self._buckets, self._side = buckets, side
        self.singles = buckets.singles[side]          # the one-character entries
        # two characters -> this side of their part (the part's own dict): jieba
        # asks tens of thousands of times per plan, so the hot path is one lookup
        self._pairs: dict = {}

    def pairs_from(self, pair: str) -> dict:
        """The words of two characters or more that begin with ``pair`` (the part's own dict)."""
        try:
            return self._pairs[pair]
        except KeyError:
            table = self._pairs[pair] = self._buckets.get(pair)[self._side]
            return table

    def _table(self, word: str) -> dict:
        return self.singles if len(word) < 2 else self.pairs_from(word[:2])

    def __contains__(self, word) -> bool:
        return word in self._table(word)

    def __getitem__(self, word):
        return self._table(word)[word]

    def get(self, word, default=None):
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
    """Split jieba's own tables (frequencies with prefixes, word tags) into the
    one-character entries and parts by first two characters."""
    full = segmenter.Tokenizer()
    full.initialize()
    tags = {}
    with full.get_dict_file() as f:          # what POSTokenizer.load_word_tag reads
        for line in f:
            line = line.strip().decode("utf-8")
            if line:
                word, _, tag = line.split(" ")
                tags[word] = tag
    singles: tuple = ({}, {})
    parts: dict = {}
    for side, table in enumerate((full.FREQ, tags)):
        for word, value in table.items():
            if len(word) < 2:
                singles[side][word] = value
            else:
                parts.setdefault(word[:2], ({}, {}))[side][word] = value
    # the parts of one first character side by side, in the order of their
    # second characters; its index: those characters and where each part ends
    blobs, at, index = [], 0, {}
    firsts: dict = {}
    for pair in parts:
        firsts.setdefault(pair[0], []).append(pair)
    for first, pairs in firsts.items():
        bounds = array.array("I", [at])
        for pair in pairs:
            data = marshal.dumps(parts[pair])
            blobs.append(data)
            at += len(data)
            bounds.append(at)
        blobs.append(marshal.dumps(("".join(p[1] for p in pairs), bounds.tobytes())))
        index[first] = (at, at + len(blobs[-1]))
        at += len(blobs[-1])
    head = marshal.dumps((LAYOUT, full.total, singles, index))
    return len(head).to_bytes(8, "little") + head + b"".join(blobs)


def _read(data) -> Buckets:
    size = int.from_bytes(data[:8], "little")
    layout, total, singles, index = marshal.loads(data[8:8 + size])
    if layout != LAYOUT:
        raise ValueError(f"a lexicon of layout {layout!r}")
    return Buckets(total, singles, index, memoryview(data)[8 + size:])


def _mapped(path: Path):
    """The file's bytes, mapped: only the parts read take memory."""
    with open(path, "rb") as f:
        return mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)


def load(segmenter) -> Buckets:
    """The lexicon of ``segmenter`` (the jieba module): from the cache file,
    or built (and cached) on first use."""
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
