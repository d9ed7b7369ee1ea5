"""The date rules' scanner: ``extract.text.scan``, kept under its first name."""
from ..text.scan import SHORT, Scanner, first_chars, for_rule, gated  # noqa: F401
