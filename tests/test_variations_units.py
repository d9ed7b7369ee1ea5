"""Variation tests: one invented plan written many ways must give the same
responsible units and people.

Each test writes a base plan under meaning-preserving variations (a label's
wording, its colon, the bracket, the separators of a list, the sentence form,
the table layout, a roster's spacing) and checks that every variant gives the
facts the base states. All the plans of this module run through the pipeline
once (``variant_tables``), as files, so that cleaning and ingest are part of it.
"""
from collections import Counter

import pytest

from tests.conftest import facts_of_plans

PLACE = "浏阳市"
TASKS = ["推进城乡供水一体化，新建供水管网30公里", "实施老旧小区改造，年内完成改造项目12个",
         "加强食品安全抽检，全年抽检3000批次以上", "建设智慧停车平台，新增停车泊位800个"]
LEADS = [["市住房和城乡建设局"], ["市发展和改革局", "市财政局"], ["市市场监督管理局"], ["市城市管理局"]]
ASSISTS = [["市水利局", "市自然资源局"], ["市融媒体中心"], ["市公安局交警大队", "市教育局"],
           ["国网浏阳市供电公司", "市直机关工委"]]

LEAD, RESP, ASSIST = "lead", "responsible", "assist"

# bodies of other shapes in the same places: a town's or street's government,
# a branch of a national body, a school, a company, a people's organisation
OTHER_LEADS = [["大瑶镇人民政府"], ["人行浏阳市支行", "市总工会"], ["浏阳市第一中学"], ["浏阳经开区管委会"]]
OTHER_ASSISTS = [["集里街道办事处", "市城市建设投资集团"], ["市科协", "团市委"],
                 ["国网浏阳市供电公司", "中国移动浏阳分公司"], ["市疾病预防控制中心", "市农业综合执法大队"]]
OTHER_BODY_FORMS = ["paren_labels", "label_lines", "sentence_lead", "sentence_by", "paren_clause", "label_space"]

# sentence and bracket forms: template over task T, lead list L, assist list A;
# the role the L and the A units take
FORMS = {
    "paren_labels": ("{T}。（牵头单位：{L}；配合单位：{A}）", LEAD, ASSIST),
    "paren_labels_comma": ("{T}。（牵头单位：{L}，配合单位：{A}）", LEAD, ASSIST),
    "paren_ascii": ("{T}。(牵头单位:{L};配合单位:{A})", LEAD, ASSIST),
    "look_alike_colons": ("{T}。（牵头单位∶{L}；配合单位﹕{A}）", LEAD, ASSIST),
    "role_in_brackets": ("{T}。\n责任单位(牵头)：{L}；责任单位(配合)：{A}", LEAD, ASSIST),
    "body_word_in_brackets": ("{T}。（牵头单位（部门）：{L}；配合单位（部门）：{A}）", LEAD, ASSIST),
    "lenticular": ("{T}。【牵头单位】{L}【配合单位】{A}", LEAD, ASSIST),
    "tortoise": ("{T}。〔牵头部门：{L}；协办单位：{A}〕", LEAD, ASSIST),
    "square": ("{T}。[主责单位：{L}；协同单位：{A}]", LEAD, ASSIST),
    "square_full_width": ("{T}。［{L}牵头，{A}配合］", LEAD, ASSIST),
    "white_lenticular": ("{T}。〖牵头单位：{L}；配合单位：{A}〗", LEAD, ASSIST),
    "label_lines": ("{T}。\n牵头单位：{L}\n配合单位：{A}", LEAD, ASSIST),
    "label_space": ("{T}。（牵头单位 {L}，配合单位 {A}）", LEAD, ASSIST),
    "label_glued": ("{T}。\n主办单位{L}，协办单位{A}。", LEAD, ASSIST),
    "short_labels": ("{T}。（牵头：{L}；配合：{A}）", LEAD, ASSIST),
    "deadline_first": ("{T}。（2025年底前完成，牵头督办单位：{L}，配合部门：{A}）", LEAD, ASSIST),
    "label_then_verb": ("{T}。（牵头单位：{L}；{A}配合）", LEAD, ASSIST),
    "label_comma_verb": ("{T}。（责任单位：{L}，{A}配合）", RESP, ASSIST),
    "paren_clause": ("{T}。（{L}牵头，{A}配合）", LEAD, ASSIST),
    "sentence_lead": ("{T}。{L}牵头，{A}配合。", LEAD, ASSIST),
    "sentence_by": ("{T}。由{L}负责，{A}配合。", RESP, ASSIST),
    "sentence_join": ("{T}。{L}负责牵头，{A}参与。", LEAD, ASSIST),
    "sentence_by_dun": ("{T}。由{L}牵头、{A}配合。", LEAD, ASSIST),
    "sentence_dun": ("{T}。{L}负责、{A}协助。", RESP, ASSIST),
    "opener_then_duty": ("{L}要{T}，并负责做好协调工作，{A}配合。", RESP, ASSIST),
    "trailing_duty": ("{T}。（实施单位：{L}；参与单位：{A}按职责分工负责）", RESP, ASSIST),
    "trailing_etc": ("{T}。（牵头单位：{L}；配合单位：{A}等部门）", LEAD, ASSIST),
    "designated_for_the_work": ("{T}。{L}为该项工作的牵头单位，{A}为配合单位。", LEAD, ASSIST),
}
# separators between the units of one list
SEPARATORS = {"dun": "、", "comma": "，", "ascii_comma": ",", "slash": "/", "semicolon": "；"}
# the forms in which a list may be parted by each separator (a comma between
# the subjects of a sentence reads as a clause break, so only labels take it)
LABEL_LISTS = ["paren_labels", "label_lines", "lenticular", "tortoise"]


def _task_plan(items: list) -> str:
    lines = [f"{PLACE}2025年重点工作任务分解方案", "", "一、重点任务"]
    numbers = "一二三四五六七八九十"
    lines += [f"（{numbers[k]}）{item}" for k, item in enumerate(items)]
    lines += ["", "二、保障措施", "各有关单位要高度重视，确保各项任务按期完成。"]
    return "\n".join(lines) + "\n"


def form_plan(form: str, sep: str = "、", leads=LEADS, assists=ASSISTS) -> tuple:
    template, lead_role, assist_role = FORMS[form]
    items, expected = [], Counter()
    for task, lead, assist in zip(TASKS, leads, assists):
        items.append(template.format(T=task, L=sep.join(lead), A=sep.join(assist)))
        expected.update((u, lead_role) for u in lead)
        expected.update((u, assist_role) for u in assist)
    return _task_plan(items), expected


# --- tables in every layout --------------------------------------------------

HEADER = ["序号", "工作任务", "牵头单位", "配合单位", "责任领导", "完成时限"]
LEADERS = ["王立新", "欧阳晓峰", "覃思远", "李春华"]


def _rows():
    return [[str(k + 1), task + "。", "、".join(lead), "、".join(assist), who, f"2025年{k + 6}月底前"]
            for k, (task, lead, assist, who) in enumerate(zip(TASKS, LEADS, ASSISTS, LEADERS))]


def table_plan(layout: str) -> str:
    rows = [HEADER] + _rows()
    if layout == "html":
        cells = "\n".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
        return (f"<html><body><h1>{PLACE}2025年重点工作任务分解表</h1><p>现将任务分解如下。</p>"
                f"<table>\n{cells}\n</table><p>各有关单位要抓好落实。</p></body></html>\n")
    if layout == "one_cell_per_line":
        body = "\n".join(cell for row in rows for cell in row)
    elif layout == "pipe":
        lines = ["| " + " | ".join(row) + " |" for row in rows]
        body = "\n".join(lines[:1] + ["|" + "---|" * len(HEADER)] + lines[1:])
    elif layout == "box_bars":
        body = "\n".join("│" + "│".join(row) + "│" for row in rows)
    elif layout == "box_frame":
        # drawn in full: a frame above, a rule between rows, heavy bars on the outside
        rule = lambda left, mid, right: left + mid.join("──" for _ in HEADER) + right    # noqa: E731
        lines = ["┃" + "│".join(row) + "┃" for row in rows]
        body = "\n".join([rule("┏", "┬", "┓")] + [x for line in lines for x in (line, rule("├", "┼", "┤"))][:-1]
                         + [rule("┗", "┴", "┛")])
    else:
        gap = {"tab": "\t", "two_spaces": "  ", "one_space": " "}[layout]
        body = "\n".join(gap.join(row) for row in rows)
    # the paragraph after the table: a text file of long unpunctuated rows is no wrapped PDF text
    return (f"{PLACE}2025年重点工作任务分解表\n\n为推动各项重点工作落实落细，现将任务分解如下。\n\n"
            f"{body}\n\n各有关单位要按照分工抓好落实。\n")


def sectioned_html_plan() -> tuple:
    """The task table as HTML, its leader column last, with a section row
    spanning the columns before its last row, and the first row's leader
    merged over the second row (named once)."""
    rows = [r[:4] + [r[5], r[4]] for r in _rows()]           # 完成时限 before 责任领导
    header = HEADER[:4] + [HEADER[5], HEADER[4]]
    cell = lambda c: f"<td>{c}</td>"                          # noqa: E731
    lines = ["<tr>" + "".join(map(cell, header)) + "</tr>",
             "<tr>" + "".join(map(cell, rows[0][:5])) + f'<td rowspan="2">{rows[0][5]}</td></tr>',
             "<tr>" + "".join(map(cell, rows[1][:5])) + "</tr>",
             "<tr>" + "".join(map(cell, rows[2])) + "</tr>",
             f'<tr><td colspan="{len(header)}">二、城市管理</td></tr>',
             "<tr>" + "".join(map(cell, rows[3])) + "</tr>"]
    body = "\n".join(lines)
    text = (f"<html><body><h1>{PLACE}2025年重点工作任务分解表</h1><table>\n{body}\n</table>"
            "<p>各有关单位要抓好落实。</p></body></html>\n")
    units, people = table_expected()
    people[(LEADERS[1], "责任领导")] -= 1
    people[(LEADERS[0], "责任领导")] += 1      # the merged leader answers for the row below too
    return text, units, +people


def empty_cell_plan(layout: str, placeholder: str) -> tuple:
    """The task table with no assisting unit in its second row, that cell
    left blank or holding a placeholder."""
    text = table_plan(layout).replace("、".join(ASSISTS[1]), placeholder, 1)
    units, people = table_expected()
    for u in ASSISTS[1]:
        units[(u, ASSIST)] -= 1
    return text, +units, people


def table_expected() -> tuple:
    units = Counter()
    for lead, assist in zip(LEADS, ASSISTS):
        units.update((u, LEAD) for u in lead)
        units.update((u, ASSIST) for u in assist)
    return units, Counter((who, "责任领导") for who in LEADERS)


TABLE_LAYOUTS = ["tab", "two_spaces", "one_space", "pipe", "box_bars", "box_frame", "one_cell_per_line", "html"]
# (layout, what an empty cell holds)
EMPTY_CELLS = [("one_cell_per_line", "／"), ("one_cell_per_line", "—"), ("one_cell_per_line", "无"),
               ("two_spaces", " "), ("tab", ""), ("tab", "／"), ("html", "")]

# one column for the lead unit and the person who answers for it
COMBINED_HEADER = ["序号", "工作任务", "牵头单位及责任人", "配合单位", "完成时限"]
COMBINED_CELLS = {"bracket": "{u}（{n}）", "blank": "{u} {n}"}


def combined_plan(cell: str) -> tuple:
    rows = [COMBINED_HEADER]
    units, people = Counter(), Counter()
    for k, (task, lead, assist, who) in enumerate(zip(TASKS, LEADS, ASSISTS, LEADERS)):
        rows.append([str(k + 1), task + "。", COMBINED_CELLS[cell].format(u=lead[0], n=who),
                     "、".join(assist), "2025年底前"])
        units.update([(lead[0], LEAD)] + [(u, ASSIST) for u in assist])
        people[(who, "责任人")] += 1
    body = "\n".join("\t".join(row) for row in rows)
    return f"{PLACE}2025年重点工作任务分解表\n\n{body}\n", units, people

# a table flattened one cell a line, as a city's share of a higher plan is
# laid out: a note in brackets after the task header, a section row naming
# the leader in charge of the rows under it, and under each row's unit cell
# the higher level's lead unit on a labelled line of its own
FLAT_DETAILS = ("header_note", "leader_sections", "note_lines")
HIGHER_LEADS = ["省水利厅", "省发展改革委", "省市场监管局", "省住房城乡建设厅"]
SECTION_LEADERS = ["王立新", "欧阳晓峰"]


def flat_noted_plan(details: tuple) -> tuple:
    task_header = "重点工作任务（浏阳市4项配合工作）" if "header_note" in details else "重点工作任务"
    lines, units, people = ["序号", task_header, "责任单位"], Counter(), Counter()
    for k, (task, lead, assist) in enumerate(zip(TASKS, LEADS, ASSISTS)):
        if "leader_sections" in details and k % 2 == 0:
            lines.append(f"（{'一二'[k // 2]}）{SECTION_LEADERS[k // 2]}副市长牵头重点工作")
            people[(SECTION_LEADERS[k // 2], "副市长")] += 1
        lines += [str(k + 1), task + "。", "、".join(lead + assist)]
        units.update((u, RESP) for u in lead + assist)
        if "note_lines" in details:
            lines.append(f"省牵头单位：{HIGHER_LEADS[k]}")
            units[(HIGHER_LEADS[k], LEAD)] += 1
    body = "\n\n".join(lines)
    return (f"{PLACE}落实省重点工作任务责任分解\n\n一、重点工作涉浏任务责任分解\n\n{body}\n\n"
            "二、工作要求\n\n各有关单位要按照分工抓好落实。\n"), units, people


# --- leading-group rosters -----------------------------------------------------

ROSTER_NAMES = {
    "three_chars": ["王立新", "李春华", "孙国庆", "赵文斌", "钱晓燕"],
    "two_chars": ["王芳", "李军", "孙丽", "赵刚", "钱勇"],
    "compound_surnames": ["欧阳晓峰", "司马南", "上官文静", "诸葛明远", "皇甫海"],
    "rarer_surnames": ["覃思远", "邝立新", "隋海涛", "阙文", "禤志强"],
}
POSTS = ["市长", "副市长", "市发展和改革局局长", "市财政局局长", "市教育局局长"]
ROSTER_LABELS = {"plain": ("组长：", "副组长：", "成员："), "padded": ("组　长：", "副组长：", "成　员："),
                 "spaced_ascii": ("组  长:", "副组长:", "成  员:")}
MEMBER_FORMS = {
    "name_bracket": "{n}（{p}）",
    "name_blank_post": "{n}　{p}",
    "post_name": "{p}{n}",
    "post_blank_name": "{p} {n}",
    "name_comrade": "{n}同志（{p}）",
}
MEMBER_SEPARATORS = {"dun": "、", "comma": "，", "wide_gap": "  ", "lines": "\n"}


def roster_plan(who: list, labels: str, form: str, sep: str) -> tuple:
    lead, deputy, member = ROSTER_LABELS[labels]
    write = MEMBER_FORMS[form].format
    members = MEMBER_SEPARATORS[sep].join(write(n=n, p=p) for n, p in zip(who[2:], POSTS[2:]))
    text = (f"{PLACE}人民政府办公室关于成立城乡供水一体化工作领导小组的通知\n\n"
            "为加快推进城乡供水一体化，决定成立工作领导小组，组成人员如下：\n\n"
            f"{lead}{write(n=who[0], p=POSTS[0])}\n{deputy}{write(n=who[1], p=POSTS[1])}\n"
            f"{member}{members}\n\n各成员单位要密切配合，形成工作合力。\n")
    expected = Counter({(who[0], "组长"): 1, (who[1], "副组长"): 1})
    expected.update((n, "成员") for n in who[2:])
    return text, expected


# --- what no variation may turn into a unit ---------------------------------------

NO_UNITS = {
    # headings that set a body up, numbered one after the other like a duty list
    "setting_up_headings": "（一）成立领导小组。由市长任组长。\n（二）组建工作专班。抽调骨干集中办公。\n"
                           "（三）建立联席会。每季度召开一次会议。",
    # a government that sets up the plan's leading or working group does no task of it
    "sets_up_a_group": "市政府成立城乡供水一体化工作专班，每月召开一次调度会。市人民政府决定组建项目建设指挥部，"
                       "统筹协调重大事项。",
    # the area of a level before a word that ends like a body (住院, 中心)
    "level_areas": "到2025年，市域内住院率稳定在90%左右，县域医疗次中心覆盖所有乡镇。",
    # a label with no colon before words that name no body
    "labels_in_prose": "牵头单位要定期会商，责任单位对照清单逐项整改，配合部门统筹推进全市工作。",
    # the town where a project lies, and ordinary words that end like a place
    "reference_words": "项目所在镇人民政府负责做好征地拆迁。中心城区要全部完成办理。",
}
# a class of bodies among the names of a label list stays out of it
WITH_CLASSES = ("（牵头单位：市发展和改革局，配合单位：市委组织部，各区、县级市）",
                Counter({("市发展和改革局", LEAD): 1, ("市委组织部", ASSIST): 1}))


# a table flattened to one line a row, one space between its cells, the role
# columns last: a page may break a cell with a space (加强水资源保 护) and
# write its serial number bare, with one blank or two
TAIL_HEADER = "序号 类别 工作任务 牵头单位 配合单位 责任单位"
TAIL_KINDS = ["城乡供 水", "老旧 小区", "食品 安全", "智慧 交通"]


def tail_cells_plan(gap: str) -> tuple:
    lines, expected = [TAIL_HEADER], Counter()
    for k, (kind, task, lead, assist) in enumerate(zip(TAIL_KINDS, TASKS, LEADS, ASSISTS)):
        lines.append(f"{k + 1}{gap}{kind} {task}。 {'、'.join(lead)} {'、'.join(assist)} 各乡镇人民政府")
        expected.update((u, LEAD) for u in lead)
        expected.update((u, ASSIST) for u in assist)
    text = (f"{PLACE}2025年重点工作任务分解表\n\n为推动各项重点工作落实落细，现将任务分解如下。\n\n"
            + "\n".join(lines) + "\n\n各有关单位要按照分工抓好落实。\n")
    return text, expected, Counter()


# a notice with no outline: its sentences direct the units by a modal, in any
# of its spellings; the addressees and a class of bodies name no one
DIRECTIVE_MODALS = ["要", "应", "应当", "须", "必须"]


def directive_plan(modal: str) -> tuple:
    text = (f"{PLACE}人民政府办公室关于做好汛期安全工作的通知\n\n各镇人民政府、街道办事处，市直各单位：\n\n"
            f"为做好今年汛期安全工作，现将有关事项通知如下。市水利局{modal}加强水库巡查，每日报告一次水情。"
            f"市应急管理局、市气象局{modal}做好预警信息发布。各镇（街道）要落实属地责任。市政府要求各单位按时报送值班表。\n\n"
            f"{PLACE}人民政府办公室\n2025年5月6日\n")
    return text, Counter({("市水利局", RESP): 1, ("市应急管理局", RESP): 1, ("市气象局", RESP): 1}), Counter()


# --- running every plan once ---------------------------------------------------

def _plans() -> dict:
    plans = {}
    for form in FORMS:
        plans[f"form-{form}"] = form_plan(form) + (Counter(),)
    for form in OTHER_BODY_FORMS:
        for name, sep in (("dun", "、"), ("blank", " ")):
            plans[f"bodies-{form}-{name}"] = form_plan(form, sep, OTHER_LEADS, OTHER_ASSISTS) + (Counter(),)
    for form in LABEL_LISTS:
        for name, sep in list(SEPARATORS.items())[1:]:      # the first is the forms' own
            plans[f"sep-{form}-{name}"] = form_plan(form, sep) + (Counter(),)
    units, people = table_expected()
    for layout in TABLE_LAYOUTS:
        plans[f"table-{layout}"] = (table_plan(layout), units, people)
    for layout, placeholder in EMPTY_CELLS:
        plans[f"empty-{layout}-{EMPTY_CELLS.index((layout, placeholder))}"] = empty_cell_plan(layout, placeholder)
    plans["table-sectioned_html"] = sectioned_html_plan()
    # names written with a dot between their parts (invented)
    dotted = ["买买提·艾力", "阿不都·热合曼", "吐尔逊·托合提", "热依拉·买买提", "艾力·阿不都"]
    for form, sep in (("name_bracket", "dun"), ("name_blank_post", "lines")):
        text, people = roster_plan(dotted, "padded", form, sep)
        plans[f"dotted-{form}"] = (text, Counter(), people)
    # a long roster, each label alone on its line and one member a line below:
    # a text of short lines unpunctuated at their ends is no wrapped PDF page
    posts = ["市财政局局长", "市教育局局长", "市民政局局长", "市商务局局长", "市审计局局长"] * 2
    members = list(zip(ROSTER_NAMES["three_chars"] + ROSTER_NAMES["rarer_surnames"], posts))
    lines = ["组长：", f"{members[0][0]}　{members[0][1]}", "副组长："]
    lines += [f"{n}　{p}" for n, p in members[1:3]] + ["成员："] + [f"{n}　{p}" for n, p in members[3:]]
    plans["roster_one_a_line"] = (
        f"{PLACE}人民政府办公室关于调整领导小组成员的通知\n\n" + "\n".join(lines) + "\n",
        Counter(), Counter([(members[0][0], "组长")] + [(n, "副组长") for n, _ in members[1:3]]
                           + [(n, "成员") for n, _ in members[3:]]))
    for cell in COMBINED_CELLS:
        plans[f"combined-{cell}"] = combined_plan(cell)
    for detail in FLAT_DETAILS + ("all",):
        plans[f"flat_noted-{detail}"] = flat_noted_plan(FLAT_DETAILS if detail == "all" else (detail,))
    plans["item_markers"] = (_task_plan([TASKS[0] + "。责任单位：市水利局（牵头），市财政局（配合）、市教育局（协办）"]),
                             Counter({("市水利局", LEAD): 1, ("市财政局", ASSIST): 1, ("市教育局", ASSIST): 1}),
                             Counter())
    plans["marker_unparted"] = (_task_plan([TASKS[0] + "。责任单位：市水利局（牵头）市财政局"]),
                                Counter({("市水利局", LEAD): 1, ("市财政局", RESP): 1}), Counter())
    # beside a 牵头 label, 主办 and 主责 name the units that do the work
    for stem in ("主办", "主责"):
        plans[f"beside_lead-{stem}"] = (
            _task_plan([TASKS[0] + f"。（牵头领导：李春华；牵头单位：市农业农村局；{stem}单位：市水利局、市财政局）"]),
            Counter({("市农业农村局", LEAD): 1, ("市水利局", RESP): 1, ("市财政局", RESP): 1}),
            Counter({("李春华", "牵头领导"): 1}))
    for names in ROSTER_NAMES:
        for labels in ROSTER_LABELS:
            for form in MEMBER_FORMS:
                for sep in MEMBER_SEPARATORS:
                    text, people = roster_plan(ROSTER_NAMES[names], labels, form, sep)
                    plans[f"roster-{names}-{labels}-{form}-{sep}"] = (text, Counter(), people)
    for name, sentence in NO_UNITS.items():
        plans[f"none-{name}"] = (_task_plan([TASKS[0] + "。" + sentence]), Counter(), Counter())
    # a label naming the unit that supplies the figures, after the others
    for sep, label in ((",", "数据提供单位:"), ("；", "资料提供部门：")):
        plans[f"data_label-{label[:2]}"] = (
            _task_plan([TASKS[1] + f"。（牵头单位：市住房和城乡建设局{sep}责任单位：市水利局、市财政局{sep}{label}市统计局）"]),
            Counter({("市住房和城乡建设局", LEAD): 1, ("市水利局", RESP): 1, ("市财政局", RESP): 1,
                     ("市统计局", "data_provider"): 1}), Counter())
    for name, gap in (("one_blank", " "), ("two_blanks", "  ")):
        plans[f"tail_cells-{name}"] = tail_cells_plan(gap)
    # a bare body joined to the body before it is that place's body; one joined to a class is a class
    joined = "各镇（街道）党委和人民政府，浏阳经开区、浏阳高新区党工委和管委会"
    for form, template in (("paren", "。（责任单位：{J}）"), ("line", "。\n责任单位：{J}\n")):
        plans[f"joined_bodies-{form}"] = (
            _task_plan([TASKS[2] + template.format(J=joined)]),
            Counter({("浏阳经开区管委会", RESP): 1, ("浏阳高新区党工委", RESP): 1, ("浏阳高新区管委会", RESP): 1}),
            Counter())
    for k, modal in enumerate(DIRECTIVE_MODALS):
        plans[f"directive-{k}"] = directive_plan(modal)
    plans["classes"] = (_task_plan([TASKS[0] + "。" + WITH_CLASSES[0]]), WITH_CLASSES[1], Counter())
    return plans


PLANS = _plans()


@pytest.fixture(scope="module")
def variant_tables(tmp_path_factory):
    return facts_of_plans(tmp_path_factory.mktemp("variants"), PLANS)


def _check(variant_tables, name: str, people_too: bool = True):
    _, units, people = PLANS[name]
    got_units, got_people = variant_tables[name]
    assert got_units == units, f"{name}: missing {units - got_units}, extra {got_units - units}"
    if people_too:
        assert got_people == people, f"{name}: missing {people - got_people}, extra {got_people - people}"


@pytest.mark.parametrize("form", list(FORMS))
def test_every_form_of_stating_roles_gives_the_same_units(variant_tables, form):
    _check(variant_tables, f"form-{form}")


@pytest.mark.parametrize("form", LABEL_LISTS)
@pytest.mark.parametrize("sep", list(SEPARATORS)[1:])
def test_a_label_list_gives_the_same_units_whatever_its_separator(variant_tables, form, sep):
    _check(variant_tables, f"sep-{form}-{sep}")


@pytest.mark.parametrize("form", OTHER_BODY_FORMS)
@pytest.mark.parametrize("sep", ["dun", "blank"])
def test_bodies_of_other_shapes_read_as_the_common_ones(variant_tables, form, sep):
    _check(variant_tables, f"bodies-{form}-{sep}")


@pytest.mark.parametrize("layout", TABLE_LAYOUTS)
def test_a_task_table_gives_the_same_units_and_leaders_in_every_layout(variant_tables, layout):
    _check(variant_tables, f"table-{layout}")


# the plans that state one detail each, and what the detail is
DETAILS = {
    "table-sectioned_html": "a section row and a merged cell keep an HTML table whole",
    "combined-bracket": "a column of units with their people in brackets gives both",
    "combined-blank": "a column of units with their people after a blank gives both",
    "item_markers": "a role written on each item of a list",
    "marker_unparted": "a role marker closes its item",
    "beside_lead-主办": "beside a lead label, 主办 names the responsible units",
    "beside_lead-主责": "beside a lead label, 主责 names the responsible units",
    "classes": "a class of bodies in a label list is no unit",
    "joined_bodies-paren": "a bare body joined to the body before it names that place's body",
    "joined_bodies-line": "the same on a label line of its own",
    "tail_cells-one_blank": "a flattened table's role columns last, its task cells broken by a space",
    "tail_cells-two_blanks": "the same, its serial numbers followed by two blanks",
    "data_label-数据": "a label after the others names the unit that supplies the data",
    "data_label-资料": "a label after the others names the unit that supplies the data (its other spelling)",
    "roster_one_a_line": "a long roster of short lines, one member a line",
    "dotted-name_bracket": "names with a dot between their parts, posts in brackets",
    "dotted-name_blank_post": "names with a dot between their parts, one member a line",
}
DETAILS.update({f"empty-{layout}-{k}": f"an empty cell ({layout}, {placeholder or 'blank'}) keeps the others"
                for k, (layout, placeholder) in enumerate(EMPTY_CELLS)})
DETAILS.update({f"none-{name}": f"no units in {name}" for name in NO_UNITS})


DETAILS.update({f"directive-{k}": f"a notice without outline directs its units by {modal}"
                for k, modal in enumerate(DIRECTIVE_MODALS)})


@pytest.mark.parametrize("name", list(DETAILS))
def test_each_detail_gives_what_it_states(variant_tables, name):
    _check(variant_tables, name)


@pytest.mark.parametrize("names", list(ROSTER_NAMES))
@pytest.mark.parametrize("labels", list(ROSTER_LABELS))
@pytest.mark.parametrize("form", list(MEMBER_FORMS))
@pytest.mark.parametrize("sep", list(MEMBER_SEPARATORS))
def test_a_roster_gives_the_same_people_in_every_spelling(variant_tables, names, labels, form, sep):
    _check(variant_tables, f"roster-{names}-{labels}-{form}-{sep}")


@pytest.mark.parametrize("detail", FLAT_DETAILS + ("all",))
def test_a_flattened_table_keeps_its_units_beside_notes_and_leader_rows(variant_tables, detail):
    _check(variant_tables, f"flat_noted-{detail}")
