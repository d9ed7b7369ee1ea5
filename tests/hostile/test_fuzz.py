"""Generated plan-like text through the whole pipeline: never raises, offsets hold, spans nest."""
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from extract import pipeline
from extract.prepare import clean, split
from tests.conftest import make_source

LABELS = ["一、", "二、", "十一、", "（一）", "(二)", "1.", "2、", "12．", "（3）", "(4)", "①", "②",
          "第一章", "第二条", "第一阶段", "第三篇：", "附件1", ""]
PIECES = ["工作目标", "重点任务", "市财政局牵头", "各县（市、区）人民政府负责", "到2025年", "2024年底前",
          "3月份", "7月中下旬", "达到95%以上", "不低于30个", "“十四五”", "《实施方案》", "（", "）",
          "【", "】", "。", "；", "，", "、", "：", "——", "…", " ", "\t", "110", "6287万亩", "责任单位：",
          "完成时限：", "荆州市", "湖北省", "协调人：李明", "a", "\u3000", "\x0c"]
STARTS = ["", "", "", "。", "；", "，", "、", "：", "）", "》", "”", " "]

line = st.builds(lambda start, label, body: start + label + "".join(body),
                 st.sampled_from(STARTS), st.sampled_from(LABELS),
                 st.lists(st.sampled_from(PIECES), max_size=12))
plan_text = st.builds(lambda title, lines: title + "\n" + "\n".join(lines),
                      st.sampled_from(["荆州市推进老旧小区改造工作方案", "", "关于印发工作方案的通知"]),
                      st.lists(line, min_size=1, max_size=25))

ROW_TABLES = ("nodes", "responsibilities", "people", "targets", "dates", "phases")


def check(text: str) -> None:
    for plan in split.split(clean.clean(make_source(text))):
        extraction = pipeline.extract_plan(plan)
        for name in ROW_TABLES:
            for row in getattr(extraction, name):
                assert 0 <= row.char_start <= row.char_end <= len(plan.text)
                assert plan.text[row.char_start:row.char_end] == row.text, (name, row)
        spans = {n.node_id: (n.char_start, n.char_end) for n in extraction.nodes}
        for node in extraction.nodes:
            if node.parent_id is not None:
                start, end = spans[node.parent_id]
                assert start <= node.char_start <= node.char_end <= end, node


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan_text)
@example("荆州市工作方案\n一、工作目标\n（一）到2025年达到95%以上\n1.市财政局牵头\n\x0c二、保障措施")
@example("\n）一、\n第一阶段（2024年3月至6月）\n①②")
# a lone row number, then a section line that opens with a blank: the section is read once
@example("荆州市推进老旧小区改造工作方案\n1.\n 一、\n。一、")
def test_pipeline_on_plan_like_text(text):
    check(text)


@pytest.mark.parametrize("text", ["。一、工作目标\n（一）到2012年\n", "；荆州市推进老旧小区改造工作方案\n一、工作目标\n"],
                         ids=["full_stop", "semicolon"])
def test_split_survives_leading_punctuation(text):
    (plan,) = split.split(clean.clean(make_source(text)))
    assert plan.text == text.strip()
