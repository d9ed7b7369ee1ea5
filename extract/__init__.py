"""plan-extract: Chinese local-government plan documents to Parquet tables.

``from extract import run_files`` runs the pipeline and returns the tables
(extract/api.py); it is imported on first use so that the CLI starts fast.
"""

__version__ = "0.1.0"
__all__ = ["run_files", "__version__"]


def __getattr__(name):
    if name == "run_files":
        from .api import run_files
        return run_files
    raise AttributeError(f"module 'extract' has no attribute {name!r}")
