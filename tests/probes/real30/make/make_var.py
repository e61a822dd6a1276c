#!/usr/bin/env python3
"""Builds the .docx sources of real30's min/ and var/ files into the directory given; make.sh prints them to PDF.
Every source is a docx made with docxlib; the PDF is what is tested."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from docxlib import p, run, sect, table, footnote_ref, write_docx

OUT = sys.argv[1] if len(sys.argv) > 1 else "."
R, C = 'restart', 'continue'


def head(issuer='岷安县农业农村局', number='岷农发〔2025〕7号',
         title='岷安县农业农村局关于印发岷安县2025年和美乡村建设重点任务清单的通知'):
    return [p(issuer + '文件', jc='center', size=52, bold=True, color='FF0000'), p(number, jc='center'),
            p(title, jc='center', size=44, bold=True), p('各乡镇人民政府：'),
            p('现将有关任务清单印发给你们，请认真抓好落实。', ind='first'),
            p('附件：岷安县2025年和美乡村建设重点任务清单', ind='first'),
            p('岷安县农业农村局', jc='right'), p('2025年2月26日', jc='right')]


# ------------------------------------------------ problem 1: n2's table, varied
N2ROWS = [
    ('一、农村人居环境整治', '1', '推进农村生活垃圾分类减量，行政村生活垃圾收运处置体系覆盖率保持100%。', '县住建局', '县农业农村局、各乡镇人民政府', '2025年6月底前'),
    (None, '2', '完成农村户厕问题摸排整改，新改建卫生户厕1200户，同步建立管护长效机制。', '县农业农村局', '县卫健局、各乡镇人民政府', '2025年10月底前'),
    (None, '3', '开展农村生活污水治理，新增治理行政村15个，治理率达到45%以上。', '市生态环境局岷安分局', '县住建局、县水利局', '12月底前'),
    (None, '4', '深入实施村庄清洁行动，开展春夏秋冬“四季战役”。', '县农业农村局', '各乡镇人民政府', '每季度末'),
    ('二、乡村产业发展', '5', '培育壮大茶叶、食用菌等特色产业，新建标准化生产基地3000亩。', '县农业农村局', '县林业局、县供销社', '2025年11月30日前'),
    (None, '6', '创建省级农业产业化联合体2个，培育市级以上龙头企业3家。', '县农业农村局', '县发改局', '2025年9月底前'),
    (None, '7', '推进农产品冷链物流设施建设，新建产地冷藏保鲜设施20座。', '县农业农村局', '县商务局、县供销社', '2025年12月底前'),
    (None, '8', '开展农村集体经济“强村”行动，村级集体经济经营性收入全部达到10万元以上。', '县委组织部', '县农业农村局、县财政局', '全年'),
    ('三、乡村治理', '9', '深化“积分制”“清单制”治理方式，实现全县行政村全覆盖。', '县委组织部', '县委政法委、县民政局', '2025年8月底前'),
    (None, '10', '推进农村移风易俗，集中治理高额彩礼、大操大办等突出问题。', '县委宣传部', '县民政局、县妇联', '长期坚持'),
    (None, '11', '加强农村消防安全和自建房安全隐患排查整治。', '县消防救援大队', '县住建局、各乡镇人民政府', '2025年5月底前'),
]


def n2var(name, two_row=True, category=True, cant_split=False, rows=N2ROWS, pre=None):
    b = head()
    b[-1] = p('2025年2月26日', jc='right', sect=sect())
    b += [p('附件', bold=True), p('岷安县2025年和美乡村建设重点任务清单', jc='center', size=40, bold=True)]
    b += pre or []
    W = ([1500] if category else []) + [700, 5200, 2100, 2700, 1700]
    cc = {'vm': C}
    hdr = []
    if two_row:
        hdr.append(([{'p': '类别', 'vm': R}] if category else []) +
                   [{'p': '序号', 'vm': R}, {'p': '重点任务', 'vm': R}, {'p': '责任单位', 'span': 2}, {'p': '完成时限', 'vm': R}])
        hdr.append(([cc] if category else []) + [cc, cc, '牵头单位', '配合单位', cc])
    else:
        hdr.append((['类别'] if category else []) + ['序号', '重点任务', '牵头单位', '配合单位', '完成时限'])
    body = []
    for cat, *rest in rows:
        body.append(([{'p': cat, 'vm': R} if cat else cc] if category else []) + list(rest))
    b.append(table(W, hdr + body, header_rows=len(hdr), size=28, cant_split=cant_split))
    write_docx(os.path.join(OUT, name), ''.join(b), sect(landscape=True))


# ------------------------------------------------ problem 2: n4's row cut at a paragraph boundary
N4_FILL = ['加强城镇燃气安全管理：', '1.全面排查城镇燃气管网及用户端安全隐患，建立问题清单、整改清单；',
           '2.推动餐饮等公共场所按规定安装可燃气体报警装置，实现应装尽装；',
           '3.督促燃气经营企业落实入户安检制度，每年至少入户安检一次；',
           '4.依法查处非法经营、违规充装等行为，保持高压严管态势；',
           '5.组织开展燃气安全宣传进社区、进企业、进校园活动，提升群众安全用气意识；',
           '6.对排查发现的重大隐患实行挂牌督办，整改到位后及时销号。']


def cutrow(name, content, spacer_pt=200, units=('县住建局', '县市场监管局', '县商务局', '各乡镇人民政府')):
    """A one-page-and-a-bit notice: a spacer pushes the table down so that row 2 is cut by the page break."""
    b = [p('清漳县安全生产委员会办公室', jc='center', size=52, bold=True, color='FF0000'),
         p('清安办〔2025〕5号', jc='center'),
         p('清漳县安全生产委员会办公室关于印发清漳县2025年安全生产工作要点任务分解表的通知', jc='center', size=44, bold=True),
         p('附件', bold=True, raw=f'<w:r><w:rPr><w:b/></w:rPr><w:t>附件</w:t></w:r>',
           spacing=None).replace('<w:pPr>', f'<w:pPr><w:spacing w:before="{spacer_pt * 20}"/>', 1),
         p('清漳县2025年安全生产工作要点任务分解表', jc='center', size=40, bold=True)]
    W = [800, 4800, 1900, 1600]
    rows = [['序号', '工作任务', '责任单位', '完成时限'],
            ['1', '制定县安委会成员单位安全生产工作职责清单，厘清行业监管边界。', ['县安委办', '县委编办'], '2025年4月底前'],
            ['2', content, list(units), '2025年9月底前'],
            ['3', '健全安全生产举报奖励机制，畅通社会监督渠道。', '县应急管理局', '长期坚持']]
    b.append(table(W, rows, header_rows=1, size=32))
    write_docx(os.path.join(OUT, name), ''.join(b), sect())


# ------------------------------------------------ problem 3: 抄送 wrapped in the PDF
def ccwrap(name, cc_text):
    b = head('清漳县安全生产委员会办公室', '清安办〔2025〕5号',
             '清漳县安全生产委员会办公室关于印发清漳县2025年安全生产工作要点任务分解表的通知')
    b += [p('附件', bold=True), p('清漳县2025年安全生产工作要点任务分解表', jc='center', size=40, bold=True)]
    b.append(table([800, 4800, 1900, 1600], [['序号', '工作任务', '责任单位', '完成时限'],
                                           ['1', '健全安全生产举报奖励机制。', '县应急管理局', '长期坚持']], 1, 32))
    b += [p(''), p(cc_text), p('清漳县安全生产委员会办公室\t2025年3月7日印发')]
    write_docx(os.path.join(OUT, name), ''.join(b), sect())


# ------------------------------------------------ problem 4: a footnote mark in a content cell
def fnmark(name, with_note=True):
    b = head('汶阳市人民政府办公室', '汶政办发〔2025〕33号', '汶阳市人民政府办公室关于印发汶阳市2025年城市更新重点任务清单的通知')
    b += [p('附件', bold=True), p('汶阳市2025年城市更新重点任务清单', jc='center', size=40, bold=True)]
    mark = footnote_ref(2) if with_note else ''
    rows = [['序号', '重点任务', '牵头单位', '配合单位', '完成时限'],
            ['1', {'raw': run('推进城中村改造，启动实施改造项目5个。', 24) + mark}, '市住建局', '市财政局', '12月底前'],
            ['2', '建立城市体检评估常态化机制。', '市住建局', '各区人民政府', '长期坚持']]
    b.append(table([700, 3900, 1500, 1800, 1400], rows, 1))
    write_docx(os.path.join(OUT, name), ''.join(b), sect(),
               footnotes={2: '城中村改造项目名单由市住建局另行印发。'} if with_note else None)


if __name__ == '__main__':
    # problem 1
    n2var('m1_pdf_twoline_header_repeat_glued_into_cut_row.docx', category=False, rows=N2ROWS[8:11],
          pre=[p('', raw='', spacing=None).replace('<w:pPr>', '<w:pPr><w:spacing w:before="6600"/>', 1)])
    n2var('v1e_tworow_header_no_category_cantsplit.docx', category=False, cant_split=True)
    n2var('v1a_onerow_header_category_cut_row.docx', two_row=False)
    n2var('v1b_tworow_header_category_cantsplit.docx', cant_split=True)
    n2var('v1c_tworow_header_no_category_cut_row.docx', category=False)
    n2var('v1d_onerow_header_no_category_cut_row.docx', two_row=False, category=False)
    # problem 2
    cutrow('m2_pdf_row_cut_between_paragraphs.docx', N4_FILL)
    cutrow('v2a_row_cut_inside_one_paragraph.docx', ''.join(N4_FILL))
    cutrow('v2b_row_cut_between_paragraphs_no_markers.docx', [x.split('.', 1)[-1] for x in N4_FILL], spacer_pt=220)
    cutrow('v2c_row_cut_units_also_continue.docx', N4_FILL,
           units=('县住建局', '县市场监管局', '县商务局', '县城管局', '县应急管理局', '县公安局', '县消防救援大队',
                  '县交通运输局', '县文旅局', '县教育局', '县卫健局', '各乡镇人民政府'))
    cutrow('m5_pdf_unit_names_glued_across_page_break.docx', N4_FILL, spacer_pt=240,
           units=('县住建局', '县市场监管局', '县商务局', '县城管局', '县应急管理局', '县公安局', '县消防救援大队',
                  '县交通运输局', '县文旅局', '县教育局', '县卫健局', '各乡镇人民政府'))
    # problem 3
    ccwrap('m3_pdf_cc_wrapped_mid_name.docx', '抄送：县委办公室，县人大常委会办公室，县政府办公室，县政协办公室。')
    ccwrap('v3a_pdf_cc_wrapped_after_comma.docx', '抄送：县委办公室，县人大常委会办公室，县人民政府办公室，县政协办公室。')
    ccwrap('v3b_pdf_cc_wrapped_mid_name_long.docx', '抄送：县委办公室，县人大常委会办公室，县政府办公室，县政协办公室，县人民法院，县人民检察院。')
    # problem 4
    fnmark('m4_pdf_footnote_mark_after_cell_text.docx')
    fnmark('v4a_pdf_no_footnote.docx', with_note=False)
