"""The comparison notebook runs headless and draws its plots with Chinese labels."""
from pathlib import Path

import jupytext

from extract.tools.plotting import execute_notebook

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"


def test_notebook_executes_and_draws_plots(corpus_tables, tmp_path):
    executed = execute_notebook(NOTEBOOKS / "compare_cities.py", corpus_tables, tmp_path / "run.ipynb")
    outputs = [o for cell in executed.cells if cell.cell_type == "code" for o in cell.outputs]
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(images) >= 5
    stderr = "".join(o.get("text", "") for o in outputs if o.get("name") == "stderr")
    assert "missing from" not in stderr           # matplotlib's warning for a glyph it cannot draw
    assert "Noto Sans CJK" in "".join(o.get("text", "") for o in outputs if o.get("name") == "stdout")
    assert (tmp_path / "run.ipynb").stat().st_size > 50_000


def test_paired_ipynb_matches_the_script():
    script = jupytext.read(NOTEBOOKS / "compare_cities.py")
    paired = jupytext.read(NOTEBOOKS / "compare_cities.ipynb")
    assert [c.source for c in script.cells] == [c.source for c in paired.cells]
