"""Matplotlib set-up for Chinese labels, and running the notebooks headless.

Matplotlib's default font has no Chinese glyphs: every label would be a row of
boxes. ``use_cjk_font`` picks the first installed CJK font (Noto CJK on Debian
with ``fonts-noto-cjk``) and falls back, with a warning, to the default.
"""
from __future__ import annotations

import os
import warnings
from pathlib import Path

# preferred first: simplified-Chinese faces, then other CJK faces that cover it
CJK_FONTS = ("Noto Sans CJK SC", "Source Han Sans SC", "Noto Sans SC", "WenQuanYi Zen Hei",
             "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", "SimHei",
             "Noto Sans CJK JP", "Noto Sans CJK TC", "Noto Serif CJK SC")


def use_cjk_font():
    """Make matplotlib draw Chinese; return the font's name, or None when none is installed."""
    import matplotlib
    from matplotlib import font_manager
    installed = {f.name for f in font_manager.fontManager.ttflist}
    chosen = next((name for name in CJK_FONTS if name in installed), None)
    if chosen is None:
        chosen = next((name for name in sorted(installed) if "CJK" in name), None)
    if chosen is None:
        warnings.warn("no CJK font found: Chinese labels will not render "
                      "(on Debian: apt-get install fonts-noto-cjk)")
        return None
    matplotlib.rcParams["font.family"] = "sans-serif"
    matplotlib.rcParams["font.sans-serif"] = [chosen] + list(matplotlib.rcParams["font.sans-serif"])
    matplotlib.rcParams["axes.unicode_minus"] = False   # the CJK fonts lack U+2212
    return chosen


def execute_notebook(script: Path, out_dir: Path, executed: Path, timeout: int = 300):
    """Run a jupytext percent script as a notebook, headless, on the tables in
    out_dir; write the executed notebook (with its images) to executed."""
    import jupytext
    import nbformat
    from nbclient import NotebookClient
    notebook = jupytext.read(script)
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    previous = os.environ.get("PLAN_EXTRACT_OUT")
    os.environ["PLAN_EXTRACT_OUT"] = str(Path(out_dir).resolve())
    try:
        NotebookClient(notebook, timeout=timeout, kernel_name="python3",
                       resources={"metadata": {"path": str(Path(script).resolve().parent)}}).execute()
    finally:
        if previous is None:
            os.environ.pop("PLAN_EXTRACT_OUT", None)
        else:
            os.environ["PLAN_EXTRACT_OUT"] = previous
    executed = Path(executed)
    executed.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, executed)
    return notebook


def main(argv=None) -> int:
    import argparse
    parser = argparse.ArgumentParser(description="Execute a notebook script headless.")
    parser.add_argument("script")
    parser.add_argument("--tables", required=True, help="output folder of plan-extract run")
    parser.add_argument("--to", required=True, help="where to write the executed .ipynb")
    args = parser.parse_args(argv)
    execute_notebook(Path(args.script), Path(args.tables), Path(args.to))
    print(f"executed {args.script} -> {args.to}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
