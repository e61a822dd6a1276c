#!/usr/bin/env python3
"""Write the min/ and var/ inputs (one problem each; var files change one thing)."""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)


def put(rel, text):
    with open(os.path.join(OUT, rel), "w", encoding="utf-8") as f:
        f.write(text)


def tabs(unit, deadline, note=""):
    return ("附件\n\n淮岭市2025年重点任务清单\n\n序号\t工作任务\t责任单位\t完成时限\n"
            f"1\t开展口岸安全联合检查\t{unit}\t{deadline}\n"
            "2\t开展城市体检\t市住建局\t2025年11月底前\n" + (f"\n{note}\n" if note else ""))


def cells(deadline):
    return ("序号\n重点事项\n牵头单位\n配合单位\n完成时限\n"
            f"1\n二手房转移登记“一件事”\n市自然资源和规划局\n市税务局\n{deadline}\n")


# P1: weekday between the date and 前
put("min/m1_weekday_paren_before_qian_tabs.txt", tabs("市商务局", "2025年9月30日（星期二）前"))
put("var/v1a_weekday_paren_no_qian_tabs.txt", tabs("市商务局", "2025年9月30日（星期二）"))
put("var/v1b_weekday_paren_after_qian_tabs.txt", tabs("市商务局", "2025年9月30日前（星期二）"))
put("var/v1c_weekday_space_no_paren_tabs.txt", tabs("市商务局", "2025年9月30日 星期二"))
put("var/v1d_zhou_ascii_paren_before_qian_tabs.txt", tabs("市商务局", "2025年9月30日(周二)前"))

# P2: cell-per-line, a date cell with a bracketed note goes into the units
put("min/m2_cellline_date_paren_note_into_units.txt", cells("2025年8月29日(星期五)"))
put("var/v2a_cellline_plain_date.txt", cells("2025年8月29日"))
put("var/v2b_cellline_date_paren_zanding.txt", cells("2025年8月29日(暂定)"))
put("var/v2c_tabs_date_paren_weekday.txt",
    "序号\t重点事项\t牵头单位\t配合单位\t完成时限\n"
    "1\t二手房转移登记“一件事”\t市自然资源和规划局\t市税务局\t2025年8月29日(星期五)\n")
put("var/v2d_cellline_date_paren_weekday_middle_row.txt",
    "序号\n重点事项\n牵头单位\n配合单位\n完成时限\n"
    "1\n新生儿出生“一件事”\n市卫健委\n市公安局\n2025年6月30日\n"
    "2\n二手房转移登记“一件事”\n市自然资源和规划局\n市税务局\n2025年8月29日(星期五)\n"
    "3\n残疾人服务“一件事”\n市残联\n市民政局\n2025年10月31日\n")

# P3: a space after a name ending in 海关 / 机场 is not read as a separator
put("min/m3_space_after_haiguan_tabs.txt", tabs("淮岭海关 市市场监管局", "常态化"))
put("var/v3a_haiguan_second_tabs.txt", tabs("市市场监管局 淮岭海关", "常态化"))
put("var/v3b_haiguan_dunhao_tabs.txt", tabs("淮岭海关、市市场监管局", "常态化"))
put("var/v3c_space_after_jichang_tabs.txt", tabs("淮岭机场 市交通运输局", "常态化"))
put("var/v3d_space_after_haishiju_tabs.txt", tabs("沅岭海事局 市交通运输局", "常态化"))

# P4: a lead mark on the name that carries the shared prefix stops the prefix
NOTE = "说明：责任单位中标“*”或“★”的为牵头单位。"
put("min/m4_star_mark_blocks_prefix_tabs.txt", tabs("*市住建局、发改委", "2025年10月底前", NOTE))
put("var/v4a_black_star_mark_tabs.txt", tabs("★市住建局、发改委", "2025年10月底前", NOTE))
put("var/v4b_no_mark_tabs.txt", tabs("市住建局、发改委", "2025年10月底前", NOTE))
put("var/v4c_qiantou_paren_mark_tabs.txt", tabs("市住建局（牵头）、发改委", "2025年10月底前", NOTE))
put("var/v4d_unmarked_prefix_carrier_between_tabs.txt", tabs("*市住建局、市财政局、发改委", "2025年10月底前", NOTE))

# P5: two stages whose second stage is a month range
put("min/m5_two_stage_second_is_range_tabs.txt", tabs("市发改委", "2025年6月底前完成设备检修，7—9月做好高峰保供"))
put("var/v5a_two_stage_second_is_month_end_tabs.txt", tabs("市发改委", "2025年6月底前完成设备检修，9月底前做好高峰保供"))
put("var/v5b_two_stage_second_is_dated_range_tabs.txt", tabs("市发改委", "2025年6月底前完成设备检修，2025年7月—9月做好高峰保供"))
put("var/v5c_range_alone_tabs.txt", tabs("市发改委", "7—9月"))
put("var/v5d_two_stage_second_is_zhi_range_tabs.txt", tabs("市发改委", "2025年6月底前完成设备检修，7至9月做好高峰保供"))
