"""plan-extract compare: every number is the tables' own, by place."""
import duckdb
import pandas as pd
import pytest

from extract.cli import main
from extract.tools import compare
from extract.tools.termtable import cell_width, render

COUNTS_SQL = """
with d as (select doc_id, coalesce(city, province, '(unknown)') as place from '{o}/documents.parquet')
select d.place,
  count(distinct d.doc_id) as plans,
  (select count(*) from '{o}/nodes.parquet' n join d d2 using (doc_id) where d2.place = d.place) as items,
  (select count(distinct unit) from '{o}/responsibilities.parquet' r join d d2 using (doc_id)
     where d2.place = d.place) as units,
  (select count(*) from '{o}/responsibilities.parquet' r join d d2 using (doc_id)
     where d2.place = d.place) as responsibilities,
  (select count(*) from '{o}/people.parquet' p join d d2 using (doc_id) where d2.place = d.place) as people,
  (select count(*) from '{o}/targets.parquet' t join d d2 using (doc_id) where d2.place = d.place) as targets,
  (select count(*) from '{o}/dates.parquet' x join d d2 using (doc_id) where d2.place = d.place) as dates,
  (select count(*) from '{o}/phases.parquet' x join d d2 using (doc_id) where d2.place = d.place) as phases
from d group by d.place order by d.place
"""


def test_counts_per_place_equal_a_direct_duckdb_query(corpus_tables):
    ours = compare.compare(corpus_tables)["counts"]
    theirs = duckdb.sql(COUNTS_SQL.format(o=corpus_tables)).df()
    assert len(ours) == 5
    pd.testing.assert_frame_equal(ours.set_index("place").sort_index(),
                                  theirs.set_index("place").sort_index(), check_dtype=False)


def test_unit_load_split_by_role_adds_up(corpus_tables):
    units = compare.compare(corpus_tables, top=3)["units"]
    assert (units[list(compare.ROLES)].sum(axis=1) == units["total"]).all()
    assert units.groupby("place").size().max() == 3
    resp = duckdb.sql(f"""select count(*) from '{corpus_tables}/responsibilities.parquet' r
        join '{corpus_tables}/documents.parquet' d using (doc_id)
        where d.city = '洪湖市' and r.unit = '市建设局'""").fetchall()[0][0]
    assert units.query("place == '洪湖市'").iloc[0][["unit", "total"]].tolist() == ["市建设局", resp]


def test_targets_side_by_side_one_row_per_indicator(corpus_tables):
    wide = compare.compare(corpus_tables)["targets"]
    assert wide["indicator"].is_unique
    row = wide.set_index("indicator").loc["行业风气满意度"]
    assert row["洪湖市"] == ">=80%" and row["揭阳市"] == ">=85%"
    targets = pd.read_parquet(corpus_tables / "targets.parquet")
    assert len(wide) == targets["indicator_norm"].fillna(targets["indicator"]).nunique()


def test_timeline_by_document(corpus_tables):
    sections = compare.compare(corpus_tables, by="doc")
    timeline = sections["timeline"]
    assert len(timeline) == 9 and timeline["days"].min() > 0
    assert len(sections["counts"]) == 7          # one place per plan


def test_terminal_table_aligns_chinese():
    frame = pd.DataFrame({"place": ["洪湖市", "Beijing"], "plans": [1, 12]})
    lines = render(frame).splitlines()
    assert len({cell_width(line) for line in lines}) == 1
    assert lines[2].startswith("洪湖市   ") and lines[2].endswith(" 1")


@pytest.mark.parametrize("suffix", [".csv", ".parquet", ".xlsx"])
def test_output_by_extension(corpus_tables, tmp_path, suffix, capsys):
    target = tmp_path / f"cmp{suffix}"
    assert main(["compare", str(corpus_tables), "-o", str(target)]) == 0
    assert "洪湖市" in capsys.readouterr().out
    if suffix == ".xlsx":
        book = pd.read_excel(target, sheet_name=None)
        assert list(book) == list(compare.SECTIONS)
        counts = book["counts"]
    else:
        files = sorted(tmp_path.glob(f"cmp.*{suffix}"))
        assert [f.name.split(".")[1] for f in files] == sorted(compare.SECTIONS)
        read = pd.read_csv if suffix == ".csv" else pd.read_parquet
        counts = read(tmp_path / f"cmp.counts{suffix}")
    assert counts.set_index(counts.columns[0]).loc["洪湖市"].iloc[0] == 1


def test_one_section_to_exactly_the_file(corpus_tables, tmp_path):
    target = tmp_path / "counts.csv"
    assert main(["compare", str(corpus_tables), "--section", "counts", "-o", str(target)]) == 0
    assert pd.read_csv(target)["plans"].sum() == 7


def test_bad_extension_is_a_usage_error(corpus_tables, tmp_path, capsys):
    assert main(["compare", str(corpus_tables), "-o", str(tmp_path / "cmp.json")]) == 2
    assert ".csv, .parquet, .xlsx" in capsys.readouterr().err
