"""Score extracted tables against gold annotations (stub)."""
from __future__ import annotations

import sys


def main(args) -> int:
    print("plan-extract eval: not implemented yet", file=sys.stderr)
    return 2
