"""plan-extract: Chinese local-government plan documents to Parquet tables."""

__version__ = "0.1.0"
