"""The choices the tools' command lines offer, apart from the tools themselves:
``plan-extract run`` builds every command's parser, and the tools import
pandas, which a run never needs (half a second of every start-up)."""
from __future__ import annotations

# the sections of ``plan-extract compare`` (compare.py), in the order they are shown
SECTIONS = ("counts", "units", "targets", "timeline", "outline")
# what the tools group plans by (tables.place_of)
PLACE_KEYS = ("city", "province", "doc")
