#!/usr/bin/env python3
"""Write r03 and r08: notices in the look of `pdftotext -layout` output.

Cells are wrapped inside their column by display width (CJK = 2 columns),
top-aligned, columns separated by at least 3 spaces. Standard library only.
"""
import os
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)


def w(ch):
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def dw(s):
    return sum(w(c) for c in s)


def wrap(s, width):
    lines, cur = [], ""
    for ch in s:
        if dw(cur) + w(ch) > width and ch not in "，、；。）：":  # no line starts with these
            lines.append(cur)
            cur = ""
        cur += ch
    if cur:
        lines.append(cur)
    return [l.rstrip(" ") for l in lines] or [""]


def pad(s, width):
    return s + " " * (width - dw(s))


def table(rows, widths, gap=3, indent=1):
    out = []
    for r in rows:
        cells = [wrap(c, wd) for c, wd in zip(r, widths)]
        n = max(len(c) for c in cells)
        for i in range(n):
            parts = [pad(c[i] if i < len(c) else "", wd) for c, wd in zip(cells, widths)]
            out.append((" " * indent + (" " * gap).join(parts)).rstrip())
    return out


def centre(s, width=80):
    return " " * max(0, (width - dw(s)) // 2) + s


def r03():
    widths = [4, 34, 26, 22]
    header = ["序号", "工作任务", "责任单位", "完成时限"]
    rows = [
        ["1", "完成城区易涝点排查整治，对32处易涝点逐一落实整改措施", "市住建局 市城管局 市水务局", "汛期前"],
        ["2", "做好迎峰度夏电力保供，完成主网设备检修和应急发电车调配", "国网淮岭供电公司 市发改委", "2025年6月底前完成设备检修，7—9月做好高峰保供"],
        ["3", "开展中小学校舍安全隐患排查，完成危旧校舍加固", "市教育局 各县（市、区）人民政府", "2025年秋季开学前"],
        ["4", "保障春节期间粮油肉蛋菜等重要民生商品供应和价格稳定", "市商务局 市发改委 市市场监管局", "2026年春节前"],
        ["5", "加强进口冷链食品口岸检疫和入市查验", "淮岭海关 市市场监管局", "常态化"],
        ["6", "新建5G基站800个，实现城区和重点乡镇连续覆盖", "市工信局 中国移动淮岭分公司 中国联通淮岭分公司", "2025年6月底前完成选址，12月底前全面建成"],
        ["7", "开展城镇燃气安全隐患排查整治，推动老旧管网更新", "市城管局 市应急局", "持续推进"],
        ["8", "做好冬季供暖保障，完成热源厂和配套电网检修", "市住建局 国网淮岭供电公司", "2025年11月15日前"],
        ["9", "开展食品安全快检进社区、进农贸市场活动", "市市场监管局", "长期坚持"],
        ["10", "充实防汛抢险物资储备，补齐编织袋、冲锋舟等物资缺口", "市应急局 市水务局 市粮食和储备局", "2025年汛期前"],
        ["11", "完成中小学教室照明改造", "市教育局", "开学前"],
    ]
    cover = [
        centre("淮岭市人民政府办公室文件"),
        "",
        centre("淮政办发〔2025〕26号"),
        "",
        "",
        centre("淮岭市人民政府办公室关于做好2025年度城市"),
        centre("运行保障重点工作的通知"),
        "",
        "各县（市、区）人民政府，市政府各部门，各有关单位：",
        "    为做好2025年度城市运行保障工作，经市政府同意，现将重点工作任务印发给你们，请抓好落实。",
        "    一、各责任单位要按照任务清单明确的时限完成各项工作，各责任单位要密切配合。",
        "    二、中央、省驻淮单位请按照职责协同推进相关工作。",
        "",
        "    附件：淮岭市2025年度城市运行保障重点工作任务清单",
        "",
        "",
        " " * 50 + "淮岭市人民政府办公室",
        " " * 52 + "2025年5月16日",
        "",
        " " * 38 + "— 1 —",
        "\f附件",
        "",
        centre("淮岭市2025年度城市运行保障重点工作任务清单"),
        "",
    ]
    body = cover + table([header], widths) + [""] + table(rows, widths) + ["", " " * 38 + "— 2 —", ""]
    with open(os.path.join(OUT, "r03_event_deadlines_resident_units_spaces_layout.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(body))


def r08():
    widths = [4, 28, 20, 24, 20]
    header = ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"]
    rows = [
        ["1", "建立重大事故隐患数据库，实行隐患清单化闭环管理", "市应急局（市安委办）", "市直有关部门", "2025年6月底前完成方案，12月底前全面完成"],
        ["2", "开展危险化学品企业安全风险评估", "市应急局", "市工信局，市公安局，市交通运输局", "2025.9.30"],
        ["3", "开展城镇燃气安全专项整治", "市住建局", "市市场监管局；市公安局；各县（市、区）人民政府", "二〇二五年十月底前"],
        ["4", "整治道路运输“两客一危”车辆违法违规行为", "市交通运输局", "市公安局、应急局、各县（市、区）人民政府", "2025/06/30"],
        ["5", "开展水上交通安全隐患排查，规范渡口渡船管理", "沅岭海事局", "市交通运输局 市水利局（市河长办）", "汛期前"],
        ["6", "加强进出口危险货物检验监管", "沅岭海关", "市应急局、市商务局", "常态化"],
        ["7", "开展电力设施保护专项行动", "国网沅岭供电公司", "市发改委（市能源局）、应急局", "2025-6-30"],
    ]
    rows2 = [
        ["8", "严肃安全生产事故责任追究，开展失职失责问题专项监督", "市纪委监委", "市应急局，市总工会", "长期坚持"],
        ["9", "开展校园及周边安全隐患排查整治", "市教育局", "市公安局及市卫健委", "秋季开学前"],
        ["10", "开展高层建筑消防安全专项治理", "市消防救援支队", "市住建局和市应急局", "2025年第三季度"],
        ["11", "完成山洪地质灾害隐患点巡查，落实避险转移预案", "市水利局（市河长办）", "市应急局、自然资源和规划局、气象局", "二〇二五年五月三十一日前"],
        ["12", "开展安全生产治本攻坚年度总结评估", "市应急局（市安委办）", "市直有关部门", "十二月底前"],
    ]
    cover = [
        centre("沅岭市安全生产委员会办公室"),
        "",
        centre("沅安办〔2025〕9号"),
        "",
        "",
        centre("沅岭市安全生产委员会办公室关于印发沅岭市2025年"),
        centre("安全生产治本攻坚重点任务清单的通知"),
        "",
        "各县（市、区）安委会，市安委会各成员单位，中央、省驻沅有关单位：",
        "    现将《沅岭市2025年安全生产治本攻坚重点任务清单》印发给你们，请结合实际认真抓好落实。各牵头单位于每月5日前",
        "将上月工作进展报市安委办。",
        "",
        "    附件：沅岭市2025年安全生产治本攻坚重点任务清单",
        "",
        "",
        " " * 46 + "沅岭市安全生产委员会办公室",
        " " * 52 + "2025年3月28日",
        "",
        " " * 38 + "— 1 —",
        "\f附件",
        "",
        centre("沅岭市2025年安全生产治本攻坚重点任务清单"),
        "",
    ]
    body = (cover + table([header], widths) + [""] + table(rows, widths) +
            ["", " " * 38 + "— 2 —", "\f" + table([header], widths)[0], ""] + table(rows2, widths) +
            ["", " " * 38 + "— 3 —", ""])
    with open(os.path.join(OUT, "r08_two_stage_bracket_units_page_break_layout.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(body))


if __name__ == "__main__":
    r03()
    r08()
