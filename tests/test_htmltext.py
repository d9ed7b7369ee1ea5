"""HTML to text: table-driven cases from tests/data/html_cases.yaml, plus robustness."""
from pathlib import Path

import pytest
import yaml

from extract.ingest.html import html_to_text

CASES = yaml.safe_load((Path(__file__).parent / "data" / "html_cases.yaml").read_text("utf-8"))


def _lines(expected):
    return [line.replace(" | ", "\t") for line in expected]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_html_case(case):
    text = html_to_text(case["html"])
    if "lines" in case:
        assert (text.split("\n") if text else []) == _lines(case["lines"])
    for wanted in case.get("contains", []):
        assert wanted in text
    for unwanted in case.get("absent", []):
        assert unwanted not in text


def test_no_leading_or_trailing_blank_lines_or_spaces():
    text = html_to_text("<body>\n  <p>  </p><p>\u3000\u3000一、工作目标\u3000</p>\n<p></p>\n</body>")
    assert text == "一、工作目标"


def test_deeply_nested_unclosed_tags_do_not_overflow():
    # old CMS pages leave <font> unclosed: thousands of nesting levels
    markup = "<body>" + "<font>" * 3000 + "<p>一、工作目标</p>" + "<div>（一）加强领导</div>" * 2 + "</body>"
    assert html_to_text(markup).split("\n") == ["一、工作目标", "（一）加强领导", "（一）加强领导"]


def test_fragment_without_body():
    assert html_to_text("一、工作目标<br>（一）加强组织领导") == "一、工作目标\n（一）加强组织领导"


def test_empty_string():
    assert html_to_text("") == ""
