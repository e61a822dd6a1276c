#!/usr/bin/env python3
"""Rewrite var/ from the real files:
v2a: r2 (芜湖) as a PDF text layer: site lines dropped, every paragraph wrapped at 28 characters, a page
     number line `— N —` every 22 lines;
v2b: r2's two items as a tab table 序号|工作任务|牵头负责领导|牵头责任单位|协同责任单位 under the cover (leader kept as printed);
v1a: r1 (下陆) with each `[牵头单位:…]` clause moved to its own line under its item."""
import os
os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
r2 = open("r2_wuhu_2021_fenjie_leader_lead_coop_key_lines.txt", encoding="utf-8").read().split("\n")
paras = [l.strip() for l in r2 if l.strip() and not l.startswith("发布时间")]
out, n, page = [], 0, 1
for p in paras:
    for i in range(0, len(p), 28):
        out.append(p[i:i + 28])
        n += 1
        if n % 22 == 0:
            out += ["", f"— {page} —", ""]
            page += 1
out += ["", f"— {page} —"]
open("var/v2a_wuhu_pdf_wrapped_28_page_numbers.txt", "w", encoding="utf-8").write("\n".join(out) + "\n")
cover = [p for p in paras if not p.startswith(("一、", "1.", "2.", "牵头", "协同"))]
rows = [["序号", "工作任务", "牵头负责领导", "牵头责任单位", "协同责任单位"],
        ["1", "地区生产总值比上年增长8.5%左右。", "宁波", "市发展和改革委员会", "市政府各部门、各直属单位"],
        ["2", "一般公共预算收入增长5%左右。", "宁波", "市财政局", "市发展和改革委员会、市税务局、人行芜湖"]]
open("var/v2b_wuhu_tab_table_leader_column.txt", "w", encoding="utf-8").write(
    "\n".join(cover) + "\n" + "\n".join("\t".join(r) for r in rows) + "\n")
r1 = open("r1_xialu_2020_fenjie_square_bracket_clauses_empty_number.txt", encoding="utf-8").read()
v = r1.replace("治疗。[牵头单位", "治疗。\n[牵头单位").replace("成果。[牵头单位", "成果。\n[牵头单位")
open("var/v1a_xialu_clause_own_line.txt", "w", encoding="utf-8").write(v)
