import os
def cover(title):
    return f"""清河县人民政府办公室关于印发{title}的通知

各乡镇人民政府，县政府各部门：
　　现将《{title}》印发给你们，请认真落实。

附件：{title}

清河县人民政府办公室
2025年3月10日

附件

{title}

"""
def cellline(hdr, rows): return "\n".join(hdr + [c for r in rows for c in r]) + "\n"
def tabs(hdr, rows): return "\n".join("\t".join(r) for r in [hdr]+rows) + "\n"
def md(hdr, rows): return "\n".join(["| "+" | ".join(hdr)+" |", "|"+"---|"*len(hdr)] + ["| "+" | ".join(r)+" |" for r in rows]) + "\n"
def pipe(hdr, rows): return "\n".join("| "+" | ".join(r)+" |" for r in [hdr]+rows) + "\n"
def w(name, title, body):
    open(name, "w").write(cover(title) + body)

# 1: leader column in cell-per-line
T1 = "2025年清河县民生实事"
h = ["序号","实事名称","目标任务","牵头领导","牵头单位","责任单位"]
r = [["1","老旧小区改造","改造老旧小区12个","陈刚（副县长）","县住建局","县财政局"],
     ["2","新建公办幼儿园","新建公办幼儿园3所","王丽（副县长）","县教育局","县自然资源局、县住建局"],
     ["3","困难群众救助","发放临时救助资金500万元","赵敏（副县长）","县民政局","县财政局"]]
w("min/m1_cellline_leader_col_glued_rows_shift.txt", T1, cellline(h, r))
w("var/v1a_tabs_same_table_ok.txt", T1, tabs(h, r))
w("var/v1b_cellline_no_leader_col.txt", T1, cellline([x for i,x in enumerate(h) if i!=3], [[x for i,x in enumerate(q) if i!=3] for q in r]))
h2 = ["序号","目标任务","牵头领导","牵头单位","责任单位"]
w("var/v1c_cellline_leader_col_no_name_col.txt", T1, cellline(h2, [[q[0]]+q[2:] for q in r]))
h3 = list(h); h3[3] = "责任领导"
w("var/v1d_cellline_header_zerenlingdao.txt", T1, cellline(h3, r))
r4 = [q[:3]+[q[3].split("（")[0]]+q[4:] for q in r]
w("var/v1e_cellline_leader_bare_name.txt", T1, cellline(h, r4))
h5 = ["序号","重点工作","责任县领导","牵头单位","配合单位","完成时限"]
r5 = [["1","改造老旧小区12个","陈刚（副县长）","县住建局","县财政局","2025年10月底前"],
      ["2","新建公办幼儿园3所","王丽（副县长）","县教育局","县自然资源局、县住建局","2025年8月底前"],
      ["3","发放临时救助资金500万元","赵敏（副县长）","县民政局","县财政局","年底前"]]
w("var/v1f_cellline_zhongdian_leader_deadline.txt", "2025年清河县重点工作责任清单", cellline(h5, r5))

# 2: 反馈时间 column joined to the deadline
T2 = "县政府常务会议交办事项清单"
h = ["序号","交办事项","责任单位","办结时限","反馈时间"]
r = [["1","制定城区停车场管理办法","县城市管理局","2025年6月30日前","2025年5月20日"],
     ["2","完成工业园区污水管网修复","县生态环境分局","2025年7月底前","每月25日前"]]
w("min/m2_fankui_col_joined_to_deadline.txt", T2, tabs(h, r))
hs = ["序号","交办事项","责任单位","反馈时间","办结时限"]
rs = [[q[0],q[1],q[2],q[4],q[3]] for q in r]
w("var/v2a_fankui_before_banjie.txt", T2, tabs(hs, rs))
hb = list(h); hb[4] = "进展报送时间"
w("var/v2b_header_jinzhan_baosong.txt", T2, tabs(hb, r))
hc = list(h); hc[3] = "完成时限"
w("var/v2c_wancheng_plus_fankui.txt", T2, tabs(hc, r))
w("var/v2d_markdown.txt", T2, md(h, r))
hd = ["序号","交办事项","责任单位","反馈时间"]
w("var/v2e_fankui_only.txt", T2, tabs(hd, [q[:3]+[q[4]] for q in r]))

# 3: a non-date 办理时限 cell in cell-per-line is joined to content; the row shifts
T3 = "2025年第一批县长督办事项清单"
h = ["序号","督办事项","办理要求","承办单位","办理时限","督办人"]
r = [["1","阳光小区供暖不达标问题","督促供热企业排查整改","县住建局","立即办理，10个工作日内办结","刘敏"],
     ["2","增值税留抵退税办理慢问题","压缩办理时间至3个工作日","县税务局","2025年6月15日前","刘敏"],
     ["3","农村垃圾收运体系不健全问题","完善收运体系","县农业农村局","2025年9月底前","陈立"]]
w("min/m3_cellline_nondate_deadline_cell_row_shift.txt", T3, cellline(h, r))
w("var/v3a_tabs_same_table_ok.txt", T3, tabs(h, r))
w("var/v3b_cellline_no_duban_col.txt", T3, cellline(h[:5], [q[:5] for q in r]))
for tag, cell in [("v3c_cellline_gongzuori_nei","10个工作日内办结"),("v3d_cellline_lixing_ligai","立行立改"),("v3e_cellline_jiri_qi","即日起"),("v3f_cellline_changqi_jianchi","长期坚持")]:
    rr = [list(q) for q in r]; rr[0][4] = cell
    w(f"var/{tag}.txt", T3, cellline(h, rr))

# 4: a person without phone, or a spaced phone, stays in the unit
T4 = "信访件办理整改清单"
h = ["序号","整改措施","责任单位及责任人","整改时限"]
r = [["1","关停非法采石点","县自然资源局 刘军 138 1234 5678","2025年10月底前"],
     ["2","完善粪污处理设施","县农业农村局 孙强","2025年7月31日前"]]
w("min/m4_unit_cell_person_no_phone_spaced_phone.txt", T4, pipe(h, r))
w("var/v4a_tabs.txt", T4, tabs(h, r))
for tag, cell in [("v4b_person_phone_ok","县农业农村局 孙强 13812345678"),("v4c_zerenren_bracket","县农业农村局（责任人：孙强）"),
                  ("v4d_phone_dashes","县农业农村局 孙强 138-1234-5678"),("v4e_landline","县农业农村局 孙强 0738-8521007"),
                  ("v4f_header_zerendanwei","县农业农村局 孙强")]:
    rr = [list(q) for q in r]; rr[1][2] = cell
    hh = list(h)
    if tag.startswith("v4f"): hh[2] = "责任单位"
    w(f"var/{tag}.txt", T4, pipe(hh, rr))

# 1 more: isolate the 幼儿园 name cell and the 县委常委 leader
h = ["序号","实事名称","目标任务","牵头单位","责任单位"]
r = [["1","老旧小区改造","改造老旧小区12个","县住建局","县财政局"],
     ["2","新建公办幼儿园","新建公办幼儿园3所","县教育局","县自然资源局、县住建局"],
     ["3","困难群众救助","发放临时救助资金500万元","县民政局","县财政局"]]
rr = [list(q) for q in r]; rr[1][1] = "学前教育扩容"
w("var/v1g_cellline_target_ends_3suo_read_as_unit.txt", T1, cellline(h, rr))
w("var/v1h_tabs_name_youeryuan_ok.txt", T1, tabs(h, r))
h = ["序号","实事名称","目标任务","牵头领导","牵头单位","责任单位"]
r = [["1","老旧小区改造","改造老旧小区12个","陈刚（副县长）","县住建局","县财政局"],
     ["2","困难群众救助","发放临时救助资金500万元","赵敏（县委常委、副县长）","县民政局","县财政局"]]
w("var/v1i_cellline_leader_xianwei_changwei.txt", T1, cellline(h, r))

h = ["序号","交办事项","责任单位","反馈时间","办结时限"]
r = [["1","制定城区停车场管理办法","县城市管理局","2025年5月20日前","2025年6月30日前"],
     ["2","完成工业园区污水管网修复","县生态环境分局","每月25日前","2025年7月底前"]]
w("var/v2f_fankui_qian_before_banjie.txt", T2, tabs(h, r))

h = ["序号","实事名称","目标任务","牵头单位","责任单位"]
r = [["1","老旧小区改造","改造老旧小区12个","县住建局","县财政局"],
     ["2","学前教育扩容","新建公办幼儿园3个","县教育局","县自然资源局、县住建局"],
     ["3","困难群众救助","发放临时救助资金500万元","县民政局","县财政局"]]
w("var/v1j_cellline_target_ends_3ge_ok.txt", T1, cellline(h, r))
r[1][2] = "新建乡镇卫生院2所"; r[1][3] = "县卫健局"
w("var/v1k_cellline_target_ends_2suo_weishengyuan.txt", T1, cellline(h, r))
