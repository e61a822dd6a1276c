#!/usr/bin/env python3
"""min/: the smallest inputs for each problem in NOTES.md. usage: python3 make/gen_min.py"""
import os
OUT = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "min")
os.makedirs(OUT, exist_ok=True)
HEAD = """梅岭县人民政府办公室关于做好2025年校园安全工作的通知
梅政办发〔2025〕8号
各乡镇人民政府，县政府有关部门：
一、加强校园安全
{body}附件：{att}
梅岭县人民政府办公室
2025年3月18日
附件{n}
"""
BODY = """（一）开展校园周边交通秩序整治，2025年6月底前完成。（县公安局交警大队牵头，县教育局配合）
（二）加强学校食堂管理，长期坚持。（县市场监管局负责）
"""
TASK = [["序号", "工作任务", "责任单位", "完成时限"],
        ["1", "开展校园周边交通秩序整治", "县公安局交警大队", "2025年6月底前"],
        ["2", "组织学生防溺水安全教育", "县教育局", "每季度末"]]
LIANLUO = [["序号", "单位", "姓名", "职务", "联系电话"],
           ["1", "县教育局", "×××", "安全股股长", "0000-0000000"]]
SHIJIAN = [["阶段", "时间", "工作内容"],
           ["动员部署", "2025年4月", "县教育局制定方案，召开动员会"],
           ["总结验收", "2025年10月", "县政府督查室组织验收"]]
HUIYI = [["序号", "会议名称", "时间", "责任单位", "参会范围"],
         ["1", "全县校园安全工作推进会", "2025年4月上旬", "县教育局", "各中小学校长"]]
def cells(rows): return "".join(c + "\n" for r in rows for c in r)
def tabs(rows): return "".join("\t".join(r) + "\n" for r in rows)
def two(att2, t2, fmt):
    h = HEAD.format(body="", att="1．梅岭县2025年校园安全工作任务分工表\n2．梅岭县2025年校园安全工作" + att2, n="1")
    return h + "梅岭县2025年校园安全工作任务分工表\n" + fmt(TASK) + "附件2\n梅岭县2025年校园安全工作" + att2 + "\n" + fmt(t2)
files = {
  "m1_body_only_lianluo_seq_cells.txt":
    HEAD.format(body=BODY, att="梅岭县2025年校园安全工作联络员名单", n="") + "梅岭县2025年校园安全工作联络员名单\n" + cells(LIANLUO),
  "m2_task_then_lianluo_cells.txt": two("联络员名单", LIANLUO, cells),
  "m3_task_then_shijian_cells.txt": two("时间安排", SHIJIAN, cells),
  "m4_task_then_meeting_tabs.txt": two("会议安排表", HUIYI, tabs),
  "m5_cells_task_fifth_column_unnamed.txt":
    HEAD.format(body="", att="梅岭县2025年校园安全工作任务分工表", n="") + "梅岭县2025年校园安全工作任务分工表\n" +
    cells([TASK[0] + ["预期成效"], TASK[1] + ["违法停车明显减少"], TASK[2] + ["覆盖全部中小学"]]),
  "m6_body_ongoing_phrases.txt":
    HEAD.format(body="""（一）组织学生防溺水安全教育，持续推进。（县教育局负责）
（二）落实校车安全管理责任，常态化推进。（县交通运输局负责）
（三）加强学校食堂管理，长期坚持。（县市场监管局负责）
""", att="无", n="").replace("附件：无\n", "").replace("附件\n", ""),
}
for fn, s in files.items():
    open(os.path.join(OUT, fn), "w").write(s)
