#!/usr/bin/env python3
"""Build real33's min/ and var/ files.  usage: python3 build_min.py PROBEDIR"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fodslib import to_xlsx, write_fods  # noqa: E402

ROOT = sys.argv[1] if len(sys.argv) > 1 else "."
MIN, VAR = os.path.join(ROOT, "min"), os.path.join(ROOT, "var")
TMP = "/tmp/real33/minfods"
os.makedirs(TMP, exist_ok=True)


def w(path, text):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)


def cells(head, rows):
    """A Word-txt table: every cell on its own line, a cell's own line breaks kept."""
    return "\n".join(head) + "\n" + "\n".join("\n".join(r) for r in rows) + "\n"


TOP = "临河县2025年政务公开工作任务分解表\n"
H4 = ["序号", "工作任务", "责任单位", "完成时限"]
H5 = ["序号", "工作任务", "牵头单位", "配合单位", "完成时限"]

# --- problem 1: a unit cell of two lines in a cell-per-line (Word txt) table
w(f"{MIN}/m1_cell_lines_units_cell_two_lines_glued.txt", TOP + cells(H4, [
    ["1", "全面公开涉企政策文件。", "县发改局\n县司法局", "2025年6月底前"],
    ["2", "做好政府信息公开年度报告。", "县政府办公室", "2025年1月31日前"],
]))
w(f"{MIN}/m2_cell_lines_support_cell_two_lines_role_lost.txt", TOP + cells(H5, [
    ["1", "完成项目初步设计批复。", "局农田建设股", "县财政局\n县自然资源局", "2025年5月底前"],
    ["2", "组织项目竣工验收。", "局农田建设股", "县审计局", "年底前"],
]))
# variations of problem 1
w(f"{VAR}/v1a_units_one_line_dunhao.txt", TOP + cells(H4, [           # control: 、 on one line
    ["1", "全面公开涉企政策文件。", "县发改局、县司法局", "2025年6月底前"],
    ["2", "做好政府信息公开年度报告。", "县政府办公室", "2025年1月31日前"],
]))
w(f"{VAR}/v1b_lead_cell_two_lines.txt", TOP + cells(H5, [              # the two-line cell is 牵头单位
    ["1", "完成项目初步设计批复。", "局农田建设股\n县财政局", "县自然资源局", "2025年5月底前"],
    ["2", "组织项目竣工验收。", "局农田建设股", "县审计局", "年底前"],
]))
w(f"{VAR}/v1c_units_last_column_no_deadline.txt", TOP + cells(H4[:3], [  # no 完成时限 column
    ["1", "全面公开涉企政策文件。", "县发改局\n县司法局"],
    ["2", "做好政府信息公开年度报告。", "县政府办公室"],
]))
w(f"{VAR}/v1d_units_three_lines_collective.txt", TOP + cells(H4, [      # three lines, a 各… name
    ["1", "加强政务新媒体监管。", "县政府办公室\n县委网信办\n各乡镇人民政府", "每季度末"],
    ["2", "做好政府信息公开年度报告。", "县政府办公室", "2026年1月31日前"],
]))
w(f"{VAR}/v1e_units_two_lines_tabs_quoted.txt", TOP +                   # control: the same as a quoted tab paste
  "\t".join(H4) + "\n1\t全面公开涉企政策文件。\t\"县发改局\n县司法局\"\t2025年6月底前\n2\t做好政府信息公开年度报告。\t县政府办公室\t2025年1月31日前\n")
w(f"{VAR}/v1f_units_two_lines_trailing_dunhao.txt", TOP + cells(H4, [  # Word line ends in 、
    ["1", "全面公开涉企政策文件。", "县发改局、\n县司法局", "2025年6月底前"],
    ["2", "做好政府信息公开年度报告。", "县政府办公室", "2025年1月31日前"],
]))

# --- problem 2: a 填报单位 / 填报时间 line above the table read as issuer and 成文日期
P2_HEAD = "序号\t整治任务\t牵头单位\t配合单位\t完成时限\r\n"
P2_ROWS = ("1\t开展危险化学品企业专项检查。\t县应急管理局\t县工信局\t每季度末\r\n"
           "2\t开展“九小场所”消防安全排查整治。\t县消防救援大队\t县市场监管局\t年底前\r\n")
TITLE = "鹿鸣县2025年安全生产专项整治任务分解表\t\t\t\t\r\n"
w(f"{MIN}/m3_tianbao_line_read_as_issuer_and_date.txt",
  TITLE + "填报单位：县应急管理局\t\t\t填报时间：2025年4月15日\t\r\n" + P2_HEAD + P2_ROWS)
w(f"{VAR}/v3a_no_tianbao_line.txt", TITLE + P2_HEAD + P2_ROWS)                       # control
w(f"{VAR}/v3b_tianbao_unit_only.txt", TITLE + "填报单位：县应急管理局\t\t\t\t\r\n" + P2_HEAD + P2_ROWS)
w(f"{VAR}/v3c_tianbao_time_only.txt", TITLE + "填报时间：2025年4月15日\t\t\t\t\r\n" + P2_HEAD + P2_ROWS)
w(f"{VAR}/v3d_tianbao_one_cell_spaces.txt",
  TITLE + "填报单位：县应急管理局　　　　填报时间：2025年4月15日\t\t\t\t\r\n" + P2_HEAD + P2_ROWS)
w(f"{VAR}/v3e_tianbao_under_full_notice.txt",                                          # with a real 成文日期 above
  "鹿鸣县人民政府安全生产委员会办公室\r\n鹿安办〔2025〕6号\r\n"
  "鹿鸣县人民政府安全生产委员会办公室关于印发鹿鸣县2025年安全生产专项整治任务分解表的通知\r\n"
  "县安委会各成员单位：\r\n现将任务分解表印发给你们，请认真落实。\r\n附件：鹿鸣县2025年安全生产专项整治任务分解表\r\n"
  "鹿鸣县人民政府安全生产委员会办公室\r\n2025年3月28日\r\n附件\r\n" + TITLE +
  "填报单位：县应急管理局\t\t\t填报时间：2025年4月15日\t\r\n" + P2_HEAD + P2_ROWS)

# the same as a spreadsheet: title merged over all columns, 填报 row of two merged halves
XROWS = [["1", "开展危险化学品企业专项检查。", "县应急管理局", "县工信局", "每季度末"],
         ["2", "开展“九小场所”消防安全排查整治。", "县消防救援大队", "县市场监管局", "年底前"]]
XHEAD = ["序号", "整治任务", "牵头单位", "配合单位", "完成时限"]
XTITLE = [{"t": "鹿鸣县2025年安全生产专项整治任务分解表", "cs": 5}]
for name, tb in [("m4_xlsx_tianbao_row_read_as_issuer_and_date", [
                     [{"t": "填报单位：县应急管理局", "cs": 3}, {"t": "填报时间：2025年4月15日", "cs": 2}]]),
                 ("v4a_xlsx_no_tianbao_row", []),
                 ("v4b_xlsx_tianbao_one_merged_cell", [
                     [{"t": "填报单位：县应急管理局　　填报时间：2025年4月15日", "cs": 5}]]),
                 # a year-end progress return: the 2025 table filled in on 2026-01-08
                 ("v4c_xlsx_tianbao_time_next_year", [
                     [{"t": "填报单位：县应急管理局", "cs": 3}, {"t": "填报时间：2026年1月8日", "cs": 2}]])]:
    fods = os.path.join(TMP, name + ".fods")
    write_fods(fods, [dict(name="Sheet1", rows=[XTITLE] + tb + [XHEAD] + XROWS)])
    x = to_xlsx(fods, TMP)
    os.replace(x, os.path.join(MIN if name.startswith("m") else VAR, name + ".xlsx"))
print("ok")

# problem 3: the year of a pasted title row (trailing tabs from the empty merged cells) is not read
w(f"{VAR}/v3f_title_no_trailing_tabs.txt", TITLE.replace("\t", "") + P2_HEAD + P2_ROWS)
w(f"{VAR}/v3g_title_one_trailing_tab.txt", TITLE.replace("\t\t\t\t", "\t") + P2_HEAD + P2_ROWS)
w(f"{VAR}/v3h_title_trailing_tabs_lf.txt", (TITLE + P2_HEAD + P2_ROWS).replace("\r\n", "\n"))
# problems 2 + 3 together: 填报时间 in the year before the plan year; the title's 2025 is lost to its trailing tabs
w(f"{VAR}/v3i_tianbao_time_previous_year.txt",
  TITLE + "填报单位：县应急管理局\t\t\t填报时间：2024年12月20日\t\r\n" + P2_HEAD + P2_ROWS)
w(f"{VAR}/v3j_tianbao_time_previous_year_title_clean.txt",
  TITLE.replace("\t", "") + "填报单位：县应急管理局\t\t\t填报时间：2024年12月20日\t\r\n" + P2_HEAD + P2_ROWS)

# problem 4: a flat OpenDocument spreadsheet (.fods) is sniffed as html and read a cell a line:
# the covered cell under a rowspan is skipped (columns shift), a cell of two paragraphs loses roles
from fodslib import COVER  # noqa: E402
write_fods(f"{MIN}/m5_fods_read_as_html_rowspan_shift.fods", [dict(name="Sheet1", rows=[
    [{"t": "沙河县2025年优化营商环境重点任务分解表", "cs": 5}],
    ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"],
    [{"f": 1}, "推行企业开办“一网通办”。", {"t": "县市场监管局", "rs": 2}, "县税务局", "2025年6月底前"],
    [{"f": 2}, "推进“证照分离”改革全覆盖。", COVER, "县司法局", "2025年9月底前"],
    [{"f": 3}, "开展涉企违规收费专项整治。", "县发改局", "县财政局\n县市场监管局", "年底前"],
])])
