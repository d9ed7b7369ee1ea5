"""Tools over the written tables: compare places, review a plan in a browser,
export for spreadsheets, and the spaCy component. None of them re-parses
text; they read the Parquet tables that ``plan-extract run`` writes."""
