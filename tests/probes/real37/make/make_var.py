#!/usr/bin/env python3
"""Rebuild the derived var/ files of real37 from min/ files (run from the probe dir).
The r*.txt inputs are excerpts copied by hand from the pages corpus (sources in NOTES.md);
min/*.txt and var/v1a, v1b, v1d, v1g, v2d, v3a, v3b were typed by hand."""
import re

def rd(p): return open(p, encoding="utf-8").read()
def wr(p, s): open(p, "w", encoding="utf-8").write(s)

m1 = rd("min/m1_one_space_last_col_note.txt")
lines = m1.split("\n")
wr("var/v1c_tabs_last_col_note.txt", "\n".join([lines[0]] + [l.replace(" ", "\t") for l in lines[1:]]))
v1a = rd("var/v1a_one_space_last_col_date.txt")
wr("var/v1e_two_spaces_last_col_date.txt", v1a.replace(" ", "  "))
wr("var/v1f_one_space_date_no_full_stop.txt", re.sub("。 ", " ", v1a))

m2 = rd("min/m2_group_heading_names_lead.txt")
wr("var/v2a_heading_qiantou_no_gongzuo.txt", re.sub(r"牵头工作\((\d项)\)", r"牵头(\1)", m2))
wr("var/v2b_heading_key_value.txt", re.sub(r"、(县[^牵]*)牵头工作\((\d项)\)", r"、牵头单位:\1", m2))
wr("var/v2c_heading_no_count.txt", re.sub(r"牵头工作\((\d项)\)", "牵头工作", m2))

m4 = rd("min/m4_clause_trailing_sentences.txt")
tail = "按职责分工负责。具体任务均涉及相关市(州)人民政府,不再做分工,下同。"
wr("var/v4a_clause_no_trailing.txt", m4.replace(tail, "按职责分工负责"))
wr("var/v4b_clause_semicolon.txt", m4.replace("按职责分工负责。具体", "按职责分工负责;具体"))
wr("var/v4c_clause_xiatong_only.txt", m4.replace(tail, "按职责分工负责。下同。"))
wr("var/v4d_clause_round_brackets.txt", m4.replace("〔", "(").replace("〕", ")"))
