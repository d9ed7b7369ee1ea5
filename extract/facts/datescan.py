"""The date rules' scanner: ``extract.text.scan``, kept under its first name."""
from ..text.scan import SHORT, Scanner, for_rule  # noqa: F401
