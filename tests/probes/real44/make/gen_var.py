#!/usr/bin/env python3
"""Rewrite var/ from the real files: v1a (tabs) and v1b (one row a line, pipes) from r1, leaders as ×××;
v7a from r7 with (1)(2)(3) each on its own line."""
import os
os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
r1 = open("r1_nanling_2024_fenjie_annex_cell_lines_leader_names.txt", encoding="utf-8").read().split("\n")
cells = [l.rstrip(" |").strip() for l in r1[3:] if l.strip()]
hdr, rows = cells[:5], [cells[5:10], cells[10:15]]
for r in rows:
    r[2] = "×××"
head = "2024年《政府工作报告》重点工作目标任务分解表\n附件\n2024年《政府工作报告》重点工作目标任务分解表\n"
open("var/v1a_nanling_tabs.txt", "w", encoding="utf-8").write(head + "\n".join("\t".join(x) for x in [hdr] + rows) + "\n")
open("var/v1b_nanling_pipe_rows.txt", "w", encoding="utf-8").write(head + "\n".join("| " + " | ".join(x) + " |" for x in [hdr] + rows) + "\n")
r7 = open("r7_chizhou_2017_yijian_inline_subitems_qiantou_fuze.txt", encoding="utf-8").read()
v = (r7.replace("深化商事制度改革。(1)", "深化商事制度改革。\n  (1)")
       .replace("(市工商质监局牵头负责)(2)", "(市工商质监局牵头负责)\n  (2)")
       .replace("(市工商质监局牵头负责)(3)", "(市工商质监局牵头负责)\n  (3)"))
open("var/v7a_chizhou_subitems_one_a_line.txt", "w", encoding="utf-8").write(v)
