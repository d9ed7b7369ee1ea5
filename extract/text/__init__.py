"""Shared text helpers that every stage may use and that use no stage.

- ``numerals``: Chinese and full-width numerals to integers.
- ``nlp``: the one quiet jieba loader (jieba runs on candidate spans only).
- ``spans``: the ``Span`` candidate record and the named overlap policies.
- ``scan``: a rule tried only where a match can start (its declared ``starts``).
"""
