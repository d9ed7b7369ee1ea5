"""The Python API: the tables of ``plan-extract run`` without writing files.

    from extract import run_files
    tables = run_files(["corpus/"])            # pandas DataFrames by table name
    tables["targets"][["indicator", "comparator", "value", "unit"]]

The tables have the same schemas as the Parquet files (``extract.write.SCHEMAS``).
"""
from __future__ import annotations

from typing import Iterable, Union

from . import pipeline, write


def run_files(inputs: Union[str, Iterable[str]], workers: int = 1, as_: str = "pandas") -> dict:
    """Run the pipeline on files and folders; return {table name: table}.

    ``as_="pandas"`` gives DataFrames (dates as ``datetime.date``), ``"arrow"``
    pyarrow Tables. An unreadable input is a row of ``errors``, as with the CLI;
    a path that does not exist raises FileNotFoundError.
    """
    if as_ not in ("pandas", "arrow"):
        raise ValueError(f"as_ must be 'pandas' or 'arrow', not {as_!r}")
    inputs = [inputs] if isinstance(inputs, str) else [str(i) for i in inputs]
    missing = pipeline.missing_inputs(inputs)
    if missing:
        raise FileNotFoundError(f"no such file or folder: {', '.join(missing)}")
    records = pipeline.collect_tables(pipeline.run(inputs, workers=workers))
    tables = {name: write.to_table(name, records.get(name, [])) for name in write.SCHEMAS}
    if as_ == "arrow":
        return tables
    return {name: table.to_pandas(date_as_object=True) for name, table in tables.items()}
