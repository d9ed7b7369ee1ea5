"""Stage 5, facts: a plan and its outline to the fact tables.

In: a ``records.Plan`` and its nodes. Out: lists of records, each tied to the
innermost node that holds it and to its exact span in ``Plan.text``. Every
extractor finds candidate spans by rule first and normalises them second.

- ``responsibilities`` (+ ``orgnames``): responsible units and their roles.
- ``people``: named people with a role.
- ``targets`` (+ ``quantities``, ``indicator``): numeric goals.
- ``dates`` (+ ``datenorm``; its scanner is ``text.scan``) and ``phases``: calendar expressions
  and the plan's stages.
"""
