"""Stages 2-4, prepare: decoded text to plans and their outline.

In: a ``records.Source``. Out: ``records.Plan`` records (title, city,
province, issue date, the cleaned text every offset refers to) and, per plan,
its ``records.Node`` outline tree.

- ``clean``: page chrome, footers and scraping noise out; line ends normalised.
- ``split``: the plans of a source and their document fields
  (``gazetteer`` resolves places).
- ``outline``: the tree of numbered headings and items, inline ones included.
"""
