"""Scoring tables against gold annotations (``plan-extract eval``).

In: a folder of gold JSONL files (format: ``gold/GUIDE.md``) and a folder of
tables. Out: precision, recall and F1 per fact type, document-field accuracy,
and the misses, per the guide's "Scoring" section.

- ``gold``: reading and checking gold files; the text normal form.
- ``matching``: the matching rules: each fact type's checks, one plan's rows.
- ``score``: matching, totals, floors and the command.
- ``report``: the printed report and the error lists (why a fact was missed).
"""
