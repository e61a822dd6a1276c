#!/usr/bin/env python3
"""real31: metamorphic layout probes.

Three base notices (A 青禾县 营商环境, B 枫林县 教育民生, C 白石县 人居环境), each held ONCE in the
data below, rendered in several layouts and table shapes.  Every variant of a base carries the
same front matter, the same outline and the same rows, so the facts of a base are the same for
every variant (facts.yaml reuses them through YAML anchors).

usage: python3 make.py [OUTDIR]      (default: the directory above this script)
"""
import os
import sys
import unicodedata

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")

# ---------------------------------------------------------------- the three base notices

A = dict(
    redhead="青禾县人民政府办公室文件",
    number="青府办发〔2025〕8号",
    title=["青禾县人民政府办公室", "关于印发青禾县2025年优化营商环境重点任务清单的通知"],
    recipients="各乡镇人民政府，县政府各部门，各有关单位：",
    body=[
        "《青禾县2025年优化营商环境重点任务清单》已经县人民政府同意，现印发给你们，请结合实际认真抓好落实。现就有关事项通知如下：",
        "一、提高思想认识",
        "（一）强化责任担当。各牵头单位要把优化营商环境作为“一把手”工程，主要负责同志亲自研究部署。",
        "（二）细化工作举措。各单位要对照任务清单制定具体措施，明确时间表和路线图。",
        "二、加强督促落实",
        "（三）建立调度机制。县营商环境建设办公室要定期调度任务进展，及时通报推进情况。",
        "（四）严格考核问效。任务完成情况纳入年度目标绩效考核，对工作不力的单位进行约谈。",
    ],
    attach="附件：青禾县2025年优化营商环境重点任务清单",
    sign="青禾县人民政府办公室",
    date="2025年3月12日",
    publicity="（此件公开发布）",
    cc="抄送：县委办公室，县人大常委会办公室，县政协办公室。",
    printed=("青禾县人民政府办公室", "2025年3月12日印发"),
    annex="附件",
    table_title="青禾县2025年优化营商环境重点任务清单",
    cols=[("序号", "seq"), ("工作任务", "task"), ("具体内容", "content"),
          ("牵头单位", "lead"), ("配合单位", "support"), ("完成时限", "deadline")],
    rows=[
        dict(seq="1", task="深化企业开办便利化",
             content="推行企业开办“一网通办”，实现营业执照、印章刻制、涉税事项一日办结。",
             lead="县市场监管局", support="县公安局、县税务局", deadline="2025年6月底前"),
        dict(seq="2", task="优化工程建设项目审批",
             content="推进社会投资简易低风险项目“拿地即开工”，审批时限压缩至15个工作日以内。",
             lead="县住建局", support="县自然资源局、县发改局", deadline="9月30日前"),
        dict(seq="3", task="加强涉企收费监管",
             content="开展涉企违规收费专项整治，建立涉企收费目录清单并向社会公布。",
             lead="县发改局", support="县市场监管局、县财政局", deadline="每季度末"),
        dict(seq="4", task="提升政务服务效能",
             content="完善“好差评”制度，推动高频事项“一件事一次办”，差评整改率达到100%。",
             lead="县政务服务中心", support="县政府各部门", deadline="长期坚持"),
        dict(seq="5", task="强化企业融资服务",
             content="搭建政银企对接平台，组织融资对接活动不少于4场，新增普惠小微贷款2亿元。",
             lead="县金融服务中心", support="县财政局、县工信局", deadline="年底前"),
        dict(seq="6", task="清理拖欠企业账款",
             content="建立防范和化解拖欠中小企业账款长效机制，确保无分歧欠款动态清零。",
             lead="县工信局", support="县财政局、各乡镇（街道）", deadline="2025年11月底前"),
        dict(seq="7", task="推进公正文明执法",
             content="推行包容审慎监管，动态调整“免罚轻罚”事项清单，开展涉企行政执法案卷评查。",
             lead="县司法局", support="县直各行政执法部门", deadline="2025年12月31日前"),
    ],
    category=["审批服务", "", "市场环境", "", "", "法治保障", ""],   # merged 类别 cell, rows 1-2 / 3-5 / 6-7
)

B = dict(
    redhead="枫林县人民政府办公室文件",
    number="枫政办发〔2025〕15号",
    title=["枫林县人民政府办公室", "关于印发枫林县2025年教育民生实事工作任务清单的通知"],
    recipients="各乡镇（街道），县直各有关单位：",
    body=[
        "为办好群众家门口的教育民生实事，经县人民政府同意，现将《枫林县2025年教育民生实事工作任务清单》印发给你们，并就有关事项通知如下：",
        "一、压实工作责任",
        "（一）明确责任分工。各责任单位要逐项明确分管领导和具体责任人，确保每项任务有人抓、有人管。",
        "二、强化要素保障",
        "（二）落实资金保障。县财政局要统筹安排资金，优先保障民生实事项目建设需要。",
        "（三）加强督查通报。县政府督查室要定期开展督查，督查结果在全县通报。",
    ],
    attach="附件：枫林县2025年教育民生实事工作任务清单",
    sign="枫林县人民政府办公室",
    date="2025年4月8日",
    publicity="（此件主动公开）",
    cc="抄送：县委办公室，县人大常委会办公室，县政协办公室，县纪委监委。",
    printed=("枫林县人民政府办公室", "2025年4月8日印发"),
    annex="附件1",
    table_title="枫林县2025年教育民生实事工作任务清单",
    cols=[("序号", "seq"), ("重点任务", "task"), ("工作措施", "content"),
          ("责任单位", "units"), ("完成时限", "deadline")],
    rows=[
        dict(seq="1", task="扩充学前教育资源",
             content="新建改扩建公办幼儿园3所，新增公办学位540个。",
             units="县教体局、县发改局、县财政局", deadline="2025年8月底前"),
        dict(seq="2", task="推进义务教育优质均衡",
             content="实施薄弱学校改造提升工程，完成12所农村学校食堂和厕所改造。",
             units="县教体局、县住建局、各乡镇（街道）", deadline="10月底前"),
        dict(seq="3", task="加强校园安全管理",
             content="开展校园及周边安全隐患排查整治，中小学校“护学岗”设置率达到100%。",
             units="县教体局、县公安局、县市场监管局", deadline="每季度末"),
        dict(seq="4", task="落实学生资助政策",
             content="做好家庭经济困难学生资助工作，确保应助尽助。",
             units="县教体局、县财政局、县民政局", deadline="长期坚持"),
        dict(seq="5", task="建设全民健身设施",
             content="新建社区多功能运动场4个，更新农村健身路径30套。",
             units="县教体局、县自然资源局、县财政局", deadline="2025年11月30日前"),
        dict(seq="6", task="提升教师队伍素质",
             content="开展新一轮中小学教师全员培训，招聘补充紧缺学科教师60名。",
             units="县教体局、县人社局、县委编办", deadline="年底前"),
    ],
    # the same unit lists with the shared 县 prefix written once (as many notices print them)
    units_short=["县教体局、发改局、财政局", "县教体局、住建局、各乡镇（街道）", "县教体局、公安局、市场监管局",
                 "县教体局、财政局、民政局", "县教体局、自然资源局、财政局", "县教体局、人社局、县委编办"],
)

C = dict(
    redhead="白石县人民政府办公室文件",
    number="白政办发〔2025〕21号",
    title=["白石县人民政府办公室关于印发白石县2025年", "农村人居环境整治提升行动任务清单的通知"],
    recipients="各乡镇人民政府，县直有关单位：",
    body=[
        "《白石县2025年农村人居环境整治提升行动任务清单》已经县人民政府同意，现印发给你们，请认真组织实施。",
        "一、加强组织领导",
        "（一）各乡镇人民政府是农村人居环境整治的责任主体，要成立工作专班，统筹推进本辖区整治工作。",
        "（二）各牵头单位要加强行业指导，会同配合单位研究解决工作推进中的困难和问题。",
        "二、严格督导考核",
        "（三）县农业农村局要会同有关部门定期开展暗访检查，检查结果纳入乡村振兴实绩考核。",
    ],
    attach="附件：白石县2025年农村人居环境整治提升行动任务清单",
    sign="白石县人民政府办公室",
    date="2025年2月20日",
    publicity="（此件公开发布）",
    cc="抄送：县委办公室，县人大常委会办公室，县政协办公室。",
    printed=("白石县人民政府办公室", "2025年2月20日印发"),
    annex="附件1",
    table_title="白石县2025年农村人居环境整治提升行动任务清单",
    cols=[("序号", "seq"), ("工作任务", "content"), ("牵头单位", "lead"),
          ("配合单位", "support"), ("完成时限", "deadline")],
    rows=[
        dict(seq="1", content="推进农村户厕改造，新改建卫生厕所1200户，问题厕所整改销号率达到100%。",
             lead="县农业农村局", support="县卫健局、各乡镇人民政府", deadline="2025年6月底前"),
        dict(seq="2", content="实施村庄清洁行动，集中开展“三清一改”春夏秋冬四季战役。",
             lead="县农业农村局", support="县乡村振兴局、各乡镇人民政府", deadline="每季度末"),
        dict(seq="3", content="建立农村人居环境长效管护机制，落实管护资金和管护人员。",
             lead="县农业农村局", support="县财政局、各乡镇人民政府", deadline="2025年12月31日前"),
        dict(seq="4", content="推进农村生活污水治理，完成15个行政村污水管网建设，治理率提高到45%。",
             lead="县生态环境局", support="县住建局、县水利局", deadline="2025年10月底前"),
        dict(seq="5", content="开展农村黑臭水体排查整治，完成5条农村黑臭水体治理任务。",
             lead="县生态环境局", support="县水利局、县农业农村局", deadline="2025年11月底前"),
        dict(seq="6", content="开展农村生活垃圾治理，完善“户分类、村收集、镇转运、县处理”体系。",
             lead="县城管局", support="县农业农村局、各乡镇人民政府", deadline="长期坚持"),
        dict(seq="7", content="推进村庄规划编制，完成30个村庄规划编制并纳入国土空间规划“一张图”。",
             lead="县自然资源局", support="县农业农村局、各乡镇人民政府", deadline="9月30日前"),
        dict(seq="8", content="加强农村公路沿线环境整治，清理路域垃圾和违规设置的广告牌。",
             lead="县交通运输局", support="县城管局、各乡镇人民政府", deadline="年底前"),
    ],
)

HANZI = "一二三四五六七八九十"

# ---------------------------------------------------------------- helpers


def dw(s):
    """display width: CJK and full-width characters take two columns"""
    return sum(2 if unicodedata.east_asian_width(ch) in "WFA" else 1 for ch in s)


NO_LINE_START = set("，。、；：！？”’）》")   # punctuation a typesetter hangs at the line's end


def wrap(s, width, measure):
    """cut s into pieces of at most `width` (by measure), keeping a run of ASCII digits whole"""
    out, cur = [], ""
    i = 0
    while i < len(s):
        j = i + 1
        while j < len(s) and s[j].isascii() and s[j].isalnum() and s[i].isascii() and s[i].isalnum():
            j += 1
        tok = s[i:j]
        if cur and measure(cur + tok) > width and tok not in NO_LINE_START:
            out.append(cur)
            cur = ""
        cur += tok
        i = j
    if cur:
        out.append(cur)
    return out or [""]


def pad(s, width, measure):
    return s + " " * max(0, width - measure(s))


# ---------------------------------------------------------------- front matter / back matter

IND = "　　"


def front(b, style):
    L = []
    if style == "web":
        L += ["首页 > 政务公开 > 通知公告",
              "".join(b["title"]),
              "发布时间：" + iso(b["date"]) + " 10:00　来源：" + b["sign"] + "　浏览次数：362",
              "字号：大 中 小",
              "【打印本页】【关闭窗口】",
              b["number"], b["recipients"]]
        L += b["body"]
        L += [b["attach"], b["sign"], b["date"], b["publicity"], b["annex"], b["table_title"]]
        return L
    c = (lambda s, w=72: " " * max(0, (w - dw(s)) // 2) + s) if style == "pdf" else (lambda s, w=0: s)
    L += [c(b["redhead"]), "", c(b["number"]), ""]
    L += [c(t) for t in b["title"]]
    L += ["", b["recipients"]]
    L += [IND + p for p in b["body"]]
    L += ["", IND + b["attach"], ""]
    L += [" " * 40 + b["sign"] if style == "pdf" else b["sign"],
          " " * 42 + b["date"] if style == "pdf" else b["date"], b["publicity"]]
    if style == "pdf":
        L += ["", " " * 34 + "— 1 —", "\f"]
    L += ["", b["annex"], "", c(b["table_title"]), ""]
    return L


def back(b, style):
    tail = [b["cc"], b["printed"][0] + "　　　　" + b["printed"][1]]
    if style == "web":
        return tail + ["【打印本页】【关闭窗口】", "主办：" + b["sign"] + "　网站标识码：3307220001"]
    if style == "pdf":
        return ["", " " * 34 + "— 2 —", "\f", ""] + tail
    return [""] + tail


def iso(d):
    y, rest = d.split("年")
    m, rest = rest.split("月")
    return f"{int(y):04d}-{int(m):02d}-{int(rest.rstrip('日')):02d}"


# ---------------------------------------------------------------- table renderers
# cols: [(header, key)], rows: [dict]; every renderer returns a list of lines


def cells(cols, rows):
    return [[r.get(k, "") for _, k in cols] for r in rows]


def t_tabs(cols, rows, header_rows=None):
    head = header_rows or [[h for h, _ in cols]]
    return ["\t".join(h) for h in head] + ["\t".join(c) for c in cells(cols, rows)]


def t_cell_per_line(cols, rows):
    L = [h for h, _ in cols] + [""]
    for c in cells(cols, rows):
        L += c + [""]
    return L[:-1]


def t_web_cells(cols, rows):
    L = [h for h, _ in cols]
    for c in cells(cols, rows):
        L += c
    return L


def t_markdown(cols, rows, rule=True, header_rows=None):
    L = ["| " + " | ".join(h) + " |" for h in (header_rows or [[h for h, _ in cols]])]
    if rule:
        L.append("|" + "|".join("---" for _ in cols) + "|")
    L += ["| " + " | ".join(c) + " |" for c in cells(cols, rows)]
    return L


def t_pipe_wrapped(cols, rows, widths):
    """pipe rows, no rule; a long cell wraps, going on in the same column on the next line(s)"""
    def block(cs):
        parts = [wrap(c, w, dw) for c, w in zip(cs, widths)]
        n = max(len(p) for p in parts)
        out = []
        for i in range(n):
            out.append("| " + " | ".join(pad(p[i] if i < len(p) else "", w, dw) for p, w in zip(parts, widths)) + " |")
        return out
    L = block([h for h, _ in cols])
    for c in cells(cols, rows):
        L += block(c)
    return L


def t_spaces(cols, rows, widths, measure=dw, valign="top", gap=2, indent=1):
    """columns aligned with runs of spaces, each cell wrapped inside its column
    measure=dw: aligned by display width (an editor, a text browser);
    measure=len: aligned by characters, a CJK character one column (pdftotext -layout)
    valign=middle: a short cell printed on the middle line of its row (pdftotext of a table whose
    cells are vertically centred)"""
    def block(cs):
        parts = [wrap(c, w, measure) for c, w in zip(cs, widths)]
        n = max(len(p) for p in parts)
        if valign == "middle":
            parts = [[""] * ((n - len(p)) // 2) + p for p in parts]
        out = []
        for i in range(n):
            line = " " * indent + (" " * gap).join(pad(p[i] if i < len(p) else "", w, measure) for p, w in zip(parts, widths))
            out.append(line.rstrip())
        return out
    L = block([h for h, _ in cols])
    for c in cells(cols, rows):
        L += block(c)
    return L


# ---------------------------------------------------------------- assembling a notice


def notice(b, table, style="plain", note=None):
    L = front(b, style) + table
    if note:
        L.append(note)
    L += back(b, style)
    return "\n".join(L) + "\n"


def write(name, text):
    p = os.path.join(OUT, name)
    with open(p, "w", encoding="utf-8") as f:
        f.write(text)
    print(p, text.count("\n"), "lines")


def with_cols(b, keys_or_pairs):
    """reorder / rename the columns: a list of keys, or of (header, key)"""
    names = dict((k, h) for h, k in b["cols"])
    return [(k if isinstance(k, tuple) else (names[k], k)) for k in keys_or_pairs]


def main():
    # ---- A: 序号 | 工作任务 | 具体内容 | 牵头单位 | 配合单位 | 完成时限
    a = A
    write("a1_tabs.txt", notice(a, t_tabs(a["cols"], a["rows"])))
    write("a2_cell_per_line.txt", notice(a, t_cell_per_line(a["cols"], a["rows"])))
    write("a3_markdown.md", notice(a, t_markdown(a["cols"], a["rows"])))
    write("a4_pipe_wrapped.md", notice(a, t_pipe_wrapped(a["cols"], a["rows"], [4, 12, 24, 14, 14, 14])))
    write("a5_spaces_display_aligned.txt",
          notice(a, t_spaces(a["cols"], a["rows"], [4, 10, 26, 14, 14, 14]), style="pdf"))
    write("a6_web_page.txt", notice(a, t_web_cells(a["cols"], a["rows"]), style="web"))
    rows = [dict(r, cat=c) for r, c in zip(a["rows"], a["category"])]
    cols = [("重点领域", "cat")] + a["cols"]
    write("a7_category_merged_tabs.txt", notice(a, t_tabs(cols, rows)))
    rows = [dict(r, seq=HANZI[int(r["seq"]) - 1]) for r in a["rows"]]
    write("a8_seq_hanzi_markdown.md", notice(a, t_markdown(a["cols"], rows)))

    # ---- B: 序号 | 重点任务 | 工作措施 | 责任单位 | 完成时限
    b = B
    write("b1_tabs.txt", notice(b, t_tabs(b["cols"], b["rows"])))
    write("b2_markdown.md", notice(b, t_markdown(b["cols"], b["rows"])))
    cols = [("序号", "seq"), ("任务事项", "task"), ("工作措施", "content"), ("承办单位", "units"), ("时间节点", "deadline")]
    write("b3_synonyms_chengban_shijianjiedian_tabs.txt", notice(b, t_tabs(cols, b["rows"])))
    cols = [col for col in b["cols"] if col[1] != "seq"]
    write("b4_no_seq_cell_per_line.txt", notice(b, t_cell_per_line(cols, b["rows"])))
    rows = rows_b5 = [dict(r, seq="（%s）" % r["seq"]) for r in b["rows"]]
    write("b5_seq_paren_pipe_wrapped.md", notice(b, t_pipe_wrapped(b["cols"], rows, [6, 12, 24, 22, 12])))
    rows = [dict(r, units=u) for r, u in zip(b["rows"], b["units_short"])]
    write("b6_shared_prefix_tabs.txt", notice(b, t_tabs(b["cols"], rows)))
    cols = [("序号", "seq"), ("重点工作", "task"), ("工作措施", "content"), ("责任部门", "units"), ("完成时间", "deadline")]
    write("b7_synonyms_zerenbumen_web.txt", notice(b, t_web_cells(cols, b["rows"]), style="web"))

    # ---- C: 序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限
    c = C
    write("c1_tabs.txt", notice(c, t_tabs(c["cols"], c["rows"])))
    write("c2_deadline_before_lead_tabs.txt",
          notice(c, t_tabs(with_cols(c, ["seq", "content", "deadline", "lead", "support"]), c["rows"])))
    write("c3_support_before_lead_markdown.md",
          notice(c, t_markdown(with_cols(c, ["seq", "content", "support", "lead", "deadline"]), c["rows"])))
    rows = [dict(r) for r in c["rows"]]
    for i in (1, 2, 4):                       # rows 2-3 under row 1's 县农业农村局, row 5 under row 4's 县生态环境局
        rows[i]["lead"] = ""
    write("c4_merged_lead_blank_below_tabs.txt",
          notice(c, t_tabs(c["cols"], rows), note="注：牵头单位栏空白的，与上一行相同。"))
    head2 = [["序号", "工作任务", "责任单位", "", "完成时限"], ["", "", "牵头单位", "配合单位", ""]]
    write("c5_two_row_header_tabs.txt", notice(c, t_tabs(c["cols"], c["rows"], header_rows=head2)))
    # page break inside row 5: its content cut after 排查整治，, its 配合单位 after 县水利局、
    t = t_tabs(c["cols"], c["rows"][:4])
    r5 = c["rows"][4]
    cut = r5["content"].index("，") + 1
    t.append("\t".join([r5["seq"], r5["content"][:cut], r5["lead"], "县水利局、", r5["deadline"]]))
    t += ["", "— 3 —", "", t[0]]
    t.append("\t".join(["", r5["content"][cut:], "", "县农业农村局", ""]))
    t += t_tabs(c["cols"], c["rows"][5:])[1:]
    write("c6_pagebreak_header_repeat_tabs.txt", notice(c, t))
    rows = [dict(r) for r in c["rows"]]
    for i in (1, 2, 4):
        rows[i]["lead"] = ""
    write("c8_merged_lead_blank_below_markdown.md",
          notice(c, t_markdown(c["cols"], rows), note="注：牵头单位栏空白的，与上一行相同。"))
    write("c9_two_row_header_markdown.md", notice(c, t_markdown(c["cols"], c["rows"], header_rows=head2)))
    write("c7_pdftotext_layout_chars_middle.txt",
          notice(c, t_spaces(c["cols"], c["rows"], [3, 16, 7, 9, 8], measure=len, valign="middle", gap=3), style="pdf"))

    # ---- var/: isolating the wrapped-pipe problem (problem 1)
    write("var/a4w_pipe_wrapped_label_not_wrapped.md",
          notice(a, t_pipe_wrapped(a["cols"], a["rows"], [4, 20, 24, 14, 14, 16])))
    write("var/b5w_pipe_wrapped_label_not_wrapped.md",
          notice(b, t_pipe_wrapped(b["cols"], rows_b5, [6, 20, 24, 22, 16])))


if __name__ == "__main__":
    main()
