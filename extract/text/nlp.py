"""The jieba segmenter, loaded once and quietly, for the extractors' candidate spans."""
from __future__ import annotations

import functools
import logging


@functools.lru_cache(maxsize=1)
def jieba():
    import jieba as segmenter
    segmenter.setLogLevel(logging.WARNING)   # its dictionary-loading chatter is not for users
    return segmenter


@functools.lru_cache(maxsize=1)
def posseg():
    jieba()
    import importlib
    return importlib.import_module("jieba.posseg")
