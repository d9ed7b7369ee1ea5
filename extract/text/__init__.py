"""Shared text helpers that every stage may use and that use no stage.

- ``numerals``: Chinese and full-width numerals to integers.
- ``nlp``: the one quiet jieba loader (jieba runs on candidate spans only).
- ``spans``: the ``Span`` candidate record and the named overlap policies.
"""
