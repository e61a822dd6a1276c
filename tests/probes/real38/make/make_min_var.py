#!/usr/bin/env python3
"""Writes min/ and var/ inputs for real38's problems. Run from the probe directory."""
import os

T = "\t"
os.makedirs("min", exist_ok=True)
os.makedirs("var", exist_ok=True)


def w(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


TABLE = ("序号\t工作任务\t责任单位\t完成时限\n"
         "1\t开展汛前安全检查\t县水利局\t2025年4月30日前\n"
         "2\t清理排水管网\t县住建局\t2025年5月31日前\n")


def notice(recip):
    return ("岚溪县人民政府办公室文件\n\n岚政办发〔2025〕18号\n\n"
            "岚溪县人民政府办公室关于印发岚溪县2025年防汛任务清单的通知\n\n"
            + recip + "\n　　现将清单印发给你们，请认真抓好落实。\n\n"
            "岚溪县人民政府办公室\n2025年4月3日\n\n" + TABLE)


# 1: 主送 wrapped inside a name
w("min/m01_recipients_wrap_inside_name.txt", notice("各乡镇人民政府，县政府各部门，县直有关\n单位，县属各国有企业："))
w("var/v01a_recipients_wrap_after_comma.txt", notice("各乡镇人民政府，县政府各部门，\n县直有关单位、县属各国有企业："))
w("var/v01b_recipients_wrap_inside_last_name.txt", notice("各乡镇人民政府，县政府各部门，县直有关单位，县属各国有企业，驻\n岚有关单位："))
# 2: one recipient whose name holds 、
w("min/m02_recipient_name_with_dun.txt", notice("各乡镇人民政府，县政府各部门，中央、省、市驻岚有关单位："))
w("var/v02a_recipient_name_without_dun.txt", notice("各乡镇人民政府，县政府各部门，中央驻岚有关单位："))

# 3: joint red head with 文件 beside the first issuer
TABLE3 = ("序号\t工作任务\t责任单位\t完成时限\n"
          "1\t完成项目初步设计批复\t县发展改革局\t2025年4月30日前\n"
          "2\t拨付中央资金\t县财政局\t2025年5月15日前\n")
SIDE = "禾川县发展和改革局　　　　　　　　禾川县财政局\n　　　　　　　　　2025年3月20日"
STACK = "禾川县发展和改革局\n禾川县财政局\n2025年3月20日"


def joint(head, sign):
    return (head + "\n\n禾发改〔2025〕12号\n\n禾川县发展和改革局　禾川县财政局\n"
            "关于报送2025年以工代赈任务分工的报告\n\n县人民政府：\n　　现将任务分工报告如下。\n\n"
            + sign + "\n\n" + TABLE3)


w("min/m03_joint_redhead_wenjian_tab_first_line.txt", joint("禾川县发展和改革局\t文件\n禾川县财政局\t", SIDE))
w("var/v03a_joint_redhead_stacked.txt", joint("禾川县发展和改革局\n禾川县财政局\n文件", SIDE))
w("var/v03b_joint_redhead_wenjian_ideo_space.txt", joint("禾川县发展和改革局　文件\n禾川县财政局", SIDE))
w("var/v03c_joint_redhead_one_line.txt", joint("禾川县发展和改革局 禾川县财政局文件", SIDE))
w("var/v03d_joint_redhead_tab_signatures_stacked.txt", joint("禾川县发展和改革局\t文件\n禾川县财政局\t", STACK))

# 4: 函 title and 文号 on one line
ITEMS4 = ("　　一、重点任务\n"
          "　　（一）加强校园周边治安巡防。落实护学岗制度。（责任单位：市公安局；完成时限：2025年6月30日前）\n"
          "　　（二）开展校园食品安全专项检查。对学校食堂开展检查。（责任单位：市市场监管局；完成时限：2025年5月31日前）\n"
          "　　特此函告。\n\n桐岭市人民政府办公室\n2025年3月28日\n")


def han(top):
    return ("桐岭市人民政府办公室\n\n" + top + "\n\n市公安局、市市场监管局：\n　　现就有关工作函商如下：\n" + ITEMS4)


w("min/m04_han_title_number_ideo_spaces.txt", han("关于做好2025年春季校园周边安全整治工作的函　　　　　桐政办函〔2025〕21号"))
w("var/v04a_han_title_number_ascii_spaces.txt", han("关于做好2025年春季校园周边安全整治工作的函     桐政办函〔2025〕21号"))
w("var/v04b_han_number_own_line.txt", han("桐政办函〔2025〕21号\n\n关于做好2025年春季校园周边安全整治工作的函"))
w("var/v04c_han_issuer_title_number_ideo_spaces.txt", han("桐岭市人民政府办公室关于做好2025年春季校园周边安全整治工作的函　　　　　桐政办函〔2025〕21号"))

# 5: markdown bold （一） heading with its text in the same paragraph (a 通知, not a 纪要)
def md5(item1, item2):
    return ("# 鹤原县人民政府办公室关于做好城区老旧小区改造工作的通知\n\n各乡镇人民政府，县政府各部门：\n\n"
            "**一、重点任务**\n\n" + item1 + "\n\n" + item2 + "\n\n鹤原县人民政府办公室\n\n2025年3月21日\n")


I1 = "启动首批12个小区改造。"
R1 = "完成施工招标并进场施工。（牵头单位：县住建局；配合单位：县财政局；完成时限：2025年5月31日前）"
I2 = "统筹落实改造资金。"
R2 = "县级配套资金足额纳入预算。（牵头单位：县财政局；完成时限：2025年6月30日前）"
w("min/m05_md_bold_item_heading.md", md5("**（一）" + I1 + "** " + R1, "**（二）" + I2 + "** " + R2))
w("var/v05a_md_item_heading_not_bold.md", md5("（一）" + I1 + R1, "（二）" + I2 + R2))
w("var/v05b_md_bold_title_only.md", md5("（一）**" + I1 + "**" + R1, "（二）**" + I2 + "**" + R2))

# 6: a section's own paragraph with a units clause, beside sections with items
BODY6 = ("鹤原县人民政府办公室关于落实县政府常务会议议定事项的通知\n\n各乡镇人民政府，县政府各部门：\n"
         "　　现将有关事项通知如下：\n"
         "　　一、关于城区老旧小区改造工作\n"
         "　　（一）启动首批12个小区改造。完成施工招标。（牵头单位：县住建局；配合单位：县财政局；完成时限：2025年5月31日前）\n"
         "　　（二）统筹落实改造资金。争取专项债券。（牵头单位：县财政局；完成时限：2025年6月30日前）\n"
         "　　二、关于一季度经济运行情况\n"
         "　　{p}加强重点指标监测调度，每月形成经济运行分析报告。（牵头单位：县发改局；配合单位：县统计局；完成时限：每月10日前）\n\n"
         "鹤原县人民政府办公室\n2025年3月21日\n")
w("min/m06_section_paragraph_task.txt", BODY6.replace("{p}", ""))
w("var/v06a_section_paragraph_as_item.txt", BODY6.replace("{p}", "（一）"))

# 7: title ending in 会议纪要
def jiyao(title):
    return ("鹤原县人民政府常务会议纪要\n\n鹤政阅〔2025〕5号\n\n鹤原县人民政府办公室　　　　　　　　2025年3月21日\n\n"
            + title + "\n\n2025年3月18日，县长主持召开县政府常务会议。现将会议议定事项纪要如下：\n"
            "一、关于城区老旧小区改造工作\n"
            "（一）启动首批12个小区改造。完成施工招标。（牵头单位：县住建局；配合单位：县财政局；完成时限：2025年5月31日前）\n"
            "（二）统筹落实改造资金。争取专项债券。（牵头单位：县财政局；完成时限：2025年6月30日前）\n")


w("min/m07_title_huiyi_jiyao.txt", jiyao("鹤原县人民政府第二十八次常务会议纪要"))
w("var/v07a_title_guanyu_jiyao.txt", jiyao("鹤原县人民政府关于城区老旧小区改造等事项的会议纪要"))
w("var/v07b_title_tongzhi.txt", jiyao("鹤原县人民政府关于城区老旧小区改造等事项的通知"))

# 8: the first 附件 name wrapped: the outline of the annex plan is lost
def att8(att):
    return ("云岫县人民政府办公室关于印发云岫县2025年人居环境任务分工方案的通知\n\n各乡镇人民政府：\n　　现印发给你们。\n\n"
            + att + "\n\n云岫县人民政府办公室\n2025年3月12日\n\n附件1\n\n云岫县2025年人居环境任务分工方案\n\n"
            "一、工作目标\n　　到2025年底，普及率达到92%以上。\n二、任务分工\n"
            "序号\t工作任务\t牵头单位\t完成时限\n1\t新建公共厕所20座\t县农业农村局\t2025年10月底前\n"
            "2\t推进污水治理\t县水利局\t2025年11月30日前\n"
            "三、保障措施\n（一）加强组织领导。主要负责同志亲自抓。\n（二）强化督导考核。纳入年度督查计划。\n")


w("min/m08_attachment_first_name_wrapped_outline_lost.txt",
  att8("附件：1．云岫县2025年人居环境任务分工\n　　　　　方案\n　　　2．云岫县2025年人居环境考核评分细则"))
w("var/v08a_attachment_last_name_wrapped.txt",
  att8("附件：1．云岫县2025年人居环境任务分工方案\n　　　2．云岫县2025年人居环境考核评分\n　　　　　细则"))
w("var/v08b_attachment_names_not_wrapped.txt",
  att8("附件：1．云岫县2025年人居环境任务分工方案\n　　　2．云岫县2025年人居环境考核评分细则"))

# 9: （一） heading sentence wrapped at the line end: the item title is cut
H9 = ("桐岭市人民政府办公室关于做好春季校园安全整治工作的通知\n\n各县（市、区）人民政府：\n　　现通知如下：\n　　一、重点任务\n")
T9 = "\n桐岭市人民政府办公室\n2025年3月28日\n"
w("min/m09_item_heading_wrapped.txt", H9 +
  "　　（一）清理校园周边流动摊点和占道经营，规范校园周边经营秩\n序。（责任单位：市城市管理综合执法局；完成时限：2025年4月30日前）\n" + T9)
w("var/v09a_item_heading_one_line.txt", H9 +
  "　　（一）清理校园周边流动摊点和占道经营，规范校园周边经营秩序。（责任单位：市城市管理综合执法局；完成时限：2025年4月30日前）\n" + T9)
w("var/v09b_item_heading_wrapped_no_comma.txt", H9 +
  "　　（一）清理校园周边流动摊点和占道经营规范校园周边经营秩\n序。（责任单位：市城市管理综合执法局；完成时限：2025年4月30日前）\n" + T9)

# 10: web 相关附件 block after a cell-per-line table
BASE10 = """泊口县农业农村局关于印发泊口县2025年高素质农民培育任务清单的通知
各乡镇人民政府：
　　现将任务清单印发给你们，请认真抓好落实。
泊口县农业农村局
2025年4月3日
附件
泊口县2025年高素质农民培育任务清单
序号
培训任务
牵头单位
配合单位
完成时限
1
开展经营管理型高素质农民培训300人
县农业农村局
县人社局
2025年10月31日前
2
开展培训质量跟踪评价
县农业农村局
县财政局
2025年12月31日前
"""
w("min/m10_web_related_attachment_after_cells.txt", BASE10 + "相关附件：\n泊口县2025年高素质农民培育任务清单.docx\n")
w("var/v10a_web_print_line_only.txt", BASE10 + "【打印本页】　【关闭窗口】\n")
w("var/v10b_web_related_attachment_one_line.txt", BASE10 + "【打印本页】　【关闭窗口】\n相关附件：泊口县2025年高素质农民培育任务清单.docx\n")

# 11: 转发: the forwarded notice's 附件 taken as ours
OWN11 = """松茗县人民政府办公室关于转发《溪州市人民政府办公室关于印发溪州市2025年医保参保扩面工作方案的通知》的通知
各乡镇人民政府：
现将《溪州市人民政府办公室关于印发溪州市2025年医保参保扩面工作方案的通知》转发给你们，并提出以下意见：
一、压实参保扩面责任
（一）分解下达参保任务。全县参保率稳定在95%以上。（责任单位：县医保局；完成时限：2025年4月15日前）
（二）开展参保动员。做到应保尽保。（责任单位：各乡镇人民政府；完成时限：2025年6月30日前）
松茗县人民政府办公室
2025年3月5日
"""
FWD11 = """
溪州市人民政府办公室关于印发溪州市2025年医保参保扩面工作方案的通知
各县（市、区）人民政府：
《溪州市2025年医保参保扩面工作方案》已经市人民政府同意，现印发给你们，请认真贯彻执行。
附件：溪州市2025年医保参保扩面工作方案
溪州市人民政府办公室
2025年2月20日
"""
w("min/m11_zhuanfa_forwarded_attachment.txt", OWN11 + FWD11)
w("var/v11a_zhuanfa_without_forwarded_text.txt", OWN11)

# 12: 第一部分/第二部分 headings over 一、 items
BODY12 = """汀南区人民政府办公室关于印发汀南区2025年城市更新重点工作安排的通知
各街道办事处：
现将《汀南区2025年城市更新重点工作安排》印发给你们，请认真贯彻执行。
汀南区人民政府办公室
2025年4月15日
{a}总体要求
全年完成城市更新投资18亿元。
{b}重点任务
{i}推进老旧小区改造提升。完成14个老旧小区改造。（牵头单位：区住建局；完成时限：2025年11月30日前）
{j}完善城市基础设施。改造雨污管网12公里。（牵头单位：区城市管理局；完成时限：2025年10月31日前）
{c}保障措施
区政府督查室每季度通报工作进展。
"""
w("min/m12_diyibufen_outline.txt", BODY12.format(a="第一部分　", b="第二部分　", c="第三部分　", i="一、", j="二、"))
w("var/v12a_yi_and_paren_yi_outline.txt", BODY12.format(a="一、", b="二、", c="三、", i="（一）", j="（二）"))

# 13: 文号 with 第
NUM13 = "汀南区人民政府办公室文件\n\n汀南府办发{n}\n\n"
w("min/m13_number_with_di.txt", NUM13.format(n="[2025]第3号") + BODY12.format(a="第一部分　", b="第二部分　", c="第三部分　", i="一、", j="二、"))
w("var/v13a_number_without_di.txt", NUM13.format(n="[2025]3号") + BODY12.format(a="第一部分　", b="第二部分　", c="第三部分　", i="一、", j="二、"))
