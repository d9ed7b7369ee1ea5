"""Variation tests: the people of one invented plan written in the layouts real
plans use must come out the same way, with their roles as written.

Three families: the leader named per task item (a label, a post beside the
name, a clause of its own), a 责任人 column that holds a post and a name, and a
leading group's roster whose member list stands on one line. Every plan runs
through the pipeline once, as a file (``people_tables``).
"""
from collections import Counter

import pytest

from tests.conftest import facts_of_plans

PLACE = "醴陵市"
TASKS = ["推进城乡供水一体化，新建供水管网30公里", "实施老旧小区改造，年内完成改造项目12个",
         "加强食品安全抽检，全年抽检3000批次以上"]
UNITS = ["市水利局", "市住房和城乡建设局", "市市场监督管理局"]
NAMES = ["蒋文博", "欧阳立群", "覃海燕"]
LEAD, RESP = "lead", "responsible"

# --- a leader named per task item ----------------------------------------------
# template over task T, unit U, name N; the role the person takes (None: the
# post written with the name), and the role of the unit
ITEM_FORMS = {
    "label_colon": ("{T}。（牵头领导：{N}；牵头单位：{U}）", "牵头领导", LEAD),
    "label_lines": ("{T}。\n牵头领导：{N}\n牵头单位：{U}", "牵头领导", LEAD),
    "label_ascii": ("{T}。(牵头市领导:{N},责任单位:{U})", "牵头市领导", RESP),
    "post_in_brackets": ("{T}。（责任领导：{N}（副市长）；责任单位：{U}）", "责任领导", RESP),
    "post_after_name": ("{T}。（责任领导：{N}副市长，责任单位：{U}）", "责任领导", RESP),
    "post_before_name": ("{T}。（责任领导：副市长{N}；责任单位：{U}）", "责任领导", RESP),
    "duty_post": ("{T}。（责任秘书长：{N}，责任单位：{U}）", "责任秘书长", RESP),
    "charge_before_person": ("{T}。（包保责任人：{N}；责任单位：{U}）", "包保责任人", RESP),
    "supervising_person": ("{T}。\n监管责任人：{N}\n责任单位：{U}", "监管责任人", RESP),
    "by_leader_responsible": ("{T}。由{N}副市长负责，{U}牵头。", "副市长", LEAD),
    "by_post_leader_leads": ("{T}。由副市长{N}牵头，{U}负责。", "副市长", RESP),
    "comrade_leads": ("{T}。{N}同志牵头，{U}负责。", "牵头", RESP),
    "comrade_in_brackets": ("{T}。（{N}同志牵头，{U}负责）", "牵头", RESP),
    "person_label": ("{T}。（责任单位：{U}；责任人：{N}）", "责任人", RESP),
    "person_label_with_post": ("{T}。（责任单位：{U}；责任人：{U}局长{N}）", "责任人", RESP),
    "two_posts_in_brackets": ("{T}。（责任领导：{N}（市委常委、副市长）；责任单位：{U}）", "责任领导", RESP),
    "post_after_blank": ("{T}。（责任领导：{N} 副市长；责任单位：{U}）", "责任领导", RESP),
    "leader_after_units": ("{T}。（责任单位：{U}，责任领导：{N}）", "责任领导", RESP),
    "labels_run_together": ("{T}。责任领导：{N}责任单位：{U}", "责任领导", RESP),
    "labels_without_colons": ("{T}。（牵头领导 {N}，牵头单位 {U}）", "牵头领导", LEAD),
    "labels_without_colons_post": ("{T}。（责任领导 {N}副市长；责任单位 {U}）", "责任领导", RESP),
    "contact_leader_line": ("{T}。\n联系领导：{N}副市长；责任单位：{U}", "联系领导", RESP),
}


def _task_plan(items: list) -> str:
    lines = [f"{PLACE}2025年重点工作任务分解方案", "", "一、重点任务"]
    lines += [f"（{'一二三四五'[k]}）{item}" for k, item in enumerate(items)]
    lines += ["", "二、保障措施", "各有关单位要高度重视，确保各项任务按期完成。"]
    return "\n".join(lines) + "\n"


def item_plan(form: str) -> tuple:
    template, person_role, unit_role = ITEM_FORMS[form]
    items = [template.format(T=t, U=u, N=n) for t, u, n in zip(TASKS, UNITS, NAMES)]
    return (_task_plan(items), Counter((u, unit_role) for u in UNITS),
            Counter((n, person_role) for n in NAMES))


# --- a 责任人 column holding a post and a name -----------------------------------
PERSON_CELLS = {"post_blank_name": "{u}局长 {n}", "name_post_in_brackets": "{n}（{u}局长）",
                "post_glued_name": "{u}局长{n}", "name_only": "{n}"}
TABLE_LAYOUTS = ("tab", "one_cell_per_line")


def column_plan(cell: str, layout: str) -> tuple:
    rows = [["序号", "工作任务", "责任单位", "责任人", "完成时限"]]
    for k, (task, unit, name) in enumerate(zip(TASKS, UNITS, NAMES)):
        rows.append([str(k + 1), task + "。", unit, PERSON_CELLS[cell].format(u=unit, n=name), "2025年底前"])
    sep = "\t" if layout == "tab" else "\n"
    body = "\n".join(sep.join(row) for row in rows)
    text = (f"{PLACE}2025年重点工作任务分解表\n\n为推动各项重点工作落实落细，现将任务分解如下。\n\n"
            f"{body}\n\n各有关单位要按照分工抓好落实。\n")
    return text, Counter((u, RESP) for u in UNITS), Counter((n, "责任人") for n in NAMES)


# one column naming both the unit and the person, in either order:
# header, cell, the unit's role, the person's role
JOINED_COLUMNS = {
    "unit_first": ("牵头单位及责任人", "{u} {n}", LEAD, "责任人"),
    "person_first": ("责任领导及责任单位", "{n} {u}", RESP, "责任领导"),
    "person_first_with_post": ("牵头领导/牵头单位", "{n}（副市长） {u}", LEAD, "牵头领导"),
}


def joined_plan(name: str) -> tuple:
    header, cell, unit_role, person_role = JOINED_COLUMNS[name]
    rows = [["序号", "工作任务", header, "完成时限"]]
    rows += [[str(k + 1), task + "。", cell.format(u=unit, n=who), "2025年底前"]
             for k, (task, unit, who) in enumerate(zip(TASKS, UNITS, NAMES))]
    body = "\n".join("\t".join(row) for row in rows)
    return (f"{PLACE}2025年重点工作任务分解表\n\n{body}\n\n各有关单位要按照分工抓好落实。\n",
            Counter((u, unit_role) for u in UNITS), Counter((n, person_role) for n in NAMES))


# --- a roster whose members stand on one line ----------------------------------------
MEMBERS = ["韦志强", "陆文涛", "蒙春林", "莫国栋"]
MEMBER_POSTS = ["市财政局局长", "市教育局局长", "市民政局局长", "市商务局局长"]
ONE_LINE = {
    "names_dun": ("、", "{n}"),
    "names_blank": (" ", "{n}"),
    "names_wide_blank": ("　　", "{n}"),
    "posts_first_dun": ("、", "{p}{n}"),
    "names_first_dun": ("、", "{n}（{p}）"),
    "post_blank_name_comma": ("，", "{p} {n}"),
}


def roster_plan(form: str) -> tuple:
    sep, write = ONE_LINE[form]
    members = sep.join(write.format(n=n, p=p) for n, p in zip(MEMBERS, MEMBER_POSTS))
    text = (f"{PLACE}人民政府办公室关于成立老旧小区改造工作领导小组的通知\n\n"
            "为加快推进老旧小区改造，决定成立工作领导小组，组成人员如下：\n\n"
            f"组　长：{NAMES[0]}（市长）\n副组长：{NAMES[1]}（副市长）、{NAMES[2]}（副市长）\n"
            f"成　员：{members}\n\n领导小组办公室设在市住房和城乡建设局。\n")
    people = Counter({(NAMES[0], "组长"): 1, (NAMES[1], "副组长"): 1, (NAMES[2], "副组长"): 1})
    people.update((n, "成员") for n in MEMBERS)
    return text, Counter(), people


# whole rosters in other layouts: (body, whether its people are named)
def _roster_layouts() -> dict:
    (a, b, c), (m1, m2) = NAMES, MEMBERS[:2]
    p1, p2 = MEMBER_POSTS[:2]
    return {
        "bare_padded_labels": f"组　长　{a}　市长\n副组长　{b}　副市长\n副组长　{c}　副市长\n"
                              f"成　员　{m1}　{p1}\n　　　　{m2}　{p2}",
        "posts_then_names_below_labels": f"组长：\n市长 {a}\n副组长：\n副市长 {b}\n副市长 {c}\n成员：\n{p1} {m1}\n{p2} {m2}",
        "one_sentence": f"领导小组由市长{a}任组长，副市长{b}、{c}任副组长，{p1}{m1}、{p2}{m2}为成员。",
        "tab_table": "\n".join(["职务\t姓名\t单位及职务", f"组长\t{a}\t市长", f"副组长\t{b}\t副市长",
                                f"副组长\t{c}\t副市长", f"成员\t{m1}\t{p1}", f"成员\t{m2}\t{p2}"]),
        "units_in_brackets": f"组长：{a}（市政府）\n副组长：{b}（市政府）、{c}（市政府）\n成员：{m1}（市财政局）、{m2}（市教育局）",
        # posts that open with a district whose first character is a surname (石峰区, 芦淞区)
        "posts_opening_with_a_place": f"组 长:{a} 市长\n副组长:{b} 副市长\n{c} 副市长\n"
                                      f"成 员:{m1} 石峰区人民政府区长\n{m2} 芦淞区人民政府副区长",
    }


ROSTER_LAYOUTS = _roster_layouts()
# posts with no names, and members named by their bodies: nobody
NO_PEOPLE = "组长：市长\n副组长：分管副市长\n成员由市财政局、市教育局主要负责同志组成，各相关部门为成员单位。"


def layout_plan(layout: str) -> tuple:
    body = NO_PEOPLE if layout == "no_people" else ROSTER_LAYOUTS[layout]
    text = (f"{PLACE}人民政府办公室关于成立城乡供水一体化工作领导小组的通知\n\n"
            f"为加快推进城乡供水一体化，决定成立工作领导小组，组成人员如下：\n\n{body}\n\n"
            "领导小组办公室设在市水利局。\n")
    if layout == "no_people":
        return text, Counter(), Counter()
    people = Counter({(NAMES[0], "组长"): 1, (NAMES[1], "副组长"): 1, (NAMES[2], "副组长"): 1,
                      (MEMBERS[0], "成员"): 1, (MEMBERS[1], "成员"): 1})
    return text, Counter(), people


# --- a section of one leader's tasks, the leader in its heading -------------------
SECTION_HEADS = {
    "key_tasks": "{N}副市长重点工作", "key_tasks_de": "{N}副市长的重点工作",
    "charge": "{N}副市长分管工作", "contact": "{N}副市长联系工作",
    "leads": "副市长{N}牵头的重点工作",
}


def section_plan(form: str) -> tuple:
    head = SECTION_HEADS[form]
    lines = [f"{PLACE}人民政府2025年重点工作责任分工", ""]
    for k, (t, u, n) in enumerate(zip(TASKS, UNITS, NAMES)):
        lines += [f"{'一二三'[k]}、{head.format(N=n)}", f"1.{t}。（责任单位：{u}）"]
    return ("\n".join(lines) + "\n", Counter((u, RESP) for u in UNITS),
            Counter((n, "副市长") for n in NAMES))


def _plans() -> dict:
    plans = {f"item-{form}": item_plan(form) for form in ITEM_FORMS}
    plans.update({f"section-{form}": section_plan(form) for form in SECTION_HEADS})
    for cell in PERSON_CELLS:
        for layout in TABLE_LAYOUTS:
            plans[f"column-{cell}-{layout}"] = column_plan(cell, layout)
    for name in JOINED_COLUMNS:
        plans[f"joined-{name}"] = joined_plan(name)
    for form in ONE_LINE:
        plans[f"roster-{form}"] = roster_plan(form)
    for layout in list(ROSTER_LAYOUTS) + ["no_people"]:
        plans[f"layout-{layout}"] = layout_plan(layout)
    return plans


PLANS = _plans()


@pytest.fixture(scope="module")
def people_tables(tmp_path_factory):
    return facts_of_plans(tmp_path_factory.mktemp("people-variants"), PLANS)


def _check(people_tables, name: str):
    _, units, people = PLANS[name]
    got_units, got_people = people_tables[name]
    assert got_people == people, f"{name}: missing {people - got_people}, extra {got_people - people}"
    assert got_units == units, f"{name}: missing {units - got_units}, extra {got_units - units}"


@pytest.mark.parametrize("form", list(ITEM_FORMS))
def test_a_leader_named_per_task_item_in_every_form(people_tables, form):
    _check(people_tables, f"item-{form}")


@pytest.mark.parametrize("form", list(SECTION_HEADS))
def test_the_leader_heading_a_section_of_tasks_in_every_wording(people_tables, form):
    _check(people_tables, f"section-{form}")


@pytest.mark.parametrize("cell", list(PERSON_CELLS))
@pytest.mark.parametrize("layout", TABLE_LAYOUTS)
def test_a_person_column_holding_post_and_name(people_tables, cell, layout):
    _check(people_tables, f"column-{cell}-{layout}")


@pytest.mark.parametrize("name", list(JOINED_COLUMNS))
def test_a_column_of_unit_and_person_in_either_order(people_tables, name):
    _check(people_tables, f"joined-{name}")


@pytest.mark.parametrize("form", list(ONE_LINE))
def test_a_roster_with_its_members_on_one_line(people_tables, form):
    _check(people_tables, f"roster-{form}")


@pytest.mark.parametrize("layout", list(ROSTER_LAYOUTS) + ["no_people"])
def test_a_roster_in_every_layout(people_tables, layout):
    _check(people_tables, f"layout-{layout}")
