"""Scoring tables against gold annotations (``plan-extract eval``).

In: a folder of gold JSONL files (format: ``gold/GUIDE.md``) and a folder of
tables. Out: precision, recall and F1 per fact type, document-field accuracy,
and the misses, per the guide's "Scoring" section.

- ``gold``: reading gold files and the output tables; the matching rules.
- ``score``: matching, totals and the printed or JSON report.
"""
