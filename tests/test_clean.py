"""Clean stage: chrome and noise out, plan text kept."""
import pytest

from extract.prepare import clean
from tests.conftest import make_source

PAGE = """热门文章推荐
主页 > 政务公开 > 通知公告
2021-05-10 09:30 作者:某某网 来源:某某网 浏览: 我要评论 (条) 字号:
摘要:为做好创建工作，制定本方案。
某某县创建文明县城工作方案
一、工作目标
群众满意率达到90%以上(县文明办负责提供资料).创建文明县城工作方案
.创建文明县城工作方案由某某网编辑.
二、主要任务
党政一把手亲自抓.创建文明县城工作工作，把创建工作列入议事日程;建立健全.创建文明县城工作制度。
专栏:http://www.example.com/wm/
(责任编辑:某某)
顶一下
(2)
100%
◎最新评论
"""


@pytest.fixture(scope="module")
def cleaned():
    return clean.clean(make_source(PAGE)).text


@pytest.mark.parametrize("chrome", [
    "热门文章推荐", "主页 >", "作者:某某网", "摘要:", "http://", "责任编辑", "顶一下", "最新评论", "100%",
])
def test_page_chrome_is_dropped(cleaned, chrome):
    assert chrome not in cleaned


@pytest.mark.parametrize("kept", [
    "某某县创建文明县城工作方案", "一、工作目标", "群众满意率达到90%以上(县文明办负责提供资料)",
    "二、主要任务", "把创建工作列入议事日程",
])
def test_plan_text_is_kept(cleaned, kept):
    assert kept in cleaned


def test_watermarks_removed_even_when_glued(cleaned):
    assert "由某某网编辑" not in cleaned
    assert "提供资料).创建" not in cleaned
    assert "亲自抓工作，把创建工作" in cleaned
    assert "建立健全制度。" in cleaned


def test_spaces_and_line_ends_normalised():
    text = clean.clean(make_source("一、目标\r\n\u3000\u3000完成\xa0任务。\u200b\r\n")).text
    assert text == "一、目标\n  完成 任务。\n"


def test_ascii_period_in_numbering_is_not_a_watermark():
    text = "主要任务:l.加强干部学习;2.严格政务行为规范。"
    assert clean.clean(make_source(text)).text == text


def test_pdf_wrapped_lines_are_joined_but_items_kept():
    pdf = "一、工作目标\n到2025年，全市城市生活垃圾无害\n化处理率达到100%。\n（一）加强领导\n- 2 -\n"
    text = clean.clean(make_source(pdf, "plan.pdf", "pdf")).text
    assert "城市生活垃圾无害化处理率达到100%。" in text
    assert "\n（一）加强领导" in text
    assert "- 2 -" not in text


def test_pdf_line_opening_with_a_decimal_amount_continues_the_sentence():
    pdf = ("一、工作目标\n到2026年，全县完成高标准农田建设12.5万亩，比2023年减少\n"
           "3.6万亩撂荒地；耕地质量等级提高\n1.2个百分点。\n1.1 农田建设\n（一）加强领导\n")
    text = clean.clean(make_source(pdf, "plan.pdf", "pdf")).text
    assert "比2023年减少3.6万亩撂荒地" in text and "提高1.2个百分点" in text
    assert "\n1.1 农田建设\n（一）加强领导" in text


def test_pdf_long_paragraph_wrapped_over_three_lines_is_one_line():
    pdf = ("（二）发展目标\n到2025年，全省城市生活垃圾无害化处理率达到100%，城市\n"
           "污水处理率不低于95%，建成区绿化覆盖率达到42%，人均公园\n绿地面积达到15平方米。\n")
    text = clean.clean(make_source(pdf, "plan.pdf", "pdf")).text
    assert "城市污水处理率不低于95%" in text and "人均公园绿地面积达到15平方米。" in text
    assert text.startswith("（二）发展目标\n到2025年")


def test_text_saved_from_a_pdf_is_rejoined():
    wrapped = ("一、工作目标\n"
               + "到2025年，全县农村自来水普及率达到百分之九十八，规模化供水工\n"
               + "程覆盖农村人口比例达到百分之八十五以上，水质达标率持续提升，\n" * 6
               + "确保群众喝上放心水。\n（一）加强组织领导\n")
    text = clean.clean(make_source(wrapped)).text
    assert "规模化供水工程覆盖" in text
    assert "\n（一）加强组织领导" in text


def test_ordinary_text_file_keeps_its_lines():
    plain = "".join(f"{i}、推进第{i}项重点工作，确保按期完成任务目标并及时报送进展情况\n" for i in range(1, 13))
    assert clean.clean(make_source(plain)).text == plain


# --- bounded removal: a footer or chrome rule never takes the plan with it ----------------
SHORT_PLAN = "荆州市推进老旧小区改造工作方案\n一、工作目标\n到2025年完成改造300个。\n"


def test_a_real_footer_is_cut_without_a_note():
    cleaned = clean.clean(make_source(SHORT_PLAN * 3 + "顶一下\n踩一下\n网友评论 12 条\n"))
    assert cleaned.text.rstrip("\n") == (SHORT_PLAN * 3).rstrip("\n") and cleaned.notes == ()


def test_a_footer_marker_followed_by_the_plan_is_kept_with_a_note():
    text = SHORT_PLAN + "顶一下\n" + SHORT_PLAN * 400
    cleaned = clean.clean(make_source(text, "pages.txt"))
    assert cleaned.text == text
    assert [(n.source_path, n.warning) for n in cleaned.notes] == [("pages.txt", "FooterKept")]
    assert "footer_max_share" in cleaned.notes[0].message


def test_the_last_footer_marker_that_ends_the_file_is_the_cut():
    text = SHORT_PLAN + "顶一下\n" + SHORT_PLAN * 400 + "顶一下\n"
    assert clean.clean(make_source(text)).text == SHORT_PLAN + "顶一下\n" + SHORT_PLAN * 400


def test_a_long_line_is_never_chrome():
    line = "摘要：" + "为推进老旧小区改造，由市住房和城乡建设局牵头。" * 2000
    assert clean.clean(make_source(line)).text == line


def test_a_chrome_rule_matching_most_of_the_text_is_held_back():
    lines = [f"摘要：第{i}项工作由市财政局负责，年底前完成。" for i in range(400)]
    cleaned = clean.clean(make_source(SHORT_PLAN + "\n".join(lines), "abstracts.txt"))
    assert cleaned.text.count("摘要：") == 400
    assert [(n.warning, "summary" in n.message) for n in cleaned.notes] == [("ChromeKept", True)]


def test_usual_chrome_lines_still_go():
    cleaned = clean.clean(make_source("当前位置：首页 > 政务公开\n分享到：微信 微博\n" + SHORT_PLAN))
    assert cleaned.text.startswith("荆州市") and cleaned.notes == ()


@pytest.mark.parametrize("raw,kept", [
    ("一、工作\x1b[0m目标\x07", "一、工作[0m目标"),
    ("第一页\x0c二、保障措施", "第一页\n二、保障措施"),
    ("甲\x00乙\x7f丙\x85丁", "甲乙丙\n丁"),
    ("列一\t列二\n", "列一\t列二\n"),
])
def test_control_characters_are_removed(raw, kept):
    assert clean.normalise_spaces(raw) == kept


def _join_by_concatenation(text: str) -> str:
    """The plain reading of join_pdf_lines: each wrapped line appended to the last one."""
    from extract import rules
    from extract.prepare import clean as c
    cfg = rules.load("clean")
    lines = text.split("\n")
    lengths = sorted(len(line.strip()) for line in lines if line.strip())
    full = float(cfg["pdf_full_line_ratio"]) * (lengths[int(len(lengths) * 0.8)] if lengths else 0)
    out, physical = [lines[0]], lines[0]
    for line in lines[1:]:
        prev = out[-1].rstrip()
        if (not line.strip() or not prev or prev[-1] in cfg["pdf_line_enders"]
                or len(physical.strip()) < full or "\t" in line
                or any(r.regex.match(line) for r in c._rules("pdf_keep_break_before"))):
            out.append(line)
        else:
            out[-1] = prev + line.lstrip()
        physical = line
    return "\n".join(out)


def test_joined_pdf_lines_equal_joining_by_concatenation():
    import random
    from extract.prepare import clean as c
    rng = random.Random(7)
    pieces = ["推进农村公路建设和养护工作", "  ", "完善管理机制。", "（一）加强组织领导", "\u3000",
              "各乡镇要落实责任", " 　", "2025年底前完成", ""]
    for _ in range(40):
        lines = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 4))) for _ in range(30)]
        text = "\n".join(lines)
        assert c.join_pdf_lines(text) == _join_by_concatenation(text)


@pytest.mark.parametrize("text", ["", "a\u00a0b\u3000c\u2002d\u2003e", "\ufeff首行\u200b文字\r\n第二行\r",
                                  "\u3000\u3000（一）加强领导\u00a0\u00a0", "plain ascii text only"])
def test_space_map_applied_as_the_table_says(text):
    from extract import rules
    space_map = rules.load("clean")["space_map"]
    table = str.maketrans(space_map)
    for chars, value in clean._space_subs():
        assert not any(ch in value for ch in space_map)
    out = text
    for chars, value in clean._space_subs():
        out = chars.sub(value, out)
    assert out == text.translate(table)


def test_the_one_alternation_of_chrome_rules_finds_the_rule_each_example_names():
    from extract import rules
    from extract.prepare.clean import _chrome_rule
    rule_list = rules.pattern_rules("clean", "drop_line")
    for rule in rule_list:
        for line in rule.examples + rule.counter_examples:
            one_by_one = next((r.id for r in rule_list if r.regex.match(line)), None)
            assert _chrome_rule(line, 10_000) == one_by_one, line
        assert all(_chrome_rule(line, 10_000) for line in rule.examples)


def test_a_breadcrumb_laid_out_as_a_numbered_list_is_dropped():
    page = ("首页\n\n  1. 首页\n  2. 农业农村\n  3. 正文\n\n"
            "2025年度黔东南州春耕备耕工作方案\n一、工作目标\n1. 完成春播面积\n2. 做好农资供应\n")
    text = clean.clean(make_source(page)).text
    assert "农业农村" not in text and "正文" not in text and "首页" not in text
    assert "1. 完成春播面积" in text and "2. 做好农资供应" in text


def test_a_plan_list_whose_first_item_is_about_the_home_page_is_kept():
    page = "网站改版方案\n1. 首页\n2. 优化栏目导航,方便群众办事。\n3. 加强内容审核\n"
    assert clean.clean(make_source(page)).text == page


def test_the_chrome_gate_by_engine_turns_down_what_one_alternation_would():
    # the gate is two alternations (the rules re compiles, the rest for the
    # regex package); a line passes it exactly where one drop_line rule matches
    from extract import rules
    drop = clean._rules("drop_line")
    gates = clean._any_chrome()
    assert 1 <= len(gates) <= 2
    whole = rules.compile_pattern(rules.gated_alternation([r.pattern for r in drop], [None] * len(drop)),
                                  "drop_line")
    lines = [w for r in drop for w in list(r.examples) + list(r.counter_examples)]
    lines += ["", " ", "\t首页", "首页 > ", "营口市人民政府网站", "来源：县政府办 浏览次数：12",
              "一、总体要求", "县人民政府网站建设", "　　当前位置：首页＞通知", "分享到：微信"]
    lines += [a + b for a in lines[:12] for b in ("\u3000", "。", "x")]
    for line in lines:
        assert any(g.match(line) for g in gates) == bool(whole.match(line)), line
        assert (clean._chrome_rule(line, 10_000) is not None) == bool(whole.match(line)), line


def test_marks_of_lost_characters_become_blanks():
    text = "??附件1\n林长:苗立宇?县委书记\n2025年3月5日????\n是否达标?\n网址index.html?id=3\n"
    got = clean.normalise_spaces(text)
    assert got == "  附件1\n林长:苗立宇 县委书记\n2025年3月5日    \n是否达标?\n网址index.html?id=3\n"
    assert len(got) == len(text)
