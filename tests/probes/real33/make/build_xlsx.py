#!/usr/bin/env python3
"""Build the spreadsheet samples of real33 (x1-x4) from hand-written .fods via LibreOffice.
usage: python3 build_xlsx.py OUTDIR   (scratch .fods go to /tmp/real33/fods)"""
import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fodslib import COVER, to_xlsx, write_fods  # noqa: E402

OUT = sys.argv[1] if len(sys.argv) > 1 else "."
TMP = "/tmp/real33/fods"
os.makedirs(TMP, exist_ok=True)


def F(n):
    return {"f": n}


def D(d, ds="iso"):
    return {"d": d, "ds": ds}


SAMPLES = {}

# x1: one sheet; title merged over all 6 columns; a 填报单位 / 填报时间 row of two merged halves;
# 牵头单位 merged over rows 1-2 (rowspan); cells with line breaks; 序号 as numbers; 完成时限 as text,
# as an ISO date cell and as a 年月日 date cell; a 备注 column; a 合计 row; a note row below.
SAMPLES["x1_fenjie_title_tianbao_rowspan_total"] = [dict(name="任务分解表", rows=[
    [{"t": "沙河县2025年优化营商环境重点任务分解表", "cs": 6}],
    [{"t": "填报单位：县发改局（盖章）", "cs": 3}, {"t": "填报时间：2025年4月10日", "cs": 3}],
    ["序号", "重点任务", "牵头单位", "配合单位", "完成时限", "备注"],
    [F(1), "推行企业开办“一网通办”，将企业开办时间压缩至1个工作日以内。", {"t": "县市场监管局", "rs": 2},
     "县政务服务中心\n县税务局", "2025年6月底前", None],
    [F(2), "推进“证照分离”改革全覆盖，实行涉企经营许可事项清单管理。", COVER,
     "县司法局\n县政务服务中心", D("2025-09-30"), None],
    [F(3), "开展涉企违规收费专项整治，建立涉企收费目录清单制度。", "县发改局", "县财政局、县市场监管局",
     "每季度末", "按季报送进展"],
    [F(4), "落实惠企政策“免申即享”，\n全年兑现奖补资金不少于2000万元。", "县财政局",
     "县发改局\n县工信局\n各乡镇人民政府", "年底前", None],
    [F(5), "建立政企常态化沟通机制，每月召开一次企业家座谈会。", "县工商联", "县直各有关部门", "长期坚持", None],
    [F(6), "开展营商环境“体验官”活动，收集问题建立台账限期整改。", "县营商办", "县纪委监委、县融媒体中心等",
     D("2025-11-30", "cn"), "新增任务"],
    ["合计", "共6项", None, None, None, None],
    [{"t": "说明：完成时限为具体日期的，请于期限前5个工作日报送完成情况。", "cs": 6}],
])]

# x2: two visible sheets (two tables) and a hidden third sheet holding an old version; sheet 1 has a
# hidden column 分管县领导 between 责任单位 and 完成时限; sheet 2's dates are date cells shown 6月30日.
SAMPLES["x2_two_sheets_hidden_sheet_hidden_col"] = [
    dict(name="重点任务", hidden_cols=(4,), rows=[
        [{"t": "附件1", "cs": 6}],
        [{"t": "清河县2025年乡村振兴重点任务清单", "cs": 6}],
        ["序号", "工作任务", "具体措施", "责任单位", "分管县领导", "完成时限"],
        [F(1), "稳定粮食生产", "全年粮食播种面积稳定在52万亩以上，产量保持在2.4亿公斤以上。", "县农业农村局\n各乡镇人民政府",
         "王建国", "2025年10月底前"],
        [F(2), "巩固拓展脱贫攻坚成果", "健全防止返贫动态监测和帮扶机制，确保不发生规模性返贫。", "县乡村振兴局",
         "李红梅", "长期坚持"],
        [F(3), "推进农村人居环境整治", "完成农村户厕问题摸排整改，行政村生活垃圾收运处置体系覆盖率达到100%。",
         "县农业农村局、县住建局、县生态环境分局", "王建国", "2025年9月30日前"],
        [F(4), "发展壮大村级集体经济", "年内集体经济收入10万元以上的村占比达到60%。", "县委组织部\n县财政局", "张伟",
         "年底前"],
    ]),
    dict(name="民生实事", rows=[
        [{"t": "附件2", "cs": 5}],
        [{"t": "清河县2025年农业农村民生实事项目", "cs": 5}],
        ["序号", "实事项目", "牵头单位", "配合单位", "完成时限"],
        [F(1), "新建改建农村公路30公里，完成危桥改造5座。", "县交通运输局", "县财政局\n相关乡镇人民政府", D("2025-06-30", "md")],
        [F(2), "实施农村供水保障工程，新增受益人口1.2万人。", "县水利局", "县卫健局、县财政局", D("2025-12-31", "md")],
    ]),
    dict(name="旧版（勿用）", hidden=True, rows=[
        ["序号", "工作任务", "具体措施", "责任单位", "完成时限"],
        [F(1), "旧版已作废任务", "本表为2024年旧版内容，已作废。", "县旧单位", "2024年12月底前"],
    ]),
]

# x3: a 类别 column merged down its rows; 完成时限 as date cells shown 2025/6/30 and a two-line
# milestone cell; units with a shared prefix (县人社局、医保局); the table starts in column B.
SAMPLES["x3_category_rowspan_slash_dates_colB"] = [dict(name="Sheet1", rows=[
    [None, {"t": "丰乐县2025年民生保障领域重点任务推进表", "cs": 5}],
    [None, "序号", "类别", "任务内容", "责任单位", "完成时限"],
    [None, F(1), {"t": "就业保障", "rs": 2}, "新增城镇就业2800人，城镇调查失业率控制在5.5%以内。", "县人社局", "年底前"],
    [None, F(2), COVER, "开展职业技能培训3000人次，其中新就业形态劳动者培训不少于500人次。", "县人社局、财政局", D("2025-11-30", "slash")],
    [None, F(3), {"t": "社会保障", "rs": 3}, "推进全民参保计划，基本医疗保险参保率稳定在95%以上。", "县人社局、医保局",
     D("2025-06-30", "slash")],
    [None, F(4), COVER, "提高城乡居民基础养老金标准，按时足额发放。", "县人社局\n县财政局", "2025年7月底前"],
    [None, F(5), COVER, "建设县级社会救助信息平台，实现低收入人口动态监测。", "县民政局",
     "2025年6月底前完成招标\n2025年12月底前上线运行"],
    [None, F(6), "养老服务", "新建社区养老服务站5个，改造特困供养服务设施2所。", "县民政局、各乡镇人民政府", "9月30日前"],
])]

# x4: the table in column A with a two-row header (责任单位 merged over 牵头单位 / 配合单位, the other
# header cells merged down both rows); band rows merged across all columns (一、… 二、…); 序号 restart
# per band; 完成时限 date cells in ISO.
SAMPLES["x4_tworow_header_band_rows"] = [dict(name="任务清单", rows=[
    [{"t": "桐溪县2025年数字政府建设工作任务清单", "cs": 5}],
    [{"t": "序号", "rs": 2}, {"t": "工作任务", "rs": 2}, {"t": "责任单位", "cs": 2}, {"t": "完成时限", "rs": 2}],
    [COVER, COVER, "牵头单位", "配合单位", COVER],
    [{"t": "一、夯实数字基础设施", "cs": 5}],
    [F(1), "推进政务云资源整合，县直部门非涉密业务系统全部迁移上云。", "县数据局", "县直各部门", D("2025-08-31")],
    [F(2), "完善电子政务外网，实现乡镇、村（社区）全覆盖。", "县数据局", "各乡镇人民政府", "2025年10月底前"],
    [{"t": "二、提升政务服务效能", "cs": 5}],
    [F(1), "推动“高效办成一件事”重点事项落地，新增上线事项不少于8个。", "县政务服务中心", "县公安局\n县人社局\n县市场监管局", "每季度末"],
    [F(2), "开展政务服务“好差评”数据分析，按月通报差评整改情况。", "县政务服务中心", None, "每月10日前"],
    [F(3), "建设“一网统管”城市运行平台，接入视频监控点位不少于2000个。", "县数据局", "县公安局、县住建局、县城管局等", "年内"],
])]

# x5: the 2025 table as it comes back with progress: 填报时间 in the next year (2026年1月8日),
# 进展情况 / 完成状态 / 备注 columns, a later date in 备注, a status 持续推进.
SAMPLES["x5_progress_return_tianbao_next_year"] = [dict(name="推进情况", rows=[
    [{"t": "河西县2025年重点工作任务推进情况表", "cs": 7}],
    [{"t": "填报单位：县政府督查室", "cs": 4}, {"t": "填报时间：2026年1月8日", "cs": 3}],
    ["序号", "工作任务", "责任单位", "完成时限", "进展情况", "完成状态", "备注"],
    [F(1), "建成县城第二水厂并投入运行。", "县水利局", "2025年10月底前", "主体工程已完工，\n12月通水试运行。", "已完成", None],
    [F(2), "完成城区主干道雨污分流改造12公里。", "县住建局\n县城管局", "年底前", "已完成10公里，剩余2公里受征迁影响顺延。",
     "未完成", "申请延期至2026年3月底"],
    [F(3), "新增市场主体3000户以上。", "县市场监管局", "全年", "新增3256户。", "已完成", None],
    [F(4), "组织开展“四下基层”活动，每季度通报一次。", "县委办、县政府办", "每季度末", "已通报4次。", "已完成", None],
    [F(5), "推进农村供水“县域统管”改革。", "县水利局", "长期坚持", "正在推进。", "持续推进", None],
])]

for name, sheets in SAMPLES.items():
    fods = os.path.join(TMP, name + ".fods")
    write_fods(fods, sheets)
    x = to_xlsx(fods, TMP)
    shutil.copy(x, os.path.join(OUT, name + ".xlsx"))
    print(name + ".xlsx")
