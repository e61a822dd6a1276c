#!/usr/bin/env python3
"""Build the text samples of real33: Word exports as plain text (t1-t3: HTML -> .docx -> txt by
LibreOffice, then re-encoded) and text-box pastes (p1-p2, written directly).
usage: python3 build_text.py OUTDIR   (scratch under /tmp/real33/txt)"""
import os
import subprocess
import sys

OUT = sys.argv[1] if len(sys.argv) > 1 else "."
TMP = "/tmp/real33/txt"
os.makedirs(TMP, exist_ok=True)
ENV = dict(os.environ, HOME="/tmp/lohome")


def soffice(args):
    subprocess.run(["soffice", "--headless"] + args + ["--outdir", TMP], check=True, env=ENV,
                   capture_output=True)


def word_txt(name, body_html):
    """HTML -> docx -> 'Text (encoded):UTF8' txt; returns the text (BOM kept as LibreOffice writes it)."""
    h = os.path.join(TMP, name + ".html")
    with open(h, "w", encoding="utf-8") as f:
        f.write('<html><head><meta charset="utf-8"></head><body>\n' + body_html + "\n</body></html>\n")
    soffice(["--convert-to", "docx:MS Word 2007 XML", h])
    soffice(["--convert-to", "txt:Text (encoded):UTF8", os.path.join(TMP, name + ".docx")])
    with open(os.path.join(TMP, name + ".txt"), encoding="utf-8") as f:
        return f.read()


def P(*lines):
    return "\n".join(f"<p>{x}</p>" for x in lines)


def table(rows):
    out = ['<table border="1">']
    for r in rows:
        out.append("<tr>" + "".join(c if c.startswith("<td") else f"<td>{c}</td>" for c in r) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


# t1: UTF-8 with BOM as LibreOffice writes it, LF. A cell of two paragraphs (content), units split by
# <br> inside a cell, a rowspan on 责任单位 (the covered cell is an empty line), 每季度末.
T1 = "\n".join([
    P("临河县人民政府办公室文件", "临政办发〔2025〕12号",
      "临河县人民政府办公室", "关于印发临河县2025年政务公开工作要点的通知",
      "各乡镇人民政府，县政府各部门：",
      "《临河县2025年政务公开工作要点》已经县政府同意，现印发给你们，请认真贯彻落实。",
      "一、加强重点领域信息公开",
      "（一）做好政策公开。围绕优化营商环境，全面公开涉企政策文件。",
      "（二）做好重大项目公开。推进重大建设项目批准和实施信息公开。",
      "二、提升公开工作质量",
      "（三）规范依申请公开。提升依申请公开答复质量。",
      "附件：临河县2025年政务公开工作要点任务分解表",
      "临河县人民政府办公室", "2025年3月20日", "（此件公开发布）",
      "附件", "临河县2025年政务公开工作要点任务分解表"),
    table([
        ["序号", "工作任务", "责任单位", "完成时限"],
        ["1", "<p>全面公开涉企政策文件，</p><p>同步发布政策解读材料。</p>", "县发改局<br>县司法局", "2025年6月底前"],
        ["2", "推进重大建设项目批准和实施信息公开。", '<td rowspan="2">县住建局</td>', "9月30日前"],
        ["3", "做好城市更新和保障性住房信息公开。", "2025年8月底前"],
        ["4", "规范政府信息依申请公开办理，提升答复质量。", "县政府办公室、县司法局", "长期坚持"],
        ["5", "加强政府网站和政务新媒体监管，每季度开展一次检查。", "县政府办公室<br>各乡镇人民政府", "每季度末"],
        ["6", "做好政府信息公开工作年度报告编制发布。", "县政府办公室", "2026年1月31日前"],
    ]),
    P("抄送：县委办公室，县人大常委会办公室，县政协办公室。",
      "临河县人民政府办公室　　　　　　2025年3月20日印发"),
])

# t2: GB18030, CRLF. 牵头单位 / 配合单位 with an empty 配合单位 cell (an empty line), a content cell
# of two paragraphs, 每月25日前 (recurring), 10月31日前 without a year.
T2 = "\n".join([
    P("泾阳县农业农村局文件", "泾农发〔2025〕7号",
      "泾阳县农业农村局关于印发2025年高标准农田建设工作任务清单的通知",
      "各乡镇人民政府，局属各单位，机关各股室：",
      "现将《2025年高标准农田建设工作任务清单》印发给你们，请结合实际抓好落实。",
      "附件：2025年高标准农田建设工作任务清单",
      "泾阳县农业农村局", "2025年4月8日",
      "附件", "2025年高标准农田建设工作任务清单"),
    table([
        ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"],
        ["1", "完成2025年度高标准农田建设项目初步设计批复。", "局农田建设股", "县财政局<br>县自然资源局", "2025年5月底前"],
        ["2", "<p>开工建设高标准农田3.5万亩，</p><p>同步实施高效节水灌溉1万亩。</p>", "局农田建设股", "各乡镇人民政府", "10月31日前"],
        ["3", "建立项目建设进度月报制度，按月报送工程进度。", "局农田建设股", "", "每月25日前"],
        ["4", "开展已建高标准农田建后管护，落实管护主体和经费。", "各乡镇人民政府", "局农田建设股、局计财股", "持续推进"],
        ["5", "组织项目竣工验收并上图入库。", "局农田建设股", "县自然资源局、县审计局等", "年底前"],
    ]),
    P("泾阳县农业农村局办公室　　2025年4月8日印发"),
])

# t3: UTF-16LE with BOM, CRLF. Two annex tables, 上半年, 第三季度末.
T3 = "\n".join([
    P("安平县市场监督管理局文件", "安市监发〔2025〕15号",
      "安平县市场监督管理局关于印发安平县2025年食品安全工作要点及任务分工的通知",
      "各市场监管所，局机关各股室：",
      "现将有关文件印发给你们，请认真组织实施。",
      "附件：1．安平县2025年食品安全重点工作任务分工",
      "2．安平县2025年食品安全民生实事项目",
      "安平县市场监督管理局", "2025年2月26日",
      "附件1", "安平县2025年食品安全重点工作任务分工"),
    table([
        ["序号", "工作任务", "牵头单位", "配合单位", "完成时限"],
        ["1", "开展校园食品安全守护行动，实现学校食堂“明厨亮灶”全覆盖。", "食品经营监管股", "县教体局<br>各市场监管所", "2025年上半年"],
        ["2", "推进农村集体聚餐食品安全风险防控，完善备案指导制度。", "食品经营监管股", "各市场监管所", "第三季度末"],
        ["3", "完成食品安全监督抽检2200批次，问题产品核查处置率100%。", "食品抽检股", "县食品安全检验检测中心", "11月底前"],
    ]),
    P("附件2", "安平县2025年食品安全民生实事项目"),
    table([
        ["序号", "项目名称", "责任单位", "完成时限"],
        ["1", "建设农贸市场快检室5个，免费为群众提供快速检测服务。", "食品流通监管股、各市场监管所", "2025年9月底前"],
        ["2", "开展“你点我检”活动，全年服务群众不少于3000人次。", "食品抽检股", "长期坚持"],
    ]),
    P("安平县市场监督管理局办公室　　2025年2月26日印发"),
])

# p1: a notice copied from a WPS window into a web form's text box: paragraphs as lines, the table as
# tab-separated cells; a cell holding line breaks is wrapped in double quotes, its quotes doubled.
P1 = """\
滨江县住房和城乡建设局文件
滨建发〔2025〕21号
滨江县住房和城乡建设局关于印发滨江县2025年城镇老旧小区改造工作任务清单的通知
各乡镇人民政府，各街道办事处，局属各单位：
现将《滨江县2025年城镇老旧小区改造工作任务清单》印发给你们，请认真抓好落实。
附件：滨江县2025年城镇老旧小区改造工作任务清单
滨江县住房和城乡建设局
2025年5月6日
（此件主动公开）
附件
滨江县2025年城镇老旧小区改造工作任务清单
序号	改造任务	牵头单位	配合单位	完成时限
1	"完成2025年度老旧小区改造项目摸底，
建立项目储备库。"	县住建局	"县发改局
县财政局"	2025年6月底前
2	"推进""楼道革命""专项行动，
实施楼道及外立面整治。"	各街道办事处	县住建局	2025年9月底前
3	加装电梯不少于40部，优先支持老年人集中的小区。	县住建局	"县市场监管局
县自然资源局
各街道办事处"	年底前
4	完善小区消防、照明等配套设施，同步推进“海绵化”改造。	县住建局	县消防救援大队、县城管局	2025年11月30日前
5	建立改造后小区长效管理机制，引导成立业主委员会。	各街道办事处	县住建局	长期坚持
抄送：县人民政府办公室，县财政局。
滨江县住房和城乡建设局办公室　　2025年5月6日印发
"""

# p2: a range copied from Excel (the 任务分解表 sheet) and pasted as text: title, 填报 line with empty
# cells, header, rows ending CRLF, line breaks inside quoted cells LF, a 合计 row, trailing tabs.
P2_ROWS = [
    ["鹿鸣县2025年安全生产专项整治任务分解表", "", "", "", "", ""],
    ["填报单位：县应急管理局", "", "", "填报时间：2025年4月15日", "", ""],
    ["序号", "整治任务", "牵头单位", "配合单位", "完成时限", "备注"],
    ["1", "开展危险化学品企业重大危险源专项检查，实现全覆盖。", "县应急管理局", "县工信局\n县公安局", "6月30日前", ""],
    ["2", "开展城镇燃气“瓶改管”工程，完成餐饮场所燃气报警器安装。", "县住建局", "县市场监管局\n各乡镇人民政府", "2025年8月底前", "重点任务"],
    ["3", "整治道路运输“两客一危”车辆违法违规行为。", "县交通运输局", "县公安局交警大队", "第三季度末", ""],
    ["4", "开展“九小场所”消防安全排查整治。", "县消防救援大队", "各乡镇人民政府、县市场监管局", "年底前", ""],
    ["5", "落实安全生产“十五条措施”，\n压实企业主体责任。", "县安委会办公室", "县安委会各成员单位", "长期坚持", ""],
    ["合计", "共5项", "", "", "", ""],
]


def excel_cell(c):
    if any(ch in c for ch in '\n\t"'):
        return '"' + c.replace('"', '""') + '"'
    return c


P2 = "".join("\t".join(excel_cell(c) for c in r) + "\r\n" for r in P2_ROWS)


def main():
    t1 = word_txt("t1", T1)
    with open(os.path.join(OUT, "t1_docx_txt_utf8bom_cell_lines.txt"), "w", encoding="utf-8", newline="") as f:
        f.write(t1)  # LibreOffice's UTF8 export starts with a BOM already
    t2 = word_txt("t2", T2).lstrip("\ufeff").replace("\n", "\r\n")
    with open(os.path.join(OUT, "t2_docx_txt_gb18030_crlf.txt"), "wb") as f:
        f.write(t2.encode("gb18030"))
    t3 = word_txt("t3", T3).lstrip("\ufeff").replace("\n", "\r\n")
    with open(os.path.join(OUT, "t3_docx_txt_utf16le_bom_crlf_two_tables.txt"), "wb") as f:
        f.write(b"\xff\xfe" + t3.encode("utf-16-le"))
    with open(os.path.join(OUT, "p1_wps_paste_tabs_quoted_cells.txt"), "w", encoding="utf-8", newline="") as f:
        f.write(P1)
    with open(os.path.join(OUT, "p2_excel_paste_crlf_lf_incell_total.txt"), "w", encoding="utf-8", newline="") as f:
        f.write(P2)


main()
