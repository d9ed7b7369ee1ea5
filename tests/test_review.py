"""The review pages, opened in real headless Chromium at desktop and phone sizes."""
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest
from playwright.sync_api import sync_playwright

from browser import facts_in_dom, launch
from extract.cli import main
from extract.tools import review

TABLE_KINDS = {"responsibilities": "unit", "people": "person", "targets": "target",
               "dates": "date", "phases": "phase", "nodes": "node"}
VIEWPORTS = {"desktop": (1280, 800), "phone": (390, 844)}


@pytest.fixture(scope="module")
def pages(corpus_tables, tmp_path_factory):
    dest = tmp_path_factory.mktemp("review")
    assert main(["review", str(corpus_tables), "-o", str(dest)]) == 0
    return dest


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        chrome = launch(p)
        yield chrome
        chrome.close()


def expected_rows(out: Path, doc_id: str, text: str) -> Counter:
    """(kind, start, text) of every row of the plan; a node is marked on its label."""
    rows = Counter()
    for table, kind in TABLE_KINDS.items():
        frame = pd.read_parquet(out / f"{table}.parquet")
        for row in frame[frame.doc_id == doc_id].itertuples():
            shown = text[row.char_start:row.char_start + len(row.label)] if kind == "node" else row.text
            rows[(kind, row.char_start, shown)] += 1
    return rows


def test_every_fact_row_has_one_highlight_on_its_characters(corpus_tables, pages, browser):
    docs = pd.read_parquet(corpus_tables / "documents.parquet")
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    for doc in docs.itertuples():
        page.goto((pages / f"{doc.doc_id}.html").as_uri())
        dom_text, facts = facts_in_dom(page)
        assert dom_text == doc.text
        assert all(f["anchors"] == 1 for f in facts.values())
        found = Counter((f["kind"], f["start"], f["text"]) for f in facts.values())
        assert found == expected_rows(corpus_tables, doc.doc_id, doc.text), doc.doc_id
    page.close()


@pytest.mark.parametrize("size", VIEWPORTS)
def test_page_shows_text_outline_and_tables(corpus_tables, pages, browser, tmp_path, size):
    width, height = VIEWPORTS[size]
    doc_id = pd.read_parquet(corpus_tables / "documents.parquet").query("city == '洪湖市'").doc_id.iloc[0]
    page = browser.new_page(viewport={"width": width, "height": height})
    page.goto((pages / f"{doc_id}.html").as_uri())
    assert page.locator("#doc-text").is_visible()
    assert page.locator("#outline a").first.is_visible()
    assert page.locator("mark.f-unit").first.is_visible()
    # nothing wider than the screen: the page is readable without sideways scrolling
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.screenshot(path=str(tmp_path / f"review-{size}.png"))
    assert (tmp_path / f"review-{size}.png").stat().st_size > 10_000
    page.close()


def test_outline_link_jumps_and_panel_shows_values(corpus_tables, pages, browser, tmp_path):
    docs = pd.read_parquet(corpus_tables / "documents.parquet")
    doc_id = docs.query("city == '洪湖市'").doc_id.iloc[0]
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto((pages / f"{doc_id}.html").as_uri())
    last = page.locator("#outline a").last
    target_id = last.get_attribute("href")[1:]
    last.click()
    box = page.locator(f"#{target_id}").bounding_box()
    assert -1 <= box["y"] < 844
    mark = page.locator("mark.f-target").first
    mark.scroll_into_view_if_needed()
    mark.click()
    panel = page.locator("#panel")
    assert panel.is_visible()
    targets = pd.read_parquet(corpus_tables / "targets.parquet").query("doc_id == @doc_id")
    first = targets.sort_values(["char_start", "char_end"]).iloc[0]
    assert first.rule_id in panel.inner_text()
    assert first.indicator in panel.inner_text()
    page.screenshot(path=str(tmp_path / "review-panel-phone.png"))
    page.close()


def test_page_makes_no_network_request(corpus_tables, pages, browser):
    page = browser.new_page()
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto((pages / "index.html").as_uri())
    page.locator("a").first.click()
    page.wait_for_load_state()
    assert all(url.startswith("file://") for url in requests)
    page.close()


def test_plan_with_no_facts_still_gets_a_page(tmp_path, browser):
    src = tmp_path / "note.txt"
    src.write_text("关于做好冬季供暖的说明\n\n请各单位注意做好冬季供暖保障。\n", encoding="utf-8")
    assert main(["run", str(src), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    assert main(["review", str(tmp_path / "out"), "-o", str(tmp_path / "pages")]) == 0
    (page_file,) = [p for p in (tmp_path / "pages").glob("*.html") if p.name != "index.html"]
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(page_file.as_uri())
    assert "冬季供暖保障" in page.locator("#doc-text").inner_text()
    assert page.locator("mark.f").count() == 0
    assert page.locator("td.empty").count() == len(review.KINDS)
    page.close()


def test_review_of_unknown_plan_names_the_plans_there(corpus_tables, tmp_path, capsys):
    assert main(["review", str(corpus_tables), "--doc", "nope", "-o", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "no plan nope" in err and "c2844e59d430d861-2" in err


class _Collect:
    """Rebuild each fact's text and nesting from rendered HTML, without a browser."""

    def __init__(self, markup):
        from html.parser import HTMLParser
        self.text, self.facts, self.anchors, stack = "", {}, Counter(), []
        outer = self

        class P(HTMLParser):
            def handle_starttag(self, tag, attrs):
                a = dict(attrs)
                stack.append(a["data-fact"])
                outer.facts.setdefault(a["data-fact"], "")
                outer.anchors[a["data-fact"]] += "id" in a

            def handle_endtag(self, tag):
                stack.pop()

            def handle_data(self, data):
                outer.text += data
                for fact in set(stack):
                    outer.facts[fact] += data

        P(convert_charrefs=True).feed(markup)


@pytest.mark.parametrize("spans", [
    [(0, 10), (2, 4)],                 # a date inside a target: nested
    [(0, 5), (3, 8)],                  # crossing: the second is split at 5
    [(0, 5), (3, 8), (1, 2), (4, 9)],  # crossing inside crossing
    [(2, 6), (2, 6)],                  # the same span twice
    [(0, 3), (3, 6)],                  # touching, not overlapping
], ids=["nested", "crossing", "tangle", "twins", "touching"])
def test_overlapping_facts_nest_or_split(spans):
    from extract.tools.highlight import Mark, render
    text = "洪湖市<新堤>办事处&市建设局"
    marks = [Mark(f"m{i}", s, e, "x") for i, (s, e) in enumerate(spans)]
    seen = _Collect(render(text, marks))
    assert seen.text == text
    assert {k: v for k, v in seen.facts.items()} == {f"m{i}": text[s:e] for i, (s, e) in enumerate(spans)}
    assert all(n == 1 for n in seen.anchors.values())
